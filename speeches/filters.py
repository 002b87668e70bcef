"""Archive filters. Invalid values are reported next to their field, never a 500."""

from typing import NamedTuple

import django_filters
from django.utils.translation import gettext_lazy as _

from speeches.models import Country, Person, Publication, PublicationType, Topic


class ActiveFilter(NamedTuple):
    label: str
    value: object
    remove_query: str


class PublicationFilter(django_filters.FilterSet):
    type = django_filters.ModelChoiceFilter(
        label=_("Type"), queryset=PublicationType.objects.all(), to_field_name="code"
    )
    speaker = django_filters.ModelChoiceFilter(
        label=_("Speaker"), field_name="speakers", queryset=Person.objects.all()
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), field_name="topics", queryset=Topic.objects.all(), to_field_name="slug"
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        field_name="countries",
        queryset=Country.objects.all(),
        to_field_name="code",
    )

    class Meta:
        model = Publication
        fields = ["type", "speaker", "topic", "country"]

    def active(self) -> list[ActiveFilter]:
        """Every valid filter in use, with the query string that removes it."""
        if not self.is_bound or not self.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            remove_query = f"?{params.urlencode()}" if params else ""
            active.append(ActiveFilter(self.filters[name].label, value, remove_query))
        return active
