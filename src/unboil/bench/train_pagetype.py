"""Learn the page-type model from wcxb-dev's ``page_type`` labels, on the tune half only.

    python -m unboil.bench.train_pagetype [--corpus PATH] [--out FILE] [--features CACHE]

Reads every wcxb-dev page as ``extract`` does (load, then the unpruned tree's
features; prune, segment, label, then the blocks' features), trains a
multinomial logistic regression on the pages of the *tune* half of the
site-disjoint split (:mod:`unboil.bench.split`), reports its accuracy and
confusion matrix on both halves, and writes the weights as JSON
(``src/unboil/pagetype/weights.json`` by default, the file the package
ships).  Pure Python, like inference: a few minutes on one core.
Deterministic: the same corpus gives the same weights.
"""

from __future__ import annotations

import argparse
import json
import hashlib
import math
from operator import mul
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from ..concepts import label_blocks
from ..blocks import segment
from ..load import load
from ..options import DEFAULT_OPTIONS
from ..pagetype import features_of, tree_features
from ..pagetype.model import DEFAULT_WEIGHTS, TYPES, Model
from ..prune import prune
from .corpus import default_corpus, pages
from .split import read as read_split

__all__ = ["page_features", "train", "main"]

DATASET = "wcxb-dev"
L2 = 0.03
"""Weight decay: enough that a feature seen on a handful of tune sites cannot decide alone."""
STEPS = 200
ARTICLE_DATASETS = ("dragnet-train", "scrapinghub-aeb", "mozilla-readability")
"""Datasets of news and blog articles only: their tune halves teach the model what an
article with a site's full chrome around it looks like (wcxb-dev alone has few old ones)."""
ARTICLE_WEIGHT = 0.3
"""What one of their pages weighs beside a wcxb-dev page: enough to teach, not to drown the other types."""
RATE = 0.5


def page_features(html: str, url: str | None) -> dict[str, float]:
    """The features ``extract`` computes for the page (its first, strict pass)."""
    options = DEFAULT_OPTIONS
    loaded = load(html, options)
    tree = tree_features(loaded.root, url)
    classes: dict[str, int] = {}
    body = prune(loaded.root, options, None, 0, classes)
    raw, _ = segment(body, options.max_depth, options.include_tables)
    concepts = label_blocks(raw, options, lambda stage: None)
    return features_of(tree, classes, raw, concepts)


def _rows(corpus: Path, cache: Path | None) -> list[dict[str, Any]]:
    """Every labelled page's features: wcxb-dev's, and the pages of the article datasets
    (``ARTICLE_DATASETS``), labelled ``article`` and weighed ``ARTICLE_WEIGHT``."""
    if cache is not None and cache.exists():
        return json.loads(cache.read_text())
    sites = {(d, i): (site, half) for d, i, site, half in read_split()}
    rows = []
    for dataset in (DATASET, *ARTICLE_DATASETS):
        for page in pages(corpus, dataset):
            label = page.gold.get("page_type") if dataset == DATASET else "article"
            if label not in TYPES:
                continue
            site, half = sites.get((dataset, page.id), (page.id, "?"))
            x = page_features(page.html(), page.gold.get("url"))
            rows.append({"id": page.id, "dataset": dataset, "site": site, "half": half, "type": label, "x": x,
                         "weight": 1.0 if dataset == DATASET else ARTICLE_WEIGHT})
    if cache is not None:
        cache.write_text(json.dumps(rows))
    return rows


def _standardize(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> tuple[list[float], list[float]]:
    means, scales = [], []
    for name in names:
        known = [r["x"][name] for r in rows if name in r["x"]]
        mean = sum(known) / len(known) if known else 0.0
        values = [r["x"].get(name, mean) for r in rows]
        var = sum((v - mean) ** 2 for v in values) / len(values)
        means.append(mean)
        scales.append(math.sqrt(var) or 1.0)
    return means, scales


def train(rows: Sequence[dict[str, Any]], names: Sequence[str], steps: int = STEPS, l2: float = L2, balanced: bool = False) -> dict[str, Any]:
    """Softmax regression on standardized features by full-batch gradient descent with momentum."""
    means, scales = _standardize(rows, names)
    # a feature the page cannot give (no address) is read as its average, as inference does
    xs = [[(r["x"].get(n, m) - m) / s for n, m, s in zip(names, means, scales)] for r in rows]
    ys = [TYPES.index(r["type"]) for r in rows]
    k, d, n = len(TYPES), len(names), len(rows)
    counts = Counter(ys)
    row_weights = [r.get("weight", 1.0) for r in rows]
    weight_of = [(n / (k * counts[c]) if balanced else 1.0) if counts[c] else 0.0 for c in range(k)]
    w = [[0.0] * d for _ in range(k)]
    b = [0.0] * k
    vw = [[0.0] * d for _ in range(k)]
    vb = [0.0] * k
    cols = [list(col) for col in zip(*xs)]
    for _ in range(steps):
        # residuals per type and page, then each weight's gradient as one column dot product
        residual = [[0.0] * n for _ in range(k)]
        for i, (x, y) in enumerate(zip(xs, ys)):
            p = _softmax([bc + sum(map(mul, wc, x)) for wc, bc in zip(w, b)])
            cw = weight_of[y] * row_weights[i] / n
            for c in range(k):
                residual[c][i] = (p[c] - (1.0 if c == y else 0.0)) * cw
        for c in range(k):
            grad = [sum(map(mul, residual[c], col)) for col in cols]
            vw[c] = [0.9 * v + gj + l2 * wj for v, gj, wj in zip(vw[c], grad, w[c])]
            w[c] = [wj - RATE * v for wj, v in zip(w[c], vw[c])]
            vb[c] = 0.9 * vb[c] + sum(residual[c])
            b[c] -= RATE * vb[c]
    # fold the standardization into the weights: inference reads raw features
    weights = {t: {nm: w[c][j] / scales[j] for j, nm in enumerate(names) if abs(w[c][j]) > 1e-9} for c, t in enumerate(TYPES)}
    bias = {t: b[c] - sum(w[c][j] * means[j] / scales[j] for j in range(d)) for c, t in enumerate(TYPES)}
    return {"types": list(TYPES), "bias": bias, "weights": weights, "means": dict(zip(names, means))}


def cross_validate(rows: Sequence[dict[str, Any]], names: Sequence[str], folds: int, **settings: Any) -> float:
    """Accuracy of site-grouped folds of ``rows`` (a site's pages in one fold): how the settings generalize."""
    right = 0
    for f in range(folds):
        held = [r for r in rows if _fold(r["site"], folds) == f]
        model = train([r for r in rows if _fold(r["site"], folds) != f], names, **settings)
        right += sum(1 for r in held if predict(model, r["x"]) == r["type"])
    return right / len(rows)


def _fold(site: str, folds: int) -> int:
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % folds


def _softmax(z: Sequence[float]) -> list[float]:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return [v / s for v in e]


def predict(model: dict[str, Any], x: dict[str, float]) -> str:
    scores = Model(tuple(model["types"]), model["bias"], model["weights"], model["means"]).scores(x)
    return max(scores, key=scores.__getitem__)


def confusion(model: dict[str, Any], rows: Sequence[dict[str, Any]]) -> tuple[float, str]:
    """Accuracy and the confusion matrix (rows: gold, columns: predicted) as a Markdown table."""
    matrix: Counter[tuple[str, str]] = Counter()
    for r in rows:
        matrix[(r["type"], predict(model, r["x"]))] += 1
    right = sum(v for (g, p), v in matrix.items() if g == p)
    types = [t for t in TYPES if any(g == t or p == t for g, p in matrix)]
    lines = ["| gold \\ predicted | " + " | ".join(types) + " |", "|---" * (len(types) + 1) + "|"]
    for g in types:
        lines.append(f"| {g} | " + " | ".join(str(matrix[(g, p)]) for p in types) + " |")
    return right / max(1, len(rows)), "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m unboil.bench.train_pagetype", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    parser.add_argument("--features", type=Path, default=None, help="cache of the pages' features (JSON), read if present")
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--balanced", action="store_true", help="weigh the types equally (default: as the tune half has them)")
    parser.add_argument("--cv", type=int, default=0, help="only report the accuracy of this many site-grouped folds of tune")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None or not (corpus / DATASET).is_dir():
        raise SystemExit(f"no {DATASET} in the corpus (give --corpus)")
    rows = _rows(corpus, args.features)
    tune = [r for r in rows if r["half"] == "tune"]
    names = sorted({n for r in tune for n in r["x"]})
    settings = {"steps": args.steps, "l2": args.l2, "balanced": args.balanced}
    if args.cv:
        print(f"{args.cv}-fold site-grouped accuracy on tune: {cross_validate(tune, names, args.cv, **settings):.3f}")
        return 0
    model = train(tune, names, **settings)
    for half in ("tune", "check"):
        accuracy, table = confusion(model, [r for r in rows if r["half"] == half and r.get("dataset", DATASET) == DATASET])
        print(f"{DATASET} {half}: accuracy {accuracy:.3f}\n{table}\n")
    for dataset in ARTICLE_DATASETS:
        shares = []
        for half in ("tune", "check"):
            done = [r for r in rows if r["half"] == half and r.get("dataset") == dataset]
            shares.append(f"{half} {sum(predict(model, r['x']) == 'article' for r in done) / max(1, len(done)):.3f} of {len(done)}")
        print(f"{dataset}: read as article on " + ", ".join(shares))
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
