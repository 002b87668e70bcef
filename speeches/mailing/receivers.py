"""Where email listens: releases and out-of-date translations (the publishing services'
signals), workflow events, and a provider's bounce and complaint reports (django-anymail's
tracking webhooks). Connected once, when the app is ready."""

from anymail.signals import tracking
from django.db.models.signals import post_save

from speeches.mailing import sending, staff, subscribing
from speeches.models import WorkflowEvent
from speeches.publishing import signals


def on_released(sender, *, publication_id, languages, **kwargs) -> None:
    sending.release(publication_id=publication_id, languages=languages)


def on_tracking(sender, *, event, esp_name, **kwargs) -> None:
    """A provider reports what became of a message: a bounce counts against the
    address; a complaint (marked as spam) or a provider's unsubscribe deletes it."""
    if not event.recipient:
        return
    if event.event_type in ("bounced", "rejected"):
        subscribing.record_bounce(email=event.recipient)
    elif event.event_type in ("complained", "unsubscribed"):
        subscribing.record_complaint(email=event.recipient)


def connect() -> None:
    signals.released.connect(on_released, dispatch_uid="mailing-released")
    signals.translations_outdated.connect(
        staff.on_translations_outdated, dispatch_uid="mailing-outdated"
    )
    post_save.connect(
        staff.on_workflow_event, sender=WorkflowEvent, dispatch_uid="mailing-workflow"
    )
    tracking.connect(on_tracking, dispatch_uid="mailing-tracking")
