"""The environment the site reads: each variable named after its setting, all of them in
.env.example and README's Configuration table, and each taking effect."""

import ast
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings

# Nothing here touches the database; but tests/conftest.py's session fixture reads the
# role groups from it, and pytest-django creates it only when a collected test asks.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = ROOT / "pressoffice" / "settings.py"

# Variables that feed a setting of another name, because no setting of theirs would hold
# anything the other one does not. Keep this short: a new variable names its setting.
NOT_SETTINGS = {
    # Parsed into DATABASES["default"] by django-environ.
    "DATABASE_URL": "DATABASES",
    # Parsed into DATABASES["replica1"]…; DATABASE_REPLICAS names those aliases.
    "DATABASE_REPLICA_URLS": "DATABASE_REPLICAS",
    # Parsed into EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER… by django-environ.
    "EMAIL_URL": "EMAIL_HOST",
    # django-anymail's own setting is a dict: ANYMAIL["WEBHOOK_SECRET"].
    "ANYMAIL_WEBHOOK_SECRET": "ANYMAIL",
}


def settings_tree() -> ast.Module:
    return ast.parse(SETTINGS_MODULE.read_text(), filename=str(SETTINGS_MODULE))


def is_env_reader(func: ast.expr) -> bool:
    """env(...), env.bool(...), env.int(...), env.list(...), env.db(...) and the like."""
    if isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name) and func.id == "env"


def variables_read() -> set[str]:
    names = set()
    for node in ast.walk(settings_tree()):
        if isinstance(node, ast.Call) and is_env_reader(node.func):
            first = node.args[0] if node.args else None
            # A name built at run time would slip past every check below.
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"line {node.lineno}: {ast.unparse(node)}"
            )
            names.add(first.value)
    return names


def env_example_names() -> list[str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]


def readme_configuration_names() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    first_cells = re.findall(r"^\| (`.+?) \|", section, flags=re.MULTILINE)
    return {name for cell in first_cells for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", cell)}


def test_settings_read_the_environment_only_through_env():
    """Otherwise a variable could be read that no check here knows of."""
    tree = settings_tree()
    handed_to_env = {
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "env.ENVIRON"
    }
    direct_reads = [
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
        and node.attr in {"environ", "getenv", "getenvb", "environb"}
        and node.lineno not in handed_to_env
    ]
    assert handed_to_env
    assert direct_reads == []


def test_env_example_lists_every_variable_the_settings_read_once():
    names = env_example_names()
    assert [name for name, count in Counter(names).items() if count > 1] == []
    assert set(names) == variables_read()


def test_readme_documents_every_variable_the_settings_read():
    assert readme_configuration_names() == variables_read()


def test_every_variable_names_a_setting():
    read = variables_read()
    assert NOT_SETTINGS.keys() <= read, "an allowed exception the settings no longer read"
    assert all(hasattr(settings, target) for target in NOT_SETTINGS.values())
    assert sorted(name for name in read - NOT_SETTINGS.keys() if not hasattr(settings, name)) == []


def site_settings(names: list[str], **variables: str) -> dict:
    """The given settings as the site's own settings module (not the test settings) makes
    them in a fresh process, from an environment holding none of the variables it reads
    but `variables`."""
    read = variables_read()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in read and not key.startswith("DJANGO_")
    }
    environment.update(DJANGO_SETTINGS_MODULE="pressoffice.settings", **variables)
    code = (
        "import json, sys, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({n: getattr(settings, n) for n in sys.argv[1:]}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *names],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_variables_set_the_settings_of_their_name():
    values = site_settings(
        [
            "DEBUG",
            "TWO_PERSON_RULE",
            "PHOTO_MAX_MB",
            "PHOTO_MAX_BYTES",
            "LOGIN_LOCKOUT_MINUTES",
            "AXES_COOLOFF_TIME",
            "ALLOWED_HOSTS",
            "SECURE_COOKIES",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "DATABASES",
        ],
        DEBUG="1",
        TWO_PERSON_RULE="0",
        PHOTO_MAX_MB="7",
        LOGIN_LOCKOUT_MINUTES="3",
        ALLOWED_HOSTS="press.example.org, www.press.example.org",
        SECURE_COOKIES="1",
        DATABASE_URL="postgres://press:secret@db.example.org:5433/press",
        DATABASE_POOL="1",
        DATABASE_PARALLEL_WORKERS="2",
    )
    database = values.pop("DATABASES")["default"]
    assert values == {
        "DEBUG": True,
        "TWO_PERSON_RULE": False,
        "PHOTO_MAX_MB": 7,
        "PHOTO_MAX_BYTES": 7 * 1024 * 1024,
        "LOGIN_LOCKOUT_MINUTES": 3,
        "AXES_COOLOFF_TIME": str(timedelta(minutes=3)),
        "ALLOWED_HOSTS": ["press.example.org", "www.press.example.org"],
        "SECURE_COOKIES": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }
    expected_database = {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "db.example.org",
        "PORT": 5433,
        "NAME": "press",
        "USER": "press",
        "PASSWORD": "secret",
        "OPTIONS": {"pool": True, "options": "-c max_parallel_workers_per_gather=2"},
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": True,
    }
    assert {key: database[key] for key in expected_database} == expected_database


def test_replica_urls_become_databases_read_by_readers_pages():
    values = site_settings(
        ["DATABASES", "DATABASE_REPLICAS", "DATABASE_ROUTERS"],
        DEBUG="1",
        DATABASE_URL="postgres://press:secret@primary.example.org/press",
        DATABASE_REPLICA_URLS=(
            "postgres://reader:secret@replica-a.example.org/press,"
            "postgres://reader:secret@replica-b.example.org:5433/press"
        ),
        DATABASE_POOL="1",
    )
    databases = values["DATABASES"]
    assert values["DATABASE_REPLICAS"] == ["replica1", "replica2"]
    assert values["DATABASE_ROUTERS"] == ["pressoffice.replicas.ReplicaRouter"]
    assert [databases[alias]["HOST"] for alias in ("default", "replica1", "replica2")] == [
        "primary.example.org",
        "replica-a.example.org",
        "replica-b.example.org",
    ]
    for alias in ("replica1", "replica2"):
        assert databases[alias]["OPTIONS"] == {
            "pool": True,
            "options": "-c max_parallel_workers_per_gather=0",
        }
        assert databases[alias]["CONN_MAX_AGE"] == 0
        assert databases[alias]["TEST"]["MIRROR"] == "default"
    assert site_settings(["DATABASE_REPLICAS"], DEBUG="1", DATABASE_REPLICA_URLS="") == {
        "DATABASE_REPLICAS": []
    }


def test_an_empty_variable_gives_the_default_not_off():
    """`STAFF_2FA_REQUIRED=` left in a unit file must not turn the second factor off."""
    values = site_settings(
        ["STAFF_2FA_REQUIRED", "TWO_PERSON_RULE", "SECURE_COOKIES", "PHOTO_MAX_BYTES", "DATABASES"],
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="press.example.org",
        STAFF_2FA_REQUIRED="",
        TWO_PERSON_RULE="",
        SECURE_COOKIES="",
        PHOTO_MAX_MB="",
        DATABASE_URL="",
    )
    assert values["STAFF_2FA_REQUIRED"] is True
    assert values["TWO_PERSON_RULE"] is True
    assert values["SECURE_COOKIES"] is True
    assert values["PHOTO_MAX_BYTES"] == 30 * 1024 * 1024
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_a_bucket_and_redis_move_files_and_cache_off_the_machine():
    """What scaling out sets: materials in an S3-compatible bucket, the cache on Redis."""
    values = site_settings(
        ["STORAGES", "AWS_S3_ENDPOINT_URL", "CACHES"],
        DEBUG="1",
        AWS_STORAGE_BUCKET_NAME="press-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert values["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["AWS_S3_ENDPOINT_URL"] == "http://127.0.0.1:9000"
    assert values["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }
    alone = site_settings(["STORAGES", "CACHES"], DEBUG="1")
    assert alone["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert alone["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
