"""Measure the public pages: time and SQL queries per request, on the configured database.

    python manage.py benchmark --publications 20000 --repeat 20

``--publications N`` first tops the archive up to N publications with generated text
(marked with the reference prefix BENCH-, removed again by ``--cleanup``). Requests go
through Django's full stack in-process (middleware, templates), without a network.
"""

import random
import statistics
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from speeches.demo import dataset
from speeches.models import LANGUAGE_CODES, LanguageVersion, Publication, PublicationType, column
from speeches.publishing import services
from speeches.richtext import html_to_text

PREFIX = "BENCH-"
BATCH = 500


class Command(BaseCommand):
    help = "Time the public pages (median and 95th percentile) and count their SQL queries."

    def add_arguments(self, parser):
        parser.add_argument("--publications", type=int, default=0, help="Top the archive up to N.")
        parser.add_argument("--repeat", type=int, default=10, help="Requests per page.")
        parser.add_argument("--cleanup", action="store_true", help="Delete generated items.")

    def handle(self, *args, publications: int, repeat: int, cleanup: bool, **options):
        if cleanup:
            deleted, _ = Publication.objects.filter(reference__startswith=PREFIX).delete()
            self.stdout.write(f"Deleted {deleted} generated rows.")
            return
        if publications:
            self.generate(publications)
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

    def generate(self, target: int) -> None:
        missing = target - Publication.objects.count()
        if missing <= 0:
            return
        rng = random.Random(2019)
        sentences = self.sentences()
        types = list(PublicationType.objects.all())
        start = timezone.now() - timedelta(days=1)
        made = 0
        while made < missing:
            size = min(BATCH, missing - made)
            with transaction.atomic():
                batch = [
                    self.fake(rng, sentences, types, start - timedelta(hours=made + i), made + i)
                    for i in range(size)
                ]
                created = Publication.objects.bulk_create(batch)
                LanguageVersion.objects.bulk_create(
                    LanguageVersion(
                        publication=p, language=code, status=LanguageVersion.Status.READY
                    )
                    for p in created
                    for code in LANGUAGE_CODES
                    if p.text_exists_in(code)
                )
            made += size
            self.stdout.write(f"  generated {made}/{missing}", ending="\r")
        self.stdout.write("")

    @staticmethod
    def sentences() -> dict[str, list[str]]:
        by_language: dict[str, list[str]] = {code: [] for code in LANGUAGE_CODES}
        for item in dataset.publications():
            for code, version in item["versions"].items():
                text = html_to_text(version["body"])
                by_language[code] += [s.strip() + "." for s in text.split(".") if len(s) > 20]
        return by_language

    @staticmethod
    def fake(rng, sentences, types, published_at, number) -> Publication:
        publication = Publication(
            type=rng.choice(types),
            status=Publication.Status.PUBLISHED,
            published_at=published_at,
            original_language="en",
            reference=f"{PREFIX}{number}",
        )
        languages = ["en", *rng.sample(LANGUAGE_CODES[1:], rng.randint(0, 5))]
        for code in languages:
            pool = sentences[code] or sentences["en"]
            paragraphs = [" ".join(rng.sample(pool, min(4, len(pool)))) for _ in range(6)]
            setattr(publication, column("title", code), " ".join(rng.sample(pool, 1))[:200])
            setattr(publication, column("body", code), "".join(f"<p>{p}</p>" for p in paragraphs))
        services.publication_derive_slugs(publication=publication)
        services.publication_derive_text(publication=publication)
        return publication
