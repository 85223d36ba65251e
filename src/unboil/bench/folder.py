"""``python -m unboil.bench.folder``: ``unboil clean`` against trafilatura's folder mode.

    python -m unboil.bench.folder [--corpus DIR] [--work DIR] [--workers 1 2]
                                  [--small 2000] [--large 20000] [--no-speed] [--no-memory]
                                  [--json OUT.json]

**Speed.**  Both tools get the same folder: the corpus's pages decompressed
to plain ``.html`` files (trafilatura's folder mode reads every file as is,
so it gets no ``.gz`` and no gold ``.json``).  For each worker count, in one
go and interleaved so that both tools see the same machine load::

    unboil clean PLAIN -o OUT --workers N --format txt --force --quiet
    trafilatura --input-dir PLAIN --output-dir OUT --parallel N

Pages/second is pages / wall-clock seconds of the whole command (start-up
included); CPU seconds are those of the command and all its descendants
(``RUSAGE_CHILDREN``), a figure that other load on the machine disturbs far
less than wall-clock time; peak memory is the largest sum of the resident set sizes of the
command and all its child processes, sampled every 50 ms with psutil.

**Memory.**  ``unboil clean`` (``--workers 2``, JSON) on a folder of
``--small`` pages and on one of ``--large`` pages (the corpus's ``.html.gz``
files hard-linked several times over): the peak memory of the run should not
grow with the folder (issue 3 asks for the large run within 1.2x of the small).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence


def default_corpus() -> Path | None:
    env = os.environ.get("UNBOIL_CORPUS")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p.parent / "shared" / "corpus" / "dev" for p in here.parents]
    candidates.append(Path.cwd().parent / "shared" / "corpus" / "dev")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def corpus_pages(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.html.gz"))


def make_plain(pages: list[Path], corpus: Path, dest: Path) -> int:
    """Decompressed copies, same tree, ``.html`` names."""
    for src in pages:
        rel = src.relative_to(corpus)
        target = dest / rel.parent / rel.name[: -len(".gz")]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.decompress(src.read_bytes()))
    return len(pages)


def make_scaled(pages: list[Path], corpus: Path, dest: Path, n: int) -> int:
    """``n`` pages: the corpus's files hard-linked (or copied) over and over, in copy folders."""
    done = 0
    copy = 0
    while done < n:
        for src in pages:
            if done >= n:
                break
            target = dest / f"copy{copy:03d}" / src.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, target)
            except OSError:
                shutil.copy2(src, target)
            done += 1
        copy += 1
    return done


def measure(cmd: list[str], interval: float = 0.05) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, exit code and peak RSS of the process tree (MB)."""
    import resource

    import psutil

    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak_total = peak_main = peak_child = 0
    while proc.poll() is None:
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            procs = []
        total = 0
        for p in procs:
            try:
                rss = p.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            if p.pid == root.pid:
                peak_main = max(peak_main, rss)
            else:
                peak_child = max(peak_child, rss)
        peak_total = max(peak_total, total)
        time.sleep(interval)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.wait()
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the whole tree: every worker is reaped by its parent, so it is counted.
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "exit": proc.returncode,
        "peak_mb": round(peak_total / 2**20, 1),
        "peak_main_mb": round(peak_main / 2**20, 1),
        "peak_worker_mb": round(peak_child / 2**20, 1),
        "stderr_tail": stderr.strip().splitlines()[-1:] if stderr.strip() else [],
    }


def count_files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file())


def unboil_cmd(in_dir: Path, out_dir: Path, workers: int, fmt: str) -> list[str]:
    return [sys.executable, "-m", "unboil", "clean", str(in_dir), "-o", str(out_dir), "--workers", str(workers),
            "--format", fmt, "--force", "--quiet"]


def trafilatura_cmd(in_dir: Path, out_dir: Path, workers: int) -> list[str]:
    exe = shutil.which("trafilatura")
    base = [exe] if exe else [sys.executable, "-m", "trafilatura.cli"]
    return base + ["--input-dir", str(in_dir), "--output-dir", str(out_dir), "--parallel", str(workers)]


def speed(corpus: Path, work: Path, workers: Sequence[int]) -> dict[str, Any]:
    pages = corpus_pages(corpus)
    plain = work / "plain"
    if not plain.exists():
        make_plain(pages, corpus, plain)
    n = len(pages)
    rows: dict[str, Any] = {}
    for w in workers:
        for tool in ("unboil", "trafilatura"):
            out = work / f"speed-{tool}-{w}"
            shutil.rmtree(out, ignore_errors=True)
            cmd = unboil_cmd(plain, out, w, "txt") if tool == "unboil" else trafilatura_cmd(plain, out, w)
            print(f"  {tool} with {w} worker(s)...", file=sys.stderr, flush=True)
            m = measure(cmd)
            m["pages"] = n
            m["outputs"] = count_files(out) - (2 if tool == "unboil" else 0)  # report.jsonl, .unboil.lock
            m["pages_per_second"] = round(n / m["seconds"], 2)
            m["pages_per_cpu_second"] = round(n / max(1e-9, m["cpu_seconds"]), 2)
            rows[f"{tool}-{w}"] = m
    return {"pages": n, "runs": rows}


def memory(corpus: Path, work: Path, small: int, large: int, workers: int) -> dict[str, Any]:
    pages = corpus_pages(corpus)
    rows = {}
    for n in (small, large):
        folder = work / f"scaled-{n}"
        if not folder.exists():
            make_scaled(pages, corpus, folder, n)
        out = work / f"memory-out-{n}"
        shutil.rmtree(out, ignore_errors=True)
        print(f"  unboil clean on {n} pages...", file=sys.stderr, flush=True)
        m = measure(unboil_cmd(folder, out, workers, "json"))
        with open(out / "report.jsonl", "rb") as fh:
            m["report_lines"] = sum(1 for _ in fh)
        m["pages"] = n
        m["pages_per_second"] = round(n / m["seconds"], 2)
        rows[str(n)] = m
        shutil.rmtree(out, ignore_errors=True)
    ratio = rows[str(large)]["peak_mb"] / max(1e-9, rows[str(small)]["peak_mb"])
    return {"workers": workers, "runs": rows, "large_over_small": round(ratio, 3)}


def print_speed(result: dict[str, Any], workers: Sequence[int]) -> None:
    runs = result["runs"]
    print(f"\nspeed: {result['pages']} pages (decompressed dev corpus), same machine, same run")
    print(f"{'tool':<12} {'workers':>7} {'seconds':>8} {'pages/s':>8} {'CPU s':>8} {'pages/CPU s':>11} {'peak MB':>8} {'outputs':>8}")
    for w in workers:
        for tool in ("unboil", "trafilatura"):
            m = runs[f"{tool}-{w}"]
            print(f"{tool:<12} {w:>7} {m['seconds']:>8.1f} {m['pages_per_second']:>8.1f} {m['cpu_seconds']:>8.1f} "
                  f"{m['pages_per_cpu_second']:>11.1f} {m['peak_mb']:>8.0f} {m['outputs']:>8}")
    for w in workers:
        u, t = runs[f"unboil-{w}"], runs[f"trafilatura-{w}"]
        print(f"unboil / trafilatura with {w} worker(s): {u['pages_per_second'] / t['pages_per_second']:.2f}x")
    if len(workers) >= 2:
        a, b = workers[0], workers[1]
        for tool in ("unboil", "trafilatura"):
            r = runs[f"{tool}-{b}"]["pages_per_second"] / runs[f"{tool}-{a}"]["pages_per_second"]
            print(f"{tool}: {b} workers / {a} worker(s): {r:.2f}x")


def print_memory(result: dict[str, Any]) -> None:
    print(f"\nmemory: unboil clean --workers {result['workers']} (peak RSS of the whole process tree)")
    print(f"{'pages':>7} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'main MB':>8} {'worker MB':>9} {'lines':>7}")
    for n, m in result["runs"].items():
        print(f"{n:>7} {m['seconds']:>8.1f} {m['pages_per_second']:>8.1f} {m['peak_mb']:>8.0f} "
              f"{m['peak_main_mb']:>8.0f} {m['peak_worker_mb']:>9.0f} {m['report_lines']:>7}")
    print(f"large / small peak memory: {result['large_over_small']:.2f}x")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m unboil.bench.folder", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="the dev corpus (default: ../shared/corpus/dev)")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one, removed)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--large", type=int, default=20000)
    ap.add_argument("--memory-workers", type=int, default=2)
    ap.add_argument("--no-speed", dest="speed", action="store_false")
    ap.add_argument("--no-memory", dest="memory", action="store_false")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None or not corpus.is_dir():
        print("no corpus: pass --corpus or set UNBOIL_CORPUS", file=sys.stderr)
        return 2
    keep = args.work is not None
    work = args.work or Path(tempfile.mkdtemp(prefix="unboil-bench-folder-"))
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"corpus": str(corpus), "cpus": os.cpu_count()}
    try:
        if args.speed:
            result["speed"] = speed(corpus, work, args.workers)
            print_speed(result["speed"], args.workers)
        if args.memory:
            result["memory"] = memory(corpus, work, args.small, args.large, args.memory_workers)
            print_memory(result["memory"])
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
