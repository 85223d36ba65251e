"""Reading a vocabulary data file (``vocabulary.toml``) into concepts and word lists.

Every key is checked: a misspelt key or a value of the wrong kind in a
caller's copy raises ``ValueError`` naming it, rather than silently leaving a
rule out.
"""

from __future__ import annotations

from typing import Any, Mapping

from .lexicon import LEXICON_PATTERNS, Lexicon
from .vocabulary import Concept, TextPattern, WordLists

__all__ = ["lexicon_of", "vocabulary_fields"]

_TOP_KEYS = frozenset({"phrase_limit", "line_limit", "words", "patterns", "metadata", "concept"})
_METADATA_KEYS = ("date_fillers", "wire_agencies", "dateline_labels", "months", "dash_months", "patterns")
MONTHS_IN_YEAR = 12
_WORD_KEYS = ("hidden_classes", "formula_words", "furniture_roles")
_PATTERN_KEYS = ("byline", "reading_time", "content_class", "boilerplate_class")
_CONCEPT_KEYS = frozenset(
    {"name", "roles", "kept_by", "tags", "max_box_text", "amounts", "site_headings", "attributes", "lines", "phrases"}
)


def _unknown(where: str, keys: Any, known: Any) -> None:
    extra = sorted(set(keys) - set(known))
    if extra:
        raise ValueError(f"vocabulary file: unknown keys in {where}: {extra} (known: {sorted(known)})")


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"vocabulary file: {where} must be a list of strings")
    return tuple(value)


def _string(where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"vocabulary file: {where} must be a string")
    return value


def _pattern(where: str, value: Any) -> TextPattern:
    """A bare string (tried on every block) or ``{ re = '...', needs = [...] }``."""
    if isinstance(value, str):
        return TextPattern(value)
    if isinstance(value, dict) and "re" in value:
        _unknown(where, value, ("re", "needs"))
        return TextPattern(_string(f"{where}.re", value["re"]), _strings(f"{where}.needs", value.get("needs", [])))
    raise ValueError(f"vocabulary file: {where} must be a string or a table with 're' (and 'needs')")


def _concept(table: Any, index: int) -> Concept:
    if not isinstance(table, dict) or "name" not in table:
        raise ValueError(f"vocabulary file: concept #{index + 1} must be a table with a name")
    name = _string(f"concept #{index + 1}.name", table["name"])
    where = f"concept {name!r}"
    _unknown(where, table, _CONCEPT_KEYS)
    box = table.get("max_box_text")
    if box is not None and (isinstance(box, bool) or not isinstance(box, int)):
        raise ValueError(f"vocabulary file: {where}.max_box_text must be an integer")
    for kind in ("lines", "phrases"):
        if not isinstance(table.get(kind, []), list):
            raise ValueError(f"vocabulary file: {where}.{kind} must be a list")
    return Concept(
        name,
        frozenset(_strings(f"{where}.attributes", table.get("attributes", []))),
        tuple(_pattern(f"{where}.lines[{i}]", p) for i, p in enumerate(table.get("lines", []))),
        tuple(_pattern(f"{where}.phrases[{i}]", p) for i, p in enumerate(table.get("phrases", []))),
        frozenset(_strings(f"{where}.roles", table.get("roles", []))),
        _string(f"{where}.kept_by", table["kept_by"]) if "kept_by" in table else None,
        frozenset(_strings(f"{where}.tags", table.get("tags", []))),
        box,
        _string(f"{where}.amounts", table["amounts"]) if "amounts" in table else None,
        _strings(f"{where}.site_headings", table.get("site_headings", [])),
    )


def _months(where: str, tables: Any) -> tuple[tuple[str, int], ...]:
    """Month names by number from per-language tables, merged in file order."""
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise ValueError(f"vocabulary file: {where} must hold tables of month names (one per language)")
    pairs = []
    for language, table in tables.items():
        for name, number in table.items():
            if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MONTHS_IN_YEAR:
                raise ValueError(f"vocabulary file: {where}.{language}.{name} must be a month number, 1 to 12")
            pairs.append((name, number))
    return tuple(pairs)


def lexicon_of(data: Any) -> Lexicon:
    """The metadata stage's words from the file's ``[metadata]`` table (absent: an empty lexicon)."""
    if not isinstance(data, dict):
        raise ValueError("vocabulary file: [metadata] is a table")
    _unknown("[metadata]", data, _METADATA_KEYS)
    patterns = data.get("patterns", {})
    if not isinstance(patterns, dict):
        raise ValueError("vocabulary file: [metadata.patterns] is a table")
    _unknown("[metadata.patterns]", patterns, LEXICON_PATTERNS)
    return Lexicon(
        months=_months("metadata.months", data.get("months", {})),
        dash_months=_months("metadata.dash_months", data.get("dash_months", {})),
        date_fillers=_strings("metadata.date_fillers", data.get("date_fillers", [])),
        wire_agencies=_strings("metadata.wire_agencies", data.get("wire_agencies", [])),
        dateline_labels=_strings("metadata.dateline_labels", data.get("dateline_labels", [])),
        **{k: _string(f"metadata.patterns.{k}", patterns[k]) for k in LEXICON_PATTERNS if k in patterns},
    )


def vocabulary_fields(data: Mapping[str, Any]) -> tuple[tuple[Concept, ...], dict[str, int], WordLists, Lexicon]:
    """The concepts, the length limits, the word lists and the metadata words of a parsed vocabulary file."""
    _unknown("the file", data, _TOP_KEYS)
    limits = {}
    for key in ("phrase_limit", "line_limit"):
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"vocabulary file: {key} must be a non-negative integer")
            limits[key] = value
    words = data.get("words", {})
    patterns = data.get("patterns", {})
    if not isinstance(words, dict) or not isinstance(patterns, dict):
        raise ValueError("vocabulary file: [words] and [patterns] are tables")
    _unknown("[words]", words, _WORD_KEYS)
    _unknown("[patterns]", patterns, _PATTERN_KEYS)
    given: dict[str, Any] = {k: frozenset(_strings(f"words.{k}", words[k])) for k in _WORD_KEYS if k in words}
    given.update({k: _string(f"patterns.{k}", patterns[k]) for k in _PATTERN_KEYS if k in patterns})
    lists = WordLists(**given)
    tables = data.get("concept", [])
    if not isinstance(tables, list):
        raise ValueError("vocabulary file: concepts are [[concept]] tables")
    concepts = tuple(_concept(t, i) for i, t in enumerate(tables))
    return concepts, limits, lists, lexicon_of(data.get("metadata", {}))
