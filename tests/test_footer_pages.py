"""Footer pages (about, contacts, accessibility, privacy, licence): written per language in
the admin by publishers and administrators, sanitised on every save, and shown in the
reader's language, else in the site's own, marked as such."""

import pytest
from django.core.exceptions import PermissionDenied

from speeches.identity import services
from speeches.models import FooterPage
from tests.helpers import committed, logged_in, queries_for

pytestmark = pytest.mark.django_db


def page(kind="privacy", **texts) -> FooterPage:
    texts = texts or {
        "title_en": "Privacy notice",
        "content_en": "<p>No cookies.</p>",
        "title_ru": "Уведомление о конфиденциальности",
        "content_ru": "<p>Никаких cookie.</p>",
    }
    saved = services.footer_page_save(page=FooterPage(kind=kind, **texts), user=None)
    committed()
    return saved


def footer(html: str) -> str:
    return html.split('<footer class="site-footer">')[1]


def test_the_text_is_sanitised_whoever_saves_it(publisher):
    saved = services.footer_page_save(
        page=FooterPage(
            kind="about",
            title_en="About",
            content_en=(
                '<p onclick="steal()">Hello <script>alert(1)</script>'
                '<a href="javascript:x()">x</a></p>'
            ),
        ),
        user=publisher,
    )
    saved.refresh_from_db()
    assert "script" not in saved.content_en and "onclick" not in saved.content_en
    assert "javascript:" not in saved.content_en
    assert saved.updated_by == publisher


@pytest.mark.parametrize("role", ["author", "translator", "viewer"])
def test_authors_and_translators_may_not_change_footer_pages(role, request):
    with pytest.raises(PermissionDenied):
        services.footer_page_save(
            page=FooterPage(kind="about", title_en="Forged", content_en="<p>x</p>"),
            user=request.getfixturevalue(role),
        )
    assert not FooterPage.objects.exists()


def test_a_publisher_writes_a_page_in_the_admin(publisher):
    client = logged_in(publisher)
    data = {"kind": "accessibility", "title_en": "Accessibility statement"}
    data["content_en"] = "<p>We aim at WCAG 2.1 AA.</p><script>x()</script>"
    for code in ("ru", "de", "fr", "es", "ar"):
        data |= {f"title_{code}": "", f"content_{code}": ""}
    response = client.post("/admin/speeches/footerpage/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    saved = FooterPage.objects.get(kind="accessibility")
    assert saved.content_en == "<p>We aim at WCAG 2.1 AA.</p>"
    assert logged_in(publisher).get("/en/pages/accessibility/").status_code == 200


def test_a_page_is_read_in_the_readers_language(client):
    page()
    response = client.get("/ru/pages/privacy/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Уведомление о конфиденциальности</h1>" in html
    assert "<p>Никаких cookie.</p>" in html
    assert 'hreflang="en" href="http://testserver/en/pages/privacy/"' in html
    assert "has not been translated" not in html


def test_a_page_missing_in_the_readers_language_is_shown_in_english_and_says_so(client):
    page()
    html = client.get("/ar/pages/privacy/").text
    assert '<article class="footer-page" lang="en" dir="ltr">' in html
    assert '<p class="notice notice--language" lang="ar" dir="rtl">' in html
    assert "<h1>Privacy notice</h1>" in html
    assert '<link rel="canonical" href="http://testserver/en/pages/privacy/">' in html
    # The footer links it under its English title, marked as English.
    assert 'href="/ar/pages/privacy/" lang="en" dir="ltr">Privacy notice</a>' in footer(html)


def test_unknown_and_unwritten_pages_are_404(client):
    page(kind="about", title_en="About", content_en="")  # a title without a text
    assert client.get("/en/pages/about/").status_code == 404
    assert client.get("/en/pages/no-such-page/").status_code == 404
    assert 'href="/en/pages/about/"' not in footer(client.get("/en/").text)


def test_the_footer_links_the_pages_in_order_with_updates_api_and_licence(client):
    page(kind="licence", title_en="Reuse licence", content_en="<p>CC BY.</p>")
    page(kind="about", title_en="About the press office", content_en="<p>Us.</p>")
    html = footer(client.get("/en/publications/").text)
    assert html.index("About the press office") < html.index("Reuse licence")
    # The feeds through the page that explains them, not as raw XML.
    assert 'href="/en/feeds/rss/"' not in html
    for link in (
        'href="/en/updates/"',
        'href="/api/"',
        'rel="license"',
    ):
        assert link in html


def test_a_footer_page_costs_the_same_queries_as_any_kept_page(client):
    page()
    committed()
    assert queries_for(client, "/en/pages/privacy/", warm=True) <= 2
