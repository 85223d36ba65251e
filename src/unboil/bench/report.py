"""Aggregating per-page results into the tables the README uses."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from statistics import fmean
from typing import Iterable, Sequence

from .runner import SLOW_SECONDS, PageResult

__all__ = ["Slices", "Summary", "summarize", "console_table", "markdown_table", "page_type_table", "floor_line"]


def _mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return fmean(kept) if kept else None


def _rate(values: Iterable[bool | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


@dataclass(frozen=True)
class Summary:
    """One tool on one dataset (or one page-type slice of it)."""

    dataset: str
    tool: str
    pages: int
    precision: float | None
    recall: float | None
    f1: float | None
    text_pages: int
    snippets: float | None
    title: float | None
    date: float | None
    crashes: int
    empty: int
    ms: float
    slow: int
    errors: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


Slices = dict[str, dict[str, Summary]]
"""{page_type: {tool: Summary}}: one dataset's results sliced by the gold's page kind."""


def summarize(dataset: str, tool: str, results: Sequence[PageResult]) -> Summary:
    """Macro body P/R/F1 over pages with gold text; snippets pooled (passes / total)."""
    total = sum(r.snippet_total for r in results)
    return Summary(
        dataset=dataset,
        tool=tool,
        pages=len(results),
        precision=_mean(r.precision for r in results),
        recall=_mean(r.recall for r in results),
        f1=_mean(r.f1 for r in results),
        text_pages=sum(r.f1 is not None for r in results),
        snippets=sum(r.snippet_passes for r in results) / total if total else None,
        title=_rate(r.title_ok for r in results),
        date=_rate(r.date_ok for r in results),
        crashes=sum(r.error is not None for r in results),
        empty=sum(r.empty for r in results),
        ms=fmean(r.ms for r in results) if results else 0.0,
        slow=sum(r.ms > SLOW_SECONDS * 1000 for r in results),
        errors=dict(Counter(r.error for r in results if r.error).most_common()),
    )


def _f(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


_COLUMNS = ("tool", "P", "R", "F1", "snippet", "title", "date", "crashes", "empty", "ms/page")


def _cells(s: Summary) -> list[str]:
    return [s.tool, _f(s.precision), _f(s.recall), _f(s.f1), _f(s.snippets), _f(s.title, 2), _f(s.date, 2),
            str(s.crashes), str(s.empty), f"{s.ms:.1f}"]


def _align(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join(line(r) for r in rows)


def console_table(summaries: Sequence[Summary]) -> str:
    """A dataset's table for the terminal; quality cells of the speed floor are '-'."""
    return _align([list(_COLUMNS)] + [_cells(s) for s in summaries])


def floor_line(summaries: Sequence[Summary], tool: str = "unboil", floor: str = "lxml-parse") -> str | None:
    """How many lxml parses one extraction costs: speed that does not depend on the machine."""
    by_tool = {s.tool: s for s in summaries}
    if tool not in by_tool or floor not in by_tool or not by_tool[floor].ms:
        return None
    a, b = by_tool[tool], by_tool[floor]
    return f"{tool}: {a.ms:.1f} ms/page = {a.ms / b.ms:.1f}x the {floor} floor ({b.ms:.1f} ms/page)"


def page_type_table(slices: Slices) -> str:
    """Body P/R/F1 by gold ``page_type``, the tools side by side: {page_type: {tool: Summary}}."""
    tools = sorted({t for by_tool in slices.values() for t in by_tool})
    rows = [["page_type", "pages"] + [f"{t} P/R/F1" for t in tools]]
    for page_type, by_tool in sorted(slices.items(), key=lambda kv: -max(s.text_pages for s in kv[1].values())):
        first = next(iter(by_tool.values()))
        cells = [f"{_f(s.precision)} / {_f(s.recall)} / {_f(s.f1)}" if (s := by_tool.get(t)) else "-" for t in tools]
        rows.append([page_type, str(first.text_pages)] + cells)
    return _align(rows)


def markdown_table(summaries: Sequence[Summary]) -> str:
    """One row per dataset x tool, ready to paste into README.md."""
    head = ["dataset", "tool", "pages", "precision", "recall", "body F1", "snippet acc.", "title acc.",
            "date acc.", "crashes", "empty", "ms/page"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in summaries:
        cells = [s.dataset, s.tool, str(s.pages), _f(s.precision), _f(s.recall), _f(s.f1), _f(s.snippets),
                 _f(s.title, 2), _f(s.date, 2), str(s.crashes), str(s.empty), f"{s.ms:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
