"""The editorial workflow: a publication's states and the only ways between them.

    draft ──submit──▶ in review ──publish──▶ published (scheduled while its time is ahead)
      ▲                  │                      │   │
      └───send back──────┘                      │   └──unpublish──▶ unpublished (410 / redirect)
      ▲                                         │                        ▲
      └───────────────unschedule (while ahead)  └──withdraw──▶ withdrawn ─┘

Every transition is a function here with its permission check at the top; the admin,
commands and tests call these and nothing else changes ``status``. Each one saves through
``services.publication_save`` (so a revision is stored) and writes a ``WorkflowEvent``
with the user, the time and the reason.

Whoever submitted an item cannot publish it (``TWO_PERSON_RULE``); a
publisher with the force-publish permission may, with a reason that other publishers see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from speeches.models import ChangeNote, LanguageVersion, Publication, WorkflowEvent
from speeches.publishing import services

Status = Publication.Status
Action = WorkflowEvent.Action


@dataclass(frozen=True)
class Transition:
    """An action: its label, permission, the states it starts from, and its reason field."""

    name: str
    label: str
    permission: str
    sources: tuple[str, ...]  # the states (``Publication.state``) it may start from
    reason_label: str = ""
    reason_required: bool = False


# In the order the admin offers them.
TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit", gettext_lazy("Submit for review"), "speeches.submit_publication", ("draft",)
        ),
        Transition(
            "publish", gettext_lazy("Publish"), "speeches.publish_publication", ("in_review",)
        ),
        Transition(
            "send_back",
            gettext_lazy("Send back to draft"),
            "speeches.publish_publication",
            ("in_review",),
            gettext_lazy("What needs to change"),
            reason_required=True,
        ),
        Transition(
            "force_publish",
            gettext_lazy("Force-publish"),
            "speeches.force_publish_publication",
            ("draft", "in_review"),
            gettext_lazy("Why this cannot wait for a second person's review"),
            reason_required=True,
        ),
        Transition(
            "unschedule",
            gettext_lazy("Unschedule"),
            "speeches.publish_publication",
            ("scheduled",),
            gettext_lazy("Reason"),
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw"),
            "speeches.withdraw_publication",
            ("published",),
            gettext_lazy("Public explanation, shown at the top of the page"),
            reason_required=True,
        ),
        Transition(
            "unpublish",
            gettext_lazy("Unpublish"),
            "speeches.unpublish_publication",
            ("published", "withdrawn"),
            gettext_lazy("Reason (kept in the audit log, not shown to readers)"),
            reason_required=True,
        ),
    ]
}


def _require(publication: Publication, user, transition: str) -> None:
    """The user's right first, then the state the database holds now, with the row locked
    until the transaction ends.

    Two publishers acting at once (one withdraws, one unpublishes) are thus served one
    after the other, the second against the first one's result.
    """
    if not user.has_perm(TRANSITIONS[transition].permission):
        raise PermissionDenied(_("You are not allowed to do this."))
    publication.refresh_from_db(from_queryset=Publication.objects.select_for_update())
    if publication.state not in TRANSITIONS[transition].sources:
        raise ValidationError(
            _("Not possible while the publication is %(state)s.")
            % {"state": publication.get_state_display()},
            code="invalid_state",
        )


def _require_release_languages(publication: Publication) -> None:
    """ "Release together": every chosen language must be ready (not outdated) first."""
    ready = set(
        publication.versions.filter(status=LanguageVersion.Status.READY).values_list(
            "language", flat=True
        )
    )
    missing = [code for code in publication.release_languages if code not in ready]
    if missing:
        names = ", ".join(str(get_language_info(code)["name_translated"]) for code in missing)
        raise ValidationError(
            _(
                "This publication is to be released together with its translations, and "
                "these are not ready yet: %(languages)s."
            )
            % {"languages": names},
            code="release_together",
        )


def _require_reason(reason: str, field: str = "reason") -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: _("Please give a reason.")}, code="reason_required")
    return reason


def _move(
    *, publication: Publication, user, action: str, to: str, reason: str = "", **fields
) -> Publication:
    """Save the new status through the service (one revision) and log the event."""
    before = publication.state
    publication.status = to
    for name, value in fields.items():
        setattr(publication, name, value)
    try:
        services.publication_save(
            publication=publication,
            user=user,
            expected_version=publication.edit_version,
            comment=str(Action(action).label),
        )
    except services.EditConflict as conflict:  # only where rows cannot be locked (SQLite)
        raise ValidationError(
            _("Someone changed this publication a moment ago. Please try again."),
            code="conflict",
        ) from conflict
    WorkflowEvent.objects.create(
        publication=publication,
        action=action,
        user=user,
        from_status=before,
        to_status=publication.state,
        reason=reason,
    )
    return publication


def allowed_transitions(*, publication: Publication, user) -> list[Transition]:
    """The actions ``user`` may take on ``publication`` now, in the order to offer them."""
    state = publication.state
    return [
        transition
        for name, transition in TRANSITIONS.items()
        if state in transition.sources
        and user.has_perm(transition.permission)
        and not (
            name == "publish" and blocked_by_two_person_rule(publication=publication, user=user)
        )
    ]


def blocked_by_two_person_rule(*, publication: Publication, user) -> bool:
    """Whoever submitted the item, or changed what readers will see after it was
    submitted, is no second person: someone else must review it and publish."""
    if not settings.TWO_PERSON_RULE or publication.status != Status.IN_REVIEW:
        return False
    if publication.submitted_by_id is not None and publication.submitted_by_id == user.pk:
        return True
    return changed_since_submission(publication=publication, user=user)


def changed_since_submission(*, publication: Publication, user) -> bool:
    """Did ``user`` change the text after the item was submitted?"""
    if publication.submitted_at is None:
        return False
    return publication.events.filter(
        action__in=WorkflowEvent.TEXT_CHANGES, at__gte=publication.submitted_at, user=user
    ).exists()


@transaction.atomic
def publication_submit(*, publication: Publication, user) -> Publication:
    """Draft → in review. The submitter is remembered for the two-person rule."""
    _require(publication, user, "submit")
    return _move(
        publication=publication,
        user=user,
        action=Action.SUBMIT,
        to=Status.IN_REVIEW,
        submitted_by=user,
        submitted_at=timezone.now(),
    )


@transaction.atomic
def publication_send_back(*, publication: Publication, user, comment: str) -> Publication:
    """In review → draft, with a comment saying what needs to change."""
    _require(publication, user, "send_back")
    return _move(
        publication=publication,
        user=user,
        action=Action.SEND_BACK,
        to=Status.DRAFT,
        reason=_require_reason(comment),
        submitted_by=None,
        submitted_at=None,
    )


@transaction.atomic
def publication_publish(*, publication: Publication, user) -> Publication:
    """In review → published, or scheduled when ``published_at`` is still ahead.

    Refused to the person who submitted it while the two-person rule is on.
    """
    _require(publication, user, "publish")
    if blocked_by_two_person_rule(publication=publication, user=user):
        raise ValidationError(
            _(
                "You submitted this publication or changed it after it was submitted, so "
                "another person must review and publish it. A publisher may force-publish "
                "it, with a reason."
            ),
            code="two_person_rule",
        )
    return _publish(publication=publication, user=user, action=None)


@transaction.atomic
def publication_force_publish(*, publication: Publication, user, reason: str) -> Publication:
    """Draft or in review → published (or scheduled) without a second person's review."""
    _require(publication, user, "force_publish")
    return _publish(
        publication=publication,
        user=user,
        action=Action.FORCE_PUBLISH,
        reason=_require_reason(reason),
    )


def _publish(*, publication: Publication, user, action: str | None, reason: str = ""):
    _require_release_languages(publication)
    scheduled = publication.published_at > timezone.now()
    if action is None:
        action = Action.SCHEDULE if scheduled else Action.PUBLISH
    return _move(
        publication=publication, user=user, action=action, to=Status.PUBLISHED, reason=reason
    )


@transaction.atomic
def publication_unschedule(*, publication: Publication, user, reason: str = "") -> Publication:
    """Scheduled → draft: the item will not appear at its time."""
    _require(publication, user, "unschedule")
    return _move(
        publication=publication,
        user=user,
        action=Action.UNSCHEDULE,
        to=Status.DRAFT,
        reason=(reason or "").strip(),
        submitted_by=None,
        submitted_at=None,
    )


@transaction.atomic
def publication_withdraw(*, publication: Publication, user, explanation: str) -> Publication:
    """Published → withdrawn: out of every listing, the page kept under a dated explanation.

    ``explanation`` is written in the publication's original language; other languages'
    explanations are translations, edited like any other text.
    """
    _require(publication, user, "withdraw")
    explanation = _require_reason(explanation)
    return _move(
        publication=publication,
        user=user,
        action=Action.WITHDRAW,
        to=Status.WITHDRAWN,
        reason=explanation,
        withdrawn_at=timezone.now(),
        **{f"withdrawal_explanation_{publication.original_language}": explanation},
    )


@transaction.atomic
def publication_unpublish(
    *, publication: Publication, user, reason: str, replacement: Publication | None = None
) -> Publication:
    """Published or withdrawn → unpublished: 410 Gone, or a redirect to ``replacement``."""
    _require(publication, user, "unpublish")
    reason = _require_reason(reason)
    if replacement is not None and (
        replacement.pk == publication.pk or not replacement.is_public()
    ):
        raise ValidationError(
            {"replacement": _("The replacement must be another publication that is public.")},
            code="invalid_replacement",
        )
    return _move(
        publication=publication,
        user=user,
        action=Action.UNPUBLISH,
        to=Status.UNPUBLISHED,
        reason=reason,
        replaced_by=replacement,
    )


def transition_run(
    name: str, *, publication: Publication, user, reason: str = "", replacement=None
) -> Publication:
    """Run the transition called ``name`` (a key of ``TRANSITIONS``) with what it needs."""
    match name:
        case "submit":
            return publication_submit(publication=publication, user=user)
        case "send_back":
            return publication_send_back(publication=publication, user=user, comment=reason)
        case "publish":
            return publication_publish(publication=publication, user=user)
        case "force_publish":
            return publication_force_publish(publication=publication, user=user, reason=reason)
        case "unschedule":
            return publication_unschedule(publication=publication, user=user, reason=reason)
        case "withdraw":
            return publication_withdraw(publication=publication, user=user, explanation=reason)
        case "unpublish":
            return publication_unpublish(
                publication=publication, user=user, reason=reason, replacement=replacement
            )
    raise ValueError(f"Unknown transition: {name}")


def event_record(
    *, publication: Publication, user, action: str, reason: str = "", **fields
) -> WorkflowEvent:
    """Add to the audit log an action that leaves the publication's state as it is."""
    return WorkflowEvent.objects.create(
        publication=publication,
        action=action,
        user=user,
        from_status=fields.pop("from_status", publication.state),
        to_status=publication.state,
        reason=reason,
        **fields,
    )


def publication_record_time_change(*, publication: Publication, user) -> WorkflowEvent | None:
    """Log a published item's new date and time: moving it ahead schedules it again.

    Editing the time of a published item is how a publisher reschedules it (or brings it
    forward); the audit log must show it like any other scheduling.
    """
    if publication.status != Status.PUBLISHED:
        return None
    moment = timezone.localtime(publication.published_at).strftime("%Y-%m-%d %H:%M:%S")
    return event_record(
        publication=publication,
        user=user,
        action=Action.SCHEDULE if publication.is_scheduled() else Action.PUBLISH,
        reason=_("Date and time set to %(moment)s") % {"moment": moment},
        from_status="",
    )


def publication_record_major_change(*, publication: Publication, user, note: str) -> ChangeNote:
    """Tell readers of a live item what changed: a dated note on its page, and an event."""
    note = _require_reason(note, field="change_note")
    change = ChangeNote.objects.create(
        publication=publication,
        created_by=user,
        **{f"text_{publication.original_language}": note},
    )
    event_record(publication=publication, user=user, action=Action.MAJOR_CHANGE, reason=note)
    return change


def can_edit(*, publication: Publication, user) -> bool:
    """Authors edit drafts and items in review; live, withdrawn and gone items need a
    publisher. (Translators edit their languages only: speeches.languages.translating.)"""
    if not user.has_perm("speeches.change_publication"):
        return False
    if publication.status in (Status.DRAFT, Status.IN_REVIEW):
        return True
    if publication.status == Status.UNPUBLISHED:
        return user.has_perm("speeches.unpublish_publication")
    return user.has_perm("speeches.publish_publication")
