"""Stage 1: bytes, text or a caller's tree in; a private, safe lxml tree out.

Why this stage is careful:

* Saved pages lie about their encoding: bytes are decoded by
  :mod:`unboil.decoding`, which trusts a charset only where it decodes the
  page and never raises.  Files are read by :mod:`unboil.files`.
* The parser never touches the network or the disk: the HTML parser is built
  with ``no_network`` and without DTD loading, and entities are not resolved
  (libxml2's HTML parser ignores a document's internal subset).
* The tree is bounded before any stage walks it: the markup is scanned first
  (:mod:`unboil.scan`: text past a markup budget is not parsed, and what could
  make libxml2 superlinear is capped), elements past ``Options.max_elements``
  (in document order) are cut, and subtrees deeper than ``Options.max_depth``
  are dropped, so every later stage works on at most ``max_elements``
  elements ``max_depth`` deep.
* The caller's objects are never mutated: a caller's tree is serialised and
  re-parsed, and later stages work on that private tree only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, Union

from lxml import etree

from .decoding import decode, utf8_as_is
from .errors import InputError, NotHTMLError, PageTooLargeError
from .files import read_path
from .options import Options
from .scan import bound_markup, cap_nesting, stopped_too_deep

__all__ = ["Source", "Loaded", "load", "reparse", "PARSER_OPTIONS"]

Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", Any]

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>", re.I)
# Spelled out rather than re.I: a literal "</" prefix lets the regex engine skip ahead.
_END_OF_DOCUMENT = re.compile(rb"</[bBhH][oOtT][dDmM][yYlL]\s*>")
# What the parser would keep but lxml refuses in any string set on the tree later:
# C0 controls but tab/LF/CR (deleted with bytes.translate, far faster than a regex)
# and U+FFFE/U+FFFF in UTF-8.  Lone surrogates never get this far: they are encoded as "?".
_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_EACH_CONTROL = tuple(bytes([c]) for c in _CONTROLS)
_BINARY_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
"""The control bytes that betray binary data (all but tab, LF, VT, FF and CR)."""
_NONCHARACTER = re.compile(rb"\xef\xbf[\xbe\xbf]")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BM", ""),  # checked more strictly below: too many pages could start with "BM"
    (b"RIFF", "a RIFF (audio/video/WebP) file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x7fELF", "an executable"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)


@dataclass(frozen=True)
class Loaded:
    """A parsed page that only unboil holds a reference to."""

    root: Any  # an lxml.etree element (the <html> element)
    encoding: str
    """The encoding the text was decoded with, or ``"unicode"`` for str input."""
    limited: tuple[str, ...] = ()
    """What the limits cut from the page (empty when nothing was), for the trace."""
    repaired: tuple[str, ...] = ()
    """What :func:`~unboil.scan.bound_markup` mended without cutting text, for the trace."""
    markup: bytes | None = field(default=None, repr=False, compare=False)
    """The bounded, cleaned UTF-8 markup the parser read, so that :func:`reparse` makes the
    same tree again without decoding, scanning and cleaning the page again (None when empty)."""


def _sniff_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if what and data.startswith(magic):
            raise NotHTMLError(f"not an HTML page: looks like {what}")
    head = data[:4096]
    if not head:
        return
    # Text in any single-byte or UTF-8 encoding has few control bytes; binary has many.
    controls = len(head) - len(head.translate(None, _BINARY_CONTROLS))
    if controls / len(head) > 0.3 and b"<" not in head.replace(b"\x00", b""):
        raise NotHTMLError("not an HTML page: binary data")


PARSER_OPTIONS: Mapping[str, bool] = MappingProxyType(
    {
        "no_network": True,  # no DTD, entity, XInclude or stylesheet fetch, ever
        "recover": True,
        "remove_comments": True,
        "remove_pis": True,  # <?xml-stylesheet?> and friends are dropped, never followed
        "default_doctype": False,
        "collect_ids": False,
        # libxml2's safety limits (10 MB per text node or attribute, 256 levels) stop
        # the parse, so a page with one big inline data: image lost everything after
        # it.  Size and depth are bounded here instead (max_bytes, max_depth).
        "huge_tree": True,
    }
)
"""The options of the HTML parser every page goes through.

The HTML parser has no entity or DTD loading at all: a ``<!DOCTYPE>``'s
internal subset is read and ignored, so ``&xxe;`` stays literal text.
"""

def _parser() -> etree.HTMLParser:
    # A new parser per call: lxml parsers are not thread-safe to share, and the
    # cost is microseconds.
    # Pages reach it as UTF-8 bytes (see _parse_text): a <meta charset> inside must not override that.
    return etree.HTMLParser(encoding="utf-8", **PARSER_OPTIONS)


ELEMENTS_PER_TAG = 4
"""libxml2 makes at most one element of a tag and implies at most one ``<html>`` (when every
element was closed) and one ``<p>`` (around text that has no element to go in) before each
tag and each run of text, and ``<head>`` and ``<body>`` once: no more elements than four per
``<`` and four more, so a page with few enough ``<`` is not counted."""


def _bound(root: Any, options: Options, tags: int) -> tuple[str, ...]:
    """Drop subtrees deeper than ``max_depth`` and elements past ``max_elements``.

    Done in libxml2 (two XPath passes, about a microsecond an element), so
    nothing is walked in Python unless a limit bites; the elements are not
    counted at all when the page's ``tags`` (its count of ``<``) say there
    cannot be too many (:data:`ELEMENTS_PER_TAG`).  Returns notes on what was cut.
    """
    notes: list[str] = []
    depth = options.max_depth
    # Elements at depth == max_depth (the root is at 0) that have element children.
    deepest = root.xpath("/*" + "/*" * depth + "[*]") if root.getparent() is None else []
    for el in deepest:
        for child in list(el):
            if isinstance(child.tag, str):
                el.remove(child)
    if deepest:
        notes.append(f"subtrees deeper than max_depth={depth} dropped")
    if ELEMENTS_PER_TAG * (tags + 1) <= options.max_elements:
        return tuple(notes)
    count = int(root.xpath("count(//*)"))
    if count > options.max_elements:
        first_extra = root.xpath("(//*)[$n]", n=options.max_elements + 1)[0]
        node = first_extra
        while True:  # remove first_extra, then everything after it in document order
            parent = node.getparent()
            if parent is None:
                break
            start = parent.index(node) + (0 if node is first_extra else 1)
            del parent[start:]
            node = parent
        notes.append(f"{count - options.max_elements} elements past max_elements={options.max_elements} dropped")
    return tuple(notes)


def _parse_text(text: str, encoding: str, options: Options) -> Loaded:
    return _parse_utf8(text.encode("utf-8", "replace"), encoding, options)


def _parse_utf8(data: bytes, encoding: str, options: Options) -> Loaded:
    # libxml2 reads UTF-8 bytes about a third faster than a Python str, and
    # tolerates the control characters a str would have to be scrubbed of.
    data = _XML_DECL.sub(b"", data, count=1)
    scanned = bound_markup(data, options)  # max_elements and the caps that keep libxml2 linear
    data, cut = scanned.data, scanned.cuts
    # libxml2 drops what follows </html>; browsers move it into the body, and
    # real pages (templates that print a footer, then the article) need that.
    data = _END_OF_DOCUMENT.sub(b"", data)
    if any(control in data for control in _EACH_CONTROL):  # a memchr each: cheaper than a copy of the page
        data = data.translate(None, _CONTROLS)
    if b"\xef" in data:  # the lead byte of U+FFFE/U+FFFF: most pages have none, and memchr says so fast
        data = _NONCHARACTER.sub(b"", data)
    if not data or data.isspace():  # empty or blank (no copy of the page made to tell)
        return Loaded(etree.Element("html"), encoding)
    try:
        parser = _parser()
        root = etree.fromstring(data, parser)
        if stopped_too_deep(parser):  # libxml2 gave up at 2,047 open elements: cap them, parse again
            nested = cap_nesting(data, options)
            data = nested.data
            root, cut = etree.fromstring(data, _parser()), cut + nested.cuts
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None or not isinstance(root.tag, str):
        return Loaded(etree.Element("html"), encoding)
    return Loaded(root, encoding, cut + _bound(root, options, scanned.tags), scanned.repaired, data)


def reparse(loaded: Loaded, options: Options) -> Any:
    """A new copy of ``loaded``'s tree, the very tree :func:`load` would make of the page again.

    A relaxed pass prunes a fresh tree: parsing the markup kept from the first
    load costs the parse alone, not the decoding, scanning and cleaning again.
    """
    if loaded.markup is None:
        return etree.Element("html")
    root = etree.fromstring(loaded.markup, _parser())
    _bound(root, options, loaded.markup.count(b"<"))  # the same tree: the same cuts, if any
    return root


_FILE_NAME = re.compile(
    r"\s*[^\s<>]{0,4096}\.(?:html?|xhtml|shtml|php|aspx?|jsp|warc|gz|txt|json|xml)\s*", re.IGNORECASE
)
"""A str that is a file's name, not a page: no markup, no space, and a page-like extension."""


def _refuse_file_name(source: str) -> None:
    """A str is always the page itself: a service that passes untrusted text must never have a
    local file read for it.  One that looks like a file name is refused with the way to pass a file."""
    if len(source) <= 4100 and "<" not in source and _FILE_NAME.fullmatch(source):
        raise InputError(
            f"a str is read as the page's markup, and {source.strip()[:80]!r} looks like a file name: "
            "pass pathlib.Path(...) (or the file's bytes, or use extract_file) to read a file"
        )


def load(source: Source, options: Options, encoding: str | None = None) -> Loaded:
    """Turn any accepted input into a private tree (see the module docstring).

    ``encoding``: the charset the page came with (an HTTP header), for bytes and
    files; a label that is no WHATWG encoding, or does not decode the page, is passed over.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > options.max_bytes:
            raise PageTooLargeError(f"page of {len(data)} bytes exceeds max_bytes={options.max_bytes}")
        _sniff_binary(data)
        if utf8_as_is(data, encoding):  # most pages: no decode and re-encode
            return _parse_utf8(data, "utf-8", options)
        text, used = decode(data, encoding)
        return _parse_text(text, used, options)
    if isinstance(source, str):
        _refuse_file_name(source)
        if len(source) > options.max_bytes:
            raise PageTooLargeError(f"page of {len(source)} characters exceeds max_bytes={options.max_bytes}")
        return _parse_text(source, "unicode", options)
    if isinstance(source, os.PathLike):
        return load(read_path(source, options), options, encoding)
    # An lxml element or tree (lxml.html, lxml.etree, even XHTML with namespaces):
    # serialised and re-read, so the caller's tree is never touched and every
    # later stage sees what the HTML parser makes of any page.
    if isinstance(source, etree._ElementTree):
        source = source.getroot()
    if isinstance(source, etree._Element):
        return _parse_text(etree.tostring(source, encoding="unicode", method="html"), "tree", options)
    # A BeautifulSoup object (duck-typed: bs4 is a dependency, but we import lazily).
    decode_method = getattr(source, "decode", None)
    if decode_method is not None and hasattr(source, "find_all"):
        text = source.decode()
        return load(text, options)
    raise InputError(
        f"cannot extract from {type(source).__name__}: give bytes, str, a path, an lxml tree or a BeautifulSoup object"
    )
