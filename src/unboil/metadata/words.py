"""The markup names the metadata rules read: meta and JSON-LD names, microdata, hAtom and
``class`` words, address and locale codes.

These are the vocabulary of HTML, schema.org and publishing systems, which a site
does not translate: ``og:title`` and ``datePublished`` are spelt the same on every
page.  The *language* the rules read (labels such as "Published" or "Aktualisiert",
month names, "By" and other author junk) is data in the vocabulary file's
``[metadata]`` table, reached through :class:`unboil.lexicon.Lexicon`.
"""

from __future__ import annotations

import re

# --- JSON-LD types ----------------------------------------------------------------

PRIORITY_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "socialmediaposting", "liveblogposting", "discussionforumposting",
    "recipe", "howto", "product", "review", "posting",
})
"""Types whose fields describe the page's own story, read before a site's or a list's."""
SITE_TYPES = frozenset({"organization", "newsmediaorganization", "website"})
"""Types whose name is the site's, not the story's."""

# --- meta tag names -----------------------------------------------------------------

TITLE_KEYS = (
    "dc:title", "dcterms:title", "dc.title", "dcterms.title", "og:title", "twitter:title", "title",
    "parsely-title", "sailthru.title",
)
"""The Dublin Core title first (the document's catalogue record); og:title is written for sharing."""
SITE_NAME_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site")
DESCRIPTION_KEYS = ("description", "og:description", "twitter:description", "dc.description")
IMAGE_KEYS = ("og:image", "twitter:image")
URL_KEYS = ("og:url", "twitter:url")
LANGUAGE_KEYS = ("content-language", "og:locale", "language", "dc.language")
AUTHOR_KEYS = (
    "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "citation_author", "byl",
    "twitter:creator",
)
BYLINE_CLASS_SKIP = ("bio", "box", "avatar", "img", "image", "photo", "pic", "desc", "about", "social", "role", "job",
                     "position", "title", "date", "time", "count", "more", "other", "related", "comment", "follow", "share", "categor",
                     "separator", "testimonial", "customer", "review", "quote", "authoriz", "authorit")
"""``class``/``id`` words of an author-marked element that is not the byline's name: the author's box, picture,
job title, a date or a category beside the name, a comment's author, a list of the author's other posts, a
customer's testimonial; and "authorized", "authority", which are no author."""
BYLINE_PLACE_SKIP = ("comment", "footer", "sidebar", "related", "menu", "navbar", "nav-", "breadcrumb", "widget",
                     "reply", "review")
"""``class``/``id`` words of a place where an author-marked element names someone else: comments, a sidebar's
widgets, related stories, the menus."""
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "published_time", "og:published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "date.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date",
    "citation_date", "article.published", "originalpublicationdate", "date", "created", "pdate",
    "og:pubdate", "article_date_original", "cxenseparse:recs:publishtime", "weibo:article:create_at",
    "displaydate", "release_date", "datecreated", "live_date", "prism.publicationdate",
)
WEAK_PUBLISHED_KEYS = frozenset({"dc.date", "dcterms.date", "date", "created", "datecreated", "dc.date.created", "dcterms.created"})
"""Names that say only "a date" or "made on": a CMS fills them with the import, the
revision or the creation of the record, so the date printed beside the headline outranks them."""
STRONG_PUBLISHED_KEYS = tuple(k for k in PUBLISHED_KEYS if k not in WEAK_PUBLISHED_KEYS)
MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "modified_time", "last-modified",
    "dcterms.modified", "dc.date.modified", "article.updated", "lastmod", "revised",
)
PUBLISHED_KEY = re.compile(r"publi|pub[-_.]?date|date[-_.]?pub|creat|issued|release|(?:^|[.:_-])date$")
"""A meta name of a publisher's own making that names a publication date."""
NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|edit|revis|valid|review|birth|event|start|end|print|crawl|index|cache")
PUBLICATION_KEY = re.compile(r"publi|issued")
SCRIPT_DATE = re.compile(
    r'\\?"(?P<key>date_?published|published_?(?:at|date|time|on)|publish_?(?:date|time|at)|first_?published_?(?:at|date)?'
    r'|pub_?date|date_?created|created_?(?:at|date|on))\\?"\s*:\s*\\?"(?P<value>[^"\\]{8,40})\\?"',
    re.I,
)
"""Keys of an app's own JSON state that name a publication or creation stamp."""
SCRIPT_KEY = re.compile(r'"(?:date|pub|first|creat)', re.I)
"""How each key of ``SCRIPT_DATE`` starts, with the quote before it: where a match may begin
(a literal quote first, so the search skips from quote to quote)."""
CREATED = "creat"
"""What a key of a creation stamp (not a publication) says."""
MICRODATA_DATE = re.compile(r"(?:^|[\s:/])date(?:published|created)$", re.I)
"""The schema.org names of a publication date in microdata or RDFa."""
HATOM_PUBLISHED = re.compile(r"(?:^|\s)published(?:$|\s)")
HATOM_UPDATED = re.compile(r"(?:^|\s)updated(?:$|\s)")
"""The hAtom classes of an entry's publication and update stamps."""
TIME_UPDATED_CLASS = ("updat", "modif")
"""Class words of a ``<time>`` that shows a revision."""

# --- date markup ------------------------------------------------------------------------

DATE_HINT = re.compile(r"date|time|publish|posted|byline|meta|dateline|timestamp|entry-date|post-date", re.I)
"""Class or id words of an element that holds a printed date."""
DATE_HINT_ASCII = ("date", "time", "publish", "posted", "byline", "meta")
"""``DATE_HINT``'s words less those that contain another ("dateline" holds "date"): the same test on ASCII text."""
STAMP_ATTR = re.compile(r"publish|creat|(?:^|[-_])(?:date|ts|timestamp)$", re.I)
"""Attribute names that carry a machine stamp of the item's date."""
EAST_LANGUAGES = frozenset(
    "de fr it nl pl cs sk sl hr sr bs hu ro bg el da sv nb nn no fi et lv lt uk ru be tr ca eu gl lb mk sq".split()
)
"""Languages of countries one to three hours east of Greenwich (Central and Eastern Europe)."""
US_LIKE_LOCALES = ("en-us", "en-ph", "en-ca")
"""Locales that write a numeric date month first ("3/5/2022" is 5 March)."""

# --- titles ---------------------------------------------------------------------------

GENERIC_LABELS = frozenset({"www", "com", "co", "org", "net", "blog", "blogs", "blogspot", "web", "archive", "news", "de", "uk", "fr"})
"""Host labels that name no site ("www", "blog", a country)."""
LABEL_CLASS = re.compile(
    r"(?:^|\s)(?:label|prefix|badge|tag)(?:$|\s|-)"
    r"|kicker|overline|dachzeile|topline|roofline|eyebrow|subheadline|sub-?heading|subtitle|topic",
    re.I,
)
"""Class words of a label that opens a heading: a kicker, a badge, a thread prefix."""
HOME_PATHS = ("/", "./", "/index.html", "/index.php", "index.html", "index.php")
