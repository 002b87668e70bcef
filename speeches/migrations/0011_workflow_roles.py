"""The workflow's roles: what authors, publishers, translators and administrators may do.

Authors are the "Editors" group (the newsroom's word); see the README's roles matrix.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Editors": ["submit_publication", "view_workflowevent", "view_changenote"],
    "Publishers": [
        "submit_publication",
        "publish_publication",
        "force_publish_publication",
        "withdraw_publication",
        "unpublish_publication",
        "view_workflowevent",
        "view_changenote",
        "change_changenote",
    ],
    "Translators": ["translate_publication", "view_changenote", "change_changenote"],
}
# Administrators manage people, roles and taxonomies, and may do everything editorial.
ADMIN_APPS = ["speeches", "auth"]


def _ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="speeches", codename__in=codenames)
        )
    administrators, _created = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.set(
        Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name="Administrators").delete()
    for name, codenames in GROUPS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="speeches", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [("speeches", "0010_workflow")]

    operations = [migrations.RunPython(grant, revoke)]
