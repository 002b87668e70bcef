"""The site identity: the ministry's name, emblem, colours and contacts, set in the admin
by administrators only, shown on every page and kept per change (never read per request)."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from speeches import colours
from speeches.identity import services
from speeches.models import SiteIdentity
from tests import media_files
from tests.factories import PublicationFactory
from tests.helpers import committed, logged_in, queries_for, stored_files

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/speeches/siteidentity/1/change/"


def identity_form(**overrides) -> dict:
    """The identity's change form as the admin posts it, every language's fields present."""
    data = {"primary_colour": "#0b4f8a", "secondary_colour": "#1d3557", "phone": "", "email": ""}
    for code in ("en", "ru", "de", "fr", "es", "ar"):
        for name in ("name", "short_name", "address", "hours"):
            data[f"{name}_{code}"] = ""
    data.update(overrides)
    return data


def saved_identity(**fields) -> SiteIdentity:
    identity = SiteIdentity(name_en="Ministry of Foreign Affairs", short_name_en="MFA", **fields)
    services.identity_save(identity=identity, user=None)
    committed()
    return identity


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script><rect width='10' height='10'/></svg>"
)


# Colours


def test_contrast_is_wcag_2s_ratio():
    assert colours.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert colours.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert colours.normalized("0B4") == "#00bb44"


@pytest.mark.parametrize("colour", ["#ffcc00", "#777777", "#ffffff", "red", "#12345", ""])
def test_a_colour_too_light_for_text_on_white_or_no_colour_is_refused(colour):
    with pytest.raises(ValidationError):
        colours.validate_text_colour(colour)


@pytest.mark.parametrize("colour", ["#0b4f8a", "#767676", "#1D3557"])
def test_a_colour_dark_enough_for_text_on_white_is_accepted(colour):
    colours.validate_text_colour(colour)


# Who may change it, and what a refusal leaves


@pytest.mark.parametrize("role", ["author", "publisher", "translator"])
def test_only_administrators_may_change_the_identity(role, request, settings):
    user = request.getfixturevalue(role)
    identity = SiteIdentity(
        name_en="Forged ministry", emblem=ContentFile(media_files.png_bytes(), name="e.png")
    )
    with pytest.raises(PermissionDenied):
        services.identity_save(identity=identity, user=user)
    assert not SiteIdentity.objects.exists()
    assert stored_files(settings) == set()


def test_an_administrator_changes_the_identity_in_the_admin(administrator, settings):
    client = logged_in(administrator)
    assert client.get("/admin/speeches/siteidentity/").url == ADMIN_URL
    assert client.get(ADMIN_URL).status_code == 200
    response = client.post(
        ADMIN_URL,
        identity_form(
            name_en="Ministry of Foreign Affairs",
            name_ru="Министерство иностранных дел",
            address_en="1 Example Square\nMoscow",
            email="press@example.org",
            primary_colour="#0A3D62",
            emblem=media_files.upload("emblem.png", media_files.png_with_metadata(), "image/png"),
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    identity = SiteIdentity.objects.get()
    assert identity.name_ru == "Министерство иностранных дел"
    assert identity.primary_colour == "#0a3d62"
    assert identity.updated_by == administrator
    # Re-encoded from its pixels: a PNG without the upload's text chunks or profile.
    stored = identity.emblem.read()
    assert media_files.SECRET.encode() not in stored
    with Image.open(io.BytesIO(stored)) as emblem:
        assert emblem.format == "PNG" and emblem.mode == "RGBA"
        assert (identity.emblem_width, identity.emblem_height) == emblem.size
        assert emblem.height <= 256 and "icc_profile" not in emblem.info


def test_a_colour_too_light_is_refused_in_the_form_and_nothing_is_saved(administrator):
    client = logged_in(administrator)
    response = client.post(ADMIN_URL, identity_form(name_en="M", primary_colour="#ffcc00"))
    assert response.status_code == 200
    assert "4.5:1" in str(response.context["adminform"].form.errors["primary_colour"])
    assert not SiteIdentity.objects.exists()


@pytest.mark.parametrize(
    "name, data",
    [
        ("emblem.svg", SVG),
        ("emblem.png", media_files.png_bytes()[:200]),  # truncated
        ("emblem.png", b"GIF89a not really"),
    ],
)
def test_an_emblem_that_is_no_raster_image_is_refused_and_nothing_stored(
    administrator, settings, name, data
):
    response = logged_in(administrator).post(
        ADMIN_URL, identity_form(name_en="M", emblem=media_files.upload(name, data))
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["emblem"]
    assert not SiteIdentity.objects.exists()
    assert stored_files(settings) == set()


def test_a_new_emblem_replaces_the_old_file_once_committed(
    settings, django_capture_on_commit_callbacks
):
    identity = saved_identity(emblem=ContentFile(media_files.png_bytes(), name="a.png"))
    old = identity.emblem.name
    identity.emblem = ContentFile(media_files.jpeg_bytes(), name="b.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        services.identity_save(identity=identity, user=None)
    names = {str(p.relative_to(settings.MEDIA_ROOT)) for p in stored_files(settings)}
    assert names == {identity.emblem.name}
    assert old != identity.emblem.name and identity.emblem.name.endswith(".png")


# What readers see


def test_without_an_identity_the_site_is_called_site_name(client, settings):
    settings.SITE_NAME = "Press office of the Ministry"
    html = client.get("/en/").text
    assert '<span class="site-name__full">Press office of the Ministry</span>' in html
    assert "<title>Latest publications · Press office of the Ministry</title>" in html
    assert "/identity/" not in html


def test_the_header_shows_the_emblem_and_the_name_and_titles_the_short_name(client):
    identity = saved_identity(emblem=ContentFile(media_files.png_bytes(), name="e.png"))
    html = client.get("/en/").text
    emblem = re.search(r'<img class="site-name__emblem" src="([^"]+)"[^>]*alt="">', html)
    assert emblem and emblem[1].endswith(identity.emblem.name.rsplit("/", 1)[-1])
    assert "Ministry of Foreign Affairs</span>" in html
    assert "<title>Latest publications · MFA</title>" in html
    response = client.get(emblem[1])
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    assert client.get("/identity/emblem/someone-elses.png").status_code == 404


def test_a_name_missing_in_the_readers_language_is_shown_in_english_marked_so(client):
    saved_identity()
    html = client.get("/ar/").text
    assert 'lang="en" dir="ltr">Ministry of Foreign Affairs</span>' in html


def test_contacts_are_in_every_footer(client):
    saved_identity(
        address_en="1 Example Square", address_ru="Примерная площадь, 1", phone="+7 499 000-00-00"
    )
    for path, address in (("/en/", "1 Example Square"), ("/ru/publications/", "Примерная")):
        footer = client.get(path).text.split('<footer class="site-footer">')[1]
        assert address in footer
        assert '<a href="tel:+7499000-00-00" dir="ltr">+7 499 000-00-00</a>' in footer


def test_a_publication_page_gives_the_press_offices_contacts(client):
    publication = PublicationFactory(languages=("en", "ar"))
    page = client.get(publication.get_absolute_url("en")).text
    assert "press-contacts" not in page  # nothing to give yet
    saved_identity(phone="+7 499 000-00-00", email="press@example.org")
    for code in ("en", "ar"):
        article = client.get(publication.get_absolute_url(code)).text.split("</article>")[0]
        contacts = article.split('class="press-contacts"')[1]
        assert '<a href="tel:+7499000-00-00" dir="ltr">+7 499 000-00-00</a>' in contacts
        assert '<a href="mailto:press@example.org">press@example.org</a>' in contacts


def test_colours_come_from_a_stylesheet_kept_under_their_stamp(client):
    saved_identity(primary_colour="#0a3d62", secondary_colour="#222222")
    html = client.get("/en/").text
    url = re.search(r'<link rel="stylesheet" href="(/identity/[0-9a-f]+\.css)">', html)[1]
    response = client.get(url)
    assert response["Content-Type"].startswith("text/css")
    assert "immutable" in response["Cache-Control"]
    assert "--accent: #0a3d62;" in response.text and "--brand-secondary: #222222;" in response.text
    assert "@media screen" in response.text  # paper stays black on white
    stale = client.get("/identity/000000000000.css")
    assert stale.status_code == 200 and stale["Cache-Control"] == "public, no-cache"
    # Nothing inline: the policy admits no inline style.
    assert "<style" not in html and " style=" not in html


def test_no_stylesheet_without_an_identity(client):
    assert client.get("/identity/000000000000.css").status_code == 404


def test_readers_pay_no_query_for_the_identity(client):
    PublicationFactory()
    committed()
    without = queries_for(client, "/en/", warm=True)
    saved_identity(emblem=ContentFile(media_files.png_bytes(), name="e.png"), email="p@example.org")
    assert queries_for(client, "/en/", warm=True) == without


def test_a_changed_identity_ends_the_kept_pages(settings):
    settings.PAGE_CACHE_SECONDS = 600
    identity = saved_identity()
    client = Client()
    assert "Ministry of Foreign Affairs</span>" in client.get("/en/").text
    identity.name_en = "Ministry of External Affairs"
    services.identity_save(identity=identity, user=None)
    committed()
    assert "Ministry of External Affairs</span>" in client.get("/en/").text
