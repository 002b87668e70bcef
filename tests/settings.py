"""Settings for the test suite: the site's own settings with test-only secrets and speed-ups."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")

from pressoffice.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One temporary folder per process (pytest's, each xdist worker's) for what the settings
# need on disk, removed when the process ends. Each test stores its files in a folder of
# its own (conftest's _media_in_tmp); this MEDIA_ROOT is only a fallback.
TEST_ROOT = Path(tempfile.mkdtemp(prefix="pressoffice-tests-"))
atexit.register(shutil.rmtree, TEST_ROOT, ignore_errors=True)
MEDIA_ROOT = TEST_ROOT / "media"
# WhiteNoise wants the directory to exist even when tests never collect static files.
STATIC_ROOT = TEST_ROOT / "static"
STATIC_ROOT.mkdir()

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in use: an in-memory test database shares one cache between threads and
    # fails concurrent writers at once ("table is locked") instead of queueing them.
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_ROOT / "test.sqlite3")}  # noqa: F405

# A second database standing in for a read replica (test_replicas.py copies the primary's
# rows into it, as replication would); readers' pages use it only where a test lists it
# in DATABASE_REPLICAS. It is migrated like the primary, whose schema a replica copies
# with its rows (on PostgreSQL, the search entries and the triggers that keep them too).
DATABASES["replica"] = {  # noqa: F405
    **DATABASES["default"],  # noqa: F405
    "TEST": {},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["replica"]["TEST"]["NAME"] = str(TEST_ROOT / "replica.sqlite3")  # noqa: F405
else:
    DATABASES["replica"]["TEST"]["NAME"] = f"test_{DATABASES['default']['NAME']}_replica"  # noqa: F405
DATABASE_REPLICAS = []

# Most tests sign staff in with force_login; the second factor's own tests turn it on.
STAFF_2FA_REQUIRED = False

# Readers' whole pages are kept only where a test turns it on (test_page_cache.py,
# test_leaks.py): elsewhere a page is built for each request, so tests read its context
# and count its queries. Filter options and taxonomy lists are kept as in use.
PAGE_CACHE_SECONDS = 0

if REDIS_URL:  # noqa: F405
    # One Redis database per xdist worker: each test empties the cache it uses
    # (conftest's _empty_cache), and must not empty another worker's.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw-1").removeprefix("gw"))
    database = urlsplit(REDIS_URL)._replace(path=f"/{worker + 2}")  # noqa: F405
    CACHES["default"]["LOCATION"] = database.geturl()  # noqa: F405
