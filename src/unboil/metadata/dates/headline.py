"""The date printed beside the headline: the dateline under (or the kicker over) the h1.

It is the date a reader sees first, so it decides against scattered dates, and it
is the evidence the metadata stamps are checked against (see ``reconcile``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from lxml import etree

from ...dom import text_of
from ...lexicon import Lexicon
from ...text import clean, title_key
from ..evidence import HEADING_TAGS, SKIP_TEXT_PARENTS
from ..title_parts import split_title
from .parse import parse_date, short_year_date

__all__ = ["Stamp", "headline_stamp", "headings_stamp", "title_headings"]

Stamp = tuple["datetime | None", bool]
"""A printed date and whether it is labelled as an update."""
AXES = (("descendant", 12), ("following", 60), ("preceding", 12))
"""Where a headline's date is looked for, and how many text nodes each way: a sub-line
inside the heading, the lines after it, then a few before it (a kicker)."""
_AXIS_TEXTS = tuple(
    (axis, etree.XPath(" | ".join(f"{axis}::text()[{k}]" for k in range(1, limit + 1)))) for axis, limit in AXES
)
"""``{axis}::text()[position() <= limit]``, spelt as a union of single positions: libxml2 stops
at the k-th node for ``[k]`` but reads the whole axis for ``position() <= k`` (the rest of the
page).  The union comes back in document order, as the plain form does.  (lxml locks a
compiled XPath while it runs, so one object serves every thread.)"""
LABEL_CHARS = 40
"""Characters of the preceding text kept as a line's label ("Updated:")."""
LINE_MAX = 120
"""The longest text read as a date line: longer is prose."""
PROSE_MAX = 600
"""Characters of prose after which the reading stops: into the body, a date is what the story is about."""
NODE_CHARS = 200
"""Characters of each node joined into the line read for "originally published"."""
ORIGINAL_REST = 60
"""Characters after "originally published" read for its date."""
ORIGINAL_DIGIT_WITHIN = 14
"""Characters after "originally published" within which the date must start."""
DATE_PART_MAX = 30
"""The longest title part read as a dateline."""
HEADINGS_READ = 80
"""Headings looked at for the one that carries the chosen title."""
TITLE_KEY_MIN = 8
"""Characters a title's key needs to be looked for among the headings: shorter matches a label."""
_DIGIT = re.compile(r"\d")
NFC_GROWTH = 3
"""How many times longer NFC (``clean``) may make a text (UAX #15): a text this much shorter
than ``LINE_MAX`` is no prose, cleaned or not."""
TITLE_STRETCH = 2
"""How many times the title's length a heading that starts with it may be (a kicker or a standfirst after it)."""


def _leads_with_date(text: str, lex: Lexicon) -> bool:
    """ "23.01.2022 - Wierer wins": a date set off before the headline is a dateline."""
    parts = split_title(clean(text))
    return len(parts) >= 2 and len(parts[0]) <= DATE_PART_MAX and parse_date(parts[0], loose=False, lex=lex) is not None


def _one_spaced(text: str) -> str:
    """``WS.sub(" ", text)``: each run of whitespace one space, a run at an end kept as one.
    ``str.split`` finds the same runs (``\\s`` is ``str.isspace``) and is far quicker on a
    line of sixty nodes."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


def _original_line(nodes: list[Any], dayfirst: bool, lex: Lexicon) -> datetime | None:
    """The date of a line that says when the page first appeared ("This article was
    originally published on 26 Sep 2019 but has been regularly updated"): a page kept up to
    date prints its last revision beside the headline, and its publication in such a line."""
    line = _one_spaced(" ".join(
        str(n)[:NODE_CHARS] for n in nodes if (parent := n.getparent()) is not None and parent.tag not in SKIP_TEXT_PARENTS
    ))
    for m in lex.originally_re.finditer(line):
        rest = clean(line[m.end():m.end() + ORIGINAL_REST])
        value = parse_date(rest, loose=False, dayfirst=dayfirst, lex=lex)
        # The date must follow the words, not sit in a later sentence ("first posted by Ann").
        if value is not None and _DIGIT.search(rest[:ORIGINAL_DIGIT_WITHIN]) and not lex.byline_start_re.match(rest):
            return value
    return None


def _in_headline(node: Any, parent: Any, heading: Any, title: str | None, lex: Lexicon) -> bool:
    """Whether a text inside the heading is the headline's own words: only a sub-line counts
    ("<small>02.02.2022</small>"); a date in the headline is what the story is about."""
    return (
        parent is heading
        or node.is_tail and parent.getparent() is heading
        or title is not None and title != "" and title_key(str(node)) in title_key(title) and not _leads_with_date(str(node), lex)
    )


def _label(nodes: list[Any], i: int) -> str:
    """A node's label: the end of the text just before it in reading order ("Updated:" then
    the date), also when the lines above the heading are read nearest first.  Made only
    for a node that holds a date: most hold none."""
    for j in range(i - 1, -1, -1):
        text = clean(str(nodes[j]))
        if text:
            return text[-LABEL_CHARS:]
    return ""


def _axis_stamp(
    heading: Any, axis: str, nodes: list[Any], title: str | None, dayfirst: bool, lex: Lexicon, found: list[tuple[bool, datetime]]
) -> datetime | None:
    """The first plain date among one axis's nodes; updates seen on the way go to ``found``."""
    order = range(len(nodes) - 1, -1, -1) if axis == "preceding" else range(len(nodes))
    prose = 0
    for i in order:
        node = nodes[i]
        parent = node.getparent()
        if parent is not None and parent.tag in SKIP_TEXT_PARENTS:
            continue
        if axis == "descendant" and _in_headline(node, parent, heading, title, lex):
            continue
        raw = str(node)
        if len(raw) * NFC_GROWTH <= LINE_MAX and not _DIGIT.search(raw):
            continue  # too short to be prose and no digit, cleaned or not: most lines end here
        text = clean(raw)
        if not text:
            continue
        if len(text) > LINE_MAX:
            prose += len(text)
            if prose > PROSE_MAX:
                break
            continue
        if not _DIGIT.search(text):
            continue  # every date has digits
        value = parse_date(text, loose=False, dayfirst=dayfirst, lex=lex) or short_year_date(text)
        if value is None:
            continue
        prev = _label(nodes, i)
        if lex.other_event_re.search(f"{prev} {_DIGIT.split(text, 1)[0]}"):
            continue  # a member's or a company's date, not the page's
        updated = bool(lex.updated_words_re.search(prev + " " + text)) and not lex.published_words_re.search(text)
        if (
            not updated
            and any(revised and seen.date() < value.date() for revised, seen in found)
            and not lex.publish_label_re.search(f"{prev} {text}")
        ):
            continue  # later than a revision read first: a reply's date, not the page's
        found.append((updated, value))
        if not updated:
            return value
    return None


def headline_stamp(heading: Any, title: str | None, dayfirst: bool, lex: Lexicon) -> Stamp:
    """A date written right beside the headline.

    Reads only a bounded run of short text nodes after the heading, then a few before it;
    an "updated" line counts only when no other date is there.  Returns the date and
    whether it is labelled as an update.
    """
    found: list[tuple[bool, datetime]] = []
    for axis, texts in _AXIS_TEXTS:
        try:
            nodes = texts(heading)
        except Exception:  # noqa: BLE001 - a broken tree yields no date
            continue
        if axis == "following":
            original = _original_line(nodes, dayfirst, lex)
            if original is not None:
                return original, False
        value = _axis_stamp(heading, axis, nodes, title, dayfirst, lex, found)
        if value is not None:
            return value, False
    return (found[0][1], True) if found else (None, False)


def headings_stamp(headings: list[Any], title: str | None, dayfirst: bool, lex: Lexicon) -> Stamp:
    """The date beside the first of ``headings`` that has one."""
    for heading in headings:
        value, updated = headline_stamp(heading, title, dayfirst, lex)
        if value is not None:
            return value, updated
    return None, False


def title_headings(headings: tuple[Any, ...], title: str | None) -> list[Any]:
    """The headings to read the printed date beside: the one that carries the chosen title
    (an ``<h1>`` before a lower level), then the first ``<h1>``.

    The first ``<h1>`` is often a logo or a menu label ("Quicklinks"); the date is printed
    beside the headline, wherever the page put it.
    """
    first_h1 = None
    key = title_key(title) if title and len(title_key(title)) >= TITLE_KEY_MIN else ""
    first_word = key.split(" ", 1)[0]
    matches: list[Any] = []
    for el in headings[:HEADINGS_READ]:
        if el.tag == "h1" and first_h1 is None:
            first_h1 = el
        if key:
            # An ASCII text's key is made of its own words: without the first, no match.  The
            # heading's text in one libxml2 call says so as well as its spaced pieces (a word
            # found in those is found in one piece), which are joined only when it may match.
            plain = text_of(el)
            if plain.isascii() and first_word not in plain.lower():
                continue
            k = title_key(clean(" ".join(el.itertext())))
            if k == key or (k.startswith(key) and len(k) <= TITLE_STRETCH * len(key)):
                matches.append(el)
    matches.sort(key=lambda el: HEADING_TAGS.index(el.tag))
    out = matches[:1]
    if first_h1 is not None and first_h1 not in out:
        out.append(first_h1)
    return out
