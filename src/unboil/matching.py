"""Matching a vocabulary's text patterns against all of a page's blocks at once.

Running every pattern on every block was the costliest step of extraction.
Instead each pattern declares the plain strings every match of it contains
(its *needs*, written in the vocabulary's data); one Aho-Corasick pass over
the page's blocks finds them all, and a pattern then scans only the blocks
that hold its needs (:func:`scan`).  A pattern that declares no needs is
run on every block: slower, never wrong.  Needs are declared, not read from
the regular expression, because reading them would take Python's private
``re._parser``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import ahocorasick

if TYPE_CHECKING:
    from .vocabulary import Concept

__all__ = ["Hints", "Matcher", "build_finder", "hints_of", "holding", "match_texts", "scan", "starts_of"]

Hints = tuple[tuple[frozenset[str], ...], ...]
"""What a matcher's matches must contain, as plain lowercase strings: one tuple per
pattern of the matcher (a match is one pattern's), each a tuple of sets that are all
required (a match of that pattern holds a string of every set), the most telling set
first."""


def _telling(strings: frozenset[str]) -> tuple[int, int]:
    """How selective a set of required strings is: longer shortest string, fewer strings."""
    return (min(len(x) for x in strings), -len(strings))


def hints_of(needs: Iterable[str]) -> tuple[frozenset[str], ...]:
    """Declared needs (``["support", "us|our work"]``) as sets, the most telling first.

    The most telling set is the one looked up in every block, so a common
    word ("on ", "your ") that a pattern also needs is only checked on the
    few blocks that hold the rarer one.
    """
    sets = []
    for need in needs:
        alternatives = frozenset(need.lower().split("|"))
        if not need or "" in alternatives or "\n" in need:
            raise ValueError(f"a need is one or more non-empty strings split at '|', without newlines: {need!r}")
        sets.append(alternatives)
    return tuple(sorted(sets, key=_telling, reverse=True))


_READ_ALONE = re.compile(r"\\[AZz]|\(\?<?[=!]")
r"""Whole-input anchors and lookarounds: a lookaround can see past a text's end into the
next one (``(?![\d\s]*$)`` reads across the newline), so such patterns are run text by text."""


@dataclass(frozen=True)
class Matcher:
    """Some of a concept's line or phrase patterns as one alternation, with what the batch scan needs of it."""

    single: re.Pattern[str]
    """The patterns as defined: ``match`` on one text if ``whole``, else ``search``."""
    scan: re.Pattern[str]
    """Its multi-line twin (``^``/``$`` at each text's ends), for texts joined by newlines."""
    hints: Hints | None
    """What every match holds (None: the patterns are run on every text)."""
    whole: bool
    alone: bool
    """Run text by text, never on the joined texts (see :data:`_READ_ALONE`)."""

    @classmethod
    def of(cls, pattern: re.Pattern[str], hints: Hints | None, whole: bool) -> "Matcher":
        scan = re.compile(pattern.pattern, pattern.flags | re.M)
        return cls(pattern, scan, hints, whole, bool(_READ_ALONE.search(pattern.pattern)))


def build_finder(matchers: Iterable[Matcher]) -> Any:
    """An Aho-Corasick automaton of every pattern's most telling needs: one pass over
    a page's blocks finds them all (searching for each in turn was the costliest part
    of matching)."""
    finder = ahocorasick.Automaton()
    for matcher in matchers:
        for first, *_ in matcher.hints or ():
            for hint in first:
                finder.add_word(hint, hint)
    if len(finder):
        finder.make_automaton()
    return finder


def starts_of(texts: Sequence[str]) -> list[int]:
    """Offsets of each text in ``"\\n".join(texts)``."""
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return starts


def holding(hints: Hints, located: Mapping[str, set[int]], lows: Sequence[str]) -> list[int]:
    """Indices of the texts (``lows``) that could match.

    ``located`` gives the texts holding each pattern's first set of strings; the
    pattern's other sets are then checked on those few texts only, so a common
    word ("on ", "your ") that a pattern also needs costs nothing.
    """
    found: set[int] = set()
    for first, *rest in hints:
        for hint in first:
            texts = located.get(hint)
            if not texts:
                continue
            if rest:
                found.update(k for k in texts if k not in found and all(any(h in lows[k] for h in need) for need in rest))
            else:
                found.update(texts)
    return sorted(found)


def scan(joined_re: re.Pattern[str], single_re: re.Pattern[str], texts: Sequence[str], whole: bool, alone_only: bool) -> set[int]:
    """Indices of the ``texts`` that ``single_re`` matches (whole, for a line
    pattern, else anywhere), found by scanning them all joined by newlines
    with ``joined_re``, its multi-line twin.

    A match that lies within one text is a match of that text (multi-line
    ``^`` and ``$`` hold at each text's ends, just as for the text alone).  A
    match that runs across a newline is checked on its text alone; either way
    the scan resumes at the next text, so no text is skipped or decided
    twice.  A pattern anchored to the whole input (``\\A``, ``\\Z``) or with a
    lookaround is run text by text.
    """

    def alone(t: str) -> bool:
        return bool(single_re.match(t) if whole else single_re.search(t))

    if alone_only:
        return {i for i, t in enumerate(texts) if alone(t)}
    # A text with its own newlines would blur the boundaries: it is matched alone.
    found = {i for i, t in enumerate(texts) if "\n" in t and alone(t)}
    joined = "\n".join(texts)
    starts = starts_of(texts)
    pos = 0
    while True:
        m = joined_re.search(joined, pos)
        if m is None:
            return found
        k = bisect_right(starts, m.start()) - 1
        end = starts[k] + len(texts[k])
        if "\n" not in texts[k] and (m.end() <= end or alone(texts[k])):
            found.add(k)
        pos = end + 1


def match_texts(concepts: Sequence["Concept"], finder: Any, texts: Sequence[str], phrase_limit: int, line_limit: int) -> list[str | None]:
    """The first concept, in vocabulary order, whose line or phrase pattern each text matches.

    Each pattern's needs are looked up as plain substrings of all the texts
    at once (``finder``), and the pattern then scans only the texts that hold
    them (:func:`scan`).
    """
    out: list[str | None] = [None] * len(texts)
    short = [i for i, t in enumerate(texts) if len(t) <= phrase_limit]
    if not short:
        return out
    lows = [texts[i].lower() for i in short]
    joined = "\n".join(lows)
    starts = starts_of(lows)
    # Which texts hold each need (none holds a newline: one text each).
    located: dict[str, set[int]] = {}
    if len(finder):
        for end, hint in finder.iter(joined):
            located.setdefault(hint, set()).add(bisect_right(starts, end) - 1)
    # Concepts in vocabulary order: the first one to claim a text keeps it.
    for concept in concepts:
        for matcher in concept.matchers:
            pick = range(len(short)) if matcher.hints is None else holding(matcher.hints, located, lows)
            if matcher.whole:
                pick = [j for j in pick if len(texts[short[j]]) <= line_limit]
            else:
                pick = list(pick)
            if not pick:
                continue
            # Line patterns read the text as written (they carry re.I), phrases the lowercased one.
            chosen = [texts[short[j]] for j in pick] if matcher.whole else [lows[j] for j in pick]
            for m in scan(matcher.scan, matcher.single, chosen, matcher.whole, matcher.alone):
                i = short[pick[m]]
                if out[i] is None:
                    out[i] = concept.name
    return out
