"""Which subscribers an item reaches in a language: one query, whatever their number.

A subscription matches an item when each facet it names is the item's (its type, one of
its speakers, topics or countries) and its search words, if any, find the item with the
site's own search in the subscriber's language. A subscription that names nothing is
everything in that language.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from speeches.models import Publication, Subscription
from speeches.public import search


def receiving(language: str, frequency: str) -> QuerySet[Subscription]:
    """Subscriptions of confirmed, still-receiving subscribers in ``language``."""
    return Subscription.objects.filter(
        frequency=frequency,
        subscriber__language=language,
        confirmed_at__isnull=False,
        subscriber__suppressed_at__isnull=True,
    )


def matching_queries(publication: Publication, queries: set[str], language: str) -> set[str]:
    """The search words among ``queries`` that find ``publication`` in ``language``."""
    one = Publication.objects.available_in(language).filter(pk=publication.pk)
    found = set()
    for text in queries:
        results = search.apply_search(one, text=text, language=language, by_relevance=False)
        if len(list(results)):
            found.add(text)
    return found


def subscriptions_for(
    publication: Publication, *, language: str, frequency: str
) -> QuerySet[Subscription]:
    """The subscriptions ``publication``'s ``language`` version matches."""
    subscriptions = receiving(language, frequency)
    queries = set(
        subscriptions.exclude(query="").values_list("query", flat=True).distinct().order_by()
    )
    found = matching_queries(publication, queries, language) if queries else set()
    speakers = list(publication.speakers.values_list("pk", flat=True))
    topics = list(publication.topics.values_list("pk", flat=True))
    countries = list(publication.countries.values_list("pk", flat=True))
    return subscriptions.filter(
        Q(type__isnull=True) | Q(type=publication.type_id),
        Q(person__isnull=True) | Q(person__in=speakers),
        Q(topic__isnull=True) | Q(topic__in=topics),
        Q(country__isnull=True) | Q(country__in=countries),
        Q(query="") | Q(query__in=found),
    )


def subscriber_ids_for(publication: Publication, *, language: str, frequency: str) -> QuerySet:
    """The subscribers ``publication`` reaches, as a query of their ids (each once)."""
    return (
        subscriptions_for(publication, language=language, frequency=frequency)
        .values("subscriber_id")
        .distinct()
        .order_by()
    )
