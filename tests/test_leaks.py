"""Nothing unpublished reaches a reader, by any channel, until its second comes.

One parametrised test: every non-public state × every public channel, files included,
then the embargo to the second with the clock moved (no command is ever run).

A withdrawn item leaves every channel but keeps its own page (under a dated explanation)
and its files; an unpublished one is gone (410), or sends readers to its replacement.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from speeches.models import Country, Material, Publication, PublicationMaterial
from speeches.publishing import services, workflow
from tests import media_files
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import committed, shows_date

pytestmark = pytest.mark.django_db

SECRET = "Zanzibarian"  # a word that appears nowhere else
EXPLANATION = "This statement misquoted the minister and has been withdrawn."


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
    publisher = UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
    if state == "public":  # made non-public later by the test
        hidden = PublicationFactory(**fields)
    elif state == "draft":
        hidden = PublicationFactory(status=Publication.Status.DRAFT, **fields)
    elif state == "in_review":
        hidden = PublicationFactory(status=Publication.Status.DRAFT, **fields)
        workflow.publication_submit(publication=hidden, user=publisher)
    elif state == "scheduled":
        hidden = PublicationFactory(published_at=published_at, **fields)
    elif state == "withdrawn":
        hidden = PublicationFactory(**fields)
        workflow.publication_withdraw(publication=hidden, user=publisher, explanation=EXPLANATION)
    elif state in ("unpublished", "replaced"):
        hidden = PublicationFactory(**fields)
        workflow.publication_unpublish(
            publication=hidden,
            user=publisher,
            reason="Published by mistake.",
            replacement=visible if state == "replaced" else None,
        )
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
        "topics index": f"/{language}/topics/",
        "countries index": f"/{language}/countries/",
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
    found += counted(client, item, language)
    if client.get(f"/{language}/publications/{item.pk}/").status_code != 404:
        found.append("detail page")
    api = client.get(f"/api/publications/{item.pk}")
    if api.status_code != 404 and any(marker in api.content.decode() for marker in markers):
        found.append("api detail")
    for variant in ("thumb-jpeg", "download"):
        if client.get(f"/files/{item.photo.pk}/{variant}/x").status_code != 404:
            found.append(f"file {variant}")
    return found


def counted(client: Client, item: Publication, language: str) -> list[str]:
    """Taxonomy indexes whose count for the shared terms includes ``item``.

    Only the public item shares them, so each count must be exactly one.
    """
    country = Country.objects.get(code="BY")
    terms = {
        "persons": item.speakers.get().name_en,
        "topics": item.topics.get().name_en,
        "countries": getattr(country, f"name_{language}") or country.name_en,
    }
    found = []
    for index, name in terms.items():
        body = client.get(f"/{language}/{index}/").content.decode()
        count = re.search(rf'>{re.escape(name)}</a>\s*<span class="term-list__count">(\d+)', body)
        assert count, f"{name} is missing from the {index} index"
        if count.group(1) != "1":
            found.append(f"{index} count")
    return found


# What a reader still reaches of an item in each state; "detail page" is looked at
# more closely below (a withdrawn page, a 410, a redirect).
STILL_REACHABLE = {
    "draft": [],
    "in_review": [],
    "scheduled": [],
    "language": [],
    "withdrawn": ["detail page", "file thumb-jpeg", "file download"],
    "unpublished": ["detail page"],
    "replaced": ["detail page"],  # unpublished, with a replacement
}


@pytest.mark.parametrize(
    ("state", "language"),
    [
        ("draft", "en"),
        ("in_review", "en"),
        ("scheduled", "en"),
        ("language", "fr"),
        ("withdrawn", "en"),
        ("unpublished", "en"),
        ("replaced", "en"),
    ],
)
def test_a_non_public_item_or_version_is_absent_from_every_channel(state, language):
    item = make_item(state, published_at=timezone.now() + timedelta(days=1))
    client = Client()
    found = leaks(client, item, language)
    if state == "language":
        # The item itself is public in English, so its photo may be served; its French
        # text must appear nowhere.
        found = [name for name in found if not name.startswith("file")]
    if state == "withdrawn":
        # Its page stays; whether the API still answers for it is the API's business.
        found = [name for name in found if name != "api detail"]
    assert found == STILL_REACHABLE[state]

    item.refresh_from_db()
    addresses = [f"/{language}/publications/{item.pk}/", item.get_absolute_url(language)]
    if state == "withdrawn":
        page = client.get(addresses[0], follow=True)
        assert page.status_code == 200
        html = page.content.decode()
        # At the top: above the text, with the date of the withdrawal.
        body = html.index("<body")
        assert EXPLANATION in html[body:]
        assert html.index(EXPLANATION, body) < html.index(f"{SECRET} text", body)
        assert shows_date(html, item.withdrawn_at, language)
    elif state == "unpublished":
        for address in addresses:
            gone = client.get(address)
            assert gone.status_code == 410
            body = gone.content.decode()
            assert SECRET not in body
    elif state == "replaced":
        for address in addresses:
            moved = client.get(address)
            assert moved.status_code in (301, 302)
            assert moved["Location"].startswith(f"/{language}/publications/{item.visible.pk}/")
            assert client.get(address, follow=True).status_code == 200
    if state in ("unpublished", "replaced"):
        assert client.get(f"/api/publications/{item.pk}").status_code == 404


@pytest.mark.parametrize("kept", [False, True], ids=["built", "kept"])
def test_embargo_to_the_second_without_any_command(kept, settings):
    """Also with readers' pages kept whole (PAGE_CACHE_SECONDS), as they are in use:
    the pages kept a second before the embargo are not served at its second."""
    settings.PAGE_CACHE_SECONDS = 600 if kept else 0
    release = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    item = make_item("scheduled", published_at=release)
    committed()
    client = Client()
    with time_machine.travel(release - timedelta(seconds=1), tick=False):
        assert leaks(client, item, "en") == []
    with time_machine.travel(release, tick=False):
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


@pytest.mark.parametrize("state", ["withdrawn", "unpublished", "replaced"])
def test_pages_kept_while_an_item_was_public_forget_it_when_it_leaves(state, settings):
    """Readers' pages kept whole (PAGE_CACHE_SECONDS) while the item was public: after
    the transition commits, no channel serves what was kept."""
    settings.PAGE_CACHE_SECONDS = 600
    item = make_item("public")
    committed()
    client = Client()
    assert "home" in leaks(client, item, "en")  # every channel now kept with the item
    publisher = get_user_model().objects.get(username="publisher")
    if state == "withdrawn":
        workflow.publication_withdraw(publication=item, user=publisher, explanation=EXPLANATION)
    else:
        replacement = item.visible if state == "replaced" else None
        workflow.publication_unpublish(
            publication=item, user=publisher, reason="Mistake.", replacement=replacement
        )
    committed()
    found = leaks(client, item, "en")
    if state == "withdrawn":  # as above: the API's business
        found = [name for name in found if name != "api detail"]
    assert found == STILL_REACHABLE[state]
