"""Public pages and the admin changelist issue a constant number of queries."""

import pytest
from django.utils import timezone

from tests.factories import (
    ALL_LANGUAGES,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    rich_publications,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_of",
    [
        lambda p: "/en/",
        lambda p: "/en/publications/",
        lambda p: "/ar/publications/",
        lambda p: "/en/publications/?topic=" + p.topics.first().slug,
        lambda p: (
            "/en/publications/?q=publication&type=speech&sort=relevance"
            f"&year={timezone.localtime(p.published_at).year}"
        ),
        lambda p: "/en/publications/?q=publication&sort=date&country=" + p.countries.first().code,
        lambda p: f"/en/persons/{p.speakers.first().pk}/",
        lambda p: f"/en/topics/{p.topics.first().slug}/",
        lambda p: f"/en/countries/{p.countries.first().code}/?q=publication",
        lambda p: "/en/persons/",
        lambda p: "/en/topics/",
        lambda p: "/en/countries/",
        lambda p: p.get_absolute_url("en"),
        lambda p: p.get_absolute_url("ar"),
    ],
    ids=[
        "home",
        "archive",
        "archive-ar",
        "archive-filtered",
        "search-relevance",
        "search-date",
        "person",
        "topic",
        "country-search",
        "persons",
        "topics",
        "countries",
        "detail",
        "detail-ar",
    ],
)
def test_public_pages_issue_the_same_queries_for_1_and_30_items(client, url_of):
    first = rich_publications(1)[0]
    with_one = queries_for(client, url_of(first), follow=True)
    rich_publications(30)
    with_many = queries_for(client, url_of(first), follow=True)
    assert with_one == with_many
    assert with_many <= 8


def test_admin_changelist_queries_do_not_grow_with_items(editor_client):
    rich_publications(1)
    # The session's first request starts its clocks (speeches.accounts.signin): once per session.
    editor_client.get("/admin/")
    with_one = queries_for(editor_client, "/admin/speeches/publication/", follow=True)
    rich_publications(30)
    assert queries_for(editor_client, "/admin/speeches/publication/", follow=True) == with_one


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
    assert with_many <= 8
