"""Several files into the media library at once: one material each, its kind found from
its content.

An editor drops a day's photos and the statement's PDF together, onto a publication or
onto the media library's list; nobody chooses "photo" or "document" by hand. Each file is
then checked exactly as a single upload is (``services.material_save``, through
``speeches.materials.uploads``): a refused file is reported by its name with the reason,
and nothing of it is written, while the others are still created.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from speeches.languages import translating
from speeches.materials import uploads
from speeches.models import Material
from speeches.publishing import services


@dataclass
class Upload:
    """What became of one file: its material, or why it was refused."""

    name: str  # the client's file name, as it may be shown
    material: Material | None = None
    errors: list[str] = field(default_factory=list)


def can_upload(user) -> bool:
    """Adding materials is the newsroom's: translators describe them side by side only."""
    return user.has_perm("speeches.add_material") and not translating.is_translator(user)


def materials_upload(*, files, user) -> list[Upload]:
    """One new material per file of ``files``, in their order, each of the kind its
    content shows. Returns one ``Upload`` per file.

    Each file is saved in a transaction (a savepoint inside the caller's) of its own: a
    refusal undoes that file alone, and ``material_save`` writes nothing to storage for a
    file it refuses.
    """
    if not can_upload(user):
        raise PermissionDenied(_("You may not add materials."))
    return [_upload_one(upload, user) for upload in files]


def _upload_one(upload, user) -> Upload:
    try:
        name = uploads.display_name(upload.name or "")
    except ValidationError as error:
        return Upload(name=(upload.name or "").replace("\x00", "")[-150:], errors=error.messages)
    try:
        kind = uploads.detect_kind(upload)
        with transaction.atomic():
            material = services.material_save(material=Material(kind=kind, file=upload), user=user)
    except ValidationError as error:
        return Upload(name=name, errors=error.messages)
    return Upload(name=name, material=material)
