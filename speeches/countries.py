"""Country names in every language, from CLDR (through Babel), never typed by hand."""

from functools import cache

from babel import Locale
from django.conf import settings


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes known to CLDR (its numeric regions excluded)."""
    territories = Locale("en").territories
    return frozenset(code for code in territories if len(code) == 2 and code.isalpha())


def country_names(code: str) -> dict[str, str]:
    """{language: name} for every language of the site, e.g. BY → Belarus, Беларусь…"""
    names = {}
    for language, _name in settings.LANGUAGES:
        names[language] = Locale.parse(language).territories.get(code, "")
    return names
