"""Interface translations: every catalogue complete and its compiled .mo current."""

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_is_complete_and_compiled(language):
    directory = LOCALE / language / "LC_MESSAGES"
    with open(directory / "django.po", "rb") as po:
        catalog = read_po(po)
    with open(directory / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    messages = [m for m in catalog if m.id]
    assert messages
    for message in messages:
        assert message.string, f"{language}: untranslated {message.id!r}"
        assert not message.fuzzy, f"{language}: fuzzy {message.id!r}"
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        if isinstance(message.string, tuple):  # plural: every form, as compiled
            for form, expected in enumerate(message.string):
                assert compiled._catalog[(key, form)] == expected, f"{language}: stale .mo"
        else:
            assert compiled._catalog[key] == message.string, f"{language}: stale .mo ({msgid!r})"
