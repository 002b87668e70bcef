"""What a text is to what was said ("Check against delivery", "Transcript"…), chosen by
editors and shown to readers above the text: journalists quote delivered words only."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("speeches", "0027_identity_permissions")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="delivery",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "no label"),
                    ("check_against_delivery", "Check against delivery"),
                    ("as_prepared", "As prepared for delivery"),
                    ("as_delivered", "As delivered"),
                    ("transcript", "Transcript"),
                    ("excerpts", "Excerpts from the transcript"),
                ],
                default="",
                help_text=(
                    "What the text is to what was said, shown to readers above it: a speech "
                    "released before it is given is “Check against delivery”."
                ),
                max_length=30,
                verbose_name="delivery label",
            ),
        ),
    ]
