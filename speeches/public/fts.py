"""Stemmed full-text search on SQLite, the embedded default: FTS5 and Snowball.

PostgreSQL stems each language's words with its text-search configurations (``search``).
SQLite has FTS5 but no stemmer for our languages, and Python's ``sqlite3`` cannot give
FTS5 a tokenizer of its own. So each language has an FTS5 table of its own
(``speeches_search_fts_<code>``, migration 0025) whose rows are the publications' texts
in that language *already stemmed*: Snowball's algorithms (PyStemmer, the ones
PostgreSQL's snowball dictionaries use), through ``search_stems(language, text)``, a
function every SQLite connection of ours is given (``register``). A query's words are
stemmed the same way, so «коллегия» finds «коллегий» and "stabilit" no longer finds
"stability" as a substring.

Triggers on the publications keep the tables current on every write path through our
connections: saves, ``QuerySet.update``, bulk inserts, deletes and flushes. A table
rebuilt by a later migration (SQLite alters a table by copying it, which drops its
triggers) gets them back, and the index rebuilt, after ``migrate`` (``ensure``). The
index holds every publication's texts: what may be listed is the search's queryset's
business, as on the archive's other lists.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from speeches.models import column

# Snowball's algorithm for each site language; a language without one is matched by its
# words unstemmed (its table still needs a migration, as 0025 makes the first six).
ALGORITHMS = {
    "en": "english",
    "ru": "russian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
}
SEARCHED = ("title", "lead", "plain_text")
# bm25's weight of a match in each searched column, as PostgreSQL weighs A, B and C.
WEIGHTS = (1.0, 0.4, 0.2)

# A word: letters and digits (not the underscore), with the combining marks inside it
# (Arabic vowel signs, a decomposed accent), which are dropped before stemming.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_TATWEEL = "\u0640"


def table(language: str) -> str:
    """The language's FTS5 table (its name is written into SQL: the code is checked)."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"No search for language {language!r}")
    return f"speeches_search_fts_{language}"


@cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = ALGORITHMS.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def _bare(word: str) -> str:
    """A word as it is stemmed: composed, case-folded, without marks or tatweel."""
    word = unicodedata.normalize("NFC", word).casefold()
    return "".join(c for c in word if not unicodedata.combining(c) and c != _TATWEEL)


def words(text: str) -> list[re.Match]:
    """The words of ``text``, where they are."""
    return [match for match in _WORD.finditer(text or "") if _bare(match.group())]


def stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    bare = _bare(word)
    return stemmer.stemWord(bare) if stemmer else bare


def stems(text: str | None, language: str) -> list[str]:
    if not text:
        return []
    bare = [b for b in (_bare(m.group()) for m in _WORD.finditer(text)) if b]
    stemmer = _stemmer(language)
    return stemmer.stemWords(bare) if stemmer else bare


def stemmed(language: str, text: str | None) -> str:
    """``text``'s stems, space-separated: what an FTS5 table holds (SQL ``search_stems``)."""
    return " ".join(stems(text, language))


def register(connection) -> None:
    """Give a new SQLite connection ``search_stems``, which the triggers call."""
    connection.create_function("search_stems", 2, stemmed, deterministic=True)


def match_expression(parsed, language: str) -> str | None:
    """An FTS5 query for a parsed websearch-style query (``search.parse_query``): its
    groups joined by OR, each group's terms (a quoted phrase is a phrase) by AND, the
    excluded terms NOT; None when nothing is left to look for."""

    def term(text: str) -> str | None:
        found = stems(text, language)
        # Stems are letters and digits only: quoting them needs no escaping.
        return f'"{" ".join(found)}"' if found else None

    groups = []
    for group in parsed.groups:
        terms = [t for t in (term(text) for text in group) if t]
        if terms:
            groups.append("(" + " AND ".join(terms) + ")")
    if not groups:
        return None
    expression = " OR ".join(groups)
    excluded = [t for t in (term(text) for text in parsed.excluded) if t]
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(excluded)})"
    return expression


# Kept by triggers: each language's table from that language's columns.


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _values(language: str, row: str) -> str:
    return ", ".join(
        f"search_stems('{language}', {row}.{column(name, language)})" for name in SEARCHED
    )


def _has_text(language: str, row: str) -> str:
    return " OR ".join(f"coalesce({row}.{column(name, language)}, '') <> ''" for name in SEARCHED)


def _insert(language: str, row: str, source: str = "") -> str:
    """Insert the stems of ``row``'s texts in ``language`` (rows of ``source`` if given,
    else the trigger's row), if it has any."""
    return (
        f"INSERT INTO {table(language)} (rowid, title, lead, body)"
        f" SELECT {row}.id, {_values(language, row)}{source} WHERE {_has_text(language, row)};"
    )


def trigger_sql() -> dict[str, str]:
    """Each trigger's name and statement."""
    languages = _languages()
    triggers = {
        "search_fts_publication_insert": (
            "CREATE TRIGGER search_fts_publication_insert AFTER INSERT ON speeches_publication"
            " BEGIN "
            + " ".join(
                f"DELETE FROM {table(code)} WHERE rowid = new.id; {_insert(code, 'new')}"
                for code in languages
            )
            + " END"
        ),
        "search_fts_publication_delete": (
            "CREATE TRIGGER search_fts_publication_delete AFTER DELETE ON speeches_publication"
            " BEGIN "
            + " ".join(f"DELETE FROM {table(code)} WHERE rowid = old.id;" for code in languages)
            + " END"
        ),
    }
    for code in languages:
        columns = ", ".join(column(name, code) for name in SEARCHED)
        name = f"search_fts_publication_update_{code}"
        triggers[name] = (
            f"CREATE TRIGGER {name} AFTER UPDATE OF id, {columns} ON speeches_publication"
            f" BEGIN DELETE FROM {table(code)} WHERE rowid = old.id; {_insert(code, 'new')} END"
        )
    return triggers


def ensure(connection) -> bool:
    """Create the triggers missing on ``connection``'s database, and if any was, rebuild
    the index from the publications (writes made without them are not in it). Whether
    it rebuilt."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {name for (name,) in cursor.fetchall()}
        lacking = [code for code in _languages() if table(code) not in present]
        if "speeches_publication" not in present or len(lacking) == len(_languages()):
            return False  # not migrated this far yet
        if lacking:
            raise ImproperlyConfigured(
                f"SQLite's search has no table for {', '.join(lacking)}: a migration must"
                " create it (as 0025_sqlite_search_index does for the first six)."
            )
        missing = {name: sql for name, sql in trigger_sql().items() if name not in present}
        if not missing:
            return False
        for name in trigger_sql():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in trigger_sql().values():
            cursor.execute(sql)
        for code in _languages():
            cursor.execute(f"DELETE FROM {table(code)}")
            cursor.execute(_insert(code, "p", " FROM speeches_publication p"))
    return True
