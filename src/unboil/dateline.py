"""The wire dateline that opens a story's body ("WASHINGTON (AP) —", "BERLIN (dpa) -").

A dateline is read by its structure, not from a list of places: an optional
agency in brackets, a place, up to two regions after commas, an optional date,
an optional agency or outlet in brackets (or between slashes), then a dash::

    WASHINGTON (AP) —                SANTA FE, N.M. (AP) —        KABUL --
    NEW YORK (Hollywood Reporter) -  LAS VEGAS--(BUSINESS WIRE)--  BEIJING—
    Moscou, 5 mars (AFP) -           MADRID, 12 (EUROPA PRESS) -   Dekalb, Ill. —
    NEW YORK, Jan. 5, 2024 /PRNewswire/ --                         (AP) HONOLULU -

What makes it a dateline and not a heading, a label or a name:

- the place is written in capitals, or in title case with what only a
  dateline adds to a name: a state or country after a comma ("Ga.",
  "Colombia"), a date, or a news agency the vocabulary lists or initials
  written as no acronym is ("CBS/AP", "CBS News").  "Key Takeaway -",
  "Apple (AAPL) -" and "Milk, Bread, Butter –" are not datelines;
- a lone word in capitals has four letters at least ("AXA –" is a company)
  and is none of the vocabulary's ``dateline_labels`` ("UPDATE –");
- the story's first sentence follows: a capital, a digit or a quote, then
  words and a full stop ("GNW - Gaming News Weekly" is a name, a kicker's
  deck has no full stop);
- a colon ends a dateline only after an agency ("NEW DELHI (PTI):") or a
  title-case place with a state ("Washington, DC, United States:"):
  "NEWS:", "PLEASE NOTE:", "UPDATE:", "PHOTO OF THE DAY:" are labels, and a
  place alone before a colon ("BANGKOK:", "Kolkata:") cannot be told from one;
- without a dash, a listed agency or joined initials must follow the place
  ("Hong Kong (CNN Business) A muddled ...", "(CBS/AP) At least ..."), or the
  dateline is a line of its own ("BAAR, SWITZERLAND", "July 24, 2012 (AP)").

It is read from the first body paragraph, after segmentation, not from the
metadata: it is part of the text the reader sees, and stays in it (see
:func:`first_dateline` for the lines it may follow).  The agencies, the month
names of a date and the labels are the vocabulary's (``[metadata]
wire_agencies``, ``months``, ``dateline_labels``); a
:class:`~unboil.lexicon.Lexicon` builds its :class:`DatelineGrammar` once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from .article import Block
    from .lexicon import Lexicon

__all__ = ["Dateline", "DatelineGrammar", "dateline_grammar", "find_dateline", "read_dateline", "first_dateline"]

LEAD_BLOCKS = 8
"""Blocks read for the dateline: a kicker, a byline, a time stamp or a caption may come first."""
SHORT_LINE = 80
"""A paragraph at most this long (a byline, "2 days ago", "Staff and agencies") may come before the dateline."""
LONG_LINES = 1
"""Longer paragraphs a dateline may follow (a caption printed as a paragraph, a teaser line); after
more, the story has begun without one."""
LEDE_WORDS = 20
"""Fewest words of the first sentence after a place and a colon with no agency ("LAHORE: The Met office
warned on Sunday that ..."): a wire lede is one long sentence; a label's text ("NEWS: ...") is short."""
BROKEN_LINES = 4
BROKEN_MIN = 3
"""Lines a broken sentence is read from: two without a sentence's end, then one with (a deck, then the
story's paragraph, are two)."""
LINE_MIN = 30
"""Fewest characters of each line of a sentence broken into lines but its last: a shorter one is a label."""
"""Lines read on from a paragraph broken by ``<br>`` into lines, to find its first sentence's end."""
DATELINE_READ = 300
"""Characters of the paragraph parsed: a dateline is short, and a 5 MB paragraph costs a second."""
STORY_READ = 1000
"""Characters after the dateline read to see that a story follows it."""
STORY_WORDS = 4
"""Fewest words after a dash that can be a story's first sentence ("GNW - Gaming News Weekly" is a name)."""
UNENDED_WORDS = 40
"""Words after a dash that pass for a sentence with no full stop in sight (a first sentence longer than
the text read); fewer, and no full stop, is a kicker's deck ("MIGRATION – Probleme ... – wie Kenia ...")."""
PLACE_WORDS = 4
"""Most words in a place written in capitals ("WEST PALM BEACH"); a title-case place has at most 3."""
BARE_PLACE_LETTERS = 4
"""Fewest letters of a lone capitalised word taken as a place ("AXA -" is a company, "KOBE –" a city)."""
AGENCY_CHARS = 40
"""Longest text in the brackets of a dateline ("(Hollywood Reporter)")."""

_L = r"[^\W\d_]"  # a letter of any script
_WORD = rf"(?:{_L}\.){{2,}}|{_L}+(?:[-'’]{_L}+)*\.?"
"""A word of a place: "N.M.", "Calif.", "WINSTON-SALEM", "O'HARE", "Bogotá"."""
_PLACE = re.compile(rf"(?:{_WORD})(?:(?: |\s?/\s?)(?:{_WORD})){{0,{PLACE_WORDS - 1}}}")
_REGION = re.compile(rf",\s*((?:{_WORD})(?: (?:{_WORD})){{0,2}})")
_BRACKET = re.compile(rf"\s*\(\s*([^()\n]{{1,{AGENCY_CHARS}}}?)\s*\)")
_SLASHED = re.compile(rf"\s*/\s*({_L}[^/\d\n]{{1,30}}?)\s*/")
"""PR Newswire's "NEW YORK, Jan. 5, 2024 /PRNewswire/ --"."""
_SEPARATOR = re.compile(r"\s*(?:--\s*\(\s*([^()\d\n]{1,40}?)\s*\)\s*--|—|–|―|--|-(?=\s)|:)")
"""A dash (a lone hyphen only before a space: "WINSTON-SALEM" is one name), Business Wire's
"--(BUSINESS WIRE)--", or a colon."""
_OPENING = re.compile(r"\s*[\"“‘'«„(\[¿¡]?\s*[^\W_]")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*(?:\s|$)")
_ABBREVIATION = re.compile(rf"(?:{_L}\.){{2,}}|[A-Z]{{2,3}}|[A-Z][a-z]{{1,5}}\.")
"""A state or country as a dateline shortens it: "N.M.", "NY", "Calif."."""
_CAPS_RUN = re.compile(r"[A-Z]{2,6}(?:/[A-Z]{2,6})*(?: [A-Z][a-z]+)?")
"""An outlet's initials ("KXAN", "CBS/AP"), perhaps with a desk ("CBS News")."""
_JOINED = re.compile(r"[A-Z]{2,6}(?:/[A-Z]{2,6})+|[A-Z]{2,6} [A-Z][a-z]+")
"""Initials an agency is written with, unlike a label in brackets ("(VIDEO)"): joined ("CBS/AP") or with a desk."""


@dataclass(frozen=True)
class Dateline:
    """A dateline as printed (``text``), and its place and agency where it names them."""

    text: str
    place: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class DatelineGrammar:
    """The vocabulary's parts of the grammar: a date, a listed agency, the labels that are no place."""

    date: re.Pattern[str]
    agency: re.Pattern[str]
    labels: frozenset[str]
    weekday: re.Pattern[str] = re.compile("(?!)")
    """A day of the week, named in a wire story's first sentence ("Police on Sunday recovered ...")."""


def dateline_grammar(
    agencies: Iterable[str], months: Iterable[str], labels: Iterable[str] = (), weekdays: str | None = None
) -> DatelineGrammar:
    """The grammar with these agencies (matched with their case, a suffix allowed: "dpa/lno",
    "CNN Business"), these month names (any case), these labels ("UPDATE -" is no place) and this
    pattern of the days of the week (any case)."""
    names = sorted((re.escape(a) for a in agencies), key=len, reverse=True) or ["(?!)"]
    mon = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True)) or "(?!)"
    day = r"[0-3]?\d(?:st|nd|rd|th|er|º)?"
    date = re.compile(
        rf"(?:^|,\s*|\s+)(?:(?i:{mon})\.?\s+{day}(?:,?\s+(?:19|20)\d\d)?(?![\w])"
        rf"|{day}\.?\s+(?:de\s+)?(?i:{mon})\.?(?:,?\s+(?:de\s+)?(?:19|20)\d\d)?(?![\w])"
        rf"|[0-3]?\d(?=\s*\())"
    )
    agency = re.compile(rf"(?:{'|'.join(names)})(?:$|[\s/-]|(?=[A-ZÀ-Þ]))")
    weekday = re.compile(weekdays or "(?!)", re.I)
    return DatelineGrammar(date, agency, frozenset(w.casefold() for w in labels), weekday)


@dataclass
class _Parts:
    """The dateline parts read at the start of a text, in order, and where each ends (not yet judged)."""

    lead: str | None = None
    place: tuple[int, int] | None = None
    regions: tuple[str, ...] = ()
    date: str | None = None
    agency: str | None = None
    separator: str | None = None
    end: int = 0


def _is_date(grammar: DatelineGrammar, text: str) -> bool:
    found = grammar.date.match(" " + text)
    return found is not None and found.end() == len(text) + 1


def _cut_at_date(text: str, start: int, end: int, grammar: DatelineGrammar) -> int:
    """Where a place or region read from ``start`` to ``end`` ends if a date begins inside it
    ("PHILADELPHIA July 24, 2012 (AP)": the place is "PHILADELPHIA")."""
    for i in range(start + 1, end):
        if text[i] == " " and grammar.date.match(text, i):
            return i
    return end


def _parse(text: str, grammar: DatelineGrammar, with_place: bool = True) -> _Parts:
    """The longest run of dateline parts at the start of ``text``."""
    parts = _Parts()
    pos = 0
    lead = _BRACKET.match(text)
    if lead and not any(c.isdigit() for c in lead.group(1)):  # "(AP) HONOLULU -", "(Reuters) —"
        parts.lead, pos = lead.group(1), lead.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    place = _PLACE.match(text, pos) if with_place else None
    if place and not (pos == 0 and grammar.date.match(text)):
        end = _cut_at_date(text, place.start(), place.end(), grammar)
        parts.place, pos = (place.start(), end), end
        regions: list[str] = []
        while len(regions) < 2 and not grammar.date.match(text, pos) and (region := _REGION.match(text, pos)):
            pos = _cut_at_date(text, region.start(1), region.end(), grammar)
            regions.append(text[region.start(1):pos])
            parts.place = (parts.place[0], pos)
        parts.regions = tuple(regions)
    if date := grammar.date.match(text, pos):
        parts.date, pos = date.group().lstrip(", "), date.end()
    bracket = _BRACKET.match(text, pos)
    if bracket and not parts.lead:
        if parts.date is None and _is_date(grammar, bracket.group(1)):
            parts.date, pos = bracket.group(1), bracket.end()  # "WASHINGTON (January 24, 2017) —"
        elif not any(c.isdigit() for c in bracket.group(1)):  # "Smith, J. (2021):" cites a year
            parts.agency, pos = bracket.group(1), bracket.end()
    elif (slashed := _SLASHED.match(text, pos)) and not parts.lead:
        parts.agency, pos = slashed.group(1), slashed.end()
    if separator := _SEPARATOR.match(text, pos):
        parts.separator = separator.group().strip()
        parts.agency = parts.agency or separator.group(1)  # "--(BUSINESS WIRE)--"
        pos = separator.end()
    parts.end = pos
    return parts


def _is_caps(words: Sequence[str]) -> bool:
    return all(w == w.upper() and w != w.lower() for w in words)


def _is_title(words: Sequence[str]) -> bool:
    return all(w[0].isupper() for w in words)


def _story_follows(rest: str) -> bool:
    """The story's first sentence: a capital, a digit or a quote first, words, a full stop in sight."""
    opening = _OPENING.match(rest)
    if not opening or rest[opening.end() - 1].islower():
        return False
    words = rest.split()
    ended = bool(_SENTENCE_END.search(rest)) or rest.rstrip().endswith(":")  # "The Latest on ... (all times local):"
    return len(words) >= STORY_WORDS and (ended or len(words) >= UNENDED_WORDS)


def _is_agency(grammar: DatelineGrammar, name: str) -> bool:
    """A listed agency ("dpa/lno", "CNN Business") or initials ("(KXAN)", "(CBS News)")."""
    return bool(grammar.agency.match(name) or _CAPS_RUN.fullmatch(name))


def _is_named_agency(grammar: DatelineGrammar, name: str) -> bool:
    """An agency that no ticker or acronym could be ("Apple (AAPL) -"): listed, or initials joined or with a desk."""
    return bool(grammar.agency.match(name) or _JOINED.fullmatch(name))


def _place_ok(words: list[str], parts: _Parts, grammar: DatelineGrammar, day_lede: bool = False) -> bool:
    """A place in capitals, or one in title case that a region, date or agency marks as a dateline's
    (or, before a colon, a first sentence that names the day: ``day_lede``)."""
    if not words or len(words) > PLACE_WORDS:
        return False
    if any(len(w.split("-")[0].strip(".'’")) < 3 and "-" in w for w in words):
        return False  # "TV-TIPP -", "DE-CIX –": a label or a name, not a place
    regions = [r.split() for r in parts.regions]
    if not all(_is_title(r) and len(r[0].rstrip(".")) > 1 for r in regions):
        return False  # "Smith, J." is a name and an initial
    abbreviated = any(_ABBREVIATION.fullmatch(r) for r in parts.regions)
    if _is_caps(words):
        if parts.regions or parts.date or parts.agency or parts.lead:
            return True
        bare = " ".join(words)
        return sum(c.isalpha() for c in bare) >= BARE_PLACE_LETTERS and bare.casefold() not in grammar.labels
    if not _is_title(words) or len(words) > PLACE_WORDS - 1:
        return False
    marked = abbreviated or len(regions) == 1 or parts.date is not None or day_lede
    return marked or (parts.agency is not None and _is_named_agency(grammar, parts.agency))


def _day_lede(rest: str, grammar: DatelineGrammar) -> bool:
    """A wire story's first sentence: long, and naming the day of the week ("Police on Sunday
    recovered two kidnapped foreign nationals in a raid ...", "... returned home broke on Wednesday
    after being deported ..."); a label's text is not ("SUMMARY: Setting the right hourly rate ...",
    "UPDATE: The store closes on Monday.")."""
    end = _SENTENCE_END.search(rest)
    first = rest[: end.start() if end else len(rest)]
    return len(first.split()) >= LEDE_WORDS and grammar.weekday.search(first) is not None


def _judge(text: str, parts: _Parts, grammar: DatelineGrammar) -> Dateline | None:
    """The dateline ``parts`` make, if they make one (see the module docstring)."""
    rest = text[parts.end:parts.end + STORY_READ]
    place = text[parts.place[0]:parts.place[1]] if parts.place else None
    name = place.split(",")[0] if place is not None else None  # the place without its regions
    day_lede = (  # "LAHORE: The Met office warned on Sunday ...": in capitals only ("Report:", "Oslo:" are labels)
        parts.separator == ":" and not parts.regions and name is not None and _is_caps(name.split())
        and _day_lede(rest, grammar)
    )
    if name is not None and not _place_ok(re.split(r"\s*/\s*|\s+", name), parts, grammar, day_lede):
        return None
    agency = parts.agency or parts.lead
    if place is None and not (parts.lead and _is_agency(grammar, parts.lead)) and not (parts.date and agency):
        return None
    caps = name is not None and _is_caps(re.split(r"\s*/\s*|\s+", name))
    if parts.separator == ":":
        titled = place is not None and not caps and any(_ABBREVIATION.fullmatch(r) for r in parts.regions)
        if not (agency or titled or day_lede and place is not None and (name or "").casefold() not in grammar.labels):
            return None  # "PLEASE NOTE:", "DEAR ABBY:", "Editor's Note, May 5:" are labels
    if parts.separator:
        ok = _story_follows(rest)
    elif not rest.strip():  # a line of its own: "BAAR, SWITZERLAND", "July 24, 2012 (AP)", not "Ends Dec 26"
        ok = _is_named_agency(grammar, agency or "") or (caps and bool(parts.regions or parts.date or agency))
    else:  # "Hong Kong (CNN Business) A muddled view ...", "(CBS/AP) At least 4 people ...": an agency, not a label
        ok = _is_named_agency(grammar, agency or "") and _story_follows(rest)
    if not ok:
        return None
    return Dateline(text[:parts.end].rstrip(), place, agency)


def read_dateline(paragraph: str, lex: Lexicon | None = None) -> Dateline | None:
    """The wire dateline opening ``paragraph``, if there is one, with its place and agency; the
    agencies, months and labels are ``lex``'s (a vocabulary's ``metadata``; the shipped one by default)."""
    grammar = lex.dateline if lex is not None else _default_grammar()
    text = paragraph[:DATELINE_READ + STORY_READ]
    head = text[:DATELINE_READ]
    parts = _parse(head, grammar)
    found = _judge(text, parts, grammar)
    if found is None and parts.lead:  # "(CNN) President Trump ...": the agency alone
        found = _judge(text, _parse(head, grammar, with_place=False), grammar)
    return found


def find_dateline(first_paragraph: str, lex: Lexicon | None = None) -> str | None:
    """The dateline opening the paragraph as printed ("KYIV, Ukraine (AP) —"), or None."""
    found = read_dateline(first_paragraph, lex)
    return found.text if found else None


def _default_grammar() -> DatelineGrammar:
    from .vocabulary import DEFAULT_VOCABULARY  # the vocabulary reads this module: imported when first asked

    return DEFAULT_VOCABULARY.metadata.dateline


_PASSED_OVER = frozenset(("heading", "caption", "image"))


def _is_short(text: str) -> bool:
    """A line a dateline may follow: short, or one long word (the page's address printed)."""
    return len(text) <= SHORT_LINE or (len(text) <= DATELINE_READ and not any(c.isspace() for c in text.strip()))


def _broken_lines(blocks: Sequence[Block], i: int) -> str | None:
    """The paragraph at ``i`` read on into the next ones when it is a sentence broken into lines
    (``<br>`` made each line a block): it and the next hold no sentence's end; read up to the first
    line that does.  A deck before a story is one line without a full stop, the story's paragraph
    has one: they are not joined."""
    texts: list[str] = []
    for block in blocks[i:i + BROKEN_LINES]:
        if block.kind != "paragraph" or texts and len(texts[-1]) < LINE_MIN or block.text.rstrip().endswith(":"):
            return None  # a label ("Bonus Galleries:", "List Price: EUR 23.24") or a short line is no broken sentence
        texts.append(block.text)
        if _SENTENCE_END.search(block.text + " "):
            break
    return " ".join(texts) if len(texts) >= BROKEN_MIN else None


def first_dateline(blocks: Sequence[Block], lex: Lexicon | None = None) -> Dateline | None:
    """The dateline opening the story: that of its first paragraph, read past the headings,
    captions, lists ("Key Points") and short lines (a byline, a time stamp, "Staff and agencies")
    before it.  A list item is never read: a list of teasers may hold datelines that open no story
    of this page."""
    long_lines = 0
    for i, block in enumerate(blocks[:LEAD_BLOCKS]):
        if block.kind in _PASSED_OVER:
            continue
        if block.kind == "paragraph":
            found = read_dateline(block.text, lex)
            if found is None and not _SENTENCE_END.search(block.text + " ") and (joined := _broken_lines(blocks, i)):
                found = read_dateline(joined, lex)
                found = found if found and len(found.text) <= len(block.text) and found.text[-1] != ":" else None
            if found:
                return found
        if block.kind not in ("paragraph", "list_item"):
            return None
        if block.kind == "paragraph" and not _is_short(block.text):
            long_lines += 1
            if long_lines > LONG_LINES:
                return None
    return None
