"""The language journey and the page around it, as a reader meets them in a real browser
(Debian's Chromium, driven by Playwright)."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from speeches.publishing import workflow
from tests.factories import (
    ALL_LANGUAGES,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
)

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
    with translation.override("fr"):
        missing_note = gettext("(not available in this language)")
    french = switcher.get_by_role("link", name=f"français {missing_note}")
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


# The main navigation


@pytest.mark.parametrize(
    ("where", "current"),
    [
        ("home", "Home"),
        ("archive", "Publications"),
        ("search", "Publications"),
        ("topic", "Topics"),
        ("person", "Persons"),
        ("countries", "Countries"),
        ("publication", None),
    ],
)
def test_the_main_navigation_marks_the_section_a_reader_is_in(live_server, page, where, current):
    topic, person = TopicFactory(slug="security"), PersonFactory()
    publication = PublicationFactory(topics=[topic], speakers=[person], title_en="Talks")
    path = {
        "home": "/en/",
        "archive": "/en/publications/",
        "search": "/en/publications/?q=talks",
        "topic": "/en/topics/security/",
        "person": person.get_absolute_url(),
        "countries": "/en/countries/",
        "publication": publication.get_absolute_url("en"),
    }[where]
    page.goto(f"{live_server.url}{path}")
    navigation = page.get_by_role("navigation", name="Main")
    marked = navigation.locator('[aria-current="page"]')
    assert marked.all_inner_texts() == ([current] if current else [])
    if current:
        style = marked.evaluate("e => getComputedStyle(e).fontWeight")
        assert int(style) >= 700  # seen as well as announced


# Focus ring and target sizes


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css: str) -> tuple[int, int, int]:
    return tuple(int(v) for v in re.findall(r"\d+", css)[:3])


# What the focused element's ring looks like and what it is drawn on: the outline, the
# halo (box-shadow) in its offset, and the first opaque background behind the element.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    let behind = element.parentElement, background = 'rgb(255, 255, 255)';
    while (behind) {
        const colour = getComputedStyle(behind).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)') { background = colour; break; }
        behind = behind.parentElement;
    }
    return {
        tag: element.tagName, text: element.textContent.trim().slice(0, 30),
        area: element.closest('.site-header, nav, .site-footer, main') ?.tagName || 'BODY',
        outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
        outlineOffset: parseFloat(style.outlineOffset), outlineColor: style.outlineColor,
        shadow: style.boxShadow, background,
    };
}"""


def focus_through(page, steps: int = 100) -> list[dict]:
    """Tab from the top through every focusable element (at most ``steps``), and how
    each one's focus looks (the page just loaded: the first is the skip link)."""
    seen = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        entry = page.evaluate(FOCUS_STYLE)
        if entry["tag"] == "BODY":  # past the last one
            break
        seen.append(entry)
    return seen


def test_the_focus_ring_stands_out_at_least_3_to_1_everywhere(live_server, page):
    topic = TopicFactory(slug="security")
    publication = PublicationFactory(languages=("en", "ru"), topics=[topic])
    page.goto(f"{live_server.url}{publication.get_absolute_url('en')}")
    focused = focus_through(page)
    areas = {entry["area"] for entry in focused}
    assert {"BODY", "HEADER", "NAV", "MAIN", "FOOTER"} <= areas, str(focused)
    for entry in focused:
        assert entry["outlineStyle"] == "solid", entry
        assert 2 <= entry["outlineWidth"] <= 3, entry
        assert entry["outlineOffset"] >= 2, entry
        ring, behind = rgb(entry["outlineColor"]), rgb(entry["background"])
        assert contrast(ring, behind) >= 3, entry


def test_on_a_dark_background_the_rings_halo_stands_out_instead(live_server, page):
    PublicationFactory()
    page.goto(f"{live_server.url}/en/")
    # A dark header, as a ministry's identity may give it (set through the CSSOM, which
    # the page's policy allows; no stylesheet of the site is changed).
    page.evaluate("document.querySelector('.site-header').style.background = '#0b0c0c'")
    on_dark = [entry for entry in focus_through(page) if rgb(entry["background"]) == (11, 12, 12)]
    assert len(on_dark) >= 10  # the site's name, the navigation, search, the languages
    for entry in on_dark:
        ring, behind, halo = rgb(entry["outlineColor"]), (11, 12, 12), rgb(entry["shadow"])
        assert max(contrast(ring, behind), contrast(halo, behind)) >= 3, entry
        assert contrast(ring, halo) >= 3, entry


TARGETS = ".site-name, .site-nav a, .language-switcher a, .version-row a, .site-footer a"


@pytest.mark.parametrize("width", [1200, 375])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_header_navigation_language_and_footer_links_are_at_least_24_pixels(
    live_server, browser, width, language
):
    publication = PublicationFactory(languages=("en", "ar", "de"))
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in (f"/{language}/", publication.get_absolute_url(language)):
        page.goto(f"{live_server.url}{path}")
        boxes = page.locator(TARGETS).evaluate_all(
            """links => links.map(link => {
                const box = link.getBoundingClientRect();
                return {text: link.textContent.trim(), width: box.width, height: box.height};
            })"""
        )
        assert len(boxes) >= 15
        small = [box for box in boxes if box["width"] < 24 or box["height"] < 24]
        assert not small, (path, small)
    context.close()


# Arabic in its own typeface, digits included


def fonts_of(page, selector: str) -> set[tuple[str, bool]]:
    """The typefaces Chromium drew ``selector``'s text with: (family, is a web font)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {(font["familyName"], font["isCustomFont"]) for font in fonts}


def test_arabic_text_and_its_digits_are_drawn_in_the_served_arabic_font(live_server, page):
    publication = PublicationFactory(
        languages=("ar", "en"), title_ar="كلمة الوزير في 18 نوفمبر 2019", title_en="Remarks"
    )
    page.goto(f"{live_server.url}{publication.get_absolute_url('ar')}")
    assert page.evaluate("document.fonts.ready.then(() => document.fonts.status)") == "loaded"
    assert page.evaluate("document.fonts.check('700 16px \"Noto Sans Arabic\"', 'كلمة 2019')")
    # The title (once a serif, for its digits) and the date, digits and all.
    assert fonts_of(page, "h1.publication__title") == {("Noto Sans Arabic", True)}
    assert fonts_of(page, ".publication__meta time") == {("Noto Sans Arabic", True)}
    font_urls = [
        url
        for url in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        if url.endswith(".woff2")
    ]
    assert any(url.endswith("/static/fonts/NotoSansArabic-Bold.woff2") for url in font_urls)
    assert all(url.startswith(live_server.url) for url in font_urls)  # served by the site

    # An English page keeps its own typefaces for its digits; its switcher's Arabic, marked
    # lang="ar", is drawn in the Arabic one.
    page.goto(f"{live_server.url}{publication.get_absolute_url('en')}")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert ("Noto Sans Arabic", True) not in fonts_of(page, ".publication__meta time")
    assert fonts_of(page, '.language-switcher a[lang="ar"]') == {("Noto Sans Arabic", True)}


# The feeds' page, from the footer


def test_a_reader_finds_how_to_follow_a_topic_from_its_page(live_server, page):
    topic = TopicFactory(slug="security", name_en="Security")
    PublicationFactory(topics=[topic])
    page.goto(f"{live_server.url}/en/topics/security/")
    page.locator(".site-footer").get_by_role("link", name="Get updates").click()
    page.wait_for_url("**/en/updates/?topic=security")
    assert page.locator("h1").inner_text() == "Get updates"
    followed = page.get_by_role("region", name="Security")
    assert followed.is_visible()
    address = followed.locator("code").first.inner_text()
    assert address == f"{live_server.url}/en/feeds/rss/topic/security/"
    # The page is a page, readable without knowing what XML is.
    assert page.get_by_role("region", name="All publications").is_visible()


# A withdrawn item's replacement


def test_a_reader_of_a_withdrawn_item_follows_the_link_to_its_replacement(live_server, page):
    publisher = UserFactory(username="chief", is_staff=True, is_superuser=True)
    replacement = PublicationFactory(
        languages=("ru", "en"), title_ru="Исправленное заявление", title_en="Corrected statement"
    )
    withdrawn = PublicationFactory(languages=("en", "de"))
    workflow.publication_withdraw(
        publication=withdrawn,
        user=publisher,
        explanation="Superseded.",
        replacement=replacement,
    )
    page.goto(f"{live_server.url}{withdrawn.get_absolute_url('de')}")
    link = page.locator(".notice__replacement a")
    assert link.get_attribute("hreflang") == "ru"  # no German version: the original's
    assert link.inner_text() == "Исправленное заявление"
    link.click()
    page.wait_for_url(f"**/ru/publications/{replacement.pk}/**")
    assert page.locator("h1").inner_text() == "Исправленное заявление"
