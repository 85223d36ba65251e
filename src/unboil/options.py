"""One frozen object that carries every setting down the pipeline.

Stages receive the same :class:`Options` instance instead of a growing list of
keyword arguments, and nothing is kept in module-level state, so two calls with
the same input and options always give the same result, whatever ran before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from .vocabulary import DEFAULT_VOCABULARY, Vocabulary

__all__ = ["Options", "Favor"]

Favor = Literal["precision", "balanced", "recall"]


@dataclass(frozen=True)
class Options:
    """Settings for one extraction.

    ``favor`` moves the keep/drop threshold of the block scorer: ``precision``
    drops doubtful blocks, ``recall`` keeps them.  ``vocabulary`` is the
    boilerplate vocabulary; extend it with :meth:`Vocabulary.extend` rather
    than editing the module.
    """

    favor: Favor = "balanced"
    vocabulary: Vocabulary = field(default=DEFAULT_VOCABULARY)
    include_comments: bool = False
    include_tables: bool = True
    include_images: bool = False
    use_readability: bool = True
    """Ask readability-lxml for a second opinion when our own choice is weak."""
    max_bytes: int = 50_000_000
    """Larger inputs raise :class:`~unboil.errors.PageTooLargeError` unparsed."""
    max_elements: int = 400_000
    """Elements past this count are not walked; the rest of the page is ignored."""
    max_depth: int = 200
    """Subtrees nested deeper than this are pruned rather than recursed into."""
    time_budget: float | None = 10.0
    """Seconds one page may take before :class:`~unboil.errors.ExtractionTimeout`."""
    with_metadata: bool = True

    def but(self, **changes: object) -> "Options":
        """A copy with some fields changed (frozen objects are never mutated)."""
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_OPTIONS = Options()
