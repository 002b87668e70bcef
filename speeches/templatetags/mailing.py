"""Readers' subscriptions in words, for the emails and pages that list them."""

from django import template

from speeches.mailing import subscribing

register = template.Library()


@register.simple_tag
def subscription_label(subscription) -> str:
    return subscribing.label(subscription)
