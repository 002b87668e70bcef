"""Additional materials: what is accepted, what readers get, and what never reaches them."""

import io
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from speeches.models import Material, Publication, PublicationMaterial
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory
from tests.helpers import gps_of, stored_files

pytestmark = pytest.mark.django_db


def save(kind="photo", upload=None, **fields) -> Material:
    return services.material_save(material=Material(kind=kind, file=upload, **fields))


def attach(publication, *materials) -> None:
    for position, material in enumerate(materials):
        PublicationMaterial.objects.create(
            publication=publication, material=material, position=position
        )


# Rejected uploads: a clear error, and storage left as it was.


def polyglot_png() -> bytes:
    return media_files.png_bytes() + b"<html><script>alert(1)</script></html>"


def truncated_jpeg() -> bytes:
    data = media_files.jpeg_bytes()
    return data[: len(data) // 2]


def bomb_png() -> bytes:
    # 20,000 × 20,000 pixels of one colour: a few hundred kilobytes, 400 megapixels.
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML_AS_PDF = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    ("kind", "name", "data", "message"),
    [
        ("photo", "photo.png", polyglot_png(), "data hidden after the image"),
        ("photo", "photo.jpg", truncated_jpeg(), "not a valid photo"),
        ("photo", "bomb.png", bomb_png(), "megapixels"),
        ("photo", "drawing.svg", SVG, "not a valid photo"),
        ("photo", "photo.jpg", media_files.png_bytes(), "is a PNG image but is named"),
        ("document", "statement.pdf", HTML_AS_PDF, "is not a PDF file"),
        ("document", "page.html", HTML_AS_PDF, "Documents may be"),
        ("document", "notes.txt", HTML_AS_PDF, "is not a TXT file"),
        ("document", "fake.docx", b"PK\x03\x04 not really", "is not a DOCX file"),
        ("video", "clip.mp4", HTML_AS_PDF, "is not a MP4 file"),
        ("audio", "speech.wav", b"RIFF....WAVE", "Allowed formats: M4A, MP3, OGG"),
    ],
)
def test_hostile_and_broken_uploads_are_refused_and_nothing_is_stored(
    settings, kind, name, data, message
):
    before = stored_files(settings)
    with pytest.raises(ValidationError) as error:
        save(kind, media_files.upload(name, data))
    assert message in str(error.value)
    assert stored_files(settings) == before
    assert not Material.objects.exists()


def test_oversized_files_are_refused_with_the_limit(settings):
    settings.DOCUMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="at most 100"):
        save("document", media_files.upload("big.pdf", media_files.pdf_bytes() + b" " * 200))
    assert stored_files(settings) == set()


def test_a_file_name_with_a_path_is_refused(settings):
    # Django's upload handlers already drop paths; an import or command passing a File
    # straight to the service must be refused too.
    upload = File(io.BytesIO(media_files.jpeg_bytes()), name="../../etc/passwd.jpg")
    with pytest.raises(ValidationError, match="may not contain a path"):
        save("photo", upload)
    assert stored_files(settings) == set()


def test_stored_names_are_made_by_the_server(settings):
    material = save("photo", media_files.photo(name="Minister Lavrov in Minsk.jpg"))
    assert material.filename == "Minister Lavrov in Minsk.jpg"
    assert "Lavrov" not in material.file.name
    assert material.file.name.startswith("materials/")
    assert len(Path(material.file.name).parent.name) == 32  # a random hex folder
    for path in stored_files(settings):
        assert Path(settings.MEDIA_ROOT) in path.parents


def test_accepted_formats(settings):
    assert save("photo", media_files.upload("p.png", media_files.png_bytes())).mime_type == (
        "image/png"
    )
    assert save("document", media_files.upload("s.pdf", media_files.pdf_bytes())).size > 0
    docx = save("document", media_files.upload("s.docx", media_files.docx_bytes()))
    assert docx.mime_type.endswith("wordprocessingml.document")
    assert save("document", media_files.upload("n.txt", "Заявление".encode())).mime_type == (
        "text/plain"
    )
    assert save("video", media_files.upload("v.mp4", media_files.mp4_bytes())).mime_type == (
        "video/mp4"
    )
    assert save("audio", media_files.upload("a.mp3", media_files.mp3_bytes())).mime_type == (
        "audio/mpeg"
    )
    with pytest.raises(ValidationError, match="needs its URL"):
        save("link")


# Photos: renditions without metadata, made once.


def test_gps_and_camera_data_never_reach_a_reader(client, settings):
    material = save(
        "photo", media_files.photo(gps=True, width=2400, height=1600), alt_text_en="Ministers"
    )
    with material.file.open("rb") as original:
        assert gps_of(original.read())  # the stored original keeps it, never served
    publication = PublicationFactory()
    attach(publication, material)
    variants = [f"{s}-{f}" for s in ("thumb", "medium", "large") for f in ("webp", "jpeg")]
    for variant in [*variants, "download"]:
        response = client.get(f"/files/{material.pk}/{variant}/x")
        assert response.status_code == 200, variant
        data = b"".join(response.streaming_content)
        assert gps_of(data) == {}, variant
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            assert 0x0110 not in exif and 0x010F not in exif  # camera model and maker
    assert client.get(f"/files/{material.pk}/original/x").status_code == 404


def test_download_carries_the_credit_and_full_size(client):
    material = save(
        "photo",
        media_files.photo(width=3000, height=2000),
        credit="Press service / demo",
        alt_text_en="Ministers",
    )
    attach(PublicationFactory(), material)
    response = client.get(f"/files/{material.pk}/download/x")
    assert response["Content-Disposition"] == 'attachment; filename="photo.jpg"'
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.size == (3000, 2000)
        assert image.getexif()[0x8298] == "Press service / demo"


def test_exif_orientation_is_applied_to_renditions():
    material = save("photo", media_files.photo(width=1200, height=800, orientation=6))
    assert material.renditions["thumb"]["width"] < material.renditions["thumb"]["height"]
    assert material.renditions["download"]["width"] == 800


def test_renditions_are_made_once_at_upload_not_by_page_views(client, settings):
    publication = PublicationFactory()
    attach(publication, save("photo", media_files.photo(), alt_text_en="A"))
    before = stored_files(settings)
    for _ in range(2):
        assert client.get(publication.get_absolute_url("en")).status_code == 200
    assert stored_files(settings) == before


def test_gallery_prints_sizes_srcset_lazy_loading_caption_credit_and_download(client):
    material = save(
        "photo",
        media_files.photo(width=2400, height=1600),
        title_en="Ministers at the table",
        title_de="Minister am Tisch",
        alt_text_en="Two ministers shake hands",
        credit="MFA",
    )
    publication = PublicationFactory(languages=("en", "de", "fr"))
    attach(publication, material)
    html = client.get(publication.get_absolute_url("en")).text
    assert '<h2 id="materials-heading">Additional materials</h2>' in html
    assert 'width="480" height="320"' in html
    assert 'loading="lazy"' in html
    assert f"/files/{material.pk}/medium-webp/photo-medium.webp 1024w" in html
    assert 'type="image/webp"' in html
    assert 'alt="Two ministers shake hands"' in html
    assert "Ministers at the table" in html and "Minister am Tisch" not in html
    assert "Photo: MFA" in html
    assert "Download original (JPEG," in html and "2400 × 1600 px" in html
    assert f'<a href="/files/{material.pk}/large-jpeg/photo-large.jpg" class="gallery__link">' in (
        html
    )
    german = client.get(publication.get_absolute_url("de")).text
    assert "Minister am Tisch" in german and "Ministers at the table" not in german
    french = client.get(publication.get_absolute_url("fr")).text
    assert "Minister am Tisch" not in french and "Ministers at the table" not in french


def test_video_audio_documents_and_links(client):
    video = save("video", media_files.upload("clip.mp4", media_files.mp4_bytes()), title_en="Clip")
    audio = save("audio", media_files.upload("a.mp3", media_files.mp3_bytes()), title_en="Audio")
    pdf = save(
        "document",
        media_files.upload("Joint Statement.pdf", media_files.pdf_bytes()),
        title_en="Joint statement",
        language="ru",
    )
    link = save("link", url="https://video.example.org/watch?v=1", title_en="Video of the talks")
    publication = PublicationFactory()
    attach(publication, video, audio, pdf, link)
    html = client.get(publication.get_absolute_url("en")).text
    assert f'<source src="/files/{video.pk}/file/Joint' not in html
    assert f'<source src="/files/{video.pk}/file/clip.mp4" type="video/mp4">' in html
    assert f'<audio controls preload="metadata" src="/files/{audio.pk}/file/a.mp3">' in html
    assert "Joint statement" in html and "PDF" in html and "Русский" in html
    assert 'href="https://video.example.org/watch?v=1"' in html
    # No third-party player: the one script is the page's own.
    assert "<iframe" not in html
    assert re.findall(r'<script src="([^"]+)"', html) == ["/static/js/publication.js"]
    document = client.get(f"/files/{pdf.pk}/file/Joint_Statement.pdf")
    assert document["Content-Type"] == "application/pdf"
    assert document["Content-Disposition"] == 'attachment; filename="Joint_Statement.pdf"'
    assert "sandbox" in document["Content-Security-Policy"]
    recording = client.get(f"/files/{audio.pk}/file/a.mp3")
    assert (
        not recording.has_header("Content-Disposition")
        or "inline" in recording["Content-Disposition"]
    )


# Nothing unpublished reaches a reader through a file.


@pytest.mark.parametrize(
    "make",
    [
        lambda: PublicationFactory(status=Publication.Status.DRAFT),
        lambda: PublicationFactory(published_at=timezone.now() + timedelta(hours=1)),
        lambda: None,  # in the library, attached to nothing
    ],
    ids=["draft", "embargoed", "unattached"],
)
def test_files_of_unpublished_items_are_not_served(editor_client, make):
    client = Client()  # anonymous; editor_client is logged in
    material = save("photo", media_files.photo(), alt_text_en="A")
    publication = make()
    if publication:
        attach(publication, material)
    for variant in ("thumb-jpeg", "download"):
        assert client.get(f"/files/{material.pk}/{variant}/x").status_code == 404
        staff = editor_client.get(f"/files/{material.pk}/{variant}/x")
        assert staff.status_code == 200  # editors preview in the admin
        assert staff["Cache-Control"] == "private, no-store"


def test_a_material_shared_with_a_public_item_is_served(client):
    material = save("photo", media_files.photo(), alt_text_en="A")
    attach(PublicationFactory(status=Publication.Status.DRAFT), material)
    attach(PublicationFactory(), material)
    response = client.get(f"/files/{material.pk}/thumb-jpeg/x")
    assert response.status_code == 200
    # Caches keep it but ask again each time, so an unpublished item's file never lingers.
    assert response["Cache-Control"] == "public, no-cache"
    b"".join(response.streaming_content)
    again = client.get(
        f"/files/{material.pk}/thumb-jpeg/x", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


# The alt-text rule and query counts.


def test_a_photo_without_alt_text_in_the_original_language_blocks_publishing():
    material = save("photo", media_files.photo(), alt_text_de="Nur deutsch")
    publication = PublicationFactory(status=Publication.Status.DRAFT, languages=("en",))
    attach(publication, material)
    publication.status = Publication.Status.PUBLISHED
    with pytest.raises(ValidationError, match="alternative text"):
        services.publication_save(publication=publication)
    material.decorative = True
    material.save()
    services.publication_save(publication=publication)


def test_detail_page_queries_do_not_grow_with_materials(client):
    publication = PublicationFactory()
    url = publication.get_absolute_url("en")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    without = count()
    photo = save("photo", media_files.photo(width=400, height=300), alt_text_en="A")
    others = [
        save("document", media_files.upload(f"d{i}.pdf", media_files.pdf_bytes()))
        for i in range(14)
    ]
    links = [save("link", url=f"https://example.org/{i}") for i in range(15)]
    attach(publication, photo, *others, *links)
    assert count() == without
    # In this writer's own view nothing is kept: the site identity and the footer's pages
    # are built for it too (two queries), which readers get kept.
    assert without <= 10


def test_media_root_is_not_served_directly(client, settings):
    material = save("photo", media_files.photo(), alt_text_en="A")
    attach(PublicationFactory(), material)
    assert client.get(f"/media/{material.file.name}").status_code == 404
    assert not os.path.isabs(material.file.name)


def test_api_detail_lists_materials_with_captions_per_public_language(client):
    photo = save(
        "photo",
        media_files.photo(width=1600, height=1000),
        title_en="Caption",
        title_ar="تعليق",
        alt_text_en="Alt",
        credit="MFA",
    )
    link = save("link", url="https://video.example.org/watch?v=1", title_en="Video")
    publication = PublicationFactory(languages=("en", "de"))
    attach(publication, photo, link)
    data = client.get(f"/api/publications/{publication.pk}").json()
    first, second = data["materials"]
    assert first["kind"] == "photo"
    assert first["captions"] == {"en": "Caption"}  # ar is not a public version of the item
    assert first["download_url"] == f"http://testserver/files/{photo.pk}/download/photo.jpg"
    assert (first["width"], first["height"], first["mime_type"]) == (1600, 1000, "image/jpeg")
    assert second == {
        **second,
        "kind": "link",
        "url": "https://video.example.org/watch?v=1",
        "download_url": "",
    }


def test_a_video_poster_is_served_without_its_metadata(client):
    video = services.material_save(
        material=Material(
            kind="video",
            file=media_files.upload("clip.mp4", media_files.mp4_bytes()),
            poster=media_files.photo(name="poster.jpg", gps=True),
        )
    )
    attach(PublicationFactory(), video)
    response = client.get(f"/files/{video.pk}/poster/x")
    assert response["Content-Type"] == "image/jpeg"
    data = b"".join(response.streaming_content)
    assert gps_of(data) == {}
    with Image.open(io.BytesIO(data)) as image:
        assert 0x0110 not in image.getexif()


def test_link_previews_use_the_first_photo(client):
    publication = PublicationFactory()
    attach(
        publication,
        save("link", url="https://example.org/v"),
        save("photo", media_files.photo(width=1600, height=1000), alt_text_en="Talks"),
    )
    html = client.get(publication.get_absolute_url("en")).text
    photo = publication.attachments.last().material
    assert (
        f'<meta property="og:image" content="http://testserver/files/{photo.pk}/large-jpeg/'
        'photo-large.jpg">' in html
    )
    assert '<meta property="og:image:width" content="1600">' in html
    assert f'"image": ["http://testserver/files/{photo.pk}/large-jpeg/photo-large.jpg"]' in html


def test_behind_nginx_the_app_checks_and_nginx_sends_the_file(settings):
    settings.MATERIAL_ACCEL_REDIRECT = "/protected-media/"
    material = save("document", media_files.upload("Joint statement.pdf", media_files.pdf_bytes()))
    anonymous = Client()
    assert anonymous.get(f"/files/{material.pk}/file/x").status_code == 404  # not public yet
    attach(PublicationFactory(), material)
    response = anonymous.get(f"/files/{material.pk}/file/x")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{material.file.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Joint_statement.pdf"'
    assert response.content == b""


# Texts in another language than the page's say which (lang, and dir when right to left)


def test_a_credit_in_another_language_than_the_pages_is_marked_with_it(client):
    photo = save(
        "photo",
        media_files.photo(),
        title_en="Ministers",
        title_ru="Министры",
        alt_text_en="Two ministers",
        alt_text_ru="Два министра",
        credit="Press service of the Ministry",
        credit_language="en",
    )
    publication = PublicationFactory(languages=("en", "ru"))
    attach(publication, photo)
    russian = client.get(publication.get_absolute_url("ru")).text
    assert (
        '<span class="credit">Фото: <span lang="en" dir="ltr">Press service of the Ministry'
        "</span></span>"
    ) in russian
    assert 'alt="Два министра">' in russian  # written in Russian: nothing to mark
    english = client.get(publication.get_absolute_url("en")).text
    assert '<span class="credit">Photo: Press service of the Ministry</span>' in english


def test_a_credit_that_is_a_name_in_every_language_is_not_marked(client):
    photo = save("photo", media_files.photo(), alt_text_en="Ministers", credit="TASS")
    photo.credit_language = ""
    services.material_save(material=photo)
    publication = PublicationFactory(languages=("en", "ru"))
    attach(publication, photo)
    html = client.get(publication.get_absolute_url("ru")).text
    assert "TASS</span>" in html and 'lang="en" dir="ltr">TASS' not in html


def test_alternative_text_from_the_original_language_says_which_it_is(client):
    photo = save("photo", media_files.photo(), alt_text_ar="وزيران يتصافحان")
    publication = PublicationFactory(languages=("ar", "en"))
    attach(publication, photo)
    english = client.get(publication.get_absolute_url("en")).text
    assert 'alt="وزيران يتصافحان" lang="ar" dir="rtl">' in english
    arabic = client.get(publication.get_absolute_url("ar")).text
    assert 'alt="وزيران يتصافحان">' in arabic


def test_video_audio_and_document_credits_and_languages_are_marked(client):
    video = save(
        "video",
        media_files.upload("clip.mp4", media_files.mp4_bytes()),
        title_ru="Видео",
        credit="Пресс-служба МИД",
        credit_language="ru",
    )
    audio = save(
        "audio",
        media_files.upload("a.mp3", media_files.mp3_bytes()),
        title_en="Recording",
        language="ar",
        credit="RT Arabic",
        credit_language="ar",
    )
    pdf = save(
        "document",
        media_files.upload("statement.pdf", media_files.pdf_bytes()),
        title_en="Joint statement",
        language="ru",
    )
    publication = PublicationFactory(languages=("en", "ru"))
    attach(publication, video, audio, pdf)
    html = client.get(publication.get_absolute_url("en")).text
    assert '<span class="credit"><span lang="ru" dir="ltr">Пресс-служба МИД</span></span>' in html
    assert '<span class="credit"><span lang="ar" dir="rtl">RT Arabic</span></span>' in html
    assert '(<span lang="ar" dir="rtl">العربيّة</span>)' in html
    assert ', <span lang="ru" dir="ltr">Русский</span></span>' in html
    assert f'<a href="/files/{pdf.pk}/file/statement.pdf" download hreflang="ru">' in html
    russian = client.get(publication.get_absolute_url("ru")).text
    assert '<span class="credit">Пресс-служба МИД</span>' in russian
