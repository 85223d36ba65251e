"""Page bytes to text, never raising, whatever the page says about its encoding.

Saved pages lie about their encoding.  We trust, in order: a byte-order mark,
the transport's charset (a WARC record's HTTP ``Content-Type``, a caller's
``encoding=``) and then the page's own declaration, each only *if it actually
decodes the bytes*, strict UTF-8, then bs4's ``UnicodeDammit`` detection, and
finally windows-1252 with replacement.  Labels follow the WHATWG mapping
(``latin-1`` and ``ascii`` mean windows-1252, ``gb2312`` means gb18030).  A
page that is valid UTF-8 *and* has non-ASCII bytes is UTF-8 whatever its
``<meta>`` or its server says (no legacy text is valid UTF-8 by accident, and
servers that default to ``ISO-8859-1`` are common); a page that is mostly
UTF-8 with stray windows-1252 bytes (a pasted paragraph) keeps both.  Only
WHATWG encodings are honoured: a label naming a Python codec such as
``unicode_escape`` or ``utf-7`` is ignored.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode", "encoding_label", "utf8_as_is"]

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


def encoding_label(label: str | None) -> str | None:
    """The Python codec a caller's or a server's encoding label names, or None if it is no WHATWG encoding."""
    return _normalise_label(label) if label else None


def _transport(hint: str | None) -> str | None:
    given = encoding_label(hint)
    # UTF-16 without a byte-order mark is looked for by its NUL bytes; 8-bit text is not it.
    return None if given is None or given.startswith(("utf-16", "utf-32")) else given


def utf8_as_is(data: bytes, hint: str | None = None) -> bool:
    """Whether :func:`decode` would read ``data`` as UTF-8 (or ASCII) exactly, so
    the bytes can go to the parser as they are, without a decode and re-encode."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data[:2048]):
        return False
    if data.isascii():
        declared = _transport(hint) or _declared(data)
        return not (declared and declared.startswith("iso2022"))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text, never raising; returns ``(text, encoding)``.

    ``hint`` is the transport's charset label: it goes before the page's own
    declaration, and like it counts only if it decodes the page.
    """
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
    given = _transport(hint)
    meta = _declared(data)
    declared = given or meta
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
    for label in dict.fromkeys((given, meta)):  # the transport's, then the page's: the first that decodes
        if label and label not in ("utf-8", "cp1252"):
            try:
                return data.decode(label), label
            except UnicodeDecodeError:
                pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="unboil-cp1252"), "utf-8"
    if "cp1252" in (given, meta):  # nearly any bytes decode as windows-1252: a claim, not a test
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
