"""The demo loader: the captured speech as captured, idempotent, accounts only with DEBUG.

The tests share one load of the demo (conftest's ``demo``); what each writes is undone
after it.
"""

import re
from xml.etree import ElementTree

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from speeches.demo import dataset
from speeches.models import Publication
from tests.helpers import change_form_data, load_demo

pytestmark = pytest.mark.django_db

SEED_TITLE = (
    "Foreign Minister Sergey Lavrov’s remarks at a joint meeting of the collegiums of the "
    "Foreign Ministry of Russia and the Foreign Ministry of the Republic of Belarus, Moscow, "
    "November 18, 2019"
)


@pytest.fixture
def seed(demo, settings):
    settings.DEBUG = True  # as load_demo wants it for the accounts
    return Publication.objects.get(reference=dataset.seed_speech()["reference"])


def test_seed_speech_page_is_as_captured(client, seed):
    response = client.get("/en/publications/", follow=True)
    assert SEED_TITLE in response.text
    page = client.get(seed.get_absolute_url("en"))
    assert page.status_code == 200
    assert "18 November 2019 16:40" in page.text
    assert f'<h1 class="publication__title">{SEED_TITLE}</h1>' in page.text
    assert "<p>Mr Makei,</p>" in page.text
    row = page.text.split('class="version-row"')[1].split("</nav>")[0]
    codes = re.findall(r' lang="(\w\w)"', row)
    assert codes == ["de", "en", "es", "fr", "ru"]
    for code in ("de", "es", "fr", "ru"):
        other = client.get(seed.get_absolute_url(code))
        assert other.status_code == 200
        assert f'<html lang="{code}"' in other.text
        assert SEED_TITLE not in other.text
    assert client.get(f"/ar/publications/{seed.pk}/").status_code == 404


def test_demo_has_variety(seed):
    public = Publication.objects.public()
    assert public.count() >= 31
    assert public.values("type").distinct().count() >= 8
    assert Publication.objects.available_in("ar").exists()
    assert public.exclude(pk__in=Publication.objects.available_in("en")).exists()
    assert public.filter(speakers__isnull=False).values("speakers").distinct().count() >= 5


def test_demo_content_is_sanitised(seed):
    assert not Publication.objects.filter(body_en__icontains="<script").exists()
    assert not Publication.objects.filter(body_en__icontains="onclick").exists()


def test_loading_twice_duplicates_nothing_and_keeps_edits(settings, seed, own_demo_files):
    counts = Publication.objects.count(), get_user_model().objects.count()
    seed.title_de = "Von einer Redakteurin geändert"
    seed.save()
    output = load_demo(settings)
    assert (Publication.objects.count(), get_user_model().objects.count()) == counts
    assert "0 publications created" in output
    seed.refresh_from_db()
    assert seed.title_de == "Von einer Redakteurin geändert"


def test_accounts_are_printed_and_can_log_in(demo, seed, client):
    output = demo.output
    for username in ("admin", "editor", "publisher", "translator"):
        assert username in output
        response = client.post(
            "/admin/login/", {"username": username, "password": "press-office-demo"}
        )
        assert response.status_code == 302, username
        assert client.get("/admin/").status_code == 200
        client.post("/admin/logout/")
    assert "press-office-demo" in output


def test_readers_find_and_follow_the_seed_speech(client, seed):
    lavrov = seed.speakers.get()
    found = client.get(
        "/ru/publications/",
        {"speaker": lavrov.pk, "date_from": "2019-11-17", "date_to": "2019-11-19"},
    )
    assert seed in found.context["publications"]

    russian = client.get("/ru/publications/", {"q": "коллегий"})
    assert seed in russian.context["publications"]
    assert "<mark>коллегий</mark>" in russian.text
    # Any form of the word, on either database: the text says «коллегий».
    for form in ("коллегия", "коллегии"):
        stemmed = client.get("/ru/publications/", {"q": form})
        assert seed in stemmed.context["publications"], form
        assert "<mark>коллегий</mark>" in stemmed.text
    english = client.get("/en/publications/", {"q": "collegiums"})
    assert seed in english.context["publications"]
    assert "<mark>collegiums</mark>" in english.text

    person_page = client.get(lavrov.get_absolute_url()).text
    feed_url = re.search(r'type="application/rss\+xml" title="[^"]*" href="([^"]+)"', person_page)
    feed = feedparser.parse(client.get(feed_url.group(1)).content)
    assert not feed.bozo
    assert SEED_TITLE in [entry.title for entry in feed.entries]


def test_sitemap_lists_the_seed_speech_with_five_reciprocal_alternates(client, seed):
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    sitemap = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ElementTree.fromstring(client.get("/sitemap-publications.xml").content)
    entries = {
        url.findtext(f"{sitemap}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(xhtml)
        }
        for url in root.iter(f"{sitemap}url")
    }
    seed_urls = {loc: alts for loc, alts in entries.items() if f"/publications/{seed.pk}/" in loc}
    assert len(seed_urls) == 5
    for alternates in seed_urls.values():
        assert sorted(alternates) == ["de", "en", "es", "fr", "ru"]
        assert set(alternates.values()) == set(seed_urls)


def test_translators_follow_an_edit_of_the_english_seed_speech(settings, client, seed):
    """Edit one English paragraph: the translations are outdated on the dashboard; the
    German translator sees the change and clears it; a French XLIFF round trip changes
    the French page and is a revision."""
    from django.test import Client
    from lxml import etree
    from reversion.models import Version

    old = "Colleagues, friends,"
    new = "Dear colleagues and friends,"
    users = get_user_model().objects
    editor = Client()
    editor.force_login(users.get(username="publisher"))
    response = editor.post(
        f"/admin/speeches/publication/{seed.pk}/change/",
        change_form_data(seed, body_en=seed.body_en.replace(f"<p>{old}</p>", f"<p>{new}</p>")),
    )
    assert response.status_code == 302

    def states() -> dict[str, str]:
        page = editor.get("/admin/speeches/publication/translations/", {"language": "all"})
        (row,) = [r for r in page.context["rows"] if r["publication"].pk == seed.pk]
        return {cell["language"]: cell["state"] for cell in row["cells"]}

    assert states() == {
        "en": "original",
        "ru": "outdated",
        "de": "outdated",
        "fr": "outdated",
        "es": "outdated",
        "ar": "missing",
    }

    translator = Client()
    translator.force_login(users.get(username="translator"))  # translates de and fr
    url = f"/admin/speeches/publication/{seed.pk}/translate/de/"
    page = translator.get(url)
    changes = page.text.split('id="changes-heading"')[1].split("</section>")[0]
    assert f"{old}</del>" in changes and f"{new}</ins>" in changes
    assert changes.count("<del>") == 1  # that paragraph, and nothing else
    data = {"opened_version": page.context["form"].initial["opened_version"], "_ready": "1"}
    for _source, field in page.context["form"].paired():
        data[field.html_name] = field.value() or ""
    for _material, _source, field in page.context["form"].paired_materials():
        data[field.html_name] = field.value() or ""
    assert translator.post(url, data).status_code == 302
    assert states()["de"] == "published"
    assert states()["fr"] == "outdated"

    exported = translator.post(
        "/admin/speeches/publication/",
        {"action": "export_xliff", "_selected_action": [seed.pk], "apply": "1", "language": "fr"},
    )
    assert exported["Content-Disposition"].startswith("attachment")
    root = etree.fromstring(exported.content)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    for unit in root.iterfind(".//x:trans-unit", ns):
        if unit.findtext("x:source", namespaces=ns) == new:
            unit.find("x:target", ns).text = "Chers collègues et amis,"
    revisions = Version.objects.get_for_object(seed).count()
    response = translator.post(
        "/admin/speeches/publication/xliff-import/",
        {"file": SimpleUploadedFile("agency.xlf", etree.tostring(root, xml_declaration=True))},
    )
    assert response.status_code == 302
    assert states()["fr"] == "published"
    french = client.get(seed.get_absolute_url("fr"))
    assert "<p>Chers collègues et amis,</p>" in french.text
    assert Version.objects.get_for_object(seed).count() == revisions + 1
