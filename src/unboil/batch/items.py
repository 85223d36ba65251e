"""From walk entries to work items: one per report line, decided now or handed to a worker.

A file that is not a page, a WARC record that is not HTML and a page the
previous run finished are decided here, without a worker; only real pages
become tasks.  WARC files are read here, in the main process, because a
WARC's records must become report lines in file order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Protocol

from ..options import Options
from ..templates.model import SiteTemplate
from .journal import Carried
from .names import ARTICLES_FILE, record_output_name
from .walk import Entry, Walk, describe

__all__ = ["Item", "Resumer", "Sites", "plan"]

Sites = Callable[[tuple[str, ...], str | None], tuple[str | None, SiteTemplate | None]]
"""A page's site and its template, asked in walk order (:class:`~.gather.SiteStream`)."""


class Resumer(Protocol):
    """What a pass carries forward from its previous run (:class:`~.journal.Resume`, :class:`~.gather.LinesResume`)."""

    def carry(
        self, comps: tuple[str, ...], record: str | None, out_rel: str | None, src_mtime_ns: int, template: str | None = None
    ) -> Carried | None: ...

    def advance(self, comps: tuple[str, ...], record: str | None) -> None: ...


@dataclass
class Item:
    """One future report line: exactly one of a decided line, a carried line, or a task."""

    comps: tuple[str, ...]
    record: str | None
    out_rel: str | None = None
    status: str | None = None
    error: str | None = None
    carried: Carried | None = None
    path: str | None = None
    data: bytes | None = None
    gz: bool = False
    url: str | None = None
    charset: str | None = None
    """The charset a WARC record's HTTP ``Content-Type`` declared: the page's encoding hint."""
    site: str | None = None
    """The page's site, when a first pass found it (else the worker reads it from the page)."""
    template: SiteTemplate | None = None
    """The template of the page's site, extracted with it."""
    job: str = "extract"
    """Which pass the item belongs to (:mod:`.tasks`)."""
    batch: "list[Item] | None" = None
    """The first pass's pages read in one task (a page is read there in a few milliseconds: one
    task each would cost more in messages than in reading)."""

    @property
    def rel(self) -> str:
        return "/".join(self.comps)

    @property
    def template_digest(self) -> str | None:
        return self.template.digest if self.template is not None else None

    @property
    def is_task(self) -> bool:
        return self.status is None and self.carried is None


def plan(walk: Walk, resume: Resumer, fmt: str, options: Options, sites: Sites | None = None) -> Iterator[Item]:
    """The run's items in walk order, each page checked against the previous run as it comes.

    ``sites``: where each page's site and template come from, when a first pass learned them.
    """
    for e in walk:
        if e.kind == "error":
            yield Item(e.comps, None, status="failed", error=e.error)
        elif e.kind in ("special", "other"):
            reason = e.error or f"not a page: {describe(e.comps[-1])}"
            yield Item(e.comps, None, status="skipped", error=reason)
        elif e.kind == "warc":
            yield from _warc_items(e, resume, fmt, walk.ext, options, sites)
        else:
            out_rel = ARTICLES_FILE if fmt == "jsonl" else _join(e.comps[:-1], e.out_name)
            item = Item(e.comps, None, out_rel, path=e.path, gz=e.gz)
            if sites is not None:
                item.site, item.template = sites(e.comps, None)
            item.carried = resume.carry(e.comps, None, out_rel, e.mtime_ns, item.template_digest)
            yield item


def _join(parent: tuple[str, ...], name: str | None) -> str:
    assert name is not None
    return "/".join(parent + (name,))


def _warc_items(e: Entry, resume: Resumer, fmt: str, ext: str, options: Options, sites: Sites | None) -> Iterator[Item]:
    """One item per document record; a WARC that breaks part-way keeps the records before the break."""
    try:
        from ..warc import iter_warc

        for rec in iter_warc(e.path, options.max_bytes):
            if fmt == "jsonl":
                out_rel = ARTICLES_FILE
            else:
                out_rel = _join(e.comps[:-1], e.out_name) + "/" + record_output_name(rec.ordinal, rec.record_id, rec.uri, ext)
            if rec.skip_reason is not None or rec.error is not None:
                resume.advance(e.comps, rec.record_id)
                status = "skipped" if rec.skip_reason is not None else "failed"
                yield Item(e.comps, rec.record_id, status=status, error=rec.skip_reason or rec.error)
            else:
                item = Item(e.comps, rec.record_id, out_rel, data=rec.data, url=rec.uri, charset=rec.charset)
                if sites is not None:
                    item.site, item.template = sites(e.comps, rec.record_id)
                item.carried = resume.carry(e.comps, rec.record_id, out_rel, e.mtime_ns, item.template_digest)
                if item.carried is not None:
                    item.data = None
                yield item
    except ImportError:
        yield Item(e.comps, None, status="failed", error="reading WARC files needs warcio: pip install warcio")
    except Exception as exc:
        yield Item(e.comps, None, status="failed", error=f"cannot read WARC file: {type(exc).__name__}: {exc}")
