"""Every day a page prints in its text: the evidence the metadata stamps are checked against.

A stamp whose day the page never prints, beside a day it does print, is a
machine's record (an import, a save), not the date the reader is given.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from ...lexicon import Lexicon
from ...text import clean
from ..evidence import Evidence
from .candidates import LABEL_CHARS, LINE_CHARS, line_label
from .parse import YEAR, any_date, parse_date, with_clock

__all__ = ["PrintedDays", "has_clock"]

CLOCKS_KEPT = 50
"""Dates printed with a time of day kept: the first is the page's own, a few more are plenty."""
PRINTED_NODES = 5000
"""Nodes, in document order, whose text is read for printed days."""
CLOCK_CHARS = 40
"""Characters after a printed date read for its time of day."""


def has_clock(value: datetime) -> bool:
    """Whether a value carries a time of day: a date-only value is never moved between days."""
    return bool(value.hour or value.minute or value.second)


def _printed_days(ev: Evidence, dayfirst: bool, lex: Lexicon) -> tuple[dict[date, bool], list[datetime]]:
    """Every calendar day the page prints in its text (not in scripts or attributes), and
    whether it is printed at least once without an "updated" label before it; and the
    dates printed with a time of day and no zone ("Feb 14, 2026 | 9:05 pm"), as printed."""
    days: dict[date, bool] = {}
    clocks: list[datetime] = []
    source, cleaned = "", False  # the line before, whose label is made only when a date needs it
    patterns = any_date(lex)
    updated_words, published_words = lex.updated_words_re, lex.published_words_re
    for index, _el, _kind, text, _name in ev.lines:
        if index >= PRINTED_NODES:
            break
        if not (("19" in text or "20" in text) and YEAR.search(text, 0, LINE_CHARS)):
            source, cleaned = text, False
            continue  # no year, no date: most lines end here
        prev = line_label(source, cleaned)
        text = clean(text[:LINE_CHARS])
        for pattern in patterns:
            for m in pattern.finditer(text):
                value = parse_date(m.group(0), loose=False, dayfirst=dayfirst, lex=lex)
                if value is None:
                    continue
                before = text[max(0, m.start() - LABEL_CHARS):m.start()]
                plain = not updated_words.search(f"{prev} {before}") or bool(published_words.search(before))
                days[value.date()] = days.get(value.date(), False) or plain
                if len(clocks) < CLOCKS_KEPT:
                    clocked = value if has_clock(value) else with_clock(
                        value.year, value.month, value.day, text[m.end():m.end() + CLOCK_CHARS]
                    )
                    if clocked is not None and has_clock(clocked) and clocked.tzinfo is None:
                        clocks.append(clocked)
        source, cleaned = text, True
    return days, clocks


class PrintedDays:
    """The days a page prints (see ``_printed_days``): read once, and only when a rule asks."""

    def __init__(self, ev: Evidence, dayfirst: bool, lex: Lexicon) -> None:
        """Nothing is read yet: most pages never ask."""
        self._ev, self._dayfirst, self._lex = ev, dayfirst, lex

    @property
    def lex(self) -> Lexicon:
        """The words the page is read with (its vocabulary's metadata), for the rules given only these days."""
        return self._lex

    @cached_property
    def _read(self) -> tuple[dict[date, bool], list[datetime]]:
        """The reading, made on the first question."""
        return _printed_days(self._ev, self._dayfirst, self._lex)

    def __call__(self) -> dict[date, bool]:
        """Each printed day, and whether it is printed at least once without an update label."""
        return self._read[0]

    def clocks(self) -> list[datetime]:
        """The dates printed with a time of day and no zone, in document order."""
        return self._read[1]
