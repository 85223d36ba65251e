"""Saved pages read from disk: the one reader ``extract_file``, ``extract(path)`` and ``unboil clean`` share.

So a file fails the same way one at a time and in a batch: only regular files,
bounded by ``Options.max_bytes`` before and after gunzipping (a gzip bomb
costs no more than a big page), every failure an :class:`~unboil.errors.InputError`.
"""

from __future__ import annotations

import os
import stat
import zlib

from .errors import InputError, PageTooLargeError
from .options import Options

__all__ = ["read_page", "read_path", "read_stored", "unpack_page"]

_GZIP_WBITS = 16 + zlib.MAX_WBITS
"""zlib's window setting that expects (and checks) a gzip header and trailer."""


def _gunzip(data: bytes, limit: int) -> bytes:
    """All gzip members, stopped past ``limit`` bytes (a gzip bomb costs no more than a big page)."""
    parts: list[bytes] = []
    size = 0
    while data:
        d = zlib.decompressobj(_GZIP_WBITS)
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


def read_stored(path: "os.PathLike[str] | str", gz: bool, options: Options) -> bytes:
    """A saved page's bytes as stored (still gzipped), for callers that ship them before unpacking.

    Only regular files are read (a FIFO would block forever); a plain file is
    refused by its size unread, then read to ``max_bytes + 1`` at most so a
    file that grows meanwhile cannot pass either (:func:`unpack_page` bounds a
    gzipped one).  Messages name no path: a batch report line holds it.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("cannot read: not a regular file")
        if not gz and info.st_size > options.max_bytes:
            raise PageTooLargeError(f"page exceeds max_bytes={options.max_bytes}")
        with open(path, "rb") as fh:
            return fh.read() if gz else fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def unpack_page(data: bytes, gz: bool, options: Options) -> bytes:
    """The page itself from its stored bytes: gunzipped, and refused past ``max_bytes``."""
    if gz:
        data = _gunzip(data, options.max_bytes)
    if len(data) > options.max_bytes:
        raise PageTooLargeError(f"page exceeds max_bytes={options.max_bytes}")
    return data


def read_page(
    path: "os.PathLike[str] | str", options: Options, gz: bool | None = None, *, name_in_errors: bool = False
) -> bytes:
    """A saved page (plain or ``.gz``) from disk, bounded by ``max_bytes``; raises :class:`InputError` or a subclass.

    The one reader of saved pages, so ``extract``, ``extract_file`` and
    ``unboil clean`` refuse the same files for the same reasons.  ``gz``
    defaults to what the file name says.  Messages name the file only with
    ``name_in_errors``: a batch report line already holds the path.
    """
    gz = os.fspath(path).lower().endswith(".gz") if gz is None else gz
    try:
        return unpack_page(read_stored(path, gz, options), gz, options)
    except InputError as exc:
        if not name_in_errors:
            raise
        raise type(exc)(f"{os.fspath(path)}: {exc}") from exc


def read_path(path: "os.PathLike[str] | str", options: Options) -> bytes:
    """A page file given to :func:`load` as a path: read as stored (never gunzipped), errors naming the file.

    The caller of ``extract(path)`` may be going through many files, so the
    message says which; a gzipped file is not unpacked here and fails as
    "not an HTML page", as any other binary file does.
    """
    return read_page(path, options, gz=False, name_in_errors=True)
