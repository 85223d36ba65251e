"""The local engine: our own pool of worker processes, so a hung or crashed page costs one worker.

multiprocessing's pools cannot kill one task's process; here each worker
holds one page at a time, so a page past its timeout has its worker killed
and replaced, and a worker that dies (a crash in a C library, the OOM
killer) costs only its page, which gets a ``failed`` line.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from ..items import Item
from ..outputs import Outcome, tmp_name
from .pool import TIMEOUT_GRACE, Deliver, EngineSettings

__all__ = ["MAX_TASKS_PER_WORKER", "LocalPool"]

STARTUP_GRACE = 60.0
"""Seconds a fresh worker may take to import unboil before its first page's clock starts."""
JOIN_TIMEOUT = 5.0
"""Seconds to wait for a worker to exit before killing it (or giving up on a killed one)."""
MAX_TASKS_PER_WORKER = 2000
"""Pages a worker handles before it is replaced, so a slow leak in a C library cannot grow without end."""


def _package_root() -> str:
    """The folder holding the unboil package: first on a worker's path, so it runs this very code."""
    import unboil

    return os.path.dirname(os.path.dirname(os.path.abspath(unboil.__file__)))


class _LocalWorker:
    """One worker process and its connection.

    On POSIX the worker is a fresh interpreter (``python -c``) talking over a
    socket pair: unlike multiprocessing's spawn it never re-imports the
    caller's ``__main__``, so ``clean_folder`` works from any script, a
    notebook or stdin.  Elsewhere multiprocessing's spawn context is used.
    """

    def __init__(self, init: tuple[Any, ...]) -> None:
        self.ready = False
        self.seq: int | None = None
        self.item: Item | None = None
        self.deadline: float | None = None
        self.done = 0
        self._mp: Any = None
        self._popen: Any = None
        if os.name == "posix":
            self._start_posix()
        else:  # pragma: no cover - Windows
            self._start_spawn()
        self.conn.send(("init", list(sys.path)) + init)

    def _start_posix(self) -> None:
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        ours, theirs = socket.socketpair()
        fd = theirs.fileno()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_package_root(), env.get("PYTHONPATH")]))
        self._popen = subprocess.Popen(
            [sys.executable, "-c", f"from unboil.batch.engines.worker import worker_entry; worker_entry({fd})"],
            pass_fds=(fd,), stdin=subprocess.DEVNULL, env=env,
        )
        theirs.close()
        self.conn: Any = Connection(ours.detach())
        self.pid: int = self._popen.pid

    def _start_spawn(self) -> None:  # pragma: no cover - Windows
        import multiprocessing

        from .worker import worker_loop

        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe(duplex=True)
        self._mp = ctx.Process(target=worker_loop, args=(theirs,), daemon=True, name="unboil-worker")
        self._mp.start()
        theirs.close()
        self.conn = ours
        self.pid = self._mp.pid

    def kill(self) -> None:
        try:
            if self._mp is not None:  # pragma: no cover
                self._mp.kill()
            else:
                self._popen.kill()
        except OSError:
            pass

    def join(self, timeout: float | None = None) -> int | None:
        """Wait for the process to end; its exit code (negative: killed by that signal), or None."""
        if self._mp is not None:  # pragma: no cover
            self._mp.join(timeout)
            return self._mp.exitcode  # type: ignore[no-any-return]
        try:
            return self._popen.wait(timeout)  # type: ignore[no-any-return]
        except Exception:
            return None


class LocalPool:
    """Up to ``workers`` processes, one page in flight each, started when first needed."""

    def __init__(self, settings: EngineSettings, deliver: Deliver, workers: int, max_tasks: int) -> None:
        self.settings = settings
        self.deliver = deliver
        self.size = max(1, workers)
        self.timeout = settings.timeout
        self.max_tasks = max_tasks
        self.init = (os.getpid(), settings.out_dir, settings.fmt, settings.options, settings.extract_spec, settings.explain)
        self.workers: list[_LocalWorker] = []

    def _idle(self) -> _LocalWorker | None:
        for w in self.workers:
            if w.seq is None:
                if w.done >= self.max_tasks:
                    self._retire(w)
                    return self._idle()
                return w
        if len(self.workers) < self.size:
            w = _LocalWorker(self.init)
            self.workers.append(w)
            return w
        return None

    def has_capacity(self) -> bool:
        return any(w.seq is None for w in self.workers) or len(self.workers) < self.size

    def busy(self) -> int:
        return sum(1 for w in self.workers if w.seq is not None)

    def submit(self, seq: int, item: Item) -> None:
        message = (seq, item.job, item.rel, item.record, item.path, item.data, item.gz, item.url, item.out_rel, item.site,
                   item.template, item.batch, item.charset)
        while True:
            w = self._idle()
            assert w is not None
            try:
                w.conn.send(message)
                break
            except (OSError, ValueError):  # the worker died while idle: replace it
                w.kill()
                w.join(timeout=JOIN_TIMEOUT)
                self._remove(w)
        w.seq, w.item = seq, item
        if self.timeout:
            w.deadline = time.monotonic() + self.timeout + TIMEOUT_GRACE + (0 if w.ready else STARTUP_GRACE)
        item.data = None  # the worker has it now

    def poll(self, wait_for: float) -> None:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.seq is not None]
        if not busy:
            return
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        if deadlines:
            wait_for = max(0.0, min(wait_for, min(deadlines) - time.monotonic()))
        by_conn = {w.conn: w for w in busy}
        for conn in wait(list(by_conn), timeout=wait_for):
            self._drain(by_conn[conn])
        now = time.monotonic()
        for w in list(self.workers):
            if w.seq is not None and w.deadline is not None and now > w.deadline:
                self._timed_out(w)

    def _drain(self, w: _LocalWorker) -> None:
        """Read every message a worker has sent: a ready notice starts its page's clock afresh."""
        while True:
            try:
                msg = w.conn.recv()
            except (EOFError, OSError):
                self._lost(w)
                return
            if msg[0] == "ready":
                w.ready = True
                if self.timeout and w.seq is not None:
                    w.deadline = time.monotonic() + self.timeout + TIMEOUT_GRACE
            else:
                _, seq, outcome = msg
                assert seq == w.seq and w.item is not None
                self.deliver(seq, w.item, outcome)
                w.seq, w.item, w.deadline = None, None, None
                w.done += 1
            try:
                if not w.conn.poll():
                    return
            except (EOFError, OSError):
                self._lost(w)
                return

    def _remove(self, w: _LocalWorker) -> None:
        if w in self.workers:
            self.workers.remove(w)
        try:
            w.conn.close()
        except OSError:
            pass

    def _give_up(self, w: _LocalWorker, outcome: Outcome) -> None:
        """Report a killed or dead worker's page, removing the half-written output it may have left."""
        item = w.item
        assert w.seq is not None and item is not None
        if item.out_rel and self.settings.fmt != "jsonl":
            target = os.path.join(self.settings.out_dir, *item.out_rel.split("/"))
            try:
                os.unlink(tmp_name(target, str(w.pid)))
            except OSError:
                pass
        self.deliver(w.seq, item, outcome)

    def _lost(self, w: _LocalWorker) -> None:
        code = w.join(timeout=JOIN_TIMEOUT)
        if code is None:
            w.kill()
            w.join(timeout=JOIN_TIMEOUT)
        if w.seq is not None and w.item is not None:
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            self._give_up(w, Outcome("failed", f"worker process died ({how})", None, 0))
        self._remove(w)

    def _timed_out(self, w: _LocalWorker) -> None:
        w.kill()
        w.join(timeout=JOIN_TIMEOUT)
        ms = int((self.timeout or 0) * 1000)
        self._give_up(w, Outcome("timeout", f"no result after {self.timeout:g} s: worker killed and replaced", None, ms))
        self._remove(w)

    def _retire(self, w: _LocalWorker) -> None:
        try:
            w.conn.send(None)
        except OSError:
            pass
        if w.join(timeout=JOIN_TIMEOUT) is None:
            w.kill()
            w.join(timeout=JOIN_TIMEOUT)
        self._remove(w)

    def close(self, kill: bool = False) -> None:
        for w in list(self.workers):
            if kill or w.seq is not None:
                w.kill()
                w.join(timeout=JOIN_TIMEOUT)
                self._remove(w)
            else:
                self._retire(w)
