"""Stage 4: label each block with the boilerplate concept its text shows, if any.

The vocabulary's line and phrase patterns name most labels ("Support <Site>",
"14 days left").  Two readings go beyond one block's text: a long pitch
paragraph whose *last sentence* is an appeal, and a run of bare amounts (a
donation ladder or progress bar) that no single block betrays.  Which
concepts these readings stand for is the vocabulary's business (its
``appeal_ending`` role and ``amounts`` pattern), never a name written here.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Callable, Sequence

from .blocks import RawBlock
from .options import Options
from .thresholds import ConceptThresholds
from .vocabulary import Vocabulary

__all__ = ["label_blocks", "mark_amount_runs"]

_CHUNK = 256
"""Blocks matched against the vocabulary between two checks of the time budget."""

_LAST_SENTENCE = re.compile(r".*(?<=[.!?…])\s+", re.S)
"""All of a text up to its last sentence (the end of the last space after a stop)."""


def label_blocks(blocks: Sequence[RawBlock], options: Options, check: Callable[[str], None]) -> list[str | None]:
    """Each block's concept, or None for a block that looks like content.

    Concepts the caller keeps (``Options.kept_concepts``: comments with
    ``include_comments``...) are not labelled.  ``check`` is called between
    chunks with the stage's name, so the time budget holds inside the
    costliest per-block step.  The last sentences of long paragraphs
    (:func:`_endings`) are matched with their chunk's blocks, in one call.
    """
    vocabulary = options.vocabulary
    allowed = options.kept_concepts
    limits = options.thresholds.concepts
    appeals = vocabulary.with_role("appeal_ending")
    out: list[str | None] = []
    for start in range(0, len(blocks), _CHUNK):
        check("score")
        chunk = blocks[start : start + _CHUNK]
        picked, endings = _endings(chunk, vocabulary, limits) if appeals else ([], [])
        # Code is quoted text: a snippet that prints "Donate now" is not an appeal.
        found = vocabulary.text_concepts([b.text if b.kind != "code" else "" for b in chunk] + endings)
        out.extend(None if c in allowed else c for c in found[: len(chunk)])
        for i, c in zip(picked, found[len(chunk) :]):
            if c in appeals:
                out[start + i] = c
    return mark_amount_runs(blocks, out, vocabulary, limits)


def _endings(blocks: Sequence[RawBlock], vocabulary: Vocabulary, limits: ConceptThresholds) -> tuple[list[int], list[str]]:
    """The paragraphs too long for the phrase patterns that could *end* in an appeal, and their last sentences.

    A site's pitch is often one paragraph: "X is the first non-profit
    newsroom. Our goal is ... This report was funded by readers. Support us
    now!"  Only its last sentence says what it is; a paragraph of an article
    rarely ends on a call to give.  Which concepts' endings count is the
    vocabulary's ``appeal_ending`` role (donation, membership).  Such a
    paragraph is never labelled by its own text (it is longer than any phrase
    is matched in), so its ending can be matched beside the blocks.
    """
    picked: list[int] = []
    endings: list[str] = []
    for i, b in enumerate(blocks):
        if b.kind == "paragraph" and vocabulary.phrase_limit < len(b.text) <= limits.appeal_paragraph:
            m = _LAST_SENTENCE.match(b.text)
            if m is not None:
                picked.append(i)
                endings.append(b.text[m.end() :])
    return picked, endings


def mark_amount_runs(
    blocks: Sequence[RawBlock], concepts: list[str | None], vocabulary: Vocabulary, limits: ConceptThresholds = ConceptThresholds()
) -> list[str | None]:
    """Mark runs of bare amounts ("0 $", "2,500 $", "5,000 $") as the vocabulary's ladder concept (donation).

    One price alone is a product's; ``ladder_run`` or more amounts in a row
    with no words between them are a progress bar or a ladder of donation buttons.
    """
    ladder = vocabulary.tables.ladder
    if ladder is None:
        return concepts
    name, amount_only = ladder
    short = limits.ladder_amount_chars
    amounts = [i for i, b in enumerate(blocks) if len(b.text) <= short and concepts[i] is None and amount_only.match(b.text)]
    # Runs of consecutive indices: i - k is the same along one run.
    for _, run in groupby(enumerate(amounts), lambda pair: pair[1] - pair[0]):
        found = [i for _, i in run]
        if len(found) >= limits.ladder_run:
            for i in found:
                concepts[i] = name
    return concepts
