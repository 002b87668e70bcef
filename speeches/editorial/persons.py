"""Persons (speakers): the taxonomy admin's one write path, with their portraits.

A person is public only through public publications (``selectors.public_terms``), but
their row is staff's to keep: authors and publishers add and change persons (README
"Roles"), translators only see them. A portrait is checked and re-encoded from its
pixels before it is stored (``speeches.materials.images``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from speeches.materials import images
from speeches.models import LANGUAGE_CODES, Person, column, in_language


def may_save(*, person: Person, user) -> bool:
    action = "add" if person.pk is None else "change"
    return user.has_perm(f"speeches.{action}_person")


def person_inspect(*, person: Person) -> None:
    """Refuse (ValidationError on ``photo``) an upload that is not a photo Pillow fully
    decodes, before anything is stored."""
    try:
        images.inspect(person.photo)
    except ValidationError as error:
        raise ValidationError({"photo": error.error_list}) from None


@transaction.atomic
def person_save(*, person: Person, user) -> Person:
    """Save a person with their photo (re-encoded from an upload) and biography.

    ``user`` None is the system (the demo loader). A replaced or cleared photo's file is
    deleted once the change commits.
    """
    if user is not None and not may_save(person=person, user=user):
        raise PermissionDenied(_("You may not change persons."))
    old_photo = ""
    if person.pk is not None:
        stored = Person.objects.select_for_update().filter(pk=person.pk).first()
        old_photo = stored.photo.name if stored is not None else ""
    person_inspect(person=person)
    for code in LANGUAGE_CODES:
        setattr(person, column("biography", code), in_language(person, "biography", code).strip())
    person.full_clean(exclude=["photo"])
    images.save_with(person, "photo", kind="portrait", old_name=old_photo)
    return person
