"""One page, start to finish: read, extract, render; every failure a status, never an exception.

Shared by the local workers, the Dask tasks and (for the classification)
:func:`~unboil.batch.extract_one`, so a page gets the same status and the
same bytes whichever engine ran it.
"""

from __future__ import annotations

import importlib
import json
import time
from typing import Any, Callable, NamedTuple

from ..article import Article
from ..errors import ExtractionTimeout, NotHTMLError, UnboilError
from ..files import read_page, unpack_page
from ..options import Options
from ..render import TEXT_FORMATS, as_text
from ..templates.sites import site_of

__all__ = ["FORMATS", "Rendered", "classify", "page_bytes", "process", "render", "resolve_extract"]

FORMATS = ("json", "jsonl", *TEXT_FORMATS)
"""Every ``format`` a run may write; :func:`~unboil.batch.names.extension` gives their file extensions."""

ExtractFn = Callable[..., Article]


class Rendered(NamedTuple):
    """One page's result before it is stored: ``data`` is the output's bytes, or None on failure."""

    status: str
    error: str | None
    data: bytes | None
    ms: int
    truncated: str | None = None
    """What a limit cut from the page (``Article.truncated``), for the report line."""
    site: str | None = None
    """The site the page belongs to (:func:`unboil.templates.sites.site_of`), for the report line."""
    report: bytes | None = None
    """The page's explain report (``clean --explain``), written beside its output."""
    page_type: str | None = None
    """``Article.page_type``, for the report line."""


def resolve_extract(spec: str | None) -> ExtractFn:
    """The extract function a worker calls: :func:`unboil.extract`, or the test hook's ``module:function``."""
    if not spec:
        from ..extract import extract

        return extract
    module, _, name = spec.partition(":")
    fn = getattr(importlib.import_module(module), name)
    return fn  # type: ignore[no-any-return]


def classify(exc: BaseException) -> tuple[str, str]:
    """``(status, error)`` for a failure: a non-page is skipped, not failed, so the exit code stays 0."""
    if isinstance(exc, NotHTMLError):
        return "skipped", str(exc)
    if isinstance(exc, (ExtractionTimeout, TimeoutError)):
        return "timeout", str(exc) or "time budget exceeded"
    if isinstance(exc, UnboilError):
        return "failed", str(exc) or type(exc).__name__
    return "failed", f"internal error: {type(exc).__name__}: {exc}"


def _document(article: Article, rel: str, record: str | None) -> dict[str, Any]:
    doc: dict[str, Any] = {"path": rel, "record": record}
    doc.update(article.to_dict())
    return doc


def render(article: Article, rel: str, record: str | None, fmt: str) -> bytes:
    """The output bytes of one article; no timestamps, so a page always gives the same bytes."""
    if fmt == "json":
        text = json.dumps(_document(article, rel, record), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = json.dumps(_document(article, rel, record), ensure_ascii=False) + "\n"
    else:
        text = as_text(article, fmt)
    # Undecodable file names survive as escapes instead of failing the page.
    return text.encode("utf-8", "backslashreplace")


def page_bytes(path: str | None, data: bytes | None, gz: bool, options: Options) -> bytes:
    """The page itself, from its file or from its stored bytes already read (a WARC record, a Dask task)."""
    if data is None:
        assert path is not None
        return read_page(path, options, gz)
    return unpack_page(data, gz, options)


def process(
    extract_fn: ExtractFn,
    options: Options,
    fmt: str,
    rel: str,
    record: str | None,
    url: str | None,
    *,
    path: str | None = None,
    data: bytes | None = None,
    gz: bool = False,
    site: str | None = None,
    charset: str | None = None,
    explain: bool = False,
) -> Rendered:
    """Extract and render one page, from its file or from bytes already read (a WARC record, a Dask task).

    Never raises: one bad page must cost one report line, never the run.
    ``site`` is the page's site when the run already knows it (from its first pass);
    ``charset`` the encoding its transport declared (a WARC record's HTTP header);
    ``explain``: also make the page's report (:func:`unboil.explain.explain_article`),
    from the same extraction.
    """
    start = time.perf_counter()
    truncated = report = page_type = None
    comps = rel.split("/")
    try:
        page = page_bytes(path, data, gz, options)
        site = site or site_of(url, page, comps)
        if explain:
            from ..explain import explain_article

            article, html = explain_article(page, url, options=options, encoding=charset)
            report = html.encode("utf-8")
        else:
            article = extract_fn(page, url, options=options, encoding=charset)
        rendered: bytes | None = render(article, rel, record, fmt)
        status, error = ("ok", None) if article.blocks else ("empty", article.empty_reason or "no article text")
        truncated, page_type = article.truncated, article.page_type
        if options.types is not None and page_type not in options.types:
            # a type the run does not keep (--types): no output, like a file that is no page
            status, error, rendered = "skipped", article.empty_reason, None
    except Exception as exc:  # every failure becomes a report line; the run goes on
        status, error = classify(exc)
        rendered = None
        site = site or site_of(url, None, comps)
    return Rendered(status, error, rendered, int((time.perf_counter() - start) * 1000), truncated, site, report, page_type)
