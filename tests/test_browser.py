"""What a reader sees, in a real browser: Debian's Chromium driven by Playwright."""

import re

import pytest
from django.utils.translation import get_language_info

from tests.factories import PublicationFactory

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_switches_language_from_the_version_row(live_server, page):
    publication = PublicationFactory(
        languages=("en", "de", "ar"),
        title_en="Remarks at a joint meeting",
        title_de="Rede auf einer gemeinsamen Sitzung",
        title_ar="كلمة في اجتماع مشترك",
    )
    page.goto(f"{live_server.url}{publication.get_absolute_url('en')}")
    assert page.locator("h1").inner_text() == "Remarks at a joint meeting"
    row = page.get_by_role("navigation", name="This publication in other languages")
    assert row.locator("a").all_inner_texts() == [get_language_info("ar")["name_local"], "Deutsch"]

    row.get_by_role("link", name="Deutsch").click()
    page.wait_for_url(f"**/de/publications/{publication.pk}/**")
    assert page.locator("h1").inner_text() == "Rede auf einer gemeinsamen Sitzung"
    assert page.locator("html").get_attribute("lang") == "de"


def test_arabic_page_renders_right_to_left(live_server, page):
    publication = PublicationFactory(
        languages=("ar", "en"),
        title_ar="كلمة في اجتماع مشترك",
        body_ar="<p>أيها الزملاء، أيها الأصدقاء،</p>",
    )
    page.goto(f"{live_server.url}{publication.get_absolute_url('ar')}")
    direction = page.evaluate("getComputedStyle(document.querySelector('.prose')).direction")
    assert direction == "rtl"
    # Right-to-left really lays the text out from the right edge.
    title = page.locator("h1").bounding_box()
    main = page.locator("main").bounding_box()
    right_gap = main["x"] + main["width"] - (title["x"] + title["width"])
    assert right_gap < title["x"] - main["x"]


def test_long_speech_stays_in_a_readable_column_on_a_phone(live_server, browser):
    publication = PublicationFactory(body_en="<p>" + "Colleagues, friends. " * 400 + "</p>")
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}{publication.get_absolute_url('en')}")
    # No horizontal scrolling on a small screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_printed_page_is_the_text_and_its_permalink_without_navigation(live_server, page):
    from tests.factories import TopicFactory

    topic = TopicFactory()
    publication = PublicationFactory(
        languages=("en", "de"),
        title_en="Remarks at a joint meeting",
        body_en='<p>Colleagues, see <a href="https://example.org/">the statement</a>.</p>',
        topics=[topic],
    )
    PublicationFactory(title_en="An earlier speech on the topic", topics=[topic])
    url = f"{live_server.url}{publication.get_absolute_url('en')}"
    page.goto(url)
    permalink = page.locator(".publication__permalink")
    # include_hidden: once hidden, they leave the accessibility tree that roles query.
    navigation = page.get_by_role("navigation", name="Main", include_hidden=True)
    language_row = page.get_by_role(
        "navigation", name="This publication in other languages", include_hidden=True
    )
    related = page.get_by_role("complementary", name="Related publications", include_hidden=True)
    footer = page.locator(".site-footer")
    screen_only = (navigation, language_row, related, footer)
    assert all(element.is_visible() for element in screen_only)
    assert not permalink.is_visible()

    page.emulate_media(media="print")
    for element in screen_only:
        assert element.count() == 1 and not element.is_visible()
    assert permalink.is_visible()
    assert permalink.inner_text() == f"Short link: {live_server.url}/p/{publication.pk}/"
    assert page.locator("h1").inner_text() == "Remarks at a joint meeting"
    assert page.locator(".prose").is_visible()
    style = page.evaluate(
        """() => {
            const link = document.querySelector('.prose a');
            const body = getComputedStyle(document.body);
            return {
                color: body.color,
                background: body.backgroundColor,
                font: body.fontFamily,
                underline: getComputedStyle(link).textDecorationLine,
                after: getComputedStyle(link, '::after').content,
            };
        }"""
    )
    assert style["color"] == "rgb(0, 0, 0)"
    assert style["background"] == "rgb(255, 255, 255)"
    assert style["font"].endswith("serif") and "sans-serif" not in style["font"]
    assert style["underline"] == "none"
    assert style["after"] in ("none", "normal")  # no URL printed after each link


def test_editor_writes_every_language_in_its_tab_with_the_rich_text_editor(live_server, page):
    from django.contrib.auth.models import Group

    from speeches.models import Publication
    from speeches.publishing import workflow
    from tests.factories import UserFactory

    editor = UserFactory(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    editor.user_permissions.add(*_publication_permissions())
    PublicationFactory()  # makes sure a publication type exists

    page.goto(f"{live_server.url}/admin/login/?next=/admin/speeches/publication/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/speeches/publication/add/")

    page.select_option("#id_type", label="Speech")
    page.fill("#id_title_en", "Remarks in English")
    editor_for = "div.prose-editor:has(#id_body_{}) [contenteditable=true]"
    page.locator(editor_for.format("en")).click()
    page.keyboard.type("Colleagues, friends,")

    # One switch shows every field in German; the editor there works too.
    page.click(".language-switch__button[data-code=de]")
    assert page.locator("#id_title_de").is_visible()
    assert not page.locator("#id_title_en").is_visible()
    page.fill("#id_title_de", "Rede auf Deutsch")
    page.locator(editor_for.format("de")).click()
    page.keyboard.type("Liebe Kolleginnen und Kollegen,")

    page.click(".language-switch__button[data-code=ar]")
    arabic = page.locator(editor_for.format("ar"))
    assert arabic.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator("#id_title_ar").get_attribute("dir") == "rtl"

    # The German text is finished: the editor says so.
    page.select_option("#id_version_de", "ready")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/speeches/publication/")
    publication = Publication.objects.get(title_en="Remarks in English")
    assert publication.body_de == "<p>Liebe Kolleginnen und Kollegen,</p>"
    assert publication.status == Publication.Status.DRAFT
    # Publishing is a publisher's step (tests/test_workflow.py); here, straight out.
    chief = UserFactory(username="chief", is_staff=True, is_superuser=True)
    workflow.publication_force_publish(publication=publication, user=chief, reason="Urgent")
    assert publication.public_languages() == ["en", "de"]

    page.goto(f"{live_server.url}{publication.get_absolute_url('de')}")
    assert page.locator("h1").inner_text() == "Rede auf Deutsch"


def _publication_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="speeches",
        codename__in=["add_publication", "change_publication", "view_publication"],
    )


def test_two_editors_in_two_browsers_the_second_save_is_refused_and_nothing_lost(
    live_server, browser
):
    from django.contrib.auth.models import Group

    from speeches.models import Publication
    from tests.factories import UserFactory

    publication = PublicationFactory(title_en="Original title", status=Publication.Status.DRAFT)
    pages = {}
    for name in ("anna", "boris"):
        user = UserFactory(username=name, is_staff=True)
        user.groups.add(Group.objects.get_or_create(name="Editors")[0])
        user.user_permissions.add(*_publication_permissions())
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/?next=/admin/speeches/publication/")
        page.fill("#id_username", name)
        page.fill("#id_password", "correct horse battery staple")
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/speeches/publication/")
        page.goto(f"{live_server.url}/admin/speeches/publication/{publication.pk}/change/")
        pages[name] = page

    pages["boris"].fill("#id_title_en", "Boris's title")
    pages["boris"].click("input[name=_save]")
    pages["boris"].wait_for_url("**/admin/speeches/publication/")

    anna = pages["anna"]
    anna.fill("#id_title_en", "Anna's title")
    anna.click("input[name=_save]")
    anna.wait_for_load_state()
    assert "boris saved this publication at" in anna.locator(".errorlist.nonfield").inner_text()
    assert anna.input_value("#id_title_en") == "Anna's title"
    # Boris's text stands beside her field, as text.
    beside = anna.locator(".field-title_en .errorlist").inner_text()
    assert beside == "Saved by boris meanwhile: Boris's title"
    assert Publication.objects.get().title_en == "Boris's title"

    # She merges and saves again from the same page: the form now carries his version.
    anna.fill("#id_title_en", "Anna's title, after Boris's")
    anna.click("input[name=_save]")
    anna.wait_for_url("**/admin/speeches/publication/")
    assert Publication.objects.get().title_en == "Anna's title, after Boris's"

    # The history shows both edits; restoring the first revision brings the old text back.
    anna.goto(f"{live_server.url}/admin/speeches/publication/{publication.pk}/history/")
    rows = anna.locator("#change-history tbody tr")
    assert rows.count() == 3
    assert [rows.nth(i).locator("td").nth(2).inner_text() for i in range(3)] == [
        "anna",
        "boris",
        "—",  # the factory's save, by no one
    ]
    rows.nth(2).locator("th a").click()
    # What the restore would change, language by language, before anything is written.
    assert "Anna's title, after Boris's" in anna.locator(".restore-plan").first.inner_text()
    assert anna.get_by_label("English").is_checked()
    anna.click("input[type=submit].default")
    anna.wait_for_url("**/history/")
    assert Publication.objects.get().title_en == "Original title"
    assert anna.locator("#change-history tbody tr").count() == 4
    for page in pages.values():
        page.context.close()


def test_translator_writes_arabic_side_by_side_right_to_left_from_the_keyboard(live_server, page):
    from django.contrib.auth.models import Group, Permission

    from speeches.models import LanguageVersion, Publication
    from tests.factories import UserFactory

    publication = PublicationFactory(
        body_en="<p>Colleagues, friends,</p><p>Welcome to Moscow.</p>", title_en="Remarks"
    )
    group, _created = Group.objects.get_or_create(name="Translators")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["view_publication", "translate_publication"],
            content_type__app_label="speeches",
        )
    )
    user = UserFactory(username="layla", is_staff=True)
    user.groups.add(group)
    user.translator_languages.create(language="ar")

    url = f"/admin/speeches/publication/{publication.pk}/translate/ar/"
    page.goto(f"{live_server.url}/admin/login/?next={url}")
    page.fill("#id_username", "layla")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"**{url}")

    title = page.locator("input[name=title]")
    assert title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The original beside it, left to right, paragraph by paragraph.
    sources = page.locator("td.source")
    assert sources.nth(3).evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert "Welcome to Moscow." in sources.nth(4).inner_text()

    title.click()
    page.keyboard.type("كلمة")
    for _field in range(3):  # lead, place, then the first paragraph
        page.keyboard.press("Tab")
    page.keyboard.type("الزملاء، الأصدقاء،")
    page.keyboard.press("Tab")
    page.keyboard.type("أهلاً بكم في موسكو.")
    # The page posts to its own address: wait for the answer, not for the address.
    with page.expect_navigation():
        page.locator("input[name=_ready]").click()

    publication = Publication.objects.get()
    assert publication.body_ar == "<p>الزملاء، الأصدقاء،</p><p>أهلاً بكم في موسكو.</p>"
    assert LanguageVersion.objects.get(publication=publication, language="ar").status == "ready"
    page.goto(f"{live_server.url}{publication.get_absolute_url('ar')}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "كلمة"


def _translator(username: str, *languages: str):
    from django.contrib.auth.models import Group, Permission

    from tests.factories import UserFactory

    group, _created = Group.objects.get_or_create(name="Translators")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["view_publication", "translate_publication"],
            content_type__app_label="speeches",
        )
    )
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(group)
    for language in languages:
        user.translator_languages.create(language=language)
    return user


def _log_in(page, live_server, username: str, url: str) -> None:
    page.goto(f"{live_server.url}/admin/login/?next={url}")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"**{url}")


LINKED_BODY = '<p>Read <a href="https://example.org/statement">the statement</a> today.</p>'


def test_translator_puts_the_originals_link_around_french_words_with_a_chip(live_server, page):
    from speeches.models import Publication

    publication = PublicationFactory(title_en="Remarks", body_en=LINKED_BODY)
    _translator("amelie", "fr")
    url = f"/admin/speeches/publication/{publication.pk}/translate/fr/"
    _log_in(page, live_server, "amelie", url)

    # The token field gives way to a rich field; the original shows its placeholder chips.
    assert page.locator("textarea[name=block_0]").is_hidden()
    editor = page.get_by_role("textbox", name="Paragraph 1")
    source = page.locator("td.source").nth(3)
    assert source.locator(".placeholder-chip").all_inner_texts() == ["[1]", "[/1]"]
    insert_link = page.get_by_role("button", name=re.compile(r"^Insert the link around"))
    page.fill("input[name=title]", "Remarques")
    editor.click()
    page.keyboard.type("Lisez ")
    insert_link.click()  # at the caret: the pair, the caret between them
    page.keyboard.type("la déclaration")
    page.keyboard.press("End")
    page.keyboard.type(" aujourd'hui.")
    assert editor.locator(".placeholder-chip").all_inner_texts() == ["[1]", "[/1]"]
    assert insert_link.is_disabled()  # each placeholder once
    assert (
        page.locator("textarea[name=block_0]").input_value()
        == "Lisez [1]la déclaration[/1] aujourd'hui."
    )
    # The page posts to its own address: wait for the answer, not for the address.
    with page.expect_navigation():
        page.locator("input[name=_ready]").click()

    publication = Publication.objects.get()
    assert publication.body_fr == (
        '<p>Lisez <a href="https://example.org/statement">la déclaration</a> aujourd\'hui.</p>'
    )
    page.goto(f"{live_server.url}{publication.get_absolute_url('fr')}")
    link = page.locator(".prose a")
    assert link.inner_text() == "la déclaration"
    assert link.get_attribute("href") == "https://example.org/statement"


def test_translator_wraps_arabic_words_in_the_link_from_the_keyboard_right_to_left(
    live_server, page
):
    from speeches.models import Publication

    publication = PublicationFactory(title_en="Remarks", body_en=LINKED_BODY)
    _translator("layla", "ar")
    url = f"/admin/speeches/publication/{publication.pk}/translate/ar/"
    _log_in(page, live_server, "layla", url)

    editor = page.get_by_role("textbox", name="Paragraph 1")
    assert editor.get_attribute("dir") == "rtl" and editor.get_attribute("lang") == "ar"
    assert editor.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.locator("input[name=title]").click()
    page.keyboard.type("كلمة")
    for _field in range(3):  # lead, place, then the paragraph
        page.keyboard.press("Tab")
    page.keyboard.type("البيان")
    page.keyboard.press("Shift+Home")  # the words to link
    page.keyboard.press("Tab")  # to the paragraph's placeholder
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith(
        "Insert the link around"
    )
    page.keyboard.press("Enter")
    page.keyboard.press("End")
    page.keyboard.type(" اليوم.")
    assert page.locator("textarea[name=block_0]").input_value() == "[1]البيان[/1] اليوم."
    # The page posts to its own address: wait for the answer, not for the address.
    with page.expect_navigation():
        page.locator("input[name=_ready]").click()
    assert page.locator(".errorlist").all_inner_texts() == []

    publication = Publication.objects.get()
    assert publication.body_ar == (
        '<p><a href="https://example.org/statement">البيان</a> اليوم.</p>'
    )
    page.goto(f"{live_server.url}{publication.get_absolute_url('ar')}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    link = page.locator(".prose a")
    assert link.inner_text() == "البيان"
    assert link.get_attribute("href") == "https://example.org/statement"
