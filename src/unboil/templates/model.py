"""The site template: what a site repeats on its pages, as data a person can read and edit.

One JSON file per site (``templates/<site>.json`` beside a run's report)::

    {
      "site": "example.com",
      "pages": 12,
      "learned": ["support us: 0% of our goal", "0 days left", "about this blog"],
      "lines": [],
      "selectors": [],
      "not": []
    }

``learned`` is what ``unboil clean`` found repeated on the site's pages (digits
written ``0``: they match any number), rewritten whenever the site is learned
again.  The other lists are a person's and are kept when it is: ``lines``
adds lines (written as on the page; digits and case do not matter),
``selectors`` adds boxes (``tag``, ``.class``, ``#id``, ``tag.class#id``,
descendants separated by spaces: ``div.sidebar p``), and ``not`` takes
learned lines out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .keys import as_key

__all__ = ["SiteTemplate", "selector_xpath", "template_file_name"]

_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")
_SIMPLE = re.compile(r"([A-Za-z][\w-]*|\*)?((?:[.#][\w-]+)*)")
_PART = re.compile(r"([.#])([\w-]+)")
_HELP = (
    "learned: lines this site repeats (rewritten when learned again; 0 stands for any number); "
    "lines, selectors (tag, .class, #id, descendants), not (learned lines to ignore): yours, kept"
)


def selector_xpath(selector: str) -> str:
    """The XPath of a simple CSS selector (``tag``, ``.class``, ``#id``, combined, descendants by spaces).

    A small subset on purpose (no dependency on cssselect): what a person
    writes to name a box.  Raises ValueError for anything else.
    """
    steps = []
    for part in selector.split():
        m = _SIMPLE.fullmatch(part)
        if m is None or not (m.group(1) or m.group(2)):
            raise ValueError(f"unsupported selector {selector!r}: use tag, .class, #id, and spaces between levels")
        tests = []
        for kind, name in _PART.findall(m.group(2)):
            if kind == ".":
                tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
            else:
                tests.append(f"@id='{name}'")
        steps.append((m.group(1) or "*").lower() + "".join(f"[{t}]" for t in tests))
    return "descendant-or-self::" + "//".join(steps)


def template_file_name(site: str) -> str:
    """The file name of a site's template: the site itself when it is a plain host name, else a safe digest."""
    if _FILE_NAME.fullmatch(site) and ".." not in site:
        return site + ".json"
    safe = re.sub(r"[^a-z0-9._-]+", "_", site.lower())[:60].strip("._") or "site"
    return f"{safe}~{hashlib.sha256(site.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}.json"


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"template field {name!r} must be a list of strings")
    return tuple(value)


@dataclass(frozen=True)
class SiteTemplate:
    """What one site repeats on its pages: extraction weighs these lines and boxes against being content.

    Pass it as ``Options(site_template=...)``; ``unboil.learn_templates`` and
    ``unboil clean`` learn one per site.
    """

    site: str
    pages: int = 0
    """Distinct pages it was learned from (duplicate saves of one page counted once)."""
    learned: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    selectors: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    keys: frozenset[str] = field(init=False, repr=False, compare=False)
    """The line keys to match: learned, less the ignored ones, plus a person's own lines."""
    xpath: str | None = field(init=False, repr=False, compare=False)
    """The selectors as one XPath union, or None."""

    def __post_init__(self) -> None:
        ignored = {as_key(t) for t in self.ignored}
        keys = {as_key(t) for t in self.learned} - ignored | {as_key(t) for t in self.lines}
        object.__setattr__(self, "keys", frozenset(k for k in keys if k))
        xpath = " | ".join(selector_xpath(s) for s in self.selectors) or None
        object.__setattr__(self, "xpath", xpath)

    @property
    def digest(self) -> str:
        """A short digest of what the template matches: a page cleaned with another template is done again."""
        data = json.dumps([sorted(self.keys), sorted(self.selectors)], ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:12]

    def relearned(self, learned: Iterable[str], pages: int) -> "SiteTemplate":
        """This template with newly learned lines, a person's lists kept."""
        return SiteTemplate(self.site, pages, tuple(learned), self.lines, self.selectors, self.ignored)

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site, "pages": self.pages, "learned": list(self.learned), "lines": list(self.lines),
            "selectors": list(self.selectors), "not": list(self.ignored), "help": _HELP,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> "SiteTemplate":
        """A template from its JSON object; raises ValueError when a field is not what it must be."""
        if not isinstance(data, dict) or not isinstance(data.get("site"), str):
            raise ValueError("a template is a JSON object with a 'site' string")
        pages = data.get("pages", 0)
        if isinstance(pages, bool) or not isinstance(pages, int):
            raise ValueError("template field 'pages' must be a whole number")
        return cls(
            data["site"], pages, _strings(data.get("learned"), "learned"), _strings(data.get("lines"), "lines"),
            _strings(data.get("selectors"), "selectors"), _strings(data.get("not"), "not"),
        )

    @classmethod
    def load(cls, path: "os.PathLike[str] | str") -> "SiteTemplate":
        """Read a template file; ValueError (naming the file) when it is not one."""
        try:
            with open(path, encoding="utf-8") as fh:
                return cls.from_dict(json.load(fh))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{os.fspath(path)}: not a site template: {exc}") from exc

    def save(self, folder: "os.PathLike[str] | str") -> str:
        """Write ``<folder>/<site>.json`` (atomically; untouched when its bytes would not change); its path."""
        path = os.path.join(os.fspath(folder), template_file_name(self.site))
        data = self.to_json().encode("utf-8")
        try:
            with open(path, "rb") as fh:
                if fh.read() == data:
                    return path
        except OSError:
            pass
        os.makedirs(os.fspath(folder), exist_ok=True)
        tmp = path + ".unboil-tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return path
