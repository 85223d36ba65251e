"""Metadata rules, each on a small hand-written page."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from unboil.metadata import extract_metadata, parse_date


def meta(html: str, url: str | None = None):
    return extract_metadata(lxml.html.document_fromstring(html), url)


# --- titles ----------------------------------------------------------------------


def test_h1_confirmed_by_og_title_wins():
    m = meta(
        """<html><head><title>Moles dig deeper in wet years | Garden Weekly</title>
        <meta property="og:title" content="Moles dig deeper in wet years"></head>
        <body><h1>Garden Weekly</h1><article><h1>Moles dig deeper in wet years</h1></article></body></html>""",
        "https://gardenweekly.example/moles",
    )
    assert m.title == "Moles dig deeper in wet years"
    assert m.title_sources[0] == "h1"


@pytest.mark.parametrize("sep", [" | ", " - ", " – ", " — "])
def test_site_suffix_is_stripped_from_the_title(sep):
    m = meta(f"<html><head><title>Why the river froze twice this winter{sep}Valley Post</title>"
             "<meta property='og:site_name' content='Valley Post'></head><body><p>x</p></body></html>")
    assert m.title == "Why the river froze twice this winter"


def test_site_name_before_the_headline_is_stripped():
    m = meta("<html><head><title>Valley Post » Blog Archive » Why the river froze twice</title></head>"
             "<body><h1><a href='/'>Valley Post</a></h1><h1>Why the river froze twice</h1></body></html>",
             "https://valleypost.example/2020/river")
    assert m.title == "Why the river froze twice"


def test_blog_header_h1_that_is_the_site_name_loses():
    m = meta("<html><head><title>Sourdough without a scale | Crumbnotes</title></head>"
             "<body><header><h1>Crumbnotes</h1></header><h2>Sourdough without a scale</h2></body></html>",
             "https://crumbnotes.example/sourdough")
    assert m.title == "Sourdough without a scale"


def test_h1_reworded_from_seo_title_wins_when_it_shares_most_words():
    m = meta("""<html><head><title>Night Trains in Europe: 2024 Guide - Rails</title>
        <meta property="og:title" content="Night Trains in Europe: 2024 Guide"></head>
        <body><h1>The Complete Guide to Night Trains in Europe</h1></body></html>""")
    assert m.title == "The Complete Guide to Night Trains in Europe"


def test_unrelated_h1_loses_to_the_title():
    m = meta("<html><head><title>Replace font tags test</title></head><body><h1>Lorem</h1><p>x</p></body></html>")
    assert m.title == "Replace font tags test"


def test_h1_with_a_kicker_yields_the_metadata_headline():
    m = meta("""<html><head><meta property="og:title" content="Big tasks for the new government"></head>
        <body><h1><span class="kicker">Tunisia</span><span>Big tasks for the new government</span></h1></body></html>""")
    assert m.title == "Big tasks for the new government"


def test_heading_permalink_mark_is_dropped():
    m = meta("<html><head><title>Models | Framework docs</title></head>"
             "<body><h1>Models<a class='headerlink' href='#models'>¶</a></h1></body></html>")
    assert m.title == "Models"


def test_jsonld_headline_in_graph():
    m = meta("""<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Harbour Times"},
          {"@type": "NewsArticle", "headline": "Ferry timetable changes from May",
           "datePublished": "2021-04-20T08:00:00+02:00"}]}
        </script><title>Ferry timetable changes from May - Harbour Times</title></head><body><p>x</p></body></html>""")
    assert m.title == "Ferry timetable changes from May"
    assert m.date == date(2021, 4, 20)


# --- authors ----------------------------------------------------------------------


def test_authors_from_jsonld():
    m = meta("""<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "x", "author": [{"@type": "Person", "name": "Ada Quill"},
         {"@type": "Person", "name": "By Ben Orr"}]}</script></head><body></body></html>""")
    assert m.authors == ("Ada Quill", "Ben Orr")


def test_author_meta_junk_is_removed():
    m = meta("<html><head><meta name='author' content='By Clara Voss Email the author'></head><body></body></html>")
    assert m.authors == ("Clara Voss",)


# --- dates helpers ----------------------------------------------------------------


def test_parse_date_keeps_the_local_day():
    assert parse_date("2022-03-01T23:30:00-05:00").date() == date(2022, 3, 1)
