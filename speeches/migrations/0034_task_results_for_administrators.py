"""Administrators see the background tasks' results (django-tasks' database backend:
what ran, when, and the error of what failed), read-only as its admin keeps them.

Administrators got every permission of ``speeches`` and ``auth`` at 0011; this app came
later and is no other group's business. Nobody adds, changes or deletes a result there.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_dbtaskresult"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Administrators")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="django_tasks_database", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Administrators"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="django_tasks_database", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("speeches", "0033_email_permissions"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
