"""One walk of the tree that gathers every piece of evidence the metadata rules read.

The rules used to scan the tree up to six times (the meta tags, the JSON-LD, the
microdata, the date-hinted elements, the authors' links, the printed lines).  Here
one pass in document order keeps what each rule needs, bounded as each rule was,
and the rules read these lists: the walk is paid once, however many rules ask.
The printed lines are the exception: a second pass reads them, only on the
pages where a rule asks (fewer than half).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from enum import Enum
from types import MappingProxyType
from typing import Any, Mapping

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
"""Nodes, in document order, whose attributes may hold a machine date stamp (see the scan)."""
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
_NO_ATTRS: Mapping[str, str] = MappingProxyType({})
"""Read only: the attributes of an element that has none."""


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
    """What the walk found, in document order, each list bounded as its rule reads it."""

    meta: dict[str, list[str]]
    """``<meta>`` values by lower-cased name, in page order."""
    jsonld_blocks: tuple[str | None, ...]
    """The JSON-LD scripts' texts, then the JSON-LD some frameworks put in a ``<meta>``."""
    scripts: tuple[str, ...]
    """Texts of the first scripts that are not JSON-LD."""
    canonical: str | None
    doc_title: Any
    """The first ``<title>`` element, or None."""
    headings: tuple[Any, ...]
    """Every ``h1``-``h4``."""
    heading_index: dict[Any, int]
    """Each heading's position in document order: what follows the headline is read first."""
    times: tuple[Any, ...]
    hinted: tuple[Any, ...]
    """Elements whose class or id speaks of a date (``DATE_HINT``)."""
    rel_authors: tuple[Any, ...]
    itemprop_authors: tuple[Any, ...]
    microdata: tuple[Any, ...]
    hatom_updated: tuple[Any, ...]
    root: Any
    """The tree walked, for the lines, read only when a rule asks for them."""

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """The page's text lines and date stamps in document order (:func:`read_lines`).

        Read on first use, not in the one walk: only the rules that scan printed
        dates ask for them, on fewer than half the pages, and building a line
        for every text node was the walk's largest cost.  The tree is not
        changed while the metadata stage runs, so the lines are the same either way.
        """
        return read_lines(self.root)

    def first_meta(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` value under any of ``keys``, in the keys' order."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


class _Gathering:
    """The lists being filled during the walk (private to ``gather``)."""

    def __init__(self) -> None:
        """Empty lists: the walk fills them in document order."""
        self.meta: dict[str, list[str]] = {}
        self.ld_scripts: list[str | None] = []
        self.ld_metas: list[str | None] = []
        self.scripts: list[str] = []
        self.script_count = 0
        self.canonical: str | None = None
        self.doc_title: Any = None
        self.headings: list[Any] = []
        self.heading_index: dict[Any, int] = {}
        self.times: list[Any] = []
        self.hinted: list[Any] = []
        self.rel_authors: list[Any] = []
        self.itemprop_authors: list[Any] = []
        self.microdata: list[Any] = []
        self.hatom_updated: list[Any] = []

    def tag(self, el: Any, tag: str, attrs: Mapping[str, str], index: int) -> None:
        """The evidence an element gives by its tag."""
        if tag == "meta":
            self.meta_tag(attrs)
        elif tag == "script":
            kind = (attrs.get("type") or "").strip().lower()
            if kind == _LD_JSON:
                self.ld_scripts.append(el.text)
            elif self.script_count < SCRIPTS_READ and el.text:
                self.scripts.append(el.text)
            self.script_count += 1
        elif tag in HEADING_TAGS:
            self.headings.append(el)
            self.heading_index[el] = index
        elif tag == "time":
            self.times.append(el)
        elif tag == "title":
            if self.doc_title is None:
                self.doc_title = el
        elif tag == "link" and self.canonical is None:
            href = attrs.get("href")
            if (attrs.get("rel") or "").strip().lower() == "canonical" and href:
                self.canonical = href.strip()

    def meta_tag(self, attrs: Mapping[str, str]) -> None:
        """``<meta>`` values by name; an RDFa ``property`` may list several names at once
        ("og:title twitter:title"), and the value stands for each of them."""
        if (attrs.get("name") or "").lower() == "script:ld+json":
            # A framework's meta tags may carry JSON-LD too (Remix: <meta name="script:ld+json" content="{...}">).
            self.ld_metas.append(attrs.get("content"))
        prop = attrs.get("property")
        key = prop or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        value = attrs.get("content")
        if key is None or value is None:
            return
        keys = key.split() if prop else [key.strip()]
        for name in keys[:META_KEYS_PER_PROPERTY]:
            self.meta.setdefault(name.lower(), []).append(value.strip())

    def attributes(self, el: Any, attrs: Mapping[str, str]) -> None:
        """The evidence an element gives by its attributes, whatever its tag."""
        cls, ident = attrs.get("class"), attrs.get("id")
        if (cls or ident) and len(self.hinted) < HINTED_READ and _date_hinted(f"{cls or ''} {ident or ''}"):
            self.hinted.append(el)
        if len(attrs) > (cls is not None) + (ident is not None):
            # Most elements have only a class or an id; every other rule reads other attributes.
            self._other_attributes(el, attrs, cls)

    def _other_attributes(self, el: Any, attrs: Mapping[str, str], cls: str | None) -> None:
        """Authors' links, microdata and hAtom stamps: read from attributes other than
        ``class`` and ``id``."""
        if attrs.get("rel") == "author" and len(self.rel_authors) < AUTHOR_LINKS_READ:
            self.rel_authors.append(el)
        itemprop = attrs.get("itemprop")
        if itemprop == "author" and len(self.itemprop_authors) < AUTHOR_LINKS_READ:
            self.itemprop_authors.append(el)
        stamped = "title" in attrs or "datetime" in attrs
        if len(self.microdata) < MICRODATA_READ and (
            itemprop is not None or "property" in attrs or stamped and cls is not None and "published" in cls
        ):
            self.microdata.append(el)
        if stamped and cls is not None and "updated" in cls and len(self.hatom_updated) < HATOM_UPDATED_READ:
            self.hatom_updated.append(el)

    def done(self, root: Any) -> Evidence:
        """The lists, frozen: the rules only read them."""
        return Evidence(
            meta=self.meta,
            jsonld_blocks=(*self.ld_scripts, *self.ld_metas),
            scripts=tuple(self.scripts),
            canonical=self.canonical,
            doc_title=self.doc_title,
            headings=tuple(self.headings),
            heading_index=self.heading_index,
            times=tuple(self.times),
            hinted=tuple(self.hinted),
            rel_authors=tuple(self.rel_authors),
            itemprop_authors=tuple(self.itemprop_authors),
            microdata=tuple(self.microdata),
            hatom_updated=tuple(self.hatom_updated),
            root=root,
        )


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


_EVIDENCE_TAGS = frozenset({"meta", "script", "time", "title", "link", *HEADING_TAGS})


def gather(root: Any) -> Evidence:
    """Walk the tree once, in document order, and keep every rule's evidence (the text
    lines excepted: :attr:`Evidence.lines` reads them when a rule asks)."""
    found = _Gathering()
    attributes, evidence_tag = found.attributes, found.tag
    for index, el in enumerate(root.iter()):
        tag = el.tag
        if not isinstance(tag, str):  # a comment or a processing instruction
            continue
        items = el.items()
        if items:
            attrs: Mapping[str, str] = dict(items)
            attributes(el, attrs)
        else:
            attrs = _NO_ATTRS
        if tag in _EVIDENCE_TAGS:
            evidence_tag(el, tag, attrs, index)
    return found.done(root)


def read_lines(root: Any) -> tuple[Line, ...]:
    """Every string the page holds that may print a date, in document order: the date
    stamps in attributes (not ``class`` or ``id``) of the first ``STAMP_NODES`` nodes,
    and the texts and tails, when not blank, of the first ``LINE_NODES``."""
    lines: list[Line] = []
    last = max(STAMP_NODES, LINE_NODES)
    for index, el in enumerate(root.iter()):
        if index >= last:
            break
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if index < STAMP_NODES:
            _stamps(el, index, lines)
        if index < LINE_NODES:
            # An element's text (unless it is code or a control) and its tail, when not blank.
            text, tail = el.text, el.tail
            if text and tag not in SCAN_SKIP and not text.isspace():
                lines.append((index, el, LineKind.TEXT, text, ""))
            if tail and not tail.isspace():
                lines.append((index, el, LineKind.TAIL, tail, ""))
    return tuple(lines)


def _stamps(el: Any, index: int, lines: list[Line]) -> None:
    """The element's attributes that hold a date stamp (``data-published="2024-03-01"``)."""
    items = el.items()
    if len(items) <= (el.get("class") is not None) + (el.get("id") is not None):
        return  # no attribute besides class and id, and no stamp attribute is named either
    for name, raw in items:
        if raw.startswith(YEAR_PREFIXES) and len(raw) <= STAMP_MAX and STAMP_ATTR.search(name):
            lines.append((index, el, LineKind.STAMP, raw, name))
