"""The benchmark's metrics on hand-made strings, so published-figure comparisons rest on checked code."""

from __future__ import annotations

from datetime import date

import pytest

from unboil.bench.metrics import body_prf, date_match, snippet_passes, title_match, tokens


def test_tokens_are_lowercase_nfkc_words() -> None:
    # NFKC folds the "ﬁ" ligature and full-width letters; punctuation is not a token
    assert tokens("The ﬁne ＡＢＣ, the end.") == {"the": 2, "fine": 1, "abc": 1, "end": 1}


def test_body_prf_known_values() -> None:
    # predicted 4 tokens, gold 5 tokens, 3 in common -> P 3/4, R 3/5
    p, r, f = body_prf("a b c x", "a b c d e")
    assert (p, r) == pytest.approx((0.75, 0.6))
    assert f == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_body_prf_counts_repeated_tokens_as_a_bag() -> None:
    # "the" twice predicted but once in gold: only one counts as common
    assert body_prf("the the cat", "the cat") == pytest.approx((2 / 3, 1.0, 0.8))


def test_body_prf_ignores_case_and_punctuation() -> None:
    assert body_prf("Hello, WORLD!", "hello world") == (1.0, 1.0, 1.0)


def test_body_prf_empty_cases() -> None:
    assert body_prf("", "some gold text") == (0.0, 0.0, 0.0)
    assert body_prf("", "") == (1.0, 1.0, 1.0)
    assert body_prf("noise", "") == (0.0, 0.0, 0.0)


def test_snippet_passes_counts_found_with_and_absent_without() -> None:
    text = "First paragraph here.\nSecond   paragraph\tthere."
    with_ = ["paragraph here. Second paragraph", "missing sentence"]
    without = ["Cookie banner", "Second paragraph"]
    # with: whitespace-folded hit (pass), miss (fail); without: absent (pass), present (fail)
    assert snippet_passes(text, with_, without) == (2, 4)


def test_snippet_passes_on_empty_prediction() -> None:
    assert snippet_passes("", ["a"], ["b", "c"]) == (2, 3)
    assert snippet_passes("anything", [], []) == (0, 0)


@pytest.mark.parametrize(
    "predicted, gold",
    [
        ("“Bohren, bis es heiß wird”", "Bohren, bis es heiß wird"),
        ("THE 'Quoted' Title", "the quoted title"),
        ("«Le titre»  –  ici", "le titre ici"),
        ("Ｆｕｌｌ width", "full width"),
    ],
)
def test_title_match_normalises_quotes_case_and_punctuation(predicted: str, gold: str) -> None:
    assert title_match(predicted, gold)


@pytest.mark.parametrize("predicted", [None, "", "Bohren, bis es heiß wird | ZEIT ONLINE", "Bohren bis"])
def test_title_match_rejects_missing_or_different(predicted: str | None) -> None:
    assert not title_match(predicted, "Bohren, bis es heiß wird")


def test_date_match_is_the_same_calendar_day() -> None:
    assert date_match(date(2019, 10, 16), "2019-10-16")
    assert date_match(date(2019, 10, 16), "2019-10-16T23:59:00")
    assert not date_match(date(2019, 10, 17), "2019-10-16")
    assert not date_match(None, "2019-10-16")
