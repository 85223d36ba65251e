"""The page-type model: a softmax over weighted features, its weights read from JSON.

The weights are learned by ``python -m unboil.bench.train_pagetype`` from the
tune half of wcxb-dev and shipped as ``weights.json`` beside this module;
inference is a dot product per type, nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

__all__ = ["TYPES", "PAGE_TYPES", "DEFAULT_WEIGHTS", "Model", "default_model"]

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
"""The types the model tells apart (WCXB's seven)."""
PAGE_TYPES = (*TYPES, "other")
"""Every value of ``Article.page_type``: ``other`` for a page with no text to read a type from."""
DEFAULT_WEIGHTS = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class Model:
    """Per type, a bias and the weights of the features it reads; each feature's average
    on the training pages, which stands for a feature the page cannot give (no address)."""

    types: tuple[str, ...]
    bias: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]
    means: Mapping[str, float]
    _columns: Mapping[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)
    """Each feature's weights, one per type in ``types`` order: one pass over the features scores every type."""

    def __post_init__(self) -> None:
        names = {name for weights in self.weights.values() for name in weights}
        columns = {name: tuple(self.weights[t].get(name, 0.0) for t in self.types) for name in sorted(names)}
        object.__setattr__(self, "_columns", columns)

    @classmethod
    def load(cls, path: Path) -> "Model":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(data["types"]), data["bias"], data["weights"], data["means"])

    def scores(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each type's probability given the features (a missing one read as its average)."""
        raw = [self.bias[t] for t in self.types]
        means = self.means
        for name, column in self._columns.items():
            value = features.get(name)
            if value is None:
                value = means[name]
            if value:  # most features of a page are zero: the weights are folded, so zero adds nothing
                raw = [r + w * value for r, w in zip(raw, column)]
        top = max(raw)
        exp = [math.exp(v - top) for v in raw]
        total = sum(exp)
        return {t: v / total for t, v in zip(self.types, exp)}

    def evidence(self, features: Mapping[str, float], page_type: str, count: int = 4) -> list[tuple[str, float]]:
        """The features that weigh most for ``page_type`` against their averages: what the trace shows."""
        weights = self.weights.get(page_type, {})
        parts = [(name, w * (value - self.means[name])) for name, w in weights.items() if (value := features.get(name))]
        return sorted(parts, key=lambda p: -p[1])[:count]


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The shipped model, read once per process (a cache of a constant file, not state)."""
    return Model.load(DEFAULT_WEIGHTS)
