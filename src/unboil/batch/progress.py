"""Progress on stderr: a tqdm bar on a terminal, a plain line now and then in a log.

The first line comes with the first page, not after an interval, so a run
that has started shows it at once.  A terminal without tqdm gets one
status line rewritten in place every second instead of a bar.

The total is counted by a second walk in a background thread, so a run over
a million files starts at once and gets its ETA when the count is done; a
folder with WARC files has no known total (records are only known by reading).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any, Callable

__all__ = ["LINE_INTERVAL", "Progress"]

LINE_INTERVAL = 10.0
"""Seconds between two plain progress lines: often enough for a log, rare enough to read."""
POSTFIX_INTERVAL = 1.0
"""Seconds between two updates of the bar's status counts (redrawing them costs a terminal write)."""
BAR_SMOOTHING = 0.05
"""tqdm's rate smoothing: low, so one slow page does not swing the ETA."""
FALLBACK_COLUMNS, FALLBACK_ROWS = 100, 20
"""Bar size on a terminal that reports none (a pty without a size hides tqdm's bar otherwise)."""


class Progress:
    """A tqdm bar on a terminal, a plain line every ``interval`` seconds otherwise."""

    def __init__(self, mode: Any, interval: float, count: Callable[[], tuple[int, bool]] | None, label: str = "") -> None:
        self.enabled = bool(mode)
        self.label = label
        """What the pass does, before its counts ("learning site templates: ")."""
        self.bar: Any = None
        self.interval = interval
        self.start = time.monotonic()
        self.last = -float("inf")  # the first page shows at once
        self.in_place = False
        """A terminal without tqdm: the status line is rewritten in place."""
        self.total: int | None = None
        self.counts: dict[str, int] = {}
        self._counter: threading.Thread | None = None
        if not self.enabled:
            return
        if mode == "bar" or (mode in (True, "auto") and sys.stderr.isatty()):
            self.bar = _bar(label)
            if self.bar is None:
                self.in_place, self.interval = True, POSTFIX_INTERVAL
        if count is not None:
            self._counter = threading.Thread(target=self._count, args=(count,), name="unboil-count", daemon=True)
            self._counter.start()

    def _count(self, count: Callable[[], tuple[int, bool]]) -> None:
        try:
            n, has_warc = count()
        except Exception:
            return
        if not has_warc:
            self.total = n

    def update(self, n: int, counts: dict[str, int], fresh: int) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            if self.total is not None and self.bar.total != self.total:
                self.bar.total = self.total
                self.bar.refresh()
            self.counts = counts
            self.bar.update(n - self.bar.n)
            now = time.monotonic()
            if now - self.last >= POSTFIX_INTERVAL:
                self.last = now
                self._postfix(refresh=False)
            return
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        if self.in_place:
            print("\r" + self.line(counts, fresh), end="", file=sys.stderr, flush=True)
        else:
            print(self.line(counts, fresh), file=sys.stderr, flush=True)

    def line(self, counts: dict[str, int], fresh: int) -> str:
        elapsed = max(1e-9, time.monotonic() - self.start)
        rate = fresh / elapsed
        done = sum(counts.values())
        eta = ""
        if self.total is not None and rate > 0 and self.total >= done:
            left = int((self.total - done) / rate)
            eta = f", ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"
        of = f"/{self.total}" if self.total is not None else ""
        return (
            f"unboil: {self.label}{done}{of} pages, {rate:.1f} pages/s{eta} (ok {counts['ok']}, empty {counts['empty']}, "
            f"skipped {counts['skipped']}, failed {counts['failed']}, timeouts {counts['timeout']})"
        )

    def _postfix(self, refresh: bool) -> None:
        c = self.counts
        if self.bar is not None and c:
            self.bar.set_postfix_str(
                f"ok {c['ok']}, empty {c['empty']}, skipped {c['skipped']}, failed {c['failed']}, timeouts {c['timeout']}",
                refresh=refresh,
            )

    def close(self) -> None:
        if self.in_place and self.last > -float("inf"):
            print(file=sys.stderr, flush=True)  # end the rewritten line before the summary
        if self.bar is not None:
            self._postfix(refresh=True)
            self.bar.close()


def _bar(label: str = "") -> Any:
    """A tqdm bar, or None without tqdm: tqdm is optional, and plain lines then do the job."""
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError):
        size = os.terminal_size((0, 0))
    sized = size.columns > 0 and size.lines > 0
    return tqdm(
        total=None, unit="page", file=sys.stderr, smoothing=BAR_SMOOTHING, desc=label.rstrip(": ") or None,
        dynamic_ncols=sized, ncols=None if sized else FALLBACK_COLUMNS, nrows=None if sized else FALLBACK_ROWS,
    )
