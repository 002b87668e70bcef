"""Which fields have one column per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from speeches.models import (
    MATERIAL_TEXT_FIELDS,
    TEXT_FIELDS,
    ChangeNote,
    Country,
    FooterPage,
    Material,
    Person,
    Publication,
    PublicationType,
    SiteIdentity,
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
    # A biography is read in the page's language only (models.in_language): an
    # untranslated one is left out, never shown in another language.
    fields = ("name", "position", "biography")


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


@register(SiteIdentity)
class SiteIdentityTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "address", "hours")
    # The public site chooses each text's language itself and marks one in another
    # language with its lang attribute (speeches.public.identity).
    fallback_languages = {"default": ()}


@register(FooterPage)
class FooterPageTranslationOptions(TranslationOptions):
    fields = ("title", "content")
    fallback_languages = {"default": ()}
