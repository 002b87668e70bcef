"""The publications' list: its search and its filters by state and by language status.

The search is the staff's own (``speeches.editorial.search``): every state, every language,
speakers' names, references and numbers. The filters name states and language statuses with
the badges' words (``speeches.admin.badges``), so that what one chooses reads like what
the rows show.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from speeches.admin import badges
from speeches.editorial import search
from speeches.models import LANGUAGE_CODES, LanguageVersion, Publication

Status = Publication.Status


class StateFilter(admin.SimpleListFilter):
    """The state as people speak of it: "scheduled" is published with its time ahead, and
    "published" is what readers can see now."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(badges.STATE_LABELS.items())

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
        if value == Status.PUBLISHED:
            return queryset.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


# A language's statuses to filter by, as its badge names it (badges.language_state):
# "ready" holds the versions readers see on a live item too (their badge says
# "published"); a hidden version is hidden whatever its status.
LANGUAGE_STATUSES = {
    LanguageVersion.Status.READY: pgettext_lazy("language status", "ready or published"),
    LanguageVersion.Status.IN_PROGRESS: pgettext_lazy("language status", "in progress"),
    LanguageVersion.Status.OUTDATED: pgettext_lazy("language status", "outdated"),
    badges.HIDDEN: pgettext_lazy("language status", "hidden"),
    badges.MISSING: pgettext_lazy("language status", "missing"),
}


class LanguageStatusFilter(admin.SimpleListFilter):
    """Items by one language's status: ``?language_status=de:outdated``. Each version is
    in one status; the original language is a version like the others (ready once its
    title and text are filled)."""

    title = _("language status")
    parameter_name = "language_status"
    template = "admin/speeches/publication/language_status_filter.html"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{status}", f"{name}: {label}")
            for code, name in settings.LANGUAGES
            for status, label in LANGUAGE_STATUSES.items()
        ]

    def queryset(self, request, queryset):
        code, _colon, status = (self.value() or "").partition(":")
        if code not in LANGUAGE_CODES or status not in LANGUAGE_STATUSES:
            return queryset
        versions = LanguageVersion.objects.filter(publication=OuterRef("pk"), language=code)
        if status == badges.MISSING:
            return queryset.filter(~Exists(versions))
        if status == badges.HIDDEN:
            return queryset.filter(Exists(versions.filter(hidden=True)))
        return queryset.filter(Exists(versions.filter(status=status, hidden=False)))

    def choices(self, changelist):
        """Django's choices, each with its language and status, which the template sets
        out as one line per language."""
        choices = iter(super().choices(changelist))
        yield next(choices)  # "All"
        for (lookup, _title), choice in zip(self.lookup_choices, choices, strict=True):
            code, _colon, status = lookup.partition(":")
            yield {
                **choice,
                "language": code,
                "language_name": dict(settings.LANGUAGES)[code],
                "status": status,
                "status_label": LANGUAGE_STATUSES[status],
            }


class PublicationListMixin:
    """For ``PublicationAdmin``: the list's search box asks ``speeches.editorial.search``,
    and the list has the page's whole width."""

    # A filtered or searched list counts its own items, not the whole archive's as well:
    # one query less on every such page (at 100,000 items, 7 to 15 ms each time).
    show_full_result_count = False
    search_help_text = _(
        "Words of a title or text in any language and any state, a speaker's name, a "
        "reference or a publication's number."
    )

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        found = search.staff_search(queryset, search_term)
        # The list says so when the newest LIMIT are all it shows (PublicationChangeList).
        request.staff_search_capped = found.capped
        return found.among(queryset), False

    def changelist_view(self, request, extra_context=None):
        # The list's columns (title, type, time, status, languages, reference) and its
        # filters need the width the app menu takes: at 1280 px, with the menu open, the
        # status, languages and reference were cut off. Breadcrumbs and the admin's home
        # lead everywhere the menu does.
        context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, context)
