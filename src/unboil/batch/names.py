"""Every name a run gives a file in OUT_DIR, decided from input names alone.

Output names are a pure function of the names in one input directory, so a
second run (or a resumed one) finds each page's output where the first run
put it, and no URI or record id text ever reaches a file name.
"""

from __future__ import annotations

import hashlib
import os

from ..render import TEXT_FORMATS

__all__ = [
    "REPORT_FILE",
    "ARTICLES_FILE",
    "LINES_FILE",
    "TEMPLATES_DIR",
    "PART_SUFFIX",
    "LOCK_FILE",
    "TMP_SUFFIX",
    "RESERVED_NAMES",
    "EXPLAIN_SUFFIX",
    "digest",
    "explain_name",
    "extension",
    "format_of",
    "output_names",
    "record_output_name",
]

REPORT_FILE = "report.jsonl"
ARTICLES_FILE = "articles.jsonl"
LINES_FILE = ".unboil-lines.jsonl"
"""The first pass's journal when templates are learned: each page's site and line keys."""
TEMPLATES_DIR = "templates"
"""The folder of learned site templates, ``templates/<site>.json``."""
PART_SUFFIX = ".part"
LOCK_FILE = ".unboil.lock"
TMP_SUFFIX = ".unboil-tmp"
RESERVED_NAMES = frozenset(
    {REPORT_FILE, REPORT_FILE + PART_SUFFIX, ARTICLES_FILE, ARTICLES_FILE + PART_SUFFIX, LOCK_FILE,
     LINES_FILE, LINES_FILE + PART_SUFFIX, TEMPLATES_DIR}
)
"""Names at the top of OUT_DIR that no page's output may take."""

MAX_NAME_BYTES = 240
"""Longest output name in bytes: most filesystems allow 255, and temporary names add a little."""
SHORT_NAME_BYTES = 150
"""Bytes of an over-long name kept in front of its digest."""
NAME_DIGEST_CHARS = 10
"""Hex digits of the digest that tells colliding or shortened names apart."""
RECORD_DIGEST_CHARS = 16
"""Hex digits of a WARC record's digest: records of one file must never collide."""


EXPLAIN_SUFFIX = ".explain.html"
"""Appended to a page's output name for its explain report (``page.json`` -> ``page.json.explain.html``)."""


def explain_name(output: str) -> str:
    """Where a page's explain report goes: beside its output, named after it."""
    return output + EXPLAIN_SUFFIX


def extension(fmt: str) -> str:
    """The file extension of a mirrored output in ``fmt`` (``jsonl`` has none: one file holds every article)."""
    return "" if fmt == "jsonl" else TEXT_FORMATS.get(fmt, "." + fmt)


_BY_EXTENSION = sorted(((extension(f), f) for f in ("json", *TEXT_FORMATS)), key=lambda x: -len(x[0]))
"""Output extensions, longest first (``.tei.xml`` before ``.xml``)."""


def format_of(output: str) -> str | None:
    """The format a previous run wrote ``output`` in (``output`` as its report line gives it), or None."""
    if output == ARTICLES_FILE:
        return "jsonl"
    name = os.path.basename(output)
    for ext, fmt in _BY_EXTENSION:
        if name.endswith(ext) and len(name) > len(ext):
            return fmt
    return None


def digest(text: str, n: int = NAME_DIGEST_CHARS) -> str:
    """A short stable digest; ``surrogatepass`` so undecodable file names still hash."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _fit(name: str, ext: str) -> str:
    """Shorten an over-long output name deterministically, so every run picks the same one."""
    if len((name + ext).encode("utf-8", "surrogateescape")) <= MAX_NAME_BYTES:
        return name + ext
    short = name.encode("utf-8", "surrogateescape")[:SHORT_NAME_BYTES].decode("utf-8", "ignore")
    return f"{short}~{digest(name)}{ext}"


def output_names(files: list[tuple[str, str, str]], taken: set[str], ext: str) -> dict[str, str]:
    """Output names for the pages and WARC files of one directory, without collisions.

    ``files`` is ``(name, kind, stem)``: a page wants ``stem + ext``, a WARC
    file the directory ``stem``.  A name wanted twice, or already ``taken``
    (by a subdirectory, or reserved), falls back to the full input name, and
    a digest of the input name settles whatever still collides.  The result
    does not depend on the order of ``files``, only on the names.
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
            w = f"{w}~{digest(name)}" if kind == "warc" else f"{w[: len(w) - len(ext)]}~{digest(name)}{ext}"
        used.add(w)
        result[name] = w
    return result


def record_output_name(ordinal: int, record_id: str | None, uri: str | None, ext: str) -> str:
    """The file name of a WARC record's output: its position and a digest, never URI text."""
    key = f"{record_id or ''}\x00{uri or ''}"
    return f"r{ordinal:06d}-{digest(key, RECORD_DIGEST_CHARS)}{ext}"
