"""The publications' list in a real browser: its columns hold at 1280 and 1440 px in
English, Russian and Arabic, and a publisher publishes twenty items in review at once."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client

from speeches.demo import dataset
from speeches.models import LanguageVersion, Publication, WorkflowEvent
from speeches.publishing import workflow
from tests.factories import UserFactory, publication_in_state
from tests.helpers import Actions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIST = "/admin/speeches/publication/"
STATES = ("draft", "in_review", "scheduled", "published", "withdrawn", "unpublished")

# Every cell and heading of the list, and the buttons above it, inside the page and the
# list's box (which would otherwise scroll sideways, hiding the last columns); the
# buttons clear of the heading.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  const results = document.querySelector('#changelist .results');
  const box = results.getBoundingClientRect();
  if (results.scrollWidth > results.clientWidth + 1) {
    problems.push(`the list scrolls sideways: ${results.scrollWidth} > ${results.clientWidth}`);
  }
  const within = (r, outer) => r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5;
  for (const cell of document.querySelectorAll('#result_list th, #result_list td')) {
    const r = cell.getBoundingClientRect();
    const name = `${cell.className} "${cell.innerText.trim().slice(0, 30)}"`;
    if (!within(r, box) || r.left < 0 || r.right > viewport) {
      problems.push(`${name} at ${Math.round(r.left)}-${Math.round(r.right)} px`);
    }
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${name} overflows its cell`);
  }
  const heading = document.querySelector('#content > h1').getBoundingClientRect();
  for (const tool of document.querySelectorAll('.object-tools li')) {
    const t = tool.getBoundingClientRect();
    if (t.left < heading.right && t.right > heading.left
        && t.top < heading.bottom && t.bottom > heading.top) {
      problems.push(`"${tool.innerText}" covers the heading`);
    }
    if (t.left < 0 || t.right > viewport) problems.push(`"${tool.innerText}" is off the page`);
  }
  return problems;
}"""


@pytest.fixture
def signed_in(browser, live_server, live_server_lock):
    """``signed_in(user, language, width)``: a page of that user's own browser, signed in,
    with the admin in ``language``, ``width`` px wide."""
    contexts = []

    def open_browser(user, language="en", width=1280):
        client = Client()
        with live_server_lock:
            client.force_login(user)
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                },
                {
                    "name": django_settings.LANGUAGE_COOKIE_NAME,
                    "value": language,
                    "url": live_server.url,
                },
            ]
        )
        contexts.append(context)
        return context.new_page()

    yield open_browser
    for context in contexts:
        context.close()


def staff():
    author = UserFactory(username="author", first_name="Anna", is_staff=True, groups=["Editors"])
    publisher = UserFactory(
        username="publisher", first_name="Boris", is_staff=True, groups=["Publishers"]
    )
    return author, publisher


def the_demo_archive(author, publisher) -> list[Publication]:
    """The demo's thirty-four items (real titles in up to six languages, real reference
    numbers) in every state, some translations in progress or outdated."""
    items = []
    for number, data in enumerate(dataset.publications()):
        original = data["original_language"]
        languages = [original, *(code for code in data["versions"] if code != original)]
        titles = {f"title_{code}": data["versions"][code]["title"] for code in languages}
        item = publication_in_state(
            STATES[number % len(STATES)],
            author=author,
            publisher=publisher,
            languages=tuple(languages),
            reference=data["reference"],
            **titles,
        )
        translations = [code for code in languages if code != original]
        if translations and number % 3:
            status = LanguageVersion.Status.IN_PROGRESS if number % 3 == 1 else "outdated"
            LanguageVersion.objects.filter(publication=item, language=translations[0]).update(
                status=status
            )
        items.append(item)
    return items


def test_the_list_holds_at_1280_and_1440_px_in_english_russian_and_arabic(signed_in, live_server):
    author, publisher = staff()
    items = the_demo_archive(author, publisher)
    assert len(items) >= 25
    for language in ("en", "ru", "ar"):
        for width in (1280, 1440):
            page = signed_in(publisher, language, width)
            page.goto(f"{live_server.url}{LIST}")
            assert page.locator("#result_list tbody tr").count() == len(items)
            html = page.locator("html")
            assert html.get_attribute("lang") == language
            assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
            problems = page.evaluate(LAYOUT_PROBLEMS)
            assert problems == [], f"{language} at {width} px: {problems}"


def test_a_publisher_publishes_twenty_items_in_review_in_a_few_actions(
    signed_in, live_server, live_server_lock
):
    from playwright.sync_api import expect

    author, publisher = staff()
    others = [
        publication_in_state("in_review", author=author, publisher=publisher)
        for _number in range(19)
    ]
    own = publication_in_state("draft", author=author, publisher=publisher, title_en="My own note")
    workflow.publication_submit(publication=own, user=publisher)
    untouched = [
        publication_in_state(state, author=author, publisher=publisher)
        for state in ("draft", "published", "scheduled")
    ]

    actions = Actions()
    page = actions.watch(signed_in(publisher))
    page.goto(f"{live_server.url}{LIST}")
    page.locator('details[data-filter-title="status"]').get_by_role(
        "link", name="in review", exact=True
    ).click()
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter").unwrap()).to_contain_text("20 of 20 selected")
    page.locator('select[name="action"]').select_option("bulk_publish")
    page.get_by_role("button", name="Go").click()

    messages = page.locator(".messagelist")
    expect(messages.unwrap()).to_contain_text("19 publications published.")
    refused = messages.locator("li.error")
    expect(refused.unwrap()).to_contain_text("1 publication was refused")
    expect(refused.unwrap()).to_contain_text("My own note")
    expect(refused.unwrap()).to_contain_text("another person must review and publish it")
    print(f"\nBulk publishing of 20 items: {actions.count} actions: {actions.log}")
    assert actions.count <= 5, actions.log

    with live_server_lock:
        for item in others:
            item.refresh_from_db()
            event = item.events.first()
            assert (item.state, event.action, event.user) == (
                "published",
                WorkflowEvent.Action.PUBLISH,
                publisher,
            )
        own.refresh_from_db()
        assert (own.state, own.events.first().action) == ("in_review", "submit")
        for item in untouched:
            assert Publication.objects.get(pk=item.pk).state == item.state
