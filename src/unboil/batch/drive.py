"""Feeding a pool from the walk, within the ordering window, until every item has its line (either pass)."""

from __future__ import annotations

import time
from typing import Iterator

from .engines import Deliver, Pool
from .items import Item
from .outputs import Outcome
from .window import Window

__all__ = ["POLL_INTERVAL", "SYNC_INTERVAL", "Relay", "drive"]

POLL_INTERVAL = 0.5
"""Longest wait for a worker's result before the loop looks at the walk and the deadlines again."""
SYNC_INTERVAL = 1.0
"""Seconds between pushes of the report to the OS, so a killed run loses at most this much of it."""


class Relay:
    """Where a pool delivers: the window of the pass under way (one pool serves both passes)."""

    def __init__(self) -> None:
        self.target: Deliver | None = None

    def __call__(self, seq: int, item: Item, outcome: Outcome) -> None:
        assert self.target is not None
        self.target(seq, item, outcome)


def drive(items: Iterator[Item], window: Window, pool: Pool) -> None:
    """Feed the pool from the walk, within the window, until every item has its line."""
    pending: tuple[int, Item] | None = None
    exhausted = False
    last_sync = time.monotonic()
    while True:
        while True:
            if pending is not None:
                if not pool.has_capacity():
                    break
                pool.submit(*pending)
                pending = None
            if exhausted or not window.room():
                break
            item = next(items, None)
            if item is None:
                exhausted = True
                break
            seq = window.take_seq()
            if item.is_task:
                pending = (seq, item)
            else:
                window.deliver_item(seq, item)
        window.flush()
        if exhausted and pending is None and pool.busy() == 0:
            break
        pool.poll(POLL_INTERVAL)
        window.flush()
        now = time.monotonic()
        if now - last_sync > SYNC_INTERVAL:
            window.journal.sync()
            last_sync = now
    assert not window.buffer, "every page has its report line"
