"""Settings for the test suite: the site's own settings with test-only secrets and speed-ups."""

import os
import tempfile

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
MEDIA_ROOT = tempfile.mkdtemp(prefix="pressoffice-test-media-")
# WhiteNoise wants the directory to exist even when tests never collect static files.
STATIC_ROOT = tempfile.mkdtemp(prefix="pressoffice-test-static-")

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in use: an in-memory test database shares one cache between threads and
    # fails concurrent writers at once ("table is locked") instead of queueing them.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.mkdtemp(prefix="pressoffice-test-db-"), "test.sqlite3")
    }

# Most tests sign staff in with force_login; the second factor's own tests turn it on.
STAFF_2FA_REQUIRED = False
