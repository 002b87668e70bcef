from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from speeches.models import Country, Person, Topic
from speeches.public import feeds, views

app_name = "speeches"


class CountryCodeConverter:
    """Two letters, as every ISO 3166-1 alpha-2 code (either case: the page upper-cases).

    Anything else never reaches the database: PostgreSQL refuses a NUL byte with an error.
    """

    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CountryCodeConverter, "country_code")

# Every page here is read-only: GET and HEAD, anything else a 405 (class-based views
# say so themselves; function views are wrapped below).
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("publications/", views.PublicationListView.as_view(), name="archive"),
    path("publications/<int:pk>/", require_safe(views.publication_detail), name="detail"),
    path(
        "publications/<int:pk>/<str:slug>/", require_safe(views.publication_detail), name="detail"
    ),
    # Previews (speeches.publishing.previews): staff, and reviewers holding a shared link.
    path("preview/<int:pk>/", require_safe(views.publication_preview), name="preview"),
    path(
        "preview/<int:pk>/revisions/<int:version_id>/",
        require_safe(views.publication_preview),
        name="preview_revision",
    ),
    path(
        "preview/shared/<str:token>/",
        require_safe(views.publication_preview_shared),
        name="preview_shared",
    ),
    path(
        "persons/",
        require_safe(views.taxonomy_index),
        {
            "model": Person,
            "heading": _("Persons"),
            "description": _(
                "Everyone who speaks in the archive's speeches, statements, interviews and"
                " briefings, with how many publications each has."
            ),
        },
        name="person_list",
    ),
    path("persons/<int:pk>/", views.PersonView.as_view(), name="person"),
    path(
        "persons/<int:pk>/photo/<str:filename>",
        require_safe(views.person_photo),
        name="person_photo",
    ),
    path(
        "topics/",
        require_safe(views.taxonomy_index),
        {
            "model": Topic,
            "heading": _("Topics"),
            "description": _(
                "The topics of the archive's speeches, statements, interviews and briefings,"
                " with how many publications each has."
            ),
        },
        name="topic_list",
    ),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path(
        "countries/",
        require_safe(views.taxonomy_index),
        {
            "model": Country,
            "heading": _("Countries"),
            "description": _(
                "The countries the archive's speeches, statements, interviews and briefings"
                " concern, with how many publications each has."
            ),
        },
        name="country_list",
    ),
    path("countries/<country_code:code>/", views.CountryView.as_view(), name="country"),
    # The footer's pages: about, contacts, accessibility, privacy, reuse licence.
    path("pages/<slug:kind>/", require_safe(views.footer_page), name="page"),
    path("updates/", require_safe(views.updates), name="updates"),
    path("feeds/<str:format>/", require_safe(feeds.feed), name="feed"),
    path(
        "feeds/<str:format>/<str:facet>/<str:value>/", require_safe(feeds.feed), name="feed_facet"
    ),
]
