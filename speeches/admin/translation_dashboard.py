"""The translation dashboard: how far each language is, and the publications needing work.

A page of the publication admin (``admin:speeches_publication_translations``) for staff
who may view publications. Translators see their own languages first and, until they
choose otherwise, only the work in their languages. Each publication shows its state
(draft, withdrawn…) as a badge, and the list may be narrowed to some states.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from speeches.admin import badges
from speeches.languages import dashboard, translating
from speeches.models import LANGUAGE_CODES, LanguageVersion, PublicationType

PER_PAGE = 50

# What each state's badge says, the words of every staff page: the colour only repeats it.
STATE_LABELS = badges.LANGUAGE_LABELS

MINE, ALL = "", "all"
# The publication states filter: every state, those whose translations readers see or will
# see (not withdrawn or unpublished), or one state.
ANY_STATE, CURRENT = "", "current"


def ordered_languages(user) -> list[str]:
    """Every language: a translator's own first, the rest (and everyone else's) in
    settings order."""
    if not translating.is_translator(user):
        return list(LANGUAGE_CODES)
    own = set(translating.translator_languages(user))
    return [code for code in LANGUAGE_CODES if code in own] + [
        code for code in LANGUAGE_CODES if code not in own
    ]


def language_name(code: str) -> str:
    return get_language_info(code)["name_translated"]


class TranslationFilterForm(forms.Form):
    """The list's filters, read from the query string; every field may be left out."""

    language = forms.ChoiceField(label=_("language"), required=False)
    type = forms.ModelChoiceField(
        label=_("type"),
        queryset=PublicationType.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All types"),
    )
    status = forms.ChoiceField(
        label=_("translation status"),
        required=False,
        choices=[
            ("", _("All needing work")),
            (dashboard.MISSING, STATE_LABELS[dashboard.MISSING]),
            (LanguageVersion.Status.IN_PROGRESS, STATE_LABELS[LanguageVersion.Status.IN_PROGRESS]),
            (LanguageVersion.Status.OUTDATED, STATE_LABELS[LanguageVersion.Status.OUTDATED]),
        ],
    )
    state = forms.ChoiceField(
        label=_("publication state"),
        required=False,
        choices=[
            (ANY_STATE, _("All states")),
            (CURRENT, _("Not withdrawn or unpublished")),
            *((state, badges.STATE_LABELS[state]) for state in dashboard.PUBLICATION_STATES),
        ],
    )

    def __init__(self, *args, languages: list[str], own: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.own = own
        if own:
            first = [(MINE, _("My languages")), (ALL, _("All languages"))]
        else:
            first = [(MINE, _("All languages"))]
        self.fields["language"].choices = [
            *first,
            *((code, language_name(code)) for code in languages),
        ]

    def chosen_languages(self) -> list[str]:
        """The chosen language, else a translator's own languages, else all of them."""
        value = self.cleaned_data.get("language") or MINE
        if value == MINE and self.own:
            return list(self.own)
        if value in LANGUAGE_CODES:
            return [value]
        return list(LANGUAGE_CODES)

    def chosen_statuses(self) -> tuple[str, ...]:
        value = self.cleaned_data.get("status")
        return (value,) if value else dashboard.NEEDS_WORK

    def chosen_publication_states(self) -> tuple[str, ...] | None:
        """The publication states to list, or None for every one."""
        value = self.cleaned_data.get("state")
        if value == CURRENT:
            return dashboard.CURRENT
        return (value,) if value else None


class TranslationDashboardAdminMixin:
    """For ``PublicationAdmin``: the translation dashboard page."""

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "translations/",
                self.admin_site.admin_view(self.translation_dashboard_view),
                name=f"{opts.app_label}_{opts.model_name}_translations",
            ),
            *super().get_urls(),
        ]

    def translation_dashboard_view(self, request):
        """Counts per language, and the publications needing work, filtered and paginated."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        user = request.user
        languages = ordered_languages(user)
        own = translating.translator_languages(user) if translating.is_translator(user) else []
        form = TranslationFilterForm(request.GET, languages=languages, own=own)
        form.is_valid()  # every field is optional: an unknown value falls back to its default
        publications = dashboard.translation_worklist(
            languages=form.chosen_languages(),
            statuses=form.chosen_statuses(),
            publication_type=form.cleaned_data.get("type"),
            publication_states=form.chosen_publication_states(),
        )
        page = Paginator(publications, PER_PAGE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Translation dashboard"),
            "form": form,
            "languages": [(code, language_name(code)) for code in languages],
            "overview": [
                (progress, language_name(progress.language))
                for progress in dashboard.translation_overview(languages=languages)
            ],
            "page_obj": page,
            "rows": self._translation_rows(request, page, languages),
        }
        return TemplateResponse(
            request, "admin/speeches/publication/translation_dashboard.html", context
        )

    def _translation_rows(self, request, publications, languages) -> list[dict]:
        """Each publication with one badge per language; a badge leads to the side-by-side
        editor where the user may translate that language."""
        editor = f"{self.admin_site.name}:speeches_publication_translate"
        rows = []
        for publication in publications:
            cells = []
            for code, state in dashboard.translation_states(publication, languages=languages):
                url = ""
                if state != dashboard.ORIGINAL and translating.can_translate(
                    user=request.user, publication=publication, language=code
                ):
                    try:
                        url = reverse(editor, args=[publication.pk, code])
                    except NoReverseMatch:  # the side-by-side editor is not installed
                        url = ""
                cells.append(
                    {
                        "language": code,
                        "name": language_name(code),
                        "state": state,
                        "label": str(STATE_LABELS[state]),
                        "url": url,
                    }
                )
            rows.append(
                {
                    "publication": publication,
                    "title": publication.title_in(publication.original_language),
                    "cells": cells,
                    "change_url": reverse(
                        f"{self.admin_site.name}:speeches_publication_change",
                        args=[publication.pk],
                    ),
                }
            )
        return rows
