"""The errors unboil raises.

Every failure a caller can see is an :class:`UnboilError`, so a batch over a
million strangers' pages needs exactly one ``except`` clause, and a crash of
lxml or a codec never escapes as something the caller has never heard of.
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
    """The page used up ``Options.time_budget`` seconds."""


class ExtractionError(UnboilError):
    """Extraction failed inside a parser or a stage (the cause is chained)."""
