"""Matching a vocabulary's text patterns against all of a page's blocks at once.

Running every pattern on every block was the costliest step of extraction.
Instead each pattern declares the plain strings every match of it contains
(its *needs*, written in the vocabulary's data); one Aho-Corasick pass over
the page's blocks finds them all (:class:`Finder`), and a pattern is then run
only on the blocks that hold its needs.  A pattern that declares no needs is
run on every block: slower, never wrong.  Needs are declared, not read from
the regular expression, because reading them would take Python's private
``re._parser``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import ahocorasick

if TYPE_CHECKING:
    from .vocabulary import Concept

__all__ = ["Finder", "Hints", "Matcher", "hints_of", "holding", "match_texts", "starts_of"]

Hints = tuple[tuple[frozenset[str], ...], ...]
"""What a matcher's matches must contain, as plain lowercase strings: one tuple per
pattern of the matcher (a match is one pattern's), each a tuple of sets that are all
required (a match of that pattern holds a string of every set), the most telling set
first."""

Needs = tuple[frozenset[str], ...]
"""One pattern's part of :data:`Hints`: sets of strings, a match holds one string of each."""


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


@dataclass(frozen=True)
class Matcher:
    """Some of a concept's line or phrase patterns as one alternation, with the strings its matches hold."""

    single: re.Pattern[str]
    """The patterns as defined: ``match`` on one text if ``whole``, else ``search``."""
    hints: Hints | None
    """What every match holds (None: the patterns are run on every text)."""
    whole: bool


class Finder:
    """A vocabulary's patterns as :func:`match_texts` runs them.

    An Aho-Corasick automaton of every pattern's most telling needs, and the
    patterns each need is one of: one pass over a page's blocks finds them all
    (searching for each in turn was the costliest part of matching), and only
    the needs found are looked at, not every pattern's.  Patterns are known by
    their *rank*, their place in vocabulary order.
    """

    __slots__ = ("automaton", "uses", "patterns", "bare", "lines", "single")

    def __init__(self, concepts: Iterable["Concept"]) -> None:
        self.patterns: tuple[tuple[str, Matcher], ...] = tuple((c.name, m) for c in concepts for m in c.matchers)
        """Each concept's matchers, with its name, in vocabulary order."""
        bare = [
            k for k, (_, m) in enumerate(self.patterns) if m.hints is None and m.whole and not m.single.groups and m.single.flags == re.I | re.U
        ]
        if len(bare) < 2:
            bare = []
        self.bare = tuple(bare)
        """The ranks of the line matchers without needs, which every short text is tried against, as one pattern ..."""
        self.lines = re.compile("|".join(f"({self.patterns[k][1].single.pattern})" for k in bare), re.I) if bare else None
        """... whose first group to match (``lastindex``) is the first of them, in vocabulary order, that does."""
        self.single = tuple(sorted(set(range(len(self.patterns))) - set(bare)))
        """The ranks of the other matchers, each run on its own."""
        uses: dict[str, list[tuple[int, Needs]]] = {}
        for rank, (_, matcher) in enumerate(self.patterns):
            for first, *rest in matcher.hints or ():
                for hint in first:
                    uses.setdefault(hint, []).append((rank, tuple(rest)))
        self.automaton = ahocorasick.Automaton()
        self.uses: tuple[tuple[tuple[int, Needs], ...], ...] = tuple(tuple(u) for u in uses.values())
        """By the automaton's value for a need: (the rank of a matcher, its other needs) of each pattern needing it."""
        for number, hint in enumerate(uses):
            self.automaton.add_word(hint, number)
        if uses:
            self.automaton.make_automaton()

    def candidates(self, lows: Sequence[str]) -> dict[int, set[int]]:
        """The texts (``lows``, lowercased) that could match each hinted matcher, by the
        matcher's rank: those holding a string of each set of one of its patterns' needs
        (the sets of :func:`holding`, found from the needs present rather than from every pattern's)."""
        located: dict[int, set[int]] = {}
        if self.uses:
            starts = starts_of(lows)
            for end, number in self.automaton.iter("\n".join(lows)):
                found = located.get(number)
                if found is None:
                    found = located[number] = set()
                found.add(bisect_right(starts, end) - 1)
        held: dict[int, set[int]] = {}
        for number, texts in located.items():
            for matcher, rest in self.uses[number]:
                hits = [k for k in texts if _holds(lows[k], rest)] if rest else texts
                if matcher in held:
                    held[matcher].update(hits)
                else:
                    held[matcher] = set(hits)
        return held


def _holds(low: str, needs: Needs) -> bool:
    """Whether ``low`` holds one string of each of ``needs``."""
    for need in needs:
        for hint in need:
            if hint in low:
                break
        else:
            return False
    return True


def starts_of(texts: Sequence[str]) -> list[int]:
    """Offsets of each text in ``"\\n".join(texts)``."""
    return list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))


def holding(hints: Hints, located: Mapping[str, set[int]], lows: Sequence[str]) -> list[int]:
    """Indices of the texts (``lows``) that could match, by the definition :meth:`Finder.candidates` follows.

    ``located`` gives the texts holding each pattern's first set of strings; the
    pattern's other sets are then checked on those few texts only, so a common
    word ("on ", "your ") that a pattern also needs costs nothing.
    """
    found: set[int] = set()
    for first, *rest in hints:
        for hint in first:
            texts = located.get(hint)
            if texts:
                found.update(k for k in texts if k not in found and _holds(lows[k], tuple(rest)))
    return sorted(found)


def match_texts(finder: Finder, texts: Sequence[str], phrase_limit: int, line_limit: int) -> list[str | None]:
    """The first concept, in vocabulary order, whose line or phrase pattern each text matches.

    Each pattern's needs are looked up as plain substrings of all the texts at
    once (``finder``), and the pattern is then run on each text that holds them
    and that no earlier pattern has claimed.  One call per text beats scanning
    the texts joined: a line pattern fails at a text's first characters, while
    a scan tries every position of the page.  The line patterns without needs,
    tried on every text, are one call per text together (``finder.lines``).
    """
    out: list[str | None] = [None] * len(texts)
    short = [i for i, t in enumerate(texts) if len(t) <= phrase_limit]
    if not short:
        return out
    # Line patterns read the text as written (they carry re.I), phrases the lowercased one.
    written = [texts[i] for i in short]
    lows = [t.lower() for t in written]
    held = finder.candidates(lows)
    patterns = finder.patterns
    none = len(patterns)
    rank = [none] * len(short)
    """Each text's first matching pattern so far, by its rank."""
    joint = finder.lines
    if joint is not None:
        bare = finder.bare
        for j, text in enumerate(written):
            if len(text) <= line_limit:
                m = joint.match(text)
                if m is not None:
                    rank[j] = bare[m.lastindex - 1]  # type: ignore[operator]
    for k in finder.single:
        matcher = patterns[k][1]
        if matcher.hints is None:
            pick: Iterable[int] = range(len(short))
        else:
            found = held.get(k)
            if not found:
                continue
            pick = found
        if matcher.whole:
            match = matcher.single.match
            for j in pick:
                if rank[j] > k and len(written[j]) <= line_limit and match(written[j]):
                    rank[j] = k
        else:
            search = matcher.single.search
            for j in pick:
                if rank[j] > k and search(lows[j]):
                    rank[j] = k
    for i, k in zip(short, rank):
        if k < none:
            out[i] = patterns[k][0]
    return out
