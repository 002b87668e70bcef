"""All of a publication's photos in one ZIP archive, built once and kept in storage.

A journalist takes every photo of a page at once. The archive holds each photo's download
copy (``renditions``: full size, no GPS or camera data, the ministry's credit), the very
file its own "Download original" link serves, under the name that link offers, numbered
in the page's order. JPEG is compressed already, so the photos are stored as they are
(``ZIP_STORED``): nothing is recompressed, and a reader's unzip takes no time.

An archive is named after what it holds (each photo's material, download file and size,
and its name in the archive), so it is built once for a set of photos, whoever asks first,
and a changed set is a new name: nothing stored is ever rewritten. Which photos a page
shows, and whether its readers may have them, is for the caller to decide.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
import tempfile
import zipfile
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.utils import timezone

from speeches.materials import files
from speeches.models import Material

FOLDER = "archives/photos"
# ZIP dates cannot be earlier than 1980.
EARLIEST = (1980, 1, 1, 0, 0, 0)
END_OF_DIRECTORY = struct.Struct("<4s4H2LH")  # the end of central directory record


@dataclass(frozen=True)
class Photo:
    """One photo of the archive: its download copy in storage and its name in the ZIP."""

    material: Material
    stored: files.StoredFile
    size: int
    arcname: str


def photos(materials: list[Material]) -> list[Photo]:
    """The photos among ``materials`` that have a download copy, in their order, each
    named as its own download is ("speech.jpg"), numbered: "01-speech.jpg"."""
    found: list[Photo] = []
    for material in materials:
        if material.kind != Material.Kind.PHOTO:
            continue
        stored = files.resolve(material, "download")
        if stored is None:
            continue
        number = len(found) + 1
        found.append(
            Photo(
                material,
                stored,
                material.renditions["download"].get("size") or 0,
                f"{number:02d}-{stored.filename}",
            )
        )
    return found


def archive_name(items: list[Photo]) -> str:
    """The archive's name in storage, from what it holds: a new set of photos (another
    photo, another order, a photo's new file) is a new archive."""
    digest = hashlib.sha256()
    for photo in items:
        digest.update(f"{photo.material.pk}\0{photo.stored.name}\0{photo.size}\0".encode())
        digest.update(f"{photo.arcname}\n".encode())
    return f"{FOLDER}/{digest.hexdigest()[:32]}.zip"


def _date_time(photo: Photo) -> tuple[int, ...]:
    """The photo's upload time: the same archive has the same bytes, whoever builds it."""
    moment = timezone.localtime(photo.material.created_at).timetuple()[:6]
    return max(tuple(moment), EARLIEST)


def write(items: list[Photo], target, *, storage: Storage = default_storage) -> None:
    """Write the ZIP of ``items`` into the open binary file ``target``, file by file."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for photo in items:
            info = zipfile.ZipInfo(photo.arcname, date_time=_date_time(photo))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            with storage.open(photo.stored.name, "rb") as source, archive.open(info, "w") as out:
                shutil.copyfileobj(source, out, 1024 * 1024)


def is_complete(name: str, *, storage: Storage = default_storage) -> bool:
    """Whether ``name`` is a whole archive, not one another request is still writing
    (or one that a crash cut short): its last bytes are the end record, written last,
    which says where the directory before it starts and how long it is."""
    try:
        size = storage.size(name)
        if size < END_OF_DIRECTORY.size:
            return False
        with storage.open(name, "rb") as stored:
            stored.seek(size - END_OF_DIRECTORY.size)
            record = stored.read(END_OF_DIRECTORY.size)
    except files.UNREADABLE:
        return False
    signature, _disk, _start, _here, _total, length, offset, _comment = END_OF_DIRECTORY.unpack(
        record
    )
    return signature == b"PK\x05\x06" and offset + length + END_OF_DIRECTORY.size == size


def stored_archive(items: list[Photo], *, storage: Storage = default_storage) -> str:
    """The name in storage of the whole archive of ``items``, built and stored unless it
    is there already.

    Built in a temporary file first, then stored in one piece. Should a request find the
    name taken by an archive still being written (or cut short), it stores its own under
    a name the storage makes free, and answers with that one.
    """
    name = archive_name(items)
    if is_complete(name, storage=storage):
        return name
    with tempfile.TemporaryFile() as built:
        write(items, built, storage=storage)
        built.seek(0)
        return storage.save(name, File(built, name=name.rsplit("/", 1)[-1]))
