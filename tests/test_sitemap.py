"""The sitemap index, its sections and robots.txt: what crawlers may find, and only that."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from speeches.models import ChangeNote, Publication
from tests.factories import ALL_LANGUAGES, PublicationFactory, rich_publications
from tests.helpers import absolute, measured_once, queries_for

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def read_section(client, section: str) -> dict[str, dict]:
    """Each <url> of a section by its <loc>: its lastmod and its alternates {hreflang: href}."""
    urls = {}
    for url in read_xml(client, f"/sitemap-{section}.xml").findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in urls, f"{loc} is listed twice"
        urls[loc] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link[@rel='alternate']", NS)
            },
        }
    return urls


def versions(publication: Publication, languages) -> dict[str, str]:
    return {code: absolute(publication.get_absolute_url(code)) for code in languages}


def test_sitemap_index_points_to_the_sections_at_the_root(client):
    index = read_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    locations = [sitemap.findtext("sm:loc", namespaces=NS) for sitemap in index]
    assert locations == [
        "http://testserver/sitemap-publications.xml",
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-persons.xml",
        "http://testserver/sitemap-topics.xml",
        "http://testserver/sitemap-countries.xml",
    ]
    for location in locations:
        read_xml(client, location.removeprefix("http://testserver"))


def test_sitemap_is_not_language_prefixed(client):
    assert client.get("/en/sitemap.xml").status_code == 404


def test_every_public_version_is_listed_with_alternates_for_exactly_its_public_versions(client):
    three = PublicationFactory(languages=("en", "ru", "de"))
    russian = PublicationFactory(languages=("ru",))
    # A French title without a text is a version in progress: neither listed nor an alternate.
    english = PublicationFactory(languages=("en",), title_fr="Seulement un titre")
    urls = read_section(client, "publications")
    expected = {}
    for publication, languages in [
        (three, ("en", "ru", "de")),
        (russian, ("ru",)),
        (english, ("en",)),
    ]:
        alternates = versions(publication, languages)
        expected.update(dict.fromkeys(alternates.values(), alternates))
    assert {loc: url["alternates"] for loc, url in urls.items()} == expected


def test_alternates_are_reciprocal(client):
    PublicationFactory(languages=ALL_LANGUAGES)
    PublicationFactory(languages=("ar", "fr"))
    PublicationFactory(languages=("de",), title_es="Sólo un título")
    urls = read_section(client, "publications")
    assert urls
    for loc, url in urls.items():
        assert loc in url["alternates"].values(), f"{loc} does not list itself"
        for href in url["alternates"].values():
            assert loc in urls[href]["alternates"].values(), f"{href} does not list {loc}"


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Publication.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_item_is_absent_from_the_sitemap(client, unpublished):
    hidden = PublicationFactory(languages=("en", "ru"), **unpublished)
    shown = PublicationFactory(languages=("en",))
    urls = read_section(client, "publications")
    assert set(urls) == {absolute(shown.get_absolute_url("en"))}
    assert f"/publications/{hidden.pk}/" not in str(urls)


def test_every_url_has_its_items_last_modification_date(client):
    """The date readers were told of: publication, then the newest change note."""
    publication = PublicationFactory(languages=("en", "ru"))
    urls = read_section(client, "publications")
    expected = timezone.localdate(publication.published_at).isoformat()
    assert [url["lastmod"] for url in urls.values()] == [expected, expected]

    note = ChangeNote.objects.create(
        publication=publication, text_en="Corrected.", changed_at=timezone.now()
    )
    expected = timezone.localdate(note.changed_at).isoformat()
    urls = read_section(client, "publications")
    assert [url["lastmod"] for url in urls.values()] == [expected, expected]


def test_pages_section_lists_home_and_archive_in_every_language(client):
    urls = read_section(client, "pages")
    homes = {code: absolute(f"/{code}/") for code in ALL_LANGUAGES}
    archives = {code: absolute(f"/{code}/publications/") for code in ALL_LANGUAGES}
    assert set(urls) == set(homes.values()) | set(archives.values())
    for loc, url in urls.items():
        assert url["alternates"] == (homes if loc in homes.values() else archives)


def test_unknown_section_is_not_found(client):
    assert client.get("/sitemap-drafts.xml").status_code == 404


SECTIONS_COUNTED = (
    "/sitemap.xml",
    "/sitemap-publications.xml",
    "/sitemap-persons.xml",
    "/sitemap-topics.xml",
    "/sitemap-countries.xml",
)


@pytest.fixture(scope="module")
def section_queries(django_db_setup, django_db_blocker) -> dict[str, tuple[int, int]]:
    """Each sitemap file's queries with one rich publication, and with 31 (measured once)."""
    client = Client()
    with measured_once(django_db_blocker):
        rich_publications(1)
        with_one = {url: queries_for(client, url) for url in SECTIONS_COUNTED}
        rich_publications(30)
        return {url: (with_one[url], queries_for(client, url)) for url in SECTIONS_COUNTED}


@pytest.mark.parametrize("url", SECTIONS_COUNTED)
def test_sitemap_issues_the_same_queries_for_1_and_30_items(url, section_queries):
    with_one, with_many = section_queries[url]
    assert with_many == with_one


def test_robots_txt_allows_all_but_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert not any(line.startswith("Disallow:") and line != "Disallow: /admin/" for line in lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_a_section_larger_than_its_limit_is_split_into_pages(client, monkeypatch):
    from speeches.public.sitemaps import PublicationSitemap

    monkeypatch.setattr(PublicationSitemap, "limit", 2)
    for _ in range(3):
        PublicationFactory()
    index = client.get("/sitemap.xml").text
    assert "/sitemap-publications.xml?p=2" in index
    page_2 = client.get("/sitemap-publications.xml", {"p": 2}).text
    assert page_2.count("<loc>") == 1
    assert client.get("/sitemap-publications.xml", {"p": 3}).status_code == 404
