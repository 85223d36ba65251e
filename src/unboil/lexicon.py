"""The metadata stage's language: the words and phrases a site writes around its
title, date and byline ("Published", "Aktualisiert am", "By", "März").

They are data in the vocabulary file's ``[metadata]`` table (see
``vocabulary.toml``), so that a caller who edits the file changes the metadata
rules too.  A :class:`Lexicon` holds the lists as read and compiles every
pattern built from them once, when it is made (a :class:`~unboil.Vocabulary`
makes one); the rules only read the compiled forms, never a module-level copy.

Names that are markup rather than language (``og:title``, ``datePublished``,
hAtom's ``published`` class, the ``class`` words of a date element) stay in
:mod:`unboil.metadata.words`: a site does not translate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .dateline import DatelineGrammar, dateline_grammar

__all__ = ["LEXICON_PATTERNS", "Lexicon"]

LEXICON_PATTERNS = (
    "updated_words", "published_words", "publish_label", "originally", "other_event", "visible_revised",
    "visible_published", "byline_start", "author_junk", "author_split", "heading_junk",
    "author_credential", "author_role", "author_not", "author_date_label", "name_particle", "byline_label",
    "weekdays",
)
"""The single patterns of ``[metadata.patterns]`` (each documented in ``vocabulary.toml``)."""

_NEVER = "(?!)"
"""A pattern that matches nothing: what a word list left empty compiles to."""
_YEAR = r"(?P<y>(?:19|20)\d\d)"


def _alternation(words: Iterable[str]) -> str:
    """The words as one alternation, longest first ("march" before "mar"); never-matching when empty."""
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return "|".join(alts) if alts else _NEVER


def _pairs(value: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple((str(name), int(number)) for name, number in value)


@dataclass(frozen=True)
class Lexicon:
    """The metadata stage's word lists, as data, and the patterns compiled from them.

    ``months`` and ``dash_months`` are (name, month number) pairs in file order;
    the patterns are regular-expression texts, each compiled ignoring case (a part
    that must keep case says so with ``(?-i:...)``).  A pattern left ``None`` never
    matches; a lexicon made empty reads no written date and no label.
    """

    months: tuple[tuple[str, int], ...] = ()
    """Month names and abbreviations, in the languages of the pages in scope."""
    dash_months: tuple[tuple[str, int], ...] = ()
    """More abbreviations read only between dashes ("04-ago-2021": "ago" is English elsewhere)."""
    date_fillers: tuple[str, ...] = ()
    """Short words a line that is only a date may hold ("on", "am", "Uhr")."""
    wire_agencies: tuple[str, ...] = ()
    """News agencies a wire dateline names in brackets ("Tokyo (Kyodo) —"), besides any short run of capitals."""
    dateline_labels: tuple[str, ...] = ()
    """Words in capitals that open a line like a place before a dash but are labels ("UPDATE -")."""
    # The patterns, as texts: each is described where vocabulary.toml sets it.
    updated_words: str | None = None
    published_words: str | None = None
    publish_label: str | None = None
    originally: str | None = None
    other_event: str | None = None
    visible_revised: str | None = None
    visible_published: str | None = None
    byline_start: str | None = None
    author_junk: str | None = None
    author_split: str | None = None
    heading_junk: str | None = None
    author_credential: str | None = None
    author_role: str | None = None
    author_not: str | None = None
    author_date_label: str | None = None
    name_particle: str | None = None
    byline_label: str | None = None
    weekdays: str | None = None
    month_number: Mapping[str, int] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """Each month name's number (read-only)."""
    dash_month_number: Mapping[str, int] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """Each name's number between dashes: the months and the dash-only abbreviations."""
    # Each of LEXICON_PATTERNS compiled ignoring case, as ``<name>_re``.
    updated_words_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    published_words_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    publish_label_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    originally_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    other_event_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    visible_revised_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    visible_published_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    byline_start_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    author_junk_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    author_split_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    heading_junk_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    author_credential_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    author_role_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    author_not_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    author_date_label_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    name_particle_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    byline_label_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    weekdays_re: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    text_mdy: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """ "May 4, 2022": a written month, then the day and the year."""
    text_dmy: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """ "4. Mai 2022", "4 de mayo de 2022"."""
    text_ymd: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """ "2023 Jan 7" (citations)."""
    url_date: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """The date a site files a page under in its address ("/2023/10/03/", "/2023/october/03/")."""
    date_words: re.Pattern[str] = field(default=None, init=False, repr=False, compare=False)  # type: ignore[arg-type]
    """What a date line is made of; a line with more words left over is a sentence that mentions a day."""
    dateline: DatelineGrammar = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]
    """The wire dateline's grammar with ``wire_agencies``, ``months``, ``dateline_labels`` and ``weekdays``
    (see :func:`unboil.dateline.dateline_grammar`)."""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "months", _pairs(self.months))
        set_(self, "dash_months", _pairs(self.dash_months))
        set_(self, "date_fillers", tuple(self.date_fillers))
        set_(self, "wire_agencies", tuple(self.wire_agencies))
        set_(self, "dateline_labels", tuple(self.dateline_labels))
        set_(self, "dateline", dateline_grammar(
            self.wire_agencies, (m for m, _ in self.months), self.dateline_labels, self.weekdays
        ))
        months = dict(self.months)
        set_(self, "month_number", MappingProxyType(months))
        set_(self, "dash_month_number", MappingProxyType({**months, **dict(self.dash_months)}))
        for name in LEXICON_PATTERNS:
            text = getattr(self, name)
            set_(self, f"{name}_re", re.compile(text if text is not None else _NEVER, re.I))
        mon = _alternation(months)
        set_(self, "text_mdy", re.compile(
            rf"(?<!\w)(?P<mon>{mon})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I
        ))
        set_(self, "text_dmy", re.compile(
            rf"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?(?P<mon>{mon})\.?,?\s+(?:de\s+)?{_YEAR}(?!\d)", re.I
        ))
        set_(self, "text_ymd", re.compile(rf"(?<!\d){_YEAR}\s+(?P<mon>{mon})\.?\s+(?P<d>[0-3]?\d)(?![\d:])", re.I))
        set_(self, "url_date", re.compile(
            r"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?:[/_-]|\.html?|$)"
            r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)[/_-]"
            r"|[/_-](?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)[/_.-]"
            r"|/(?P<d4>[0-3]\d)-(?P<m4>[01]\d)-(?P<y4>(?:19|20)\d\d)(?:/|\.html?|$)"
            rf"|/(?P<y5>(?:19|20)\d\d)/(?P<m5>{mon})/(?P<d5>[0-3]?\d)(?:/|\.html?|$)"
        ))
        fillers = "|".join(re.escape(w) for w in self.date_fillers) or _NEVER
        set_(self, "date_words", re.compile(rf"(?<!\w)(?:{mon})\.?(?!\w)|\w*\d\w*|\b(?:{fillers})\b", re.I))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its lists where it is unpickled (a batch worker), its patterns compiled there.
        return (Lexicon, tuple(getattr(self, f.name) for f in fields(self) if f.init))
