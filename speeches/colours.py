"""Brand colours: written as hex, and dark enough to carry text on white.

A brand colour is used for links and headings on the white page, and as the background
of buttons and bands under white text, so its contrast with white must reach WCAG 2's
4.5:1 for body text (success criterion 1.4.3) both ways: the ratio is symmetric. A
colour that fails it is refused where it is entered, not discovered on the site.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
MIN_CONTRAST = 4.5
WHITE = "#ffffff"


def normalized(value: str) -> str:
    """``value`` as ``#rrggbb`` in lower case ("0B4F8A", "#0b4" → "#0b4f8a", "#00bb44");
    ValueError when it is not a hex colour."""
    match = HEX.match((value or "").strip())
    if match is None:
        raise ValueError(f"Not a hex colour: {value!r}")
    digits = match[1].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _channel(value: int) -> float:
    """One sRGB channel (0–255) as linear light (WCAG 2's relative luminance)."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    digits = normalized(colour)[1:]
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (equal) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_text_colour(value: str) -> None:
    """A hex colour whose contrast with white is at least 4.5:1."""
    try:
        colour = normalized(value)
    except ValueError:
        raise ValidationError(
            _("Enter a colour as six hexadecimal digits, e.g. #0b4f8a."), code="invalid_colour"
        ) from None
    ratio = contrast(colour, WHITE)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "%(colour)s has a contrast of only %(ratio).2f:1 with white; links, headings "
                "and white text on it need at least 4.5:1. Choose a darker colour."
            ),
            code="low_contrast",
            params={"colour": colour, "ratio": ratio},
        )
