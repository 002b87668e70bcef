"""The publication change form in a real browser: one language switch for the whole form,
opening on the original language with a mark on each language; and unsaved input kept in
the browser through a crash and offered back, never sent without a save."""

import json

import pytest
from playwright.sync_api import expect

from speeches.models import LanguageVersion, Publication
from speeches.publishing import services
from tests.factories import PublicationFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def chief():
    return UserFactory(username="chief", first_name="Chief", is_staff=True, groups=["Publishers"])


def change_path(publication) -> str:
    return f"/admin/speeches/publication/{publication.pk}/change/"


def shown(page, selector) -> bool:
    return page.locator(selector).is_visible()


def marks(page, code) -> str:
    return page.locator(f".language-switch__button[data-code={code}]").inner_text()


def test_one_switch_for_the_whole_form_opens_on_the_original_with_marks(open_as, live_server_lock):
    with live_server_lock:
        publication = PublicationFactory(
            languages=("ru", "en", "de"),
            original_language="ru",
            status=Publication.Status.DRAFT,
        )
        # A change to the Russian original outdates the English and German versions.
        publication.body_ru = "<p>Новый текст оригинала.</p>"
        services.publication_save(publication=publication)
        assert LanguageVersion.objects.get(publication=publication, language="de").status == (
            "outdated"
        )
        user = chief()
    page = open_as(user, change_path(publication))

    # It opens on Russian, the original, for every translated field at once.
    pressed = page.locator(".language-switch__button[aria-pressed=true]")
    expect(pressed).to_have_attribute("data-code", "ru")
    for field in ("title", "lead", "place"):
        assert shown(page, f"#id_{field}_ru") and not shown(page, f"#id_{field}_en")
    # Russian first, marked the original; each language says whether it has text and
    # whether it is outdated; the version controls say "outdated", not "ready".
    assert page.locator(".language-switch__button").first.get_attribute("data-code") == "ru"
    assert "original" in marks(page, "ru")
    assert "has text" in marks(page, "de") and "outdated" in marks(page, "de")
    assert "empty" in marks(page, "fr")
    assert page.locator("#id_version_de").input_value() == "outdated"

    # One click turns the whole form to German.
    page.click(".language-switch__button[data-code=de]")
    for field in ("title", "lead", "place"):
        assert shown(page, f"#id_{field}_de") and not shown(page, f"#id_{field}_ru")
    assert page.locator(".prose-editor:has(#id_body_de) [contenteditable=true]").is_visible()
    assert not page.locator(".prose-editor:has(#id_body_ru) [contenteditable=true]").is_visible()

    # A field's own switch shows that field alone in another language.
    page.locator(".field-title_de .field-languages button[data-code=ru]").click()
    assert shown(page, "#id_title_ru") and not shown(page, "#id_title_de")
    assert shown(page, "#id_lead_de")

    # Typing into French marks it as having text.
    page.click(".language-switch__button[data-code=fr]")
    page.fill("#id_title_fr", "Titre")
    expect(page.locator(".language-switch__button[data-code=fr]")).to_contain_text("has text")

    # The rich-text editor checks spelling in its own language, and its toolbar speaks
    # the admin's language (English here: its tooltips are put through the catalog).
    body_ru = page.locator(".prose-editor:has(#id_body_ru) [contenteditable=true]")
    page.click(".language-switch__button[data-code=ru]")
    assert body_ru.get_attribute("spellcheck") == "true"
    assert body_ru.get_attribute("lang") == "ru"


def test_the_toolbar_and_the_switch_speak_russian_in_the_russian_admin(open_as, live_server_lock):
    with live_server_lock:
        publication = PublicationFactory(languages=("en",), status=Publication.Status.DRAFT)
        user = chief()
    page = open_as(user, change_path(publication), locale="ru")
    expect(page.locator("h1")).to_have_text("Изменить публикацию")
    assert page.locator(".language-switch__label").inner_text() == "Язык формы"
    bold = page.locator(".prose-editor:has(#id_body_en) .prose-menubar__button").filter(
        has_text="format_bold"
    )
    expect(bold).to_have_attribute("title", "Полужирный")


def test_unsaved_input_survives_a_crash_and_is_offered_back(open_as, live_server, live_server_lock):
    with live_server_lock:
        publication = PublicationFactory(
            languages=("en",), status=Publication.Status.DRAFT, title_en="Statement"
        )
        user = chief()
    page = open_as(user, change_path(publication))
    sent = []
    page.on("request", lambda request: sent.append(request.post_data or ""))
    page.fill("#id_title_en", "Statement on the summit, revised")
    page.locator(".prose-editor:has(#id_body_en) [contenteditable=true]").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" A sentence typed before the crash.")
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('pressoffice:unsaved:')"
        " && localStorage.getItem(k).includes('typed before the crash'))"
    )
    # Kept in this browser only: nothing of it went to the server.
    assert not any("typed before the crash" in data for data in sent)

    # The tab crashes (gone without a save); the form is opened again: the server's text,
    # and an offer of what was typed.
    context = page.context
    page.close()
    page = context.new_page()
    page.goto(f"{live_server.url}{change_path(publication)}")
    assert page.locator("#id_title_en").input_value() == "Statement"
    offer = page.locator(".form-recovery")
    expect(offer).to_contain_text("is kept in this browser")
    offer.get_by_role("button", name="Restore it").click()
    page.wait_for_load_state()
    expect(page.locator("#id_title_en")).to_have_value("Statement on the summit, revised")
    body = page.locator(".prose-editor:has(#id_body_en) [contenteditable=true]")
    expect(body).to_contain_text("A sentence typed before the crash.")
    expect(page.locator(".form-recovery")).to_have_count(0)

    # Saved: the copy goes, and the next opening offers nothing.
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    with live_server_lock:
        publication.refresh_from_db()
    assert publication.title_en == "Statement on the summit, revised"
    assert "typed before the crash" in publication.body_en
    copies = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('pressoffice:unsaved:'))"
    )
    assert copies == []


def test_a_restored_copy_over_a_newer_save_meets_the_conflict_check(
    open_as, live_server, live_server_lock
):
    with live_server_lock:
        publication = PublicationFactory(
            languages=("en",), status=Publication.Status.DRAFT, title_en="Statement"
        )
        user = chief()
    page = open_as(user, change_path(publication))
    page.fill("#id_title_en", "My unsaved title")
    page.wait_for_function(
        "() => Object.values(localStorage).some(v => v.includes('My unsaved title'))"
    )
    context = page.context
    page.close()
    with live_server_lock:  # someone else saves meanwhile
        publication.refresh_from_db()
        publication.title_en = "Their saved title"
        services.publication_save(publication=publication)
    page = context.new_page()
    page.goto(f"{live_server.url}{change_path(publication)}")
    page.locator(".form-recovery").get_by_role("button", name="Restore it").click()
    page.wait_for_load_state()
    expect(page.locator("#id_title_en")).to_have_value("My unsaved title")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    # Refused as a conflict, with their text shown beside it; nothing overwritten.
    expect(page.locator(".errornote")).to_be_visible()
    assert "Their saved title" in page.locator(".field-title_en").inner_text()
    with live_server_lock:
        publication.refresh_from_db()
    assert publication.title_en == "Their saved title"
    stored = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('pressoffice:unsaved:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert [json.loads(value)["values"]["title_en"] for value in stored] == [["My unsaved title"]]
