"""Every tuned number of the body pipeline, named, with what it decides.

The numbers were tuned on the development corpus; each says in a sentence what
it decides, so a reader can tell which one to question when a page goes
wrong.  They are grouped by the stage that reads them and reach every stage
through ``Options.thresholds``::

    strict = Thresholds(judge=JudgeThresholds(link_limits=(0.3, 0.45, 0.6)))
    unboil.extract(page, options=unboil.Options(thresholds=strict))

The metadata stage's numbers (how far a date may sit from the headline, how
long a title may be...) are named constants of the ``unboil.metadata`` modules:
they decide fields, not what text is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ConceptThresholds",
    "ContainerThresholds",
    "DEFAULT_THRESHOLDS",
    "FallbackThresholds",
    "FavorThresholds",
    "JudgeThresholds",
    "PageTypeThresholds",
    "PruneThresholds",
    "Thresholds",
]


@dataclass(frozen=True)
class PruneThresholds:
    """What the prune stage removes before anything is scored (:mod:`unboil.prune`)."""

    control_max_text: int = 200
    """A control (button, label, select...) holding more text than this wraps content (an
    unclosed ``<button>`` around the page): it is unwrapped, not dropped."""
    noscript_max_text: int = 100
    """A ``<noscript>`` holding elements and more text than this is the server-rendered page."""
    protect_share: float = 0.4
    """An element named like boilerplate that holds more than this share of the page's text
    is the article's wrapper (``<body class="has-sidebar">``): kept."""
    hidden_share: float = 0.6
    """A hidden element that holds more of the page's text than this is the article itself,
    hidden until a script shows it."""
    slug_words: int = 4
    """An id of this many plain words or more is its heading's slug, not a name for a kind of box."""
    copy_sample_chars: int = 80
    """A hidden element's longest run of text must be this long to tell it is a copy of text
    shown elsewhere (then it goes, even where it claims to be the article)."""
    standfirst_chars: int = 120
    """A paragraph of this much unlinked text in a ``<header>`` is the story's standfirst: the
    header belongs to the article."""


@dataclass(frozen=True)
class ConceptThresholds:
    """How blocks are labelled with the vocabulary's concepts (:mod:`unboil.concepts`)."""

    appeal_paragraph: int = 700
    """A paragraph up to this long that ends in an appeal is the appeal's box, run together."""
    ladder_run: int = 3
    """Bare amounts in a row from which they are a donation ladder or progress bar, not a price."""
    ladder_amount_chars: int = 24
    """The longest block that can be one bare amount of a ladder."""


@dataclass(frozen=True)
class ContainerThresholds:
    """How the article's container is chosen (:mod:`unboil.container`)."""

    boilerplate_floor: float = 40.0
    """A block of a boilerplate concept counts against its ancestors at least this much."""
    index_link_chars: int = 25
    """Average characters per link from which a link-dense block reads as an index entry."""
    short_entry_chars: int = 8
    """On the second look at a weak page, a linked line this long is an entry (a category of short names)."""
    index_entry_weight: float = 0.2
    """What an index entry's characters count for its container, on an index page."""
    link_block_density: float = 0.5
    """Link density above which a block is a list of links, not text."""
    heading_value: float = 5.0
    """What a heading counts for its ancestors, whatever its length."""
    code_weight: float = 0.6
    """What a character of code counts, against one of prose."""
    prose_chars: int = 60
    """A punctuated block this long is prose, at full weight."""
    short_line_weight: float = 0.25
    """What a character of a short or unpunctuated line counts, against one of prose."""
    short_line_cost: float = 4.0
    """What a short line costs its ancestors besides: a run of them is a menu or a form."""
    main_bonus: float = 1.15
    """Score factor of an ``<article>``, ``<main>`` or ``articleBody`` element (the largest bonus)."""
    content_class_bonus: float = 0.08
    """Score factor added for a class or id that names content ("entry-content")."""
    boilerplate_class_malus: float = 0.2
    """Score factor taken off for a class or id that names boilerplate ("sidebar")."""
    article_chars: int = 300
    """Plain text from which a winning element reads as an article, not one entry of a list."""
    run_items: int = 3
    """Siblings built alike from which they are a run of items (a listing, a thread's posts)."""
    run_levels: int = 4
    """Levels above the winner searched for a run of items."""
    run_text_ratio: float = 2.0
    """The run must hold this many times the winner's text to be taken instead of it."""
    dominating_share: float = 0.75
    """One box holding this share of a run's other text makes it layout rows, not items."""
    teaser_depth: int = 4
    """Levels above a block's owner searched for the card that holds it."""
    teaser_link_density: float = 0.6
    """Link density from which a block can head a teaser card (its linked headline)."""
    teaser_head_chars: int = 15
    """The shortest linked headline of a teaser card."""
    teaser_weight: float = 0.3
    """What a teaser card's prose counts, against the article's own."""
    teaser_chars: int = 600
    """A card with more text than this is an article section, not a teaser."""
    article_beside_teasers: int = 800
    """Prose outside the cards from which the page reads as an article beside teasers."""
    prose_block_chars: int = 150
    """Unlinked text of one element from which it is a paragraph of prose."""
    prose_link_density: float = 0.3
    """Link density below which a block's text is the page's own, not links."""
    index_prose_blocks: int = 3
    """Paragraphs of prose below which the whole page reads as an index of links."""
    anchor_title_words: int = 3
    """A heading holding the headline, or held by it, names the story from this many words (not a label)."""
    anchor_prose_chars: int = 100
    """A punctuated paragraph this long after the headline opens the story (the page is an article)."""
    anchor_share: float = 0.3
    """The story's best container must score this share of the winner's to be taken instead
    (far less: the winner is the page's content, the story an intro to it)."""
    entry_depth: int = 6
    """Levels above a linked name searched for the entry that holds it (a card of a listing)."""
    anchor_lookahead: int = 6
    """Blocks after the headline searched for that paragraph (past a byline, a date, a caption)."""
    entry_gap: int = 8
    """Blocks after that paragraph in which a run of entries makes the headline and intro a listing's head."""
    card_blocks: int = 20
    """The most blocks an entry of such a run holds (more: a section of the page, a sidebar's widget)."""


@dataclass(frozen=True)
class JudgeThresholds:
    """How each block inside the container is kept or dropped (:mod:`unboil.judge`)."""

    link_limits: tuple[float, float, float] = (0.45, 0.6, 0.8)
    """Link density above which a block is dropped, for ``favor`` precision, balanced, recall."""
    article_prose_blocks: int = 2
    """Paragraphs of prose below which the container is a listing: link density drops nothing."""
    wordless_chars: int = 3
    """A line this short with no letter or digit (an icon arrow, a bullet) says nothing: it goes."""
    box_chars: int = 700
    """An appeal's box holds at most this much text; a larger ancestor is the article."""
    appeal_share: float = 0.15
    """The appeal's share of its box's text below which the box is more than the appeal."""
    byline_blocks: int = 3
    """Kept blocks before which a byline, a date or a reading time is the page's, not the story's."""
    byline_chars: int = 80
    """The longest block read as a byline."""
    date_line_chars: int = 60
    """The longest block read as a line that is little more than a date."""
    date_line_words: int = 4
    """Words of four letters or more a date line may hold besides the date."""
    cut_after_blocks: int = 2
    """Kept blocks before which a "Related" or "Comments" heading cuts nothing (it is the page's)."""
    section_heading_links: float = 0.5
    """Link density below which a heading of the cut's rank opens the article's next section."""
    label_cut_chars: int = 40
    """The longest "Related"/"Comments" line, not a heading, that cuts the box it opens like a heading."""
    reply_lookahead: int = 11
    """Blocks after a "12 Replies" heading searched for the first reply."""
    reply_chars: int = 40
    """The shortest paragraph taken as that first reply."""


@dataclass(frozen=True)
class FavorThresholds:
    """What ``Options.favor`` changes besides the link limit (:mod:`unboil.favor`)."""

    precision_link_density: float = 0.3
    """In precision mode a block with more of its text in links than this goes."""
    precision_line_chars: int = 40
    """In precision mode a line shorter than this without sentence punctuation goes (a label, a name)."""
    precision_tail_prose: int = 80
    """The shortest paragraph of prose that can end the story; what precision mode keeps after the last goes."""
    precision_core: float = 0.6
    """In precision mode the container narrows to a child that holds this share of its total (its core)."""
    recall_levels: int = 1
    """In recall mode the container grows by at most this many levels."""
    recall_keep: float = 0.5
    """... to a parent whose total is at least this share of the container's (what it adds is no boilerplate)."""


@dataclass(frozen=True)
class FallbackThresholds:
    """When the first reading is weak and another is taken (:mod:`unboil.score`, :mod:`unboil.extract`)."""

    index_retry_chars: int = 600
    """Below this much kept text (and fewer than two paragraphs) the page is looked at again as an index."""
    index_retry_paragraphs: int = 2
    """Kept paragraphs from which the reading is a short article, never an index, however short."""
    index_retry_paragraph: int = 100
    """The shortest kept paragraph (with few links) counted as one of those."""
    index_min_chars: int = 500
    """The index reading must find at least this much text to be preferred."""
    index_gain: float = 3.0
    """... and this many times the first reading's."""
    anchored_index_gain: float = 20.0
    """... this many times, when the first reading is a story under its headline (:mod:`unboil.anchor`)
    or the page type's model reads the page as an article (a photo post, a post under a linked or
    reworded headline): a short post beside a sidebar of links holds more than a tenth of them, a
    listing's intro far less."""
    weak_chars: int = 250
    """Below this much kept text the first reading is weak: relaxed passes, then readability, are tried."""
    relaxed_gain: float = 1.5
    """A relaxed pass must find this many times the text ..."""
    relaxed_margin: int = 50
    """... plus this many characters, to be taken (not a few hidden words more)."""
    readability_gain: float = 1.5
    """readability-lxml's reading must find this many times the text ..."""
    readability_margin: int = 100
    """... and this many characters more, to be taken."""
    readability_reserve: float = 0.75
    """CPU seconds of budget readability needs left to be asked (it cannot be stopped midway
    and takes up to a second on a page of ``max_elements``): a weak article beats a timeout."""
    description_chars: int = 80
    """A page without any text gets its description as its body from this length (not a bare slogan)."""


@dataclass(frozen=True)
class PageTypeThresholds:
    """How the scorer follows the page's type (:mod:`unboil.pagetype.follow`)."""

    follow_confidence: float = 0.0
    """The model's probability for the page's type from which the scorer follows it (1.0: never).
    0 by default: on wcxb-dev following every listing's type gained more on the unsure pages
    (listings 0.650 on the check half, against 0.620 from 0.45 and 0.614 from 0.6) than it cost."""
    index_gain: float = 1.5
    """On a listing or a collection the reading as an index is tried whatever the first
    reading kept, and taken when it finds this many times the text (its entries are the
    page's content; the intro or the one teaser the first reading chose is not)."""
    index_paragraphs: int = 4
    """... unless the first reading holds this many real paragraphs: an article beside a
    run of teaser cards is read as an article whatever its type was taken for."""
    thread_retry_chars: int = 3000
    """On a forum thread, a reading shorter than this (the first post alone, a cookie box) is
    done again with the comments kept, as forum software marks its replies up as comments."""
    thread_gain: float = 1.5
    """... and that reading is taken when it finds this many times the text (the replies)."""
    post_control_chars: int = 30
    """On a thread, a line this short written alike in several posts is the forum's control
    or label ("Link to comment", "Quote", "Author"), not a poster's text ..."""
    post_control_repeats: int = 3
    """... when it is written this many times in the reading (a poster's own line is written once)."""


@dataclass(frozen=True)
class Thresholds:
    """The tuned numbers of every body stage, one group per stage."""

    prune: PruneThresholds = field(default_factory=PruneThresholds)
    concepts: ConceptThresholds = field(default_factory=ConceptThresholds)
    container: ContainerThresholds = field(default_factory=ContainerThresholds)
    judge: JudgeThresholds = field(default_factory=JudgeThresholds)
    favor: FavorThresholds = field(default_factory=FavorThresholds)
    fallback: FallbackThresholds = field(default_factory=FallbackThresholds)
    page_type: PageTypeThresholds = field(default_factory=PageTypeThresholds)


DEFAULT_THRESHOLDS = Thresholds()
