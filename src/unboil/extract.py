"""The pipeline: load -> metadata -> prune -> segment -> score -> Article.

This module only wires the stages together; each decision lives in its stage.
It is also the one place that turns an unexpected failure into an
:class:`~unboil.errors.UnboilError`, so callers need a single ``except``.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any, Literal, overload

from .article import Article, Block
from .blocks import RawBlock, segment
from .dateline import find_dateline
from .dom import text_of
from .errors import ExtractionError, ExtractionTimeout, UnboilError
from .hints import PageHints, hints_of, quick_hints
from .load import Source, load, read_page
from .metadata import Metadata, extract_metadata
from .options import DEFAULT_OPTIONS, Options
from .prune import prune
from .score import choose_container, judge_blocks, mark_amount_runs
from .second_opinion import readability_blocks
from .trace import Trace
from .vocabulary import Vocabulary

__all__ = ["extract", "extract_file"]

_LISTING_RETRY_CHARS = 600
"""Below this much kept text the page is looked at again as an index."""
_LISTING_MIN_CHARS = 500
_LISTING_GAIN = 3.0
"""How much more text the index reading must find to be preferred."""
_WEAK_CHARS = 250
"""Below this much kept text our own choice is weak, and readability is asked."""
_DESCRIPTION_CHARS = 80
"""A page without any text gets its description as its body from this length (not a bare site slogan)."""
_READABILITY_RESERVE = 0.75
"""CPU seconds of budget readability needs left to be asked (it cannot be stopped
midway and takes up to a second on a page of ``max_elements``): a weak article beats a timeout."""


class _Clock:
    """``Options.time_budget`` in CPU seconds of this thread, so a busy machine
    (other processes, other threads) does not turn a good page into a timeout."""

    def __init__(self, budget: float | None) -> None:
        self.deadline = time.thread_time() + budget if budget is not None else None

    def check(self, stage: str) -> None:
        if self.deadline is not None and time.thread_time() > self.deadline:
            raise ExtractionTimeout(f"time budget exceeded during {stage}")

    def left(self) -> float:
        return self.deadline - time.thread_time() if self.deadline is not None else float("inf")


def _to_block(raw: RawBlock) -> Block:
    return Block(raw.kind, raw.text, raw.level, raw.cells)  # type: ignore[arg-type]


_CONCEPT_CHUNK = 256
"""Blocks judged by the vocabulary between two checks of the time budget."""


def _text_concepts(blocks: list[RawBlock], options: Options, clock: _Clock) -> list[str | None]:
    vocabulary = options.vocabulary
    allowed = options.kept_concepts
    out: list[str | None] = []
    for start in range(0, len(blocks), _CONCEPT_CHUNK):
        clock.check("score")  # the costliest step per block: keep the budget honest inside it
        chunk = blocks[start : start + _CONCEPT_CHUNK]
        # Code is quoted text: a snippet that prints "Donate now" is not an appeal.
        found = vocabulary.text_concepts([b.text if b.kind != "code" else "" for b in chunk])
        out.extend(None if c in allowed else c for c in found)
    _appeal_endings(blocks, out, vocabulary)
    return mark_amount_runs(blocks, out, vocabulary)


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
_APPEAL_PARAGRAPH = 700
"""A paragraph up to this long that ends in an appeal is the appeal's box, run together."""


def _appeal_endings(blocks: list[RawBlock], concepts: list[str | None], vocabulary: Vocabulary) -> None:
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
        if c is None and b.kind == "paragraph" and vocabulary.phrase_limit < len(b.text) <= _APPEAL_PARAGRAPH:
            last = _SENTENCE_SPLIT.split(b.text)[-1]
            if last != b.text:
                picked.append(i)
                endings.append(last)
    if picked:
        for i, c in zip(picked, vocabulary.text_concepts(endings)):
            if c in appeals:
                concepts[i] = c


def _select(root: Any, hints: PageHints, options: Options, trace: Trace | None, relax: int, clock: _Clock) -> tuple[Any, list[RawBlock]]:
    """One pass of prune -> segment -> score at a given relaxation level."""
    body = prune(root, options, trace, relax)
    raw = segment(body, options.max_depth, options.include_tables)
    if not raw:
        return body, []
    concepts = _text_concepts(raw, options, clock)
    container = choose_container(body, raw, concepts, options.vocabulary, trace)
    kept = [j.block for j in judge_blocks(raw, concepts, container, hints, options, trace) if j.keep]
    kept_chars = sum(len(b.text) for b in kept)
    paragraphs = sum(1 for b in kept if b.kind == "paragraph" and len(b.text) >= 100 and b.link_density < 0.3)
    if kept_chars < _LISTING_RETRY_CHARS and paragraphs < 2:
        # A little prose (an intro, a call to action; not two paragraphs of a
        # short article) can win over a long list of entries that is the
        # page's content (a category, a catalogue): look again reading the
        # links as entries, and take that if it finds far more.
        listing = choose_container(body, raw, concepts, options.vocabulary, trace, as_index=True)
        # The whole body is no list of entries: that reading found nothing.
        if listing.element is not container.element and listing.element is not body:
            alt = [j.block for j in judge_blocks(raw, concepts, listing, hints, options, None) if j.keep]
            alt_chars = sum(len(b.text) for b in alt)
            if alt_chars >= max(_LISTING_MIN_CHARS, _LISTING_GAIN * kept_chars):
                if trace is not None:
                    trace.add("score", "chose", f"listing ({alt_chars} chars vs {kept_chars})", "index-retry")
                kept = alt
    return body, kept


def _body(
    source: Source, root: Any, meta: Metadata, hints: PageHints, options: Options, trace: Trace | None, clock: _Clock
) -> tuple[list[Block], str | None]:
    body, kept = _select(root, hints, options, trace, 0, clock)
    kept_chars = sum(len(b.text) for b in kept)
    # Like Readability.js: when the strict pass leaves too little, relax the rules
    # step by step on a fresh tree rather than return an empty article.
    for relax in (1, 2):
        if kept_chars >= _WEAK_CHARS:
            break
        clock.check("score")
        if trace is not None:
            trace.add("score", "note", f"only {kept_chars} chars kept", f"relax-{relax}")
        fresh = load(source, options).root
        alt_body, alt_kept = _select(fresh, hints, options, trace, relax, clock)
        alt_chars = sum(len(b.text) for b in alt_kept)
        # A relaxed pass must find clearly more, not a few hidden words more.
        if alt_chars > 1.5 * kept_chars + 50:
            body, kept, kept_chars = alt_body, alt_kept, alt_chars
    clock.check("score")
    if kept_chars < _WEAK_CHARS and options.use_readability and clock.left() >= _READABILITY_RESERVE:
        alternative = readability_blocks(body, options)
        alt_chars = sum(len(b.text) for b in alternative)
        if alt_chars > max(kept_chars * 1.5, kept_chars + 100):
            if trace is not None:
                trace.add("score", "chose", f"readability ({alt_chars} chars vs {kept_chars})", "second-opinion")
            alt_concepts = _text_concepts(alternative, options, clock)
            kept = [b for b, c in zip(alternative, alt_concepts) if c is None]
    if not kept:
        if text_of(body).strip():
            return [], "no article text found"
        if meta.description and len(meta.description) >= _DESCRIPTION_CHARS:
            # A page built by scripts (a forum app, a shop front) shows no text
            # without them; its description is the one summary of it there is.
            return [Block("paragraph", meta.description)], None
        return [], "no text"
    return [_to_block(b) for b in kept], None


def _extract(source: Source, url: str | None, options: Options, trace: Trace | None) -> Article:
    clock = _Clock(options.time_budget)
    loaded = load(source, options)
    root = loaded.root
    clock.check("load")
    if options.with_metadata:
        meta = extract_metadata(root, url)
        hints = hints_of(meta)
        if trace is not None:
            trace.add("metadata", "note", f"title={meta.title!r}", "+".join(meta.title_sources) or "none")
            trace.add("metadata", "note", f"date={meta.date}", meta.date_source or "none")
    else:  # text only: no metadata stage, a quick read of the headline for the scorer
        meta = Metadata(url=url)
        hints = quick_hints(root)
    clock.check("metadata")
    blocks, empty_reason = _body(source, root, meta, hints, options, trace, clock)
    dateline = None
    for b in blocks[:3]:
        if b.kind == "paragraph":
            dateline = find_dateline(b.text)
            break
    return Article(
        title=meta.title,
        date=meta.date,
        published=meta.published,
        modified=meta.modified,
        dateline=dateline,
        authors=meta.authors,
        site_name=meta.site_name,
        language=meta.language,
        description=meta.description,
        url=meta.url or url,
        image=meta.image,
        blocks=tuple(blocks),
        empty_reason=empty_reason,
    )


@overload
def extract(source: Source, url: str | None = ..., *, options: Options | None = ..., trace: Literal[False] = ...) -> Article: ...
@overload
def extract(source: Source, url: str | None = ..., *, options: Options | None = ..., trace: Literal[True]) -> tuple[Article, Trace]: ...


def extract(
    source: Source,
    url: str | None = None,
    *,
    options: Options | None = None,
    trace: bool = False,
) -> Article | tuple[Article, Trace]:
    """Extract the article from a page.

    ``source`` is the page as bytes (any encoding), str, a path, an lxml tree
    or a BeautifulSoup object; the caller's object is never modified.  Returns
    an :class:`Article` (empty, with ``empty_reason``, when the page has no
    article text) or raises an :class:`~unboil.errors.UnboilError`.  With
    ``trace=True`` returns ``(article, trace)``, the trace explaining every
    removal and every kept or dropped block.
    """
    opts = options or DEFAULT_OPTIONS
    log = Trace() if trace else None
    try:
        article = _extract(source, url, opts, log)
    except UnboilError:
        raise
    except Exception as exc:  # any other failure is a bug or a parser crash: one error type for callers
        raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}") from exc
    return (article, log) if log is not None else article


def extract_file(path: "os.PathLike[str] | str", url: str | None = None, *, options: Options | None = None) -> Article:
    """Extract from a saved page on disk (``.html``; a ``.gz`` file is decompressed).

    Read through :func:`~unboil.load.read_page`, the reader ``unboil clean``
    uses too, so a file fails the same way one at a time and in a batch.
    """
    opts = options or DEFAULT_OPTIONS
    return extract(read_page(path, opts, name_in_errors=True), url, options=opts)
