"""factory_boy factories. Publications are saved through the service, like every write path."""

from datetime import timedelta

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from speeches.languages import translating
from speeches.mailing import subscribing
from speeches.models import (
    Country,
    Delivery,
    Dispatch,
    Person,
    Publication,
    PublicationType,
    Subscriber,
    Topic,
    TranslatorLanguage,
)
from speeches.publishing import services, workflow


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """``UserFactory(groups=["Publishers"])``: the roles' groups come from migrations."""
        if create and extracted:
            self.groups.add(*(role_group(name) for name in extracted))


# The role groups' permissions as the migrations left them (filled once per test session
# by conftest): transactional tests flush the groups that data migrations created.
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {}


def role_group(name: str) -> Group:
    """The group of a role (Editors, Publishers…), made again as migrated if flushed."""
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.create(name=name)
        for app_label, codename in ROLE_PERMISSIONS[name]:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group


def translator_of(*languages: str, username: str = "translator"):
    """A translator (group Translators) who translates ``languages``."""
    user = UserFactory(username=username, is_staff=True, groups=["Translators"])
    for code in languages:
        TranslatorLanguage.objects.create(user=user, language=code)
    return user


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_en = factory.Sequence(lambda n: f"Person {n}")
    name_ru = factory.Sequence(lambda n: f"Персона {n}")
    position_en = "Ambassador"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    code = factory.Iterator(["BY", "DE", "FR", "IN", "CN", "BR", "ZA", "EG", "AR", "MX"])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.filter(code=kwargs["code"]).first()
        if existing:
            return existing
        country = services.country_fill_names(country=model_class(*args, **kwargs))
        country.save()
        return country


class PublicationFactory(factory.django.DjangoModelFactory):
    """A published item with the given language versions (title and body filled)."""

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    languages = ("en",)  # not a model field: which versions get a title and a body
    # get_or_create: transactional (live server) tests flush the rows migrations seed.
    type = factory.LazyFunction(
        lambda: PublicationType.objects.get_or_create(
            code="speech", defaults={"name_en": "Speech", "plural_name_en": "Speeches"}
        )[0]
    )
    status = Publication.Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(days=n + 1))
    original_language = factory.LazyAttribute(lambda o: o.languages[0])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        languages = kwargs.pop("languages")
        publication = model_class(*args, **kwargs)
        number = Publication.objects.count() + 1
        for code in languages:
            if not publication.title_in(code):
                setattr(publication, f"title_{code}", f"Publication {number} [{code}]")
            if not getattr(publication, f"body_{code}"):
                setattr(
                    publication, f"body_{code}", f"<p>Text of publication {number} in {code}.</p>"
                )
        services.publication_save(publication=publication)
        # The listed translations are finished: marked ready, as a translator would.
        for code in languages:
            if code != publication.original_language:
                translating.translation_mark_ready(
                    publication=publication, language=code, user=None
                )
        return publication

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


# The editorial workflow's states, reached the way people reach them.

FUTURE = timedelta(days=3)


def publication_in_state(state: str, *, author=None, publisher=None, **fields) -> Publication:
    """A publication in ``state`` (draft, in_review, scheduled, published, withdrawn,
    unpublished), taken there through the workflow services.

    An author submits it and a publisher (another person) publishes it, so whatever is
    tested next starts from an item with a real history.
    """
    author = author or UserFactory(username="author", is_staff=True, groups=["Editors"])
    publisher = publisher or UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
    if state == "scheduled":
        fields.setdefault("published_at", timezone.now() + FUTURE)
    publication = PublicationFactory(status=Publication.Status.DRAFT, **fields)
    if state == "draft":
        return publication
    workflow.publication_submit(publication=publication, user=author)
    if state == "in_review":
        return publication
    workflow.publication_publish(publication=publication, user=publisher)
    if state in ("scheduled", "published"):
        return publication
    if state == "withdrawn":
        return workflow.publication_withdraw(
            publication=publication,
            user=publisher,
            explanation="The figures in this text were wrong.",
        )
    if state == "unpublished":
        return workflow.publication_unpublish(
            publication=publication, user=publisher, reason="Published by mistake."
        )
    raise ValueError(f"Unknown state: {state}")


ALL_LANGUAGES = ("en", "ru", "de", "fr", "es", "ar")


def rich_publications_like(first: Publication, count: int) -> list[Publication]:
    """``count`` more rich publications that also carry ``first``'s speakers, topics and
    countries: the pages and feeds filtered by them grow too."""
    publications = rich_publications(count)
    for publication in publications:
        publication.speakers.add(*first.speakers.all())
        publication.topics.add(*first.topics.all())
        publication.countries.add(*first.countries.all())
    return publications


def rich_publications(count: int) -> list[Publication]:
    """Publications with many speakers, topics, countries and every language version."""
    speakers = [PersonFactory() for _ in range(count)]
    topics = [TopicFactory() for _ in range(count)]
    countries = [CountryFactory() for _ in range(min(count, 10))]
    return [
        PublicationFactory(
            languages=ALL_LANGUAGES, speakers=speakers, topics=topics, countries=countries
        )
        for _ in range(count)
    ]


# Readers' email: addresses signed up as readers sign up, and sendings as the worker
# leaves them.


def subscriber_following(
    email: str,
    *choices: subscribing.Choice,
    language: str = "en",
    confirmed: bool = True,
    stopped: bool = False,
) -> Subscriber:
    """An address following ``choices`` (everything, as soon as published, when none),
    signed up and confirmed through the services; ``stopped``: it bounced until delivery
    to it stopped."""
    for choice in choices or (subscribing.Choice(),):
        subscriber, _sent = subscribing.subscribe(email=email, language=language, choice=choice)
    if confirmed:
        subscribing.confirm(subscribing.confirmation_token(subscriber))
    if stopped:
        for _bounce in range(settings.MAIL_BOUNCE_LIMIT):
            subscribing.record_bounce(email=email)
    subscriber.refresh_from_db()
    return subscriber


def sending_left(
    publication: Publication,
    *,
    language: str = "en",
    status: str = Dispatch.Status.SENT,
    error: str = "",
    **deliveries: list[Subscriber],
) -> Dispatch:
    """A sending of ``publication`` as a worker left it: a delivery per subscriber in the
    status it is listed under (``sent=[…], failed=[…], unconfirmed=[…]``), the counters to
    match, ``error`` its last error."""
    now = timezone.now()
    dispatch = Dispatch.objects.create(
        kind=Dispatch.Kind.INSTANT,
        publication=publication,
        language=language,
        send_at=now - timedelta(minutes=5),
        status=status,
        planned=True,
        started_at=now - timedelta(minutes=5),
        finished_at=None if status in (Dispatch.Status.SCHEDULED, Dispatch.Status.SENDING) else now,
        recipients=sum(len(subscribers) for subscribers in deliveries.values()),
        sent=len(deliveries.get("sent", [])),
        failed=len(deliveries.get("failed", [])),
        unconfirmed=len(deliveries.get("unconfirmed", [])),
        attempts=len(settings.MAIL_RETRY_MINUTES) + 1 if status == Dispatch.Status.FAILED else 0,
        last_error=error,
    )
    Delivery.objects.bulk_create(
        Delivery(
            dispatch=dispatch,
            subscriber=subscriber,
            status=delivery_status,
            attempts=0 if delivery_status == Delivery.Status.QUEUED else 1,
            error="550 5.1.1 No such mailbox" if delivery_status == Delivery.Status.FAILED else "",
            sent_at=now if delivery_status == Delivery.Status.SENT else None,
        )
        for delivery_status, subscribers in deliveries.items()
        for subscriber in subscribers
    )
    return dispatch
