"""Stage 5: the blocks of the article, from the labelled blocks of the pruned page.

Two steps, each its own module: :mod:`unboil.container` chooses the element
that holds the article, :mod:`unboil.judge` keeps or drops each block inside
it.  When that reading keeps little text and no real paragraphs, the page may
be a category or a catalogue whose entries are links: it is read again as an
index, and that reading is taken when it finds far more.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from .blocks import RawBlock, Spans
from .container import Container, block_value, choose_container, is_inside
from .hints import PageHints
from .judge import Judged, judge_blocks
from .options import Options
from .pagetype.follow import INDEX_TYPES
from .thresholds import FallbackThresholds
from .trace import Trace

__all__ = ["Container", "Judged", "block_value", "choose_container", "judge_blocks", "score_blocks"]


def score_blocks(
    body: Any,
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    hints: PageHints,
    options: Options,
    trace: Trace | None,
    spans: Spans | None = None,
    judged_concepts: Sequence[str | None] | None = None,
    container: Container | None = None,
    page_type: str | None = None,
) -> list[RawBlock]:
    """The kept blocks of the article, in document order.

    ``spans``: the blocks', when the segmenter gave them (see :func:`~unboil.blocks.segment`);
    ``judged_concepts``: the concepts the judge reads when they differ from those the
    container is chosen by; ``container``: the container when it is already chosen (a site
    template's evidence is judged in the same container, :mod:`unboil.templates.apply`);
    ``page_type``: the page's type (:mod:`unboil.pagetype`), which a listing's reading follows.
    """
    judged = concepts if judged_concepts is None else judged_concepts
    if container is None:
        container = choose_container(body, blocks, concepts, options, trace, spans=spans, headline=hints.title_key)
    if page_type in INDEX_TYPES and not container.repeated:
        # a listing's entries are links wherever the container is: judged as a run of items
        container = replace(container, repeated=True)
    kept = [j.block for j in judge_blocks(blocks, judged, container, hints, options, trace) if j.keep]
    limits = options.thresholds.fallback
    index_gain = limits.index_gain
    density = options.thresholds.container.prose_link_density
    typed = options.thresholds.page_type
    if page_type in INDEX_TYPES and _paragraphs(kept, limits, density) < typed.index_paragraphs:
        index_gain = typed.index_gain
    elif not _looks_thin(kept, limits, density):
        return kept
    # A little prose (an intro, a call to action; not two paragraphs of a
    # short article) can win over a long list of entries that is the
    # page's content (a category, a catalogue): look again reading the
    # links as entries, and take that if it finds far more.
    listing = choose_container(body, blocks, concepts, options, trace, as_index=True, spans=container.spans)
    # The whole body is no list of entries: that reading found nothing.
    if listing.element is container.element or listing.element is body:
        return kept
    alt = [j.block for j in judge_blocks(blocks, judged, listing, hints, options, None) if j.keep]
    kept_chars, alt_chars = _chars(kept), _chars(alt)
    # A story under its headline, or a paragraph of prose on a page the model reads as an
    # article, is no listing's intro unless the listing dwarfs it (a line of intro above a
    # category of names is); a list inside the story's own box (under its headline) is the story's.
    story = container.story
    if story is not None and is_inside(listing.element, story):
        gain = index_gain
    else:
        article = story is not None and page_type not in INDEX_TYPES or page_type == "article" and _paragraphs(kept, limits, density) > 0
        gain = limits.anchored_index_gain if article else index_gain
    if alt_chars >= max(limits.index_min_chars, gain * kept_chars):
        if trace is not None:
            trace.add("score", "chose", f"listing ({alt_chars} chars vs {kept_chars})", "index-retry")
        return alt
    return kept


def _chars(blocks: Sequence[RawBlock]) -> int:
    return sum(len(b.text) for b in blocks)


def _paragraphs(kept: Sequence[RawBlock], limits: FallbackThresholds, prose_link_density: float) -> int:
    """The real paragraphs (long enough, few links) of a reading."""
    return sum(
        1 for b in kept if b.kind == "paragraph" and len(b.text) >= limits.index_retry_paragraph and b.link_density < prose_link_density
    )


def _looks_thin(kept: Sequence[RawBlock], limits: FallbackThresholds, prose_link_density: float) -> bool:
    """Little text and fewer than two real paragraphs: maybe not the page's content."""
    return _chars(kept) < limits.index_retry_chars and _paragraphs(kept, limits, prose_link_density) < limits.index_retry_paragraphs
