"""Read replicas: readers' pages read from one, everything else from the primary.

With ``DATABASE_REPLICA_URLS`` set (settings), each URL is a database alias of its own
(``replica1``, ``replica2``…) and ``DATABASE_REPLICAS`` lists them. A reader's request for
a page that is the same for every reader (``speeches.public.page_cache.kept_view``: no
session, GET or HEAD, a public page, feed, sitemap or API answer) picks one replica and
reads everything from it, including the number of the last change that names its kept
page: the page and its cache key come from one consistent state of the archive, however
far that replica lags. Every other request (staff, anyone signed in, any write, material
files, previews) reads and writes the primary, so people who save see what they saved.

Writes always go to the primary, also for an object that was read from a replica.
Nothing is migrated on a replica: it copies the primary (streaming replication).
"""

from __future__ import annotations

import random
from contextvars import ContextVar, Token

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

_reading: ContextVar[str | None] = ContextVar("replica_reads", default=None)


def read_from_a_replica() -> Token | None:
    """From now on in this request, read from one of the replicas (if there are any);
    hand the returned token to ``done`` when the request ends."""
    if not settings.DATABASE_REPLICAS:
        return None
    return _reading.set(random.choice(settings.DATABASE_REPLICAS))


def done(token: Token | None) -> None:
    if token is not None:
        _reading.reset(token)


def reading_from() -> str | None:
    """The replica this request reads from, or None (the primary)."""
    return _reading.get()


class ReplicaRouter:
    """Django's database router for the rule above (``DATABASE_ROUTERS``)."""

    def db_for_read(self, model, **hints):
        return _reading.get()  # None: Django's default, the primary

    def db_for_write(self, model, **hints):
        # Explicitly: an object read from a replica would otherwise be saved back to it.
        return DEFAULT_DB_ALIAS

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica copies the primary's schema: never migrated, nor checked by makemigrations.
        return False if db in settings.DATABASE_REPLICAS else None

    def allow_relation(self, obj1, obj2, **hints):
        # The replicas hold the primary's rows: an object read from one may be related to
        # an object read from another.
        return True
