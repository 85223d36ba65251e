"""Stage 6: the kept blocks become the Article's blocks, with their links and images.

Links and images are read here, from the kept blocks' own elements, and not
during segmentation: only the few blocks that survive pay for them, and the
scorer never sees a URL it could be swayed by.  Every address is resolved
against the page's address and must be a web address (:func:`~unboil.urls.web_url`):
a ``javascript:`` link is dropped, its words stay.
"""

from __future__ import annotations

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
_PLACEHOLDER_PIXELS = 2
"""An image this many pixels wide or high, or less, is a tracking pixel or a spacer, not a picture."""


def assemble(kept: Sequence[RawBlock], base: str | None) -> list[Block]:
    """The Article's blocks: each kept block with the links in its text, images with their address."""
    out = []
    for raw in kept:
        if raw.kind == "image":
            src = _image_src(raw.owner, base)
            if src is not None:
                out.append(Block("image", raw.text, src=src))
        else:
            links = _links(raw, base) if raw.anchors else ()
            out.append(Block(raw.kind, raw.text, raw.level, raw.cells, links))  # type: ignore[arg-type]
    return out


def _anchors(el: Any) -> list[tuple[Any, int]]:
    """The ``<a>`` elements of ``el``'s own text (not those of block elements inside it: their
    own blocks), each with where its words would start in the run's whitespace-folded text."""
    found: list[tuple[Any, int]] = []
    state = [0, False]  # characters of folded text so far; whether whitespace follows the last word

    def add(chunk: str | None) -> None:
        if not chunk:
            return
        words = chunk.split()
        if not words:
            state[1] = True
            return
        state[0] += (1 if state[0] and (state[1] or chunk[0].isspace()) else 0) + len(" ".join(words))
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
    return found


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


def _links(raw: RawBlock, base: str | None) -> tuple[Link, ...]:
    """Each link of the block's element found in the block's text, in order.

    A link's words are looked for where the element's text puts them, else from where
    the last link ended (a run cut in lines by ``<br>``, a row's cells), so a link whose
    words occur twice points at the occurrence it was.
    """
    owner = raw.owner
    anchors = [(a, -1) for a in owner.iter("a")] if raw.kind == "table_row" else _anchors(owner)
    text, found, at = raw.text, [], 0
    for a, guess in anchors:
        words = " ".join((text_of(a) if len(a) else a.text or "").split())
        if not words:
            continue
        href = _resolve(a.get("href"), base)
        if href is None:
            continue
        start = guess if guess >= at and text.startswith(words, guess) else text.find(words, at)
        if start < 0:
            continue
        at = start + len(words)
        found.append((start, at, href))
    return tuple(found)


def _image_src(img: Any, base: str | None) -> str | None:
    for size in (img.get("width"), img.get("height")):
        if size and size.strip().isdigit() and int(size) <= _PLACEHOLDER_PIXELS:
            return None
    for attr in _LAZY_SOURCES:
        value = img.get(attr)
        if value and not value.lstrip().lower().startswith("data:"):
            return _resolve(value, base)
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        return _resolve(srcset.split(",")[0].split()[0] if srcset.split() else None, base)
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
