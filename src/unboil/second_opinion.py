"""readability-lxml as a second opinion, asked only when our own choice is weak.

readability-lxml is slow (it rescores the whole page) and it mutates the tree
it is given, so it gets a serialised copy of our pruned body, never a tree
anyone else holds, and only when the scorer kept too little text to trust.
"""

from __future__ import annotations

import logging
from typing import Any

from lxml import etree, html as lxml_html

from .blocks import RawBlock, segment
from .load import PARSER_OPTIONS
from .options import Options

__all__ = ["readability_blocks"]


def readability_blocks(body: Any, options: Options) -> list[RawBlock]:
    """The blocks of readability's main-content choice, or [] if it has none."""
    try:
        from readability import Document
    except ImportError:  # pragma: no cover - a declared dependency, but stay usable without it
        return []
    page = etree.tostring(body, encoding="unicode", method="html")
    if len(page) < 200:
        return []
    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    try:
        summary = Document(page).summary(html_partial=True)
    except Exception:  # readability raises its own Unparseable and assorted errors
        return []
    if not summary or not summary.strip():
        return []
    try:
        tree = lxml_html.fragment_fromstring(summary, create_parent="div", parser=etree.HTMLParser(**PARSER_OPTIONS))
    except (etree.LxmlError, ValueError, AssertionError):  # "too many bodies" on a summary of "<html></html>"
        return []
    return [b for b in segment(tree, options.max_depth, options.include_tables)[0] if b.link_density <= 0.6]
