"""A journalist at a publication's page, in a real browser (Debian's Chromium through
Playwright), on a phone (390 px) and a desktop (1280 px), in English and in Arabic: the
print and copy controls, sharing, the outline of a long text and its questions, the photo
archive, and the page as it comes out of a printer (``page.pdf()``)."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import pytest
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from speeches.models import Material, Publication, PublicationMaterial
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory, UserFactory

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE, DESKTOP = 390, 1280
VIEWPORTS = pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
LANGUAGES = pytest.mark.parametrize("language", ["en", "ar"])

PARAGRAPH = {
    "en": "Colleagues, the meeting reviewed our concerted foreign policy in detail. " * 6,
    "ar": "أيها الزملاء، استعرض الاجتماع سياستنا الخارجية المنسقة بالتفصيل. " * 6,
}
HEADINGS = {
    "en": ["Upcoming contacts", "Russian-Mexican relations", "Days of Russian Culture"],
    "ar": ["الاتصالات المقبلة", "العلاقات الروسية المكسيكية", "أيام الثقافة الروسية"],
}
QUESTIONS = {
    "en": ["When will the talks resume?", "Is the date set?"],
    "ar": ["متى ستستأنف المحادثات؟", "هل تحدد الموعد؟"],
}
LAST_WORDS = "END-OF-TEXT-2019"


def briefing_body(language: str) -> str:
    parts = []
    for heading in HEADINGS[language]:
        parts += [f"<h2>{heading}</h2>", f"<p>{PARAGRAPH[language]}</p>" * 3]
    for question in QUESTIONS[language]:
        parts += [f'<p class="question">{question}</p>', f"<p>{PARAGRAPH[language]}</p>"]
    parts.append(f"<p>{LAST_WORDS}</p>")
    return "".join(parts)


def photo(number: int) -> Material:
    return services.material_save(
        material=Material(
            kind="photo",
            file=media_files.photo(f"photo-{number}.jpg", width=900, height=600),
            title_en=f"Photo {number} of the talks",
            title_ar=f"الصورة {number}",
            alt_text_en=f"The ministers, view {number}",
            alt_text_ar=f"الوزراء {number}",
        )
    )


@pytest.fixture
def briefing(db) -> Publication:
    """A briefing in English and Arabic: three headings, two questions, six photos, a
    reference and a delivery label."""
    publication = PublicationFactory(
        languages=("en", "ar"),
        title_en="Briefing by the Foreign Ministry Spokesperson",
        title_ar="إحاطة إعلامية للمتحدثة الرسمية باسم وزارة الخارجية",
        body_en=briefing_body("en"),
        body_ar=briefing_body("ar"),
        reference="2096-02-11-2017",
        delivery=Publication.Delivery.TRANSCRIPT,
    )
    for number in range(1, 7):
        PublicationMaterial.objects.create(
            publication=publication, material=photo(number), position=number
        )
    return publication


def translated(message: str, language: str) -> str:
    with translation.override(language):
        return gettext(message)


def new_page(browser, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    return context.new_page()


def url_of(live_server, publication: Publication, language: str) -> str:
    return f"{live_server.url}{publication.get_absolute_url(language)}"


def short_url(live_server, publication: Publication) -> str:
    return f"{live_server.url}/p/{publication.pk}/"


@VIEWPORTS
@LANGUAGES
def test_print_and_copy_are_offered_where_the_script_runs(
    live_server, browser, briefing, width, language
):
    page = new_page(browser, width)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(url_of(live_server, briefing, language))
    tools = page.locator(".publication-tools")
    print_button = tools.locator("button[data-print]")
    copy_button = tools.locator("button[data-copy]")
    assert print_button.is_visible() and copy_button.is_visible()

    page.evaluate("window.print = () => { window.printed = true; }")
    print_button.click()
    assert page.evaluate("window.printed") is True

    copy_button.click()
    status = page.locator("#tools-status")  # said beside the button
    status.filter(has_text=re.compile(".+")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == short_url(live_server, briefing)
    assert status.inner_text() == translated("Link copied", language)

    page.locator("button[data-copy=citation]").click()
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.endswith(short_url(live_server, briefing)) and "2096-02-11-2017" in citation
    # Nothing overflows the screen sideways, right to left included.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    page.context.close()


@VIEWPORTS
@LANGUAGES
def test_without_script_the_short_link_is_there_to_copy_by_hand(
    live_server, browser, briefing, width, language
):
    page = new_page(browser, width, java_script_enabled=False)
    page.goto(url_of(live_server, briefing, language))
    assert page.locator("button[data-print]").count() == 1
    assert not page.locator("button[data-print]").is_visible()
    assert not page.locator("button[data-copy]").first.is_visible()
    field = page.locator("#short-link")
    assert field.is_visible() and field.input_value() == short_url(live_server, briefing)
    # An address reads left to right, on an Arabic page too.
    assert field.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("#citation").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.context.close()


@VIEWPORTS
def test_share_links_are_named_for_everyone(live_server, browser, briefing, width):
    page = new_page(browser, width)
    page.goto(url_of(live_server, briefing, "en"))
    for network, host in (
        ("X", "x.com"),
        ("Facebook", "www.facebook.com"),
        ("Telegram", "t.me"),
        ("WhatsApp", "wa.me"),
        ("LinkedIn", "www.linkedin.com"),
    ):
        link = page.get_by_role("link", name=f"Share on {network} (opens in a new tab)")
        assert link.is_visible(), network
        assert link.get_attribute("href").startswith(f"https://{host}/")
        assert "noopener" in link.get_attribute("rel").split()
    email = page.get_by_role("link", name="Share by email")
    assert email.get_attribute("href").startswith("mailto:?subject=")
    page.context.close()


@VIEWPORTS
@LANGUAGES
def test_contents_and_questions_lead_to_their_places(
    live_server, browser, briefing, width, language
):
    page = new_page(browser, width)
    page.goto(url_of(live_server, briefing, language))
    contents = page.get_by_role("navigation", name=translated("Contents", language))
    assert contents.get_by_role("link").all_inner_texts() == HEADINGS[language]
    contents.get_by_role("link", name=HEADINGS[language][2]).click()
    page.wait_for_url("**#h-3")
    heading = page.locator("#h-3")
    assert heading.inner_text() == HEADINGS[language][2]
    assert heading.evaluate("e => e.getBoundingClientRect().top") < 100

    questions = page.locator("nav.contents--questions")
    questions.locator("summary").click()
    questions.get_by_role("link", name=QUESTIONS[language][1]).click()
    page.wait_for_url("**#q-2")
    asked, answer = page.locator("#q-2"), page.locator("#q-2 + p")
    assert asked.evaluate("e => e.getBoundingClientRect().top") < 100
    # A question is set apart from the answer that follows it.
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).borderInlineStartWidth]"
    assert asked.evaluate(style) == ["700", "4px"]
    assert answer.evaluate(style) == ["400", "0px"]
    page.context.close()


@VIEWPORTS
def test_all_photos_come_in_one_archive(live_server, browser, briefing, width):
    page = new_page(browser, width, accept_downloads=True)
    page.goto(url_of(live_server, briefing, "en"))
    link = page.locator(".publication-tools").get_by_role("link", name=re.compile("Download all"))
    assert "6 photos" in link.inner_text()
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), "rb") as archive_file:
        archive = zipfile.ZipFile(io.BytesIO(archive_file.read()))
    assert archive.namelist() == [f"{n:02d}-photo-{n}.jpg" for n in range(1, 7)]
    assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
    page.context.close()


GALLERY_ON_PAPER = """@media print {
    .materials > .gallery { display: grid !important; }
    .materials-print { display: none !important; }
}"""


# What an A4 sheet leaves for text between the print stylesheet's margins, in CSS pixels.
A4_TEXT_WIDTH = round((21 - 4) / 2.54 * 96)


def materials_height_on_a4(browser, live_server, publication, language, style="") -> float:
    page = new_page(browser, A4_TEXT_WIDTH, bypass_csp=bool(style))
    page.goto(url_of(live_server, publication, language))
    if style:
        page.add_style_tag(content=style)
    page.emulate_media(media="print")
    height = page.locator(".materials").bounding_box()["height"]
    page.context.close()
    return height


def pdf_text(page) -> tuple[int, str]:
    """The page printed to A4 as a browser prints it: its number of sheets and its text."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(sheet.extract_text() for sheet in reader.pages)
    # Arabic comes out in its presentation forms: back to letters.
    return len(reader.pages), unicodedata.normalize("NFKC", text)


@LANGUAGES
def test_the_printed_page_is_masthead_text_short_link_and_a_list_of_materials(
    live_server, browser, briefing, language
):
    page = new_page(browser, DESKTOP)
    page.goto(url_of(live_server, briefing, language))
    page.emulate_media(media="print")
    masthead = page.locator(".print-masthead")
    assert masthead.is_visible() and masthead.inner_text().strip()
    for screen_only in (".site-header", ".publication-tools", ".share-cite", ".contents"):
        assert not page.locator(screen_only).first.is_visible(), screen_only
    assert not page.locator(".gallery").is_visible()
    assert page.locator(".materials-print li").count() == 6
    assert page.locator(".delivery-label").is_visible()

    # Six photos are six lines of a list, not a gallery across sheets: a third of the
    # room the gallery takes on A4 (shown again by a stylesheet past the page's policy).
    listed = materials_height_on_a4(browser, live_server, briefing, language)
    gallery = materials_height_on_a4(browser, live_server, briefing, language, GALLERY_ON_PAPER)
    assert listed * 3 < gallery, (listed, gallery)

    sheets, text = pdf_text(page)
    assert sheets <= 3, sheets
    short = short_url(live_server, briefing)
    # Read off paper, an address among right-to-left text comes with stray spaces.
    flat = re.sub(r"\s+", "", text)
    assert short in flat
    # The address after the text, the materials after the address.
    assert flat.index(LAST_WORDS) < flat.index(short) < flat.index("/files/")
    assert "%" not in text  # no percent-encoded address anywhere on paper
    assert "Share this page" not in text and "Facebook" not in text
    if language == "en":
        first_line = text.strip().splitlines()[0]
        assert first_line == "Press office"
        assert "Transcript" in text and "Reference number 2096-02-11-2017" in text
        assert "Photo 6 of the talks" in text
        assert "Contents" not in text
    page.context.close()


def test_an_editor_marks_a_paragraph_as_a_question(live_server, browser):
    PublicationFactory()  # the publication types
    UserFactory(username="writer", is_staff=True, groups=["Editors"])
    page = new_page(browser, DESKTOP)
    url = "/admin/speeches/publication/add/"
    page.goto(f"{live_server.url}/admin/login/?next={url}")
    page.fill("#id_username", "writer")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"**{url}")
    page.select_option("#id_type", label="Speech")
    page.fill("#id_title_en", "Interview")
    page.select_option("#id_delivery", label="Transcript")
    editor = "div.prose-editor:has(#id_body_en)"
    page.locator(f"{editor} [contenteditable=true]").click()
    page.keyboard.type("Is Moscow ready?")
    # The editor's "Block style" menu: its button opens the styles it offers.
    styles = f"{editor} .prose-menubar__dropdown:has([aria-label='Block style'])"
    page.locator(f"{styles} .prose-menubar__selected").click()
    page.locator(f"{styles} [data-name='nodeClass:paragraph:question']").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    # A new paragraph goes on in the style of the last: the answer is set back to plain.
    page.locator(f"{styles} .prose-menubar__selected").click()
    page.locator(f"{styles} [data-name='nodeClass:paragraph:clear']").click()
    page.keyboard.type("Yes, it is.")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/speeches/publication/")
    publication = Publication.objects.get(title_en="Interview")
    assert publication.body_en == (
        '<p class="question" id="q-1">Is Moscow ready?</p><p>Yes, it is.</p>'
    )
    assert publication.delivery == Publication.Delivery.TRANSCRIPT
    page.context.close()


@VIEWPORTS
@LANGUAGES
def test_related_publications_sit_beside_the_text_on_a_wide_screen(
    live_server, browser, briefing, width, language
):
    """On a desktop the related list fills the side the text's measure leaves empty (on
    the reading side's far end: the right in English, the left in Arabic); on a phone it
    follows the text."""
    topic = briefing.topics.create(slug="security", name="Security")
    PublicationFactory(languages=("en", "ar"), topics=[topic])
    page = new_page(browser, width)
    page.goto(url_of(live_server, briefing, language))
    text = page.locator(".publication").bounding_box()
    related = page.locator(".related-publications").bounding_box()
    if width == DESKTOP:
        assert related["y"] < text["y"] + 200  # beside the heading, not under the text
        if language == "ar":
            assert related["x"] + related["width"] <= text["x"]
        else:
            assert related["x"] >= text["x"] + text["width"]
    else:
        assert related["y"] >= text["y"] + text["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
