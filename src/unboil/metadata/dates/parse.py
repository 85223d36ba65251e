"""Reading a date out of text: ISO stamps, numeric dates, dates written in words.

Pure functions of a string and the vocabulary's :class:`~unboil.lexicon.Lexicon`
(its month names and the patterns built from them); every other date rule is built
on ``parse_date``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from ...lexicon import Lexicon
from ...vocabulary import DEFAULT_VOCABULARY

__all__ = ["ISO", "YEAR", "any_date", "mk", "parse_date", "short_year_date", "url_date", "with_clock", "read_as_address"]

EARLIEST_YEAR = 1990
"""No page in scope was published before the web took off: an earlier year is a founding date or noise."""
LATEST_YEAR = 2035
"""A year this far ahead is a typo, an expiry or a version number, not a publication."""
PARSE_LIMIT = 400
"""Characters of a text searched for a date: a date sits at the start of what is handed in."""
CLOCK_LOOKAHEAD = 40
"""Characters after a written date searched for its time of day."""
COMPACT_MAX = 25
"""The longest text read as a compact "20220504" stamp: in a longer one the digits are an id."""
TWELVE_HOURS = 12
UNIX_SECONDS_DIGITS = 10
"""Digits of a unix timestamp in seconds; a longer one counts milliseconds."""
CENTURY = 2000
"""The century a two-digit year is read in: the pages in scope are of this one."""
"""Hours of a clock face: an hour past it with "am"/"pm" is no time."""

ISO = re.compile(
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
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")
_CLOCK = re.compile(
    r"\s*(?:,|\bat\b|\||-)?\s*(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)?"
    r"\s*(?P<tz>gmt|utc|z\b|[+-][0-2]\d:?[0-5]\d)?"
)
_UNIX_STAMP = re.compile(r"\d{10}(?:\d{3})?")
"""Seconds or milliseconds since 1970."""
DEFAULT_LEXICON = DEFAULT_VOCABULARY.metadata
"""The shipped month names, read when a caller of ``parse_date`` names no vocabulary."""


def any_date(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """Every pattern that finds a whole date inside a longer text (the written ones in ``lex``'s months)."""
    return (ISO, _CJK, lex.text_mdy, lex.text_dmy, lex.text_ymd, _YMD_SLASH, _DMY_NUM, _MDY_SLASH)


YEAR = re.compile(r"(?:19|20)\d\d")
"""The year every pattern of ``any_date`` and every reader of ``parse_date`` needs (``loose``
aside): a text without one holds no date, and most texts with digits (prices, counts, times)
are set aside by this one search.  Cleaning a text (``clean``) neither makes nor breaks one."""


def _zone(tz: str) -> timezone:
    """A written offset ("Z", "+0200", "-05:30") as a zone."""
    if tz == "Z":
        return timezone.utc
    sign = 1 if tz[0] == "+" else -1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def mk(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: str | None = None) -> datetime | None:
    """A date from its parts, or None when the parts are no date or one out of range:
    every reading of a text may fail, and the caller then tries the next."""
    try:
        value = datetime(y, m, d, hh, mm, ss, tzinfo=_zone(tz) if tz else None)
    except (ValueError, OverflowError):
        return None
    if not EARLIEST_YEAR <= y <= LATEST_YEAR:
        return None
    return value


def with_clock(y: int, m: int, d: int, rest: str) -> datetime | None:
    """A written date with the time of day that follows it ("Wed, 04 May 2022 00:25:56 GMT").

    The time matters only with a zone: it decides which calendar day the instant falls on
    for the page's readers (see ``local_day``).
    """
    c = _CLOCK.match(rest)
    if not c:
        return mk(y, m, d)
    hour = int(c["H"])
    if c["ap"]:
        if hour > TWELVE_HOURS:
            return mk(y, m, d)
        hour = hour % TWELVE_HOURS + (TWELVE_HOURS if c["ap"].startswith("p") else 0)
    tz = c["tz"]
    if tz in ("gmt", "utc", "z"):
        tz = "Z"
    return mk(y, m, d, hour, int(c["M"]), int(c["S"] or 0), tz) or mk(y, m, d)


Reading = tuple[bool, "datetime | None"]
"""Whether a reader's pattern matched, and the date it reads (None when the parts are no
date): a match ends the search even when it reads no date, as the text was that date."""
_MISS: Reading = (False, None)


def _iso(text: str, low: str, dayfirst: bool, lex: Lexicon) -> Reading:
    """An ISO 8601 date, with its time and zone when given: the one form with no ambiguity."""
    m = ISO.search(text)
    if not m:
        return _MISS
    g = m.groupdict()
    return True, mk(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"] or 0), int(g["M"] or 0), int(g["S"] or 0), g["tz"])


def _cjk(text: str, low: str, dayfirst: bool, lex: Lexicon) -> Reading:
    """A Chinese or Japanese date ("2022年5月4日")."""
    m = _CJK.search(text)
    return (True, mk(int(m["y"]), int(m["m"]), int(m["d"]))) if m else _MISS


def _written(text: str, low: str, dayfirst: bool, lex: Lexicon) -> Reading:
    """A date written with the month's name, in any of the three orders."""
    ymd = lex.text_ymd
    for pattern in (lex.text_mdy, lex.text_dmy, ymd):
        m = pattern.search(low)
        # "2023 Jan 7" (citations) only with a capitalised month: "in 2020 may 5 people" is prose
        if m and (pattern is not ymd or text[m.start("mon")].isupper()):
            rest = low[m.end():m.end() + CLOCK_LOOKAHEAD]
            return True, with_clock(int(m["y"]), lex.month_number[m["mon"].lower()], int(m["d"]), rest)
    return _MISS


def _dashed(text: str, low: str, dayfirst: bool, lex: Lexicon) -> Reading:
    """ "04-ago-2021": a month's abbreviation between dashes."""
    m = _TEXT_DMY_DASH.search(low)
    if m and m["mon"] in lex.dash_month_number:
        return True, mk(int(m["y"]), lex.dash_month_number[m["mon"]], int(m["d"]))
    return _MISS


def _numeric(text: str, low: str, dayfirst: bool, lex: Lexicon) -> Reading:
    """A date written in digits with slashes or dots; "3/5/2022" read by ``dayfirst``."""
    m = _YMD_SLASH.search(text)
    if m:
        return True, mk(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _DMY_NUM.search(text)
    if m and "/" not in m.group(0):
        return True, mk(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _MDY_SLASH.search(text)
    if not m:
        return _MISS
    first, second = (m["d"], m["m"]) if dayfirst else (m["m"], m["d"])
    found = mk(int(m["y"]), int(first), int(second))
    if found is None:  # 25/12/2020 in a US page, 12/25/2020 elsewhere: the only valid reading
        found = mk(int(m["y"]), int(second), int(first))
    return True, found


_READERS = (_iso, _cjk, _written, _dashed, _numeric)
"""The readers in the order they are tried: the most explicit form first."""


def _loose(text: str) -> datetime | None:
    """A compact stamp ("20220504") or a unix timestamp: only where a field holds nothing else."""
    m = _COMPACT.search(text)
    if m and len(text) <= COMPACT_MAX:
        return mk(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0))
    if _UNIX_STAMP.fullmatch(text):
        try:
            found = datetime.fromtimestamp(int(text[:UNIX_SECONDS_DIGITS]), tz=timezone.utc)
            return found if EARLIEST_YEAR <= found.year <= LATEST_YEAR else None
        except (OverflowError, OSError, ValueError):
            return None
    return None


def parse_date(
    text: str | None, *, loose: bool = True, dayfirst: bool = False, lex: Lexicon = DEFAULT_LEXICON
) -> datetime | None:
    """The first plausible date in ``text`` (ISO, numeric or written in several languages).

    ``dayfirst`` reads an ambiguous "3/5/2022" as 3 May: everywhere but in US English.
    ``lex`` names the months (a vocabulary's ``metadata``; the shipped one by default).
    """
    if not text:
        return None
    text = text.strip()[:PARSE_LIMIT]
    low = text.lower()
    for reader in _READERS:
        matched, value = reader(text, low, dayfirst, lex)
        if matched:
            return value
    return _loose(text) if loose else None


def short_year_date(text: str) -> datetime | None:
    """A date with a two-digit year ("23.09.22"), read only beside the headline: elsewhere
    on a page it is as often a teaser's date as a version number."""
    m = _DMY_SHORT.search(text)
    return mk(CENTURY + int(m["y"]), int(m["m"]), int(m["d"])) if m else None


def read_as_address(value: datetime, address_date: datetime | None) -> datetime:
    """A numeric date read with day and month the other way round when that reading is the
    date in the page's address ("03/10/2023" on ".../2023/october/03/...")."""
    if address_date is None or value.day > TWELVE_HOURS or value.date() == address_date.date():
        return value
    other = mk(value.year, value.day, value.month)
    return address_date if other is not None and other.date() == address_date.date() else value


def url_date(url: str | None, lex: Lexicon = DEFAULT_LEXICON) -> datetime | None:
    """The date a site files a page under in its address ("/2023/10/03/...", "/2023/october/03/...")."""
    if not url:
        return None
    m = lex.url_date.search(urlsplit(url).path.lower())
    if not m:
        return None
    g = m.groupdict()
    if g.get("y5"):  # "/2023/october/03/"
        return mk(int(g["y5"]), lex.month_number[g["m5"]], int(g["d5"]))
    for y, mo, d in (("y", "m", "d"), ("y2", "m2", "d2"), ("y3", "m3", "d3"), ("y4", "m4", "d4")):
        if g.get(y):
            return mk(int(g[y]), int(g[mo]), int(g[d]))
    return None
