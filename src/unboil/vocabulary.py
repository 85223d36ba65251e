"""The boilerplate vocabulary: what non-article content looks like, as data.

Each :class:`Concept` (donation, countdown, share, ...) holds three kinds of
evidence, because many sites use meaningless class names and the text is then
the only clue:

* ``attributes``: words found in ``class``/``id``/``role``/``aria-label``
  (``"share"``, ``"newsletter"``).  A class is split into words on anything
  that is not a letter or digit, so ``post-share__btn`` yields ``share``.
* ``lines``: regular expressions that match a *whole* short block
  (``"Support SouthFront"``, ``"2,500 $"``).  They are anchored, so a real
  sentence that merely mentions a word is safe.
* ``phrases``: regular expressions searched inside short blocks
  (``"consider helping us"``); a block longer than ``Vocabulary.phrase_limit``
  characters is never dropped on a phrase.

Patterns are compiled once, when a :class:`Vocabulary` is built; the default
vocabulary is built at import.  Callers change it with :meth:`Vocabulary.extend`
and :meth:`Vocabulary.without`, which return new objects: nothing here is
mutable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import ahocorasick

try:  # the regular-expression parser, read once per pattern for its required words
    import re._constants as _sre_constants
    import re._parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

__all__ = ["AMOUNT", "Concept", "Vocabulary", "DEFAULT_VOCABULARY", "LABEL_CONCEPTS", "attribute_words"]

_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_HAS_CAPITAL = re.compile(r"(?<!\\)[A-Z]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def attribute_words(value: str) -> list[str]:
    """Split a class/id value into lowercase words (``socialShare-btn`` -> social, share, btn)."""
    return [w for w in _WORD_SPLIT.split(_CAMEL.sub("-", value).lower()) if w]


@dataclass(frozen=True)
class Concept:
    """One kind of boilerplate, with the evidence that betrays it."""

    name: str
    attributes: frozenset[str] = frozenset()
    lines: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    line_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    phrase_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    matchers: tuple["_Matcher", ...] = field(default=(), init=False, repr=False, compare=False)
    """The line and phrase patterns as :meth:`Vocabulary.text_concepts` runs them."""

    def __post_init__(self) -> None:
        matchers = []
        if self.lines:
            object.__setattr__(self, "line_re", _line_pattern(self.lines))
            matchers += [_Matcher.of(_line_pattern(group), whole=True) for group in _by_hints(self.lines, re.I)]
        if self.phrases:
            # Phrases are searched in lowercased text: without re.I the search is twice
            # as fast.  A caller's phrase with capitals still gets re.I.
            flags = re.I if any(_HAS_CAPITAL.search(p) for p in self.phrases) else 0
            object.__setattr__(self, "phrase_re", _phrase_pattern(self.phrases, flags))
            matchers += [_Matcher.of(_phrase_pattern(group, flags), whole=False) for group in _by_hints(self.phrases, flags)]
        object.__setattr__(self, "matchers", tuple(matchers))

    def merged(
        self,
        attributes: Iterable[str] = (),
        lines: Iterable[str] = (),
        phrases: Iterable[str] = (),
    ) -> "Concept":
        return Concept(
            self.name,
            self.attributes | frozenset(a.lower() for a in attributes),
            self.lines + tuple(lines),
            self.phrases + tuple(phrases),
        )


def _line_pattern(lines: Sequence[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in lines)
    return re.compile(rf"^(?:{joined})$", re.I)


def _phrase_pattern(phrases: Sequence[str], flags: int) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in phrases), flags)


def _by_hints(patterns: Sequence[str], flags: int) -> list[tuple[str, ...]]:
    """The patterns in two groups, those with required strings and those without.

    One pattern that requires no string (a ladder of amounts) would make its
    whole alternation run on every block; apart, the others still run only on
    the blocks holding their strings.  Which pattern of a concept matches does
    not matter, so the split changes no result.
    """
    hinted = tuple(p for p in patterns if _required_literals(re.compile(p, flags)) is not None)
    rest = tuple(p for p in patterns if p not in hinted)
    return [g for g in (hinted, rest) if g]


@dataclass(frozen=True)
class Vocabulary:
    """All concepts, plus the lookup tables built from them."""

    concepts: tuple[Concept, ...]
    phrase_limit: int = 300
    """Blocks longer than this are never judged by a phrase (they are real prose)."""
    line_limit: int = 120
    """Blocks longer than this are never judged by a whole-line pattern."""
    _by_word: Mapping[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _compounds: Mapping[str, tuple[tuple[int, tuple[str, ...], str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Several-word names ("author-bio") by their first word: (rank, words, concept)."""
    _finder: Any = field(default=None, init=False, repr=False, compare=False)
    """An Aho-Corasick automaton of every pattern's first required strings: one pass
    over a page's blocks finds them all (searching for each in turn was the costliest
    part of matching)."""

    def __post_init__(self) -> None:
        table: dict[str, str] = {}
        compounds: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        rank = 0
        for concept in self.concepts:
            for word in sorted(concept.attributes):
                if "-" in word:  # several words in a row: "author-bio"
                    parts = tuple(word.split("-"))
                    compounds.setdefault(parts[0], []).append((rank, parts, concept.name))
                    rank += 1
                else:
                    table.setdefault(word, concept.name)
        object.__setattr__(self, "_by_word", table)
        object.__setattr__(self, "_compounds", {k: tuple(v) for k, v in compounds.items()})
        finder = ahocorasick.Automaton()
        for concept in self.concepts:
            for matcher in concept.matchers:
                for first, *_ in matcher.hints or ():
                    for hint in first:
                        finder.add_word(hint, hint)
        if len(finder):
            finder.make_automaton()
        object.__setattr__(self, "_finder", finder)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its concepts where it is unpickled (a batch worker), not copied.
        return (Vocabulary, (self.concepts, self.phrase_limit, self.line_limit))

    def concept(self, name: str) -> Concept:
        for concept in self.concepts:
            if concept.name == name:
                return concept
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.concepts)

    def extend(
        self,
        concept: str,
        *,
        attributes: Iterable[str] = (),
        lines: Iterable[str] = (),
        phrases: Iterable[str] = (),
    ) -> "Vocabulary":
        """A new vocabulary with more evidence for ``concept`` (created if new)."""
        found = False
        out = []
        for c in self.concepts:
            if c.name == concept:
                c = c.merged(attributes, lines, phrases)
                found = True
            out.append(c)
        if not found:
            out.append(Concept(concept).merged(attributes, lines, phrases))
        return Vocabulary(tuple(out), self.phrase_limit, self.line_limit)

    def without(self, *concepts: str) -> "Vocabulary":
        """A new vocabulary that ignores whole concepts (say ``"comments"``)."""
        return Vocabulary(
            tuple(c for c in self.concepts if c.name not in concepts),
            self.phrase_limit,
            self.line_limit,
        )

    def attribute_concept(self, words: Sequence[str]) -> str | None:
        """The concept named by these class/id words (in their order), if one is."""
        table = self._by_word
        for word in words:
            hit = table.get(word)
            if hit is not None:
                return hit
        if len(words) < 2:
            return None
        # Looked up by first word, not searched for one by one; of several
        # matches the one listed first in the vocabulary wins.
        best: tuple[int, str] | None = None
        compounds = self._compounds
        for i, word in enumerate(words):
            for rank, parts, concept in compounds.get(word, ()):
                if (best is None or rank < best[0]) and tuple(words[i : i + len(parts)]) == parts:
                    best = (rank, concept)
        return best[1] if best is not None else None

    def text_concept(self, text: str) -> str | None:
        """The concept whose line or phrase patterns this short block matches."""
        return self.text_concepts([text])[0]

    def text_concepts(self, texts: Sequence[str]) -> list[str | None]:
        """:meth:`text_concept` of each text, found with few regular-expression calls.

        For each block the first concept, in vocabulary order, whose line or
        phrase pattern matches, wins.  Running every pattern on every block
        was the costliest step of extraction; instead each pattern's required
        words (:func:`_required_literals`) are looked up as plain substrings
        of all the blocks at once, and the pattern then scans only the blocks
        that hold one of them (:func:`_scan`).
        """
        out: list[str | None] = [None] * len(texts)
        short = [i for i, t in enumerate(texts) if len(t) <= self.phrase_limit]
        if not short:
            return out
        lows = [texts[i].lower() for i in short]
        joined = "\n".join(lows)
        starts = _starts(lows)
        # Which blocks hold each required string (none holds a newline: one block each).
        located: dict[str, set[int]] = {}
        if len(self._finder):
            for end, hint in self._finder.iter(joined):
                located.setdefault(hint, set()).add(bisect_right(starts, end) - 1)
        # Concepts in vocabulary order: the first one to claim a block keeps it.
        for concept in self.concepts:
            for matcher in concept.matchers:
                pick = range(len(short)) if matcher.hints is None else _holding(matcher.hints, located, lows)
                if matcher.whole:
                    pick = [j for j in pick if len(texts[short[j]]) <= self.line_limit]
                else:
                    pick = list(pick)
                if not pick:
                    continue
                # Line patterns read the text as written (they carry re.I), phrases the lowercased one.
                chosen = [texts[short[j]] for j in pick] if matcher.whole else [lows[j] for j in pick]
                for m in _scan(matcher.scan, matcher.single, chosen, matcher.whole, matcher.alone):
                    i = short[pick[m]]
                    if out[i] is None:
                        out[i] = concept.name
        return out


@dataclass(frozen=True)
class _Matcher:
    """A concept's line or phrase pattern, with what the batch scan needs of it."""

    single: re.Pattern[str]
    """The pattern as defined: ``match`` on one text if ``whole``, else ``search``."""
    scan: re.Pattern[str]
    """Its multi-line twin (``^``/``$`` at each text's ends), for texts joined by newlines."""
    hints: Hints | None
    """What every match holds (None: the pattern is run on every text)."""
    whole: bool
    alone: bool
    """Run text by text, never on the joined texts (see :data:`_READ_ALONE`)."""

    @classmethod
    def of(cls, pattern: re.Pattern[str], whole: bool) -> "_Matcher":
        scan = re.compile(pattern.pattern, pattern.flags | re.M)
        return cls(pattern, scan, _required_literals(pattern), whole, bool(_READ_ALONE.search(pattern.pattern)))


def _starts(texts: Sequence[str]) -> list[int]:
    """Offsets of each text in ``"\\n".join(texts)``."""
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return starts


Hints = tuple[tuple[frozenset[str], ...], ...]
"""What a pattern's matches must contain, as plain lowercase strings: one tuple per
top-level branch of the pattern (a match holds one branch), each a tuple of sets
that are all required (a match of that branch holds a string of every set), the
most telling set first."""


def _holding(hints: Hints, located: Mapping[str, set[int]], lows: Sequence[str]) -> list[int]:
    """Indices of the texts (``lows``) that could match.

    ``located`` gives the texts holding each branch's first set of strings; the
    branch's other sets are then checked on those few texts only, so a common
    word ("on ", "your ") that a branch also needs costs nothing.
    """
    found: set[int] = set()
    for first, *rest in hints:
        for hint in first:
            texts = located.get(hint)
            if not texts:
                continue
            if rest:
                found.update(k for k in texts if k not in found and all(any(h in lows[k] for h in need) for need in rest))
            else:
                found.update(texts)
    return sorted(found)


def _required_literals(pattern: re.Pattern[str]) -> Hints | None:
    """What every match of ``pattern`` contains (see :data:`Hints`), or None.

    Read from the parsed pattern: a run of three or more literal characters
    in sequence is required; a group or a repeat of at least one is required
    if its content is; an alternation inside a branch requires one of its
    branches' strings.  Optional parts, classes and lookarounds require
    nothing.  None means the pattern must be run on every text: one of its
    branches requires no string at all.
    """
    try:
        parsed = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private module's API: never let it break extraction
        return None
    branches = _top_branches(parsed)
    out = []
    for branch in branches:
        sets = _literal_sets(list(branch))
        if not sets or any("\n" in x for s in sets for x in s):
            return None
        sets.sort(key=_telling, reverse=True)
        out.append(tuple(frozenset(s) for s in sets))
    return tuple(out)


_ZERO_WIDTH = (_sre_constants.AT,)


def _top_branches(items: list[tuple[Any, Any]]) -> list[Any]:
    """The pattern's alternatives, seen through anchors and a group around them
    (``^(?:(?:a)|(?:b))$`` has the branches ``a`` and ``b``)."""
    core = [item for item in items if item[0] not in _ZERO_WIDTH]
    if len(core) == 1 and core[0][0] is _sre_constants.SUBPATTERN:
        return _top_branches(list(core[0][1][-1]))
    if len(core) == 1 and core[0][0] is _sre_constants.BRANCH:
        return list(core[0][1][1])
    return [items]


def _telling(strings: set[str]) -> tuple[int, int]:
    """How selective a set of required strings is: longer shortest string, fewer strings."""
    return (min(len(x) for x in strings), -len(strings))


def _literal_sets(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Every set of strings the sequence ``items`` requires (one of each set)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            candidates.append({"".join(run).lower()})
        run.clear()

    for op, arg in items:
        if op is _sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op is _sre_constants.SUBPATTERN:
            candidates.extend(_literal_sets(list(arg[-1])))
        elif op in _REPEATS and arg[0] >= 1:
            candidates.extend(_literal_sets(list(arg[2])))
        elif op is _sre_constants.BRANCH:
            # One of the branches matches: the union of each branch's most telling set.
            branches = [_literal_sets(list(b)) for b in arg[1]]
            if branches and all(branches):
                candidates.append(set().union(*(max(b, key=_telling) for b in branches)))
    flush()
    return candidates


_REPEATS = tuple(
    op for op in (getattr(_sre_constants, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op is not None
)
_READ_ALONE = re.compile(r"\\[AZz]|\(\?<?[=!]")
r"""Whole-input anchors and lookarounds: a lookaround can see past a text's end into the
next one (``(?![\d\s]*$)`` reads across the newline), so such patterns are run text by text."""


def _scan(joined_re: re.Pattern[str], single_re: re.Pattern[str], texts: Sequence[str], whole: bool, alone_only: bool) -> set[int]:
    """Indices of the ``texts`` that ``single_re`` matches (whole, for a line
    pattern, else anywhere), found by scanning them all joined by newlines
    with ``joined_re``, its multi-line twin.

    A match that lies within one text is a match of that text (multi-line
    ``^`` and ``$`` hold at each text's ends, just as for the text alone).  A
    match that runs across a newline is checked on its text alone; either way
    the scan resumes at the next text, so no text is skipped or decided
    twice.  A pattern anchored to the whole input (``\\A``, ``\\Z``) or with a
    lookaround is run text by text.
    """

    def alone(t: str) -> bool:
        return bool(single_re.match(t) if whole else single_re.search(t))

    if alone_only:
        return {i for i, t in enumerate(texts) if alone(t)}
    # A text with its own newlines would blur the boundaries: it is matched alone.
    found = {i for i, t in enumerate(texts) if "\n" in t and alone(t)}
    joined = "\n".join(texts)
    starts = _starts(texts)
    pos = 0
    while True:
        m = joined_re.search(joined, pos)
        if m is None:
            return found
        k = bisect_right(starts, m.start()) - 1
        end = starts[k] + len(texts[k])
        if "\n" not in texts[k] and (m.end() <= end or alone(texts[k])):
            found.add(k)
        pos = end + 1


# --- the default vocabulary ---------------------------------------------------
# Amounts such as "2,500 $", "$20", "20 USD", "€ 5.000,00".
# Digit groups take one separator each ("1 000", "2,500.00"): a class such as [\d.,\s]*
# here, repeated by a ladder's "+", backtracks exponentially on "$1 $1 $1 ... x".
AMOUNT = r"(?:[$€£¥₽]\s?\d+(?:[.,\s]\d+)*[.,]?|\d+(?:[.,\s]\d+)*[.,]?\s?(?:[$€£¥₽]|usd|eur|gbp|chf|rub|dollars?|euros?))"

DONATION = Concept(
    "donation",
    attributes=frozenset(
        {
            "donate", "donation", "donations", "donor", "fundraising", "fundraiser",
            "crowdfunding", "patreon", "kofi", "tipjar", "givewp", "supportus",
            "buymeacoffee", "support-us", "donation-progress", "support-box",
        }
    ),
    lines=(
        # a ladder or progress bar of amounts in one line; an amount never starts inside
        # another's digits ("$49.99 USD" is one price, not "$49." and "99 USD")
        # (one assertion, not an alternation of two: both holding at once backtracks exponentially)
        rf"{AMOUNT}(?:\s*(?!(?<=[\d.,])\d){AMOUNT})+",
        rf"(?:one[- ]time|monthly|yearly|annual)\s+(?:support|donation|gift)\s*:?\s*{AMOUNT}?",
        rf"(?:donate|give|support|contribute)\s*{AMOUNT}",
        # a name after "Support" is capitalised even though lines match without case ("Support can be slow" is prose)
        r"support\s+(?:us(?:\s+(?:now|today|here))?|our\s+\w+(?:\s+\w+)?|the\s+\w+|(?-i:[A-Z])[\w.&'-]*(?:\s+(?-i:[A-Z])[\w.&'-]*){0,3})\s*[!.]?",
        r"(?:donate|donate now|make a donation|give now|give today|contribute now|chip in|"
        r"become a (?:patron|supporter|donor|sustaining member)|support (?:our|this) (?:work|journalism|site|project))\s*[!.»→>]*",
        r"(?:jetzt\s+)?(?:spenden|unterstützen)\s*[!.]?",
        r"(?:jetzt\s+)?unterstütze(?:n sie)? [^.!?]{1,60}[!.]?",
        r"(?:faire un don|soutenez[- ]nous|soutenir)\s*[!.]?",
        r"(?:je )?(?:fais|faites) un don(?: à [^.!?]{1,40})?\s*[!.]?",
        r"(?:dona(?:r| ora| ahora)?|apoya(?:nos)?|sostienici)\s*[!.]?",
        r"goal\s*:?\s*" + AMOUNT + r".*",
        r"\d{1,3}\s*%\s*(?:funded|of (?:our |the )?goal)",
    ),
    phrases=(
        r"consider (?:helping|supporting|donating|making a (?:donation|contribution))",
        r"do you like this content",
        r"made possible (?:through|by|thanks to) (?:the )?(?:generous )?support of (?:[\w.&'-]+ ){0,3}(?:members|readers|donors|supporters|listeners|viewers)",
        r"(?:please|kindly)\s+(?:consider\s+)?(?:donate|donating|support us|make a donation)",
        r"(?:we|this site|our work) (?:rel(?:y|ies)|depends?) (?:entirely |solely |only )?on (?:the support of |donations|readers|our readers|reader support|you)",
        r"(?:your|a) (?:donation|contribution|support) (?:helps|keeps|makes|allows|will help|enables)",
        r"(?:help|support) us (?:keep|continue|stay|reach|remain|to keep|to continue)",
        r"(?:tax[- ]deductible (?:donation|gift|contribution)|donate (?:today|now|here|via|with|securely))",
        r"(?:support|fund) (?:independent|reader[- ]funded|non-?profit) (?:journalism|media|news|reporting)",
        r"reader[- ]supported|reader[- ]funded|ad[- ]free thanks to",
        r"(?:become|be) a (?:patron|supporter|donor|sustaining member|monthly donor)",
        r"support (?:our|my|this|independent|quality|local|nonprofit|non-profit) (?:\w+ )?(?:work|journalism|mission|reporting|site|magazine|blog|newsroom|podcast|project|writing)",
        r"(?:consider|please) (?:supporting|subscribing|donating)\b",
        r"your (?:support|donation|contribution|gift)s? (?:is|are|helps?|means|makes|keeps?|allows?|play|enables?|will)",
        r"(?:one-off|one-time|monthly|recurring) (?:donation|gift|contribution)s?",
        r"powered (?:primarily |entirely |mostly )?(?:by|through) (?:donations|readers|our readers|your support)",
        r"\b(?:patreon|ko-fi|buy me a coffee|paypal\.me|steadyhq)\b",
        r"(?:turn off|disable|deactivate|whitelist|pause) (?:your |the )?ad[- ]?blocker",
        r"advertising revenue (?:helps|supports|funds|pays)",
        r"subscribe (?:for free )?to (?:receive|get) new posts",
        r"(?:fundraising|fund-raising) (?:campaign|drive|effort|appeal)",
        r"show (?:your|us your) (?:support|appreciation)",
        # German
        r"\b(?:unterstützen sie|unterstütze (?:uns|unser|unsere|mich)|jetzt unterstützen|jetzt spenden|spendenkonto|mit einer spende|"
        r"spendenfinanziert|spenden könnt|über jede spende|durch eine spende|(?:mit|durch) (?:ihre|ihrer|deine|deiner|eure|eurer) unterstützung|"
        r"unterstützungsmöglichkeit|helfen sie mit|hilf mit|zeigen sie ihre wertschätzung|werbeblocker|adblocker)",
        r"(?:gefällt|gefallen) (?:dir|ihnen) (?:unser|unsere|dieser|dieses|der artikel|mein)",
        r"(?:uns|mich|unsere arbeit|meine arbeit) (?:\w+ )?(?:\w+ )?unterstützen\b",
        r"\bunser(?:en|em)? unabhängige\w* journalismus",
        r"if you (?:enjoyed|enjoy|like|liked|value|appreciate|found value in) (?:this|our|reading|my|the)\b.{0,80}(?:support|subscri|donat|contribut)",
        r"(?:ask|asking) (?:you )?for your support",
        r"(?:readers are )?invited to (?:help )?support\b|support our ongoing (?:commitment|work|mission|coverage)",
        r"if you subscribe to\b",
        # French, Spanish, Italian, Portuguese, Polish, Dutch
        r"(?:faites un don|faire un don|soutenez[- ](?:nous|notre)|votre (?:don|soutien)|nous soutenir)",
        r"(?:haz una donación|dona ahora|apoya (?:nuestro|el periodismo|a )|apóyanos|tu (?:apoyo|donación))",
        r"(?:sostieni(?:ci)?|fai una donazione|il tuo (?:sostegno|contributo))",
        r"(?:apoie (?:o|nosso)|faça uma doação|sua doação)",
        r"(?:wesprzyj|darowizn|wspieraj)",
        r"(?:steun (?:ons|onze)|doneer)",
    ),
)

COUNTDOWN = Concept(
    "countdown",
    attributes=frozenset({"countdown"}),
    lines=(
        r"\d+\s+(?:days?|hours?|weeks?)\s+(?:left|remaining|to go)\b.*",
        r"(?:only\s+)?\d+\s+(?:days?|hours?)\s+(?:left|until|remain).*",
        r"noch\s+\d+\s+tage?\b.*",
        r"(?:plus que|encore)\s+\d+\s+jours?\b.*",
        r"(?:\d+\s*(?:d|h|m|s|days?|hrs?|hours?|min(?:utes?)?|sec(?:onds?)?)\s*:?\s*){2,4}",
    ),
    phrases=(r"\bdays? left until\b", r"\bends? in \d+ days?\b", r"\btime is running out\b"),
)

MEMBERSHIP = Concept(
    "membership",
    attributes=frozenset(
        {"paywall", "regwall", "metered", "upsell", "subscription", "subscriptions", "plea", "subscribe-box", "piano-offer"}
    ),
    lines=(
        r"(?:subscribe|sign in|log in|register|join)(?: now| today| here)?\s*[!.]?",
        r"(?:sign up or log in|log in or sign up|sign in or register|sign up or sign in)\s*[!.]?",
        r"(?:already a (?:subscriber|member)\??.*)",
        r"become a member\s*[!.]?",
        r"(?:jetzt )?(?:abonnieren|abonnement|anmelden|registrieren)\s*[!.]?",
        r"(?:s'abonner|abonnez-vous|se connecter)\s*[!.]?",
        r"(?:lock\s*)?(?:(?:solo |exclusivo )?para suscriptores|(?:for )?subscribers? only|(?:exclusive )?for subscribers|"
        r"nur für abonnenten|réservé aux abonnés|solo per abbonati|(?:exclusivo )?para assinantes)\s*[!.]?",
    ),
    phrases=(
        r"subscribe (?:now |today )?(?:to|for) (?:continue|keep) reading",
        r"(?:to continue reading|continue reading with|keep reading with)\b.*(?:subscri|sign|log|regist)",
        r"this (?:article|content|story) is (?:for|available to|reserved for|only available to) (?:subscribers|members|premium)",
        r"(?:you have|you've) (?:reached|read) (?:your|all your|\d+ of your) (?:free|monthly)",
        r"(?:free|remaining) articles? (?:this|per) month",
        r"unlimited (?:digital )?access",
        r"(?:weiterlesen mit|jetzt (?:weiterlesen|testen)|artikel für abonnenten|exklusiv für abonnenten|"
        r"für abonnentinnen und abonnenten|abonnieren sie)",
        r"(?:réservé aux abonnés|article réservé)",
        r"subscribe (?:now|today)\b.{0,60}(?:full story|to read|to continue|edition)",
        r"(?:join|renew) (?:now|today)(?: or renew)?\b.{0,30}(?:get|membership|access)",
        r"membership (?:merch|perks|benefits)|if you're seeing this message",
        r"already (?:a )?(?:subscriber|member|subscribed)\b",
        r"ohne werbe(?:banner|ung)\b.{0,60}(?:archiv|zugriff|monat|abo)|(?:pro|im) monat\b.{0,40}ohne werbe|"
        r"ad-free (?:version|experience|access|subscription)",
        r"pour (?:accéder|lire) en illimité|hazte (?:miembro|socio)|cancela cuando quieras|first-time subscribers|"
        r"zapraszamy (?:też |również )?do (?:subskrypcji|prenumeraty)|und vorteile sichern",
    ),
)

NEWSLETTER = Concept(
    "newsletter",
    attributes=frozenset({"newsletter", "newsletters", "optin", "mailchimp", "mc4wp", "email-signup"}),
    lines=(
        r"(?:subscribe|sign up)(?: to| for)?(?: our| the)? newsletters?\s*[!.]?",
        r"stay (?:up[- ]to[- ]date|connected|in touch|informed)(?: (?:on|with) (?:our work|us|me))?\s*[!.]?",
    ),
    phrases=(
        r"(?:sign up|subscribe|register) (?:for|to) (?:our|the|my)?\s*(?:free |weekly |daily |email )*(?:newsletters?|e-?mails?|updates|digest)",
        r"(?:join|subscribe to|sign up for) (?:our |the |my )?(?:free )?(?:[\w'’-]+ ){0,3}e?-?newsletters?\b|join (?:our|the) (?:e-?mail|mailing) list",
        r"(?:delivered|straight|right) (?:straight )?(?:to|into) your inbox",
        r"(?:signing up|subscribing) (?:to|for) (?:our|the) (?:free )?(?:e-?mail )?newsletter|abonnier(?:e|en sie) (?:unseren|unsere|den) newsletter|"
        r"in (?:deinen|ihren) posteingang|verpasse keine (?:news|artikel|beiträge|neuigkeiten)",
        r"(?:get|receive) (?:our|the latest|the best)?\s*(?:news|stories|updates|articles)?\s*(?:delivered )?(?:in|to) your inbox",
        r"enter your e-?mail(?: address)?",
        r"newsletter (?:abonnieren|bestellen)|(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter",
        r"we (?:will never|won't|don't) (?:share|spam|sell)",
        r"\b(?:alerts|news|updates) to your inbox|by clicking [\"“]?(?:submit|sign up|subscribe)[\"”]?,? you agree",
    ),
)

SHARE = Concept(
    "share",
    attributes=frozenset(
        {"share", "shares", "sharing", "sharer", "sharebar", "sharedaddy", "addtoany", "a2a",
         "addthis", "shareaholic", "social", "socials", "sociallinks", "socialmedia", "share-tools",
         "follow-us"}
    ),
    lines=(
        r"(?:(?:diese )?seite teilen|(?:diesen |den )?(?:artikel|beitrag) teilen|news teilen|teilen (?:über|auf|mit|via)|"
        r"möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|(?:den|diesen) (?:artikel|beitrag) mit (?:anderen|freunden) teilen.{0,30}|"
        r"be sociable,? share|pin (?:it )?for later|share (?:it )?with a friend|like what you see\?.{0,40})\s*[:!?.]?",
        r"(?:share|share it|share this|share (?:this )?(?:article|story|post|page)|share on \w+|tweet|print|email|pin it|"
        r"follow us|like us on facebook|teilen|partager|compartir|condividi)\s*[:!.]?",
        # a share word is needed: digits and separators alone are counts or a list of numbers
        r"(?![\d\s|·•,/]*\d[\d\s|·•,/]*$)(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|copy link|"
        r"x|messenger|flipboard|pocket|mail|e-mail|\d|[|·•,/]|\s)+",  # \d, not \d+, inside (...)+: no exponential backtracking
        r"share (?:this|via|with|on)\b.{0,60}",
        r"(?:click to share|click to email|click to print).*",
        r"(?:print|drucken|imprimer|imprimir|drukuj)(?: (?:this )?(?:recipe|article|page)| (?:das )?rezept| la recette| receta)?\s*[!.]?|rezept drucken",
    ),
    phrases=(
        r"\bshare this (?:article|story|post)\b", r"follow us on (?:facebook|twitter|instagram|x|linkedin)",
        r"canal de (?:telegram|youtube|whatsapp)|"
        r"(?:bei|auf) pinterest (?:speichern|merken|pinnen)|save (?:it )?(?:to|on) pinterest",
    ),
)

CONSENT = Concept(
    "consent",
    attributes=frozenset({"cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebot"}),
    lines=(r"(?:accept(?: all)?(?: cookies)?|reject(?: all)?|i agree|agree|got it|ok|manage (?:cookies|preferences|settings)|cookie settings)\s*[!.]?",),
    phrases=(
        r"(?:we|this (?:web)?site) uses? cookies",
        r"by (?:continuing|using) (?:to (?:browse|use) )?(?:this|our) (?:web)?site,? you (?:agree|accept|consent)",
        r"(?:cookie|privacy) (?:policy|settings|preferences).{0,40}(?:accept|agree|consent)",
        r"(?:verwendet|nutzt|verwenden) cookies|utilise des cookies|utiliza cookies|utilizza (?:i )?cookie",
        r"nous utilisons des cookies|utilizamos cookies|korzystamy z (?:plików )?cookies|was sind cookies\?|"
        r"durch die weitere nutzung (?:der|dieser) (?:seite|webseite|website)",
        # the purposes and vendors of a consent framework's dialog
        r"personali[sz]ed (?:advertising|ads) and content|store and/or access information on a device|\d+ partners can use this purpose",
    ),
)

COMMENTS = Concept(
    "comments",
    attributes=frozenset(
        {"comment", "comments", "commentlist", "disqus", "respond", "commentform", "comentarios",
         "kommentare", "commentaires"}
    ),
    lines=(
        # A lone "Response" or "Reply" heading is a section of a technical text; with a count it is the comments.
        r"(?:\d+\s+)?(?:comments?|responses|replies|kommentare?|commentaires?|comentarios?)\s*(?:\(\d+\))?\s*:?|(?:\d+|one) (?:response|reply)",
        r"(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply|response)\s*[!.:]?",
        r"(?:leave a reply|cancel reply|reply|load more comments|show comments|view comments|join the (?:discussion|conversation))\s*[!.:]?",
        r"(?:(?:die )?kommentarfunktion ist (?:geschlossen|deaktiviert)|kommentare (?:sind )?geschlossen|kommentare? schreiben|"
        r"comments? (?:are )?closed|discussion about this (?:post|article))\s*[!.:]?",
        r"(?:kommentar (?:schreiben|verfassen|abgeben)|kommentieren|antworten|écrire un commentaire|laisser un commentaire|"
        r"deja (?:un|tu) comentario|dodaj komentarz|komentarze|lascia un commento)\s*[!.:]?",
    ),
    phrases=(
        r"you must be (?:logged in|registered) to (?:post|leave) a comment",
        r"sorry you didn'?t like this comment",
        r"your email address will not be published",
        r"required fields are marked",
        r"comments? (?:are|is) closed",
        r"para comentar (?:debes|debe|tienes que) (?:registrarte|iniciar sesión)|um (?:zu kommentieren|einen kommentar)",
        r"(?:anmelden|einloggen|registrieren),? um (?:\w+ )?kommentare? zu (?:schreiben|verfassen)|\bnetiquette\b|kommentare insgesamt\s*:",
    ),
)

REVIEWS = Concept(
    "reviews",
    # A shop's customer reviews are the product page's comments: readers' words, not the page's.
    attributes=frozenset(
        {"customer-reviews", "product-reviews", "review-list", "reviews-list", "bazaarvoice", "yotpo",
         "trustpilot", "okendo", "judgeme", "powerreviews", "ratings-reviews", "kundenbewertungen"}
    ),
    lines=(
        r"(?:(?:customer|product|user|guest|verified) reviews?|reviews)\s*(?:\(\d+\))?\s*:?|"
        r"(?:ratings?|stars?) (?:&|and) reviews?(?: \(\d+\))?|(?:write|submit|add|be the first to write) (?:a |your |the first )?(?:customer )?review.*|"
        r"customer (?:questions|q&a)(?: (?:&|and) answers)?|most helpful (?:favorable |critical )?reviews?|"
        r"(?:kunden)?bewertungen(?: \(\d+\))?|kundenmeinungen|schreiben sie (?:ihre|eine) (?:eigene )?(?:kundenmeinung|bewertung).*|"
        r"avis (?:clients|des clients|client)|opiniones(?: de (?:clientes|usuarios))?|recensioni(?: dei clienti)?|avaliações(?: de clientes)?|"
        r"opinie(?: klientów)?|beoordelingen|отзывы(?: покупателей)?",
    ),
    phrases=(r"\bpeople found this (?:review )?helpful\b", r"\bof \d+ reviewers recommend",),
)

RELATED = Concept(
    "related",
    attributes=frozenset(
        {"related", "relatedposts", "yarpp", "recommended", "recommendations", "moreposts",
         "mostread", "most-read", "most-popular", "outbrain", "taboola", "morestories", "more-stories",
         "read-next", "read-more-links", "you-may-like"}
    ),
    lines=(
        r"(?:related|related (?:articles?|posts?|stories|content|news|links|topics|reading)|"
        r"(?:you )?(?:may|might) also (?:like|enjoy|be interested in)|recommended(?: for you| articles| stories)?|"
        r"more (?:from|on|in|like this|stories|articles|news)\b.{0,40}|read (?:more|also|next)|see also|also read|"
        r"(?:most )?(?:popular|read|trending)(?: now| today| articles| stories)?|what to read next|up next|"
        r"lesen sie (?:auch|mehr)|mehr zum thema|das könnte sie (?:auch )?interessieren|weitere artikel|"
        r"à lire aussi|lire aussi|sur le même sujet|te puede interesar|leggi anche|"
        r"auch interessant|neueste (?:artikel|beiträge|nachrichten)|ähnliche (?:artikel|beiträge)|verwandte (?:artikel|themen)|"
        r"themen in diesem artikel|in den schlagzeilen|weitere (?:beiträge|meldungen|nachrichten|themen)|meistgelesen\w*|"
        r"das könnte dich (?:auch )?interessieren|"
        r"(?:notas|noticias|artículos) relacionad[oa]s|(?:también )?te (?:puede|podría) interesar|lea? también|"
        r"(?:você|voce) (?:também )?pode (?:gostar|se interessar)|veja também|leia também|(?:notícias|artigos|posts) relacionad[oa]s|"
        r"vous aimerez (?:peut-être )?aussi|articles similaires|à découvrir aussi|dans la même rubrique|"
        r"(?:ti )?potrebbe (?:interessarti|interessare)|articoli correlati|"
        r"lees ook|gerelateerde artikelen|meer nieuws|(?:zobacz|czytaj) (?:także|też|również)|polecane|"
        r"похожие статьи|читайте также|смотрите также|"
        r"(?:people|customers|shoppers) who (?:viewed|bought|searched for) this(?: item| product)? also (?:viewed|bought|liked)|"
        r"(?:customers|people|shoppers) also (?:viewed|bought|liked|searched)|frequently bought together|"
        r"(?:similar|related|recommended|sponsored|recently viewed) (?:items|products)(?: for you)?|complete the look|"
        r"kunden (?:kauften|interessierten sich) auch|ähnliche produkte|das könnte (?:ihnen|dir) auch gefallen|"
        r"(?:produits|articles) similaires|productos (?:similares|relacionados)|prodotti (?:simili|correlati)|"
        r"previous (?:post|article)|next (?:post|article)|"
        # labels over a site's other stories, chiefly German (trafilatura-eval is half German)
        r"mehr zu (?:diesem|dem) thema|(?:noch )?mehr (?:themen|infos?|artikel|beiträge)(?: für dich| zum thema)?|"
        r"meist ?(?:gelesen|kommentiert|geteilt|diskutiert)\w*(?: (?:beiträge|artikel|nachrichten))?|zum weiterlesen|lesenswert|lesetipps?|"
        r"mehr aus (?:der|dem|den|unserer|unserem) .{1,40}|(?:die )?redaktion empfiehlt|empfehlungen der redaktion|"
        r"empfohlene (?:beiträge|artikel)|beliebte (?:themen|artikel|beiträge)(?: entdecken)?|verwandte themenbereiche|"
        r"weitere (?:aktuelle )?(?:top)?themen\b.{0,50}|top[- ]?themen(?: der redaktion)?|artikel und videos zum thema|"
        r"(?:diese artikel|dieser artikel|das thema|diese themen|folgende artikel) könnten? (?:dich|sie) (?:auch )?interessieren|"
        r"(?:sie|du) könnte(?:n|st) (?:auch )?(?:an folgenden artikeln )?interessiert sein|"
        r"explore further|editors[’']? (?:recommendations|picks)|recommended reading|relacionad[oa]s|"
        # more labels over other stories, teasers and products
        r"schon gelesen|lesen sie auch (?:die|diese|folgende|unsere)\b.{0,40}|ähnliche themen|"
        r"weitere (?:beiträge|artikel|pressemitteilungen|meldungen|tipps|tourentipps|rezepte|kolumnen) (?:aus|zu|von|zum|zur|dieses|dieser|in|auf|bei)\b.{0,50}|"
        r"mehr von .{1,30}|mehr (?:kolumnen|artikel|beiträge|news|rezepte|tipps|videos) (?:auf|von|bei|aus|zu|zum)\b.{1,40}|"
        r"vorschau auf (?:den|die|das) nächsten? (?:artikel|beitrag)|(?:nächster|vorheriger) (?:artikel|beitrag)|"
        r"contenido relacionado|artículos relacionados\b.{0,40}|más sobre .{1,40}|audios et vidéos sur le (?:même )?sujet|"
        r"what others are reading|you might (?:also )?like|more to explore|more topics\b.{0,40}|"
        r"related (?:searches|topics)(?: (?:&|and) resources)?|explore (?:related|similar|more) (?:items|products|articles|posts|topics|stories)|recommended posts|"
        r"weiterführende[rn]? (?:informationen|links?|artikel|literatur)|weitere informationen|zusatzinformationen|en savoir plus)\s*(?:[:»>!?]|\.{3}|…)?",
        r"(?:read more|mehr lesen|weiterlesen|lire la suite|leer más|continue reading|keep reading)\s*[»>→.…:]*",
        r"(?:recent|popular|latest) posts|explore related questions",
    ),
    phrases=(r"^(?:read more|see also|related|also read|read also|lesen sie auch|lire aussi)\s*:",),
)

NAVIGATION = Concept(
    "navigation",
    attributes=frozenset(
        {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
         "pagination", "pager", "sitemap", "skiplink", "skip-link", "toolbar", "masthead",
         "topbar", "footer", "sidebar", "tagcloud", "tag-cloud", "post-tags", "entry-tags",
         "post-navigation", "site-header", "page-header", "global-header", "site-footer"}
    ),
    lines=(
        r"(?:skip to (?:main )?content|skip navigation|back to top|top|home|menu|search|close|"
        r"(?:zum|zur) (?:inhalt|navigation)|aller au contenu|ir al contenido|"
        r"log ?in|log ?out|sign ?in|sign ?up|register|contact(?: us)?|about(?: us)?|privacy policy|terms(?: of (?:use|service))?|"
        r"(?:impressum|datenschutz|kontakt|startseite|zurück|zurück zur übersicht|nach oben|retour|volver|powrót))\s*[»>|]?",
        r"(?:home|startseite|accueil|inicio)\s*[»>/|›].*",
        r"(?:tags?|tagged|filed under|categories|category|posted in|schlagworte|themen|kategorien?|abgelegt unter|veröffentlicht in|"
        r"getaggt(?: in| mit)?|rubriken?)\s*:.*",
        # the label alone, its tags (links) on the lines below
        r"(?:tags|schlagworte|schlagwörter|stichworte|stichwörter|themen(?: (?:im|in diesem) artikel)?|kategorien|categories|(?:blog )?tag cloud|blog tags)",
        r"(?:kontakt|pressekontakt|press contact|media contacts?|ansprechpartner(?:in)?)\s*:",
        r"(?:page \d+ of \d+|\d+\s*/\s*\d+|(?:«|‹)?\s*(?:previous|prev|next|older|newer)(?: (?:page|posts|entries))?\s*(?:»|›)?)",
        r"©.*|copyright\b.{0,80}|all rights reserved.*",
        # a post's stamps and counters: when it was changed, how often read
        r"(?:letzte änderung|zuletzt (?:geändert|aktualisiert)(?: am)?|aktualisiert am|ultima modifica|"
        r"publiziert|veröffentlichung|erstellt am)\s*:?(?:\s*(?:\w+,? )?\d[\w./:, -]{0,40})?",
        r"(?:(?:dieser|der) (?:beitrag|artikel|eintrag) wurde am|this entry was posted (?:in|on))\b.{0,100}|bookmark the permalink\.?",
        r"(?:aufrufe|views|hits|zugriffe)\s*:\s*[\d.,]+\s*\|?",
        r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*\|?",  # a bare date on its line: a post's stamp
        r"search (?:for )?(?:articles|topics)\b.{0,60}|inhaltsverzeichnis|table of contents|jump to|in this article",
    ),
    phrases=(),
)

ADS = Concept(
    "ads",
    attributes=frozenset(
        {"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense",
         "adslot", "adunit", "dfp", "sponsor", "sponsored", "promo", "promoted", "ad-slot",
         "ad-container", "ad-wrapper"}
    ),
    lines=(
        r"(?:advertisement|advertising|ad|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|pubblicità|"
        r"reklama|реклама|story continues below(?: advertisement)?|article continues (?:below|after advertisement))\s*[:\-]?",
    ),
    phrases=(
        # affiliate and advertising disclosures: the site's notice, not the story
        r"we (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|as an amazon associate|"
        r"(?:this|our) (?:website|site|post|article|page) (?:uses|contains|may contain) affiliate links|"
        r"we independently (?:evaluate|test|review|research|select|choose)|enthält (?:werbung|affiliate[- ]links)",
    ),
)

CAPTIONS = Concept(
    "captions",
    attributes=frozenset(
        {"caption", "captions", "wp-caption", "figcaption", "credit", "credits", "image-credit",
         "photo-credit", "media-credit", "copyright-info", "image-source", "bildunterschrift", "bildquelle"}
    ),
    lines=(
        r"(?:photo|image|picture|foto|bild|titelbild|abbildung|quelle|source|credit|crédit|imagen)\s*(?:\d+\s*)?:.{0,100}",
        r"\(?(?:©|\(c\))?\s*(?:afp|ap|reuters|dpa|epa|getty images|shutterstock|istock|imago|picture alliance|keystone)\b[^.]{0,60}\)?",
        r"(?:zum vergrößern|click to enlarge|klicken zum vergrößern|vergrößern)\b.{0,40}",
        r"\(?(?:beitragsbild|bildnachweis|bildquelle|fotos?|crédits? photos?)\s*:.{0,100}|"
        r"\((?:credit|photo|image|foto|bild)\s*:.{0,100}\)|(?:photograph|photo|image) by [^.,;!?]{1,40}|(?:bild|foto) anzeigen",
    ),
)

POPUP = Concept(
    "popup",
    attributes=frozenset({"modal", "popup", "popover", "lightbox", "overlay-content", "interstitial", "adblock", "adblocker", "ad-blocker"}),
)

PLAYER = Concept(
    "player",
    # A video or audio player's controls and menus: button labels and clocks that a
    # saved page keeps as text ("Play Video", "Current Time 0:00", "Loaded: 0%").
    attributes=frozenset(
        {"vjs-control-bar", "vjs-control", "vjs-menu", "vjs-modal-dialog", "vjs-text-track-settings", "vjs-error-display",
         "jw-controls", "jw-settings-menu", "plyr-controls", "mejs-controls", "player-controls", "video-controls", "media-controls"}
    ),
    lines=(
        r"(?:play(?: video)?|pause|replay|mute|unmute|(?:exit |non-)?full ?screen|"
        r"(?:current time|duration(?: time)?|remaining time)\s*-?\d{1,2}:\d{2}(?::\d{2})?|(?:loaded|progress)\s*:\s*\d+(?:\.\d+)?\s*%|"
        r"stream type\s*live|(?:closed )?captions? settings|captions off|subtitles? settings|audio track|playback rate|descriptions off)\s*[.,]?",
    ),
    phrases=(
        r"this is a modal window|beginning of dialog window|end of dialog window|video player is loading|captions will look like this|"
        r"your browser does not support (?:the )?(?:html5 )?(?:video|audio)",
    ),
)

AUTHOR_BOX = Concept(
    "author_box",
    attributes=frozenset(
        {"authorbox", "author-box", "author-bio", "authorbio", "about-author", "about-the-author", "author-info", "post-author",
         "user-bio", "writer-bio", "contributor-bio", "author-card", "author-details", "author-description"}
    ),
    lines=(
        r"(?:about the author|email the author|contact the author|follow the author|more by this author|"
        r"view all posts by .*|all posts by .*|more articles by .*|über den autor|à propos de l'auteur)\s*[:.]?",
    ),
    phrases=(),
)

LEGAL = Concept(
    "legal",
    # Rights, licence and opinion notices under a story: the publisher's small print.
    phrases=(
        r"vervielfältigung nur mit (?:genehmigung|zustimmung)|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
        r"wszelkie prawa zastrzeżone|materiał chroniony prawem|n'engagent que leurs auteurs|"
        r"gibt (?:die|ausschließlich die) (?:meinung|ansicht) de[sr] (?:autors|autorin|verfasser)|"
        r"(?:inhalte|texte) dieser (?:website|seite|webseite) (?:sind|stehen)\b.{0,60}(?:lizenz|cc[- ]by|creative commons)",
    ),
)

FEEDBACK = Concept(
    "feedback",
    # A widget asking the reader to rate or flag the page: it says nothing of the story.
    lines=(
        r"(?:(?:war|ist) (?:der|dieser|die|diese|das) (?:artikel|beitrag|seite|text|information(?:en)?) (?:nützlich|hilfreich)|"
        r"(?:was|is) this (?:page|article|post|answer|information|content|guide)? ?(?:helpful|useful)|"
        r"(?:did|do) you find this (?:page|article|post|information) (?:helpful|useful)|"
        r"rate this (?:page|article|post|recipe)|(?:artikel|beitrag|seite) bewerten|hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|"
        r"bewerten|\(?noch keine bewertungen\)?|how (?:was|did you like) this (?:issue|article|post|page)|"
        r"report (?:inappropriate content|this (?:item|post|comment|page))(?: to .{1,20})?)\s*[?:!.]?",
    ),
    phrases=(r"we want to hear what you think|submit a letter to the editor|fragen und anregungen zu diesem (?:artikel|beitrag)",),
)

POSTER_CARD = Concept(
    "poster_card",
    # A forum poster's card beside each post: rank, join date, post count; and the phone's signature under it.
    lines=(
        r"(?:joined|join date|posts|reaction score|likes received|trophy points|reputation)\s*:?\s*(?:[\d.,]+[km]?|\w{3,9}\.? \d{1,2},? \d{4}|\w{3,9}\.? \d{4})?",
        r"(?:new|well-known|senior|junior|premium|active|registered|established|valued|respected|notable|distinguished|banned|\d+\+? years?)\s+member|"
        r"member|original poster|staff member|signature",
        r"sent from my .{1,40}(?: using .{1,40})?",
        r"(?:[\d.,]+k?\s*)?(?:[\d.,]+\s*(?:gold|silver|bronze) badges?\s*){1,3}|thread starter|start date|\d+ likes?|\d[\d.,]*k? posts",
    ),
)

COUNTER = Concept(
    "counter",
    # A whole number alone on its line: a vote, like or view count, a page number (not "39.95"
    # or "4.9": a price or a rating belongs to its card; nor "#1": a rank heads its entry).
    lines=(r"[+-]?\d{1,3}(?:,\d{3})+|[+-]?\d+k?",),
)

SHOP = Concept(
    "shop",
    # A shop's controls around the goods: buttons, pickers, sorting, result counts.
    lines=(
        r"(?:add to (?:cart|bag|basket|wishlist)|coming soon!?|discontinued|no longer available|"
        r"select (?:a |your )?(?:size|color|colour)|verified (?:buyer|purchase)|sort by|filter (?:&|and) sort|trending searches)",
        r"(?:showing|displaying) \d+\s*(?:-|–|to|of)\s*\d+\b.{0,60}",
    ),
)

CALL_TO_ACTION = Concept(
    "call_to_action",
    # A business site's buttons asking the reader to buy, ask or sign up: not the page's text.
    lines=(
        r"(?:get started (?:today|now|for free|free|- free)|get a (?:free )?quote(?: today)?|request (?:information|a demo|a quote)|"
        r"get in touch|take the next step)\s*[.!]?",
        r"(?:start|sign up for|begin) (?:your |a )?(?:\d+[- ]day )?(?:free )?trial\b.{0,60}",
        # a Q&A site's prompts to ask or answer, and a form's own messages
        r"start asking to get answers|find the answer to your question by asking\.?|see similar questions with these tags\.?|"
        r"you must log in to answer this question\.?|oops! something went wrong while submitting the form\.?|"
        r"thank you! your submission has been received!?",
    ),
)

PLACEHOLDER = Concept(
    "placeholder",
    # A widget's "Loading..." saved before its script filled it (a bare "Loading" may be a manual's heading).
    lines=(
        r"(?:loading|wird geladen|lädt|chargement(?: en cours)?|cargando|caricamento(?: in corso)?|carregando|ładowanie|"
        r"загрузка|laden)\s*(?:\.{2,}|…)(?:\s*please wait\.*)?",
    ),
)

DEFAULT_VOCABULARY = Vocabulary(
    (DONATION, COUNTDOWN, MEMBERSHIP, NEWSLETTER, SHARE, CONSENT, COMMENTS, REVIEWS, RELATED, NAVIGATION, ADS, CAPTIONS, POPUP, PLAYER, AUTHOR_BOX,
     FEEDBACK, LEGAL, POSTER_CARD, COUNTER, SHOP, CALL_TO_ACTION, PLACEHOLDER)
)
LABEL_CONCEPTS = frozenset({"poster_card", "counter", "shop", "call_to_action", "placeholder"})
"""Concepts of short labels that sit inside the content (a post's card, a shop's
buttons): they are dropped, but weigh in the container choice as any short line
does, so a thread or a product is not passed over for its many labels."""
