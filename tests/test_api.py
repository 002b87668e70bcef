"""The JSON API for aggregators: what the public site shows, as JSON, and nothing more."""

import re
from datetime import datetime, timedelta

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from speeches.languages import translating
from speeches.models import ChangeNote, LanguageVersion, Publication, PublicationType
from speeches.publishing import public_state, services, workflow
from tests.factories import (
    ALL_LANGUAGES,
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    rich_publications,
    rich_publications_like,
)
from tests.helpers import at, committed, measured_once, queries_for

pytestmark = pytest.mark.django_db

OPERATIONS = [
    "/api/publications",
    "/api/publications/{id}",
    "/api/types",
    "/api/persons",
    "/api/topics",
    "/api/countries",
]


def get(client, path: str, status: int = 200, **params) -> dict | list:
    response = client.get(path, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(client, **params) -> list[int]:
    return [item["id"] for item in get(client, "/api/publications", **params)["results"]]


@pytest.fixture
def archive():
    lavrov = PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")
    zakharova = PersonFactory(name_en="Maria Zakharova")
    security = TopicFactory(slug="european-security", name_en="European security")
    belarus = CountryFactory(code="BY")
    statement = PublicationType.objects.get(code="statement")
    return {
        "speech_2019": PublicationFactory(
            speakers=[lavrov],
            topics=[security],
            countries=[belarus],
            published_at=at(2019, 11, 18, 16, 40),
            languages=("en", "ru"),
        ),
        "statement_2019": PublicationFactory(
            type=statement, speakers=[zakharova], published_at=at(2019, 12, 3)
        ),
        "speech_2020": PublicationFactory(speakers=[lavrov], published_at=at(2020, 11, 18)),
        "lavrov": lavrov,
    }


# The list


def test_list_items_carry_everything_an_aggregator_needs_in_the_requested_language(
    client, settings
):
    settings.TIME_ZONE = "Europe/Moscow"
    lavrov = PersonFactory(
        name_en="Sergey Lavrov",
        name_ru="Сергей Лавров",
        position_en="Minister",
        position_ru="Министр",
    )
    topic = TopicFactory(slug="union-state", name_en="Union State", name_ru="Союзное государство")
    publication = PublicationFactory(
        languages=("ru", "en"),
        title_ru="Выступление на заседании коллегий",
        lead_ru="Министр открыл заседание.",
        place_ru="Москва",
        published_at=at(2019, 11, 18, 16, 40),
        speakers=[lavrov],
        topics=[topic],
        countries=[CountryFactory(code="BY")],
    )
    page = get(client, "/api/publications", lang="ru")
    assert page["count"] == 1
    (item,) = page["results"]
    ru_url = "http://testserver" + publication.get_absolute_url("ru")  # percent-encoded
    en_url = "http://testserver" + publication.get_absolute_url("en")
    assert item == {
        "id": publication.pk,
        "url": ru_url,
        "language": "ru",
        "type": {"code": "speech", "name": "Выступление"},
        "published_at": "2019-11-18T16:40:00+03:00",
        "updated_at": item["updated_at"],
        "title": "Выступление на заседании коллегий",
        "lead": "Министр открыл заседание.",
        "place": "Москва",
        "delivery": None,
        "speakers": [{"id": lavrov.pk, "name": "Сергей Лавров", "position": "Министр"}],
        "topics": [{"slug": "union-state", "name": "Союзное государство"}],
        "countries": [{"code": "BY", "name": "Беларусь"}],
        "languages": [{"code": "en", "url": en_url}, {"code": "ru", "url": ru_url}],
        "highlight": None,
    }
    assert datetime.fromisoformat(item["updated_at"]).utcoffset() == timedelta(hours=3)
    assert client.get(ru_url).status_code == 200  # the URL is the canonical page itself


def test_list_defaults_to_the_site_language_newest_first(client, archive):
    assert ids(client) == [
        archive["speech_2020"].pk,
        archive["statement_2019"].pk,
        archive["speech_2019"].pk,
    ]
    assert ids(client, lang="ru") == [archive["speech_2019"].pk]


def test_nothing_unpublished_is_listed_or_counted(client):
    topic = TopicFactory(slug="embargo", name_en="Embargo")
    speaker = PersonFactory(name_en="Not Yet Announced")
    visible = PublicationFactory(languages=("en", "ru"), title_en="Visible")
    hidden = [
        PublicationFactory(topics=[topic], speakers=[speaker], status=Publication.Status.DRAFT),
        PublicationFactory(
            topics=[topic], speakers=[speaker], published_at=timezone.now() + timedelta(hours=1)
        ),
        # English not ready: a title without a text.
        PublicationFactory(topics=[topic], speakers=[speaker], languages=("ru",), title_en="Half"),
    ]
    page = get(client, "/api/publications", lang="en", page_size=100)
    assert [item["id"] for item in page["results"]] == [visible.pk]
    assert page["count"] == 1
    assert get(client, "/api/publications", lang="en", q="half")["count"] == 0
    # A topic of hidden items alone is no choice at all, like an unknown one.
    assert get(client, "/api/publications", status=400, lang="en", topic="embargo")["errors"][
        "topic"
    ]
    for path in ("/api/persons", "/api/topics", "/api/countries"):
        assert get(client, path, lang="en") == []
    assert get(client, "/api/types", lang="en") == [
        {"code": "speech", "name": "Speech", "plural_name": "Speeches", "publication_count": 1}
    ]
    for publication in hidden[:2]:
        get(client, f"/api/publications/{publication.pk}", status=404)


# Filters and search: the archive's own, through its FilterSet


def test_speaker_and_date_range_combine(client, archive):
    found = ids(
        client,
        lang="ru",
        speaker=archive["lavrov"].pk,
        date_from="2019-11-01",
        date_to="2019-11-30",
    )
    assert found == [archive["speech_2019"].pk]


def test_several_types_year_and_month(client, archive):
    assert ids(client, type=["speech", "statement"], year=2019) == [
        archive["statement_2019"].pk,
        archive["speech_2019"].pk,
    ]
    assert ids(client, type="statement") == [archive["statement_2019"].pk]
    assert ids(client, month=11) == [archive["speech_2020"].pk, archive["speech_2019"].pk]
    assert ids(client, year=2019, month=12) == [archive["statement_2019"].pk]


def test_topic_and_country(client, archive):
    assert ids(client, topic="european-security") == [archive["speech_2019"].pk]
    assert ids(client, country="BY") == [archive["speech_2019"].pk]


def test_date_boundaries_follow_the_site_time_zone(client):
    late = PublicationFactory(published_at=at(2019, 11, 18, 23))  # 20:00 UTC, same Moscow day
    assert ids(client, date_from="2019-11-18", date_to="2019-11-18") == [late.pk]


def test_search_finds_words_in_the_requested_language_with_highlights(client, collegiums):
    PublicationFactory(languages=("en", "ru"), title_en="Something else", title_ru="Другое")
    (english,) = get(client, "/api/publications", lang="en", q="collegiums")["results"]
    assert english["id"] == collegiums.pk
    assert "<mark>collegiums</mark>" in english["highlight"]["title"]
    assert "<mark>collegiums</mark>" in english["highlight"]["snippet"]
    (russian,) = get(client, "/api/publications", lang="ru", q="коллегий")["results"]
    assert russian["id"] == collegiums.pk
    assert "<mark>коллегий</mark>" in russian["highlight"]["title"]
    assert ids(client, lang="en", q="коллегий") == []


def test_search_syntax_and_highlights_escape_the_text(client):
    union = PublicationFactory(title_en="The Union State of two <b>countries</b>")
    other = PublicationFactory(title_en="A state visit to the union", body_en="<p>y</p>")
    assert ids(client, q='"union state"') == [union.pk]
    assert ids(client, q="union -visit") == [union.pk]
    assert set(ids(client, q="countries or visit")) == {union.pk, other.pk}
    (item,) = get(client, "/api/publications", q="countries")["results"]
    assert "&lt;b&gt;<mark>countries</mark>&lt;/b&gt;" in item["highlight"]["title"]


def test_relevance_puts_title_matches_first_and_date_sorts_newest(client):
    old_title = PublicationFactory(
        title_en="Arms control talks", published_at=timezone.now() - timedelta(days=30)
    )
    new_body = PublicationFactory(
        title_en="Weekly briefing",
        body_en="<p>Questions on arms control were raised.</p>",
        published_at=timezone.now() - timedelta(days=1),
    )
    assert ids(client, q="arms control") == [old_title.pk, new_body.pk]
    assert ids(client, q="arms control", sort="date") == [new_body.pk, old_title.pk]


def test_search_combines_with_filters(client):
    topic = TopicFactory(slug="security")
    tagged = PublicationFactory(title_en="Security talks", topics=[topic])
    PublicationFactory(title_en="Security conference")
    assert ids(client, q="security", topic="security") == [tagged.pk]


# Invalid input is refused, with reasons, never ignored


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"year": "99999"}, "year"),
        ({"year": "1.5"}, "year"),
        ({"month": "13"}, "month"),
        ({"date_from": "2019-02-30"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"speaker": "abc"}, "speaker"),
        ({"speaker": "999999"}, "speaker"),
        ({"type": "no-such-type"}, "type"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"country": "XX"}, "country"),
        ({"sort": "random"}, "sort"),
        ({"q": "x" * 500}, "q"),
        ({"q": "\x00"}, "q"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "101"}, "page_size"),
        ({"lang": "xx"}, "lang"),
    ],
)
def test_invalid_values_are_a_400_naming_the_parameter(client, archive, params, field):
    body = get(client, "/api/publications", status=400, **params)
    assert body["detail"] == "Invalid parameters."
    assert list(body["errors"]) == [field]
    assert all(isinstance(message, str) and message for message in body["errors"][field])


def test_every_invalid_filter_is_reported_at_once(client, archive):
    body = get(
        client, "/api/publications", status=400, year="abc", type="nope", date_from="2019-13-01"
    )
    assert body["errors"] == {
        "type": ["Select a valid choice. nope is not one of the available choices."],
        "date_from": ["Enter a valid date."],
        "year": ["Enter a whole number."],
    }


@pytest.mark.parametrize(
    "path", ["/api/publications", "/api/publications/1", "/api/types", "/api/persons"]
)
def test_an_unknown_language_is_a_400_that_says_so(client, path):
    body = get(client, path, status=400, lang="xx")
    assert body["errors"] == {
        "lang": ["Select a valid choice. xx is not one of the available choices."]
    }


def test_messages_and_names_follow_lang_not_the_browser(client, archive):
    response = client.get(
        "/api/publications", {"lang": "ru", "year": "abc"}, headers={"accept-language": "de"}
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "ru"
    assert response.json() == {
        "detail": "Недопустимые параметры.",
        "errors": {"year": ["Введите целое число."]},
    }
    response = client.get("/api/types", headers={"accept-language": "de"})
    assert response["Content-Language"] == "en"
    assert response.json()[0]["name"] == "Speech"


# Pages


def test_pages_link_to_each_other_and_keep_the_filters(client):
    for _ in range(25):
        PublicationFactory()
    first = get(client, "/api/publications", type="speech")
    assert (first["count"], first["page"], first["page_size"], first["num_pages"]) == (
        25,
        1,
        20,
        2,
    )
    assert len(first["results"]) == 20
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/publications?type=speech&page=2"
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/publications?type=speech&page=1"
    every = [item["id"] for item in first["results"] + second["results"]]
    assert len(set(every)) == 25
    assert ids(client, page_size=100) == every


def test_page_size_is_between_1_and_100(client):
    for _ in range(3):
        PublicationFactory()
    page = get(client, "/api/publications", page_size=1, page=3)
    assert (len(page["results"]), page["num_pages"], page["next"]) == (1, 3, None)
    assert len(get(client, "/api/publications", page_size=100)["results"]) == 3


@pytest.mark.parametrize("page", ["2", "99", str(2**63 - 1)])
def test_a_page_beyond_the_last_is_a_404(client, page):
    PublicationFactory()
    assert get(client, "/api/publications", status=404, page=page)["detail"]


def test_an_empty_result_is_an_empty_first_page(client):
    page = get(client, "/api/publications", q="nothing matches this")
    assert page == {
        "count": 0,
        "page": 1,
        "page_size": 20,
        "num_pages": 1,
        "next": None,
        "previous": None,
        "results": [],
    }


# One publication


def test_detail_has_every_public_version_and_only_those(client, settings):
    settings.TIME_ZONE = "Europe/Moscow"
    speaker = PersonFactory(name_en="Sergey Lavrov", position_en="Minister")
    publication = PublicationFactory(
        languages=("ru", "en", "ar"),
        title_de="Nur ein Titel",  # German in progress: not public
        lead_en="The lead.",
        place_en="Moscow",
        body_en='<p>Text with <a href="https://example.org/">a link</a>.</p>',
        reference="2270-18-11-2019",
        delivery=Publication.Delivery.CHECK_AGAINST_DELIVERY,
        published_at=at(2019, 11, 18, 16, 40),
        speakers=[speaker],
        topics=[TopicFactory(slug="union-state", name_en="Union State")],
        countries=[CountryFactory(code="BY")],
    )
    LanguageVersion.objects.filter(publication=publication, language="ar").update(
        status=LanguageVersion.Status.OUTDATED  # outdated translations stay public
    )
    body = get(client, f"/api/publications/{publication.pk}")
    assert [v["language"] for v in body["versions"]] == ["en", "ru", "ar"]
    english = body["versions"][0]
    assert english == {
        "language": "en",
        "url": "http://testserver" + publication.get_absolute_url("en"),
        "title": publication.title_en,
        "lead": "The lead.",
        "place": "Moscow",
        "body": publication.body_en,
    }
    assert "https://example.org/" in english["body"]
    assert body["versions"][1]["body"] == publication.body_ru
    assert "Nur ein Titel" not in str(body)
    assert {key: body[key] for key in body if key not in {"versions", "updated_at"}} == {
        "id": publication.pk,
        "type": {"code": "speech", "name": "Speech"},
        "published_at": "2019-11-18T16:40:00+03:00",
        "reference": "2270-18-11-2019",
        "original_language": "ru",
        "delivery": {"code": "check_against_delivery", "label": "Check against delivery"},
        "speakers": [{"id": speaker.pk, "name": "Sergey Lavrov", "position": "Minister"}],
        "topics": [{"slug": "union-state", "name": "Union State"}],
        "countries": [{"code": "BY", "name": "Belarus"}],
        "materials": [],
        "withdrawn": None,
        "updates": [],
    }


def test_detail_names_follow_lang(client):
    publication = PublicationFactory(countries=[CountryFactory(code="DE")])
    body = get(client, f"/api/publications/{publication.pk}", lang="de")
    assert body["type"]["name"] == "Rede"
    assert body["countries"] == [{"code": "DE", "name": "Deutschland"}]


@pytest.mark.parametrize(
    "make",
    [
        lambda: PublicationFactory(status=Publication.Status.DRAFT).pk,
        lambda: PublicationFactory(published_at=timezone.now() + timedelta(minutes=1)).pk,
        lambda: 999999,
    ],
    ids=["draft", "embargoed", "unknown"],
)
def test_drafts_embargoed_and_unknown_ids_are_a_json_404(client, make):
    assert get(client, f"/api/publications/{make()}", status=404) == {
        "detail": "Not found.",
        "errors": {},
    }


@pytest.mark.parametrize("bad_id", ["abc", "0", "-1", str(2**63), "1.5"])
def test_malformed_ids_are_a_400(client, bad_id):
    assert list(get(client, f"/api/publications/{bad_id}", status=400)["errors"]) == ["id"]


# Taxonomies


def test_taxonomies_count_public_publications_in_lang(client, archive):
    assert get(client, "/api/persons", lang="ru") == [
        {
            "id": archive["lavrov"].pk,
            "name": "Сергей Лавров",
            "position": "Ambassador",  # no Russian position: modeltranslation's fallback
            "publication_count": 1,
        }
    ]
    persons = get(client, "/api/persons")
    assert [(p["name"], p["publication_count"]) for p in persons] == [
        ("Maria Zakharova", 1),
        ("Sergey Lavrov", 2),
    ]
    assert get(client, "/api/topics") == [
        {"slug": "european-security", "name": "European security", "publication_count": 1}
    ]
    assert get(client, "/api/countries", lang="ru") == [
        {"code": "BY", "name": "Беларусь", "publication_count": 1}
    ]
    assert get(client, "/api/types") == [
        {"code": "speech", "name": "Speech", "plural_name": "Speeches", "publication_count": 2},
        {
            "code": "statement",
            "name": "Statement",
            "plural_name": "Statements",
            "publication_count": 1,
        },
    ]
    assert get(client, "/api/types", lang="de") == []  # nothing in German yet
    PublicationFactory(languages=("de",))
    assert get(client, "/api/types", lang="de") == [
        {"code": "speech", "name": "Rede", "plural_name": "Reden", "publication_count": 1}
    ]


# HTTP


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/publications", "/api/publications/1", "/api/types"])
def test_the_api_is_read_only(client, method, path):
    PublicationFactory()
    response = getattr(client, method)(path, {}, content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert Publication.objects.count() == 1


def test_successful_responses_are_revalidated_and_answered_304_when_unchanged(client):
    publication = PublicationFactory()
    for path in ("/api/publications", f"/api/publications/{publication.pk}", "/api/topics"):
        response = client.get(path)
        assert response["Cache-Control"] == "public, no-cache"
        again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
    for path in ("/api/publications?year=abc", "/api/publications/999999"):
        assert client.get(path)["Cache-Control"] == "no-store"


# Constant number of queries


# Each operation, by the test id it is checked under.
OPERATIONS_COUNTED = {
    "list": lambda p: "/api/publications?page_size=100",
    "list-ar": lambda p: "/api/publications?lang=ar&page_size=100",
    "search": lambda p: "/api/publications?page_size=100&q=publication&type=speech&sort=relevance",
    "search-topic": lambda p: (
        f"/api/publications?page_size=100&q=publication&topic={p.topics.first().slug}"
    ),
    "filtered": lambda p: (
        f"/api/publications?page_size=100&speaker={p.speakers.first().pk}"
        f"&year={p.published_at.year}"
    ),
    "detail": lambda p: f"/api/publications/{p.pk}",
    "detail-ru": lambda p: f"/api/publications/{p.pk}?lang=ru",
    "types": lambda p: "/api/types",
    "persons": lambda p: "/api/persons",
    "topics": lambda p: "/api/topics",
    "countries": lambda p: "/api/countries",
}


@pytest.fixture(scope="module")
def operation_queries(django_db_setup, django_db_blocker) -> dict[str, tuple[int, int]]:
    """Each operation's queries with one rich publication, and with 31 (measured once)."""
    client = Client()
    with measured_once(django_db_blocker):
        first = rich_publications(1)[0]
        urls = {key: url_of(first) for key, url_of in OPERATIONS_COUNTED.items()}
        with_one = {key: queries_for(client, url) for key, url in urls.items()}
        rich_publications_like(first, 30)
        assert len(get(client, "/api/publications", page_size=100)["results"]) == 31
        return {key: (with_one[key], queries_for(client, url)) for key, url in urls.items()}


@pytest.mark.parametrize("operation", OPERATIONS_COUNTED)
def test_queries_are_the_same_for_1_and_30_items(operation, operation_queries):
    with_one, with_many = operation_queries[operation]
    assert with_one == with_many
    # 4 filter choices, count, page, 4 prefetches, highlights; a search on PostgreSQL
    # also asks the planner how common it is, and a rare one sets its plan in a
    # transaction (BEGIN, the setting, COMMIT).
    assert with_many <= 15


def test_detail_versions_come_from_the_prefetch(client):
    """Six public versions cost no more than one: versions are read from the prefetch."""
    one = PublicationFactory(languages=("en",))
    six = PublicationFactory(languages=ALL_LANGUAGES)
    assert queries_for(client, f"/api/publications/{one.pk}") == queries_for(
        client, f"/api/publications/{six.pk}"
    )
    assert len(get(client, f"/api/publications/{six.pk}")["versions"]) == 6


# The schema and its documentation


def test_openapi_document_is_valid_and_documents_every_operation(client):
    document = get(client, "/api/openapi.json")
    # Schemathesis validates against the OpenAPI meta-schema of the document's version
    # (openapi-spec-validator is not installed; this is the same check with jsonschema-rs).
    schemathesis.openapi.from_dict(document).validate()
    assert document["info"]["title"] == "Press Office API"
    assert document["info"]["version"]
    assert sorted(document["paths"]) == sorted(OPERATIONS)
    for path, operations in document["paths"].items():
        assert list(operations) == ["get"], path
        operation = operations["get"]
        assert operation["summary"] and operation["description"], path
        for parameter in operation["parameters"]:
            assert parameter["description"], (path, parameter["name"])
    list_parameters = document["paths"]["/api/publications"]["get"]["parameters"]
    assert [p["name"] for p in list_parameters] == [
        "lang",
        "page",
        "page_size",
        "q",
        "type",
        "speaker",
        "topic",
        "country",
        "date_from",
        "date_to",
        "year",
        "month",
        "sort",
    ]
    lang = list_parameters[0]["schema"]
    assert lang["enum"] == ["en", "ru", "de", "fr", "es", "ar"]
    assert lang["default"] == "en"


def test_interactive_docs_are_served_without_any_external_host(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.text
    assert "<title>Press Office API</title>" in html
    assert '"url": "/api/openapi.json"' in html
    assert '"validatorUrl": null' in html  # no badge calling validator.swagger.io
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references
    for reference in references:
        assert reference.startswith("/static/ninja/"), reference
        assert finders.find(reference.removeprefix("/static/")), reference
    assert not re.search(r"https?:|//", html)


def test_a_withdrawn_item_leaves_the_list_but_its_detail_says_when_and_why(client):
    chief = UserFactory(username="chief", is_superuser=True)
    publication = PublicationFactory(languages=("en", "de"))
    publication.title_de, publication.body_de = "Titel", "<p>Text</p>"
    workflow.publication_withdraw(
        publication=publication, user=chief, explanation="Superseded by the joint statement."
    )
    ChangeNote.objects.create(publication=publication, text_en="Corrected the date.")
    assert get(client, "/api/publications")["count"] == 0
    body = get(client, f"/api/publications/{publication.pk}")
    # As the pages show them: the German page gives the English text, and says so.
    assert body["withdrawn"]["texts"] == dict.fromkeys(
        ("de", "en"), "Superseded by the joint statement."
    )
    assert body["withdrawn"]["text_languages"] == {"de": "en"}
    assert body["updates"][0]["texts"] == dict.fromkeys(("de", "en"), "Corrected the date.")
    assert body["updates"][0]["text_languages"] == {"de": "en"}
    workflow.publication_unpublish(publication=publication, user=chief, reason="Legal advice")
    get(client, f"/api/publications/{publication.pk}", status=404)


def test_a_kept_result_follows_an_edit_a_new_language_and_a_withdrawal(client):
    """Results are kept per change of what readers see (``api.views.results``): the next
    request shows an edit, a translation made public, and a withdrawal."""
    publication = PublicationFactory(title_en="First title")
    committed()
    for _ in range(2):  # built, then read from the cache
        (item,) = get(client, "/api/publications", lang="en")["results"]
        assert (item["title"], [v["code"] for v in item["languages"]]) == ("First title", ["en"])
        assert item["url"].startswith("http://testserver/en/publications/")
    assert cache.get(f"public-state:{public_state.current()}:api-item:en:{publication.pk}")
    publication.title_en = "Second title"
    publication.title_de = "Zweiter Titel"
    publication.body_de = "<p>Text.</p>"
    services.publication_save(publication=publication)
    translating.translation_mark_ready(publication=publication, language="de", user=None)
    committed()
    (item,) = get(client, "/api/publications", lang="en")["results"]
    assert (item["title"], [v["code"] for v in item["languages"]]) == (
        "Second title",
        ["en", "de"],
    )
    publication.status = Publication.Status.WITHDRAWN
    services.publication_save(publication=publication)
    committed()
    assert get(client, "/api/publications", lang="en")["results"] == []


def test_head_answers_a_gets_headers_without_its_body(client):
    publication = PublicationFactory()
    for path in ("/api/publications?lang=en", f"/api/publications/{publication.pk}"):
        got, head = client.get(path), client.head(path)
        assert (got.status_code, head.status_code) == (200, 200)
        assert head.content == b""
        for name in ("Content-Type", "ETag", "Cache-Control", "Content-Language"):
            assert head[name] == got[name], name
        assert head["Content-Length"] == str(len(got.content))
    assert client.head("/api/publications?lang=xx").status_code == 400


def test_any_origin_may_read_the_api_and_nothing_else(client):
    """CORS (django-cors-headers): GET and HEAD from any site, without credentials; a
    preflight names only the safe methods; pages outside the API say nothing."""
    PublicationFactory()
    origin = {"HTTP_ORIGIN": "https://news.example.com"}
    answer = client.get("/api/publications?lang=en", **origin)
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in answer
    preflight = client.options(
        "/api/publications?lang=en",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        **origin,
    )
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Origin" not in client.get("/en/publications/", **origin)
    assert client.post("/api/publications?lang=en", **origin).status_code == 405


@pytest.mark.parametrize("language", ["en", "ru", "ar"])
def test_the_api_has_a_landing_page_linked_from_every_page(client, language):
    response = client.get("/api/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.text
    for link in ("/api/docs", "/api/openapi.json", f"/api/publications?lang={language}"):
        assert f'href="{link}"' in response.text
    assert 'name="viewport"' in response.text
    assert 'href="/api/"' in client.get(f"/{language}/").text
