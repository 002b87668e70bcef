"""Fill the new plain-text columns of publications saved before they existed."""

from django.db import migrations

from speeches.richtext import html_to_text

LANGUAGES = ["en", "ru", "de", "fr", "es", "ar"]


def backfill(apps, schema_editor):
    Publication = apps.get_model("speeches", "Publication")
    fields = [f"plain_text_{code}" for code in LANGUAGES]
    batch = []
    for publication in Publication.objects.iterator(chunk_size=500):
        for code in LANGUAGES:
            body = getattr(publication, f"body_{code}") or ""
            setattr(publication, f"plain_text_{code}", html_to_text(body))
        batch.append(publication)
        if len(batch) == 500:
            Publication.objects.bulk_update(batch, fields)
            batch = []
    if batch:
        Publication.objects.bulk_update(batch, fields)


class Migration(migrations.Migration):
    dependencies = [("speeches", "0004_publication_plain_text")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
