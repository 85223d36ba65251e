"""Test-only: the strings every match of a regular expression contains, read with ``sre_parse``.

The library never reads a pattern's structure (that takes Python's private
``re._parser``); the vocabulary's patterns *declare* their needs instead.  The
tests use this reader, which the library once used itself, to check that
every declared need is one the pattern really has.
"""

from __future__ import annotations

import re
from typing import Any

try:
    import re._constants as _sre_constants
    import re._parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

Hints = tuple[tuple[frozenset[str], ...], ...]


def required_literals(pattern: re.Pattern[str]) -> Hints | None:
    """What every match of ``pattern`` contains (see :data:`Hints`), or None.

    Read from the parsed pattern: a run of three or more literal characters
    in sequence is required; a group or a repeat of at least one is required
    if its content is; an alternation inside a branch requires one of its
    branches' strings.  Optional parts, classes and lookarounds require
    nothing.  None means the pattern must be run on every text: one of its
    branches requires no string at all.
    """
    try:
        parsed = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private module's API: never let it break extraction
        return None
    branches = _top_branches(parsed)
    out = []
    for branch in branches:
        sets = literal_sets(list(branch))
        if not sets or any("\n" in x for s in sets for x in s):
            return None
        sets.sort(key=_telling, reverse=True)
        out.append(tuple(frozenset(s) for s in sets))
    return tuple(out)


_ZERO_WIDTH = (_sre_constants.AT,)


def _top_branches(items: list[tuple[Any, Any]]) -> list[Any]:
    """The pattern's alternatives, seen through anchors and a group around them
    (``^(?:(?:a)|(?:b))$`` has the branches ``a`` and ``b``)."""
    core = [item for item in items if item[0] not in _ZERO_WIDTH]
    if len(core) == 1 and core[0][0] is _sre_constants.SUBPATTERN:
        return _top_branches(list(core[0][1][-1]))
    if len(core) == 1 and core[0][0] is _sre_constants.BRANCH:
        return list(core[0][1][1])
    return [items]


def _telling(strings: set[str]) -> tuple[int, int]:
    """How selective a set of required strings is: longer shortest string, fewer strings."""
    return (min(len(x) for x in strings), -len(strings))


def literal_sets(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Every set of strings the sequence ``items`` requires (one of each set)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            candidates.append({"".join(run).lower()})
        run.clear()

    for op, arg in items:
        if op is _sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op is _sre_constants.SUBPATTERN:
            candidates.extend(literal_sets(list(arg[-1])))
        elif op in _REPEATS and arg[0] >= 1:
            candidates.extend(literal_sets(list(arg[2])))
        elif op is _sre_constants.BRANCH:
            # One of the branches matches: the union of each branch's most telling set.
            branches = [literal_sets(list(b)) for b in arg[1]]
            if branches and all(branches):
                candidates.append(set().union(*(max(b, key=_telling) for b in branches)))
    flush()
    return candidates


_REPEATS = tuple(
    op for op in (getattr(_sre_constants, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op is not None
)


def _implied(have: frozenset[str], need: frozenset[str]) -> bool:
    """Whether holding one string of ``have`` means holding one of ``need``."""
    return all(any(n in h for n in need) for h in have)


def declared_needs_hold(pattern: re.Pattern[str], declared: tuple[frozenset[str], ...]) -> bool:
    """Whether every match of ``pattern`` holds the ``declared`` sets, as far as its parse shows.

    Each branch of the pattern must require, for every declared set, a set of
    strings each of which contains one of the declared ones.  A pattern whose
    parse shows no required string cannot vouch for any need.
    """
    derived = required_literals(pattern)
    if derived is None:
        return not declared
    return all(all(any(_implied(have, need) for have in branch) for need in declared) for branch in derived)
