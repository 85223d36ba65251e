"""Cutting a title into its parts: headline, site name, section, tagline, date.

A ``<title>`` (and a templated ``<h1>``) strings parts together with separators;
which part is the headline is decided in ``sites`` and ``title``, from these cuts.
"""

from __future__ import annotations

import re
from typing import Callable

from ..text import title_key
from ..lexicon import Lexicon
from .dates.parse import parse_date

__all__ = ["TITLE_SEP", "split_title", "is_date_part", "before_bar", "drop_site_ends", "title_cuts",
           "compact", "tokens", "undo_mojibake", "COMPACT_KEY", "markup_free"]

TITLE_SEP = re.compile(r"\s+[|\-–—:•·»«/\\~]\s+|\s+::\s+|\s*\|\s*|\s+-{2}\s+|(?<=[a-z0-9.!?)'\"’])_(?=[A-Z])")
"""What strings a title's parts together: a spaced dash, colon, bullet, guillemet or slash, a bar, "::", and
an underscore before a capital ("Storm floods the harbour_English_Xinhua"; "snake_case" stays one word)."""
COMPACT_KEY = re.compile(r"[\W_]+")
DATE_PART_MAX = 30
"""The longest part of a title read as a dateline: a date and a weekday, no more."""
CUT_MIN_PARTS = 3
"""Parts a ``<title>`` needs before one end is cut as the site's: with two, either is a plain headline."""
PART_MIN_WORDS = 2
"""Words a part of a title needs to be a headline: one word is a label or a name."""
_BAR = re.compile(r"\s+\|\s+")
_MARKUP = re.compile(r"<\s*[A-Za-z][\w:-]*\s+[\w:-]+\s*=|</\s*[A-Za-z][\w:-]*\s*>|<!--|<\s*(?:script|style|meta|link)\b", re.I)
"""Markup in a title's text: a tag with an attribute, a closing tag, a comment, a script or style tag (a page
that never closes its ``<title>``, a template that writes markup into it).  A bare tag name is a title's word
("<table>: The Table element", "30 Years of <br> Tags")."""
_SCRIPT = re.compile(r"[;{]\s*\}|\}\s*\}|/\*|\bfunction\s*\(|\b(?:var|let|const)\s+[\w$]+\s*=|\b(?:break|return)\s*;")
"""Script in a title's text: a statement's end before a brace, a comment, a function, a declaration; braces
around words are a title's ("{orga your life}")."""
_LETTERS_MIN = 2
"""Letters a title cut before its markup needs to be kept."""
_WORD = re.compile(r"[^\W\d_]+")
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
"""A lead byte of UTF-8 read as Latin-1 or Windows-1252, then a continuation byte read the same way."""


def split_title(title: str) -> list[str]:
    """A title's parts between separators, blank ones left out."""
    parts = TITLE_SEP.split(title)
    return [p.strip() for p in parts if p.strip()]


def compact(text: str) -> str:
    """A title key with no spaces: "Four Years" and "fouryears" (a host label) compare equal."""
    return COMPACT_KEY.sub("", title_key(text))


def tokens(text: str) -> set[str]:
    """A title's words, as a set, for overlap tests."""
    return set(title_key(text).split())


def is_date_part(part: str, lex: Lexicon) -> bool:
    """A part of a title that is only a date ("23.01.2022 - Wierer wins"): a dateline, not words of the headline."""
    part = part.strip()
    if len(part) > DATE_PART_MAX or parse_date(part, loose=False, lex=lex) is None:
        return False
    return not _WORD.findall(lex.date_words.sub(" ", part))


def before_bar(text: str) -> str:
    """A heading cut at its first bar when what comes before is the longest part
    ("Best Movers in NYC 2025 | Top 19 Companies", "... health | Opinion"): a bar sets off a
    tagline or a section, as in a ``<title>``; a short part first is a kicker ("Tunisia | ...")."""
    parts = _BAR.split(text)
    if len(parts) < 2:
        return text
    words = [len(p.split()) for p in parts]
    return parts[0] if words[0] >= PART_MIN_WORDS and words[0] > max(words[1:]) else text


def drop_site_ends(text: str, is_site: Callable[[str], bool]) -> str:
    """A heading less a site name set off at its start or end ("Catering tips | Cookshack").

    Some templates print the ``<title>`` pattern into the ``<h1>``; the site's part is no
    more the headline there than in the ``<title>``.
    """
    seps = list(TITLE_SEP.finditer(text))
    if not seps:
        return text
    head, tail = text[: seps[0].start()], text[seps[-1].end():]
    if tail.strip() and is_site(tail) and text[: seps[-1].start()].strip():
        return text[: seps[-1].start()].strip()
    if head.strip() and is_site(head) and text[seps[0].end():].strip():
        return text[seps[0].end():].strip()
    return text


def title_cuts(doc_title: str) -> set[str]:
    """Keys of the ``<title>`` less its first or its last part (the site name's two places).

    Only for titles of three parts or more (with two, either part is a plain headline), and
    only where the part left off is not left on as well ("Headline | Site | Site").
    """
    parts = split_title(doc_title) if doc_title else []
    if len(parts) < CUT_MIN_PARTS:
        return set()
    cuts = set()
    for kept, dropped in ((parts[:-1], parts[-1]), (parts[1:], parts[0])):
        if title_key(dropped) not in {title_key(kept[0]), title_key(kept[-1])}:
            cuts.add(title_key(" ".join(kept)))
    cuts.discard("")
    return cuts


def markup_free(text: str) -> str:
    """A title less the markup its text holds: what comes before the first tag, when it has words;
    "" for a title with script in it (its text is code, wherever the code starts)."""
    if "<" not in text and "{" not in text and ";" not in text and "/*" not in text:
        return text
    if _SCRIPT.search(text):
        return ""
    m = _MARKUP.search(text)
    if not m:
        return text
    head = TITLE_SEP.split(text[: m.start()].strip())[0].strip() if m.start() else ""
    return head if len(_WORD.findall(head)) and sum(map(len, _WORD.findall(head))) >= _LETTERS_MIN else ""


def undo_mojibake(text: str | None) -> str | None:
    """A title whose UTF-8 bytes were read as Latin-1 or Windows-1252 ("Investorâ\\x80\\x99s",
    "cafÃ©"), read again as UTF-8; text that is not such a misreading does not decode and is kept."""
    if not text or not _MOJIBAKE.search(text):
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text
