"""Site templates: site keys, learning a site's repeated lines, using them as evidence, and `unboil clean`'s two passes.

Every site here is hand-written: a few pages that share their chrome and differ in their article.
"""

from __future__ import annotations

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
