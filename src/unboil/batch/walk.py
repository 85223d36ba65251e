"""Walking IN_DIR: which files are pages, WARC files or neither, in a fixed order.

The walk order is the order of the report, and resume joins the previous
report with the walk as two sorted streams; so at each level entries are
sorted by name, and symbolic links to directories are not followed (a link
loop must not make the walk endless or its order depend on the filesystem).
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from typing import Iterable, Iterator

from .names import RESERVED_NAMES, output_names

__all__ = ["DEFAULT_INCLUDE", "PAGE_EXTENSIONS", "WARC_EXTENSIONS", "Entry", "Glob", "Walk", "compile_globs", "describe", "inside"]

PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
WARC_EXTENSIONS = (".warc", ".warc.gz")
DEFAULT_INCLUDE: tuple[str, ...] = tuple(
    [f"*{e}" for e in PAGE_EXTENSIONS] + [f"*{e}.gz" for e in PAGE_EXTENSIONS] + [f"*{e}" for e in WARC_EXTENSIONS]
)

# Files that are certainly not pages: reported as skipped without being read.
_NOT_PAGE = frozenset(
    """png jpg jpeg gif webp avif bmp ico tif tiff svg svgz heic psd pdf ps eps zip tar tgz bz2 xz 7z rar
    zst jar apk exe dll so dylib bin iso dmg woff woff2 ttf otf eot mp3 mp4 m4a m4v ogg oga ogv webm wav flac
    aac mov avi mkv wmv flv swf css js mjs map json txt csv tsv md rst doc docx xls xlsx ppt pptx odt ods odp
    epub rtf sqlite db wasm pyc""".split()
)

Glob = tuple[bool, "re.Pattern[str]"]
"""A compiled glob: whether it holds a ``/`` (then it matches the relative path, else the name)."""


def compile_globs(globs: Iterable[str]) -> tuple[Glob, ...]:
    """Globs as case-insensitive regexes: saved pages come from every filesystem's case conventions."""
    out = []
    for g in globs:
        g = g.replace(os.sep, "/")
        out.append(("/" in g, re.compile(fnmatch.translate(g), re.IGNORECASE | re.DOTALL)))
    return tuple(out)


def _matches(globs: tuple[Glob, ...], rel: str, name: str) -> bool:
    return any(pattern.match(rel if with_dir else name) for with_dir, pattern in globs)


def _kind(name: str) -> tuple[str, bool, str]:
    """``(kind, gzipped, stem)`` for a file name: kind is page, warc or other.

    A name without a known extension counts as a page: saved pages often
    have none, and the content decides later whether it is HTML.
    """
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
    return "page", gz, base


def describe(name: str) -> str:
    """How a skip line names a file that is not a page (by its extension, never its content)."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return f".{ext} file" if ext else "unknown file type"


def inside(child: str, parent: str) -> bool:
    """Whether ``child`` lies under ``parent``: OUT_DIR inside IN_DIR must not be walked into."""
    child = os.path.abspath(child)
    parent = os.path.abspath(parent)
    return child != parent and os.path.commonpath([child, parent]) == parent


@dataclass
class Entry:
    """One file found by the walk (or a directory that could not be listed)."""

    comps: tuple[str, ...]
    path: str
    kind: str  # page, warc, other, special, error, dir
    gz: bool = False
    out_name: str | None = None
    mtime_ns: int = 0
    size: int = 0
    error: str | None = None


@dataclass(frozen=True)
class Walk:
    """The matching files under ``in_dir``, in walk order, each with its output name.

    Depth-first with an explicit stack (no recursion limit), each directory
    listed when it is reached: memory holds one listing per open level.
    """

    in_dir: str
    include: tuple[Glob, ...]
    exclude: tuple[Glob, ...]
    skip_dirs: frozenset[str]
    ext: str
    only: str | None = None
    """One file's name in ``in_dir``: the walk is that file alone (``unboil clean page.html -o out``)."""

    def __iter__(self) -> Iterator[Entry]:
        stack = [self._listing((), self.in_dir)]
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
            elif entry.kind == "dir":
                stack.append(self._listing(entry.comps, entry.path))
            else:
                yield entry

    def count(self) -> tuple[int, bool]:
        """Pages to expect and whether a WARC file hides more (then the total is unknown)."""
        n = 0
        has_warc = False
        for e in self:
            if e.kind == "warc":
                has_warc = True
            else:
                n += 1
        return n, has_warc

    def _choose(self, comps: tuple[str, ...], entries: list[os.DirEntry[str]]) -> list[tuple[str, str, bool, str]]:
        """``(name, kind, gz, output name)`` of the entries the globs keep, subdirectories as ``dir``.

        Only small tuples are kept (not the DirEntry objects): a flat folder
        of 100,000 pages costs a few MB here, released when the walk leaves it.
        """
        subdirs: set[str] = set(RESERVED_NAMES) if not comps else set()
        chosen: list[tuple[str, str, bool, str]] = []
        for e in entries:
            if self.only is not None:
                if e.name == self.only:  # named by the user: whatever it is, it gets its line
                    chosen.append((e.name,) + _kind(e.name))
                continue
            rel = "/".join(comps + (e.name,))
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if e.path in self.skip_dirs or _matches(self.exclude, rel, e.name):
                    continue
                subdirs.add(e.name)
                chosen.append((e.name, "dir", False, ""))
            elif _matches(self.include, rel, e.name) and not _matches(self.exclude, rel, e.name):
                chosen.append((e.name,) + _kind(e.name))
        names = output_names([(n, k, s) for n, k, _, s in chosen if k in ("page", "warc")], subdirs, self.ext)
        return [(name, kind, gz, names.pop(name, "")) for name, kind, gz, _stem in chosen]

    def _listing(self, comps: tuple[str, ...], path: str) -> Iterator[Entry]:
        """One directory's entries in name order; subdirectories come as ``dir`` entries."""
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Entry(comps, path, "error", error=f"cannot list directory: {exc.strerror or exc}")
            return
        chosen = self._choose(comps, entries)
        del entries
        for name, kind, gz, out_name in chosen:
            c = comps + (name,)
            full = os.path.join(path, name)
            if kind == "dir":
                yield Entry(c, full, "dir")
                continue
            try:
                st = os.stat(full)  # follows a symbolic link to a file
            except OSError as exc:
                yield Entry(c, full, "error", error=f"cannot stat: {exc.strerror or exc}")
                continue
            if not stat.S_ISREG(st.st_mode):
                yield Entry(c, full, "special", error="not a page: not a regular file")
                continue
            yield Entry(c, full, kind, gz, out_name or None, st.st_mtime_ns, st.st_size)
