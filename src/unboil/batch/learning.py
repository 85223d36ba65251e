"""Between a run's two passes: learn each site's template from ``.unboil-lines.jsonl``, in bounded memory.

``.unboil-lines.jsonl`` is in walk order, and a site's pages may be anywhere in it
(a flat folder of many sites).  So it is first split by site into
:data:`BUCKETS` temporary files, a hash of the site choosing the file; each
bucket is then read alone, its sites learned one by one (at most
``MAX_SITE_PAGES`` pages each) and their templates written.  Memory holds
one bucket, a few hundred pages' lines for a folder of 20,000.

Templates are learned again only when ``.unboil-lines.jsonl`` changed since they were
(a digest of it is kept in ``templates/.learned``): a resumed run, or a
later one on the same folder, uses the templates as they are, a person's
edits included.  Learning again keeps a person's own lines, selectors and
exclusions (:meth:`SiteTemplate.relearned`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import OrderedDict
from typing import Iterator

from ..errors import InputError
from ..templates.learn import MAX_SITE_PAGES, PageLines, learn_site
from ..templates.model import SiteTemplate, template_file_name

__all__ = ["BUCKETS", "LEARNED_FILE", "TemplateCache", "check_templates", "learn_folder", "lines_digest"]

BUCKETS = 64
"""Temporary files ``.unboil-lines.jsonl`` is split into by site: learning holds one in memory at a time."""
CACHED_TEMPLATES = 256
"""Templates the second pass keeps loaded: pages of one site mostly come together in walk order."""
LEARNED_FILE = ".learned"
"""The file in the templates folder that holds the digest of the ``.unboil-lines.jsonl`` they were learned from."""
LEARNING_VERSION = "1"
"""Part of that digest: templates learned by another version of the learner are learned again."""
_SCRATCH = ".unboil-learning"


def lines_digest(lines_path: str) -> str:
    """A digest of ``.unboil-lines.jsonl``: the templates were learned from this very file when ``.learned`` holds it."""
    h = hashlib.sha256(LEARNING_VERSION.encode())
    with open(lines_path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _learned_digest(templates_dir: str) -> str | None:
    try:
        with open(os.path.join(templates_dir, LEARNED_FILE), encoding="utf-8") as fh:
            return str(json.load(fh).get("lines"))
    except (OSError, ValueError, AttributeError):
        return None


def _bucket(site: str) -> int:
    return hashlib.sha256(site.encode("utf-8", "surrogatepass")).digest()[0] % BUCKETS


def _split(lines_path: str, scratch: str) -> list[str]:
    """``.unboil-lines.jsonl``'s pages that have a site, split by site into bucket files; their paths."""
    os.makedirs(scratch, exist_ok=True)
    paths = [os.path.join(scratch, f"{n:02d}.jsonl") for n in range(BUCKETS)]
    outs = [open(p, "wb") for p in paths]
    try:
        with open(lines_path, "rb") as fh:
            for raw in fh:
                site = json.loads(raw).get("site")
                if isinstance(site, str):
                    outs[_bucket(site)].write(raw)
    finally:
        for out in outs:
            out.close()
    return paths


def _sites(bucket: str) -> Iterator[tuple[str, list[PageLines]]]:
    """The sites of one bucket file, in name order, each with its first ``MAX_SITE_PAGES`` pages."""
    pages: dict[str, list[PageLines]] = {}
    with open(bucket, "rb") as fh:
        for raw in fh:
            data = json.loads(raw)
            site_pages = pages.setdefault(data["site"], [])
            if len(site_pages) < MAX_SITE_PAGES:
                site_pages.append(PageLines(data.get("identity"), frozenset(data.get("keys") or ())))
    yield from sorted(pages.items())


def _load(path: str) -> SiteTemplate | None:
    """A template file, or None when there is none; a broken one stops the run (a person's edit to fix).

    A JSON object without a ``site`` is no template: a page's output, when the input folder has
    a ``templates`` folder of its own at its top, lands in the same folder.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a site template: {exc}") from exc
    if isinstance(data, dict) and "site" not in data:
        return None
    try:
        return SiteTemplate.from_dict(data)
    except ValueError as exc:
        raise InputError(f"{path}: not a site template: {exc}") from exc


def _keep(template: SiteTemplate | None) -> bool:
    return template is not None and bool(template.learned or template.lines or template.selectors or template.ignored)


def learn_folder(lines_path: str, templates_dir: str) -> bool:
    """Learn every site's template from ``lines_path`` into ``templates_dir``, unless already learned from it.

    Returns whether it learned.  A site without a template any more loses its
    file, unless a person wrote something into it.
    """
    digest = lines_digest(lines_path)
    if _learned_digest(templates_dir) == digest:
        return False
    os.makedirs(templates_dir, exist_ok=True)
    marker = os.path.join(templates_dir, LEARNED_FILE)
    if os.path.exists(marker):
        os.unlink(marker)
    scratch = os.path.join(os.path.dirname(lines_path), _SCRATCH)
    try:
        for bucket in _split(lines_path, scratch):
            for site, pages in _sites(bucket):
                path = os.path.join(templates_dir, template_file_name(site))
                template = learn_site(site, pages, _load(path))
                if _keep(template):
                    assert template is not None
                    template.save(templates_dir)
                elif os.path.exists(path):
                    os.unlink(path)
            os.unlink(bucket)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    tmp = marker + ".unboil-tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"lines": digest}, fh)
    os.replace(tmp, marker)
    return True


def check_templates(templates_dir: str) -> None:
    """Read every template of a folder once, so a broken hand edit stops the run before it starts."""
    try:
        names = sorted(os.listdir(templates_dir))
    except OSError as exc:
        raise InputError(f"cannot read the templates folder {templates_dir}: {exc.strerror or exc}") from exc
    for name in names:
        if name.endswith(".json"):
            _load(os.path.join(templates_dir, name))


class TemplateCache:
    """Site templates read from a folder as the second pass meets their sites (the last few kept)."""

    def __init__(self, templates_dir: str) -> None:
        self.dir = templates_dir
        self.cache: OrderedDict[str, SiteTemplate | None] = OrderedDict()

    def get(self, site: str) -> SiteTemplate | None:
        if site in self.cache:
            self.cache.move_to_end(site)
            return self.cache[site]
        template = _load(os.path.join(self.dir, template_file_name(site)))
        if template is not None and template.site != site:
            template = None  # another site's file under this name: a collision of safe names, not this site's
        self.cache[site] = template
        if len(self.cache) > CACHED_TEMPLATES:
            self.cache.popitem(last=False)
        return template
