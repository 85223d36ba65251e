"""The pipeline: load -> metadata -> prune -> segment -> label -> score -> dateline -> Article.

This module only wires the stages together; each decision lives in its stage.
It is also the one place that turns an unexpected failure into an
:class:`~unboil.errors.UnboilError`, so callers need a single ``except``.
"""

from __future__ import annotations

import os
import time
from typing import Any, Literal, overload

from .anchor import keeps_story
from .article import Article, Block
from .assemble import assemble, with_images
from .blocks import RawBlock, segment, segment_with_images
from .concepts import label_blocks
from .dateline import first_dateline
from .dom import text_of
from .errors import ExtractionError, ExtractionTimeout, UnboilError
from .hints import PageHints, hints_of, quick_hints
from .files import read_page
from .load import Loaded, Source, load, reparse
from .metadata import Metadata, extract_metadata
from .options import DEFAULT_OPTIONS, Options
from .pagetype import decide, tree_features
from .pagetype.follow import THREAD_PASS, THREAD_TYPES, takes_thread, thread_options, without_post_controls
from .prune import prune
from .score import score_blocks
from .second_opinion import readability_blocks
from .templates.apply import score_with_template
from .trace import Trace
from .urls import web_url

__all__ = ["extract", "extract_file"]


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


class PageKind:
    """The page's type as the passes learn it: the unpruned tree's features, then the type
    the first pass decides (the relaxed passes keep it).  Owned by one call."""

    def __init__(self, tree: dict[str, float]) -> None:
        self.tree = tree
        self.page_type: str | None = None
        self.confidence = 0.0

    def followed(self, options: Options) -> str | None:
        """The type the scorer follows: the page's, when the model is sure enough of it."""
        return self.page_type if self.confidence >= options.thresholds.page_type.follow_confidence else None


def _select(
    root: Any, hints: PageHints, options: Options, trace: Trace | None, relax: int, clock: _Clock, kind: PageKind
) -> tuple[Any, list[RawBlock], bool, int]:
    """One pass of prune -> segment -> label -> (page type, on the first pass) -> score at a given
    relaxation level; whether the kept blocks hold the story opened under its headline
    (:func:`~unboil.anchor.keeps_story`); and how much text the pass found (the kept blocks'
    characters, or with a site template those of the reading without it: a template takes the
    site's chrome off, which says nothing of whether this pass found the article)."""
    classes: dict[str, int] | None = {} if kind.page_type is None else None
    body = prune(root, options, trace, relax, classes)
    if options.include_images:
        raw, spans, images = segment_with_images(body, options.max_depth, options.include_tables)
    else:
        (raw, spans), images = segment(body, options.max_depth, options.include_tables), []
    concepts = label_blocks(raw, options, clock.check) if raw else []
    if classes is not None:
        kind.page_type, kind.confidence = decide(kind.tree, classes, raw, concepts, trace)
    if not raw:
        return body, [], False, 0
    if options.site_template is not None:
        kept, found = score_with_template(body, raw, concepts, hints, options, trace, spans, kind.followed(options))
    else:
        kept = score_blocks(body, raw, concepts, hints, options, trace, spans, page_type=kind.followed(options))
        found = sum(len(b.text) for b in kept)
    story = keeps_story(raw, concepts, kept, hints.title_key, body, spans, options.thresholds.container)
    return body, with_images(raw, kept, images) if images else kept, story, found


def _body(
    loaded: Loaded, page: tuple[str | None, str | None], hints: PageHints, options: Options, trace: Trace | None,
    clock: _Clock, kind: PageKind,
) -> tuple[list[Block], str | None]:
    """The body's blocks, or none and the reason; ``page`` is its address and description."""
    base, description = page
    limits = options.thresholds.fallback
    body, kept, story, kept_chars = _select(loaded.root, hints, options, trace, 0, clock, kind)
    # Like Readability.js: when the strict pass leaves too little, relax the rules
    # step by step on a fresh tree rather than return an empty article; not when
    # what it kept is a short story under its headline.
    for relax in (1, 2):
        if kept_chars >= limits.weak_chars or story:
            break
        clock.check("score")
        if trace is not None:
            trace.add("score", "note", f"only {kept_chars} chars kept", f"relax-{relax}")
        fresh = reparse(loaded, options)
        if trace is not None:
            trace.begin_pass(relax, fresh)
        alt_body, alt_kept, _, alt_chars = _select(fresh, hints, options, trace, relax, clock, kind)
        # A relaxed pass must find clearly more, not a few hidden words more.
        if alt_chars > limits.relaxed_gain * kept_chars + limits.relaxed_margin:
            body, kept, kept_chars = alt_body, alt_kept, alt_chars
            if trace is not None:
                trace.chosen_pass = relax
    thread = thread_options(kind.followed(options), kept_chars, options)
    if thread is not None:
        # A forum's replies are marked up as comments: read the thread again with them.
        clock.check("score")
        fresh = reparse(loaded, options)
        if trace is not None:
            trace.begin_pass(THREAD_PASS, fresh)
        alt_body, alt_kept, _, alt_chars = _select(fresh, hints, thread, trace, 0, clock, kind)
        if takes_thread(kept_chars, alt_chars, options):
            if trace is not None:
                trace.add("score", "chose", f"thread with its replies ({alt_chars} chars vs {kept_chars})", "thread-replies")
                trace.chosen_pass = THREAD_PASS
            body, kept, kept_chars = alt_body, alt_kept, alt_chars
    clock.check("score")
    if kept_chars < limits.weak_chars and options.use_readability and clock.left() >= limits.readability_reserve:
        alternative = readability_blocks(body, options)
        alt_chars = sum(len(b.text) for b in alternative)
        if alt_chars > max(kept_chars * limits.readability_gain, kept_chars + limits.readability_margin):
            if trace is not None:
                trace.add("score", "chose", f"readability ({alt_chars} chars vs {kept_chars})", "second-opinion")
                trace.chosen_pass = -1
            alt_concepts = label_blocks(alternative, options, clock.check)
            kept = [b for b, c in zip(alternative, alt_concepts) if c is None]
    if kind.followed(options) in THREAD_TYPES:
        kept = without_post_controls(kept, options, trace)
    if not kept:
        if text_of(body).strip():
            return [], "no article text found"
        if description and len(description) >= limits.description_chars:
            # A page built by scripts (a forum app, a shop front) shows no text
            # without them; its description is the one summary of it there is.
            return [Block("paragraph", description)], None
        return [], "no text"
    return assemble(kept, base), None


def _extract(source: Source, url: str | None, options: Options, trace: Trace | None, encoding: str | None) -> Article:
    clock = _Clock(options.time_budget)
    loaded = load(source, options, encoding)
    root = loaded.root
    if trace is not None:
        trace.begin_pass(0, root)
        for note in loaded.limited:
            trace.add("load", "note", note, "limit")
        for note in loaded.repaired:
            trace.add("load", "note", note, "repair")
    clock.check("load")
    if options.with_metadata:
        meta = extract_metadata(root, url, options.vocabulary)
        hints = hints_of(meta)
        if trace is not None:
            trace.add("metadata", "note", f"title={meta.title!r}", "+".join(meta.title_sources) or "none")
            trace.add("metadata", "note", f"date={meta.date}", meta.date_source or "none")
    else:  # text only: no metadata stage, a quick read of the headline for the scorer
        meta = Metadata(url=url)
        hints = quick_hints(root)
    clock.check("metadata")
    kind = PageKind(tree_features(root, meta.url or url))
    blocks, empty_reason = _body(loaded, (web_url(meta.url or url), meta.description), hints, options, trace, clock, kind)
    page_type = kind.page_type or "other"
    if options.types is not None and page_type not in options.types:
        blocks, empty_reason = [], f"page type {page_type} not kept"
    dateline = first_dateline(blocks, options.vocabulary.metadata)
    return Article(
        title=meta.title,
        date=meta.date,
        published=meta.published,
        modified=meta.modified,
        dateline=dateline.text if dateline else None,
        dateline_place=dateline.place if dateline else None,
        dateline_agency=dateline.agency if dateline else None,
        authors=meta.authors,
        site_name=meta.site_name,
        language=meta.language,
        description=meta.description,
        url=meta.url or url,
        image=web_url(meta.image),
        blocks=tuple(blocks),
        empty_reason=empty_reason,
        truncated="; ".join(loaded.limited) or None,
        page_type=page_type,
    )


@overload
def extract(
    source: Source, url: str | None = ..., *, options: Options | None = ..., trace: Literal[False] = ...,
    encoding: str | None = ...,
) -> Article: ...
@overload
def extract(
    source: Source, url: str | None = ..., *, options: Options | None = ..., trace: Literal[True],
    encoding: str | None = ...,
) -> tuple[Article, Trace]: ...


def extract(
    source: Source,
    url: str | None = None,
    *,
    options: Options | None = None,
    trace: bool = False,
    encoding: str | None = None,
) -> Article | tuple[Article, Trace]:
    """Extract the article from a page.

    ``source`` is the page as bytes (any encoding), str (always the markup
    itself: a str that looks like a file name is refused with an
    :class:`~unboil.errors.InputError`, so untrusted text never makes unboil
    read a local file), an ``os.PathLike`` path, an lxml tree or a
    BeautifulSoup object; the caller's object is never modified.  Returns
    an :class:`Article` (empty, with ``empty_reason``, when the page has no
    article text) or raises an :class:`~unboil.errors.UnboilError`.  With
    ``trace=True`` returns ``(article, trace)``, the trace explaining every
    removal and every kept or dropped block.  ``encoding`` is the charset the
    page came with (an HTTP ``Content-Type``'s), for bytes and paths: it goes
    before the page's own ``<meta charset>``, and is passed over where it does
    not decode the page (a valid UTF-8 page stays UTF-8).
    """
    opts = options or DEFAULT_OPTIONS
    log = Trace() if trace else None
    try:
        article = _extract(source, url, opts, log, encoding)
    except UnboilError:
        raise
    except Exception as exc:  # any other failure is a bug or a parser crash: one error type for callers
        raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}") from exc
    return (article, log) if log is not None else article


def extract_file(
    path: "os.PathLike[str] | str", url: str | None = None, *, options: Options | None = None, encoding: str | None = None
) -> Article:
    """Extract from a saved page on disk (``.html``; a ``.gz`` file is decompressed).

    Read through :func:`~unboil.files.read_page`, the reader ``unboil clean``
    uses too, so a file fails the same way one at a time and in a batch.
    """
    opts = options or DEFAULT_OPTIONS
    return extract(read_page(path, opts, name_in_errors=True), url, options=opts, encoding=encoding)
