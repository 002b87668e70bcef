"""The security log: one JSON line per event a security team watches for.

Logins and their failures, lockouts, second-factor changes, refused requests and every
change of what is public (publish, schedule, withdraw, unpublish) go to the
``pressoffice.security`` logger. ``settings.LOGGING`` formats that logger's records as
JSON (python-json-logger), one object per line on standard error, so a SIEM can ingest
them as they are: ``{"time": ..., "event": "login_failed", "user": "editor", "ip": ...}``.

The receivers below are connected in ``SpeechesConfig.ready``; they see every path that
sends the signals (the admin, the staff login, commands, the services), not one form.
"""

from __future__ import annotations

import logging

from django.conf import settings

logger = logging.getLogger("pressoffice.security")

# Workflow actions that change what readers may see (WorkflowEvent.Action values).
PUBLIC_STATE_ACTIONS = frozenset(
    {"publish", "schedule", "force_publish", "unschedule", "withdraw", "unpublish"}
)


def client_ip(request) -> str | None:
    """The address of whoever sent ``request``.

    ``REMOTE_ADDR``, unless the site runs behind ``TRUSTED_PROXY_COUNT`` reverse proxies
    that each append the address they received from to ``X-Forwarded-For``: then the
    entry the outermost trusted proxy appended. Entries left of it were written by the
    client and prove nothing, so lockouts and logs never trust them.
    """
    if request is None:
        return None
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count][:64]
    return request.META.get("REMOTE_ADDR")


def log(event: str, request=None, *, user=None, level: int = logging.INFO, **details) -> None:
    """Write one security event. ``details`` must be JSON-serialisable."""
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    record = {"event": event, **details}
    if user is not None:
        record.setdefault("user", user.get_username())
        record.setdefault("user_id", user.pk)
    if request is not None:
        record.update(
            ip=client_ip(request),
            method=request.method,
            path=request.path[:500],
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:200],
        )
    logger.log(level, event, extra=record)


# Receivers -------------------------------------------------------------------------


def on_login(sender, request, user, **kwargs):
    log("login", request, user=user)


def on_logout(sender, request, user, **kwargs):
    if user is not None:
        log("logout", request, user=user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django passes the credentials with the password already masked.
    log(
        "login_failed",
        request,
        level=logging.WARNING,
        username=str(credentials.get("username", ""))[:150],
    )


def on_locked_out(sender, request, username, ip_address, **kwargs):
    log("lockout", request, level=logging.WARNING, username=str(username or "")[:150])


def on_workflow_event(sender, instance, created, **kwargs):
    if not created or instance.action not in PUBLIC_STATE_ACTIONS:
        return
    user = instance.user
    log(
        instance.action,
        user=user,
        publication_id=instance.publication_id,
        workflow_event_id=instance.pk,
        reason=(getattr(instance, "reason", "") or "")[:500],
    )
