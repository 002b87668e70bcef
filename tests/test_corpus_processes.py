"""``generate_corpus`` on PostgreSQL: its batches made and written by forked processes,
each on its own connection, so the test commits (a module of transactional tests only:
emptying the database afterwards, it runs after the tests that need the rows migrations
seed)."""

import pytest
from django.db import connection

from speeches.corpus import generator
from speeches.models import LanguageVersion, Publication, PublicationType

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="one writer at a time on SQLite: no processes"
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def small_pool(monkeypatch):
    monkeypatch.setattr(generator, "POOL_PHOTOS", 2)
    monkeypatch.setattr(generator, "POOL_DOCUMENTS", 1)


def test_processes_write_each_item_once_and_as_one_process_would(settings, tmp_path):
    """On PostgreSQL the command's batches are made and written by forked processes, each
    on its own connection; an interrupted run's missing batch is written by the next."""
    settings.MEDIA_ROOT = str(tmp_path)
    for code in generator.TYPE_WEIGHTS:  # a transactional test before may have emptied them
        PublicationType.objects.get_or_create(code=code, defaults={"name_en": code})
    corpus = generator.Corpus(seed=5)
    assert generator.generate(corpus, 24, batch=5, workers=2) == 24
    stored = Publication.objects.filter(reference__startswith="CORPUS-5-").order_by("reference")
    assert [p.reference for p in stored] == [f"CORPUS-5-{n:06d}" for n in range(1, 25)]
    for number, publication in enumerate(stored):
        item = corpus.item(number)
        assert publication.title_ru == item.publication.title_ru
        assert publication.body_fr == item.publication.body_fr
        assert set(publication.topics.values_list("pk", flat=True)) == set(item.topics)
        assert publication.attachments.count() == len(item.materials)
    assert LanguageVersion.objects.filter(publication__in=stored).count() == sum(
        len(publication.public_languages()) for publication in stored
    )

    stored.filter(reference="CORPUS-5-000007").delete()  # a batch that never committed
    assert generator.generate(corpus, 24, batch=5, workers=2) == 1
    assert stored.count() == 24
    assert stored.get(reference="CORPUS-5-000007").title_ru == corpus.item(6).publication.title_ru
