"""One frozen object that carries every setting down the pipeline.

Stages receive the same :class:`Options` instance instead of a growing list of
keyword arguments, and nothing is kept in module-level state, so two calls with
the same input and options always give the same result, whatever ran before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Literal, get_args

from .thresholds import DEFAULT_THRESHOLDS, Thresholds
from .vocabulary import DEFAULT_VOCABULARY, Vocabulary

if TYPE_CHECKING:
    from .templates.model import SiteTemplate

__all__ = ["Options", "Favor"]

Favor = Literal["precision", "balanced", "recall"]

MAX_DEPTH_CEILING = 400
"""The deepest ``max_depth`` allowed: segmentation recurses up to twice per level,
and 800 frames stay inside Python's default recursion limit of 1,000."""


@dataclass(frozen=True)
class Options:
    """Settings for one extraction.

    ``favor`` moves the keep/drop threshold of the block scorer: ``precision``
    drops doubtful blocks, ``recall`` keeps them.  ``vocabulary`` is the
    boilerplate vocabulary: load an edited copy of its data file with
    :meth:`Vocabulary.load`, or change it with :meth:`Vocabulary.extend` and
    :meth:`Vocabulary.without`.  A concept's ``kept_by`` names one of the flags
    here (``include_comments``), which keeps that concept's blocks.
    ``thresholds`` holds every tuned number of the body stages, named
    (:mod:`unboil.thresholds`).
    """

    favor: Favor = "balanced"
    vocabulary: Vocabulary = field(default=DEFAULT_VOCABULARY)
    include_comments: bool = False
    include_tables: bool = True
    include_images: bool = False
    use_readability: bool = True
    """Ask readability-lxml for a second opinion when our own choice is weak."""
    max_bytes: int = 50_000_000
    """Larger inputs raise :class:`~unboil.errors.PageTooLargeError`, unread and unparsed."""
    max_elements: int = 20_000
    """Elements past this count, in document order, are cut right after parsing
    (and text far past it is not parsed at all): the rest of the page is ignored.
    Every later stage costs time per element, so this is what bounds a page of
    200,000 paragraphs.  The largest page of the development corpus has 16,000."""
    max_depth: int = 200
    """Subtrees nested deeper than this are dropped right after parsing, so no
    stage recurses deeper (at most 400; libxml2 itself stops at 2,048 levels)."""
    max_attributes: int = 1_000
    """Attributes of one element past this are dropped before parsing: libxml2 compares each
    new attribute with all the earlier ones, so 70,000 on one ``<div>`` cost 13 s.  The
    development corpus has at most 151 on an element (:mod:`unboil.scan`)."""
    max_tag_bytes: int = 2_000_000
    """A start tag longer than this keeps only the attributes that fit, so a megabyte-long
    ``class`` or inline image never reaches the stages that match attribute values.  The
    corpus's longest tag is 1.3 MB (an inline image)."""
    max_text_bytes: int = 10_000_000
    """A run of text longer than this (one text node) is truncated before parsing, so no block
    handed to the vocabulary's patterns is longer.  The corpus's longest is 3.4 MB."""
    max_open_elements: int = 1_000
    """Start tags that would open an element this deep or deeper are removed (their text
    stays), with the end tags that close nothing, on a page whose stray end tags could cost
    libxml2 dear (each is a walk through all open elements) or that libxml2 stopped reading
    at 2,047 open elements (it then loses the rest of the page).  Above the ``max_depth``
    ceiling, so this cut never reaches text that ``max_depth`` keeps."""
    time_budget: float | None = 1.5
    """CPU seconds (of the extracting thread) one page may use before
    :class:`~unboil.errors.ExtractionTimeout`; ``None`` for no limit.  Checked
    between stages and inside the per-block loop, so a page stops within a
    stage's length of it.  Parsing cannot be interrupted, so the markup is bounded
    before it (:mod:`unboil.scan`): no page costs more than ``time_budget`` + 0.5 s
    of CPU in ``extract`` (on the generated hostile pages, at most 0.12 s past the
    budget; at the default settings none uses more than 0.7 s in all).
    CPU time, not wall time, so a loaded machine does not time out good pages."""
    with_metadata: bool = True
    """Read the title, dates, authors and the other metadata; False: the body only, faster."""
    thresholds: Thresholds = field(default=DEFAULT_THRESHOLDS)
    site_template: "SiteTemplate | None" = None
    """What the page's site repeats on its pages (:class:`unboil.SiteTemplate`, learned by
    :func:`unboil.learn_templates` or ``unboil clean``): evidence against the blocks it matches."""

    types: frozenset[str] | None = None
    """The page types to keep (``Article.page_type``: ``article``, ``forum``...); a page of
    another type comes back without blocks, its ``empty_reason`` naming its type.  None: all."""

    def __post_init__(self) -> None:
        if self.favor not in get_args(Favor):
            raise ValueError(f"Options.favor must be one of {get_args(Favor)}, not {self.favor!r}")
        for name in ("max_bytes", "max_elements", "max_depth", "max_attributes", "max_tag_bytes", "max_text_bytes", "max_open_elements"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Options.{name} must be a positive int, not {value!r}")
        if self.max_depth > MAX_DEPTH_CEILING:
            raise ValueError(f"Options.max_depth must be at most {MAX_DEPTH_CEILING}, not {self.max_depth}")
        budget = self.time_budget
        if budget is not None and (isinstance(budget, bool) or not isinstance(budget, (int, float)) or not budget > 0):
            raise ValueError(f"Options.time_budget must be a positive number of seconds or None, not {budget!r}")
        if self.site_template is not None:
            from .templates.model import SiteTemplate

            if not isinstance(self.site_template, SiteTemplate):
                raise ValueError(f"Options.site_template must be a SiteTemplate or None, not {type(self.site_template).__name__}")
        if self.types is not None:
            from .pagetype.model import PAGE_TYPES

            if isinstance(self.types, str) or not set(self.types) <= set(PAGE_TYPES):
                raise ValueError(f"Options.types must be a set of page types out of {PAGE_TYPES} or None, not {self.types!r}")
            object.__setattr__(self, "types", frozenset(self.types))
        flags = {f.name for f in fields(self) if f.type in ("bool", bool)}
        for option in self.vocabulary.kept_by:
            if option not in flags:
                raise ValueError(f"a vocabulary concept is kept_by {option!r}, which is no Options flag (one of {sorted(flags)})")

    @property
    def kept_concepts(self) -> frozenset[str]:
        """Boilerplate concepts the caller asked to keep: those whose ``kept_by`` flag is set
        (comments and shop reviews with ``include_comments``, captions with ``include_images``)."""
        return frozenset(name for option, names in self.vocabulary.kept_by.items() if getattr(self, option) for name in names)

    def but(self, **changes: object) -> "Options":
        """A copy with some fields changed (frozen objects are never mutated)."""
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_OPTIONS = Options()
