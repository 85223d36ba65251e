"""Learning a site's template from its pages: the lines most of its distinct pages repeat.

The article itself never repeats from page to page; the chrome around it
does (the fund-drive banner, "About this blog", the newsletter box).  So a
line (digits folded, :mod:`.keys`) found on a large share of a site's pages
is the site's, not any one page's.  Two things must not fool that count:

- the same page saved more than once (twice, with its print or AMP copy, a
  ``?utm=`` variant): its article would repeat.  Such saves are folded into
  one page first (:func:`distinct_pages`);
- too few pages: with two, a shared line may as well be one story's own (a
  correction, a series note) as the site's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from .keys import has_words
from .model import SiteTemplate

__all__ = [
    "DUPLICATE_SHARE", "LINE_SHARE", "MAX_SITE_PAGES", "MIN_LINE_PAGES", "MIN_SITE_PAGES", "OTHER_ADDRESS_SHARE",
    "SAME_ADDRESS_SHARE",
    "PageLines", "distinct_pages", "learn_site",
]

MIN_SITE_PAGES = 3
"""Distinct pages a site needs before it gets a template: with two, a line both share may be
one story's own (its correction, its series note) as well as the site's; with three, a line
on most of them is on pages that have nothing else in common."""
LINE_SHARE = 0.5
"""Share of a site's distinct pages a line must be on to be learned: chrome is on nearly all of
them, while a section's own rail or a shop's category labels are on some.  On the tune half of
the dev corpus's site folders 0.4 did a little better, but worse on the check half; 0.6 worse on both."""
MIN_LINE_PAGES = 2
"""Distinct pages a learned line must be on, whatever the share."""
DUPLICATE_SHARE = 0.85
"""Two pages are saves of one page when this share of the smaller one's lines, each weighted by
how rare it is on the site (1 / pages holding it), is on the other too.  Distinct pages share
the site's chrome, which weighs little; saves of one page share their article, which weighs a lot."""
SAME_ADDRESS_SHARE = 0.5
"""Pages that declare the same address (a print copy, an AMP copy, a ``?utm=`` variant) are saves of
one page from this weighted share on: a site that declares its home page everywhere is not fooled."""
OTHER_ADDRESS_SHARE = 0.98
"""Pages that declare two different addresses are two pages unless nearly all their lines are shared
(one page saved under two addresses): a blog whose every post page also shows the same river of its
latest posts shares nine tenths of its lines from post to post, and each post is a page of its own."""
MAX_SITE_PAGES = 200
"""Pages of one site learned from (the first, in walk order): enough to tell its chrome from its
articles, and the bound on the memory learning needs per site."""


@dataclass(frozen=True)
class PageLines:
    """One page as the learner sees it: the address that names it (or None) and its line keys."""

    identity: str | None
    keys: frozenset[str]


def _similar(a: PageLines, b: PageLines, weight: dict[str, float]) -> float:
    """The weighted share of the smaller page's lines that the other page holds too."""
    small, big = (a, b) if len(a.keys) <= len(b.keys) else (b, a)
    total = sum(weight[k] for k in small.keys)
    if not total:
        return 0.0
    return sum(weight[k] for k in small.keys if k in big.keys) / total


def _share_needed(a: str | None, b: str | None) -> float:
    """The weighted share of lines two pages must share to be saves of one page, by the addresses they declare."""
    if a is None or b is None:
        return DUPLICATE_SHARE
    return SAME_ADDRESS_SHARE if a == b else OTHER_ADDRESS_SHARE


def distinct_pages(pages: Sequence[PageLines]) -> list[frozenset[str]]:
    """The site's pages with every group of saves of one page folded into one (their lines joined), in order."""
    counts: dict[str, int] = {}
    for page in pages:
        for k in page.keys:
            counts[k] = counts.get(k, 0) + 1
    weight = {k: 1.0 / c for k, c in counts.items()}
    group = list(range(len(pages)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, a in enumerate(pages):
        for j in range(i + 1, len(pages)):
            b = pages[j]
            need = _share_needed(a.identity, b.identity)
            if root(i) != root(j) and _similar(a, b, weight) >= need:
                group[root(j)] = root(i)
    joined: dict[int, set[str]] = {}
    for i, page in enumerate(pages):
        joined.setdefault(root(i), set()).update(page.keys)
    return [frozenset(keys) for keys in joined.values()]


def learn_site(site: str, pages: Iterable[PageLines], previous: SiteTemplate | None = None) -> SiteTemplate | None:
    """The template of a site from its pages (the first :data:`MAX_SITE_PAGES`), or None with too few.

    ``previous`` is the site's template as a person left it: their own lines,
    selectors and exclusions are kept (and a site they wrote a template for
    keeps it, learned lines or not).
    """
    sample = []
    for page in pages:
        sample.append(page)
        if len(sample) >= MAX_SITE_PAGES:
            break
    distinct = distinct_pages(sample)
    learned: list[str] = []
    if len(distinct) >= MIN_SITE_PAGES:
        counts: dict[str, int] = {}
        for keys in distinct:
            for k in keys:
                counts[k] = counts.get(k, 0) + 1
        need = max(MIN_LINE_PAGES, math.ceil(LINE_SHARE * len(distinct)))
        learned = sorted(k for k, c in counts.items() if c >= need and has_words(k))
    if previous is not None:
        return previous.relearned(learned, len(distinct))
    return SiteTemplate(site, len(distinct), tuple(learned)) if learned else None
