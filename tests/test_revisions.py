"""Every save is a revision; editors compare any two and restore one as a new revision."""

import re

import pytest
from reversion.models import Version

from speeches.models import Publication, WorkflowEvent
from speeches.publishing import services
from tests.factories import PublicationFactory
from tests.helpers import publication_form_data

pytestmark = pytest.mark.django_db


def versions_of(publication):
    return list(Version.objects.get_for_object(publication).order_by("pk"))


def admin_save(client, publication, **fields):
    publication.refresh_from_db()
    data = publication_form_data(
        title_en=publication.title_en,
        body_en=publication.body_en,
        title_de=publication.title_de or "",
        body_de=publication.body_de or "",
        opened_version=publication.edit_version,
    )
    data.update(fields)
    response = client.post(f"/admin/speeches/publication/{publication.pk}/change/", data)
    assert response.status_code == 302
    return response


def test_every_save_from_any_path_stores_a_revision_with_user_and_comment(
    publisher, publisher_client
):
    publication = PublicationFactory(title_en="First")
    assert len(versions_of(publication)) == 1  # the factory saves through the service
    publication.title_en = "Second"
    services.publication_save(publication=publication, user=publisher, comment="Fixed a typo")
    admin_save(publisher_client, publication, title_en="Third")
    versions = versions_of(publication)
    assert [v.field_dict["title_en"] for v in versions] == ["First", "Second", "Third"]
    assert versions[1].revision.user == publisher
    assert versions[1].revision.get_comment() == "Fixed a typo"
    assert len(versions) == 3  # one admin save, one revision


def test_history_lists_the_edits_and_compares_two_per_field_and_language(publisher_client):
    publication = PublicationFactory(
        languages=("en", "de"), title_en="Old English title", title_de="Alter Titel"
    )
    admin_save(
        publisher_client,
        publication,
        title_de="Neuer Titel",
        body_en="<p>First paragraph.</p><p>A new second paragraph.</p>",
    )
    history = publisher_client.get(f"/admin/speeches/publication/{publication.pk}/history/")
    assert history.status_code == 200
    older, newer = versions_of(publication)
    assert f'value="{older.pk}"' in history.text and f'value="{newer.pk}"' in history.text
    compare = publisher_client.get(
        f"/admin/speeches/publication/{publication.pk}/history/compare/",
        {"a": newer.pk, "b": older.pk},  # either order
    )
    assert compare.status_code == 200
    html = compare.text
    german = html[html.index('id="review-de"') :]
    assert re.search(r'<h3 class="review-field__label">Title</h3>', german)
    assert "<del>Alter</del><ins>Neuer</ins> Titel" in german
    english = html[html.index('id="review-en"') : html.index('id="review-de"')]
    assert '<h3 class="review-field__label">Text</h3>' in english
    # Compared as the text reads, paragraph by paragraph, not as HTML.
    assert "<ins>A new second paragraph.</ins>" in english and "&lt;p&gt;" not in html
    assert "Title" not in english  # unchanged fields are not listed


def test_compare_without_two_revisions_explains_itself(publisher_client):
    publication = PublicationFactory()
    response = publisher_client.get(
        f"/admin/speeches/publication/{publication.pk}/history/compare/", {"a": "x"}
    )
    assert response.status_code == 302


def test_restoring_an_old_revision_brings_back_its_text_as_a_new_revision(publisher_client):
    publication = PublicationFactory(title_en="The original title")
    admin_save(publisher_client, publication, title_en="A worse title")
    original = versions_of(publication)[0]
    form = publisher_client.get(
        f"/admin/speeches/publication/{publication.pk}/history/{original.pk}/"
    )
    assert form.status_code == 200
    # What it would change, before anything is written.
    assert "A worse title" in form.text and "The original title" in form.text
    assert Publication.objects.get(pk=publication.pk).title_en == "A worse title"
    opened = re.search(r'name="opened_version" value="(\d+)"', form.text).group(1)
    response = publisher_client.post(
        f"/admin/speeches/publication/{publication.pk}/history/{original.pk}/",
        {"opened_version": opened, "groups": ["en"]},
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title_en == "The original title"
    assert publication.slug_en == "the-original-title"
    # Words come back; the workflow state stays, and the restore is in the audit log.
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.events.filter(action=WorkflowEvent.Action.RESTORE).count() == 1
    assert [v.field_dict["title_en"] for v in versions_of(publication)] == [
        "The original title",
        "A worse title",
        "The original title",
    ]


def test_a_restore_never_rolls_back_the_edit_version():
    publication = PublicationFactory()
    services.publication_save(publication=publication)
    assert "edit_version" not in versions_of(publication)[0].field_dict


def test_history_links_each_revision_to_its_preview(publisher_client):
    publication = PublicationFactory(title_en="First title")
    admin_save(publisher_client, publication, title_en="Second title")
    older, _newer = versions_of(publication)
    history = publisher_client.get(f"/admin/speeches/publication/{publication.pk}/history/")
    link = f"/en/preview/{publication.pk}/revisions/{older.pk}/"
    assert f'href="{link}"' in history.text
    preview = publisher_client.get(link)
    assert preview.status_code == 200
    assert "First title" in preview.text
