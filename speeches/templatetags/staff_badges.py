"""``{% load staff_badges %}``: the status badges of ``speeches.admin.badges`` in templates."""

from django import template

from speeches.admin import badges

register = template.Library()


@register.filter
def state_badge(publication):
    return badges.publication_badge(publication).html()


@register.filter
def language_badges(publication, with_missing=False):
    return badges.language_badges_html(publication, with_missing=bool(with_missing))


@register.filter
def schedule_time(publication):
    """The publication's time to the second, local, in the admin's date format."""
    return badges.schedule_time(publication)
