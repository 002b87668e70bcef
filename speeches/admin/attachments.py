"""A publication's additional materials as a grid, and files dropped onto it.

Each row is one attached material: its preview, and beside it what describes it in every
language (caption, and for a photo its alternative text and whether it is decorative),
with its credit. Saving the publication saves those descriptions through
``editing.material_describe`` in the same transaction as the item, with the rights of the
media library (a material a live item shows is a publisher's to change).

Files dropped onto the form become materials at once (``static/admin/js/attachments.js``
sends them to the media library's upload, ``speeches.admin.uploads``) and arrive as rows;
without JavaScript the form's own file input is uploaded when the form is posted, before
the publication is validated (``AttachmentUploadsMixin``). Either way a form that fails on
another field comes back with the uploads attached: nothing chosen is lost.

Rows are ordered by dragging them (or with their move buttons); the script writes each
row's position into its hidden input, and the save numbers them again from that order.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from speeches.admin.base import material_preview
from speeches.editorial import editing, library
from speeches.materials import uploads
from speeches.models import LANGUAGE_CODES, Material, PublicationMaterial, column

# The publication form's own file input: what it holds is uploaded when the form is posted
# (without JavaScript; the script uploads at once and empties it).
UPLOAD_FIELD = "attachment_files"


def file_format(material: Material) -> str:
    """What editors call a file's format: "PDF", "JPEG", "MP4" (its kind for a link)."""
    return uploads.format_name(material.mime_type) or str(material.get_kind_display())


def _language(code: str) -> dict:
    info = get_language_info(code)
    return {"code": code, "name": info["name_translated"], "dir": "rtl" if info["bidi"] else "ltr"}


class AttachmentForm(forms.ModelForm):
    """One row: which material, where, and what describes it."""

    # The fingerprint of the description the row was shown with, sent with its inputs:
    # the save writes only what the editor changed, and refuses to overwrite what someone
    # else saved meanwhile. A post without it (a script, an older form) leaves the
    # material's description as it is rather than emptying it.
    described = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = PublicationMaterial
        fields = ["material", "position"]
        widgets = {"position": forms.HiddenInput(attrs={"data-position": ""})}

    def __init__(self, *args, original_language: str = "", posted_materials=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.original_language = original_language or LANGUAGE_CODES[0]
        self.posted_materials = posted_materials or {}
        if "position" in self.fields:
            self.fields["position"].required = False  # new rows go last
        if "material" in self.fields:
            widget = self.fields["material"].widget
            if isinstance(widget, RelatedFieldWidgetWrapper):
                # No pop-ups to add or edit a material from a row: files are dropped on
                # the grid, and the descriptions are edited in the row itself.
                self.fields["material"].widget = widget.widget
        for name in editing.MATERIAL_DESCRIPTION:
            # The grid's headings say what each input is; the library's help stays there.
            self.fields[name] = Material._meta.get_field(name).formfield(
                required=False, help_text=""
            )
        for code in LANGUAGE_CODES:
            language = _language(code)
            for base, label in (("title", _("Caption")), ("alt_text", _("Alternative text"))):
                self.fields[column(base, code)].widget.attrs.update(
                    {
                        "lang": code,
                        "dir": language["dir"],
                        "data-language": code,
                        "aria-label": f"{label} ({language['name']})",
                        "class": "vTextField",
                    }
                )
        self.fields["credit"].widget.attrs["class"] = "vTextField"
        material = self.row_material
        if material is not None and not self.is_bound:
            self.initial.update(editing.material_description(material))

    def has_changed(self) -> bool:
        """A new row counts once it holds a material: an empty one added and left is no
        row, whatever its other inputs say."""
        if self.instance.pk is None:
            return bool(self.data.get(self.add_prefix("material")))
        return super().has_changed()

    @cached_property
    def row_material(self) -> Material | None:
        """The row's material: as loaded with the row, or, for a posted row, as the
        formset loaded every posted one (``AttachmentFormSet.posted_materials``)."""
        if self.is_bound:
            posted = self.data.get(self.add_prefix("material"))
            if posted is not None:
                return self.posted_materials.get(str(posted))
        if self.instance.pk and self.instance.material_id:
            return self.instance.material
        return None

    def described_value(self) -> str:
        """The fingerprint this row carries: as posted, or of the description shown now."""
        if self.is_bound:
            return self.data.get(self.add_prefix("described")) or ""
        material = self.row_material
        if material is None:
            return ""
        return editing.description_fingerprint(editing.material_description(material))

    def is_photo(self) -> bool:
        material = self.row_material
        return material is not None and material.kind == Material.Kind.PHOTO

    def row_preview(self) -> str:
        """A photo's thumbnail; for anything else its format in large letters ("PDF")."""
        material = self.row_material
        if material is None or material.kind == Material.Kind.PHOTO:
            return material_preview(material)
        return format_html('<span class="attachment-row__format">{}</span>', file_format(material))

    def row_summary(self) -> str:
        """Kind, format and size: "photo · JPEG · 2.1 MB", "document · PDF · 80 KB"."""
        material = self.row_material
        if material is None:
            return ""
        details = [material.get_kind_display()]
        if material.mime_type:
            details.append(file_format(material))
        if material.size:
            details.append(filesizeformat(material.size))
        if material.filename:
            details.append(material.filename)
        return " · ".join(str(d) for d in details)

    def row_label(self) -> str:
        material = self.row_material
        if material is None:
            return ""
        return (
            getattr(material, column("title", self.original_language))
            or material.filename
            or material.url
            or str(material)
        )

    def row_change_url(self) -> str:
        material = self.row_material
        return reverse("admin:speeches_material_change", args=[material.pk]) if material else ""

    def language_rows(self) -> list[dict]:
        """The description inputs per language, the original language first."""
        codes = sorted(LANGUAGE_CODES, key=lambda code: code != self.original_language)
        return [
            {
                **_language(code),
                "original": code == self.original_language,
                "caption": self[column("title", code)],
                "alt_text": self[column("alt_text", code)],
            }
            for code in codes
        ]

    def description_values(self) -> dict[str, object] | None:
        """What the editor changed the row's description to, or None when they changed
        nothing (or the post carried no description). Alternative texts and "decorative"
        are a photo's only."""
        cleaned = getattr(self, "cleaned_data", None) or {}
        material, seen = cleaned.get("material"), cleaned.get("described")
        if not seen or material is None:
            return None
        values = {
            name: bool(cleaned.get(name)) if name == "decorative" else cleaned.get(name) or ""
            for name in editing.material_description(material)
        }
        if editing.description_fingerprint(values) == seen:
            return None
        return values


class AttachmentFormSet(BaseInlineFormSet):
    def __init__(self, *args, user=None, upload_errors=(), **kwargs):
        self.user = user
        self.upload_errors = list(upload_errors)
        super().__init__(*args, **kwargs)

    @cached_property
    def posted_materials(self) -> dict[str, Material]:
        """Every material the posted rows name, in one query: a form sent back with an
        error shows each row's preview and name."""
        if not self.is_bound:
            return {}
        ids = set()
        for index in range(min(self.total_form_count(), self.absolute_max)):
            value = self.data.get(f"{self.prefix}-{index}-material") or ""
            if str(value).isdigit():
                ids.add(int(value))
        return {str(pk): m for pk, m in Material.objects.in_bulk(ids).items()} if ids else {}

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["original_language"] = self.instance.original_language
        kwargs["posted_materials"] = self.posted_materials
        return kwargs

    def clean(self):
        super().clean()
        if self.upload_errors:
            raise ValidationError(self.upload_errors)
        publication = self.instance
        language = publication.original_language
        chosen = {}
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None)
            if not cleaned or not cleaned.get("material") or cleaned.get("DELETE"):
                continue
            material = cleaned["material"]
            values = form.description_values()
            if values is not None and self._may_describe(form, material, values):
                # As this save would leave it: a photo may get its alternative text here.
                chosen[form] = Material(**{**_as_fields(material), **values})
            else:
                chosen[form] = material
        missing = publication.photos_missing_alt_text(chosen.values())
        for form, material in chosen.items():
            if material in missing:
                form.add_error(
                    "material",
                    _(
                        "This photo needs alternative text in %(language)s (or to be marked "
                        "decorative) before it can be attached to a published item."
                    )
                    % {"language": get_language_info(language)["name_translated"]},
                )

    def _may_describe(self, form, material: Material, values: dict) -> bool:
        """Refuse, next to the row, a description changed meanwhile by someone else (their
        text beside each field, the row now carrying their version: saving again writes
        the editor's), or one this person may not change."""
        current = editing.material_description(material)
        seen = form.cleaned_data["described"]
        if editing.description_fingerprint(current) != seen:
            differing = [name for name, value in values.items() if current[name] != value]
            if not differing:
                return True  # both wrote the same
            form.data = form.data.copy()
            form.data[form.add_prefix("described")] = editing.description_fingerprint(current)
            for name in differing:
                theirs = current[name]
                if name == "decorative":
                    theirs = _("yes") if theirs else _("no")
                form.add_error(
                    name, _("Saved meanwhile: %(text)s") % {"text": theirs or _("(empty)")}
                )
            form.add_error(
                None,
                _(
                    "Someone changed this material's description after you opened the form; "
                    "their text is shown beside each field that differs. Check yours and "
                    "save again."
                ),
            )
            return False
        if self.user is not None and not editing.can_change_material(
            material=material, user=self.user
        ):
            form.add_error(
                None,
                _(
                    "This material is also shown by a publication you may not edit in its "
                    "present state; a publisher can change its description."
                ),
            )
            return False
        return True


def _as_fields(material: Material) -> dict:
    """A material's own field values, to build a described copy in memory."""
    return {f.attname: getattr(material, f.attname) for f in Material._meta.concrete_fields}


class AttachmentInline(admin.StackedInline):
    model = PublicationMaterial
    form = AttachmentForm
    formset = AttachmentFormSet
    template = "admin/speeches/publication/includes/attachments.html"
    extra = 0
    autocomplete_fields = ["material"]
    fields = ["material", "position"]
    verbose_name = _("additional material")
    verbose_name_plural = _("Additional materials")

    def get_queryset(self, request):
        # Each row shows its material: one join, not a query a row.
        return super().get_queryset(request).select_related("material")


def attachments_from(formsets) -> list[editing.Attachment] | None:
    """The additional materials as the grid lists them, minus the ones removed, numbered
    from 0 in the rows' order (the positions the script wrote; a row without one last)."""
    for formset in formsets:
        # A view-only inline has no material field: it changes nothing.
        if formset.model is PublicationMaterial and "material" in formset.form.base_fields:
            rows = [
                form
                for form in formset.forms
                if form.cleaned_data
                and form.cleaned_data.get("material")
                and not form.cleaned_data.get("DELETE")
            ]
            return [
                editing.Attachment(
                    form.cleaned_data["material"],
                    position,
                    form.description_values(),
                    form.cleaned_data.get("described") or None,
                )
                for position, form in enumerate(_in_row_order(rows))
            ]
    return None


def _in_row_order(forms: list) -> list:
    """The rows by the positions they carry, ties in the order they came."""

    def order(indexed):
        index, form = indexed
        position = form.cleaned_data.get("position")
        return (position is None, position or 0, index)

    return [form for _index, form in sorted(enumerate(forms), key=order)]


class AttachmentUploadsMixin:
    """For ``PublicationAdmin``: the drop zone's context, and its files uploaded when the
    form is posted without JavaScript."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and request.FILES.getlist(UPLOAD_FIELD):
            request.attachment_uploads = self._upload_posted_files(request, object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _upload_posted_files(self, request, object_id) -> list[library.Upload] | None:
        """The posted files as materials, committed before the publication is validated:
        whatever happens to the form, they stay in the media library (and, when the form
        comes back, in its rows). Only for whoever may save this form."""
        if object_id is None:
            allowed = self.has_add_permission(request)
        else:
            obj = self.get_object(request, unquote(object_id))
            allowed = obj is not None and self.has_change_permission(request, obj)
        if not allowed:
            return None  # the admin's own check refuses the post
        if not library.can_upload(request.user):
            return [
                library.Upload(name=f.name, errors=[str(_("You may not add materials."))])
                for f in request.FILES.getlist(UPLOAD_FIELD)
            ]
        return library.materials_upload(
            files=request.FILES.getlist(UPLOAD_FIELD), user=request.user
        )

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if not isinstance(inline, AttachmentInline):
            return kwargs
        kwargs["user"] = request.user
        uploads = getattr(request, "attachment_uploads", None)
        if uploads and kwargs.get("data") is not None:
            kwargs["data"], kwargs["upload_errors"] = _with_uploaded_rows(
                kwargs["data"], prefix, uploads
            )
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        editable = add or self.has_change_permission(request, obj)
        upload = editable and library.can_upload(request.user)
        context["attachment_upload"] = (
            {"url": reverse("admin:speeches_material_upload"), "field": UPLOAD_FIELD}
            if upload
            else None
        )
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if upload:
            # The drop zone's file input is the form's own (posted without JavaScript).
            response.context_data["has_file_field"] = True
        return response


def _with_uploaded_rows(data, prefix: str, uploads: list[library.Upload]):
    """The posted data with a row added for each uploaded material (last, in the order
    the files came), and the refusals, one message per file."""
    data = data.copy()
    total_key = f"{prefix}-TOTAL_FORMS"
    total = data.get(total_key, "")
    errors = [
        _("%(file)s was not uploaded: %(reason)s") % {"file": u.name, "reason": " ".join(u.errors)}
        for u in uploads
        if u.errors
    ]
    if not str(total).isdigit():
        return data, errors  # a broken management form: the formset reports it
    index = int(total)
    for upload in uploads:
        if upload.material is None:
            continue
        row = f"{prefix}-{index}-"
        description = editing.material_description(upload.material)
        data[row + "material"] = str(upload.material.pk)
        data[row + "position"] = ""
        data[row + "described"] = editing.description_fingerprint(description)
        for name, value in description.items():
            if name != "decorative":  # a box left unticked is not posted
                data[row + name] = value
        index += 1
    data[total_key] = str(index)
    return data, errors
