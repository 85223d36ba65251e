"""Reading every metadata field from the unpruned tree: the stage's entry point.

Runs on the loaded tree *before* pruning, because the best evidence (JSON-LD,
``<meta>``, ``<time>``, the header with the h1) sits exactly in the parts that
pruning removes.  The tree is walked once (``evidence.gather``); each field is
then decided from that evidence by agreement between independent sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from ..text import clean
from ..vocabulary import DEFAULT_VOCABULARY, Vocabulary
from .authors import authors, first_h1, plain
from .dates.choose import choose_dates
from .dates.headline import title_headings
from .evidence import Evidence, gather
from .jsonld import Items, jsonld_items, prioritized, types
from .language import day_first, language
from .title import choose_title
from .title_parts import undo_mojibake
from .words import DESCRIPTION_KEYS, IMAGE_KEYS, PRIORITY_TYPES, SITE_NAME_KEYS, SITE_TYPES, URL_KEYS

__all__ = ["Metadata", "extract_metadata"]

_HTTP = re.compile(r"https?://")
_WWW = re.compile(r"^www\d?\.")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    date: date | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    url: str | None = None
    image: str | None = None
    jsonld_body: str | None = None
    """JSON-LD ``articleBody``: evidence for the scorer, not a result."""
    title_sources: tuple[str, ...] = field(default=(), compare=False)
    date_source: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Record:
    """What the JSON-LD says of the page: its headlines, the site's names, the body."""

    headlines: list[str]
    site_names: list[str]
    body: str | None


def _page_url(ev: Evidence, url: str | None) -> str | None:
    """The caller's address, else the canonical link, else og:url; only an http(s) one."""
    page_url = url or ev.canonical or ev.first_meta(*URL_KEYS)
    if page_url and not _HTTP.match(page_url):
        page_url = url or None
    return page_url


def _record(items: Items) -> _Record:
    """The headlines, site names and body the JSON-LD gives, the article-like items' first."""
    headlines: list[str] = []
    site_names: list[str] = []
    body = None
    for item in prioritized(items):
        kinds = types(item)
        if kinds & SITE_TYPES and isinstance(item.get("name"), str):
            site_names.append(item["name"])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            site_names.append(publisher["name"])
        if kinds & PRIORITY_TYPES:
            for key in ("headline", "name", "alternativeHeadline"):
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    headlines.append(value)
                    break
            if body is None and isinstance(item.get("articleBody"), str):
                body = item["articleBody"]
    return _Record(headlines, site_names, body)


def _site_names(ev: Evidence, record: _Record, url: str | None) -> list[str]:
    """The site's names: og:site_name and its kin, the JSON-LD's, the host and its first label."""
    names = [s for s in (ev.first_meta(*SITE_NAME_KEYS),) if s] + record.site_names
    names = [clean(s).lstrip("@") for s in names if clean(s)]
    host = _WWW.sub("", urlsplit(url or "").hostname or "")
    if host:
        names.append(host)
        names.append(host.split(".")[0])
    return names


def extract_metadata(root: Any, url: str | None = None, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> Metadata:
    """Read every metadata field from the unpruned tree, with the words of ``vocabulary``'s
    ``[metadata]`` (labels, month names, author junk): an edited vocabulary file changes them."""
    lex = vocabulary.metadata
    ev = gather(root)
    items = jsonld_items(ev.jsonld_blocks)
    page_url = _page_url(ev, url)
    record = _record(items)
    site_names = _site_names(ev, record, page_url or url)
    host = _WWW.sub("", (urlsplit(page_url or url or "").hostname or "").lower())
    title, title_sources = choose_title(ev, record.headlines, site_names, host, lex)
    title = undo_mojibake(title)
    headings = title_headings(ev.headings, title)
    lang = language(root, ev, page_url or url)
    dates = choose_dates(ev, items, title, headings, lang, day_first(lang), (page_url, url), lex)
    published = dates.published.value if dates.published else None
    description = ev.first_meta(*DESCRIPTION_KEYS)
    return Metadata(
        title=title,
        published=published,
        modified=dates.modified,
        date=published.date() if published else None,
        authors=authors(ev, items, lex, site_names, first_h1(ev)),
        site_name=site_names[0] if site_names else None,
        language=lang,
        description=clean(plain(description or "")) or None,
        url=page_url,
        image=ev.first_meta(*IMAGE_KEYS),
        jsonld_body=record.body,
        title_sources=title_sources,
        date_source=dates.published.label if dates.published else None,
    )
