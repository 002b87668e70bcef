"""The load test's measuring part: Debian's wrk sends the mix through its script and the
command reads requests, latency and errors back (``loadtest`` itself serves the site
with gunicorn; here the live server stands in for it)."""

import os
import shutil
from urllib.request import urlopen

import pytest
from django.utils.encoding import iri_to_uri

from speeches.corpus.pages import public_pages
from speeches.management.commands.loadtest import Command
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def wrk():
    if shutil.which("wrk") is None:
        if os.environ.get("CI"):
            raise RuntimeError("wrk is missing: CI must run the load test's test.")
        pytest.skip("wrk is not installed (apt-get install wrk)")


def test_wrk_sends_the_mix_and_the_errors_are_counted(wrk, live_server, tmp_path):
    for number in range(3):
        PublicationFactory(title_en=f"Statement {number}")
    paths = [url for _page, urls in public_pages() for url in urls]
    assert "/en/publications/" in paths and "/en/feeds/rss/" in paths
    # Each page once before wrk starts: a cold first page (templates, URLconf, catalogues)
    # can take longer than the whole run on a loaded machine, and wrk then counts nothing.
    for path in paths:
        with urlopen(live_server.url + iri_to_uri(path), timeout=30) as answer:
            assert answer.status == 200, path
    command = Command()
    run = command.load("pages", live_server.url, command.script(tmp_path / "mix.lua", paths), 3, 4)
    assert run.requests > 0 and run.errors == 0
    assert 0 < run.p50_ms <= run.p95_ms
    missing = command.script(tmp_path / "missing.lua", ["/en/publications/999999/"])
    assert command.load("missing", live_server.url, missing, 1, 2).errors > 0
