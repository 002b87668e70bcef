"""The benchmark corpus: the shape of a real archive, the same items for any size, written
as a save would write them, and removed again."""

import collections
import copy
import re

import pytest
from django.core.management import CommandError, call_command

from speeches.corpus import bulk, generator
from speeches.models import (
    Country,
    LanguageVersion,
    Person,
    Publication,
    PublicationType,
    Topic,
    column,
    in_language,
)
from speeches.publishing import services
from tests.helpers import rolled_back_at_the_end

pytestmark = pytest.mark.django_db

ITEMS = 40


@pytest.fixture(autouse=True, scope="module")
def small_pool():
    """Two photos and a document to share (the pool's size is not what is tested here)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generator, "POOL_PHOTOS", 2)
        patch.setattr(generator, "POOL_DOCUMENTS", 1)
        yield


@pytest.fixture(scope="module")
def corpus(small_pool, django_db_setup, django_db_blocker, tmp_path_factory):
    """Forty items, made once for the module's tests (each test's writes are undone)."""
    with rolled_back_at_the_end(django_db_blocker, tmp_path_factory.mktemp("corpus-media")):
        corpus = generator.Corpus(seed=7)
        generator.generate(corpus, ITEMS, batch=15)
        yield corpus


def test_taxonomies_have_the_sizes_of_a_ministry_archive(corpus):
    assert len(set(corpus.persons)) == Person.objects.count() == 300
    assert len(set(corpus.topics)) == Topic.objects.count() == 120
    assert len(set(corpus.countries)) == Country.objects.count() == 190
    person = Person.objects.get(pk=corpus.persons[0])
    assert person.name_en and person.name_ru and person.position_de
    assert Country.objects.get(code="DE").name_ru == "Германия"


def test_every_item_is_public_in_russian_with_language_gaps(corpus):
    publications = Publication.objects.filter(reference__startswith="CORPUS-7-")
    assert publications.count() == Publication.objects.public().count() == ITEMS
    versions = collections.Counter(
        LanguageVersion.objects.filter(publication__in=publications).values_list(
            "language", flat=True
        )
    )
    assert versions["ru"] == ITEMS
    assert versions["ar"] == 0
    for code in ("en", "de", "fr", "es"):
        assert ITEMS * 0.55 <= versions[code] < ITEMS  # 0.8 each, with gaps
    assert Publication.objects.available_in("en").count() == versions["en"]


def test_each_item_has_speakers_topics_countries_and_captioned_materials(corpus):
    kinds = collections.Counter()
    for publication in Publication.objects.filter(reference__startswith="CORPUS-7-"):
        assert 1 <= publication.speakers.count() <= 2
        assert 1 <= publication.topics.count() <= 3
        assert 1 <= publication.countries.count() <= 2
        languages = {v.language for v in publication.versions.all()}
        attached = [a.material for a in publication.attachments.select_related("material")]
        assert len(attached) <= 4
        for material in attached:
            kinds[material.kind] += 1
            assert {code for code in languages if in_language(material, "title", code)} == (
                languages
            )
            assert material.renditions if material.kind == "photo" else material.file
        assert publication.photos_missing_alt_text(attached) == []
    assert kinds["photo"] > kinds["document"] > 0


def test_items_are_written_as_a_save_would_write_them(corpus):
    for publication in Publication.objects.filter(reference__startswith="CORPUS-7-")[:10]:
        derived = copy.copy(publication)
        services.publication_derive_slugs(publication=derived)
        services.publication_derive_text(publication=derived)
        for code in ("ru", "en", "de", "fr", "es"):
            for name in ("slug", "plain_text"):
                assert in_language(derived, name, code) == in_language(publication, name, code)
        before = list(publication.versions.values_list("language", "status", "source_fingerprint"))
        services.publication_sync_versions(publication=publication)
        after = list(publication.versions.values_list("language", "status", "source_fingerprint"))
        assert after == before  # every translation ready, from the original as it is


def test_text_follows_real_word_frequencies(corpus):
    words = collections.Counter()
    for text in Publication.objects.values_list(column("plain_text", "ru"), flat=True):
        words.update(re.findall(r"\w+", text.lower()))
    top = [word for word, _count in corpus.data["words"]["ru"][:30]]
    assert {word for word, _count in words.most_common(5)} <= set(top)
    assert len(words) > 2000  # not a few repeated sentences


def test_the_first_items_are_the_same_for_any_size(corpus):
    generator.generate(corpus, ITEMS + 10, batch=15)
    fresh = generator.Corpus(seed=7)
    stored = Publication.objects.filter(reference__startswith="CORPUS-7-").order_by("reference")
    assert stored.count() == ITEMS + 10
    for number, publication in enumerate(stored):
        item = fresh.item(number).publication
        assert publication.reference == item.reference
        assert publication.title_ru == item.title_ru
        assert publication.body_en == item.body_en
        assert publication.published_at == item.published_at
    assert generator.Corpus(seed=8).item(0).publication.title_ru != stored[0].title_ru


def test_the_command_refuses_without_debug(settings, corpus):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_corpus", "--publications", "50", "--seed", "7")
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_corpus", "--delete")
    assert Publication.objects.count() == ITEMS


def test_a_bulk_write_stores_what_a_save_would_store():
    """COPY on PostgreSQL, bulk_create elsewhere: the body sanitised (the rich-text field's
    pre_save), the times a save sets, JSON as JSON, and the keys on the objects."""
    first, second = (
        Publication(
            type=PublicationType.objects.get(code="statement"),
            status=Publication.Status.PUBLISHED,
            original_language="en",
            title_en=f"Statement {number}",
            body_en=f'<p onclick="steal()">Text {number}<script>steal()</script></p>',
            release_languages=["en", "fr"],
        )
        for number in (1, 2)
    )
    bulk.insert(Publication, [first, second])
    assert first.pk and second.pk and first.pk != second.pk
    stored = Publication.objects.get(pk=second.pk)
    assert stored.title_en == "Statement 2"
    assert stored.body_en == "<p>Text 2</p>"
    assert stored.release_languages == ["en", "fr"]
    assert stored.created_at and stored.updated_at and stored.edit_version == 1
    versions = [LanguageVersion(publication=first, language="en", status="ready")]
    bulk.insert(LanguageVersion, versions)
    assert LanguageVersion.objects.get(pk=versions[0].pk).publication_id == first.pk
