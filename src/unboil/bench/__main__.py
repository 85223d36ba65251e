"""``python -m unboil.bench``: quality and speed of unboil beside its peers, one process.

    python -m unboil.bench [--datasets a,b] [--tools unboil,trafilatura,...] [--limit N]
                           [--corpus PATH] [--json OUT.json] [--markdown OUT.md]

unboil's dateline is scored too, on the pages of ``datelines.json`` only ("dateline": share of the
pages that open with one where it is read as printed; "false dl": share of the sampled pages that
open with none where one is read); the peers give no dateline.  Authors are scored on the pages of
``authors.json`` ("author": share of the pages whose gold names authors where a tool names the same
people; "false au": share of wcxb-dev's pages that name none where a tool names someone), for the
tools that name authors (unboil, trafilatura, newspaper4k, goose3).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import signal
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Sequence

from .corpus import datasets, default_corpus
from .peers import TOOLS, Extractor, Tool, load_tool, silence
from .report import (
    Slices,
    Summary,
    console_table,
    floor_line,
    halves_console_table,
    halves_markdown_table,
    markdown_table,
    page_type_table,
    summarize,
    summarize_halves,
)
from .authors import load as load_authors
from .datelines import load as load_datelines
from .runner import SLOW_SECONDS, WARM_UP_HTML, PageResult, run_dataset, timed
from .split import load as load_split

BREAKDOWN_TOOLS = ("unboil", "trafilatura")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m unboil.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", help="comma-separated dataset folders (default: all)")
    ap.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, from: {','.join(TOOLS)}")
    ap.add_argument("--limit", type=int, help="at most N pages per dataset")
    ap.add_argument("--corpus", type=Path, help="corpus root (default: $UNBOIL_CORPUS or ../shared/corpus/dev)")
    ap.add_argument("--json", type=Path, help="write summaries and per-page scores here")
    ap.add_argument("--markdown", type=Path, help="write the final markdown table here")
    return ap.parse_args(argv)


def say(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the report."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def version(tool: Tool) -> str:
    try:
        return metadata.version(tool.distribution) if tool.distribution else "?"
    except metadata.PackageNotFoundError:
        return "?"


def load_tools(names: Sequence[str]) -> dict[Tool, Extractor]:
    """Import and warm up each tool (first calls load models and caches; that is not speed)."""
    loaded: dict[Tool, Extractor] = {}
    for name in names:
        tool = TOOLS[name]
        extractor = load_tool(name)
        if extractor is None:
            say(f"{name}: not installed, skipped")
            continue
        _, ms, error = timed(extractor, WARM_UP_HTML, "https://example.com/warm-up")
        say(f"{name} {version(tool)}: warm-up {ms:.0f} ms" + (f" ({error})" if error else ""))
        loaded[tool] = extractor
    gc.freeze()  # the tools' long-lived objects: a collection before each call would rescan them (~0.1 s)
    return loaded


def choose(requested: str | None, known: Sequence[str], what: str) -> list[str]:
    if not requested:
        return list(known)
    chosen = [n.strip() for n in requested.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return chosen


def breakdown(dataset: str, by_tool: dict[str, list[PageResult]]) -> Slices:
    """{page_type: {tool: Summary}} for the tools whose weak page kinds we want to see."""
    slices: Slices = defaultdict(dict)
    for tool in BREAKDOWN_TOOLS:
        groups: dict[str, list[PageResult]] = defaultdict(list)
        for r in by_tool.get(tool, []):
            if r.page_type:
                groups[r.page_type].append(r)
        for page_type, results in groups.items():
            slices[page_type][tool] = summarize(dataset, tool, results)
    return dict(slices)


@dataclass
class Run:
    """What the run keeps: summaries (whole datasets, and their tune / check halves), page-type slices
    per dataset, and the small per-page scores."""

    summaries: list[Summary] = field(default_factory=list)
    halves: list[Summary] = field(default_factory=list)
    slices: dict[str, Slices] = field(default_factory=dict)
    results: list[PageResult] = field(default_factory=list)


def bench_dataset(root: Path, dataset: str, tools: dict[Tool, Extractor], limit: int | None, run: Run) -> None:
    """Run and print one dataset's table (and its page-type breakdown when the gold has one)."""
    by_tool: dict[str, list[PageResult]] = defaultdict(list)
    for result in run_dataset(root, dataset, tools, limit, say, load_split(), load_datelines(),
                             load_authors()):
        by_tool[result.tool].append(result)
    summaries = [summarize(dataset, t.name, by_tool[t.name]) for t in tools]
    halves = [s for t in tools for s in summarize_halves(dataset, t.name, by_tool[t.name])]
    first = summaries[0]
    print(f"\n## {dataset} ({first.pages} pages, {first.text_pages} with gold text)\n", flush=True)
    print(console_table(summaries))
    if line := floor_line(summaries):
        print(line)
    for s in summaries:
        if s.errors or s.slow:
            crashes = ", ".join(f"{kind} x{n}" for kind, n in s.errors.items()) or "none"
            print(f"  {s.tool}: crashes {crashes}; slow (> {SLOW_SECONDS:.0f} s) {s.slow}")
    print("\n" + halves_console_table(halves))
    slices = breakdown(dataset, by_tool)
    if slices:
        print(f"\nbody precision / recall / F1 by page_type ({dataset})\n")
        print(page_type_table(slices))
    sys.stdout.flush()
    run.summaries += summaries
    run.halves += halves
    run.results += [r for rs in by_tool.values() for r in rs]
    if slices:
        run.slices[dataset] = slices


def speed_table(summaries: Sequence[Summary]) -> str:
    """Pages per second over the whole run, per tool, as the README's speed metric asks."""
    pages: dict[str, int] = defaultdict(int)
    millis: dict[str, float] = defaultdict(float)
    for s in summaries:
        pages[s.tool] += s.pages
        millis[s.tool] += s.ms * s.pages
    rows = [f"  {t:<12} {n:>5} pages  {millis[t] / n:8.1f} ms/page  {1000 * n / millis[t]:8.1f} pages/s"
            for t, n in pages.items() if n and millis[t]]
    return "\n".join(rows)


def write_json(path: Path, meta: dict[str, Any], run: Run) -> None:
    """Summaries for the record, per-page scores for finding the pages a change moved."""
    payload = {
        "meta": meta,
        "summary": [s.to_dict() for s in run.summaries],
        "by_half": [s.to_dict() for s in run.halves],
        "by_page_type": {
            ds: {pt: {t: s.to_dict() for t, s in by_tool.items()} for pt, by_tool in sl.items()}
            for ds, sl in run.slices.items()
        },
        "pages": [asdict(r) for r in run.results],
    }
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    root = args.corpus or default_corpus()
    if root is None or not root.is_dir():
        print("no corpus: pass --corpus or set $UNBOIL_CORPUS (expected ../shared/corpus/dev)", file=sys.stderr)
        return 2
    chosen = choose(args.datasets, datasets(root), "dataset")
    silence()
    tools = load_tools(choose(args.tools, list(TOOLS), "tool"))
    if not tools:
        print("no tool available", file=sys.stderr)
        return 2
    started = time.time()
    run = Run()
    meta: dict[str, Any] = {
        "corpus": str(root), "datasets": chosen, "limit": args.limit, "python": platform.python_version(),
        "machine": platform.platform(), "versions": {t.name: version(t) for t in tools}, "complete": False,
    }
    signal.signal(signal.SIGTERM, _terminated)
    say(f"pid {os.getpid()}")
    try:
        for dataset in chosen:
            say(f"{dataset}: start")
            bench_dataset(root, dataset, tools, args.limit, run)
            save(args, meta, run, started)  # after each dataset: a run killed later keeps what it measured
        meta["complete"] = True
    except KeyboardInterrupt:
        say("interrupted: reporting the datasets finished so far")
    save(args, meta, run, started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\n## speed over the whole run\n\n" + speed_table(run.summaries))
    print(f"\npeak RSS {peak_mb:.0f} MB, {time.time() - started:.0f} s")
    print("\n## markdown\n\n" + markdown_report(run), flush=True)
    return 0 if meta["complete"] else 130


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (a shared machine's clean-up) ends the run like Ctrl-C: partial results are still written."""
    raise KeyboardInterrupt


def markdown_report(run: Run) -> str:
    """The whole-dataset table, then the same figures on each half of the site-disjoint split."""
    note = ("The same on the site-disjoint halves of each dataset, `tune / check` (failures are sought on tune"
            " only; a change that lowers check is not kept):")
    return f"{markdown_table(run.summaries)}\n\n{note}\n\n{halves_markdown_table(run.halves)}"


def save(args: argparse.Namespace, meta: dict[str, Any], run: Run, started: float) -> None:
    meta["seconds"] = round(time.time() - started, 1)
    if args.json:
        write_json(args.json, meta, run)
    if args.markdown:
        args.markdown.write_text(markdown_report(run) + "\n", encoding="utf-8")

if __name__ == "__main__":
    sys.exit(main())
