"""The renderings (unboil.render): Markdown that a CommonMark parser reads back as the same
text, tables and links; XML and TEI that parse; inert HTML."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from unboil.article import Article, Block
from unboil.render import XML_NAMESPACE, safe_href, to_markdown

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (the test extra) reads the Markdown back")
_MD = markdown_it.MarkdownIt("commonmark").enable("table")

_TRICKY = st.text(alphabet="ab 1234567890.)#-+*_=`~<>&;![]()|\\\"'/:é", min_size=1, max_size=40)


def _rendered_text(markdown: str) -> str:
    """What a reader sees: the rendered HTML's text."""
    tree = etree.fromstring(f"<div>{_MD.render(markdown)}</div>".replace("<br />", " "), etree.XMLParser(recover=True))
    return "".join(tree.itertext()) if tree is not None else ""


@settings(max_examples=400, deadline=None)
@given(_TRICKY)
def test_a_paragraph_renders_as_its_own_text(text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    body = to_markdown(Article(blocks=(Block("paragraph", text),)))
    assert _rendered_text(body).strip() == text, body


@settings(max_examples=200, deadline=None)
@given(st.lists(_TRICKY, min_size=1, max_size=3))
def test_a_table_row_keeps_its_cells(cells: list[str]) -> None:
    cells = [" ".join(c.split()) for c in cells]
    rows = (Block("table_row", " | ".join(cells), cells=tuple(cells)),) * 2
    rendered = _MD.render(to_markdown(Article(blocks=rows)))
    tree = etree.fromstring(rendered.strip(), etree.XMLParser(recover=True))
    assert tree.tag == "table", rendered
    found = ["".join(td.itertext()).strip() for td in tree.iter("td")]
    assert found == cells, rendered


def test_a_number_is_not_escaped_unless_it_would_start_a_list() -> None:
    md = to_markdown(Article(blocks=(Block("paragraph", "3.74 pounds"), Block("paragraph", "3. Then"))))
    assert "3.74 pounds" in md and "3\\. Then" in md


def test_links_and_images_render_and_unsafe_ones_stay_text() -> None:
    blocks = (
        Block("paragraph", "Read the report here or there.", links=((16, 20, "https://example.org/r"), (24, 29, "javascript:alert(1)"))),
        Block("image", "A chart", src="https://example.org/c.png"),
        Block("image", "Bad", src="data:image/png;base64,xx"),
    )
    rendered = _MD.render(to_markdown(Article(blocks=blocks)))
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', rendered) == [("https://example.org/r", "here")]
    assert re.findall(r'<img src="([^"]*)" alt="([^"]*)"', rendered) == [("https://example.org/c.png", "A chart")]
    assert "javascript" not in rendered and "data:" not in rendered
    assert safe_href('https://e.org/"onload=x') is None


def test_xml_and_tei_parse_and_hold_every_block() -> None:
    article = Article(
        title="A & B", date=date(2024, 5, 1), authors=("Ann <Lee>",), language="en",
        blocks=(Block("heading", "Intro", 2), Block("paragraph", "Text \x01 with a control char"),
                Block("list_item", "one", 1), Block("table_row", "a | b", cells=("a", "b"))),
    )
    xml = etree.fromstring(article.to_xml().encode())
    ns = {"u": XML_NAMESPACE}
    assert xml.findtext("u:title", namespaces=ns) == "A & B"
    assert xml.findtext("u:author", namespaces=ns) == "Ann <Lee>"
    assert [el.tag.split("}")[1] for el in xml.find("u:body", ns)] == ["heading", "p", "list", "table"]
    tei = etree.fromstring(article.to_tei().encode())
    t = {"t": "http://www.tei-c.org/ns/1.0"}
    assert tei.findtext(".//t:titleStmt/t:title", namespaces=t) == "A & B"
    assert len(tei.findall(".//t:body//t:p", t)) == 1 and len(tei.findall(".//t:body//t:row", t)) == 1


def test_html_rendering_escapes_text() -> None:
    out = Article(title="<b>x</b>", blocks=(Block("paragraph", "<script>alert(1)</script>"),)).to_html()
    assert "<script>" not in out and "&lt;script&gt;" in out and html.unescape(out).count("<script>") == 1
