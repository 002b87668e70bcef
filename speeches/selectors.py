"""Reads for the public site: each returns everything its page prints, in constant queries."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from speeches.models import LanguageVersion, Publication, PublicationType


def _public_versions() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=LanguageVersion.objects.public().only(
            "id", "publication_id", "language", "status"
        ),
    )


def publication_list(*, language: str) -> QuerySet[Publication]:
    """The archive in ``language``: public items with a public version in it, newest first."""
    return (
        Publication.objects.available_in(language)
        .select_related("type")
        .prefetch_related("speakers", _public_versions())
        .order_by("-published_at", "-id")
    )


def publication_detail(*, pk: int) -> Publication:
    """A public publication with what its page prints; 404 when it is not public."""
    queryset = (
        Publication.objects.public()
        .select_related("type")
        .prefetch_related("speakers", "topics", "countries", _public_versions())
    )
    return get_object_or_404(queryset, pk=pk)


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
        # The list prints titles and dates: leave every language's text in the database.
        .defer("lead", "body")
        .order_by("-published_at", "-id")[:limit]
    )


def home_sections(
    *, language: str, latest: int = 6, per_type: int = 4
) -> tuple[list[Publication], list[tuple[PublicationType, list[Publication]]]]:
    """The newest items, and the newest ``per_type`` of every type: two queries in all."""
    available = Publication.objects.available_in(language).select_related("type")
    newest = list(available.order_by("-published_at", "-id")[:latest])
    ranked = (
        available.annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("type_id"),
                order_by=[F("published_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=per_type)
        .order_by("type__position", "type__code", "-published_at", "-id")
    )
    by_type: dict[int, tuple[PublicationType, list[Publication]]] = {}
    for publication in ranked:
        by_type.setdefault(publication.type_id, (publication.type, []))[1].append(publication)
    return newest, list(by_type.values())
