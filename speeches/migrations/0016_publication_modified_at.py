"""One definition of when readers were last told of a change: Publication.modified_at.

The newest change note's time is kept on the publication (last_note_at, filled here for
existing notes), and the database derives modified_at from it and the publication time.
"""

import django.db.models.functions.comparison
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_last_note_at(apps, schema_editor):
    Publication = apps.get_model("speeches", "Publication")
    ChangeNote = apps.get_model("speeches", "ChangeNote")
    newest = ChangeNote.objects.filter(publication=OuterRef("pk")).order_by("-changed_at")
    Publication.objects.filter(change_notes__isnull=False).update(
        last_note_at=Subquery(newest.values("changed_at")[:1])
    )


class Migration(migrations.Migration):

    dependencies = [
        ('speeches', '0015_editing_presence'),
    ]

    operations = [
        migrations.AddField(
            model_name='publication',
            name='last_note_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='last change note at'),
        ),
        migrations.RunPython(fill_last_note_at, migrations.RunPython.noop),
        migrations.AddField(
            model_name='publication',
            name='modified_at',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.comparison.Greatest('published_at', django.db.models.functions.comparison.Coalesce('last_note_at', 'published_at')), output_field=models.DateTimeField(), verbose_name='last updated'),
        ),
    ]
