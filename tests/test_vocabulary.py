"""The vocabulary's batch matching must decide exactly as one pattern call per block would."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from unboil.vocabulary import DEFAULT_VOCABULARY, Vocabulary, _holding, _required_literals


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


def test_required_literals_are_read_from_the_pattern() -> None:
    consider = _required_literals(re.compile(r"consider (?:helping|supporting)"))
    assert consider == ((frozenset({"consider "}), frozenset({"helping", "supporting"})),)
    assert _required_literals(re.compile(r"(?:donate|give) now")) == ((frozenset({" now"}), frozenset({"donate", "give"})),)
    # Each top-level branch has its own requirements.
    assert _required_literals(re.compile(r"Patreon|ko-fi")) == ((frozenset({"patreon"}),), (frozenset({"ko-fi"}),))
    # An optional part or a bare class requires nothing.
    assert _required_literals(re.compile(r"(?:abc)?\d+")) is None
    assert _required_literals(re.compile(r"abc|\d+")) is None


def test_a_common_word_a_branch_needs_does_not_pick_every_block() -> None:
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
