"""Staff accounts: the second factor, and how long a staff session lasts.

A staff member signs in with a password and then, if they have an authenticator app,
with a code from it (TOTP, django-otp) or one of their single-use recovery codes. Nobody
is signed in between the two steps: the password step only remembers, for five minutes,
who is half-way (``PENDING``). Publishers and administrators must have a second factor
when ``STAFF_2FA_REQUIRED`` is on (the default with ``DEBUG`` off): they enrol on their
way in, before they are signed in. Everyone else may turn it on under "Two-step
verification".

Wrong passwords and wrong codes count towards django-axes' lockout per user name and per
address (a wrong code sends ``user_login_failed`` like a wrong password). django-otp
also slows down repeated wrong codes per device.

How long a staff session lasts is ``speeches.accounts.middleware``'s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from speeches.accounts import security_log

PENDING = "staff_signin_pending"
AUTH_AT = "staff_signed_in_at"
SEEN_AT = "staff_seen_at"
PENDING_SECONDS = 300
PENDING_MAX_TRIES = 5
RECOVERY_CODE_COUNT = 10

TOTP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def second_factor_required(user) -> bool:
    """Whether ``user`` may only be signed in with a second factor: anyone who can publish
    in the ministry's name or manage staff accounts, when STAFF_2FA_REQUIRED is on."""
    if not settings.STAFF_2FA_REQUIRED or not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.has_perm("speeches.publish_publication")
        or user.has_perm("auth.change_user")
    )


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# Signing in ------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """Someone who gave the right password and still owes the second step."""

    user: object
    backend: str
    next_url: str
    enrol: bool


def begin_second_step(request, user, next_url: str) -> str | None:
    """After the right password: where the second step is, or None if there is none.

    The session is renewed here (no fixation across the two steps) and holds only who is
    half-way, not a signed-in user.
    """
    enrol = not has_second_factor(user)
    if enrol and not second_factor_required(user):
        return None
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "since": time.time(),
        "tries": 0,
        "enrol": enrol,
    }
    return reverse("staff_enrol" if enrol else "staff_verify")


def pending(request) -> Pending | None:
    state = request.session.get(PENDING)
    if not isinstance(state, dict) or time.time() - state.get("since", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    user = get_user_model().objects.filter(pk=state.get("user"), is_active=True).first()
    if user is None:
        request.session.pop(PENDING, None)
        return None
    return Pending(user, state["backend"], state.get("next", ""), bool(state.get("enrol")))


def wrong_code(request, state: Pending) -> bool:
    """Count a wrong code; True when the half-way sign-in is over (too many tries)."""
    # django-axes counts it like a wrong password, per user name and per address.
    user_login_failed.send(
        sender=__name__,
        credentials={"username": state.user.get_username()},
        request=request,
    )
    security_log.log("second_factor_failed", request, user=state.user)
    session_state = request.session[PENDING]
    session_state["tries"] = session_state.get("tries", 0) + 1
    request.session.modified = True
    if session_state["tries"] >= PENDING_MAX_TRIES:
        request.session.pop(PENDING, None)
        return True
    return False


def mark_signed_in(request) -> None:
    """Start the session clocks (StaffSessionMiddleware) at sign-in."""
    request.session[AUTH_AT] = request.session[SEEN_AT] = time.time()


def verified_by(request, device) -> None:
    """Record in the signed-in session that ``device`` has just verified its user."""
    otp_login(request, device)


def finish_sign_in(request, state: Pending, device) -> None:
    """Sign in the pending user, verified by ``device``."""
    request.session.pop(PENDING, None)
    user = state.user
    login(request, user, backend=state.backend)  # sets request.user too
    verified_by(request, device)
    mark_signed_in(request)
    if isinstance(device, StaticDevice):
        left = recovery_codes_left(user)
        security_log.log("recovery_code_used", request, user=user, codes_left=left)
        messages.warning(
            request,
            ngettext(
                "You signed in with a recovery code. %(count)d code is left.",
                "You signed in with a recovery code. %(count)d codes are left.",
                left,
            )
            % {"count": left},
        )


def check_code(user, code: str):
    """The device of ``user`` that accepts ``code``, or a ValidationError saying why not."""
    code = "".join((code or "").split()).lower()
    if not code or len(code) > 16:
        raise ValidationError(_("Enter the code from your authenticator app."), code="empty")
    devices = [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]
    throttled = False
    for device in devices:
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            throttled = True
            continue
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    if throttled:
        raise ValidationError(
            _("Too many wrong codes. Wait a little, then try again."), code="throttled"
        )
    raise ValidationError(_("This code is not right, or has expired."), code="wrong")


# Enrolling and managing -------------------------------------------------------------


def enrolment_device(user) -> TOTPDevice:
    """The authenticator being set up for ``user``: one unconfirmed device, kept until
    confirmed, so reloading the page shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def confirm_enrolment(
    request, user, code: str, current_code: str = ""
) -> tuple[TOTPDevice, list[str]]:
    """Confirm the authenticator being set up with a code from it.

    It replaces any earlier authenticator of ``user``, and new recovery codes replace the
    old ones. Whoever already has one proves it with ``current_code`` (from the old phone,
    or a recovery code): a borrowed session must not be enough to move someone's second
    factor to another phone. Returns the device and the recovery codes, shown once.
    """
    if has_second_factor(user):
        try:
            check_code(user, current_code)
        except ValidationError as error:
            raise ValidationError({"current_code": error.messages}) from None
    # Checked before the transaction: a wrong code's throttling must be kept.
    with transaction.atomic():
        return _confirm(request, user, "".join((code or "").split()))


def _confirm(request, user, code: str) -> tuple[TOTPDevice, list[str]]:
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None:
        raise ValidationError({"code": _("Start the set-up again.")}, code="no_device")
    if not code.isdigit() or not device.verify_token(code):
        raise ValidationError(
            {
                "code": _(
                    "This code is not right. Check the time on your phone, then enter a new code."
                )
            },
            code="wrong",
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _replace_recovery_codes(user)
    security_log.log("second_factor_added", request, user=user)
    return device, codes


def _replace_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def new_recovery_codes(request, user, code: str) -> list[str]:
    """New recovery codes for ``user``, who proves it is them with a current code."""
    check_code(user, code)  # outside the transaction: a wrong code's throttling is kept
    with transaction.atomic():
        codes = _replace_recovery_codes(user)
    security_log.log("recovery_codes_replaced", request, user=user)
    return codes


def turn_off(request, user, code: str) -> None:
    """Remove ``user``'s second factor; refused where it is required."""
    if second_factor_required(user):
        raise ValidationError(
            _("Your role requires two-step verification; it cannot be turned off."),
            code="required",
        )
    check_code(user, code)  # outside the transaction: a wrong code's throttling is kept
    _remove_devices(user)
    security_log.log("second_factor_removed", request, user=user)


def reset(user, *, by: str) -> None:
    """Remove every device of ``user`` (a lost phone), from the ``reset_two_factor``
    command an administrator runs on the server. The user enrols again at next sign-in."""
    _remove_devices(user)
    security_log.log("second_factor_reset", user=user, by=by)


@transaction.atomic
def _remove_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
