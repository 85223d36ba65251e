"""Golden snapshots: the Article (and trace) of every hand-written page in ``tests/pages``.

Show what differs from the stored snapshots, or write them again after an
intended change (the only way files under ``tests/golden`` are ever written).
Run as a script it imports the ``src`` of its own checkout::

    python tests/golden.py                 # print the diffs, exit 1 if any
    python tests/golden.py --update        # rewrite every snapshot
    python tests/golden.py --update NAME…  # rewrite only these pages

A case is a page name.  ``pages/NAME.html`` is the page, read as bytes so its
encoding is detected as a saved page's would be.  An optional
``pages/NAME.json`` gives the ``url``, the ``options`` (JSON-typed fields of
:class:`unboil.Options`) and, for a variant of another page, ``page``: the
name of the HTML to read instead of ``NAME.html``.  The snapshots are
``golden/NAME.json`` (the Article) and ``golden/NAME.trace.json`` (the trace's
decisions), kept apart so a reworded trace never shows as an Article change.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

if __name__ == "__main__":  # a script snapshots this checkout's code, not whichever unboil is installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import unboil  # noqa: E402

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
GOLDEN = HERE / "golden"
TRACE_SUFFIX = ".trace.json"


@dataclass(frozen=True)
class Case:
    """One page to extract and the settings to extract it with."""

    name: str
    html: Path
    url: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def article_file(self) -> Path:
        return GOLDEN / f"{self.name}.json"

    @property
    def trace_file(self) -> Path:
        return GOLDEN / f"{self.name}{TRACE_SUFFIX}"


def case_names() -> list[str]:
    """Every case: a page with its own HTML, or a variant that has only its settings file."""
    return sorted({p.stem for p in PAGES.glob("*.html")} | {p.stem for p in PAGES.glob("*.json")})


def load_case(name: str) -> Case:
    """Read a case's optional settings file; a missing one means the default Options and no url."""
    settings_file = PAGES / f"{name}.json"
    settings = json.loads(settings_file.read_text(encoding="utf-8")) if settings_file.exists() else {}
    return Case(name, PAGES / f"{settings.get('page', name)}.html", settings.get("url"), settings.get("options", {}))


def extract(case: Case) -> tuple[unboil.Article, unboil.Trace]:
    """Extract a case without a time budget: a busy machine must not change a snapshot.

    The budget also decides whether readability is asked for a second
    opinion, so with one the output could depend on the load of the machine.
    """
    options = unboil.Options(time_budget=None).but(**case.options)
    return unboil.extract(case.html.read_bytes(), case.url, options=options, trace=True)


def article_json(article: unboil.Article) -> str:
    """The Article as stored: indented, in ``to_dict``'s key order, non-ASCII as is, ending in a newline."""
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"


def trace_json(trace: unboil.Trace) -> str:
    """The decisions as a JSON list, one decision a line so a diff names the decision that moved.

    Scores are left out: they move with every tuning of a weight while the
    decisions stay the same.
    """
    rows = [
        json.dumps({"stage": d.stage, "action": d.action, "why": d.why, "what": d.what}, ensure_ascii=False)
        for d in trace.decisions
    ]
    return "[\n" + ",\n".join(f"  {row}" for row in rows) + ("\n" if rows else "") + "]\n"


def snapshots(case: Case) -> dict[Path, str]:
    """What each golden file of a case should hold today."""
    article, trace = extract(case)
    return {case.article_file: article_json(article), case.trace_file: trace_json(trace)}


def stored(path: Path) -> str:
    """A golden file's text, or empty when it is missing (so the diff shows all of it as new)."""
    return path.read_text(encoding="utf-8") if path.exists() else ""


def diff(path: Path, expected: str, actual: str) -> str:
    """A unified diff from the stored snapshot to what the code gives now ('' when equal)."""
    name = f"{path.parent.name}/{path.name}"
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), f"{name} (stored)", f"{name} (now)"
    )
    return "".join(lines)


def orphans() -> list[str]:
    """Golden files whose case is gone, and cases whose settings name a missing page."""
    names = set(case_names())
    stale = [
        p.name for p in sorted(GOLDEN.glob("*.json")) if p.name.removesuffix(TRACE_SUFFIX).removesuffix(".json") not in names
    ]
    unread = [f"pages/{n}.json -> {load_case(n).html.name}" for n in sorted(names) if not load_case(n).html.exists()]
    return stale + unread


def update(names: Sequence[str]) -> list[Path]:
    """Write the snapshots of the named cases (all when none is named); return the files that changed."""
    GOLDEN.mkdir(exist_ok=True)
    changed: list[Path] = []
    for name in names or case_names():
        for path, text in snapshots(load_case(name)).items():
            if stored(path) != text:
                path.write_text(text, encoding="utf-8")
                changed.append(path)
    return changed


def check(names: Sequence[str]) -> int:
    """Print every difference from the stored snapshots; the number of files that differ."""
    differing = 0
    for name in names or case_names():
        for path, text in snapshots(load_case(name)).items():
            found = diff(path, stored(path), text)
            if found:
                differing += 1
                sys.stdout.write(found + ("" if found.endswith("\n") else "\n"))
    return differing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="cases to look at (default: all)")
    parser.add_argument("--update", action="store_true", help="write the snapshots instead of diffing them")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(case_names()))
    if unknown:
        parser.error(f"no such page: {', '.join(unknown)} (pages are the names in {PAGES})")
    if args.update:
        for path in update(args.names):
            print(f"wrote {path.parent.name}/{path.name}")
    differing = 0 if args.update else check(args.names)
    stale = orphans()
    for line in stale:
        print(f"orphan (remove it by hand): {line}")
    return 1 if differing or stale else 0


if __name__ == "__main__":
    sys.exit(main())
