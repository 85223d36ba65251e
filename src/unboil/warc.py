"""Read the pages out of a WARC file (``.warc`` or ``.warc.gz``) with warcio.

Only ``response`` and ``resource`` records are documents; ``request``,
``metadata``, ``warcinfo``, ``revisit`` and ``conversion`` records are passed
over silently.  A document whose media type is HTML (or is not declared) is a
page; any other document (an image, a PDF, a script...) is returned with a
``skip_reason`` so that a batch can report it without parsing it.

The target URI and the record id are returned as plain data: nothing here turns
them into file names (see :func:`unboil.batch.record_output_name`, which only
ever uses a digest of them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator

__all__ = ["WarcPage", "iter_warc", "HTML_MEDIA_TYPES"]

HTML_MEDIA_TYPES = frozenset({
    "text/html",
    "application/xhtml+xml",
    "application/xhtml",
    "text/xhtml",
    "text/x-server-parsed-html",
})

_DOCUMENT_TYPES = ("response", "resource")


@dataclass(frozen=True)
class WarcPage:
    """One document record of a WARC file.

    ``ordinal`` is the record's position among *all* records of the file
    (0-based), so it is stable whatever the filtering.  ``data`` is the
    decoded HTTP body (chunked and content encodings undone), at most
    ``max_bytes + 1`` bytes, or None when the record is skipped or unreadable;
    ``skip_reason`` says why a non-page document is skipped, ``error`` why a
    record could not be read.
    """

    ordinal: int
    record_id: str | None
    uri: str | None
    data: bytes | None = None
    skip_reason: str | None = None
    error: str | None = None
    charset: str | None = None
    """The charset the HTTP ``Content-Type`` declared, the page's encoding hint (None: the page decides)."""


def _media_type(value: str | None) -> str:
    if not value:
        return ""
    return value.split(";", 1)[0].strip().lower()


def _charset(value: str | None) -> str | None:
    """``charset`` of a ``Content-Type`` value (``text/html; charset="ISO-8859-1"``), or None."""
    for param in (value or "").split(";")[1:]:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            return val.strip().strip("\"'").strip() or None
    return None


def iter_warc(path: "os.PathLike[str] | str", max_bytes: int = 50_000_000) -> Iterator[WarcPage]:
    """Yield every document record of the WARC at ``path``, in file order.

    Raises ``ImportError`` when warcio is missing, and whatever warcio raises
    (``warcio.exceptions.ArchiveLoadFailed``, ``OSError``...) when the file
    stops being readable part-way; the records before that point have been
    yielded.
    """
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        for ordinal, record in enumerate(ArchiveIterator(fh, arc2warc=True)):
            if record.rec_type not in _DOCUMENT_TYPES:
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            uri = record.rec_headers.get_header("WARC-Target-URI")
            http = record.rec_type == "response" and record.http_headers is not None
            declared = (record.http_headers if http else record.rec_headers).get_header("Content-Type")
            media = _media_type(declared)
            if record.rec_type == "response" and not http and media == "application/http":
                media = ""  # an HTTP response without parsed headers: let the content decide
            if media and media not in HTML_MEDIA_TYPES:
                yield WarcPage(ordinal, record_id, uri, skip_reason=f"not an HTML page: WARC record of type {media}")
                continue
            try:
                data = record.content_stream().read(max_bytes + 1)
            except Exception as exc:  # a damaged chunked/gzip body: report the record, go on
                yield WarcPage(ordinal, record_id, uri, error=f"cannot read WARC record: {type(exc).__name__}: {exc}")
                continue
            yield WarcPage(ordinal, record_id, uri, data=data, charset=_charset(declared))
