"""A material's credit says which language it is written in, so that a page in another
language marks it (``lang``); credits written so far are taken to be in the site's
language, as the demo's are. A withdrawn item may name its replacement too, in the field
that unpublishing already sets: its help text says both.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("speeches", "0029_anchor_body_headings")]

    operations = [
        migrations.AddField(
            model_name="material",
            name="credit_language",
            field=models.CharField(
                blank=True,
                choices=[
                    ("en", "English"),
                    ("ru", "Russian"),
                    ("de", "German"),
                    ("fr", "French"),
                    ("es", "Spanish"),
                    ("ar", "Arabic"),
                ],
                default="en",
                help_text=(
                    "The language the credit is written in; leave empty for a name written "
                    "the same way in every language."
                ),
                max_length=10,
                verbose_name="language of the credit",
            ),
        ),
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
