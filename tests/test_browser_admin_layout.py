"""The staff pages hold at 1280 px and 1440 px in English, Russian and Arabic: no column,
control or badge past the window's edge, no page wider than the window, no button over
the heading (``helpers.clipped``). Screenshots go to the test's folder to be looked at."""

from datetime import timedelta

import pytest
from django.utils import timezone

from speeches.models import Material, Publication, PublicationMaterial
from speeches.publishing import services, workflow
from tests import media_files
from tests.factories import PersonFactory, PublicationFactory, UserFactory
from tests.helpers import clipped, form_ready

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (1280, 1440)
DASHBOARD = "/admin/speeches/publication/translations/"
LONG_TITLE = {
    "en": "Foreign Minister Sergey Lavrov’s remarks at a joint meeting of the collegiums of "
    "the Foreign Ministry of Russia and the Foreign Ministry of the Republic of Belarus",
    "ru": "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова на "
    "совместном заседании коллегий МИД России и МИД Республики Беларусь",
    "ar": "كلمة وزير الخارجية سيرغي لافروف في الاجتماع المشترك لمجلسي وزارتي خارجية روسيا "
    "وجمهورية بيلاروس",
}


def every_list_full_for(administrator) -> None:
    """Long titles and comments in every list of an administrator's home."""
    publisher = UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
    now = timezone.now()

    def drafted(by, **fields):
        return PublicationFactory(
            status=Publication.Status.DRAFT,
            created_by=by,
            languages=("ru", "en"),
            title_ru=LONG_TITLE["ru"],
            **fields,
        )

    for _round in range(2):
        drafted(administrator)
        workflow.publication_send_back(
            publication=workflow.publication_submit(
                publication=drafted(administrator), user=administrator
            ),
            user=publisher,
            comment="Сверьте цитату во втором абзаце со стенограммой; " * 4,
        )
        workflow.publication_submit(publication=drafted(administrator), user=administrator)
        workflow.publication_submit(publication=drafted(publisher), user=publisher)
        PublicationFactory(
            published_at=now + timedelta(hours=3), languages=("ru",), title_ru=LONG_TITLE["ru"]
        )
        PublicationFactory(languages=("ru", "ar"), title_ru=LONG_TITLE["ru"])


@pytest.fixture
def newsroom(live_server_lock):
    """A publisher, and an item with a long title in three languages, one outdated."""
    with live_server_lock:
        speaker = PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")
        publication = PublicationFactory(
            languages=("ru", "en", "ar"),
            original_language="ru",
            speakers=[speaker],
            reference="2270-18-11-2019",
            **{f"title_{code}": title for code, title in LONG_TITLE.items()},
        )
        publication.body_ru = "<p>Новый текст оригинала.</p>"
        services.publication_save(publication=publication)
        # The materials grid with photos (their alternative texts) and a document.
        for position, kind in enumerate(("photo", "photo", "link")):
            material = services.material_save(
                material=Material(
                    kind=kind,
                    **(
                        {"file": media_files.photo(), "alt_text_ru": "Министры в зале"}
                        if kind == "photo"
                        else {"url": "https://example.org/transcript"}
                    ),
                    title_ru="Министры иностранных дел России и Беларуси на совместном заседании",
                    title_ar="وزيرا خارجية روسيا وبيلاروس في الاجتماع المشترك",
                )
            )
            PublicationMaterial.objects.create(
                publication=publication, material=material, position=position
            )
        user = UserFactory(username="chief", is_staff=True, groups=["Publishers"])
    return user, publication


@pytest.mark.parametrize("language", ["en", "ru", "ar"])
def test_the_change_form_holds_at_both_widths(open_as, newsroom, language, tmp_path):
    user, publication = newsroom
    assert publication.status == Publication.Status.PUBLISHED
    path = f"/admin/speeches/publication/{publication.pk}/change/"
    for width in WIDTHS:
        page = open_as(user, path, width=width, locale=language)
        form_ready(page)
        page.screenshot(path=str(tmp_path / f"change-form-{language}-{width}.png"))
        assert clipped(page) == [], f"{language} at {width} px"


@pytest.mark.parametrize("language", ["en", "ru", "ar"])
def test_the_staff_home_and_the_dashboard_hold_at_both_widths(
    open_as, live_server_lock, language, tmp_path
):
    with live_server_lock:
        administrator = UserFactory(username="chief", is_staff=True, groups=["Administrators"])
        every_list_full_for(administrator)
    for width in WIDTHS:
        for name, path in (("home", "/admin/"), ("dashboard", DASHBOARD)):
            page = open_as(administrator, path, width=width, locale=language)
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("html").get_attribute("dir") == (
                "rtl" if language == "ar" else "ltr"
            )
            page.screenshot(path=str(tmp_path / f"{name}-{language}-{width}.png"), full_page=True)
            assert clipped(page) == [], f"{name} in {language} at {width} px"
            if name == "home":  # every list of the home was there to be measured
                assert page.locator(".staff-home__list").count() == 7
            page.context.close()


def test_the_check_sees_a_cut_column_and_a_covered_heading(open_as, newsroom):
    user, publication = newsroom
    page = open_as(user, f"/admin/speeches/publication/{publication.pk}/change/", width=1280)
    form_ready(page)
    assert clipped(page) == []
    # A table cell pushed past the window's edge, and the tools moved over the heading.
    page.evaluate(
        """() => {
            const cell = document.querySelector("#content td, #content th")
                || document.querySelector("#content-main").appendChild(
                    document.createElement("table")).insertRow().insertCell();
            cell.style.minWidth = "3000px";
            const tools = document.querySelector("#content .object-tools");
            tools.style.position = "absolute";
            const heading = document.querySelector("#content h1").getBoundingClientRect();
            tools.style.top = heading.top + window.scrollY + "px";
            tools.style.left = heading.left + "px";
        }"""
    )
    problems = clipped(page)
    assert any("outside the window" in p for p in problems)
    assert any("page wider than the window" in p for p in problems)
    assert any("covers the heading" in p for p in problems)
