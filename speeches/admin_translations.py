"""The side-by-side editor: a translator's view of one publication in one language.

The original sits beside the translation, block by block where the structures match
(the body is cut into its paragraphs, headings, lists and quotes by ``speeches.segments``),
together with the captions and alternative texts of the publication's materials. Saving
goes through ``speeches.translations``, the same path as the XLIFF import.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from speeches import segments, services, translations
from speeches.models import LANGUAGE_CODES, LanguageVersion, Material, Publication

# What a translation form may post besides its own fields.
FORM_CONTROLS = {"csrfmiddlewaretoken", "opened_version", "_draft", "_ready"}


class TranslationForm(forms.Form):
    """The target texts of one language: fields, body blocks, and material texts."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, publication: Publication, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.publication, self.language = publication, language
        original = publication.original_language
        attrs = {"lang": language, "dir": "rtl" if get_language_info(language)["bidi"] else "ltr"}
        self.source_blocks = segments.split(getattr(publication, f"body_{original}") or "")
        target_blocks = segments.split(getattr(publication, f"body_{language}") or "")
        # Aligned when the translation has no body yet or follows the original's structure.
        self.aligned = bool(self.source_blocks) and (
            not target_blocks
            or [b.tag for b in target_blocks] == [b.tag for b in self.source_blocks]
        )
        self.rows = []  # (source text or html, bound field name), in reading order
        for name, label, widget in (
            ("title", gettext_lazy("Title"), forms.TextInput(attrs={**attrs, "size": 80})),
            ("lead", gettext_lazy("Lead"), forms.Textarea(attrs={**attrs, "rows": 3})),
            ("place", gettext_lazy("Place"), forms.TextInput(attrs={**attrs, "size": 40})),
        ):
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                widget=widget,
                initial=getattr(publication, f"{name}_{language}") or "",
                max_length=Publication._meta.get_field(name).max_length,
            )
            self.rows.append((getattr(publication, f"{name}_{original}") or "", name))
        if self.aligned:
            for index, block in enumerate(self.source_blocks):
                field = f"block_{index}"
                initial = target_blocks[index].inner_html if target_blocks else ""
                if block.tag in ("hr", "br"):
                    continue
                self.fields[field] = forms.CharField(
                    label=_("Paragraph %(number)s") % {"number": index + 1},
                    required=False,
                    initial=initial,
                    widget=forms.Textarea(attrs={**attrs, "rows": 3}),
                )
                self.rows.append((block.inner_html, field))
        else:
            self.fields["body"] = forms.CharField(
                label=_("Text (HTML)"),
                required=False,
                initial=getattr(publication, f"body_{language}") or "",
                widget=forms.Textarea(attrs={**attrs, "rows": 20}),
            )
            self.rows.append((getattr(publication, f"body_{original}") or "", "body"))
        self.material_rows = []
        for attachment in publication.attachments.select_related("material"):
            material = attachment.material
            for name, label in (("title", _("Caption")), ("alt_text", _("Alternative text"))):
                if name == "alt_text" and (
                    material.kind != Material.Kind.PHOTO or material.decorative
                ):
                    continue
                field = f"material_{material.pk}_{name}"
                self.fields[field] = forms.CharField(
                    label=label,
                    required=False,
                    initial=getattr(material, f"{name}_{language}") or "",
                    max_length=500,
                    widget=forms.TextInput(attrs={**attrs, "size": 80}),
                )
                source = getattr(material, f"{name}_{original}") or ""
                self.material_rows.append((material, source, field))

    def paired(self):
        """(original, bound field) in reading order: what the template lays side by side."""
        return [(source, self[name]) for source, name in self.rows]

    def paired_materials(self):
        return [(material, source, self[name]) for material, source, name in self.material_rows]

    def values(self) -> dict[str, str]:
        """The text fields by name, the body rebuilt from its blocks."""
        data = {name: self.cleaned_data[name].strip() for name in ("title", "lead", "place")}
        if self.aligned:
            inner = [
                self.cleaned_data.get(f"block_{i}", "").strip() if b.tag not in ("hr", "br") else ""
                for i, b in enumerate(self.source_blocks)
            ]
            if any(inner):
                blocks = segments.with_inner_html(self.source_blocks, inner)
                data["body"] = segments.join(blocks)
            else:
                data["body"] = ""
        else:
            data["body"] = self.cleaned_data["body"]
        return data

    def material_values(self) -> dict[int, dict[str, str]]:
        found: dict[int, dict[str, str]] = {}
        for material, _source, field in self.material_rows:
            name = field.split("_", 2)[2]
            found.setdefault(material.pk, {})[name] = self.cleaned_data[field].strip()
        return found

    def unexpected_fields(self, data) -> list[str]:
        """Keys a crafted POST added: other languages, status, dates… refused outright."""
        return sorted(set(data) - set(self.fields) - FORM_CONTROLS)


class TranslationEditorMixin:
    """For ``PublicationAdmin``: ``<id>/translate/<language>/``."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/translate/<str:language>/",
                self.admin_site.admin_view(self.translate_view),
                name="speeches_publication_translate",
            ),
            *super().get_urls(),
        ]

    def translate_view(self, request, object_id, language):
        publication = self.get_object(request, unquote(object_id))
        if publication is None or language not in LANGUAGE_CODES:
            raise Http404
        if not translations.can_translate(
            user=request.user, publication=publication, language=language
        ):
            raise PermissionDenied
        bound = request.method == "POST"
        form = TranslationForm(
            request.POST if bound else None,
            initial={"opened_version": publication.edit_version},
            publication=publication,
            language=language,
        )
        status = 200
        if bound:
            unexpected = form.unexpected_fields(request.POST)
            if unexpected:
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "This page changes the %(language)s translation only. Nothing was "
                        "saved, because the request also tried to change: %(fields)s."
                    )
                    % {
                        "language": get_language_info(language)["name_translated"],
                        "fields": ", ".join(unexpected),
                    },
                )
                status = 400
            elif form.is_valid() and self._save_translation(request, form, publication, language):
                url = reverse(
                    "admin:speeches_publication_translate", args=[quote(publication.pk), language]
                )
                return HttpResponseRedirect(url)
        version = LanguageVersion.objects.filter(publication=publication, language=language).first()
        original = publication.original_language
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": publication,
            "title": _("Translate into %(language)s: %(publication)s")
            % {
                "language": get_language_info(language)["name_translated"],
                "publication": publication,
            },
            "form": form,
            "language": language,
            "language_info": get_language_info(language),
            "source_language": original,
            "source_info": get_language_info(original),
            "version": version,
            "changes": translations.source_changes(publication=publication, version=version)
            if version is not None and version.status == LanguageVersion.Status.OUTDATED
            else [],
            "media": self.media + form.media,
            # The translator edits the same row as the change form: both count as editing.
            **self.presence_context(request, publication, language=language),
        }
        return TemplateResponse(
            request, "admin/speeches/publication/translate.html", context, status=status
        )

    def _save_translation(self, request, form, publication, language) -> bool:
        """Save through ``translations``; a refusal goes into ``form``, the input kept."""
        ready = "_ready" in request.POST
        try:
            translations.translation_save(
                publication=publication,
                language=language,
                user=request.user,
                values=form.values(),
                materials=form.material_values(),
                ready=ready,
                expected_version=form.cleaned_data["opened_version"],
            )
        except services.EditConflict as conflict:
            current = conflict.current
            form.add_error(
                None,
                _(
                    "%(user)s saved this publication at %(time)s, after you opened it. "
                    "Nothing of yours was saved and your text is still here: reload the page "
                    "in another tab to see theirs."
                )
                % {
                    "user": current.last_saved_by(),
                    "time": formats.time_format(timezone.localtime(current.updated_at), "H:i"),
                },
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            message = (
                _("The %(language)s translation is ready.")
                if ready
                else _("The %(language)s translation is saved as in progress.")
            )
            name = get_language_info(language)["name_translated"]
            self.message_user(request, message % {"language": name}, messages.SUCCESS)
            return True
        publication.refresh_from_db()
        return False
