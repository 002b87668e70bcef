"""Who is editing a publication right now, so that a second editor is warned in time.

Every page on which someone edits a publication (its change form, opened by someone who
may change it, or the side-by-side editor of one language) is an ``EditingSession`` with
a random per-page token. The page's script renews it with a heartbeat and ends it when the
page is left; a page that stops beating (closed laptop, lost connection, crashed browser)
stops counting after ``EDITING_PRESENCE_SECONDS``. Read-only visits, history, previews and
workflow pages never create one: nothing on them can overwrite an editor's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from speeches.languages import translating
from speeches.models import LANGUAGE_CODES, EditingSession, Publication
from speeches.publishing import workflow


def editing_session_ttl() -> timedelta:
    """How long an open page counts without a heartbeat (``EDITING_PRESENCE_SECONDS``)."""
    return timedelta(seconds=settings.EDITING_PRESENCE_SECONDS)


def heartbeat_interval() -> timedelta:
    """How often an open page renews its presence (``EDITING_HEARTBEAT_SECONDS``)."""
    return timedelta(seconds=settings.EDITING_HEARTBEAT_SECONDS)


@dataclass(frozen=True)
class Editor:
    """Someone else editing the publication now, on the change form or in one language."""

    user: object
    language: str  # empty: the change form
    since: datetime


def may_edit(*, publication: Publication, user, language: str = "") -> bool:
    """May ``user`` have this editing page open: the change form, or ``language``'s editor?"""
    if language:
        return language in LANGUAGE_CODES and translating.can_translate(
            user=user, publication=publication, language=language
        )
    return workflow.can_edit(publication=publication, user=user)


@transaction.atomic
def editing_session_open(
    *,
    publication: Publication,
    user,
    token: str,
    language: str = "",
    now: datetime | None = None,
) -> list[Editor]:
    """Record (or renew, on each heartbeat) that ``user`` has an editing page open.

    ``token`` names the browser page; ``language`` is empty for the change form, else the
    side-by-side editor's language. Returns the others editing the publication now.
    Someone who may not edit it gets ``PermissionDenied`` and nothing is written.
    """
    if not may_edit(publication=publication, user=user, language=language):
        raise PermissionDenied(_("You may not edit this publication."))
    now = now or timezone.now()
    expired = now - editing_session_ttl()
    EditingSession.objects.filter(publication=publication, seen_at__lt=expired).delete()
    EditingSession.objects.update_or_create(
        publication=publication,
        user=user,
        token=token,
        defaults={"seen_at": now, "language": language},
        create_defaults={"seen_at": now, "language": language, "opened_at": now},
    )
    return editors_now(publication=publication, user=user, now=now)


def editing_session_close(*, publication: Publication, user, token: str) -> None:
    """``user`` left the page ``token``: it stops counting at once. Other pages stay."""
    EditingSession.objects.filter(publication=publication, user=user, token=token).delete()


def editors_now(*, publication: Publication, user, now: datetime | None = None) -> list[Editor]:
    """The people other than ``user`` editing the publication now, longest first.

    One entry per person and page kind (their change form, their German editor…), since
    their earliest open page: two tabs of one person are one editor.
    """
    now = now or timezone.now()
    since = now - editing_session_ttl()
    sessions = (
        EditingSession.objects.filter(publication=publication, seen_at__gte=since)
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at", "pk")
    )
    found: dict[tuple[int, str], Editor] = {}
    for session in sessions:
        found.setdefault(
            (session.user_id, session.language),
            Editor(user=session.user, language=session.language, since=session.opened_at),
        )
    return list(found.values())
