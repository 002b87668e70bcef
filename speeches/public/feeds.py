"""RSS 2.0 and Atom feeds of the archive, per language, for everything or one facet value.

Items come from ``selectors.publication_feed`` (``Publication.objects.available_in``), so a
feed never carries a draft, a scheduled item or another language's text. A facet feed is
filtered by the archive's own ``PublicationFilter``, so it lists exactly what the archive
page it links to lists, and a value that page does not offer (unknown, or a speaker, topic
or country of no publication public in this language) is a 404, never an empty feed.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language, gettext

from speeches.models import Publication, in_language
from speeches.public import selectors
from speeches.public.filters import FEED_FACETS, FeedFacet, PublicationFilter
from speeches.public.presentation import list_separator, plain_text_excerpt, site_name
from speeches.publishing.public_state import many_once_per_change

ITEMS_PER_FEED = 50

# Feed facet in the URL → the archive filter (query-string name) that selects it, and the
# term it names (model, lookup field): the archive's term filters that have a feed.
FACETS = {
    FEED_FACETS[name]: (name, model, field)
    for name, model, field in selectors.TERM_FILTERS
    if name in FEED_FACETS
}


def followed_facets(query: QueryDict, *, language: str) -> list[FeedFacet]:
    """The facet values named in ``query`` by the feeds' facet names (``?topic=…``) that
    have a feed in ``language``, in the order of ``FACETS``, each with its term's name:
    what a list of one term offers to follow. The term filters' kept choices decide, as
    they decide what a facet feed answers (no query); anything else is left out."""
    options = selectors.filter_options(language=language).choices
    followed = []
    for facet, (name, _model, _field) in FACETS.items():
        value = query.get(facet)
        if value is None:
            continue
        labels = dict(options[name])
        if value in labels:
            followed.append(FeedFacet(facet, value, labels[value]))
    return followed


@dataclass(frozen=True)
class FeedEntry:
    """What a feed says of one publication in one language. The same for every reader and
    both formats, so built once per change and kept (``feed_entries``)."""

    pk: int
    title: str
    description: str  # the lead, or else the first words of the text; plain text
    path: str
    published_at: datetime.datetime
    modified_at: datetime.datetime
    categories: tuple[str, ...]
    authors: str | None


def feed_entries(ids: list[int], *, language: str) -> list[FeedEntry]:
    """The entries of ``ids``, in their order, those not kept read together (3 queries)."""
    names = {f"feed-entry:{language}:{pk}": pk for pk in ids}

    def build(missing: list[str]) -> dict[str, FeedEntry]:
        rows = selectors.publication_feed(language=language).filter(
            pk__in=[names[name] for name in missing]
        )
        return {f"feed-entry:{language}:{row.pk}": _entry(row, language) for row in rows}

    kept = many_once_per_change(list(names), build)
    return [kept[name] for name in names if name in kept]


def _entry(item: Publication, language: str) -> FeedEntry:
    # modeltranslation would read the active language too; naming the column makes it
    # plain that an entry never shows another language's text.
    lead = in_language(item, "lead", language).strip()
    return FeedEntry(
        pk=item.pk,
        title=item.title_in(language),
        description=lead or plain_text_excerpt(in_language(item, "plain_text", language)),
        path=item.get_absolute_url(language),
        published_at=item.published_at,
        modified_at=item.modified_at,
        categories=(item.type.name, *(topic.name for topic in item.topics.all())),
        authors=list_separator().join(person.name for person in item.speakers.all()) or None,
    )


@dataclass(frozen=True)
class FeedSubject:
    """What a feed lists: its name, the archive query showing the same, and the items."""

    name: str
    description: str
    archive_query: str
    publications: QuerySet[Publication]


class PublicationFeed(Feed):
    """The RSS 2.0 feed; ``AtomPublicationFeed`` writes the same items as Atom."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = True

    def get_object(self, request, facet: str | None = None, value: str | None = None):
        # A fresh instance serves each request (see feed()), so keeping it here is safe.
        self.base_url = request.build_absolute_uri("/").rstrip("/")
        publications = selectors.publication_feed(language=get_language())
        if facet is None:
            return FeedSubject(
                name=gettext("Publications"),
                description=gettext("Latest publications"),
                archive_query="",
                publications=publications,
            )
        if facet not in FACETS:
            raise Http404(f"No feed by {facet!r}.")
        param, model, key = FACETS[facet]
        data = QueryDict(mutable=True)
        data[param] = value
        filterset = PublicationFilter(
            data,
            queryset=publications,
            language=get_language(),
            exclude=[name for name in PublicationFilter.base_filters if name != param],
        )
        # Unknown codes, slugs and pks (numeric or not) are form errors, hence 404s; so
        # are terms that only drafts, scheduled items or other languages carry.
        if not filterset.is_valid():
            raise Http404(f"No {facet} {value!r}.")
        term = model.objects.get(**{key: value})
        name = term.plural_name if facet == "type" else str(term)
        return FeedSubject(
            name=name,
            description=gettext("Latest publications: %(subject)s") % {"subject": name},
            archive_query=f"?{urlencode({param: value})}",
            publications=filterset.qs,
        )

    def title(self, subject: FeedSubject) -> str:
        return gettext("%(subject)s — %(site)s") % {"subject": subject.name, "site": site_name()}

    def description(self, subject: FeedSubject) -> str:
        return subject.description

    def link(self, subject: FeedSubject) -> str:
        return reverse("speeches:archive") + subject.archive_query

    def author_name(self) -> str:
        # Atom requires an author for the feed when entries may have none.
        return site_name()

    def items(self, subject: FeedSubject) -> list[FeedEntry]:
        newest = subject.publications.prefetch_related(None).values_list("pk", flat=True)
        return feed_entries(list(newest[:ITEMS_PER_FEED]), language=get_language())

    def item_title(self, item: FeedEntry) -> str:
        # RSS readers treat an item title as HTML, hence its markup characters escaped;
        # quotes and apostrophes stay as typed (Django's escape made "Lavrov's" read
        # "Lavrov&#x27;s" in readers that take the title as text).
        return html_text(item.title)

    def item_description(self, item: FeedEntry) -> str:
        # Escaped: both formats read it as HTML.
        return html_text(item.description)

    def item_link(self, item: FeedEntry) -> str:
        return item.path

    def item_guid(self, item: FeedEntry) -> str:
        # The id-only permalink: it redirects to the current slug and, unlike the slugged
        # link, survives a change of title, so readers never see an item twice.
        return self.base_url + reverse("speeches:detail", kwargs={"pk": item.pk})

    def item_pubdate(self, item: FeedEntry):
        return item.published_at

    def item_updateddate(self, item: FeedEntry):
        return item.modified_at

    def item_categories(self, item: FeedEntry) -> tuple[str, ...]:
        return item.categories

    def item_author_name(self, item: FeedEntry) -> str | None:
        return item.authors


def html_text(text: str) -> str:
    """``text`` as HTML text: &, < and > escaped, nothing else."""
    return html.escape(text, quote=False)


class AtomPublicationFeed(PublicationFeed):
    feed_type = Atom1Feed
    # Atom's counterpart of the RSS channel description; Django does not derive it.
    subtitle = PublicationFeed.description

    def item_title(self, item: FeedEntry) -> str:
        # Atom writes titles as text: escaping would show "Q&amp;A" to the reader.
        return item.title


FEEDS = {"rss": PublicationFeed, "atom": AtomPublicationFeed}


def feed(request, format: str, facet: str | None = None, value: str | None = None):
    """Serve the feed in ``format`` (``rss`` or ``atom``); any other format is a 404."""
    try:
        feed_class = FEEDS[format]
    except KeyError:
        raise Http404(f"No feed format {format!r}.") from None
    return feed_class()(request, facet=facet, value=value)
