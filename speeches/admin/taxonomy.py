"""Types, persons, topics and countries: the terms publications are filed under."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from speeches.admin.base import TranslationAdmin
from speeches.editorial import persons
from speeches.models import Country, Person, PublicationType, Topic, columns
from speeches.publishing import services

# Raster images only: an SVG can carry scripts, and Pillow does not read it anyway.
IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/avif"


@admin.register(PublicationType)
class PublicationTypeAdmin(TranslationAdmin):
    list_display = ["name", "plural_name", "code", "position"]
    list_editable = ["position"]
    search_fields = [*columns("name"), "code"]
    prepopulated_fields = {"code": ["name_en"]}


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "position", "biography", "photo", "photo_credit"]
        widgets = {"photo": forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT})}

    def _post_clean(self):
        super()._post_clean()
        # A refused photo is reported next to its field, and nothing is stored.
        try:
            persons.person_inspect(person=self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    form = PersonForm
    list_display = ["name", "position"]
    search_fields = columns("name", "position")
    readonly_fields = ["photo_preview"]
    fields = ["name", "position", "biography", "photo", "photo_preview", "photo_credit"]

    @admin.display(description=_("photo as shown"))
    def photo_preview(self, obj: Person) -> str:
        if not obj.photo or obj.pk is None:
            return "—"
        # The public address, which serves staff whether or not the person is public yet.
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="person-photo-preview">',
            reverse("speeches:person_photo", kwargs={"pk": obj.pk, "filename": obj.photo_filename}),
            obj.photo_width,
            obj.photo_height,
        )

    def save_model(self, request, obj, form, change):
        persons.person_save(person=obj, user=request.user)


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = [*columns("name"), "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["name", "code"]
    search_fields = [*columns("name"), "code"]

    def save_model(self, request, obj, form, change):
        services.country_fill_names(country=obj)
        super().save_model(request, obj, form, change)
