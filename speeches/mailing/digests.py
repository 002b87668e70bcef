"""Daily digests: each morning (``MAIL_DIGEST_HOUR``, in ``TIME_ZONE``), one email per
subscriber with daily subscriptions, listing the day before's items that match them.

The day's items are those its sendings announced in the language (``Dispatch`` of kind
"instant", sent): what readers saw appear, published or newly translated, already checked
against the public rule at its second. Their recipients and items are listed once when the
digest starts (``plan``), like any sending's, so a digest too is sent once to each.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from speeches.mailing import matching
from speeches.models import Delivery, Dispatch, Publication


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return start, start + datetime.timedelta(days=1)


def next_run(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next digest hour from ``now``."""
    now = timezone.localtime(now or timezone.now())
    at = now.replace(hour=settings.MAIL_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return at if at > now else at + datetime.timedelta(days=1)


def ask_daily() -> bool:
    """Ask for the next daily run unless one is waiting already (each run asks for the
    next: one chain, however many workers start)."""
    from django_tasks_db.models import DBTaskResult

    from speeches.mailing import tasks

    waiting = DBTaskResult.objects.filter(task_path=tasks.daily.module_path, status="READY")
    if waiting.exists():
        return False
    tasks.daily.using(run_after=next_run()).enqueue()
    return True


def make_due(now: datetime.datetime | None = None) -> int:
    """Make the digests of the last whole day whose hour has come, one per language,
    unless made already; returns how many were made."""
    from speeches.mailing import sending

    now = timezone.localtime(now or timezone.now())
    day = now.date() - datetime.timedelta(days=1)
    if now.hour < settings.MAIL_DIGEST_HOUR:
        day -= datetime.timedelta(days=1)
    made = 0
    for language, _name in settings.LANGUAGES:
        with transaction.atomic():
            dispatch, created = Dispatch.objects.get_or_create(
                kind=Dispatch.Kind.DIGEST,
                day=day,
                language=language,
                defaults={"send_at": now.replace(microsecond=0)},
            )
            if created:
                sending._ask_worker(dispatch.pk)
                made += 1
    return made


def items_of(dispatch: Dispatch) -> list[Publication]:
    """The items announced in the digest's language on its day, oldest first."""
    start, end = _day_bounds(dispatch.day)
    announced = Dispatch.objects.filter(
        kind=Dispatch.Kind.INSTANT,
        language=dispatch.language,
        status=Dispatch.Status.SENT,
        send_at__gte=start,
        send_at__lt=end,
    ).values("publication_id")
    return list(
        Publication.objects.available_in(dispatch.language)
        .filter(pk__in=announced)
        .select_related("type")
        .order_by("published_at", "pk")
    )


def plan(dispatch: Dispatch) -> int:
    """A delivery per subscriber whom one of the day's items matches, with its items."""
    wanted = defaultdict(list)
    for publication in items_of(dispatch):
        ids = matching.subscriber_ids_for(
            publication, language=dispatch.language, frequency="daily"
        ).values_list("subscriber_id", flat=True)
        for subscriber_id in ids:
            wanted[subscriber_id].append(publication.pk)
    Delivery.objects.bulk_create(
        [
            Delivery(dispatch=dispatch, subscriber_id=subscriber_id, items=items)
            for subscriber_id, items in wanted.items()
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return len(wanted)


def letter(dispatch: Dispatch, links: dict):
    """A digest's email: the day's items, of which each recipient gets their own."""
    from speeches.mailing.messages import DigestLetter

    return DigestLetter.make(dispatch, items_of(dispatch), links)
