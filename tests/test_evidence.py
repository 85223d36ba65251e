"""The metadata evidence read by C-level selections and on first use is what one Python
walk over every element read: the rules see the same lists, in the same order, with the
same bounds (``unboil.metadata.evidence``, the headline's and the printed lines' readers)."""

from __future__ import annotations

import re
import unicodedata

import lxml.html
import pytest

from unboil.metadata.dates.headline import _AXIS_TEXTS, AXES, NFC_GROWTH, _one_spaced
from unboil.dom import text_of
from unboil.hints import PageHints, quick_hints
from unboil.metadata.dates.candidates import _script_stamps
from unboil.metadata.dates.parse import YEAR, any_date
from unboil.metadata.evidence import (
    AUTHOR_LINKS_READ, HATOM_UPDATED_READ, HINTED_READ, LINE_NODES, MICRODATA_READ, SCAN_SKIP, SCRIPTS_READ,
    STAMP_MAX, STAMP_NODES, YEAR_PREFIXES, LineKind, gather,
)
from unboil.metadata.words import DATE_HINT, SCRIPT_DATE, SCRIPT_KEY, STAMP_ATTR
from unboil.text import WS, title_key
from unboil.vocabulary import DEFAULT_VOCABULARY


def _walk(root):
    """Every list as the one walk over every element kept it, by the rules' own words."""
    out = {k: [] for k in ("hinted", "rel_authors", "itemprop_authors", "microdata", "hatom_updated", "scripts",
                           "headings", "times", "lines")}
    index_of, script_count = {}, 0
    for index, el in enumerate(root.iter()):
        if not isinstance(el.tag, str):
            continue
        attrs = dict(el.items())
        cls, ident = attrs.get("class"), attrs.get("id")
        if (cls or ident) and len(out["hinted"]) < HINTED_READ and DATE_HINT.search(f"{cls or ''} {ident or ''}"):
            out["hinted"].append(el)
        if attrs.get("rel") == "author" and len(out["rel_authors"]) < AUTHOR_LINKS_READ:
            out["rel_authors"].append(el)
        if attrs.get("itemprop") == "author" and len(out["itemprop_authors"]) < AUTHOR_LINKS_READ:
            out["itemprop_authors"].append(el)
        stamped = "title" in attrs or "datetime" in attrs
        if len(out["microdata"]) < MICRODATA_READ and (
            "itemprop" in attrs or "property" in attrs or stamped and cls is not None and "published" in cls
        ):
            out["microdata"].append(el)
        if stamped and cls is not None and "updated" in cls and len(out["hatom_updated"]) < HATOM_UPDATED_READ:
            out["hatom_updated"].append(el)
        if el.tag == "script":
            if (attrs.get("type") or "").strip().lower() != "application/ld+json" and script_count < SCRIPTS_READ and el.text:
                out["scripts"].append(el.text)
            script_count += 1
        elif el.tag in ("h1", "h2", "h3", "h4"):
            out["headings"].append(el)
            index_of[el] = index
        elif el.tag == "time":
            out["times"].append(el)
        if index < STAMP_NODES:
            for name, raw in el.items():
                if raw.startswith(YEAR_PREFIXES) and len(raw) <= STAMP_MAX and STAMP_ATTR.search(name):
                    out["lines"].append((index, el, LineKind.STAMP, raw, name))
        if index < LINE_NODES:
            if el.text and el.tag not in SCAN_SKIP and not el.text.isspace():
                out["lines"].append((index, el, LineKind.TEXT, el.text, ""))
            if el.tail and not el.tail.isspace():
                out["lines"].append((index, el, LineKind.TAIL, el.tail, ""))
    return out, index_of


def _page() -> str:
    many = "".join(f'<span itemprop="x{i}">{i}</span>' for i in range(MICRODATA_READ + 5))
    hints = "".join(f'<i class="Entry-DATE n{i}">{i}</i>' for i in range(HINTED_READ + 3))
    scripts = "".join(f"<script>var s{i} = {i};</script>" for i in range(SCRIPTS_READ + 3))
    return f"""<html lang="de"><head><title>One</title><title>Two</title>
    <meta property="og:title twitter:title" content=" T "><meta name="script:ld+json" content='{{"a": 1}}'>
    <link rel="stylesheet" href="/s.css"><link rel=" Canonical " href=""><link rel="canonical" href=" /c ">
    <script type=" Application/LD+JSON ">{{"@type": "NewsArticle"}}</script><script></script>{scripts}
    </head><body><?php class="date" ?><!-- a comment --> tail of the comment
    <div id="Published-On" data-published="2021-03-04" data-x="2021" {{x}}-date="2020-01-01">Posted 4 March 2021</div>
    <p class="publiſh-line">Ü</p><p class="Ｍeta">x</p><p id="TIMESTAMP">y</p><p class="" id="">z</p>
    <a rel="author" href="/a">A</a><a rel="Author">B</a><span itemprop="author">C</span><span itemprop="">D</span>
    <abbr class="published" title="2019-02-10">Feb</abbr><abbr class="Published" title="2019-02-11">x</abbr>
    <span class="updated" datetime="2019-02-12">u</span><span class="updated">no stamp</span>
    <span property="og:x" class="updated" title="t">p</span><time datetime="2020-02-02">2 Feb 2020</time>
    <h2>Kicker</h2><h1 class="headline">The headline <small>02.02.2022</small></h1>{hints}{many}
    <textarea>2022-01-01</textarea><style>.a {{}}</style> 12 May 2020 <b>  </b>
    <h3>x</h3><h4>y</h4><h5>z</h5></body></html>"""


@pytest.fixture(scope="module")
def page():
    root = lxml.html.document_fromstring(_page())
    return root, gather(root), *_walk(root)


@pytest.mark.parametrize("name", ["hinted", "rel_authors", "itemprop_authors", "microdata", "hatom_updated"])
def test_marked_elements_are_the_walks(page, name):
    _root, ev, walked, _ = page
    found = getattr(ev, name)
    assert list(found() if callable(found) else found) == walked[name]
    assert walked[name], "the page exercises the rule"


def test_tags_and_scripts_are_the_walks(page):
    root, ev, walked, _ = page
    assert list(ev.scripts) == walked["scripts"]
    assert list(ev.headings) == walked["headings"] and list(ev.times) == walked["times"]
    assert ev.canonical == "/c" and ev.doc_title.text == "One"
    assert ev.meta["og:title"] == ["T"] and ev.meta["twitter:title"] == ["T"]
    assert ev.jsonld_blocks == ('{"@type": "NewsArticle"}', '{"a": 1}')


def test_lines_stamps_and_positions_are_the_walks(page):
    _root, ev, walked, index_of = page
    assert list(ev.lines) == [line for line in walked["lines"] if line[2] is not LineKind.STAMP]
    assert list(ev.scan_lines) == [line for line in walked["lines"] if line[0] < STAMP_NODES]
    assert any(line[2] is LineKind.STAMP for line in ev.scan_lines)
    for heading in ev.headings:
        assert ev.position(heading) == index_of[heading]


def test_headline_axes_read_the_plain_positions():
    root = lxml.html.document_fromstring(
        "<html><body><p>a<b>b</b>c</p><!-- x -->d<h1>e<i>f</i>g</h1>h"
        + "".join(f"<p>{i}<b>x</b>{i}</p>" for i in range(40)) + "</body></html>"
    )
    heading = root.find(".//h1")
    for (axis, limit), (name, texts) in zip(AXES, _AXIS_TEXTS):
        assert name == axis
        plain = heading.xpath(f"{axis}::text()[position() <= {limit}]")
        union = texts(heading)
        assert [(str(t), t.getparent(), t.is_tail) for t in union] == [(str(t), t.getparent(), t.is_tail) for t in plain]


def test_every_date_pattern_needs_a_year():
    for pattern in any_date(DEFAULT_VOCABULARY.metadata):
        assert YEAR.pattern in pattern.pattern


def test_normalizing_makes_no_digit_and_breaks_none():
    """No character decomposes into a digit: NFC (``clean``) neither makes a digit nor
    joins one into another character, so a text has a year before it is cleaned iff after."""
    digit = re.compile(r"\d")
    for cp in range(0x110000):
        c = chr(cp)
        if digit.match(c):
            assert unicodedata.normalize("NFD", c) == c
        else:
            assert not digit.search(unicodedata.normalize("NFD", c))


def test_one_spaced_is_the_whitespace_pattern():
    spaces = "".join(chr(cp) for cp in range(0x110000) if chr(cp).isspace())
    assert all(re.fullmatch(r"\s", c) for c in spaces)
    assert not any(re.fullmatch(r"\s", chr(cp)) for cp in range(0x110000) if not chr(cp).isspace())
    for text in ["", " ", spaces, "a", " a", "a ", f"{spaces}a{spaces}b{spaces}", "a\u3000\u00a0b\x1cc\n", "ab  cd\t"]:
        assert _one_spaced(text) == WS.sub(" ", text)


def test_script_stamps_are_the_patterns_matches():
    texts = [
        '{"datePublished":"2021-03-04T10:00:00Z","x":1}',
        r'{\"published_at\":\"2020-01-02 03:04:05\", \"createdAt\": \"2019-05-06T07:08:09\"}',
        '"date" "pub" "first_published_at" : "2018-01-01T00:00" "CREATED_ON":"2017-02-02T02:02"',
        '""date_published":"2016-01-01T01:01" \\"DatePublished\\":\\"2015-01-01T01:01\\"',
        '"pub_date": "short" "pubdate": "2014-04-04 04:04" "first_published":"2013-03-03T03:03"',
        'var a = "x"; "firſt_published": "2012-02-02T02:02" "date_created":"2011-01-01T01:01"',
        '"publicPath":"/a" "date":"2020" "dateCreated" : "2010-10-10T10:10"' * 3,
    ]
    for text in texts:
        assert [m.span() for m in _script_stamps(text)] == [m.span() for m in SCRIPT_DATE.finditer(text)]
        assert any(True for _ in SCRIPT_DATE.finditer(text)) or text.startswith('"publicPath')


def test_every_script_key_starts_as_listed():
    keys = SCRIPT_DATE.pattern.split("(?P<key>", 1)[1].split(")\\\\?\"", 1)[0]
    depth, alternatives, current = 0, [], ""
    for ch in keys:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += ch
    alternatives.append(current)
    assert len(alternatives) == 7
    for alternative in alternatives:
        assert SCRIPT_KEY.pattern[1:].startswith("(?:") and any(
            alternative.startswith(start) for start in SCRIPT_KEY.pattern[4:-1].split("|")
        ), alternative


@pytest.mark.parametrize("html", [
    "<html><head><title></title><title>Second</title><meta property='og:title'>"
    "<meta property='og:title' content='OG'><meta property='og:site_name' content=' Site '></head>"
    "<body><h2>x</h2><h1></h1><h1>Later</h1></body></html>",
    "<html><head><meta property='og:site_name' content=''></head><body><div><title>In body</title></div>"
    "<p>no headline</p></body></html>",
    "<html><body><h1><span>Kicker</span> Head <b>line</b></h1><title>T</title></body></html>",
])
def test_quick_hints_read_the_first_tags(html):
    root = lxml.html.document_fromstring(html)
    h1 = root.xpath("(//h1)[1]")
    candidates = [text_of(h1[0])[:2000] if h1 else "", *root.xpath("//meta[@property='og:title']/@content")[:1],
                  *root.xpath("//title[1]/text()")[:1]]
    headline = next((key for key in map(title_key, candidates) if key), None)
    site = [key for key in map(title_key, root.xpath("//meta[@property='og:site_name']/@content")[:1]) if key]
    assert quick_hints(root) == PageHints(headline, site[0] if site else None)


def test_nfc_grows_a_character_at_most_threefold():
    assert max(len(unicodedata.normalize("NFC", chr(cp))) for cp in range(0x110000)) == NFC_GROWTH
