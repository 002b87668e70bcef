"""The staff home's reads: what each person has to do next, list by list.

What a person sees follows what they may do, not a group's name: whoever may submit
(authors, publishers, administrators) has their drafts, what was sent back to them and
their items in review; whoever may publish has the items awaiting review (apart, those
the two-person rule leaves to another publisher) and what is scheduled next; whoever
translates has the translations waiting in their languages (a translator's own; everyone
else who may translate, the languages set on their user page, or all of them).

Each list is one query returning its first ``LENGTH`` rows with the total (a window
count), and the language versions of every listed publication one more, so the page
costs the same whatever the number of items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.utils import timezone

from speeches.languages import dashboard, translating
from speeches.models import (
    LANGUAGE_CODES,
    LanguageVersion,
    Publication,
    WorkflowEvent,
    column,
)
from speeches.publishing import previews, workflow

# Entries per list: the page says how many more there are and where to find them.
LENGTH = 10

Status = Publication.Status
Action = WorkflowEvent.Action

# The events that move an item from one state to another (edits and notes do not).
MOVES = (
    Action.SUBMIT,
    Action.SEND_BACK,
    Action.PUBLISH,
    Action.SCHEDULE,
    Action.FORCE_PUBLISH,
    Action.UNSCHEDULE,
    Action.WITHDRAW,
    Action.UNPUBLISH,
)

# What an entry prints: never the texts themselves (every language's body), only titles.
LISTED_FIELDS = (
    "id",
    "type",
    "published_at",
    "status",
    "original_language",
    "release_languages",
    "created_by",
    "updated_at",
    "submitted_at",
    "submitted_by",
    *(column("title", code) for code in LANGUAGE_CODES),
)


@dataclass(frozen=True)
class WorkList:
    """The first entries of a list, and how many there are in all."""

    publications: list[Publication]
    total: int


@dataclass
class StaffHome:
    """A person's lists; None where their role has no such list."""

    drafts: WorkList | None = None
    sent_back: WorkList | None = None
    in_review: WorkList | None = None
    to_publish: WorkList | None = None
    for_another_publisher: WorkList | None = None
    scheduled: WorkList | None = None
    translations: WorkList | None = None
    translation_languages: list[str] = field(default_factory=list)

    def publications(self) -> list[Publication]:
        lists = (
            self.drafts,
            self.sent_back,
            self.in_review,
            self.to_publish,
            self.for_another_publisher,
            self.scheduled,
            self.translations,
        )
        return [p for work in lists if work is not None for p in work.publications]


def staff_home(*, user) -> StaffHome:
    """Every list ``user``'s rights give them, with the language versions of each entry."""
    home = StaffHome()
    if not previews.staff_may_see_unpublished(user):
        return home
    if user.has_perm("speeches.submit_publication"):
        home.drafts = _first(_drafts(user).filter(sent_back_to_me=False).order_by("-updated_at"))
        home.sent_back = _first(
            _drafts(user, mine=False)
            .filter(sent_back_to_me=True)
            .prefetch_related(
                Prefetch(
                    "events",
                    queryset=WorkflowEvent.objects.filter(action=Action.SEND_BACK)
                    .select_related("user")
                    .order_by("-at", "-id"),
                    to_attr="sent_back_events",
                )
            )
            .order_by("-moved_at", "-id")
        )
        home.in_review = _first(
            _listed()
            .filter(Q(created_by=user) | Q(submitted_by=user), status=Status.IN_REVIEW)
            .order_by("-submitted_at", "-id")
        )
    if user.has_perm("speeches.publish_publication"):
        in_review = _listed().filter(status=Status.IN_REVIEW).order_by("submitted_at", "id")
        blocked = workflow.two_person_rule_q(user=user)
        home.to_publish = _first(in_review.exclude(blocked))
        home.for_another_publisher = _first(in_review.filter(blocked))
        home.scheduled = _first(
            _listed()
            .filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
            .order_by("published_at", "id")
        )
    languages = translation_languages(user)
    if languages is not None:
        home.translation_languages = languages
        home.translations = _first(
            dashboard.translation_worklist(
                languages=languages, publication_states=dashboard.CURRENT
            ).prefetch_related(None)
        )
    prefetch_related_objects(
        home.publications(),
        Prefetch(
            "versions",
            queryset=LanguageVersion.objects.only(
                "id", "publication_id", "language", "status", "hidden"
            ).order_by(),
        ),
    )
    return home


def translation_languages(user) -> list[str] | None:
    """The languages whose waiting translations ``user`` sees, in settings order, or None
    when they translate nothing: a translator's own (perhaps none yet); for others who may
    translate, the languages set on their user page, else every language."""
    if not user.has_perm("speeches.translate_publication"):  # translators' and others'
        return None
    own = set(translating.translator_languages(user))
    if not own and not translating.is_translator(user):
        return list(LANGUAGE_CODES)
    return [code for code in LANGUAGE_CODES if code in own]


def _listed() -> QuerySet[Publication]:
    return Publication.objects.select_related("type", "submitted_by").only(*LISTED_FIELDS)


def _drafts(user, *, mine: bool = True) -> QuerySet[Publication]:
    """Drafts (``mine``: those ``user`` created), each marked ``sent_back_to_me`` when its
    last move was a send-back of a submission of ``user``'s, with ``moved_at``."""
    moves = WorkflowEvent.objects.filter(publication=OuterRef("pk"), action__in=MOVES).order_by(
        "-at", "-id"
    )
    submissions = WorkflowEvent.objects.filter(
        publication=OuterRef("pk"), action=Action.SUBMIT
    ).order_by("-at", "-id")
    drafts = _listed().filter(status=Status.DRAFT)
    if mine:
        drafts = drafts.filter(created_by=user)
    return drafts.annotate(
        last_move=Subquery(moves.values("action")[:1]),
        moved_at=Subquery(moves.values("at")[:1]),
        last_submitter=Subquery(submissions.values("user")[:1]),
    ).annotate(
        sent_back_to_me=Case(
            When(Q(last_move=Action.SEND_BACK, last_submitter=user.pk), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _first(publications: QuerySet[Publication]) -> WorkList:
    """The first ``LENGTH`` rows and the number of all, in one query."""
    rows = list(publications.annotate(listed_total=Window(Count("pk")))[:LENGTH])
    return WorkList(publications=rows, total=rows[0].listed_total if rows else 0)
