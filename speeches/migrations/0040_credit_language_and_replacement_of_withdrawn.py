"""A withdrawn item may name its replacement too, in the field that unpublishing already
sets: its help text says both.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("speeches", "0024_publication_listing_index")]

    operations = [
        migrations.AlterField(
            model_name="publication",
            name="replaced_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text=(
                    "Readers of a withdrawn item are pointed to it; readers of an unpublished "
                    "item are sent to it."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="speeches.publication",
                verbose_name="replaced by",
            ),
        ),
    ]
