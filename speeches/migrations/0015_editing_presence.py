"""Editing sessions per open page, kept alive by a heartbeat (speeches.editorial.presence).

Rows of the old scheme (one per person, counted for an hour) say nothing about who is
editing now, so they are dropped rather than converted; nobody loses anything but a
stale warning.
"""

import django.utils.timezone
from django.db import migrations, models


def forget_sessions(apps, schema_editor):
    apps.get_model("speeches", "EditingSession").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("speeches", "0014_edit_audit_and_pending_translations")]

    operations = [
        migrations.RunPython(forget_sessions, forget_sessions),
        migrations.RemoveConstraint(model_name="editingsession", name="one_session_per_editor"),
        migrations.AddField(
            model_name="editingsession",
            name="token",
            field=models.CharField(default="", max_length=32, verbose_name="page"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="editingsession",
            name="language",
            field=models.CharField(blank=True, max_length=10, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="editingsession",
            name="seen_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="last heartbeat"
            ),
            preserve_default=False,
        ),
        migrations.AddConstraint(
            model_name="editingsession",
            constraint=models.UniqueConstraint(
                fields=("publication", "user", "token"), name="one_session_per_page"
            ),
        ),
    ]
