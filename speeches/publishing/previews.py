"""Previews: a publication's page as readers will see it, before they can.

Staff open any publication (and any of its revisions) at ``/<lang>/preview/<pk>/``. A
reviewer without an account gets a shareable link instead: a ``PreviewLink`` row, named
in the URL by its signed UUID, that an editor may revoke and that expires by itself after
``PREVIEW_LINK_DAYS``. A link stops working as soon as the publication's own page is open
to readers (or the item is unpublished): from then on the public address is the one to
share, and a preview would only hide later edits behind an old URL.

Everything a preview serves is kept out of search engines and caches (``views``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from speeches.models import Material, PreviewLink, Publication, WorkflowEvent
from speeches.publishing import services
from speeches.publishing.workflow import can_edit, event_record
from speeches.richtext import sanitize_body

Status = Publication.Status
Action = WorkflowEvent.Action

# Signatures made for preview links are worth nothing anywhere else that signs with the key.
# (The module's name before it moved: links already sent keep working.)
TOKEN_SALT = "speeches.previews.preview-link"


def staff_may_see_unpublished(user) -> bool:
    """Who may see what readers may not yet (drafts, embargoed items, their files, their
    previews): active staff who may view publications in the admin, by the admin's rule."""
    return (
        user.is_active
        and user.is_staff
        and (
            user.has_perm("speeches.view_publication")
            or user.has_perm("speeches.change_publication")
        )
    )


class PreviewLinkInvalid(Exception):
    """A shared preview link that does not open the preview.

    ``reason`` tells the reviewer's page which explanation to give, ``status`` is its HTTP
    status, and ``link`` is the link when the token named one.
    """

    reason = "unknown"
    status = 404

    def __init__(self, message: str = "", *, link: PreviewLink | None = None):
        super().__init__(message or self.__class__.__doc__)
        self.link = link


class PreviewLinkUnknown(PreviewLinkInvalid):
    """The token was altered, or names no link."""


class PreviewLinkRevoked(PreviewLinkInvalid):
    """An editor revoked the link."""

    reason = "revoked"


class PreviewLinkExpired(PreviewLinkInvalid):
    """The link's time is over."""

    reason = "expired"


class PreviewLinkPublished(PreviewLinkInvalid):
    """The publication's page is open to readers now: the link gives way to its address."""

    reason = "published"
    status = 410


class PreviewLinkUnpublished(PreviewLinkInvalid):
    """The publication was unpublished."""

    reason = "unpublished"
    status = 410


def shareable(publication: Publication) -> bool:
    """Whether a preview link of ``publication`` would open anything: not yet on view."""
    return not publication.is_viewable() and publication.status != Status.UNPUBLISHED


@transaction.atomic
def preview_link_create(*, publication: Publication, user) -> PreviewLink:
    """A new link to the preview of ``publication``, valid ``PREVIEW_LINK_DAYS`` days.

    Only someone who may change the publication may show it to outsiders; the audit log
    records who did, and until when the link works.
    """
    if not can_edit(publication=publication, user=user):
        raise PermissionDenied(_("You are not allowed to share a preview of this publication."))
    if not shareable(publication):
        raise ValidationError(
            _("Readers can open this publication already: share its address instead."),
            code="not_shareable",
        )
    now = timezone.now()
    link = PreviewLink.objects.create(
        publication=publication,
        created_by=user,
        created_at=now,
        expires_at=now + timedelta(days=settings.PREVIEW_LINK_DAYS),
    )
    event_record(
        publication=publication,
        user=user,
        action=Action.SHARE_PREVIEW,
        reason=_("Valid until %(date)s") % {"date": _event_time(link.expires_at)},
        at=now,
    )
    return link


@transaction.atomic
def preview_link_revoke(*, link: PreviewLink, user) -> PreviewLink:
    """Make ``link`` stop working now. Revoking a revoked link changes nothing."""
    publication = link.publication
    if not can_edit(publication=publication, user=user):
        raise PermissionDenied(_("You are not allowed to revoke this preview link."))
    if link.revoked_at is not None:
        return link
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    event_record(
        publication=publication,
        user=user,
        action=Action.REVOKE_PREVIEW,
        reason=_("Link created %(date)s") % {"date": _event_time(link.created_at)},
        at=link.revoked_at,
    )
    return link


def _event_time(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def preview_link_token(link: PreviewLink) -> str:
    """What the shared URL carries: the link's UUID, signed, so none can be guessed."""
    return signing.Signer(salt=TOKEN_SALT).sign(link.pk.hex)


def preview_link_resolve(token: str) -> PreviewLink:
    """The link ``token`` names, if it still opens its preview; else ``PreviewLinkInvalid``.

    Checked in this order: signature, existence, the publication's state (once readers can
    open its page, or it is gone, the link says so whatever its own state), revocation,
    expiry.
    """
    try:
        link_id = uuid.UUID(hex=signing.Signer(salt=TOKEN_SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError) as error:
        raise PreviewLinkUnknown() from error
    link = PreviewLink.objects.select_related("publication").filter(pk=link_id).first()
    if link is None:
        raise PreviewLinkUnknown()
    if link.publication.status == Status.UNPUBLISHED:
        raise PreviewLinkUnpublished(link=link)
    if link.publication.is_viewable():
        raise PreviewLinkPublished(link=link)
    if link.revoked_at is not None:
        raise PreviewLinkRevoked(link=link)
    if link.expires_at <= timezone.now():
        raise PreviewLinkExpired(link=link)
    return link


def preview_link_url(link: PreviewLink, *, language: str) -> str:
    """The shared preview's path in ``language`` (make it absolute before handing it out)."""
    with translation.override(language):
        return reverse("speeches:preview_shared", kwargs={"token": preview_link_token(link)})


def preview_link_material(*, token: str, material_id: int) -> Material | None:
    """The material a shared preview shows, when ``token`` still opens that preview."""
    try:
        link = preview_link_resolve(token)
    except PreviewLinkInvalid:
        return None
    return Material.objects.filter(
        pk=material_id, attachments__publication_id=link.publication_id
    ).first()


# What a preview shows


def preview_languages(publication: Publication) -> list[str]:
    """Languages a preview can show: those with a title, in the order of settings.LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES if publication.title_in(code).strip()]


@dataclass(frozen=True)
class Preview:
    """What makes a rendering of a publication's page a preview (see views.publication_page).

    ``url_for`` gives the preview of another language, for the language row; ``token``,
    in a shared preview, goes with every material file so that the reviewer's browser
    may load them.
    """

    url_for: Callable[[str], str]
    banner: str
    token: str = ""


def preview_banner(publication: Publication, *, version=None) -> str:
    """The sentence beside "Preview" above the page: the state readers will find it in."""
    state = publication.state
    if state == "scheduled":
        when = formats.date_format(timezone.localtime(publication.published_at), "DATETIME_FORMAT")
        text = _("Scheduled for %(date)s: readers cannot see this page until then.") % {
            "date": when
        }
    else:
        text = {
            Status.DRAFT: _("Draft: readers cannot see this page."),
            Status.IN_REVIEW: _("In review: readers cannot see this page."),
            Status.PUBLISHED: _("Published: readers see this page."),
            Status.WITHDRAWN: _("Withdrawn: readers see this page under its explanation."),
            Status.UNPUBLISHED: _("Unpublished: readers cannot see this page."),
        }[state]
    if version is not None:
        saved = formats.date_format(
            timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
        )
        text += " " + _("This is the revision saved %(date)s.") % {"date": saved}
    return text


def apply_revision(publication: Publication, version) -> Publication:
    """Put the texts and fields stored in ``version`` on ``publication``, in memory only.

    The workflow's fields are not in a revision, so the state stays the current one; the
    many-to-many relations and materials stay current too. Slugs and plain texts are
    derived again, as a save would, and bodies sanitised as a save would: nothing is saved.
    """
    fields = version.field_dict
    fields_by_language = {
        f.translated_field.name for f in Publication._meta.concrete_fields if _translated(f)
    }
    for field in Publication._meta.concrete_fields:
        name = field.attname
        # The untranslated column's value follows whatever language was active when the
        # revision was read; setting it would write into the active language's column.
        if field.primary_key or field.name in fields_by_language or name not in fields:
            continue
        value = fields[name]
        base = field.translated_field.name if _translated(field) else field.name
        if base == "body" and isinstance(value, str):
            value = sanitize_body(value)
        setattr(publication, name, value)
    services.publication_derive_slugs(publication=publication)
    services.publication_derive_text(publication=publication)
    return publication


def _translated(field) -> bool:
    return hasattr(field, "translated_field")
