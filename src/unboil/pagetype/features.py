"""The cheap features a page's type is read from.

Two readings, each one C-level selection or a pass over what the pipeline
already made: :func:`tree_features` reads the unpruned tree (the markup's own
declarations: ``og:type``, JSON-LD types, Open Graph fields; counts of the
tags a shop, a forum or a manual is built of; the address's shape), :func:`block_features` the segmented and labelled blocks
(text per block, link density, code, table rows, linked headings and entries,
the vocabulary's shop, poster-card and call-to-action labels, prices).  Every
feature is a number; the model (:mod:`unboil.pagetype.model`) weighs them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from operator import attrgetter
from typing import Any, Mapping, Sequence
from urllib.parse import urlsplit

from ..blocks import RawBlock

__all__ = ["tree_features", "class_features", "block_features"]

_COUNTED_TAGS = (
    "a", "article", "button", "code", "form", "h1", "h2", "h3", "img", "input", "li", "nav", "pre", "select",
    "table", "textarea", "time", "aside", "blockquote", "dl",
)
_SCHEMA_GROUPS: Mapping[str, tuple[str, ...]] = {
    "article": ("article", "newsarticle", "blogposting", "reportagenewsarticle", "opinionnewsarticle", "analysisnewsarticle", "scholarlyarticle", "liveblogposting"),
    "forum": ("discussionforumposting", "qapage", "question", "answer", "comment", "socialmediaposting", "conversation"),
    "product": ("product", "offer", "aggregateoffer", "productgroup", "aggregaterating", "individualproduct", "car", "vehicle"),
    "collection": ("collectionpage", "itemlist", "searchresultspage", "offercatalog", "listitem"),
    "documentation": ("techarticle", "apireference", "softwaresourcecode", "softwareapplication", "howto", "course"),
    "service": ("service", "professionalservice", "localbusiness", "organization", "corporation", "aboutpage", "contactpage", "faqpage", "medicalbusiness", "legalservice", "financialservice"),
    "webpage": ("webpage", "website"),
    "person": ("person", "profilepage"),
    "event": ("event", "recipe", "jobposting", "realestatelisting", "place"),
}
"""schema.org types (lowercase) by what they say of the page; a group's count is one feature."""
_TYPE_NAME = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"([^"]{1,60})"')
"""The first ``@type`` of each JSON-LD object (of a list, its first): a regex, as the
metadata stage has already parsed what it needs and the types are all this reads."""
_OG_TYPES = ("article", "product", "website", "profile", "video", "book", "object")
_CLASS_WORDS = frozenset({
    "post", "reply", "comment", "author", "user", "avatar", "signature", "thread", "topic", "forum", "message", "quote",
    "product", "price", "cart", "buy", "sku", "stock", "variant", "rating", "review", "gallery",
    "card", "item", "grid", "tile", "list", "result", "pagination", "pager", "filter", "sort", "facet", "category",
    "doc", "docs", "toc", "sidebar", "highlight", "api", "version", "breadcrumb", "menu",
    "hero", "cta", "service", "team", "testimonial", "contact", "feature", "banner", "btn",
    "article", "entry", "story", "byline", "date", "tag", "share", "related", "excerpt", "summary", "teaser",
})
"""Words of class names (markup, not page text) counted per element: the parts a page is built of."""
_CLASS_SPLIT = re.compile(r"[^a-z]+")
_URL_WORDS: Mapping[str, tuple[str, ...]] = {
    "forum": ("forum", "forums", "thread", "threads", "topic", "topics", "t", "showthread", "viewtopic", "discussion", "discussions", "questions", "community", "board", "boards", "comments", "r"),
    "product": ("product", "products", "p", "dp", "item", "itm", "shop", "store", "buy", "sku"),
    "collection": ("collections", "collection", "category", "categories", "c", "shop", "catalog", "catalogue", "department", "brands", "browse", "s"),
    "listing": ("tag", "tags", "archive", "archives", "blog", "news", "search", "page", "author", "list", "events", "jobs", "topics", "latest", "articles", "posts"),
    "documentation": ("docs", "doc", "documentation", "api", "reference", "guide", "guides", "manual", "wiki", "learn", "tutorial", "tutorials", "help", "kb", "support", "developer", "developers", "library", "sdk", "en-us", "latest", "stable"),
    "service": ("services", "service", "solutions", "solution", "about", "contact", "pricing", "consulting", "industries", "company", "what-we-do", "features", "capabilities", "agency"),
    "article": ("article", "articles", "story", "stories", "news", "blog", "post", "posts", "press", "opinion"),
}
"""Path segments (and host labels) of the software and site layouts each type is served by:
the route names of forum engines, shops, blog engines and documentation generators."""
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?")
_LONG_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")
_PRICE = re.compile(r"(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|zł|kr|usd|eur|gbp)\b)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
"""A year in a short line: a post's or a teaser's date stamp."""
_LD_JSON = "application/ld+json"
_TAG = attrgetter("tag")
_DATED_META = re.compile(r"date|published|pubdate")
"""``<meta>`` names of a publication stamp (``article:published_time``, ``dc.date``, ``pubdate``...)."""
_META_PREFIXES = ("article:", "product:", "og:price", "book:", "profile:")
"""``<meta>`` names of the Open Graph types' own fields: a story's times and section, a product's price."""
_LD_KEYS = ("datePublished", "author", "offers", "price", "articleBody", "itemListElement", "acceptedAnswer", "commentCount", "sku", "breadcrumb")
"""JSON-LD keys whose mere presence says what the page describes."""


def _log(n: float) -> float:
    return math.log1p(n)


def tree_features(root: Any, url: str | None) -> dict[str, float]:
    """What the unpruned page declares and is built of, in one selection of its counted tags."""
    out: dict[str, float] = {}
    og_type = ""
    types: list[str] = []
    ld_keys: Counter[str] = Counter()
    # counted in C (a Counter over the selection), the few head tags read one by one
    counts = Counter(map(_TAG, root.iter(*_COUNTED_TAGS)))
    for el in root.iter("meta", "script", "link"):
        tag = el.tag
        if tag == "meta":
            name = (el.get("property") or el.get("name") or "").strip().lower()
            if name == "og:type" and not og_type:
                og_type = (el.get("content") or "").strip().lower()
            elif name.startswith(_META_PREFIXES):
                counts["meta:" + name.split(":")[0]] += 1
            if _DATED_META.search(name):
                counts["meta:dated"] += 1
            elif name == "author":
                counts["meta:author"] += 1
        elif tag == "script":
            text = el.text if (el.get("type") or "").strip().lower() == _LD_JSON else None
            if text:
                types.extend(t.lower() for t in _TYPE_NAME.findall(text))
                ld_keys.update(k for k in _LD_KEYS if f'"{k}"' in text)
        elif (el.get("rel") or "").strip().lower() in ("next", "prev"):
            counts["link:paged"] += 1
    for prefix in _META_PREFIXES:
        out[f"meta:{prefix.rstrip(':')}"] = 1.0 if counts["meta:" + prefix.split(":")[0]] else 0.0
    for key in _LD_KEYS:
        out[f"ld:{key}"] = 1.0 if ld_keys[key] else 0.0
    out["link:paged"] = 1.0 if counts["link:paged"] else 0.0
    out["meta:dated"] = 1.0 if counts["meta:dated"] else 0.0
    out["meta:author"] = 1.0 if counts["meta:author"] else 0.0
    for name in _OG_TYPES:
        out[f"og:{name}"] = 1.0 if og_type.split(".")[0] == name else 0.0
    out["og:none"] = 1.0 if not og_type else 0.0
    for group, names in _SCHEMA_GROUPS.items():
        hits = sum(1 for t in types if t in names)
        out[f"schema:{group}"] = 1.0 if hits else 0.0
        out[f"schema:{group}:n"] = _log(hits)
    out["schema:none"] = 1.0 if not types else 0.0
    for tag in _COUNTED_TAGS:
        out[f"tag:{tag}"] = _log(counts[tag])
    anchors = counts["a"] or 1
    out["ratio:li/a"] = counts["li"] / anchors
    out["ratio:img/a"] = counts["img"] / anchors
    out.update(_url_features(url))
    return out


def class_features(classes: Mapping[str, int]) -> dict[str, float]:
    """How many elements' class names hold each of the counted words (a word counted once per
    element), from the count of each class value the prune walk met: each distinct value is
    split once, as pages repeat a few hundred values thousands of times."""
    seen: Counter[str] = Counter()
    for value, count in classes.items():
        for word in _CLASS_WORDS.intersection(_CLASS_SPLIT.split(value.lower())):
            seen[word] += count
    return {f"class:{w}": _log(seen[w]) for w in sorted(_CLASS_WORDS)}


def _url_features(url: str | None) -> dict[str, float]:
    """The address's shape: its depth, a date in it, a long slug, a query, and its words per type.

    None without an address (a page saved without its url, canonical or ``og:url``): the
    model then reads each of these as its average, so the unknown address argues for no type."""
    if not url:
        return {}
    parts = urlsplit(url)
    path = parts.path.lower()
    segments = [s for s in path.split("/") if s]
    words = set(segments)
    for seg in segments:
        words.update(w for w in re.split(r"[^a-z0-9]+", seg) if w)
    out = {
        "url:depth": float(min(len(segments), 8)),
        "url:root": 0.0 if segments else 1.0,
        "url:date": 1.0 if _DATE_PATH.search(path) else 0.0,
        "url:slug": 1.0 if segments and _LONG_SLUG.fullmatch(segments[-1].rsplit(".", 1)[0]) else 0.0,
        "url:query": 1.0 if parts.query else 0.0,
        "url:digits": 1.0 if segments and re.search(r"\d{4,}", segments[-1]) else 0.0,
        "url:html": 1.0 if path.endswith((".html", ".htm", ".php", ".aspx")) else 0.0,
        "url:trailing": 1.0 if path.endswith("/") and segments else 0.0,
    }
    host = (parts.hostname or "").lower()
    first = host.split(".")[0] if host.count(".") >= 2 else ""
    for group, names in _URL_WORDS.items():
        out[f"url:{group}"] = 1.0 if words.intersection(names) else 0.0
        out[f"host:{group}"] = 1.0 if first in names else 0.0
    return out


def block_features(blocks: Sequence[RawBlock], concepts: Sequence[str | None]) -> dict[str, float]:
    """The page's text as the segmenter cut it: its amount, its shape and its labels."""
    n = len(blocks) or 1
    chars = sum(len(b.text) for b in blocks) or 1
    link_chars = sum(b.link_chars for b in blocks)
    kinds: Counter[str] = Counter()
    kind_chars: Counter[str] = Counter()
    linked_headings = long_paragraphs = short_blocks = prices = entries = teasers = years = longest = 0
    signatures: Counter[tuple[Any, Any]] = Counter()
    previous_entry = False
    for b in blocks:
        size = len(b.text)
        kinds[b.kind] += 1
        kind_chars[b.kind] += size
        longest = max(longest, size)
        # a link as long as a headline, alone in its block: an entry of an index
        entry = b.anchors > 0 and b.link_density > 0.8 and b.link_chars / b.anchors >= 25
        if entry:
            entries += 1
            parent = b.owner.getparent()
            signatures[(b.owner.tag, parent.get("class") if parent is not None else None)] += 1
        elif previous_entry and b.kind == "paragraph" and 60 <= size <= 400 and b.link_density < 0.3:
            teasers += 1
        previous_entry = entry
        if b.kind == "heading" and b.link_density > 0.8:
            linked_headings += 1
        elif b.kind == "paragraph" and size >= 200 and b.link_density < 0.2:
            long_paragraphs += 1
        if size < 30:
            short_blocks += 1
        if size < 60:
            prices += 1 if _PRICE.search(b.text) else 0
            years += 1 if _YEAR.search(b.text) else 0
    labels = Counter(c for c in concepts if c)
    out = {
        "text:blocks": _log(len(blocks)),
        "text:chars": _log(chars),
        "text:per_block": _log(chars / n),
        "text:link_density": link_chars / chars,
        "text:short_share": short_blocks / n,
        "text:long_paragraphs": _log(long_paragraphs),
        "text:long_share": long_paragraphs / n,
        "text:linked_headings": _log(linked_headings),
        "text:prices": _log(prices),
        "text:years": _log(years),
        "text:longest_share": longest / chars,
        "text:entries": _log(entries),
        "text:entry_share": entries / n,
        "text:teasers": _log(teasers),
        "text:entry_repeat": _log(max(signatures.values(), default=0)),
    }
    for kind in ("heading", "list_item", "code", "table_row", "quote", "paragraph"):
        out[f"kind:{kind}"] = kinds[kind] / n
        out[f"kind:{kind}:chars"] = kind_chars[kind] / chars
    for concept in ("poster_card", "shop", "call_to_action", "comments", "reviews", "counter", "navigation", "share", "related"):
        out[f"label:{concept}"] = _log(labels[concept])
    return out
