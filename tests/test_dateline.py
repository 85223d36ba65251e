"""The wire dateline grammar (``unboil.dateline``): the forms it reads, the labels it refuses,
the lines it reads past, and the Article fields it fills.  Every paragraph here is written by hand."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import unboil
from unboil import Article, Block
from unboil.dateline import Dateline, find_dateline, first_dateline, read_dateline

STORY = "The council met on Tuesday to discuss the new budget for the town's schools and roads."


@pytest.mark.parametrize(
    "dateline, place, agency",
    [
        ("WASHINGTON (AP) —", "WASHINGTON", "AP"),
        ("LOS ANGELES (AP) -", "LOS ANGELES", "AP"),
        ("SANTA FE, N.M. (AP) —", "SANTA FE, N.M.", "AP"),
        ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", "AP"),
        ("NEW YORK (Hollywood Reporter) -", "NEW YORK", "Hollywood Reporter"),
        ("KABUL --", "KABUL", None),
        ("DURBAN -", "DURBAN", None),
        ("BEIJING—", "BEIJING", None),
        ("ST. JOSEPH, Mich. (AP) —", "ST. JOSEPH, Mich.", "AP"),
        ("WINSTON-SALEM, N.C. –", "WINSTON-SALEM, N.C.", None),
        ("LAS VEGAS--(BUSINESS WIRE)--", "LAS VEGAS", "BUSINESS WIRE"),
        ("NEW YORK, Jan. 5, 2024 /PRNewswire/ --", "NEW YORK", "PRNewswire"),
        ("SAO PAULO, Nov 7 (Reuters) -", "SAO PAULO", "Reuters"),
        ("WASHINGTON (January 24, 2017) —", "WASHINGTON", None),
        ("BERLIN (dpa) -", "BERLIN", "dpa"),
        ("Moscou, 5 mars (AFP) -", "Moscou", "AFP"),
        ("MADRID, 12 (EUROPA PRESS) -", "MADRID", "EUROPA PRESS"),
        ("Hamburg (dpa/lno) –", "Hamburg", "dpa/lno"),
        ("Frankfurt/Main (dpa) -", "Frankfurt/Main", "dpa"),
        ("Atlanta, Ga. —", "Atlanta, Ga.", None),
        ("Raleigh, N.C. —", "Raleigh, N.C.", None),
        ("Santa Marta, Colombia —", "Santa Marta, Colombia", None),
        ("Denver (CNN) –", "Denver", "CNN"),
        ("(AP) HONOLULU -", "HONOLULU", "AP"),
        ("(Reuters) —", None, "Reuters"),
        ("NEW DELHI (PTI):", "NEW DELHI", "PTI"),
        ("Springfield, DC, United States:", "Springfield, DC, United States", None),
    ],
)
def test_a_dateline_before_the_first_sentence_is_read_with_its_place_and_agency(
    dateline: str, place: str | None, agency: str | None
) -> None:
    assert read_dateline(f"{dateline} {STORY}") == Dateline(dateline, place, agency)


@pytest.mark.parametrize("dateline", ["Lisbon (CNN Business)", "(CNN)", "(CBS/AP)", "(CBS News)"])
def test_an_agency_in_brackets_may_go_without_a_dash(dateline: str) -> None:
    assert find_dateline(f"{dateline} {STORY}") == dateline


@pytest.mark.parametrize(
    "line", ["OSLO, NORWAY", "July 24, 2012 (AP)", "TRONDHEIM June 3, 2021 (AP)", "BERGEN, Wash. Nov. 2, 2019 (AP)"]
)
def test_a_dateline_may_be_a_line_of_its_own(line: str) -> None:
    assert find_dateline(line) == line


@pytest.mark.parametrize(
    "opening",
    [
        # labels: a colon after capitals is one unless an agency comes first
        "NEWS:", "PLEASE NOTE:", "POSTED:", "UPDATE:", "PHOTO OF THE DAY:", "DEAR ABBY:", "EDITOR'S NOTE:",
        "SACHA MILLER, HOST:", "Editor's Note, December 19, 2025:", "Disclaimer:", "Oslo:",
        # the vocabulary's labels, and what a lone capitalised word before a dash cannot be
        "UPDATE -", "NOTE —", "WATCH –", "AXA –", "IBM —", "TV-TIPP -", "DE-CIX –",
        # headings, products and lists in title case
        "Key Takeaway -", "Step 1 -", "Milk, Bread, Butter –",
        "Acme Widget (AW2) -", "Nordic Rail (NR) -", "Tromsø (Nordland) -", "Hansen, K. (2021):", "(2021) OSLO -",
    ],
)
def test_a_label_heading_or_name_before_a_dash_is_no_dateline(opening: str) -> None:
    assert read_dateline(f"{opening} {STORY}") is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "OSLO — the city said",  # no capital after the dash: a heading's second half
        "OSLO — Harbour Views",  # a name, not a sentence
        "Clear Costs, Strong Values – See the Difference at Our Store",  # a heading like "Place, Country —"
        "OSLO — Ferries, Bridges and Tunnels of the Western Fjords in Winter Light",  # a deck: no full stop
        "A HIGH-powered team met the editors on Tuesday.",
        "OSLO",
        "Ends Dec 26",
        "Riverside Park, Oslo",
        "Norwegian Rail Timetable (NRT)",
        "In this photo, taken in OSLO — the capital — crowds gather.",
        "",
    ],
)
def test_no_dateline_without_a_story_after_it_or_a_place_before_it(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_a_new_label_in_the_vocabulary_is_no_place() -> None:
    vocabulary = unboil.Vocabulary.loads(
        unboil.vocabulary.DEFAULT_FILE.read_text(encoding="utf-8").replace(
            'dateline_labels = ["', 'dateline_labels = ["exclusive", "'
        )
    )
    assert find_dateline(f"EXCLUSIVE – {STORY}") == "EXCLUSIVE –"
    assert find_dateline(f"EXCLUSIVE – {STORY}", vocabulary.metadata) is None


def _blocks(*lines: str | tuple[str, str]) -> list[Block]:
    return [Block(*line) if isinstance(line, tuple) else Block("paragraph", line) for line in lines]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "lead",
    [
        [("heading", "Town budget passes")],
        ["By Kari Nordmann", "Staff and agencies"],
        ["2 days ago", "Updated 10:01 pm CET, Tuesday, 19 November 2019"],
        ["https://news.example.com/local/article/Town-budget-passes-after-a-long-debate-in-the-council-14848218.php"],
        [("caption", "The town hall on Monday."), "Photo: Kari Nordmann"],
        ["The town hall on Monday, where the council sat until late at night to vote on the budget. (Photo)"],
    ],
)
def test_the_dateline_is_read_past_bylines_time_stamps_captions_and_junk(lead: list[str | tuple[str, str]]) -> None:
    blocks = _blocks(*lead, f"OSLO (AP) — {STORY}", STORY)
    assert first_dateline(blocks) == Dateline("OSLO (AP) —", "OSLO", "AP")


def test_the_dateline_is_not_read_past_the_story_or_in_a_list() -> None:
    assert first_dateline(_blocks(STORY, STORY, f"OSLO (AP) — {STORY}")) is None
    assert first_dateline(_blocks(("list_item", f"OSLO (AP) — {STORY}"))) is None
    assert first_dateline(_blocks(*["Home"] * 8, f"OSLO (AP) — {STORY}")) is None
    assert first_dateline([]) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=400)
    | st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["OSLO", "(AP) ", "Oslo, N.C.", "BERGEN, Norway (NTB)", "July 24, 2012", "", "A"]),
        st.sampled_from([" —", " -", "--(WIRE)--", ":", " (AP)", " /PRNewswire/ --", ", 5 mars (AFP) -", ""]),
        st.text(max_size=200),
    )
)
@example(text="(" * 300)
@example(text="OSLO " * 100 + "—")
@example(text="OSLO, " * 100)
def test_find_dateline_never_raises_and_returns_a_prefix(text: str) -> None:
    found = find_dateline(text)
    assert found is None or (found and text.startswith(found))


def test_the_article_gives_the_dateline_its_place_and_agency_and_keeps_it_in_the_text() -> None:
    page = (
        "<html><head><title>Town budget</title></head><body><article><h1>Town budget</h1>"
        "<p>By Kari Nordmann</p><p>SANTA FE, N.M. (AP) — " + STORY + "</p><p>" + STORY + "</p></article></body></html>"
    )
    article = unboil.extract(page)
    assert (article.dateline, article.dateline_place, article.dateline_agency) == (
        "SANTA FE, N.M. (AP) —", "SANTA FE, N.M.", "AP"
    )
    assert "SANTA FE, N.M. (AP) — The council" in article.text
    data = article.to_dict()
    assert list(data)[4:7] == ["dateline", "dateline_place", "dateline_agency"]
    assert Article.from_dict(data) == article
    empty = Article().to_dict()
    assert empty["dateline_place"] is None and empty["dateline_agency"] is None


LEDE = ("The Met office warned on Sunday that heavy rain in the north over the next day might raise the rivers "
        "and flood the low fields near the town.")


@pytest.mark.parametrize("place", ["LAHORE", "NEW DELHI", "ISLAMABAD"])
def test_a_place_in_capitals_before_a_colon_opens_a_wire_lede_that_names_the_day(place: str) -> None:
    # the colon form of Pakistani and Indian outlets (dawn.com, thenews.com.pk, indiapost.com, timesofindia)
    assert read_dateline(f"{place}: {LEDE}") == Dateline(f"{place}:", place, None)


@pytest.mark.parametrize(
    "paragraph",
    [
        f"Report: {LEDE}",  # title case before a colon: a label as often as a place
        f"Oslo: {LEDE}",
        "SUMMARY: Setting the right hourly rate can make or break an agency's bottom line this year.",  # no day named
        "LAHORE: The Met office warned on Sunday.",  # too short for a wire lede
        f"UPDATE: {LEDE}",  # a label of the vocabulary
    ],
)
def test_a_colon_without_an_agency_needs_capitals_and_a_wire_lede(paragraph: str) -> None:
    assert read_dateline(paragraph) is None


def test_a_title_case_place_takes_a_listed_agency_in_initials() -> None:
    assert read_dateline(f"Montpellier (SID) – {STORY}") == Dateline("Montpellier (SID) –", "Montpellier", "SID")


def test_a_paragraph_broken_into_lines_is_read_to_its_first_sentence() -> None:
    lines = _blocks("CAIRO — Gunmen opened fire on visitors at", "the city's most renowned museum on Wednesday, killing",
                    "at least 19 people in an assault on the country's", "tourism. The attack began at noon.", STORY)
    assert first_dateline(lines) == Dateline("CAIRO —", "CAIRO", None)
    deck = _blocks("OSLO — Ferries, Bridges and Tunnels of the Western Fjords", STORY)
    assert first_dateline(deck) is None  # a deck, then the story: not one sentence
    labels = _blocks("Bonus Galleries:", "Featured Video:", "This entry was posted", f"on Thursday, {LEDE}")
    assert first_dateline(labels) is None


def test_the_dateline_is_read_past_a_list_of_key_points() -> None:
    points = ("list_item", "The carrier has finalized a deal for thirty new wide-body jets worth billions of dollars.")
    blocks = _blocks("Key Points", points, points, points, f"DUBAI, United Arab Emirates — {STORY}")
    assert first_dateline(blocks) == Dateline("DUBAI, United Arab Emirates —", "DUBAI, United Arab Emirates", None)


def test_a_dateline_on_a_line_of_its_own_is_not_dropped_as_a_date_line() -> None:
    import unboil

    story = "The city council voted on Tuesday to close the old bridge over the river until the spring repairs are done."
    page = (f"<html><body><article><h1>Bridge closed</h1><p>PHILADELPHIA July 24, 2012 (AP)</p>"
            f"<p>{story}</p><p>{story} More follows.</p></article></body></html>")
    article = unboil.extract(page)
    assert article.dateline == "PHILADELPHIA July 24, 2012 (AP)" and article.dateline_agency == "AP"
    dated = page.replace("PHILADELPHIA July 24, 2012 (AP)", "Tuesday, July 24, 2012 at 10:15 AM")
    assert "July 24" not in unboil.extract(dated).text  # a date line alone still goes
