"""Which site a page belongs to, and which saved pages are the same page.

A page's site is, in order: the host of its URL (a WARC record's
``WARC-Target-URI``); else the host named by the first folder level under the
input folder, when that folder is named like a host (a ``wget`` or HTTrack
mirror keeps each host's pages in a folder named after the host they were
fetched from: their URL's host, whatever address a page declares, so a site
whose docs declare ``docs.example.com`` stays one site); else the host of the
address the page declares about itself (``<link rel=canonical>``, ``og:url``),
read from the raw bytes without parsing; else the first folder level.  A page
at the folder's root with no address has no site.

Hosts are compared without case, port or a leading ``www.``.
"""

from __future__ import annotations

import re
from typing import Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["HEAD_BYTES", "declared_url", "page_identity", "site_of", "url_host"]

HEAD_BYTES = 262_144
"""Bytes of a page searched for the address it declares: ``<link rel=canonical>`` and
``og:url`` sit in the head, which is rarely longer (inline styles and scripts included)."""

_TAG = re.compile(rb"<(link|meta)\b([^>]{0,2000})>", re.IGNORECASE)
_ATTR = re.compile(rb"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|amp|print|output|outputtype)$", re.I)
"""Query parameters that make another address for the same page: campaign tags, AMP and print switches."""
_HOST_NAME = re.compile(r"(?i)(?:[a-z0-9-]+\.)+[a-z]{2,}")
"""A folder name that is a host name (a ``wget`` or HTTrack mirror's)."""
_COPY_SUFFIX = re.compile(r"(/amp|/print|\.amp|/amp\.html)$", re.I)


def url_host(url: str | None) -> str | None:
    """The host of an http(s) address, lowercased, without port and ``www.``; None for anything else."""
    url = (url or "").strip()
    if url.startswith("//"):
        url = "http:" + url
    if not re.match(r"(?i)https?://", url):
        return None
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # a malformed address ("http://[oops")
        return None
    host = host.lower().removeprefix("www.")
    return host if "." in host and re.fullmatch(r"[\w.-]+", host) else None


def declared_url(data: bytes | str) -> str | None:
    """The address a page declares about itself, canonical link first, then ``og:url``; read cheaply."""
    head = data[:HEAD_BYTES]
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else head
    og = None
    for match in _TAG.finditer(raw):
        attrs = {k.lower(): v.strip(b"\"'").strip() for k, v in _ATTR.findall(match.group(2))}
        if match.group(1).lower() == b"link":
            if b"canonical" in attrs.get(b"rel", b"").lower().split() and attrs.get(b"href"):
                return attrs[b"href"].decode("utf-8", "replace")
        elif og is None and (attrs.get(b"property") or attrs.get(b"name") or b"").lower() == b"og:url":
            og = attrs.get(b"content", b"").decode("utf-8", "replace") or None
    return og


def site_of(url: str | None, data: bytes | str | None, comps: Sequence[str] = ()) -> str | None:
    """The site of a page (see the module docstring); ``comps`` is its path under the input folder."""
    host = url_host(url)
    if host is None and len(comps) > 1 and _HOST_NAME.fullmatch(comps[0]):
        host = url_host("http://" + comps[0])
    host = host or (url_host(declared_url(data)) if data else None)
    if host:
        return host
    if len(comps) > 1:
        return comps[0]
    return None


def page_identity(url: str | None, data: bytes | str | None) -> str | None:
    """An address that is the same for every save of one page: its print and AMP copies and
    campaign-tagged variants declare, or are, the same address once these are taken off."""
    address = (declared_url(data) if data else None) or url
    if not address or url_host(address) is None:
        return None
    parts = urlsplit(address.strip())
    path = _COPY_SUFFIX.sub("", parts.path.rstrip("/")).rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    return f"{url_host(address)}{path}" + (f"?{query}" if query else "")
