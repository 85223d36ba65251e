"""The errors unboil raises.

Every failure a caller can see is an :class:`UnboilError`, so a batch over a
million strangers' pages needs exactly one ``except`` clause, and a crash of
lxml or a codec never escapes as something the caller has never heard of.

What is *not* an error: an empty, blank or boilerplate-only page is an empty
:class:`~unboil.Article` with ``empty_reason``; a page past ``max_elements``,
``max_depth`` or a markup cap of :mod:`unboil.scan` is cut and extracted (the
rest is ignored, and ``Article.truncated`` says what was cut).  The errors::

    UnboilError
    ├── InputError (also a ValueError)   wrong type, unreadable file, corrupt .gz
    │   ├── NotHTMLError                 an image, a PDF, binary noise
    │   └── PageTooLargeError            over Options.max_bytes, refused unread
    ├── ExtractionTimeout (also a TimeoutError)   over Options.time_budget
    └── ExtractionError                  a stage crashed (a bug: the cause is chained)
"""

from __future__ import annotations

__all__ = [
    "UnboilError",
    "InputError",
    "NotHTMLError",
    "PageTooLargeError",
    "ExtractionTimeout",
    "ExtractionError",
]


class UnboilError(Exception):
    """Root of everything unboil raises on purpose."""


class InputError(UnboilError, ValueError):
    """The input is not something unboil can read (wrong type, unreadable file)."""


class NotHTMLError(InputError):
    """The bytes are not an HTML page (an image, a PDF, binary noise)."""


class PageTooLargeError(InputError):
    """The page exceeds ``Options.max_bytes``; raised before any parsing."""


class ExtractionTimeout(UnboilError, TimeoutError):
    """The page used up ``Options.time_budget`` CPU seconds."""


class ExtractionError(UnboilError):
    """Extraction failed inside a parser or a stage (the cause is chained).

    Any exception a stage lets escape becomes this one, whatever its type: it
    means a bug in unboil (or a crash in a library), never a bad page, and the
    property-based tests treat it as a failure."""
