"""The translation dashboard's reads: how far each language is, and what needs work.

A publication's original language is not a translation: it is never counted, listed or
offered as work. Each function returns everything its page prints, in constant queries.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from speeches.models import (
    LANGUAGE_CODES,
    LanguageVersion,
    Publication,
    PublicationType,
    column,
    public_publication_q,
    shown_version_q,
)

# What a language version may need: no row at all, or a row still being worked on.
MISSING = "missing"
NEEDS_WORK = (MISSING, LanguageVersion.Status.IN_PROGRESS, LanguageVersion.Status.OUTDATED)

# A publication's states as people speak of them (``Publication.state``): "scheduled" is
# published with its time ahead. Translating a withdrawn or unpublished item is seldom
# worth it: ``CURRENT`` are the states whose translations readers see or will see.
SCHEDULED = "scheduled"
PUBLICATION_STATES = (
    Publication.Status.DRAFT,
    Publication.Status.IN_REVIEW,
    SCHEDULED,
    Publication.Status.PUBLISHED,
    Publication.Status.WITHDRAWN,
    Publication.Status.UNPUBLISHED,
)
CURRENT = PUBLICATION_STATES[:4]


def publication_state_q(states: Sequence[str]) -> Q:
    """Publications in any of ``states`` (``PUBLICATION_STATES``) at this instant."""
    now = timezone.now()
    conditions = []
    for state in states:
        if state == SCHEDULED:
            conditions.append(Q(status=Publication.Status.PUBLISHED, published_at__gt=now))
        elif state == Publication.Status.PUBLISHED:
            conditions.append(Q(status=Publication.Status.PUBLISHED, published_at__lte=now))
        elif state in PUBLICATION_STATES:
            conditions.append(Q(status=state))
    return reduce(operator.or_, conditions) if conditions else Q(pk__in=[])


@dataclass(frozen=True)
class LanguageProgress:
    """The translations into one language, over every publication not written in it."""

    language: str
    missing: int
    in_progress: int
    ready: int
    outdated: int
    published: int  # those readers can see now (shown_version_q of a public publication)


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
            published=Count("pk", filter=shown_version_q() & public_publication_q("publication__")),
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
    publication_states: Sequence[str] | None = None,
) -> QuerySet[Publication]:
    """Publications with a translation to make or to bring up to date, newest first.

    A publication is listed when one of ``languages`` (never its original one) is in one of
    ``statuses``: ``MISSING`` (no row), in progress or outdated; with
    ``publication_states``, only publications in one of those states. Each carries its type and
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
    if publication_states is not None:
        publications = publications.filter(publication_state_q(publication_states))
    return (
        publications.select_related("type")
        .only(
            "id",
            "type",
            "published_at",
            "status",
            "original_language",
            *(column("title", code) for code in LANGUAGE_CODES),
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
