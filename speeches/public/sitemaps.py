"""The sitemap: one URL per public language version, with hreflang alternates; the pages
of persons, topics and countries in the languages they have public publications in.

Django's i18n sitemap machinery does the writing; this module only says which languages
each item has (``Publication.public_languages()``, the one rule), so a draft, a scheduled
item or a language version that is not public never appears.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

from speeches.models import Country, Person, Publication, Topic
from speeches.public import selectors


class PublicationSitemap(Sitemap):
    i18n = True
    alternates = True
    # The protocol allows 50,000 URLs *and* 50 MB per file; with up to six hreflang
    # alternates each URL weighs 1 to 2 KB, so 50,000 would break the size limit (measured:
    # 69 MB) and take seconds to render. Django paginates the section beyond this.
    limit = 10_000

    def items(self):
        return selectors.sitemap_publications()

    def get_languages_for_item(self, item: Publication) -> list[str]:
        """Only the item's public versions: its URLs and the alternates listed with each."""
        # Django calls this for the (item, language) pairs and again for each URL's
        # alternates, so every version lists every other one: alternates are reciprocal.
        return item.public_languages()

    def location(self, item: Publication) -> str:
        # Django activates each URL's language and asks again for every alternate of every
        # URL: remember each version's URL on the item instead of reversing it n² times.
        language = get_language()
        urls = item.__dict__.setdefault("_sitemap_urls", {})
        if language not in urls:
            urls[language] = item.get_absolute_url(language)
        return urls[language]

    def lastmod(self, item: Publication):
        return item.modified_at

    def get_latest_lastmod(self):
        # The sitemap index's <lastmod>: one aggregate instead of Django's default,
        # which loads every item again only to take the maximum.
        return selectors.sitemap_publications().aggregate(latest=Max("modified_at"))["latest"]


class PageSitemap(Sitemap):
    """The home page and the archive, in every language."""

    i18n = True
    alternates = True

    def items(self) -> list[str]:
        return ["speeches:home", "speeches:archive"]

    def location(self, item: str) -> str:
        return reverse(item)


class TermSitemap(Sitemap):
    """The pages of persons, topics or countries, each in the languages it is public in.

    A term is listed only through a publication public in a language
    (``selectors.public_terms``' rule), so a speaker of a draft is never named here.
    """

    i18n = True
    alternates = True
    limit = PublicationSitemap.limit
    model: type[Person | Topic | Country]

    def items(self) -> list:
        return selectors.sitemap_terms(model=self.model)

    def get_languages_for_item(self, item) -> list[str]:
        return item.public_languages

    def location(self, item) -> str:
        return item.get_absolute_url()  # in the language Django activated for this URL


class PersonSitemap(TermSitemap):
    model = Person


class TopicSitemap(TermSitemap):
    model = Topic


class CountrySitemap(TermSitemap):
    model = Country


SITEMAPS = {
    "publications": PublicationSitemap,
    "pages": PageSitemap,
    "persons": PersonSitemap,
    "topics": TopicSitemap,
    "countries": CountrySitemap,
}
