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
