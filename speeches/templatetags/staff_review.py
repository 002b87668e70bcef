"""``{% load staff_review %}``: people as the review pages and the audit log name them."""

from django import template

from speeches.admin import review

register = template.Library()


@register.filter
def staff_name(user) -> str:
    """A person's full name, else their user name (``review.person_name``)."""
    return review.person_name(user)
