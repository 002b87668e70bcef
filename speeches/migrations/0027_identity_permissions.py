"""Who may change the site's identity and its footer pages.

The identity (the ministry's name, emblem, colours, contacts) is the administrators'.
Footer pages go before readers the moment they are saved, with no review: they are for
those who may put text before readers without a second person, publishers and
administrators. Authors and translators may not change either. (Administrators got every
permission that existed at 0011; these models came later.)
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Administrators": [
        "view_siteidentity",
        "change_siteidentity",
        "view_footerpage",
        "add_footerpage",
        "change_footerpage",
    ],
    "Publishers": ["view_footerpage", "add_footerpage", "change_footerpage"],
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
    dependencies = [("speeches", "0026_identity_footer_pages_portraits")]

    operations = [migrations.RunPython(grant, revoke)]
