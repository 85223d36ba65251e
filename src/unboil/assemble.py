"""Stage 6: the kept blocks become the Article's blocks, with their links and images.

Links and images are read here, from the kept blocks' own elements, and not
during segmentation: only the few blocks that survive pay for them, and the
scorer never sees a URL it could be swayed by.  Every address is resolved
against the page's address and must be a web address (:func:`~unboil.urls.web_url`):
a ``javascript:`` link is dropped, its words stay.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Sequence
from urllib.parse import quote, urljoin

from .article import Block, Link
from .blocks import BLOCK_TAGS, RawBlock
from .dom import text_of
from .urls import web_url

__all__ = ["assemble", "with_images"]

_LAZY_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-url")
"""Where an ``<img>`` keeps its address; lazy loaders leave ``src`` a placeholder and use the others."""
_URL_SAFE = "%/:=&?~#+!$,;@()*[]"
"""Characters an address keeps as written; anything else (spaces, quotes, ``<``, letters beyond
ASCII) is percent-encoded, so the address is one a rendering can carry (``render.safe_href``)."""
_LINK_LOOKAHEAD = 32
"""Links of an element not found in a block, in a row, before the block stops looking for its own."""
_PLACEHOLDER_PIXELS = 2
"""An image this many pixels wide or high, or less, is a tracking pixel or a spacer, not a picture."""


def assemble(kept: Sequence[RawBlock], base: str | None) -> list[Block]:
    """The Article's blocks: each kept block with the links in its text, images with their address."""
    out = []
    owners: dict[int, _OwnerLinks] = {}  # an element's links, read once for all its blocks
    for raw in kept:
        if raw.kind == "image":
            src = _image_src(raw.owner, base)
            if src is not None:
                out.append(Block("image", raw.text, src=src))
        else:
            links: tuple[Link, ...] = ()
            if raw.anchors:
                key = id(raw.owner)
                if key not in owners:
                    owners[key] = _OwnerLinks(raw)
                links = owners[key].take(raw.text, base)
            out.append(Block(raw.kind, raw.text, raw.level, raw.cells, links))  # type: ignore[arg-type]
    return out


def _anchors(el: Any) -> tuple[list[tuple[Any, int]], str]:
    """The ``<a>`` elements of ``el``'s own text (not those of block elements inside it: their
    own blocks), each with where its words start in the element's whitespace-folded text,
    and that text (its blocks' texts, in order, each a piece of it)."""
    found: list[tuple[Any, int]] = []
    parts: list[str] = []
    state = [0, False]  # characters of folded text so far; whether whitespace follows the last word

    def add(chunk: str | None) -> None:
        if not chunk:
            return
        words = chunk.split()
        if not words:
            state[1] = True
            return
        if state[0] and (state[1] or chunk[0].isspace()):
            parts.append(" ")
            state[0] += 1
        folded = " ".join(words)
        parts.append(folded)
        state[0] += len(folded)
        state[1] = chunk[-1].isspace()

    def walk(parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == "a":
                lead = (child.text or " ")[0].isspace() if len(child) == 0 else False
                found.append((child, state[0] + (1 if state[0] and (state[1] or lead) else 0)))
                add(text_of(child))
            elif isinstance(tag, str) and tag not in BLOCK_TAGS:
                add(child.text)
                walk(child)
            add(child.tail)

    add(el.text)
    walk(el)
    return found, "".join(parts)


def _resolve(href: str | None, base: str | None) -> str | None:
    if not href or href.startswith("#"):
        return None  # a place on the page itself means nothing once the text leaves it
    href = href.strip()
    if base and not href.startswith(("https://", "http://")):  # urljoin is slow; most links are absolute
        try:
            href = urljoin(base, href)
        except ValueError:  # a malformed address (an unclosed IPv6 bracket)
            return None
    checked = web_url(href)  # judged as a browser reads it, before any encoding hides a scheme
    return None if checked is None else quote(checked, safe=_URL_SAFE)


class _OwnerLinks:
    """The links of one element, handed out to its blocks in order (a run cut in lines by
    ``<br>`` is many blocks of one element: a page of 900 such lines must not read its
    900 links once per line)."""

    def __init__(self, raw: RawBlock) -> None:
        owner = raw.owner
        if raw.kind == "table_row":  # a row's text is its cells joined: links are found by their words
            found, self.text = [(a, -1) for a in owner.iter("a")], ""
        else:
            found, self.text = _anchors(owner)
        self.anchors = [(words, a, at) for a, at in found
                        if (words := " ".join((text_of(a) if len(a) else a.text or "").split()))]
        self.starts = [at for _, _, at in self.anchors]
        self.read = 0
        """How far into the element's text its blocks have been found."""
        self.next = 0
        """The first link no block has taken yet (blocks not found in the element's text)."""

    def take(self, text: str, base: str | None) -> tuple[Link, ...]:
        """The links in ``text``, the element's next kept block, each where its words are.

        The block is found in the element's text, and takes the links that lie within it
        there: a link whose words occur twice points at the occurrence it was.  A block
        the element's text does not hold (a table row) looks for the links' words from
        where the last link ended, passing over up to :data:`_LINK_LOOKAHEAD` it lacks.
        """
        where = self.text.find(text, self.read) if self.text else -1
        if where < 0:
            return self._by_words(text, base)
        self.read = where + len(text)
        found: list[Link] = []
        for i in range(bisect_left(self.starts, where), bisect_left(self.starts, self.read)):
            words, a, at = self.anchors[i]
            start = at - where
            if text.startswith(words, start) and (href := _resolve(a.get("href"), base)) is not None:
                found.append((start, start + len(words), href))
        return tuple(found)

    def _by_words(self, text: str, base: str | None) -> tuple[Link, ...]:
        found: list[Link] = []
        at, i, misses = 0, self.next, 0
        while i < len(self.anchors) and misses < _LINK_LOOKAHEAD:
            words, a, _ = self.anchors[i]
            i += 1
            start = text.find(words, at)
            if start < 0:
                misses += 1
                continue
            misses, self.next, at = 0, i, start + len(words)
            href = _resolve(a.get("href"), base)
            if href is not None:
                found.append((start, at, href))
        return tuple(found)


def _image_src(img: Any, base: str | None) -> str | None:
    for size in (img.get("width"), img.get("height")):
        if size and 0 < len(size.strip()) <= 6 and size.strip().isdecimal() and int(size) <= _PLACEHOLDER_PIXELS:
            return None
    for attr in _LAZY_SOURCES:
        value = img.get(attr)
        if value and not value.lstrip().lower().startswith("data:"):
            return _resolve(value, base)
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    first = next((candidate.split() for candidate in srcset.split(",") if candidate.strip()), None)
    if first:
        return _resolve(first[0], base)
    return None


def _home(el: Any) -> Any:
    """The nearest block element holding ``el``: its paragraph, figure or box."""
    parent = el.getparent()
    while parent is not None and parent.tag not in BLOCK_TAGS:
        parent = parent.getparent()
    return parent


def with_images(raw: Sequence[RawBlock], kept: Sequence[RawBlock], images: Sequence[tuple[int, Any]]) -> list[RawBlock]:
    """``kept`` with the images that belong to the article, each where it stood.

    An image belongs when the text on both sides of it was kept (it stands inside the
    article), or when a kept block next to it shares its paragraph or figure (a photo
    and its kept caption).  Images take no part in judging text: an article's photos
    follow the article's text.
    """
    if not images:
        return list(kept)
    chosen = {id(b) for b in kept}
    out: list[RawBlock] = []
    at, seen = 0, set[object]()
    for index, img in images:
        while at < index and at < len(raw):
            if id(raw[at]) in chosen:
                out.append(raw[at])
            at += 1
        before = raw[index - 1] if index > 0 else None
        after = raw[index] if index < len(raw) else None
        kept_near = [b for b in (before, after) if b is not None and id(b) in chosen]
        home = _home(img)
        inside = len(kept_near) == 2 or any(b.owner is home or b.owner.getparent() is home for b in kept_near)
        key = img.get("src") or img.get("data-src") or id(img)
        if inside and key not in seen:
            seen.add(key)
            alt = " ".join((img.get("alt") or img.get("title") or "").split())
            out.append(RawBlock("image", alt, img, 0))
    out.extend(b for b in raw[at:] if id(b) in chosen)
    if sum(b.kind != "image" for b in out) != len(kept):
        return list(kept)  # blocks made after segmentation (none today): their order is unknown here
    return out
