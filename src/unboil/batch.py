"""Clean a whole folder of saved pages, locally or on a Dask cluster, losing nothing.

    >>> report = unboil.clean_folder("mirror/", "clean/", workers=4)
    >>> report.ok, report.failed, report.pages_per_second

This is what ``unboil clean`` runs.  The design in a few lines:

**Inputs.**  The folder is walked recursively in a fixed order (at each level,
entries sorted by name; symbolic links to directories are not followed).
``.html .htm .xhtml .shtml`` files, gzipped or not, are pages; every HTML
``response``/``resource`` record of a ``.warc``/``.warc.gz`` file is a page
whose url is its ``WARC-Target-URI``.  Any other file that the include globs
match (an image, a PDF...) gets a ``skipped`` report line and is not parsed.

**Outputs.**  ``a/b/page.html`` gives ``OUT_DIR/a/b/page.json`` (``.txt``,
``.md``); pages of one directory whose names would give the same output name
(``page.html`` and ``page.htm``) keep their full name (``page.html.json``).
A WARC record ``a/crawl.warc.gz`` #17 gives
``OUT_DIR/a/crawl/r000017-<digest>.json``: the digest is a SHA-256 of the
record id and target URI, so no URI text ever reaches a file name.  With
``format="jsonl"`` every article is one line of ``OUT_DIR/articles.jsonl``,
in walk order.  JSON outputs are ``{"path", "record", **Article.to_dict()}``.
Every output is written to a temporary file in the same directory and renamed
into place, and outputs hold no timestamps: a page always gives the same bytes.

**Report.**  ``OUT_DIR/report.jsonl`` has exactly one line per input page, in
walk order: ``path`` (relative to IN_DIR), ``record`` (WARC record id or
null), ``status`` (``ok``, ``empty``, ``skipped``, ``failed``, ``timeout``),
``error`` (the failure message, the skip reason or the empty reason, else
null), ``output`` (relative to OUT_DIR, or null) and ``ms``.  During a run the
lines go to ``report.jsonl.part`` (and articles to ``articles.jsonl.part``);
the finished files replace the old ones at the end of the run.

**Resume.**  With ``resume=True`` (the default) a page is *carried forward*,
its previous report line copied unchanged and the page not extracted again,
when the previous report says ``ok`` or ``empty`` with the same output, and
that output is at least as new as the input (for ``jsonl``: its line is in the
previous ``articles.jsonl``, which is at least as new as the input).  Every
other page (failed, timed out, skipped, new, changed, or without a report
line) is done again.  A run killed in the middle leaves ``*.part`` files
holding a prefix of the walk; the next run first merges them with the
previous complete files, so no finished page is lost, then carries forward
and finishes the rest.  Because both the walk and the report are in the same
order, the merge is a streaming join: memory does not grow with the folder.
``resume=False`` does every page again.

**Workers.**  The local engine runs its own pool of worker processes, one
page in flight per worker: a page that runs past ``timeout`` seconds gets a
``timeout`` line and its worker is killed and replaced; a worker that dies
(a crash in a C library, the OOM killer) gets its page a ``failed`` line and
is replaced.  Results are written to the report in walk order through a
bounded reordering window, so at most a few thousand small results are ever
held in memory.  The Dask engine (``engine="dask"``) ships each page's bytes
to the cluster and writes the rendered result itself, so the cluster needs no
access to IN_DIR or OUT_DIR; the outputs and report are identical.

**Test hook.**  ``clean_folder(..., _extract="module:function")`` (and the
CLI's ``UNBOIL_TEST_EXTRACT`` environment variable) replaces
:func:`unboil.extract` in the workers; it exists only so tests can make pages
raise, hang or crash a worker.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import importlib
import json
import os
import re
import stat
import sys
import threading
import time
import zlib
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any, Callable, Iterable, Iterator, Sequence

from .article import Article
from .errors import ExtractionTimeout, InputError, NotHTMLError, UnboilError
from .options import DEFAULT_OPTIONS, Options

__all__ = [
    "Report",
    "clean_folder",
    "extract_bag",
    "extract_one",
    "DEFAULT_INCLUDE",
    "FORMATS",
    "STATUSES",
    "record_output_name",
]

FORMATS = ("json", "jsonl", "txt", "md")
STATUSES = ("ok", "empty", "skipped", "failed", "timeout")
PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
WARC_EXTENSIONS = (".warc", ".warc.gz")
DEFAULT_INCLUDE: tuple[str, ...] = tuple(
    [f"*{e}" for e in PAGE_EXTENSIONS] + [f"*{e}.gz" for e in PAGE_EXTENSIONS] + [f"*{e}" for e in WARC_EXTENSIONS]
)
DEFAULT_TIMEOUT = 30.0

# Files that are certainly not pages: reported as skipped without being read.
_NOT_PAGE = frozenset(
    """png jpg jpeg gif webp avif bmp ico tif tiff svg svgz heic psd pdf ps eps zip tar tgz bz2 xz 7z rar
    zst jar apk exe dll so dylib bin iso dmg woff woff2 ttf otf eot mp3 mp4 m4a m4v ogg oga ogv webm wav flac
    aac mov avi mkv wmv flv swf css js mjs map json txt csv tsv md rst doc docx xls xlsx ppt pptx odt ods odp
    epub rtf sqlite db wasm pyc""".split()
)

_REPORT = "report.jsonl"
_ARTICLES = "articles.jsonl"
_PART = ".part"
_LOCK = ".unboil.lock"
_TMP_SUFFIX = ".unboil-tmp"
_RESERVED = frozenset({_REPORT, _REPORT + _PART, _ARTICLES, _ARTICLES + _PART, _LOCK})
_MAX_NAME = 240  # bytes; most filesystems allow 255, and temp names add a little
_STARTUP_GRACE = 60.0  # seconds a fresh worker may take to import unboil
_TIMEOUT_GRACE = 1.0  # the soft budget inside extract() gets the first chance


# ---------------------------------------------------------------------------
# The result of a run
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """What a :func:`clean_folder` run did.

    ``pages`` counts report lines (``ok + empty + skipped + failed +
    timeouts``); ``resumed`` counts the pages among them carried forward from
    a previous run; ``pages_per_second`` is over the pages actually handled
    in this run (``pages - resumed``).
    """

    pages: int = 0
    ok: int = 0
    empty: int = 0
    skipped: int = 0
    failed: int = 0
    timeouts: int = 0
    resumed: int = 0
    elapsed: float = 0.0
    pages_per_second: float = 0.0
    out_dir: str = ""

    @property
    def exit_code(self) -> int:
        """0 when every page was handled, 1 when some failed or timed out."""
        return 1 if (self.failed or self.timeouts) else 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        resumed = f" ({self.resumed} resumed from a previous run)" if self.resumed else ""
        return (
            f"{self.pages} pages{resumed}: {self.ok} ok, {self.empty} empty, {self.skipped} skipped, "
            f"{self.failed} failed, {self.timeouts} timeouts; {self.elapsed:.1f} s, "
            f"{self.pages_per_second:.1f} pages/s; report: {os.path.join(self.out_dir, _REPORT)}"
        )


# ---------------------------------------------------------------------------
# One page: shared by the local workers, the Dask tasks and extract_bag
# ---------------------------------------------------------------------------


def _resolve_extract(spec: str | None) -> Callable[..., Article]:
    if not spec:
        from .extract import extract

        return extract
    module, _, name = spec.partition(":")
    fn = getattr(importlib.import_module(module), name)
    return fn  # type: ignore[no-any-return]


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data (all members), stopping past ``limit`` bytes (a gzip bomb stops there)."""
    parts: list[bytes] = []
    size = 0
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = d.decompress(data, limit + 1 - size)
        except zlib.error as exc:
            if parts:  # trailing garbage after a complete member, as gzip(1) tolerates
                break
            raise InputError(f"not a valid gzip file: {exc}") from exc
        parts.append(chunk)
        size += len(chunk)
        if size > limit or d.unconsumed_tail:
            break
        data = d.unused_data
    return b"".join(parts)


def _read_page(path: str, gz: bool, options: Options) -> bytes:
    """The file's bytes as stored (still gzipped); a plain file is read to ``max_bytes + 1`` at most."""
    try:
        with open(path, "rb") as fh:
            return fh.read() if gz else fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def _classify(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, NotHTMLError):
        return "skipped", str(exc)
    if isinstance(exc, (ExtractionTimeout, TimeoutError)):
        return "timeout", str(exc) or "time budget exceeded"
    if isinstance(exc, UnboilError):
        return "failed", str(exc) or type(exc).__name__
    return "failed", f"internal error: {type(exc).__name__}: {exc}"


def _document(article: Article, rel: str, record: str | None) -> dict[str, Any]:
    doc: dict[str, Any] = {"path": rel, "record": record}
    doc.update(article.to_dict())
    return doc


def _render(article: Article, rel: str, record: str | None, fmt: str) -> bytes:
    if fmt == "json":
        text = json.dumps(_document(article, rel, record), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = json.dumps(_document(article, rel, record), ensure_ascii=False) + "\n"
    elif fmt == "txt":
        text = article.text + "\n" if article.blocks else ""
    elif fmt == "md":
        text = article.to_markdown()
    else:  # pragma: no cover - checked by clean_folder
        raise ValueError(f"unknown format {fmt!r}")
    # Undecodable file names survive as escapes instead of failing the page.
    return text.encode("utf-8", "backslashreplace")


def _extract_page(
    extract_fn: Callable[..., Article], data: bytes, gz: bool, url: str | None, options: Options
) -> Article:
    if gz:
        data = _gunzip(data, options.max_bytes)
    if len(data) > options.max_bytes:
        from .errors import PageTooLargeError

        raise PageTooLargeError(f"page exceeds max_bytes={options.max_bytes}")
    return extract_fn(data, url, options=options)


def _process(
    extract_fn: Callable[..., Article],
    options: Options,
    fmt: str,
    rel: str,
    record: str | None,
    url: str | None,
    *,
    path: str | None = None,
    data: bytes | None = None,
    gz: bool = False,
) -> tuple[str, str | None, bytes | None, int]:
    """Extract and render one page: ``(status, error, rendered bytes or None, ms)``; never raises."""
    start = time.perf_counter()
    try:
        if data is None:
            assert path is not None
            data = _read_page(path, gz, options)
        article = _extract_page(extract_fn, data, gz, url, options)
        rendered = _render(article, rel, record, fmt)
        status, error = ("ok", None) if article.blocks else ("empty", article.empty_reason or "no article text")
    except Exception as exc:  # every failure becomes a report line; the run goes on
        status, error = _classify(exc)
        rendered = None
    return status, error, rendered, int((time.perf_counter() - start) * 1000)


def _tmp_name(path: str, tag: str) -> str:
    head, name = os.path.split(path)
    return os.path.join(head, f".{name[:120]}~{tag}{_TMP_SUFFIX}")


def _atomic_write(path: str, data: bytes, tag: str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory."""
    tmp = _tmp_name(path, tag)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class _DirCache:
    """Remembers the last few directories created, to save a syscall per page."""

    def __init__(self) -> None:
        self._recent: deque[str] = deque(maxlen=64)

    def ensure(self, directory: str) -> None:
        if directory in self._recent:
            return
        os.makedirs(directory, exist_ok=True)
        self._recent.append(directory)


def _store(
    result: tuple[str, str | None, bytes | None, int], out_dir: str, out_rel: str | None, fmt: str, tag: str, dirs: _DirCache
) -> tuple[str, str | None, str | None, int, bytes | None]:
    """Write a rendered page (mirrored formats) and give the report fields plus the jsonl line."""
    status, error, rendered, ms = result
    if rendered is None:
        return status, error, None, ms, None
    if fmt == "jsonl":
        return status, error, _ARTICLES, ms, rendered
    assert out_rel is not None
    target = os.path.join(out_dir, *out_rel.split("/"))
    try:
        dirs.ensure(os.path.dirname(target))
        _atomic_write(target, rendered, tag)
    except OSError as exc:
        return "failed", f"cannot write output {out_rel}: {exc.strerror or exc}", None, ms, None
    return status, error, out_rel, ms, None


# ---------------------------------------------------------------------------
# Walking the folder
# ---------------------------------------------------------------------------


def _compile_globs(globs: Iterable[str]) -> list[tuple[bool, re.Pattern[str]]]:
    out = []
    for g in globs:
        g = g.replace(os.sep, "/")
        out.append(("/" in g, re.compile(fnmatch.translate(g), re.IGNORECASE | re.DOTALL)))
    return out


def _matches(globs: list[tuple[bool, re.Pattern[str]]], rel: str, name: str) -> bool:
    for with_dir, pattern in globs:
        if pattern.match(rel if with_dir else name):
            return True
    return False


def _kind(name: str) -> tuple[str, bool, str]:
    """``(kind, gzipped, stem)`` for a file name: kind is page, warc or other."""
    lower = name.lower()
    for ext in WARC_EXTENSIONS:
        if lower.endswith(ext) and len(name) > len(ext):
            return "warc", ext.endswith(".gz"), name[: -len(ext)]
    gz = lower.endswith(".gz")
    base = name[:-3] if gz else name
    lbase = base.lower()
    for ext in PAGE_EXTENSIONS:
        if lbase.endswith(ext) and len(base) > len(ext):
            return "page", gz, base[: -len(ext)]
    ext = lbase.rsplit(".", 1)[-1] if "." in lbase else ""
    if ext in _NOT_PAGE:
        return "other", gz, base
    return "page", gz, base  # no known extension: let the content decide


def _digest(text: str, n: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _fit(name: str, ext: str) -> str:
    """Shorten an over-long output name deterministically."""
    if len((name + ext).encode("utf-8", "surrogateescape")) <= _MAX_NAME:
        return name + ext
    short = name.encode("utf-8", "surrogateescape")[:150].decode("utf-8", "ignore")
    return f"{short}~{_digest(name)}{ext}"


def _output_names(files: list[tuple[str, str, str]], taken: set[str], ext: str) -> dict[str, str]:
    """Output names for the pages and WARC files of one directory, without collisions.

    ``files`` is ``(name, kind, stem)``: a page wants ``stem + ext``, a WARC
    file the directory ``stem``.  A name wanted twice, or already ``taken``
    (by a subdirectory, or reserved), falls back to the full input name, and
    a digest of the input name settles whatever still collides.
    """
    def wanted(base: str, kind: str) -> str:
        return _fit(base, "" if kind == "warc" else ext)

    first = {name: wanted(stem, kind) for name, kind, stem in files}
    claims: dict[str, int] = {}
    for w in first.values():
        claims[w] = claims.get(w, 0) + 1
    used = set(taken)
    result: dict[str, str] = {}
    for name, kind, _stem in files:
        w = first[name]
        if claims[w] > 1 or w in taken:
            w = wanted(name, kind)
        if w in used:
            w = f"{w}~{_digest(name)}" if kind == "warc" else f"{w[: len(w) - len(ext)]}~{_digest(name)}{ext}"
        used.add(w)
        result[name] = w
    return result


def record_output_name(ordinal: int, record_id: str | None, uri: str | None, ext: str) -> str:
    """The file name of a WARC record's output: its position and a digest, never URI text."""
    key = f"{record_id or ''}\x00{uri or ''}"
    return f"r{ordinal:06d}-{_digest(key, 16)}{ext}"


@dataclass
class _Entry:
    """One file found by the walk (or a directory that could not be listed)."""

    comps: tuple[str, ...]
    path: str
    kind: str  # page, warc, other, special, error
    gz: bool = False
    out_name: str | None = None
    mtime_ns: int = 0
    size: int = 0
    error: str | None = None


def _listing(
    comps: tuple[str, ...],
    path: str,
    include: list[tuple[bool, re.Pattern[str]]],
    exclude: list[tuple[bool, re.Pattern[str]]],
    skip_dirs: set[str],
    ext: str,
) -> Iterator[_Entry]:
    """One directory's entries in name order; subdirectories come as ``dir`` entries."""
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _Entry(comps, path, "error", error=f"cannot list directory: {exc.strerror or exc}")
        return
    subdirs: set[str] = set(_RESERVED) if not comps else set()
    # Only small tuples are kept (not the DirEntry objects): a flat folder of
    # 100,000 pages costs a few MB here, released when the walk leaves it.
    chosen: list[tuple[str, str, bool, str]] = []
    for e in entries:
        rel = "/".join(comps + (e.name,))
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            if e.path in skip_dirs or _matches(exclude, rel, e.name):
                continue
            subdirs.add(e.name)
            chosen.append((e.name, "dir", False, ""))
        elif _matches(include, rel, e.name) and not _matches(exclude, rel, e.name):
            chosen.append((e.name,) + _kind(e.name))
    del entries
    names = _output_names([(n, k, s) for n, k, _, s in chosen if k in ("page", "warc")], subdirs, ext)
    for i, (name, kind, gz, _stem) in enumerate(chosen):
        chosen[i] = (name, kind, gz, names.pop(name, ""))
    del names
    for name, kind, gz, out_name in chosen:
        c = comps + (name,)
        full = os.path.join(path, name)
        if kind == "dir":
            yield _Entry(c, full, "dir")
            continue
        try:
            st = os.stat(full)  # follows a symbolic link to a file
        except OSError as exc:
            yield _Entry(c, full, "error", error=f"cannot stat: {exc.strerror or exc}")
            continue
        if not stat.S_ISREG(st.st_mode):
            yield _Entry(c, full, "special", error="not a page: not a regular file")
            continue
        yield _Entry(c, full, kind, gz, out_name or None, st.st_mtime_ns, st.st_size)


def _walk(
    in_dir: str,
    include: list[tuple[bool, re.Pattern[str]]],
    exclude: list[tuple[bool, re.Pattern[str]]],
    skip_dirs: set[str],
    ext: str,
) -> Iterator[_Entry]:
    """Yield the matching files under ``in_dir`` in walk order (see the module docstring).

    Depth-first with an explicit stack (no recursion limit), each directory
    listed when it is reached: memory holds one listing per open level.
    """
    stack = [_listing((), in_dir, include, exclude, skip_dirs, ext)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.kind == "dir":
            stack.append(_listing(entry.comps, entry.path, include, exclude, skip_dirs, ext))
        else:
            yield entry


# ---------------------------------------------------------------------------
# Resume: streaming join with the previous report
# ---------------------------------------------------------------------------


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
    tmp = full + ".merge" + _TMP_SUFFIX
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
    """Remove temporary files a killed run left behind (only after a killed run)."""
    for top, dirnames, filenames in os.walk(out_dir):
        for name in filenames:
            if name.endswith(_TMP_SUFFIX):
                try:
                    os.unlink(os.path.join(top, name))
                except OSError:
                    pass


# ---------------------------------------------------------------------------
# Work items
# ---------------------------------------------------------------------------


@dataclass
class _Item:
    comps: tuple[str, ...]
    record: str | None
    out_rel: str | None = None
    # exactly one of: a decided line, a carried line, or a task
    status: str | None = None
    error: str | None = None
    carried: tuple[bytes, bytes | None, str] | None = None
    path: str | None = None
    data: bytes | None = None
    gz: bool = False
    url: str | None = None

    @property
    def rel(self) -> str:
        return "/".join(self.comps)

    @property
    def is_task(self) -> bool:
        return self.status is None and self.carried is None


class _Progress:
    """A tqdm bar on a terminal, a plain line every ``interval`` seconds otherwise."""

    def __init__(self, mode: Any, interval: float, count: Callable[[], tuple[int, bool]] | None) -> None:
        self.enabled = bool(mode)
        self.bar = None
        self.interval = interval
        self.start = time.monotonic()
        self.last = self.start
        self.total: int | None = None
        self.counts: dict[str, int] = {}
        self._counter: threading.Thread | None = None
        if not self.enabled:
            return
        tty = mode == "bar" or (mode in (True, "auto") and sys.stderr.isatty())
        if tty:
            try:
                from tqdm import tqdm

                try:
                    size = os.get_terminal_size(sys.stderr.fileno())
                except (OSError, ValueError):
                    size = os.terminal_size((0, 0))
                sized = size.columns > 0 and size.lines > 0  # a pty without a size hides tqdm's bar
                self.bar = tqdm(
                    total=None, unit="page", file=sys.stderr, smoothing=0.05,
                    dynamic_ncols=sized, ncols=None if sized else 100, nrows=None if sized else 20,
                )
            except ImportError:
                self.bar = None
        if count is not None:
            def run() -> None:
                try:
                    n, has_warc = count()
                except Exception:
                    return
                if not has_warc:
                    self.total = n

            self._counter = threading.Thread(target=run, name="unboil-count", daemon=True)
            self._counter.start()

    def update(self, n: int, counts: dict[str, int], fresh: int) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            if self.total is not None and self.bar.total != self.total:
                self.bar.total = self.total
                self.bar.refresh()
            self.counts = counts
            self.bar.update(n - self.bar.n)
            now = time.monotonic()
            if now - self.last >= 1.0:
                self.last = now
                self._postfix(refresh=False)
            return
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        print(self.line(counts, fresh), file=sys.stderr, flush=True)

    def line(self, counts: dict[str, int], fresh: int) -> str:
        elapsed = max(1e-9, time.monotonic() - self.start)
        rate = fresh / elapsed
        done = sum(counts.values())
        eta = ""
        if self.total is not None and rate > 0 and self.total >= done:
            left = int((self.total - done) / rate)
            eta = f", ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"
        of = f"/{self.total}" if self.total is not None else ""
        return (
            f"unboil: {done}{of} pages, {rate:.1f} pages/s{eta} (ok {counts['ok']}, empty {counts['empty']}, "
            f"skipped {counts['skipped']}, failed {counts['failed']}, timeouts {counts['timeout']})"
        )

    def _postfix(self, refresh: bool) -> None:
        c = self.counts
        if self.bar is not None and c:
            self.bar.set_postfix_str(
                f"ok {c['ok']}, empty {c['empty']}, skipped {c['skipped']}, failed {c['failed']}, timeouts {c['timeout']}",
                refresh=refresh,
            )

    def close(self) -> None:
        if self.bar is not None:
            self._postfix(refresh=True)
            self.bar.close()


class _Job:
    """The run's state: the walk, the resume join, the ordered writers and the counts."""

    def __init__(
        self,
        in_dir: str,
        out_dir: str,
        fmt: str,
        include: Sequence[str],
        exclude: Sequence[str],
        resume: bool,
        options: Options,
        window: int,
    ) -> None:
        self.in_dir = in_dir
        self.out_dir = out_dir
        self.fmt = fmt
        self.ext = "" if fmt == "jsonl" else "." + fmt
        self.include = _compile_globs(include)
        self.exclude = _compile_globs(exclude)
        self.resume = resume
        self.options = options
        self.window = window
        self.counts = {s: 0 for s in STATUSES}
        self.resumed = 0
        self.fresh = 0
        self.next_seq = 0
        self.next_write = 0
        self.buffer: dict[int, tuple[bytes, bytes | None, str, bool]] = {}
        skip = {os.path.abspath(out_dir)} if _inside(out_dir, in_dir) else set()
        self.skip_dirs = skip
        self.report_path = os.path.join(out_dir, _REPORT)
        self.articles_path = os.path.join(out_dir, _ARTICLES)
        self.report_fh: Any = None
        self.articles_fh: Any = None
        self.old_report = _OldStream(None)
        self.old_articles = _OldStream(None)
        self.articles_mtime_ns = -1
        self.progress: _Progress | None = None

    # -- setup / teardown ------------------------------------------------------
    def open(self) -> None:
        report_part = self.report_path + _PART
        articles_part = self.articles_path + _PART
        killed = os.path.exists(report_part) or os.path.exists(articles_part)
        if self.resume:
            _consolidate(report_part, self.report_path)
            _consolidate(articles_part, self.articles_path)
            self.old_report = _OldStream(self.report_path)
            if self.fmt == "jsonl":
                try:
                    self.articles_mtime_ns = os.stat(self.articles_path).st_mtime_ns
                    self.old_articles = _OldStream(self.articles_path)
                except FileNotFoundError:
                    pass
        if killed:
            _sweep_temporaries(self.out_dir)
        self.report_fh = open(report_part, "wb")
        if self.fmt == "jsonl":
            self.articles_fh = open(articles_part, "wb")

    def finish(self) -> None:
        """Publish the complete report (and articles file) in place of the old ones."""
        for fh, final in ((self.articles_fh, self.articles_path), (self.report_fh, self.report_path)):
            if fh is None:
                continue
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            os.replace(final + _PART, final)
        self.report_fh = self.articles_fh = None

    def abandon(self) -> None:
        """Close the part files as they are (the next run resumes from them)."""
        for fh in (self.articles_fh, self.report_fh):
            if fh is not None:
                try:
                    fh.close()
                except OSError:
                    pass
        self.report_fh = self.articles_fh = None

    # -- the walk -------------------------------------------------------------
    def count(self) -> tuple[int, bool]:
        n = 0
        has_warc = False
        for e in _walk(self.in_dir, self.include, self.exclude, self.skip_dirs, self.ext):
            if e.kind == "warc":
                has_warc = True
            else:
                n += 1
        return n, has_warc

    def items(self) -> Iterator[_Item]:
        for e in _walk(self.in_dir, self.include, self.exclude, self.skip_dirs, self.ext):
            if e.kind == "error":
                yield _Item(e.comps, None, status="failed", error=e.error)
            elif e.kind in ("special", "other"):
                reason = e.error or f"not a page: {_describe(e.comps[-1])}"
                yield _Item(e.comps, None, status="skipped", error=reason)
            elif e.kind == "warc":
                yield from self._warc_items(e)
            else:
                out_rel = self._out_rel(e.comps[:-1], e.out_name)
                item = _Item(e.comps, None, out_rel, path=e.path, gz=e.gz)
                item.carried = self._carry(e.comps, None, out_rel, e.mtime_ns)
                yield item

    def _out_rel(self, parent: tuple[str, ...], name: str | None) -> str | None:
        if self.fmt == "jsonl":
            return _ARTICLES
        assert name is not None
        return "/".join(parent + (name,))

    def _warc_items(self, e: _Entry) -> Iterator[_Item]:
        try:
            from .warc import iter_warc

            records = iter_warc(e.path, self.options.max_bytes)
            for rec in records:
                out_rel = None
                if self.fmt != "jsonl":
                    assert e.out_name is not None
                    name = record_output_name(rec.ordinal, rec.record_id, rec.uri, self.ext)
                    out_rel = "/".join(e.comps[:-1] + (e.out_name, name))
                else:
                    out_rel = _ARTICLES
                if rec.skip_reason is not None or rec.error is not None:
                    self._advance(e.comps, rec.record_id)  # keeps the join in step inside the WARC
                    status = "skipped" if rec.skip_reason is not None else "failed"
                    yield _Item(e.comps, rec.record_id, status=status, error=rec.skip_reason or rec.error)
                else:
                    item = _Item(e.comps, rec.record_id, out_rel, data=rec.data, url=rec.uri)
                    item.carried = self._carry(e.comps, rec.record_id, out_rel, e.mtime_ns)
                    if item.carried is not None:
                        item.data = None
                    yield item
        except ImportError:
            yield _Item(e.comps, None, status="failed", error="reading WARC files needs warcio: pip install 'unboil[batch]'")
        except Exception as exc:
            yield _Item(e.comps, None, status="failed", error=f"cannot read WARC file: {type(exc).__name__}: {exc}")

    def _advance(self, comps: tuple[str, ...], record: str | None) -> None:
        if self.resume:
            self.old_report.take(comps, record)
            if self.fmt == "jsonl":
                self.old_articles.take(comps, record)

    def _carry(
        self, comps: tuple[str, ...], record: str | None, out_rel: str | None, src_mtime_ns: int
    ) -> tuple[bytes, bytes | None, str] | None:
        if not self.resume:
            return None
        old = self.old_report.take(comps, record)
        art = self.old_articles.take(comps, record) if self.fmt == "jsonl" else None
        if old is None or old.data.get("status") not in ("ok", "empty") or old.data.get("output") != out_rel:
            return None
        if self.fmt == "jsonl":
            if art is None or src_mtime_ns > self.articles_mtime_ns:
                return None
            return old.raw, art.raw, str(old.data["status"])
        assert out_rel is not None
        try:
            st = os.stat(os.path.join(self.out_dir, *out_rel.split("/")))
        except OSError:
            return None
        if st.st_mtime_ns < src_mtime_ns:
            return None
        return old.raw, None, str(old.data["status"])

    # -- results, in walk order -------------------------------------------------
    def room(self) -> bool:
        return self.next_seq - self.next_write < self.window

    def take_seq(self) -> int:
        seq = self.next_seq
        self.next_seq += 1
        return seq

    def deliver_item(self, seq: int, item: _Item) -> None:
        """An item decided without a worker: carried forward, or skipped/failed by the walk."""
        if item.carried is not None:
            line, art, status = item.carried
            self.buffer[seq] = (line, art, status, True)
        else:
            assert item.status is not None
            self.deliver(seq, item, (item.status, item.error, None, 0, None))

    def deliver(self, seq: int, item: _Item, fields: tuple[str, str | None, str | None, int, bytes | None]) -> None:
        status, error, output, ms, art = fields
        line = json.dumps(
            {"path": item.rel, "record": item.record, "status": status, "error": error, "output": output, "ms": ms}
        ).encode("ascii") + b"\n"
        self.buffer[seq] = (line, art, status, False)

    def flush(self) -> None:
        wrote = False
        while self.next_write in self.buffer:
            line, art, status, carried = self.buffer.pop(self.next_write)
            if art is not None and self.articles_fh is not None:
                self.articles_fh.write(art)
            self.report_fh.write(line)
            self.counts[status if status in self.counts else "failed"] += 1
            if carried:
                self.resumed += 1
            else:
                self.fresh += 1
            self.next_write += 1
            wrote = True
        if wrote and self.progress is not None:
            self.progress.update(self.next_write, self.counts, self.fresh)

    def sync(self) -> None:
        """Push buffered lines to the OS (a kill then loses at most the pages in flight)."""
        for fh in (self.articles_fh, self.report_fh):
            if fh is not None:
                fh.flush()


def _describe(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return f".{ext} file" if ext else "unknown file type"


def _inside(child: str, parent: str) -> bool:
    child = os.path.abspath(child)
    parent = os.path.abspath(parent)
    return child != parent and os.path.commonpath([child, parent]) == parent


# ---------------------------------------------------------------------------
# The local engine: our own pool, so that a hung worker can be killed alone
# ---------------------------------------------------------------------------


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when the main process dies."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:  # pragma: no cover - best effort
            pass


def _worker_entry(fd: int) -> None:
    """Entry point of a worker process started by :class:`_LocalWorker` (POSIX)."""
    from multiprocessing.connection import Connection

    _worker_loop(Connection(fd))


def _worker_loop(conn: Any) -> None:
    import signal

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's business
    try:
        _, sys_path, parent_pid, out_dir, fmt, options, extract_spec = conn.recv()
    except (EOFError, OSError):
        return
    sys.path[:] = sys_path  # the same imports as the main process (the test hook needs it)
    if os.getppid() != parent_pid:
        return
    extract_fn = _resolve_extract(extract_spec)
    dirs = _DirCache()
    tag = str(os.getpid())
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, rel, record, path, data, gz, url, out_rel = msg
        result = _process(extract_fn, options, fmt, rel, record, url, path=path, data=data, gz=gz)
        if os.getppid() != parent_pid:  # orphaned: write nothing more
            return
        fields = _store(result, out_dir, out_rel, fmt, tag, dirs)
        try:
            conn.send(("done", seq, fields))
        except (OSError, ValueError):
            return


class _LocalWorker:
    """One worker process and its connection.

    On POSIX the worker is a fresh interpreter (``python -c``) talking over a
    socket pair: unlike multiprocessing's spawn it never re-imports the
    caller's ``__main__``, so ``clean_folder`` works from any script, a
    notebook or stdin.  Elsewhere multiprocessing's spawn context is used.
    """

    def __init__(self, init: tuple[Any, ...]) -> None:
        self.ready = False
        self.seq: int | None = None
        self.item: _Item | None = None
        self.deadline: float | None = None
        self.done = 0
        self._mp: Any = None
        if os.name == "posix":
            import socket
            import subprocess
            from multiprocessing.connection import Connection

            ours, theirs = socket.socketpair()
            fd = theirs.fileno()
            env = dict(os.environ)
            package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
            self._popen = subprocess.Popen(
                [sys.executable, "-c", f"from unboil.batch import _worker_entry; _worker_entry({fd})"],
                pass_fds=(fd,), stdin=subprocess.DEVNULL, env=env,
            )
            theirs.close()
            self.conn = Connection(ours.detach())
            self.pid = self._popen.pid
        else:  # pragma: no cover - Windows
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            ours, theirs = ctx.Pipe(duplex=True)
            self._mp = ctx.Process(target=_worker_loop, args=(theirs,), daemon=True, name="unboil-worker")
            self._mp.start()
            theirs.close()
            self.conn = ours
            self.pid = self._mp.pid
        self.conn.send(("init", list(sys.path)) + init)

    def kill(self) -> None:
        try:
            if self._mp is not None:  # pragma: no cover
                self._mp.kill()
            else:
                self._popen.kill()
        except OSError:
            pass

    def join(self, timeout: float | None = None) -> int | None:
        """Wait for the process to end; its exit code (negative: killed by that signal), or None."""
        if self._mp is not None:  # pragma: no cover
            self._mp.join(timeout)
            return self._mp.exitcode  # type: ignore[no-any-return]
        try:
            return self._popen.wait(timeout)
        except Exception:
            return None


class _LocalPool:
    def __init__(
        self,
        job: _Job,
        workers: int,
        timeout: float | None,
        extract_spec: str | None,
        max_tasks: int,
    ) -> None:
        self.job = job
        self.size = max(1, workers)
        self.timeout = timeout
        self.max_tasks = max_tasks
        self.init = (os.getpid(), job.out_dir, job.fmt, job.options, extract_spec)
        self.workers: list[_LocalWorker] = []

    def _idle(self) -> _LocalWorker | None:
        for w in self.workers:
            if w.seq is None:
                if w.done >= self.max_tasks:
                    self._retire(w)
                    return self._idle()
                return w
        if len(self.workers) < self.size:
            w = _LocalWorker(self.init)
            self.workers.append(w)
            return w
        return None

    def has_capacity(self) -> bool:
        return any(w.seq is None for w in self.workers) or len(self.workers) < self.size

    def busy(self) -> int:
        return sum(1 for w in self.workers if w.seq is not None)

    def submit(self, seq: int, item: _Item) -> None:
        message = (seq, item.rel, item.record, item.path, item.data, item.gz, item.url, item.out_rel)
        while True:
            w = self._idle()
            assert w is not None
            try:
                w.conn.send(message)
                break
            except (OSError, ValueError):  # the worker died while idle: replace it
                w.kill()
                w.join(timeout=5)
                self._remove(w)
        w.seq, w.item = seq, item
        if self.timeout:
            w.deadline = time.monotonic() + self.timeout + _TIMEOUT_GRACE + (0 if w.ready else _STARTUP_GRACE)
        item.data = None  # the worker has it now

    def poll(self, wait_for: float) -> None:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.seq is not None]
        if not busy:
            return
        now = time.monotonic()
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        if deadlines:
            wait_for = max(0.0, min(wait_for, min(deadlines) - now))
        by_conn = {w.conn: w for w in busy}
        for conn in wait(list(by_conn), timeout=wait_for):
            w = by_conn[conn]
            while True:
                try:
                    msg = conn.recv()
                except (EOFError, OSError):
                    self._lost(w)
                    break
                if msg[0] == "ready":
                    w.ready = True
                    if self.timeout and w.seq is not None:
                        w.deadline = time.monotonic() + self.timeout + _TIMEOUT_GRACE
                else:
                    _, seq, fields = msg
                    assert seq == w.seq and w.item is not None
                    self.job.deliver(seq, w.item, fields)
                    w.seq, w.item, w.deadline = None, None, None
                    w.done += 1
                try:
                    if not conn.poll():
                        break
                except (EOFError, OSError):
                    self._lost(w)
                    break
        now = time.monotonic()
        for w in list(self.workers):
            if w.seq is not None and w.deadline is not None and now > w.deadline:
                self._timed_out(w)

    def _remove(self, w: _LocalWorker) -> None:
        if w in self.workers:
            self.workers.remove(w)
        try:
            w.conn.close()
        except OSError:
            pass

    def _cleanup_tmp(self, w: _LocalWorker) -> None:
        item = w.item
        if item is not None and item.out_rel and self.job.fmt != "jsonl":
            target = os.path.join(self.job.out_dir, *item.out_rel.split("/"))
            try:
                os.unlink(_tmp_name(target, str(w.pid)))
            except OSError:
                pass

    def _lost(self, w: _LocalWorker) -> None:
        code = w.join(timeout=5)
        if code is None:
            w.kill()
            w.join(timeout=5)
        if w.seq is not None and w.item is not None:
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            self._cleanup_tmp(w)
            self.job.deliver(w.seq, w.item, ("failed", f"worker process died ({how})", None, 0, None))
        self._remove(w)

    def _timed_out(self, w: _LocalWorker) -> None:
        w.kill()
        w.join(timeout=5)
        self._cleanup_tmp(w)
        assert w.seq is not None and w.item is not None
        ms = int((self.timeout or 0) * 1000)
        self.job.deliver(w.seq, w.item, ("timeout", f"no result after {self.timeout:g} s: worker killed and replaced", None, ms, None))
        self._remove(w)

    def _retire(self, w: _LocalWorker) -> None:
        try:
            w.conn.send(None)
        except OSError:
            pass
        if w.join(timeout=5) is None:
            w.kill()
            w.join(timeout=5)
        self._remove(w)

    def close(self, kill: bool = False) -> None:
        for w in list(self.workers):
            if kill or w.seq is not None:
                w.kill()
                w.join(timeout=5)
                self._remove(w)
            else:
                self._retire(w)


# ---------------------------------------------------------------------------
# The Dask engine
# ---------------------------------------------------------------------------


_DASK_CACHE: dict[str, Callable[..., Article]] = {}


def _dask_task(
    data: bytes, gz: bool, url: str | None, rel: str, record: str | None, fmt: str, options: Options | float | None, extract_spec: str | None
) -> tuple[str, str | None, bytes | None, int]:
    """One page on a Dask worker: bytes in, rendered bytes out (the client writes them)."""
    fn = _DASK_CACHE.get(extract_spec or "")
    if fn is None:
        fn = _DASK_CACHE[extract_spec or ""] = _resolve_extract(extract_spec)
    if not isinstance(options, Options):
        options = DEFAULT_OPTIONS.but(time_budget=options) if options else DEFAULT_OPTIONS
    return _process(fn, options, fmt, rel, record, url, data=data, gz=gz)


def _dask_client(scheduler: Any, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError("engine='dask' needs dask.distributed: pip install 'unboil[dask]'") from exc
    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None  # a Client the caller owns
    if scheduler:
        return Client(scheduler), None
    import logging

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    return Client(cluster), cluster


class _DaskPool:
    def __init__(
        self, job: _Job, scheduler: Any, workers: int, timeout: float | None, extract_spec: str | None, options: Options | None
    ) -> None:
        self.job = job
        self.client, self.cluster = _dask_client(scheduler, workers)
        self.owns_client = self.client is not scheduler
        threads = sum(self.client.nthreads().values()) or workers
        self.limit = max(1, 2 * threads)
        self.timeout = timeout
        self.extract_spec = extract_spec
        # Default options travel as a number (the time budget), custom ones once, scattered.
        if options is None:
            self.options: Any = timeout
        else:
            self.options = self.client.scatter(options, broadcast=True)
        self.inflight: dict[Any, tuple[int, _Item, float]] = {}
        self.dirs = _DirCache()
        self.tag = f"{os.getpid()}d"

    def has_capacity(self) -> bool:
        return len(self.inflight) < self.limit

    def busy(self) -> int:
        return len(self.inflight)

    def submit(self, seq: int, item: _Item) -> None:
        data, gz = item.data, item.gz
        if data is None:
            assert item.path is not None
            try:
                data = _read_page(item.path, gz, self.job.options)
            except InputError as exc:
                self.job.deliver(seq, item, ("failed", str(exc), None, 0, None))
                return
        item.data = None
        fut = self.client.submit(
            _dask_task, data, gz, item.url, item.rel, item.record, self.job.fmt, self.options, self.extract_spec,
            pure=False, key=f"unboil-page-{seq}-{os.getpid()}-{id(item):x}",
        )
        # Under Dask a task cannot be killed: after twice the timeout (queueing
        # included) the page is reported as timed out and the run goes on.
        deadline = time.monotonic() + 2 * self.timeout + _TIMEOUT_GRACE if self.timeout else float("inf")
        self.inflight[fut] = (seq, item, deadline)

    def poll(self, wait_for: float) -> None:
        from distributed import wait

        if not self.inflight:
            return
        try:
            done, _ = wait(list(self.inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
        except TimeoutError:
            done = set()
        except Exception:  # distributed raises its own TimeoutError subclasses on some versions
            done = set()
        for fut in done:
            seq, item, _ = self.inflight.pop(fut)
            try:
                result = fut.result()
            except Exception as exc:
                self.job.deliver(seq, item, ("failed", f"dask task failed: {type(exc).__name__}: {exc}", None, 0, None))
                continue
            self.job.deliver(seq, item, _store(result, self.job.out_dir, item.out_rel, self.job.fmt, self.tag, self.dirs))
        now = time.monotonic()
        for fut, (seq, item, deadline) in list(self.inflight.items()):
            if now > deadline:
                del self.inflight[fut]
                fut.cancel()
                ms = int(2 * (self.timeout or 0) * 1000)
                self.job.deliver(seq, item, ("timeout", f"no result from the Dask cluster after {2 * (self.timeout or 0):g} s", None, ms, None))

    def close(self, kill: bool = False) -> None:
        for fut in list(self.inflight):
            fut.cancel()
        self.inflight.clear()
        if self.owns_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# ---------------------------------------------------------------------------
# The public entry points
# ---------------------------------------------------------------------------


class _Lock:
    """An exclusive lock on OUT_DIR, so two runs never write the same report."""

    def __init__(self, out_dir: str) -> None:
        self.fh = open(os.path.join(out_dir, _LOCK), "a+b")
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


def clean_folder(
    in_dir: "os.PathLike[str] | str",
    out_dir: "os.PathLike[str] | str",
    *,
    format: str = "json",
    workers: int | None = None,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    timeout: float | None = DEFAULT_TIMEOUT,
    resume: bool = True,
    engine: str = "local",
    scheduler: Any = None,
    progress: Any = False,
    options: Options | None = None,
    _extract: str | None = None,
    _max_tasks_per_worker: int = 2000,
    _window: int | None = None,
    _progress_interval: float = 10.0,
) -> Report:
    """Extract every page under ``in_dir`` into ``out_dir``; see the module docstring.

    ``format``: ``json`` (default), ``jsonl``, ``txt`` or ``md``.  ``workers``:
    processes (local engine) or Dask workers of a local cluster; default
    ``os.cpu_count()``.  ``include``/``exclude``: shell globs matched,
    case-insensitively, against the file name (or the path relative to
    ``in_dir`` when the glob holds a ``/``); ``include`` replaces
    :data:`DEFAULT_INCLUDE`, ``exclude`` also prunes directories.
    ``timeout``: seconds per page (None: no limit).  ``resume``: carry forward
    the pages a previous run finished.  ``engine``: ``local`` or ``dask``;
    ``scheduler``: a Dask scheduler address or a ``distributed.Client``
    (None: a ``LocalCluster`` of ``workers`` processes).  ``progress``:
    False, True/"auto" (a bar on a terminal, plain lines otherwise), "bar" or
    "lines".

    Page failures never raise: they are report lines.  Raises
    :class:`~unboil.errors.InputError` when the run cannot start (missing
    ``in_dir``, ``out_dir`` inside-out, another run on ``out_dir``, unknown
    format or engine, Dask missing).
    """
    in_dir = os.path.abspath(os.fspath(in_dir))
    out_dir = os.path.abspath(os.fspath(out_dir))
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}: choose from {', '.join(FORMATS)}")
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: choose local or dask")
    if not os.path.isdir(in_dir):
        raise InputError(f"not a directory: {in_dir}")
    try:
        with os.scandir(in_dir):
            pass
    except OSError as exc:
        raise InputError(f"cannot list {in_dir}: {exc.strerror or exc}") from exc
    if in_dir == out_dir:
        raise InputError("the output directory must differ from the input directory")
    if timeout is not None and timeout <= 0:
        timeout = None
    workers = max(1, workers or os.cpu_count() or 1)
    base = options or DEFAULT_OPTIONS
    if timeout:
        base = base.but(time_budget=timeout)
    os.makedirs(out_dir, exist_ok=True)
    lock = _Lock(out_dir)
    start = time.monotonic()
    job = _Job(
        in_dir, out_dir, format, tuple(include) if include else DEFAULT_INCLUDE, tuple(exclude), resume, base,
        _window or max(512, 32 * workers),
    )
    pool: Any = None
    finished = False
    try:
        job.open()
        job.progress = _Progress(progress, _progress_interval, job.count if progress else None)
        if engine == "local":
            pool = _LocalPool(job, workers, timeout, _extract, _max_tasks_per_worker)
        else:
            pool = _DaskPool(job, scheduler, workers, timeout, _extract, options if options is not None else None)
        _drive(job, pool)
        pool.close()
        pool = None
        job.finish()
        finished = True
    finally:
        if pool is not None:
            pool.close(kill=True)
        if not finished:
            job.abandon()
        if job.progress is not None:
            job.progress.close()
        lock.release()
    elapsed = time.monotonic() - start
    pages = job.next_write
    return Report(
        pages=pages,
        ok=job.counts["ok"],
        empty=job.counts["empty"],
        skipped=job.counts["skipped"],
        failed=job.counts["failed"],
        timeouts=job.counts["timeout"],
        resumed=job.resumed,
        elapsed=round(elapsed, 3),
        pages_per_second=round(job.fresh / elapsed, 2) if elapsed > 0 else 0.0,
        out_dir=out_dir,
    )


def _drive(job: _Job, pool: Any) -> None:
    """Feed the pool from the walk, within the window, until every item has its line."""
    items = job.items()
    pending: tuple[int, _Item] | None = None
    exhausted = False
    last_sync = time.monotonic()
    while True:
        while True:
            if pending is not None:
                if not pool.has_capacity():
                    break
                pool.submit(*pending)
                pending = None
            if exhausted or not job.room():
                break
            item = next(items, None)
            if item is None:
                exhausted = True
                break
            seq = job.take_seq()
            if item.is_task:
                pending = (seq, item)
            else:
                job.deliver_item(seq, item)
        job.flush()
        if exhausted and pending is None and pool.busy() == 0:
            break
        pool.poll(0.5)
        job.flush()
        now = time.monotonic()
        if now - last_sync > 1.0:
            job.sync()
            last_sync = now
    assert not job.buffer, "every page has its report line"


# ---------------------------------------------------------------------------
# Dask bags and single pages
# ---------------------------------------------------------------------------


_EMPTY_DOC = Article().to_dict()


def extract_one(page: Any, url: str | None = None, *, options: Options | None = None) -> dict[str, Any]:
    """Extract one page and never raise: ``Article.to_dict()`` plus ``status`` and ``error``.

    ``page`` is bytes or str (the page itself) or an ``os.PathLike`` (a file,
    gunzipped when its name ends in ``.gz``).  Every returned dict has the same
    keys, so a bag of them converts straight to a dataframe.
    """
    opts = options or DEFAULT_OPTIONS
    from .extract import extract

    try:
        if isinstance(page, os.PathLike):
            name = os.fspath(page)
            gz = name.lower().endswith(".gz")
            article = _extract_page(extract, _read_page(name, gz, opts), gz, url, opts)
        else:
            article = extract(page, url, options=opts)
    except Exception as exc:
        status, error = _classify(exc)
        doc = dict(_EMPTY_DOC)
        doc["url"] = url
        doc.update(status=status, error=error)
        return doc
    doc = article.to_dict()
    doc.update(status="ok" if article.blocks else "empty", error=None if article.blocks else article.empty_reason)
    return doc


def _bag_element(element: Any, options: Options | None) -> dict[str, Any]:
    if isinstance(element, tuple):
        page, url = (element + (None,))[:2]
    elif isinstance(element, dict):
        page, url = element.get("source", element.get("html")), element.get("url")
    else:
        page, url = element, None
    return extract_one(page, url, options=options)


def extract_bag(bag: Any, *, options: Options | None = None) -> Any:
    """Map :func:`extract_one` over a ``dask.bag`` of pages; a bag of dicts comes back.

    Elements are a page (bytes, str, or ``pathlib.Path``), a ``(page, url)``
    tuple, or a dict with ``source`` and ``url``::

        import dask.bag as db
        pages = db.from_sequence([(path, None) for path in paths], npartitions=8)
        df = unboil.batch.extract_bag(pages).to_dataframe()
    """
    return bag.map(_bag_element, options=options)
