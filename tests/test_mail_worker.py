"""Readers' emails end to end: a real SMTP server on the loopback (aiosmtpd), the real
worker (``manage.py worker``, a process of its own on this test's database), on SQLite
and on PostgreSQL.

Subscribe → confirm → an item scheduled 3 s ahead arrives after its second and not
before; unscheduled before its second, nothing is sent; the one-click unsubscribe of
RFC 8058 is a POST to the ``List-Unsubscribe`` address; a worker killed mid-batch and
started again leaves every subscriber with exactly one message.

A module of transactional tests: the worker reads what the test commits.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import timedelta
from email.header import decode_header, make_header
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from speeches.mailing import subscribing
from speeches.mailing.sink import Sink
from speeches.models import Delivery, Dispatch, Subscriber, Subscription
from speeches.publishing import workflow
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
CLAIM_SECONDS = 2


def _worker_environment(sink: Sink) -> dict[str, str]:
    """The worker's settings: this test's database and the sink as its mail server."""
    database = connection.settings_dict
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    if connection.vendor == "sqlite":
        environment["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        for name, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
            if database.get(name):
                environment[variable] = str(database[name])
        environment["DATABASE_URL"] = f"postgres://{database['USER']}@/{database['NAME']}"
    environment.update(
        EMAIL_URL=sink.url,
        EMAIL_BACKEND="",
        MAIL_CLAIM_SECONDS=str(CLAIM_SECONDS),
        MAIL_BATCH_SIZE="10",
        SITE_URL="http://testserver",
        DEBUG="0",
    )
    return environment


class Worker:
    """``manage.py worker`` in a process of its own, started and killed at will."""

    def __init__(self, sink: Sink, log: Path):
        self.environment = _worker_environment(sink)
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> Worker:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval=0.1",
            ],
            cwd=ROOT,
            env=self.environment,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as a crash or an OOM kill."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def sink():
    with Sink() as running:
        yield running


@pytest.fixture
def worker(sink, tmp_path):
    running = Worker(sink, tmp_path / "worker.log").start()
    yield running
    running.stop()


def _subscribe_and_confirm(sink: Sink, addresses: dict[str, str], **choice) -> None:
    """Each address subscribes; the confirmation arrives through the worker and the SMTP
    server, and its link (POSTed, as its page's button does) confirms it."""
    before = len(sink.received)
    for email, language in addresses.items():
        subscribing.subscribe(email=email, language=language, choice=subscribing.Choice(**choice))
    assert sink.wait_for(before + len(addresses), timeout=60), "no confirmation emails"
    client = Client()
    for received in sink.received[before:]:
        text = received.message().get_body(("plain",)).get_content()
        link = re.search(r"http://testserver(/\S+/subscribe/confirm/\S+/)", text)
        assert link, text
        client.post(link.group(1))
    assert Subscriber.objects.filter(
        email__in=list(addresses), confirmed_at__isnull=False
    ).count() == len(addresses)


def _in_review(**fields):
    author = UserFactory(username="author", is_staff=True, groups=["Editors"])
    publication = PublicationFactory(status="draft", **fields)
    workflow.publication_submit(publication=publication, user=author)
    return publication


def _publisher():
    return UserFactory(username="publisher", is_staff=True, groups=["Publishers"])


def _subject(received) -> str:
    return str(make_header(decode_header(received.message()["Subject"])))


def test_an_item_scheduled_three_seconds_ahead_arrives_after_its_second(sink, worker):
    _subscribe_and_confirm(
        sink,
        {"ann@example.org": "en", "ben@example.org": "en", "vera@example.org": "ru"},
    )
    confirmations = len(sink.received)
    publication = _in_review(title_en="Statement on the Arctic Council")
    at = timezone.now().replace(microsecond=0) + timedelta(seconds=4)
    workflow.publication_schedule(publication=publication, user=_publisher(), at=at)
    assert at - timezone.now() >= timedelta(seconds=2)  # scheduled ahead indeed

    assert sink.wait_for(confirmations + 2, timeout=60)
    time.sleep(1.5)  # nothing more comes: no Russian version, no second copy
    arrived = sink.received[confirmations:]
    assert sorted(item.recipients for item in arrived) == [
        ("ann@example.org",),
        ("ben@example.org",),
    ]
    assert all(item.at >= at.timestamp() for item in arrived), "sent before its second"
    assert all(item.at < at.timestamp() + 15 for item in arrived)

    message = arrived[0].message()
    assert _subject(arrived[0]) == "Statement on the Arctic Council"
    assert message["Date"] and message["From"] and message["Message-ID"]
    delivery = Delivery.objects.get(message_id=message["Message-ID"])
    assert delivery.status == Delivery.Status.SENT
    assert delivery.subscriber.email == arrived[0].recipients[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip()
    assert re.fullmatch(r"<http://testserver/en/unsubscribe/\S+/>", unsubscribe)
    html = message.get_body(("html",)).get_content()
    assert 'lang="en"' in html and publication.get_absolute_url("en") in html
    dispatch = Dispatch.objects.get(publication=publication, language="en")
    assert (dispatch.status, dispatch.recipients, dispatch.sent) == ("sent", 2, 2)


def test_unscheduled_before_its_second_nothing_is_sent(sink, worker):
    _subscribe_and_confirm(sink, {"ann@example.org": "en"})
    confirmations = len(sink.received)
    publication = _in_review(title_en="Visit postponed")
    publisher = _publisher()
    at = timezone.now().replace(microsecond=0) + timedelta(seconds=3)
    workflow.publication_schedule(publication=publication, user=publisher, at=at)
    workflow.publication_unschedule(publication=publication, user=publisher, reason="Postponed")

    time.sleep(max(0, at.timestamp() - time.time()) + 3)
    assert len(sink.received) == confirmations
    dispatch = Dispatch.objects.get(publication=publication, language="en")
    assert dispatch.status == Dispatch.Status.CANCELLED
    assert not Delivery.objects.filter(dispatch=dispatch).exists()


def test_one_click_unsubscribe_is_a_post_to_the_list_unsubscribe_address(sink, worker):
    _subscribe_and_confirm(sink, {"ann@example.org": "en"}, topic_id=None)
    confirmations = len(sink.received)
    publication = _in_review(title_en="Press release")
    workflow.publication_publish(publication=publication, user=_publisher())
    assert sink.wait_for(confirmations + 1, timeout=60)
    message = sink.received[-1].message()
    address = urlsplit(message["List-Unsubscribe"].strip().strip("<>"))

    # As a mail provider sends it: no cookie, no CSRF token, RFC 8058's body.
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        address.path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="ann@example.org").exists()
    assert not Subscription.objects.exists() and not Delivery.objects.exists()


@pytest.mark.parametrize("moment", ["while the server takes a message", "between messages"])
def test_a_worker_killed_mid_batch_leaves_everyone_exactly_one_message(tmp_path, moment):
    """Killed with SIGKILL in the middle of a batch, at the worst moment (the server has a
    message whose acceptance the worker never hears of) or between two messages; started
    again, the worker finishes the sending: each subscriber has exactly one message."""
    count, kill_at = 45, 17
    killed = []

    def kill(number: int) -> None:
        if number == kill_at and not killed:
            worker.kill()
            killed.append(number)

    with Sink(on_data=kill if moment.startswith("while") else None) as sink:
        if moment == "between messages":
            # A message's RCPT, after the one before was accepted and before this one is.
            original = sink.handle_RCPT

            async def handle_RCPT(server, session, envelope, address, rcpt_options):
                if len(sink.received) == kill_at and not killed:
                    worker.kill()
                    killed.append(kill_at)
                return await original(server, session, envelope, address, rcpt_options)

            sink.handle_RCPT = handle_RCPT
        addresses = {f"reader{n:03d}@example.org": "en" for n in range(count)}
        for email in addresses:
            subscriber = Subscriber.objects.create(
                email=email, language="en", confirmed_at=timezone.now()
            )
            Subscription.objects.create(subscriber=subscriber, confirmed_at=timezone.now())
        publication = _in_review(title_en="Statement")
        worker = Worker(sink, tmp_path / "worker.log").start()
        try:
            workflow.publication_publish(publication=publication, user=_publisher())
            deadline = time.monotonic() + 60
            while not killed and time.monotonic() < deadline:
                time.sleep(0.05)
            assert killed, "the worker was never killed"
            assert worker.process.returncode == -signal.SIGKILL
            assert len(sink.received) < count  # mid-batch indeed

            worker.start()  # as a supervisor restarts it
            deadline = time.monotonic() + 90
            dispatch = Dispatch.objects.get(publication=publication)
            while time.monotonic() < deadline:
                dispatch.refresh_from_db()
                if dispatch.status == Dispatch.Status.SENT:
                    break
                time.sleep(0.2)
            assert dispatch.status == Dispatch.Status.SENT, (tmp_path / "worker.log").read_text()
            time.sleep(0.5)
        finally:
            worker.stop()

        received = sink.per_recipient()
        assert set(received) == set(addresses)
        assert set(received.values()) == {1}, {a: n for a, n in received.items() if n != 1}
        assert len(sink.received) == count
    statuses = dict(
        Delivery.objects.filter(dispatch=dispatch).values_list("status").annotate(Count("id"))
    )
    # The message the server took last before the worker died: its "sent" was still to be
    # written, so it is unconfirmed, counted and not sent again; the batch's others went.
    assert statuses == {"sent": count - 1, "unconfirmed": 1}
    assert (dispatch.sent, dispatch.unconfirmed) == (count - 1, 1)
    # The killed worker's task is not left running: the worker started again marked it
    # failed and asked for it again, and that task ended.
    results = DBTaskResult.objects.filter(task_path__endswith="send_dispatch")
    assert not results.filter(status=TaskResultStatus.RUNNING).exists()
    died = results.get(status=TaskResultStatus.FAILED)
    assert died.exception_class_path == "speeches.mailing.tasks.WorkerDied"
    assert "Took up 1 task(s) of dead workers" in (tmp_path / "worker.log").read_text()
