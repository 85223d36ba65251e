"""Extraction that follows the page's type (:mod:`unboil.pagetype.follow`): a thread's replies
marked up as comments, and the controls its posts repeat.

The page is hand-written (``tests/pages/forum_replies_as_comments.html``); none is
copied from the corpus.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import unboil
from unboil import Options
from unboil.blocks import RawBlock
from unboil.pagetype.follow import thread_options, without_post_controls
from unboil.thresholds import PageTypeThresholds, Thresholds

PAGE = (Path(__file__).parent / "pages" / "forum_replies_as_comments.html").read_bytes()
URL = "https://forum.workbench.example/topic/4821-which-hand-plane-should-i-buy-first/"
REPLIES = ("A number five jack plane does most jobs", "I would add a block plane soon after", "I found an old number five")


def test_a_threads_replies_marked_up_as_comments_are_kept() -> None:
    article, trace = unboil.extract(PAGE, URL, trace=True)
    assert article.page_type == "forum"
    assert article.text.startswith("I am setting up a small bench")
    assert all(reply in article.text for reply in REPLIES)
    assert trace.chosen_pass == 3 and any(d.why == "thread-replies" for d in trace.decisions)


def test_the_controls_every_post_repeats_go_and_a_line_written_once_stays() -> None:
    article = unboil.extract(PAGE, URL)
    lines = article.text.split("\n")
    assert "Helpful? Yes · No" not in lines
    assert "Edit: fixed a typo." in lines


def test_a_story_with_comments_keeps_its_comments_out() -> None:
    """Negative: the same markup served as a news story is no thread; its comments stay out."""
    story = PAGE.replace(b"DiscussionForumPosting", b"NewsArticle").replace(b'content="website"', b'content="article"')
    article = unboil.extract(story, "https://news.example.com/2024/03/02/which-hand-plane-should-i-buy-first")
    assert article.page_type != "forum"
    assert not any(reply in article.text for reply in REPLIES)


def test_a_long_first_reading_is_not_read_again() -> None:
    """Negative: a first reading as long as ``thread_retry_chars`` is the thread already."""
    short = Thresholds(page_type=PageTypeThresholds(thread_retry_chars=100))
    article = unboil.extract(PAGE, URL, options=Options(thresholds=short))
    assert article.page_type == "forum" and not any(reply in article.text for reply in REPLIES)


def test_a_thread_is_read_again_only_when_the_comments_were_dropped() -> None:
    options = Options()
    assert thread_options("forum", 200, options) == Options(include_comments=True)
    assert thread_options("article", 200, options) is None
    assert thread_options("forum", 200, Options(include_comments=True)) is None
    assert thread_options("forum", options.thresholds.page_type.thread_retry_chars, options) is None


def _block(text: str, kind: str = "paragraph") -> RawBlock:
    return RawBlock(kind, text, etree.Element("p"), 0)


def test_post_controls_are_lines_written_alike_three_times() -> None:
    kept = [
        _block("First post, long enough to be a post of its own."), _block("Quote"), _block("posted by ann"),
        _block("Second post."), _block("Quote"), _block("posted by ann"),
        _block("Third post."), _block("Quote"), _block("ok", "code"), _block("ok", "code"), _block("ok", "code"),
    ]
    texts = [b.text for b in without_post_controls(kept, Options(), None)]
    assert "Quote" not in texts
    assert texts.count("posted by ann") == 2  # written twice: a poster's, not the forum's
    assert texts.count("ok") == 3  # a log's or a program's repeated lines are the post's own
