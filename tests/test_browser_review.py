"""The review pages in a real browser: the comparison of two revisions, the change form's
audit log and the history hold at 1280 and 1440 pixels in English, Russian and Arabic,
nothing cut off or pushed out of the window. With SCREENSHOTS naming a folder
(``SCREENSHOTS=/tmp/shots make test``), each page's screenshot is saved there to be
looked at."""

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from reversion.models import Version

from speeches.editorial import editing
from speeches.models import Material, Publication
from speeches.publishing import services, workflow
from tests.factories import PublicationFactory, TopicFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_REASON = (
    "Подписи к фотографиям нужны на двух языках; второй абзац слишком длинный, разбейте его. "
    "See https://example.org/guidelines/" + "captions-and-credits-" * 8 + "for the house rules."
)

# What must stay inside the window on each page, and be wide enough for what it holds.
CHECKED = {
    "compare": "#content-main, #content-main table, #content-main th, #content-main td, "
    ".review-section, .text-diff, .diff-block, .review-list dd",
    "change": ".workflow-panel, .workflow-actions li, .audit-log, .audit-log th, .audit-log td",
    "history": "#content-main table, #content-main th, #content-main td, .audit-log",
}

OUT_OF_BOUNDS = """selector => {
    const width = document.documentElement.clientWidth;
    const found = [];
    let seen = 0;
    for (const element of document.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (!box.width && !box.height) continue;  // folded away
        seen += 1;
        const text = element.textContent.trim().slice(0, 30);
        const name = element.tagName + '.' + element.className + ' ' + text;
        if (box.left < -1 || box.right > width + 1) found.push('outside: ' + name);
        else if (element.scrollWidth > element.clientWidth + 1) found.push('cut: ' + name);
    }
    return {seen, found, page: document.documentElement.scrollWidth - width};
}"""


def story():
    """A statement in three languages with a history: edited, submitted with a note, sent
    back with a long comment, reworked (texts, topics, materials), submitted again."""
    anna = UserFactory(
        username="anna", first_name="Анна", last_name="Петрова", is_staff=True, groups=["Editors"]
    )
    boris = UserFactory(username="boris", is_staff=True, groups=["Publishers"])
    photos = [
        services.material_save(
            material=Material(
                kind=Material.Kind.LINK,
                url=f"https://example.org/photo-{n}",
                title_en=f"The ministers before the talks, photo {n}",
            ),
            user=anna,
        )
        for n in range(3)
    ]
    publication = PublicationFactory(
        status=Publication.Status.DRAFT,
        languages=("ru", "en", "ar"),
        title_ru="Заявление МИД России в связи с 80-летием Организации Объединенных Наций",
        body_ru="<p>Восемьдесят лет назад вступил в силу Устав ООН.</p><p>Второй абзац.</p>",
        body_ar="<p>تحتفل الأمم المتحدة هذا العام بالذكرى الثمانين لتأسيسها.</p>",
    )

    def edit(data=None, **fields):
        publication.refresh_from_db()
        for name, value in fields.items():
            setattr(publication, name, value)
        editing.publication_edit(
            publication=publication,
            user=anna,
            expected_version=publication.edit_version,
            data=data or editing.EditInput(),
        )

    edit(
        editing.EditInput(attachments=[editing.Attachment(p, n) for n, p in enumerate(photos[:2])])
    )
    workflow.publication_submit(publication=publication, user=anna, note=LONG_REASON)
    workflow.publication_send_back(publication=publication, user=boris, comment=LONG_REASON)
    edit(
        editing.EditInput(
            topics=[
                TopicFactory(name_en="United Nations", name_ru="Организация Объединенных Наций")
            ],
            attachments=[editing.Attachment(photos[2], 0), editing.Attachment(photos[0], 1)],
        ),
        body_ru="<p>Восемьдесят лет назад, 24 октября 1945 года, вступил в силу Устав "
        "Организации.</p>"
        "<p>Второй абзац, разбитый надвое.</p><p>Его вторая часть.</p>",
        body_ar="<p>تحتفل منظمة الأمم المتحدة هذا العام بالذكرى الثمانين لتأسيسها.</p>",
        reference="MFA-" + "0" * 40,
    )
    workflow.publication_submit(publication=publication, user=anna, note="Исправлено.")
    versions = list(Version.objects.get_for_object(publication).order_by("pk"))
    return publication, boris, versions[0], versions[-1]


def test_the_review_pages_hold_at_1280_and_1440_pixels_in_english_russian_and_arabic(
    browser, live_server, live_server_lock
):
    publication, boris, older, newer = story()
    client = Client()
    with live_server_lock:
        client.force_login(boris)
    base = f"{live_server.url}/admin/speeches/publication/{publication.pk}"
    pages = {
        "compare": f"{base}/history/compare/?a={older.pk}&b={newer.pk}",
        "change": f"{base}/change/",
        "history": f"{base}/history/",
    }
    shots = Path(os.environ["SCREENSHOTS"]) if os.environ.get("SCREENSHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    problems = []
    for language in ("en", "ru", "ar"):
        for width in (1280, 1440):
            context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
            context.add_cookies(
                [
                    {
                        "name": django_settings.SESSION_COOKIE_NAME,
                        "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                        "url": live_server.url,
                    }
                ]
            )
            page = context.new_page()
            for name, url in pages.items():
                page.goto(url)
                assert page.locator("html").get_attribute("lang") == language
                if name == "change":
                    page.locator(".workflow-log summary").click()  # the log opens in place
                if name == "compare":
                    assert (
                        page.locator(".text-diff[lang=ar]").evaluate(
                            "e => getComputedStyle(e).direction"
                        )
                        == "rtl"
                    )
                    assert (
                        page.locator(".text-diff del").count()
                        and page.locator(".text-diff ins").count()
                    )
                audit = page.locator(".audit-log tbody tr")
                assert audit.count() >= 4, (name, language)
                arrow = page.locator(".state-arrow").first.evaluate(
                    "e => getComputedStyle(e).transform"
                )
                assert (arrow != "none") == (language == "ar")  # it points the way text reads
                result = page.evaluate(OUT_OF_BOUNDS, CHECKED[name])
                assert result["seen"] > 5, (name, language, width)
                if name != "change":  # the whole page; the change form's other parts aside
                    result["found"] += ["page scrolls sideways"] if result["page"] > 0 else []
                problems += [f"{name} {language} {width}: {found}" for found in result["found"]]
                if shots:
                    path = shots / f"review-{name}-{language}-{width}.png"
                    page.screenshot(path=path, full_page=True)
            context.close()
    assert not problems, "\n".join(problems)
