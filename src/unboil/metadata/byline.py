"""The printed byline: the names a page prints under its headline, for pages whose markup names no
author (or names only the site).

Two readings, both bounded and both of the page's own words: a line that opens with a byline label
("By", "Von", "Par", "Por", "Di", "Door": the vocabulary's ``byline_label``) among the first text
nodes after the headline, and the first short element whose ``class`` or ``id`` says it holds the
author ("author-name", "byline", "post-author", "autor"), outside navigation, footers and comment lists.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from lxml import etree

from ..dom import text_size
from ..lexicon import Lexicon
from .names import looks_like_name, people
from .words import BYLINE_CLASS_SKIP, BYLINE_PLACE_SKIP

__all__ = ["printed_byline"]

AFTER_HEADLINE = 40
"""Text nodes read after the headline for a "By ..." line: a byline sits right under the headline."""
BYLINE_TEXT_MAX = 120
"""The longest text of a byline element: longer is a post, a bio or a card with a teaser."""
BYLINE_ELEMENTS_READ = 40
"""Elements with an author class read: the byline comes early, comment authors later."""
LABEL_ANCESTORS = 3
"""Elements looked at around a byline label printed alone for the one that holds the name too."""
ANCESTORS_READ = 30
"""Ancestors looked at to tell a byline in a footer, a menu or a comment list."""

CLASS_WORDS = ("uthor", "yline", "y-line", "autor")
"""What a ``class`` that speaks of the author holds ("author", "Author", "byline", "by-line", "autor")."""
ID_WORDS = ("uthor", "yline")
"""What an ``id`` that speaks of the author holds."""
_SKIP_TEXT = frozenset({"script", "style", "noscript", "template", "option", "textarea", "button"})
Text = tuple[str, Any, bool]
"""A text of the page: the string, the element that holds it, and whether it is that element's tail."""


def _label_line(nodes: list[Text], lex: Lexicon) -> list[str]:
    """The names of the first text that opens with a byline label, read with the smallest element
    around it that holds more when that opens with the label too ("By" <a>Ann Lee</a> and <a>Bo
    Chan</a>); a name of one word is no byline here ("Von Firmenwägen": German capitalises nouns)."""
    for i, node in enumerate(nodes):
        text = " ".join(node[0].split())
        label = lex.byline_label_re.match(text)
        if not label or len(text) > BYLINE_TEXT_MAX:
            continue
        rest = _around(node, len(text), lex) or text[label.end():]
        if not rest and i + 1 < len(nodes):  # "<h5>Autor: </h5>Peter Maahn": the name is the next text
            rest = " ".join(nodes[i + 1][0].split())
        names = people(rest, lex) if rest[:1].isupper() else []
        if names and looks_like_name(names[0], lex) and len(names[0].split()) > 1:
            return names
    return []


def _around(node: Text, size: int, lex: Lexicon) -> str:
    """The text after the label in the smallest element around it that holds more than the label's
    text, when that is short (a byline, not the article) and opens with the label."""
    _, el, is_tail = node
    if is_tail:
        el = el.getparent()
    for _ in range(LABEL_ANCESTORS):
        if el is None:
            return ""
        if text_size(el) > size + 1:
            text = _spaced_text(el)
            label = lex.byline_label_re.match(text)
            return text[label.end():] if label and len(text) <= BYLINE_TEXT_MAX else ""
        el = el.getparent()
    return ""


def _spaced_text(el: Any) -> str:
    """The element's texts joined by spaces: a byline's fields sit in elements of their own that
    the markup does not space ("<span>Ann Lee</span><span>09.03.2022</span>")."""
    return " ".join(" ".join(el.itertext()).split())


def _after_headline(headline: Any) -> list[Text]:
    """The first ``AFTER_HEADLINE`` texts after the headline in document order, less scripts' and
    controls', each with the element that holds it and whether it is that element's tail: a walk that
    stops when it has them (an XPath ``following::`` axis would read the whole page)."""
    texts: list[Text] = []
    node = headline
    while node is not None and len(texts) < AFTER_HEADLINE:
        _add(texts, node.tail, node, True)
        for sibling in node.itersiblings():
            for el in sibling.iter():
                if len(texts) >= AFTER_HEADLINE:
                    return texts
                if isinstance(el.tag, str) and el.tag not in _SKIP_TEXT:
                    _add(texts, el.text, el, False)
                if el is not sibling:
                    _add(texts, el.tail, el, True)
            _add(texts, sibling.tail, sibling, True)
        node = node.getparent()
    return texts[:AFTER_HEADLINE]


def _add(texts: list[Text], text: str | None, el: Any, is_tail: bool) -> None:
    if text and not text.isspace():
        texts.append((text, el, is_tail))


def _placed_in_chrome(el: Any) -> bool:
    """The element sits in navigation, a footer, an aside or a comment list (by tag, class or id)."""
    for node in islice(el.iterancestors(), ANCESTORS_READ):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("body", "html"):
            return False  # their classes name the page's layout ("mh-widget-layout2"), not a place on it
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if tag in ("nav", "footer", "aside") or any(word in names for word in BYLINE_PLACE_SKIP):
            return True
    return False


def _author_marked(root: Any) -> list[Any]:
    """The first ``BYLINE_ELEMENTS_READ`` elements whose ``class`` or ``id`` speaks of the author, in
    document order.  A plain walk with substring tests: an XPath ``contains()`` copies every
    attribute's value for each word it tests, which cost more than the walk."""
    found: list[Any] = []
    for el in root.iter(etree.Element):
        get = el.get
        cls = get("class")
        if (
            cls is not None and (CLASS_WORDS[0] in cls or CLASS_WORDS[1] in cls or CLASS_WORDS[2] in cls or CLASS_WORDS[3] in cls)
            or (ident := get("id")) is not None and (ID_WORDS[0] in ident or ID_WORDS[1] in ident)
        ):  # the id is read only when the class does not say it
            found.append(el)
            if len(found) >= BYLINE_ELEMENTS_READ:
                break
    return found


def _hinted_byline(root: Any, lex: Lexicon) -> list[str]:
    """The names of the first short element marked as the author's, innermost first."""
    found = _author_marked(root)
    outer = {a for el in found for a in islice(el.iterancestors(), ANCESTORS_READ)}
    for el in found:
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if el in outer or any(word in names for word in BYLINE_CLASS_SKIP) or el.tag in ("meta", "link", "img"):
            continue
        text = _spaced_text(el)
        if not text or len(text) > BYLINE_TEXT_MAX or _placed_in_chrome(el):
            continue
        label = lex.byline_label_re.match(text)
        found_names = people(text[label.end():] if label else text, lex)
        if found_names and looks_like_name(found_names[0], lex):
            return found_names
    return []


def printed_byline(root: Any, headline: Any, lex: Lexicon) -> list[str]:
    """The byline the page prints: a labelled line after ``headline`` (the h1 that carries the title,
    or None), else the first element marked as the author's."""
    if headline is not None:
        names = _label_line(_after_headline(headline), lex)
        if names:
            return names
    return _hinted_byline(root, lex)
