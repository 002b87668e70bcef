"""The editorial workflow's services: every way between states, and every refusal.

A transition that succeeds moves the status, stores one revision and writes one event;
one that is refused (no permission, wrong state, no reason, the two-person rule, a bad
replacement) leaves the status, the events and the revisions exactly as they were.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from reversion.models import Version

from speeches.models import Publication, WorkflowEvent
from speeches.publishing import workflow
from tests.factories import PublicationFactory, publication_in_state

pytestmark = pytest.mark.django_db

STATES = ["draft", "in_review", "scheduled", "published", "withdrawn", "unpublished"]

SERVICES = {
    "submit": workflow.publication_submit,
    "send_back": workflow.publication_send_back,
    "publish": workflow.publication_publish,
    "force_publish": workflow.publication_force_publish,
    "unschedule": workflow.publication_unschedule,
    "withdraw": workflow.publication_withdraw,
    "unpublish": workflow.publication_unpublish,
}

# What each transition needs besides the publication and the user: a valid reason.
VALID_REASON = {
    "submit": {},
    "send_back": {"comment": "Please check the quotation in the second paragraph."},
    "publish": {},
    "force_publish": {"reason": "The minister is speaking now; it cannot wait."},
    "unschedule": {},
    "withdraw": {"explanation": "This statement quoted the wrong figures."},
    "unpublish": {"reason": "Published by mistake."},
}

# The states each transition starts from; every other state is refused.
FROM_STATES = {
    "submit": ["draft"],
    "send_back": ["in_review"],
    "publish": ["in_review"],
    "force_publish": ["draft", "in_review"],
    "unschedule": ["scheduled"],
    "withdraw": ["published"],
    "unpublish": ["published", "withdrawn"],
}


def actor(transition: str, *, author, publisher):
    """Authors submit; a publisher other than the submitter does the rest."""
    return author if transition == "submit" else publisher


def snapshot(publication: Publication) -> dict:
    """Everything a refused transition must leave alone, read fresh from the database."""
    row = Publication.objects.get(pk=publication.pk)
    return {
        "status": row.status,
        "edit_version": row.edit_version,
        "submitted_by": row.submitted_by_id,
        "withdrawn_at": row.withdrawn_at,
        "replaced_by": row.replaced_by_id,
        "explanation": row.withdrawal_explanation_en,
        "events": list(row.events.values_list("pk", flat=True)),
        "revisions": Version.objects.get_for_object(row).count(),
    }


def new_events(publication: Publication, before: dict) -> list[WorkflowEvent]:
    return list(publication.events.exclude(pk__in=before["events"]))


@pytest.mark.parametrize(
    ("transition", "start", "extra", "end", "action"),
    [
        ("submit", "draft", {}, "in_review", "submit"),
        ("send_back", "in_review", {}, "draft", "send_back"),
        ("publish", "in_review", {}, "published", "publish"),
        ("force_publish", "draft", {}, "published", "force_publish"),
        ("force_publish", "in_review", {}, "published", "force_publish"),
        ("unschedule", "scheduled", {}, "draft", "unschedule"),
        ("unschedule", "scheduled", {"reason": "The visit is postponed."}, "draft", "unschedule"),
        ("withdraw", "published", {}, "withdrawn", "withdraw"),
        ("unpublish", "published", {}, "unpublished", "unpublish"),
        ("unpublish", "withdrawn", {}, "unpublished", "unpublish"),
    ],
)
def test_a_transition_moves_the_item_and_records_one_event_and_one_revision(
    transition, start, extra, end, action, author, publisher
):
    publication = publication_in_state(start)
    before = snapshot(publication)
    user = actor(transition, author=author, publisher=publisher)
    kwargs = {**VALID_REASON[transition], **extra}

    SERVICES[transition](publication=publication, user=user, **kwargs)

    publication.refresh_from_db()
    assert publication.state == end
    [event] = new_events(publication, before)
    assert (event.action, event.user, event.from_status, event.to_status) == (
        action,
        user,
        start,
        end,
    )
    reason = next(iter(kwargs.values()), "")
    assert event.reason == reason
    revisions = Version.objects.get_for_object(publication).order_by("-pk")
    assert revisions.count() == before["revisions"] + 1
    assert revisions[0].revision.user == user


def test_submitting_remembers_who_submitted_and_when(author):
    publication = publication_in_state("draft")
    workflow.publication_submit(publication=publication, user=author)
    publication.refresh_from_db()
    assert publication.submitted_by == author
    assert publication.submitted_at is not None


def test_sending_back_forgets_the_submitter_and_keeps_the_comment(publisher):
    publication = publication_in_state("in_review")
    workflow.publication_send_back(
        publication=publication, user=publisher, comment="Shorten the lead."
    )
    publication.refresh_from_db()
    assert publication.status == Publication.Status.DRAFT
    assert publication.submitted_by is None
    assert publication.events.first().reason == "Shorten the lead."


@pytest.mark.parametrize("transition", ["publish", "force_publish"])
def test_publishing_an_item_whose_time_is_ahead_schedules_it(transition, publisher):
    release = timezone.now() + timedelta(days=2)
    publication = publication_in_state("in_review", published_at=release)
    workflow_call = SERVICES[transition]
    workflow_call(publication=publication, user=publisher, **VALID_REASON[transition])

    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.state == "scheduled"
    assert not publication.is_public()
    event = publication.events.first()
    expected = "schedule" if transition == "publish" else "force_publish"
    assert (event.action, event.to_status) == (expected, "scheduled")
    with time_machine.travel(release, tick=False):
        assert publication.state == "published"
        assert publication.is_public()


def test_unscheduling_keeps_the_time_and_takes_the_item_back_to_draft(publisher):
    publication = publication_in_state("scheduled")
    release = publication.published_at
    workflow.publication_unschedule(publication=publication, user=publisher)
    publication.refresh_from_db()
    assert publication.status == Publication.Status.DRAFT
    assert publication.published_at == release
    with time_machine.travel(release + timedelta(seconds=1), tick=False):
        assert not publication.is_public()


def test_withdrawing_stores_the_explanation_in_the_original_language(publisher):
    publication = publication_in_state("published", languages=("ru", "en"))
    moment = timezone.now().replace(microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(moment, tick=False):
        workflow.publication_withdraw(
            publication=publication, user=publisher, explanation="Текст отозван."
        )
    publication.refresh_from_db()
    assert publication.status == Publication.Status.WITHDRAWN
    assert publication.withdrawn_at == moment
    assert publication.withdrawal_explanation_ru == "Текст отозван."
    assert not publication.withdrawal_explanation_en
    assert publication.events.first().reason == "Текст отозван."


@pytest.mark.parametrize("start", ["published", "withdrawn"])
def test_unpublishing_with_a_replacement_points_readers_to_it(start, publisher):
    publication = publication_in_state(start)
    replacement = PublicationFactory()
    workflow.publication_unpublish(
        publication=publication,
        user=publisher,
        reason="Replaced by the corrected statement.",
        replacement=replacement,
    )
    publication.refresh_from_db()
    assert publication.status == Publication.Status.UNPUBLISHED
    assert publication.replaced_by == replacement
    assert publication.events.first().reason == "Replaced by the corrected statement."


# Refusals: nothing changes.


def refused(transition, publication, user, error, **kwargs):
    """Call the transition, expect ``error``, and check that nothing was written."""
    before = snapshot(publication)
    with pytest.raises(error) as raised:
        SERVICES[transition](publication=publication, user=user, **kwargs)
    assert snapshot(publication) == before
    return raised.value


@pytest.mark.parametrize(
    ("transition", "state"),
    [
        (transition, state)
        for transition, allowed in FROM_STATES.items()
        for state in STATES
        if state not in allowed
    ],
)
def test_a_transition_from_the_wrong_state_is_refused(transition, state, administrator):
    publication = publication_in_state(state)
    # An administrator holds every permission: only the state can be the reason.
    error = refused(
        transition, publication, administrator, ValidationError, **VALID_REASON[transition]
    )
    assert error.code == "invalid_state"


@pytest.mark.parametrize(
    ("role", "transition"),
    [("translator", transition) for transition in SERVICES]
    + [("author", transition) for transition in SERVICES if transition != "submit"],
)
def test_a_user_without_the_permission_is_refused(role, transition, request):
    user = request.getfixturevalue(role)
    publication = publication_in_state(FROM_STATES[transition][0])
    refused(transition, publication, user, PermissionDenied, **VALID_REASON[transition])


@pytest.mark.parametrize("blank", ["", "   \n"])
@pytest.mark.parametrize(
    ("transition", "state", "argument"),
    [
        ("send_back", "in_review", "comment"),
        ("force_publish", "draft", "reason"),
        ("force_publish", "in_review", "reason"),
        ("withdraw", "published", "explanation"),
        ("unpublish", "published", "reason"),
        ("unpublish", "withdrawn", "reason"),
    ],
)
def test_a_transition_that_needs_a_reason_is_refused_without_one(
    transition, state, argument, blank, publisher
):
    publication = publication_in_state(state)
    refused(transition, publication, publisher, ValidationError, **{argument: blank})


def test_the_submitter_cannot_publish_their_own_item_but_another_publisher_can(
    publisher, second_publisher
):
    publication = publication_in_state("draft")
    workflow.publication_submit(publication=publication, user=publisher)

    error = refused("publish", publication, publisher, ValidationError)
    assert error.code == "two_person_rule"

    workflow.publication_publish(publication=publication, user=second_publisher)
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.events.first().user == second_publisher


def test_the_submitter_may_force_publish_with_a_reason_others_can_read(publisher):
    publication = publication_in_state("draft")
    workflow.publication_submit(publication=publication, user=publisher)
    refused("force_publish", publication, publisher, ValidationError, reason="")

    workflow.publication_force_publish(
        publication=publication, user=publisher, reason="Nobody else is on duty tonight."
    )
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    event = publication.events.first()
    assert (event.action, event.user, event.reason) == (
        "force_publish",
        publisher,
        "Nobody else is on duty tonight.",
    )


def test_without_the_two_person_rule_the_submitter_publishes(settings, publisher):
    settings.TWO_PERSON_RULE = False
    publication = publication_in_state("draft")
    workflow.publication_submit(publication=publication, user=publisher)
    workflow.publication_publish(publication=publication, user=publisher)
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.events.first().action == "publish"


def test_withdrawing_may_name_a_replacement(publisher):
    publication = publication_in_state("published")
    replacement = PublicationFactory()
    workflow.publication_withdraw(
        publication=publication,
        user=publisher,
        explanation="Superseded by the corrected statement.",
        replacement=replacement,
    )
    publication.refresh_from_db()
    assert publication.status == Publication.Status.WITHDRAWN
    assert publication.replaced_by == replacement
    assert publication.events.first().reason == "Superseded by the corrected statement."


@pytest.mark.parametrize("replacement", ["itself", "a draft", "scheduled", "withdrawn"])
def test_withdrawing_refuses_a_replacement_readers_could_not_open(replacement, publisher):
    publication = publication_in_state("published")
    target = {
        "itself": lambda: publication,
        "a draft": lambda: publication_in_state("draft"),
        "scheduled": lambda: publication_in_state("scheduled"),
        "withdrawn": lambda: publication_in_state("withdrawn"),
    }[replacement]()
    error = refused(
        "withdraw",
        publication,
        publisher,
        ValidationError,
        explanation="Replaced.",
        replacement=target,
    )
    assert list(error.message_dict) == ["replacement"]


@pytest.mark.parametrize("replacement", ["itself", "a draft"])
def test_unpublishing_refuses_a_replacement_readers_could_not_open(replacement, publisher):
    publication = publication_in_state("published")
    target = {
        "itself": lambda: publication,
        "a draft": lambda: publication_in_state("draft"),
    }[replacement]()
    refused(
        "unpublish",
        publication,
        publisher,
        ValidationError,
        reason="Replaced.",
        replacement=target,
    )


def test_two_publishers_at_once_the_second_acts_on_what_the_first_left(publisher, second_publisher):
    publication = publication_in_state("published")
    opened_by_second = Publication.objects.get(pk=publication.pk)
    workflow.publication_withdraw(
        publication=publication, user=publisher, explanation="The figures were wrong."
    )

    # Withdrawing again is refused; unpublishing starts from "withdrawn", not "published".
    refused("withdraw", opened_by_second, second_publisher, ValidationError, explanation="Again.")
    workflow.publication_unpublish(
        publication=opened_by_second, user=second_publisher, reason="Withdrawn is not enough."
    )
    event = publication.events.first()
    assert (event.action, event.from_status, event.to_status) == (
        "unpublish",
        "withdrawn",
        "unpublished",
    )
