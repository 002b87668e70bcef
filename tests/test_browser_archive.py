"""The archive in a real browser, on a phone and on a wide screen, in English, Russian and
Arabic: results first on a phone (the words in view, the other filters folded under a
summary that counts them), a sidebar always open on a wide screen, targets big enough
to tap and a focus ring that can be seen.

Each test builds the archive once and looks at every page it needs in its language
(Debian's Chromium, as in tests/test_browser.py).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext, npgettext, pgettext

from speeches.models import PublicationType
from speeches.public.filters import PublicationFilter
from tests.factories import PersonFactory, PublicationFactory
from tests.helpers import at

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}
LANGUAGES = ["en", "ru", "ar"]

# A word every title has, in each language's own script.
WORD = {"en": "security", "ru": "безопасности", "ar": "الأمن"}
TITLE = {
    "en": "Remarks on security at the meeting number {n}",
    "ru": "Выступление о безопасности на встрече номер {n}",
    "ar": "كلمة حول الأمن في الاجتماع رقم {n}",
}
ITEMS = 23  # more than a page (20): the archive has a next page


@pytest.fixture
def archive():
    """Twenty-three items in the three languages, twelve of them in 2024, two in three
    of those speeches: a search for the word, speeches of 2024, finds eight."""
    statement = PublicationType.objects.get_or_create(
        code="statement", defaults={"name_en": "Statement", "plural_name_en": "Statements"}
    )[0]
    speaker = PersonFactory(name_en="Anna Example", name_ru="Анна Пример")
    for n in range(ITEMS):
        extra = {"type": statement} if n % 3 == 0 else {}
        PublicationFactory(
            languages=("en", "ru", "ar"),
            speakers=[speaker],
            published_at=at(2024 - n // 12, 12 - n % 12, 5),
            **{f"title_{code}": title.format(n=n + 1) for code, title in TITLE.items()},
            **extra,
        )


def search_url(language: str) -> str:
    """A search with two filters: three chips, two of them in the folded panel."""
    return f"/{language}/publications/?q={WORD[language]}&type=speech&year=2024"


def summary_text(language: str, count: int) -> str:
    """What the folded filters' summary says in ``language`` with ``count`` in use."""
    with translation.override(language):
        if not count:
            return pgettext("the archive's folded filters, none in use", "Filters")
        return npgettext(
            "the archive's folded filters, with how many are in use",
            "Filters (%(counter)s)",
            "Filters (%(counter)s)",
            count,
        ) % {"counter": count}


def filter_label(language: str, name: str) -> str:
    """The label a chip names a filter by, in ``language``."""
    with translation.override(language):
        return str(PublicationFilter.base_filters[name].label)


def gettext_in(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


@pytest.fixture
def open_page(browser, live_server):
    """``open_page(viewport)``: a page of a browser of its own with that viewport, whose
    ``visit(path)`` opens a path of the live server."""
    contexts = []

    def open_with(viewport: dict):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.visit = lambda path: page.goto(f"{live_server.url}{path}")
        return page

    yield open_with
    for context in contexts:
        context.close()


def first_result(page):
    return page.locator(".publication-item").first


def assert_first_result_on_the_first_screen(page, viewport: dict) -> None:
    title = first_result(page).locator(".publication-item__title")
    box = title.bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert box["y"] + box["height"] <= viewport["height"], box


def assert_no_horizontal_scroll(page, viewport: dict) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def assert_folded(page) -> None:
    """The panel is closed: its summary shows, its filters do not (the words do)."""
    assert page.locator(".filters__panel").get_attribute("open") is None
    assert page.locator(".filters__summary").is_visible()
    assert page.locator("#id_q").is_visible()
    assert not page.locator(".filters__body").is_visible()
    assert not page.locator("#id_speaker").is_visible()


def summary(page) -> str:
    return " ".join(page.locator(".filters__summary").inner_text().split())


def luminance(color: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", color)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_on_white(color: str) -> float:
    return 1.05 / (luminance(color) + 0.05)


FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        html: element.outerHTML.slice(0, 80),
        inMain: !!element.closest('main'),
        result: !!element.closest('.publication-item'),
        clearAll: !!element.closest('.filters__actions') && element.tagName === 'A',
        outline: [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor],
    };
}"""


def assert_focus_ring_seen_on_white(focused: dict) -> None:
    style, width, color = focused["outline"]
    assert style != "none" and width >= 2, focused
    assert contrast_on_white(color) >= 3, focused


def tabs_to_first_result(page) -> tuple[int, int]:
    """How many presses of Tab from the page's start focus the first result's link, and
    how many of them land in the page's main part (the result's own included); each
    control met there on the way shows a ring that can be seen."""
    presses, in_main = 0, 0
    while True:
        page.keyboard.press("Tab")
        presses += 1
        focused = page.evaluate(FOCUSED)
        in_main += focused["inMain"]
        if focused["inMain"]:
            assert_focus_ring_seen_on_white(focused)
        if focused["result"]:
            return presses, in_main
        assert presses < 50, "the first result was never reached"


TARGETS = """() => [...document.querySelectorAll(
    '.filters input, .filters select, .filters button, .filters summary,'
    + ' .filters__actions a, .pagination a, .active-filters a'
)].filter(element => element.getClientRects().length).map(element => {
    const box = element.getBoundingClientRect();
    return {html: element.outerHTML.slice(0, 80), type: element.type || '',
            width: box.width, height: box.height};
})"""


def assert_targets_big_enough(page) -> int:
    """Every control, pagination link and chip's remove link is at least 24 × 24 CSS px
    (WCAG 2.2's target size), a checkbox or radio button at least 20; how many there are."""
    targets = page.evaluate(TARGETS)
    for target in targets:
        least = 20 if target["type"] in ("checkbox", "radio") else 24
        assert min(target["width"], target["height"]) >= least, target
    return len(targets)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_results_come_first_and_the_filters_fold(open_page, archive, language):
    # The archive: nothing filtered, the panel folded, the first result in view.
    page = open_page(PHONE)
    page.visit(f"/{language}/publications/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_first_result_on_the_first_screen(page, PHONE)
    assert_folded(page)
    assert summary(page) == summary_text(language, 0)
    assert_no_horizontal_scroll(page, PHONE)
    assert page.locator(".pagination a").count() == 1
    assert_targets_big_enough(page)
    # By the keyboard: the site's header (15 stops today), the list by email, the words,
    # their button and the summary, then the first result.
    presses, in_main = tabs_to_first_result(page)
    assert in_main == 5
    assert presses <= 21

    # A search with two filters: three chips above the list, two of them counted.
    page.visit(search_url(language))
    assert page.locator(".publication-item").count() == 8
    assert_first_result_on_the_first_screen(page, PHONE)
    assert_folded(page)
    assert summary(page) == summary_text(language, 2)
    chips = page.locator(".active-filters li")
    assert chips.count() == 3
    assert_no_horizontal_scroll(page, PHONE)

    # By the keyboard: the header, the list by email, the words, their button, the
    # summary, each chip's link, then the first result.
    presses, in_main = tabs_to_first_result(page)
    assert in_main == 5 + chips.count()
    assert presses <= 24

    # The panel opens from the keyboard; every filter in it is reached and shows its ring.
    page.locator(".filters__summary").focus()
    page.keyboard.press("Enter")
    assert page.locator(".filters__panel").get_attribute("open") is not None
    assert page.locator("#id_speaker").is_visible()
    controls, presses = set(), 0
    while True:
        page.keyboard.press("Tab")
        presses += 1
        focused = page.evaluate(FOCUSED)
        assert_focus_ring_seen_on_white(focused)
        controls.add(focused["html"])
        if focused["clearAll"]:
            break
        assert presses < 40, "Clear all was never reached"
    # The types, the selects, the dates, the year, the sort, the button and Clear all.
    assert len(controls) >= 10
    # Besides them: the words, their button, the summary and the chips' links.
    assert assert_targets_big_enough(page) == 3 + len(controls) + chips.count()
    assert_no_horizontal_scroll(page, PHONE)

    # Removing a chip removes its filter, and only it.
    type_chip = chips.filter(has_text=filter_label(language, "type"))
    assert type_chip.count() == 1
    with page.expect_navigation():
        type_chip.locator("a").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": [WORD[language]], "year": ["2024"]}
    assert page.locator(".active-filters li").count() == 2
    assert page.locator(".publication-item").count() == 12
    assert summary(page) == summary_text(language, 1)
    assert_folded(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_wide_screen_the_filters_are_a_sidebar_always_open(open_page, archive, language):
    page = open_page(WIDE)
    for path in (f"/{language}/publications/", search_url(language)):
        page.visit(path)
        # Shown by the stylesheet, not opened: no summary to press, every filter there.
        assert page.locator(".filters__panel").get_attribute("open") is None
        assert not page.locator(".filters__summary").is_visible()
        assert page.locator("#id_speaker").is_visible()
        assert page.locator("#id_type_0").is_visible()
        heading = page.get_by_role("heading", name=gettext_in(language, "Search and filter"))
        assert heading.is_visible()
        # Beside the results, on the side the language starts from.
        form = page.locator("form.filters").bounding_box()
        results = page.locator(".results").bounding_box()
        if language == "ar":
            assert form["x"] >= results["x"] + results["width"]
        else:
            assert form["x"] + form["width"] <= results["x"]
        assert form["y"] == pytest.approx(results["y"], abs=1)
        assert_first_result_on_the_first_screen(page, WIDE)
        assert_no_horizontal_scroll(page, WIDE)
