"""How extraction follows the page's type: the few places where the scorer reads it.

A listing or a collection is a page of entries: its content is the run of
entries, which the scorer's reading as an index finds (:func:`unboil.score.score_blocks`
tries it on every such page, not only when the first reading is thin).

A forum thread is a page of posts, and forum software marks its replies up
as comments (``div.comment``, ``article#elComment_1065461``, a
``post-comments`` box): the strict reading, which drops a story's comments,
keeps the first post alone.  When that reading is short, the thread is read
again with the comments kept (:func:`thread_options`), and that reading is
taken when it finds far more: the replies were the rest of the page's text.
A thread's posts repeat the forum's controls and labels ("Link to comment",
"Quote", "Author", "Report"): a short line written alike in several posts of
the reading is the software's, not a poster's (:func:`without_post_controls`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Sequence

from ..blocks import RawBlock
from ..options import Options
from ..trace import Trace, describe

__all__ = ["INDEX_TYPES", "THREAD_PASS", "THREAD_TYPES", "thread_options", "takes_thread", "without_post_controls"]

INDEX_TYPES = frozenset({"listing", "collection"})
"""The types whose content is a run of entries (titles and summaries), read as an index."""
THREAD_TYPES = frozenset({"forum"})
"""The types whose content is a run of posts, the replies marked up as comments."""
THREAD_PASS = 3
"""The trace's number of the pass that reads a thread with its replies (0 is the strict
pass, 1 and 2 the relaxed ones, -1 readability's; see ``Trace.chosen_pass``)."""


def thread_options(page_type: str | None, kept_chars: int, options: Options) -> Options | None:
    """The options of a second reading of a thread with its replies, or None when none is due:
    not a thread, the comments kept already, or a first reading long enough to be the thread."""
    if page_type not in THREAD_TYPES or options.include_comments:
        return None
    if kept_chars >= options.thresholds.page_type.thread_retry_chars:
        return None
    return replace(options, include_comments=True)


def takes_thread(kept_chars: int, thread_chars: int, options: Options) -> bool:
    """Whether the reading with the replies found far more than the first: the posts, not a
    widget's few comments."""
    return thread_chars >= options.thresholds.page_type.thread_gain * max(kept_chars, 1)


_OWN_LINES = frozenset({"code", "table_row"})
"""Kinds whose repeated lines are the posts' own (a log's lines, a table's cells)."""


def without_post_controls(kept: Sequence[RawBlock], options: Options, trace: Trace | None) -> list[RawBlock]:
    """A thread's kept blocks without the short lines its posts all repeat (controls, labels)."""
    limits = options.thresholds.page_type
    shortest = limits.post_control_chars

    def key(block: RawBlock) -> str | None:
        text = block.text.strip()
        return text if len(text) <= shortest and block.kind not in _OWN_LINES else None

    counts = Counter(k for k in map(key, kept) if k is not None)
    repeated = {k for k, n in counts.items() if n >= limits.post_control_repeats}
    if not repeated:
        return list(kept)
    out = []
    for block in kept:
        if key(block) in repeated:
            if trace is not None:
                trace.add("score", "dropped", describe(block.owner, block.text), "post-control", element=block.owner)
        else:
            out.append(block)
    return out
