"""The workflow in the admin: transition forms, the status out of the change form, major
changes told to readers, the audit log on the change form, and restoring a revision."""

import re

import pytest
from django.utils.html import escape
from reversion.models import Version

from speeches.models import ChangeNote, Publication, WorkflowEvent
from speeches.publishing import workflow
from tests.factories import PublicationFactory, UserFactory, publication_in_state
from tests.helpers import change_form_data, change_url, shows_date

pytestmark = pytest.mark.django_db


def transition_url(publication: Publication, name: str) -> str:
    return f"/admin/speeches/publication/{publication.pk}/workflow/{name}/"


def stored(publication: Publication) -> tuple:
    """What a refused request must leave alone."""
    fresh = Publication.objects.get(pk=publication.pk)
    return (
        fresh.status,
        fresh.title_en,
        fresh.edit_version,
        fresh.replaced_by_id,
        fresh.events.count(),
        ChangeNote.objects.filter(publication=fresh).count(),
        Version.objects.get_for_object(fresh).count(),
    )


# Transition forms


def submitted_by_publisher(publisher) -> Publication:
    publication = publication_in_state("draft")
    workflow.publication_submit(publication=publication, user=publisher)
    return publication


@pytest.mark.parametrize(
    ("name", "setup", "reason", "field"),
    [
        pytest.param(
            "withdraw",
            lambda publisher: publication_in_state("draft"),
            "Typed before the refusal",
            None,
            id="wrong state",
        ),
        pytest.param(
            "publish",  # asks for no reason
            submitted_by_publisher,
            "",
            None,
            id="two-person rule",
        ),
        pytest.param(
            "send_back",
            lambda publisher: publication_in_state("in_review"),
            "   ",
            "reason",
            id="missing comment",
        ),
        pytest.param(
            "force_publish",
            lambda publisher: publication_in_state("in_review"),
            "",
            "reason",
            id="missing reason",
        ),
    ],
)
def test_a_refused_transition_shows_the_form_again_with_the_error_and_the_reason_kept(
    name, setup, reason, field, client, publisher
):
    publication = setup(publisher)
    before = stored(publication)
    client.force_login(publisher)
    response = client.post(transition_url(publication, name), {"reason": reason})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors
    if field:
        assert field in errors
    for message in (message for messages in errors.values() for message in messages):
        assert escape(message) in response.text
    if reason.strip():
        assert reason in response.text
    assert stored(publication) == before


def test_unpublishing_in_the_admin_with_a_replacement_sends_readers_there(client, publisher):
    publication = publication_in_state("published")
    replacement = PublicationFactory()
    client.force_login(publisher)
    response = client.post(
        transition_url(publication, "unpublish"),
        {"reason": "Superseded by the corrected text.", "replacement": replacement.pk},
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.status == Publication.Status.UNPUBLISHED
    assert publication.replaced_by == replacement


@pytest.mark.parametrize("transition", ["unpublish", "withdraw"])
@pytest.mark.parametrize("replacement", ["itself", "a draft"])
def test_the_admin_refuses_a_replacement_readers_could_not_open(
    transition, replacement, client, publisher
):
    publication = publication_in_state("published")
    target = publication if replacement == "itself" else publication_in_state("draft")
    before = stored(publication)
    client.force_login(publisher)
    response = client.post(
        transition_url(publication, transition),
        {"reason": "Superseded by the corrected text.", "replacement": target.pk},
    )
    assert response.status_code == 200
    assert "The replacement must be another publication that is public." in response.text
    assert "Superseded by the corrected text." in response.text
    assert stored(publication) == before


def test_withdrawing_in_the_admin_may_name_a_replacement(client, publisher):
    publication = publication_in_state("published")
    replacement = PublicationFactory()
    client.force_login(publisher)
    form = client.get(transition_url(publication, "withdraw"))
    assert 'name="replacement"' in form.text
    assert "the withdrawn page links to it" in form.text
    response = client.post(
        transition_url(publication, "withdraw"),
        {"reason": "Superseded by the corrected text.", "replacement": replacement.pk},
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.status == Publication.Status.WITHDRAWN
    assert publication.replaced_by == replacement
    # Unpublishing it later offers the same replacement to send its readers to.
    unpublish = client.get(transition_url(publication, "unpublish"))
    assert f'<option value="{replacement.pk}" selected>' in unpublish.text


def test_only_withdrawing_and_unpublishing_ask_for_a_replacement(client, publisher):
    client.force_login(publisher)
    draft = publication_in_state("draft")
    assert 'name="replacement"' not in client.get(transition_url(draft, "force_publish")).text


# The status is the workflow's, not the change form's


@pytest.mark.parametrize(
    ("role", "state", "posted"),
    [
        ("author", "draft", "published"),
        ("author", "in_review", "published"),
        ("publisher", "published", "draft"),
        ("publisher", "published", "withdrawn"),
    ],
)
def test_a_status_posted_with_the_change_form_is_ignored(role, state, posted, client, request):
    publication = publication_in_state(state)
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        change_url(publication),
        change_form_data(publication, status=posted, title_en="Edited, status untouched"),
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title_en == "Edited, status untouched"
    assert publication.status == state


# Major changes


@pytest.mark.parametrize(
    ("state", "offered"),
    [
        ("draft", False),
        ("in_review", False),
        ("scheduled", False),
        ("published", True),
        ("withdrawn", True),
    ],
)
def test_the_change_form_offers_a_major_change_for_live_and_withdrawn_items_only(
    state, offered, client, publisher
):
    publication = publication_in_state(state)
    client.force_login(publisher)
    html = client.get(change_url(publication)).text
    assert ('name="major_change"' in html) is offered
    assert ('name="change_note"' in html) is offered


def test_a_major_change_without_a_note_is_refused_and_keeps_the_input(client, publisher):
    publication = publication_in_state("published")
    before = stored(publication)
    client.force_login(publisher)
    response = client.post(
        change_url(publication),
        change_form_data(publication, title_en="A corrected title", major_change="on"),
    )
    assert response.status_code == 200
    assert "change_note" in response.context["adminform"].form.errors
    assert 'value="A corrected title"' in response.text
    assert stored(publication) == before


@pytest.mark.parametrize("state", ["published", "withdrawn"])
def test_a_major_change_with_a_note_is_recorded_in_the_original_language(state, client, publisher):
    publication = publication_in_state(state, languages=("de", "en"))
    note = "Das Datum des Treffens wurde korrigiert."
    client.force_login(publisher)
    response = client.post(
        change_url(publication),
        change_form_data(
            publication,
            body_de="<p>Das Treffen fand am 19. November statt.</p>",
            major_change="on",
            change_note=note,
        ),
    )
    assert response.status_code == 302
    change = ChangeNote.objects.get(publication=publication)
    assert change.text_de == note
    assert not change.text_en
    assert change.created_by == publisher
    event = publication.events.get(action=WorkflowEvent.Action.MAJOR_CHANGE)
    assert (event.user, event.reason) == (publisher, note)


def test_readers_see_a_major_change_with_its_date(client, publisher):
    publication = publication_in_state("published", languages=("de", "en"))
    note = "Das Datum des Treffens wurde korrigiert."
    client.force_login(publisher)
    response = client.post(
        change_url(publication),
        change_form_data(publication, major_change="on", change_note=note),
    )
    assert response.status_code == 302
    client.logout()
    change = ChangeNote.objects.get(publication=publication)
    page = client.get(f"/de/publications/{publication.pk}/", follow=True)
    assert page.status_code == 200
    assert note in page.text
    assert shows_date(page.text, change.changed_at, "de")


def test_a_minor_change_adds_no_note(client, publisher):
    publication = publication_in_state("published")
    client.force_login(publisher)
    response = client.post(
        change_url(publication),
        change_form_data(publication, title_en="A typo fixed", change_note=""),
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title_en == "A typo fixed"
    assert not ChangeNote.objects.filter(publication=publication).exists()
    assert not publication.events.filter(action=WorkflowEvent.Action.MAJOR_CHANGE).exists()


def test_an_edit_that_leaves_the_time_alone_logs_no_scheduling_event(client, publisher):
    publication = publication_in_state("published")
    before = list(publication.events.values_list("pk", flat=True))
    client.force_login(publisher)
    form = client.get(change_url(publication)).text
    # The date and time exactly as the form shows them, as a browser posts them back.
    shown = {
        name: re.search(rf'name="{name}" value="([^"]*)"', form).group(1)
        for name in ("published_at_0", "published_at_1")
    }
    response = client.post(
        change_url(publication), change_form_data(publication, title_en="A typo fixed", **shown)
    )
    assert response.status_code == 302
    # One event, the edit itself, naming what changed; nothing about the time.
    event = publication.events.exclude(pk__in=before).get()
    assert (event.action, event.changes) == (WorkflowEvent.Action.EDIT, ["title [en]"])


# The audit log on the change form


def test_other_publishers_see_the_history_and_a_force_publish_reason_on_the_change_form(
    client, second_publisher
):
    night_desk = UserFactory(username="night-desk", is_staff=True, groups=["Publishers"])
    publication = publication_in_state("draft")
    reason = "The minister speaks at noon and nobody else is on duty"
    workflow.publication_force_publish(publication=publication, user=night_desk, reason=reason)
    client.force_login(second_publisher)
    html = client.get(change_url(publication)).text
    assert reason in html
    assert "night-desk" in html
    assert str(WorkflowEvent.Action.FORCE_PUBLISH.label) in html


# Restoring a revision


def test_restoring_an_old_revision_brings_back_the_text_but_not_the_status(client, publisher):
    # The first revision is the draft; then it was submitted, published and edited.
    publication = publication_in_state("published", title_en="The original title")
    client.force_login(publisher)
    edited = client.post(
        change_url(publication), change_form_data(publication, title_en="A worse title")
    )
    assert edited.status_code == 302
    versions = Version.objects.get_for_object(publication).order_by("pk")
    original, count = versions.first(), versions.count()

    restore_url = f"/admin/speeches/publication/{publication.pk}/history/{original.pk}/"
    form = client.get(restore_url)
    assert form.status_code == 200
    assert "The original title" in form.text
    opened = re.search(r'name="opened_version" value="(\d+)"', form.text).group(1)
    # A crafted post adds the old status: the restore form has no such field.
    data = {"opened_version": opened, "groups": ["en"], "status": "draft"}
    response = client.post(restore_url, data)

    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title_en == "The original title"
    assert publication.state == "published"
    versions = Version.objects.get_for_object(publication).order_by("pk")
    assert versions.count() == count + 1
    assert versions.last().field_dict["title_en"] == "The original title"
    event = publication.events.first()
    assert (event.action, event.user) == (WorkflowEvent.Action.RESTORE, publisher)
    assert (event.from_status, event.to_status) == ("published", "published")


def test_schedules_show_their_second_on_the_publish_page_and_in_the_badge(client, publisher):
    from datetime import timedelta

    from django.utils import timezone

    when = (timezone.now() + timedelta(days=2)).replace(second=37, microsecond=0)
    scheduled = PublicationFactory(status=Publication.Status.PUBLISHED, published_at=when)
    draft = PublicationFactory(status=Publication.Status.IN_REVIEW, published_at=when)
    client.force_login(publisher)
    second = timezone.localtime(when).strftime("%H:%M:37")
    page = client.get(f"/admin/speeches/publication/{draft.pk}/workflow/publish/").text
    assert "It will be public from" in page and second in page
    listing = client.get("/admin/speeches/publication/").text
    assert second in listing.split(f'href="/admin/speeches/publication/{scheduled.pk}/')[1]
