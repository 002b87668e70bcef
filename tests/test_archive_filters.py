"""Archive filters and taxonomy pages: combinable, in the URL, forgiving of bad input."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from speeches.models import Publication, PublicationType
from tests.factories import CountryFactory, PersonFactory, PublicationFactory, TopicFactory
from tests.helpers import at

pytestmark = pytest.mark.django_db


def results(client, path="/en/publications/", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response, list(response.context["publications"])


@pytest.fixture
def archive():
    lavrov = PersonFactory(name_en="Sergey Lavrov")
    zakharova = PersonFactory(name_en="Maria Zakharova")
    statement = PublicationType.objects.get(code="statement")
    return {
        "speech_2019": PublicationFactory(
            speakers=[lavrov], published_at=at(2019, 11, 18, 16), languages=("en", "ru")
        ),
        "statement_2019": PublicationFactory(
            type=statement, speakers=[zakharova], published_at=at(2019, 12, 3)
        ),
        "speech_2020": PublicationFactory(speakers=[lavrov], published_at=at(2020, 11, 18)),
        "lavrov": lavrov,
    }


def test_speaker_and_date_range_combine(client, archive):
    _response, found = results(
        client,
        "/ru/publications/",
        speaker=archive["lavrov"].pk,
        date_from="2019-11-01",
        date_to="2019-11-30",
    )
    assert found == [archive["speech_2019"]]


def test_several_types_year_and_month(client, archive):
    _r, found = results(client, type=["speech", "statement"], year=2019)
    assert found == [archive["statement_2019"], archive["speech_2019"]]
    _r, found = results(client, type="statement")
    assert found == [archive["statement_2019"]]
    _r, found = results(client, month=11)
    assert found == [archive["speech_2020"], archive["speech_2019"]]
    _r, found = results(client, year=2019, month=12)
    assert found == [archive["statement_2019"]]


def test_date_boundaries_follow_the_site_time_zone(client):
    late = PublicationFactory(published_at=at(2019, 11, 18, 23))  # 20:00 UTC, same Moscow day
    _r, found = results(client, date_from="2019-11-18", date_to="2019-11-18")
    assert found == [late]


def test_date_boundaries_are_instants_the_date_index_answers(client, archive):
    """A day is the range of its instants in the site's time zone (midnight to midnight),
    so the query compares published_at itself; the first and last days a date can name
    cut nothing off and fail nothing."""
    just_before = PublicationFactory(published_at=at(2019, 11, 17, 23, 59))
    just_after = PublicationFactory(published_at=at(2019, 11, 19, 0, 0))
    _r, found = results(client, date_from="2019-11-18", date_to="2019-11-18")
    assert found == [archive["speech_2019"]]
    _r, found = results(client, date_from="2019-11-17", date_to="2019-11-19")
    assert found == [just_after, archive["speech_2019"], just_before]
    response, found = results(client, date_from="0001-01-01", date_to="9999-12-31")
    assert response.status_code == 200 and len(found) == 5
    _r, found = results(client, date_from="9999-12-31")
    assert found == []
    _r, found = results(client, date_to="0001-01-01")
    assert found == []


def test_active_filters_are_shown_and_removable_one_by_one(client, archive):
    response, _found = results(client, type="speech", year=2019)
    html = response.text
    assert '<span class="active-filters__label">Type:</span> Speech' in html
    assert '<span class="active-filters__label">Year:</span> 2019' in html
    assert 'href="/en/publications/?year=2019"' in html  # removes the type
    assert 'href="/en/publications/?type=speech"' in html  # removes the year


def test_the_form_works_without_javascript_and_keeps_the_values(client, archive):
    response, _found = results(client, q="meeting", year=2019, type="speech")
    html = response.text
    assert '<form class="filters" method="get" action="/en/publications/"' in html
    assert 'name="q" value="meeting"' in html
    assert 'name="year" value="2019"' in html
    assert '<input type="checkbox" name="type" value="speech" id="id_type_0" checked>' in html


def test_the_words_stay_in_view_and_the_other_filters_fold_until_one_is_invalid(client, archive):
    html = results(client, q="meeting", type="speech")[0].text
    words, panel = html.split('<details class="filters__panel"', 1)
    assert 'name="q"' in words and 'name="q"' not in panel
    assert panel.startswith(">")  # folded
    for name in ("type", "speaker", "topic", "country", "date_from", "year", "sort"):
        assert f'name="{name}"' in panel and f'name="{name}"' not in words, name
    # A value refused is shown next to its field, and the message above the list links
    # to it: the panel is open then.
    html = results(client, year="abc")[0].text
    assert '<details class="filters__panel" open>' in html
    assert '<a href="#id_year">Year</a>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"year": "99999"},
        {"year": "1.5"},
        {"year": "abc"},
        {"month": "13"},
        {"date_from": "2019-02-30"},
        {"date_to": "yesterday"},
        {"speaker": "abc"},
        {"speaker": "999999"},
        {"type": "no-such-type"},
        {"country": "XX"},
        {"sort": "random"},
        {"q": "x" * 500},
        {"q": "\x00"},
        {"page": "2", "year": "abc"},
    ],
)
def test_invalid_values_get_a_message_and_the_other_filters_still_apply(client, archive, params):
    response = client.get("/en/publications/", {**params, "type": params.get("type", "speech")})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert 'class="form-errors"' in response.text
        for publication in response.context["publications"]:
            assert publication.type.code == "speech" or params.get("type") == "no-such-type"


def test_filters_never_show_unpublished_items(client):
    topic = TopicFactory(slug="embargo")
    PublicationFactory(topics=[topic], status=Publication.Status.DRAFT)
    PublicationFactory(topics=[topic], published_at=timezone.now() + timedelta(hours=1))
    _r, found = results(client, topic="embargo")
    assert found == []


# Taxonomy pages


def test_person_page_is_an_archive_of_their_publications(client, archive):
    lavrov = archive["lavrov"]
    response, found = results(client, f"/en/persons/{lavrov.pk}/")
    assert found == [archive["speech_2020"], archive["speech_2019"]]
    assert "<h1>Sergey Lavrov</h1>" in response.text
    assert 'name="speaker"' not in response.text  # its own term is not a filter there
    _r, found = results(client, f"/en/persons/{lavrov.pk}/", year=2019)
    assert found == [archive["speech_2019"]]


def test_topic_and_country_pages(client):
    topic = TopicFactory(slug="union-state", name_en="Union State")
    belarus = CountryFactory(code="BY")
    tagged = PublicationFactory(topics=[topic], countries=[belarus])
    PublicationFactory()
    _r, found = results(client, "/en/topics/union-state/")
    assert found == [tagged]
    response, found = results(client, "/en/countries/BY/")
    assert found == [tagged]
    assert "<h1>Belarus</h1>" in response.text
    assert client.get("/en/countries/by/").status_code == 200


def test_taxonomy_indexes_count_only_public_publications_in_that_language(client):
    lavrov = PersonFactory(name_en="Sergey Lavrov")
    silent = PersonFactory(name_en="Never Published")
    PublicationFactory(speakers=[lavrov], languages=("en", "ru"))
    PublicationFactory(speakers=[lavrov], languages=("ru",))
    PublicationFactory(speakers=[silent], status=Publication.Status.DRAFT)
    response = client.get("/en/persons/")
    assert response.status_code == 200
    assert [(p.name, p.publication_count) for p in response.context["terms"]] == [
        ("Sergey Lavrov", 1)
    ]
    assert "Never Published" not in response.text
    ru = client.get("/ru/persons/").context["terms"]
    assert [p.publication_count for p in ru] == [2]
    assert client.get("/en/topics/").status_code == 200
    assert client.get("/en/countries/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/en/persons/999999/", "/en/persons/abc/", "/en/topics/nope/", "/en/countries/ZZ/"]
)
def test_unknown_terms_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("facet", ["person", "topic", "country"])
def test_taxonomy_pages_advertise_their_own_feed(client, facet):
    person = PersonFactory(name_en="Sergey Lavrov")
    topic = TopicFactory(slug="union-state")
    country = CountryFactory(code="BY")
    tagged = PublicationFactory(speakers=[person], topics=[topic], countries=[country])
    PublicationFactory()
    page = {"person": person, "topic": topic, "country": country}[facet].get_absolute_url()
    html = client.get(page).text
    links = re.findall(
        r'<link rel="alternate" type="application/(rss|atom)\+xml" title="[^"]*" href="([^"]+)">',
        html,
    )
    assert len(links) == 2
    assert f'href="{links[0][1]}" type="application/rss+xml">RSS</a>' in html
    for _kind, url in links:
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == [tagged.title_en]


def test_a_reversed_date_range_is_refused_with_a_message_and_the_start_still_applies(
    client, archive
):
    response, found = results(client, date_from="2020-01-01", date_to="2019-01-01")
    assert "The end date is before the start date." in response.text
    assert 'class="form-errors"' in response.text
    assert found == [archive["speech_2020"]]  # from 1 January 2020, as far as it goes
    answer = client.get(
        "/api/publications", {"lang": "en", "date_from": "2020-01-01", "date_to": "2019-01-01"}
    )
    assert answer.status_code == 400
    assert "date_to" in answer.json()["errors"]


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, "date"),
        ({"q": "speech"}, "relevance"),
        ({"q": "speech", "sort": "date"}, "date"),
        ({"type": "speech"}, "date"),
    ],
)
def test_the_sort_order_shown_is_the_one_the_list_is_in(client, archive, params, shown):
    response = client.get("/en/publications/", params)
    select = response.text.split('name="sort"')[1].split("</select>")[0]
    assert re.findall(r'<option value="(\w+)" selected', select) == [shown]


def test_an_empty_filtered_list_says_so_and_offers_to_clear_the_filters(client, archive):
    response, found = results(client, year="2005")
    assert found == []
    assert "No publications match these filters." in response.text
    assert "Nothing has been published in this language yet." not in response.text
    assert '<a href="/en/publications/">Clear all</a></p>' in response.text
