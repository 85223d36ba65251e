"""What a run hands back to its caller: the counts behind the exit code and the summary line."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from .names import REPORT_FILE

__all__ = ["STATUSES", "Report"]

STATUSES = ("ok", "empty", "skipped", "failed", "timeout")


@dataclass(frozen=True)
class Report:
    """What a :func:`clean_folder` run did.

    ``pages`` counts report lines (``ok + empty + skipped + failed +
    timeouts``); ``resumed`` counts the pages among them carried forward from
    a previous run; ``pages_per_second`` is over the pages actually handled
    in this run (``pages - resumed``), so a resumed run does not look fast.
    """

    pages: int = 0
    ok: int = 0
    empty: int = 0
    skipped: int = 0
    failed: int = 0
    timeouts: int = 0
    resumed: int = 0
    elapsed: float = 0.0
    pages_per_second: float = 0.0
    out_dir: str = ""
    failures: tuple[tuple[str, str], ...] = ()
    """The first failed or timed-out pages, in walk order, as (path, reason); report.jsonl lists them all."""

    @property
    def exit_code(self) -> int:
        """0 when every page was handled, 1 when some failed or timed out (a skipped non-page is not a failure)."""
        return 1 if (self.failed or self.timeouts) else 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        resumed = f" ({self.resumed} resumed from a previous run)" if self.resumed else ""
        return (
            f"{self.pages} pages{resumed}: {self.ok} ok, {self.empty} empty, {self.skipped} skipped, "
            f"{self.failed} failed, {self.timeouts} timeouts; {self.elapsed:.1f} s, "
            f"{self.pages_per_second:.1f} pages/s; report: {os.path.join(self.out_dir, REPORT_FILE)}"
        ) + self._failure_lines()

    def _failure_lines(self) -> str:
        """The failed pages and why, so a user need not open the report to learn what went wrong."""
        if not self.failures:
            return ""
        lines = [f"\n  {path}: {reason}" for path, reason in self.failures]
        more = self.failed + self.timeouts - len(self.failures)
        if more > 0:
            lines.append(f"\n  ... and {more} more (status failed or timeout in the report)")
        return "".join(lines)
