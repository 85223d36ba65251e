"""Links and images of the kept blocks (unboil.assemble): hand-written pages, then three corpus
pages whose Markdown a CommonMark parser reads back into the same links, images and tables."""

from __future__ import annotations

import pytest
from lxml import etree

import unboil
from unboil.bench import corpus

_PROSE = "It is long enough to be a paragraph of the article that a reader came to this page for."


def _page(body: str) -> str:
    return f"<html><body><div class='sidebar'><a href='/home'>Home</a></div><article>{body}</article></body></html>"


def _blocks(body: str, url: str | None = "https://news.example/2024/story.html", **options: object) -> list[unboil.Block]:
    return list(unboil.extract(_page(body), url, options=unboil.Options(**options)).blocks)  # type: ignore[arg-type]


def test_links_are_spans_of_the_text_resolved_against_the_page() -> None:
    [block] = _blocks(f"<p>Read <a href='/r.pdf'>the report</a> or <a href='https://x.org/a'>its summary</a>. {_PROSE}</p>")
    assert block.links == ((5, 15, "https://news.example/r.pdf"), (19, 30, "https://x.org/a"))
    assert [block.text[s:e] for s, e, _ in block.links] == ["the report", "its summary"]


def test_script_fragment_and_empty_links_keep_their_words_and_lose_the_link() -> None:
    [block] = _blocks(
        f"<p><a href='javascript:alert(1)'>Click</a> <a href='#top'>top</a> <a href=''>none</a> "
        f"<a href=' JaVa\tscript:x'>spaced</a> {_PROSE}</p>"
    )
    assert block.links == ()
    assert block.text.startswith("Click top none spaced")


def test_a_link_whose_words_repeat_points_at_its_own_occurrence() -> None:
    [block] = _blocks(f"<p>the plan, then <i>the</i> <a href='/plan'> the plan</a> again. {_PROSE}</p>")
    assert block.links == ((19, 27, "https://news.example/plan"),)
    assert block.text[19:27] == "the plan"


def test_an_address_a_rendering_could_not_carry_is_percent_encoded() -> None:
    [block] = _blocks(f"<p>A <a href=\"/it's here/é\">quoted</a> link. {_PROSE}</p>")
    assert block.links == ((2, 8, "https://news.example/it%27s%20here/%C3%A9"),)


def test_links_of_a_nested_block_belong_to_that_block() -> None:
    blocks = _blocks(f"<div>Loose words of the box. {_PROSE}<p>Inner <a href='/in'>link</a> here. {_PROSE}</p></div>")
    loose, inner = blocks
    assert loose.links == () and inner.links == ((6, 10, "https://news.example/in"),)


def test_without_the_page_address_a_relative_link_stays_relative() -> None:
    [block] = _blocks(f"<p>See <a href='/r'>this</a>. {_PROSE}</p>", url=None)
    assert block.links == ((4, 8, "/r"),)


def test_images_come_only_with_include_images() -> None:
    body = f"<p>{_PROSE}</p><img src='/a.jpg' alt='A'><p>{_PROSE} Again.</p>"
    assert [b.kind for b in _blocks(body)] == ["paragraph", "paragraph"]
    kinds = [(b.kind, b.src) for b in _blocks(body, include_images=True)]
    assert kinds == [("paragraph", None), ("image", "https://news.example/a.jpg"), ("paragraph", None)]


def test_an_image_belongs_between_kept_text_or_beside_its_kept_caption() -> None:
    body = (
        f"<p>{_PROSE}</p><figure><img src='/fig.jpg' alt='The figure'>"
        f"<figcaption>The figure, with a caption long enough to be kept as one.</figcaption></figure>"
    )
    blocks = _blocks(body, include_images=True)
    assert [(b.kind, b.text) for b in blocks][1] == ("image", "The figure")
    assert "The figure\n" not in unboil.extract(_page(body), options=unboil.Options(include_images=True)).text


def test_an_image_outside_the_article_is_left_out() -> None:
    page = (
        "<html><body><aside class='sidebar'><img src='/ad.jpg' alt='Ad'><a href='/x'>Sponsor</a></aside>"
        f"<article><p>{_PROSE}</p><p>{_PROSE} More.</p></article>"
        "<footer><img src='/logo.png' alt='Logo'></footer></body></html>"
    )
    article = unboil.extract(page, "https://news.example/", options=unboil.Options(include_images=True))
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("img", "src"),
    [
        ("<img src='data:image/gif;base64,R0l' data-src='/lazy.jpg' alt='x'>", "https://news.example/lazy.jpg"),
        ("<img srcset='/small.jpg 480w, /big.jpg 1080w' alt='x'>", "https://news.example/small.jpg"),
        ("<img srcset=', , /late.jpg 2x' alt='x'>", "https://news.example/late.jpg"),
        ("<img srcset=' , ' alt='x'>", None),
        ("<img src='/sup.jpg' width='²' height='99999999999999999999999' alt='x'>", "https://news.example/sup.jpg"),
        ("<img src='/pixel.gif' width='1' height='1' alt='x'>", None),
        ("<img src='javascript:alert(1)' alt='x'>", None),
        ("<img alt='no address'>", None),
    ],
)
def test_an_image_address_is_a_real_web_address(img: str, src: str | None) -> None:
    blocks = _blocks(f"<p>{_PROSE}</p>{img}<p>{_PROSE} Again.</p>", include_images=True)
    assert [b.src for b in blocks if b.kind == "image"] == ([src] if src else [])


# --- the rendered check on corpus pages ---------------------------------------------------

ROOT = corpus.default_corpus()
markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (the test extra) reads the Markdown back")
_PAGES = ("dev-0019", "dev-0052", "dev-0111")
"""wcxb-dev pages whose article holds links, images and a table of data."""


def _runs_of_rows(blocks: list[unboil.Block]) -> int:
    return sum(1 for i, b in enumerate(blocks) if b.kind == "table_row" and (i == 0 or blocks[i - 1].kind != "table_row"))


@pytest.mark.corpus
@pytest.mark.skipif(ROOT is None, reason="evaluation corpus not found at ../shared/corpus/dev (set UNBOIL_CORPUS)")
@pytest.mark.parametrize("page_id", _PAGES)
def test_corpus_markdown_renders_its_links_images_and_tables(page_id: str) -> None:
    assert ROOT is not None
    [page] = [p for p in corpus.pages(ROOT, "wcxb-dev") if p.id == page_id]
    article = unboil.extract(page.html(), page.gold.get("url"), options=unboil.Options(include_images=True))
    blocks = list(article.blocks)
    hrefs = [h for b in blocks if b.kind != "table_row" for _, _, h in b.links if h.startswith("http")]
    srcs = [b.src for b in blocks if b.kind == "image" and b.src and b.src.startswith("http")]
    assert hrefs and srcs and _runs_of_rows(blocks) >= 1, "the page no longer has what this test reads back"
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(article.to_markdown())
    tree = etree.fromstring(f"<div>{rendered}</div>", etree.HTMLParser()).find(".//div")
    assert [a.get("href") for a in tree.iter("a")] == hrefs
    assert [img.get("src") for img in tree.iter("img")] == srcs
    assert len(tree.findall(".//table")) == _runs_of_rows(blocks)
    for table in tree.iter("table"):
        assert table.find("thead/tr/th") is not None and table.find("tbody/tr/td") is not None


def test_lines_of_one_element_each_get_their_own_links() -> None:
    lines = "<br>".join(
        [f"Line one names the storm Sandy. {_PROSE}", f"Line two has <a href='/map'>the storm Sandy</a> map. {_PROSE}"]
        + [f"Line {n} links <a href='/l{n}'>item {n}</a> here. {_PROSE}" for n in range(3, 60)]
    )
    blocks = _blocks(f"<div>{lines}</div>")
    assert blocks[0].links == ()
    assert [blocks[1].text[s:e] for s, e, _ in blocks[1].links] == ["the storm Sandy"]
    assert all([h for _, _, h in b.links] == [f"https://news.example/l{n}"] for n, b in zip(range(3, 60), blocks[2:]))
