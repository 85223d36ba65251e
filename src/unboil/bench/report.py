"""Aggregating per-page results into the tables the README uses."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from statistics import fmean
from typing import Iterable, Sequence

from .runner import SLOW_SECONDS, PageResult
from .split import HALVES

__all__ = ["Slices", "Summary", "summarize", "summarize_halves", "console_table", "markdown_table",
           "page_type_table", "floor_line", "halves_console_table", "halves_markdown_table"]


def _mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return fmean(kept) if kept else None


def _rate(values: Iterable[bool | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


@dataclass(frozen=True)
class Summary:
    """One tool on one dataset (or one page-type slice of it, or one half: ``tune``, ``check``; else ``all``)."""

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
    half: str = "all"
    dateline: float | None = None
    """Share of the gold-dateline pages (``datelines.json``) whose dateline is read as printed."""
    false_dateline: float | None = None
    """Share of the sampled pages that open with no dateline where one is read all the same."""
    author: float | None = None
    """Share of the pages whose gold names authors (``authors.json``) where the tool names the same set."""
    false_author: float | None = None
    """Share of the pages whose gold names no author where the tool names one."""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


Slices = dict[str, dict[str, Summary]]
"""{page_type: {tool: Summary}}: one dataset's results sliced by the gold's page kind."""


def summarize(dataset: str, tool: str, results: Sequence[PageResult], half: str = "all") -> Summary:
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
        half=half,
        dateline=_rate(r.dateline_ok for r in results),
        false_dateline=_rate(r.false_dateline for r in results),
        author=_rate(r.author_ok for r in results),
        false_author=_rate(r.false_author for r in results),
    )


def summarize_halves(dataset: str, tool: str, results: Sequence[PageResult]) -> list[Summary]:
    """The tune and check summaries: a change is kept only if it does not lower check (see split.py)."""
    return [summarize(dataset, tool, [r for r in results if r.half == half], half) for half in HALVES]


def _f(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


_COLUMNS = ("tool", "P", "R", "F1", "snippet", "title", "date", "dateline", "false dl", "author", "false au",
            "crashes", "empty", "ms/page")


def _cells(s: Summary) -> list[str]:
    return [s.tool, _f(s.precision), _f(s.recall), _f(s.f1), _f(s.snippets), _f(s.title, 2), _f(s.date, 2),
            _f(s.dateline, 2), _f(s.false_dateline), _f(s.author, 3), _f(s.false_author), str(s.crashes),
            str(s.empty), f"{s.ms:.1f}"]


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
            "date acc.", "dateline exact", "false dateline", "author exact", "false author", "crashes", "empty",
            "ms/page"]
    rows = [[s.dataset, s.tool, str(s.pages), _f(s.precision), _f(s.recall), _f(s.f1), _f(s.snippets),
             _f(s.title, 2), _f(s.date, 2), _f(s.dateline, 2), _f(s.false_dateline), _f(s.author, 3),
             _f(s.false_author), str(s.crashes), str(s.empty), f"{s.ms:.1f}"] for s in summaries]
    return _markdown(head, rows)


def _markdown(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = [head, ["---"] * len(head), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


_HALF_METRICS = (("P", "precision", "precision", 3), ("R", "recall", "recall", 3), ("F1", "body F1", "f1", 3),
                 ("snippet", "snippet acc.", "snippets", 3), ("title", "title acc.", "title", 2),
                 ("date", "date acc.", "date", 2), ("dateline", "dateline exact", "dateline", 2),
                 ("false dl", "false dateline", "false_dateline", 3), ("author", "author exact", "author", 3),
                 ("false au", "false author", "false_author", 3))
"""(console label, markdown label, Summary field, digits) of each quality metric."""


def _pair(tune: float | None, check: float | None, digits: int) -> str:
    return "-" if tune is None and check is None else f"{_f(tune, digits)} / {_f(check, digits)}"


def _half_rows(halves: Sequence[Summary]) -> list[tuple[str, str, list[str]]]:
    """(dataset, tool, ['tune / check' cells: pages, then each metric]) from summaries of both halves."""
    pairs: dict[tuple[str, str], dict[str, Summary]] = {}
    for s in halves:
        pairs.setdefault((s.dataset, s.tool), {})[s.half] = s
    rows = []
    for (dataset, tool), by_half in pairs.items():
        tune, check = by_half[HALVES[0]], by_half[HALVES[1]]
        cells = [f"{tune.pages} / {check.pages}"]
        metrics = [_pair(getattr(tune, name), getattr(check, name), digits) for *_, name, digits in _HALF_METRICS]
        if any(cell != "-" for cell in metrics):  # a speed floor (lxml-parse) has no quality to split
            rows.append((dataset, tool, cells + metrics))
    return rows


def halves_console_table(halves: Sequence[Summary]) -> str:
    """One dataset's tune / check figures for the terminal, one row a tool, cells 'tune / check'."""
    head = ["tune / check", "pages"] + [label for label, *_ in _HALF_METRICS]
    return _align([head] + [[tool] + cells for _, tool, cells in _half_rows(halves)])


def halves_markdown_table(halves: Sequence[Summary]) -> str:
    """The tune / check figures of every dataset x tool, for README.md beside the whole-dataset table."""
    head = ["dataset", "tool", "pages (tune / check)"] + [label for _, label, *_ in _HALF_METRICS]
    return _markdown(head, ([dataset, tool] + cells for dataset, tool, cells in _half_rows(halves)))
