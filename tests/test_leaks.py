"""Nothing unpublished reaches a reader, by any channel, until its second comes.

One parametrised test: every non-public state × every public channel, files included,
then the embargo to the second with the clock moved (no command is ever run).
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from speeches import services
from speeches.models import Material, Publication, PublicationMaterial
from tests import media_files
from tests.factories import CountryFactory, PersonFactory, PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db

SECRET = "Zanzibarian"  # a word that appears nowhere else


def make_item(state: str, published_at=None) -> Publication:
    """A publication that shares every term with a public one, in the given state."""
    person = PersonFactory(name_en="Shared Speaker")
    topic = TopicFactory(slug="shared-topic", name_en="Shared topic")
    country = CountryFactory(code="BY")
    visible = PublicationFactory(
        languages=("en", "de", "fr"), speakers=[person], topics=[topic], countries=[country]
    )
    fields = {
        "title_en": f"{SECRET} statement",
        "lead_en": f"{SECRET} lead",
        "body_en": f"<p>{SECRET} text</p>",
        "speakers": [person],
        "topics": [topic],
        "countries": [country],
    }
    if state == "draft":
        hidden = PublicationFactory(status=Publication.Status.DRAFT, **fields)
    elif state == "scheduled":
        hidden = PublicationFactory(published_at=published_at, **fields)
    else:  # "language": the item is public, but its French version is only in progress
        hidden = PublicationFactory(
            languages=("en",),
            title_fr=f"{SECRET} titre",
            body_fr="",
            **{k: v for k, v in fields.items() if not k.endswith("_en")},
        )
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="A", alt_text_fr="A")
    )
    PublicationMaterial.objects.create(publication=hidden, material=photo)
    hidden.photo = photo
    hidden.visible = visible
    return hidden


def channels(item: Publication, language: str) -> dict[str, str]:
    person, topic = item.speakers.get(), item.topics.get()
    return {
        "home": f"/{language}/",
        "archive": f"/{language}/publications/",
        "search": f"/{language}/publications/?q={SECRET}",
        "person page": f"/{language}/persons/{person.pk}/",
        "topic page": f"/{language}/topics/{topic.slug}/",
        "country page": f"/{language}/countries/BY/",
        "persons index": f"/{language}/persons/",
        "feed": f"/{language}/feeds/rss/",
        "person feed": f"/{language}/feeds/atom/person/{person.pk}/",
        "sitemap": "/sitemap-publications.xml",
        "api list": f"/api/publications?lang={language}&q={SECRET}",
        "api list all": f"/api/publications?lang={language}",
        "related and language rows": item.visible.get_absolute_url(language),
    }


def leaks(client: Client, item: Publication, language: str) -> list[str]:
    # Its texts, and links to it in this language. (The query itself, echoed in the
    # search box, is not a leak: it says "Zanzibarian", never "Zanzibarian statement".)
    markers = [f"{SECRET} {word}" for word in ("statement", "lead", "text", "titre")]
    markers.append(f"/{language}/publications/{item.pk}/")
    found = []
    for name, url in channels(item, language).items():
        body = client.get(url).content.decode()
        if any(marker in body for marker in markers):
            found.append(name)
    if client.get(f"/{language}/publications/{item.pk}/").status_code != 404:
        found.append("detail page")
    api = client.get(f"/api/publications/{item.pk}")
    if api.status_code != 404 and any(marker in api.content.decode() for marker in markers):
        found.append("api detail")
    for variant in ("thumb-jpeg", "download"):
        if client.get(f"/files/{item.photo.pk}/{variant}/x").status_code != 404:
            found.append(f"file {variant}")
    return found


@pytest.mark.parametrize(
    ("state", "language"),
    [("draft", "en"), ("scheduled", "en"), ("language", "fr")],
)
def test_a_non_public_item_or_version_is_absent_from_every_channel(state, language):
    item = make_item(state, published_at=timezone.now() + timedelta(days=1))
    client = Client()
    found = leaks(client, item, language)
    if state == "language":
        # The item itself is public in English, so its photo may be served; its French
        # text must appear nowhere.
        found = [name for name in found if not name.startswith("file")]
    assert found == []


def test_embargo_to_the_second_without_any_command():
    release = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    item = make_item("scheduled", published_at=release)
    client = Client()
    with mock.patch("django.utils.timezone.now", return_value=release - timedelta(seconds=1)):
        assert leaks(client, item, "en") == []
    with mock.patch("django.utils.timezone.now", return_value=release):
        assert client.get(f"/en/publications/{item.pk}/", follow=True).status_code == 200
        present = set(leaks(client, item, "en"))
    assert {
        "home",
        "archive",
        "search",
        "feed",
        "person feed",
        "sitemap",
        "api list",
        "detail page",
        "api detail",
        "file thumb-jpeg",
        "file download",
    } <= present
