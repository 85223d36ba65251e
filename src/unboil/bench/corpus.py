"""Reading the evaluation corpus (``../shared/corpus/dev``): one page = ``<id>.html.gz`` + ``<id>.json``."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

__all__ = ["Page", "default_corpus", "datasets", "pages"]


@dataclass(frozen=True)
class Page:
    dataset: str
    id: str
    html_path: Path
    gold: dict[str, Any]

    def html(self) -> str:
        with gzip.open(self.html_path, "rt", encoding="utf-8") as fh:
            return fh.read()


def default_corpus() -> Path | None:
    """``$UNBOIL_CORPUS``, else ``../shared/corpus/dev`` from the project root, if present."""
    env = os.environ.get("UNBOIL_CORPUS")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    for up in here.parents:
        candidates.append(up.parent / "shared" / "corpus" / "dev")
        if (up / "pyproject.toml").exists():
            break
    candidates.append(Path.cwd().parent / "shared" / "corpus" / "dev")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def datasets(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def pages(root: Path, dataset: str, limit: int | None = None) -> Iterator[Page]:
    folder = root / dataset
    count = 0
    for gold_path in sorted(folder.glob("*.json")):
        html_path = gold_path.with_name(gold_path.name[: -len(".json")] + ".html.gz")
        if not html_path.exists():
            continue
        with open(gold_path, encoding="utf-8") as fh:
            gold = json.load(fh)
        yield Page(dataset, gold_path.name[: -len(".json")], html_path, gold)
        count += 1
        if limit is not None and count >= limit:
            return
