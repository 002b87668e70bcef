"""What readers see changes with each committed write to it, and at each embargo's second.

Whatever is the same for every reader of a language (the archive's filter options and
their HTML, the taxonomy lists with their counts) is built once per change and kept in
Django's cache (``once_per_change``), under a number that moves on after every committed
write to a publication, a language version, a term, a material, a change note, the site
identity or a footer page, but for those of items still in draft or review, which readers
have not seen (``PublicState.version``, one row; the signals below). The number is in the
database, so every process of a deployment sees it move, whatever its cache; a key holds
only the number it was built under, so nothing needs deleting.

It moves after the commit, not inside the writing transaction: a counter updated in the
transaction would be a lock every writer queues on, in whatever order each took its
other locks (a change note locks its publication after its own save). Between the commit
and the bump a reader may still get what was built a moment before. A transaction that
has written reads its own view, built afresh and never kept.

Time changes what readers see too: an embargoed item goes public at its second with no
write. So a kept value also holds until the next embargo after the moment it was built
from, and is built anew from then on.

Both together are the ``ReaderState`` of a request: the number and the next embargo's
second. Readers' whole pages are kept under it too (``speeches.public.page_cache``), and
``Cache-Control`` lets no cache keep a page past that second.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from speeches.models import (
    ChangeNote,
    Country,
    FooterPage,
    LanguageVersion,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    PublicationType,
    PublicState,
    SiteIdentity,
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
    # What every page shows of the press office: its header, colours and footer.
    SiteIdentity,
    FooterPage,
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


# An item in draft or in review has never been shown since it got there: no transition
# leads back to either from a state readers saw (unscheduling leaves "scheduled", which
# readers never saw either). Its saves, its language versions, its links and its change
# notes change nothing readers see, so editors saving work in progress all day do not end
# every kept page. Scheduling, publishing and everything after do.
UNSEEN = frozenset({Publication.Status.DRAFT, Publication.Status.IN_REVIEW})
PARTS = (LanguageVersion, PublicationMaterial, ChangeNote)  # rows of one publication


def _unseen(instance) -> bool:
    """Whether ``instance`` is, or belongs to, an item readers cannot have seen."""
    if isinstance(instance, Publication):
        return instance.status in UNSEEN
    if not isinstance(instance, PARTS):
        return False  # terms and materials: readers may see them on any item
    # Its item's status, read only when the item is not at hand.
    publication = instance._state.fields_cache.get("publication")
    if publication is not None:
        return publication.status in UNSEEN
    return Publication.objects.filter(pk=instance.publication_id, status__in=UNSEEN).exists()


def _on_write(sender, *, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if not _unseen(instance):
        changed(using=using)


def _on_link(sender, *, instance, action: str, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action.startswith("post_") and not _unseen(instance):
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


@dataclass(frozen=True)
class ReaderState:
    """What readers see, as one request finds it: the number of the last change, and the
    second of the next embargo (None: nothing scheduled), when it changes by itself."""

    version: int
    until: datetime.datetime | None

    def holds_at(self, moment: datetime.datetime) -> bool:
        return self.until is None or moment < self.until


class RequestMemo:
    """The state one request found first (``one_request``), so that its page cache, its
    kept values and its Cache-Control agree, and the number is read once; and values a
    page asks for more than once (``values``, e.g. the site identity)."""

    state: ReaderState | None = None

    def __init__(self):
        self.values: dict[str, object] = {}


_request_memo: ContextVar[RequestMemo | None] = ContextVar("reader_state", default=None)


@contextmanager
def one_request() -> Iterator[RequestMemo]:
    """Remember, until the end of the block (a request), the state it reads first."""
    memo = RequestMemo()
    token = _request_memo.set(memo)
    try:
        yield memo
    finally:
        _request_memo.reset(token)


def request_memo() -> RequestMemo | None:
    """The memo of the request being answered (None outside one: commands, shells)."""
    return _request_memo.get()


def reader_state() -> ReaderState | None:
    """The state readers see now: one query on the number (none again in the same
    request); the next embargo is kept per number in the cache until it passes. None in
    a transaction that wrote what readers see: its view is its own, nothing is kept."""
    if _pending():
        return None
    now = timezone.now()
    memo = _request_memo.get()
    if memo is not None and memo.state is not None and memo.state.holds_at(now):
        return memo.state
    version = current()
    key = f"public-state:{version}:until"
    kept = cache.get(key)
    state = ReaderState(version, kept[0]) if kept is not None else None
    if state is None or not state.holds_at(now):
        state = ReaderState(version, next_embargo(now))
        cache.set(key, (state.until,), KEEP_SECONDS)
    if memo is not None:
        memo.state = state
    return state


def many_once_per_change(
    names: Sequence[str], build: Callable[[list[str]], dict[str, T]]
) -> dict[str, T]:
    """``once_per_change`` for several values in one round trip to the cache: each name's
    value, those not kept built together by ``build(missing names)``."""
    state = reader_state()
    if state is None:
        return build(list(names))
    keys = {name: f"public-state:{state.version}:{name}" for name in names}
    kept = cache.get_many(list(keys.values()))
    now = timezone.now()
    values: dict[str, T] = {}
    for name, key in keys.items():
        if key in kept:
            value, until = kept[key]
            if ReaderState(state.version, until).holds_at(now):
                values[name] = value
    missing = [name for name in names if name not in values]
    if missing:
        # The state's embargo was read before building: one that passes while it builds
        # ends the kept values on the next request, whether or not the build saw the item.
        built = build(missing)
        cache.set_many({keys[name]: (built[name], state.until) for name in missing}, KEEP_SECONDS)
        values.update(built)
    return values


def once_per_change(name: str, build: Callable[[], T]) -> T:
    """``build()``'s value, built once per change of what readers see and per embargo
    passed, and kept in the cache under ``name`` (which must say everything the value
    depends on besides that, e.g. the language).

    A transaction that wrote what readers see, and not yet committed, gets a value built
    from what it sees and keeps nothing: other readers must not get its uncommitted rows.
    """
    return many_once_per_change([name], lambda _names: {name: build()})[name]
