"""Groups for the press office's roles, with the model permissions each needs.

The editorial workflow refines these; this gives every demo role a working admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["publication", "publicationtype", "person", "topic", "country"]
TAXONOMY = ["publicationtype", "person", "topic", "country"]

GROUPS = {
    "Editors": [f"{action}_{model}" for model in MODELS for action in ("add", "change", "view")],
    "Publishers": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
    "Translators": ["view_publication", "change_publication"]
    + [f"view_{model}" for model in TAXONOMY],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="speeches", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("speeches", "0002_seed_publication_types"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
