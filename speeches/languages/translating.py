"""Translations: who may edit which language, and how a language version becomes ready.

A translator has languages (``TranslatorLanguage``) and may change only the texts of
those languages: a publication's title, lead, place and text, and the captions and
alternative texts of its materials. Editors and publishers may work on any translation
of an item they may edit. Every write goes through ``services.publication_save``, so it is
sanitised and stored as a revision.

Marking a version ready records the original-language text it was made from; when that
text changes, the version is outdated (``services.publication_sync_versions``) and the
translator sees what changed, paragraph by paragraph (``source_changes``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from speeches.languages import segments
from speeches.models import (
    MATERIAL_TEXT_FIELDS,
    TEXT_FIELDS,
    LanguageVersion,
    Material,
    Publication,
    WorkflowEvent,
    column,
    in_language,
)
from speeches.publishing import services, signals, workflow

Status = LanguageVersion.Status


def translator_languages(user) -> list[str]:
    """The languages ``user`` translates, as assigned in the admin."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_translator_languages", None)
    if cached is None:
        cached = list(user.translator_languages.values_list("language", flat=True))
        user._translator_languages = cached
    return cached


def is_translator(user) -> bool:
    """Translators only translate: their rights come from their languages, not the form."""
    return (
        user.has_perm("speeches.translate_publication")
        and not user.has_perm("speeches.submit_publication")
        and not user.is_superuser
    )


def can_translate(*, user, publication: Publication, language: str) -> bool:
    """May ``user`` edit ``language``'s texts of ``publication``?"""
    if language == publication.original_language:
        return False
    if is_translator(user):
        return language in translator_languages(user)
    return workflow.can_edit(publication=publication, user=user)


def _require(user, publication: Publication, language: str) -> None:
    if user is not None and not can_translate(
        user=user, publication=publication, language=language
    ):
        raise PermissionDenied(_("You may not edit this language version."))


@transaction.atomic
def translation_save(
    *,
    publication: Publication,
    language: str,
    user,
    values: dict[str, str],
    ready: bool,
    materials: dict[int, dict[str, str]] | None = None,
    expected_version: int | None = None,
    comment: str = "",
) -> LanguageVersion:
    """Save ``language``'s texts of ``publication`` and set the version's status.

    ``values`` holds the text fields (title, lead, place, body) by their plain names;
    ``materials`` the captions and alternative texts of attached materials, by material
    id. ``ready`` marks the version ready, made from the original as it is now; otherwise
    it is in progress. ``user`` None is a trusted system path (the demo loader).

    Work in progress never takes a language off the site: while readers can see this
    version, an in-progress save is kept aside (``LanguageVersion.pending``) and the
    published text stays until the translation is marked ready, which puts it in place.
    """
    _require(user, publication, language)
    unknown = set(values) - set(TEXT_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be translated: %(fields)s")
            % {"fields": ", ".join(sorted(unknown))}
        )
    attached = _check_materials(publication, materials or {})
    version = (
        LanguageVersion.objects.select_for_update()
        .filter(publication=publication, language=language)
        .first()
    )
    if not ready and on_the_site(publication, version):
        return _save_pending(publication, version, user, values, materials, expected_version)
    for name, value in values.items():
        setattr(publication, column(name, language), value)
    label = (
        _("Translation (%(language)s): ready")
        if ready
        else _("Translation (%(language)s): saved as in progress")
    )
    stored = Publication.objects.values(*(column(name, language) for name in values)).get(
        pk=publication.pk
    )
    services.publication_save(
        publication=publication,
        user=user,
        expected_version=expected_version,
        comment=comment or label % {"language": language},
    )
    if materials:
        _save_material_texts(attached, language, materials)
    version = _set_status(publication, language, user, ready=ready)
    if version.pending:
        version.pending, version.pending_at = {}, None
        version.save(update_fields=["pending", "pending_at", "updated_at"])
    changes = [
        f"{name} [{language}]"
        for name in values
        if (stored[column(name, language)] or "") != in_language(publication, name, language)
    ]
    _record(publication, user, comment or label % {"language": language}, changes)
    return version


def on_the_site(publication: Publication, version: LanguageVersion | None) -> bool:
    """Is this the text readers see (or will see at the scheduled time)?"""
    return (
        version is not None
        and version.status in LanguageVersion.PUBLIC_STATUSES
        and publication.status in Publication.ON_VIEW
    )


def _save_pending(publication, version, user, values, materials, expected_version):
    """Keep work in progress aside; the edit version still moves, so that two people
    saving the same translation at once cannot overwrite each other unseen."""
    services.publication_claim_version(publication=publication, expected_version=expected_version)
    version.pending = {
        **values,
        "materials": {str(pk): texts for pk, texts in (materials or {}).items()},
    }
    version.pending_at = timezone.now()
    version.updated_by = user if user is not None and user.is_authenticated else None
    version.save(update_fields=["pending", "pending_at", "updated_by", "updated_at"])
    _record(
        publication,
        user,
        _("Translation (%(language)s): work in progress saved; the published text stays")
        % {"language": version.language},
        [f"{name} [{version.language}] (in progress)" for name in values],
    )
    return version


def working_text(*, publication: Publication, language: str) -> tuple[dict, dict, bool]:
    """What a translator works on: the saved work in progress if there is one, else the
    text as it stands. Returns (fields, material texts by material id, is_pending)."""
    version = LanguageVersion.objects.filter(publication=publication, language=language).first()
    if version is not None and version.pending:
        pending = dict(version.pending)
        materials = {int(pk): texts for pk, texts in pending.pop("materials", {}).items()}
        return pending, materials, True
    fields = {name: in_language(publication, name, language) for name in TEXT_FIELDS}
    return fields, {}, False


def _record(publication, user, reason: str, changes: list[str]) -> None:
    if user is not None and changes:
        workflow.event_record(
            publication=publication,
            user=user,
            action=WorkflowEvent.Action.TRANSLATE,
            reason=reason,
            changes=changes,
        )


def _check_materials(publication, materials) -> dict[int, Material]:
    """Refuse texts for materials not attached, or fields not translated, before anything
    is written; return the attached materials by id."""
    if not materials:
        return {}
    attached = {m.pk: m for m in Material.objects.filter(attachments__publication=publication)}
    for material_id, texts in materials.items():
        if int(material_id) not in attached:
            raise ValidationError(_("This material is not attached to the publication."))
        if set(texts) - set(MATERIAL_TEXT_FIELDS):
            raise ValidationError(_("Only captions and alternative texts are translated."))
    return attached


def _save_material_texts(attached: dict[int, Material], language, materials) -> None:
    """Write texts that ``_check_materials`` has let through."""
    for material_id, values in materials.items():
        material = attached[int(material_id)]
        for name, value in values.items():
            setattr(material, column(name, language), value)
        material.save(update_fields=[column(name, language) for name in values])


def _set_status(publication, language, user, *, ready: bool) -> LanguageVersion:
    version = LanguageVersion.objects.filter(publication=publication, language=language).first()
    if version is None:
        if ready:
            raise ValidationError(
                _("A language version needs its title and text before it can be ready.")
            )
        return LanguageVersion(publication=publication, language=language)
    version.publication = publication  # at hand for whoever the save signals
    was_shown = version.is_shown()
    if ready:
        if not publication.text_exists_in(language):
            raise ValidationError(
                _("A language version needs its title and text before it can be ready.")
            )
        source = services.publication_source(publication=publication)
        version.status = Status.READY
        version.source_snapshot = source
        version.source_fingerprint = services.source_fingerprint(source)
        version.hidden = False
    elif version.status != Status.IN_PROGRESS:
        version.status = Status.IN_PROGRESS
    version.updated_by = user if user is not None and user.is_authenticated else None
    version.save()
    getattr(publication, "_prefetched_objects_cache", {}).pop("versions", None)
    if not was_shown:
        _released(publication, version)
    return version


def _released(publication: Publication, version: LanguageVersion) -> None:
    """A version readers see from now on, of an item that is out (or will be at its
    time), is released: its language's subscribers are told (``speeches.mailing``)."""
    if version.is_shown() and publication.status == Publication.Status.PUBLISHED:
        signals.send_after_commit(
            signals.released, publication_id=publication.pk, languages=[version.language]
        )


@transaction.atomic
def translation_mark_ready(*, publication: Publication, language: str, user) -> LanguageVersion:
    """Mark ``language``'s version ready as it stands: made from the original as it is now."""
    _require(user, publication, language)
    return _set_status(publication, language, user, ready=True)


@transaction.atomic
def translation_mark_in_progress(*, publication, language: str, user) -> LanguageVersion:
    _require(user, publication, language)
    return _set_status(publication, language, user, ready=False)


@transaction.atomic
def translation_set_hidden(*, publication, language: str, user, hidden: bool) -> LanguageVersion:
    """Hide an outdated version from readers until it is updated, or show it again."""
    if not workflow.can_edit(publication=publication, user=user) or is_translator(user):
        raise PermissionDenied(_("Only editors may hide a language version."))
    version = LanguageVersion.objects.get(publication=publication, language=language)
    if hidden and version.status != Status.OUTDATED:
        raise ValidationError(_("Only an outdated version can be hidden."))
    was_shown = version.is_shown()
    version.hidden = hidden
    version.save(update_fields=["hidden", "updated_at"])
    if not was_shown:
        _released(publication, version)
    return version


def _around_changes(diff: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Changed paragraphs with one unchanged neighbour each side; "…" stands for the rest."""
    changed = [i for i, (op, _text) in enumerate(diff) if op != " "]
    keep = {j for i in changed for j in (i - 1, i, i + 1)}
    shown: list[tuple[str, str]] = []
    for index, entry in enumerate(diff):
        if index in keep:
            shown.append(entry)
        elif not shown or shown[-1] != ("…", ""):
            shown.append(("…", ""))
    return shown


@dataclass(frozen=True)
class SourceChange:
    field: str
    before: list[str]  # the paragraphs as they were when the translation was made
    after: list[str]  # and as they are now
    diff: list[tuple[str, str]]  # (op, text) per paragraph: " ", "-", "+"


def source_changes(*, publication: Publication, version: LanguageVersion) -> list[SourceChange]:
    """What changed in the original since ``version`` was marked ready, paragraph by paragraph."""
    if not version.source_snapshot:
        return []
    now = services.publication_source(publication=publication)
    changes = []
    for name in TEXT_FIELDS:
        old, new = version.source_snapshot.get(name, ""), now.get(name, "")
        if old == new:
            continue
        if name == "body":
            before = [block.text for block in segments.split(old)]
            after = [block.text for block in segments.split(new)]
        else:
            before, after = [old] if old else [], [new] if new else []
        diff = _around_changes(
            [(line[0], line[2:]) for line in difflib.ndiff(before, after) if line[0] in " -+"]
        )
        changes.append(SourceChange(field=name, before=before, after=after, diff=diff))
    return changes
