"""A publication's page serves a journalist on deadline: which version and which kind of
text it is, its reference, a short link to cite and print, sharing, a citation, the
outline of a long text, an interview's questions, and every photo in one archive."""

from __future__ import annotations

import importlib
import io
import re
import zipfile
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import formats, timezone
from reversion.models import Version

from speeches.languages import segments
from speeches.materials import archives
from speeches.models import LanguageVersion, Material, Publication, PublicationMaterial
from speeches.publishing import previews, services, workflow
from tests import media_files
from tests.factories import PublicationFactory, UserFactory, publication_in_state
from tests.helpers import (
    change_form_data,
    change_url,
    committed,
    gps_of,
    logged_in,
    stored_files,
)

pytestmark = pytest.mark.django_db

BRIEFING = (
    "<p>Good afternoon.</p>"
    "<h2>Upcoming contacts</h2><p>Next week the minister travels.</p>"
    "<h3>In Geneva</h3><p>Talks on Monday.</p>"
    "<h2>Russian-Mexican relations</h2><p>A steady dialogue.</p>"
    '<p class="question"><strong>Question:</strong> When will the talks resume?</p>'
    "<p><strong>Maria Zakharova:</strong> Soon.</p>"
    '<p class="question"><strong>Question:</strong> Is the date set?</p>'
    "<p><strong>Maria Zakharova:</strong> Not yet.</p>"
)


def page(client: Client, publication: Publication, language: str = "en") -> str:
    response = client.get(publication.get_absolute_url(language))
    assert response.status_code == 200
    return response.text


def section(html: str, css_class: str) -> str:
    """The element whose class attribute starts with ``css_class``, as far as its end tag."""
    match = re.search(rf'<(\w+)[^>]*? class="{css_class}[^"]*"', html)
    assert match, css_class
    tag = match[1]
    return html[match.start() : html.index(f"</{tag}>", match.end()) + len(tag) + 3]


def photo(**fields) -> Material:
    return services.material_save(
        material=Material(kind="photo", file=media_files.photo(**fields.pop("file", {})), **fields)
    )


def attach(publication: Publication, *materials: Material) -> None:
    for position, material in enumerate(materials):
        PublicationMaterial.objects.create(
            publication=publication, material=material, position=position
        )


# Metadata: the reference, which version this is, what the text is to what was said


def test_the_reference_number_is_in_the_pages_facts(client):
    publication = PublicationFactory(reference="2270-18-11-2019")
    facts = section(page(client, publication), "publication__facts")
    assert "Reference number" in facts and "2270-18-11-2019" in facts


def test_a_translation_names_its_original_language_in_the_readers_language(client):
    publication = PublicationFactory(languages=("ru", "en", "de"))
    english = section(page(client, publication, "en"), "translation-note")
    assert "Translation from Russian" in english
    original = publication.get_absolute_url("ru")
    assert f'<a href="{original}" hreflang="ru">Read the original</a>' in english
    # The language's name as German readers write it (CLDR), whatever the sentence's state.
    assert "Russisch" in section(page(client, publication, "de"), "translation-note")


def test_the_original_says_nothing_of_itself(client):
    publication = PublicationFactory(languages=("ru", "en"))
    assert 'class="translation-note"' not in page(client, publication, "ru")


def test_an_outdated_translation_says_the_original_changed_since(client):
    publication = PublicationFactory(languages=("ru", "en"))
    html = page(client, publication, "en")
    assert "The original has changed since" not in html
    LanguageVersion.objects.filter(publication=publication, language="en").update(
        status=LanguageVersion.Status.OUTDATED
    )
    html = page(client, publication, "en")
    assert "The original has changed since this translation was made." in html


def test_a_hidden_original_is_named_but_not_linked(client):
    publication = PublicationFactory(languages=("ru", "en"))
    LanguageVersion.objects.filter(publication=publication, language="ru").update(hidden=True)
    note = section(page(client, publication, "en"), "translation-note")
    assert "Translation from Russian" in note and "Read the original" not in note


def test_the_delivery_label_stands_above_the_text(client):
    publication = PublicationFactory(delivery=Publication.Delivery.CHECK_AGAINST_DELIVERY)
    html = page(client, publication)
    label = '<p class="delivery-label">Check against delivery</p>'
    assert label in html
    assert html.index(label) < html.index('class="publication__body')
    plain = PublicationFactory()
    assert 'class="delivery-label"' not in page(client, plain)


def test_a_publisher_sets_the_delivery_label_in_the_change_form(publisher_client):
    publication = publication_in_state("published")
    form = publisher_client.get(change_url(publication)).text
    assert 'name="delivery"' in form and "As prepared for delivery" in form
    response = publisher_client.post(
        change_url(publication), change_form_data(publication, delivery="transcript")
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.delivery == Publication.Delivery.TRANSCRIPT
    event = publication.events.first()
    assert "delivery" in event.changes  # the audit log names it


def test_an_author_cannot_change_the_label_of_a_live_item(client):
    publication = publication_in_state("published")
    author = UserFactory(username="writer", is_staff=True, groups=["Editors"])
    response = logged_in(author).post(
        change_url(publication), change_form_data(publication, delivery="transcript")
    )
    assert response.status_code == 403
    publication.refresh_from_db()
    assert publication.delivery == ""


# The short link


def test_short_link_leads_to_the_page_in_the_readers_language(client):
    publication = PublicationFactory(languages=("ru", "en", "de"))
    url = f"/p/{publication.pk}/"
    german = client.get(url, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert german.status_code == 302
    assert german["Location"] == publication.get_absolute_url("de")
    # A language without a version: the original's page, never another language's text.
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    assert spanish["Location"] == publication.get_absolute_url("ru")


def test_short_link_of_a_withdrawn_item_leads_to_its_page(client):
    publication = publication_in_state("withdrawn")
    response = client.get(f"/p/{publication.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == publication.get_absolute_url("en")


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled", "unpublished"])
def test_short_link_of_what_readers_may_not_open_is_a_404_like_an_unknown_one(client, state):
    publication = publication_in_state(state)
    response = client.get(f"/p/{publication.pk}/")
    unknown = client.get("/p/999999/")
    assert response.status_code == unknown.status_code == 404
    assert publication.title_en not in response.text


def test_short_link_of_an_unpublished_item_leads_to_its_replacement(client):
    replacement = PublicationFactory(title_en="The corrected statement")
    publisher = UserFactory(username="chief", is_staff=True, groups=["Publishers"])
    publication = publication_in_state("published", publisher=publisher)
    workflow.publication_unpublish(
        publication=publication, user=publisher, reason="Superseded", replacement=replacement
    )
    response = client.get(f"/p/{publication.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == replacement.get_absolute_url("en")


def test_the_page_offers_its_short_link_to_copy_and_cite(client):
    publication = PublicationFactory(title_en="Remarks", reference="2270-18-11-2019")
    html = page(client, publication)
    short = f"http://testserver/p/{publication.pk}/"
    assert f'<input id="short-link" type="text" value="{short}" readonly' in html
    citation = unescape(re.sub(r"<[^>]+>", "", section(html, "citation")))
    date = formats.date_format(timezone.localtime(publication.published_at), "DATE_FORMAT")
    assert " ".join(citation.split()) == (
        f"Press office, “Remarks”, {date}, ref. 2270-18-11-2019, {short}"
    )


# Sharing


def test_share_links_are_plain_links_to_each_networks_own_page(client):
    publication = PublicationFactory(title_en="Remarks & questions")
    html = page(client, publication)
    canonical = f"http://testserver{publication.get_absolute_url('en')}"
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"([^>]*)>([^<]+)</a>', html)
    shared = {text: (unescape(href), label, rest) for href, label, rest, text in links}
    hosts = {
        "X": "x.com",
        "Facebook": "www.facebook.com",
        "Telegram": "t.me",
        "WhatsApp": "wa.me",
        "LinkedIn": "www.linkedin.com",
    }
    for network, host in hosts.items():
        href, label, rest = shared[network]
        assert urlsplit(href).scheme == "https" and urlsplit(href).netloc == host
        values = [v for vs in parse_qs(urlsplit(href).query).values() for v in vs]
        assert any(canonical in value for value in values)
        assert label == f"Share on {network} (opens in a new tab)"
        assert 'rel="noopener noreferrer external"' in rest and 'target="_blank"' in rest
    email, label, _rest = shared["Email"]
    assert email.startswith("mailto:?") and label == "Share by email"
    assert parse_qs(urlsplit(email).query) == {
        "subject": ["Remarks & questions"],
        "body": [canonical],
    }
    # Nothing of theirs runs here: the one script is the page's own.
    assert re.findall(r"<script src=\"([^\"]+)\"", html) == ["/static/js/publication.js"]


# Anchors, the table of contents and the questions


def test_headings_and_questions_get_numbered_ids_when_saved():
    publication = PublicationFactory(body_en=BRIEFING)
    publication.refresh_from_db()
    body = publication.body_en
    assert '<h2 id="h-1">Upcoming contacts</h2>' in body
    assert '<h3 id="h-2">In Geneva</h3>' in body
    assert '<h2 id="h-3">Russian-Mexican relations</h2>' in body
    assert '<p class="question" id="q-1"><strong>Question:</strong> When' in body
    assert '<p class="question" id="q-2">' in body
    assert services.publication_save(publication=publication).body_en == body  # stable


def test_only_the_sites_own_ids_and_classes_survive():
    publication = PublicationFactory(
        body_en='<h2 id="content">A</h2><p id="q-7">Not a question</p>'
        '<p class="question lead" id="materials-heading">Why?</p><h4 id="h-1">Small</h4>'
        '<p class="lead">Styled</p><h2 id="h-1"></h2><h3>B</h3>'
    )
    publication.refresh_from_db()
    assert publication.body_en == (
        '<h2 id="h-1">A</h2><p>Not a question</p>'
        '<p class="question" id="q-1">Why?</p><h4>Small</h4>'
        '<p>Styled</p><h2></h2><h3 id="h-2">B</h3>'
    )


def test_writes_that_bypass_save_anchor_too():
    publication = PublicationFactory()
    Publication.objects.filter(pk=publication.pk).update(body_de="<h2>Eins</h2>")
    publication.refresh_from_db()
    assert publication.body_de == '<h2 id="h-1">Eins</h2>'


def test_a_translation_has_the_originals_anchors():
    """Block by block, a translation follows its original: "#q-2" is the second question in
    every language, through the short link too."""
    publication = PublicationFactory(body_en=BRIEFING)
    publication.refresh_from_db()
    blocks = segments.split(publication.body_en)
    arabic = segments.join(segments.with_inner_html(blocks, [f"ع {b.inner_html}" for b in blocks]))
    ids = re.compile(r' id="([^"]+)"')
    assert (
        ids.findall(arabic)
        == ids.findall(publication.body_en)
        == [
            "h-1",
            "h-2",
            "h-3",
            "q-1",
            "q-2",
        ]
    )


def test_a_long_text_opens_with_its_table_of_contents(client):
    html = page(client, PublicationFactory(body_en=BRIEFING))
    contents = section(html, "contents")
    assert re.findall(r'<a href="#([^"]+)">([^<]+)</a>', contents) == [
        ("h-1", "Upcoming contacts"),
        ("h-2", "In Geneva"),
        ("h-3", "Russian-Mexican relations"),
    ]
    assert 'contents__item--h3"><a href="#h-2">' in contents
    assert html.index('class="contents"') < html.index('class="publication__body')


def test_two_headings_make_no_table_of_contents(client):
    body = "<h2>One</h2><p>a</p><h2>Two</h2><p>b</p>"
    assert 'class="contents"' not in page(client, PublicationFactory(body_en=body))


def test_an_interviews_questions_are_listed_with_their_anchors(client):
    html = page(client, PublicationFactory(body_en=BRIEFING))
    questions = section(html, "contents contents--questions")
    assert "2 questions" in questions
    # The asker's label in bold is left out of the list: the text is the question.
    assert re.findall(r'<a href="#([^"]+)">([^<]+)</a>', questions) == [
        ("q-1", "When will the talks resume?"),
        ("q-2", "Is the date set?"),
    ]


def test_the_outline_is_read_once_per_change_not_per_request(client):
    """The body is not parsed for every reader: what the page lists is kept until the
    next change of what readers see."""
    publication = PublicationFactory(body_en=BRIEFING)
    committed()
    page(client, publication)
    # Written behind the application's back: no change is announced, the outline stays.
    Publication.objects.filter(pk=publication.pk).update(body_en="<h2>Only one</h2>")
    html = page(client, publication)
    assert "Only one" in html and "Upcoming contacts" in section(html, "contents")
    services.publication_save(publication=Publication.objects.get(pk=publication.pk))
    committed()
    assert 'class="contents"' not in page(client, publication)


def test_a_previews_outline_is_its_own_and_never_kept_for_readers(client):
    publication = PublicationFactory(body_en=BRIEFING)
    publication.body_en = "<h2>Draft one</h2><h2>Draft two</h2><h2>Draft three</h2>"
    services.publication_save(publication=publication)
    version = Version.objects.get_for_object(publication).first()
    Publication.objects.filter(pk=publication.pk).update(body_en=BRIEFING)
    committed()
    staff = logged_in(UserFactory(username="boss", is_staff=True, is_superuser=True))
    preview = staff.get(f"/en/preview/{publication.pk}/revisions/{version.pk}/").text
    assert "Draft three" in section(preview, "contents")
    # Readers get the outline of what they see, never the preview's.
    contents = section(page(client, publication), "contents")
    assert "Upcoming contacts" in contents and "Draft" not in contents


# The archive of photos


def zip_of(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def download_bytes(material: Material) -> bytes:
    with default_storage.open(material.renditions["download"]["name"], "rb") as stored:
        return stored.read()


@pytest.fixture
def illustrated(db):
    """A public item with two photos (a JPEG and a PNG upload) and a document."""
    publication = PublicationFactory(title_en="Talks")
    first = photo(file={"gps": True}, alt_text_en="The ministers", credit="Ministry")
    second = services.material_save(
        material=Material(
            kind="photo",
            file=media_files.upload("flags.png", media_files.png_bytes(), "image/png"),
            alt_text_en="Flags",
        )
    )
    document = services.material_save(
        material=Material(
            kind="document",
            file=media_files.upload("statement.pdf", media_files.pdf_bytes(), "application/pdf"),
            title_en="Statement",
        )
    )
    attach(publication, first, document, second)
    return publication, first, second


def test_the_archive_holds_exactly_the_pages_photos_stored_as_they_are(client, illustrated):
    publication, first, second = illustrated
    html = page(client, publication)
    url = f"/files/publications/{publication.pk}/photos.zip"
    assert f'<a class="tool-link" href="{url}" download>' in html
    assert "Download all photos (ZIP, 2 photos," in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="photos-{publication.pk}.zip"'
    archive = zip_of(response)
    assert archive.testzip() is None
    assert archive.namelist() == ["01-photo.jpg", "02-flags.jpg"]
    for info, material in zip(archive.infolist(), (first, second), strict=True):
        assert info.compress_type == zipfile.ZIP_STORED  # JPEG is not squeezed again
        # The photo's own download (no GPS), byte for byte, never the uploaded original.
        assert archive.read(info) == download_bytes(material)
        assert gps_of(archive.read(info)) == {}  # the upload's position is not in it


def test_the_archive_is_built_once_for_its_photos(client, illustrated, monkeypatch):
    publication, *_photos = illustrated
    url = f"/files/publications/{publication.pk}/photos.zip"
    built = []
    write = archives.write
    monkeypatch.setattr(archives, "write", lambda *a, **k: built.append(1) or write(*a, **k))
    committed()
    first = client.get(url)
    first_bytes = b"".join(first.streaming_content)
    # Another change of what readers see: the same photos, the same stored archive.
    PublicationFactory()
    committed()
    again = client.get(url)
    assert b"".join(again.streaming_content) == first_bytes
    assert first["ETag"] == again["ETag"]
    assert len(built) == 1
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_changed_set_of_photos_is_a_new_archive(client, illustrated):
    publication, first, _second = illustrated
    url = f"/files/publications/{publication.pk}/photos.zip"
    committed()
    before = client.get(url)
    PublicationMaterial.objects.filter(publication=publication, material=first).delete()
    committed()
    after = client.get(url)
    assert zip_of(after).namelist() == ["01-flags.jpg"]
    assert before["ETag"] != after["ETag"]


def test_a_lost_archive_is_built_again(client, illustrated):
    publication, *_photos = illustrated
    url = f"/files/publications/{publication.pk}/photos.zip"
    committed()
    client.get(url)
    for path in stored_files_under("archives"):
        default_storage.delete(path)
    assert zip_of(client.get(url)).namelist() == ["01-photo.jpg", "02-flags.jpg"]


def stored_files_under(folder: str) -> list[str]:
    _dirs, names = default_storage.listdir(archives.FOLDER)
    return [f"{archives.FOLDER}/{name}" for name in names]


def test_an_archive_cut_short_is_never_served(client, illustrated):
    """A request that finds the archive's name taken by one still being written (or one a
    crash cut short) stores its own, whole one."""
    publication, first, second = illustrated
    items = archives.photos([first, second])
    name = archives.archive_name(items)
    default_storage.save(name, io.BytesIO(b"PK\x03\x04 half an archive"))
    response = client.get(f"/files/publications/{publication.pk}/photos.zip")
    assert zip_of(response).namelist() == ["01-photo.jpg", "02-flags.jpg"]


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled", "unpublished"])
def test_no_archive_of_what_readers_may_not_open_for_staff_neither(client, settings, state):
    publication = publication_in_state(state)
    attach(publication, photo(alt_text_en="A"), photo(alt_text_en="B"))
    url = f"/files/publications/{publication.pk}/photos.zip"
    staff = logged_in(UserFactory(username="boss", is_staff=True, is_superuser=True))
    assert staff.get(url).status_code == 404
    assert client.get(url).status_code == 404
    assert not [p for p in stored_files(settings) if "archives" in p.parts]


def test_a_withdrawn_items_photos_stay_downloadable_as_its_page_does(client):
    publication = publication_in_state("withdrawn")
    attach(publication, photo(alt_text_en="A"), photo(alt_text_en="B"))
    response = client.get(f"/files/publications/{publication.pk}/photos.zip")
    assert len(zip_of(response).namelist()) == 2


def test_a_preview_offers_no_archive(client, author):
    publication = publication_in_state("draft")
    attach(publication, photo(alt_text_en="A"), photo(alt_text_en="B"))
    link = previews.preview_link_create(publication=publication, user=author)
    shared = client.get(previews.preview_link_url(link, language="en")).text
    assert "photos.zip" not in shared and "Download all photos" not in shared


def test_one_photo_needs_no_archive(client):
    publication = PublicationFactory()
    attach(publication, photo(alt_text_en="A"))
    assert "Download all photos" not in page(client, publication)


# Stored bodies from before anchors


def test_the_migration_anchors_the_bodies_saved_before():
    publication = PublicationFactory(body_en=BRIEFING)
    plain = "<h2>Old heading</h2><p>Old text.</p>"
    # As stored before: past the sanitiser (a raw UPDATE), without ids.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE speeches_publication SET body_en = %s WHERE id = %s", [plain, publication.pk]
        )
    migration = importlib.import_module("speeches.migrations.0029_anchor_body_headings")
    migration.anchor(apps, None)
    publication.refresh_from_db()
    assert publication.body_en == '<h2 id="h-1">Old heading</h2><p>Old text.</p>'


def test_archive_names_follow_what_they_hold(illustrated):
    _publication, first, second = illustrated
    both = archives.photos([first, second])
    assert archives.archive_name(both) == archives.archive_name(archives.photos([first, second]))
    assert archives.archive_name(both) != archives.archive_name(archives.photos([second, first]))
    assert re.fullmatch(rf"{archives.FOLDER}/[0-9a-f]{{32}}\.zip", archives.archive_name(both))
