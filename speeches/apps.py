from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _register_sqlite_functions(sender, connection, **kwargs):
    """SQLite's search index is kept by triggers that stem in Python (``speeches.public.fts``)."""
    if connection.vendor == "sqlite":
        from speeches.public import fts

        fts.register(connection.connection)


def _ensure_sqlite_search_index(sender, using, **kwargs):
    from speeches.public import fts

    fts.ensure(connections[using])


class SpeechesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "speeches"
    verbose_name = _("Publications")

    def ready(self):
        connection_created.connect(_register_sqlite_functions, dispatch_uid="speeches-sqlite")
        post_migrate.connect(
            _ensure_sqlite_search_index, sender=self, dispatch_uid="speeches-sqlite-search"
        )
        # The admin registers it first when it loads (speeches/admin/publications.py); this covers
        # processes without the admin.
        from speeches.publishing import public_state, revisions

        revisions.register()
        public_state.connect()
        # Readers' emails and staff notices hear of releases and workflow events.
        from speeches.mailing import receivers

        receivers.connect()
        self._connect_security_log()

    def _connect_security_log(self):
        from axes.signals import user_locked_out
        from django.contrib.auth import signals as auth_signals
        from django.db.models.signals import post_save

        from speeches.accounts import security_log
        from speeches.models import WorkflowEvent

        for signal, receiver in (
            (auth_signals.user_logged_in, security_log.on_login),
            (auth_signals.user_logged_out, security_log.on_logout),
            (auth_signals.user_login_failed, security_log.on_login_failed),
            (user_locked_out, security_log.on_locked_out),
        ):
            signal.connect(receiver, dispatch_uid=f"security-log-{receiver.__name__}")
        post_save.connect(
            security_log.on_workflow_event,
            sender=WorkflowEvent,
            dispatch_uid="security-log-workflow",
        )
