"""Let the editorial groups work with additional materials."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Editors": [
        f"{action}_{model}"
        for model in ("material", "publicationmaterial")
        for action in ("add", "change", "view")
    ]
    + ["delete_publicationmaterial"],
    "Publishers": [
        f"{action}_{model}"
        for model in ("material", "publicationmaterial")
        for action in ("add", "change", "delete", "view")
    ],
    "Translators": ["view_material", "change_material", "view_publicationmaterial"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="speeches", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="speeches", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [("speeches", "0007_materials")]

    operations = [migrations.RunPython(grant, revoke)]
