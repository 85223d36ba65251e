"""Golden snapshots of the hand-written pages: a behaviour change shows here as a diff.

After an INTENDED change, regenerate the snapshots with one command and review
the diff of ``tests/golden`` before committing it::

    python tests/golden.py --update          # all pages
    python tests/golden.py --update NAME     # one page

``python tests/golden.py`` prints the diffs without writing.
A test run never writes a file.  Pages live in ``tests/pages`` (one rule or
family of rules each, written by hand; see ``tests/golden.py`` for the
settings file a page may have); snapshots in ``tests/golden``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

import golden
import unboil

NAMES = golden.case_names()


@functools.lru_cache(maxsize=None)
def _extracted(name: str) -> tuple[golden.Case, unboil.Article, unboil.Trace]:
    """Each page is extracted once for both of its snapshot tests."""
    case = golden.load_case(name)
    return (case, *golden.extract(case))


def _assert_same(path: Path, actual: str) -> None:
    """Fail with the unified diff between the stored snapshot and today's output."""
    found = golden.diff(path, golden.stored(path), actual)
    if found:
        pytest.fail(
            f"{path.name} differs from its snapshot; if the change is intended run "
            f"`python tests/golden.py --update {path.name.split('.')[0]}`\n{found}",
            pytrace=False,
        )


@pytest.mark.parametrize("name", NAMES)
def test_article_matches_its_snapshot(name: str) -> None:
    case, article, _ = _extracted(name)
    _assert_same(case.article_file, golden.article_json(article))


@pytest.mark.parametrize("name", NAMES)
def test_trace_matches_its_snapshot(name: str) -> None:
    case, _, trace = _extracted(name)
    _assert_same(case.trace_file, golden.trace_json(trace))


@pytest.mark.parametrize("name", NAMES)
def test_every_page_has_its_snapshots(name: str) -> None:
    case = golden.load_case(name)
    assert case.html.exists(), f"{name}: no page {case.html.name}"
    missing = [p.name for p in (case.article_file, case.trace_file) if not p.exists()]
    assert not missing, f"{name}: no snapshot {missing}; run `python tests/golden.py --update {name}`"


def test_every_snapshot_has_its_page() -> None:
    assert not golden.orphans(), f"snapshots or settings without a page: {golden.orphans()}"


def test_there_are_pages() -> None:
    """An empty or misplaced pages folder would make every other test here vanish silently."""
    assert len(NAMES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_a_snapshot_reads_back_to_the_same_article(name: str) -> None:
    """The stored JSON is an Article a caller could load: ``from_dict`` then ``to_dict`` gives it back."""
    path = golden.load_case(name).article_file
    data = json.loads(golden.stored(path) or "{}")
    assert golden.article_json(unboil.Article.from_dict(data)) == golden.stored(path)


def test_a_test_run_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only ``--update`` writes: checking prints diffs into a folder left as it was."""
    monkeypatch.setattr(golden, "GOLDEN", tmp_path)
    assert golden.main([NAMES[0]]) == 1
    assert list(tmp_path.iterdir()) == []
