"""The publications' list in the admin: its search and its filters (speeches.admin.changelist).

The staff's search finds an item by a word of any language version's text in whatever
state the item or the version is in, by a speaker's name, by its reference or number; the
filters give the states and each language's status in the badges' words. Both databases.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from speeches.editorial import search
from speeches.models import LanguageVersion, Publication
from speeches.publishing import workflow
from tests.factories import PersonFactory, PublicationFactory, publication_in_state
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db

LIST = "/admin/speeches/publication/"
STATES = ("draft", "in_review", "scheduled", "published", "withdrawn", "unpublished")


def listed(client, **params) -> list[int]:
    response = client.get(LIST, params)
    assert response.status_code == 200
    return [publication.pk for publication in response.context["cl"].result_list]


@pytest.fixture
def staff(publisher):
    return logged_in(publisher)


# Search


@pytest.mark.parametrize("state", STATES)
def test_a_word_of_a_russian_text_finds_the_item_in_any_state(state, staff, publisher):
    item = publication_in_state(
        state,
        publisher=publisher,
        languages=("ru",),
        title_ru="Выступление министра",
        body_ru="<p>Заключительное слово на пресс-конференции.</p>",
    )
    PublicationFactory(languages=("ru",), body_ru="<p>Вступительное слово.</p>")
    # Another form of the word: stemmed as Russian stems it.
    assert listed(staff, q="Заключительный") == [item.pk]
    assert listed(staff, q="заключительное слово") == [item.pk]


def test_a_title_word_finds_the_item_in_its_language(staff):
    item = PublicationFactory(languages=("en", "de"), title_de="Rede zur Abrüstungspolitik")
    PublicationFactory(languages=("en", "de"))
    assert listed(staff, q="Abrüstungspolitik") == [item.pk]


def test_a_translation_in_progress_and_a_hidden_one_are_found(staff):
    working = PublicationFactory(
        languages=("en", "de"), body_de="<p>Eine unfertige Übersetzung zur Abschlusserklärung.</p>"
    )
    LanguageVersion.objects.filter(publication=working, language="de").update(
        status=LanguageVersion.Status.IN_PROGRESS
    )
    hidden = PublicationFactory(
        languages=("en", "fr"), body_fr="<p>Une traduction périmée sur la déclaration finale.</p>"
    )
    LanguageVersion.objects.filter(publication=hidden, language="fr").update(
        status=LanguageVersion.Status.OUTDATED, hidden=True
    )
    assert listed(staff, q="Abschlusserklärung") == [working.pk]
    assert listed(staff, q="périmée") == [hidden.pk]


def test_a_speakers_full_name_finds_the_items_where_they_speak(staff):
    lavrov = PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")
    ryabkov = PersonFactory(name_en="Sergey Ryabkov", name_ru="Сергей Рябков")
    speaks = PublicationFactory(speakers=[lavrov])
    also = publication_in_state("draft", speakers=[lavrov, ryabkov])
    PublicationFactory(speakers=[ryabkov])
    PublicationFactory(languages=("ru",), body_ru="<p>Сергей пришёл.</p>")
    newest_first = [p.pk for p in sorted([speaks, also], key=lambda p: p.published_at)][::-1]
    assert listed(staff, q="Сергей Лавров") == newest_first
    assert listed(staff, q="лавров сергей") == newest_first
    assert listed(staff, q="Sergey Lavrov") == newest_first
    assert listed(staff, q="Лавр") == newest_first
    assert speaks.pk not in listed(staff, q="Сергей Рябков")


def test_a_reference_or_a_number_finds_the_item(staff):
    item = PublicationFactory(reference="2345-12-12-2026")
    other = PublicationFactory()
    assert listed(staff, q="2345-12-12-2026") == [item.pk]
    assert listed(staff, q=f"#{other.pk}") == [other.pk]


def test_the_search_keeps_to_the_lists_filters(staff, publisher):
    body = {"languages": ("en",), "body_en": "<p>The communiqué on fisheries.</p>"}
    review = publication_in_state("in_review", publisher=publisher, **body)
    publication_in_state("draft", publisher=publisher, **body)
    PublicationFactory(**body)
    assert listed(staff, q="fisheries", state="in_review") == [review.pk]
    assert len(listed(staff, q="fisheries")) == 3


def test_a_search_that_finds_more_than_it_lists_says_so(staff, monkeypatch):
    monkeypatch.setattr(search, "LIMIT", 3)
    items = [PublicationFactory(body_en="<p>Fisheries again.</p>") for _ in range(5)]
    response = staff.get(LIST, {"q": "fisheries"})
    newest = sorted(items, key=lambda p: p.published_at, reverse=True)[:3]
    assert [p.pk for p in response.context["cl"].result_list] == [p.pk for p in newest]
    assert "Only the newest 3 matches are listed" in response.text
    assert "Only the newest" not in staff.get(LIST, {"q": "Fisheries", "state": "draft"}).text


@pytest.mark.parametrize(
    "text",
    ["", "   ", '"', "-", "or", "!!!", "'; DROP TABLE x; --", "a" * 300, "\x00", "#", "9" * 30],
)
def test_no_search_text_breaks_the_list(text, staff):
    PublicationFactory()
    response = staff.get(LIST, {"q": text})
    assert response.status_code == 200


def test_the_autocomplete_of_a_replacement_uses_the_staff_search(staff):
    item = PublicationFactory(body_en="<p>On the delimitation of the shelf.</p>")
    response = staff.get(
        "/admin/autocomplete/",
        {
            "app_label": "speeches",
            "model_name": "publication",
            "field_name": "replaced_by",
            "term": "delimitation",
        },
    )
    assert [row["id"] for row in response.json()["results"]] == [str(item.pk)]


# Filters


def test_the_state_filter_tells_scheduled_from_published(staff, publisher):
    items = {state: publication_in_state(state, publisher=publisher) for state in STATES}
    for state, item in items.items():
        assert listed(staff, state=state) == [item.pk], state
    assert len(listed(staff)) == len(STATES)
    assert len(listed(staff, state="nonsense")) == len(STATES)


def test_the_language_status_filter_reads_each_languages_status(staff):
    ready = PublicationFactory(languages=("en", "de"))
    working = PublicationFactory(languages=("en", "de"))
    LanguageVersion.objects.filter(publication=working, language="de").update(
        status=LanguageVersion.Status.IN_PROGRESS
    )
    outdated = PublicationFactory(languages=("en", "de"))
    LanguageVersion.objects.filter(publication=outdated, language="de").update(
        status=LanguageVersion.Status.OUTDATED, hidden=True
    )
    english_only = PublicationFactory(languages=("en",))
    assert listed(staff, language_status="de:ready") == [ready.pk]
    assert listed(staff, language_status="de:in_progress") == [working.pk]
    assert listed(staff, language_status="de:outdated") == []
    assert listed(staff, language_status="de:hidden") == [outdated.pk]
    assert listed(staff, language_status="de:missing") == [english_only.pk]
    # The original is a version too: ready once its title and text are filled.
    assert len(listed(staff, language_status="en:ready")) == 4
    assert listed(staff, language_status="en:missing") == []
    for nonsense in ("de", "xx:ready", "de:gone", ":"):
        assert len(listed(staff, language_status=nonsense)) == 4


def test_the_language_status_filter_is_one_line_per_language(staff):
    PublicationFactory()
    html = staff.get(LIST, {"language_status": "fr:outdated"}).text
    assert html.count('class="language-status-filter"') == 6
    assert html.count("status-badge--hidden") == 6
    assert (
        'href="?language_status=fr%3Aoutdated" class="status-badge status-badge--outdated' in html
    )
    assert html.count('aria-current="true"') == 1


def test_old_links_by_status_still_filter(staff, publisher):
    review = publication_in_state("in_review", publisher=publisher)
    PublicationFactory()
    assert listed(staff, status__exact="in_review") == [review.pk]


def test_the_date_filter_and_hierarchy_stay(staff):
    old = PublicationFactory(published_at=timezone.now() - timedelta(days=400))
    new = PublicationFactory(published_at=timezone.now() - timedelta(days=1))
    response = staff.get(LIST)
    [dates] = [f for f in response.context["cl"].filter_specs if f.title == "date and time"]
    week = next(c for c in dates.choices(response.context["cl"]) if c["display"] == "Past 7 days")
    in_the_week = staff.get(LIST + week["query_string"]).context["cl"].result_list
    assert [p.pk for p in in_the_week] == [new.pk]
    year = timezone.localtime(old.published_at).year
    assert listed(staff, published_at__year=year) == [old.pk]


def test_every_version_is_in_exactly_one_of_the_search_tables(publisher):
    """PostgreSQL: readers' entries hold the listed versions, the unlisted table every
    other one, kept by the triggers through every change of state."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 tables hold every text (speeches.public.fts)")
    items = {
        state: publication_in_state(state, publisher=publisher, languages=("en", "de"))
        for state in STATES
    }
    hidden = PublicationFactory(languages=("en", "fr"))
    LanguageVersion.objects.filter(publication=hidden, language="fr").update(
        status=LanguageVersion.Status.OUTDATED, hidden=True
    )
    workflow.publication_withdraw(
        publication=items["published"], user=publisher, explanation="Wrong figures."
    )

    def rows(table):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT publication_id, language FROM {table}")
            return set(cursor.fetchall())

    listed_now = rows("speeches_search_entry")
    unlisted = rows("speeches_search_unlisted")
    every = set(LanguageVersion.objects.values_list("publication_id", "language"))
    assert listed_now | unlisted == every
    assert not listed_now & unlisted
    assert listed_now == {
        (items["scheduled"].pk, "en"),
        (items["scheduled"].pk, "de"),
        (hidden.pk, "en"),
    }


def test_the_searchs_planner_settings_end_with_it(staff):
    """PostgreSQL: the index-only plan is the search statement's; the list's own queries
    after it, in the same transaction, plan as usual."""
    if connection.vendor != "postgresql":
        pytest.skip("planner settings are PostgreSQL's")
    PublicationFactory(body_en="<p>Fisheries.</p>")
    search.staff_search(Publication.objects.all(), "fisheries")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_indexscan'), current_setting('enable_seqscan')"
        )
        assert cursor.fetchone() == ("on", "on")
