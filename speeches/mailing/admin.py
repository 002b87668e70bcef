"""Email in the staff admin: readers' subscriptions, the sendings, and each person's notices.

- **Subscribers** (read-only: readers own their choices): the list with its filters, each
  address with its subscriptions, and *Subscribers per facet and language*, counted by
  the database in a fixed number of GROUP BY queries. Only administrators delete an
  address (``subscribing.subscriber_delete``), and the admin's log keeps its number,
  never the address.
- **Sendings** (``Dispatch``, read-only): what went to whom in numbers, what failed and
  why, and *Retry failed and unconfirmed* (``sending.dispatch_retry``, which checks the
  permission), on a sending's page and as a list action. Deliveries have no admin of
  their own: a sending's page shows those that went wrong.
- **Notices and how each person is told** (``staff``): the unread notices on the staff
  home (``notices_context``, which ``pressoffice.admin_site`` adds to the home), *Mark all
  as read*, and the notification settings page; both under the site's own URLs
  (``site_urls``, added by the site's ``get_urls``).

The admin package (``speeches.admin``) may not import this package nor be imported by
it (import contracts), so ``StaffAdminConfig.ready()`` imports this module, and the badges'
markup is written here as ``speeches.admin.badges`` writes it (same classes,
``badges.css``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Window
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from speeches.mailing import sending, staff, subscribing
from speeches.models import (
    Country,
    Delivery,
    Dispatch,
    Person,
    PublicationType,
    StaffNotice,
    Subscriber,
    Subscription,
    Topic,
)

Sent = Delivery.Status
# Deliveries a retry sends again (``sending.dispatch_retry``), unless their address has
# been stopped since.


# Pieces every list and page here shares


def language_name(code: str) -> str:
    return str(get_language_info(code)["name_translated"]) if code else ""


def cell(label, value) -> SafeString:
    """A list's cell with its column's name before it, shown only where the list is a
    column of cards (a phone: ``mailing_admin.css``); the table's heading says it
    elsewhere."""
    return format_html('<span class="mail-cell__label">{}:</span> {}', label, value)


def badge(key: str, label) -> SafeString:
    """A status badge, as ``speeches.admin.badges.Badge`` writes it (``badges.css``)."""
    return format_html('<span class="status-badge status-badge--{}">{}</span>', key, label)


def moment(value) -> SafeString | str:
    """A date and time as the admin writes them, local, in a <time> element; "—" for none."""
    if value is None:
        return "—"
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}">{}</time>',
        local.isoformat(),
        formats.date_format(local, "DATETIME_FORMAT"),
    )


def verbose(model, name: str) -> str:
    return model._meta.get_field(name).verbose_name


# Subscribers


# What a subscription follows, by the facet it is narrowed by ("everything": none).
FACETS = {
    "everything": Q(
        type__isnull=True, person__isnull=True, topic__isnull=True, country__isnull=True, query=""
    ),
    "type": Q(type__isnull=False),
    "person": Q(person__isnull=False),
    "topic": Q(topic__isnull=False),
    "country": Q(country__isnull=False),
    "search": ~Q(query=""),
}
FACET_NAMES = {
    "everything": gettext_lazy("everything published"),
    "type": gettext_lazy("a type"),
    "person": gettext_lazy("a person"),
    "topic": gettext_lazy("a topic"),
    "country": gettext_lazy("a country"),
    "search": gettext_lazy("a search"),
}


class ConfirmedFilter(admin.SimpleListFilter):
    title = gettext_lazy("confirmation")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("confirmed")), ("no", _("waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(confirmed_at__isnull=self.value() == "no")
        return queryset


class StoppedFilter(admin.SimpleListFilter):
    title = gettext_lazy("delivery")
    parameter_name = "stopped"

    def lookups(self, request, model_admin):
        return [("no", _("receiving")), ("yes", _("stopped after bounces"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(suppressed_at__isnull=self.value() == "no")
        return queryset


def _has_subscription(condition: Q) -> Exists:
    return Exists(Subscription.objects.filter(condition, subscriber=OuterRef("pk")))


class FacetFilter(admin.SimpleListFilter):
    title = gettext_lazy("follows")
    parameter_name = "follows"

    def lookups(self, request, model_admin):
        return list(FACET_NAMES.items())

    def queryset(self, request, queryset):
        condition = FACETS.get(self.value() or "")
        return queryset if condition is None else queryset.filter(_has_subscription(condition))


class FrequencyFilter(admin.SimpleListFilter):
    title = gettext_lazy("how often")
    parameter_name = "frequency"

    def lookups(self, request, model_admin):
        return Subscription.Frequency.choices

    def queryset(self, request, queryset):
        if self.value() in Subscription.Frequency.values:
            return queryset.filter(_has_subscription(Q(frequency=self.value())))
        return queryset


class SubscriptionInline(admin.TabularInline):
    """What the address follows, as its reader chose it: read-only."""

    model = Subscription
    fields = ["follows", "created_at", "confirmed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("type", "person", "topic", "country")

    @admin.display(description=gettext_lazy("subscription"))
    def follows(self, obj: Subscription) -> str:
        return subscribing.label(obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Readers' addresses and choices: to look at, never to change (a reader changes
    their own through their emails' links); administrators may delete one."""

    list_display = ["address", "language_name", "confirmation", "subscriptions", "bounce_count"]
    list_display += ["delivery"]
    list_filter = ["language", ConfirmedFilter, StoppedFilter, FacetFilter, FrequencyFilter]
    search_fields = ["email"]
    # Not the key: it is what every link of the reader's emails proves.
    fields = ["email", "language", "created_at", "confirmed_at", "bounces"]
    fields += ["last_bounce_at", "suppressed_at"]
    readonly_fields = fields
    inlines = [SubscriptionInline]
    change_list_template = "admin/speeches/subscriber/change_list.html"
    list_per_page = 100

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(subscription_count=Count("subscriptions"))

    @admin.display(description=gettext_lazy("email address"), ordering="email")
    def address(self, obj: Subscriber) -> SafeString:
        return format_html('<span dir="ltr">{}</span>', obj.email)

    @admin.display(description=gettext_lazy("language"), ordering="language")
    def language_name(self, obj: Subscriber) -> SafeString:
        return cell(verbose(Subscriber, "language"), language_name(obj.language))

    @admin.display(description=gettext_lazy("confirmation"), ordering="confirmed_at")
    def confirmation(self, obj: Subscriber) -> SafeString:
        if obj.confirmed_at is None:
            return badge("in_progress", _("waiting"))
        return badge("ready", _("confirmed"))

    @admin.display(description=gettext_lazy("subscriptions"), ordering="subscription_count")
    def subscriptions(self, obj: Subscriber) -> SafeString:
        return cell(_("subscriptions"), obj.subscription_count)

    @admin.display(description=gettext_lazy("bounces"), ordering="bounces")
    def bounce_count(self, obj: Subscriber) -> SafeString:
        return cell(verbose(Subscriber, "bounces"), obj.bounces)

    @admin.display(description=gettext_lazy("delivery stopped at"), ordering="suppressed_at")
    def delivery(self, obj: Subscriber) -> SafeString:
        if obj.suppressed_at is None:
            return cell(verbose(Subscriber, "suppressed_at"), "—")
        return cell(verbose(Subscriber, "suppressed_at"), moment(obj.suppressed_at))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Deleting: through the service, which checks the permission itself.

    def delete_model(self, request, obj):
        subscribing.subscriber_delete(subscriber=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for subscriber in queryset:
                subscribing.subscriber_delete(subscriber=subscriber, user=request.user)

    def log_deletions(self, request, queryset):
        """The admin's log names a deleted subscriber by number: an address that was
        deleted is not kept anywhere, the log included."""
        content_type = ContentType.objects.get_for_model(Subscriber)
        return LogEntry.objects.bulk_create(
            [
                LogEntry(
                    user_id=request.user.pk,
                    content_type_id=content_type.pk,
                    object_id=str(subscriber.pk),
                    object_repr=f"#{subscriber.pk}",
                    action_flag=DELETION,
                    change_message="",
                )
                for subscriber in queryset
            ]
        )

    def get_deleted_objects(self, objs, request):
        """What a deletion takes with it, counted (a subscriber's delivery records may
        be thousands): the addresses with their subscriptions, and how many deliveries."""
        subscribers = list(objs)
        subscriptions = (
            Subscription.objects.filter(subscriber__in=subscribers)
            .select_related("type", "person", "topic", "country")
            .order_by("subscriber", "id")
        )
        by_subscriber: dict[int, list[str]] = {}
        for subscription in subscriptions:
            label = subscribing.label(subscription)
            by_subscriber.setdefault(subscription.subscriber_id, []).append(label)
        to_delete: list = []
        for subscriber in subscribers:
            to_delete += [
                f"{Subscriber._meta.verbose_name}: {subscriber.email}",
                by_subscriber.get(subscriber.pk, []),
            ]
        deliveries = Delivery.objects.filter(subscriber__in=subscribers).count()
        model_count = {
            Subscriber._meta.verbose_name_plural: len(subscribers),
            Subscription._meta.verbose_name_plural: sum(map(len, by_subscriber.values())),
            Delivery._meta.verbose_name_plural: deliveries,
        }
        needed = set() if self.has_delete_permission(request) else {Subscriber._meta.verbose_name}
        return to_delete, {k: v for k, v in model_count.items() if v}, needed, []

    # Subscribers per facet and language

    def get_urls(self):
        return [
            path(
                "overview/",
                self.admin_site.admin_view(self.overview_view),
                name="speeches_subscriber_overview",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {"overview_url": reverse(f"{self.admin_site.name}:speeches_subscriber_overview")}
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def overview_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        language = request.GET.get("language", "")
        if language not in dict(settings.LANGUAGES):
            language = ""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Subscribers per facet and language"),
            "overview": subscriber_overview(language=language),
            "language": language,
            "language_links": [
                (code, language_name(code) if code else _("All languages"))
                for code in ["", *dict(settings.LANGUAGES)]
            ],
        }
        return TemplateResponse(request, "admin/speeches/subscriber/overview.html", context)


@dataclass
class FacetValue:
    """One line of the overview: a facet's value and its subscribers, by how often."""

    label: str
    instant: int = 0
    daily: int = 0
    lang: str = ""  # the value's language, for search words (as the reader typed them)


@dataclass
class LanguageLine:
    code: str
    name: str
    subscribers: int = 0  # confirmed
    instant: int = 0
    daily: int = 0
    stopped: int = 0


@dataclass
class Overview:
    languages: list[LanguageLine]
    facets: list[tuple[str, list[FacetValue]]] = field(default_factory=list)


# The facets whose values are taxonomy rows, with the model that names them.
NAMED_FACETS = {"type": PublicationType, "person": Person, "topic": Topic, "country": Country}


def subscriber_overview(*, language: str = "") -> Overview:
    """Confirmed subscribers per language, and per facet value (in ``language``, or in
    every language), each split between instant emails and daily digests.

    Twelve queries whatever the numbers: two for the languages, one GROUP BY per facet,
    and the names of the types, persons, topics and countries subscribed to. Counts are
    of distinct subscribers; one may follow a value both ways, so instant and daily are
    not added up."""
    receiving = Subscription.objects.filter(
        confirmed_at__isnull=False, subscriber__confirmed_at__isnull=False
    )
    lines = {code: LanguageLine(code, language_name(code)) for code, _name in settings.LANGUAGES}
    per_language = (
        Subscriber.objects.filter(confirmed_at__isnull=False)
        .values("language")
        .annotate(n=Count("id"), stopped=Count("id", filter=Q(suppressed_at__isnull=False)))
        .order_by()
    )
    for row in per_language:
        if row["language"] in lines:
            lines[row["language"]].subscribers = row["n"]
            lines[row["language"]].stopped = row["stopped"]
    by_frequency = (
        receiving.values("subscriber__language", "frequency")
        .annotate(n=Count("subscriber", distinct=True))
        .order_by()
    )
    for row in by_frequency:
        line = lines.get(row["subscriber__language"])
        if line is not None:
            setattr(line, row["frequency"], row["n"])

    chosen = receiving.filter(subscriber__language=language) if language else receiving
    facets = []
    for key, condition in FACETS.items():
        value_field = {"everything": None, "search": "query"}.get(key, f"{key}_id")
        group = [value_field] if value_field else []
        rows = (
            chosen.filter(condition)
            .values(*group, "frequency")
            .annotate(n=Count("subscriber", distinct=True))
            .order_by()
        )
        values: dict = {}
        for row in rows:
            value = row[value_field] if value_field else key
            setattr(values.setdefault(value, FacetValue(label="")), row["frequency"], row["n"])
        facets.append((key, values))

    names = {
        key: {
            obj.pk: str(obj) for obj in model.objects.filter(pk__in=receiving.values(f"{key}_id"))
        }
        for key, model in NAMED_FACETS.items()
    }
    shown = []
    for key, values in facets:
        for value, line in values.items():
            if key in NAMED_FACETS:
                line.label = names[key].get(value, f"#{value}")
            elif key == "search":
                line.label = f"“{value}”"
            else:
                line.label = str(FACET_NAMES["everything"])
        ordered = sorted(values.values(), key=lambda v: (-(v.instant + v.daily), v.label))
        shown.append((str(FACET_TITLES[key]), ordered))
    return Overview(languages=list(lines.values()), facets=shown)


FACET_TITLES = {
    "everything": gettext_lazy("Everything"),
    "type": gettext_lazy("Types"),
    "person": gettext_lazy("Persons"),
    "topic": gettext_lazy("Topics"),
    "country": gettext_lazy("Countries"),
    "search": gettext_lazy("Search words"),
}


# Sendings


def _went_wrong() -> Exists:
    return Exists(Delivery.objects.filter(sending.RETRYABLE, dispatch=OuterRef("pk")))


@dataclass
class DeliveryReport:
    """A sending's deliveries for its page: how many in each status, and those that
    went wrong (the first ``SHOWN``), with their errors."""

    counts: list[tuple[str, int]]
    went_wrong: list[Delivery]
    went_wrong_total: int
    retryable: int  # of those, to addresses still receiving
    with_addresses: bool

    SHOWN = 50

    @property
    def more(self) -> int:
        return self.went_wrong_total - len(self.went_wrong)


def delivery_report(dispatch: Dispatch, *, with_addresses: bool) -> DeliveryReport:
    """Two queries: the counts in one aggregate, the deliveries that went wrong in one
    more (with their subscriber only for who may see addresses)."""
    deliveries = Delivery.objects.filter(dispatch=dispatch)
    totals = deliveries.aggregate(
        **{status: Count("id", filter=Q(status=status)) for status in Sent.values},
        retryable=Count("id", filter=sending.RETRYABLE),
    )
    wrong = deliveries.filter(status__in=sending.WENT_WRONG).order_by("id")
    if with_addresses:
        wrong = wrong.select_related("subscriber")
    else:
        wrong = wrong.only("id", "status", "error", "attempts", "dispatch_id", "subscriber_id")
    return DeliveryReport(
        counts=[(label, totals[status]) for status, label in Sent.choices],
        went_wrong=list(wrong[: DeliveryReport.SHOWN]),
        went_wrong_total=totals[Sent.FAILED] + totals[Sent.UNCONFIRMED],
        retryable=totals["retryable"],
        with_addresses=with_addresses,
    )


@admin.register(Dispatch)
class DispatchAdmin(admin.ModelAdmin):
    """Every sending, as the worker left it: read-only. Publishers and administrators
    may send again what failed (``speeches.change_dispatch``, checked by the service)."""

    list_display = ["what", "language_name", "status_badge", "when", "recipient_count"]
    list_display += ["sent_count", "failed_count", "unconfirmed_count", "attempt_count"]
    list_display += ["finished"]
    list_filter = ["status", "kind", "language"]
    list_select_related = ["publication"]
    date_hierarchy = "send_at"
    actions = ["retry"]
    fields = ["what", "kind", "language", "status_badge", "send_at", "created_at"]
    fields += ["started_at", "finished_at", "recipients", "sent", "failed", "unconfirmed"]
    fields += ["attempts", "error"]
    readonly_fields = fields
    change_list_template = "admin/speeches/dispatch/change_list.html"
    change_form_template = "admin/speeches/dispatch/change_form.html"

    @admin.display(description=gettext_lazy("what"))
    def what(self, obj: Dispatch) -> SafeString:
        if obj.kind == Dispatch.Kind.DIGEST:
            return format_html(
                "{}",
                _("Daily digest of %(day)s") % {"day": formats.date_format(obj.day, "DATE_FORMAT")},
            )
        title = obj.publication.title_in(obj.language) or str(obj.publication)
        return format_html('<span lang="{}" dir="auto">{}</span>', obj.language, title)

    @admin.display(description=gettext_lazy("last error"))
    def error(self, obj: Dispatch) -> SafeString | str:
        """The mail server's words, in its own direction (mostly English in Arabic)."""
        if not obj.last_error:
            return "—"
        return format_html('<span dir="auto">{}</span>', obj.last_error)

    @admin.display(description=gettext_lazy("language"), ordering="language")
    def language_name(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "language"), language_name(obj.language))

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_badge(self, obj: Dispatch) -> SafeString:
        return badge(obj.status, obj.get_status_display())

    @admin.display(description=gettext_lazy("send at"), ordering="send_at")
    def when(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "send_at"), moment(obj.send_at))

    @admin.display(description=gettext_lazy("recipients"), ordering="recipients")
    def recipient_count(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "recipients"), obj.recipients)

    @admin.display(description=gettext_lazy("sent"), ordering="sent")
    def sent_count(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "sent"), obj.sent)

    @admin.display(description=gettext_lazy("failed"), ordering="failed")
    def failed_count(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "failed"), obj.failed)

    @admin.display(description=gettext_lazy("unconfirmed"), ordering="unconfirmed")
    def unconfirmed_count(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "unconfirmed"), obj.unconfirmed)

    @admin.display(description=gettext_lazy("attempts"), ordering="attempts")
    def attempt_count(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "attempts"), obj.attempts)

    @admin.display(description=gettext_lazy("finished at"), ordering="finished_at")
    def finished(self, obj: Dispatch) -> SafeString:
        return cell(verbose(Dispatch, "finished_at"), moment(obj.finished_at))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # read-only for all; retrying is its own permission (below)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request) -> bool:
        """Who is offered *Retry*; ``sending.dispatch_retry`` checks it again."""
        return request.user.has_perm("speeches.change_dispatch")

    # Retrying

    @admin.action(description=gettext_lazy("Retry failed and unconfirmed"), permissions=["retry"])
    def retry(self, request, queryset):
        chosen = list(queryset.annotate(went_wrong=_went_wrong()))
        again = retried = 0
        for dispatch in chosen:
            if sending.can_be_retried(dispatch, went_wrong=dispatch.went_wrong):
                again += sending.dispatch_retry(dispatch=dispatch, user=request.user)
                retried += 1
        self._report_retry(request, retried=retried, again=again, skipped=len(chosen) - retried)

    def _report_retry(self, request, *, retried: int, again: int, skipped: int) -> None:
        if retried:
            messages.success(
                request,
                ngettext(
                    "%(sendings)s sending goes on: %(messages)s messages to send again.",
                    "%(sendings)s sendings go on: %(messages)s messages to send again.",
                    retried,
                )
                % {"sendings": retried, "messages": again},
            )
        if skipped:
            messages.info(
                request,
                ngettext(
                    "%(count)s sending had nothing to retry.",
                    "%(count)s sendings had nothing to retry.",
                    skipped,
                )
                % {"count": skipped},
            )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/retry/",
                self.admin_site.admin_view(self.retry_view),
                name="speeches_dispatch_retry",
            ),
            *super().get_urls(),
        ]

    def retry_view(self, request, object_id):
        """The sending page's button: a POST, answered by going back to the page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_permission(request):
            raise PermissionDenied
        dispatch = (
            self.get_queryset(request)
            .annotate(went_wrong=_went_wrong())
            .filter(pk=unquote(object_id))
            .first()
            if str(object_id).isdigit()
            else None
        )
        if dispatch is None:
            raise Http404
        if sending.can_be_retried(dispatch, went_wrong=dispatch.went_wrong):
            again = sending.dispatch_retry(dispatch=dispatch, user=request.user)
            self._report_retry(request, retried=1, again=again, skipped=0)
        else:
            self._report_retry(request, retried=0, again=0, skipped=1)
        return HttpResponseRedirect(
            reverse(f"{self.admin_site.name}:speeches_dispatch_change", args=[quote(dispatch.pk)])
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        dispatch = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if dispatch is not None and self.has_view_permission(request, dispatch):
            context["subtitle"] = staff.sending_name(dispatch)
            report = delivery_report(
                dispatch, with_addresses=request.user.has_perm("speeches.view_subscriber")
            )
            context["deliveries"] = report
            context["retry_url"] = (
                reverse(
                    f"{self.admin_site.name}:speeches_dispatch_retry", args=[quote(dispatch.pk)]
                )
                if self.has_retry_permission(request)
                and sending.can_be_retried(dispatch, went_wrong=report.retryable > 0)
                else ""
            )
        return super().change_view(request, object_id, form_url, context)


# Each person's notices, and how they are told

NOTICES_SHOWN = 20


@dataclass
class NoticeEntry:
    """A notice as the staff home shows it."""

    id: int
    kind: str
    sentence: str
    url: str
    at: object  # datetime
    who: str
    comment: str


def notices_context(request) -> dict:
    """The staff home's notices panel: the person's unread notices, newest first, and
    how many there are in all, in one query (the total rides on every row)."""
    rows = list(
        StaffNotice.objects.filter(user=request.user, read_at__isnull=True)
        .select_related("publication", "actor", "dispatch__publication")
        .annotate(total=Window(Count("id")))
        .order_by("-created_at", "-id")[:NOTICES_SHOWN]
    )
    entries = [
        NoticeEntry(
            id=notice.pk,
            kind=notice.kind,
            sentence=staff.describe(notice),
            url=staff.link(notice),
            at=notice.created_at,
            who=staff.person(notice.actor),
            comment=notice.comment,
        )
        for notice in rows
    ]
    total = rows[0].total if rows else 0
    return {"notices": {"entries": entries, "total": total, "more": total - len(entries)}}


class NotificationSettingsForm(forms.Form):
    how = forms.ChoiceField(
        label=gettext_lazy("How you are told"),
        choices=[
            ("email", gettext_lazy("By email, and on my staff home")),
            ("admin", gettext_lazy("On my staff home only")),
        ],
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of your notices"),
        help_text=gettext_lazy(
            "Emails come in this language; the admin speaks your browser's language."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]


def notification_settings_view(request, *, site):
    """Each signed-in person's own settings: there is no one else's to choose."""
    chosen = staff.settings_for(request.user)
    initial = {"how": "email" if chosen.by_email else "admin", "language": chosen.language}
    form = NotificationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        staff.settings_save(
            user=request.user,
            by_email=form.cleaned_data["how"] == "email",
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your notification settings were saved."))
        return HttpResponseRedirect(reverse(f"{site.name}:notification_settings"))
    context = {
        **site.each_context(request),
        "title": _("Notification settings"),
        "form": form,
    }
    return TemplateResponse(request, "admin/notification_settings.html", context)


def notices_read_view(request, *, site):
    """*Mark all as read*: the notices the panel showed (``notice`` ids, the person's own
    only), or all of them."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    ids = [int(value) for value in request.POST.getlist("notice") if value.isdigit()]
    count = staff.notice_read(user=request.user, notice_ids=ids or None)
    if count:
        messages.success(
            request,
            ngettext("%(count)s notice marked as read.", "%(count)s notices marked as read.", count)
            % {"count": count},
        )
    return HttpResponseRedirect(reverse(f"{site.name}:index"))


def site_urls(site) -> list:
    """The admin site's own pages for notices (``StaffAdminSite.get_urls``)."""
    return [
        path(
            "notifications/settings/",
            site.admin_view(partial(notification_settings_view, site=site)),
            name="notification_settings",
        ),
        path(
            "notifications/read/",
            site.admin_view(partial(notices_read_view, site=site)),
            name="notices_read",
        ),
    ]
