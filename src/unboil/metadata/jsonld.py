"""JSON-LD: the publisher's own structured record of the page.

Read leniently: pages wrap it in comments and CDATA, break it with raw newlines
and trailing commas, and nest the article in ``@graph`` or ``mainEntity``.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator

from .words import PRIORITY_TYPES

__all__ = ["Items", "jsonld_items", "types", "names", "prioritized", "iter_dates"]

Items = list[dict[str, Any]]
ITEMS_LIMIT = 200
"""Items read from a page's JSON-LD: an article is among the first, a catalogue has thousands."""
NAME_DEPTH = 8
"""Levels a name is looked for in: names nest a level or two; JSON may nest a thousand."""

_JSON_WRAPPER = re.compile(r"^\s*(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?|(?://|/\*)?\s*\]\]>(?:\s*\*/)?\s*$|^\s*<!--|-->\s*$")
"""Guards some pages wrap their JSON-LD in, for old XHTML parsers: CDATA sections and comments."""
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _load(raw: str) -> Any:
    """A block's JSON, or None; the common breakage (raw newlines or trailing commas inside
    strings) repaired once.  RecursionError: "[[[[..." nested past the stack."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        try:
            return json.loads(_TRAILING_COMMA.sub(r"\1", raw.replace("\n", " ")))
        except (ValueError, RecursionError):
            return None


def _flatten(data: Any, items: Items) -> None:
    """Every object of a block, in reading order, ``@graph`` and ``mainEntity`` opened."""
    stack = [data]
    while stack and len(items) < ITEMS_LIMIT:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            items.append(node)
            graph = node.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
            main = node.get("mainEntity")
            if isinstance(main, (dict, list)):
                stack.append(main)


def jsonld_items(blocks: Iterable[str | None]) -> Items:
    """The objects of all of a page's JSON-LD blocks."""
    items: Items = []
    for block in blocks:
        raw = block or ""
        if "<!" in raw or "]]>" in raw or "-->" in raw:  # each guard holds one of these: most blocks have none
            raw = _JSON_WRAPPER.sub("", raw)
        raw = raw.strip()
        if not raw:
            continue
        _flatten(_load(raw), items)
    return items


def types(item: dict[str, Any]) -> set[str]:
    """An item's ``@type`` names, lower-cased: a string or a list of them."""
    t = item.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def names(value: Any, depth: int = 0) -> list[str]:
    """The names a value gives: a string, an object's ``name`` or ``@value``, a list of either."""
    out: list[str] = []
    if depth > NAME_DEPTH:
        return out
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            out.append(name)
        elif name is not None:
            out.extend(names(name, depth + 1))
        elif isinstance(value.get("@value"), str):
            out.append(value["@value"])
    elif isinstance(value, list):
        for v in value:
            out.extend(names(v, depth + 1))
    return out


def prioritized(items: Items) -> Items:
    """The items with the article-like ones first, each group in page order."""
    return sorted(items, key=lambda it: 0 if types(it) & PRIORITY_TYPES else 1)


def iter_dates(items: Items, key: str) -> Iterator[str]:
    """Every string value of ``key``, the article-like items' first."""
    for item in prioritized(items):
        value = item.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))
