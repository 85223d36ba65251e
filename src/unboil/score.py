"""Stage 4: choose the article's container, then judge each block inside it.

The container is found as a *maximum-weight subtree*: every block votes for
all of its ancestors with a weight that is positive for prose (long text, few
links, sentence punctuation) and negative for boilerplate (link lists, matches
of the vocabulary).  The element with the highest total is the smallest one
that holds most of the prose and little of the rest; no threshold on a
single block decides it, so a short share bar between two halves of an
article does not split the article.

Inside the container each block is then kept or dropped on its own evidence:
the vocabulary's text patterns (a donation ladder or a "Support <Site>" button
in the middle of the body goes, whatever its class), link density, a repeat of
the title, and the "section cut" (everything after a "Related articles" or
"Comments" heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from .blocks import RawBlock
from .hints import PageHints
from .metadata import parse_date
from .options import Options
from .text import title_key
from .trace import Trace, describe
from .vocabulary import Vocabulary

__all__ = ["Container", "Judged", "choose_container", "judge_blocks", "block_value"]

_SENTENCE_END = re.compile(r"[.!?。！？…:;\"”»)]\s*$|[.!?。！？]\s")
_PUNCT = re.compile(r"[,.;:!?、，。！？]")


def _is_meta_line(text: str, author_keys: frozenset[str], vocabulary: Vocabulary) -> bool:
    """A byline, a date or a reading time at the top of the body."""
    if len(text) > 80:
        return False
    byline, reading_time = vocabulary.tables.byline, vocabulary.tables.reading_time
    if byline is not None and byline.match(text) or reading_time is not None and reading_time.match(text):
        return True
    key = title_key(text)
    if key and key in author_keys:
        return True
    if len(text) <= 60 and parse_date(text, loose=False) is not None:
        # A line that is little more than a date ("Monday, February 29, 2016 @ 11:10 PM").
        words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
        return len(words) <= 4
    return False


_WORD_CHAR = re.compile(r"\w")


def _wordless(text: str) -> bool:
    """A line of a few characters and no letter or digit: an icon glyph ("→", "▪"), a lone
    dash, an invisible joiner left by an emoji widget.  It says nothing to a reader, nor
    about the box it sits in, so it only goes."""
    return len(text) <= 3 and _WORD_CHAR.search(text) is None


_HEADLINE_LINK = 25
"""Average characters per link from which a link-dense block reads as an index entry."""
_FAVOR_LINK_LIMIT = {"precision": 0.45, "balanced": 0.6, "recall": 0.8}


@dataclass(frozen=True, slots=True)
class Judged:
    block: RawBlock
    keep: bool
    why: str


_LADDER_RUN = 3


def mark_amount_runs(blocks: Sequence[RawBlock], concepts: list[str | None], vocabulary: Vocabulary) -> list[str | None]:
    """Mark runs of bare amounts ("0 $", "2,500 $", "5,000 $") as the vocabulary's ladder concept (donation).

    One price alone is a product's; three or more amounts in a row with no words
    between them are a progress bar or a ladder of donation buttons.
    """
    ladder = vocabulary.tables.ladder
    if ladder is None:
        return concepts
    name, amount_only = ladder
    run: list[int] = []
    for i, block in enumerate(list(blocks) + [None]):  # type: ignore[list-item]
        if block is not None and concepts[i] is None and len(block.text) <= 24 and amount_only.match(block.text):
            run.append(i)
            continue
        if len(run) >= _LADDER_RUN:
            for k in run:
                concepts[k] = name
        run = []
    return concepts


def block_value(
    block: RawBlock, concept: str | None, index_page: bool = False, any_link: bool = False, labels: frozenset[str] = frozenset()
) -> float:
    """How much this block argues that its ancestors hold the article.

    On an index page (``index_page``: no prose anywhere) headline-long links
    are the content and count for their container instead of against it.
    A block of a ``labels`` concept (the vocabulary's label role) is dropped
    later but counts here like any short line.
    """
    n = len(block.text)
    if concept is not None and concept not in labels:
        return -max(float(n), 40.0)
    density = block.link_density
    if density > 0.5:
        # Links as long as a headline (a product name, a story title) are an
        # index's entries; short ones ("Home", "About") are navigation.
        # ``any_link``: the second look at a page whose first choice was weak,
        # where every entry of its lists counts (a category of short names).
        # A block inside a link that wraps a whole card (<a><h3>name</h3><p>price</p></a>)
        # opened no link of its own: it is all one link's text.
        anchors = block.anchors or (1 if any_link and block.link_chars else 0)
        if index_page and anchors and (any_link and n >= 8 or block.link_chars / anchors >= _HEADLINE_LINK):
            return n * 0.2
        if index_page and any_link and not block.anchors:
            # A short field of a card inside that card's one link ("Color", "$74.99"):
            # part of an entry, not a menu of its own links.
            return 0.0
        return -n * density
    if block.kind == "heading":
        return 5.0
    if block.kind == "code":
        return n * 0.6
    prose = n >= 60 and bool(_PUNCT.search(block.text))
    if prose:
        return n * (1.0 - density)
    return n * (1.0 - density) * 0.25 - 4.0


_MAX_BONUS = 1.15


def _hint_bonus(el: Any, vocabulary: Vocabulary) -> float:
    tag = el.tag
    if tag == "article" or tag == "main" or el.get("itemprop") in ("articleBody", "text") or el.get("role") == "main":
        return _MAX_BONUS
    attrs = (el.get("class") or "") + " " + (el.get("id") or "")
    if not attrs.strip():
        return 1.0
    bonus = 1.0
    content, boilerplate = vocabulary.tables.content_class, vocabulary.tables.boilerplate_class
    if content is not None and content.search(attrs):
        bonus += 0.08
    if boilerplate is not None and boilerplate.search(attrs):
        bonus -= 0.2
    return bonus


@dataclass(frozen=True, slots=True)
class Container:
    element: Any
    repeated: bool
    """Chosen as the parent of a run of similar items (a listing, a thread), or read as an index."""


def _similar_siblings(node: Any) -> list[Any]:
    parent = node.getparent()
    if parent is None:
        return []
    key = (node.tag, node.get("class"))
    return [s for s in parent if s.tag == key[0] and s.get("class") == key[1]]


_ARTICLE_CHARS = 300
"""Plain text from which a winning element reads as an article, not one entry of a list."""


def _one_box_dominates(node: Any, similar: list[Any], texts: dict[Any, int], totals: dict[Any, float]) -> bool:
    """Whether the "run" around ``node`` is one other box that argues against being content.

    The items of a listing or a thread share the run's text among many of
    them.  Layout rows built alike (title row, article row, a news ticker row
    of headline links, bylines and times) do not: one box that argues against
    (negative total) holds nearly all the text beside the winner's own.
    """
    others = [s for s in similar if s is not node]
    other_text = sum(texts.get(s, 0) for s in others)
    if not other_text:
        return False
    biggest = max(others, key=lambda s: texts.get(s, 0))
    return texts.get(biggest, 0) >= 0.75 * other_text and totals.get(biggest, 0.0) < 0 < totals.get(node, 0.0)


def _climb_repeats(best: Any, body: Any, texts: dict[Any, int], totals: dict[Any, float], trace: Trace | None) -> tuple[Any, bool]:
    """Move from one item of a listing or thread to the whole run of items.

    The best subtree of a listing page is often one entry, because every entry
    scores like every other and the rest of the list is full of links.  When
    the winner (or one of its near ancestors) is one of three or more siblings
    built alike, and those siblings together hold at least twice its text, the
    article is the run, not the item.
    """
    node = best
    repeated = False
    for _ in range(4):
        if node is body or node.getparent() is None:
            break
        similar = _similar_siblings(node)
        if len(similar) >= 3 and not (texts.get(best, 0) >= _ARTICLE_CHARS and _one_box_dominates(node, similar, texts, totals)):
            run_text = sum(texts.get(s, 0) for s in similar)
            if run_text >= 2 * max(1, texts.get(best, 0)):
                best = node.getparent()
                repeated = True
                if trace is not None:
                    trace.add("score", "chose", describe(best), f"repeated-items:{len(similar)}", float(run_text))
        node = node.getparent()
    return best, repeated


_TEASER_DEPTH = 4
"""Levels above a block's owner searched for the card that holds it."""
_TEASER_WEIGHT = 0.3
_TEASER_CHARS = 600
"""A card with more text than this is an article section, not a teaser."""
_ARTICLE_BESIDE_TEASERS = 800
"""Prose outside the cards from which the page reads as an article beside teasers."""


def _teaser_items(blocks: Sequence[RawBlock], concepts: Sequence[str | None], body: Any) -> set[Any]:
    """Cards of other stories: one of three or more siblings built alike, headed by a link.

    A teaser's lead is prose like the article's, so without this a column of
    "more stories" cards (linked headline, a sentence or two) outweighs or
    joins the article.  Their prose still counts, at a fraction
    (``_TEASER_WEIGHT``): on a page that is only teasers they are the content.
    """
    alike: dict[Any, dict[tuple[Any, Any], int]] = {}
    cards: set[Any] = set()
    for block, concept in zip(blocks, concepts):
        if concept is not None or block.link_density < 0.6 or len(block.text) < 15:
            continue
        if block.kind != "heading" and not (block.anchors == 1 and len(block.text) >= _HEADLINE_LINK):
            continue
        el = block.owner
        for _ in range(_TEASER_DEPTH):
            parent = el.getparent()
            if el is body or parent is None:
                break
            counts = alike.get(parent)
            if counts is None:
                counts = {}
                for child in parent:
                    key = (child.tag, child.get("class"))
                    counts[key] = counts.get(key, 0) + 1
                alike[parent] = counts
            if counts.get((el.tag, el.get("class")), 0) >= 3:
                cards.add(el)
                break
            el = parent
    if not cards:
        return cards
    sizes: dict[Any, int] = {}
    card_of: list[Any] = []
    for block in blocks:
        el = block.owner
        card = None
        for _ in range(_TEASER_DEPTH):
            if el is None:
                break
            if el in cards:
                sizes[el] = sizes.get(el, 0) + len(block.text)
                card = el
                break
            el = el.getparent()
        card_of.append(card)
    teasers = {c for c in cards if sizes.get(c, 0) <= _TEASER_CHARS}
    # Only an article beside them makes cards teasers; on a listing they are the content.
    article = sum(
        len(b.text)
        for b, c, card in zip(blocks, concepts, card_of)
        if c is None and card not in teasers and b.link_density < 0.3 and len(b.text) >= 60 and _PUNCT.search(b.text)
    )
    return teasers if article >= _ARTICLE_BESIDE_TEASERS else set()


def _score_of(el: Any, total: float, vocabulary: Vocabulary) -> float:
    return total * _hint_bonus(el, vocabulary) if total > 0 else total


def _best_total(body: Any, totals: dict[Any, float], vocabulary: Vocabulary) -> Any:
    """The element of highest score (total times its hint bonus); of equals, the one seen first.

    Elements are tried from the largest total down, and the search stops where
    even the largest bonus could not lift a total past the best score: most of
    a page's elements never have their class and id read.
    """
    order = {el: i for i, el in enumerate(totals)}
    best, best_key = body, (float("-inf"), 0)
    for el, total in sorted(totals.items(), key=lambda kv: kv[1], reverse=True):
        # Sorted: no later total, even with the largest bonus (or none, when not positive), can win.
        ceiling = total * _MAX_BONUS if total > 0 else total
        if ceiling < best_key[0]:
            break
        key = (_score_of(el, total, vocabulary), -order[el])
        if key > best_key:
            best, best_key = el, key
    return best


def choose_container(
    body: Any,
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    vocabulary: Vocabulary,
    trace: Trace | None,
    as_index: bool = False,
) -> Container:
    """The element with the best total block value (see the module docstring).

    ``as_index`` reads the page as an index (headline-long links are its
    entries) even though it has some prose: the second look taken when the
    first choice holds too little (see :mod:`unboil.extract`).
    """
    index_page = as_index or not _has_prose(blocks, concepts, body, enough=3)
    teasers = _teaser_items(blocks, concepts, body)
    totals: dict[Any, float] = {}
    texts: dict[Any, int] = {}
    owners_seen: dict[Any, list[Any]] = {}
    labels = vocabulary.with_role("label")
    for block, concept in zip(blocks, concepts):
        value = block_value(block, concept, index_page, as_index, labels)
        # Text that argues for a run of items: link text only counts on index pages.
        plain = 0 if concept is not None else len(block.text) if index_page else len(block.text) - block.link_chars
        chain = owners_seen.get(block.owner)
        if chain is None:
            chain = [block.owner]
            for anc in block.owner.iterancestors():
                chain.append(anc)
                if anc is body:
                    break
            owners_seen[block.owner] = chain
        if teasers and value > 0 and any(el in teasers for el in chain[:_TEASER_DEPTH]):
            value *= _TEASER_WEIGHT
        for el in chain:
            totals[el] = totals.get(el, 0.0) + value
            texts[el] = texts.get(el, 0) + plain
    if not totals:
        return Container(body, False)
    best = _best_total(body, totals, vocabulary)
    if trace is not None:
        trace.add("score", "chose", describe(best), "max-weight-subtree", _score_of(best, totals[best], vocabulary))
    best, repeated = _climb_repeats(best, body, texts, totals, trace)
    return Container(best, repeated or as_index)


def _is_inside(el: Any, container: Any) -> bool:
    if el is container:
        return True
    for anc in el.iterancestors():
        if anc is container:
            return True
    return False


_BOX_CHARS = 700
"""An appeal's box holds at most this much text; a larger ancestor is the article."""


def _chain(owner: Any, container: Any) -> list[Any]:
    """``owner`` and its ancestors below ``container``."""
    chain = []
    el = owner
    while el is not None and el is not container:
        chain.append(el)
        el = el.getparent()
    return chain


def _appeal_boxes(blocks: Sequence[RawBlock], concepts: Sequence[str | None], container: Any, appeals: frozenset[str]) -> set[Any]:
    """The boxes that hold a fundraising or subscription appeal, to be dropped whole.

    An appeal rarely stands alone: "Support us" comes with a pitch ("Our goal is an
    informed society.") that no pattern can recognise.  The box is the largest
    ancestor of the appeal, below the container, that holds little text
    (``_BOX_CHARS``) and in which the appeal is a fair share of the text.
    """
    appealing = [b for b, c in zip(blocks, concepts) if c in appeals]
    if not appealing:
        return set()
    sizes: dict[Any, int] = {}
    for b in blocks:
        for el in _chain(b.owner, container):
            sizes[el] = sizes.get(el, 0) + len(b.text)
    boxes: set[Any] = set()
    for b in appealing:
        best = None
        for el in _chain(b.owner, container):
            size = sizes.get(el, 0)
            if size > _BOX_CHARS or len(b.text) < 0.15 * size:
                break
            best = el
        if best is not None:
            boxes.add(best)
    return boxes


def _has_prose(blocks: Sequence[RawBlock], concepts: Sequence[str | None], container: Any, enough: int = 2) -> bool:
    """Whether the container reads like an article (some real paragraphs).

    A shop category, a link hub or a product grid has no paragraph of prose;
    there the links *are* the content and link density must not drop them.
    Lines split by ``<br>`` count together, by the element that holds them.
    """
    plain: dict[Any, int] = {}
    for block, concept in zip(blocks, concepts):
        if concept is None and block.link_density < 0.3:
            plain[block.owner] = plain.get(block.owner, 0) + len(block.text)
    prose = 0
    for owner, chars in plain.items():
        if chars >= 150 and _is_inside(owner, container):
            prose += 1
            if prose >= enough:
                return True
    return False


def _more_from_site(text: str, site_key: str, vocabulary: Vocabulary) -> str | None:
    """The concept of a heading such as "More Washington Examiner" or "Latest from The Site"
    (the vocabulary's ``site_headings``): what follows is the site's other stories, not this article."""
    for concept, pattern in vocabulary.tables.site_headings:
        m = pattern.match(text)
        if m and title_key(m.group(1)) == site_key:
            return concept
    return None


def _is_prose(block: RawBlock) -> bool:
    """A paragraph of running text: long, punctuated, few links."""
    return block.kind in ("paragraph", "quote", "list_item") and len(block.text) >= 60 and block.link_density < 0.3 and bool(_PUNCT.search(block.text))


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
    if i + 1 < len(blocks) and not _is_inside(blocks[i + 1].owner, scope) and not thread:
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


def _replies_like_the_post(blocks: Sequence[RawBlock], i: int, judged: Sequence[Judged], container: Any) -> bool:
    """Whether the "12 Replies" heading at ``i`` heads a thread's posts, not a story's comments.

    A forum thread's replies are written in the same box as its first post
    (``div.post-content`` both); a story's comments sit in boxes of their own.
    """
    after = next((b for b in blocks[i + 1 : i + 12] if b.kind == "paragraph" and len(b.text) >= 40), None)
    if after is None:
        return False
    kind = _box_kind(after.owner, container)
    return kind is not None and any(
        j.keep and j.block.kind == "paragraph" and _box_kind(j.block.owner, container) == kind for j in judged
    )


def judge_blocks(
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    chosen: Container,
    hints: PageHints,
    options: Options,
    trace: Trace | None,
) -> list[Judged]:
    """Keep or drop each block inside ``container`` (blocks outside are dropped)."""
    container = chosen.element
    # In a listing the entries are links: density says nothing there.
    link_limit = 1.01 if chosen.repeated or not _has_prose(blocks, concepts, container) else _FAVOR_LINK_LIMIT[options.favor]
    tkey, site_key, author_keys = hints.title_key, hints.site_key, hints.author_keys
    vocabulary = options.vocabulary
    boxes = _appeal_boxes(blocks, concepts, container, vocabulary.with_role("appeal"))
    cuts, threads = vocabulary.with_role("cuts_section"), vocabulary.with_role("thread")
    out: list[Judged] = []
    inside_cache: dict[Any, bool] = {}
    cut_level = 0  # while > 0: inside a "Related"/"Comments" section headed at that level
    cut_scope: Any = None  # ... and the box that section lives in
    cut_thread = False  # ... and whether it is a thread of readers' posts
    kept_so_far = 0
    for i, (block, concept) in enumerate(zip(blocks, concepts)):
        inside = inside_cache.get(block.owner)
        if inside is None:
            inside = _is_inside(block.owner, container)
            inside_cache[block.owner] = inside
        if not inside:
            out.append(Judged(block, False, "outside-container"))
            continue
        if cut_level:
            # The next section of the article begins at a heading of the same
            # rank or higher (a linked one of the same rank is the title of
            # another related story), or outside the cut section's own box.
            left_scope = cut_scope is not None and not _is_inside(block.owner, cut_scope)
            if block.kind == "heading" and concept is None and (
                block.level < cut_level or block.level == cut_level and block.link_density < 0.5
            ) or left_scope and (cut_thread or chosen.repeated or concept is None and _is_prose(block)):
                cut_level = 0
            else:
                if left_scope:
                    # After a box of related links, the article goes on with prose (on a listing,
                    # with its next entry); more teasers or calls to action are the page's tail.
                    cut_scope = None
                out.append(Judged(block, False, "after-section-cut"))
                continue
        text = block.text
        if block.kind != "code" and _wordless(text):
            out.append(Judged(block, False, "no-words"))
            continue
        if concept is None and block.kind == "heading" and site_key:
            concept = _more_from_site(text, site_key, vocabulary)
        if concept is None and boxes and any(anc in boxes for anc in _chain(block.owner, container)):
            out.append(Judged(block, False, "appeal-box"))
            continue
        if concept is not None:
            thread = concept in threads
            if block.kind == "heading" and concept in cuts and kept_so_far >= 2 and not (
                thread and _replies_like_the_post(blocks, i, out, container)
            ):
                cut_level = block.level or 6
                cut_scope = _section_scope(blocks, i, container, thread)
                cut_thread = thread
            out.append(Judged(block, False, f"{concept}:text"))
            continue
        if tkey and block.kind in ("heading", "caption", "paragraph") and title_key(text) == tkey:
            out.append(Judged(block, False, "repeats-title"))
            continue
        if block.link_density > link_limit and block.kind != "code":
            out.append(Judged(block, False, f"link-density:{block.link_density:.2f}"))
            continue
        if kept_so_far < 3 and block.kind != "heading" and _is_meta_line(text, author_keys, vocabulary):
            out.append(Judged(block, False, "byline"))
            continue
        out.append(Judged(block, True, "content"))
        kept_so_far += 1
    return _without_orphan_headings(out, trace)


def _without_orphan_headings(out: list[Judged], trace: Trace | None) -> list[Judged]:
    """Trace the judgements, then drop the trailing headings left without a section."""
    if trace is not None:
        for j in out:
            if j.why != "outside-container":
                trace.add("score", "kept" if j.keep else "dropped", describe(j.block.owner, j.block.text), j.why)
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
