"""For ``PublicationAdmin``: who else is editing a publication, told on the page and live.

The change form (for someone who may change the item) and the side-by-side editor record
their page with ``speeches.editorial.presence`` when they are rendered, and put the warning and
the heartbeat's addresses in the context (``presence``); ``templates/admin/base_site.html``
prints them and loads ``static/admin/js/presence.js``, which beats every
``EDITING_HEARTBEAT_SECONDS`` at ``<id>/presence/`` and leaves at ``<id>/presence/leave/``.
"""

from __future__ import annotations

import re
import secrets

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from speeches.editorial import presence
from speeches.models import LANGUAGE_CODES, Publication

# What presence.js sends back: the token this page was given (secrets.token_hex(16)).
TOKEN = re.compile(r"[0-9a-f]{32}")


def presence_message(editor: presence.Editor) -> str:
    """ "Boris is editing this publication now (since 10:42)." """
    values = {
        "user": editor.user.get_full_name() or editor.user.get_username(),
        "time": formats.time_format(timezone.localtime(editor.since), "H:i"),
    }
    if editor.language:
        values["language"] = get_language_info(editor.language)["name_translated"]
        return (
            _(
                "%(user)s is editing the %(language)s translation of this publication now "
                "(since %(time)s)."
            )
            % values
        )
    return _("%(user)s is editing this publication now (since %(time)s).") % values


class PresenceAdminMixin:
    """The presence endpoints, and the context that makes a page count as editing."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(self.presence_view),
                name="speeches_publication_presence",
            ),
            path(
                "<path:object_id>/presence/leave/",
                self.admin_site.admin_view(self.presence_leave_view),
                name="speeches_publication_presence_leave",
            ),
            *super().get_urls(),
        ]

    def presence_context(self, request, publication: Publication, *, language: str = "") -> dict:
        """Record this page as editing ``publication`` and say who else is; {} if it may not."""
        token = secrets.token_hex(16)
        try:
            editors = presence.editing_session_open(
                publication=publication, user=request.user, token=token, language=language
            )
        except PermissionDenied:
            return {}
        object_id = quote(publication.pk)
        return {
            "presence": {
                "url": reverse("admin:speeches_publication_presence", args=[object_id]),
                "leave_url": reverse("admin:speeches_publication_presence_leave", args=[object_id]),
                "token": token,
                "language": language,
                "interval": int(presence.heartbeat_interval().total_seconds()),
                "messages": [presence_message(editor) for editor in editors],
            }
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Only a form that can save counts: not a read-only view, and not an old revision
        # shown for restoring (its GET is rolled back, and it is part of the history).
        if (
            change
            and obj is not None
            and not context.get("revert")
            and not context.get("recover")
            and self.has_change_permission(request, obj)
        ):
            context.update(self.presence_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @method_decorator(require_POST)
    def presence_view(self, request, object_id):
        """The heartbeat: renew this page's presence; answer who else is editing now."""
        publication, token, refusal = self._presence_request(request, object_id)
        if refusal:
            return refusal
        language = request.POST.get("language", "")
        if language and language not in LANGUAGE_CODES:
            return JsonResponse({"error": _("Unknown language.")}, status=400)
        try:
            editors = presence.editing_session_open(
                publication=publication, user=request.user, token=token, language=language
            )
        except PermissionDenied as denied:
            return JsonResponse({"error": str(denied)}, status=403)
        return JsonResponse(
            {
                "editors": [
                    {
                        "name": editor.user.get_full_name() or editor.user.get_username(),
                        "language": editor.language,
                        "since": editor.since.isoformat(),
                        "message": presence_message(editor),
                    }
                    for editor in editors
                ]
            }
        )

    @method_decorator(require_POST)
    def presence_leave_view(self, request, object_id):
        """The page was left (``navigator.sendBeacon``): it stops counting at once.

        Open to whoever may see the item, not only to who may edit it now: the page of an
        author whose draft was just published must still be able to leave. It removes
        nothing but the caller's own page.
        """
        publication, token, refusal = self._presence_request(request, object_id)
        if refusal:
            return refusal
        presence.editing_session_close(publication=publication, user=request.user, token=token)
        return JsonResponse({"left": True})

    def _presence_request(self, request, object_id):
        """(publication, token, None), or (None, None, the JSON refusal)."""
        publication = self.get_object(request, unquote(object_id))
        if publication is None:
            return None, None, JsonResponse({"error": _("No such publication.")}, status=404)
        if not self.has_view_or_change_permission(request, publication):
            return None, None, JsonResponse({"error": _("Permission denied.")}, status=403)
        token = request.POST.get("token", "")
        if not TOKEN.fullmatch(token):
            return None, None, JsonResponse({"error": _("Missing page token.")}, status=400)
        return publication, token, None
