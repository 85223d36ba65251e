"""``clean_folder``: the run loop that ties the walk, the journal, the window and an engine together."""

from __future__ import annotations

import functools
import os
import time
from typing import Any, Callable, Sequence

from ..errors import InputError
from ..options import DEFAULT_OPTIONS, Options
from .drive import Relay, drive
from .engines import ENGINES, MAX_TASKS_PER_WORKER, Deliver, EngineSettings, Pool, open_pool
from .gather import TemplateSettings, first_pass
from .items import plan
from .journal import Journal, Lock, Resume
from .names import TEMPLATES_DIR, extension
from .page import FORMATS
from .progress import LINE_INTERVAL, Progress
from .report import Report
from .walk import DEFAULT_INCLUDE, Walk, compile_globs, inside
from .window import MIN_WINDOW, WINDOW_PER_WORKER, Window

__all__ = ["DEFAULT_TIMEOUT", "clean_folder"]

DEFAULT_TIMEOUT = 30.0
"""Seconds a page may take before its worker is killed: far past any sane page (the soft budget is 1.5 s of CPU)."""


def _checked_dirs(
    in_dir: "os.PathLike[str] | str", out_dir: "os.PathLike[str] | str", fmt: str, engine: str
) -> tuple[str, str, str | None]:
    """Absolute IN_DIR and OUT_DIR, and the file's name when the input is one file (a page or a
    WARC: its folder is walked for it alone), or :class:`InputError` before anything is written."""
    in_abs = os.path.abspath(os.fspath(in_dir))
    out_abs = os.path.abspath(os.fspath(out_dir))
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: choose local or dask")
    if os.path.isfile(in_abs):
        if os.path.exists(out_abs) and not os.path.isdir(out_abs):
            raise InputError(f"the output is not a directory: {out_abs}")
        return os.path.dirname(in_abs), out_abs, os.path.basename(in_abs)
    if not os.path.isdir(in_abs):
        raise InputError(f"no such file or directory: {in_abs}")
    try:
        with os.scandir(in_abs):
            pass
    except OSError as exc:
        raise InputError(f"cannot list {in_abs}: {exc.strerror or exc}") from exc
    if in_abs == out_abs:
        raise InputError("the output directory must differ from the input directory")
    if os.path.exists(out_abs) and not os.path.isdir(out_abs):
        raise InputError(f"the output is not a directory: {out_abs}")
    return in_abs, out_abs, None


def _template_settings(templates: "bool | str | os.PathLike[str]", in_abs: str, out_abs: str) -> TemplateSettings | None:
    """Where the run's templates come from: learned into OUT_DIR/templates, a folder given, or none.

    An input folder with a ``templates`` folder at its top has its pages' outputs there: the
    learned templates then go to ``templates.unboil``, so no output ever lands on a template.
    """
    if templates is False or templates is None:
        return None
    if templates is True:
        name = TEMPLATES_DIR + ".unboil" if os.path.isdir(os.path.join(in_abs, TEMPLATES_DIR)) else TEMPLATES_DIR
        return TemplateSettings(os.path.join(out_abs, name), learn=True)
    folder = os.path.abspath(os.fspath(templates))
    if not os.path.isdir(folder):
        raise InputError(f"no such templates folder: {folder}")
    return TemplateSettings(folder, learn=False)


def _locked_out_dir(out_abs: str) -> Lock:
    """OUT_DIR created and locked, or :class:`InputError` (it cannot be created or written, another run holds it)."""
    try:
        os.makedirs(out_abs, exist_ok=True)
        return Lock(out_abs)
    except OSError as exc:
        raise InputError(f"cannot write to the output directory {out_abs}: {exc.strerror or exc}") from exc


def clean_folder(
    in_dir: "os.PathLike[str] | str",
    out_dir: "os.PathLike[str] | str",
    *,
    format: str = "json",
    workers: int | None = None,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    timeout: float | None = DEFAULT_TIMEOUT,
    resume: bool = True,
    engine: str = "local",
    scheduler: Any = None,
    progress: Any = False,
    options: Options | None = None,
    templates: "bool | str | os.PathLike[str]" = True,
    explain: bool = False,
    _extract: str | None = None,
    _max_tasks_per_worker: int = MAX_TASKS_PER_WORKER,
    _window: int | None = None,
    _progress_interval: float = LINE_INTERVAL,
) -> Report:
    """Extract every page under ``in_dir`` into ``out_dir``; see :mod:`unboil.batch`.

    ``in_dir`` may also be one file, a page or a WARC: the run is then that file alone.

    ``format``: ``json`` (default), ``jsonl``, ``txt``, ``md``, ``html``, ``xml``
    or ``tei`` (:mod:`unboil.render`).  ``workers``:
    processes (local engine) or Dask workers of a local cluster; default
    ``os.cpu_count()``.  ``include``/``exclude``: shell globs matched,
    case-insensitively, against the file name (or the path relative to
    ``in_dir`` when the glob holds a ``/``); ``include`` replaces
    :data:`DEFAULT_INCLUDE`, ``exclude`` also prunes directories.
    ``timeout``: seconds per page (None: no limit).  ``resume``: carry forward
    the pages a previous run finished.  ``engine``: ``local`` or ``dask``;
    ``scheduler``: a Dask scheduler address or a ``distributed.Client``
    (None: a ``LocalCluster`` of ``workers`` processes).  ``progress``:
    False, True/"auto" (a bar on a terminal, plain lines otherwise), "bar" or
    "lines".  ``templates``: True learns each site's template from the
    folder itself into ``OUT_DIR/templates`` and extracts every page with
    its site's (:mod:`unboil.templates`; a first pass reads every page's
    site and lines into ``OUT_DIR/.unboil-lines.jsonl``); a folder uses the templates
    in it as they are, learning none; False uses none.  ``explain``: write each
    page's explain report (:func:`unboil.explain`) beside its output, as
    ``<output>.explain.html`` (not with ``jsonl``).

    Page failures never raise: they are report lines.  Raises
    :class:`~unboil.errors.InputError` when the run cannot start (missing
    ``in_dir``, ``out_dir`` inside-out, another run on ``out_dir``, unknown
    format or engine, Dask missing).
    """
    in_abs, out_abs, only = _checked_dirs(in_dir, out_dir, format, engine)
    if explain and format == "jsonl":
        raise InputError("explain reports go beside each page's output: choose a format other than jsonl")
    if timeout is not None and timeout <= 0:
        timeout = None
    workers = max(1, workers or os.cpu_count() or 1)
    base = options or DEFAULT_OPTIONS
    if timeout:
        base = base.but(time_budget=timeout)
    settings = EngineSettings(out_abs, format, base, timeout, _extract, explain)
    skip = frozenset({out_abs}) if inside(out_abs, in_abs) else frozenset()
    ext = extension(format)
    walk = Walk(in_abs, compile_globs(include or DEFAULT_INCLUDE), compile_globs(exclude), skip, ext, only)
    template_settings = _template_settings(templates, in_abs, out_abs)
    lock = _locked_out_dir(out_abs)
    start = time.monotonic()
    try:
        window = _run(
            walk, settings, resume, _window or max(MIN_WINDOW, WINDOW_PER_WORKER * workers),
            (progress, _progress_interval), template_settings,
            functools.partial(
                open_pool, engine, settings, workers=workers, scheduler=scheduler, custom_options=options,
                max_tasks=_max_tasks_per_worker,
            ),
        )
    finally:
        lock.release()
    return _report(window, time.monotonic() - start, out_abs)


def _report(window: Window, elapsed: float, out_abs: str) -> Report:
    return Report(
        pages=window.next_write,
        ok=window.counts["ok"],
        empty=window.counts["empty"],
        skipped=window.counts["skipped"],
        failed=window.counts["failed"],
        timeouts=window.counts["timeout"],
        resumed=window.resumed,
        elapsed=round(elapsed, 3),
        pages_per_second=round(window.fresh / elapsed, 2) if elapsed > 0 else 0.0,
        out_dir=out_abs,
        failures=tuple(window.failures),
    )


def _run(
    walk: Walk,
    settings: EngineSettings,
    resume: bool,
    window_size: int,
    progress: tuple[Any, float],
    templates: TemplateSettings | None,
    start_pool: Callable[[Deliver], Pool],
) -> Window:
    """One run inside the lock: the journal is published only when every page got its line.

    ``progress`` is ``(mode, interval)``; the progress display starts only
    once the journal is open, so a run that cannot start prints nothing.
    With ``templates``, a first pass gathers every page's site and lines and
    learns the sites' templates before the pages are extracted; both passes
    share one pool.
    """
    journal = Journal(settings.out_dir, settings.fmt)
    resumer = Resume(settings.out_dir, settings.fmt, resume, settings.explain)
    window = Window(journal, window_size)
    relay = Relay()
    pool: Pool | None = None
    finished = False
    try:
        journal.open(resumer)
        mode, interval = progress
        pool = start_pool(relay)
        sites = None
        if templates is not None:
            sites = first_pass(walk, settings, resume, window_size, progress, pool, relay, templates)
        window.progress = Progress(mode, interval, walk.count if mode else None)
        relay.target = window.deliver
        drive(plan(walk, resumer, settings.fmt, settings.options, sites), window, pool)
        pool.close()
        pool = None
        journal.finish()
        finished = True
    finally:
        if pool is not None:
            pool.close(kill=True)
        if not finished:
            journal.abandon()
        if window.progress is not None:
            window.progress.close()
    return window
