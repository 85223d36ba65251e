"""Stage 2: remove what is never article text, before anything is scored.

Three kinds of evidence remove an element here:

* its tag (scripts, styles, forms' controls, embedded media),
* its visibility (``hidden``, ``aria-hidden``, ``display:none``, dialogs),
* its name: the class/id/role words of the boilerplate vocabulary.

Names lie in both directions, so a removal by name is vetoed when the element
*holds the article*: when it wraps an ``<article>``, ``<main>`` or
``itemprop=articleBody`` element, or carries a large share of the page's text
(a ``<body class="has-sidebar">``, a ``<div class="content-with-comments">``).
Text-based judgement (donation ladders, "Support <Site>") happens later, per
block, in :mod:`unboil.score`, because there the text is already segmented.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .dom import drop_tag, drop_tree, text_of, text_size
from .options import Options
from .thresholds import PruneThresholds
from .trace import Trace, describe
from .vocabulary import Vocabulary, attribute_words

__all__ = ["prune"]

# Elements whose content is never article text.
_DROP_TAGS = frozenset(
    {
        "script", "style", "template", "svg", "annotation", "annotation-xml", "iframe", "object", "embed",
        "canvas", "video", "audio", "map", "input", "textarea", "head", "link", "meta", "source",
        "track", "picture", "img", "area", "frame", "frameset", "applet", "param", "datalist",
        "output", "progress", "meter",
    }
)
# Controls whose own text is never article text, but which broken markup (an
# unclosed <button>) can make the parser wrap around the whole page, and
# <noscript>, where some sites (forums) put the whole server-rendered thread:
# those are unwrapped instead of dropped when they hold real text.
_CONTROL_TAGS = frozenset({"button", "select", "option", "label", "dialog", "noscript"})
# Page furniture, removed unless they hold the article.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Attribute paths, and elements by tag through lxml's own iterator: three times
# faster than asking libxml2's XPath to test each element of the page.
_MAIN_ATTRIBUTES = ".//@role[.='main'] | .//@itemprop[.='articleBody' or .='text']"




def _name_words(cls: str, ident: str, slug_words: int) -> list[str]:
    """The words of an element's class and id.

    An id of four or more plain words is a slug of the element's own
    heading ("sharing-with-a-single-developer"): the article's words, not a
    name the site gave a kind of box.  (Generated ids such as
    "modal_2110a1e7-afbc-..." are not slugs: their parts are not words.)
    """
    words = attribute_words(cls) if cls else []
    if ident:
        id_words = attribute_words(ident)
        if sum(1 for w in id_words if len(w) > 1 and w.isalpha()) < slug_words:
            words.extend(id_words)
    return words


def _styled_hidden(el: Any) -> bool:
    """Hidden by the page's own markup on every screen (not by a class, which
    responsive layouts use to swap a mobile and a desktop copy)."""
    style = el.get("style")
    return el.get("hidden") is not None or bool(style and _HIDDEN_STYLE.search(style))


def _copy_of_visible_text(el: Any, body: Any, limits: PruneThresholds) -> bool:
    """Whether hidden ``el`` repeats text shown elsewhere on the page.

    Some pages keep a display:none copy of the article (schema.org microdata
    for search engines) whose articleBody marker would protect it; the
    visible article is elsewhere, so the copy goes.  A page hidden whole
    behind a consent dialog holds its only copy, and stays.
    """
    sample = max((" ".join(t.split()) for t in el.itertext()), key=len, default="")
    if len(sample) < limits.copy_sample_chars:
        return False
    inside = " ".join(text_of(el).split()).count(sample)
    return " ".join(text_of(body).split()).count(sample) > inside


def _main_ancestry(body: Any) -> set[Any]:
    protected: set[Any] = set()
    markers = [*body.iter("article", "main"), *(attribute.getparent() for attribute in body.xpath(_MAIN_ATTRIBUTES))]
    for marker in markers:
        protected.add(marker)
        protected.update(marker.iterancestors())
    return protected


_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})


def _rescue_from_head(root: Any, body: Any) -> None:
    """Move body content that broken markup made the parser put in <head> back to <body>."""
    head = root.find("head")
    if head is None:
        return
    strays = [el for el in head if isinstance(el.tag, str) and el.tag not in _HEAD_TAGS]
    for offset, el in enumerate(strays):
        body.insert(offset, el)




def _holds_standfirst(header: Any, limits: PruneThresholds) -> bool:
    """Whether a <header> is the story's own: its headline (<h1>) with a paragraph of prose.

    Many pages put the headline and standfirst in a <header> outside any
    <article>; a site's masthead has a logo and menus, never a paragraph.
    """
    if next(header.iter("h1"), None) is None:
        return False
    for p in header.iter("p"):
        linked = sum(len(text_of(a)) for a in p.iter("a"))
        if len(" ".join(text_of(p).split())) - linked >= limits.standfirst_chars:
            return True
    return False


def _inside_article(body: Any, limits: PruneThresholds) -> set[Any]:
    """Headers that belong to the story: inside an <article>, or holding its headline and standfirst."""
    return {
        h for h in body.iter("header") if any(a.tag == "article" for a in h.iterancestors()) or _holds_standfirst(h, limits)
    }


def _hidden(el: Any) -> bool:
    """Hidden by an attribute (a hiding class is read with the element's other names)."""
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class _Names:
    """What an element's class and id say, read once per distinct pair on a page
    (pages repeat the same names hundreds of times)."""

    __slots__ = ("hiding", "named", "concept")

    def __init__(self, cls: str, ident: str, vocabulary: Vocabulary, relax: int, slug_words: int) -> None:
        lists = vocabulary.words
        self.hiding = bool(cls) and not lists.hidden_classes.isdisjoint(cls.lower().split())
        words = _name_words(cls, ident, slug_words) if relax == 0 else []
        self.named = bool(words)
        # A rendered formula is part of its sentence.  Math renderers hang their UI
        # on it by class ("MathJax CtxtMenu_Attached_0": a context menu is attached
        # to the formula), and that word must not make the formula a menu.
        formula = not lists.formula_words.isdisjoint(words)
        self.concept = vocabulary.attribute_concept(words) if words and not formula else None


def _drop_by_tag(body: Any, limits: PruneThresholds) -> int:
    """Drop what is never text, and controls that hold little; returns the page's text size.

    This comes first: it is never vetoed, and it makes the text lengths the
    later vetoes weigh honest.  The size is measured before the controls go.
    """
    # In libxml2 (with_tail=False: the text after an element stays where it was).
    etree.strip_elements(body, *_DROP_TAGS, with_tail=False)
    # Text sizes are asked of candidates only (one libxml2 call each), not
    # computed for every element of the page.
    total = max(1, text_size(body))
    for el in list(body.iter(*_CONTROL_TAGS)):
        if el.getparent() is None:
            continue
        # A <noscript> whose content the parser kept as raw text holds markup, not prose.
        if el.tag == "noscript":
            keep = len(el) > 0 and text_size(el) > limits.noscript_max_text
        else:
            keep = text_size(el) > limits.control_max_text
        if keep:
            drop_tag(el)
        else:
            drop_tree(el)
    return total


def prune(root: Any, options: Options, trace: Trace | None = None, relax: int = 0) -> Any:
    """Remove non-content elements from our private tree; returns the body.

    ``relax`` loosens the rules step by step for pages where the strict pass
    left too little text: 1 ignores class/id names, 2 also keeps hidden
    elements and page furniture (some sites hide the article until a script
    runs, or wrap it in a ``<header>``).  Tags and limits always apply.
    """
    body = root.find("body")
    if body is None:
        body = root
    else:
        _rescue_from_head(root, body)
    limits = options.thresholds.prune
    inside_article = _inside_article(body, limits)
    total = _drop_by_tag(body, limits)
    protected = _main_ancestry(body)
    skip_concepts = options.kept_concepts
    vocabulary = options.vocabulary
    tables = vocabulary.tables
    furniture_roles = vocabulary.words.furniture_roles

    removals: list[tuple[Any, str]] = []
    names: dict[tuple[str, str], _Names] = {}
    # Depth and element count were bounded when the page was loaded (load._bound).
    stack: list[Any] = list(reversed(body))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):  # comments and processing instructions
            removals.append((el, "not-element"))
            continue
        cls = el.get("class") or ""
        ident = el.get("id") or ""
        key = (cls, ident)
        seen = names.get(key)
        if seen is None:
            seen = names[key] = _Names(cls, ident, vocabulary, relax, limits.slug_words)
        # Most elements carry a class or an id and nothing else: no need to ask
        # them for hiding attributes or a role (the walk's costliest reads).
        others = len(el.attrib) > bool(cls) + bool(ident)
        reason = None
        concept = None  # the concept the element is removed as, by its name or tag
        tag_concept = tables.by_tag.get(tag)
        if relax >= 2:
            pass
        elif seen.hiding or others and _hidden(el):
            reason = "hidden"
        elif tag in _FURNITURE_TAGS and not (tag == "header" and el in inside_article):
            # An article's own <header> holds its standfirst; the site's header goes.
            reason = f"furniture:{tag}"
        elif tag_concept is not None and tag_concept not in skip_concepts:
            concept, reason = tag_concept, f"{tag_concept}:{tag}"
        elif others and (el.get("role") or "").lower() in furniture_roles:
            reason = f"role:{el.get('role')}"
        elif seen.named:
            if seen.concept is not None and seen.concept not in skip_concepts:
                concept, reason = seen.concept, f"{seen.concept}:attribute"
        elif tag == "form":
            # A login or search form; a page wrapped whole in a <form> (ASP.NET)
            # is kept by the share-of-text veto below.
            reason = "furniture:form"
        size = text_size(el) if reason is not None else 0
        box_limit = tables.max_box_text.get(concept) if concept is not None else None
        if box_limit is not None and size > box_limit:
            # A box named for a small widget that holds more text is the story, whatever its
            # class says: "documentContent__sharingContainer" around the article, a "caption" of paragraphs.
            reason = None
        if reason is not None and size < (limits.hidden_share if reason == "hidden" else limits.protect_share) * total and (
            el not in protected or reason == "hidden" and _styled_hidden(el) and _copy_of_visible_text(el, body, limits)
        ):
            removals.append((el, reason))
            continue
        if reason is not None and trace is not None:
            trace.add("prune", "kept", describe(el), f"{reason} vetoed (holds the article)")
        stack.extend(reversed(el))

    _remove(removals, trace)
    return body


def _remove(removals: list[tuple[Any, str]], trace: Trace | None) -> None:
    for el, reason in removals:
        if trace is not None and reason not in ("not-element",):
            trace.add("prune", "removed", describe(el, " ".join(text_of(el).split())[:60] if isinstance(el.tag, str) else ""), reason, element=el)
        if el.getparent() is not None:
            drop_tree(el)
