"""The dateline gold of the dev corpus: ``datelines.json`` beside this module.

Format (one JSON object, UTF-8)::

    {"about": "...",
     "datelines":   [{"dataset": "scrapinghub-aeb", "id": "82b6d7...", "host": "ap.org",
                      "dateline": "WASHINGTON (AP) —"}, ...],
     "no_dateline": [{"dataset": "wcxb-dev", "id": "dev-0005", "host": "..."}, ...],
     "unsure":      [{"dataset": "...", "id": "...", "host": "...", "why": "..."}, ...]}

``datelines`` lists every dev page whose gold body opens with a wire dateline
(its first line, or its first paragraph after the headline, a byline, a time
stamp, a caption or a short junk line), with the dateline exactly as printed
(dashes and spacing kept); ``host`` is the page's web host, or its site key in
``split.tsv`` where the gold has no address.  ``no_dateline`` is a sample of
100 pages of each dataset with gold text (wcxb-dev, scrapinghub-aeb,
mozilla-readability, dragnet-train) whose gold body opens with none, for
precision.  ``unsure`` pages are in neither list: a teaser paragraph before the
dateline, a list of releases each with its own, a dateline the gold text leaves
out.  trafilatura-eval has no gold body: its pages are listed only where the
story's first paragraph on the page was read by hand.

The file was built by hand: candidates found by a loose pattern over the gold
texts of every dataset (a short capitalised run, a bracket or a comma before a
dash or a colon, in the first lines; then lines opening with a bracket), each
read and judged by a person, never by the grammar of :mod:`unboil.dateline`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

__all__ = ["DATELINES_FILE", "DatelineGold", "load"]

DATELINES_FILE = Path(__file__).with_name("datelines.json")


@dataclass(frozen=True)
class DatelineGold:
    """{(dataset, page id): dateline as printed}, the no-dateline sample, and the pages left out."""

    datelines: Mapping[tuple[str, str], str]
    no_dateline: frozenset[tuple[str, str]]
    unsure: frozenset[tuple[str, str]]

    def expects(self, dataset: str, page: str) -> str | None:
        """The page's gold dateline, "" for a sampled page that opens with none, None if not annotated."""
        key = (dataset, page)
        return self.datelines.get(key, "" if key in self.no_dateline else None)


def load(path: Path = DATELINES_FILE) -> DatelineGold:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)

    def keys(name: str) -> frozenset[tuple[str, str]]:
        return frozenset((e["dataset"], e["id"]) for e in data.get(name, ()))

    datelines = {(e["dataset"], e["id"]): e["dateline"] for e in data["datelines"]}
    return DatelineGold(datelines, keys("no_dateline"), keys("unsure"))

