"""Email in the staff admin (speeches/mailing/admin.py): who sees readers' addresses and
the sendings, retrying a sending (its page's button and the list's action, through
``sending.dispatch_retry``), deleting a subscriber (administrators only, through
``subscribing.subscriber_delete``), the counts per facet and language in a fixed number
of queries, each person's notification settings and notices on the staff home.

Every refusal writes nothing: the email tables, the tasks' table and the admin's log are
compared before and after (``tests/test_admin_urls.py`` walks the same URLs with every
other admin URL)."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from speeches.mailing import staff, subscribing
from speeches.models import (
    Delivery,
    Dispatch,
    NotificationSettings,
    Publication,
    StaffNotice,
    Subscriber,
    Subscription,
)
from speeches.publishing import workflow
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    sending_left,
    subscriber_following,
)

pytestmark = pytest.mark.django_db

Choice = subscribing.Choice
Kind = StaffNotice.Kind


def written() -> dict:
    """Every row email's admin could touch: compared before and after a refusal."""
    tables = (
        Subscriber,
        Subscription,
        Dispatch,
        Delivery,
        StaffNotice,
        NotificationSettings,
        DBTaskResult,
        LogEntry,
    )
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in tables}


@pytest.fixture
def desk(db, publisher):
    """Three readers (one confirmed, one waiting, one whose delivery stopped) and a sending
    of an item that reached one, failed for one and is unconfirmed for the last."""
    readers = {
        "ok": subscriber_following("ok@example.org"),
        "waiting": subscriber_following("waiting@example.org", confirmed=False),
        "bounced": subscriber_following("bounced@example.org", stopped=True),
        "failed": subscriber_following("failed@example.org", language="en"),
    }
    item = PublicationFactory(title_en="Statement on the talks")
    dispatch = sending_left(
        item,
        error="421 Try again later",
        sent=[readers["ok"]],
        failed=[readers["failed"]],
        unconfirmed=[readers["bounced"]],
    )
    return {"readers": readers, "dispatch": dispatch, "item": item}


@pytest.fixture
def clients(editor, publisher, translator, administrator):
    """A signed-in client per role (and one signed out)."""
    found = {"anonymous": Client()}
    for role, user in (
        ("editor", editor),
        ("publisher", publisher),
        ("translator", translator),
        ("administrator", administrator),
    ):
        found[role] = Client()
        found[role].force_login(user)
    return found


def urls(desk) -> dict[str, str]:
    reader, dispatch = desk["readers"]["ok"], desk["dispatch"]
    return {
        "subscribers": "/admin/speeches/subscriber/",
        "subscriber": f"/admin/speeches/subscriber/{reader.pk}/change/",
        "subscriber history": f"/admin/speeches/subscriber/{reader.pk}/history/",
        "subscriber delete": f"/admin/speeches/subscriber/{reader.pk}/delete/",
        "overview": "/admin/speeches/subscriber/overview/",
        "sendings": "/admin/speeches/dispatch/",
        "sending": f"/admin/speeches/dispatch/{dispatch.pk}/change/",
        "sending history": f"/admin/speeches/dispatch/{dispatch.pk}/history/",
        "task results": "/admin/django_tasks_database/dbtaskresult/",
        "notification settings": "/admin/notifications/settings/",
    }


# Who sees what (GET), by role: 302 is the sign-in page.
SEEN = {
    "anonymous": {},
    "editor": {"notification settings": 200},
    "translator": {"notification settings": 200},
    "publisher": {
        "subscribers": 200,
        "subscriber": 200,
        "subscriber history": 200,
        "overview": 200,
        "sendings": 200,
        "sending": 200,
        "sending history": 200,
        "notification settings": 200,
    },
    "administrator": {
        "subscribers": 200,
        "subscriber": 200,
        "subscriber history": 200,
        "subscriber delete": 200,
        "overview": 200,
        "sendings": 200,
        "sending": 200,
        "sending history": 200,
        "task results": 200,
        "notification settings": 200,
    },
}


@pytest.mark.parametrize("role", SEEN)
def test_each_role_sees_the_email_pages_its_rights_allow_and_writes_nothing(role, desk, clients):
    before = written()
    for name, url in urls(desk).items():
        answer = clients[role].get(url)
        expected = 302 if role == "anonymous" else SEEN[role].get(name, 403)
        assert answer.status_code == expected, (role, name)
        if role == "anonymous":
            assert answer["Location"].startswith("/admin/login/"), name
    assert written() == before


@pytest.mark.parametrize("role", ["editor", "translator", "publisher", "administrator"])
def test_refused_posts_write_nothing(role, desk, clients):
    """Nobody changes or adds a subscriber or a sending, task results are nobody's to
    change, only administrators delete a subscriber, and a retry is a POST by who may
    change a sending."""
    client = clients[role]
    reader, dispatch = desk["readers"]["ok"], desk["dispatch"]
    before = written()
    refusals = [
        (f"/admin/speeches/subscriber/{reader.pk}/change/", {"email": "x@example.org"}),
        ("/admin/speeches/subscriber/add/", {"email": "x@example.org", "language": "en"}),
        (f"/admin/speeches/dispatch/{dispatch.pk}/change/", {"status": "cancelled"}),
        (f"/admin/speeches/dispatch/{dispatch.pk}/delete/", {"post": "yes"}),
    ]
    if role != "administrator":
        refusals.append((f"/admin/speeches/subscriber/{reader.pk}/delete/", {"post": "yes"}))
    if role in ("editor", "translator"):
        refusals.append((f"/admin/speeches/dispatch/{dispatch.pk}/retry/", {}))
    for url, data in refusals:
        assert client.post(url, data).status_code == 403, (role, url)
    # GETs where a POST is expected are refused as such.
    assert client.get(f"/admin/speeches/dispatch/{dispatch.pk}/retry/").status_code == 405
    assert client.get("/admin/notifications/read/").status_code == 405
    assert written() == before


# Retrying a sending


def test_a_publisher_retries_from_the_sendings_page(
    desk, publisher, clients, django_capture_on_commit_callbacks
):
    dispatch = desk["dispatch"]
    page = clients["publisher"].get(f"/admin/speeches/dispatch/{dispatch.pk}/change/")
    html = page.text
    # The counts by status, the last error, what went wrong with its error, and the button.
    assert page.context["deliveries"].went_wrong_total == 2
    assert "421 Try again later" in html and "550 5.1.1 No such mailbox" in html
    assert "failed@example.org" in html and "bounced@example.org" in html
    assert f'action="/admin/speeches/dispatch/{dispatch.pk}/retry/"' in html
    assert 'name="csrfmiddlewaretoken"' in html.split('class="mail-retry"')[1].split("</form>")[0]

    with django_capture_on_commit_callbacks(execute=True):
        answer = clients["publisher"].post(f"/admin/speeches/dispatch/{dispatch.pk}/retry/")
    assert answer.status_code == 302
    assert answer["Location"] == f"/admin/speeches/dispatch/{dispatch.pk}/change/"
    dispatch.refresh_from_db()
    # The failure goes again; the unconfirmed one was to an address stopped since: not.
    assert dispatch.status == Dispatch.Status.SENDING and dispatch.failed == 0
    assert dispatch.unconfirmed == 1
    statuses = dict(
        Delivery.objects.filter(dispatch=dispatch).values_list("subscriber__email", "status")
    )
    assert statuses == {
        "ok@example.org": "sent",
        "failed@example.org": "queued",
        "bounced@example.org": "unconfirmed",
    }
    # And the worker is asked for it.
    assert DBTaskResult.objects.filter(
        task_path__endswith="send_dispatch", args_kwargs__args=[dispatch.pk]
    ).exists()


def test_a_publisher_retries_from_the_list(desk, clients, django_capture_on_commit_callbacks):
    dispatch = desk["dispatch"]
    quiet = sending_left(desk["item"], language="de", sent=[desk["readers"]["ok"]])
    with django_capture_on_commit_callbacks(execute=True):
        answer = clients["publisher"].post(
            "/admin/speeches/dispatch/",
            {"action": "retry", ACTION_CHECKBOX_NAME: [dispatch.pk, quiet.pk]},
            follow=True,
        )
    assert answer.status_code == 200
    said = [str(message) for message in answer.context["messages"]]
    assert said == [
        "1 sending goes on: 1 messages to send again.",
        "1 sending had nothing to retry.",
    ]
    dispatch.refresh_from_db()
    quiet.refresh_from_db()
    assert dispatch.status == Dispatch.Status.SENDING and dispatch.failed == 0
    assert quiet.status == Dispatch.Status.SENT  # nothing to retry: left alone


def test_an_editor_cannot_retry_by_the_button_or_the_action(desk, clients):
    dispatch = desk["dispatch"]
    before = written()
    button = clients["editor"].post(f"/admin/speeches/dispatch/{dispatch.pk}/retry/")
    action = clients["editor"].post(
        "/admin/speeches/dispatch/", {"action": "retry", ACTION_CHECKBOX_NAME: [dispatch.pk]}
    )
    assert (button.status_code, action.status_code) == (403, 403)
    assert written() == before


def test_who_may_only_look_at_sendings_sees_no_button_no_addresses_and_is_refused(
    desk, django_capture_on_commit_callbacks
):
    """The service checks the permission itself: a page without the button does not
    stop a crafted POST, the service does."""
    watcher = UserFactory(username="watcher", is_staff=True)
    watcher.user_permissions.add(
        Permission.objects.get(content_type__app_label="speeches", codename="view_dispatch")
    )
    client = Client()
    client.force_login(watcher)
    dispatch = desk["dispatch"]
    page = client.get(f"/admin/speeches/dispatch/{dispatch.pk}/change/")
    assert page.status_code == 200
    assert "/retry/" not in page.text
    assert "550 5.1.1 No such mailbox" in page.text  # the errors, not whose they are
    assert "failed@example.org" not in page.text
    assert "retry" not in client.get("/admin/speeches/dispatch/").text
    before = written()
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(f"/admin/speeches/dispatch/{dispatch.pk}/retry/")
        refused_action = client.post(
            "/admin/speeches/dispatch/", {"action": "retry", ACTION_CHECKBOX_NAME: [dispatch.pk]}
        )
    assert refused.status_code == 403
    assert refused_action.status_code == 200  # no action of theirs: the list again
    assert written() == before


def test_no_retry_is_offered_where_there_is_nothing_to_retry(desk, clients):
    done = sending_left(desk["item"], language="de", sent=[desk["readers"]["ok"]])
    cancelled = sending_left(
        desk["item"], language="fr", status=Dispatch.Status.CANCELLED, failed=[]
    )
    for dispatch in (done, cancelled):
        page = clients["administrator"].get(f"/admin/speeches/dispatch/{dispatch.pk}/change/")
        assert page.status_code == 200 and "/retry/" not in page.text
    before = written()
    clients["administrator"].post(f"/admin/speeches/dispatch/{done.pk}/retry/")
    assert written() == before


def test_a_sending_that_gave_up_is_retried_with_its_queue(desk, clients):
    """A sending the mail server kept refusing left its messages queued: retrying it
    resumes them, though none failed one by one."""
    stuck = sending_left(
        desk["item"], language="de", status=Dispatch.Status.FAILED, queued=[desk["readers"]["ok"]]
    )
    page = clients["publisher"].get(f"/admin/speeches/dispatch/{stuck.pk}/change/")
    assert f"/admin/speeches/dispatch/{stuck.pk}/retry/" in page.text
    clients["publisher"].post(f"/admin/speeches/dispatch/{stuck.pk}/retry/")
    stuck.refresh_from_db()
    assert (stuck.status, stuck.attempts) == (Dispatch.Status.SENDING, 0)


def test_the_sendings_list_shows_each_sending_and_filters(desk, clients):
    digest = Dispatch.objects.create(
        kind=Dispatch.Kind.DIGEST,
        day=timezone.localdate() - timedelta(days=1),
        language="ru",
        send_at=timezone.now(),
        status=Dispatch.Status.SCHEDULED,
    )
    page = clients["publisher"].get("/admin/speeches/dispatch/")
    html = page.text
    assert "Statement on the talks" in html and "Daily digest of" in html
    assert 'class="status-badge status-badge--sent"' in html
    assert 'class="status-badge status-badge--scheduled"' in html
    only_digests = clients["publisher"].get("/admin/speeches/dispatch/?kind__exact=digest")
    assert list(only_digests.context["cl"].result_list) == [digest]
    failed = clients["publisher"].get("/admin/speeches/dispatch/?status__exact=failed")
    assert list(failed.context["cl"].result_list) == []


# Subscribers


def test_subscribers_are_filtered_by_what_they_follow(db, clients):
    person, topic = PersonFactory(), TopicFactory()
    subscriber_following("all@example.org")
    subscriber_following(
        "person@example.org", Choice(person_id=person.pk, frequency="daily"), language="ru"
    )
    subscriber_following("topic@example.org", Choice(topic_id=topic.pk), confirmed=False)
    subscriber_following("words@example.org", Choice(query="sanctions"), stopped=True)

    def listed(query: str) -> set[str]:
        page = clients["publisher"].get(f"/admin/speeches/subscriber/?{query}")
        assert page.status_code == 200, query
        return {subscriber.email for subscriber in page.context["cl"].result_list}

    assert listed("follows=everything") == {"all@example.org"}
    assert listed("follows=person") == {"person@example.org"}
    assert listed("follows=search") == {"words@example.org"}
    assert listed("frequency=daily") == {"person@example.org"}
    assert listed("confirmed=no") == {"topic@example.org"}
    assert listed("stopped=yes") == {"words@example.org"}
    assert listed("language__exact=ru") == {"person@example.org"}
    assert listed("q=topic%40") == {"topic@example.org"}
    page = clients["publisher"].get("/admin/speeches/subscriber/")
    assert 'href="/admin/speeches/subscriber/overview/"' in page.text


def test_a_subscribers_page_shows_their_subscriptions_and_never_their_key(db, clients):
    person = PersonFactory(name_en="Maria Zakharova")
    reader = subscriber_following(
        "reader@example.org", Choice(), Choice(person_id=person.pk, frequency="daily")
    )
    page = clients["publisher"].get(f"/admin/speeches/subscriber/{reader.pk}/change/")
    assert "person: Maria Zakharova (daily digest)" in page.text
    assert "everything published (as soon as published)" in page.text
    assert reader.key.hex not in page.text and str(reader.key) not in page.text
    assert 'name="_save"' not in page.text  # nothing to save


def test_an_administrator_deletes_a_subscriber_and_the_log_keeps_no_address(
    desk, clients, administrator
):
    reader = desk["readers"]["failed"]
    answer = clients["administrator"].post(
        f"/admin/speeches/subscriber/{reader.pk}/delete/", {"post": "yes"}
    )
    assert answer.status_code == 302
    assert not Subscriber.objects.filter(pk=reader.pk).exists()
    assert not Delivery.objects.filter(subscriber_id=reader.pk).exists()
    entry = LogEntry.objects.get(object_id=str(reader.pk), user=administrator)
    assert entry.object_repr == f"#{reader.pk}" and "failed@" not in str(entry)

    # And many at once, from the list.
    others = [desk["readers"]["ok"].pk, desk["readers"]["waiting"].pk]
    answer = clients["administrator"].post(
        "/admin/speeches/subscriber/",
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: others, "post": "yes"},
    )
    assert answer.status_code == 302
    assert not Subscriber.objects.filter(pk__in=others).exists()
    assert not LogEntry.objects.filter(object_repr__contains="@").exists()


def test_a_publisher_cannot_delete_a_subscriber(desk, clients, publisher):
    reader = desk["readers"]["ok"]
    before = written()
    single = clients["publisher"].post(
        f"/admin/speeches/subscriber/{reader.pk}/delete/", {"post": "yes"}
    )
    bulk = clients["publisher"].post(
        "/admin/speeches/subscriber/",
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [reader.pk], "post": "yes"},
    )
    assert single.status_code == 403
    assert bulk.status_code == 200  # no action to choose: the list again
    with pytest.raises(PermissionDenied):
        subscribing.subscriber_delete(subscriber=reader, user=publisher)
    assert written() == before


# Subscribers per facet and language


def readers_of_every_facet(round_: int) -> None:
    """Confirmed readers of every facet, both ways, in two languages; a waiting one."""
    kinds = PublicationFactory().type
    person, topic, country = PersonFactory(), TopicFactory(), CountryFactory()
    for language in ("en", "ar"):
        for frequency in ("instant", "daily"):
            tag = f"{round_}.{language}.{frequency}"
            subscriber_following(
                f"{tag}@example.org",
                Choice(frequency=frequency),
                Choice(frequency=frequency, type_id=kinds.pk),
                Choice(frequency=frequency, person_id=person.pk),
                Choice(frequency=frequency, topic_id=topic.pk),
                Choice(frequency=frequency, country_id=country.pk),
                Choice(frequency=frequency, query=f"words {round_}"),
                language=language,
            )
    subscriber_following(f"{round_}.waiting@example.org", confirmed=False)


def test_the_overview_counts_confirmed_subscribers_in_a_fixed_number_of_queries(
    db, clients, django_assert_num_queries
):
    client = clients["publisher"]
    client.get("/admin/")  # the session's clocks start (once per session)
    readers_of_every_facet(1)
    # The session, the user and their groups' rights (4), the languages (2), a GROUP BY
    # per facet (6) and the names of the types, persons, topics and countries (4).
    with django_assert_num_queries(16):
        page = client.get("/admin/speeches/subscriber/overview/")
    overview = page.context["overview"]
    arabic = {line.code: line for line in overview.languages}["ar"]
    assert (arabic.subscribers, arabic.instant, arabic.daily) == (2, 1, 1)
    facets = dict(overview.facets)
    assert [(v.instant, v.daily) for v in facets["Persons"]] == [(2, 2)]
    assert [(v.label, v.instant, v.daily) for v in facets["Search words"]] == [("“words 1”", 2, 2)]
    for round_ in range(2, 6):
        readers_of_every_facet(round_)
    with django_assert_num_queries(16):
        page = client.get("/admin/speeches/subscriber/overview/?language=ar")
    facets = dict(page.context["overview"].facets)
    assert len(facets["Persons"]) == 5
    assert [(v.instant, v.daily) for v in facets["Everything"]] == [(5, 5)]  # Arabic only
    # An unknown language is every language, not an error.
    assert client.get("/admin/speeches/subscriber/overview/?language=xx").status_code == 200


# Notification settings and notices


def test_notification_settings_are_saved_for_oneself_only(db, clients, publisher, administrator):
    staff.settings_save(user=administrator, by_email=True, language="de")
    client = clients["publisher"]
    page = client.get("/admin/notifications/settings/")
    assert page.context["form"].initial == {"how": "email", "language": "en"}
    answer = client.post(
        "/admin/notifications/settings/",
        {"how": "admin", "language": "ar", "user": administrator.pk, "user_id": administrator.pk},
    )
    assert answer.status_code == 302
    mine = NotificationSettings.objects.get(user=publisher)
    assert (mine.by_email, mine.language) == (False, "ar")
    theirs = NotificationSettings.objects.get(user=administrator)
    assert (theirs.by_email, theirs.language) == (True, "de")
    # A language the site does not have is the form again, with nothing saved.
    before = written()
    again = client.post("/admin/notifications/settings/", {"how": "email", "language": "xx"})
    assert again.status_code == 200 and again.context["form"].errors
    assert written() == before
    # The user tools lead there from every page.
    assert 'href="/admin/notifications/settings/"' in client.get("/admin/").text


def test_the_staff_home_lists_ones_unread_notices_newest_first(
    db, clients, editor, publisher, administrator
):
    draft = PublicationFactory(status=Publication.Status.DRAFT, created_by=editor)
    workflow.publication_submit(publication=draft, user=editor, note="Check the quote.")
    later = PublicationFactory(status=Publication.Status.DRAFT, created_by=editor)
    workflow.publication_submit(publication=later, user=editor)
    StaffNotice.objects.filter(publication=draft).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    page = clients["publisher"].get("/admin/")
    notices = page.context["notices"]
    assert notices["total"] == 2
    first, second = notices["entries"]
    assert first.url == f"/admin/speeches/publication/{later.pk}/workflow/publish/"
    assert second.comment == "Check the quote." and second.who == "editor"
    assert f"“{draft}” waits for your review." in page.text
    assert "Check the quote." in page.text
    assert 'action="/admin/notifications/read/"' in page.text
    # Someone else's notices are not one's own: the author has none.
    assert clients["editor"].get("/admin/").context["notices"]["total"] == 0

    answer = clients["publisher"].post(
        "/admin/notifications/read/", {"notice": [e.id for e in notices["entries"]]}
    )
    assert answer.status_code == 302 and answer["Location"] == "/admin/"
    assert clients["publisher"].get("/admin/").context["notices"]["total"] == 0
    # The administrator's notices of the same items are still unread.
    assert StaffNotice.objects.filter(user=administrator, read_at__isnull=True).count() == 2


def test_marking_read_never_reaches_another_persons_notices(db, clients, publisher, administrator):
    item = PublicationFactory()
    (theirs,) = staff.notify([administrator], kind=Kind.PUBLISHED, publication=item)
    clients["publisher"].post("/admin/notifications/read/", {"notice": [theirs.pk]})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_notices_cost_one_query_whatever_their_number_and_kind(
    db, clients, administrator, editor
):
    """Each kind of notice, once and ten times: the same queries on the staff home."""
    from tests.helpers import queries_for

    def one_of_each():
        item = PublicationFactory(languages=("en", "de"))
        dispatch = sending_left(item, sent=[])
        for kind in (Kind.SUBMITTED, Kind.SENT_BACK, Kind.PUBLISHED):
            staff.notify([administrator], kind=kind, actor=editor, publication=item, comment="c")
        staff.notify([administrator], kind=Kind.OUTDATED, publication=item, language="de")
        staff.notify([administrator], kind=Kind.SENDING_FAILED, dispatch=dispatch)

    client = clients["administrator"]
    client.get("/admin/")  # the session's clocks start (once per session)
    one_of_each()
    with_one = queries_for(client, "/admin/")
    for _round in range(9):
        one_of_each()
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/admin/")
    assert len(queries) == with_one
    assert page.context["notices"]["total"] == 50
    assert "and 30 more" in page.text
