"""The staff's search: every publication, in whatever state, by a word of its text in any
language, by a speaker's name, by its reference or its number.

Readers' search (``speeches.public.search``) lists what is public, in one language; the
staff's list holds drafts, items in review, scheduled, withdrawn and unpublished items too,
and a press officer looking for "Заключительный" or "Сергей Лавров" does not choose a
language first. So a search here matches:

- the words of a title, lead or text (all of them, stemmed as that language stems them)
  in any language version, whatever its state;
- a speaker, when every word of the search begins a word of the person's name in some
  language ("Сергей Лавров", "Lavrov", "лавр");
- the reference number as typed, or the publication's number ("4711" or "#4711").

It reads the indexes readers' search is kept with, never the texts themselves:

- **PostgreSQL**: readers' entries (``speeches_search_entry``, 0021: the listed versions)
  and the entries of every other version (``speeches_search_unlisted``, 0031), each
  language's vectors in its own text-search configuration, through their GIN indexes.
- **SQLite**: the FTS5 tables of Snowball stems (``speeches.public.fts``, 0025), which hold
  every publication's texts in each language; the search's words are stemmed by the same
  ``search_stems`` SQL function the tables' triggers call.

A search finds the newest ``LIMIT`` matches (within the list's filters): enough to page
through, and what lets a common word cost what a rare one does, as in readers' search.
"""

from __future__ import annotations

import json
import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from speeches.models import LANGUAGE_CODES, Person, Publication, column

# The newest matches a search lists: ten pages of the staff's list.
LIMIT = 1000
MAX_LENGTH = 200
# PostgreSQL's text-search configuration of each language (as readers' search has them).
CONFIGS = {
    "en": "english",
    "ru": "russian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
}
# PostgreSQL: readers' entries (0021) and the other versions' (0031).
ENTRY_TABLES = ("speeches_search_entry", "speeches_search_unlisted")

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Found:
    """A search's matches, newest first, and whether there were more than ``LIMIT``."""

    ids: list[int]

    @property
    def capped(self) -> bool:
        return len(self.ids) >= LIMIT

    def among(self, queryset: QuerySet[Publication]) -> QuerySet[Publication]:
        """``queryset``'s matches, the ids sent as one parameter: as a thousand, each of
        the list's queries (its count, page and dates) took psycopg some 12 ms to write."""
        if not self.ids:
            return queryset.none()
        if connections[queryset.db].vendor == "postgresql":
            ids = RawSQL("SELECT unnest(%s::bigint[])", (self.ids,))
        else:
            ids = RawSQL("SELECT value FROM json_each(%s)", (json.dumps(self.ids),))
        return queryset.filter(pk__in=ids)


def staff_search(queryset: QuerySet[Publication], text: str) -> Found:
    """The publications of ``queryset`` (the list with its filters) that ``text`` finds,
    newest first, at most ``LIMIT``: in three queries or fewer, whatever the archive's size."""
    text = " ".join(text.split())
    if not text or len(text) > MAX_LENGTH or "\x00" in text:
        return Found([])
    others = _by_speaker_reference_or_number(queryset, text)
    if connections[queryset.db].vendor == "postgresql":
        return Found(_postgresql(queryset, text, others))
    return Found(_sqlite(queryset, text, others))


def speakers_named(text: str) -> list[int]:
    """The persons whose name, in some language, has a word beginning with each word of
    ``text``: "Сергей Лавров", "lavrov sergey", "лавр". Compared in Python, case-folded, so
    that Cyrillic and Arabic match as Latin does on both databases (SQLite folds ASCII
    only); a ministry's persons are a few thousand names at most."""
    wanted = [word.casefold() for word in _WORD.findall(text)]
    if not wanted:
        return []
    found = []
    for pk, *names in Person.objects.values_list(
        "pk", *(column("name", c) for c in LANGUAGE_CODES)
    ):
        for name in names:
            parts = [part.casefold() for part in _WORD.findall(name or "")]
            if parts and all(any(p.startswith(w) for p in parts) for w in wanted):
                found.append(pk)
                break
    return found


def _by_speaker_reference_or_number(queryset: QuerySet, text: str) -> list[QuerySet]:
    """The list's items that the reference, the number or a speaker matches: a queryset
    each, so that each is found through its own index (an OR of them read every item)."""
    found = [queryset.filter(reference__in=list(dict.fromkeys([text, text.upper()])))]
    number = text.removeprefix("#")
    if number.isdigit() and len(number) < 19:
        found.append(queryset.filter(pk=int(number)))
    persons = speakers_named(text)
    if persons:
        speaking = Publication.speakers.through.objects.filter(person_id__in=persons)
        found.append(queryset.filter(pk__in=speaking.values("publication_id")))
    return found


def _postgresql(queryset: QuerySet, text: str, others: list[QuerySet]) -> list[int]:
    """Each language's newest matches in both entry tables, and the newest items of the
    speakers, reference and number, merged: one statement.

    The GIN indexes answer every branch: left to itself the planner reads a common word's
    newest entries one by one and each one's vector from TOAST (at 100,000 items, 74 ms
    for a word in a fifth of them, where the index takes 13 ms), so plain index and
    sequential scans are off for the statement (``set_config`` in its own transaction).
    """
    within, within_params = "", []
    if queryset.query.where:  # the list is filtered: the newest matches among its items
        pks, within_params = queryset.order_by().values("pk").query.sql_with_params()
        within = f" AND publication_id IN ({pks})"
    branches, params = [], []
    if _WORD.search(text):
        for table in ENTRY_TABLES:
            for code, config in CONFIGS.items():
                branches.append(
                    f"(SELECT publication_id, published_at FROM {table}"
                    f" WHERE language = '{code}'"
                    f" AND vector @@ plainto_tsquery('{config}'::regconfig, %s){within}"
                    f" ORDER BY published_at DESC, publication_id DESC LIMIT {LIMIT})"
                )
                params += [text, *within_params]
    for matching in others:
        newest = matching.order_by("-published_at", "-pk").values("pk", "published_at")[:LIMIT]
        sql, matching_params = newest.query.sql_with_params()
        # By name: the ORM orders a values() query's columns as it sees fit.
        branches.append(f"(SELECT pk, published_at FROM ({sql}) AS named)")
        params += matching_params
    statement = (
        f"SELECT publication_id FROM ({' UNION ALL '.join(branches)})"
        " AS found (publication_id, published_at) GROUP BY publication_id"
        f" ORDER BY max(published_at) DESC, publication_id DESC LIMIT {LIMIT}"
    )
    with transaction.atomic(using=queryset.db), connections[queryset.db].cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_indexscan', 'off', true),"
            " set_config('enable_seqscan', 'off', true)"
        )
        cursor.execute(statement, params)
        found = [pk for (pk,) in cursor.fetchall()]
        # It only read: rolled back, the settings end with it even inside a transaction
        # of the caller's (a savepoint's SET LOCAL would outlive its release), and the
        # list's own queries plan as usual.
        transaction.set_rollback(True, using=queryset.db)
    return found


def _sqlite(queryset: QuerySet, text: str, others: list[QuerySet]) -> list[int]:
    """Each language's FTS5 table for the search's stems, and the speakers, reference and
    number, as one list query."""
    languages = [code for code, _name in settings.LANGUAGES]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join("search_stems(%s, %s)" for _code in languages),
            [value for code in languages for value in (code, text)],
        )
        stems = dict(zip(languages, cursor.fetchone(), strict=True))
    matching, params = [], []
    for language in languages:
        words = stems[language].split()
        if words:
            # Stems are letters and digits only: quoted, they need no escaping.
            table = f"speeches_search_fts_{language}"
            matching.append(f"SELECT rowid FROM {table} WHERE {table} MATCH %s")
            params.append(" AND ".join(f'"{word}"' for word in words))
    condition = reduce(operator.or_, (Q(pk__in=found.values("pk")) for found in others))
    if matching:
        condition |= Q(pk__in=RawSQL(" UNION ".join(matching), params))
    return list(
        queryset.filter(condition)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:LIMIT]
    )
