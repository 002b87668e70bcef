"""Reads for the public site: each returns everything its page prints, in constant queries."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from speeches.models import LANGUAGE_CODES, LanguageVersion, Publication, PublicationType


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


def publication_feed(*, language: str) -> QuerySet[Publication]:
    """A feed's items in ``language``: public items with a public version in it, newest first.

    Carries the type, speakers and topics every entry prints; other languages' bodies are
    deferred because a feed reads only its own language's (for the excerpt) and bodies are long.
    The untranslated ``body`` column is not: modeltranslation would rewrite that name to the
    active language's column, the one the excerpt needs.
    """
    return (
        Publication.objects.available_in(language)
        .select_related("type")
        .prefetch_related("speakers", "topics")
        .defer(*(f"body_{code}" for code in LANGUAGE_CODES if code != language))
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
    """A public publication with what its page prints; 404 when it is not public."""
    queryset = (
        Publication.objects.public()
        .select_related("type")
        .prefetch_related("speakers", "topics", "countries", _public_versions())
    )
    return get_object_or_404(queryset, pk=pk)


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
