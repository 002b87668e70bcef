"""Readers' subscription pages: sign up, check one's inbox, confirm, manage, unsubscribe.

Each parses its input, calls ``subscribing`` and renders. The pages are someone's own:
their addresses carry a subscriber's signed token (confirm, manage, unsubscribe) or may
carry an address (a sign-up filled in from the manage page), so ``personal`` keeps them
out of every cache and index and tells browsers to send no ``Referer`` from them, where
the token would reach whatever site a page links to (our own logs included).

No view here checks a CSRF token. The token pages' own secret is in their address, which
another site cannot know, so a forged form could do nothing the link's holder could not;
the sign-up form acts with no credential of the visitor's (there is no session or account
to ride on), so a forged POST can do no more than a direct one, and the double opt-in and
the rate limits are what stop abuse of it. And a page sent with ``Referrer-Policy:
no-referrer`` makes browsers send ``Origin: null`` with its form's POST, which Django's
CSRF check refuses. Mail programs' one-click unsubscribe (RFC 8058) comes with no cookie
at all.
"""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from speeches.accounts.security_log import client_ip
from speeches.mailing import subscribing
from speeches.mailing.forms import DeleteForm, SubscribeForm
from speeches.models import Subscriber

ROBOTS = "noindex"
TEMPLATES = "speeches/subscriptions"


def personal(view):
    """Whatever ``view`` answers (its refusals and 405s too) is kept by no cache, indexed
    by no search engine, and sends no ``Referer`` on to where its links lead."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = ROBOTS
        return response

    return wrapped


def _page(request, name: str, context: dict | None = None, *, status: int = 200):
    return render(
        request, f"{TEMPLATES}/{name}.html", {"robots": ROBOTS, **(context or {})}, status=status
    )


def _language_name(code: str) -> str:
    return get_language_info(code)["name_translated"]


def _subscriptions(subscriber: Subscriber, **filters) -> list:
    """A subscriber's subscriptions with the terms their labels name (one query)."""
    return list(
        subscriber.subscriptions.filter(**filters)
        .select_related("type", "person", "topic", "country")
        .order_by("id")
    )


def _manage_url(subscriber: Subscriber) -> str:
    return reverse("mailing:manage", kwargs={"token": subscribing.link_token(subscriber)})


# Signing up


def _throttled(request, form: SubscribeForm) -> bool:
    """Whether this sign-up is one too many from its sender's address
    (``SUBSCRIBE_RATE_PER_IP``), or for the email address it names
    (``SUBSCRIBE_RATE_PER_ADDRESS``: its owner is not sent confirmations in bulk)."""
    if is_ratelimited(
        request,
        group="mailing.subscribe.ip",
        key=lambda _group, request: client_ip(request) or "",
        rate=settings.SUBSCRIBE_RATE_PER_IP,
        increment=True,
    ):
        return True
    if not form.is_valid():
        return False
    address = subscribing.normalise(form.cleaned_data["email"])
    return is_ratelimited(
        request,
        group="mailing.subscribe.address",
        key=lambda _group, _request: address,
        rate=settings.SUBSCRIBE_RATE_PER_ADDRESS,
        increment=True,
    )


@csrf_exempt
@personal
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """The sign-up form, filled in from the link that led here (an archive's filters, a
    term's page, the manage page's address). A valid sign-up leads to the same "check
    your inbox" page whether the address was known or not."""
    language = get_language()
    days = subscribing.CONFIRM_DAYS
    if request.method != "POST":
        form = SubscribeForm.from_link(request.GET, language=language)
        return _page(request, "subscribe", {"form": form, "days": days})
    form = SubscribeForm(request.POST, language=language)
    if _throttled(request, form):
        context = {"form": form, "days": days, "throttled": True}
        return _page(request, "subscribe", context, status=429)
    if not form.is_valid():
        return _page(request, "subscribe", {"form": form, "days": days})
    subscribing.subscribe(
        email=form.cleaned_data["email"],
        language=form.cleaned_data["language"],
        choice=form.choice(),
    )
    return redirect("mailing:sent")


@personal
@require_safe
def sent(request):
    """After a sign-up: the same words for every address, known or not."""
    return _page(request, "sent", {"days": subscribing.CONFIRM_DAYS})


# The links of the emails


def _broken_link(request, kind: str, *, status: int):
    """A link that names no one (tampered with, cut short) or has expired: say what to do."""
    return _page(
        request, "broken_link", {"kind": kind, "days": subscribing.CONFIRM_DAYS}, status=status
    )


@csrf_exempt
@personal
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """The confirmation email's link: a page with a button, so that a mail scanner that
    fetches the link confirms nothing; its POST confirms."""
    if request.method == "POST":
        subscriber = subscribing.confirm(token)
        if subscriber is None:
            return _broken_link(request, "confirm", status=400)
        return _page(
            request,
            "confirmed",
            {
                "subscriber": subscriber,
                "language_name": _language_name(subscriber.language),
                "subscriptions": _subscriptions(subscriber),
                "manage_url": _manage_url(subscriber),
            },
        )
    subscriber = subscribing.confirming(token)
    if subscriber is None:
        return _broken_link(request, "confirm", status=400)
    return _page(
        request,
        "confirm",
        {
            "subscriber": subscriber,
            "waiting": _subscriptions(subscriber, confirmed_at__isnull=True),
            "days": subscribing.CONFIRM_DAYS,
        },
    )


@csrf_exempt
@personal
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token: str):
    """Every email's "manage" link: the subscriptions in words, each with its "Delete"
    button, another to add, and one to delete everything."""
    subscriber = subscribing.subscriber_from(token)
    if subscriber is None:
        return _broken_link(request, "manage", status=404)
    if request.method == "POST":
        if "unsubscribe" in request.POST:
            subscribing.unsubscribe(subscriber)
            return _page(request, "unsubscribed")
        form = DeleteForm(request.POST)
        deleted = form.is_valid() and subscribing.subscription_delete(
            subscriber=subscriber, subscription_id=form.cleaned_data["subscription"]
        )
        if deleted and not Subscriber.objects.filter(pk=subscriber.pk).exists():
            return _page(request, "unsubscribed")  # the last one took the address with it
        return redirect(request.path + ("?deleted=1" if deleted else ""))
    add = urlencode({"email": subscriber.email, "language": subscriber.language})
    return _page(
        request,
        "manage",
        {
            "subscriber": subscriber,
            "language_name": _language_name(subscriber.language),
            "subscriptions": _subscriptions(subscriber),
            "deleted": request.GET.get("deleted") == "1",
            "add_url": f"{reverse('mailing:subscribe')}?{add}",
        },
    )


@csrf_exempt
@personal
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """Every email's ``List-Unsubscribe`` address. A POST deletes the address: the page's
    button, or a mail program's one-click (RFC 8058: ``List-Unsubscribe=One-Click``, no
    cookie, no page seen), and answers the same once it is gone. A GET only asks."""
    if subscribing.link_key(token) is None:
        return _broken_link(request, "unsubscribe", status=404)
    subscriber = subscribing.subscriber_from(token)
    if request.method == "POST":
        if subscriber is not None:
            subscribing.unsubscribe(subscriber)
        return _page(request, "unsubscribed")
    if subscriber is None:
        return _page(request, "unsubscribed")  # gone already: nothing left to ask
    return _page(
        request, "unsubscribe", {"subscriber": subscriber, "manage_url": _manage_url(subscriber)}
    )


@personal
def throttled(request, exception):
    """django-ratelimit's answer (``RATELIMIT_VIEW``) to a request it refused."""
    return _page(request, "throttled", status=429)
