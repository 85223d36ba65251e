"""Clean a whole folder of saved pages, locally or on a Dask cluster, losing nothing.

    >>> report = unboil.clean_folder("mirror/", "clean/", workers=4)
    >>> report.ok, report.failed, report.pages_per_second

This is what ``unboil clean`` runs.  The design in a few lines:

**Inputs.**  The folder is walked recursively in a fixed order (at each level,
entries sorted by name; symbolic links to directories are not followed).
``.html .htm .xhtml .shtml`` files, gzipped or not, are pages; every HTML
``response``/``resource`` record of a ``.warc``/``.warc.gz`` file is a page
whose url is its ``WARC-Target-URI``.  Any other file that the include globs
match (an image, a PDF...) gets a ``skipped`` report line and is not parsed.

**Outputs.**  ``a/b/page.html`` gives ``OUT_DIR/a/b/page.json`` (``.txt``,
``.md``); pages of one directory whose names would give the same output name
(``page.html`` and ``page.htm``) keep their full name (``page.html.json``).
A WARC record ``a/crawl.warc.gz`` #17 gives
``OUT_DIR/a/crawl/r000017-<digest>.json``: the digest is a SHA-256 of the
record id and target URI, so no URI text ever reaches a file name.  With
``format="jsonl"`` every article is one line of ``OUT_DIR/articles.jsonl``,
in walk order.  JSON outputs are ``{"path", "record", **Article.to_dict()}``.
Every output is written to a temporary file in the same directory and renamed
into place, and outputs hold no timestamps: a page always gives the same bytes.

**Report.**  ``OUT_DIR/report.jsonl`` has exactly one line per input page, in
walk order: ``path`` (relative to IN_DIR), ``record`` (WARC record id or
null), ``status`` (``ok``, ``empty``, ``skipped``, ``failed``, ``timeout``),
``error`` (the failure message, the skip reason or the empty reason, else
null), ``output`` (relative to OUT_DIR, or null), ``ms``, ``truncated``
(what a limit cut from the page, ``Article.truncated``, else null), ``site``
and ``template`` (see below), ``page_type`` (``Article.page_type``; with
``Options.types``, a page of another type is ``skipped`` and written nowhere),
``explain`` (the page's explain report with ``explain=True``,
``<output>.explain.html`` beside its output, else null).  During a run the
lines go to ``report.jsonl.part`` (and articles to ``articles.jsonl.part``);
the finished files replace the old ones at the end of the run.

**Resume.**  With ``resume=True`` (the default) a page is *carried forward*,
its previous report line copied unchanged and the page not extracted again,
when the previous report says ``ok`` or ``empty`` with the same output, and
that output is at least as new as the input (for ``jsonl``: its line is in the
previous ``articles.jsonl``, which is at least as new as the input).  Every
other page (failed, timed out, skipped, new, changed, or without a report
line) is done again.  A run killed in the middle leaves ``*.part`` files
holding a prefix of the walk; the next run first merges them with the
previous complete files, so no finished page is lost, then carries forward
and finishes the rest.  Because both the walk and the report are in the same
order, the merge is a streaming join: memory does not grow with the folder.
``resume=False`` does every page again.

**Site templates.**  With ``templates=True`` (the default) a run has two
passes.  The first reads each page's site and line keys into
``.unboil-lines.jsonl`` (walk order, through the same window, resumable like
the report); :mod:`.learning` then splits it by site into temporary bucket
files and learns each site's :class:`~unboil.templates.SiteTemplate` into
``OUT_DIR/templates/<site>.json``, one bucket in memory at a time, unless the
templates were already learned from the same lines (``templates/.learned``).
The second pass joins the walk with ``.unboil-lines.jsonl`` to give each page
its site and template; the report line says both (``site``, ``template``: a
digest), and resume carries a page forward only with the same template.
Both passes share one pool.  ``templates=DIR`` uses a folder's templates
as they are; ``templates=False`` is the one-pass run.

**Workers.**  The local engine runs its own pool of worker processes, one
page in flight per worker: a page that runs past ``timeout`` seconds gets a
``timeout`` line and its worker is killed and replaced; a worker that dies
(a crash in a C library, the OOM killer) gets its page a ``failed`` line and
is replaced.  Results are written to the report in walk order through a
bounded reordering window, so at most a few thousand small results are ever
held in memory.  The Dask engine (``engine="dask"``) ships each page's bytes
to the cluster and writes the rendered result itself, so the cluster needs no
access to IN_DIR or OUT_DIR; the outputs and report are identical.

**Layout.**  One module per step of the pipeline: :mod:`.walk` (which
files, in which order) and :mod:`.names` (what each output is called);
:mod:`.items` (a work item per report line, deciding skips and resumed pages
at once) with :mod:`.journal` (the report files, the lock, resume);
:mod:`.page` (one page: read, extract, render) and :mod:`.outputs` (atomic
writes); :mod:`.engines` (the :class:`~.engines.Pool` protocol, the local
and Dask pools) and :mod:`.tasks` (what a worker does with a page in either
pass); :mod:`.window` (results back into walk order), :mod:`.drive` (feeding
a pool within the window) and :mod:`.progress`; :mod:`.gather` (the first
pass) and :mod:`.learning` (templates from its lines); :mod:`.run`
(``clean_folder``) and :mod:`.bag` (pages one at a time, Dask bags).  Saved pages are read by
:func:`unboil.files.read_page`, as :func:`unboil.extract_file` reads them.

**Test hook.**  ``clean_folder(..., _extract="module:function")`` (and the
CLI's ``UNBOIL_TEST_EXTRACT`` environment variable) replaces
:func:`unboil.extract` in the workers; it exists only so tests can make pages
raise, hang or crash a worker.
"""


from __future__ import annotations

from .bag import extract_bag, extract_one
from .journal import Lock as _Lock
from .names import output_names as _output_names
from .names import record_output_name
from .page import FORMATS
from .report import STATUSES, Report
from .run import DEFAULT_TIMEOUT, clean_folder
from .walk import DEFAULT_INCLUDE

__all__ = [
    "Report",
    "clean_folder",
    "extract_bag",
    "extract_one",
    "DEFAULT_INCLUDE",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "STATUSES",
    "record_output_name",
]
