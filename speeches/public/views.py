"""Public pages, and previews of them. Each view parses its input, calls a selector and renders."""

import functools
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.handlers.exception import response_for_exception
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import content_disposition_header, http_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView
from reversion.errors import RevertError
from reversion.models import Version

from speeches.materials import archives, files
from speeches.models import Country, Material, Person, Publication, Topic, column, in_language
from speeches.public import feeds, identity, presentation, search, selectors
from speeches.public.filters import PublicationFilter
from speeches.public.presentation import (
    article_metadata,
    material_items,
    material_list,
    update_history,
    version_links,
    withdrawal,
)
from speeches.publishing import previews
from speeches.publishing.public_state import once_per_change


class HomeView(TemplateView):
    """The featured story with its photo and lead, the newest items after it, then the
    newest of each type: every item once (``selectors.home_page``)."""

    template_name = "speeches/home.html"

    def get_context_data(self, **kwargs):
        language = get_language()
        home = selectors.home_page(language=language)
        return super().get_context_data(
            home=home,
            featured=(
                presentation.featured_story(home.featured, language=language)
                if home.featured
                else ""
            ),
            latest_entries=presentation.publication_entries(home.latest, language=language),
            section_entries=[
                (
                    type,
                    presentation.publication_entries(
                        publications, language=language, heading_level=3, compact=True
                    ),
                )
                for type, publications in home.sections
            ],
            page_metadata=presentation.page_metadata(
                self.request, path=self.request.path, language=language
            ),
            **kwargs,
        )


class FromEitherEndPaginator(selectors.KeptCountPaginator):
    """The archive's paginator (its count kept per change for the lists the same for
    every reader), reading a page after the first by its ids, and a page of the second
    half from the other end.

    OFFSET costs what it skips: the last page of an archive skipped every item before it
    (2.4 times page 1 at 11,000 items). The list's order is reversed instead (every
    ordering here ends with the id, so it is total) and the page read backwards. And the
    skipping reads ids only (from the indexes, migration 0020), then the page's rows by
    id: the 200th page of 100,000 items skipped 4,000 whole rows (112 ms). A list that
    ``selectors.Listed`` holds (the whole archive, or a date range, on PostgreSQL) reads
    them from there.

    The first page of a term's list (``first_page_by_ids``) is read that way too on
    PostgreSQL: the newest items are checked for the term one by one, and reading each
    one's whole row to check it cost a country's page 12 ms of its 20.
    """

    def __init__(self, *args, first_page_by_ids: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_page_by_ids = first_page_by_ids

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        items = self.object_list
        if (
            not isinstance(items, QuerySet)
            or not items.ordered
            or items.query.is_sliced  # a search's newest matches: its end is not the list's
            or (bottom == 0 and not self.first_page_by_ids)
        ):
            return super().page(number)
        from_end = bottom > self.count // 2
        if self.listed is not None:
            if from_end:
                ids = self.listed.ids(self.count - top, self.count - bottom, newest_first=False)
            else:
                ids = self.listed.ids(bottom, top)
            ids = ids[::-1] if from_end else ids
        elif not from_end:
            ids = list(items.values_list("pk", flat=True)[bottom:top])
        else:
            backwards = items.reverse().values_list("pk", flat=True)
            ids = list(backwards[self.count - top : self.count - bottom])[::-1]
        return self._get_page(items.in_order(ids), number, self)


# Where a search's words go in its list's kept filter form.
SEARCH_SLOT = "\ue004"
# The archive's filters an email subscription can follow (speeches.mailing.forms).
SUBSCRIBED_FILTERS = ("type", "speaker", "topic", "country", "q")


class PublicationListView(ListView):
    """The archive: filters, search and pages. Taxonomy pages narrow it to one term."""

    template_name = "speeches/publication_list.html"
    context_object_name = "publications"
    paginate_by = settings.PUBLICATIONS_PER_PAGE
    paginator_class = FromEitherEndPaginator
    own_filter: str | None = None  # the filter a taxonomy page fixes, not offered in its form

    def get_base_queryset(self):
        return selectors.publication_list(language=get_language())

    def get(self, request, *args, **kwargs):
        language = get_language()
        self.filterset = PublicationFilter(
            request.GET or None,
            queryset=self.get_base_queryset(),
            language=language,
            exclude=self.fixed,
        )
        # The page's queries (a search's matches, the count, the items, the highlights
        # and the entries) run inside, a search's with the plan that suits it.
        with search.planned(self.filterset.search_text, language=language):
            return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filterset.qs

    @cached_property
    def facet(self) -> str | None:
        """The list's one facet, whatever the page (``PublicationFilter.facet``)."""
        return self.filterset.facet(ignored={"page"})

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The whole archive, or a date range of it: its count and deep pages' ids from the
        # search entries (PostgreSQL).
        bounds = self.filterset.date_bounds() if self.own_filter is None else None
        if search.is_postgresql():
            if bounds is not None:
                kwargs["listed"] = selectors.Listed(get_language(), *bounds)
            else:
                kwargs["first_page_by_ids"] = True
        # Such a list's count is kept per change; other lists are counted for their request.
        if self.facet is not None:
            term = self.kwargs.get("pk") or self.kwargs.get("slug") or self.kwargs.get("code")
            kwargs["count_key"] = selectors.list_count_key(
                language=get_language(), facet=self.facet, fixed=self.own_filter, term=term
            )
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page=allow_empty_first_page, **kwargs
        )

    def get_context_data(self, **kwargs):
        language = get_language()
        text = self.filterset.search_text
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        if text:
            selectors.attach_highlights(context["publications"], text=text, language=language)
            if not context["paginator"].count and not self.filterset.errors:
                # Nothing here: the same words in the other languages, where they find some.
                context["elsewhere"] = selectors.search_elsewhere(text, language=language)
        context["publication_entries"] = presentation.publication_entries(
            context["publications"], language=language
        )
        context["search_limit"] = search.RESULT_LIMIT
        context["feed_facet"] = self.filterset.feed()
        context["updates_url"] = updates_url(self.followed())
        context["email_query"] = self.email_query()
        page = context["page_obj"].number if context.get("page_obj") else 1
        canonical = presentation.list_canonical_path(
            self.request.path, page=page, narrowed=bool(self.filterset.chosen())
        )
        context["page_metadata"] = presentation.page_metadata(
            self.request, path=canonical, language=language
        )
        if self.facet is not None:
            # The form of such a list is the same for every reader too (its one facet
            # chosen, whatever the page number): rendered once per change.
            context["kept_filter_form"] = self._kept_form(self.facet, self.filterset)
        elif self._search_alone():
            # A search alone: the same form but for the words, which fill a slot of it.
            sort = self.request.GET.get("sort", "")
            data = {"q": SEARCH_SLOT, **({"sort": sort} if sort else {})}
            frame = self._kept_form(
                f"search:{sort}",
                PublicationFilter(
                    data, queryset=self.filterset.queryset, language=language, exclude=self.fixed
                ),
            )
            context["kept_filter_form"] = mark_safe(
                frame.replace(SEARCH_SLOT, escape(self.request.GET["q"]))
            )
        return context

    def followed(self) -> tuple[str, str] | None:
        """The feed (facet, value) that lists what this list does, if there is one: the
        archive's with one term chosen (``PublicationFilter.feed``), a term page's own."""
        feed = self.filterset.feed()
        return (feed.facet, feed.value) if feed else None

    def email_query(self) -> str:
        """The query string that fills the email sign-up form with what this list shows:
        its terms and search words under the archive's names (a page's own term too).
        Dates are left out: a subscription is of what comes next."""
        values = {
            name: value
            for name, value in self.filterset.chosen().items()
            if name in SUBSCRIBED_FILTERS
        }
        if self.own_filter:
            values[self.own_filter] = self.followed()[1]
        return urlencode(values, doseq=True)

    @property
    def fixed(self) -> list[str]:
        return [self.own_filter] if self.own_filter else []

    def _kept_form(self, name: str, filterset: PublicationFilter) -> SafeString:
        """The filter form of ``filterset``, kept under ``name``: everything it prints
        (the values, the count of filters in use) comes from that filterset, whose valid
        values ``name`` says, and from the path; nothing from the rest of the request."""
        return once_per_change(
            f"filter-form:{self.request.path}:{name}",
            lambda: mark_safe(
                render_to_string(
                    "speeches/includes/filter_form.html",
                    {
                        "filter_form": filterset.form,
                        "panel_count": filterset.panel_count(),
                        "request": self.request,
                    },
                )
            ),
        )

    def _search_alone(self) -> bool:
        """Whether the list is a valid search with no filter (and maybe a sort order)."""
        given = set(self.request.GET) - {"page"}
        return (
            "q" in given
            and given <= {"q", "sort"}
            and bool(self.filterset.search_text)
            and not self.filterset.errors
        )


def _public_term(model, value):
    """The term whose page a reader of this language may open: 404 for the others, as
    for an unknown one, so that a draft's speaker or topic is not even confirmed."""
    return selectors.public_term(model=model, language=get_language(), value=value)


class PersonView(PublicationListView):
    template_name = "speeches/person_detail.html"
    own_filter = "speaker"

    def get_base_queryset(self):
        self.person = _public_term(Person, self.kwargs["pk"])
        return super().get_base_queryset().filter(speakers=self.person)

    def followed(self) -> tuple[str, str]:
        return ("person", str(self.person.pk))

    def get_context_data(self, **kwargs):
        language = get_language()
        return super().get_context_data(
            person=self.person,
            # In this language or not at all: a biography is not translated on the fly.
            biography=in_language(self.person, "biography", language),
            photo_url=(
                reverse(
                    "speeches:person_photo",
                    kwargs={"pk": self.person.pk, "filename": self.person.photo_filename},
                )
                if self.person.photo
                else ""
            ),
            **kwargs,
        )


class TopicView(PublicationListView):
    template_name = "speeches/topic_detail.html"
    own_filter = "topic"

    def get_base_queryset(self):
        self.topic = _public_term(Topic, self.kwargs["slug"])
        return super().get_base_queryset().filter(topics=self.topic)

    def followed(self) -> tuple[str, str]:
        return ("topic", self.topic.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class CountryView(PublicationListView):
    template_name = "speeches/country_detail.html"
    own_filter = "country"

    def get_base_queryset(self):
        self.country = _public_term(Country, self.kwargs["code"].upper())
        return super().get_base_queryset().filter(countries=self.country)

    def followed(self) -> tuple[str, str]:
        return ("country", self.country.code)

    def get_context_data(self, **kwargs):
        return super().get_context_data(country=self.country, **kwargs)


def taxonomy_index(request, *, model, heading: str, description: str):
    """Persons, topics or countries with how many publications each has in this language;
    the list's HTML is rendered once per change of what readers see, not per request."""
    language = get_language()

    def term_list() -> str:
        terms = selectors.taxonomy_with_counts(model=model, language=language)
        if not terms:
            return ""
        return render_to_string("speeches/includes/term_list.html", {"terms": terms})

    html = once_per_change(f"term-list:{model._meta.label}:{language}", term_list)
    return render(
        request,
        "speeches/taxonomy_list.html",
        {
            "term_list": html,
            "description": description,
            "heading": heading,
            "page_metadata": presentation.page_metadata(
                request, path=request.path, language=language
            ),
        },
    )


def updates_url(followed: tuple[str, str] | None = None) -> str:
    """The address of the page explaining the feeds, with the feed of one facet value
    (``followed``: facet, value) first on it."""
    url = reverse("speeches:updates")
    return f"{url}?{urlencode(dict([followed]))}" if followed else url


def updates(request):
    """The feeds a reader may follow, explained: a feed's own address opens as raw XML,
    which tells a newcomer nothing. Reached from a list of one term (``?topic=…``, the
    feeds' facet names), that term's feeds come first; a value no feed has is left out,
    as the feeds would answer it 404."""
    language = get_language()
    return render(
        request,
        "speeches/updates.html",
        {
            "followed": feeds.followed_facets(request.GET, language=language),
            "types": selectors.filter_options(language=language).choices["type"],
            "page_metadata": presentation.page_metadata(
                request, path=request.path, language=language
            ),
        },
    )


def publication_detail(request, pk: int, slug: str | None = None):
    language = get_language()
    try:
        publication = selectors.publication_detail(pk=pk, language=language)
    except Http404:
        gone = selectors.gone_publication(pk=pk)
        if gone is None:
            raise
        return publication_gone(request, gone)
    wrong_slug = slug != getattr(publication, column("slug", language))
    if wrong_slug and language in publication.public_languages():
        return redirect(publication.get_absolute_url(language), permanent=True)
    return publication_page(request, publication, language=language)


def publication_page(
    request, publication: Publication, *, language: str, preview: previews.Preview | None = None
):
    """One language version's page, for readers or as a ``preview``.

    Public pages and previews render here and nowhere else, so that a preview shows what
    readers will get. A preview differs only where the public page would point at
    addresses that do not exist yet: its language row links to previews, its material
    files carry a shared preview's token, and it names no canonical page or alternates.
    """
    if preview is None:
        languages = publication.public_languages()
        versions = version_links(publication, current=language)
        token = ""
    else:
        languages = previews.preview_languages(publication)
        versions = version_links(
            publication, current=language, languages=languages, url_for=preview.url_for
        )
        token = preview.token
    context = {
        "publication": publication,
        "versions": versions,
        "language_links": presentation.publication_language_links(
            publication, languages=languages, url_for=preview.url_for if preview else None
        ),
    }
    if preview is not None:
        context.update(preview=preview, robots=PREVIEW_ROBOTS)
    if language not in languages:
        # No fallback: say so, name the item in a language readers may see it in, and
        # point to the versions that do exist.
        context["name"] = presentation.publication_name(publication, languages=languages)
        return render(request, "speeches/publication_missing_language.html", context, status=404)
    metadata = article_metadata(
        publication, language=language, request=request, preview_token=token
    )
    items = material_list(publication, language=language, preview_token=token)
    outline = presentation.page_outline(publication, language=language, kept=preview is None)
    context.update(
        metadata=metadata,
        related=presentation.related_section(publication, language=language),
        materials=material_items(publication, language=language, preview_token=token),
        withdrawal=withdrawal(publication, language=language),
        replacement=presentation.replacement_link(publication, language=language),
        updates=update_history(publication, language=language),
        translation=presentation.translation_note(
            publication, language=language, versions=versions
        ),
        short_url=presentation.short_url(publication, request=request),
        share_links=presentation.share_links(
            title=publication.title_in(language), url=metadata.canonical_url
        ),
        contents=outline.headings,
        questions=outline.questions,
        # Not in a preview: the archive is of what readers may download now.
        photo_archive=presentation.photo_archive(publication, items) if preview is None else None,
        printed_materials=presentation.printed_materials(items, request=request),
    )
    return render(request, "speeches/publication_detail.html", context)


def short_link(request, pk: int):
    """``/p/<id>/``: the address printed, cited and copied, the same in every language.

    Sends the reader to the page in their language (their browser's, or the one they
    chose), else the original's, else the first public one; an unpublished item's
    replacement, if it has one. Anything readers may not open is a 404, as an unknown id
    is: a draft or an embargoed item is not even confirmed to exist. Temporary (302):
    where it leads depends on the reader and on the item, which may gain a translation.
    """
    try:
        publication = selectors.publication_for_short_link(pk=pk)
    except Http404:
        gone = selectors.gone_publication(pk=pk)
        if gone is None or gone.replacement is None:
            raise
        publication = gone.replacement
    languages = publication.public_languages()
    for code in (get_language(), publication.original_language, *languages):
        if code in languages:
            return redirect(publication.get_absolute_url(code))
    raise Http404("No version readers may open.")


# Previews: what a publication's page will look like, for staff and for reviewers holding
# a shared link (speeches.publishing.previews). None of them may be indexed, followed or cached.

PREVIEW_ROBOTS = "noindex, nofollow"


def preview_response(view):
    """Keep whatever ``view`` answers, its refusals and errors too, out of indexes and caches."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = render(request, "404.html", {"robots": PREVIEW_ROBOTS}, status=404)
        except PermissionDenied as error:
            response = response_for_exception(request, error)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = PREVIEW_ROBOTS
        return response

    return wrapped


@preview_response
def publication_preview(request, pk: int, version_id: int | None = None):
    """A publication (or one of its revisions) in any state, as readers would see it: staff.

    A revision is laid over the current publication in memory; nothing is saved.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if not previews.staff_may_see_unpublished(request.user):
        raise PermissionDenied
    publication = selectors.publication_preview(pk=pk)
    version = None
    if version_id is not None:
        version = get_object_or_404(
            Version.objects.get_for_object(publication).select_related("revision"),
            pk=version_id,
        )
        try:
            previews.apply_revision(publication, version)
        except RevertError as error:  # stored before a change of the model: unreadable
            raise Http404("This revision cannot be read.") from error

    def url_for(code: str) -> str:
        with translation.override(code):
            if version is None:
                return reverse("speeches:preview", kwargs={"pk": publication.pk})
            return reverse(
                "speeches:preview_revision",
                kwargs={"pk": publication.pk, "version_id": version.pk},
            )

    preview = previews.Preview(
        url_for=url_for, banner=previews.preview_banner(publication, version=version)
    )
    return publication_page(request, publication, language=get_language(), preview=preview)


@preview_response
def publication_preview_shared(request, token: str):
    """The preview a shared link opens, for a reviewer without an account.

    A link that no longer works says why, never more: 404 when it is wrong, revoked or
    expired, 410 with the public address once readers can open the page.
    """
    try:
        link = previews.preview_link_resolve(token)
    except previews.PreviewLinkInvalid as error:
        return render(
            request,
            "speeches/preview_unavailable.html",
            {
                "reason": error.reason,
                "public_url": _public_url(error.link.publication) if error.link else "",
                "robots": PREVIEW_ROBOTS,
            },
            status=error.status,
        )
    publication = selectors.publication_preview(pk=link.publication_id)

    def url_for(code: str) -> str:
        with translation.override(code):
            return reverse("speeches:preview_shared", kwargs={"token": token})

    preview = previews.Preview(
        url_for=url_for, banner=previews.preview_banner(publication), token=token
    )
    return publication_page(request, publication, language=get_language(), preview=preview)


def _public_url(publication: Publication) -> str:
    """The page readers may open, in this language if it exists, else the original's."""
    languages = publication.public_languages()
    for code in (get_language(), publication.original_language, *languages):
        if code in languages:
            return publication.get_absolute_url(code)
    return ""


def publication_gone(request, publication):
    """An unpublished item: sent on to its replacement, or 410 Gone (and nothing of it)."""
    if publication.replacement is not None:
        return redirect(publication.replacement.get_absolute_url(get_language()), permanent=True)
    return render(request, "speeches/publication_gone.html", status=410)


# Files of additional materials. They are served here, not straight from MEDIA_ROOT, so
# that the public rule applies to them as to pages: a file is reachable only while a
# public publication uses its material (staff may preview any, and so may a reviewer
# whose shared preview shows it: ``?preview=<token>``).


def material_file(request, pk: int, variant: str, filename: str = ""):
    previewed = None
    staff = previews.staff_may_see_unpublished(request.user)
    if not staff and request.GET.get("preview"):
        previewed = previews.preview_link_material(token=request.GET["preview"], material_id=pk)
    if previewed is not None:
        material = previewed
    else:
        materials = Material.objects.all() if staff else Material.objects.public()
        material = get_object_or_404(materials, pk=pk)
    stored = files.resolve(material, variant)
    if stored is None:
        raise Http404("No such file.")
    if settings.MATERIAL_ACCEL_REDIRECT:
        # The check above is ours; the bytes are sent by nginx from an internal location.
        response = HttpResponse(content_type=stored.mime_type)
        response["X-Accel-Redirect"] = settings.MATERIAL_ACCEL_REDIRECT + quote(stored.name)
        response["Content-Disposition"] = content_disposition_header(
            stored.attachment, stored.filename
        )
    else:
        # Stored names never change their bytes (a new upload gets a new name), so the
        # file's time is a sound validator: revalidating caches get a 304.
        storage = material.file.storage
        try:
            modified = int(storage.get_modified_time(stored.name).timestamp())
            response = get_conditional_response(request, last_modified=modified)
            if response is None:
                response = FileResponse(
                    storage.open(stored.name, "rb"),
                    content_type=stored.mime_type,
                    as_attachment=stored.attachment,
                    filename=stored.filename,
                )
                response["Last-Modified"] = http_date(modified)
        except files.UNREADABLE:
            # Lost or unreadable in storage (a failed restore, a deleted file): for the
            # reader there is no such file, which is a 404, never a server error.
            files.logger.warning(
                "Material %s: its file %s is missing or unreadable", material.pk, stored.name
            )
            raise Http404("No such file.") from None
    # Whatever the file holds, a browser must not run it as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'; media-src 'self'; sandbox"
    if staff or previewed is not None:
        response["Cache-Control"] = "private, no-store"
        if previewed is not None:
            response["X-Robots-Tag"] = PREVIEW_ROBOTS
    elif settings.MATERIAL_CACHE_SECONDS:
        response["Cache-Control"] = f"public, max-age={settings.MATERIAL_CACHE_SECONDS}"
    else:
        response["Cache-Control"] = "public, no-cache"
    return response


# The press office's own pages and images: footer pages, the identity's stylesheet and
# emblem, persons' portraits (speeches.public.identity).


def footer_page(request, kind: str):
    """A footer page (about, contacts, accessibility, privacy, licence) in the reader's
    language, else in the first language it is written in, marked as such: a privacy
    notice or an accessibility statement must reach every reader, and a footer link must
    not lead to a 404. Unknown, or written in no language: 404."""
    language = get_language()
    page = identity.footer_page(kind=kind, language=language)
    if page is None:
        raise Http404("No such page.")
    return render(request, "speeches/footer_page.html", {"page": page})


# A year: the addresses below name what they serve (a stamp, a server-made name), so a
# new emblem or new colours get new addresses.
IMMUTABLE = "public, max-age=31536000, immutable"


def identity_stylesheet(request, stamp: str):
    """The identity's brand colours as CSS custom properties: a stylesheet, since the
    Content-Security-Policy admits no inline style. Its address carries a stamp of the
    colours (``identity.colour_stamp``): the current one may be kept for a year; an old
    one answers the current colours, revalidated."""
    current = identity.site_identity(settings.LANGUAGE_CODE)
    if not current.colours:
        raise Http404("No site identity.")
    css = render_to_string("speeches/identity.css", {"colours": current.colours})
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = (
        IMMUTABLE if current.stylesheet_url.endswith(f"/{stamp}.css") else "public, no-cache"
    )
    return response


def _stored_image(request, field_file, *, mime_type: str, cache_control: str):
    """A stored image, as a file of the site: a 304 to a revalidating cache, a 404 when
    storage has lost it, and never run as a page (sandbox)."""
    storage = field_file.storage
    try:
        modified = int(storage.get_modified_time(field_file.name).timestamp())
        response = get_conditional_response(request, last_modified=modified)
        if response is None:
            response = FileResponse(storage.open(field_file.name, "rb"), content_type=mime_type)
            response["Last-Modified"] = http_date(modified)
    except files.UNREADABLE:
        files.logger.warning("Image %s is missing or unreadable", field_file.name)
        raise Http404("No such file.") from None
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = cache_control
    return response


def identity_emblem(request, filename: str):
    """The emblem, re-encoded as PNG at upload, under its server-made name only."""
    if not filename or filename != identity.emblem_name():
        raise Http404("No such emblem.")
    row = identity.identity_row()
    if row is None or not row.emblem:
        raise Http404("No such emblem.")
    return _stored_image(request, row.emblem, mime_type="image/png", cache_control=IMMUTABLE)


def person_photo(request, pk: int, filename: str):
    """A person's portrait, while the person is public in this language (their page's
    rule, ``selectors.public_term``): a person known only from drafts is not even
    confirmed. Revalidated every time, like materials, so it never outlives that. Staff
    see any (the admin's preview of it), never from a shared cache."""
    staff = previews.staff_may_see_unpublished(request.user)
    person = get_object_or_404(Person, pk=pk) if staff else _public_term(Person, pk)
    if not person.photo or filename != person.photo_filename:
        raise Http404("No such photo.")
    cache_control = "private, no-store" if staff else "public, no-cache"
    return _stored_image(request, person.photo, mime_type="image/jpeg", cache_control=cache_control)


def publication_photos(request, pk: int):
    """All the photos a publication's page shows, as one ZIP archive to download.

    The same rule as each photo's own file (``material_file``): the publication's page
    must be one readers may open, for staff too, whose previews offer no archive. The
    archive is built once for its set of photos and kept in storage
    (``speeches.materials.archives``); which one this page's is, is kept per change of
    what readers see, so a request does no more than read it.
    """

    find = functools.partial(_photo_archive, pk)
    try:
        found = once_per_change(f"photo-archive:{pk}", find)
    except Http404:
        found = None
    if found is None:
        raise Http404("No photos.")
    named, name = found
    filename = f"photos-{pk}.zip"
    # Named after the photos it holds: the same name, the same bytes.
    etag = '"{}"'.format(named.rsplit("/", 1)[-1].removesuffix(".zip"))
    if settings.MATERIAL_ACCEL_REDIRECT:
        response = HttpResponse(content_type="application/zip")
        response["X-Accel-Redirect"] = settings.MATERIAL_ACCEL_REDIRECT + quote(name)
        response["Content-Disposition"] = content_disposition_header(True, filename)
    else:
        response = get_conditional_response(request, etag=etag) or _archive_file(
            name, filename, rebuild=find
        )
    response["ETag"] = etag
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _photo_archive(pk: int) -> tuple[str, str] | None:
    """The archive of the photos of publication ``pk``'s page (404 for a page readers
    may not open): its name by what it holds, and the name it is stored under (built and
    stored now unless it is there); None without photos."""
    items = archives.photos(selectors.publication_photo_materials(pk=pk))
    if not items:
        return None
    return archives.archive_name(items), archives.stored_archive(items)


def _archive_file(name: str, filename: str, *, rebuild) -> FileResponse:
    """The stored archive as a download; one lost from storage since (a restore, a
    clean-up) is built again rather than missed."""
    try:
        stored = default_storage.open(name, "rb")
    except files.UNREADABLE:
        files.logger.warning("Photo archive %s is missing or unreadable: built again", name)
        found = rebuild()
        if found is None:
            raise Http404("No photos.") from None
        stored = default_storage.open(found[1], "rb")
    return FileResponse(
        stored, content_type="application/zip", as_attachment=True, filename=filename
    )
