"""The site served as in production on the loopback, for the measuring commands
(``loadtest``, ``lighthouse``): gunicorn, DEBUG off, this process's database and cache."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import CommandError


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(*, workers: int, page_cache: int | None = None) -> Iterator[str]:
    """gunicorn on a free port of the loopback for the block; its address. Stopped at
    the end, also when it never answered. ``page_cache``: PAGE_CACHE_SECONDS, if given."""
    port = free_port()
    environment = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }
    if page_cache is not None:
        environment["PAGE_CACHE_SECONDS"] = str(page_cache)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "pressoffice.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base, process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _wait_for(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CommandError("gunicorn stopped before it answered.")
        try:
            with urllib.request.urlopen(base + "/robots.txt", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise CommandError("gunicorn did not answer within 30 s.")
