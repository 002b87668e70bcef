"""The staff admin's site: Django's, whose first page is each person's work.

``StaffAdminConfig`` stands in ``INSTALLED_APPS`` for ``django.contrib.admin`` and makes
``StaffAdminSite`` the site every admin registers on (``admin.site``), so every URL,
permission and library view of the admin stays as it was; only the index (``/admin/``)
shows the staff home (``speeches.admin.home``) above Django's list of everything.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class StaffAdminSite(admin.AdminSite):
    index_template = "admin/staff_home.html"

    def index(self, request, extra_context=None):
        # Imported here: this site is made before the admins that register on it are
        # imported (autodiscovery), and the home's reads come from those packages.
        from speeches.admin import home

        return super().index(
            request, extra_context={**home.context(request, self), **(extra_context or {})}
        )


class StaffAdminConfig(AdminConfig):
    default_site = "pressoffice.admin_site.StaffAdminSite"
