"""Load the demo archive: the captured speech, 30+ publications, taxonomies, demo accounts."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from speeches import services
from speeches.demo import content, seed_speech
from speeches.models import Country, Person, Publication, PublicationType, Topic

# The demo data is written in the ministry's local time.
DEMO_TIME_ZONE = ZoneInfo("Europe/Moscow")
DEFAULT_PASSWORD = "press-office-demo"

ACCOUNTS = [
    # username, group, superuser
    ("admin", None, True),
    ("editor", "Editors", False),
    ("publisher", "Publishers", False),
    ("translator", "Translators", False),
]


class Command(BaseCommand):
    help = (
        "Load demo content (idempotent: what exists is left as it is, edits included) "
        "and, with DEBUG on, demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts", action="store_true", help="Load content only, create no accounts."
        )
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help="Password for the demo accounts (default: %(default)s).",
        )

    def handle(self, *args, no_accounts: bool, password: str, **options):
        if not no_accounts and not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with DEBUG off: they have a published "
                "password. Use --no-accounts to load the content only."
            )
        with transaction.atomic():
            created = self.load_content()
            if not no_accounts:
                self.load_accounts(password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {created} publications created, "
                f"{Publication.objects.count()} in the archive."
            )
        )
        if not no_accounts:
            self.stdout.write("Demo accounts (log in at /admin/):")
            for username, group, _superuser in ACCOUNTS:
                role = group or "administrator"
                self.stdout.write(f"  {username:<11} password: {password}   ({role})")

    def load_content(self) -> int:
        persons = {item["key"]: self.person(item) for item in content.PERSONS}
        topics = {item["key"]: self.topic(item) for item in content.TOPICS}
        countries = {code: self.country(code) for code in self.country_codes()}
        types = {t.code: t for t in PublicationType.objects.all()}
        items = [self.seed_item(), *content.PUBLICATIONS]
        created = 0
        for item in items:
            if Publication.objects.filter(reference=item["reference"]).exists():
                continue
            self.publication(item, types, persons, topics, countries)
            created += 1
        return created

    def country_codes(self) -> list[str]:
        codes = list(content.COUNTRIES)
        for item in [self.seed_item(), *content.PUBLICATIONS]:
            codes += [c for c in item["countries"] if c not in codes]
        return codes

    @staticmethod
    def seed_item() -> dict:
        return {
            "reference": seed_speech.REFERENCE,
            "type": seed_speech.TYPE,
            "published_at": seed_speech.PUBLISHED_AT,
            "original_language": seed_speech.ORIGINAL_LANGUAGE,
            "speakers": seed_speech.SPEAKERS,
            "topics": seed_speech.TOPICS,
            "countries": seed_speech.COUNTRIES,
            "versions": seed_speech.VERSIONS,
        }

    @staticmethod
    def translated(field: str, values: dict[str, str]) -> dict[str, str]:
        return {f"{field}_{language}": value for language, value in values.items()}

    def person(self, item: dict) -> Person:
        person = Person.objects.filter(name_en=item["name"]["en"]).first()
        if person is None:
            person = Person(
                **self.translated("name", item["name"]),
                **self.translated("position", item.get("position", {})),
            )
            person.full_clean()
            person.save()
        return person

    def topic(self, item: dict) -> Topic:
        topic = Topic.objects.filter(slug=item["key"]).first()
        if topic is None:
            topic = Topic(slug=item["key"], **self.translated("name", item["name"]))
            topic.full_clean()
            topic.save()
        return topic

    def country(self, code: str) -> Country:
        country = Country.objects.filter(code=code).first()
        if country is None:
            country = services.country_fill_names(country=Country(code=code))
            country.full_clean()
            country.save()
        return country

    def publication(self, item, types, persons, topics, countries) -> Publication:
        publication = Publication(
            reference=item["reference"],
            type=types[item["type"]],
            published_at=datetime.fromisoformat(item["published_at"]).replace(
                tzinfo=DEMO_TIME_ZONE
            ),
            original_language=item["original_language"],
            status=item.get("status", Publication.Status.PUBLISHED),
        )
        for language, version in item["versions"].items():
            for field in ("title", "lead", "place", "body"):
                setattr(publication, f"{field}_{language}", version.get(field, ""))
        services.publication_save(publication=publication)
        publication.speakers.set([persons[key] for key in item["speakers"]])
        publication.topics.set([topics[key] for key in item["topics"]])
        publication.countries.set([countries[code] for code in item["countries"]])
        return publication

    def load_accounts(self, password: str) -> None:
        User = get_user_model()
        for username, group_name, superuser in ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=f"{username}@example.org")
            user.is_staff = True
            user.is_superuser = superuser
            user.set_password(password)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
