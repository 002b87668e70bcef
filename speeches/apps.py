from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def _register_sqlite_functions(sender, connection, **kwargs):
    """SQLite's lower() folds ASCII only; the search fallback needs Unicode case folding."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "casefold", 1, lambda value: value.casefold() if value else value, deterministic=True
        )


class SpeechesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "speeches"
    verbose_name = _("Publications")

    def ready(self):
        connection_created.connect(_register_sqlite_functions, dispatch_uid="speeches-sqlite")
        # The admin registers it first when it loads (speeches/admin.py); this covers
        # processes without the admin.
        from speeches import revisions

        revisions.register()
