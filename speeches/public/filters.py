"""Archive filters and search: one FilterSet for the pages, taxonomy pages, feeds and API.

Invalid values never raise: django-filter drops them from the query and keeps their
errors on the form, which the pages show next to the field. Taxonomy choices, and the
HTML of the selects' options, are built once per change of what readers see
(``selectors.filter_options``), not on every page: a few hundred speakers, topics and
countries cost a page nothing but the one query that says whether anything changed.
They hold only the types, speakers, topics and countries of publications public in the
reader's language (``selectors.public_terms``' rule), so a value that only a draft or an
embargoed item carries is an invalid choice, like an unknown one.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

import django_filters
from django import forms
from django.db.models import QuerySet
from django.forms.utils import flatatt
from django.utils import dates, formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from speeches.public import search, selectors
from speeches.public.presentation import list_separator

MIN_YEAR, MAX_YEAR = 1900, 2100
MONTHS = [(str(number), name) for number, name in dates.MONTHS.items()]


class ActiveFilter(NamedTuple):
    label: str
    value: str
    remove_query: str


def _start_of(day: datetime.date) -> datetime.datetime:
    """The first instant of ``day`` in the current time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _since(day: datetime.date) -> datetime.datetime | None:
    """The first instant of a range starting on ``day``; None when every time is on or
    after it (and its start has no instant)."""
    if day <= datetime.date.min + datetime.timedelta(days=1):
        return None
    return _start_of(day)


def _before(day: datetime.date) -> datetime.datetime | None:
    """The instant a range ending on ``day`` (inclusive) stops short of; None when every
    time is before it."""
    if day >= datetime.date.max - datetime.timedelta(days=1):
        return None
    return _start_of(day + datetime.timedelta(days=1))


def default_sort(words: str) -> str:
    """The order of a list without a valid sort chosen: by relevance for a search, newest
    first otherwise."""
    return "relevance" if words.strip() else "date"


class DateInput(forms.DateInput):
    input_type = "date"


class KeptOptionsSelect(forms.Select):
    """A select whose options come as HTML built once per change (``FilterOptions``):
    only the empty choice and the mark on the chosen option are made per request.
    Rendered without templates, like the options, the same markup as Django's select."""

    def __init__(self, options: list[tuple[str, str]], empty_label, attrs=None):
        super().__init__(attrs)
        self.options = options
        self.empty_label = empty_label

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        chosen = chosen[0] if chosen else ""
        attributes = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        empty = format_html(
            '<option value=""{}>{}</option>', " selected" if chosen == "" else "", self.empty_label
        )
        options = [
            html.replace("<option ", "<option selected ", 1) if option == chosen else html
            for option, html in self.options
        ]
        return mark_safe(f"<select{flatatt(attributes)}>{empty}{''.join(options)}</select>")


class IntegerFilter(django_filters.NumberFilter):
    # NumberFilter's DecimalField would hand Decimals to the year lookup, which wants ints.
    field_class = forms.IntegerField


class PublicationFilterForm(forms.Form):
    """The archive's filter form: a date range must not end before it starts, and the sort
    order it shows is the one the list is in (newest first without search words, by
    relevance with them), not the first of its options."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = default_sort(data.get("q") or "")
        super().__init__(data, *args, **kwargs)
        if not self.is_bound and "sort" in self.fields:
            self.fields["sort"].initial = default_sort("")

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first is not None and last is not None and last < first:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


class FeedFacet(NamedTuple):
    facet: str  # the feed's URL facet (speeches.public.feeds.FACETS)
    value: str
    title: str


# The filters that have a feed of their own: filter name → the feed's facet.
FEED_FACETS = {"type": "type", "speaker": "person", "topic": "topic", "country": "country"}

# The facets whose lists are the same for every reader, and counted as such.
COUNTED_FACETS = frozenset({"type", "speaker", "topic", "country", "year", "month"})


class PublicationFilter(django_filters.FilterSet):
    class Meta:
        form = PublicationFilterForm

    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_nothing",  # searching happens in filter_queryset, after the filters
        max_length=search.MAX_QUERY_LENGTH,
        help_text=_('Use "quotes" for a phrase, -word to exclude a word, or for alternatives.'),
    )
    # An item has one type: no duplicates to remove (DISTINCT over every column made the
    # count and the page sort every match).
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        field_name="type__code",
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    speaker = django_filters.ChoiceFilter(
        label=_("Speaker"), field_name="speakers", empty_label=_("Any speaker")
    )
    topic = django_filters.ChoiceFilter(
        label=_("Topic"), field_name="topics__slug", empty_label=_("Any topic")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="countries__code", empty_label=_("Any country")
    )
    # Days of the site's time zone, compared as instants: the date index answers a range
    # of times, not the date of each item's time (which read every row).
    date_from = django_filters.DateFilter(label=_("From"), method="filter_from", widget=DateInput)
    date_to = django_filters.DateFilter(label=_("To"), method="filter_to", widget=DateInput)
    year = IntegerFilter(
        label=_("Year"),
        field_name="published_at",
        lookup_expr="year",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
    )
    month = django_filters.ChoiceFilter(
        label=_("Month"),
        field_name="published_at",
        lookup_expr="month",
        choices=MONTHS,
        empty_label=_("Any month"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_nothing",  # ordering is applied last, in filter_queryset
        choices=[
            ("relevance", pgettext_lazy("sort", "relevance")),
            ("date", pgettext_lazy("sort", "newest first")),
        ],
        empty_label=None,
    )

    def __init__(self, data=None, queryset=None, *, language: str, exclude=(), **kwargs):
        """``queryset`` is the language's public list, or (on a page that fixes a term,
        or a feed) part of it with ``exclude`` naming the filters that page fixes."""
        super().__init__(data, queryset, **kwargs)
        self.language = language
        self.fixed = tuple(exclude)
        for name in exclude:  # a taxonomy page does not offer its own term as a filter
            self.filters.pop(name)
        self._set_choices()

    def _set_choices(self) -> None:
        # Only terms of publications public in this language: a name attached to drafts
        # or embargoed items alone must not be offered (nor accepted) here.
        kept = selectors.filter_options(language=self.language)
        for name, choices in kept.choices.items():
            if name not in self.filters:
                continue
            extra = self.filters[name].extra
            # A callable: a form copies its fields, and would copy hundreds of choices.
            extra["choices"] = lambda choices=choices: choices
            if name in kept.options:
                extra["widget"] = KeptOptionsSelect(kept.options[name], extra["empty_label"])

    def filter_nothing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset

    def filter_from(self, queryset: QuerySet, name: str, day: datetime.date) -> QuerySet:
        since = _since(day)
        return queryset if since is None else queryset.filter(published_at__gte=since)

    def filter_to(self, queryset: QuerySet, name: str, day: datetime.date) -> QuerySet:
        before = _before(day)
        return queryset if before is None else queryset.filter(published_at__lt=before)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        if self.search_text:
            return search.apply_search(
                queryset,
                text=self.search_text,
                language=self.language,
                by_relevance=self.sort_order == "relevance",
                whole=not self.fixed and not set(self.chosen()) - {"q"},
            )
        return queryset.order_by("-published_at", "-id")

    def facet(self, *, ignored: set[str]) -> str | None:
        """The list's one facet as text ("" for none) when it is a list the same for every
        reader: no filter, or one type set, term, year or month (what the facet lists
        count), every value valid. None for anything else (a combination, a date range, a
        search, an invalid value). ``ignored``: the parameters that choose a page of it."""
        given = set(self.data) - ignored
        values = self.chosen()
        if given != set(values) or len(values) > 1 or not set(values) <= COUNTED_FACETS:
            return None
        return "".join(
            f"{name}={','.join(map(str, sorted(v))) if isinstance(v, list) else v}"
            for name, v in values.items()
        )

    def feed(self) -> FeedFacet | None:
        """The feed of the list's one term (a type, speaker, topic or country, the only
        valid filter), which lists what the list does, newest first; None otherwise."""
        values = self.chosen()
        if self.fixed or len(values) != 1:
            return None
        ((name, value),) = values.items()
        if name == "type":
            if len(value) != 1:
                return None
            value = value[0]
        if name not in FEED_FACETS:
            return None
        return FeedFacet(FEED_FACETS[name], str(value), self._display(name, value))

    def date_bounds(self) -> tuple[datetime.datetime | None, datetime.datetime | None] | None:
        """The instants (since, before) between which a list narrowed by dates alone
        (``date_from``, ``date_to``), or not at all, lies; None for any other list (a
        fixed term, another filter, a search). What ``filter_from`` and ``filter_to`` do."""
        values = self.chosen()
        if self.fixed or set(values) - {"date_from", "date_to"}:
            return None
        first, last = values.get("date_from"), values.get("date_to")
        return (
            None if first is None else _since(first),
            None if last is None else _before(last),
        )

    def chosen(self) -> dict:
        """``filter_values`` but for the sort order: what narrows the list."""
        return {name: value for name, value in self.filter_values().items() if name != "sort"}

    def filter_values(self) -> dict:
        """The valid values in use (invalid ones are left out, as the query leaves them)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = self.form.cleaned_data
        return {name: value for name, value in cleaned.items() if value not in (None, "", [])}

    # What the templates print

    @property
    def search_text(self) -> str:
        return self.filter_values().get("q", "").strip()

    @property
    def sort_order(self) -> str:
        return self.filter_values().get("sort") or default_sort(self.search_text)

    def panel_count(self) -> int:
        """How many filters narrow the list besides the words, which stay in view above
        the folded filters: the count their summary shows ("Filters (2)"). It depends on
        the valid values alone, so a form kept for every reader of a list (``facet``, a
        search alone) shows the count that is right for each of them."""
        return len(set(self.chosen()) - {"q"})

    def active(self) -> list[ActiveFilter]:
        """Every valid filter in use, each with the query string that removes it."""
        active = []
        for name, value in self.chosen().items():
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            remove_query = f"?{params.urlencode()}" if params else ""
            active.append(
                ActiveFilter(self.filters[name].label, self._display(name, value), remove_query)
            )
        return active

    def _display(self, name: str, value) -> str:
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        field = self.form.fields[name]
        labels = dict(getattr(field, "choices", []))
        if isinstance(value, list):
            return list_separator().join(str(labels.get(v, v)) for v in value)
        return str(labels.get(value, value))
