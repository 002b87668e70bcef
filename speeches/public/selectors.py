"""Reads for the public site: each returns everything its page prints, in constant queries.

Everything here reads what readers may see (``public_publication_q``, public language
versions); the translation dashboard's reads are ``speeches.languages.dashboard``'s.
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import dataclass
from functools import reduce
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import format_html

from speeches.models import (
    LANGUAGE_CODES,
    Country,
    LanguageVersion,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    PublicationType,
    Topic,
    column,
    columns,
)
from speeches.public import search
from speeches.publishing.public_state import once_per_change


class KeptCountPaginator(Paginator):
    """Django's paginator, its count kept per change (``public_state``) under
    ``count_key`` when one is given: for lists the same for every reader (an archive or
    term page without filters or with one facet, the sitemap's versions), whose count
    was their longest query. A list that ``Listed`` holds is counted there."""

    def __init__(self, *args, count_key: str | None = None, listed: Listed | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key
        self.listed = listed

    @cached_property
    def count(self) -> int:
        def count() -> int:
            return self.listed.count() if self.listed else Paginator.count.func(self)

        if self.count_key is None:
            return count()
        return once_per_change(self.count_key, count)


@dataclass(frozen=True)
class Listed:
    """The archive in ``language``, whole or between two instants, as PostgreSQL's search
    entries hold it (migration 0021: one row per listed language version, kept by the
    database on every write), with the embargo checked at the request's instant: its
    count and a page's ids come from one partition's index alone, where the publications
    and their versions had to be joined row by row (the 200th page's ids: 15 ms to 0.6 ms
    at 100,000 items)."""

    language: str
    since: datetime.datetime | None = None
    before: datetime.datetime | None = None

    def _where(self) -> tuple[str, list]:
        return search.listed_where(self.language, since=self.since, before=self.before)

    def _rows(self, sql: str, params: list) -> list[tuple]:
        with connections[search.reading_alias()].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self) -> int:
        where, params = self._where()
        return self._rows(f"SELECT count(*) FROM {search.ENTRIES} WHERE {where}", params)[0][0]

    def ids(self, start: int, stop: int, *, newest_first: bool = True) -> list[int]:
        """The ids from ``start`` to ``stop`` (exclusive) from the newest, or the oldest."""
        where, params = self._where()
        order = "DESC" if newest_first else "ASC"
        return [
            pk
            for (pk,) in self._rows(
                f"SELECT publication_id FROM {search.ENTRIES} WHERE {where}"
                f" ORDER BY published_at {order}, publication_id {order}"
                " LIMIT %s OFFSET %s",
                [*params, stop - start, start],
            )
        ]


def list_count_key(*, language: str, facet: str, fixed: str | None = None, term=None) -> str:
    """The key of a list's kept count: the archive in ``language`` with its one ``facet``
    (``PublicationFilter.facet``), on a page that ``fixed`` a filter to ``term``, or not.
    The archive's pages and the API's list share it."""
    return f"count:{language}:{fixed}:{term}:{facet}"


def _public_versions() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=LanguageVersion.objects.viewable().only(
            "id", "publication_id", "language", "status", "hidden"
        ),
    )


def publication_list(*, language: str) -> QuerySet[Publication]:
    """The archive in ``language``: public items with a public version in it, newest first.

    Their types and speakers are not read with them: a page's entries are mostly kept
    (``presentation.publication_entries``, which reads them for the others)."""
    return (
        Publication.objects.available_in(language).without_texts().order_by("-published_at", "-id")
    )


def api_publication_list(*, language: str) -> QuerySet[Publication]:
    """``publication_list`` for the JSON API's results, which are kept per change: the
    rows read for them get what a result carries from ``prefetch_api_items``.

    Like the archive's list, it leaves every body and plain text in the database (a result
    has neither; a search snippet reads its own), the untranslated ``body`` too.
    """
    return publication_list(language=language).defer("body")


def prefetch_api_items(publications: list[Publication]) -> None:
    """What an API result carries: type, speakers, topics, countries and the public
    language versions (one query each for a whole page)."""
    prefetch_related_objects(
        publications, "type", "speakers", "topics", "countries", _public_versions()
    )


def attach_highlights(publications, *, text: str, language: str) -> None:
    """Give each publication of a results page its highlighted title and snippet (1 query)."""
    publications = list(publications)
    found = search.highlights(publications, text=text, language=language)
    for publication in publications:
        publication.highlight = found.get(publication.pk)


@dataclass(frozen=True)
class Elsewhere:
    """How many items the same search finds in another language, and where."""

    code: str
    count: int
    url: str


def search_elsewhere(text: str, *, language: str) -> list[Elsewhere]:
    """The other site languages in which ``text`` finds public items, with how many (at
    most ``search.RESULT_LIMIT``): what a search that finds nothing offers instead."""
    found = []
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        results = search.apply_search(
            publication_list(language=code),
            text=text,
            language=code,
            by_relevance=False,
            whole=True,
        )
        if count := len(results):
            with translation.override(code):
                url = f"{reverse('speeches:archive')}?{urlencode({'q': text})}"
            found.append(Elsewhere(code=code, count=count, url=url))
    return found


def _carriers(model: type[models.Model], language: str) -> QuerySet:
    """The publications available in ``language`` that carry the outer query's term: the
    rule of what is public stays ``available_in``'s."""
    link = model._meta.get_field("publications").field.name  # speakers, topics, countries, type
    return Publication.objects.available_in(language).filter(**{link: OuterRef("pk")})


def public_terms(*, model: type[models.Model], language: str) -> QuerySet:
    """Terms (persons, topics, countries, types) a reader of ``language`` may see.

    A term is public only through a publication public in that language: one attached to
    drafts, items in review, scheduled, withdrawn or untranslated items alone is not
    offered as a filter, has no page and is named in no feed, sitemap or API answer.

    Asked term by term, for the first public publication that carries it (a correlated
    ``LIMIT 1`` over the link table's and the language versions' indexes): the work grows
    with the number of terms, not of publications. As a plain EXISTS, PostgreSQL hashed
    every public publication for each filter of each archive page (37 ms for the types
    alone at 10,000 items).
    """
    first = Subquery(_carriers(model, language).values("pk")[:1])
    return model.objects.annotate(_first_public=first).filter(_first_public__isnull=False)


def taxonomy_with_counts(*, model: type[models.Model], language: str) -> list:
    """Terms (persons, topics, countries, types) with their count of publications in
    ``language``, built once per change (``public_state``).

    Counts come from the same rule as the pages, so nothing unpublished is counted;
    terms without any publication in this language are left out (as ``public_terms``).
    """

    def build() -> list:
        available = Publication.objects.available_in(language).values("pk")
        with translation.override(language):  # sorted by the names in that language
            return list(
                model.objects.annotate(
                    publication_count=Count("publications", filter=Q(publications__in=available))
                )
                .filter(publication_count__gt=0)
                .order_by(*model._meta.ordering)
            )

    return once_per_change(f"counts:{model._meta.label}:{language}", build)


# What names a term in its page's URL (speeches:person, :topic, :country).
TERM_URL_ARGUMENT = {Person: "pk", Topic: "slug", Country: "code"}

# The archive's filters whose choices are terms: name, model, the value a choice sends.
TERM_FILTERS = (
    ("type", PublicationType, "code"),
    ("speaker", Person, "pk"),
    ("topic", Topic, "slug"),
    ("country", Country, "code"),
)


def public_term(*, model: type[models.Model], language: str, value) -> models.Model:
    """The term of ``model`` named ``value`` in its page's URL, if a reader of ``language``
    may see it (``public_terms``' rule); 404 otherwise, as for an unknown one, so that a
    draft's speaker or topic is not even confirmed. Public terms are the archive's filter
    choices, kept per change: a page asks for its term's row alone."""
    name = next(name for name, term_model, _value in TERM_FILTERS if term_model is model)
    if str(value) not in dict(filter_options(language=language).choices[name]):
        raise Http404(f"No public {name} {value!r} in {language}.")
    return get_object_or_404(model, **{TERM_URL_ARGUMENT[model]: value})


# Of those, the ones offered as a <select>: their options' HTML is built with them.
SELECT_FILTERS = ("speaker", "topic", "country")


@dataclass(frozen=True)
class FilterOptions:
    """The archive's term filters in one language: ``choices`` (value, label) by filter
    name, and for the selects each option's HTML by value, in the same order."""

    choices: dict[str, list[tuple[str, str]]]
    options: dict[str, list[tuple[str, str]]]


def filter_options(*, language: str) -> FilterOptions:
    """What the archive's term filters offer readers of ``language`` (and accept): the
    terms of publications public in it (``public_terms``' rule), named and sorted in that
    language, built once per change (``public_state``) rather than on every page, with
    their options' HTML."""

    def build() -> FilterOptions:
        available = Publication.objects.available_in(language)
        choices = {}
        with translation.override(language):
            for name, model, value in TERM_FILTERS:
                link = model._meta.get_field("publications").field.name
                terms = model.objects.filter(pk__in=available.values(link))
                choices[name] = [(str(getattr(t, value)), str(t.name)) for t in terms]
        options = {
            name: [
                (value, format_html('<option value="{}">{}</option>', value, label))
                for value, label in choices[name]
            ]
            for name in SELECT_FILTERS
        }
        return FilterOptions(choices=choices, options=options)

    return once_per_change(f"filter-options:{language}", build)


def sitemap_terms(*, model: type[models.Model]) -> list[tuple[str, list[str]]]:
    """Every term public in some language as (its URL's argument, the codes of those
    languages in the order of settings.LANGUAGES), built once per change (one query, a
    semi-join per language)."""

    def build() -> list[tuple[str, list[str]]]:
        flags = {f"in_{code}": Exists(_carriers(model, code)) for code in LANGUAGE_CODES}
        rows = (
            model.objects.annotate(**flags)
            .filter(reduce(operator.or_, (Q(**{flag: True}) for flag in flags)))
            .order_by("pk")
            .values(TERM_URL_ARGUMENT[model], *flags)
        )
        return [
            (
                str(row[TERM_URL_ARGUMENT[model]]),
                [code for code in LANGUAGE_CODES if row[f"in_{code}"]],
            )
            for row in rows
        ]

    return once_per_change(f"sitemap-terms:{model._meta.label}", build)


def publication_feed(*, language: str) -> QuerySet[Publication]:
    """A feed's items in ``language``: public items with a public version in it, newest first.

    Carries the type, speakers and topics every entry prints. Bodies are deferred, and other
    languages' plain texts too: an entry's excerpt reads its own language's plain text only.
    """
    return (
        Publication.objects.available_in(language)
        .select_related("type")
        .prefetch_related("speakers", "topics")
        .without_texts(keep=[column("plain_text", language)])
        .defer("body")
        .order_by("-published_at", "-id")
    )


def sitemap_last_change():
    """When readers were last told of a change to a public publication: the sitemap
    index's <lastmod> for the publications' section."""
    return Publication.objects.public().aggregate(latest=Max("modified_at"))["latest"]


def _slug_in_own_language():
    """A language version's slug: its publication's slug column in its language."""
    return Case(
        *(
            When(language=code, then=F(f"publication__{column('slug', code)}"))
            for code in LANGUAGE_CODES
        ),
        default=Value(""),
        output_field=models.CharField(),
    )


def sitemap_versions() -> QuerySet:
    """Every public language version, each a URL of the sitemap, as plain rows of what its
    URL needs (publication, language, the date readers were told of a change), newest
    first. A file of the sitemap reads a few thousand: plain rows, not model instances."""
    return (
        LanguageVersion.objects.public()
        .annotate(modified_at=F("publication__modified_at"))
        .order_by("-publication__published_at", "-publication_id", "language")
        .values_list("publication_id", "language", "modified_at", named=True)
    )


def sitemap_alternates(publication_ids) -> dict[int, dict[str, str]]:
    """The public language versions of each publication, as {language: slug} in the
    order of settings.LANGUAGES (one query)."""
    found: dict[int, dict[str, str]] = {}
    rows = (
        LanguageVersion.objects.public()
        .filter(publication_id__in=publication_ids)
        .annotate(slug=_slug_in_own_language())
        .values_list("publication_id", "language", "slug")
    )
    for publication_id, language, slug in rows:
        found.setdefault(publication_id, {})[language] = slug or ""
    return {
        pk: {code: slugs[code] for code in LANGUAGE_CODES if code in slugs}
        for pk, slugs in found.items()
    }


def publication_detail(*, pk: int, language: str | None = None) -> Publication:
    """A publication whose page a reader may open (public or withdrawn), with what its page
    prints; 404 otherwise. Given the page's ``language``, other languages' bodies and
    plain texts stay in the database (some 50 KB of a five-language item)."""
    publications = Publication.objects.viewable()
    if language is not None:
        publications = publications.without_texts(
            keep=columns("body", "plain_text", languages=[language])
        )
    return get_object_or_404(_with_page_contents(publications), pk=pk)


def publication_preview(*, pk: int) -> Publication:
    """Any publication, whatever its state, with what its page prints; 404 when none.

    Who may see it is for the preview views to decide (staff, or a shared link).
    """
    return get_object_or_404(_with_page_contents(Publication.objects.all()), pk=pk)


def _with_page_contents(queryset: QuerySet[Publication]) -> QuerySet[Publication]:
    return queryset.select_related("type").prefetch_related(
        "speakers",
        "topics",
        "countries",
        _public_versions(),
        Prefetch(
            "attachments",
            queryset=PublicationMaterial.objects.select_related("material").order_by(
                "position", "id"
            ),
        ),
        "change_notes",
    )


def publication_photo_materials(*, pk: int) -> list:
    """The materials of a publication whose page a reader may open, in its page's order,
    for its archive of photos; 404 for any other (the rule of ``material_file``: a
    material is served while a page that readers may open shows it). Two queries."""
    publication = get_object_or_404(Publication.objects.viewable().only("pk"), pk=pk)
    attachments = (
        PublicationMaterial.objects.filter(publication=publication)
        .select_related("material")
        .order_by("position", "id")
    )
    return [attachment.material for attachment in attachments]


def publication_for_short_link(*, pk: int) -> Publication:
    """A publication whose page a reader may open, with its public language versions and
    the slugs of its addresses (no text); 404 otherwise."""
    publications = Publication.objects.viewable().without_texts().defer("body")
    return get_object_or_404(publications.prefetch_related(_public_versions()), pk=pk)


def gone_publication(*, pk: int) -> Publication | None:
    """An unpublished item at this address, with its replacement if that one is public."""
    publication = Publication.objects.gone().only("id", "replaced_by").filter(pk=pk).first()
    if publication is not None:
        publication.replacement = (
            Publication.objects.public().filter(pk=publication.replaced_by_id).first()
            if publication.replaced_by_id
            else None
        )
    return publication


def public_replacement(*, pk: int) -> Publication | None:
    """The publication a withdrawn one names as its replacement, if readers may see it
    listed now (``public()``: a withdrawn or unpublished replacement is none), with its
    public language versions, titles and slugs and nothing else (2 queries)."""
    return (
        Publication.objects.public()
        .filter(pk=pk)
        .only("id", "status", "published_at", "original_language", *columns("title", "slug"))
        .prefetch_related(_public_versions())
        .first()
    )


def related_publications(
    *, publication: Publication, language: str, limit: int = 5
) -> list[Publication]:
    """Up to ``limit`` other items in ``language`` sharing a topic or a speaker, newest first.

    One query, whatever the number of topics, speakers or matches: the shared items are
    found by subqueries on the link tables, so no DISTINCT over every text column is
    needed, and the public rule is ``available_in``'s.
    """
    topic_links = Publication.topics.through.objects
    speaker_links = Publication.speakers.through.objects
    shares_topic = topic_links.filter(
        topic_id__in=topic_links.filter(publication_id=publication.pk).values("topic_id")
    ).values("publication_id")
    shares_speaker = speaker_links.filter(
        person_id__in=speaker_links.filter(publication_id=publication.pk).values("person_id")
    ).values("publication_id")
    return list(
        Publication.objects.available_in(language)
        .filter(Q(pk__in=shares_topic) | Q(pk__in=shares_speaker))
        .exclude(pk=publication.pk)
        .select_related("type")
        .without_texts()
        .order_by("-published_at", "-id")[:limit]
    )


HOME_CANDIDATES = 500


@dataclass(frozen=True)
class HomePage:
    """The home page's items, each shown once: the featured story, the newest items after
    it, and the newest of each type among the rest."""

    featured: Publication | None
    latest: list[Publication]
    sections: list[tuple[PublicationType, list[Publication]]]


def home_page(*, language: str, latest: int = 4, per_type: int = 3) -> HomePage:
    """The home page in ``language``: built once per change (the same for every reader of
    the language), in a few queries, none of them per item."""
    return once_per_change(
        f"home:{language}:{latest}:{per_type}",
        lambda: _home_page(language=language, latest=latest, per_type=per_type),
    )


def _with_photo() -> Exists:
    return Exists(
        PublicationMaterial.objects.filter(
            publication=OuterRef("pk"), material__kind=Material.Kind.PHOTO
        )
    )


def _home_page(*, language: str, latest: int, per_type: int) -> HomePage:
    available = Publication.objects.available_in(language)
    listed = available.without_texts().select_related("type").order_by("-published_at", "-id")
    # Only the newest items are candidates: a photo, or a type, silent for HOME_CANDIDATES
    # items is not news, and numbering or checking the whole archive costs a full scan.
    recent = available.order_by("-published_at", "-id").values("pk")[:HOME_CANDIDATES]
    featured = (
        # The publishers' choice (workflow.publication_feature), where it is available in
        # this language; else the newest item with a photo, else the newest.
        listed.filter(featured_at__isnull=False).first()
        or listed.filter(_with_photo(), pk__in=recent).first()
        or listed.first()
    )
    if featured is None:
        return HomePage(featured=None, latest=[], sections=[])
    prefetch_related_objects(
        [featured],
        Prefetch(
            "attachments",
            queryset=PublicationMaterial.objects.select_related("material").order_by(
                "position", "id"
            ),
        ),
    )
    newest = list(listed.exclude(pk=featured.pk)[:latest])
    shown = [featured.pk, *(p.pk for p in newest)]
    # The numbering runs over ids alone; the rows are fetched for the winners only.
    rest = available.exclude(pk__in=shown).order_by("-published_at", "-id").values("pk")
    winners = (
        Publication.objects.filter(pk__in=rest[:HOME_CANDIDATES])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("type_id"),
                order_by=[F("published_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=per_type)
        .values("pk")
    )
    ranked = (
        Publication.objects.filter(pk__in=winners)
        .without_texts()
        .select_related("type")
        .order_by("type__position", "type__code", "-published_at", "-id")
    )
    by_type: dict[int, tuple[PublicationType, list[Publication]]] = {}
    for publication in ranked:
        by_type.setdefault(publication.type_id, (publication.type, []))[1].append(publication)
    return HomePage(featured=featured, latest=newest, sections=list(by_type.values()))
