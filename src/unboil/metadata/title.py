"""The title: the headline the page's sources agree on.

The visible headline (the page's ``<h1>``) is what a reader calls the title, so it
wins whenever the metadata titles vouch for it: exactly, as a part of the
``<title>`` before/after the site name, or by sharing most of its words (SEO
titles reword the headline).  An ``<h1>`` that is the site's name (a logo, a blog
header) never wins.  Each rule below is one step; the first that finds a title
decides, and names the sources that agreed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable

from ..dom import text_of
from ..lexicon import Lexicon
from ..text import clean, title_key, unescape
from .evidence import Evidence
from .headings import heading_runs, heading_text, home_link, runs_text
from .sites import Sites, sites_of
from .title_parts import before_bar, compact, drop_site_ends, is_date_part, markup_free, split_title, title_cuts, tokens
from .words import TITLE_KEYS

__all__ = ["choose_title"]

Found = tuple[str, tuple[str, ...]]
"""A title and the names of the sources that chose it (kept in the trace)."""
H1_READ = 8
"""``<h1>`` elements looked at: a page has one headline; more are logos, widgets, teasers."""
H1_KEPT = 5
"""``<h1>`` candidates kept after the logos and site names are left out."""
TITLE_MIN, TITLE_MAX = 2, 300
"""The shortest and longest text an ``<h1>`` may have and still be a headline."""
LOGO_MAX = 60
"""The longest logo heading taken for the site's name."""
HEADINGS_READ = 30
"""Headings (``h1``-``h3``) looked at for a lower headline: the story's comes early."""
HEADING_MIN_KEY = 8
"""Characters a lower heading's key needs to be a headline rather than a label."""
REWORDED_MIN_WORDS = 3
"""Words an ``<h1>`` needs to count as the headline reworded by the metadata."""
REWORDED_SHARE = 0.6
"""Share of an ``<h1>``'s words the metadata titles must say for it to be the headline reworded."""
PREFIX_MIN = 15
"""Characters an ``<h1>`` needs to be confirmed as the start of a metadata title."""
CONTAINED_MIN_WORDS = 3
"""Words a metadata title inside an ``<h1>`` needs to be the headline the h1 wraps."""
CONTAINED_SHARE = 0.4
"""Share of the ``<h1>``'s key a metadata title inside it must fill."""
OVERLAP_SHARE = 0.5
"""Share of an ``<h1>``'s words the metadata titles must share for the h1 to stand as reworded."""
OVERLAP_MIN_WORDS = 2
"""Words an ``<h1>`` needs to stand by overlap: one word shared is chance."""
LABEL_SHARE = 0.5
"""Share of a long h1's words a heading needs to be the headline rather than a short label beside it."""
_KICKER_BAR = re.compile(r"\s[|/]\s")


class _Headings:
    """The texts of the page's first headings (``h1``-``h3``), read once, when a rule asks."""

    def __init__(self, headings: tuple[Any, ...], lex: Lexicon) -> None:
        """Nothing is read yet: most pages are decided before a lower heading is asked."""
        self._headings, self._lex = headings, lex

    @cached_property
    def elements(self) -> list[Any]:
        """The first ``h1``-``h3`` elements."""
        return [el for el in self._headings if el.tag != "h4"][:HEADINGS_READ]

    @cached_property
    def texts(self) -> list[str]:
        """Their texts as titles."""
        return [heading_text(el, self._lex) for el in self.elements]

    @cached_property
    def keys(self) -> set[str]:
        """Their title keys, to tell which part of a title the page prints as a heading."""
        return {title_key(text) for text in self.texts}


@dataclass(frozen=True)
class _Candidates:
    """Every title source of a page, and what is known of the site's name."""

    doc_title: str
    h1s: tuple[str, ...]
    h1_runs: tuple[int, ...]
    """How many runs of text each ``<h1>`` shows: more than one is a kicker and a headline."""
    sources: tuple[tuple[str, str], ...]
    sites: Sites
    cuts: frozenset[str]
    headings: _Headings

    def strip_site(self, text: str) -> str:
        """A title less the site's part (see ``Sites.strip_site``), with this page's headings."""
        return self.sites.strip_site(text, lambda: self.headings.keys)

    @cached_property
    def others(self) -> list[str]:
        """The titles that are not an ``<h1>``: the metadata and the ``<title>``."""
        return [v for n, v in self.sources if n != "h1"]


def _h1_candidates(headings: tuple[Any, ...], sites: Sites, host: str, lex: Lexicon) -> tuple[list[str], list[int], Sites]:
    """The ``<h1>`` texts that may be the headline, with their runs of text; a logo's text
    joins the site's names (wherever the ``<title>`` prints it too); a date set off in it
    (in ``lex``'s words) is a dateline, not the headline's."""
    h1s: list[str] = []
    runs: list[int] = []
    for i, el in enumerate(el for el in headings if el.tag == "h1"):
        if i >= H1_READ or len(h1s) >= H1_KEPT:
            break
        pieces = heading_runs(el)
        text = markup_free(runs_text(pieces, lex))
        if not TITLE_MIN <= len(text) <= TITLE_MAX or sites.is_site(text):
            continue
        if home_link(el, host):
            if len(text) <= LOGO_MAX:
                sites = sites.adding([text])
            continue
        named = sites.named
        h1s.append(before_bar(drop_site_ends(text, lambda part: compact(part) in named or is_date_part(part, lex))))
        runs.append(len(pieces))
    return h1s, runs, sites


@dataclass(frozen=True)
class _Named:
    """What the metadata call the page, as title keys (see ``_heading_over_h1``)."""

    meta: set[str]
    """The JSON-LD headlines and og:title as given."""
    named: set[str]
    """Those and the same less the site's name."""
    full: set[str]
    """Those and the ``<title>`` less the site's name, or less an end part."""


def _lower_heading(c: _Candidates, text: str, k1: str, parts: list[str], keys: _Named, reworded: bool) -> Found | None:
    """Whether one lower heading is the headline over the h1 (see ``_heading_over_h1``)."""
    k = title_key(text)
    if len(k) < HEADING_MIN_KEY or k == k1 or len(text) > TITLE_MAX or c.sites.is_site(text):
        return None
    words, words1 = set(k.split()), set(k1.split())
    if words <= words1 or words1 <= words:
        return None  # one says what the other says, and more: a reworded headline, not a label
    if k1 in parts:
        # "Headline | Site" with the h1 "Site", or "Site » Blog » Headline"; not
        # "Headline - Standfirst - Site" with the standfirst in an h2.
        if (
            len(words) > len(words1) and (k in keys.named and k not in parts or k in parts and k == parts[-1])
            or k1 == parts[-1] and k in parts and len(words) >= LABEL_SHARE * len(words1)
        ):
            return text, ("heading", "part")
    elif k in keys.meta or k in keys.full and not reworded:
        return text, ("heading", "confirmed")
    return None


def _heading_over_h1(c: _Candidates) -> Found | None:
    """A lower heading that carries the metadata title, over an h1 the metadata do not name.

    Blogs and portals put the site's name or a section label in the ``<h1>`` ("Blog",
    "Opinion", "Crumbnotes") and the story's headline in an ``<h2>``.  When a later heading
    is the metadata title (the ``og:title``, the JSON-LD headline, the ``<title>`` less the
    site name) and the h1 is not, the later heading is the headline.  When the h1 too is a
    part of the ``<title>``: an h1 that is the last part sits where the site's name goes
    ("Borrowing rules - The Crab Book" in a manual), so a heading with another part is the
    headline unless it is a short label beside a long h1 ("Aktuelles"); otherwise the
    heading needs more words than the h1.
    """
    if not c.h1s:
        return None
    k1 = title_key(c.h1s[0])
    meta = [v for n, v in c.sources if n in ("jsonld", "og")]
    meta_keys = {title_key(v) for v in meta}
    if k1 in meta_keys:
        return None
    parts = [title_key(p) for p in split_title(c.doc_title)] if c.doc_title else []
    if len(parts) < 2:
        parts = []
    named = meta_keys | {title_key(c.strip_site(v)) for v in meta}
    full = named | c.cuts | ({title_key(c.strip_site(c.doc_title))} if c.doc_title else set())
    keys = _Named(meta_keys, named - {""}, full - {""})
    words1 = set(k1.split())
    meta_words = {w for n, v in c.sources if n != "h1" for w in title_key(v).split()}
    # An h1 of three words or more that the metadata titles mostly say too is the headline
    # reworded, not a label: a lower heading with only a part of a metadata title does not beat it.
    reworded = len(words1) >= REWORDED_MIN_WORDS and len(words1 & meta_words) >= REWORDED_SHARE * len(words1) and k1 not in parts
    for text in c.headings.texts:
        found = _lower_heading(c, text, k1, parts, keys, reworded)
        if found:
            return found
    return None


def _confirmed_h1(c: _Candidates) -> Found | None:
    """An h1 confirmed by another source: exactly, as the part of the ``<title>`` before
    " | Site", or as the start of a longer metadata title."""
    other_keys = {title_key(v) for v in c.others}
    other_parts = {title_key(p) for v in c.others for p in split_title(v)}
    for h in c.h1s:
        k = title_key(h)
        if k in other_keys or k in other_parts:
            return h, ("h1", "confirmed")
    for h in c.h1s:
        k = title_key(h)
        for ok in other_keys:
            if len(k) >= PREFIX_MIN and ok.startswith(k):
                return h, ("h1", "prefix")
    return None


def _h1_contains(c: _Candidates) -> Found | None:
    """An h1 that wraps a metadata title in a kicker, a date or a section label ("Tunisia
    Big tasks for the new government"): the metadata title is the headline.  The kicker
    sits in an element of its own or behind a bar or slash; otherwise an h1 that is one run
    of text is the whole headline, and the metadata title a cut of it ("... Hourly Rate"
    of "... Hourly Rate Comparison")."""
    if not c.h1s or not (c.h1_runs[0] > 1 or _KICKER_BAR.search(c.h1s[0])):
        return None
    k = title_key(c.h1s[0])
    by_key: dict[str, str] = {}
    for v in c.others:
        for part in [v, *split_title(v)]:
            by_key.setdefault(title_key(part), part)
    best = ""
    for ok, text in by_key.items():
        if len(ok) > len(best) and len(ok.split()) >= CONTAINED_MIN_WORDS and len(ok) >= CONTAINED_SHARE * len(k) and (
            not c.sites.is_site(text)
        ) and (k.endswith(" " + ok) or k.startswith(ok + " ")):
            best = ok
    return (by_key[best], ("h1", "contains")) if best else None


def _h1_overlap(c: _Candidates) -> Found | None:
    """The main h1 when the metadata titles share most of its words (a reworded headline),
    or when there is no metadata title at all."""
    if not c.h1s:
        return None
    if not c.others:
        return c.h1s[0], ("h1",)
    words = tokens(c.h1s[0])
    meta_words: set[str] = set()
    for v in c.others:
        meta_words |= tokens(v)
    if len(words) >= OVERLAP_MIN_WORDS and len(words & meta_words) >= OVERLAP_SHARE * len(words):
        return c.h1s[0], ("h1", "overlap")
    return None


def _metadata_confirmed(c: _Candidates) -> Found | None:
    """A JSON-LD headline or og:title confirmed by the other or by ``<title>``.  A metadata
    title that is the ``<title>`` less its first or last part has had the site name taken
    off already: its own dashes and colons belong to the headline ("Report – what next?");
    a bar still sets off a site or a section ("CDN | Delivery Network | Site")."""
    for name, v in c.sources:
        if name not in ("jsonld", "og"):
            continue
        if title_key(v) in c.cuts and "|" not in v and not c.sites.is_site(v):
            return v, (name, "cut")
        stripped = c.strip_site(v)
        sk = title_key(stripped)
        if not sk or c.sites.is_site(stripped):
            continue
        if any(title_key(w) == sk or sk in {title_key(p) for p in split_title(w)} for n2, w in c.sources if n2 != name):
            return stripped, (name, "confirmed")
    return None


def _best_single(c: _Candidates) -> Found | None:
    """The best single source: headline, og, then between a lone ``<title>`` and an
    unconfirmed h1 the fuller one (a generic ``<title>`` "Home Page" loses to the post's
    headline, a one-word h1 "Lorem" to the ``<title>``), then an h1."""
    for name, v in c.sources:
        if name in ("jsonld", "og"):
            stripped = c.strip_site(v)
            if title_key(stripped) and not c.sites.is_site(stripped):
                return stripped, (name,)
    stripped_title = c.strip_site(c.doc_title) if c.doc_title else ""
    if c.h1s and len(tokens(c.h1s[0])) > len(tokens(stripped_title)):
        return c.h1s[0], ("h1",)
    if stripped_title:
        return stripped_title, ("title",)
    if c.h1s:
        return c.h1s[0], ("h1",)
    return None


_STEPS: tuple[Callable[[_Candidates], Found | None], ...] = (
    _heading_over_h1, _confirmed_h1, _h1_contains, _h1_overlap, _metadata_confirmed, _best_single,
)
"""The rules in the order they are tried: the first that finds a title decides."""


def choose_title(
    ev: Evidence, jsonld: list[str], site_names: list[str], host: str, lex: Lexicon
) -> tuple[str | None, tuple[str, ...]]:
    """Reconcile headline sources; the winner is the one the others agree with."""
    doc_title = markup_free(clean(text_of(ev.doc_title))) if ev.doc_title is not None else ""
    og = markup_free(unescape(clean(ev.first_meta(*TITLE_KEYS))))
    headlines = [h for x in jsonld if (h := markup_free(unescape(clean(x))))]
    sites = sites_of(site_names, host, doc_title, [og, *headlines])
    h1s, runs, sites = _h1_candidates(ev.headings, sites, host, lex)
    sources = [("jsonld", v) for v in headlines] + ([("og", og)] if og else [])
    sources += [("h1", v) for v in h1s] + ([("title", doc_title)] if doc_title else [])
    c = _Candidates(doc_title, tuple(h1s), tuple(runs), tuple(sources), sites, frozenset(title_cuts(doc_title)), _Headings(ev.headings, lex))
    for step in _STEPS:
        found = step(c)
        if found:
            return found
    return None, ()
