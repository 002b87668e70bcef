"""``manage.py benchmark_mail``: one publication to many subscribers, through the real
worker to a real SMTP server on the loopback; the time, the workers' peak memory, the
throughput, and a check that each subscriber got exactly one message.

It writes its subscribers (``bench-…@example.invalid``) and its publication into the
configured database and deletes them afterwards: run it on a database of its own (the
README shows how).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from speeches.mailing import sending
from speeches.mailing.sink import Sink
from speeches.models import (
    Delivery,
    Dispatch,
    Publication,
    PublicationType,
    Subscriber,
    Subscription,
)
from speeches.publishing import services

DOMAIN = "example.invalid"
REFERENCE = "BENCHMARK-MAIL"
ROOT = Path(__file__).resolve().parents[3]


def _peak_memory_kib(pid: int) -> int:
    """A process's peak resident memory so far (Linux's VmHWM), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


class Command(BaseCommand):
    help = "Time sending one publication to many subscribers through the worker and SMTP."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=100_000)
        parser.add_argument("--workers", type=int, default=1)
        parser.add_argument("--batch", type=int, default=100, help="MAIL_BATCH_SIZE")
        parser.add_argument("--timeout", type=int, default=3600, help="seconds")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args, subscribers, workers, batch, timeout, **options):
        self._clean()  # what an interrupted run left
        started = time.monotonic()
        self._subscribers(subscribers)
        listed = time.monotonic() - started
        with Sink(keep_data=False) as sink:
            processes = [self._worker(sink, batch, workers) for _n in range(workers)]
            try:
                time.sleep(3)  # the workers start (Django's setup) before the clock does
                publication = self._publication()
                began = time.monotonic()
                with transaction.atomic():
                    [dispatch] = sending.release(publication_id=publication.pk)
                dispatch = self._wait(dispatch, began + timeout)
                elapsed = time.monotonic() - began
                peak = [_peak_memory_kib(process.pid) for process in processes]
                time.sleep(0.5)
            finally:
                for process in processes:
                    process.terminate()
                for process in processes:
                    process.wait(timeout=30)
            received = sink.per_recipient()
            messages = len(sink.received)
        expected = {f"bench-{n:06d}@{DOMAIN}" for n in range(subscribers)}
        figures = {
            "subscribers": subscribers,
            "workers": workers,
            "batch": batch,
            "database": self._database(),
            "status": dispatch.status,
            "seconds": round(elapsed, 1),
            "messages_per_second": round(messages / elapsed, 1) if elapsed else 0,
            "worker_peak_rss_mib": [round(kib / 1024, 1) for kib in peak],
            "subscribers_written_seconds": round(listed, 1),
            "messages_received": messages,
            "missing": len(expected - set(received)),
            "duplicates": sum(count - 1 for count in received.values() if count > 1),
            "unexpected": len(set(received) - expected),
            "deliveries_sent": Delivery.objects.filter(dispatch=dispatch, status="sent").count(),
        }
        self._clean()
        if options["json"]:
            self.stdout.write(json.dumps(figures))
        else:
            for name, value in figures.items():
                self.stdout.write(f"{name:>28}: {value}")
        if figures["missing"] or figures["duplicates"] or dispatch.status != "sent":
            raise CommandError("Not every subscriber got exactly one message.")

    def _database(self) -> str:
        from django.db import connection

        return connection.vendor

    def _subscribers(self, count: int) -> None:
        now = timezone.now()
        for start in range(0, count, 5000):
            numbers = range(start, min(count, start + 5000))
            made = Subscriber.objects.bulk_create(
                [
                    Subscriber(email=f"bench-{n:06d}@{DOMAIN}", language="en", confirmed_at=now)
                    for n in numbers
                ]
            )
            Subscription.objects.bulk_create(
                [Subscription(subscriber=s, confirmed_at=now) for s in made]
            )

    def _publication(self) -> Publication:
        kind, _created = PublicationType.objects.get_or_create(
            code="statement", defaults={"name_en": "Statement", "plural_name_en": "Statements"}
        )
        publication = Publication(
            type=kind,
            status=Publication.Status.PUBLISHED,
            published_at=timezone.now(),
            original_language="en",
            title_en="Benchmark: statement to every subscriber",
            lead_en="The press office's statement on the benchmark's results.",
            body_en="<p>" + "The text of the statement. " * 60 + "</p>",
            reference=REFERENCE,
        )
        return services.publication_save(publication=publication, user=None)

    def _worker(self, sink: Sink, batch: int, workers: int) -> subprocess.Popen:
        environment = {
            **os.environ,
            "EMAIL_URL": sink.url,
            "EMAIL_BACKEND": "",
            "MAIL_BATCH_SIZE": str(batch),
            "MAIL_SENDERS": str(workers),
        }
        return subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--no-reload", "--interval=0.2", "-v0"],
            cwd=ROOT,
            env=environment,
        )

    def _wait(self, dispatch: Dispatch, deadline: float) -> Dispatch:
        while time.monotonic() < deadline:
            dispatch.refresh_from_db()
            if dispatch.status in (Dispatch.Status.SENT, Dispatch.Status.FAILED):
                return dispatch
            time.sleep(0.2)
        raise CommandError("The sending did not finish in time.")

    def _clean(self) -> None:
        Subscriber.objects.filter(email__endswith=f"@{DOMAIN}").delete()
        Publication.objects.filter(reference=REFERENCE).delete()
