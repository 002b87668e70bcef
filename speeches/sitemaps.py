"""The sitemap: one URL per public language version, with hreflang alternates.

Django's i18n sitemap machinery does the writing; this module only says which languages
each item has (``Publication.public_languages()``, the one rule), so a draft, a scheduled
item or a language version that is not public never appears.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from speeches import selectors
from speeches.models import Publication


class PublicationSitemap(Sitemap):
    i18n = True
    alternates = True
    limit = 50000  # the protocol's maximum per file; Django paginates beyond it

    def items(self):
        return selectors.sitemap_publications()

    def get_languages_for_item(self, item: Publication) -> list[str]:
        """Only the item's public versions: its URLs and the alternates listed with each."""
        # Django calls this for the (item, language) pairs and again for each URL's
        # alternates, so every version lists every other one: alternates are reciprocal.
        return item.public_languages()

    # location(): Django activates each pair's language, and get_absolute_url() uses it.

    def lastmod(self, item: Publication):
        return item.updated_at

    def get_latest_lastmod(self):
        # The sitemap index's <lastmod>: one aggregate instead of Django's default,
        # which loads every item again only to take the maximum.
        return selectors.sitemap_publications().aggregate(latest=Max("updated_at"))["latest"]


class PageSitemap(Sitemap):
    """The home page and the archive, in every language."""

    i18n = True
    alternates = True

    def items(self) -> list[str]:
        return ["speeches:home", "speeches:archive"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"publications": PublicationSitemap, "pages": PageSitemap}
