"""Pages as the template learner sees them, and :func:`learn_templates` over any pages.

A page's lines are read from its markup without parsing it (:mod:`.lines`),
so learning costs a fraction of extracting.
"""

from __future__ import annotations

import os
from typing import Any, Iterable

from ..decoding import decode
from ..files import read_page
from ..options import DEFAULT_OPTIONS, Options
from .keys import line_key
from .learn import MAX_SITE_PAGES, PageLines, learn_site
from .model import SiteTemplate
from .lines import raw_lines
from .sites import page_identity, site_of

__all__ = ["learn_templates", "page_keys"]


def page_keys(source: bytes | str, encoding: str | None = None) -> list[str]:
    """The distinct line keys of a page (its markup, as bytes in any encoding or as str), sorted;
    ``encoding`` is its transport's charset, as :func:`unboil.extract` takes it."""
    text = source if isinstance(source, str) else decode(bytes(source), encoding)[0]
    return sorted({line_key(line) for line in raw_lines(text)})


def _unpack(page: Any) -> tuple[Any, str | None, str | None]:
    """``(source, url, site)`` of one element of ``learn_templates``'s input."""
    if isinstance(page, tuple):
        source, url, site = (page + (None, None))[:3]
        return source, url, site
    return page, None, None


def learn_templates(pages: Iterable[Any], *, options: Options | None = None) -> dict[str, SiteTemplate]:
    """Learn a :class:`SiteTemplate` for each site of ``pages`` that has enough of them.

    Each page is its markup (bytes or str) or a file (``os.PathLike``, read
    within ``options.max_bytes``), alone or
    as ``(page, url)`` or ``(page, url, site)``.  Its site is the one given,
    else its url's host, else the host of the address the page declares
    (canonical, ``og:url``); pages with none are left out.  Extract each page
    with ``Options(site_template=templates[site])``.  At most
    ``MAX_SITE_PAGES`` pages of a site are read.
    """
    opts = options or DEFAULT_OPTIONS
    by_site: dict[str, list[PageLines]] = {}
    for page in pages:
        source, url, site = _unpack(page)
        if isinstance(source, os.PathLike):
            source = read_page(source, opts, name_in_errors=True)
        site = site or site_of(url, source, ())
        if site is None or len(by_site.get(site, ())) >= MAX_SITE_PAGES:
            continue
        by_site.setdefault(site, []).append(PageLines(page_identity(url, source), frozenset(page_keys(source))))
    learned = {site: learn_site(site, lines) for site, lines in sorted(by_site.items())}
    return {site: t for site, t in learned.items() if t is not None}
