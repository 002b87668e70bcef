"""The services bulk work adds: scheduling at a chosen second, and changing an item's terms.

Each does what its single-item counterpart does (rights on the stored row, one revision,
one audit event) and, when refused, leaves the row, its events and its revisions as they
were.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from reversion.models import Version

from speeches.editorial import editing
from speeches.models import LanguageVersion, Publication, WorkflowEvent
from speeches.publishing import workflow
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    publication_in_state,
    translator_of,
)

pytestmark = pytest.mark.django_db


def record(publication: Publication) -> dict:
    """What a refusal must leave alone, read fresh from the database."""
    row = Publication.objects.get(pk=publication.pk)
    return {
        "status": row.status,
        "published_at": row.published_at,
        "edit_version": row.edit_version,
        "events": list(row.events.values_list("pk", flat=True)),
        "revisions": Version.objects.get_for_object(row).count(),
        "terms": {
            name: sorted(getattr(row, name).values_list("pk", flat=True))
            for name in editing.TAXONOMY
        },
    }


def ahead(**delta) -> timezone.datetime:
    return (timezone.now() + timedelta(**delta)).replace(microsecond=0)


# Scheduling


def test_scheduling_an_item_in_review_publishes_it_for_that_second(publisher):
    publication = publication_in_state("in_review")
    before = record(publication)
    at = ahead(days=2, seconds=7)

    workflow.publication_schedule(
        publication=publication, user=publisher, at=at + timedelta(microseconds=5)
    )

    publication.refresh_from_db()
    assert publication.state == "scheduled"
    assert publication.published_at == at  # to the second, as entered
    assert publication.edit_version == before["edit_version"] + 1
    [event] = publication.events.exclude(pk__in=before["events"])
    assert (event.action, event.user, event.from_status, event.to_status) == (
        WorkflowEvent.Action.SCHEDULE,
        publisher,
        "in_review",
        "scheduled",
    )
    assert timezone.localtime(at).strftime("%Y-%m-%d %H:%M:%S") in event.reason
    assert Version.objects.get_for_object(publication).count() == before["revisions"] + 1


def test_scheduling_moves_a_scheduled_item_to_the_new_second(publisher, second_publisher):
    publication = publication_in_state("scheduled")
    at = ahead(days=5, hours=3, seconds=59)
    workflow.publication_schedule(publication=publication, user=second_publisher, at=at)
    publication.refresh_from_db()
    assert (publication.state, publication.published_at) == ("scheduled", at)
    assert publication.events.first().from_status == "scheduled"


@pytest.mark.parametrize("state", ["draft", "published", "withdrawn", "unpublished"])
def test_scheduling_is_refused_in_other_states(state, publisher):
    publication = publication_in_state(state)
    before = record(publication)
    with pytest.raises(ValidationError) as error:
        workflow.publication_schedule(publication=publication, user=publisher, at=ahead(days=1))
    assert error.value.code == "invalid_state"
    assert record(publication) == before


def test_scheduling_follows_the_two_person_rule(publisher, second_publisher):
    publication = publication_in_state("draft")
    workflow.publication_submit(publication=publication, user=publisher)
    before = record(publication)
    with pytest.raises(ValidationError) as error:
        workflow.publication_schedule(publication=publication, user=publisher, at=ahead(days=1))
    assert error.value.code == "two_person_rule"
    assert record(publication) == before
    workflow.publication_schedule(publication=publication, user=second_publisher, at=ahead(days=1))
    assert Publication.objects.get(pk=publication.pk).state == "scheduled"


def test_scheduling_waits_for_the_languages_to_release_together(publisher):
    publication = publication_in_state("in_review", languages=("en", "de"))
    LanguageVersion.objects.filter(publication=publication, language="de").update(
        status=LanguageVersion.Status.IN_PROGRESS
    )
    Publication.objects.filter(pk=publication.pk).update(release_languages=["de"])
    before = record(publication)
    with pytest.raises(ValidationError) as error:
        workflow.publication_schedule(publication=publication, user=publisher, at=ahead(days=1))
    assert error.value.code == "release_together"
    assert record(publication) == before


@pytest.mark.parametrize("moment", [timedelta(seconds=-1), timedelta(0)])
def test_scheduling_for_a_time_that_is_not_ahead_is_refused(moment, publisher):
    publication = publication_in_state("in_review")
    before = record(publication)
    with pytest.raises(ValidationError) as error:
        workflow.publication_schedule(
            publication=publication, user=publisher, at=timezone.now() + moment
        )
    assert error.value.error_dict["at"][0].code == "not_ahead"
    assert record(publication) == before


@pytest.mark.parametrize("role", ["author", "translator", "viewer"])
def test_scheduling_needs_the_right_to_publish(role, request):
    publication = publication_in_state("in_review")
    user = request.getfixturevalue(role)
    before = record(publication)
    with pytest.raises(PermissionDenied):
        workflow.publication_schedule(publication=publication, user=user, at=ahead(days=1))
    assert record(publication) == before


# Changing an item's terms


@pytest.fixture
def terms():
    return {
        "kept": TopicFactory(),
        "added": TopicFactory(),
        "removed": TopicFactory(),
        "speaker": PersonFactory(),
        "country": CountryFactory(code="NO"),
    }


def test_adding_and_removing_terms_keeps_the_others_and_is_one_edit(author, terms):
    publication = publication_in_state("draft", topics=[terms["kept"], terms["removed"]])
    before = record(publication)

    changes = editing.publication_taxonomy_change(
        publication=publication,
        user=author,
        add={
            "topics": [terms["added"]],
            "speakers": [terms["speaker"]],
            "countries": [terms["country"]],
        },
        remove={"topics": [terms["removed"]]},
    )

    publication.refresh_from_db()
    assert sorted(changes) == ["countries", "speakers", "topics"]
    assert set(publication.topics.all()) == {terms["kept"], terms["added"]}
    assert list(publication.speakers.all()) == [terms["speaker"]]
    assert list(publication.countries.all()) == [terms["country"]]
    assert publication.edit_version == before["edit_version"] + 1
    [event] = publication.events.exclude(pk__in=before["events"])
    assert (event.action, event.user, sorted(event.changes)) == (
        WorkflowEvent.Action.EDIT,
        author,
        ["countries", "speakers", "topics"],
    )
    # One revision, holding the terms as they ended up.
    versions = Version.objects.get_for_object(publication)
    assert versions.count() == before["revisions"] + 1
    stored = versions.first().field_dict
    assert set(stored["topics"]) == {terms["kept"].pk, terms["added"].pk}
    assert versions.first().revision.user == author


def test_terms_an_item_already_reads_so_write_nothing(author, terms):
    publication = publication_in_state("draft", topics=[terms["kept"]])
    before = record(publication)
    changes = editing.publication_taxonomy_change(
        publication=publication,
        user=author,
        add={"topics": [terms["kept"]]},
        remove={"topics": [terms["removed"]]},
    )
    assert changes == []
    assert record(publication) == before


@pytest.mark.parametrize("state", ["scheduled", "published", "withdrawn", "unpublished"])
def test_an_author_may_not_change_the_terms_of_what_readers_see(state, author, terms):
    publication = publication_in_state(state)
    before = record(publication)
    with pytest.raises(PermissionDenied):
        editing.publication_taxonomy_change(
            publication=publication, user=author, add={"topics": [terms["added"]]}, remove={}
        )
    assert record(publication) == before


@pytest.mark.parametrize("state", ["draft", "published", "unpublished"])
def test_a_publisher_changes_the_terms_in_any_state(state, publisher, terms):
    publication = publication_in_state(state)
    editing.publication_taxonomy_change(
        publication=publication, user=publisher, add={"topics": [terms["added"]]}, remove={}
    )
    assert list(Publication.objects.get(pk=publication.pk).topics.all()) == [terms["added"]]


@pytest.mark.parametrize("role", ["translator", "viewer"])
def test_translators_and_viewers_may_not_change_terms(role, request, terms):
    publication = publication_in_state("draft")
    user = translator_of("de") if role == "translator" else request.getfixturevalue(role)
    before = record(publication)
    with pytest.raises(PermissionDenied):
        editing.publication_taxonomy_change(
            publication=publication, user=user, add={"topics": [terms["added"]]}, remove={}
        )
    assert record(publication) == before


def test_changing_terms_of_a_published_item_keeps_it_published(publisher, terms):
    publication = PublicationFactory(topics=[terms["kept"]])
    editing.publication_taxonomy_change(
        publication=publication, user=publisher, add={}, remove={"topics": [terms["kept"]]}
    )
    publication.refresh_from_db()
    assert publication.is_public()
    assert not publication.topics.exists()
