"""Stage 5b: keep or drop each block inside the chosen container.

Each block is judged on its own evidence: the vocabulary's text patterns (a
donation ladder or a "Support <Site>" button in the middle of the body goes,
whatever its class), the small box around an appeal, link density, a repeat
of the title, a byline at the top, and the "section cut" (everything after a
"Related articles" or "Comments" heading, up to the end of its box).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, NamedTuple, Sequence, get_args

from .blocks import RawBlock, Spans, covered
from .container import Container, has_prose, is_inside
from .dateline import read_dateline
from .favor import precision_trim
from .hints import PageHints
from .metadata import parse_date
from .options import Favor, Options
from .prune import SPARED
from .text import PUNCT, title_key
from .thresholds import ContainerThresholds, JudgeThresholds
from .trace import Trace, describe
from .vocabulary import Vocabulary

__all__ = ["Judged", "judge_blocks"]


class Judged(NamedTuple):
    """One block's judgement (a named tuple: one is made for every block of the page)."""

    block: RawBlock
    keep: bool
    why: str


def _is_meta_line(text: str, author_keys: frozenset[str], vocabulary: Vocabulary, limits: JudgeThresholds) -> bool:
    """A byline, a date or a reading time at the top of the body."""
    if len(text) > limits.byline_chars:
        return False
    byline, reading_time = vocabulary.tables.byline, vocabulary.tables.reading_time
    if byline is not None and byline.match(text) or reading_time is not None and reading_time.match(text):
        return True
    key = title_key(text)
    if key and key in author_keys:
        return True
    if len(text) <= limits.date_line_chars and parse_date(text, loose=False, lex=vocabulary.metadata) is not None:
        if read_dateline(text, vocabulary.metadata) is not None:
            return False  # a wire dateline on a line of its own ("PHILADELPHIA July 24, 2012 (AP)"): the story's
        # A line that is little more than a date ("Monday, February 29, 2016 @ 11:10 PM").
        words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
        return len(words) <= limits.date_line_words
    return False


_WORD_CHAR = re.compile(r"\w")


def _wordless(text: str, limits: JudgeThresholds) -> bool:
    """A line of a few characters and no letter or digit: an icon glyph ("→", "▪"), a lone
    dash, an invisible joiner left by an emoji widget.  It says nothing to a reader, nor
    about the box it sits in, so it only goes."""
    return len(text) <= limits.wordless_chars and _WORD_CHAR.search(text) is None


_WORD = re.compile(r"\w+")


def _repeats_title(text: str, key: str, words: Sequence[str]) -> bool:
    """Whether ``text`` is the headline again: its :func:`~unboil.text.title_key` is
    the title's ``key``, whose words are ``words``.

    The key is read word by word as :func:`~unboil.text.title_key` makes it, and
    the reading stops at the first word that differs: most paragraphs differ at
    their first.  An ASCII text shorter than the title's key is told without a word.
    """
    if text.isascii():
        if len(text) < len(key):
            return False
    else:
        text = unicodedata.normalize("NFKC", text)
    found = _WORD.finditer(text.lower())
    for word in words:
        m = next(found, None)
        if m is None or m.group() != word:
            return False
    return next(found, None) is None


def _chain(owner: Any, container: Any) -> list[Any]:
    """``owner`` and its ancestors below ``container``."""
    chain = []
    el = owner
    while el is not None and el is not container:
        chain.append(el)
        el = el.getparent()
    return chain


def _appeal_boxes(
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    container: Any,
    appeals: frozenset[str],
    limits: JudgeThresholds,
    spans: Spans | None = None,
) -> set[Any]:
    """The boxes that hold a fundraising or subscription appeal, to be dropped whole.

    An appeal rarely stands alone: "Support us" comes with a pitch ("Our goal is an
    informed society.") that no pattern can recognise.  The box is the largest
    ancestor of the appeal, below the container, that holds little text
    (``box_chars``) and in which the appeal is a fair share of the text (``appeal_share``).
    With ``spans`` (see :func:`~unboil.blocks.block_spans`) a box's text is read
    from its range of blocks, and only the appeals inside the container are looked at
    (no box outside it ever holds a block that is judged).
    """
    if spans is not None and container in spans:
        first, end = spans[container]
        appealing = [b for b, c in zip(blocks[first:end], concepts[first:end]) if c in appeals]
        if not appealing:
            return set()
        ends = list(accumulate((len(b.text) for b in blocks), initial=0))
        sizes = {}
        for b in appealing:
            for el in _chain(b.owner, container):
                lo, hi = spans[el]
                sizes[el] = ends[hi] - ends[lo]
    else:
        appealing = [b for b, c in zip(blocks, concepts) if c in appeals]
        if not appealing:
            return set()
        sizes = {}
        for b in blocks:
            for el in _chain(b.owner, container):
                sizes[el] = sizes.get(el, 0) + len(b.text)
    boxes: set[Any] = set()
    for b in appealing:
        best = None
        for el in _chain(b.owner, container):
            size = sizes.get(el, 0)
            if size > limits.box_chars or len(b.text) < limits.appeal_share * size:
                break
            best = el
        if best is not None:
            boxes.add(best)
    return boxes


def _more_from_site(text: str, site_key: str, vocabulary: Vocabulary) -> str | None:
    """The concept of a heading such as "More Washington Examiner" or "Latest from The Site"
    (the vocabulary's ``site_headings``): what follows is the site's other stories, not this article."""
    for concept, pattern in vocabulary.tables.site_headings:
        m = pattern.match(text)
        if m and title_key(m.group(1)) == site_key:
            return concept
    return None


def _is_prose(block: RawBlock, limits: ContainerThresholds) -> bool:
    """A paragraph of running text: long, punctuated, few links."""
    return (
        block.kind in ("paragraph", "quote", "list_item")
        and len(block.text) >= limits.prose_chars
        and block.link_density < limits.prose_link_density
        and bool(PUNCT.search(block.text))
    )


def _section_scope(blocks: Sequence[RawBlock], i: int, container: Any, thread: bool) -> Any:
    """The box of the section headed by block ``i``: its largest ancestor that
    begins with it (holds none of the blocks before it).

    A "6 Comments" heading under one answer of a Q&A page heads that answer's
    comments only; the next answer, outside their box, is content again.
    """
    if i == 0:
        return container
    before = set(_chain(blocks[i - 1].owner, container))
    scope = container
    for el in _chain(blocks[i].owner, container):
        if el in before:
            break
        scope = el
    if scope is blocks[i].owner:
        return container  # a bare heading among the article's paragraphs heads the rest
    if i + 1 < len(blocks) and not is_inside(blocks[i + 1].owner, scope) and not thread:
        # A heading boxed alone (a layout's heading widget) labels the box after
        # it; a comment count boxed alone heads a thread not loaded.
        return container
    return scope


def _box_kind(owner: Any, container: Any) -> tuple[Any, str] | None:
    """The tag and class of the nearest named box around a block (itself included)."""
    for el in _chain(owner, container):
        cls = el.get("class")
        if cls:
            return el.tag, cls
    return None


def _replies_like_the_post(
    blocks: Sequence[RawBlock], i: int, judged: Sequence[Judged], container: Any, limits: JudgeThresholds
) -> bool:
    """Whether the "12 Replies" heading at ``i`` heads a thread's posts, not a story's comments.

    A forum thread's replies are written in the same box as its first post
    (``div.post-content`` both); a story's comments sit in boxes of their own.
    """
    window = blocks[i + 1 : i + 1 + limits.reply_lookahead]
    after = next((b for b in window if b.kind == "paragraph" and len(b.text) >= limits.reply_chars), None)
    if after is None:
        return False
    kind = _box_kind(after.owner, container)
    return kind is not None and any(
        j.keep and j.block.kind == "paragraph" and _box_kind(j.block.owner, container) == kind for j in judged
    )


_LABEL_LEVEL = 7
"""The rank of a section headed by a label, not a heading: any heading ends it."""


@dataclass
class _Cut:
    """The section being cut: dropped from a "Related"/"Comments" heading on (state of one judge_blocks call)."""

    level: int = 0
    """While > 0: inside a section headed at that level."""
    scope: Any = None
    """The box that section lives in (None: it runs on to the next heading)."""
    thread: bool = False
    """Whether the section is a thread of readers' posts."""

    def goes_on(self, block: RawBlock, concept: str | None, repeated: bool, options: Options) -> bool:
        """Whether ``block`` is still inside the cut section (and so dropped).

        The next section of the article begins at a heading of the same rank
        or higher (a linked one of the same rank is the title of another
        related story), or outside the cut section's own box.
        """
        left_scope = self.scope is not None and not is_inside(block.owner, self.scope)
        limits = options.thresholds.judge
        if block.kind == "heading" and concept is None and (
            block.level < self.level or block.level == self.level and block.link_density < limits.section_heading_links
        ) or left_scope and (self.thread or repeated or concept is None and _is_prose(block, options.thresholds.container)):
            self.level = 0
            return False
        if left_scope:
            # After a box of related links, the article goes on with prose (on a listing,
            # with its next entry); more teasers or calls to action are the page's tail.
            self.scope = None
        return True


def _inside(blocks: Sequence[RawBlock], container: Any, span: tuple[int, int] | None) -> list[bool]:
    """Whether each block lies inside the container: read from the container's range of
    blocks when it is known (``span``), else by climbing from each owner."""
    if span is not None:
        first, end = span
        return [False] * first + [True] * (end - first) + [False] * (len(blocks) - end)
    seen: dict[Any, bool] = {}
    for block in blocks:
        if block.owner not in seen:
            seen[block.owner] = is_inside(block.owner, container)
    return [seen[block.owner] for block in blocks]


def _in_boxes(blocks: Sequence[RawBlock], container: Any, boxes: set[Any], spans: Spans | None) -> list[bool]:
    """Whether each block lies in one of the appeal ``boxes`` (all inside the container)."""
    if spans is None:
        return [any(anc in boxes for anc in _chain(block.owner, container)) for block in blocks]
    return covered(spans, boxes, len(blocks))


def _items_or_links(box: Any, blocks: Sequence[RawBlock], spans: Spans, limits: ContainerThresholds) -> bool:
    """Whether a box reads as comments or a sidebar rather than the rest of the story: mostly
    link text, or a run of ``run_items`` items built alike of two blocks or more (a comment's
    author line and its text) among its children or theirs."""
    lo, hi = spans[box]
    chars = sum(len(b.text) for b in blocks[lo:hi])
    if chars and sum(b.link_chars for b in blocks[lo:hi]) > limits.link_block_density * chars:
        return True
    for parent in (box, *box.iterchildren()):
        alike: dict[tuple[str, str | None], int] = {}
        for child in parent.iterchildren():
            first, end = spans.get(child, (0, 0))
            if end - first >= 2:
                key = (child.tag, child.get("class"))
                alike[key] = alike.get(key, 0) + 1
                if alike[key] >= limits.run_items:
                    return True
    return False


def _spared_beside_story(blocks: Sequence[RawBlock], chosen: Container, limits: ContainerThresholds) -> list[bool] | None:
    """Whether each block lies in a box named like boilerplate (comments, a sidebar) that prune
    spared for its size (:data:`~unboil.prune.SPARED`) and that does not hold the story's first
    paragraph: the story stands elsewhere, so the box's size is the comments' or the sidebar's."""
    spans = chosen.spans
    boxes = [
        el for el in chosen.element.xpath(f".//*[@{SPARED}]")
        if spans is not None and el in spans and not is_inside(chosen.opening, el) and _items_or_links(el, blocks, spans, limits)
    ]
    if not boxes:
        return None
    return _in_boxes(blocks, chosen.element, set(boxes), spans)


def judge_blocks(
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    chosen: Container,
    hints: PageHints,
    options: Options,
    trace: Trace | None,
) -> list[Judged]:
    """Keep or drop each block inside ``container`` (blocks outside are dropped)."""
    container, spans = chosen.element, chosen.spans
    limits = options.thresholds.judge
    # Where the container's blocks lie, when known: a block is inside it by its place in the list.
    span = spans.get(container) if spans is not None else None
    # In a listing the entries are links: density says nothing there.  A story opened under
    # its headline (:mod:`unboil.anchor`) is an article, however short.
    prose = chosen.anchored or has_prose(blocks, concepts, container, options.thresholds.container, limits.article_prose_blocks, span)
    link_limit = 1.01 if chosen.repeated or not prose else dict(zip(get_args(Favor), limits.link_limits))[options.favor]
    tkey, site_key, author_keys = hints.title_key, hints.site_key, hints.author_keys
    title_words = tkey.split(" ") if tkey else ()
    vocabulary = options.vocabulary
    known = spans if span is not None else None
    boxes = _appeal_boxes(blocks, concepts, container, vocabulary.with_role("appeal"), limits, known)
    boxed = _in_boxes(blocks, container, boxes, known) if boxes else None
    spared = _spared_beside_story(blocks, chosen, options.thresholds.container) if chosen.opening is not None else None
    cuts, threads = vocabulary.with_role("cuts_section"), vocabulary.with_role("thread")
    out: list[Judged] = []
    recall = options.favor == "recall"
    cut = _Cut()
    kept_so_far = 0
    for i, (block, concept, inside) in enumerate(zip(blocks, concepts, _inside(blocks, container, span))):
        if not inside:
            out.append(Judged(block, False, "outside-container"))
            continue
        if cut.level and cut.goes_on(block, concept, chosen.repeated, options):
            out.append(Judged(block, False, "after-section-cut"))
            continue
        text = block.text
        if block.kind != "code" and _wordless(text, limits):
            out.append(Judged(block, False, "no-words"))
            continue
        if concept is None and block.kind == "heading" and site_key:
            concept = _more_from_site(text, site_key, vocabulary)
        if concept is None and boxed is not None and boxed[i]:
            out.append(Judged(block, False, "appeal-box"))
            continue
        if spared is not None and spared[i]:
            out.append(Judged(block, False, "spared-box"))
            continue
        if concept is not None:
            thread = concept in threads
            if concept in cuts and kept_so_far >= limits.cut_after_blocks and not (
                thread and _replies_like_the_post(blocks, i, out, container, limits)
            ):
                scope = _section_scope(blocks, i, container, thread)
                if block.kind == "heading":
                    cut = _Cut(block.level or 6, scope, thread)
                elif len(text) <= limits.label_cut_chars and block.link_density < limits.section_heading_links and scope is not container:
                    # A label styled as a heading ("Related Posts" in a <div>) heads its own box; a
                    # linked one ("Read more", "3 Comments") is a call to click, no section's title.
                    cut = _Cut(_LABEL_LEVEL, scope, thread)
            out.append(Judged(block, False, f"{concept}:text"))
            continue
        # Recall keeps what balanced doubts: the headline again, a byline, a date line.
        if tkey and not recall and block.kind in ("heading", "caption", "paragraph") and _repeats_title(text, tkey, title_words):
            out.append(Judged(block, False, "repeats-title"))
            continue
        if block.link_density > link_limit and block.kind != "code":
            out.append(Judged(block, False, f"link-density:{block.link_density:.2f}"))
            continue
        if not recall and kept_so_far < limits.byline_blocks and block.kind != "heading" and _is_meta_line(text, author_keys, vocabulary, limits):
            out.append(Judged(block, False, "byline"))
            continue
        out.append(Judged(block, True, "content"))
        kept_so_far += 1
    if options.favor == "precision" and prose and not chosen.repeated:
        doubts = precision_trim([j.keep for j in out], blocks, options.thresholds.favor)
        out = [Judged(j.block, False, why) if why else j for j, why in zip(out, doubts)]
    return _without_orphan_headings(out, trace)


def _without_orphan_headings(out: list[Judged], trace: Trace | None) -> list[Judged]:
    """Trace the judgements, then drop the trailing headings left without a section."""
    if trace is not None:
        for j in out:
            if j.why != "outside-container":
                trace.add("score", "kept" if j.keep else "dropped", describe(j.block.owner, j.block.text), j.why, element=j.block.owner)
    # Trailing headings with nothing after them are orphans of removed sections
    # (unless headings are all there is: the entries of an index).
    if not any(j.keep and j.block.kind != "heading" for j in out):
        return out
    while out:
        last_kept = next((k for k in range(len(out) - 1, -1, -1) if out[k].keep), None)
        if last_kept is None or out[last_kept].block.kind != "heading":
            break
        out[last_kept] = Judged(out[last_kept].block, False, "orphan-heading")
    return out
