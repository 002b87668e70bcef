"""What an uploaded file really is, decided by its content, before anything is stored.

The client's file name and content type are never trusted: a photo must open and fully
decode in Pillow as one of the accepted formats, with no bytes hidden after the image;
a document must carry its format's structure (a PDF header, the parts of an Office or
OpenDocument file, UTF-8 text that is not markup). Every refusal is a ValidationError
that says what is wrong and what is allowed.

Content sniffing is a few fixed signatures per accepted format, written here with the
standard library (zipfile for Office/OpenDocument) rather than libmagic, which would be
a system dependency and still answers only "what does this look like".

Documents are also refused when they carry active content the ministry should not pass
on to readers: macros and ActiveX/OLE objects in Office files, macros in OpenDocument
files, embedded objects in RTF, and JavaScript, launch actions, embedded files, rich media
and XFA forms in PDFs. An Office or OpenDocument archive is judged by its central
directory first (sizes, entry count, compression ratio, methods, encryption, entry names),
so a zip bomb is refused before a single byte of it is unpacked.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import time
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as SafeElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader, apply_configuration
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

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


def format_name(mime_type: str) -> str:
    """What editors call an accepted format: "JPEG", "PDF", "DOCX", "MP3" ("" if unknown)."""
    for name, (mime, _extensions) in PHOTO_FORMATS.items():
        if mime == mime_type:
            return name
    for table in (DOCUMENTS, VIDEOS, AUDIO, CAPTIONS):
        for extension, mime in table.items():
            if mime == mime_type:
                return extension.lstrip(".").upper()
    return ""


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
        # Pillow's own guard fired before ours could see the size: read it from the
        # header, so the editor is told how large the image really is.
        width, height = _header_size(data) or (0, 0)
        _check_pixels(width, height, limit=min(settings.PHOTO_MAX_PIXELS, _pillow_limit()))
        raise invalid from None
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


def _check_pixels(width: int, height: int, *, limit: int | None = None) -> None:
    limit = settings.PHOTO_MAX_PIXELS if limit is None else limit
    if width * height > limit:
        raise ValidationError(
            _("The image is %(pixels)s megapixels; at most %(limit)s are allowed."),
            params={
                "pixels": f"{width * height / 1_000_000:.1f}",
                "limit": f"{limit / 1_000_000:.1f}",
            },
            code="too_many_pixels",
        )


def _pillow_limit() -> int:
    # Image.open refuses above twice MAX_IMAGE_PIXELS; above it, it warns (an error here).
    return Image.MAX_IMAGE_PIXELS or settings.PHOTO_MAX_PIXELS


def _header_size(data: bytes) -> tuple[int, int] | None:
    """The width and height an accepted format's header declares, without decoding.

    The format's own Pillow plugin reads the header; only ``Image.open`` adds the
    decompression-bomb guard, which raises before the size can be asked for.
    """
    Image.init()
    for image_format in PHOTO_FORMATS:
        factory, accept = Image.OPEN.get(image_format, (None, None))
        if factory is None or (accept and not accept(data[:16])):
            continue
        try:
            with factory(io.BytesIO(data)) as image:
                return image.size
        except Exception:  # a header Pillow cannot read says no size; the caller refuses
            continue
    return None


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
    """One of the accepted document formats, checked by its content and its extension.

    Active content (macros, embedded objects and programs, PDF JavaScript and actions) is
    refused with a message naming what was found.
    """
    name = display_name(upload.name)
    extension = _extension(name)
    if extension not in DOCUMENTS:
        raise ValidationError(
            _("Documents may be %(allowed)s; “%(name)s” is not one of them."),
            params={"allowed": _allowed(DOCUMENTS), "name": name},
            code="document_type",
        )
    data = _read(upload, settings.DOCUMENT_MAX_BYTES)
    try:
        if not _document_matches(extension, data):
            raise _WrongFormat
        if extension == ".pdf":
            found = _pdf_active_content(data)
        elif extension == ".rtf":
            found = _rtf_active_content(data)
        elif extension in ARCHIVE_PARTS:
            found = _archive_active_content(data, extension)
        else:
            found = None
    except _WrongFormat:
        raise ValidationError(
            _("The content of “%(name)s” is not a %(format)s file."),
            params={"name": name, "format": extension.lstrip(".").upper()},
            code="document_content",
        ) from None
    if found:
        raise ValidationError(
            _(
                "“%(name)s” contains %(found)s, which this site does not pass on to readers. "
                "Please remove it, save the document again and upload that file."
            ),
            params={"name": name, "found": found},
            code="active_content",
        )
    return Inspected(DOCUMENTS[extension], extension, len(data))


class _WrongFormat(Exception):
    """The content is not the format the file's name says."""


class _Unreadable(Exception):
    """The document could not be parsed; ``reason`` says so to the editor."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _document_matches(extension: str, data: bytes) -> bool:
    if extension == ".pdf":
        return data.startswith(b"%PDF-")
    if extension == ".rtf":
        return data.startswith(b"{\\rtf")
    if extension in ARCHIVE_PARTS:
        # A real Office file begins with its first part: nothing (a program, say) before.
        return data.startswith(b"PK\x03\x04")
    if extension == ".txt":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
        # Plain text, not markup a browser might render.
        return "\x00" not in text and not text.lstrip().startswith("<")
    return False


# Office and OpenDocument files (ZIP archives)

ARCHIVE_PARTS = {
    ".docx": {"[Content_Types].xml", "word/document.xml"},
    ".xlsx": {"[Content_Types].xml", "xl/workbook.xml"},
    ".odt": {"mimetype", "META-INF/manifest.xml"},
    ".ods": {"mimetype", "META-INF/manifest.xml"},
}
# What Python's zipfile, zlib and XML parser raise on a damaged or crafted archive.
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    EOFError,
    OverflowError,
    OSError,
    ValueError,
    KeyError,
    struct.error,
    ParseError,
)
_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_UNSAFE_ENTRY = re.compile(r"(^|/)\.\.(/|$)|^/|\\|^[A-Za-z]:|\x00")
_EXECUTABLE = re.compile(
    r"\.(exe|dll|com|bat|cmd|scr|pif|cpl|msi|msp|lnk|vbs|vbe|js|jse|wsf|wsh|hta|ps1|jar|"
    r"docm|dotm|xlsm|xltm|xlam|xlsb|pptm|potm|ppsm|ppam|sldm)$",
    re.IGNORECASE,
)
_PART_LIMIT = 4 * 1024 * 1024  # manifests and content-type lists are a few kilobytes
_CHUNK = 1024 * 1024


def _archive_active_content(data: bytes, extension: str) -> str | None:
    """What active content an Office/OpenDocument file holds, after its directory is checked.

    Raises ValidationError for an archive that cannot be unpacked safely.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ARCHIVE_ERRORS:
        raise _WrongFormat from None  # no ZIP directory at all: not an Office file
    try:
        with archive:
            infos = archive.infolist()
            _check_directory(infos)
            names = [info.filename for info in infos]
            if not ARCHIVE_PARTS[extension] <= set(names):
                raise _WrongFormat
            if extension in {".odt", ".ods"}:
                mimetype = _read_part(archive, "mimetype").decode("ascii", "replace").strip()
                if mimetype != DOCUMENTS[extension]:
                    raise _WrongFormat
                return _opendocument_active_content(archive, names)
            return _office_active_content(archive, names)
    except _Unreadable as error:
        raise ValidationError(error.reason, code="document_content") from None
    except _ARCHIVE_ERRORS:
        raise ValidationError(
            _(
                "The document could not be read: it is damaged, or not what its name says. "
                "Please save it again from the office application."
            ),
            code="document_content",
        ) from None


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse from the central directory alone: nothing is unpacked before this passes."""
    limit = settings.DOCUMENT_MAX_ZIP_ENTRIES
    if len(infos) > limit:
        raise _Unreadable(
            _("The document has %(count)s parts; at most %(limit)s are allowed.")
            % {"count": len(infos), "limit": limit}
        )
    total, seen = 0, set()
    for info in infos:
        if _UNSAFE_ENTRY.search(info.orig_filename):
            raise _Unreadable(
                _(
                    "The document has a part named “%(entry)s”, a path that points outside "
                    "the document; it was refused for safety."
                )
                % {"entry": info.orig_filename.replace("\x00", "")}
            )
        if info.filename in seen:
            raise _Unreadable(
                _("The document has the part “%(entry)s” twice.") % {"entry": info.filename}
            )
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise _Unreadable(
                _(
                    "The document is encrypted or protected by a password. Please remove the "
                    "password and upload it again."
                )
            )
        if info.compress_type not in _ZIP_METHODS:
            raise _Unreadable(
                _(
                    "The document uses a compression method that is not supported (%(method)s). "
                    "Please save it again from the office application."
                )
                % {"method": info.compress_type}
            )
        total += info.file_size
        if total > settings.DOCUMENT_MAX_UNCOMPRESSED_BYTES:
            raise _Unreadable(
                _(
                    "The document would unpack to %(size)s or more; at most %(limit)s is "
                    "allowed. It was refused as a possible zip bomb."
                )
                % {
                    "size": filesizeformat(total),
                    "limit": filesizeformat(settings.DOCUMENT_MAX_UNCOMPRESSED_BYTES),
                }
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _CHUNK and ratio > settings.DOCUMENT_MAX_COMPRESSION_RATIO:
            raise _Unreadable(
                _(
                    "A part of the document expands %(ratio)s times when unpacked; at most "
                    "%(limit)s times is plausible. It was refused as a possible zip bomb."
                )
                % {"ratio": int(ratio), "limit": settings.DOCUMENT_MAX_COMPRESSION_RATIO}
            )


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One small part, never more than ``_PART_LIMIT`` bytes of it."""
    info = archive.getinfo(name)
    if info.file_size > _PART_LIMIT:
        raise _Unreadable(
            _("The document's part “%(entry)s” is implausibly large.") % {"entry": name}
        )
    with archive.open(info) as part:
        return part.read(_PART_LIMIT)


def _part_contains(archive: zipfile.ZipFile, name: str, needles: tuple[bytes, ...]) -> bool:
    """Whether a part holds one of ``needles``, read a chunk at a time (bounded memory)."""
    if name not in archive.NameToInfo:
        return False
    overlap = max(len(needle) for needle in needles) - 1
    tail = b""
    with archive.open(name) as part:
        while chunk := part.read(_CHUNK):
            window = tail + chunk
            if any(needle in window for needle in needles):
                return True
            tail = window[-overlap:]
    return False


# A relationship that makes Word fetch a template, frame, sub-document or OLE object from
# elsewhere when the file opens (remote template injection); external hyperlinks are fine.
_OOXML_REMOTE = re.compile(
    rb"<Relationship\b(?=[^>]*TargetMode=\"External\")"
    rb"(?=[^>]*Type=\"[^\"]*/(?:attachedTemplate|frame|subDocument|oleObject)\")[^>]*>",
    re.IGNORECASE,
)
# DDE fields run a program when their value is updated ("DDEAUTO c:\\windows\\...").
_OOXML_DDE = (
    b"DDEAUTO",
    b"ddeauto",
    b'instr=" DDE ',
    b'instr="DDE ',
    b"instrText> DDE ",
    b"instrText>DDE ",
    b'instrText xml:space="preserve"> DDE ',
    b'instrText xml:space="preserve">DDE ',
)


def _office_active_content(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    for name in names:
        lower = name.lower()
        base = lower.rsplit("/", 1)[-1]
        if base in {"vbaproject.bin", "vbadata.xml"}:
            return _("macros (a VBA project)")
        if "/activex/" in f"/{lower}":
            return _("ActiveX controls")
        if "/embeddings/" in f"/{lower}" and _EXECUTABLE.search(base):
            return _("an embedded program or macro document (“%(entry)s”)") % {"entry": name}
        if "/embeddings/" in f"/{lower}" and base.endswith(".bin"):
            return _("embedded OLE objects")
    for name in names:
        if name.lower().endswith(".rels") and _OOXML_REMOTE.search(_read_part(archive, name)):
            return _("a template or object loaded from elsewhere when the file is opened")
    for name in names:
        # Fields live in any part of the text (body, every header and footer, notes);
        # Excel keeps its DDE links with the external links.
        lower = name.lower()
        if (
            lower.startswith("word/")
            and lower.endswith(".xml")
            and _part_contains(archive, name, _OOXML_DDE)
        ) or (
            lower.startswith("xl/externallinks/") and _part_contains(archive, name, (b"ddeLink",))
        ):
            return _("fields that run other programs (DDE)")
    content_types = _read_part(archive, "[Content_Types].xml").lower()
    if b"macroenabled" in content_types or b"vbaproject" in content_types:
        return _("macros (a macro-enabled document)")
    if b"activex" in content_types:
        return _("ActiveX controls")
    if b"oleobject" in content_types:
        return _("embedded OLE objects")
    return None


# ODF macros live in Basic/ and Scripts/; events in the content can also call scripts,
# those of the office installation included (how LibreOffice's CVE-2019-9848 was reached).
_ODF_SCRIPT_DIRS = ("basic/", "scripts/")
_ODF_SCRIPT_CALLS = (b"vnd.sun.star.script:", b"macro://", b"<script:event-listener")


def _opendocument_active_content(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    for name in names:
        if name.lower().startswith(_ODF_SCRIPT_DIRS):
            return _("macros (Basic or scripts)")
    manifest = SafeElementTree.fromstring(
        _read_part(archive, "META-INF/manifest.xml"),
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=True,
    )
    for entry in manifest.iter(f"{{{_MANIFEST}}}file-entry"):
        path = entry.get(f"{{{_MANIFEST}}}full-path", "").lower()
        media_type = entry.get(f"{{{_MANIFEST}}}media-type", "").lower()
        if path.startswith(_ODF_SCRIPT_DIRS) or "script" in media_type:
            return _("macros (Basic or scripts)")
        if "oleobject" in media_type:
            return _("embedded OLE objects")
    for name in ("content.xml", "styles.xml"):
        if _part_contains(archive, name, _ODF_SCRIPT_CALLS):
            return _("events that run macros or scripts")
    return None


_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


# RTF

# \object, \objdata, \objocx, \objemb, \objlink, \objautlink, \objupdate…: an OLE object
# (the carrier of CVE-2017-0199 and CVE-2017-11882). Word ignores line breaks inside a
# control word, so they are taken out first; an escaped backslash (\\) is text.
_RTF_OBJECT = re.compile(rb"\\obj[a-z]*")
# Field instructions that run a program (DDE) or fetch a file when the field updates.
_RTF_FIELD = re.compile(
    rb"\\fldinst[^}]*?\b(?:DDE|DDEAUTO|INCLUDEPICTURE|INCLUDETEXT|IMPORT|LINK)\b",
    re.IGNORECASE,
)


def _rtf_active_content(data: bytes) -> str | None:
    text = data.replace(b"\r", b"").replace(b"\n", b"").replace(b"\\\\", b"")
    if _RTF_OBJECT.search(text):
        return _("embedded objects (OLE)")
    if _RTF_FIELD.search(text):
        return _("fields that run other programs or load files from elsewhere")
    return None


# PDF

# Names that mean something runs or something is carried inside, as a dictionary key or
# as a value (``/S /JavaScript``, ``/Type /EmbeddedFile``).
_PDF_ACTIVE = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/AA": "additional",
    "/EmbeddedFile": "embedded",
    "/EmbeddedFiles": "embedded",
    "/EF": "embedded",
    "/FileAttachment": "embedded",
    "/GoToE": "embedded",
    "/RichMedia": "richmedia",
    "/RichMediaContent": "richmedia",
    "/XFA": "xfa",
}
# pypdf's work on one file, far below its defaults: the objects a check reads are small.
_PDF_LIMITS = {
    "jbig2dec_binary": None,  # never start an external program on an upload
    "zlib_maximum_output_length": 20_000_000,
    "lzw_maximum_output_length": 20_000_000,
    "run_length_maximum_output_length": 20_000_000,
    "brotli_maximum_output_length": 20_000_000,
    "array_based_stream_maximum_output_length": 20_000_000,
    "stream_decoding_work_maximum_length": 60_000_000,
}
# A long report is a few hundred thousand values, read in seconds; a crafted file may hold
# millions of tiny objects, so the walk also stops at a deadline.
_PDF_MAX_OBJECTS = 1_000_000
_PDF_MAX_SECONDS = 20
_PDF_CONTAINERS = (IndirectObject, DictionaryObject, ArrayObject, NameObject)


def _pdf_descriptions() -> dict[str, str]:
    return {
        "javascript": _("JavaScript"),
        "launch": _("an action that starts a program"),
        "additional": _("actions that run by themselves (additional actions)"),
        "open": _("an action that runs when the file is opened"),
        "embedded": _("embedded files"),
        "richmedia": _("rich media (Flash or a media player)"),
        "xfa": _("an XFA form"),
    }


def _pdf_active_content(data: bytes) -> str | None:
    """Walk every object of the PDF (through object streams too) for active content.

    pypdf decodes ``#xx`` escapes in names, so ``/J#61vaScript`` is ``/JavaScript`` here.
    """
    try:
        with apply_configuration(**_PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                found = "encrypted"
            else:
                found = _pdf_walk(reader)
    except Exception:  # pypdf raises many kinds on crafted files: each means "cannot check"
        found = "unreadable"
    if found == "encrypted":
        raise ValidationError(
            _(
                "The PDF is protected by a password, so it cannot be checked. Please upload "
                "it without the password."
            ),
            code="document_content",
        )
    if found == "unreadable":
        raise ValidationError(
            _(
                "The PDF could not be read: it is damaged or too complex to check. Please "
                "export it again from the application that made it."
            ),
            code="document_content",
        )
    return _pdf_descriptions()[found] if found else None


def _pdf_walk(reader: PdfReader) -> str | None:
    """The first kind of active content found, or None; "unreadable" past the work limit."""
    # Every object the cross-reference tables list, reachable from the root or not: a
    # viewer repairing a damaged file may find what the root does not lead to.
    stack: list = [reader.trailer]
    stack += [
        IndirectObject(number, generation, reader)
        for generation, table in reader.xref.items()
        for number in table
    ]
    stack += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    seen: set[tuple[int, int]] = set()
    work, deadline = 0, time.monotonic() + _PDF_MAX_SECONDS
    while stack:
        work += 1
        if work > _PDF_MAX_OBJECTS or (work % 1000 == 0 and time.monotonic() > deadline):
            return "unreadable"
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for name, value in item.items():
                if name in _PDF_ACTIVE:
                    return _PDF_ACTIVE[name]
                if name == "/OpenAction":
                    # A destination (an array: page and zoom) is harmless; an action is not.
                    target = value.get_object() if isinstance(value, IndirectObject) else value
                    if isinstance(target, DictionaryObject):
                        named = (target.get("/S"), *target.keys())
                        return next((_PDF_ACTIVE[n] for n in named if n in _PDF_ACTIVE), "open")
                if isinstance(value, _PDF_CONTAINERS):
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(value for value in item if isinstance(value, _PDF_CONTAINERS))
        elif isinstance(item, NameObject) and item in _PDF_ACTIVE:
            return _PDF_ACTIVE[item]
    return None


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
        ".mp3": head.startswith(b"ID3") or (head[:2] >= b"\xff\xe0" and head[:1] == b"\xff"),
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


# Detecting the kind of a file dropped with others: what its first bytes are.

_SNIFF_BYTES = 64 * 1024  # signatures and image headers; never the whole of a video
# ISO base media files (MP4, M4A, AVIF...) name their brand after "ftyp": audio-only brands.
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "}
# Brands that are pictures (AVIF, HEIF, QuickTime): never taken for a recording by name.
_VIDEO_ONLY_BRANDS = {b"avif", b"avis", b"heic", b"heix", b"mif1", b"msf1", b"qt  "}


def detect_kind(upload) -> str:
    """Which kind of material an uploaded file is, from its content: "photo", "video",
    "audio" or "document". The file is then inspected as that kind (``inspect``), which
    decides whether it is accepted.

    The client's name and content type decide nothing here, with one exception: an MP4
    container with a general brand ("isom", "mp42") holds sound or pictures alike, and
    only then does an ``.m4a`` name say it is a recording. Raises ValidationError, naming
    what is accepted, for content that is none of them.
    """
    name = display_name(upload.name)
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(0)
    if not head:
        raise ValidationError(_("“%(name)s” is empty."), params={"name": name}, code="empty")
    if _looks_like_image(upload):
        return "photo"
    if head.startswith((b"%PDF-", b"{\\rtf", b"PK\x03\x04")):
        return "document"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _AUDIO_BRANDS or (
            brand not in _VIDEO_ONLY_BRANDS and _extension(name) in AUDIO
        ):
            return "audio"
        return "video"
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM (Matroska)
        return "video"
    if head.startswith(b"OggS") or head.startswith(b"ID3") or _mpeg_audio_frame(head):
        return "audio"
    if _plain_text(head):
        return "document"
    raise ValidationError(
        _(
            "“%(name)s” is not a file this library accepts. Photos may be %(photos)s; "
            "video %(video)s; audio %(audio)s; documents %(documents)s."
        ),
        params={
            "name": name,
            "photos": _allowed({e for _m, exts in PHOTO_FORMATS.values() for e in exts}),
            "video": _allowed(VIDEOS),
            "audio": _allowed(AUDIO),
            "documents": _allowed(DOCUMENTS),
        },
        code="unknown_kind",
    )


# What Pillow is asked to recognise: the accepted photos and the images people mistake for
# them. Text-based and headerless formats (XBM, XPM, TGA...) would take other files for images.
_IMAGE_FORMATS = [*PHOTO_FORMATS, "GIF", "TIFF", "BMP"]


def _looks_like_image(upload) -> bool:
    """Whether Pillow knows the file as an image, from its header alone (nothing decoded).
    Images of formats the library refuses (GIF, TIFF, BMP) count too: as photos they are
    refused with the message that names the accepted formats."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a probe: a damaged header's notes are noise
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=_IMAGE_FORMATS):
                return True
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return True  # an image, and too large: the photo check says by how much
    except Exception:  # any plugin's error on foreign content means "not an image"
        return False
    finally:
        upload.seek(0)


def _mpeg_audio_frame(head: bytes) -> bool:
    """An MP3 without an ID3 tag starts with a frame's 11 set sync bits."""
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0


def _plain_text(head: bytes) -> bool:
    """UTF-8 text that is not markup (a cut multi-byte character at the end is fine)."""
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return bool(text.strip()) and "\x00" not in text and not text.lstrip().startswith("<")


def inspect(upload, *, kind: str) -> Inspected:
    """Inspect the main file of a material of ``kind``."""
    if kind == "photo":
        return inspect_photo(upload)
    if kind == "document":
        return inspect_document(upload)
    if kind in {"video", "audio"}:
        return inspect_media(upload, kind=kind)
    raise ValidationError(_("An external link has no file."), code="no_file")
