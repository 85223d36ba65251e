"""Metadata: title, dates, authors, site name, language, description, url.

Runs on the loaded tree *before* pruning, because the best evidence (JSON-LD,
``<meta>``, ``<time>``, the header with the h1) sits exactly in the parts that
pruning removes.  Each field is decided by agreement between independent
sources rather than by the first source found: a page's ``og:title`` and its
``<h1>`` agreeing is far stronger evidence than either alone.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterator
from urllib.parse import urlsplit

from .dom import text_of

__all__ = ["Metadata", "extract_metadata", "parse_date", "title_key", "find_dateline"]


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    date: date | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    url: str | None = None
    image: str | None = None
    jsonld_body: str | None = None
    """JSON-LD ``articleBody``: evidence for the scorer, not a result."""
    title_sources: tuple[str, ...] = field(default=(), compare=False)
    date_source: str | None = field(default=None, compare=False)


_WS = re.compile(r"\s+")
_FIELD_LIMIT = 10_000
"""Characters of a source read for one field: no title, date or name is longer, and a
wrapper element's whole text (megabytes on a hostile page) must not be cleaned every time."""


def _clean(text: str | None) -> str:
    if not text:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", text[:_FIELD_LIMIT])).strip()


_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def _unescape(text: str) -> str:
    """A metadata value with the HTML entities its CMS escaped twice decoded ("Tips &amp;
    Tricks", "TFC8&reg;", "Lunch &#8211; fast"): the markup already decoded them once."""
    return html.unescape(text) if _ENTITY.search(text) else text


_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
"""A lead byte of UTF-8 read as Latin-1 or Windows-1252, then a continuation byte read the same way."""


def _undo_mojibake(text: str | None) -> str | None:
    """A title whose UTF-8 bytes were read as Latin-1 or Windows-1252 ("Investorâ\x80\x99s",
    "cafÃ©"), read again as UTF-8; text that is not such a misreading does not decode and is kept."""
    if not text or not _MOJIBAKE.search(text):
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def title_key(text: str) -> str:
    """A comparison key for titles: case, quotes, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", text))


# --- JSON-LD -------------------------------------------------------------------

_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "socialmediaposting", "liveblogposting", "report", "review",
    "webpage", "itempage", "medicalwebpage", "aboutpage", "qapage", "faqpage", "collectionpage",
    "discussionforumposting", "howto", "recipe", "product", "event", "videoobject", "creativework",
    "podcastepisode", "newsarticle", "blog", "posting",
}
_PRIORITY_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "socialmediaposting", "liveblogposting", "discussionforumposting",
    "recipe", "howto", "product", "review", "posting",
}


_JSON_WRAPPER = re.compile(r"^\s*(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?|(?://|/\*)?\s*\]\]>(?:\s*\*/)?\s*$|^\s*<!--|-->\s*$")
"""Guards some pages wrap their JSON-LD in, for old XHTML parsers: CDATA sections and comments."""


def _jsonld_items(root: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    # A framework's meta tags may carry it too (Remix: <meta name="script:ld+json" content="{...}">).
    blocks = [script.text for script in root.iter("script") if (script.get("type") or "").strip().lower() == "application/ld+json"]
    blocks += [meta.get("content") for meta in root.iter("meta") if (meta.get("name") or "").lower() == "script:ld+json"]
    for block in blocks:
        raw = _JSON_WRAPPER.sub("", (block or "")).strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):  # RecursionError: "[[[[..." nested past the stack
            try:  # common breakage: raw newlines or trailing commas inside strings
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")))
            except (ValueError, RecursionError):
                continue
        stack = [data]
        while stack and len(items) < 200:
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
    return items


def _types(item: dict[str, Any]) -> set[str]:
    t = item.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _names(value: Any, depth: int = 0) -> list[str]:
    out: list[str] = []
    if depth > 8:  # names nest a level or two; JSON may nest a thousand
        return out
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            out.append(name)
        elif name is not None:
            out.extend(_names(name, depth + 1))
        elif isinstance(value.get("@value"), str):
            out.append(value["@value"])
    elif isinstance(value, list):
        for v in value:
            out.extend(_names(v, depth + 1))
    return out


# --- dates ---------------------------------------------------------------------

_MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Spanish / Italian / Portuguese / Dutch
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Russian, Ukrainian, Polish: the genitive that follows a day number ("15 августа 2016")
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8,
    "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
}
_DASH_MONTHS = {
    **_MONTHS,
    # Romance abbreviations seen only between dashes ("04-ago-2021"): "ago" is English elsewhere
    "ene": 1, "gen": 1, "fev": 2, "abr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "ott": 10,
    "out": 10, "dic": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
    r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?\s*(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?"
)
_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T?(?P<H>[0-2]\d)(?P<M>[0-5]\d))?(?!\d)")
_DMY_NUM = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)(?:\.\s?|/)(?P<m>[01]?\d)(?:\.\s?|/)(?P<y>(?:19|20)\d\d)(?!\d)")
_DMY_SHORT = re.compile(r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<y>\d\d)(?![\d.])")
"""A two-digit year ("23.09.22"): only with two-digit day and month, unlike a version number."""
_TEXT_DMY_DASH = re.compile(r"(?<![\w-])(?P<d>[0-3]?\d)-(?P<mon>[^\W\d_]{3,9})\.?-(?P<y>(?:19|20)\d\d)(?!\d)")
_YMD_SLASH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?!\d)")
_MDY_SLASH = re.compile(r"(?<![\d-])(?P<m>[0-3]?\d)(?P<sep>[/-])(?P<d>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)")
_TEXT_MDY = re.compile(
    rf"(?<!\w)(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I
)
_TEXT_DMY = re.compile(
    rf"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.I,
)
_TEXT_YMD = re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)\s+(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?![\d:])", re.I)
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?:[/_-]|\.html?|$)"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)[/_-]"
    r"|[/_-](?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)[/_.-]"
    r"|/(?P<d4>[0-3]\d)-(?P<m4>[01]\d)-(?P<y4>(?:19|20)\d\d)(?:/|\.html?|$)"
    rf"|/(?P<y5>(?:19|20)\d\d)/(?P<m5>{_MONTH_RE})/(?P<d5>[0-3]?\d)(?:/|\.html?|$)"
)


def _mk(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: str | None = None) -> datetime | None:
    try:
        tzinfo = None
        if tz:
            if tz == "Z":
                tzinfo = timezone.utc
            else:
                sign = 1 if tz[0] == "+" else -1
                digits = tz[1:].replace(":", "")
                tzinfo = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
        value = datetime(y, m, d, hh, mm, ss, tzinfo=tzinfo)
    except (ValueError, OverflowError):
        return None
    if not 1990 <= y <= 2035:
        return None
    return value


_CLOCK = re.compile(
    r"\s*(?:,|\bat\b|\||-)?\s*(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)?"
    r"\s*(?P<tz>gmt|utc|z\b|[+-][0-2]\d:?[0-5]\d)?"
)


def _with_clock(y: int, m: int, d: int, rest: str) -> datetime | None:
    """A written date with the time of day that follows it ("Wed, 04 May 2022 00:25:56 GMT").

    The time matters only with a zone: it decides which calendar day the instant falls on
    for the page's readers (see ``_local_day``).
    """
    c = _CLOCK.match(rest)
    if not c:
        return _mk(y, m, d)
    hour = int(c["H"])
    if c["ap"]:
        if hour > 12:
            return _mk(y, m, d)
        hour = hour % 12 + (12 if c["ap"].startswith("p") else 0)
    tz = c["tz"]
    if tz in ("gmt", "utc", "z"):
        tz = "Z"
    return _mk(y, m, d, hour, int(c["M"]), int(c["S"] or 0), tz) or _mk(y, m, d)


def parse_date(text: str | None, *, loose: bool = True, dayfirst: bool = False) -> datetime | None:
    """The first plausible date in ``text`` (ISO, numeric or written in several languages).

    ``dayfirst`` reads an ambiguous "3/5/2022" as 3 May: everywhere but in US English.
    """
    if not text:
        return None
    text = text.strip()[:400]
    m = _ISO.search(text)
    if m:
        g = m.groupdict()
        return _mk(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"] or 0), int(g["M"] or 0), int(g["S"] or 0), g["tz"])
    m = _CJK.search(text)
    if m:
        return _mk(int(m["y"]), int(m["m"]), int(m["d"]))
    low = text.lower()
    for pattern in (_TEXT_MDY, _TEXT_DMY, _TEXT_YMD):
        m = pattern.search(low)
        # "2023 Jan 7" (citations) only with a capitalised month: "in 2020 may 5 people" is prose
        if m and (pattern is not _TEXT_YMD or text[m.start("mon")].isupper()):
            return _with_clock(int(m["y"]), _MONTHS[m["mon"].lower()], int(m["d"]), low[m.end():m.end() + 40])
    m = _TEXT_DMY_DASH.search(low)
    if m and m["mon"] in _DASH_MONTHS:
        return _mk(int(m["y"]), _DASH_MONTHS[m["mon"]], int(m["d"]))
    m = _YMD_SLASH.search(text)
    if m:
        return _mk(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _DMY_NUM.search(text)
    if m and "/" not in m.group(0):
        return _mk(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _MDY_SLASH.search(text)
    if m:
        first, second = (m["d"], m["m"]) if dayfirst else (m["m"], m["d"])
        found = _mk(int(m["y"]), int(first), int(second))
        if found is None:  # 25/12/2020 in a US page, 12/25/2020 elsewhere: the only valid reading
            found = _mk(int(m["y"]), int(second), int(first))
        return found
    if loose:
        m = _COMPACT.search(text)
        if m and len(text) <= 25:
            return _mk(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0))
        if re.fullmatch(r"\d{10}(?:\d{3})?", text):  # unix timestamp, seconds or ms
            try:
                stamp = int(text[:10])
                found = datetime.fromtimestamp(stamp, tz=timezone.utc)
                return found if 1990 <= found.year <= 2035 else None
            except (OverflowError, OSError, ValueError):
                return None
    return None


def _short_year_date(text: str) -> datetime | None:
    """A date with a two-digit year ("23.09.22"), read only beside the headline: elsewhere
    on a page it is as often a teaser's date as a version number."""
    m = _DMY_SHORT.search(text)
    return _mk(2000 + int(m["y"]), int(m["m"]), int(m["d"])) if m else None


def _read_as_address(value: datetime, url_date: datetime | None) -> datetime:
    """A numeric date read with day and month the other way round when that reading is the
    date in the page's address ("03/10/2023" on ".../2023/october/03/...")."""
    if url_date is None or value.day > 12 or value.date() == url_date.date():
        return value
    other = _mk(value.year, value.day, value.month)
    return url_date if other is not None and other.date() == url_date.date() else value


def _url_date(url: str | None) -> datetime | None:
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path.lower())
    if not m:
        return None
    g = m.groupdict()
    if g.get("y5"):  # "/2023/october/03/"
        return _mk(int(g["y5"]), _MONTHS[g["m5"]], int(g["d5"]))
    for y, mo, d in (("y", "m", "d"), ("y2", "m2", "d2"), ("y3", "m3", "d3"), ("y4", "m4", "d4")):
        if g.get(y):
            return _mk(int(g[y]), int(g[mo]), int(g[d]))
    return None


# --- meta tags -----------------------------------------------------------------

def _meta_map(root: Any) -> dict[str, list[str]]:
    """``<meta>`` values by name; an RDFa ``property`` may list several names at once
    ("og:title twitter:title"), and the value stands for each of them."""
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        value = meta.get("content")
        if key is None or value is None:
            continue
        keys = key.split() if meta.get("property") else [key.strip()]
        for name in keys[:8]:
            found.setdefault(name.lower(), []).append(value.strip())
    return found


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in meta.get(key, ()):
            if value:
                return value
    return None


_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "published_time", "og:published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "date.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date",
    "citation_date", "article.published", "originalpublicationdate", "date", "created", "pdate",
    "og:pubdate", "article_date_original", "cxenseparse:recs:publishtime", "weibo:article:create_at",
    "displaydate", "release_date", "datecreated", "live_date", "prism.publicationdate",
)
_WEAK_PUBLISHED_KEYS = frozenset({"dc.date", "dcterms.date", "date", "created", "datecreated", "dc.date.created", "dcterms.created"})
"""Names that say only "a date" or "made on": a CMS fills them with the import, the
revision or the creation of the record, so the date printed beside the headline outranks them."""
_STRONG_PUBLISHED_KEYS = [k for k in _PUBLISHED_KEYS if k not in _WEAK_PUBLISHED_KEYS]
_MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "modified_time", "last-modified",
    "dcterms.modified", "dc.date.modified", "article.updated", "lastmod", "revised",
)


_PUBLISHED_KEY = re.compile(r"publi|pub[-_.]?date|date[-_.]?pub|creat|issued|release|(?:^|[.:_-])date$")
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|edit|revis|valid|review|birth|event|start|end|print|crawl|index|cache")


def _other_published_keys(meta: dict[str, list[str]]) -> Iterator[str]:
    """Meta names outside the known list that still name a publication date.

    Publishers invent their own ("w-published-date", "ms.date", "published"); the name
    says what the value is as clearly as the standard ones do.
    """
    for key in meta:
        if key not in _PUBLISHED_KEYS and _PUBLISHED_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key):
            yield key


def _meta_date(meta: dict[str, list[str]], keys: list[str]) -> tuple[datetime | None, str | None]:
    for key in keys:
        for raw in meta.get(key, ()):
            value = parse_date(raw)
            if value is not None:
                return value, f"meta:{key}"
    return None, None


_TITLE_SEP = re.compile(r"\s+[|\-–—:•·»«/\\~]\s+|\s+::\s+|\s*\|\s*|\s+-{2}\s+")


def _split_title(title: str) -> list[str]:
    parts = _TITLE_SEP.split(title)
    return [p.strip() for p in parts if p.strip()]


def _heading_pieces(el: Any) -> list[str]:
    """The runs of text a heading shows, each cleaned, empty ones left out: no text of a
    ``<style>`` or ``<script>`` inside it (CSS-in-JS pages put their rules there)."""
    if next(el.iter("style", "script"), None) is None:
        texts = list(el.itertext())
    else:
        texts = [str(t) for t in el.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]")]
    return [p for p in (_clean(t) for t in texts) if p]


def _heading_runs(el: Any) -> list[str]:
    """A heading's runs of text less a label that opens it (see ``_leading_label``) and the
    separator a screen reader hears after it (": ", " – ")."""
    pieces = _heading_pieces(el)
    label = _leading_label(el)
    if label is not None and len(pieces) > 1 and pieces[0] == label:
        pieces = pieces[1:]
        while pieces and not re.search(r"\w", pieces[0]):
            pieces = pieces[1:]
    return pieces


def _heading_text(el: Any) -> str:
    """A heading's text as a title: its runs joined by a space, a permalink mark dropped."""
    return _HEADING_JUNK.sub("", _clean(" ".join(_heading_runs(el))))


_LABEL_CLASS = re.compile(
    r"(?:^|\s)(?:label|prefix|badge|tag)(?:$|\s|-)"
    r"|kicker|overline|dachzeile|topline|roofline|eyebrow|subheadline|sub-?heading|subtitle|topic",
    re.I,
)


def _leading_label(el: Any) -> str | None:
    """The text of a label element that opens a heading ("<span class='label'>News</span>
    Cameras in 2024"): a forum's thread prefix, a category badge or a news kicker
    ("<span class='overline'>Climate</span> Drilling until it gets hot"), not the headline's words."""
    if (el.text or "").strip() or len(el) == 0:
        return None
    first = el[0]
    if not isinstance(first.tag, str) or not _LABEL_CLASS.search(first.get("class") or ""):
        return None
    return _clean(text_of(first)) or None


def _is_date_part(part: str) -> bool:
    """A part of a title that is only a date ("23.01.2022 - Wierer wins"): a dateline, not words of the headline."""
    part = part.strip()
    if len(part) > 30 or parse_date(part, loose=False) is None:
        return False
    return not re.findall(r"[^\W\d_]+", _DATE_WORDS.sub(" ", part))


def _before_bar(text: str) -> str:
    """A heading cut at its first bar when what comes before is the longest part
    ("Best Movers in NYC 2025 | Top 19 Companies", "... health | Opinion"): a bar sets off a
    tagline or a section, as in a ``<title>``; a short part first is a kicker ("Tunisia | ...")."""
    parts = re.split(r"\s+\|\s+", text)
    if len(parts) < 2:
        return text
    words = [len(p.split()) for p in parts]
    return parts[0] if words[0] >= 2 and words[0] > max(words[1:]) else text


def _drop_site_ends(text: str, is_site: Any) -> str:
    """A heading less a site name set off at its start or end ("Catering tips | Cookshack").

    Some templates print the ``<title>`` pattern into the ``<h1>``; the site's part is no
    more the headline there than in the ``<title>``.
    """
    seps = list(_TITLE_SEP.finditer(text))
    if not seps:
        return text
    head, tail = text[: seps[0].start()], text[seps[-1].end():]
    if len(seps) >= 1 and tail.strip() and is_site(tail) and text[: seps[-1].start()].strip():
        return text[: seps[-1].start()].strip()
    if head.strip() and is_site(head) and text[seps[0].end():].strip():
        return text[seps[0].end():].strip()
    return text


_COMPACT_KEY = re.compile(r"[\W_]+")
_GENERIC_LABELS = {"www", "com", "co", "org", "net", "blog", "blogs", "blogspot", "web", "archive", "news", "de", "uk", "fr"}
_HEADING_JUNK = re.compile(r"\s*(?:¶|#|Copy item path|Permalink)\s*$")


def _compact(text: str) -> str:
    return _COMPACT_KEY.sub("", title_key(text))


def _tokens(text: str) -> set[str]:
    return set(title_key(text).split())


def _home_link(el: Any, host: str) -> bool:
    """Whether a heading is (or wraps) a link to the site's home page: a logo, not a headline."""
    links = [el] if el.tag == "a" else []
    parent = el.getparent()
    if parent is not None and parent.tag == "a":
        links.append(parent)
    links.extend(el.iter("a"))
    for a in links[:3]:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "?", "javascript:")):
            continue
        parts = urlsplit(href)
        if parts.query or parts.fragment:
            continue
        if parts.netloc:
            if parts.path.strip("/") == "" and (not host or parts.netloc.lower().endswith(host)):
                return True
        elif parts.path in ("/", "./", "/index.html", "/index.php", "index.html", "index.php"):
            return True
    return False


def _title_cuts(doc_title: str) -> set[str]:
    """Keys of the ``<title>`` less its first or its last part (the site name's two places).

    Only for titles of three parts or more (with two, either part is a plain headline), and
    only where the part left off is not left on as well ("Headline | Site | Site").
    """
    parts = _split_title(doc_title) if doc_title else []
    if len(parts) < 3:
        return set()
    cuts = set()
    for kept, dropped in ((parts[:-1], parts[-1]), (parts[1:], parts[0])):
        if title_key(dropped) not in {title_key(kept[0]), title_key(kept[-1])}:
            cuts.add(title_key(" ".join(kept)))
    cuts.discard("")
    return cuts


def _heading_over_h1(
    root: Any,
    h1s: list[str],
    sources: list[tuple[str, str]],
    doc_title: str,
    title_cuts: set[str],
    is_site: Any,
    strip_site: Any,
) -> tuple[str, tuple[str, ...]] | None:
    """A lower heading that carries the metadata title, over an h1 the metadata do not name.

    Blogs and portals put the site's name or a section label in the ``<h1>`` ("Blog",
    "Opinion", "Crumbnotes") and the story's headline in an ``<h2>``.  When a later heading
    is the metadata title (the ``og:title``, the JSON-LD headline, the ``<title>`` less the
    site name) and the h1 is not, the later heading is the headline.  When the h1 too is a
    part of the ``<title>``: an h1 that is the last part sits where the site's name goes
    ("Borrowing rules - The Crab Book" in a manual), so a heading with another part is the
    headline unless it is a short label beside a long h1 ("Aktuelles"); otherwise the
    heading needs more words than the h1.
    """
    if not h1s:
        return None
    k1 = title_key(h1s[0])
    meta_keys = {title_key(v) for n, v in sources if n in ("jsonld", "og")}
    if k1 in meta_keys:
        return None
    parts = [title_key(p) for p in _split_title(doc_title)] if doc_title else []
    if len(parts) < 2:
        parts = []
    named = meta_keys | {title_key(strip_site(v)) for n, v in sources if n in ("jsonld", "og")}
    full = named | title_cuts | ({title_key(strip_site(doc_title))} if doc_title else set())
    named.discard("")
    full.discard("")
    words1 = set(k1.split())
    meta_words = {w for n, v in sources if n != "h1" for w in title_key(v).split()}
    # An h1 of three words or more that the metadata titles mostly say too is the headline
    # reworded, not a label: a lower heading with only a part of a metadata title does not beat it.
    reworded = len(words1) >= 3 and len(words1 & meta_words) >= 0.6 * len(words1) and k1 not in parts
    for i, el in enumerate(root.iter("h1", "h2", "h3")):
        if i >= 30:
            break
        text = _heading_text(el)
        k = title_key(text)
        if len(k) < 8 or k == k1 or len(text) > 300 or is_site(text):
            continue
        words = set(k.split())
        if words <= words1 or words1 <= words:
            continue  # one says what the other says, and more: a reworded headline, not a label
        if k1 in parts:
            # "Headline | Site" with the h1 "Site", or "Site » Blog » Headline"; not
            # "Headline - Standfirst - Site" with the standfirst in an h2.
            if (
                len(words) > len(words1) and (k in named and k not in parts or k in parts and k == parts[-1])
                or k1 == parts[-1] and k in parts and 2 * len(words) >= len(words1)
            ):
                return text, ("heading", "part")
        elif k in meta_keys or k in full and not reworded:
            return text, ("heading", "confirmed")
    return None


def _choose_title(
    root: Any,
    meta: dict[str, list[str]],
    jsonld: list[str],
    site_names: list[str],
    host: str = "",
) -> tuple[str | None, tuple[str, ...]]:
    """Reconcile headline sources; the winner is the one the others agree with.

    The visible headline (the page's ``<h1>``) is what a reader calls the title, so it
    wins whenever the metadata titles vouch for it: exactly, as a part of the ``<title>``
    before/after the site name, or by sharing most of its words (SEO titles reword the
    headline).  An ``<h1>`` that is the site's name (a logo, a blog header) never wins.
    """
    doc_title = ""
    for t in root.iter("title"):
        doc_title = _clean(text_of(t))
        break
    # The Dublin Core title is the document's catalogue record; og:title is written for sharing.
    og = _unescape(_clean(_first(meta, "dc:title", "dcterms:title", "dc.title", "dcterms.title", "og:title", "twitter:title", "title", "parsely-title", "sailthru.title")))
    headlines = [_unescape(_clean(x)) for x in jsonld if _clean(x)]
    site_keys = {title_key(s) for s in site_names if s}
    site_compact = {_compact(s) for s in site_names if s}
    labels = [
        _COMPACT_KEY.sub("", lab.lower())
        for lab in host.split(".")[:-1]
        if lab.lower() not in _GENERIC_LABELS
    ]
    labels = [lab for lab in labels if len(lab) >= 4]
    # Names the page gives itself (og:site_name, the publisher, the host), before any guess.
    named_sites = set(site_compact) | set(labels)
    named_sites.discard("")
    # The part of the <title> a metadata title leaves out is the site's name
    # ("Headline | Site" beside og:title "Headline").
    if doc_title:
        parts = _split_title(doc_title)
        if len(parts) >= 2:
            for other in [og, *headlines]:
                # A "headline" that is the site's own name (a business marked up as a
                # Product) leaves out the page's headline, not the site's name.
                if not other or _compact(other) in named_sites:
                    continue
                ko = title_key(other)
                if title_key(" ".join(parts[:-1])) == ko:
                    site_keys.add(title_key(parts[-1]))
                    site_compact.add(_compact(parts[-1]))
                if title_key(" ".join(parts[1:])) == ko:
                    site_keys.add(title_key(parts[0]))
                    site_compact.add(_compact(parts[0]))
    site_keys.discard("")
    site_compact.discard("")

    def is_site(text: str) -> bool:
        k = title_key(text)
        if not k or k in site_keys:
            return True
        c = k.replace(" ", "")
        c = _COMPACT_KEY.sub("", c)
        if c in site_compact:
            return True
        for lab in labels:
            # "Four Years Remaining" on fouryears.eu, "modabot" on modabot.de; not the
            # name with a number ("Tidepool 03/2024", "15 years of tidepool"): an issue, a story
            if (lab in c and len(lab) > 0.5 * len(c) and not re.search(r"\d", c.replace(lab, "", 1))) or c in lab:
                return True
        return False

    h1s: list[str] = []
    h1_runs: list[int] = []
    for i, el in enumerate(root.iter("h1")):
        if i >= 8 or len(h1s) >= 5:
            break
        # Pieces joined by a space: a kicker <span> and the headline must not fuse into one word.
        pieces = _heading_runs(el)
        text = _HEADING_JUNK.sub("", _clean(" ".join(pieces)))
        if not 2 <= len(text) <= 300 or is_site(text):
            continue
        if _home_link(el, host):
            # A logo: the site's name, wherever the <title> prints it too.
            if len(text) <= 60:
                site_keys.add(title_key(text))
                site_compact.add(_compact(text))
            continue
        h1s.append(_before_bar(_drop_site_ends(text, lambda part: _compact(part) in named_sites or _is_date_part(part))))
        h1_runs.append(len(pieces))

    heading_cache: list[set[str]] = []

    def heading_keys() -> set[str]:
        if not heading_cache:
            keys = set()
            for i, el in enumerate(root.iter("h1", "h2", "h3")):
                if i >= 30:
                    break
                keys.add(title_key(_heading_text(el)))
            heading_cache.append(keys)
        return heading_cache[0]

    def strip_site(text: str) -> str:
        parts = _split_title(text)
        if len(parts) <= 1:
            return text
        kept = [p for p in parts if not is_site(p)]
        if len(kept) == 1 and len(kept) < len(parts):
            return kept[0]
        first_site = next((i for i, p in enumerate(parts) if is_site(p)), None)
        if first_site == 1 and len(parts) >= 3:
            # "Headline : Site | The site's motto | Since 2005": what follows the site is the site's.
            return parts[0]
        if len(kept) == 2 and is_site(parts[-1]) and not is_site(parts[0]) and len(kept[0].split()) >= 2:
            # "Headline - Tagline | Site": the headline is the part farthest from the site.
            return kept[0]
        if 2 <= len(kept) < len(parts):
            # "Site » Blog Archive » Headline": among the parts left, the one with most of the words.
            longest = max(kept, key=len)
            if len(longest) >= 0.55 * sum(len(p) for p in kept):
                return longest
        # Without a known site name: of two parts, the one the page prints as a heading,
        # else the first ("Stripe Payments | Global Payment Platform": the site's own part
        # may be the longer); of more, the longest part is the headline, as long as it
        # carries most of the words; otherwise the separator is part of the title.
        if len(parts) == 2:
            keys = [title_key(p) for p in parts]
            shown = [
                p for p, k, other in zip(parts, keys, reversed(keys))
                if len(p.split()) >= 3 and k in heading_keys() and k not in other
            ]
            if len(shown) == 1:
                return shown[0]
            if len(parts[0].split()) >= 2 and not is_site(parts[0]):
                return parts[0]
        longest = max(parts, key=len)
        if len(longest) >= 0.55 * len(text) or len(parts) == 2 and len(longest.split()) >= 3:
            if is_site(longest):
                return text
            return longest
        return text

    sources: list[tuple[str, str]] = []
    for name, values in (("jsonld", headlines), ("og", [og] if og else []), ("h1", h1s), ("title", [doc_title] if doc_title else [])):
        for v in values:
            sources.append((name, v))

    title_cuts = _title_cuts(doc_title)
    found = _heading_over_h1(root, h1s, sources, doc_title, title_cuts, is_site, strip_site)
    if found:
        return found
    # 1. An h1 confirmed by another source (exactly, or as the part of the <title> before " | Site").
    others = [v for n, v in sources if n != "h1"]
    other_keys = {title_key(v) for v in others}
    other_parts = {title_key(p) for v in others for p in _split_title(v)}
    for h in h1s:
        k = title_key(h)
        if k in other_keys or k in other_parts:
            return h, ("h1", "confirmed")
    for h in h1s:
        k = title_key(h)
        for ok in other_keys:
            if len(k) >= 15 and ok.startswith(k):
                return h, ("h1", "prefix")
    # 1b. An h1 that wraps a metadata title in a kicker, a date or a section label
    #     ("Tunisia Big tasks for the new government"): the metadata title is the headline.
    #     The kicker sits in an element of its own or behind a bar or slash; otherwise an h1
    #     that is one run of text is the whole headline, and the metadata title a cut of it
    #     ("... Hourly Rate" of "... Hourly Rate Comparison").
    if h1s and (h1_runs[0] > 1 or re.search(r"\s[|/]\s", h1s[0])):
        k = title_key(h1s[0])
        by_key: dict[str, str] = {}
        for v in others:
            for part in [v, *_split_title(v)]:
                by_key.setdefault(title_key(part), part)
        best = ""
        for ok, text in by_key.items():
            if len(ok) > len(best) and len(ok.split()) >= 3 and len(ok) >= 0.4 * len(k) and not is_site(text) and (
                k.endswith(" " + ok) or k.startswith(ok + " ")
            ):
                best = ok
        if best:
            return by_key[best], ("h1", "contains")
    # 2. The main h1 when the metadata titles share most of its words (a reworded headline),
    #    or when there is no metadata title at all.
    if h1s:
        words = _tokens(h1s[0])
        meta_words: set[str] = set()
        for v in others:
            meta_words |= _tokens(v)
        if not others:
            return h1s[0], ("h1",)
        if len(words) >= 2 and len(words & meta_words) >= 0.5 * len(words):
            return h1s[0], ("h1", "overlap")
    # 3. JSON-LD headline or og:title confirmed by the other or by <title>.  A metadata
    #    title that is the <title> less its first or last part has had the site name taken
    #    off already: its own dashes and colons belong to the headline ("Report – what
    #    next?"); a bar still sets off a site or a section ("CDN | Delivery Network | Site").
    for name, v in sources:
        if name in ("jsonld", "og"):
            if title_key(v) in title_cuts and "|" not in v and not is_site(v):
                return v, (name, "cut")
            stripped = strip_site(v)
            sk = title_key(stripped)
            if not sk or is_site(stripped):
                continue
            if any(title_key(w) == sk or sk in {title_key(p) for p in _split_title(w)} for n2, w in sources if n2 != name):
                return stripped, (name, "confirmed")
    # 4. Best single source: headline, og, then the <title>, then an h1.
    for name, v in sources:
        if name in ("jsonld", "og"):
            stripped = strip_site(v)
            if title_key(stripped) and not is_site(stripped):
                return stripped, (name,)
    # Between a lone <title> and an unconfirmed h1, the fuller one: a generic <title>
    # ("Home Page") loses to the post's headline, a one-word h1 ("Lorem") to the <title>.
    stripped_title = strip_site(doc_title) if doc_title else ""
    if h1s and len(_tokens(h1s[0])) > len(_tokens(stripped_title)):
        return h1s[0], ("h1",)
    if stripped_title:
        return stripped_title, ("title",)
    if h1s:
        return h1s[0], ("h1",)
    return None, ()


# --- authors -------------------------------------------------------------------

_AUTHOR_JUNK = re.compile(
    r"^(?:by|von|par|por|di|door|written by|posted by|author|autor|auteur|"
    r"(?:zeige |alle )?(?:alle )?beiträge von|(?:view |see )?all posts by|tous les articles de|ver (?:todas las )?entradas de)\s*:?\s+|"
    r"\s*(?:email|e-mail|contact|follow|twitter|view all posts|more by|see all).*$|"
    r"\s*[|,]\s*(?:staff|reporter|correspondent|editor)\b.*$|"
    # a web address or mail address beside the name ("Ann Lee (http://annlee.net)", "Ann Lee info@lee.de"),
    # and an affiliation after a bar ("Ann Lee | The Daily Example")
    r"\s*[(\[-]?\s*(?:https?://|www\.)\S*\s*[)\]]?\s*$|\s+\S+@\S+\.\w+\s*$|\s+\|\s+.*$|\s*[→»›]\s*$",
    re.I,
)


_MARKUP = re.compile(
    r"<(/?)(a|abbr|b|blockquote|br|cite|code|div|em|figcaption|figure|h[1-6]|hr|i|img|li|mark|ol|p|q|s|small|span|"
    r"strong|sub|sup|u|ul)(?:\s[^<>]{0,500})?/?>",
    re.I,
)
"""Tags of text markup; not any "<...>", which is also how some languages quote a title
("<The Palace: Tale of Jang Noksu>")."""
_INLINE = frozenset("a abbr b cite code em i mark q s small span strong sub sup u".split())


def _untag(m: re.Match[str]) -> str:
    return "" if m[2].lower() in _INLINE else " "


def _plain(text: str) -> str:
    """A metadata value as text: some CMSs write the author's profile link or the
    description's paragraphs, markup and entities and all, into the JSON-LD or meta value
    ('<a href="/experts/ann-lee">Ann Lee</a>', "<p>We&#8217;re excited...</p>")."""
    return _unescape(_MARKUP.sub(_untag, text) if "<" in text else text)


def _clean_author(name: str) -> str | None:
    name = _clean(_plain(name))
    if not name or name.startswith(("http://", "https://", "www.")) or "@" in name and " " not in name:
        return None
    prev = None
    while prev != name:
        prev = name
        name = _AUTHOR_JUNK.sub("", name).strip(" ,;|-–—")
    if not name or len(name) > 80 or len(name.split()) > 8 or not re.search(r"[^\W\d_]", name):
        return None
    return name


def _authors(root: Any, meta: dict[str, list[str]], jsonld_items: list[dict[str, Any]]) -> tuple[str, ...]:
    found: list[str] = []
    for item in jsonld_items:
        if _types(item) & _PRIORITY_TYPES:
            for n in map(_plain, _names(item.get("author")) + _names(item.get("creator"))):
                found.extend(re.split(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*", n[:_FIELD_LIMIT]) if len(n) > 40 else [n])
        if found:
            break
    if not found:
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "citation_author", "byl", "twitter:creator"):
            for v in meta.get(key, ()):
                if key == "twitter:creator" and found:
                    break
                if key != "twitter:creator":
                    found.append(v)
            if found:
                break
    if not found:
        for el in root.xpath("//@rel[.='author']/.."):  # XPath: only matches become Python objects
            found.append(text_of(el))
            if len(found) >= 4:
                break
    if not found:
        for el in root.xpath("//@itemprop[.='author']/.."):
            name_el = el.find(".//*[@itemprop='name']")
            found.append(text_of(name_el if name_el is not None else el))
            if len(found) >= 4:
                break
    out: list[str] = []
    seen: set[str] = set()
    for name in found:
        clean = _clean_author(name)
        if clean and clean.lower() not in seen:
            seen.add(clean.lower())
            out.append(clean)
    return tuple(out[:10])


# --- visible dates -------------------------------------------------------------

_DATE_HINT = re.compile(r"date|time|publish|posted|byline|meta|dateline|timestamp|entry-date|post-date", re.I)


_MICRODATA_DATE = re.compile(r"(?:^|[\s:/])date(?:published|created)$", re.I)


_HATOM_CLASS = re.compile(r"(?:^|\s)published(?:$|\s)")


def _microdata_dates(root: Any, dayfirst: bool = False) -> list[datetime]:
    """``itemprop``/RDFa ``property`` "datePublished"/"dateCreated", and the hAtom
    ``published`` stamp (``<abbr class="published" title="2019-02-10T09:30">``): the
    publisher's own markup."""
    found: list[datetime] = []
    # Attribute paths: libxml2 tests an attribute step far faster than a predicate on every element.
    query = "(//@itemprop/.. | //@property/.. | //@class[contains(., 'published')]/parent::*[@title or @datetime])[position() <= 400]"
    for el in root.xpath(query):
        name = (el.get("itemprop") or el.get("property") or "").strip()
        if _MICRODATA_DATE.search(name):
            value = parse_date(el.get("content") or el.get("datetime") or _clean(text_of(el)))
        elif _HATOM_CLASS.search(el.get("class") or ""):
            value = parse_date(el.get("datetime") or el.get("title"), loose=False, dayfirst=dayfirst)
        else:
            continue
        if value:
            found.append(value)
    return found


_HATOM_UPDATED = re.compile(r"(?:^|\s)updated(?:$|\s)")


def _hatom_updated(root: Any, dayfirst: bool) -> tuple[datetime | None, str | None]:
    """The hAtom ``updated`` stamp (``<span class="updated" title="2013-04-04T18:52">``):
    the publisher's markup of the entry's date, which many blog themes give only this
    class; it outranks a date merely printed somewhere on the page."""
    for el in root.xpath("//@class[contains(., 'updated')]/parent::*[@title or @datetime]")[:20]:
        if _HATOM_UPDATED.search(el.get("class") or ""):
            value = parse_date(el.get("datetime") or el.get("title"), loose=False, dayfirst=dayfirst)
            if value is not None:
                return value, "hatom:updated"
    return None, None


def _visible_date(root: Any, dayfirst: bool = False) -> tuple[datetime | None, str | None]:
    """A date from ``<time>`` or a date-ish element near the headline."""
    times: list[tuple[int, datetime]] = []
    for i, el in enumerate(root.iter("time")):
        value = parse_date(el.get("datetime")) or parse_date(_clean(text_of(el)), dayfirst=dayfirst)
        if value is None:
            continue
        weight = 0
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            weight -= 100
        cls = (el.get("class") or "").lower()
        if "updat" in cls or "modif" in cls:
            weight += 50
        times.append((weight + i, value))
        if i > 30:
            break
    if times:
        times.sort(key=lambda x: x[0])
        return times[0][1], "time"
    count = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = (el.get("class") or "") + " " + (el.get("id") or "")
        if not _DATE_HINT.search(attrs):
            continue
        count += 1  # every candidate counts, long ones too: each costs a read of its whole text
        if count > 60:
            break
        text = _clean(text_of(el))
        if not text or len(text) > 120:
            continue
        revised = re.search(r"updat|modif|aktualisiert|mis à jour", text, re.I)
        if revised and not re.search(r"publi|posted|veröffentlicht", text, re.I):
            text = text[:revised.start()]  # only a date before the edit note is the item's own
        value = parse_date(text, loose=False, dayfirst=dayfirst)
        if value:
            return value, "visible"
    return None, None


_UPDATED_WORDS = re.compile(
    r"updat|modif|aktualisiert|geändert|änderung|mis à jour|actualiz|aggiorn|bijgewerkt|revised|edited", re.I
)
_PUBLISHED_WORDS = re.compile(r"publi|posted|veröffentlicht|erschienen|\bdatum\b|\bdate\b", re.I)
_SKIP_TEXT_PARENTS = {"script", "style", "noscript", "template", "option", "textarea"}


def _leads_with_date(text: str) -> bool:
    """ "23.01.2022 - Wierer wins": a date set off before the headline is a dateline."""
    parts = _split_title(_clean(text))
    return len(parts) >= 2 and len(parts[0]) <= 30 and parse_date(parts[0], loose=False) is not None


_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted)(?:\s+(?:on|in|at))?[\s:,]*"
    r"|\b(?:erstmals|ursprünglich)\s+(?:erschienen|veröffentlicht)(?:\s+(?:am|im))?[\s:,]*",
    re.I,
)


def _original_line(nodes: list[Any], dayfirst: bool) -> datetime | None:
    """The date of a line that says when the page first appeared ("This article was
    originally published on 26 Sep 2019 but has been regularly updated"): a page kept up to
    date prints its last revision beside the headline, and its publication in such a line."""
    line = _WS.sub(" ", " ".join(
        str(n)[:200] for n in nodes if n.getparent() is not None and n.getparent().tag not in _SKIP_TEXT_PARENTS
    ))
    for m in _ORIGINALLY.finditer(line):
        rest = _clean(line[m.end():m.end() + 60])
        value = parse_date(rest, loose=False, dayfirst=dayfirst)
        # The date must follow the words, not sit in a later sentence ("first posted by Ann").
        if value is not None and _DIGIT.search(rest[:14]) and not re.match(r"by\b", rest, re.I):
            return value
    return None


_OTHER_EVENT = re.compile(
    r"\b(?:founded|joined|registered|member since|established|born|birthday|beigetreten|registriert|gegründet"
    r"|geboren|mitglied seit|inscrit|inscrito|membre depuis|miembro desde)\b[^\d\n]{0,12}$",
    re.I,
)
"""A label for a date that is not the page's: a forum member's joining, a company's founding, a birth."""


def _headline_stamp(heading: Any, title: str | None = None, dayfirst: bool = False) -> tuple[datetime | None, bool]:
    """A date written right beside the headline: the dateline under (or the kicker over) the h1.

    Reads only a bounded run of short text nodes after the heading, then a few before it;
    an "updated" line counts only when no other date is there.  Returns the date and
    whether it is labelled as an update.
    """
    found: list[tuple[bool, datetime]] = []
    for axis, limit in (("descendant", 12), ("following", 60), ("preceding", 12)):
        try:
            nodes = heading.xpath(f"{axis}::text()[position() <= {limit}]")
        except Exception:  # noqa: BLE001 - a broken tree yields no date
            continue
        if axis == "following":
            original = _original_line(nodes, dayfirst)
            if original is not None:
                return original, False
        # The label of a line is the text just before it in reading order ("Updated:" then
        # the date), also when the lines above the heading are read nearest first.
        labels: list[str] = []
        last = ""
        for n in nodes:
            labels.append(last)
            last = _clean(str(n))[-40:] or last
        order = range(len(nodes) - 1, -1, -1) if axis == "preceding" else range(len(nodes))
        prose = 0
        for i in order:
            node, prev = nodes[i], labels[i]
            parent = node.getparent()
            if parent is not None and parent.tag in _SKIP_TEXT_PARENTS:
                continue
            # Inside the heading only a sub-line counts ("<small>02.02.2022</small>"): a date
            # in the headline's own words is what the story is about.
            if axis == "descendant" and (
                parent is heading
                or node.is_tail and parent.getparent() is heading
                or title and title_key(str(node)) in title_key(title) and not _leads_with_date(str(node))
            ):
                continue
            text = _clean(str(node))
            if not text:
                continue
            if len(text) > 120:
                prose += len(text)
                if prose > 600:
                    break  # into the body: a date there is what the story is about
            if len(text) <= 120:
                value = parse_date(text, loose=False, dayfirst=dayfirst) or _short_year_date(text)
                if value is not None and _OTHER_EVENT.search(f"{prev} {_DIGIT.split(text, 1)[0]}"):
                    continue  # a member's or a company's date, not the page's
                if value is not None:
                    updated = bool(_UPDATED_WORDS.search(prev + " " + text)) and not _PUBLISHED_WORDS.search(text)
                    if (
                        not updated
                        and any(revised and seen.date() < value.date() for revised, seen in found)
                        and not _PUBLISH_LABEL.search(f"{prev} {text}")
                    ):
                        continue  # later than a revision read first: a reply's date, not the page's
                    found.append((updated, value))
                    if not updated:
                        return value, False
    return (found[0][1], True) if found else (None, False)


def _headline_date(heading: Any, title: str | None = None, dayfirst: bool = False) -> datetime | None:
    """The date written right beside the headline (see ``_headline_stamp``)."""
    return _headline_stamp(heading, title, dayfirst)[0]


_PUBLISH_LABEL = re.compile(
    r"\b(?:posted|published|publication date|date published|released|written|veröffentlicht|erschienen|publiziert"
    r"|erstellt|publié|mis en ligne|publicado|pubblicato|opublikowano|gepubliceerd|geplaatst)\b[^\d\n]{0,25}",
    re.I,
)
_STAMP_ATTR = re.compile(r"publish|creat|(?:^|[-_])(?:date|ts|timestamp)$", re.I)
_DATE_WORDS = re.compile(rf"(?<!\w)(?:{_MONTH_RE})\.?(?!\w)|\w*\d\w*|\b(?:on|am|at|um|le|el|il|the|den|der|uhr)\b", re.I)
"""What a date line is made of; a line with more words left over is a sentence that mentions a day."""
_DIGIT = re.compile(r"\d")
_SCAN_SKIP = {"script", "style", "noscript", "template", "option", "textarea", "select", "button"}


def _line_date(text: str, dayfirst: bool) -> tuple[datetime | None, str]:
    """The date a line of text is about, and the part of the line that carries it: after a
    publishing or updating label; a line that is only a date (and a few words such as
    "Posted" or "Uhr"); or the date that opens a paragraph ("27.1.2022 - At the memorial")."""
    label = _PUBLISH_LABEL.search(text) or _UPDATED_WORDS.search(text)
    if label:
        part = text[label.start():label.start() + 80]
        value = parse_date(part, loose=False, dayfirst=dayfirst)
        if value is not None:
            return value, part
    if len(text) <= 60 and len(re.findall(r"[^\W\d_]+", _DATE_WORDS.sub(" ", text))) <= 4:
        return parse_date(text, loose=False, dayfirst=dayfirst), text
    if text[0].isdigit() or text.split(None, 1)[0].rstrip(".,").lower() in _MONTHS:
        return parse_date(text[:20], loose=False, dayfirst=dayfirst), text[:20]
    return None, ""


def _scanned_date(root: Any, headings: list[Any], dayfirst: bool = False) -> tuple[datetime | None, str | None]:
    """A last resort: the first date the page prints on a line of its own, or after a
    publishing label ("Posted on", "Erschienen am", "Publié le"), or in a stamp attribute
    (``created-timestamp``), read in document order and after the headline first.

    Pages without metadata still print their date, often in an element with no telling
    class ("<p class='text-t600'>April 8, 2024</p>", a footer "Erschienen am: 01.11.2023").
    A line that is only a date, or a labelled date, is the page's date far more often than
    not; an "updated" line counts only when nothing else is found.
    """
    start = headings[0] if headings else None
    seen_start = start is None
    inside = {e for h in headings for e in h.iter()}  # the headline's own words (held: proxies stay the same)
    before: list[tuple[bool, datetime]] = []
    after: list[tuple[bool, datetime]] = []
    prev = ""
    for i, el in enumerate(root.iter()):
        if i >= 3000:
            break
        if el is start:
            seen_start = True
        if not isinstance(el.tag, str):
            continue
        if after and any(not updated for updated, _ in after[-3:]):
            break  # a plain date after the headline: nothing later can outrank it
        bucket = after if seen_start else before
        for name, raw in el.attrib.items():
            if raw[:2] in ("19", "20") and len(raw) <= 40 and _STAMP_ATTR.search(name) and _ISO.match(raw):
                value = parse_date(raw)
                if value is not None:
                    bucket.append((bool(_UPDATED_WORDS.search(name)), value))
        within = el in inside
        for text, skip in ((el.text, el.tag in _SCAN_SKIP or within), (el.tail, within and el not in headings)):
            if skip or not text or not text.strip():
                continue
            if not _DIGIT.search(text, 0, 400):  # every date has digits: most lines end here
                prev = text.strip()[-40:]  # but may label the next ("Updated:")
                continue
            text = _clean(text[:400])
            value, line = _line_date(text, dayfirst)
            if value is not None:
                updated = bool(_UPDATED_WORDS.search(prev + " " + line)) and not _PUBLISHED_WORDS.search(line)
                bucket.append((updated, value))
            prev = text[-40:]
    for found in (after, before):
        for updated, value in found:
            if not updated:
                return value, "scan"
    for found in (after, before):
        if found:
            return found[0][1], "scan:updated"
    return None, None


_SCRIPT_DATE = re.compile(
    r'\\?"(?P<key>date_?published|published_?(?:at|date|time|on)|publish_?(?:date|time|at)|first_?published_?(?:at|date)?'
    r'|pub_?date|date_?created|created_?(?:at|date|on))\\?"\s*:\s*\\?"(?P<value>[^"\\]{8,40})\\?"',
    re.I,
)


def _script_date(root: Any) -> tuple[datetime | None, str | None]:
    """A publication stamp in a page's own script data (an app's state, a product record).

    Apps render their pages from JSON that names the publication plainly ("published_at",
    "createdAt").  The first publication key wins over the first creation key; only after
    everything printed on the page, as the data may describe other records too.
    """
    created = None
    for i, script in enumerate(root.iter("script")):
        if i >= 200:
            break
        kind = (script.get("type") or "").strip().lower()
        if kind == "application/ld+json" or not script.text:
            continue
        for m in _SCRIPT_DATE.finditer(script.text[:500_000]):
            value = parse_date(m["value"], loose=False)
            if value is None:
                continue
            if "creat" not in m["key"].lower():
                return value, "script"
            created = created or value
    return (created, "script:created") if created else (None, None)


_HEADINGS = ("h1", "h2", "h3", "h4")


def _title_headings(root: Any, title: str | None) -> list[Any]:
    """The headings to read the printed date beside: the one that carries the chosen title
    (an ``<h1>`` before a lower level), then the first ``<h1>``.

    The first ``<h1>`` is often a logo or a menu label ("Quicklinks"); the date is printed
    beside the headline, wherever the page put it.
    """
    first_h1 = None
    key = title_key(title) if title and len(title_key(title)) >= 8 else ""
    matches: list[Any] = []
    for i, el in enumerate(root.iter(*_HEADINGS)):
        if i >= 80:
            break
        if el.tag == "h1" and first_h1 is None:
            first_h1 = el
        if key:
            k = title_key(_clean(" ".join(el.itertext())))
            if k == key or (k.startswith(key) and len(k) <= 2 * len(key)):
                matches.append(el)
    matches.sort(key=lambda el: _HEADINGS.index(el.tag))
    out = matches[:1]
    if first_h1 is not None and first_h1 not in out:
        out.append(first_h1)
    return out


def _headings_stamp(headings: list[Any], title: str | None, dayfirst: bool = False) -> tuple[datetime | None, bool]:
    for heading in headings:
        value, updated = _headline_stamp(heading, title, dayfirst)
        if value is not None:
            return value, updated
    return None, False


def _headings_date(headings: list[Any], title: str | None, dayfirst: bool = False) -> datetime | None:
    return _headings_stamp(headings, title, dayfirst)[0]


def _reachable_days(instant: datetime) -> set[date]:
    """The calendar days an instant can fall on somewhere on Earth (UTC-12 to UTC+14).

    A naive value is read as UTC: publishing systems that drop the zone mostly store UTC.
    """
    utc = instant.astimezone(timezone.utc).replace(tzinfo=None) if instant.tzinfo else instant
    return {(utc + timedelta(hours=h)).date() for h in (-12, 0, 14)}


def _has_clock(value: datetime) -> bool:
    return bool(value.hour or value.minute or value.second)


def _same_instant_day(published: datetime, root: Any) -> date | None:
    """The local day of a ``<time datetime>`` that names the same instant in the page's zone."""
    if published.tzinfo is None:
        return None
    for i, el in enumerate(root.iter("time")):
        if i > 30:
            break
        value = parse_date(el.get("datetime"))
        if value is not None and value.tzinfo is not None and value.utcoffset() and abs(value - published) <= timedelta(minutes=1):
            return value.date()
    return None


def _same_instant_printed(published: datetime, printed: _PrintedDays) -> date | None:
    """The day of the first date the page prints with a time of day, when that is the instant of
    a stamp without a zone (read as UTC) in some zone: the same minute (not on the hour), a
    whole number of quarter hours away, UTC-12 to UTC+14 ("Feb 14, 2026 | 9:05 pm" for
    "2026-02-15 03:05:48")."""
    utc = published.replace(second=0, microsecond=0)
    if not utc.minute:
        return None  # on the hour: too many printed times share the minute
    for shown in printed.clocks()[:1]:  # the first time printed: the page's own, not a comment's
        offset = shown - utc
        if (
            shown.date() != utc.date()
            and shown.minute == utc.minute
            and timedelta(hours=-12) <= offset <= timedelta(hours=14)
            and offset % timedelta(minutes=15) == timedelta(0)
        ):
            return shown.date()
    return None


def _local_day(
    published: datetime,
    modified: datetime | None,
    root: Any,
    headings: list[Any],
    title: str | None,
    dayfirst: bool,
    language: str | None = None,
    url_day: date | None = None,
    printed: _PrintedDays | None = None,
) -> date | None:
    """The page-local calendar day of a UTC timestamp, when the page shows another day.

    JSON-LD and ``<meta>`` timestamps are often written in UTC while readers see (and
    annotators record) the day printed on the page: 23:37 on 3 May in Aruba is
    "2022-05-04T03:37Z".  A ``<time>`` naming the same instant with the page's offset
    decides; else a day printed beside the headline that the instant can fall on (unless
    that is the day of the last update); else the day in the page's address that the
    instant can fall on (set at publication, in the publisher's zone); else a local
    midnight stored as UTC (see ``_east_midnight``).  A timestamp with its own non-zero
    offset is already local, and a date-only value (no time of day) is never moved.
    """
    if not _has_clock(published) or published.utcoffset():
        return None
    # A stamp without a zone is read against the first time the page prints (only then: the read costs a walk).
    naive = published.tzinfo is None and printed is not None
    same = _same_instant_day(published, root) or (_same_instant_printed(published, printed) if naive else None)
    if same is not None:
        return same
    if headings:
        shown = _headings_date(headings, title, dayfirst)
        if shown is not None and shown.date() in _reachable_days(published) and (
            modified is None or shown.date() != modified.date()
        ):
            return shown.date()
    if url_day is not None and url_day in _reachable_days(published):
        return url_day
    if _east_midnight(published, language):
        return published.date() + timedelta(days=1)
    return None


_ANY_DATE = (_ISO, _CJK, _TEXT_MDY, _TEXT_DMY, _TEXT_YMD, _YMD_SLASH, _DMY_NUM, _MDY_SLASH)
_PUBLICATION_KEY = re.compile(r"publi|issued")


def _printed_days(root: Any, dayfirst: bool) -> tuple[dict[date, bool], list[datetime]]:
    """Every calendar day the page prints in its text (not in scripts or attributes), and
    whether it is printed at least once without an "updated" label before it; and the
    dates printed with a time of day and no zone ("Feb 14, 2026 | 9:05 pm"), as printed."""
    days: dict[date, bool] = {}
    clocks: list[datetime] = []
    prev = ""
    for i, el in enumerate(root.iter()):
        if i >= 5000:
            break
        if not isinstance(el.tag, str):
            continue
        for text in (None if el.tag in _SCAN_SKIP else el.text, el.tail):
            if not text or text.isspace():
                continue
            if not _DIGIT.search(text, 0, 400):
                prev = text.strip()[-40:]
                continue
            text = _clean(text[:400])
            for pattern in _ANY_DATE:
                for m in pattern.finditer(text):
                    value = parse_date(m.group(0), loose=False, dayfirst=dayfirst)
                    if value is not None:
                        before = text[max(0, m.start() - 40):m.start()]
                        plain = not _UPDATED_WORDS.search(f"{prev} {before}") or bool(_PUBLISHED_WORDS.search(before))
                        days[value.date()] = days.get(value.date(), False) or plain
                        if len(clocks) < 50:
                            clocked = value if _has_clock(value) else _with_clock(
                                value.year, value.month, value.day, text[m.end():m.end() + 40]
                            )
                            if clocked is not None and _has_clock(clocked) and clocked.tzinfo is None:
                                clocks.append(clocked)
            prev = text[-40:]
    return days, clocks


class _PrintedDays:
    """The days a page prints (see ``_printed_days``): read once, and only when a rule asks."""

    def __init__(self, root: Any, dayfirst: bool) -> None:
        self._root, self._dayfirst = root, dayfirst
        self._read: tuple[dict[date, bool], list[datetime]] | None = None

    def __call__(self) -> dict[date, bool]:
        if self._read is None:
            self._read = _printed_days(self._root, self._dayfirst)
        return self._read[0]

    def clocks(self) -> list[datetime]:
        self()
        assert self._read is not None
        return self._read[1]


def _shown_alternative(
    published: datetime, items: list[dict[str, Any]], meta: dict[str, list[str]], printed: _PrintedDays
) -> datetime | None:
    """Another publication date of the publisher's own metadata, when that one is printed on
    the page and the first one found is not.

    Pages carry several publication stamps (JSON-LD, ``article:published_time``, a
    syndication feed's ``publishtime``) that disagree when an article was re-issued or a
    template fills one of them with the import date; the one the reader is shown is the
    page's.  A meta name given more than once (one per comment, per post) is no page stamp.
    """
    others = [parse_date(raw) for raw in _iter_dates_jsonld(items, "datePublished")]
    others += [
        parse_date(values[0])
        for key, values in meta.items()
        if len(values) == 1 and _PUBLICATION_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key)
    ]
    day = published.date()
    others = [v for v in others if v is not None and v.date() != day]
    if not others or day in printed():
        return None
    return next((v for v in others if v.date() in printed()), None)


def _printed_over_stamp(
    published: datetime,
    modified: datetime | None,
    jsonld: bool,
    shown: datetime,
    revision: bool,
    printed: _PrintedDays,
    meta_listed: bool = True,
) -> bool:
    """Whether the date printed beside the headline (``shown``) outranks the publication
    stamp of the metadata, which the page never prints.

    Two kinds of stamp are not the story's date: a save stamp, the same machine stamp (UTC
    or no zone) as published and as modified, or a lone one with no modified stamp beside
    it, which records when the page was last saved or imported, so an earlier printed date
    is the story's; and a JSON-LD stamp, which SEO plugins fill
    from the page's record rather than from the story, beside a printed date that is not
    the modified stamp either, or that is but is not labelled as an update (``revision``):
    the page presents it as the story's date.  A JSON-LD stamp that no ``<meta>`` tag repeats
    (``meta_listed`` false) gives way to the printed date even when that is the labelled
    update, if the page prints no other day: the reader is shown only the revision, and the
    stamp is the plugin's record of the post.  Any stamp whose day the page prints only as an
    update ("Published Apr 26, 2023 · Updated Aug 21, 2025") gives way to an earlier day
    printed plainly.  A numeric date that reads as the stamp with day and month swapped is
    the stamp.
    """
    day = published.date()
    if shown.date() == day or shown.day <= 12 and (shown.year, shown.day, shown.month) == (day.year, day.month, day.day):
        return False
    if not revision and shown.date() < day and printed().get(day) is False:
        return True  # the page prints the stamp's day only as its update, and an earlier day plainly
    same = modified is not None and modified.date() == day
    saved = (same or modified is None) and not published.utcoffset() and shown.date() < day
    unlisted = jsonld and (
        modified is None
        or shown.date() != modified.date()
        or not revision
        or not meta_listed and set(printed()) == {shown.date()}
    )
    return (saved or unlisted) and day not in printed()


def _modified_shown_instead(
    published: datetime, modified: datetime | None, printed: _PrintedDays, only_revision_listed: bool = False
) -> bool:
    """Whether the page prints the modified stamp's day, not labelled as an update, and never
    the JSON-LD publication stamp's: with no date beside the headline, that printed day is
    the one readers are given as the page's.  When the ``<meta>`` tags name only the revision
    (``only_revision_listed``), the modified day counts under an update label too, if it is
    the only day the page prints."""
    if modified is None or modified.date() == published.date():
        return False
    if published.date() in printed():
        return False
    return printed().get(modified.date(), False) or only_revision_listed and set(printed()) == {modified.date()}


_EAST_LANGUAGES = frozenset(
    "de fr it nl pl cs sk sl hr sr bs hu ro bg el da sv nb nn no fi et lv lt uk ru be tr ca eu gl lb mk sq".split()
)
"""Languages of countries one to three hours east of Greenwich (Central and Eastern Europe)."""


def _east_midnight(published: datetime, language: str | None) -> bool:
    """A UTC stamp at exactly 21:00, 22:00 or 23:00 on a page in a Central or Eastern
    European language is the local midnight that starts the next day: a date-only value
    ("5 November") that the publishing system stored as UTC ("2021-11-04T23:00Z")."""
    if published.tzinfo is None or published.utcoffset() or not language:
        return False
    return (
        language.split("-")[0] in _EAST_LANGUAGES
        and published.hour in (21, 22, 23)
        and not (published.minute or published.second or published.microsecond)
    )


_DATELINE = re.compile(
    r"^(?P<line>(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,3})"
    r"(?:,\s*[A-Z][\w.'’ -]{1,30}?)?"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?:AP|AFP|Reuters|dpa|UPI|Xinhua|CNN|IANS|PTI|ANI|KNA|epd|APA|SDA|Bloomberg|[A-Z]{2,6})\))?"
    r"\s*(?:—|–|--|-|:))\s+\S"
)


def find_dateline(first_paragraph: str) -> str | None:
    """A wire dateline opening the body ("KYIV, Ukraine (AP) —"), if there is one."""
    m = _DATELINE.match(first_paragraph[:300])  # a dateline is short; a 5 MB paragraph costs a second
    if not m:
        return None
    line = m.group("line").strip()
    head = line.split(",")[0].split("(")[0].strip(" —–-:")
    # The place must be written in capitals (that is what makes it a dateline).
    if len(head) < 3 or not head.replace(" ", "").replace(".", "").replace("'", "").replace("-", "").isupper():
        return None
    return line


# --- the whole --------------------------------------------------------------------

_URL_LOCALE = re.compile(r"/([a-z]{2})[-_]([a-z]{2})(?:/|$)")


def _language(root: Any, meta: dict[str, list[str]], url: str | None = None) -> str | None:
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        lang = _first(meta, "content-language", "og:locale", "language", "dc.language")
    if not lang and url:
        # The locale a site files its pages under ("/en-gb/news/..."), as a last resort.
        m = _URL_LOCALE.match(urlsplit(url).path.lower())
        lang = f"{m[1]}-{m[2]}" if m else None
    if not lang:
        return None
    lang = lang.strip().replace("_", "-").split(",")[0]
    return lang.lower() if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", lang) else None


def _day_first(language: str | None) -> bool:
    """Whether "3/5/2022" is 3 May on this page: it is 5 March only in US English (and unknown pages)."""
    return bool(language) and not (language == "en" or language.startswith(("en-us", "en-ph", "en-ca")))


def _iter_dates_jsonld(items: list[dict[str, Any]], key: str) -> Iterator[str]:
    prioritized = sorted(items, key=lambda it: 0 if _types(it) & _PRIORITY_TYPES else 1)
    for item in prioritized:
        value = item.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


def extract_metadata(root: Any, url: str | None = None) -> Metadata:
    """Read every metadata field from the unpruned tree."""
    meta = _meta_map(root)
    items = _jsonld_items(root)

    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = link.get("href").strip()
            break
    page_url = url or canonical or _first(meta, "og:url", "twitter:url")
    if page_url and not re.match(r"https?://", page_url):
        page_url = url or None

    site_names = [s for s in (_first(meta, "og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"),) if s]
    headlines: list[str] = []
    body = None
    description = _first(meta, "description", "og:description", "twitter:description", "dc.description")
    image = _first(meta, "og:image", "twitter:image")
    for item in sorted(items, key=lambda it: 0 if _types(it) & _PRIORITY_TYPES else 1):
        types = _types(item)
        if types & {"organization", "newsmediaorganization", "website"} and isinstance(item.get("name"), str):
            site_names.append(item["name"])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            site_names.append(publisher["name"])
        if types & _PRIORITY_TYPES:
            for key in ("headline", "name", "alternativeHeadline"):
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    headlines.append(value)
                    break
            if body is None and isinstance(item.get("articleBody"), str):
                body = item["articleBody"]
    site_names = [_clean(s).lstrip("@") for s in site_names if _clean(s)]
    if url or page_url:
        host = urlsplit(page_url or url or "").hostname or ""
        host = re.sub(r"^www\d?\.", "", host)
        if host:
            site_names.append(host)
            site_names.append(host.split(".")[0])

    host = re.sub(r"^www\d?\.", "", (urlsplit(page_url or url or "").hostname or "").lower())
    title, title_sources = _choose_title(root, meta, headlines, site_names, host)
    title = _undo_mojibake(title)

    published = None
    date_source = None
    headings = _title_headings(root, title)
    language = _language(root, meta, page_url or url)
    dayfirst = _day_first(language)
    printed = _PrintedDays(root, dayfirst)
    for raw in _iter_dates_jsonld(items, "datePublished"):
        published = parse_date(raw)
        if published:
            date_source = "jsonld"
            break
    if published is None:
        published, date_source = _meta_date(meta, _STRONG_PUBLISHED_KEYS)
    if published is not None and date_source is not None:
        shown = _shown_alternative(published, items, meta, printed)
        if shown is not None:
            published, date_source = shown, date_source + "+shown"
    if published is None:
        for raw in _iter_dates_jsonld(items, "dateCreated"):
            published = parse_date(raw)
            if published:
                date_source = "jsonld:dateCreated"
                break
    # Read only when still needed: every later use of the marked dates is for a page with no date yet.
    marked = _microdata_dates(root, dayfirst) if published is None else []
    if published is None and marked and len({v.date() for v in marked}) == 1:
        # One marked day is the page's; a listing marks every teaser (see below for threads).
        published, date_source = marked[0], "microdata"
    if published is None:
        # The date printed beside the headline is the one a reader sees; it outranks a
        # URL's date and scattered <time> elements, but not the publisher's own metadata.
        if headings:
            published = _headings_date(headings, title, dayfirst)
            if published is not None:
                date_source = "headline"
                published = _read_as_address(published, _url_date(page_url) or _url_date(url))
    if published is None and marked:
        # A thread marks every reply: the question or first post is the earliest.
        published, date_source = min(marked, key=lambda v: v.replace(tzinfo=None)), "microdata:earliest"
    if published is None:
        # Generic names, and names of the publisher's own making, are weaker evidence than the printed date.
        published, date_source = _meta_date(meta, [*(k for k in _PUBLISHED_KEYS if k in _WEAK_PUBLISHED_KEYS), *_other_published_keys(meta)])
    url_date = _url_date(page_url) or _url_date(url)
    if published is None and url_date is not None:
        published, date_source = url_date, "url"
    if published is None:
        published, date_source = _visible_date(root, dayfirst)
    if published is None:
        published, date_source = _hatom_updated(root, dayfirst)
    if published is None:
        # Before the last-modified stamp: a printed date is what the reader was shown.
        published, date_source = _scanned_date(root, headings, dayfirst)
    if published is None:
        published, date_source = _script_date(root)
    modified = None
    for raw in _iter_dates_jsonld(items, "dateModified"):
        modified = parse_date(raw)
        if modified:
            break
    if modified is None:
        for key in _MODIFIED_KEYS:
            modified = parse_date(_first(meta, key))
            if modified:
                break
    if published is not None and date_source in ("jsonld", *(f"meta:{k}" for k in _PUBLISHED_KEYS)):
        shown, revision = _headings_stamp(headings, title, dayfirst) if headings else (None, False)
        meta_listed = date_source != "jsonld" or _meta_date(meta, _STRONG_PUBLISHED_KEYS)[0] is not None
        if shown is not None and _printed_over_stamp(
            published, modified, date_source == "jsonld", shown, revision, printed, meta_listed
        ):
            published, date_source = shown, "headline:unprinted"
        elif shown is None and date_source == "jsonld" and _modified_shown_instead(
            published, modified, printed, not meta_listed and _first(meta, *_MODIFIED_KEYS) is not None
        ):
            published, date_source = modified, "modified:printed"
    if published is not None and date_source is not None and date_source.startswith(("jsonld", "meta")):
        local = _local_day(
            published, modified, root, headings, title, dayfirst, language, url_date.date() if url_date else None, printed
        )
        if local is not None and local != published.date():
            published = datetime.combine(local, published.timetz())
            date_source += "+local"
    if published is None and modified is not None:
        published, date_source = modified, "modified"

    return Metadata(
        title=title,
        published=published,
        modified=modified,
        date=published.date() if published else None,
        authors=_authors(root, meta, items),
        site_name=site_names[0] if site_names else None,
        language=language,
        description=_clean(_plain(description or "")) or None,
        url=page_url,
        image=image,
        jsonld_body=body,
        title_sources=title_sources,
        date_source=date_source,
    )
