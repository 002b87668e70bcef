"""Images the site shows of itself: the ministry's emblem and persons' portraits.

Each is checked like a photo of the media library (``uploads.inspect_photo``: a JPEG, PNG,
WebP or AVIF that decodes completely in Pillow, within the pixel limit; SVG, which can
carry scripts, is no photo) and re-encoded from its pixels (``renditions.emblem`` and
``renditions.portrait``: upright, sRGB, no metadata) before anything is stored. The
uploaded bytes are never stored, so nothing of them can be served.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile

from speeches.materials import renditions, uploads

ENCODERS = {
    # kind: (encoder, the stored file's name, which upload_to makes unguessable)
    "emblem": (renditions.emblem, "emblem.png"),
    "portrait": (renditions.portrait, "portrait.jpg"),
}


def pending(field_file: FieldFile) -> bool:
    """A file assigned in this request and not yet written to storage."""
    return bool(field_file) and not getattr(field_file, "_committed", True)


def inspect(field_file: FieldFile) -> None:
    """Refuse (ValidationError) a pending upload that is not a photo Pillow fully reads."""
    if pending(field_file):
        uploads.inspect_photo(field_file.file)


def store(field_file: FieldFile, *, kind: str) -> tuple[int, int]:
    """Re-encode the pending upload of ``field_file`` and store it under a server-made
    name, which the field then holds; its width and height."""
    encode, name = ENCODERS[kind]
    upload = field_file.file
    upload.seek(0)
    encoded, width, height = encode(upload.read())
    field_file.save(name, ContentFile(encoded), save=False)
    return width, height


def delete_after_commit(field_file: FieldFile, name: str) -> None:
    """Remove the stored file ``name`` once the transaction that replaced it commits (and
    never if it is rolled back, when the row still names it)."""
    if name:
        storage = field_file.storage
        transaction.on_commit(lambda: storage.delete(name))
