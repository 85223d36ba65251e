"""The ordering window: results come back in any order, report lines go out in walk order.

Workers finish pages out of order, but the report must be in walk order
(resume joins it with the walk).  Each item takes a sequence number; a
result waits in the window until every earlier one is written.  The window
is bounded, so a page stuck in a worker stops the walk from running ahead
instead of filling memory: at most ``size`` small results are ever held.
"""

from __future__ import annotations

import json
from typing import Protocol

from .items import Item
from .outputs import Outcome
from .progress import Progress
from .report import STATUSES

__all__ = ["MIN_WINDOW", "WINDOW_PER_WORKER", "Sink", "Window"]

MIN_WINDOW = 512
"""Fewest results the window holds: room for a few slow pages without stalling the walk."""
WINDOW_PER_WORKER = 32
"""Results held per worker, so that many workers are not starved by one slow page."""
FAILURES_KEPT = 10
"""Failed or timed-out pages whose reasons the run keeps for its summary; report.jsonl has them all."""


class Sink(Protocol):
    """Where a window writes its lines in walk order: the run's journal, or the first pass's ``.unboil-lines.jsonl``."""

    def write(self, line: bytes, article: bytes | None) -> None: ...

    def sync(self) -> None: ...


class Window:
    """Numbers the items, holds their results until their turn, and writes them to the journal."""

    def __init__(self, journal: Sink, size: int) -> None:
        self.journal = journal
        self.size = size
        self.counts = {s: 0 for s in STATUSES}
        self.resumed = 0
        self.fresh = 0
        self.next_seq = 0
        self.next_write = 0
        self.pages = 0
        """Pages written so far (a first-pass batch counts its pages)."""
        self.buffer: dict[int, tuple[bytes, bytes | None, str, bool, int]] = {}
        self.progress: Progress | None = None
        self.failures: list[tuple[str, str]] = []
        """The first ``FAILURES_KEPT`` failed or timed-out pages: (path, with its record if any; reason)."""

    def room(self) -> bool:
        return self.next_seq - self.next_write < self.size

    def take_seq(self) -> int:
        seq = self.next_seq
        self.next_seq += 1
        return seq

    def deliver_item(self, seq: int, item: Item) -> None:
        """An item decided without a worker: carried forward, or skipped/failed by the walk."""
        if item.carried is not None:
            line, art, status = item.carried
            self.buffer[seq] = (line, art, status, True, 1)
        else:
            assert item.status is not None
            self.deliver(seq, item, Outcome(item.status, item.error, None, 0))

    def deliver(self, seq: int, item: Item, outcome: Outcome) -> None:
        """A page's result, from whichever engine ran it; written when its turn comes."""
        status, error, output, ms, art, truncated, site, explain, page_type = outcome
        line = json.dumps(
            {"path": item.rel, "record": item.record, "status": status, "error": error, "output": output, "ms": ms,
             "truncated": truncated, "site": site if site is not None else item.site, "template": item.template_digest,
             "page_type": page_type, "explain": explain}
        ).encode("ascii") + b"\n"
        self.buffer[seq] = (line, art, status, False, len(item.batch) if item.batch is not None else 1)

    def flush(self) -> None:
        """Write every result whose turn has come, and count it."""
        wrote = False
        while self.next_write in self.buffer:
            line, art, status, carried, pages = self.buffer.pop(self.next_write)
            self.journal.write(line, art)
            self.counts[status if status in self.counts else "failed"] += pages
            if status not in ("ok", "empty", "skipped") and len(self.failures) < FAILURES_KEPT:
                self.failures.append(_failure(line))
            if carried:
                self.resumed += pages
            else:
                self.fresh += pages
            self.next_write += 1
            self.pages += pages
            wrote = True
        if wrote and self.progress is not None:
            self.progress.update(self.pages, self.counts, self.fresh)


def _failure(line: bytes) -> tuple[str, str]:
    """A failed page's report line as (where, why), for the summary (rare, so decoding it again is fine)."""
    data = json.loads(line)
    where = data["path"] + (f" (record {data['record']})" if data.get("record") else "")
    return where, f"{data['status']}: {data.get('error') or 'no reason given'}"
