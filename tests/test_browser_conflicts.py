"""Two editors in two browsers press Save on the same publication at the same moment.

Twenty rounds, on whichever database the suite runs (CI runs SQLite and PostgreSQL): no
edit is lost, no request fails with a 5xx, and every time the loser sees the conflict,
with the winner's text beside their own, and saves successfully from the same page.
"""

import pytest

from speeches.models import Publication, PublicationType
from tests.factories import PublicationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROUNDS = 20
PASSWORD = "correct horse battery staple"


def log_in(browser, base: str, username: str):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_twenty_rounds_of_simultaneous_saves_lose_nothing(live_server, browser):
    PublicationType.objects.get_or_create(
        code="speech", defaults={"name_en": "Speech", "plural_name_en": "Speeches"}
    )
    for name in ("anna", "boris"):
        UserFactory(username=name, is_staff=True, groups=["Editors"])
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="Start")
    url = f"{live_server.url}/admin/speeches/publication/{publication.pk}/change/"
    pages = {name: log_in(browser, live_server.url, name) for name in ("anna", "boris")}
    failures = []
    for page in pages.values():
        page.on(
            "response",
            lambda response: failures.append(response.url) if response.status >= 500 else None,
        )
    conflicts = 0
    for round_ in range(ROUNDS):
        for name, page in pages.items():
            if page.url != url:  # the last round's winner, on the list (its loser has the form)
                page.goto(url)
            page.fill("#id_title_en", f"{name} {round_}")
        anna, boris = pages["anna"], pages["boris"]
        with anna.expect_navigation(), boris.expect_navigation():
            anna.click("input[name=_save]", no_wait_after=True)
            boris.click("input[name=_save]", no_wait_after=True)

        on_form = [name for name, page in pages.items() if "/change/" in page.url]
        assert len(on_form) == 1, f"round {round_}: {[p.url for p in pages.values()]}"
        loser = on_form[0]
        winner = "boris" if loser == "anna" else "anna"
        page = pages[loser]
        assert "saved this publication at" in page.locator(".errorlist.nonfield").inner_text()
        assert page.input_value("#id_title_en") == f"{loser} {round_}"  # nothing lost
        beside = page.locator(".field-title_en .errorlist").inner_text()
        assert beside == f"Saved by {winner} meanwhile: {winner} {round_}"
        assert Publication.objects.get(pk=publication.pk).title_en == f"{winner} {round_}"
        conflicts += 1

        # Saved and kept open: the loser has the form as it now is for the next round,
        # where the winner opens it again.
        page.fill("#id_title_en", f"{loser} {round_} after {winner}")
        with page.expect_navigation():
            page.click("input[name=_continue]")
        assert page.url == url
        assert page.locator(".messagelist .success").count() == 1
        assert page.locator(".errorlist").count() == 0
        saved = Publication.objects.get(pk=publication.pk).title_en
        assert saved == f"{loser} {round_} after {winner}"

    assert failures == []
    assert conflicts == ROUNDS
    for page in pages.values():
        page.context.close()
