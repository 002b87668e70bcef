"""Which fields have one column per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from speeches.models import Country, Person, Publication, PublicationType, Topic


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "place", "plain_text")
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
