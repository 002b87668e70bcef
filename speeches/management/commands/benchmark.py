"""Measure the public pages: time and SQL queries per request, on the configured database.

    python manage.py benchmark --publications 20000 --repeat 20

``--publications N`` first tops the benchmark corpus up to N items (``speeches.corpus``,
as ``generate_corpus`` does; removed again by ``--cleanup``). Requests go through Django's
full stack in-process (middleware, templates), without a network.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from speeches.corpus import generator
from speeches.models import Publication


class Command(BaseCommand):
    help = "Time the public pages (median and 95th percentile) and count their SQL queries."

    def add_arguments(self, parser):
        parser.add_argument(
            "--publications", type=int, default=0, help="Top the corpus up to N items."
        )
        parser.add_argument("--seed", type=int, default=1, help="Which corpus (default 1).")
        parser.add_argument("--repeat", type=int, default=10, help="Requests per page.")
        parser.add_argument("--cleanup", action="store_true", help="Delete the corpus.")

    def handle(self, *args, publications: int, seed: int, repeat: int, cleanup: bool, **options):
        if cleanup:
            self.stdout.write(f"Deleted {generator.delete_corpus()} generated publications.")
            return
        if publications:
            generator.generate(generator.Corpus(seed), publications)
        self.stdout.write(
            f"{connection.vendor}: {Publication.objects.public().count()} public publications, "
            f"{repeat} requests per page"
        )
        self.stdout.write(f"{'page':<58} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for url in self.urls():
            self.measure(url, repeat)

    def urls(self) -> list[str]:
        sample = Publication.objects.available_in("en").order_by("-published_at").first()
        urls = [
            "/en/",
            "/en/publications/",
            "/en/publications/?page=50",
            "/en/publications/?type=speech&year=2019",
            "/en/publications/?q=foreign",  # broad: most items match
            "/en/publications/?q=foreign&sort=date",
            '/en/publications/?q="strategic stability" -nato',
            "/ru/publications/?q=переговоры",
            "/en/persons/",
            "/en/feeds/rss/",
            "/sitemap-publications.xml",
        ]
        if sample:
            urls.append(sample.get_absolute_url("en"))
        return urls

    def measure(self, url: str, repeat: int) -> None:
        client = Client()
        timings = []
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            client.get(url, follow=True)  # warm caches and connections
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url, follow=True)
                    timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        status = "" if response.status_code == 200 else f"  (HTTP {response.status_code})"
        self.stdout.write(
            f"{url[:58]:<58} {statistics.median(timings):>10.1f} {p95:>8.1f} "
            f"{len(queries):>8}{status}"
        )
