"""The staff home: the admin's first page, each person's work in lists, then the admin's
own list of everything (Django's index).

The lists come from ``speeches.editorial.home`` (what a person's rights give them, in
constant queries); this module says what each entry prints and where it leads: straight
to the work (the change form, the publish page, the side-by-side editor), with the status
badges of every staff page and times in the admin's date format, local time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from speeches.admin import badges, translation_dashboard
from speeches.editorial import home
from speeches.languages import translating
from speeches.models import LANGUAGE_CODES, LanguageVersion, Publication
from speeches.publishing import workflow


@dataclass
class Entry:
    """One line of a list: the item, where its work is, and what to know about it."""

    publication: Publication
    url: str
    details: list[SafeString] = field(default_factory=list)
    note: str = ""  # the words of someone else, as they wrote them (a send-back comment)
    warning: str = ""  # why it cannot go further now
    languages: str = ""  # SafeString: the badges

    @property
    def title(self) -> str:
        return str(self.publication)

    @property
    def state(self) -> SafeString:
        return badges.publication_badge(self.publication).html()


@dataclass
class Section:
    """A list of the home page: its heading, its entries and how many there are in all."""

    key: str  # the section's id on the page (home-<key>)
    title: str
    total: int
    entries: list[Entry]
    empty: str  # said when there is nothing
    help: str = ""
    more_url: str = ""  # where the entries beyond the first ones are
    link_url: str = ""  # a page about all of this work, always offered
    link_label: str = ""

    @property
    def more(self) -> int:
        return self.total - len(self.entries)


def context(request, site) -> dict:
    """What the home page's template needs beyond Django's index: the person's sections."""
    user = request.user
    work = home.staff_home(user=user)
    links = Links(site.name)
    sections = [
        *_publisher_sections(work, user, links),
        *_author_sections(work, user, links),
        *_translator_sections(work, user, links),
    ]
    result = {"sections": sections}
    if sections:
        result["title"] = _("Your work")
    return result


class Links:
    """The admin's addresses for an entry's work."""

    def __init__(self, site_name: str):
        self.site = site_name

    def change(self, publication: Publication) -> str:
        return reverse(f"{self.site}:speeches_publication_change", args=[quote(publication.pk)])

    def publish(self, publication: Publication) -> str:
        return reverse(
            f"{self.site}:speeches_publication_transition",
            args=[quote(publication.pk), "publish"],
        )

    def translate(self, publication: Publication, language: str) -> str:
        return reverse(
            f"{self.site}:speeches_publication_translate",
            args=[quote(publication.pk), language],
        )

    def changelist(self, **filters) -> str:
        url = reverse(f"{self.site}:speeches_publication_changelist")
        return f"{url}?{urlencode(filters)}" if filters else url

    def dashboard(self, **filters) -> str:
        url = reverse(f"{self.site}:speeches_publication_translations")
        return f"{url}?{urlencode(filters)}" if filters else url


WORKED_ON = (LanguageVersion.Status.IN_PROGRESS, LanguageVersion.Status.OUTDATED)

# Sections by role


def _author_sections(work: home.StaffHome, user, links: Links) -> list[Section]:
    if work.drafts is None:
        return []
    drafts = Section(
        "drafts",
        _("My drafts"),
        work.drafts.total,
        [
            _entry(p, links.change(p), [_said(_("last saved %(time)s"), time=moment(p.updated_at))])
            for p in work.drafts.publications
        ],
        empty=_("You have no drafts."),
        more_url=links.changelist(status__exact=Publication.Status.DRAFT),
    )
    sent_back = Section(
        "sent-back",
        _("Sent back to me"),
        work.sent_back.total,
        [_sent_back_entry(p, links) for p in work.sent_back.publications],
        empty=_("Nothing was sent back to you."),
        help=_("Items you submitted that a publisher sent back to draft, with what to change."),
        more_url=links.changelist(status__exact=Publication.Status.DRAFT),
    )
    in_review = Section(
        "in-review",
        _("My items in review"),
        work.in_review.total,
        [_entry(p, links.change(p), [_submitted(p, user)]) for p in work.in_review.publications],
        empty=_("You have no items in review."),
        more_url=links.changelist(status__exact=Publication.Status.IN_REVIEW),
    )
    return [sent_back, drafts, in_review]


def _sent_back_entry(publication: Publication, links: Links) -> Entry:
    events = publication.sent_back_events  # the newest first
    event = events[0] if events else None
    entry = _entry(publication, links.change(publication))
    if event is not None:
        entry.details.append(
            _said(
                _("sent back by %(name)s on %(time)s"),
                name=person(event.user),
                time=moment(event.at),
            )
        )
        entry.note = event.reason
    return entry


def _publisher_sections(work: home.StaffHome, user, links: Links) -> list[Section]:
    if work.to_publish is None:
        return []
    in_review = links.changelist(status__exact=Publication.Status.IN_REVIEW)
    to_publish = Section(
        "to-publish",
        _("Awaiting my review"),
        work.to_publish.total,
        [_review_entry(p, user, links) for p in work.to_publish.publications],
        empty=_("Nothing is waiting for your review."),
        help=_("Items in review that you may publish, the longest waiting first."),
        more_url=in_review,
    )
    others = Section(
        "for-another-publisher",
        _("In review, for another publisher"),
        work.for_another_publisher.total,
        [_blocked_entry(p, user, links) for p in work.for_another_publisher.publications],
        empty=_("None: you may publish every item in review."),
        help=_(
            "You submitted these or changed them after they were submitted, so another "
            "publisher must review and publish them (or you force-publish one, with a reason)."
        ),
        more_url=in_review,
    )
    scheduled = Section(
        "scheduled",
        _("Scheduled next"),
        work.scheduled.total,
        [
            _entry(
                p,
                links.change(p),
                [
                    _said(
                        _("goes out on %(time)s"),
                        time=moment(p.published_at, shown=badges.schedule_time(p)),
                    )
                ],
            )
            for p in work.scheduled.publications
        ],
        empty=_("Nothing is scheduled."),
        more_url=links.changelist(status__exact=Publication.Status.PUBLISHED),
    )
    return [to_publish, others, scheduled]


def _review_entry(publication: Publication, user, links: Links) -> Entry:
    entry = _entry(publication, links.publish(publication), [_submitted(publication, user)])
    waiting = workflow.release_languages_not_ready(publication)
    if waiting:
        entry.warning = _(
            "To be released together with translations that are not ready yet: %(languages)s."
        ) % {"languages": ", ".join(language_name(code) for code in waiting)}
    return entry


def _blocked_entry(publication: Publication, user, links: Links) -> Entry:
    entry = _entry(publication, links.change(publication), [_submitted(publication, user)])
    if publication.submitted_by_id == user.pk:
        entry.warning = _("You submitted it: another publisher must publish it.")
    else:
        entry.warning = _(
            "You changed it after it was submitted: another publisher must publish it."
        )
    return entry


def _translator_sections(work: home.StaffHome, user, links: Links) -> list[Section]:
    if work.translations is None:
        return []
    languages = work.translation_languages
    translator = translating.is_translator(user)
    if translator or len(languages) < len(LANGUAGE_CODES):
        title = _("Translations waiting in my languages")
        names = ", ".join(language_name(code) for code in languages)
        help_text = _("Missing, in progress or outdated in %(languages)s.") % {"languages": names}
    else:
        title = _("Translations waiting")
        help_text = _("Missing, in progress or outdated, in every language.")
    if not languages:
        empty = _(
            "No languages are assigned to you yet: an administrator sets them on your user page."
        )
        help_text = ""
    else:
        empty = _("No translation is waiting in your languages.")
    return [
        Section(
            "translations",
            title,
            work.translations.total,
            [_translation_entry(p, user, languages, links) for p in work.translations.publications],
            empty=empty,
            help=help_text,
            link_url=links.dashboard(state=translation_dashboard.CURRENT),
            link_label=_("All of them on the translation dashboard"),
        )
    ]


def _translation_entry(publication: Publication, user, languages: list[str], links: Links) -> Entry:
    """The item with a badge per language; each waiting one leads to its side-by-side
    editor, and so does the title (to the first waiting one)."""
    versions = {version.language: version for version in publication.versions.all()}
    cells, first = [], ""
    for code in languages:
        version = versions.get(code)
        state = badges.language_state(publication, code, version)
        label = str(badges.LANGUAGE_LABELS[state])
        badge = badges.Badge(state, label, f"{language_name(code)}: {label}")
        # The worklist's rule (dashboard.NEEDS_WORK): no row, or a row being worked on.
        waiting = code != publication.original_language and (
            version is None or version.status in WORKED_ON
        )
        if waiting and translating.can_translate(user=user, publication=publication, language=code):
            url = links.translate(publication, code)
            first = first or url
            cells.append(format_html('<a href="{}">{}</a>', url, badge.html(prefix=code)))
        else:
            cells.append(badge.html(prefix=code))
    return _entry(
        publication,
        first or links.change(publication),
        languages=format_html_join(" ", "{}", ((cell,) for cell in cells)),
    )


# Pieces


def _entry(publication: Publication, url: str, details=None, *, languages=None) -> Entry:
    """``languages``: the badges to show, else the item's (its original and every
    translation begun)."""
    if languages is None:
        languages = badges.language_badges_html(publication)
    return Entry(
        publication=publication,
        url=url,
        details=list(details or []),
        languages=format_html('<span class="status-badges">{}</span>', languages),
    )


def _submitted(publication: Publication, user) -> SafeString:
    if publication.submitted_at is None:
        return SafeString("")
    if publication.submitted_by_id == user.pk:
        return _said(_("submitted by you on %(time)s"), time=moment(publication.submitted_at))
    return _said(
        _("submitted by %(name)s on %(time)s"),
        name=person(publication.submitted_by),
        time=moment(publication.submitted_at),
    )


def _said(message: str, **values) -> SafeString:
    """A translated sentence with its values escaped (a time stays a <time> element)."""
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    return mark_safe(conditional_escape(message) % escaped)


def moment(value, *, shown: str = "") -> SafeString:
    """A date and time as the admin writes them, in local time ("6 December 2026 13:05",
    unless ``shown`` says it otherwise), in a <time> element that carries it exactly."""
    local = timezone.localtime(value)
    shown = shown or formats.date_format(local, "DATETIME_FORMAT")
    return format_html('<time datetime="{}">{}</time>', local.isoformat(), shown)


def person(user) -> str:
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


def language_name(code: str) -> str:
    return str(get_language_info(code)["name_translated"])
