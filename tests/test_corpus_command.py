"""``generate_corpus`` as an operator runs it: a corpus made, topped up, and removed again
by ``--delete``."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from speeches.corpus import generator
from speeches.models import LanguageVersion, Material, Publication, PublicationType


@pytest.fixture(autouse=True)
def small_pool(monkeypatch):
    monkeypatch.setattr(generator, "POOL_PHOTOS", 2)
    monkeypatch.setattr(generator, "POOL_DOCUMENTS", 1)


@pytest.mark.django_db
def test_the_command_tops_the_corpus_up_and_deletes_what_it_made(settings):
    settings.DEBUG = True
    output = StringIO()
    call_command("generate_corpus", "--publications", "15", "--batch", "10", stdout=output)
    assert "Added 15 publications; corpus 1 now holds 15." in output.getvalue()
    call_command("generate_corpus", "--publications", "25", "--batch", "10", stdout=output)
    assert "Added 10 publications; corpus 1 now holds 25." in output.getvalue()
    assert Publication.objects.public().count() == 25
    made = Material.objects.filter(credit=generator.ITEM_CREDIT).count()
    assert made > 0

    call_command("generate_corpus", "--delete", stdout=output)
    assert "Removed 25 generated publications." in output.getvalue()
    assert not Publication.objects.exists()
    assert not Material.objects.filter(credit=generator.ITEM_CREDIT).exists()
    assert Material.objects.filter(credit=generator.POOL_CREDIT).count() == 3  # kept


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="one writer at a time on SQLite: no processes"
)
@pytest.mark.django_db(transaction=True)
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


@pytest.mark.django_db
def test_the_benchmark_measures_every_page_of_the_corpus_it_made(settings):
    settings.DEBUG = True
    output = StringIO()
    call_command("benchmark", "--publications", "8", "--repeat", "1", "--json", stdout=output)
    document = json.loads(output.getvalue())
    assert document["public_publications"] == 8
    results = {result["page"]: result for result in document["results"]}
    for page in (
        "home",
        "archive, page 1",
        "archive, page 200",
        "archive, last page",
        "filter: type",
        "filter: speaker",
        "filter: topic",
        "filter: country",
        "filter: dates",
        "search en 1w, relevance",
        "search ru 3w, date",
        "publication page",
        "person page",
        "persons",
        "RSS feed",
        "sitemap file, first",
        "API list",
        "API detail",
        "admin changelist",
        "admin change form",
    ):
        assert page in results, page
    for result in document["results"]:
        assert result["status"] == 200, result
        assert result["bytes"] > 0 and result["p50_ms"] > 0, result
        assert result["queries"] and result["queries"][0].isdigit(), result
    # A page given many addresses goes through them: each item in English, its page.
    english = Publication.objects.available_in("en").count()
    assert english > 1
    assert results["publication page"]["url"].endswith(f"(and {english - 1} more)")
    assert not get_user_model().objects.filter(username__startswith="benchmark-").exists()

    output = StringIO()
    call_command("benchmark", "--repeat", "1", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0].endswith("8 public publications, 1 requests per page")
    assert lines[1].split() == ["page", "p50", "ms", "p95", "ms", "queries", "KiB"]
