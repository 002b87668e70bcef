"""What a publication's page tells search engines, link previews, reusers and printers."""

import json
import re
from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone

from speeches.models import ChangeNote, Publication
from speeches.public import selectors
from speeches.publishing import public_state, services
from tests.factories import PersonFactory, PublicationFactory, TopicFactory
from tests.helpers import committed

pytestmark = pytest.mark.django_db

SEED_TIME = datetime(2019, 11, 18, 16, 40, tzinfo=ZoneInfo("Europe/Moscow"))


def page(client, publication, language="en") -> str:
    response = client.get(publication.get_absolute_url(language))
    assert response.status_code == 200
    return response.text


def meta(html: str, attribute: str, name: str) -> list[str]:
    """The content of every <meta> with this name or property, in document order."""
    pattern = rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">'
    return [unescape(value) for value in re.findall(pattern, html)]


def json_ld(html: str) -> dict:
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(script)


def canonical(html: str) -> str:
    (url,) = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    return url


# OpenGraph


def test_opengraph_describes_the_article_in_this_language(client):
    publication = PublicationFactory(
        languages=("en", "ru", "de"),
        title_en="Remarks at a joint meeting",
        lead_en="The minister opened the meeting.",
        title_fr="Titre seul",  # an unfinished version is not an alternate
        published_at=SEED_TIME,
    )
    html = page(client, publication)
    url = f"http://testserver/en/publications/{publication.pk}/remarks-at-a-joint-meeting/"
    assert canonical(html) == url
    assert meta(html, "property", "og:type") == ["article"]
    assert meta(html, "property", "og:title") == ["Remarks at a joint meeting"]
    assert meta(html, "property", "og:description") == ["The minister opened the meeting."]
    assert meta(html, "property", "og:url") == [url]
    assert meta(html, "property", "og:site_name") == ["Press office"]
    assert meta(html, "property", "og:locale") == ["en_GB"]
    assert meta(html, "property", "og:locale:alternate") == ["ru_RU", "de_DE"]
    assert meta(html, "property", "article:published_time") == ["2019-11-18T16:40:00+03:00"]
    # Only a major change (with its public note) counts as a modification.
    assert meta(html, "property", "article:modified_time") == ["2019-11-18T16:40:00+03:00"]


def test_opengraph_locale_follows_the_page_language(client):
    publication = PublicationFactory(languages=("en", "ru", "ar"))
    html = page(client, publication, "ru")
    assert meta(html, "property", "og:locale") == ["ru_RU"]
    assert meta(html, "property", "og:locale:alternate") == ["en_GB", "ar_EG"]
    assert meta(html, "property", "og:title") == [publication.title_ru]


def test_site_name_setting_reaches_titles_and_metadata(client, settings):
    settings.SITE_NAME = "Ministry press office"
    publication = PublicationFactory(title_en="Briefing")
    html = page(client, publication)
    assert "<title>Briefing · Ministry press office</title>" in html
    assert meta(html, "property", "og:site_name") == ["Ministry press office"]
    assert json_ld(html)["publisher"]["name"] == "Ministry press office"


# JSON-LD


def test_json_ld_is_a_news_article_with_speakers_as_authors(client):
    minister = PersonFactory(name_en="Sergey Lavrov", position_en="Minister of Foreign Affairs")
    guest = PersonFactory(name_en="Vladimir Makei", position_en="")
    publication = PublicationFactory(
        languages=("en", "ru"),
        title_en="Remarks at a joint meeting",
        lead_en="The minister opened the meeting.",
        published_at=SEED_TIME,
        speakers=[minister, guest],
    )
    html = page(client, publication)
    data = json_ld(html)
    url = canonical(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Remarks at a joint meeting"
    assert data["description"] == "The minister opened the meeting."
    assert data["datePublished"] == "2019-11-18T16:40:00+03:00"
    assert datetime.fromisoformat(data["dateModified"]) >= SEED_TIME
    assert data["inLanguage"] == "en"
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert sorted(data["author"], key=lambda a: a["name"]) == [
        {"@type": "Person", "name": "Sergey Lavrov", "jobTitle": "Minister of Foreign Affairs"},
        {"@type": "Person", "name": "Vladimir Makei"},
    ]
    assert data["publisher"] == {
        "@type": "GovernmentOrganization",
        "name": "Press office",
        "url": "http://testserver/en/",
    }
    assert data["isAccessibleForFree"] is True
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_json_ld_speaks_the_language_of_the_page(client):
    publication = PublicationFactory(languages=("en", "ru"), title_ru="Выступление министра")
    data = json_ld(page(client, publication, "ru"))
    assert data["inLanguage"] == "ru"
    assert data["headline"] == "Выступление министра"
    assert data["url"].startswith(f"http://testserver/ru/publications/{publication.pk}/")


def test_a_statement_without_speakers_is_authored_by_the_ministry(client):
    data = json_ld(page(client, PublicationFactory()))
    assert data["author"] == [data["publisher"]]


def test_the_modified_date_is_the_last_major_change_and_never_precedes_publication(client):
    publication = PublicationFactory(published_at=timezone.now() - timedelta(hours=1))
    # A note dated before the (scheduled) publication time must not make it look older.
    ChangeNote.objects.create(
        publication=publication, text_en="Early", changed_at=timezone.now() - timedelta(days=1)
    )
    data = json_ld(page(client, publication))
    assert data["dateModified"] == data["datePublished"]
    latest = ChangeNote.objects.create(publication=publication, text_en="Corrected the date")
    data = json_ld(page(client, publication))
    assert datetime.fromisoformat(data["dateModified"]) == latest.changed_at.replace(microsecond=0)


def test_a_title_cannot_break_out_of_the_json_ld_script(client):
    title = '</script><script>alert("owned")</script> & <!-- more'
    publication = PublicationFactory(title_en=title)
    html = page(client, publication)
    assert "<script>alert" not in html
    assert "<!--" not in html
    opening = '<script type="application/ld+json">'
    script = html[html.index(opening) + len(opening) :]
    script = script[: script.index("</script>")]
    assert not set("<>&") & set(script)
    assert "\\u003c/script\\u003e" in script
    assert json_ld(html)["headline"] == title


# Reuse licence


def test_every_public_page_names_the_licence_in_its_footer(client, settings):
    settings.CONTENT_LICENSE_NAME = "Open Government Licence"
    settings.CONTENT_LICENSE_URL = "https://example.org/licence?v=3&lang=en"
    publication = PublicationFactory(languages=("en",))
    # The sentence around it is in the page's language (French on /fr/).
    link = (
        '<a rel="license" href="https://example.org/licence?v=3&amp;lang=en">'
        "Open Government Licence</a>"
    )

    for url, status in [
        ("/en/", 200),
        ("/en/publications/", 200),
        (publication.get_absolute_url("en"), 200),
        (f"/fr/publications/{publication.pk}/", 404),  # the missing-language page
        ("/en/no-such-page/", 404),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        footer = response.text[response.text.index('<footer class="site-footer">') :]
        assert link in footer, url
    assert (
        json_ld(page(client, publication))["license"] == "https://example.org/licence?v=3&lang=en"
    )


def test_licence_defaults_to_cc_by(client):
    html = client.get("/en/").text
    assert (
        '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>' in html
    )


# Descriptions


def test_description_is_the_lead_when_there_is_one(client):
    publication = PublicationFactory(lead_en="A lead\nover two lines.", body_en="<p>Body.</p>")
    html = page(client, publication)
    assert meta(html, "name", "description") == ["A lead over two lines."]
    assert json_ld(html)["description"] == "A lead over two lines."


def test_without_a_lead_the_description_is_the_start_of_the_text(client):
    words = [f"word{n}" for n in range(1, 41)]
    body = (
        f"<h2>Colleagues &amp; friends,</h2><p>{' '.join(words[:10])}</p>"
        f"<ul><li>{words[10]}</li><li><strong>{words[11][:3]}</strong>{words[11][3:]}</li></ul>"
        f"<p>{'<br>'.join(words[12:])}</p>"
    )
    publication = PublicationFactory(lead_en="", body_en=body)
    html = page(client, publication)
    expected = "Colleagues & friends, " + " ".join(words[:27]) + "…"
    assert meta(html, "name", "description") == [expected]
    assert meta(html, "property", "og:description") == [expected]
    assert json_ld(html)["description"] == expected
    assert '<meta name="description" content="Colleagues &amp; friends, word1 ' in html


def test_a_short_text_is_the_whole_description_without_an_ellipsis(client):
    publication = PublicationFactory(lead_en="", body_en="<p>Mr Makei,</p><p>Colleagues,</p>")
    assert meta(page(client, publication), "name", "description") == ["Mr Makei, Colleagues,"]


def test_home_and_archive_describe_themselves(client):
    for url in ("/en/", "/en/publications/"):
        (description,) = meta(client.get(url).text, "name", "description")
        assert "Press office" in description
        assert "speeches" in description


# Related publications


def related_titles(client, publication, language="en") -> list[str]:
    html = page(client, publication, language)
    if 'class="related-publications"' not in html:
        return []
    section = html[html.index('class="related-publications"') :]
    section = section[: section.index("</aside>")]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', section)


def test_publications_sharing_a_topic_or_speaker_are_related(client):
    topic, speaker = TopicFactory(), PersonFactory()
    publication = PublicationFactory(topics=[topic], speakers=[speaker])
    same_topic = PublicationFactory(title_en="Same topic", topics=[topic])
    same_speaker = PublicationFactory(title_en="Same speaker", speakers=[speaker])
    PublicationFactory(title_en="Unrelated", topics=[TopicFactory()], speakers=[PersonFactory()])
    assert related_titles(client, publication) == ["Same topic", "Same speaker"]
    assert "Related publications" in page(client, publication)
    # Each related item links to its own page in this language.
    assert f'href="{same_speaker.get_absolute_url("en")}"' in page(client, publication)
    assert related_titles(client, same_topic) == [publication.title_en]


def test_the_kept_related_section_follows_a_withdrawal_and_the_page_language(client):
    """The section is kept per change of what readers see (``presentation.related_section``)."""
    topic = TopicFactory()
    publication = PublicationFactory(languages=("en", "ru"), topics=[topic])
    other = PublicationFactory(
        languages=("en", "ru"), title_en="Other", title_ru="Другая", topics=[topic]
    )
    committed()
    for _ in range(2):  # built, then read from the cache
        assert related_titles(client, publication) == ["Other"]
    assert cache.get(f"public-state:{public_state.current()}:related:en:{publication.pk}")
    assert related_titles(client, publication, "ru") == ["Другая"]
    other.status = Publication.Status.WITHDRAWN
    services.publication_save(publication=other)
    committed()
    assert related_titles(client, publication) == []


def test_no_related_section_when_nothing_is_shared(client):
    publication = PublicationFactory(topics=[TopicFactory()])
    PublicationFactory(topics=[TopicFactory()])
    PublicationFactory()
    html = page(client, publication)
    assert "related-publications" not in html
    assert "Related publications" not in html


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Publication.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(hours=1)},
        {"languages": ("de",)},
        {"languages": ("de",), "title_en": "Title only, no English text"},
    ],
    ids=["draft", "scheduled", "other-language", "unfinished-version"],
)
def test_unpublished_items_are_never_related(client, hidden):
    topic = TopicFactory()
    publication = PublicationFactory(topics=[topic])
    PublicationFactory(topics=[topic], **hidden)
    assert related_titles(client, publication) == []
    assert selectors.related_publications(publication=publication, language="en") == []


def test_related_are_newest_first_distinct_and_limited(client):
    topics, speaker = [TopicFactory(), TopicFactory()], PersonFactory()
    publication = PublicationFactory(topics=topics, speakers=[speaker])
    now = timezone.now()
    items = [
        # Shares both topics and the speaker: still listed once.
        PublicationFactory(
            title_en=f"Related {n}",
            published_at=now - timedelta(days=n),
            topics=topics,
            speakers=[speaker],
        )
        for n in (3, 1, 6, 2, 5, 4)
    ]
    newest_first = sorted(items, key=lambda p: p.published_at, reverse=True)
    assert related_titles(client, publication) == [p.title_en for p in newest_first[:5]]
    assert (
        selectors.related_publications(publication=publication, language="en", limit=2)
        == newest_first[:2]
    )


# Print


def test_the_printed_page_carries_its_short_link_after_the_text(client):
    """On paper the address bar is gone: the short link, in no language and without the
    slug (percent signs in Arabic), follows the text."""
    publication = PublicationFactory(languages=("ar",), title_ar="كلمة مطبوعة")
    html = page(client, publication, "ar")
    short = f"http://testserver/p/{publication.pk}/"
    printed = f'<bdi dir="ltr">{short}</bdi></p>'
    assert '<p class="publication__permalink print-only">' in html
    assert printed in html.split('<p class="publication__permalink print-only">')[1]
    assert html.index('class="publication__body') < html.index(printed)


# Pages other than a publication's: canonical address and OpenGraph


def test_the_home_page_shares_the_sites_name_and_description(client, settings):
    settings.SITE_NAME = "Ministry press office"
    html = client.get("/ru/").text
    assert canonical(html) == "http://testserver/ru/"
    assert meta(html, "property", "og:type") == ["website"]
    assert meta(html, "property", "og:title") == ["Ministry press office"]
    assert meta(html, "property", "og:url") == ["http://testserver/ru/"]
    assert meta(html, "property", "og:site_name") == ["Ministry press office"]
    assert meta(html, "property", "og:locale") == ["ru_RU"]
    assert meta(html, "property", "og:description") == meta(html, "name", "description")
    assert "Ministry press office" in meta(html, "name", "description")[0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "/en/publications/"),
        ("?page=2", "/en/publications/?page=2"),
        ("?page=1", "/en/publications/"),
        ("?sort=date&page=2", "/en/publications/?page=2"),
        # Filters and searches are ways into the list: the whole list is canonical.
        ("?type=speech", "/en/publications/"),
        ("?type=speech&page=2", "/en/publications/"),
        ("?q=talks", "/en/publications/"),
        ("?year=2019&month=11", "/en/publications/"),
        # An invalid filter is not applied: the list is the whole list's page.
        ("?year=abc&page=2", "/en/publications/?page=2"),
    ],
)
def test_the_archives_canonical_address_is_its_page_without_filters(client, query, expected):
    for _ in range(21):
        PublicationFactory(languages=("en",), title_en="Talks in Minsk")
    response = client.get(f"/en/publications/{query}")
    assert response.status_code == 200
    html = response.text
    assert canonical(html) == f"http://testserver{expected}"
    assert meta(html, "property", "og:url") == [f"http://testserver{expected}"]
    assert meta(html, "property", "og:type") == ["website"]
    assert meta(html, "property", "og:title") == ["Publications"]
    assert meta(html, "property", "og:site_name") == ["Press office"]
    assert meta(html, "property", "og:locale") == ["en_GB"]


def test_term_pages_and_indexes_have_their_own_canonical_address_and_opengraph(client):
    speaker = PersonFactory(name_en="Sergey Lavrov")
    topic = TopicFactory(slug="arms-control", name_en="Arms control")
    PublicationFactory(languages=("en", "ar"), speakers=[speaker], topics=[topic])
    for path, title in [
        (f"/en/persons/{speaker.pk}/", "Sergey Lavrov"),
        ("/en/topics/arms-control/", "Arms control"),
        ("/en/topics/arms-control/?type=speech", "Arms control"),
        ("/en/persons/", "Persons"),
        ("/en/topics/", "Topics"),
        ("/en/countries/", "Countries"),
        ("/en/updates/", "Get updates"),
    ]:
        html = client.get(path).text
        url = "http://testserver" + path.split("?")[0]
        assert canonical(html) == url, path
        assert meta(html, "property", "og:url") == [url], path
        assert meta(html, "property", "og:title") == [title], path
        assert meta(html, "property", "og:site_name") == ["Press office"], path
        assert meta(html, "property", "og:locale") == ["en_GB"], path
    (description,) = meta(client.get("/en/topics/arms-control/").text, "name", "description")
    assert "Arms control" in description
    arabic = client.get("/ar/topics/arms-control/").text
    assert meta(arabic, "property", "og:locale") == ["ar_EG"]


def test_every_page_reads_the_site_name_from_the_setting(client, settings):
    settings.SITE_NAME = "Ministry press office"
    publication = PublicationFactory(languages=("en",))
    for path in ("/en/", "/en/publications/", "/en/topics/", "/en/updates/"):
        html = client.get(path).text
        assert meta(html, "property", "og:site_name") == ["Ministry press office"], path
    assert meta(page(client, publication), "property", "og:site_name") == ["Ministry press office"]


def test_pages_that_are_not_for_sharing_name_no_canonical_address(client):
    publication = PublicationFactory(languages=("en",))
    for path in (f"/fr/publications/{publication.pk}/", "/en/no-such-page/"):
        html = client.get(path).text
        assert 'rel="canonical"' not in html, path
        assert 'property="og:' not in html, path
