"""The wire dateline that opens a story's body ("KYIV, Ukraine (AP) —").

It is read from the first body paragraph, after segmentation, not from the
metadata: the dateline is part of the text the reader sees.  The agencies named
in brackets are the vocabulary's (``[metadata] wire_agencies``); the pattern is
built from them once per vocabulary (see :func:`dateline_pattern`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from .article import Block
    from .lexicon import Lexicon

__all__ = ["dateline_pattern", "find_dateline", "first_dateline"]

DATELINE_READ = 300
"""Characters of the paragraph read: a dateline is short, and a 5 MB paragraph costs a second."""
PLACE_MIN = 3
"""The shortest place name a dateline opens with."""



def dateline_pattern(agencies: Iterable[str]) -> re.Pattern[str]:
    """The pattern of a dateline whose bracketed source is one of ``agencies`` or any short
    run of capitals ("(AP)", "(Reuters)"): a place in capitals, an optional region and
    date, the source, then a dash or colon before the story's first word."""
    names = "".join(f"{re.escape(a)}|" for a in agencies)
    return re.compile(
        r"^(?P<line>(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,3})"
        r"(?:,\s*[A-Z][\w.'’ -]{1,30}?)?"
        r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
        rf"\s*(?:\((?:{names}[A-Z]{{2,6}})\))?"
        r"\s*(?:—|–|--|-|:))\s+\S"
    )


def _default_pattern() -> re.Pattern[str]:
    from .vocabulary import DEFAULT_VOCABULARY  # the vocabulary reads this module: imported when first asked

    return DEFAULT_VOCABULARY.metadata.dateline


def find_dateline(first_paragraph: str, lex: Lexicon | None = None) -> str | None:
    """A wire dateline opening the body ("KYIV, Ukraine (AP) —"), if there is one; the
    agencies are ``lex``'s (a vocabulary's ``metadata``; the shipped one by default)."""
    pattern = lex.dateline if lex is not None else _default_pattern()
    m = pattern.match(first_paragraph[:DATELINE_READ])
    if not m:
        return None
    line = m.group("line").strip()
    head = line.split(",")[0].split("(")[0].strip(" —–-:")
    # The place must be written in capitals (that is what makes it a dateline).
    if len(head) < PLACE_MIN or not head.replace(" ", "").replace(".", "").replace("'", "").replace("-", "").isupper():
        return None
    return line


def first_dateline(blocks: Sequence[Block], lex: Lexicon | None = None) -> str | None:
    """The dateline of the article's first paragraph, if one of its first three blocks is a
    paragraph (a heading or a kicker may come before it; the story's own text comes soon)."""
    for block in blocks[:3]:
        if block.kind == "paragraph":
            return find_dateline(block.text, lex)
    return None
