"""unboil: turn saved web pages into clean, structured articles.

    >>> import unboil
    >>> article = unboil.extract(html_bytes, url="https://example.com/story")
    >>> article.title, article.date, article.text

The pipeline, one module a stage: :mod:`~unboil.load` (parse; bytes decoded by
:mod:`~unboil.decoding`, files read by :mod:`~unboil.files`),
:mod:`~unboil.metadata`, :mod:`~unboil.prune` (boilerplate removal),
:mod:`~unboil.blocks` (segmentation), :mod:`~unboil.concepts` (labels),
:mod:`~unboil.score` (container and block judgement), :mod:`~unboil.dateline`,
:mod:`~unboil.assemble` (links and images), :mod:`~unboil.article` (the result).
"""

from __future__ import annotations

from .article import Article, Block
from .batch import Report, clean_folder
from .errors import (
    ExtractionError,
    ExtractionTimeout,
    InputError,
    NotHTMLError,
    PageTooLargeError,
    UnboilError,
)
from .explain import explain
from .extract import extract, extract_file
from .options import Options
from .templates import SiteTemplate, learn_templates
from .trace import Decision, Trace
from .vocabulary import DEFAULT_VOCABULARY, Concept, Vocabulary

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Concept",
    "DEFAULT_VOCABULARY",
    "Decision",
    "ExtractionError",
    "ExtractionTimeout",
    "InputError",
    "NotHTMLError",
    "Options",
    "PageTooLargeError",
    "Report",
    "SiteTemplate",
    "Trace",
    "UnboilError",
    "Vocabulary",
    "clean_folder",
    "explain",
    "extract",
    "extract_file",
    "learn_templates",
]
