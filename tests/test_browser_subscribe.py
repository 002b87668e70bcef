"""A journalist on a phone, in Arabic, gets a filtered archive by email: from the archive's
"Get these by email" to the form filled in, the confirmation email the worker sends, the
confirmed subscription, its manage page, and unsubscribing. In Debian's Chromium (as in
tests/test_browser.py), at 390 px; screenshots of each step in the test's tmp_path.
"""

import re

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from speeches.mailing import subscribing
from speeches.models import Subscriber
from tests.factories import PersonFactory, PublicationFactory, TopicFactory
from tests.helpers import axe_source, axe_violations

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def ar(message: str) -> str:
    """What the Arabic pages say for ``message`` (English until it is translated)."""
    with translation.override("ar"):
        return gettext(message)


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def no_axe_violations(page) -> list:
    page.evaluate(axe_source())
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe_violations(page)]


def test_a_reader_on_a_phone_gets_a_filtered_archive_by_email_in_arabic(
    live_server, live_server_lock, browser, mailoutbox, tmp_path
):
    topic = TopicFactory(slug="security", name_en="Security", name_ar="الأمن")
    person = PersonFactory(name_en="Anna Example", name_ar="آنا إكزامبل")
    PublicationFactory(
        languages=("ar", "en"),
        title_ar="كلمة حول الأمن الأوروبي",
        speakers=[person],
        topics=[topic],
    )
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    shots = iter(range(1, 100))

    def shot(name: str) -> None:
        page.screenshot(path=str(tmp_path / f"{next(shots):02d}-{name}.png"), full_page=True)

    # The archive, filtered by a topic and a speaker: its list by email.
    page.goto(f"{live_server.url}/ar/publications/?topic=security&speaker={person.pk}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    shot("archive")
    page.get_by_role("link", name=ar("Get these by email")).click()
    page.wait_for_url(re.compile(r"/ar/subscribe/\?"))

    # The form, filled in with the list's filters; the emails in the page's language.
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == ar("Get publications by email")
    assert page.get_by_label(ar("Topic")).input_value() == "security"
    assert page.get_by_label(ar("Person")).input_value() == str(person.pk)
    assert page.locator("#id_topic option:checked").inner_text() == "الأمن"
    assert page.get_by_label(ar("Language of the emails")).input_value() == "ar"
    assert page.get_by_label(ar("As soon as each is published")).is_checked()
    assert fits_the_phone(page)
    shot("form")

    # An address mistyped: the error is said at the top, which has the focus, and by
    # the field, which it names; the choices are kept.
    page.get_by_label(ar("Email address")).fill("journalist.example.org")
    page.get_by_label(ar("Once a day, in a digest")).check()
    page.get_by_role("button", name=ar("Subscribe")).click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert")
    assert ar("There is a problem") in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    email = page.get_by_label(ar("Email address"))
    assert email.get_attribute("aria-invalid") == "true"
    error = page.locator("#id_email_error")
    assert error.inner_text() == ar("Enter an email address like name@example.org.")
    assert "id_email_error" in email.get_attribute("aria-describedby")
    assert page.get_by_label(ar("Topic")).input_value() == "security"
    assert page.get_by_label(ar("Once a day, in a digest")).is_checked()
    assert fits_the_phone(page)
    shot("form-error")
    assert no_axe_violations(page) == []
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_email"

    email.fill("journalist@example.org")
    page.get_by_role("button", name=ar("Subscribe")).click()
    page.wait_for_url("**/ar/subscribe/sent/")
    assert page.locator("h1").inner_text() == ar("Check your inbox")
    shot("check-your-inbox")

    # The worker sends the confirmation email, in Arabic.
    with live_server_lock:
        call_command("worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["journalist@example.org"]
    assert "الأمن" in message.body and 'dir="rtl"' in message.alternatives[0][0]
    link = re.search(r"https?://[^/\s]+(/ar/subscribe/confirm/[^/\s]+/)", message.body)[1]

    # The link opens a page with a button: nothing is confirmed until it is pressed.
    page.goto(f"{live_server.url}{link}")
    assert page.locator("h1").inner_text() == ar("Confirm your subscription")
    assert "الأمن" in page.locator(".subscription-list").inner_text()
    with live_server_lock:
        assert Subscriber.objects.get().confirmed_at is None
    shot("confirm")
    page.get_by_role("button", name=ar("Confirm")).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == ar("You are subscribed")
    assert "journalist@example.org" in page.locator("main").inner_text()
    with live_server_lock:
        subscriber = Subscriber.objects.get()
        assert subscriber.confirmed_at is not None
        subscription = subscriber.subscriptions.select_related("topic", "person").get()
        assert subscription.confirmed_at is not None
        assert subscription.frequency == "daily"
        with translation.override("ar"):
            label = subscribing.label(subscription)
    assert fits_the_phone(page)
    shot("subscribed")
    assert no_axe_violations(page) == []

    # The subscriptions, in words; then everything deleted.
    page.get_by_role("link", name=ar("Manage your subscriptions")).click()
    page.wait_for_url("**/ar/subscriptions/**")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == ar("Your email subscriptions")
    assert page.locator(".subscription-list__label").inner_text() == label
    assert "الأمن" in label and "آنا إكزامبل" in label
    delete = page.get_by_role("button", name=f"{ar('Delete')} {label}", exact=True)
    assert delete.is_visible()
    # The page lays out from the right: the label starts at the right edge, its button after it.
    label_box = page.locator(".subscription-list__label").bounding_box()
    assert delete.bounding_box()["x"] < label_box["x"]
    assert fits_the_phone(page)
    shot("manage")
    assert no_axe_violations(page) == []

    page.get_by_role("button", name=ar("Delete everything and unsubscribe")).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == ar("You are unsubscribed")
    assert (
        ar("Your address was deleted, with all its subscriptions: nothing more will be sent to it.")
        in page.locator("main").inner_text()
    )
    shot("unsubscribed")
    with live_server_lock:
        assert not Subscriber.objects.exists()
    context.close()
