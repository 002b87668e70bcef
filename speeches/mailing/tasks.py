"""The background tasks (django-tasks; ``manage.py worker`` runs them).

Each takes ids, never objects, and reads the rows afresh when it runs: a task may run
long after it was asked for (an embargo), or twice (after a worker died), and must then do
only what is still to do.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from speeches.mailing import digests, messages, sending, staff, subscribing
from speeches.models import Subscriber

logger = logging.getLogger(__name__)


def _again_later(task_, *args, attempt: int) -> None:
    """A single email the mail server did not take: asked for again after the sendings'
    waits (MAIL_RETRY_MINUTES), then given up (logged)."""
    waits = settings.MAIL_RETRY_MINUTES
    if attempt >= len(waits):
        logger.error("%s%r: the mail server refused it %s times", task_.name, args, attempt + 1)
        return
    at = timezone.now() + datetime.timedelta(minutes=waits[attempt])
    with transaction.atomic():
        task_.using(run_after=at).enqueue(*args, attempt=attempt + 1)


@task()
def send_dispatch(dispatch_id: int) -> str:
    """Send a sending's emails, if and when its item is public."""
    return sending.send(dispatch_id)


@task()
def send_confirmation(subscriber_id: int, attempt: int = 0) -> bool:
    """The double opt-in's email for a subscriber's waiting subscriptions."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    waiting = list(
        subscriber.subscriptions.filter(confirmed_at__isnull=True).select_related(
            "type", "person", "topic", "country"
        )
    )
    if not waiting:
        return False
    token = subscribing.confirmation_token(subscriber)
    with translation.override(subscriber.language):
        url = messages.absolute(reverse("mailing:confirm", kwargs={"token": token}))
    try:
        mail.get_connection(fail_silently=False).send_messages(
            [messages.confirmation(subscriber, confirm_url=url, subscriptions=waiting)]
        )
    except Exception:
        _again_later(send_confirmation, subscriber_id, attempt=attempt)
        raise
    return True


@task()
def send_staff_notice(notice_id: int, attempt: int = 0) -> bool:
    """Email a staff notice to its person, if they chose email."""
    try:
        return staff.email_notice(notice_id)
    except Exception:
        _again_later(send_staff_notice, notice_id, attempt=attempt)
        raise


@task()
def daily() -> int:
    """Each morning: the day before's digests, old unconfirmed sign-ups deleted, and the
    next morning's run asked for (one per day however often this is asked)."""
    made = digests.make_due()
    subscribing.forget_unconfirmed()
    digests.ask_daily()
    return made
