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
publisher with the force-publish permission may, with a reason that other publishers see,
once they have confirmed that they publish it without a second person's review.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from speeches.models import ChangeNote, LanguageVersion, Publication, WorkflowEvent, column
from speeches.publishing import public_state, services, signals

Status = Publication.Status
Action = WorkflowEvent.Action


def _require(publication: Publication, user, transition: str) -> None:
    """The user's right first, then what the database holds now, with the row locked
    until the transaction ends: the refusal is the one the action panel shows.

    Two publishers acting at once (one withdraws, one unpublishes) are thus served one
    after the other, the second against the first one's result.
    """
    if not user.has_perm(TRANSITIONS[transition].permission):
        raise PermissionDenied(_("You are not allowed to do this."))
    publication.refresh_from_db(from_queryset=Publication.objects.select_for_update())
    refusal = TRANSITIONS[transition].refusal(publication=publication, user=user)
    if refusal is not None:
        raise refusal


def _in_its_state(publication: Publication, user, transition: Transition):
    if publication.state not in transition.sources:
        return ValidationError(
            _("Not possible while the publication is %(state)s.")
            % {"state": publication.get_state_display()},
            code="invalid_state",
        )
    return None


def _release_languages_ready(publication: Publication, user, transition: Transition):
    """ "Release together": every chosen language must be ready (not outdated) first."""
    missing = release_languages_not_ready(publication)
    if missing:
        names = ", ".join(str(get_language_info(code)["name_translated"]) for code in missing)
        return ValidationError(
            _(
                "This publication is to be released together with its translations, and "
                "these are not ready yet: %(languages)s."
            )
            % {"languages": names},
            code="release_together",
        )
    return None


def release_languages_not_ready(publication: Publication) -> list[str]:
    """The "release together" languages that are not ready yet (outdated is not ready),
    read from ``versions`` (through a prefetch where a list set one up)."""
    if not publication.release_languages:
        return []
    ready = {
        version.language
        for version in publication.versions.all()
        if version.status == LanguageVersion.Status.READY
    }
    return [code for code in publication.release_languages if code not in ready]


def _second_person(publication: Publication, user, transition: Transition):
    if blocked_by_two_person_rule(publication=publication, user=user):
        return ValidationError(
            _(
                "You submitted this publication or changed it after it was submitted, so "
                "another person must review and publish it. A publisher may force-publish "
                "it, with a reason."
            ),
            code="two_person_rule",
        )
    return None


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
    if to == Status.PUBLISHED:
        signals.send_after_commit(signals.released, publication_id=publication.pk, languages=None)
    return publication


def offered_transitions(*, publication: Publication, user) -> list[tuple[Transition, str]]:
    """The actions ``user`` has the right to and that ``publication``'s state allows, in
    the order to offer them, each with why it cannot be taken now ("" when it can)."""
    offered = []
    for transition in TRANSITIONS.values():
        if publication.state in transition.sources and user.has_perm(transition.permission):
            refusal = transition.refusal(publication=publication, user=user)
            if refusal is not None and transition.toggle:
                continue  # of "feature" and "stop featuring", only the one that applies
            offered.append((transition, " ".join(refusal.messages) if refusal else ""))
    return offered


def blocked_by_two_person_rule(*, publication: Publication, user) -> bool:
    """Whoever submitted the item, or changed what readers will see after it was
    submitted, is no second person: someone else must review it and publish."""
    if not settings.TWO_PERSON_RULE or publication.status != Status.IN_REVIEW:
        return False
    if publication.submitted_by_id is not None and publication.submitted_by_id == user.pk:
        return True
    return changed_since_submission(publication=publication, user=user)


def two_person_rule_q(*, user) -> Q:
    """``blocked_by_two_person_rule`` as a filter, for lists: the items in review that
    ``user`` submitted or changed after they were submitted, which someone else must
    publish."""
    if not settings.TWO_PERSON_RULE:
        return Q(pk__in=[])
    changed_since = Exists(
        WorkflowEvent.objects.filter(
            publication=OuterRef("pk"),
            action__in=WorkflowEvent.TEXT_CHANGES,
            at__gte=OuterRef("submitted_at"),
            user=user,
        )
    )
    return Q(status=Status.IN_REVIEW) & (Q(submitted_by=user) | changed_since)


def changed_since_submission(*, publication: Publication, user) -> bool:
    """Did ``user`` change the text after the item was submitted?"""
    if publication.submitted_at is None:
        return False
    return publication.events.filter(
        action__in=WorkflowEvent.TEXT_CHANGES, at__gte=publication.submitted_at, user=user
    ).exists()


@transaction.atomic
def publication_submit(*, publication: Publication, user, note: str = "") -> Publication:
    """Draft → in review. The submitter is remembered for the two-person rule; their
    ``note`` to the reviewer (optional) is the event's reason, shown on the publish page."""
    _require(publication, user, "submit")
    return _move(
        publication=publication,
        user=user,
        action=Action.SUBMIT,
        to=Status.IN_REVIEW,
        reason=(note or "").strip(),
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


@transaction.atomic
def publication_schedule(*, publication: Publication, user, at: datetime.datetime) -> Publication:
    """In review → scheduled for ``at``, or a scheduled item moved to ``at``: its date and
    time set and the item published in one step, so that it appears on that second.

    An item in review passes publishing's own checks (the permission, the two-person
    rule, translations to release together); moving a scheduled item is a publisher's
    edit of its time. ``at`` is to the second and must still be ahead: publishing now is
    *publish*. One revision, and one "scheduled" event naming the time.
    """
    if not user.has_perm(TRANSITIONS["publish"].permission):
        raise PermissionDenied(_("You are not allowed to do this."))
    publication.refresh_from_db(from_queryset=Publication.objects.select_for_update())
    if publication.state != "scheduled":
        refusal = TRANSITIONS["publish"].refusal(publication=publication, user=user)
        if refusal is not None:
            raise refusal
    at = at.replace(microsecond=0)
    if at <= timezone.now():
        ahead = _("Choose a time that is still ahead; to publish now, choose Publish.")
        raise ValidationError({"at": ValidationError(ahead, code="not_ahead")})
    moment = timezone.localtime(at).strftime("%Y-%m-%d %H:%M:%S")
    return _move(
        publication=publication,
        user=user,
        action=Action.SCHEDULE,
        to=Status.PUBLISHED,
        reason=_("Date and time set to %(moment)s") % {"moment": moment},
        published_at=at,
    )


def _publish(*, publication: Publication, user, action: str | None, reason: str = ""):
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


def _check_replacement(publication: Publication, replacement: Publication | None) -> None:
    """A replacement readers are sent or pointed to must be another item they may open
    now: not this one, nor a draft, a scheduled, a withdrawn or an unpublished item."""
    if replacement is not None and (
        replacement.pk == publication.pk or not replacement.is_public()
    ):
        raise ValidationError(
            {"replacement": _("The replacement must be another publication that is public.")},
            code="invalid_replacement",
        )


@transaction.atomic
def publication_withdraw(
    *, publication: Publication, user, explanation: str, replacement: Publication | None = None
) -> Publication:
    """Published → withdrawn: out of every listing, the page kept under a dated explanation,
    which links ``replacement`` when one is given (wherever readers may open it).

    ``explanation`` is written in the publication's original language; other languages'
    explanations are translations, edited like any other text.
    """
    _require(publication, user, "withdraw")
    explanation = _require_reason(explanation)
    _check_replacement(publication, replacement)
    return _move(
        publication=publication,
        user=user,
        action=Action.WITHDRAW,
        to=Status.WITHDRAWN,
        reason=explanation,
        withdrawn_at=timezone.now(),
        replaced_by=replacement,
        **{column("withdrawal_explanation", publication.original_language): explanation},
    )


@transaction.atomic
def publication_unpublish(
    *, publication: Publication, user, reason: str, replacement: Publication | None = None
) -> Publication:
    """Published or withdrawn → unpublished: 410 Gone, or a redirect to ``replacement``."""
    _require(publication, user, "unpublish")
    reason = _require_reason(reason)
    _check_replacement(publication, replacement)
    return _move(
        publication=publication,
        user=user,
        action=Action.UNPUBLISH,
        to=Status.UNPUBLISHED,
        reason=reason,
        replaced_by=replacement,
    )


def transition_run(
    name: str,
    *,
    publication: Publication,
    user,
    reason: str = "",
    replacement=None,
    confirmed: bool = False,
) -> Publication:
    """Run the transition called ``name`` (a key of ``TRANSITIONS``) with what it needs;
    one that asks for a confirmation (``Transition.confirmation``) runs only ``confirmed``."""
    if name not in TRANSITIONS:
        raise ValueError(f"Unknown transition: {name}")
    return TRANSITIONS[name].run(
        publication=publication,
        user=user,
        reason=reason,
        replacement=replacement,
        confirmed=confirmed,
    )


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
        **{column("text", publication.original_language): note},
    )
    event_record(publication=publication, user=user, action=Action.MAJOR_CHANGE, reason=note)
    return change


def _not_featured(publication: Publication, user, transition: Transition):
    if publication.featured_at is not None:
        return ValidationError(
            _("This publication is the home page's featured story already."), code="featured"
        )
    return None


def _featured(publication: Publication, user, transition: Transition):
    if publication.featured_at is None:
        return ValidationError(
            _("This publication is not the home page's featured story."), code="not_featured"
        )
    return None


@transaction.atomic
def publication_feature(*, publication: Publication, user) -> Publication:
    """Make a public (or scheduled) item the home page's featured story, in place of the
    one featured before: one at a time, so that no forgotten choice lingers.

    A reader whose language the item is not available in gets the newest item with a
    photo instead (``selectors.home_page``). Neither the text nor the edit version
    changes (an editor with the item open keeps working); each item concerned gets an
    event in the audit log.
    """
    _require(publication, user, "feature")
    previous = list(
        Publication.objects.select_for_update()
        .filter(featured_at__isnull=False)
        .exclude(pk=publication.pk)
    )
    if previous:
        Publication.objects.filter(pk__in=[p.pk for p in previous]).update(featured_at=None)
    for other in previous:
        other.featured_at = None
        event_record(
            publication=other,
            user=user,
            action=Action.UNFEATURE,
            reason=_("Replaced by #%(id)s %(title)s")
            % {"id": publication.pk, "title": publication},
        )
    publication.featured_at = timezone.now()
    Publication.objects.filter(pk=publication.pk).update(featured_at=publication.featured_at)
    # Updates send no signal: readers' kept pages are ended here.
    public_state.changed()
    event_record(publication=publication, user=user, action=Action.FEATURE)
    return publication


@transaction.atomic
def publication_unfeature(*, publication: Publication, user) -> Publication:
    """The home page goes back to its newest item with a photo."""
    _require(publication, user, "unfeature")
    publication.featured_at = None
    Publication.objects.filter(pk=publication.pk).update(featured_at=None)
    public_state.changed()
    event_record(publication=publication, user=user, action=Action.UNFEATURE)
    return publication


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


# The registry -------------------------------------------------------------------------

Check = Callable[[Publication, object, "Transition"], ValidationError | None]


@dataclass(frozen=True)
class Transition:
    """An action: its label, permission, the states it starts from, the service that does
    it, the further checks that may block it (each says why), and its reason field."""

    name: str
    label: str
    permission: str
    sources: tuple[str, ...]  # the states (``Publication.state``) it may start from
    service: Callable[..., Publication]
    checks: tuple[Check, ...] = ()
    reason_label: str = ""
    reason_required: bool = False
    reason_argument: str = ""  # the service's name for the reason, if it takes one
    takes_replacement: bool = False
    toggle: bool = False  # one of a pair: offered only when it can be taken
    # Set apart wherever it is offered (its own colour and this word beside its label)...
    warning: str = ""
    # ...and taken only once the person has ticked that they mean it (``run``).
    confirmation: str = ""

    def refusal(self, *, publication: Publication, user) -> ValidationError | None:
        """Why this cannot be done to ``publication`` as it is now, or None."""
        for check in (_in_its_state, *self.checks):
            if (refusal := check(publication, user, self)) is not None:
                return refusal
        return None

    def run(
        self,
        *,
        publication: Publication,
        user,
        reason: str = "",
        replacement=None,
        confirmed: bool = False,
    ) -> Publication:
        if self.confirmation and not confirmed:
            # Refused before anything is read or written; the right first, as ever.
            if not user.has_perm(self.permission):
                raise PermissionDenied(_("You are not allowed to do this."))
            raise ValidationError(
                {"confirmed": _("Tick the box to confirm: %(what)s") % {"what": self.confirmation}},
                code="unconfirmed",
            )
        arguments = {}
        if self.reason_argument:
            arguments[self.reason_argument] = reason
        if self.takes_replacement:
            arguments["replacement"] = replacement
        return self.service(publication=publication, user=user, **arguments)


# In the order the admin offers them.
TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Submit for review"),
            "speeches.submit_publication",
            ("draft",),
            publication_submit,
            reason_label=gettext_lazy("Note to the reviewer (optional)"),
            reason_argument="note",
        ),
        Transition(
            "publish",
            gettext_lazy("Publish"),
            "speeches.publish_publication",
            ("in_review",),
            publication_publish,
            checks=(_second_person, _release_languages_ready),
        ),
        Transition(
            "send_back",
            gettext_lazy("Send back to draft"),
            "speeches.publish_publication",
            ("in_review",),
            publication_send_back,
            reason_label=gettext_lazy("What needs to change"),
            reason_required=True,
            reason_argument="comment",
        ),
        Transition(
            "force_publish",
            gettext_lazy("Force-publish"),
            "speeches.force_publish_publication",
            ("draft", "in_review"),
            publication_force_publish,
            checks=(_release_languages_ready,),
            reason_label=gettext_lazy("Why this cannot wait for a second person's review"),
            reason_required=True,
            reason_argument="reason",
            warning=gettext_lazy("without review"),
            confirmation=gettext_lazy("I publish this without a second person's review."),
        ),
        Transition(
            "unschedule",
            gettext_lazy("Unschedule"),
            "speeches.publish_publication",
            ("scheduled",),
            publication_unschedule,
            reason_label=gettext_lazy("Reason"),
            reason_argument="reason",
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw"),
            "speeches.withdraw_publication",
            ("published",),
            publication_withdraw,
            reason_label=gettext_lazy("Public explanation, shown at the top of the page"),
            reason_required=True,
            reason_argument="explanation",
            takes_replacement=True,
        ),
        Transition(
            "unpublish",
            gettext_lazy("Unpublish"),
            "speeches.unpublish_publication",
            ("published", "withdrawn"),
            publication_unpublish,
            reason_label=gettext_lazy("Reason (kept in the audit log, not shown to readers)"),
            reason_required=True,
            reason_argument="reason",
            takes_replacement=True,
        ),
        # The home page's featured story is the publishers' choice too.
        Transition(
            "feature",
            gettext_lazy("Feature on the home page"),
            "speeches.publish_publication",
            ("published", "scheduled"),
            publication_feature,
            checks=(_not_featured,),
            toggle=True,
        ),
        Transition(
            "unfeature",
            gettext_lazy("Stop featuring"),
            "speeches.publish_publication",
            ("published", "scheduled", "withdrawn", "unpublished"),
            publication_unfeature,
            checks=(_featured,),
            toggle=True,
        ),
    ]
}
