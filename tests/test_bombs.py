"""Pages that made the parser itself superlinear (issue 16): each cap of :mod:`unboil.scan`.

Each shape is generated at 10x and 100x a cap set small in ``Options`` (so the
pages stay small and the tests quick), and the outcome is asserted: an article
that says it was truncated, or a typed error.  Never a duration: speed is
measured by ``python tests/pathological.py`` and ``unboil clean``.
"""

from __future__ import annotations

import gzip
import json

import pytest
from lxml import etree

import pathological as P
import unboil
from unboil import Article, Options
from unboil import load as load_module
from unboil.errors import UnboilError
from unboil.scan import bound_markup

SENTENCE = P.ARTICLE_TEXT

# Each shape: its generator at a size, the cap it passes, and that cap's small setting.
_SHAPES = {
    "attributes": (P.attribute_bomb, {"max_attributes": 50}, 50),
    "quoted_attributes": (P.quoted_attribute_bomb, {"max_attributes": 50}, 50),
    "long_tag": (P.long_tag, {"max_tag_bytes": 2_000}, 2_000),
    "long_text": (P.long_text_node, {"max_text_bytes": 2_000}, 2_000),
    "unclosed_nesting": (P.unclosed_nesting, {"max_open_elements": 30, "max_depth": 20}, 30),
    "stray_end_tags": (lambda n: P.stray_end_tags(n, depth=1_500), {"max_open_elements": 30}, 30_000),
    "elements": (P.many_elements, {"max_elements": 100}, 100),
}


def _outcome(data: bytes, options: Options) -> tuple[Article, list[str]] | type[UnboilError]:
    try:
        article, trace = unboil.extract(data, options=options.but(time_budget=None), trace=True)
    except unboil.ExtractionError as exc:  # a crash, even wrapped, is a bug
        raise AssertionError(f"extraction crashed: {exc.__cause__!r}") from exc
    except UnboilError as exc:
        return type(exc)
    return article, [d.what for d in trace.by_stage("load") if d.why == "limit"]


@pytest.mark.parametrize("factor", [10, 100])
@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_each_cap_cuts_its_shape_and_the_article_survives(shape: str, factor: int) -> None:
    make, settings, cap = _SHAPES[shape]
    result = _outcome(make(cap * factor), Options(**settings))
    assert not isinstance(result, type), result
    article, notes = result
    assert SENTENCE in article.text
    assert article.truncated, "a page cut by a limit says so"
    assert notes and article.truncated == "; ".join(notes)


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_under_its_cap_a_shape_is_not_cut(shape: str) -> None:
    make, settings, cap = _SHAPES[shape]
    if shape == "stray_end_tags":
        page = P.stray_end_tags(10, depth=10)
    else:
        page = make(10 if shape == "elements" else cap // 2)
    assert bound_markup(page, Options(**settings)).cuts == ()


@pytest.mark.parametrize(
    "unit",
    [
        "</html x>t",  # every element closed: <html> and <p> implied again
        "<br>t</html x>",
        "</html x>&amp;t<br>",
        "<b><p>x</b>y</p>",  # misnested formatting
        "<table>x<tr>y<td>z",
        "<select><option>x<p>y",
        "<title>x</title><meta>t",
        "<frameset><frame>x</frameset>",
        "<li>x",
    ],
)
def test_libxml2_makes_no_more_elements_than_the_bound_says(unit: str) -> None:
    """``load`` counts the elements only when ``ELEMENTS_PER_TAG`` per ``<`` could pass
    ``max_elements``: a libxml2 that implied more would let a page past the limit."""
    page = (unit * 200).encode()
    root = load_module.load(page, Options(max_elements=100_000)).root
    assert int(root.xpath("count(//*)")) <= load_module.ELEMENTS_PER_TAG * (page.count(b"<") + 1)


@pytest.mark.parametrize("settings", [{}, {"max_elements": 100}, {"max_depth": 20}])
def test_a_relaxed_pass_gets_the_tree_a_new_load_would_make(settings: dict[str, int]) -> None:
    options = Options(**settings)
    for page in (P.many_siblings(1_000), P.unclosed_nesting(300), P.normal_page()):
        loaded = load_module.load(page, options)
        fresh = load_module.load(page, options).root
        again = load_module.reparse(loaded, options)
        assert etree.tostring(again) == etree.tostring(fresh)


def test_the_attribute_bomb_of_the_issue_yields_its_article_at_the_default_caps() -> None:
    article = unboil.extract(P.attribute_bomb(70_000))
    assert SENTENCE in article.text and "max_attributes=1000" in (article.truncated or "")


@pytest.mark.parametrize("make", [P.unclosed_comments, P.unclosed_bogus_comments, P.unclosed_quotes], ids=lambda f: f.__name__)
def test_markup_that_never_closes_is_read_once(make) -> None:  # type: ignore[no-untyped-def]
    """Each unclosed comment or quote runs to the end of the page: a scan that retried from
    each one would take hours; the outcome (an article) is what is asserted here."""
    article = unboil.extract(make(200_000), options=Options(time_budget=None))
    assert SENTENCE in article.text


def test_attributes_past_the_cap_go_the_first_ones_stay() -> None:
    page = "<html><body><div id='keep' " + " ".join(f"a{i}=x" for i in range(100)) + f"><p>{SENTENCE}</p></div></body></html>"
    root = load_module.load(page, Options(max_attributes=10)).root
    div = root.find(".//div")
    assert div.get("id") == "keep" and len(div.attrib) == 10
    assert SENTENCE in "".join(div.itertext())


def test_a_script_that_looks_like_a_tag_is_not_cut() -> None:
    script = "<script>for (i = 0; i <n " + " ".join(f"x{i}" for i in range(500)) + "; i++) {}</script>"
    page = f"<html><head>{script}</head><body><p>{SENTENCE}</p></body></html>".encode()
    scanned = bound_markup(page, Options(max_attributes=10))
    assert scanned.cuts == () and scanned.data == page


def test_a_value_holding_markup_is_no_tag() -> None:
    """An inline SVG in an attribute value holds ``<`` and many words: not a tag of its own."""
    svg = "data:image/svg+xml,<svg><path d='" + "M 0 0 L 1 1 " * 500 + "'/></svg>"
    page = f'<html><body><img src="{svg}"><p>{SENTENCE}</p></body></html>'.encode()
    assert bound_markup(page, Options(max_attributes=10)).cuts == ()


@pytest.mark.parametrize(
    "tag",
    [
        "<div a=" + " " * 6_000 + '"x">',  # the spaces after "=" are part of the tag
        "<div " + " ".join(" ".join(f"n{j}" for j in range(12)) + f' v{i}="' + "x" * 150 + '"' for i in range(28)) + ">",
    ],
    ids=["spaces_after_equals", "many_names_and_values"],
)
def test_a_tag_past_max_tag_bytes_is_cut_however_its_bytes_are_spread(tag: str) -> None:
    """The one-call walker passes a tag whole only when it cannot pass the cap."""
    page = f"<html><body>{tag}<p>{SENTENCE}</p></div></body></html>".encode()
    assert len(tag) > 5_000
    assert any("max_tag_bytes=5000" in cut for cut in bound_markup(page, Options(max_tag_bytes=5_000)).cuts)


def test_a_text_run_is_cut_on_a_character_boundary() -> None:
    page = ("<html><body><pre>" + "é" * 5_000 + f"</pre><p>{SENTENCE}</p></body></html>").encode()
    article = unboil.extract(page, options=Options(max_text_bytes=1_001))
    assert "\ufffd" not in article.text and SENTENCE in article.text


def test_options_refuse_caps_that_cannot_work() -> None:
    for name in ("max_attributes", "max_tag_bytes", "max_text_bytes", "max_open_elements"):
        for bad in (0, -1, 1.5, True):
            with pytest.raises(ValueError):
                Options(**{name: bad})


# --- the remaining edges -------------------------------------------------------------


def test_a_javascript_og_image_is_dropped() -> None:
    assert unboil.extract(P.javascript_og_image()).image is None


@pytest.mark.parametrize(
    ("image", "kept"),
    [
        ("https://example.org/a.jpg", True),
        ("http://example.org/a.jpg", True),
        ("/images/a.jpg", True),
        ("a.jpg", True),
        ("//cdn.example.org/a.jpg", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:image/png;base64,AAAA", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
    ],
)
def test_article_image_is_a_web_url_or_nothing(image: str, kept: bool) -> None:
    page = f"<html><head><meta property='og:image' content='{image}'></head><body><p>{SENTENCE}</p></body></html>"
    assert (unboil.extract(page).image is not None) is kept


def test_an_unclosed_title_gives_the_headline_not_markup() -> None:
    article, trace = unboil.extract(P.unclosed_title(), trace=True)
    assert article.title == "Flood warning for the old bridge"
    assert "<" not in article.title and SENTENCE in article.text
    assert any("unclosed <title>" in d.what for d in trace.by_stage("load"))


# --- a truncated article says so --------------------------------------------------------


def test_truncated_survives_the_round_trip() -> None:
    article = unboil.extract(P.many_siblings(1_000), options=Options(max_elements=100, time_budget=None))
    assert article.truncated and "max_elements=100" in article.truncated
    assert Article.from_json(article.to_json()) == article
    assert unboil.extract(P.normal_page()).truncated is None


def test_the_batch_report_line_says_a_page_was_truncated(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "bomb.html").write_bytes(P.attribute_bomb(5_000))
    with gzip.open(src / "plain.html.gz", "wb") as fh:
        fh.write(P.normal_page())
    out = tmp_path / "out"
    unboil.clean_folder(str(src), str(out), workers=1)
    lines = {row["path"]: row for row in map(json.loads, (out / "report.jsonl").read_text().splitlines())}
    assert lines["bomb.html"]["status"] == "ok" and "max_attributes" in lines["bomb.html"]["truncated"]
    assert lines["plain.html.gz"]["truncated"] is None


def test_a_page_libxml2_stops_reading_is_parsed_again_with_its_nesting_capped() -> None:
    """3,000 nested ``<div>`` before the article: too few tags for the scan to run first;
    libxml2 gave up at 2,047 levels and the page lost its article."""
    page = P._page("<div>" * 3_000 + "</div>" * 3_000 + P.article_body()).encode()
    article = unboil.extract(page)
    assert SENTENCE in article.text
    assert "max_open_elements=1000" in (article.truncated or "")
