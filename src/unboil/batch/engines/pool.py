"""What the run loop needs of an engine, so the local and Dask pools are interchangeable.

An engine takes pages one at a time while it has capacity, and hands every
page back exactly once through ``deliver`` (a result, a failure or a
timeout): the run loop counts on that to finish every report line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ...options import Options
from ..items import Item
from ..outputs import Outcome

__all__ = ["TIMEOUT_GRACE", "Deliver", "EngineSettings", "Pool"]

TIMEOUT_GRACE = 1.0
"""Seconds past ``timeout`` before an engine gives up on a page: the soft budget inside extract() gets the first chance."""


class Deliver(Protocol):
    """Where an engine hands a page's outcome (the ordering window)."""

    def __call__(self, seq: int, item: Item, outcome: Outcome) -> None: ...


@dataclass(frozen=True)
class EngineSettings:
    """What every engine needs to know about the run, whatever it runs on."""

    out_dir: str
    fmt: str
    options: Options
    timeout: float | None
    extract_spec: str | None
    explain: bool = False
    """Whether each page's explain report is written beside its output (``clean --explain``)."""


class Pool(Protocol):
    """A pool of page workers driven by the run loop."""

    def has_capacity(self) -> bool:
        """Whether :meth:`submit` may be called now."""
        ...

    def busy(self) -> int:
        """Pages submitted and not yet delivered."""
        ...

    def submit(self, seq: int, item: Item) -> None:
        """Start a page; its outcome comes later through ``deliver`` (or at once, when it cannot start)."""
        ...

    def poll(self, wait_for: float) -> None:
        """Deliver what finished, waiting up to ``wait_for`` seconds, and time out overdue pages."""
        ...

    def close(self, kill: bool = False) -> None:
        """Stop the workers; ``kill`` when the run is abandoned and pages in flight do not matter."""
        ...
