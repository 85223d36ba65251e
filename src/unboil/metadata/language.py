"""The page's language, and what it implies for reading its dates."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .evidence import Evidence
from .words import LANGUAGE_KEYS, US_LIKE_LOCALES

__all__ = ["language", "day_first"]

_URL_LOCALE = re.compile(r"/([a-z]{2})[-_]([a-z]{2})(?:/|$)")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def language(root: Any, ev: Evidence, url: str | None = None) -> str | None:
    """The declared language: the root's ``lang``, else a meta name, else the locale a site
    files its pages under ("/en-gb/news/..."), as a last resort."""
    lang = root.get("lang") or root.get(_XML_LANG)
    if not lang:
        lang = ev.first_meta(*LANGUAGE_KEYS)
    if not lang and url:
        m = _URL_LOCALE.match(urlsplit(url).path.lower())
        lang = f"{m[1]}-{m[2]}" if m else None
    if not lang:
        return None
    lang = lang.strip().replace("_", "-").split(",")[0]
    return lang.lower() if _LANGUAGE_TAG.fullmatch(lang) else None


def day_first(lang: str | None) -> bool:
    """Whether "3/5/2022" is 3 May on this page: it is 5 March only in US English (and unknown pages)."""
    return lang is not None and lang != "" and not (lang == "en" or lang.startswith(US_LIKE_LOCALES))
