"""The result: a frozen :class:`Article` made of typed :class:`Block` values.

Outputs are plain data on purpose: ``to_dict`` gives only JSON types and
``from_dict`` reads it back to an equal object, so an article survives a round
trip through a file, a queue or a Dask worker unchanged.  The HTML and
Markdown renderings carry text only (no links, no attributes, no scripts), so
nothing a hostile page contained can become live markup downstream.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, Mapping

__all__ = ["Block", "BlockKind", "Article"]

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "code", "table_row", "caption"]
_KINDS = ("paragraph", "heading", "list_item", "quote", "code", "table_row", "caption")


@dataclass(frozen=True)
class Block:
    """One unit of body text: a paragraph, a heading, a list item...

    ``level`` is the heading level (1-6) for headings, the nesting depth for
    list items (1 = top level) and 0 otherwise.  ``cells`` holds a table row's
    cells; its ``text`` is the cells joined by `` | ``.
    """

    kind: BlockKind
    text: str
    level: int = 0
    cells: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.level:
            out["level"] = self.level
        if self.cells:
            out["cells"] = list(self.cells)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Block":
        kind = data["kind"]
        if kind not in _KINDS:
            raise ValueError(f"unknown block kind {kind!r}")
        return cls(kind, str(data["text"]), int(data.get("level", 0)), tuple(data.get("cells", ())))


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Article:
    """A clean article: metadata plus the body as typed blocks.

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
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    url: str | None = None
    image: str | None = None
    blocks: tuple[Block, ...] = ()
    empty_reason: str | None = field(default=None)
    truncated: str | None = None

    # -- views --------------------------------------------------------------
    @property
    def text(self) -> str:
        """The body, one block a line (the title is not part of it)."""
        return "\n".join(b.text for b in self.blocks)

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
            authors=tuple(data.get("authors") or ()),
            site_name=data.get("site_name"),
            language=data.get("language"),
            description=data.get("description"),
            url=data.get("url"),
            image=data.get("image"),
            blocks=tuple(Block.from_dict(b) for b in data.get("blocks") or ()),
            empty_reason=data.get("empty_reason"),
            truncated=data.get("truncated"),
        )

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> "Article":
        return cls.from_dict(json.loads(text))

    # -- renderings ---------------------------------------------------------
    def to_markdown(self) -> str:
        """Markdown with the title as ``#`` heading and body headings below it."""
        lines: list[str] = []
        if self.title:
            lines += [f"# {_md_escape_line(self.title)}", ""]
        byline = " · ".join(x for x in (", ".join(self.authors), _iso(self.date) or "", self.site_name or "") if x)
        if byline:
            lines += [f"*{_md_escape_line(byline)}*", ""]
        in_list = False
        for b in self.blocks:
            if b.kind != "list_item" and in_list:
                lines.append("")
                in_list = False
            if b.kind == "heading":
                lines += [f"{'#' * min(6, max(2, b.level))} {_md_escape_line(b.text)}", ""]
            elif b.kind == "list_item":
                lines.append(f"{'  ' * max(0, b.level - 1)}- {_md_escape_line(b.text)}")
                in_list = True
            elif b.kind == "quote":
                lines += [f"> {_md_escape_line(b.text)}", ""]
            elif b.kind == "code":
                # A fence longer than any backtick run inside, so the code cannot close it.
                longest = max((len(run) for run in re.findall(r"`+", b.text)), default=0)
                fence = "`" * max(3, longest + 1)
                lines += [fence, b.text, fence, ""]
            elif b.kind == "table_row":
                cells = b.cells or (b.text,)
                lines.append("| " + " | ".join(_md_escape_line(c).replace("|", "\\|") for c in cells) + " |")
                in_list = True  # rows stay together like list items
            elif b.kind == "caption":
                lines += [f"*{_md_escape_line(b.text)}*", ""]
            else:
                lines += [_md_escape_line(b.text), ""]
        return "\n".join(lines).rstrip() + "\n"

    def to_html(self) -> str:
        """A minimal, inert HTML rendering: escaped text in plain tags only."""
        esc = html.escape
        out = ["<article>"]
        if self.title:
            out.append(f"<h1>{esc(self.title)}</h1>")
        in_list = False
        for b in self.blocks:
            if b.kind != "list_item" and in_list:
                out.append("</ul>")
                in_list = False
            if b.kind == "heading":
                level = min(6, max(2, b.level))
                out.append(f"<h{level}>{esc(b.text)}</h{level}>")
            elif b.kind == "list_item":
                if not in_list:
                    out.append("<ul>")
                    in_list = True
                out.append(f"<li>{esc(b.text)}</li>")
            elif b.kind == "quote":
                out.append(f"<blockquote>{esc(b.text)}</blockquote>")
            elif b.kind == "code":
                out.append(f"<pre><code>{esc(b.text)}</code></pre>")
            elif b.kind == "table_row":
                out.append("<table><tr>" + "".join(f"<td>{esc(c)}</td>" for c in (b.cells or (b.text,))) + "</tr></table>")
            elif b.kind == "caption":
                out.append(f"<figcaption>{esc(b.text)}</figcaption>")
            else:
                out.append(f"<p>{esc(b.text)}</p>")
        if in_list:
            out.append("</ul>")
        out.append("</article>")
        return "\n".join(out)


def _md_escape_line(text: str) -> str:
    """Keep a line from turning into markup it was not (a stray ``#`` or ``<script>``)."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("[", "\\[").replace("]", "\\]")
    if text[:1] in "#>-+*=|`" or text[:2].rstrip(".").isdigit() and text[1:3].startswith("."):
        text = "\\" + text
    return text
