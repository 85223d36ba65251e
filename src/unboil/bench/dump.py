"""``python -m unboil.bench.dump OUT``: every corpus page's Article as JSON, to diff two versions.

    python -m unboil.bench.dump OUT [--corpus PATH] [--datasets a,b] [--workers N] [--trace]
    python -m unboil.bench.dump OUT --compare OLD

A refactoring must not change what a user gets: dump before, dump after, and
``--compare`` counts the pages whose Article JSON differs (0 is the promise).
One JSON Lines file per dataset, one line per page, in the corpus's order.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Sequence

from .corpus import datasets, default_corpus, pages

__all__ = ["dump_page", "compare", "main"]


def dump_page(args: tuple[str, str, str | None, bool, bool]) -> str:
    """One page as one JSON line: its id and its Article JSON (or the error it raised)."""
    import gzip

    import unboil

    page_id, path, url, with_trace, with_metadata = args
    with gzip.open(path, "rb") as fh:
        data = fh.read()
    options = unboil.Options(with_metadata=with_metadata)
    record: dict[str, object] = {"id": page_id}
    try:
        if with_trace:
            article, trace = unboil.extract(data, url, options=options, trace=True)
            record["trace"] = [list(map(str, (d.stage, d.action, d.what, d.why, d.score))) for d in trace.decisions]
        else:
            article = unboil.extract(data, url, options=options)
        record["article"] = article.to_json()
    except unboil.UnboilError as exc:
        record["error"] = f"{type(exc).__name__}: {exc}"
    return json.dumps(record, ensure_ascii=False)


def _dump(out: Path, corpus: Path, names: Sequence[str], workers: int, with_trace: bool, with_metadata: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for name in names:
            jobs = [(p.id, str(p.html_path), p.gold.get("url"), with_trace, with_metadata) for p in pages(corpus, name)]
            with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                for line in pool.map(dump_page, jobs, chunksize=8):
                    fh.write(line + "\n")
            print(f"{name}: {len(jobs)} pages", file=sys.stderr)


def compare(new: Path, old: Path, key: str = "article") -> dict[str, list[str]]:
    """Ids of the pages whose ``key`` differs, per dataset (a page missing on one side differs)."""
    differing: dict[str, list[str]] = {}
    for old_file in sorted(old.glob("*.jsonl")):
        new_file = new / old_file.name
        before = _records(old_file)
        after = _records(new_file) if new_file.exists() else {}
        ids = sorted(set(before) | set(after))
        differing[old_file.stem] = [i for i in ids if _field(before.get(i), key) != _field(after.get(i), key)]
    return differing


def _records(path: Path) -> dict[str, dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def _field(record: dict[str, object] | None, key: str) -> object:
    if record is None:
        return ("missing",)
    return record.get(key, record.get("error"))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m unboil.bench.dump", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder for one <dataset>.jsonl per dataset")
    ap.add_argument("--corpus", type=Path, help="corpus root (default: $UNBOIL_CORPUS or ../shared/corpus/dev)")
    ap.add_argument("--datasets", help="comma-separated dataset folders (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--trace", action="store_true", help="also dump each page's trace")
    ap.add_argument("--no-metadata", action="store_true", help="extract with Options(with_metadata=False)")
    ap.add_argument("--compare", type=Path, metavar="OLD", help="compare OUT with an earlier dump instead of dumping")
    ap.add_argument("--key", default="article", help="with --compare: the field to compare (article or trace)")
    args = ap.parse_args(argv)
    if args.compare:
        differing = compare(args.out, args.compare, args.key)
        total = 0
        for name, ids in differing.items():
            total += len(ids)
            print(f"{name}: {len(ids)} differing" + (f" (e.g. {', '.join(ids[:5])})" if ids else ""))
        print(f"total: {total} pages differ")
        return 1 if total else 0
    corpus = args.corpus or default_corpus()
    if corpus is None:
        ap.error("no corpus: pass --corpus or set $UNBOIL_CORPUS")
    names = args.datasets.split(",") if args.datasets else datasets(corpus)
    _dump(args.out, corpus, names, args.workers, args.trace, not args.no_metadata)
    return 0


if __name__ == "__main__":
    sys.exit(main())
