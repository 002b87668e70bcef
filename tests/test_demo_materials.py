"""The demo's additional materials (generated files, stored like uploads) and rebuild_renditions.

The tests share one load of the demo (conftest's ``demo``); those that change its files
work on a copy (``own_demo_files``).
"""

import io
import re
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from PIL import Image

from speeches.demo import dataset, media
from speeches.materials import files, uploads
from speeches.models import Material, Publication, PublicationMaterial
from tests.helpers import load_demo, stored_files

pytestmark = pytest.mark.django_db

GPS_IFD, EXIF_MAKE, EXIF_ARTIST = 0x8825, 0x010F, 0x013B
CREDIT = "Press service of the Ministry / demo"
PHOTO_VARIANTS = [
    f"{size}-{fmt}" for size in ("thumb", "medium", "large") for fmt in ("webp", "jpeg")
]


@pytest.fixture
def seed(demo, settings):
    settings.DEBUG = True  # as load_demo wants it for the accounts
    return Publication.objects.get(reference=dataset.seed_speech()["reference"])


def seed_materials(seed) -> list[Material]:
    return [attachment.material for attachment in seed.attachments.select_related("material")]


def stored_bytes(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def rebuild(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("rebuild_renditions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_seed_has_photos_a_pdf_a_recording_and_a_link_in_order(seed, client):
    materials = seed_materials(seed)
    assert [m.kind for m in materials] == ["photo"] * 5 + ["document", "audio", "link"]
    assert list(seed.attachments.values_list("position", flat=True)) == list(range(8))
    languages = ["en", "ru", "de", "fr", "es"]
    for photo in materials[:5]:
        assert all(photo.title_in(code) for code in languages), photo
        assert not photo.title_ar
        assert photo.alt_text_ru and photo.alt_text_en
        assert photo.credit == CREDIT
        assert photo.mime_type == "image/jpeg" and photo.width <= 1600
        assert set(photo.renditions) == {"thumb", "medium", "large", "download"}

    document, recording, video = materials[5:]
    assert (document.language, document.mime_type) == ("ru", "application/pdf")
    pdf = stored_bytes(document.file.name)
    assert b"(Joint statement \x97 demo document) Tj" in pdf  # the em dash in WinAnsi
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split()[0])
    assert pdf[xref:].startswith(b"xref\n")
    offsets = re.findall(rb"^(\d{10}) 00000 n", pdf[xref:], re.MULTILINE)
    for number, offset in enumerate(offsets, start=1):
        assert pdf[int(offset) :].startswith(b"%d 0 obj" % number)

    assert (recording.language, recording.mime_type) == ("ru", "audio/mpeg")
    data = stored_bytes(recording.file.name)
    assert uploads.inspect_media(ContentFile(data, name=recording.filename), kind="audio")
    frames = data.split(media.MP3_FRAME_HEADER)[1:]
    assert len(frames) >= 2 * 44_100 // 1152  # two seconds
    assert video.url == "https://video.example.org/watch?v=demo"
    assert all(video.title_in(code) for code in languages)

    page = client.get(seed.get_absolute_url("en")).text
    assert page.count('class="gallery__item"') == 5
    assert materials[0].title_en in page
    assert files.url(document, "file") in page
    assert f'<audio controls preload="metadata" src="{files.url(recording, "file")}"' in page
    assert 'href="https://video.example.org/watch?v=demo"' in page
    russian = client.get(seed.get_absolute_url("ru")).text
    assert materials[0].title_ru in russian and materials[0].title_en not in russian


def test_other_publications_have_captioned_photos(seed):
    illustrated = Publication.objects.exclude(pk=seed.pk).filter(attachments__isnull=False)
    assert illustrated.distinct().count() == 12
    for publication in illustrated.distinct().prefetch_related("versions"):
        photos = [a.material for a in publication.attachments.select_related("material")]
        assert 1 <= len(photos) <= 3
        languages = {version.language for version in publication.versions.all()}
        for photo in photos:
            assert photo.kind == Material.Kind.PHOTO and photo.credit == CREDIT
            captioned = {
                code for code in ("en", "ru", "de", "fr", "es", "ar") if photo.title_in(code)
            }
            assert captioned == languages
            assert getattr(photo, f"alt_text_{publication.original_language}")


def test_loading_twice_adds_no_materials_and_no_files(settings, seed, own_demo_files):
    counts = Material.objects.count(), PublicationMaterial.objects.count()
    stored = stored_files(settings)
    assert counts == (32, 32) and len(stored) > 29 * 7
    output = load_demo(settings)
    assert "0 publications created" in output and "0 materials added" in output
    assert (Material.objects.count(), PublicationMaterial.objects.count()) == counts
    assert stored_files(settings) == stored


def test_no_public_copy_of_the_gps_photo_keeps_its_position(seed, client):
    photos = [m for m in seed_materials(seed) if m.kind == Material.Kind.PHOTO]
    with_gps = []
    for photo in photos:
        with Image.open(io.BytesIO(stored_bytes(photo.file.name))) as original:
            if original.getexif().get_ifd(GPS_IFD):
                with_gps.append(photo)
    assert len(with_gps) == 1  # the stored original keeps it; readers never get the original
    photo = with_gps[0]
    names = [
        photo.renditions[size][fmt]
        for size in ("thumb", "medium", "large")
        for fmt in ("webp", "jpeg")
    ]
    names.append(photo.renditions["download"]["name"])
    for name in names:
        with Image.open(io.BytesIO(stored_bytes(name))) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD), name
            assert EXIF_MAKE not in exif, name
    for variant in [*PHOTO_VARIANTS, "download"]:
        response = client.get(files.url(photo, variant))
        assert response.status_code == 200, variant
        # Read, but not response.close(): that sends request_finished, whose handler
        # closes the test's database connection on PostgreSQL.
        data = b"".join(response.streaming_content)
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif().get_ifd(GPS_IFD), variant
    with Image.open(io.BytesIO(stored_bytes(photo.renditions["download"]["name"]))) as download:
        assert download.getexif().get(EXIF_ARTIST) == CREDIT


def test_rebuild_renditions_shows_progress_and_keeps_the_page(
    settings, seed, own_demo_files, client
):
    photos = Material.objects.filter(kind=Material.Kind.PHOTO)
    total = photos.count()
    before = dict(photos.values_list("pk", "renditions"))
    stored = stored_files(settings)
    out, err = rebuild()
    assert err == ""
    assert f"\r[{'#' * 30}] {total}/{total}\n" in out
    assert out.count("\n") == 3  # heading, the bar's one line, the summary
    assert re.search(rf"\r\[#*\s*\] 0/{total}\r", out)
    after = dict(photos.values_list("pk", "renditions"))
    for pk, renditions in after.items():
        assert renditions["thumb"]["webp"] != before[pk]["thumb"]["webp"]
    assert len(stored_files(settings)) == len(stored)  # old renditions deleted
    page = client.get(seed.get_absolute_url("en")).text
    assert page.count('class="gallery__item"') == 5
    first = seed_materials(seed)[0]
    assert files.url(first, "thumb-jpeg") in page
    response = client.get(files.url(first, "thumb-jpeg"))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_rebuild_renditions_reports_failures_and_carries_on(seed, own_demo_files):
    photos = [m for m in seed_materials(seed) if m.kind == Material.Kind.PHOTO]
    broken, fine = photos[0], photos[1]
    default_storage.delete(broken.file.name)
    document = next(m for m in seed_materials(seed) if m.kind == Material.Kind.DOCUMENT)
    err = StringIO()
    with pytest.raises(CommandError, match=r"3 of 4 could not be rebuilt") as raised:
        call_command(
            "rebuild_renditions",
            "--ids", str(broken.pk), str(fine.pk), "999999", str(document.pk),
            stdout=StringIO(),
            stderr=err,
        )  # fmt: skip
    assert str(broken.pk) in str(raised.value) and "999999" in str(raised.value)
    assert "Material 999999: no such material" in err.getvalue()
    assert f"Material {document.pk}: a document has no renditions" in err.getvalue()
    assert f"Material {broken.pk}: FileNotFoundError" in err.getvalue()
    old = fine.renditions
    fine.refresh_from_db()
    assert fine.renditions["thumb"] != old["thumb"]  # rebuilt despite the others


def test_rebuild_renditions_with_only_missing_ids(seed):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="999998, 999999"):
        call_command("rebuild_renditions", "--ids", "999999", "999998", stdout=out, stderr=err)
    assert "Material 999999: no such material" in err.getvalue()
    assert "[" not in out.getvalue()  # nothing to rebuild, no bar


def test_pages_and_feeds_are_compressed_and_materials_sent_as_stored(seed, client):
    """Text answers are gzipped for a client that asks (a page is a fraction of its size
    on a phone's connection); photos and documents, compressed formats, keep their
    bytes, length and ranges."""
    gzip = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    page = client.get(seed.get_absolute_url("en"), **gzip)
    assert page["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["Vary"]
    feed = client.get("/en/feeds/rss/", **gzip)
    assert feed["Content-Encoding"] == "gzip"
    plain = client.get(seed.get_absolute_url("en"))
    assert not plain.has_header("Content-Encoding")
    for material in seed_materials(seed)[:2]:
        response = client.get(files.url(material, "download"), **gzip)
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding"), material.kind
