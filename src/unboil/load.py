"""Stage 1: bytes, text or a caller's tree in; a private, safe lxml tree out.

Why this stage is careful:

* Saved pages lie about their encoding.  We trust, in order: a byte-order mark,
  a declared charset *that actually decodes the bytes*, strict UTF-8, then
  bs4's ``UnicodeDammit`` detection, and finally windows-1252 with
  replacement, so decoding never raises.  Labels follow the WHATWG mapping
  (``latin-1`` and ``ascii`` mean windows-1252, ``gb2312`` means gb18030).
  A page that is valid UTF-8 *and* has non-ASCII bytes is UTF-8 whatever its
  ``<meta>`` says (no legacy text is valid UTF-8 by accident); a page that is
  mostly UTF-8 with stray windows-1252 bytes (a pasted paragraph) keeps both.
  Only WHATWG encodings are honoured: a ``<meta charset>`` naming a Python
  codec such as ``unicode_escape`` or ``utf-7`` is ignored.
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

import codecs
import os
import re
import stat
import zlib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, Union

from lxml import etree

from .errors import InputError, NotHTMLError, PageTooLargeError
from .options import Options
from .scan import bound_markup, cap_nesting, stopped_too_deep

__all__ = ["Source", "Loaded", "load", "reparse", "decode", "read_path", "read_page", "read_stored", "unpack_page", "PARSER_OPTIONS"]

Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", Any]

# WHATWG encoding labels that Python spells differently or maps elsewhere.
_WHATWG = {
    "latin1": "windows-1252", "latin-1": "windows-1252", "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252", "iso_8859-1": "windows-1252", "l1": "windows-1252",
    "ascii": "windows-1252", "us-ascii": "windows-1252", "cp1252": "windows-1252",
    "windows-1252": "windows-1252", "x-cp1252": "windows-1252",
    "iso-8859-9": "windows-1254", "latin5": "windows-1254",
    "iso-8859-11": "cp874", "tis-620": "cp874", "windows-874": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "shift_jis": "cp932", "x-sjis": "cp932", "sjis": "cp932", "ms932": "cp932", "windows-31j": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "korean": "cp949", "big5": "big5hkscs",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "x-mac-roman": "mac-roman", "macintosh": "mac-roman", "x-mac-cyrillic": "mac-cyrillic",
    "utf-16": "utf-16-le", "unicode": "utf-16-le",
}

# The encodings a page may name (WHATWG's list, as Python codec names).  Anything
# else Python happens to know (``unicode_escape``, ``utf-7``, ``undefined``...) is
# ignored: it would rewrite or refuse the page rather than decode it.
_ALLOWED = frozenset(
    {"utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gb18030",
     "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
     "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}
    | {f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)}
    | {f"cp{n}" for n in range(1250, 1259)}
)

# A valid UTF-8 multi-byte sequence (no overlongs, no surrogates).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(128, 256))
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_DETECTION_SAMPLE = 16_384
_MIXED_SAMPLE = 1_000_000
"""Bytes looked at to decide whether a page that is not valid UTF-8 is mostly UTF-8."""
_MIXED_MAX_ERRORS = 100_000
"""Above this many stray bytes a page is not "UTF-8 with a pasted paragraph"."""


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("windows-1252", errors="replace"), exc.end


codecs.register_error("unboil-cp1252", _cp1252_fallback)

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
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


def _utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 by where the NUL bytes fall (ASCII markup gives one NUL per pair)."""
    if len(head) < 16:
        return None
    even = head[0::2]
    odd = head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _normalise_label(label: str) -> str | None:
    """The Python codec for a page's encoding label, or None if it is not a WHATWG encoding."""
    label = label.strip().lower()
    label = _WHATWG.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name if name in _ALLOWED else None


def _declared(data: bytes) -> str | None:
    declared = _DECLARED.search(data[:8192])
    if not declared:
        return None
    enc = _normalise_label((declared.group(1) or declared.group(2) or b"").decode("ascii", "ignore"))
    # A page saved as UTF-8 often keeps its original <meta charset>: a UTF-16
    # declaration in 8-bit text is always such a lie, so skip it.
    if enc is None or enc.startswith(("utf-16", "utf-32")):
        return None
    return enc


def _mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few stray windows-1252 bytes (a pasted paragraph).

    Legacy text forms valid UTF-8 sequences only by accident, far more rarely
    than it leaves stray bytes, so a page whose non-ASCII bytes are mostly
    valid sequences is UTF-8.  Decided on a sample so a huge page costs little.
    """
    sample = data[:_MIXED_SAMPLE]
    rest = _UTF8_SEQUENCE.sub(b"", sample)
    valid = len(sample) - len(rest)
    stray = len(rest) - len(rest.translate(None, _HIGH_BYTES))
    if not valid or valid < stray:
        return False
    return stray * (len(data) / len(sample)) <= _MIXED_MAX_ERRORS


def _detection_sample(data: bytes) -> bytes:
    """16 KB of the page for charset detection, from its first non-ASCII byte.

    Detection on 200 KB took up to a second of CPU (a Japanese page) and
    guessed no better than on 16 KB.  The sample starts after a ``>`` and ends
    before a space, newline or ``>``, so no multi-byte character is cut in two.
    """
    first = _HIGH_BYTE.search(data)
    start = data.rfind(b">", 0, first.start()) + 1 if first else 0
    sample = data[start : start + _DETECTION_SAMPLE]
    if len(sample) == _DETECTION_SAMPLE:
        end = max(sample.rfind(b"\n"), sample.rfind(b" "), sample.rfind(b">"))
        if end > 0:
            sample = sample[:end]
    return sample


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes to text, never raising; returns ``(text, encoding)``."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    wide = _utf16_without_bom(data[:2048])
    if wide:
        return data.decode(wide, errors="replace"), wide
    declared = _declared(data)
    if data.isascii():
        # Every allowed encoding but the ISO-2022 ones reads ASCII bytes as ASCII.
        if declared and declared.startswith("iso2022"):
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
        return data.decode("ascii"), declared or "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "cp1252"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="unboil-cp1252"), "utf-8"
    if declared == "cp1252":
        return data.decode("windows-1252", errors="replace"), "cp1252"
    try:
        from bs4 import UnicodeDammit

        dammit = UnicodeDammit(_detection_sample(data), is_html=True)
        detected = _normalise_label(dammit.original_encoding or "")
        if detected and not detected.startswith(("utf-16", "utf-32")):
            return data.decode(detected, errors="replace"), detected
    except Exception:  # detection is a best effort; the fallback below always works
        pass
    return data.decode("windows-1252", errors="replace"), "cp1252"


_GZIP_WBITS = 16 + zlib.MAX_WBITS
"""zlib's window setting that expects (and checks) a gzip header and trailer."""


def _gunzip(data: bytes, limit: int) -> bytes:
    """All gzip members, stopped past ``limit`` bytes (a gzip bomb costs no more than a big page)."""
    parts: list[bytes] = []
    size = 0
    while data:
        d = zlib.decompressobj(_GZIP_WBITS)
        try:
            chunk = d.decompress(data, limit + 1 - size)
        except zlib.error as exc:
            if parts:  # trailing garbage after a complete member, as gzip(1) tolerates
                break
            raise InputError(f"not a valid gzip file: {exc}") from exc
        parts.append(chunk)
        size += len(chunk)
        if size > limit or d.unconsumed_tail:
            break
        data = d.unused_data
    return b"".join(parts)


def read_stored(path: "os.PathLike[str] | str", gz: bool, options: Options) -> bytes:
    """A saved page's bytes as stored (still gzipped), for callers that ship them before unpacking.

    Only regular files are read (a FIFO would block forever); a plain file is
    refused by its size unread, then read to ``max_bytes + 1`` at most so a
    file that grows meanwhile cannot pass either (:func:`unpack_page` bounds a
    gzipped one).  Messages name no path: a batch report line holds it.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("cannot read: not a regular file")
        if not gz and info.st_size > options.max_bytes:
            raise PageTooLargeError(f"page exceeds max_bytes={options.max_bytes}")
        with open(path, "rb") as fh:
            return fh.read() if gz else fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def unpack_page(data: bytes, gz: bool, options: Options) -> bytes:
    """The page itself from its stored bytes: gunzipped, and refused past ``max_bytes``."""
    if gz:
        data = _gunzip(data, options.max_bytes)
    if len(data) > options.max_bytes:
        raise PageTooLargeError(f"page exceeds max_bytes={options.max_bytes}")
    return data


def read_page(
    path: "os.PathLike[str] | str", options: Options, gz: bool | None = None, *, name_in_errors: bool = False
) -> bytes:
    """A saved page (plain or ``.gz``) from disk, bounded by ``max_bytes``; raises :class:`InputError` or a subclass.

    The one reader of saved pages, so ``extract``, ``extract_file`` and
    ``unboil clean`` refuse the same files for the same reasons.  ``gz``
    defaults to what the file name says.  Messages name the file only with
    ``name_in_errors``: a batch report line already holds the path.
    """
    gz = os.fspath(path).lower().endswith(".gz") if gz is None else gz
    try:
        return unpack_page(read_stored(path, gz, options), gz, options)
    except InputError as exc:
        if not name_in_errors:
            raise
        raise type(exc)(f"{os.fspath(path)}: {exc}") from exc


def read_path(path: "os.PathLike[str] | str", options: Options) -> bytes:
    """A page file given to :func:`load` as a path: read as stored (never gunzipped), errors naming the file.

    The caller of ``extract(path)`` may be going through many files, so the
    message says which; a gzipped file is not unpacked here and fails as
    "not an HTML page", as any other binary file does.
    """
    return read_page(path, options, gz=False, name_in_errors=True)


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


def _utf8_as_is(data: bytes) -> bool:
    """Whether :func:`decode` would read ``data`` as UTF-8 (or ASCII) exactly, so
    the bytes can go to the parser as they are, without a decode and re-encode."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data[:2048]):
        return False
    if data.isascii():
        declared = _declared(data)
        return not (declared and declared.startswith("iso2022"))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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


def load(source: Source, options: Options) -> Loaded:
    """Turn any accepted input into a private tree (see the module docstring)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > options.max_bytes:
            raise PageTooLargeError(f"page of {len(data)} bytes exceeds max_bytes={options.max_bytes}")
        _sniff_binary(data)
        if _utf8_as_is(data):  # most pages: no decode and re-encode
            return _parse_utf8(data, "utf-8", options)
        text, encoding = decode(data)
        return _parse_text(text, encoding, options)
    if isinstance(source, str):
        _refuse_file_name(source)
        if len(source) > options.max_bytes:
            raise PageTooLargeError(f"page of {len(source)} characters exceeds max_bytes={options.max_bytes}")
        return _parse_text(source, "unicode", options)
    if isinstance(source, os.PathLike):
        return load(read_path(source, options), options)
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
