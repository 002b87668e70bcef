"""The press office's identity as a reader sees it, in Chromium, on a phone (390 px) and
a desktop (1280 px), in English and in Arabic: the header's emblem and name, the footer's
contacts and pages, the home page's featured story, a person's page."""

import pytest
from django.core.files.base import ContentFile

from speeches.editorial import persons
from speeches.identity import services as identity_services
from speeches.models import FooterPage, Material, PublicationMaterial, SiteIdentity
from speeches.publishing import services
from tests import media_files
from tests.factories import PersonFactory, PublicationFactory

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (390, 1280)
LANGUAGES = ("en", "ar")
PRIMARY = "rgb(10, 61, 98)"  # #0a3d62, the identity's primary colour


@pytest.fixture
def identity_site():
    """A ministry with its emblem, colours, contacts and two footer pages (one in English
    only); a featured story with a photo; a speaker with a portrait and a biography."""
    identity_services.identity_save(
        identity=SiteIdentity(
            name_en="Ministry of Foreign Affairs",
            short_name_en="MFA",
            name_ar="وزارة الخارجية",
            short_name_ar="الخارجية",
            primary_colour="#0a3d62",
            secondary_colour="#1d3557",
            address_en="1 Example Square, Moscow",
            address_ar="ساحة المثال، 1، موسكو",
            phone="+7 499 000-00-00",
            email="press@example.org",
            emblem=ContentFile(media_files.png_bytes(300, 300), name="emblem.png"),
        ),
        user=None,
    )
    identity_services.footer_page_save(
        page=FooterPage(
            kind="about",
            title_en="About the press office",
            content_en="<p>We publish the Ministry's speeches.</p>",
            title_ar="عن المكتب الصحفي",
            content_ar="<p>ننشر كلمات الوزارة.</p>",
        ),
        user=None,
    )
    identity_services.footer_page_save(
        page=FooterPage(
            kind="privacy", title_en="Privacy notice", content_en="<p>No cookies, no trackers.</p>"
        ),
        user=None,
    )
    speaker = PersonFactory(
        name_en="Igor Vetrov",
        name_ar="إيغور فيتروف",
        biography_en="Director of the Consular Department since 2021.",
        biography_ar="مدير الإدارة القنصلية منذ عام 2021.",
    )
    speaker.photo = media_files.photo("portrait.jpg", width=600, height=800)
    persons.person_save(person=speaker, user=None)
    featured = PublicationFactory(
        languages=("en", "ar"),
        title_en="Remarks at the joint meeting",
        lead_en="The minister opened the meeting.",
        title_ar="كلمة في الاجتماع المشترك",
        lead_ar="افتتح الوزير الاجتماع.",
        speakers=[speaker],
    )
    photo = services.material_save(
        material=Material(
            kind="photo",
            file=media_files.photo(),
            alt_text_en="The meeting room",
            alt_text_ar="قاعة الاجتماع",
        )
    )
    PublicationMaterial.objects.create(publication=featured, material=photo)
    for n in range(3):
        PublicationFactory(languages=("en", "ar"), title_en=f"Statement {n}", title_ar=f"بيان {n}")
    return {"speaker": speaker, "featured": featured}


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def page(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.width = request.param
    yield page
    context.close()


def loaded(page, selector: str) -> None:
    """Wait until the image ``selector`` is drawn (a function: the policy refuses eval)."""
    page.wait_for_function(
        "(selector) => { const img = document.querySelector(selector);"
        " return img && img.complete && img.naturalWidth > 0; }",
        arg=selector,
    )


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth") <= page.width


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_shows_the_emblem_and_the_ministrys_name(live_server, page, identity_site, language):
    page.goto(f"{live_server.url}/{language}/")
    emblem = page.locator(".site-name__emblem")
    assert emblem.is_visible()
    loaded(page, ".site-name__emblem")
    assert emblem.get_attribute("alt") == ""  # the name beside it says what it is
    box = emblem.bounding_box()
    assert 36 <= box["height"] <= 50
    full, short = {
        "en": ("Ministry of Foreign Affairs", "MFA"),
        "ar": ("وزارة الخارجية", "الخارجية"),
    }[language]
    shown = page.locator(".site-name__short" if page.width < 600 else ".site-name__full")
    assert shown.is_visible() and shown.inner_text() == (short if page.width < 600 else full)
    home = page.get_by_role("link", name=short if page.width < 600 else full)
    assert home.get_attribute("href") == f"/{language}/"
    # The brand colour reaches the page through its stylesheet: the header's rule.
    rule = page.evaluate(
        "() => getComputedStyle(document.querySelector('.site-header')).borderBottomColor"
    )
    assert rule == PRIMARY
    assert no_sideways_scrolling(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_gives_contacts_pages_updates_api_and_licence(
    live_server, page, identity_site, language
):
    page.goto(f"{live_server.url}/{language}/")
    footer = page.locator("footer.site-footer")
    footer.scroll_into_view_if_needed()
    address = footer.locator("address")
    assert address.is_visible()
    assert ("Example Square" if language == "en" else "ساحة المثال") in address.inner_text()
    assert footer.get_by_role("link", name="press@example.org").is_visible()
    pages = footer.get_by_role("navigation").first.get_by_role("link")
    about = "About the press office" if language == "en" else "عن المكتب الصحفي"
    assert pages.all_inner_texts() == [about, "Privacy notice"]
    for href in (f"/{language}/updates/", "/api/"):
        assert footer.locator(f'a[href="{href}"]').is_visible()
    assert footer.locator('a[rel="license"]').is_visible()
    # White on the secondary colour, as checked when it was chosen.
    colours = footer.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(29, 53, 87)"]
    # The privacy notice exists in English only: an Arabic reader gets it in English,
    # told so in Arabic, the text marked as English and laid out left to right.
    footer.get_by_role("link", name="Privacy notice").click()
    page.wait_for_url(f"**/{language}/pages/privacy/")
    assert page.locator("h1").inner_text() == "Privacy notice"
    article = page.locator("article.footer-page")
    if language == "ar":
        assert article.get_attribute("lang") == "en"
        assert article.evaluate("e => getComputedStyle(e).direction") == "ltr"
        notice = page.locator(".notice--language")
        assert notice.is_visible()
        assert notice.evaluate("e => getComputedStyle(e).direction") == "rtl"
    else:
        assert page.locator(".notice--language").count() == 0
    assert no_sideways_scrolling(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_leads_with_the_featured_story_its_photo_and_lead(
    live_server, page, identity_site, language
):
    page.goto(f"{live_server.url}/{language}/")
    featured = page.locator(".featured-story")
    photo = featured.locator("img.featured-story__photo")
    assert photo.is_visible()
    loaded(page, "img.featured-story__photo")
    assert photo.get_attribute("alt") == (
        "The meeting room" if language == "en" else "قاعة الاجتماع"
    )
    title = featured.get_by_role("heading", level=2)
    expected = "Remarks at the joint meeting" if language == "en" else "كلمة في الاجتماع المشترك"
    assert title.inner_text() == expected
    lead = "The minister opened the meeting." if language == "en" else "افتتح الوزير الاجتماع."
    assert featured.locator(".featured-story__lead").inner_text() == lead
    # The photo and the text side by side on a desktop, stacked on a phone; the featured
    # story's title is not repeated in the lists below.
    photo_box, title_box = photo.bounding_box(), title.bounding_box()
    if page.width >= 1000:
        assert abs(photo_box["y"] - title_box["y"]) < photo_box["height"]
        beside = (
            title_box["x"] > photo_box["x"] if language == "en" else title_box["x"] < photo_box["x"]
        )
        assert beside
    else:
        assert title_box["y"] > photo_box["y"] + photo_box["height"] - 1
    assert page.get_by_text(expected, exact=True).count() == 1
    # Titles in lists are coloured as links, in the brand colour.
    link = page.locator(".publication-item__title a").first
    assert link.evaluate("e => getComputedStyle(e).color") == PRIMARY
    assert title.locator("a").evaluate("e => getComputedStyle(e).color") == PRIMARY
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert no_sideways_scrolling(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_person_page_shows_the_portrait_and_the_biography(
    live_server, page, identity_site, language
):
    speaker = identity_site["speaker"]
    page.goto(f"{live_server.url}/{language}/persons/{speaker.pk}/")
    name = "Igor Vetrov" if language == "en" else "إيغور فيتروف"
    assert page.locator("h1").inner_text() == name
    portrait = page.get_by_role("img", name=name, exact=False)
    assert portrait.is_visible()
    loaded(page, "img.person-portrait__photo")
    assert name in portrait.get_attribute("alt")
    biography = page.locator(".person-biography")
    expected = (
        "Director of the Consular Department since 2021."
        if language == "en"
        else "مدير الإدارة القنصلية منذ عام 2021."
    )
    assert biography.locator("p").inner_text() == expected
    if page.width >= 1000:  # the portrait beside the name, on the reading side
        photo, heading = portrait.bounding_box(), page.locator("h1").bounding_box()
        assert (heading["x"] > photo["x"]) == (language == "en")
    assert no_sideways_scrolling(page)
