"""``python -m unboil.bench.dump OUT``: every corpus page's Article as JSON, to diff two versions.

    python -m unboil.bench.dump OUT [--corpus PATH] [--datasets a,b] [--workers N] [--trace]
    python -m unboil.bench.dump OUT --compare OLD
    python -m unboil.bench.dump OUT --score

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


def dump_page(args: tuple[str, str, str | None, bool, bool, bool]) -> str:
    """One page as one JSON line: its id and its Article JSON (or the error it raised).

    The page goes in as bytes (so decoding is checked too) or, ``as_text``, as the
    UTF-8 text the corpus stores, the way the benchmark passes it (a page's own
    ``<meta charset>`` may name the encoding it had before the corpus re-encoded it).
    """
    import gzip

    import unboil

    page_id, path, url, with_trace, with_metadata, as_text = args
    with gzip.open(path, "rb") as fh:
        data: bytes | str = fh.read()
    if as_text:
        data = data.decode("utf-8")  # type: ignore[union-attr]
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


def _dump(out: Path, corpus: Path, names: Sequence[str], workers: int, flags: tuple[bool, bool, bool]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for name in names:
            jobs = [(p.id, str(p.html_path), p.gold.get("url"), *flags) for p in pages(corpus, name)]
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


def score(out: Path, corpus: Path) -> dict[str, float]:
    """Mean body F1 of each dumped dataset against its gold (pages with gold text only)."""
    import unboil

    from .metrics import body_prf

    means: dict[str, float] = {}
    for dumped in sorted(out.glob("*.jsonl")):
        records = _records(dumped)
        f1s = []
        for page in pages(corpus, dumped.stem):
            if not page.gold.get("text"):
                continue
            article = records.get(page.id, {}).get("article")
            text = unboil.Article.from_json(article).text if isinstance(article, str) else ""
            f1s.append(body_prf(text, page.gold["text"])[2])
        means[dumped.stem] = sum(f1s) / len(f1s) if f1s else float("nan")
    return means


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
    ap.add_argument("--as-text", action="store_true", help="pass pages as text, as the benchmark does (default: bytes)")
    ap.add_argument("--compare", type=Path, metavar="OLD", help="compare OUT with an earlier dump instead of dumping")
    ap.add_argument("--score", action="store_true", help="print each dumped dataset's body F1 against the gold instead of dumping")
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
    if args.score:
        for name, f1 in score(args.out, corpus).items():
            print(f"{name}: body F1 {f1:.4f}")
        return 0
    names = args.datasets.split(",") if args.datasets else datasets(corpus)
    _dump(args.out, corpus, names, args.workers, (args.trace, not args.no_metadata, args.as_text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
