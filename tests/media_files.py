"""Real files for upload tests, made with Pillow and the standard library at test time."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD, EXIF_MAKE, EXIF_MODEL, EXIF_ORIENTATION = 0x8825, 0x010F, 0x0110, 0x0112


def jpeg_bytes(width=1200, height=800, *, gps=False, orientation=None, color="steelblue") -> bytes:
    image = Image.new("RGB", (width, height), color)
    exif = Image.Exif()
    exif[EXIF_MAKE] = "CameraMaker"
    exif[EXIF_MODEL] = "SecretCam 3000"
    if orientation:
        exif[EXIF_ORIENTATION] = orientation
    if gps:
        # 55°45′N 37°37′E: where the photo was taken must never reach a reader.
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), quality=90)
    return buffer.getvalue()


def png_bytes(width=640, height=480) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (width, height), (200, 30, 30, 128)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(name="photo.jpg", **kwargs):
    return upload(name, jpeg_bytes(**kwargs), "image/jpeg")


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def mp4_bytes() -> bytes:
    return b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def mp3_bytes() -> bytes:
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64
