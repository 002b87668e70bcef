"""Editors upload and attach materials in the admin; readers see them in their language."""

import pytest

from speeches.models import Material, Publication
from speeches.publishing import workflow
from tests import media_files
from tests.factories import PublicationFactory
from tests.helpers import (
    gps_of,
    material_form,
    publication_form_data,
    stored_files,
    upload_material,
)

pytestmark = pytest.mark.django_db


def test_a_refused_upload_is_a_form_error_that_keeps_the_input(editor_client, settings):
    data = material_form("photo", title_en="Ministers", credit="MFA")
    data["file"] = media_files.upload("photo.png", media_files.png_bytes() + b"<html></html>")
    response = editor_client.post("/admin/speeches/material/add/", data)
    assert response.status_code == 200
    assert "data hidden after the image" in response.text
    assert 'value="Ministers"' in response.text and 'value="MFA"' in response.text
    assert stored_files(settings) == set()
    assert not Material.objects.exists()


def test_the_library_says_which_language_a_credit_is_written_in(editor_client):
    form = editor_client.get("/admin/speeches/material/add/").text
    assert "Language of the credit" in form
    assert '<option value="en" selected>English</option>' in form
    material = upload_material(
        editor_client,
        "photo",
        media_files.photo(),
        alt_text_en="Ministers",
        credit="Пресс-служба МИД",
        credit_language="ru",
    )
    assert (material.credit, material.credit_language) == ("Пресс-служба МИД", "ru")


def test_editor_attaches_photos_video_link_and_pdf_to_a_speech(
    editor, editor_client, publisher, client, settings
):
    publication = PublicationFactory(
        languages=("en", "de"),
        title_en="Remarks",
        title_de="Rede",
        original_language="en",
        status=Publication.Status.DRAFT,
    )
    photos = [
        upload_material(
            editor_client,
            "photo",
            media_files.photo(name=f"photo-{i}.jpg", gps=i == 0),
            title_en=f"Caption {i}",
            title_de=f"Bildunterschrift {i}",
            alt_text_en=f"Photo {i} of the meeting",
            credit="MFA",
        )
        for i in range(5)
    ]
    video = upload_material(
        editor_client,
        "video",
        media_files.upload("talks.mp4", media_files.mp4_bytes()),
        title_en="The talks",
        title_de="Die Gespräche",
    )
    link = upload_material(
        editor_client,
        "link",
        url="https://video.example.org/watch?v=1",
        title_en="Video of the meeting",
        title_de="Video des Treffens",
    )
    pdf = upload_material(
        editor_client,
        "document",
        media_files.upload("statement.pdf", media_files.pdf_bytes()),
        title_en="Joint statement",
        title_de="Gemeinsame Erklärung",
    )
    materials = [*photos, video, link, pdf]
    data = publication_form_data(
        title_en=publication.title_en,
        body_en=publication.body_en,
        title_de=publication.title_de,
        body_de=publication.body_de,
        version_de="ready",
        opened_version=publication.edit_version,
        **{
            "attachments-TOTAL_FORMS": str(len(materials)),
            "attachments-INITIAL_FORMS": "0",
        },
    )
    for index, material in enumerate(materials):
        data[f"attachments-{index}-material"] = material.pk
        data[f"attachments-{index}-position"] = index
    response = editor_client.post(f"/admin/speeches/publication/{publication.pk}/change/", data)
    assert response.status_code == 302
    assert [a.material for a in Publication.objects.get().attachments.all()] == materials
    workflow.publication_submit(publication=publication, user=editor)
    workflow.publication_publish(publication=publication, user=publisher)

    client.logout()
    english = client.get(publication.get_absolute_url("en")).text
    german = client.get(publication.get_absolute_url("de")).text
    for i in range(5):
        assert f"Caption {i}" in english and f"Caption {i}" not in german
        assert f"Bildunterschrift {i}" in german
    assert "Video of the meeting" in english and "Video des Treffens" in german
    download = client.get(f"/files/{photos[0].pk}/download/photo-0.jpg")
    assert download.status_code == 200
    assert gps_of(b"".join(download.streaming_content)) == {}


def test_a_photo_without_alt_text_cannot_be_attached_to_a_published_item(publisher_client):
    publication = PublicationFactory(languages=("en",))
    photo = upload_material(publisher_client, "photo", media_files.photo(), title_en="No alt")
    data = publication_form_data(
        title_en=publication.title_en,
        body_en=publication.body_en,
        opened_version=publication.edit_version,
        **{"attachments-TOTAL_FORMS": "1", "attachments-INITIAL_FORMS": "0"},
    )
    data["attachments-0-material"] = photo.pk
    data["attachments-0-position"] = 0
    response = publisher_client.post(f"/admin/speeches/publication/{publication.pk}/change/", data)
    assert response.status_code == 200
    assert "needs alternative text in English" in response.text
    assert not publication.attachments.exists()


def test_material_library_lists_previews_and_where_each_is_used(editor_client):
    publication = PublicationFactory(title_en="Statement on the talks")
    photo = upload_material(
        editor_client, "photo", media_files.photo(), title_en="Talks", alt_text_en="Talks"
    )
    publication.attachments.create(material=photo)
    response = editor_client.get("/admin/speeches/material/")
    assert response.status_code == 200
    assert f'src="/files/{photo.pk}/thumb-jpeg/photo-thumb.jpg"' in response.text
    assert "Statement on the talks" in response.text
    assert editor_client.get("/admin/speeches/material/", {"q": "Talks"}).status_code == 200
