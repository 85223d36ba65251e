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
from .vocabulary import attribute_words

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
_IMAGE_TAGS = frozenset({"img", "picture"})
"""Kept with ``Options.include_images`` (a ``<picture>``'s ``<source>`` alternatives still go)."""
# Controls whose own text is never article text, but which broken markup (an
# unclosed <button>) can make the parser wrap around the whole page, and
# <noscript>, where some sites (forums) put the whole server-rendered thread:
# those are unwrapped instead of dropped when they hold real text.
_CONTROL_TAGS = frozenset({"button", "select", "option", "label", "dialog", "noscript"})
# Page furniture, removed unless they hold the article.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Attribute paths (three times faster than asking libxml2's XPath to test each element);
# the <article> and <main> markers come from the walk that finds the headers.
_MAIN_ATTRIBUTES = ".//@role[.='main'] | .//@itemprop[.='articleBody' or .='text']"
_KEEP: tuple[None, None] = (None, None)


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


def _main_ancestry(body: Any, tagged: list[Any]) -> set[Any]:
    """The markers of the article (``tagged`` <article> and <main> elements still in the page,
    ``role=main``, ``itemprop=articleBody``) and every element that wraps one."""
    protected: set[Any] = set()
    for marker in tagged:
        chain = [marker, *marker.iterancestors()]
        if body in chain:  # not dropped with a control or a tag since it was found
            protected.update(chain)
    for attribute in body.xpath(_MAIN_ATTRIBUTES):
        marker = attribute.getparent()
        protected.add(marker)
        protected.update(marker.iterancestors())
    return protected


SPARED = "data-unboil-spared"
"""The attribute prune sets on an element named like boilerplate that it kept for the text it holds."""

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


def _inside_article(headers: list[Any], limits: PruneThresholds) -> set[Any]:
    """Headers that belong to the story: inside an <article>, or holding its headline and standfirst."""
    return {h for h in headers if any(a.tag == "article" for a in h.iterancestors()) or _holds_standfirst(h, limits)}


def _hides(hidden: str | None, aria_hidden: str | None, style: str | None) -> bool:
    """Hidden by an attribute (a hiding class is read with the element's other names)."""
    if hidden is not None:
        return True
    if (aria_hidden or "").strip().lower() == "true":
        return True
    return bool(style and _HIDDEN_STYLE.search(style))


_Extra = tuple[Any, Any, Any, Any]
"""An element's ``hidden``, ``aria-hidden``, ``style`` and ``role`` (each None when missing)."""
_NO_EXTRA: _Extra = (None, None, None, None)


class _Rules:
    """The removal rules of one pass over one page, with what they read of names cached
    for the page (pages repeat the same class and id hundreds of times)."""

    __slots__ = ("vocabulary", "relax", "slug_words", "skip", "by_tag", "roles", "inside_article", "names")

    def __init__(self, options: Options, relax: int, inside_article: set[Any]) -> None:
        self.vocabulary = options.vocabulary
        self.relax = relax
        self.slug_words = options.thresholds.prune.slug_words
        self.skip = options.kept_concepts
        self.by_tag = self.vocabulary.tables.by_tag
        self.roles = self.vocabulary.words.furniture_roles
        self.inside_article = inside_article
        self.names: dict[tuple[str, str], tuple[bool, bool, str | None]] = {}

    def _read_names(self, cls: str, ident: str) -> tuple[bool, bool, str | None]:
        """Whether the class hides the element, whether class and id have words, and the concept they name."""
        lists = self.vocabulary.words
        hiding = bool(cls) and not lists.hidden_classes.isdisjoint(cls.lower().split())
        words = _name_words(cls, ident, self.slug_words) if self.relax == 0 else []
        # A rendered formula is part of its sentence.  Math renderers hang their UI
        # on it by class ("MathJax CtxtMenu_Attached_0": a context menu is attached
        # to the formula), and that word must not make the formula a menu.
        formula = not lists.formula_words.isdisjoint(words)
        return hiding, bool(words), self.vocabulary.attribute_concept(words) if words and not formula else None

    def decide(self, tag: str, cls: str, ident: str, extra: _Extra | None, story_header: bool) -> tuple[str | None, str | None]:
        """Why the element goes and the concept it goes as, or ``(None, None)``.

        ``extra`` holds the attributes the rules read besides class and id, None when
        the element has no other attribute (most elements); ``story_header`` says a
        ``<header>`` belongs to the story.  The answer depends on nothing else, so the
        walk caches it.
        """
        if self.relax >= 2:
            return _KEEP
        key = (cls, ident)
        names = self.names.get(key)
        if names is None:
            names = self.names[key] = self._read_names(cls, ident)
        hiding, named, concept = names
        if hiding or extra is not None and _hides(extra[0], extra[1], extra[2]):
            return "hidden", None
        if tag in _FURNITURE_TAGS and not (tag == "header" and story_header):
            # An article's own <header> holds its standfirst; the site's header goes.
            return f"furniture:{tag}", None
        tag_concept = self.by_tag.get(tag)
        if tag_concept is not None and tag_concept not in self.skip:
            return f"{tag_concept}:{tag}", tag_concept
        if extra is not None and (extra[3] or "").lower() in self.roles:
            return f"role:{extra[3]}", None
        if named:
            return (f"{concept}:attribute", concept) if concept is not None and concept not in self.skip else _KEEP
        # A login or search form; a page wrapped whole in a <form> (ASP.NET)
        # is kept by the share-of-text veto.
        return ("furniture:form", None) if tag == "form" else _KEEP


def _drop_by_tag(body: Any, controls: list[Any], limits: PruneThresholds, images: bool) -> int:
    """Drop what is never text, and ``controls`` that hold little; returns the page's text size.

    This comes first: it is never vetoed, and it makes the text lengths the
    later vetoes weigh honest.  The size is measured before the controls go.
    ``controls`` were found before the drop, in the walk that finds the headers: one
    inside an element the drop removed is unwrapped or dropped where it went, out of the page.
    """
    # In libxml2 (with_tail=False: the text after an element stays where it was).
    etree.strip_elements(body, *(_DROP_TAGS - _IMAGE_TAGS if images else _DROP_TAGS), with_tail=False)
    # Text sizes are asked of candidates only (one libxml2 call each), not
    # computed for every element of the page.
    total = max(1, text_size(body))
    for el in controls:
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


def prune(root: Any, options: Options, trace: Trace | None = None, relax: int = 0, classes: dict[str, int] | None = None) -> Any:
    """Remove non-content elements from our private tree; returns the body.

    ``relax`` loosens the rules step by step for pages where the strict pass
    left too little text: 1 ignores class/id names, 2 also keeps hidden
    elements and page furniture (some sites hide the article until a script
    runs, or wrap it in a ``<header>``).  Tags and limits always apply.
    ``classes``, when given, counts the class values of the elements the strict
    walk meets (the page type's evidence, :mod:`unboil.pagetype`: read here, as the
    walk reads every class anyway).
    """
    body = root.find("body")
    if body is None:
        body = root
    else:
        _rescue_from_head(root, body)
    limits = options.thresholds.prune
    # One walk finds what the drop below would change: the headers (whose text it changes),
    # the controls, and the <article> and <main> elements.
    found = list(body.iter("header", "article", "main", *_CONTROL_TAGS))
    inside_article = _inside_article([el for el in found if el.tag == "header"], limits) if relax < 2 else set()
    total = _drop_by_tag(body, [el for el in found if el.tag in _CONTROL_TAGS], limits, options.include_images)
    if relax >= 2:  # no rule but the tags': only what is not an element goes
        removals = [(el, "not-element") for el in body.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity)]
    else:
        protected = _main_ancestry(body, [el for el in found if el.tag in ("article", "main")])
        removals = _walk(body, _Rules(options, relax, inside_article), protected, total, options, trace, classes)
    _remove(removals, trace)
    return body


def _walk(
    body: Any, rules: _Rules, protected: set[Any], total: int, options: Options, trace: Trace | None, classes: dict[str, int] | None = None
) -> list[tuple[Any, str]]:
    """The elements to remove and why, in document order, none inside another.

    One walk in libxml2's order; an element's subtree is skipped once it goes.
    Depth and element count were bounded when the page was loaded (load._bound).
    """
    limits = options.thresholds.prune
    max_box_text = options.vocabulary.tables.max_box_text
    removals: list[tuple[Any, str]] = []
    verdicts: dict[tuple[str, str, str, _Extra | None], tuple[str | None, str | None]] = {}
    blank_role = "" in rules.roles  # then a missing role reads as a furniture role
    walker = etree.iterwalk(body, events=("start", "comment", "pi"))
    next(walker)  # the body itself
    for event, el in walker:
        if event != "start":  # comments and processing instructions
            removals.append((el, "not-element"))
            continue
        tag = el.tag
        count = len(el.attrib)
        extra: _Extra | None = None
        if count:
            cls = el.get("class") or ""
            ident = el.get("id") or ""
            if classes is not None and cls:
                classes[cls] = classes.get(cls, 0) + 1
            if count > bool(cls) + bool(ident):  # attributes besides class and id: those the rules read
                extra = (el.get("hidden"), el.get("aria-hidden"), el.get("style"), el.get("role"))
                if extra == _NO_EXTRA and not blank_role:  # none of the four: as if it had no other attribute
                    extra = None
        else:
            cls = ident = ""
        if tag == "header":
            reason, concept = rules.decide(tag, cls, ident, extra, el in rules.inside_article)
        else:  # pages repeat the same tag, names and attributes: each verdict is read once a page
            key = (tag, cls, ident, extra)
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = rules.decide(tag, cls, ident, extra, False)
            reason, concept = verdict
        if reason is None:
            continue
        size = text_size(el)
        box_limit = max_box_text.get(concept) if concept is not None else None
        if box_limit is not None and size > box_limit:
            # A box named for a small widget that holds more text is the story, whatever its
            # class says: "documentContent__sharingContainer" around the article, a "caption" of paragraphs.
            continue
        if size < (limits.hidden_share if reason == "hidden" else limits.protect_share) * total and (
            el not in protected or reason == "hidden" and _styled_hidden(el) and _copy_of_visible_text(el, body, limits)
        ):
            removals.append((el, reason))
            walker.skip_subtree()
            continue
        if reason != "hidden":
            # Named like boilerplate, spared for its size: the judge drops it when the story stands outside it.
            el.set(SPARED, reason)
        if trace is not None:
            trace.add("prune", "kept", describe(el), f"{reason} vetoed (holds the article)")
    return removals


def _remove(removals: list[tuple[Any, str]], trace: Trace | None) -> None:
    for el, reason in removals:
        if trace is not None and reason not in ("not-element",):
            trace.add("prune", "removed", describe(el, " ".join(text_of(el).split())[:60] if isinstance(el.tag, str) else ""), reason, element=el)
        if el.getparent() is not None:
            drop_tree(el)
