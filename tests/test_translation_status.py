"""Translators' rights, the status of each language version, and "release together"."""

import html
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from speeches.languages import translating
from speeches.models import LanguageVersion, Material, Publication, PublicationMaterial
from speeches.publishing import services, workflow
from tests import media_files
from tests.factories import PublicationFactory, UserFactory
from tests.helpers import change_form_data, logged_in

pytestmark = pytest.mark.django_db

BODY = "<p>First paragraph.</p><h2>A heading</h2><p>Second paragraph.</p>"


def status(publication, language):
    version = LanguageVersion.objects.filter(publication=publication, language=language).first()
    return version.status if version else "missing"


def translator(*languages, username="hans"):
    user = UserFactory(username=username, is_staff=True, groups=["Translators"])
    for code in languages:
        user.translator_languages.create(language=code)
    return user


def translate_url(publication, language):
    return f"/admin/speeches/publication/{publication.pk}/translate/{language}/"


def form_of(client, publication, language) -> dict:
    """What the side-by-side form posts as it is shown."""
    html = client.get(translate_url(publication, language)).text
    data = {}
    for name, value in re.findall(
        r'<input type="(?:text|hidden)" name="([^"]+)" value="([^"]*)"', html
    ):
        data[name] = value
    for name in re.findall(r'<input type="text" name="([^"]+)"(?! value)', html):
        data.setdefault(name, "")
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = value
    data.pop("csrfmiddlewaretoken", None)
    return data


# Status


def test_a_new_translation_is_in_progress_until_someone_marks_it_ready():
    publication = PublicationFactory(languages=("en",), body_en=BODY)
    publication.title_de, publication.body_de = "Titel", "<p>Text</p>"
    services.publication_save(publication=publication)
    assert status(publication, "de") == "in_progress"
    assert publication.public_languages() == ["en"]
    translating.translation_mark_ready(publication=publication, language="de", user=None)
    assert status(publication, "de") == "ready"
    assert publication.public_languages() == ["en", "de"]


def test_changing_the_original_text_outdates_ready_translations_and_only_then():
    publication = PublicationFactory(languages=("en", "de", "fr"), body_en=BODY)
    # Changes elsewhere leave them ready: another language, the date, the taxonomy.
    publication.title_de = "Ein anderer Titel"
    publication.place_fr = "Paris"
    services.publication_save(publication=publication)
    assert (status(publication, "de"), status(publication, "fr")) == ("ready", "ready")
    publication.body_en = BODY.replace("Second", "Second, revised,")
    services.publication_save(publication=publication)
    assert (status(publication, "de"), status(publication, "fr")) == ("outdated", "outdated")
    assert status(publication, "en") == "ready"
    # Outdated versions stay public until an editor hides them.
    assert publication.public_languages() == ["en", "de", "fr"]
    # The original put back as it was: the translations match it again.
    publication.body_en = BODY
    services.publication_save(publication=publication)
    assert status(publication, "de") == "ready"


def test_an_editor_may_hide_an_outdated_version_from_readers(editor):
    publication = PublicationFactory(languages=("en", "de"), body_en=BODY)
    publication.body_en = "<p>New text.</p>"
    services.publication_save(publication=publication)
    chief = UserFactory(username="chief", is_staff=True, groups=["Publishers"])
    translating.translation_set_hidden(
        publication=publication, language="de", user=chief, hidden=True
    )
    assert publication.public_languages() == ["en"]
    assert Client().get(f"/de/publications/{publication.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        translating.translation_set_hidden(
            publication=publication, language="de", user=translator("de"), hidden=False
        )


def test_a_version_without_title_and_text_cannot_be_ready():
    publication = PublicationFactory(languages=("en",))
    publication.title_de = "Nur ein Titel"
    services.publication_save(publication=publication)
    with pytest.raises(ValidationError):
        translating.translation_mark_ready(publication=publication, language="de", user=None)
    assert status(publication, "de") == "in_progress"


# Release together


@translation.override("en")
def test_release_together_blocks_publishing_until_the_chosen_languages_are_ready():
    author = UserFactory(username="author", groups=["Editors"])
    chief = UserFactory(username="chief", groups=["Publishers"])
    publication = PublicationFactory(
        languages=("en",), status=Publication.Status.DRAFT, release_languages=["de", "fr"]
    )
    publication.title_de, publication.body_de = "Titel", "<p>Text</p>"
    services.publication_save(publication=publication)
    workflow.publication_submit(publication=publication, user=author)
    with pytest.raises(ValidationError, match="German, French"):
        workflow.publication_publish(publication=publication, user=chief)
    with pytest.raises(ValidationError, match="French"):
        workflow.publication_force_publish(publication=publication, user=chief, reason="Now")
    translating.translation_mark_ready(publication=publication, language="de", user=None)
    publication.title_fr, publication.body_fr = "Titre", "<p>Texte</p>"
    translating.translation_save(
        publication=publication,
        language="fr",
        user=None,
        values={"title": "Titre", "body": "<p>Texte</p>"},
        ready=True,
    )
    workflow.publication_publish(publication=publication, user=chief)
    assert publication.public_languages() == ["en", "de", "fr"]


# Who may do what


def test_a_translator_edits_their_languages_only():
    publication = PublicationFactory(languages=("en", "de", "fr"))
    hans = translator("de")
    assert translating.can_translate(user=hans, publication=publication, language="de")
    for language in ("fr", "en"):
        assert not translating.can_translate(user=hans, publication=publication, language=language)
    client = logged_in(hans)
    assert client.get(translate_url(publication, "de")).status_code == 200
    assert client.get(translate_url(publication, "fr")).status_code == 403
    assert client.get(translate_url(publication, "en")).status_code == 403  # the original


def test_a_translator_cannot_use_the_change_form_or_the_media_library():
    publication = PublicationFactory(languages=("en", "de"))
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="A")
    )
    client = logged_in(translator("de"))
    before = change_form_data(publication)
    response = client.post(
        f"/admin/speeches/publication/{publication.pk}/change/",
        {**before, "title_de": "Gehackt", "status": "draft"},
    )
    assert response.status_code == 403
    assert client.post(f"/admin/speeches/material/{photo.pk}/change/", {}).status_code == 403
    publication.refresh_from_db()
    assert publication.title_de != "Gehackt"


@pytest.mark.parametrize(
    "extra",
    [
        {"title_en": "Changed English"},
        {"status": "draft"},
        {"published_at_0": "2030-01-01"},
        {"title_fr": "Titre"},
        {"material_1_file": "x"},
    ],
    ids=["original", "status", "date", "other language", "file"],
)
def test_a_crafted_post_touching_anything_else_is_refused_and_changes_nothing(extra):
    publication = PublicationFactory(languages=("en", "de"), body_en=BODY)
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(title="Neuer Titel", _ready="1", **extra)
    before = Publication.objects.values().get(pk=publication.pk)
    response = client.post(translate_url(publication, "de"), data)
    assert response.status_code == 400
    assert "Nothing was saved" in response.text
    assert 'value="Neuer Titel"' in response.text  # the translator's input is kept
    assert Publication.objects.values().get(pk=publication.pk) == before


# The side-by-side editor


def test_side_by_side_saves_each_paragraph_in_the_originals_structure():
    publication = PublicationFactory(languages=("en",), body_en=BODY, place_en="Moscow")
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), title_en="A", alt_text_en="B")
    )
    PublicationMaterial.objects.create(publication=publication, material=photo)
    hans = translator("de")
    client = logged_in(hans)
    page = client.get(translate_url(publication, "de")).text
    assert "First paragraph." in page and "Second paragraph." in page and "A heading" in page
    data = form_of(client, publication, "de")
    data.update(
        title="Erklärung",
        place="Moskau",
        block_0="Erster Absatz.",
        block_1="Eine Überschrift",
        block_2="Zweiter Absatz.",
        **{f"material_{photo.pk}_title": "Bild", f"material_{photo.pk}_alt_text": "Beschreibung"},
        _draft="1",
    )
    response = client.post(translate_url(publication, "de"), data)
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.body_de == (
        '<p>Erster Absatz.</p><h2 id="h-1">Eine Überschrift</h2><p>Zweiter Absatz.</p>'
    )
    assert publication.place_de == "Moskau"
    assert status(publication, "de") == "in_progress"
    photo.refresh_from_db()
    assert (photo.title_de, photo.alt_text_de) == ("Bild", "Beschreibung")
    # Marking it ready: readers get it, and the revision says who and what.
    data = form_of(client, publication, "de")
    data["_ready"] = "1"
    assert client.post(translate_url(publication, "de"), data).status_code == 302
    assert status(publication, "de") == "ready"
    from reversion.models import Version

    last = Version.objects.get_for_object(publication).first()
    assert last.revision.user == hans
    assert "de" in last.revision.get_comment()


def test_the_target_is_written_in_its_own_direction():
    publication = PublicationFactory(languages=("en",), body_en=BODY)
    superuser = UserFactory(username="chief", is_staff=True, is_superuser=True)
    page = logged_in(superuser).get(translate_url(publication, "ar")).text
    assert re.search(r'<textarea name="block_0"[^>]*lang="ar"[^>]*dir="rtl"', page) or re.search(
        r'<textarea name="block_0"[^>]*dir="rtl"[^>]*lang="ar"', page
    )


def test_an_outdated_translator_sees_the_changed_paragraph_and_marking_ready_clears_it():
    publication = PublicationFactory(languages=("en", "de"), body_en=BODY)
    publication.body_en = BODY.replace("Second paragraph.", "Second paragraph, now longer.")
    services.publication_save(publication=publication)
    client = logged_in(translator("de"))
    page = client.get(translate_url(publication, "de")).text
    changes = page.split('id="changes-heading"')[1].split("</section>")[0]
    assert "<del>" in changes and "Second paragraph.</del>" in changes
    assert "Second paragraph, now longer.</ins>" in changes
    assert "First paragraph.</del>" not in changes  # unchanged paragraphs are not news
    data = form_of(client, publication, "de")
    data["_ready"] = "1"
    assert client.post(translate_url(publication, "de"), data).status_code == 302
    assert status(publication, "de") == "ready"
    assert 'id="changes-heading"' not in client.get(translate_url(publication, "de")).text


def test_a_translation_saved_over_a_newer_version_is_refused_with_the_input_kept():
    publication = PublicationFactory(languages=("en", "de"))
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    publication.title_en = "Someone else's edit"
    services.publication_save(publication=publication)
    data.update(title="Mein Titel", _draft="1")
    response = client.post(translate_url(publication, "de"), data)
    assert response.status_code == 200
    assert "after you opened it" in response.text
    assert 'value="Mein Titel"' in response.text
    publication.refresh_from_db()
    assert publication.title_de != "Mein Titel"


def test_saving_says_which_translation_was_saved():
    publication = PublicationFactory(languages=("en",), body_en=BODY)
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(title="Titel", block_0="Erster Absatz.", _draft="1")
    response = client.post(translate_url(publication, "de"), data, follow=True)
    assert "The German translation is saved as in progress." in response.text


# The side-by-side editor: links and emphasis as placeholders

LINKED = (
    '<p>Read <a href="https://example.org/statement">the statement</a> of <strong>today</strong>.'
    "</p><p>Thank you.</p>"
)


def row_of(html: str, name: str) -> str:
    """The table row of the editor that holds field ``name``."""
    return next(row for row in html.split("<tr>") if f'name="{name}"' in row)


def test_side_by_side_offers_a_paragraphs_markup_as_placeholders():
    publication = PublicationFactory(languages=("en",), body_en=LINKED)
    page = logged_in(translator("de")).get(translate_url(publication, "de")).text

    row = row_of(page, "block_0")
    assert (
        'Read <span class="placeholder-chip">[1]</span>the statement'
        '<span class="placeholder-chip">[/1]</span> of' in row
    )
    assert "<code>[1]…[/1]</code> the link around “the statement” (placeholder 1), to " in row
    assert "https://example.org/statement" in row
    assert "<code>[2]…[/2]</code> the bold type around “today” (placeholder 2)" in row
    assert "Text (HTML)" not in page
    assert "&lt;a href" not in page  # no HTML to type or to see


def test_side_by_side_puts_the_originals_link_around_the_translated_words():
    publication = PublicationFactory(languages=("en",), body_en=LINKED)
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(
        title="Erklärung",
        block_0="Lesen Sie die [2]heutige[/2] [1]Erklärung[/1].",
        block_1="Danke.",
        _ready="1",
    )

    response = client.post(translate_url(publication, "de"), data)

    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.body_de == (
        '<p>Lesen Sie die <strong>heutige</strong> <a href="https://example.org/statement">'
        "Erklärung</a>.</p><p>Danke.</p>"
    )
    page = Client().get(publication.get_absolute_url("de")).text
    assert '<a href="https://example.org/statement">Erklärung</a>' in page


def test_side_by_side_shows_a_saved_translation_with_its_placeholders():
    publication = PublicationFactory(
        languages=("en", "de"),
        body_en=LINKED,
        body_de=(
            '<p>Lesen Sie <a href="https://example.org/statement">die Erklärung</a> von '
            "<strong>heute</strong>.</p><p>Danke [1] sehr.</p>"
        ),
    )

    data = form_of(logged_in(translator("de")), publication, "de")

    assert data["block_0"] == "Lesen Sie [1]die Erklärung[/1] von [2]heute[/2]."
    assert data["block_1"] == "Danke [[1] sehr."  # text that reads like a token, escaped


def test_side_by_side_keeps_text_that_looks_like_a_token_or_html_as_text():
    publication = PublicationFactory(languages=("en",), body_en="<p>Footnote one.</p>")
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(
        title="Titel", block_0='Fußnote [[1] <a href="https://evil.example/">x</a>', _draft="1"
    )

    assert client.post(translate_url(publication, "de"), data).status_code == 302

    publication.refresh_from_db()
    assert publication.body_de == (
        '<p>Fußnote [1] &lt;a href="https://evil.example/"&gt;x&lt;/a&gt;</p>'
    )


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            "Lesen Sie [1]die Erklärung von [2]heute[/2].",
            "The link around “the statement” (placeholder 1) is opened but never closed: add [/1].",
        ),
        (
            "Lesen Sie die Erklärung von [2]heute[/2].",
            "The link around “the statement” (placeholder 1) is missing.",
        ),
        (
            "Lesen Sie [1]die[/1] [1]Erklärung[/1] von [2]heute[/2].",
            "The link around “the statement” (placeholder 1) appears twice.",
        ),
        (
            "Lesen Sie [1]die Erklärung von [2]heute[/2][/1].",
            "The bold type around “today” (placeholder 2) must not be inside the link around "
            "“the statement” (placeholder 1).",
        ),
        (
            "Lesen Sie [1]die Erklärung von [2]heute[/1][/2].",
            "The bold type around “today” (placeholder 2) and the link around “the statement” "
            "(placeholder 1) overlap: close [/2] before [/1].",
        ),
        (
            "Lesen Sie [1]die Erklärung[/1] von [2]heute[/2][3/].",
            "There is no placeholder 3 in the original.",
        ),
    ],
    ids=["unclosed", "missing", "twice", "nested wrongly", "overlapping", "unknown"],
)
def test_side_by_side_refuses_a_paragraph_whose_placeholders_do_not_match(tokens, expected):
    """The regression, in the editor: nothing saved, the input kept, the error at its block."""
    publication = PublicationFactory(languages=("en", "de"), body_en=LINKED)
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(title="Neuer Titel", block_0=tokens, block_1="Danke.", _ready="1")
    before = Publication.objects.values().get(pk=publication.pk)
    public_page = Client().get(publication.get_absolute_url("de")).content

    response = client.post(translate_url(publication, "de"), data)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["block_0"]
    row = row_of(response.text, "block_0")
    assert expected in html.unescape(row)
    assert f">\n{tokens}</textarea>" in html.unescape(row)  # the input kept
    assert Publication.objects.values().get(pk=publication.pk) == before
    assert Client().get(publication.get_absolute_url("de")).content == public_page


def test_side_by_side_offers_the_originals_blocks_when_the_saved_translation_differs():
    """No raw HTML: one field per block of the original, prefilled where the kinds line up,
    and the saved translation shown whole so nothing is lost."""
    publication = PublicationFactory(
        languages=("en", "de"),
        body_en=BODY,  # p, h2, p
        body_de="<p>Erster Absatz.</p><p>Zweiter Absatz, ohne Überschrift davor.</p>",
    )
    client = logged_in(translator("de"))

    page = client.get(translate_url(publication, "de")).text
    data = form_of(client, publication, "de")

    assert "body" not in data
    assert (data["block_0"], data["block_1"], data["block_2"]) == (
        "Erster Absatz.",
        "",
        "Zweiter Absatz, ohne Überschrift davor.",
    )
    assert "does not follow the original's paragraphs" in html.unescape(page)
    saved = page.split('class="saved-translation"')[1].split("</ol>")[0]
    assert "Zweiter Absatz, ohne Überschrift davor." in saved
    assert "Prefilled from paragraph 2 of the saved translation" in row_of(page, "block_2")
    data.update(block_1="Eine Überschrift", _draft="1")
    assert client.post(translate_url(publication, "de"), data).status_code == 302
    # Live: the work in progress is kept aside (the published German text stays).
    working, _materials, pending = translating.working_text(publication=publication, language="de")
    assert pending
    assert working["body"] == (
        '<p>Erster Absatz.</p><h2 id="h-1">Eine Überschrift</h2>'
        "<p>Zweiter Absatz, ohne Überschrift davor.</p>"
    )


def test_side_by_side_refuses_a_whole_body_posted_as_html():
    publication = PublicationFactory(
        languages=("en", "de"), body_en=BODY, body_de="<p>Alles in einem.</p>"
    )
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(body='<p><a href="https://evil.example/">Alles</p>', _draft="1")
    before = Publication.objects.values().get(pk=publication.pk)

    response = client.post(translate_url(publication, "de"), data)

    assert response.status_code == 400
    assert Publication.objects.values().get(pk=publication.pk) == before


def test_side_by_side_leaves_the_text_alone_when_the_original_has_none():
    publication = PublicationFactory(languages=("en", "de"), status=Publication.Status.DRAFT)
    publication.body_en = ""
    services.publication_save(publication=publication)
    client = logged_in(translator("de"))
    data = form_of(client, publication, "de")
    data.update(title="Neuer Titel", _draft="1")

    assert client.post(translate_url(publication, "de"), data).status_code == 302

    publication.refresh_from_db()
    assert publication.title_de == "Neuer Titel"
    assert publication.body_de
