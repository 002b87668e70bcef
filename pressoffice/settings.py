"""Settings of the press office site.

Everything that differs between a laptop and a server comes from the environment
(see README.md and .env.example), read with django-environ. Each variable sets the
setting of the same name, in the variable's own units; a setting that Django, a library
or our code wants in other units (``PHOTO_MAX_BYTES``, ``AXES_COOLOFF_TIME``) is derived
from it right below. Local use needs nothing but ``DEBUG=1``; with ``DEBUG`` off the site
refuses to start until ``SECRET_KEY`` and ``ALLOWED_HOSTS`` are set.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# An empty variable counts as unset, as it always has here: django-environ alone would read
# `STAFF_2FA_REQUIRED=` (an emptied line in a unit file) as "off", not as the default.
env.ENVIRON = {name: value for name, value in os.environ.items() if value}

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", cast=str.strip, default=[])
if not DEBUG:
    missing = [
        name
        for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"{' and '.join(missing)} must be set when DEBUG is off. "
            "For local development set DEBUG=1 (make run does)."
        )
elif not SECRET_KEY:
    # Only ever used with DEBUG on, i.e. on a developer's machine.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # django.contrib.admin, on a site whose first page is the staff home.
    "pressoffice.admin_site.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django_prose_editor",
    "ninja",
    "corsheaders",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "speeches",
]

MIDDLEWARE = [
    # Outermost: HEAD for the API is a GET whose body is left out last (after the ETag).
    "pressoffice.middleware.ApiHeadMiddleware",
    # The API is public and read-only: any site may read it from a browser (CORS_* below).
    "corsheaders.middleware.CorsMiddleware",
    # Text compressed last, after every header and the ETag (which it makes weak).
    "pressoffice.middleware.TextGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags for pages and API answers, so revalidating caches cost a 304, not a page.
    "django.middleware.http.ConditionalGetMiddleware",
    # Between the two: see its docstring (Cache-Control before ETags, after cookies).
    "pressoffice.middleware.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "speeches.accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "pressoffice.middleware.MediaNonceMiddleware",
    # Readers' pages kept whole, once per change (its docstring says why it is last).
    "speeches.public.page_cache.PageCacheMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its answer (HTTP 429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pressoffice.urls"

# django-cors-headers: the JSON API (and only it) may be read from any origin, by GET or
# HEAD, without cookies; the answers are the same for everyone.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "speeches.public.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "pressoffice.wsgi.application"

# Database: the embedded SQLite file by default, PostgreSQL with
# DATABASE_URL=postgres://user:password@host:port/name.
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=0)
DATABASE_POOL = env.bool("DATABASE_POOL", default=False)
SQLITE_TIMEOUT = env.int("SQLITE_TIMEOUT", default=20)
# PostgreSQL's parallel workers per query of the site's connections. None by default: a
# page's queries take milliseconds, which starting workers costs (a topic feed's 50 items:
# 45 ms with two workers, 20 ms without), and the cores serve other requests meanwhile.
DATABASE_PARALLEL_WORKERS = env.int("DATABASE_PARALLEL_WORKERS", default=0)


def _connections(database: dict) -> dict:
    """How a database's connections are kept (CONN_MAX_AGE, or psycopg's pool), and
    PostgreSQL's parallel workers per query."""
    database.update(CONN_MAX_AGE=CONN_MAX_AGE, CONN_HEALTH_CHECKS=True)
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"-c max_parallel_workers_per_gather={DATABASE_PARALLEL_WORKERS}"
        if DATABASE_POOL:
            # psycopg's pool replaces persistent connections; Django requires CONN_MAX_AGE = 0.
            database["CONN_MAX_AGE"] = 0
            options["pool"] = True
    return database


DATABASES = {
    "default": _connections(env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several people at once: writers queue for the lock
    # (IMMEDIATE takes it when a transaction starts, so no read-then-write upgrade can
    # fail with "database is locked"), and WAL lets readers run beside a writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=SQLITE_TIMEOUT,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )

# Read replicas (pressoffice.replicas): DATABASE_REPLICA_URLS=postgres://…,postgres://…
# Readers' pages read from one of them; staff, writes and everything else use the primary.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), start=1):
    _replica = _connections(environ.Env.db_url_config(_url))
    # Tests read the primary's test database through every replica alias.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_number}"] = _replica
    DATABASE_REPLICAS.append(f"replica{_number}")
DATABASE_ROUTERS = ["pressoffice.replicas.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff sign-in (speeches.accounts.signin): django-axes checks every attempt before the
# password is; a second factor (django-otp) is required for publishers and administrators
# when STAFF_2FA_REQUIRED is on, which it is unless DEBUG is.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=not DEBUG)
# A staff session lasts at most STAFF_SESSION_HOURS, and ends after STAFF_IDLE_MINUTES
# without a request (an open editing page's heartbeat counts as one).
STAFF_SESSION_HOURS = env.int("STAFF_SESSION_HOURS", default=12)
STAFF_IDLE_MINUTES = env.int("STAFF_IDLE_MINUTES", default=60)
SESSION_COOKIE_AGE = STAFF_SESSION_HOURS * 3600
# How many reverse proxies in front of the application append to X-Forwarded-For (nginx
# with proxy_add_x_forwarded_for: 1). 0 trusts only the connection's own address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# After LOGIN_FAILURE_LIMIT wrong passwords or codes for one user name, or from one
# address, signing in is refused for LOGIN_LOCKOUT_MINUTES.
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success does not wipe the failures: someone signing in to their own account from an
# address must not reset the count of guesses made there at another's password.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "speeches.accounts.security_log.client_ip"
AXES_LOCKOUT_CALLABLE = "speeches.admin.accounts.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Unlocking is `manage.py axes_reset_username NAME`; the lockout ends by itself anyway.
AXES_ENABLE_ADMIN = False
# Our own security log records each failure and lockout (speeches.accounts.security_log).
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: declared here once. Adding one = add it to LANGUAGES, run
# makemigrations (modeltranslation adds nullable columns) and compilemessages.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Moscow")
# How each language writes a publication's date and time ("18 November 2019 16:40").
FORMAT_MODULE_PATH = ["pressoffice.formats"]

# modeltranslation: the default language holds the untranslated column; public
# pages never fall back to another language's text (see speeches.models).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_AUTO_POPULATE = False

STATIC_URL = "static/"
STATIC_ROOT = env("STATIC_ROOT", cast=Path, default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env("MEDIA_ROOT", cast=Path, default=BASE_DIR / "media")
# Materials' files on S3-compatible object storage (django-storages) when a bucket is
# named, so that every application server reads the same files; else MEDIA_ROOT. The
# bucket stays private: readers get files through /files/…, after the public rule.
# Credentials: these settings, or boto3's own (environment, instance role).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default="") or None
AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default="") or None
AWS_DEFAULT_ACL = None  # the bucket's own policy: private
AWS_S3_FILE_OVERWRITE = False  # a new upload gets a new name, as on disk
STORAGES = {
    "default": {
        "BACKEND": (
            "storages.backends.s3.S3Storage"
            if AWS_STORAGE_BUCKET_NAME
            else "django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads of additional materials: refused above these limits, with a message saying so.
PHOTO_MAX_MB = env.int("PHOTO_MAX_MB", default=30)
PHOTO_MAX_BYTES = PHOTO_MAX_MB * 1024 * 1024
PHOTO_MAX_MEGAPIXELS = env.int("PHOTO_MAX_MEGAPIXELS", default=60)
PHOTO_MAX_PIXELS = PHOTO_MAX_MEGAPIXELS * 1_000_000
DOCUMENT_MAX_MB = env.int("DOCUMENT_MAX_MB", default=50)
DOCUMENT_MAX_BYTES = DOCUMENT_MAX_MB * 1024 * 1024
# Office and OpenDocument files are ZIP archives: what their directory declares is checked
# before any part is unpacked, so a small file that expands to gigabytes is refused at once.
# Text-heavy XML compresses about 10:1 and photos not at all; a real document stays far
# below these.
DOCUMENT_MAX_UNCOMPRESSED_MB = env.int("DOCUMENT_MAX_UNCOMPRESSED_MB", default=250)
DOCUMENT_MAX_UNCOMPRESSED_BYTES = DOCUMENT_MAX_UNCOMPRESSED_MB * 1024 * 1024
DOCUMENT_MAX_ZIP_ENTRIES = env.int("DOCUMENT_MAX_ZIP_ENTRIES", default=5000)
DOCUMENT_MAX_COMPRESSION_RATIO = env.int("DOCUMENT_MAX_COMPRESSION_RATIO", default=100)
MEDIA_MAX_MB = env.int("MEDIA_MAX_MB", default=500)
MEDIA_MAX_BYTES = MEDIA_MAX_MB * 1024 * 1024
# In production, let nginx send material files after the app's check: the internal
# location's prefix, e.g. "/protected-media/" (see README, Deploying). Empty: Django
# streams them itself.
MATERIAL_ACCEL_REDIRECT = env.str("MATERIAL_ACCEL_REDIRECT", default="")
# How long browsers and proxies may keep a public material's file without asking again.
# 0 (the default): they revalidate every time (a cheap 304), so a file of an unpublished
# item is never served from a cache; more trades that for fewer requests.
MATERIAL_CACHE_SECONDS = env.int("MATERIAL_CACHE_SECONDS", default=0)
# Large uploads go to a temporary file rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# XLIFF files coming back from translation agencies: larger ones are refused before they
# are parsed (a file with the texts of a few hundred publications is well under 5 MB).
XLIFF_MAX_MB = env.int("XLIFF_MAX_MB", default=5)
XLIFF_MAX_BYTES = XLIFF_MAX_MB * 1024 * 1024

# Editorial workflow: whoever submitted an item for review cannot publish it (a publisher
# may force-publish with a recorded reason). Off only for a one-person office.
TWO_PERSON_RULE = env.bool("TWO_PERSON_RULE", default=True)
# How long a shareable preview link works unless revoked or the item is published first.
PREVIEW_LINK_DAYS = env.int("PREVIEW_LINK_DAYS", default=7)
# "Anna is editing this publication now": an open editing page renews its presence every
# EDITING_HEARTBEAT_SECONDS and stops counting EDITING_PRESENCE_SECONDS after its last
# heartbeat (a closed laptop, a lost connection). Browsers slow the timers of background
# tabs to about once a minute, so the second should stay well above 60.
EDITING_HEARTBEAT_SECONDS = env.int("EDITING_HEARTBEAT_SECONDS", default=30)
EDITING_PRESENCE_SECONDS = env.int("EDITING_PRESENCE_SECONDS", default=90)

# Public site.
SITE_NAME = env.str("SITE_NAME", default="")
# The name authenticator apps show beside a staff member's codes.
OTP_TOTP_ISSUER = SITE_NAME or "Press office"
# Under which terms readers may reuse the texts: printed in every page's footer and in
# each article's structured data.
CONTENT_LICENSE_NAME = env.str("CONTENT_LICENSE_NAME", default="CC BY 4.0")
CONTENT_LICENSE_URL = env.str(
    "CONTENT_LICENSE_URL", default="https://creativecommons.org/licenses/by/4.0/"
)
PUBLICATIONS_PER_PAGE = 20

# Security headers that cost nothing locally and matter on a server.
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS only, and cookies only over it, whenever DEBUG is off; 0 only behind a proxy that
# already enforces HTTPS. SECURE_COOKIES covers both of Django's cookie settings.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# Once a browser has seen it, it refuses plain HTTP to the host for that long: set it
# when HTTPS works for good (README, Deploying). Preloading is hard to undo: opt-in.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_HSTS_PRELOAD:
        # Preloading is decided for the whole registrable domain (the list takes no
        # subdomains, where a press office usually lives), once every subdomain has HTTPS;
        # until someone opts in, check --deploy's reminder of it has nothing to act on.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (django-csp) on every response; a view that sets its own keeps
# it (material files: a sandbox). Scripts and styles come from our static files only;
# the one inline script, the prose editor's import map, carries the request's nonce
# (pressoffice.middleware.MediaNonceMiddleware). JSON-LD and JSON data blocks are not
# run, so script-src does not concern them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF, csp.NONCE],
        # The rich text editor (tiptap, in django-prose-editor) adds two <style> elements
        # of fixed content; their hashes allow exactly those. A new version of the editor
        # changes them: tests/test_browser_csp.py then fails naming the new hash.
        "style-src": [
            csp.SELF,
            "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='",
        ],
        # The API documentation (Swagger UI) draws its icons as data: URLs.
        "img-src": [csp.SELF, "data:"],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    },
}
# Browser features the site never uses are off for it and for anything it might embed;
# the video and audio players may go full screen and picture-in-picture.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
} | {"fullscreen": ["self"], "picture-in-picture": ["self"]}
# Cache-Control of public pages, feeds, the sitemap and the API (material files have
# MATERIAL_CACHE_SECONDS): 0 means caches keep them but ask every time (a 304 when
# nothing changed), so a withdrawn item never lingers; more trades that for fewer
# requests. Staff pages are never cached (pressoffice.middleware).
# Whatever max-age this gives, it never runs past the next scheduled publication's second.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=0)

# Django's cache: Redis when REDIS_URL is set (shared by every process and server, so a
# page or a filter list built by one serves all), else memory of each process. Readers'
# pages, filter options and taxonomy lists are kept there per change of what readers
# see (speeches.publishing.public_state); PAGE_CACHE_SECONDS is how long a page of a past
# state stays before it is dropped (a change or an embargo's second makes a new one at
# once), and 0 builds every page for each request.
REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        # Room for the pages readers ask for most (the default keeps 300 entries).
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)

# Level of the root logger; the security log is always on, at INFO.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # One JSON object per line (speeches.accounts.security_log): time, level, event, user, ip...
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "loggers": {
        "pressoffice.security": {
            "handlers": ["security"],
            "level": "INFO",
            "propagate": False,
        },
        # django-axes narrates every attempt at INFO; the security log has them as JSON.
        "axes": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

# Background work (speeches.mailing): Django's tasks framework (django-tasks, the backport
# of Django 6's) with its database backend: a task is a row in this database, written in
# the transaction that asks for it, and `manage.py worker` runs them (make run starts one;
# in production it is a service beside the app servers, as many as you like: each task
# and each batch of emails is taken by one worker only).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Email. EMAIL_URL chooses the transport (django-environ's form): smtp+tls://user:password@
# smtp.example.org:587 for SMTP with STARTTLS, smtp+ssl://…:465, or a provider's API through
# django-anymail with EMAIL_BACKEND=anymail.backends.<provider>.EmailBackend and the
# ANYMAIL_* settings it names. With DEBUG on and neither set, each message is written as
# an .eml file into MAIL_FOLDER (var/mail/ of the checkout), which any mail program opens.
MAIL_FOLDER = env.path("MAIL_FOLDER", default=BASE_DIR / "var" / "mail")
if env.str("EMAIL_BACKEND", default=""):
    EMAIL_BACKEND = env.str("EMAIL_BACKEND")
elif env.str("EMAIL_URL", default="") or not DEBUG:
    globals().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
    # Django's SMTP backend, which tells the sender when a message is about to be
    # accepted (speeches.mailing.backends): what makes each email go once.
    EMAIL_BACKEND = "speeches.mailing.backends.SMTPBackend"
else:
    EMAIL_BACKEND = "speeches.mailing.backends.EmlFolderBackend"
    EMAIL_FILE_PATH = MAIL_FOLDER
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Press Office <press@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Where replies to readers' emails go (the press office's desk); none when empty.
MAIL_REPLY_TO = env.str("MAIL_REPLY_TO", default="")
# The site's own address, for the links in emails (no request to take it from).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
ANYMAIL = {
    # Bounce and complaint webhooks at /mail/events/<provider>/ are signed with this.
    "WEBHOOK_SECRET": env.str("ANYMAIL_WEBHOOK_SECRET", default=""),
}
# A worker holds a batch of MAIL_BATCH_SIZE emails for MAIL_CLAIM_SECONDS at most; one
# that dies is replaced by the next worker that finds its batch expired.
MAIL_BATCH_SIZE = env.int("MAIL_BATCH_SIZE", default=100)
MAIL_CLAIM_SECONDS = env.int("MAIL_CLAIM_SECONDS", default=60)
# How many workers share one large sending (set it to the number of workers you run).
MAIL_SENDERS = env.int("MAIL_SENDERS", default=1)
# A sending the mail server refuses is tried again after 1, 5, 15 and 60 minutes, then
# counted as failed (administrators are told, and may retry it from the admin).
MAIL_RETRY_MINUTES = [1, 5, 15, 60]
# After this many bounces, nothing more is sent to an address.
MAIL_BOUNCE_LIMIT = env.int("MAIL_BOUNCE_LIMIT", default=3)
# Daily digests go out at this hour of TIME_ZONE, with the day before's items.
MAIL_DIGEST_HOUR = env.int("MAIL_DIGEST_HOUR", default=7)
# Sign-ups per address and per IP address (django-ratelimit's rates).
SUBSCRIBE_RATE_PER_ADDRESS = env.str("SUBSCRIBE_RATE_PER_ADDRESS", default="3/h")
SUBSCRIBE_RATE_PER_IP = env.str("SUBSCRIBE_RATE_PER_IP", default="20/h")
RATELIMIT_VIEW = "speeches.mailing.views.throttled"
