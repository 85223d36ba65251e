"""What the block scorer needs to know of the page besides its blocks.

The scorer drops the headline where the body repeats it, a "More from <Site>"
heading, and a byline naming the authors.  With metadata, these come from the
metadata stage's choices; text only (``Options(with_metadata=False)``), a quick
read of a few tags stands in, so the body stays the same without paying for
the metadata stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from .dom import text_of
from .metadata import Metadata
from .text import title_key

__all__ = ["PageHints", "hints_of", "quick_hints"]

_FIRST_H1 = etree.XPath("(//h1)[1]")
_OG_TITLE = etree.XPath("//meta[@property='og:title']/@content")
_TITLE = etree.XPath("//title[1]/text()")
_OG_SITE = etree.XPath("//meta[@property='og:site_name']/@content")

_HEADLINE_LIMIT = 2_000
"""Characters of a candidate headline read: no headline is longer, and a hostile
page's one ``<h1>`` around everything must not be keyed whole."""


@dataclass(frozen=True)
class PageHints:
    """Comparison keys (:func:`~unboil.metadata.title_key`) of the page's headline, site and authors."""

    title_key: str | None = None
    site_key: str | None = None
    author_keys: frozenset[str] = frozenset()


def hints_of(meta: Metadata) -> PageHints:
    """The scorer's hints from the metadata stage's choices."""
    return PageHints(
        title_key(meta.title) if meta.title else None,
        title_key(meta.site_name) if meta.site_name else None,
        frozenset(title_key(a) for a in meta.authors),
    )


def quick_hints(root: Any) -> PageHints:
    """The scorer's hints from a few tags, without the metadata stage.

    The first ``<h1>`` is the headline on most pages, else ``og:title``, else
    ``<title>``; ``og:site_name`` names the site.  Authors need the metadata
    stage's reading of bylines and JSON-LD, so none are given.
    """
    h1 = _FIRST_H1(root)
    candidates = [text_of(h1[0])[:_HEADLINE_LIMIT] if h1 else "", *_OG_TITLE(root)[:1], *_TITLE(root)[:1]]
    headline = next((key for key in map(title_key, candidates) if key), None)
    site = [key for key in map(title_key, _OG_SITE(root)[:1]) if key]
    return PageHints(headline, site[0] if site else None)
