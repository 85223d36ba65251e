"""The dateline gold (``bench/datelines.json``) and its two figures in the benchmark."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from unboil.bench.corpus import Page
from unboil.bench.datelines import DatelineGold, load
from unboil.bench.peers import TOOLS
from unboil.bench.report import console_table, halves_markdown_table, markdown_table, summarize, summarize_halves
from unboil.bench.runner import score
from unboil.bench.split import read


def _page(page_id: str) -> Page:
    return Page("demo", page_id, Path("/nonexistent.html.gz"), {"text": "words"})


def test_the_committed_gold_names_known_pages_in_one_list_each() -> None:
    gold = load()
    split = {(d, i) for d, i, _, _ in read()}
    dated, undated = set(gold.datelines), set(gold.no_dateline)
    assert len(dated) >= 90 and len(undated) >= 300
    assert not (dated & undated) and not (dated & gold.unsure) and not (undated & gold.unsure)
    assert dated | undated | gold.unsure <= split
    assert all(text == text.strip() and text for text in gold.datelines.values())


def test_unboil_is_scored_on_the_gold_pages_and_peers_are_not() -> None:
    gold = DatelineGold({("demo", "a"): "OSLO (AP) —"}, frozenset({("demo", "b"), ("demo", "c")}), frozenset())
    unboil = TOOLS["unboil"]
    hit = score(_page("a"), unboil, ("words", None, None, "OSLO  (AP) —"), 1.0, None, gold)
    miss = score(_page("a"), unboil, ("words", None, None, None), 1.0, None, gold)
    false = score(_page("b"), unboil, ("words", None, None, "NOTE —"), 1.0, None, gold)
    quiet = score(_page("c"), unboil, ("words", None, None, None), 1.0, None, gold)
    elsewhere = score(_page("d"), unboil, ("words", None, None, "OSLO —"), 1.0, None, gold)
    assert (hit.dateline_ok, miss.dateline_ok, false.false_dateline, quiet.false_dateline) == (True, False, True, False)
    assert elsewhere.dateline_ok is None and elsewhere.false_dateline is None
    peer = score(_page("a"), TOOLS["trafilatura"], ("words", None, None), 1.0, None, gold)
    assert peer.dateline_ok is None and peer.false_dateline is None
    crash = score(_page("a"), unboil, None, 1.0, "ValueError", gold)
    assert crash.dateline_ok is False


def test_the_tables_show_dateline_exact_and_false_datelines() -> None:
    gold = DatelineGold({("demo", "a"): "OSLO —"}, frozenset({("demo", "b")}), frozenset())
    unboil = TOOLS["unboil"]
    results = [
        score(_page("a"), unboil, ("words", None, None, "OSLO —"), 1.0, None, gold),
        score(_page("b"), unboil, ("words", None, None, None), 1.0, None, gold),
    ]
    results = [replace(r, half=half) for r, half in zip(results, ("tune", "check"))]
    s = summarize("demo", "unboil", results)
    assert (s.dateline, s.false_dateline) == (1.0, 0.0)
    assert "dateline" in console_table([s]) and "false dl" in console_table([s])
    assert "| dateline exact | false dateline |" in markdown_table([s]) and "| 1.00 | 0.000 |" in markdown_table([s])
    assert "| 1.00 / - | - / 0.000 |" in halves_markdown_table(summarize_halves("demo", "unboil", results))
