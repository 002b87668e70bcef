"""Lighthouse's four scores for the public pages, served as in production.

    python manage.py lighthouse [--languages en ar] [--minimum 100] [--json]

Starts gunicorn on the loopback (DEBUG off, this process's database; ``corpus.serving``),
asks each page a few times first (what readers meet is the page kept per change, not
the first build after a start), then runs Lighthouse (npm ``lighthouse@12.2.3``, through
``npx``, the mobile profile: a mid-range phone on a slow 4G connection, simulated) in
Debian's Chromium on the home page, the archive, a search, a taxonomy index and a
term's page, and a publication page, in each language. Prints performance,
accessibility, best practices and SEO per page, with the audits that cost points, and
fails when any score is under ``--minimum``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from speeches.corpus.serving import served
from speeches.models import Publication, column

LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --no-first-run"
)


def pages(language: str) -> list[tuple[str, str]]:
    """The pages measured in ``language``: a name and a path each."""
    with translation.override(language):
        listed = Publication.objects.public().available_in(language)
        newest = listed.order_by("-published_at", "-id").first()
        if newest is None:
            raise CommandError(f"Nothing is published in {language}: load_demo first.")
        topic = newest.topics.order_by("pk").first()
        word = max(getattr(newest, column("title", language)).split(), key=len).strip(",.:;«»\"'")
        found = [
            ("home", f"/{language}/"),
            ("archive", f"/{language}/publications/"),
            ("search", f"/{language}/publications/?{urlencode({'q': word})}"),
            ("topics", f"/{language}/topics/"),
            ("publication", newest.get_absolute_url(language)),
        ]
        if topic is not None:
            found.insert(4, ("topic", topic.get_absolute_url()))
    return found


class Command(BaseCommand):
    help = "Lighthouse's scores (mobile) for the public pages, served as in production."

    def add_arguments(self, parser):
        parser.add_argument("--languages", nargs="+", default=["en", "ar"])
        parser.add_argument("--minimum", type=int, default=100, help="Lowest passing score.")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--chromium",
            default=os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell"),
        )
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, languages, minimum, workers, chromium, as_json, **options):
        if shutil.which("npx") is None:
            raise CommandError("npx is missing: Node.js and npm are needed (Debian's nodejs).")
        if not Path(chromium).exists():
            raise CommandError(f"{chromium} is missing: make browser installs Debian's.")
        measured = [(code, name, path) for code in languages for name, path in pages(code)]
        call_command("collectstatic", interactive=False, verbosity=0)
        results = []
        with served(workers=workers) as base, tempfile.TemporaryDirectory() as folder:
            for code, name, path in measured:
                for _ in range(2 * workers):  # each worker builds it once, then keeps it
                    with urllib.request.urlopen(base + path, timeout=30) as response:
                        response.read()
                report = self.lighthouse(base + path, chromium, Path(folder) / "report.json")
                results.append({"language": code, "page": name, "path": path, **report})
        failed = [r for r in results if any(r["scores"][c] < minimum for c in CATEGORIES)]
        if as_json:
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(f"{'page':<22}" + "".join(f"{c:>16}" for c in CATEGORIES))
            for result in results:
                label = f"{result['page']} ({result['language']})"
                scores = "".join(f"{result['scores'][c]:>16}" for c in CATEGORIES)
                self.stdout.write(f"{label:<22}{scores}")
                for audit in result["lost"]:
                    self.stdout.write(f"    {audit}")
        if failed:
            names = ", ".join(f"{r['page']} ({r['language']})" for r in failed)
            raise CommandError(f"Under {minimum}: {names}")

    def lighthouse(self, url: str, chromium: str, output: Path) -> dict:
        run = subprocess.run(
            [
                "npx",
                "--yes",
                LIGHTHOUSE,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={output}",
                f"--chrome-flags={CHROMIUM_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if run.returncode != 0 or not output.exists():
            raise CommandError(f"Lighthouse failed on {url}: {run.stderr[-2000:]}")
        report = json.loads(output.read_text())
        output.unlink()
        scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
        lost = []
        for category in CATEGORIES:
            for ref in report["categories"][category]["auditRefs"]:
                audit = report["audits"][ref["id"]]
                if audit["score"] is not None and audit["score"] < 1 and ref["weight"] > 0:
                    shown = audit.get("displayValue", "")
                    lost.append(f"{category}: {audit['id']} {audit['score']} {shown}".rstrip())
        return {"scores": scores, "lost": lost}
