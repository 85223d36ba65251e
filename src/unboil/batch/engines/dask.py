"""The Dask engine: pages travel to the cluster as bytes and come back rendered.

The client reads each page (still gzipped: fewer bytes on the wire) and
writes each result itself, so the cluster needs no access to IN_DIR or
OUT_DIR, and the outputs and report are those of the local engine.
"""

from __future__ import annotations

import os
import time
from typing import Any

from ...errors import InputError
from ...files import read_stored
from ...options import DEFAULT_OPTIONS, Options
from ...templates.model import SiteTemplate
from ..items import Item
from ..outputs import DirCache, Outcome
from ..page import Rendered, resolve_extract
from ..tasks import deliverable, run_task
from .pool import TIMEOUT_GRACE, Deliver, EngineSettings

__all__ = ["DaskPool"]

TASKS_PER_THREAD = 2
"""Pages in flight per Dask thread: one running and one queued, so no thread waits for the client."""
TIMEOUT_FACTOR = 2
"""A Dask task cannot be killed, and its time includes queueing: it is given this many timeouts."""


def _dask_task(
    job: str, data: bytes, gz: bool, url: str | None, rel: str, record: str | None, fmt: str,
    options: Options | float | None, extract_spec: str | None, site: str | None, template: SiteTemplate | None,
    batch: list[Item] | None, charset: str | None = None, explain: bool = False,
) -> Rendered:
    """One page on a Dask worker: bytes in, rendered bytes (or its first-pass line) out; the client writes them."""
    if not isinstance(options, Options):
        options = DEFAULT_OPTIONS.but(time_budget=options) if options else DEFAULT_OPTIONS
    return run_task(job, resolve_extract(extract_spec), options, fmt, rel, record, url, path=None, data=data, gz=gz,
                    site=site, template=template, batch=batch, charset=charset, explain=explain)


def _dask_client(scheduler: Any, workers: int) -> tuple[Any, Any]:
    """``(client, cluster we started or None)``: the caller's client, a scheduler address, or a local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError("engine='dask' needs dask.distributed: pip install 'dask[distributed]'") from exc
    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None  # a Client the caller owns
    if scheduler:
        return Client(scheduler), None
    import logging

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    return Client(cluster), cluster


class DaskPool:
    """Pages as Dask futures, at most :data:`TASKS_PER_THREAD` per cluster thread in flight."""

    def __init__(
        self, settings: EngineSettings, deliver: Deliver, scheduler: Any, workers: int, custom_options: Options | None
    ) -> None:
        self.settings = settings
        self.deliver = deliver
        self.client, self.cluster = _dask_client(scheduler, workers)
        self.owns_client = self.client is not scheduler
        threads = sum(self.client.nthreads().values()) or workers
        self.limit = max(1, TASKS_PER_THREAD * threads)
        self.timeout = settings.timeout
        # Default options travel as a number (the time budget), custom ones once, scattered,
        # with the run's time budget applied as the local engine applies it.
        if custom_options is None:
            self.options: Any = self.timeout
        else:
            self.options = self.client.scatter(settings.options, broadcast=True)
        self.inflight: dict[Any, tuple[int, Item, float]] = {}
        self.dirs = DirCache()
        self.tag = f"{os.getpid()}d"
        self._error = ""

    def has_capacity(self) -> bool:
        return len(self.inflight) < self.limit

    def busy(self) -> int:
        return len(self.inflight)

    def submit(self, seq: int, item: Item) -> None:
        if item.batch is not None:  # the first pass's pages go with their bytes; one that cannot be read goes without
            item.batch = [p for p in item.batch if self._read(p)]
        elif not self._read(item):
            self.deliver(seq, item, Outcome("failed", self._error, None, 0))
            return
        data, item.data = item.data, None
        s = self.settings
        fut = self.client.submit(
            _dask_task, item.job, data, item.gz, item.url, item.rel, item.record, s.fmt, self.options, s.extract_spec,
            item.site, item.template, item.batch, item.charset, s.explain, pure=False, key=f"unboil-{item.job}-{seq}-{os.getpid()}-{id(item):x}",
        )
        budget = TIMEOUT_FACTOR * self.timeout + TIMEOUT_GRACE if self.timeout else float("inf")
        self.inflight[fut] = (seq, item, time.monotonic() + budget)

    def _read(self, item: Item) -> bool:
        """The page's stored bytes into ``item.data`` (the cluster cannot read IN_DIR); False when they cannot be read."""
        if item.data is None:
            assert item.path is not None
            try:
                item.data = read_stored(item.path, item.gz, self.settings.options)
            except InputError as exc:
                self._error = str(exc)
                return False
        return True

    def poll(self, wait_for: float) -> None:
        from distributed import wait

        if not self.inflight:
            return
        try:
            done, _ = wait(list(self.inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
        except Exception:  # a timeout: distributed raises its own TimeoutError subclasses on some versions
            done = set()
        for fut in done:
            seq, item, _ = self.inflight.pop(fut)
            try:
                result = fut.result()
            except Exception as exc:
                self.deliver(seq, item, Outcome("failed", f"dask task failed: {type(exc).__name__}: {exc}", None, 0))
                continue
            s = self.settings
            self.deliver(seq, item, deliverable(item.job, result, s.out_dir, item.out_rel, s.fmt, self.tag, self.dirs))
        self._expire(time.monotonic())

    def _expire(self, now: float) -> None:
        """Report overdue pages as timed out and cancel them; the run goes on without them."""
        waited = TIMEOUT_FACTOR * (self.timeout or 0)
        for fut, (seq, item, deadline) in list(self.inflight.items()):
            if now > deadline:
                del self.inflight[fut]
                fut.cancel()
                self.deliver(seq, item, Outcome("timeout", f"no result from the Dask cluster after {waited:g} s", None, int(waited * 1000)))

    def close(self, kill: bool = False) -> None:
        for fut in list(self.inflight):
            fut.cancel()
        self.inflight.clear()
        if self.owns_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
