"""How a block's text is compared across the pages of a site: its *line key*.

Two pages of one site print the same chrome with other numbers in it ("64%
of our goal" and "71% of our goal", "14 DAYS LEFT" and "13 DAYS LEFT", "3
comments"), so every run of digits is folded to one ``0`` and case is
ignored.  A long line keeps a readable start and a digest of the whole, so a
template stays small and still readable by a person.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["KEY_CHARS", "KEY_PREFIX_CHARS", "as_key", "fold", "has_words", "line_key"]

KEY_CHARS = 200
"""Folded lines up to this long are their own key: most chrome lines are short, and a
key a person can read is what makes a template editable."""
KEY_PREFIX_CHARS = 120
"""The readable start a longer line keeps in its key, before the digest of the whole line."""
KEY_DIGEST_CHARS = 16
"""Hex digits of a long line's digest (64 bits: no two lines of one site collide)."""
LONG_MARK = "…#"
"""What separates a long line's start from its digest in its key."""

_DIGITS = re.compile(r"\d+")
_LONG_KEY = re.compile(rf"(?s).{{{KEY_PREFIX_CHARS}}}{LONG_MARK}[0-9a-f]{{{KEY_DIGEST_CHARS}}}")
_LETTER = re.compile(r"[^\W\d_]{2}")


def fold(text: str) -> str:
    """Digits folded to ``0``, case and spacing ignored: what repeats when the numbers change."""
    return _DIGITS.sub("0", " ".join(text.lower().split()))


def line_key(text: str) -> str:
    """The key of a block's text (or of a line a person writes into a template)."""
    folded = fold(text)
    if len(folded) <= KEY_CHARS:
        return folded
    digest = hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=KEY_DIGEST_CHARS // 2).hexdigest()
    return folded[:KEY_PREFIX_CHARS] + LONG_MARK + digest


def as_key(entry: str) -> str:
    """The key of a template entry: a long line's key as learned is kept, anything else is a line's text."""
    return entry if _LONG_KEY.fullmatch(entry) else line_key(entry)


def has_words(key: str) -> bool:
    """Whether a key holds a word: a line of bare numbers ("$0.0", "0 / 0") is a product's or a
    table's data once its digits are folded, never chrome recognisable by its text."""
    return _LETTER.search(key) is not None
