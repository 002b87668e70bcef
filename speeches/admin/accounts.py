"""The staff sign-in pages and "Two-step verification" (rules in speeches.accounts.signin).

``/admin/login/`` replaces the admin's own login view (pressoffice/urls.py routes it
first): the same page and form, but a right password leads to the second step instead of
a signed-in session when the user has, or must have, a second factor.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from speeches.accounts import signin


def _code_field(label, help_text, **attrs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=32,
        help_text=help_text,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", **attrs}
        ),
    )


class CodeForm(forms.Form):
    code = _code_field(
        gettext_lazy("Code"),
        gettext_lazy(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        autofocus=True,
    )


class EnrolForm(forms.Form):
    current_code = _code_field(
        gettext_lazy("Code from your current authenticator"),
        gettext_lazy(
            "You already have two-step verification: a code from the phone you use now, "
            "or one of your recovery codes."
        ),
    )
    code = _code_field(
        gettext_lazy("Code"),
        gettext_lazy("The six digits your authenticator app shows now."),
        inputmode="numeric",
        autofocus=True,
    )

    def __init__(self, *args, replacing: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not replacing:
            del self.fields["current_code"]


def _context(request, **extra):
    return {**admin.site.each_context(request), **extra}


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def _recovery_codes_page(request, codes: list[str], next_url: str) -> TemplateResponse:
    """The new recovery codes, shown this once (the page is never cached)."""
    return TemplateResponse(
        request,
        "admin/accounts/recovery_codes.html",
        _context(request, title=_("Your recovery codes"), codes=codes, next=next_url),
    )


def _restart(request, message: str):
    messages.error(request, message)
    return redirect("admin:login")


class StaffLoginView(LoginView):
    """The admin's login page, with the second step after the password."""

    authentication_form = AdminAuthenticationForm
    template_name = "admin/login.html"

    def get_default_redirect_url(self):
        return reverse("admin:index")

    def form_valid(self, form):
        user = form.get_user()
        second_step = signin.begin_second_step(self.request, user, self.get_success_url())
        if second_step is None:
            response = super().form_valid(form)
            signin.mark_signed_in(self.request)
            return response
        return HttpResponseRedirect(second_step)


def staff_login(request):
    """What ``AdminSite.login`` does, with StaffLoginView."""
    if request.method == "GET" and admin.site.has_permission(request):
        return redirect("admin:index")
    context = _context(
        request,
        title=_("Log in"),
        subtitle=None,
        app_path=request.get_full_path(),
        username=request.user.get_username(),
    )
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index")
    request.current_app = admin.site.name
    return StaffLoginView.as_view(extra_context=context)(request)


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Second step: a code from the authenticator app or a recovery code."""
    state = signin.pending(request)
    if state is None or state.enrol:
        return _restart(request, _("Your sign-in expired. Please enter your password again."))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        credentials = {"username": state.user.get_username()}
        if not AxesProxyHandler.is_allowed(request, credentials):
            request.session.pop(signin.PENDING, None)
            return _restart(request, _("Too many failed attempts. Please try again later."))
        try:
            device = signin.check_code(state.user, form.cleaned_data["code"])
        except ValidationError as error:
            if error.code != "throttled" and signin.wrong_code(request, state):
                return _restart(request, _("Too many wrong codes. Please sign in again."))
            form.add_error("code", error)
        else:
            signin.finish_sign_in(request, state, device)
            return HttpResponseRedirect(_safe_next(request, state.next_url))
    return TemplateResponse(
        request,
        "admin/accounts/verify.html",
        _context(request, title=_("Two-step verification"), form=form, pending=state),
    )


@sensitive_post_parameters("code", "current_code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Set up an authenticator app: on the way in (required), or from one's account."""
    state = signin.pending(request)
    if state is not None and state.enrol:
        user = state.user
    elif request.user.is_authenticated and request.user.is_staff:
        state, user = None, request.user
    else:
        return _restart(request, _("Your sign-in expired. Please enter your password again."))
    form = EnrolForm(request.POST or None, replacing=signin.has_second_factor(user))
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = signin.confirm_enrolment(
                request,
                user,
                form.cleaned_data["code"],
                form.cleaned_data.get("current_code", ""),
            )
        except ValidationError as error:
            if state is not None and signin.wrong_code(request, state):
                return _restart(request, _("Too many wrong codes. Please sign in again."))
            form.add_error(None, error)
        else:
            if state is not None:
                signin.finish_sign_in(request, state, device)
                next_url = _safe_next(request, state.next_url)
            else:
                signin.verified_by(request, device)
                next_url = reverse("staff_two_step")
            return _recovery_codes_page(request, codes, next_url)
    device = signin.enrolment_device(user)
    key = b32encode(device.bin_key).decode("ascii")
    return TemplateResponse(
        request,
        "admin/accounts/enrol.html",
        _context(
            request,
            title=_("Set up two-step verification"),
            form=form,
            pending=state,
            qr_svg=segno.make(device.config_url, error="m").svg_inline(
                scale=5, border=2, title=_("QR code for your authenticator app")
            ),
            key_groups=[key[i : i + 4] for i in range(0, len(key), 4)],
        ),
    )


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@login_required(login_url="admin:login")
@require_http_methods(["GET", "POST"])
def two_step(request):
    """One's own second factor: its state, new recovery codes, turning it off."""
    user = request.user
    if not user.is_staff:
        raise PermissionDenied
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "recovery_codes":
                codes = signin.new_recovery_codes(request, user, form.cleaned_data["code"])
                return _recovery_codes_page(request, codes, reverse("staff_two_step"))
            if action == "turn_off":
                signin.turn_off(request, user, form.cleaned_data["code"])
                messages.success(request, _("Two-step verification is off."))
                return redirect("staff_two_step")
            form.add_error(None, _("Choose what to do."))
        except ValidationError as error:
            form.add_error("code", error)
    return TemplateResponse(
        request,
        "admin/accounts/two_step.html",
        _context(
            request,
            title=_("Two-step verification"),
            form=form,
            enabled=signin.has_second_factor(user),
            required=signin.second_factor_required(user),
            codes_left=signin.recovery_codes_left(user),
        ),
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): HTTP 429."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return TemplateResponse(
        request,
        "admin/accounts/locked_out.html",
        _context(request, title=_("Too many failed attempts"), lockout_minutes=minutes),
        status=429,
    ).render()
