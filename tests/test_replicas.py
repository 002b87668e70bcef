"""Read replicas (pressoffice.replicas): readers' pages read one, everyone else the primary.

The suite's second database (``replica`` in tests/settings.py) stands in for a replica:
each test copies the primary's rows into it, as streaming replication would, and then
changes the primary only, as a replica that lags behind shows it. Which database a page
read is told by what it shows.
"""

import pytest
from django.apps import apps
from django.db import connection, connections
from django.test import Client, override_settings

from pressoffice import replicas
from speeches.models import Person, Publication
from speeches.publishing import services
from tests.factories import PersonFactory, PublicationFactory
from tests.helpers import committed

pytestmark = pytest.mark.django_db(databases=["default", "replica"])

BEFORE, AFTER = "Talks in Minsk", "Talks in Minsk, corrected"


def replicate() -> None:
    """The replica becomes a copy of the primary's rows of the app (its own are replaced)."""
    models = list(apps.get_app_config("speeches").get_models(include_auto_created=True))
    with connections["replica"].cursor() as cursor:
        for model in models:  # foreign keys are checked at commit, which never comes
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    for model in models:
        manager = model._base_manager
        manager.using("replica").bulk_create(manager.using("default").all())


@pytest.fixture
def lagging():
    """A published item, copied to the replica, then corrected on the primary only."""
    publication = PublicationFactory(title_en=BEFORE, speakers=[PersonFactory()])
    committed()
    replicate()
    publication.title_en = AFTER
    services.publication_save(publication=publication)
    committed()
    return publication


def shows(client: Client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert (AFTER in text) != (BEFORE in text.replace(AFTER, "")), "one of the two titles"
    return "primary" if AFTER in text else "replica"


READERS_PAGES = {
    "archive": lambda p: "/en/publications/",
    "publication": lambda p: p.get_absolute_url("en"),
    "person": lambda p: f"/en/persons/{p.speakers.get().pk}/",
    "feed": lambda p: "/en/feeds/rss/",
    "api list": lambda p: "/api/publications?lang=en",
    "api detail": lambda p: f"/api/publications/{p.pk}",
}


@override_settings(DATABASE_REPLICAS=["replica"])
@pytest.mark.parametrize("page", READERS_PAGES)
def test_readers_pages_read_the_replica(page, lagging):
    assert shows(Client(), READERS_PAGES[page](lagging)) == "replica"


@override_settings(DATABASE_REPLICAS=["replica"])
def test_staff_read_the_primary_on_the_site_and_in_the_admin(lagging, editor_client):
    assert shows(editor_client, lagging.get_absolute_url("en")) == "primary"
    assert shows(editor_client, "/en/publications/") == "primary"
    change = f"/admin/speeches/publication/{lagging.pk}/change/"
    assert AFTER in editor_client.get(change).content.decode()


@override_settings(DATABASE_REPLICAS=[])
def test_without_replicas_readers_read_the_primary(lagging):
    assert shows(Client(), "/en/publications/") == "primary"
    assert shows(Client(), lagging.get_absolute_url("en")) == "primary"


@override_settings(DATABASE_REPLICAS=["replica"])
def test_an_object_read_from_a_replica_is_saved_to_the_primary():
    person = PersonFactory(name_en="Sergey Lavrov")
    replicate()
    token = replicas.read_from_a_replica()
    try:
        read = Person.objects.get(pk=person.pk)
        assert read._state.db == "replica"
        read.name_en = "Sergey V. Lavrov"
        read.save()
    finally:
        replicas.done(token)
    assert replicas.reading_from() is None  # the request's choice ends with it
    assert Person.objects.using("default").get(pk=person.pk).name_en == "Sergey V. Lavrov"
    assert Person.objects.using("replica").get(pk=person.pk).name_en == "Sergey Lavrov"


@override_settings(DATABASE_REPLICAS=["replica"])
def test_an_item_published_meanwhile_reaches_readers_when_the_replica_has_it(lagging):
    fresh = PublicationFactory(title_en="Statement on the grain deal")
    committed()
    reader = Client()
    assert reader.get(fresh.get_absolute_url("en")).status_code == 404  # not there yet
    replicate()
    assert reader.get(fresh.get_absolute_url("en")).status_code == 200
    assert Publication.objects.using("replica").filter(pk=fresh.pk).exists()


def test_replicas_are_never_migrated():
    router = replicas.ReplicaRouter()
    with override_settings(DATABASE_REPLICAS=["replica"]):
        assert router.allow_migrate("replica", "speeches") is False
        assert router.allow_migrate("default", "speeches") is None
