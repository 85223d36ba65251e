"""unboil.clean_folder through the Python API: inputs, outputs, report, faults, resume."""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from pathlib import Path

import pytest

import unboil
from unboil import batch
from batch_support import (
    HOSTILE_URIS,
    PNG,
    build_mixed,
    page,
    read_report,
    report_keys,
    tree_bytes,
)

FAULTS = "batch_support:extract"


def statuses(out: Path) -> dict[str, str]:
    return {k: row["status"] for k, row in report_keys(read_report(out)).items()}


def assert_inside(out: Path) -> None:
    """Every file the run wrote is under OUT_DIR, and nothing escaped through a hostile name."""
    root = out.resolve()
    for path in out.rglob("*"):
        assert root in path.resolve().parents or path.resolve() == root
        assert "\x00" not in path.name and len(path.name.encode()) <= 255


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str], unboil.Report, float]:
    root = tmp_path_factory.mktemp("mixed")
    expected = build_mixed(root / "in", faults=True)
    start = time.monotonic()
    report = unboil.clean_folder(root / "in", root / "out", workers=2, timeout=1.5, _extract=FAULTS)
    return root / "in", root / "out", expected, report, time.monotonic() - start


def test_every_page_gets_exactly_one_report_line_with_the_right_status(mixed_run) -> None:
    _in, out, expected, report, _elapsed = mixed_run
    assert statuses(out) == expected
    assert report.pages == len(expected)
    assert (report.ok, report.empty, report.skipped, report.failed, report.timeouts) == (10, 1, 2, 3, 1)
    assert report.exit_code == 1
    assert not (out / "report.jsonl.part").exists()


def test_report_lines_have_the_documented_fields_in_walk_order(mixed_run) -> None:
    _in, out, _expected, _report, _elapsed = mixed_run
    rows = read_report(out)
    assert [list(r) for r in rows] == [["path", "record", "status", "error", "output", "ms", "truncated", "site", "template", "page_type", "explain"]] * len(rows)
    keys = [tuple(r["path"].split("/")) for r in rows]
    assert keys == sorted(keys)
    for r in rows:
        assert isinstance(r["ms"], int)
        if r["status"] in ("ok", "empty"):
            assert (out / r["output"]).is_file()
        else:
            assert r["output"] is None and r["error"]
    by = report_keys(rows)
    assert by["picture.html"]["error"] == "not an HTML page: looks like a PNG image"
    assert by["a/crawl.warc.gz#2"]["error"] == "not an HTML page: WARC record of type image/png"
    assert "injected fault" in by["raises.html"]["error"]
    assert "worker process died" in by["crashes.html"]["error"]
    assert "killed and replaced" in by["hangs.html"]["error"]
    assert by["empty.html"]["error"] == "no text"
    assert "gzip" in by["bad.html.gz"]["error"]


def test_a_hung_page_costs_the_timeout_not_the_run(mixed_run) -> None:
    *_, elapsed = mixed_run
    assert elapsed < 15


def test_outputs_mirror_the_tree(mixed_run) -> None:
    _in, out, _expected, _report, _elapsed = mixed_run
    by = report_keys(read_report(out))
    assert by["a/b/deep.html"]["output"] == "a/b/deep.json"
    assert by["a/zipped.html.gz"]["output"] == "a/zipped.json"
    assert by["top.xhtml"]["output"] == "top.json"
    # page.html and page.htm would both give page.json: both keep their full name
    assert by["a/twin.html"]["output"] == "a/twin.html.json"
    assert by["a/twin.htm"]["output"] == "a/twin.htm.json"
    doc = json.loads((out / "a/b/deep.json").read_text())
    assert doc["path"] == "a/b/deep.html" and doc["record"] is None
    assert doc["title"] == "Story 1" and "paragraph one of story number 1" in doc["text"]
    assert doc["url"] == "https://example.com/story/1"  # from the canonical link
    assert unboil.Article.from_dict(doc).title == "Story 1"


def test_warc_records_with_hostile_uris_stay_inside_out_dir(mixed_run) -> None:
    _in, out, _expected, _report, _elapsed = mixed_run
    assert_inside(out)
    rows = [r for r in read_report(out) if r["path"] == "a/crawl.warc.gz"]
    assert rows[0]["record"] == "<../../../../tmp/evil>"
    outputs = [r["output"] for r in rows if r["output"]]
    assert len(outputs) == len(HOSTILE_URIS) == len(set(outputs))
    for o in outputs:
        assert o.startswith("a/crawl/r") and o.endswith(".json") and ".." not in o and "etc" not in o
    urls = {json.loads((out / o).read_text())["url"] for o in outputs}
    assert "../../etc/passwd" in urls  # the URI is kept as data, never as a path


def test_record_output_name_never_contains_uri_text() -> None:
    for uri in HOSTILE_URIS + ["", None, "a/b", "C:\\x", "..", "."]:
        name = batch.record_output_name(3, uri, uri, ".json")
        assert name.startswith("r000003-") and name.endswith(".json")
        assert all(c in "0123456789abcdefr-.json" for c in name)


def test_output_names_resolve_collisions_deterministically() -> None:
    files = [("x.html", "page", "x"), ("x.htm", "page", "x"), ("y.html", "page", "y"), ("y.json.html", "page", "y.json"),
             ("sub.html", "page", "sub"), ("c.warc.gz", "warc", "c")]
    names = batch._output_names(files, {"sub.json", "c"}, ".json")
    assert names["x.html"] == "x.html.json" and names["x.htm"] == "x.htm.json"
    assert names["y.html"] == "y.json"
    assert names["sub.html"] == "sub.html.json"
    assert names["c.warc.gz"] == "c.warc.gz"
    assert len(set(names.values())) == len(names)
    assert batch._output_names(list(reversed(files)), {"sub.json", "c"}, ".json") == names


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_text_formats(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(page(1))
    (tmp_path / "in" / "e.html").write_bytes(b"<html></html>")
    report = unboil.clean_folder(tmp_path / "in", tmp_path / "out", format=fmt, workers=1)
    assert (report.ok, report.empty) == (1, 1)
    text = (tmp_path / "out" / f"p.{fmt}").read_text()
    assert "paragraph one of story number 1" in text and "Home" not in text
    if fmt == "md":
        assert text.startswith("# Story 1")
    assert (tmp_path / "out" / f"e.{fmt}").exists()


def test_include_makes_non_pages_skipped_with_a_reason(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "p.html").write_bytes(page(1))
    (src / "doc.pdf").write_bytes(b"%PDF-1.4 ...")
    (src / "logo.png").write_bytes(PNG)
    (src / "index").write_bytes(page(2))  # a wget page without extension: the content decides
    (src / "skip").mkdir()
    (src / "skip" / "q.html").write_bytes(page(3))
    unboil.clean_folder(src, tmp_path / "out", workers=1, include=["*"], exclude=["skip"])
    rows = report_keys(read_report(tmp_path / "out"))
    assert {k: r["status"] for k, r in rows.items()} == {"doc.pdf": "skipped", "index": "ok", "logo.png": "skipped", "p.html": "ok"}
    assert rows["doc.pdf"]["error"] == "not a page: .pdf file"
    assert rows["index"]["output"] == "index.json"


def test_out_dir_inside_in_dir_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page(1))
    unboil.clean_folder(tmp_path, tmp_path / "out", workers=1, include=["*"])
    unboil.clean_folder(tmp_path, tmp_path / "out", workers=1, include=["*"])
    assert [r["path"] for r in read_report(tmp_path / "out")] == ["p.html"]


def test_setup_errors_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(unboil.InputError):
        unboil.clean_folder(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(unboil.InputError):
        unboil.clean_folder(tmp_path, tmp_path)
    with pytest.raises(unboil.InputError):
        unboil.clean_folder(tmp_path, tmp_path / "out", format="docx")


def test_a_second_run_on_the_same_out_dir_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    lock = batch._Lock(str(out))
    try:
        with pytest.raises(unboil.InputError, match="another unboil run"):
            unboil.clean_folder(tmp_path / "in", out)
    finally:
        lock.release()


def _small_folder(root: Path, n: int) -> None:
    for i in range(n):
        d = root / f"d{i % 3}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"p{i:03d}.html").write_bytes(page(i))
    (root / "bad.html").write_bytes(page(99, "<!--fault:raise-->"))


def test_resume_carries_forward_finished_pages_and_redoes_the_rest(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _small_folder(src, 12)
    first = unboil.clean_folder(src, out, workers=1, _extract=FAULTS)
    assert (first.pages, first.ok, first.failed, first.resumed) == (13, 12, 1, 0)
    before = tree_bytes(out)
    report_before = (out / "report.jsonl").read_bytes()
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}

    again = unboil.clean_folder(src, out, workers=1, _extract=FAULTS)
    assert (again.pages, again.ok, again.failed, again.resumed) == (13, 12, 1, 12)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == mtimes  # nothing rewritten
    carried = [l for l in (out / "report.jsonl").read_bytes().splitlines() if b'"ok"' in l]
    assert carried == [l for l in report_before.splitlines() if b'"ok"' in l]  # lines copied verbatim

    # A changed page, a deleted output and a new page are done again; the rest is carried.
    changed = src / "d1" / "p001.html"
    changed.write_bytes(page(1001))
    later = time.time() + 5
    os.utime(changed, (later, later))
    (out / "d2" / "p002.json").unlink()
    (src / "d0" / "new.html").write_bytes(page(500))
    third = unboil.clean_folder(src, out, workers=1, _extract=FAULTS)
    assert (third.pages, third.resumed) == (14, 10)
    assert "Story 1001" in (out / "d1" / "p001.json").read_text()
    assert (out / "d2" / "p002.json").read_bytes() == before["d2/p002.json"]
    assert len(report_keys(read_report(out))) == 14

    forced = unboil.clean_folder(src, out, workers=1, resume=False, _extract=FAULTS)
    assert (forced.pages, forced.resumed) == (14, 0)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_killed_run_is_completed_without_loss_or_duplicates(tmp_path: Path, fmt: str) -> None:
    """Simulates a kill -9 at the worst moments: torn last lines, lost buffers, stray temp files."""
    src = tmp_path / "in"
    _small_folder(src, 30)
    out = tmp_path / "out"
    unboil.clean_folder(src, out, format=fmt, workers=2, _extract=FAULTS)
    expected = tree_bytes(out)
    report = (out / "report.jsonl").read_bytes().splitlines(keepends=True)
    (out / "report.jsonl").unlink()
    # What a killed run leaves: the report prefix with a torn line, a shorter articles prefix.
    (out / "report.jsonl.part").write_bytes(b"".join(report[:17]) + report[17][:9])
    if fmt == "jsonl":
        articles = (out / "articles.jsonl").read_bytes().splitlines(keepends=True)
        (out / "articles.jsonl").unlink()
        (out / "articles.jsonl.part").write_bytes(b"".join(articles[:12]) + articles[12][:20])
    else:
        for p in sorted(out.rglob("p02*.json")):
            p.unlink()  # outputs of pages the killed run never reached
        (out / "d0" / ".p003.json~123.unboil-tmp").write_bytes(b"{ torn")

    resumed = unboil.clean_folder(src, out, format=fmt, workers=2, _extract=FAULTS)
    assert resumed.pages == 31 and 0 < resumed.resumed < 30
    assert tree_bytes(out) == expected
    rows = read_report(out)
    assert len(report_keys(rows)) == len(rows) == 31
    assert not list(out.rglob("*.part")) and not list(out.rglob("*.unboil-tmp"))


def test_jsonl_output_is_in_walk_order_with_the_source_path(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _small_folder(src, 9)
    unboil.clean_folder(src, tmp_path / "out", format="jsonl", workers=2, _window=2)
    docs = [json.loads(l) for l in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert [d["path"] for d in docs] == [r["path"] for r in read_report(tmp_path / "out") if r["output"]]
    assert [d["path"] for d in docs] == sorted(d["path"] for d in docs)
    assert all(r["output"] in ("articles.jsonl", None) for r in read_report(tmp_path / "out"))


def test_workers_are_recycled_and_order_kept_with_a_tiny_window(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _small_folder(src, 10)
    report = unboil.clean_folder(src, tmp_path / "out", workers=2, _window=3, _max_tasks_per_worker=4)
    assert report.pages == 11 and report.ok == 11
    keys = [tuple(r["path"].split("/")) for r in read_report(tmp_path / "out")]
    assert keys == sorted(keys)


def test_plain_progress_lines_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    _small_folder(src, 4)
    unboil.clean_folder(src, tmp_path / "out", workers=1, progress="lines", _progress_interval=0)
    err = capsys.readouterr().err
    assert "pages/s" in err and "unboil: " in err


def test_the_first_progress_line_comes_with_the_first_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    _small_folder(src, 2)
    unboil.clean_folder(src, tmp_path / "out", workers=1, progress="lines", _progress_interval=3600)
    err = capsys.readouterr().err
    assert err.count("unboil: ") == 2 and err.count("unboil: reading sites: ") == 1  # each pass at once, not after an hour
    unboil.clean_folder(src, tmp_path / "out2", workers=1, progress="lines", _progress_interval=3600, templates=False)
    assert capsys.readouterr().err.count("unboil: ") == 1


def test_a_terminal_without_tqdm_gets_a_line_rewritten_in_place(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from unboil.batch.progress import Progress

    monkeypatch.setitem(sys.modules, "tqdm", None)  # "import tqdm" now fails
    progress = Progress("bar", 10.0, None)
    assert progress.bar is None and progress.in_place
    counts = {"ok": 1, "empty": 0, "skipped": 0, "failed": 0, "timeout": 0}
    progress.update(1, counts, 1)
    progress.close()
    err = capsys.readouterr().err
    assert err.startswith("\runboil: 1 pages") and err.endswith("\n")


def test_report_dataclass() -> None:
    r = unboil.Report(pages=3, ok=2, failed=1, elapsed=1.5, pages_per_second=2.0, out_dir="/o")
    assert r.exit_code == 1 and r.to_dict()["pages_per_second"] == 2.0
    assert "3 pages: 2 ok" in r.summary()
    with pytest.raises(Exception):
        r.ok = 5  # type: ignore[misc]


def test_extract_one_never_raises(tmp_path: Path) -> None:
    gz = tmp_path / "p.html.gz"
    gz.write_bytes(gzip.compress(page(4)))
    assert batch.extract_one(gz)["title"] == "Story 4"
    ok = batch.extract_one(page(1), "https://example.com/x")
    assert ok["status"] == "ok" and ok["error"] is None
    bad = batch.extract_one(PNG, "https://example.com/img")
    assert bad["status"] == "skipped" and bad["url"] == "https://example.com/img"
    assert set(bad) == set(ok)
