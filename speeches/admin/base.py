"""What every admin of this app shares: language tabs, per-language search columns, previews."""

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import get_language_info
from modeltranslation.admin import TabbedTranslationAdmin

from speeches.materials import files
from speeches.models import Material


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


def material_preview(material: Material | None) -> str:
    """A small preview for editors: the thumbnail of a photo, else its kind and format."""
    if material is None or not material.pk:
        return ""
    thumb = material.renditions.get("thumb")
    if thumb:
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="material-thumb">',
            files.url(material, "thumb-jpeg"),
            thumb["width"],
            thumb["height"],
        )
    details = [material.get_kind_display()]
    if material.mime_type:
        details.append(material.mime_type.split("/")[-1].upper())
    if material.size:
        details.append(filesizeformat(material.size))
    return " · ".join(str(d) for d in details)


def https_urls(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"  # Django 6's default, chosen now
    return db_field.formfield(**kwargs)
