"""Metadata: title, dates, authors, site name, language, description, url.

A package: ``evidence`` walks the tree once; ``title``, ``dates``, ``authors`` and
``language`` decide each field from that evidence; ``words`` holds the markup names
the rules read, and the vocabulary's ``[metadata]`` words (:mod:`unboil.lexicon`) the
language.  The public names are re-exported here.
"""

from __future__ import annotations

from ..dateline import find_dateline
from ..text import title_key
from .dates.parse import parse_date
from .read import Metadata, extract_metadata

__all__ = ["Metadata", "extract_metadata", "parse_date", "title_key", "find_dateline"]
