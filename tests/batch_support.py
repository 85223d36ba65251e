"""Test support for the batch tests. Test-only stand-in for ``unboil.extract`` in batch workers (see ``unboil.batch``, "Test hook").

Tests point ``clean_folder(_extract="batch_support:extract")`` or the CLI's
``UNBOIL_TEST_EXTRACT=batch_support:extract`` (with this folder on PYTHONPATH)
at it.  A page holding one of these markers misbehaves; any other page goes
to the real extractor:

- ``<!--fault:raise-->``: raises a RuntimeError (an extractor bug);
- ``<!--fault:hang-->``: sleeps for an hour (a page that never finishes);
- ``<!--fault:crash-->``: kills its worker process outright.
"""

from __future__ import annotations

import os
import time

import unboil


def extract(source, url=None, *, options=None, encoding=None):
    data = source if isinstance(source, (bytes, bytearray)) else b""
    if b"<!--fault:raise-->" in data:
        raise RuntimeError("injected fault")
    if b"<!--fault:hang-->" in data:
        time.sleep(3600)
    if b"<!--fault:crash-->" in data:
        os._exit(3)
    return unboil.extract(source, url, options=options, encoding=encoding)


# ---------------------------------------------------------------------------
# Folder builders shared by test_batch, test_cli and test_dask
# ---------------------------------------------------------------------------

import gzip
import io
import json
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

HOSTILE_URIS = [
    "../../etc/passwd",
    "/etc/passwd",
    "http://example.com/a/../../../../x\x00y",
    "http://example.com/" + "a" * 5000,
    "CON",
]


def page(i: int, marker: str = "") -> bytes:
    """A small article page that extracts quickly and deterministically."""
    return (
        f"<html><head><title>Story {i} - Example</title>"
        f"<link rel='canonical' href='https://example.com/story/{i}'></head><body>{marker}"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Story {i}</h1>"
        f"<p>This is paragraph one of story number {i}, long enough to be prose, with commas, and a full stop.</p>"
        f"<p>Paragraph two of story {i} adds more words so that the article clearly beats the boilerplate around it.</p>"
        f"<p>A third paragraph, for good measure, keeps the text long enough that no second opinion is needed.</p>"
        f"</article><footer>Copyright Example Corp. All rights reserved.</footer></body></html>"
    ).encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes]], record_ids: dict[int, str] | None = None) -> None:
    """A gzipped WARC with a request record before each response: (uri, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for n, (uri, ctype, body) in enumerate(records):
            req = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            extra = {"WARC-Record-ID": record_ids[n]} if record_ids and n in record_ids else None
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict=extra)
            writer.write_record(rec)


def build_mixed(root: Path, *, faults: bool = False) -> dict[str, str]:
    """A folder with every kind of input; returns {report key: expected status}.

    The key is ``path`` for files and ``path#n`` for the n-th page record of a WARC.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "deep.html").write_bytes(page(1))
    (root / "a" / "zipped.html.gz").write_bytes(gzip.compress(page(2), mtime=0))
    (root / "a" / "twin.html").write_bytes(page(3))
    (root / "a" / "twin.htm").write_bytes(page(4))
    (root / "top.xhtml").write_bytes(page(5))
    (root / "empty.html").write_bytes(b"")
    (root / "picture.html").write_bytes(PNG)
    (root / "notes.txt").write_text("not matched by the default globs")
    (root / "bad.html.gz").write_bytes(b"this is not gzip")
    records = [(u, "text/html; charset=utf-8", page(10 + n)) for n, u in enumerate(HOSTILE_URIS)]
    records.insert(2, ("http://example.com/logo.png", "image/png", PNG))
    write_warc(root / "a" / "crawl.warc.gz", records, record_ids={0: "<../../../../tmp/evil>", 1: "/etc/shadow\x00"})
    expected = {
        "a/b/deep.html": "ok",
        "a/crawl.warc.gz#0": "ok",
        "a/crawl.warc.gz#1": "ok",
        "a/crawl.warc.gz#2": "skipped",
        "a/crawl.warc.gz#3": "ok",
        "a/crawl.warc.gz#4": "ok",
        "a/crawl.warc.gz#5": "ok",
        "a/twin.htm": "ok",
        "a/twin.html": "ok",
        "a/zipped.html.gz": "ok",
        "bad.html.gz": "failed",
        "empty.html": "empty",
        "picture.html": "skipped",
        "top.xhtml": "ok",
    }
    if faults:
        (root / "raises.html").write_bytes(page(6, "<!--fault:raise-->"))
        (root / "hangs.html").write_bytes(page(7, "<!--fault:hang-->"))
        (root / "crashes.html").write_bytes(page(8, "<!--fault:crash-->"))
        expected.update({"raises.html": "failed", "hangs.html": "timeout", "crashes.html": "failed"})
    return expected


def read_report(out: Path) -> list[dict]:
    lines = (out / "report.jsonl").read_bytes().splitlines()
    return [json.loads(line) for line in lines]


def report_keys(rows: list[dict]) -> dict[str, dict]:
    """Report rows by key (``path``, or ``path#n`` for WARC records in order); fails on duplicates."""
    out: dict[str, dict] = {}
    counters: dict[str, int] = {}
    for row in rows:
        if row["record"] is None:
            key = row["path"]
        else:
            n = counters.get(row["path"], 0)
            counters[row["path"]] = n + 1
            key = f"{row['path']}#{n}"
        assert key not in out, f"duplicate report line for {key}"
        out[key] = row
    return out


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every output file under root (the report and lock excluded), by relative path."""
    skip = {"report.jsonl", ".unboil.lock"}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() not in skip
    }
