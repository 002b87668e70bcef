from django.conf import settings
from django.urls import translate_url

from speeches.public.presentation import site_name


def site(request):
    """Site name, reuse licence and links to this page in every language (views may narrow them)."""

    def language_links():
        path = request.get_full_path()
        return [{"code": code, "url": translate_url(path, code)} for code, _ in settings.LANGUAGES]

    return {
        # Templates read the name here, from its one source (presentation.site_name).
        "SITE_NAME": site_name(),
        "CONTENT_LICENSE_NAME": settings.CONTENT_LICENSE_NAME,
        "CONTENT_LICENSE_URL": settings.CONTENT_LICENSE_URL,
        # A callable: templates evaluate it only on pages that print the switcher.
        "language_links": language_links,
    }
