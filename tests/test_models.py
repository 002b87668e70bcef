from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from speeches.languages import translating
from speeches.models import LanguageVersion, Publication, PublicationType
from speeches.publishing import services
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def versions(publication):
    return dict(publication.versions.values_list("language", "status"))


def test_publication_types_are_seeded_in_every_language():
    codes = set(PublicationType.objects.values_list("code", flat=True))
    assert {
        "speech",
        "statement",
        "interview",
        "article",
        "press_release",
        "briefing",
        "comment",
        "answer_to_media",
    } <= codes
    statement = PublicationType.objects.get(code="statement")
    assert (statement.name_ru, statement.name_ar) == ("Заявление", "بيان")


def test_a_language_version_exists_when_title_and_body_are_filled():
    publication = PublicationFactory(languages=("en", "de"), title_ru="Только заголовок")
    assert versions(publication) == {
        "en": LanguageVersion.Status.READY,
        "de": LanguageVersion.Status.READY,
        "ru": LanguageVersion.Status.IN_PROGRESS,
    }
    assert publication.public_languages() == ["en", "de"]


def test_emptying_a_language_removes_its_version():
    publication = PublicationFactory(languages=("en", "de"))
    publication.title_de = ""
    publication.body_de = ""
    services.publication_save(publication=publication)
    assert versions(publication) == {"en": LanguageVersion.Status.READY}


def test_whitespace_only_text_is_not_a_version():
    publication = PublicationFactory(languages=("en",), title_fr="   ", body_fr="<p>x</p>")
    assert versions(publication)["fr"] == LanguageVersion.Status.IN_PROGRESS


def test_drafts_and_future_items_are_not_public():
    published = PublicationFactory()
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    future = PublicationFactory(published_at=timezone.now() + timedelta(seconds=30))
    assert list(Publication.objects.public()) == [published]
    assert (published.is_public(), draft.is_public(), future.is_public()) == (True, False, False)
    assert draft.public_languages() == future.public_languages() == []


def test_available_in_needs_a_public_version_in_that_language():
    english = PublicationFactory(languages=("en",))
    both = PublicationFactory(languages=("en", "ru"))
    assert set(Publication.objects.available_in("en")) == {english, both}
    assert list(Publication.objects.available_in("ru")) == [both]
    assert list(Publication.objects.available_in("ar")) == []


def test_reference_number_is_unique_only_when_set():
    PublicationFactory(reference="")
    PublicationFactory(reference="")
    PublicationFactory(reference="2270-18-11-2019")
    with pytest.raises(ValidationError, match="reference number"):
        PublicationFactory(reference="2270-18-11-2019")


def test_the_original_language_needs_a_title():
    publication = Publication(
        type=PublicationType.objects.first(), original_language="ru", title_en="Only English"
    )
    with pytest.raises(ValidationError) as error:
        services.publication_save(publication=publication)
    assert "title_ru" in error.value.message_dict


def test_publishing_needs_the_original_language_text():
    publication = Publication(
        type=PublicationType.objects.first(),
        original_language="en",
        title_en="Title without text",
        status=Publication.Status.PUBLISHED,
    )
    with pytest.raises(ValidationError) as error:
        services.publication_save(publication=publication)
    assert "body_en" in error.value.message_dict
    assert not Publication.objects.exists()


def test_slugs_are_derived_per_language_from_the_title():
    publication = PublicationFactory(
        languages=("en", "ru", "ar"),
        title_en="Remarks at a joint meeting, Moscow",
        title_ru="Выступление на совместном заседании",
        title_ar="كلمة في الاجتماع",
    )
    assert publication.slug_en == "remarks-at-a-joint-meeting-moscow"
    assert publication.slug_ru == "выступление-на-совместном-заседании"
    assert publication.slug_ar == "كلمة-في-الاجتماع"
    assert publication.get_absolute_url("ru") == (
        f"/ru/publications/{publication.pk}/"
        "%D0%B2%D1%8B%D1%81%D1%82%D1%83%D0%BF%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5-%D0%BD%D0%B0-"
        "%D1%81%D0%BE%D0%B2%D0%BC%D0%B5%D1%81%D1%82%D0%BD%D0%BE%D0%BC-"
        "%D0%B7%D0%B0%D1%81%D0%B5%D0%B4%D0%B0%D0%BD%D0%B8%D0%B8/"
    )


def test_country_names_come_from_cldr():
    from speeches.models import Country

    country = services.country_fill_names(country=Country(code="BY"))
    assert (country.name_en, country.name_ru, country.name_de) == ("Belarus", "Беларусь", "Belarus")
    assert country.name_ar


def test_an_unknown_country_code_is_refused():
    from speeches.models import Country

    with pytest.raises(ValidationError):
        Country(code="XX").full_clean()


def test_versions_are_current_after_saving_a_prefetched_publication():
    publication = PublicationFactory(languages=("en",))
    loaded = Publication.objects.prefetch_related("versions").get(pk=publication.pk)
    assert loaded.public_languages() == ["en"]
    loaded.title_de, loaded.body_de = "Titel", "<p>Text</p>"
    services.publication_save(publication=loaded)
    assert loaded.public_languages() == ["en"]  # a new translation starts in progress
    translating.translation_mark_ready(publication=loaded, language="de", user=None)
    assert loaded.public_languages() == ["en", "de"]
