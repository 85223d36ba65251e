"""``Options.favor``: the precision/recall knob, as users of trafilatura know it.

``precision`` drops the doubtful blocks the balanced reading keeps: short
unpunctuated lines (a label, a name, a menu left inside the container), link-heavy
blocks, and the tail after the story's last paragraph of prose.  ``recall`` keeps
what the balanced reading doubts: every block of the container whatever its links,
and the container grows to its parent while what the parent adds is prose rather
than boilerplate, never to the page's body (navigation and appeals stay out: their
blocks are dropped by their concepts, whatever the favor).
"""

from __future__ import annotations

from typing import Any, Sequence

from .blocks import RawBlock
from .text import PUNCT
from .thresholds import FavorThresholds

__all__ = ["precision_narrow", "precision_trim", "recall_widen"]


def _doubtful(block: RawBlock, limits: FavorThresholds) -> bool:
    """A block the precision reading drops: short and without a sentence, or mostly links."""
    if block.kind == "code":
        return False
    if block.link_density > limits.precision_link_density:
        return True
    if block.kind == "heading":
        return False
    return len(block.text) < limits.precision_line_chars and not PUNCT.search(block.text)


def _is_sentence(block: RawBlock, limits: FavorThresholds) -> bool:
    return (
        block.kind != "heading"
        and len(block.text) >= limits.precision_tail_prose
        and block.link_density <= limits.precision_link_density
        and bool(PUNCT.search(block.text))
    )


def precision_trim(kept: Sequence[bool], blocks: Sequence[RawBlock], limits: FavorThresholds) -> list[str | None]:
    """For each block, why the precision reading drops it ("doubtful:...") or None.

    Only blocks the balanced reading keeps (``kept``) are read.  Past the story's
    last paragraph of prose everything kept is its tail (tags, a share line, "Filed
    under"), and goes.
    """
    last = max((i for i, (k, b) in enumerate(zip(kept, blocks)) if k and _is_sentence(b, limits)), default=None)
    why: list[str | None] = [None] * len(blocks)
    for i, (keep, block) in enumerate(zip(kept, blocks)):
        if not keep:
            continue
        if last is not None and i > last:
            why[i] = "doubtful:tail"
        elif _doubtful(block, limits):
            why[i] = "doubtful:line"
    return why


def recall_widen(best: Any, body: Any, totals: dict[Any, float], limits: FavorThresholds) -> Any:
    """The recall reading's container: ``best`` grown to its parent, up to ``recall_levels``
    times, while the parent adds more prose than boilerplate (its total is at least
    ``best``'s) and is not ``body``."""
    el = best
    for _ in range(limits.recall_levels):
        parent = el.getparent()
        if parent is None or parent is body or totals.get(parent, float("-inf")) < totals.get(el, 0.0) * limits.recall_keep:
            break
        el = parent
    return el


def precision_narrow(best: Any, totals: dict[Any, float], limits: FavorThresholds) -> Any:
    """The precision reading's container: ``best`` narrowed, level by level, to a child that
    holds ``precision_core`` of its total (the post inside a page-wide wrapper of comments
    and sidebars), while there is one."""
    el = best
    while True:
        total = totals.get(el, 0.0)
        if total <= 0:
            return el
        core = next((child for child in el if totals.get(child, 0.0) >= limits.precision_core * total), None)
        if core is None:
            return el
        el = core
