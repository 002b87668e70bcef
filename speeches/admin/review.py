"""Review: what changed between two revisions of a publication, and what happened between.

The history's *compare* page and the publish page's *changes since submission* show the
same review, built here:

- per language (the original first), each text word by word as it reads
  (``speeches.publishing.textdiff``: a body as its paragraphs, every word escaped);
- the details shared by every language (type, date and time, reference…) before and
  after, in words: names, labels, local times in the admin's own format;
- the speakers, topics and countries added and removed, by name;
- the additional materials added, removed and moved;
- the audit log's entries between the two revisions (submitted with its note, sent back
  with its comment, published, force-published with its reason…), with people's names.

Who saved a revision or acted is a person's full name, or their user name without one.

Materials: every revision holds the publication's attachment rows as they were
(``revisions.FOLLOWED``). Revisions taken before they were followed hold none; where the
older revision holds none, the newer one does and the audit log records no change of
the attachments between them, the review says the older revision did not record them
instead of listing every material as added.

An entry of the audit log belongs to the revision it follows: a workflow action saves the
publication (a revision) and then logs its event, an edit likewise. The entries "between"
two revisions are those after the older one's own and up to the newer one's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext as _
from reversion.models import Version

from speeches.admin import badges
from speeches.models import (
    LANGUAGE_CODES,
    ChangeNote,
    Material,
    Publication,
    PublicationMaterial,
    WorkflowEvent,
)
from speeches.publishing import textdiff

Action = WorkflowEvent.Action

# Who saved and when is the revision's own record, not a change of what it holds; a
# translated field's base column only mirrors one of its languages, compared one by one.
NOT_COMPARED = {"id", "created_at", "updated_at", "created_by", "updated_by"}
# The audit log's word for a change of the attachments (editing._apply_related).
ATTACHMENTS = "attachments"


def person_name(user) -> str:
    """How staff are named to each other: the full name, else the user name."""
    if user is None:
        return "—"
    return user.get_full_name().strip() or user.get_username()


def moment_to_the_second(value: datetime | None) -> str:
    """A release time, to the second as it is set (``badges.schedule_time``)."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'DATE_FORMAT')} {formats.time_format(local, 'H:i:s')}"


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


# What the review holds


@dataclass
class FieldChange:
    label: str
    html: SafeString  # the compared text, escaped, with <del> and <ins>


@dataclass
class LanguageChanges:
    code: str
    name: str
    direction: str  # "rtl" or "ltr": the texts are shown in their own direction
    fields: list[FieldChange]


@dataclass
class DetailChange:
    label: str
    before: str  # "" when it was empty
    after: str


@dataclass
class TermChange:
    label: str
    added: list[str]
    removed: list[str]


@dataclass
class MaterialChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # the new order, when it changed
    unrecorded: bool = False  # the older revision holds no record of them

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.order or self.unrecorded)


@dataclass
class AuditEntry:
    """One line of the audit log as people read it."""

    at: datetime
    who: str
    kind: str  # WorkflowEvent.Action
    action: str  # its label
    forced: bool  # force-published: set apart wherever it is listed
    states: SafeString  # "from → to" as status badges, when the state changed
    reason: str
    changes: list[str]


@dataclass
class Review:
    languages: list[LanguageChanges]
    details: list[DetailChange]
    terms: list[TermChange]
    materials: MaterialChanges
    events: list[AuditEntry]

    @property
    def changed(self) -> bool:
        """Did anything the revisions hold change (the audit log aside)?"""
        return bool(self.languages or self.details or self.terms or self.materials)


# Building it


def compare(
    *, publication: Publication, older: Version, newer: Version, told: WorkflowEvent | None = None
) -> Review:
    """The review of what changed from ``older`` to ``newer`` (two revisions of
    ``publication``), in a constant number of queries. ``told``: an event the page shows
    already (the submission, with its note), left out of the list."""
    old, new = older.field_dict, newer.field_dict
    events = [e for e in _events_between(publication, older, newer) if e != told]
    return Review(
        languages=_text_changes(old, new),
        details=_detail_changes(old, new),
        terms=_term_changes(old, new),
        materials=_material_changes(publication, older, newer, events),
        events=audit_entries(events),
    )


@dataclass
class Submission:
    """What a reviewer reads before publishing: who submitted, when, their note, and
    everything that changed since."""

    who: str
    at: datetime | None
    note: str
    review: Review | None  # None when the history does not reach the submission
    # When it had been sent back before: that entry, and the two revisions (as sent back,
    # latest) to compare, so a reviewer sees what the author did with their comment.
    sent_back: AuditEntry | None = None
    since_sent_back: tuple[int, int] | None = None


def since_submission(publication: Publication) -> Submission | None:
    """For an item in review: the submission and what changed since (None otherwise)."""
    if publication.status != Publication.Status.IN_REVIEW or publication.submitted_at is None:
        return None
    submitted_event = (
        publication.events.filter(action=Action.SUBMIT, at__gte=publication.submitted_at)
        .select_related("user")
        .order_by("at", "id")
        .first()
    )
    versions = Version.objects.get_for_object(publication).select_related("revision")
    order = ("-revision__date_created", "-pk")
    # The last revision before the submission holds the submitted text: a submission
    # changes no text, and every later save is a revision of its own.
    submitted = (
        versions.filter(revision__date_created__lte=publication.submitted_at)
        .order_by(*order)
        .first()
    ) or versions.order_by("revision__date_created", "pk").first()
    latest = versions.order_by(*order).first()
    review = None
    if submitted is not None and latest is not None:
        review = compare(
            publication=publication, older=submitted, newer=latest, told=submitted_event
        )
    submitter = submitted_event.user if submitted_event else publication.submitted_by
    submission = Submission(
        who=person_name(submitter),
        at=publication.submitted_at,
        note=submitted_event.reason if submitted_event else "",
        review=review,
    )
    sent_back = (
        publication.events.filter(action=Action.SEND_BACK, at__lt=publication.submitted_at)
        .select_related("user")
        .order_by("-at", "-id")
        .first()
    )
    if sent_back is not None and latest is not None:
        submission.sent_back = audit_entries([sent_back])[0]
        as_sent_back = versions.filter(revision__date_created__lte=sent_back.at).order_by(*order)
        if (version := as_sent_back.first()) is not None:
            submission.since_sent_back = (version.pk, latest.pk)
    return submission


def _text_changes(old: dict, new: dict) -> list[LanguageChanges]:
    original = new.get("original_language") or old.get("original_language") or ""
    languages = sorted(LANGUAGE_CODES, key=lambda code: code != original)
    found = []
    for code in languages:
        fields = []
        for model_field in _translated_fields(code):
            name = model_field.attname
            before, after = old.get(name) or "", new.get(name) or ""
            if before == after:
                continue
            base = model_field.translated_field
            rendered = (
                textdiff.render_body(textdiff.body_diff(before, after))
                if base.name == "body"
                else textdiff.render_text(before, after)
            )
            fields.append(FieldChange(capfirst(base.verbose_name), rendered))
        if fields:
            direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
            found.append(LanguageChanges(code, language_name(code), direction, fields))
    return found


def _translated_fields(code: str) -> list[models.Field]:
    return [
        f
        for f in Publication._meta.concrete_fields
        if getattr(f, "language", None) == code and hasattr(f, "translated_field")
    ]


def _shared_fields() -> list[models.Field]:
    """The fields every language shares, as a revision stores them."""
    translated = {
        f.translated_field.name
        for f in Publication._meta.concrete_fields
        if hasattr(f, "translated_field")
    }
    return [
        f
        for f in Publication._meta.concrete_fields
        if not hasattr(f, "translated_field")
        and f.name not in translated
        and f.name not in NOT_COMPARED
    ]


def _detail_changes(old: dict, new: dict) -> list[DetailChange]:
    differing = [
        f
        for f in _shared_fields()
        if f.attname in old and f.attname in new and _same(old[f.attname]) != _same(new[f.attname])
    ]
    related = {}
    for model_field in differing:
        if model_field.is_relation:
            pks = {old[model_field.attname], new[model_field.attname]} - {None}
            model = model_field.related_model
            related[model_field.name] = {o.pk: str(o) for o in model.objects.filter(pk__in=pks)}
    return [
        DetailChange(
            capfirst(model_field.verbose_name),
            _in_words(model_field, old[model_field.attname], related),
            _in_words(model_field, new[model_field.attname], related),
        )
        for model_field in differing
    ]


def _same(value):
    """Values as compared: a time to the second (as it is set), empty as empty."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value or None


def _in_words(model_field: models.Field, value, related: dict) -> str:
    if value in (None, "", []):
        return ""
    if model_field.is_relation:
        return related.get(model_field.name, {}).get(value, f"#{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return moment_to_the_second(value)
    if model_field.name in ("original_language", "release_languages") or (
        model_field.name.endswith("_language")
    ):
        codes = value if isinstance(value, list) else [value]
        return ", ".join(language_name(code) for code in codes)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _term_changes(old: dict, new: dict) -> list[TermChange]:
    found = []
    for model_field in Publication._meta.many_to_many:
        name = model_field.name
        if name not in old or name not in new:
            continue
        before, after = set(old[name]), set(new[name])
        if before == after:
            continue
        names = {
            o.pk: str(o) for o in model_field.related_model.objects.filter(pk__in=before | after)
        }
        found.append(
            TermChange(
                capfirst(model_field.verbose_name),
                added=sorted(names.get(pk, f"#{pk}") for pk in after - before),
                removed=sorted(names.get(pk, f"#{pk}") for pk in before - after),
            )
        )
    return found


def _material_changes(
    publication: Publication, older: Version, newer: Version, events: list[WorkflowEvent]
) -> MaterialChanges:
    rows = _attachments_in(publication, [older.revision_id, newer.revision_id])
    before, after = rows.get(older.revision_id, []), rows.get(newer.revision_id, [])
    if before == after:
        return MaterialChanges()
    if not before and not any(ATTACHMENTS in (e.changes or []) for e in events):
        return MaterialChanges(unrecorded=True)
    materials = {m.pk: m for m in Material.objects.filter(pk__in={*before, *after}).order_by()}

    def label(pk: int) -> str:
        material = materials.get(pk)
        if material is None:
            return _("a material since deleted (#%(id)s)") % {"id": pk}
        return f"{capfirst(material.get_kind_display())}: {material}"

    kept_before = [pk for pk in before if pk in after]
    kept_after = [pk for pk in after if pk in before]
    return MaterialChanges(
        added=[label(pk) for pk in after if pk not in before],
        removed=[label(pk) for pk in before if pk not in after],
        order=[label(pk) for pk in after] if kept_before != kept_after else [],
    )


def _attachments_in(publication: Publication, revision_ids: list[int]) -> dict[int, list[int]]:
    """The materials (by id, in their order) each of these revisions holds for
    ``publication``; a revision may also hold other items' rows (one save of several)."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    versions = Version.objects.filter(
        revision_id__in=revision_ids,
        content_type=ContentType.objects.get_for_model(PublicationMaterial),
    )
    for version in versions:
        row = version.field_dict
        if row.get("publication_id") != publication.pk:
            continue
        found.setdefault(version.revision_id, []).append(
            (row.get("position") or 0, int(version.object_id), row["material_id"])
        )
    return {revision: [pk for *_, pk in sorted(rows)] for revision, rows in found.items()}


def _events_between(
    publication: Publication, older: Version, newer: Version
) -> list[WorkflowEvent]:
    """The audit log's entries after the older revision's own, up to the newer one's (see
    the module's docstring), oldest first."""
    if older.revision_id == newer.revision_id:
        return []
    later = Version.objects.get_for_object(publication).order_by("revision__date_created", "pk")
    start = (
        later.filter(revision__date_created__gt=older.revision.date_created)
        .values_list("revision__date_created", flat=True)
        .first()
    )
    end = (
        later.filter(revision__date_created__gt=newer.revision.date_created)
        .values_list("revision__date_created", flat=True)
        .first()
    )
    events = publication.events.select_related("user").order_by("at", "id")
    if start is not None:
        events = events.filter(at__gte=start)
    if end is not None:
        events = events.filter(at__lt=end)
    return list(events)


# The audit log, as people read it


def audit_entries(events) -> list[AuditEntry]:
    """Audit events with names, their state change as badges and what changed in words."""
    return [
        AuditEntry(
            at=event.at,
            who=person_name(event.user),
            kind=event.action,
            action=event.get_action_display(),
            forced=event.action == Action.FORCE_PUBLISH,
            states=_states(event),
            reason=event.reason,
            changes=describe_changes(event),
        )
        for event in events
    ]


def _state_badge(state: str) -> SafeString:
    label = badges.STATE_LABELS.get(state, state)
    return badges.Badge(state, str(label)).html()


def _states(event: WorkflowEvent) -> SafeString:
    if not event.to_status or event.from_status == event.to_status:
        return SafeString()
    if not event.from_status:
        return _state_badge(event.to_status)
    return format_html(
        '{} <span class="state-arrow" aria-hidden="true">→</span>'
        '<span class="visually-hidden">{}</span> {}',
        _state_badge(event.from_status),
        _("to"),
        _state_badge(event.to_status),
    )


# A language's states, as the audit log names them: "ready [de]" is German made ready.
LANGUAGE_STEPS = {
    "ready": badges.LANGUAGE_LABELS["ready"],
    "in progress": badges.LANGUAGE_LABELS["in_progress"],
    "hidden": badges.LANGUAGE_LABELS["hidden"],
    "shown": pgettext_lazy("language status", "shown again"),
}
OTHER_NAMES = {
    ATTACHMENTS: PublicationMaterial._meta.verbose_name_plural,
    "change note": ChangeNote._meta.get_field("text").verbose_name,
}
IN_PROGRESS_SUFFIX = " (in progress)"


def describe_changes(event: WorkflowEvent) -> list[str]:
    """The audit log's record of what changed ("title [en]", "speakers", "ready [de]"),
    in the reader's words: "Title (English)", "Speakers", "Ready (German)"."""
    model = Material if event.action == Action.MATERIAL else Publication
    return [_describe(entry, model) for entry in event.changes or []]


def _describe(entry: str, model) -> str:
    text = str(entry)
    pending = text.endswith(IN_PROGRESS_SUFFIX)
    text = text.removesuffix(IN_PROGRESS_SUFFIX)
    name, _sep, rest = text.partition(" [")
    code = rest.removesuffix("]") if rest.endswith("]") else ""
    if rest and not code:
        return str(entry)
    label = LANGUAGE_STEPS.get(name) or OTHER_NAMES.get(name)
    if label is None:
        try:
            label = model._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            return str(entry)
    label = capfirst(str(label))
    if code:
        label = _("%(field)s (%(language)s)") % {"field": label, "language": language_name(code)}
    if pending:
        label = _("%(field)s, work in progress") % {"field": label}
    return label


# The compare page


class ReviewAdminMixin:
    """For ``PublicationAdmin``: the history's page comparing two revisions."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="speeches_publication_compare",
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        """What changed between two revisions (``?a=…&b=…``, in either order)."""
        publication = self.get_object(request, unquote(object_id))
        if publication is None or not self.has_view_or_change_permission(request, publication):
            raise PermissionDenied
        chosen = [request.GET.get("a", ""), request.GET.get("b", "")]
        found = {}
        if all(value.isdigit() for value in chosen):
            found = {
                v.pk: v
                for v in Version.objects.get_for_object(publication)
                .filter(pk__in=[int(value) for value in chosen])
                .select_related("revision", "revision__user")
            }
        if len(found) != len(set(chosen)) or not found:
            self.message_user(request, _("Choose two revisions to compare."), messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:speeches_publication_history", args=[publication.pk])
            )
        older, newer = sorted(
            (found[int(chosen[0])], found[int(chosen[1])]),
            key=lambda v: (v.revision.date_created, v.pk),
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": publication,
            "title": _("Changes between two revisions"),
            "older": _saved(older),
            "newer": _saved(newer),
            "review": compare(publication=publication, older=older, newer=newer),
        }
        return TemplateResponse(request, "admin/speeches/publication/compare.html", context)


@dataclass
class Saved:
    """A revision as the compare page names it."""

    at: datetime
    who: str
    comment: str


def _saved(version: Version) -> Saved:
    revision = version.revision
    return Saved(revision.date_created, person_name(revision.user), revision.get_comment())
