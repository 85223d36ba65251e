"""Authors as a list of people (``metadata/names.py``, ``metadata/byline.py``, ``metadata/authors.py``):
each rule on a small hand-written page or value, with the pages it must leave alone."""

from __future__ import annotations

import lxml.html
import pytest

from unboil import DEFAULT_VOCABULARY
from unboil.metadata import extract_metadata
from unboil.metadata.names import people

LEX = DEFAULT_VOCABULARY.metadata


def authors_of(body: str, head: str = "", url: str | None = None) -> tuple[str, ...]:
    html = f"<html><head><title>Moles dig deeper</title>{head}</head><body>{body}</body></html>"
    return extract_metadata(lxml.html.document_fromstring(html), url).authors


STORY = "<p>Moles dig deeper in wet years, the survey of forty gardens found this spring.</p>"


@pytest.mark.parametrize(
    "value, names",
    [
        ("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey"]),
        ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton"]),
        ("Jeffrey A. Slotnick CPP, PSP", ["Jeffrey A. Slotnick"]),
        ("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]),
        ("Von Roland Brockmann und Sebastian Drescher", ["Roland Brockmann", "Sebastian Drescher"]),
        ("Sarah Hinger; Sylvia Torres-Guillén", ["Sarah Hinger", "Sylvia Torres-Guillén"]),
        ("Maria & Katerina", ["Maria", "Katerina"]),
        ("Mike Marshall, Shipping Expert", ["Mike Marshall"]),
        ("Mayank Gupta, CEO of CaseBasix", ["Mayank Gupta"]),
        ("Jean-Luc Aufranc (CNXSoft)", ["Jean-Luc Aufranc"]),
        ("Zackery Cuevas Writer", ["Zackery Cuevas"]),
        ("Haley Hoekstra • March 12, 2025", ["Haley Hoekstra"]),
        ("Russell MillerDec 21, 2025", ["Russell Miller"]),
        ("Ann Lee on March 3, 2020", ["Ann Lee"]),
        ("JESSICA HOLLY, GAIL LEVY, 7 NEWS WSVN", ["JESSICA HOLLY", "GAIL LEVY"]),
    ],
)
def test_one_value_is_read_as_its_people(value: str, names: list[str]) -> None:
    assert people(value, LEX) == names


@pytest.mark.parametrize(
    "value",
    [
        "Center for Drug Evaluation and Research",  # an organisation's name, lowercase words and all
        "Ben & Co Orr",  # a first name alone before a full one: one couple's byline
        "Erik van Vulpen",
        "WRAL",  # a byline that is only the outlet stays
        "Staff Writer",  # a byline that is only a role stays as printed
        "InsaneSnow45",  # a user name may hold digits
        "Paramita (Guha) Ghosh",
    ],
)
def test_a_value_that_names_one_author_stays_whole(value: str) -> None:
    assert people(value, LEX) == [value]


@pytest.mark.parametrize("value", ["Updated by Jon Linkov", "View my complete profile", "Posted", "Author:"])
def test_a_label_or_a_reviser_is_no_author(value: str) -> None:
    assert people(value, LEX) == []


def test_the_printed_byline_under_the_headline_is_read_when_the_markup_names_no_one() -> None:
    body = f"<h1>Moles dig deeper</h1><p class='meta'>By <a href='/a'>Ann Lee</a> and <a href='/b'>Bo Chan</a> | May 3, 2024</p>{STORY}"
    assert authors_of(body) == ("Ann Lee", "Bo Chan")
    assert authors_of(f"<h1>Moles dig deeper</h1><div><span>von Max Muster</span><span>09.03.2022</span></div>{STORY}") == ("Max Muster",)


def test_a_sentence_or_a_noun_after_by_is_no_byline() -> None:
    assert authors_of(f"<h1>Moles dig deeper</h1><p>By clicking here you agree to the terms.</p>{STORY}") == ()
    assert authors_of(f"<h1>Moles dig deeper</h1><p>Von Firmenwägen und Dienstwagen</p>{STORY}") == ()
    assert authors_of(f"<h1>Moles dig deeper</h1><p>DISTINCT values</p>{STORY}") == ()
    long_line = "By Monday, Ann Lee " + "and the gardeners of the valley " * 5
    assert authors_of(f"<h1>Moles dig deeper</h1><p>{long_line}</p>{STORY}") == ()


def test_an_element_marked_as_the_author_is_read_innermost_and_not_in_comments_or_boxes() -> None:
    body = (f"<h1>Moles dig deeper</h1><div class='post-author'><img class='author-avatar' alt=''>"
            f"<span class='author-name'>Ann Lee</span></div>{STORY}")
    assert authors_of(body) == ("Ann Lee",)
    comments = f"<h1>Moles dig deeper</h1>{STORY}<ol class='comment-list'><li><span class='author'>Bo Chan</span></li></ol>"
    assert authors_of(comments) == ()
    dealer = f"<h1>Moles dig deeper</h1><a class='authorized-dealer-link'>Authorized Dealer</a>{STORY}"
    assert authors_of(dealer) == ()
    category = (f"<h1>Moles dig deeper</h1><section class='byline'><span class='byline__date'>May 3, 2024</span>"
                f"<span class='byline__category'>Wellness & Prevention</span></section>{STORY}")
    assert authors_of(category) == ()


def test_a_person_printed_in_the_byline_wins_over_an_organisation_or_the_site_as_author() -> None:
    org = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Moles dig deeper",'
           ' "author": {"@type": "Organization", "name": "Garden Weekly"}}</script>')
    byline = f"<h1>Moles dig deeper</h1><p>By Ann Lee</p>{STORY}"
    assert authors_of(byline, org) == ("Ann Lee",)
    assert authors_of(f"<h1>Moles dig deeper</h1>{STORY}", org) == ("Garden Weekly",)
    site = "<meta name='author' content='gardenweekly.example'>"
    assert authors_of(byline, site, "https://gardenweekly.example/moles") == ("Ann Lee",)
    person = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Moles dig deeper",'
              ' "author": {"@type": "Person", "name": "Bo Chan"}}</script>')
    assert authors_of(byline, person) == ("Bo Chan",)


def test_author_links_of_one_byline_are_read_not_those_of_every_post() -> None:
    byline = f"<h1>Moles</h1><p>By <a rel='author'>Ann Lee</a> and <a rel='author'>Bo Chan</a></p>{STORY}"
    assert authors_of(byline) == ("Ann Lee", "Bo Chan")
    posts = "".join(f"<div class='post'><a rel='author'>{n}</a>{STORY}</div>" for n in ("amondale", "rimelek", "meyay"))
    assert authors_of(f"<h1>Moles</h1>{posts}") == ("amondale",)


def test_a_page_items_author_is_read_by_its_reference_when_no_article_names_one() -> None:
    graph = ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "@id": "https://x.example/a#page",'
             ' "author": {"@id": "https://x.example/#/person/1"}}, {"@type": "Person", "@id": "https://x.example/#/person/1",'
             ' "name": "Giovanni Gaggero"}]}</script>')
    assert authors_of(f"<h1>Moles</h1>{STORY}", graph) == ("Giovanni Gaggero",)


def test_a_label_printed_alone_takes_the_next_text_less_an_agency_after_a_slash() -> None:
    body = f"<h1>Moles dig deeper</h1><h5>Datum: </h5>03.11.2021 <br><h5>Autor: </h5>Peter Maahn/SP-X{STORY}"
    assert authors_of(body) == ("Peter Maahn",)


def test_the_page_layout_classes_on_body_do_not_make_the_byline_chrome() -> None:
    html = ("<html><head><title>Moles</title></head><body class='mh-widget-layout2'><article><h1>Moles</h1>"
            f"<span class='entry-meta-author vcard'><a class='fn' href='/author/ruhe/'>Helmut Rubik</a></span>{STORY}"
            "</article><aside class='widget'><span class='author'>Bo Chan</span></aside></body></html>")
    assert extract_metadata(lxml.html.document_fromstring(html)).authors == ("Helmut Rubik",)
