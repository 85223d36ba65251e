"""Issue 14: the story anchored under its headline, and the ``favor`` knob.

Every page here is written for the test; none is copied from the corpus.
"""

from __future__ import annotations

import unboil
from unboil import Options

POST = (
    "The harbour committee met on Tuesday evening and agreed, after a long debate, to rebuild the old "
    "wooden pier before the summer season begins, with volunteers doing most of the work."
)
SIDEBAR_TITLES = [f"Another story from the archive about boats, number {n}" for n in range(30)]


def _short_post_page(blog_heading: str = "<h1><a href='/'>Harbour Notes Daily</a></h1>") -> str:
    sidebar = "".join(f"<li><a href='/p/{n}'>{t}</a></li>" for n, t in enumerate(SIDEBAR_TITLES))
    return f"""<html><head><title>Harbour Notes Daily: The pier will be rebuilt</title></head><body>
    <div id="header">{blog_heading}<p>A small blog about a small harbour, its boats, its people and its weather.</p></div>
    <div id="wrap"><div class="column-a"><div class="p-77"><h3>The pier will be rebuilt</h3><div class="b-1"><p>{POST}</p></div></div></div>
    <div class="column-b"><ul>{sidebar}</ul></div></div></body></html>"""


def test_a_short_post_beside_a_sidebar_of_linked_titles_is_the_article() -> None:
    article = unboil.extract(_short_post_page())
    assert article.text.endswith(POST)
    assert "from the archive" not in article.text


def test_a_linked_blog_name_in_the_title_does_not_anchor_the_story() -> None:
    # The blog's name heads a description of the blog: the post's own heading, unlinked, wins.
    article = unboil.extract(_short_post_page())
    assert "A small blog about a small harbour" not in article.text


def _listing_page() -> str:
    cards = "".join(
        f"<li class='card'><p class='t'><a href='/i/{n}'>Folding garden chair, model {n}</a></p><p class='price'>${n + 20}.00</p></li>"
        for n in range(12)
    )
    intro = "Our folding garden chairs are made of oak and steel, and each of them folds flat in a second for storage."
    return f"""<html><head><title>Garden chairs</title></head><body><div class="main">
    <h1>Garden chairs</h1><p>{intro}</p><ul class="grid">{cards}</ul></div></body></html>"""


def test_a_listing_with_an_intro_under_its_headline_keeps_its_entries() -> None:
    article = unboil.extract(_listing_page())
    assert "Folding garden chair, model 7" in article.text
    assert "$27.00" in article.text


def test_the_story_holds_its_anchor_against_a_heavier_profile_box() -> None:
    profile = " ".join(["I write about harbours, boats and the people who look after them, and I have done so for years."] * 3)
    menu = "".join(f"<li><a href='/s/{n}'>Section of the harbour site {n}</a></li>" for n in range(30))
    page = f"""<html><head><title>The pier will be rebuilt</title></head><body><ul class="m">{menu}</ul>
    <div class="posts"><h3>The pier will be rebuilt</h3><div class="text"><p>{POST}</p><p>{POST}</p></div></div>
    <dl class="me"><dd class="about">{profile} {profile}</dd></dl></body></html>"""
    article = unboil.extract(page)
    assert POST in article.text
    assert "I write about harbours" not in article.text


def _article_with_tail() -> str:
    paragraphs = "".join(f"<p>{POST} Paragraph {n} of the story goes on.</p>" for n in range(4))
    return f"""<html><head><title>The pier will be rebuilt</title></head><body><div class="story">
    <h1>The pier will be rebuilt</h1><p>By Ann Lee</p>{paragraphs}
    <p>Harbour</p><p>Weather</p><p>Boats</p></div></body></html>"""


def test_favor_precision_drops_the_short_lines_of_the_tail() -> None:
    balanced = unboil.extract(_article_with_tail())
    precise = unboil.extract(_article_with_tail(), options=Options(favor="precision"))
    assert "Weather" in balanced.text
    assert "Weather" not in precise.text
    assert "Paragraph 3 of the story" in precise.text


def test_favor_recall_keeps_the_headline_and_the_byline() -> None:
    balanced = unboil.extract(_article_with_tail())
    generous = unboil.extract(_article_with_tail(), options=Options(favor="recall"))
    assert "By Ann Lee" not in balanced.text
    assert "By Ann Lee" in generous.text
    assert generous.text.startswith("The pier will be rebuilt")


def test_favor_recall_widens_to_prose_beside_the_container_but_not_to_the_page() -> None:
    story = "".join(f"<p>{POST} Part {n}.</p>" for n in range(4))
    links = "".join(f"<li><a href='/n/{n}'>Another note of the harbour {n}</a></li>" for n in range(8))
    aside = f"<p>{POST} A note beside the story.</p><ul>{links}</ul>"
    menu = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(8))
    page = f"""<html><head><title>The pier</title></head><body><ul class="m">{menu}</ul>
    <div class="outer"><div class="inner">{story}</div><div class="x">{aside}</div></div></body></html>"""
    balanced = unboil.extract(page)
    generous = unboil.extract(page, options=Options(favor="recall"))
    assert "A note beside the story" not in balanced.text
    assert "A note beside the story" in generous.text
    assert "Section 3" not in generous.text
    assert "Another note of the harbour" not in generous.text


def _jobs_page(filters: int = 0, jobs: int = 12) -> str:
    """A board of jobs under its title and intro: every card a link of two blocks (a title, a company)."""
    menu = "".join(f"<li><a href='/f/{n}'>Filter by kind {n}</a></li>" for n in range(filters))
    cards = "".join(
        f"<li class='job'><a href='/j/{n}'><h4>Harbour master assistant number {n}</h4><p>Port company {n}, full time</p></a></li>"
        for n in range(jobs)
    )
    intro = "Every job on the harbour is listed here, from the pier to the boat yards, and new ones come in each week."
    return f"""<html><head><title>Harbour jobs this week</title></head><body><div class="main">
    <h1>Harbour jobs this week</h1><p>{intro}</p><ul class="filters">{menu}</ul><ul class="jobs">{cards}</ul></div></body></html>"""


def test_a_headline_and_intro_followed_by_cards_head_a_listing() -> None:
    article = unboil.extract(_jobs_page())
    assert "Harbour master assistant number 7" in article.text
    assert "Port company 11, full time" in article.text


def test_a_listing_that_dwarfs_the_story_under_the_headline_is_the_content() -> None:
    # The cards start past a long menu of filters: not right after the intro, but they hold far more.
    article = unboil.extract(_jobs_page(filters=12, jobs=40))
    assert "Harbour master assistant number 33" in article.text


def test_a_short_post_followed_by_sidebar_widgets_stays_the_article() -> None:
    widgets = "".join(
        f"<div class='widget'><h3>Widget {w}</h3><ul>"
        + "".join(f"<li><a href='/w/{w}/{n}'>Older post of the harbour blog, part {w}{n}</a></li>" for n in range(8))
        + "</ul></div>"
        for w in range(4)
    )
    page = f"""<html><head><title>The pier will be rebuilt</title></head><body><div id="wrap">
    <div class="post"><h2>The pier will be rebuilt</h2><div class="entry"><p>{POST}</p></div></div>
    <div class="sidebar">{widgets}</div></div></body></html>"""
    article = unboil.extract(page)
    assert POST in article.text
    assert "Older post of the harbour blog" not in article.text


def test_a_post_of_links_under_its_headline_keeps_its_links() -> None:
    # The post's own list (inside the box of its headline) is read as entries, however
    # little the first reading keeps of it; a sidebar of links beside it stays out.
    items = "".join(
        f"<p><a href='https://example.org/{n}'>A harbour story from elsewhere, number {n}</a> - worth a look.</p>" for n in range(10)
    )
    sidebar = "".join(f"<li><a href='/m/{n}'>Month {n}</a></li>" for n in range(12))
    page = f"""<html><head><title>Harbour links of the week</title></head><body><div id="wrap">
    <div class="post"><h2>Harbour links of the week</h2><div class="entry"><p>{POST}</p>{items}</div></div>
    <div class="side"><ul>{sidebar}</ul></div></div></body></html>"""
    article = unboil.extract(page)
    assert "A harbour story from elsewhere, number 8" in article.text
    assert "Month 3" not in article.text


def test_a_short_story_under_its_headline_is_not_traded_for_a_relaxed_reading() -> None:
    # The strict pass prunes the sidebar and keeps the short post; a relaxed pass would keep the
    # sidebar and find "clearly more" text in its long profile, but the page's story is the post.
    profile = " ".join(["I write about harbours, boats and the people who look after them, and I have done so for years."] * 8)
    menu = "".join(f"<li><a href='/s/{n}'>Section of the harbour site {n}</a></li>" for n in range(60))
    page = f"""<html><head><title>The pier will be rebuilt</title></head><body><ul class="menu">{menu}</ul><div id="wrap">
    <div class="post"><h2>The pier will be rebuilt</h2><div class="entry"><p>{POST}</p></div></div>
    <div class="sidebar"><p>{profile}</p></div></div></body></html>"""
    article = unboil.extract(page)
    assert POST in article.text
    assert "I write about harbours" not in article.text


def _post_with_box(box: str) -> str:
    paragraphs = "".join(f"<p>{POST} Part {n} of the story.</p>" for n in range(2))
    return f"""<html><head><title>The pier will be rebuilt</title></head><body><div id="content">
    <div class="post"><h1>The pier will be rebuilt</h1><div class="entry">{paragraphs}</div></div>{box}</div></body></html>"""


def test_comments_that_outweigh_a_post_are_cut_where_the_post_ends() -> None:
    # The thread holds most of the page's text, so prune spares it for its size; the story
    # stands outside it, and its items (an author line, a reply) are the comments.
    comments = "".join(
        f"<li class='reply'><div class='who'>Reader {n} said on 3 March</div>"
        f"<p>I walked on that pier as a child and I am glad it will be rebuilt, reply number {n}.</p></li>"
        for n in range(12)
    )
    article = unboil.extract(_post_with_box(f"<div id='comments'><ol>{comments}</ol></div>"))
    assert "Part 1 of the story" in article.text
    assert "reply number 3" not in article.text


def test_a_boilerplate_name_around_the_rest_of_the_story_keeps_it() -> None:
    # Plain paragraphs after the opening, in a box named like a sidebar: no items, no links.
    rest = "".join(f"<p>The works will go on through the spring, said the committee, step {n} of the plan.</p>" for n in range(12))
    article = unboil.extract(_post_with_box(f"<div class='sidebar'>{rest}</div>"))
    assert "step 7 of the plan" in article.text


def _post_beside_linked_widgets(links: str = "<a href='/w/{w}/{n}'>Older post of the harbour blog, part {w}{n}</a>") -> str:
    """A one-paragraph post and, in the same wrapper, widgets each under a linked title."""
    widgets = "".join(
        f"<div class='module'><div class='header'><h2><a href='/w/{w}'>Jobs on the harbour board, week {w}</a></h2></div><ul>"
        + "".join("<li>" + links.format(w=w, n=n) + "</li>" for n in range(12))
        + "</ul></div>"
        for w in range(4)
    )
    return f"""<html><head><title>The pier will be rebuilt</title></head><body><div id="wrapper">
    <div class="post"><h1>The pier will be rebuilt</h1><div class="byline">Monday, by Ann Lee</div><p>{POST}</p></div>
    {widgets}</div></body></html>"""


def test_widgets_under_linked_titles_are_no_cards_of_a_listing() -> None:
    # Each widget is a linked title over a list of links: no card (a name and a plain field),
    # so the headline and its paragraph stay a story, and the widgets' links are dropped.
    article = unboil.extract(_post_beside_linked_widgets())
    assert POST in article.text
    assert "Older post of the harbour blog" not in article.text


def test_cards_with_a_plain_field_after_the_headline_and_intro_still_head_a_listing() -> None:
    # A linked title over a field of plain text (a company) in every item: a listing's cards.
    page = _jobs_page().replace("<a href='/j/", "<h4><a href='/j/").replace("<h4>Harbour", "Harbour").replace("</h4><p>", "</a></h4><p>")
    page = page.replace("</p></a></li>", "</p></li>")
    assert "<h4><a href='/j/3'>Harbour master assistant number 3</a></h4><p>Port company 3" in page
    article = unboil.extract(page)
    assert "Harbour master assistant number 7" in article.text
    assert "Port company 11, full time" in article.text


def test_links_below_a_one_paragraph_story_are_judged_by_their_density() -> None:
    # One long paragraph and two short ones are no article by their count of paragraphs, but
    # under its headline they are a story: the linked titles below it in its box are navigation.
    more = "".join(f"<li><a href='/p/{n}'>Older post of the harbour blog, part {n}</a></li>" for n in range(3))
    short = "<p>The vote was close, and the mayor thanked everyone who came to the meeting.</p>"
    page = f"""<html><head><title>The pier will be rebuilt</title></head><body><div class="post">
    <h1>The pier will be rebuilt</h1><p>{POST}</p>{short}{short}<h2>Read these posts too:</h2><ul>{more}</ul></div></body></html>"""
    article = unboil.extract(page)
    assert POST in article.text and "the mayor thanked everyone" in article.text
    assert "Older post of the harbour blog" not in article.text


def test_links_inside_the_sentences_of_a_one_paragraph_story_stay() -> None:
    linked = POST.replace("wooden pier", "<a href='/pier'>wooden pier</a>")
    page = f"""<html><head><title>The pier will be rebuilt</title></head><body><div class="post">
    <h1>The pier will be rebuilt</h1><p>{linked}</p></div></body></html>"""
    assert POST in unboil.extract(page).text


def _short_post_beside_tags(tags: int, og_type: str = "<meta property='og:type' content='article'>") -> str:
    """A two-paragraph post under a heading that is not the headline, beside a column of short tag links."""
    items = "".join(f"<li><a href='/tag/boats-{n}'>Harbour boats, part {n}</a></li>" for n in range(tags))
    return f"""<html><head><title>Harbour Notes</title>{og_type}</head><body>
    <div id="wrap"><div class="column main"><div class="node"><h3>Pier news</h3>
    <p>{POST}</p><p>That sounds like good sense to me.</p></div></div>
    <div class="column right"><ul>{items}</ul></div></div></body></html>"""


def test_a_page_read_as_an_article_keeps_its_short_post_against_a_column_of_links() -> None:
    # No heading repeats the title (no anchor), but the page reads as an article: the column
    # of 80 tags holds some 9 times the post's text, short of the 20 times that would make it the page.
    article = unboil.extract(_short_post_beside_tags(80), "https://harbour.example.com/2012/03/pier-news.html")
    assert article.page_type == "article"
    assert POST in article.text
    assert "Harbour boats, part 3" not in article.text


def test_a_page_read_as_an_article_still_yields_to_links_that_dwarf_it() -> None:
    # 400 entries: over 20 times the post's text, the page's content is its entries.
    article = unboil.extract(_short_post_beside_tags(400), "https://harbour.example.com/2012/03/pier-news.html")
    assert "Harbour boats, part 377" in article.text


def _three_columns(side: str) -> str:
    """A post between two unnamed columns of the page's layout, built alike (three plain <div>s)."""
    paragraphs = "".join(f"<p>{POST} Part {n} of the story.</p>" for n in range(3))
    return f"""<html><head><title>The pier will be rebuilt</title></head><body><div id="outer"><div id="inner">
    <div id="alpha">{side.format(column="a")}</div>
    <div id="beta"><div class="entry"><h2>The pier will be rebuilt</h2>{paragraphs}</div></div>
    <div id="gamma">{side.format(column="b")}</div></div></div></body></html>"""


def test_columns_beside_the_post_that_argue_against_it_are_no_run_of_items() -> None:
    # Two columns of short unlinked names (a blogroll, contributors): each weighs against
    # being content, so the three columns are the page's layout, not a thread of three posts.
    names = "".join(f"<h2>Group {g} of harbour friends</h2><ul>" + "".join(f"<li>Friend {{column}}{g}-{n}</li>" for n in range(8)) + "</ul>" for g in range(6))
    article = unboil.extract(_three_columns(names))
    assert "Part 2 of the story" in article.text
    assert "Friend a2-3" not in article.text and "Friend b2-3" not in article.text


def test_posts_built_alike_beside_the_first_are_a_run_of_items() -> None:
    # The same three plain <div>s, each holding prose: a thread's posts, taken together.
    reply = "<p>I walked on that pier as a child and I am glad the committee will rebuild it, says {column}.</p>" * 2
    article = unboil.extract(_three_columns(reply))
    assert "Part 2 of the story" in article.text
    assert "says a." in article.text and "says b." in article.text


def _post_with_label(label_box: str) -> str:
    paragraphs = "".join(f"<p>{POST} Part {n} of the story.</p>" for n in range(3))
    return f"""<html><head><title>The pier will be rebuilt</title></head><body><div id="main">
    <h1>The pier will be rebuilt</h1>{paragraphs}{label_box}</div></body></html>"""


def test_a_related_label_styled_as_a_heading_cuts_its_box() -> None:
    # "Related Posts" in a <div>, not a heading, over the teasers of its own box: the box goes,
    # however much prose the teasers' leads hold.
    teasers = "".join(
        f"<li><a href='/p/{n}'>Older post of the harbour blog, part {n}</a><br>"
        f"The boats came in late that evening and the harbour master counted them twice, teaser {n} [...]</li>"
        for n in range(4)
    )
    article = unboil.extract(_post_with_label(f"<div class='box'><div class='t'>Related Posts</div><ul>{teasers}</ul></div>"))
    assert "Part 2 of the story" in article.text
    assert "teaser 1" not in article.text


def test_a_related_label_among_the_paragraphs_cuts_nothing() -> None:
    # The same line standing bare among the story's paragraphs heads no box of its own.
    rest = "<p>The works will go on through the spring, said the committee, and the pier opens in June.</p>"
    article = unboil.extract(_post_with_label(f"<div>Related Posts</div>{rest}"))
    assert "the pier opens in June" in article.text


def test_a_linked_label_over_the_rest_of_the_story_cuts_nothing() -> None:
    # "Read more" as a link heads the box of the story's second half: a call to click, not a section.
    rest = "".join(f"<p>The works will go on through the spring, said the committee, step {n} of the plan.</p>" for n in range(3))
    article = unboil.extract(_post_with_label(f"<div class='more'><div class='link'><a href='#'>Read more</a></div><div class='rest'>{rest}</div></div>"))
    assert "step 2 of the plan" in article.text
