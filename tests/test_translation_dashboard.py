"""The translation dashboard: counts per language and the publications needing work."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from lxml import html

from speeches.admin import translation_dashboard
from speeches.languages import dashboard, translating
from speeches.models import Publication, PublicationType, TranslatorLanguage
from speeches.publishing import services
from tests.factories import PublicationFactory, UserFactory
from tests.helpers import at, measured_once, queries_for

pytestmark = pytest.mark.django_db

URL = "/admin/speeches/publication/translations/"
TEXTS_DE = {"title": "Rede", "body": "<p>Text der Rede.</p>"}


def in_progress(publication: Publication, language: str) -> Publication:
    """A translation begun: its title filled, no text yet."""
    setattr(publication, f"title_{language}", f"Begun [{language}]")
    return services.publication_save(publication=publication)


def change_original(publication: Publication) -> Publication:
    """Edit the original's text, which outdates every translation marked ready before."""
    language = publication.original_language
    setattr(publication, f"body_{language}", "<p>A corrected original text.</p>")
    return services.publication_save(publication=publication)


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def known_set():
    """Four English originals and one German one, their translations in every state."""
    return {
        "published": PublicationFactory(languages=("en", "de"), published_at=days_ago(1)),
        "ready": PublicationFactory(
            languages=("en", "de"), status=Publication.Status.DRAFT, published_at=days_ago(2)
        ),
        "in_progress": in_progress(
            PublicationFactory(languages=("en",), published_at=days_ago(3)), "de"
        ),
        "outdated": change_original(
            PublicationFactory(languages=("en", "fr"), published_at=days_ago(4))
        ),
        "german": PublicationFactory(languages=("de",), published_at=days_ago(5)),
    }


def translator_client(client, languages):
    user = UserFactory(username="translator", is_staff=True, groups=["Translators"])
    for code in languages:
        TranslatorLanguage.objects.create(user=user, language=code)
    client.force_login(user)
    return client


def listed(response) -> list[int]:
    return [row["publication"].pk for row in response.context["rows"]]


def counts(response) -> dict[str, dict[str, int]]:
    return {
        progress.language: {
            "missing": progress.missing,
            "in_progress": progress.in_progress,
            "ready": progress.ready,
            "outdated": progress.outdated,
            "published": progress.published,
        }
        for progress, _name in response.context["overview"]
    }


def test_counts_each_state_per_language_leaving_out_the_originals(editor_client, known_set):
    response = editor_client.get(URL)

    assert response.status_code == 200
    found = counts(response)
    assert found["de"] == {
        "missing": 1,  # the fr-translated item; the German original is not a translation
        "in_progress": 1,
        "ready": 2,
        "outdated": 0,
        "published": 1,  # the draft's ready translation is not on the site
    }
    assert found["fr"] == {
        "missing": 4,
        "in_progress": 0,
        "ready": 0,
        "outdated": 1,
        "published": 1,  # outdated, still shown to readers until an editor hides it
    }
    assert found["en"] == {
        "missing": 1,  # only the German original lacks English
        "in_progress": 0,
        "ready": 0,
        "outdated": 0,
        "published": 0,
    }
    assert found["ru"]["missing"] == 5


def test_overview_selector_counts_in_two_queries(known_set, django_assert_num_queries):
    with django_assert_num_queries(2):
        overview = dashboard.translation_overview()

    assert [progress.language for progress in overview] == ["en", "ru", "de", "fr", "es", "ar"]


def test_lists_publications_needing_work_newest_first(editor_client, known_set):
    response = editor_client.get(URL)

    # Every item misses at least Russian; their dates run from one to five days ago.
    assert listed(response) == [
        known_set[name].pk for name in ("published", "ready", "in_progress", "outdated", "german")
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("language=de&status=missing", ["outdated"]),
        ("language=de&status=in_progress", ["in_progress"]),
        ("language=de&status=outdated", []),
        ("language=fr&status=outdated", ["outdated"]),
        ("language=en", ["german"]),
        ("language=de", ["in_progress", "outdated"]),
        ("status=outdated", ["outdated"]),
    ],
)
def test_filters_by_language_and_version_status(editor_client, known_set, query, expected):
    response = editor_client.get(f"{URL}?{query}")

    assert listed(response) == [known_set[name].pk for name in expected]


def test_filters_by_publication_type(editor_client, known_set):
    statement = PublicationType.objects.get_or_create(
        code="statement", defaults={"name_en": "Statement", "plural_name_en": "Statements"}
    )[0]
    wanted = PublicationFactory(languages=("en",), type=statement)

    response = editor_client.get(f"{URL}?type=statement")

    assert listed(response) == [wanted.pk]


def test_unknown_filter_values_fall_back_to_everything_needing_work(editor_client, known_set):
    response = editor_client.get(f"{URL}?language=xx&status=lost&type=nothing")

    assert response.status_code == 200
    assert len(listed(response)) == 5


def test_each_row_shows_a_badge_per_language_with_its_state(publisher_client, known_set):
    response = publisher_client.get(f"{URL}?language=de")

    rows = {row["publication"].pk: row for row in response.context["rows"]}
    states = {cell["language"]: cell["state"] for cell in rows[known_set["outdated"].pk]["cells"]}
    assert states == {
        "en": "original",
        "ru": "missing",
        "de": "missing",
        "fr": "outdated",
        "es": "missing",
        "ar": "missing",
    }
    badges = {c["language"]: c["state"] for c in rows[known_set["in_progress"].pk]["cells"]}
    assert badges["de"] == "in_progress"
    content = response.content.decode()
    assert reverse("admin:speeches_publication_change", args=[known_set["outdated"].pk]) in content
    # Said, not only coloured: a badge (a link for those who may translate it) has its word.
    assert re.search(r'status-badge--outdated"[^>]*>outdated</(span|a)>', content)


def test_published_and_ready_translations_are_told_apart(publisher_client, known_set):
    response = publisher_client.get(URL)

    rows = {row["publication"].pk: row for row in response.context["rows"]}
    german = {c["language"]: c["state"] for c in rows[known_set["published"].pk]["cells"]}
    draft = {c["language"]: c["state"] for c in rows[known_set["ready"].pk]["cells"]}
    assert german["de"] == "published"
    assert draft["de"] == "ready"


def test_badges_lead_to_the_side_by_side_editor_once_it_exists(publisher_client, known_set):
    try:
        editor = reverse("admin:speeches_publication_translate", args=[known_set["ready"].pk, "ru"])
    except NoReverseMatch:  # the side-by-side editor is not there yet: a plain badge
        editor = ""

    response = publisher_client.get(URL)

    rows = {row["publication"].pk: row for row in response.context["rows"]}
    cells = {c["language"]: c for c in rows[known_set["ready"].pk]["cells"]}
    assert cells["ru"]["url"] == editor
    assert cells["en"]["url"] == ""  # the original is edited on the change page


def test_translator_sees_own_languages_first_and_their_work_by_default(client):
    finished = PublicationFactory(languages=("en", "fr", "ar"), published_at=days_ago(1))
    needs_french = PublicationFactory(languages=("en", "ar"), published_at=days_ago(2))
    translator_client(client, ["ar", "fr"])

    response = client.get(URL)

    assert response.status_code == 200
    order = ["fr", "ar", "en", "ru", "de", "es"]
    assert [progress.language for progress, _name in response.context["overview"]] == order
    assert [code for code, _name in response.context["languages"]] == order
    assert [cell["language"] for cell in response.context["rows"][0]["cells"]] == order
    assert listed(response) == [needs_french.pk]
    assert listed(client.get(f"{URL}?language=all")) == [finished.pk, needs_french.pk]


def test_others_see_every_language_in_settings_order(editor_client, known_set):
    response = editor_client.get(URL)

    order = ["en", "ru", "de", "fr", "es", "ar"]
    assert [progress.language for progress, _name in response.context["overview"]] == order
    assert [code for code, _name in response.context["languages"]] == order


def test_list_is_paginated_and_page_links_keep_the_filters(editor_client, monkeypatch):
    monkeypatch.setattr(translation_dashboard, "PER_PAGE", 2)
    items = [PublicationFactory(published_at=days_ago(n)) for n in range(1, 4)]

    first = editor_client.get(f"{URL}?language=de")
    second = editor_client.get(f"{URL}?language=de&page=2")

    assert listed(first) == [items[0].pk, items[1].pk]
    assert listed(second) == [items[2].pk]
    assert "?language=de&amp;page=2" in first.content.decode()


@pytest.fixture
def every_state():
    """An item in each state, every one without German."""
    now = timezone.now()
    return {
        "draft": PublicationFactory(status=Publication.Status.DRAFT, published_at=days_ago(1)),
        "in_review": PublicationFactory(
            status=Publication.Status.IN_REVIEW, published_at=days_ago(2)
        ),
        "scheduled": PublicationFactory(published_at=now + timedelta(days=1)),
        "published": PublicationFactory(published_at=days_ago(3)),
        "withdrawn": PublicationFactory(
            status=Publication.Status.WITHDRAWN, published_at=days_ago(4)
        ),
        "unpublished": PublicationFactory(
            status=Publication.Status.UNPUBLISHED, published_at=days_ago(5)
        ),
    }


def test_each_publication_shows_its_state_as_a_badge(editor_client, every_state):
    response = editor_client.get(URL)

    table = html.fromstring(response.content).get_element_by_id("translation-worklist")
    states = {
        row.xpath("th//a/@href")[0]: row.xpath("td[2]/span/text()")
        for row in table.xpath("tbody/tr")
    }
    assert states == {
        reverse("admin:speeches_publication_change", args=[p.pk]): [
            "in review" if name == "in_review" else name
        ]
        for name, p in every_state.items()
    }
    header = [th.text_content().strip() for th in table.xpath("thead//th")]
    assert header[:3] == ["date and time", "title", "state"]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("", ["scheduled", "draft", "in_review", "published", "withdrawn", "unpublished"]),
        ("current", ["scheduled", "draft", "in_review", "published"]),
        ("draft", ["draft"]),
        ("in_review", ["in_review"]),
        ("scheduled", ["scheduled"]),
        ("published", ["published"]),
        ("withdrawn", ["withdrawn"]),
        ("unpublished", ["unpublished"]),
        (
            "no-such-state",
            ["scheduled", "draft", "in_review", "published", "withdrawn", "unpublished"],
        ),
    ],
)
def test_filters_by_publication_state(editor_client, every_state, state, expected):
    response = editor_client.get(f"{URL}?state={state}&language=de")

    assert listed(response) == [every_state[name].pk for name in expected]


def test_dates_are_local_and_in_the_admins_date_format(editor_client):
    item = PublicationFactory(published_at=at(2026, 12, 6, 13, 5))

    response = editor_client.get(URL)

    cell = html.fromstring(response.content).find_class("translation-table__date")[0]
    assert cell.text_content().strip() == "6 December 2026 13:05"
    assert formats.date_format(timezone.localtime(item.published_at), "DATETIME_FORMAT") == (
        "6 December 2026 13:05"
    )


def test_the_side_by_side_editor_dates_its_versions_in_the_admins_format(publisher_client):
    item = PublicationFactory(languages=("en",), published_at=at(2026, 12, 1))
    translator = UserFactory(username="hans", is_staff=True, groups=["Translators"])
    TranslatorLanguage.objects.create(user=translator, language="de")
    with time_machine.travel(at(2026, 12, 6, 13, 5), tick=False):
        translating.translation_save(
            publication=item, language="de", user=translator, values=TEXTS_DE, ready=True
        )
    with time_machine.travel(at(2026, 12, 7, 9, 30), tick=False):
        translating.translation_save(
            publication=item, language="de", user=translator, values=TEXTS_DE, ready=False
        )

    response = publisher_client.get(f"/admin/speeches/publication/{item.pk}/translate/de/")

    text = " ".join(html.fromstring(response.content).text_content().split())
    assert "last marked by hans on 7 December 2026 09:30" in text
    assert "work in progress saved on 7 December 2026 09:30" in text
    assert "a.m." not in text and "p.m." not in text


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_users_without_staff_status_are_sent_to_the_login_page(client):
    client.force_login(UserFactory(username="reader"))

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_who_may_not_view_publications_are_refused(client):
    client.force_login(UserFactory(username="clerk", is_staff=True))

    assert client.get(URL).status_code == 403


def test_publication_list_links_to_the_dashboard(editor_client):
    response = editor_client.get("/admin/speeches/publication/")

    assert reverse("admin:speeches_publication_translations") == URL
    assert f'href="{URL}"' in response.content.decode()


def publications_needing_work(count: int) -> None:
    """Every other one has an outdated French translation, the rest a Russian one begun."""
    for number in range(count):
        if number % 2:
            in_progress(PublicationFactory(languages=("en", "de")), "ru")
        else:
            change_original(PublicationFactory(languages=("en", "fr", "ar")))


QUERIES_COUNTED = ("", "?type=speech&language=de&status=missing", "?state=current")


@pytest.fixture(scope="module")
def dashboard_queries(django_db_setup, django_db_blocker) -> dict[tuple, tuple[int, int, int]]:
    """The dashboard's queries for a publisher and a translator, unfiltered and filtered,
    with one publication needing work and with 30, and the rows shown then (measured once
    for all six)."""
    clients = {"publisher": Client(), "translator": Client()}
    with measured_once(django_db_blocker):
        clients["publisher"].force_login(
            UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
        )
        translator_client(clients["translator"], ["fr", "de"])
        publications_needing_work(1)
        for client in clients.values():
            client.get("/admin/")  # the session's first request starts its clocks (once)
        cases = [(who, query) for who in clients for query in QUERIES_COUNTED]
        with_one = {case: queries_for(clients[case[0]], URL + case[1]) for case in cases}
        publications_needing_work(29)
        found = {}
        for who, query in cases:
            with CaptureQueriesContext(connection) as queries:
                response = clients[who].get(URL + query)
            assert response.status_code == 200
            rows = len(response.context["rows"])
            found[who, query] = (with_one[who, query], len(queries), rows)
        return found


@pytest.mark.parametrize("who", ["publisher", "translator"])
@pytest.mark.parametrize("query", QUERIES_COUNTED)
def test_queries_are_the_same_for_1_and_30_publications(who, query, dashboard_queries):
    with_one, with_many, rows = dashboard_queries[who, query]
    assert with_many <= with_one
    assert rows == (16 if "status=missing" in query else 30)  # 1 + 15 without German
    assert with_one <= 14
