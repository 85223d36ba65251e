"""The ``unboil`` console script, run for real in a subprocess."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unboil.cli import main
from batch_support import PNG, build_mixed, page, read_report, report_keys, tree_bytes

TESTS = Path(__file__).resolve().parent
UNBOIL = shutil.which("unboil")


def run(*args: str, stdin: bytes | None = None, faults: bool = False, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if faults:
        env["UNBOIL_TEST_EXTRACT"] = "batch_support:extract"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS), env.get("PYTHONPATH")]))
    cmd = [UNBOIL] if UNBOIL else [sys.executable, "-m", "unboil"]
    return subprocess.run(cmd + list(args), input=stdin, capture_output=True, env=env, timeout=timeout)


def test_console_script_is_installed() -> None:
    assert UNBOIL, "pip install -e . installs the unboil command"


def test_help_shows_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    top = run("--help")
    assert top.returncode == 0 and b"exit codes:" in top.stdout and b"clean" in top.stdout
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for word in ("examples:", "unboil clean saved_pages/ -o clean/", "--format", "--workers", "--include", "--exclude",
                 "--timeout", "--resume", "--force", "--engine", "--scheduler", "--quiet", "report.jsonl", "exit codes:",
                 "1    some pages failed", "2    usage error"):
        assert word in text, word
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    ex = capsys.readouterr().out
    assert "examples:" in ex and "--url" in ex and "stdin" in ex


def test_python_dash_m_unboil() -> None:
    proc = subprocess.run([sys.executable, "-m", "unboil", "--version"], capture_output=True)
    assert proc.returncode == 0 and proc.stdout.startswith(b"unboil ")


def test_extract_one_page_in_each_format(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page(1))
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(page(2)))
    js = run("extract", str(tmp_path / "p.html"))
    assert js.returncode == 0
    doc = json.loads(js.stdout)
    assert doc["title"] == "Story 1" and doc["url"] == "https://example.com/story/1"
    md = run("extract", str(tmp_path / "p.html.gz"), "--format", "md")
    assert md.returncode == 0 and md.stdout.startswith(b"# Story 2")
    txt = run("extract", "-", "--format", "txt", "--url", "https://example.com/given", stdin=page(3))
    assert txt.returncode == 0 and txt.stdout.startswith(b"This is paragraph one of story number 3")


def test_extract_and_clean_write_html_xml_and_tei(tmp_path: Path) -> None:
    from lxml import etree

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(page(1))
    for fmt, ext in (("html", ".html"), ("xml", ".xml"), ("tei", ".tei.xml")):
        one = run("extract", str(tmp_path / "in" / "p.html"), "--format", fmt)
        assert one.returncode == 0, one.stderr
        out = tmp_path / f"out-{fmt}"
        many = run("clean", str(tmp_path / "in"), "-o", str(out), "--format", fmt, "--workers", "1", "-q")
        assert many.returncode == 0, many.stderr
        assert (out / f"p{ext}").read_bytes() == one.stdout
        if fmt != "html":
            root = etree.fromstring(one.stdout)
            assert "Story 1" in "".join(root.itertext())
        else:
            assert one.stdout.startswith(b"<article>\n<h1>Story 1</h1>")


def test_extract_a_warc_gives_one_json_line_per_record(tmp_path: Path) -> None:
    from batch_support import write_warc

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://e.com/1", "text/html", page(1)), ("https://e.com/2", "image/png", PNG),
                      ("https://e.com/3", "text/html", page(3))])
    proc = run("extract", str(warc))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["status"], r["title"]) for r in rows] == [("ok", "Story 1"), ("skipped", None), ("ok", "Story 3")]
    assert len({frozenset(r) for r in rows}) == 1 and all(r["record"] for r in rows)
    md = run("extract", str(warc), "--format", "md")
    assert md.returncode == 2 and b"WARC" in md.stderr and not md.stdout


def test_clean_takes_one_page_or_one_warc(tmp_path: Path) -> None:
    from batch_support import write_warc

    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "p.html").write_bytes(page(1))
    (tmp_path / "in" / "sub" / "p.html").write_bytes(page(2))  # beside the named file's folder: not walked
    write_warc(tmp_path / "in" / "c.warc", [("https://e.com/1", "text/html", page(4))])
    one = run("clean", str(tmp_path / "in" / "p.html"), "-o", str(tmp_path / "out1"), "-q")
    assert one.returncode == 0, one.stderr
    assert [(r["path"], r["output"]) for r in read_report(tmp_path / "out1")] == [("p.html", "p.json")]
    assert json.loads((tmp_path / "out1" / "p.json").read_text())["title"] == "Story 1"
    warc = run("clean", str(tmp_path / "in" / "c.warc"), "-o", str(tmp_path / "out2"), "-q")
    assert warc.returncode == 0, warc.stderr
    rows = read_report(tmp_path / "out2")
    assert len(rows) == 1 and rows[0]["path"] == "c.warc" and rows[0]["status"] == "ok"


def test_output_folder_problems_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(page(1))
    (tmp_path / "a-file").write_text("x")
    for out in (tmp_path / "a-file", tmp_path / "a-file" / "below"):
        proc = run("clean", str(tmp_path / "in"), "-o", str(out))
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count(b"\n") == 1 and b"Traceback" not in proc.stderr, proc.stderr
        assert str(out).encode() in proc.stderr


def test_the_summary_names_failed_pages_and_why(tmp_path: Path) -> None:
    build_mixed(tmp_path / "in", faults=True)
    proc = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "2", "--timeout", "3", faults=True)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    failed = [r for r in read_report(tmp_path / "out") if r["status"] in ("failed", "timeout")]
    assert len(failed) >= 3
    for row in failed:
        assert f"  {row['path']}" in err and row["error"] in err, (row, err)


def test_switching_format_removes_the_old_outputs(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "p.html").write_bytes(page(1))
    (tmp_path / "in" / "sub" / "q.html").write_bytes(page(2))
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    (out / "mine.json").write_text("{}")  # not in the report: never touched
    for fmt in ("json", "md", "jsonl", "tei"):
        assert run("clean", str(tmp_path / "in"), "-o", str(out), "--format", fmt, "-q").returncode == 0
        files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
        expected = {"json": ["mine.json", "p.json", "report.jsonl", "sub/q.json"],
                    "md": ["mine.json", "p.md", "report.jsonl", "sub/q.md"],
                    "jsonl": ["articles.jsonl", "mine.json", "report.jsonl"],
                    "tei": ["mine.json", "p.tei.xml", "report.jsonl", "sub/q.tei.xml"]}[fmt]
        assert files == expected, (fmt, files)


def test_extract_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "img.html").write_bytes(PNG)
    bad = run("extract", str(tmp_path / "img.html"))
    assert bad.returncode == 1 and b"PNG" in bad.stderr


def usage_code(*args: str) -> int | str | None:
    try:
        return main(list(args))
    except SystemExit as exc:  # argparse's own errors
        return exc.code


def test_clean_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = run("clean", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))  # once for real
    assert missing.returncode == 2 and b"no such file or directory" in missing.stderr
    assert usage_code("clean", str(tmp_path)) == 2  # no -o
    assert usage_code("clean", str(tmp_path), "-o", str(tmp_path / "o"), "--resume", "--force") == 2
    assert usage_code("clean", str(tmp_path), "-o", str(tmp_path / "o"), "--workers", "0") == 2
    assert usage_code("clean", str(tmp_path), "-o", str(tmp_path / "o"), "--timeout", "soon") == 2
    assert usage_code("clean", str(tmp_path), "-o", str(tmp_path / "o"), "--engine", "local", "--scheduler", "tcp://x:1") == 2
    assert usage_code("clean", str(tmp_path), "-o", str(tmp_path), "--quiet") == 2  # OUT_DIR == IN_DIR
    assert usage_code("extract", str(tmp_path / "missing.html")) == 2
    assert usage_code("extract", "x.html", "--format", "pdf") == 2
    assert usage_code() == 2  # no command
    assert "usage:" in capsys.readouterr().err


def test_clean_a_hostile_mixed_folder(tmp_path: Path) -> None:
    expected = build_mixed(tmp_path / "in", faults=True)
    start = time.monotonic()
    proc = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "2", "--timeout", "1.5", faults=True)
    assert time.monotonic() - start < 30
    assert proc.returncode == 1, proc.stderr  # some pages failed
    rows = report_keys(read_report(tmp_path / "out"))
    assert {k: r["status"] for k, r in rows.items()} == expected
    summary = next(line for line in proc.stderr.decode().splitlines() if line.startswith("unboil clean: "))
    assert "17 pages: 10 ok, 1 empty, 2 skipped, 3 failed, 1 timeouts" in summary and "pages/s" in summary
    for path in (tmp_path / "out").rglob("*"):
        assert tmp_path / "out" in path.resolve().parents


def test_clean_exit_code_zero_when_every_page_is_handled(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(page(1))
    (tmp_path / "in" / "img.html").write_bytes(PNG)
    proc = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "jsonl", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert b"2 pages: 1 ok, 0 empty, 1 skipped" in proc.stderr
    lines = (tmp_path / "out" / "articles.jsonl").read_bytes().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["path"] == "p.html"


def _pages(root: Path, n: int) -> None:
    for i in range(n):
        d = root / f"s{i % 4}" / f"t{i % 3}"
        d.mkdir(parents=True, exist_ok=True)
        if i % 10 == 0:
            (d / f"p{i:04d}.html.gz").write_bytes(gzip.compress(page(i), mtime=0))
        else:
            (d / f"p{i:04d}.html").write_bytes(page(i))


def test_kill_9_then_resume_gives_the_uninterrupted_result(tmp_path: Path) -> None:
    # (jsonl's torn-file cases are simulated in test_batch, to keep the suite short)
    n, fmt = 300, "json"
    src = tmp_path / "in"
    _pages(src, n)
    full = tmp_path / "full"
    quiet = run("clean", str(src), "-o", str(full), "--workers", "1", "--format", fmt, "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == b""

    out = tmp_path / "out"
    cmd = [UNBOIL] if UNBOIL else [sys.executable, "-m", "unboil"]
    proc = subprocess.Popen(cmd + ["clean", str(src), "-o", str(out), "--workers", "1", "--format", fmt, "--quiet"],
                            start_new_session=True)
    # Kill (the whole process group, like a crashed machine would) once some work is on disk.
    part = out / "report.jsonl.part"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if part.exists() and part.stat().st_size > 40 * 90:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not (out / "report.jsonl").exists(), "killed before the end"
    done_before = len(part.read_bytes().splitlines())
    assert 0 < done_before < n
    print(f"killed after {done_before} of {n} pages")

    again = run("clean", str(src), "-o", str(out), "--workers", "1", "--format", fmt)
    assert again.returncode == 0, again.stderr
    assert b"resumed from a previous run" in again.stderr
    assert tree_bytes(out) == tree_bytes(full)  # byte for byte, nothing missing, nothing extra
    rows = read_report(out)
    assert len(rows) == len(report_keys(rows)) == n
    assert [r["path"] for r in rows] == [r["path"] for r in read_report(full)]
    assert all(r["status"] == "ok" for r in rows)


def test_a_warc_record_is_decoded_by_its_http_charset(tmp_path: Path) -> None:
    from batch_support import write_warc

    words = "Городской совет закрыл старый мост после того, как река поднялась на два метра за ночь."
    body = (f"<html><head><meta charset='windows-1252'><title>Мост</title></head><body><article>"
            f"<p>{words}</p><p>{words} {words}</p></article></body></html>").encode("cp1251")
    warc = tmp_path / "in" / "ru.warc.gz"
    warc.parent.mkdir()
    write_warc(warc, [("https://e.ru/1", "text/html; charset=windows-1251", body)])
    lines = run("extract", str(warc))
    assert lines.returncode == 0, lines.stderr
    assert words in json.loads(lines.stdout)["text"]
    engines = ("local", "dask") if importlib.util.find_spec("distributed") else ("local",)
    for engine in engines:  # the hint travels with the record to a Dask worker too
        out = tmp_path / f"out-{engine}"
        done = run("clean", str(tmp_path / "in"), "-o", str(out), "-q", "--format", "txt", "--engine", engine)
        assert done.returncode == 0, done.stderr
        [txt] = list(out.rglob("*.txt"))
        assert words in txt.read_text(encoding="utf-8")
