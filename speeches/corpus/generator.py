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

Words are drawn with NumPy, in arrays (100,000 items hold some 400 million words).
Publications are built in memory, their slugs, plain text
and language versions derived as a save derives them (``speeches.publishing``), and
written in batches through ``bulk.insert`` (PostgreSQL's COPY). On PostgreSQL most of a
run's time is the database deriving each language's search vector, so batches are written
by one process per core, each on its own connection. The photos and documents are a small
pool of real files, made once through ``services.material_save`` (Pillow renditions);
each corpus material is a row of its own that shares a pooled file, as a media library
shares a photo between items.

Generated items carry the reference ``CORPUS-<seed>-<number>``; ``delete_corpus`` removes
them again (taxonomies and pooled files stay, and are reused by the next run).
"""

from __future__ import annotations

import bisect
import copy
import itertools
import json
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy
from django.core.files.base import ContentFile
from django.db import connection, connections, reset_queries, transaction
from django.utils.text import slugify

from speeches.corpus import bulk
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
LANGUAGES = (ORIGINAL, *TRANSLATIONS)
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
# Each random stream is named by the seed, what it makes and its number.
PERSON, TOPIC, PUBLICATION = 1, 2, 3
# A word's forms (Vocabulary.forms): capitalised, closing a sentence.
CAPITAL, CLOSED = 1, 2


def reference_prefix(seed: int) -> str:
    return f"{REFERENCE}{seed}-"


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """One language's words, drawn with their frequencies into titles and sentences.

    A text is made in a few array operations, not word by word: every word is drawn at
    once, as a random slot of ``table`` (which holds each word's number in proportion to
    its frequency, 2^20 slots, so the rarest of the 5,000 still has its dozen), and each
    is then written in one of its four ``forms`` (as it is, capitalised, closing a
    sentence, or both) by where it falls in its sentence.
    """

    words: numpy.ndarray  # of str objects, most frequent first
    table: numpy.ndarray  # word numbers, each in proportion to its frequency
    forms: numpy.ndarray  # [form, word]: word, Word, word., Word.

    SLOTS = 1 << 20

    @classmethod
    def of(cls, pairs: list[list]) -> Vocabulary:
        words = [word for word, _frequency in pairs]
        capitalised = [word[:1].upper() + word[1:] for word in words]
        cumulative = numpy.cumsum([frequency for _word, frequency in pairs], dtype=float)
        bounds = numpy.round(cumulative / cumulative[-1] * cls.SLOTS).astype(numpy.intp)
        table = numpy.repeat(
            numpy.arange(len(words), dtype=numpy.int16), numpy.diff(bounds, prepend=0)
        )
        return cls(
            words=numpy.array(words, dtype=object),
            table=table,
            forms=numpy.array(
                [words, capitalised, [f"{w}." for w in words], [f"{w}." for w in capitalised]],
                dtype=object,
            ),
        )

    def rare(self, rng: numpy.random.Generator) -> str:
        return self.words[rng.integers(RARER_FROM, len(self.words))]

    def texts(
        self, rng: numpy.random.Generator, phrases: list[int], prose: list[int]
    ) -> tuple[list[str], list[str]]:
        """Phrases (titles, captions) and texts in sentences (leads, paragraphs) of the
        given numbers of words, each word drawn with its frequency. A phrase starts with a
        capital; a text is sentences of 8-20 words, each capitalised and closed, the last
        one cut at the text's end."""
        sizes = numpy.array([*phrases, *prose], dtype=numpy.intp)
        ends = numpy.cumsum(sizes)
        starts = ends - sizes
        picks = self.table[(rng.random(int(ends[-1])) * self.SLOTS).astype(numpy.intp)]
        form = numpy.zeros(len(picks), dtype=numpy.intp)
        form[starts] = CAPITAL
        texts = slice(len(phrases), None)
        form[ends[texts] - 1] |= CLOSED
        # Each text's sentences: a run of 8-20-word lengths added up from its start
        # (more than enough of them: size // 8 + 1), the ends that fall inside it kept.
        counts = sizes[texts] // 8 + 1
        lengths = 8 + (rng.random(int(counts.sum())) * 13).astype(numpy.intp)
        added = numpy.cumsum(lengths)
        firsts = numpy.cumsum(counts) - counts
        stops = (
            numpy.repeat(starts[texts], counts)
            + added
            - numpy.repeat(added[firsts] - lengths[firsts], counts)
        )
        stops = stops[stops < numpy.repeat(ends[texts], counts)]
        form[stops - 1] |= CLOSED
        form[stops] |= CAPITAL
        words = self.forms[form, picks].tolist()
        out = [" ".join(words[a:b]) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        return out[: len(phrases)], out[len(phrases) :]


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

    def _stream(self, *name: int) -> numpy.random.Generator:
        return numpy.random.default_rng([self.seed, *name])

    def _person(self, number: int) -> Person:
        person = Person()
        for index, (code, vocabulary) in enumerate(self.vocabulary.items()):
            rng = self._stream(PERSON, number, index)
            name = f"{vocabulary.rare(rng).title()} {vocabulary.rare(rng).title()}"
            if code == "en":
                name = f"{name} {number + 1}"  # unique, and recognisable on the next run
            setattr(person, column("name", code), name)
            (position,), _texts = vocabulary.texts(rng, [3], [])
            setattr(person, column("position", code), position)
        return person

    def _topic(self, number: int) -> Topic:
        words = int(self._stream(TOPIC, number).integers(1, 4))
        topic = Topic()
        for index, (code, vocabulary) in enumerate(self.vocabulary.items()):
            rng = self._stream(TOPIC, number, index)
            name = " ".join(vocabulary.rare(rng) for _ in range(words))
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

    def stored(self) -> set[int]:
        """The numbers of this corpus's items the database holds."""
        prefix = reference_prefix(self.seed)
        references = Publication.objects.filter(reference__startswith=prefix).values_list(
            "reference", flat=True
        )
        return {int(reference.removeprefix(prefix)) - 1 for reference in references}

    def existing(self) -> int:
        """How many of this corpus's items the database holds."""
        return Publication.objects.filter(reference__startswith=reference_prefix(self.seed)).count()

    def item(self, number: int) -> Item:
        """Publication ``number`` of the corpus: the same for any corpus size."""
        rng = self._stream(PUBLICATION, number)
        type_ids, weights = self.types
        day = FIRST_DAY + timedelta(days=int(rng.integers((END_DAY - FIRST_DAY).days)))
        minutes = 8 * 60 + 5 * int(rng.integers(168))  # 08:00 to 21:55
        publication = copy.copy(self._blank_publication)  # a model's __init__ is slow here
        publication.type_id = type_ids[bisect.bisect(weights, rng.random() * weights[-1])]
        publication.published_at = datetime.combine(day, time(minutes // 60, minutes % 60), MOSCOW)
        publication.reference = f"{reference_prefix(self.seed)}{number + 1:06d}"
        present = (rng.random(len(TRANSLATIONS)) < TRANSLATION_PROBABILITY).tolist()
        languages = [ORIGINAL, *itertools.compress(TRANSLATIONS, present)]
        title_words, lead_words = int(rng.integers(8, 17)), int(rng.integers(25, 41))
        paragraphs = rng.integers(60, 121, size=int(rng.integers(6, 15))).tolist()
        place = int(rng.integers(len(self.data["cities"][ORIGINAL])))
        captions = rng.integers(6, 15, size=int(rng.integers(0, 5))).tolist()
        kinds = [
            Material.Kind.PHOTO if share < 2 / 3 else Material.Kind.DOCUMENT
            for share in rng.random(len(captions))
        ]
        shared = [int(rng.integers(len(self.pool[kind]))) for kind in kinds]
        texts = {}
        for code in languages:
            (title, *texts[code]), (lead, *body) = self.vocabulary[code].texts(
                rng, [title_words, *captions], [lead_words, *paragraphs]
            )
            setattr(publication, column("title", code), title)
            setattr(publication, column("lead", code), lead)
            setattr(publication, column("place", code), self.data["cities"][code][place])
            setattr(publication, column("body", code), "".join(f"<p>{p}</p>" for p in body))
            # What publication_derive_text makes of these paragraphs, without parsing them.
            setattr(publication, column("plain_text", code), "\n".join(body))
        services.publication_derive_slugs(publication=publication)
        materials = []
        for index, kind in enumerate(kinds):
            pooled = self.pool[kind][shared[index]]
            material = copy.copy(self._blank_material)
            material.kind, material.file = kind, pooled.file.name
            material.filename, material.mime_type = pooled.filename, pooled.mime_type
            material.size, material.width, material.height = (
                pooled.size,
                pooled.width,
                pooled.height,
            )
            material.renditions = pooled.renditions
            for code in languages:
                caption = texts[code][index]
                setattr(material, column("title", code), caption)
                if kind == Material.Kind.PHOTO:
                    setattr(material, column("alt_text", code), caption)
            materials.append(material)
        return Item(
            publication=publication,
            speakers=self._sample(rng, self.persons, 1, 2),
            topics=self._sample(rng, self.topics, 1, 3),
            countries=self._sample(rng, self.countries, 1, 2),
            materials=materials,
        )

    @staticmethod
    def _sample(rng: numpy.random.Generator, pks: list[int], least: int, most: int) -> list[int]:
        """From ``least`` to ``most`` different ones of ``pks``."""
        picks = rng.choice(len(pks), size=int(rng.integers(least, most + 1)), replace=False)
        return [pks[pick] for pick in picks.tolist()]

    def items(self, numbers: Iterable[int]) -> Iterator[Item]:
        for number in numbers:
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
        for code in LANGUAGES
        if publication.title_in(code)
    ]


@transaction.atomic
def write(items: list[Item]) -> None:
    """One batch of items and everything beside them, in bulk and in one transaction."""
    if connection.vendor == "postgresql":
        # The texts and their search vectors are compressed with lz4 where the server
        # has it: a fifth less of the database's time than its default, and faster to read.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings"
                " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
            )
    publications = [item.publication for item in items]
    bulk.insert(Publication, publications)
    bulk.insert(
        LanguageVersion,
        [version for publication in publications for version in versions_of(publication)],
    )
    relations = (
        (Publication.speakers.through, "person_id", "speakers"),
        (Publication.topics.through, "topic_id", "topics"),
        (Publication.countries.through, "country_id", "countries"),
    )
    for through, key, attribute in relations:
        bulk.insert(
            through,
            [
                through(publication_id=item.publication.pk, **{key: pk})
                for item in items
                for pk in getattr(item, attribute)
            ],
        )
    bulk.insert(Material, [material for item in items for material in item.materials])
    bulk.insert(
        PublicationMaterial,
        [
            PublicationMaterial(publication=item.publication, material=material, position=position)
            for item in items
            for position, material in enumerate(item.materials)
        ],
    )
    public_state.changed()  # bulk writes send no signals


def generate(
    corpus: Corpus,
    count: int,
    *,
    batch: int = 500,
    workers: int = 1,
    progress: Callable[[int], None] = lambda done: None,
) -> int:
    """Add items to the corpus until it holds its first ``count``; how many were added.

    Each batch is written in one transaction, so an interrupted run keeps whole batches
    and the next run writes the missing ones. On PostgreSQL, with ``workers`` above one,
    the batches are made and written by that many processes, each with its own
    connection (not inside an open transaction, which only this connection sees; not on
    SQLite, which has one writer at a time).
    """
    corpus.prepare()
    stored = corpus.stored()
    missing = [number for number in range(count) if number not in stored]
    batches = [missing[start : start + batch] for start in range(0, len(missing), batch)]
    if workers <= 1 or connection.vendor != "postgresql" or connection.in_atomic_block:
        for numbers in batches:
            progress(_write_batch(corpus, numbers))
        return len(missing)
    # Forked processes start as copies of this one (its corpus, settings and database
    # names) and open connections of their own; each is handed a batch's numbers only.
    global _forked
    _forked = corpus
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        running = [pool.submit(_write_numbers, numbers) for numbers in batches]
        try:
            for done in as_completed(running):
                progress(done.result())
        except BaseException:
            pool.shutdown(cancel_futures=True)  # the batches being written finish
            raise
    return len(missing)


_forked: Corpus | None = None  # the corpus a forked process writes


def _write_numbers(numbers: list[int]) -> int:
    return _write_batch(_forked, numbers)


def _write_batch(corpus: Corpus, numbers: list[int]) -> int:
    write(list(corpus.items(numbers)))
    reset_queries()  # with DEBUG on, Django would keep every batch's SQL
    return len(numbers)


def delete_corpus() -> int:
    """Remove every generated item and the materials made for them (the taxonomies and
    the pool stay for the next run); how many publications were removed."""
    generated = Publication.objects.filter(reference__startswith=REFERENCE)
    count = generated.count()
    with transaction.atomic():
        generated.delete()
        Material.objects.filter(credit=ITEM_CREDIT).delete()
    return count
