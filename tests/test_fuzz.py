"""Property-based tests: whatever the bytes, only UnboilError, and always the same answer.

Four families of input: random bytes, random HTML trees (well-formed, then
broken token by token), JSON-LD and ``<meta>`` soup for the metadata stage, and
mutations (bit flips, cuts, insertions, repeats) of a few hand-written pages.

Every result must be an :class:`Article` or an :class:`UnboilError` other than
:class:`ExtractionError` (which means a stage crashed and was only wrapped), the
same input must give an equal result twice, the Article must survive a JSON
round trip, and its HTML and Markdown renderings must be inert.

The default run is bounded (``UNBOIL_FUZZ_EXAMPLES``, 100 examples a test, a
few seconds each); a long run is ``UNBOIL_FUZZ_EXAMPLES=20000 python -m pytest
tests/test_fuzz.py``.  The time budget is off here: a result must not depend on
how busy the machine is.
"""

from __future__ import annotations

import html
import json
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import unboil
from unboil import DEFAULT_VOCABULARY, Article, Options
from unboil.errors import ExtractionError, UnboilError

EXAMPLES = int(os.environ.get("UNBOIL_FUZZ_EXAMPLES", "100"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)

# --- the properties ------------------------------------------------------------------

_INERT_TAG = re.compile(
    r"/?(?:article|h[1-6]|p|ul|li|blockquote|pre|code|table|tr|th|td|figure|figcaption)|/a"
    r'|a href="https?://[^"<>\s]*"'  # links and images: an http(s) address, nothing else
    r'|img src="https?://[^"<>\s]*" alt="[^"<>]*"'
)


def _check_article(article: Article) -> None:
    assert isinstance(article, Article)
    assert article.blocks or article.empty_reason
    assert Article.from_json(article.to_json()) == article
    rendered = article.to_html()
    for tag in re.findall(r"<([^>]*)>?", rendered):
        assert _INERT_TAG.fullmatch(tag), f"live markup in to_html: <{tag}>"
    assert isinstance(article.to_markdown(), str)


def _run(source: Any, options: Options, trace: bool) -> Any:
    try:
        result = unboil.extract(source, "https://example.com/news/2021/03/04/story.html", options=options, trace=trace)
    except ExtractionError as exc:  # a stage crashed: wrapping it is not enough
        raise AssertionError(f"a stage crashed: {exc.__cause__!r}") from exc
    except UnboilError as exc:
        return (type(exc), str(exc))
    article, log = result if trace else (result, None)
    _check_article(article)
    return (article, str(log) if log is not None else None)


def check(source: Any, options: Options | None = None, trace: bool = False) -> None:
    """The properties every input must have: only UnboilError, deterministic, inert output."""
    options = (options or Options()).but(time_budget=None)
    first = _run(source, options, trace)
    assert _run(source, options, trace) == first, "the same input gave two different results"


options_strategy = st.builds(
    Options,
    favor=st.sampled_from(["precision", "balanced", "recall"]),
    include_comments=st.booleans(),
    include_tables=st.booleans(),
    include_images=st.booleans(),
    use_readability=st.booleans(),
    with_metadata=st.booleans(),
    max_elements=st.sampled_from([20_000, 20_000, 40, 3]),
    max_depth=st.sampled_from([200, 200, 12, 1]),
)

# --- 1. random bytes ------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=3000))
@example(data=b"")
@example(data=b"\x00" * 100)
@example(data=b"\xff\xfe<\x00p\x00>\x00")
@example(data=b'<meta charset="undefined"><p>x</p>')
@example(data=b"\x89PNG\r\n\x1a\n<html>")
def test_random_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(
    prefix=st.sampled_from([b"", b"<html><body>", b"<!DOCTYPE html><p>", b'<?xml version="1.0" encoding="utf-16"?>', b"\xef\xbb\xbf<p>"]),
    data=st.binary(max_size=3000),
    encoding=st.sampled_from([None, "utf-16-le", "utf-16-be", "utf-32", "gb18030", "shift_jis", "cp1251", "latin-1"]),
    options=options_strategy,
)
def test_random_bytes_behind_a_markup_prefix(prefix: bytes, data: bytes, encoding: str | None, options: Options) -> None:
    if encoding is not None:
        data = data.decode("latin-1").encode(encoding, errors="replace")
    check(prefix + data, options)


@FUZZ
@given(text=st.text(st.characters(codec=None, exclude_categories=()), max_size=2000))
def test_random_text_with_surrogates_and_controls(text: str) -> None:
    check("<html><body><p>" + text + "</p></body></html>")
    check(text)


# --- 2. random HTML trees -------------------------------------------------------------------

TAGS = (
    "div", "p", "span", "a", "article", "main", "section", "nav", "aside", "footer", "header", "h1", "h2",
    "h3", "ul", "ol", "li", "table", "tr", "td", "th", "tbody", "caption", "pre", "code", "blockquote",
    "script", "style", "noscript", "form", "button", "iframe", "img", "br", "time", "figure", "figcaption",
    "dl", "dt", "dd", "b", "em", "strong", "template", "svg", "title", "meta", "link", "select", "option",
    "textarea", "font", "center", "xmp", "listing", "dialog", "details", "summary", "label", "input", "hr",
    "html", "head", "body", "frameset", "plaintext", "object", "picture", "source", "sup", "abbr",
)
VOID = frozenset({"br", "img", "meta", "link", "input", "hr", "source"})
CLASS_WORDS = sorted({w for c in DEFAULT_VOCABULARY.concepts for w in c.attributes}) + [
    "content", "article-body", "entry-content", "post", "story", "main", "hidden", "sr-only", "d-none",
    "visually-hidden", "byline", "date", "author", "meta", "published", "comment-list", "sidebar-widget",
]
PHRASES = (
    "Donate now", "Support us", "Subscribe", "Share on Facebook", "Related articles", "Comments (12)",
    "Leave a reply", "We use cookies", "Read more", "Advertisement", "By John Smith", "Published 2021-03-04",
    "March 4, 2021", "4. März 2021", "2021年3月4日", "$5 $10 $25 $50", "Home » News", "© 2021 Example",
    "KYIV, Ukraine (AP) — The council met", "Sign up for our newsletter", "3 days left", "Tags: a, b",
)
WORDS = ("the", "river", "council", "met", "at", "dawn", "bridge", "engineers", "said", "road", "closed", "é", "ß", "水")

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")
text_strategy = st.one_of(
    sentence,
    st.sampled_from(PHRASES),
    st.text(max_size=60),
    st.sampled_from(["&amp;", "&lt;script&gt;", "&#0;", "&#xD800;", "&#x110000;", "&nbsp;", "&bogus;", "\u00a0", "\r\n", "\t"]),
)
attr_value = st.one_of(
    st.lists(st.sampled_from(CLASS_WORDS), min_size=1, max_size=4).map(" ".join),
    st.sampled_from(["display:none", "javascript:alert(1)", "articleBody", "navigation", "true", "main", "author",
                     "2021-03-04T10:00:00Z", "application/ld+json", "og:title", "canonical", "", "\x00"]),
    st.text(max_size=20),
)
ATTR_NAMES = ("class", "id", "role", "style", "hidden", "aria-hidden", "href", "src", "itemprop", "rel",
              "datetime", "content", "property", "name", "type", "lang", "onclick", "charset", "pubdate")
attrs_strategy = st.dictionaries(st.sampled_from(ATTR_NAMES), attr_value, max_size=3)


def _element(tag: str, attrs: dict[str, str], children: list[Any]) -> tuple:
    return (tag, attrs, children)


tree_strategy = st.recursive(
    text_strategy,
    lambda children: st.builds(_element, st.sampled_from(TAGS), attrs_strategy, st.lists(children, max_size=6)),
    max_leaves=40,
)


def _tokens(node: Any) -> list[str]:
    """The well-formed serialisation of a node, as a list of tokens."""
    if isinstance(node, str):
        return [html.escape(node, quote=False)]
    tag, attrs, children = node
    start = "<" + tag + "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items()) + ">"
    if tag in VOID:
        return [start]
    out = [start]
    for child in children:
        out.extend(_tokens(child))
    out.append(f"</{tag}>")
    return out


JUNK = ("<", ">", "&", "</", "<!--", "-->", "<![CDATA[", "]]>", "<?php echo 1 ?>", '"', "'", "</p>", "</div>",
        "<p", "<div class=", "<!DOCTYPE html>", "\x00", "<script>", "</script>", "<table>", "<td>", "=", "&#",
        "<a href='javascript:alert(1)'>", "<plaintext>", "</html>", "</body>", "<body>", "<html>")


@FUZZ
@given(trees=st.lists(tree_strategy, min_size=1, max_size=3), options=options_strategy, trace=st.booleans())
def test_well_formed_trees(trees: list[Any], options: Options, trace: bool) -> None:
    page = "<!DOCTYPE html><html><head><title>T</title></head><body>" + "".join(t for tree in trees for t in _tokens(tree)) + "</body></html>"
    check(page, options, trace)


@FUZZ
@given(
    trees=st.lists(tree_strategy, min_size=1, max_size=3),
    edits=st.lists(
        st.tuples(st.sampled_from(["drop", "swap", "junk", "raw", "dup"]), st.integers(0, 10_000), st.sampled_from(JUNK)),
        min_size=1,
        max_size=12,
    ),
    as_bytes=st.booleans(),
)
def test_ill_formed_trees(trees: list[Any], edits: list[tuple[str, int, str]], as_bytes: bool) -> None:
    tokens = [t for tree in trees for t in _tokens(tree)]
    for op, at, junk in edits:
        i = at % (len(tokens) + 1)
        if op == "drop" and i < len(tokens):
            del tokens[i]
        elif op == "swap" and i + 1 < len(tokens):
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
        elif op == "junk":
            tokens.insert(i, junk)
        elif op == "raw" and i < len(tokens):
            tokens[i] = html.unescape(tokens[i])
        elif op == "dup" and i < len(tokens):
            tokens[i:i] = tokens[i : i + 5] * 3
    page = "".join(tokens)
    check(page.encode("utf-8", "surrogatepass") if as_bytes else page)


# --- 3. metadata soup ---------------------------------------------------------------------------

date_text = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.dates().map(str),
    st.sampled_from(["2021-13-45", "31/02/2020", "May 35, 2021", "20201301", "0000-00-00T99:99", "2021-03-04T10:00:00+25:00",
                     "2021-03-04T10:00:00+99:99", "1999-12-31T23:59:59-00:00", "4 Mai 2021", "yesterday", "", "2038-01-19"]),
    st.text(max_size=30),
)
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), date_text, text_strategy)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["@type", "@graph", "headline", "name", "author", "creator", "datePublished", "dateModified",
                             "dateCreated", "publisher", "articleBody", "mainEntity", "@value", "alternativeHeadline", "url"]),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=25,
)
META_NAMES = ("og:title", "og:site_name", "og:url", "og:image", "og:description", "description", "author",
              "article:published_time", "article:modified_time", "date", "dc.date", "twitter:title", "twitter:creator",
              "parsely-pub-date", "sailthru.date", "content-language", "byl", "citation_author")


@FUZZ
@given(
    jsonld=st.lists(st.one_of(json_value.map(json.dumps), st.text(max_size=40), st.just("[" * 5000 + "]" * 5000)), max_size=3),
    metas=st.lists(st.tuples(st.sampled_from(META_NAMES), st.one_of(date_text, text_strategy)), max_size=8),
    title=text_strategy,
    trees=st.lists(tree_strategy, max_size=3),
    lang=st.one_of(st.none(), st.sampled_from(["en", "de-DE", "x", "zz-ZZZZZZZZZ", "en_US,fr"]), st.text(max_size=8)),
)
def test_metadata_soup(jsonld: list[str], metas: list[tuple[str, str]], title: str, trees: list[Any], lang: str | None) -> None:
    head = f"<title>{html.escape(title)}</title>"
    head += "".join(f'<meta property="{k}" content="{html.escape(v)}">' for k, v in metas)
    head += "".join(f'<script type="application/ld+json">{j}</script>' for j in jsonld)
    body = "".join(t for tree in trees for t in _tokens(tree))
    lang_attr = f' lang="{html.escape(lang)}"' if lang is not None else ""
    check(f"<html{lang_attr}><head>{head}</head><body>{body}<p>{'The council met at dawn, and it said so. ' * 6}</p></body></html>")


# --- 4. mutations of real-looking pages ----------------------------------------------------------

NEWS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council closes the old bridge | Riverside Courier</title>
<meta property="og:title" content="Council closes the old bridge">
<meta property="article:published_time" content="2021-03-04T07:30:00Z">
<meta name="author" content="Jane Doe"><link rel="canonical" href="https://courier.example/2021/03/04/bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council closes the old bridge",
"datePublished":"2021-03-04T07:30:00Z","author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"name":"Riverside Courier"}}</script>
<style>.x{color:red}</style><script>window.dataLayer=[];</script></head>
<body class="single-post"><div id="cookie-banner" class="consent">We use cookies. <button>Accept</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Council closes the old bridge</h1><p class="byline">By <a rel="author" href="/jane">Jane Doe</a>
<time datetime="2021-03-04T07:30:00Z">March 4, 2021</time></p>
<p>RIVERSIDE (AP) — The river rose by two metres overnight, and the town council met at dawn to decide whether the old bridge should stay open.</p>
<figure><img src="bridge.jpg" alt="The bridge"><figcaption>The old bridge at dawn. Photo: J. Doe</figcaption></figure>
<p>Engineers said the piers were sound, but the approach road had cracked in three places and would need closing before noon.</p>
<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<h2>What happens next</h2><ul><li>Buses will run every ten minutes across the new bridge.</li><li>Cyclists may use the footpath.</li></ul>
<blockquote>“We will not take any risks,” said the mayor, adding that the closure could last a week.</blockquote>
<div class="donation-box"><p>Support the Courier</p><p>$5 $10 $25</p><a href="/donate">Donate now</a></div>
<p>The council will meet again on Friday to review the engineers’ report and decide on repairs.</p></article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Flood warnings issued</a></li><li><a href="/b">Road works</a></li></ul></aside>
<section id="comments"><h3>3 Comments</h3><div class="comment"><p>Great reporting, thank you!</p></div><form><textarea></textarea></form></section></main>
<footer class="site-footer"><p>© 2021 Riverside Courier. All rights reserved.</p></footer></body></html>"""

BLOG = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Notes on parsing — a blog</title></head>
<body><div id="wrapper"><div id="sidebar" class="widget-area"><h3>Archives</h3><ul><li><a href="/2020">2020</a></li></ul></div>
<div class="entry-content"><h2>Parsing broken HTML</h2><p>Broken markup is the norm, not the exception; a parser must recover from it. Café, naïve, déjà vu.</p>
<pre><code>def parse(text):
    return tree  # &lt;not a tag&gt;</code></pre>
<table><caption>Timings</caption><tr><th>Parser</th><th>ms</th></tr><tr><td>lxml</td><td>12</td></tr><tr><td>html5lib</td><td>140</td></tr></table>
<dl><dt>Recover</dt><dd>Keep going after an error.</dd></dl>
<p>In short: measure, then decide. The numbers above are medians over a thousand pages.</p></div>
<div class="comments"><h4>Leave a reply</h4><p>Your email address will not be published.</p></div></div></body></html>"""

FORUM = """<html><body><div class="thread">""" + "".join(
    f'<div class="post" id="p{i}"><div class="author">user{i}</div><div class="date">2021-03-0{i % 9 + 1}</div>'
    f"<div class=\"message\">Post number {i}: I had the same problem with the bridge closure, and the detour added twenty minutes.</div></div>"
    for i in range(12)
) + """</div><div class="pagination"><a href="?p=2">Next »</a></div></body></html>"""

TEMPLATES = (NEWS.encode("utf-8"), BLOG.encode("windows-1252"), FORUM.encode("utf-8"), NEWS.encode("utf-16"))

mutation = st.tuples(
    st.sampled_from(["flip", "set", "delete", "insert", "repeat", "truncate"]),
    st.integers(0, 1 << 20),
    st.integers(1, 64),
    st.binary(min_size=1, max_size=16),
)


def mutate(data: bytes, ops: list[tuple[str, int, int, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, at, size, payload in ops:
        if not buf:
            break
        i = at % len(buf)
        if op == "flip":
            buf[i] ^= 1 << (size % 8)
        elif op == "set":
            buf[i] = payload[0]
        elif op == "delete":
            del buf[i : i + size]
        elif op == "insert":
            buf[i:i] = payload
        elif op == "repeat":
            buf[i:i] = bytes(buf[i : i + size]) * (1 + size % 4)
        elif op == "truncate":
            del buf[i:]
    return bytes(buf)


@FUZZ
@given(template=st.sampled_from(TEMPLATES), ops=st.lists(mutation, min_size=1, max_size=10), options=options_strategy)
def test_mutated_pages(template: bytes, ops: list[tuple[str, int, int, bytes]], options: Options) -> None:
    check(mutate(template, ops), options)


@pytest.mark.parametrize("template", TEMPLATES, ids=["news", "blog-cp1252", "forum", "news-utf16"])
def test_templates_extract_their_article(template: bytes) -> None:
    """The mutation seeds are real articles: a mutated page starts from a good extraction."""
    article = unboil.extract(template)
    assert article.blocks, article.empty_reason
    assert not re.search(r"Donate now|We use cookies|Leave a reply", article.text)


def test_the_html_renderings_of_templates_parse_as_plain_markup() -> None:
    for template in TEMPLATES:
        rendered = unboil.extract(template).to_html()
        tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
        assert all(not el.attrib for el in tree.iter())
