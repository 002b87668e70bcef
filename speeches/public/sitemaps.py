"""The sitemap: one URL per public language version, with hreflang alternates; the pages
of persons, topics and countries in the languages they have public publications in.

Django's sitemap machinery does the writing; this module only says which URLs there
are: the public language versions (``LanguageVersion.objects.public()``, the one rule),
so a draft, a scheduled item or a language version that is not public never appears.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join

from speeches.models import LANGUAGE_CODES, Country, Person, Topic, publication_path
from speeches.public import selectors


class PublicationSitemap(Sitemap):
    """One URL per public language version, with its publication's other public versions
    as hreflang alternates.

    Django's i18n sitemaps pair every item with its languages before cutting a page, so
    each file of the section loaded every public publication and its versions (8.7 s for
    a file at 11,000 items). Here the items are the public language versions themselves,
    a query Django's paginator counts and slices: a file reads its own rows, and their
    alternates in one more query.
    """

    # URLs per file. The protocol allows 50,000 URLs and 50 MB, ceilings rather than
    # targets: with up to five alternates a URL weighs about 1.1 KB, and rendering it
    # costs about 0.25 ms, so a file of 1,000 is about 1 MB and a quarter of a second.
    limit = 1_000

    def items(self):
        return selectors.sitemap_versions()

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)
        rows = list(self.paginator.page(page).object_list)
        languages = selectors.sitemap_alternates({row.publication_id for row in rows})
        # Every address of the file, language by language: one activation per language
        # instead of one per address.
        addresses: dict[tuple[int, str], str] = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                for pk, found in languages.items():
                    if code in found:
                        path = publication_path(pk, found[code])
                        addresses[(pk, code)] = f"{protocol}://{domain}{path}"
        alternates = {
            pk: format_html_join(
                "",
                '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>',
                ((code, addresses[(pk, code)]) for code in found),
            )
            for pk, found in languages.items()
        }
        urls = []
        for row in rows:
            key = (row.publication_id, row.language)
            if key not in addresses:
                continue  # withdrawn between the two queries
            urls.append(
                {
                    "item": row,
                    "location": addresses[key],
                    "lastmod": row.modified_at,
                    # The same for each URL of a publication: rendered once, with it.
                    "alternates_xml": alternates[row.publication_id],
                }
            )
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls

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
    (``selectors.public_terms``' rule), so a speaker of a draft is never named here. The
    list is kept per change (``selectors.sitemap_terms``); a URL is one (term, language),
    its alternates the term's other languages, rendered once per term.
    """

    limit = PublicationSitemap.limit
    model: type[Person | Topic | Country]
    url_name: str

    def items(self) -> list[tuple[str, str, list[str]]]:
        return [
            (argument, code, codes)
            for argument, codes in selectors.sitemap_terms(model=self.model)
            for code in codes
        ]

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)
        rows = self.paginator.page(page).object_list
        name = selectors.TERM_URL_ARGUMENT[self.model]
        addresses: dict[tuple[str, str], str] = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                for argument, _language, codes in rows:
                    if code in codes:
                        path = reverse(self.url_name, kwargs={name: argument})
                        addresses[(argument, code)] = f"{protocol}://{domain}{path}"
        alternates: dict[str, str] = {}
        urls = []
        for argument, code, codes in rows:
            if argument not in alternates:
                alternates[argument] = format_html_join(
                    "",
                    '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>',
                    ((other, addresses[(argument, other)]) for other in codes),
                )
            urls.append(
                {
                    "item": argument,
                    "location": addresses[(argument, code)],
                    "alternates_xml": alternates[argument],
                }
            )
        return urls


class PersonSitemap(TermSitemap):
    model = Person
    url_name = "speeches:person"


class TopicSitemap(TermSitemap):
    model = Topic
    url_name = "speeches:topic"


class CountrySitemap(TermSitemap):
    model = Country
    url_name = "speeches:country"


SITEMAPS = {
    "publications": PublicationSitemap,
    "pages": PageSitemap,
    "persons": PersonSitemap,
    "topics": TopicSitemap,
    "countries": CountrySitemap,
}
