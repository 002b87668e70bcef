"""The read-only JSON API for aggregators, at /api/ (django-ninja).

It shows what the public site shows and nothing else: lists go through the archive's own
selector and FilterSet (``speeches.public.filters.PublicationFilter``), so filters, search and
the rule of what is public are the pages' own; a publication's versions are the ones
``Publication.public_languages()`` names. Each operation costs a constant number of
queries (see tests/test_api.py).

Everything a response says in words (names, error messages) is in the language asked
for with ``lang``, or in the site's default language; never in the one the client's
Accept-Language happens to prefer, so that a cached response is right for everyone.
"""

import functools
from collections import defaultdict
from typing import Any

from django import forms
from django.conf import settings
from django.core import validators
from django.core.paginator import EmptyPage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from ninja import NinjaAPI, P, PathEx, Query, Status, Swagger
from ninja.errors import ValidationError

from speeches.api.schemas import (
    MAX_ID,
    CountryTerm,
    Error,
    LanguageQuery,
    PersonTerm,
    PublicationDetail,
    PublicationListQuery,
    PublicationPage,
    TopicTerm,
    TypeTerm,
    absolute_item,
    country_out,
    publication_detail,
    publication_item,
    speaker_out,
    topic_out,
    type_out,
)
from speeches.models import LANGUAGE_CODES, Country, Person, PublicationType, Topic
from speeches.public import search, selectors
from speeches.public.filters import PublicationFilter
from speeches.publishing.public_state import many_once_per_change

api = NinjaAPI(
    title="Press Office API",
    version="1.0",
    description=(
        "Read-only access to the ministry's public press archive: speeches, statements, "
        "interviews, articles, briefings, comments and press releases, in every language "
        "they are published in. Only what the public site shows is here: nothing before "
        "its publication time, no drafts, no unfinished translations. Every operation is "
        "a GET (HEAD answers its headers), open to any origin (CORS); other methods are "
        "answered with 405. Errors 400 and 404 are JSON objects "
        "with a `detail` message and, for invalid parameters (400), the reasons per "
        "parameter in `errors`. Successful responses carry an ETag and `Cache-Control: "
        "public`, with `no-cache` (caches revalidate every time, so a withdrawn or "
        "unpublished item never lingers) or with the `max-age` the site is configured with; "
        "errors carry `no-store`."
    ),
    urls_namespace="api",
    # Swagger UI from ninja's bundled static files ("ninja" is in INSTALLED_APPS), with
    # the validator badge off: it would send the schema to validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """/api/ for people: what the API offers, with links to its documentation and schema,
    in the language the reader's browser asks for (the API itself takes ``lang``)."""
    return render(request, "speeches/api_index.html", {"language_links": []})


def response_language(request: HttpRequest) -> str:
    """``lang`` when it is a language of the site, else the default language."""
    requested = request.GET.get("lang")
    return requested if requested in LANGUAGE_CODES else settings.LANGUAGE_CODE


def in_response_language(run):
    """Run an operation, serialisation and error handlers included, in ``lang``.

    A "view" decorator in ninja's terms: it wraps parameter validation and rendering too,
    so that names resolved while serialising and validation messages use the same language.
    Cache-Control is left to ``pressoffice.middleware.CacheControlMiddleware``, like that of
    every public page: ``public`` with ``PUBLIC_CACHE_SECONDS`` for answers, ``no-store``
    for errors.
    """

    @functools.wraps(run)
    def run_in_language(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        language = response_language(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        # Set here: LocaleMiddleware would otherwise name the Accept-Language choice.
        response.headers["Content-Language"] = language
        return response

    return run_in_language


api.add_decorator(in_response_language, mode="view")


def invalid(errors: dict[str, list[str]]) -> Status:
    return Status(400, {"detail": gettext("Invalid parameters."), "errors": errors})


@api.exception_handler(ValidationError)
def parameters_not_valid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Parameters of the wrong type or out of range: 400, in the shape of the filter errors.

    Pydantic's messages are English only; Django's own form messages say the same things
    and come translated, so the common cases are reported with those.
    """
    errors = defaultdict(list)
    for error in exc.errors:
        location = error.get("loc") or ()  # ("query", "page") or ("path", "id")
        name = str(location[1]) if len(location) > 1 else "__all__"
        errors[name].append(_validation_message(error, value=request.GET.get(name, "")))
    response = invalid(dict(errors))
    return api.create_response(request, response.value, status=response.status_code)


def _validation_message(error: dict[str, Any], *, value: str) -> str:
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return str(forms.Field.default_error_messages["required"])
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return str(forms.IntegerField.default_error_messages["invalid"])
    if kind == "greater_than_equal":
        return validators.MinValueValidator.message % {"limit_value": context["ge"]}
    if kind == "less_than_equal":
        return validators.MaxValueValidator.message % {"limit_value": context["le"]}
    if kind in {"literal_error", "enum"}:
        return forms.ChoiceField.default_error_messages["invalid_choice"] % {"value": value}
    return str(validators.RegexValidator.message)  # "Enter a valid value."


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    """Unknown, unpublished and embargoed items alike: a 404 that tells nothing more."""
    return api.create_response(request, {"detail": gettext("Not found."), "errors": {}}, status=404)


def page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api.get(
    "/publications",
    response={200: PublicationPage, 400: Error, 404: Error},
    summary="List and search publications",
    tags=["publications"],
)
def list_publications(request: HttpRequest, params: Query[PublicationListQuery]):
    """Public publications that have a version in `lang`, newest first, one page at a time.

    Takes the archive's filters and search. Filters combine with AND; `type` may be
    repeated (any of the types). Invalid values are refused with 400 and the reasons per
    parameter. A page beyond the last is a 404; follow `next` until it is null.
    """
    language = params.lang
    # The raw query string, not the parsed parameters: the FilterSet validates and applies
    # the filters exactly as it does for the archive pages.
    filterset = PublicationFilter(
        request.GET,
        queryset=selectors.api_publication_list(language=language),
        language=language,
    )
    if not filterset.is_valid():
        return invalid({name: list(messages) for name, messages in filterset.errors.items()})
    with search.planned(filterset.search_text, language=language):
        # A list the same for every reader has its count kept per change, the archive's.
        facet = filterset.facet(ignored={"lang", "page", "page_size"})
        paginator = selectors.KeptCountPaginator(
            filterset.qs,
            params.page_size,
            count_key=None
            if facet is None
            else selectors.list_count_key(language=language, facet=facet),
        )
        try:
            page = paginator.page(params.page)
        except EmptyPage as exc:
            return Status(404, {"detail": str(exc)})
        publications = list(page.object_list)
        if filterset.search_text:
            selectors.attach_highlights(publications, text=filterset.search_text, language=language)
    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": params.page_size,
        "num_pages": paginator.num_pages,
        "next": page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            page_url(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "results": results(publications, language=language, request=request),
    }


def results(publications: list, *, language: str, request: HttpRequest) -> list[dict[str, Any]]:
    """A page's results: each item kept per change of what readers see, those not kept
    read together, then made absolute and given its highlight for this request."""
    names = {f"api-item:{language}:{p.pk}": p for p in publications}

    def build(missing: list[str]) -> dict[str, dict[str, Any]]:
        rows = [names[name] for name in missing]
        selectors.prefetch_api_items(rows)
        return {name: publication_item(names[name], language=language) for name in missing}

    kept = many_once_per_change(list(names), build)
    return [
        absolute_item(kept[name], request=request, highlight=getattr(p, "highlight", None))
        for name, p in names.items()
    ]


@api.get(
    "/publications/{id}",
    response={200: PublicationDetail, 400: Error, 404: Error},
    summary="One publication in all its public languages",
    tags=["publications"],
)
def get_publication(
    request: HttpRequest,
    id: PathEx[int, P(ge=1, le=MAX_ID, description="The publication's id.")],
    params: Query[LanguageQuery],
):
    """A public publication with every public language version: title, lead, place and body.

    `lang` chooses the language of the names of type, speakers, topics and countries.
    Drafts, items whose publication time has not come and unknown ids are all 404.
    """
    publication = selectors.publication_detail(pk=id)
    if not publication.public_languages():
        raise Http404
    return publication_detail(publication, request=request)


@api.get(
    "/types",
    response={200: list[TypeTerm], 400: Error},
    summary="Publication types",
    tags=["taxonomies"],
)
def list_types(request: HttpRequest, params: Query[LanguageQuery]):
    """Types (speech, statement, interview…) with public publications in `lang`, and counts."""
    return [
        {**type_out(t), "plural_name": t.plural_name, "publication_count": t.publication_count}
        for t in selectors.taxonomy_with_counts(model=PublicationType, language=params.lang)
    ]


@api.get(
    "/persons",
    response={200: list[PersonTerm], 400: Error},
    summary="Speakers",
    tags=["taxonomies"],
)
def list_persons(request: HttpRequest, params: Query[LanguageQuery]):
    """Speakers of public publications in `lang`, with how many each has."""
    return [
        {**speaker_out(p), "publication_count": p.publication_count}
        for p in selectors.taxonomy_with_counts(model=Person, language=params.lang)
    ]


@api.get(
    "/topics", response={200: list[TopicTerm], 400: Error}, summary="Topics", tags=["taxonomies"]
)
def list_topics(request: HttpRequest, params: Query[LanguageQuery]):
    """Topics of public publications in `lang`, with how many publications each has."""
    return [
        {**topic_out(t), "publication_count": t.publication_count}
        for t in selectors.taxonomy_with_counts(model=Topic, language=params.lang)
    ]


@api.get(
    "/countries",
    response={200: list[CountryTerm], 400: Error},
    summary="Countries",
    tags=["taxonomies"],
)
def list_countries(request: HttpRequest, params: Query[LanguageQuery]):
    """Countries that public publications in `lang` concern, with how many each has."""
    return [
        {**country_out(c), "publication_count": c.publication_count}
        for c in selectors.taxonomy_with_counts(model=Country, language=params.lang)
    ]
