"""Who is editing now: only open editing pages count, kept alive by a heartbeat."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from speeches.editorial import presence
from speeches.models import EditingSession, Publication
from tests.factories import UserFactory, publication_in_state
from tests.helpers import change_url, logged_in

pytestmark = pytest.mark.django_db

TOKEN = "0123456789abcdef0123456789abcdef"


def beat(client: Client, publication, token=TOKEN, **data):
    return client.post(
        f"/admin/speeches/publication/{publication.pk}/presence/", {"token": token, **data}
    )


def leave(client: Client, publication, token=TOKEN):
    return client.post(
        f"/admin/speeches/publication/{publication.pk}/presence/leave/", {"token": token}
    )


def pages(publication) -> list[tuple[str, str]]:
    return sorted(
        EditingSession.objects.filter(publication=publication).values_list(
            "user__username", "language"
        )
    )


@pytest.fixture
def draft(author, publisher):
    return publication_in_state("draft", author=author, publisher=publisher)


@pytest.fixture
def published(author, publisher):
    return publication_in_state("published", author=author, publisher=publisher)


# The heartbeat, role by role


def test_author_heartbeat_on_a_draft_is_recorded_and_lists_the_others(draft, author, publisher):
    publisher.first_name = "Boris"
    publisher.save()
    beat(logged_in(publisher), draft, token="f" * 32)

    response = beat(logged_in(author), draft)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    [editor] = response.json()["editors"]
    assert editor["name"] == "Boris"
    assert editor["language"] == ""
    assert re.fullmatch(
        r"Boris is editing this publication now \(since \d\d:\d\d\)\.", editor["message"]
    )
    assert pages(draft) == [("author", ""), ("publisher", "")]


def test_publisher_heartbeat_on_a_published_item_is_recorded(published, publisher):
    assert beat(logged_in(publisher), published).status_code == 200
    assert pages(published) == [("publisher", "")]


def test_author_may_not_record_presence_on_a_published_item_they_can_only_view(published, author):
    response = beat(logged_in(author), published)
    assert response.status_code == 403
    assert "error" in response.json()
    assert pages(published) == []


def test_view_only_staff_get_403_and_nothing_is_written(draft, viewer):
    response = beat(logged_in(viewer), draft)
    assert response.status_code == 403
    assert pages(draft) == []


def test_translator_counts_in_their_language_only(draft, translator):
    translator.translator_languages.create(language="fr")
    client = logged_in(translator)

    assert beat(client, draft, language="de").status_code == 403
    assert beat(client, draft).status_code == 403  # the change form is not theirs
    assert pages(draft) == []

    assert beat(client, draft, language="fr").status_code == 200
    assert pages(draft) == [("translator", "fr")]


def test_translator_is_named_with_the_language_they_edit(draft, author, translator):
    translator.translator_languages.create(language="fr")
    beat(logged_in(translator), draft, language="fr")
    [editor] = beat(logged_in(author), draft).json()["editors"]
    assert editor["language"] == "fr"
    assert editor["message"].startswith(
        "translator is editing the French translation of this publication now"
    )


def test_unknown_or_malformed_ids_are_404_not_500(author):
    client = logged_in(author)
    for object_id in ("999999", "not-a-number"):
        for action in ("presence/", "presence/leave/"):
            url = f"/admin/speeches/publication/{object_id}/{action}"
            response = client.post(url, {"token": TOKEN})
            assert response.status_code == 404, url
            assert "error" in response.json()
    assert not EditingSession.objects.exists()


def test_endpoints_refuse_get(draft, author):
    client = logged_in(author)
    for action in ("presence/", "presence/leave/"):
        response = client.get(f"/admin/speeches/publication/{draft.pk}/{action}?token={TOKEN}")
        assert response.status_code == 405
    assert pages(draft) == []


def test_heartbeat_without_a_page_token_writes_nothing(draft, author):
    for token in ("", "x" * 32, "../" + "a" * 29):
        assert beat(logged_in(author), draft, token=token).status_code == 400
    assert pages(draft) == []


def test_heartbeat_needs_the_csrf_token_in_the_body(draft, author):
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    html = client.get(change_url(draft)).text
    token = re.search(r'data-token="([0-9a-f]{32})"', html).group(1)
    csrf = re.search(r'data-csrf="([^"]+)"', html).group(1)
    url = f"/admin/speeches/publication/{draft.pk}/presence/"

    assert client.post(url, {"token": token}).status_code == 403
    assert client.post(url, {"token": token, "csrfmiddlewaretoken": csrf}).status_code == 200
    leave_url = f"{url}leave/"
    assert client.post(leave_url, {"token": token}).status_code == 403
    assert client.post(leave_url, {"token": token, "csrfmiddlewaretoken": csrf}).status_code == 200
    assert pages(draft) == []


def test_leaving_ends_only_that_page(draft, author):
    client = logged_in(author)
    beat(client, draft)
    beat(client, draft, token="a" * 32)  # the same person in a second tab

    assert leave(client, draft).json() == {"left": True}
    assert list(EditingSession.objects.values_list("token", flat=True)) == ["a" * 32]


def test_leaving_works_after_losing_the_right_to_edit(draft, author, publisher):
    client = logged_in(author)
    beat(client, draft)
    draft.status = Publication.Status.PUBLISHED  # a publisher published it meanwhile
    draft.save()
    assert beat(client, draft).status_code == 403
    assert leave(client, draft).status_code == 200
    assert pages(draft) == []


def test_two_tabs_of_one_person_are_one_editor(draft, author, publisher):
    first, second = logged_in(author), logged_in(author)
    beat(first, draft, token="a" * 32)
    beat(second, draft, token="b" * 32)
    assert len(beat(logged_in(publisher), draft).json()["editors"]) == 1


# Which pages count


def test_opening_the_change_form_to_edit_counts_and_shows_who_else_is_there(draft, author):
    boris = UserFactory(username="boris", first_name="Boris", is_staff=True, groups=["Editors"])
    logged_in(boris).get(change_url(draft))

    html = logged_in(author).get(change_url(draft)).text

    assert pages(draft) == [("author", ""), ("boris", "")]
    opening, region = re.search(
        r'(<div id="editing-presence"[^>]*>)(.*?)</div>', html, re.S
    ).groups()
    assert 'aria-live="polite"' in opening
    assert re.search(r"Boris is editing this publication now \(since \d\d:\d\d\)\.", region)
    assert "static/admin/js/presence.js" in html


def test_nobody_else_editing_leaves_an_empty_hidden_region(draft, author):
    html = logged_in(author).get(change_url(draft)).text
    assert '<ul class="messagelist" hidden>' in html.split('id="editing-presence"')[1]


def test_side_by_side_editor_counts_in_its_language(draft, translator):
    translator.translator_languages.create(language="de")
    response = logged_in(translator).get(f"/admin/speeches/publication/{draft.pk}/translate/de/")
    assert response.status_code == 200
    assert 'data-language="de"' in response.text
    assert pages(draft) == [("translator", "de")]


def test_read_only_history_workflow_and_preview_pages_never_count(published, author, publisher):
    # The author may only look at a published item: the change view is read-only.
    response = logged_in(author).get(change_url(published))
    assert response.status_code == 200 and 'name="_save"' not in response.text
    assert "editing-presence" not in response.text

    client = logged_in(publisher)
    base = f"/admin/speeches/publication/{published.pk}"
    version = Version.objects.get_for_object(published).first()
    for url in (
        f"{base}/history/",
        f"{base}/history/compare/?a={version.pk}&b={version.pk}",
        f"{base}/history/{version.pk}/",  # an old revision, shown for restoring
        f"{base}/workflow/withdraw/",
        "/admin/speeches/publication/translations/",
        f"/en/preview/{published.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "editing-presence" not in response.text, url
    assert pages(published) == []


def test_transition_page_shows_no_presence_warning(draft, author, publisher):
    logged_in(author).get(change_url(draft))
    workflow_page = logged_in(publisher).get(
        f"/admin/speeches/publication/{draft.pk}/workflow/submit/"
    )
    assert workflow_page.status_code == 200
    assert "is editing this publication" not in workflow_page.text
    assert pages(draft) == [("author", "")]


# Expiry


def test_a_page_without_heartbeat_stops_counting_after_the_ttl(draft, author, publisher, settings):
    settings.EDITING_PRESENCE_SECONDS = 90
    opened = timezone.now()
    presence.editing_session_open(publication=draft, user=publisher, token="a" * 32, now=opened)

    def others(seconds_later):
        return presence.editors_now(
            publication=draft, user=author, now=opened + timedelta(seconds=seconds_later)
        )

    assert [e.user for e in others(89)] == [publisher]
    assert others(91) == []

    # A heartbeat keeps it alive, and "since" stays the time the page was opened.
    presence.editing_session_open(
        publication=draft, user=publisher, token="a" * 32, now=opened + timedelta(seconds=60)
    )
    [editor] = others(140)
    assert editor.since == opened


def test_expired_pages_are_deleted_by_the_next_heartbeat(draft, author, publisher, settings):
    settings.EDITING_PRESENCE_SECONDS = 5
    long_ago = timezone.now() - timedelta(seconds=6)
    presence.editing_session_open(publication=draft, user=publisher, token="a" * 32, now=long_ago)

    assert beat(logged_in(author), draft).json()["editors"] == []
    assert pages(draft) == [("author", "")]


def test_service_refuses_someone_who_may_not_edit_and_writes_nothing(published, author):
    with pytest.raises(PermissionDenied):
        presence.editing_session_open(publication=published, user=author, token=TOKEN)
    assert pages(published) == []
