"""Real files for upload tests, made with Pillow and the standard library at test time."""

import io
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from speeches.demo.media import pdf_file

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


def webp_bytes(width=640, height=480) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "darkorange").save(buffer, "WEBP")
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(name="photo.jpg", **kwargs):
    return upload(name, jpeg_bytes(**kwargs), "image/jpeg")


def pdf_bytes() -> bytes:
    """A valid one-page PDF with a cross-reference table, as pypdf writes it."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


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


def m4a_bytes() -> bytes:
    """An MP4 container whose brand says it holds sound only (as iTunes and ffmpeg write)."""
    return b"\x00\x00\x00\x18ftypM4A \x00\x00\x02\x00M4A isom" + b"\x00" * 64


def webm_bytes() -> bytes:
    """An EBML header naming its document type "webm"."""
    return b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 64


# Hostile and metadata-laden files

SECRET = "GPS 55.7559N 37.6175E"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    '22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    f'exif:GPSLatitude="55,45.35N" exif:UserComment="{SECRET}"/></rdf:RDF></x:xmpmeta>'
)


def icc_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_with_metadata(width=1600, height=1000) -> bytes:
    """A JPEG with EXIF (camera, GPS), XMP, an ICC profile, a COM comment and IPTC."""
    image = Image.new("RGB", (width, height), "darkgreen")
    exif = Image.Exif()
    exif[EXIF_MAKE] = "CameraMaker"
    exif[EXIF_MODEL] = "SecretCam 3000"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0)})
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        exif=exif.tobytes(),
        xmp=XMP.encode(),
        icc_profile=icc_profile(),
        comment=SECRET,
        quality=90,
    )
    data = buffer.getvalue()
    # Photoshop's APP13 with an IPTC caption, right after SOI (Pillow writes no APP13).
    iptc = b"\x1c\x02\x78" + len(SECRET).to_bytes(2, "big") + SECRET.encode()
    resource = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    payload = b"Photoshop 3.0\x00" + resource
    app13 = b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload
    return data[:2] + app13 + data[2:]


def png_with_metadata(width=900, height=600) -> bytes:
    """A PNG with tEXt, zTXt and iTXt chunks, eXIf and an ICC profile."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET)
    info.add_text("Description", SECRET, zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    exif = Image.Exif()
    exif[EXIF_MODEL] = "SecretCam 3000"
    buffer = io.BytesIO()
    Image.new("RGBA", (width, height), (20, 90, 160, 255)).save(
        buffer, "PNG", pnginfo=info, exif=exif.tobytes(), icc_profile=icc_profile()
    )
    return buffer.getvalue()


def huge_png_bytes(width=30_000, height=30_000) -> bytes:
    """A complete, valid black-and-white PNG of ``width`` × ``height``: ~100 KB on disk."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    block = row * 1000
    idat = b"".join(compressor.compress(block) for _ in range(height // 1000))
    idat += compressor.compress(row * (height % 1000)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + crc

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def pdf_of(*objects: bytes, trailer: bytes = b"") -> bytes:
    """A PDF of these object bodies, numbered from 1 (1 is the catalog), with a correct
    cross-reference table: a real file that every reader opens."""
    return pdf_file(list(objects), trailer=trailer, version=b"1.7")


PDF_PAGES = (
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
)


def pdf_with_catalog(entries: bytes, *more: bytes) -> bytes:
    """A one-page PDF whose catalog has ``entries``; ``more`` objects are numbered from 4."""
    return pdf_of(b"<< /Type /Catalog /Pages 2 0 R " + entries + b" >>", *PDF_PAGES, *more)


def pdf_with_object_stream(hidden: bytes) -> bytes:
    """A PDF 1.5 file whose catalog's /OpenAction is object 4, kept compressed inside an
    object stream (5) and found through a cross-reference stream (6)."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
    head = b"4 0 "
    stream = zlib.compress(head + hidden)
    objects = [catalog, *PDF_PAGES]
    output = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in enumerate(objects, start=1):
        offsets[number] = len(output)
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[5] = len(output)
    output += (
        b"5 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(head), len(stream))
        + stream
        + b"\nendstream\nendobj\n"
    )
    offsets[6] = len(output)
    rows = [b"\x00" + b"\x00" * 4 + b"\xff\xff"]
    rows += [b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00" for n in (1, 2, 3)]
    rows.append(b"\x02" + (5).to_bytes(4, "big") + b"\x00\x00")  # object 4: in stream 5, first
    rows += [b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00" for n in (5, 6)]
    table = b"".join(rows)
    output += (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    output += b"startxref\n%d\n%%%%EOF\n" % offsets[6]
    return bytes(output)


def zip_of(entries: dict[str, bytes | str], *, first: str = "") -> bytes:
    """A ZIP archive (deflated) of ``entries``; ``first`` is written first and stored, as
    OpenDocument wants its ``mimetype``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(first, entries[first], compress_type=zipfile.ZIP_STORED)
        for name, content in entries.items():
            if name != first:
                archive.writestr(name, content)
    return buffer.getvalue()


DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ODT_MIME = "application/vnd.oasis.opendocument.text"


def docx_of(extra: dict[str, bytes | str] | None = None) -> bytes:
    """A DOCX with its two required parts and the ``extra`` parts."""
    entries = {"[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>"}
    entries.update(extra or {})
    return zip_of(entries)


def odt_manifest(*entries: tuple[str, str]) -> str:
    ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    rows = [("/", ODT_MIME), ("content.xml", "text/xml"), *entries]
    return (
        f'<?xml version="1.0"?><manifest:manifest xmlns:manifest="{ns}">'
        + "".join(
            f'<manifest:file-entry manifest:full-path="{path}" manifest:media-type="{media}"/>'
            for path, media in rows
        )
        + "</manifest:manifest>"
    )


def odt_of(
    extra: dict[str, bytes | str] | None = None,
    *,
    content: str = "<office:document-content/>",
    manifest: str = "",
) -> bytes:
    """An OpenDocument text with its mimetype, manifest and content, and ``extra`` parts."""
    entries = {
        "mimetype": ODT_MIME,
        "META-INF/manifest.xml": manifest or odt_manifest(),
        "content.xml": content,
    }
    entries.update(extra or {})
    return zip_of(entries, first="mimetype")


def patch_zip_headers(data: bytes, *, method: int | None = None, flags: int | None = None):
    """The archive with every local and central header's compression method or flags
    replaced: what a crafted file declares, whatever its bytes are."""
    out = bytearray(data)
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        position = out.find(signature)
        while position >= 0:
            if flags is not None:
                out[position + flag_at : position + flag_at + 2] = flags.to_bytes(2, "little")
            if method is not None:
                out[position + method_at : position + method_at + 2] = method.to_bytes(2, "little")
            position = out.find(signature, position + 4)
    return bytes(out)


def deflated_zeros(size: int) -> tuple[bytes, int]:
    """``size`` zero bytes as a raw deflate stream, and their CRC-32, made in a second:
    a 16 MiB block is compressed once and its bytes repeated (after a full flush the
    compressor starts afresh, so every block compresses to the same bytes)."""
    block = b"\x00" * (16 * 1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = size // len(block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return piece * count + compressor.flush(), crc


def zip_raw(entries: list[tuple[str, int, int, int, bytes]]) -> bytes:
    """A ZIP archive written field by field from (name, method, crc, size, data) with
    ``data`` already compressed: how an attacker makes one that declares what it likes."""
    import struct

    local, central = bytearray(), bytearray()
    for name, method, crc, size, data in entries:
        encoded = name.encode()
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            *(b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, len(data), size),
            *(len(encoded), 0, 0, 0, 0, 0, len(local)),
        )
        central += encoded
        local += struct.pack(
            "<4sHHHHHIIIHH",
            *(b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(data), size, len(encoded), 0),
        )
        local += encoded + data
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(local), 0
    )
    return bytes(local + central + end)


def stored(name: str, content: str | bytes) -> tuple[str, int, int, int, bytes]:
    data = content.encode() if isinstance(content, str) else content
    return (name, zipfile.ZIP_STORED, zlib.crc32(data), len(data), data)


def statement_files() -> list[dict]:
    """Four photos and a PDF, as a browser's file picker hands them to a page (Playwright's
    ``set_input_files``): the materials of a statement, chosen in one go."""
    photos = [
        {
            "name": f"talks-{n}.jpg",
            "mimeType": "image/jpeg",
            "buffer": jpeg_bytes(640, 427, color=colour),
        }
        for n, colour in enumerate(("steelblue", "darkred", "seagreen", "goldenrod"), start=1)
    ]
    statement = {
        "name": "joint-statement.pdf",
        "mimeType": "application/pdf",
        "buffer": pdf_bytes(),
    }
    return [*photos, statement]
