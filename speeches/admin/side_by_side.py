"""The side-by-side editor: a translator's view of one publication in one language.

The original sits beside the translation, block by block (the body is cut into its
paragraphs, headings, lists and quotes by ``speeches.languages.segments``), together
with the captions and alternative texts of the publication's materials. Saving goes through
``speeches.languages.translating``, the same path as the XLIFF import.

A block's links, emphasis and line breaks are not HTML the translator types: they are the
original's placeholders (``speeches.languages.placeholders``), written ``[1]…[/1]`` and
``[2/]`` in the block's field. ``static/admin/js/translation_placeholders.js`` shows them as
chips that cannot be edited, and offers the block's placeholders as buttons; without
JavaScript the tokens are typed. On saving, each block is checked as an XLIFF import checks
it, and built from the original's own elements; a block that does not match keeps the input
and shows why beside it, and nothing is saved.

A saved translation whose blocks do not follow the original's (a paragraph merged, a heading
missing) is not offered as raw HTML. The translator gets one field per block of the original,
as always: where the kinds of block line up in order (``difflib`` over the tags), a field is
prefilled from the saved block and says which one it came from; the others are empty. The
saved translation is shown whole, as text, above the fields, so nothing is lost, with a note
that saving replaces it with the blocks below.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

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

from speeches.languages import placeholders, segments, translating
from speeches.models import (
    LANGUAGE_CODES,
    PLAIN_TEXT_FIELDS,
    LanguageVersion,
    Publication,
    in_language,
)
from speeches.publishing import services
from speeches.richtext import QUESTION_CLASS

# What a translation form may post besides its own fields.
FORM_CONTROLS = {"csrfmiddlewaretoken", "opened_version", "_draft", "_ready"}


@dataclass
class Row:
    """One line of the editor: the original beside the field that translates it."""

    name: str
    source: str = ""  # the original, as text
    markup: placeholders.Markup | None = None  # a body block's placeholders
    note: str = ""  # where a prefilled block came from, or what was left out of it


@dataclass
class PairedRow:
    source: str
    field: forms.BoundField
    parts: list[tuple[str, str]] | None  # the original block as text and tokens
    legend: list[tuple[str, str]]  # (token, what it stands for) per placeholder
    note: str


def _align(source_blocks, target_blocks) -> dict[int, int]:
    """Which saved block (by index) prefills which block of the original."""
    matcher = difflib.SequenceMatcher(
        a=[b.tag for b in source_blocks], b=[b.tag for b in target_blocks], autojunk=False
    )
    return {
        first + offset: second + offset
        for first, second, size in matcher.get_matching_blocks()
        for offset in range(size)
    }


class TranslationForm(forms.Form):
    """The target texts of one language: fields, body blocks, and material texts."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, publication: Publication, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.publication, self.language = publication, language
        original = publication.original_language
        attrs = {"lang": language, "dir": "rtl" if get_language_info(language)["bidi"] else "ltr"}
        # A translator goes on from their work in progress, if any (the published text
        # stays on the site meanwhile: translating.translation_save).
        working, working_materials, self.pending = translating.working_text(
            publication=publication, language=language
        )
        self.source_blocks = segments.split(in_language(publication, "body", original))
        self.saved_blocks = segments.split(working.get("body") or "")
        # The saved translation does not follow the original's blocks: see the docstring.
        self.realigned = bool(self.saved_blocks) and [b.tag for b in self.saved_blocks] != [
            b.tag for b in self.source_blocks
        ]
        self.rows: list[Row] = []
        for name, label, widget in (
            ("title", gettext_lazy("Title"), forms.TextInput(attrs={**attrs, "size": 80})),
            ("lead", gettext_lazy("Lead"), forms.Textarea(attrs={**attrs, "rows": 3})),
            ("place", gettext_lazy("Place"), forms.TextInput(attrs={**attrs, "size": 40})),
        ):
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                widget=widget,
                initial=working.get(name) or "",
                max_length=Publication._meta.get_field(name).max_length,
            )
            self.rows.append(Row(name, in_language(publication, name, original)))
        self.markups: dict[int, placeholders.Markup] = {}
        aligned = _align(self.source_blocks, self.saved_blocks)
        for index, block in enumerate(self.source_blocks):
            if block.tag in ("hr", "br"):
                continue
            markup = self.markups[index] = placeholders.Markup(block)
            row = Row(f"block_{index}", block.text, markup)
            initial = ""
            if index in aligned:
                nodes, dropped = markup.parse_saved_html(
                    self.saved_blocks[aligned[index]].inner_html
                )
                initial = placeholders.tokens(nodes)
                notes = []
                if self.realigned:
                    notes.append(
                        _(
                            "Prefilled from paragraph %(number)s of the saved translation: "
                            "check that it belongs here."
                        )
                        % {"number": aligned[index] + 1}
                    )
                if dropped:
                    notes.append(
                        _(
                            "Markup of the saved translation that the original does not have "
                            "here was left out; its words are kept."
                        )
                    )
                row.note = " ".join(notes)
            # What the script needs to draw chips and buttons; its words come from here,
            # translated like the rest of the page.
            legend = [
                {
                    "id": e.id,
                    "open": e.open_token,
                    "close": e.close_token,
                    "label": e.legend(),
                    "insert": _("Insert %(what)s") % {"what": e.describe()},
                    "open_label": (_("start of %(what)s") if e.close_token else "%(what)s")
                    % {"what": e.describe()},
                    "close_label": _("end of %(what)s") % {"what": e.describe()},
                }
                for e in markup.elements.values()
            ]
            question = QUESTION_CLASS in block.attributes.get("class", "").split()
            self.fields[row.name] = forms.CharField(
                label=(
                    _("Paragraph %(number)s (a question)")
                    if question
                    else _("Paragraph %(number)s")
                )
                % {"number": index + 1},
                required=False,
                initial=initial,
                strip=False,
                widget=forms.Textarea(
                    attrs={
                        **attrs,
                        "rows": 3,
                        "class": "placeholder-text",
                        "data-placeholders": json.dumps(legend, ensure_ascii=False),
                    }
                ),
            )
            self.rows.append(row)
        self.material_rows = []
        for material, name in segments.material_texts(publication):
            label = _("Caption") if name == "title" else _("Alternative text")
            field = f"material_{material.pk}_{name}"
            self.fields[field] = forms.CharField(
                label=label,
                required=False,
                initial=working_materials.get(material.pk, {}).get(
                    name, in_language(material, name, language)
                ),
                max_length=500,
                widget=forms.TextInput(attrs={**attrs, "size": 80}),
            )
            source = in_language(material, name, original)
            self.material_rows.append((material, source, field))

    def clean(self):
        """Each block's tokens checked against the original and built into its HTML."""
        cleaned = super().clean()
        self.block_html: dict[int, str] = {}
        for index, markup in self.markups.items():
            name = f"block_{index}"
            text = (cleaned.get(name) or "").strip()
            if not text:
                self.block_html[index] = ""
                continue
            try:
                nodes = placeholders.strip(markup.parse_tokens(text))
                self.block_html[index] = markup.translate(nodes)
            except placeholders.MarkupError as error:
                for message in error.messages:
                    self.add_error(name, message)
        return cleaned

    def paired(self) -> list[tuple[str, forms.BoundField]]:
        """(original as text, bound field) in reading order."""
        return [(row.source, self[row.name]) for row in self.rows]

    def lines(self) -> list[PairedRow]:
        """The rows in reading order, bound: what the template lays side by side."""
        return [
            PairedRow(
                source=row.source,
                field=self[row.name],
                parts=row.markup.parts() if row.markup else None,
                legend=[
                    (
                        f"{e.open_token}…{e.close_token}" if e.close_token else e.open_token,
                        e.legend(),
                    )
                    for e in row.markup.elements.values()
                ]
                if row.markup
                else [],
                note=row.note,
            )
            for row in self.rows
        ]

    def paired_materials(self):
        return [(material, source, self[name]) for material, source, name in self.material_rows]

    def saved_text(self) -> list[str]:
        """The saved translation's blocks as text, shown when they do not follow the original."""
        return [block.text for block in self.saved_blocks] if self.realigned else []

    def values(self) -> dict[str, str]:
        """The text fields by name, the body rebuilt from its blocks in the original's structure.

        An original without text leaves the translation's text as it is: there is nothing
        to align it with.
        """
        data = {name: self.cleaned_data[name].strip() for name in PLAIN_TEXT_FIELDS}
        if not self.source_blocks:
            return data
        inner = [self.block_html.get(index, "") for index in range(len(self.source_blocks))]
        data["body"] = (
            segments.join(segments.with_inner_html(self.source_blocks, inner)) if any(inner) else ""
        )
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
        if not translating.can_translate(
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
            "on_the_site": translating.on_the_site(publication, version),
            "changes": translating.source_changes(publication=publication, version=version)
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
            translating.translation_save(
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
