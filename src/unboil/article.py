"""The result: a frozen :class:`Article` made of typed :class:`Block` values.

Outputs are plain data on purpose: ``to_dict`` gives only JSON types and
``from_dict`` reads it back to an equal object, so an article survives a round
trip through a file, a queue or a Dask worker unchanged.  The renderings
(:mod:`unboil.render`: Markdown, HTML, XML, TEI) carry escaped text, plain
tags and checked web links only, so nothing a hostile page contained can
become live markup downstream.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, Mapping

__all__ = ["Block", "BlockKind", "Link", "Article"]

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "code", "table_row", "caption", "image"]
_KINDS = ("paragraph", "heading", "list_item", "quote", "code", "table_row", "caption", "image")

Link = tuple[int, int, str]
"""A link in a block's text: ``text[start:end]`` points to the absolute web address ``href``."""


@dataclass(frozen=True)
class Block:
    """One unit of body text: a paragraph, a heading, a list item...

    ``level`` is the heading level (1-6) for headings, the nesting depth for
    list items (1 = top level) and 0 otherwise.  ``cells`` holds a table row's
    cells; its ``text`` is the cells joined by `` | ``.  ``links`` are the
    links in ``text`` as ``(start, end, href)``, so ``text`` stays plain for
    those who want only words.  An ``image`` block's ``text`` is its
    alternative text and ``src`` its absolute address (``include_images``).
    """

    kind: BlockKind
    text: str
    level: int = 0
    cells: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    src: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.level:
            out["level"] = self.level
        if self.cells:
            out["cells"] = list(self.cells)
        if self.links:
            out["links"] = [{"start": s, "end": e, "href": h} for s, e, h in self.links]
        if self.src is not None:
            out["src"] = self.src
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Block":
        kind = data["kind"]
        if kind not in _KINDS:
            raise ValueError(f"unknown block kind {kind!r}")
        links = tuple((int(x["start"]), int(x["end"]), str(x["href"])) for x in data.get("links", ()))
        src = data.get("src")
        return cls(kind, str(data["text"]), int(data.get("level", 0)), tuple(data.get("cells", ())), links,
                   None if src is None else str(src))


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Article:
    """A clean article: metadata plus the body as typed blocks.

    ``dateline`` is the wire dateline opening the body, as printed and left in
    the body's text ("SANTA FE, N.M. (AP) —"); ``dateline_place`` and
    ``dateline_agency`` are its place ("SANTA FE, N.M.") and the agency or
    outlet it names ("AP"), each None where it has none.
    ``page_type`` is what kind of page the body was read from (``article``,
    ``forum``, ``product``, ``collection``, ``listing``, ``documentation``,
    ``service``, or ``other`` for a page without text to tell;
    :mod:`unboil.pagetype`), or None for an article not made by ``extract``.
    ``empty_reason`` says why ``blocks`` is empty when it is (``"no text"``,
    ``"not an article"``...), so a batch can report empty pages honestly.
    ``truncated`` says what a limit cut from the page (``max_elements``,
    ``max_depth``, the markup caps of :mod:`unboil.scan`), or is None: an
    article that ends early says so rather than look whole.
    """

    title: str | None = None
    date: date | None = None
    published: datetime | None = None
    modified: datetime | None = None
    dateline: str | None = None
    dateline_place: str | None = None
    dateline_agency: str | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    url: str | None = None
    image: str | None = None
    blocks: tuple[Block, ...] = ()
    empty_reason: str | None = field(default=None)
    truncated: str | None = None
    page_type: str | None = None

    # -- views --------------------------------------------------------------
    @property
    def text(self) -> str:
        """The body, one block a line (the title is not part of it, nor an image's
        alternative text: words the page never prints; captions are printed and stay)."""
        return "\n".join(b.text for b in self.blocks if b.kind != "image")

    @property
    def is_empty(self) -> bool:
        return not self.blocks

    def __bool__(self) -> bool:
        return bool(self.blocks)

    # -- data ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; :meth:`from_dict` reverses it exactly."""
        return {
            "title": self.title,
            "date": _iso(self.date),
            "published": _iso(self.published),
            "modified": _iso(self.modified),
            "dateline": self.dateline,
            "dateline_place": self.dateline_place,
            "dateline_agency": self.dateline_agency,
            "authors": list(self.authors),
            "site_name": self.site_name,
            "language": self.language,
            "description": self.description,
            "url": self.url,
            "image": self.image,
            "text": self.text,
            "blocks": [b.to_dict() for b in self.blocks],
            "empty_reason": self.empty_reason,
            "truncated": self.truncated,
            "page_type": self.page_type,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Article":
        def dt(key: str) -> datetime | None:
            value = data.get(key)
            return datetime.fromisoformat(value) if value else None

        day = data.get("date")
        return cls(
            title=data.get("title"),
            date=date.fromisoformat(day) if day else None,
            published=dt("published"),
            modified=dt("modified"),
            dateline=data.get("dateline"),
            dateline_place=data.get("dateline_place"),
            dateline_agency=data.get("dateline_agency"),
            authors=tuple(data.get("authors") or ()),
            site_name=data.get("site_name"),
            language=data.get("language"),
            description=data.get("description"),
            url=data.get("url"),
            image=data.get("image"),
            blocks=tuple(Block.from_dict(b) for b in data.get("blocks") or ()),
            empty_reason=data.get("empty_reason"),
            truncated=data.get("truncated"),
            page_type=data.get("page_type"),
        )

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> "Article":
        return cls.from_dict(json.loads(text))

    # -- renderings (see unboil.render) ---------------------------------------
    def to_markdown(self) -> str:
        """CommonMark with GitHub tables: the title as ``#``, headings, lists, tables, links and images."""
        from .render import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """A minimal, inert HTML fragment: plain tags, escaped text, checked web links only."""
        from .render import to_html

        return to_html(self)

    def to_xml(self) -> str:
        """unboil's own XML (documented in the README), every field and block."""
        from .render import to_xml

        return to_xml(self)

    def to_tei(self) -> str:
        """TEI P5 XML, as corpus tools read it."""
        from .render import to_tei

        return to_tei(self)
