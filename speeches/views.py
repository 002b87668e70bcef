"""Public pages. Each view parses its input, calls a selector and renders."""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView

from speeches import material_files, selectors
from speeches.filters import PublicationFilter
from speeches.models import Country, Material, Person, Topic
from speeches.presentation import (
    article_metadata,
    material_items,
    update_history,
    version_links,
    withdrawal,
)


class HomeView(TemplateView):
    template_name = "speeches/home.html"

    def get_context_data(self, **kwargs):
        newest, sections = selectors.home_sections(language=get_language())
        return super().get_context_data(newest=newest, sections=sections, **kwargs)


class PublicationListView(ListView):
    """The archive: filters, search and pages. Taxonomy pages narrow it to one term."""

    template_name = "speeches/publication_list.html"
    context_object_name = "publications"
    paginate_by = settings.PUBLICATIONS_PER_PAGE
    own_filter: str | None = None  # the filter a taxonomy page fixes, not offered in its form

    def get_base_queryset(self):
        return selectors.publication_list(language=get_language())

    def get_queryset(self):
        self.filterset = PublicationFilter(
            self.request.GET or None,
            queryset=self.get_base_queryset(),
            language=get_language(),
            exclude=[self.own_filter] if self.own_filter else [],
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        if self.filterset.search_text:
            selectors.attach_highlights(
                context["publications"], text=self.filterset.search_text, language=get_language()
            )
        return context


class PersonView(PublicationListView):
    template_name = "speeches/person_detail.html"
    own_filter = "speaker"

    def get_base_queryset(self):
        self.person = get_object_or_404(Person, pk=self.kwargs["pk"])
        return super().get_base_queryset().filter(speakers=self.person)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)


class TopicView(PublicationListView):
    template_name = "speeches/topic_detail.html"
    own_filter = "topic"

    def get_base_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return super().get_base_queryset().filter(topics=self.topic)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class CountryView(PublicationListView):
    template_name = "speeches/country_detail.html"
    own_filter = "country"

    def get_base_queryset(self):
        self.country = get_object_or_404(Country, code=self.kwargs["code"].upper())
        return super().get_base_queryset().filter(countries=self.country)

    def get_context_data(self, **kwargs):
        return super().get_context_data(country=self.country, **kwargs)


def taxonomy_index(request, *, model, heading: str):
    """Persons, topics or countries with how many publications each has in this language."""
    terms = selectors.taxonomy_with_counts(model=model, language=get_language())
    return render(request, "speeches/taxonomy_list.html", {"terms": terms, "heading": heading})


def publication_detail(request, pk: int, slug: str | None = None):
    try:
        publication = selectors.publication_detail(pk=pk)
    except Http404:
        gone = selectors.gone_publication(pk=pk)
        if gone is None:
            raise
        return publication_gone(request, gone)
    language = get_language()
    versions = version_links(publication, current=language)
    if language not in publication.public_languages():
        # No fallback: say so, and point to the versions that do exist.
        return render(
            request,
            "speeches/publication_missing_language.html",
            {"publication": publication, "versions": versions},
            status=404,
        )
    if slug != getattr(publication, f"slug_{language}"):
        return redirect(publication.get_absolute_url(language), permanent=True)
    return render(
        request,
        "speeches/publication_detail.html",
        {
            "publication": publication,
            "versions": versions,
            "metadata": article_metadata(publication, language=language, request=request),
            "related": selectors.related_publications(publication=publication, language=language),
            "materials": material_items(publication, language=language),
            "withdrawal": withdrawal(publication, language=language),
            "updates": update_history(publication, language=language),
        },
    )


def publication_gone(request, publication):
    """An unpublished item: sent on to its replacement, or 410 Gone (and nothing of it)."""
    if publication.replacement is not None:
        return redirect(publication.replacement.get_absolute_url(get_language()), permanent=True)
    return render(request, "speeches/publication_gone.html", status=410)


# Files of additional materials. They are served here, not straight from MEDIA_ROOT, so
# that the public rule applies to them as to pages: a file is reachable only while a
# public publication uses its material (staff may preview any).


def material_file(request, pk: int, variant: str, filename: str = ""):
    materials = Material.objects.all() if request.user.is_staff else Material.objects.public()
    material = get_object_or_404(materials, pk=pk)
    stored = material_files.resolve(material, variant)
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
    # Whatever the file holds, a browser must not run it as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'; media-src 'self'; sandbox"
    if request.user.is_staff:
        response["Cache-Control"] = "private, no-store"
    elif settings.MATERIAL_CACHE_SECONDS:
        response["Cache-Control"] = f"public, max-age={settings.MATERIAL_CACHE_SECONDS}"
    else:
        response["Cache-Control"] = "public, no-cache"
    return response
