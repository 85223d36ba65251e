"""Stage 1: bytes, text or a caller's tree in; a private, safe lxml tree out.

Why this stage is careful:

* Saved pages lie about their encoding.  We trust, in order: a byte-order mark,
  a declared charset *that actually decodes the bytes*, strict UTF-8, then
  bs4's ``UnicodeDammit`` detection, and finally windows-1252 with
  replacement, so decoding never raises.  Labels follow the WHATWG mapping
  (``latin-1`` and ``ascii`` mean windows-1252, ``gb2312`` means gb18030).
* The parser never touches the network or the disk: the HTML parser is built
  with ``no_network`` and without DTD loading, and entities are not resolved.
* The caller's objects are never mutated: a caller's tree is deep-copied and
  later stages work on our copy only.
"""

from __future__ import annotations

import codecs
import copy
import os
import re
from dataclasses import dataclass
from typing import Any, Union

from lxml import etree, html as lxml_html

from .errors import InputError, NotHTMLError, PageTooLargeError
from .options import Options

__all__ = ["Source", "Loaded", "load", "decode", "read_path"]

Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", Any]

# WHATWG encoding labels that Python spells differently or maps elsewhere.
_WHATWG = {
    "latin1": "windows-1252", "latin-1": "windows-1252", "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252", "iso_8859-1": "windows-1252", "l1": "windows-1252",
    "ascii": "windows-1252", "us-ascii": "windows-1252", "cp1252": "windows-1252",
    "windows-1252": "windows-1252", "x-cp1252": "windows-1252",
    "iso-8859-9": "windows-1254", "latin5": "windows-1254",
    "iso-8859-11": "windows-874", "tis-620": "windows-874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "x-sjis": "shift_jis", "sjis": "shift_jis", "ms932": "shift_jis", "windows-31j": "shift_jis",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "ks_c_5601-1987": "euc-kr", "korean": "euc-kr",
    "x-mac-roman": "mac-roman", "macintosh": "mac-roman",
    "utf-16": "utf-16-le", "unicode": "utf-16-le",
}

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_END_OF_DOCUMENT = re.compile(r"</(?:body|html)\s*>", re.I)
# Characters XML forbids and lxml refuses in a str: C0 controls but tab/LF/CR, and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

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

    root: Any  # lxml.html.HtmlElement (the <html> element)
    encoding: str
    """The encoding the text was decoded with, or ``"unicode"`` for str input."""


def _sniff_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if what and data.startswith(magic):
            raise NotHTMLError(f"not an HTML page: looks like {what}")
    head = data[:4096]
    if not head:
        return
    # Text in any single-byte or UTF-8 encoding has few control bytes; binary has many.
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
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
    label = label.strip().lower()
    label = _WHATWG.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


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
    declared = _DECLARED.search(data[:8192])
    if declared:
        label = (declared.group(1) or declared.group(2) or b"").decode("ascii", "ignore")
        enc = _normalise_label(label)
        # A page saved as UTF-8 often keeps its original <meta charset>: a UTF-16
        # declaration in 8-bit text is always such a lie, so skip it.
        if enc and not enc.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from bs4 import UnicodeDammit

        dammit = UnicodeDammit(data[:200_000], is_html=True)
        if dammit.original_encoding:
            enc = _normalise_label(dammit.original_encoding) or "windows-1252"
            return data.decode(enc, errors="replace"), enc
    except Exception:  # detection is a best effort; the fallback below always works
        pass
    return data.decode("windows-1252", errors="replace"), "windows-1252"


def read_path(path: "os.PathLike[str] | str", options: Options) -> bytes:
    """Read a page file, refusing oversize files before reading them whole."""
    try:
        size = os.path.getsize(path)
        if size > options.max_bytes:
            raise PageTooLargeError(f"{os.fspath(path)}: {size} bytes exceeds max_bytes={options.max_bytes}")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"cannot read {os.fspath(path)!s}: {exc.strerror or exc}") from exc


def _parser() -> etree.HTMLParser:
    # A new parser per call: lxml parsers are not thread-safe to share, and the
    # cost is microseconds.  no_network and the absence of DTD loading keep a
    # page from reaching outside.
    return lxml_html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
        huge_tree=False,
    )


def _parse_text(text: str, encoding: str) -> Loaded:
    text = _XML_DECL.sub("", text, count=1)
    # libxml2 drops what follows </html>; browsers move it into the body, and
    # real pages (templates that print a footer, then the article) need that.
    text = _END_OF_DOCUMENT.sub("", text)
    text = _FORBIDDEN.sub("", text)
    if not text.strip():
        return Loaded(lxml_html.Element("html"), encoding)
    try:
        root = etree.fromstring(text, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return Loaded(lxml_html.Element("html"), encoding)
    if not isinstance(root.tag, str):
        return Loaded(lxml_html.Element("html"), encoding)
    return Loaded(root, encoding)


def load(source: Source, options: Options) -> Loaded:
    """Turn any accepted input into a private tree (see the module docstring)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > options.max_bytes:
            raise PageTooLargeError(f"page of {len(data)} bytes exceeds max_bytes={options.max_bytes}")
        _sniff_binary(data)
        text, encoding = decode(data)
        return _parse_text(text, encoding)
    if isinstance(source, str):
        if len(source) > options.max_bytes:
            raise PageTooLargeError(f"page of {len(source)} characters exceeds max_bytes={options.max_bytes}")
        return _parse_text(source, "unicode")
    if isinstance(source, os.PathLike):
        return load(read_path(source, options), options)
    # An lxml element or tree: copy, never touch the caller's.
    if isinstance(source, etree._ElementTree):
        source = source.getroot()
    if isinstance(source, etree._Element):
        root = copy.deepcopy(source)
        while root.getparent() is not None:  # pragma: no cover - deepcopy detaches
            root = root.getparent()
        # A tree built by lxml.etree (not lxml.html) is re-read through the HTML parser
        # so that every later stage sees the same element classes.
        if not isinstance(root, lxml_html.HtmlElement):
            return _parse_text(etree.tostring(root, encoding="unicode", method="html"), "tree")
        return Loaded(root, "tree")
    # A BeautifulSoup object (duck-typed: bs4 is a dependency, but we import lazily).
    decode_method = getattr(source, "decode", None)
    if decode_method is not None and hasattr(source, "find_all"):
        text = source.decode()
        return load(text, options)
    raise InputError(
        f"cannot extract from {type(source).__name__}: give bytes, str, a path, an lxml tree or a BeautifulSoup object"
    )
