"""The demo content, read from the JSON files in ``data/`` beside this module.

Everything in them is fictional demo text (see ``data/README.md``, which also holds the
notes JSON has no room for). Dates in ``published_at`` are local time (Europe/Moscow),
ISO 8601 without seconds; versions are keyed by language code. Each file is read once and
shared: callers must not change what these functions return.
"""

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@cache
def _read(name: str):
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def persons() -> list[dict]:
    """People who can be credited as speakers or authors: ``key``, ``name``, ``position``,
    and for some a ``biography`` (per language) and a generated ``portrait``."""
    return _read("persons")


def topics() -> list[dict]:
    """Topics: ``key`` (also the URL slug) and ``name``."""
    return _read("topics")


def countries() -> list[str]:
    """ISO 3166-1 alpha-2 codes, created in this order; their names come from CLDR."""
    return _read("countries")


def publications() -> list[dict]:
    """The archive besides the seed speech, oldest first."""
    return _read("publications")


def seed_speech() -> dict:
    """The captured speech the demo reproduces, with the same fields as a publication."""
    return _read("seed_speech")


def identity() -> dict:
    """The demo ministry's site identity: names, colours and contacts (per language where
    they are text); its emblem is generated (``media.emblem_png``)."""
    return _read("identity")["identity"]


def footer_pages() -> list[dict]:
    """The footer's pages: ``kind``, and ``title`` and ``content`` (HTML) per language."""
    return _read("identity")["footer_pages"]
