"""What staff are told, and how: a notice on their staff home, and an email unless they
chose the admin only (``NotificationSettings``), in the language they chose.

- an item submitted for review → the publishers (not the person who submitted it);
- an item sent back, published, scheduled or force-published → its author (unless they
  did it); a live item's date merely corrected tells nobody;
- a change of the original that leaves translations out of date → the translators of
  those languages;
- a sending the mail server kept refusing → the administrators.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
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
# What an item's author hears of: its release, however it came about.
RELEASES = (Action.PUBLISH, Action.FORCE_PUBLISH, Action.SCHEDULE)


def _staff():
    return get_user_model().objects.filter(is_active=True, is_staff=True)


def _with_permission(codename: str):
    """Active staff who hold ``speeches.<codename>``: superusers, through a group, or
    their own."""
    permission = Permission.objects.filter(
        content_type__app_label="speeches", codename=codename
    ).first()
    holders = Q(is_superuser=True)
    if permission is not None:  # else Q(groups__permissions=None) would match the groupless
        holders |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    return _staff().filter(holders).distinct()


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
    """Review, sent back, published: the people whose turn it is are told, in the
    transaction of the event (a refused or rolled-back action tells nobody)."""
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
    elif instance.action in RELEASES and _is_news(instance):
        notify(
            [publication.created_by],
            kind=Kind.PUBLISHED,
            actor=instance.user,
            publication=publication,
            # A force-publisher's reason is theirs to tell; a schedule's is the time,
            # which the notice says in the reader's own format.
            comment=instance.reason if instance.action == Action.FORCE_PUBLISH else "",
        )


def _is_news(event: WorkflowEvent) -> bool:
    """Is this release news to the author? Not when a live item's date and time are only
    corrected (``workflow.publication_record_time_change``: no change of state): the item
    was out and stays out. A time moved ahead (scheduled again) is."""
    if event.from_status in ("", Publication.Status.PUBLISHED):
        return event.to_status == "scheduled"
    return True


def on_translations_outdated(sender, *, publication_id, languages, user_id, **kwargs) -> None:
    """The translators of each language left out of date by a change of the original."""
    publication = Publication.objects.filter(pk=publication_id).first()
    if publication is None:
        return
    actor = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    with transaction.atomic():
        for language in languages:
            translators = _staff().filter(
                pk__in=TranslatorLanguage.objects.filter(language=language).values("user")
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
    administrators = _staff().filter(Q(is_superuser=True) | Q(groups__name="Administrators"))
    return notify(administrators.distinct(), kind=Kind.SENDING_FAILED, dispatch_id=dispatch_id)


# Each person's choices


def settings_for(user) -> NotificationSettings:
    """``user``'s choices, or the defaults (email, in the site's first language)."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def settings_save(*, user, by_email: bool, language: str) -> NotificationSettings:
    """Each person sets their own, and only their own: ``user`` is always the person
    signed in, never an id from a form."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose a language.")}, code="language")
    chosen, _created = NotificationSettings.objects.update_or_create(
        user=user, defaults={"by_email": bool(by_email), "language": language}
    )
    return chosen


def notice_read(*, user, notice_ids: list[int] | None = None) -> int:
    """Mark ``user``'s notices read (all of them, or ``notice_ids`` of theirs)."""
    unread = StaffNotice.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        unread = unread.filter(pk__in=notice_ids)
    return unread.update(read_at=timezone.now())


# A notice in words


def describe(notice: StaffNotice) -> str:
    """The notice as one sentence, in the active language. Reads the notice's
    publication, and its sending's (select them with it)."""
    title = str(notice.publication) if notice.publication_id else ""
    if notice.kind == Kind.SUBMITTED:
        return _("“%(title)s” waits for your review.") % {"title": title}
    if notice.kind == Kind.SENT_BACK:
        return _("“%(title)s” was sent back to draft.") % {"title": title}
    if notice.kind == Kind.PUBLISHED:
        if notice.publication.is_scheduled():
            return _("“%(title)s” is scheduled to go out on %(time)s.") % {
                "title": title,
                "time": moment(notice.publication.published_at),
            }
        return _("“%(title)s” was published.") % {"title": title}
    if notice.kind == Kind.OUTDATED:
        return _("The %(language)s translation of “%(title)s” is out of date.") % {
            "language": language_name(notice.language),
            "title": title,
        }
    return _("The email sending of %(what)s failed; it may be retried from the admin.") % {
        "what": sending_name(notice.dispatch)
    }


def sending_name(dispatch) -> str:
    """A sending as people name it: its item's title or its digest's day, and language."""
    if dispatch is None:
        return _("an item")
    if dispatch.publication_id:
        what = dispatch.publication.title_in(dispatch.language) or str(dispatch.publication)
        return _("“%(title)s” in %(language)s") % {
            "title": what,
            "language": language_name(dispatch.language),
        }
    return _("the daily digest of %(day)s in %(language)s") % {
        "day": formats.date_format(dispatch.day, "DATE_FORMAT"),
        "language": language_name(dispatch.language),
    }


def language_name(code: str) -> str:
    return str(translation.get_language_info(code)["name_translated"]) if code else ""


def moment(value) -> str:
    """A date and time as the active language writes them, in local time."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def link(notice: StaffNotice) -> str:
    """Where the notice's person acts on it: the publish page for a review, the
    side-by-side editor for an outdated translation, the sending for a failure."""
    if notice.kind == Kind.SENDING_FAILED and notice.dispatch_id:
        return reverse("admin:speeches_dispatch_change", args=[notice.dispatch_id])
    if notice.kind == Kind.SENDING_FAILED:
        return reverse("admin:speeches_dispatch_changelist")
    if notice.kind == Kind.OUTDATED:
        return reverse(
            "admin:speeches_publication_translate", args=[notice.publication_id, notice.language]
        )
    if notice.kind == Kind.SUBMITTED:
        return reverse(
            "admin:speeches_publication_transition", args=[notice.publication_id, "publish"]
        )
    return reverse("admin:speeches_publication_change", args=[notice.publication_id])


# By email


def email_notice(notice_id: int) -> bool:
    """Email one notice to its person if they want email; once, even if two workers run
    the same task: each claims the notice with one conditional UPDATE before sending (no
    lock is held while the mail server answers), and gives it back if sending fails. A
    worker that dies between the two leaves it unsent: the notice is on their home."""
    notice = (
        StaffNotice.objects.select_related("user", "publication", "actor", "dispatch__publication")
        .filter(pk=notice_id, emailed_at__isnull=True)
        .first()
    )
    user = notice.user if notice is not None else None
    if user is None or not user.email or not (user.is_active and user.is_staff):
        return False
    chosen = settings_for(user)
    if not chosen.by_email:
        return False
    with translation.override(chosen.language):
        sentence = describe(notice)
        message = messages.staff_message(
            to=user.email,
            language=chosen.language,
            subject=sentence,
            context={
                "notice": notice,
                "sentence": sentence,
                "url": messages.absolute(link(notice)),
                "actor": person(notice.actor),
                "settings_url": messages.absolute(reverse("admin:notification_settings")),
            },
        )
    message.extra_headers["Content-Language"] = chosen.language
    claimed = StaffNotice.objects.filter(pk=notice.pk, emailed_at__isnull=True)
    if not claimed.update(emailed_at=timezone.now()):
        return False  # another worker took it
    try:
        mail.get_connection(fail_silently=False).send_messages([message])
    except Exception:
        StaffNotice.objects.filter(pk=notice.pk).update(emailed_at=None)
        raise
    return True
