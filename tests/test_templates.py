"""Site templates: site keys, learning a site's repeated lines, using them as evidence, and `unboil clean`'s two passes.

Every site here is hand-written: a few pages that share their chrome and differ in their article.
"""

from __future__ import annotations

import pytest

import unboil
from site_support import STORIES, blog_page, shop_page
from unboil.templates.keys import as_key, line_key
from unboil.templates.learn import MIN_SITE_PAGES
from unboil.templates.sites import declared_url, page_identity, site_of, url_host


# --- site keys ------------------------------------------------------------------------------------


def test_url_host_ignores_case_port_and_www() -> None:
    assert url_host("https://WWW.Example.com:8080/a?b=1") == "example.com"
    assert url_host("//news.example.org/x") == "news.example.org"
    assert url_host("ftp://example.com/") is None
    assert url_host("http://[oops/") is None
    assert url_host("../../etc/passwd") is None


def test_declared_url_reads_the_canonical_link_then_og_url_without_parsing() -> None:
    page = b"<html><head><meta property='og:url' content='https://og.example.com/a'>" \
           b"<link href='https://canon.example.com/a' rel='canonical'></head><body>x</body></html>"
    assert declared_url(page) == "https://canon.example.com/a"
    assert declared_url(b"<meta property=og:url content=https://og.example.com/b>") == "https://og.example.com/b"
    assert declared_url(b"<html><body><p>no address</p></body></html>") is None


def test_site_is_the_url_host_else_the_declared_host_else_the_first_folder() -> None:
    page = b"<link rel=canonical href='https://www.declared.example/x'>"
    assert site_of("https://record.example/a", page, ("crawl.warc.gz",)) == "record.example"
    assert site_of(None, page, ("mirror", "a.html")) == "declared.example"
    assert site_of(None, b"<p>no address</p>", ("mirror.example", "2024", "a.html")) == "mirror.example"
    assert site_of(None, b"<p>no address</p>", ("a.html",)) is None  # a root page with no address: no site


def test_page_identity_folds_print_amp_and_campaign_variants() -> None:
    base = page_identity("https://www.example.com/story/1", None)
    assert base == "example.com/story/1"
    assert page_identity("https://example.com/story/1/amp?utm_source=x&utm_medium=y", None) == base
    assert page_identity("https://example.com/story/1/print/", None) == base
    assert page_identity("https://example.com/story/1?id=2&utm_campaign=z", None) == "example.com/story/1?id=2"
    amp_copy = b"<link rel=canonical href='https://example.com/story/1'>"
    assert page_identity("https://amp.example.com/s1", amp_copy) == base


# --- learning -------------------------------------------------------------------------------------


SITE = "harbourblog.example"
CHROME = ("about this blog", "0% of our goal", "0 days left", "our readers keep this blog free.")


def blog(n: int) -> list[bytes]:
    """Stories 0..n-1, each with its own fund-drive figures."""
    return [blog_page(i, percent=60 + 3 * i, days=14 - i) for i in range(n)]


def test_digits_fold_so_a_counter_is_one_line() -> None:
    assert line_key("64% of our goal") == line_key("71% of our goal") == "0% of our goal"
    assert line_key("14 DAYS LEFT") == line_key("13 DAYS LEFT") == "0 days left"
    assert line_key("Joined  1,204\nreaders") == "joined 0,0 readers"
    long = "A long notice " * 30 + "updated 2024"
    assert line_key(long) == line_key(long.replace("2024", "2025")) and len(line_key(long)) < len(long)
    assert as_key(line_key(long)) == line_key(long)  # a long line's key, written in a template, stays itself


def test_a_site_learns_the_lines_its_pages_repeat_and_none_of_its_articles() -> None:
    templates = unboil.learn_templates(blog(5))
    assert list(templates) == [SITE]
    learned = templates[SITE].learned
    for line in CHROME:
        assert line in learned
    for _title, paragraphs in STORIES:
        assert not any(line_key(p) in learned for p in paragraphs)
    assert templates[SITE].pages == 5


def test_a_site_with_too_few_distinct_pages_gets_no_template() -> None:
    assert MIN_SITE_PAGES == 3
    assert unboil.learn_templates(blog(2)) == {}
    assert SITE in unboil.learn_templates(blog(3))
    # story 0 saved again, as a campaign-tagged copy and as a copy without its canonical link: still two pages
    again = [blog_page(0, 61, 12), blog_page(0, 62, 11, canonical=False)]
    assert unboil.learn_templates([(p, None) for p in blog(2) + again]) == {}


def test_an_article_saved_twice_is_not_learned() -> None:
    pages = blog(3) + [blog_page(0, 70, 9)]  # story 0 twice: its paragraphs are on 2 of 4 saves
    learned = unboil.learn_templates(pages)[SITE].learned
    assert not any(line_key(p) in learned for p in STORIES[0][1])
    assert unboil.learn_templates(pages)[SITE].pages == 3


def test_the_template_drops_the_chrome_inside_the_article_container() -> None:
    template = unboil.learn_templates(blog(5))[SITE]
    page = blog_page(1, percent=71, days=13)
    plain = unboil.extract(page).text
    assert "About this blog" in plain and "Follow Harbour Blog" in plain  # one page alone cannot tell
    article, trace = unboil.extract(page, options=unboil.Options(site_template=template), trace=True)
    for paragraph in STORIES[1][1]:
        assert paragraph in article.text
    assert "About this blog" not in article.text and "Follow Harbour Blog" not in article.text
    assert any(d.why == "site_template:text" for d in trace.decisions)


def test_a_repeated_heading_or_label_before_the_pages_own_line_is_still_judged() -> None:
    def page(i: int) -> bytes:
        title, paragraphs = STORIES[i]
        return (f"<html><head><link rel=canonical href='https://docs.example/{i}'></head><body><article><h1>{title}</h1>"
                f"<p>{paragraphs[0]}</p><h2>Background</h2><p>{paragraphs[1]}</p><p>Status:</p><p>{title} is open</p>"
                f"<p>{paragraphs[2]}</p><p>Share this page with a friend who lives by the harbour.</p></article></body></html>").encode()

    template = unboil.learn_templates([page(i) for i in range(4)])["docs.example"]
    assert {"background", "status:", "share this page with a friend who lives by the harbour."} <= set(template.learned)
    text = unboil.extract(page(4), options=unboil.Options(site_template=template)).text
    assert "Background" in text and "Status:" in text  # a section title and a field label of the page's own lines
    assert "Share this page" not in text


def test_a_page_made_mostly_of_its_sites_lines_keeps_them() -> None:
    templates = unboil.learn_templates([shop_page(i) for i in range(4)])
    template = templates["harbourshop.example"]
    assert "international shipment of items may be subject to customs processing and additional charges." in template.learned
    page = shop_page(5)
    article, trace = unboil.extract(page, options=unboil.Options(site_template=template), trace=True)
    assert article == unboil.extract(page)  # the template would leave less than half: overruled
    assert any(d.why == "site-template" for d in trace.decisions)


def test_without_a_template_extraction_is_unchanged() -> None:
    page = blog_page(2)
    assert unboil.extract(page, options=unboil.Options(site_template=None)) == unboil.extract(page)
    with pytest.raises(ValueError, match="site_template"):
        unboil.Options(site_template={"site": SITE})  # type: ignore[arg-type]
