"""Site templates: what a site repeats on its pages, learned from a folder of them (issue 11).

A folder of saved pages usually holds many pages of one site, and every page
of a site repeats its chrome: the fund-drive banner and its counter, "About
this blog", the newsletter box.  One page alone cannot always tell that a box
is boilerplate; a dozen pages of the same site can.

- :mod:`.sites`: which site a page belongs to, and which saves are one page;
- :mod:`.keys`: a block's text as compared across pages (digits folded);
- :mod:`.learn`: the lines most of a site's distinct pages repeat;
- :mod:`.model`: :class:`SiteTemplate`, a JSON file a person can read and edit;
- :mod:`.pages`: :func:`learn_templates` over any pages;
- :mod:`.apply`: the template as evidence in the scorer.
"""

from __future__ import annotations

from .model import SiteTemplate
from .pages import learn_templates

__all__ = ["SiteTemplate", "learn_templates"]
