"""The demo content as data files: ``load_demo`` builds the same demo as before.

The numbers below were recorded from ``load_demo`` run on the content as it stood in
Python modules, before it moved to ``speeches/demo/data/``; a change of the data files
that changes them should be deliberate.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from reversion.models import Revision, Version

from speeches.demo import dataset
from speeches.models import (
    LANGUAGE_CODES,
    ChangeNote,
    Country,
    FooterPage,
    LanguageVersion,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    SiteIdentity,
    Topic,
    TranslatorLanguage,
    WorkflowEvent,
    in_language,
)
from speeches.richtext import outline

pytestmark = pytest.mark.django_db

CAPTURE = Path(dataset.__file__).with_name("publication-page-capture.txt")

RECORDED = {
    "publications": {
        "answer_to_media published": 4,
        "article published": 3,
        "article withdrawn": 1,
        "briefing published": 4,
        "comment in_review": 1,
        "comment published": 3,
        "interview published": 4,
        "press_release published": 5,
        "speech published": 5,
        "statement draft": 1,
        "statement published": 4,
    },
    "language versions": {
        "ar ready": 14,
        "de ready": 14,
        "en ready": 32,
        "es ready": 18,
        "fr ready": 17,
        "ru ready": 32,
    },
    "persons": 8,
    "topics": 15,
    "countries": 18,
    "speaker links": 26,
    "topic links": 58,
    "country links": 25,
    "materials": {"audio ru": 1, "document ru": 1, "link ": 1, "photo ": 29},
    "attachments": 32,
    "illustrated publications": 13,
    "change notes": 1,
    "workflow events": {},  # the audit log starts with the first real action
    "revisions": 35,
    "revision versions": 35,
    "users": {"True False": 3, "True True": 1},  # is_staff, is_superuser
    "group members": {"Editors": 1, "None": 1, "Publishers": 1, "Translators": 1},
    "translator languages": {"de": 1, "fr": 1},
    "site identity": {"en ru de fr es ar True": 1},  # names in every language, an emblem
    "footer pages": {
        "about en ru ar": 1,
        "accessibility en ru": 1,
        "contacts en ru": 1,
        "licence en ru": 1,
        "privacy en ru": 1,
    },
    "persons with a portrait": 2,
    "biographies": {"ar": 1, "en": 2, "ru": 2},
}


def tally(pairs) -> dict[str, int]:
    return dict(sorted(Counter(" ".join(map(str, pair)) for pair in pairs).items()))


def census() -> dict:
    """What the demo is made of, in numbers."""
    users = get_user_model().objects
    return {
        "publications": tally(Publication.objects.values_list("type__code", "status")),
        "language versions": tally(LanguageVersion.objects.values_list("language", "status")),
        "persons": Person.objects.count(),
        "topics": Topic.objects.count(),
        "countries": Country.objects.count(),
        "speaker links": Publication.speakers.through.objects.count(),
        "topic links": Publication.topics.through.objects.count(),
        "country links": Publication.countries.through.objects.count(),
        "materials": tally(Material.objects.values_list("kind", "language")),
        "attachments": PublicationMaterial.objects.count(),
        "illustrated publications": Publication.objects.filter(attachments__isnull=False)
        .distinct()
        .count(),
        "change notes": ChangeNote.objects.count(),
        "workflow events": tally(WorkflowEvent.objects.values_list("action")),
        "revisions": Revision.objects.count(),
        "revision versions": Version.objects.count(),
        "users": tally(users.values_list("is_staff", "is_superuser")),
        "group members": tally(users.values_list("groups__name")),
        "translator languages": tally(TranslatorLanguage.objects.values_list("language")),
        "site identity": tally(
            (*(c for c in LANGUAGE_CODES if in_language(i, "name", c)), bool(i.emblem))
            for i in SiteIdentity.objects.all()
        ),
        "footer pages": tally(
            (page.kind, *(c for c in LANGUAGE_CODES if page.exists_in(c)))
            for page in FooterPage.objects.all()
        ),
        "persons with a portrait": Person.objects.exclude(photo="").count(),
        "biographies": tally(
            (code,)
            for person in Person.objects.all()
            for code in LANGUAGE_CODES
            if in_language(person, "biography", code)
        ),
    }


def capture_paragraphs() -> list[str]:
    lines = CAPTURE.read_text(encoding="utf-8").splitlines()
    start, end = lines.index("Mr Makei,"), lines.index("Additional materials")
    return [line for line in lines[start:end] if line.strip()]


def paragraphs(body: str) -> list[str]:
    return re.findall(r"<p>(.*?)</p>", body)


def test_load_demo_builds_the_recorded_demo(demo):
    assert census() == RECORDED


def test_seed_speech_is_stored_as_captured_paragraph_by_paragraph(demo):
    seed = Publication.objects.get(reference=dataset.seed_speech()["reference"])
    assert seed.title_en in CAPTURE.read_text(encoding="utf-8").splitlines()
    assert paragraphs(seed.body_en) == capture_paragraphs()
    for language, version in dataset.seed_speech()["versions"].items():
        stored = {field: getattr(seed, f"{field}_{language}") for field in version}
        assert stored == version, language
        assert len(paragraphs(stored["body"])) == len(capture_paragraphs()), language
    assert not seed.title_ar and not seed.body_ar


def test_publications_refer_only_to_what_the_data_files_define():
    persons = {person["key"] for person in dataset.persons()}
    topics = {topic["key"] for topic in dataset.topics()}
    items = [dataset.seed_speech(), *dataset.publications()]
    assert len({item["reference"] for item in items}) == len(items)
    for item in items:
        assert item["original_language"] in item["versions"], item["reference"]
        assert set(item["speakers"]) <= persons, item["reference"]
        assert set(item["topics"]) <= topics, item["reference"]
        assert set(item["countries"]) <= set(dataset.countries()), item["reference"]


def test_the_footer_pages_are_written_in_english_and_russian_at_least():
    assert [page["kind"] for page in dataset.footer_pages()] == [*FooterPage.Kind.values]
    for page in dataset.footer_pages():
        for code in ("en", "ru"):
            assert page["title"][code].strip() and page["content"][code].strip(), page["kind"]


def test_the_demo_asks_its_questions_as_questions(demo):
    """Interviews and answers to the media mark each question as one (``<p class=
    "question">``), not as a paragraph opening in bold: pages list them and link to them."""
    asked = Publication.objects.filter(type__code__in=["interview", "answer_to_media"])
    assert asked.exists()
    for item in asked:
        for code in item.public_languages():
            body = getattr(item, f"body_{code}")
            assert not re.search(r"<p><strong>(Question|Вопрос|Frage|Pregunta|سؤال)", body)
            assert outline(body).questions, (item.reference, code)
