"""Readers' emails: which sendings an item makes, whom each reaches, and the rules they
follow (the public rule at the second, once per recipient, bounces, retries, digests).

The worker's process and the SMTP server end to end are tests/test_mail_worker.py's;
here the sending runs in the test's own process (``sending.send``), through Django's
test mailbox or a real SMTP server on the loopback where the server's answers matter.
"""

from __future__ import annotations

import base64
import datetime
import json
import sys
import types
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import include, path
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from speeches.languages import translating
from speeches.mailing import digests, matching, sending, subscribing
from speeches.mailing.sink import Sink
from speeches.models import (
    Delivery,
    Dispatch,
    Publication,
    StaffNotice,
    Subscriber,
)
from speeches.publishing import workflow
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    subscriber_following,
)

pytestmark = pytest.mark.django_db

Choice = subscribing.Choice


@pytest.fixture
def author():
    return UserFactory(username="author", is_staff=True, groups=["Editors"])


@pytest.fixture
def publisher():
    return UserFactory(username="publisher", is_staff=True, groups=["Publishers"])


def in_review(author, **fields) -> Publication:
    publication = PublicationFactory(status=Publication.Status.DRAFT, **fields)
    workflow.publication_submit(publication=publication, user=author)
    return publication


def publish(publication, publisher, django_capture_on_commit_callbacks) -> list[Dispatch]:
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publication_publish(publication=publication, user=publisher)
    return list(Dispatch.objects.filter(publication=publication).order_by("language"))


def send_all() -> None:
    for pk in Dispatch.objects.filter(status__in=sending.OPEN).values_list("pk", flat=True):
        sending.send(pk)


# Releases


def test_publishing_makes_one_sending_per_version_readers_see(
    author, publisher, django_capture_on_commit_callbacks
):
    publication = in_review(author, languages=("en", "ru", "fr"))
    # The French version is not ready: no sending for it, and none of its text anywhere.
    publication.versions.filter(language="fr").update(status="in_progress")
    dispatches = publish(publication, publisher, django_capture_on_commit_callbacks)
    assert [(d.language, d.status) for d in dispatches] == [
        ("en", "scheduled"),
        ("ru", "scheduled"),
    ]
    tasks = DBTaskResult.objects.filter(task_path="speeches.mailing.tasks.send_dispatch")
    assert sorted(t.args_kwargs["args"][0] for t in tasks) == [d.pk for d in dispatches]

    # A translation marked ready later is released then, for its language only.
    with django_capture_on_commit_callbacks(execute=True):
        translating.translation_mark_ready(publication=publication, language="fr", user=publisher)
    assert Dispatch.objects.get(publication=publication, language="fr").status == "scheduled"
    # Marking it again, or publishing again, never makes a second sending.
    with django_capture_on_commit_callbacks(execute=True):
        sending.release(publication_id=publication.pk)
    assert Dispatch.objects.filter(publication=publication).count() == 3


def test_an_embargoed_item_is_sent_at_its_second_and_not_before(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox
):
    subscriber_following("ann@example.org")
    publication = in_review(author, title_en="Embargoed statement")
    at = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publication_schedule(publication=publication, user=publisher, at=at)
    dispatch = Dispatch.objects.get(publication=publication)
    assert dispatch.send_at == at
    task = DBTaskResult.objects.get(task_path="speeches.mailing.tasks.send_dispatch")
    assert task.run_after == at

    with time_machine.travel(at - timedelta(seconds=1), tick=False):
        sending.send(dispatch.pk)  # a task run early (or a stale one) sends nothing
    assert mailoutbox == []
    assert not Delivery.objects.exists()
    with time_machine.travel(at, tick=False):
        sending.send(dispatch.pk)
    assert [message.to for message in mailoutbox] == [["ann@example.org"]]
    assert mailoutbox[0].subject == "Embargoed statement"


def test_unscheduled_withdrawn_or_moved_before_its_second(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox
):
    subscriber_following("ann@example.org")
    at = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    items = {}
    for name in ("unscheduled", "moved"):
        items[name] = in_review(author, title_en=name)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.publication_schedule(publication=items[name], user=publisher, at=at)
    workflow.publication_unschedule(publication=items["unscheduled"], user=publisher)
    later = at + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publication_schedule(publication=items["moved"], user=publisher, at=later)
    assert Dispatch.objects.get(publication=items["moved"]).send_at == later

    with time_machine.travel(at + timedelta(seconds=1), tick=False):
        send_all()
    assert mailoutbox == []
    assert Dispatch.objects.get(publication=items["unscheduled"]).status == "cancelled"
    assert Dispatch.objects.get(publication=items["moved"]).status == "scheduled"
    with time_machine.travel(later, tick=False):
        send_all()
    assert [message.subject for message in mailoutbox] == ["moved"]

    # Scheduled again after being unscheduled: the cancelled sending goes at the new time.
    again = later + timedelta(hours=1)
    with (
        time_machine.travel(later + timedelta(minutes=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publication = items["unscheduled"]
        workflow.publication_submit(publication=publication, user=author)
        workflow.publication_schedule(publication=publication, user=publisher, at=again)
    with time_machine.travel(again, tick=False):
        send_all()
    assert [message.subject for message in mailoutbox] == ["moved", "unscheduled"]


def test_an_item_withdrawn_before_its_sending_is_not_sent(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox
):
    subscriber_following("ann@example.org")
    publication = in_review(author)
    [dispatch] = publish(publication, publisher, django_capture_on_commit_callbacks)
    workflow.publication_withdraw(publication=publication, user=publisher, explanation="Wrong")
    sending.send(dispatch.pk)
    assert mailoutbox == []
    dispatch.refresh_from_db()
    assert dispatch.status == "cancelled"


# Whom a sending reaches


def test_each_subscription_matches_by_its_facets_and_language(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox
):
    person, other_person = PersonFactory(), PersonFactory()
    topic, country = TopicFactory(), CountryFactory(code="DE")
    publication = in_review(
        author, languages=("en", "ru"), title_en="Talks on Arctic shipping", title_ru="Арктика"
    )
    publication.speakers.add(person)
    publication.topics.add(topic)
    publication.countries.add(country)
    subscriber_following("all@example.org")
    subscriber_following("type@example.org", Choice(type_id=publication.type_id))
    subscriber_following("person@example.org", Choice(person_id=person.pk))
    subscriber_following(
        "topic-and-country@example.org", Choice(topic_id=topic.pk, country_id=country.pk)
    )
    subscriber_following("search@example.org", Choice(query="arctic"))
    subscriber_following("ru@example.org", language="ru")
    # None of these:
    subscriber_following("other-person@example.org", Choice(person_id=other_person.pk))
    subscriber_following("other-search@example.org", Choice(query="antarctica"))
    subscriber_following("waiting@example.org", confirmed=False)
    subscriber_following("de@example.org", language="de")
    subscriber_following("bounced@example.org", stopped=True)
    subscriber_following("daily@example.org", Choice(frequency="daily"))
    # Two subscriptions matching one item: one email.
    subscriber_following("all@example.org", Choice(topic_id=topic.pk))

    publish(publication, publisher, django_capture_on_commit_callbacks)
    send_all()
    assert sorted(message.to[0] for message in mailoutbox) == [
        "all@example.org",
        "person@example.org",
        "ru@example.org",
        "search@example.org",
        "topic-and-country@example.org",
        "type@example.org",
    ]
    russian = next(m for m in mailoutbox if m.to == ["ru@example.org"])
    assert russian.subject == "Арктика"


def test_the_recipients_are_listed_in_one_statement_whatever_their_number(
    author, publisher, django_capture_on_commit_callbacks, django_assert_num_queries
):
    publication = in_review(author)
    [dispatch] = publish(publication, publisher, django_capture_on_commit_callbacks)
    for count in (3, 30):
        Subscriber.objects.all().delete()
        Delivery.objects.all().delete()
        for number in range(count):
            subscriber_following(f"reader{number}@example.org")
        ids = matching.subscriber_ids_for(publication, language="en", frequency="instant")
        with django_assert_num_queries(1):
            assert sending.insert_deliveries(dispatch, ids) == count


# What an email is


@pytest.mark.parametrize(
    ("language", "title"),
    [("ru", "Заявление МИД России о ситуации"), ("ar", "بيان وزارة الخارجية")],
)
def test_subjects_and_bodies_in_any_script_are_encoded_as_mail_wants(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox, language, title
):
    subscriber_following("reader@example.org", language=language)
    publication = in_review(
        author, languages=("en", language), title_en="Statement", **{f"title_{language}": title}
    )
    publish(publication, publisher, django_capture_on_commit_callbacks)
    send_all()
    [message] = mailoutbox
    raw = message.message().as_bytes()
    headers = raw.split(b"\n\n", 1)[0]
    assert headers.isascii()  # RFC 2047 encoded words, no raw UTF-8 in headers
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == title
    html = parsed.get_body(("html",)).get_content()
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")
    assert title in parsed.get_body(("plain",)).get_content()
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"/{language}/unsubscribe/" in parsed["List-Unsubscribe"]
    assert parsed["Message-ID"].strip() == Delivery.objects.get().message_id


def test_the_links_of_an_email_are_the_recipients_own(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox
):
    ann, ben = subscriber_following("ann@example.org"), subscriber_following("ben@example.org")
    publish(in_review(author), publisher, django_capture_on_commit_callbacks)
    send_all()
    for message in mailoutbox:
        subscriber = ann if message.to == ["ann@example.org"] else ben
        token = subscribing.link_token(subscriber)
        assert f"/en/unsubscribe/{token}/" in message.extra_headers["List-Unsubscribe"]
        assert f"/en/subscriptions/{token}/" in message.body
        assert subscribing.subscriber_from(token) == subscriber
    assert subscribing.subscriber_from(subscribing.link_token(ann) + "x") is None


# The mail server's answers


@pytest.fixture
def smtp(settings):
    with Sink(refuse=frozenset({"gone@example.org"})) as sink:
        settings.EMAIL_BACKEND = "speeches.mailing.backends.SMTPBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield sink


def test_an_address_the_server_refuses_fails_and_counts_as_a_bounce(
    author, publisher, django_capture_on_commit_callbacks, smtp, settings
):
    settings.MAIL_BOUNCE_LIMIT = 2
    gone = subscriber_following("gone@example.org")
    subscriber_following("ann@example.org")
    for number in range(2):
        publish(
            in_review(author, title_en=f"Item {number}"),
            publisher,
            django_capture_on_commit_callbacks,
        )
        send_all()
    assert smtp.per_recipient() == {"ann@example.org": 2}
    gone.refresh_from_db()
    assert gone.bounces == 2 and gone.suppressed_at is not None
    failed = Delivery.objects.filter(status="failed")
    assert failed.count() == 2 and all(d.error.startswith("550") for d in failed)
    assert Dispatch.objects.filter(failed=1, sent=1).count() == 2

    # Delivery has stopped: the next item leaves the address out.
    publish(in_review(author, title_en="Third"), publisher, django_capture_on_commit_callbacks)
    send_all()
    assert smtp.per_recipient() == {"ann@example.org": 3}


def test_a_mail_server_that_is_down_is_tried_again_then_administrators_are_told(
    author, publisher, django_capture_on_commit_callbacks, settings, mailoutbox
):
    administrator = UserFactory(username="admin", is_staff=True, groups=["Administrators"])
    subscriber_following("ann@example.org")
    [dispatch] = publish(in_review(author), publisher, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "speeches.mailing.backends.SMTPBackend"
    from speeches.mailing.sink import free_port

    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.EMAIL_TIMEOUT = 2
    DBTaskResult.objects.all().delete()
    for attempt in range(1, len(settings.MAIL_RETRY_MINUTES) + 1):
        with django_capture_on_commit_callbacks(execute=True):
            assert sending.send(dispatch.pk) == "sending"
        dispatch.refresh_from_db()
        assert dispatch.attempts == attempt and "ConnectionRefused" in dispatch.last_error
        retry = DBTaskResult.objects.order_by("enqueued_at").last()
        wait = settings.MAIL_RETRY_MINUTES[attempt - 1]
        assert retry.run_after - timezone.now() > timedelta(minutes=wait) - timedelta(seconds=5)
    assert Delivery.objects.get().status == "queued"  # nothing was handed over
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.send(dispatch.pk) == "failed"
    dispatch.refresh_from_db()
    assert dispatch.status == "failed"
    [notice] = StaffNotice.objects.filter(kind="sending_failed")
    assert notice.user == administrator and notice.dispatch == dispatch

    # An editor may not retry it; a publisher may, and it goes.
    editor = UserFactory(username="editor", is_staff=True, groups=["Editors"])
    with pytest.raises(PermissionDenied):
        sending.dispatch_retry(dispatch=dispatch, user=editor)
    dispatch.refresh_from_db()
    assert dispatch.status == "failed"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        sending.dispatch_retry(dispatch=dispatch, user=publisher)
    sending.send(dispatch.pk)
    dispatch.refresh_from_db()
    assert dispatch.status == "sent" and dispatch.sent == 1
    assert [m.to for m in mailoutbox if m.to == ["ann@example.org"]] == [["ann@example.org"]]


# Daily digests


def test_a_daily_digest_lists_the_days_items_each_reader_follows(
    author, publisher, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.MAIL_DIGEST_HOUR = 7
    topic = TopicFactory()
    subscriber_following("all@example.org", Choice(frequency="daily"))
    subscriber_following("topic@example.org", Choice(frequency="daily", topic_id=topic.pk))
    subscriber_following("instant@example.org")
    day = timezone.localtime().date() - datetime.timedelta(days=1)
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    with time_machine.travel(noon, tick=False):
        first = in_review(author, title_en="First of the day")
        first.topics.add(topic)
        publish(first, publisher, django_capture_on_commit_callbacks)
        publish(in_review(author, title_en="Second"), publisher, django_capture_on_commit_callbacks)
        send_all()
    assert sorted(m.to[0] for m in mailoutbox) == ["instant@example.org"] * 2
    mailoutbox.clear()

    morning = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(7, 30))
    )
    with time_machine.travel(morning, tick=False):
        assert digests.make_due() == len(settings.LANGUAGES)
        assert digests.make_due() == 0  # one per day and language
        send_all()
    by_reader = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_reader) == ["all@example.org", "topic@example.org"]
    assert "First of the day" in by_reader["all@example.org"].body
    assert "Second" in by_reader["all@example.org"].body
    assert "Second" not in by_reader["topic@example.org"].body
    assert by_reader["topic@example.org"].extra_headers["List-Unsubscribe-Post"]


# A provider's reports


def test_a_providers_bounce_and_complaint_reports_reach_the_subscribers(client, settings):
    """Postmark's tracking webhook, as django-anymail serves it when
    ANYMAIL_WEBHOOK_SECRET is set (pressoffice/urls.py), with its real payloads."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "provider:secret-words"}
    settings.MAIL_BOUNCE_LIMIT = 2
    urls = types.ModuleType("provider_webhook_urls")
    urls.urlpatterns = [path("mail/events/", include("anymail.urls"))]
    sys.modules[urls.__name__] = urls
    settings.ROOT_URLCONF = urls.__name__
    bouncing = subscriber_following("bouncing@example.org")
    complaining = subscriber_following("complaining@example.org")
    credentials = base64.b64encode(b"provider:secret-words").decode()

    def report(payload: dict, *, authorised: bool = True):
        headers = {"HTTP_AUTHORIZATION": f"Basic {credentials}"} if authorised else {}
        return client.post(
            "/mail/events/postmark/tracking/",
            data=json.dumps(payload),
            content_type="application/json",
            **headers,
        )

    bounce = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": "bouncing@example.org",
        "BouncedAt": "2026-12-07T10:00:00Z",
        "Description": "The server was unable to deliver your message",
        "Details": "smtp;550 5.1.1 user unknown",
    }
    assert report(bounce, authorised=False).status_code == 400
    bouncing.refresh_from_db()
    assert bouncing.bounces == 0  # an unsigned report changes nothing
    assert report(bounce).status_code == 200
    assert report(bounce).status_code == 200
    bouncing.refresh_from_db()
    assert bouncing.bounces == 2 and bouncing.suppressed_at is not None

    complaint = {
        "RecordType": "SpamComplaint",
        "MessageID": "00000000-0000-0000-0000-000000000000",
        "Email": "complaining@example.org",
        "BouncedAt": "2026-12-07T10:00:00Z",
        "Type": "SpamComplaint",
        "TypeCode": 512,
    }
    assert report(complaint).status_code == 200
    assert not Subscriber.objects.filter(pk=complaining.pk).exists()


def test_a_confirmation_link_confirms_what_its_email_listed_and_revives_a_bounced_address():
    with time_machine.travel(timezone.now() - timedelta(minutes=5), tick=False):
        subscriber, _sent = subscribing.subscribe(
            email="ann@example.org", language="en", choice=subscribing.Choice()
        )
        token = subscribing.confirmation_token(subscriber)
    subscriber.bounces, subscriber.suppressed_at = 3, timezone.now()
    subscriber.save()
    topic = TopicFactory()
    # Added by someone after the email went out: not confirmed by its link.
    subscribing.subscribe(
        email="ann@example.org", language="en", choice=subscribing.Choice(topic_id=topic.pk)
    )
    assert subscribing.confirm(token) == subscriber
    subscriber.refresh_from_db()
    assert subscriber.suppressed_at is None and subscriber.bounces == 0
    assert [
        (s.topic_id, s.confirmed_at is not None) for s in subscriber.subscriptions.order_by("pk")
    ] == [(None, True), (topic.pk, False)]
    assert subscribing.confirm(token + "x") is None


def test_a_confirmation_the_mail_server_did_not_take_is_asked_for_again_later(settings):
    from speeches.mailing import tasks
    from speeches.mailing.sink import free_port

    settings.EMAIL_BACKEND = "speeches.mailing.backends.SMTPBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    subscriber, _sent = subscribing.subscribe(
        email="ann@example.org", language="en", choice=subscribing.Choice()
    )
    DBTaskResult.objects.all().delete()
    for attempt, wait in enumerate(settings.MAIL_RETRY_MINUTES):
        with pytest.raises(ConnectionRefusedError):
            tasks.send_confirmation.call(subscriber.pk, attempt=attempt)
        again = DBTaskResult.objects.get()
        assert again.args_kwargs == {"args": [subscriber.pk], "kwargs": {"attempt": attempt + 1}}
        assert again.run_after - timezone.now() > timedelta(minutes=wait, seconds=-5)
        again.delete()
    with pytest.raises(ConnectionRefusedError):
        tasks.send_confirmation.call(subscriber.pk, attempt=len(settings.MAIL_RETRY_MINUTES))
    assert not DBTaskResult.objects.exists()  # given up, and logged
