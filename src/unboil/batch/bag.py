"""Pages one at a time without a folder: ``extract_one`` and its Dask bag mapping.

For dataframes: every result is a dict with the same keys, failures
included, so a bag of them converts straight to a dataframe and one bad
page never fails a whole partition.
"""

from __future__ import annotations

import os
from typing import Any

from ..article import Article
from ..files import read_page
from ..options import DEFAULT_OPTIONS, Options
from .page import classify

__all__ = ["extract_bag", "extract_one"]


def extract_one(
    page: Any, url: str | None = None, *, options: Options | None = None, encoding: str | None = None
) -> dict[str, Any]:
    """Extract one page and never raise: ``Article.to_dict()`` plus ``status`` and ``error``.

    ``page`` is bytes or str (the page itself) or an ``os.PathLike`` (a file,
    gunzipped when its name ends in ``.gz``).  Every returned dict has the same
    keys, so a bag of them converts straight to a dataframe.  ``encoding``: the
    charset the page came with, as :func:`unboil.extract` takes it.
    """
    opts = options or DEFAULT_OPTIONS
    from ..extract import extract

    try:
        source = read_page(page, opts) if isinstance(page, os.PathLike) else page
        article = extract(source, url, options=opts, encoding=encoding)
    except Exception as exc:
        status, error = classify(exc)
        doc = Article().to_dict()
        doc["url"] = url
        doc.update(status=status, error=error)
        return doc
    doc = article.to_dict()
    doc.update(status="ok" if article.blocks else "empty", error=None if article.blocks else article.empty_reason)
    return doc


def _bag_element(element: Any, options: Options | None) -> dict[str, Any]:
    if isinstance(element, tuple):
        page, url = (element + (None,))[:2]
    elif isinstance(element, dict):
        page, url = element.get("source", element.get("html")), element.get("url")
    else:
        page, url = element, None
    return extract_one(page, url, options=options)


def extract_bag(bag: Any, *, options: Options | None = None) -> Any:
    """Map :func:`extract_one` over a ``dask.bag`` of pages; a bag of dicts comes back.

    Elements are a page (bytes, str, or ``pathlib.Path``), a ``(page, url)``
    tuple, or a dict with ``source`` and ``url``::

        import dask.bag as db
        pages = db.from_sequence([(path, None) for path in paths], npartitions=8)
        df = unboil.batch.extract_bag(pages).to_dataframe()
    """
    return bag.map(_bag_element, options=options)
