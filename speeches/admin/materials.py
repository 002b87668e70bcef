"""The media library: photos, video, audio, documents and links, changed through the services."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from speeches.admin import badges
from speeches.admin.base import TranslationAdmin, https_urls, material_preview
from speeches.admin.uploads import MaterialUploadAdminMixin
from speeches.editorial import editing
from speeches.materials import uploads
from speeches.models import Material, PublicationMaterial, columns
from speeches.publishing import services


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        formfield_callback = https_urls
        fields = [
            "kind",
            "file",
            "url",
            "title",
            "alt_text",
            "decorative",
            "credit",
            "credit_language",
            "language",
            "poster",
            "captions",
        ]

    def _post_clean(self):
        super()._post_clean()
        # Inspect uploads here, so a refused file is reported next to its field and
        # nothing is written to storage.
        if self.instance.kind:
            try:
                services.material_inspect(material=self.instance)
            except ValidationError as error:
                self._update_errors(error)


@admin.register(Material)
class MaterialAdmin(MaterialUploadAdminMixin, TranslationAdmin):
    form = MaterialForm
    change_list_template = "admin/speeches/material/change_list.html"

    class Media:
        css = {"all": ["admin/css/materials.css"]}

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["preview", "__str__", "kind", "format", "human_size", "used_in", "created_at"]
    list_display_links = ["preview", "__str__"]
    list_filter = ["kind", "language", "decorative", "created_at"]
    search_fields = [*columns("title", "alt_text"), "credit", "filename", "url"]
    readonly_fields = ["preview", "filename", "format", "human_size", "dimensions", "used_in"]
    fieldsets = [
        (None, {"fields": ["kind", "file", "url", "preview"]}),
        (
            _("Description"),
            {
                "fields": [
                    "title",
                    "alt_text",
                    "decorative",
                    "credit",
                    "credit_language",
                    "language",
                ]
            },
        ),
        (_("Video"), {"classes": ["collapse"], "fields": ["poster", "captions"]}),
        (_("File"), {"fields": ["filename", "format", "human_size", "dimensions", "used_in"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "attachments",
                    queryset=PublicationMaterial.objects.select_related("publication").only(
                        "id",
                        "material_id",
                        "publication_id",
                        *(f"publication__{name}" for name in columns("title")),
                        "publication__original_language",
                        # The state's badge beside each (badges.publication_badge).
                        "publication__status",
                        "publication__published_at",
                    ),
                )
            )
        )

    @admin.display(description=_("preview"))
    def preview(self, obj: Material) -> str:
        return material_preview(obj)

    @admin.display(description=_("format"))
    def format(self, obj: Material) -> str:
        return uploads.format_name(obj.mime_type) if obj.mime_type else ""

    @admin.display(description=_("size"))
    def human_size(self, obj: Material) -> str:
        return filesizeformat(obj.size) if obj.size else ""

    @admin.display(description=_("pixels"))
    def dimensions(self, obj: Material) -> str:
        return f"{obj.width} × {obj.height}" if obj.width else ""

    @admin.display(description=_("used in"))
    def used_in(self, obj: Material) -> str:
        """Each publication showing the material, linked, with its state: changing the
        material changes every one of them (and a live one's is a publisher's to change)."""
        attachments = obj.attachments.all()
        if not attachments:
            return format_html('<span class="material-unused">{}</span>', _("not used"))
        return format_html(
            '<ul class="material-used-in">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a> {}</li>',
                (
                    (
                        reverse("admin:speeches_publication_change", args=[a.publication_id]),
                        str(a.publication),
                        badges.publication_badge(a.publication).html(),
                    )
                    for a in attachments
                ),
            ),
        )

    def has_change_permission(self, request, obj=None):
        """A material on a live item changes what readers see: a publisher's to change."""
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or editing.can_change_material(material=obj, user=request.user)

    def save_model(self, request, obj, form, change):
        editing.material_update(material=obj, user=request.user)
