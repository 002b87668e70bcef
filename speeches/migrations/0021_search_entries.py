"""Search reads a narrow table of its own, kept by the database (PostgreSQL only).

``speeches_search_entry`` holds one row per language version that is listed: its
publication is published (the embargo is still checked by each query, against the
instant of the request) and the version is shown (ready or outdated, not hidden). A row
carries the publication's date and the version's search vector, built from its title
(weight A), lead (B) and plain text (C) with the language's text-search configuration.

The publication table's six generated vector columns (migration 0006) go: every match a
search read from them dragged a whole publication row, a few to a page (a two-word search
read some 5,000 pages at 100,000 items for its newest 1,000 matches), where an entry is a
hundredth of a page.

Statement-level triggers on the publications and their language versions keep the table
current on every write path, the ORM's, bulk COPY and raw SQL alike, in the writing
transaction: a publication's entries are rebuilt when its status, date or a searched text
changes, or when one of its versions appears, changes status or visibility, or goes.
Truncating the publications empties it.

SQLite has no text search vectors; its search reads the publications (and this does
nothing). The table is partitioned by language: a search reads its language's partition alone,
and the planner's statistics of each partition's words are that language's (over all
languages, a word matching 90 % of the Russian items looked like one matching 21 %). A
language added later needs a migration that adds its partition and recreates
``speeches_search_refresh`` with it.
"""

from django.db import migrations

LANGUAGES = ["en", "ru", "de", "fr", "es", "ar"]
CONFIGS = {
    "en": "english",
    "ru": "russian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
}
SEARCHED = ("title", "lead", "plain_text")
WEIGHTS = {"title": "A", "lead": "B", "plain_text": "C"}


def _vector(language: str) -> str:
    return " || ".join(
        f"setweight(to_tsvector('{CONFIGS[language]}'::regconfig,"
        f" coalesce(p.{name}_{language}, '')), '{WEIGHTS[name]}')"
        for name in SEARCHED
    )


def _vector_by_language() -> str:
    cases = "\n".join(f"        WHEN '{code}' THEN {_vector(code)}" for code in LANGUAGES)
    return f"CASE v.language\n{cases}\n    END"


def _searched_columns(row: str) -> str:
    names = ["status", "published_at"] + [f"{n}_{code}" for n in SEARCHED for code in LANGUAGES]
    return ", ".join(f"{row}.{name}" for name in names)


def forwards_sql() -> list[str]:
    languages = ", ".join(f"'{code}'" for code in LANGUAGES)
    return [
        *(f"ALTER TABLE speeches_publication DROP COLUMN IF EXISTS search_{c}" for c in LANGUAGES),
        """
        CREATE TABLE speeches_search_entry (
            publication_id bigint NOT NULL,
            language varchar(10) NOT NULL,
            published_at timestamp with time zone NOT NULL,
            vector tsvector NOT NULL,
            PRIMARY KEY (publication_id, language)
        ) PARTITION BY LIST (language)
        """,
        *(
            f"CREATE TABLE speeches_search_entry_{code} PARTITION OF speeches_search_entry"
            f" FOR VALUES IN ('{code}')"
            for code in LANGUAGES
        ),
        # The newest first within a language: the order of every search, and the way a
        # common word's newest matches are found soonest.
        "CREATE INDEX search_entry_newest ON speeches_search_entry"
        " (language, published_at DESC, publication_id DESC)",
        "CREATE INDEX search_entry_gin ON speeches_search_entry USING GIN (vector)",
        f"""
        CREATE FUNCTION speeches_search_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            DELETE FROM speeches_search_entry WHERE publication_id = ANY(ids);
            INSERT INTO speeches_search_entry (publication_id, language, published_at, vector)
            SELECT p.id, v.language, p.published_at, {_vector_by_language()}
            FROM speeches_publication p
            JOIN speeches_languageversion v ON v.publication_id = p.id
            WHERE p.id = ANY(ids)
              AND p.status = 'published'
              AND v.status IN ('ready', 'outdated')
              AND NOT v.hidden
              AND v.language IN ({languages});
        $$
        """,
        f"""
        CREATE FUNCTION speeches_search_publications_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM speeches_search_refresh(ARRAY(SELECT id FROM new_rows));
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM speeches_search_refresh(ARRAY(
                    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE ({_searched_columns("n")}) IS DISTINCT FROM ({_searched_columns("o")})
                ));
            ELSIF TG_OP = 'DELETE' THEN
                DELETE FROM speeches_search_entry
                WHERE publication_id IN (SELECT id FROM old_rows);
            ELSE
                TRUNCATE speeches_search_entry;
            END IF;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION speeches_search_versions_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM speeches_search_refresh(ARRAY(SELECT publication_id FROM new_rows));
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM speeches_search_refresh(ARRAY(
                    SELECT n.publication_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE (n.publication_id, n.language, n.status, n.hidden)
                        IS DISTINCT FROM (o.publication_id, o.language, o.status, o.hidden)
                    UNION
                    SELECT o.publication_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE n.publication_id <> o.publication_id
                ));
            ELSE
                PERFORM speeches_search_refresh(ARRAY(SELECT publication_id FROM old_rows));
            END IF;
            RETURN NULL;
        END
        $$
        """,
        *(
            f"CREATE TRIGGER search_{table}_{event.lower()} AFTER {event} ON speeches_{table}"
            f" REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            for table, function in (
                ("publication", "speeches_search_publications_changed"),
                ("languageversion", "speeches_search_versions_changed"),
            )
            for event, refs in (
                ("INSERT", "NEW TABLE AS new_rows"),
                ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("DELETE", "OLD TABLE AS old_rows"),
            )
        ),
        "CREATE TRIGGER search_publication_truncate AFTER TRUNCATE ON speeches_publication"
        " FOR EACH STATEMENT EXECUTE FUNCTION speeches_search_publications_changed()",
        # What is already published, in one statement.
        "SELECT speeches_search_refresh(ARRAY(SELECT id FROM speeches_publication"
        " WHERE status = 'published'))",
    ]


def backwards_sql() -> list[str]:
    statements = [
        *(
            f"DROP TRIGGER IF EXISTS search_{table}_{event} ON speeches_{table}"
            for table in ("publication", "languageversion")
            for event in ("insert", "update", "delete", "truncate")
        ),
        "DROP FUNCTION IF EXISTS speeches_search_publications_changed()",
        "DROP FUNCTION IF EXISTS speeches_search_versions_changed()",
        "DROP FUNCTION IF EXISTS speeches_search_refresh(bigint[])",
        "DROP TABLE IF EXISTS speeches_search_entry",
    ]
    for code in LANGUAGES:
        parts = " || ".join(
            f"setweight(to_tsvector('{CONFIGS[code]}'::regconfig,"
            f" coalesce({name}_{code}, '')), '{WEIGHTS[name]}')"
            for name in SEARCHED
        )
        statements += [
            f"ALTER TABLE speeches_publication ADD COLUMN search_{code} tsvector"
            f" GENERATED ALWAYS AS ({parts}) STORED",
            f"CREATE INDEX publication_search_{code}_gin ON speeches_publication"
            f" USING GIN (search_{code})",
        ]
    return statements


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in forwards_sql():
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in backwards_sql():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("speeches", "0020_archive_order_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
