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
from typing import Callable, Sequence

from .blocks import RawBlock
from .options import Options
from .thresholds import ConceptThresholds
from .vocabulary import Vocabulary

__all__ = ["label_blocks", "mark_amount_runs"]

_CHUNK = 256
"""Blocks matched against the vocabulary between two checks of the time budget."""

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")


def label_blocks(blocks: Sequence[RawBlock], options: Options, check: Callable[[str], None]) -> list[str | None]:
    """Each block's concept, or None for a block that looks like content.

    Concepts the caller keeps (``Options.kept_concepts``: comments with
    ``include_comments``...) are not labelled.  ``check`` is called between
    chunks with the stage's name, so the time budget holds inside the
    costliest per-block step.
    """
    vocabulary = options.vocabulary
    allowed = options.kept_concepts
    out: list[str | None] = []
    for start in range(0, len(blocks), _CHUNK):
        check("score")
        chunk = blocks[start : start + _CHUNK]
        # Code is quoted text: a snippet that prints "Donate now" is not an appeal.
        found = vocabulary.text_concepts([b.text if b.kind != "code" else "" for b in chunk])
        out.extend(None if c in allowed else c for c in found)
    limits = options.thresholds.concepts
    _appeal_endings(blocks, out, vocabulary, limits)
    return mark_amount_runs(blocks, out, vocabulary, limits)


def _appeal_endings(blocks: Sequence[RawBlock], concepts: list[str | None], vocabulary: Vocabulary, limits: ConceptThresholds) -> None:
    """Mark paragraphs too long for the phrase patterns that *end* in an appeal.

    A site's pitch is often one paragraph: "X is the first non-profit
    newsroom. Our goal is ... This report was funded by readers. Support us
    now!"  Only its last sentence says what it is; a paragraph of an article
    rarely ends on a call to give.  Which concepts' endings count is the
    vocabulary's ``appeal_ending`` role (donation, membership).
    """
    appeals = vocabulary.with_role("appeal_ending")
    if not appeals:
        return
    picked: list[int] = []
    endings: list[str] = []
    for i, (b, c) in enumerate(zip(blocks, concepts)):
        if c is None and b.kind == "paragraph" and vocabulary.phrase_limit < len(b.text) <= limits.appeal_paragraph:
            last = _SENTENCE_SPLIT.split(b.text)[-1]
            if last != b.text:
                picked.append(i)
                endings.append(last)
    if picked:
        for i, c in zip(picked, vocabulary.text_concepts_among(endings, appeals)):
            if c is not None:
                concepts[i] = c


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
    run: list[int] = []
    for i, block in enumerate(list(blocks) + [None]):  # type: ignore[list-item]
        if block is not None and concepts[i] is None and len(block.text) <= limits.ladder_amount_chars and amount_only.match(block.text):
            run.append(i)
            continue
        if len(run) >= limits.ladder_run:
            for k in run:
                concepts[k] = name
        run = []
    return concepts
