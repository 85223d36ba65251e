"""``python -m unboil.bench.sites``: what site templates do to ``unboil clean``, on folders built from the dev corpus.

    python -m unboil.bench.sites [--corpus DIR] [--work DIR] [--workers 2] [--datasets wcxb-dev,...]
                                 [--no-sites] [--no-flat] [--json OUT.json]

**Site folders.**  wcxb-dev's gold gives each page's url: the hosts with 3
pages or more (38) each get a folder of their pages (``<host>/<id>.html.gz``),
as a mirror lays a site out.  The folder is cleaned with templates (the
default) and with ``--no-templates``; per half of the site-disjoint split
(:mod:`.split`) it reports the mean body F1 and the share of pages that keep a
*repeated line*: a line of the output whose key (digits folded) is among the
blocks of at least half of the site's other pages (and of one at least), and
whose words are not, in that order, in the page's gold text.

**Dataset folders.**  Each dataset with body gold, its pages flat in one
folder (mostly one page per site: only the canonical or ``og:url`` host
groups them), cleaned with and without templates: the mean body F1 of both;
its pages whose declared host has 3 pages or more are measured as the site
folders are too (``(sites)`` rows: dragnet-train's news and blog sites).
``--no-templates`` is ``extract()`` page by page (the same function on the
same bytes; ``tests/test_templates.py`` checks it).

Wall-clock seconds of each run are reported too: tune on the tune half,
judge on the check half.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlsplit

from .corpus import Page, default_corpus, pages
from .metrics import body_prf
from .split import HALVES, half_in, load

__all__ = ["SITE_MIN_PAGES", "main", "repeated_kept", "site_folders"]

SITE_MIN_PAGES = 3
"""Pages a wcxb host needs to become a site folder (the issue's 38 hosts)."""
BODY_DATASETS = ("wcxb-dev", "dragnet-train", "mozilla-readability", "scrapinghub-aeb")
"""The datasets whose gold has body text (trafilatura-eval has snippets only)."""

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> str:
    return " " + " ".join(_TOKEN.findall(unicodedata.normalize("NFKC", text).lower())) + " "


def site_folders(corpus: Path, dest: Path) -> dict[str, tuple[str, Page]]:
    """wcxb-dev's hosts with enough pages, one folder each; {relative path: (host, page)}."""
    by_host: dict[str, list[Page]] = {}
    for page in pages(corpus, "wcxb-dev"):
        host = urlsplit(page.gold.get("url") or "").hostname
        if host:
            by_host.setdefault(host, []).append(page)
    out: dict[str, tuple[str, Page]] = {}
    for host, site_pages in sorted(by_host.items()):
        if len(site_pages) < SITE_MIN_PAGES:
            continue
        (dest / host).mkdir(parents=True, exist_ok=True)
        for page in site_pages:
            shutil.copyfile(page.html_path, dest / host / page.html_path.name)
            out[f"{host}/{page.id}"] = (host, page)
    return out


def flat_folder(corpus: Path, dataset: str, dest: Path) -> dict[str, tuple[str, Page]]:
    """A dataset's pages side by side in one folder; {relative path: ("", page)}."""
    dest.mkdir(parents=True, exist_ok=True)
    out = {}
    for page in pages(corpus, dataset):
        if page.gold.get("text"):
            shutil.copyfile(page.html_path, dest / page.html_path.name)
            out[page.id] = ("", page)
    return out


def _clean(folder: Path, out: Path, workers: int, templates: bool) -> float:
    import unboil

    report = unboil.clean_folder(folder, out, workers=workers, resume=False, templates=templates)
    return report.elapsed


def _text(out: Path, rel: str) -> str:
    try:
        return str(json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))["text"])
    except (OSError, ValueError, KeyError):
        return ""


def _block_texts(out: Path, rel: str) -> list[str]:
    try:
        return [b["text"] for b in json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))["blocks"]]
    except (OSError, ValueError, KeyError):
        return []


def repeated_kept(kept: Sequence[str], gold: str, others: Counter[str], other_pages: int) -> bool:
    """Whether an output keeps a line most of the site's other pages hold that is not in the page's gold."""
    from ..templates.keys import has_words, line_key

    need = max(1.0, other_pages / 2)
    gold_tokens = _tokens(gold)
    for line in kept:
        key = line_key(line)
        if others[key] >= need and has_words(key) and _tokens(line) not in gold_tokens:
            return True
    return False


def _site_keys(folder_pages: dict[str, tuple[str, Page]]) -> dict[str, set[str]]:
    from ..templates.pages import page_keys

    return {rel: set(page_keys(page.html())) for rel, (_h, page) in folder_pages.items()}


def _measure_sites(folder_pages: dict[str, tuple[str, Page]], outs: dict[str, Path]) -> dict[str, Any]:
    """{run: {half: {"pages", "f1", "repeated"}}} for the site folders."""
    split = load()
    keys = _site_keys(folder_pages)
    by_host: dict[str, list[str]] = {}
    for rel, (host, _page) in folder_pages.items():
        by_host.setdefault(host, []).append(rel)
    result: dict[str, Any] = {}
    for run, out in outs.items():
        sums = {h: [0, 0.0, 0] for h in (*HALVES, "all")}
        for rel, (host, page) in folder_pages.items():
            others = Counter(k for other in by_host[host] if other != rel for k in keys[other])
            gold = page.gold.get("text") or ""
            f1 = body_prf(_text(out, rel), gold)[2]
            bad = repeated_kept(_block_texts(out, rel), gold, others, len(by_host[host]) - 1)
            for half in (half_in(split, page), "all"):
                sums[half][0] += 1
                sums[half][1] += f1
                sums[half][2] += bad
        result[run] = {h: {"pages": n, "f1": round(f / n, 4), "repeated": round(b / n, 3)} for h, (n, f, b) in sums.items() if n}
    return result


def declared_sites(folder_pages: dict[str, tuple[str, Page]]) -> dict[str, tuple[str, Page]]:
    """The pages of a dataset folder whose declared host (canonical, ``og:url``) has
    :data:`SITE_MIN_PAGES` pages or more, with that host: the folder's own site folders."""
    from ..templates.sites import site_of

    hosts = {rel: site_of(None, page.html()) for rel, (_h, page) in folder_pages.items()}
    counts = Counter(h for h in hosts.values() if h)
    return {rel: (host, page) for rel, (_h, page) in folder_pages.items() if (host := hosts[rel]) and counts[host] >= SITE_MIN_PAGES}


def _measure_flat(folder_pages: dict[str, tuple[str, Page]], outs: dict[str, Path]) -> dict[str, Any]:
    """{run: {half: {"pages", "f1"}}} for a dataset folder, and under ``"sites"`` the measures of
    :func:`_measure_sites` on its pages that share a declared host with two others or more."""
    split = load()
    result: dict[str, Any] = {}
    for run, out in outs.items():
        sums = {h: [0, 0.0] for h in (*HALVES, "all")}
        for rel, (_h, page) in folder_pages.items():
            f1 = body_prf(_text(out, rel), page.gold["text"])[2]
            for half in (half_in(split, page), "all"):
                sums[half][0] += 1
                sums[half][1] += f1
        result[run] = {h: {"pages": n, "f1": round(f / n, 4)} for h, (n, f) in sums.items() if n}
    sited = declared_sites(folder_pages)
    if sited:
        for run, halves in _measure_sites(sited, outs).items():
            result[f"{run} (sites)"] = halves
    return result


def _both(folder: Path, work: Path, workers: int, rounds: int) -> tuple[dict[str, Path], dict[str, list[float]]]:
    """Clean ``folder`` with and without templates, interleaved ``rounds`` times; the outputs and wall times."""
    outs = {"templates": work / "with", "no-templates": work / "without"}
    times: dict[str, list[float]] = {run: [] for run in outs}
    for _ in range(rounds):
        for run, out in outs.items():
            times[run].append(_clean(folder, out, workers, run == "templates"))
    return outs, times


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m unboil.bench.sites", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one, removed)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1, help="interleaved runs of each, for the wall times")
    ap.add_argument("--datasets", default=",".join(BODY_DATASETS), help="dataset folders to clean whole")
    ap.add_argument("--no-sites", action="store_true")
    ap.add_argument("--no-flat", action="store_true")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None:
        print("no corpus: pass --corpus or set $UNBOIL_CORPUS", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="unboil-sites-"))
    results: dict[str, Any] = {}
    try:
        if not args.no_sites:
            folder_pages = site_folders(corpus, work / "sites" / "in")
            outs, times = _both(work / "sites" / "in", work / "sites", args.workers, args.rounds)
            results["sites"] = {"measures": _measure_sites(folder_pages, outs), "seconds": times}
            _print("site folders (wcxb-dev hosts with 3+ pages)", results["sites"])
        for dataset in [] if args.no_flat else [d for d in args.datasets.split(",") if d]:
            folder_pages = flat_folder(corpus, dataset, work / dataset / "in")
            outs, times = _both(work / dataset / "in", work / dataset, args.workers, args.rounds)
            results[dataset] = {"measures": _measure_flat(folder_pages, outs), "seconds": times}
            _print(f"{dataset} as one folder", results[dataset])
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _print(title: str, result: dict[str, Any]) -> None:
    print(f"== {title}")
    for run, halves in result["measures"].items():
        cells = [f"{h} {v['pages']:4d} pages F1 {v['f1']:.4f}" + (f" repeated {v['repeated']:.3f}" if "repeated" in v else "")
                 for h, v in halves.items()]
        seconds = " ".join(f"{s:.1f}" for s in result["seconds"].get(run, []))
        print(f"  {run:13} " + " | ".join(cells) + f" | wall s {seconds}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
