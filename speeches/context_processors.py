from django.conf import settings
from django.urls import translate_url


def site(request):
    """Site name and links to this page in every language (views may narrow them)."""

    def language_links():
        path = request.get_full_path()
        return [{"code": code, "url": translate_url(path, code)} for code, _ in settings.LANGUAGES]

    # A callable: templates evaluate it only on pages that print the switcher.
    return {"SITE_NAME": settings.SITE_NAME, "language_links": language_links}
