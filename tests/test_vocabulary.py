"""The vocabulary's batch matching must decide exactly as one pattern call per block would,
and the needs its patterns declare must be ones they really have."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st
from sre_needs import declared_needs_hold, required_literals as _required_literals

from unboil.matching import holding as _holding
from unboil.vocabulary import DEFAULT_VOCABULARY, Vocabulary


def _one_by_one(vocabulary: Vocabulary, text: str) -> str | None:
    """The definition: first concept whose line matches the whole text or whose phrase is found."""
    if len(text) > vocabulary.phrase_limit:
        return None
    for concept in vocabulary.concepts:
        if len(text) <= vocabulary.line_limit and concept.line_re is not None and concept.line_re.match(text):
            return concept.name
        if concept.phrase_re is not None and concept.phrase_re.search(text.lower()):
            return concept.name
    return None


_PIECES = [
    "Support SouthFront", "2,500 $", "Do you like this content? Consider helping us!", "14 DAYS LEFT UNTIL THE END",
    "Share", "Tweet", "Related articles", "Read more: the story", "Accept all cookies", "Leave a reply",
    "Home » News", "Tags: one, two", "Subscribe to our newsletter", "x", "|", "12", "Zobacz także", "\n",
    "The committee met on Tuesday", " and ", "support", "our work", "read more", "se", "e also:", "ONE TIME SUPPORT 20 USD",
]
_TEXTS = st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map(" ".join), min_size=1, max_size=30)
_CALLER = DEFAULT_VOCABULARY.extend(
    "house", lines=[r"^ends here$", r"only\s+this"], phrases=[r"^starts here", r"end of it$", r"(?:foo|bar)?baz"]
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_batch_matching_equals_one_call_per_block(texts: list[str]) -> None:
    assert DEFAULT_VOCABULARY.text_concepts(texts) == [_one_by_one(DEFAULT_VOCABULARY, t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["starts here", "ends here", "the end of it", "only  this", "baz", "foobaz"]).map(str), min_size=1, max_size=30))
def test_batch_matching_equals_one_call_per_block_for_a_caller_vocabulary(texts: list[str]) -> None:
    assert _CALLER.text_concepts(texts) == [_one_by_one(_CALLER, t) for t in texts]


def test_a_lookahead_does_not_read_into_the_next_block() -> None:
    # "(?![\d\s|]*\d...$)" once saw the "12" of the next block through the newline that joins them.
    texts = ["|", "12"]
    assert DEFAULT_VOCABULARY.text_concepts(texts) == [_one_by_one(DEFAULT_VOCABULARY, t) for t in texts]


def test_the_test_only_reader_of_required_literals_reads_the_pattern() -> None:
    # The reference that the declared needs are checked against (tests/sre_needs.py).
    consider = _required_literals(re.compile(r"consider (?:helping|supporting)"))
    assert consider == ((frozenset({"consider "}), frozenset({"helping", "supporting"})),)
    assert _required_literals(re.compile(r"(?:donate|give) now")) == ((frozenset({" now"}), frozenset({"donate", "give"})),)
    # Each top-level branch has its own requirements.
    assert _required_literals(re.compile(r"Patreon|ko-fi")) == ((frozenset({"patreon"}),), (frozenset({"ko-fi"}),))
    # An optional part or a bare class requires nothing.
    assert _required_literals(re.compile(r"(?:abc)?\d+")) is None
    assert _required_literals(re.compile(r"abc|\d+")) is None


def test_a_common_word_a_pattern_needs_does_not_pick_every_block() -> None:
    # "on " alone would pick nearly every block; with "rely" required beside it, few are.
    hints = _required_literals(re.compile(r"we rely on (?:you|readers)"))
    assert hints == ((frozenset({"we rely on "}), frozenset({"you", "readers"})),)
    lows = ["we rely on you", "based on a story", "we rely on the weather"]
    located = {"we rely on ": {0, 2}}
    assert _holding(hints, located, lows) == [0]


_PATTERNS = [
    (concept.name, matcher)
    for concept in DEFAULT_VOCABULARY.concepts
    for matcher in concept.matchers
    if matcher.hints is not None
]


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_every_text_a_pattern_matches_is_picked_by_its_hints(data: st.DataObject) -> None:
    """Texts generated *from* each pattern: the hints must never rule out a real match."""
    _, matcher = data.draw(st.sampled_from(_PATTERNS))
    pattern = matcher.single
    # Line patterns judge lines, texts up to line_limit (see _one_by_one); phrases, texts up to phrase_limit.
    limit = DEFAULT_VOCABULARY.line_limit if matcher.whole else DEFAULT_VOCABULARY.phrase_limit
    text = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda t: "\n" not in t and len(t) <= limit))
    other = data.draw(st.sampled_from(_PIECES))
    texts = [other, text]
    if pattern.match(text) if matcher.whole else pattern.search(text.lower()):
        assert DEFAULT_VOCABULARY.text_concepts(texts)[1] is not None
        lows = [t.lower() for t in texts]
        located = {h: {k for k, low in enumerate(lows) if h in low} for branch in matcher.hints for h in branch[0]}
        assert 1 in _holding(matcher.hints, located, lows)


def test_a_bare_count_is_a_counter_but_a_price_a_rating_or_a_rank_is_not() -> None:
    assert DEFAULT_VOCABULARY.text_concepts(["37", "1,024", "+12", "2k"]) == ["counter"] * 4
    assert DEFAULT_VOCABULARY.text_concepts(["39.95", "4.9", "#1", "37 reasons to stay"]) == [None] * 4


_DECLARED = [
    (concept.name, kind, pattern)
    for concept in DEFAULT_VOCABULARY.concepts
    for kind, patterns in (("line", concept.lines), ("phrase", concept.phrases))
    for pattern in patterns
]


def test_every_declared_need_is_one_the_pattern_has() -> None:
    """Checked against sre_parse (test-only): a wrong need would silently miss matches."""
    assert sum(1 for *_, p in _DECLARED if p.needs) >= 250
    for name, kind, pattern in _DECLARED:
        if pattern.needs:
            flags = re.I if kind == "line" else 0
            assert declared_needs_hold(re.compile(pattern.re, flags), pattern.hints), (name, pattern)


def test_the_soundness_check_catches_a_wrong_need() -> None:
    from unboil.matching import hints_of

    assert declared_needs_hold(re.compile(r"consider (?:helping|supporting)"), hints_of(["consider", "help|support"]))
    assert not declared_needs_hold(re.compile(r"consider (?:helping|supporting)"), hints_of(["helping"]))
    assert not declared_needs_hold(re.compile(r"(?:abc)?\d+"), hints_of(["abc"]))


def test_a_pattern_without_needs_runs_on_every_block() -> None:
    vocabulary = Vocabulary(()).extend("house", lines=[r"\d+ apples"], phrases=[r"pears?\b"])
    assert [m.hints for m in vocabulary.concept("house").matchers] == [None, None]
    texts = ["12 apples", "twelve apples", "ripe pears here", "nothing"]
    assert vocabulary.text_concepts(texts) == ["house", None, "house", None]


def test_a_declared_need_keeps_a_pattern_off_the_blocks_without_it() -> None:
    from unboil.vocabulary import TextPattern

    # A deliberately wrong need ("zzz") shows the pattern is not even tried where the need is missing.
    vocabulary = Vocabulary(()).extend("house", lines=[TextPattern(r"\d+ apples", ("zzz",))])
    assert vocabulary.text_concepts(["12 apples"]) == [None]
    right = Vocabulary(()).extend("house", lines=[TextPattern(r"\d+ apples", ("apples",))])
    assert right.text_concepts(["12 apples", "12 pears"]) == ["house", None]


def test_the_library_reads_no_private_re_internals() -> None:
    import ast
    from pathlib import Path

    import unboil

    private = {"re._parser", "re._constants", "re._compiler", "sre_parse", "sre_constants", "sre_compile"}
    for path in Path(unboil.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        assert not imported & private, (path.name, imported & private)
        assert "_parser" not in {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}, path.name


def _shipped() -> str:
    from unboil.vocabulary import DEFAULT_FILE

    return DEFAULT_FILE.read_text(encoding="utf-8")


def test_the_default_vocabulary_is_the_shipped_file_and_a_copy_loads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "mine.toml"
    copy.write_text(_shipped(), encoding="utf-8")
    loaded = Vocabulary.load(copy)
    assert loaded == DEFAULT_VOCABULARY and loaded.words == DEFAULT_VOCABULARY.words
    assert loaded.names[:3] == ("donation", "countdown", "membership")
    # An edited copy: a new concept with a role, in the file's own format.
    copy.write_text(
        _shipped() + "\n[[concept]]\nname = \"club\"\nroles = [\"appeal\"]\n"
        "lines = [{ re = 'join the (?:acme )?club', needs = [\"join the \", \"club\"] }, 'club\\d+']\n",
        encoding="utf-8",
    )
    edited = Vocabulary.load(copy)
    assert "club" in edited.with_role("appeal")
    assert edited.text_concepts(["Join the Acme club", "club42", "a club"]) == ["club", "club", None]


def test_every_role_and_parameter_is_data() -> None:
    v = DEFAULT_VOCABULARY
    assert v.with_role("appeal") == {"donation", "membership", "newsletter", "countdown"}
    assert v.with_role("appeal_ending") == {"donation", "membership"}
    assert v.with_role("cuts_section") == {"related", "comments", "reviews"}
    assert v.with_role("thread") == {"comments"}
    assert v.with_role("label") == {"poster_card", "counter", "shop", "call_to_action", "placeholder"}
    assert v.kept_by == {"include_comments": {"comments", "reviews"}, "include_images": {"captions"}}
    assert v.tables.max_box_text == {"share": 1000, "captions": 500}
    assert v.tables.by_tag == {"figure": "captions", "figcaption": "captions"}
    assert v.tables.ladder is not None and v.tables.ladder[0] == "donation"
    assert [name for name, _ in v.tables.site_headings] == ["related"]
    assert "sr-only" in v.words.hidden_classes and "katex" in v.words.formula_words and "banner" in v.words.furniture_roles


def test_a_misspelt_key_role_or_option_is_refused() -> None:
    import pytest

    from unboil import Options

    with pytest.raises(ValueError, match="rols"):
        Vocabulary.loads('[[concept]]\nname = "x"\nrols = ["appeal"]\n')
    with pytest.raises(ValueError, match="apeal"):
        Vocabulary.loads('[[concept]]\nname = "x"\nroles = ["apeal"]\n')
    with pytest.raises(ValueError, match="needs"):
        Vocabulary.loads('[[concept]]\nname = "x"\nlines = [{ re = "a", needs = "a" }]\n')
    with pytest.raises(ValueError, match="include_coments"):
        Options(vocabulary=Vocabulary.loads('[[concept]]\nname = "x"\nkept_by = "include_coments"\n'))
    with pytest.raises(ValueError, match="unknown role"):
        DEFAULT_VOCABULARY.with_role("appeals")


def test_a_vocabulary_survives_pickling_with_its_word_lists() -> None:
    import pickle

    again = pickle.loads(pickle.dumps(DEFAULT_VOCABULARY))
    assert again == DEFAULT_VOCABULARY and again.words == DEFAULT_VOCABULARY.words
    assert again.with_role("appeal") == DEFAULT_VOCABULARY.with_role("appeal")
