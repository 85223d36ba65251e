"""Metadata rules, each on a small hand-written page."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from unboil.metadata import extract_metadata, parse_date


def meta(html: str, url: str | None = None):
    return extract_metadata(lxml.html.document_fromstring(html), url)


def title_of(html: str, url: str | None = None) -> str | None:
    return meta(html, url).title


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


@pytest.mark.parametrize("issue", ["Tidepool 03/2024", "15 years of Tidepool"])
def test_site_name_with_a_number_is_an_issue_not_the_site(issue):
    assert title_of(f"<html><head><title>{issue} | TIDEPOOL</title></head><body><h1>{issue}</h1></body></html>",
                    "https://tidepool.example/issues/latest") == issue


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


def test_metadata_title_that_is_the_title_less_the_site_keeps_its_own_separator():
    assert title_of("""<html><head><title>Harbour report – who pays for the dredging? – THE TIDE LINE</title>
        <meta property="og:title" content="Harbour report – who pays for the dredging?"></head>
        <body><p>x</p></body></html>""") == "Harbour report – who pays for the dredging?"


def test_metadata_title_less_the_site_still_splits_at_a_bar():
    assert title_of("""<html><head><title>Pest control experts | Termite treatment | Bugaway</title>
        <meta property="og:title" content="Pest control experts | Termite treatment"></head>
        <body><p>x</p></body></html>""") == "Pest control experts"


def test_title_with_the_site_name_twice_is_not_cut_to_one():
    assert title_of("<html><head><title>Ten ways to store apples | Orchard | Orchard</title>"
                "<meta property='og:title' content='Ten ways to store apples | Orchard'></head>"
                "<body><p>x</p></body></html>") == "Ten ways to store apples"


def test_section_label_h1_loses_to_the_heading_that_is_the_og_title():
    assert title_of("""<html><head><title>Why the ferry fares went up | Coast News</title>
        <meta property="og:title" content="Why the ferry fares went up"></head>
        <body><h1>Coast Opinion</h1><article><h2>Why the ferry fares went up</h2><p>x</p></article></body></html>""") == "Why the ferry fares went up"


@pytest.mark.parametrize("title", ["Knitting a winter scarf in a weekend | Woolgather",
                                   "Woolgather » Blog Archive » Knitting a winter scarf in a weekend"])
def test_h1_that_is_the_short_part_of_the_title_loses_to_the_heading_with_the_other(title):
    assert title_of(f"<html><head><title>{title}</title></head><body><h1>Woolgather</h1>"
             "<h2>Knitting a winter scarf in a weekend</h2><p>x</p></body></html>") == "Knitting a winter scarf in a weekend"


@pytest.mark.parametrize("title, h1, h2, expected", [
    ("Borrowing rules - The Crab Book", "The Crab Book", "Borrowing rules ¶", "Borrowing rules"),
    ("News - Harbour dredging will start in May after two years of talks", "Harbour dredging will start in May after two years of talks",
     "News", "Harbour dredging will start in May after two years of talks"),
])
def test_h1_in_the_site_place_of_the_title_loses_to_the_heading_with_another_part(title, h1, h2, expected):
    assert title_of(f"<html><head><title>{title}</title></head><body><h1>{h1}</h1><h2>{h2}</h2></body></html>") == expected


def test_style_rules_inside_the_h1_are_not_its_text():
    html = ("<html><head><title>Ferries run again | Coast</title></head><body><h1><style>.c1{font-size:16px;display:block}</style>"
            "<span class='c1'>Ferries run again</span></h1></body></html>")
    assert title_of(html) == "Ferries run again"


def test_h1_with_the_standfirst_in_an_h2_keeps_the_h1():
    assert title_of("<html><head><title>Low tide - The harbour master explains the new buoys - Quay Times</title></head>"
             "<body><h1>Low tide</h1><h2>The harbour master explains the new buoys</h2><p>x</p></body></html>") == "Low tide"


def test_h1_that_extends_the_heading_is_kept():
    assert title_of("""<html><head><meta property="og:title" content="Lemon cake from the tray"></head>
        <body><h1>Juicy lemon cake from the tray: simply delicious</h1><h2>Lemon cake from the tray</h2></body></html>""") == "Juicy lemon cake from the tray: simply delicious"


@pytest.mark.parametrize("h1", ["Catering tips for small weddings | Cookshack", "Cookshack – Catering tips for small weddings"])
def test_site_name_printed_into_the_h1_is_dropped(h1):
    assert title_of(f"""<html><head><title>Catering tips for small weddings | Cookshack</title>
        <meta property="og:site_name" content="Cookshack"></head><body><h1>{h1}</h1></body></html>""") == "Catering tips for small weddings"


def test_h1_keeps_a_last_part_that_only_the_og_title_leaves_out():
    assert title_of("""<html><head><title>Do fish feel pain / suffer?</title>
        <meta property="og:title" content="Do fish feel pain?"></head>
        <body><h1>Do fish feel pain / suffer?</h1></body></html>""") == "Do fish feel pain / suffer?"


def test_dublin_core_title_outranks_the_sharing_title():
    html = ("<html><head><title>Reports</title><meta property='og:title' content='Read this: storms explained'>"
            "<meta property='dc:title' content='Storms over the Baltic, 1990-2020'></head>"
            "<body><h1>Annual series</h1><p>x</p></body></html>")
    assert title_of(html) == "Storms over the Baltic, 1990-2020"
    assert title_of(html.replace("dc:title", "DC.title").replace("property='DC", "name='DC")) == "Storms over the Baltic, 1990-2020"


@pytest.mark.parametrize("h1, expected", [
    ("A Beginner\u00e2\u0080\u0099s Guide to Kettles", "A Beginner\u2019s Guide to Kettles"),  # UTF-8 read as Latin-1
    ("A Beginner\u00e2\u20ac\u2122s Guide to Kettles", "A Beginner\u2019s Guide to Kettles"),  # ... as Windows-1252
    ("Kettles \u00c2\u00a9 \u00dcnited Caf\u00e9", "Kettles \u00c2\u00a9 \u00dcnited Caf\u00e9"),  # no misreading: kept
])
def test_title_with_utf8_read_as_a_single_byte_charset_is_read_again(h1, expected):
    assert title_of(f"<html><body><h1>{h1}</h1><p>x</p></body></html>") == expected


def test_jsonld_headline_in_graph():
    m = meta("""<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Harbour Times"},
          {"@type": "NewsArticle", "headline": "Ferry timetable changes from May",
           "datePublished": "2021-04-20T08:00:00+02:00"}]}
        </script><title>Ferry timetable changes from May - Harbour Times</title></head><body><p>x</p></body></html>""")
    assert m.title == "Ferry timetable changes from May"
    assert m.date == date(2021, 4, 20)


def test_business_marked_up_as_a_product_does_not_make_the_headline_a_site_name():
    # The JSON-LD "headline" is the business itself: the title's other part is the page's.
    assert title_of("""<html><head><title>Gutter cleaning offers | Drip-Brothers Roofing</title>
        <meta property="og:title" content="Gutter cleaning offers | Drip-Brothers Roofing">
        <meta property="og:site_name" content="Drip~Brothers Roofing">
        <script type="application/ld+json">{"@type": "Product", "name": "Drip Brothers Roofing"}</script></head>
        <body><h1>Spring specials</h1><p>x</p></body></html>""", "https://dripbros.example/offers/") == "Gutter cleaning offers"


def test_two_part_title_without_a_known_site_keeps_the_first_part():
    assert title_of("<html><head><title>Harbour dredging | Dredge and Tide Services Ltd</title></head>"
                    "<body><p>x</p></body></html>") == "Harbour dredging"


def test_two_part_title_keeps_the_part_the_page_prints_as_a_heading():
    assert title_of("<html><head><title>The Lantern Keepers Society | Tide tables were wrong</title></head>"
                    "<body><h2>Tide tables were wrong</h2><p>x</p></body></html>") == "Tide tables were wrong"


def test_heading_with_a_part_of_the_og_title_does_not_beat_an_h1_that_rewords_it():
    assert title_of("""<html><head>
        <meta property="og:title" content="Run Linux on a Laptop - Harbour Desktop 9 Virtual Machine for Laptops"></head>
        <body><h1>Harbour Desktop 9 for Laptops</h1><h2>Run Linux on a Laptop</h2><p>x</p></body></html>""") == "Harbour Desktop 9 for Laptops"


def test_thread_prefix_label_opening_the_h1_is_not_the_headline():
    assert title_of("""<html><head><title>Help - Kayak rudder squeaks | Paddle Forum</title>
        <meta property="og:title" content="Help - Kayak rudder squeaks"></head>
        <body><h1 class="title"><span class="label label--blue">Help</span><span> </span>Kayak rudder squeaks</h1></body></html>""") == "Kayak rudder squeaks"


def test_site_and_archive_label_before_the_headline_in_the_title_are_dropped():
    assert title_of("<html><head><title>Harbour Notes Weekly » Blog Archive » Tide tables were wrong</title></head>"
                    "<body><h1><a href='/'>Harbour Notes</a></h1><p>x</p></body></html>",
                    "https://harbournotes.example/tide-tables/") == "Tide tables were wrong"


def test_entities_escaped_twice_in_the_metadata_title_are_decoded():
    assert title_of("""<html><head><meta property="og:title" content="Tips &amp;amp; tricks for a cheap lunch"></head>
        <body><p>x</p></body></html>""") == "Tips & tricks for a cheap lunch"


@pytest.mark.parametrize("h1", [
    "<span class='article-heading__kicker'>Climate</span><span class='visually-hidden'>: </span><span>Drilling until it gets hot</span>",
    "<span class='ts-overline'>Climate</span> Drilling until it gets hot",
])
def test_news_kicker_opening_the_h1_is_not_the_headline(h1):
    assert title_of(f"""<html><head><title>Climate: Drilling until it gets hot | Weekly Paper</title>
        <meta property="og:title" content="Climate: Drilling until it gets hot"></head>
        <body><h1>{h1}</h1><p>x</p></body></html>""") == "Drilling until it gets hot"


def test_kicker_is_dropped_from_a_lower_heading_too():
    assert title_of("""<html><head><title>Ferry fares rise again | Coast News</title>
        <meta property="og:title" content="Ferry fares rise again"></head>
        <body><h1>Coast Opinion</h1><h2><span class="overline">Transport</span> Ferry fares rise again</h2><p>x</p></body></html>""") == "Ferry fares rise again"


@pytest.mark.parametrize("h1, expected", [
    ("23.01.2022 - Wierer wins the last race at home", "Wierer wins the last race at home"),
    ("Wierer wins the last race at home | 23 January 2022", "Wierer wins the last race at home"),
    ("2022 - the year Wierer won at home", "2022 - the year Wierer won at home"),  # a year is words of the headline
])
def test_a_date_set_off_in_the_h1_is_a_dateline(h1, expected):
    assert title_of(f"<html><head><title>{h1} - Biathlon Valley</title></head><body><h1>{h1}</h1></body></html>") == expected


def test_an_h1_that_links_home_names_the_site_in_the_title():
    assert title_of("<html><head><title>Lantern Log » Blog Archive » Tide tables were wrong</title></head>"
                    "<body><h1><a href='https://quayside.example/'>Lantern Log</a></h1><p>x</p></body></html>",
                    "https://quayside.example/2020/tides") == "Tide tables were wrong"


def test_what_follows_the_site_name_in_the_title_is_the_sites_motto():
    assert title_of("<html><head><title>Mussels in May : Harbour Kitchen | Recipes from the quay | Since 2005</title>"
                    "<meta property='og:site_name' content='Harbour Kitchen'></head><body><p>x</p></body></html>") == "Mussels in May"


@pytest.mark.parametrize("h1, expected", [
    ("How meditation rewires the brain | Opinion", "How meditation rewires the brain"),
    ("Best movers in Harbour Town 2025 | Top 19 companies", "Best movers in Harbour Town 2025"),
    ("North Africa | Big tasks for the new government", "North Africa | Big tasks for the new government"),
])
def test_bar_in_the_h1_sets_off_a_tagline_after_the_longest_first_part(h1, expected):
    assert title_of(f"<html><head><title>{h1} | Daily Harbour</title></head><body><h1>{h1}</h1></body></html>") == expected


def test_headline_and_tagline_before_the_site_name_keeps_the_headline():
    assert title_of("<html><head><title>Shop garden chairs - Sturdy & cheap options | Harbour Home</title>"
                    "<meta property='og:site_name' content='Harbour Home'></head><body><p>x</p></body></html>") == "Shop garden chairs"


# --- authors ----------------------------------------------------------------------


def test_authors_from_jsonld():
    m = meta("""<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "x", "author": [{"@type": "Person", "name": "Ada Quill"},
         {"@type": "Person", "name": "By Ben Orr"}]}</script></head><body></body></html>""")
    assert m.authors == ("Ada Quill", "Ben Orr")


def test_author_meta_junk_is_removed():
    m = meta("<html><head><meta name='author' content='By Clara Voss Email the author'></head><body></body></html>")
    assert m.authors == ("Clara Voss",)


def test_an_author_name_loses_the_web_address_and_affiliation_beside_it():
    for value, name in (("Ada Quill (http://quill.example/)", "Ada Quill"), ("Ada Quill | The Daily Example", "Ada Quill"),
                        ("Ada Quill ada@quill.example", "Ada Quill"), ("Zeige alle Beiträge von Ada Quill →", "Ada Quill")):
        m = meta(f"<html><head><meta name='author' content='{value}'></head><body></body></html>")
        assert m.authors == (name,), value


def test_author_names_given_as_markup_are_read_as_text():
    m = meta("""<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "x", "author": [{"@type": "Person",
         "name": "<a href=\\"/experts/ada-quill\\" hreflang=\\"en\\">Ada Quill</a>"}, "Ben &amp; Co <b>Orr</b>"]}</script></head>
        <body></body></html>""")
    assert m.authors == ("Ada Quill", "Ben & Co Orr")


def test_a_description_written_as_markup_is_read_as_text_but_a_quoted_title_stays():
    m = meta("<html><head><meta name='description' content='&lt;p&gt;Notes on &lt;em&gt;Rust&lt;/em&gt;-style errors.&lt;/p&gt;'></head><body></body></html>")
    assert m.description == "Notes on Rust-style errors."
    m = meta("<html><head><meta name='description' content='Reviews of &lt;The Palace&gt; by its visitors'></head><body></body></html>")
    assert m.description == "Reviews of <The Palace> by its visitors"


# --- dates helpers ----------------------------------------------------------------


def test_parse_date_keeps_the_local_day():
    assert parse_date("2022-03-01T23:30:00-05:00").date() == date(2022, 3, 1)


# --- dates ---------------------------------------------------------------------------


def test_published_time_wins_over_modified_time():
    m = meta("""<html><head><meta property="article:modified_time" content="2023-06-02T10:00:00+00:00">
        <meta property="article:published_time" content="2023-05-30T09:00:00+00:00"></head><body></body></html>""")
    assert m.date == date(2023, 5, 30)
    assert m.modified is not None and m.modified.date() == date(2023, 6, 2)


def test_local_day_is_kept_not_converted_to_utc():
    m = meta("<html><head><meta property='article:published_time' content='2019-10-16T23:45:00+02:00'></head></html>")
    assert m.date == date(2019, 10, 16)


def test_time_element_datetime():
    m = meta("<html><body><article><h2>x</h2><time datetime='2020-02-29T08:00'>Feb 29</time></article></body></html>")
    assert m.date == date(2020, 2, 29)


def test_url_date():
    m = meta("<html><body><p>x</p></body></html>", "https://news.example/2018/07/14/heat-wave-ends/")
    assert m.date == date(2018, 7, 14)
    assert m.date_source == "url"


@pytest.mark.parametrize("line, day", [
    ("August 16, 2019", date(2019, 8, 16)),
    ("Datum: 03.11.2021", date(2021, 11, 3)),
    ("01. November 2021 | Naturschutz", date(2021, 11, 1)),
    ("le 9 décembre 2019", date(2019, 12, 9)),
    ("12 de mayo de 2020", date(2020, 5, 12)),
    ("2022年1月25日", date(2022, 1, 25)),
])
def test_visible_date_beside_the_headline(line, day):
    m = meta(f"<html><body><h1>Storm closes the pass</h1><div><span>{line}</span></div>"
             "<p>Body text about 2 March 2015 events.</p></body></html>")
    assert m.date == day
    assert m.date_source == "headline"


def test_headline_date_prefers_published_over_updated_line():
    m = meta("<html><body><h1>Storm closes the pass</h1><p>Updated: March 3, 2022</p>"
             "<p>Published March 1, 2022</p></body></html>")
    assert m.date == date(2022, 3, 1)


def test_headline_date_ignores_scripts():
    m = meta("<html><body><h1>Storm closes the pass</h1><script>var d = '2001-01-01';</script>"
             "<p>May 5, 2021</p></body></html>")
    assert m.date == date(2021, 5, 5)


def test_parse_date_reads_the_clock_and_zone_of_a_written_date():
    value = parse_date("Wed, 04 May 2022 00:25:56 GMT")
    assert value is not None and value.hour == 0 and value.minute == 25 and value.utcoffset() is not None
    assert parse_date("3 May, 2022, 11:37 pm").hour == 23


def test_utc_timestamp_takes_the_day_printed_beside_the_headline():
    m = meta("""<html><head><meta property="article:published_time" content="2022-05-04T03:37:00+00:00"></head>
        <body><h1>Harbour reopens after storm</h1><p>3 May 2022</p><p>Text.</p></body></html>""")
    assert m.date == date(2022, 5, 3)


def test_utc_timestamp_takes_the_local_day_of_the_same_instant_in_a_time_element():
    m = meta("""<html><head><script type="application/ld+json">
        {"@type": "NewsArticle", "headline": "x", "datePublished": "2025-12-18T23:25:38+00:00"}</script></head>
        <body><h1>x</h1><time datetime="2025-12-19T04:25:38+0500">Yesterday</time></body></html>""")
    assert m.date == date(2025, 12, 19)


@pytest.mark.parametrize("stamp, first, day", [
    ("2026-02-15 03:05:48", "Feb 14, 2026 | 9:05 pm", date(2026, 2, 14)),  # the same instant six hours west
    ("2026-02-15 03:05:48", "Feb 14, 2026 | 9:06 pm", date(2026, 2, 15)),  # another minute: another event
    ("2026-02-15 03:00:00", "Feb 14, 2026 | 9:00 pm", date(2026, 2, 15)),  # on the hour: too common to tell
    ("2026-02-15T03:05:48Z", "Feb 14, 2026 | 9:05 pm", date(2026, 2, 15)),  # a zone of its own: read as written
])
def test_stamp_without_a_zone_takes_the_day_of_the_first_time_printed_at_its_instant(stamp, first, day):
    html = ("<html><head><script type='application/ld+json'>"
            f'{{"@type": "DiscussionForumPosting", "headline": "Trip report: Lyon", "datePublished": "{stamp}"}}'
            "</script></head><body><div>Forum</div><p>Trip report: Lyon</p>"
            f"<div class='postdate'>{first}</div><p>We flew in late.</p>"
            "<div class='postdate'>Feb 15, 2026 | 8:05 am</div><p>Nice.</p></body></html>")
    assert meta(html).date == day


def test_timestamp_with_its_own_offset_is_already_local():
    m = meta("""<html><head><meta property="article:published_time" content="2021-11-01T10:52:50+01:00"></head>
        <body><h1>Storm closes the pass</h1><p>31 October 2021</p></body></html>""")
    assert m.date == date(2021, 11, 1)


def test_day_printed_beside_headline_that_is_the_update_day_does_not_move_the_date():
    m = meta("""<html><head><meta property="article:published_time" content="2025-12-02T23:00:55+00:00">
        <meta property="article:modified_time" content="2025-12-03T21:31:05+00:00"></head>
        <body><h1>Storm closes the pass</h1><p>December 3, 2025</p></body></html>""")
    assert m.date == date(2025, 12, 2)


def test_citation_style_year_month_day():
    assert parse_date("2023 Jan 7") is not None and parse_date("2023 Jan 7").date() == date(2023, 1, 7)
    assert parse_date("in 2020 may 5 people") is None


@pytest.mark.parametrize("name", ["w-published-date", "published", "ms.date", "zz:publicationDate"])
def test_publishers_own_meta_names_for_the_date(name):
    m = meta(f"<html><head><meta name='{name}' content='2025-05-27T06:03:43Z'>"
             "<meta name='expiry-date' content='2030-01-01'></head><body><p>x</p></body></html>")
    assert m.date == date(2025, 5, 27)


def test_printed_date_beats_a_publishers_own_meta_name():
    m = meta("<html><head><meta name='zz:publicationdate' content='2020-09-08T17:33:18+02:00'></head>"
             "<body><h1>Sport in a quiet year</h1><span>04.04.2020</span></body></html>")
    assert m.date == date(2020, 4, 4)


def test_printed_date_is_read_beside_the_heading_that_carries_the_title():
    m = meta("""<html><head><title>Radon levels fall in old houses | Agency</title></head>
        <body><h1>Quick links</h1><nav><a href="/a">A</a></nav>
        <div class="news"><h2>Radon levels fall in old houses</h2><span>25.01.2022</span><p>Text.</p></div></body></html>""")
    assert m.date == date(2022, 1, 25)


def test_date_in_a_sub_line_of_the_heading():
    m = meta("<html><head><meta property='og:title' content='Fans return to the stands'></head>"
             "<body><h1>Fans return to the stands<br><small>02.02.2022 • Press</small></h1><p>x</p></body></html>")
    assert m.date == date(2022, 2, 2)
    m = meta("<html><body><h1><span>23.01.2022 - Wierer wins the last race at home</span></h1><p>x</p></body></html>")
    assert m.date == date(2022, 1, 23)


def test_date_in_the_headline_words_is_not_the_publication_date():
    m = meta("<html><body><h1>What happened on <b>March 3, 2020</b></h1><p>x</p></body></html>")
    assert m.date is None


def test_published_line_before_the_headline_beats_an_updated_line_after_it():
    m = meta("<html><body><span>December 22, 2022</span><h1>Ten ways to sleep better</h1>"
             "<span>Updated: January 2, 2026</span><p>x</p></body></html>")
    assert m.date == date(2022, 12, 22)


def test_microdata_date_published_beats_the_printed_date_nearby():
    m = meta("""<html><body><h1>Stop the automatic rent rise</h1><p>Petition closes 07.02.2022</p>
        <span property="schema:dateCreated" content="2022-02-04T15:29:27+01:00"></span></body></html>""")
    assert m.date == date(2022, 2, 4)
    assert m.date_source == "microdata"


@pytest.mark.parametrize("open_, close", [("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("/* <![CDATA[ */", "/* ]]> */")])
def test_jsonld_wrapped_in_cdata(open_, close):
    m = meta(f"""<html><head><script type="application/ld+json">{open_}
        {{"@type": "Article", "headline": "Hermitian matrices", "datePublished": "2003-02-28T21:51:08Z"}}
        {close}</script></head><body><p>x</p></body></html>""")
    assert m.date == date(2003, 2, 28)
    assert m.title == "Hermitian matrices"


@pytest.mark.parametrize("body, day", [
    ("<h1>New president elected</h1><p>13.10.2021</p>", date(2021, 10, 13)),
    ("<p>No printed date</p>", date(2021, 10, 15)),
])
def test_generic_date_meta_loses_to_the_printed_date(body, day):
    assert meta(f"<html><head><meta name='dc.date' content='2021-10-15'></head><body>{body}</body></html>").date == day


def test_microdata_of_many_teasers_is_not_the_page_date():
    teasers = "".join(f"<li><span itemprop='datePublished' content='2026-03-{d:02d}'>x</span></li>" for d in (13, 10, 9))
    m = meta(f"<html><body><ul>{teasers}</ul><h1>Eleven podcasts for IT leaders</h1><p>Mar 27, 2025</p></body></html>")
    assert m.date == date(2025, 3, 27)


def test_thread_microdata_takes_the_first_post():
    posts = "".join(f"<div><time itemprop='dateCreated' datetime='{d}'></time></div>" for d in ("2019-01-21", "2014-02-04", "2020-05-31"))
    m = meta(f"<html><body>{posts}</body></html>")
    assert m.date == date(2014, 2, 4)


@pytest.mark.parametrize("lang, day", [("pt-BR", date(2022, 5, 3)), ("en-US", date(2022, 3, 5)), ("en-GB", date(2022, 5, 3))])
def test_numeric_date_reads_day_first_outside_us_english(lang, day):
    m = meta(f"<html lang='{lang}'><body><h1>Senate leader courts the court</h1><p>03/05/2022 21:44</p></body></html>")
    assert m.date == day


def test_parse_date_day_first_keeps_the_only_valid_reading():
    assert parse_date("12/25/2020", dayfirst=True).date() == date(2020, 12, 25)
    assert parse_date("25/12/2020").date() == date(2020, 12, 25)


@pytest.mark.parametrize("h1, title", [
    ("Price Guide &amp; Hourly Rate Comparison", "Price Guide & Hourly Rate Comparison"),
    ("Price Guide &amp; Hourly Rate | Tools, Tables", "Price Guide & Hourly Rate"),
    ("<span>Pricing</span> <span>Price Guide &amp; Hourly Rate</span>", "Price Guide & Hourly Rate"),
])
def test_h1_of_one_run_of_text_is_the_whole_headline_not_a_wrapper(h1, title):
    m = meta(f"<html><head><meta property='og:title' content='Price Guide &amp; Hourly Rate'></head><body><h1>{h1}</h1></body></html>")
    assert m.title == title


@pytest.mark.parametrize("body, day", [
    ("<h1>Kettles compared</h1><div><p class='t600'>April 8, 2024</p></div><p>We poured.</p>", date(2024, 4, 8)),
    ("<h1>Kettles compared</h1><p>We poured.</p><footer><p>Letzte Änderung: 31.10.2023 - 14:49<br>"
     "Erschienen am: 01.11.2023<br>Lesungen: 61, alle Rechte bei der Autorin und beim Verlag</p></footer>", date(2023, 11, 1)),
    ("<shreddit-post created-timestamp='2026-03-03T09:47:05.754000+0000'><h1>Kettles compared</h1></shreddit-post>",
     date(2026, 3, 3)),
    ("<h1>Kettles compared</h1><p>Updated March 13, 2024</p><p>We poured.</p>", date(2024, 3, 13)),
    ("<h1>Kettles compared</h1><p>Updated March 13, 2024</p><p>Posted on the 15/12/2023 at 19:00 by Kim</p>",
     date(2023, 12, 15)),
])
def test_page_without_date_markup_reads_a_printed_date_line(body, day):
    assert meta(f"<html lang='en-gb'><head><title>Kettles compared</title></head><body>{body}</body></html>").date == day


@pytest.mark.parametrize("label", ["Founded:", "Joined", "Member since", "Registriert:"])
def test_a_members_joining_date_beside_the_headline_is_not_the_page_date(label):
    html = (f"<html><body><h1>Which tent for the Alps?</h1><div><span>hiker_7</span><span>Posts: 41</span>"
            f"<span>{label}</span><span>Dec 11, 2021</span></div><p>by hiker_7 » Tue Aug 27, 2019 1:47 am</p>"
            "<p>Body.</p></body></html>")
    assert meta(html).date == date(2019, 8, 27)


@pytest.mark.parametrize("stamp, day", [
    ("2019-02-23, 09:14 PM <span>(This post was last modified: 2024-01-05 by Ann)</span>", date(2019, 2, 23)),
    ("<span>Last modified: 2024-01-05</span>", date(2019, 2, 24)),  # an edit note alone is passed over
])
def test_date_element_read_up_to_its_edit_note(stamp, day):
    html = ("<html><body><div class='nav'>Home</div>"
            f"<div class='post'><span class='post_date'>{stamp}</span><p>Which forum software?</p></div>"
            "<div class='post'><span class='post_date'>2019-02-24, 02:31 AM</span><p>Try both.</p></div></body></html>")
    assert meta(html).date == day


def test_a_date_later_than_the_edit_line_read_before_it_is_a_replys():
    html = ("<html><head><title>Why did the ISO grow? / Arch Forums</title></head><body><h1>Arch Forums</h1>"
            "<h2><span>#1</span> <a href='#p1'>2025-11-01 15:14:37</a></h2>"
            "<h3>Why did the ISO grow?</h3><p>The image doubled in size.</p>"
            "<p>Last edited by ann (2025-11-01 15:15:18)</p><p>Offline</p><h2>#2 2025-11-02 06:23:21</h2>"
            "<p>Firmware was added.</p></body></html>")
    assert meta(html).date == date(2025, 11, 1)


def test_date_inside_a_sentence_is_not_read_as_the_page_date():
    assert meta("<html><body><div><p>The shop opens on April 8, 2024, with a tasting for all.</p></div></body></html>").date is None


def test_lines_above_the_headline_take_the_label_before_them():
    m = meta("<html><body><header><span>Health</span><span>DECEMBER 22, 2022</span><span>Updated: JANUARY 02, 2026</span>"
             "</header><h1>Ten ways to sleep better</h1><p>Text.</p></body></html>")
    assert m.date == date(2022, 12, 22)


@pytest.mark.parametrize("script, day", [
    ('window.__STATE__ = {"product": {"created_at": "2019-03-01T06:27:24", "published_at": "2019-03-02T06:22:28+01:00"}};',
     date(2019, 3, 2)),
    ('{"blocks": [{"createdAt": "2022-01-31T15:58:43+01:00", "enabled": true}]}', date(2022, 1, 31)),
])
def test_publication_stamp_in_the_pages_script_data(script, day):
    assert meta(f"<html><head><script>{script}</script></head><body><h1>Sidamo beans</h1></body></html>").date == day


def test_rdfa_property_naming_several_meta_names():
    m = meta("""<html><head><title>Home</title><meta property="x:title dc:title" content="Lighthouse keepers' logbooks">
        <meta property="og:site_name article:published_time" content="2021-06-01"></head>
        <body><p>x</p></body></html>""")
    assert m.title == "Lighthouse keepers' logbooks"
    assert m.date == date(2021, 6, 1)


@pytest.mark.parametrize("lang, stamp, day", [
    ("de", "2021-11-04T23:00:00Z", date(2021, 11, 5)),
    ("de", "2021-11-04T23:17:00Z", date(2021, 11, 4)),
    ("en-us", "2021-11-04T23:00:00Z", date(2021, 11, 4)),
])
def test_local_midnight_stored_as_utc_is_the_next_day_in_central_europe(lang, stamp, day):
    m = meta(f"<html lang='{lang}'><head><meta property='article:published_time' content='{stamp}'></head>"
             "<body><h1>Kommunalwahlen</h1></body></html>")
    assert m.date == day


def test_paragraph_that_opens_with_its_date():
    m = meta("<html lang='de'><body><h1>Gedenken</h1><p>Von Anna Berg</p><p>27.1.2022 - Bei der Erinnerung an die "
             "Verfolgten waren viele Opfer lange unsichtbar, und daran hat sich in den Jahrzehnten seither "
             "erstaunlich wenig geändert, sagen die Initiatorinnen.</p></body></html>")
    assert m.date == date(2022, 1, 27)


def test_url_date_written_day_first():
    assert meta("<html><body><p>x</p></body></html>", "https://ring.example/meldungen/29-10-2021").date == date(2021, 10, 29)


def _two_stamps(printed: str) -> str:
    return ("<html><head><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "headline": "Ferry fares rise", "datePublished": "2021-03-02T08:00:00+01:00"}'
            "</script><meta property='article:published_time' content='2021-03-09T10:00:00+01:00'></head>"
            f"<body><h1>Ferry fares rise</h1><p>{printed}</p><div></div></body></html>")


@pytest.mark.parametrize("printed, day", [
    ("9 March 2021", date(2021, 3, 9)),  # only the second stamp is printed: it is the page's
    ("2 March 2021", date(2021, 3, 2)),  # the first stamp is printed: it stays
    ("No date here", date(2021, 3, 2)),  # neither: the JSON-LD as before
])
def test_publication_stamp_that_the_page_prints_wins_over_one_it_does_not(printed, day):
    assert meta(_two_stamps(printed)).date == day


def test_a_stamp_given_once_per_comment_is_no_page_stamp():
    html = _two_stamps("9 March 2021").replace("<meta property='article:published_time' content='2021-03-09T10:00:00+01:00'>", "")
    html = html.replace("<div></div>", "<div><meta name='datepublished' content='2021-03-09'><meta name='datepublished' content='2021-03-09'></div>")
    prose = "<p>" + "The ferry company wrote to every season ticket holder about the new fares. " * 10 + "</p>"
    html = html.replace("<h1>Ferry fares rise</h1>", "<h1>Ferry fares rise</h1>" + prose)  # the printed day is no headline date
    assert meta(html).date == date(2021, 3, 2)


def test_utc_timestamp_takes_the_day_in_the_address_it_can_fall_on():
    html = ("<html><head><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "headline": "Press secretary leaves", "datePublished": "2020-02-25T02:25:54Z"}'
            "</script></head><body><h1>Press secretary leaves</h1><p>x</p></body></html>")
    assert meta(html, "https://gossip.example/2020/02/24/press-secretary-leaves/").date == date(2020, 2, 24)
    assert meta(html, "https://gossip.example/2020/02/20/press-secretary-leaves/").date == date(2020, 2, 25)


def test_hatom_published_stamp_is_the_publishers_markup():
    html = ("<html><body><h1>Running in winter</h1><p>9 February 2019</p><div class='entry-meta'>"
            "<abbr class='entry-date published' title='2019-02-10T09:30:10+01:00'>Sunday</abbr></div></body></html>")
    m = meta(html)
    assert m.date == date(2019, 2, 10)
    assert m.date_source == "microdata"


@pytest.mark.parametrize("line, day", [
    ("This guide was originally published on 26 Sep 2019 and is updated regularly.", date(2019, 9, 26)),
    ("Originally posted by Ann on 3 March 2021: I agree.", date(2022, 9, 30)),  # a quoted post, not this page
])
def test_originally_published_line_beside_the_headline_beats_the_revision_date(line, day):
    html = (f"<html><body><h1>Living in a tiny home</h1><p>30 Sep 2022, 11:07am</p><p>By Ann</p>"
            f"<p><em>{line}</em></p><p>Body text.</p></body></html>")
    assert meta(html).date == day


@pytest.mark.parametrize("text, dayfirst, day", [
    ("on 04-ago-2021 5:11:10", False, date(2021, 8, 4)),
    ("04-Aug-2021", False, date(2021, 8, 4)),
    ("15 августа 2016, 13:43", True, date(2016, 8, 15)),
    ("3 marca 2020", True, date(2020, 3, 3)),
    ("4. 2. 2022.", True, date(2022, 2, 4)),
    ("11-29-2024, 09:14 PM", False, date(2024, 11, 29)),
    ("03-09-2026", False, date(2026, 3, 9)),
    ("03-09-2026", True, date(2026, 9, 3)),
])
def test_parse_date_more_written_forms(text, dayfirst, day):
    value = parse_date(text, loose=False, dayfirst=dayfirst)
    assert value is not None and value.date() == day


def test_two_digit_year_is_read_beside_the_headline_only():
    assert parse_date("23.09.22", loose=False) is None  # a version number as often as a date
    m = meta("<html><body><h1>A green living room</h1><p>23.09.22</p><p>Body text.</p></body></html>")
    assert m.date == date(2022, 9, 23)


def test_hatom_stamp_reads_day_first_on_a_day_first_page():
    html = ("<html lang='de'><body><h1>Ein Musikvideo</h1><p>x</p>"
            "<abbr class='published' title='06-08-2009T14:12:32+0200'>Donnerstag</abbr></body></html>")
    assert meta(html).date == date(2009, 8, 6)


def test_a_date_in_the_story_below_the_lead_is_not_the_headline_date():
    prose = "<p>" + "The council met again to talk about the harbour and its future. " * 5 + "</p>"
    html = (f"<html><body><h1>Harbour plans</h1>{prose}{prose}{prose}"
            "<p>The vote of 12 March 2001 set the new harbour rules for all boats.</p></body></html>")
    assert meta(html).date is None
    assert meta(html.replace("<h1>Harbour plans</h1>", "<h1>Harbour plans</h1><p>The vote of 12 March 2001 set the new harbour rules for all boats.</p>")).date == date(2001, 3, 12)


def _saved(published: str, modified: str, extra: str = "", via: str = "jsonld") -> str:
    if via == "jsonld":
        stamps = ("<script type='application/ld+json'>"
                  f'{{"@type": "BlogPosting", "headline": "Short videos that sell", "datePublished": "{published}", "dateModified": "{modified}"}}'
                  "</script>")
    else:
        stamps = (f"<meta property='article:published_time' content='{published}'>"
                  f"<meta property='article:modified_time' content='{modified}'>")
    return (f"<html><head>{stamps}</head><body><h1>Short videos that sell</h1><p>May 14, 2025</p>"
            f"<p>Body.</p>{extra}</body></html>")


@pytest.mark.parametrize("published, modified, extra, day", [
    ("2025-11-20T16:02:46Z", "2025-11-20T16:02:46Z", "", date(2025, 5, 14)),  # a save stamp: the printed day
    ("2025-11-20T16:02:46+02:00", "2025-11-20T16:02:46+02:00", "", date(2025, 11, 20)),  # a local stamp is meant
    ("2025-11-20T16:02:46Z", "2025-11-20T16:02:46Z", "<p>Nov 20, 2025</p>", date(2025, 11, 20)),  # printed too
    ("2025-11-20T16:02:46Z", "2025-12-01T09:00:00Z", "", date(2025, 11, 20)),  # revised later: a real publication
])
def test_save_stamp_yields_to_an_earlier_date_printed_beside_the_headline(published, modified, extra, day):
    assert meta(_saved(published, modified, extra, via="meta")).date == day


@pytest.mark.parametrize("stamp, day", [
    ("2024-08-07T12:01:51Z", date(2013, 12, 30)),  # a lone machine stamp years after the printed day: an import
    ("2024-08-07T12:01:51+02:00", date(2024, 8, 7)),  # a local stamp is meant
])
def test_lone_save_stamp_yields_to_an_earlier_date_printed_beside_the_headline(stamp, day):
    html = (f"<html><head><meta property='article:published_time' content='{stamp}'></head><body>"
            "<h1>Lessons from a failed startup</h1><p>7 min read</p><p>Dec 30, 2013</p><p>Body.</p></body></html>")
    assert meta(html).date == day


@pytest.mark.parametrize("modified, line, extra, day", [
    ("2025-12-01T09:00:00Z", "May 14, 2025", "", date(2025, 5, 14)),  # a JSON-LD stamp never printed: the printed day
    ("2025-05-14T09:00:00Z", "May 14, 2025", "", date(2025, 5, 14)),  # the revision's day, shown as the story's
    ("2025-05-14T09:00:00Z", "Updated May 14, 2025", "", date(2025, 5, 14)),  # the only day printed, though a revision
    ("2025-05-14T09:00:00Z", "Updated May 14, 2025", "<footer>1999</footer>", date(2025, 5, 14)),  # a year is no day
    ("2025-05-14T09:00:00Z", "Updated May 14, 2025", "<p>" + "Long takes lose viewers in the first seconds. " * 15
     + "</p><footer>Tour of March 3, 2025</footer>", date(2025, 11, 20)),  # another day printed: the stamp stays
    ("2025-12-01T09:00:00Z", "May 14, 2025", "<footer>Nov 20, 2025</footer>", date(2025, 11, 20)),  # the stamp is printed too
])
def test_unprinted_jsonld_stamp_yields_to_the_date_printed_beside_the_headline(modified, line, extra, day):
    html = _saved("2025-11-20T16:02:46+02:00", modified, extra).replace("<p>May 14, 2025</p>", f"<p>{line}</p>")
    assert meta(html).date == day


@pytest.mark.parametrize("updated, day", [
    ("Updated Aug 21, 2025", date(2023, 4, 26)),  # the stamp's day is printed only as the update
    ("Aug 21, 2025", date(2025, 8, 21)),  # printed plainly too: the stamp stays
])
def test_stamp_printed_only_as_the_update_yields_to_the_published_line(updated, day):
    html = ("<html><head><script type='application/ld+json'>"
            '{"@type": "Article", "headline": "Top electrical contractors", "datePublished": "Aug 21, 2025"}'
            "</script></head><body><h1>Top electrical contractors</h1><p>By Claire</p>"
            f"<div>Published <span>Apr 26, 2023</span></div><div>Reading time 15 minutes</div><p>{updated}</p>"
            "<p>Body.</p></body></html>")
    assert meta(html).date == day


def test_unprinted_jsonld_stamp_that_a_meta_tag_repeats_stays_beside_a_printed_revision():
    html = _saved("2025-11-20T16:02:46+02:00", "2025-05-14T09:00:00Z").replace("<p>May 14, 2025</p>", "<p>Updated May 14, 2025</p>")
    assert meta(html).date == date(2025, 5, 14)
    listed = html.replace("</head>", "<meta property='article:published_time' content='2025-11-20T16:02:46+02:00'></head>")
    assert meta(listed).date == date(2025, 11, 20)


def test_unprinted_stamp_and_a_printed_date_that_is_it_with_day_and_month_swapped():
    html = _saved("2021-11-01T05:00:14", "2021-11-01T05:00:14").replace("<p>May 14, 2025</p>", "<p>11/01/2021</p>")
    assert meta(html.replace("<html>", "<html lang='de'>")).date == date(2021, 11, 1)


def test_jsonld_carried_in_a_meta_tag():
    data = '{"@type": "Article", "headline": "Electric cars explained", "datePublished": "2025-11-17T09:00:00-05:00"}'
    html = (f"<html><head><meta name='script:ld+json' content='{data}'></head>"
            "<body><p>x</p></body></html>")
    m = meta(html)
    assert m.date == date(2025, 11, 17) and m.title == "Electric cars explained"


def test_locale_in_the_address_decides_the_day_order_when_the_page_names_no_language():
    html = "<html><body><h1>Student halls too full</h1><p>02/10/2020</p></body></html>"
    assert meta(html, "https://news.example/en-gb/uk/halls-too-full").date == date(2020, 10, 2)
    assert meta(html, "https://news.example/en-us/uk/halls-too-full").date == date(2020, 2, 10)
    assert meta(html, "https://news.example/uk/halls-too-full").language is None


def test_url_with_a_month_name_and_a_numeric_date_read_against_it():
    assert meta("<html><body><p>x</p></body></html>", "https://paper.example/2021/jan/15/ferry-fares").date == date(2021, 1, 15)
    html = "<html lang='en-us'><body><h1>How many wine styles are there</h1><p>03/10/2023</p></body></html>"
    assert meta(html, "https://wine.example/blog/2023/october/03/styles/").date == date(2023, 10, 3)
    assert meta(html, "https://wine.example/blog/styles/").date == date(2023, 3, 10)


@pytest.mark.parametrize("footer, day", [
    ("<p>04 de mayo 2022, 12:00 A.M.</p>", date(2022, 5, 4)),  # only the revision's day is printed: it is shown as the page's
    ("<p>Last edited on 4 May 2022</p>", date(2022, 5, 3)),  # printed as an edit: the stamp stays
    ("<p>04 de mayo 2022</p><p>03 de mayo 2022</p>", date(2022, 5, 3)),  # the stamp is printed too
])
def test_unprinted_jsonld_stamp_and_the_modified_day_printed_elsewhere(footer, day):
    html = ("<html lang='es'><head><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "headline": "Candidates debate", "datePublished": "2022-05-03T13:32:45", "dateModified": "2022-05-04T00:00:00"}'
            "</script></head><body><h1>Candidates debate</h1>"
            + "<p>" + "The candidates answered the students' questions for two hours in the hall. " * 12 + "</p>"
            + f"{footer}</body></html>")
    assert meta(html).date == day


@pytest.mark.parametrize("head, day", [
    ("<meta property='article:modified_time' content='2025-12-09T13:39:25+00:00'>", date(2025, 12, 9)),  # meta names only the revision
    ("", date(2025, 8, 22)),  # no meta tag: the stamp stays
    ("<meta property='article:modified_time' content='2025-12-09T13:39:25+00:00'>"
     "<meta property='article:published_time' content='2025-08-22T16:28:40Z'>", date(2025, 8, 22)),  # meta repeats it
])
def test_revision_that_the_meta_tags_alone_name_and_the_page_alone_prints(head, day):
    html = ("<html><head><script type='application/ld+json'>"
            '{"@type": "Article", "headline": "Book boxes tested", "datePublished": "2025-08-22T16:28:40Z", "dateModified": "2025-12-09T07:38:58Z"}'
            f"</script>{head}</head><body><h1>Book boxes tested</h1>"
            + "<p>" + "We ordered every box for three months and read what came. " * 12 + "</p>"
            + "<footer><p>Updated December 9, 2025</p></footer></body></html>")
    assert meta(html).date == day


def test_hatom_updated_stamp_outranks_a_date_merely_printed_on_the_page():
    html = ("<html><body><h2>School grades in Mozart's day</h2>"
            + "<p>" + "Mozart's father kept every report his son brought home from school. " * 12 + "</p>"
            + "<span class='updated' title='2013-04-04T18:52:11+00:00'></span>"
            "<div class='archive-note'>10 Nov 2013</div></body></html>")
    m = meta(html)
    assert m.date == date(2013, 4, 4) and m.date_source == "hatom:updated"


# --- titles with markup ------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        '&lt;a href="/www/news/community/subscription.asp"&gt;&lt;font color=red&gt;Subscribe',
        '"/sport2/hi/default.stm"; break; } } /** * Expose the props',
        "var page = {id: 7}; function go() { return; }",
    ],
)
def test_a_title_of_markup_or_script_gives_way_to_the_headline(title: str) -> None:
    page = (f"<html><head><title>{title}</title></head><body><h1>Storm floods the harbour at high tide</h1>"
            "<p>x</p></body></html>")
    assert title_of(page) == "Storm floods the harbour at high tide"
    og = (f"<html><head><title>{title}</title><meta property='og:title' content='Storm floods the harbour'>"
          "</head><body><p>x</p></body></html>")
    assert title_of(og) == "Storm floods the harbour"


def test_a_title_is_cut_before_markup_written_into_it() -> None:
    page = ("<html><head><title>Storm floods the harbour - Harbour Times &lt;a href=\"/subscribe\"&gt;Subscribe</title>"
            "</head><body><p>x</p></body></html>")
    assert title_of(page) == "Storm floods the harbour"


@pytest.mark.parametrize("title", ["&lt;table&gt;: The Table element", "30 Years of &lt;br&gt; Tags",
                                   "Planning with {orga your life} in a week"])
def test_a_tag_name_or_braces_as_words_of_a_title_stay(title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"
    assert title_of(page) == lxml.html.fromstring(f"<p>{title}</p>").text_content()


@pytest.mark.parametrize(
    "title",
    ["Storm floods the harbour at high tide_English_Xinhua", "Storm floods the harbour at high tide_Eng",
     "Storm floods the harbour at high tide :: Harbour Times", "Harbour Times » News » Storm floods the harbour at high tide"],
)
def test_trailing_site_and_section_names_go_whatever_the_separator(title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"
    assert title_of(page) == "Storm floods the harbour at high tide"


def test_an_underscore_inside_a_word_is_no_separator() -> None:
    page = "<html><head><title>Naming variables in snake_case and MAX_VALUE constants</title></head><body><p>x</p></body></html>"
    assert title_of(page) == "Naming variables in snake_case and MAX_VALUE constants"
