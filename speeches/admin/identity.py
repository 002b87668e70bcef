"""The site identity (one row) and the footer pages, changed through their services."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from speeches.admin.base import TranslationAdmin
from speeches.identity import services
from speeches.models import LANGUAGE_CODES, FooterPage, SiteIdentity

# Raster images only: an SVG can carry scripts, and Pillow does not read it anyway.
IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/avif"


class SiteIdentityForm(forms.ModelForm):
    class Meta:
        model = SiteIdentity
        fields = [
            "name",
            "short_name",
            "emblem",
            "primary_colour",
            "secondary_colour",
            "address",
            "phone",
            "email",
            "hours",
        ]
        widgets = {
            "emblem": forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "secondary_colour": forms.TextInput(attrs={"type": "color"}),
        }

    def _post_clean(self):
        super()._post_clean()
        # The upload is checked here, so a refused file is reported next to its field
        # and nothing is written to storage.
        try:
            services.identity_inspect(identity=self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(SiteIdentity)
class SiteIdentityAdmin(TranslationAdmin):
    """One row: the list leads to it; it is never added or deleted, only changed."""

    form = SiteIdentityForm
    readonly_fields = ["emblem_preview"]
    fieldsets = [
        (_("Name and emblem"), {"fields": ["name", "short_name", "emblem", "emblem_preview"]}),
        (_("Colours"), {"fields": ["primary_colour", "secondary_colour"]}),
        (_("Press office contacts"), {"fields": ["address", "phone", "email", "hours"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_object(self, request, object_id, from_field=None):
        """The one row, or a new one with the defaults until it is first saved."""
        if str(object_id) != str(services.IDENTITY_PK):
            return None
        return services.identity_current()

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(
            reverse("admin:speeches_siteidentity_change", args=[services.IDENTITY_PK])
        )

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        if "_continue" in request.POST or "_addanother" in request.POST:
            return response
        # There is no list to go back to: back to the form, with the message.
        return HttpResponseRedirect(request.path)

    @admin.display(description=_("emblem as shown"))
    def emblem_preview(self, obj: SiteIdentity) -> str:
        if not obj.emblem:
            return "—"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="identity-emblem-preview">',
            reverse("identity_emblem", kwargs={"filename": obj.emblem.name.rsplit("/", 1)[-1]}),
            obj.emblem_width,
            obj.emblem_height,
        )

    def save_model(self, request, obj, form, change):
        services.identity_save(identity=obj, user=request.user)


@admin.register(FooterPage)
class FooterPageAdmin(TranslationAdmin):
    list_display = ["__str__", "languages", "updated_at"]
    fields = ["kind", "title", "content"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        # A page emptied in every language leaves the footer; the row stays.
        return False

    @admin.display(description=_("written in"))
    def languages(self, obj: FooterPage) -> str:
        return ", ".join(code for code in LANGUAGE_CODES if obj.exists_in(code)) or "—"

    def save_model(self, request, obj, form, change):
        services.footer_page_save(page=obj, user=request.user)
