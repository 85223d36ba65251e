"""A site template as evidence in the scorer.

The blocks a template matches get the ``site_template`` concept, which the
judge weighs like the vocabulary's concepts: a matched block inside the
article's container is dropped (``site_template:text`` in the trace), and a
box a person named in the template (``selectors``) goes whole.  Three things
keep that evidence from being a blind filter:

- the container is chosen as without a template: on the development corpus,
  letting repeated lines argue against their box moved the choice off a
  shop's item box onto a teaser card more often than it helped;
- a repeated heading, or a label ("Weight:"), followed by a line of the
  page's own is a manual's or a shop's structure ("Parameters",
  "Specifications"), not chrome: it stays and is judged with the rest.  Not
  when that line is mostly links, outside an index page: "Don't miss",
  "Popular posts" over the site's teasers are the chrome of a news site;
- a page whose kept text would shrink below :data:`TEMPLATE_KEEP_SHARE` of what
  it keeps without the template is a page whose content *is* the site's
  repeated lines (a listing's fixed fields): the template is overruled there.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..blocks import RawBlock
from ..hints import PageHints
from ..options import Options
from ..pagetype.follow import INDEX_TYPES
from ..score import choose_container, score_blocks
from ..trace import Trace
from .keys import line_key
from .model import SiteTemplate

__all__ = ["LABEL_CHARS", "TEMPLATE_CONCEPT", "TEMPLATE_KEEP_SHARE", "score_with_template", "template_concepts"]

TEMPLATE_CONCEPT = "site_template"
"""The concept name of what a site template matches (trace reasons read ``site_template:text``)."""
LABEL_CHARS = 60
"""A repeated line up to this long that ends in a colon is a field's label ("Condition:")."""
TEMPLATE_KEEP_SHARE = 0.3
"""A template that would leave less than this share of the text the page keeps without it is
overruled on that page: an article never repeats, so a page made mostly of its site's lines
has those lines for content (a listing's fixed fields).  Tuned on the tune half of the dev
corpus's site folders (0.3, 0.5 and 0.7 tried: 0.3 best there, the check half alike)."""


def _in_boxes(owner: Any, boxes: set[Any]) -> bool:
    el = owner
    while el is not None:
        if el in boxes:
            return True
        el = el.getparent()
    return False


def template_concepts(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], template: SiteTemplate, body: Any,
    page_type: str | None = None, prose_link_density: float = 1.0,
) -> list[str | None]:
    """``concepts`` with the template's evidence added (a block the vocabulary named keeps its concept);
    ``page_type`` is the type the scorer follows, and a line a label introduces counts as the page's
    own only below ``prose_link_density`` (see the module docstring)."""
    keys = template.keys
    hits = [b.kind != "code" and line_key(b.text) in keys for b in blocks]
    boxes = set(body.xpath(template.xpath)) if template.xpath else set()
    out = list(concepts)
    for i, block in enumerate(blocks):
        if out[i] is not None:
            continue
        if boxes and _in_boxes(block.owner, boxes):
            out[i] = TEMPLATE_CONCEPT
        elif hits[i] and not _introduces_own_line(blocks, concepts, hits, i, page_type, prose_link_density):
            out[i] = TEMPLATE_CONCEPT
    return out


def _introduces_own_line(
    blocks: Sequence[RawBlock], concepts: Sequence[str | None], hits: Sequence[bool], i: int, page_type: str | None,
    prose_link_density: float,
) -> bool:
    """Whether repeated block ``i`` is a heading or a label followed by a line of the page's own."""
    block = blocks[i]
    if block.kind != "heading" and not (len(block.text) <= LABEL_CHARS and block.text.endswith(":")):
        return False
    j = i + 1
    if j >= len(blocks) or hits[j] or concepts[j] is not None:
        return False
    return page_type in INDEX_TYPES or blocks[j].link_density < prose_link_density


def score_with_template(
    body: Any, blocks: Sequence[RawBlock], concepts: Sequence[str | None], hints: PageHints, options: Options, trace: Trace | None,
    spans: Any = None, page_type: str | None = None,
) -> tuple[list[RawBlock], int]:
    """The kept blocks, the judge reading the template's evidence unless it would eat the page (see the
    module docstring); and the characters the page keeps without the template, which decide whether
    extraction looks further (a relaxed pass, a second opinion) as they would without it."""
    assert options.site_template is not None
    density = options.thresholds.container.prose_link_density
    evidence = template_concepts(blocks, concepts, options.site_template, body, page_type, density)
    if evidence == list(concepts):
        kept = score_blocks(body, blocks, concepts, hints, options, trace, spans, page_type=page_type)
        return kept, sum(len(b.text) for b in kept)
    container = choose_container(body, blocks, concepts, options, trace, spans=spans, headline=hints.title_key)
    plain_trace, template_trace = (trace.fork(), trace.fork()) if trace is not None else (None, None)
    plain = score_blocks(body, blocks, concepts, hints, options, plain_trace, spans, container=container, page_type=page_type)
    kept = score_blocks(body, blocks, concepts, hints, options, template_trace, spans, judged_concepts=evidence, container=container, page_type=page_type)
    plain_chars, kept_chars = sum(len(b.text) for b in plain), sum(len(b.text) for b in kept)
    overruled = kept_chars < TEMPLATE_KEEP_SHARE * plain_chars
    if trace is not None:
        chosen = plain_trace if overruled else template_trace
        assert chosen is not None
        trace.decisions.extend(chosen.decisions)
        if overruled:
            trace.add("score", "note", f"site template overruled: it keeps {kept_chars} of {plain_chars} chars", "site-template")
    return (plain if overruled else kept), plain_chars
