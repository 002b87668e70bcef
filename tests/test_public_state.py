"""What is built once per change of what readers see (speeches.publishing.public_state).

The archive's filter options and the taxonomy lists are kept under a number that moves
on after each committed write; an embargo passing ends them too, with no write at all.
Here a commit is ``helpers.committed`` (the tests run in a transaction that is rolled
back); ``test_a_write_moves_the_number_on_only_when_it_commits`` checks what it stands for.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from speeches.models import Publication, PublicState
from speeches.public.filters import PublicationFilter
from speeches.publishing import public_state, services, workflow
from tests.factories import PersonFactory, PublicationFactory, TopicFactory
from tests.helpers import committed, queries_for

pytestmark = pytest.mark.django_db


def offered(client: Client, name: str, language: str = "en") -> list[str]:
    """The values the archive's filter ``name`` offers readers of ``language``."""
    form = client.get(f"/{language}/publications/").context["filterset"].form
    return [str(value) for value, _label in form.fields[name].choices if value != ""]


def test_a_write_moves_the_number_on_only_when_it_commits(django_capture_on_commit_callbacks):
    before = public_state.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        topic = TopicFactory()
        PublicationFactory(topics=[topic])  # a publication, its versions, a link: one move
    assert public_state.current() == before  # not before the commit
    assert callbacks == [public_state._bump]
    callbacks[0]()
    assert public_state.current() == before + 1


def test_work_in_progress_moves_nothing_until_readers_can_see_it(author, publisher):
    """A draft's saves, its versions and its submission change nothing readers see, so
    they end no kept page; publishing does, and so does every later edit."""
    draft = PublicationFactory(status=Publication.Status.DRAFT, languages=("en", "de"))
    draft.title_en = "Still a draft"
    services.publication_save(publication=draft, user=author)
    workflow.publication_submit(publication=draft, user=author)
    assert not public_state._pending()
    workflow.publication_publish(publication=draft, user=publisher)
    assert public_state._pending()
    committed()
    draft.title_en = "Corrected after publication"
    services.publication_save(publication=draft, user=publisher)
    assert public_state._pending()


def test_filter_options_are_built_once_and_cost_a_page_one_query():
    PublicationFactory(speakers=[PersonFactory(name_en="Anna Example")])
    committed()
    client = Client()
    first = queries_for(client, "/en/publications/")
    kept = queries_for(client, "/en/publications/")
    # The number is read once per request either way. Built besides: the next embargo,
    # the options' four term lists, the count of every public item, the entries' types
    # and speakers (read for entries not kept only), and the site identity with the
    # footer's pages.
    assert first - kept == 10
    body = client.get("/en/publications/?speaker=0").content.decode()
    assert "Anna Example" in body


def test_list_entries_are_rendered_once_per_change_and_never_for_a_search():
    """An entry (type, time, title, lead, speakers) is the same for every reader of a
    language: kept after its first page and shown anew after a change; a search result,
    marking the reader's words, is rendered for its request."""
    speaker = PersonFactory(name_en="Anna Example")
    publication = PublicationFactory(title_en="Talks in Geneva", speakers=[speaker])
    committed()
    client = Client()
    assert "Anna Example" in client.get("/en/publications/").text
    assert queries_for(client, "/en/publications/") == 2  # the number, the page's items
    speaker.name_en = "Anna Renamed"
    speaker.save()
    committed()
    page = client.get("/en/publications/").text
    assert "Anna Renamed" in page and "Anna Example" not in page
    found = client.get("/en/publications/", {"q": "Geneva"}).text
    assert "<mark>Geneva</mark>" in found
    assert "<mark>" not in client.get("/en/publications/").text
    assert publication.get_absolute_url() in found


@pytest.mark.parametrize(
    "params",
    [
        {"q": "treaty"},
        {"q": '"treaty" -<b>"& \'talks\'', "sort": "date"},
        {"q": "  treaty  ", "sort": "relevance", "page": "1"},
    ],
)
def test_a_searchs_kept_form_is_the_form_it_would_render_with_its_words(params):
    """A search alone fills its words into a form kept per change (``SEARCH_SLOT``): the
    same HTML as the form rendered for the request, the words escaped."""
    PublicationFactory(title_en="Treaty talks")
    committed()
    client = Client()
    for _ in range(2):  # built, then read from the cache
        response = client.get("/en/publications/", params)
        request = response.wsgi_request
        filterset = PublicationFilter(
            request.GET, queryset=Publication.objects.all(), language="en"
        )
        rendered = render_to_string(
            "speeches/includes/filter_form.html",
            {
                "filter_form": filterset.form,
                "panel_count": filterset.panel_count(),
                "request": request,
            },
        )
        assert response.context["kept_filter_form"] == rendered
    assert escape(params["q"]) in response.text


def summary(html: str) -> str:
    """What the folded filters' summary says ("Filters", "Filters (2)")."""
    found = re.search(r'<summary class="filters__summary">(.*?)</summary>', html, re.S)
    return " ".join(found.group(1).split())


def test_the_count_of_filters_in_use_is_right_for_every_reader_of_a_kept_form():
    """The summary of the folded filters counts those in use beside the words. Forms kept
    for every reader of a list (one facet, or a search alone) are built by whoever asks
    first: each later reader of the same kept form, whatever else their address says,
    gets the count that is right for them."""
    speaker = PersonFactory()
    topic = TopicFactory(slug="arctic")
    year = timezone.localtime(
        PublicationFactory(title_en="Arctic talks", speakers=[speaker], topics=[topic]).published_at
    ).year
    committed()
    client = Client()
    person = f"/en/persons/{speaker.pk}/"
    for url, shown in [
        ("/en/publications/?type=speech&page=1", "Filters (1)"),  # builds the type's form
        ("/en/publications/?type=speech", "Filters (1)"),  # kept
        ("/en/publications/?page=1", "Filters"),
        ("/en/publications/", "Filters"),  # kept
        ("/en/publications/?q=arctic&sort=date", "Filters"),  # the words are not folded
        ("/en/publications/?q=talks&sort=date", "Filters"),  # kept, with a slot for them
        (f"/en/publications/?q=arctic&type=speech&year={year}", "Filters (2)"),
        (f"/en/publications/?year={year}&month=13", "Filters (1)"),  # an invalid value
        (f"{person}?topic=arctic", "Filters (1)"),  # the page's own term is not a filter
        (f"{person}?topic=arctic&page=1", "Filters (1)"),  # kept
        (person, "Filters"),
    ]:
        assert summary(client.get(url).text) == shown, url


def test_a_facets_count_is_kept_per_change_and_a_combination_counted_each_time():
    speaker = PersonFactory()
    year = timezone.localtime(PublicationFactory(speakers=[speaker]).published_at).year
    committed()
    client = Client()
    one_facet = f"/en/publications/?speaker={speaker.pk}"
    combination = f"/en/publications/?speaker={speaker.pk}&year={year}"
    for url in (one_facet, combination):
        client.get(url)
    # The number, the page's items (on PostgreSQL their ids first: FromEitherEndPaginator).
    by_ids = connection.vendor == "postgresql"
    assert queries_for(client, one_facet) == 2 + by_ids
    assert queries_for(client, combination) == 3 + by_ids  # and the count
    PublicationFactory(speakers=[speaker])
    committed()
    assert "2 publications" in client.get(one_facet).text
    # The form of such a list is kept too, with its own value chosen, and another
    # value's list has its own.
    other = PersonFactory()
    PublicationFactory(speakers=[other])
    committed()
    for person in (speaker, other, speaker):
        page = client.get(f"/en/publications/?speaker={person.pk}").text
        assert f'<option selected value="{person.pk}">' in page
        assert page.count("<option selected ") == 1


def test_a_committed_change_is_offered_at_once():
    client = Client()
    PublicationFactory(speakers=[PersonFactory()])
    committed()
    assert len(offered(client, "speaker")) == 1
    newcomer = PersonFactory(name_en="Boris Newcomer")
    PublicationFactory(speakers=[newcomer])
    committed()
    assert str(newcomer.pk) in offered(client, "speaker")
    response = client.get(f"/en/publications/?speaker={newcomer.pk}")
    assert f'<option selected value="{newcomer.pk}">Boris Newcomer</option>' in (
        response.content.decode()
    )


def test_a_withdrawn_items_terms_leave_the_kept_options():
    client = Client()
    topic = TopicFactory(slug="only-here")
    item = PublicationFactory(topics=[topic])
    committed()
    assert "only-here" in offered(client, "topic")
    item.status = Publication.Status.WITHDRAWN
    item.save()
    committed()
    assert "only-here" not in offered(client, "topic")
    assert client.get("/en/topics/only-here/").status_code == 404


def test_an_embargo_ends_what_was_kept_to_the_second_without_any_write():
    client = Client()
    release = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    PublicationFactory(topics=[TopicFactory(slug="always")])
    PublicationFactory(topics=[TopicFactory(slug="embargoed")], published_at=release)
    committed()
    version = public_state.current()
    with time_machine.travel(release - timedelta(seconds=1), tick=False):
        assert offered(client, "topic") == ["always"]
        assert offered(client, "topic") == ["always"]  # kept
    with time_machine.travel(release, tick=False):
        assert sorted(offered(client, "topic")) == ["always", "embargoed"]
        topics = client.get("/en/topics/").content.decode()
        assert "/en/topics/embargoed/" in topics
    assert public_state.current() == version  # nothing was written


def test_an_open_transaction_that_wrote_reads_its_own_view_and_keeps_nothing():
    """A writer's uncommitted rows must never reach the cache other readers read."""
    client = Client()
    PublicationFactory(topics=[TopicFactory(slug="uncommitted")])
    assert "uncommitted" in offered(client, "topic")
    kept = f"public-state:{public_state.current()}:filter-options:en"
    assert cache.get(kept) is None, "an uncommitted view was kept"


def test_each_language_keeps_its_own_names_and_order():
    client = Client()
    PublicationFactory(
        languages=("en", "ru"),
        topics=[TopicFactory(slug="security", name_en="Security", name_ru="Безопасность")],
    )
    committed()
    english = client.get("/en/publications/").content.decode()
    russian = client.get("/ru/publications/").content.decode()
    assert '<option value="security">Security</option>' in english
    assert '<option value="security">Безопасность</option>' in russian
    assert PublicState.objects.count() == 1


def test_an_unfiltered_archive_keeps_its_count_and_a_filtered_one_counts():
    client = Client()
    topic = TopicFactory(slug="kept")
    for _ in range(3):
        PublicationFactory(topics=[topic])
    PublicationFactory()  # without the topic
    committed()

    def count(url: str) -> int:
        return client.get(url).context["paginator"].count

    assert [count("/en/publications/?topic=kept"), count("/en/publications/")] == [3, 4]
    assert [count("/en/publications/?topic=kept"), count("/en/publications/")] == [3, 4]
    assert [count("/en/topics/kept/"), count("/en/topics/kept/")] == [3, 3]
    PublicationFactory(topics=[topic])
    committed()
    assert [count("/en/publications/"), count("/en/topics/kept/")] == [5, 4]


def test_the_taxonomy_lists_are_rendered_once_per_change():
    client = Client()
    PublicationFactory(speakers=[PersonFactory(name_en="Anna Example")])
    committed()
    first = queries_for(client, "/en/persons/")
    assert queries_for(client, "/en/persons/") == 1  # the number; the list is kept
    assert first > 1
    assert "Anna Example" in client.get("/en/persons/").content.decode()
    PublicationFactory(speakers=[PersonFactory(name_en="Boris Newcomer")])
    committed()
    assert "Boris Newcomer" in client.get("/en/persons/").content.decode()
