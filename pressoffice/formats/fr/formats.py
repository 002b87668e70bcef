"""How fr writes a publication's date and time (overrides Django's locale)."""

DATE_FORMAT = r"j F Y"
DATETIME_FORMAT = r"j F Y H:i"
