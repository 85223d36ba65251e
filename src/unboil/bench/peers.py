"""Adapters that give every tool the same shape: ``(html, url) -> (text, title, date)``.

Each tool has a *factory* that imports it and does its one-off setup (a Goose
instance, stoplist cache...), so that imports stay lazy (a missing optional
peer is reported as "not installed", never an import error at start-up) and
set-up cost never lands in the timed extraction call.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Callable, Mapping

__all__ = ["Extraction", "Extractor", "Tool", "TOOLS", "load_tool", "as_date", "html_to_text", "silence"]

Extraction = (
    tuple[str, "str | None", "date | None"]
    | tuple[str, "str | None", "date | None", "str | None"]
    | tuple[str, "str | None", "date | None", "str | None", "tuple[str, ...]"]
)
"""(text, title, date), then the dateline from a tool that reads one (``Tool.gives_dateline``; else None)
and the authors from a tool that names them (``Tool.gives_authors``)."""
Extractor = Callable[[str, "str | None"], Extraction]

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
_LANG_ATTR = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
_LANG_META = re.compile(
    r"""<meta\b[^>]*?(?:content-language|og:locale)[^>]*?content\s*=\s*["']?([A-Za-z]{2,3})\b"""
    r"""|<meta\b[^>]*?content\s*=\s*["']?([A-Za-z]{2,3})\b[^>]*?(?:content-language|og:locale)""",
    re.I,
)
_NOT_TEXT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)
_JUSTEXT_LANGUAGES = MappingProxyType(
    {
        "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
        "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
        "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
        "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
        "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
        "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ka": "Georgian",
        "kk": "Kazakh", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
        "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk",
        "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
        "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
        "sw": "Swahili", "ta": "Tamil", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
        "ur": "Urdu", "vi": "Vietnamese",
    }
)
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "readability", "newspaper", "goose3", "justext")


@dataclass(frozen=True)
class Tool:
    """A benchmarked tool: its factory, and whether it reports a title, a date, a dateline and authors at all
    (so a table can print '-' instead of a misleading 0.00 for text-only extractors)."""

    name: str
    factory: Callable[[], Extractor]
    distribution: str | None
    gives_title: bool = True
    gives_date: bool = True
    quality: bool = True
    gives_dateline: bool = False
    gives_authors: bool = False


def silence() -> None:
    """Peers log and warn per page; on 20 000 calls that drowns the report and costs time."""
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


def as_date(value: Any) -> date | None:
    """Calendar day of whatever a tool returns (date, datetime, ISO or free-form string).

    A datetime keeps its own (page-local) day: converting to UTC first would move
    late-evening dates to the next day and count a correct answer as wrong.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser

        return parser.parse(text, fuzzy=True).date()
    except (ValueError, OverflowError, TypeError, ImportError):
        return None


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one block a line, so that words of adjacent paragraphs
    never glue together (``text_content()`` would join ``<p>a</p><p>b</p>`` into ``ab``)."""
    import lxml.html
    from lxml import etree

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        is_element = isinstance(el.tag, str)
        block = is_element and el.tag.lower() in _BLOCK_TAGS
        if event == "start":
            parts.append("\n" if block else "")
            parts.append(el.text or "" if is_element else "")
        else:
            parts.append("\n" if block else "")
            parts.append(el.tail or "" if el is not root else "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _unboil() -> Extractor:
    import unboil

    def run(html: str, url: str | None) -> Extraction:
        article = unboil.extract(html, url)
        return article.text, article.title, article.date, article.dateline, article.authors

    return run


def _unboil_text() -> Extractor:
    """The body alone, ``Options(with_metadata=False)``: what a corpus builder runs."""
    import unboil

    options = unboil.Options(with_metadata=False)

    def run(html: str, url: str | None) -> Extraction:
        return unboil.extract(html, url, options=options).text, None, None

    return run


def _trafilatura_text() -> Extractor:
    """``trafilatura.extract`` with its defaults: text only, no metadata."""
    import trafilatura

    def run(html: str, url: str | None) -> Extraction:
        return trafilatura.extract(html, url=url) or "", None, None

    return run


def _trafilatura() -> Extractor:
    """Default settings plus metadata, as the published figures were measured; its author field
    joins several names with "; "."""
    import trafilatura

    def run(html: str, url: str | None) -> Extraction:
        out = trafilatura.extract(
            html, url=url, with_metadata=True, include_comments=False, output_format="json"
        )
        if not out:
            return "", None, None
        record = json.loads(out)
        authors = tuple(n.strip() for n in (record.get("author") or "").split(";") if n.strip())
        return record.get("text") or "", record.get("title") or None, as_date(record.get("date")), None, authors

    return run


def _readability() -> Extractor:
    """``short_title()`` is the library's "cleaned up" article title (``title()`` is the raw
    ``<title>``); it is read before ``summary()``, which mutates the document."""
    from readability import Document

    def run(html: str, url: str | None) -> Extraction:
        doc = Document(html, url=url)
        title = doc.short_title() or None
        return html_to_text(doc.summary(html_partial=True)), title, None

    return run


def _newspaper() -> Extractor:
    """Image fetching is off: it would hit the network and time downloads, not extraction."""
    from newspaper import Article

    def run(html: str, url: str | None) -> Extraction:
        article = Article(url or "", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        authors = tuple(article.authors or ())
        return article.text or "", article.title or None, as_date(article.publish_date), None, authors

    return run


def _goose() -> Extractor:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})

    def run(html: str, url: str | None) -> Extraction:
        article = goose.extract(raw_html=html)
        authors = tuple(article.authors or ())
        return article.cleaned_text or "", article.title or None, as_date(article.publish_date), None, authors

    return run


def _page_language(html: str) -> str | None:
    """ISO 639-1 code the page declares (``<html lang>``, content-language, og:locale)."""
    head = html[:50_000]
    match = _LANG_ATTR.search(head) or _LANG_META.search(head)
    if match:
        return next(g for g in match.groups() if g).lower()[:2]
    return None


def _guess_language(html: str) -> str | None:
    """langdetect on the visible text, for pages that declare no language (when installed)."""
    try:
        from langdetect import DetectorFactory, detect
    except ImportError:
        return None
    DetectorFactory.seed = 0  # langdetect is random otherwise; a benchmark must repeat
    sample = " ".join(_NOT_TEXT.sub(" ", html).split())[:5000]
    try:
        return detect(sample) if sample else None
    except Exception:  # langdetect raises its own LangDetectException on text without letters
        return None


def _justext() -> Extractor:
    """The page's own language's stoplist (jusText's scores depend on it), else English."""
    import justext

    available = justext.get_stoplists()
    stoplists: dict[str, frozenset[str]] = {}
    _guess_language("<p>Loading the language profiles takes seconds: not on a timed page.</p>")

    def stoplist(html: str) -> frozenset[str]:
        code = _page_language(html) or _guess_language(html)
        name = _JUSTEXT_LANGUAGES.get(code or "", "English")
        name = name if name in available else "English"
        if name not in stoplists:
            stoplists[name] = justext.get_stoplist(name)
        return stoplists[name]

    def run(html: str, url: str | None) -> Extraction:
        paragraphs = justext.justext(html, stoplist(html))
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), None, None

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    def run(html: str, url: str | None) -> Extraction:
        return extract_plain_text(html, main_content=True), None, None

    return run


def _lxml_parse() -> Extractor:
    """The speed floor: parsing alone, what every lxml-based extractor pays at least.

    A str with an XML encoding declaration is refused by lxml; it is then parsed
    as UTF-8 bytes (the corpus is UTF-8), as lxml-based tools do.
    """
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8")

    def run(html: str, url: str | None) -> Extraction:
        try:
            lxml.html.document_fromstring(html)
        except ValueError:
            lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
        return "", None, None

    return run


TOOLS: Mapping[str, Tool] = MappingProxyType(
    {
        t.name: t
        for t in (
            Tool("unboil", _unboil, "unboil", gives_dateline=True, gives_authors=True),
            Tool("trafilatura", _trafilatura, "trafilatura", gives_authors=True),
            Tool("unboil-text", _unboil_text, "unboil", gives_title=False, gives_date=False),
            Tool("trafilatura-text", _trafilatura_text, "trafilatura", gives_title=False, gives_date=False),
            Tool("readability", _readability, "readability-lxml", gives_date=False),
            Tool("newspaper4k", _newspaper, "newspaper4k", gives_authors=True),
            Tool("goose3", _goose, "goose3", gives_authors=True),
            Tool("justext", _justext, "jusText", gives_title=False, gives_date=False),
            Tool("resiliparse", _resiliparse, "Resiliparse", gives_title=False, gives_date=False),
            Tool("lxml-parse", _lxml_parse, "lxml", gives_title=False, gives_date=False, quality=False),
        )
    }
)


def load_tool(name: str) -> Extractor | None:
    """The tool's extractor, or None when it (or one of its dependencies) is not installed."""
    try:
        return TOOLS[name].factory()
    except ImportError:
        return None
