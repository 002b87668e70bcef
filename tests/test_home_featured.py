"""The home page's hierarchy: a featured story with its photo and lead (the publishers'
choice, else the newest item with a photo), then the newest items, then each type's,
every item once."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from speeches.models import Material, Publication, PublicationMaterial, WorkflowEvent
from speeches.publishing import services, workflow
from tests import media_files
from tests.factories import PublicationFactory
from tests.helpers import committed, logged_in

pytestmark = pytest.mark.django_db


def item(days_ago: int, **fields) -> Publication:
    return PublicationFactory(
        published_at=timezone.now() - timedelta(days=days_ago),
        title_en=f"Item of {days_ago} days ago",
        lead_en=f"The lead of the item of {days_ago} days ago.",
        **fields,
    )


def with_photo(publication: Publication) -> Publication:
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="The meeting room")
    )
    PublicationMaterial.objects.create(publication=publication, material=photo, position=0)
    return publication


def titles(html: str) -> list[str]:
    return re.findall(r"Item of \d+ days ago", html)


def featured_part(html: str) -> str:
    return html.split('<article class="featured-story')[1].split("</article>")[0]


def test_the_newest_item_with_a_photo_is_featured_with_its_photo_and_lead(client):
    item(1)
    with_photo(item(3))
    for days in range(4, 12):
        item(days)
    committed()
    html = client.get("/en/").text
    featured = featured_part(html)
    assert "Item of 3 days ago" in featured
    assert "The lead of the item of 3 days ago." in featured
    assert re.search(r'<img class="featured-story__photo" src="/files/\d+/medium-jpeg/', featured)
    assert 'alt="The meeting room"' in featured
    # Every item once: the featured one, four newest, three more of their type.
    shown = titles(html)
    assert len(shown) == len(set(shown)) == 8


def test_the_publishers_choice_is_featured_and_replaces_the_previous_one(publisher):
    with_photo(item(1))
    first, second = item(5), item(8)
    workflow.publication_feature(publication=first, user=publisher)
    workflow.publication_feature(publication=second, user=publisher)
    committed()
    first.refresh_from_db()
    assert first.featured_at is None
    assert "Item of 8 days ago" in featured_part(logged_in(publisher).get("/en/").text)
    actions = WorkflowEvent.objects.filter(publication__in=[first, second]).values_list(
        "publication_id", "action"
    )
    assert set(actions) == {
        (first.pk, "feature"),
        (first.pk, "unfeature"),
        (second.pk, "feature"),
    }


def test_a_choice_unavailable_in_the_readers_language_gives_way_there(client, publisher):
    with_photo(item(2, languages=("en", "ru")))
    chosen = item(6)  # English only
    workflow.publication_feature(publication=chosen, user=publisher)
    committed()
    assert "Item of 6 days ago" in featured_part(client.get("/en/").text)
    assert "Item of 6 days ago" not in client.get("/ru/").text


@pytest.mark.parametrize("role", ["author", "translator"])
def test_authors_and_translators_may_not_feature(role, request):
    chosen = item(2)
    with pytest.raises(PermissionDenied):
        workflow.publication_feature(publication=chosen, user=request.getfixturevalue(role))
    chosen.refresh_from_db()
    assert chosen.featured_at is None
    assert not WorkflowEvent.objects.filter(publication=chosen).exists()


def test_the_change_page_offers_feature_or_stop_featuring(publisher):
    chosen = item(2)
    client = logged_in(publisher)
    url = f"/admin/speeches/publication/{chosen.pk}/change/"
    assert "/workflow/feature/" in client.get(url).text
    response = client.post(f"/admin/speeches/publication/{chosen.pk}/workflow/feature/")
    assert response.status_code == 302
    page = client.get(url).text
    assert "/workflow/unfeature/" in page and "/workflow/feature/" not in page


def test_featuring_keeps_the_text_and_the_edit_version(publisher):
    chosen = item(2)
    version = chosen.edit_version
    workflow.publication_feature(publication=chosen, user=publisher)
    chosen.refresh_from_db()
    assert chosen.edit_version == version and chosen.featured_at is not None


def test_without_photos_the_newest_item_is_featured(client):
    item(1)
    item(2)
    committed()
    html = client.get("/en/").text
    assert "Item of 1 days ago" in featured_part(html)
    assert "featured-story__photo" not in html
