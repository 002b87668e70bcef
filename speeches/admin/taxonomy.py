"""Types, persons, topics and countries: the terms publications are filed under."""

from django.contrib import admin

from speeches.admin.base import TranslationAdmin
from speeches.models import Country, Person, PublicationType, Topic, columns
from speeches.publishing import services


@admin.register(PublicationType)
class PublicationTypeAdmin(TranslationAdmin):
    list_display = ["name", "plural_name", "code", "position"]
    list_editable = ["position"]
    search_fields = [*columns("name"), "code"]
    prepopulated_fields = {"code": ["name_en"]}


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["name", "position"]
    search_fields = columns("name", "position")


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
