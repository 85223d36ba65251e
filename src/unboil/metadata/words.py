"""Every word list the metadata rules read, in one place.

The rules are language-independent; the words they look for are not.  Kept
together so a later change can move them into the vocabulary data file (and a
caller can override them) without touching a rule.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Mapping

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
CREATED = "creat"
"""What a key of a creation stamp (not a publication) says."""
MICRODATA_DATE = re.compile(r"(?:^|[\s:/])date(?:published|created)$", re.I)
"""The schema.org names of a publication date in microdata or RDFa."""
HATOM_PUBLISHED = re.compile(r"(?:^|\s)published(?:$|\s)")
HATOM_UPDATED = re.compile(r"(?:^|\s)updated(?:$|\s)")
"""The hAtom classes of an entry's publication and update stamps."""
TIME_UPDATED_CLASS = ("updat", "modif")
"""Class words of a ``<time>`` that shows a revision."""

# --- months -------------------------------------------------------------------------

MONTHS: Mapping[str, int] = MappingProxyType({
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Spanish / Italian / Portuguese / Dutch
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Russian, Ukrainian, Polish: the genitive that follows a day number ("15 августа 2016")
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8,
    "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
})
"""Month names and abbreviations, in the languages of the pages in scope, by number."""
DASH_MONTHS: Mapping[str, int] = MappingProxyType({
    **MONTHS,
    # Romance abbreviations seen only between dashes ("04-ago-2021"): "ago" is English elsewhere
    "ene": 1, "gen": 1, "fev": 2, "abr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "ott": 10,
    "out": 10, "dic": 12,
})
MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

# --- labels beside a date -----------------------------------------------------------

DATE_HINT = re.compile(r"date|time|publish|posted|byline|meta|dateline|timestamp|entry-date|post-date", re.I)
"""Class or id words of an element that holds a printed date."""
DATE_HINT_ASCII = ("date", "time", "publish", "posted", "byline", "meta")
"""``DATE_HINT``'s words less those that contain another ("dateline" holds "date"): the same test on ASCII text."""
VISIBLE_REVISED = re.compile(r"updat|modif|aktualisiert|mis à jour", re.I)
VISIBLE_PUBLISHED = re.compile(r"publi|posted|veröffentlicht", re.I)
UPDATED_WORDS = re.compile(
    r"updat|modif|aktualisiert|geändert|änderung|mis à jour|actualiz|aggiorn|bijgewerkt|revised|edited", re.I
)
PUBLISHED_WORDS = re.compile(r"publi|posted|veröffentlicht|erschienen|\bdatum\b|\bdate\b", re.I)
PUBLISH_LABEL = re.compile(
    r"\b(?:posted|published|publication date|date published|released|written|veröffentlicht|erschienen|publiziert"
    r"|erstellt|publié|mis en ligne|publicado|pubblicato|opublikowano|gepubliceerd|geplaatst)\b[^\d\n]{0,25}",
    re.I,
)
ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted)(?:\s+(?:on|in|at))?[\s:,]*"
    r"|\b(?:erstmals|ursprünglich)\s+(?:erschienen|veröffentlicht)(?:\s+(?:am|im))?[\s:,]*",
    re.I,
)
OTHER_EVENT = re.compile(
    r"\b(?:founded|joined|registered|member since|established|born|birthday|beigetreten|registriert|gegründet"
    r"|geboren|mitglied seit|inscrit|inscrito|membre depuis|miembro desde)\b[^\d\n]{0,12}$",
    re.I,
)
"""A label for a date that is not the page's: a forum member's joining, a company's founding, a birth."""
BY = re.compile(r"by\b", re.I)
"""A byline's opening: after "first posted" it names a person, not a date."""
DATE_WORDS = re.compile(rf"(?<!\w)(?:{MONTH_RE})\.?(?!\w)|\w*\d\w*|\b(?:on|am|at|um|le|el|il|the|den|der|uhr)\b", re.I)
"""What a date line is made of; a line with more words left over is a sentence that mentions a day."""
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
HEADING_JUNK = re.compile(r"\s*(?:¶|#|Copy item path|Permalink)\s*$")
"""A permalink mark a documentation theme prints after a heading."""
LABEL_CLASS = re.compile(
    r"(?:^|\s)(?:label|prefix|badge|tag)(?:$|\s|-)"
    r"|kicker|overline|dachzeile|topline|roofline|eyebrow|subheadline|sub-?heading|subtitle|topic",
    re.I,
)
"""Class words of a label that opens a heading: a kicker, a badge, a thread prefix."""
HOME_PATHS = ("/", "./", "/index.html", "/index.php", "index.html", "index.php")

# --- authors --------------------------------------------------------------------------

AUTHOR_JUNK = re.compile(
    r"^(?:by|von|par|por|di|door|written by|posted by|author|autor|auteur|"
    r"(?:zeige |alle )?(?:alle )?beiträge von|(?:view |see )?all posts by|tous les articles de|ver (?:todas las )?entradas de)\s*:?\s+|"
    r"\s*(?:email|e-mail|contact|follow|twitter|view all posts|more by|see all).*$|"
    r"\s*[|,]\s*(?:staff|reporter|correspondent|editor)\b.*$|"
    # a web address or mail address beside the name ("Ann Lee (http://annlee.net)", "Ann Lee info@lee.de"),
    # and an affiliation after a bar ("Ann Lee | The Daily Example")
    r"\s*[(\[-]?\s*(?:https?://|www\.)\S*\s*[)\]]?\s*$|\s+\S+@\S+\.\w+\s*$|\s+\|\s+.*$|\s*[→»›]\s*$",
    re.I,
)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*")
"""What joins several authors' names in one value."""
