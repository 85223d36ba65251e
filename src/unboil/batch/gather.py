"""The first pass of a run that learns site templates: each page's site and lines, in ``.unboil-lines.jsonl``.

Workers read every page's site, the address that names it and its line keys
(:func:`~.tasks.gather_page`); the lines come back through the same ordering
window as report lines, so ``.unboil-lines.jsonl`` is in walk order.  That makes it
resumable the way the report is (a killed run leaves ``.unboil-lines.jsonl.part``, a
prefix of the walk, which the next run folds in and carries forward) and
lets the second pass find each page's site by a streaming join, in bounded
memory, whatever the folder's size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO, Any, Iterator

from ..options import Options
from ..templates.model import SiteTemplate
from .drive import Relay, drive
from .engines import EngineSettings, Pool
from .items import Item, plan
from .journal import Carried, _consolidate, _OldStream
from .learning import TemplateCache, check_templates, learn_folder
from .names import LINES_FILE, PART_SUFFIX
from .progress import Progress
from .tasks import GATHER
from .walk import Walk
from .window import Window

__all__ = ["LinesJournal", "LinesResume", "SiteStream", "TemplateSettings", "first_pass", "gather_items"]


class LinesResume:
    """Carries forward a page's line of the previous ``.unboil-lines.jsonl`` when the page is not newer than that file."""

    def __init__(self, path: str, enabled: bool) -> None:
        self.enabled = enabled
        self.old = _OldStream(None)
        self.mtime_ns = -1
        self.path = path

    def start(self) -> None:
        if not self.enabled:
            return
        try:
            self.mtime_ns = os.stat(self.path).st_mtime_ns
        except FileNotFoundError:
            return
        self.old = _OldStream(self.path)

    def advance(self, comps: tuple[str, ...], record: str | None) -> None:
        self.old.take(comps, record)

    def carry(
        self, comps: tuple[str, ...], record: str | None, out_rel: str | None, src_mtime_ns: int, template: str | None = None
    ) -> Carried | None:
        """The page's previous line (``out_rel`` and ``template`` are the second pass's business)."""
        old = self.old.take(comps, record)
        if old is None or src_mtime_ns > self.mtime_ns:
            return None
        return Carried(b"", old.raw, "ok")


class LinesJournal:
    """``.unboil-lines.jsonl`` of one run, written as ``.unboil-lines.jsonl.part`` and published when the pass ends."""

    def __init__(self, out_dir: str) -> None:
        self.path = os.path.join(out_dir, LINES_FILE)
        self.fh: IO[bytes] | None = None

    def open(self, resume: LinesResume) -> None:
        part = self.path + PART_SUFFIX
        if resume.enabled:
            _consolidate(part, self.path)
        resume.start()
        self.fh = open(part, "wb")

    def write(self, _line: bytes, article: bytes | None) -> None:
        """A page's line (the report line the window also hands over is not this file's business)."""
        assert self.fh is not None
        if article is not None:
            self.fh.write(article)

    def sync(self) -> None:
        if self.fh is not None:
            self.fh.flush()

    def finish(self) -> None:
        assert self.fh is not None
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        self.fh = None
        os.replace(self.path + PART_SUFFIX, self.path)

    def abandon(self) -> None:
        if self.fh is not None:
            try:
                self.fh.close()
            except OSError:
                pass
        self.fh = None


GATHER_BATCH = 16
"""Pages read in one task of the first pass: a page takes a few milliseconds there, so one
message each would cost a worker more time waiting than reading."""


def gather_items(walk: Walk, resume: LinesResume, fmt: str, options: Options) -> Iterator[Item]:
    """The first pass's items: batches of consecutive pages to gather, and the lines carried forward between them."""
    batch: list[Item] = []
    for item in plan(walk, resume, fmt, options):
        if item.is_task:
            batch.append(item)
            if len(batch) < GATHER_BATCH:
                continue
        if batch:
            yield _batch(batch)
            batch = []
        if not item.is_task:
            yield item
    if batch:
        yield _batch(batch)


def _batch(pages: list[Item]) -> Item:
    first = pages[0]
    return Item(first.comps, first.record, job=GATHER, batch=pages)


class SiteStream:
    """Each page's site from ``.unboil-lines.jsonl``, read in step with the second pass's walk, and its site's template."""

    def __init__(self, lines_path: str, templates: TemplateCache) -> None:
        self.lines = _OldStream(lines_path)
        self.templates = templates

    def __call__(self, comps: tuple[str, ...], record: str | None) -> tuple[str | None, SiteTemplate | None]:
        old = self.lines.take(comps, record)
        site = old.data.get("site") if old is not None else None
        if not isinstance(site, str):
            return None, None
        return site, self.templates.get(site)


@dataclass(frozen=True)
class TemplateSettings:
    """Where a run's site templates come from."""

    dir: str
    """The folder of ``<site>.json`` templates (learned into it when ``learn``)."""
    learn: bool
    """Learn them from the run's own pages (False: a folder given, used as it is)."""


def first_pass(
    walk: Walk, settings: EngineSettings, resume: bool, window_size: int, progress: tuple[Any, float],
    pool: Pool, relay: Relay, templates: TemplateSettings,
) -> SiteStream:
    """Gather every page's site and lines into ``.unboil-lines.jsonl`` (resumable), learn the templates, and
    return where the second pass finds each page's site and template."""
    journal = LinesJournal(settings.out_dir)
    resumer = LinesResume(journal.path, resume)
    window = Window(journal, window_size)
    mode, interval = progress
    finished = False
    try:
        journal.open(resumer)
        window.progress = Progress(mode, interval, walk.count if mode else None, label="reading sites: ")
        relay.target = window.deliver
        drive(gather_items(walk, resumer, settings.fmt, settings.options), window, pool)
        journal.finish()
        finished = True
    finally:
        if not finished:
            journal.abandon()
        if window.progress is not None:
            window.progress.close()
    if templates.learn:
        learn_folder(journal.path, templates.dir)
    if os.path.isdir(templates.dir):
        check_templates(templates.dir)
    return SiteStream(journal.path, TemplateCache(templates.dir))
