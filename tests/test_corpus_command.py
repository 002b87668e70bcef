"""``generate_corpus`` as an operator runs it: a corpus made, topped up, and removed again
by ``--delete``."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from speeches.corpus import generator
from speeches.models import Material, Publication


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
        "admin changelist, search 1 word",
        "admin changelist, search 2 words",
        "admin changelist, search speaker's name",
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
