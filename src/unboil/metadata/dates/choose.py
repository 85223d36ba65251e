"""Choosing the page's dates: an ordered list of named strategies, then reconciliation.

The publisher's own stamps come first, then the date printed beside the headline,
then weaker and weaker evidence; the first strategy that finds a date decides.  A
metadata stamp is then checked against what the page prints (``reconcile``) and
moved to the page's local day when the page shows that day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from functools import cached_property
from typing import Any, Callable

from ...lexicon import Lexicon
from ..evidence import Evidence
from ..jsonld import Items, iter_dates
from ..words import MODIFIED_KEYS, PUBLISHED_KEYS, STRONG_PUBLISHED_KEYS, WEAK_PUBLISHED_KEYS
from . import candidates
from .headline import Stamp, headings_stamp
from .parse import parse_date, read_as_address, url_date
from .printed import PrintedDays
from .reconcile import local_day, modified_shown_instead, printed_over_stamp, shown_alternative

__all__ = ["DateSource", "Dated", "Dates", "choose_dates"]


class DateSource(Enum):
    """Where the published date came from (its value is what the trace shows)."""

    JSONLD = "jsonld"
    META = "meta"
    JSONLD_CREATED = "jsonld:dateCreated"
    MICRODATA = "microdata"
    HEADLINE = "headline"
    MICRODATA_EARLIEST = "microdata:earliest"
    URL = "url"
    TIME = "time"
    VISIBLE = "visible"
    HATOM_UPDATED = "hatom:updated"
    SCAN = "scan"
    SCAN_UPDATED = "scan:updated"
    SCRIPT = "script"
    SCRIPT_CREATED = "script:created"
    HEADLINE_UNPRINTED = "headline:unprinted"
    MODIFIED_PRINTED = "modified:printed"
    MODIFIED = "modified"


@dataclass(frozen=True)
class Dated:
    """A date, where it came from (``key``: the meta name) and how it was adjusted."""

    value: datetime
    source: DateSource
    key: str = ""
    notes: tuple[str, ...] = ()
    """Adjustments made after it was found: "shown" (another stamp the page prints), "local"."""

    @property
    def label(self) -> str:
        """The source as the trace and ``Metadata.date_source`` name it ("meta:pubdate+local")."""
        base = f"{self.source.value}:{self.key}" if self.key else self.source.value
        return base + "".join(f"+{note}" for note in self.notes)


@dataclass(frozen=True)
class Dates:
    """The published date with its source, and the modified stamp."""

    published: Dated | None
    modified: datetime | None


@dataclass(frozen=True)
class _Page:
    """What the strategies read; the costly readings made once, when first asked."""

    ev: Evidence
    items: Items
    title: str | None
    headings: list[Any]
    dayfirst: bool
    urls: tuple[str | None, str | None]
    """The page's address and the caller's, in that order."""
    lex: Lexicon
    """The vocabulary's words for dates: month names, "Published", "Updated"."""
    printed: PrintedDays

    @cached_property
    def stamp(self) -> Stamp:
        """The date beside the headline: asked by three rules, read once."""
        return headings_stamp(self.headings, self.title, self.dayfirst, self.lex) if self.headings else (None, False)

    @cached_property
    def marked(self) -> list[datetime]:
        """The publication dates the microdata mark: asked by two rules, read once."""
        return candidates.microdata_dates(self.ev, self.dayfirst, self.lex)

    @cached_property
    def address_date(self) -> datetime | None:
        """The date in the page's address, else in the caller's."""
        return url_date(self.urls[0], self.lex) or url_date(self.urls[1], self.lex)


def _of(found: tuple[datetime | None, str | None]) -> Dated | None:
    """A reader's date and source name as a ``Dated``."""
    value, source = found
    if value is None or source is None:
        return None
    if source.startswith("meta:"):
        return Dated(value, DateSource.META, source[len("meta:"):])
    return Dated(value, DateSource(source))


def _first_jsonld(p: _Page, key: str, source: DateSource) -> Dated | None:
    """The first value of ``key`` that is a date, the article-like items' first."""
    for raw in iter_dates(p.items, key):
        value = parse_date(raw, lex=p.lex)
        if value:
            return Dated(value, source)
    return None


def _publisher_stamp(p: _Page) -> Dated | None:
    """The JSON-LD ``datePublished``, else a well-known ``<meta>`` publication name; another
    of the publisher's stamps instead when only that one is printed (see ``shown_alternative``)."""
    found = _first_jsonld(p, "datePublished", DateSource.JSONLD) or _of(candidates.meta_date(p.ev.meta, STRONG_PUBLISHED_KEYS, p.lex))
    if found is None:
        return None
    shown = shown_alternative(found.value, p.items, p.ev.meta, p.printed)
    return replace(found, value=shown, notes=("shown",)) if shown is not None else found


def _jsonld_created(p: _Page) -> Dated | None:
    """The record's creation: the publication, when the CMS names no other."""
    return _first_jsonld(p, "dateCreated", DateSource.JSONLD_CREATED)


def _one_marked_day(p: _Page) -> Dated | None:
    """One day marked up as the publication is the page's; a listing marks every teaser."""
    if p.marked and len({v.date() for v in p.marked}) == 1:
        return Dated(p.marked[0], DateSource.MICRODATA)
    return None


def _headline(p: _Page) -> Dated | None:
    """The date printed beside the headline is the one a reader sees; it outranks a URL's
    date and scattered ``<time>`` elements, but not the publisher's own metadata."""
    value = p.stamp[0]
    return Dated(read_as_address(value, p.address_date), DateSource.HEADLINE) if value is not None else None


def _earliest_marked(p: _Page) -> Dated | None:
    """A thread marks every reply: the question or first post is the earliest."""
    if p.marked:
        return Dated(min(p.marked, key=lambda v: v.replace(tzinfo=None)), DateSource.MICRODATA_EARLIEST)
    return None


def _weak_meta(p: _Page) -> Dated | None:
    """Generic names, and names of the publisher's own making: weaker than the printed date."""
    keys = [*(k for k in PUBLISHED_KEYS if k in WEAK_PUBLISHED_KEYS), *candidates.other_published_keys(p.ev.meta)]
    return _of(candidates.meta_date(p.ev.meta, keys, p.lex))


def _address(p: _Page) -> Dated | None:
    """The day a site files the page under: set at publication, weaker than any stamp."""
    return Dated(p.address_date, DateSource.URL) if p.address_date is not None else None


STRATEGIES: tuple[tuple[str, Callable[[_Page], Dated | None]], ...] = (
    ("publisher stamp", _publisher_stamp),
    ("JSON-LD dateCreated", _jsonld_created),
    ("one marked day", _one_marked_day),
    ("beside the headline", _headline),
    ("earliest marked day", _earliest_marked),
    ("weak meta name", _weak_meta),
    ("page address", _address),
    ("<time> or date-hinted element", lambda p: _of(candidates.visible_date(p.ev, p.dayfirst, p.lex))),
    ("hAtom updated", lambda p: _of(candidates.hatom_updated(p.ev, p.dayfirst, p.lex))),
    # Before the last-modified stamp: a printed date is what the reader was shown.
    ("printed line", lambda p: _of(candidates.scanned_date(p.ev, p.headings, p.dayfirst, p.lex))),
    ("script data", lambda p: _of(candidates.script_date(p.ev, p.lex))),
)
"""The strategies in the order they are asked, each with a name for the reader of this list."""


def _modified(ev: Evidence, items: Items, lex: Lexicon) -> datetime | None:
    """The JSON-LD ``dateModified``, else the first modification name that is a date."""
    for raw in iter_dates(items, "dateModified"):
        modified = parse_date(raw, lex=lex)
        if modified:
            return modified
    for key in MODIFIED_KEYS:
        modified = parse_date(ev.first_meta(key), lex=lex)
        if modified:
            return modified
    return None


def _checked(p: _Page, found: Dated, modified: datetime | None) -> Dated:
    """A publisher's stamp checked against the date beside the headline and the printed days."""
    if found.notes or not (found.source is DateSource.JSONLD or found.source is DateSource.META and found.key in PUBLISHED_KEYS):
        return found
    shown, revision = p.stamp
    jsonld = found.source is DateSource.JSONLD
    meta_listed = not jsonld or candidates.meta_date(p.ev.meta, STRONG_PUBLISHED_KEYS, p.lex)[0] is not None
    if shown is not None and printed_over_stamp(found.value, modified, jsonld, shown, revision, p.printed, meta_listed):
        return Dated(shown, DateSource.HEADLINE_UNPRINTED)
    if shown is None and jsonld and modified is not None and modified_shown_instead(
        found.value, modified, p.printed, not meta_listed and p.ev.first_meta(*MODIFIED_KEYS) is not None
    ):
        return Dated(modified, DateSource.MODIFIED_PRINTED)
    return found


def _localised(p: _Page, found: Dated, modified: datetime | None, language: str | None) -> Dated:
    """A metadata stamp moved to the day the page shows (see ``reconcile.local_day``)."""
    if found.source not in (DateSource.JSONLD, DateSource.JSONLD_CREATED, DateSource.META):
        return found
    url_day: date | None = p.address_date.date() if p.address_date else None
    local = local_day(found.value, modified, p.ev.times, lambda: p.stamp[0], language, url_day, p.printed)
    if local is None or local == found.value.date():
        return found
    return replace(found, value=datetime.combine(local, found.value.timetz()), notes=(*found.notes, "local"))


def choose_dates(
    ev: Evidence, items: Items, title: str | None, headings: list[Any], language: str | None, dayfirst: bool,
    urls: tuple[str | None, str | None], lex: Lexicon,
) -> Dates:
    """The published date (with where it came from) and the modified date, read with ``lex``'s words."""
    p = _Page(ev, items, title, headings, dayfirst, urls, lex, PrintedDays(ev, dayfirst, lex))
    found = next((d for _, strategy in STRATEGIES if (d := strategy(p)) is not None), None)
    modified = _modified(ev, items, lex)
    if found is not None:
        found = _localised(p, _checked(p, found, modified), modified, language)
    elif modified is not None:
        found = Dated(modified, DateSource.MODIFIED)
    return Dates(found, modified)
