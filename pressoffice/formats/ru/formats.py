"""How ru writes a publication's date and time (overrides Django's locale)."""

DATE_FORMAT = r"j E Y"
DATETIME_FORMAT = r"j E Y H:i"
