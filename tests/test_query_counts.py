"""Public pages and the admin changelist issue a constant number of queries."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext
from reversion.models import Version

from speeches.editorial import editing
from speeches.identity import services as identity_services
from speeches.mailing import subscribing
from speeches.models import FooterPage, Material, Publication, PublicationMaterial, SiteIdentity
from speeches.publishing import services, workflow
from tests import media_files
from tests.factories import (
    ALL_LANGUAGES,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
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
    "subscribe": lambda p: (
        f"/en/subscribe/?topic={p.topics.first().slug}&speaker={p.speakers.first().pk}"
    ),
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
    """The materials' grid: each row's preview, captions in every language, credit and
    position come with the row (one join), whatever the number of rows or their kinds."""
    publication = PublicationFactory(status=Publication.Status.DRAFT)

    def attach(count):
        for n in range(count):
            if n % 2:
                material = Material(kind=Material.Kind.LINK, url=f"https://example.org/{n}")
            else:
                material = Material(
                    kind=Material.Kind.PHOTO, file=media_files.photo(width=64, height=48)
                )
            material.title_en, material.title_de, material.credit = f"Photo {n}", f"Foto {n}", "MFA"
            services.material_save(material=material)
            PublicationMaterial.objects.create(
                publication=publication, material=material, position=n
            )

    url = f"/admin/speeches/publication/{publication.pk}/change/"
    editor_client.get("/admin/")  # the session's clocks start (see above)
    attach(1)
    with_one = queries_for(editor_client, url)
    attach(10)
    page = editor_client.get(url).text
    # Eleven rows, and the template a new row is made from.
    assert page.count("data-attachment-row ") == 12 and 'value="Foto 9"' in page
    assert queries_for(editor_client, url) == with_one


def test_a_readers_subscriptions_page_issues_the_same_queries_for_1_and_10(client):
    """Each subscription's words name its terms, read with it (one query for the list)."""
    first = rich_publications(1)[0]
    terms = {
        "topic_id": first.topics.first().pk,
        "person_id": first.speakers.first().pk,
        "country_id": first.countries.first().pk,
        "type_id": first.type_id,
    }
    subscriber, _sent = subscribing.subscribe(
        email="reader@example.org", language="en", choice=subscribing.Choice(**terms)
    )
    url = f"/en/subscriptions/{subscribing.link_token(subscriber)}/"
    with_one = queries_for(client, url)
    for n in range(9):
        subscribing.subscribe(
            email=subscriber.email,
            language="en",
            choice=subscribing.Choice(frequency="daily", query=f"words {n}", **terms),
        )
    assert client.get(url).text.count('class="subscription-list__item"') == 10
    # The subscriber, their subscriptions with their terms, and what every page reads for
    # its header and footer (the state of what readers see, kept per change).
    assert queries_for(client, url) == with_one <= 4


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


# The staff home (/admin/): each role's lists, with one item in each and with more than a
# list shows (speeches.editorial.home.LENGTH).
HOME_ROLES = ("author", "publisher", "translator", "administrator")
# Django's admin (the session, its user, the user's and their groups' permissions: 4), one
# query per list of the role (author 3, publisher 6, both for an administrator, and the
# translations), the versions of every listed item one more, the comments of what was sent
# back one more, a translator's languages, and the person's unread notices with their
# number (one query: speeches.mailing.admin.notices_context).
HOME_QUERIES = {"author": 10, "publisher": 13, "translator": 8, "administrator": 15}


def busy_newsroom(rounds: int, users: dict) -> None:
    """``rounds`` items in every list of the home page, each missing its German version."""
    from speeches.publishing import workflow

    publisher = users["publisher"]
    future = timezone.now() + timezone.timedelta(days=1)
    for _round in range(rounds):
        for writer in (users["author"], publisher, users["administrator"]):

            def drafted(writer=writer):
                return PublicationFactory(status=Publication.Status.DRAFT, created_by=writer)

            drafted()
            workflow.publication_submit(publication=drafted(), user=writer)
            workflow.publication_send_back(
                publication=workflow.publication_submit(publication=drafted(), user=writer),
                user=publisher,
                comment="Fix it.",
            )
        PublicationFactory(published_at=future, languages=("en", "fr"))


@pytest.fixture(scope="module")
def home_queries(django_db_setup, django_db_blocker) -> dict[str, tuple[int, int]]:
    """The staff home's queries for each role, with one item in each list and with 12
    (measured once for all)."""
    from speeches.editorial import home
    from tests.factories import UserFactory, translator_of

    with measured_once(django_db_blocker):
        users = {
            "author": UserFactory(username="author", is_staff=True, groups=["Editors"]),
            "publisher": UserFactory(username="publisher", is_staff=True, groups=["Publishers"]),
            "translator": translator_of("de", "fr"),
            "administrator": UserFactory(
                username="administrator", is_staff=True, groups=["Administrators"]
            ),
        }
        clients = {}
        for role, user in users.items():
            clients[role] = Client()
            clients[role].force_login(user)
            clients[role].get("/admin/")  # the session's clocks start (once per session)
        length, home.LENGTH = home.LENGTH, 3  # lists longer than they show, sooner
        try:
            busy_newsroom(1, users)
            with_one = {role: queries_for(clients[role], "/admin/") for role in HOME_ROLES}
            busy_newsroom(3, users)
            found = {}
            for role in HOME_ROLES:
                sections = clients[role].get("/admin/").context["sections"]
                assert all(section.more > 0 for section in sections), role
                found[role] = (with_one[role], queries_for(clients[role], "/admin/"))
        finally:
            home.LENGTH = length
        return found


@pytest.mark.parametrize("role", HOME_ROLES)
def test_staff_home_queries_do_not_grow_with_items(role, home_queries):
    with_one, with_many = home_queries[role]
    assert with_one == with_many
    assert with_many <= HOME_QUERIES[role]


def test_review_pages_queries_do_not_grow_with_what_changed(publisher, publisher_client):
    """The comparison of two revisions, the history with its audit log and the publish
    page cost the same for one change of each kind as for many."""

    def reviewed(count: int) -> tuple[Publication, list[Version]]:
        author = UserFactory(username=f"author-{count}", is_staff=True, groups=["Editors"])
        publication = PublicationFactory(status=Publication.Status.DRAFT, languages=ALL_LANGUAGES)
        workflow.publication_submit(publication=publication, user=author)
        materials = [
            services.material_save(
                material=Material(kind=Material.Kind.LINK, url=f"https://example.org/{count}/{n}")
            )
            for n in range(count)
        ]
        for n in range(count):
            publication.refresh_from_db()
            for code in ALL_LANGUAGES[: n + 1]:
                setattr(publication, f"title_{code}", f"Edit {n} [{code}]")
            editing.publication_edit(
                publication=publication,
                user=author,
                expected_version=publication.edit_version,
                data=editing.EditInput(
                    topics=[TopicFactory() for _ in range(n + 1)],
                    attachments=[
                        editing.Attachment(m, p) for p, m in enumerate(materials[: n + 1])
                    ],
                ),
            )
        return publication, list(Version.objects.get_for_object(publication).order_by("pk"))

    def cost(publication, versions) -> tuple[int, ...]:
        base = f"/admin/speeches/publication/{publication.pk}"
        return (
            queries_for(
                publisher_client, f"{base}/history/compare/?a={versions[0].pk}&b={versions[-1].pk}"
            ),
            queries_for(publisher_client, f"{base}/history/"),
            queries_for(publisher_client, f"{base}/workflow/publish/"),
        )

    publisher_client.get("/admin/")  # the session's clocks start (see above)
    with_one = cost(*reviewed(1))
    assert cost(*reviewed(8)) == with_one
