"""The staff home (/admin/): each person's work in lists, by what their role lets them do.

Authors: their drafts, what was sent back to them (with the publisher's comment) and their
items in review. Publishers: the items awaiting their review (apart, those the two-person
rule leaves to another publisher) and what is scheduled next, to the second. Translators:
the translations waiting in their languages, and nothing of another language.
Administrators: all of it. Every entry leads straight to its work.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import formats, timezone
from lxml import html

from speeches.editorial import home
from speeches.languages import translating
from speeches.models import Publication, TranslatorLanguage
from speeches.publishing import services, workflow
from tests.factories import PublicationFactory, UserFactory, translator_of
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db

HOME = "/admin/"
COMMENT = "Check the quote in the second paragraph against the transcript."


def change(p: Publication) -> str:
    return f"/admin/speeches/publication/{p.pk}/change/"


def publish(p: Publication) -> str:
    return f"/admin/speeches/publication/{p.pk}/workflow/publish/"


def side_by_side(p: Publication, language: str) -> str:
    return f"/admin/speeches/publication/{p.pk}/translate/{language}/"


def draft(by, **fields) -> Publication:
    return PublicationFactory(status=Publication.Status.DRAFT, created_by=by, **fields)


def submitted(by, **fields) -> Publication:
    return workflow.publication_submit(publication=draft(by, **fields), user=by)


def outdated(publication: Publication) -> Publication:
    """The original edited after its translations were ready: they are outdated now."""
    language = publication.original_language
    setattr(publication, f"body_{language}", "<p>A corrected original.</p>")
    return services.publication_save(publication=publication)


@pytest.fixture
def newsroom(author, publisher, second_publisher):
    """A newsroom's morning: an author's drafts and submissions, a publisher's own, items
    scheduled and live, translations missing and outdated."""
    colleague = UserFactory(username="colleague", is_staff=True, groups=["Editors"])
    now = timezone.now()
    items = {
        "draft": draft(author),
        "colleague_draft": draft(colleague),
        "sent_back": workflow.publication_send_back(
            publication=submitted(author), user=publisher, comment=COMMENT
        ),
        "in_review": submitted(author),
        "publishers_own": submitted(publisher),
        "changed_after": submitted(colleague),
        "later": PublicationFactory(published_at=now + timedelta(days=1, seconds=7)),
        "sooner": PublicationFactory(published_at=now + timedelta(hours=2, seconds=5)),
        "missing_german": PublicationFactory(languages=("en", "fr")),
        "outdated_german": outdated(PublicationFactory(languages=("en", "de"))),
        "german_done": PublicationFactory(languages=("en", "de")),
        "missing_french_only": PublicationFactory(languages=("en", "de")),
        "withdrawn": PublicationFactory(status=Publication.Status.WITHDRAWN),
        "unpublished": PublicationFactory(status=Publication.Status.UNPUBLISHED),
    }
    # The publisher translates into German after the submission: no second person for it.
    translating.translation_save(
        publication=items["changed_after"],
        language="de",
        user=publisher,
        values={"title": "Erklärung"},
        ready=False,
    )
    return items


def sections(response) -> dict:
    assert response.status_code == 200
    return {section.key: section for section in response.context["sections"]}


def listed(section) -> list[int]:
    return [entry.publication.pk for entry in section.entries]


def ids(newsroom, *names) -> list[int]:
    return [newsroom[name].pk for name in names]


def section_html(response, key: str):
    return html.fromstring(response.content).get_element_by_id(f"home-{key}")


# Authors


def test_an_author_has_their_drafts_what_was_sent_back_and_their_items_in_review(author, newsroom):
    response = logged_in(author).get(HOME)

    found = sections(response)
    assert list(found) == ["sent-back", "drafts", "in-review"]
    # A draft sent back is listed once: with what to change, not among the other drafts.
    assert listed(found["drafts"]) == ids(newsroom, "draft")
    assert listed(found["sent-back"]) == ids(newsroom, "sent_back")
    assert listed(found["in-review"]) == ids(newsroom, "in_review")
    assert [found[key].total for key in found] == [1, 1, 1]
    entry = found["sent-back"].entries[0]
    assert entry.note == COMMENT
    assert entry.url == change(newsroom["sent_back"])
    sent_back = section_html(response, "sent-back")
    assert COMMENT in sent_back.text_content()
    assert "sent back by publisher on" in sent_back.text_content()
    assert sent_back.xpath(".//a[@class='staff-home__title']/@href") == [
        change(newsroom["sent_back"])
    ]


def test_an_author_sees_no_colleagues_drafts_and_no_lists_of_other_roles(author, newsroom):
    found = sections(logged_in(author).get(HOME))

    shown = {pk for section in found.values() for pk in listed(section)}
    assert newsroom["colleague_draft"].pk not in shown
    assert newsroom["changed_after"].pk not in shown
    assert not {"to-publish", "scheduled", "translations"} & set(found)


def test_a_draft_submitted_again_leaves_sent_back(author, publisher, newsroom):
    workflow.publication_submit(publication=newsroom["sent_back"], user=author)

    found = sections(logged_in(author).get(HOME))

    assert found["sent-back"].entries == []
    assert newsroom["sent_back"].pk in listed(found["in-review"])


def test_a_draft_sent_back_to_a_colleague_is_not_sent_back_to_me(author, publisher):
    colleague = UserFactory(username="colleague", is_staff=True, groups=["Editors"])
    mine = draft(author)
    workflow.publication_submit(publication=mine, user=colleague)
    workflow.publication_send_back(publication=mine, user=publisher, comment=COMMENT)

    found = sections(logged_in(author).get(HOME))

    assert found["sent-back"].entries == []
    assert listed(found["drafts"]) == [mine.pk]  # still mine: I wrote it
    assert listed(sections(logged_in(colleague).get(HOME))["sent-back"]) == [mine.pk]


def test_empty_lists_say_so(author):
    response = logged_in(author).get(HOME)

    found = sections(response)
    assert [found[key].total for key in found] == [0, 0, 0]
    text = html.fromstring(response.content).get_element_by_id("content-main").text_content()
    for said in (
        "Nothing was sent back to you.",
        "You have no drafts.",
        "You have no items in review.",
    ):
        assert said in text


# Publishers


def test_a_publisher_has_what_they_may_publish_and_apart_what_another_must(publisher, newsroom):
    response = logged_in(publisher).get(HOME)

    found = sections(response)
    assert list(found)[:3] == ["to-publish", "for-another-publisher", "scheduled"]
    # The longest waiting first.
    assert listed(found["to-publish"]) == ids(newsroom, "in_review")
    assert found["to-publish"].entries[0].url == publish(newsroom["in_review"])
    assert listed(found["for-another-publisher"]) == ids(
        newsroom, "publishers_own", "changed_after"
    )
    warnings = [entry.warning for entry in found["for-another-publisher"].entries]
    assert warnings == [
        "You submitted it: another publisher must publish it.",
        "You changed it after it was submitted: another publisher must publish it.",
    ]
    others = section_html(response, "for-another-publisher")
    assert others.xpath(".//a[@class='staff-home__title']/@href") == [
        change(newsroom["publishers_own"]),
        change(newsroom["changed_after"]),
    ]
    assert "submitted by you on" in others.text_content()
    assert "submitted by colleague on" in others.text_content()


def test_the_second_publisher_may_publish_every_item_in_review(second_publisher, newsroom):
    found = sections(logged_in(second_publisher).get(HOME))

    assert listed(found["to-publish"]) == ids(
        newsroom, "in_review", "publishers_own", "changed_after"
    )
    assert found["for-another-publisher"].entries == []
    assert found["for-another-publisher"].total == 0


def test_the_lists_follow_the_workflows_own_two_person_rule(publisher, second_publisher, newsroom):
    for user in (publisher, second_publisher):
        found = sections(logged_in(user).get(HOME))
        for entry in found["to-publish"].entries + found["for-another-publisher"].entries:
            blocked = workflow.blocked_by_two_person_rule(publication=entry.publication, user=user)
            assert blocked == (entry in found["for-another-publisher"].entries)


def test_without_the_two_person_rule_nothing_waits_for_another_publisher(
    settings, publisher, newsroom
):
    settings.TWO_PERSON_RULE = False

    found = sections(logged_in(publisher).get(HOME))

    assert found["for-another-publisher"].entries == []
    assert found["to-publish"].total == 3


def test_an_item_waiting_for_translations_released_together_says_so(publisher, author):
    item = draft(author, release_languages=["de"])
    workflow.publication_submit(publication=item, user=author)

    response = logged_in(publisher).get(HOME)

    entry = sections(response)["to-publish"].entries[0]
    assert entry.warning == (
        "To be released together with translations that are not ready yet: German."
    )


def test_scheduled_next_in_order_of_time_to_the_second(publisher, newsroom):
    response = logged_in(publisher).get(HOME)

    assert listed(sections(response)["scheduled"]) == ids(newsroom, "sooner", "later")
    text = section_html(response, "scheduled").text_content()
    for name in ("sooner", "later"):
        moment = timezone.localtime(newsroom[name].published_at)
        shown = f"{formats.date_format(moment, 'DATE_FORMAT')} {moment:%H:%M:%S}"
        assert f"goes out on {shown}" in text


def test_times_are_local_in_the_admins_date_format(publisher, newsroom):
    response = logged_in(publisher).get(HOME)

    item = newsroom["in_review"]
    local = timezone.localtime(item.submitted_at)
    text = section_html(response, "to-publish").text_content()
    assert f"submitted by author on {formats.date_format(local, 'DATETIME_FORMAT')}" in text
    assert f"{local:%H:%M}" in text  # local time: the server's clock is UTC
    assert "p.m." not in text and "a.m." not in text


# Translators


def test_a_translator_has_the_translations_waiting_in_their_languages_only(monkeypatch, newsroom):
    monkeypatch.setattr(home, "LENGTH", 50)
    german = translator_of("de")

    response = logged_in(german).get(HOME)

    found = sections(response)
    assert list(found) == ["translations"]
    waiting = listed(found["translations"])
    for name in ("missing_german", "outdated_german", "draft", "in_review", "changed_after"):
        assert newsroom[name].pk in waiting, name
    # Done in German; only French missing; withdrawn or gone: nothing to do here.
    for name in ("german_done", "missing_french_only", "withdrawn", "unpublished"):
        assert newsroom[name].pk not in waiting, name
    section = section_html(response, "translations")
    badges = section.xpath(".//span[contains(@class, 'status-badge__lang')]/text()")
    assert set(badges) == {"de"}
    entries = {entry.publication.pk: entry for entry in found["translations"].entries}
    outdated_german = newsroom["outdated_german"]
    assert entries[outdated_german.pk].url == side_by_side(outdated_german, "de")
    assert side_by_side(outdated_german, "de") in section.xpath(".//td//a/@href")
    assert "Missing, in progress or outdated in German." in section.text_content()


def test_a_translators_count_is_the_dashboards_for_the_same_work(newsroom):
    german = translator_of("de")
    client = logged_in(german)

    section = sections(client.get(HOME))["translations"]
    dashboard = client.get(section.link_url)

    assert section.link_url == "/admin/speeches/publication/translations/?state=current"
    assert dashboard.context["page_obj"].paginator.count == section.total


def test_a_translator_without_languages_is_told_who_sets_them(translator, newsroom):
    response = logged_in(translator).get(HOME)

    section = sections(response)["translations"]
    assert section.entries == []
    assert "an administrator sets them on your user page" in section.empty


# Everyone else


def test_an_administrator_has_every_list(monkeypatch, administrator, newsroom):
    monkeypatch.setattr(home, "LENGTH", 50)  # every translation waiting, on one page
    found = sections(logged_in(administrator).get(HOME))

    assert list(found) == [
        "to-publish",
        "for-another-publisher",
        "scheduled",
        "sent-back",
        "drafts",
        "in-review",
        "translations",
    ]
    assert found["translations"].title == "Translations waiting"
    assert newsroom["missing_french_only"].pk in listed(found["translations"])


def test_an_administrator_with_languages_sees_those(monkeypatch, administrator, newsroom):
    monkeypatch.setattr(home, "LENGTH", 50)
    TranslatorLanguage.objects.create(user=administrator, language="fr")

    found = sections(logged_in(administrator).get(HOME))

    assert found["translations"].title == "Translations waiting in my languages"
    assert newsroom["missing_french_only"].pk in listed(found["translations"])
    assert newsroom["missing_german"].pk not in listed(found["translations"])


def test_staff_who_only_view_get_the_admins_list_as_before(viewer, newsroom):
    response = logged_in(viewer).get(HOME)

    assert response.context["sections"] == []
    assert response.context["title"] == "Publishing"
    content = html.fromstring(response.content)
    assert content.xpath("//a[@href='/admin/speeches/publication/']")


def test_the_admins_own_list_stays_on_the_page(author):
    response = logged_in(author).get(HOME)

    content = html.fromstring(response.content)
    assert content.xpath(
        "//div[@class='staff-home__apps']//a[@href='/admin/speeches/publication/']"
    )
    assert content.xpath("//h1/text()") == ["Your work"]


def test_a_long_list_shows_its_first_entries_its_total_and_where_the_rest_are(monkeypatch, author):
    monkeypatch.setattr(home, "LENGTH", 2)
    drafts = [draft(author) for _n in range(3)]

    response = logged_in(author).get(HOME)

    section = sections(response)["drafts"]
    assert section.total == 3
    assert len(section.entries) == 2
    more = section_html(response, "drafts").find_class("staff-home__more")[0]
    assert "and 1 more" in more.text_content()
    assert more.xpath(".//a/@href") == ["/admin/speeches/publication/?status__exact=draft"]
    assert {entry.publication.pk for entry in section.entries} < {d.pk for d in drafts}


def test_a_group_does_not_decide_what_a_person_sees_their_rights_do(newsroom):
    """A person in no role's group, with the publishers' rights given one by one."""
    user = UserFactory(username="acting", is_staff=True)
    user.user_permissions.set(Group.objects.get(name="Publishers").permissions.all())

    found = sections(logged_in(user).get(HOME))

    assert "to-publish" in found and "drafts" in found
    assert listed(found["to-publish"]) == ids(
        newsroom, "in_review", "publishers_own", "changed_after"
    )
