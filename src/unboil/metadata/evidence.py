"""The evidence the metadata rules read, each piece read once and only when a rule asks.

The tags' evidence (``<meta>``, JSON-LD, the headings, ``<time>``) is read at once, in
one C-level selection of those tags.  The rest is read on first use (:class:`Evidence`):
the elements other attributes mark (one XPath for each rule), the
date-hinted elements, the scripts' texts and the printed lines.  Most pages are decided
by their meta tags and JSON-LD before a rule asks for any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from enum import Enum
from typing import Any, Iterator

from lxml import etree

from .words import DATE_HINT, DATE_HINT_ASCII, STAMP_ATTR

__all__ = ["Evidence", "Line", "LineKind", "gather", "SCAN_SKIP", "SKIP_TEXT_PARENTS"]

HEADING_TAGS = ("h1", "h2", "h3", "h4")
META_KEYS_PER_PROPERTY = 8
"""Names one RDFa ``property`` may list: more is a broken attribute, not a vocabulary."""
SCRIPTS_READ = 200
"""Scripts looked at for an app's publication stamp: a page's own state comes early."""
HINTED_READ = 60
"""Date-hinted elements read: each costs a read of its whole text."""
AUTHOR_LINKS_READ = 4
"""``rel=author`` or ``itemprop=author`` elements read: a byline names a few people, a list many."""
MICRODATA_READ = 400
"""Microdata and hAtom elements read for a marked publication date."""
HATOM_UPDATED_READ = 20
"""hAtom ``updated`` stamps read."""
STAMP_NODES = 3000
"""Nodes, in document order, whose attributes may hold a machine date stamp and whose text the
last-resort scan reads."""
LINE_NODES = 5000
"""Nodes, in document order, whose text is kept for the printed-date rules."""
STAMP_MAX = 40
"""The longest attribute value read as a machine stamp."""
YEAR_PREFIXES = ("19", "20")
"""How a stamp of this or the last century starts: most attribute values are read no further."""

SCAN_SKIP = frozenset({"script", "style", "noscript", "template", "option", "textarea", "select", "button"})
"""Elements whose own text is no printed line of the page."""
SKIP_TEXT_PARENTS = frozenset({"script", "style", "noscript", "template", "option", "textarea"})
"""Parents of a text node that is code or a form's value, not the page's prose."""
_LD_JSON = "application/ld+json"
_EVIDENCE_TAGS = ("meta", "script", "time", "title", "link", *HEADING_TAGS)
"""The tags whose elements are evidence by their tag alone."""


class LineKind(Enum):
    """What a kept string is: an attribute stamp, an element's text or its tail."""

    STAMP = "stamp"
    TEXT = "text"
    TAIL = "tail"


Line = tuple[int, Any, LineKind, str, str]
"""A string the page holds at a node: the node's position in document order, the element,
what the string is, the string, and (for a stamp) the attribute's name.  A plain tuple:
the walk makes thousands, and a record class would cost more than the walk."""


@dataclass(frozen=True)
class Evidence:
    """What the page gives the rules, in document order, each list bounded as its rule reads it.

    The tags' evidence is read at once (:func:`gather`); the rest is read from ``root`` on
    first use, as most pages are decided before a rule asks for it.  The tree is not
    changed while the metadata stage runs, so a reading is the same whenever it is made.
    """

    meta: dict[str, list[str]]
    """``<meta>`` values by lower-cased name, in page order."""
    jsonld_blocks: tuple[str | None, ...]
    """The JSON-LD scripts' texts, then the JSON-LD some frameworks put in a ``<meta>``."""
    script_elements: tuple[Any, ...]
    """The first ``SCRIPTS_READ`` scripts less the JSON-LD ones: their texts are read when asked."""
    canonical: str | None
    doc_title: Any
    """The first ``<title>`` element, or None."""
    headings: tuple[Any, ...]
    """Every ``h1``-``h4``."""
    times: tuple[Any, ...]
    root: Any
    """The tree read, for what is read only when a rule asks."""

    @cached_property
    def scripts(self) -> tuple[str, ...]:
        """Texts of the first scripts that are not JSON-LD (the empty ones left out)."""
        return tuple(text for el in self.script_elements if (text := el.text))

    def hinted(self) -> Iterator[Any]:
        """The first ``HINTED_READ`` elements whose class or id speaks of a date (``DATE_HINT``),
        in document order, found as far as the caller reads: the one rule that asks stops at
        the first that prints a date."""
        return islice(_hinted(self.root), HINTED_READ)

    @cached_property
    def rel_authors(self) -> tuple[Any, ...]:
        """The first ``rel=author`` elements."""
        return tuple(_REL_AUTHORS(self.root)[:AUTHOR_LINKS_READ])

    @cached_property
    def itemprop_authors(self) -> tuple[Any, ...]:
        """The first ``itemprop=author`` elements."""
        return tuple(_ITEMPROP_AUTHORS(self.root)[:AUTHOR_LINKS_READ])

    @cached_property
    def microdata(self) -> tuple[Any, ...]:
        """The first microdata and RDFa elements (any ``itemprop`` or ``property``), and those
        hAtom-classed ``published`` with a stamp (a ``title`` or ``datetime``)."""
        return tuple(_MICRODATA(self.root)[:MICRODATA_READ])

    @cached_property
    def hatom_updated(self) -> tuple[Any, ...]:
        """The first elements hAtom-classed ``updated`` with a stamp."""
        return tuple(_HATOM_UPDATED(self.root)[:HATOM_UPDATED_READ])

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """The page's text lines in document order (:func:`read_lines`).

        Read on first use: only the rules that scan printed dates ask for them, on fewer
        than half the pages, and building a line for every text node is costly.
        """
        return read_lines(self.root)

    @cached_property
    def scan_lines(self) -> tuple[Line, ...]:
        """The lines of the first ``STAMP_NODES`` nodes with the date stamps in their
        attributes (:func:`read_lines`): what the last-resort scan reads, in one walk."""
        return read_lines(self.root, STAMP_NODES, stamps=True)

    def position(self, el: Any) -> int:
        """The element's position in document order, as :func:`read_lines` counts nodes
        (comments too): what follows the headline is read first."""
        for index, node in enumerate(self.root.iter()):
            if node is el:
                return index
        raise ValueError("not in the tree")

    def first_meta(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` value under any of ``keys``, in the keys' order."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


def gather(root: Any) -> Evidence:
    """The evidence the tags give, read in one C-level selection of those tags (``iter(*tags)``:
    a Python step for every element of the page cost more than all the rules); what attributes
    mark, the scripts' texts and the text lines are read when a rule first asks (:class:`Evidence`)."""
    meta: dict[str, list[str]] = {}
    ld_scripts: list[str | None] = []
    ld_metas: list[str | None] = []
    script_elements: list[Any] = []
    script_count = 0
    canonical: str | None = None
    doc_title: Any = None
    headings: list[Any] = []
    times: list[Any] = []
    for el in root.iter(*_EVIDENCE_TAGS):
        tag = el.tag
        if tag == "meta":
            _meta_tag(el, meta, ld_metas)
        elif tag == "script":
            if (el.get("type") or "").strip().lower() == _LD_JSON:
                ld_scripts.append(el.text)
            elif script_count < SCRIPTS_READ:
                script_elements.append(el)
            script_count += 1
        elif tag == "time":
            times.append(el)
        elif tag == "title":
            if doc_title is None:
                doc_title = el
        elif tag == "link":
            if canonical is None and (el.get("rel") or "").strip().lower() == "canonical":
                href = el.get("href")
                canonical = href.strip() if href else None
        else:
            headings.append(el)
    return Evidence(
        meta=meta, jsonld_blocks=(*ld_scripts, *ld_metas), script_elements=tuple(script_elements), canonical=canonical,
        doc_title=doc_title, headings=tuple(headings), times=tuple(times), root=root,
    )


def _meta_tag(el: Any, meta: dict[str, list[str]], ld_metas: list[str | None]) -> None:
    """``<meta>`` values by name; an RDFa ``property`` may list several names at once
    ("og:title twitter:title"), and the value stands for each of them."""
    get = el.get
    if (get("name") or "").lower() == "script:ld+json":
        # A framework's meta tags may carry JSON-LD too (Remix: <meta name="script:ld+json" content="{...}">).
        ld_metas.append(get("content"))
    prop = get("property")
    key = prop or get("name") or get("itemprop") or get("http-equiv")
    value = get("content")
    if key is None or value is None:
        return
    keys = key.split() if prop else [key.strip()]
    for name in keys[:META_KEYS_PER_PROPERTY]:
        meta.setdefault(name.lower(), []).append(value.strip())


def _marked(*paths: str) -> Any:
    """An XPath to the elements that carry an attribute one of ``paths`` selects, in document
    order: libxml2 reads every element's attributes, Python sees only the few it finds.  (lxml
    locks a compiled XPath while it runs, so one object serves every thread.)"""
    return etree.XPath("(" + " | ".join(f"descendant-or-self::*/{path}" for path in paths) + ")/..")


_REL_AUTHORS = _marked("@rel[. = 'author']")
_ITEMPROP_AUTHORS = _marked("@itemprop[. = 'author']")
_MICRODATA = _marked(
    "@itemprop", "@property", "@title[contains(../@class, 'published')]", "@datetime[contains(../@class, 'published')]"
)
_HATOM_UPDATED = _marked("@title[contains(../@class, 'updated')]", "@datetime[contains(../@class, 'updated')]")


def _hinted(root: Any) -> Iterator[Any]:
    """The elements whose class or id speaks of a date, in document order."""
    for el in root.iter(etree.Element):
        get = el.get
        cls, ident = get("class"), get("id")
        if (cls or ident) and _date_hinted(f"{cls or ''} {ident or ''}"):
            yield el


def _date_hinted(names: str) -> bool:
    """``DATE_HINT.search(names)``, answered by plain substring tests for ASCII names (nearly
    all): the case-blind pattern is tried at every position, and the walk asks of every element."""
    if not names.isascii():
        return DATE_HINT.search(names) is not None
    low = names.lower()
    for word in DATE_HINT_ASCII:  # a loop, not any(): this runs for most elements of every page
        if word in low:
            return True
    return False


def read_lines(root: Any, nodes: int = LINE_NODES, stamps: bool = False) -> tuple[Line, ...]:
    """The texts and tails, when not blank, of the first ``nodes`` nodes, in document order:
    every string the page prints that may hold a date.  With ``stamps``, the date stamps in
    attributes too, each node's before its text: a value of this or the last century, short,
    under a name that says so (``STAMP_ATTR``; never ``class`` or ``id``)."""
    lines: list[Line] = []
    append = lines.append
    text_kind, tail_kind, stamp_kind = LineKind.TEXT, LineKind.TAIL, LineKind.STAMP
    stamp_names: dict[str, bool] = {}  # the few names a page uses, each asked of STAMP_ATTR once
    for index, el in enumerate(islice(root.iter(), nodes)):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if stamps:
            stamped = False
            for name in el.keys():  # the names alone: the values are read only where one may be a stamp
                named = stamp_names.get(name)
                if named is None:
                    named = stamp_names[name] = STAMP_ATTR.search(name) is not None
                stamped = stamped or named
            if stamped:
                lines.extend(
                    (index, el, stamp_kind, raw, name) for name, raw in el.items()
                    if stamp_names[name] and raw.startswith(YEAR_PREFIXES) and len(raw) <= STAMP_MAX
                )
        # An element's text (unless it is code or a control: a script's is not even read) and
        # its tail, when not blank.
        if tag not in SCAN_SKIP:
            text = el.text
            if text and not text.isspace():
                append((index, el, text_kind, text, ""))
        tail = el.tail
        if tail and not tail.isspace():
            append((index, el, tail_kind, tail, ""))
    return tuple(lines)
