"""Which fields have one column per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from speeches.models import (
    MATERIAL_TEXT_FIELDS,
    TEXT_FIELDS,
    ChangeNote,
    Country,
    Material,
    Person,
    Publication,
    PublicationType,
    Topic,
)


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = (*TEXT_FIELDS, "slug", "plain_text", "withdrawal_explanation")
    # No fallback, ever: a reader must not get one language's text under another's URL.
    fallback_languages = {"default": ()}


@register(PublicationType)
class PublicationTypeTranslationOptions(TranslationOptions):
    fields = ("name", "plural_name")


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "position")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = MATERIAL_TEXT_FIELDS
    # A caption in another language is not a caption for this reader.
    fallback_languages = {"default": ()}


@register(ChangeNote)
class ChangeNoteTranslationOptions(TranslationOptions):
    fields = ("text",)
    fallback_languages = {"default": ()}
