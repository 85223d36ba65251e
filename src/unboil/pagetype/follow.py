"""How extraction follows the page's type: the few places where the scorer reads it.

A listing or a collection is a page of entries: its content is the run of
entries, which the scorer's reading as an index finds (:func:`unboil.score.score_blocks`
tries it on every such page, not only when the first reading is thin).
"""

from __future__ import annotations

__all__ = ["INDEX_TYPES"]

INDEX_TYPES = frozenset({"listing", "collection"})
"""The types whose content is a run of entries (titles and summaries), read as an index."""
