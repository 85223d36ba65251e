"""The command line's extraction settings (one table in ``unboil.flags``) and text-only extraction."""

from __future__ import annotations

import argparse
import importlib
import json
from dataclasses import fields
from pathlib import Path

import pytest

import unboil
from unboil.cli import main
from unboil.flags import FLAGS, add_option_flags, options_from_args
from unboil.options import DEFAULT_OPTIONS, Options

from batch_support import page

COMMENTS_PAGE = b"""<html><head><title>A walk by the river - The Gazette</title>
<meta property="og:site_name" content="The Gazette"></head><body>
<article><h1>A walk by the river</h1>
<p>The river was high after a week of rain, and the path along it was closed in two places near the old mill.</p>
<p>Walkers took the upper road instead, which gave them a view of the whole valley and of the flooded meadows below.</p>
<p>The council says the path will open again next week, once the water has gone down and the banks have been checked.</p>
<h2>3 Comments</h2>
<div class="comments"><p>I walked there on Sunday and the upper road was lovely, though muddy in places after the rain.</p></div>
</article></body></html>"""


def parse(*argv: str) -> Options:
    parser = argparse.ArgumentParser()
    add_option_flags(parser)
    return options_from_args(parser.parse_args(list(argv)))


def test_every_flag_sets_a_real_options_field() -> None:
    known = {f.name for f in fields(Options)}
    assert {flag.field for flag in FLAGS} <= known


def test_no_flag_given_means_the_default_options() -> None:
    assert parse() is DEFAULT_OPTIONS


@pytest.mark.parametrize(
    "argv, field, value",
    [
        (["--favor", "precision"], "favor", "precision"),
        (["--no-metadata"], "with_metadata", False),
        (["--include-comments"], "include_comments", True),
        (["--include-images"], "include_images", True),
        (["--no-tables"], "include_tables", False),
        (["--no-readability"], "use_readability", False),
        (["--time-budget", "3"], "time_budget", 3.0),
        (["--time-budget", "0"], "time_budget", None),
        (["--max-bytes", "1000"], "max_bytes", 1000),
        (["--max-elements", "50"], "max_elements", 50),
        (["--max-depth", "30"], "max_depth", 30),
        (["--max-attributes", "40"], "max_attributes", 40),
        (["--max-tag-bytes", "5000"], "max_tag_bytes", 5000),
        (["--max-text-bytes", "6000"], "max_text_bytes", 6000),
        (["--max-open-elements", "300"], "max_open_elements", 300),
        (["--types", "article, forum"], "types", frozenset({"article", "forum"})),
    ],
)
def test_each_flag_changes_its_field_only(argv: list[str], field: str, value: object) -> None:
    options = parse(*argv)
    assert getattr(options, field) == value
    assert options.but(**{field: getattr(DEFAULT_OPTIONS, field)}) == DEFAULT_OPTIONS


def test_every_flag_is_covered_by_a_test() -> None:
    tested = {"favor", "with_metadata", "include_comments", "include_images", "include_tables", "use_readability",
              "time_budget", "max_bytes", "max_elements", "max_depth", "vocabulary",
              "max_attributes", "max_tag_bytes", "max_text_bytes", "max_open_elements",
              "types"}  # --types: tests/test_pagetype.py, through the console script
    assert {flag.field for flag in FLAGS} == tested


def test_bad_settings_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page(1))
    for argv in (["--favor", "speed"], ["--max-depth", "500"], ["--max-elements", "0"], ["--time-budget", "soon"]):
        with pytest.raises(SystemExit) as info:
            main(["extract", str(tmp_path / "p.html"), *argv])
        assert info.value.code == 2, argv


def test_extract_flags_reach_the_extractor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.html").write_bytes(COMMENTS_PAGE)
    assert main(["extract", str(tmp_path / "p.html")]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["extract", str(tmp_path / "p.html"), "--include-comments", "--no-metadata"]) == 0
    asked = json.loads(capsys.readouterr().out)
    assert plain["title"] == "A walk by the river" and asked["title"] is None
    text = lambda doc: " ".join(b["text"] for b in doc["blocks"])  # noqa: E731
    assert "upper road was lovely" not in text(plain) and "upper road was lovely" in text(asked)


def test_clean_flags_reach_the_workers(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(COMMENTS_PAGE)
    code = main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "1", "-q", "--include-comments"])
    assert code == 0
    doc = json.loads((tmp_path / "out" / "p.json").read_text())
    assert any("upper road was lovely" in b["text"] for b in doc["blocks"])


def test_text_only_skips_the_metadata_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the metadata stage ran")

    full = unboil.extract(COMMENTS_PAGE)
    monkeypatch.setattr(importlib.import_module("unboil.extract"), "extract_metadata", refuse)
    bare = unboil.extract(COMMENTS_PAGE, "https://example.com/x", options=Options(with_metadata=False))
    assert (bare.title, bare.date, bare.authors, bare.site_name) == (None, None, (), None)
    assert bare.url == "https://example.com/x"
    assert bare.text == full.text  # the headline repeat goes without the metadata stage too
    assert not bare.text.startswith("A walk by the river")


def test_a_vocabulary_file_replaces_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from unboil.vocabulary import DEFAULT_FILE

    (tmp_path / "p.html").write_bytes(COMMENTS_PAGE)
    edited = DEFAULT_FILE.read_text(encoding="utf-8") + """
[[concept]]
name = "river_notice"
roles = ["label"]
lines = ['the council says the path will open again .*']
"""
    (tmp_path / "vocab.toml").write_text(edited, encoding="utf-8")
    assert parse("--vocabulary", str(tmp_path / "vocab.toml")).vocabulary.names[-1] == "river_notice"
    assert main(["extract", str(tmp_path / "p.html"), "--format", "txt", "--vocabulary", str(tmp_path / "vocab.toml")]) == 0
    text = capsys.readouterr().out
    assert "upper road instead" in text and "The council says" not in text
    (tmp_path / "bad.toml").write_text("[[concept]]\nname = 'x'\nroles = ['no-such-role']\n", encoding="utf-8")
    for bad in ("bad.toml", "missing.toml"):
        with pytest.raises(SystemExit) as info:
            main(["extract", str(tmp_path / "p.html"), "--vocabulary", str(tmp_path / bad)])
        assert info.value.code == 2
        assert "cannot load vocabulary" in capsys.readouterr().err
