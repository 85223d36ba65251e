"""One author value as a list of people: "By Ann Lee, MS, RD and Bo Chan | Daily" -> Ann Lee, Bo Chan.

Every source of authors (JSON-LD, ``<meta>``, the byline's links, the printed byline)
gives text that may name several people in one string and that carries what is not a
name: a "By" label, credentials ("MS, RD", "PhD"), a role ("Staff Writer", "CEO of
X"), a date, a contact link, an outlet after a bar.  The words are the vocabulary's
(``author_junk``, ``author_split``, ``author_credential``, ``author_role``,
``author_not``, ``name_particle``); what is left here is the shape of a name.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..text import clean

__all__ = ["people", "plain_name", "looks_like_name", "NAME_MAX", "NAME_MAX_WORDS"]

NAME_MAX = 80
"""The longest text taken for a person's name: longer is a bio or a sentence."""
NAME_MAX_WORDS = 8
"""The most words a name has: more is a bio or a sentence."""
PERSON_MAX_WORDS = 5
"""The most words of a second or later name split from one value: more is a phrase ("Atlas Van Lines - 10+
Years in the Moving Industry"), not a co-author."""

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SEMICOLON = re.compile(r"\s*;\s*")
_COMMA = re.compile(r"\s*,\s*")
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
"""An affiliation or role in brackets after a name ("Jean-Luc Aufranc (CNXSoft)"); one inside a name stays
("Paramita (Guha) Ghosh")."""
_CAPS_TOKEN = re.compile(r"(?-i:[A-Z][A-Z.\-®]{1,7}(?:\s\d{1,4})?)")
"""The shape of a credential after a name: a short run of capitals ("MS", "RD", "DVM", "E-RYT 200", "CEPF®")."""
_TRAILING_CREDENTIALS = re.compile(r"(?-i:(?:\s+(?:[A-Z]{2,6}|[A-Z]\.(?:[A-Z]\.)+)[,]?)+)$")
_FIELD_BREAK = re.compile(r"\s+[•·|]\s.*$|\s*[•·|]\s*$")
"""A bullet or a bar between a byline's fields: what follows is a date, a reading time, an outlet."""
_AGENCY_AFTER = re.compile(r"(?<=[^\W\d_]{2})\s?/\s?(?-i:[A-Z][\w.-]{0,12})$")
"""An agency or desk after a slash ("Peter Maahn/SP-X", "Ann Lee / dpa" is not: lowercase)."""
_HANDLE = re.compile(r"(?<=\S)\s+@\w+")
"""A social handle after a name ("Williams Perdomo @wperdomod")."""
_GLUED_MONTH = re.compile(r"(?<=[a-zà-ÿ])[A-ZÀ-Ý][a-zà-ÿ]+\.?$")
"""A capitalised word glued to the end of a name ("MillerDec"): a month, when the vocabulary names it so."""
_LEFTOVER = re.compile(r"^[\s,;:|\-–—•·]+|[\s,;:|\-–—•·]+$")


def _is_credential(piece: str, lex: Lexicon) -> bool:
    """A credential or a degree ("MS", "Ph.D.", "M.D. FACLM"): every word of the piece is one, and a
    piece of several words names a degree of the vocabulary (two words in capitals are a name: "GAIL LEVY")."""
    if _CAPS_TOKEN.fullmatch(piece):
        return True
    words = piece.split()
    return (bool(words) and all(_CAPS_TOKEN.fullmatch(w) or lex.author_credential_re.fullmatch(w) for w in words)
            and any(lex.author_credential_re.fullmatch(w) for w in words))


def plain_name(name: str, lex: Lexicon) -> str | None:
    """A name less "By", contact links, affiliations, a trailing date, bracket or credentials
    (``lex``'s ``author_junk``); None when no name is left."""
    name = clean(name)
    if not name or name.startswith(("http://", "https://", "www.")) or "@" in name and " " not in name:
        return None
    prev = None
    while prev != name:
        prev = name
        name = lex.author_junk_re.sub("", name).strip(" ,;|-–—")
        date = lex.text_mdy.search(name) or lex.text_dmy.search(name)
        if date and date.start() > 0:
            name = lex.author_date_label_re.sub("", name[: date.start()])
        name = _LEFTOVER.sub("", name)
    if not name or len(name) > NAME_MAX or len(name.split()) > NAME_MAX_WORDS or not _LETTER.search(name):
        return None
    return name


def looks_like_name(name: str, lex: Lexicon) -> bool:
    """A person's name as a byline prints it: capitalised words (a particle aside: "van der"), few,
    no digits, no role."""
    words = name.split()
    if not words or len(words) > PERSON_MAX_WORDS or _DIGIT.search(name) or lex.author_role_re.search(name):
        return False
    return all(w[:1].isupper() or lex.name_particle_re.fullmatch(w) for w in words)


def _split(value: str, lex: Lexicon) -> list[str]:
    """The value cut where names are joined: at semicolons and commas always (what follows a comma
    is a co-author, a credential or a role: :func:`people` sorts them); at "and"/"&"/"und" when the
    pieces are names ("Ann & Bo Lee", a first name alone before a full one, is one couple's byline and
    stays whole; so does a name with lowercase words, an organisation's)."""
    pieces: list[str] = []
    for chunk in _SEMICOLON.split(value):
        for part in _COMMA.split(chunk):
            joined = [p for p in lex.author_split_re.split(part) if p and p.strip()]
            pieces.extend(joined if len(joined) == 1 or _joined_names(joined, lex) else [part])
    return pieces


def _joined_names(parts: list[str], lex: Lexicon) -> bool:
    words = [len(p.split()) for p in parts if not _is_credential(p, lex)]
    if any(any(not (w[:1].isupper() or not _LETTER.match(w) or lex.name_particle_re.fullmatch(w)) for w in p.split())
           for p in parts):
        return False
    return not words or words[0] > 1 or all(n == 1 for n in words)


def _less_date(value: str, lex: Lexicon) -> str:
    """A byline less what follows a bullet or bar ("Ann Lee • March 12", "Ann Lee | 6 min read") and
    less a date after the name ("Ann Lee Dec 17, 2025", "Ann LeeDec 17" where markup glued them):
    from a word with a digit, or the month before it, on (never the first word: a user name may
    hold digits)."""
    value = _AGENCY_AFTER.sub("", _HANDLE.sub("", _FIELD_BREAK.sub("", value)))
    words = value.split()
    for i in range(1, len(words)):
        if _DIGIT.search(words[i]):
            before = words[i - 1]
            month = _GLUED_MONTH.search(before)
            if before.lower().strip(".,") in lex.month_number:
                words = words[: i - 1]
            elif month and before[: month.start()] and month[0].lower().strip(".,") in lex.month_number:
                words = [*words[: i - 1], before[: month.start()]]
            else:
                words = words[:i]
            return lex.author_date_label_re.sub("", " ".join(words)) if words else value
    return value


def _less_job_title(name: str, lex: Lexicon) -> str:
    """A name printed with its job title after it ("Zackery Cuevas Writer", "Liz Kenny Former McKinsey
    Consultant"): the first two words, when a longer name ends with a role."""
    words = name.split()
    if len(words) > 2 and lex.author_role_re.search(words[-1]):
        return " ".join(words[:2])
    return name


def people(value: str, lex: Lexicon) -> list[str]:
    """The people one author value names, in order: credentials, roles and non-authors
    ("Updated by", "View my complete profile") dropped; the first name is kept whatever its
    shape (a user name, a desk), a later one only when it looks like a person's."""
    value = _less_date(clean(value), lex)
    if not value or lex.author_not_re.search(value):
        return []
    out: list[str] = []
    for piece in _split(value, lex):
        bracket = _TRAILING_BRACKET.search(piece)
        piece = piece[: bracket.start()] if bracket and bracket.start() > 0 else piece
        name = plain_name(piece, lex)
        if not name or out and _is_credential(name, lex) or lex.author_not_re.search(name):
            continue
        if out and lex.author_role_re.search(name):
            continue  # "Mike Marshall, Shipping Expert": the role beside a name
        name = _less_job_title(name, lex)
        stripped = _TRAILING_CREDENTIALS.sub("", name)
        name = stripped if len(stripped.split()) > 1 and any(c.islower() for c in stripped) else name
        if out and not looks_like_name(name, lex):
            continue
        out.append(name)
    if len(out) > 1 and all(lex.author_role_re.search(n) for n in out[:1]):
        out = out[1:]  # "Staff Writer, Ann Lee"
    return out
