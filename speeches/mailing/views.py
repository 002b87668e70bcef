"""Readers' subscription pages (work in progress: the pages come next)."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from speeches.mailing import subscribing


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    return HttpResponse("subscribe")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    if request.method == "POST" and subscribing.confirm(token) is None:
        return HttpResponse(status=404)
    return HttpResponse("confirm")


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    return HttpResponse("manage")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber = subscribing.subscriber_from(token)
    if request.method == "POST" and subscriber is not None:
        subscribing.unsubscribe(subscriber)
    return HttpResponse("unsubscribed")


def throttled(request, exception):
    return HttpResponse(status=429)
