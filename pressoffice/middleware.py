"""Response headers that depend on who asked and what was answered.

The Content-Security-Policy itself comes from django-csp (``CONTENT_SECURITY_POLICY`` in
settings) and the Permissions-Policy from django-permissions-policy; this module adds
what those libraries cannot know: which responses a shared cache may keep, and the
nonce for the one inline script the admin needs (the prose editor's import map).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from js_asset import Media

from speeches.publishing import public_state

CACHEABLE_METHODS = frozenset({"GET", "HEAD"})


def is_staff_request(request: HttpRequest) -> bool:
    """Whether the answer may differ from what an anonymous reader gets.

    A request without a session cookie is anonymous whatever the view does, so it gets
    what every reader gets; with one, the page may be someone's own. Deciding by the
    cookie rather than ``request.user`` keeps readers' sessions unread.
    """
    match = request.resolver_match
    return settings.SESSION_COOKIE_NAME in request.COOKIES or (
        match is not None and "admin" in match.namespaces
    )


def cache_control_for(request: HttpRequest, response: HttpResponseBase) -> dict[str, object]:
    """The Cache-Control directives of a response that did not choose its own."""
    if is_staff_request(request) or response.cookies:
        # Staff pages, and anything setting a cookie: never in a shared cache, never on disk.
        return {"private": True, "no_store": True}
    if request.method not in CACHEABLE_METHODS or response.status_code != 200:
        # Errors and redirects are not kept: a 404 must not hide a page published a
        # second later, nor a redirect outlive the item it leads to.
        return {"no_store": True}
    if settings.PUBLIC_CACHE_SECONDS:
        # Never past the next embargo's second: a statement embargoed for 16:40:00 is on
        # every page from 16:40:00, whichever cache a reader goes through.
        now = timezone.now()
        state = getattr(request, "public_state", None) or public_state.reader_state()
        until = state.until if state else public_state.next_embargo(now)
        max_age = settings.PUBLIC_CACHE_SECONDS
        if until is not None:
            max_age = min(max_age, max(0, int((until - now).total_seconds())))
        if max_age > 0:
            return {"public": True, "max_age": max_age}
    # Kept but revalidated every time (a 304 through the ETag or Last-Modified), so an
    # item withdrawn a second ago is never served from a cache.
    return {"public": True, "no_cache": True}


class CacheControlMiddleware:
    """Give every response a Cache-Control header, in one place.

    A response that already has one keeps it: the views that know better set it
    themselves (material files, previews, the admin's ``never_cache``). Placed after
    ``ConditionalGetMiddleware`` in ``MIDDLEWARE``, so that this runs first on the way
    out: ConditionalGet then skips the ETag of ``no-store`` answers and copies the
    header into its 304s. Placed before ``SessionMiddleware`` and ``LocaleMiddleware``,
    so that the cookies and ``Vary`` they add are already there to be seen.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Cache-Control" not in response:
            patch_cache_control(response, **cache_control_for(request, response))
            # The answer depends on whether a session cookie came with the request: a
            # cache must not hand a reader's copy to staff, nor ever the reverse.
            patch_vary_headers(response, ("Cookie",))
        return response


class MediaNonceMiddleware:
    """Let the admin's ``{{ media }}`` carry the request's CSP nonce.

    django-prose-editor loads its modules through an import map, an inline
    ``<script type="importmap">`` that ``script-src 'self'`` alone refuses. Its media
    class (django-js-asset's ``Media``) puts a nonce on what it renders; the admin views
    pass their media to the template in ``context["media"]``, so a template response is
    where the nonce can be added without copying the admin's templates. The nonce is
    only drawn (and named in the header) when the media has something to render.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_template_response(self, request: HttpRequest, response):
        context = response.context_data
        media = context.get("media") if context else None
        # Only django-js-asset's Media holds import maps; adding it to the admin's plain
        # forms.Media keeps its class (it is a subclass, so its __radd__ wins).
        if isinstance(media, Media) and hasattr(request, "csp_nonce"):
            context["media"] = media.with_nonce(request.csp_nonce)
        return response


class ApiHeadMiddleware:
    """HEAD for the JSON API, whose operations django-ninja routes by method (GET only):
    the request is served as the GET it asks about, and its body is left out last, after
    every other middleware has set its headers from it (the ETag, Content-Length), as RFC
    9110 asks of HEAD."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method != "HEAD" or not request.path.startswith("/api/"):
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            length = len(response.content)
            response.content = b""
            response.headers["Content-Length"] = str(length)
        return response


# Text worth compressing; photos, video, audio, PDFs and archives are compressed already.
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/xhtml+xml",
    "application/javascript",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH mitigation, random padding) for text answers only:
    a page is a quarter of its size over a phone's connection, and the materials' files,
    compressed formats served as they are stored, keep their length and range requests."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
