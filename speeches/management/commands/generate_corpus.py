"""Fill the archive with a benchmark corpus shaped like a ministry's (``speeches.corpus``).

    DEBUG=1 python manage.py generate_corpus --publications 100000 --seed 1
    DEBUG=1 python manage.py generate_corpus --delete

The first N items of a seed are the same for any N: a run tops the corpus up to N. On
PostgreSQL one process per core makes and writes the batches (``--workers``).
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from speeches.corpus import generator


class Command(BaseCommand):
    help = "Add generated publications (real word frequencies, 300 persons, 120 topics...)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--publications", type=int, default=20000, help="Top the corpus up to N items."
        )
        parser.add_argument("--seed", type=int, default=1, help="Which corpus (default 1).")
        parser.add_argument("--batch", type=int, default=500, help="Items written per transaction.")
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes writing batches on PostgreSQL (default: one per core).",
        )
        parser.add_argument(
            "--delete", action="store_true", help="Remove the generated items instead."
        )

    def handle(
        self, *args, publications: int, seed: int, batch: int, workers: int, delete: bool, **options
    ):
        # Generated items are published: on a real archive they would reach every reader.
        if not settings.DEBUG:
            raise CommandError(
                "generate_corpus publishes generated text: run it with DEBUG=1, and only on "
                "a database meant for benchmarks."
            )
        if delete:
            removed = generator.delete_corpus()
            self.stdout.write(f"Removed {removed} generated publications.")
            return
        if publications < 0 or batch < 1 or workers < 1:
            raise CommandError("--publications must be 0 or more, --batch and --workers 1 or more.")
        corpus = generator.Corpus(seed)
        self.stdout.write("Taxonomies and the pool of photos and documents…")
        corpus.prepare()
        start = corpus.existing()
        # No monitor thread: the workers are forked from this process.
        tqdm.monitor_interval = 0
        with tqdm(
            total=max(0, publications - start),
            unit=" items",
            file=self.stderr._out,
            disable=not options.get("verbosity", 1),
        ) as bar:
            added = generator.generate(
                corpus, publications, batch=batch, workers=workers, progress=bar.update
            )
        self.stdout.write(
            f"Added {added} publications; corpus {seed} now holds {corpus.existing()}."
        )
