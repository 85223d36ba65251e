"""Where the story begins: its headline, followed by prose.

A page whose headline (the metadata's title) stands as a heading in the body,
with a paragraph of running text right after it, is an article, however
short: a post of one paragraph beside a sidebar of a hundred linked titles is
not a listing.  The block that opens the story is the *anchor*: the container
must hold it, and the page is not read as an index.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Sequence

from .blocks import RawBlock, Spans
from .text import PUNCT, title_key
from .thresholds import ContainerThresholds

__all__ = ["entries_follow", "has_entry_run", "keeps_story", "story_anchor", "story_box"]


def _names_the_story(text: str, key: str, limits: ContainerThresholds) -> bool:
    """Whether a heading's text is the headline: its key is the title's, or one holds the
    other (a site's name beside it, a kicker before it), with enough words to be no label."""
    heading = title_key(text)
    if not heading:
        return False
    if heading == key:
        return True
    shorter = min(heading, key, key=len)
    return len(shorter.split(" ")) >= limits.anchor_title_words and f" {shorter} " in f" {heading if shorter is key else key} "


def _opens_story(block: RawBlock, concept: str | None, limits: ContainerThresholds) -> bool:
    """A paragraph of running text: long enough, punctuated, few links."""
    return (
        concept is None
        and block.kind in ("paragraph", "quote", "list_item")
        and len(block.text) >= limits.anchor_prose_chars
        and block.link_density < limits.prose_link_density
        and bool(PUNCT.search(block.text))
    )


def story_anchor(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], headline: str | None, limits: ContainerThresholds
) -> tuple[int, int] | None:
    """The heading that repeats the headline and the first paragraph of prose after it
    (within ``anchor_lookahead`` blocks of it), as indices of ``blocks``, or None.

    ``headline`` is the title's :func:`~unboil.text.title_key`.  A heading that names the
    story with no prose after it (a linked teaser of the same story in a bar of top
    stories) anchors nothing.  Of the headings that anchor, an unlinked one wins: a
    blog's name in its header, a link home, is held by a title "<Blog>: <post>" too.
    """
    if not headline:
        return None
    linked = None
    for i, block in enumerate(blocks):
        if block.kind == "heading" and _names_the_story(block.text, headline, limits):
            window = range(i + 1, min(len(blocks), i + 1 + limits.anchor_lookahead))
            found = next((k for k in window if _opens_story(blocks[k], concepts[k], limits)), None)
            if found is not None and block.link_density < limits.link_block_density:
                return i, found
            if linked is None and found is not None:
                linked = i, found
    return linked


def story_box(blocks: Sequence[RawBlock], anchor: tuple[int, int]) -> Any:
    """The smallest element that holds both the headline and the paragraph after it: the story's box."""
    heading, paragraph = blocks[anchor[0]].owner, blocks[anchor[1]].owner
    held = set(heading.iterancestors())
    held.add(heading)
    return next((el for el in (paragraph, *paragraph.iterancestors()) if el in held), paragraph)


def has_entry_run(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], body: Any, spans: Spans | None, limits: ContainerThresholds
) -> bool:
    """Whether the page holds a run of entries: ``run_items`` or more siblings built alike,
    each a linked name with a field of plain text (a price, a lead, a date).

    A listing's or a catalogue's entries are such items; a sidebar of linked titles
    (one link a line) is navigation beside a story, however long its titles.
    """
    if spans is None:
        return True
    alike: dict[tuple[Any, Any, Any], bool] = {}
    rich: set[Any] = set()
    for b, c in zip(blocks, concepts):
        if c is not None or b.link_density < limits.teaser_link_density or len(b.text) < limits.teaser_head_chars:
            continue
        el = b.owner
        for _ in range(limits.entry_depth):
            parent = el.getparent()
            if el is body or parent is None:
                break
            key = (parent, el.tag, el.get("class"))
            run = alike.get(key)
            if run is None:
                same = (child for child in parent.iterchildren(el.tag) if child.get("class") == key[2])
                run = alike[key] = next(islice(same, max(limits.run_items - 1, 0), None), None) is not None
            if run:
                lo, hi = spans.get(el, (0, 0))
                if any(x.link_density < limits.link_block_density and x.text.strip() for x in blocks[lo:hi]):
                    rich.add(el)
                break
            el = parent
        if len(rich) >= limits.run_items:
            return True
    return False


def _cards_in_run(parent: Any, el: Any, blocks: Sequence[RawBlock], spans: Spans, limits: ContainerThresholds) -> int:
    """How many of ``el``'s siblings built alike (its tag and class under ``parent``) are cards:
    items of two to ``card_blocks`` blocks, one of them a field of plain text (a lead, a price,
    a date; no heading).  A sidebar's widgets (a linked title over a list of links) are no cards."""
    cls = el.get("class")
    cards = 0
    for child in parent.iterchildren(el.tag):
        if child.get("class") != cls:
            continue
        lo, hi = spans.get(child, (0, 0))
        if 2 <= hi - lo <= limits.card_blocks and any(
            b.kind != "heading" and b.link_density < limits.link_block_density and b.text.strip() for b in blocks[lo:hi]
        ):
            cards += 1
            if cards >= limits.run_items:
                break
    return cards


def entries_follow(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], anchor: int, body: Any, spans: Spans | None, limits: ContainerThresholds
) -> bool:
    """Whether a run of entries starts right after the paragraph ``anchor`` (within
    ``entry_gap`` blocks): ``run_items`` siblings built alike, each a card of two blocks or
    more, one of them headed by a link (no heading above it in the card).

    Under its title and intro a listing or a collection lists its entries: the title and
    the intro are the listing's head, not a story.  A blog post's own sidebar of linked
    titles (one link a line) or its related posts further down are not such a run.
    """
    if spans is None:
        return False
    seen: set[Any] = set()
    for k in range(anchor + 1, min(len(blocks), anchor + 1 + limits.entry_gap)):
        b = blocks[k]
        if concepts[k] is not None or b.link_density < limits.teaser_link_density or len(b.text) < limits.teaser_head_chars:
            continue
        el = b.owner
        for _ in range(limits.entry_depth):
            parent = el.getparent()
            lo, hi = spans.get(el, (0, 0))
            if el is body or parent is None or hi - lo > limits.card_blocks or any(x.kind == "heading" for x in blocks[lo:k]):
                break  # a section of the page, or a box under its own heading (a sidebar's widget): no card
            key = (parent, el.tag, el.get("class"))
            if key not in seen:
                seen.add(key)
                if _cards_in_run(parent, el, blocks, spans, limits) >= limits.run_items:
                    return True
            el = parent
    return False


def keeps_story(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], kept: Sequence[RawBlock], headline: str | None, body: Any,
    spans: Spans | None, limits: ContainerThresholds,
) -> bool:
    """Whether ``kept`` holds the paragraph that opens the story under its headline (no
    listing's head): the reading is the story, however short, and a relaxed pass that
    finds more finds the page around it (a sidebar, a profile)."""
    anchor = story_anchor(blocks, concepts, headline, limits)
    if anchor is None:
        return False
    opening = blocks[anchor[1]]
    return any(b is opening for b in kept) and not entries_follow(blocks, concepts, anchor[1], body, spans, limits)
