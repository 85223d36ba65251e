"""Pathological pages, generated on demand (nothing is downloaded or stored).

Each generator returns the page as bytes.  ``PAGES`` maps a short name to a
generator that takes no argument; :func:`xxe_page` needs the path of a local
file and a URL, so it is built by the test that owns them.

Used by ``tests/test_hostile.py`` and by ``python tests/pathological.py``,
which extracts every page in one process and prints the time each took and
the process's peak memory (speed and memory are measured there, not asserted
in the tests).
"""

from __future__ import annotations

import random
import struct
import zlib
from typing import Callable

ARTICLE_TEXT = (
    "The river rose by two metres overnight, and the town council met at dawn to decide "
    "whether the old bridge should stay open. Engineers said the piers were sound, but the "
    "approach road had cracked in three places and would need closing before noon."
)

LINK_WORDS = ("Home", "News", "Sport", "Weather", "Contact", "About us", "Archive", "Login")


def _page(body: str, head: str = "<title>Pathological page</title>", charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body>{body}</body></html>"


def article_body(paragraphs: int = 4) -> str:
    return "<article><h1>Flood warning for the old bridge</h1>" + "".join(
        f"<p>{ARTICLE_TEXT} Paragraph {i}.</p>" for i in range(paragraphs)
    ) + "</article>"


def normal_page() -> bytes:
    nav = "<nav><ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in LINK_WORDS) + "</ul></nav>"
    return _page(nav + article_body() + "<footer>© Example News</footer>").encode("utf-8")


def empty() -> bytes:
    return b""


def only_whitespace() -> bytes:
    return b" \t\r\n\x0c" * 20_000


def nul_filled() -> bytes:
    return b"\x00" * 1_000_000


def png_renamed() -> bytes:
    """A real (tiny) PNG, as a crawler would save it under ``page.html``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(random.Random(1).randrange(256) for _ in range(3 * 64)) for _ in range(64))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def utf16_without_bom() -> bytes:
    text = _page(article_body().replace("metres", "mètres — «ça déborde»"), charset=None)
    return text.encode("utf-16-le")


def utf16be_without_bom() -> bytes:
    text = _page(article_body().replace("metres", "mètres — «ça déborde»"), charset=None)
    return text.encode("utf-16-be")


def wrong_meta_charset() -> bytes:
    """UTF-8 bytes under a ``<meta charset>`` naming a legacy single-byte encoding."""
    body = article_body().replace("metres", "mètres, déjà «über» Ærø")
    return _page(body, charset="windows-1251").encode("utf-8")


def wrong_meta_charset_utf8() -> bytes:
    """windows-1252 bytes under a ``<meta charset="utf-8">``."""
    body = article_body().replace("metres", "mètres, déjà «über» Ærø")
    return _page(body, charset="utf-8").encode("windows-1252")


def mixed_encodings() -> bytes:
    """Mostly UTF-8, with a paragraph pasted in as windows-1252 bytes."""
    head = _page(article_body(2).replace("metres", "mètres (UTF-8 café)"), charset=None)
    legacy = "<p>Legacy paragraph: the café’s “déjà vu” menu cost 5 € per person, said the owner.</p>"
    cut = head.index("</article>")
    return head[:cut].encode("utf-8") + legacy.encode("windows-1252") + head[cut:].encode("utf-8")


def deep_nesting(depth: int = 100_000) -> bytes:
    return _page("<div>" * depth + ARTICLE_TEXT + "</div>" * depth).encode()


def deep_inline_nesting(depth: int = 100_000) -> bytes:
    return _page("<p>" + "<span>" * depth + ARTICLE_TEXT + "</span>" * depth + "</p>").encode()


def huge_page(size: int = 30_000_000) -> bytes:
    """A 30 MB page of ordinary markup: sections of paragraphs, links and lists."""
    unit = (
        "<section class='story'><h2>Section</h2>"
        + f"<p>{ARTICLE_TEXT}</p>" * 3
        + "<ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in LINK_WORDS) + "</ul></section>"
    )
    count = size // len(unit) + 1
    return _page(unit * count).encode()


def many_siblings(count: int = 200_000) -> bytes:
    return _page("".join(f"<p>Short paragraph number {i}, with a comma.</p>" for i in range(count))).encode()


def huge_text_node(size: int = 5_000_000) -> bytes:
    words = (ARTICLE_TEXT + " ") * (size // (len(ARTICLE_TEXT) + 1) + 1)
    return _page(f"<article><p>{words[:size]}</p></article>").encode()


def many_scripts(count: int = 10_000) -> bytes:
    script = "<script>var x = '<p>not text</p>'; document.write('</div>'); for (i=0;i<9;i++) {}</script>"
    return _page(article_body() + script * count, head="<title>Scripts</title>" + script * 10).encode()


def all_links(count: int = 20_000) -> bytes:
    return _page(
        "".join(f"<a href='https://example.com/{i}'>{LINK_WORDS[i % len(LINK_WORDS)]} {i}</a> " for i in range(count))
    ).encode()


def base_href_elsewhere() -> bytes:
    head = (
        "<title>Flood warning</title><base href='http://attacker.invalid/'>"
        "<link rel='stylesheet' href='http://attacker.invalid/x.css'>"
        "<link rel='canonical' href='/relative/only'>"
    )
    body = article_body() + "<p><a href='next.html'>next</a> <img src='pixel.gif'></p>"
    return _page(body, head=head).encode()


def billion_laughs(levels: int = 10) -> bytes:
    """The classic exponential-entity bomb, in an HTML document's internal subset."""
    lines = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        lines.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    doctype = "<!DOCTYPE html [\n" + "\n".join(lines) + "\n]>"
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<html><head><title>lol</title></head>'
        f"<body><p>&lol{levels - 1};</p><p>{ARTICLE_TEXT}</p></body></html>"
    ).encode()


def xxe_page(secret_path: str, remote_url: str) -> bytes:
    """External entities and DTDs pointing at a local file and a remote URL."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<!DOCTYPE html SYSTEM "{remote_url}/dtd" [\n'
        f'  <!ENTITY secret SYSTEM "file://{secret_path}">\n'
        f'  <!ENTITY remote SYSTEM "{remote_url}/entity">\n'
        f'  <!ENTITY % param SYSTEM "{remote_url}/param"> %param;\n'
        ']>\n'
        '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>XXE</title>'
        f'<link rel="stylesheet" href="{remote_url}/style.css">'
        f'<?xml-stylesheet type="text/xsl" href="{remote_url}/style.xsl"?>'
        f'<script src="{remote_url}/script.js"></script></head>'
        f"<body><article><p>{ARTICLE_TEXT}</p><p>Secret: &secret;</p><p>Remote: &remote;</p>"
        f'<xi:include href="file://{secret_path}" parse="text"/>'
        f'<xi:include href="{remote_url}/include" parse="text"/>'
        f'<iframe src="file://{secret_path}"></iframe><img src="{remote_url}/img.png">'
        f"<p>{ARTICLE_TEXT}</p></article></body></html>"
    ).encode()


# --- shapes that made the parser itself superlinear (issue 16): each takes its size, so
# tests/test_bombs.py builds them at 10x and 100x a cap set small in Options.


def attribute_bomb(count: int = 100_000) -> bytes:
    """One ``<div>`` with ``count`` distinct attributes (libxml2 compares each with all before it)."""
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(count))
    return _page(f"<div {attrs}>x</div>" + article_body()).encode()


def quoted_attribute_bomb(count: int = 100_000) -> bytes:
    """The same with a ``>`` inside every value, so no scan that ignores quotes finds the tag's end."""
    attrs = " ".join(f'a{i}=">"' for i in range(count))
    return _page(f"<div {attrs}>x</div>" + article_body()).encode()


def long_tag(size: int = 40_000_000) -> bytes:
    """A start tag of ``size`` bytes: one ``class`` value, before the article."""
    return _page("<div class='" + "x" * size + "'>y</div>" + article_body()).encode()


def long_text_node(size: int = 40_000_000) -> bytes:
    """One text node of ``size`` bytes of words, then the article."""
    words = (ARTICLE_TEXT + " ") * (size // (len(ARTICLE_TEXT) + 1) + 1)
    return _page(f"<pre>{words[:size]}</pre>" + article_body()).encode()


def unclosed_nesting(depth: int = 100_000) -> bytes:
    """The article, then ``depth`` ``<div>`` never closed (past 2,047 libxml2 stopped the parse)."""
    return _page(article_body() + "<div>" * depth + ARTICLE_TEXT).encode()


def stray_end_tags(count: int = 1_000_000, depth: int = 2_000) -> bytes:
    """The article, ``depth`` open elements, then ``count`` end tags that close nothing
    (each one a walk through every open element)."""
    return _page(article_body() + "<div>" * depth + "</span>" * count).encode()


def many_elements(count: int = 2_000_000) -> bytes:
    """The article, then ``count`` tiny elements."""
    return _page(article_body() + "<i>x</i>" * count).encode()


def unclosed_comments(count: int = 1_000_000) -> bytes:
    """The article, then ``count`` comments opened and never closed (a scan that looks for
    each one's end from each one reads the page to its end a million times)."""
    return _page(article_body() + "<!--" * count).encode()


def unclosed_bogus_comments(count: int = 1_000_000) -> bytes:
    """The article, then ``count`` of ``<!x``, ``</1`` and ``<?x`` that no ``>`` ever closes."""
    return _page(article_body() + "<!x</1<?x" * (count // 3)).encode()


def unclosed_quotes(count: int = 500_000) -> bytes:
    """The article, then ``count`` tags whose quoted value never closes."""
    return _page(article_body() + "<a title=\"" * count).encode()


def unclosed_title() -> bytes:
    """A ``<title>`` never closed: libxml2 reads the rest of the page as its text."""
    return _page(article_body(), head="<title>Flood warning <meta name='x' content='y'>").encode()


def javascript_og_image() -> bytes:
    head = "<title>Flood warning</title><meta property='og:image' content=' JaVa\tScRiPt:alert(1)'>"
    return _page(article_body(), head=head).encode()


PAGES: dict[str, Callable[[], bytes]] = {
    "empty": empty,
    "only_whitespace": only_whitespace,
    "nul_filled": nul_filled,
    "png_renamed": png_renamed,
    "utf16_without_bom": utf16_without_bom,
    "utf16be_without_bom": utf16be_without_bom,
    "wrong_meta_charset": wrong_meta_charset,
    "wrong_meta_charset_utf8": wrong_meta_charset_utf8,
    "mixed_encodings": mixed_encodings,
    "deep_nesting": deep_nesting,
    "deep_inline_nesting": deep_inline_nesting,
    "huge_page_30mb": huge_page,
    "many_siblings_200k": many_siblings,
    "huge_text_node_5mb": huge_text_node,
    "many_scripts_10k": many_scripts,
    "all_links": all_links,
    "base_href_elsewhere": base_href_elsewhere,
    "billion_laughs": billion_laughs,
    "normal_page": normal_page,
    "attribute_bomb_100k": attribute_bomb,
    "quoted_attribute_bomb_100k": quoted_attribute_bomb,
    "long_tag_40mb": long_tag,
    "long_text_node_40mb": long_text_node,
    "unclosed_nesting_100k": unclosed_nesting,
    "stray_end_tags_1m": stray_end_tags,
    "many_elements_2m": many_elements,
    "unclosed_comments_1m": unclosed_comments,
    "unclosed_bogus_comments_1m": unclosed_bogus_comments,
    "unclosed_quotes_500k": unclosed_quotes,
    "unclosed_title": unclosed_title,
    "javascript_og_image": javascript_og_image,
}


def _main() -> None:  # pragma: no cover - a measuring script, run by hand
    import os
    import resource
    import sys
    import tempfile
    import time

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import unboil

    pages = dict(PAGES)
    with tempfile.TemporaryDirectory() as tmp:
        secret = os.path.join(tmp, "secret.txt")
        with open(secret, "w") as fh:
            fh.write("TOP-SECRET-MARKER")
        pages["xxe"] = lambda: xxe_page(secret, "http://127.0.0.1:9")
        names = sys.argv[1:] or list(pages)
        worst = worst_cpu = 0.0
        for name in names:
            data = pages[name]()
            start = time.perf_counter()
            cpu = time.thread_time()
            try:
                art = unboil.extract(data)
                outcome = f"article: {len(art.blocks)} blocks, {len(art.text)} chars" + (
                    f" (empty: {art.empty_reason})" if art.is_empty else ""
                )
            except unboil.UnboilError as exc:
                outcome = f"{type(exc).__name__}: {str(exc)[:70]}"
            took = time.perf_counter() - start
            cpu = time.thread_time() - cpu
            worst = max(worst, took)
            worst_cpu = max(worst_cpu, cpu)
            print(f"{name:24} {len(data):>11,} B {cpu * 1000:6.0f} ms cpu {took * 1000:6.0f} ms wall  {outcome}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"worst {worst_cpu * 1000:.0f} ms cpu, {worst * 1000:.0f} ms wall; peak RSS {peak:.0f} MB")


if __name__ == "__main__":  # pragma: no cover
    _main()
