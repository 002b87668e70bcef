"""Person pages: a portrait (checked and re-encoded at upload, served only while the
person is public) and a biography per language, written by editors in the taxonomy admin."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from PIL import Image

from speeches.editorial import persons
from speeches.models import Person, Publication
from tests import media_files
from tests.factories import PersonFactory, PublicationFactory
from tests.helpers import committed, gps_of, stored_files

pytestmark = pytest.mark.django_db


def person_form(**overrides) -> dict:
    data = {"photo_credit": ""}
    for code in ("en", "ru", "de", "fr", "es", "ar"):
        for name in ("name", "position", "biography"):
            data[f"{name}_{code}"] = ""
    data.update(overrides)
    return data


def test_an_editor_adds_a_portrait_and_a_biography_in_the_admin(editor_client):
    upload = media_files.upload(
        "me.jpg", media_files.jpeg_bytes(2000, 3000, gps=True), "image/jpeg"
    )
    response = editor_client.post(
        "/admin/speeches/person/add/",
        person_form(
            name_en="Igor Vetrov",
            biography_en="Director since 2021.\n\nFormerly a consul.",
            biography_ru="Директор с 2021 года.",
            photo=upload,
            photo_credit="Ministry photo service",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Person.objects.get(name_en="Igor Vetrov")
    stored = person.photo.read()
    assert gps_of(stored) == {}  # re-encoded from the pixels: no EXIF, no position
    with Image.open(io.BytesIO(stored)) as portrait:
        assert portrait.format == "JPEG"
        assert portrait.size == (person.photo_width, person.photo_height) == (533, 800)


def test_a_file_that_is_no_photo_is_refused_and_nothing_stored(editor_client, settings):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = editor_client.post(
        "/admin/speeches/person/add/",
        person_form(name_en="Nobody", photo=media_files.upload("me.svg", svg, "image/svg+xml")),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["photo"]
    assert not Person.objects.filter(name_en="Nobody").exists()
    assert stored_files(settings) == set()


def test_translators_may_not_change_persons(translator):
    person = PersonFactory()
    person.biography_en = "Forged."
    with pytest.raises(PermissionDenied):
        persons.person_save(person=person, user=translator)
    person.refresh_from_db()
    assert not person.biography_en


def portrayed(**fields) -> Person:
    person = PersonFactory(**fields)
    person.photo = media_files.photo("p.jpg", width=300, height=400)
    person.photo_credit = "Photo service"
    return persons.person_save(person=person, user=None)


def test_the_person_page_shows_the_portrait_with_alt_text_and_the_biography(client):
    person = portrayed(name_en="Igor Vetrov", biography_en="First.\n\nSecond.", biography_ru="")
    PublicationFactory(languages=("en", "ru"), speakers=[person])
    committed()
    html = client.get(f"/en/persons/{person.pk}/").text
    photo = re.search(
        r'<img class="person-portrait__photo" src="([^"]+)" width="300" height="400" '
        r'alt="Portrait of Igor Vetrov">',
        html,
    )
    assert photo
    assert "<p>First.</p>\n\n<p>Second.</p>" in html
    assert "Photo: Photo service" in html
    response = client.get(photo[1])
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, no-cache"
    # No Russian biography: none is shown, the English one is not put in its place.
    assert "First." not in client.get(f"/ru/persons/{person.pk}/").text


def test_the_portrait_of_a_person_known_only_from_drafts_is_not_served(client):
    person = portrayed()
    PublicationFactory(status=Publication.Status.DRAFT, speakers=[person])
    committed()
    url = f"/en/persons/{person.pk}/photo/{person.photo_filename}"
    assert client.get(url).status_code == 404
    assert client.get(f"/en/persons/{person.pk}/").status_code == 404


def test_a_wrong_file_name_is_404(client):
    person = portrayed()
    PublicationFactory(speakers=[person])
    committed()
    assert client.get(f"/en/persons/{person.pk}/photo/other.jpg").status_code == 404


def test_staff_see_any_portrait_never_kept_by_a_cache(editor_client):
    person = portrayed()
    response = editor_client.get(f"/en/persons/{person.pk}/photo/{person.photo_filename}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
