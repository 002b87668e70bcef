import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from speeches.models import Publication
from tests.factories import PersonFactory, PublicationFactory, UserFactory, translator_of
from tests.helpers import publication_form_data

pytestmark = pytest.mark.django_db


def test_admin_refuses_anonymous_users(client):
    response = client.get("/admin/speeches/publication/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_admin_refuses_users_without_staff_status(client):
    client.force_login(UserFactory(is_staff=False))
    assert client.get("/admin/speeches/publication/").status_code == 302


def test_changelist_links_every_public_language_version(editor_client):
    publication = PublicationFactory(
        languages=("en", "de"), title_en="Remarks on Belarus", title_fr="Brouillon"
    )
    response = editor_client.get("/admin/speeches/publication/")
    assert response.status_code == 200
    assert "Remarks on Belarus" in response.text
    cell = response.text.split('class="field-language_codes">')[1].split("</td>")[0]
    url = publication.get_absolute_url
    # Each language a badge in settings order; the public ones link to the reader's page.
    assert (
        f'<a href="{url("en")}" hreflang="en"><span class="status-badge status-badge--original"'
        in cell
    )
    assert (
        f'<a href="{url("de")}" hreflang="de"><span class="status-badge status-badge--published"'
        in cell
    )
    assert (
        '<span class="status-badge status-badge--in_progress" title="French: in progress">' in cell
    )
    assert 'hreflang="fr"' not in cell
    assert cell.index(">en<") < cell.index(">de<") < cell.index(">fr<")


def test_changelist_reads_no_text_and_an_action_gets_whole_rows(client):
    """``PublicationChangeList``: the list's query leaves bodies and plain texts in the
    database; the XLIFF export, an action, still exports the texts."""
    publication = PublicationFactory(body_en="<p>Colleagues, friends,</p>")
    client.force_login(translator_of("fr"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/speeches/publication/").status_code == 200
    listing = [q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"]]
    assert listing and not any('"body_en"' in sql or '"plain_text_en"' in sql for sql in listing)
    response = client.post(
        "/admin/speeches/publication/",
        {
            "action": "export_xliff",
            "_selected_action": [publication.pk],
            "apply": "1",
            "language": "fr",
        },
    )
    assert response["Content-Type"].startswith("application/xliff+xml")
    assert b"Colleagues, friends," in response.content


def test_change_form_has_fields_and_a_rich_text_editor_per_language(publisher_client):
    publication = PublicationFactory(languages=("en", "ar"))
    response = publisher_client.get(f"/admin/speeches/publication/{publication.pk}/change/")
    assert response.status_code == 200
    html = response.text
    for code, _name in settings.LANGUAGES:
        assert f'name="title_{code}"' in html
        assert f'name="body_{code}"' in html
    assert html.count("data-django-prose-editor") >= len(settings.LANGUAGES)
    # One switch of our own for the whole form: no jQuery UI tabs, nothing from a CDN.
    assert "admin/js/language_switch.js" in html
    assert "jquery-ui" not in html
    assert "googleapis" not in html
    # "View on site" for every public language version.
    assert f'href="/ar/publications/{publication.pk}/' in html
    assert f'href="/en/publications/{publication.pk}/' in html


def test_editor_creates_a_publication_with_versions_and_audit_fields(editor_client, editor):
    speaker = PersonFactory()
    response = editor_client.post(
        "/admin/speeches/publication/add/",
        publication_form_data(
            title_de="Erklärung zur gemeinsamen Sitzung",
            body_de="<p>Der Text.</p>",
            speakers=[speaker.pk],
        ),
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    # A new item is a draft, whatever the form says: publishing is a workflow action.
    assert publication.status == Publication.Status.DRAFT
    assert sorted(publication.versions.values_list("language", flat=True)) == ["de", "en"]
    assert publication.created_by == publication.updated_by == editor
    assert list(publication.speakers.all()) == [speaker]
    local = timezone.localtime(publication.published_at)
    assert local.strftime("%Y-%m-%d %H:%M %Z") == "2019-11-18 16:40 MSK"


def test_invalid_input_keeps_what_the_editor_typed(editor_client):
    response = editor_client.post(
        "/admin/speeches/publication/add/",
        publication_form_data(original_language="ru", title_de="Mein Entwurf"),
    )
    assert response.status_code == 200
    assert "The original language version needs a title." in response.text
    assert 'value="Mein Entwurf"' in response.text
    assert not Publication.objects.exists()


def test_publisher_changes_the_german_title_and_the_german_page_shows_it(publisher_client, client):
    publication = PublicationFactory(languages=("en", "de"), title_de="Alter Titel")
    data = publication_form_data(
        title_en=publication.title_en,
        body_en=publication.body_en,
        title_de="Neuer deutscher Titel",
        body_de=publication.body_de,
        version_de="ready",  # as the form shows it: the German version is ready
        opened_version=publication.edit_version,
    )
    response = publisher_client.post(f"/admin/speeches/publication/{publication.pk}/change/", data)
    assert response.status_code == 302
    page = client.get(f"/de/publications/{publication.pk}/", follow=True)
    assert page.status_code == 200
    assert '<h1 class="publication__title">Neuer deutscher Titel</h1>' in page.text
    assert page.redirect_chain[-1][0].endswith("/neuer-deutscher-titel/")


def test_search_finds_titles_in_every_language(editor_client):
    PublicationFactory(languages=("ru",), title_ru="Заявление по Беларуси")
    PublicationFactory(languages=("en",), title_en="Something else")
    response = editor_client.get("/admin/speeches/publication/", {"q": "Беларуси"})
    assert "Заявление по Беларуси" in response.text
    assert "Something else" not in response.text


def test_filter_by_language_version_present_or_missing(editor_client):
    PublicationFactory(languages=("en", "fr"), title_en="Has French")
    PublicationFactory(languages=("en",), title_en="English only")
    with_fr = editor_client.get("/admin/speeches/publication/", {"language_status": "fr:ready"})
    without_fr = editor_client.get(
        "/admin/speeches/publication/", {"language_status": "fr:missing"}
    )
    with_fr, without_fr = with_fr.text, without_fr.text
    assert "Has French" in with_fr and "English only" not in with_fr
    assert "English only" in without_fr and "Has French" not in without_fr


def test_speaker_autocomplete_searches_every_language(editor_client):
    PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "term": "Лавров",
            "app_label": "speeches",
            "model_name": "publication",
            "field_name": "speakers",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Sergey Lavrov"]
