"""The files of a material: which stored file each URL variant means, and its public URL."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import get_valid_filename

from speeches.models import Material

logger = logging.getLogger(__name__)

# What storage raises for a file it does not have or cannot read: the disk's OSError, and
# botocore's errors when files are on object storage (django-storages' S3).
try:
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:  # no object storage installed
    UNREADABLE: tuple[type[Exception], ...] = (OSError,)
else:
    UNREADABLE = (OSError, BotoCoreError, ClientError)

PHOTO_VARIANTS = {
    f"{size}-{fmt}": (size, fmt)
    for size in ("thumb", "medium", "large")
    for fmt in ("webp", "jpeg")
}
EXTENSIONS = {"webp": ".webp", "jpeg": ".jpg"}


@dataclass(frozen=True)
class StoredFile:
    name: str  # in storage
    mime_type: str
    filename: str  # offered to the reader
    attachment: bool


def _base_name(material: Material) -> str:
    stem = material.filename.rsplit(".", 1)[0] if material.filename else f"material-{material.pk}"
    return get_valid_filename(stem) or f"material-{material.pk}"


def resolve(material: Material, variant: str) -> StoredFile | None:
    """The stored file behind ``variant``, or None when the material has no such file."""
    base = _base_name(material)
    if variant in PHOTO_VARIANTS and material.kind == Material.Kind.PHOTO:
        size, fmt = PHOTO_VARIANTS[variant]
        entry = material.renditions.get(size)
        if not entry:
            return None
        return StoredFile(entry[fmt], f"image/{fmt}", f"{base}-{size}{EXTENSIONS[fmt]}", False)
    if variant == "download" and material.kind == Material.Kind.PHOTO:
        entry = material.renditions.get("download")
        if not entry:
            return None
        return StoredFile(entry["name"], entry["mime_type"], f"{base}.jpg", True)
    if variant == "file" and material.kind != Material.Kind.PHOTO and material.file:
        extension = material.file.name.rsplit(".", 1)[-1]
        # Documents are downloaded; recordings play in the page.
        attachment = material.kind == Material.Kind.DOCUMENT
        return StoredFile(material.file.name, material.mime_type, f"{base}.{extension}", attachment)
    if variant == "poster" and material.poster:
        extension = material.poster.name.rsplit(".", 1)[-1].lower()
        mime = {"jpg": "image/jpeg", "jpeg": "image/jpeg"}.get(extension, f"image/{extension}")
        return StoredFile(material.poster.name, mime, f"{base}-poster.{extension}", False)
    if variant == "captions" and material.captions:
        return StoredFile(material.captions.name, "text/vtt", f"{base}.vtt", False)
    return None


def url(material: Material, variant: str, *, preview_token: str = "") -> str:
    """The file's URL; in a shared preview, with the token that lets a reviewer load it."""
    stored = resolve(material, variant)
    if stored is None:
        return ""
    address = reverse(
        "material_file", kwargs={"pk": material.pk, "variant": variant, "filename": stored.filename}
    )
    if preview_token:
        address += "?" + urlencode({"preview": preview_token})
    return address


@dataclass(frozen=True)
class Facts:
    """What a reader downloads: a photo's clean full-size copy, else the file itself."""

    mime_type: str
    size: int | None
    width: int | None
    height: int | None


def facts(material: Material) -> Facts:
    if material.kind == Material.Kind.PHOTO:
        download = material.renditions.get("download", {})
        return Facts(
            download.get("mime_type", ""),
            download.get("size"),
            download.get("width"),
            download.get("height"),
        )
    return Facts(material.mime_type, material.size, material.width, material.height)


def main_url(material: Material, *, preview_token: str = "") -> str:
    """What a material links to: a photo's large rendition, else its file or external link."""
    if material.kind == Material.Kind.PHOTO:
        return url(material, "large-jpeg", preview_token=preview_token)
    return material.url or url(material, "file", preview_token=preview_token)
