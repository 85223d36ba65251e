"""WCXB's own scorer on our outputs: the figure its published table is made with.

    python -m unboil.bench.wcxb --scorer DIR [--tools unboil,trafilatura] [--out DIR] [--corpus PATH]

``DIR`` is a checkout of the benchmark's repository
(github.com/Murrough-Foley/web-content-extraction-benchmark, or a copy holding
its ``evaluate.py`` and ``dev/ground-truth``).  Each tool extracts every
wcxb-dev page of the corpus; its predictions are written as the
``{file_id: text}`` JSON that ``evaluate.py --results`` reads
(``OUT/<tool>.json``), and the scores are computed by that script's own
``load_ground_truth`` and ``word_f1`` (imported from ``DIR``, never copied),
so the figures are the benchmark's, not ours: overall, per page type (the
published table's rows) and per half of our site-disjoint split.

The same JSON can be scored by the benchmark itself:
``python DIR/evaluate.py --split dev --results OUT/unboil.json --per-type``.
Only the dev split is read: the test split is held out.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any, Sequence

from .corpus import default_corpus, pages
from .peers import load_tool, silence
from .split import load as load_split

__all__ = ["scorer", "predict", "score", "main"]

DATASET = "wcxb-dev"
TYPE_ORDER = ("article", "forum", "product", "collection", "listing", "documentation", "service")
"""The published table's row order."""


def scorer(folder: Path) -> ModuleType:
    """The benchmark's ``evaluate.py``, imported from its checkout."""
    path = folder / "evaluate.py"
    if not (path.is_file() and (folder / "dev" / "ground-truth").is_dir()):
        raise SystemExit(f"{folder}: not a WCXB checkout (needs evaluate.py and dev/ground-truth)")
    spec = importlib.util.spec_from_file_location("wcxb_evaluate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(job: tuple[str, list[tuple[str, str, str | None]]]) -> list[tuple[str, str]]:
    """One chunk of pages with one loaded tool (loading per page would time the imports)."""
    import gzip

    tool, chunk = job
    silence()
    extractor = load_tool(tool)
    assert extractor is not None
    out = []
    for file_id, html_path, url in chunk:
        with gzip.open(html_path, "rt", encoding="utf-8") as fh:
            html = fh.read()
        try:
            out.append((file_id, extractor(html, url)[0] or ""))
        except Exception:  # a peer's crash is its empty output, as in the benchmark
            out.append((file_id, ""))
    return out


def predict(corpus: Path, tool: str, workers: int, chunk: int = 50) -> dict[str, str]:
    """{file_id: text}: ids as the benchmark names them (``0001``, not our ``dev-0001``)."""
    todo = [(p.id.split("-", 1)[1], str(p.html_path), p.gold.get("url")) for p in pages(corpus, DATASET)]
    jobs = [(tool, todo[i : i + chunk]) for i in range(0, len(todo), chunk)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return {file_id: text for done in pool.map(_extract, jobs) for file_id, text in done}


def score(evaluate: ModuleType, predictions: dict[str, str], halves: dict[str, str]) -> dict[str, Any]:
    """Mean precision, recall and F1 over all pages, per page type and per half, by the benchmark's word_f1."""
    gold = evaluate.load_ground_truth("dev")
    groups: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for file_id, truth in sorted(gold.items()):
        prf = evaluate.word_f1(predictions.get(file_id, ""), truth["main_content"])
        for group in ("all", f"type:{truth['page_type']}", f"half:{halves.get(file_id, '?')}"):
            groups[group].append(prf)
    return {
        name: {"n": len(rows), **{k: sum(r[i] for r in rows) / len(rows) for i, k in enumerate(("p", "r", "f1"))}}
        for name, rows in groups.items()
    }


def _table(results: dict[str, dict[str, Any]]) -> str:
    tools = list(results)
    rows = ["all", *(f"type:{t}" for t in TYPE_ORDER), "half:tune", "half:check"]
    lines = ["| slice (pages) | " + " | ".join(tools) + " |", "|---" * (len(tools) + 1) + "|"]
    for row in rows:
        first = results[tools[0]].get(row)
        if first is None:
            continue
        cells = [f"{results[t][row]['f1']:.3f}" if row in results[t] else "-" for t in tools]
        lines.append(f"| {row.split(':')[-1]} ({first['n']}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m unboil.bench.wcxb", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scorer", type=Path, required=True, help="checkout of the WCXB repository")
    parser.add_argument("--tools", default="unboil", help="comma-separated bench tools (default: unboil)")
    parser.add_argument("--out", type=Path, default=Path("wcxb-results"), help="folder for <tool>.json")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None or not (corpus / DATASET).is_dir():
        raise SystemExit(f"no {DATASET} in the corpus (give --corpus)")
    evaluate = scorer(args.scorer)
    halves = {key[1].split("-", 1)[1]: half for key, half in load_split().items() if key[0] == DATASET}
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for tool in (t.strip() for t in args.tools.split(",") if t.strip()):
        if load_tool(tool) is None:
            print(f"{tool}: not installed, skipped", file=sys.stderr)
            continue
        predictions = predict(corpus, tool, args.workers)
        (args.out / f"{tool}.json").write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf-8")
        results[tool] = score(evaluate, predictions, halves)
    (args.out / "scores.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    if results:
        print(_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
