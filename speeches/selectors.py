"""Reads for the public site and the translation dashboard: each returns everything its
page prints, in constant queries."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from speeches import search
from speeches.models import (
    LANGUAGE_CODES,
    LanguageVersion,
    Publication,
    PublicationMaterial,
    PublicationType,
    public_publication_q,
)


def _public_versions() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=LanguageVersion.objects.public().only(
            "id", "publication_id", "language", "status", "hidden"
        ),
    )


def publication_list(*, language: str) -> QuerySet[Publication]:
    """The archive in ``language``: public items with a public version in it, newest first."""
    return (
        Publication.objects.available_in(language)
        .without_texts()
        .select_related("type")
        .prefetch_related("speakers")
        .order_by("-published_at", "-id")
    )


def api_publication_list(*, language: str) -> QuerySet[Publication]:
    """``publication_list`` with everything a result of the JSON API carries.

    Adds topics, countries and the public language versions (one prefetch query each for
    a whole page) and leaves the bodies, and other languages' plain texts, in the database:
    a result has no body, and a search snippet reads its own language's plain text only.
    """
    return (
        publication_list(language=language)
        .prefetch_related("topics", "countries", _public_versions())
        .defer(
            "body",
            *(f"body_{code}" for code in LANGUAGE_CODES),
            *(f"plain_text_{code}" for code in LANGUAGE_CODES if code != language),
        )
    )


def attach_highlights(publications, *, text: str, language: str) -> None:
    """Give each publication of a results page its highlighted title and snippet (1 query)."""
    publications = list(publications)
    found = search.highlights(publications, text=text, language=language)
    for publication in publications:
        publication.highlight = found.get(publication.pk)


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
    """Terms (persons, topics, countries) with their count of publications in ``language``.

    Counts come from the same rule as the pages, so nothing unpublished is counted;
    terms without any publication in this language are left out (as ``public_terms``).
    """
    available = Publication.objects.available_in(language).values("pk")
    return list(
        model.objects.annotate(
            publication_count=Count("publications", filter=Q(publications__in=available))
        )
        .filter(publication_count__gt=0)
        .order_by(*model._meta.ordering)
    )


def sitemap_terms(*, model: type[models.Model]) -> list:
    """Every term public in some language, each with ``public_languages`` (codes in the
    order of settings.LANGUAGES): one query, a semi-join per language."""
    flags = {f"in_{code}": Exists(_carriers(model, code)) for code in LANGUAGE_CODES}
    terms = list(
        model.objects.annotate(**flags)
        .filter(reduce(operator.or_, (Q(**{flag: True}) for flag in flags)))
        .order_by("pk")
    )
    for term in terms:
        term.public_languages = [code for code in LANGUAGE_CODES if getattr(term, f"in_{code}")]
    return terms


def publication_feed(*, language: str) -> QuerySet[Publication]:
    """A feed's items in ``language``: public items with a public version in it, newest first.

    Carries the type, speakers and topics every entry prints. Bodies are deferred, and other
    languages' plain texts too: an entry's excerpt reads its own language's plain text only.
    """
    return (
        Publication.objects.available_in(language)
        .select_related("type")
        .prefetch_related("speakers", "topics")
        .defer(
            "body",
            *(f"body_{code}" for code in LANGUAGE_CODES),
            *(f"plain_text_{code}" for code in LANGUAGE_CODES if code != language),
        )
        .order_by("-published_at", "-id")
    )


def sitemap_publications() -> QuerySet[Publication]:
    """Every public publication with its public language versions, for the sitemap.

    Loads only what a sitemap entry needs (slugs, dates, the public rule's fields): a
    sitemap lists every item, and the texts would make that tens of megabytes.
    """
    return (
        Publication.objects.public()
        .only(
            "id",
            "status",
            "published_at",
            "updated_at",
            *(f"slug_{code}" for code in LANGUAGE_CODES),
        )
        .prefetch_related(_public_versions())
        .order_by("-published_at", "-id")
    )


def publication_detail(*, pk: int) -> Publication:
    """A publication whose page a reader may open (public or withdrawn), with what its page
    prints; 404 otherwise."""
    return get_object_or_404(_with_page_contents(Publication.objects.viewable()), pk=pk)


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


def home_sections(
    *, language: str, latest: int = 6, per_type: int = 4
) -> tuple[list[Publication], list[tuple[PublicationType, list[Publication]]]]:
    """The newest items, and the newest ``per_type`` of every type: two queries in all."""
    available = Publication.objects.available_in(language)
    newest = list(
        available.without_texts().select_related("type").order_by("-published_at", "-id")[:latest]
    )
    # Number only the newest items per type: numbering the whole archive costs a full scan
    # on every home page view, and a type silent for HOME_CANDIDATES items is not news.
    # The numbering runs over ids alone; the rows are fetched for the winners only.
    recent = available.order_by("-published_at", "-id").values("pk")[:HOME_CANDIDATES]
    winners = (
        Publication.objects.filter(pk__in=recent)
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
    return newest, list(by_type.values())


# The translation dashboard. A publication's original language is not a translation: it is
# never counted, listed or offered as work.

# What a language version may need: no row at all, or a row still being worked on.
MISSING = "missing"
NEEDS_WORK = (MISSING, LanguageVersion.Status.IN_PROGRESS, LanguageVersion.Status.OUTDATED)


@dataclass(frozen=True)
class LanguageProgress:
    """The translations into one language, over every publication not written in it."""

    language: str
    missing: int
    in_progress: int
    ready: int
    outdated: int
    published: int  # the ready ones whose publication readers can see


def translation_overview(*, languages: Sequence[str] = LANGUAGE_CODES) -> list[LanguageProgress]:
    """How far the translations into each of ``languages`` are, in that order: two queries.

    One groups the translations' rows by language and counts each status; the other counts
    publications by original language. A missing version has no row, so it is what is left
    of the publications once the originals and the rows are taken away.
    """
    Status = LanguageVersion.Status
    rows = {
        row["language"]: row
        for row in LanguageVersion.objects.exclude(language=F("publication__original_language"))
        .values("language")
        .annotate(
            in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS)),
            ready=Count("pk", filter=Q(status=Status.READY)),
            outdated=Count("pk", filter=Q(status=Status.OUTDATED)),
            published=Count(
                "pk",
                filter=Q(status=Status.READY, hidden=False) & public_publication_q("publication__"),
            ),
        )
        .order_by()
    }
    originals = dict(
        Publication.objects.values("original_language")
        .annotate(count=Count("pk"))
        .values_list("original_language", "count")
        .order_by()
    )
    total = sum(originals.values())
    overview = []
    for code in languages:
        row = rows.get(code, {})
        counts = {name: row.get(name, 0) for name in ("in_progress", "ready", "outdated")}
        overview.append(
            LanguageProgress(
                language=code,
                missing=total - originals.get(code, 0) - sum(counts.values()),
                published=row.get("published", 0),
                **counts,
            )
        )
    return overview


def translation_worklist(
    *,
    languages: Sequence[str] = LANGUAGE_CODES,
    statuses: Sequence[str] = NEEDS_WORK,
    publication_type: PublicationType | None = None,
) -> QuerySet[Publication]:
    """Publications with a translation to make or to bring up to date, newest first.

    A publication is listed when one of ``languages`` (never its original one) is in one of
    ``statuses``: ``MISSING`` (no row), in progress or outdated. Each carries its type and
    its language versions (the columns ``translation_states`` reads), so a page of any
    length costs the same three queries: the count, the page and the versions.
    """
    conditions = []
    if MISSING in statuses:
        conditions += [
            ~Q(original_language=code)
            & ~Exists(LanguageVersion.objects.filter(publication=OuterRef("pk"), language=code))
            for code in languages
        ]
    worked_on = [status for status in statuses if status != MISSING]
    if worked_on and languages:
        conditions.append(
            Exists(
                LanguageVersion.objects.filter(
                    publication=OuterRef("pk"), language__in=languages, status__in=worked_on
                ).exclude(language=OuterRef("original_language"))
            )
        )
    if not conditions:
        return Publication.objects.none()
    publications = Publication.objects.filter(reduce(operator.or_, conditions))
    if publication_type is not None:
        publications = publications.filter(type=publication_type)
    return (
        publications.select_related("type")
        .only(
            "id",
            "type",
            "published_at",
            "status",
            "original_language",
            *(f"title_{code}" for code in LANGUAGE_CODES),
        )
        .prefetch_related(
            Prefetch(
                "versions",
                # Unordered: the states are read by language, and the models' ordering
                # would join the publications again.
                queryset=LanguageVersion.objects.only(
                    "id", "publication_id", "language", "status", "hidden"
                ).order_by(),
            )
        )
        .order_by("-published_at", "-id")
    )


ORIGINAL, PUBLISHED = "original", "published"


def translation_states(
    publication: Publication, *, languages: Sequence[str] = LANGUAGE_CODES
) -> list[tuple[str, str]]:
    """``(language, state)`` for each of ``languages``, read from the prefetched versions.

    The state is ``ORIGINAL`` for the publication's own language, ``MISSING`` without a
    row, ``PUBLISHED`` for a ready translation readers can see, else the row's status.
    """
    versions = {version.language: version for version in publication.versions.all()}
    public = publication.is_public()
    states = []
    for code in languages:
        version = versions.get(code)
        if code == publication.original_language:
            state = ORIGINAL
        elif version is None:
            state = MISSING
        elif public and version.status == LanguageVersion.Status.READY and not version.hidden:
            state = PUBLISHED
        else:
            state = version.status
        states.append((code, str(state)))
    return states
