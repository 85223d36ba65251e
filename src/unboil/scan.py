"""The raw markup bounded before libxml2 reads it: no page can make the parser superlinear.

Why a scan of the bytes and not a check of the tree: parsing is one call into
C that the time budget cannot interrupt, so whatever makes libxml2 slow must
be gone before it starts.  Two shapes do:

* attributes: each new attribute of an element is compared with all the
  earlier ones, so one ``<div>`` with 70,000 attributes (1.4 MB) cost 13 s;
* end tags that close nothing: each is looked up through the whole stack of
  open elements, so ``</span>`` a million times under 2,000 open ``<div>``
  costs seconds (and past 2,047 open elements libxml2 stops the parse and the
  page loses everything).

A tag and a text node of many megabytes are linear for libxml2 but reach
later stages whole (attribute values matched against the vocabulary, block
text against its patterns), so they are capped too, as is the number of tags
(``max_elements``).  Every cap is an ``Options`` setting far above what real
pages have (the development corpus: 151 attributes on one element, a 1.3 MB
tag, a 3.4 MB text node, 55 levels, 16,000 elements).

The cost on an ordinary page is one call of a regular expression that reads
the markup as the HTML tokenizer does (quotes count only after ``=``, scripts
and comments hold no tags) and stops only at a token past a cap, with
possessive quantifiers everywhere so nothing can backtrack (about 0.5 ms for
an average 230 KB page); the one Python loop over every tag (the nesting scan)
runs only on a page whose counts of ``<`` and ``</`` allow the costly shape,
or that libxml2 stopped reading (:func:`cap_nesting`, called by ``load``
before it parses again).  Past a cap the page is cut or truncated
there and the rest goes on: a page with one absurd element still yields its
article.  What was cut comes back as notes (:attr:`Scanned.cuts`) for the
trace and :attr:`~unboil.Article.truncated`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from .options import DEFAULT_OPTIONS, Options

__all__ = ["Scanned", "bound_markup", "cap_nesting", "stopped_too_deep", "LIBXML_MAX_DEPTH", "NESTING_SCAN_COST", "TAGS_PER_ELEMENT"]

LIBXML_MAX_DEPTH = 2047
"""The deepest element libxml2 builds (with ``huge_tree``); past it the parse stops."""

NESTING_SCAN_COST = 20_000_000
"""End tags times open elements (bounded by :data:`LIBXML_MAX_DEPTH`) above which the
nesting scan runs: below it, stray end tags cost libxml2 at most a few tens of
milliseconds of name comparisons, and the Python scan would cost more than it saves."""

TAGS_PER_ELEMENT = 4
"""Text past the ``4 * max_elements``-th tag is not parsed at all: an element has a start
tag and at most one end tag, so that text lies far past the cut ``load`` makes anyway,
and parsing it would only cost time and memory.  (Tags are counted as ``<`` or ``</``
and a letter, which a script's ``i<n`` also is: hence the margin.)  End tags count too,
so the nesting scan and libxml2's walks for stray end tags see a bounded number."""

_TAG = re.compile(b"</?[A-Za-z]")
_NAME = re.compile(rb"</?[A-Za-z][^\s/>]*+")
_TAG_END = re.compile(rb"[\s/]*+>")
# The rest of a tag, quotes respected, up to and with its ">"; a quote never closed runs to
# the end of the page (as the tokenizer reads it), in one attempt rather than one a tag.
_REST = re.compile(rb"""(?:[^>"']++|"[^"]*+"?|'[^']*+'?)*+>?""")
# A tag or a comment, for the nesting scan: it needs names, not attributes, so quotes are
# read anywhere in a tag (the tokenizer reads them only after "="; a rare tag is misread).
# Comments in a row are one token: their number is not bounded by the markup budget, and the
# scan's cost is a Python step a token.
_TOKEN = re.compile(
    rb"""<(/?)([A-Za-z][^\s/>]*+)((?:[^>"']++|"[^"]*+"?|'[^']*+'?)*+)>?|(?:<!--(?:[^-]++|-(?!->))*+(?:-->)?[^<]*+)++"""
)
_TITLE_OPEN = re.compile(rb"<[tT][iI][tT][lL][eE](?=[\s/>])(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>?")
_TITLE_CLOSE = re.compile(rb"</[tT][iI][tT][lL][eE]")

_RAW_NAMES = b"script style textarea title xmp iframe noembed noframes"
_RAW_TEXT = frozenset(_RAW_NAMES.split())
"""Elements whose content libxml2 does not read as tags (a script's ``i <n; ...`` is no tag)."""
_VOID = frozenset(
    b"area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split()
)
"""Elements that never hold content: a start tag opens nothing."""
_SELF_CLOSING = frozenset(b"p li dt dd option optgroup tr td th thead tbody tfoot rb rt rp".split())
"""Elements whose end tag is optional: a start tag of the same name closes an open one."""


@dataclass(frozen=True)
class Scanned:
    """The bounded markup and what the bounding did."""

    data: bytes
    cuts: tuple[str, ...] = ()
    """What a cap cut from the page, for the trace and ``Article.truncated``."""
    repaired: tuple[str, ...] = ()
    """What was mended without losing text (an unclosed ``<title>``, stray end tags), for the trace."""
    tags: int = 0
    """At least the number of ``<`` in ``data`` (its tags cannot be more): ``load`` bounds the
    elements libxml2 can make of it without counting them in the tree."""


def _markup_budget(data: bytes, tags: int, max_elements: int) -> tuple[bytes, tuple[str, ...]]:
    """``data`` cut before its ``4 * max_elements``-th tag (see :data:`TAGS_PER_ELEMENT`), and a
    note if it was; ``tags`` is the count of ``<``, a quick bound: no more tags than that."""
    budget = TAGS_PER_ELEMENT * max_elements
    if tags <= budget:
        return data, ()
    extra = next(itertools.islice(_TAG.finditer(data), budget, None), None)
    if extra is None:
        return data, ()
    return data[: extra.start()], (f"text after byte {extra.start()} ({budget} tags) not parsed",)


def _splice(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each ``(start, end, replacement)`` applied (edits in order, not overlapping)."""
    parts: list[bytes] = []
    pos = 0
    for start, end, new in edits:
        parts += [data[pos:start], new]
        pos = end
    parts.append(data[pos:])
    return b"".join(parts)


def _utf8_boundary(data: bytes, pos: int) -> int:
    """``pos`` moved back to the start of a UTF-8 character, so a cut never splits one."""
    while pos > 0 and 0x80 <= data[pos] < 0xC0:
        pos -= 1
    return pos


def _attribute(limit: int) -> bytes:
    """One attribute as the HTML tokenizer reads it (quotes count only right after ``=``),
    failing when its name or value is longer than ``limit`` bytes."""
    value = rb"""(?:"[^"]{0,%d}+"|'[^']{0,%d}+'|[^\s>]{0,%d}+(?=[\s>]|\Z))""" % (limit, limit, limit)
    return rb"[\s/]*+[^\s/>][^\s/>=]{0,%d}+(?=[\s/>=]|\Z)(?:\s*+=\s*+%s|(?!\s*+=))" % (limit, value)


def _attributes(options: Options) -> bytes:
    """Up to ``max_attributes`` attributes, each within ``max_tag_bytes``."""
    return rb"(?:%s){0,%d}+" % (_attribute(options.max_tag_bytes), options.max_attributes)


WALK_RUN = 64
"""Bytes of a tag the walker reads between two values (names, spaces, an unquoted value's
end): a run of ``r`` bytes holds at most ``r // 2 + 1`` attributes, so a bounded number of
values and runs bounds a tag's attributes by ``max_attributes`` without counting each one."""

_TAG_HEAD = 10
"""Bytes of a tag the walker reads before its first run: ``<`` and at most a raw-text
element's name (``noframes``), or ``</`` and a letter."""


def _caps(options: Options) -> tuple[int, int, int]:
    return options.max_attributes, options.max_tag_bytes, options.max_text_bytes


def _walker(options: Options) -> "re.Pattern[bytes]":
    """:func:`_compile_walker` for ``options``: built once for the default caps (building
    the expression costs a tenth of a millisecond, as much as walking a small page)."""
    return _DEFAULT_WALKER if _caps(options) == _caps(DEFAULT_OPTIONS) else _compile_walker(*_caps(options))


def _compile_walker(max_attributes: int, max_tag_bytes: int, max_text_bytes: int) -> "re.Pattern[bytes]":
    """The markup as a run of tokens within the caps.

    Matched from a position, it stops at the first token it cannot vouch for: a tag
    with more values or longer runs (:data:`WALK_RUN`) than could stay within
    ``max_attributes``, or longer values than could stay within ``max_tag_bytes``,
    a quote not after ``=``, a text run longer than ``max_text_bytes``, a ``<`` it
    cannot read.  A real page stops it a few times at most; :func:`_walk` looks at
    each stop with the tokenizer's exact grammar.  Scripts, styles and comments are
    read as libxml2 reads them (no tags inside).  One C call, nothing to backtrack
    into (possessive quantifiers); :mod:`re` caches the compiled pattern."""
    limit = max_attributes
    run_bytes = min(WALK_RUN, limit)
    per_run = run_bytes // 2 + 1
    values = max(0, (limit - per_run) // (per_run + 1))  # values + (values + 1) runs: at most max_attributes
    # Bytes up to the last attribute: "<", a name read before the first run (a raw-text
    # element's), the runs (at most half the cap), and per value "=", the spaces after it
    # (at most a run's length), two quotes and the value itself: at most max_tag_bytes.
    run_bytes = min(run_bytes, max_tag_bytes // (2 * (values + 1)))
    width = max(0, (max_tag_bytes - _TAG_HEAD - (values + 1) * run_bytes - values * (3 + run_bytes)) // max(1, values))
    run = rb"[^>\"'=]{0,%d}+" % run_bytes
    value = rb"""=\s{0,%d}+(?:"[^"]{0,%d}+"|'[^']{0,%d}+'|[^\s>"'=]{0,%d}+)""" % (run_bytes, width, width, width)
    tag = rb"%s(?:%s%s){0,%d}+>" % (run, value, run, values)
    # One alternative per raw-text element, grouped by first letter so that "<span" tries
    # one group, not eight names, and "<div" none (a lookahead reads the first letter);
    # no capturing group (a backreference inside a possessive repeat trips a bug of
    # Python 3.11's re); spelled out rather than re.I, which would fold the case of every
    # byte read.
    by_letter: dict[int, list[bytes]] = {}
    for name in _RAW_NAMES.split():
        by_letter.setdefault(name[0], []).append(name)
    first_letters = b"".join(_any_case(bytes([letter]))[1:-1] for letter in by_letter)
    raw = b"(?=[%s])(?:%s)" % (
        first_letters,
        b"|".join(
            _any_case(bytes([letter]))
            + b"(?:"
            + b"|".join(rb"%s(?=[\s/>])%s(?:[^<]++|<(?!/%s[\s/>]))*+" % (_any_case(n[1:]), tag, _any_case(n)) for n in names)
            + b")"
            for letter, names in by_letter.items()
        ),
    )
    return re.compile(
        rb"(?:[^<]{1,%d}+(?=<|\Z)" % max_text_bytes
        # A comment runs to "-->" (a bogus one, "<!x" or "</1", to ">") or to the end of the
        # page, as libxml2 reads it: never a failed attempt, which a page of a million "<!--"
        # would repeat to its end each time.
        + rb"|<(?:%s|/?[A-Za-z]%s|!--(?:[^-]++|-(?!->))*+(?:-->)?"
        % (raw, tag)
        + rb"|/(?![A-Za-z])[^>]*+>?|[!?](?!--)[^>]*+>?|(?![A-Za-z!?/])))*+",
        re.S,
    )


def _any_case(name: bytes) -> bytes:
    """``script`` as ``[sS][cC][rR][iI][pP][tT]``: a case-blind literal without ``re.I``."""
    return b"".join(b"[%c%c]" % (c, c - 32) for c in name)


_DEFAULT_WALKER = _compile_walker(*_caps(DEFAULT_OPTIONS))
_DEFAULT_ATTRIBUTES = re.compile(_attributes(DEFAULT_OPTIONS))


def _tag_cut(data: bytes, start: int, options: Options) -> tuple[int, int, bool] | None:
    """``(keep_end, tag_end, over)`` of the tag at ``start`` (None if there is no tag): ``over``
    when it passes ``max_attributes`` or ``max_tag_bytes``, and then it keeps its name and the
    attributes within both, up to ``keep_end``.  A tag within the caps is passed whole, so no
    byte of it is read again as the start of another."""
    name = _NAME.match(data, start)
    if name is None:
        return None
    attributes = _DEFAULT_ATTRIBUTES if _caps(options) == _caps(DEFAULT_OPTIONS) else re.compile(_attributes(options))
    pos = attributes.match(data, name.end()).end()  # type: ignore[union-attr]
    limit = start + options.max_tag_bytes
    if pos > limit:  # many long attributes: keep those that fit (rare, so a loop)
        attribute = re.compile(_attribute(options.max_tag_bytes))
        pos = name.end()
        while (attr := attribute.match(data, pos)) is not None and attr.end() <= limit:
            pos = attr.end()
    elif (end := _TAG_END.match(data, pos)) is not None:
        return pos, end.end(), False
    elif pos == len(data):  # the page ends inside the tag
        return pos, pos, False
    rest = _REST.match(data, pos)
    return pos, rest.end() if rest else pos, True  # _REST matches the empty string at worst


def _walk(data: bytes, options: Options) -> tuple[bytes, tuple[str, ...]]:
    """Tags cut to ``max_attributes`` and ``max_tag_bytes``, text runs to ``max_text_bytes``.

    The walker (:func:`_walker`) reads an ordinary page in one call; each place it
    stops is looked at here: a tag past a cap loses its attributes from the first one
    past it, a tag within the caps is passed whole, and a text run past
    ``max_text_bytes`` loses its end."""
    walker = _walker(options)
    edits: list[tuple[int, int, bytes]] = []
    tags = texts = 0
    pos, size = 0, len(data)
    while True:
        pos = walker.match(data, pos).end()  # type: ignore[union-attr]  # matches the empty string at worst
        if pos >= size:
            break
        if data[pos] != 0x3C:  # not "<": a text run past max_text_bytes
            end = data.find(b"<", pos)
            end = size if end < 0 else end
            edits.append((_utf8_boundary(data, pos + options.max_text_bytes), end, b""))
            texts += 1
            pos = end
            continue
        cut = _tag_cut(data, pos, options)
        if cut is None:
            pos += 1
            continue
        keep_end, tag_end, over = cut
        if over:
            edits.append((keep_end, tag_end, b">"))
            tags += 1
        pos = max(tag_end, pos + 1)
    notes = []
    if tags:
        notes.append(f"{tags} tags cut to max_attributes={options.max_attributes} and max_tag_bytes={options.max_tag_bytes}")
    if texts:
        notes.append(f"{texts} text runs truncated to max_text_bytes={options.max_text_bytes}")
    return (_splice(data, edits), tuple(notes)) if edits else (data, ())


def _may_nest_too_deep(data: bytes, tags: int, options: Options) -> bool:
    """Whether stray end tags could cost libxml2 more than :data:`NESTING_SCAN_COST`, or
    the page nest past ``max_open_elements``, by its counts of ``<`` (``tags``) and ``</``.

    Most pages have too few tags for either (the costly count of ``</`` is skipped); on
    a smaller page that still nests past libxml2's limit, the parse says so and
    :func:`cap_nesting` runs then (see ``load``)."""
    if tags * min(tags, LIBXML_MAX_DEPTH) <= NESTING_SCAN_COST:
        return False
    ends = data.count(b"</")
    return tags - 2 * ends > options.max_open_elements or ends * min(tags - ends, LIBXML_MAX_DEPTH) > NESTING_SCAN_COST


class _Nesting:
    """The open elements of the nesting scan, and the edits it makes: start tags past
    ``max_open_elements`` and end tags that close nothing are removed."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.stack: list[bytes] = []
        self.open: dict[bytes, int] = {}
        self.edits: list[tuple[int, int, bytes]] = []
        self.dropped = 0

    def start(self, name: bytes, span: tuple[int, int]) -> None:
        """A start tag opens an element, or goes if ``limit`` elements are open already."""
        stack = self.stack
        if name in _SELF_CLOSING and stack and stack[-1] == name:
            self.close(name)
        if len(stack) >= self.limit:
            self.edits.append((span[0], span[1], b""))
            self.dropped += 1
            return
        stack.append(name)
        self.open[name] = self.open.get(name, 0) + 1

    def close(self, name: bytes) -> None:
        """Close the innermost open ``name`` and every element opened inside it."""
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top == name:
                return

    def end(self, name: bytes, span: tuple[int, int]) -> None:
        """An end tag closes its element, or goes if none is open (counted per name, so a
        million stray end tags cost a dictionary lookup each, not a walk of the stack)."""
        if self.open.get(name):
            self.close(name)
        else:  # closes nothing: libxml2 would ignore it after a walk through the whole stack
            self.edits.append((span[0], span[1], b""))


def _nesting(data: bytes, options: Options) -> tuple[bytes, tuple[str, ...], tuple[str, ...]]:
    """Start tags past ``max_open_elements`` open elements removed, with the end tags that close
    nothing; returns the markup, the cut (if any) and the repair (if any)."""
    scan = _Nesting(options.max_open_elements)
    pos = 0
    while True:
        token = _TOKEN.search(data, pos)
        if token is None:
            break
        pos = token.end()
        name = token.group(2)
        if name is None:  # a comment
            continue
        name = name.lower()
        if token.group(1):
            scan.end(name, token.span())
        elif name in _RAW_TEXT:
            close = re.compile(rb"</" + re.escape(name) + rb"[^>]*+>?", re.I).search(data, pos)
            pos = close.end() if close else len(data)  # its end tag with it: it closes nothing we track
        elif name not in _VOID and not token.group(3).endswith(b"/"):
            scan.start(name, token.span())
    if not scan.edits:
        return data, (), ()
    cut = f"{scan.dropped} start tags past max_open_elements={options.max_open_elements} open elements removed"
    stray = len(scan.edits) - scan.dropped
    repair = f"{stray} end tags that close nothing removed"
    return _splice(data, scan.edits), (cut,) if scan.dropped else (), (repair,) if stray else ()


def _unclosed_title(data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """A ``<title>`` never closed swallows the rest of the page as its text (libxml2 reads it
    as raw text): it is closed empty and its first line dropped, so the title comes from the headline."""
    opened = _TITLE_OPEN.search(data)
    if opened is None or _TITLE_CLOSE.search(data, opened.end()):
        return data, ()
    text_end = data.find(b"<", opened.end())
    text_end = len(data) if text_end < 0 else text_end
    return data[: opened.end()] + b"</title>" + data[text_end:], ("unclosed <title> closed",)


def bound_markup(data: bytes, options: Options) -> Scanned:
    """``data`` (UTF-8 markup) with every cap applied, and notes on what each cut."""
    tags = data.count(b"<")
    data, budget = _markup_budget(data, tags, options.max_elements)
    data, walked = _walk(data, options)
    if budget or walked:  # the markup changed: count again
        tags = data.count(b"<")
    nesting: tuple[str, ...] = ()
    strays: tuple[str, ...] = ()
    if _may_nest_too_deep(data, tags, options):
        data, nesting, strays = _nesting(data, options)
    data, title = _unclosed_title(data)
    return Scanned(data, budget + walked + nesting, strays + title, tags + len(title))  # "</title>" adds one


def cap_nesting(data: bytes, options: Options) -> Scanned:
    """``data`` with start tags past ``max_open_elements`` open elements removed (and end tags
    that close nothing): for a page that libxml2 stopped reading at :data:`LIBXML_MAX_DEPTH`."""
    data, nesting, strays = _nesting(data, options)
    return Scanned(data, nesting, strays, data.count(b"<"))


def stopped_too_deep(parser: Any) -> bool:
    """Whether libxml2 stopped reading the page at :data:`LIBXML_MAX_DEPTH` open elements
    (the rest of the page, and often all of it, is then lost): the error ends the parse,
    so it is the last one logged."""
    last = parser.error_log.last_error
    return last is not None and last.type_name == "ERR_RESOURCE_LIMIT"
