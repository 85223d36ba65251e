"""Stage: what kind of page this is (``Article.page_type``), read from cheap features.

``article``, ``forum``, ``product``, ``collection``, ``listing``,
``documentation`` or ``service`` (WCXB's types), ``other`` for a page with no
text to read a type from.  The unpruned tree gives the markup's declarations
and build (:func:`~unboil.pagetype.features.tree_features`, read before
pruning), the first pass's blocks their shape and labels
(:func:`~unboil.pagetype.features.block_features`); a softmax model learned
from the tune half of wcxb-dev (:mod:`unboil.pagetype.model`,
``python -m unboil.bench.train_pagetype``) weighs them.  The scorer then
follows the type (:mod:`unboil.pagetype.follow`).
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..blocks import RawBlock
from ..trace import Trace
from .features import block_features, class_features, tree_features
from .model import PAGE_TYPES, TYPES, Model, default_model

__all__ = ["PAGE_TYPES", "TYPES", "Model", "decide", "features_of", "tree_features", "class_features", "block_features"]


def decide(
    tree: Mapping[str, float],
    classes: Mapping[str, int],
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    trace: Trace | None,
    model: Model | None = None,
) -> tuple[str, float]:
    """The page's type and the model's probability for it, from its tree's features, the class
    values the prune walk met and its first pass's blocks; the evidence goes to the trace."""
    if not blocks:
        if trace is not None:
            trace.add("pagetype", "note", "other", "no blocks")
        return "other", 1.0
    model = model or default_model()
    features = features_of(tree, classes, blocks, concepts)
    scores = model.scores(features)
    page_type = max(scores, key=scores.__getitem__)
    if trace is not None:
        evidence = ", ".join(f"{name} {weight:+.2f}" for name, weight in model.evidence(features, page_type))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:3]
        trace.add("pagetype", "chose", f"{page_type} ({', '.join(f'{t} {p:.2f}' for t, p in ranked)})", evidence, scores[page_type])
    return page_type, scores[page_type]


def features_of(
    tree: Mapping[str, float], classes: Mapping[str, int], blocks: Sequence[RawBlock], concepts: Sequence[str | None]
) -> dict[str, float]:
    """Every feature the model reads: what ``decide`` weighs, and what the training script learns from."""
    return {**tree, **class_features(classes), **block_features(blocks, concepts)}
