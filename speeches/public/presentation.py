"""Small read-only helpers that shape model data for templates."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlencode

from babel import Locale
from babel.core import get_global
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import uri_to_iri
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info, gettext, pgettext, to_locale

from speeches.materials import files
from speeches.models import LanguageVersion, Material, Publication, in_language, publication_path
from speeches.public import identity, selectors
from speeches.public.search import Highlight
from speeches.publishing.public_state import many_once_per_change, once_per_change
from speeches.richtext import Outline, outline

DESCRIPTION_CHARS = 300
DESCRIPTION_WORDS = 30

# OpenGraph wants language_TERRITORY. CLDR's most likely territory is right for most
# languages, but not for English: the site writes British English ("18 November 2019",
# pressoffice/formats/en), so the likely "en_US" would misdescribe it.
OG_TERRITORIES = {"en": "GB"}


def site_name() -> str:
    """The ministry's name in the active language (the site identity, kept per change),
    for feeds and metadata; ``SITE_NAME`` or a translated default when none is set."""
    return identity.site_identity(get_language() or settings.LANGUAGE_CODE).name.text


@dataclass(frozen=True)
class VersionLink:
    code: str
    name: str  # the language's own name, e.g. "Deutsch"
    url: str
    current: bool
    bidi: bool


def version_links(
    publication: Publication,
    *,
    current: str,
    languages: list[str] | None = None,
    url_for: Callable[[str], str] | None = None,
) -> list[VersionLink]:
    """One link per public language version, ordered by language code as readers expect.

    A preview passes its own ``languages`` (those with a title) and ``url_for`` (its own
    address in another language): the public pages of a draft do not exist.
    """
    if languages is None:
        languages = publication.public_languages()
    url_for = url_for or publication.get_absolute_url
    links = []
    for code in sorted(languages):
        info = get_language_info(code)
        links.append(
            VersionLink(
                code=code,
                name=info["name_local"],
                url=url_for(code),
                current=code == current,
                bidi=info["bidi"],
            )
        )
    return links


@dataclass(frozen=True)
class LanguageLink:
    """One language of the header's language switcher: where its readers go from here."""

    code: str
    url: str
    missing: bool = False  # the page's item has no version readers may open in it


def publication_language_links(
    publication: Publication,
    *,
    languages: list[str],
    url_for: Callable[[str], str] | None = None,
) -> list[LanguageLink]:
    """The header's switcher on a publication's page: every language of the site, in the
    site's order, each leading to this publication's version in it when ``languages``
    (the versions readers may open) hold it, and otherwise to that language's page saying
    the item is missing in it, which names the item and links the versions that exist:
    the reader keeps the item, in their own language's words. (That language's home
    would drop the item; the switcher's usual address, this page's path in the other
    language, is the same missing page.)

    A missing version's link is the id-only address: the slug of an unfinished
    translation would put its title in the URL. A preview passes ``url_for``: its own
    address in each language.
    """
    links = []
    for code, _name in settings.LANGUAGES:
        missing = code not in languages
        if url_for is not None:
            url = url_for(code)
        elif missing:
            with translation.override(code):
                url = publication_path(publication.pk, "")
        else:
            url = publication.get_absolute_url(code)
        links.append(LanguageLink(code=code, url=url, missing=missing))
    return links


@dataclass(frozen=True)
class TextInLanguage:
    """A text shown in a language that may not be the page's: its ``lang`` and ``dir``."""

    text: str
    language: str
    bidi: bool

    @property
    def direction(self) -> str:
        return "rtl" if self.bidi else "ltr"


def publication_name(publication: Publication, *, languages: list[str]) -> TextInLanguage | None:
    """What names a publication on a page in a language it lacks: the title of one of
    ``languages`` (the versions readers may open: never an unfinished or hidden one's),
    the original's first, with the language it is written in; None without any."""
    for code in (publication.original_language, *languages):
        if code in languages and publication.title_in(code):
            return TextInLanguage(
                text=publication.title_in(code),
                language=code,
                bidi=get_language_info(code)["bidi"],
            )
    return None


@functools.cache
def og_locale(language: str) -> str:
    """OpenGraph's ``language_TERRITORY`` for a Django language code: "ru" → "ru_RU"."""
    locale = Locale.parse(to_locale(language))
    territory = locale.territory or OG_TERRITORIES.get(language)
    if not territory:
        likely = get_global("likely_subtags")
        maximal = likely.get(str(locale)) or likely.get(locale.language)
        territory = Locale.parse(maximal).territory if maximal else None
    return f"{locale.language}_{territory}" if territory else locale.language


@dataclass(frozen=True)
class PageMetadata:
    """What the head of a page that is not a publication's (home, lists, a term's page)
    says to search engines and link previews besides its title and description."""

    canonical_url: str
    og_locale: str


def page_metadata(request: HttpRequest, *, path: str, language: str) -> PageMetadata:
    """The canonical address of the page at ``path`` (absolute) and its OpenGraph locale."""
    return PageMetadata(
        canonical_url=request.build_absolute_uri(path), og_locale=og_locale(language)
    )


def list_canonical_path(path: str, *, page: int, narrowed: bool) -> str:
    """The canonical address of a page of a list at ``path`` (the archive, a term's page).

    Each page of the whole list is a page of its own (``?page=3``, not the first page,
    which would tell search engines that its items are not there); a list narrowed by
    filters or a search is a way into the list, not a page of its own, and names the
    whole list's first page, as GOV.UK keeps its finders' filters out of canonical URLs.
    """
    if narrowed or page <= 1:
        return path
    return f"{path}?page={page}"


def publication_description(publication: Publication, *, language: str) -> str:
    """The summary for search engines and link previews: the lead, else the body's start."""
    lead = " ".join(in_language(publication, "lead", language).split())
    if lead:
        return Truncator(lead).chars(DESCRIPTION_CHARS)
    text = in_language(publication, "plain_text", language)
    return plain_text_excerpt(text, words=DESCRIPTION_WORDS)


# A title such as "</script>" must not end the script element early; JSON reads these
# escapes back as the same characters.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """``data`` as JSON that is safe to print inside ``<script type="application/ld+json">``."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE))


def _iso(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ArticleMetadata:
    """What the head of a publication's page says about it to search engines and previews."""

    canonical_url: str
    description: str
    og_locale: str
    og_locale_alternates: list[str]
    published_time: str
    modified_time: str
    json_ld: SafeString
    image: dict | None = None  # the first photo: url, width, height, alt


def article_metadata(
    publication: Publication, *, language: str, request: HttpRequest, preview_token: str = ""
) -> ArticleMetadata:
    """Canonical URL, description, OpenGraph values and schema.org JSON-LD of one version.

    Reads only what ``selectors.publication_detail`` prefetched: no queries. In a shared
    preview, ``preview_token`` goes with the image's URL, which is not public yet.
    """
    canonical_url = request.build_absolute_uri(publication.get_absolute_url(language))
    description = publication_description(publication, language=language)
    published = _iso(publication.published_at)
    # Readers are told of major changes only (update history); search engines likewise.
    modified = _iso(publication.modified_at)
    publisher = {
        "@type": "GovernmentOrganization",
        "name": site_name(),
        "url": request.build_absolute_uri(reverse("speeches:home")),
    }
    speakers = [
        {"@type": "Person", "name": person.name, "jobTitle": person.position}
        if person.position
        else {"@type": "Person", "name": person.name}
        for person in publication.speakers.all()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": publication.title_in(language),
        "description": description,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": language,
        "url": canonical_url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url},
        # Statements and press releases without a named speaker are the ministry's own.
        "author": speakers or [publisher],
        "publisher": publisher,
        "isAccessibleForFree": True,
        "license": settings.CONTENT_LICENSE_URL,
    }
    image = _first_photo(
        publication, language=language, request=request, preview_token=preview_token
    )
    if image:
        data["image"] = [image["url"]]
    return ArticleMetadata(
        image=image,
        canonical_url=canonical_url,
        description=description,
        og_locale=og_locale(language),
        og_locale_alternates=[
            og_locale(code) for code in publication.public_languages() if code != language
        ],
        published_time=published,
        modified_time=modified,
        json_ld=json_ld(data),
    )


def list_separator() -> str:
    """What separates the items of a list in the active language (Arabic writes "، ")."""
    return pgettext("list separator", ", ")


def plain_text_excerpt(text: str, *, words: int = 50) -> str:
    """The first ``words`` words of a publication's plain text (derived from its body at save)."""
    return Truncator(" ".join(text.split())).words(words)


def _first_photo(
    publication: Publication, *, language: str, request: HttpRequest, preview_token: str = ""
) -> dict | None:
    """The first attached photo's large rendition, for link previews (prefetched: no query)."""
    for attachment in publication.attachments.all():
        material = attachment.material
        large = material.renditions.get("large")
        if material.kind == Material.Kind.PHOTO and large:
            return {
                "url": request.build_absolute_uri(
                    files.main_url(material, preview_token=preview_token)
                ),
                "width": large["width"],
                "height": large["height"],
                "alt": in_language(material, "alt_text", language),
            }
    return None


@dataclass(frozen=True)
class MaterialItem:
    """One additional material as the reader's page shows it (no queries to build)."""

    id: int
    kind: str
    caption: str  # always in the page's language (captions never fall back)
    alt: str
    credit: str
    language: str
    language_name: str  # the material's language, named in that language
    mime_type: str
    format: str
    size: int | None
    width: int | None
    height: int | None
    url: str  # the file (or the external link)
    download_url: str = ""
    poster_url: str = ""
    captions_url: str = ""
    sources: dict | None = None  # photos: {"webp": srcset, "jpeg": srcset, "src": …}
    display_width: int | None = None
    display_height: int | None = None
    # The language of the alternative text and of the credit where it is not the page's
    # (their lang attribute), else "".
    alt_language: str = ""
    credit_language: str = ""

    @property
    def credit_html(self) -> SafeString:
        """The credit as HTML, marked with its language where that is not the page's:
        it goes inside a translated sentence ("Photo: …")."""
        return in_its_language(self.credit, self.credit_language)

    @property
    def language_name_html(self) -> SafeString:
        """The material's language's own name ("Русский"), marked as written in it."""
        return in_its_language(self.language_name, self.language)


def in_its_language(text: str, language: str) -> SafeString:
    """``text`` as HTML, in a ``span`` naming its ``language`` and direction when one is
    given (a text in another language than the page's), else as it is."""
    if not language:
        return escape(text)
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction, text)


def _srcset(material, fmt: str, *, preview_token: str = "") -> str:
    return ", ".join(
        f"{files.url(material, f'{size}-{fmt}', preview_token=preview_token)} "
        f"{material.renditions[size]['width']}w"
        for size in ("thumb", "medium", "large")
        if size in material.renditions
    )


def material_items(
    publication: Publication, *, language: str, preview_token: str = ""
) -> dict[str, list[MaterialItem]]:
    """The publication's materials as its page in ``language`` shows them, by kind."""
    groups: dict[str, list[MaterialItem]] = {kind: [] for kind in Material.Kind.values}
    for item in material_list(publication, language=language, preview_token=preview_token):
        groups[item.kind].append(item)
    return {kind: items for kind, items in groups.items() if items}


def material_list(
    publication: Publication, *, language: str, preview_token: str = ""
) -> list[MaterialItem]:
    """The publication's materials in their order, as its page in ``language`` shows them.

    A caption in another language is left out rather than shown; alternative text falls
    back to the publication's original language, since an image without one is worse
    for a reader who cannot see it. A text in another language than the page's (that
    alternative text, a credit, the material's own language's name) says which it is in,
    for its ``lang``. In a shared preview, every file URL carries ``preview_token``: the
    files are not public yet. The API builds on this too.
    """
    token = preview_token
    items = []
    for attachment in publication.attachments.all():
        material = attachment.material
        alt, alt_language = "", ""
        if not material.decorative:
            alt = in_language(material, "alt_text", language)
            if not alt:
                alt = in_language(material, "alt_text", publication.original_language)
                alt_language = publication.original_language if alt else ""
        thumb = material.renditions.get("thumb", {})
        photo = material.kind == Material.Kind.PHOTO
        facts = files.facts(material)
        items.append(
            MaterialItem(
                id=material.pk,
                kind=material.kind,
                caption=material.title_in(language),
                alt=alt,
                credit=material.credit,
                credit_language=(
                    material.credit_language
                    if material.credit and material.credit_language != language
                    else ""
                ),
                alt_language=alt_language,
                language=material.language,
                language_name=(
                    get_language_info(material.language)["name_local"] if material.language else ""
                ),
                mime_type=facts.mime_type,
                format=facts.mime_type.split("/")[-1].upper(),
                size=facts.size,
                width=facts.width,
                height=facts.height,
                url=files.main_url(material, preview_token=token),
                download_url=(
                    files.url(material, "download", preview_token=token) if photo else ""
                ),
                poster_url=files.url(material, "poster", preview_token=token),
                captions_url=files.url(material, "captions", preview_token=token),
                sources=(
                    {
                        "webp": _srcset(material, "webp", preview_token=token),
                        "jpeg": _srcset(material, "jpeg", preview_token=token),
                        "src": files.url(material, "thumb-jpeg", preview_token=token),
                    }
                    if photo
                    else None
                ),
                display_width=thumb.get("width"),
                display_height=thumb.get("height"),
            )
        )
    return items


@dataclass(frozen=True)
class Notice:
    """A dated public note on a page: an update, or the reason for a withdrawal."""

    at: datetime
    text: str
    language: str  # the text's language, when it is not the page's (lang attribute)


def _in_language(values_by_language: dict[str, str], *, language: str, original: str) -> tuple:
    """The text in ``language`` when it is written, else in the original language.

    Unlike a publication's text, a dated note is worse missing than untranslated: the
    reader is told it is in another language by the ``lang`` attribute.
    """
    if values_by_language.get(language):
        return values_by_language[language], ""
    return values_by_language.get(original, ""), original


def update_history(publication: Publication, *, language: str) -> list[Notice]:
    """The item's major changes, newest first ("Updated 19 November 2019: …").

    Reads the ``change_notes`` that ``selectors.publication_detail`` prefetched.
    """
    notices = []
    for note in publication.change_notes.all():
        text, text_language = _in_language(
            {code: note.text_in(code) for code in (language, publication.original_language)},
            language=language,
            original=publication.original_language,
        )
        notices.append(Notice(at=note.changed_at, text=text, language=text_language))
    return notices


@dataclass(frozen=True)
class ReplacementLink:
    """The publication a withdrawn one names as its replacement, as a page links it."""

    url: str
    title: TextInLanguage
    other_language: bool  # readers of the page's language get another language's version


def replacement_link(publication: Publication, *, language: str) -> ReplacementLink | None:
    """Where a withdrawn item's page sends its readers for the text that replaces it: the
    replacement's version in ``language`` when readers may open it, else its original's
    (or another) public version, in that language; None when it is not public (not yet,
    or no longer: withdrawn, unpublished), for no link may lead to a page readers cannot
    open. Kept per change (the replacement's state is part of what readers see), so the
    page reads nothing for it once built."""
    if not publication.is_withdrawn() or publication.replaced_by_id is None:
        return None

    def build() -> ReplacementLink | None:
        replacement = selectors.public_replacement(pk=publication.replaced_by_id)
        if replacement is None:
            return None
        languages = replacement.public_languages()
        code = language if language in languages else None
        title = publication_name(replacement, languages=[code] if code else languages)
        if title is None:
            return None
        return ReplacementLink(
            url=replacement.get_absolute_url(title.language),
            title=title,
            other_language=title.language != language,
        )

    return once_per_change(f"replacement:{language}:{publication.replaced_by_id}", build)


def withdrawal(publication: Publication, *, language: str) -> Notice | None:
    """The dated explanation a withdrawn page opens with; None for any other item."""
    if publication.status != Publication.Status.WITHDRAWN:
        return None
    text, text_language = _in_language(
        {
            code: in_language(publication, "withdrawal_explanation", code)
            for code in (language, publication.original_language)
        },
        language=language,
        original=publication.original_language,
    )
    return Notice(at=publication.withdrawn_at, text=text, language=text_language)


ITEM_TEMPLATE = "speeches/includes/publication_item.html"


RELATED_TEMPLATE = "speeches/includes/related_publications.html"


def related_section(publication: Publication, *, language: str) -> SafeString:
    """The page's list of related publications (``selectors.related_publications``), as
    HTML: the same for every reader, so rendered once per change and kept."""

    def build() -> SafeString:
        related = selectors.related_publications(publication=publication, language=language)
        return mark_safe(render_to_string(RELATED_TEMPLATE, {"related": related}))

    return once_per_change(f"related:{language}:{publication.pk}", build)


# A search result's kept frame: its entry with slots where the marked title and snippet go.
SLOTS = Highlight(title=mark_safe("\ue002"), snippet=mark_safe("\ue003"))


def publication_entries(
    publications, *, language: str, heading_level: int = 2, compact: bool = False
) -> list[SafeString]:
    """Each publication's entry in a list (archive, term pages, search, home), as HTML.

    An entry is the same for every reader of a language (type, time, title, lead,
    speakers), so it is rendered once per change of what readers see and kept, the
    entries of a page fetched from the cache together. A search result marks the reader's
    words in its title and snippet (``highlight``): its kept frame has slots for them,
    filled for the request (a result without a snippet is rendered for it).
    """

    def render(publication, highlight) -> SafeString:
        context = {
            "publication": publication,
            "highlight": highlight,
            "heading_level": heading_level,
            "compact": compact,
        }
        return mark_safe(render_to_string(ITEM_TEMPLATE, context).strip())

    def marked(publication):
        return getattr(publication, "highlight", None)

    def name(publication) -> str:
        kind = "result" if marked(publication) else "entry"
        return f"{kind}:{language}:{heading_level}:{int(compact)}:{publication.pk}"

    publications = list(publications)
    unmarked = [p for p in publications if marked(p) is not None and not marked(p).snippet]
    kept = {name(p): p for p in publications if p not in unmarked}

    def build(missing: list[str]) -> dict[str, SafeString]:
        prefetch_related_objects([kept[entry] for entry in missing], "type", "speakers")
        return {
            entry: render(kept[entry], SLOTS if marked(kept[entry]) else None) for entry in missing
        }

    entries = many_once_per_change(list(kept), build)
    prefetch_related_objects(unmarked, "type", "speakers")
    entries.update({name(p): render(p, marked(p)) for p in unmarked})
    return [_filled(entries[name(p)], marked(p)) for p in publications]


def _filled(entry: SafeString, highlight) -> SafeString:
    if highlight is None or not highlight.snippet:
        return entry
    # Safe: the slots are in kept, escaped HTML; the marked title and snippet are escaped.
    return mark_safe(
        entry.replace(SLOTS.title, highlight.title).replace(SLOTS.snippet, highlight.snippet)
    )


FEATURED_TEMPLATE = "speeches/includes/featured_story.html"


@dataclass(frozen=True)
class FeaturedPhoto:
    """The featured story's photo: its first attached photo, large enough for the page's
    width (the medium rendition, with the others in ``srcset``)."""

    src: str
    webp: str  # srcset
    jpeg: str  # srcset
    width: int
    height: int
    alt: str
    caption: str
    credit: str


def featured_photo(publication: Publication, *, language: str) -> FeaturedPhoto | None:
    """The first attached photo, as ``material_list`` describes it to this language's
    readers (its alternative text falls back to the original language's), or None."""
    for attachment in publication.attachments.all():
        material = attachment.material
        shown = material.renditions.get("medium") or material.renditions.get("thumb")
        if material.kind != Material.Kind.PHOTO or not shown:
            continue
        alt = ""
        if not material.decorative:
            alt = in_language(material, "alt_text", language) or in_language(
                material, "alt_text", publication.original_language
            )
        size = "medium" if "medium" in material.renditions else "thumb"
        return FeaturedPhoto(
            src=files.url(material, f"{size}-jpeg"),
            webp=_srcset(material, "webp"),
            jpeg=_srcset(material, "jpeg"),
            width=shown["width"],
            height=shown["height"],
            alt=alt,
            caption=material.title_in(language),
            credit=material.credit,
        )
    return None


def featured_story(publication: Publication, *, language: str) -> SafeString:
    """The home page's featured story (``selectors.home_page``) as HTML: its photo, type,
    time, title and lead; the same for every reader, so rendered once per change."""

    def build() -> SafeString:
        context = {
            "publication": publication,
            "photo": featured_photo(publication, language=language),
            "lead": in_language(publication, "lead", language),
        }
        return mark_safe(render_to_string(FEATURED_TEMPLATE, context))

    return once_per_change(f"featured:{language}:{publication.pk}", build)


# What a journalist needs beside the text: which version this is, the short address to
# cite and print, the links to share it, the outline of a long text and all its photos.

# A table of contents is worth its space from this many headings on, a list of questions
# from this many questions.
CONTENTS_MIN_HEADINGS = 3
QUESTIONS_MIN = 2


def language_name(code: str, *, in_language_of: str) -> str:
    """The name of language ``code`` as readers of ``in_language_of`` write it (CLDR):
    "Russian", "русский", "الروسية"."""
    locale = Locale.parse(to_locale(in_language_of))
    return locale.languages.get(code) or str(get_language_info(code)["name_translated"])


@dataclass(frozen=True)
class TranslationNote:
    """What a translation's page says of itself: from which language, where the original
    is (when readers may open it), and whether the original changed since."""

    original: str  # the original language's name in the page's language
    original_code: str
    original_url: str
    outdated: bool


def translation_note(
    publication: Publication, *, language: str, versions: list[VersionLink]
) -> TranslationNote | None:
    """None on the original's page; on a translation's, what it is a translation of
    (from the prefetched versions and the page's language row: no query)."""
    original = publication.original_language
    if language == original:
        return None
    outdated = any(
        version.language == language and version.status == LanguageVersion.Status.OUTDATED
        for version in publication.versions.all()
    )
    link = next((v for v in versions if v.code == original), None)
    return TranslationNote(
        original=language_name(original, in_language_of=language),
        original_code=original,
        original_url=link.url if link else "",
        outdated=outdated,
    )


def short_url(publication: Publication, *, request: HttpRequest) -> str:
    """The item's short address (``/p/<id>/``), absolute: the same in every language, it
    opens the page in its reader's language. Cited, copied and printed."""
    return request.build_absolute_uri(reverse("short_link", kwargs={"pk": publication.pk}))


@dataclass(frozen=True)
class ShareLink:
    network: str  # what the link says: "Facebook", "Email"
    label: str  # its accessible name: "Share on Facebook (opens in a new tab)"
    url: str
    new_tab: bool = True


def share_links(*, title: str, url: str) -> list[ShareLink]:
    """Plain links to each network's own sharing page: no script of theirs on ours, and
    nothing is sent to them unless the reader follows one."""
    text = f"{title} {url}"

    def on(network: str, address: str, params: dict[str, str]) -> ShareLink:
        label = gettext("Share on %(network)s (opens in a new tab)") % {"network": network}
        return ShareLink(network, label, f"{address}?{urlencode(params, quote_via=quote)}")

    email = "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote)
    return [
        ShareLink(gettext("Email"), gettext("Share by email"), email, new_tab=False),
        on("X", "https://x.com/intent/post", {"text": title, "url": url}),
        on("Facebook", "https://www.facebook.com/sharer/sharer.php", {"u": url}),
        on("Telegram", "https://t.me/share/url", {"url": url, "text": title}),
        on("WhatsApp", "https://wa.me/", {"text": text}),
        on("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/", {"url": url}),
    ]


def page_outline(publication: Publication, *, language: str, kept: bool = True) -> Outline:
    """The headings and questions the page in ``language`` lists (ids made at save time,
    ``richtext.anchored``), none of either below its minimum: read from the body once per
    change of what readers see and kept. A preview's (``kept=False``) is read for it and
    never kept: its text is not what readers see."""

    def build() -> Outline:
        found = outline(in_language(publication, "body", language))
        return Outline(
            headings=found.headings if len(found.headings) >= CONTENTS_MIN_HEADINGS else (),
            questions=found.questions if len(found.questions) >= QUESTIONS_MIN else (),
        )

    if not kept:
        return build()
    return once_per_change(f"outline:{language}:{publication.pk}", build)


@dataclass(frozen=True)
class PhotoArchive:
    url: str
    count: int
    size: int  # the photos' bytes; the archive adds a few hundred


def photo_archive(publication: Publication, items: list[MaterialItem]) -> PhotoArchive | None:
    """The link to all the page's photos in one ZIP, when it shows more than one."""
    photos = [item for item in items if item.kind == Material.Kind.PHOTO and item.download_url]
    if len(photos) < 2:
        return None
    return PhotoArchive(
        url=reverse("publication_photos", kwargs={"pk": publication.pk}),
        count=len(photos),
        size=sum(item.size or 0 for item in photos),
    )


@dataclass(frozen=True)
class PrintedMaterial:
    """A material as paper lists it: what it is, and the address to type."""

    caption: str
    kind: str
    address: str  # readable: non-Latin letters as letters, not percent signs


def printed_materials(items: list[MaterialItem], *, request: HttpRequest) -> list[PrintedMaterial]:
    """The materials as a list for paper, in place of the gallery and the players."""
    printed = []
    for item in items:
        target = item.download_url or item.url
        if item.kind != Material.Kind.LINK:
            target = request.build_absolute_uri(target)
        printed.append(
            PrintedMaterial(
                caption=item.caption,
                kind=str(Material.Kind(item.kind).label),
                address=uri_to_iri(target),
            )
        )
    return printed
