"""The tune / check split: a page's half depends on its site only, and the committed file is what the corpus gives."""

from __future__ import annotations

import hashlib

import pytest

from unboil.bench import corpus, split


@pytest.mark.parametrize(
    "url, site",
    [
        ("https://WWW.NYTimes.com/2020/01/02/story.html", "nytimes.com"),
        ("http://nytimes.com/other", "nytimes.com"),
        ("https://news.cnet.com:8080/x", "cnet.com"),
        ("https://www.bbc.co.uk/news/1", "bbc.co.uk"),
        ("https://news.bbc.co.uk/news/2", "bbc.co.uk"),
        ("http://www1.folha.uol.com.br/a", "uol.com.br"),
        ("https://web.archive.org/web/20160526181643/http://ordnungsrausch.com/orga-life/", "ordnungsrausch.com"),
        ("https://web.archive.org/web/20130307194448/the-pain.net/2008/05/x.html", "the-pain.net"),
        ("//cdn.Example.org/p", "example.org"),
        ("hard::blog.python.org.html", None),
        ("/relative/path", None),
        ("http://localhost/x", None),
        ("", None),
        (None, None),
    ],
)
def test_site_of_url_folds_a_site_to_one_key(url: str | None, site: str | None) -> None:
    assert split.site_of_url(url) == site


@pytest.mark.parametrize(
    "key, half", [("nytimes.com", "check"), ("example.com", "check"), ("id:rtl", "check"),
                  ("bbc.co.uk", "tune"), ("blogspot.com", "tune"), ("wikipedia.org", "tune")],
)
def test_half_is_a_fixed_hash_of_the_key(key: str, half: str) -> None:
    """Pinned values: a change of the hash would move pages between halves silently."""
    assert split.half_of(key) == half
    assert half == split.HALVES[hashlib.sha256(key.encode()).digest()[0] % 2]


def test_site_key_falls_back_from_gold_to_markup_to_links_to_id() -> None:
    canonical = '<head><link href="https://www.zillow.com/blog/x" rel="canonical"></head>'
    og = "<meta content='http://blogs.nfl.com/p' property='og:url'>"
    saved = "<!-- saved from url=(0031)http://sethgodin.typepad.com/ -->"
    links = '<a href="http://news.softpedia.com/a">a</a>' * 3 + '<a href="https://twitter.com/x">t</a>' * 5
    assert split.site_key("https://www.wsj.com/a", canonical, "1") == "wsj.com"
    assert split.site_key(None, canonical + og, "1") == "zillow.com"
    assert split.site_key("hard::x.html", og, "1") == "nfl.com"
    assert split.site_key(None, saved, "1") == "typepad.com"
    assert split.site_key(None, links, "1") == "softpedia.com"  # share buttons are not the page's site
    assert split.site_key(None, '<a href="http://news.softpedia.com/a">a</a>' * 2, "R7") == "id:r7"  # too few
    assert split.site_key(None, "<p>x</p>", "rtl-3") == split.site_key(None, None, "RTL-1") == "id:rtl"
    assert split.site_key(None, None, "dev-0551") == "id:dev-0551"


def test_committed_split_never_puts_a_site_in_both_halves() -> None:
    rows = split.read()
    halves: dict[str, set[str]] = {}
    for _, _, site, half in rows:
        halves.setdefault(site, set()).add(half)
    assert not [site for site, seen in halves.items() if len(seen) > 1]
    assert all(half == split.half_of(site) for _, _, site, half in rows)
    assert set(split.load().values()) == set(split.HALVES)


@pytest.mark.corpus
def test_committed_split_is_what_the_corpus_gives() -> None:
    root = corpus.default_corpus()
    if root is None:
        pytest.skip("evaluation corpus not found at ../shared/corpus/dev (set UNBOIL_CORPUS)")
    committed = split.read()
    chosen = sorted({dataset for dataset, *_ in committed})
    assert corpus.datasets(root) == chosen, "datasets added or removed: run python -m unboil.bench.split --write"
    assert list(split.compute(root, chosen)) == committed
