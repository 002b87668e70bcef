"""The public pages the ``benchmark`` command times and the ``loadtest`` command sends, by
name, with their addresses in whatever archive the database holds (the corpus, or any)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from speeches.models import Country, Person, Publication, Topic
from speeches.public import selectors

# Searches of one, two and three words, each by relevance and newest first.
SEARCHES = {
    "en": ("time", "world government", "international security policy"),
    "ru": ("время", "безопасности россии", "политики развития государства"),
}
# How many different publications the publication page and the API detail go through.
DIFFERENT = 60


def public_pages() -> list[tuple[str, list[str]]]:
    """Each public page measured: its name and its addresses (several for pages asked
    for a different one on each request). The load test sends the same mix."""
    english = Publication.objects.available_in("en")
    last = max(1, -(-english.count() // settings.PUBLICATIONS_PER_PAGE))
    pages = [
        ("home", ["/en/"]),
        ("archive, page 1", ["/en/publications/"]),
        ("archive, page 200", [f"/en/publications/?page={min(200, last)}"]),
        ("archive, last page", [f"/en/publications/?page={last}"]),
    ]
    sample = english.order_by("-published_at").first()
    topic = None  # also names a topic feed below
    if sample is not None:
        year = sample.published_at.year
        person = sample.speakers.order_by("pk").first()
        topic = sample.topics.order_by("pk").first()
        country = sample.countries.order_by("pk").first()
        half_year = f"date_from={year}-01-01&date_to={year}-06-30"
        pages += [
            ("filter: type", [f"/en/publications/?type={sample.type.code}"]),
            ("filter: year", [f"/en/publications/?year={year}"]),
            ("filter: month", [f"/en/publications/?month={sample.published_at.month}"]),
            ("filter: dates", [f"/en/publications/?{half_year}"]),
        ]
        if person:
            pages.append(("filter: speaker", [f"/en/publications/?speaker={person.pk}"]))
        if topic:
            pages.append(("filter: topic", [f"/en/publications/?topic={topic.slug}"]))
        if country:
            pages.append(("filter: country", [f"/en/publications/?country={country.code}"]))
    for language, searches in SEARCHES.items():
        for words in searches:
            for sort in ("relevance", "date"):
                url = f"/{language}/publications/?q={words}&sort={sort}"
                pages.append((f"search {language} {len(words.split())}w, {sort}", [url]))
    pages.append(("search, phrase and exclusion", ['/en/publications/?q="world government" -time']))
    ids = list(english.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // DIFFERENT)
    chosen = Publication.objects.filter(pk__in=ids[::step][:DIFFERENT])
    pages.append(("publication page", [p.get_absolute_url("en") for p in chosen]))
    for model, name in ((Person, "person"), (Topic, "topic"), (Country, "country")):
        term = selectors.public_terms(model=model, language="en").first()
        if term is not None:
            with translation.override("en"):
                pages.append((f"{name} page", [term.get_absolute_url()]))
    pages += [
        ("persons", ["/en/persons/"]),
        ("topics", ["/en/topics/"]),
        ("countries", ["/en/countries/"]),
        ("RSS feed", ["/en/feeds/rss/"]),
        ("Atom feed", ["/en/feeds/atom/"]),
    ]
    if topic:
        pages.append(("RSS feed, one topic", [f"/en/feeds/rss/topic/{topic.slug}/"]))
    pages += [
        ("sitemap index", ["/sitemap.xml"]),
        ("sitemap file, first", ["/sitemap-publications.xml"]),
        ("API list", ["/api/publications?lang=en"]),
        ("API search", ["/api/publications?lang=en&q=time"]),
        ("API detail", [f"/api/publications/{p.pk}?lang=en" for p in chosen]),
    ]
    return pages
