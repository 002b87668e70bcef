"""Facts the code defines once, pinned: every place that needs one asks the same definition.

What a language version shown to readers is, when a publication was last modified for its
readers, who among staff may see unpublished items, the per-language column names and
translatable fields, the workflow's transitions, and the API's page data.
"""

import ast
import re
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from django.utils import timezone
from modeltranslation.translator import translator

from speeches.languages import dashboard
from speeches.models import (
    LANGUAGE_CODES,
    MATERIAL_TEXT_FIELDS,
    TEXT_FIELDS,
    ChangeNote,
    LanguageVersion,
    Material,
    Publication,
    PublicationMaterial,
    column,
    shown_version_q,
)
from speeches.public.presentation import material_list
from speeches.publishing import previews, services, workflow
from tests import media_files
from tests.factories import PublicationFactory, UserFactory, publication_in_state

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


# A language version shown to readers


@pytest.mark.parametrize("status", LanguageVersion.Status.values)
@pytest.mark.parametrize("hidden", [False, True])
def test_a_shown_version_is_one_rule_in_sql_and_in_memory(status, hidden):
    publication = PublicationFactory(languages=("en", "de"))
    LanguageVersion.objects.filter(publication=publication, language="de").update(
        status=status, hidden=hidden
    )
    version = LanguageVersion.objects.get(publication=publication, language="de")
    in_sql = LanguageVersion.objects.filter(shown_version_q(), pk=version.pk).exists()

    assert version.is_shown() == in_sql == (status != "in_progress" and not hidden)
    assert ("de" in publication.public_languages()) == in_sql
    assert Publication.objects.available_in("de").filter(pk=publication.pk).exists() == in_sql
    assert LanguageVersion.objects.public().filter(pk=version.pk).exists() == in_sql
    assert LanguageVersion.objects.viewable().filter(pk=version.pk).exists() == in_sql
    german = {p.language: p for p in dashboard.translation_overview()}["de"]
    assert german.published == int(in_sql)


def test_public_versions_belong_to_listed_items_viewable_ones_to_open_pages_too():
    withdrawn = publication_in_state("withdrawn", languages=("en", "de"))
    versions = LanguageVersion.objects.filter(publication=withdrawn)

    assert not versions.public().exists()
    assert set(versions.viewable().values_list("language", flat=True)) == {"en", "de"}
    assert withdrawn.public_languages() == ["en", "de"]


def test_the_admin_language_filter_leaves_out_hidden_versions(client):
    shown = PublicationFactory(languages=("en", "de"))
    hidden = PublicationFactory(languages=("en", "de"))
    LanguageVersion.objects.filter(publication=hidden, language="de").update(hidden=True)
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))

    listed = client.get("/admin/speeches/publication/", {"language_status": "de:ready"})
    kept = client.get("/admin/speeches/publication/", {"language_status": "de:hidden"})

    assert list(listed.context["cl"].queryset) == [shown]
    assert list(kept.context["cl"].queryset) == [hidden]


# When a publication was last modified, for readers


def test_modified_is_the_newest_change_note_or_the_publication_time(client):
    publication = PublicationFactory(languages=("en",))
    assert publication.modified_at == publication.published_at

    note_time = timezone.now() - timedelta(hours=1)
    ChangeNote.objects.create(publication=publication, text_en="Corrected.", changed_at=note_time)
    publication.refresh_from_db()
    assert publication.modified_at == note_time

    publication.published_at = timezone.now() - timedelta(minutes=5)
    services.publication_save(publication=publication)
    publication.refresh_from_db()
    assert publication.modified_at == publication.published_at  # moved after the note

    expected = timezone.localtime(publication.modified_at)
    page = client.get(publication.get_absolute_url("en")).text
    assert f'"dateModified": "{expected.isoformat()}"' in page
    assert f'content="{expected.isoformat()}"' in page  # article:modified_time
    sitemap = client.get("/sitemap-publications.xml").text
    assert f"<lastmod>{expected.date().isoformat()}</lastmod>" in sitemap
    entry = feedparser.parse(client.get("/en/feeds/atom/").content).entries[0]
    assert datetime.fromisoformat(entry.updated) == expected
    api = client.get(f"/api/publications/{publication.pk}").json()
    assert api["updated_at"] == expected.isoformat()
    listed = client.get("/api/publications", {"lang": "en"}).json()["results"][0]
    assert listed["updated_at"] == expected.isoformat()


def test_editing_the_text_does_not_change_what_readers_are_told_was_modified():
    publication = PublicationFactory(languages=("en",))
    before = publication.modified_at
    publication.lead_en = "A corrected typing error."
    services.publication_save(publication=publication)
    publication.refresh_from_db()
    assert publication.modified_at == before
    assert publication.updated_at > before


# Who among staff may see what readers may not


STAFF = {
    "anonymous": None,
    "staff without rights": {"is_staff": True},
    "translator": {"is_staff": True, "groups": ["Translators"]},
    "editor": {"is_staff": True, "groups": ["Editors"]},
    "inactive editor": {"is_staff": True, "is_active": False, "groups": ["Editors"]},
    "editor who is not staff": {"groups": ["Editors"]},
}


@pytest.mark.parametrize("who", STAFF)
def test_previews_files_and_the_admin_ask_the_same_rule(client, who):
    draft = publication_in_state("draft")
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="A hall")
    )
    PublicationMaterial.objects.create(publication=draft, material=photo, position=0)
    user = None
    if STAFF[who] is not None:
        user = UserFactory(username="someone", **STAFF[who])
        client.force_login(user)
    allowed = user is not None and previews.staff_may_see_unpublished(user)

    preview = client.get(f"/en/preview/{draft.pk}/")
    file = client.get(f"/files/{photo.pk}/thumb-jpeg/photo.jpg")
    change = client.get(f"/admin/speeches/publication/{draft.pk}/change/")

    assert (preview.status_code == 200) == allowed
    assert (file.status_code == 200) == allowed
    assert (change.status_code == 200) == allowed
    assert allowed == (who in {"translator", "editor"})


# Per-language column names and the translatable fields

# Names built from a language code that are not modeltranslation's columns.
NOT_COLUMNS = {
    'f"in_{code}"',
    'f"speeches_search_fts_{language}"',  # SQLite's search index, a table per language
    'f"search_fts_publication_update_{code}"',  # and its triggers
    'f"version_{code}"',  # the change form's control of a language version, not a column
}
HAND_BUILT = re.compile(r'f"[a-z_{}.]*_\{[a-z_.]*(?:code|language|original|lang)[a-z_.]*\}[^"]*"')


def test_no_per_language_column_name_is_built_by_hand():
    found = []
    for path in (ROOT / "speeches").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for match in HAND_BUILT.finditer(path.read_text(encoding="utf-8")):
            if match.group() not in NOT_COLUMNS:
                found.append(f"{path.relative_to(ROOT)}: {match.group()}")
    assert found == []


def test_the_translatable_fields_are_the_registered_ones():
    publication = translator.get_options_for_model(Publication).fields
    material = translator.get_options_for_model(Material).fields
    assert set(TEXT_FIELDS) <= set(publication)
    assert set(material) == set(MATERIAL_TEXT_FIELDS)
    for name in TEXT_FIELDS:
        for code in LANGUAGE_CODES:
            Publication._meta.get_field(column(name, code))


def test_every_module_names_the_translatable_fields_through_the_one_tuple():
    """No module keeps its own copy of ("title", "lead", "place", "body")."""
    for path in (ROOT / "speeches").rglob("*.py"):
        if "migrations" in path.parts or path.name == "models.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List) and all(
                isinstance(e, ast.Constant) for e in node.elts
            ):
                values = [e.value for e in node.elts]
                assert values[:3] != ["title", "lead", "place"], f"{path}:{node.lineno}"


# The workflow's transitions


def test_each_transition_carries_the_service_it_runs():
    for name, transition in workflow.TRANSITIONS.items():
        assert transition.service.__name__ == f"publication_{name}"
        assert transition.service.__module__ == workflow.__name__


def test_a_blocked_transition_is_offered_with_the_reason(client, settings):
    settings.TWO_PERSON_RULE = True
    publisher = UserFactory(username="pat", is_staff=True, groups=["Publishers"])
    publication = publication_in_state("draft", languages=("en", "de"))
    publication.release_languages = ["de"]
    services.publication_save(publication=publication)
    LanguageVersion.objects.filter(publication=publication, language="de").update(
        status=LanguageVersion.Status.IN_PROGRESS
    )
    workflow.publication_submit(publication=publication, user=publisher)

    offered = dict(workflow.offered_transitions(publication=publication, user=publisher))
    publish = workflow.TRANSITIONS["publish"]
    assert "another person must review and publish it" in offered[publish]
    assert "German" in offered[workflow.TRANSITIONS["force_publish"]]
    assert offered[workflow.TRANSITIONS["send_back"]] == ""

    client.force_login(publisher)
    page = client.get(f"/admin/speeches/publication/{publication.pk}/change/").text
    assert 'aria-describedby="why-not-publish"' in page
    assert "another person must review and publish it" in page
    assert f"/{publication.pk}/workflow/publish/" not in page
    assert f"/{publication.pk}/workflow/send_back/" in page

    with pytest.raises(Exception, match="another person must review"):
        workflow.transition_run("publish", publication=publication, user=publisher)


# The API's page data comes from the page's presenters


def test_the_api_gives_materials_as_each_languages_page_shows_them(client):
    publication = PublicationFactory(languages=("en", "de"))
    photo = services.material_save(
        material=Material(
            kind="photo", file=media_files.photo(), title_de="Der Saal", alt_text_en="The hall"
        )
    )
    PublicationMaterial.objects.create(publication=publication, material=photo, position=0)
    publication = Publication.objects.prefetch_related("attachments__material").get(
        pk=publication.pk
    )

    material = client.get(f"/api/publications/{publication.pk}").json()["materials"][0]

    for code in ("en", "de"):
        [shown] = material_list(publication, language=code)
        assert material["captions"].get(code, "") == shown.caption
        assert material["alt_texts"][code] == shown.alt == "The hall"  # German falls back
        assert material["url"].endswith(shown.url)
