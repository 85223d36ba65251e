"""Hostile input: every page gives an Article or an UnboilError, inside the limits.

The pages come from ``tests/pathological.py`` (generated, nothing downloaded).
Speed is not asserted here (``python tests/pathological.py`` measures it); what
is tested is the behaviour that bounds it: the element and depth limits cut the
tree, the time budget stops a page, recursion never follows the page's depth.
No test here may reach the network: an autouse fixture fails any test that tries.
"""

from __future__ import annotations

import functools
import gzip
import importlib
import importlib.util
import inspect
import os
import pathlib
import re
import select
import socket
import sys

import pytest
from lxml import etree, html as lxml_html

import pathological as P
import unboil
from unboil import Article, Options
from unboil import load as load_module
from unboil.dom import text_of
from unboil.errors import (
    ExtractionError,
    ExtractionTimeout,
    InputError,
    NotHTMLError,
    PageTooLargeError,
    UnboilError,
)

extract_module = importlib.import_module("unboil.extract")

SENTENCE = P.ARTICLE_TEXT


# --- no network, ever --------------------------------------------------------------


class _NetworkAttempt(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) every Python-level connection attempt made during a test."""
    attempts: list[str] = []

    def refuse(what: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise _NetworkAttempt(f"network access attempted: {what} {args!r}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert attempts == [], f"network attempts: {attempts}"


def _outcome(data: object, options: Options | None = None) -> Article | type[UnboilError]:
    """The Article, or the UnboilError class raised; a wrapped crash fails the test."""
    try:
        return unboil.extract(data, options=options)
    except ExtractionError as exc:  # a stage crashed: a bug, even though it is wrapped
        raise AssertionError(f"extraction crashed: {exc.__cause__!r}") from exc
    except UnboilError as exc:
        return type(exc)


# --- 1. the error model ------------------------------------------------------------


def test_error_hierarchy_is_exported_and_rooted_at_unboil_error() -> None:
    for cls in (InputError, NotHTMLError, PageTooLargeError, ExtractionTimeout, ExtractionError):
        assert issubclass(cls, UnboilError)
        assert getattr(unboil, cls.__name__) is cls
    assert issubclass(NotHTMLError, InputError) and issubclass(PageTooLargeError, InputError)
    assert issubclass(ExtractionTimeout, TimeoutError)


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("bad value"),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
        RecursionError("maximum recursion depth exceeded"),
        etree.XMLSyntaxError("broken", 1, 1, 1),
        etree.ParserError("no root"),
        KeyError("missing"),
        IndexError("out of range"),
        ZeroDivisionError("division by zero"),
        MemoryError(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_an_unexpected_failure_in_a_stage_becomes_extraction_error(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(extract_module, "extract_metadata", broken)
    with pytest.raises(ExtractionError) as info:
        unboil.extract(P.normal_page())
    assert info.value.__cause__ is exc


@pytest.mark.parametrize("source", [None, 12345, 1.5, ["<p>x</p>"], {"html": "x"}, object()], ids=repr)
def test_unsupported_inputs_raise_input_error(source: object) -> None:
    with pytest.raises(InputError):
        unboil.extract(source)  # type: ignore[arg-type]


def test_unreadable_paths_raise_input_error(tmp_path) -> None:
    with pytest.raises(InputError):
        unboil.extract(tmp_path / "missing.html")
    with pytest.raises(InputError):
        unboil.extract(tmp_path)  # a directory
    with pytest.raises(InputError):
        unboil.extract_file(tmp_path / "missing.html.gz")
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    with pytest.raises(InputError):
        unboil.extract_file(broken)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_special_files_are_refused_without_blocking(tmp_path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    with pytest.raises(InputError, match="not a regular file"):
        unboil.extract(fifo)
    gz_fifo = tmp_path / "page.html.gz"  # extract_file would gunzip it: refused unread all the same
    os.mkfifo(gz_fifo)
    with pytest.raises(InputError, match="not a regular file"):
        unboil.extract_file(gz_fifo)
    if os.path.exists("/dev/zero"):  # endless: reading it whole never returns
        with pytest.raises(InputError, match="not a regular file"):
            unboil.extract(pathlib.Path("/dev/zero"))


def test_pages_over_max_bytes_are_refused_before_parsing(tmp_path) -> None:
    options = Options(max_bytes=1000)
    page = P.normal_page() + b" " * 1000
    with pytest.raises(PageTooLargeError, match="max_bytes=1000"):
        unboil.extract(page, options=options)
    with pytest.raises(PageTooLargeError):
        unboil.extract(page.decode(), options=options)
    path = tmp_path / "big.html"
    path.write_bytes(page)
    with pytest.raises(PageTooLargeError):
        unboil.extract(path, options=options)
    with pytest.raises(PageTooLargeError):
        unboil.extract_file(path, options=options)


def test_default_max_bytes_refuses_a_sparse_huge_file_without_reading_it(tmp_path) -> None:
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:
        fh.truncate(Options().max_bytes + 1)  # sparse: nothing is written, nothing must be read
    with pytest.raises(PageTooLargeError):
        unboil.extract(path)


def test_a_gzip_bomb_is_refused_after_max_bytes(tmp_path) -> None:
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b"<p>" + b"\x00" * 5_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(PageTooLargeError):
        unboil.extract_file(path, options=Options(max_bytes=1_000_000))


@pytest.mark.parametrize(
    "changes",
    [
        {"max_bytes": 0},
        {"max_elements": -1},
        {"max_depth": 0},
        {"max_depth": 10_000},
        {"max_elements": 1.5},
        {"max_depth": True},
        {"time_budget": 0},
        {"time_budget": -1.0},
        {"time_budget": float("nan")},
        {"time_budget": "2"},
        {"favor": "speed"},
    ],
    ids=repr,
)
def test_options_refuse_limits_that_cannot_work(changes: dict) -> None:
    with pytest.raises(ValueError):
        Options(**changes)
    with pytest.raises(ValueError):
        Options().but(**changes)


# --- 2. the pathological pages -------------------------------------------------------


_BIG = ("huge_page_30mb", "many_siblings_200k", "huge_text_node_5mb")


@functools.lru_cache(maxsize=None)
def _page(name: str) -> bytes:
    return P.PAGES[name]()


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in _BIG else n for n in sorted(P.PAGES)])
def test_every_pathological_page_gives_an_article_or_an_unboil_error(name: str) -> None:
    data = _page(name)
    result = _outcome(data)
    if name in ("nul_filled", "png_renamed"):
        assert result is NotHTMLError
    elif name in ("huge_page_30mb", "many_siblings_200k", "all_links"):
        # Pages this big end within their budget either way: cut to max_elements
        # and extracted, or stopped by the budget (a busy machine decides which).
        assert isinstance(result, Article) or result is ExtractionTimeout
    else:
        assert isinstance(result, Article), result
        if result.is_empty:
            assert result.empty_reason


def test_empty_and_blank_pages_are_empty_articles_with_a_reason() -> None:
    for data in (P.empty(), P.only_whitespace(), b"<html></html>", b"<!DOCTYPE html>", "   "):
        article = unboil.extract(data)
        assert article.is_empty and article.empty_reason == "no text"


def test_binary_data_is_not_html() -> None:
    with pytest.raises(NotHTMLError, match="PNG"):
        unboil.extract(P.png_renamed())
    with pytest.raises(NotHTMLError):
        unboil.extract(P.nul_filled())
    with pytest.raises(NotHTMLError):
        unboil.extract(b"%PDF-1.7\n" + bytes(range(256)) * 10)


def test_a_png_renamed_html_is_not_html_through_extract_file_too(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(P.png_renamed())
    with pytest.raises(NotHTMLError):
        unboil.extract_file(path)


@pytest.mark.parametrize("name", ["utf16_without_bom", "utf16be_without_bom"])
def test_utf16_without_bom_is_decoded(name: str) -> None:
    assert "mètres — «ça déborde»" in unboil.extract(P.PAGES[name]()).text


@pytest.mark.parametrize("name", ["wrong_meta_charset", "wrong_meta_charset_utf8"])
def test_a_wrong_meta_charset_does_not_garble_the_text(name: str) -> None:
    assert "mètres, déjà «über» Ærø" in unboil.extract(P.PAGES[name]()).text


def test_mixed_utf8_and_cp1252_keeps_both_parts() -> None:
    text = unboil.extract(P.mixed_encodings()).text
    assert "mètres (UTF-8 café)" in text
    assert "the café’s “déjà vu” menu cost 5 €" in text


@pytest.mark.parametrize(
    "label",
    ["undefined", "unicode_escape", "raw_unicode_escape", "utf-7", "punycode", "idna", "rot13", "hex", "base64", "zlib", "mbcs"],
)
def test_a_meta_charset_naming_a_python_codec_is_ignored(label: str) -> None:
    body = f"<p>Literal text: \\x41 \\u0042 +ADw-b+AD4- caf{chr(0xe9)} and {SENTENCE}</p>"
    page = f'<html><head><meta charset="{label}"></head><body><article>{body}</article></body></html>'
    for data in (page.encode("windows-1252"), page.replace(chr(0xe9), "e").encode("ascii")):
        text = unboil.extract(data).text
        assert r"Literal text: \x41 \u0042 +ADw-b+AD4- caf" in text


@pytest.mark.parametrize(
    ("label", "sample"),
    [
        ("gbk", "北京市今天发布了暴雨预警，提醒市民注意出行安全，并尽量减少外出。"),
        ("shift_jis", "東京では今朝から強い雨が降り続いており、気象庁は警報を発表しました。"),
        ("windows-1251", "В Москве сегодня ожидается сильный дождь, говорится в сообщении синоптиков."),
        ("euc-kr", "서울에는 오늘 오후부터 많은 비가 내릴 것으로 예상됩니다, 기상청이 밝혔습니다."),
    ],
)
def test_declared_legacy_encodings_still_decode(label: str, sample: str) -> None:
    page = f'<html><head><meta charset="{label}"></head><body><article><p>{sample} {sample}</p></article></body></html>'
    assert sample in unboil.extract(page.encode(label)).text


@pytest.mark.parametrize(
    ("encoding", "sample"),
    [
        ("windows-1251", "В Москве сегодня ожидается сильный дождь, говорится в сообщении синоптиков."),
        ("shift_jis", "東京では今朝から強い雨が降り続いており、気象庁は警報を発表しました。"),
        ("gbk", "北京市今天发布了暴雨预警，提醒市民注意出行安全，并尽量减少外出。"),
    ],
)
def test_undeclared_legacy_encodings_are_detected_on_a_sample(encoding: str, sample: str) -> None:
    if not any(importlib.util.find_spec(m) for m in ("cchardet", "chardet", "charset_normalizer")):
        pytest.skip("no charset detector installed")
    head = "<html><head><title>x</title><script>var a = 1;</script></head><body><article>"
    page = (head + f"<p>{sample}</p>" * 3000 + "</article></body></html>").encode(encoding)
    assert len(page) > 100_000  # detection reads 16 KB of it
    assert sample in unboil.extract(page, options=Options(time_budget=None)).text


def test_iso_2022_jp_ascii_bytes_follow_the_declaration() -> None:
    sample = "東京では今朝から強い雨が降り続いており、気象庁は警報を発表しました。"
    page = f'<html><head><meta charset="iso-2022-jp"></head><body><article><p>{sample}</p></article></body></html>'
    data = page.encode("iso2022_jp")
    assert data.isascii()
    assert sample in unboil.extract(data).text


def test_deep_nesting_is_parsed_without_recursion_and_cut_at_max_depth() -> None:
    options = Options()
    for name in ("deep_nesting", "deep_inline_nesting"):
        loaded = load_module.load(P.PAGES[name](), options)
        deepest = max(sum(1 for _ in el.iterancestors()) for el in loaded.root.iter())
        assert deepest <= options.max_depth
        assert isinstance(unboil.extract(P.PAGES[name]()), Article)


def test_text_shallower_than_max_depth_survives_deeper_text_does_not() -> None:
    shallow = "Shallow paragraph: " + SENTENCE
    deep = "Deep paragraph: " + SENTENCE
    page = "<html><body><article><p>" + shallow + "</p>" + "<div>" * 300 + f"<p>{deep}</p>" + "</div>" * 300
    page += f"<p>After paragraph: {SENTENCE}</p></article></body></html>"
    text = unboil.extract(page, options=Options(max_depth=50)).text
    assert shallow in text and "After paragraph" in text
    assert deep not in text


def test_recursion_follows_max_depth_not_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page 1,500 levels deep goes through with a recursion limit far below 1,500 frames."""
    page = "<html><body>" + "<div><span>" * 750 + SENTENCE + "</span></div>" * 750 + f"<p>{SENTENCE}</p></body></html>"
    here = len(inspect.stack(0))
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(here + 2 * Options().max_depth + 150)
    try:
        article = unboil.extract(page, options=Options(time_budget=None))
    finally:
        sys.setrecursionlimit(old)
    assert SENTENCE in article.text


def test_a_tree_given_by_the_caller_is_bounded_too() -> None:
    root = lxml_html.Element("html")
    node = etree.SubElement(root, "body")
    etree.SubElement(node, "p").text = SENTENCE
    for _ in range(3000):
        node = etree.SubElement(node, "div")
    node.text = "deep text"
    loaded = load_module.load(root, Options())
    assert max(sum(1 for _ in el.iterancestors()) for el in loaded.root.iter()) <= Options().max_depth
    assert sum(1 for _ in root.iter()) == 3003  # the caller's tree is untouched
    assert SENTENCE in unboil.extract(root, options=Options(time_budget=None)).text


def test_max_elements_cuts_the_page_in_document_order() -> None:
    page = "<html><body><article>" + "".join(f"<p>Paragraph {i}: {SENTENCE}</p>" for i in range(1000)) + "</article></body></html>"
    options = Options(max_elements=100, time_budget=None)
    loaded = load_module.load(page, options)
    assert int(loaded.root.xpath("count(//*)")) <= 100
    assert loaded.limited
    text = unboil.extract(page, options=options).text
    assert "Paragraph 0:" in text and "Paragraph 90:" in text
    assert "Paragraph 999:" not in text


def test_text_far_past_max_elements_is_not_parsed() -> None:
    page = "<html><body>" + "<p>x</p>" * 10_000 + "<p>THE END</p></body></html>"
    loaded = load_module.load(page, Options(max_elements=100))
    assert "THE END" not in text_of(loaded.root)
    assert len(text_of(loaded.root)) < 10_000


def test_a_script_full_of_comparisons_does_not_use_up_the_markup_budget() -> None:
    page = f"<html><body><script>{'if (a < b) {{}} ' * 5000}</script><article><p>{SENTENCE}</p></article></body></html>"
    loaded = load_module.load(page, Options(max_elements=100))
    assert loaded.limited == () and SENTENCE in text_of(loaded.root)


def test_a_page_under_the_limits_is_not_cut() -> None:
    loaded = load_module.load(P.normal_page(), Options())
    assert loaded.limited == ()


@pytest.mark.slow
def test_a_30mb_page_is_cut_to_max_elements() -> None:
    data = _page("huge_page_30mb")
    assert len(data) >= 30_000_000
    loaded = load_module.load(data, Options())
    assert int(loaded.root.xpath("count(//*)")) <= Options().max_elements
    assert SENTENCE in text_of(loaded.root)


def test_200000_siblings_are_cut_to_max_elements() -> None:
    options = Options(max_elements=2_000, time_budget=None)
    article = unboil.extract(P.many_siblings(), options=options)
    assert article.blocks[0].text == "Short paragraph number 0, with a comma."
    assert len(article.blocks) < options.max_elements


def test_a_5mb_text_node_is_kept_whole() -> None:
    article = unboil.extract(P.huge_text_node(), options=Options(time_budget=None))
    assert len(article.text) >= 4_990_000


def test_a_10mb_attribute_does_not_stop_the_parse() -> None:
    """libxml2 refuses nodes over 10 MB without huge_tree: a big inline image lost the page."""
    image = "data:image/png;base64," + "A" * 11_000_000
    page = f"<html><body><article><img src='{image}'><p>{SENTENCE}</p></article></body></html>"
    assert SENTENCE in unboil.extract(page, options=Options(time_budget=None)).text


def test_scripts_never_reach_the_text() -> None:
    article = unboil.extract(P.many_scripts())
    assert SENTENCE in article.text
    assert "not text" not in article.text and "document.write" not in article.text


def test_a_page_of_links_is_an_article() -> None:
    article = unboil.extract(P.all_links(2_000))
    assert isinstance(article, Article) and (article.blocks or article.empty_reason)


def test_base_href_to_another_site_changes_nothing() -> None:
    article = unboil.extract(P.base_href_elsewhere(), "https://news.example.org/flood")
    assert SENTENCE in article.text
    assert article.url == "https://news.example.org/flood"
    dumped = article.to_json() + article.to_html() + article.to_markdown()
    assert "attacker.invalid" not in dumped
    assert unboil.extract(P.base_href_elsewhere()).url is None


def test_billion_laughs_is_not_expanded() -> None:
    article = unboil.extract(P.billion_laughs())
    assert SENTENCE in article.text
    assert "lollol" not in article.to_json()
    assert len(article.text) < 2 * len(SENTENCE)


# --- 3. XXE: no file read, no network --------------------------------------------------


@pytest.fixture()
def listener():
    """A local TCP server that nobody should connect to: catches attempts made from C too."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    readable, _, _ = select.select([server], [], [], 0.2)
    server.close()
    assert not readable, "the page made a connection to the local listener"


def test_xxe_reads_no_file_and_opens_no_connection(tmp_path, listener: str, no_network: list[str]) -> None:
    marker = "TOP-SECRET-MARKER-7f3a"
    secret = tmp_path / "secret.txt"
    secret.write_text(marker)
    data = P.xxe_page(str(secret), listener)
    page_file = tmp_path / "xxe.html"
    page_file.write_bytes(data)
    for source in (data, data.decode(), page_file, lxml_html.document_fromstring(data)):
        article, trace = unboil.extract(source, "https://example.org/xxe", trace=True)
        assert SENTENCE in article.text
        assert marker not in article.to_json() and marker not in str(trace)
        assert marker not in article.to_html() and marker not in article.to_markdown()
    assert no_network == []


def test_the_parser_is_built_without_network_or_dtd_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    options = load_module.PARSER_OPTIONS
    assert options["no_network"] is True
    assert options["remove_pis"] is True
    for risky in ("load_dtd", "dtd_validation", "resolve_entities", "attribute_defaults", "xinclude"):
        assert risky not in options
    built: list[dict] = []
    real = load_module.etree.HTMLParser

    def spy(**kwargs: object):
        built.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(load_module.etree, "HTMLParser", spy)
    unboil.extract(P.xxe_page("/etc/passwd", "http://127.0.0.1:9"))
    # The page parser also fixes the encoding: it reads the UTF-8 bytes load() makes.
    assert built and all(kw == dict(options) or kw == dict(options, encoding="utf-8") for kw in built)


def test_entities_of_an_internal_subset_stay_literal() -> None:
    page = b"""<!DOCTYPE html [<!ENTITY greeting "INJECTED">]>
    <html><body><article><p>Say &greeting; to the reader. """ + SENTENCE.encode() + b"""</p></article></body></html>"""
    text = unboil.extract(page).text
    assert "INJECTED" not in text and "&greeting;" in text


# --- the time budget ----------------------------------------------------------------------


class _FakeCpu:
    """A thread CPU clock that advances one second at every reading."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_the_budget_stops_a_page_that_uses_it_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module.time, "thread_time", _FakeCpu())
    with pytest.raises(ExtractionTimeout, match="time budget exceeded"):
        unboil.extract(P.normal_page(), options=Options(time_budget=2.5))


def test_no_budget_means_no_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module.time, "thread_time", _FakeCpu())
    article = unboil.extract(P.normal_page(), options=Options(time_budget=None))
    assert SENTENCE in article.text


def test_the_budget_is_checked_inside_the_block_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of many blocks stops inside the costliest loop, not after it."""
    seen = []
    real = unboil.Vocabulary.text_concepts

    def counting(self, texts):  # type: ignore[no-untyped-def]
        seen.extend(texts)
        return real(self, texts)

    monkeypatch.setattr(unboil.Vocabulary, "text_concepts", counting)
    clock = {"now": 0.0}

    def fake_cpu() -> float:
        if len(seen) >= 300:
            clock["now"] = 100.0
        return clock["now"]

    monkeypatch.setattr(extract_module.time, "thread_time", fake_cpu)
    with pytest.raises(ExtractionTimeout):
        unboil.extract(P.many_siblings(2_000), options=Options(time_budget=10.0))
    assert len(seen) < 600


def test_readability_is_not_asked_when_too_little_budget_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []
    monkeypatch.setattr(extract_module, "readability_blocks", lambda *a, **k: asked.append(1) or [])
    page = "<html><body><div><p>Too short to trust.</p></div></body></html>"
    unboil.extract(page, options=Options(time_budget=None))
    assert asked, "readability should be asked on a page with no article text"
    asked.clear()
    clock = {"now": 0.0}

    def fake_cpu() -> float:
        clock["now"] += 0.05
        return clock["now"]

    monkeypatch.setattr(extract_module.time, "thread_time", fake_cpu)
    article = unboil.extract(page, options=Options(time_budget=1.0))
    assert asked == [] and isinstance(article, Article)


def test_a_tiny_real_budget_times_out() -> None:
    with pytest.raises(ExtractionTimeout):
        unboil.extract(P.many_siblings(5_000), options=Options(time_budget=1e-6))


# --- regular expressions that could backtrack forever ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1" * 60 + "a",
        "1 " * 40 + "x",
        "$1 " * 30 + "a",
        "1 usd " * 20 + "a",
        "$1   " * 20 + "!",
        "€ 1, " * 25 + "x",
        "email " * 20 + "a",
        "A" * 5_000_000,
        "A-" * 1_000_000,
    ],
    ids=lambda t: repr(t[:12]),
)
def test_adversarial_block_text_finishes(text: str) -> None:
    """Texts that made a vocabulary pattern backtrack exponentially (minutes, then years)."""
    page = f"<html><body><article><p>{text}</p><p>{SENTENCE}</p></article></body></html>"
    assert isinstance(_outcome(page, Options(time_budget=None)), Article)


@pytest.mark.parametrize(
    "jsonld",
    ["[" * 5000 + "]" * 5000, '{"@type":"NewsArticle","author":' + "[" * 900 + '{"name":"X"}' + "]" * 900 + "}"],
    ids=["past-the-stack", "deep-author"],
)
def test_deeply_nested_json_ld_is_ignored_not_fatal(jsonld: str) -> None:
    page = f'<html><head><script type="application/ld+json">{jsonld}</script></head><body><p>{SENTENCE}</p></body></html>'
    assert SENTENCE in unboil.extract(page).text


def test_an_empty_readability_summary_is_no_second_opinion() -> None:
    """Found by test_fuzz (14,000 ill-formed trees): readability summarised this as "<html></html>"."""
    page = (
        '<body class="display:none" id="display:none" hidden="javascript:alert(1)">'
        + "The the the the the the the the the the the the the the the."
        + '</body><div aria-hidden="display:none" role="read-more-links"></div>'
    )
    assert isinstance(_outcome(page, Options(time_budget=None)), Article)


def test_huge_wrappers_do_not_make_metadata_quadratic() -> None:
    """Date-, author- and title-like wrappers around megabytes of text are read a bounded number of times."""
    big = "word, " * 200_000
    wrappers = ['<div class="date">', '<span rel="author">', '<div itemprop="author">', "<time>", '<div class="byline meta">']
    head = f'<title>{big}</title><meta name="author" content="{big}">'
    head += '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"' + big + '"}}</script>'
    body = "".join(w * 30 for w in wrappers) + f"<p>{big}</p>"  # 150 levels: inside max_depth
    article = unboil.extract(f"<html><head>{head}</head><body>{body}</body></html>", options=Options(time_budget=None))
    assert len(article.text) > 1_000_000


# --- 5. safe HTML and Markdown output --------------------------------------------------------

_HOSTILE_BODY = """
<h1 onclick="alert(1)">Headline <script>alert('h1')</script></h1>
<p onmouseover="alert(2)">{s} The text says &lt;script&gt;alert(3)&lt;/script&gt; and
&lt;img src=x onerror=alert(4)&gt; and &lt;a href="javascript:alert(5)"&gt;x&lt;/a&gt; as text.</p>
<p><a href="javascript:alert(6)">a javascript link</a>, <a href=" JaVaScRiPt:alert(7)">another</a>,
<a href="data:text/html,&lt;script&gt;alert(8)&lt;/script&gt;">a data link</a>. {s}</p>
<p>Markdown tricks: [click](javascript:alert(9)) and &lt;javascript:alert(10)&gt; and ![i](javascript:alert(11)). {s}</p>
<ul><li onclick="x()">&lt;svg onload=alert(12)&gt; item one, long enough to keep</li><li>[a]: javascript:alert(13)</li></ul>
<blockquote>&lt;iframe src="javascript:alert(14)"&gt;&lt;/iframe&gt; {s}</blockquote>
<table><tr><td>&lt;b onclick=alert(15)&gt;cell&lt;/b&gt;</td><td>| pipe |</td></tr></table>
<pre>&lt;script&gt;alert(16)&lt;/script&gt;
```
&lt;script&gt;alert(17)&lt;/script&gt;</pre>
<img src="x" onerror="alert(18)"><svg onload="alert(19)"></svg><iframe src="javascript:alert(20)"></iframe>
"""

_HOSTILE_PAGE = (
    "<html><head><title>&lt;script&gt;alert(0)&lt;/script&gt; Title</title>"
    '<meta property="og:image" content="javascript:alert(21)"></head>'
    f"<body><article>{_HOSTILE_BODY.format(s=SENTENCE)}</article></body></html>"
)

_ALLOWED_TAGS = {"article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "li", "blockquote", "pre", "code", "table", "tr",
                 "th", "td", "figure", "figcaption", "a", "img"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
"""The only attributes a rendering may write; every address among them must be a web address."""


def _assert_inert_html(rendered: str) -> None:
    fragment = lxml_html.fragment_fromstring(rendered, create_parent="div")
    for el in fragment.iter():
        if el is fragment:
            continue
        assert el.tag in _ALLOWED_TAGS, el.tag
        assert set(el.attrib) <= _ALLOWED_ATTRIBUTES.get(el.tag, set()), f"attributes on <{el.tag}>: {dict(el.attrib)}"
        for name in ("href", "src"):
            if name in el.attrib:
                assert re.fullmatch(r"https?://[^\s<>\"'`]+", el.attrib[name]), el.attrib[name]
    # Every "<" opens one of the plain tags, with only its allowed, quoted attributes: text is escaped.
    for tag in re.findall(r"<([^>]*)>?", rendered):
        name = re.match(r"/?([a-z0-9]+)", tag)
        assert name and name.group(1) in _ALLOWED_TAGS, tag
        rest = tag[name.end():]
        assert re.fullmatch(r'(\s+(href|src|alt)="[^"<>]*")*', rest), tag


def _markdown_outside_code(markdown: str) -> str:
    out, fence = [], None
    for line in markdown.splitlines():
        m = re.match(r"^(`{3,})", line)
        if fence is None and m:
            fence = m.group(1)
            continue
        if fence is not None:
            if line.startswith(fence) and not line.strip("`"):
                fence = None
            continue
        out.append(line)
    return "\n".join(out)


def _assert_inert_markdown(markdown: str) -> None:
    prose = _markdown_outside_code(markdown)
    # No raw HTML tag, no autolink, no link or image whose bracket is not escaped.
    assert not re.search(r"<\s*/?\s*[a-zA-Z!?]", prose), prose
    assert not re.search(r"(?<!\\)\]\s*\(", prose), prose
    assert not re.search(r"(?m)^\s*(?<!\\)\[[^\]]*(?<!\\)\]:", prose), prose


def test_hostile_page_renders_to_inert_html_and_markdown() -> None:
    article = unboil.extract(_HOSTILE_PAGE)
    assert SENTENCE in article.text
    assert "<script>alert(3)</script>" in article.text  # the page's text is kept as text...
    _assert_inert_html(article.to_html())  # ...and rendered inert
    _assert_inert_markdown(article.to_markdown())
    assert "alert(6)" not in article.text and "alert(18)" not in article.text  # attributes never become text


def test_a_code_block_cannot_close_its_markdown_fence() -> None:
    page = (
        f"<html><body><article><p>{SENTENCE}</p><pre>````\n&lt;script&gt;alert(1)&lt;/script&gt;\n````</pre>"
        f"<p>{SENTENCE}</p></article></body></html>"
    )
    _assert_inert_markdown(unboil.extract(page).to_markdown())


def test_blocks_made_by_hand_render_inert() -> None:
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) <javascript:alert(4)>"
    blocks = tuple(
        unboil.Block(kind, hostile, level, cells)  # type: ignore[arg-type]
        for kind, level, cells in (
            ("heading", 2, ()), ("paragraph", 0, ()), ("list_item", 1, ()), ("quote", 0, ()),
            ("caption", 0, ()), ("table_row", 0, (hostile, "| x |")),
        )
    )
    article = Article(title=hostile, authors=(hostile,), site_name=hostile, blocks=blocks)
    _assert_inert_html(article.to_html())
    _assert_inert_markdown(article.to_markdown())


_RU = "Городской совет закрыл старый мост после того, как река поднялась на два метра за ночь."


def _cp1251_page_that_says_cp1252() -> bytes:
    """A Cyrillic page whose <meta> names windows-1252 (a template copied from another site)."""
    page = f"<html><head><meta charset='windows-1252'></head><body><article><p>{_RU} {_RU}</p></article></body></html>"
    return page.encode("cp1251")


def test_the_transport_charset_goes_before_the_page_declaration() -> None:
    data = _cp1251_page_that_says_cp1252()
    assert _RU not in unboil.extract(data).text  # the page's own word alone garbles it
    assert _RU in unboil.extract(data, encoding="windows-1251").text
    assert _RU in unboil.extract(data, encoding=" CP1251 ").text


@pytest.mark.parametrize("label", ["shift_jis", "utf-7", "unicode_escape", "no-such-charset", "utf-16", ""])
def test_a_transport_charset_that_cannot_decode_the_page_is_passed_over(label: str) -> None:
    data = _cp1251_page_that_says_cp1252()
    assert unboil.extract(data, encoding=label) == unboil.extract(data)


def test_a_utf8_page_stays_utf8_whatever_its_server_says() -> None:
    page = f"<html><body><article><p>{_RU} {_RU}</p></article></body></html>".encode()
    for label in ("iso-8859-1", "windows-1251", "koi8-r"):
        assert _RU in unboil.extract(page, encoding=label).text


def test_a_path_takes_the_hint_too(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ru.html"
    path.write_bytes(_cp1251_page_that_says_cp1252())
    assert _RU in unboil.extract(path, encoding="windows-1251").text
    assert _RU in unboil.extract_file(path, encoding="windows-1251").text
