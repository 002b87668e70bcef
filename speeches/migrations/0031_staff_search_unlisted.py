"""The staff's search reads every language version, not only the listed ones (PostgreSQL only).

Readers' search entries (``speeches_search_entry``, 0021) hold the versions readers may
find: of published items, ready or outdated, not hidden. The staff's list must also find
drafts, items in review, withdrawn and unpublished items, and translations in progress or
hidden. ``speeches_search_unlisted`` holds exactly those others, one row per version with
its search vector, built as 0021 builds the entries' (title A, lead B, plain text C, in the
language's configuration): together the two tables hold every version once, and readers'
table never holds a word readers may not find. In a working archive the unlisted versions
are a small share (the drafts and the work in progress), so the table stays small and a
save computes each vector once, in whichever table its version belongs to.

Statement-level triggers on the publications and their versions keep it current on every
write path, as 0021's keep the entries, when a status, a date, a searched text or a
version's status or visibility changes. SQLite's search reads its FTS5 tables, which hold
every publication's texts already (0025): nothing here.
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
TABLE = "speeches_search_unlisted"
# A version readers' entries hold (0021's condition); this table holds every other one.
LISTED = "p.status = 'published' AND v.status IN ('ready', 'outdated') AND NOT v.hidden"


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
        f"""
        CREATE TABLE {TABLE} (
            publication_id bigint NOT NULL,
            language varchar(10) NOT NULL,
            published_at timestamp with time zone NOT NULL,
            vector tsvector NOT NULL,
            PRIMARY KEY (publication_id, language)
        )
        """,
        f"CREATE INDEX search_unlisted_gin ON {TABLE} USING GIN (vector)",
        f"CREATE INDEX search_unlisted_newest ON {TABLE}"
        " (language, published_at DESC, publication_id DESC)",
        f"""
        CREATE FUNCTION speeches_search_unlisted_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            DELETE FROM {TABLE} WHERE publication_id = ANY(ids);
            INSERT INTO {TABLE} (publication_id, language, published_at, vector)
            SELECT p.id, v.language, p.published_at, {_vector_by_language()}
            FROM speeches_publication p
            JOIN speeches_languageversion v ON v.publication_id = p.id
            WHERE p.id = ANY(ids)
              AND NOT ({LISTED})
              AND v.language IN ({languages});
        $$
        """,
        f"""
        CREATE FUNCTION speeches_search_unlisted_publications_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM speeches_search_unlisted_refresh(ARRAY(SELECT id FROM new_rows));
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM speeches_search_unlisted_refresh(ARRAY(
                    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE ({_searched_columns("n")}) IS DISTINCT FROM ({_searched_columns("o")})
                ));
            ELSIF TG_OP = 'DELETE' THEN
                DELETE FROM {TABLE} WHERE publication_id IN (SELECT id FROM old_rows);
            ELSE
                TRUNCATE {TABLE};
            END IF;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION speeches_search_unlisted_versions_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM speeches_search_unlisted_refresh(
                    ARRAY(SELECT publication_id FROM new_rows)
                );
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM speeches_search_unlisted_refresh(ARRAY(
                    SELECT n.publication_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE (n.publication_id, n.language, n.status, n.hidden)
                        IS DISTINCT FROM (o.publication_id, o.language, o.status, o.hidden)
                    UNION
                    SELECT o.publication_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE n.publication_id <> o.publication_id
                ));
            ELSE
                PERFORM speeches_search_unlisted_refresh(
                    ARRAY(SELECT publication_id FROM old_rows)
                );
            END IF;
            RETURN NULL;
        END
        $$
        """,
        *(
            f"CREATE TRIGGER search_unlisted_{table}_{event.lower()} AFTER {event}"
            f" ON speeches_{table} REFERENCING {refs} FOR EACH STATEMENT"
            f" EXECUTE FUNCTION {function}()"
            for table, function in (
                ("publication", "speeches_search_unlisted_publications_changed"),
                ("languageversion", "speeches_search_unlisted_versions_changed"),
            )
            for event, refs in (
                ("INSERT", "NEW TABLE AS new_rows"),
                ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("DELETE", "OLD TABLE AS old_rows"),
            )
        ),
        "CREATE TRIGGER search_unlisted_publication_truncate AFTER TRUNCATE"
        " ON speeches_publication FOR EACH STATEMENT"
        " EXECUTE FUNCTION speeches_search_unlisted_publications_changed()",
        # What is unlisted already, in one statement.
        "SELECT speeches_search_unlisted_refresh(ARRAY("
        " SELECT id FROM speeches_publication WHERE status <> 'published'"
        " UNION SELECT publication_id FROM speeches_languageversion"
        " WHERE status NOT IN ('ready', 'outdated') OR hidden))",
    ]


def backwards_sql() -> list[str]:
    return [
        *(
            f"DROP TRIGGER IF EXISTS search_unlisted_{table}_{event} ON speeches_{table}"
            for table in ("publication", "languageversion")
            for event in ("insert", "update", "delete", "truncate")
        ),
        "DROP FUNCTION IF EXISTS speeches_search_unlisted_publications_changed()",
        "DROP FUNCTION IF EXISTS speeches_search_unlisted_versions_changed()",
        "DROP FUNCTION IF EXISTS speeches_search_unlisted_refresh(bigint[])",
        f"DROP TABLE IF EXISTS {TABLE}",
    ]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in forwards_sql():
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in backwards_sql():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("speeches", "0030_credit_language_and_replacement_of_withdrawn")]

    operations = [migrations.RunPython(forwards, backwards)]
