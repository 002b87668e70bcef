"""People's edits of publications, their materials and change notes: the one write path.

The admin only collects input and calls these; a restore, an import or a command calls
the same. Each function checks, at its top and against the row as the database holds it
(locked until the transaction ends), whether this person may make this change to an item
in its present state, and writes an audit event naming what changed. What readers see
changes only through here or through ``speeches.publishing.workflow`` and
``speeches.languages.translating``.

Rights (README, "Roles"): authors edit drafts and items in review; whatever readers can
see, or will see at a scheduled time, is edited by publishers (``workflow.can_edit``);
translators edit their languages only (``translating.can_translate``).
"""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from speeches.languages import translating
from speeches.models import (
    LANGUAGE_CODES,
    TEXT_FIELDS,
    ChangeNote,
    LanguageVersion,
    Material,
    Publication,
    PublicationMaterial,
    WorkflowEvent,
    column,
    in_language,
)
from speeches.publishing import revisions, services, workflow
from speeches.richtext import html_to_text

Action = WorkflowEvent.Action
Status = Publication.Status
# Translated fields a person edits, and the ones shared by every language.
DETAIL_FIELDS = ("type", "reference", "delivery", "release_languages")
TAXONOMY = ("speakers", "topics", "countries")


def _locked(publication: Publication) -> Publication:
    """The row as stored now, locked until the transaction ends (PostgreSQL; SQLite's
    IMMEDIATE transactions serialise writers anyway)."""
    try:
        return Publication.objects.select_for_update().get(pk=publication.pk)
    except Publication.DoesNotExist as missing:
        raise ValidationError(_("This publication no longer exists.")) from missing


@contextmanager
def _revision(user):
    """One revision around a whole edit, taken when it ends: it records the taxonomy and
    attachments as they end up, not as they were when the row was saved. (The admin's
    VersionAdmin opens one around the request as well; the inner one joins it.)"""
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        yield


def may_edit(publication: Publication, user) -> bool:
    """The editor's right to this item in its present state: translators, who translate
    only, never have it (``workflow.can_edit``)."""
    return not translating.is_translator(user) and workflow.can_edit(
        publication=publication, user=user
    )


def may_write_language(publication: Publication, user, language: str) -> bool:
    """The original is written by whoever may edit the item; a translation by whoever
    may translate that language. Restores and change notes follow this, language by
    language."""
    if language == publication.original_language:
        return may_edit(publication, user)
    return translating.can_translate(user=user, publication=publication, language=language)


def _require_edit(stored: Publication, user) -> None:
    if not may_edit(stored, user):
        raise PermissionDenied(_("You may not edit this publication in its present state."))


def changed_fields(before: Publication, after: Publication) -> list[str]:
    """Readable names of the text and detail fields that differ: "title [en]", "type"."""
    names = [
        f"{name} [{code}]"
        for name in TEXT_FIELDS
        for code in LANGUAGE_CODES
        if in_language(before, name, code) != in_language(after, name, code)
    ]
    for name in (*DETAIL_FIELDS, "original_language"):
        attname = Publication._meta.get_field(name).attname
        if getattr(before, attname) != getattr(after, attname):
            names.append(name)
    if before.published_at.replace(microsecond=0) != after.published_at.replace(microsecond=0):
        names.append("published_at")
    return names


@dataclass
class Attachment:
    material: Material
    position: int = 0
    # The material's description as the editor filled it in beside the publication
    # (captions and alternative texts per language, credit, decorative), saved with it
    # through ``material_describe``; None leaves it as it is. ``seen``: the fingerprint of
    # the description the form was opened with.
    description: dict[str, object] | None = None
    seen: str | None = None


@dataclass
class EditInput:
    """What an editor's form submits besides the publication's own fields."""

    speakers: list | None = None
    topics: list | None = None
    countries: list | None = None
    attachments: list[Attachment] | None = None
    ready_languages: list[str] | None = None
    hidden_languages: list[str] | None = None
    # Ready as they stand now: an outdated version among them is checked again against
    # the current original (translating.translation_mark_ready).
    renewed_languages: list[str] | None = None
    change_note: str = ""  # a major change: readers are told


@transaction.atomic
def publication_create(*, publication: Publication, user, data: EditInput) -> Publication:
    """A new publication, always a draft, with its taxonomy and attachments."""
    if not user.has_perm("speeches.add_publication") or translating.is_translator(user):
        raise PermissionDenied(_("You may not create publications."))
    publication.status = Status.DRAFT
    with _revision(user):
        services.publication_save(publication=publication, user=user)
        changes = _apply_related(publication, user, data)
    workflow.event_record(
        publication=publication,
        user=user,
        action=Action.EDIT,
        reason=_("Created"),
        changes=changes,
        from_status="",
    )
    return publication


@transaction.atomic
def publication_edit(
    *, publication: Publication, user, expected_version: int, data: EditInput
) -> Publication:
    """Save an editor's changes to ``publication`` (its fields already set on the object).

    ``expected_version`` is the edit version the form was opened at; a newer save raises
    ``services.EditConflict`` and nothing is written. The workflow's fields keep their
    stored values whatever the object carries: only ``speeches.publishing.workflow`` moves them.
    """
    if expected_version is None:
        raise ValidationError(_("The form did not say which version it was opened at."))
    stored = _locked(publication)
    _require_edit(stored, user)
    for name in revisions.WORKFLOW_FIELDS:
        attname = Publication._meta.get_field(name).attname
        setattr(publication, attname, getattr(stored, attname))
    if publication.original_language != stored.original_language and stored.status not in (
        Status.DRAFT,
        Status.IN_REVIEW,
    ):
        raise ValidationError(
            {"original_language": _("The original language of a public item cannot change.")}
        )
    changes = changed_fields(stored, publication)
    with _revision(user):
        services.publication_save(
            publication=publication, user=user, expected_version=expected_version
        )
        changes += _apply_related(publication, user, data)
    if "published_at" in changes:
        workflow.publication_record_time_change(publication=publication, user=user)
    if changes:
        workflow.event_record(
            publication=publication, user=user, action=Action.EDIT, changes=changes
        )
    if data.change_note.strip():
        if not stored.is_viewable():
            raise ValidationError(
                {"change_note": _("Change notes are for items that readers can see.")}
            )
        workflow.publication_record_major_change(
            publication=publication, user=user, note=data.change_note
        )
    return publication


@transaction.atomic
def publication_taxonomy_change(
    *, publication: Publication, user, add: dict[str, list], remove: dict[str, list]
) -> list[str]:
    """Add terms to and remove terms from one publication's speakers, topics and countries
    (``add`` and ``remove`` map those names to persons, topics, countries), leaving its
    other terms as they are: the list's bulk tagging.

    An edit like the change form's: the rights on the row as stored (an author's live item
    is refused), then, if anything changes, a new edit version, one revision holding the
    terms as they end up and an audit event naming what changed. Returns that list:
    empty when the item already read so, and nothing was written.
    """
    stored = _locked(publication)
    _require_edit(stored, user)
    wanted = {}
    for name in TAXONOMY:
        current = set(getattr(stored, name).values_list("pk", flat=True))
        after = (current | {term.pk for term in add.get(name, ())}) - {
            term.pk for term in remove.get(name, ())
        }
        if after != current:
            wanted[name] = after
    if not wanted:
        return []
    changes = list(wanted)
    with _revision(user):
        services.publication_save(
            publication=stored,
            user=user,
            expected_version=stored.edit_version,
            comment=_("Changed: %(fields)s") % {"fields": ", ".join(changes)},
        )
        for name, pks in wanted.items():
            getattr(stored, name).set(pks)
    workflow.event_record(publication=stored, user=user, action=Action.EDIT, changes=changes)
    return changes


def _apply_related(publication: Publication, user, data: EditInput) -> list[str]:
    """Taxonomy, attachments and the language boxes; returns what changed."""
    changes = []
    for name in TAXONOMY:
        chosen = getattr(data, name)
        if chosen is None:
            continue
        manager = getattr(publication, name)
        if {obj.pk for obj in chosen} != set(manager.values_list("pk", flat=True)):
            manager.set(chosen)
            changes.append(name)
    if data.attachments is not None:
        # Descriptions first: a photo may get its alternative text in the same save that
        # attaches it to a published item.
        described = _describe_attached(publication, user, data.attachments)
        changes += described
        if attachments_set(publication=publication, attachments=data.attachments):
            changes.append("attachments")
        elif described:
            publication._check_alt_texts()
    if data.ready_languages is not None:
        changes += _set_language_boxes(
            publication,
            user,
            set(data.ready_languages),
            set(data.hidden_languages or []),
            set(data.renewed_languages or []),
        )
    return changes


def attachments_set(*, publication: Publication, attachments: list[Attachment]) -> bool:
    """Make the item's additional materials exactly ``attachments``, in that order.

    The caller has checked the right to edit the item. A photo attached to a published
    item must describe itself in the original language (alternative text).
    """
    current = {a.material_id: a for a in publication.attachments.all()}
    wanted = {a.material.pk: a for a in attachments}
    changed = False
    for material_id, attachment in current.items():
        if material_id not in wanted:
            attachment.delete()
            changed = True
    for material_id, item in wanted.items():
        attachment = current.get(material_id)
        if attachment is None:
            PublicationMaterial.objects.create(
                publication=publication, material=item.material, position=item.position
            )
            changed = True
        elif attachment.position != item.position:
            attachment.position = item.position
            attachment.save(update_fields=["position"])
            changed = True
    if changed:
        publication._check_alt_texts()
    return changed


def _describe_attached(publication, user, attachments: list[Attachment]) -> list[str]:
    """Save the descriptions given with ``attachments``; what changed, named per material
    for the publication's own audit event ("material 12: title [de]")."""
    changes = []
    for attachment in attachments:
        if attachment.description is None:
            continue
        changed = material_describe(
            material=attachment.material,
            user=user,
            values=attachment.description,
            on=publication,
            seen=attachment.seen,
        )
        changes += [f"material {attachment.material.pk}: {name}" for name in changed]
    return changes


def _set_language_boxes(
    publication, user, ready: set[str], hidden: set[str], renewed: set[str] = frozenset()
) -> list[str]:
    """The change form's choices: which translations are ready (``renewed``: outdated ones
    checked again against the current original), which outdated ones hidden."""
    changes = []
    for version in LanguageVersion.objects.filter(publication=publication):
        code = version.language
        if code == publication.original_language:
            continue
        public = version.status in LanguageVersion.PUBLIC_STATUSES
        renew = code in renewed and version.status == LanguageVersion.Status.OUTDATED
        if (code in ready and not public) or renew:
            translating.translation_mark_ready(publication=publication, language=code, user=user)
            changes.append(f"ready [{code}]")
        elif code not in ready and public:
            translating.translation_mark_in_progress(
                publication=publication, language=code, user=user
            )
            changes.append(f"in progress [{code}]")
        elif version.status == LanguageVersion.Status.OUTDATED and version.hidden != (
            code in hidden
        ):
            translating.translation_set_hidden(
                publication=publication, language=code, user=user, hidden=code in hidden
            )
            changes.append(f"{'hidden' if code in hidden else 'shown'} [{code}]")
    return changes


# Deleting


def was_ever_published(publication: Publication) -> bool:
    """Readers saw it, or it was scheduled: its audit log must stay."""
    went_out = (Action.PUBLISH, Action.SCHEDULE, Action.FORCE_PUBLISH)
    return publication.events.filter(action__in=went_out).exists() or (
        publication.withdrawn_at is not None
    )


def can_delete(*, publication: Publication, user) -> bool:
    """Only drafts and items in review that never went out may be deleted (with their log);
    anything once published is unpublished instead, and keeps its history."""
    return (
        user.has_perm("speeches.delete_publication")
        and publication.status in (Status.DRAFT, Status.IN_REVIEW)
        and not was_ever_published(publication)
    )


@transaction.atomic
def publication_delete(*, publication: Publication, user) -> None:
    stored = _locked(publication)
    if not can_delete(publication=stored, user=user):
        raise PermissionDenied(
            _("Only a draft that was never published can be deleted; unpublish it instead.")
        )
    stored.delete()


# Restoring a revision


@dataclass(frozen=True)
class FieldChange:
    field: str  # "title", "body", "speakers"…
    label: str
    current: str  # as text, for people to read
    restored: str


@dataclass
class RestoreGroup:
    """One language (or the shared details) of a restore: what it would change."""

    key: str  # a language code, or "details"
    label: str
    changes: list[FieldChange]
    allowed: bool  # this user may restore it
    kept_reason: str = ""  # why it cannot be restored, when it cannot


def _as_text(name: str, value) -> str:
    if value in (None, ""):
        return ""
    if name == "body":
        return html_to_text(value)
    return str(value)


def restore_plan(*, publication: Publication, version, user) -> list[RestoreGroup]:
    """What restoring ``version`` would change, per language and for the shared details.

    A language that exists now but is missing from the revision is never restored: a
    restore brings words back, it never deletes a language version.
    """
    stored = version.field_dict
    groups = []
    for code in LANGUAGE_CODES:
        changes = [
            FieldChange(
                name,
                str(Publication._meta.get_field(name).verbose_name),
                _as_text(name, getattr(publication, column(name, code))),
                _as_text(name, stored.get(column(name, code))),
            )
            for name in TEXT_FIELDS
            if column(name, code) in stored
            and in_language(publication, name, code) != (stored[column(name, code)] or "")
        ]
        if not changes:
            continue
        exists_now = publication.text_exists_in(code)
        existed = bool(
            (stored.get(column("title", code)) or "").strip()
            and (stored.get(column("body", code)) or "")
        )
        group = RestoreGroup(
            code,
            str(get_language_info(code)["name_translated"]),
            changes,
            allowed=may_write_language(publication, user, code),
        )
        if exists_now and not existed:
            group.allowed = False
            group.kept_reason = _(
                "This language version did not exist in that revision; it is kept as it is."
            )
        elif not group.allowed:
            group.kept_reason = _("You may not edit this language version.")
        groups.append(group)
    details = _detail_changes(publication, stored)
    if details:
        groups.append(
            RestoreGroup(
                "details",
                _("Details shared by every language"),
                details,
                allowed=may_edit(publication, user),
            )
        )
    return groups


def _detail_changes(publication: Publication, stored: dict) -> list[FieldChange]:
    changes = []
    for name in DETAIL_FIELDS:
        attname = Publication._meta.get_field(name).attname
        if attname in stored and stored[attname] != getattr(publication, attname):
            model_field = Publication._meta.get_field(name)
            current, restored = getattr(publication, attname), stored[attname]
            if name == "type":
                types = {t.pk: str(t) for t in model_field.related_model.objects.all()}
                current, restored = types.get(current, ""), types.get(restored, "")
            elif model_field.choices:
                labels = dict(model_field.flatchoices)
                current, restored = labels.get(current, current), labels.get(restored, restored)
            changes.append(
                FieldChange(name, str(model_field.verbose_name), str(current), str(restored))
            )
    for name in TAXONOMY:
        if name not in stored:
            continue
        now = set(getattr(publication, name).values_list("pk", flat=True))
        if set(stored[name]) != now:
            related = Publication._meta.get_field(name).related_model
            names = {
                obj.pk: str(obj) for obj in related.objects.filter(pk__in={*now, *stored[name]})
            }
            changes.append(
                FieldChange(
                    name,
                    str(Publication._meta.get_field(name).verbose_name),
                    ", ".join(sorted(names[pk] for pk in now if pk in names)),
                    ", ".join(sorted(names[pk] for pk in stored[name] if pk in names)),
                )
            )
    return changes


@transaction.atomic
def revision_restore(
    *,
    publication: Publication,
    user,
    version,
    groups: list[str],
    expected_version: int,
) -> list[str]:
    """Put back the chosen ``groups`` (language codes, "details") of ``version``.

    Follows the rights of an edit, language by language; never deletes a language version
    that exists now; leaves the workflow state, the time and the original language alone.
    A restore is a new revision and an audit event listing what it changed. Returns that
    list (empty when there was nothing to restore).
    """
    if expected_version is None:
        raise ValidationError(_("The form did not say which version it was opened at."))
    if version.object_id != str(publication.pk):
        raise ValidationError(_("This revision belongs to another publication."))
    stored_row = _locked(publication)
    plan = {g.key: g for g in restore_plan(publication=stored_row, version=version, user=user)}
    if not groups:
        raise ValidationError(_("Choose at least one language (or the details) to restore."))
    refused = [key for key in groups if key in plan and not plan[key].allowed]
    if refused or not (
        workflow.can_edit(publication=stored_row, user=user)
        or any(
            translating.can_translate(user=user, publication=stored_row, language=key)
            for key in groups
        )
    ):
        raise PermissionDenied(_("You may not restore this part of the publication."))
    stored = version.field_dict
    changes = []
    for key in groups:
        group = plan.get(key)
        if group is None:
            continue
        if key == "details":
            for change in group.changes:
                if change.field in TAXONOMY:
                    getattr(stored_row, change.field).set(stored[change.field])
                else:
                    attname = Publication._meta.get_field(change.field).attname
                    setattr(stored_row, attname, stored[attname])
                changes.append(change.field)
        else:
            for change in group.changes:
                setattr(stored_row, column(change.field, key), stored[column(change.field, key)])
                changes.append(f"{change.field} [{key}]")
    if not changes:
        return []
    created = timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M")
    services.publication_save(
        publication=stored_row,
        user=user,
        expected_version=expected_version,
        comment=_("Restored from the revision of %(date)s: %(fields)s")
        % {"date": created, "fields": ", ".join(changes)},
    )
    workflow.event_record(
        publication=stored_row,
        user=user,
        action=Action.RESTORE,
        reason=_("Revision of %(date)s") % {"date": created},
        changes=changes,
    )
    publication.refresh_from_db()
    return changes


# Materials


def material_publications_locked(material: Material) -> list[Publication]:
    return list(
        Publication.objects.select_for_update().filter(
            pk__in=PublicationMaterial.objects.filter(material=material).values("publication_id")
        )
    )


def can_change_material(*, material: Material, user, publications=None) -> bool:
    """A material shows on every item it is attached to: whoever changes it must be allowed
    to edit each of them (a live item's photo is a publisher's to change). ``publications``:
    those items, when the caller has them (locked) already."""
    if not user.has_perm("speeches.change_material") or translating.is_translator(user):
        return False
    if material.pk is None:
        return True
    if publications is None:
        publications = Publication.objects.filter(attachments__material=material)
    return all(workflow.can_edit(publication=p, user=user) for p in publications)


MATERIAL_DETAILS = (
    "kind",
    "file",
    "url",
    "credit",
    "credit_language",
    "language",
    "decorative",
    "poster",
    "captions",
)


@transaction.atomic
def material_update(*, material: Material, user) -> Material:
    """Save a material from the media library, within the rights of every item using it.

    Each publication it is attached to gets an audit event naming what changed.
    """
    if material.pk is None:
        if not user.has_perm("speeches.add_material") or translating.is_translator(user):
            raise PermissionDenied(_("You may not add materials."))
        return services.material_save(material=material, user=user)
    publications = material_publications_locked(material)
    stored = Material.objects.get(pk=material.pk)
    if not can_change_material(material=stored, user=user, publications=publications):
        raise PermissionDenied(
            _(
                "This material is shown by a publication you may not edit in its present "
                "state; a publisher can change it."
            )
        )
    changes = [
        name for name in MATERIAL_DETAILS if getattr(stored, name) != getattr(material, name)
    ] + [
        f"{name} [{code}]"
        for name in ("title", "alt_text")
        for code in LANGUAGE_CODES
        if in_language(stored, name, code) != in_language(material, name, code)
    ]
    services.material_save(
        material=material,
        user=user,
        remake_renditions="credit" in changes and "file" not in changes,
    )
    if changes:
        for publication in publications:
            workflow.event_record(
                publication=publication,
                user=user,
                action=Action.MATERIAL,
                reason=str(material),
                changes=changes,
            )
    return material


# What describes a material in every publication that shows it, edited beside one of them.
MATERIAL_DESCRIPTION = (
    *(column(name, code) for name in ("title", "alt_text") for code in LANGUAGE_CODES),
    "credit",
    "credit_language",
    "decorative",
)
PHOTO_DESCRIPTION = ("decorative", *(column("alt_text", code) for code in LANGUAGE_CODES))


def _normal(name: str, value) -> object:
    """An empty caption is NULL or "" alike (modeltranslation's columns)."""
    return bool(value) if name == "decorative" else (value or "")


def material_description(material: Material) -> dict[str, object]:
    """What describes ``material`` where it is edited beside a publication: its captions,
    credit and the credit's language; for a photo its alternative texts and whether it
    is decorative too."""
    photo = material.kind == Material.Kind.PHOTO
    return {
        name: _normal(name, getattr(material, name))
        for name in MATERIAL_DESCRIPTION
        if photo or name not in PHOTO_DESCRIPTION
    }


def description_fingerprint(values: dict[str, object]) -> str:
    """A short fingerprint of a description: the form carries the one it was opened with,
    so a save can tell what the editor changed from what someone else saved meanwhile."""
    normal = {name: _normal(name, value) for name, value in values.items()}
    text = json.dumps(normal, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@transaction.atomic
def material_describe(
    *,
    material: Material,
    user,
    values: dict[str, object],
    on: Publication | None = None,
    seen: str | None = None,
) -> list[str]:
    """Save a material's description (``values``, of ``material_description``) as an
    editor fills it in beside publication ``on``, within the rights of
    ``material_update``: a material on a live item is a publisher's to change.

    ``seen`` is the ``description_fingerprint`` the editor's form was opened with: if
    someone changed the description since, nothing is written (ValidationError). Returns
    what changed ("title [de]", "credit"); nothing is written when nothing did. Every
    other publication showing the material gets an audit event; ``on`` names the change
    in its own.
    """
    publications = material_publications_locked(material)
    stored = Material.objects.select_for_update().get(pk=material.pk)
    current = material_description(stored)
    unknown = set(values) - set(current)
    if unknown:
        raise ValidationError(
            _("These do not describe this material: %(fields)s")
            % {"fields": ", ".join(sorted(unknown))}
        )
    changed = {
        name: value for name, value in values.items() if current[name] != _normal(name, value)
    }
    if not changed:
        return []
    if seen is not None and description_fingerprint(current) != seen:
        raise ValidationError(
            _(
                "Someone changed the description of “%(material)s” after you opened this "
                "form; nothing was saved. Open the form again to see their text."
            )
            % {"material": stored}
        )
    if not can_change_material(material=stored, user=user, publications=publications):
        raise PermissionDenied(
            _(
                "“%(material)s” is shown by a publication you may not edit in its present "
                "state; a publisher can change its description."
            )
            % {"material": stored}
        )
    for name, value in changed.items():
        setattr(stored, name, value)
    # A photo's download copy carries its credit as its copyright: made again with it.
    services.material_save(material=stored, user=user, remake_renditions="credit" in changed)
    names = [_described_name(name) for name in changed]
    for publication in publications:
        if on is None or publication.pk != on.pk:
            workflow.event_record(
                publication=publication,
                user=user,
                action=Action.MATERIAL,
                reason=str(stored),
                changes=names,
            )
    material.refresh_from_db()
    return names


def _described_name(name: str) -> str:
    """``title_de`` as the audit log names a language's field: "title [de]"."""
    for base in ("title", "alt_text"):
        for code in LANGUAGE_CODES:
            if name == column(base, code):
                return f"{base} [{code}]"
    return name


# Change notes


def change_note_languages(*, note: ChangeNote, user) -> list[str]:
    """The languages of ``note`` that ``user`` may write: the original by whoever may edit
    the item, each translation by whoever may translate it."""
    return [code for code in LANGUAGE_CODES if may_write_language(note.publication, user, code)]


@transaction.atomic
def change_note_save(*, note: ChangeNote, user, values: dict[str, str]) -> ChangeNote:
    """Save the texts of a public change note; ``values`` maps language codes to text."""
    stored = ChangeNote.objects.select_for_update().select_related("publication").get(pk=note.pk)
    allowed = set(change_note_languages(note=stored, user=user))
    changed = {
        code: (text or "").strip()
        for code, text in values.items()
        if code in LANGUAGE_CODES and (text or "").strip() != stored.text_in(code)
    }
    refused = sorted(set(changed) - allowed)
    if refused:
        raise PermissionDenied(
            _("You may not change this note in: %(languages)s") % {"languages": ", ".join(refused)}
        )
    if (
        stored.publication.original_language in changed
        and not changed[stored.publication.original_language]
    ):
        raise ValidationError(_("The note in the original language cannot be empty."))
    for code, text in changed.items():
        setattr(stored, column("text", code), text)
    if changed:
        stored.full_clean()
        stored.save(update_fields=[column("text", code) for code in changed])
        workflow.event_record(
            publication=stored.publication,
            user=user,
            action=Action.CHANGE_NOTE,
            reason=stored.text_in(stored.publication.original_language),
            changes=[f"change note [{code}]" for code in changed],
        )
    return stored
