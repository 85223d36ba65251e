"""The metadata stage's words are data: an edited vocabulary file changes the metadata.

The labels, month names and author junk live in ``vocabulary.toml``'s
``[metadata]`` table; these tests edit a copy of the shipped file, as a caller
would, and check that the extracted title, date and authors follow it, through
``extract_metadata`` and through the whole pipeline (``Options(vocabulary=...)``,
which the CLI's ``--vocabulary FILE`` builds).
"""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from unboil import Options, extract
from unboil.lexicon import Lexicon
from unboil.metadata import extract_metadata, parse_date
from unboil.vocabulary import DEFAULT_FILE, DEFAULT_VOCABULARY, Vocabulary

_BODY = "<p>" + "The council met on Tuesday to discuss the new budget for the town's schools and roads. " * 6 + "</p>"


def _shipped() -> str:
    return DEFAULT_FILE.read_text(encoding="utf-8")


def _edited(old: str, new: str) -> Vocabulary:
    """The shipped file with one edit, loaded as a caller's copy would be."""
    text = _shipped()
    assert text.count(old) == 1, old
    return Vocabulary.loads(text.replace(old, new))


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><article>{body}{_BODY}</article></body></html>"


def _meta(page: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY):  # type: ignore[no-untyped-def]
    return extract_metadata(lxml_html.fromstring(page), "https://example.org/news/story", vocabulary)


def test_the_shipped_file_is_the_default_vocabulary_with_its_metadata_words(tmp_path: Path) -> None:
    copy = tmp_path / "mine.toml"
    copy.write_text(_shipped(), encoding="utf-8")
    loaded = Vocabulary.load(copy)
    assert loaded == DEFAULT_VOCABULARY and loaded.metadata == DEFAULT_VOCABULARY.metadata
    lex = loaded.metadata
    assert lex.month_number["märz"] == 3 and lex.month_number["августа"] == 8 and lex.dash_month_number["ago"] == 8
    assert "ago" not in lex.month_number  # English elsewhere: read only between dashes
    assert lex.publish_label_re.search("Veröffentlicht am 4. Mai 2022")
    assert pickle.loads(pickle.dumps(DEFAULT_VOCABULARY)).metadata == DEFAULT_VOCABULARY.metadata


def test_a_new_month_name_is_read_as_a_date() -> None:
    page = _page("<title>Town budget</title>", "<h1>Town budget</h1><p class='date'>4 maj 2022</p>")
    assert _meta(page).date is None  # Swedish "maj" is not in the shipped months
    swedish = _edited("[metadata.months]\n", "[metadata.months]\nswedish = { maj = 5 }\n")
    assert _meta(page, swedish).date == date(2022, 5, 4)
    assert parse_date("4 maj 2022", lex=swedish.metadata) is not None and parse_date("4 maj 2022") is None


def test_a_new_update_label_makes_the_date_beside_the_headline_a_revision() -> None:
    # The publisher's stamps say published 4 May, modified 6 May; the page prints only
    # "Uppdaterad 6 May 2022" beside the headline.
    page = _page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-05-04",'
        ' "dateModified": "2022-05-06"}</script><meta property="article:published_time" content="2022-05-04">'
        "<title>Town budget</title>",
        "<h1>Town budget</h1><p>Uppdaterad 6 May 2022</p>",
    )
    shipped = _meta(page)  # "Uppdaterad" is no label the shipped file knows: the printed date wins
    assert shipped.date == date(2022, 5, 6) and shipped.date_source == "headline:unprinted"
    swedish = _meta(page, _edited("updated_words = 'updat|", "updated_words = 'uppdaterad|updat|"))
    assert swedish.date == date(2022, 5, 4) and swedish.date_source == "jsonld"  # a revision: the stamp stands


def test_an_author_junk_word_removed_stays_in_the_name() -> None:
    page = _page('<meta name="author" content="Von Ann Lee"><title>Town budget</title>', "<h1>Town budget</h1>")
    assert _meta(page).authors == ("Ann Lee",)  # "von" is junk: "Von Ann Lee" is German "By Ann Lee"
    kept = _edited("author_junk = '^(?:by|von|", "author_junk = '^(?:by|")
    assert _meta(page, kept).authors == ("Von Ann Lee",)


def test_the_pipeline_reads_the_metadata_with_the_options_vocabulary() -> None:
    page = _page('<meta name="author" content="Av Ann Lee"><title>Town budget</title>', "<h1>Town budget</h1>")
    assert extract(page).authors == ("Av Ann Lee",)
    swedish = _edited("author_junk = '^(?:by|", "author_junk = '^(?:av|by|")
    assert extract(page, options=Options(vocabulary=swedish)).authors == ("Ann Lee",)


def test_an_empty_lexicon_reads_no_written_date_and_no_label() -> None:
    empty = Lexicon()
    assert parse_date("May 4, 2022", lex=empty) is None and parse_date("2022-05-04", lex=empty) is not None
    assert not empty.publish_label_re.search("Published on") and not empty.date_words.search("on")


def test_a_malformed_metadata_table_is_refused() -> None:
    with pytest.raises(ValueError, match="publish_lable"):
        Vocabulary.loads("[metadata.patterns]\npublish_lable = 'posted'\n")
    with pytest.raises(ValueError, match="month number"):
        Vocabulary.loads("[metadata.months]\nswedish = { maj = 13 }\n")
    with pytest.raises(ValueError, match="monts"):
        Vocabulary.loads("[metadata]\nmonts = []\n")


def test_a_new_wire_agency_makes_the_opening_a_dateline() -> None:
    # After a place in title case, only a listed agency (or initials) marks a dateline; in capitals
    # ("TOKYO (Kyodo) —") the place alone does, whatever the outlet in brackets.
    page = _page("<title>Town budget</title>", "<h1>Town budget</h1><p>Tokyo (Kyodo) — " + _BODY[3:])
    assert extract(page).dateline is None  # "Kyodo" is neither listed nor initials
    kyodo = _edited('wire_agencies = ["AP", ', 'wire_agencies = ["Kyodo", "AP", ')
    article = extract(page, options=Options(vocabulary=kyodo))
    assert (article.dateline, article.dateline_place, article.dateline_agency) == ("Tokyo (Kyodo) —", "Tokyo", "Kyodo")
