"""The authors: JSON-LD first, then ``<meta>`` names, then the byline's links, then the printed byline.

The publisher's structured record names people as a list; the other sources give one string
that still carries "By", credentials, a role or an outlet (:func:`names.people` reads it as
people).  A structured source that names only an organisation, or the site itself, gives way to
a person the page prints as its byline ("By Brian Truitt" over "USA TODAY").
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Iterable

from ..dom import text_of, text_size
from ..lexicon import Lexicon
from ..text import FIELD_LIMIT, unescape
from .byline import printed_byline
from .evidence import Evidence
from .jsonld import Items, names, types
from .names import people
from .words import AUTHOR_KEYS, PRIORITY_TYPES, SITE_TYPES

__all__ = ["authors", "plain"]

AUTHORS_KEPT = 10
"""Authors kept: a byline names a few, a paper's author list is not a byline."""
BYLINE_SPAN = 200
"""The most text around two author links for them to be one byline ("By <a>A</a> and <a>B</a>"); links
further apart are the authors of other posts (a forum thread's replies, a list of stories)."""
PAGE_TYPES = frozenset({"webpage", "itempage", "profilepage", "aboutpage"})
"""JSON-LD types of a page item whose ``author`` is read when no article-like item names one."""
ORGANISATION_TYPES = SITE_TYPES | {"corporation", "governmentorganization", "educationalorganization", "ngo"}
"""JSON-LD types of an author that is no person."""

_MARKUP = re.compile(
    r"<(/?)(a|abbr|b|blockquote|br|cite|code|div|em|figcaption|figure|h[1-6]|hr|i|img|li|mark|ol|p|q|s|small|span|"
    r"strong|sub|sup|u|ul)(?:\s[^<>]{0,500})?/?>",
    re.I,
)
"""Tags of text markup; not any "<...>", which is also how some languages quote a title
("<The Palace: Tale of Jang Noksu>")."""
_INLINE = frozenset("a abbr b cite code em i mark q s small span strong sub sup u".split())
_TAG_NAME = 2
"""The group of ``_MARKUP`` that holds the tag's name."""
_KEY = re.compile(r"[\W_]+")


def _untag(m: re.Match[str]) -> str:
    """An inline tag goes without a trace ("<b>Ann</b>"); a block tag leaves a space between words."""
    return "" if m[_TAG_NAME].lower() in _INLINE else " "


def plain(text: str) -> str:
    """A metadata value as text: some CMSs write the author's profile link or the
    description's paragraphs, markup and entities and all, into the JSON-LD or meta value
    ('<a href="/experts/ann-lee">Ann Lee</a>', "<p>We&#8217;re excited...</p>")."""
    return unescape(_MARKUP.sub(_untag, text) if "<" in text else text)


def _jsonld_authors(items: Items) -> tuple[list[str], bool]:
    """The first article-like item's ``author`` and ``creator`` names, else a web page item's (Yoast
    puts the author on the ``WebPage``); a reference by ``@id`` is read from the item it names (such
    graphs name the person apart), and whether every one of them is typed as an organisation."""
    for kinds in (PRIORITY_TYPES, PAGE_TYPES):
        for item in items:
            if not types(item) & kinds:
                continue
            values = [_resolved(v, items) for key in ("author", "creator") for v in _as_list(item.get(key))]
            found = [plain(n)[:FIELD_LIMIT] for v in values for n in names(v)]
            if found:
                orgs = all(isinstance(v, dict) and types(v) & ORGANISATION_TYPES for v in values)
                return found, orgs
    return [], False


def _resolved(value: Any, items: Items) -> Any:
    """A reference (``{"@id": ...}`` and no name) as the item it names, else the value."""
    if isinstance(value, dict) and "name" not in value and isinstance(ref := value.get("@id"), str):
        return next((it for it in items if it.get("@id") == ref and "name" in it), value)
    return value


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _meta_authors(meta: dict[str, list[str]]) -> list[str]:
    """The values of the first author meta name that has any; ``twitter:creator`` (a
    handle) is looked at last and never taken."""
    for key in AUTHOR_KEYS:
        if key == "twitter:creator":
            break
        found = [v for v in meta.get(key, ()) if v]
        if found:
            return found
    return []


def _one_byline(elements: Iterable[Any]) -> list[Any]:
    """The first element and those that share its byline: their nearest common ancestor holds
    little text (``BYLINE_SPAN``)."""
    kept: list[Any] = []
    for el in elements:
        if not kept:
            kept.append(el)
            continue
        first_line = set(kept[0].iterancestors())  # the elements, not their id(): a proxy's id is reused
        common = next((a for a in el.iterancestors() if a in first_line), None)
        if common is not None and text_size(common) <= BYLINE_SPAN:
            kept.append(el)
    return kept


def _linked_authors(ev: Evidence) -> list[str]:
    """The byline's ``rel=author`` links, else its ``itemprop=author`` elements (their
    ``name`` inside when marked); only the first byline's."""
    if ev.rel_authors:
        return [text_of(el) for el in _one_byline(ev.rel_authors)]
    found = []
    for el in _one_byline(ev.itemprop_authors):
        name_el: Any = el.find(".//*[@itemprop='name']")
        found.append(text_of(name_el if name_el is not None else el))
    return found


def _key(name: str) -> str:
    return _KEY.sub("", name.lower())


def _is_site(found: list[str], site_names: Iterable[str]) -> bool:
    """Every name is the site's own (its og:site_name, publisher, host or the host's first label)."""
    sites = {_key(s) for s in site_names} - {""}
    return bool(found) and all(_key(n) in sites for n in found)


def _cleaned(found: Iterable[str], lex: Lexicon) -> list[str]:
    """Each value's people, each once, at most ``AUTHORS_KEPT``; a role given as a value of its own
    after a name ("Michael Rädel", "Redaktion") is no second author."""
    out: list[str] = []
    seen: set[str] = set()
    for value in found:
        for name in people(value, lex):
            if out and lex.author_role_re.search(name):
                continue
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(name)
    return out[:AUTHORS_KEPT]


def authors(
    ev: Evidence, items: Items, lex: Lexicon, site_names: Iterable[str] = (), headline: Any = None
) -> tuple[str, ...]:
    """The page's authors, cleaned with ``lex``'s words, each once: the first source that names
    someone, read in order (JSON-LD, meta, the byline's links, the printed byline under ``headline``),
    past those that name only an organisation (typed so in JSON-LD) or the site itself; when every
    source does, the first's."""
    site_names = list(site_names)
    ld, orgs = _jsonld_authors(items)
    first: list[str] = []
    for source, only_org in (
        (lambda: ld, orgs), (lambda: _meta_authors(ev.meta), False), (lambda: _linked_authors(ev), False),
        (lambda: printed_byline(ev.root, headline, lex), False),
    ):
        found = _cleaned(source(), lex)
        if found and not only_org and not _is_site(found, site_names):
            return tuple(found)
        first = first or found
    return tuple(first)


def first_h1(ev: Evidence) -> Any:
    """The first ``h1``: the headline a byline sits under."""
    return next(islice((h for h in ev.headings if h.tag == "h1"), 1), None)
