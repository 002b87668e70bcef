"""Per-language full-text search columns, on PostgreSQL only.

Each language gets a stored tsvector generated from its title, lead and plain text with
its own text-search configuration, and a GIN index. SQLite has no tsvector: there the
search falls back to a simpler implementation, and this does nothing. Migration 0021
replaced these columns by a table of their own; the SQL is kept here as it ran.
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


def add_search_column_sql(language: str) -> list[str]:
    config = CONFIGS[language]
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({name}_{language}, '')), '{w}')"
        for name, w in (("title", "A"), ("lead", "B"), ("plain_text", "C"))
    ]
    return [
        f"ALTER TABLE speeches_publication ADD COLUMN search_{language} tsvector "
        f"GENERATED ALWAYS AS ({' || '.join(parts)}) STORED",
        f"CREATE INDEX publication_search_{language}_gin ON speeches_publication "
        f"USING GIN (search_{language})",
    ]


def drop_search_column_sql(language: str) -> list[str]:
    return [f"ALTER TABLE speeches_publication DROP COLUMN IF EXISTS search_{language}"]


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        for statement in add_search_column_sql(language):
            schema_editor.execute(statement)


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        for statement in drop_search_column_sql(language):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("speeches", "0005_backfill_plain_text")]

    operations = [migrations.RunPython(add_columns, drop_columns)]
