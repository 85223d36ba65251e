"""The run's journal: ``report.jsonl`` (and ``articles.jsonl``), the OUT_DIR lock, and resume.

During a run lines go to ``*.part`` files, which replace the old files only
when the run ends; a run killed in the middle leaves the ``.part`` files as
a prefix of the walk.  The next run folds them into the previous complete
files, then reads those in step with the walk (both are in walk order), so
carrying pages forward is a streaming join whose memory does not grow with
the folder.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass
from typing import IO, Any, Iterator, NamedTuple

from ..errors import InputError
from .names import ARTICLES_FILE, LOCK_FILE, PART_SUFFIX, REPORT_FILE, TMP_SUFFIX, explain_name, format_of

__all__ = ["Carried", "Journal", "Lock", "Resume"]


class Lock:
    """An exclusive lock on OUT_DIR, so two runs never write the same report."""

    def __init__(self, out_dir: str) -> None:
        self.fh = open(os.path.join(out_dir, LOCK_FILE), "a+b")
        try:
            import fcntl

            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX
            pass
        except OSError as exc:
            self.fh.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise InputError(f"another unboil run is writing to {out_dir}") from exc
            raise

    def release(self) -> None:
        self.fh.close()


@dataclass
class _OldLine:
    comps: tuple[str, ...]
    record: str | None
    raw: bytes
    data: dict[str, Any]


def _read_lines(path: str) -> Iterator[_OldLine]:
    """Complete, parseable lines of a report or articles file (a torn last line is dropped)."""
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return
    with fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(data, dict) or not isinstance(data.get("path"), str):
                continue
            record = data.get("record")
            yield _OldLine(tuple(data["path"].split("/")), record if isinstance(record, str) else None, raw, data)


class _OldStream:
    """The previous report (or articles file), read in step with the walk."""

    def __init__(self, path: str | None) -> None:
        self._it = _read_lines(path) if path else iter(())
        self._cur = next(self._it, None)

    def take(self, comps: tuple[str, ...], record: str | None) -> _OldLine | None:
        while self._cur is not None and self._cur.comps < comps:
            self._cur = next(self._it, None)
        cur = self._cur
        if cur is not None and cur.comps == comps and cur.record == record:
            self._cur = next(self._it, None)
            return cur
        return None


def _consolidate(part: str, full: str) -> None:
    """Fold what a killed run wrote (``part``, a prefix of the walk) into ``full``."""
    if not os.path.exists(part):
        return
    tmp = full + ".merge" + TMP_SUFFIX
    last: tuple[str, ...] | None = None
    with open(tmp, "wb") as out:
        for line in _read_lines(part):
            out.write(line.raw)
            last = line.comps
        for line in _read_lines(full):
            if last is None or line.comps > last:
                out.write(line.raw)
    mtimes = [os.stat(p).st_mtime_ns for p in (part, full) if os.path.exists(p)]
    os.utime(tmp, ns=(max(mtimes), max(mtimes)))
    os.replace(tmp, full)
    os.unlink(part)


def _sweep_temporaries(out_dir: str) -> None:
    """Remove temporary files a killed run left behind (only after a killed run: a full walk of OUT_DIR costs)."""
    for top, _dirnames, filenames in os.walk(out_dir):
        for name in filenames:
            if name.endswith(TMP_SUFFIX):
                try:
                    os.unlink(os.path.join(top, name))
                except OSError:
                    pass


class Carried(NamedTuple):
    """A page's lines from the previous run, copied unchanged instead of extracting it again."""

    line: bytes
    article: bytes | None
    status: str


class Resume:
    """Decides, page by page in walk order, what a previous run already did well enough to keep.

    It also removes what a previous run wrote in another format: switching
    ``--format`` from ``json`` to ``md`` must not leave the old ``.json``
    outputs beside the new ones, looking current.  An old output is removed
    when its page's line comes up in the walk, only if the old report names
    it and its extension is another format's (this run never writes such a
    file); with ``--force`` too, since resume is not what makes it stale.
    """

    def __init__(self, out_dir: str, fmt: str, enabled: bool, explain: bool = False) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.enabled = enabled
        self.explain = explain
        """Whether this run writes explain reports: a page finished without one is done again."""
        self.report = _OldStream(None)
        self.articles = _OldStream(None)
        self.articles_mtime_ns = -1
        self.removed = 0
        """Old outputs of another format removed so far."""

    def start(self, report_path: str, articles_path: str) -> None:
        """Open the previous complete files (after :meth:`Journal.open` folded any ``.part`` into them)."""
        self.report = _OldStream(report_path)
        if self.fmt == "jsonl":
            try:
                self.articles_mtime_ns = os.stat(articles_path).st_mtime_ns
                self.articles = _OldStream(articles_path)
            except FileNotFoundError:
                pass

    def advance(self, comps: tuple[str, ...], record: str | None) -> None:
        """Step past a record that is decided without resume, to keep the join in step inside a WARC."""
        self._drop_stale(self.report.take(comps, record))
        if self.enabled and self.fmt == "jsonl":
            self.articles.take(comps, record)

    def _drop_stale(self, old: "_OldLine | None") -> None:
        """Remove the old line's output if another format wrote it (``articles.jsonl``: :meth:`Journal.finish`)."""
        output = old.data.get("output") if old is not None else None
        if not isinstance(output, str) or format_of(output) in (None, self.fmt, "jsonl"):
            return
        parts = output.split("/")
        if any(p in ("", ".", "..") for p in parts):
            return  # not a name this tool writes: leave it alone
        path = os.path.join(self.out_dir, *parts)
        try:
            os.unlink(path)
        except OSError:
            return
        self.removed += 1
        parent = os.path.dirname(path)
        while parent != self.out_dir and parent.startswith(self.out_dir + os.sep):
            try:
                os.rmdir(parent)  # a WARC's folder of records, now empty
            except OSError:
                break
            parent = os.path.dirname(parent)

    def carry(
        self, comps: tuple[str, ...], record: str | None, out_rel: str | None, src_mtime_ns: int, template: str | None = None
    ) -> Carried | None:
        """The previous lines when the page was ok or empty with the same output and site template
        (``template``: its digest), at least as new as the input."""
        old = self.report.take(comps, record)
        self._drop_stale(old)
        if not self.enabled:
            return None
        art = self.articles.take(comps, record) if self.fmt == "jsonl" else None
        if old is None or old.data.get("status") not in ("ok", "empty") or old.data.get("output") != out_rel:
            return None
        if old.data.get("template") != template:
            return None
        if self.fmt == "jsonl":
            if art is None or src_mtime_ns > self.articles_mtime_ns:
                return None
            return Carried(old.raw, art.raw, str(old.data["status"]))
        assert out_rel is not None
        try:
            st = os.stat(os.path.join(self.out_dir, *out_rel.split("/")))
        except OSError:
            return None
        if st.st_mtime_ns < src_mtime_ns:
            return None
        if self.explain and not self._has_report(old.data.get("explain"), out_rel):
            return None
        return Carried(old.raw, None, str(old.data["status"]))

    def _has_report(self, report: object, out_rel: str) -> bool:
        return isinstance(report, str) and report == explain_name(out_rel) and os.path.isfile(os.path.join(self.out_dir, *report.split("/")))


class Journal:
    """``report.jsonl`` and ``articles.jsonl`` of one run: written as ``.part`` files, published at the end."""

    def __init__(self, out_dir: str, fmt: str) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.report_path = os.path.join(out_dir, REPORT_FILE)
        self.articles_path = os.path.join(out_dir, ARTICLES_FILE)
        self.report_fh: IO[bytes] | None = None
        self.articles_fh: IO[bytes] | None = None

    def open(self, resume: Resume) -> None:
        """Recover what a killed run left, start ``resume`` on the previous files, and open the ``.part`` files."""
        report_part = self.report_path + PART_SUFFIX
        articles_part = self.articles_path + PART_SUFFIX
        killed = os.path.exists(report_part) or os.path.exists(articles_part)
        if resume.enabled:
            _consolidate(report_part, self.report_path)
            _consolidate(articles_part, self.articles_path)
        resume.start(self.report_path, self.articles_path)
        if killed:
            _sweep_temporaries(self.out_dir)
        self.report_fh = open(report_part, "wb")
        if self.fmt == "jsonl":
            self.articles_fh = open(articles_part, "wb")

    def write(self, line: bytes, article: bytes | None) -> None:
        """One page's lines, article first (and flushed first by :meth:`sync`), so a report line on disk has its article."""
        assert self.report_fh is not None
        if article is not None and self.articles_fh is not None:
            self.articles_fh.write(article)
        self.report_fh.write(line)

    def sync(self) -> None:
        """Push buffered lines to the OS (a kill then loses at most the pages in flight)."""
        for fh in (self.articles_fh, self.report_fh):
            if fh is not None:
                fh.flush()

    def finish(self) -> None:
        """Publish the complete report (and articles file) in place of the old ones."""
        for fh, final in ((self.articles_fh, self.articles_path), (self.report_fh, self.report_path)):
            if fh is None:
                continue
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            os.replace(final + PART_SUFFIX, final)
        self.report_fh = self.articles_fh = None
        if self.fmt != "jsonl":  # a previous run's jsonl output: this run's report no longer points to it
            for stale in (self.articles_path, self.articles_path + PART_SUFFIX):
                try:
                    os.unlink(stale)
                except FileNotFoundError:
                    pass

    def abandon(self) -> None:
        """Close the part files as they are (the next run resumes from them)."""
        for fh in (self.articles_fh, self.report_fh):
            if fh is not None:
                try:
                    fh.close()
                except OSError:
                    pass
        self.report_fh = self.articles_fh = None
