"""Stage 3: cut the pruned tree into a flat list of text blocks.

A block is the text between two block-level boundaries: a ``<p>``, a heading,
a list item, a table row, or the loose text of a ``<div>``.  Each block keeps
the element that owns it (so the scorer can find its container) and the few
features that are cheap to count during the single walk: characters, link
characters, and its kind.  The walk also notes where each element's blocks lie
in the list (its *spans*), so that no later stage climbs the tree from every
block.  Text is read once here and never again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from .dom import text_of

__all__ = ["RawBlock", "Spans", "segment", "segment_with_images", "block_spans", "covered", "BLOCK_TAGS"]

Spans = Mapping[Any, tuple[int, int]]
"""Elements that hold blocks, first met first (a block's owner, then its ancestors), each
with the range ``[first, end)`` of its blocks in the page's list of blocks."""

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
_FIXED, _LIST, _ITEM, _CODE, _TABLE = range(5)
"""How a block element's level is set: as given, one list deeper (a list), the list's
depth (an item), or not at all (code, and a table that may hold data)."""
_BLOCK_STYLE: dict[str, tuple[str, int, int]] = {
    **{tag: (_KIND_BY_TAG.get(tag, "paragraph"), 0, _FIXED) for tag in BLOCK_TAGS},
    **{tag: ("heading", level, _FIXED) for tag, level in _HEADINGS.items()},
    **{tag: ("list_item", 0, _LIST) for tag in ("ul", "ol", "dl", "menu", "dir")},
    **{tag: ("list_item", 0, _ITEM) for tag in ("li", "dd", "dt")},
    **{tag: ("code", 0, _CODE) for tag in ("pre", "listing", "xmp")},
    "table": ("paragraph", 0, _TABLE),
}
"""Each block element's kind, level and how its level is set (:data:`_FIXED`...), looked up once."""
_PLAIN = ("paragraph", 0, _FIXED)


@dataclass(slots=True, init=False)
class RawBlock:
    """A block before judgement: its text, where it lives, and cheap features."""

    kind: str
    text: str
    owner: Any
    """The block-level element whose text run this is."""
    link_chars: int
    level: int
    cells: tuple[str, ...]
    in_quote: bool
    anchors: int
    """How many links the text contains (with link_chars: their average length)."""
    link_density: float = field(init=False, repr=False, compare=False)
    """The share of the text that is link text: computed once, as the scorer
    asks it of every block five times over (a property cost 0.1 ms a page)."""

    def __init__(
        self,
        kind: str,
        text: str,
        owner: Any,
        link_chars: int,
        level: int = 0,
        cells: tuple[str, ...] = (),
        in_quote: bool = False,
        anchors: int = 0,
    ) -> None:
        # Written out rather than generated with a __post_init__ call: one is made per block.
        self.kind = kind
        self.text = text
        self.owner = owner
        self.link_chars = link_chars
        self.level = level
        self.cells = cells
        self.in_quote = in_quote
        self.anchors = anchors
        self.link_density = link_chars / len(text) if text else 0.0


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

    def __init__(self, max_depth: int, tables: bool, images: bool = False) -> None:
        self.blocks: list[RawBlock] = []
        self.tables = tables
        self.images: list[tuple[int, Any]] | None = [] if images else None
        """With images: each ``<img>`` met, with the number of blocks before it."""
        self.parts: list[str] = []
        """The texts of the run being collected (one list, emptied by each flush)."""
        self.link_chars = 0
        self.anchors = 0
        self.max_depth = max_depth
        self.path: list[Any] = [None] * (max_depth + 2)
        """The elements being read, by depth below the walk's root: ``path[:depth + 1]`` are
        the element read at ``depth`` and its ancestors (entries deeper than it are stale)."""
        self.met = 0
        """How many elements of ``path`` (the outermost) hold a block already."""
        self.spans: dict[Any, Any] = {}
        """Each element holding a block, first met first: its first block while it is read, then its :data:`Spans` range."""
        self.inner: list[Any] = []
        """The open elements of a data table between its rows or captions and the table, outermost first."""
        self.scattered = False
        """Whether some element's blocks do not lie together (a caption inside a row group): no spans then."""

    def add(self, new: list[RawBlock], depth: int) -> None:
        """Append blocks owned by the element read at ``depth``; it and the ancestors
        not met before begin their ranges here."""
        met = self.met
        if met <= depth:
            begin = len(self.blocks)
            for k in range(depth, met - 1, -1):
                self.spans[self.path[k]] = begin
            self.met = depth + 1
        self.blocks += new

    def close(self, el: Any, depth: int) -> None:
        """End the range of ``el``, read at ``depth`` and just left (the caller checks that it holds blocks)."""
        self.met = depth
        self.spans[el] = (self.spans[el], len(self.blocks))

    def flush(self, owner: Any, kind: str, level: int, in_quote: bool, depth: int) -> None:
        """Close the run.  Most runs are the indentation between two blocks, nothing to
        split or keep: the callers drop a run of one blank text themselves (a call
        per element saved), and call this only for a run that holds something."""
        parts = self.parts
        links = self.link_chars
        anchors = self.anchors
        self.link_chars = 0
        self.anchors = 0
        raw = "".join(parts)
        parts.clear()
        if raw.isspace():
            return
        if "\n" in raw and kind != "code":
            lines = [" ".join(words) for line in raw.split("\n") if (words := line.split())]
            total = sum(map(len, lines)) or 1
            shares = [int(links * len(line) / total) for line in lines]
            new = [
                RawBlock(kind, line, owner, min(share, len(line)), level, (), in_quote, anchors if share else 0)
                for line, share in zip(lines, shares)
            ]
        else:
            text = " ".join(raw.split())  # str.split() splits on exactly what the regex \s matches
            new = [RawBlock(kind, text, owner, min(links, len(text)), level, (), in_quote, anchors)]
        self.add(new, depth)

    def walk(self, el: Any, kind: str, level: int, depth: int, in_link: bool, in_quote: bool, list_depth: int) -> None:
        """Collect the text under ``el``; ``kind``/``level`` describe the current run.

        A text goes into the run as it is; inside a link its stripped length also
        counts as link text (written out here, not as a call: this loop runs for
        every element of the page).
        """
        parts, path = self.parts, self.path
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
                elif tag == "img":
                    if self.images is not None:
                        self.images.append((len(self.blocks), child))
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
                        path[depth + 1] = child
                        self.walk(child, kind, level, depth + 1, link, in_quote, list_depth)
                        if depth + 1 < self.met:
                            self.close(child, depth + 1)
            else:
                if parts:
                    if len(parts) == 1 and parts[0].isspace():  # the indentation before a block: no run
                        parts.clear()
                        self.link_chars = self.anchors = 0
                    else:
                        self.flush(el, kind, level, in_quote, depth)
                self.block(child, tag, depth + 1, in_link, in_quote, list_depth)
            tail = child.tail
            if tail:
                parts.append(tail)
                if in_link:
                    self.link_chars += len(tail.strip())
        # The owner's remaining run is flushed by the caller that opened it.

    def block(self, el: Any, tag: str, depth: int, in_link: bool, in_quote: bool, list_depth: int) -> None:
        self.path[depth] = el
        kind, level, how = _BLOCK_STYLE.get(tag, _PLAIN)
        if how == _CODE:
            self.code(el, in_quote, depth)
        elif how == _TABLE and _is_data_table(el):
            if self.tables:  # Options.include_tables=False: a table of data is left out whole
                self.table(el, in_quote, depth)
        else:
            if how == _LIST:
                list_depth += 1
                level = list_depth
            elif how == _ITEM:
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
            parts = self.parts
            if parts:
                if len(parts) == 1 and parts[0].isspace():  # the indentation after the last child: no run
                    parts.clear()
                    self.link_chars = self.anchors = 0
                else:
                    self.flush(el, kind, level, quote, depth)
        if depth < self.met:  # close(), written out: this runs for every block element
            self.met = depth
            self.spans[el] = (self.spans[el], len(self.blocks))

    def code(self, el: Any, in_quote: bool, depth: int) -> None:
        """A block of code, as written (its line breaks are its own)."""
        text = text_of(el).strip("\n")
        if text.strip():
            links = sum(len(text_of(a)) for a in el.iter("a"))
            self.add([RawBlock("code", text, el, links, 0, (), in_quote)], depth)

    def table(self, el: Any, in_quote: bool, depth: int) -> None:
        """A table of data: each row one block, its cells kept apart, then its captions."""
        for row in el.iter("tr"):
            cells = tuple(_norm(text_of(c)) for c in row if c.tag in ("td", "th"))
            cells = tuple(c for c in cells if c)
            if cells:
                links = sum(len(_norm(text_of(a))) for a in row.iter("a"))
                text = " | ".join(cells)
                anchors = sum(1 for _ in row.iter("a"))
                self.add_inside(el, RawBlock("table_row", text, row, min(links, len(text)), 0, cells, in_quote, anchors), depth)
        for cap in el.iter("caption"):
            text = _norm(text_of(cap))
            if text:
                self.add_inside(el, RawBlock("caption", text, cap, 0, 0, (), in_quote), depth)
        for inner in self.inner:
            self.spans[inner] = (self.spans[inner], len(self.blocks))
        self.inner = []

    def add_inside(self, table: Any, block: RawBlock, depth: int) -> None:
        """:meth:`add` for a block of a data table, whose owner (a row, a caption) lies
        below the table (the innermost element read): the elements in between begin,
        go on or end their ranges here."""
        fresh, el = [], block.owner
        while el is not table and el not in self.inner:
            fresh.append(el)
            el = el.getparent()
        i = len(self.blocks)
        spans, inner = self.spans, self.inner
        while inner and inner[-1] is not el:
            done = inner.pop()
            spans[done] = (spans[done], i)
        for x in fresh:
            if x in spans:
                self.scattered = True  # met before and left: its blocks do not lie together
            spans[x] = i
        inner.extend(reversed(fresh))
        self.add([block], depth)


def segment(body: Any, max_depth: int = 400, tables: bool = True) -> tuple[list[RawBlock], Spans | None]:
    """The blocks of ``body`` in document order (without its tables of data, unless ``tables``;
    a table that lays out the page is read either way), and where each element's blocks lie
    in that list (its :data:`Spans`, None if some element's blocks do not lie together).

    The spans are noted during the walk that makes the blocks: the scorer reads a
    subtree's blocks from them instead of climbing the tree from every block.
    """
    seg = _Segmenter(max_depth, tables)
    seg.block(body, body.tag, 0, False, False, 0)
    return seg.blocks, None if seg.scattered else seg.spans


def segment_with_images(
    body: Any, max_depth: int = 400, tables: bool = True
) -> tuple[list[RawBlock], Spans | None, list[tuple[int, Any]]]:
    """:func:`segment`, and the ``<img>`` elements met in the same walk, each with the
    number of blocks before it (``Options.include_images``; an image is no text block,
    so it takes no part in choosing the container or judging the text)."""
    seg = _Segmenter(max_depth, tables, images=True)
    seg.block(body, body.tag, 0, False, False, 0)
    return seg.blocks, None if seg.scattered else seg.spans, seg.images or []


def block_spans(blocks: Sequence[RawBlock], body: Any) -> Spans | None:
    """Every element that holds a block, up to ``body``, in the order first met (each
    block's owner, then its ancestors): the range ``[first, end)`` of its blocks.

    Blocks come in document order, so an element's blocks lie together and one walk
    up from each new owner, as far as the first element still open, finds them all:
    the scorer then reads a subtree's blocks as a slice, not by climbing from every
    block.  None if some element's blocks do not lie together (a caller's list out
    of order).
    """
    spans: dict[Any, Any] = {}
    """An open element's first block, a closed one's (first, end)."""
    stack: list[Any] = []
    """The elements holding the previous block, outermost first."""
    previous = None
    for i, block in enumerate(blocks):
        owner = block.owner
        if owner is previous:
            continue
        previous = owner
        # Up from the owner to the first element still open.
        top, fresh = owner, []
        while top is not None:
            span = spans.get(top)
            if span is not None:
                if type(span) is tuple:
                    return None  # closed before: this element's blocks do not lie together
                break
            fresh.append(top)
            top = None if top is body else top.getparent()
        while stack and stack[-1] is not top:
            closed = stack.pop()
            spans[closed] = (spans[closed], i)
        for el in fresh:
            spans[el] = i
        stack.extend(reversed(fresh))
    for el in stack:
        spans[el] = (spans[el], len(blocks))
    return spans


def covered(spans: Spans, elements: Iterable[Any], count: int) -> list[bool]:
    """Whether each of ``count`` blocks lies in one of ``elements`` (all in ``spans``)."""
    marks = [False] * count
    for el in elements:
        first, end = spans[el]
        marks[first:end] = [True] * (end - first)
    return marks
