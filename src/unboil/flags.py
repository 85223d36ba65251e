"""The command line's extraction settings, mapped to :class:`~unboil.options.Options` in one table.

Both ``unboil extract`` and ``unboil clean`` take the same settings; each flag
is declared once here, beside the ``Options`` field it sets, so a new setting
is one line of :data:`FLAGS` and reaches every command.  A flag the user did
not give leaves its field at the ``Options`` default.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any, Callable

from .options import DEFAULT_OPTIONS, Favor, Options
from .pagetype.model import PAGE_TYPES

__all__ = ["Flag", "FLAGS", "add_option_flags", "options_from_args"]


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return value


def _no_limit_at_zero(seconds: float) -> float | None:
    return seconds or None


def _vocabulary(path: str) -> Any:
    from .vocabulary import Vocabulary

    try:
        return Vocabulary.load(path)
    except (OSError, ValueError) as exc:  # missing file, bad TOML, unknown keys or roles
        raise argparse.ArgumentTypeError(f"cannot load vocabulary {path!r}: {exc}") from None


def _types(text: str) -> frozenset[str]:
    names = frozenset(t.strip() for t in text.split(",") if t.strip())
    unknown = sorted(names - set(PAGE_TYPES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown page type {', '.join(unknown) or repr(text)}: choose from {', '.join(PAGE_TYPES)}")
    return names


@dataclass(frozen=True)
class Flag:
    """One command-line flag and the ``Options`` field it sets."""

    names: tuple[str, ...]
    field: str
    help: str
    value: Any = None
    """The field's value when a switch is given; None for a flag that takes an argument."""
    parse: Callable[[str], Any] | None = None
    choices: tuple[str, ...] | None = None
    metavar: str | None = None
    to_option: Callable[[Any], Any] | None = None
    """Turns the parsed argument into the field's value, where the two differ."""


FLAGS: tuple[Flag, ...] = (
    Flag(("--favor",), "favor", "precision drops doubtful blocks, recall keeps them (default: balanced)",
         parse=str, choices=Favor.__args__, metavar="{precision,balanced,recall}"),  # type: ignore[attr-defined]
    Flag(("--no-metadata",), "with_metadata", "body only: skip title, dates, authors and the other metadata (faster)", value=False),
    Flag(("--include-comments",), "include_comments", "keep the comments (and a shop's reviews)", value=True),
    Flag(("--include-images",), "include_images", "keep images and their captions", value=True),
    Flag(("--no-tables",), "include_tables", "leave tables out", value=False),
    Flag(("--no-readability",), "use_readability", "never ask readability-lxml for a second opinion", value=False),
    Flag(("--types",), "types", f"keep only pages of these comma-separated types ({','.join(PAGE_TYPES)}); the others are skipped",
         parse=_types, metavar="TYPE,..."),
    Flag(("--vocabulary",), "vocabulary", "a boilerplate vocabulary file (a copy of the default, edited) instead of the default",
         parse=_vocabulary, metavar="FILE"),
    Flag(("--time-budget",), "time_budget",
         f"CPU seconds one page may take (default: {DEFAULT_OPTIONS.time_budget}; 0: no limit)", parse=seconds, metavar="SECONDS",
         to_option=_no_limit_at_zero),
    Flag(("--max-bytes",), "max_bytes", f"larger pages are refused (default: {DEFAULT_OPTIONS.max_bytes})", parse=positive_int, metavar="N"),
    Flag(("--max-elements",), "max_elements", f"elements past this are cut (default: {DEFAULT_OPTIONS.max_elements})", parse=positive_int, metavar="N"),
    Flag(("--max-depth",), "max_depth", f"deeper subtrees are cut (default: {DEFAULT_OPTIONS.max_depth}, at most 400)", parse=positive_int, metavar="N"),
    Flag(("--max-attributes",), "max_attributes",
         f"attributes of one element past this are dropped (default: {DEFAULT_OPTIONS.max_attributes})", parse=positive_int, metavar="N"),
    Flag(("--max-tag-bytes",), "max_tag_bytes",
         f"a longer start tag keeps the attributes that fit (default: {DEFAULT_OPTIONS.max_tag_bytes})", parse=positive_int, metavar="N"),
    Flag(("--max-text-bytes",), "max_text_bytes",
         f"a longer text node is truncated (default: {DEFAULT_OPTIONS.max_text_bytes})", parse=positive_int, metavar="N"),
    Flag(("--max-open-elements",), "max_open_elements",
         f"elements nested deeper are not opened (default: {DEFAULT_OPTIONS.max_open_elements})", parse=positive_int, metavar="N"),
)
"""Every extraction setting of the command line, in the order ``--help`` lists them."""


def _dest(flag: Flag) -> str:
    return "opt_" + flag.field


def add_option_flags(parser: argparse.ArgumentParser) -> None:
    """Add the extraction settings of :data:`FLAGS` to ``parser``, as their own group in ``--help``."""
    group = parser.add_argument_group("extraction settings")
    for flag in FLAGS:
        if flag.value is not None:
            group.add_argument(*flag.names, dest=_dest(flag), action="store_const", const=flag.value, help=flag.help)
        else:
            parse: Any = flag.parse
            group.add_argument(*flag.names, dest=_dest(flag), type=parse, choices=flag.choices, metavar=flag.metavar, help=flag.help)


def options_from_args(args: argparse.Namespace) -> Options:
    """The ``Options`` the given flags ask for; flags not given keep the defaults."""
    changes = {}
    for flag in FLAGS:
        value = getattr(args, _dest(flag), None)
        if value is not None:
            changes[flag.field] = flag.to_option(value) if flag.to_option else value
    return DEFAULT_OPTIONS.but(**changes) if changes else DEFAULT_OPTIONS
