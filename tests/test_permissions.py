"""Who may do what, through the admin: one table, every role against every action.

A forbidden action answers 403 (anonymous visitors are sent to the login page) and
leaves the publication and its audit log exactly as they were.
"""

from functools import partial

import pytest

from speeches.models import Publication, WorkflowEvent
from tests.factories import publication_in_state
from tests.helpers import change_form_data

pytestmark = pytest.mark.django_db

YES, NO, LOGIN = "allowed", "forbidden", "login"

ROLES = ["author", "publisher", "translator", "administrator", "anonymous"]

# fmt: off
MATRIX = {
    #                    author publisher translator administrator anonymous
    "submit":           (YES,   YES,      NO,        YES,          LOGIN),
    "send_back":        (NO,    YES,      NO,        YES,          LOGIN),
    "publish":          (NO,    YES,      NO,        YES,          LOGIN),
    "force_publish":    (NO,    YES,      NO,        YES,          LOGIN),
    "unschedule":       (NO,    YES,      NO,        YES,          LOGIN),
    "withdraw":         (NO,    YES,      NO,        YES,          LOGIN),
    "unpublish":        (NO,    YES,      NO,        YES,          LOGIN),
    "edit draft":       (YES,   YES,      NO,        YES,          LOGIN),
    "edit published":   (NO,    YES,      NO,        YES,          LOGIN),
    "delete draft":     (NO,    YES,      NO,        YES,          LOGIN),
    "delete published": (NO,    NO,       NO,        NO,           LOGIN),
    "view audit log":   (YES,   YES,      NO,        YES,          LOGIN),
}
# fmt: on

# Where each transition applies (an author submitted the item, so a publisher may
# publish it), and where it leads.
TRANSITIONS = {
    "submit": ("draft", "in_review"),
    "send_back": ("in_review", "draft"),
    "publish": ("in_review", "published"),
    "force_publish": ("draft", "published"),
    "unschedule": ("scheduled", "draft"),
    "withdraw": ("published", "withdrawn"),
    "unpublish": ("published", "unpublished"),
}


def row(publication: Publication) -> tuple:
    """What a forbidden request must not touch."""
    fresh = Publication.objects.filter(pk=publication.pk).first()
    if fresh is None:
        return ("deleted",)
    return (
        fresh.status,
        fresh.title_en,
        fresh.edit_version,
        WorkflowEvent.objects.filter(publication=publication).count(),
    )


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def try_transition(client, expected: str, *, name: str) -> None:
    start, end = TRANSITIONS[name]
    publication = publication_in_state(start)
    url = f"/admin/speeches/publication/{publication.pk}/workflow/{name}/"
    before = row(publication)

    form = client.get(url)
    response = client.post(url, {"reason": "Given in good faith.", "confirmed": "on"})

    if expected == YES:
        assert form.status_code == 200
        assert 'method="post"' in form.text
        assert response.status_code == 302
        assert response.url == f"/admin/speeches/publication/{publication.pk}/change/"
        publication.refresh_from_db()
        assert publication.state == end
        assert publication.events.count() == before[-1] + 1
        return
    if expected == LOGIN:
        assert_sent_to_login(form)
        assert_sent_to_login(response)
    else:
        assert form.status_code == 403
        assert response.status_code == 403
    assert row(publication) == before


def try_edit(client, expected: str, *, state: str) -> None:
    publication = publication_in_state(state)
    before = row(publication)
    response = client.post(
        f"/admin/speeches/publication/{publication.pk}/change/",
        change_form_data(publication, title_en="A title changed by someone"),
    )
    if expected == YES:
        assert response.status_code == 302
        publication.refresh_from_db()
        assert publication.title_en == "A title changed by someone"
        assert publication.state == state
        return
    if expected == LOGIN:
        assert_sent_to_login(response)
    else:
        assert response.status_code == 403
    assert row(publication) == before


def try_delete(client, expected: str, *, state: str) -> None:
    publication = publication_in_state(state)
    url = f"/admin/speeches/publication/{publication.pk}/delete/"
    before = row(publication)
    page = client.get(url)
    response = client.post(url, {"post": "yes"})
    if expected == YES:
        assert page.status_code == 200
        assert response.status_code == 302
        assert not Publication.objects.filter(pk=publication.pk).exists()
        return
    if expected == LOGIN:
        assert_sent_to_login(page)
        assert_sent_to_login(response)
    else:
        assert page.status_code == 403
        assert response.status_code == 403
    assert row(publication) == before


def try_audit_log(client, expected: str) -> None:
    publication_in_state("published")  # a few events to list
    response = client.get("/admin/speeches/workflowevent/")
    if expected == YES:
        assert response.status_code == 200
    elif expected == LOGIN:
        assert_sent_to_login(response)
    else:
        assert response.status_code == 403


ACTIONS = {
    **{name: partial(try_transition, name=name) for name in TRANSITIONS},
    "edit draft": partial(try_edit, state="draft"),
    "edit published": partial(try_edit, state="published"),
    "delete draft": partial(try_delete, state="draft"),
    "delete published": partial(try_delete, state="published"),
    "view audit log": try_audit_log,
}


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    [
        pytest.param(role, action, expected, id=f"{role}-{action}-{expected}")
        for action, cells in MATRIX.items()
        for role, expected in zip(ROLES, cells, strict=True)
    ],
)
def test_each_role_may_do_what_the_matrix_says_and_nothing_more(
    role, action, expected, client, request
):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    ACTIONS[action](client, expected)


# The same rules, looked at across every state.


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("draft", YES),
        ("in_review", YES),
        ("scheduled", NO),
        ("published", NO),
        ("withdrawn", NO),
    ],
)
def test_authors_edit_an_item_only_until_it_is_published(state, expected, client, author):
    client.force_login(author)
    try_edit(client, expected, state=state)


@pytest.mark.parametrize("state", ["scheduled", "published", "withdrawn"])
def test_an_author_opens_a_published_item_read_only(state, client, author):
    publication = publication_in_state(state)
    client.force_login(author)
    response = client.get(f"/admin/speeches/publication/{publication.pk}/change/")
    assert response.status_code == 200
    assert publication.title_en in response.text
    assert 'name="title_en"' not in response.text


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("draft", YES),
        ("in_review", YES),  # with its history: the submission is in the audit log
        ("scheduled", NO),
        ("published", NO),
        ("withdrawn", NO),
        ("unpublished", NO),
    ],
)
def test_publishers_delete_only_items_that_were_never_published(state, expected, client, publisher):
    client.force_login(publisher)
    try_delete(client, expected, state=state)
