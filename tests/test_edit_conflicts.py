"""No lost edits: a save over a newer version is refused, with both texts kept."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from speeches.models import Publication
from speeches.publishing import services
from tests.factories import PublicationFactory, UserFactory
from tests.helpers import publication_form_data

pytestmark = pytest.mark.django_db


def editor_client(username: str) -> Client:
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def open_form(client: Client, publication) -> int:
    html = client.get(f"/admin/speeches/publication/{publication.pk}/change/").text
    return int(re.search(r'name="opened_version" value="(\d+)"', html).group(1))


def post(client: Client, publication, opened: int, **fields):
    data = publication_form_data(
        title_en=publication.title_en, body_en=publication.body_en, opened_version=opened
    )
    data.update(fields)
    return client.post(f"/admin/speeches/publication/{publication.pk}/change/", data)


def test_the_second_save_is_refused_and_nothing_typed_is_lost():
    publication = PublicationFactory(title_en="Original title", status=Publication.Status.DRAFT)
    anna, boris = editor_client("anna"), editor_client("boris")
    anna_opened = open_form(anna, publication)
    boris_opened = open_form(boris, publication)

    assert post(boris, publication, boris_opened, title_en="Boris's title").status_code == 302
    response = post(anna, publication, anna_opened, title_en="Anna's title")

    assert response.status_code == 200
    assert "boris saved this publication at" in response.text
    assert 'value="Anna&#x27;s title"' in response.text  # her input, still in the form
    assert "Boris&#x27;s title" in response.text  # and his saved text, to compare
    publication.refresh_from_db()
    assert publication.title_en == "Boris's title"

    # She reloads, merges, and saves over the version she now has.
    again = open_form(anna, publication)
    assert post(anna, publication, again, title_en="Merged title").status_code == 302
    publication.refresh_from_db()
    assert publication.title_en == "Merged title"
    assert publication.edit_version == again + 1


def test_a_second_editor_is_told_who_has_the_form_open():
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    anna, boris = editor_client("anna"), editor_client("boris")
    open_form(anna, publication)
    html = boris.get(f"/admin/speeches/publication/{publication.pk}/change/").text
    # Kept true by a heartbeat afterwards (tests/test_presence.py).
    assert re.search(r"anna is editing this publication now \(since \d\d:\d\d\)", html)
    assert "boris is editing" not in html


def test_service_refuses_a_stale_version_and_writes_nothing():
    publication = PublicationFactory(title_en="Before")
    stale = Publication.objects.get(pk=publication.pk)
    publication.title_en = "First save"
    services.publication_save(publication=publication, expected_version=1)
    stale.title_en = "Stale save"
    with pytest.raises(services.EditConflict):
        services.publication_save(publication=stale, expected_version=1)
    publication.refresh_from_db()
    assert (publication.title_en, publication.edit_version) == ("First save", 2)


def test_saves_without_a_form_still_bump_the_version():
    publication = PublicationFactory()
    services.publication_save(publication=publication)
    services.publication_save(publication=publication)
    publication.refresh_from_db()
    assert publication.edit_version == 3
