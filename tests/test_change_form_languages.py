"""The change form's control for each translation shows its state and means what it shows:
an outdated version reads "outdated" (never ticked "ready"), "ready" renews it against the
current original, and a version this very save outdates stays outdated."""

import re

import pytest

from speeches.models import LanguageVersion
from speeches.publishing import services
from tests.factories import PublicationFactory
from tests.helpers import change_form_data, change_url

pytestmark = pytest.mark.django_db

BODY = "<p>First paragraph.</p><p>Second paragraph.</p>"


def status(publication, code):
    version = LanguageVersion.objects.get(publication=publication, language=code)
    return "hidden" if version.hidden else version.status


def outdated(languages=("en", "de", "fr")):
    publication = PublicationFactory(languages=languages, body_en=BODY)
    publication.body_en = "<p>A new original.</p>"
    services.publication_save(publication=publication)
    return publication


def control(html: str, code: str) -> str:
    return html.split(f'name="version_{code}"')[1].split("</select>")[0]


def test_an_outdated_version_reads_outdated_with_its_badge_not_ready(publisher_client):
    publication = outdated()
    html = publisher_client.get(change_url(publication)).text
    german = control(html, "de")
    selected = re.search(r'<option value="(\w+)"[^>]*selected', german).group(1)
    assert selected == "outdated"
    options = re.findall(r'<option value="(\w+)"', german)
    assert options == ["outdated", "hidden", "ready", "in_progress"]
    assert "status-badge--outdated" in html.split('id="id_version_de_helptext"')[1][:400]
    # The original has no choice to make.
    assert 'name="version_en" disabled' in html or 'disabled id="id_version_en"' in html


def test_saving_as_shown_keeps_an_outdated_version_outdated(publisher_client):
    publication = outdated()
    response = publisher_client.post(change_url(publication), change_form_data(publication))
    assert response.status_code == 302, response.text[:2000]
    assert (status(publication, "de"), status(publication, "fr")) == ("outdated", "outdated")


def test_choosing_ready_renews_an_outdated_version_against_the_current_original(
    publisher_client,
):
    publication = outdated()
    data = change_form_data(publication, version_de="ready")
    assert publisher_client.post(change_url(publication), data).status_code == 302
    assert (status(publication, "de"), status(publication, "fr")) == ("ready", "outdated")
    version = LanguageVersion.objects.get(publication=publication, language="de")
    assert version.source_snapshot["body"] == "<p>A new original.</p>"


def test_choosing_hidden_hides_it_and_in_progress_takes_it_from_readers(publisher_client):
    publication = outdated()
    data = change_form_data(publication, version_de="hidden", version_fr="in_progress")
    assert publisher_client.post(change_url(publication), data).status_code == 302
    assert (status(publication, "de"), status(publication, "fr")) == ("hidden", "in_progress")
    assert publication.public_languages() == ["en"]


def test_a_version_the_same_save_outdates_stays_outdated(publisher_client):
    publication = PublicationFactory(languages=("en", "de"), body_en=BODY)
    assert status(publication, "de") == "ready"
    data = change_form_data(publication, body_en="<p>Rewritten.</p>")
    assert data["version_de"] == "ready"  # as the form showed it when opened
    assert publisher_client.post(change_url(publication), data).status_code == 302
    assert status(publication, "de") == "outdated"


def test_ready_without_a_text_is_refused_beside_its_language_and_nothing_is_saved(
    publisher_client,
):
    publication = PublicationFactory(languages=("en",), title_de="Nur ein Titel")
    data = change_form_data(publication, version_de="ready", title_en="Changed title")
    response = publisher_client.post(change_url(publication), data)
    assert response.status_code == 200
    row = response.text.split("field-version_de")[1].split("</select>")[0]
    assert "needs its title and text before it can be ready" in row
    publication.refresh_from_db()
    assert publication.title_en != "Changed title"
