"""The few tree operations the stages share, on plain ``lxml.etree`` elements.

Pages are parsed with ``lxml.etree``'s HTML parser, not ``lxml.html``: the
latter looks up a Python element class for every element the code touches,
which cost about a tenth of an extraction.  These helpers give the three
``lxml.html`` conveniences the stages need, for any lxml element.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

__all__ = ["text_of", "drop_tree", "drop_tag", "text_size"]

_STRING = etree.XPath("string()")
_SIZE = etree.XPath("string-length(normalize-space())")


def text_of(el: Any) -> str:
    """All text under ``el`` (tails of its children included, its own tail not)."""
    return str(_STRING(el))


def text_size(el: Any) -> int:
    """Characters of text under ``el``, whitespace runs counted once: one libxml2 call,
    no Python string built, so it is cheap enough to ask of any candidate element."""
    return int(_SIZE(el))


def _append_text(parent: Any, previous: Any, text: str) -> None:
    """Put ``text`` where an element between ``previous`` and its next sibling was."""
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def drop_tree(el: Any) -> None:
    """Remove ``el`` and everything under it, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        _append_text(parent, el.getprevious(), el.tail)
    parent.remove(el)


def drop_tag(el: Any) -> None:
    """Remove ``el`` but keep its text and children in its place."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if el.text and isinstance(el.tag, str):
        _append_text(parent, previous, el.text)
    if el.tail:
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + el.tail
        else:
            # el.text (if any) went to previous/parent already; the tail follows it.
            _append_text(parent, previous, el.tail)
    index = parent.index(el)
    parent[index : index + 1] = list(el)
