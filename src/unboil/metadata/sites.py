"""The site's own name, told apart from the headline it is printed beside.

A page names its site in many places (``og:site_name``, the publisher, the host, the
part of the ``<title>`` a metadata title leaves out, a logo heading); a title part
that is one of these is no headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from ..text import title_key
from .title_parts import COMPACT_KEY, CUT_MIN_PARTS, PART_MIN_WORDS, compact, split_title
from .words import GENERIC_LABELS

__all__ = ["Sites", "sites_of"]

HOST_LABEL_MIN = 4
"""The shortest host label taken for a site's name: shorter ones are initials or codes."""
HOST_LABEL_SHARE = 0.5
"""Share of a text a host label must fill to be the site's name ("modabot" in "Modabot Blog")."""
LONGEST_PART_SHARE = 0.55
"""Share of a title's characters its longest part needs to be the headline without a known site."""
HEADLINE_MIN_WORDS = 3
"""Words a part printed as a heading needs to be taken for the headline."""
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Sites:
    """What the page calls itself: title keys, compact keys and host labels."""

    keys: frozenset[str]
    compact: frozenset[str]
    labels: tuple[str, ...]
    named: frozenset[str]
    """Names the page gives itself (og:site_name, the publisher, the host), before any guess."""

    def adding(self, names: Iterable[str]) -> "Sites":
        """These names too (a logo heading's): later tests see them as the site's."""
        names = list(names)
        return replace(self, keys=self.keys | {title_key(n) for n in names}, compact=self.compact | {compact(n) for n in names})

    def is_site(self, text: str) -> bool:
        """Whether ``text`` is the site's name, not a headline."""
        k = title_key(text)
        if not k or k in self.keys:
            return True
        c = COMPACT_KEY.sub("", k.replace(" ", ""))
        if c in self.compact:
            return True
        for lab in self.labels:
            # "Four Years Remaining" on fouryears.eu, "modabot" on modabot.de; not the
            # name with a number ("Tidepool 03/2024", "15 years of tidepool"): an issue, a story
            if (lab in c and len(lab) > HOST_LABEL_SHARE * len(c) and not _DIGIT.search(c.replace(lab, "", 1))) or c in lab:
                return True
        return False

    def strip_site(self, text: str, heading_keys: Callable[[], set[str]]) -> str:
        """A title less the site's part, or less its other parts; as it is when no part is
        known to be the headline.  ``heading_keys`` gives the keys of the page's headings,
        asked only when two unknown parts must be told apart."""
        parts = split_title(text)
        if len(parts) <= 1:
            return text
        kept = [p for p in parts if not self.is_site(p)]
        if len(kept) == 1 and len(kept) < len(parts):
            return kept[0]
        first_site = next((i for i, p in enumerate(parts) if self.is_site(p)), None)
        if first_site == 1 and len(parts) >= CUT_MIN_PARTS:
            # "Headline : Site | The site's motto | Since 2005": what follows the site is the site's.
            return parts[0]
        if len(kept) == 2 and self.is_site(parts[-1]) and not self.is_site(parts[0]) and len(kept[0].split()) >= PART_MIN_WORDS:
            # "Headline - Tagline | Site": the headline is the part farthest from the site.
            return kept[0]
        if 2 <= len(kept) < len(parts):
            # "Site » Blog Archive » Headline": among the parts left, the one with most of the words.
            longest = max(kept, key=len)
            if len(longest) >= LONGEST_PART_SHARE * sum(len(p) for p in kept):
                return longest
        return self._unknown_parts(text, parts, heading_keys)

    def _unknown_parts(self, text: str, parts: list[str], heading_keys: Callable[[], set[str]]) -> str:
        """Without a known site name: of two parts, the one the page prints as a heading,
        else the first ("Stripe Payments | Global Payment Platform": the site's own part
        may be the longer); of more, the longest part is the headline, as long as it
        carries most of the words; otherwise the separator is part of the title."""
        if len(parts) == 2:
            keys = [title_key(p) for p in parts]
            shown = [
                p for p, k, other in zip(parts, keys, reversed(keys))
                if len(p.split()) >= HEADLINE_MIN_WORDS and k in heading_keys() and k not in other
            ]
            if len(shown) == 1:
                return shown[0]
            if len(parts[0].split()) >= PART_MIN_WORDS and not self.is_site(parts[0]):
                return parts[0]
        longest = max(parts, key=len)
        if len(longest) >= LONGEST_PART_SHARE * len(text) or len(parts) == 2 and len(longest.split()) >= HEADLINE_MIN_WORDS:
            if self.is_site(longest):
                return text
            return longest
        return text


def _host_labels(host: str) -> tuple[str, ...]:
    """The labels of the host that may be the site's name ("fouryears" of fouryears.eu)."""
    labels = [COMPACT_KEY.sub("", lab.lower()) for lab in host.split(".")[:-1] if lab.lower() not in GENERIC_LABELS]
    return tuple(lab for lab in labels if len(lab) >= HOST_LABEL_MIN)


def sites_of(site_names: list[str], host: str, doc_title: str, metadata_titles: list[str]) -> Sites:
    """The site's names: those the page gives, and the part of the ``<title>`` a metadata
    title leaves out ("Headline | Site" beside og:title "Headline")."""
    keys = {title_key(s) for s in site_names if s}
    compacts = {compact(s) for s in site_names if s}
    labels = _host_labels(host)
    named = frozenset((compacts | set(labels)) - {""})
    parts = split_title(doc_title) if doc_title else []
    if len(parts) >= 2:
        for other in metadata_titles:
            # A "headline" that is the site's own name (a business marked up as a
            # Product) leaves out the page's headline, not the site's name.
            if not other or compact(other) in named:
                continue
            ko = title_key(other)
            if title_key(" ".join(parts[:-1])) == ko:
                keys.add(title_key(parts[-1]))
                compacts.add(compact(parts[-1]))
            if title_key(" ".join(parts[1:])) == ko:
                keys.add(title_key(parts[0]))
                compacts.add(compact(parts[0]))
    return Sites(frozenset(keys - {""}), frozenset(compacts - {""}), labels, named)
