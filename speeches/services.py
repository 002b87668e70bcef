"""Writes that touch a publication and what derives from it.

Every write path (admin, demo loader, future imports and commands) goes through these
functions, so that slugs and language versions are always derived the same way.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from speeches.countries import country_names
from speeches.models import LANGUAGE_CODES, Country, LanguageVersion, Publication
from speeches.richtext import html_to_text, sanitize_body

SLUG_LENGTH = 80


def publication_derive_slugs(*, publication: Publication) -> None:
    """Give every language that has a title a readable URL slug (e.g. /en/publications/7-…/)."""
    for code in LANGUAGE_CODES:
        title = publication.title_in(code)
        slug = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") if title else ""
        setattr(publication, f"slug_{code}", slug)


def publication_derive_text(*, publication: Publication) -> None:
    """Keep each language's plain text in step with its body (search, snippets, summaries)."""
    for code in LANGUAGE_CODES:
        body = getattr(publication, f"body_{code}", "") or ""
        setattr(publication, f"plain_text_{code}", html_to_text(sanitize_body(body)))


def publication_sync_versions(*, publication: Publication) -> None:
    """Record which language versions exist: title and body filled means ready.

    A language with only part of its text is "in progress"; one with nothing has no row.
    """
    wanted = {}
    for code in LANGUAGE_CODES:
        if publication.text_exists_in(code):
            wanted[code] = LanguageVersion.Status.READY
        elif publication.title_in(code) or getattr(publication, f"body_{code}", ""):
            wanted[code] = LanguageVersion.Status.IN_PROGRESS
    # Read fresh rows: a prefetched ``versions`` cache (the admin has one) may be stale.
    existing = {v.language: v for v in LanguageVersion.objects.filter(publication=publication)}
    for code, version in existing.items():
        if code not in wanted:
            version.delete()
        elif version.status != wanted[code]:
            version.status = wanted[code]
            version.save(update_fields=["status", "updated_at"])
    LanguageVersion.objects.bulk_create(
        LanguageVersion(publication=publication, language=code, status=status)
        for code, status in wanted.items()
        if code not in existing
    )
    getattr(publication, "_prefetched_objects_cache", {}).pop("versions", None)


@transaction.atomic
def publication_save(*, publication: Publication, user=None) -> Publication:
    """Validate and save a publication, then derive its slugs and language versions."""
    if user is not None and user.is_authenticated:
        if publication.pk is None:
            publication.created_by = user
        publication.updated_by = user
    publication_derive_slugs(publication=publication)
    publication_derive_text(publication=publication)
    publication.full_clean()
    publication.save()
    publication_sync_versions(publication=publication)
    return publication


def country_fill_names(*, country: Country) -> Country:
    """Fill the empty names of a country from CLDR, keeping what an editor typed."""
    for code, name in country_names(country.code).items():
        if not getattr(country, f"name_{code}", ""):
            setattr(country, f"name_{code}", name)
    return country
