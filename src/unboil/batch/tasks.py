"""What a worker does with one page, for each of a run's two passes.

``gather`` (the first pass, when templates are learned) reads a page's site,
the address that names it and its line keys, as one line of the run's
``.unboil-lines.jsonl``; ``extract`` (the second) extracts and renders it, with its
site's template when it has one.  Both engines call :func:`run_task` where
the page is and :func:`deliverable` where its result is stored, so a page
gets the same bytes whichever engine ran it.
"""

from __future__ import annotations

import json
import time

from ..options import Options
from ..templates.model import SiteTemplate
from ..templates.pages import page_keys
from ..templates.sites import page_identity, site_of
from .items import Item
from .outputs import DirCache, Outcome, store
from .page import ExtractFn, Rendered, classify, page_bytes, process

__all__ = ["EXTRACT", "GATHER", "deliverable", "gather_batch", "gather_page", "run_task"]

EXTRACT = "extract"
GATHER = "gather"


def gather_page(
    options: Options, rel: str, record: str | None, url: str | None, *, path: str | None, data: bytes | None, gz: bool,
    charset: str | None = None,
) -> Rendered:
    """One page's line of ``.unboil-lines.jsonl``: its path, record, site, identity and line keys; never raises."""
    start = time.perf_counter()
    comps = rel.split("/")
    try:
        page = page_bytes(path, data, gz, options)
        site = site_of(url, page, comps)
        keys = page_keys(page, charset) if site is not None else []
        line = {"path": rel, "record": record, "site": site, "identity": page_identity(url, page), "keys": keys}
        data_out: bytes | None = json.dumps(line, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n"
        status, error = "ok", None
    except Exception as exc:  # the second pass reports the page; here it only goes unlearned
        status, error = classify(exc)
        data_out, site = None, site_of(url, None, comps)
    return Rendered(status, error, data_out, int((time.perf_counter() - start) * 1000), None, site)


def gather_batch(options: Options, batch: list[Item]) -> Rendered:
    """The lines of a batch of pages, in order (a page that cannot be read has none: the second pass reports it)."""
    start = time.perf_counter()
    lines = [gather_page(options, p.rel, p.record, p.url, path=p.path, data=p.data, gz=p.gz, charset=p.charset).data for p in batch]
    return Rendered("ok", None, b"".join(line for line in lines if line), int((time.perf_counter() - start) * 1000))


def run_task(
    job: str, extract_fn: ExtractFn, options: Options, fmt: str, rel: str, record: str | None, url: str | None, *,
    path: str | None, data: bytes | None, gz: bool, site: str | None, template: SiteTemplate | None,
    batch: list[Item] | None = None, charset: str | None = None, explain: bool = False,
) -> Rendered:
    """One task of either pass, where the page is (a local worker, a Dask worker): a batch of pages to
    gather, or one page to extract."""
    if job == GATHER:
        assert batch is not None
        return gather_batch(options, batch)
    if template is not None:
        options = options.but(site_template=template)
    return process(extract_fn, options, fmt, rel, record, url, path=path, data=data, gz=gz, site=site, charset=charset,
                   explain=explain)


def deliverable(job: str, result: Rendered, out_dir: str, out_rel: str | None, fmt: str, tag: str, dirs: DirCache) -> Outcome:
    """What the run loop gets for a page: an extracted page's output is written now; a gathered line travels on."""
    if job == GATHER:
        return Outcome(result.status, result.error, None, result.ms, result.data, None, result.site)
    return store(result, out_dir, out_rel, fmt, tag, dirs)
