"""No request makes the site answer 5xx: a bounded fuzz of every public URL and API operation.

The URL patterns come from the resolver (admin excepted: staff only, covered elsewhere), in
every language of ``i18n_patterns``, so a new pattern is fuzzed as soon as it exists; and
since each needs a strategy for its path parameters below, a pattern nobody thought about
fails ``test_every_public_url_pattern_has_a_fuzz_strategy``. Path and query values mix rows
of a small real archive with hostile input: huge and signed integers, invalid dates, NUL
bytes, lone surrogates, full-text syntax, percent-encoded junk, very long text. The JSON
API is fuzzed from its own OpenAPI document by schemathesis, positive and negative cases.

Requests go through Django's test Client with ``raise_request_exception`` on (the default)
and ``DEBUG`` off, as in production: an exception fails the test with its traceback instead
of reaching the 500 page. Runs are derandomised, so CI sees the same requests every time;
``FUZZ_EXAMPLES=500`` makes a deeper local run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from reversion.models import Version
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

from pressoffice.wsgi import application
from speeches.editorial import persons as person_services
from speeches.identity import services as identity_services
from speeches.mailing import subscribing
from speeches.materials import files
from speeches.models import (
    FooterPage,
    Material,
    Publication,
    PublicationMaterial,
    PublicationType,
    SiteIdentity,
)
from speeches.public.filters import PublicationFilter
from speeches.public.identity import colour_stamp
from speeches.public.sitemaps import SITEMAPS
from speeches.publishing import previews, services
from tests import media_files
from tests.factories import (
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    publication_in_state,
)
from tests.helpers import rolled_back_at_the_end

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
LANGUAGES = [code for code, _name in django_settings.LANGUAGES]

FUZZ = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run, in CI and locally
    database=None,
    print_blob=True,
    # One read-only archive serves every example of a test; its values are drawn from it.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


# What hostile input looks like


class Raw(str):
    """A value put into the URL as it is: percent signs, encoded bytes and all."""


def encode(value: str | bytes) -> str:
    """``value`` percent-encoded for a path segment or a query value, whatever it holds.

    Lone surrogates cannot be encoded as UTF-8; they are sent as the bytes a careless
    client would send (``surrogatepass``), which is what reaches the server anyway.
    """
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    return quote(value, safe="")


SPECIAL = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "'",
    '"',
    "&",
    "|",
    "!",
    ":*",
    "\\",
    "'; DROP TABLE speeches_publication; --",
    "1' OR '1'='1",
    '"unclosed',
    "!!!&&&|||",
    "a:*|!b&(c",
    "<->",
    "- - -",
    "or",
    "-",
    "--",
    "*",
    "%",
    "_",
    "..",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "\u202e\u0644\u0627",  # right-to-left override, Arabic
    "\ufeff",
    "😀",
    "İ",  # folds to two characters
    "ß" * 50,
    "a" * 5000,
    "я" * 2000,
]
RAW = [Raw(v) for v in ("%", "%zz", "%00", "%ED%A0%80", "%C0%AF", "%FF%FE", "%25%30%30", "%0A")]
NUMBERS = [
    "0",
    "00",
    "007",
    "-1",
    "-0",
    "+1",
    "1.5",
    "1e3",
    "0x10",
    "NaN",
    "inf",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "9" * 40,
    "1" * 1000,
    "999999999",
]
DATES = [
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "99999-01-01",
    "-2024-01-01",
    "2024-1-1",
    "01/02/2024",
    "2024-02-29T25:00",
    "2019-11-18",
]
YEARS = ["0", "1", "99", "1899", "1900", "2019", "2100", "2101", "99999", "-2019"]

lone_surrogates = st.characters(categories=["Cs"])
fts_syntax = st.text(alphabet="\"'&|!:*()<>-~ aбو0", max_size=25)


def junk() -> st.SearchStrategy:
    """Any value an attacker might put in a path segment or a query parameter."""
    return st.one_of(
        st.sampled_from(SPECIAL),
        st.sampled_from(RAW),
        st.sampled_from(NUMBERS),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=10).map(
            lambda text: text * 300  # very long
        ),
        st.tuples(st.text(max_size=5), lone_surrogates, st.text(max_size=5)).map("".join),
        st.binary(min_size=1, max_size=20),  # invalid UTF-8 among them
        fts_syntax,
    )


def integers_as_text() -> st.SearchStrategy:
    """What an ``<int:…>`` segment may carry: small, zero, padded, beyond 64 bits."""
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.integers(min_value=0, max_value=2**31).map(str),
        st.integers(min_value=2**63 - 2, max_value=2**80).map(str),
        st.integers(min_value=1, max_value=50).map(lambda n: f"{n:08d}"),
    )


def real_or_int(*values) -> st.SearchStrategy:
    """For an ``<int:…>`` segment: a real id two times in three, else hostile integers."""
    real = st.sampled_from([str(v) for v in values])
    return st.sampled_from([real, real, integers_as_text()]).flatmap(lambda strategy: strategy)


def real_or_junk(*values) -> st.SearchStrategy:
    """A real value two times in three (so the view is reached, not only the 404), or junk."""
    values = [str(v) for v in values if v not in (None, "")]
    if not values:
        return junk()
    real = st.sampled_from(values)
    return st.sampled_from([real, real, junk()]).flatmap(lambda strategy: strategy)


# The archive every request reads: a few public items in several languages, with
# persons, topics, countries and materials, and items in every other state.


@dataclass
class Archive:
    publications: list[Publication]
    material_files: list[tuple[int, str, str]]  # (pk, variant, filename) that exist
    preview_tokens: list[str]
    version_ids: list[int]
    media_root: str
    link_tokens: list[str] = field(default_factory=list)  # manage and unsubscribe
    confirm_tokens: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)

    @property
    def pks(self) -> list[int]:
        return [p.pk for p in self.publications]

    def slugs(self) -> list[str]:
        return [getattr(p, f"slug_{code}") for p in self.publications for code in LANGUAGES] + [
            "wrong-slug"
        ]


def build_archive(media_root: str) -> Archive:
    persons = [
        PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров"),
        PersonFactory(name_en="Maria Zakharova", name_ar="ماريا زاخاروفا"),
    ]
    topics = [
        TopicFactory(slug="european-security", name_en="European security"),
        TopicFactory(slug="arms-control", name_en="Arms control", name_ru="Контроль"),
    ]
    countries = [CountryFactory(code=code) for code in ("BY", "DE", "EG")]
    statement = PublicationType.objects.get(code="statement")
    public = [
        PublicationFactory(
            languages=("en", "ru"),
            title_en='Press conference: "Q&A" on security | arms',
            speakers=persons,
            topics=topics,
            countries=countries[:2],
        ),
        PublicationFactory(
            type=statement,
            languages=("ru", "de", "fr"),
            speakers=persons[1:],
            topics=topics[1:],
            countries=countries[2:],
        ),
        PublicationFactory(languages=("ar", "es", "en"), title_ar="بيان صحفي", countries=countries),
    ]
    for _ in range(3):  # more than one page of results in some filters
        PublicationFactory(languages=("en",), speakers=persons[:1])

    photo = services.material_save(material=Material(kind="photo", file=media_files.photo()))
    document = services.material_save(
        material=Material(
            kind="document", file=media_files.upload("Joint statement.pdf", media_files.pdf_bytes())
        )
    )
    for position, material in enumerate([photo, document]):
        PublicationMaterial.objects.create(
            publication=public[0], material=material, position=position
        )
    author = UserFactory(username="author", is_staff=True, groups=["Editors"])
    publisher = UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
    draft = publication_in_state("draft", author=author, publisher=publisher)
    scheduled = publication_in_state(
        "scheduled", author=author, publisher=publisher, published_at=timezone.now() + timedelta(1)
    )
    withdrawn = publication_in_state("withdrawn", author=author, publisher=publisher)
    unpublished = publication_in_state("unpublished", author=author, publisher=publisher)
    PublicationMaterial.objects.create(publication=draft, material=photo, position=0)
    links = [
        previews.preview_link_create(publication=draft, user=publisher),
        previews.preview_link_create(publication=scheduled, user=publisher),
    ]
    previews.preview_link_revoke(link=links[1], user=publisher)
    tokens = [previews.preview_link_token(link) for link in links]

    material_files = [
        (material.pk, variant, stored.filename)
        for material in (photo, document)
        for variant in [*files.PHOTO_VARIANTS, "download", "file", "poster"]
        if (stored := files.resolve(material, variant)) is not None
    ]
    publications = [*public, draft, scheduled, withdrawn, unpublished]
    persons[0].photo = media_files.photo("portrait.jpg")
    person_services.person_save(person=persons[0], user=None)
    identity = identity_services.identity_save(
        identity=SiteIdentity(
            name_en="Ministry", emblem=ContentFile(media_files.png_bytes(), name="e.png")
        ),
        user=None,
    )
    identity_services.footer_page_save(
        page=FooterPage(kind="about", title_en="About", content_en="<p>Us.</p>"), user=None
    )
    # Email subscribers: one confirmed with two subscriptions, one waiting for its link.
    reader, _sent = subscribing.subscribe(
        email="reader@example.org",
        language="en",
        choice=subscribing.Choice(topic_id=topics[0].pk, person_id=persons[0].pk),
    )
    subscribing.subscribe(
        email="reader@example.org", language="en", choice=subscribing.Choice(query="security")
    )
    subscribing.confirm(subscribing.confirmation_token(reader))
    waiting, _sent = subscribing.subscribe(
        email="waiting@example.org", language="ar", choice=subscribing.Choice(frequency="daily")
    )
    versions = list(
        Version.objects.get_for_model(Publication)
        .filter(object_id__in=[str(p.pk) for p in publications])
        .values_list("pk", flat=True)
    )
    return Archive(
        publications=publications,
        material_files=material_files,
        preview_tokens=tokens,
        version_ids=versions,
        media_root=media_root,
        link_tokens=[subscribing.link_token(s) for s in (reader, waiting)],
        confirm_tokens=[subscribing.confirmation_token(s) for s in (reader, waiting)],
        values={
            "type": list(PublicationType.objects.values_list("code", flat=True)),
            "speaker": [str(p.pk) for p in persons],
            "person": [str(p.pk) for p in persons],
            "topic": [t.slug for t in topics],
            "country": [c.code for c in countries] + ["by", "XX"],
            "date_from": ["2019-11-18", str(timezone.localdate())],
            "date_to": ["2019-11-18", str(timezone.localdate())],
            "year": [str(timezone.localdate().year)],
            "month": [str(m) for m in range(0, 14)],
            "sort": ["relevance", "date"],
            "portrait": [persons[0].photo_filename],
            "kind": [*FooterPage.Kind.values],
            "stamp": [colour_stamp(identity.primary_colour, identity.secondary_colour)],
            "emblem": [identity.emblem.name.rsplit("/", 1)[-1]],
            "q": ["publication", "security", "Контроль", '"press conference"', "-arms or q"],
            "page": ["1", "2", "0", "-1", "999999999", "abc", "", "last"],
            "p": ["1", "2", "0", "-1", "abc", ""],
            "page_size": ["1", "0", "100", "101", "-5"],
            "lang": [*LANGUAGES, "xx", "EN"],
            "preview": tokens,
            # The email sign-up form's own fields (its facets are the filters' above).
            "email": ["reader@example.org", "new@example.org", "a@b", "@", "x" * 300 + "@e.org"],
            "language": [*LANGUAGES, "xx"],
            "frequency": ["instant", "daily", "hourly"],
            "subscription": ["1", "0", "-1", "999999999", "9" * 30],
            "unsubscribe": ["1", ""],
            "List-Unsubscribe": ["One-Click"],
        },
    )


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """Made once for the module, rolled back (and its files removed) after its last test;
    each test runs in a savepoint within it, as every test with the ``db`` fixture does."""
    media_root = tmp_path_factory.mktemp("fuzz-media")
    with rolled_back_at_the_end(django_db_blocker, media_root):
        yield build_archive(str(media_root))


@pytest.fixture
def server_errors():
    """Every exception a request raised, even where a handler turned it into a response."""
    errors = []

    def record(sender, request=None, **kwargs):
        errors.append(request)

    got_request_exception.connect(record)
    yield errors
    got_request_exception.disconnect(record)


@pytest.fixture
def fuzz_client(archive, settings, server_errors):
    assert not settings.DEBUG  # as in production: errors would reach the 500 page
    settings.MEDIA_ROOT = archive.media_root
    yield Client(raise_request_exception=True)
    assert not server_errors


# The public URL patterns, from the resolver


@dataclass(frozen=True)
class Route:
    route: str  # "publications/<int:pk>/", without the language prefix
    localized: bool  # under i18n_patterns: served once per language
    converters: tuple[tuple[str, str], ...]  # (name, converter) per path parameter

    def __str__(self) -> str:
        return ("<lang>/" if self.localized else "") + self.route


PARAMETER = r"<(?:(\w+):)?(\w+)>"  # <int:pk>, <name>: as django.urls.resolvers reads them


def public_routes() -> list[Route]:
    """Every URL pattern but the admin's (everything under /admin/), as route strings;
    fails on what it cannot read."""
    found = []

    def walk(patterns, prefix: str, localized: bool) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver) and pattern.app_name == "admin":
                continue
            if str(pattern.pattern).startswith("admin/"):
                continue  # staff pages beside admin.site (sign-in): tests/test_admin_urls.py
            if isinstance(pattern.pattern, LocalePrefixPattern):
                part, localized_here = "", True
            elif isinstance(pattern.pattern, RoutePattern):
                part, localized_here = str(pattern.pattern), localized
            else:
                raise AssertionError(
                    f"The fuzzer reads path() routes only, not {pattern.pattern!r}: "
                    "teach public_routes() to build its URLs."
                )
            if isinstance(pattern, URLPattern):
                route = prefix + part
                converters = tuple(
                    (name, kind or "str") for kind, name in re.findall(r"<(?:(\w+):)?(\w+)>", route)
                )
                found.append(Route(route, localized_here, converters))
            else:
                walk(pattern.url_patterns, prefix + part, localized_here)

    walk(get_resolver().url_patterns, "", False)
    return found


ROUTES = public_routes()


# Path parameters per route: each a function of the archive giving a strategy. A new
# route without an entry here fails the test below, so nobody forgets to fuzz it.

Strategies = dict[str, object]


def _feed_values(a: Archive):
    values = [v for name in ("type", "speaker", "topic", "country") for v in a.values[name]]
    return real_or_junk(*values)


def signed(tokens: list[str]) -> st.SearchStrategy:
    """A signed link's token: a real one, junk, or a real one forged."""
    return st.one_of(
        real_or_junk(*tokens),
        st.sampled_from(tokens).map(lambda t: t[:-1] + ("x" if t[-1] != "x" else "y")),
        st.sampled_from(tokens).map(lambda t: "0" * 32 + t[32:]),
        st.sampled_from(tokens).map(lambda t: t.rsplit(":", 1)[0]),
    )


PATH_PARAMETERS: dict[str, Strategies] = {
    "sitemap.xml": {},
    "sitemap-<section>.xml": {"section": lambda a: real_or_junk(*SITEMAPS)},
    "robots.txt": {},
    "api/": {},
    "api/openapi.json": {},
    "api/docs": {},
    "api/publications": {},
    "api/publications/<id>": {"id": lambda a: real_or_int(*a.pks)},
    "api/types": {},
    "api/persons": {},
    "api/topics": {},
    "api/countries": {},
    "files/<int:pk>/<slug:variant>/<str:filename>": {
        "pk": lambda a: real_or_int(*(pk for pk, _v, _f in a.material_files)),
        "variant": lambda a: real_or_junk(*(v for _pk, v, _f in a.material_files), "captions"),
        "filename": lambda a: real_or_junk(*(f for _pk, _v, f in a.material_files)),
    },
    "files/publications/<int:pk>/photos.zip": {"pk": lambda a: real_or_int(*a.pks)},
    "p/<int:pk>/": {"pk": lambda a: real_or_int(*a.pks)},
    "": {},
    "publications/": {},
    "publications/<int:pk>/": {"pk": lambda a: real_or_int(*a.pks)},
    "publications/<int:pk>/<str:slug>/": {
        "pk": lambda a: real_or_int(*a.pks),
        "slug": lambda a: real_or_junk(*a.slugs()),
    },
    "preview/<int:pk>/": {"pk": lambda a: real_or_int(*a.pks)},
    "preview/<int:pk>/revisions/<int:version_id>/": {
        "pk": lambda a: real_or_int(*a.pks),
        "version_id": lambda a: real_or_int(*a.version_ids),
    },
    "preview/shared/<str:token>/": {
        "token": lambda a: st.one_of(
            real_or_junk(*a.preview_tokens),
            st.sampled_from(a.preview_tokens).map(lambda t: t[:-1] + "x"),  # forged signature
            st.sampled_from(a.preview_tokens).map(lambda t: "0" * 32 + t[32:]),
        )
    },
    "persons/": {},
    "persons/<int:pk>/": {"pk": lambda a: real_or_int(*a.values["speaker"])},
    "persons/<int:pk>/photo/<str:filename>": {
        "pk": lambda a: real_or_int(*a.values["speaker"]),
        "filename": lambda a: real_or_junk(*a.values["portrait"]),
    },
    "pages/<slug:kind>/": {"kind": lambda a: real_or_junk(*a.values["kind"])},
    "identity/<slug:stamp>.css": {"stamp": lambda a: real_or_junk(*a.values["stamp"])},
    "identity/emblem/<str:filename>": {"filename": lambda a: real_or_junk(*a.values["emblem"])},
    "topics/": {},
    "topics/<slug:slug>/": {"slug": lambda a: real_or_junk(*a.values["topic"])},
    "countries/": {},
    "countries/<country_code:code>/": {"code": lambda a: real_or_junk(*a.values["country"])},
    "updates/": {},
    "feeds/<str:format>/": {"format": lambda a: real_or_junk("rss", "atom")},
    "feeds/<str:format>/<str:facet>/<str:value>/": {
        "format": lambda a: real_or_junk("rss", "atom"),
        "facet": lambda a: real_or_junk("type", "person", "topic", "country"),
        "value": _feed_values,
    },
    "subscribe/": {},
    "subscribe/sent/": {},
    "subscribe/confirm/<str:token>/": {"token": lambda a: signed(a.confirm_tokens)},
    "subscriptions/<str:token>/": {"token": lambda a: signed(a.link_tokens)},
    "unsubscribe/<str:token>/": {"token": lambda a: signed(a.link_tokens)},
}

# ninja's "api/" names no operation: it only ever answers 404.
NEVER_ANSWERED = {"api/"}
# Public URLs are read-only and refuse a POST with 405, except django-ninja's schema and
# docs, which answer it as a GET (harmless: they read nothing but the code), and the email
# subscription pages, whose forms post (FORMS).
POST_ANSWERED = {"api/openapi.json", "api/docs"}
# Pages that take a form: posted hostile bodies (FORM_FIELDS' names and junk, urlencoded
# as a browser or a mail program's one-click unsubscribe sends them).
FORMS = {
    "subscribe/",
    "subscribe/confirm/<str:token>/",
    "subscriptions/<str:token>/",
    "unsubscribe/<str:token>/",
}
FORM_FIELDS = [
    "email",
    "language",
    "frequency",
    "type",
    "speaker",
    "topic",
    "country",
    "q",
    "subscription",
    "unsubscribe",
    "List-Unsubscribe",
    "csrfmiddlewaretoken",
]
# Previews are for staff (and reviewers with a link): fuzzed signed in as well.
STAFF_ROUTES = {"preview/<int:pk>/", "preview/<int:pk>/revisions/<int:version_id>/"}


def test_every_public_url_pattern_has_a_fuzz_strategy():
    routes = {route.route: route for route in ROUTES}
    missing = sorted(set(routes) - set(PATH_PARAMETERS))
    assert not missing, f"No fuzz strategy for {missing}: add them to PATH_PARAMETERS."
    stale = sorted(set(PATH_PARAMETERS) - set(routes))
    assert not stale, f"PATH_PARAMETERS names routes that no longer exist: {stale}"
    for route, strategies in PATH_PARAMETERS.items():
        names = {name for name, _kind in routes[route].converters}
        assert set(strategies) == names, route
    # The resolver was really read: localized pages, root files and the API are all here.
    assert {"publications/", "robots.txt", "api/publications"} <= set(routes)
    assert routes["publications/"].localized and not routes["robots.txt"].localized


# Query parameters: the archive's filters (read from the FilterSet, so a new one is fuzzed
# too), pagination, the API's, a material's preview token, and unknown names.

# "p" is the page of a sitemap section (django.contrib.sitemaps); "person" names a
# speaker's feed on the feeds' page (the other feed facets are filters' names too);
# "email", "language" and "frequency" fill in the email sign-up form.
QUERY_NAMES = [
    *PublicationFilter.base_filters,
    "page",
    "page_size",
    "lang",
    "preview",
    "p",
    "person",
    "email",
    "language",
    "frequency",
]


def query_parameters(a: Archive) -> st.SearchStrategy:
    known = st.sampled_from(QUERY_NAMES).flatmap(
        lambda name: st.tuples(
            st.just(name),
            st.one_of(
                real_or_junk(*a.values.get(name, [])),
                st.sampled_from(DATES if name.startswith("date") else YEARS),
            ),
        )
    )
    unknown = st.tuples(junk(), junk())
    return st.lists(st.one_of(known, known, unknown), max_size=6)


def query_string(pairs) -> str:
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)


def form_body(a: Archive) -> st.SearchStrategy:
    """A posted form: its fields with real values or junk, and junk fields."""
    known = st.sampled_from(FORM_FIELDS).flatmap(
        lambda name: st.tuples(st.just(name), real_or_junk(*a.values.get(name, [])))
    )
    return st.lists(st.one_of(known, known, st.tuples(junk(), junk())), max_size=10)


HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": st.one_of(
        st.sampled_from(["ru", "ar;q=0.9, *", "zz-ZZ", "en;q=abc", ",,,", "x" * 500]),
        st.text(alphabet=st.characters(codec="latin-1"), max_size=30),
    ),
    "HTTP_IF_MODIFIED_SINCE": st.sampled_from(
        ["Thu, 01 Jan 1970 00:00:00 GMT", "yesterday", "Fri, 31 Dec 99999 23:59:59 GMT", "-1"]
    ),
    "HTTP_IF_NONE_MATCH": st.sampled_from(['"x"', "*", 'W/"', "\x00"]),
    "HTTP_RANGE": st.sampled_from(["bytes=0-1", "bytes=-1", "bytes=9999999999-", "junk"]),
}


@st.composite
def requests(draw, route: Route, archive: Archive):
    """One request to ``route``: method, URL with path and query, a few headers."""
    strategies = PATH_PARAMETERS[route.route]
    values = {name: draw(strategies[name](archive)) for name, _kind in route.converters}
    url = re.sub(PARAMETER, lambda match: encode(values[match[2]]), route.route)
    if route.localized:
        url = draw(st.sampled_from([*LANGUAGES, "xx"])) + "/" + url
    if url.endswith("/") and not draw(st.integers(0, 9)):
        url = url[:-1]  # CommonMiddleware's redirect to the slashed URL, with the junk in it
    query = query_string(draw(query_parameters(archive)))
    headers = {name: draw(value) for name, value in HEADERS.items() if draw(st.booleans())}
    posted = route.route in FORMS  # a form's page: posted to as often as read
    method = draw(
        st.sampled_from(["get", "head", "post"] if posted else ["get"] * 3 + ["head", "post"])
    )
    body = None
    if method == "post" and route.route in FORMS:
        body = query_string(draw(form_body(archive)))
    return method, "/" + url + (f"?{query}" if query else ""), headers, body


def send(client: Client, method: str, url: str, headers: dict, body: str | None = None):
    # Each request in its own savepoint: a database error in one (PostgreSQL aborts the
    # transaction) must not turn the following examples into errors too.
    with transaction.atomic():
        if body is not None:
            form = "application/x-www-form-urlencoded"
            return client.post(url, body, content_type=form, **headers)
        if method == "post":
            return client.post(url, {"q": "x", "csrfmiddlewaretoken": "junk"}, **headers)
        return getattr(client, method)(url, **headers)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_no_request_to_a_public_url_gets_a_server_error(route, archive, fuzz_client, admin_user):
    assert route.route in PATH_PARAMETERS, f"No fuzz strategy for {route}"
    staff = route.route in STAFF_ROUTES
    answered = []

    @FUZZ
    @given(request=requests(route, archive), signed_in=st.booleans())
    def run(request, signed_in):
        method, url, headers, body = request
        if staff and signed_in:
            fuzz_client.force_login(admin_user)
        else:
            fuzz_client.logout()
        response = send(fuzz_client, method, url, headers, body)
        assert response.status_code < 500, (method, url, headers, body, response.status_code)
        if method == "post" and route.route not in POST_ANSWERED | FORMS:
            # 301: CommonMiddleware adds the missing slash first, whatever the method.
            assert response.status_code in (301, 404, 405), (url, response.status_code)
        answered.append((method, response.status_code))

    run()
    # A fuzz that only ever met 404s would prove nothing about the views behind them.
    if route.route not in NEVER_ANSWERED:
        assert any(status < 400 for _method, status in answered), (route, answered)


# The JSON API, from its OpenAPI document: every operation, positive and negative cases.

# Random requests only: the boundary cases of the coverage phase are test_api_schema's
# (which also checks every answer against the document). Schemathesis builds them while
# collecting, in every xdist worker, whichever runs the module.
api_schema = schemathesis.openapi.from_wsgi(
    "/api/openapi.json",
    application,
    config=SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}}),
)


@pytest.fixture
def api_in_process(archive, server_errors):
    """The WSGI application on this test's connection and transaction (see test_api_schema.py)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    assert not server_errors


@api_schema.parametrize()
@FUZZ
def test_no_api_request_gets_a_server_error(case, api_in_process):
    with transaction.atomic():
        case.call_and_validate(checks=[not_a_server_error])


# What the fuzz found, pinned by ordinary tests (each failed on PostgreSQL before its fix)


@pytest.mark.parametrize("code", ["%00", "B%00", "BYE", "1", "%D0%91%D0%AF", "B-"])
def test_a_country_address_that_is_no_country_code_is_a_404(client, code):
    # A country's page exists only while a public publication names it (public_terms).
    PublicationFactory(countries=[CountryFactory(code="BY")])
    assert client.get(f"/en/countries/{code}/").status_code == 404
    assert client.get("/en/countries/by/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/sitemap-publications.xml",
        "/en/persons/",
        "/en/topics/",
        "/en/countries/",
        "/en/feeds/rss/",
        "/en/publications/{pk}/",
        "/files/{material}/large-jpeg/photo.jpg",
    ],
)
def test_public_urls_are_read_only_and_refuse_a_post(client, url):
    publication = PublicationFactory()
    photo = services.material_save(material=Material(kind="photo", file=media_files.photo()))
    PublicationMaterial.objects.create(publication=publication, material=photo, position=0)
    url = url.format(pk=publication.pk, material=photo.pk)
    assert client.get(url, follow=True).status_code == 200
    response = client.post(url, {"q": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
