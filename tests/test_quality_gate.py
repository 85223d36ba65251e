"""Quality gate: unboil on the evaluation corpus must not fall below pinned floors.

Runs when ``../shared/corpus/dev`` (or ``$UNBOIL_CORPUS``) exists and skips with
the reason otherwise.  Floors are pinned a little under the figures measured
when they were last raised: raise them when the extractor improves, never lower
them to get green.  Speed is a benchmark figure (``python -m unboil.bench``),
never asserted here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import unboil
from unboil.bench import corpus, metrics

ROOT = corpus.default_corpus()
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(ROOT is None, reason="evaluation corpus not found at ../shared/corpus/dev (set UNBOIL_CORPUS)"),
]

# dataset -> metric -> floor (measured 2026-11-25: see the README's benchmark table)
FLOORS: dict[str, dict[str, float]] = {
    "scrapinghub-aeb": {"f1": 0.962},
    "mozilla-readability": {"f1": 0.952, "title": 0.76, "date": 0.95},
    "trafilatura-eval": {"snippets": 0.920, "title": 0.875, "date": 0.915},
    "wcxb-dev": {"f1": 0.848, "snippets": 0.860, "title": 0.815, "date": 0.915},
}
MAX_EMPTY_SHARE = 0.01
MAX_APPEAL_LEAK_SHARE = 0.03


@dataclass
class Scores:
    f1: list[float] = field(default_factory=list)
    snippet_passes: int = 0
    snippet_total: int = 0
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    empty: int = 0
    with_text: int = 0
    crashes: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    def value(self, metric: str) -> float:
        if metric == "f1":
            return sum(self.f1) / len(self.f1)
        if metric == "snippets":
            return self.snippet_passes / self.snippet_total
        values = self.titles if metric == "title" else self.dates
        return sum(values) / len(values)


@pytest.fixture(scope="module")
def scores() -> dict[str, Scores]:
    assert ROOT is not None
    out: dict[str, Scores] = {}
    for dataset in FLOORS:
        s = out[dataset] = Scores()
        for page in corpus.pages(ROOT, dataset):
            gold = page.gold
            try:
                article = unboil.extract(page.html(), gold.get("url"))
            except Exception as exc:  # a crash is a failure of the gate, recorded, not raised
                s.crashes.append(f"{page.id}: {type(exc).__name__}: {exc}")
                continue
            text = article.text
            s.texts[page.id] = text
            if gold.get("text"):
                s.with_text += 1
                s.empty += not text.strip()
                s.f1.append(metrics.body_prf(text, gold["text"])[2])
            if gold.get("with") or gold.get("without"):
                passed, total = metrics.snippet_passes(text, gold.get("with") or [], gold.get("without") or [])
                s.snippet_passes += passed
                s.snippet_total += total
            if gold.get("title"):
                s.titles.append(metrics.title_match(article.title, gold["title"]))
            if gold.get("date"):
                s.dates.append(metrics.date_match(article.date, gold["date"]))
    return out


@pytest.mark.parametrize("dataset,metric", [(d, m) for d, floors in FLOORS.items() for m in floors])
def test_metric_floor(scores: dict[str, Scores], dataset: str, metric: str) -> None:
    value = scores[dataset].value(metric)
    assert value >= FLOORS[dataset][metric], f"{dataset} {metric} = {value:.3f} < floor {FLOORS[dataset][metric]}"


@pytest.mark.parametrize("dataset", list(FLOORS))
def test_no_crash(scores: dict[str, Scores], dataset: str) -> None:
    assert scores[dataset].crashes == []


@pytest.mark.parametrize("dataset", [d for d in FLOORS if d != "trafilatura-eval"])
def test_few_empty_results(scores: dict[str, Scores], dataset: str) -> None:
    s = scores[dataset]
    assert s.empty <= MAX_EMPTY_SHARE * s.with_text, f"{s.empty} empty of {s.with_text}"


def test_fundraising_appeals_do_not_leak(scores: dict[str, Scores]) -> None:
    """Hand-checked appeal lines (src/unboil/bench/appeals.json) must stay out of the body."""
    annotation = json.loads((Path(metrics.__file__).parent / "appeals.json").read_text(encoding="utf-8"))
    leaks = []
    for page in annotation["pages"]:
        text = " ".join(scores[page["dataset"]].texts.get(page["id"], "").split()).lower()
        hit = [line for line in page["lines"] if " ".join(line.split()).lower() in text]
        if hit:
            leaks.append((page["id"], hit))
    share = len(leaks) / len(annotation["pages"])
    assert share <= MAX_APPEAL_LEAK_SHARE, f"appeal lines leak on {len(leaks)} pages: {leaks[:5]}"
