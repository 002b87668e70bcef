"""Security and caching headers on every kind of response.

Every URL pattern outside the admin is requested (the patterns are walked, so one added
later fails ``test_every_url_pattern_is_checked`` until it is listed in ``PUBLIC_URLS``
or ``STAFF_URLS``), plus the admin's main pages. Each answer must carry a
Content-Security-Policy that refuses inline script and framing, a Permissions-Policy,
and the Cache-Control of its class: public (revalidated, or ``PUBLIC_CACHE_SECONDS``)
for what readers get, ``private, no-store`` for staff, ``no-store`` for errors.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from reversion.models import Version

from speeches.editorial import persons
from speeches.identity import services as identity_services
from speeches.mailing import subscribing
from speeches.materials import files
from speeches.models import (
    FooterPage,
    Material,
    Publication,
    PublicationMaterial,
    SiteIdentity,
    TranslatorLanguage,
)
from speeches.publishing import previews, services
from tests import media_files
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name.lower()] = sources
    return directives


def assert_strict_policy(response) -> None:
    directives = policy(response)
    # Without script-src, default-src governs scripts: check whichever applies.
    scripts = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert "'self'" in scripts
    assert "'unsafe-inline'" not in directives.get("style-src", directives["default-src"])
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["base-uri"] in (["'none'"], ["'self'"])


def assert_permissions_policy(response) -> None:
    features = dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    # The video and audio players.
    assert features["fullscreen"] == "(self)"


# A script element that runs its content and has no nonce (data blocks run nothing).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(src|nonce)=)(?![^>]*application/(ld\+)?json)")


def cache_control(response) -> set[str]:
    return {item.strip() for item in response["Cache-Control"].split(",")}


def vary(response) -> set[str]:
    return {item.strip().lower() for item in response.get("Vary", "").split(",") if item}


def url_names(patterns, namespaces=()):
    """The names (with namespaces) of every URL pattern outside the admin."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            if "admin" not in inner:
                yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield ":".join((*namespaces, pattern.name))


@pytest.fixture
def site(editor):
    """Demo-like data: a public item with a photo and every taxonomy, and a draft."""
    person = PersonFactory(name_en="Anna Example")
    topic = TopicFactory(slug="security", name_en="Security")
    country = CountryFactory(code="BY")
    published = PublicationFactory(
        languages=("en", "de"), speakers=[person], topics=[topic], countries=[country]
    )
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="A square")
    )
    PublicationMaterial.objects.create(publication=published, material=photo)
    draft = PublicationFactory(status=Publication.Status.DRAFT, languages=("en",))
    link = previews.preview_link_create(publication=draft, user=editor)
    identity = identity_services.identity_save(
        identity=SiteIdentity(
            name_en="Ministry", emblem=ContentFile(media_files.png_bytes(), name="e.png")
        ),
        user=None,
    )
    identity_services.footer_page_save(
        page=FooterPage(kind="privacy", title_en="Privacy", content_en="<p>No cookies.</p>"),
        user=None,
    )
    person.photo = media_files.photo("portrait.jpg")
    persons.person_save(person=person, user=None)
    subscriber, _sent = subscribing.subscribe(
        email="reader@example.org", language="en", choice=subscribing.Choice(topic_id=topic.pk)
    )
    return {
        "subscriber": subscriber,
        "identity": identity,
        "published": published,
        "draft": draft,
        "person": person,
        "topic": topic,
        "country": country,
        "photo": photo,
        "token": previews.preview_link_token(link),
        "version": Version.objects.get_for_object(draft).first(),
    }


# What readers get: name → (arguments from the data, whether it is an HTML page).
PUBLIC_URLS = {
    "speeches:home": (lambda d: {}, True),
    "speeches:archive": (lambda d: {}, True),
    "speeches:detail": (lambda d: resolve(d["published"].get_absolute_url("en")).kwargs, True),
    "speeches:person_list": (lambda d: {}, True),
    "speeches:person": (lambda d: {"pk": d["person"].pk}, True),
    "speeches:topic_list": (lambda d: {}, True),
    "speeches:topic": (lambda d: {"slug": d["topic"].slug}, True),
    "speeches:country_list": (lambda d: {}, True),
    "speeches:country": (lambda d: {"code": d["country"].code}, True),
    "speeches:page": (lambda d: {"kind": "privacy"}, True),
    "speeches:updates": (lambda d: {}, True),
    "speeches:feed": (lambda d: {"format": "rss"}, False),
    "speeches:feed_facet": (
        lambda d: {"format": "atom", "facet": "topic", "value": d["topic"].slug},
        False,
    ),
    "sitemap": (lambda d: {}, False),
    "sitemap-section": (lambda d: {"section": "publications"}, False),
    "robots": (lambda d: {}, False),
    "api_index": (lambda d: {}, True),
    "api:openapi-json": (lambda d: {}, False),
    "api:openapi-view": (lambda d: {}, True),
    "api:list_publications": (lambda d: {}, False),
    "api:get_publication": (lambda d: {"id": d["published"].pk}, False),
    "api:list_types": (lambda d: {}, False),
    "api:list_persons": (lambda d: {}, False),
    "api:list_topics": (lambda d: {}, False),
    "api:list_countries": (lambda d: {}, False),
}
# Set by their views, which know better: never cached.
STAFF_URLS = {
    "speeches:preview": lambda d: {"pk": d["draft"].pk},
    "speeches:preview_revision": lambda d: {"pk": d["draft"].pk, "version_id": d["version"].pk},
    "speeches:preview_shared": lambda d: {"token": d["token"]},
}
# Readers' email subscription pages: someone's own (a signed token, or an address, in
# their addresses), set by their views: never kept, never indexed, no Referer sent on.
PERSONAL_URLS = {
    "mailing:subscribe": lambda d: {},
    "mailing:sent": lambda d: {},
    "mailing:confirm": lambda d: {"token": subscribing.confirmation_token(d["subscriber"])},
    "mailing:manage": lambda d: {"token": subscribing.link_token(d["subscriber"])},
    "mailing:unsubscribe": lambda d: {"token": subscribing.link_token(d["subscriber"])},
}
# Not pages of their own: ninja's root, which the landing page (api_index) stands before,
# material files and photo archives, which keep their view's headers, and short links,
# which send the reader on; the site's own images and colours, which name what they
# serve; and the email subscription pages, which set their own (all checked below).
OTHER_URLS = {
    "api:api-root",
    "material_file",
    "short_link",
    "publication_photos",
    "identity_stylesheet",
    "identity_emblem",
    "speeches:person_photo",
    *PERSONAL_URLS,
}
# The staff sign-in and "Two-step verification" (under /admin/, outside admin.site).
SIGN_IN_URLS = {"staff_login", "staff_verify", "staff_enrol", "staff_two_step"}


def test_every_url_pattern_is_checked():
    names = set(url_names(get_resolver().url_patterns))
    assert names == set(PUBLIC_URLS) | set(STAFF_URLS) | OTHER_URLS | SIGN_IN_URLS


def test_readers_pages_are_public_revalidated_and_locked_down(client, site):
    for name, (arguments, is_html) in PUBLIC_URLS.items():
        path = reverse(name, kwargs=arguments(site))
        response = client.get(path)
        assert response.status_code == 200, path
        assert cache_control(response) == {"public", "no-cache"}, path
        # A session cookie changes the answer (see the staff test): caches must key on it.
        assert "cookie" in vary(response), path
        assert_strict_policy(response)
        assert_permissions_policy(response)
        if is_html:
            assert response["Content-Type"].startswith("text/html"), path


def test_search_is_public_too(client, site):
    response = client.get(reverse("speeches:archive"), {"q": "publication"})
    assert response.status_code == 200
    assert cache_control(response) == {"public", "no-cache"}
    assert_strict_policy(response)


def test_public_cache_seconds_sets_max_age(client, site, settings):
    settings.PUBLIC_CACHE_SECONDS = 300
    for name in ("speeches:home", "speeches:feed", "robots", "api:list_publications"):
        arguments, _ = PUBLIC_URLS[name]
        response = client.get(reverse(name, kwargs=arguments(site)))
        assert cache_control(response) == {"public", "max-age=300"}, name


def test_revalidation_answers_304_with_the_same_cache_control(client, site):
    path = site["published"].get_absolute_url("en")
    response = client.get(path)
    again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert cache_control(again) == {"public", "no-cache"}


def test_pages_seen_by_staff_are_never_stored(editor_client, site):
    """Logged in, the same public addresses answer privately: no cache keeps them."""
    for name in ("speeches:home", "speeches:detail", "speeches:topic", "speeches:feed", "robots"):
        arguments, _ = PUBLIC_URLS[name]
        response = editor_client.get(reverse(name, kwargs=arguments(site)))
        assert response.status_code == 200, name
        assert {"private", "no-store"} <= cache_control(response), name
        assert "public" not in cache_control(response), name


def test_previews_are_private(editor_client, site):
    for name, arguments in STAFF_URLS.items():
        client = Client() if name == "speeches:preview_shared" else editor_client
        response = client.get(reverse(name, kwargs=arguments(site)))
        assert response.status_code == 200, name
        assert {"private", "no-store"} <= cache_control(response), name
        assert_strict_policy(response)
        assert_permissions_policy(response)


def test_subscription_pages_are_private_and_send_no_referrer(client, site):
    for name, arguments in PERSONAL_URLS.items():
        response = client.get(reverse(name, kwargs=arguments(site)))
        assert response.status_code == 200, name
        assert cache_control(response) == {"private", "no-store"}, name
        assert response["Referrer-Policy"] == "no-referrer", name
        assert response["X-Robots-Tag"] == "noindex", name
        assert '<meta name="robots" content="noindex">' in response.text, name
        assert_strict_policy(response)
        assert_permissions_policy(response)
        assert not INLINE_SCRIPT.search(response.text), name
    # Elsewhere the site's own policy: a link to another site carries no path, ours do.
    assert client.get("/en/")["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path",
    ["/en/no-such-page/", "/en/publications/999999/", "/api/nothing", "/api/publications/999999"],
)
def test_errors_are_not_stored(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert cache_control(response) == {"no-store"}
    assert_strict_policy(response)
    assert_permissions_policy(response)


def test_admin_login_is_private_and_locked_down(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)
    assert_strict_policy(response)
    assert_permissions_policy(response)


def test_sign_in_pages_are_private_and_locked_down(editor_client, site):
    for name in sorted(SIGN_IN_URLS):
        for client in (Client(), editor_client):
            response = client.get(reverse(name))
            assert {"private", "no-store"} <= cache_control(response), name
            assert_strict_policy(response)
            assert_permissions_policy(response)
    # Setting up an authenticator: the QR code is inline SVG, no script, no style.
    page = editor_client.get(reverse("staff_enrol"))
    assert page.status_code == 200 and b"<svg" in page.content


def test_admin_pages_are_private_and_locked_down(editor_client, site):
    pk = site["draft"].pk
    for path in (
        reverse("admin:index"),
        reverse("admin:speeches_publication_changelist"),
        reverse("admin:speeches_publication_add"),
        reverse("admin:speeches_publication_change", args=[pk]),
        reverse("admin:speeches_publication_history", args=[pk]),
        reverse("admin:jsi18n"),
    ):
        response = editor_client.get(path)
        assert response.status_code == 200, path
        assert {"private", "no-store"} <= cache_control(response), path
        assert_strict_policy(response)
        assert_permissions_policy(response)


def test_the_prose_editors_import_map_runs_by_the_requests_nonce(editor_client, site):
    response = editor_client.get(
        reverse("admin:speeches_publication_change", args=[site["draft"].pk])
    )
    html = response.text
    match = re.search(r'<script type="importmap" nonce="([^"]+)">', html)
    assert match, "the import map carries no nonce"
    assert f"'nonce-{match[1]}'" in policy(response)["script-src"]
    # Every other script comes from a file.
    assert not INLINE_SCRIPT.search(html)


def test_the_side_by_side_editor_runs_from_files_only(client, site):
    translator = UserFactory(username="translator", is_staff=True, groups=["Translators"])
    TranslatorLanguage.objects.create(user=translator, language="de")
    client.force_login(translator)
    response = client.get(
        reverse("admin:speeches_publication_translate", args=[site["published"].pk, "de"])
    )
    assert response.status_code == 200
    assert not INLINE_SCRIPT.search(response.text)
    assert_strict_policy(response)
    assert {"private", "no-store"} <= cache_control(response)


def test_pages_without_inline_script_name_no_nonce(client, site):
    """A nonce nobody needs would only widen the policy."""
    response = client.get(site["published"].get_absolute_url("en"))
    assert not any(source.startswith("'nonce-") for source in policy(response)["script-src"])
    # Structured data is a data block, not script: still there.
    assert '<script type="application/ld+json">' in response.text


def test_staff_templates_hold_no_inline_script_or_style():
    """Everything the policy refuses: inline script, event handlers, style blocks and
    style attributes; JSON data blocks are allowed. Emails (templates/mail/) are no pages
    of the site: mail programs read style attributes only, and no policy applies."""
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)|\son[a-z]+=|<style|\sstyle="
    )
    emails = ROOT / "templates" / "mail"
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if emails not in path.parents and inline.search(path.read_text())
    ]
    assert offenders == []


def test_emails_hold_no_script():
    inline = re.compile(r"<script|\son[a-z]+=")
    emails = list((ROOT / "templates" / "mail").glob("*.html"))
    assert emails
    assert [path.name for path in emails if inline.search(path.read_text())] == []


def test_material_files_keep_their_own_headers(client, site):
    response = client.get(files.main_url(site["photo"]))
    assert response.status_code == 200
    assert "sandbox" in policy(response)
    assert response["Cache-Control"] == "public, no-cache"
    assert_permissions_policy(response)


def test_the_identity_and_portraits_keep_their_own_headers(client, site):
    html = client.get("/en/").text
    stylesheet = re.search(r'href="(/identity/[0-9a-f]+\.css)"', html)[1]
    emblem = re.search(r'src="(/identity/emblem/[^"]+)"', html)[1]
    for url in (stylesheet, emblem):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=31536000, immutable", url
        assert_permissions_policy(response)
    assert_strict_policy(client.get(stylesheet))
    assert "sandbox" in policy(client.get(emblem))
    person = site["person"]
    portrait = client.get(f"/en/persons/{person.pk}/photo/{person.photo_filename}")
    assert portrait.status_code == 200
    assert portrait["Cache-Control"] == "public, no-cache"
    assert "sandbox" in policy(portrait)


# Production settings


def production_environment(**extra: str) -> dict[str, str]:
    """The environment README's "Deploying" section documents, with a real secret."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "DEBUG"))
    }
    environment.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="press.example.org",
        CSRF_TRUSTED_ORIGINS="https://press.example.org",
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        DJANGO_SETTINGS_MODULE="pressoffice.settings",
        **extra,
    )
    return environment


def test_check_deploy_is_clean_with_the_documented_production_environment(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


def test_hsts_settings_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=production_environment(SECURE_HSTS_PRELOAD="1", STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["31536000", "True", "True"], result.stderr


def test_short_links_redirect_and_are_never_stored(client, site):
    response = client.get(reverse("short_link", kwargs={"pk": site["published"].pk}))
    assert response.status_code == 302
    assert cache_control(response) == {"no-store"}
    # Where it leads depends on the reader's language: no cache may answer another with it.
    assert "accept-language" in vary(response)
    assert_strict_policy(response)
    assert_permissions_policy(response)


def test_photo_archives_keep_their_own_headers(client, site):
    second = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="Another")
    )
    PublicationMaterial.objects.create(publication=site["published"], material=second, position=1)
    response = client.get(reverse("publication_photos", kwargs={"pk": site["published"].pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "sandbox" in policy(response)
    assert cache_control(response) == {"public", "no-cache"}
    assert response["ETag"]
