"""A translator's day in a real browser, from the staff home to the side-by-side editor
and back, counted in actions (the home's layout: tests/test_browser_admin_layout.py)."""

import pytest

from speeches.models import LanguageVersion, Publication
from speeches.publishing import services
from tests.factories import PublicationFactory, translator_of
from tests.helpers import Actions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOME = "/admin/"
DASHBOARD = "/admin/speeches/publication/translations/"


def test_a_translators_day_from_the_home_to_side_by_side_and_ready(
    open_as, live_server, live_server_lock
):
    from playwright.sync_api import expect

    remarks = PublicationFactory(
        languages=("en", "de"),
        title_en="Remarks",
        body_en="<p>Colleagues, friends,</p><p>Welcome to Moscow.</p>",
        title_de="Ansprache",
        body_de="<p>Kollegen, Freunde,</p><p>Willkommen in Moskau.</p>",
    )
    remarks.body_en = "<p>Colleagues, friends,</p><p>Welcome to Moscow and to the ministry.</p>"
    services.publication_save(publication=remarks)
    statement = PublicationFactory(
        title_en="Statement", body_en="<p>The ministry welcomes the agreement.</p>"
    )
    # Done in German, missing in French: nothing for her.
    PublicationFactory(languages=("en", "de"), title_en="Done in German")
    hilde = translator_of("de", username="hilde")
    actions = Actions()
    page = actions.watch(open_as(hilde, None, width=1280))

    # The staff home: two German translations wait, the outdated one first (newest).
    page.goto(f"{live_server.url}{HOME}")
    waiting = page.locator("#home-translations")
    expect(waiting.locator("h2 .staff-home__count").unwrap()).to_have_text("2")
    expect(waiting.locator(".status-badge__lang").unwrap()).to_have_text(["de", "de"])
    waiting.get_by_role("link", name="Remarks").click()

    # Side by side: what changed in the original, and the paragraph to bring up to date.
    expect(page.locator("#changes-heading").unwrap()).to_be_visible()
    # The paragraphs' editors replace their textareas once the page's script has run.
    expect(page.locator(".placeholder-editor").first.unwrap()).to_be_visible()
    page.get_by_role("textbox", name="Paragraph 2").fill("Willkommen in Moskau und im Ministerium.")
    with page.expect_navigation():
        page.locator("input[name=_ready]").click()
    expect(page.locator(".messagelist .success").unwrap()).to_contain_text("ready")
    with live_server_lock:
        remarks.refresh_from_db()
        assert remarks.body_de == (
            "<p>Kollegen, Freunde,</p><p>Willkommen in Moskau und im Ministerium.</p>"
        )
        version = LanguageVersion.objects.get(publication=remarks, language="de")
        assert (version.status, version.updated_by) == (LanguageVersion.Status.READY, hilde)

    # Home again: it left the list; the dashboard leads to the missing one.
    page.get_by_role("link", name="Home", exact=True).click()
    expect(waiting.locator("h2 .staff-home__count").unwrap()).to_have_text("1")
    expect(waiting.get_by_role("link", name="Remarks").unwrap()).to_have_count(0)
    waiting.get_by_role("link", name="All of them on the translation dashboard").click()
    row = page.locator("#translation-worklist tbody tr", has_text="Statement")
    expect(row.locator(".status-badge--published").unwrap()).to_have_count(1)  # its state
    row.get_by_role("link", name="German: missing").click()

    page.locator("input[name=title]").fill("Erklärung")
    expect(page.locator(".placeholder-editor").first.unwrap()).to_be_visible()
    page.get_by_role("textbox", name="Paragraph 1").fill(
        "Das Ministerium begrüßt die Vereinbarung."
    )
    with page.expect_navigation():
        page.locator("input[name=_ready]").click()
    with live_server_lock:
        statement.refresh_from_db()
        assert (statement.title_de, statement.body_de) == (
            "Erklärung",
            "<p>Das Ministerium begrüßt die Vereinbarung.</p>",
        )
        assert LanguageVersion.objects.get(publication=statement, language="de").status == (
            LanguageVersion.Status.READY
        )

    # Nothing waits in German any more, and readers have both translations.
    page.get_by_role("link", name="Home", exact=True).click()
    expect(waiting.locator("h2 .staff-home__count").unwrap()).to_have_text("0")
    expect(waiting.locator(".staff-home__empty").unwrap()).to_have_text(
        "No translation is waiting in your languages."
    )
    with live_server_lock:
        assert (
            Publication.objects.available_in("de").filter(pk__in=[remarks.pk, statement.pk]).count()
            == 2
        )
    # The address typed; the outdated one, one field, ready; home; the dashboard, the
    # missing one, two fields, ready; home.
    assert actions.count <= 11, "\n".join(actions.log)
