"""Each term's publications, read from the link tables alone.

The tables Django makes for the speakers, topics and countries of a publication have an
index on the publication and the term together (publication first) and one on the term
alone, so "the publications of this topic" read every link row from the table itself:
5,000 rows in 2,800 blocks for a publication page's related items at 100,000 items. An
index on the term and then the publication answers it from the index (an index-only scan).
"""

from django.db import migrations

LINKS = (
    ("speeches_publication_speakers", "person_id"),
    ("speeches_publication_topics", "topic_id"),
    ("speeches_publication_countries", "country_id"),
)


class Migration(migrations.Migration):
    dependencies = [("speeches", "0018_publication_slug_without_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {table}_by_term ON {table} ({term}, publication_id)",
            f"DROP INDEX {table}_by_term",
        )
        for table, term in LINKS
    ]
