"""Materials in one go: several files uploaded at once, each a material of the kind its
content shows and checked as any upload; their descriptions filled in beside the
publication, in every language, and saved with it; nothing chosen lost when the form
fails on another field."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from speeches.editorial import editing, library
from speeches.models import Material, Publication, WorkflowEvent
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory
from tests.helpers import (
    change_form_data,
    change_url,
    logged_in,
    publication_form_data,
    stored_files,
)

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/speeches/material/upload/"
ADD_URL = "/admin/speeches/publication/add/"
LIBRARY_URL = "/admin/speeches/material/"
JSON = {"HTTP_ACCEPT": "application/json"}


def anonymous(name: str, data: bytes):
    """A file whose client says nothing of its type."""
    return media_files.upload(name, data, "application/octet-stream")


def polyglot_png() -> bytes:
    return media_files.png_bytes() + b"<html><script>alert(1)</script></html>"


def save_photo(**fields) -> Material:
    return services.material_save(
        material=Material(
            kind=Material.Kind.PHOTO, file=media_files.photo(width=320, height=240), **fields
        )
    )


def folders_of(materials) -> set[Path]:
    """Where these materials' files are stored: each material has a folder of its own."""
    return {Path(m.file.name).parent for m in materials}


def stored_folders(settings) -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path.relative_to(root).parent for path in stored_files(settings)}


# The service: one material per file, the kind from the content


def test_each_file_becomes_a_material_of_the_kind_its_content_shows(author, settings):
    files = [
        anonymous("talks.jpg", media_files.jpeg_bytes(400, 300)),
        anonymous("flag.png", media_files.png_bytes(200, 100)),
        anonymous("hall.webp", media_files.webp_bytes(300, 200)),
        anonymous("statement.pdf", media_files.pdf_bytes()),
        anonymous("remarks.docx", media_files.docx_bytes()),
        anonymous("note.txt", "Заявление для прессы".encode()),
        anonymous("arrival.mp4", media_files.mp4_bytes()),
        anonymous("arrival.webm", media_files.webm_bytes()),
        anonymous("remarks.mp3", media_files.mp3_bytes()),
        anonymous("interview.m4a", media_files.m4a_bytes()),
    ]
    results = library.materials_upload(files=files, user=author)
    assert [(r.name, r.errors) for r in results if r.errors] == []
    assert [(r.name, r.material.kind, r.material.mime_type) for r in results] == [
        ("talks.jpg", "photo", "image/jpeg"),
        ("flag.png", "photo", "image/png"),
        ("hall.webp", "photo", "image/webp"),
        ("statement.pdf", "document", "application/pdf"),
        (
            "remarks.docx",
            "document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("note.txt", "document", "text/plain"),
        ("arrival.mp4", "video", "video/mp4"),
        ("arrival.webm", "video", "video/webm"),
        ("remarks.mp3", "audio", "audio/mpeg"),
        ("interview.m4a", "audio", "audio/mp4"),
    ]
    photos = [r.material for r in results[:3]]
    assert all(set(p.renditions) >= {"thumb", "medium", "download"} for p in photos)
    assert [(p.width, p.height) for p in photos] == [(400, 300), (200, 100), (300, 200)]
    assert all(r.material.created_by == author for r in results)
    assert stored_folders(settings) == folders_of(r.material for r in results)


def test_the_clients_name_and_type_decide_nothing(author, settings):
    """A PDF called a photo is no photo, and a photo called a PDF no document: the content
    is inspected as what it is, and the misleading name refused."""
    results = library.materials_upload(
        files=[
            media_files.upload("portrait.jpg", media_files.pdf_bytes(), "image/jpeg"),
            media_files.upload("statement.pdf", media_files.jpeg_bytes(), "application/pdf"),
        ],
        user=author,
    )
    assert [r.material for r in results] == [None, None]
    assert "“portrait.jpg” is not one of them" in results[0].errors[0]
    assert results[1].errors == ["The file is a JPEG image but is named “statement.pdf”."]
    assert not Material.objects.exists()
    assert stored_files(settings) == set()


def test_a_refused_file_among_good_ones_is_named_and_nothing_of_it_is_written(author, settings):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    results = library.materials_upload(
        files=[
            anonymous("one.jpg", media_files.jpeg_bytes(320, 240)),
            anonymous("hidden.png", polyglot_png()),
            anonymous("logo.svg", svg),
            anonymous("empty.pdf", b""),
            anonymous("two.pdf", media_files.pdf_bytes()),
        ],
        user=author,
    )
    assert [r.name for r in results if r.material] == ["one.jpg", "two.pdf"]
    refused = {r.name: r.errors for r in results if not r.material}
    assert refused == {
        "hidden.png": ["The file has data hidden after the image. Please export the photo again."],
        "logo.svg": [
            "“logo.svg” is not a file this library accepts. Photos may be AVIF, JPEG, JPG, PNG, "
            "WEBP; video MP4, WEBM; audio M4A, MP3, OGG; documents DOCX, ODS, ODT, PDF, RTF, "
            "TXT, XLSX."
        ],
        "empty.pdf": ["“empty.pdf” is empty."],
    }
    created = [r.material for r in results if r.material]
    assert list(Material.objects.order_by("pk")) == created
    assert stored_folders(settings) == folders_of(created)


@pytest.mark.parametrize("role", ["translator", "viewer"])
def test_only_the_newsroom_adds_materials(role, request, settings):
    user = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        library.materials_upload(files=[media_files.photo()], user=user)
    assert not Material.objects.exists()
    assert stored_files(settings) == set()


def test_a_photo_a_live_item_shows_is_described_by_a_publisher_only(author, publisher):
    photo = save_photo(title_en="Talks", alt_text_en="Two ministers")
    live = PublicationFactory()
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    for publication in (live, draft):
        publication.attachments.create(material=photo)
    with pytest.raises(PermissionDenied):
        editing.material_describe(material=photo, user=author, values={"title_de": "Gespräche"})
    photo.refresh_from_db()
    assert photo.title_de in (None, "")
    changes = editing.material_describe(
        material=photo, user=publisher, values={"title_de": "Gespräche", "credit": "MFA"}, on=draft
    )
    assert changes == ["title [de]", "credit"]
    photo.refresh_from_db()
    assert (photo.title_de, photo.credit, photo.title_en) == ("Gespräche", "MFA", "Talks")
    # The other item showing it is told in its audit log; ``on`` names it in its own edit.
    event = WorkflowEvent.objects.get(action=WorkflowEvent.Action.MATERIAL)
    assert (event.publication, event.changes) == (live, ["title [de]", "credit"])


# The upload address: JSON for the script, a page without it


def test_the_script_gets_each_files_outcome_as_json(editor_client, settings):
    response = editor_client.post(
        UPLOAD_URL,
        {
            "files": [
                anonymous("talks.jpg", media_files.jpeg_bytes(640, 480)),
                anonymous("statement.pdf", media_files.pdf_bytes()),
                anonymous("hidden.png", polyglot_png()),
            ]
        },
        **JSON,
    )
    assert response.status_code == 200
    photo, pdf, refused = response.json()["files"]
    material = Material.objects.get(pk=photo["id"])
    assert photo == {
        "name": "talks.jpg",
        "ok": True,
        "id": material.pk,
        "kind": "photo",
        "kind_label": "photo",
        "label": "talks.jpg",
        "summary": f"photo · JPEG · {photo['summary'].rsplit(' · ', 1)[1]}",
        "format": "JPEG",
        "preview": {
            "url": f"/files/{material.pk}/thumb-jpeg/talks-thumb.jpg",
            "width": 480,
            "height": 360,
        },
        "change_url": f"/admin/speeches/material/{material.pk}/change/",
        "fingerprint": editing.description_fingerprint(editing.material_description(material)),
    }
    assert editor_client.get(photo["preview"]["url"]).status_code == 200  # staff see it
    assert (pdf["kind"], pdf["format"], pdf["preview"]) == ("document", "PDF", None)
    assert refused == {
        "name": "hidden.png",
        "ok": False,
        "errors": ["The file has data hidden after the image. Please export the photo again."],
    }
    assert Material.objects.count() == 2
    assert editor_client.post(UPLOAD_URL, {}, **JSON).status_code == 400


def test_without_a_script_the_library_uploads_several_files_as_a_page(editor_client):
    page = editor_client.get(LIBRARY_URL).text
    assert f'action="{UPLOAD_URL}"' in page and 'enctype="multipart/form-data"' in page
    assert 'name="files" id="id_library_files" multiple' in page
    assert editor_client.get(UPLOAD_URL).status_code == 200

    accepted = editor_client.post(
        UPLOAD_URL,
        {"files": [media_files.photo("a.jpg"), anonymous("b.pdf", media_files.pdf_bytes())]},
    )
    ids = ",".join(str(pk) for pk in Material.objects.order_by("pk").values_list("pk", flat=True))
    assert accepted.status_code == 302
    assert accepted["Location"] == f"{LIBRARY_URL}?id__in={ids}"
    listing = editor_client.get(accepted["Location"]).text
    assert "2 files uploaded: open each to add its caption and credit." in listing
    assert "b.pdf" in listing and "2 materials" in listing

    mixed = editor_client.post(
        UPLOAD_URL, {"files": [media_files.photo("c.jpg"), anonymous("d.png", polyglot_png())]}
    )
    assert mixed.status_code == 200
    assert "d.png was not uploaded: The file has data hidden after the image." in mixed.text
    new = Material.objects.latest("pk")
    assert f'href="/admin/speeches/material/{new.pk}/change/">c.jpg</a>' in mixed.text


@pytest.mark.parametrize("role", ["translator", "viewer"])
def test_who_may_not_add_materials_is_refused_and_nothing_is_written(role, request, settings):
    client = logged_in(request.getfixturevalue(role))
    assert client.get(UPLOAD_URL).status_code == 403
    assert client.post(UPLOAD_URL, {"files": [media_files.photo()]}).status_code == 403
    answer = client.post(UPLOAD_URL, {"files": [media_files.photo()]}, **JSON)
    assert (answer.status_code, answer.json()) == (403, {"error": "You may not add materials."})
    assert 'action="/admin/speeches/material/upload/"' not in client.get(LIBRARY_URL).text
    assert not Material.objects.exists()
    assert stored_files(settings) == set()


def test_an_upload_without_the_csrf_token_is_refused(author, settings):
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    response = client.post(UPLOAD_URL, {"files": [media_files.photo()]}, **JSON)
    assert response.status_code == 403
    assert not Material.objects.exists()
    assert stored_files(settings) == set()


# The publication's grid


def row(index: int, material: Material, position="", *, attachment=None, **values) -> dict:
    """One row of the grid as the browser posts it: the material's description as the
    form showed it (with its fingerprint), with ``values`` (``title_de=…``,
    ``decorative=True``) changed by the editor."""
    prefix = f"attachments-{index}-"
    shown = editing.material_description(material)
    data = {
        prefix + "material": material.pk,
        prefix + "position": position,
        prefix + "described": editing.description_fingerprint(shown),
    }
    if attachment is not None:
        data[prefix + "id"] = attachment.pk
    for name, value in {**shown, **values}.items():
        if name == "decorative":
            if value:
                data[prefix + name] = "on"
        else:
            data[prefix + name] = value
    return data


def grid(*rows: dict, initial: int = 0) -> dict:
    data = {"attachments-TOTAL_FORMS": str(len(rows)), "attachments-INITIAL_FORMS": str(initial)}
    for one in rows:
        data.update(one)
    return data


def test_uploads_stay_attached_when_the_form_fails_on_another_field(editor_client):
    """The script uploads as the files are dropped; the form that fails on its title comes
    back with them, and the next save attaches them."""
    answer = editor_client.post(
        UPLOAD_URL,
        {
            "files": [
                media_files.photo("talks.jpg"),
                anonymous("statement.pdf", media_files.pdf_bytes()),
            ]
        },
        **JSON,
    ).json()["files"]
    photo, pdf = (Material.objects.get(pk=entry["id"]) for entry in answer)
    rows = grid(
        row(0, photo, 0, title_en="The talks", title_de="Die Gespräche", alt_text_en="Ministers"),
        row(1, pdf, 1, title_en="Joint statement"),
    )
    failed = editor_client.post(ADD_URL, publication_form_data(title_en="", **rows))
    assert failed.status_code == 200
    assert not Publication.objects.exists()
    page = failed.text
    assert f'name="attachments-0-material" value="{photo.pk}"' in page
    assert f'name="attachments-1-material" value="{pdf.pk}"' in page
    assert f'src="/files/{photo.pk}/thumb-jpeg/talks-thumb.jpg"' in page
    assert 'value="Die Gespräche"' in page and 'value="Joint statement"' in page
    assert '<span class="attachment-row__format">PDF</span>' in page

    saved = editor_client.post(ADD_URL, publication_form_data(title_en="Statement", **rows))
    assert saved.status_code == 302
    publication = Publication.objects.get()
    assert [a.material for a in publication.attachments.all()] == [photo, pdf]
    photo.refresh_from_db()
    assert (photo.title_en, photo.title_de, photo.alt_text_en) == (
        "The talks",
        "Die Gespräche",
        "Ministers",
    )


def test_without_a_script_files_posted_with_the_form_are_kept_when_it_fails(editor_client):
    data = publication_form_data(
        title_en="",
        attachment_files=[
            media_files.photo("talks.jpg"),
            anonymous("statement.pdf", media_files.pdf_bytes()),
        ],
    )
    failed = editor_client.post(ADD_URL, data)
    assert failed.status_code == 200
    photo, pdf = Material.objects.order_by("pk")
    assert (photo.kind, pdf.kind) == ("photo", "document")
    assert 'enctype="multipart/form-data"' in failed.text
    assert f'name="attachments-0-material" value="{photo.pk}"' in failed.text
    assert f'name="attachments-1-material" value="{pdf.pk}"' in failed.text
    assert 'name="attachments-TOTAL_FORMS" value="2"' in failed.text

    # The form as it came back, now with a title: the two files are attached, in order.
    rows = grid(row(0, photo), row(1, pdf, title_en="Joint statement"))
    assert editor_client.post(ADD_URL, publication_form_data(**rows)).status_code == 302
    publication = Publication.objects.get()
    assert [a.material for a in publication.attachments.all()] == [photo, pdf]
    assert Material.objects.count() == 2  # nothing uploaded twice


def test_without_a_script_a_refused_file_is_named_and_the_others_are_kept(editor_client):
    data = publication_form_data(
        attachment_files=[media_files.photo("talks.jpg"), anonymous("hidden.png", polyglot_png())]
    )
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200  # the editor sees the refusal before saving
    assert "hidden.png was not uploaded: The file has data hidden after the image." in response.text
    photo = Material.objects.get()
    assert f'name="attachments-0-material" value="{photo.pk}"' in response.text
    assert not Publication.objects.exists()


def test_descriptions_are_saved_per_language_and_rows_numbered_in_their_order(author):
    client = logged_in(author)
    publication = PublicationFactory(status=Publication.Status.DRAFT, languages=("en", "ar"))
    photo = save_photo(title_en="Talks")
    pdf = services.material_save(
        material=Material(
            kind=Material.Kind.DOCUMENT, file=anonymous("s.pdf", media_files.pdf_bytes())
        )
    )
    link = services.material_save(
        material=Material(kind=Material.Kind.LINK, url="https://example.org/v")
    )
    attachments = [
        publication.attachments.create(material=m, position=0) for m in (photo, pdf, link)
    ]
    data = change_form_data(
        publication,
        **grid(
            row(
                0,
                photo,
                2,
                attachment=attachments[0],
                title_de="Gespräche",
                title_ar="محادثات",
                alt_text_en="Two ministers",
                credit="MID Rossii",
                credit_language="ru",
            ),
            row(
                1,
                pdf,
                0,
                attachment=attachments[1],
                title_en="Joint statement",
                alt_text_en="Ignored",
            ),
            row(2, link, 1, attachment=attachments[2], title_en="Video"),
            initial=3,
        ),
    )
    response = client.post(change_url(publication), data)
    assert response.status_code == 302, response.context["errors"]
    assert [(a.material, a.position) for a in publication.attachments.all()] == [
        (pdf, 0),
        (link, 1),
        (photo, 2),
    ]
    photo.refresh_from_db()
    assert (photo.title_en, photo.title_de, photo.title_ar, photo.alt_text_en) == (
        "Talks",
        "Gespräche",
        "محادثات",
        "Two ministers",
    )
    assert (photo.credit, photo.credit_language, photo.decorative) == ("MID Rossii", "ru", False)
    # The download copy carries the new credit as its copyright.
    with default_storage.open(photo.renditions["download"]["name"]) as download:
        exif = Image.open(download).getexif()
    assert exif[0x8298] == "MID Rossii"
    pdf.refresh_from_db()
    assert (pdf.title_en, pdf.alt_text_en) == ("Joint statement", None)  # no alt text for a PDF
    edit = publication.events.get(action=WorkflowEvent.Action.EDIT)
    assert f"material {photo.pk}: title [de]" in edit.changes
    assert f"material {photo.pk}: credit_language" in edit.changes
    assert "attachments" in edit.changes


def test_a_post_without_the_grids_descriptions_leaves_them_as_they_are(author):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    photo = save_photo(title_en="Talks", title_de="Gespräche", alt_text_en="Ministers")
    data = change_form_data(
        publication,
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-INITIAL_FORMS": "0",
            "attachments-0-material": photo.pk,
            "attachments-0-position": "0",
        },
    )
    assert logged_in(author).post(change_url(publication), data).status_code == 302
    photo.refresh_from_db()
    assert (photo.title_en, photo.title_de, photo.alt_text_en) == (
        "Talks",
        "Gespräche",
        "Ministers",
    )


@pytest.mark.parametrize("role", ["translator", "viewer"])
def test_translators_and_viewers_cannot_change_descriptions(role, request):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    photo = save_photo(title_en="Talks")
    attachment = publication.attachments.create(material=photo)
    client = logged_in(request.getfixturevalue(role))
    page = client.get(change_url(publication)).text
    # Read-only: the translator sees the captions as text (the viewer, who may not view
    # materials, not even that).
    assert ("Talks" in page) == (role == "translator")
    assert 'name="attachments-0-title_en"' not in page
    assert 'name="attachment_files"' not in page
    data = change_form_data(
        publication, **grid(row(0, photo, 0, attachment=attachment, title_en="Forged"), initial=1)
    )
    assert client.post(change_url(publication), data).status_code == 403
    photo.refresh_from_db()
    assert photo.title_en == "Talks"


def test_an_author_cannot_describe_from_a_draft_a_photo_a_live_item_shows(author):
    """The photo is the live item's too: its caption is a publisher's to change. The row
    says so, and nothing is written; leaving it as it is saves the draft."""
    photo = save_photo(title_en="Talks", alt_text_en="Ministers")
    PublicationFactory().attachments.create(material=photo)
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    attachment = draft.attachments.create(material=photo)
    client = logged_in(author)
    version = draft.edit_version
    forged = change_form_data(
        draft,
        title_en="New title",
        **grid(row(0, photo, 0, attachment=attachment, title_en="Other"), initial=1),
    )
    response = client.post(change_url(draft), forged)
    assert response.status_code == 200
    assert "a publisher can change its description" in response.text
    draft.refresh_from_db()
    photo.refresh_from_db()
    assert (draft.edit_version, photo.title_en) == (version, "Talks")
    untouched = change_form_data(
        draft, title_en="New title", **grid(row(0, photo, 0, attachment=attachment), initial=1)
    )
    assert client.post(change_url(draft), untouched).status_code == 302


def test_alternative_text_given_in_the_grid_lets_a_photo_join_a_published_item(publisher):
    publication = PublicationFactory()
    photo = save_photo(title_en="Talks")
    client = logged_in(publisher)
    without = change_form_data(publication, **grid(row(0, photo, 0)))
    refused = client.post(change_url(publication), without)
    assert refused.status_code == 200
    assert "This photo needs alternative text in English" in refused.text
    assert not publication.attachments.exists()
    described = change_form_data(publication, **grid(row(0, photo, 0, alt_text_en="Two ministers")))
    assert client.post(change_url(publication), described).status_code == 302
    assert [a.material for a in publication.attachments.all()] == [photo]
    photo.refresh_from_db()
    assert photo.alt_text_en == "Two ministers"


def test_the_library_says_where_each_material_is_used(editor_client):
    photo = save_photo(title_en="Talks")
    unused = save_photo(title_en="Spare")
    draft = PublicationFactory(status=Publication.Status.DRAFT, title_en="Draft statement")
    live = PublicationFactory(title_en="Published statement")
    for publication in (draft, live):
        publication.attachments.create(material=photo)
    page = editor_client.get(LIBRARY_URL).text
    assert (
        f'<li><a href="{change_url(draft)}">Draft statement</a> '
        '<span class="status-badge status-badge--draft">draft</span></li>'
    ) in page
    assert (
        f'<li><a href="{change_url(live)}">Published statement</a> '
        '<span class="status-badge status-badge--published">published</span></li>'
    ) in page
    assert page.count('<span class="material-unused">not used</span>') == 1
    assert unused.title_en in page


def test_a_description_changed_meanwhile_is_not_overwritten_unseen(author, publisher):
    """Boris corrects a caption in the media library while Anna has the draft open: her
    save of another caption shows his text and writes nothing; saving again writes hers.
    A row she did not touch keeps his correction."""
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    photo = save_photo(title_en="Talks", title_de="Gesprache")
    pdf = services.material_save(
        material=Material(
            kind=Material.Kind.DOCUMENT,
            file=anonymous("s.pdf", media_files.pdf_bytes()),
            title_en="Statment",
        )
    )
    rows = [draft.attachments.create(material=m, position=n) for n, m in enumerate((photo, pdf))]
    opened = grid(
        row(0, photo, 0, attachment=rows[0], title_de="Die Gespräche"),
        row(1, pdf, 1, attachment=rows[1]),
        initial=2,
    )
    for material, fixed in ((photo, {"title_de": "Gespräche"}), (pdf, {"title_en": "Statement"})):
        editing.material_describe(material=material, user=publisher, values=fixed)
    client = logged_in(author)
    data = change_form_data(draft, **opened)
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "Saved meanwhile: Gespräche" in response.text
    assert "Someone changed this material&#x27;s description after you opened the form" in (
        response.text
    )
    photo.refresh_from_db()
    assert photo.title_de == "Gespräche"
    # The row now carries Boris's version: saving again writes Anna's caption, and the
    # PDF she did not touch keeps his correction.
    now = editing.description_fingerprint(editing.material_description(photo))
    assert f'name="attachments-0-described" value="{now}"' in response.text
    again = change_form_data(draft, **{**opened, "attachments-0-described": now})
    assert client.post(change_url(draft), again).status_code == 302
    photo.refresh_from_db()
    pdf.refresh_from_db()
    assert (photo.title_de, pdf.title_en) == ("Die Gespräche", "Statement")
