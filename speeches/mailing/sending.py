"""Readers' emails, sent at an item's second and once to each subscriber.

**Release.** When an item is published or scheduled, or a translation of a published item
is marked ready (``speeches.publishing.signals.released``), each language version readers
will see gets one ``Dispatch`` (at most one ever: an item is never announced twice in a
language), due at the item's date and time, and a task due then.

**At the second.** The task checks the public rule itself, at the time it runs: an item
unscheduled, withdrawn or unpublished meanwhile is cancelled, one moved later waits for
the task of its new time. Then the recipients are listed once, in one statement (a
``Delivery`` row each: the record that makes each message go once), and sent in batches.

**Once each, even if a worker dies.** A worker holds a batch (``claimed``) for
``MAIL_CLAIM_SECONDS``; another takes what it held once that has passed. Each message is
marked "handed to the mail server" in a commit of its own before it is handed over, and
"sent" after: a worker that dies between the two leaves that one message "unconfirmed",
which is not sent again (it may have arrived) but counted, and a person may retry it from
the admin. Several workers share a sending by batches; no message is in two batches.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
import uuid
from functools import partial

from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.db.models import Case, Count, F, Min, Q, Value, When
from django.utils import timezone

from speeches.mailing import matching, messages
from speeches.models import (
    Delivery,
    Dispatch,
    LanguageVersion,
    Publication,
    shown_version_q,
)

logger = logging.getLogger(__name__)

Status = Dispatch.Status
Sent = Delivery.Status
OPEN = (Status.SCHEDULED, Status.SENDING)


class TemporaryFailure(Exception):
    """The mail server could not take messages now: the sending is tried again later."""


# Release


def release(*, publication_id: int, languages: list[str] | None = None) -> list[Dispatch]:
    """Make (or move) the sendings of ``publication``'s language versions readers see,
    each due at its date and time (now, if that has passed), and ask the worker for each.
    A version already sent, or being sent, is left as it is."""
    publication = Publication.objects.filter(
        pk=publication_id, status=Publication.Status.PUBLISHED
    ).first()
    if publication is None:
        return []
    shown = LanguageVersion.objects.filter(shown_version_q(), publication=publication)
    if languages is not None:
        shown = shown.filter(language__in=languages)
    send_at = max(publication.published_at, timezone.now()).replace(microsecond=0)
    made = []
    for language in shown.values_list("language", flat=True):
        with transaction.atomic():
            dispatch, created = Dispatch.objects.select_for_update().get_or_create(
                kind=Dispatch.Kind.INSTANT,
                publication=publication,
                language=language,
                defaults={"send_at": send_at},
            )
            if not created:
                if dispatch.status not in (Status.SCHEDULED, Status.CANCELLED):
                    continue
                dispatch.send_at, dispatch.status = send_at, Status.SCHEDULED
                dispatch.save(update_fields=["send_at", "status"])
            _ask_worker(dispatch.pk, at=send_at)
            made.append(dispatch)
    return made


def _ask_worker(dispatch_id: int, *, at: datetime.datetime | None = None) -> None:
    from speeches.mailing import tasks

    task = tasks.send_dispatch if at is None else tasks.send_dispatch.using(run_after=at)
    transaction.on_commit(lambda: task.enqueue(dispatch_id))


def resume() -> int:
    """Ask the worker again for every sending that is due and not finished: after a
    worker died while it held one (its task never ends), or a restart. Safe to repeat:
    batches are claimed, so two tasks of one sending share it without sending twice."""
    due = list(
        Dispatch.objects.filter(status__in=OPEN, send_at__lte=timezone.now()).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        for pk in due:
            _ask_worker(pk)
    return len(due)


# Sending


def send(dispatch_id: int, *, worker: str | None = None) -> str:
    """Send what is due of one sending; returns what became of it (for the task's result)."""
    worker = worker or uuid.uuid4().hex
    dispatch = _start(dispatch_id)
    if dispatch is None or dispatch.status != Status.SENDING:
        return dispatch.status if dispatch else "gone"
    sent = 0
    try:
        letter = messages.letter_for(dispatch)
        with mail.get_connection(fail_silently=False) as connection_:
            while batch := _claim(dispatch, worker):
                if not _still_due(dispatch):
                    _give_back(dispatch, worker)
                    _cancel(dispatch)
                    return Status.CANCELLED
                sent += _send_batch(dispatch, batch, letter, connection_, worker)
    except TemporaryFailure as failure:
        _give_back(dispatch, worker)
        return _retry_later(dispatch, str(failure))
    except Exception as failure:  # could not connect, lost it, or the provider's API failed
        _give_back(dispatch, worker)
        return _retry_later(dispatch, f"{type(failure).__name__}: {failure}")
    return _finish(dispatch, sent=sent)


def _start(dispatch_id: int) -> Dispatch | None:
    """Lock the sending, check the public rule now, and list its recipients once."""
    with transaction.atomic():
        dispatch = Dispatch.objects.select_for_update().filter(pk=dispatch_id).first()
        if dispatch is None or dispatch.status not in OPEN:
            return dispatch
        now = timezone.now()
        if dispatch.send_at > now:
            return None  # moved later: the task of its new time will come
        if not _still_due(dispatch):
            publication = dispatch.publication
            if publication is not None and publication.is_scheduled():
                return None  # rescheduled: its new time has its own task
            _cancel(dispatch)
            return dispatch
        if not dispatch.planned:
            dispatch.recipients = _plan(dispatch)
            dispatch.planned = True
            dispatch.status = Status.SENDING
            dispatch.started_at = now
            dispatch.save(update_fields=["recipients", "planned", "status", "started_at"])
            # More workers share a large sending, batch by batch (MAIL_SENDERS).
            helpers = min(settings.MAIL_SENDERS, dispatch.recipients // settings.MAIL_BATCH_SIZE)
            for _number in range(helpers - 1):
                _ask_worker(dispatch.pk)
        _expire(dispatch)
        return dispatch


def _still_due(dispatch: Dispatch) -> bool:
    """Is what this sending announces still public, now?"""
    if dispatch.kind == Dispatch.Kind.DIGEST:
        return True
    return (
        Publication.objects.available_in(dispatch.language)
        .filter(pk=dispatch.publication_id)
        .exists()
    )


def _cancel(dispatch: Dispatch) -> None:
    Dispatch.objects.filter(pk=dispatch.pk, status__in=OPEN).update(
        status=Status.CANCELLED, finished_at=timezone.now()
    )
    dispatch.status = Status.CANCELLED


def _plan(dispatch: Dispatch) -> int:
    """Write a queued delivery for each recipient, in one statement; returns how many."""
    if dispatch.kind == Dispatch.Kind.DIGEST:
        from speeches.mailing import digests

        return digests.plan(dispatch)
    ids = matching.subscriber_ids_for(
        dispatch.publication, language=dispatch.language, frequency="instant"
    )
    return insert_deliveries(dispatch, ids)


def insert_deliveries(dispatch: Dispatch, subscriber_ids) -> int:
    """INSERT … SELECT: the recipients' rows written by the database itself (100,000
    in about a second), each once (the unique constraint)."""
    select, params = subscriber_ids.query.sql_with_params()
    table = connection.ops.quote_name(Delivery._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (dispatch_id, subscriber_id, status, claimed_by, attempts,"
            " items, message_id, error)"
            f" SELECT %s, matched.subscriber_id, %s, '', 0, %s, '', ''"
            f" FROM ({select}) matched WHERE 1 = 1"
            " ON CONFLICT DO NOTHING",
            [dispatch.pk, Sent.QUEUED, "[]", *params],
        )
        return cursor.rowcount


def _expire(dispatch: Dispatch) -> None:
    """What a dead worker held: its unsent batch goes back to the queue; the one message
    it was handing over is unconfirmed, and not sent again."""
    now = timezone.now()
    held = Delivery.objects.filter(dispatch=dispatch, claimed_until__lt=now)
    held.filter(status=Sent.CLAIMED).update(status=Sent.QUEUED, claimed_by="", claimed_until=None)
    lost = held.filter(status=Sent.SENDING).update(
        status=Sent.UNCONFIRMED, claimed_by="", claimed_until=None
    )
    if lost:
        Dispatch.objects.filter(pk=dispatch.pk).update(unconfirmed=F("unconfirmed") + lost)


def _claim(dispatch: Dispatch, worker: str) -> list[Delivery]:
    """Take the next batch of queued deliveries for ``worker`` (skipping rows another
    worker is taking at this instant, on PostgreSQL), held until the claim expires."""
    until = timezone.now() + datetime.timedelta(seconds=settings.MAIL_CLAIM_SECONDS)
    with transaction.atomic():
        queued = Delivery.objects.filter(dispatch=dispatch, status=Sent.QUEUED).order_by("id")
        if connection.features.has_select_for_update_skip_locked:
            queued = queued.select_for_update(skip_locked=True)
        ids = list(queued.values_list("pk", flat=True)[: settings.MAIL_BATCH_SIZE])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=Sent.QUEUED).update(
            status=Sent.CLAIMED, claimed_by=worker, claimed_until=until
        )
    return list(
        Delivery.objects.filter(pk__in=ids, claimed_by=worker, status=Sent.CLAIMED)
        .select_related("subscriber")
        .order_by("id")
    )


def _give_back(dispatch: Dispatch, worker: str) -> None:
    Delivery.objects.filter(dispatch=dispatch, claimed_by=worker, status=Sent.CLAIMED).update(
        status=Sent.QUEUED, claimed_by="", claimed_until=None
    )


def _send_batch(dispatch, batch, letter, connection_, worker) -> int:
    """Send a claimed batch message by message; returns how many were sent."""
    sent = failed = 0
    previous = None  # sent: its "sent" is written with the next one's "handed over"

    def handed_over(delivery: Delivery, message_id: str) -> None:
        """This one handed over and the one before sent, in one statement and commit."""
        nonlocal previous
        if previous is None:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Sent.SENDING, message_id=message_id, attempts=F("attempts") + 1
            )
            return
        this = Q(pk=delivery.pk)
        field = Delivery._meta.get_field
        Delivery.objects.filter(this | Q(pk=previous.pk, status=Sent.SENDING)).update(
            status=Case(When(this, then=Value(Sent.SENDING)), default=Value(Sent.SENT)),
            message_id=Case(When(this, then=Value(message_id)), default=F("message_id")),
            attempts=Case(
                When(this, then=F("attempts") + 1),
                default=F("attempts"),
                output_field=field("attempts"),
            ),
            sent_at=Case(
                When(this, then=None),
                default=Value(timezone.now()),
                output_field=field("sent_at"),
            ),
            claimed_by=Case(When(this, then=F("claimed_by")), default=Value("")),
            claimed_until=Case(
                When(this, then=F("claimed_until")),
                default=None,
                output_field=field("claimed_until"),
            ),
        )
        previous = None

    try:
        for delivery in batch:
            message = letter.personalise(delivery)
            message_id = message.extra_headers["Message-ID"]
            outcome = _hand_over(connection_, message, partial(handed_over, delivery, message_id))
            if outcome is None:
                previous = delivery
                sent += 1
            else:
                failed += 1
                _mark_refused(delivery, outcome)
    finally:
        if previous is not None:
            _mark_sent(previous)
        Dispatch.objects.filter(pk=dispatch.pk).update(
            sent=F("sent") + sent, failed=F("failed") + failed
        )
    return sent


def _mark_sent(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk, status=Sent.SENDING).update(
        status=Sent.SENT, sent_at=timezone.now(), claimed_by="", claimed_until=None
    )


def _hand_over(connection_, message, handed_over) -> str | None:
    """Send one message; None when the server took it, the reason when it refused this
    recipient for good. A refusal for now (4xx) is a ``TemporaryFailure``.

    ``handed_over`` is called once the message is the server's to accept: on SMTP
    (``backends.SMTPBackend``) when all of it but its last line has gone, so that a worker
    dying before has sent nothing; on other transports just before it is handed over.
    """
    if hasattr(connection_, "before_end_of_data"):
        connection_.before_end_of_data = handed_over
    else:
        handed_over()
    try:
        connection_.send_messages([message])
    except smtplib.SMTPRecipientsRefused as refused:
        code, reason = next(iter(refused.recipients.values()))
        if code < 500:
            raise TemporaryFailure(f"{code} {reason!r}") from refused
        return f"{code} {reason.decode(errors='replace') if isinstance(reason, bytes) else reason}"
    except smtplib.SMTPResponseException as refused:
        if refused.smtp_code < 500:
            raise TemporaryFailure(f"{refused.smtp_code} {refused.smtp_error!r}") from refused
        return f"{refused.smtp_code} {refused.smtp_error!r}"
    except Exception as refused:
        if type(refused).__name__ == "AnymailRecipientsRefused":
            return str(refused)
        raise
    finally:
        if hasattr(connection_, "before_end_of_data"):
            connection_.before_end_of_data = None
    return None


def _mark_refused(delivery: Delivery, reason: str) -> None:
    """The server refused this address for good: a failure, and a bounce for it."""
    from speeches.mailing import subscribing

    Delivery.objects.filter(pk=delivery.pk).update(
        status=Sent.FAILED, error=reason[:1000], claimed_by="", claimed_until=None
    )
    subscribing.record_bounce(email=delivery.subscriber.email)


def _finish(dispatch: Dispatch, *, sent: int) -> str:
    """Done when nothing is queued or held; what others hold, their claim's end tells."""
    remaining = Delivery.objects.filter(
        dispatch=dispatch, status__in=(Sent.QUEUED, Sent.CLAIMED, Sent.SENDING)
    )
    held_until = remaining.aggregate(until=Min("claimed_until"))["until"]
    if remaining.exists():
        at = (held_until or timezone.now()) + datetime.timedelta(seconds=1)
        with transaction.atomic():
            _ask_worker(dispatch.pk, at=at)
        return Status.SENDING
    # The counts as the records have them: the batches' running counts miss what a
    # worker that died had sent (the rows of those who unsubscribed meanwhile are gone).
    counts = dict(
        Delivery.objects.filter(dispatch=dispatch)
        .values_list("status")
        .annotate(Count("id"))
        .order_by()
    )
    Dispatch.objects.filter(pk=dispatch.pk, status=Status.SENDING).update(
        status=Status.SENT,
        finished_at=timezone.now(),
        last_error="",
        sent=counts.get(Sent.SENT, 0),
        failed=counts.get(Sent.FAILED, 0),
        unconfirmed=counts.get(Sent.UNCONFIRMED, 0),
    )
    return Status.SENT


def _retry_later(dispatch: Dispatch, error: str) -> str:
    """The mail server failed us: try again after the next interval, or give up and tell
    the administrators."""
    waits = settings.MAIL_RETRY_MINUTES
    with transaction.atomic():
        attempts = dispatch.attempts + 1
        if attempts > len(waits):
            Dispatch.objects.filter(pk=dispatch.pk).update(
                status=Status.FAILED,
                attempts=attempts,
                last_error=error[:2000],
                finished_at=timezone.now(),
            )
            from speeches.mailing import staff

            staff.sending_failed(dispatch_id=dispatch.pk)
            logger.error("Sending %s failed for good: %s", dispatch.pk, error)
            return Status.FAILED
        Dispatch.objects.filter(pk=dispatch.pk).update(attempts=attempts, last_error=error[:2000])
        at = timezone.now() + datetime.timedelta(minutes=waits[attempts - 1])
        _ask_worker(dispatch.pk, at=at)
    logger.warning("Sending %s will be tried again at %s: %s", dispatch.pk, at, error)
    return Status.SENDING


# Staff's retry

# What a retry sends again: messages that failed or are unconfirmed, to addresses that
# still receive.
WENT_WRONG = (Sent.FAILED, Sent.UNCONFIRMED)
RETRYABLE = Q(status__in=WENT_WRONG, subscriber__suppressed_at__isnull=True)


def can_be_retried(dispatch: Dispatch, *, went_wrong: bool) -> bool:
    """Would a retry send anything? Deliveries that went wrong (``RETRYABLE``), or a
    sending that gave up on the mail server with messages still queued. Never a
    cancelled one, nor one that never started."""
    if dispatch.status == Status.CANCELLED or not dispatch.planned:
        return False
    return went_wrong or dispatch.status == Status.FAILED


def dispatch_retry(*, dispatch: Dispatch, user) -> int:
    """Send again what failed or is unconfirmed in ``dispatch``, now. Publishers and
    administrators only; returns how many messages go again."""
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    if not user.has_perm("speeches.change_dispatch"):
        raise PermissionDenied(_("You are not allowed to do this."))
    with transaction.atomic():
        dispatch = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
        again = Delivery.objects.filter(RETRYABLE, dispatch=dispatch)
        counts = {status: again.filter(status=status).count() for status in WENT_WRONG}
        if not can_be_retried(dispatch, went_wrong=any(counts.values())):
            return 0  # nothing to send again: the sending stays as it is
        number = again.update(status=Sent.QUEUED, error="", claimed_by="", claimed_until=None)
        Dispatch.objects.filter(pk=dispatch.pk).update(
            status=Status.SENDING,
            attempts=0,
            last_error="",
            finished_at=None,
            failed=F("failed") - counts[Sent.FAILED],
            unconfirmed=F("unconfirmed") - counts[Sent.UNCONFIRMED],
        )
        _ask_worker(dispatch.pk)
    return number
