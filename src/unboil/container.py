"""Stage 5a: choose the element that holds the article (its *container*).

The container is found as a *maximum-weight subtree*: every block votes for
all of its ancestors with a weight that is positive for prose (long text, few
links, sentence punctuation) and negative for boilerplate (link lists, matches
of the vocabulary).  The element with the highest total is the smallest one
that holds most of the prose and little of the rest; no threshold on a
single block decides it, so a short share bar between two halves of an
article does not split the article.  On a listing or a thread the winner is
one item, and the choice climbs to the run of items around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from itertools import accumulate, islice
from operator import add
from typing import Any, Callable, Sequence

from .anchor import entries_follow, has_entry_run, story_anchor, story_box
from .blocks import RawBlock, Spans, block_spans, covered
from .favor import precision_narrow, recall_widen
from .options import Options
from .text import PUNCT
from .thresholds import ContainerThresholds
from .trace import Trace, describe
from .vocabulary import Vocabulary

__all__ = ["Container", "block_spans", "block_value", "choose_container", "covered", "has_prose", "is_inside"]


@dataclass(frozen=True, slots=True)
class Container:
    element: Any
    repeated: bool
    """Chosen as the parent of a run of similar items (a listing, a thread), or read as an index."""
    spans: Spans | None = field(default=None, compare=False, repr=False)
    """Where the blocks of ``element`` and of the elements around them lie, when known: the
    judge then reads whether a block is inside a box from its place in the list."""
    story: Any = None
    """When the headline stands in the body with prose after it (:mod:`unboil.anchor`), the
    element holding both (the story's box): the page is an article."""

    opening: Any = None
    """The element of the story's first paragraph, when ``story`` is known."""

    @property
    def anchored(self) -> bool:
        return self.story is not None


def _similar_siblings(node: Any) -> list[Any]:
    parent = node.getparent()
    if parent is None:
        return []
    key = (node.tag, node.get("class"))
    return [s for s in parent if s.tag == key[0] and s.get("class") == key[1]]


def block_value(
    block: RawBlock,
    concept: str | None,
    index_page: bool = False,
    any_link: bool = False,
    labels: frozenset[str] = frozenset(),
    limits: ContainerThresholds = ContainerThresholds(),
) -> float:
    """How much this block argues that its ancestors hold the article.

    On an index page (``index_page``: no prose anywhere) headline-long links
    are the content and count for their container instead of against it.
    A block of a ``labels`` concept (the vocabulary's label role) is dropped
    later but counts here like any short line.
    """
    n = len(block.text)
    if concept is not None and concept not in labels:
        return -max(float(n), limits.boilerplate_floor)
    density = block.link_density
    if density > limits.link_block_density:
        # Links as long as a headline (a product name, a story title) are an
        # index's entries; short ones ("Home", "About") are navigation.
        # ``any_link``: the second look at a page whose first choice was weak,
        # where every entry of its lists counts (a category of short names).
        # A block inside a link that wraps a whole card (<a><h3>name</h3><p>price</p></a>)
        # opened no link of its own: it is all one link's text.
        anchors = block.anchors or (1 if any_link and block.link_chars else 0)
        if index_page and anchors and (any_link and n >= limits.short_entry_chars or block.link_chars / anchors >= limits.index_link_chars):
            return n * limits.index_entry_weight
        if index_page and any_link and not block.anchors:
            # A short field of a card inside that card's one link ("Color", "$74.99"):
            # part of an entry, not a menu of its own links.
            return 0.0
        return -n * density
    if block.kind == "heading":
        return limits.heading_value
    if block.kind == "code":
        return n * limits.code_weight
    prose = n >= limits.prose_chars and bool(PUNCT.search(block.text))
    if prose:
        return n * (1.0 - density)
    return n * (1.0 - density) * limits.short_line_weight - limits.short_line_cost


def _hint_bonus(el: Any, vocabulary: Vocabulary, limits: ContainerThresholds) -> float:
    """The score factor of an element's tag and names: the article's own elements and
    content classes raise it, boilerplate classes lower it."""
    tag = el.tag
    if tag == "article" or tag == "main" or el.get("itemprop") in ("articleBody", "text") or el.get("role") == "main":
        return limits.main_bonus
    attrs = (el.get("class") or "") + " " + (el.get("id") or "")
    if not attrs.strip():
        return 1.0
    bonus = 1.0
    content, boilerplate = vocabulary.tables.content_class, vocabulary.tables.boilerplate_class
    if content is not None and content.search(attrs):
        bonus += limits.content_class_bonus
    if boilerplate is not None and boilerplate.search(attrs):
        bonus -= limits.boilerplate_class_malus
    return bonus


def _one_box_dominates(node: Any, similar: list[Any], texts: Callable[[Any], int], totals: dict[Any, float], share: float) -> bool:
    """Whether the "run" around ``node`` is one other box that argues against being content.

    The items of a listing or a thread share the run's text among many of
    them.  Layout rows built alike (title row, article row, a news ticker row
    of headline links, bylines and times) do not: one box that argues against
    (negative total) holds nearly all the text beside the winner's own, or every
    other box argues against (a page's unnamed columns around the post).
    """
    others = [s for s in similar if s is not node]
    other_text = sum(map(texts, others))
    if not other_text or totals.get(node, 0.0) <= 0:
        return False
    # Every other box argues against being content (columns of a blogroll, of contributors):
    # the page's layout columns, however their text is shared among them.
    if all(totals.get(s, 0.0) < 0 for s in others):
        return True
    biggest = max(others, key=texts)
    return texts(biggest) >= share * other_text and totals.get(biggest, 0.0) < 0


def _climb_repeats(
    best: Any, body: Any, texts: Callable[[Any], int], totals: dict[Any, float], limits: ContainerThresholds, trace: Trace | None
) -> tuple[Any, bool]:
    """Move from one item of a listing or thread to the whole run of items.

    The best subtree of a listing page is often one entry, because every entry
    scores like every other and the rest of the list is full of links.  When
    the winner (or one of its near ancestors) is one of three or more siblings
    built alike, and those siblings together hold at least twice its text, the
    article is the run, not the item.
    """
    node = best
    repeated = False
    for _ in range(limits.run_levels):
        if node is body or node.getparent() is None:
            break
        similar = _similar_siblings(node)
        if len(similar) >= limits.run_items and not (
            texts(best) >= limits.article_chars and _one_box_dominates(node, similar, texts, totals, limits.dominating_share)
        ):
            run_text = sum(map(texts, similar))
            if run_text >= limits.run_text_ratio * max(1, texts(best)):
                best = node.getparent()
                repeated = True
                if trace is not None:
                    trace.add("score", "chose", describe(best), f"repeated-items:{len(similar)}", float(run_text))
        node = node.getparent()
    return best, repeated


def _card_of(owner: Any, cards: set[Any], depth: int, top: Any = None) -> Any:
    """The card holding ``owner``: itself or one of its ``depth - 1`` nearest ancestors,
    none above ``top`` (None: no card is)."""
    el = owner
    for _ in range(depth):
        if el is None:
            return None
        if el in cards:
            return el
        if el is top:
            return None
        el = el.getparent()
    return None


def _cards(blocks: Sequence[RawBlock], concepts: Sequence[str | None], body: Any, limits: ContainerThresholds) -> set[Any]:
    """Cards: one of three or more siblings built alike, headed by a link (a headline, an entry's name).

    The card of a heading link is its nearest ancestor (``teaser_depth`` levels at most)
    that has ``run_items`` siblings of its tag and class.
    """
    dense, shortest, entry = limits.teaser_link_density, limits.teaser_head_chars, limits.index_link_chars
    heads = [
        b.owner
        for b, c in zip(blocks, concepts)
        if c is None and b.link_density >= dense and len(b.text) >= shortest
        and (b.kind == "heading" or b.anchors == 1 and len(b.text) >= entry)
    ]
    alike: dict[tuple[Any, Any, Any], bool] = {}
    """Whether a parent has ``run_items`` children of a tag and class (read up to that many, of that tag only)."""
    cards: set[Any] = set()
    for el in heads:
        for _ in range(limits.teaser_depth):
            parent = el.getparent()
            if el is body or parent is None:
                break
            tag, cls = el.tag, el.get("class")
            run = alike.get((parent, tag, cls))
            if run is None:
                same = (child for child in parent.iterchildren(tag) if child.get("class") == cls)
                run = alike[parent, tag, cls] = next(islice(same, max(limits.run_items - 1, 0), None), None) is not None
            if run:
                cards.add(el)
                break
            el = parent
    return cards


def _teaser_items(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], body: Any, limits: ContainerThresholds,
    spans: Spans | None = None,
) -> set[Any]:
    """Cards of other stories (see :func:`_cards`) beside an article.

    A teaser's lead is prose like the article's, so without this a column of
    "more stories" cards (linked headline, a sentence or two) outweighs or
    joins the article.  Their prose still counts, at a fraction
    (``teaser_weight``): on a page that is only teasers they are the content.
    With ``spans``, only the blocks inside some card look for theirs.
    """
    cards = _cards(blocks, concepts, body, limits)
    if not cards:
        return cards
    sizes: dict[Any, int] = {}
    card_of: list[Any] = []
    carded = covered(spans, cards, len(blocks)) if spans is not None else None
    for i, block in enumerate(blocks):
        card = _card_of(block.owner, cards, limits.teaser_depth) if carded is None or carded[i] else None
        if card is not None:
            sizes[card] = sizes.get(card, 0) + len(block.text)
        card_of.append(card)
    teasers = {c for c in cards if sizes.get(c, 0) <= limits.teaser_chars}
    # Only an article beside them makes cards teasers; on a listing they are the content.
    article = sum(
        len(b.text)
        for b, c, card in zip(blocks, concepts, card_of)
        if c is None and card not in teasers and b.link_density < limits.prose_link_density
        and len(b.text) >= limits.prose_chars and PUNCT.search(b.text)
    )
    return teasers if article >= limits.article_beside_teasers else set()


def _score_of(el: Any, total: float, vocabulary: Vocabulary, limits: ContainerThresholds) -> float:
    return total * _hint_bonus(el, vocabulary, limits) if total > 0 else total


def _best_total(body: Any, totals: dict[Any, float], vocabulary: Vocabulary, limits: ContainerThresholds) -> Any:
    """The element of highest score (total times its hint bonus); of equals, the one seen first.

    Elements are tried from the largest total down, and the search stops where
    even the largest bonus could not lift a total past the best score: most of
    a page's elements never have their class and id read.
    """
    elements, values = list(totals), list(totals.values())
    best, best_key = body, (float("-inf"), 0)
    for i in sorted(range(len(values)), key=values.__getitem__, reverse=True):
        total = values[i]
        # Sorted: no later total, even with the largest bonus (or none, when not positive), can win.
        ceiling = total * limits.main_bonus if total > 0 else total
        if ceiling < best_key[0]:
            break
        key = (_score_of(elements[i], total, vocabulary, limits), -i)
        if key > best_key:
            best, best_key = elements[i], key
    return best


def _best_holding(owner: Any, body: Any, totals: dict[Any, float], vocabulary: Vocabulary, limits: ContainerThresholds) -> Any:
    """Of ``owner`` and its ancestors up to ``body``, the one of highest score (the lowest of equals).

    The story's container holds the paragraph that opens it under its headline
    (:mod:`unboil.anchor`); a box elsewhere that scores higher (a profile, a column
    of quotes) is not the story.
    """
    best, best_score = owner, float("-inf")
    el = owner
    while el is not None:
        score = _score_of(el, totals.get(el, 0.0), vocabulary, limits)
        if score > best_score:
            best, best_score = el, score
        if el is body:
            break
        el = el.getparent()
    return best


def _subtree_sums(
    blocks: Sequence[RawBlock], body: Any, spans: Spans | None, values: list[float], plains: list[int]
) -> tuple[dict[Any, float], Callable[[Any], int]]:
    """Each element's total of its blocks' values, its elements in the order first met, and
    a reader of an element's plain text (0 for one holding no block).

    An element's blocks are those below it, and, for the elements above ``body``, the
    blocks ``body`` owns itself (its loose text climbs past it to the root).  A total is
    added up block by block in document order, as a walk up from each block would
    (floating-point sums depend on their order): the same number, for a slice of the
    list per element rather than a step per block and ancestor.  Plain text is asked
    of a few elements only: it is read from running sums when asked.
    """
    totals: dict[Any, float] = {}
    if spans is None:  # blocks out of document order: one walk up from each
        texts: dict[Any, int] = {}
        for block, value, plain in zip(blocks, values, plains):
            el = block.owner
            while el is not None:
                totals[el] = totals.get(el, 0.0) + value
                texts[el] = texts.get(el, 0) + plain
                el = None if el is body and el is not block.owner else el.getparent()
        return totals, lambda el: texts.get(el, 0)
    own = [k for k, block in enumerate(blocks) if block.owner is body]
    above = list(body.iterancestors()) if own else []
    # Elements met at the same block come one after another, each holding the one
    # before: the outer one's total goes on adding from where the inner one's stopped.
    first = end = -1
    total = 0.0
    for el, (lo, hi) in spans.items():
        if above and lo > own[0]:  # the elements above body are met at its first loose text
            totals.update(dict.fromkeys(above, reduce(add, [values[k] for k in own], 0.0)))
            above = []
        if lo != first or hi < end:
            total = reduce(add, values[lo:hi], 0.0)
        elif hi != end:
            total = reduce(add, values[end:hi], total)
        totals[el] = total
        first, end = lo, hi
    totals.update(dict.fromkeys(above, reduce(add, [values[k] for k in own], 0.0)))
    ends = list(accumulate(plains, initial=0))
    loose = sum(plains[k] for k in own)

    def plain_text(el: Any) -> int:
        span = spans.get(el)
        if span is None:
            return loose if own and el in totals else 0
        return ends[span[1]] - ends[span[0]]

    return totals, plain_text


def choose_container(
    body: Any,
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    options: Options,
    trace: Trace | None,
    as_index: bool = False,
    spans: Spans | None = None,
    headline: str | None = None,
) -> Container:
    """The element with the best total block value (see the module docstring).

    ``as_index`` reads the page as an index (headline-long links are its
    entries) even though it has some prose: the second look taken when the
    first choice holds too little (see :func:`unboil.score.score_blocks`).
    ``spans`` are the blocks' (see :func:`~unboil.blocks.segment`), found
    here when not given.  ``headline``, the title's key: a page whose headline opens
    prose in the body is an article (:func:`~unboil.anchor.story_anchor`), never an index.
    """
    vocabulary, limits = options.vocabulary, options.thresholds.container
    if spans is None:
        spans = block_spans(blocks, body)
    whole = spans.get(body) if spans is not None else None
    anchor = None if as_index else story_anchor(blocks, concepts, headline, limits)
    if anchor is not None and entries_follow(blocks, concepts, anchor[1], body, spans, limits):
        anchor = None  # the headline and intro head a listing
    story = None if anchor is None else story_box(blocks, anchor)
    opening = None if anchor is None else blocks[anchor[1]].owner
    index_page = as_index or not has_prose(blocks, concepts, body, limits, limits.index_prose_blocks, whole) and (
        # A story opened under its headline is no index, unless entries with fields are there too.
        anchor is None or has_entry_run(blocks, concepts, body, spans, limits)
    )
    teasers = _teaser_items(blocks, concepts, body, limits, spans)
    # Only a block inside some teaser may be inside one near enough to count.
    near = covered(spans, teasers, len(blocks)) if teasers and spans is not None else None
    labels = vocabulary.with_role("label")
    values = [block_value(block, concept, index_page, as_index, labels, limits) for block, concept in zip(blocks, concepts)]
    if teasers:
        for i, block in enumerate(blocks):
            if values[i] > 0 and (near is None or near[i]) and _card_of(block.owner, teasers, limits.teaser_depth, body) is not None:
                values[i] *= limits.teaser_weight
    # Text that argues for a run of items: link text only counts on index pages.
    plains = [0 if c is not None else len(b.text) if index_page else len(b.text) - b.link_chars for b, c in zip(blocks, concepts)]
    totals, texts = _subtree_sums(blocks, body, spans, values, plains)
    if not totals:
        return Container(body, False, spans, story, opening)
    best = _best_total(body, totals, vocabulary, limits)
    if trace is not None:
        trace.add("score", "chose", describe(best), "max-weight-subtree", _score_of(best, totals[best], vocabulary, limits))
    if anchor is not None and not is_inside(blocks[anchor[1]].owner, best):
        holding = _best_holding(blocks[anchor[1]].owner, body, totals, vocabulary, limits)
        score = _score_of(holding, totals[holding], vocabulary, limits)
        # A story that weighs far less than the winner is the page's intro to its content.
        if score >= limits.anchor_share * _score_of(best, totals[best], vocabulary, limits):
            best = holding
            if trace is not None:
                trace.add("score", "chose", describe(best), "holds-story-anchor", score)
    if options.favor == "recall" and not as_index:
        best = recall_widen(best, body, totals, options.thresholds.favor)
    elif options.favor == "precision" and not as_index:
        best = precision_narrow(best, totals, options.thresholds.favor)
    best, repeated = _climb_repeats(best, body, texts, totals, limits, trace)
    return Container(best, repeated or as_index, spans, story, opening)


def is_inside(el: Any, container: Any) -> bool:
    """Whether ``el`` is ``container`` or lies under it."""
    if el is container:
        return True
    for anc in el.iterancestors():
        if anc is container:
            return True
    return False


def has_prose(
    blocks: Sequence[RawBlock],
    concepts: Sequence[str | None],
    container: Any,
    limits: ContainerThresholds,
    enough: int,
    span: tuple[int, int] | None = None,
) -> bool:
    """Whether the container reads like an article (some real paragraphs).

    A shop category, a link hub or a product grid has no paragraph of prose;
    there the links *are* the content and link density must not drop them.
    Lines split by ``<br>`` count together, by the element that holds them.
    ``span``, the container's blocks' range (see :func:`block_spans`), saves
    asking of each block whether it is inside.
    """
    lo, hi = span if span is not None else (0, len(blocks))
    dense = limits.prose_link_density
    plain: dict[Any, int] = {}
    for block, concept in zip(blocks[lo:hi], concepts[lo:hi]):
        if concept is None and block.link_density < dense:
            owner = block.owner
            plain[owner] = plain.get(owner, 0) + len(block.text)
    prose = 0
    for owner, chars in plain.items():
        if chars >= limits.prose_block_chars and (span is not None or is_inside(owner, container)):
            prose += 1
            if prose >= enough:
                return True
    return False
