"""The language journey and the page around it, as a reader meets them in a real browser
(Debian's Chromium, driven by Playwright)."""

import re

import pytest

from tests.factories import (
    ALL_LANGUAGES,
    PublicationFactory,
)

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# The header's language switcher on a publication's page


def test_the_header_switcher_leads_to_a_version_or_says_the_item_is_missing(live_server, page):
    publication = PublicationFactory(
        languages=("en", "de"),
        title_en="Remarks at a joint meeting",
        title_de="Rede auf einer gemeinsamen Sitzung",
        title_fr="Titre inachevé",  # a translation in progress: never shown, never in a URL
    )
    page.goto(f"{live_server.url}{publication.get_absolute_url('en')}")
    switcher = page.get_by_role("navigation", name="Language", exact=True)
    links = switcher.get_by_role("link")
    assert links.count() == len(ALL_LANGUAGES)
    assert switcher.locator('[aria-current="true"]').inner_text() == "English"

    # A language it lacks says so to screen readers, and leads to the page that names
    # the item in a language it has and lists its versions.
    french = switcher.get_by_role("link", name="français (not available in this language)")
    # The words are for screen readers: on screen, a muted name.
    assert french.locator(".visually-hidden").bounding_box()["width"] <= 1
    french.click()
    page.wait_for_url(f"**/fr/publications/{publication.pk}/")
    assert page.locator("html").get_attribute("lang") == "fr"
    name = page.locator(".missing-language__name cite")
    assert name.inner_text() == "Remarks at a joint meeting"
    assert (name.get_attribute("lang"), name.get_attribute("dir")) == ("en", "ltr")
    assert "Titre inachevé" not in page.content()
    versions = page.locator(".version-list a")
    assert versions.all_inner_texts() == ["Deutsch", "English"]

    # The header's switcher is there too, and leads on to a version that exists.
    header = page.locator(".language-switcher")  # named in French here ("Langue")
    header.get_by_role("link", name="Deutsch", exact=True).click()
    page.wait_for_url(f"**/de/publications/{publication.pk}/**")
    assert page.locator("h1").inner_text() == "Rede auf einer gemeinsamen Sitzung"


def test_an_arabic_title_names_a_missing_version_right_to_left(live_server, page):
    publication = PublicationFactory(languages=("ar",), title_ar="كلمة في اجتماع مشترك 2019")
    page.goto(f"{live_server.url}/en/publications/{publication.pk}/")
    name = page.locator(".missing-language__name cite")
    assert name.inner_text() == "كلمة في اجتماع مشترك 2019"
    assert name.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator("main").evaluate("e => getComputedStyle(e).direction") == "ltr"
