"""Previews: staff see any publication (and any revision) as readers will; a reviewer
without an account sees it through a signed link that expires, can be revoked and ends
once the publication is on view. Nothing a preview serves is indexed or cached."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from speeches.models import Material, PreviewLink, Publication, PublicationMaterial, WorkflowEvent
from speeches.publishing import previews, services, workflow
from tests import media_files
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'


def draft(**fields) -> Publication:
    fields.setdefault("languages", ("en", "de"))
    return PublicationFactory(status=Publication.Status.DRAFT, **fields)


def attach_photo(publication: Publication) -> Material:
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="A square")
    )
    PublicationMaterial.objects.create(publication=publication, material=photo)
    return photo


@pytest.fixture
def publisher(db):
    user = UserFactory(username="publisher", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Publishers"))
    return user


def shared_url(link: PreviewLink, language: str = "en") -> str:
    return previews.preview_link_url(link, language=language)


def assert_kept_private(response) -> None:
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# Staff previews


def test_staff_preview_shows_a_draft_in_each_language_that_has_a_title(editor_client):
    publication = draft(title_en="Draft statement", title_de="Entwurf einer Erklärung")
    response = editor_client.get(f"/en/preview/{publication.pk}/")
    assert response.status_code == 200
    assert "speeches/publication_detail.html" in [t.name for t in response.templates]
    html = response.text
    assert '<h1 class="publication__title">Draft statement</h1>' in html
    assert "Draft: readers cannot see this page." in html
    assert ROBOTS_META in html
    assert_kept_private(response)
    # The language row leads to the German preview, never to a public page that 404s.
    assert f'href="/de/preview/{publication.pk}/"' in html
    # (The structured data still names the address the page will have, as it will then.)
    assert not re.search(rf'(href|content)="[^"]*/publications/{publication.pk}/', html)
    assert 'rel="canonical"' not in html and 'hreflang="de" href="http' not in html

    german = editor_client.get(f"/de/preview/{publication.pk}/")
    assert german.status_code == 200
    assert "Entwurf einer Erklärung" in german.text


def test_staff_preview_of_a_language_without_a_title_says_it_is_missing(editor_client):
    publication = draft(languages=("en",))
    response = editor_client.get(f"/fr/preview/{publication.pk}/")
    assert response.status_code == 404
    assert response.templates[0].name == "speeches/publication_missing_language.html"
    assert ROBOTS_META in response.text
    assert f'href="/en/preview/{publication.pk}/"' in response.text
    assert_kept_private(response)


def test_staff_preview_names_the_state_of_a_scheduled_item(editor_client):
    release = timezone.now() + timedelta(days=2)
    publication = PublicationFactory(published_at=release)
    response = editor_client.get(f"/en/preview/{publication.pk}/")
    assert response.status_code == 200
    banner = response.text.split('class="preview-banner"')[1].split("</div>")[0]
    assert "Scheduled for" in banner
    assert f"{timezone.localtime(release):%-d %B %Y %H:%M}" in banner


def test_staff_preview_of_a_revision_shows_its_text_and_saves_nothing(editor, editor_client):
    publication = draft(title_en="Old title", title_de="Alter Titel")
    publication.title_en = "New title"
    services.publication_save(publication=publication, user=editor)
    old = Version.objects.get_for_object(publication).order_by("pk").first()
    publication.refresh_from_db()
    saved_version = publication.edit_version

    response = editor_client.get(f"/en/preview/{publication.pk}/revisions/{old.pk}/")
    assert response.status_code == 200
    assert '<h1 class="publication__title">Old title</h1>' in response.text
    assert "New title" not in response.text
    assert "This is the revision saved" in response.text
    assert f'href="/de/preview/{publication.pk}/revisions/{old.pk}/"' in response.text
    assert_kept_private(response)

    publication.refresh_from_db()
    assert (publication.title_en, publication.slug_en) == ("New title", "new-title")
    assert publication.edit_version == saved_version
    assert Version.objects.get_for_object(publication).count() == 2


def test_staff_preview_refuses_a_revision_of_another_publication(editor_client):
    publication, other = draft(), draft()
    version = Version.objects.get_for_object(other).get()
    response = editor_client.get(f"/en/preview/{publication.pk}/revisions/{version.pk}/")
    assert response.status_code == 404
    assert ROBOTS_META in response.text
    assert_kept_private(response)


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    publication = draft()
    response = client.get(f"/en/preview/{publication.pk}/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/?next=/en/preview/")
    assert_kept_private(response)


@pytest.mark.parametrize("is_staff", [False, True])
def test_users_without_staff_status_or_permission_are_refused(client, is_staff):
    user = UserFactory(is_staff=is_staff)
    if not is_staff:  # the permission alone is not enough either
        user.user_permissions.add(Permission.objects.get(codename="view_publication"))
    client.force_login(user)
    response = client.get(f"/en/preview/{draft().pk}/")
    assert response.status_code == 403
    assert_kept_private(response)


# Shared preview links


def test_a_shared_link_opens_the_preview_without_an_account(editor):
    publication = draft(title_en="Statement for review")
    link = previews.preview_link_create(publication=publication, user=editor)
    response = Client().get(shared_url(link))
    assert response.status_code == 200
    assert "Statement for review" in response.text
    assert "Draft: readers cannot see this page." in response.text
    assert ROBOTS_META in response.text
    assert_kept_private(response)
    assert f'href="{shared_url(link, "de")}"' in response.text
    assert 'rel="canonical"' not in response.text
    event = WorkflowEvent.objects.get(publication=publication)
    assert (event.action, event.user) == (WorkflowEvent.Action.SHARE_PREVIEW, editor)


def test_a_shared_link_expires_after_the_configured_days(editor, settings):
    settings.PREVIEW_LINK_DAYS = 3
    publication = draft()
    link = previews.preview_link_create(publication=publication, user=editor)
    assert link.expires_at - link.created_at == timedelta(days=3)
    client = Client()
    with time_machine.travel(link.expires_at - timedelta(1), tick=False):
        assert client.get(shared_url(link)).status_code == 200
    with time_machine.travel(link.expires_at, tick=False):
        response = client.get(shared_url(link))
    assert response.status_code == 404
    assert "This preview link has expired" in response.text
    assert ROBOTS_META in response.text
    assert_kept_private(response)


def test_a_revoked_link_no_longer_opens_the_preview(editor):
    link = previews.preview_link_create(publication=draft(), user=editor)
    previews.preview_link_revoke(link=link, user=editor)
    response = Client().get(shared_url(link))
    assert response.status_code == 404
    assert "This preview link has been revoked" in response.text
    assert_kept_private(response)
    assert WorkflowEvent.objects.filter(action=WorkflowEvent.Action.REVOKE_PREVIEW).count() == 1


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature
        lambda token: "0" + token[1:] if token[0] != "0" else "1" + token[1:],  # the UUID
        lambda token: token.split(":")[0],  # no signature
        lambda token: "not-a-token",
        lambda token: "%00:" + token,
    ],
)
def test_a_tampered_token_is_a_friendly_404_never_an_error(editor, tamper):
    link = previews.preview_link_create(publication=draft(), user=editor)
    token = previews.preview_link_token(link)
    response = Client().get(f"/en/preview/shared/{tamper(token)}/")
    assert response.status_code == 404
    assert "This preview link does not work" in response.text
    assert ROBOTS_META in response.text
    assert_kept_private(response)


def test_a_link_to_a_deleted_link_row_is_unknown(editor):
    link = previews.preview_link_create(publication=draft(), user=editor)
    url = shared_url(link)
    link.delete()
    assert Client().get(url).status_code == 404


def test_once_published_the_link_answers_410_with_the_public_address(editor, publisher):
    publication = draft()
    link = previews.preview_link_create(publication=publication, user=editor)
    workflow.publication_force_publish(publication=publication, user=publisher, reason="Urgent")
    response = Client().get(shared_url(link, "de"))
    assert response.status_code == 410
    assert "Diese Veröffentlichung ist erschienen" in response.text  # the German page
    assert f'href="{publication.get_absolute_url("de")}"' in response.text
    assert_kept_private(response)


def test_a_scheduled_item_stays_previewable_until_its_time(editor, publisher):
    release = timezone.now() + timedelta(hours=2)
    publication = draft(published_at=release)
    link = previews.preview_link_create(publication=publication, user=editor)
    workflow.publication_force_publish(publication=publication, user=publisher, reason="Urgent")
    client = Client()
    assert client.get(shared_url(link)).status_code == 200
    with time_machine.travel(release, tick=False):
        assert client.get(shared_url(link)).status_code == 410


def test_after_unpublishing_the_link_answers_410(editor, publisher):
    publication = draft()
    link = previews.preview_link_create(publication=publication, user=editor)
    workflow.publication_force_publish(publication=publication, user=publisher, reason="Urgent")
    workflow.publication_unpublish(publication=publication, user=publisher, reason="Mistake")
    response = Client().get(shared_url(link))
    assert response.status_code == 410
    assert "This publication is no longer available" in response.text
    assert_kept_private(response)


def test_no_link_is_made_for_a_public_item_or_by_someone_who_may_not_change_it(publisher):
    with pytest.raises(ValidationError):
        previews.preview_link_create(publication=PublicationFactory(), user=publisher)
    reader = UserFactory(is_staff=True)
    with pytest.raises(PermissionDenied):
        previews.preview_link_create(publication=draft(), user=reader)
    assert not PreviewLink.objects.exists()


# Material files


def photo_urls(html: str) -> list[str]:
    return re.findall(r'(/files/\d+/[\w-]+/[^"\s]+)', html)


def test_a_shared_preview_shows_the_photos_of_a_draft(editor):
    publication = draft()
    photo = attach_photo(publication)
    link = previews.preview_link_create(publication=publication, user=editor)
    client = Client()
    html = client.get(shared_url(link)).text
    urls = photo_urls(html)
    assert urls and all("?preview=" in url for url in urls)
    thumb = next(url for url in urls if "/thumb-jpeg/" in url)
    response = client.get(thumb)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(thumb.split("?")[0]).status_code == 404
    assert client.get(f"/files/{photo.pk}/download/x").status_code == 404


def test_a_token_of_another_publication_does_not_open_a_photo(editor):
    publication = draft()
    photo = attach_photo(publication)
    other = previews.preview_link_create(publication=draft(), user=editor)
    token = previews.preview_link_token(other)
    response = Client().get(f"/files/{photo.pk}/thumb-jpeg/x", {"preview": token})
    assert response.status_code == 404


def test_a_revoked_token_does_not_open_a_photo(editor):
    publication = draft()
    photo = attach_photo(publication)
    link = previews.preview_link_create(publication=publication, user=editor)
    token = previews.preview_link_token(link)
    client = Client()
    assert client.get(f"/files/{photo.pk}/thumb-jpeg/x", {"preview": token}).status_code == 200
    previews.preview_link_revoke(link=link, user=editor)
    assert client.get(f"/files/{photo.pk}/thumb-jpeg/x", {"preview": token}).status_code == 404
    assert client.get(f"/files/{photo.pk}/thumb-jpeg/x", {"preview": "junk"}).status_code == 404


def test_staff_previews_and_public_pages_link_files_without_a_token(editor_client, client):
    hidden, public = draft(), PublicationFactory()
    attach_photo(hidden)
    attach_photo(public)
    staff_urls = photo_urls(editor_client.get(f"/en/preview/{hidden.pk}/").text)
    public_urls = photo_urls(client.get(public.get_absolute_url("en")).text)
    assert staff_urls and public_urls
    assert not any("preview=" in url for url in staff_urls + public_urls)


# The admin


def admin_url(publication: Publication, tail: str = "") -> str:
    return f"/admin/speeches/publication/{publication.pk}/{tail}"


def test_editor_creates_and_revokes_a_link_from_the_change_page(editor_client):
    publication = draft(languages=("de", "en"))  # German is the original language
    response = editor_client.post(admin_url(publication, "preview-links/"))
    assert response.status_code == 302
    assert response.url == admin_url(publication, "change/")
    link = PreviewLink.objects.get(publication=publication)
    url = f"http://testserver{shared_url(link, 'de')}"
    assert any(url in str(message) for message in get_messages(response.wsgi_request))
    assert Client().get(url).status_code == 200

    page = editor_client.get(admin_url(publication, "change/"))
    panel = page.context["preview_panel"]
    assert [item["url"] for item in panel["staff_previews"]] == [
        f"/en/preview/{publication.pk}/",
        f"/de/preview/{publication.pk}/",
    ]
    assert [item["url"] for item in panel["links"]] == [url]
    assert panel["can_create"] is True
    assert 'class="module preview-panel"' in page.text and url in page.text

    revoke = admin_url(publication, f"preview-links/{link.pk}/revoke/")
    assert editor_client.post(revoke).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert Client().get(url).status_code == 404
    panel = editor_client.get(admin_url(publication, "change/")).context["preview_panel"]
    assert panel["links"] == []


def test_the_link_endpoints_only_take_post(editor, editor_client):
    publication = draft()
    link = previews.preview_link_create(publication=publication, user=editor)
    assert editor_client.get(admin_url(publication, "preview-links/")).status_code == 405
    revoke = admin_url(publication, f"preview-links/{link.pk}/revoke/")
    assert editor_client.get(revoke).status_code == 405
    assert PreviewLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_a_user_who_may_not_change_the_publication_gets_403_and_nothing_changes(client, editor):
    publication = draft()
    link = previews.preview_link_create(publication=publication, user=editor)
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_publication"))
    client.force_login(viewer)
    assert client.post(admin_url(publication, "preview-links/")).status_code == 403
    revoke = admin_url(publication, f"preview-links/{link.pk}/revoke/")
    assert client.post(revoke).status_code == 403
    assert PreviewLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None
    assert WorkflowEvent.objects.filter(user=viewer).count() == 0
    panel = client.get(admin_url(publication, "change/")).context["preview_panel"]
    assert (panel["can_create"], panel["can_revoke"]) == (False, False)


def test_the_admin_offers_no_link_for_a_public_publication(client, publisher):
    publication = PublicationFactory()
    client.force_login(publisher)
    response = client.post(admin_url(publication, "preview-links/"))
    assert response.status_code == 302
    assert not PreviewLink.objects.exists()
    panel = client.get(admin_url(publication, "change/")).context["preview_panel"]
    assert (panel["shareable"], panel["can_create"]) == (False, False)
