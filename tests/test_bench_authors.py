"""The author gold (``bench/authors.json``), its metric and its two figures in the benchmark."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from unboil.bench.authors import AuthorGold, load
from unboil.bench.corpus import Page
from unboil.bench.metrics import author_key, authors_match
from unboil.bench.peers import TOOLS
from unboil.bench.report import console_table, halves_markdown_table, markdown_table, summarize, summarize_halves
from unboil.bench.runner import score
from unboil.bench.split import read


def _page(page_id: str) -> Page:
    return Page("demo", page_id, Path("/nonexistent.html.gz"), {"text": "words"})


def test_the_committed_gold_names_known_pages_in_one_list_each() -> None:
    gold = load()
    split = {(d, i) for d, i, _, _ in read()}
    named, unnamed = set(gold.authors), set(gold.no_author)
    assert len(named) >= 1200 and len(unnamed) >= 700
    assert not (named & unnamed) and not (named & gold.unsure) and not (unnamed & gold.unsure)
    assert named | unnamed | gold.unsure <= split
    assert all(people and all(n == n.strip() and n for n in people) for people in gold.authors.values())


def test_the_same_people_match_whatever_the_case_punctuation_order_or_honorific() -> None:
    assert authors_match(("JESSICA HOLLY", "Gail Levy"), ["Gail Levy", "Jessica Holly"])
    assert authors_match(["Dr. Marna van der Merwe"], ("Marna van der Merwe",))
    assert author_key("Dr") == "dr"  # a name that is only the honorific keeps it
    assert not authors_match(("Ann Lee",), ("Ann Lee", "Bo Chan"))
    assert not authors_match(("Ann Lee", "Bo Chan"), ("Ann Lee",))
    assert not authors_match(("Ann Lee, MS",), ("Ann Lee",))
    assert not authors_match((), ("Ann Lee",))


def test_tools_that_name_authors_are_scored_on_the_gold_pages_and_others_are_not() -> None:
    gold = AuthorGold({("demo", "a"): ("Ann Lee",)}, frozenset({("demo", "b")}), frozenset())
    unboil, trafilatura = TOOLS["unboil"], TOOLS["trafilatura"]
    hit = score(_page("a"), unboil, ("words", None, None, None, ("ann lee",)), 1.0, None, None, gold)
    miss = score(_page("a"), trafilatura, ("words", None, None, None, ("Ann Lee", "Staff")), 1.0, None, None, gold)
    false = score(_page("b"), unboil, ("words", None, None, None, ("Bo Chan",)), 1.0, None, None, gold)
    quiet = score(_page("b"), trafilatura, ("words", None, None, None, ()), 1.0, None, None, gold)
    assert (hit.author_ok, miss.author_ok, false.false_author, quiet.false_author) == (True, False, True, False)
    elsewhere = score(_page("c"), unboil, ("words", None, None, None, ("Ann Lee",)), 1.0, None, None, gold)
    assert elsewhere.author_ok is None and elsewhere.false_author is None
    text_only = score(_page("a"), TOOLS["readability"], ("words", "t", None), 1.0, None, None, gold)
    assert text_only.author_ok is None and text_only.false_author is None
    crash = score(_page("a"), unboil, None, 1.0, "ValueError", None, gold)
    assert crash.author_ok is False


def test_the_tables_show_author_exact_and_false_authors() -> None:
    gold = AuthorGold({("demo", "a"): ("Ann Lee",)}, frozenset({("demo", "b")}), frozenset())
    unboil = TOOLS["unboil"]
    results = [
        score(_page("a"), unboil, ("words", None, None, None, ("Ann Lee",)), 1.0, None, None, gold),
        score(_page("b"), unboil, ("words", None, None, None, ()), 1.0, None, None, gold),
    ]
    results = [replace(r, half=half) for r, half in zip(results, ("tune", "check"))]
    s = summarize("demo", "unboil", results)
    assert (s.author, s.false_author) == (1.0, 0.0)
    assert "author" in console_table([s]) and "false au" in console_table([s])
    assert "| author exact | false author |" in markdown_table([s]) and "| 1.000 | 0.000 |" in markdown_table([s])
    assert "| 1.000 / - | - / 0.000 |" in halves_markdown_table(summarize_halves("demo", "unboil", results))
