"""The ``unboil`` command: ``unboil extract`` for one page, ``unboil clean`` for a folder.

Exit codes: 0 every page handled (ok, empty or skipped), 1 some page failed or
timed out (``extract``: the page could not be extracted), 2 usage error (bad
arguments, missing input, another run writing to the same output folder),
130 interrupted (``clean`` resumes where it stopped when run again).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from .options import Options
from .render import TEXT_FORMATS, as_text
from .flags import positive_int, seconds, add_option_flags, options_from_args

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_EXIT_CODES = """\
exit codes:
  0    every page handled (ok, empty, or skipped as not a page)
  1    some pages failed or timed out (see report.jsonl)
  2    usage error (bad arguments, missing folder, output folder in use)
  130  interrupted (run the same command again to resume)
"""

_FORMAT_HELP = (
    "output format (default: json): json, txt, md (CommonMark with tables, links, images), "
    "html (inert), xml (unboil's schema, see the README) or tei (TEI P5)"
)

_CLEAN_EPILOG = """\
examples:
  unboil clean saved_pages/ -o clean/
  unboil clean mirror/ -o out/ --format jsonl --workers 8 --exclude tags --exclude '*.amp.html'
  unboil clean crawl/ -o out/ --engine dask --scheduler tcp://10.0.0.5:8786

inputs: .html .htm .xhtml .shtml files, gzipped or not (page.html.gz), and
WARC files (.warc, .warc.gz: each HTML response record is a page, its
WARC-Target-URI its url), found recursively.  --include replaces these
defaults; files matched that are not pages (images, PDFs...) are reported
as skipped.  Globs match the file name, or the path under IN_DIR when they
contain a '/', case-insensitively; --exclude also prunes directories.

outputs: OUT_DIR mirrors IN_DIR (a/b/page.html -> a/b/page.json); WARC
records go to a/b/crawl/r<position>-<digest>.json; --format jsonl writes
OUT_DIR/articles.jsonl instead.  OUT_DIR/report.jsonl gets one line per page:
{"path", "record", "status": ok|empty|skipped|failed|timeout, "error",
"output", "ms", "truncated", "site", "template", "page_type", "explain"}
("truncated": what a limit cut, or null; "site": the site the page was grouped
in; "template": a digest of the site template it was extracted with, or null;
"page_type": the page's type, and with --types a page of another type is
skipped and written nowhere; "explain": its report with --explain, or null).  Every
file is written atomically.

site templates: by default a first pass reads each page's site (a WARC
record's host, else the host a mirror's first folder level under IN_DIR is
named after, else the page's canonical or og:url host, else the first
folder level) and lines into OUT_DIR/.unboil-lines.jsonl, learns what
each site's pages repeat (its menus, banners, "About" and newsletter boxes)
into OUT_DIR/templates/<site>.json, and extracts every page with its site's
template.  A site needs 3 distinct pages.  The templates are JSON a person
can edit (add "lines" or "selectors", "not" to drop a learned line); a later
run uses them as they are unless the folder's pages changed, and --templates
DIR reuses them elsewhere.  --no-templates: each page alone, one pass.

resume: by default a page is not done again when the previous report lists
it ok or empty, with the same site template, and its output is at least as
new as the page (with --explain: and its report is there); after an interruption (even kill -9, in either pass) run
the same command again.  --force redoes all.

""" + _EXIT_CODES

_EXTRACT_EPILOG = """\
examples:
  unboil extract saved/story.html --format md
  curl -s https://example.com/story | unboil extract - --url https://example.com/story

exit codes:
  0    extracted (an empty article is still a success: see empty_reason)
  1    the page could not be extracted (not HTML, too large, parser failure)
  2    usage error (bad arguments, no such file)
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog="unboil",
        description="Turn saved web pages into clean, structured articles.",
        epilog=_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"unboil {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    ex = sub.add_parser(
        "extract",
        help="extract the article from one page to stdout",
        description="Extract the article from one saved page and print it to stdout.",
        epilog=_EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("page", metavar="PAGE",
                    help="a saved page (.html, .html.gz...), - to read stdin, or a WARC file (one JSON line per record)")
    ex.add_argument("--url", help="the page's address (default: its canonical or og:url link)")
    ex.add_argument("--format", choices=("json", *TEXT_FORMATS), default="json", help=_FORMAT_HELP)
    add_option_flags(ex)

    xp = sub.add_parser(
        "explain",
        help="show on the page itself why each block was kept or dropped",
        description="Write a static, inert HTML report of one page: every block outlined green (kept), "
                    "red (dropped), grey (removed before scoring) or purple (a site template), with the rule "
                    "that decided it on hover, and the extracted Article beside it.",
        epilog="examples:\n  unboil explain saved/story.html -o report.html\n"
               "  unboil explain saved/story.html --favor precision -o report.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    xp.add_argument("page", metavar="PAGE", help="a saved page (.html, .html.gz...), or - to read stdin")
    xp.add_argument("-o", "--output", metavar="REPORT", help="the report file (default: stdout)")
    xp.add_argument("--url", help="the page's address (default: its canonical or og:url link)")
    add_option_flags(xp)

    cl = sub.add_parser(
        "clean",
        help="extract every page of a folder (and WARC files) into another folder",
        description="Extract every page under IN_DIR into OUT_DIR, with one report line per page.",
        epilog=_CLEAN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cl.add_argument("in_dir", metavar="IN_DIR", help="folder of saved pages, searched recursively (or one page or WARC file)")
    cl.add_argument("-o", "--output", dest="out_dir", metavar="OUT_DIR", required=True, help="folder for the outputs and report.jsonl")
    cl.add_argument("--format", choices=("json", "jsonl", *TEXT_FORMATS), default="json",
                    help=_FORMAT_HELP + "; jsonl: one articles.jsonl")
    cl.add_argument("--workers", type=positive_int, metavar="N", help=f"worker processes (default: CPU count, here {os.cpu_count()})")
    cl.add_argument("--include", action="append", metavar="GLOB", help="only these files (repeatable; replaces the default page and WARC globs)")
    cl.add_argument("--exclude", action="append", metavar="GLOB", default=[], help="leave out these files and directories (repeatable)")
    cl.add_argument("--timeout", type=seconds, default=30.0, metavar="SECONDS", help="give up on a page after this long, killing its worker (default: 30; 0: no limit)")
    mode = cl.add_mutually_exclusive_group()
    mode.add_argument("--resume", dest="resume", action="store_true", default=True, help="skip pages already done by a previous run (default)")
    mode.add_argument("--force", dest="resume", action="store_false", help="do every page again")
    cl.add_argument("--engine", choices=("local", "dask"), default=None, help="local worker processes (default) or a Dask cluster")
    cl.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (implies --engine dask; default: a local cluster)")
    tpl = cl.add_mutually_exclusive_group()
    tpl.add_argument("--templates", metavar="DIR", help="use the site templates in DIR as they are (a previous run's "
                     "OUT_DIR/templates, edited or not) instead of learning them")
    tpl.add_argument("--no-templates", dest="no_templates", action="store_true",
                     help="do not learn site templates: every page alone, in one pass")
    cl.add_argument("--explain", action="store_true",
                    help="also write each page's explain report beside its output (<output>.explain.html; not with jsonl)")
    cl.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary on stderr")
    add_option_flags(cl)
    return parser


def _extract_warc(args: argparse.Namespace, options: Options) -> int:
    """A WARC holds many pages: one JSON line per document record, in file order, like ``clean --format jsonl``."""
    from .article import Article
    from .batch import extract_one
    from .warc import iter_warc

    if args.format != "json":
        print(f"unboil extract: error: {args.page} is a WARC file of many pages: use --format json "
              f"(one JSON line per record) or unboil clean", file=sys.stderr)
        return EXIT_USAGE
    failed = False
    try:
        for rec in iter_warc(args.page, options.max_bytes):
            row: dict[str, object] = {"record": rec.record_id}
            if rec.data is None:  # the same keys as a page's line, so the lines load as one table
                row.update(Article(url=rec.uri).to_dict(), status="skipped" if rec.skip_reason else "failed",
                           error=rec.skip_reason or rec.error)
            else:
                row.update(extract_one(rec.data, rec.uri, options=options, encoding=rec.charset))
            failed = failed or row.get("status") in ("failed", "timeout")
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    except ImportError:
        print("unboil extract: error: reading WARC files needs warcio: pip install warcio", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the file stops being a readable WARC part-way: the records before it are out
        print(f"unboil extract: {args.page}: cannot read WARC file: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    sys.stdout.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _extract(args: argparse.Namespace, options: Options) -> int:
    from .errors import UnboilError
    from .extract import extract, extract_file

    if args.page != "-" and args.page.lower().endswith((".warc", ".warc.gz")) and os.path.isfile(args.page):
        return _extract_warc(args, options)
    try:
        if args.page == "-":
            article = extract(sys.stdin.buffer.read(), args.url, options=options)
        else:
            if not os.path.isfile(args.page):
                print(f"unboil extract: error: no such file: {args.page}", file=sys.stderr)
                return EXIT_USAGE
            article = extract_file(args.page, args.url, options=options)
    except UnboilError as exc:
        print(f"unboil extract: {args.page}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    text = article.to_json(indent=2) + "\n" if args.format == "json" else as_text(article, args.format)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    if article.is_empty and args.format != "json":
        print(f"unboil extract: empty article: {article.empty_reason}", file=sys.stderr)
    return EXIT_OK


def _explain(args: argparse.Namespace, options: Options) -> int:
    from .errors import UnboilError
    from .explain import explain
    from .files import read_page

    try:
        if args.page == "-":
            page = sys.stdin.buffer.read()
        elif not os.path.isfile(args.page):
            print(f"unboil explain: error: no such file: {args.page}", file=sys.stderr)
            return EXIT_USAGE
        else:
            page = read_page(args.page, options, name_in_errors=True)
        report = explain(page, args.url, options=options)
    except UnboilError as exc:
        print(f"unboil explain: {args.page}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.output:
        sys.stdout.write(report)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(report)
    except OSError as exc:
        print(f"unboil explain: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _clean(args: argparse.Namespace, options: Options, parser: argparse.ArgumentParser) -> int:
    from .batch import clean_folder
    from .errors import InputError

    engine = args.engine
    if args.scheduler and engine == "local":
        parser.error("--scheduler needs --engine dask")
    if engine is None:
        engine = "dask" if args.scheduler else "local"
    try:
        report = clean_folder(
            args.in_dir,
            args.out_dir,
            format=args.format,
            workers=args.workers,
            include=args.include,
            exclude=args.exclude,
            timeout=args.timeout or None,
            resume=args.resume,
            engine=engine,
            scheduler=args.scheduler,
            progress=False if args.quiet else "auto",
            options=options,
            templates=False if args.no_templates else args.templates or True,
            explain=args.explain,
            # Test hook only: replaces unboil.extract in the workers (see unboil.batch).
            _extract=os.environ.get("UNBOIL_TEST_EXTRACT") or None,
        )
    except InputError as exc:
        print(f"unboil clean: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("unboil clean: interrupted; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        print(f"unboil clean: {report.summary()}", file=sys.stderr)
    return report.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        options = options_from_args(args)
    except ValueError as exc:  # a setting out of range (--max-depth 500)
        parser.error(str(exc))
    if args.command == "extract":
        return _extract(args, options)
    if args.command == "explain":
        return _explain(args, options)
    return _clean(args, options, parser)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
