"""Readers' subscriptions, without an account.

Only an address and its choices are kept. Each subscription asked for waits for the link
of its own confirmation email (double opt-in), which is valid for ``CONFIRM_DAYS``; what is
not confirmed by then is deleted. Every email's links carry the subscriber's key, signed
(``link_token``): manage one's subscriptions, or unsubscribe, which deletes the address
and everything of it. Sign-up pages answer the same whether an address is known or not.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from speeches.models import Subscriber, Subscription

CONFIRM_DAYS = 7
_links = signing.Signer(salt="speeches.mailing.links")
_confirmations = signing.TimestampSigner(salt="speeches.mailing.confirm")


@dataclass(frozen=True)
class Choice:
    """What a reader asks for: how often, and the facets that narrow it (none: all)."""

    frequency: str = Subscription.Frequency.INSTANT
    type_id: int | None = None
    person_id: int | None = None
    topic_id: int | None = None
    country_id: int | None = None
    query: str = ""

    def as_filter(self) -> Q:
        return Q(**asdict(self))


def normalise(email: str) -> str:
    """One spelling per address: trimmed, its domain in lower case (the local part is
    the mail server's to read; in practice case-blind, so lowered too)."""
    email = (email or "").strip()
    validate_email(email)
    return email.lower()


def link_token(subscriber: Subscriber) -> str:
    """The signed key every link of a subscriber's emails carries."""
    return _links.sign(subscriber.key.hex)


def link_key(token: str) -> uuid.UUID | None:
    """The key a link's token carries, or None when the token is not one we signed: a
    page tells a tampered link (refused) from one whose subscriber has left (done)."""
    try:
        return uuid.UUID(hex=_links.unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def subscriber_from(token: str) -> Subscriber | None:
    """The subscriber a link's token names, or None (tampered with, or deleted since)."""
    key = link_key(token)
    if key is None:
        return None
    return Subscriber.objects.filter(key=key).first()


def confirmation_token(subscriber: Subscriber) -> str:
    return _confirmations.sign(subscriber.key.hex)


def subscribe(*, email: str, language: str, choice: Choice) -> tuple[Subscriber, bool]:
    """Ask for ``choice`` at ``email``: a subscription waiting for its confirmation, and
    the email that asks for it (sent by the worker). Returns the subscriber and whether a
    confirmation is sent (not when the same subscription is already confirmed)."""
    email = normalise(email)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose a language."), code="language")
    if choice.frequency not in Subscription.Frequency.values:
        raise ValidationError(_("Choose how often."), code="frequency")
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if subscriber.confirmed_at is None and subscriber.language != language:
            subscriber.language = language
            subscriber.save(update_fields=["language"])
        same = subscriber.subscriptions.filter(choice.as_filter()).first()
        if same is not None and same.confirmed_at is not None:
            return subscriber, False
        if same is None:
            Subscription.objects.create(subscriber=subscriber, **asdict(choice))
        else:
            # Asked again (the first email lost): it waits CONFIRM_DAYS from now, as the
            # new email's link does, not from the first time (forget_unconfirmed).
            same.created_at = timezone.now()
            same.save(update_fields=["created_at"])
        from speeches.mailing import tasks

        transaction.on_commit(lambda: tasks.send_confirmation.enqueue(subscriber.pk))
    return subscriber, True


def _confirmation(token: str) -> tuple[uuid.UUID, datetime.datetime] | None:
    """The key a confirmation link carries and when it was signed, while it is valid."""
    try:
        key = uuid.UUID(
            hex=_confirmations.unsign(token, max_age=datetime.timedelta(days=CONFIRM_DAYS))
        )
        stamp = signing.b62_decode(token.rsplit(_confirmations.sep, 2)[-2])
    except (signing.BadSignature, ValueError):
        return None
    return key, datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)


def _confirmation_key(token: str) -> uuid.UUID | None:
    found = _confirmation(token)
    return found[0] if found else None


def confirming(token: str) -> Subscriber | None:
    """The subscriber a confirmation link names while it is valid, nothing confirmed: what
    the link's page shows before the reader presses its button (a mail scanner that
    fetches the link confirms nothing). None when the link is wrong or too old."""
    key = _confirmation_key(token)
    if key is None:
        return None
    return Subscriber.objects.filter(key=key).first()


def confirm(token: str) -> Subscriber | None:
    """Follow a confirmation link: the address and its waiting subscriptions confirmed.
    None when the link is wrong or too old."""
    found = _confirmation(token)
    if found is None:
        return None
    key, signed_at = found
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(key=key).first()
        if subscriber is None:
            return None
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
        # The address answered: whatever bounced before, it receives again.
        subscriber.bounces, subscriber.suppressed_at = 0, None
        subscriber.save(update_fields=["confirmed_at", "bounces", "suppressed_at"])
        # Only what the email listed: a subscription someone added to the address after
        # it was sent waits for its own email (the link's time is to the second).
        subscriber.subscriptions.filter(
            confirmed_at__isnull=True,
            created_at__lt=signed_at + datetime.timedelta(seconds=1),
        ).update(confirmed_at=now)
    return subscriber


def unsubscribe(subscriber: Subscriber) -> None:
    """Delete the address, its subscriptions and its delivery records: nothing is kept."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


def subscriber_delete(*, subscriber: Subscriber, user) -> None:
    """Delete an address and everything of it from the admin: administrators only
    (``speeches.delete_subscriber``); refused with nothing written for anyone else."""
    if not user.has_perm("speeches.delete_subscriber"):
        raise PermissionDenied(_("You are not allowed to do this."))
    unsubscribe(subscriber)


def subscription_delete(*, subscriber: Subscriber, subscription_id: int) -> bool:
    """Delete one of ``subscriber``'s subscriptions (another's id deletes nothing); the
    address goes too with its last one."""
    with transaction.atomic():
        deleted, _rows = subscriber.subscriptions.filter(pk=subscription_id).delete()
        if deleted and not subscriber.subscriptions.exists():
            unsubscribe(subscriber)
    return bool(deleted)


def forget_unconfirmed() -> int:
    """Delete what waited longer than ``CONFIRM_DAYS`` for its confirmation: an address
    that never confirmed goes with its last subscription, not while one asked for since
    (signing up again, as the pages advise once a link has expired) still waits."""
    before = timezone.now() - datetime.timedelta(days=CONFIRM_DAYS)
    Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=before).delete()
    deleted, _rows = (
        Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=before)
        .exclude(subscriptions__created_at__gte=before)
        .delete()
    )
    return deleted


def record_bounce(*, email: str) -> None:
    """A message to ``email`` bounced; from ``MAIL_BOUNCE_LIMIT`` bounces on, nothing more
    is sent to it (the address stays, so that it is not signed up again unknowingly)."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email.lower()).first()
        if subscriber is None:
            return
        subscriber.bounces += 1
        subscriber.last_bounce_at = now
        if subscriber.bounces >= settings.MAIL_BOUNCE_LIMIT and subscriber.suppressed_at is None:
            subscriber.suppressed_at = now
        subscriber.save(update_fields=["bounces", "last_bounce_at", "suppressed_at"])


def record_complaint(*, email: str) -> None:
    """The recipient marked a message as spam: they are unsubscribed at once."""
    Subscriber.objects.filter(email=email.lower()).delete()


def label(subscription: Subscription) -> str:
    """A subscription in words, in the active language: what it follows, and how often."""
    parts = []
    if subscription.type_id:
        parts.append(_("type: %(name)s") % {"name": subscription.type})
    if subscription.person_id:
        parts.append(_("person: %(name)s") % {"name": subscription.person})
    if subscription.topic_id:
        parts.append(_("topic: %(name)s") % {"name": subscription.topic})
    if subscription.country_id:
        parts.append(_("country: %(name)s") % {"name": subscription.country})
    if subscription.query:
        parts.append(_("search: “%(words)s”") % {"words": subscription.query})
    what = "; ".join(parts) if parts else _("everything published")
    return f"{what} ({subscription.get_frequency_display()})"
