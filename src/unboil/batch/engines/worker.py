"""The inside of a local worker process: read pages, extract them, write their outputs.

The child's side of the local engine (the pool in :mod:`.local` is the
parent's).  The worker writes outputs itself, so only small report fields
travel back, and it stops writing as soon as its parent is gone, so a
killed run leaves no worker behind still changing OUT_DIR.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from ..outputs import DirCache
from ..page import resolve_extract
from ..tasks import deliverable, run_task

__all__ = ["worker_entry", "worker_loop"]

PR_SET_PDEATHSIG = 1
"""Linux prctl option: the signal this process gets when its parent dies."""


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when the main process dies (even by kill -9)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except Exception:  # pragma: no cover - best effort
            pass


def worker_entry(fd: int) -> None:
    """Entry point of a worker process started by the local pool over a socket (POSIX)."""
    from multiprocessing.connection import Connection

    worker_loop(Connection(fd))


def worker_loop(conn: Any) -> None:
    """Serve pages until told to stop (``None``), the connection closes, or the parent dies."""
    import signal

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's business
    try:
        _, sys_path, parent_pid, out_dir, fmt, options, extract_spec, explain = conn.recv()
    except (EOFError, OSError):
        return
    sys.path[:] = sys_path  # the same imports as the main process (the test hook needs it)
    if os.getppid() != parent_pid:
        return
    extract_fn = resolve_extract(extract_spec)
    dirs = DirCache()
    tag = str(os.getpid())
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, job, rel, record, path, data, gz, url, out_rel, site, template, batch, charset = msg
        result = run_task(job, extract_fn, options, fmt, rel, record, url, path=path, data=data, gz=gz, site=site,
                          template=template, batch=batch, charset=charset, explain=explain)
        if os.getppid() != parent_pid:  # orphaned: write nothing more
            return
        outcome = deliverable(job, result, out_dir, out_rel, fmt, tag, dirs)
        try:
            conn.send(("done", seq, outcome))
        except (OSError, ValueError):
            return
