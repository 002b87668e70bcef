"""A benchmark archive with the shape of a real one, written in bulk.

The shape (``data/README.md`` says where the data comes from):

- 300 persons, 120 topics (names of one to three less frequent words), the 190 countries,
  50 places, the seven publication types in a press office's proportions;
- each publication from its own random stream (the seed and its number), so the first N
  are the same whatever the total: a date from 2004 to November 2026 between 08:00 and
  21:55 Moscow time; an original in Russian, and English, German, French and Spanish
  versions present with a probability of 0.8 each (Arabic never: the gaps are real);
  a title of 8-16 words, a lead of 25-40, 6-14 paragraphs of 60-120 words (the same sizes
  in every language), sentences of 8-20 words, words drawn with their real frequencies;
  1-2 speakers, 1-3 topics, 1-2 countries and 0-4 materials (two photos in three, else a
  document) captioned in each language version.

Publications are built in memory and written with ``bulk_create``, their slugs, plain
text and language versions derived as a save derives them (``speeches.publishing``). The
photos and documents are a small pool of real files, made once through
``services.material_save`` (Pillow renditions); each corpus material is a row of its own
that shares a pooled file, as a media library shares a photo between items.

Generated items carry the reference ``CORPUS-<seed>-<number>``; ``delete_corpus`` removes
them again (taxonomies and pooled files stay, and are reused by the next run).
"""

from __future__ import annotations

import bisect
import copy
import itertools
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import reset_queries, transaction
from django.utils.text import slugify

from speeches.demo import media
from speeches.models import (
    Country,
    LanguageVersion,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    PublicationType,
    Topic,
    column,
)
from speeches.publishing import public_state, services

DATA = Path(__file__).with_name("data") / "corpus_data.json"
MOSCOW = ZoneInfo("Europe/Moscow")

ORIGINAL = "ru"
TRANSLATIONS = ("en", "de", "fr", "es")
TRANSLATION_PROBABILITY = 0.8
TYPE_WEIGHTS = {
    "speech": 30,
    "statement": 20,
    "interview": 10,
    "article": 10,
    "press_release": 15,
    "briefing": 10,
    "comment": 5,
}
FIRST_DAY, END_DAY = date(2004, 1, 1), date(2026, 11, 1)
PERSONS, TOPICS = 300, 120
POOL_PHOTOS, POOL_DOCUMENTS = 12, 4
POOL_CREDIT = "Press office benchmark corpus"  # the pooled files' own rows
ITEM_CREDIT = "Press office (benchmark corpus)"  # the items' materials
REFERENCE = "CORPUS-"
# Names of topics and persons: words below the most frequent ones (no "the", "of"...).
RARER_FROM = 1000


def reference_prefix(seed: int) -> str:
    return f"{REFERENCE}{seed}-"


@dataclass(frozen=True)
class Vocabulary:
    """One language's words, drawn with their frequencies.

    ``table`` holds each word in proportion to its frequency (2^20 slots, so the rarest
    of the 5,000 still has its dozen): a draw is one random index, not a binary search.
    """

    words: tuple[str, ...]
    table: tuple[str, ...]

    SLOTS = 1 << 20

    @classmethod
    def of(cls, pairs: list[list]) -> Vocabulary:
        words = tuple(word for word, _frequency in pairs)
        cumulative = list(itertools.accumulate(frequency for _word, frequency in pairs))
        step, table = cumulative[-1] / cls.SLOTS, []
        for word, reached in zip(words, cumulative, strict=True):
            table += [word] * (round(reached / step) - len(table))
        return cls(words, tuple(table))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        table, pick, slots = self.table, rng.random, self.SLOTS
        return [table[int(pick() * slots)] for _ in range(count)]

    def rare(self, rng: random.Random) -> str:
        return rng.choice(self.words[RARER_FROM:])


def sentences(vocabulary: Vocabulary, rng: random.Random, words: int) -> str:
    """``words`` words in sentences of 8-20 words, each capitalised and closed."""
    drawn = vocabulary.draw(rng, words)
    out, start = [], 0
    while start < words:
        end = min(words, start + rng.randint(8, 20))
        sentence = " ".join(drawn[start:end])
        out.append(sentence[:1].upper() + sentence[1:] + ".")
        start = end
    return " ".join(out)


def phrase(vocabulary: Vocabulary, rng: random.Random, words: int) -> str:
    text = " ".join(vocabulary.draw(rng, words))
    return text[:1].upper() + text[1:]


@dataclass
class Item:
    """One generated publication with what is written beside it."""

    publication: Publication
    speakers: list[int]
    topics: list[int]
    countries: list[int]
    materials: list[Material]


class Corpus:
    """The corpus of ``seed``: its taxonomies, its material pool and its items."""

    def __init__(self, seed: int):
        self.seed = seed
        data = json.loads(DATA.read_text(encoding="utf-8"))
        self.data = data
        self.vocabulary = {code: Vocabulary.of(pairs) for code, pairs in data["words"].items()}

    # Taxonomies and the pool, made once (and found again by the next run)

    @cached_property
    def types(self) -> tuple[list[int], list[int]]:
        """Publication type ids and their cumulative weights."""
        by_code = dict(PublicationType.objects.values_list("code", "pk"))
        missing = set(TYPE_WEIGHTS) - set(by_code)
        if missing:
            raise LookupError(f"Publication types missing: {sorted(missing)}")
        return (
            [by_code[code] for code in TYPE_WEIGHTS],
            list(itertools.accumulate(TYPE_WEIGHTS.values())),
        )

    @cached_property
    def persons(self) -> list[int]:
        return self._taxonomy(Person, PERSONS, self._person)

    @cached_property
    def topics(self) -> list[int]:
        return self._taxonomy(Topic, TOPICS, self._topic)

    @cached_property
    def countries(self) -> list[int]:
        existing = dict(Country.objects.values_list("code", "pk"))
        made = []
        for code in self.data["country_codes"]:
            if code not in existing:
                made.append(services.country_fill_names(country=Country(code=code)))
        Country.objects.bulk_create(made)
        return list(
            Country.objects.filter(code__in=self.data["country_codes"]).values_list("pk", flat=True)
        )

    def _taxonomy(self, model, count: int, make: Callable[[int], object]) -> list[int]:
        """The corpus's ``count`` rows of ``model``, made on the first run only (each is
        recognised by its English name, which its number makes unique)."""
        wanted = [make(number) for number in range(count)]
        names = [row.name_en for row in wanted]
        existing = dict(model.objects.filter(name_en__in=names).values_list("name_en", "pk"))
        model.objects.bulk_create(row for row in wanted if row.name_en not in existing)
        found = dict(model.objects.filter(name_en__in=names).values_list("name_en", "pk"))
        return [found[name] for name in names]

    def _stream(self, kind: str, number: int) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{number}")

    def _person(self, number: int) -> Person:
        rng = self._stream("person", number)
        person = Person()
        for code, vocabulary in self.vocabulary.items():
            local = random.Random(rng.random())
            first, last = vocabulary.rare(local).title(), vocabulary.rare(local).title()
            name = f"{first} {last}"
            if code == "en":
                name = f"{name} {number + 1}"  # unique, and recognisable on the next run
            setattr(person, column("name", code), name)
            setattr(person, column("position", code), phrase(vocabulary, local, 3))
        return person

    def _topic(self, number: int) -> Topic:
        rng = self._stream("topic", number)
        words = rng.randint(1, 3)
        topic = Topic()
        for code, vocabulary in self.vocabulary.items():
            local = random.Random(rng.random())
            name = " ".join(vocabulary.rare(local) for _ in range(words))
            name = name[:1].upper() + name[1:]
            if code == "en":
                name = f"{name} {number + 1}"
            setattr(topic, column("name", code), name)
        topic.slug = f"corpus-{number + 1}-{slugify(topic.name_en)}"[:100].strip("-")
        return topic

    @cached_property
    def pool(self) -> dict[str, list[Material]]:
        """A few real photos and documents, stored and rendered once, shared by the
        corpus's materials."""
        pool = {
            kind: list(Material.objects.filter(credit=POOL_CREDIT, kind=kind).order_by("pk"))
            for kind in (Material.Kind.PHOTO, Material.Kind.DOCUMENT)
        }
        scenes = list(media.PAINTERS)
        for number in range(len(pool[Material.Kind.PHOTO]), POOL_PHOTOS):
            photo = media.photo_jpeg(1000 + number, scene=scenes[number % len(scenes)])
            material = Material(kind=Material.Kind.PHOTO, credit=POOL_CREDIT)
            material.file = ContentFile(photo, name=f"corpus-{number + 1}.jpg")
            pool[Material.Kind.PHOTO].append(services.material_save(material=material))
        for number in range(len(pool[Material.Kind.DOCUMENT]), POOL_DOCUMENTS):
            lines = [f"Press office benchmark document {number + 1}", "Generated text."]
            document = media.pdf_document(lines)
            material = Material(kind=Material.Kind.DOCUMENT, credit=POOL_CREDIT)
            material.file = ContentFile(document, name=f"corpus-{number + 1}.pdf")
            pool[Material.Kind.DOCUMENT].append(services.material_save(material=material))
        return pool

    @cached_property
    def _blank_publication(self) -> Publication:
        return Publication(status=Publication.Status.PUBLISHED, original_language=ORIGINAL)

    @cached_property
    def _blank_material(self) -> Material:
        return Material(credit=ITEM_CREDIT)

    def prepare(self) -> None:
        """Make (or find) the taxonomies and the pool before the items."""
        for part in ("types", "persons", "topics", "countries", "pool"):
            getattr(self, part)

    # Items

    def existing(self) -> int:
        """How many of this corpus's items the database holds (the first N, by number)."""
        return Publication.objects.filter(reference__startswith=reference_prefix(self.seed)).count()

    def item(self, number: int) -> Item:
        """Publication ``number`` of the corpus: the same for any corpus size."""
        rng = self._stream("publication", number)
        type_ids, weights = self.types
        day = FIRST_DAY + timedelta(days=rng.randrange((END_DAY - FIRST_DAY).days))
        minutes = 8 * 60 + 5 * rng.randrange(168)  # 08:00 to 21:55
        publication = copy.copy(self._blank_publication)  # a model's __init__ is slow here
        publication.type_id = type_ids[bisect.bisect(weights, rng.random() * weights[-1])]
        publication.published_at = datetime.combine(day, time(minutes // 60, minutes % 60), MOSCOW)
        publication.reference = f"{reference_prefix(self.seed)}{number + 1:06d}"
        languages = [ORIGINAL] + [
            code for code in TRANSLATIONS if rng.random() < TRANSLATION_PROBABILITY
        ]
        title_words, lead_words = rng.randint(8, 16), rng.randint(25, 40)
        paragraphs = [rng.randint(60, 120) for _ in range(rng.randint(6, 14))]
        place = rng.randrange(len(self.data["cities"][ORIGINAL]))
        captions = [rng.randint(6, 14) for _ in range(rng.randint(0, 4))]
        kinds = [
            Material.Kind.PHOTO if rng.random() < 2 / 3 else Material.Kind.DOCUMENT
            for _ in captions
        ]
        texts = {}
        for code in languages:
            vocabulary, local = self.vocabulary[code], random.Random(rng.random())
            texts[code] = (
                phrase(vocabulary, local, title_words),
                sentences(vocabulary, local, lead_words),
                [sentences(vocabulary, local, size) for size in paragraphs],
                [phrase(vocabulary, local, size) for size in captions],
            )
            title, lead, body, _captions = texts[code]
            setattr(publication, column("title", code), title)
            setattr(publication, column("lead", code), lead)
            setattr(publication, column("place", code), self.data["cities"][code][place])
            setattr(publication, column("body", code), "".join(f"<p>{p}</p>" for p in body))
            # What publication_derive_text makes of these paragraphs, without parsing them.
            setattr(publication, column("plain_text", code), "\n".join(body))
        services.publication_derive_slugs(publication=publication)
        materials = []
        for index, kind in enumerate(kinds):
            shared = rng.choice(self.pool[kind])
            material = copy.copy(self._blank_material)
            material.kind, material.file = kind, shared.file.name
            material.filename, material.mime_type = shared.filename, shared.mime_type
            material.size, material.width, material.height = (
                shared.size,
                shared.width,
                shared.height,
            )
            material.renditions = shared.renditions
            for code in languages:
                caption = texts[code][3][index]
                setattr(material, column("title", code), caption)
                if kind == Material.Kind.PHOTO:
                    setattr(material, column("alt_text", code), caption)
            materials.append(material)
        return Item(
            publication=publication,
            speakers=rng.sample(self.persons, rng.randint(1, 2)),
            topics=rng.sample(self.topics, rng.randint(1, 3)),
            countries=rng.sample(self.countries, rng.randint(1, 2)),
            materials=materials,
        )

    def items(self, start: int, stop: int) -> Iterator[Item]:
        for number in range(start, stop):
            yield self.item(number)


def versions_of(publication: Publication) -> list[LanguageVersion]:
    """The language versions a save gives these texts: the original and the translations
    ready, from the original as it is (``services.publication_sync_versions``)."""
    source = services.publication_source(publication=publication)
    fingerprint = services.source_fingerprint(source)
    return [
        LanguageVersion(
            publication=publication,
            language=code,
            status=LanguageVersion.Status.READY,
            source_fingerprint=fingerprint,
        )
        for code in (ORIGINAL, *TRANSLATIONS)
        if publication.title_in(code)
    ]


@transaction.atomic
def write(items: list[Item]) -> None:
    """One batch of items and everything beside them, in bulk and in one transaction."""
    publications = Publication.objects.bulk_create([item.publication for item in items])
    LanguageVersion.objects.bulk_create(
        version for publication in publications for version in versions_of(publication)
    )
    relations = (
        (Publication.speakers.through, "person_id", "speakers"),
        (Publication.topics.through, "topic_id", "topics"),
        (Publication.countries.through, "country_id", "countries"),
    )
    for through, key, attribute in relations:
        through.objects.bulk_create(
            through(publication_id=item.publication.pk, **{key: pk})
            for item in items
            for pk in getattr(item, attribute)
        )
    Material.objects.bulk_create(material for item in items for material in item.materials)
    PublicationMaterial.objects.bulk_create(
        PublicationMaterial(publication=item.publication, material=material, position=position)
        for item in items
        for position, material in enumerate(item.materials)
    )
    public_state.changed()  # bulk writes send no signals


def generate(
    corpus: Corpus,
    count: int,
    *,
    batch: int = 500,
    progress: Callable[[int], None] = lambda done: None,
) -> int:
    """Add items to the corpus until it holds ``count``; how many were added. Each batch
    is written in one transaction, so an interrupted run keeps whole batches and the next
    run tops up from there."""
    corpus.prepare()
    start = corpus.existing()
    for first in range(start, count, batch):
        items = list(corpus.items(first, min(first + batch, count)))
        write(items)
        reset_queries()  # with DEBUG on, Django would keep every batch's SQL
        progress(len(items))
    return max(0, count - start)


def delete_corpus() -> int:
    """Remove every generated item and the materials made for them (the taxonomies and
    the pool stay for the next run); how many publications were removed."""
    generated = Publication.objects.filter(reference__startswith=REFERENCE)
    count = generated.count()
    with transaction.atomic():
        generated.delete()
        Material.objects.filter(credit=ITEM_CREDIT).delete()
    return count
