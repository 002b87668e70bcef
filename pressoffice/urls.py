from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from speeches.admin import accounts
from speeches.api.views import api
from speeches.api.views import index as api_index
from speeches.public.sitemaps import SITEMAPS
from speeches.public.views import (
    identity_emblem,
    identity_stylesheet,
    material_file,
    publication_photos,
    short_link,
)

# Crawlers look for these at the root, in no language: outside i18n_patterns. Like the
# pages, they are read-only: GET and HEAD, anything else a 405.
urlpatterns = [
    # Staff sign-in with a second step, in place of the admin's own login view.
    path("admin/login/", accounts.staff_login, name="staff_login"),
    path("admin/login/verify/", accounts.verify, name="staff_verify"),
    path("admin/login/two-step/", accounts.enrol, name="staff_enrol"),
    path("admin/account/two-step/", accounts.two_step, name="staff_two_step"),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        require_safe(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    # The JSON API takes its language as a parameter (?lang=), like its clients expect,
    # and keeps one stable address for its schema: /api/openapi.json.
    path("api/", api_index, name="api_index"),  # for people; the rest is ninja's
    path("api/", api.urls),
    # Files of additional materials, behind the public rule (never MEDIA_ROOT served as is).
    path(
        "files/<int:pk>/<slug:variant>/<str:filename>",
        require_safe(material_file),
        name="material_file",
    ),
    # The site identity's colours and emblem, the same in every language; each address
    # names what it serves, so it may be kept for a year (speeches.public.identity).
    path(
        "identity/<slug:stamp>.css", require_safe(identity_stylesheet), name="identity_stylesheet"
    ),
    path("identity/emblem/<str:filename>", require_safe(identity_emblem), name="identity_emblem"),
    # Every photo of a publication's page in one ZIP, behind the same rule as each one's.
    path(
        "files/publications/<int:pk>/photos.zip",
        require_safe(publication_photos),
        name="publication_photos",
    ),
    # A publication's short address, printed and cited: in no language, it leads to the
    # page in the reader's.
    path("p/<int:pk>/", require_safe(short_link), name="short_link"),
]

if settings.ANYMAIL["WEBHOOK_SECRET"]:
    # A mail provider's reports of bounces and complaints (django-anymail's tracking
    # webhooks, HTTP basic auth with ANYMAIL_WEBHOOK_SECRET): speeches.mailing.receivers.
    urlpatterns.append(path("mail/events/", include("anymail.urls")))

urlpatterns += i18n_patterns(
    path("", include("speeches.public.urls")),
    # Readers' email subscriptions (speeches.mailing): sign up, confirm, manage, leave.
    path("", include("speeches.mailing.urls")),
    prefix_default_language=True,
)
