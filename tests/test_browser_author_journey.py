"""An author's statement from nothing to review, in a real browser (Debian's Chromium), every
action counted: a statement in three languages with a speaker, a topic and a country,
four photos with captions in two languages and a PDF, a preview link, and submitted with
a note. The press office's budget: 45 actions in all, 16 for the materials (issue 15)."""

import pytest
from playwright.sync_api import expect

from speeches.models import LanguageVersion, Material, Publication, PublicationType
from tests import media_files
from tests.factories import CountryFactory, PersonFactory, TopicFactory, UserFactory
from tests.helpers import Actions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BUDGET, MATERIALS_BUDGET = 45, 16

TEXT = {
    "en": ("Statement on the talks in Minsk", "The ministers met in Minsk today."),
    "ru": ("Заявление о переговорах в Минске", "Министры встретились сегодня в Минске."),
    "de": ("Erklärung zu den Gesprächen in Minsk", "Die Minister trafen sich heute in Minsk."),
}
CAPTIONS = {
    "en": "The ministers in Minsk, photo {n}",
    "ru": "Министры в Минске, фото {n}",
}


def choose(page, field: str, words: str, option: str) -> None:
    """Pick a term in the admin's autocomplete: open it, type, choose (three actions)."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(words)
    page.locator(".select2-results__option", has_text=option).click()


def test_an_author_writes_a_statement_in_three_languages_with_photos_and_submits_it(
    open_as, live_server, live_server_lock
):
    with live_server_lock:
        PublicationType.objects.get_or_create(
            code="statement", defaults={"name_en": "Statement", "plural_name_en": "Statements"}
        )
        PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")
        TopicFactory(name_en="European security")
        CountryFactory(name_en="Belarus")
        author = UserFactory(username="anna", first_name="Anna", is_staff=True, groups=["Editors"])
    actions = Actions()
    # Tall enough that dragging and the grid need no scrolling (scrolling is no action).
    raw = open_as(author, "/admin/", width=1280, height=2400)
    page = actions.watch(raw)

    page.goto(f"{live_server.url}/admin/speeches/publication/add/")
    page.select_option("#id_type", label="Statement")
    editor = "div.prose-editor:has(#id_body_{}) [contenteditable=true]"
    title, body = TEXT["en"]
    page.fill("#id_title_en", title)
    page.locator(editor.format("en")).fill(body)

    choose(page, "speakers", "Lavrov", "Sergey Lavrov")
    choose(page, "topics", "security", "European security")
    choose(page, "countries", "Bela", "Belarus")

    # The materials: five files in one pick, captions in English and Russian, alt texts.
    start = actions.count
    page.locator("#id_attachment_files").set_input_files(media_files.statement_files())
    rows = raw.locator("[data-attachment-grid] [data-attachment-row]")
    expect(rows).to_have_count(5)
    for n in range(4):
        page.fill(f"#id_attachments-{n}-title_en", CAPTIONS["en"].format(n=n + 1))
        page.fill(f"#id_attachments-{n}-alt_text_en", f"Two ministers shaking hands ({n + 1})")
    page.fill("#id_attachments-4-title_en", "Joint statement (PDF)")
    page.click(".language-switch__button[data-code=ru]")
    for n in range(4):
        page.fill(f"#id_attachments-{n}-title_ru", CAPTIONS["ru"].format(n=n + 1))
    materials = actions.since(start)

    # The whole form is in Russian now: its text, then German.
    title, body = TEXT["ru"]
    page.fill("#id_title_ru", title)
    page.locator(editor.format("ru")).fill(body)
    page.click(".language-switch__button[data-code=de]")
    title, body = TEXT["de"]
    page.fill("#id_title_de", title)
    page.locator(editor.format("de")).fill(body)
    page.select_option("#id_version_ru", "ready")
    page.select_option("#id_version_de", "ready")

    page.click("input[name=_continue]")
    expect(raw.locator(".messagelist .success")).to_have_count(1)

    # A preview link for a reviewer without an account.
    page.get_by_role("button", name="Create a preview link").click()
    expect(raw.locator(".preview-panel input[readonly]")).to_have_count(1)

    # Submitted for review, with a note to the publisher.
    page.locator(".workflow-actions a", has_text="Submit").click()
    page.locator("textarea[name=reason]").fill("Photos from the pool; the PDF is final.")
    page.locator(
        "#content-main input[type=submit], #content-main button[type=submit]"
    ).first.click()
    expect(raw.locator(".messagelist .success")).to_have_count(1)

    assert len(materials) <= MATERIALS_BUDGET, "\n".join(materials)
    assert actions.count <= BUDGET, "\n".join(actions.log)

    with live_server_lock:
        publication = Publication.objects.get(title_en=TEXT["en"][0])
        attached = [a.material for a in publication.attachments.select_related("material")]
        versions = {
            v.language: v.status for v in LanguageVersion.objects.filter(publication=publication)
        }
        event = publication.events.get(action="submit")
    assert publication.status == Publication.Status.IN_REVIEW
    assert (publication.title_ru, publication.title_de) == (TEXT["ru"][0], TEXT["de"][0])
    assert versions == {"en": "ready", "ru": "ready", "de": "ready"}
    assert [str(p) for p in publication.speakers.all()] == ["Sergey Lavrov"]
    assert [m.kind for m in attached] == [Material.Kind.PHOTO] * 4 + [Material.Kind.DOCUMENT]
    assert [m.title_ru for m in attached[:4]] == [CAPTIONS["ru"].format(n=n) for n in range(1, 5)]
    assert all(m.alt_text_en for m in attached[:4])
    assert event.reason == "Photos from the pool; the PDF is final."
    assert publication.preview_links.count() == 1
