"""The Dask engine and dask.bag helper, on a real LocalCluster."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import unboil
from unboil import batch
from batch_support import PNG, build_mixed, page, read_report, report_keys, tree_bytes

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")


def without_ms(out: Path) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "ms"} for row in read_report(out)]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        yield c


def test_dask_engine_gives_the_same_outputs_and_report_as_local(tmp_path: Path, cluster) -> None:
    src = tmp_path / "in"
    expected = build_mixed(src)
    (src / "raises.html").write_bytes(page(6, "<!--fault:raise-->"))
    expected["raises.html"] = "failed"
    local = unboil.clean_folder(src, tmp_path / "local", workers=2, _extract="batch_support:extract")
    dask = unboil.clean_folder(src, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                               _extract="batch_support:extract")
    assert {k: r["status"] for k, r in report_keys(read_report(tmp_path / "dask")).items()} == expected
    assert (dask.pages, dask.ok, dask.empty, dask.skipped, dask.failed, dask.timeouts) == (
        local.pages, local.ok, local.empty, local.skipped, local.failed, local.timeouts)
    assert tree_bytes(tmp_path / "dask") == tree_bytes(tmp_path / "local")
    assert without_ms(tmp_path / "dask") == without_ms(tmp_path / "local")

    # resume works the same way on Dask, and jsonl too
    again = unboil.clean_folder(src, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert again.resumed == local.ok + local.empty
    with distributed.Client(cluster) as client:  # a Client object is accepted as the scheduler
        jl = unboil.clean_folder(src, tmp_path / "dask-jsonl", format="jsonl", engine="dask", scheduler=client)
    assert jl.pages == len(expected)
    lines = (tmp_path / "dask-jsonl" / "articles.jsonl").read_bytes().splitlines()
    assert len(lines) == jl.ok + jl.empty == local.ok + local.empty + 1  # raises.html: no fault hook here


def test_extract_bag(tmp_path: Path, cluster) -> None:
    (tmp_path / "p.html").write_bytes(page(2))
    pages = db.from_sequence(
        [(page(1), "https://example.com/1"), (PNG, "https://example.com/img"), tmp_path / "p.html", {"source": page(3), "url": None}],
        npartitions=2,
    )
    with distributed.Client(cluster):
        docs = batch.extract_bag(pages).compute()
    assert [d["status"] for d in docs] == ["ok", "skipped", "ok", "ok"]
    assert [d["title"] for d in docs] == ["Story 1", None, "Story 2", "Story 3"]
    assert docs[1]["url"] == "https://example.com/img" and "PNG" in docs[1]["error"]
    assert len({frozenset(d) for d in docs}) == 1  # same keys: ready for to_dataframe()


def test_cli_engine_dask_with_a_local_cluster(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"p{i}.html").write_bytes(page(i))
    (src / "img.html").write_bytes(PNG)
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "unboil", "clean", str(src), "-o", str(tmp_path / "out"), "--engine", "dask", "--workers", "1"],
        capture_output=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"6 pages: 5 ok, 0 empty, 1 skipped, 0 failed, 0 timeouts" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [f"p{i}.json" for i in range(5)]
