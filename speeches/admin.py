from django.conf import settings
from django.contrib import admin
from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from speeches import services
from speeches.models import (
    LANGUAGE_CODES,
    Country,
    LanguageVersion,
    Person,
    Publication,
    PublicationType,
    Topic,
)


class TranslationAdmin(TabbedTranslationAdmin):
    """Language tabs whose fields carry their language and writing direction (ar: rtl)."""

    class Media:
        css = {"all": ["admin/css/translated_fields.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
            field.widget.attrs.update(lang=language, dir=direction)
        return field


def localized(*names: str) -> list[str]:
    """Every language's column of the given translated fields (search does not fall back)."""
    return [f"{name}_{code}" for name in names for code in LANGUAGE_CODES]


class LanguageVersionFilter(admin.SimpleListFilter):
    title = _("language version")
    parameter_name = "version"

    def lookups(self, request, model_admin):
        return [
            *settings.LANGUAGES,
            *[
                (f"-{code}", _("missing: %(language)s") % {"language": name})
                for code, name in settings.LANGUAGES
            ],
        ]

    def queryset(self, request, queryset):
        value = self.value() or ""
        code = value.removeprefix("-")
        if code not in LANGUAGE_CODES:
            return queryset
        present = LanguageVersion.objects.filter(
            language=code, status__in=LanguageVersion.PUBLIC_STATUSES
        ).values("publication_id")
        if value.startswith("-"):
            return queryset.exclude(pk__in=present)
        return queryset.filter(pk__in=present)


@admin.register(Publication)
class PublicationAdmin(TranslationAdmin):
    list_display = ["__str__", "type", "published_at", "status", "language_codes", "reference"]
    list_filter = ["status", "type", LanguageVersionFilter, "published_at", "original_language"]
    list_select_related = ["type"]
    search_fields = [*localized("title"), "reference"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["speakers", "topics", "countries"]
    exclude = ["slug"]
    readonly_fields = ["on_the_site", "created_at", "created_by", "updated_at", "updated_by"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "type",
                    "published_at",
                    "status",
                    "original_language",
                    "reference",
                ]
            },
        ),
        (_("Text"), {"fields": ["title", "lead", "place", "body"]}),
        (_("Taxonomy"), {"fields": ["speakers", "topics", "countries"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": ["on_the_site", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "versions",
                    queryset=LanguageVersion.objects.only(
                        "id", "publication_id", "language", "status"
                    ),
                )
            )
        )

    @admin.display(description=_("languages"))
    def language_codes(self, obj: Publication) -> str:
        """Public versions link to what readers see; versions still in progress are bracketed."""
        public = set(obj.public_languages())
        parts = []
        for version in obj.versions.all():
            code = version.language
            if code in public:
                url = obj.get_absolute_url(code)
                parts.append(format_html('<a href="{}" hreflang="{}">{}</a>', url, code, code))
            elif version.is_public_status():
                parts.append(code)  # ready, but the publication itself is not public
            else:
                parts.append(f"({code})")
        return format_html_join(" ", "{}", ((part,) for part in parts))

    @admin.display(description=_("on the site"))
    def on_the_site(self, obj: Publication) -> str:
        languages = obj.public_languages() if obj.pk else []
        if not languages:
            return _("Not visible to readers (draft, scheduled, or no complete language version).")
        return format_html_join(
            " · ",
            '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>',
            ((obj.get_absolute_url(code), code, code) for code in languages),
        )

    def save_model(self, request, obj, form, change):
        services.publication_save(publication=obj, user=request.user)


@admin.register(PublicationType)
class PublicationTypeAdmin(TranslationAdmin):
    list_display = ["name", "plural_name", "code", "position"]
    list_editable = ["position"]
    search_fields = [*localized("name"), "code"]
    prepopulated_fields = {"code": ["name_en"]}


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["name", "position"]
    search_fields = localized("name", "position")


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = [*localized("name"), "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["name", "code"]
    search_fields = [*localized("name"), "code"]

    def save_model(self, request, obj, form, change):
        services.country_fill_names(country=obj)
        super().save_model(request, obj, form, change)


admin.site.site_header = _("Press office")
admin.site.site_title = _("Press office")
admin.site.index_title = _("Publishing")
