"""Measure the site's pages: time, SQL queries and size per request, on the configured database.

    python manage.py benchmark --publications 20000 --repeat 60 [--json]

``--publications N`` first tops the benchmark corpus up to N items (``speeches.corpus``,
as ``generate_corpus`` does; removed again by ``--cleanup``). Requests go through Django's
full stack in-process (middleware, templates), without a network, after one warm-up
request per page. A page given several addresses (publication pages, API details) is
asked for a different one on each request. Each line says the median and 95th percentile
time, the queries of a request (a range when they differed) and the answer's size.

Pages are measured as they are built, with the page cache off (``PAGE_CACHE_SECONDS``):
what the first reader after each change waits for. What is built once per change below
a page (filter options, taxonomy lists) is kept, as in use.

The admin's changelist (alone, and searched for a word, two words and a speaker's name)
and change form are asked as a superuser made for the run, in a transaction that is rolled
back, with the second sign-in step off for it.
"""

from __future__ import annotations

import json
import statistics
import time
import uuid
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils.http import urlencode

from speeches.corpus import generator
from speeches.corpus.pages import public_pages
from speeches.models import Person, Publication


@dataclass(frozen=True)
class Result:
    page: str
    url: str
    p50_ms: float
    p95_ms: float
    queries: str
    bytes: int
    status: int


class Command(BaseCommand):
    help = "Time the site's pages (median and 95th percentile), count their queries and bytes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--publications", type=int, default=0, help="Top the corpus up to N items."
        )
        parser.add_argument("--seed", type=int, default=1, help="Which corpus (default 1).")
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the results as JSON."
        )
        parser.add_argument("--cleanup", action="store_true", help="Delete the corpus.")

    def handle(self, *args, publications, seed, repeat, as_json: bool, cleanup, **options):
        if cleanup:
            self.stdout.write(f"Deleted {generator.delete_corpus()} generated publications.")
            return
        if publications:
            generator.generate(generator.Corpus(seed), publications)
        public = Publication.objects.public().count()
        if not as_json:
            self.stdout.write(
                f"{connection.vendor}: {public} public publications, {repeat} requests per page"
            )
            self.stdout.write(f"{'page':<44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KiB':>7}")
        results = []
        # Pages as they are built, not as the page cache hands them out again: the cost
        # of the first reader after every change (or of every reader, with no cache).
        with override_settings(ALLOWED_HOSTS=["testserver"], PAGE_CACHE_SECONDS=0):
            for page, urls in public_pages():
                results.append(self.measure(Client(), page, urls, repeat, quiet=as_json))
            results += self.admin_pages(repeat, quiet=as_json)
        if as_json:
            document = {
                "database": connection.vendor,
                "public_publications": public,
                "repeat": repeat,
                "results": [asdict(result) for result in results],
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))

    def admin_pages(self, repeat: int, *, quiet: bool) -> list[Result]:
        """The changelist and change form, as a superuser that exists for the run only."""
        results = []
        with transaction.atomic(), override_settings(STAFF_2FA_REQUIRED=False):
            user = get_user_model()(
                username=f"benchmark-{uuid.uuid4().hex[:8]}", is_staff=True, is_superuser=True
            )
            user.set_unusable_password()
            user.save()
            client = Client()
            client.force_login(user)
            client.get("/admin/")  # the session's clocks start on its first request
            newest = Publication.objects.order_by("-published_at").first()
            results.append(
                self.measure(
                    client, "admin changelist", ["/admin/speeches/publication/"], repeat, quiet
                )
            )
            for name, text in admin_searches():
                url = "/admin/speeches/publication/?" + urlencode({"q": text})
                results.append(
                    self.measure(client, f"admin changelist, search {name}", [url], repeat, quiet)
                )
            if newest is not None:
                url = f"/admin/speeches/publication/{newest.pk}/change/"
                results.append(self.measure(client, "admin change form", [url], repeat, quiet))
            transaction.set_rollback(True)
        return results

    def measure(self, client: Client, page: str, urls: list[str], repeat: int, quiet) -> Result:
        for url in urls[:repeat]:
            client.get(url, follow=True)  # warm caches and connections
        timings, counts = [], []
        for number in range(repeat):
            url = urls[number % len(urls)]
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url, follow=True)
                timings.append((time.perf_counter() - start) * 1000)
            counts.append(len(queries))
        low, high = min(counts), max(counts)
        result = Result(
            page=page,
            url=urls[0] if len(urls) == 1 else f"{urls[0]} (and {len(urls) - 1} more)",
            p50_ms=round(statistics.median(timings), 1),
            p95_ms=round(_percentile(timings, 95), 1),
            queries=str(low) if low == high else f"{low}-{high}",
            bytes=len(response.content),
            status=response.status_code,
        )
        if not quiet:
            status = "" if result.status == 200 else f"  (HTTP {result.status})"
            self.stdout.write(
                f"{page[:44]:<44} {result.p50_ms:>8.1f} {result.p95_ms:>8.1f} "
                f"{result.queries:>8} {result.bytes / 1024:>7.1f}{status}"
            )
        return result


def admin_searches() -> list[tuple[str, str]]:
    """The staff's searches timed: a word of a text, two words, and the full name of the
    person who speaks most (all Russian: the corpus's originals)."""
    searches = [("1 word", "время"), ("2 words", "безопасности россии")]
    speaker = Person.objects.annotate(items=Count("publications")).order_by("-items").first()
    if speaker is not None and speaker.name_ru:
        searches.append(("speaker's name", speaker.name_ru))
    return searches


def _percentile(values: list[float], percent: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]
