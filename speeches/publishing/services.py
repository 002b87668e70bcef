"""Writes that touch a publication and what derives from it.

Every write path (admin, demo loader, future imports and commands) goes through these
functions, so that slugs and language versions are always derived the same way.
"""

from __future__ import annotations

import hashlib
import json

import reversion
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from speeches.countries import country_names
from speeches.materials import renditions, uploads
from speeches.models import (
    LANGUAGE_CODES,
    TEXT_FIELDS,
    Country,
    LanguageVersion,
    Material,
    Publication,
    column,
    in_language,
)
from speeches.publishing import signals
from speeches.richtext import html_to_text, sanitize_body

SLUG_LENGTH = 80


def publication_derive_slugs(*, publication: Publication) -> None:
    """Give every language that has a title a readable URL slug (e.g. /en/publications/7-…/)."""
    for code in LANGUAGE_CODES:
        title = publication.title_in(code)
        slug = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") if title else ""
        setattr(publication, column("slug", code), slug)


def publication_derive_text(*, publication: Publication) -> None:
    """Keep each language's plain text in step with its body (search, snippets, summaries)."""
    for code in LANGUAGE_CODES:
        body = in_language(publication, "body", code)
        setattr(publication, column("plain_text", code), html_to_text(sanitize_body(body)))


# The original-language fields a translation is made from.


def publication_source(*, publication: Publication) -> dict[str, str]:
    """The original-language text every translation is made from, field by field."""
    language = publication.original_language
    return {name: in_language(publication, name, language).strip() for name in TEXT_FIELDS}


def source_fingerprint(source: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(source, sort_keys=True).encode()).hexdigest()


def publication_sync_versions(*, publication: Publication, user=None) -> None:
    """Keep each language version's row in step with its text and with the original.

    - No text in a language: no row (the version is missing).
    - The original language is ready once its title and text are filled.
    - A translation starts "in progress" and becomes ready only when a person marks it
      (speeches.languages.translating); it falls back to in progress if its title or text is
      emptied.
    - A ready translation whose source (the original's title, lead, place and text when
      it was marked) no longer matches the original becomes outdated; an outdated one
      whose source is restored is ready again.
    """
    source = publication_source(publication=publication)
    fingerprint = source_fingerprint(source)
    # Read fresh rows: a prefetched ``versions`` cache (the admin has one) may be stale.
    existing = {v.language: v for v in LanguageVersion.objects.filter(publication=publication)}
    Status = LanguageVersion.Status
    outdated = []
    for code in LANGUAGE_CODES:
        version = existing.get(code)
        has_text = bool(publication.title_in(code) or in_language(publication, "body", code))
        if not has_text:
            if version is not None:
                version.delete()
            continue
        if version is None:
            version = LanguageVersion(publication=publication, language=code)
        before = (version.status, version.source_fingerprint)
        complete = publication.text_exists_in(code)
        if code == publication.original_language:
            version.status = Status.READY if complete else Status.IN_PROGRESS
            version.source_fingerprint, version.source_snapshot = fingerprint, source
        elif not complete or not version.status:
            version.status = Status.IN_PROGRESS
        elif version.status in LanguageVersion.PUBLIC_STATUSES:
            current = version.source_fingerprint == fingerprint
            version.status = Status.READY if current else Status.OUTDATED
        if version.pk is None or (version.status, version.source_fingerprint) != before:
            version.save()
            if version.status == Status.OUTDATED and before[0] == Status.READY:
                outdated.append(code)
    getattr(publication, "_prefetched_objects_cache", {}).pop("versions", None)
    if outdated:
        # Their translators are told (speeches.mailing.staff).
        signals.send_after_commit(
            signals.translations_outdated,
            publication_id=publication.pk,
            languages=outdated,
            user_id=user.pk if user is not None else None,
        )


@transaction.atomic
def publication_save(
    *,
    publication: Publication,
    user=None,
    expected_version: int | None = None,
    comment: str = "",
) -> Publication:
    """Validate and save a publication, then derive its slugs and language versions.

    ``expected_version`` is the ``edit_version`` the editor's form was opened at; if
    someone saved in between, ``EditConflict`` is raised and nothing is written. Every
    save bumps the version with one conditional UPDATE, which is atomic on both
    databases, so two concurrent saves of the same version cannot both succeed.

    Every save stores a revision (django-reversion) with the user and ``comment``; an
    enclosing revision (the admin's) absorbs it, so one form save is one revision.
    """
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        return _publication_save(
            publication=publication, user=user, expected_version=expected_version
        )


def _publication_save(*, publication, user, expected_version) -> Publication:
    # Release times are to the second, as entered and shown; a stray fraction would make
    # every form that shows the time think it was changed.
    publication.published_at = publication.published_at.replace(microsecond=0)
    if user is not None and user.is_authenticated:
        if publication.pk is None:
            publication.created_by = user
        publication.updated_by = user
    publication_derive_slugs(publication=publication)
    publication_derive_text(publication=publication)
    publication.full_clean()
    if publication.pk is not None:
        publication_claim_version(publication=publication, expected_version=expected_version)
    publication.save()
    actor = user if user is not None and user.is_authenticated else None
    publication_sync_versions(publication=publication, user=actor)
    return publication


def publication_claim_version(*, publication: Publication, expected_version: int | None) -> None:
    """Move the edit version on from ``expected_version`` (the stored one when None), or
    raise ``EditConflict`` if someone saved since: one conditional UPDATE, atomic on both
    databases. Every save does this; so does a save kept aside (a translation's work in
    progress), so that two people saving at once cannot overwrite each other unseen."""
    version = expected_version
    if version is None:
        version = (
            Publication.objects.filter(pk=publication.pk)
            .values_list("edit_version", flat=True)
            .first()
        )
    bumped = Publication.objects.filter(pk=publication.pk, edit_version=version).update(
        edit_version=version + 1
    )
    if not bumped:
        raise EditConflict(Publication.objects.get(pk=publication.pk))
    publication.edit_version = version + 1


class EditConflict(Exception):
    """Someone saved the publication after this editor opened it."""

    def __init__(self, current: Publication):
        super().__init__(f"Publication {current.pk} was saved at version {current.edit_version}.")
        self.current = current


def country_fill_names(*, country: Country) -> Country:
    """Fill the empty names of a country from CLDR, keeping what an editor typed."""
    for code, name in country_names(country.code).items():
        if not getattr(country, column("name", code), ""):
            setattr(country, column("name", code), name)
    return country


# Materials

_INSPECT_FIELDS = {"file": None, "poster": "photo", "captions": "captions"}


def _pending(field_file) -> bool:
    """A file assigned in this request and not yet written to storage."""
    return bool(field_file) and not getattr(field_file, "_committed", True)


def material_inspect(*, material: Material) -> dict[str, uploads.Inspected]:
    """Check every newly assigned file of ``material``; raise ValidationError per field.

    Runs before anything is written, so a refused upload leaves storage as it was.
    """
    found, errors = {}, {}
    for field, kind in _INSPECT_FIELDS.items():
        field_file = getattr(material, field)
        if not _pending(field_file):
            continue
        try:
            if kind == "captions":
                found[field] = uploads.inspect_captions(field_file.file)
            else:
                found[field] = uploads.inspect(field_file.file, kind=kind or material.kind)
        except ValidationError as error:
            errors[field] = error.error_list
    if errors:
        raise ValidationError(errors)
    return found


@transaction.atomic
def material_save(*, material: Material, user=None, remake_renditions: bool = False) -> Material:
    """Validate, store under server-made names, and make a photo's renditions.

    Files are written only after every check passed; if anything fails afterwards, the
    files written by this call are deleted again. ``remake_renditions``: a photo's are
    made again from its stored original (its download copy carries the credit).
    """
    inspected = material_inspect(material=material)
    if material.kind == Material.Kind.LINK and not material.url:
        raise ValidationError({"url": _("An external link needs its URL.")})
    if material.kind != Material.Kind.LINK and not material.file:
        raise ValidationError({"file": _("Please choose the file to upload.")})
    if main := inspected.get("file"):
        material.filename = uploads.display_name(material.file.name)
        material.mime_type, material.size = main.mime_type, main.size
        material.width, material.height = main.width, main.height
    if user is not None and user.is_authenticated and material.pk is None:
        material.created_by = user
    material.full_clean(exclude=list(_INSPECT_FIELDS))
    make_renditions = material.kind == Material.Kind.PHOTO and (
        "file" in inspected or not material.renditions or remake_renditions
    )
    old_renditions = material.renditions if "file" in inspected or make_renditions else {}
    # The photo's bytes from the upload itself, before it is stored: no read back.
    source = _read_upload(material.file) if make_renditions and "file" in inspected else None
    written: list[str] = []
    try:
        for field in inspected:
            field_file = getattr(material, field)
            content = field_file.file
            if field == "poster":  # served as it is stored, so stored without metadata
                content.seek(0)
                content = ContentFile(renditions.clean_image(content.read()))
                field_file.name = "poster.jpg"
            field_file.save(field_file.name, content, save=False)
            written.append(field_file.name)
        if make_renditions:
            _make_renditions(material, source)
        material.save()
    except Exception:
        for name in written:
            material.file.storage.delete(name)
        raise
    if old_renditions:
        transaction.on_commit(lambda: renditions.delete_renditions(old_renditions))
    return material


def _read_upload(field_file) -> bytes:
    field_file.file.seek(0)
    data = field_file.file.read()
    field_file.file.seek(0)
    return data


def _make_renditions(material: Material, source: bytes | None = None) -> None:
    """Renditions beside the stored original, from ``source`` or the original itself."""
    if source is None:
        with material.file.open("rb") as original:
            source = original.read()
    material.renditions = renditions.make_renditions(
        source, folder=material.file.name.rsplit("/", 1)[0], credit=material.credit
    )


def material_rebuild_renditions(*, material: Material) -> Material:
    """Make a photo's renditions again from its stored original (after a change of sizes)."""
    old = material.renditions
    _make_renditions(material)
    material.save(update_fields=["renditions"])
    renditions.delete_renditions(
        {k: v for k, v in old.items() if v not in material.renditions.values()}
    )
    return material
