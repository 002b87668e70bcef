"""Stemmed search on SQLite: an FTS5 table per language (SQLite only).

Each holds, per publication, the stems of its title, lead and plain text in that
language (``speeches.public.fts``). The triggers that fill and keep them are created
after ``migrate`` by ``fts.ensure``, which also builds the index then: a later migration
that alters the publications' table copies it, and on SQLite that drops its triggers.
PostgreSQL searches its own entries (0021) and gets nothing here.
"""

from django.db import migrations

LANGUAGES = ["en", "ru", "de", "fr", "es", "ar"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for code in LANGUAGES:
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE speeches_search_fts_{code} USING fts5"
                "(title, lead, body, tokenize = 'unicode61 remove_diacritics 0')"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search_fts_%'")
            triggers = [name for (name,) in cursor.fetchall()]
        for name in triggers:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for code in LANGUAGES:
            schema_editor.execute(f"DROP TABLE IF EXISTS speeches_search_fts_{code}")


class Migration(migrations.Migration):
    dependencies = [("speeches", "0024_publication_listing_index")]

    operations = [migrations.RunPython(forwards, backwards)]
