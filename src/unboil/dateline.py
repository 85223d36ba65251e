"""The wire dateline that opens a story's body ("KYIV, Ukraine (AP) —").

It is read from the first body paragraph, after segmentation, not from the
metadata: the dateline is part of the text the reader sees.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .article import Block

__all__ = ["find_dateline", "first_dateline"]

DATELINE_READ = 300
"""Characters of the paragraph read: a dateline is short, and a 5 MB paragraph costs a second."""
PLACE_MIN = 3
"""The shortest place name a dateline opens with."""

_DATELINE = re.compile(
    r"^(?P<line>(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,3})"
    r"(?:,\s*[A-Z][\w.'’ -]{1,30}?)?"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?:AP|AFP|Reuters|dpa|UPI|Xinhua|CNN|IANS|PTI|ANI|KNA|epd|APA|SDA|Bloomberg|[A-Z]{2,6})\))?"
    r"\s*(?:—|–|--|-|:))\s+\S"
)


def find_dateline(first_paragraph: str) -> str | None:
    """A wire dateline opening the body ("KYIV, Ukraine (AP) —"), if there is one."""
    m = _DATELINE.match(first_paragraph[:DATELINE_READ])
    if not m:
        return None
    line = m.group("line").strip()
    head = line.split(",")[0].split("(")[0].strip(" —–-:")
    # The place must be written in capitals (that is what makes it a dateline).
    if len(head) < PLACE_MIN or not head.replace(" ", "").replace(".", "").replace("'", "").replace("-", "").isupper():
        return None
    return line


def first_dateline(blocks: Sequence[Block]) -> str | None:
    """The dateline of the article's first paragraph, if one of its first three blocks is a
    paragraph (a heading or a kicker may come before it; the story's own text comes soon)."""
    for block in blocks[:3]:
        if block.kind == "paragraph":
            return find_dateline(block.text)
    return None
