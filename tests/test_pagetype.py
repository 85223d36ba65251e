"""The page-type stage (``Article.page_type``), its outputs, ``Options.types`` and the training script.

Every page here is written for the test; none is copied from the corpus.  Each
type's page carries the signals a real page of that type has (its markup's
declarations, its build, its address), never one site's wording.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import unboil
from unboil import Options
from unboil.bench.train_pagetype import predict, train
from unboil.pagetype import PAGE_TYPES, TYPES, block_features, class_features, tree_features
from unboil.pagetype.model import DEFAULT_WEIGHTS, Model, default_model
from unboil.thresholds import PageTypeThresholds, Thresholds

PROSE = (
    "The committee met on Tuesday to review the proposal, and after a long debate it decided, "
    "with a narrow majority, to send the text back to the drafting group for another round."
)


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _ld(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


ARTICLE = _page(
    "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
    "<article><h1>The council sends the harbour plan back for another round</h1>"
    "<p class='byline'>By Ann Author</p><time datetime='2024-05-01'>May 1, 2024</time>"
    + "".join(f"<p>{PROSE} Paragraph {i} adds its own detail on the vote and on what comes next.</p>" for i in range(8))
    + "</article>",
    "<meta property='og:type' content='article'><meta property='article:published_time' content='2024-05-01'>"
    + _ld({"@type": "NewsArticle", "headline": "The council sends the harbour plan back", "datePublished": "2024-05-01", "author": {"@type": "Person", "name": "Ann Author"}}),
)
ARTICLE_URL = "https://news.example.com/2024/05/01/council-sends-harbour-plan-back-for-another-round"


def _post(i: int) -> str:
    return (
        f"<div class='message post' id='post-{i}'><div class='message-user'><a class='username' href='/members/u{i}'>member{i}</a>"
        f"<div class='user-title'>Well-known member</div><dl><dt>Joined</dt><dd>Mar 3, 2019</dd><dt>Messages</dt><dd>{100 + i}</dd></dl></div>"
        f"<div class='message-content'><time datetime='2024-02-0{i + 1}'>Feb {i + 1}, 2024</time>"
        f"<div class='message-body'>Reply number {i}: I had the same trouble with the valve last winter and bled the radiator twice before it stopped.</div>"
        f"<div class='message-signature'>Sent from my phone</div><a class='reply' href='/reply?q={i}'>Reply</a></div></div>"
    )


FORUM = _page(
    "<nav><a href='/forums'>Forums</a> <a href='/forums/heating'>Heating</a></nav>"
    "<h1>Radiator bangs every morning</h1>" + "".join(_post(i) for i in range(7)),
    "<meta property='og:type' content='website'>"
    + _ld({"@type": "DiscussionForumPosting", "headline": "Radiator bangs every morning", "commentCount": 6}),
)
FORUM_URL = "https://talk.example.org/threads/radiator-bangs-every-morning.12345/"


PRODUCT = _page(
    "<nav><a href='/'>Shop</a> <a href='/collections/kettles'>Kettles</a></nav>"
    "<div class='product'><h1>Stovetop Kettle, 2 litres</h1><div class='price'>$49.99</div>"
    "<form class='cart'><select name='color'><option>Red</option><option>Blue</option></select>"
    "<input type='number' name='qty' value='1'><button class='btn add-to-cart'>Add to cart</button></form>"
    f"<div class='product-description'><p>{PROSE}</p></div>"
    "<table class='specs'><tr><th>Capacity</th><td>2 l</td></tr><tr><th>Weight</th><td>1.1 kg</td></tr><tr><th>Material</th><td>Steel</td></tr></table>"
    "<div class='reviews'><h2>Reviews</h2><div class='review'><div class='rating'>5</div><p>Boils fast.</p></div></div></div>",
    "<meta property='og:type' content='product'><meta property='product:price:amount' content='49.99'>"
    + _ld({"@type": "Product", "name": "Stovetop Kettle", "sku": "K-2", "offers": {"@type": "Offer", "price": "49.99"}}),
)
PRODUCT_URL = "https://shop.example.com/products/stovetop-kettle-2-litres"


DOCS = _page(
    "<nav class='docs-sidebar'><ul>" + "".join(f"<li><a href='/docs/guide/p{i}'>Page {i}</a></li>" for i in range(15)) + "</ul></nav>"
    "<main><h1>Installing the client</h1><p>Install the client with the package manager, then check that it runs.</p>"
    "<pre><code>pip install example-client\nexample --version</code></pre>"
    "<h2>Configuration</h2><p>The client reads its settings from a file in your home folder.</p>"
    "<pre><code>[client]\nserver = https://api.example.com\ntimeout = 30</code></pre>"
    "<table><tr><th>Option</th><th>Default</th></tr><tr><td><code>timeout</code></td><td>30</td></tr><tr><td><code>retries</code></td><td>3</td></tr></table>"
    "<pre><code>example login --token $TOKEN</code></pre></main>"
    "<nav class='toc'><a href='#configuration'>Configuration</a></nav>",
)
DOCS_URL = "https://docs.example.dev/docs/guide/installing-the-client/"


def _entry(i: int) -> str:
    return (
        f"<article class='post-card'><h2><a href='/blog/story-number-{i}-of-the-week'>A story worth reading this week, number {i}</a></h2>"
        f"<time datetime='2024-03-{i + 1:02d}'>March {i + 1}, 2024</time>"
        f"<p class='excerpt'>The lead of story {i} sums it up in a sentence, with some detail, as leads do on an index.</p></article>"
    )


LISTING = _page(
    "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav><main><h1>Blog</h1>"
    + "".join(_entry(i) for i in range(12))
    + "<div class='pagination'><a href='/blog/page/2'>2</a> <a href='/blog/page/3'>3</a> <a href='/blog/page/2'>Next</a></div></main>",
    "<link rel='next' href='/blog/page/2'>" + _ld({"@type": "CollectionPage", "name": "Blog"}),
)
LISTING_URL = "https://www.example.com/blog/"


def _card(i: int) -> str:
    return (
        f"<li class='product-card grid-item'><a href='/products/mug-{i}'><img src='/m{i}.jpg' alt=''>"
        f"<h3 class='product-title'>Stoneware mug in colour {i}</h3></a><span class='price'>${12 + i}.00</span>"
        f"<button class='btn quick-add'>Add to cart</button></li>"
    )


COLLECTION = _page(
    "<nav><a href='/'>Shop</a></nav><h1>Mugs</h1>"
    "<div class='filters facet'><select name='sort'><option>Sort by</option></select><input type='checkbox' name='colour'></div>"
    "<ul class='product-grid'>" + "".join(_card(i) for i in range(16)) + "</ul>",
    "<meta property='og:type' content='website'>" + _ld({"@type": "ItemList", "itemListElement": []}),
)
COLLECTION_URL = "https://shop.example.com/collections/mugs"


SERVICE = _page(
    "<nav><a href='/'>Home</a> <a href='/services'>Services</a> <a href='/contact'>Contact</a></nav>"
    "<section class='hero'><h1>Bookkeeping for small firms</h1><p>We keep your books in order so you can run your business.</p>"
    "<a class='btn cta' href='/contact'>Get a quote</a></section>"
    + "".join(
        f"<section class='service'><h2>What we do, part {i}</h2><p>Our team handles part {i} of the monthly work for you, on time and in plain words.</p></section>"
        for i in range(5)
    )
    + "<section class='testimonial'><p>They saved us hours every month.</p></section><a class='btn cta' href='/contact'>Book a call</a>",
    _ld({"@type": "ProfessionalService", "name": "Example Books"}),
)
SERVICE_URL = "https://www.example-books.com/services/bookkeeping"


CASES = [
    ("article", ARTICLE, ARTICLE_URL),
    ("forum", FORUM, FORUM_URL),
    ("product", PRODUCT, PRODUCT_URL),
    ("documentation", DOCS, DOCS_URL),
    ("listing", LISTING, LISTING_URL),
    ("collection", COLLECTION, COLLECTION_URL),
    ("service", SERVICE, SERVICE_URL),
]


@pytest.mark.parametrize("expected, page, url", CASES, ids=[c[0] for c in CASES])
def test_each_type_is_told_from_its_signals(expected: str, page: str, url: str) -> None:
    assert unboil.extract(page, url).page_type == expected


def test_an_article_saved_without_its_address_is_still_an_article() -> None:
    """No url, canonical or og:url: the address's features argue for no type."""
    assert unboil.extract(ARTICLE).page_type == "article"


def test_a_page_without_text_is_other() -> None:
    article = unboil.extract(_page("<script>app()</script>"))
    assert article.page_type == "other" and not article.blocks


def test_the_trace_gives_the_evidence() -> None:
    _, trace = unboil.extract(FORUM, FORUM_URL, trace=True)
    [decision] = trace.by_stage("pagetype")
    assert decision.action == "chose" and decision.what.startswith("forum (")
    assert decision.why and all(part.rsplit(" ", 1)[1].startswith("+") for part in decision.why.split(", "))


def test_options_types_keeps_only_the_types_asked_for() -> None:
    kept = unboil.extract(ARTICLE, ARTICLE_URL, options=Options(types=frozenset({"article", "forum"})))
    assert kept.page_type == "article" and "harbour" not in kept.text and PROSE in kept.text
    left = unboil.extract(LISTING, LISTING_URL, options=Options(types=frozenset({"article", "forum"})))
    assert left.page_type == "listing" and not left.blocks and left.empty_reason == "page type listing not kept"


@pytest.mark.parametrize("bad", ["article", {"article", "news"}, ["essay"]])
def test_options_types_refuses_unknown_types_and_a_bare_string(bad: object) -> None:
    with pytest.raises(ValueError):
        Options(types=bad)  # type: ignore[arg-type]


def test_page_type_reaches_every_data_format() -> None:
    """JSON (and jsonl), XML and TEI carry it; html and md are inert renderings of the text
    (plain tags, no raw HTML: tests/test_hostile.py), which no attribute or comment may break."""
    article = unboil.extract(FORUM, FORUM_URL)
    assert article.to_dict()["page_type"] == "forum"
    assert unboil.Article.from_json(article.to_json()) == article
    assert "<page_type>forum</page_type>" in article.to_xml()
    assert '<keywords scheme="unboil:page_type"><term>forum</term></keywords>' in article.to_tei()


def test_an_article_made_by_hand_has_no_page_type_in_its_outputs() -> None:
    article = unboil.Article(title="T", blocks=(unboil.Block("paragraph", "x"),))
    assert article.page_type is None and "page_type" not in article.to_xml() and "unboil:page_type" not in article.to_tei()


def test_a_listing_is_read_as_its_entries_not_its_intro() -> None:
    """Two real paragraphs of intro win the first reading; on a listing the entries are the content."""
    intro = f"<div class='intro'><p>{PROSE}</p><p>{PROSE.upper()}</p></div>"
    page = LISTING.replace("<main><h1>Blog</h1>", f"<main><h1>Blog</h1>{intro}")
    article = unboil.extract(page, LISTING_URL)
    assert article.page_type == "listing"
    assert all(f"A story worth reading this week, number {i}" in article.text for i in range(12))
    assert "Next" not in article.text.split("\n")


def test_a_type_the_model_is_unsure_of_is_not_followed() -> None:
    """With ``follow_confidence`` above the model's probability the scorer reads the page as before."""
    intro = f"<div class='intro'><p>{PROSE}</p><p>{PROSE.upper()}</p></div>"
    page = LISTING.replace("<main><h1>Blog</h1>", f"<main><h1>Blog</h1>{intro}")
    strict = Thresholds(page_type=PageTypeThresholds(follow_confidence=1.01))
    article = unboil.extract(page, LISTING_URL, options=Options(thresholds=strict))
    assert article.page_type == "listing" and "A story worth reading this week, number 5" not in article.text


def test_an_article_beside_teaser_cards_keeps_its_text_whatever_its_type() -> None:
    """Negative: four real paragraphs are an article, even on a page taken for a listing."""
    body = "".join(f"<p>{PROSE} Paragraph {i} adds its own detail.</p>" for i in range(5))
    page = LISTING.replace("<main><h1>Blog</h1>", f"<main><h1>Blog</h1><div class='story'>{body}</div><div class='more'>")
    page = page.replace("</main>", "</div></main>")
    article = unboil.extract(page, LISTING_URL)
    assert PROSE in article.text and "The lead of story 3" not in article.text


def test_the_shipped_weights_read_only_features_the_stage_computes() -> None:
    model = default_model()
    assert model.types == TYPES and set(PAGE_TYPES) == set(TYPES) | {"other"}
    from unboil.blocks import segment
    from unboil.load import load

    root = load(FORUM, Options()).root
    names = set(tree_features(root, FORUM_URL))
    raw, _ = segment(root.find("body"), 200, True)
    names |= set(block_features(raw, [None] * len(raw))) | set(class_features({"post": 1}))
    weighted = {name for weights in model.weights.values() for name in weights}
    assert weighted <= names and set(model.means) <= names
    assert json.loads(DEFAULT_WEIGHTS.read_text())["types"] == list(TYPES)


def test_training_separates_separable_pages_and_is_deterministic() -> None:
    rows = [
        {"type": t, "x": {"a": float(i == k), "b": float(i == k) * 2.0, "noise": (j % 3) / 3.0}}
        for k, t in enumerate(TYPES)
        for i, j in [(k, n) for n in range(6)]
    ]
    one, two = train(rows, ["a", "b", "noise"], steps=60), train(rows, ["a", "b", "noise"], steps=60)
    assert one == two
    rows2 = [{"type": t, "x": {f"is_{u}": float(u == t) for u in TYPES}} for t in TYPES for _ in range(4)]
    names = [f"is_{t}" for t in TYPES]
    model = train(rows2, names, steps=80)
    assert all(predict(model, r["x"]) == r["type"] for r in rows2)
    assert Model(tuple(model["types"]), model["bias"], model["weights"], model["means"]).scores({})  # missing features: averages


def test_clean_types_skips_the_other_types_and_reports_each_page_type(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "story.html").write_text(ARTICLE.replace("<head>", f"<head><link rel='canonical' href='{ARTICLE_URL}'>"))
    (src / "blog.html").write_text(LISTING.replace("<head>", f"<head><link rel='canonical' href='{LISTING_URL}'>"))
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "unboil", "clean", str(src), "-o", str(out), "--types", "article,forum", "--workers", "1", "--no-templates"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    lines = {json.loads(line)["path"]: json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()}
    assert lines["story.html"]["status"] == "ok" and lines["story.html"]["page_type"] == "article"
    assert lines["blog.html"]["status"] == "skipped" and lines["blog.html"]["page_type"] == "listing"
    assert lines["blog.html"]["output"] is None and not (out / "blog.json").exists() and (out / "story.json").exists()
    bad = subprocess.run([sys.executable, "-m", "unboil", "clean", str(src), "-o", str(tmp_path / "o2"), "--types", "essay"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "essay" in bad.stderr
