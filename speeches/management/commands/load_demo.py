"""Load the demo archive: the captured speech, 30+ publications, taxonomies, demo accounts.

The content is read from the data files in ``speeches/demo/data/`` (``speeches.demo.dataset``).

Publications created by a run also get their additional materials: photos, a PDF, a
recording and an external link, generated in code (``speeches.demo.media``) and stored
through ``services.material_save`` like any upload. What already exists is left alone,
so a second run adds no publication and no material.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from speeches.demo import dataset, media
from speeches.editorial import persons as person_services
from speeches.identity import services as identity_services
from speeches.languages import translating
from speeches.materials import renditions
from speeches.models import (
    LANGUAGE_CODES,
    TEXT_FIELDS,
    ChangeNote,
    Country,
    FooterPage,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    PublicationType,
    SiteIdentity,
    Topic,
    TranslatorLanguage,
    column,
)
from speeches.publishing import services, signals

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
TRANSLATOR_LANGUAGES = {"translator": ["de", "fr"]}

# Items that show the editorial workflow: not everything in a press office is public.
# (Set when an item is created; the audit log starts with the first real action.)
WORKFLOW_STATES = {
    "2245-08-12-2025": {"status": Publication.Status.IN_REVIEW},
    "1985-24-10-2025": {"status": Publication.Status.DRAFT},
    "0062-15-01-2024": {
        "status": Publication.Status.WITHDRAWN,
        "withdrawn_at": "2024-01-17T11:00",
        "withdrawal_explanation": {
            "ru": "Статья отозвана: её заменило совместное заявление министров от 17 января 2024 "
            "года.",
            "en": "This article has been withdrawn: it was superseded by the ministers' joint "
            "statement of 17 January 2024.",
        },
    },
}
# The seed speech's public update history ("Updated 19 November 2019: …").
SEED_CHANGE = (
    "2019-11-19T10:15",
    {
        "ru": "Добавлены фотографии и аудиозапись выступления.",
        "en": "Added photos and the audio recording of the speech.",
        "de": "Fotos und die Audioaufnahme der Rede hinzugefügt.",
        "fr": "Ajout des photos et de l’enregistrement audio du discours.",
        "es": "Se añadieron las fotos y la grabación de audio del discurso.",
    },
)

# Additional materials. Every file is generated in code by speeches.demo.media.
CREDIT = "Press service of the Ministry / demo"
# The seed speech: (scene, with GPS EXIF, caption per language), shown in this order.
SEED_PHOTOS = [
    (
        "meeting",
        False,
        {
            "en": "Joint meeting of the collegiums of the foreign ministries of Russia and "
            "Belarus (demo photo)",
            "ru": "Совместное заседание коллегий МИД России и МИД Белоруссии "
            "(демонстрационное фото)",
            "de": "Gemeinsame Sitzung der Kollegien der Außenministerien Russlands und "
            "Belarus’ (Demofoto)",
            "fr": "Réunion conjointe des collèges des ministères des Affaires étrangères de "
            "Russie et du Bélarus (photo de démonstration)",
            "es": "Reunión conjunta de los colegios de los ministerios de Asuntos Exteriores "
            "de Rusia y Belarús (foto de demostración)",
        },
    ),
    (
        "building",
        True,  # as a phone would take it: the GPS position must not reach readers
        {
            "en": "The Foreign Ministry building in Moscow before the meeting (demo photo)",
            "ru": "Здание МИД России в Москве перед заседанием (демонстрационное фото)",
            "de": "Das Gebäude des Außenministeriums in Moskau vor der Sitzung (Demofoto)",
            "fr": "Le bâtiment du ministère des Affaires étrangères à Moscou avant la réunion "
            "(photo de démonstration)",
            "es": "El edificio del Ministerio de Asuntos Exteriores en Moscú antes de la "
            "reunión (foto de demostración)",
        },
    ),
    (
        "meeting",
        False,
        {
            "en": "Sergey Lavrov opens the meeting (demo photo)",
            "ru": "С.В.Лавров открывает заседание (демонстрационное фото)",
            "de": "Sergej Lawrow eröffnet die Sitzung (Demofoto)",
            "fr": "Sergueï Lavrov ouvre la réunion (photo de démonstration)",
            "es": "Serguéi Lavrov abre la reunión (foto de demostración)",
        },
    ),
    (
        "landscape",
        False,
        {
            "en": "The road between Moscow and Minsk (demo photo)",
            "ru": "Дорога между Москвой и Минском (демонстрационное фото)",
            "de": "Die Straße zwischen Moskau und Minsk (Demofoto)",
            "fr": "La route entre Moscou et Minsk (photo de démonstration)",
            "es": "La carretera entre Moscú y Minsk (foto de demostración)",
        },
    ),
    (
        "meeting",
        False,
        {
            "en": "The delegations after the meeting (demo photo)",
            "ru": "Делегации после заседания (демонстрационное фото)",
            "de": "Die Delegationen nach der Sitzung (Demofoto)",
            "fr": "Les délégations après la réunion (photo de démonstration)",
            "es": "Las delegaciones después de la reunión (foto de demostración)",
        },
    ),
]
SEED_DOCUMENT = {
    "en": "Joint statement of the collegiums (demo document)",
    "ru": "Совместное заявление коллегий (демонстрационный документ)",
    "de": "Gemeinsame Erklärung der Kollegien (Demodokument)",
    "fr": "Déclaration commune des collèges (document de démonstration)",
    "es": "Declaración conjunta de los colegios (documento de demostración)",
}
SEED_DOCUMENT_LINES = [
    "Joint statement — demo document",
    "",
    "Joint meeting of the collegiums of the foreign ministries of Russia and Belarus,",
    "Moscow, 18 November 2019.",
    "",
    "This one-page PDF was generated by the Press Office demo loader;",
    "it stands in for the document published with the speech.",
]
SEED_RECORDING = {
    "en": "Sergey Lavrov’s opening remarks (demo recording: two seconds of silence)",
    "ru": "Вступительное слово С.В.Лаврова (демонстрационная запись: две секунды тишины)",
    "de": "Eröffnungsworte von Sergej Lawrow (Demoaufnahme: zwei Sekunden Stille)",
    "fr": "Allocution d’ouverture de Sergueï Lavrov (enregistrement de démonstration : "
    "deux secondes de silence)",
    "es": "Palabras de apertura de Serguéi Lavrov (grabación de demostración: dos segundos "
    "de silencio)",
}
SEED_VIDEO_URL = "https://video.example.org/watch?v=demo"
SEED_VIDEO = {
    "en": "Video of the joint meeting (external demo link)",
    "ru": "Видеозапись совместного заседания (внешняя демонстрационная ссылка)",
    "de": "Video der gemeinsamen Sitzung (externer Demolink)",
    "fr": "Vidéo de la réunion conjointe (lien externe de démonstration)",
    "es": "Vídeo de la reunión conjunta (enlace externo de demostración)",
}
# Other publications: captions and alternative text made from these, per language.
PHOTO_CAPTION = {
    "en": "Demo photo {n} for this publication",
    "ru": "Демонстрационное фото {n} к этой публикации",
    "de": "Demofoto {n} zu dieser Veröffentlichung",
    "fr": "Photo de démonstration {n} pour cette publication",
    "es": "Foto de demostración {n} de esta publicación",
    "ar": "الصورة التوضيحية {n} لهذا المنشور",
}
ALT_TEXT = {
    "en": "Generated demo picture labelled “Demo photo {n}”: {scene}.",
    "ru": "Сгенерированная демонстрационная картинка с надписью «Demo photo {n}»: {scene}.",
    "de": "Generiertes Demobild mit der Aufschrift „Demo photo {n}“: {scene}.",
    "fr": "Image de démonstration générée, légendée « Demo photo {n} » : {scene}.",
    "es": "Imagen de demostración generada con el rótulo «Demo photo {n}»: {scene}.",
    "ar": "صورة توضيحية مولّدة عليها عبارة «Demo photo {n}»: {scene}.",
}
SCENE_DESCRIPTIONS = {
    "landscape": {
        "en": "green hills and a path under a blue sky with a yellow sun",
        "ru": "зелёные холмы и дорога под голубым небом с жёлтым солнцем",
        "de": "grüne Hügel und ein Weg unter blauem Himmel mit gelber Sonne",
        "fr": "des collines vertes et un chemin sous un ciel bleu avec un soleil jaune",
        "es": "colinas verdes y un camino bajo un cielo azul con un sol amarillo",
        "ar": "تلال خضراء وطريق تحت سماء زرقاء وشمس صفراء",
    },
    "meeting": {
        "en": "a long conference table with a row of chairs and two flags on poles",
        "ru": "длинный стол для переговоров, ряд стульев и два флага на флагштоках",
        "de": "ein langer Konferenztisch mit einer Stuhlreihe und zwei Flaggen an Masten",
        "fr": "une longue table de conférence, une rangée de chaises et deux drapeaux",
        "es": "una larga mesa de conferencias con una fila de sillas y dos banderas",
        "ar": "طاولة اجتماعات طويلة وصف من الكراسي وعلمان على ساريتين",
    },
    "building": {
        "en": "a classical building with columns and steps against an evening sky",
        "ru": "классическое здание с колоннами и ступенями на фоне вечернего неба",
        "de": "ein klassizistisches Gebäude mit Säulen und Treppe vor einem Abendhimmel",
        "fr": "un bâtiment classique à colonnes et à marches sur un ciel du soir",
        "es": "un edificio clásico con columnas y escalinata ante un cielo de atardecer",
        "ar": "مبنى كلاسيكي بأعمدة ودرجات أمام سماء المساء",
    },
}
ILLUSTRATED = 12  # how many other publications get photos (1 to 3 each)
# Smaller than the seed's photos: rendering is most of the loader's time.
OTHER_PHOTO_SIZE = (1200, 800)


def photo_plan() -> dict[str, list[int]]:
    """Which demo photo numbers each illustrated publication gets, by reference.

    Fixed by the content, not by what a run creates, so a photo's number never changes:
    the seed has 1-5, the first ``ILLUSTRATED`` publications that have a version in their
    original language get the next ones, one to three each.
    """
    plan, number = {}, len(SEED_PHOTOS)
    items = [i for i in dataset.publications() if i["original_language"] in i["versions"]]
    for index, item in enumerate(items[:ILLUSTRATED]):
        count = 1 + index % 3
        plan[item["reference"]] = list(range(number + 1, number + 1 + count))
        number += count
    return plan


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
        self.stored: list[Material] = []
        self.stored_files = []  # the emblem's and portraits' files written by this run
        try:
            # The demo's archive is no news: nobody is emailed about its items.
            with signals.silenced(), transaction.atomic():
                created = self.load_content()
                if not no_accounts:
                    self.load_accounts(password)
        except BaseException:
            # The rows are rolled back; the files they pointed to must go too.
            self.discard_stored_files()
            raise
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {created} publications created, "
                f"{Publication.objects.count()} in the archive; "
                f"{len(self.stored)} materials added."
            )
        )
        if not no_accounts:
            self.stdout.write("Demo accounts (log in at /admin/):")
            for username, group, _superuser in ACCOUNTS:
                role = group or "administrator"
                self.stdout.write(f"  {username:<11} password: {password}   ({role})")

    def load_content(self) -> int:
        self.identity()
        self.footer_pages()
        persons = {item["key"]: self.person(item) for item in dataset.persons()}
        topics = {item["key"]: self.topic(item) for item in dataset.topics()}
        countries = {code: self.country(code) for code in self.country_codes()}
        types = {t.code: t for t in PublicationType.objects.all()}
        items = [dataset.seed_speech(), *dataset.publications()]
        plan = photo_plan()
        created = 0
        for item in items:
            if Publication.objects.filter(reference=item["reference"]).exists():
                continue
            publication = self.publication(item, types, persons, topics, countries)
            self.attach(publication, self.materials_for(item, plan))
            if item["reference"] == dataset.seed_speech()["reference"]:
                changed_at, notes = SEED_CHANGE
                ChangeNote.objects.create(
                    publication=publication,
                    changed_at=self.local(changed_at),
                    **self.translated("text", notes),
                )
            created += 1
        return created

    def country_codes(self) -> list[str]:
        codes = list(dataset.countries())
        for item in [dataset.seed_speech(), *dataset.publications()]:
            codes += [c for c in item["countries"] if c not in codes]
        return codes

    @staticmethod
    def local(moment: str) -> datetime:
        return datetime.fromisoformat(moment).replace(tzinfo=DEMO_TIME_ZONE)

    @staticmethod
    def translated(field: str, values: dict[str, str]) -> dict[str, str]:
        return {column(field, language): value for language, value in values.items()}

    def identity(self) -> None:
        """The demo ministry's name, emblem, colours and contacts, unless set already."""
        if SiteIdentity.objects.exists():
            return
        data = dataset.identity()
        identity = SiteIdentity(
            primary_colour=data["primary_colour"],
            secondary_colour=data["secondary_colour"],
            phone=data["phone"],
            email=data["email"],
            emblem=ContentFile(media.emblem_png(), name="demo-emblem.png"),
            **{
                column(field, language): value
                for field in ("name", "short_name", "address", "hours")
                for language, value in data[field].items()
            },
        )
        identity_services.identity_save(identity=identity, user=None)
        self.stored_files.append(identity.emblem)

    def footer_pages(self) -> None:
        """The footer's pages that do not exist yet."""
        for item in dataset.footer_pages():
            if FooterPage.objects.filter(kind=item["kind"]).exists():
                continue
            page = FooterPage(
                kind=item["kind"],
                **self.translated("title", item["title"]),
                **self.translated("content", item["content"]),
            )
            identity_services.footer_page_save(page=page, user=None)

    def person(self, item: dict) -> Person:
        """A demo person, with the demo's biography and generated portrait; an existing
        one gets them only while it has neither (edits made since are left alone)."""
        extras = item.get("biography") or item.get("portrait")
        person = Person.objects.filter(name_en=item["name"]["en"]).first()
        if person is None:
            person = Person(
                **self.translated("name", item["name"]),
                **self.translated("position", item.get("position", {})),
            )
        elif (
            not extras
            or person.photo
            or any(getattr(person, column("biography", code)) for code in LANGUAGE_CODES)
        ):
            return person
        for language, text in item.get("biography", {}).items():
            setattr(person, column("biography", language), text)
        if item.get("portrait"):
            person.photo = ContentFile(
                media.portrait_jpeg(item["name"]["en"]), name=f"{item['key']}.jpg"
            )
            person.photo_credit = CREDIT
        person_services.person_save(person=person, user=None)
        if person.photo:
            self.stored_files.append(person.photo)
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
            published_at=self.local(item["published_at"]),
            original_language=item["original_language"],
            delivery=item.get("delivery", ""),
            status=Publication.Status.PUBLISHED,
        )
        if state := WORKFLOW_STATES.get(item["reference"]):
            publication.status = state["status"]
            if publication.status == Publication.Status.IN_REVIEW:
                # Submitted as it is loaded: reviewers see what changed since then.
                publication.submitted_at = timezone.now().replace(microsecond=0)
            if "withdrawn_at" in state:
                publication.withdrawn_at = self.local(state["withdrawn_at"])
            for language, text in state.get("withdrawal_explanation", {}).items():
                setattr(publication, column("withdrawal_explanation", language), text)
        for language, version in item["versions"].items():
            for field in TEXT_FIELDS:
                setattr(publication, column(field, language), version.get(field, ""))
        # One revision, taken once the taxonomy is set: restoring it keeps the taxonomy.
        with reversion.create_revision():
            services.publication_save(publication=publication)
            publication.speakers.set([persons[key] for key in item["speakers"]])
            publication.topics.set([topics[key] for key in item["topics"]])
            publication.countries.set([countries[code] for code in item["countries"]])
        for language in item["versions"]:
            if language != publication.original_language:  # the demo's are finished
                translating.translation_mark_ready(
                    publication=publication, language=language, user=None
                )
        return publication

    def materials_for(self, item: dict, plan: dict[str, list[int]]) -> list[Material]:
        """The unsaved materials of a publication being created, in their order."""
        languages = list(item["versions"])
        if item["reference"] == dataset.seed_speech()["reference"]:
            return self.seed_materials(languages)
        return [
            self.photo(
                number,
                media.SCENES[number % len(media.SCENES)],
                {code: PHOTO_CAPTION[code].format(n=number) for code in languages},
                languages,
                size=OTHER_PHOTO_SIZE,
            )
            for number in plan.get(item["reference"], [])
        ]

    def seed_materials(self, languages: list[str]) -> list[Material]:
        def only(values: dict[str, str]) -> dict[str, str]:
            return {code: text for code, text in values.items() if code in languages}

        photos = [
            self.photo(number, scene, only(captions), languages, gps=gps)
            for number, (scene, gps, captions) in enumerate(SEED_PHOTOS, start=1)
        ]
        document = Material(
            kind=Material.Kind.DOCUMENT,
            language="ru",
            credit=CREDIT,
            file=ContentFile(
                media.pdf_document(SEED_DOCUMENT_LINES, title=SEED_DOCUMENT["en"]),
                name="joint-statement-demo.pdf",
            ),
            **self.translated("title", only(SEED_DOCUMENT)),
        )
        recording = Material(
            kind=Material.Kind.AUDIO,
            language="ru",
            credit=CREDIT,
            file=ContentFile(
                media.mp3_silence(2.0, title=SEED_RECORDING["en"], artist=CREDIT),
                name="opening-remarks-demo.mp3",
            ),
            **self.translated("title", only(SEED_RECORDING)),
        )
        video = Material(
            kind=Material.Kind.LINK,
            url=SEED_VIDEO_URL,
            **self.translated("title", only(SEED_VIDEO)),
        )
        return [*photos, document, recording, video]

    def photo(
        self,
        number: int,
        scene: str,
        captions: dict,
        languages: list[str],
        *,
        gps: bool = False,
        size: tuple[int, int] = (media.PHOTO_WIDTH, media.PHOTO_HEIGHT),
    ) -> Material:
        """A photo labelled "Demo photo ``number``", alternative text in ``languages``."""
        alt_texts = {
            code: ALT_TEXT[code].format(n=number, scene=SCENE_DESCRIPTIONS[scene][code])
            for code in languages
            if code in ALT_TEXT
        }
        return Material(
            kind=Material.Kind.PHOTO,
            credit=CREDIT,
            file=ContentFile(
                media.photo_jpeg(number, scene=scene, width=size[0], height=size[1], gps=gps),
                name=f"demo-photo-{number}.jpg",
            ),
            **self.translated("title", captions),
            **self.translated("alt_text", alt_texts),
        )

    def attach(self, publication: Publication, materials: list[Material]) -> None:
        for position, material in enumerate(materials):
            services.material_save(material=material)
            self.stored.append(material)
            PublicationMaterial.objects.create(
                publication=publication, material=material, position=position
            )

    def discard_stored_files(self) -> None:
        for field_file in self.stored_files:
            field_file.storage.delete(field_file.name)
        for material in self.stored:
            renditions.delete_renditions(material.renditions)
            if material.file:
                material.file.storage.delete(material.file.name)

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
            for language in TRANSLATOR_LANGUAGES.get(username, []):
                TranslatorLanguage.objects.get_or_create(user=user, language=language)
        # The demo's unfinished work is the author's: they are told when a publisher sends
        # it back or publishes it, and the reviewer is someone else (the two-person rule).
        editor = User.objects.get(username="editor")
        unfinished = Publication.objects.filter(
            status__in=[Publication.Status.DRAFT, Publication.Status.IN_REVIEW], created_by=None
        )
        unfinished.update(created_by=editor)
        Publication.objects.filter(status=Publication.Status.IN_REVIEW, submitted_by=None).update(
            submitted_by=editor
        )
