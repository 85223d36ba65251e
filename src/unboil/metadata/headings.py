"""Reading a heading as a title: its text less labels, code and permalink marks.

Shared by the title rules and the date rules, which both start from the page's
headings (the date is printed beside the headline).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..dom import text_of
from ..lexicon import Lexicon
from ..text import clean
from .words import HOME_PATHS, LABEL_CLASS

__all__ = ["heading_runs", "heading_text", "home_link", "runs_text"]

HOME_LINKS_READ = 3
"""Links around a heading looked at for a link home: the heading's own, its parent's, its first."""


def _heading_pieces(el: Any) -> list[str]:
    """The runs of text a heading shows, each cleaned, empty ones left out: no text of a
    ``<style>`` or ``<script>`` inside it (CSS-in-JS pages put their rules there)."""
    if next(el.iter("style", "script"), None) is None:
        texts = list(el.itertext())
    else:
        texts = [str(t) for t in el.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]")]
    return [p for p in (clean(t) for t in texts) if p]


def _leading_label(el: Any) -> str | None:
    """The text of a label element that opens a heading ("<span class='label'>News</span>
    Cameras in 2024"): a forum's thread prefix, a category badge or a news kicker
    ("<span class='overline'>Climate</span> Drilling until it gets hot"), not the headline's words."""
    if (el.text or "").strip() or len(el) == 0:
        return None
    first = el[0]
    if not isinstance(first.tag, str) or not LABEL_CLASS.search(first.get("class") or ""):
        return None
    return clean(text_of(first)) or None


def heading_runs(el: Any) -> list[str]:
    """A heading's runs of text less a label that opens it (see ``_leading_label``) and the
    separator a screen reader hears after it (": ", " – ")."""
    pieces = _heading_pieces(el)
    label = _leading_label(el)
    if label is not None and len(pieces) > 1 and pieces[0] == label:
        pieces = pieces[1:]
        while pieces and not re.search(r"\w", pieces[0]):
            pieces = pieces[1:]
    return pieces


def runs_text(pieces: list[str], lex: Lexicon) -> str:
    """A heading's runs as a title: joined by a space (a kicker <span> and the headline
    must not fuse into one word), a permalink mark dropped (``lex``'s ``heading_junk``)."""
    return lex.heading_junk_re.sub("", clean(" ".join(pieces)))


def heading_text(el: Any, lex: Lexicon) -> str:
    """A heading's text as a title (see ``runs_text``)."""
    return runs_text(heading_runs(el), lex)


def home_link(el: Any, host: str) -> bool:
    """Whether a heading is (or wraps) a link to the site's home page: a logo, not a headline."""
    links = [el] if el.tag == "a" else []
    parent = el.getparent()
    if parent is not None and parent.tag == "a":
        links.append(parent)
    links.extend(el.iter("a"))
    for a in links[:HOME_LINKS_READ]:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "?", "javascript:")):
            continue
        parts = urlsplit(href)
        if parts.query or parts.fragment:
            continue
        if parts.netloc:
            if parts.path.strip("/") == "" and (not host or parts.netloc.lower().endswith(host)):
                return True
        elif parts.path in HOME_PATHS:
            return True
    return False
