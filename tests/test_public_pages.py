import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from speeches.models import Publication, PublicationType
from tests.factories import (
    ALL_LANGUAGES,
    CountryFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
)
from tests.helpers import committed

pytestmark = pytest.mark.django_db

SEED_TIME = datetime(2019, 11, 18, 16, 40, tzinfo=ZoneInfo("Europe/Moscow"))


def detail(client, publication, language):
    return client.get(f"/{language}/publications/{publication.pk}/", follow=True)


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "18 November 2019 16:40"),
        ("ru", "18 ноября 2019 16:40"),
        ("de", "18. November 2019, 16:40"),
        ("fr", "18 novembre 2019 16:40"),
        ("es", "18 de noviembre de 2019, 16:40"),
        ("ar", "18 نوفمبر 2019، 16:40"),
    ],
)
def test_date_and_time_are_written_the_way_each_language_writes_them(client, language, expected):
    publication = PublicationFactory(languages=ALL_LANGUAGES, published_at=SEED_TIME)
    response = detail(client, publication, language)
    assert expected in response.text
    assert 'datetime="2019-11-18T16:40:00+03:00"' in response.text


def test_detail_page_shows_everything_a_reader_needs(client):
    speaker = PersonFactory(name_en="Sergey Lavrov", position_en="Minister of Foreign Affairs")
    topic = TopicFactory(slug="union-state", name_en="Union State")
    country = CountryFactory(code="BY")
    publication = PublicationFactory(
        languages=("en", "de", "ru"),
        title_en="Remarks at a joint meeting, Moscow, November 18, 2019",
        lead_en="The minister opened the meeting.",
        place_en="Moscow",
        body_en="<p>Mr Makei,</p><p>Colleagues, friends,</p>",
        speakers=[speaker],
        topics=[topic],
        countries=[country],
    )
    response = detail(client, publication, "en")
    assert response.status_code == 200
    html = response.text
    assert (
        '<h1 class="publication__title">Remarks at a joint meeting, Moscow, November 18, 2019</h1>'
        in html
    )
    assert h1_count(html) == 1
    assert "<p>Mr Makei,</p><p>Colleagues, friends,</p>" in html
    assert "Sergey Lavrov" in html and "Minister of Foreign Affairs" in html
    assert "Moscow" in html
    assert '<a class="tag" href="/en/topics/union-state/">Union State</a>' in html
    assert '<a class="tag" href="/en/countries/BY/">Belarus</a>' in html
    assert f'<a href="/en/persons/{speaker.pk}/">Sergey Lavrov</a>' in html
    assert '<meta name="description" content="The minister opened the meeting.">' in html
    assert "Speech" in html


def test_language_row_links_every_version_to_the_same_item(client):
    publication = PublicationFactory(languages=("en", "de", "ru"))
    html = detail(client, publication, "de").text
    row = html[html.index('class="version-row"') :]
    row = row[: row.index("</nav>")]
    links = re.findall(
        r'<a href="(/\w\w/publications/(\d+)/[^"]*)" lang="(\w\w)" hreflang="(\w\w)"', row
    )
    assert [(lang, hreflang) for _url, _pk, lang, hreflang in links] == [("en", "en"), ("ru", "ru")]
    assert {pk for _url, pk, _l, _h in links} == {str(publication.pk)}
    assert 'class="version-row__current" lang="de" aria-current="page"' in row
    for url, _pk, _lang, _h in links:
        assert client.get(url).status_code == 200


def test_hreflang_alternates_for_every_public_version_only(client):
    publication = PublicationFactory(languages=("en", "fr"), title_ar="عنوان فقط")
    html = detail(client, publication, "en").text
    alternates = re.findall(
        r'<link rel="alternate" hreflang="(\w+)" href="http://testserver(/[^"]+)"', html
    )
    assert [code for code, _url in alternates] == ["en", "fr"]
    assert all(
        url.startswith(f"/{code}/publications/{publication.pk}/") for code, url in alternates
    )


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ru", "ltr"), ("ar", "rtl")])
def test_html_lang_and_direction(client, language, direction):
    publication = PublicationFactory(languages=ALL_LANGUAGES)
    for url in (f"/{language}/", f"/{language}/publications/"):
        assert f'<html lang="{language}" dir="{direction}">' in client.get(url).text
    assert (
        f'<html lang="{language}" dir="{direction}">' in detail(client, publication, language).text
    )


def test_a_missing_language_is_a_404_that_links_the_existing_versions(client):
    publication = PublicationFactory(
        languages=("ru", "en"), title_ru="Русский заголовок", title_en="English title"
    )
    response = client.get(f"/fr/publications/{publication.pk}/")
    assert response.status_code == 404
    assert f'href="/en/publications/{publication.pk}/english-title/"' in response.text
    assert f'href="/ru/publications/{publication.pk}/' in response.text
    # Named by its original's title, marked as Russian: never passed off as French.
    assert (
        '<p class="missing-language__name"><cite lang="ru" dir="ltr">Русский заголовок</cite></p>'
        in response.text
    )
    # No other language's text is shown under the French URL, nor another version's title.
    assert "English title" not in response.text
    assert publication.body_en not in response.text and publication.body_ru not in response.text


def test_a_missing_language_page_names_the_item_by_a_version_readers_may_open(client):
    # The original (English) is public; the German translation is still in progress.
    publication = PublicationFactory(
        languages=("en",), title_en="Ministers met", title_de="Unfertiger Titel"
    )
    html = client.get(f"/fr/publications/{publication.pk}/").text
    assert '<cite lang="en" dir="ltr">Ministers met</cite>' in html
    assert "Unfertiger Titel" not in html
    # On the German page too: an unfinished version's title never names the item.
    german = client.get(f"/de/publications/{publication.pk}/")
    assert german.status_code == 404
    assert "Unfertiger Titel" not in german.text and "unfertiger-titel" not in german.text
    assert '<cite lang="en" dir="ltr">Ministers met</cite>' in german.text


def test_a_hidden_original_is_not_the_name_another_version_is(client):
    publication = PublicationFactory(
        languages=("ar", "en"), title_ar="عنوان عربي", title_en="English title"
    )
    publication.versions.filter(language="ar").update(hidden=True)
    html = client.get(f"/fr/publications/{publication.pk}/").text
    assert "عنوان عربي" not in html
    assert '<cite lang="en" dir="ltr">English title</cite>' in html


def test_a_right_to_left_title_is_marked_so_on_a_left_to_right_page(client):
    publication = PublicationFactory(languages=("ar",), title_ar="كلمة في اجتماع مشترك")
    html = client.get(f"/ru/publications/{publication.pk}/").text
    assert '<cite lang="ar" dir="rtl">كلمة في اجتماع مشترك</cite>' in html


def test_no_fallback_to_another_languages_text_with_a_partial_version(client):
    publication = PublicationFactory(languages=("en",), title_fr="Titre seul")
    response = client.get(f"/fr/publications/{publication.pk}/")
    assert response.status_code == 404
    assert "Titre seul" not in response.text and "titre-seul" not in response.text
    assert "Titre seul" not in client.get("/fr/publications/").text


# The header's language switcher on a publication's page


def switcher(html: str) -> list[tuple[str, str, bool, bool]]:
    """Each language of the header's switcher: (code, address, missing, current)."""
    nav = html[html.index('<nav class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return [
        (code, url, "language-switcher__missing" in attributes, 'aria-current="true"' in attributes)
        for url, code, attributes in re.findall(
            r'<a href="([^"]*)" lang="(\w+)" hreflang="\w+"([^>]*)>', nav
        )
    ]


def test_the_header_switcher_leads_to_each_version_or_to_the_page_saying_it_is_missing(client):
    publication = PublicationFactory(
        languages=("en", "de"), title_en="Talks in Minsk", title_fr="Pourparlers inachevés"
    )
    html = detail(client, publication, "en").text
    pk = publication.pk
    assert switcher(html) == [
        ("en", f"/en/publications/{pk}/talks-in-minsk/", False, True),
        ("ru", f"/ru/publications/{pk}/", True, False),
        ("de", publication.get_absolute_url("de"), False, False),
        # The id-only address: the unfinished French title stays out of the URL too.
        ("fr", f"/fr/publications/{pk}/", True, False),
        ("es", f"/es/publications/{pk}/", True, False),
        ("ar", f"/ar/publications/{pk}/", True, False),
    ]
    assert "Pourparlers" not in html and "pourparlers" not in html
    # A missing language's link says so, in that language's own words once translated.
    with translation.override("fr"):
        missing_note = gettext("(not available in this language)")
    assert f"{missing_note}</span></a>" in html
    # Each one answers: the version, or the page naming the item and listing its versions.
    for _code, url, missing, _current in switcher(html):
        response = client.get(url)
        assert response.status_code == (404 if missing else 200), url
        if missing:
            assert '<cite lang="en" dir="ltr">Talks in Minsk</cite>' in response.text
            assert f'href="/de/publications/{pk}/' in response.text


def test_the_missing_language_page_keeps_the_switcher_of_its_item(client):
    publication = PublicationFactory(languages=("en",))
    html = client.get(f"/ar/publications/{publication.pk}/").text
    entries = {code: (url, missing, current) for code, url, missing, current in switcher(html)}
    assert entries["ar"] == (f"/ar/publications/{publication.pk}/", True, True)
    assert entries["en"] == (publication.get_absolute_url("en"), False, False)


def test_the_switcher_adds_no_hreflang_alternates_for_missing_versions(client):
    publication = PublicationFactory(languages=("en", "fr"), title_ar="عنوان فقط")
    for url in (publication.get_absolute_url("en"), f"/de/publications/{publication.pk}/"):
        html = client.get(url).text
        alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)"', html)
        assert alternates == ["en", "fr"], url


def test_a_withdrawn_items_switcher_keeps_its_versions(client, publisher):
    from speeches.publishing import workflow

    publication = PublicationFactory(languages=("en", "ru"))
    workflow.publication_withdraw(publication=publication, user=publisher, explanation="Wrong.")
    entries = switcher(detail(client, publication, "ru").text)
    assert [(code, missing) for code, _url, missing, _current in entries][:2] == [
        ("en", False),
        ("ru", False),
    ]


# The main navigation says which section the page is in


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("/en/", "/en/"),
        ("/en/publications/", "/en/publications/"),
        ("/en/publications/?q=talks&type=speech", "/en/publications/"),
        ("/en/persons/", "/en/persons/"),
        ("/en/topics/", "/en/topics/"),
        ("/en/countries/", "/en/countries/"),
        ("term:person", "/en/persons/"),
        ("term:topic", "/en/topics/"),
        ("term:country", "/en/countries/"),
        ("detail", None),
        ("/en/updates/", None),
    ],
)
def test_the_main_navigation_marks_the_current_section(client, url, section):
    speaker, topic, country = PersonFactory(), TopicFactory(), CountryFactory(code="BY")
    publication = PublicationFactory(speakers=[speaker], topics=[topic], countries=[country])
    url = {
        "term:person": speaker.get_absolute_url(),
        "term:topic": topic.get_absolute_url(),
        "term:country": country.get_absolute_url(),
        "detail": publication.get_absolute_url("en"),
    }.get(url, url)
    html = client.get(url).text
    nav = html[html.index('<nav class="site-nav"') :]
    nav = nav[: nav.index("</nav>")]
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', nav)
    assert current == ([section] if section else [])
    assert nav.count("aria-current") == len(current)


@pytest.mark.parametrize(
    "make",
    [
        lambda: PublicationFactory(status=Publication.Status.DRAFT),
        lambda: PublicationFactory(published_at=timezone.now() + timedelta(hours=1)),
    ],
    ids=["draft", "embargoed"],
)
def test_unpublished_items_are_absent_everywhere(client, make):
    hidden = make()
    for url in ("/en/", "/en/publications/"):
        assert hidden.title_en not in client.get(url).text
    for url in (f"/en/publications/{hidden.pk}/", hidden.get_absolute_url("en")):
        assert client.get(url).status_code == 404
    visible = PublicationFactory(languages=("en", "de"))
    assert f"/publications/{hidden.pk}/" not in detail(client, visible, "en").text


def test_unknown_and_malformed_ids_and_prefixes_are_404(client):
    assert client.get("/en/publications/999999/").status_code == 404
    assert client.get("/en/publications/abc/").status_code == 404
    assert client.get("/xx/publications/").status_code == 404
    assert client.get("/en/publications/-1/").status_code == 404


def test_id_only_and_wrong_slug_urls_redirect_to_the_canonical_one(client):
    publication = PublicationFactory(title_en="Canonical title")
    canonical = f"/en/publications/{publication.pk}/canonical-title/"
    for url in (f"/en/publications/{publication.pk}/", f"/en/publications/{publication.pk}/old/"):
        response = client.get(url)
        assert (response.status_code, response.url) == (301, canonical)
    assert client.get(canonical).status_code == 200


def test_archive_lists_newest_first_only_items_in_that_language(client):
    older = PublicationFactory(languages=("en",), published_at=timezone.now() - timedelta(days=3))
    newer = PublicationFactory(
        languages=("en", "ru"), published_at=timezone.now() - timedelta(days=1)
    )
    english = client.get("/en/publications/")
    assert english.status_code == 200
    assert list(english.context["publications"]) == [newer, older]
    assert list(client.get("/ru/publications/").context["publications"]) == [newer]
    assert h1_count(english.text) == 1


def test_archive_pages_hold_twenty_items(client):
    for _ in range(21):
        PublicationFactory()
    first = client.get("/en/publications/")
    assert len(first.context["publications"]) == 20
    assert 'href="?page=2"' in first.text
    assert len(client.get("/en/publications/?page=2").context["publications"]) == 1


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "1.5", ""])
def test_bad_page_numbers_are_a_page_or_a_404_never_a_500(client, page):
    PublicationFactory()
    assert client.get("/en/publications/", {"page": page}).status_code in (200, 404)


def test_archive_filters_by_taxonomy_and_reports_invalid_values(client):
    topic = TopicFactory(slug="arms-control", name_en="Arms control")
    tagged = PublicationFactory(topics=[topic])
    other = PublicationFactory()
    response = client.get("/en/publications/", {"topic": "arms-control"})
    assert list(response.context["publications"]) == [tagged]
    assert "Arms control" in response.text
    assert 'href="/en/publications/"' in response.text  # removes the filter

    typed = client.get("/en/publications/", {"type": "speech", "topic": "no-such-topic"})
    assert typed.status_code == 200
    assert '<a href="#id_topic">Topic</a>: Select a valid choice' in typed.text
    assert set(typed.context["publications"]) == {tagged, other}

    statement = PublicationFactory(type=PublicationType.objects.get(code="statement"))
    only = client.get("/en/publications/", {"type": "statement"})
    assert list(only.context["publications"]) == [statement]


def test_home_shows_a_featured_story_the_newest_and_a_block_per_type_each_item_once(client):
    statement_type = PublicationType.objects.get(code="statement")
    now = timezone.now()
    speeches = [
        PublicationFactory(title_en=f"Speech {n}", published_at=now - timedelta(hours=n))
        for n in range(8)
    ]
    statements = [
        PublicationFactory(
            title_en=f"Statement {n}",
            type=statement_type,
            published_at=now - timedelta(hours=10 + n),
        )
        for n in range(2)
    ]
    response = client.get("/en/")
    assert response.status_code == 200
    home = response.context["home"]
    assert home.featured == speeches[0]  # no photo anywhere: the newest
    assert home.latest == speeches[1:5]
    sections = {t.code: items for t, items in home.sections}
    # The newest three of each type among what is not shown above.
    assert sections == {"speech": speeches[5:8], "statement": statements}
    assert '<h2 id="type-speech">Speeches</h2>' in response.text
    assert h1_count(response.text) == 1


def test_the_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert (response.status_code, response.url) == (302, "/de/")


def test_interface_strings_are_translated(client):
    PublicationFactory(languages=ALL_LANGUAGES)
    assert "Публикации" in client.get("/ru/publications/").text
    assert "المنشورات" in client.get("/ar/publications/").text


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?sort=date&q=publication",
        "?sort=relevance&q=publication",
        "?type=speech",
        "?date_from=2000-01-01",
    ],
)
def test_pages_of_the_second_half_list_what_django_would_from_the_other_end(
    client, monkeypatch, query
):
    """The last pages are read backwards (FromEitherEndPaginator), a page's ids first (on
    PostgreSQL from the search entries for the whole list or a date range): the same
    items, in the same order, as reading forwards page after page, ties broken by id."""
    from speeches.public.views import PublicationListView

    monkeypatch.setattr(PublicationListView, "paginate_by", 2)
    moment = timezone.now() - timedelta(days=1)
    for number in range(7):
        # Half the titles name the search word twice: relevance differs from date.
        word = "publication publication" if number % 2 else "publication"
        PublicationFactory(
            title_en=f"Item {number} {word}", published_at=moment - timedelta(hours=number // 2)
        )
    expected = [p.pk for p in client.get(f"/en/publications/{query}").context["filterset"].qs]
    assert len(expected) == 7
    listed = []
    separator = "&" if query else "?"
    for page in range(1, 5):
        response = client.get(f"/en/publications/{query}{separator}page={page}")
        assert response.status_code == 200
        listed += [p.pk for p in response.context["publications"]]
    assert listed == expected


@pytest.mark.parametrize(("language", "comma"), [("en", ", "), ("ru", ", "), ("ar", "، ")])
def test_lists_are_separated_the_way_each_language_writes_them(client, language, comma):
    """Arabic separates a list's items with its own comma, "،", not the Latin one."""
    minister = PersonFactory(
        name_en="Sergey Lavrov",
        name_ru="Сергей Лавров",
        name_ar="سيرغي لافروف",
        position_en="Minister",
        position_ru="министр",
        position_ar="وزير الخارجية",
    )
    spokeswoman = PersonFactory(
        name_en="Maria Zakharova", name_ru="Мария Захарова", name_ar="ماريا زاخاروفا"
    )
    publication = PublicationFactory(languages=("en", "ru", "ar"), speakers=[minister, spokeswoman])
    page = client.get(publication.get_absolute_url(language)).text
    listing = client.get(f"/{language}/publications/").text
    first, second = (getattr(p, f"name_{language}") for p in (minister, spokeswoman))
    assert f'>{first}</a>{comma}<span class="person-position">' in page
    assert f"{first}{comma}{second}" in listing or f"{second}{comma}{first}" in listing


# A withdrawn item's replacement


def notice(client, publication, language) -> str:
    html = detail(client, publication, language).text
    box = html[html.index('<div class="notice notice--withdrawn"') :]
    return box[: box.index("</div>")]


def withdrawn_for(replacement, publisher):
    from speeches.publishing import workflow

    publication = PublicationFactory(languages=("ru", "en", "de"))
    return workflow.publication_withdraw(
        publication=publication,
        user=publisher,
        explanation="Заменено исправленным текстом.",
        replacement=replacement,
    )


def test_a_withdrawn_page_links_its_replacement_in_the_readers_language(client, publisher):
    replacement = PublicationFactory(
        languages=("ru", "en"), title_ru="Исправленное заявление", title_en="Corrected statement"
    )
    withdrawn = withdrawn_for(replacement, publisher)
    box = notice(client, withdrawn, "en")
    assert "It is replaced by:" in box
    assert (
        f'<a href="{replacement.get_absolute_url("en")}">'
        '<cite lang="en" dir="ltr">Corrected statement</cite></a>'
    ) in box
    assert "Исправленное заявление" not in box
    russian = notice(client, withdrawn, "ru")
    assert f'<a href="{replacement.get_absolute_url("ru")}">' in russian
    assert "Исправленное заявление" in russian


def test_without_a_version_in_the_readers_language_the_original_is_linked_and_marked(
    client, publisher
):
    replacement = PublicationFactory(
        languages=("ru", "en"),
        title_ru="Исправленное заявление",
        title_de="Unfertige Übersetzung",  # not ready: never named
    )
    withdrawn = withdrawn_for(replacement, publisher)
    box = notice(client, withdrawn, "de")
    assert (
        f'<a href="{replacement.get_absolute_url("ru")}" hreflang="ru">'
        '<cite lang="ru" dir="ltr">Исправленное заявление</cite></a>'
    ) in box
    assert "Unfertige" not in box and "unfertige" not in box
    assert "(Russisch)" in box  # its language, named in the page's


@pytest.mark.parametrize("fate", ["withdrawn", "unpublished"])
def test_a_replacement_readers_can_no_longer_open_is_not_linked(client, publisher, fate):
    from speeches.publishing import workflow

    replacement = PublicationFactory(languages=("ru", "en"), title_en="Corrected statement")
    withdrawn = withdrawn_for(replacement, publisher)
    assert "Corrected statement" in notice(client, withdrawn, "en")
    if fate == "withdrawn":
        workflow.publication_withdraw(publication=replacement, user=publisher, explanation="No.")
    else:
        workflow.publication_unpublish(publication=replacement, user=publisher, reason="No.")
    committed()  # what readers get is kept per change: the change ends it
    box = notice(client, withdrawn, "en")
    assert "It is replaced by:" not in box
    assert "Corrected statement" not in box
    assert f"/publications/{replacement.pk}/" not in detail(client, withdrawn, "en").text


def test_a_withdrawn_page_without_a_replacement_names_none(client, publisher):
    withdrawn = withdrawn_for(None, publisher)
    assert "It is replaced by:" not in notice(client, withdrawn, "en")
