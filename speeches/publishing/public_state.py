"""What readers see changes with each committed write to it, and at each embargo's second.

Whatever is the same for every reader of a language (the archive's filter options and
their HTML, the taxonomy lists with their counts) is built once per change and kept in
Django's cache (``once_per_change``), under a number that moves on after every committed
write to a publication, a language version, a term, a material or a change note
(``PublicState.version``, one row; the signals below). The number is in the database, so
every process of a deployment sees it move, whatever its cache; a key holds only the
number it was built under, so nothing needs deleting.

It moves after the commit, not inside the writing transaction: a counter updated in the
transaction would be a lock every writer queues on, in whatever order each took its
other locks (a change note locks its publication after its own save). Between the commit
and the bump a reader may still get what was built a moment before. A transaction that
has written reads its own view, built afresh and never kept.

Time changes what readers see too: an embargoed item goes public at its second with no
write. So a kept value also holds until the next embargo after the moment it was built
from, and is built anew from then on.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from speeches.models import (
    ChangeNote,
    Country,
    LanguageVersion,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    PublicationType,
    PublicState,
    Topic,
)

T = TypeVar("T")

# The models whose rows readers see, one way or another.
CONTENT_MODELS = (
    Publication,
    LanguageVersion,
    PublicationType,
    Person,
    Topic,
    Country,
    Material,
    PublicationMaterial,
    ChangeNote,
)
LINKS = (Publication.speakers.through, Publication.topics.through, Publication.countries.through)

# How long a kept value stays in the cache at most: a newer version replaces it at once,
# this only lets old versions' entries go.
KEEP_SECONDS = 24 * 60 * 60


def current() -> int:
    """The number of the last change (one query on the row's primary key)."""
    return PublicState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def changed(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Move the number on once the current transaction commits (at once outside one).
    Several writes in one transaction move it once."""
    if not _pending(using):
        transaction.on_commit(_bump, using=using)


def _pending(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether this connection's open transaction wrote something readers may see."""
    connection = connections[using]
    return connection.in_atomic_block and any(
        callback is _bump for _savepoints, callback, _robust in connection.run_on_commit
    )


def _bump() -> None:
    if not PublicState.objects.filter(pk=1).update(version=F("version") + 1):
        PublicState.objects.get_or_create(pk=1, defaults={"version": 1})


def _on_write(sender, *, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    changed(using=using)


def _on_link(sender, *, action: str, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action.startswith("post_"):
        changed(using=using)


def connect() -> None:
    """Listen to every write of the content models (``SpeechesConfig.ready``). Writers
    that bypass signals (``bulk_create``, ``QuerySet.update``) call ``changed``."""
    for model in CONTENT_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(_on_write, sender=model, dispatch_uid=f"public-state-{model.__name__}")
    for through in LINKS:
        m2m_changed.connect(_on_link, sender=through, dispatch_uid=f"public-state-{through}")


def next_embargo(now: datetime.datetime) -> datetime.datetime | None:
    """When the next scheduled item goes public, after ``now`` (None: nothing scheduled)."""
    return (
        Publication.objects.filter(status=Publication.Status.PUBLISHED, published_at__gt=now)
        .aggregate(first=Min("published_at"))
        .get("first")
    )


def once_per_change(name: str, build: Callable[[], T]) -> T:
    """``build()``'s value, built once per change of what readers see and per embargo
    passed, and kept in the cache under ``name`` (which must say everything the value
    depends on besides that, e.g. the language).

    A transaction that wrote what readers see, and not yet committed, gets a value built
    from what it sees and keeps nothing: other readers must not get its uncommitted rows.
    """
    if _pending():
        return build()
    now = timezone.now()
    key = f"public-state:{current()}:{name}"
    kept = cache.get(key)
    if kept is not None:
        value, until = kept
        if until is None or now < until:
            return value
    # Read before building: an embargo that passes while it builds ends the kept value
    # on the next request, whether or not the build already saw the item.
    until = next_embargo(now)
    value = build()
    cache.set(key, (value, until), KEEP_SECONDS)
    return value
