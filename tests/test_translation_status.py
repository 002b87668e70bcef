"""Translators' rights, the status of each language version, and "release together"."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from speeches import services, translations, workflow
from speeches.models import LanguageVersion, Material, Publication, PublicationMaterial
from tests import media_files
from tests.factories import PublicationFactory, UserFactory
from tests.test_admin import change_form_data

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


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


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
    translations.translation_mark_ready(publication=publication, language="de", user=None)
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
    translations.translation_set_hidden(
        publication=publication, language="de", user=chief, hidden=True
    )
    assert publication.public_languages() == ["en"]
    assert Client().get(f"/de/publications/{publication.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        translations.translation_set_hidden(
            publication=publication, language="de", user=translator("de"), hidden=False
        )


def test_a_version_without_title_and_text_cannot_be_ready():
    publication = PublicationFactory(languages=("en",))
    publication.title_de = "Nur ein Titel"
    services.publication_save(publication=publication)
    with pytest.raises(ValidationError):
        translations.translation_mark_ready(publication=publication, language="de", user=None)
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
    translations.translation_mark_ready(publication=publication, language="de", user=None)
    publication.title_fr, publication.body_fr = "Titre", "<p>Texte</p>"
    translations.translation_save(
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
    assert translations.can_translate(user=hans, publication=publication, language="de")
    for language in ("fr", "en"):
        assert not translations.can_translate(user=hans, publication=publication, language=language)
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
        block_2="Zweiter <em>Absatz</em>.",
        **{f"material_{photo.pk}_title": "Bild", f"material_{photo.pk}_alt_text": "Beschreibung"},
        _draft="1",
    )
    response = client.post(translate_url(publication, "de"), data)
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.body_de == (
        "<p>Erster Absatz.</p><h2>Eine Überschrift</h2><p>Zweiter <em>Absatz</em>.</p>"
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
