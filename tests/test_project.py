"""Project-level guarantees: migrations match the models, production refuses unsafe settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db(databases=["default", "replica"])  # it reads every database's history
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def django_setup(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "pressoffice.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS must be set"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS must be set"),
        ({"ALLOWED_HOSTS": "press.example.org"}, "SECRET_KEY must be set"),
    ],
)
def test_production_refuses_to_start_without_secret_key_and_hosts(env, missing):
    result = django_setup(DEBUG="0", **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_starts_with_secret_key_and_hosts():
    result = django_setup(DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="press.example.org")
    assert result.returncode == 0, result.stderr


def test_local_development_needs_only_debug():
    assert django_setup(DEBUG="1").returncode == 0
