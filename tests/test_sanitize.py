"""Body HTML is cleaned with an allow-list on every write path, not only in forms."""

import pytest

from speeches.models import Publication, PublicationType
from tests.factories import PublicationFactory
from tests.helpers import publication_form_data

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="alert(1)">Hello <a href="javascript:alert(2)">link</a></p>'
    "<script>alert(3)</script><h2>Kept</h2><iframe src=//evil></iframe>"
)


def assert_clean(html: str) -> None:
    assert "<script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<iframe" not in html
    assert "<p>Hello" in html
    assert '<h2 id="h-1">Kept</h2>' in html  # with its anchor (richtext.anchored)


def test_service_save_sanitises_every_language():
    publication = PublicationFactory(languages=("en", "ar"), body_en=HOSTILE, body_ar=HOSTILE)
    publication.refresh_from_db()
    assert_clean(publication.body_en)
    assert_clean(publication.body_ar)


def test_plain_orm_create_sanitises():
    publication = Publication.objects.create(
        type=PublicationType.objects.first(), title_en="Direct", body_en=HOSTILE
    )
    publication.refresh_from_db()
    assert_clean(publication.body_en)


def test_queryset_update_and_bulk_update_sanitise():
    publication = PublicationFactory()
    Publication.objects.filter(pk=publication.pk).update(body_de=HOSTILE)
    publication.refresh_from_db()
    assert_clean(publication.body_de)

    publication.body_fr = HOSTILE
    Publication.objects.bulk_update([publication], ["body_fr"])
    publication.refresh_from_db()
    assert_clean(publication.body_fr)


def test_admin_form_sanitises(editor_client):
    response = editor_client.post(
        "/admin/speeches/publication/add/", publication_form_data(body_en=HOSTILE)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_clean(Publication.objects.get().body_en)
