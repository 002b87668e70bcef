"""The press office's domain: publications, their language versions and taxonomies.

The rule that decides what a reader may see lives here and nowhere else: for an item,
``public_publication_q`` (listed) and ``viewable_publication_q`` (its page may be opened:
public or withdrawn), with ``PublicationQuerySet.public()`` / ``viewable()`` and
``Publication.is_public()`` / ``is_viewable()``; for one of its language versions,
``shown_version_q`` (ready or outdated, and not hidden) with ``LanguageVersion.is_shown()``,
combined with its publication's rule in ``LanguageVersionQuerySet.public()`` /
``viewable()`` and ``PublicationQuerySet.available_in()``. Pages, search, feeds, sitemaps,
the API, the admin and the dashboards call these.
"""

from __future__ import annotations

import pathlib
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from speeches.colours import validate_text_colour
from speeches.countries import country_codes
from speeches.richtext import RichTextField, sanitize_body

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# What a translator translates, and whose change outdates the other language versions
# (speeches/translation.py gives each a column per language). The body is rich text; the
# others are plain.
TEXT_FIELDS = ("title", "lead", "place", "body")
PLAIN_TEXT_FIELDS = ("title", "lead", "place")
MATERIAL_TEXT_FIELDS = ("title", "alt_text")


def staff_member(verbose_name, **options) -> models.ForeignKey:
    """Who did something: a staff account, kept as empty when the account is deleted."""
    options = {"null": True, "blank": True, "related_name": "+", **options}
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        **options,
    )


def column(name: str, language: str) -> str:
    """The column holding translated field ``name`` in ``language`` (modeltranslation's)."""
    return build_localized_fieldname(name, language)


def columns(*names: str, languages: Iterable[str] = LANGUAGE_CODES) -> list[str]:
    """The columns of ``names`` in each of ``languages``, name by name."""
    return [column(name, code) for name in names for code in languages]


def in_language(instance: models.Model, name: str, language: str) -> str:
    """``instance``'s field ``name`` in ``language`` exactly, never another's: "" if empty."""
    return getattr(instance, column(name, language), "") or ""


class PublicationType(models.Model):
    """Speech, statement, interview… Seeded by a migration; editors may add more."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    plural_name = models.CharField(_("plural name"), max_length=100)
    position = models.PositiveSmallIntegerField(pgettext_lazy("ordering", "position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("publication type")
        verbose_name_plural = _("publication types")

    def __str__(self) -> str:
        return self.name or self.code


def image_upload_to(instance: models.Model, filename: str) -> str:
    """A server-made, unguessable name for an image the site re-encoded itself (an emblem,
    a portrait): never the client's name."""
    extension = pathlib.PurePath(filename).suffix.lower()[:10]
    folder = instance._meta.model_name
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Person(models.Model):
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    position = models.CharField(pgettext_lazy("job", "position"), max_length=300, blank=True)
    # Translated (see translation.py), and never shown in another language than the page's.
    biography = models.TextField(
        _("biography"),
        blank=True,
        help_text=_("A few paragraphs, separated by an empty line; shown on the person's page."),
    )
    # A portrait re-encoded from its pixels at upload (speeches.materials.images): the
    # uploaded file itself is never stored.
    photo = models.FileField(_("photo"), upload_to=image_upload_to, blank=True, max_length=300)
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, editable=False)
    photo_credit = models.CharField(_("photo credit"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("speeches:person", kwargs={"pk": self.pk})

    @property
    def photo_filename(self) -> str:
        """The stored portrait's file name, as its address ends ("" without one)."""
        return pathlib.PurePosixPath(self.photo.name).name if self.photo else ""


class Topic(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("speeches:topic", kwargs={"slug": self.slug})


def validate_country_code(value: str) -> None:
    if value not in country_codes():
        raise ValidationError(
            _("“%(code)s” is not an ISO 3166-1 alpha-2 country code."),
            code="invalid_country",
            params={"code": value},
        )


class Country(models.Model):
    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        validators=[validate_country_code],
        help_text=_("Two capital letters, e.g. BY. Names are filled in from CLDR when left empty."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name or self.code

    def get_absolute_url(self) -> str:
        return reverse("speeches:country", kwargs={"code": self.code})


def public_publication_q(prefix: str = "") -> Q:
    """The rule for a public publication, as a filter; ``prefix`` reaches it across a relation.

    Published, and its date and time have come: visibility is decided per request, so an
    embargoed item appears on the second without any scheduled job. This is what every
    listing uses (home, archive, search, feeds, sitemap, counts, related items, the API).
    """
    return Q(
        **{
            f"{prefix}status": Publication.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


def viewable_publication_q(prefix: str = "") -> Q:
    """A publication whose own page a reader may open: public, or withdrawn.

    A withdrawn item has left every listing, but its page (and the materials it shows)
    stays, under a dated explanation.
    """
    return Q(
        **{
            f"{prefix}status__in": Publication.ON_VIEW,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


def publication_path(pk: int, slug: str) -> str:
    """The address of a publication's page in the active language (its slug in it, if
    any): ``Publication.get_absolute_url``, for lists that read plain rows."""
    if slug:
        return reverse("speeches:detail", kwargs={"pk": pk, "slug": slug})
    return reverse("speeches:detail", kwargs={"pk": pk})


class PublicationQuerySet(models.QuerySet):
    def public(self) -> PublicationQuerySet:
        """Publications a reader may see listed at this instant, in some language."""
        return self.filter(public_publication_q())

    def viewable(self) -> PublicationQuerySet:
        """Publications whose page a reader may open: public ones and withdrawn ones."""
        return self.filter(viewable_publication_q())

    def gone(self) -> PublicationQuerySet:
        """Unpublished items: their address answers 410 Gone, or redirects to a replacement."""
        return self.filter(status=Publication.Status.UNPUBLISHED)

    def without_texts(self, *, keep: Iterable[str] = ()) -> PublicationQuerySet:
        """Leave bodies and plain texts (every language's) in the database, but the columns
        named in ``keep``: lists never print them, and a page or an entry reads only its
        own language's."""
        kept = set(keep)
        return self.defer(*(name for name in columns("body", "plain_text") if name not in kept))

    def available_in(self, language: str) -> PublicationQuerySet:
        """Public publications whose ``language`` version readers may see."""
        return self.public().filter(shown_version_q("versions__"), versions__language=language)

    def in_order(self, ids: list[int]) -> list[Publication]:
        """The rows of ``ids`` that this queryset holds, in the order of ``ids`` (one
        query): a page read by ids under the list's own conditions, so that a row gone
        since the ids were read stays out."""
        rows = {row.pk: row for row in self.filter(pk__in=ids)} if ids else {}
        return [rows[pk] for pk in ids if pk in rows]

    # Writes that bypass Model.save() still get sanitised bodies.
    def update(self, **kwargs):
        return super().update(**_sanitized(kwargs))

    def bulk_update(self, objs, fields, batch_size=None):
        body_fields = {f for f in fields if f in _body_field_names()}
        for obj in objs:
            for name in body_fields:
                value = getattr(obj, name)
                if isinstance(value, str):
                    setattr(obj, name, sanitize_body(value))
        return super().bulk_update(objs, fields, batch_size=batch_size)


def _body_field_names() -> set[str]:
    return {"body", *(column("body", code) for code in LANGUAGE_CODES)}


def _sanitized(values: dict) -> dict:
    return {
        name: sanitize_body(value)
        if name in _body_field_names() and isinstance(value, str)
        else value
        for name, value in values.items()
    }


class Publication(models.Model):
    class Status(models.TextChoices):
        # A published item whose time has not come is "scheduled": see ``state``.
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")
        UNPUBLISHED = "unpublished", _("unpublished")

    class Delivery(models.TextChoices):
        """What a text is to what was said: journalists quote the delivered words only."""

        NONE = "", _("no label")
        CHECK_AGAINST_DELIVERY = "check_against_delivery", _("Check against delivery")
        AS_PREPARED = "as_prepared", _("As prepared for delivery")
        AS_DELIVERED = "as_delivered", _("As delivered")
        TRANSCRIPT = "transcript", _("Transcript")
        EXCERPTS = "excerpts", _("Excerpts from the transcript")

    # Statuses whose page a reader may open once its time has come.
    ON_VIEW = (Status.PUBLISHED, Status.WITHDRAWN)

    type = models.ForeignKey(
        PublicationType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="publications",
    )
    published_at = models.DateTimeField(
        _("date and time"),
        default=timezone.now,
        help_text=_("When the publication appears; shown to readers with its time."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    reference = models.CharField(
        _("reference number"),
        max_length=50,
        blank=True,
        help_text=_("Optional; unique when given."),
    )
    delivery = models.CharField(
        _("delivery label"),
        max_length=30,
        choices=Delivery.choices,
        blank=True,
        default="",
        help_text=_(
            "What the text is to what was said, shown to readers above it: a speech "
            "released before it is given is “Check against delivery”."
        ),
    )

    # Translated (see translation.py): one column per language.
    # blank=True: which language must have a title depends on original_language (clean()).
    title = models.CharField(_("title"), max_length=500, blank=True)
    # Addresses find an item by its number; the slug is only checked against it, never
    # looked up, so it has no index (fourteen, with the translations' and LIKE ones).
    slug = models.SlugField(
        _("slug"), max_length=100, blank=True, allow_unicode=True, db_index=False
    )
    lead = models.TextField(_("lead"), blank=True)
    body = RichTextField(_("text"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    # Derived from ``body`` at save time: search snippets, descriptions, the SQLite search.
    plain_text = models.TextField(_("plain text"), blank=True, editable=False)

    speakers = models.ManyToManyField(
        Person, verbose_name=_("speakers"), blank=True, related_name="publications"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="publications"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="publications"
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_member(_("created by"))
    updated_by = staff_member(_("updated by"))
    # When readers were last told of a change (the page's "Updated …", JSON-LD, sitemap,
    # feeds, API): the publication time, or a later change note's. The database keeps it
    # from the newest note's time (ChangeNote.save), so no page computes it.
    last_note_at = models.DateTimeField(_("last change note at"), null=True, editable=False)
    modified_at = models.GeneratedField(
        expression=Greatest("published_at", Coalesce("last_note_at", "published_at")),
        output_field=models.DateTimeField(),
        db_persist=True,
        verbose_name=_("last updated"),
    )
    # "Release together": the item cannot be published before these languages are ready.
    release_languages = models.JSONField(
        _("release together with"),
        default=list,
        blank=True,
        help_text=_(
            "Languages that must be ready before the publication can be published, so that "
            "it appears in all of them at the same second."
        ),
    )
    # The editorial workflow (speeches.publishing.workflow) sets these; nobody edits them by hand.
    submitted_by = staff_member(_("submitted for review by"), editable=False)
    submitted_at = models.DateTimeField(_("submitted for review at"), null=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, editable=False)
    # Translated: shown above the withdrawn page in each language.
    withdrawal_explanation = models.TextField(
        _("withdrawal explanation"),
        blank=True,
        help_text=_("Shown to readers at the top of the withdrawn page."),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_(
            "Readers of a withdrawn item are pointed to it; readers of an unpublished item "
            "are sent to it."
        ),
    )
    # When a publisher chose it as the home page's featured story (one at a time;
    # speeches.publishing.workflow.publication_feature); empty for every other item.
    featured_at = models.DateTimeField(_("featured since"), null=True, editable=False)
    # Bumped by every save: an editor's form carries the number it was opened at, and a
    # save over a newer number is refused (services.publication_save).
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        permissions = [
            ("submit_publication", _("Can submit a publication for review")),
            ("publish_publication", _("Can review, send back, publish and schedule")),
            ("force_publish_publication", _("Can publish without a second person's review")),
            ("withdraw_publication", _("Can withdraw a published publication")),
            ("unpublish_publication", _("Can unpublish a publication")),
            ("translate_publication", _("Can edit the language versions of any publication")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~Q(reference=""),
                name="publication_reference_unique_when_set",
                violation_error_message=_("A publication with this reference number exists."),
            ),
        ]
        indexes = [
            # With the id, the archive's order whole: a page's ids come from the index
            # alone (FromEitherEndPaginator), however deep the page.
            models.Index(fields=["status", "-published_at", "-id"], name="publication_status_date"),
            models.Index(fields=["type", "-published_at"], name="publication_type_date"),
            # Staff's list of every publication, whatever its state, newest first (the
            # admin's changelist and its date hierarchy).
            models.Index(fields=["-published_at", "-id"], name="publication_date"),
            # The home page's featured story: one row at most, found without a scan.
            models.Index(
                fields=["-featured_at"],
                condition=Q(featured_at__isnull=False),
                name="publication_featured",
            ),
        ]

    def __str__(self) -> str:
        return self.title_in(self.original_language) or self.title_in("en") or f"#{self.pk}"

    def get_absolute_url(self, language: str | None = None) -> str:
        active = translation.get_language()
        language = language or active
        if language != active:  # activating a language costs more than the reverse
            with translation.override(language):
                return self.get_absolute_url(language)
        return publication_path(self.pk, in_language(self, "slug", language))

    def clean(self) -> None:
        original = self.original_language
        if not self.title_in(original).strip():
            raise ValidationError(
                {column("title", original): _("The original language version needs a title.")}
            )
        if self.pk:
            self._check_alt_texts()
        if self.status == self.Status.PUBLISHED and not self.text_exists_in(original):
            raise ValidationError(
                {
                    column("body", original): _(
                        "A publication can only be published once its original language "
                        "version has a title and a text."
                    )
                }
            )

    def validate_constraints(self, exclude=None) -> None:
        # Django checks a unique constraint with a condition by sending every field of
        # the instance to the database as a value (here some 200: each language's texts),
        # a third of a save's time. Without a reference the condition cannot hold, so
        # there is nothing to check.
        if not self.reference:
            exclude = {*(exclude or ()), "reference"}
        super().validate_constraints(exclude=exclude)

    def photos_missing_alt_text(self, materials: Iterable[Material]) -> list[Material]:
        """The photos among ``materials`` this item may not show while published: without
        alternative text in its original language, and not marked decorative."""
        if self.status != self.Status.PUBLISHED:
            return []
        return [m for m in materials if m.needs_alt_text_in(self.original_language)]

    def _check_alt_texts(self) -> None:
        attached = [a.material for a in self.attachments.select_related("material")]
        missing = [str(material) for material in self.photos_missing_alt_text(attached)]
        if missing:
            raise ValidationError(
                _(
                    "These photos need alternative text in the original language (or to be "
                    "marked decorative) before publishing: %(photos)s"
                ),
                params={"photos": ", ".join(missing)},
                code="alt_text_missing",
            )

    def title_in(self, language: str) -> str:
        return in_language(self, "title", language)

    def last_saved_by(self) -> str:
        """Who saved it last, as other editors are told (edit conflicts, imports)."""
        return self.updated_by.get_username() if self.updated_by else str(_("someone"))

    def text_exists_in(self, language: str) -> bool:
        """The Foundation rule: a language version exists when title and body are filled."""
        body = in_language(self, "body", language)
        return bool(self.title_in(language).strip() and body.strip())

    def is_public(self) -> bool:
        """The same rule as ``public_publication_q``, for an object already in memory."""
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def is_viewable(self) -> bool:
        """The same rule as ``viewable_publication_q``: public, or withdrawn."""
        return self.status in self.ON_VIEW and self.published_at <= timezone.now()

    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    @property
    def state(self) -> str:
        """The status as people speak of it: "scheduled" is published with a future time."""
        return "scheduled" if self.is_scheduled() else self.status

    def get_state_display(self) -> str:
        if self.is_scheduled():
            return str(_("scheduled"))
        return self.get_status_display()

    def public_languages(self) -> list[str]:
        """Codes of the language versions a reader may open, in the order of settings.LANGUAGES.

        Reads ``versions`` through the prefetch cache when the selector set one up.
        """
        if not self.is_viewable():
            return []
        present = {v.language for v in self.versions.all() if v.is_shown()}
        return [code for code in LANGUAGE_CODES if code in present]


def shown_version_q(prefix: str = "") -> Q:
    """A language version readers may see, as far as the version goes: ready, or outdated
    (an outdated translation stays up unless an editor hides it), and not hidden. Whether
    its publication may be seen is the publication's rule, added by the querysets below."""
    return Q(**{f"{prefix}status__in": LanguageVersion.PUBLIC_STATUSES, f"{prefix}hidden": False})


class LanguageVersionQuerySet(models.QuerySet):
    def public(self) -> LanguageVersionQuerySet:
        """Versions readers may see of publications that are listed now."""
        return self.filter(shown_version_q(), public_publication_q("publication__"))

    def viewable(self) -> LanguageVersionQuerySet:
        """Versions readers may see on a page they may open (public, or withdrawn)."""
        return self.filter(shown_version_q(), viewable_publication_q("publication__"))


class LanguageVersion(models.Model):
    """The state of one language version of a publication; its text lives on Publication.

    No row means the version is missing. A translation is marked ready by a person
    (speeches.languages.translating), with the original-language text it was made from; when that
    text changes, the version becomes outdated by itself. The original language's own
    version is ready whenever its title and text are filled.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        READY = "ready", _("ready")
        OUTDATED = "outdated", _("outdated")

    PUBLIC_STATUSES = (Status.READY, Status.OUTDATED)

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # An outdated translation stays public unless an editor hides it until it is updated.
    hidden = models.BooleanField(_("hidden from readers"), default=False)
    # What the translation was made from: the original's fields when it was marked ready.
    source_fingerprint = models.CharField(_("source fingerprint"), max_length=64, blank=True)
    source_snapshot = models.JSONField(_("source text"), default=dict, blank=True)
    # Work in progress on a version readers can see: the published text stays on the
    # publication until this is marked ready (speeches.languages.translating). Field name → text,
    # and "materials": {material id: {field: text}}.
    pending = models.JSONField(_("work in progress"), default=dict, blank=True)
    pending_at = models.DateTimeField(_("work in progress saved at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = staff_member(_("updated by"))

    objects = LanguageVersionQuerySet.as_manager()

    class Meta:
        ordering = ["publication", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="one_version_per_language"
            ),
        ]
        indexes = [
            models.Index(
                fields=["language", "status", "publication"], name="version_lang_status_pub"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publication_id}/{self.language} ({self.status})"

    def is_shown(self) -> bool:
        """``shown_version_q`` for one row in memory."""
        return self.status in self.PUBLIC_STATUSES and not self.hidden


def material_upload_to(instance: Material, filename: str) -> str:
    """A server-made, unguessable name: never the client's filename or a path from input."""
    extension = pathlib.PurePath(filename).suffix.lower()[:10]
    return f"materials/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/original{extension}"


class MaterialQuerySet(models.QuerySet):
    def public(self) -> MaterialQuerySet:
        """Materials shown by at least one page a reader may open: only these are served."""
        return self.filter(
            Exists(
                PublicationMaterial.objects.filter(
                    viewable_publication_q("publication__"), material=OuterRef("pk")
                )
            )
        )


class Material(models.Model):
    """A photo, video, audio file, document or external link in the media library.

    Uploaded once, it can be attached to several publications (``PublicationMaterial``).
    Files are reached only through ``speeches.public.views.material_file``, which serves a
    material only while a public publication uses it.
    """

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photo")
        VIDEO = "video", _("video")
        AUDIO = "audio", _("audio")
        DOCUMENT = "document", _("document")
        LINK = "link", _("external link")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Translated (see translation.py); readers never see another language's caption.
    title = models.CharField(_("title or caption"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    credit = models.CharField(_("credit / copyright"), max_length=300, blank=True)
    # One credit for every language: pages in another language mark it with this one.
    credit_language = models.CharField(
        _("language of the credit"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language the credit is written in; leave empty for a name written the same "
            "way in every language."
        ),
    )
    language = models.CharField(
        _("language of the material"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("For a document or recording that exists in one language only."),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("A decorative photo needs no alternative text."),
    )
    file = models.FileField(_("file"), upload_to=material_upload_to, blank=True, max_length=300)
    url = models.URLField(_("URL"), blank=True, help_text=_("For an external link or video."))
    poster = models.FileField(
        _("poster or thumbnail"), upload_to=material_upload_to, blank=True, max_length=300
    )
    captions = models.FileField(
        _("captions (WebVTT)"), upload_to=material_upload_to, blank=True, max_length=300
    )
    # Set by the upload service, never by hand.
    filename = models.CharField(_("file name"), max_length=255, blank=True, editable=False)
    mime_type = models.CharField(_("format"), max_length=100, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, editable=False)
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = staff_member(_("created by"))

    objects = MaterialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        indexes = [models.Index(fields=["kind", "-created_at"], name="material_kind_date")]

    def __str__(self) -> str:
        return self.title_in(settings.LANGUAGE_CODE) or self.filename or self.url or f"#{self.pk}"

    def title_in(self, language: str) -> str:
        return in_language(self, "title", language)

    def needs_alt_text_in(self, language: str) -> bool:
        """A photo that is not decorative must describe itself in ``language``."""
        return (
            self.kind == self.Kind.PHOTO
            and not self.decorative
            and not in_language(self, "alt_text", language).strip()
        )


class PublicationMaterial(models.Model):
    """A material attached to a publication, in the editor's order."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="attachments"
    )
    material = models.ForeignKey(
        Material, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("material")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("additional material")
        verbose_name_plural = _("additional materials")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "material"], name="material_once_per_publication"
            )
        ]

    def __str__(self) -> str:
        return str(self.material)


class EditingSession(models.Model):
    """One open page on which someone edits a publication, to warn a second editor.

    A row per browser page (``token``), not per person: a *save and continue*, or a second
    tab, must not end the presence of the page that is still open (speeches.editorial.presence).
    """

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(_("page"), max_length=32)
    # Empty: the change form; a language code: the side-by-side editor of that language.
    language = models.CharField(_("language"), max_length=10, blank=True)
    opened_at = models.DateTimeField(_("opened at"))
    seen_at = models.DateTimeField(_("last heartbeat"))

    class Meta:
        verbose_name = _("editing session")
        verbose_name_plural = _("editing sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "user", "token"], name="one_session_per_page"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.publication_id}"


class WorkflowEvent(models.Model):
    """The audit log of the editorial workflow: who did what to which item, when and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("submitted for review")
        SEND_BACK = "send_back", _("sent back to draft")
        PUBLISH = "publish", _("published")
        SCHEDULE = "schedule", _("scheduled")
        FORCE_PUBLISH = "force_publish", _("force-published")
        UNSCHEDULE = "unschedule", _("unscheduled")
        WITHDRAW = "withdraw", _("withdrawn")
        UNPUBLISH = "unpublish", _("unpublished")
        RESTORE = "restore", _("revision restored")
        MAJOR_CHANGE = "major_change", _("major change")
        SHARE_PREVIEW = "share_preview", _("preview link created")
        REVOKE_PREVIEW = "revoke_preview", _("preview link revoked")
        # Changes of what readers see that leave the state as it is.
        EDIT = "edit", _("edited")
        TRANSLATE = "translate", _("translation saved")
        MATERIAL = "material", _("material changed")
        CHANGE_NOTE = "change_note", _("change note edited")
        FEATURE = "feature", _("featured on the home page")
        UNFEATURE = "unfeature", _("no longer featured")

    # Actions that change the text: whoever did one after the submission is no second
    # person for the review (workflow.blocked_by_two_person_rule).
    TEXT_CHANGES = (
        Action.EDIT,
        Action.TRANSLATE,
        Action.MATERIAL,
        Action.RESTORE,
        Action.CHANGE_NOTE,
    )

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="events", verbose_name=_("publication")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    user = staff_member(_("user"), blank=False)
    at = models.DateTimeField(_("at"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    reason = models.TextField(_("reason or comment"), blank=True)
    # What changed, field by field: e.g. ["title [en]", "body [fr]", "speakers"].
    changes = models.JSONField(_("what changed"), default=list, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        indexes = [
            models.Index(fields=["publication", "-at"], name="event_publication_at"),
            models.Index(fields=["action", "-at"], name="event_action_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.publication_id}"


class ChangeNote(models.Model):
    """A major change to a published item, told to readers: "Updated 19 November 2019: …"."""

    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        related_name="change_notes",
        verbose_name=_("publication"),
    )
    # Translated (see translation.py): the note is written in the original language first.
    text = models.CharField(_("change note"), max_length=500, blank=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    created_by = staff_member(_("created by"))

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        indexes = [models.Index(fields=["publication", "-changed_at"], name="note_publication")]

    def __str__(self) -> str:
        return self.text_in(self.publication.original_language) or f"#{self.pk}"

    def save(self, *args, **kwargs):
        """Keep the publication's ``last_note_at`` (and so ``modified_at``) on the newest
        note, whoever writes one."""
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "changed_at" not in update_fields:
            return  # a translation of the text: the time is as it was
        newest = ChangeNote.objects.filter(publication=OuterRef("pk")).order_by("-changed_at")
        Publication.objects.filter(pk=self.publication_id).update(
            last_note_at=Subquery(newest.values("changed_at")[:1])
        )

    def text_in(self, language: str) -> str:
        return in_language(self, "text", language)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self) -> PreviewLinkQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A shareable preview for a reviewer without an account (speeches.publishing.previews)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        related_name="preview_links",
        verbose_name=_("publication"),
    )
    created_by = staff_member(_("created by"), blank=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self) -> str:
        return f"{self.publication_id} → {self.expires_at:%Y-%m-%d %H:%M}"


class TranslatorLanguage(models.Model):
    """A language a translator works in: they may edit that language's texts only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translator_languages",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        ordering = ["user", "language"]
        verbose_name = _("translation language")
        verbose_name_plural = _("translation languages")
        constraints = [
            models.UniqueConstraint(fields=["user", "language"], name="one_row_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.language})"


class PublicState(models.Model):
    """One row whose number moves on after every committed write that may change what
    readers see (``speeches.publishing.public_state``): what is built once per change is
    kept under it."""

    version = models.PositiveBigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("public state")
        verbose_name_plural = _("public state")

    def __str__(self) -> str:
        return str(self.version)


class SiteIdentity(models.Model):
    """The press office as readers meet it on every page: the ministry's name, emblem,
    colours and contacts. One row (``pk`` 1), changed by administrators only, through
    ``speeches.identity.services``; without it the site is called ``SITE_NAME``."""

    # Translated (see translation.py): each language's own name, never another's.
    name = models.CharField(
        _("ministry name"),
        max_length=300,
        blank=True,
        help_text=_("In full, as the header shows it, e.g. “Ministry of Foreign Affairs”."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        blank=True,
        help_text=_("For page titles and small screens, e.g. “MFA”."),
    )
    # A raster image re-encoded as PNG from its pixels at upload: never SVG, which can
    # carry scripts, and never the uploaded bytes.
    emblem = models.FileField(_("emblem"), upload_to=image_upload_to, blank=True, max_length=300)
    emblem_width = models.PositiveIntegerField(_("emblem width"), null=True, editable=False)
    emblem_height = models.PositiveIntegerField(_("emblem height"), null=True, editable=False)
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b4f8a",
        validators=[validate_text_colour],
        help_text=_(
            "Links, buttons and the header's rule. Six hexadecimal digits, with a contrast "
            "of at least 4.5:1 with white."
        ),
    )
    secondary_colour = models.CharField(
        _("secondary colour"),
        max_length=7,
        default="#1b1f24",
        validators=[validate_text_colour],
        help_text=_(
            "The footer's band and the featured story's label, under white text; at least "
            "4.5:1 with white too."
        ),
    )
    # The press office's contacts, in every page's footer.
    address = models.TextField(_("address"), blank=True)  # translated
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=300, blank=True)  # translated
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = staff_member(_("updated by"))

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="one_site_identity")]

    def __str__(self) -> str:
        return self.name or str(self._meta.verbose_name)


class FooterPage(models.Model):
    """One of the pages every footer links to (about, contacts, accessibility statement,
    privacy notice, reuse licence), written per language in the admin and changed through
    ``speeches.identity.services``. Its text is rich text, sanitised on every save."""

    class Kind(models.TextChoices):
        # In the footer's order; the value is the page's address (/en/pages/about/).
        ABOUT = "about", _("About the press office")
        CONTACTS = "contacts", _("Contacts")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")
        LICENCE = "licence", _("Reuse licence")

    kind = models.SlugField(_("page"), max_length=30, choices=Kind.choices, unique=True)
    # Translated (see translation.py): a language without both is not written yet.
    title = models.CharField(_("title"), max_length=300, blank=True)
    content = RichTextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = staff_member(_("updated by"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("footer page")
        verbose_name_plural = _("footer pages")

    def __str__(self) -> str:
        return self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse("speeches:page", kwargs={"kind": self.kind})

    def exists_in(self, language: str) -> bool:
        """Whether ``language`` has its own version: a title and a text."""
        return bool(
            in_language(self, "title", language).strip()
            and in_language(self, "content", language).strip()
        )


# Email ---------------------------------------------------------------------------------
# Readers' subscriptions and what is sent to them (speeches.mailing), and what staff are
# told. A subscriber is an address and its choices, nothing else: no account, no name, no
# address of the machine it signed up from; deleting it (unsubscribing) deletes its
# subscriptions and its delivery records with it.


class Subscriber(models.Model):
    """An email address that asked for the archive's news, in one language."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # The secret every link of its emails carries (signed): confirm, manage, unsubscribe.
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    # Double opt-in: nothing but the confirmation is sent until the link in it is followed.
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # Bounces reported for the address; from settings.MAIL_BOUNCE_LIMIT on, nothing is sent.
    bounces = models.PositiveSmallIntegerField(_("bounces"), default=0)
    last_bounce_at = models.DateTimeField(_("last bounce at"), null=True, blank=True)
    suppressed_at = models.DateTimeField(_("delivery stopped at"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [
            models.Index(
                fields=["language"],
                name="subscriber_receiving",
                condition=Q(confirmed_at__isnull=False, suppressed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    """What a subscriber follows: everything in their language, or items of one type,
    person, topic or country, or matching a search; each instantly or in a daily digest."""

    class Frequency(models.TextChoices):
        INSTANT = "instant", _("as soon as published")
        DAILY = "daily", _("daily digest")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("subscriber"),
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.INSTANT
    )
    type = models.ForeignKey(
        PublicationType,
        verbose_name=_("type"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    query = models.CharField(_("search words"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Each subscription waits for the link of its own confirmation email: nobody can add
    # to another person's address what they did not ask for.
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["subscriber", "id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [
            models.Index(
                fields=["frequency", "subscriber"],
                name="subscription_confirmed",
                condition=Q(confirmed_at__isnull=False),
            ),
            models.Index(fields=["type", "frequency"], name="subscription_type"),
            models.Index(fields=["person", "frequency"], name="subscription_person"),
            models.Index(fields=["topic", "frequency"], name="subscription_topic"),
            models.Index(fields=["country", "frequency"], name="subscription_country"),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id}: {self.get_frequency_display()}"


class Dispatch(models.Model):
    """One sending: an item's language version to that language's subscribers, at the
    second it goes public; or one day's digest in a language. Its counts are kept here,
    since the per-recipient records go with their subscribers."""

    class Kind(models.TextChoices):
        INSTANT = "instant", _("new item")
        DIGEST = "digest", _("daily digest")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", pgettext_lazy("email sending", "scheduled")
        SENDING = "sending", pgettext_lazy("email sending", "sending")
        SENT = "sent", pgettext_lazy("email sending", "sent")
        CANCELLED = "cancelled", pgettext_lazy("email sending", "cancelled")
        FAILED = "failed", pgettext_lazy("email sending", "failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dispatches",
        verbose_name=_("publication"),
    )
    day = models.DateField(_("day"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    send_at = models.DateTimeField(_("send at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # The recipients are written once (``planned``), when the sending starts.
    planned = models.BooleanField(_("recipients listed"), default=False)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent = models.PositiveIntegerField(_("messages sent"), default=0)
    failed = models.PositiveIntegerField(_("messages failed"), default=0)
    unconfirmed = models.PositiveIntegerField(_("messages unconfirmed"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-send_at", "-id"]
        verbose_name = _("email sending")
        verbose_name_plural = _("email sendings")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"],
                condition=Q(kind="instant"),
                name="one_sending_per_version",
            ),
            models.UniqueConstraint(
                fields=["day", "language"],
                condition=Q(kind="digest"),
                name="one_digest_per_day",
            ),
        ]
        indexes = [models.Index(fields=["status", "send_at"], name="dispatch_status_send_at")]

    def __str__(self) -> str:
        if self.kind == self.Kind.DIGEST:
            return f"{self.day} [{self.language}]"
        return f"#{self.publication_id} [{self.language}]"


class Delivery(models.Model):
    """One email to one subscriber: the record that makes a sending send each message once.

    queued → claimed (a worker holds it until ``claimed_until``) → sending (handed to the
    mail server; committed before, so a worker that dies there leaves it "unconfirmed",
    never sent twice) → sent, or failed (refused; retried by a person from the admin).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("email", "queued")
        CLAIMED = "claimed", pgettext_lazy("email", "being sent")
        SENDING = "sending", pgettext_lazy("email", "handed to the mail server")
        SENT = "sent", pgettext_lazy("email", "sent")
        FAILED = "failed", pgettext_lazy("email", "failed")
        UNCONFIRMED = "unconfirmed", pgettext_lazy("email", "unconfirmed")

    dispatch = models.ForeignKey(
        Dispatch,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("email sending"),
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    claimed_by = models.CharField(_("worker"), max_length=64, blank=True)
    claimed_until = models.DateTimeField(_("held until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A digest's items, chosen when the recipients are listed.
    items = models.JSONField(_("items"), default=list, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["dispatch", "id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["dispatch", "subscriber"], name="one_delivery_per_recipient"
            ),
        ]
        indexes = [
            models.Index(fields=["dispatch", "status", "id"], name="delivery_dispatch_status"),
            models.Index(fields=["message_id"], name="delivery_message_id"),
        ]

    def __str__(self) -> str:
        return f"{self.dispatch_id} → {self.subscriber_id} ({self.status})"


class StaffNotice(models.Model):
    """Something a member of staff is told: an item waits for their review, theirs was
    sent back or published, a text in their language went out of date, a sending failed.
    Shown on their staff home; emailed too unless they chose the admin only."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for review")
        SENT_BACK = "sent_back", _("sent back to draft")
        PUBLISHED = "published", _("published")
        OUTDATED = "outdated", _("translation out of date")
        SENDING_FAILED = "sending_failed", _("email sending failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publication"),
    )
    dispatch = models.ForeignKey(
        Dispatch,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email sending"),
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    # Who did it and what they said (a reviewer's comment), as the event recorded it.
    actor = staff_member(_("who did it"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("staff notice")
        verbose_name_plural = _("staff notices")
        indexes = [models.Index(fields=["user", "read_at", "-created_at"], name="notice_unread")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.get_kind_display()}"


class NotificationSettings(models.Model):
    """How one member of staff wants to be told: by email or in the admin only, and in
    which language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_settings",
        verbose_name=_("user"),
    )
    by_email = models.BooleanField(_("also by email"), default=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return str(self.user)
