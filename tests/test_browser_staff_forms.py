"""Staff forms in a real browser: who else is editing, live; unsaved input never lost
silently; Ctrl+S saves; a refused form reopens on the tab of its error."""

import re

import pytest

from speeches.models import EditingSession, LanguageVersion, Publication
from tests.factories import PublicationFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EDITING = re.compile(r"(\w+) is editing this publication now \(since \d\d:\d\d\)\.")


@pytest.fixture
def fast_heartbeat(settings):
    """A beat a second; presence that outlives a closed tab by a minute, so a warning
    that goes away within seconds went away because the page said it left."""
    settings.EDITING_HEARTBEAT_SECONDS = 1
    settings.EDITING_PRESENCE_SECONDS = 60
    return settings


def staff(username: str, name: str, *codenames: str):
    """Staff with these permissions of ours. Given one by one rather than through the
    roles' groups: the rows migrations seed are not always back in live-server tests."""
    from django.contrib.auth.models import Permission

    user = UserFactory(username=username, first_name=name, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="speeches", codename__in=codenames)
    )
    return user


def editor(username: str, name: str):
    """An author, as the "Editors" group makes one."""
    return staff(
        username,
        name,
        "add_publication",
        "change_publication",
        "view_publication",
        "submit_publication",
    )


def change_path(publication) -> str:
    return f"/admin/speeches/publication/{publication.pk}/change/"


def warnings_on(page) -> list[str]:
    return page.locator("#editing-presence li").all_inner_texts()


def dialogs_of(page) -> list[str]:
    """Record the page's dialogs by type, and stay on the page (dismiss)."""
    seen = []

    def handle(dialog):
        seen.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", handle)
    return seen


# Case 11: presence that tells the truth


def test_boris_sees_anna_editing_live_until_she_closes_her_tab(
    fast_heartbeat, open_as, live_server_lock
):
    from playwright.sync_api import expect

    publication = PublicationFactory(status=Publication.Status.DRAFT)
    anna, boris = editor("anna", "Anna"), editor("boris", "Boris")
    boris_page = open_as(boris, change_path(publication))
    presence = boris_page.locator("#editing-presence ul")
    expect(presence).to_be_hidden()

    anna_page = open_as(anna, change_path(publication))
    # Anna's page says so from the server at once; Boris's learns it from its heartbeat.
    assert [EDITING.match(t).group(1) for t in warnings_on(anna_page)] == ["Boris"]
    expect(presence).to_be_visible(timeout=5000)
    expect(presence).to_have_text(EDITING)
    assert EDITING.match(warnings_on(boris_page)[0]).group(1) == "Anna"

    # Save and continue: the form she now has open counts, once; the page she left, not.
    anna_page.locator("#id_title_en").click()
    anna_page.keyboard.type(" (revised)")
    anna_page.click("input[name=_continue]")
    anna_page.wait_for_load_state()
    expect(anna_page.locator(".messagelist .success")).to_have_count(1)
    # The old page's leave (a beacon) and a heartbeat or two, however loaded the machine.
    for _wait in range(50):
        with live_server_lock:
            sessions = EditingSession.objects.filter(user=anna).count()
        if sessions == 1:
            break
        boris_page.wait_for_timeout(200)
    assert sessions == 1
    assert [EDITING.match(t).group(1) for t in warnings_on(boris_page)] == ["Anna"]

    # She closes her tab: gone within seconds, not after the minute of presence.
    anna_page.close(run_before_unload=True)
    expect(presence).to_be_hidden(timeout=5000)
    with live_server_lock:
        assert not EditingSession.objects.filter(user=anna).exists()


def test_presence_of_a_page_that_stops_beating_expires(fast_heartbeat, open_as):
    from playwright.sync_api import expect

    fast_heartbeat.EDITING_PRESENCE_SECONDS = 3
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    anna, boris = editor("anna", "Anna"), editor("boris", "Boris")
    boris_page = open_as(boris, change_path(publication))
    anna_page = open_as(anna, change_path(publication))
    presence = boris_page.locator("#editing-presence ul")
    expect(presence).to_be_visible(timeout=5000)

    # Her connection drops (or her laptop sleeps): no heartbeat, no goodbye either.
    anna_page.context.set_offline(True)
    expect(presence).to_be_hidden(timeout=8000)


def test_viewing_and_workflow_pages_never_warn_an_editor(fast_heartbeat, open_as):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    boris, anna = editor("boris", "Boris"), editor("anna", "Anna")
    vera = staff("vera", "Vera", "view_publication")
    boris_page = open_as(boris, change_path(publication))
    read_only = open_as(vera, change_path(publication))
    assert read_only.locator("input[name=_save]").count() == 0  # she may only look
    assert read_only.locator("#editing-presence").count() == 0
    transition = open_as(anna, f"/admin/speeches/publication/{publication.pk}/workflow/submit/")
    assert transition.locator("#editing-presence").count() == 0

    for _beat in range(2):  # two heartbeats after both pages are open
        with boris_page.expect_response("**/presence/") as response:
            pass
        assert response.value.json() == {"editors": []}
    assert warnings_on(boris_page) == []
    assert boris_page.locator("#editing-presence ul").is_hidden()


# Case 12: unsaved input is never lost silently


def test_unsaved_text_asks_before_leaving_for_the_history_and_saving_does_not(
    open_as, live_server_lock
):
    publication = PublicationFactory(status=Publication.Status.DRAFT, body_en="<p>Old.</p>")
    page = open_as(editor("anna", "Anna"), change_path(publication))
    dialogs = dialogs_of(page)

    # The rich-text editor counts like any field (its textarea follows the editor).
    page.locator("div.prose-editor:has(#id_body_en) [contenteditable=true]").click()
    page.keyboard.press("End")
    page.keyboard.type(" New sentence.")
    page.click("a.historylink")
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(change_path(publication))
    assert "New sentence." in page.locator("#id_body_en").input_value()

    page.click("input[name=_save]")
    page.wait_for_url("**/admin/speeches/publication/")
    assert dialogs == ["beforeunload"]  # no second warning: the text was sent
    with live_server_lock:
        publication.refresh_from_db()
    assert "New sentence." in publication.body_en


def test_a_clean_form_leaves_without_asking(open_as):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    page = open_as(editor("anna", "Anna"), change_path(publication))
    dialogs = dialogs_of(page)
    page.locator("#id_title_en").click()  # a gesture, but nothing changed
    page.click("a.historylink")
    page.wait_for_url("**/history/")
    assert dialogs == []


def test_ctrl_s_on_the_change_form_saves_and_continues_editing(open_as, live_server_lock):
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="Draft title")
    page = open_as(editor("anna", "Anna"), change_path(publication))
    dialogs = dialogs_of(page)
    page.locator("#id_title_en").click()
    page.keyboard.press("End")
    page.keyboard.type(" saved with the keyboard")

    with page.expect_navigation():
        page.keyboard.press("Control+s")

    assert page.url.endswith(change_path(publication))  # "Save and continue editing"
    with live_server_lock:
        publication.refresh_from_db()
    assert publication.title_en == "Draft title saved with the keyboard"
    assert dialogs == []


def test_side_by_side_editor_asks_before_close_and_ctrl_s_saves_as_in_progress(
    open_as, live_server_lock
):
    publication = PublicationFactory(
        status=Publication.Status.DRAFT, body_en="<p>Colleagues, friends,</p>"
    )
    translator = staff("hans", "Hans", "view_publication", "translate_publication")
    translator.translator_languages.create(language="de")
    page = open_as(translator, f"/admin/speeches/publication/{publication.pk}/translate/de/")
    dialogs = dialogs_of(page)
    page.locator("input[name=title]").click()
    page.keyboard.type("Rede")

    page.click("a.closelink")
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.locator("input[name=title]").input_value() == "Rede"

    with page.expect_navigation():
        page.keyboard.press("Control+s")
    assert page.locator(".messagelist .success").inner_text() == (
        "The German translation is saved as in progress."
    )
    with live_server_lock:
        publication.refresh_from_db()
        version = LanguageVersion.objects.get(publication=publication, language="de")
    assert publication.title_de == "Rede"
    assert version.status == LanguageVersion.Status.IN_PROGRESS
    assert dialogs == ["beforeunload"]


def test_a_refused_form_reopens_on_the_german_tab_with_the_error(open_as):
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="Statement")
    page = open_as(editor("anna", "Anna"), change_path(publication))
    assert page.locator("#id_title_en").is_visible()

    # German as the original language, without a German title: refused.
    page.select_option("#id_original_language", "de")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert "The original language version needs a title." in page.content()

    german = page.locator("#id_title_de")
    german.wait_for(state="visible")
    chosen = page.locator(".language-switch__button[aria-pressed=true]")
    assert chosen.get_attribute("data-code") == "de"
    assert "has errors" in chosen.inner_text()
    assert not page.locator("#id_title_en").is_visible()
    page.wait_for_function("document.activeElement.id === 'id_title_de'")
