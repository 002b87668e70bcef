"""Real files for the demo's additional materials, generated in code (Pillow and stdlib only).

Pure functions returning bytes: nothing is downloaded or read from disk, and the same
arguments always give the same file. The demo loader stores what they return through
``services.material_save``, like any upload.
"""

from __future__ import annotations

import functools
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

PHOTO_WIDTH, PHOTO_HEIGHT = 1600, 1067  # 3:2, the widest the demo ever stores
SCENES = ("landscape", "meeting", "building")
GPS_IFD, EXIF_MAKE, EXIF_MODEL = 0x8825, 0x010F, 0x0110

# MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC, joint stereo: 1152 samples per frame.
MP3_FRAME_HEADER = bytes.fromhex("FFFB9064")
MP3_FRAME_LENGTH = 144 * 128_000 // 44_100  # 417 bytes (no padding bit)
MP3_SAMPLES_PER_FRAME, MP3_SAMPLE_RATE = 1152, 44_100


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    """A vertical gradient from ``top`` to ``bottom`` (RGB)."""
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _landscape(draw: ImageDraw.ImageDraw, w: int, h: int, rng: random.Random) -> None:
    sun_x, r = rng.randint(w // 2, w - w // 6), h // 9
    draw.ellipse((sun_x - r, h // 5 - r, sun_x + r, h // 5 + r), fill=(255, 214, 90))
    for i, colour in enumerate([(76, 140, 74), (52, 112, 60), (34, 86, 46)]):
        centre = rng.randint(0, w)
        top = h // 2 + i * h // 9
        draw.ellipse((centre - w, top, centre + w, top + h), fill=colour)
    draw.polygon(
        [(w // 2 - 20, h), (w // 2 + 20, h), (w // 2 + 4, h * 2 // 3)], fill=(190, 170, 130)
    )


def _meeting(draw: ImageDraw.ImageDraw, w: int, h: int, rng: random.Random) -> None:
    for i, stripes in enumerate(
        [[(255, 255, 255), (0, 57, 166), (213, 43, 30)], [(200, 16, 46), (0, 122, 51)]]
    ):
        pole = w * 9 // 20 + i * w // 3 + rng.randint(-40, 40)
        draw.rectangle((pole - 4, h // 8, pole + 4, h * 5 // 8), fill=(120, 110, 100))
        band = h // 5 // len(stripes)
        for j, colour in enumerate(stripes):
            draw.rectangle(
                (pole + 4, h // 8 + j * band, pole + w // 7, h // 8 + (j + 1) * band), colour
            )
    for x in range(w // 8, w - w // 8, w // 10):
        draw.rounded_rectangle((x, h * 11 // 20, x + w // 16, h * 3 // 4), 18, fill=(60, 40, 30))
    draw.rectangle((w // 12, h * 13 // 20, w - w // 12, h * 3 // 4), fill=(110, 70, 40))
    draw.rectangle((w // 12, h * 3 // 4, w - w // 12, h * 4 // 5), fill=(80, 50, 30))


def _building(draw: ImageDraw.ImageDraw, w: int, h: int, rng: random.Random) -> None:
    left, right = w // 5, w - w // 5
    base, top = h * 3 // 4, h * 2 // 5
    draw.polygon(
        [(left - 30, top), (right + 30, top), (w // 2, top - h // 6)], fill=(225, 215, 195)
    )
    draw.rectangle((left, top, right, base), fill=(205, 195, 175))
    columns = rng.randint(6, 8)
    step = (right - left) // columns
    for i in range(columns):
        x = left + i * step + step // 3
        draw.rectangle((x, top + 20, x + step // 3, base), fill=(240, 235, 220))
    for i in range(4):
        draw.rectangle(
            (left - 20 * (i + 1), base + i * 18, right + 20 * (i + 1), base + (i + 1) * 18),
            (170, 160, 150),
        )


SKIES = {
    "landscape": ((40, 90, 170), (200, 225, 245)),
    "meeting": ((225, 205, 170), (150, 120, 90)),
    "building": ((60, 40, 110), (245, 160, 90)),
}
PAINTERS = {"landscape": _landscape, "meeting": _meeting, "building": _building}


@functools.lru_cache(maxsize=64)  # bytes are immutable; repeated demo loads reuse them
def photo_jpeg(
    number: int,
    *,
    scene: str = "landscape",
    width: int = PHOTO_WIDTH,
    height: int = PHOTO_HEIGHT,
    gps: bool = False,
    quality: int = 85,
) -> bytes:
    """A JPEG of a simple generated ``scene`` labelled "Demo photo ``number``".

    With ``gps`` the file carries a camera make/model and a GPS position in its EXIF, as a
    phone photo would, to show that what readers get has none of it.
    """
    rng = random.Random(number)
    image = _gradient((width, height), *SKIES[scene])
    draw = ImageDraw.Draw(image)
    PAINTERS[scene](draw, width, height, rng)
    font = ImageFont.load_default(size=max(16, height // 12))
    label = f"Demo photo {number}"
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    margin = height // 30
    box = (margin, margin, margin * 3 + right - left, margin * 3 + bottom - top)
    draw.rectangle(box, fill=(20, 20, 30))
    draw.text((margin * 2 - left, margin * 2 - top), label, font=font, fill=(255, 255, 255))
    exif = Image.Exif()
    if gps:
        exif[EXIF_MAKE] = "DemoPhone"
        exif[EXIF_MODEL] = "Demo Camera 12"
        # 55 44 46 N, 37 35 0 E (the Ministry's building): must never reach a reader.
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (55.0, 44.0, 46.0), 3: "E", 4: (37.0, 35.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif.tobytes())
    return buffer.getvalue()


def _pdf_text(value: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (the em dash is 0x97), escaped."""
    encoded = value.encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_unicode(value: str) -> bytes:
    """A PDF text string for metadata: UTF-16BE with its byte order mark, in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def pdf_document(lines: list[str], *, title: str = "") -> bytes:
    """A valid one-page A4 PDF showing ``lines`` in Helvetica (first line as a heading).

    Written object by object with a correct cross-reference table, so any PDF reader opens
    it and its text can be selected and searched.
    """
    commands = [b"BT", b"/F1 18 Tf", b"72 770 Td"]
    for index, line in enumerate(lines):
        if index == 1:
            commands += [b"/F1 11 Tf", b"16 TL", b"0 -12 Td"]
        if index:
            commands.append(b"T*")
        commands.append(_pdf_text(line) + b" Tj")
    commands.append(b"ET")
    stream = b"\n".join(commands)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + _pdf_unicode(title or (lines[0] if lines else "")) + b" "
        b"/Producer (Press Office demo loader) >>",
    ]
    return pdf_file(objects, trailer=b"/Info 6 0 R")


def pdf_file(objects: list[bytes], *, trailer: bytes = b"", version: bytes = b"1.4") -> bytes:
    """A PDF of these object bodies, numbered from 1 (1 is the catalog), with a correct
    cross-reference table."""
    output = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objects) + 1, trailer)
    output += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(output)


def _id3_text_frame(frame_id: bytes, text: str) -> bytes:
    body = b"\x01" + b"\xff\xfe" + text.encode("utf-16-le") + b"\x00\x00"  # UTF-16 with BOM
    return frame_id + len(body).to_bytes(4, "big") + b"\x00\x00" + body


def _synchsafe(value: int) -> bytes:
    return bytes((value >> shift) & 0x7F for shift in (21, 14, 7, 0))


def mp3_silence(seconds: float = 2.0, *, title: str = "", artist: str = "") -> bytes:
    """An MP3 of ``seconds`` of silence: an ID3v2.3 tag, then silent Layer III frames.

    Each frame is a 128 kbit/s 44.1 kHz header followed by zeros: zero side information
    means no audio data, which decoders play as silence.
    """
    frames = b"".join(
        _id3_text_frame(frame_id, text)
        for frame_id, text in ((b"TIT2", title), (b"TPE1", artist))
        if text
    )
    tag = b"ID3\x03\x00\x00" + _synchsafe(len(frames)) + frames
    count = math.ceil(seconds * MP3_SAMPLE_RATE / MP3_SAMPLES_PER_FRAME)
    frame = MP3_FRAME_HEADER + bytes(MP3_FRAME_LENGTH - len(MP3_FRAME_HEADER))
    return tag + frame * count


def emblem_png(size: int = 512) -> bytes:
    """The demo ministry's emblem: a blue shield with a gold star and a laurel ring on a
    transparent ground, as a PNG (an emblem is raster here: SVG is refused)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre, radius = size / 2, size * 0.46
    draw.ellipse(
        (centre - radius, centre - radius, centre + radius, centre + radius),
        fill=(11, 79, 138, 255),
        outline=(212, 175, 55, 255),
        width=max(4, size // 40),
    )
    # Laurel: small leaves round the rim.
    leaf = size * 0.045
    for step in range(28):
        angle = math.pi * (0.62 + step / 27 * 1.76)
        x = centre + math.cos(angle) * radius * 0.78
        y = centre + math.sin(angle) * radius * 0.78
        draw.ellipse((x - leaf, y - leaf / 2, x + leaf, y + leaf / 2), fill=(212, 175, 55, 255))
    # A five-pointed star in the middle.
    points = []
    for index in range(10):
        r = radius * (0.45 if index % 2 == 0 else 0.18)
        angle = -math.pi / 2 + index * math.pi / 5
        points.append((centre + math.cos(angle) * r, centre + math.sin(angle) * r))
    draw.polygon(points, fill=(212, 175, 55, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@functools.lru_cache(maxsize=8)
def portrait_jpeg(label: str, *, width: int = 600, height: int = 750) -> bytes:
    """A drawn head-and-shoulders silhouette labelled "Demo portrait": no one's face."""
    image = _gradient((width, height), (205, 214, 224), (150, 165, 182))
    draw = ImageDraw.Draw(image)
    colour = (52, 63, 82)
    head = width * 0.2
    cx, cy = width / 2, height * 0.38
    draw.ellipse((cx - head, cy - head * 1.2, cx + head, cy + head * 1.2), fill=colour)
    draw.ellipse((cx - width * 0.42, height * 0.62, cx + width * 0.42, height * 1.25), fill=colour)
    font = ImageFont.load_default(size=max(16, height // 22))
    text = f"Demo portrait: {label}"
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    margin = height // 40
    draw.rectangle((0, 0, width, margin * 2 + bottom - top), fill=(20, 20, 30))
    draw.text(((width - (right - left)) / 2 - left, margin - top), text, font=font, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
