"""The staff admin's site: Django's, whose first page is each person's work.

``StaffAdminConfig`` stands in ``INSTALLED_APPS`` for ``django.contrib.admin`` and makes
``StaffAdminSite`` the site every admin registers on (``admin.site``), so every URL,
permission and library view of the admin stays as it was; only the index (``/admin/``)
shows the staff home (``speeches.admin.home``) above Django's list of everything, with
the person's notices (``speeches.mailing.admin``) at its top.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class StaffAdminSite(admin.AdminSite):
    index_template = "admin/staff_home.html"

    def index(self, request, extra_context=None):
        # Imported here: this site is made before the admins that register on it are
        # imported (autodiscovery), and the home's reads come from those packages.
        from speeches.admin import home
        from speeches.mailing import admin as mailing_admin

        return super().index(
            request,
            extra_context={
                **home.context(request, self),
                **mailing_admin.notices_context(request),
                **(extra_context or {}),
            },
        )

    def get_urls(self):
        from speeches.mailing import admin as mailing_admin

        # The site's own pages for notices (settings, mark as read) come before Django's,
        # whose last pattern answers every other address under /admin/ with a 404.
        return [*mailing_admin.site_urls(self), *super().get_urls()]


class StaffAdminConfig(AdminConfig):
    default_site = "pressoffice.admin_site.StaffAdminSite"

    def ready(self):
        super().ready()  # autodiscovery: each app's admin module, speeches.admin included
        # The admin of email (subscribers, sendings) lives beside the email code in
        # speeches.mailing, which the import contracts keep out of speeches.admin's
        # reach: autodiscovery does not find it, so it is imported here, outside the
        # speeches package, once every other admin is registered.
        import speeches.mailing.admin  # noqa: F401
