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

_TEXTS = etree.XPath("text()")
"""An element's own text nodes (not its descendants'), as the title's are read."""

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
    h1, og_title, title, og_site = _first_tags(root)
    candidates = [text_of(h1)[:_HEADLINE_LIMIT] if h1 is not None else "", *og_title, *title]
    headline = next((key for key in map(title_key, candidates) if key), None)
    site = [key for key in map(title_key, og_site) if key]
    return PageHints(headline, site[0] if site else None)


def _first_tags(root: Any) -> tuple[Any, list[str], list[str], list[str]]:
    """In one C-level selection of the document's ``h1``, ``meta`` and ``title`` elements:
    the first ``<h1>``; the first ``og:title`` and ``og:site_name`` contents (as lists of
    none or one); the first text node of the first ``<title>`` that is its parent's first
    and has one (``//title[1]/text()``)."""
    h1: Any = None
    og_title: list[str] = []
    title: list[str] = []
    og_site: list[str] = []
    for el in root.getroottree().getroot().iter("h1", "meta", "title"):
        tag = el.tag
        if tag == "h1":
            h1 = el if h1 is None else h1
        elif tag == "meta":
            prop, content = el.get("property"), el.get("content")
            if content is not None and prop == "og:title" and not og_title:
                og_title.append(content)
            elif content is not None and prop == "og:site_name" and not og_site:
                og_site.append(content)
        elif not title and not any(sibling.tag == "title" for sibling in el.itersiblings(preceding=True)):
            title = _TEXTS(el)[:1]
        if h1 is not None and og_title and title and og_site:
            break
    return h1, og_title, title, og_site
