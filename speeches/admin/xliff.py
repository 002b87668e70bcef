"""XLIFF in the admin: export the selected publications for an agency, import its file.

The export is an action on the publication list (a page asks for the language); the
import has its own page, linked from the list. The rules are those of ``speeches.languages.xliff``.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from speeches.languages import xliff


class XliffExportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Translate into"), widget=forms.RadioSelect)

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_translated"]) for code in languages
        ]


class XliffImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("XLIFF file"),
        help_text=gettext_lazy(
            "The file exported here, with the agency's translations. Nothing is saved unless "
            "every segment can be."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlf,.xliff,.xml"}),
    )


class XliffAdminMixin:
    """For ``PublicationAdmin``: the export action and the import page."""

    actions = ["export_xliff"]

    def has_translate_permission(self, request) -> bool:
        """Who may work with XLIFF: translators (for their languages) and editors.

        Which publications and languages each may actually translate is decided per item
        by ``translations.can_translate`` inside ``speeches.languages.xliff``.
        """
        user = request.user
        return user.has_perm("speeches.translate_publication") or user.has_perm(
            "speeches.change_publication"
        )

    def get_urls(self):
        return [
            path(
                "xliff-import/",
                self.admin_site.admin_view(self.xliff_import_view),
                name="speeches_publication_xliff_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {
            "xliff_import_url": reverse(f"{self.admin_site.name}:speeches_publication_xliff_import")
            if self.has_translate_permission(request)
            else "",
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    @admin.action(
        permissions=["translate"], description=gettext_lazy("Export for translation (XLIFF)")
    )
    def export_xliff(self, request, queryset):
        """Ask for the language, then send the file; back to the list after a refusal."""
        publications = list(queryset)
        languages = xliff.export_languages(publications=publications, user=request.user)
        if not languages:
            self.message_user(
                request,
                _("You may not translate all the selected publications into any one language."),
                messages.ERROR,
            )
            return None
        form = XliffExportForm(
            request.POST if "apply" in request.POST else None, languages=languages
        )
        if form.is_valid():
            language = form.cleaned_data["language"]
            try:
                data = xliff.xliff_export(
                    publications=publications, target_language=language, user=request.user
                )
            except (ValidationError, PermissionDenied) as error:
                message = " ".join(getattr(error, "messages", None) or [str(error)])
                self.message_user(request, message, messages.ERROR)
                return None
            response = HttpResponse(data, content_type="application/xliff+xml; charset=utf-8")
            filename = xliff.export_filename(language=language)
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Export for translation (XLIFF)"),
            "publications": publications,
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/speeches/publication/xliff_export.html", context)

    def xliff_import_view(self, request):
        """Upload an agency's file; list every problem, or apply it all and say so."""
        if not self.has_translate_permission(request):
            raise PermissionDenied
        form = XliffImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            # One byte over the limit is enough for the import to refuse it: a huge
            # upload is never read into memory.
            result = xliff.xliff_import(
                data=upload.read(settings.XLIFF_MAX_BYTES + 1), user=request.user
            )
            if result.ok:
                self.message_user(request, _success_message(result), messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse(f"{self.admin_site.name}:speeches_publication_changelist")
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import translations (XLIFF)"),
            "form": form,
            "result": _shortened(result),
            "limit": filesizeformat(settings.XLIFF_MAX_BYTES),
        }
        return TemplateResponse(request, "admin/speeches/publication/xliff_import.html", context)


# A file of tens of thousands of bad segments would make a page of megabytes; the first
# problems show what is wrong, the count how much.
PROBLEMS_SHOWN = 50


def _shortened(result: xliff.ImportResult | None) -> xliff.ImportResult | None:
    """The result with its first ``PROBLEMS_SHOWN`` problems and a row counting the rest."""
    if result is None or len(result.problems) <= PROBLEMS_SHOWN:
        return result
    more = len(result.problems) - PROBLEMS_SHOWN
    summary = ngettext(
        "… and %(count)s more problem, not listed here.",
        "… and %(count)s more problems, not listed here.",
        more,
    ) % {"count": number_format(more, force_grouping=True)}
    return xliff.ImportResult(
        problems=[*result.problems[:PROBLEMS_SHOWN], xliff.ImportProblem("", summary)]
    )


def _success_message(result: xliff.ImportResult) -> str:
    publications = ngettext(
        "%(count)d publication", "%(count)d publications", len(result.publications)
    ) % {"count": len(result.publications)}
    segments = ngettext("%(count)d segment", "%(count)d segments", result.segments) % {
        "count": result.segments
    }
    return _("Translations imported: %(publications)s updated (%(segments)s), marked ready.") % {
        "publications": publications,
        "segments": segments,
    }
