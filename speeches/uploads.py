"""What an uploaded file really is, decided by its content, before anything is stored.

The client's file name and content type are never trusted: a photo must open and fully
decode in Pillow as one of the accepted formats, with no bytes hidden after the image;
a document must carry its format's structure (a PDF header, the parts of an Office or
OpenDocument file, UTF-8 text that is not markup). Every refusal is a ValidationError
that says what is wrong and what is allowed.

Content sniffing is a few fixed signatures per accepted format, written here with the
standard library (zipfile for Office/OpenDocument) rather than libmagic, which would be
a system dependency and still answers only "what does this look like".
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

PHOTO_FORMATS = {
    # Pillow format: (MIME type, accepted extensions)
    "JPEG": ("image/jpeg", {".jpg", ".jpeg"}),
    "PNG": ("image/png", {".png"}),
    "WEBP": ("image/webp", {".webp"}),
    "AVIF": ("image/avif", {".avif"}),
}
DOCUMENTS = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".txt": "text/plain",
    ".rtf": "application/rtf",
}
VIDEOS = {".mp4": "video/mp4", ".webm": "video/webm"}
AUDIO = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".m4a": "audio/mp4"}
CAPTIONS = {".vtt": "text/vtt"}


@dataclass(frozen=True)
class Inspected:
    """What the upload was found to be."""

    mime_type: str
    extension: str
    size: int
    width: int | None = None
    height: int | None = None


def display_name(name: str) -> str:
    """The client's file name, reduced to a harmless name to show and download under.

    Names with a path are refused outright: a browser never sends one, so it is an attack
    or a broken client, and the editor should know rather than get a surprise name.
    """
    if "/" in name or "\\" in name or name.strip() in {"", ".", ".."} or "\x00" in name:
        raise ValidationError(
            _("A file name may not contain a path (“%(name)s”)."), params={"name": name}
        )
    cleaned = "".join(c for c in name if c.isprintable()).strip().lstrip(".")
    return cleaned[-150:] or "file"


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _read(upload, limit: int) -> bytes:
    size = upload.size
    if size is None or size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s is allowed."),
            params={"size": filesizeformat(size or 0), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def _allowed(choices) -> str:
    return ", ".join(sorted(ext.lstrip(".").upper() for ext in choices))


def inspect_photo(upload) -> Inspected:
    """A JPEG, PNG, WebP or AVIF that decodes completely, within the pixel limit."""
    name = display_name(upload.name)
    data = _read(upload, settings.PHOTO_MAX_BYTES)
    allowed = {ext for _mime, exts in PHOTO_FORMATS.values() for ext in exts}
    invalid = ValidationError(
        _("This is not a valid photo. Allowed: %(allowed)s."),
        params={"allowed": _allowed(allowed)},
        code="invalid_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image_format, (width, height) = image.format, image.size
                if image_format not in PHOTO_FORMATS:
                    raise invalid
                _check_pixels(width, height)
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # verify() does not decode: a truncated file fails only here
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _check_pixels(settings.PHOTO_MAX_PIXELS + 1, 1)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise invalid from None
    mime, extensions = PHOTO_FORMATS[image_format]
    if _extension(name) not in extensions:
        raise ValidationError(
            _("The file is a %(format)s image but is named “%(name)s”."),
            params={"format": image_format, "name": name},
            code="wrong_extension",
        )
    if _trailing_bytes(image_format, data):
        raise ValidationError(
            _("The file has data hidden after the image. Please export the photo again."),
            code="trailing_data",
        )
    return Inspected(mime, _extension(name), len(data), width, height)


def _check_pixels(width: int, height: int) -> None:
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise ValidationError(
            _("The image is %(pixels)s megapixels; at most %(limit)s are allowed."),
            params={
                "pixels": round(width * height / 1_000_000, 1),
                "limit": round(settings.PHOTO_MAX_PIXELS / 1_000_000, 1),
            },
            code="too_many_pixels",
        )


def _trailing_bytes(image_format: str, data: bytes) -> bool:
    """Whether bytes follow the image's own end (a polyglot file, e.g. PNG + HTML)."""
    if image_format == "PNG":
        position = 8
        while position + 8 <= len(data):
            length = int.from_bytes(data[position : position + 4], "big")
            chunk = data[position + 4 : position + 8]
            position += 12 + length
            if chunk == b"IEND":
                return bool(data[position:].strip(b"\x00"))
        return True
    if image_format == "JPEG":
        end = data.rfind(b"\xff\xd9")
        return end < 0 or bool(data[end + 2 :].strip(b"\x00"))
    if image_format == "WEBP":
        end = int.from_bytes(data[4:8], "little") + 8
        return bool(data[end:].strip(b"\x00"))
    if image_format == "AVIF":
        return _iso_bmff_end(data) != len(data)
    return False


def _iso_bmff_end(data: bytes) -> int:
    position = 0
    while position + 8 <= len(data):
        size = int.from_bytes(data[position : position + 4], "big")
        if size == 1:
            size = int.from_bytes(data[position + 8 : position + 16], "big")
        elif size == 0:
            return len(data)
        if size < 8:
            return -1
        position += size
    return position


def inspect_document(upload) -> Inspected:
    """One of the accepted document formats, checked by its content and its extension."""
    name = display_name(upload.name)
    extension = _extension(name)
    if extension not in DOCUMENTS:
        raise ValidationError(
            _("Documents may be %(allowed)s; “%(name)s” is not one of them."),
            params={"allowed": _allowed(DOCUMENTS), "name": name},
            code="document_type",
        )
    data = _read(upload, settings.DOCUMENT_MAX_BYTES)
    if not _document_matches(extension, data):
        raise ValidationError(
            _("The content of “%(name)s” is not a %(format)s file."),
            params={"name": name, "format": extension.lstrip(".").upper()},
            code="document_content",
        )
    return Inspected(DOCUMENTS[extension], extension, len(data))


def _zip_names(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _opendocument(data: bytes, mime: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip() == mime
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def _document_matches(extension: str, data: bytes) -> bool:
    if extension == ".pdf":
        return data.startswith(b"%PDF-")
    if extension == ".rtf":
        return data.startswith(b"{\\rtf")
    if extension == ".docx":
        return {"[Content_Types].xml", "word/document.xml"} <= _zip_names(data)
    if extension == ".xlsx":
        return {"[Content_Types].xml", "xl/workbook.xml"} <= _zip_names(data)
    if extension in {".odt", ".ods"}:
        return _opendocument(data, DOCUMENTS[extension])
    if extension == ".txt":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
        # Plain text, not markup a browser might render.
        return "\x00" not in text and not text.lstrip().startswith("<")
    return False


def inspect_media(upload, *, kind: str) -> Inspected:
    """An MP4/WebM video or an MP3/OGG/M4A recording, by signature and extension."""
    formats = VIDEOS if kind == "video" else AUDIO
    name = display_name(upload.name)
    extension = _extension(name)
    if extension not in formats:
        raise ValidationError(
            _("Allowed formats: %(allowed)s."),
            params={"allowed": _allowed(formats)},
            code="media_type",
        )
    data = _read(upload, settings.MEDIA_MAX_BYTES)
    head = data[:64]
    matches = {
        ".mp4": head[4:8] == b"ftyp",
        ".m4a": head[4:8] == b"ftyp",
        ".webm": head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head,
        ".ogg": head.startswith(b"OggS"),
        ".mp3": head.startswith(b"ID3") or (head[:1] == b"\xff" and head[1] & 0xE0 == 0xE0),
    }[extension]
    if not matches:
        raise ValidationError(
            _("The content of “%(name)s” is not a %(format)s file."),
            params={"name": name, "format": extension.lstrip(".").upper()},
            code="media_content",
        )
    return Inspected(formats[extension], extension, len(data))


def inspect_captions(upload) -> Inspected:
    """A WebVTT captions file."""
    name = display_name(upload.name)
    data = _read(upload, settings.DOCUMENT_MAX_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    if _extension(name) != ".vtt" or not text.startswith("WEBVTT"):
        raise ValidationError(_("Captions must be a WebVTT (.vtt) file."), code="captions")
    return Inspected("text/vtt", ".vtt", len(data))


def inspect(upload, *, kind: str) -> Inspected:
    """Inspect the main file of a material of ``kind``."""
    if kind == "photo":
        return inspect_photo(upload)
    if kind == "document":
        return inspect_document(upload)
    if kind in {"video", "audio"}:
        return inspect_media(upload, kind=kind)
    raise ValidationError(_("An external link has no file."), code="no_file")
