"""What staff are told, and how: a notice on their staff home, and an email unless they
chose the admin only (``NotificationSettings``), in the language they chose.

- an item submitted for review → the publishers (not the person who submitted it);
- an item sent back, published or scheduled → its author (unless they did it);
- a change of the original that leaves translations out of date → the translators of
  those languages;
- a sending the mail server kept refusing → the administrators.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from speeches.mailing import messages
from speeches.models import (
    NotificationSettings,
    Publication,
    StaffNotice,
    TranslatorLanguage,
    WorkflowEvent,
)

Kind = StaffNotice.Kind
Action = WorkflowEvent.Action


def _with_permission(codename: str):
    User = get_user_model()
    permission = Permission.objects.filter(
        content_type__app_label="speeches", codename=codename
    ).first()
    return User.objects.filter(
        Q(is_superuser=True) | Q(groups__permissions=permission) | Q(user_permissions=permission),
        is_active=True,
        is_staff=True,
    ).distinct()


def notify(users, *, kind: str, actor=None, **fields) -> list[StaffNotice]:
    """A notice for each of ``users`` (but ``actor``, who knows), emailed by the worker
    to those who want email, once the current transaction commits."""
    from speeches.mailing import tasks

    recipients = [user for user in users if user is not None and user != actor]
    notices = StaffNotice.objects.bulk_create(
        [StaffNotice(user=user, kind=kind, actor=actor, **fields) for user in recipients]
    )
    for notice in notices:
        transaction.on_commit(lambda pk=notice.pk: tasks.send_staff_notice.enqueue(pk))
    return notices


def on_workflow_event(sender, instance: WorkflowEvent, created: bool, **kwargs) -> None:
    """Review, sent back, published: the people whose turn it is are told."""
    if not created or kwargs.get("raw"):
        return
    publication = instance.publication
    if instance.action == Action.SUBMIT:
        notify(
            _with_permission("publish_publication"),
            kind=Kind.SUBMITTED,
            actor=instance.user,
            publication=publication,
            comment=instance.reason,
        )
    elif instance.action == Action.SEND_BACK:
        notify(
            [publication.created_by],
            kind=Kind.SENT_BACK,
            actor=instance.user,
            publication=publication,
            comment=instance.reason,
        )
    elif instance.action in (Action.PUBLISH, Action.FORCE_PUBLISH, Action.SCHEDULE):
        notify(
            [publication.created_by],
            kind=Kind.PUBLISHED,
            actor=instance.user,
            publication=publication,
        )


def on_translations_outdated(sender, *, publication_id, languages, user_id, **kwargs) -> None:
    """The translators of each language left out of date by a change of the original."""
    publication = Publication.objects.filter(pk=publication_id).first()
    if publication is None:
        return
    User = get_user_model()
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    with transaction.atomic():
        for language in languages:
            translators = User.objects.filter(
                pk__in=TranslatorLanguage.objects.filter(language=language).values("user"),
                is_active=True,
            )
            notify(
                translators,
                kind=Kind.OUTDATED,
                actor=actor,
                publication=publication,
                language=language,
            )


def sending_failed(*, dispatch_id: int) -> list[StaffNotice]:
    """A sending failed for good: the administrators are told (who may retry it)."""
    User = get_user_model()
    administrators = User.objects.filter(
        Q(is_superuser=True) | Q(groups__name="Administrators"), is_active=True
    ).distinct()
    return notify(administrators, kind=Kind.SENDING_FAILED, dispatch_id=dispatch_id)


def settings_for(user) -> NotificationSettings:
    """``user``'s choices, or the defaults (email, in the site's first language)."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def settings_save(*, user, by_email: bool, language: str) -> NotificationSettings:
    """Each person sets their own, and only their own."""
    chosen, _created = NotificationSettings.objects.update_or_create(
        user=user, defaults={"by_email": by_email, "language": language}
    )
    return chosen


def notice_read(*, user, notice_ids: list[int] | None = None) -> int:
    """Mark ``user``'s notices read (all of them, or ``notice_ids`` of theirs)."""
    unread = StaffNotice.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        unread = unread.filter(pk__in=notice_ids)
    return unread.update(read_at=timezone.now())


def describe(notice: StaffNotice) -> str:
    """The notice as one sentence, in the active language."""
    title = str(notice.publication) if notice.publication_id else ""
    if notice.kind == Kind.SUBMITTED:
        return _("“%(title)s” waits for your review.") % {"title": title}
    if notice.kind == Kind.SENT_BACK:
        return _("“%(title)s” was sent back to draft.") % {"title": title}
    if notice.kind == Kind.PUBLISHED:
        return _("“%(title)s” was published.") % {"title": title}
    if notice.kind == Kind.OUTDATED:
        return _("The %(language)s translation of “%(title)s” is out of date.") % {
            "language": translation.get_language_info(notice.language)["name_translated"],
            "title": title,
        }
    return _("An email sending failed; it may be retried from the admin.")


def link(notice: StaffNotice) -> str:
    """Where the notice's person acts on it."""
    if notice.kind == Kind.SENDING_FAILED and notice.dispatch_id:
        return reverse("admin:speeches_dispatch_change", args=[notice.dispatch_id])
    if notice.kind == Kind.OUTDATED:
        return reverse(
            "admin:speeches_publication_translate", args=[notice.publication_id, notice.language]
        )
    return reverse("admin:speeches_publication_change", args=[notice.publication_id])


def email_notice(notice_id: int) -> bool:
    """Email one notice to its person if they want email; once."""
    notice = (
        StaffNotice.objects.select_related("user", "publication", "actor")
        .filter(pk=notice_id, emailed_at__isnull=True)
        .first()
    )
    if notice is None or not notice.user.email:
        return False
    chosen = settings_for(notice.user)
    if not chosen.by_email:
        return False
    with translation.override(chosen.language):
        sentence = describe(notice)
        message = messages.staff_message(
            to=notice.user.email,
            language=chosen.language,
            subject=sentence,
            context={
                "notice": notice,
                "sentence": sentence,
                "url": messages.absolute(link(notice)),
                "actor": notice.actor.get_username() if notice.actor else "",
                "settings_url": messages.absolute(reverse("admin:notification_settings")),
            },
        )
    mail.get_connection(fail_silently=False).send_messages([message])
    StaffNotice.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
    return True
