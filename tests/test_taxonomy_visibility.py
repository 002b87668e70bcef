"""Persons, topics, countries and types are public only through publications public in the
reader's language: until then no page, filter, count, feed, sitemap or API answer names them.

One matrix: each way an item can be out of readers' sight (``STAGES``), against each place a
reader can meet a term (``PLACES``). Every case walks its item through the workflow, so the
same place is checked once with the item hidden and once with it public.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from speeches.languages import translating
from speeches.models import Country, LanguageVersion, Person, Publication, PublicationType, Topic
from speeches.publishing import services, workflow
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    publication_in_state,
)

pytestmark = pytest.mark.django_db


@dataclass
class Terms:
    """Terms of the item under test: its own three and its type, and three it shares with a
    public item."""

    person: Person
    topic: Topic
    country: Country
    type: PublicationType
    shared_person: Person
    shared_topic: Topic
    shared_country: Country

    @property
    def own(self) -> list:
        return [self.person, self.topic, self.country]

    @property
    def names(self) -> list[str]:
        return [term.name for term in self.own]

    def links(self) -> dict:
        return {
            "type": self.type,
            "speakers": [self.person, self.shared_person],
            "topics": [self.topic, self.shared_topic],
            "countries": [self.country, self.shared_country],
        }


def page(term, language: str = "en") -> str:
    with translation.override(language):
        return term.get_absolute_url()


# How an item leaves or reaches readers. Each yields whether readers of English may now
# see it, after taking it there the way people do.


def _people():
    author = UserFactory(username="author", is_staff=True, groups=["Editors"])
    publisher = UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
    return author, publisher


def draft(terms):
    author, publisher = _people()
    publication = publication_in_state("draft", author=author, publisher=publisher, **terms.links())
    yield False
    workflow.publication_submit(publication=publication, user=author)
    workflow.publication_publish(publication=publication, user=publisher)
    yield True


def in_review(terms):
    author, publisher = _people()
    publication = publication_in_state(
        "in_review", author=author, publisher=publisher, **terms.links()
    )
    yield False
    workflow.publication_publish(publication=publication, user=publisher)
    yield True


def scheduled(terms):
    publication = publication_in_state("scheduled", **terms.links())
    yield False
    # The embargo's hour comes: nothing else changes, as at the real second.
    Publication.objects.filter(pk=publication.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    yield True


def withdrawn(terms):
    author, publisher = _people()
    publication = publication_in_state(
        "published", author=author, publisher=publisher, **terms.links()
    )
    yield True
    workflow.publication_withdraw(
        publication=publication, user=publisher, explanation="The figures were wrong."
    )
    yield False


def untranslated(terms):
    """Published in Russian only; readers of English get it once the translation is ready."""
    publication = PublicationFactory(languages=("ru",), **terms.links())
    yield False
    publication.title_en = "Translated at last"
    publication.body_en = "<p>The English text.</p>"
    services.publication_save(publication=publication)
    translating.translation_mark_ready(publication=publication, language="en", user=None)
    yield True


def translation_in_progress(terms):
    """Published in Russian, its English text saved but not yet marked ready: a version
    that exists, and that readers of English do not get until it is."""
    publication = PublicationFactory(languages=("ru",), **terms.links())
    publication.title_en = "Translated, not yet checked"
    publication.body_en = "<p>The English text.</p>"
    services.publication_save(publication=publication)
    english = publication.versions.get(language="en")
    assert english.status == LanguageVersion.Status.IN_PROGRESS
    yield False
    translating.translation_mark_ready(publication=publication, language="en", user=None)
    yield True


def outdated_and_hidden(terms):
    """A ready English translation, outdated by an edit of the Russian original (it stays
    up), then hidden by an editor until it is updated."""
    _author, publisher = _people()
    publication = PublicationFactory(languages=("ru", "en"), **terms.links())
    yield True
    publication.body_ru = "<p>Исправленный текст оригинала.</p>"
    services.publication_save(publication=publication, user=publisher)
    translating.translation_set_hidden(
        publication=publication, language="en", user=publisher, hidden=True
    )
    yield False


STAGES = [
    draft,
    in_review,
    scheduled,
    withdrawn,
    untranslated,
    translation_in_progress,
    outdated_and_hidden,
]


# Where a reader meets a term. Each asserts that ``terms`` is seen there exactly when
# ``shown``, and that a count of the shared terms includes the item only then.


def offered(response) -> dict[str, set[str]]:
    """The values each term filter of a page's form offers."""
    fields = response.context["filterset"].form.fields
    return {
        name: {value for value, _label in fields[name].choices}
        for name in ("type", "speaker", "topic", "country")
        if name in fields
    }


def archive_filter_options(client, terms, shown):
    response = client.get("/en/publications/")
    options = offered(response)
    assert (terms.type.code in options["type"]) is shown
    assert (str(terms.person.pk) in options["speaker"]) is shown
    assert (terms.topic.slug in options["topic"]) is shown
    assert (terms.country.code in options["country"]) is shown
    for name in [*terms.names, terms.type.name]:
        assert (name in response.text) is shown, name
    # A term page's form offers the same: the shared person's page, which the item under
    # test would join, offers its type, topic and country only once readers may see it.
    options = offered(client.get(page(terms.shared_person)))
    assert "speaker" not in options
    assert (terms.type.code in options["type"]) is shown
    assert (terms.topic.slug in options["topic"]) is shown
    assert (terms.country.code in options["country"]) is shown


def index_pages(client, terms, shown):
    for url, own, shared in [
        ("/en/persons/", terms.person, terms.shared_person),
        ("/en/topics/", terms.topic, terms.shared_topic),
        ("/en/countries/", terms.country, terms.shared_country),
    ]:
        response = client.get(url)
        counts = {term: term.publication_count for term in response.context["terms"]}
        assert (own in counts) is shown, url
        assert (own.name in response.text) is shown, url
        assert counts[shared] == (2 if shown else 1), url


def own_pages(client, terms, shown):
    for term in terms.own:
        response = client.get(page(term))
        assert response.status_code == (200 if shown else 404), term
        assert (term.name in response.text) is shown, term


def feeds(client, terms, shown):
    # Entries name their speakers (author) and topics (categories); countries only
    # select a facet (below).
    for fmt in ("rss", "atom"):
        text = client.get(f"/en/feeds/{fmt}/").text
        assert (terms.person.name in text) is shown, fmt
        assert (terms.topic.name in text) is shown, fmt


def feed_facets(client, terms, shown):
    for fmt in ("rss", "atom"):
        response = client.get(f"/en/feeds/{fmt}/type/{terms.type.code}/")
        assert response.status_code == (200 if shown else 404), (fmt, "type")
        for facet, value, shared in [
            ("person", terms.person.pk, terms.shared_person.pk),
            ("topic", terms.topic.slug, terms.shared_topic.slug),
            ("country", terms.country.code, terms.shared_country.code),
        ]:
            response = client.get(f"/en/feeds/{fmt}/{facet}/{value}/")
            assert response.status_code == (200 if shown else 404), (fmt, facet)
            entries = client.get(f"/en/feeds/{fmt}/{facet}/{shared}/").text.count(
                "<item>" if fmt == "rss" else "<entry>"
            )
            assert entries == (2 if shown else 1), (fmt, facet)


def sitemap(client, terms, shown):
    index = client.get("/sitemap.xml").text
    for term, section in zip(terms.own, ("persons", "topics", "countries"), strict=True):
        assert f"/sitemap-{section}.xml" in index
        text = client.get(f"/sitemap-{section}.xml").text
        url = f"http://testserver{page(term)}"
        assert (url in text) is shown, section


def api_taxonomies(client, terms, shown):
    types = client.get("/api/types", {"lang": "en"}).json()
    assert (terms.type.code in {term["code"] for term in types}) is shown
    for path, key, own, shared in [
        ("/api/persons", "id", terms.person.pk, terms.shared_person.pk),
        ("/api/topics", "slug", terms.topic.slug, terms.shared_topic.slug),
        ("/api/countries", "code", terms.country.code, terms.shared_country.code),
    ]:
        response = client.get(path, {"lang": "en"})
        counts = {term[key]: term["publication_count"] for term in response.json()}
        assert (own in counts) is shown, path
        assert counts[shared] == (2 if shown else 1), path


def api_filters(client, terms, shown):
    for param, value in [
        ("speaker", terms.person.pk),
        ("topic", terms.topic.slug),
        ("country", terms.country.code),
        ("type", terms.type.code),
    ]:
        response = client.get("/api/publications", {"lang": "en", param: value})
        # Not a 200 with nothing in it: that would tell the term exists behind the scenes.
        if shown:
            assert response.status_code == 200, param
            assert response.json()["count"] == 1, param
        else:
            assert response.status_code == 400, param
            assert param in response.json()["errors"], param


PLACES = [
    archive_filter_options,
    index_pages,
    own_pages,
    feeds,
    feed_facets,
    sitemap,
    api_taxonomies,
    api_filters,
]


@pytest.fixture
def terms():
    shared = {
        "shared_person": PersonFactory(),
        "shared_topic": TopicFactory(),
        "shared_country": CountryFactory(code="DE"),
    }
    # Something public beside the item: the pages, feeds and counts are not empty.
    PublicationFactory(
        speakers=[shared["shared_person"]],
        topics=[shared["shared_topic"]],
        countries=[shared["shared_country"]],
    )
    return Terms(
        person=PersonFactory(name_en="Vesper Quillfeather", name_ru="Веспер Квиллфезер"),
        topic=TopicFactory(slug="undisclosed-talks", name_en="Undisclosed talks"),
        country=CountryFactory(code="IS"),  # Iceland
        type=PublicationType.objects.create(
            code="communique",
            name_en="Joint communiqué",
            name_ru="Совместное коммюнике",
            plural_name_en="Joint communiqués",
        ),
        **shared,
    )


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("stage", STAGES)
def test_terms_of_an_item_readers_cannot_see_appear_nowhere_until_they_can(
    client, terms, stage, place
):
    seen = []
    for shown in stage(terms):
        place(client, terms, shown)
        seen.append(shown)
    assert sorted(seen) == [False, True]  # each place was checked hidden and public


def test_an_untranslated_items_terms_are_public_in_its_own_language(client, terms):
    PublicationFactory(languages=("ru",), **terms.links())
    for term in terms.own:
        assert client.get(page(term, "ru")).status_code == 200
        assert client.get(page(term, "en")).status_code == 404
    text = client.get("/sitemap-persons.xml").text
    assert f"http://testserver/ru/persons/{terms.person.pk}/" in text
    assert f"http://testserver/en/persons/{terms.person.pk}/" not in text


def test_a_country_without_any_publication_is_not_offered(client):
    PublicationFactory(countries=[CountryFactory(code="FR")])
    lonely = CountryFactory(code="BR")
    response = client.get("/en/publications/")
    codes = [
        value for value, _label in response.context["filterset"].form.fields["country"].choices
    ]
    assert codes == ["", "FR"]
    assert lonely.name not in response.text
    assert client.get("/en/countries/BR/").status_code == 404
