"""Which URLs an :class:`~unboil.Article` may carry: web addresses only.

A page's metadata is the page author's text: an ``og:image`` of
``javascript:alert(1)`` or ``data:text/html,...`` would become live the moment
a consumer puts ``Article.image`` in an ``<img src>`` or a link.  Browsers
read a URL after dropping surrounding spaces and control characters and every
tab and newline inside (``java\\tscript:`` is ``javascript:``), so the scheme is
read the same way here before it is judged.
"""

from __future__ import annotations

import re

__all__ = ["web_url"]

WEB_SCHEMES = frozenset({"http", "https"})
"""The schemes a URL of the article may have; a URL with no scheme is relative and kept."""

_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def web_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) or relative URL, else None."""
    if value is None:
        return None
    url = _IGNORED.sub("", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13"
                                       "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \t\n\r"))
    scheme = _SCHEME.match(url)
    if scheme is not None and scheme.group(1).lower() not in WEB_SCHEMES:
        return None
    return value
