import functools

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import lazy
from django.utils.translation import get_language

from speeches.public.identity import site_identity

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
    """Site identity and name, reuse licence, the main navigation's current section and
    links to this page in every language (views may narrow them).

    The identity is read on first use, once per request, from what is kept per change
    (``speeches.public.identity``): the admin's pages, which print none of it, never read it.
    """

    def language_links():
        path = request.get_full_path()
        return [{"code": code, "url": translate_url(path, code)} for code, _ in settings.LANGUAGES]

    @functools.cache
    def identity():
        return site_identity(get_language() or settings.LANGUAGE_CODE)

    match = getattr(request, "resolver_match", None)
    return {
        # The name page titles end with: the ministry's short name, else its name, else
        # SITE_NAME (or a translated default) when no identity is set.
        "SITE_NAME": lazy(lambda: identity().title_name, str)(),
        # A callable, as language_links: templates evaluate it only where they print it.
        "site_identity": identity,
        "CONTENT_LICENSE_NAME": settings.CONTENT_LICENSE_NAME,
        "CONTENT_LICENSE_URL": settings.CONTENT_LICENSE_URL,
        "NAV_SECTION": SECTIONS.get(match.view_name, "") if match else "",
        "language_links": language_links,
    }
