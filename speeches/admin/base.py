"""What every admin of this app shares: the language switch, headings, previews."""

from django import forms
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationAdmin as ModeltranslationAdmin

from speeches.materials import files
from speeches.models import Material

# Our models' names as the object of a verb ("Изменить публикацию", not "Изменить
# публикация"), where a language declines them. A language that does not leaves an entry
# as it is in English, and the model's own name is used (``object_name``).
OBJECT_NAMES = {
    "publication": ("publication", pgettext_lazy("object of a verb", "publication")),
    "person": ("person", pgettext_lazy("object of a verb", "person")),
    "topic": ("topic", pgettext_lazy("object of a verb", "topic")),
    "country": ("country", pgettext_lazy("object of a verb", "country")),
    "footerpage": ("footer page", pgettext_lazy("object of a verb", "footer page")),
}


def object_name(opts) -> str:
    english, declined = OBJECT_NAMES.get(opts.model_name, ("", ""))
    if declined and str(declined) != english:
        return str(declined)
    return str(opts.verbose_name)


class DeclinedHeadingsMixin:
    """The admin's headings and "Add" buttons with the model's name in the case the
    sentence needs (Django puts the name as it is into "Change %s" and the like)."""

    def changelist_view(self, request, extra_context=None):
        name = object_name(self.opts)
        heading = (
            _("Select %s to change")
            if self.has_change_permission(request)
            else _("Select %s to view")
        )
        context = {"title": heading % name, "add_label": _("Add %s") % name}
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        name = object_name(self.opts)
        if add:
            heading = _("Add %s")
        elif self.has_change_permission(request, obj):
            heading = _("Change %s")
        else:
            heading = _("View %s")
        context["title"] = heading % name
        return super().render_change_form(request, context, add, change, form_url, obj)


class TranslationAdmin(DeclinedHeadingsMixin, ModeltranslationAdmin):
    """Translated fields that carry their language and writing direction (ar: rtl), and
    one language switch for the whole form (``language_switch.js``; its words are in
    ``base_site.html``), instead of a row of tabs for each field."""

    class Media:
        css = {"all": ["admin/css/translated_fields.css"]}
        js = ["admin/js/language_switch.js", "admin/js/prose_editor_locale.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if (
            field is not None
            and isinstance(field.widget, forms.TextInput)
            and (getattr(db_field, "max_length", None) or 0) >= 200
        ):
            # A title is read whole: wider than Django's 20-character default box.
            classes = field.widget.attrs.get("class", "").split()
            if "vWideTextField" not in classes:
                field.widget.attrs["class"] = " ".join([*classes, "vWideTextField"])
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
