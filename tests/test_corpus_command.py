"""``generate_corpus`` as an operator runs it: a corpus made, topped up, and removed again
by ``--delete``."""

from io import StringIO

import pytest
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
    call_command("benchmark", "--publications", "8", "--repeat", "1", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0] == "sqlite: 8 public publications, 1 requests per page" or lines[0].startswith(
        "postgresql: 8 public"
    )
    measured = [line for line in lines[2:] if line.strip()]
    assert len(measured) >= 12
    # Every page answered 200 (page 50 exists from 1,000 items on).
    assert [line.split()[0] for line in measured if "(HTTP" in line] == [
        "/en/publications/?page=50"
    ]
