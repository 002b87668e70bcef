"""Per-language full-text search columns, on PostgreSQL only.

Each language gets a stored tsvector generated from its title, lead and plain text with
its own text-search configuration, and a GIN index. SQLite has no tsvector: there the
search falls back to speeches.public.search's simpler implementation, and this does nothing.
A language added later needs a migration of its own that calls the same functions.
"""

from django.db import migrations

from speeches.public.search import add_search_column_sql, drop_search_column_sql

LANGUAGES = ["en", "ru", "de", "fr", "es", "ar"]


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
