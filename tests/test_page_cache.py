"""Readers' pages kept whole (speeches.public.page_cache) and the HTTP caching around them.

A kept page is answered with one query (the number of the last change), the same bytes
and headers as when it was built; a revalidating reader gets a 304. A change that
commits, or an embargo's second, makes every page new at once, and no cache may keep a
page past that second. Staff, previews and errors are never kept. Here a commit is
``helpers.committed`` (the tests run in a transaction that is rolled back). With
REDIS_URL set (CI), the cache is Redis.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from speeches.models import Publication
from speeches.public import page_cache
from speeches.publishing import services, workflow
from tests.factories import PublicationFactory
from tests.helpers import committed

pytestmark = pytest.mark.django_db

# Every public URL name that is never kept, and why; KEPT names those that are.
NOT_KEPT = {
    "speeches:preview": "a preview is staff's, or a shared link's",
    "speeches:preview_revision": "a preview is staff's",
    "speeches:preview_shared": "a preview is a reviewer's",
    "material_file": "files carry their own Cache-Control and are served from storage",
    "identity_stylesheet": "named by its colours' stamp, kept by browsers for a year",
    "identity_emblem": "named by its file, kept by browsers for a year",
    "speeches:person_photo": "an image served from storage, revalidated like materials",
    "short_link": "a redirect that depends on the reader's language: never kept",
    "publication_photos": "an archive streamed from storage, kept there once per set of photos",
    "staff_login": "staff sign-in",
    "staff_verify": "staff sign-in",
    "staff_enrol": "staff sign-in",
    "staff_two_step": "staff sign-in",
    "mailing:subscribe": "a reader's own form (it may carry their address); private, no-store",
    "mailing:sent": "answers a reader's sign-up; private, no-store like the other email pages",
    "mailing:confirm": "carries a reader's signed token; private, no-store",
    "mailing:manage": "a reader's own subscriptions, by their signed token; private, no-store",
    "mailing:unsubscribe": "carries a reader's signed token; private, no-store",
}


def url_names(patterns, namespace="") -> set[str]:
    names = set()
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", "api"):
                continue  # the admin is staff's; the API is kept whole (KEPT_NAMESPACES)
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


@pytest.fixture(autouse=True)
def pages_kept(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def item():
    item = PublicationFactory(title_en="A statement worth keeping")
    committed()
    return item


def test_every_public_url_is_kept_or_says_why_not():
    names = url_names(get_resolver().url_patterns)
    assert names == page_cache.KEPT | NOT_KEPT.keys()


def test_a_kept_page_costs_one_query_and_is_the_page_as_built(item):
    client = Client()
    for url in (
        "/en/publications/",
        item.get_absolute_url("en"),
        "/en/feeds/rss/",
        "/sitemap-publications.xml",
        "/api/publications?lang=en",
    ):
        built = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            kept = client.get(url)
        assert len(queries) == 1, (url, [q["sql"] for q in queries])  # the number
        assert kept.status_code == 200
        assert kept.content == built.content
        for header in ("Content-Type", "ETag", "Cache-Control", "Vary", "Content-Language"):
            assert kept.get(header) == built.get(header), (url, header)


def test_a_reader_revalidating_a_kept_page_gets_a_304(item):
    client = Client()
    built = client.get("/en/publications/")
    again = client.get("/en/publications/", HTTP_IF_NONE_MATCH=built["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_the_page_of_each_language_host_and_address_is_its_own(item):
    client = Client()
    english = client.get("/en/publications/").content
    assert client.get("/ru/publications/").content != english
    assert client.get("/en/publications/?page=1").content != b""
    sitemap = client.get("/sitemap-publications.xml").content.decode()
    other_host = client.get("/sitemap-publications.xml", HTTP_HOST="localhost").content.decode()
    assert "http://testserver/" in sitemap and "http://testserver/" not in other_host


def test_a_committed_change_is_on_the_next_request(item, publisher):
    client = Client()
    assert "A statement worth keeping" in client.get("/en/publications/").content.decode()
    item.title_en = "A statement edited"
    services.publication_save(publication=item, user=publisher)
    committed()
    page = client.get("/en/publications/").content.decode()
    assert "A statement edited" in page and "worth keeping" not in page


def test_a_writing_transaction_neither_reads_nor_keeps_pages(item):
    client = Client()
    client.get("/en/publications/")  # kept
    PublicationFactory(title_en="Not yet committed")  # this transaction now has a write
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/publications/").content.decode()
    assert "Not yet committed" in page
    assert len(queries) > 1  # built, not read from the cache


def test_staff_get_pages_built_for_them_never_kept(item, editor_client):
    Client().get("/en/publications/")  # kept for readers
    with CaptureQueriesContext(connection) as queries:
        staff = editor_client.get("/en/publications/")
    assert len(queries) > 1
    assert "no-store" in staff["Cache-Control"] and "private" in staff["Cache-Control"]


def test_previews_and_errors_are_never_kept(item, editor_client):
    client = Client()
    draft = PublicationFactory(status=Publication.Status.DRAFT, title_en="Draft in preview")
    committed()
    editor_client.get(f"/en/preview/{draft.pk}/")
    assert client.get(f"/en/preview/{draft.pk}/").status_code in (302, 403, 404)
    assert client.get("/en/publications/99999/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/publications/99999/").status_code == 404
    assert len(queries) > 1  # built again


def test_a_withdrawn_item_leaves_every_kept_page(item, publisher):
    client = Client()
    listings = ["/en/", "/en/publications/", "/en/feeds/rss/", "/api/publications?lang=en"]
    for url in listings:
        assert "A statement worth keeping" in client.get(url).content.decode(), url
    workflow.publication_withdraw(publication=item, user=publisher, explanation="Misquoted.")
    committed()
    for url in listings:
        assert "A statement worth keeping" not in client.get(url).content.decode(), url


def max_age(response) -> int | None:
    found = re.search(r"max-age=(\d+)", response["Cache-Control"])
    return int(found.group(1)) if found else None


def test_an_embargo_ends_kept_pages_and_max_age_at_its_second(settings):
    settings.PUBLIC_CACHE_SECONDS = 300
    now = timezone.now().replace(microsecond=0)
    embargo = now + timedelta(seconds=100)
    client = Client()
    with time_machine.travel(now, tick=False) as clock:
        PublicationFactory(title_en="Embargoed statement", published_at=embargo)
        PublicationFactory(title_en="Earlier statement")
        committed()
        before = client.get("/en/publications/")
        assert "Embargoed statement" not in before.content.decode()
        assert max_age(before) == 100  # not a second past the embargo

        clock.move_to(embargo - timedelta(seconds=1))
        last_second = client.get("/en/publications/")
        assert last_second.content == before.content
        assert max_age(last_second) == 1

        clock.move_to(embargo)
        after = client.get("/en/publications/")
        assert "Embargoed statement" in after.content.decode()
        assert max_age(after) == 300  # nothing else scheduled
