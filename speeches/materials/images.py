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


def save_with(instance, field: str, *, kind: str, old_name: str) -> None:
    """Save ``instance`` with its image ``field``: a pending upload stored re-encoded, its
    size in ``<field>_width`` and ``<field>_height`` (emptied when the image is cleared).
    The file written is removed if the save fails; the one it replaces, ``old_name``,
    once the change commits."""
    image = getattr(instance, field)  # the field's own FieldFile: store() renames it
    written = ""
    try:
        if pending(image):
            size = store(image, kind=kind)
            written = image.name
        else:
            size = None if image else (None, None)
        if size is not None:
            setattr(instance, f"{field}_width", size[0])
            setattr(instance, f"{field}_height", size[1])
        instance.save()
    except Exception:
        if written:
            image.storage.delete(written)
        raise
    if old_name and old_name != image.name:
        delete_after_commit(image, old_name)
