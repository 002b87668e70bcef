"""A publisher reschedules a published item by its date and time; readers follow the clock."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from speeches.models import WorkflowEvent
from tests.factories import PublicationFactory
from tests.helpers import publication_form_data

pytestmark = pytest.mark.django_db


def test_moving_a_published_item_ahead_schedules_it_and_logs_it(publisher_client, client):
    publication = PublicationFactory(title_en="Joint statement")
    release = timezone.localtime().replace(microsecond=0) + timedelta(minutes=2)
    response = publisher_client.post(
        f"/admin/speeches/publication/{publication.pk}/change/",
        publication_form_data(
            title_en=publication.title_en,
            body_en=publication.body_en,
            opened_version=publication.edit_version,
            published_at_0=release.strftime("%Y-%m-%d"),
            published_at_1=release.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    event = WorkflowEvent.objects.exclude(action=WorkflowEvent.Action.EDIT).get()
    assert event.action == WorkflowEvent.Action.SCHEDULE
    assert event.reason == f"Date and time set to {release:%Y-%m-%d %H:%M:%S}"
    assert "Joint statement" not in client.get("/en/publications/").text
    assert client.get(f"/en/publications/{publication.pk}/").status_code == 404
    with time_machine.travel(release, tick=False):
        assert "Joint statement" in client.get("/en/publications/").text
