"""The benchmark harness without the corpus: text conversion, date reading, scoring and pooling."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from unboil.bench.corpus import Page
from unboil.bench.peers import TOOLS, as_date, html_to_text, load_tool
from unboil.bench.report import halves_console_table, halves_markdown_table, markdown_table, summarize, summarize_halves
from unboil.bench.runner import PageResult, score, timed


def _page(**gold: object) -> Page:
    return Page("demo", "p1", Path("/nonexistent.html.gz"), dict(gold))


def test_html_to_text_keeps_blocks_apart() -> None:
    html = "<div><h2>Head</h2><p>one<b>bold</b></p><p>two</p><ul><li>a</li><li>b</li></ul>x<br>y<!-- c --></div>"
    assert html_to_text(html) == "Head\nonebold\ntwo\na\nb\nx\ny"
    assert html_to_text("  ") == ""


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        ("", None),
        ("2019-10-19", date(2019, 10, 19)),
        ("2019-10-19T23:30:00-05:00", date(2019, 10, 19)),
        (datetime(2019, 10, 19, 23, 30, tzinfo=timezone(timedelta(hours=-5))), date(2019, 10, 19)),
        ("October 19, 2019", date(2019, 10, 19)),
        ("not a date at all", None),
    ],
)
def test_as_date_keeps_the_page_local_day(value: object, expected: date | None) -> None:
    assert as_date(value) == expected


def test_score_a_crash_as_an_empty_result() -> None:
    page = _page(text="gold words here", title="T", date="2020-01-02", **{"with": ["gold"], "without": ["menu"]})
    result = score(page, TOOLS["unboil"], None, 5.0, "ValueError")
    assert (result.f1, result.snippet_passes, result.snippet_total) == (0.0, 1, 2)
    assert result.title_ok is False and result.date_ok is False and not result.empty


def test_score_leaves_out_what_a_tool_never_reports() -> None:
    page = _page(text="gold words", title="T", date="2020-01-02")
    result = score(page, TOOLS["resiliparse"], ("gold words", None, None), 1.0, None)
    assert result.f1 == 1.0 and result.title_ok is None and result.date_ok is None
    assert score(page, TOOLS["unboil"], ("", None, None), 1.0, None).empty


def test_timed_turns_exceptions_into_crash_records() -> None:
    def boom(html: str, url: str | None) -> tuple[str, None, None]:
        raise KeyError(html)

    result, ms, error = timed(boom, "<p>x</p>", None)
    assert result is None and error == "KeyError" and ms >= 0


def test_summary_pools_snippets_and_macro_averages_f1() -> None:
    results = [
        PageResult("d", "a", "t", 10.0, f1=1.0, precision=1.0, recall=1.0, snippet_passes=1, snippet_total=1),
        PageResult("d", "b", "t", 30.0, f1=0.0, precision=0.0, recall=0.0, snippet_passes=1, snippet_total=3,
                   error="TypeError"),
    ]
    s = summarize("d", "t", results)
    assert (s.f1, s.snippets, s.ms, s.crashes, s.title) == (0.5, 0.5, 20.0, 1, None)
    assert "| d | t | 2 | 0.500 |" in markdown_table([s])


def test_halves_report_each_metric_as_tune_slash_check() -> None:
    results = [
        PageResult("d", "a", "t", 1.0, f1=1.0, precision=1.0, recall=1.0, title_ok=True, half="tune"),
        PageResult("d", "b", "t", 1.0, f1=0.0, precision=0.0, recall=0.0, title_ok=False, half="check"),
        PageResult("d", "c", "t", 1.0, f1=0.5, precision=0.5, recall=0.5, half="check"),
    ]
    halves = summarize_halves("d", "t", results) + summarize_halves("d", "floor", [])
    assert [(s.half, s.pages, s.f1) for s in halves[:2]] == [("tune", 1, 1.0), ("check", 2, 0.25)]
    table = halves_markdown_table(halves)
    assert "| d | t | 1 / 2 | 1.000 / 0.250 | 1.000 / 0.250 | 1.000 / 0.250 | - | 1.00 / 0.00 | - |" in table
    assert "floor" not in table and "floor" not in halves_console_table(halves)  # nothing to split: no row


def test_lxml_floor_accepts_an_xml_encoding_declaration() -> None:
    floor = load_tool("lxml-parse")
    assert floor is not None
    assert floor('<?xml version="1.0" encoding="iso-8859-1"?><html><body>é</body></html>', None) == ("", None, None)
