"""Public pages and the admin changelist issue a constant number of queries."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext

from speeches.identity import services as identity_services
from speeches.models import FooterPage, Material, Publication, PublicationMaterial, SiteIdentity
from speeches.publishing import services
from tests import media_files
from tests.factories import (
    ALL_LANGUAGES,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    rich_publications,
    rich_publications_like,
)
from tests.helpers import committed, measured_once, queries_for

pytestmark = pytest.mark.django_db


# Each public page, by the test id it is checked under.
PAGES = {
    "home": lambda p: "/en/",
    "archive": lambda p: "/en/publications/",
    "archive-ar": lambda p: "/ar/publications/",
    "archive-filtered": lambda p: "/en/publications/?topic=" + p.topics.first().slug,
    "search-relevance": lambda p: (
        "/en/publications/?q=publication&type=speech&sort=relevance"
        f"&year={timezone.localtime(p.published_at).year}"
    ),
    "search-date": lambda p: (
        "/en/publications/?q=publication&sort=date&country=" + p.countries.first().code
    ),
    "person": lambda p: f"/en/persons/{p.speakers.first().pk}/",
    "topic": lambda p: f"/en/topics/{p.topics.first().slug}/",
    "country-search": lambda p: f"/en/countries/{p.countries.first().code}/?q=publication",
    "persons": lambda p: "/en/persons/",
    "topics": lambda p: "/en/topics/",
    "countries": lambda p: "/en/countries/",
    "detail": lambda p: p.get_absolute_url("en"),
    "detail-ar": lambda p: p.get_absolute_url("ar"),
    "home-ar": lambda p: "/ar/",
    "footer-page": lambda p: "/en/pages/privacy/",
}


@pytest.fixture(scope="module")
def page_queries(django_db_setup, django_db_blocker) -> dict[str, tuple[int, int]]:
    """Each page's queries with one rich publication, and with 31 (measured once for all),
    as readers meet them once the items are saved: with what is kept per change."""
    client = Client()
    with measured_once(django_db_blocker):
        first = rich_publications(1)[0]
        site_identity_and_pages()
        committed()
        urls = {page: url_of(first) for page, url_of in PAGES.items()}
        with_one = {
            page: queries_for(client, url, follow=True, warm=True) for page, url in urls.items()
        }
        rich_publications_like(first, 30)
        committed()
        return {
            page: (with_one[page], queries_for(client, url, follow=True, warm=True))
            for page, url in urls.items()
        }


def site_identity_and_pages() -> None:
    """What every page's header and footer show: the ministry's name, emblem, colours and
    contacts, and a footer page."""
    identity = SiteIdentity(
        name_en="Ministry",
        email="press@example.org",
        emblem=ContentFile(media_files.png_bytes(), name="emblem.png"),
    )
    identity_services.identity_save(identity=identity, user=None)
    identity_services.footer_page_save(
        page=FooterPage(kind="privacy", title_en="Privacy", content_en="<p>None.</p>"), user=None
    )


@pytest.mark.parametrize("page", PAGES)
def test_public_pages_issue_the_same_queries_for_1_and_30_items(page, page_queries):
    with_one, with_many = page_queries[page]
    assert with_one == with_many
    # A search on PostgreSQL also asks the planner how common its words are, finds its
    # newest matches and ranks them once (search.planned, search._apply_postgresql), and a
    # rare one sets its plan in a transaction of its own (BEGIN, the setting, COMMIT).
    searching = "search" in page and connection.vendor == "postgresql"
    assert with_many <= (12 if searching else 8)


def test_admin_changelist_queries_do_not_grow_with_items(editor_client):
    rich_publications(1)
    # The session's first request starts its clocks (speeches.accounts.signin): once per session.
    editor_client.get("/admin/")
    with_one = queries_for(editor_client, "/admin/speeches/publication/", follow=True)
    rich_publications(30)
    assert queries_for(editor_client, "/admin/speeches/publication/", follow=True) == with_one


@pytest.mark.parametrize(
    "search",
    [
        lambda first: {"q": "publication"},  # a word of every language's title and text
        lambda first: {"q": first.speakers.first().name_en},  # a speaker's full name
        lambda first: {"q": "text", "state": "published", "language_status": "de:ready"},
    ],
    ids=["word", "speaker", "filtered"],
)
def test_admin_changelist_search_queries_do_not_grow_with_items(editor_client, search):
    first = rich_publications(1)[0]
    editor_client.get("/admin/")  # the session's clocks start (see above)
    url = "/admin/speeches/publication/?" + urlencode(search(first))
    with_one = queries_for(editor_client, url)
    rich_publications_like(first, 30)
    with_many = queries_for(editor_client, url)
    assert len(editor_client.get(url).context["cl"].result_list) == 31
    assert with_one == with_many
    # The list's own 12 (the session, the user and their groups' rights, the types, the
    # count, the page and its language versions in a savepoint, the date hierarchy's two)
    # and the search's: the persons' names and the matches, after the words' stems on
    # SQLite, and on PostgreSQL with its planner settings in a transaction of its own that
    # is rolled back (here a savepoint: three queries more).
    assert with_many == (18 if connection.vendor == "postgresql" else 15)


def test_admin_change_form_queries_do_not_grow_with_attached_materials(editor_client):
    publication = PublicationFactory(status=Publication.Status.DRAFT)

    def attach(count):
        for n in range(count):
            material = services.material_save(
                material=Material(kind=Material.Kind.LINK, url=f"https://example.org/{n}")
            )
            PublicationMaterial.objects.create(
                publication=publication, material=material, position=n
            )

    url = f"/admin/speeches/publication/{publication.pk}/change/"
    editor_client.get("/admin/")  # the session's clocks start (see above)
    attach(1)
    with_one = queries_for(editor_client, url)
    attach(10)
    assert queries_for(editor_client, url) == with_one


def test_detail_with_related_items_issues_the_same_queries_for_1_and_30(client):
    """The related list is one query, and its items need no more from the template."""
    topic, speaker = TopicFactory(), PersonFactory()
    publication = PublicationFactory(languages=ALL_LANGUAGES, topics=[topic], speakers=[speaker])
    PublicationFactory(languages=ALL_LANGUAGES, topics=[topic], speakers=[speaker])
    url = publication.get_absolute_url("en")
    with_one = queries_for(client, url, follow=True)
    assert len(client.get(url).context["related"]) == 1
    for _ in range(29):
        PublicationFactory(languages=ALL_LANGUAGES, topics=[topic], speakers=[speaker])
    with_many = queries_for(client, url, follow=True)
    assert len(client.get(url).context["related"]) == 5
    assert with_one == with_many
    # Built afresh in this writer's own view (nothing is kept for an open transaction):
    # the site identity and the footer's pages are two of them; readers get them kept.
    assert with_many <= 10


def test_a_withdrawn_page_names_its_replacement_without_more_queries(client, publisher):
    """The replacement's link is kept per change: a withdrawn page reads no more for it."""
    from speeches.publishing import workflow

    def withdrawn(replacement):
        publication = PublicationFactory(languages=ALL_LANGUAGES)
        return workflow.publication_withdraw(
            publication=publication, user=publisher, explanation="Wrong.", replacement=replacement
        )

    plain = withdrawn(None)
    replaced = withdrawn(PublicationFactory(languages=("ru", "en")))
    committed()
    without = queries_for(client, plain.get_absolute_url("de"), follow=True, warm=True)
    with_one = queries_for(client, replaced.get_absolute_url("de"), follow=True, warm=True)
    with translation.override("de"):
        replaced_by = gettext("It is replaced by:")
    assert replaced_by in client.get(replaced.get_absolute_url("de"), follow=True).text
    assert with_one == without <= 8
