"""The corpus's standard metrics (see ``shared/corpus/README.md``), so figures compare with published ones."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from typing import Iterable

__all__ = ["tokens", "body_prf", "snippet_passes", "title_match", "date_match", "dateline_match", "author_key", "authors_match",
           "fold"]

_TOKEN = re.compile(r"\w+")
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›]")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFKC", text).lower()))


def body_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1 of one page."""
    p, g = tokens(predicted), tokens(gold)
    common = sum((p & g).values())
    np_, ng = sum(p.values()), sum(g.values())
    if np_ == 0 and ng == 0:
        return 1.0, 1.0, 1.0
    precision = common / np_ if np_ else 0.0
    recall = common / ng if ng else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fold(text: str) -> str:
    return " ".join(text.split())


def snippet_passes(predicted: str, with_: Iterable[str], without: Iterable[str]) -> tuple[int, int]:
    """(passes, total): each ``with`` snippet found and each ``without`` snippet absent passes."""
    body = fold(predicted)
    passes = total = 0
    for s in with_:
        total += 1
        passes += fold(s) in body
    for s in without:
        total += 1
        passes += fold(s) not in body
    return passes, total


def _title_key(text: str) -> str:
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", text).lower())
    return " ".join(_TOKEN.findall(text))


def title_match(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and _title_key(predicted or "") == _title_key(gold)


def date_match(predicted: date | None, gold: str) -> bool:
    return predicted is not None and predicted.isoformat() == gold[:10]


def dateline_match(predicted: str | None, gold: str) -> bool:
    """The dateline read is the one printed (``bench/datelines.json``), whitespace aside."""
    return predicted is not None and fold(predicted) == fold(gold)


_HONORIFICS = frozenset("dr prof mr mrs ms".split())
"""Titles before a name that the author gold leaves out ("Dr Marna van der Merwe")."""


def author_key(name: str) -> str:
    """A name as the title metric folds text (case, quotes, punctuation), less a leading honorific."""
    words = _title_key(name).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def authors_match(predicted: "tuple[str, ...] | list[str] | None", gold: "tuple[str, ...] | list[str]") -> bool:
    """The same set of people (``bench/authors.json``): every gold author given, and no one else."""
    return {author_key(n) for n in predicted or ()} - {""} == {author_key(n) for n in gold}
