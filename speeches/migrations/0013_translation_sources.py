"""Record what each existing translation was made from, and narrow the translators' rights.

Versions that were ready before translations had a recorded source are taken to be made
from the original as it stands now (the best knowledge there is); otherwise the first
save of every publication would mark all its translations outdated.

Translators no longer use the change form or the media library: they edit their
languages in the side-by-side editor (speeches.languages.translating), captions included.
"""

import hashlib
import json

from django.db import migrations

FIELDS = ("title", "lead", "place", "body")


def source_of(publication) -> dict:
    language = publication.original_language
    return {
        name: (getattr(publication, f"{name}_{language}", "") or "").strip() for name in FIELDS
    }


def backfill(apps, schema_editor):
    LanguageVersion = apps.get_model("speeches", "LanguageVersion")
    versions = LanguageVersion.objects.select_related("publication").filter(
        status__in=["ready", "outdated"], source_fingerprint=""
    )
    for version in versions.iterator(chunk_size=500):
        source = source_of(version.publication)
        version.source_snapshot = source
        version.source_fingerprint = hashlib.sha256(
            json.dumps(source, sort_keys=True).encode()
        ).hexdigest()
        version.save(update_fields=["source_snapshot", "source_fingerprint"])


NARROWED = ["change_publication", "change_material"]


def narrow_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Translators"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="speeches", codename__in=NARROWED)
        )


def widen_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Translators"):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="speeches", codename__in=NARROWED)
        )


class Migration(migrations.Migration):
    dependencies = [("speeches", "0012_translation_status")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(narrow_translators, widen_translators),
    ]
