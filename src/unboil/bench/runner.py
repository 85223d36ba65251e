"""Running the tools over the corpus and scoring each page.

All tools run in one process, one after the other on each page, on the same
in-memory ``str``: timings are only comparable that way.  Only small per-page
scores are kept (never the extracted text), so memory stays flat over the
corpus.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from .corpus import Page, pages
from .authors import AuthorGold
from .datelines import DatelineGold
from .metrics import authors_match, body_prf, date_match, dateline_match, snippet_passes, title_match
from .peers import Extraction, Extractor, Tool
from .split import half_in

__all__ = ["PageResult", "SLOW_SECONDS", "WARM_UP_HTML", "score", "timed", "run_dataset"]

SLOW_SECONDS = 20.0
"""A call slower than this is recorded as slow (no signal-based timeout: it would disturb timing)."""

WARM_UP_HTML = (
    "<html lang='en'><head><title>Warm up</title></head><body><article><h1>Warm up</h1>"
    + "<p>This paragraph only loads lazy imports, models and caches before timing starts.</p>" * 5
    + "</article></body></html>"
)


@dataclass(frozen=True)
class PageResult:
    """One tool on one page. Metric fields are None where the gold has nothing to compare."""

    dataset: str
    page: str
    tool: str
    ms: float
    error: str | None = None
    empty: bool = False
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    snippet_passes: int = 0
    snippet_total: int = 0
    title_ok: bool | None = None
    date_ok: bool | None = None
    page_type: str | None = None
    half: str | None = None
    dateline_ok: bool | None = None
    """On a page whose gold opens with a dateline (``datelines.json``): the tool's is the printed one."""
    false_dateline: bool | None = None
    """On a sampled page whose gold opens with none: the tool gave a dateline all the same."""
    author_ok: bool | None = None
    """On a page whose gold names its authors (``authors.json``): the tool names the same people."""
    false_author: bool | None = None
    """On a page whose gold names no author: the tool named one all the same."""


def expects_text(gold: dict[str, Any]) -> bool:
    """Gold has body text or must-appear snippets (trafilatura-eval has only snippets)."""
    return bool((gold.get("text") or "").strip() or gold.get("with"))


def score(
    page: Page, tool: Tool, extraction: Extraction | None, ms: float, error: str | None,
    datelines: DatelineGold | None = None, authors: AuthorGold | None = None,
) -> PageResult:
    """Score one extraction against the page's gold and, where the page is in them, the dateline and
    author golds (a crash scores as an empty result)."""
    gold = page.gold
    got = extraction or ("", None, None)
    text, title, day = got[0] or "", got[1], got[2]
    dateline = got[3] if len(got) >= 4 else None
    named: tuple[str, ...] = got[4] if len(got) == 5 else ()
    head = PageResult(page.dataset, page.id, tool.name, ms, error, page_type=gold.get("page_type"))
    if not tool.quality:
        return head
    p = r = f = None
    if gold.get("text"):
        p, r, f = body_prf(text, gold["text"])
    passes, total = snippet_passes(text, gold.get("with") or (), gold.get("without") or ())
    expected = datelines.expects(page.dataset, page.id) if datelines and tool.gives_dateline else None
    people = authors.expects(page.dataset, page.id) if authors and tool.gives_authors else None
    return replace(
        head,
        empty=error is None and not text.strip() and expects_text(gold),
        precision=p,
        recall=r,
        f1=f,
        snippet_passes=passes,
        snippet_total=total,
        title_ok=title_match(title, gold["title"]) if tool.gives_title and gold.get("title") else None,
        date_ok=date_match(day, gold["date"]) if tool.gives_date and gold.get("date") else None,
        dateline_ok=dateline_match(dateline, expected) if expected else None,
        false_dateline=dateline is not None if expected == "" else None,
        author_ok=authors_match(named, people) if people else None,
        false_author=bool(named) if people == () else None,
    )


def timed(extractor: Extractor, html: str, url: str | None) -> tuple[Extraction | None, float, str | None]:
    """(result, milliseconds, exception type name): a crash is a result, never an abort.

    Garbage left by the previous tool is collected first so no tool pays for another's.
    """
    gc.collect()
    start = time.perf_counter()
    try:
        result: Extraction | None = extractor(html, url)
        error = None
    except Exception as exc:  # a benchmark must survive any peer's failure
        result, error = None, type(exc).__name__
    return result, (time.perf_counter() - start) * 1000.0, error


def run_dataset(
    root: Path,
    dataset: str,
    tools: dict[Tool, Extractor],
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
    halves: Mapping[tuple[str, str], str] | None = None,
    datelines: DatelineGold | None = None,
    authors: AuthorGold | None = None,
) -> Iterator[PageResult]:
    """Every tool on every page of ``dataset``, page by page (the HTML is read once a page).

    Each result carries the page's half from ``halves`` (the committed split);
    a page the split does not list (another corpus) gets the split's rule.
    Pages in ``datelines`` and ``authors`` (the committed dateline and author golds) are scored for them too.
    """
    for n, page in enumerate(pages(root, dataset, limit), 1):
        html, url = page.html(), page.gold.get("url")
        half = half_in(halves or {}, page)
        for tool, extractor in tools.items():
            result, ms, error = timed(extractor, html, url)
            if ms > SLOW_SECONDS * 1000 and progress:
                progress(f"slow: {tool.name} took {ms / 1000:.1f} s on {dataset}/{page.id}")
            yield replace(score(page, tool, result, ms, error, datelines, authors), half=half)
        if progress and n % 100 == 0:
            progress(f"{dataset}: {n} pages")
