"""The boilerplate vocabulary: what non-article content looks like, as data.

The default vocabulary is the data file ``vocabulary.toml`` shipped in this
package (its header explains the format); a caller copies it, edits the copy
and loads it with :meth:`Vocabulary.load`, or changes the loaded one with
:meth:`Vocabulary.extend` and :meth:`Vocabulary.without`.

Each :class:`Concept` (donation, countdown, share, ...) holds three kinds of
evidence, because many sites use meaningless class names and the text is then
the only clue:

* ``attributes``: words found in ``class``/``id`` (``"share"``,
  ``"newsletter"``).  A class is split into words on anything that is not a
  letter or digit, so ``post-share__btn`` yields ``share``.
* ``lines``: regular expressions that match a *whole* short block
  (``"Support SouthFront"``, ``"2,500 $"``).  They are anchored, so a real
  sentence that merely mentions a word is safe.
* ``phrases``: regular expressions searched inside short blocks
  (``"consider helping us"``); a block longer than ``Vocabulary.phrase_limit``
  characters is never dropped on a phrase.

What the stages do with a concept besides dropping its blocks is data too:
its ``roles`` (an appeal takes its box along, a "Related" heading cuts its
section, ...) and its parameters (``kept_by``, ``tags``, ``max_box_text``,
``amounts``, ``site_headings``).  The stages ask the vocabulary which concepts
have a role, never for a concept by name, so a caller's concept can have any
role and a concept left out with :meth:`Vocabulary.without` has no rule left
anywhere.

Patterns are compiled once, when a :class:`Vocabulary` is built; the default
vocabulary is loaded and built at import.  Nothing here is mutable.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from importlib.resources import files
from os import PathLike
from typing import Any, Iterable, Mapping, Sequence

from .lexicon import Lexicon
from .matching import Finder, Hints, Matcher, hints_of, match_texts

if sys.version_info >= (3, 11):
    import tomllib
else:  # a declared dependency on Python 3.10
    import tomli as tomllib

__all__ = ["Concept", "DEFAULT_FILE", "DEFAULT_VOCABULARY", "ROLES", "TextPattern", "Vocabulary", "WordLists", "attribute_words"]

ROLES = frozenset({"appeal", "appeal_ending", "cuts_section", "thread", "label"})
"""What the stages may be told to do with a concept's blocks (see ``vocabulary.toml``).
A role outside this set is refused: a misspelt one would silently do nothing."""

_WORD = re.compile(r"[a-z0-9]+")
_HAS_CAPITAL = re.compile(r"(?<!\\)[A-Z]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def attribute_words(value: str) -> list[str]:
    """Split a class/id value into lowercase words (``socialShare-btn`` -> social, share, btn)."""
    low = value.lower()
    if low != value:  # capitals: camelCase boundaries become word breaks first
        low = _CAMEL.sub("-", value).lower()
    return _WORD.findall(low)


@dataclass(frozen=True)
class TextPattern:
    """A line or phrase pattern and the strings every match of it contains.

    ``needs`` are declared rather than read from the expression (that would
    take Python's private ``re._parser``): ``["support", "us|our work"]``
    says every match holds "support" and one of "us", "our work".  Without
    needs the pattern is tried on every block, which is slower but never wrong.
    """

    re: str
    needs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", tuple(self.needs))
        hints_of(self.needs)  # a malformed need is refused where it is written

    @property
    def hints(self) -> tuple[frozenset[str], ...] | None:
        return hints_of(self.needs) if self.needs else None


def _patterns(items: Iterable[TextPattern | str]) -> tuple[TextPattern, ...]:
    return tuple(p if isinstance(p, TextPattern) else TextPattern(p) for p in items)


@dataclass(frozen=True)
class Concept:
    """One kind of boilerplate, with the evidence that betrays it and the roles it plays."""

    name: str
    attributes: frozenset[str] = frozenset()
    lines: tuple[TextPattern, ...] = ()
    phrases: tuple[TextPattern, ...] = ()
    roles: frozenset[str] = frozenset()
    kept_by: str | None = None
    """The :class:`~unboil.Options` flag that keeps this concept's blocks and boxes."""
    tags: frozenset[str] = frozenset()
    """Elements with these tags are this concept (``figure``: a caption)."""
    max_box_text: int | None = None
    """A box named or tagged for this concept holding more text than this wraps the story and stays."""
    amounts: str | None = None
    """One amount ("$20"): three or more bare amounts in a row are this concept (a donation ladder)."""
    site_headings: tuple[str, ...] = ()
    """Headings naming a site in group 1 ("More from The Site"): naming this page's site, they are this concept."""
    line_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    phrase_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    matchers: tuple[Matcher, ...] = field(default=(), init=False, repr=False, compare=False)
    """The line and phrase patterns as :meth:`Vocabulary.text_concepts` runs them."""

    def __post_init__(self) -> None:
        # Callers may pass lists and plain strings: the stored form is frozen and uniform.
        for name in ("attributes", "roles", "tags"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "lines", _patterns(self.lines))
        object.__setattr__(self, "phrases", _patterns(self.phrases))
        object.__setattr__(self, "site_headings", tuple(self.site_headings))
        unknown = self.roles - ROLES
        if unknown:
            raise ValueError(f"concept {self.name!r}: unknown roles {sorted(unknown)} (known: {sorted(ROLES)})")
        matchers = []
        if self.lines:
            object.__setattr__(self, "line_re", _line_pattern([p.re for p in self.lines]))
            matchers += [Matcher(_line_pattern([p.re for p in group]), hints, whole=True) for group, hints in _by_needs(self.lines)]
        if self.phrases:
            # Phrases are searched in lowercased text: without re.I the search is twice
            # as fast.  A caller's phrase with capitals still gets re.I.
            flags = re.I if any(_HAS_CAPITAL.search(p.re) for p in self.phrases) else 0
            object.__setattr__(self, "phrase_re", _phrase_pattern([p.re for p in self.phrases], flags))
            matchers += [
                Matcher(_phrase_pattern([p.re for p in group], flags), hints, whole=False) for group, hints in _by_needs(self.phrases)
            ]
        object.__setattr__(self, "matchers", tuple(matchers))

    def merged(
        self,
        attributes: Iterable[str] = (),
        lines: Iterable[TextPattern | str] = (),
        phrases: Iterable[TextPattern | str] = (),
        roles: Iterable[str] = (),
    ) -> "Concept":
        """This concept with more evidence and roles (its parameters unchanged)."""
        return replace(
            self,
            attributes=self.attributes | frozenset(a.lower() for a in attributes),
            lines=self.lines + _patterns(lines),
            phrases=self.phrases + _patterns(phrases),
            roles=self.roles | frozenset(roles),
        )


def _line_pattern(lines: Sequence[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in lines)
    return re.compile(rf"^(?:{joined})$", re.I)


def _phrase_pattern(phrases: Sequence[str], flags: int) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in phrases), flags)


def _by_needs(patterns: Sequence[TextPattern]) -> list[tuple[tuple[TextPattern, ...], Hints | None]]:
    """The patterns in two groups, those that declare needs and those that do not.

    One pattern without needs (a ladder of amounts) makes its whole group run
    on every block; apart, the others still run only on the blocks holding
    their needs.  Which pattern of a concept matches does not matter, so the
    split changes no result.
    """
    hinted = tuple(p for p in patterns if p.needs)
    rest = tuple(p for p in patterns if not p.needs)
    groups: list[tuple[tuple[TextPattern, ...], Hints | None]] = []
    if hinted:
        groups.append((hinted, tuple(p.hints for p in hinted if p.hints is not None)))
    if rest:
        groups.append((rest, None))
    return groups


@dataclass(frozen=True)
class WordLists:
    """The word lists and single patterns the stages read beside the concepts.

    They live in the vocabulary, not in the stages, so that every word unboil
    looks for is in the one data file a caller can edit.  A pattern left
    ``None`` never matches.
    """

    hidden_classes: frozenset[str] = frozenset()
    """Class words that hide an element."""
    formula_words: frozenset[str] = frozenset()
    """Class words of a rendered formula, which is never removed for its other names."""
    furniture_roles: frozenset[str] = frozenset()
    """``role=`` values of page furniture (menus, banners, dialogs)."""
    byline: str | None = None
    """A byline among the first lines of the body ("By Jane Doe")."""
    reading_time: str | None = None
    """A reading time among the first lines of the body ("5 min read")."""
    content_class: str | None = None
    """Searched in class and id: a name that argues for the article."""
    boilerplate_class: str | None = None
    """Searched in class and id: a name that argues against the article."""

    def __post_init__(self) -> None:
        for name in ("hidden_classes", "formula_words", "furniture_roles"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))

    def compiled(self, name: str) -> re.Pattern[str] | None:
        """One of the patterns, compiled (ignoring case)."""
        pattern = getattr(self, name)
        return re.compile(pattern, re.I) if pattern is not None else None


@dataclass(frozen=True)
class Vocabulary:
    """All concepts, plus the lookup tables built from them."""

    concepts: tuple[Concept, ...]
    phrase_limit: int = 300
    """Blocks longer than this are never judged by a phrase (they are real prose)."""
    line_limit: int = 120
    """Blocks longer than this are never judged by a whole-line pattern."""
    words: WordLists = WordLists()
    """Word lists and patterns the stages read (empty unless given: see :meth:`load`)."""
    metadata: Lexicon = Lexicon()
    """The metadata stage's words: labels, month names, author junk (empty unless given: see :meth:`load`)."""
    _by_word: Mapping[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _compounds: Mapping[str, tuple[tuple[int, tuple[str, ...], str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Several-word names ("author-bio") by their first word: (rank, words, concept)."""
    _finder: Finder = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]
    """The concepts' patterns as matching runs them (see :mod:`unboil.matching`)."""
    _tables: "_RoleTables" = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "concepts", tuple(self.concepts))
        table: dict[str, str] = {}
        compounds: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        rank = 0
        for concept in self.concepts:
            for word in sorted(concept.attributes):
                if "-" in word:  # several words in a row: "author-bio"
                    parts = tuple(word.split("-"))
                    compounds.setdefault(parts[0], []).append((rank, parts, concept.name))
                    rank += 1
                else:
                    table.setdefault(word, concept.name)
        object.__setattr__(self, "_by_word", table)
        object.__setattr__(self, "_compounds", {k: tuple(v) for k, v in compounds.items()})
        object.__setattr__(self, "_finder", Finder(self.concepts))
        object.__setattr__(self, "_tables", _RoleTables.of(self.concepts, self.words))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its concepts where it is unpickled (a batch worker), not copied.
        return (Vocabulary, (self.concepts, self.phrase_limit, self.line_limit, self.words, self.metadata))

    @classmethod
    def load(cls, path: "PathLike[str] | str") -> "Vocabulary":
        """A vocabulary read from a TOML file in the format of the shipped ``vocabulary.toml``."""
        with open(path, encoding="utf-8") as fh:
            return cls.loads(fh.read())

    @classmethod
    def loads(cls, text: str) -> "Vocabulary":
        """A vocabulary from the text of a TOML file (see :meth:`load`)."""
        from .vocabulary_file import vocabulary_fields

        concepts, limits, words, metadata = vocabulary_fields(tomllib.loads(text))
        return cls(concepts, words=words, metadata=metadata, **limits)

    def concept(self, name: str) -> Concept:
        for concept in self.concepts:
            if concept.name == name:
                return concept
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.concepts)

    def with_role(self, role: str) -> frozenset[str]:
        """The names of the concepts that play ``role`` (one of :data:`ROLES`)."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r} (known: {sorted(ROLES)})")
        return self._tables.roles.get(role, frozenset())

    @property
    def kept_by(self) -> Mapping[str, frozenset[str]]:
        """The concepts each :class:`~unboil.Options` flag keeps (``include_comments``: comments, reviews)."""
        return self._tables.kept_by

    @property
    def tables(self) -> "_RoleTables":
        """The concepts' parameters as the stages look them up."""
        return self._tables

    def extend(
        self,
        concept: str,
        *,
        attributes: Iterable[str] = (),
        lines: Iterable[TextPattern | str] = (),
        phrases: Iterable[TextPattern | str] = (),
        roles: Iterable[str] = (),
    ) -> "Vocabulary":
        """A new vocabulary with more evidence and roles for ``concept`` (created, last, if new)."""
        found = False
        out = []
        for c in self.concepts:
            if c.name == concept:
                c = c.merged(attributes, lines, phrases, roles)
                found = True
            out.append(c)
        if not found:
            out.append(Concept(concept).merged(attributes, lines, phrases, roles))
        return Vocabulary(tuple(out), self.phrase_limit, self.line_limit, self.words, self.metadata)

    def without(self, *concepts: str) -> "Vocabulary":
        """A new vocabulary without whole concepts (say ``"comments"``): no rule of theirs runs anywhere."""
        return Vocabulary(
            tuple(c for c in self.concepts if c.name not in concepts),
            self.phrase_limit,
            self.line_limit,
            self.words,
            self.metadata,
        )

    def attribute_concept(self, words: Sequence[str]) -> str | None:
        """The concept named by these class/id words (in their order), if one is."""
        table = self._by_word
        if table.keys().isdisjoint(words) and self._compounds.keys().isdisjoint(words):
            return None  # most names hold no word the vocabulary knows: two C calls say so
        for word in words:
            hit = table.get(word)
            if hit is not None:
                return hit
        if len(words) < 2:
            return None
        # Looked up by first word, not searched for one by one; of several
        # matches the one listed first in the vocabulary wins.
        best: tuple[int, str] | None = None
        compounds = self._compounds
        for i, word in enumerate(words):
            for rank, parts, concept in compounds.get(word, ()):
                if (best is None or rank < best[0]) and tuple(words[i : i + len(parts)]) == parts:
                    best = (rank, concept)
        return best[1] if best is not None else None

    def text_concept(self, text: str) -> str | None:
        """The concept whose line or phrase patterns this short block matches."""
        return self.text_concepts([text])[0]

    def text_concepts(self, texts: Sequence[str]) -> list[str | None]:
        """:meth:`text_concept` of each text, found with few regular-expression calls.

        For each block the first concept, in vocabulary order, whose line or
        phrase pattern matches, wins (see :func:`unboil.matching.match_texts`).
        """
        return match_texts(self._finder, texts, self.phrase_limit, self.line_limit)


@dataclass(frozen=True)
class _RoleTables:
    """The concepts' roles and parameters, looked up by what the stages need, not by name."""

    roles: Mapping[str, frozenset[str]]
    kept_by: Mapping[str, frozenset[str]]
    by_tag: Mapping[str, str]
    """The concept of each tag (the first listed that claims it)."""
    max_box_text: Mapping[str, int]
    ladder: tuple[str, re.Pattern[str]] | None
    """The concept of a run of bare amounts, and the pattern of one amount (whole text)."""
    site_headings: tuple[tuple[str, re.Pattern[str]], ...]
    byline: re.Pattern[str] | None
    reading_time: re.Pattern[str] | None
    content_class: re.Pattern[str] | None
    boilerplate_class: re.Pattern[str] | None

    @classmethod
    def of(cls, concepts: Sequence[Concept], words: WordLists) -> "_RoleTables":
        roles: dict[str, set[str]] = {}
        kept: dict[str, set[str]] = {}
        by_tag: dict[str, str] = {}
        for c in concepts:
            for role in c.roles:
                roles.setdefault(role, set()).add(c.name)
            if c.kept_by is not None:
                kept.setdefault(c.kept_by, set()).add(c.name)
            for tag in c.tags:
                by_tag.setdefault(tag, c.name)
        ladder = next(((c.name, re.compile(rf"^(?:{c.amounts})$", re.I)) for c in concepts if c.amounts), None)
        return cls(
            {k: frozenset(v) for k, v in roles.items()},
            {k: frozenset(v) for k, v in kept.items()},
            by_tag,
            {c.name: c.max_box_text for c in concepts if c.max_box_text is not None},
            ladder,
            tuple((c.name, re.compile(p, re.I)) for c in concepts for p in c.site_headings),
            words.compiled("byline"),
            words.compiled("reading_time"),
            words.compiled("content_class"),
            words.compiled("boilerplate_class"),
        )


DEFAULT_FILE = files(__package__).joinpath("vocabulary.toml")
"""The shipped data file of :data:`DEFAULT_VOCABULARY`: the starting point of a caller's copy."""
DEFAULT_VOCABULARY = Vocabulary.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
