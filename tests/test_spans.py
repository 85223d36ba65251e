"""The scorer reads a subtree's blocks as a range of the block list (issue 10's speed work):
it must add up exactly what a walk up from every block adds up, in the same order."""

from __future__ import annotations

import random
from typing import Any

from lxml import etree

from unboil.blocks import segment
from unboil.container import _subtree_sums, block_spans, choose_container
from unboil.options import DEFAULT_OPTIONS

_PROSE = "A sentence of prose that goes on, with commas, and ends with a stop. " * 3
_LINKS = "".join(f'<li><a href="/{i}">Entry number {i} of a list</a></li>' for i in range(6))
_PARTS = [
    _PROSE, "Loose line", "<ul>" + _LINKS + "</ul>", "<div><p>" + _PROSE + "</p><p>Short.</p></div>",
    "<h2>A heading</h2>", "<section><div><span>inline <b>bold</b><p>" + _PROSE + "</p></span></div></section>",
    "<table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr><caption>Cap</caption></table>",
    "<blockquote>" + _PROSE + "<br>second line</blockquote>", "<pre>code\n  more</pre>",
]


def _pages(count: int) -> list[str]:
    rng = random.Random(10)
    return ["<html><body>" + "".join(rng.choice(_PARTS) for _ in range(rng.randint(1, 8))) + "</body></html>" for _ in range(count)]


def _walked(blocks: Any, body: Any, values: list[float], plains: list[int]) -> tuple[dict[Any, float], dict[Any, int]]:
    """The reference: every block adds its value to its owner and each ancestor up to
    ``body`` (past it, to the root, for the text ``body`` owns itself), in document order."""
    totals: dict[Any, float] = {}
    texts: dict[Any, int] = {}
    for block, value, plain in zip(blocks, values, plains):
        chain = [block.owner]
        for anc in block.owner.iterancestors():
            chain.append(anc)
            if anc is body:
                break
        for el in chain:
            totals[el] = totals.get(el, 0.0) + value
            texts[el] = texts.get(el, 0) + plain
    return totals, texts


def test_segment_spans_are_the_blocks_ranges_and_subtree_sums_match_a_walk() -> None:
    rng = random.Random(3)
    for page in _pages(150):
        body = etree.fromstring(page, etree.HTMLParser()).find("body")
        blocks, spans = segment(body)
        assert spans is not None and spans == block_spans(blocks, body) and list(spans) == list(block_spans(blocks, body) or ())
        values = [rng.uniform(-50, 50) * rng.choice((1.0, 1e-3, 1e4)) for _ in blocks]
        plains = [rng.randint(0, 99) for _ in blocks]
        expected, texts = _walked(blocks, body, values, plains)
        for given in (spans, None):
            totals, plain_text = _subtree_sums(blocks, body, given, values, plains)
            assert list(totals.items()) == list(expected.items())  # same floats, same order
            assert all(plain_text(el) == n for el, n in texts.items())


def test_loose_text_of_the_body_counts_for_the_elements_above_it() -> None:
    # The body's own text climbs past it: <html> holds only that text, and can win.
    page = "<html><body>" + _PROSE + "<ul>" + _LINKS * 3 + "</ul>" + _PROSE + "</body></html>"
    body = etree.fromstring(page, etree.HTMLParser()).find("body")
    blocks, spans = segment(body)
    concepts: list[str | None] = [None] * len(blocks)
    chosen = choose_container(body, blocks, concepts, DEFAULT_OPTIONS, None, spans=spans)
    assert chosen.element.tag == "html"
    assert choose_container(body, blocks, concepts, DEFAULT_OPTIONS, None).element is chosen.element
