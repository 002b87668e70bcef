"""The staff admin: one module per admin, and the views the admin adds.

Every write here goes through the services of ``publishing``, ``languages``,
``editorial``, ``identity`` or ``materials``. May import those and ``speeches.models``;
never the public site or the API.
Importing this package registers every admin (Django's autodiscovery imports it).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from speeches.admin import (  # noqa: F401
    history,
    identity,
    materials,
    publications,
    taxonomy,
    users,
)

admin.site.site_header = _("Press office")
admin.site.site_title = _("Press office")
admin.site.index_title = _("Publishing")
