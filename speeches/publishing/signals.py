"""What the publishing services tell the rest of the app once their write has committed.

Readers' emails (``speeches.mailing``) sit above the services that publish: they learn of
a release here rather than being called, so publishing never depends on email.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# A publication went out (or will, at its date and time): ``publication_id``, and the
# ``languages`` newly shown, or None for every language version it shows.
released = Signal()

# The original changed under ready translations, which are now out of date:
# ``publication_id``, ``languages``, ``user_id`` (who changed the original).
translations_outdated = Signal()


_silenced = ContextVar("publishing_signals_silenced", default=False)


@contextmanager
def silenced() -> Iterator[None]:
    """Send nothing while loading an archive (the demo's): what it publishes went out
    long ago and is no news to subscribers or staff."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def send_after_commit(signal: Signal, **kwargs) -> None:
    """Send ``signal`` once the current transaction commits (at once outside one). A
    receiver's failure is logged: what was committed stands, and the request answers."""

    def send():
        if _silenced.get():
            return
        for receiver, result in signal.send_robust(sender=None, **kwargs):
            if isinstance(result, Exception):
                logger.error("%s failed", receiver, exc_info=result)

    transaction.on_commit(partial(send))
