"""RSS 2.0 and Atom feeds of the archive, per language, for everything or one facet value.

Items come from ``selectors.publication_feed`` (``Publication.objects.available_in``), so a
feed never carries a draft, a scheduled item or another language's text. A facet feed is
filtered by the archive's own ``PublicationFilter``, so it lists exactly what the archive
page it links to lists, and a value that page does not offer (unknown, or a speaker, topic
or country of no publication public in this language) is a 404, never an empty feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from speeches.models import Country, Person, Publication, PublicationType, Topic, in_language
from speeches.public import selectors
from speeches.public.filters import PublicationFilter
from speeches.public.presentation import plain_text_excerpt, site_name

ITEMS_PER_FEED = 50

# Feed facet in the URL → the archive filter (query-string name) that selects it, and the
# term it names (model, lookup field).
FACETS = {
    "type": ("type", PublicationType, "code"),
    "person": ("speaker", Person, "pk"),
    "topic": ("topic", Topic, "slug"),
    "country": ("country", Country, "code"),
}


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

    def items(self, subject: FeedSubject):
        return subject.publications[:ITEMS_PER_FEED]

    # modeltranslation would read the active language too; naming the column makes it
    # plain that an entry never shows another language's text.
    def item_title(self, item: Publication) -> str:
        # RSS readers treat an item title as HTML, hence escaped (Feed's default too).
        return escape(item.title_in(get_language()))

    def item_description(self, item: Publication) -> str:
        """The lead, or else the first words of the text; escaped, as both formats read HTML."""
        language = get_language()
        lead = in_language(item, "lead", language).strip()
        return escape(lead or plain_text_excerpt(in_language(item, "plain_text", language)))

    def item_link(self, item: Publication) -> str:
        return item.get_absolute_url(get_language())

    def item_guid(self, item: Publication) -> str:
        # The id-only permalink: it redirects to the current slug and, unlike the slugged
        # link, survives a change of title, so readers never see an item twice.
        return self.base_url + reverse("speeches:detail", kwargs={"pk": item.pk})

    def item_pubdate(self, item: Publication):
        return item.published_at

    def item_updateddate(self, item: Publication):
        return item.modified_at

    def item_categories(self, item: Publication) -> list[str]:
        return [item.type.name, *(topic.name for topic in item.topics.all())]

    def item_author_name(self, item: Publication) -> str | None:
        return ", ".join(person.name for person in item.speakers.all()) or None


class AtomPublicationFeed(PublicationFeed):
    feed_type = Atom1Feed
    # Atom's counterpart of the RSS channel description; Django does not derive it.
    subtitle = PublicationFeed.description

    def item_title(self, item: Publication) -> str:
        # Atom writes titles as text: escaping would show "Q&amp;A" to the reader.
        return item.title_in(get_language())


FEEDS = {"rss": PublicationFeed, "atom": AtomPublicationFeed}


def feed(request, format: str, facet: str | None = None, value: str | None = None):
    """Serve the feed in ``format`` (``rss`` or ``atom``); any other format is a 404."""
    try:
        feed_class = FEEDS[format]
    except KeyError:
        raise Http404(f"No feed format {format!r}.") from None
    return feed_class()(request, facet=facet, value=value)
