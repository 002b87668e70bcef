"""The press office's domain: publications, their language versions and taxonomies.

The rule that decides what a reader may see lives here and nowhere else:
``PublicationQuerySet.public()`` / ``Publication.is_public()`` for an item, and
``LanguageVersionQuerySet.public()`` / ``LanguageVersion.is_public()`` for one of its
language versions. Views, templates and future feeds/sitemaps/API call these.
"""

from __future__ import annotations

import pathlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from speeches.countries import country_codes
from speeches.richtext import RichTextField, sanitize_body

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


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


class Person(models.Model):
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    position = models.CharField(pgettext_lazy("job", "position"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("speeches:person", kwargs={"pk": self.pk})


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
    embargoed item appears on the second without any scheduled job.
    """
    return Q(
        **{
            f"{prefix}status": Publication.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


class PublicationQuerySet(models.QuerySet):
    def public(self) -> PublicationQuerySet:
        """Publications a reader may see at this instant, in some language."""
        return self.filter(public_publication_q())

    def without_texts(self) -> PublicationQuerySet:
        """Leave bodies and plain texts (every language) in the database: lists never print them."""
        return self.defer(
            *(f"{name}_{code}" for name in ("body", "plain_text") for code in LANGUAGE_CODES)
        )

    def available_in(self, language: str) -> PublicationQuerySet:
        """Public publications whose ``language`` version is public too."""
        return self.public().filter(
            versions__language=language,
            versions__status__in=LanguageVersion.PUBLIC_STATUSES,
        )

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
    return {"body", *(f"body_{code}" for code in LANGUAGE_CODES)}


def _sanitized(values: dict) -> dict:
    return {
        name: sanitize_body(value)
        if name in _body_field_names() and isinstance(value, str)
        else value
        for name, value in values.items()
    }


class Publication(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

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

    # Translated (see translation.py): one column per language.
    # blank=True: which language must have a title depends on original_language (clean()).
    title = models.CharField(_("title"), max_length=500, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, blank=True, allow_unicode=True)
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Bumped by every save: an editor's form carries the number it was opened at, and a
    # save over a newer number is refused (services.publication_save).
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~Q(reference=""),
                name="publication_reference_unique_when_set",
                violation_error_message=_("A publication with this reference number exists."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="publication_status_date"),
            models.Index(fields=["type", "-published_at"], name="publication_type_date"),
        ]

    def __str__(self) -> str:
        return self.title_in(self.original_language) or self.title_in("en") or f"#{self.pk}"

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        slug = getattr(self, f"slug_{language}", "") or ""
        with translation.override(language):
            if slug:
                return reverse("speeches:detail", kwargs={"pk": self.pk, "slug": slug})
            return reverse("speeches:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        original = self.original_language
        if not self.title_in(original).strip():
            raise ValidationError(
                {f"title_{original}": _("The original language version needs a title.")}
            )
        if self.status == self.Status.PUBLISHED and self.pk:
            self._check_alt_texts(original)
        if self.status == self.Status.PUBLISHED and not self.text_exists_in(original):
            raise ValidationError(
                {
                    f"body_{original}": _(
                        "A publication can only be published once its original language "
                        "version has a title and a text."
                    )
                }
            )

    def _check_alt_texts(self, language: str) -> None:
        missing = [
            str(a.material)
            for a in self.attachments.select_related("material")
            if a.material.needs_alt_text_in(language)
        ]
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
        return getattr(self, f"title_{language}", "") or ""

    def text_exists_in(self, language: str) -> bool:
        """The Foundation rule: a language version exists when title and body are filled."""
        body = getattr(self, f"body_{language}", "") or ""
        return bool(self.title_in(language).strip() and body.strip())

    def is_public(self) -> bool:
        """The same rule as ``public_publication_q``, for an object already in memory."""
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def public_languages(self) -> list[str]:
        """Codes of the public language versions, in the order of settings.LANGUAGES.

        Reads ``versions`` through the prefetch cache when the selector set one up.
        """
        if not self.is_public():
            return []
        present = {v.language for v in self.versions.all() if v.is_public_status()}
        return [code for code in LANGUAGE_CODES if code in present]


class LanguageVersionQuerySet(models.QuerySet):
    def public(self) -> LanguageVersionQuerySet:
        """Language versions a reader may see: public status of a public publication."""
        return self.filter(
            public_publication_q("publication__"), status__in=LanguageVersion.PUBLIC_STATUSES
        )


class LanguageVersion(models.Model):
    """The state of one language version of a publication; its text lives on Publication."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        READY = "ready", _("ready")
        OUTDATED = "outdated", _("outdated")

    PUBLIC_STATUSES = (Status.READY, Status.OUTDATED)

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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

    def is_public_status(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    def is_public(self) -> bool:
        return self.is_public_status() and self.publication.is_public()


def material_upload_to(instance: Material, filename: str) -> str:
    """A server-made, unguessable name: never the client's filename or a path from input."""
    extension = pathlib.PurePath(filename).suffix.lower()[:10]
    return f"materials/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/original{extension}"


class MaterialQuerySet(models.QuerySet):
    def public(self) -> MaterialQuerySet:
        """Materials attached to at least one public publication: only these are served."""
        return self.filter(
            Exists(
                PublicationMaterial.objects.filter(
                    public_publication_q("publication__"), material=OuterRef("pk")
                )
            )
        )


class Material(models.Model):
    """A photo, video, audio file, document or external link in the media library.

    Uploaded once, it can be attached to several publications (``PublicationMaterial``).
    Files are reached only through ``speeches.views.material_file``, which serves a
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MaterialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        indexes = [models.Index(fields=["kind", "-created_at"], name="material_kind_date")]

    def __str__(self) -> str:
        return self.title_in(settings.LANGUAGE_CODE) or self.filename or self.url or f"#{self.pk}"

    def title_in(self, language: str) -> str:
        return getattr(self, f"title_{language}", "") or ""

    def needs_alt_text_in(self, language: str) -> bool:
        """A photo that is not decorative must describe itself in ``language``."""
        return (
            self.kind == self.Kind.PHOTO
            and not self.decorative
            and not (getattr(self, f"alt_text_{language}", "") or "").strip()
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
    """Who has a publication's change form open, to warn a second editor."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(_("opened at"))

    class Meta:
        verbose_name = _("editing session")
        verbose_name_plural = _("editing sessions")
        constraints = [
            models.UniqueConstraint(fields=["publication", "user"], name="one_session_per_editor")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.publication_id}"
