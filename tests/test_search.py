"""Full-text search in the reader's language, on PostgreSQL and on the SQLite fallback."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from speeches.models import LanguageVersion, Publication
from speeches.public import search
from speeches.public.search import parse_query
from tests.factories import PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)


def results(client, language: str, **params) -> list[Publication]:
    response = client.get(f"/{language}/publications/", params)
    assert response.status_code == 200
    return list(response.context["publications"])


def test_search_finds_words_in_the_readers_language_with_highlights(client, collegiums):
    PublicationFactory(languages=("en", "ru"), title_en="Something else", title_ru="Другое")
    english = client.get("/en/publications/", {"q": "collegiums"})
    assert list(english.context["publications"]) == [collegiums]
    assert "<mark>collegiums</mark>" in english.text
    russian = client.get("/ru/publications/", {"q": "коллегий"})
    assert list(russian.context["publications"]) == [collegiums]
    assert "<mark>коллегий</mark>" in russian.text


def test_a_query_in_another_language_finds_nothing(client, collegiums):
    assert results(client, "en", q="коллегий") == []
    assert results(client, "ru", q="collegiums") == []


def test_search_is_case_insensitive_in_every_script(client, collegiums):
    assert results(client, "ru", q="КОЛЛЕГИЙ") == [collegiums]
    assert results(client, "en", q="COLLEGIUMS") == [collegiums]


def test_quotes_minus_and_or(client):
    union = PublicationFactory(title_en="The Union State of two countries", body_en="<p>x</p>")
    other = PublicationFactory(title_en="A state visit to the union", body_en="<p>y</p>")
    assert results(client, "en", q='"union state"') == [union]
    assert set(results(client, "en", q="union state")) == {union, other}
    assert results(client, "en", q="union -visit") == [union]
    assert set(results(client, "en", q="countries or visit")) == {union, other}


def test_relevance_puts_title_matches_first_and_date_sorts_newest(client):
    old_title = PublicationFactory(
        title_en="Arms control talks", published_at=timezone.now() - timedelta(days=30)
    )
    new_body = PublicationFactory(
        title_en="Weekly briefing",
        body_en="<p>Questions on arms control were raised.</p>",
        published_at=timezone.now() - timedelta(days=1),
    )
    assert results(client, "en", q="arms control") == [old_title, new_body]
    assert results(client, "en", q="arms control", sort="date") == [new_body, old_title]


def test_search_combines_with_filters(client):
    topic = TopicFactory(slug="security")
    tagged = PublicationFactory(title_en="Security talks", topics=[topic])
    PublicationFactory(title_en="Security conference")
    assert results(client, "en", q="security", topic="security") == [tagged]


def test_search_never_shows_unpublished_items(client):
    PublicationFactory(title_en="Secret embargo text", status=Publication.Status.DRAFT)
    PublicationFactory(
        title_en="Secret embargo text", published_at=timezone.now() + timedelta(minutes=5)
    )
    PublicationFactory(languages=("ru",), title_ru="Secret embargo text")
    assert results(client, "en", q="secret") == []


def test_highlights_escape_the_text(client):
    PublicationFactory(title_en="Rules <b>and</b> treaties", body_en="<p>1 &lt; 2 treaties</p>")
    response = client.get("/en/publications/", {"q": "treaties"})
    assert "Rules &lt;b&gt;and&lt;/b&gt; <mark>treaties</mark>" in response.text
    assert "1 &lt; 2 <mark>treaties</mark>" in response.text


def test_a_search_shows_its_newest_matches_up_to_the_limit_and_says_so(client, monkeypatch):
    monkeypatch.setattr(search, "RESULT_LIMIT", 3)
    matching = [
        PublicationFactory(
            title_en=f"Harvest report {n}", published_at=timezone.now() - timedelta(days=n)
        )
        for n in range(1, 6)
    ]
    for sort in ("relevance", "date"):
        response = client.get("/en/publications/", {"q": "harvest", "sort": sort})
        assert list(response.context["publications"]) == matching[:3]
        assert response.context["paginator"].count == 3
        assert "A search shows its newest 3 matches." in response.text
    fewer = client.get("/en/publications/", {"q": "report 1"})
    assert "A search shows its newest" not in fewer.text


def test_query_parser_follows_websearch_syntax():
    parsed = parse_query('"Union State" -NATO belarus or russia')
    assert parsed.groups == [["union state", "belarus"], ["russia"]]
    assert parsed.excluded == ["nato"]
    assert parse_query("  ").groups == []


sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own search index (speeches.public.fts)"
)


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("ru", "Стороны провели раунд переговоров в Минске.", "переговоры"),
        ("ru", "Об этом шла речь на переговорах.", "переговоры"),
        ("ru", "На совместном заседании коллегий министерств.", "коллегия"),
        ("en", "The parties negotiated for two days.", "negotiations"),
        ("de", "Die Verhandlung dauerte zwei Tage.", "Verhandlungen"),
        ("fr", "Les négociations ont duré deux jours.", "négociation"),
        ("es", "Las negociaciones duraron dos días.", "negociación"),
        ("ar", "وزير الخارجية في المؤتمر الصحفي", "مؤتمر صحفي"),
    ],
)
def test_search_stems_each_language_on_both_databases(client, language, text, query):
    """PostgreSQL with its text-search configurations, SQLite with the same Snowball
    algorithms (``speeches.public.fts``): any form of a word finds the others."""
    found = PublicationFactory(
        languages=(language,), **{f"title_{language}": "—", f"body_{language}": f"<p>{text}</p>"}
    )
    assert results(client, language, q=query) == [found]


def test_a_word_is_matched_whole_not_as_a_substring(client):
    PublicationFactory(title_en="Regional stability", body_en="<p>Stability first.</p>")
    assert results(client, "en", q="stabilit") == []
    assert len(results(client, "en", q="stable")) == 0
    assert len(results(client, "en", q="stabilities")) == 1


def test_nothing_found_offers_the_same_search_in_the_languages_that_have_it(client, collegiums):
    """A search that finds nothing says so, and how many items the same words find in each
    other language (public items only), linking there."""
    PublicationFactory(languages=("de",), title_de="Kollegien", status=Publication.Status.DRAFT)
    PublicationFactory(
        languages=("fr",),
        title_fr="Collegiums futurs",
        published_at=timezone.now() + timedelta(hours=1),
    )
    response = client.get("/de/publications/", {"q": "collegiums"})
    assert list(response.context["publications"]) == []
    assert 'class="elsewhere"' in response.text
    elsewhere = response.context["elsewhere"]
    assert [(item.code, item.count) for item in elsewhere] == [("en", 1)]
    assert "/en/publications/?q=collegiums" in response.text
    russian = client.get("/en/publications/", {"q": "коллегия"})
    assert [(item.code, item.count) for item in russian.context["elsewhere"]] == [("ru", 1)]
    assert client.get("/en/publications/", {"q": "collegiums"}).context.get("elsewhere") is None


def entries() -> set[tuple[int, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT publication_id, language FROM speeches_search_entry")
        return set(cursor.fetchall())


@postgresql_only
def test_every_language_has_a_partition_of_search_entries_with_its_indexes():
    from django.conf import settings

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes"
            " WHERE tablename LIKE 'speeches_search_entry%%'"
        )
        indexes = cursor.fetchall()
    for code, _name in settings.LANGUAGES:
        partition = [index for table, index in indexes if table == f"speeches_search_entry_{code}"]
        assert any("USING gin (vector)" in index for index in partition), code
        assert any("(language, published_at DESC, publication_id DESC)" in i for i in partition)


@postgresql_only
def test_search_entries_are_the_listed_versions_on_every_write_path(client):
    """The database keeps one entry per listed language version (migration 0021), whatever
    writes: saves, queryset updates that skip save(), deletions; the embargo is checked
    by the search itself, at the request's instant."""
    publication = PublicationFactory(languages=("en", "ru"), title_en="Original title")
    pk, versions = publication.pk, LanguageVersion.objects.filter(publication=publication)
    both = {(pk, "en"), (pk, "ru")}
    assert entries() == both
    Publication.objects.filter(pk=pk).update(title_en="Renamed communique")
    assert results(client, "en", q="communique") == [publication]
    assert results(client, "en", q="original") == []
    versions.filter(language="ru").update(hidden=True)
    assert entries() == {(pk, "en")}
    versions.filter(language="ru").update(hidden=False)
    assert entries() == both
    versions.filter(language="ru").update(status=LanguageVersion.Status.IN_PROGRESS)
    assert entries() == {(pk, "en")}
    versions.filter(language="ru").update(status=LanguageVersion.Status.OUTDATED)
    assert entries() == both
    for status in (Publication.Status.WITHDRAWN, Publication.Status.DRAFT):
        Publication.objects.filter(pk=pk).update(status=status)
        assert entries() == set()
        assert results(client, "en", q="communique") == []
        Publication.objects.filter(pk=pk).update(status=Publication.Status.PUBLISHED)
        assert entries() == both
    at = timezone.now() + timedelta(minutes=5)
    Publication.objects.filter(pk=pk).update(published_at=at)
    with time_machine.travel(at - timedelta(seconds=1), tick=False):
        assert results(client, "en", q="communique") == []
    with time_machine.travel(at, tick=False):
        assert results(client, "en", q="communique") == [publication]
    versions.filter(language="ru").delete()
    assert entries() == {(pk, "en")}
    publication.delete()
    assert entries() == set()


def test_a_search_on_a_term_page_finds_only_that_terms_items(client):
    topic = TopicFactory()
    inside = PublicationFactory(title_en="Grain corridor", topics=[topic])
    PublicationFactory(title_en="Grain corridor")
    response = client.get(topic.get_absolute_url(), {"q": "grain"})
    assert list(response.context["publications"]) == [inside]
    assert response.context["paginator"].count == 1


@postgresql_only
def test_a_rare_search_reads_the_index_and_a_common_one_the_newest_items(client):
    """The planner's estimate decides (``search.planned``): under a quarter of the items
    matching, the GIN index alone (plain index and sequential scans off, in a transaction
    of the search's own); more, the items newest first, as the planner chooses."""
    for n in range(12):
        PublicationFactory(
            title_en=f"Harvest {n}", body_en=f"<p>Grain {'zebra' if n == 0 else 'wheat'}.</p>"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE speeches_search_entry")

    def statements(text: str) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            found = results(client, "en", q=text)
        assert found, text
        return [query["sql"] for query in queries.captured_queries]

    def index_only(text: str) -> bool:
        return any("set_config('enable_indexscan', 'off', true)" in sql for sql in statements(text))

    assert index_only("zebra")
    assert not index_only("harvest")

    # The settings are the search's alone: inside a caller's transaction (this test's),
    # the queries after it plan as usual.
    with search.planned("zebra", language="en"), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan')")
        assert cursor.fetchone() == ("off",)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_indexscan'), current_setting('enable_seqscan')"
        )
        assert cursor.fetchone() == ("on", "on")


def test_search_results_count_their_ids_and_show_only_rows_still_public():
    """``SearchResults`` (PostgreSQL's search results): ids found once, in their order;
    a page reads its rows under the list's conditions, so an item withdrawn or unpublished
    after the ids were found is not shown."""
    first, second, third = (PublicationFactory(title_en=f"Item {n}") for n in range(3))
    results = search.SearchResults(
        Publication.objects.available_in("en"), [third.pk, first.pk, second.pk]
    )
    assert results.count() == len(results) == 3
    assert results[0:2] == [third, first]
    second.status = Publication.Status.DRAFT
    second.save()
    assert results[0:3] == [third, first]
    assert results[1] == first
    assert search.SearchResults(Publication.objects.all(), [])[0:20] == []


def test_a_snippet_marks_a_word_deep_in_a_long_text_in_any_of_its_forms(client):
    """The snippet is cut from a window around the first place a query word seems to be
    (``search.SNIPPET_WINDOW``), wherever that is in the text."""
    filler = " ".join(["Колеги обсудили повестку дня."] * 300)  # some 9,000 characters
    PublicationFactory(
        languages=("ru",),
        title_ru="Заявление",
        body_ru=f"<p>{filler} Состоялись переговорах о безопасности.</p>",
    )
    response = client.get("/ru/publications/", {"q": "переговоры"})
    (entry,) = response.context["publication_entries"]
    assert "<mark>переговорах</mark>" in entry


def fts_rows(language: str) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM speeches_search_fts_{language}")
        return {pk for (pk,) in cursor.fetchall()}


@sqlite_only
def test_sqlites_index_follows_every_write_path(client):
    """Triggers keep SQLite's stemmed index current whatever writes: saves, queryset
    updates that skip save(), bulk inserts, deletions."""
    publication = PublicationFactory(languages=("en", "ru"), title_en="Original title")
    pk = publication.pk
    assert pk in fts_rows("en") and pk in fts_rows("ru") and pk not in fts_rows("de")
    Publication.objects.filter(pk=pk).update(title_en="Renamed communiques")
    assert results(client, "en", q="communique") == [publication]
    assert results(client, "en", q="original") == []
    Publication.objects.filter(pk=pk).update(title_de="Mitteilungen")
    assert pk in fts_rows("de")
    [bulk] = Publication.objects.bulk_create(
        [Publication(type=publication.type, title_en="Bulk harvest", status="draft")]
    )
    assert bulk.pk in fts_rows("en")
    publication.delete()
    assert pk not in fts_rows("en") | fts_rows("ru") | fts_rows("de")


@sqlite_only
def test_sqlites_index_is_rebuilt_when_a_migration_drops_its_triggers(client):
    """SQLite alters a table by copying it, which drops its triggers: after ``migrate``
    they are back and the index rebuilt, with what was written in between."""
    from speeches.public import fts

    publication = PublicationFactory(title_en="Before the copy")
    with connection.cursor() as cursor:
        for name in fts.trigger_sql():
            cursor.execute(f"DROP TRIGGER {name}")
    Publication.objects.filter(pk=publication.pk).update(title_en="Written meanwhile")
    assert results(client, "en", q="meanwhile") == []
    assert fts.ensure(connection) is True
    assert results(client, "en", q="meanwhile") == [publication]
    assert fts.ensure(connection) is False  # nothing missing: nothing rebuilt


def test_stems_ignore_case_marks_and_tatweel():
    from speeches.public import fts

    assert fts.stems("КОЛЛЕГИЙ коллегия", "ru") == ["коллег", "коллег"]
    assert fts.stems("الوزيـــر", "ar") == fts.stems("الوزير", "ar")
    assert fts.stems("الْوَزِير", "ar") == fts.stems("الوزير", "ar")
    assert fts.stems("snake_case 2024", "en") == ["snake", "case", "2024"]
    assert fts.match_expression(parse_query('"union state" -nato x or y'), "en") == (
        '(("union state" AND "x") OR ("y")) NOT ("nato")'
    )
    assert fts.match_expression(parse_query("-only"), "en") is None
