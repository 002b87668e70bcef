"""Who sees readers' subscriptions and the sendings, and who may retry a failed one.

Subscribers' addresses are personal data: administrators and publishers see them (a
publisher answers for what is sent and may retry a failed sending); authors and
translators do not. Only administrators may delete a subscriber (a reader deletes their
own from their emails' link). Staff notices are each person's own, shown on their home.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Administrators": [
        "view_subscriber",
        "delete_subscriber",
        "view_subscription",
        "view_dispatch",
        "change_dispatch",
        "view_delivery",
    ],
    "Publishers": ["view_subscriber", "view_subscription", "view_dispatch", "change_dispatch"],
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
    dependencies = [("speeches", "0032_email")]

    operations = [migrations.RunPython(grant, revoke)]
