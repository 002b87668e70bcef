"""Public pages. Each view parses its input, calls a selector and renders."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView

from speeches import selectors
from speeches.filters import PublicationFilter
from speeches.presentation import article_metadata, version_links


class HomeView(TemplateView):
    template_name = "speeches/home.html"

    def get_context_data(self, **kwargs):
        newest, sections = selectors.home_sections(language=get_language())
        return super().get_context_data(newest=newest, sections=sections, **kwargs)


class PublicationListView(ListView):
    template_name = "speeches/publication_list.html"
    context_object_name = "publications"
    paginate_by = settings.PUBLICATIONS_PER_PAGE

    def get_queryset(self):
        self.filterset = PublicationFilter(
            self.request.GET or None,
            queryset=selectors.publication_list(language=get_language()),
        )
        # FilterSet.qs silently drops invalid values; the template shows filterset.errors.
        self.filterset.is_valid()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


def publication_detail(request, pk: int, slug: str | None = None):
    publication = selectors.publication_detail(pk=pk)
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
        },
    )
