"""Status badges: one word and one colour for each state, the same on every staff page.

A publication's state (draft, in review, scheduled, published, withdrawn, unpublished)
and each language's (original, missing, in progress, ready, published, outdated, hidden)
are shown as small labelled badges in the changelist, the change form, the staff home
and the translation dashboard. The word carries the meaning; the colour (``badges.css``,
loaded on every admin page) only repeats it, so nothing depends on seeing colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from speeches.models import LanguageVersion, Publication

# A language's states beyond LanguageVersion.Status: not a translation, no row, on view.
ORIGINAL = "original"
MISSING = "missing"
PUBLISHED = "published"
HIDDEN = "hidden"

LANGUAGE_LABELS = {
    ORIGINAL: pgettext_lazy("language status", "original"),
    MISSING: pgettext_lazy("language status", "missing"),
    LanguageVersion.Status.IN_PROGRESS: pgettext_lazy("language status", "in progress"),
    LanguageVersion.Status.READY: pgettext_lazy("language status", "ready"),
    LanguageVersion.Status.OUTDATED: pgettext_lazy("language status", "outdated"),
    PUBLISHED: pgettext_lazy("language status", "published"),
    HIDDEN: pgettext_lazy("language status", "hidden"),
}

STATE_LABELS = {
    Publication.Status.DRAFT: Publication.Status.DRAFT.label,
    Publication.Status.IN_REVIEW: Publication.Status.IN_REVIEW.label,
    "scheduled": _("scheduled"),
    Publication.Status.PUBLISHED: Publication.Status.PUBLISHED.label,
    Publication.Status.WITHDRAWN: Publication.Status.WITHDRAWN.label,
    Publication.Status.UNPUBLISHED: Publication.Status.UNPUBLISHED.label,
}


@dataclass(frozen=True)
class Badge:
    key: str  # the CSS modifier: status-badge--<key>
    label: str
    title: str = ""  # a longer explanation, e.g. the scheduled time

    def html(self, *, prefix: str = "") -> SafeString:
        return format_html(
            '<span class="status-badge status-badge--{}"{}>{}{}</span>',
            self.key,
            format_html(' title="{}"', self.title) if self.title else "",
            format_html('<span class="status-badge__lang">{}</span> ', prefix) if prefix else "",
            self.label,
        )


def schedule_time(publication: Publication) -> str:
    """The time of an embargo to the second, in the admin's own date format."""
    moment = timezone.localtime(publication.published_at)
    return f"{formats.date_format(moment, 'DATE_FORMAT')} {formats.time_format(moment, 'H:i:s')}"


def publication_badge(publication: Publication) -> Badge:
    """The publication's state as people speak of it ("scheduled" is published, later)."""
    if publication.pk is None:
        return Badge(Publication.Status.DRAFT, str(STATE_LABELS[Publication.Status.DRAFT]))
    state = publication.state
    title = ""
    if state == "scheduled":
        title = str(_("Goes out on %(time)s") % {"time": schedule_time(publication)})
    return Badge(state, str(STATE_LABELS[state]), title)


def language_state(publication: Publication, language: str, version=None) -> str:
    """One language's state: ``version`` is its LanguageVersion row, or None if it has none."""
    if language == publication.original_language:
        return ORIGINAL
    if version is None:
        return MISSING
    if version.hidden:
        return HIDDEN
    if version.status == LanguageVersion.Status.READY and publication.is_viewable():
        return PUBLISHED
    return version.status


def language_badges(publication: Publication, *, with_missing: bool = False) -> list[tuple]:
    """(code, Badge) for each language of the item, in settings order: the original, then
    every translation with a row (``versions`` read through a prefetch where there is one);
    languages without a row only when ``with_missing``."""
    rows = {v.language: v for v in publication.versions.all()} if publication.pk else {}
    result = []
    for code, _name in settings.LANGUAGES:
        if code != publication.original_language and code not in rows and not with_missing:
            continue
        state = language_state(publication, code, rows.get(code))
        name = get_language_info(code)["name_translated"]
        label = str(LANGUAGE_LABELS[state])
        result.append((code, Badge(state, label, f"{name}: {label}")))
    return result


def language_badges_html(publication: Publication, *, with_missing: bool = False) -> SafeString:
    return format_html_join(
        " ",
        "{}",
        (
            (badge.html(prefix=code),)
            for code, badge in language_badges(publication, with_missing=with_missing)
        ),
    )
