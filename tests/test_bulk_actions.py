"""Bulk actions on the publications' list, as every role (speeches.admin.bulk).

Each action is offered only to the roles whose permission allows it; a role that is not
offered one and posts it anyway changes nothing. Where it is offered, every selected item
goes through the single item's service on its own: the items it allows are done, each in a
revision of its own with its audit event, and the others are refused with the service's
reason and left exactly as they were.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from reversion.models import Revision, Version

from speeches.admin import bulk
from speeches.models import Publication, WorkflowEvent
from speeches.publishing import workflow
from tests.factories import (
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    publication_in_state,
    translator_of,
)
from tests.helpers import rolled_back_at_the_end

pytestmark = pytest.mark.django_db

LIST = "/admin/speeches/publication/"
ROLES = ("publisher", "second_publisher", "author", "translator", "viewer", "administrator")
PUBLISHERS = frozenset({"publisher", "second_publisher", "administrator"})
NEWSROOM = PUBLISHERS | {"author"}
# Every state, and an item in review that the publisher submitted (the two-person rule).
STATES = (
    "draft",
    "in_review",
    "in_review_own",
    "scheduled",
    "published",
    "withdrawn",
    "unpublished",
)
OFFERED = {
    "bulk_submit": NEWSROOM,
    "bulk_publish": PUBLISHERS,
    "bulk_schedule": PUBLISHERS,
    "bulk_withdraw": PUBLISHERS,
    "bulk_add_terms": NEWSROOM,
    "bulk_remove_terms": NEWSROOM,
}
# The state each action's items reach.
REACHED = {
    "bulk_submit": "in_review",
    "bulk_publish": "published",
    "bulk_schedule": "scheduled",
    "bulk_withdraw": "withdrawn",
}


def done_states(action: str, role: str) -> set[str]:
    """The items ``role`` gets done by ``action``: what the services allow (README, Roles)."""
    second_person = set() if role == "publisher" else {"in_review_own"}
    return {
        "bulk_submit": {"draft"},
        "bulk_publish": {"in_review"} | second_person,
        "bulk_schedule": {"in_review", "scheduled"} | second_person,
        "bulk_withdraw": {"published"},
        # Authors edit drafts and items in review; publishers edit every state.
        "bulk_add_terms": set(STATES) if role in PUBLISHERS else set(STATES[:3]),
        "bulk_remove_terms": set(STATES) if role in PUBLISHERS else set(STATES[:3]),
    }[action]


class World:
    def __init__(self):
        author = UserFactory(username="author", is_staff=True, groups=["Editors"])
        publisher = UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
        viewer = UserFactory(username="viewer", is_staff=True)
        viewer.user_permissions.add(
            Permission.objects.get(content_type__app_label="speeches", codename="view_publication")
        )
        self.users = {
            "publisher": publisher,
            "second_publisher": UserFactory(username="boris", is_staff=True, groups=["Publishers"]),
            "author": author,
            "translator": translator_of("de"),
            "viewer": viewer,
            "administrator": UserFactory(
                username="administrator", is_staff=True, groups=["Administrators"]
            ),
        }
        self.kept, self.added = TopicFactory(name_en="Kept"), TopicFactory(name_en="Added")
        self.speaker = PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")
        self.items = {}
        for state in STATES:
            base = "in_review" if state == "in_review_own" else state
            item = publication_in_state(
                base, author=author, publisher=publisher, topics=[self.kept]
            )
            self.items[state] = item
        own = self.items["in_review_own"]
        workflow.publication_send_back(publication=own, user=publisher, comment="Again.")
        workflow.publication_submit(publication=own, user=publisher)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with rolled_back_at_the_end(django_db_blocker, tmp_path_factory.mktemp("bulk-media")):
        yield World()


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    client.get("/admin/")  # the session's clocks start on its first request
    return client


def post_action(client, action: str, items, *, confirm: dict | None = None, path=LIST):
    """The list's action form as a browser sends it; ``confirm``: the page that asked
    first, sent back with its answers."""
    data = {"action": action, ACTION_CHECKBOX_NAME: [p.pk for p in items]}
    if confirm is None:
        data |= {"index": "0", "select_across": "0"}
    else:
        data |= {"apply": "1", **confirm}
    return client.post(path, data)


def answers(action: str, world: World) -> dict | None:
    """What the page of an action that asks first is answered with."""
    at = timezone.localtime(timezone.now() + timedelta(days=2)).replace(microsecond=0)
    return {
        "bulk_schedule": {"at_0": at.strftime("%Y-%m-%d"), "at_1": at.strftime("%H:%M:%S")},
        "bulk_withdraw": {"withdrawal_explanation_en": "These figures were wrong."},
        "bulk_add_terms": {"topics": [world.added.pk], "speakers": [world.speaker.pk]},
        "bulk_remove_terms": {"topics": [world.kept.pk]},
    }.get(action)


def row_of(publication: Publication) -> dict:
    row = Publication.objects.get(pk=publication.pk)
    return {
        "state": row.state,
        "published_at": row.published_at,
        "edit_version": row.edit_version,
        "explanation": row.withdrawal_explanation_en,
        "topics": sorted(row.topics.values_list("pk", flat=True)),
        "speakers": sorted(row.speakers.values_list("pk", flat=True)),
        "events": list(row.events.values_list("pk", flat=True)),
        "versions": list(Version.objects.get_for_object(row).values_list("pk", flat=True)),
    }


def everything(world: World) -> dict:
    return {
        "items": {state: row_of(item) for state, item in world.items.items()},
        "revisions": Revision.objects.count(),
        "events": WorkflowEvent.objects.count(),
    }


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_offered_the_bulk_actions_its_permissions_allow(role, world):
    response = client_of(world.users[role]).get(LIST)
    assert response.status_code == 200
    form = response.context["action_form"]
    offered = {name for name, _label in form.fields["action"].choices} if form else set()
    assert offered & set(bulk.ACTIONS) == {a for a, roles in OFFERED.items() if role in roles}


@pytest.mark.parametrize("action", bulk.ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_each_item_is_done_or_refused_with_its_reason_as_the_services_say(action, role, world):
    client = client_of(world.users[role])
    before = everything(world)
    items = list(world.items.values())
    reply = answers(action, world)

    if role not in OFFERED[action]:
        response = post_action(client, action, items, confirm=reply)
        # Not on offer: the list again (with "No action selected" where there are actions).
        assert response.status_code in (200, 302)
        assert everything(world) == before
        return

    if reply is not None:
        page = post_action(client, action, items)
        assert page.status_code == 200, "the action asks first"
        assert everything(world) == before
        response = post_action(client, action, items, confirm=reply)
    else:
        response = post_action(client, action, items)
    assert response.status_code == 302
    messages = " | ".join(texts(response))

    done = done_states(action, role)
    revisions = set()
    for state, item in world.items.items():
        old, new = before["items"][state], row_of(item)
        if state not in done:
            assert new == old, f"refused {state} was changed"
            assert f"(#{item.pk})" in messages, f"refused {state} is not named"
            continue
        assert f"(#{item.pk})" not in messages
        assert new["edit_version"] == old["edit_version"] + 1
        [event] = set(new["events"]) - set(old["events"])
        event = WorkflowEvent.objects.get(pk=event)
        assert event.user == world.users[role]
        [version] = set(new["versions"]) - set(old["versions"])
        revision = Version.objects.get(pk=version).revision
        # Each item in a revision of its own, with its own user.
        assert revision.user == world.users[role]
        assert revision.version_set.filter(object_id__in=[str(p.pk) for p in items]).count() == 1
        revisions.add(revision.pk)
        if action in REACHED:
            assert new["state"] == REACHED[action]
        elif action == "bulk_add_terms":
            assert world.added.pk in new["topics"] and world.kept.pk in new["topics"]
            assert new["speakers"] == [world.speaker.pk]
        else:
            assert new["topics"] == []
    assert len(revisions) == len(done)
    refused = len(STATES) - len(done)
    if refused:
        assert f"{refused} publication" in messages
    assert f"{len(done)} publication" in messages or f"on {len(done)} publication" in messages


def test_scheduling_sets_the_second_entered_and_moves_scheduled_items(world):
    client = client_of(world.users["second_publisher"])
    items = [world.items["in_review_own"], world.items["scheduled"]]
    at = timezone.localtime(timezone.now() + timedelta(days=3)).replace(
        hour=9, minute=30, second=15
    )
    response = post_action(
        client,
        "bulk_schedule",
        items,
        confirm={"at_0": at.strftime("%Y-%m-%d"), "at_1": "09:30:15"},
    )
    assert response.status_code == 302
    for item in items:
        item.refresh_from_db()
        assert (item.state, item.published_at) == ("scheduled", at.replace(microsecond=0))
    assert "2 publications scheduled" in texts(response)[0]


@pytest.mark.parametrize(
    ("action", "answer", "error"),
    [
        ("bulk_schedule", {"at_0": "2001-01-01", "at_1": "10:00:00"}, "still ahead"),
        ("bulk_schedule", {"at_0": "not a date", "at_1": "25:61"}, "Enter a valid date"),
        ("bulk_withdraw", {"withdrawal_explanation_en": "  "}, "This field is required"),
        ("bulk_add_terms", {}, "Choose at least one speaker, topic or country"),
        ("bulk_remove_terms", {"topics": ["999999"]}, "Select a valid choice"),
    ],
)
def test_a_page_answered_wrongly_asks_again_and_writes_nothing(action, answer, error, world):
    client = client_of(world.users["publisher"])
    before = everything(world)
    response = post_action(client, action, world.items.values(), confirm=answer)
    assert response.status_code == 200
    assert error in response.text
    assert everything(world) == before


def test_withdrawing_asks_one_explanation_per_original_language(world, publisher):
    english = PublicationFactory(languages=("en",))
    russian = PublicationFactory(languages=("ru", "en"))
    client = client_of(world.users["publisher"])
    page = post_action(client, "bulk_withdraw", [english, russian])
    fields = [name for name in page.context["form"].fields if name.startswith("withdrawal")]
    assert fields == ["withdrawal_explanation_en", "withdrawal_explanation_ru"]
    assert 'lang="ru"' in page.text

    response = post_action(
        client,
        "bulk_withdraw",
        [english, russian],
        confirm={
            "withdrawal_explanation_en": "Superseded.",
            "withdrawal_explanation_ru": "Заменено.",
        },
    )
    assert response.status_code == 302
    english.refresh_from_db()
    russian.refresh_from_db()
    assert (english.state, english.withdrawal_explanation_en) == ("withdrawn", "Superseded.")
    assert (russian.state, russian.withdrawal_explanation_ru) == ("withdrawn", "Заменено.")
    assert russian.events.first().reason == "Заменено."


def test_a_withdrawal_names_one_replacement_for_all(world):
    replacement = PublicationFactory()
    items = [PublicationFactory(), PublicationFactory()]
    client = client_of(world.users["publisher"])
    post_action(
        client,
        "bulk_withdraw",
        items,
        confirm={
            "withdrawal_explanation_en": "See the corrected text.",
            "replacement": replacement.pk,
        },
    )
    for item in items:
        item.refresh_from_db()
        assert (item.state, item.replaced_by) == ("withdrawn", replacement)


def test_a_refused_item_is_linked_with_the_services_reason(world):
    client = client_of(world.users["publisher"])
    own = world.items["in_review_own"]
    response = post_action(client, "bulk_publish", [own, world.items["in_review"]])
    [done, refused] = texts(response)
    assert done == "1 publication published."
    assert f'href="/admin/speeches/publication/{own.pk}/change/"' in refused
    assert "another person must review and publish it" in refused


def test_more_items_than_a_page_are_refused_at_once(world, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_LIMIT", 2)
    client = client_of(world.users["publisher"])
    before = everything(world)
    response = post_action(client, "bulk_submit", world.items.values())
    assert "Choose at most 2 publications at a time" in texts(response)[0]
    assert everything(world) == before


def test_the_terms_page_lists_every_term_without_javascript(world):
    client = client_of(world.users["author"])
    page = post_action(client, "bulk_add_terms", [world.items["draft"]])
    assert page.status_code == 200
    html = page.text
    # Every term is a plain option to choose; the script only adds searching.
    for term in (world.kept, world.added, world.speaker):
        assert f'value="{term.pk}">{term}</option>' in html
    assert "admin/js/autocomplete.js" in html
    assert f'name="{ACTION_CHECKBOX_NAME}" value="{world.items["draft"].pk}"' in html
