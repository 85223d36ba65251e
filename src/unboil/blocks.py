"""Stage 3: cut the pruned tree into a flat list of text blocks.

A block is the text between two block-level boundaries: a ``<p>``, a heading,
a list item, a table row, or the loose text of a ``<div>``.  Each block keeps
the element that owns it (so the scorer can find its container) and the few
features that are cheap to count during the single walk: characters, link
characters, and its kind.  Text is read once here and never again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dom import text_of

__all__ = ["RawBlock", "segment", "BLOCK_TAGS"]

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "legend", "listing", "plaintext", "xmp", "noframes", "frameset",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_KIND_BY_TAG = {
    "p": "paragraph", "li": "list_item", "dd": "list_item", "dt": "list_item", "blockquote": "quote",
    "figcaption": "caption", "caption": "caption", "pre": "code", "listing": "code", "xmp": "code",
    "summary": "heading", "legend": "heading",
}


@dataclass(slots=True)
class RawBlock:
    """A block before judgement: its text, where it lives, and cheap features."""

    kind: str
    text: str
    owner: Any
    """The block-level element whose text run this is."""
    link_chars: int
    level: int = 0
    cells: tuple[str, ...] = ()
    in_quote: bool = False
    anchors: int = 0
    """How many links the text contains (with link_chars: their average length)."""
    link_density: float = field(init=False, repr=False, compare=False)
    """The share of the text that is link text: computed once, as the scorer
    asks it of every block five times over (a property cost 0.1 ms a page)."""

    def __post_init__(self) -> None:
        self.link_density = self.link_chars / len(self.text) if self.text else 0.0


def _norm(text: str) -> str:
    # str.split() splits on exactly what the regex \s matches, three times faster.
    return " ".join(text.split())


def _is_data_table(table: Any) -> bool:
    """A table of data (rows are blocks) rather than a table used for page layout.

    Layout tables nest tables or hold whole columns of prose in a cell; a table
    whose first row is all header cells (a list of films, with a description
    column) is data however long its cells are.
    """
    if table.find(".//table") is not None:
        return False
    if _headed(table):
        return True
    for cell in table.iter("td", "th"):
        if len(text_of(cell)) > 400:
            return False
    return True


def _headed(table: Any) -> bool:
    first = next(table.iter("tr"), None)
    if first is None:
        return False
    cells = [c for c in first if isinstance(c.tag, str)]
    return len(cells) >= 2 and all(c.tag == "th" for c in cells)


class _Segmenter:
    """One walk over the tree; holds the run being collected (private to segment())."""

    def __init__(self, max_depth: int, tables: bool) -> None:
        self.blocks: list[RawBlock] = []
        self.tables = tables
        self.parts: list[str] = []
        """The texts of the run being collected (one list, emptied by each flush)."""
        self.link_chars = 0
        self.anchors = 0
        self.max_depth = max_depth

    def flush(self, owner: Any, kind: str, level: int, in_quote: bool) -> None:
        """Close the run (the caller checks it holds something: most elements leave none)."""
        parts = self.parts
        links = self.link_chars
        anchors = self.anchors
        self.link_chars = 0
        self.anchors = 0
        # Most runs are the indentation between two blocks: nothing to split or keep.
        if len(parts) == 1 and parts[0].isspace():
            parts.clear()
            return
        raw = "".join(parts)
        parts.clear()
        if raw.isspace():
            return
        if "\n" in raw and kind != "code":
            lines = [" ".join(words) for line in raw.split("\n") if (words := line.split())]
            total = sum(map(len, lines)) or 1
            for line in lines:
                share = int(links * len(line) / total)
                self.blocks.append(RawBlock(kind, line, owner, min(share, len(line)), level, (), in_quote, anchors if share else 0))
            return
        text = _norm(raw)
        if text:
            self.blocks.append(RawBlock(kind, text, owner, min(links, len(text)), level, (), in_quote, anchors))

    def walk(self, el: Any, kind: str, level: int, depth: int, in_link: bool, in_quote: bool, list_depth: int) -> None:
        """Collect the text under ``el``; ``kind``/``level`` describe the current run.

        A text goes into the run as it is; inside a link its stripped length also
        counts as link text (written out here, not as a call: this loop runs for
        every element of the page).
        """
        parts = self.parts
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                tail = child.tail
                if tail:
                    parts.append(tail)
                    if in_link:
                        self.link_chars += len(tail.strip())
                continue
            if depth >= self.max_depth:
                break
            if tag not in BLOCK_TAGS:
                if tag == "br":
                    parts.append("\n")
                elif tag == "math":
                    # A formula is one run of its sentence: the line breaks of its
                    # MathML source (one token per line) are not the page's.
                    formula = " ".join(text_of(child).split())
                    if formula:
                        parts.append(formula)
                        if in_link:
                            self.link_chars += len(formula)
                else:
                    link = in_link
                    if tag == "a":
                        link = True
                        self.anchors += 1
                    text = child.text
                    if text:
                        parts.append(text)
                        if link:
                            self.link_chars += len(text.strip())
                    if len(child):  # most inline elements hold text only
                        self.walk(child, kind, level, depth + 1, link, in_quote, list_depth)
            else:
                if parts:
                    self.flush(el, kind, level, in_quote)
                self.block(child, depth + 1, in_link, in_quote, list_depth)
            tail = child.tail
            if tail:
                parts.append(tail)
                if in_link:
                    self.link_chars += len(tail.strip())
        # The owner's remaining run is flushed by the caller that opened it.

    def block(self, el: Any, depth: int, in_link: bool, in_quote: bool, list_depth: int) -> None:
        tag = el.tag
        if tag in ("pre", "listing", "xmp"):
            text = text_of(el).strip("\n")
            if text.strip():
                links = sum(len(text_of(a)) for a in el.iter("a"))
                self.blocks.append(RawBlock("code", text, el, links, 0, (), in_quote))
            return
        if tag == "table" and _is_data_table(el):
            if self.tables:  # Options.include_tables=False: a table of data is left out whole
                self.table(el, in_quote)
            return
        if tag in _HEADINGS:
            kind, level = "heading", _HEADINGS[tag]
        elif tag in ("ul", "ol", "dl", "menu", "dir"):
            kind, level = "list_item", list_depth + 1
            list_depth += 1
        elif tag == "li":
            kind, level = "list_item", max(1, list_depth)
        else:
            kind, level = _KIND_BY_TAG.get(tag, "paragraph"), 0
            if kind == "list_item":
                level = max(1, list_depth)
        quote = in_quote or tag == "blockquote"
        if quote and kind == "paragraph":
            kind = "quote"
        text = el.text
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())
        if len(el):
            self.walk(el, kind, level, depth, in_link, quote, list_depth)
        if self.parts:
            self.flush(el, kind, level, quote)

    def table(self, el: Any, in_quote: bool) -> None:
        """A table of data: each row one block, its cells kept apart, then its captions."""
        for row in el.iter("tr"):
            cells = tuple(_norm(text_of(c)) for c in row if c.tag in ("td", "th"))
            cells = tuple(c for c in cells if c)
            if cells:
                links = sum(len(_norm(text_of(a))) for a in row.iter("a"))
                text = " | ".join(cells)
                anchors = sum(1 for _ in row.iter("a"))
                self.blocks.append(RawBlock("table_row", text, row, min(links, len(text)), 0, cells, in_quote, anchors))
        for cap in el.iter("caption"):
            text = _norm(text_of(cap))
            if text:
                self.blocks.append(RawBlock("caption", text, cap, 0, 0, (), in_quote))


def segment(body: Any, max_depth: int = 400, tables: bool = True) -> list[RawBlock]:
    """The blocks of ``body`` in document order (without its tables of data, unless ``tables``;
    a table that lays out the page is read either way)."""
    seg = _Segmenter(max_depth, tables)
    seg.block(body, 0, False, False, 0)
    return seg.blocks
