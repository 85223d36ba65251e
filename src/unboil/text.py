"""Small text helpers the stages share: cleaning a value, comparing titles, entities.

They live apart from ``metadata`` so that a stage that only compares a title or
cleans a string (``score``) needs none of the metadata package's internals.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["FIELD_LIMIT", "PUNCT", "WS", "clean", "title_key", "unescape"]

WS = re.compile(r"\s+")
FIELD_LIMIT = 10_000
"""Characters of a source read for one field: no title, date or name is longer, and a
wrapper element's whole text (megabytes on a hostile page) must not be cleaned every time."""


def clean(text: str | None) -> str:
    """A value as one line of NFC text: sources differ in spacing and normal form, and a
    comparison must not see that difference."""
    if not text:
        return ""
    return WS.sub(" ", unicodedata.normalize("NFC", text[:FIELD_LIMIT])).strip()


_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def unescape(text: str) -> str:
    """A metadata value with the HTML entities its CMS escaped twice decoded ("Tips &amp;
    Tricks", "TFC8&reg;", "Lunch &#8211; fast"): the markup already decoded them once."""
    return html.unescape(text) if _ENTITY.search(text) else text


_WORDS = re.compile(r"\w+")


def title_key(text: str) -> str:
    """A comparison key for titles: case, quotes, punctuation and spacing ignored."""
    if not text.isascii():  # NFKC leaves ASCII text as it is (most blocks: no need to ask)
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_WORDS.findall(text.lower()))


PUNCT = re.compile(r"[,.;:!?、，。！？]")
"""Sentence punctuation, in Latin and CJK scripts: a block of prose holds some, a menu or
a list of names usually none."""
