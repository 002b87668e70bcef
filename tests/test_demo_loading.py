"""load_demo on an empty archive: no accounts with DEBUG off, and nothing left of a load
that fails. (The tests of what it loads share one load: test_demo*.py.)"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from speeches.models import Material, Publication
from speeches.publishing import services
from tests.helpers import stored_files

pytestmark = pytest.mark.django_db


def test_refuses_accounts_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.exists()
    assert not Publication.objects.exists()
    call_command("load_demo", "--no-accounts", stdout=StringIO())
    assert Publication.objects.exists()
    assert not get_user_model().objects.exists()


def test_a_failed_load_leaves_no_files_behind(settings, monkeypatch):
    real_save, calls = services.material_save, []

    def failing_save(*, material, user=None):
        calls.append(material)
        if len(calls) == 7:  # after five photos and the PDF were stored
            raise RuntimeError("disk full")
        return real_save(material=material, user=user)

    monkeypatch.setattr(services, "material_save", failing_save)
    settings.DEBUG = True
    with pytest.raises(RuntimeError, match="disk full"):
        call_command("load_demo", stdout=StringIO())
    assert not Material.objects.exists() and not Publication.objects.exists()
    assert stored_files(settings) == set()
