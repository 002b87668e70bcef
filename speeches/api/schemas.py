"""What the JSON API accepts and returns, and how a publication becomes a response item.

The OpenAPI document at ``/api/openapi.json`` is generated from these classes, which is
why every field carries its description. The functions at the end build responses from
what the selectors loaded: relations come from their prefetch caches, so a page of
results costs the same number of queries whatever its size.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema

from speeches.models import (
    LANGUAGE_CODES,
    Country,
    Material,
    Person,
    Publication,
    PublicationType,
    Topic,
    in_language,
)
from speeches.public.filters import MAX_YEAR, MIN_YEAR, MONTHS
from speeches.public.presentation import Notice, material_list, update_history, withdrawal
from speeches.public.search import MAX_QUERY_LENGTH, RESULT_LIMIT

# An enum in the OpenAPI document, read from settings.LANGUAGES like everything else.
LanguageCode = Literal[tuple(LANGUAGE_CODES)]

DEFAULT_PAGE_SIZE = settings.PUBLICATIONS_PER_PAGE
MAX_PAGE_SIZE = 100
# The largest key a 64-bit id column holds: a larger number is no id, and would overflow
# the database driver (a 500) instead of simply not being found.
MAX_ID = 2**63 - 1


# Query parameters


def filter_param(description: str, **schema: Any) -> Any:
    """An optional filter of the archive, passed through as text to its FilterSet.

    The schema shows no ``null`` default: an absent parameter means "no filter", and
    a query string cannot carry a null anyway. ``example``, not ``examples``: ninja copies
    either to the parameter, where OpenAPI wants ``examples`` to be a map, not a list.
    """

    def document(field_schema: dict[str, Any]) -> None:
        field_schema.pop("default", None)
        field_schema.update(schema)

    return Field(None, description=description, json_schema_extra=document)


class LanguageQuery(Schema):
    lang: LanguageCode = Field(
        settings.LANGUAGE_CODE,
        description="Language of the names of types, persons, topics and countries, and of "
        "messages (ISO 639-1 code).",
    )


class PublicationListQuery(Schema):
    """Paging, and the archive's own filters (speeches.public.filters.PublicationFilter).

    The filters are plain strings here on purpose: the archive's FilterSet, the one place
    that knows their valid values, validates them, so the API accepts exactly what the
    archive pages accept and reports invalid values parameter by parameter. Formats and
    choices are given to the schema for documentation and for client generators.
    """

    lang: LanguageCode = Field(
        settings.LANGUAGE_CODE,
        description="Language (ISO 639-1 code): only publications with a public version in it "
        "are listed, with their title, lead and place in it. Names of types, persons, topics "
        "and countries, and messages, are in it too.",
    )
    page: int = Field(1, ge=1, le=MAX_ID, description="Page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Publications per page, at most {MAX_PAGE_SIZE}.",
    )
    q: str | None = filter_param(
        'Full-text search in `lang`: words, "a phrase" in quotes, -word to leave out what '
        "contains a word, `or` between alternatives. Results then carry a `highlight`.",
        maxLength=MAX_QUERY_LENGTH,
        example="security",
    )
    type: list[str] | None = filter_param(
        "Publication type code (see /api/types). Repeat the parameter for any of several "
        "types: `type=speech&type=interview`.",
        example=["speech"],
    )
    speaker: str | None = filter_param("Id of a speaker (see /api/persons).", example="1")
    topic: str | None = filter_param(
        "Slug of a topic (see /api/topics).", example="european-security"
    )
    country: str | None = filter_param(
        "ISO 3166-1 alpha-2 code of a country, in capitals (see /api/countries).",
        example="BY",
    )
    date_from: str | None = filter_param(
        "Published on or after this day (YYYY-MM-DD, in the ministry's time zone).",
        format="date",
        example="2019-11-01",
    )
    date_to: str | None = filter_param(
        "Published on or before this day (YYYY-MM-DD, in the ministry's time zone).",
        format="date",
        example="2019-11-30",
    )
    year: str | None = filter_param(
        f"Published in this year, {MIN_YEAR} to {MAX_YEAR}.", example="2019"
    )
    month: str | None = filter_param(
        "Published in this month, 1 to 12 (with `year` for one month of one year).",
        enum=[number for number, _name in MONTHS],
    )
    sort: str | None = filter_param(
        "`relevance` (the default with `q`) or `date`, newest first (the default without).",
        enum=["relevance", "date"],
    )


# Responses


class Error(Schema):
    detail: str = Field(description="What went wrong, in `lang` when that is valid.")
    errors: dict[str, list[str]] = Field(
        default_factory=dict,
        description="With 400: for each invalid parameter, why it was refused.",
    )


class TypeOut(Schema):
    code: str = Field(description="Stable code; the value of the `type` filter.")
    name: str = Field(description="Name in `lang`.")


class SpeakerOut(Schema):
    id: int = Field(description="The value of the `speaker` filter.")
    name: str = Field(description="Name in `lang`.")
    position: str = Field(description="Job title in `lang`; may be empty.")


class TopicOut(Schema):
    slug: str = Field(description="Stable slug; the value of the `topic` filter.")
    name: str = Field(description="Name in `lang`.")


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2 code; the value of the `country` filter.")
    name: str = Field(description="Name in `lang`.")


class LanguageLink(Schema):
    code: str = Field(description="Language of a public version.")
    url: str = Field(description="Absolute URL of that version's page.")


class Highlight(Schema):
    title: str = Field(description="The title as HTML: text escaped, matches in <mark>.")
    snippet: str = Field(
        description="An excerpt of the text around the matches, as HTML with <mark>."
    )


DELIVERY_DESCRIPTION = (
    "What the text is to what was said, as the editors label it on the page (quote a "
    "“Check against delivery” text only as delivered); null without a label."
)
DeliveryCode = Literal[tuple(code for code in Publication.Delivery.values if code)]


class DeliveryOut(Schema):
    code: DeliveryCode = Field(  # type: ignore[valid-type]
        description="Stable code: check_against_delivery (released before it was said), "
        "as_prepared, as_delivered, transcript, excerpts (from the transcript)."
    )
    label: str = Field(description="The label as the page shows it, in `lang`.")


class PublicationItem(Schema):
    id: int
    url: str = Field(description="Absolute canonical URL of the publication in `lang`.")
    language: str = Field(description="The language of title, lead and place: `lang`.")
    type: TypeOut
    published_at: datetime = Field(
        description="Date and time of publication, ISO 8601 with the ministry's UTC offset."
    )
    updated_at: datetime = Field(
        description="When readers were last told of a change: the publication time, or the "
        "newest change note's (the page's update history). ISO 8601 with UTC offset."
    )
    title: str
    lead: str = Field(description="Summary as plain text; may be empty.")
    place: str = Field(description="Where it was said or written; may be empty.")
    delivery: DeliveryOut | None = Field(description=DELIVERY_DESCRIPTION)
    speakers: list[SpeakerOut]
    topics: list[TopicOut]
    countries: list[CountryOut]
    languages: list[LanguageLink] = Field(
        description="Every public language version, `lang` included, in the site's order."
    )
    highlight: Highlight | None = Field(description="The matches of `q`; null without `q`.")


class PublicationPage(Schema):
    count: int = Field(
        description="Number of matching publications, on all pages (a search: at most its "
        f"newest {RESULT_LIMIT:,} matches)."
    )
    page: int
    page_size: int
    num_pages: int
    next: str | None = Field(description="Absolute URL of the next page; null on the last.")
    previous: str | None = Field(
        description="Absolute URL of the previous page; null on the first."
    )
    results: list[PublicationItem]


class VersionOut(Schema):
    language: str
    url: str = Field(description="Absolute canonical URL of this version's page.")
    title: str
    lead: str = Field(description="Summary as plain text; may be empty.")
    place: str = Field(description="Where it was said or written; may be empty.")
    body: str = Field(
        description="The text as HTML, as stored: sanitised on every write with the site's "
        "allow-list (paragraphs, h2–h4, lists, links, emphasis, quotes, rules)."
    )


class MaterialOut(Schema):
    id: int
    kind: str = Field(description="photo, video, audio, document or link.")
    captions: dict[str, str] = Field(
        description="Caption (or title) per public language version; a language without "
        "one is absent."
    )
    alt_texts: dict[str, str] = Field(
        description="Alternative text of a photo as each language's page gives it: the "
        "original language's where none is written in that language."
    )
    credit: str
    language: str = Field(description="Language of the material itself; empty if none.")
    mime_type: str = Field(description="Format of the file served at `url` or `download_url`.")
    size: int | None = Field(description="Bytes of the file a reader downloads.")
    width: int | None = Field(description="Pixels of a photo's download.")
    height: int | None
    url: str = Field(
        description="Absolute URL: a photo's large rendition, the file, or the external link."
    )
    download_url: str = Field(description="A photo's full-size download without GPS data.")
    thumbnail_url: str = Field(description="A small JPEG of a photo, or a video's poster.")


class NoticeOut(Schema):
    at: datetime = Field(description="ISO 8601 with the ministry's UTC offset.")
    texts: dict[str, str] = Field(
        description="The note as the page in each public language shows it, by language "
        "code: in the original language where it is not translated yet."
    )
    text_languages: dict[str, str] = Field(
        description="For the languages whose page shows the note in another language: "
        "that language's code."
    )


class PublicationDetail(Schema):
    id: int
    type: TypeOut
    published_at: datetime = Field(
        description="Date and time of publication, ISO 8601 with the ministry's UTC offset."
    )
    updated_at: datetime = Field(
        description="When readers were last told of a change: the publication time, or the "
        "newest change note's (the page's update history). ISO 8601 with UTC offset."
    )
    reference: str = Field(description="The ministry's reference number; may be empty.")
    original_language: str = Field(description="The language it was written in.")
    delivery: DeliveryOut | None = Field(description=DELIVERY_DESCRIPTION)
    speakers: list[SpeakerOut]
    topics: list[TopicOut]
    countries: list[CountryOut]
    versions: list[VersionOut] = Field(
        description="Every public language version, in the site's order of languages. "
        "Translations still in progress are left out."
    )
    materials: list[MaterialOut] = Field(
        description="Additional materials in the editors' order; files are served only "
        "while the publication is public."
    )
    withdrawn: NoticeOut | None = Field(
        description="Set when the ministry has withdrawn the publication: when, and why. "
        "A withdrawn publication is left out of lists, search and feeds."
    )
    updates: list[NoticeOut] = Field(
        description="Major changes since publication, newest first, with their public notes."
    )


class TypeTerm(TypeOut):
    plural_name: str = Field(description="Plural name in `lang`.")
    publication_count: int = Field(description="Public publications of this type in `lang`.")


class PersonTerm(SpeakerOut):
    publication_count: int = Field(description="Public publications in `lang` with this speaker.")


class TopicTerm(TopicOut):
    publication_count: int = Field(description="Public publications in `lang` on this topic.")


class CountryTerm(CountryOut):
    publication_count: int = Field(description="Public publications in `lang` about this country.")


# Building responses from what the selectors loaded. Names come from modeltranslation in
# the active language, which the API sets from `lang`.


def local_time(value: datetime) -> datetime:
    """In the ministry's time zone, as the site shows it; ISO 8601 keeps the offset."""
    return timezone.localtime(value)


def version_url(request: HttpRequest, publication: Publication, language: str) -> str:
    return request.build_absolute_uri(publication.get_absolute_url(language))


def type_out(publication_type: PublicationType) -> dict[str, Any]:
    return {"code": publication_type.code, "name": str(publication_type)}


def speaker_out(person: Person) -> dict[str, Any]:
    return {"id": person.pk, "name": person.name, "position": person.position or ""}


def topic_out(topic: Topic) -> dict[str, Any]:
    return {"slug": topic.slug, "name": str(topic)}


def country_out(country: Country) -> dict[str, Any]:
    return {"code": country.code, "name": str(country)}


def _taxonomies(publication: Publication) -> dict[str, Any]:
    return {
        "type": type_out(publication.type),
        "speakers": [speaker_out(person) for person in publication.speakers.all()],
        "topics": [topic_out(topic) for topic in publication.topics.all()],
        "countries": [country_out(country) for country in publication.countries.all()],
    }


def delivery_out(publication: Publication) -> dict[str, str] | None:
    """The editors' delivery label, its name in the active language; None without one."""
    if not publication.delivery:
        return None
    return {"code": publication.delivery, "label": publication.get_delivery_display()}


def _text(publication: Publication, language: str) -> dict[str, str]:
    return {
        "title": publication.title_in(language),
        "lead": in_language(publication, "lead", language),
        "place": in_language(publication, "place", language),
    }


def publication_item(publication: Publication, *, language: str) -> dict[str, Any]:
    """One result of the list in ``language``, its addresses as paths and without a search
    highlight: the same for every reader, so kept per change (``absolute_item`` makes it
    the answer to one request)."""
    return {
        "id": publication.pk,
        "url": publication.get_absolute_url(language),
        "language": language,
        "published_at": local_time(publication.published_at),
        "updated_at": local_time(publication.modified_at),
        **_text(publication, language),
        "delivery": delivery_out(publication),
        **_taxonomies(publication),
        "languages": [
            {"code": code, "url": publication.get_absolute_url(code)}
            for code in publication.public_languages()
        ],
    }


def absolute_item(item: dict[str, Any], *, request: HttpRequest, highlight) -> dict[str, Any]:
    """A kept ``publication_item`` with its addresses absolute for ``request``, and the
    search ``highlight`` of its request, if any."""
    return {
        **item,
        "url": request.build_absolute_uri(item["url"]),
        "languages": [
            {"code": version["code"], "url": request.build_absolute_uri(version["url"])}
            for version in item["languages"]
        ],
        "highlight": (
            {"title": str(highlight.title), "snippet": str(highlight.snippet)}
            if highlight
            else None
        ),
    }


def publication_detail(publication: Publication, *, request: HttpRequest) -> dict[str, Any]:
    """The publication with every public language version, bodies included."""
    return {
        "id": publication.pk,
        "published_at": local_time(publication.published_at),
        "updated_at": local_time(publication.modified_at),
        "reference": publication.reference,
        "original_language": publication.original_language,
        "delivery": delivery_out(publication),
        **_taxonomies(publication),
        "versions": [
            {
                "language": code,
                "url": version_url(request, publication, code),
                **_text(publication, code),
                "body": in_language(publication, "body", code),
            }
            for code in publication.public_languages()
        ],
        **_page_data(publication, request),
    }


def _page_data(publication: Publication, request: HttpRequest) -> dict[str, Any]:
    """Materials, withdrawal and update notes as the item's page in each public language
    shows them: the same presenters (speeches.public.presentation), the same fallbacks."""
    languages = publication.public_languages()
    lists = {code: material_list(publication, language=code) for code in languages}
    histories = {code: update_history(publication, language=code) for code in languages}
    explanations = {code: withdrawal(publication, language=code) for code in languages}
    absolute = request.build_absolute_uri
    materials = []
    for index, material in enumerate(next(iter(lists.values()), [])):
        in_each = {code: items[index] for code, items in lists.items()}
        photo = material.kind == Material.Kind.PHOTO
        materials.append(
            {
                "id": material.id,
                "kind": material.kind,
                "captions": {c: item.caption for c, item in in_each.items() if item.caption},
                "alt_texts": {c: item.alt for c, item in in_each.items() if item.alt},
                "credit": material.credit,
                "language": material.language,
                "mime_type": material.mime_type,
                "size": material.size,
                "width": material.width,
                "height": material.height,
                "url": absolute(material.url) if material.url else "",
                "download_url": absolute(material.download_url) if photo else "",
                "thumbnail_url": absolute(material.sources["src"] if photo else material.poster_url)
                if (photo or material.poster_url)
                else "",
            }
        )
    withdrawn = None
    if publication.status == Publication.Status.WITHDRAWN:
        withdrawn = {
            "at": local_time(publication.withdrawn_at),
            **_notice_texts(explanations),
        }
    updates = [
        {
            "at": local_time(notice.at),
            **_notice_texts({code: history[index] for code, history in histories.items()}),
        }
        for index, notice in enumerate(next(iter(histories.values()), []))
    ]
    return {"materials": materials, "withdrawn": withdrawn, "updates": updates}


def _notice_texts(notices: dict[str, Notice | None]) -> dict[str, dict[str, str]]:
    return {
        "texts": {code: notice.text for code, notice in notices.items() if notice and notice.text},
        "text_languages": {
            code: notice.language
            for code, notice in notices.items()
            if notice and notice.text and notice.language
        },
    }
