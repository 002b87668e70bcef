"""Readers' email subscription pages (speeches.mailing.views), through Django's test client.

Sign up (filled in from the archive, a term's page, the manage page), check one's inbox,
confirm from the email's link, manage, unsubscribe (the page's button and a mail
program's one-click POST, RFC 8058). The confirmation email is the worker's: its task runs
here as the worker runs it, and Django's test mailbox receives it.
"""

import re
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult
from lxml import html

from speeches.mailing import subscribing, tasks
from speeches.models import Publication, PublicationType, Subscriber, Subscription
from speeches.public import presentation
from tests.factories import CountryFactory, PersonFactory, PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """An item public in English and Arabic with a speaker, topic and country; a speaker
    public in English only; and one who speaks only in a draft."""
    topic = TopicFactory(slug="security", name_en="Security", name_ar="الأمن")
    person = PersonFactory(name_en="Anna Example", name_ar="آنا إكزامبل")
    country = CountryFactory(code="BY")
    PublicationFactory(
        languages=("en", "ar"), speakers=[person], topics=[topic], countries=[country]
    )
    english_only = PersonFactory(name_en="Only In English")
    PublicationFactory(languages=("en",), speakers=[english_only])
    drafted = PersonFactory(name_en="Drafted Speaker")
    PublicationFactory(status=Publication.Status.DRAFT, speakers=[drafted])
    return SimpleNamespace(
        topic=topic,
        person=person,
        country=country,
        english_only=english_only,
        drafted=drafted,
        speech=PublicationType.objects.get(code="speech"),
    )


def sign_up(client, *, page="en", ip="198.51.100.7", headers=None, **fields):
    """The form sent from the page in ``page``'s language, the emails in English unless
    ``language`` says otherwise."""
    data = {"email": "reader@example.org", "language": "en", "frequency": "instant"}
    data.update(fields)
    return client.post(f"/{page}/subscribe/", data, REMOTE_ADDR=ip, **(headers or {}))


def page_text(response) -> str:
    return " ".join(html.fromstring(response.content).xpath("//main")[0].text_content().split())


def confirmation_path(body: str) -> str:
    """The path of the confirmation link in an email's text."""
    found = re.search(r"https?://[^/\s]+(/[a-z]{2}/subscribe/confirm/[^/\s]+/)", body)
    assert found, body
    return found[1]


def confirmed_subscriber(email="reader@example.org", **choice) -> Subscriber:
    subscriber, _sent = subscribing.subscribe(
        email=email, language="en", choice=subscribing.Choice(**choice)
    )
    subscribing.confirm(subscribing.confirmation_token(subscriber))
    subscriber.refresh_from_db()
    return subscriber


def manage_path(subscriber) -> str:
    return reverse("mailing:manage", kwargs={"token": subscribing.link_token(subscriber)})


def unsubscribe_path(subscriber) -> str:
    return reverse("mailing:unsubscribe", kwargs={"token": subscribing.link_token(subscriber)})


# Signing up, confirming


def test_a_reader_subscribes_gets_the_email_in_their_language_and_confirms(
    client, site, mailoutbox, django_capture_on_commit_callbacks
):
    assert client.get("/en/subscribe/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(
            client,
            email="  Reader@Example.ORG ",
            language="ar",
            topic="security",
            frequency="daily",
        )
    assert response.status_code == 302
    assert response["Location"] == "/en/subscribe/sent/"
    assert "Check your inbox" in page_text(client.get(response["Location"]))

    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.confirmed_at) == (
        "reader@example.org",
        "ar",
        None,
    )
    subscription = subscriber.subscriptions.get()
    assert (subscription.topic, subscription.frequency, subscription.confirmed_at) == (
        site.topic,
        "daily",
        None,
    )
    # The commit asked the worker for the confirmation email; the worker runs its task.
    asked = DBTaskResult.objects.get(task_path="speeches.mailing.tasks.send_confirmation")
    assert asked.args_kwargs["args"] == [subscriber.pk]
    assert mailoutbox == []
    assert tasks.send_confirmation.call(subscriber.pk) is True

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["reader@example.org"]
    # In Arabic: its links lead to the Arabic pages, its HTML is right-to-left, and the
    # subscription is named in Arabic.
    confirm_path = confirmation_path(email.body)
    assert confirm_path.startswith("/ar/subscribe/confirm/")
    html_part = email.alternatives[0][0]
    assert 'lang="ar"' in html_part and 'dir="rtl"' in html_part
    assert "الأمن" in email.body
    with translation.override("ar"):
        subject = gettext("Confirm your subscription to %(site)s")
        assert email.subject == subject % {"site": presentation.site_name()}

    # Opening the link (as a mail scanner does) confirms nothing: its page has a button.
    shown = client.get(confirm_path)
    assert shown.status_code == 200
    assert shown.content.decode().count('method="post"') == 1
    assert Subscription.objects.get().confirmed_at is None

    done = client.post(confirm_path)
    assert done.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert Subscription.objects.get().confirmed_at is not None
    with translation.override("ar"):
        assert gettext("You are subscribed") in page_text(done)
        manage = html.fromstring(done.content).xpath(
            f"//a[normalize-space()='{gettext('Manage your subscriptions')}']/@href"
        )
    assert manage == [manage_path(subscriber).replace("/en/", "/ar/")]
    assert client.get(manage[0]).status_code == 200


def test_a_confirmed_address_is_not_asked_again_for_the_same_subscription(
    client, site, mailoutbox, django_capture_on_commit_callbacks
):
    confirmed_subscriber(topic_id=site.topic.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = sign_up(client, topic="security")
    assert response.status_code == 302
    assert callbacks == []  # nothing to confirm: no email


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(client, site):
    confirmed_subscriber("known@example.org", topic_id=site.topic.pk)
    answers = []
    for email in ("known@example.org", "unknown@example.org"):
        response = sign_up(client, email=email, topic="security")
        followed = client.get(response["Location"])
        answers.append((response.status_code, response["Location"], followed.content))
    assert answers[0] == answers[1]


def test_a_form_with_errors_keeps_the_input_and_links_each_error_to_its_field(client, site):
    response = sign_up(client, email="not an address", topic="security", q="  arms   control ")
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    field = tree.get_element_by_id("id_email")
    assert field.get("value") == "not an address"
    assert field.get("aria-invalid") == "true"
    assert "id_email_error" in field.get("aria-describedby").split()
    assert tree.get_element_by_id("id_email_error").text_content().strip()
    assert tree.xpath("//select[@name='topic']/option[@selected]/@value") == ["security"]
    assert tree.get_element_by_id("id_q").get("value").strip() == "arms   control"
    summary = tree.xpath("//*[@role='alert']")[0]
    assert summary.xpath(".//a/@href") == ["#id_email"]
    assert Subscriber.objects.count() == 0
    assert tree.xpath("//title")[0].text_content().startswith("Error:")


@pytest.mark.parametrize(
    "field,value",
    [
        ("speaker", lambda s: s.drafted.pk),  # a person of a draft alone
        ("speaker", lambda s: 999999),
        ("topic", lambda s: "no-such-topic"),
        ("country", lambda s: "XX"),
        ("type", lambda s: "no-such-type"),
        ("speaker", lambda s: "1 OR 1=1"),
    ],
)
def test_a_term_that_is_not_public_is_refused_as_a_form_error(client, site, field, value):
    response = sign_up(client, **{field: value(site)})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert f"id_{field}_error" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_a_term_not_public_in_the_emails_language_is_refused(client, site):
    response = sign_up(client, language="en", speaker=site.english_only.pk)
    assert response.status_code == 302  # in English, it is public
    response = client.post(
        "/en/subscribe/",
        {
            "email": "second@example.org",
            "language": "ar",
            "frequency": "instant",
            "speaker": site.english_only.pk,
        },
    )
    assert response.status_code == 200
    assert "Arabic" in " ".join(response.context["form"].errors["speaker"])
    assert not Subscriber.objects.filter(email="second@example.org").exists()


def test_offered_terms_are_those_public_in_the_pages_language(client, site):
    english = html.fromstring(client.get("/en/subscribe/").content)
    arabic = html.fromstring(client.get("/ar/subscribe/").content)
    english_people = english.xpath("//select[@name='speaker']/option/@value")
    arabic_people = arabic.xpath("//select[@name='speaker']/option/@value")
    assert str(site.english_only.pk) in english_people
    assert str(site.english_only.pk) not in arabic_people
    assert str(site.person.pk) in arabic_people
    assert str(site.drafted.pk) not in english_people
    assert arabic.xpath("//select[@name='topic']/option[@value='security']")[0].text == "الأمن"
    # The emails' language is the page's unless chosen; each named in itself.
    assert arabic.xpath("//select[@name='language']/option[@selected]/@value") == ["ar"]
    assert arabic.xpath("//select[@name='language']/option[@value='ru']/@lang") == ["ru"]


# Filled in from where readers are


def email_link(response) -> str:
    links = html.fromstring(response.content).xpath("//a[contains(@class, 'follow__email')]/@href")
    assert len(links) == 1, links
    return links[0]


def test_the_archive_leads_to_the_form_filled_in_with_its_filters_and_search(client, site):
    archive = client.get(
        "/en/publications/",
        {
            "speaker": site.person.pk,
            "topic": "security",
            "q": "meeting",
            "year": timezone.now().year,
            "sort": "date",
        },
    )
    link = email_link(archive)
    assert urlsplit(link).path == "/en/subscribe/"
    # Dates and order are of the list, not of what comes next.
    assert parse_qs(urlsplit(link).query) == {
        "speaker": [str(site.person.pk)],
        "topic": ["security"],
        "q": ["meeting"],
    }
    form = html.fromstring(client.get(link).content)
    assert form.xpath("//select[@name='speaker']/option[@selected]/@value") == [str(site.person.pk)]
    assert form.xpath("//select[@name='topic']/option[@selected]/@value") == ["security"]
    assert form.get_element_by_id("id_q").get("value") == "meeting"
    assert form.xpath("//select[@name='country']/option[@selected]/@value") == [""]


def test_the_whole_archive_offers_everything_by_email(client, site):
    link = email_link(client.get("/en/publications/"))
    assert link == "/en/subscribe/"


@pytest.mark.parametrize(
    "page,field,value",
    [
        (lambda s: f"/en/persons/{s.person.pk}/", "speaker", lambda s: str(s.person.pk)),
        (lambda s: "/en/topics/security/", "topic", lambda s: "security"),
        (lambda s: "/en/countries/BY/", "country", lambda s: "BY"),
        (lambda s: "/en/publications/?type=speech", "type", lambda s: "speech"),
    ],
)
def test_term_pages_lead_to_the_form_filled_in_with_their_term(client, site, page, field, value):
    response = client.get(page(site))
    feeds = html.fromstring(response.content).xpath("//p[@class='follow']//a/text()")
    assert "RSS" in feeds and "Get these by email" in feeds  # beside the feeds
    link = email_link(response)
    assert parse_qs(urlsplit(link).query) == {field: [value(site)]}
    form = html.fromstring(client.get(link).content)
    assert form.xpath(f"//select[@name='{field}']/option[@selected]/@value") == [value(site)]


def test_a_link_asking_for_what_cannot_be_offered_says_so(client, site):
    response = client.get(
        "/en/subscribe/", {"speaker": site.drafted.pk, "type": ["speech", "statement"]}
    )
    assert response.status_code == 200
    form = html.fromstring(response.content)
    assert form.xpath("//select[@name='speaker']/option[@selected]/@value") == [""]
    notice = " ".join(form.xpath("//*[contains(@class, 'notice--info')]")[0].text_content().split())
    assert "Person" in notice and "Type" in notice
    assert "Drafted" not in response.content.decode()


# Throttling


def test_a_fourth_sign_up_for_one_address_within_the_hour_is_refused_with_429(client, site):
    for number in range(3):
        assert sign_up(client, ip=f"192.0.2.{number}").status_code == 302
    # Another spelling of the same address, from yet another network.
    response = sign_up(client, email="READER@example.org ", topic="security", ip="192.0.2.99")
    assert response.status_code == 429
    tree = html.fromstring(response.content)
    assert tree.get_element_by_id("id_email").get("value") == "READER@example.org "
    assert tree.xpath("//select[@name='topic']/option[@selected]/@value") == ["security"]
    assert "Too many sign-ups" in tree.xpath("//*[@role='alert']")[0].text_content()
    assert Subscription.objects.count() == 1  # the three asked the same; the fourth not at all
    assert sign_up(client, email="other@example.org", ip="192.0.2.99").status_code == 302


def test_a_network_is_refused_with_429_after_its_hourly_sign_ups(client, site, settings):
    assert settings.SUBSCRIBE_RATE_PER_IP == "20/h"
    for number in range(20):
        # A forged X-Forwarded-For changes nothing: no proxy is trusted to write it.
        response = sign_up(
            client,
            email=f"reader{number}@example.org",
            headers={"HTTP_X_FORWARDED_FOR": f"10.0.0.{number}"},
        )
        assert response.status_code == 302, number
    response = client.post(
        "/ar/subscribe/",
        {"email": "late@example.org", "language": "ar", "frequency": "daily"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 429
    tree = html.fromstring(response.content)
    assert tree.xpath("/html/@dir") == ["rtl"] and tree.xpath("/html/@lang") == ["ar"]
    assert tree.get_element_by_id("id_email").get("value") == "late@example.org"
    assert tree.xpath("//input[@name='frequency'][@checked]/@value") == ["daily"]
    assert not Subscriber.objects.filter(email="late@example.org").exists()
    # Another network is not held back.
    assert sign_up(client, email="late@example.org", ip="198.51.100.8").status_code == 302


def test_the_throttled_view_is_a_readable_page_in_the_readers_language(rf):
    from django_ratelimit.exceptions import Ratelimited

    from speeches.mailing import views

    request = rf.get("/ar/subscribe/")
    with translation.override("ar"):
        response = views.throttled(request, Ratelimited())
    assert response.status_code == 429
    assert b'dir="rtl"' in response.content
    assert response["Cache-Control"] == "private, no-store"


# Managing, unsubscribing


def test_manage_lists_the_subscriptions_in_words_and_deletes_one(client, site):
    subscriber = confirmed_subscriber(topic_id=site.topic.pk)
    subscribing.subscribe(
        email=subscriber.email,
        language="en",
        choice=subscribing.Choice(frequency="daily", person_id=site.person.pk, query="arms"),
    )
    other = confirmed_subscriber("other@example.org")
    path = manage_path(subscriber)
    page = client.get(path)
    assert page.status_code == 200
    text = page_text(page)
    assert "topic: Security (as soon as published)" in text
    assert "person: Anna Example; search: “arms” (daily digest)" in text
    assert "(waiting for confirmation)" in text
    assert "reader@example.org" in text
    add = html.fromstring(page.content).xpath("//a[normalize-space()='Add a subscription']/@href")
    assert parse_qs(urlsplit(add[0]).query) == {"email": ["reader@example.org"], "language": ["en"]}
    form = html.fromstring(client.get(add[0]).content)
    assert form.get_element_by_id("id_email").get("value") == "reader@example.org"

    # Another's subscription is not this page's to delete.
    response = client.post(path, {"subscription": other.subscriptions.get().pk})
    assert response.status_code == 302
    assert other.subscriptions.count() == 1

    first = subscriber.subscriptions.order_by("id").first()
    response = client.post(path, {"subscription": first.pk})
    assert response.status_code == 302 and response["Location"] == f"{path}?deleted=1"
    assert list(subscriber.subscriptions.values_list("query", flat=True)) == ["arms"]
    assert "The subscription was deleted." in page_text(client.get(response["Location"]))

    # The last one takes the address with it.
    response = client.post(path, {"subscription": subscriber.subscriptions.get().pk})
    assert response.status_code == 200
    assert "You are unsubscribed" in page_text(response)
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_manage_deletes_everything_and_unsubscribes(client, site):
    subscriber = confirmed_subscriber(topic_id=site.topic.pk)
    confirmed_subscriber(subscriber.email, country_id=site.country.pk)
    response = client.post(manage_path(subscriber), {"unsubscribe": "1"})
    assert response.status_code == 200
    assert "Your address was deleted" in page_text(response)
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()


def test_one_click_unsubscribe_without_cookies_or_csrf_deletes_and_answers_200(site):
    subscriber = confirmed_subscriber(topic_id=site.topic.pk)
    mail_program = Client(enforce_csrf_checks=True)
    path = unsubscribe_path(subscriber)
    for _ in range(2):  # the second finds nothing to delete, and answers the same
        response = mail_program.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
        assert "You are unsubscribed" in page_text(response)
        assert not Subscriber.objects.exists() and not Subscription.objects.exists()
        assert not response.cookies


def test_one_click_unsubscribe_as_multipart_form_data_deletes_too(site):
    subscriber = confirmed_subscriber()
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_path(subscriber), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_opening_the_unsubscribe_link_deletes_nothing_and_asks(client, site):
    subscriber = confirmed_subscriber(topic_id=site.topic.pk)
    path = unsubscribe_path(subscriber)
    page = client.get(path)
    assert client.head(path).status_code == 200
    assert page.status_code == 200
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    tree = html.fromstring(page.content)
    form = tree.xpath("//main//form[@method='post']")
    assert len(form) == 1 and form[0].get("action") is None  # to this address
    assert form[0].xpath(".//input[@name='List-Unsubscribe']/@value") == ["One-Click"]
    # The page's own button works like the mail program's.
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscriber.objects.exists()
    assert "You are unsubscribed" in page_text(client.get(path))


# Links that do not work


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("x" if token[-1] != "x" else "y"),
        lambda token: token.split(":")[0],
        lambda token: "0" * 32 + token[32:],
        lambda token: "%00",
        lambda token: "😀" * 50,
    ],
)
def test_a_tampered_link_is_refused_without_an_error(client, site, mangle):
    subscriber, _sent = subscribing.subscribe(
        email="reader@example.org", language="en", choice=subscribing.Choice()
    )
    confirm = mangle(subscribing.confirmation_token(subscriber))
    link = mangle(subscribing.link_token(subscriber))
    for method in (client.get, client.post):
        response = method(f"/en/subscribe/confirm/{confirm}/")
        assert response.status_code == 400
        assert "This link does not work" in page_text(response)
        assert method(f"/en/subscriptions/{link}/").status_code == 404
        assert method(f"/en/unsubscribe/{link}/").status_code == 404
    assert Subscriber.objects.filter(confirmed_at=None).count() == 1  # nothing done


def test_an_expired_confirmation_link_says_to_subscribe_again(client, site):
    subscriber, _sent = subscribing.subscribe(
        email="reader@example.org", language="en", choice=subscribing.Choice()
    )
    path = f"/en/subscribe/confirm/{subscribing.confirmation_token(subscriber)}/"
    with time_machine.travel(timezone.now() + timedelta(days=subscribing.CONFIRM_DAYS + 1)):
        response = client.post(path)
    assert response.status_code == 400
    assert "Subscribe again" in page_text(response)
    assert Subscriber.objects.get().confirmed_at is None


def test_one_link_does_not_open_anothers_page(client, site):
    """The confirmation's token is signed for confirming alone, and the others' not for it."""
    subscriber = confirmed_subscriber()
    confirm = subscribing.confirmation_token(subscriber)
    link = subscribing.link_token(subscriber)
    assert client.get(f"/en/subscriptions/{confirm}/").status_code == 404
    assert client.get(f"/en/subscribe/confirm/{link}/").status_code == 400


def test_a_deleted_subscribers_manage_link_is_a_404(client, site):
    subscriber = confirmed_subscriber()
    path = manage_path(subscriber)
    subscribing.unsubscribe(subscriber)
    response = client.get(path)
    assert response.status_code == 404
    assert "This link does not work" in page_text(response)


# Headers: someone's own pages


def personal_paths(site) -> dict[str, str]:
    subscriber = confirmed_subscriber(topic_id=site.topic.pk)
    waiting, _sent = subscribing.subscribe(
        email="waiting@example.org", language="en", choice=subscribing.Choice()
    )
    return {
        "subscribe": "/en/subscribe/?email=reader%40example.org",
        "sent": "/en/subscribe/sent/",
        "confirm": f"/en/subscribe/confirm/{subscribing.confirmation_token(waiting)}/",
        "manage": manage_path(subscriber),
        "unsubscribe": unsubscribe_path(subscriber),
        "broken": "/en/subscriptions/forged/",
    }


def test_the_pages_are_kept_by_no_cache_name_no_referrer_and_are_not_indexed(client, site):
    for name, path in personal_paths(site).items():
        response = client.get(path)
        assert response.status_code == (404 if name == "broken" else 200), name
        assert response["Cache-Control"] == "private, no-store", name
        assert response["Referrer-Policy"] == "no-referrer", name
        assert response["X-Robots-Tag"] == "noindex", name
        tree = html.fromstring(response.content)
        assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"], name
        assert not tree.xpath("//link[@rel='alternate'][@hreflang]"), name
        assert not response.cookies, name  # no CSRF cookie: nothing is kept of the reader
    throttled = sign_up(client)
    for _ in range(3):
        throttled = sign_up(client)
    assert throttled.status_code == 429
    assert throttled["Cache-Control"] == "private, no-store"
    assert throttled["Referrer-Policy"] == "no-referrer"
    refused = client.put("/en/subscribe/")
    assert refused.status_code == 405 and refused["Cache-Control"] == "private, no-store"


def test_the_page_cache_keeps_none_of_them(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    paths = personal_paths(site)
    for path in paths.values():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        assert len(queries) > 1, path  # built again, not read from the cache
    # What the manage page shows is what is there now.
    subscriber = Subscriber.objects.get(email="reader@example.org")
    subscriber.subscriptions.all().delete()
    assert "topic: Security" not in page_text(client.get(paths["manage"]))


def test_the_sign_up_form_needs_no_cookie_to_post(site):
    """No CSRF token: see speeches.mailing.views (no-referrer pages send Origin: null)."""
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/en/subscribe/",
        {"email": "reader@example.org", "language": "en", "frequency": "instant"},
        HTTP_ORIGIN="null",
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="reader@example.org").exists()


@pytest.mark.parametrize("days_later", [5, subscribing.CONFIRM_DAYS + 1])
def test_a_new_link_from_subscribing_again_outlives_the_daily_clean_up(client, site, days_later):
    """The pages say to subscribe again when no email came (day 5) or a link expired:
    the new email's link must work for its days, whatever the first sign-up's age."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_up(client, topic="security", ip="192.0.2.1")
    again = start + timedelta(days=days_later)
    with time_machine.travel(again, tick=False):
        sign_up(client, topic="security", ip="192.0.2.2")
        token = subscribing.confirmation_token(Subscriber.objects.get())
    for day in range(days_later + 1, days_later + subscribing.CONFIRM_DAYS):
        with time_machine.travel(start + timedelta(days=day), tick=False):
            subscribing.forget_unconfirmed()  # the worker's daily run
    with time_machine.travel(again + timedelta(days=subscribing.CONFIRM_DAYS - 1), tick=False):
        response = client.post(f"/en/subscribe/confirm/{token}/")
    assert response.status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


def test_what_never_was_confirmed_is_deleted_after_its_days(site):
    subscriber, _sent = subscribing.subscribe(
        email="reader@example.org", language="en", choice=subscribing.Choice()
    )
    with time_machine.travel(timezone.now() + timedelta(days=subscribing.CONFIRM_DAYS + 1)):
        subscribing.forget_unconfirmed()
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
