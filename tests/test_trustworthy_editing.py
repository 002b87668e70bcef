"""Staff changes are authorised, reviewable and reversible, and never break a live text.

Each test is one of the ways an insider or an ordinary action used to change or lose
live text around the rules; each one failed before the editing services existed.
"""

import re

import pytest
from django.test import Client
from reversion.models import Version

from speeches.editorial import editing
from speeches.languages import translating
from speeches.models import (
    ChangeNote,
    LanguageVersion,
    Material,
    Publication,
    PublicationMaterial,
    TranslatorLanguage,
    WorkflowEvent,
)
from speeches.publishing import workflow
from tests import media_files
from tests.factories import PublicationFactory, UserFactory, publication_in_state
from tests.helpers import change_form_data, change_url, logged_in, material_form, upload_material

pytestmark = pytest.mark.django_db


def snapshot(publication: Publication) -> dict:
    """Everything about an item that a refused request must leave as it was."""
    publication = Publication.objects.get(pk=publication.pk)
    # Raw columns: a translated field's attribute follows the active language.
    row = Publication.objects.values().get(pk=publication.pk)
    del row["updated_at"]
    return {
        "row": row,
        "versions": list(
            LanguageVersion.objects.filter(publication=publication).values(
                "language", "status", "hidden", "pending"
            )
        ),
        "events": publication.events.count(),
        "revisions": Version.objects.get_for_object(publication).count(),
        "notes": list(ChangeNote.objects.filter(publication=publication).values()),
        "attachments": list(publication.attachments.values("material_id", "position")),
    }


@pytest.fixture
def translator_de_fr():
    user = UserFactory(username="hans", is_staff=True, groups=["Translators"])
    for code in ("de", "fr"):
        TranslatorLanguage.objects.create(user=user, language=code)
    return user


def live(**fields) -> Publication:
    fields.setdefault("languages", ("en", "de", "fr"))
    author = UserFactory(username="writer", is_staff=True, groups=["Editors"])
    desk = UserFactory(username="desk", is_staff=True, groups=["Publishers"])
    return publication_in_state("published", author=author, publisher=desk, **fields)


# 1. The revision view rewrote a live item for an author


def test_an_author_cannot_restore_a_revision_of_a_live_item(author):
    publication = live(title_en="The live title")
    version = Version.objects.get_for_object(publication).order_by("pk").first()
    url = f"/admin/speeches/publication/{publication.pk}/history/{version.pk}/"
    before = snapshot(publication)
    client = logged_in(author)

    page = client.get(url)
    assert page.status_code == 200
    assert 'type="submit"' not in page.text.split('id="content-main"')[1]
    posted = client.post(
        url,
        {
            "opened_version": publication.edit_version,
            "groups": ["en", "details"],
            "title_en": "The author's new title",
            "status": "draft",
        },
    )
    assert posted.status_code == 403
    assert snapshot(publication) == before
    # django-reversion's recover view took any revision id and wrote the row back as a
    # draft with the author's title.
    recover = f"/admin/speeches/publication/recover/{version.pk}/"
    assert client.get(recover).status_code == 404
    crafted = change_form_data(publication, title_en="The author's new title", status="draft")
    assert client.post(recover, crafted).status_code == 404
    assert snapshot(publication) == before
    assert client.get(publication.get_absolute_url("en")).status_code == 200


def test_revision_view_does_not_write_on_a_visit(publisher):
    publication = live(title_en="The live title")
    services_edit(publication, publisher, title_en="A newer title")
    oldest = Version.objects.get_for_object(publication).order_by("pk").first()
    before = snapshot(publication)
    page = logged_in(publisher).get(
        f"/admin/speeches/publication/{publication.pk}/history/{oldest.pk}/"
    )
    assert page.status_code == 200
    assert "The live title" in page.text and "A newer title" in page.text
    assert snapshot(publication) == before


# 2. Recovering a row as a draft, then deleting it with its audit log


@pytest.mark.parametrize("url", ["recover/", "recover/{version}/"])
def test_recovering_deleted_rows_is_not_offered(publisher, url):
    publication = live()
    version = Version.objects.get_for_object(publication).first()
    before = snapshot(publication)
    client = logged_in(publisher)
    address = "/admin/speeches/publication/" + url.format(version=version.pk)
    assert client.get(address).status_code == 404
    assert client.post(address, change_form_data(publication, status="draft")).status_code == 404
    assert snapshot(publication) == before


def test_a_once_published_item_cannot_be_deleted_even_as_a_draft_again(publisher):
    scheduled = publication_in_state(
        "scheduled",
        author=UserFactory(username="writer", is_staff=True, groups=["Editors"]),
        publisher=UserFactory(username="desk", is_staff=True, groups=["Publishers"]),
    )
    workflow.publication_unschedule(publication=scheduled, user=publisher, reason="Not yet")
    assert scheduled.status == Publication.Status.DRAFT
    events = scheduled.events.count()
    client = logged_in(publisher)
    url = f"/admin/speeches/publication/{scheduled.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    bulk = client.post(
        "/admin/speeches/publication/",
        {"action": "delete_selected", "_selected_action": [scheduled.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302, 403)
    assert Publication.objects.filter(pk=scheduled.pk).exists()
    assert scheduled.events.count() == events


def test_a_draft_that_never_went_out_can_still_be_deleted(publisher):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    response = logged_in(publisher).post(
        f"/admin/speeches/publication/{draft.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Publication.objects.filter(pk=draft.pk).exists()


# 3. The media library changed a live item's photo around the workflow


def attached_photo(publication, client) -> Material:
    photo = upload_material(
        client, "photo", media_files.photo(), title_en="Ministers", alt_text_en="Two ministers"
    )
    PublicationMaterial.objects.create(publication=publication, material=photo)
    return photo


def test_an_author_cannot_change_the_material_of_a_live_item(author, publisher):
    publication = live()
    photo = attached_photo(publication, logged_in(publisher))
    before = snapshot(publication)
    stored = Material.objects.values().get(pk=photo.pk)
    url = f"/admin/speeches/material/{photo.pk}/change/"
    client = logged_in(author)
    data = material_form("photo", title_en="Forged caption", alt_text_en="Forged", credit="Forged")
    data["file"] = media_files.upload("other.png", media_files.png_bytes())
    response = client.post(url, data)
    assert response.status_code == 403
    assert Material.objects.values().get(pk=photo.pk) == stored
    assert snapshot(publication) == before
    with pytest.raises(editing.PermissionDenied):
        photo.title_en = "Forged caption"
        editing.material_update(material=photo, user=author)


def test_a_publisher_changes_a_live_items_photo_and_the_audit_log_says_so(publisher):
    publication = live()
    client = logged_in(publisher)
    photo = attached_photo(publication, client)
    data = material_form("photo", title_en="The ministers at the table", alt_text_en="Two")
    response = client.post(f"/admin/speeches/material/{photo.pk}/change/", data)
    assert response.status_code == 302
    event = publication.events.get(action=WorkflowEvent.Action.MATERIAL)
    assert event.user == publisher
    assert "title [en]" in event.changes and "alt_text [en]" in event.changes
    page = Client().get(publication.get_absolute_url("en")).text
    assert "The ministers at the table" in page


# 4. A translator rewrote change notes in languages not theirs


def test_a_translator_writes_only_their_languages_of_a_change_note(translator_de_fr, publisher):
    publication = live()
    note = workflow.publication_record_major_change(
        publication=publication, user=publisher, note="Corrected the date."
    )
    note.text_ru = "Исправлена дата."
    note.save()
    client = logged_in(translator_de_fr)
    url = f"/admin/speeches/changenote/{note.pk}/change/"
    response = client.post(
        url,
        {
            "text_en": "Forged English note",
            "text_ru": "Подделка",
            "text_de": "Das Datum wurde berichtigt.",
            "text_fr": "",
            "text_es": "",
            "text_ar": "",
        },
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text_en == "Corrected the date."
    assert note.text_ru == "Исправлена дата."
    assert note.text_de == "Das Datum wurde berichtigt."
    event = publication.events.get(action=WorkflowEvent.Action.CHANGE_NOTE)
    assert (event.user, event.changes) == (translator_de_fr, ["change note [de]"])
    with pytest.raises(editing.PermissionDenied):
        editing.change_note_save(note=note, user=translator_de_fr, values={"en": "Forged"})
    note.refresh_from_db()
    assert note.text_en == "Corrected the date."


# 5. Review means review


def test_a_publisher_who_changed_the_text_after_submission_cannot_publish_it(
    author, publisher, second_publisher
):
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="As written")
    workflow.publication_submit(publication=publication, user=author)
    client = logged_in(publisher)
    response = client.post(
        change_url(publication), change_form_data(publication, title_en="As the desk rewrote it")
    )
    assert response.status_code == 302

    with pytest.raises(workflow.ValidationError) as refused:
        workflow.publication_publish(publication=publication, user=publisher)
    assert refused.value.code == "two_person_rule"
    publish_url = f"/admin/speeches/publication/{publication.pk}/workflow/publish/"
    page = client.post(publish_url)
    assert page.status_code == 200
    assert Publication.objects.get(pk=publication.pk).status == Publication.Status.IN_REVIEW

    # A second person sees what changed since the submission, and publishes.
    review = logged_in(second_publisher).get(publish_url)
    assert "Changes since it was submitted for review" in review.text
    assert "As the desk rewrote it" in review.text.replace("&nbsp;", " ")
    assert logged_in(second_publisher).post(publish_url).status_code == 302
    assert Publication.objects.get(pk=publication.pk).status == Publication.Status.PUBLISHED


def test_force_publish_with_a_reason_still_works_for_the_editing_publisher(author, publisher):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    workflow.publication_submit(publication=publication, user=author)
    logged_in(publisher).post(
        change_url(publication), change_form_data(publication, title_en="Rewritten")
    )
    publication.refresh_from_db()
    workflow.publication_force_publish(
        publication=publication, user=publisher, reason="The minister speaks now"
    )
    assert publication.status == Publication.Status.PUBLISHED


# 6. A save without the version it was opened at


def test_a_change_form_post_without_its_version_is_refused(author):
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="Newer save")
    before = snapshot(publication)
    data = change_form_data(publication, title_en="Blind overwrite")
    del data["opened_version"]
    response = logged_in(author).post(change_url(publication), data)
    assert response.status_code == 400
    assert "which version" in response.text
    assert snapshot(publication) == before
    with pytest.raises(editing.ValidationError):
        publication.title_en = "Blind overwrite"
        editing.publication_edit(
            publication=publication, user=author, expected_version=None, data=editing.EditInput()
        )


# 8. Work in progress on a published translation


def test_saving_a_published_translation_as_in_progress_keeps_the_published_text_live(
    translator_de_fr,
):
    publication = live(title_de="Veröffentlichter Titel")
    url = publication.get_absolute_url("de")
    translating.translation_save(
        publication=publication,
        language="de",
        user=translator_de_fr,
        values={"title": "Halbfertiger Titel"},
        ready=False,
        expected_version=publication.edit_version,
    )
    page = Client().get(url, follow=True)
    assert page.status_code == 200
    assert "Veröffentlichter Titel" in page.text and "Halbfertiger" not in page.text
    version = LanguageVersion.objects.get(publication=publication, language="de")
    assert version.status == LanguageVersion.Status.READY
    assert version.pending["title"] == "Halbfertiger Titel"
    fields, _materials, pending = translating.working_text(publication=publication, language="de")
    assert pending and fields["title"] == "Halbfertiger Titel"

    # Marked ready, the work in progress takes the published text's place.
    publication.refresh_from_db()
    translating.translation_save(
        publication=publication,
        language="de",
        user=translator_de_fr,
        values={"title": "Fertiger Titel"},
        ready=True,
        expected_version=publication.edit_version,
    )
    version.refresh_from_db()
    assert version.pending == {} and version.status == LanguageVersion.Status.READY
    assert "Fertiger Titel" in Client().get(url, follow=True).text
    actions = list(
        publication.events.filter(action=WorkflowEvent.Action.TRANSLATE).values_list(
            "user__username", flat=True
        )
    )
    assert actions == ["hans", "hans"]


# 9. Restore that a person controls


def services_edit(publication, user, **fields):
    publication = Publication.objects.get(pk=publication.pk)
    for name, value in fields.items():
        setattr(publication, name, value)
    return editing.publication_edit(
        publication=publication,
        user=user,
        expected_version=publication.edit_version,
        data=editing.EditInput(),
    )


def test_restore_shows_each_language_and_restores_only_the_chosen_one(publisher):
    publication = live(languages=("en", "de"), title_en="First English", title_de="Erster")
    first = Version.objects.get_for_object(publication).order_by("pk").last()
    services_edit(publication, publisher, title_en="Second English", title_de="Zweiter")
    # French did not exist in that revision: it exists now and must survive any restore.
    services_edit(publication, publisher, title_fr="Titre français", body_fr="<p>Le texte.</p>")
    url = f"/admin/speeches/publication/{publication.pk}/history/{first.pk}/"
    client = logged_in(publisher)
    page = client.get(url)
    assert page.status_code == 200
    assert "Second English" in page.text and "First English" in page.text
    assert "Zweiter" in page.text and "Erster" in page.text
    assert "did not exist in that revision" in page.text
    opened = re.search(r'name="opened_version" value="(\d+)"', page.text).group(1)

    response = client.post(url, {"opened_version": opened, "groups": ["de"]})
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title_de == "Erster"
    assert publication.title_en == "Second English"
    assert publication.title_fr == "Titre français"
    assert LanguageVersion.objects.filter(publication=publication, language="fr").exists()
    event = publication.events.get(action=WorkflowEvent.Action.RESTORE)
    assert event.changes == ["title [de]"] and event.user == publisher

    # A crafted POST cannot delete French through the restore.
    opened = publication.edit_version
    refused = client.post(url, {"opened_version": opened, "groups": ["fr"]})
    assert refused.status_code == 200
    publication.refresh_from_db()
    assert publication.title_fr == "Titre français"


def test_a_translator_restores_only_their_language(translator_de_fr, publisher):
    publication = live(languages=("en", "de"), title_en="First English", title_de="Erster")
    first = Version.objects.get_for_object(publication).order_by("pk").last()
    services_edit(publication, publisher, title_en="Second English", title_de="Zweiter")
    publication.refresh_from_db()
    with pytest.raises(editing.PermissionDenied):
        editing.revision_restore(
            publication=publication,
            user=translator_de_fr,
            version=first,
            groups=["en", "de"],
            expected_version=publication.edit_version,
        )
    changes = editing.revision_restore(
        publication=publication,
        user=translator_de_fr,
        version=first,
        groups=["de"],
        expected_version=publication.edit_version,
    )
    assert changes == ["title [de]"]
    assert (publication.title_en, publication.title_de) == ("Second English", "Erster")


# 10. Conflicts that resolve


def test_after_a_conflict_the_form_carries_the_new_version_and_saving_again_succeeds(author):
    publication = PublicationFactory(
        status=Publication.Status.DRAFT, title_en="Original", body_en="<p>Original text.</p>"
    )
    anna = logged_in(author)
    boris = logged_in(UserFactory(username="boris", is_staff=True, groups=["Editors"]))
    opened = publication.edit_version
    assert (
        boris.post(
            change_url(publication),
            change_form_data(publication, title_en="Boris <b>title</b>", opened_version=opened),
        ).status_code
        == 302
    )
    response = anna.post(
        change_url(publication),
        change_form_data(publication, title_en="Anna's title", opened_version=opened),
    )
    assert response.status_code == 200
    html = response.text
    # Their text beside her field, as text (escaped), and her input kept.
    assert "Saved by boris meanwhile: Boris &lt;b&gt;title&lt;/b&gt;" in html
    assert 'value="Anna&#x27;s title"' in html
    new = re.search(r'name="opened_version" value="(\d+)"', html).group(1)
    assert int(new) == opened + 1

    again = anna.post(
        change_url(publication),
        change_form_data(publication, title_en="Anna's merged title", opened_version=new),
    )
    assert again.status_code == 302
    assert Publication.objects.get(pk=publication.pk).title_en == "Anna's merged title"


def test_the_side_by_side_editor_keeps_work_in_progress_aside_and_reopens_on_it(
    translator_de_fr,
):
    publication = live(
        title_de="Veröffentlichter Titel",
        body_en="<p>The text.</p>",
        body_de="<p>Der Text.</p>",
    )
    url = f"/admin/speeches/publication/{publication.pk}/translate/de/"
    client = logged_in(translator_de_fr)
    form = client.get(url).text
    assert "Readers see this translation now" in form
    data = {
        "opened_version": publication.edit_version,
        "title": "Halbfertiger Titel",
        "lead": "",
        "place": "",
        "block_0": "Der halbe Text.",
        "_draft": "1",
    }
    assert client.post(url, data).status_code == 302
    page = Client().get(publication.get_absolute_url("de"), follow=True).text
    assert "Veröffentlichter Titel" in page and "Der Text." in page
    assert "Halbfertiger" not in page

    reopened = client.get(url).text
    assert "You are working on the work in progress" in reopened
    assert 'value="Halbfertiger Titel"' in reopened and "Der halbe Text." in reopened
    publication.refresh_from_db()
    ready = {**data, "opened_version": publication.edit_version, "block_0": "Der ganze Text."}
    del ready["_draft"]
    ready["_ready"] = "1"
    assert client.post(url, ready).status_code == 302
    page = Client().get(publication.get_absolute_url("de"), follow=True).text
    assert "Halbfertiger Titel" in page and "Der ganze Text." in page


def test_the_audit_log_on_the_change_page_is_for_those_who_may_read_it(translator_de_fr, publisher):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    workflow.publication_submit(publication=publication, user=publisher)
    workflow.publication_send_back(
        publication=publication, user=publisher, comment="Internal: the figures are wrong"
    )
    assert (
        "Internal: the figures are wrong" in logged_in(publisher).get(change_url(publication)).text
    )
    page = logged_in(translator_de_fr).get(change_url(publication))
    assert page.status_code == 200
    assert "Internal: the figures are wrong" not in page.text
