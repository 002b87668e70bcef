"""The background tasks (django-tasks; ``manage.py worker`` runs them).

Each takes ids, never objects, and reads the rows afresh when it runs: a task may run
long after it was asked for (an embargo), or twice (after a worker died), and must then do
only what is still to do.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

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


# Workers that died


class WorkerDied(Exception):
    """What the result of a task whose worker died while running it says (SIGKILL, an
    out-of-memory kill, a power cut: django-tasks leaves such a task running for ever)."""


def _machine() -> str:
    return socket.gethostname()[:40]  # a worker id has at most 64 characters


def worker_id() -> str:
    """A new worker's id: its machine, its process and a random part (process ids come
    round again), so that a worker starting later on the same machine can tell whether
    the one that ran a task is still alive."""
    return f"{_machine()}:{os.getpid()}:{get_random_string(8)}"


def _is_dead(worker: str) -> bool:
    """Whether a worker of this machine is gone; a worker of another machine is never
    judged from here (its own machine's next worker does it)."""
    host, _, rest = worker.partition(":")
    pid, _, _random = rest.partition(":")
    if host != _machine() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return True  # this process is a new worker: the one before had the same number
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, as another user
    return False


def take_up_abandoned(by: str) -> int:
    """The tasks that dead workers of this machine left running are marked failed
    (``WorkerDied``) and asked for again: every task here does only what is still to do
    when it runs twice (a sending's batches are claimed, a notice is claimed, a second
    confirmation email is harmless). One conditional UPDATE each, so two workers starting
    together take a task up once. Returns how many were taken up."""
    taken = 0
    for result in list(DBTaskResult.objects.running()):  # a few rows: one per worker
        dead = result.worker_ids[-1] if result.worker_ids else ""
        if not _is_dead(dead):
            continue
        with transaction.atomic():
            marked = DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING
            ).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{WorkerDied.__module__}.{WorkerDied.__qualname__}",
                traceback=f"The worker {dead} stopped while running this task; "
                f"the worker {by} asked for it again.",
            )
            if not marked:
                continue
            try:
                again = result.task
            except ImportError:
                logger.error("%s: an abandoned task that no longer exists", result.task_path)
                continue
            again.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        taken += 1
    return taken
