"""The authors: JSON-LD first, then ``<meta>`` names, then the byline's links.

The publisher's structured record names people as a list; the other sources
give one string that still carries "By", a profile link or an affiliation.
"""

from __future__ import annotations

import re
from typing import Any

from ..dom import text_of
from ..lexicon import Lexicon
from ..text import FIELD_LIMIT, clean, unescape
from .evidence import Evidence
from .jsonld import Items, names, types
from .words import AUTHOR_KEYS, PRIORITY_TYPES

__all__ = ["authors", "plain"]

SPLIT_FROM = 40
"""Characters from which one author value is read as several names ("Ann Lee, Bo Chan and Cy Diaz")."""
NAME_MAX = 80
"""The longest text taken for a person's name: longer is a bio or a sentence."""
NAME_MAX_WORDS = 8
"""The most words a name has: more is a bio or a sentence."""
AUTHORS_KEPT = 10
"""Authors kept: a byline names a few, a paper's author list is not a byline."""

_MARKUP = re.compile(
    r"<(/?)(a|abbr|b|blockquote|br|cite|code|div|em|figcaption|figure|h[1-6]|hr|i|img|li|mark|ol|p|q|s|small|span|"
    r"strong|sub|sup|u|ul)(?:\s[^<>]{0,500})?/?>",
    re.I,
)
"""Tags of text markup; not any "<...>", which is also how some languages quote a title
("<The Palace: Tale of Jang Noksu>")."""
_INLINE = frozenset("a abbr b cite code em i mark q s small span strong sub sup u".split())
_LETTER = re.compile(r"[^\W\d_]")
_TAG_NAME = 2
"""The group of ``_MARKUP`` that holds the tag's name."""


def _untag(m: re.Match[str]) -> str:
    """An inline tag goes without a trace ("<b>Ann</b>"); a block tag leaves a space between words."""
    return "" if m[_TAG_NAME].lower() in _INLINE else " "


def plain(text: str) -> str:
    """A metadata value as text: some CMSs write the author's profile link or the
    description's paragraphs, markup and entities and all, into the JSON-LD or meta value
    ('<a href="/experts/ann-lee">Ann Lee</a>', "<p>We&#8217;re excited...</p>")."""
    return unescape(_MARKUP.sub(_untag, text) if "<" in text else text)


def _clean_author(name: str, junk: re.Pattern[str]) -> str | None:
    """A name less "By", contact links and affiliations (``junk``: the vocabulary's
    ``author_junk``); None when no name is left."""
    name = clean(plain(name))
    if not name or name.startswith(("http://", "https://", "www.")) or "@" in name and " " not in name:
        return None
    prev = None
    while prev != name:
        prev = name
        name = junk.sub("", name).strip(" ,;|-–—")
    if not name or len(name) > NAME_MAX or len(name.split()) > NAME_MAX_WORDS or not _LETTER.search(name):
        return None
    return name


def _jsonld_authors(items: Items, split: re.Pattern[str]) -> list[str]:
    """The first article-like item's ``author`` and ``creator`` names; a long value is split
    at what joins names (``split``: the vocabulary's ``author_split``)."""
    found: list[str] = []
    for item in items:
        if types(item) & PRIORITY_TYPES:
            for n in map(plain, names(item.get("author")) + names(item.get("creator"))):
                found.extend(split.split(n[:FIELD_LIMIT]) if len(n) > SPLIT_FROM else [n])
        if found:
            break
    return found


def _meta_authors(meta: dict[str, list[str]]) -> list[str]:
    """The values of the first author meta name that has any; ``twitter:creator`` (a
    handle) is looked at last and never taken."""
    found: list[str] = []
    for key in AUTHOR_KEYS:
        for v in meta.get(key, ()):
            if key == "twitter:creator" and found:
                break
            if key != "twitter:creator":
                found.append(v)
        if found:
            break
    return found


def _linked_authors(ev: Evidence) -> list[str]:
    """The byline's ``rel=author`` links, else its ``itemprop=author`` elements (their
    ``name`` inside when marked)."""
    found = [text_of(el) for el in ev.rel_authors]
    if found:
        return found
    for el in ev.itemprop_authors:
        name_el: Any = el.find(".//*[@itemprop='name']")
        found.append(text_of(name_el if name_el is not None else el))
    return found


def authors(ev: Evidence, items: Items, lex: Lexicon) -> tuple[str, ...]:
    """The page's authors, cleaned with ``lex``'s words, each once."""
    found = _jsonld_authors(items, lex.author_split_re) or _meta_authors(ev.meta) or _linked_authors(ev)
    out: list[str] = []
    seen: set[str] = set()
    for name in found:
        cleaned = _clean_author(name, lex.author_junk_re)
        if cleaned and cleaned.lower() not in seen:
            seen.add(cleaned.lower())
            out.append(cleaned)
    return tuple(out[:AUTHORS_KEPT])
