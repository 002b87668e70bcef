"""How long a staff session lasts.

``StaffSessionMiddleware`` ends a staff session after ``STAFF_SESSION_HOURS`` in all and
after ``STAFF_IDLE_MINUTES`` without a request, and ends any session whose user needs a
second factor but has not given one (a session from before enforcement, a reset device).
Changing one's password ends one's other sessions (Django's session hash).
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import DEVICE_ID_SESSION_KEY

from speeches.accounts import security_log
from speeches.accounts.signin import AUTH_AT, SEEN_AT, second_factor_required

# A staff session's "last seen" is written at most this often (each write is a query).
SEEN_RESOLUTION_SECONDS = 60


class StaffSessionMiddleware:
    """Ends staff sessions that are too old, idle, or lack a required second factor, and
    writes refused requests (403) to the security log.

    Requests without a session cookie (every reader's) pass untouched: the session is not
    even read, so public pages never vary on it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            ended = self._end_if_over(request)
            if ended is not None:
                return ended
        response = self.get_response(request)
        if response.status_code == 403:
            security_log.log("permission_denied", request, status=403)
        return response

    def _end_if_over(self, request):
        user = request.user
        if not user.is_authenticated:
            return None
        session = request.session
        now = time.time()
        signed_in_at = session.setdefault(AUTH_AT, now)
        seen_at = session.get(SEEN_AT, now)
        reason = None
        if now - signed_in_at > settings.STAFF_SESSION_HOURS * 3600:
            hours = settings.STAFF_SESSION_HOURS
            reason = ngettext(
                "Your session ended after %(hours)d hour. Please sign in again.",
                "Your session ended after %(hours)d hours. Please sign in again.",
                hours,
            ) % {"hours": hours}
        elif now - seen_at > settings.STAFF_IDLE_MINUTES * 60:
            minutes = settings.STAFF_IDLE_MINUTES
            reason = ngettext(
                "You were signed out after %(minutes)d minute without activity. "
                "Please sign in again.",
                "You were signed out after %(minutes)d minutes without activity. "
                "Please sign in again.",
                minutes,
            ) % {"minutes": minutes}
        elif (
            second_factor_required(user) or session.get(DEVICE_ID_SESSION_KEY)
        ) and not user.is_verified():
            reason = _("Please sign in again with your second factor.")
        if reason is None:
            if now - seen_at >= SEEN_RESOLUTION_SECONDS or SEEN_AT not in session:
                session[SEEN_AT] = now
            return None
        security_log.log("session_ended", request, user=user, reason=str(reason))
        logout(request)
        messages.info(request, reason)
        login_url = reverse("admin:login")
        return HttpResponseRedirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
