"""``unboil explain``: the page itself, re-rendered inert, with every decision marked on it.

The extraction runs with a trace; every decision that names an element
carries that element's position in the loaded tree (``Decision.node``).  The
page is loaded again, which gives the same tree, and each decided element is
outlined where it stands: green kept, red dropped, grey removed before
scoring (prune), and a fourth colour for what a site template decided.
Hovering or focusing an outline shows the stage, the rule and the score;
a side panel shows the Article and the counts per stage and rule.

The report is one static file that is safe to open: scripts, styles,
frames, objects, forms' targets, ``<meta>`` and ``<base>`` are dropped,
every attribute of the page is dropped (so no URL and no event handler
survives), images become boxes with their alternative text, and a
Content-Security-Policy forbids every request besides the inline styles.
It needs no script: the tooltips are CSS.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any, Iterable

from lxml import etree

from .article import Article
from .extract import extract
from .load import Source, load
from .options import DEFAULT_OPTIONS, Options
from .trace import Decision, Trace

__all__ = ["MARKS", "explain", "explain_article"]

MARKS = {"kept": "#1a7f37", "dropped": "#cf222e", "pruned": "#8c959f", "template": "#8250df"}
"""Outline colour of each verdict: kept, dropped by the scorer, removed before scoring, decided by a site template."""

_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "link", "meta", "base", "canvas", "video", "audio", "source", "track", "svg", "math", "portal",
)
"""Elements that could run, load or restyle something, or that show nothing: gone with their content."""
_VOID_SHOWN = {"img": "image", "input": "input", "picture": "picture"}
"""Elements replaced by a labelled box, so the layout keeps their place without loading anything."""
_RENAMED = {"form": "div", "button": "span", "select": "span", "textarea": "span", "option": "span", "label": "span"}
"""Controls shown as plain text: a report must have nothing to submit or press."""
_PLAIN_TAG = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
"""An element name a report keeps; anything else libxml2 let through is shown as a plain span."""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"
"""No request of any kind: only the report's own inline styles apply."""


def _verdict(d: Decision) -> str | None:
    """The mark a decision gives its element, or None for one that marks nothing (a note, a choice)."""
    if "template" in d.why:
        return "template"
    if d.stage == "prune" and d.action == "removed":
        return "pruned"
    if d.stage == "score" and d.action in ("kept", "dropped"):
        return d.action
    return None


def _marks(trace: Trace) -> dict[int, tuple[str, list[str]]]:
    """Per element position: its verdict and the reasons, from the pass the article came from.

    A scorer's verdict wins over the prune's (a relaxed pass may keep what the
    strict one removed); among blocks of one element, a drop wins, so a box
    with one dropped line shows red.
    """
    chosen = max(trace.chosen_pass, 0)
    marks: dict[int, tuple[str, list[str]]] = {}
    rank = {"kept": 1, "template": 2, "dropped": 3, "pruned": 0}
    for d in trace.decisions:
        verdict = _verdict(d)
        if verdict is None or d.node is None or d.relax != chosen:
            continue
        score = f" ({d.score:.1f})" if d.score is not None else ""
        reason = f"{d.stage} {d.action}: {d.why}{score}"
        old = marks.get(d.node)
        if old is None:
            marks[d.node] = (verdict, [reason])
            continue
        best = verdict if rank[verdict] > rank[old[0]] else old[0]
        marks[d.node] = (best, old[1] + [reason])
    return marks


def _mark_tree(root: Any, marks: dict[int, tuple[str, list[str]]]) -> None:
    """Put each verdict on its element (positions are those of ``root.iter()`` before any change)."""
    elements = list(root.iter())
    for node, (verdict, reasons) in marks.items():
        if node < len(elements) and isinstance(elements[node].tag, str):
            el = elements[node]
            el.set("data-ub-mark", verdict)
            el.set("data-ub-why", " · ".join(reasons))


def _box(el: Any, label: str) -> Any:
    """A labelled box in place of an element that would load something."""
    alt = " ".join((el.get("alt") or el.get("title") or "").split())
    box = etree.Element("span")
    box.set("class", "ub-box")
    box.text = f"[{label}{': ' + alt if alt else ''}]"
    box.tail = el.tail
    return box


def _inert(root: Any) -> None:
    """Strip everything that could run or load, and every attribute but the marks (in place: our own copy)."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_DROPPED_TAGS, with_tail=False)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        label = _VOID_SHOWN.get(el.tag.lower())
        if label is not None and el.getparent() is not None:
            el.getparent().replace(el, _box(el, label))
            continue
        mark, why = el.get("data-ub-mark"), el.get("data-ub-why")
        el.attrib.clear()
        if not _PLAIN_TAG.fullmatch(el.tag):
            el.tag = "span"  # a name the parser kept from broken markup (`<bodyonload="x()">`): no name of ours
        elif el.tag.lower() in _RENAMED:
            el.tag = _RENAMED[el.tag.lower()]
        if mark is not None:
            el.set("class", f"ub-{mark}")
            el.set("data-why", why or "")
            el.set("tabindex", "0")


def _field_rows(article: Article) -> Iterable[tuple[str, str]]:
    yield "title", article.title or "—"
    yield "date", article.date.isoformat() if article.date else "—"
    yield "dateline", article.dateline or "—"
    yield "authors", ", ".join(article.authors) or "—"
    yield "site", article.site_name or "—"
    yield "language", article.language or "—"
    yield "blocks", f"{len(article.blocks)} ({len(article.text)} characters)" if article.blocks else f"none: {article.empty_reason}"


def _panel(article: Article, trace: Trace, marks: dict[int, tuple[str, list[str]]]) -> str:
    """The side panel: the Article as extracted, the legend with counts, the rules that decided most."""
    esc = html.escape
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in _field_rows(article))
    shown = Counter(verdict for verdict, _ in marks.values())
    legend = "".join(
        f'<li><span class="ub-key ub-key-{name}"></span>{esc(name)}: {shown.get(name, 0)}</li>' for name in MARKS
    )
    rules = Counter(f"{d.stage} {d.action}: {d.why.split(':')[0]}" for d in trace.decisions if _verdict(d))
    top = "".join(f"<li>{esc(rule)} × {n}</li>" for rule, n in rules.most_common(25))
    note = {1: "the body comes from the first relaxed pass", 2: "the body comes from the second relaxed pass",
            3: "the body comes from the reading of the thread with its replies (the comments kept)",
            -1: "the body comes from readability's second opinion: the marks are the strict pass's"}.get(trace.chosen_pass, "")
    return (
        f'<aside class="ub-panel"><h2>unboil explain</h2><table>{rows}</table>'
        f"{f'<p><em>{esc(note)}</em></p>' if note else ''}"
        f"<h3>Outlines</h3><ul>{legend}</ul><h3>Decisions by rule</h3><ul>{top}</ul>"
        "<p>Hover or focus (Tab) an outlined block to see why.</p></aside>"
    )


_CSS = """
body{margin:0 24rem 0 0;font:15px/1.45 system-ui,sans-serif;color:#1f2328}
main{padding:1rem 1.5rem}
.ub-panel{position:fixed;top:0;right:0;width:22rem;height:100vh;overflow:auto;box-sizing:border-box;
padding:1rem;background:#f6f8fa;border-left:1px solid #d0d7de;font-size:13px}
.ub-panel th{text-align:left;vertical-align:top;padding-right:.5rem}
.ub-key{display:inline-block;width:1em;height:1em;border:3px solid;margin-right:.4em;vertical-align:middle}
.ub-box{display:inline-block;border:1px dashed #8c959f;padding:0 .3em;color:#57606a;font-size:12px}
[data-why]{position:relative}
[data-why]:hover::after,[data-why]:focus::after{content:attr(data-why);position:absolute;left:0;top:100%;z-index:10;
max-width:40rem;white-space:pre-wrap;background:#24292f;color:#fff;font:12px/1.3 monospace;padding:.3rem .5rem}
""" + "".join(
    f".ub-{name}{{outline:3px solid {colour};outline-offset:-1px}}\n.ub-key-{name}{{border-color:{colour}}}\n"
    for name, colour in MARKS.items()
)


def explain(
    source: Source, url: str | None = None, *, options: Options | None = None, encoding: str | None = None
) -> str:
    """A self-contained, inert HTML report of how ``source`` was extracted (see the module docstring)."""
    return explain_article(source, url, options=options, encoding=encoding)[1]


def explain_article(
    source: Source, url: str | None = None, *, options: Options | None = None, encoding: str | None = None
) -> tuple[Article, str]:
    """The article and its report from one extraction (what ``unboil clean --explain`` writes)."""
    opts = options or DEFAULT_OPTIONS
    article, trace = extract(source, url, options=opts, trace=True, encoding=encoding)
    root = load(source, opts, encoding).root  # the same tree the extraction numbered
    marks = _marks(trace)
    _mark_tree(root, marks)
    body = root.find(".//body")
    content = body if body is not None else root
    _inert(content)
    main = "".join(etree.tostring(child, encoding="unicode", method="html") for child in content)
    lead = html.escape(content.text or "")
    title = html.escape(f"unboil explain: {article.title or url or 'page'}")
    return article, (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">"
        f"<title>{title}</title><style>{_CSS}</style></head>"
        f"<body><main>{lead}{main}</main>{_panel(article, trace, marks)}</body></html>\n"
    )
