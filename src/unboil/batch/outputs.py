"""Writing page outputs into OUT_DIR, atomically, where the report says they are.

Every output goes to a temporary file in its own directory and is renamed
into place: a run killed at any moment leaves each output either whole or
absent, which is what lets resume trust an output that exists.
"""

from __future__ import annotations

import os
from collections import deque
from typing import NamedTuple

from .names import ARTICLES_FILE, TMP_SUFFIX, explain_name
from .page import Rendered

__all__ = ["DirCache", "Outcome", "atomic_write", "store", "tmp_name"]

TMP_NAME_CHARS = 120
"""Characters of the target's name kept in its temporary name, so the temporary name stays short enough too."""
RECENT_DIRS = 64
"""Directories remembered as created: pages come in walk order, so a few cover a whole subtree."""


class Outcome(NamedTuple):
    """What one page gives the report: its fields, and its ``articles.jsonl`` line for ``jsonl``."""

    status: str
    error: str | None
    output: str | None
    ms: int
    article: bytes | None = None
    truncated: str | None = None
    """What a limit cut from the page, or None: the report line's ``truncated``."""
    site: str | None = None
    """The page's site, or None: the report line's ``site``."""
    explain: str | None = None
    """Where the page's explain report was written, or None: the report line's ``explain``."""
    page_type: str | None = None
    """The page's type (``Article.page_type``), or None: the report line's ``page_type``."""


def tmp_name(path: str, tag: str) -> str:
    """The temporary name of ``path`` for the writer ``tag``; the pool removes it when it kills that writer."""
    head, name = os.path.split(path)
    return os.path.join(head, f".{name[:TMP_NAME_CHARS]}~{tag}{TMP_SUFFIX}")


def atomic_write(path: str, data: bytes, tag: str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory."""
    tmp = tmp_name(path, tag)
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


class DirCache:
    """Remembers the last few directories created, to save a syscall per page."""

    def __init__(self) -> None:
        self._recent: deque[str] = deque(maxlen=RECENT_DIRS)

    def ensure(self, directory: str) -> None:
        if directory in self._recent:
            return
        os.makedirs(directory, exist_ok=True)
        self._recent.append(directory)


def store(result: Rendered, out_dir: str, out_rel: str | None, fmt: str, tag: str, dirs: DirCache) -> Outcome:
    """Write a rendered page (mirrored formats) and give its report fields; a ``jsonl`` line waits for its turn."""
    r = result
    if r.data is None:
        return Outcome(r.status, r.error, None, r.ms, site=r.site, page_type=r.page_type)
    if fmt == "jsonl":
        return Outcome(r.status, r.error, ARTICLES_FILE, r.ms, r.data, r.truncated, r.site, page_type=r.page_type)
    assert out_rel is not None
    target = os.path.join(out_dir, *out_rel.split("/"))
    report_rel = explain_name(out_rel) if r.report is not None else None
    try:
        dirs.ensure(os.path.dirname(target))
        atomic_write(target, r.data, tag)
        if r.report is not None and report_rel is not None:
            atomic_write(os.path.join(out_dir, *report_rel.split("/")), r.report, tag)
    except OSError as exc:
        return Outcome("failed", f"cannot write output {out_rel}: {exc.strerror or exc}", None, r.ms, site=r.site,
                       page_type=r.page_type)
    return Outcome(r.status, r.error, out_rel, r.ms, None, r.truncated, r.site, explain=report_rel, page_type=r.page_type)