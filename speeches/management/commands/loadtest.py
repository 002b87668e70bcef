"""A bounded load test on the loopback: the site served as in production, under many readers.

    python manage.py loadtest [--duration 60] [--connections 50] [--json]

Starts gunicorn on a free port of 127.0.0.1 (DEBUG off, two workers per core and one more,
the database and cache this process is configured with), twice: with the page cache off
(``PAGE_CACHE_SECONDS=0``: every page built, what the first reader after each change
waits for) and on (what readers get between changes). Each time Debian's ``wrk`` sends
the benchmark's mix of public pages (archive pages, filters, searches in English and
Russian, 60 publication pages, taxonomy pages, feeds, the sitemap, the API), round
robin over ``--connections`` connections for ``--duration`` seconds, then a static file
served by the same stack for a tenth of that time: the ceiling. Prints requests per
second, the median and 95th percentile latency and the errors (connection errors and
answers other than 2xx and 3xx). Nothing leaves the machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.encoding import iri_to_uri

from speeches.corpus.pages import public_pages
from speeches.corpus.serving import served

STATIC_FILE = "/static/css/site.css"

# wrk's script: the paths in turn on every connection, and one JSON line at the end.
SCRIPT = """
local paths = {%(paths)s}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%.3f, "errors": %%d, "p50_ms": %%.2f, "p95_ms": %%.2f}\\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


@dataclass(frozen=True)
class Run:
    name: str
    requests: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    errors: int


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Command(BaseCommand):
    help = "Serve the site with gunicorn and load it with wrk on the loopback."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=60, help="Seconds per run.")
        parser.add_argument("--connections", type=int, default=50, help="Open connections.")
        parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the runs as JSON."
        )

    def handle(self, *args, duration, connections, workers, as_json, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is missing: apt-get install wrk (Debian's package).")
        paths = [url for _page, urls in public_pages() for url in urls]
        if len(paths) < 10:
            raise CommandError("Too few public pages to load: generate_corpus first.")
        call_command("collectstatic", interactive=False, verbosity=0)
        runs = []
        with tempfile.TemporaryDirectory(prefix="pressoffice-load-") as folder:
            mix = self.script(Path(folder) / "pages.lua", paths)
            static = self.script(Path(folder) / "static.lua", [STATIC_FILE])
            for name, page_cache in (("uncached", 0), ("cached", 3600)):
                with served(workers=workers, page_cache=page_cache) as base:
                    runs.append(self.load(f"pages, {name}", base, mix, duration, connections))
                    # The ceiling, in the same run: a tenth of the time is enough.
                    runs.append(
                        self.load(
                            f"static file ({name} run)",
                            base,
                            static,
                            max(2, duration // 10),
                            connections,
                        )
                    )
        if as_json:
            document = {
                "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
                "pages": len(paths),
                "duration": duration,
                "connections": connections,
                "workers": workers,
                "runs": [asdict(run) for run in runs],
            }
            self.stdout.write(json.dumps(document, indent=2))
            return
        self.stdout.write(
            f"{len(paths)} addresses, {connections} connections, {duration} s per run, "
            f"{workers} gunicorn workers"
        )
        self.stdout.write(f"{'run':<28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for run in runs:
            self.stdout.write(
                f"{run.name:<28} {run.requests_per_second:>8.1f} {run.p50_ms:>8.1f} "
                f"{run.p95_ms:>8.1f} {run.errors:>7}"
            )

    def script(self, path: Path, paths: list[str]) -> Path:
        """wrk's script for ``paths``, each as an URI (searches carry spaces, quotes and
        Cyrillic, which only Django's test client takes as they are)."""
        addresses = (lua_string(iri_to_uri(address)) for address in paths)
        path.write_text(SCRIPT % {"paths": ", ".join(addresses)})
        return path

    def load(self, name: str, base: str, script: Path, duration: int, connections: int) -> Run:
        threads = min(2, connections)
        output = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found = json.loads(next(line for line in output.splitlines() if line.startswith("{")))
        return Run(
            name=name,
            requests=found["requests"],
            requests_per_second=round(found["requests"] / found["seconds"], 1),
            p50_ms=round(found["p50_ms"], 1),
            p95_ms=round(found["p95_ms"], 1),
            errors=found["errors"],
        )
