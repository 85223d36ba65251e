"""A record of every decision, so a wrong extraction can be explained in a minute.

Stages append :class:`Decision` values to a :class:`Trace` only when the caller
asked for one (``extract(..., trace=True)``); without it they receive ``None``
and skip the bookkeeping, so tracing costs nothing when off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Decision", "Trace"]

Action = Literal["removed", "kept", "dropped", "chose", "note"]


@dataclass(frozen=True)
class Decision:
    stage: str
    """``prune``, ``score``, ``metadata``..."""
    action: Action
    what: str
    """A short description of the element or block (tag, class, first words)."""
    why: str
    """The concept, rule or feature that decided, e.g. ``donation:line``."""
    score: float | None = None
    node: int | None = field(default=None, compare=False)
    """Where the element decided on sits in the loaded page: its position in document order
    (``root.iter()``), so :mod:`unboil.explain` can mark it on a fresh load; None for notes."""
    relax: int = field(default=0, compare=False)
    """The pass that made the decision: 0 strict, 1 and 2 relaxed (see ``Trace.chosen_pass``)."""


@dataclass
class Trace:
    """An append-only list of decisions (the one mutable object, owned by one call)."""

    decisions: list[Decision] = field(default_factory=list)
    chosen_pass: int = 0
    """The pass whose blocks the article holds: 0 strict, 1 or 2 relaxed, -1 readability's."""
    _positions: dict[Any, int] = field(default_factory=dict, repr=False)
    _pass: int = 0

    def begin_pass(self, relax: int, root: Any) -> None:
        """Number the tree a pass works on, before it changes it: decisions then say where they were."""
        self._pass = relax
        self._positions = {el: i for i, el in enumerate(root.iter())}

    def fork(self) -> "Trace":
        """An empty trace of the same pass and tree, for decisions that may or may not be kept."""
        other = Trace()
        other._positions, other._pass = self._positions, self._pass
        return other

    def add(self, stage: str, action: Action, what: str, why: str, score: float | None = None, element: Any = None) -> None:
        node = self._positions.get(element) if element is not None else None
        self.decisions.append(Decision(stage, action, what, why, score, node, self._pass))

    def by_stage(self, stage: str) -> list[Decision]:
        return [d for d in self.decisions if d.stage == stage]

    def __str__(self) -> str:
        lines = []
        for d in self.decisions:
            score = f" ({d.score:.1f})" if d.score is not None else ""
            lines.append(f"{d.stage:8} {d.action:8} {d.why:24} {d.what}{score}")
        return "\n".join(lines)


def describe(el: object, text: str = "") -> str:
    """``div.share#tools "First words…"`` for a trace line."""
    tag = getattr(el, "tag", "?")
    get = getattr(el, "get", None)
    cls = (get("class") or "").split() if get else []
    ident = get("id") if get else None
    label = str(tag) + "".join(f".{c}" for c in cls[:3]) + (f"#{ident}" if ident else "")
    if text:
        snippet = text if len(text) <= 60 else text[:57] + "…"
        label += f' "{snippet}"'
    return label
