"""Give the headings of bodies saved before anchors existed their ids.

Every save anchors a body's h2 and h3 headings and its questions (``richtext.anchored``);
bodies saved before have none, so their pages would have no table of contents until
someone saves them again. Only bodies with such a heading are read and written, in
batches; what the anchoring leaves as it was is not written back.
"""

from django.db import migrations
from django.db.models import Q

from speeches.richtext import anchored

LANGUAGES = ["en", "ru", "de", "fr", "es", "ar"]
BODIES = ["body", *(f"body_{code}" for code in LANGUAGES)]
BATCH = 500


def anchor(apps, schema_editor):
    Publication = apps.get_model("speeches", "Publication")
    with_headings = Q()
    for name in BODIES:
        with_headings |= Q(**{f"{name}__contains": "<h2"}) | Q(**{f"{name}__contains": "<h3"})
    rows = Publication.objects.filter(with_headings).only("pk", *BODIES)
    batch = []
    for publication in rows.iterator(chunk_size=BATCH):
        changed = False
        for name in BODIES:
            body = getattr(publication, name) or ""
            with_ids = anchored(body)
            if with_ids != body:
                setattr(publication, name, with_ids)
                changed = True
        if changed:
            batch.append(publication)
        if len(batch) == BATCH:
            Publication.objects.bulk_update(batch, BODIES)
            batch = []
    if batch:
        Publication.objects.bulk_update(batch, BODIES)


class Migration(migrations.Migration):
    dependencies = [("speeches", "0028_publication_delivery")]

    operations = [migrations.RunPython(anchor, migrations.RunPython.noop)]
