"""The site-disjoint *tune* / *check* split of the dev corpus.

    python -m unboil.bench.split [--corpus PATH] [--write]

The dev corpus serves both to find failures and to judge fixes.  Failures are
looked for only on the *tune* half; a change that raises tune but lowers
*check* is not kept.  That only means something if check pages come from
sites the tuner never looked at, so the half is a fixed hash of the page's
*site*, never of the page: every page of one site (in every dataset) falls in
the same half.

The site is the registrable domain (lowercase, no ``www.``, ``news.cnet.com``
-> ``cnet.com``, ``news.bbc.co.uk`` -> ``bbc.co.uk``) of, in order:

1. the gold ``url`` (a ``web.archive.org/web/<stamp>/<url>`` address gives the
   archived page's host, not the archive's);
2. where the gold has no web address (all of dragnet-train and
   mozilla-readability, trafilatura-eval's ``hard::`` labels, 5 wcxb pages),
   the address the page declares about itself: ``<link rel=canonical>``,
   ``og:url``, ``twitter:url``, a browser's ``saved from url`` comment,
   ``<base href>``, a blog engine's ``shortlink`` / ``pingback`` / ``EditURI``
   / ``wlwmanifest`` link.  Hashing ids there would scatter dragnet's 14
   sportsscientists.com pages (and mozilla's 5 nytimes pages) over both halves;
3. else the site the page's ``<a href>`` links point to most (at least 3
   times): a site links mostly to itself (dragnet's 10 softpedia pages
   declare nothing but link to news.softpedia.com 80 times);
4. else the page id, lowercased, without a trailing ``-<n>`` (mozilla's
   ``rtl-1`` ... ``rtl-4`` are one site's test cases).

The result is committed as ``split.tsv`` (dataset, id, site, half) beside this
module; a test recomputes it from the corpus, so it can only change on purpose.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from .corpus import Page, datasets, default_corpus, pages

__all__ = ["HALVES", "SPLIT_FILE", "site_of_url", "site_key", "half_of", "page_half", "half_in", "compute", "load",
           "main"]

HALVES = ("tune", "check")
SPLIT_FILE = Path(__file__).with_name("split.tsv")
_FIELDS = ("dataset", "id", "site", "half")

_TAG = re.compile(r"<(link|meta|base)\b([^>]*)>|<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_SELF_LINKS = ("canonical", "og:url", "twitter:url", "saved-from", "base", "shortlink", "pingback", "edituri",
               "wlwmanifest")
"""Where a page says its own address, most trustworthy first (a feed ``alternate`` is not: often feedburner)."""
_ANCHOR = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""", re.I)
_MIN_LINKS = 3
"""A page with no declared address is taken to belong to the site it links to most, if at least this often."""
_ARCHIVE = re.compile(r"^/web/[^/]*/(.+)$")
_COPY_NUMBER = re.compile(r"-[1-9]\d?$")
"""``rtl-3``'s copy number; not wcxb's ``dev-0551``, which is a serial, not a site name."""
_NOT_SELF = frozenset(("twitter.com", "facebook.com", "addthis.com", "feedburner.com", "google.com", "digg.com",
                       "stumbleupon.com", "delicious.com", "reddit.com", "linkedin.com", "pinterest.com"))
"""Share buttons and feeds: hosts a page links to often without being on them."""


def _registrable(host: str) -> str:
    """The last two labels, or three under a country's short second level (``co.uk``, ``com.br``).

    A heuristic, not the public suffix list (no dependency): where it merges too
    little, one site's subdomains may hash apart; where it merges too much
    (``news.abc.es`` -> itself, all of ``*.blogspot.com``), unrelated sites only
    share a half, which costs nothing (shared hosting platforms even share templates).
    """
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def site_of_url(url: str | None) -> str | None:
    """The site of an ``http(s)`` address, or None (no address, a label such as ``hard::x.html``)."""
    url = (url or "").strip()
    if url.startswith("//"):  # protocol-relative, as some canonical links are
        url = "http:" + url
    if not re.match(r"(?i)https?://", url):
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if host == "web.archive.org" and (inner := _ARCHIVE.match(parts.path)):
        wrapped = inner.group(1)
        return site_of_url(wrapped if "://" in wrapped else "http://" + wrapped)
    host = host.removeprefix("www.")
    if not host or "." not in host:
        return None
    return _registrable(host)


def _declared_urls(html: str) -> dict[str, str]:
    """{kind: first address}: what the page's own markup says its address is (kinds as in _SELF_LINKS)."""
    found: dict[str, str] = {}
    for match in _TAG.finditer(html):
        if match.group(3):
            found.setdefault("saved-from", match.group(3))
            continue
        tag = match.group(1).lower()
        attrs = {k.lower(): v.strip("\"'").strip() for k, v in _ATTR.findall(match.group(2))}
        if tag == "base" and attrs.get("href"):
            found.setdefault("base", attrs["href"])
        elif tag == "link" and attrs.get("href"):
            for rel in attrs.get("rel", "").lower().split():
                found.setdefault(rel, attrs["href"])
        elif tag == "meta" and attrs.get("content"):
            name = (attrs.get("property") or attrs.get("name") or "").lower()
            if name in ("og:url", "twitter:url"):
                found.setdefault(name, attrs["content"])
    return found


def site_key(url: str | None, html: str | None, page_id: str) -> str:
    """The key a page's half is hashed from: its site, else its normalised id (see the module docstring)."""
    if site := site_of_url(url):
        return site
    if html:
        declared = _declared_urls(html)
        for kind in _SELF_LINKS:
            if site := site_of_url(declared.get(kind)):
                return site
        linked = Counter(s for href in _ANCHOR.findall(html) if (s := site_of_url(href)) and s not in _NOT_SELF)
        if linked and (top := linked.most_common(1)[0])[1] >= _MIN_LINKS:
            return top[0]
    return "id:" + _COPY_NUMBER.sub("", page_id.lower())


def half_of(key: str) -> str:
    """``tune`` or ``check``: the parity of the SHA-256 of the key (stable across runs, machines, Pythons)."""
    return HALVES[hashlib.sha256(key.encode("utf-8")).digest()[0] & 1]


def page_half(page: Page) -> tuple[str, str]:
    """(site key, half) of one corpus page; reads the HTML only when the gold has no web address."""
    url = page.gold.get("url")
    html = None if site_of_url(url) else page.html()
    key = site_key(url, html, page.id)
    return key, half_of(key)


def half_in(split: Mapping[tuple[str, str], str], page: Page) -> str:
    """The page's half in ``split`` (the committed file); a page it does not list gets the rule itself."""
    return split.get((page.dataset, page.id)) or page_half(page)[1]


def compute(root: Path, chosen: Iterable[str] | None = None) -> Iterator[tuple[str, str, str, str]]:
    """(dataset, id, site, half) for every page of the corpus, in the corpus's order."""
    for dataset in chosen if chosen is not None else datasets(root):
        for page in pages(root, dataset):
            yield (dataset, page.id, *page_half(page))


def write(rows: Iterable[Sequence[str]], path: Path = SPLIT_FILE) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(_FIELDS)
        out.writerows(rows)


def read(path: Path = SPLIT_FILE) -> list[tuple[str, str, str, str]]:
    """The committed rows, as :func:`compute` yields them."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    if not rows or tuple(rows[0]) != _FIELDS:
        raise ValueError(f"{path}: expected a header {_FIELDS}")
    return [(d, i, s, h) for d, i, s, h in rows[1:]]


def load(path: Path = SPLIT_FILE) -> Mapping[tuple[str, str], str]:
    """{(dataset, page id): half} from the committed split."""
    return {(d, i): h for d, i, _, h in read(path)}


def counts(rows: Iterable[Sequence[str]]) -> dict[str, dict[str, int]]:
    """{dataset: {half: pages, 'sites': distinct sites}}, for the report and the tests."""
    out: dict[str, dict[str, int]] = {}
    sites: dict[str, set[str]] = {}
    for dataset, _, site, half in rows:
        by_half = out.setdefault(dataset, dict.fromkeys(HALVES, 0))
        by_half[half] += 1
        sites.setdefault(dataset, set()).add(site)
    for dataset, by_half in out.items():
        by_half["sites"] = len(sites[dataset])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print the split's page counts; ``--write`` recomputes ``split.tsv`` (a deliberate, reviewed change)."""
    ap = argparse.ArgumentParser(prog="python -m unboil.bench.split", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="corpus root (default: $UNBOIL_CORPUS or ../shared/corpus/dev)")
    ap.add_argument("--write", action="store_true", help=f"recompute and write {SPLIT_FILE.name}")
    args = ap.parse_args(argv)
    if args.write:
        root = args.corpus or default_corpus()
        if root is None:
            print("no corpus: pass --corpus or set $UNBOIL_CORPUS", file=sys.stderr)
            return 2
        write(compute(root))
    for dataset, by_half in counts(read()).items():
        print(f"{dataset:<22} tune {by_half['tune']:>5}  check {by_half['check']:>5}  sites {by_half['sites']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
