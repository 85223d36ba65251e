"""Where a page states its date, one reader per kind of evidence.

Each reader takes the evidence the walk gathered (``evidence.gather``) and gives
a date, or None; ``choose`` decides which reader is asked when.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable, Iterator

from ...dom import text_of
from ...text import clean
from ..evidence import STAMP_NODES, Evidence, LineKind
from ...lexicon import Lexicon
from ..words import (
    CREATED, HATOM_PUBLISHED, HATOM_UPDATED, MICRODATA_DATE, NOT_PUBLISHED_KEY, PUBLISHED_KEY, PUBLISHED_KEYS, SCRIPT_DATE,
    SCRIPT_KEY, TIME_UPDATED_CLASS,
)
from .parse import ISO, YEAR, parse_date

__all__ = ["meta_date", "other_published_keys", "microdata_dates", "hatom_updated", "visible_date",
           "scanned_date", "script_date", "line_label", "LABEL_CHARS", "LINE_CHARS", "DIGIT"]

Dated = tuple["datetime | None", "str | None"]
"""A date and the name of where it was found."""
TIMES_READ = 30
"""``<time>`` elements read past the first with a date: a page's own comes first."""
PUBDATE_BONUS = 100
"""Rank a ``<time pubdate>`` or ``itemprop=datePublished`` gains over the others."""
UPDATED_PENALTY = 50
"""Rank a ``<time>`` classed as an update loses."""
HINTED_TEXT_MAX = 120
"""The longest text of a date-hinted element read for a date: longer is a teaser or a body."""
LABEL_CHARS = 40
"""Characters of the preceding line kept as a line's label ("Updated:")."""
LINE_CHARS = 400
"""Characters of a line read: a date sits at its start."""
LABELLED_CHARS = 80
"""Characters after a publishing label read for its date."""
DATE_LINE_MAX = 60
"""The longest line read as "only a date" (with a few words such as "Posted" or "Uhr")."""
DATE_LINE_WORDS = 4
"""Words, besides the date's, a line that is only a date may have."""
OPENING_CHARS = 20
"""Characters of a paragraph read for the date that opens it ("27.1.2022 - At the memorial")."""
SCAN_NODES = STAMP_NODES
"""Nodes, in document order, read by the last-resort scan: those whose stamps are read (``Evidence.scan_lines``)."""
PLAIN_AFTER = 3
"""Dates after the headline looked back on: a plain one among the last ends the scan."""
SCRIPT_CHARS = 500_000
"""Characters of a script searched for a stamp: an app's state is large, not endless."""
DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")


def other_published_keys(meta: dict[str, list[str]]) -> Iterator[str]:
    """Meta names outside the known list that still name a publication date.

    Publishers invent their own ("w-published-date", "ms.date", "published"); the name
    says what the value is as clearly as the standard ones do.
    """
    for key in meta:
        if key not in PUBLISHED_KEYS and PUBLISHED_KEY.search(key) and not NOT_PUBLISHED_KEY.search(key):
            yield key


def meta_date(meta: dict[str, list[str]], keys: Iterable[str], lex: Lexicon) -> Dated:
    """The first value under ``keys``, in the keys' order, that is a date."""
    for key in keys:
        for raw in meta.get(key, ()):
            value = parse_date(raw, lex=lex)
            if value is not None:
                return value, f"meta:{key}"
    return None, None


def microdata_dates(ev: Evidence, dayfirst: bool, lex: Lexicon) -> list[datetime]:
    """``itemprop``/RDFa ``property`` "datePublished"/"dateCreated", and the hAtom
    ``published`` stamp (``<abbr class="published" title="2019-02-10T09:30">``): the
    publisher's own markup."""
    found: list[datetime] = []
    for el in ev.microdata:
        name = (el.get("itemprop") or el.get("property") or "").strip()
        if MICRODATA_DATE.search(name):
            value = parse_date(el.get("content") or el.get("datetime") or clean(text_of(el)), lex=lex)
        elif HATOM_PUBLISHED.search(el.get("class") or ""):
            value = parse_date(el.get("datetime") or el.get("title"), loose=False, dayfirst=dayfirst, lex=lex)
        else:
            continue
        if value:
            found.append(value)
    return found


def hatom_updated(ev: Evidence, dayfirst: bool, lex: Lexicon) -> Dated:
    """The hAtom ``updated`` stamp (``<span class="updated" title="2013-04-04T18:52">``):
    the publisher's markup of the entry's date, which many blog themes give only this
    class; it outranks a date merely printed somewhere on the page."""
    for el in ev.hatom_updated:
        if HATOM_UPDATED.search(el.get("class") or ""):
            value = parse_date(el.get("datetime") or el.get("title"), loose=False, dayfirst=dayfirst, lex=lex)
            if value is not None:
                return value, "hatom:updated"
    return None, None


def _time_date(times: tuple[Any, ...], dayfirst: bool, lex: Lexicon) -> datetime | None:
    """The best-ranked ``<time>``: marked as the publication first, an update last, else the first."""
    ranked: list[tuple[int, datetime]] = []
    for i, el in enumerate(times):
        value = parse_date(el.get("datetime"), lex=lex) or parse_date(clean(text_of(el)), dayfirst=dayfirst, lex=lex)
        if value is None:
            continue
        weight = 0
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            weight -= PUBDATE_BONUS
        cls = (el.get("class") or "").lower()
        if any(word in cls for word in TIME_UPDATED_CLASS):
            weight += UPDATED_PENALTY
        ranked.append((weight + i, value))
        if i > TIMES_READ:
            break
    if not ranked:
        return None
    ranked.sort(key=lambda x: x[0])
    return ranked[0][1]


def visible_date(ev: Evidence, dayfirst: bool, lex: Lexicon) -> Dated:
    """A date from ``<time>`` or a date-ish element near the headline."""
    value = _time_date(ev.times, dayfirst, lex)
    if value is not None:
        return value, "time"
    for el in ev.hinted():
        text = clean(text_of(el))
        if not text or len(text) > HINTED_TEXT_MAX:
            continue
        revised = lex.visible_revised_re.search(text)
        if revised and not lex.visible_published_re.search(text):
            text = text[:revised.start()]  # only a date before the edit note is the item's own
        value = parse_date(text, loose=False, dayfirst=dayfirst, lex=lex)
        if value:
            return value, "visible"
    return None, None


def _line_date(text: str, dayfirst: bool, lex: Lexicon) -> tuple[datetime | None, str]:
    """The date a line of text is about, and the part of the line that carries it: after a
    publishing or updating label; a line that is only a date (and a few words such as
    "Posted" or "Uhr"); or the date that opens a paragraph ("27.1.2022 - At the memorial")."""
    label = lex.publish_label_re.search(text) or lex.updated_words_re.search(text)
    if label:
        part = text[label.start():label.start() + LABELLED_CHARS]
        value = parse_date(part, loose=False, dayfirst=dayfirst, lex=lex)
        if value is not None:
            return value, part
    if len(text) <= DATE_LINE_MAX and len(_WORD.findall(lex.date_words.sub(" ", text))) <= DATE_LINE_WORDS:
        return parse_date(text, loose=False, dayfirst=dayfirst, lex=lex), text
    if text[0].isdigit() or text.split(None, 1)[0].rstrip(".,").lower() in lex.month_number:
        return parse_date(text[:OPENING_CHARS], loose=False, dayfirst=dayfirst, lex=lex), text[:OPENING_CHARS]
    return None, ""


def line_label(source: str, cleaned: bool) -> str:
    """The label a line gives the next one ("Updated:"): its end, as the reading left it (a
    line with digits is read cleaned, one without as it is, stripped; ``cleaned``: a line
    read for a date, cleaned already).  Made only when a date needs it: most lines label none."""
    if cleaned:
        return source[-LABEL_CHARS:]
    if DIGIT.search(source, 0, LINE_CHARS):
        return clean(source[:LINE_CHARS])[-LABEL_CHARS:]
    return source.strip()[-LABEL_CHARS:]


def _first_plain(*groups: list[tuple[bool, datetime]]) -> Dated:
    """The first date not labelled as an update, else the first at all, group by group."""
    for found in groups:
        for updated, value in found:
            if not updated:
                return value, "scan"
    for found in groups:
        if found:
            return found[0][1], "scan:updated"
    return None, None


def scanned_date(ev: Evidence, headings: list[Any], dayfirst: bool, lex: Lexicon) -> Dated:
    """A last resort: the first date the page prints on a line of its own, or after a
    publishing label ("Posted on", "Erschienen am", "Publié le"), or in a stamp attribute
    (``created-timestamp``), read in document order and after the headline first.

    Pages without metadata still print their date, often in an element with no telling
    class ("<p class='text-t600'>April 8, 2024</p>", a footer "Erschienen am: 01.11.2023").
    A line that is only a date, or a labelled date, is the page's date far more often than
    not; an "updated" line counts only when nothing else is found.
    """
    updated_words = lex.updated_words_re
    start = ev.position(headings[0]) if headings else -1
    inside = {e for h in headings for e in h.iter()}  # the headline's own words
    before: list[tuple[bool, datetime]] = []
    after: list[tuple[bool, datetime]] = []
    source, cleaned, current = "", False, -1  # the line before, whose label is made only when a date needs it
    for index, el, kind, text, name in ev.scan_lines:
        if index >= SCAN_NODES:
            break
        if index != current:
            current = index
            if after and any(not updated for updated, _ in after[-PLAIN_AFTER:]):
                break  # a plain date after the headline: nothing later can outrank it
        bucket = after if index >= start else before
        if kind is LineKind.STAMP:
            value = parse_date(text, lex=lex) if ISO.match(text) else None
            if value is not None:
                bucket.append((bool(updated_words.search(name)), value))
            continue
        if el in inside and (kind is LineKind.TEXT or el not in headings):
            continue
        if not (("19" in text or "20" in text) and YEAR.search(text, 0, LINE_CHARS)):
            source, cleaned = text, False  # no year, no date (most lines), but may label the next ("Updated:")
            continue
        text = clean(text[:LINE_CHARS])
        value, line = _line_date(text, dayfirst, lex)
        if value is not None:
            prev = line_label(source, cleaned)
            updated = bool(updated_words.search(prev + " " + line)) and not lex.published_words_re.search(line)
            bucket.append((updated, value))
        source, cleaned = text, True
    return _first_plain(after, before)


def _script_stamps(text: str) -> Iterator[re.Match[str]]:
    """``SCRIPT_DATE.finditer(text)``.  Every match begins at a quote (or the backslash before
    it) and a key's first letters (``SCRIPT_KEY``, case-blind as the keys are): the few places
    that search finds are where the pattern is tried, not each of the script's characters
    (a script is often hundreds of kilobytes)."""
    pos = 0
    while (key := SCRIPT_KEY.search(text, pos)) is not None:
        quote = key.start()
        m = SCRIPT_DATE.match(text, quote - 1) if quote > pos and text[quote - 1] == "\\" else None
        m = m or SCRIPT_DATE.match(text, quote)
        if m is None:
            pos = quote + 1
            continue
        yield m
        pos = m.end()


def script_date(ev: Evidence, lex: Lexicon) -> Dated:
    """A publication stamp in a page's own script data (an app's state, a product record).

    Apps render their pages from JSON that names the publication plainly ("published_at",
    "createdAt").  The first publication key wins over the first creation key; only after
    everything printed on the page, as the data may describe other records too.
    """
    created = None
    for script in ev.scripts:
        for m in _script_stamps(script[:SCRIPT_CHARS]):
            value = parse_date(m["value"], loose=False, lex=lex)
            if value is None:
                continue
            if CREATED not in m["key"].lower():
                return value, "script"
            created = created or value
    return (created, "script:created") if created else (None, None)
