"""Checking a metadata stamp against what the page prints.

Stamps in JSON-LD and ``<meta>`` are written by machines: in UTC, at import, at the
last save.  The page's printed days and its headline date say which day the reader
is given; these rules move or replace a stamp only when the page says otherwise.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable

from ..jsonld import Items, iter_dates
from ..words import EAST_LANGUAGES, NOT_PUBLISHED_KEY, PUBLICATION_KEY
from ...lexicon import Lexicon
from .parse import parse_date
from .printed import PrintedDays, has_clock

__all__ = ["shown_alternative", "printed_over_stamp", "modified_shown_instead", "reachable_days",
           "same_instant_day", "same_instant_printed", "east_midnight", "local_day"]

WEST_MOST, EAST_MOST = -12, 14
"""The zones farthest from UTC, in hours (Baker Island, Line Islands)."""
TIMES_READ = 31
"""``<time>`` elements read for the same instant written in the page's zone."""
SAME_INSTANT = timedelta(minutes=1)
"""How far apart two stamps of one instant may be (seconds dropped)."""
ZONE_STEP = timedelta(minutes=15)
"""Every zone is a whole number of quarter hours from UTC."""
EAST_MIDNIGHT_HOURS = (21, 22, 23)
"""UTC hours of midnight one to three hours east of Greenwich."""
MAX_MONTH = 12
"""A day number above it cannot be a month: such a date reads only one way."""


def shown_alternative(published: datetime, items: Items, meta: dict[str, list[str]], printed: PrintedDays) -> datetime | None:
    """Another publication date of the publisher's own metadata, when that one is printed on
    the page and the first one found is not.

    Pages carry several publication stamps (JSON-LD, ``article:published_time``, a
    syndication feed's ``publishtime``) that disagree when an article was re-issued or a
    template fills one of them with the import date; the one the reader is shown is the
    page's.  A meta name given more than once (one per comment, per post) is no page stamp.
    """
    lex = printed.lex
    others = [parse_date(raw, lex=lex) for raw in iter_dates(items, "datePublished")]
    others += [
        parse_date(values[0], lex=lex)
        for key, values in meta.items()
        if len(values) == 1 and PUBLICATION_KEY.search(key) and not NOT_PUBLISHED_KEY.search(key)
    ]
    day = published.date()
    dated = [v for v in others if v is not None and v.date() != day]
    if not dated or day in printed():
        return None
    return next((v for v in dated if v.date() in printed()), None)


def _swapped(shown: datetime, day: date) -> bool:
    """Whether a numeric date reads as ``day`` with day and month swapped."""
    return shown.day <= MAX_MONTH and (shown.year, shown.day, shown.month) == (day.year, day.month, day.day)


def printed_over_stamp(
    published: datetime,
    modified: datetime | None,
    jsonld: bool,
    shown: datetime,
    revision: bool,
    printed: PrintedDays,
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
    if shown.date() == day or _swapped(shown, day):
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


def modified_shown_instead(
    published: datetime, modified: datetime | None, printed: PrintedDays, only_revision_listed: bool = False
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


def reachable_days(instant: datetime) -> set[date]:
    """The calendar days an instant can fall on somewhere on Earth (UTC-12 to UTC+14).

    A naive value is read as UTC: publishing systems that drop the zone mostly store UTC.
    """
    utc = instant.astimezone(timezone.utc).replace(tzinfo=None) if instant.tzinfo else instant
    return {(utc + timedelta(hours=h)).date() for h in (WEST_MOST, 0, EAST_MOST)}


def same_instant_day(published: datetime, times: tuple[Any, ...], lex: Lexicon) -> date | None:
    """The local day of a ``<time datetime>`` that names the same instant in the page's zone."""
    if published.tzinfo is None:
        return None
    for el in times[:TIMES_READ]:
        value = parse_date(el.get("datetime"), lex=lex)
        if value is not None and value.tzinfo is not None and value.utcoffset() and abs(value - published) <= SAME_INSTANT:
            return value.date()
    return None


def same_instant_printed(published: datetime, printed: PrintedDays) -> date | None:
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
            and timedelta(hours=WEST_MOST) <= offset <= timedelta(hours=EAST_MOST)
            and offset % ZONE_STEP == timedelta(0)
        ):
            return shown.date()
    return None


def east_midnight(published: datetime, language: str | None) -> bool:
    """A UTC stamp at exactly 21:00, 22:00 or 23:00 on a page in a Central or Eastern
    European language is the local midnight that starts the next day: a date-only value
    ("5 November") that the publishing system stored as UTC ("2021-11-04T23:00Z")."""
    if published.tzinfo is None or published.utcoffset() or not language:
        return False
    return (
        language.split("-")[0] in EAST_LANGUAGES
        and published.hour in EAST_MIDNIGHT_HOURS
        and not (published.minute or published.second or published.microsecond)
    )


def local_day(
    published: datetime,
    modified: datetime | None,
    times: tuple[Any, ...],
    shown: Callable[[], datetime | None],
    language: str | None,
    url_day: date | None,
    printed: PrintedDays,
) -> date | None:
    """The page-local calendar day of a UTC timestamp, when the page shows another day.

    JSON-LD and ``<meta>`` timestamps are often written in UTC while readers see (and
    annotators record) the day printed on the page: 23:37 on 3 May in Aruba is
    "2022-05-04T03:37Z".  A ``<time>`` naming the same instant with the page's offset
    decides; else a day printed beside the headline (``shown``) that the instant can fall
    on (unless that is the day of the last update); else the day in the page's address that
    the instant can fall on (set at publication, in the publisher's zone); else a local
    midnight stored as UTC (see ``east_midnight``).  A timestamp with its own non-zero
    offset is already local, and a date-only value (no time of day) is never moved.
    """
    if not has_clock(published) or published.utcoffset():
        return None
    # A stamp without a zone is read against the first time the page prints.
    same = same_instant_day(published, times, printed.lex) or (
        same_instant_printed(published, printed) if published.tzinfo is None else None
    )
    if same is not None:
        return same
    beside = shown()
    if beside is not None and beside.date() in reachable_days(published) and (
        modified is None or beside.date() != modified.date()
    ):
        return beside.date()
    if url_day is not None and url_day in reachable_days(published):
        return url_day
    if east_midnight(published, language):
        return published.date() + timedelta(days=1)
    return None
