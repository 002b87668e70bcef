"""Full-text search in the reader's language, behind one interface for both databases.

PostgreSQL: a narrow table of its own, ``speeches_search_entry`` (migration 0021), holds
one row per listed language version (its publication published, the version shown): the
publication's date and the version's ``tsvector``, built from its title (weight A), lead
(B) and plain text (C) with the language's text-search configuration, GIN-indexed per
language. The database's triggers keep it current on every write path, in the writing
transaction, without any code of ours; the embargo is checked by each search, against
the request's instant. Reading a match costs a hundredth of a page, where reading it from
the publications cost a whole row.

SQLite (the embedded default): FTS5 tables of Snowball stems, one per language, kept by
triggers (``fts``), with the same query syntax (quotes, ``-word``, ``or``), ranked by
bm25 with the columns weighed as PostgreSQL weighs them.

A search in one language reads and shows that language's columns only.

How PostgreSQL finds a search's newest matches depends on how many items it matches
(``planned``): a common word is found soonest by reading items newest first until enough
match, a rarer one (or several words together) through the GIN index. The planner
cannot weigh the first way rightly, since checking an item means reading its search
vector from TOAST (about 20 µs, costed as one operator): left alone, it read 16,000
vectors at 100,000 items for three words that the index answers in a fraction of that.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import DEFAULT_DB_ALIAS, connection, connections, router, transaction
from django.db.models import (
    F,
    Func,
    IntegerField,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest, NullIf, Substr
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from speeches.models import Publication, column
from speeches.public import fts

# PostgreSQL text-search configurations by language; languages without one use "simple".
SEARCH_CONFIGS = {
    "en": "english",
    "ru": "russian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
}
# A search shows at most its newest RESULT_LIMIT matches, by relevance or by date:
# ranking costs grow with the number of hits, and so does counting them (every match's
# search vector read), while a reader pages through a few dozen at most; the newest are
# what a press archive's readers want first, and a search with more says so and asks for
# more words or a filter.
RESULT_LIMIT = 1000
MAX_QUERY_LENGTH = 200
# Above this share of all items matching, reading items newest first finds a search's
# newest RESULT_LIMIT matches sooner than the index (whose every match is then read).
COMMON_SHARE = 0.25

# PostgreSQL: the listed language versions' search vectors (migration 0021).
ENTRIES = "speeches_search_entry"

# Private-use markers survive ts_headline and escaping; they become <mark> afterwards.
_START, _STOP = "\ue000", "\ue001"


def search_config(language: str) -> str:
    return SEARCH_CONFIGS.get(language, "simple")


def _known(language: str) -> str:
    """``language``, checked: it is written into the SQL (where the planner picks that
    language's partition of the entries from it)."""
    if language not in SEARCH_CONFIGS:
        raise ValueError(f"No search for language {language!r}")
    return language


@dataclass
class ParsedQuery:
    """A websearch-style query: groups joined by OR, each a list of required terms."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        return [term for group in self.groups for term in group]


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


def parse_query(text: str) -> ParsedQuery:
    """Parse quotes, ``-word`` and ``or`` the way PostgreSQL's websearch_to_tsquery does."""
    parsed = ParsedQuery(groups=[[]])
    for match in _TOKEN.finditer(text.casefold()):
        negative, phrase, word = match.groups()
        if word is not None and word == "or":
            if parsed.groups[-1]:
                parsed.groups.append([])
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negative, term = "-", word[1:]
        else:
            term = phrase if phrase is not None else word
        term = " ".join(term.split())
        if not term:
            continue
        (parsed.excluded if negative else parsed.groups[-1]).append(term)
    parsed.groups = [group for group in parsed.groups if group]
    return parsed


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def reading_alias() -> str:
    """The database readers' searches and lists read (a replica, or the primary)."""
    return router.db_for_read(Publication) or DEFAULT_DB_ALIAS


def listed_where(
    language: str,
    *,
    since: datetime.datetime | None = None,
    before: datetime.datetime | None = None,
) -> tuple[str, list]:
    """The SQL condition, and its parameters, for the entries listed in ``language`` at
    this instant (the embargo, which the entries' upkeep leaves to each query), between
    ``since`` (inclusive) and ``before`` when given."""
    conditions = [f"language = '{_known(language)}'", "published_at <= %s"]
    params: list = [timezone.now()]
    if since is not None:
        conditions.append("published_at >= %s")
        params.append(since)
    if before is not None:
        conditions.append("published_at < %s")
        params.append(before)
    return " AND ".join(conditions), params


@contextmanager
def planned(text: str, *, language: str) -> Iterator[None]:
    """Run the block's searches for ``text`` the way that suits how common it is: a
    search the planner expects to match under ``COMMON_SHARE`` of the language's entries
    uses the GIN index (plain index scans and sequential scans off, in a transaction of
    its own). Nothing changes on SQLite, for an empty search or for a common one."""
    alias = reading_alias()
    database = connections[alias]
    text = text.strip()
    if (
        database.vendor != "postgresql"
        or not text
        or len(text) > MAX_QUERY_LENGTH
        or "\x00" in text  # refused by the form, and by PostgreSQL
    ):
        yield
        return
    language = _known(language)
    with database.cursor() as cursor:
        # The planner's own estimates, of the matches and of all entries, in one statement.
        cursor.execute(
            f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {ENTRIES} WHERE language = '{language}'"
            " AND vector @@ websearch_to_tsquery(%s::regconfig, %s)"
            f" UNION ALL SELECT 1 FROM {ENTRIES} WHERE language = '{language}'",
            [search_config(language), text],
        )
        (plan,) = cursor.fetchone()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    matches, everything = (part["Plan Rows"] for part in plan[0]["Plan"]["Plans"])
    if matches >= COMMON_SHARE * max(everything, 1):
        yield
        return
    with transaction.atomic(using=alias), database.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_indexscan', 'off', true),"
            " set_config('enable_seqscan', 'off', true)"
        )
        yield
        # The block only reads: rolled back, the settings end with it even inside a
        # transaction of the caller's (a savepoint's SET LOCAL outlives its release).
        transaction.set_rollback(True, using=alias)


def apply_search(
    queryset: QuerySet, *, text: str, language: str, by_relevance: bool, whole: bool = False
) -> QuerySet | SearchResults:
    """Publications of ``queryset`` matching ``text`` in ``language``, best or newest
    first, as ``SearchResults``. ``whole`` says
    ``queryset`` is the language's whole public list (no filter narrows it), which the
    search entries answer alone on PostgreSQL."""
    if is_postgresql():
        return _apply_postgresql(
            queryset, text=text, language=language, by_relevance=by_relevance, whole=whole
        )
    return _apply_sqlite(queryset, text=text, language=language, by_relevance=by_relevance)


class SearchResults(Sequence):
    """A search's results in order, as ids found once, read a page at a time.

    The newest matches (at most ``RESULT_LIMIT``) are found by one query, and ranked by
    one more when they are shown by relevance; the count is their number, and a page
    reads its own rows by id, under the list's own conditions (a row that stopped being
    public meanwhile is left out). Counting and paging a queryset instead read the matches
    again for each (a two-word search 110 ms apiece at 100,000 items). Paginators and the
    templates take it as they take a list.
    """

    ordered = True  # for Django's paginator, which warns about unordered lists

    def __init__(self, queryset: QuerySet, ids: list[int]):
        self.queryset = queryset
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        return self.queryset.in_order(self.ids[index])


def _apply_postgresql(queryset, *, text, language, by_relevance, whole):
    """The newest matching entries (the public rule's instant checked here, the rest by
    the entries' own upkeep), within ``queryset`` unless it is ``whole``; ranked in the
    same statement when shown by relevance, each vector read once."""
    query = "websearch_to_tsquery(%s::regconfig, %s)"
    listed, params = listed_where(language)
    params += [search_config(language), text]
    within = ""
    if not whole:
        pks, pk_params = queryset.order_by().values("pk").query.sql_with_params()
        within = f" AND publication_id IN ({pks})"
        params += pk_params
    newest = (
        f"FROM {ENTRIES} WHERE {listed} AND vector @@ {query}{within}"
        f" ORDER BY published_at DESC, publication_id DESC LIMIT {RESULT_LIMIT}"
    )
    if by_relevance:
        sql = (
            f"SELECT publication_id FROM (SELECT publication_id, published_at, vector {newest})"
            f" AS newest ORDER BY ts_rank(vector, {query}) DESC, published_at DESC,"
            " publication_id DESC"
        )
        params += [search_config(language), text]
    else:
        sql = f"SELECT publication_id {newest}"
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        ids = [pk for (pk,) in cursor.fetchall()]
    return SearchResults(queryset.order_by(), ids)


def _apply_sqlite(queryset, *, text, language, by_relevance):
    """The newest matches of ``queryset`` in the language's FTS5 table (at most
    ``RESULT_LIMIT``), ranked by bm25 when shown by relevance."""
    if len(text) > MAX_QUERY_LENGTH or "\x00" in text:
        return SearchResults(queryset.order_by(), [])
    expression = fts.match_expression(parse_query(text), language)
    if expression is None:
        return SearchResults(queryset.order_by(), [])
    index = fts.table(language)
    matching = RawSQL(f"SELECT rowid FROM {index} WHERE {index} MATCH %s", [expression])
    ids = list(
        queryset.filter(pk__in=matching)
        .order_by("-published_at", "-id")
        .values_list("pk", flat=True)[:RESULT_LIMIT]
    )
    if by_relevance and ids:
        weights = ", ".join(str(weight) for weight in fts.WEIGHTS)
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({index}, {weights}) FROM {index} WHERE {index} MATCH %s"
                " AND rowid IN (SELECT value FROM json_each(%s))",
                [expression, json.dumps(ids)],
            )
            # bm25: the better the match, the lower; ties stay newest first.
            rank = dict(cursor.fetchall())
        ids.sort(key=lambda pk: rank.get(pk, 0.0))
    return SearchResults(queryset.order_by(), ids)


@dataclass(frozen=True)
class Highlight:
    title: SafeString
    snippet: SafeString


def highlights(publications: list, *, text: str, language: str) -> dict[int, Highlight]:
    """Title and a text snippet with the matched words in <mark>, for one page of results."""
    if not publications:
        return {}
    if is_postgresql():
        return _highlights_postgresql(publications, text=text, language=language)
    return _highlights_sqlite(publications, text=text, language=language)


def _marked(value: str) -> SafeString:
    # Safe: the text is escaped before the markers become tags.
    return mark_safe(escape(value).replace(_START, "<mark>").replace(_STOP, "</mark>"))


# A snippet is cut from a window of the text around the first place a query word seems
# to be, not from the whole text: ts_headline parses all it is given, word by word
# through the language's dictionary (20 Russian results of 5,000 characters: 13 ms; from
# their windows, 6 ms with the search for the window's place).
SNIPPET_WINDOW = 1500
SNIPPET_LEAD_IN = 200


class RegexpInstr(Func):
    """PostgreSQL's ``regexp_instr`` (15 and later): where a pattern first matches, or 0."""

    function = "regexp_instr"
    output_field = IntegerField()


def _locator(text: str) -> str:
    """A pattern for the first place of any query word in a text: each word's first
    letters (a stem-like prefix, so that «переговоры» finds «переговорах»)."""
    prefixes = []
    for term in parse_query(text).terms:
        word = term.split()[0]
        prefixes.append(re.escape(word[: max(4, len(word) - 2)]))
    return "|".join(dict.fromkeys(prefixes))


def _window(name: str, pattern: str) -> Func:
    """``name``'s text from a little before the first match of ``pattern`` (case
    insensitive; or from its start), SNIPPET_WINDOW characters long."""
    place = RegexpInstr(F(name), Value(pattern), Value(1), Value(1), Value(0), Value("i"))
    start = Greatest(Coalesce(NullIf(place, Value(0)), Value(1)) - SNIPPET_LEAD_IN, Value(1))
    return Substr(name, start, SNIPPET_WINDOW, output_field=TextField())


def _highlights_postgresql(publications, *, text, language):
    config = search_config(language)
    query = SearchQuery(text, search_type="websearch", config=config)
    options = {"config": config, "start_sel": _START, "stop_sel": _STOP}
    body = column("plain_text", language)
    pattern = _locator(text)
    snippet_text = _window(body, pattern) if pattern else body
    rows = (
        Publication.objects.filter(pk__in=[p.pk for p in publications])
        .annotate(
            title_mark=SearchHeadline(
                column("title", language), query, highlight_all=True, **options
            ),
            snippet_mark=SearchHeadline(
                snippet_text,
                query,
                max_words=40,
                min_words=20,
                **options,
            ),
        )
        .values_list("pk", "title_mark", "snippet_mark")
    )
    return {pk: Highlight(_marked(title), _marked(snippet)) for pk, title, snippet in rows}


def _mark_stems(value: str, wanted: set[str], language: str) -> str:
    """``value`` with the words whose stems are ``wanted`` between the markers."""
    out, last = [], 0
    for match in fts.words(value):
        if fts.stem(match.group(), language) in wanted:
            out += [value[last : match.start()], _START, match.group(), _STOP]
            last = match.end()
    out.append(value[last:])
    return "".join(out)


def _highlights_sqlite(publications, *, text, language):
    parsed = parse_query(text)
    wanted = {stem for term in parsed.terms for stem in fts.stems(term, language)}
    rows = Publication.objects.filter(pk__in=[p.pk for p in publications]).values_list(
        "pk", column("title", language), column("plain_text", language)
    )
    return {pk: _highlight(title or "", body or "", wanted, language) for pk, title, body in rows}


SNIPPET_LENGTH = 240


def _highlight(title: str, text: str, wanted: set[str], language: str) -> Highlight:
    first = next(
        (m.start() for m in fts.words(text) if fts.stem(m.group(), language) in wanted), None
    )
    start = max(first - 80, 0) if first is not None else 0
    if start:  # begin at a word, not in the middle of one
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    snippet = text[start : start + SNIPPET_LENGTH]
    more = start + SNIPPET_LENGTH < len(text)
    snippet = ("… " if start else "") + snippet + (" …" if more else "")
    return Highlight(
        _marked(_mark_stems(title, wanted, language)),
        _marked(_mark_stems(snippet, wanted, language)),
    )
