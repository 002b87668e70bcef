"""RSS and Atom feeds: the right items, well formed, in the feed's language only."""

import html
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from speeches.models import Publication, PublicationType
from speeches.publishing import public_state, services
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    rich_publications,
    rich_publications_like,
)
from tests.helpers import absolute, committed, measured_once, queries_for

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]
SEED_TIME = datetime(2019, 11, 18, 16, 40, tzinfo=ZoneInfo("Europe/Moscow"))


def read_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def entry_links(parsed) -> list[str]:
    return [entry.link for entry in parsed.entries]


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_lists_items_of_its_language_newest_first(client, fmt):
    older = PublicationFactory(published_at=timezone.now() - timedelta(days=2))
    newer = PublicationFactory(published_at=timezone.now() - timedelta(hours=1))
    parsed = read_feed(client, f"/en/feeds/{fmt}/")
    assert entry_links(parsed) == [
        absolute(newer.get_absolute_url("en")),
        absolute(older.get_absolute_url("en")),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_draft_is_absent_from_feeds(client, fmt):
    published = PublicationFactory()
    PublicationFactory(status=Publication.Status.DRAFT)
    assert entry_links(read_feed(client, f"/en/feeds/{fmt}/")) == [
        absolute(published.get_absolute_url("en"))
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_scheduled_item_is_absent_from_feeds_until_its_time(client, fmt):
    published = PublicationFactory()
    PublicationFactory(published_at=timezone.now() + timedelta(minutes=5))
    assert entry_links(read_feed(client, f"/en/feeds/{fmt}/")) == [
        absolute(published.get_absolute_url("en"))
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_carries_only_items_with_a_public_version_in_its_language(client, fmt):
    russian_only = PublicationFactory(languages=("ru",))
    # A German title without a text is a version in progress, not a public one.
    english = PublicationFactory(languages=("en",), title_de="Nur ein Titel")
    assert entry_links(read_feed(client, f"/en/feeds/{fmt}/")) == [
        absolute(english.get_absolute_url("en"))
    ]
    assert entry_links(read_feed(client, f"/ru/feeds/{fmt}/")) == [
        absolute(russian_only.get_absolute_url("ru"))
    ]
    assert read_feed(client, f"/de/feeds/{fmt}/").entries == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_entry_shows_the_feed_languages_own_text(client, fmt):
    PublicationFactory(
        languages=("en", "ru"),
        title_en="Remarks in Moscow",
        lead_en="The minister opened the meeting.",
        title_ru="Выступление в Москве",
        lead_ru="Министр открыл заседание.",
    )
    [entry] = read_feed(client, f"/ru/feeds/{fmt}/").entries
    assert entry.title == "Выступление в Москве"
    assert entry.summary == "Министр открыл заседание."


def test_feed_carries_at_most_50_items(client):
    for _ in range(51):
        PublicationFactory()
    assert len(read_feed(client, "/en/feeds/rss/").entries) == 50


@pytest.mark.parametrize("fmt", FORMATS)
def test_entry_carries_title_permalink_dates_summary_categories_and_speakers(client, fmt):
    publication = PublicationFactory(
        published_at=SEED_TIME,
        title_en="Remarks at a joint meeting",
        lead_en="The minister opened the meeting.",
        speakers=[PersonFactory(name_en="Sergey Lavrov"), PersonFactory(name_en="Maria Zakharova")],
        topics=[TopicFactory(name_en="Union State")],
    )
    permalink = absolute(publication.get_absolute_url("en"))
    [entry] = read_feed(client, f"/en/feeds/{fmt}/").entries
    assert entry.title == "Remarks at a joint meeting"
    assert entry.link == permalink
    # The guid is the id-only permalink, stable when a title (and so the slug) changes.
    assert entry.id == absolute(f"/en/publications/{publication.pk}/")
    assert entry.summary == "The minister opened the meeting."
    assert [tag.term for tag in entry.tags] == ["Speech", "Union State"]
    assert entry.author == "Maria Zakharova, Sergey Lavrov"
    if fmt == "rss":
        published = parsedate_to_datetime(entry.published)
    else:
        published = datetime.fromisoformat(entry.published)
        assert datetime.fromisoformat(entry.updated) == publication.modified_at
    assert published.tzinfo is not None
    assert published == SEED_TIME


def test_rss_guid_is_a_permalink_that_survives_a_new_title(client):
    publication = PublicationFactory()
    channel = ET.fromstring(client.get("/en/feeds/rss/").content).find("channel")
    guid = channel.find("item/guid")
    assert guid.get("isPermaLink") == "true"
    assert guid.text == absolute(f"/en/publications/{publication.pk}/")
    response = client.get(guid.text)
    assert (response.status_code, response.url) == (301, publication.get_absolute_url("en"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_kept_entry_follows_an_edit_and_a_withdrawal(client, fmt):
    """Entries are kept per change of what readers see (``feeds.feed_entries``): an edit
    or a withdrawal shows in the next request."""
    publication = PublicationFactory(title_en="First title")
    committed()
    for _ in range(2):  # built, then read from the cache
        entries = read_feed(client, f"/en/feeds/{fmt}/").entries
        assert [e.title for e in entries] == ["First title"]
    assert cache.get(f"public-state:{public_state.current()}:feed-entry:en:{publication.pk}")
    publication.title_en = "Second title"
    services.publication_save(publication=publication)
    committed()
    assert [e.title for e in read_feed(client, f"/en/feeds/{fmt}/").entries] == ["Second title"]
    publication.status = Publication.Status.WITHDRAWN
    services.publication_save(publication=publication)
    committed()
    assert read_feed(client, f"/en/feeds/{fmt}/").entries == []


def as_read(detail) -> str:
    """The text a reader sees: feedparser hands back HTML-typed fields still escaped."""
    return html.unescape(detail.value) if detail.type == "text/html" else detail.value


@pytest.mark.parametrize("fmt", FORMATS)
def test_ampersands_and_angle_brackets_reach_the_reader_as_typed(client, fmt):
    PublicationFactory(title_en="Q&A on <Union> State", lead_en="Talks & <results>")
    [entry] = read_feed(client, f"/en/feeds/{fmt}/").entries
    assert as_read(entry.title_detail) == "Q&A on <Union> State"
    assert as_read(entry.summary_detail) == "Talks & <results>"


@pytest.mark.parametrize("fmt", FORMATS)
def test_quotes_and_apostrophes_are_escaped_once_if_at_all(client, fmt):
    """A title is XML text with HTML's markup characters escaped, never an entity of an
    entity: "Lavrov's" must not reach a reader that takes the title as text as
    "Lavrov&#x27;s"."""
    PublicationFactory(title_en='Lavrov\'s "Q&A"', lead_en="Lavrov's remarks")
    content = client.get(f"/en/feeds/{fmt}/").content.decode()
    assert "&amp;#x27;" not in content and "&amp;quot;" not in content
    [entry] = read_feed(client, f"/en/feeds/{fmt}/").entries
    assert as_read(entry.title_detail) == 'Lavrov\'s "Q&A"'
    assert as_read(entry.summary_detail) == "Lavrov's remarks"
    if fmt == "rss":
        title = ET.fromstring(content).find("channel/item/title").text
        assert title == 'Lavrov\'s "Q&amp;A"'  # the text a reader gets: HTML, quotes as typed


@pytest.mark.parametrize("fmt", FORMATS)
def test_summary_falls_back_to_the_first_words_of_the_text(client, fmt):
    words = " ".join(f"w{n}" for n in range(100))
    PublicationFactory(
        lead_en="", body_en=f"<p>Dear <strong>colleagues</strong>,</p><p>{words}</p>"
    )
    [entry] = read_feed(client, f"/en/feeds/{fmt}/").entries
    assert entry.summary.startswith("Dear colleagues, w0 w1 w2")
    assert "<" not in entry.summary
    assert entry.summary.endswith("w47…")  # 50 words: "Dear", "colleagues,", w0…w47


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", ["en", "ru", "ar"])
def test_feed_title_link_and_language_are_those_of_its_language(client, fmt, language):
    parsed = read_feed(client, f"/{language}/feeds/{fmt}/")
    with translation.override(language):
        expected_title = f"{gettext('Publications')} — {gettext('Press office')}"
    assert parsed.feed.title == expected_title
    assert parsed.feed.link == absolute(f"/{language}/publications/")
    assert parsed.feed.language == language


def test_english_feed_is_called_publications_press_office(client):
    assert read_feed(client, "/en/feeds/rss/").feed.title == "Publications — Press office"


def facet_cases():
    """(facet, value, archive query, feed title) for one item that matches and one that does not."""
    lavrov = PersonFactory(name_en="Sergey Lavrov")
    union = TopicFactory(slug="union-state", name_en="Union State")
    belarus = CountryFactory(code="BY")
    match = PublicationFactory(speakers=[lavrov], topics=[union], countries=[belarus])
    PublicationFactory(
        type=PublicationType.objects.get(code="statement"),
        speakers=[PersonFactory()],
        topics=[TopicFactory()],
        countries=[CountryFactory(code="FR")],
    )
    return match, {
        "type": ("speech", "?type=speech", "Speeches — Press office"),
        "person": (str(lavrov.pk), f"?speaker={lavrov.pk}", "Sergey Lavrov — Press office"),
        "topic": ("union-state", "?topic=union-state", "Union State — Press office"),
        "country": ("BY", "?country=BY", "Belarus — Press office"),
    }


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("facet", ["type", "person", "topic", "country"])
def test_facet_feed_carries_only_that_facet_and_links_the_filtered_archive(client, fmt, facet):
    match, cases = facet_cases()
    value, query, title = cases[facet]
    parsed = read_feed(client, f"/en/feeds/{fmt}/{facet}/{value}/")
    assert entry_links(parsed) == [absolute(match.get_absolute_url("en"))]
    assert parsed.feed.title == title
    assert parsed.feed.link == absolute(f"/en/publications/{query}")
    assert parsed.feed.language == "en"


def test_facet_feed_leaves_out_drafts_and_other_languages(client):
    lavrov = PersonFactory()
    public = PublicationFactory(speakers=[lavrov])
    PublicationFactory(speakers=[lavrov], status=Publication.Status.DRAFT)
    PublicationFactory(speakers=[lavrov], languages=("ru",))
    parsed = read_feed(client, f"/en/feeds/rss/person/{lavrov.pk}/")
    assert entry_links(parsed) == [absolute(public.get_absolute_url("en"))]


@pytest.mark.parametrize(
    "url",
    [
        "/en/feeds/json/",
        "/en/feeds/RSS/",
        "/en/feeds/rdf/type/speech/",
        "/en/feeds/rss/colour/red/",
        "/en/feeds/rss/type/no-such-type/",
        "/en/feeds/rss/person/lavrov/",
        "/en/feeds/rss/person/999999/",
        "/en/feeds/rss/person/99999999999999999999999999/",
        "/en/feeds/atom/topic/no-such-topic/",
        "/en/feeds/atom/country/ZZ/",
        "/en/feeds/atom/country/by/",
    ],
)
def test_unknown_formats_facets_and_values_are_not_found(client, url):
    CountryFactory(code="BY")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("path", ["/en/", "/en/publications/"])
def test_pages_advertise_the_feeds_of_their_language(client, path):
    html = client.get(path).text
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Publications (RSS)" '
        'href="/en/feeds/rss/">'
    ) in html
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Publications (Atom)" '
        'href="/en/feeds/atom/">'
    ) in html
    # The footer leads to the page that explains the feeds, not to a feed's raw XML.
    assert '<a class="updates-link" href="/en/updates/">Get updates</a>' in html
    assert '<a class="feed-link"' not in html


def test_footer_updates_link_follows_the_page_language(client):
    html = client.get("/de/publications/").text
    assert '<a class="updates-link" href="/de/updates/">' in html


def test_feed_links_include_advertises_one_facet(client):
    with translation.override("ru"):
        html = render_to_string(
            "speeches/includes/feed_links.html",
            {"facet": "person", "value": 7, "title": "Sergey Lavrov"},
        )
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Sergey Lavrov (RSS)" '
        'href="/ru/feeds/rss/person/7/">'
    ) in html
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Sergey Lavrov (Atom)" '
        'href="/ru/feeds/atom/person/7/">'
    ) in html


# Each feed, by the test id it is checked under.
FEEDS_COUNTED = {
    "rss": lambda p: "/en/feeds/rss/",
    "atom-ar": lambda p: "/ar/feeds/atom/",
    "type": lambda p: "/en/feeds/rss/type/speech/",
    "topic": lambda p: f"/en/feeds/rss/topic/{p.topics.first().slug}/",
    "person": lambda p: f"/en/feeds/atom/person/{p.speakers.first().pk}/",
}


@pytest.fixture(scope="module")
def feed_queries(django_db_setup, django_db_blocker) -> dict[str, tuple[int, int, int]]:
    """Each feed's queries with one rich publication and with 31, and its entries then
    (measured once for all feeds)."""
    client = Client()
    with measured_once(django_db_blocker):
        first = rich_publications(1)[0]
        urls = {key: url_of(first) for key, url_of in FEEDS_COUNTED.items()}
        with_one = {key: queries_for(client, url) for key, url in urls.items()}
        rich_publications_like(first, 30)
        return {
            key: (with_one[key], queries_for(client, url), len(read_feed(client, url).entries))
            for key, url in urls.items()
        }


@pytest.mark.parametrize("feed", FEEDS_COUNTED)
def test_feeds_issue_the_same_queries_for_1_and_30_items(feed, feed_queries):
    with_one, with_many, entries = feed_queries[feed]
    assert entries == 31
    assert with_many == with_one


@pytest.mark.parametrize(
    ("params", "feed"),
    [
        ({"topic": "security"}, "/en/feeds/rss/topic/security/"),
        ({"type": "speech"}, "/en/feeds/rss/type/speech/"),
        ({"country": "BY"}, "/en/feeds/rss/country/BY/"),
        ({"type": ["speech", "statement"]}, "/en/feeds/rss/"),
        ({"topic": "security", "year": "2019"}, "/en/feeds/rss/"),
        ({"q": "talks"}, "/en/feeds/rss/"),
        ({}, "/en/feeds/rss/"),
    ],
)
def test_a_filtered_archive_advertises_the_feed_of_its_one_term(client, params, feed):
    """An archive narrowed to one type, speaker, topic or country offers that term's feed
    (in its head and as a visible link), which lists what it lists; any other list, the
    whole archive's."""
    PublicationFactory(
        title_en="Talks",
        topics=[TopicFactory(slug="security")],
        countries=[CountryFactory(code="BY")],
    )
    PublicationFactory(type=PublicationType.objects.get(code="statement"))
    html = client.get("/en/publications/", params).text
    head = html.split("</head>")[0]
    assert 'type="application/rss+xml" title="' in head
    assert f'href="{feed}"' in head
    follows = f'<a href="{feed}" type="application/rss+xml">RSS</a>' in html
    assert follows == (feed != "/en/feeds/rss/")
    if follows:
        archive = [p.pk for p in client.get("/en/publications/", params).context["publications"]]
        entries = read_feed(client, feed).entries
        assert [int(e.link.split("/publications/")[1].split("/")[0]) for e in entries] == archive


# "Get updates": the feeds explained, for readers who have never used one


def updates_page(client, path="/en/updates/", **params) -> str:
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.text


def test_the_updates_page_explains_feeds_and_lists_the_archives(client):
    PublicationFactory()
    PublicationFactory(type=PublicationType.objects.get(code="statement"))
    html = updates_page(client)
    assert "<h1>Get updates</h1>" in html
    assert "feed reader" in html
    for url in ("/en/feeds/rss/", "/en/feeds/atom/"):
        assert f'<a href="{url}" type="application/' in html
        assert f'<code dir="ltr">http://testserver{url}</code>' in html  # to copy
    # Each type with publications in this language has its feeds; others are not offered.
    assert '<a href="/en/feeds/rss/type/speech/" type="application/rss+xml">RSS</a>' in html
    assert '<a href="/en/feeds/atom/type/statement/" type="application/atom+xml">' in html
    assert "/type/interview/" not in html
    # Every feed it links answers with a feed.
    for url in ("/en/feeds/rss/type/speech/", "/en/feeds/atom/type/statement/"):
        read_feed(client, url)
    # Its head still advertises the archive's feeds.
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml" title="Publications (RSS)"' in head


@pytest.mark.parametrize(
    ("params", "title", "feed"),
    [
        ({"topic": "security"}, "Security", "topic/security"),
        ({"country": "BY"}, "Belarus", "country/BY"),
        ({"type": "speech"}, "Speech", "type/speech"),
    ],
)
def test_reached_from_a_list_of_one_term_the_updates_page_offers_its_feeds_first(
    client, params, title, feed
):
    PublicationFactory(
        topics=[TopicFactory(slug="security", name_en="Security")],
        countries=[CountryFactory(code="BY")],
    )
    html = updates_page(client, **params)
    section = html[html.index('class="feed-choice feed-choice--followed"') :]
    section = section[: section.index("</section>")]
    assert f">{title}</h2>" in section
    for format in FORMATS:
        url = f"/en/feeds/{format}/{feed}/"
        assert f'<a href="{url}"' in section
        assert f"http://testserver{url}</code>" in section
        read_feed(client, url)
    assert html.index("feed-choice--followed") < html.index('id="feed-all"')
    head = html.split("</head>")[0]
    assert f'href="/en/feeds/rss/{feed}/"' in head


def test_the_person_facet_uses_the_feeds_name_for_it(client):
    speaker = PersonFactory(name_en="Sergey Lavrov")
    PublicationFactory(speakers=[speaker])
    html = updates_page(client, person=str(speaker.pk))
    assert ">Sergey Lavrov</h2>" in html
    assert f'<a href="/en/feeds/rss/person/{speaker.pk}/"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "embargoed"},  # only a scheduled item carries it
        {"topic": "no-such-topic"},
        {"person": "999999"},
        {"person": "abc"},
        {"country": "ZZ"},
        {"type": "interview"},  # no interview in this language
        {"topic": "\x00"},
        {"speaker": "1"},  # the archive's name for it, not a feed facet
    ],
)
def test_a_value_no_feed_has_is_left_out_of_the_updates_page(client, params):
    PublicationFactory()
    PublicationFactory(
        topics=[TopicFactory(slug="embargoed", name_en="Embargoed topic")],
        published_at=timezone.now() + timedelta(hours=1),
    )
    html = updates_page(client, **params)
    assert "feed-choice--followed" not in html
    assert "Embargoed topic" not in html and "/topic/embargoed/" not in html


def test_the_footer_leads_to_the_updates_page_of_the_list_it_is_on(client):
    speaker = PersonFactory()
    topic = TopicFactory(slug="security")
    PublicationFactory(speakers=[speaker], topics=[topic], countries=[CountryFactory(code="BY")])

    def footer_link(path, params=None) -> str:
        text = client.get(path, params or {}).text
        footer = text[text.index('<footer class="site-footer">') :]
        (url,) = [part.split('"')[0] for part in footer.split('<a class="updates-link" href="')[1:]]
        return html.unescape(url)

    assert footer_link("/en/") == "/en/updates/"
    assert footer_link("/en/publications/") == "/en/updates/"
    assert footer_link("/en/publications/", {"topic": "security"}) == "/en/updates/?topic=security"
    assert footer_link("/en/publications/", {"speaker": speaker.pk}) == (
        f"/en/updates/?person={speaker.pk}"
    )
    assert footer_link("/en/publications/", {"topic": "security", "q": "x"}) == "/en/updates/"
    assert footer_link(f"/en/persons/{speaker.pk}/") == f"/en/updates/?person={speaker.pk}"
    assert footer_link("/en/topics/security/") == "/en/updates/?topic=security"
    assert footer_link("/en/countries/BY/") == "/en/updates/?country=BY"
    # A term page's "Follow" line explains its feeds there too.
    topic_page = client.get("/en/topics/security/").text
    assert '<a href="/en/updates/?topic=security">What is this?</a>' in topic_page
    for path in (
        f"/en/updates/?person={speaker.pk}",
        "/en/updates/?topic=security",
        "/en/updates/?country=BY",
    ):
        assert "feed-choice--followed" in client.get(path).text, path
