"""The author gold of the dev corpus: ``authors.json`` beside this module.

Format (one JSON object, UTF-8, one entry a line)::

    {"about": "...",
     "authors":   [{"dataset": "wcxb-dev", "id": "dev-0010",
                    "authors": ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"],
                    "gold": "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"}, ...],
     "no_author": [{"dataset": "wcxb-dev", "id": "dev-0005"}, ...],
     "unsure":    [{"dataset": "...", "id": "...", "gold": "...", "why": "..."}, ...]}

Built from the ``author`` field of the wcxb-dev and trafilatura-eval golds (the
other datasets have none).  The gold writes one string ("Ann Lee, MS, RD and
Bo Chan", "Von X und Y", "X; Y", "X | Outlet"), or now and then a list; here it
is a list of people: split at the commas, "and"/"und"/"&", semicolons and
slashes; credentials after a name ("MS, RD", "PhD", "DVM, DACVB"), roles
("Shipping Expert", "CEO of ..."), honorifics ("Dr") and an outlet beside
people ("| The Texas Newsroom", "NDR", "7 NEWS WSVN") dropped.  A byline that
is only an organisation or an agency stays as it is ("WRAL", "Agencia EFE",
"The Investopedia Team").  ``gold`` keeps the original where the list differs
from it.  Each split was read by a person; entries that no list of people
renders (editors' codes "dpa/lno", "APA/AP", a role as the only name, a name
written surname first) are ``unsure`` and not scored.

``no_author`` lists the wcxb-dev pages whose gold author is null: WCXB's
annotators left it null where the page prints no author, so a tool's author
there is a false one (mostly; a few of those pages do print a name in their
markup, so the false-author rate is an upper bound).  trafilatura-eval's pages
without an ``author`` key were not annotated for it and are in neither list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

__all__ = ["AUTHORS_FILE", "AuthorGold", "load"]

AUTHORS_FILE = Path(__file__).with_name("authors.json")


@dataclass(frozen=True)
class AuthorGold:
    """{(dataset, page id): the page's authors}, the pages that name none, and the pages left out."""

    authors: Mapping[tuple[str, str], tuple[str, ...]]
    no_author: frozenset[tuple[str, str]]
    unsure: frozenset[tuple[str, str]]

    def expects(self, dataset: str, page: str) -> tuple[str, ...] | None:
        """The page's gold authors, () for a page that names none, None if not annotated."""
        key = (dataset, page)
        return self.authors.get(key, () if key in self.no_author else None)


def load(path: Path = AUTHORS_FILE) -> AuthorGold:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)

    def keys(name: str) -> frozenset[tuple[str, str]]:
        return frozenset((e["dataset"], e["id"]) for e in data.get(name, ()))

    authors = {(e["dataset"], e["id"]): tuple(e["authors"]) for e in data["authors"]}
    return AuthorGold(authors, keys("no_author"), keys("unsure"))
