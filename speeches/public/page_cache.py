"""Readers' pages kept whole in Django's cache, once per change of what readers see.

A page that every reader gets alike (the archive, a publication, a feed, a sitemap, an
API answer) is built once for the state readers see (``public_state.ReaderState``: the
number of the last change, and the next embargo's second) and kept under a key that
names that state. A publication, a translation, a term or a material that changes moves
the number on when its transaction commits, and an embargo's second ends its state: from
then on every request looks under a new key, so nothing is ever deleted and no page
outlives what it showed. Entries of past states expire after ``PAGE_CACHE_SECONDS``.

Kept: GET and HEAD for the URL names in ``KEPT``, from requests without a session cookie
(staff, and anyone signed in, always get a page built for them), answered 200 without a
cookie or a CSRF token, and not marked private or no-store by their view. Never kept:
previews, the admin, material files (which carry their own headers), errors, redirects.
With a cache shared by every process (Redis, ``REDIS_URL``), a page built by one process
serves them all. The same requests read from a replica when there are any
(``pressoffice.replicas``), kept or not.

The key also names the language the page is in, the host and scheme its absolute links
use, and the running code (``release``), so pages built by an older release are not
served by a newer one.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from pressoffice import replicas
from speeches.publishing import public_state

# URL names whose answers are the same for every reader (namespace:name, or the name at
# the root). Everything else is built for each request.
KEPT = frozenset(
    {
        "speeches:home",
        "speeches:archive",
        "speeches:detail",
        "speeches:person_list",
        "speeches:person",
        "speeches:topic_list",
        "speeches:topic",
        "speeches:country_list",
        "speeches:country",
        "speeches:page",
        "speeches:updates",
        "speeches:feed",
        "speeches:feed_facet",
        "sitemap",
        "sitemap-section",
        "api_index",
        "robots",
    }
)
# The API's operations are all read-only answers for everyone (ninja names them).
KEPT_NAMESPACES = frozenset({"api"})

# A sitemap file is about 1 MiB at 1,000 items per language; nothing public is larger.
MAX_BYTES = 4 * 1024 * 1024
CODE_SUFFIXES = frozenset({".py", ".html", ".txt", ".xml", ".mo", ".json"})


@functools.cache
def release() -> str:
    """A digest of the running code, templates and translations (read once per process):
    equal in every process of one release, different after a deployment changes any."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in ("pressoffice", "speeches", "templates", "locale"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    lock = base / "requirements.lock"
    if lock.exists():
        digest.update(lock.read_bytes())
    return digest.hexdigest()[:16]


def kept_view(request: HttpRequest) -> bool:
    """Whether this request's answer may be kept for every reader."""
    match = request.resolver_match
    if match is None or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return match.view_name in KEPT or bool(KEPT_NAMESPACES.intersection(match.namespaces))


def key_for(request: HttpRequest, state: public_state.ReaderState) -> str:
    until = state.until.timestamp() if state.until else "none"
    page = "|".join(
        (
            request.scheme or "",
            request.get_host(),
            getattr(request, "LANGUAGE_CODE", ""),
            request.get_full_path(),
        )
    )
    digest = hashlib.sha256(page.encode()).hexdigest()
    return f"page:{release()}:{state.version}:{until}:{digest}"


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a CSRF token: it is this visitor's
    directives = response.get("Cache-Control", "")
    if "private" in directives or "no-store" in directives:
        return False
    return len(response.content) <= MAX_BYTES


class PageCacheMiddleware:
    """Answer readers' requests from the cache, and keep what was built for them.

    Last in ``MIDDLEWARE`` but for django-axes: a kept page is the view's answer alone,
    and on the way out every other middleware adds its headers to it as to a new one
    (``Cache-Control`` with the seconds left to the next embargo, the ETag, the CSP).
    Each request reads the state of what readers see once (``public_state.one_request``)
    and leaves it in ``request.public_state`` for ``CacheControlMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with public_state.one_request() as memo:
            try:
                response = self.get_response(request)
            finally:
                replicas.done(getattr(request, "_replica_reads", None))
            key = getattr(request, "_page_cache_key", None)
            if key is not None and storable(request, response):
                kept = (response.status_code, response.content, list(response.items()))
                cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
            request.public_state = memo.state
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not kept_view(request):
            return None
        # A page the same for every reader reads one replica (when there are any), the
        # state that names its key included (pressoffice.replicas).
        request._replica_reads = replicas.read_from_a_replica()
        if not settings.PAGE_CACHE_SECONDS:
            return None
        state = public_state.reader_state()
        if state is None:
            return None  # a writing transaction's own view (tests, shells)
        key = key_for(request, state)
        kept = cache.get(key)
        if kept is None:
            request._page_cache_key = key
            return None
        status, content, headers = kept
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
