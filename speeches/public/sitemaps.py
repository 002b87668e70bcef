"""The sitemap: one URL per public language version, with hreflang alternates; the pages
of persons, topics and countries in the languages they have public publications in.

Django's sitemap machinery does the writing; this module only says which URLs there
are: the public language versions (``LanguageVersion.objects.public()``, the one rule),
so a draft, a scheduled item or a language version that is not public never appears.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join

from speeches.models import LANGUAGE_CODES, Country, Person, Topic, publication_path
from speeches.public import selectors
from speeches.publishing.public_state import once_per_change


class AlternatesSitemap(Sitemap):
    """A section whose URLs are (key, language) rows, each with the key's other public
    languages as hreflang alternates, written without Django's i18n pairing.

    Django's i18n sitemaps pair every item with its languages before cutting a page, and
    activate each URL's language again for each of its alternates. Here a file reads its
    own rows, builds every address language by language (one activation per language),
    and renders each key's alternates once, for all its URLs.
    """

    def languages_of(self, rows) -> dict:
        """{key: {language: what its address needs}} for the keys of ``rows``."""
        raise NotImplementedError

    def path(self, key, argument) -> str:
        """The address of ``key`` in the active language, from ``languages_of``'s value."""
        raise NotImplementedError

    def url_rows(self, rows):
        """(key, language, lastmod) for each URL of ``rows``."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        rows = list(self.paginator.page(page).object_list)
        languages = self.languages_of(rows)
        addresses: dict[tuple, str] = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                for key, found in languages.items():
                    if code in found:
                        addresses[(key, code)] = base + self.path(key, found[code])
        alternates = {
            key: format_html_join(
                "",
                '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>',
                ((code, addresses[(key, code)]) for code in found),
            )
            for key, found in languages.items()
        }
        urls = []
        for key, code, lastmod in self.url_rows(rows):
            if (key, code) not in addresses:
                continue  # no longer public between the two queries
            urls.append(
                {
                    "item": key,
                    "location": addresses[(key, code)],
                    "lastmod": lastmod,
                    # The same for each URL of a key: rendered once, with it.
                    "alternates_xml": alternates[key],
                }
            )
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls


class PublicationSitemap(AlternatesSitemap):
    """One URL per public language version, with its publication's other public versions
    as hreflang alternates.

    The items are the public language versions themselves, a query Django's paginator
    counts and slices: a file reads its own rows, and their alternates in one more query
    (with Django's i18n pairing, each file loaded every public publication and its
    versions: 8.7 s for a file at 11,000 items).
    """

    # URLs per file. The protocol allows 50,000 URLs and 50 MB, ceilings rather than
    # targets: with up to five alternates a URL weighs about 1.1 KB, and rendering it
    # costs about 0.25 ms, so a file of 1,000 is about 1 MB and a quarter of a second.
    limit = 1_000

    def items(self):
        return selectors.sitemap_versions()

    @property
    def paginator(self) -> Paginator:
        # The files' number comes from counting every public language version (200 ms at
        # 100,000 items, for the index and for each file): counted once per change.
        return selectors.KeptCountPaginator(
            self._items(), self.limit, count_key="count:sitemap-versions"
        )

    def languages_of(self, rows) -> dict[int, dict[str, str]]:
        return selectors.sitemap_alternates({row.publication_id for row in rows})

    def path(self, key: int, argument: str) -> str:
        return publication_path(key, argument)  # the version's slug

    def url_rows(self, rows):
        return ((row.publication_id, row.language, row.modified_at) for row in rows)

    def get_latest_lastmod(self):
        # The sitemap index's <lastmod>: one aggregate instead of Django's default,
        # which loads every item again only to take the maximum; once per change.
        return once_per_change("sitemap-last-change", selectors.sitemap_last_change)


class PageSitemap(Sitemap):
    """The home page and the archive, in every language."""

    i18n = True
    alternates = True

    def items(self) -> list[str]:
        return ["speeches:home", "speeches:archive"]

    def location(self, item: str) -> str:
        return reverse(item)


class TermSitemap(AlternatesSitemap):
    """The pages of persons, topics or countries, each in the languages it is public in.

    A term is listed only through a publication public in a language
    (``selectors.public_terms``' rule), so a speaker of a draft is never named here. The
    list is kept per change (``selectors.sitemap_terms``); a URL is one (term, language),
    its alternates the term's other languages.
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

    def languages_of(self, rows) -> dict[str, dict[str, str]]:
        return {argument: dict.fromkeys(codes, argument) for argument, _code, codes in rows}

    def path(self, key: str, argument: str) -> str:
        return reverse(self.url_name, kwargs={selectors.TERM_URL_ARGUMENT[self.model]: argument})

    def url_rows(self, rows):
        return ((argument, code, None) for argument, code, _codes in rows)


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
