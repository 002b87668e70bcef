"""Changing the site identity and the footer pages: the one write path for each.

The admin only collects input and calls these; the demo loader calls them too (as no one,
``user=None``, like the other services' system writes). Each checks, first, whether the
person may make the change, and a refusal writes nothing: no row, no file.
"""

from __future__ import annotations

import contextlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from speeches.colours import normalized
from speeches.materials import images
from speeches.models import LANGUAGE_CODES, FooterPage, SiteIdentity, column, in_language

IDENTITY_PK = 1


def may_change_identity(user) -> bool:
    """Administrators only: the ministry's name and emblem are not an editorial matter."""
    return user.has_perm("speeches.change_siteidentity")


def may_change_footer_pages(user) -> bool:
    """Footer pages are live as soon as they are saved, with no second person's review:
    they are for those who may publish alone (publishers and administrators)."""
    return user.has_perm("speeches.change_footerpage")


def identity_current() -> SiteIdentity:
    """The identity as stored, or a new one (unsaved) with the defaults."""
    return SiteIdentity.objects.filter(pk=IDENTITY_PK).first() or SiteIdentity(pk=IDENTITY_PK)


def identity_inspect(*, identity: SiteIdentity) -> None:
    """Refuse (ValidationError on ``emblem``) an emblem upload that is not a raster image
    Pillow fully decodes; before anything is stored."""
    try:
        images.inspect(identity.emblem)
    except ValidationError as error:
        raise ValidationError({"emblem": error.error_list}) from None


@transaction.atomic
def identity_save(*, identity: SiteIdentity, user) -> SiteIdentity:
    """Save the site identity (the one row), its emblem re-encoded from an upload.

    ``user`` None is the system (the demo loader); anyone else needs the administrators'
    permission. Colours are stored as ``#rrggbb``; a colour too light for text on white is
    refused by the model's validator. A replaced or cleared emblem's file is deleted once
    the change commits.
    """
    if user is not None and not may_change_identity(user):
        raise PermissionDenied(_("Only administrators may change the site identity."))
    identity.pk = IDENTITY_PK
    stored = SiteIdentity.objects.select_for_update().filter(pk=IDENTITY_PK).first()
    old_emblem = stored.emblem.name if stored is not None else ""
    identity_inspect(identity=identity)
    for name in ("primary_colour", "secondary_colour"):
        with contextlib.suppress(ValueError):  # if it is no colour, full_clean says so
            setattr(identity, name, normalized(getattr(identity, name)))
    for name in ("name", "short_name", "address", "hours"):
        for code in LANGUAGE_CODES:
            setattr(identity, column(name, code), in_language(identity, name, code).strip())
    identity.full_clean(exclude=["emblem"])
    if user is not None:
        identity.updated_by = user
    images.save_with(identity, "emblem", kind="emblem", old_name=old_emblem)
    return identity


@transaction.atomic
def footer_page_save(*, page: FooterPage, user) -> FooterPage:
    """Save a footer page: its text sanitised like a publication's (the field does it on
    every save). ``user`` None is the system (the demo loader); anyone else needs the
    permission to change footer pages (and to add one, for a new page)."""
    if user is not None:
        allowed = may_change_footer_pages(user) and (
            page.pk is not None or user.has_perm("speeches.add_footerpage")
        )
        if not allowed:
            raise PermissionDenied(_("You may not change the footer pages."))
    if page.pk is not None:
        FooterPage.objects.select_for_update().filter(pk=page.pk).first()
    for code in LANGUAGE_CODES:
        setattr(page, column("title", code), in_language(page, "title", code).strip())
    page.full_clean()
    if user is not None:
        page.updated_by = user
    page.save()
    return page
