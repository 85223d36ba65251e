"""An :class:`~unboil.article.Article` as Markdown, HTML, XML or TEI.

Every rendering is inert: text is escaped for its format, the only tags are
plain structural ones, and a link or image is written only when its address
is a web address (``http``, ``https``, or relative to a page address that
is).  Links and images come from the blocks (``Block.links``,
``Block.src``); the extractor already made them absolute and dropped
``javascript:`` and other schemes, and the renderers check again, so an
article built by hand cannot smuggle one in either.

Consecutive ``list_item`` blocks form one list and consecutive
``table_row`` blocks one table whose first row is its header: that is how
the blocks were cut from the page, and what a reader of the Markdown
expects to see rendered.
"""

from __future__ import annotations

import html
import re
from itertools import groupby
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence
from xml.sax.saxutils import escape as xml_escape, quoteattr

if TYPE_CHECKING:
    from .article import Article, Block

__all__ = ["TEXT_FORMATS", "XML_NAMESPACE", "as_text", "safe_href", "to_html", "to_markdown", "to_tei", "to_xml"]

TEXT_FORMATS = {"txt": ".txt", "md": ".md", "html": ".html", "xml": ".xml", "tei": ".tei.xml"}
"""The renderings besides JSON, by format name, with the file extension ``unboil clean`` gives them."""

XML_NAMESPACE = "https://github.com/unboil/unboil/ns/article/1"
"""The namespace of ``--format xml`` (its schema is in the README): versioned, so a reader can tell."""
TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"

_SAFE_SCHEME = re.compile(r"(?i)^https?://[^\s<>\"'`]+$")
"""What a rendered link may point to: a plain web address, with nothing that could close an attribute."""


def safe_href(href: str | None) -> str | None:
    """``href`` when it is an http(s) address a rendering may carry, else None."""
    if href and _SAFE_SCHEME.match(href):
        return href
    return None


def _runs(blocks: Sequence["Block"]) -> Iterator[tuple[str, list["Block"]]]:
    """The blocks in runs: a list's items together, a table's rows together, every other block alone."""
    for kind, group in groupby(blocks, key=lambda b: b.kind):
        items = list(group)
        if kind in ("list_item", "table_row"):
            yield kind, items
        else:
            for block in items:
                yield kind, [block]


def _byline(article: "Article") -> str:
    when = article.date.isoformat() if article.date else ""
    return " · ".join(x for x in (", ".join(article.authors), when, article.site_name or "") if x)


def _rows(blocks: Sequence["Block"]) -> list[list[str]]:
    """A table's rows, each padded to the widest row: a ragged table renders as no table at all."""
    rows = [list(b.cells or (b.text,)) for b in blocks]
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


# -- Markdown ---------------------------------------------------------------

_MD_SPECIAL = re.compile(r"[\\`*\[\]<>]|&(?=#?\w+;)|(?<!\w)_|_(?!\w)")
"""Characters CommonMark reads as markup anywhere in a line: escapes, code spans, emphasis,
links, raw HTML and entities (``&copy;``); ``_`` only at a word's edge, where it can open or close
emphasis (``snake_case`` stays as it is)."""
_MD_LINE_START = re.compile(r"^(\s*)(?:#{1,6}|[-+]+|=+)(?=\s|$)|^(\s*\d{1,9})(?=[.)](?:\s|$))")
"""A line start CommonMark would read as a heading, a bullet, a setext underline or a numbered
item ("3. " but not "3.74"); ``>`` and ``*`` need nothing more, being escaped wherever they are."""
_MD_BREAK = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
"""A line of three or more ``-``, ``*`` or ``_``: a thematic break."""
_ONE_LINE = {ord(c): " " for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
"""Line breaks as spaces, one for one, so a link's offsets still point at its words."""
_MD_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _md_text(text: str) -> str:
    """Plain text as Markdown that renders as that text (not at a line's start: see :func:`_md_line`)."""
    return _MD_SPECIAL.sub(lambda m: _MD_ENTITY.get(m.group()) or "\\" + m.group(), text)


def _start_escape(text: str) -> int | None:
    """Where a backslash must go so the line does not start a block construct, or None.
    Only spaces and digits come before that place, so it is the same in the escaped text."""
    brk = _MD_BREAK.match(text)
    if brk:  # "***" and "___" are escaped already, wherever they stand
        return len(text) - len(text.lstrip()) if brk.group(1) == "-" else None
    m = _MD_LINE_START.match(text)
    if m is None:
        return None
    return len(m.group(1)) if m.group(1) is not None else len(m.group(2))


def _md_line(text: str) -> str:
    """One line of text, escaped inside and at its start."""
    return _md_inline_spans(text.translate(_ONE_LINE), ())


def _md_inline(block: "Block") -> str:
    """A block's text as one Markdown line, its links written as ``[text](url)``."""
    return _md_inline_spans(block.text.translate(_ONE_LINE), block.links)


def _md_inline_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, href in sorted(spans):
        url = safe_href(href)
        if url is None or start < at or not 0 <= start < end <= len(text):
            continue  # not a web address, or overlapping an earlier span: left as text
        out += [_md_text(text[at:start]), f"[{_md_text(text[start:end])}]({_md_url(url)})"]
        at = end
    out.append(_md_text(text[at:]))
    line = "".join(out)
    where = _start_escape(text)
    return line if where is None else line[:where] + "\\" + line[where:]


def _md_url(href: str | None) -> str:
    """An address inside ``( )``: spaces and parentheses would end it early."""
    assert href is not None
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _md_table(blocks: Sequence["Block"]) -> list[str]:
    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(_md_text(" ".join(c.split())).replace("|", "\\|") for c in cells) + " |"

    rows = _rows(blocks)
    return [row(rows[0]), "|" + " --- |" * len(rows[0]), *(row(r) for r in rows[1:]), ""]


def _md_block(kind: str, blocks: Sequence["Block"]) -> list[str]:
    b = blocks[0]
    if kind == "list_item":
        return [f"{'  ' * max(0, x.level - 1)}- {_md_inline(x)}" for x in blocks] + [""]
    if kind == "table_row":
        return _md_table(blocks)
    if kind == "heading":
        return [f"{'#' * min(6, max(2, b.level))} {_md_inline(b)}", ""]
    if kind == "quote":
        return [f"> {_md_inline(b)}", ""]
    if kind == "code":
        # A fence longer than any backtick run inside, so the code cannot close it.
        longest = max((len(run) for run in re.findall(r"`+", b.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return [fence, b.text, fence, ""]
    if kind == "caption":
        return [f"*{_md_inline(b)}*", ""]
    if kind == "image":
        src = safe_href(b.src)
        return [f"![{_md_text(b.text)}]({_md_url(src)})", ""] if src else []
    return [_md_inline(b), ""]


def to_markdown(article: "Article") -> str:
    """CommonMark (with the GitHub table extension): the title as ``#``, the byline in italics, then the body."""
    lines: list[str] = []
    if article.title:
        lines += [f"# {_md_line(article.title)}", ""]
    byline = _byline(article)
    if byline:
        lines += [f"*{_md_line(byline)}*", ""]
    for kind, blocks in _runs(article.blocks):
        lines += _md_block(kind, blocks)
    return "\n".join(lines).rstrip() + "\n"


# -- HTML, XML, TEI: one walk, three vocabularies -------------------------------

def _marked(block: "Block", esc: Callable[[str], str], link: Callable[[str, str], str]) -> str:
    """A block's text escaped, its links wrapped by ``link(text, href)``."""
    spans = sorted((s, e, safe_href(h)) for s, e, h in block.links)
    out, at = [], 0
    for start, end, href in spans:
        if href is None or start < at or not 0 <= start < end <= len(block.text):
            continue
        out += [esc(block.text[at:start]), link(esc(block.text[start:end]), href)]
        at = end
    out.append(esc(block.text[at:]))
    return "".join(out)


def _html_link(text: str, href: str) -> str:
    return f"<a href={quoteattr(href)}>{text}</a>"


def _html_block(kind: str, blocks: Sequence["Block"]) -> list[str]:
    esc = html.escape
    b = blocks[0]
    if kind == "list_item":
        return ["<ul>", *(f"<li>{_marked(x, esc, _html_link)}</li>" for x in blocks), "</ul>"]
    if kind == "table_row":
        rows = _rows(blocks)
        head = "".join(f"<th>{esc(c)}</th>" for c in rows[0])
        body = ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows[1:]]
        return ["<table>", f"<tr>{head}</tr>", *body, "</table>"]
    if kind == "heading":
        level = min(6, max(2, b.level))
        return [f"<h{level}>{_marked(b, esc, _html_link)}</h{level}>"]
    if kind == "quote":
        return [f"<blockquote>{_marked(b, esc, _html_link)}</blockquote>"]
    if kind == "code":
        return [f"<pre><code>{esc(b.text)}</code></pre>"]
    if kind == "caption":
        return [f"<figcaption>{_marked(b, esc, _html_link)}</figcaption>"]
    if kind == "image":
        src = safe_href(b.src)
        return [f"<figure><img src={quoteattr(src)} alt={quoteattr(b.text)}></figure>"] if src else []
    return [f"<p>{_marked(b, esc, _html_link)}</p>"]


def to_html(article: "Article") -> str:
    """A minimal, inert HTML fragment: plain structural tags, escaped text, checked web links only."""
    out = ["<article>"]
    if article.title:
        out.append(f"<h1>{html.escape(article.title)}</h1>")
    for kind, blocks in _runs(article.blocks):
        out += _html_block(kind, blocks)
    out.append("</article>")
    return "\n".join(out)


def _x(text: str) -> str:
    """Text for XML: escaped, and without the control characters XML 1.0 cannot hold at all."""
    return xml_escape(_XML_ILLEGAL.sub("", text))


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xa(text: str) -> str:
    return quoteattr(_XML_ILLEGAL.sub("", text))


def _xml_link(text: str, href: str) -> str:
    return f"<link href={_xa(href)}>{text}</link>"


def _xml_block(kind: str, blocks: Sequence["Block"]) -> list[str]:
    b = blocks[0]
    if kind == "list_item":
        items = (f"    <item level=\"{max(1, x.level)}\">{_marked(x, _x, _xml_link)}</item>" for x in blocks)
        return ["   <list>", *items, "   </list>"]
    if kind == "table_row":
        rows = ["    <row>" + "".join(f"<cell>{_x(c)}</cell>" for c in r) + "</row>" for r in _rows(blocks)]
        return ["   <table>", *rows, "   </table>"]
    if kind == "heading":
        return [f"   <heading level=\"{min(6, max(1, b.level))}\">{_marked(b, _x, _xml_link)}</heading>"]
    if kind == "image":
        src = safe_href(b.src)
        return [f"   <image src={_xa(src)} alt={_xa(b.text)}/>"] if src else []
    tag = {"quote": "quote", "code": "code", "caption": "caption"}.get(kind, "p")
    inner = _x(b.text) if kind == "code" else _marked(b, _x, _xml_link)
    return [f"   <{tag}>{inner}</{tag}>"]


def _xml_field(name: str, value: object) -> list[str]:
    return [f"  <{name}>{_x(str(value))}</{name}>"] if value not in (None, "") else []


def to_xml(article: "Article") -> str:
    """unboil's own XML (``XML_NAMESPACE``): the Article's fields as elements, then the body's blocks."""
    a = article
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<article xmlns="{XML_NAMESPACE}">']
    out += _xml_field("title", a.title)
    for name in ("date", "published", "modified"):
        value = getattr(a, name)
        out += _xml_field(name, value.isoformat() if value is not None else None)
    out += _xml_field("dateline", a.dateline)
    out += _xml_field("dateline_place", a.dateline_place)
    out += _xml_field("dateline_agency", a.dateline_agency)
    out += [f"  <author>{_x(x)}</author>" for x in a.authors]
    for name in ("site_name", "language", "description", "url", "image", "empty_reason", "truncated", "page_type"):
        out += _xml_field(name, getattr(a, name))
    out.append("  <body>")
    for kind, blocks in _runs(a.blocks):
        out += _xml_block(kind, blocks)
    out += ["  </body>", "</article>"]
    return "\n".join(out) + "\n"


def _tei_block(kind: str, blocks: Sequence["Block"]) -> list[str]:
    b = blocks[0]

    def ref(text: str, href: str) -> str:
        return f"<ref target={_xa(href)}>{text}</ref>"

    if kind == "list_item":
        return ["      <list>", *(f"       <item>{_marked(x, _x, ref)}</item>" for x in blocks), "      </list>"]
    if kind == "table_row":
        rows = _rows(blocks)
        first = "       <row role=\"label\">" + "".join(f"<cell>{_x(c)}</cell>" for c in rows[0]) + "</row>"
        rest = ["       <row>" + "".join(f"<cell>{_x(c)}</cell>" for c in r) + "</row>" for r in rows[1:]]
        return ["      <table>", first, *rest, "      </table>"]
    if kind == "heading":
        return [f"      <head rend=\"h{min(6, max(1, b.level))}\">{_marked(b, _x, ref)}</head>"]
    if kind == "quote":
        return [f"      <quote>{_marked(b, _x, ref)}</quote>"]
    if kind == "code":
        return [f"      <code>{_x(b.text)}</code>"]
    if kind == "caption":
        return [f"      <figure><figDesc>{_marked(b, _x, ref)}</figDesc></figure>"]
    if kind == "image":
        src = safe_href(b.src)
        return [f"      <figure><graphic url={_xa(src)}/><figDesc>{_x(b.text)}</figDesc></figure>"] if src else []
    return [f"      <p>{_marked(b, _x, ref)}</p>"]


def to_tei(article: "Article") -> str:
    """TEI P5, the shape corpus tools read: a ``teiHeader`` with the metadata, the body as ``<p>``, ``<head>``..."""
    a = article
    stmt = [f"     <title>{_x(a.title)}</title>"] if a.title else []
    stmt += [f"     <author>{_x(x)}</author>" for x in a.authors]
    pub = [f"     <publisher>{_x(a.site_name)}</publisher>"] if a.site_name else []
    if a.date is not None:
        pub.append(f"     <date when=\"{a.date.isoformat()}\">{a.date.isoformat()}</date>")
    if a.url:
        pub.append(f"     <ptr target={_xa(a.url)}/>")
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<TEI xmlns="{TEI_NAMESPACE}">', " <teiHeader>", "  <fileDesc>",
           "   <titleStmt>", *stmt, "   </titleStmt>", "   <publicationStmt>", *(pub or ["     <p/>"]),
           "   </publicationStmt>", "   <sourceDesc><p>extracted by unboil</p></sourceDesc>", "  </fileDesc>"]
    profile = [f"<langUsage><language ident={_xa(a.language)}/></langUsage>"] if a.language else []
    if a.page_type:
        profile.append(f'<textClass><keywords scheme="unboil:page_type"><term>{_x(a.page_type)}</term></keywords></textClass>')
    if profile:
        out.append(f"  <profileDesc>{''.join(profile)}</profileDesc>")
    out += [" </teiHeader>", " <text>", "  <body>", "    <div>"]
    for kind, blocks in _runs(a.blocks):
        out += _tei_block(kind, blocks)
    out += ["    </div>", "  </body>", " </text>", "</TEI>"]
    return "\n".join(out) + "\n"


def as_text(article: "Article", fmt: str) -> str:
    """The article in one of :data:`TEXT_FORMATS`, ending in a newline (``txt`` of an empty article: nothing)."""
    if fmt == "txt":
        return article.text + "\n" if article.blocks else ""
    if fmt == "md":
        return to_markdown(article)
    if fmt == "html":
        return to_html(article) + "\n"
    if fmt == "xml":
        return to_xml(article)
    if fmt == "tei":
        return to_tei(article)
    raise ValueError(f"unknown format {fmt!r}: choose from json, {', '.join(TEXT_FORMATS)}")
