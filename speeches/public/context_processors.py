from django.conf import settings
from django.urls import translate_url

from speeches.public.presentation import site_name

# The main navigation's sections, by the URL names of their pages: a term's page belongs
# to its index (a reader on a topic is in Topics).
SECTIONS = {
    "speeches:home": "home",
    "speeches:archive": "publications",
    "speeches:person_list": "persons",
    "speeches:person": "persons",
    "speeches:topic_list": "topics",
    "speeches:topic": "topics",
    "speeches:country_list": "countries",
    "speeches:country": "countries",
}


def site(request):
    """Site name, reuse licence, the main navigation's current section and links to this
    page in every language (views may narrow them)."""

    def language_links():
        path = request.get_full_path()
        return [{"code": code, "url": translate_url(path, code)} for code, _ in settings.LANGUAGES]

    match = getattr(request, "resolver_match", None)
    return {
        # Templates read the name here, from its one source (presentation.site_name).
        "SITE_NAME": site_name(),
        "CONTENT_LICENSE_NAME": settings.CONTENT_LICENSE_NAME,
        "CONTENT_LICENSE_URL": settings.CONTENT_LICENSE_URL,
        "NAV_SECTION": SECTIONS.get(match.view_name, "") if match else "",
        # A callable: templates evaluate it only on pages that print the switcher.
        "language_links": language_links,
    }
