"""Review that shows what changed: comparing revisions (names, local times, texts word by
word per language, details, taxonomy, materials, the audit log between), the publish page
(changes since submission, the submitter's note), the note on submit, and force-publish
set apart and confirmed."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils.text import slugify
from reversion.models import Version

from speeches.admin import review
from speeches.editorial import editing
from speeches.models import Material, Publication, PublicationMaterial, WorkflowEvent
from speeches.publishing import services, workflow
from tests.factories import PublicationFactory, TopicFactory, UserFactory
from tests.helpers import change_url, logged_in

pytestmark = pytest.mark.django_db

# 10:05 in UTC is 13:05 in Moscow, the site's time zone: pages must say 13:05.
MORNING = datetime(2026, 12, 6, 10, 5, tzinfo=UTC)
MICROSECONDS = re.compile(r"\d\d:\d\d:\d\d\.\d")


@pytest.fixture
def anna(db):
    return UserFactory(
        username="anna", first_name="Anna", last_name="Petrova", is_staff=True, groups=["Editors"]
    )


@pytest.fixture
def boris(db):
    return UserFactory(
        username="boris",
        first_name="Борис",
        last_name="Соколов",
        is_staff=True,
        groups=["Publishers"],
    )


@pytest.fixture
def vera(db):
    """A publisher without a name on her account: named by her user name."""
    return UserFactory(username="vera", is_staff=True, groups=["Publishers"])


def link(name: str, user) -> Material:
    return services.material_save(
        material=Material(
            kind=Material.Kind.LINK, url=f"https://example.org/{slugify(name)}", title_en=name
        ),
        user=user,
    )


def edit(publication: Publication, user, data=None, **fields) -> Publication:
    """An editor's save, through the service the change form uses."""
    publication.refresh_from_db()
    for name, value in fields.items():
        setattr(publication, name, value)
    return editing.publication_edit(
        publication=publication,
        user=user,
        expected_version=publication.edit_version,
        data=data or editing.EditInput(),
    )


def attach(*materials) -> editing.EditInput:
    return editing.EditInput(
        attachments=[editing.Attachment(m, position) for position, m in enumerate(materials)]
    )


def versions_of(publication) -> list[Version]:
    return list(Version.objects.get_for_object(publication).order_by("pk"))


def compare_page(client, publication, older, newer) -> str:
    response = client.get(
        f"/admin/speeches/publication/{publication.pk}/history/compare/",
        {"a": older.pk, "b": newer.pk},
    )
    assert response.status_code == 200
    return response.text


def transition_url(publication, name: str) -> str:
    return f"/admin/speeches/publication/{publication.pk}/workflow/{name}/"


def section(html: str, heading_id: str) -> str:
    """The text of one section of the review, up to the next section."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else None]


# Comparing two revisions


@pytest.fixture
def story(anna, boris, vera):
    """A draft in English, Russian and Arabic, worked on by Anna, sent back by Boris with a
    comment, reworked and submitted again with a note; its materials added, moved and
    removed on the way. Every step a revision and an audit entry, a minute apart."""
    topic, other = TopicFactory(name_en="Arctic"), TopicFactory(name_en="United Nations")
    photos = [link(name, anna) for name in ("Press conference", "Signing", "Handshake")]
    with time_machine.travel(MORNING, tick=True) as clock:
        publication = PublicationFactory(
            status=Publication.Status.DRAFT,
            languages=("en", "ru", "ar"),
            title_en="Statement on the Arctic",
            body_en="<p>The minister met his counterpart.</p><p>They spoke about shipping.</p>",
            title_ru="Заявление по Арктике",
            body_ru="<p>Министр Сергей Лавров встретился с коллегой.</p>",
            title_ar="بيان بشأن القطب الشمالي",
            body_ar="<p>التقى الوزير بنظيره.</p>",
            reference="REF-1",
        )
        publication.topics.set([other])
        clock.shift(timedelta(minutes=1))
        edit(publication, anna, data=attach(photos[0], photos[1]))
        first = versions_of(publication)[-1]
        clock.shift(timedelta(minutes=1))
        workflow.publication_submit(
            publication=publication, user=anna, note="Please check the quote."
        )
        clock.shift(timedelta(minutes=1))
        workflow.publication_send_back(
            publication=publication, user=boris, comment="The second paragraph must go."
        )
        clock.shift(timedelta(minutes=1))
        edit(
            publication,
            anna,
            data=editing.EditInput(
                topics=[topic],
                attachments=[
                    editing.Attachment(photos[1], 0),
                    editing.Attachment(photos[0], 1),
                    editing.Attachment(photos[2], 2),
                ],
            ),
            title_en="Statement on the <Arctic> council",
            body_en="<p>The minister met his Norwegian counterpart.</p><p>A new paragraph.</p>",
            body_ru="<p>Министр Сергей Викторович Лавров встретился с коллегой.</p>",
            title_ar="بيان بشأن مجلس القطب الشمالي",
            reference="REF-2",
            published_at=datetime(2026, 12, 24, 9, 0, 30, tzinfo=UTC),
        )
        clock.shift(timedelta(minutes=1))
        edit(publication, anna, data=attach(photos[1], photos[2]))
        clock.shift(timedelta(minutes=1))
        workflow.publication_submit(publication=publication, user=anna, note="Done: it is shorter.")
    return publication, first, versions_of(publication)[-1]


def force_published_later(publication, user) -> None:
    """A minute after the story: after its last revision."""
    with time_machine.travel(MORNING + timedelta(minutes=7), tick=True):
        workflow.publication_force_publish(
            publication=publication, user=user, reason="Outside the compared span."
        )


def test_the_comparison_names_people_and_says_local_times_never_ids_or_utc(story, boris):
    publication, first, last = story
    html = compare_page(logged_in(boris), publication, last, first)  # either order
    assert "saved 6 December 2026 13:06 by Anna Petrova" in html
    assert "saved 6 December 2026 13:11 by Anna Petrova" in html
    assert "Борис Соколов" in html  # who sent it back, in the audit log between
    assert "Updated by" not in html and "Created by" not in html
    assert f">{boris.pk}<" not in html and "anna<" not in html
    assert "+00:00" not in html and "UTC" not in html and not MICROSECONDS.search(html)
    # The release time in the admin's words, local, to the second as it is set.
    details = section(html, "review-details")
    assert "Date and time" in details
    assert "<ins>24 December 2026 12:00:30</ins>" in details


def test_the_comparison_shows_each_language_word_by_word_in_its_own_direction(story, boris):
    publication, first, last = story
    html = compare_page(logged_in(boris), publication, first, last)
    english = section(html, "review-en")
    # Typed angle brackets are text, escaped; the word between them was kept.
    assert "Statement on the <ins>&lt;</ins>Arctic<ins>&gt; council</ins>" in english
    assert "The minister met his <ins>Norwegian </ins>counterpart." in english
    assert "<del>They spoke about shipping.</del>" in english
    assert "<ins>A new paragraph.</ins>" in english
    assert "<Arctic>" not in html
    russian = section(html, "review-ru")
    assert 'lang="ru" dir="ltr"' in russian
    assert "Министр Сергей <ins>Викторович </ins>Лавров" in russian
    arabic = section(html, "review-ar")
    assert 'lang="ar" dir="rtl"' in arabic
    assert "بيان بشأن <ins>مجلس </ins>القطب الشمالي" in arabic
    # The original comes first; nothing is said of what did not change.
    assert html.index('id="review-en"') < html.index('id="review-ru"')
    assert 'id="review-de"' not in html


def test_the_comparison_lists_details_taxonomy_and_materials_by_name(story, boris):
    publication, first, last = story
    html = compare_page(logged_in(boris), publication, first, last)
    details = section(html, "review-details")
    assert "<del>REF-1</del>" in details and "<ins>REF-2</ins>" in details
    terms = section(html, "review-terms")
    assert "Added: <ins>Arctic</ins>" in terms
    assert "Removed: <del>United Nations</del>" in terms
    materials = section(html, "review-materials")
    assert "<ins>External link: Handshake</ins>" in materials
    assert "<del>External link: Press conference</del>" in materials
    assert "Signing" not in materials and "Order now" not in materials  # kept, in its place


def test_materials_moved_are_listed_in_their_new_order(story, boris):
    publication, first, _last = story
    versions = versions_of(publication)
    moved = next(v for v in versions if v.field_dict["reference"] == "REF-2")
    html = compare_page(logged_in(boris), publication, first, moved)
    materials = section(html, "review-materials")
    assert "Order now:" in materials
    order = re.findall(r"<li>External link: (\w[\w ]*)</li>", materials)
    assert order == ["Signing", "Press conference", "Handshake"]


def test_the_comparison_lists_the_state_changes_between_the_two_revisions(story, boris, vera):
    publication, first, last = story
    force_published_later(publication, vera)
    html = compare_page(logged_in(boris), publication, first, last)
    log = section(html, "review-events")
    assert log.count("submitted for review") == 2
    assert "sent back to draft" in log
    assert "Please check the quote." in log and "The second paragraph must go." in log
    assert "Done: it is shorter." in log
    assert 'class="status-badge status-badge--in_review"' in log
    assert "Outside the compared span." not in html  # after the newer revision
    assert "Title (English)" in log and "Reference number" in log
    assert "6 December 2026 13:08" in log  # the send-back, local time


def test_a_revision_from_before_materials_were_recorded_says_so(anna, boris):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    # Attached outside any revision, as revisions taken before materials were followed.
    PublicationMaterial.objects.create(publication=publication, material=link("Old", anna))
    older = versions_of(publication)[-1]
    edit(publication, anna, title_en="A new title")
    html = compare_page(logged_in(boris), publication, older, versions_of(publication)[-1])
    assert "saved before revisions recorded the additional materials" in html
    assert "<ins>External link: Old</ins>" not in html


def test_two_same_revisions_say_nothing_changed(boris):
    publication = PublicationFactory()
    version = versions_of(publication)[0]
    html = compare_page(logged_in(boris), publication, version, version)
    assert "The two revisions hold the same texts" in html


@pytest.mark.parametrize("query", [{}, {"a": "x", "b": "1"}, {"a": "999999", "b": "999998"}])
def test_a_comparison_without_two_of_its_revisions_sends_back_to_the_history(boris, query):
    publication = PublicationFactory()
    other = PublicationFactory()
    if query.get("a") == "999999":
        query = {"a": versions_of(other)[0].pk, "b": versions_of(publication)[0].pk}
    response = logged_in(boris).get(
        f"/admin/speeches/publication/{publication.pk}/history/compare/", query
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/{publication.pk}/history/")


# The audit log: the change form's and the history page's


def test_the_audit_log_names_people_says_what_changed_in_words_and_sets_force_apart(
    story, boris, vera
):
    publication, _first, _last = story
    force_published_later(publication, vera)
    client = logged_in(boris)
    for path in (change_url(publication), f"/admin/speeches/publication/{publication.pk}/history/"):
        html = client.get(path).text
        log = html[html.index('<table class="audit-log">') :]
        assert "Anna Petrova" in log and "Борис Соколов" in log and ">vera<" in log
        assert "Reference number" in log and "Topics" in log and "Additional materials" in log
        assert "Title (English)" in log and "Text (Russian)" in log
        assert "reference, topics" not in log and "title [en]" not in log
        assert '<tr class="audit-log__forced">' in log
        assert "6 December 2026 13:12" in log
        assert not MICROSECONDS.search(log)


def test_translators_see_the_revisions_but_not_the_audit_log(story, translator):
    publication, _first, _last = story
    html = logged_in(translator).get(f"/admin/speeches/publication/{publication.pk}/history/").text
    assert "Anna Petrova" in html  # who saved each revision
    assert '<table class="audit-log">' not in html
    assert "The second paragraph must go." not in html


def test_audit_changes_in_words():
    event = WorkflowEvent(
        action=WorkflowEvent.Action.TRANSLATE,
        changes=["title [de] (in progress)", "ready [fr]", "shown [es]", "speakers", "odd [x"],
    )
    assert review.describe_changes(event) == [
        "Title (German), work in progress",
        "Ready (French)",
        "Shown again (Spanish)",
        "Speakers",
        "odd [x",
    ]
    material = WorkflowEvent(action=WorkflowEvent.Action.MATERIAL, changes=["alt_text [en]"])
    assert review.describe_changes(material) == ["Alternative text (English)"]


# The note on submit, and what the publisher reads before publishing


def test_a_note_on_submit_reaches_the_publisher_and_the_audit_log(anna, boris):
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="As written")
    page = logged_in(anna).get(transition_url(publication, "submit"))
    assert "Note to the reviewer (optional)" in page.text
    response = logged_in(anna).post(
        transition_url(publication, "submit"), {"reason": "  Check the figures in paragraph 3.  "}
    )
    assert response.status_code == 302
    event = publication.events.get(action=WorkflowEvent.Action.SUBMIT)
    assert event.reason == "Check the figures in paragraph 3."

    edit(publication, anna, title_en="As rewritten after submitting")
    publish = logged_in(boris).get(transition_url(publication, "publish")).text
    assert "Submitted for review by Anna Petrova on" in publish
    assert "Note to the reviewer from Anna Petrova:" in publish
    assert "Check the figures in paragraph 3." in publish
    # What changed since, in the same words as the comparison.
    assert "As <del>written</del><ins>rewritten after submitting</ins>" in publish
    assert "In the audit log meanwhile" in publish
    assert publish.count("Check the figures in paragraph 3.") == 1  # not again in the log
    log = logged_in(boris).get(change_url(publication)).text
    assert "Check the figures in paragraph 3." in log


def test_submitting_without_a_note_is_fine_and_says_nothing_changed_since(anna, boris):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    assert logged_in(anna).post(transition_url(publication, "submit"), {}).status_code == 302
    assert publication.events.get(action=WorkflowEvent.Action.SUBMIT).reason == ""
    publish = logged_in(boris).get(transition_url(publication, "publish")).text
    assert "Note to the reviewer" not in publish
    assert "None: this is the text as it was submitted." in publish


def test_after_a_send_back_the_publisher_can_see_what_the_author_did_with_the_comment(story, boris):
    publication, _first, _last = story
    publish = logged_in(boris).get(transition_url(publication, "publish")).text
    assert "Sent back to draft by Борис Соколов on 6 December 2026 13:08:" in publish
    assert "The second paragraph must go." in publish
    href = re.search(r'href="([^"]+/history/compare/\?a=\d+&amp;b=\d+)"', publish).group(1)
    compared = logged_in(boris).get(href.replace("&amp;", "&")).text
    assert "<del>They spoke about shipping.</del>" in compared


# Force-publish: set apart, confirmed


def stored(publication) -> tuple:
    fresh = Publication.objects.get(pk=publication.pk)
    return (
        fresh.status,
        fresh.edit_version,
        fresh.events.count(),
        Version.objects.get_for_object(fresh).count(),
    )


def test_force_publish_is_set_apart_from_publish_on_the_change_form(anna, boris):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    workflow.publication_submit(publication=publication, user=anna)
    html = logged_in(boris).get(change_url(publication)).text
    actions = html[html.index('class="object-tools workflow-actions"') :]
    actions = actions[: actions.index("</ul>")]
    publish = re.search(r'<a href="[^"]+/workflow/publish/">(.*?)</a>', actions, re.S)
    forced = re.search(r'<a href="[^"]+/workflow/force_publish/"([^>]*)>(.*?)</a>', actions, re.S)
    assert publish.group(1).strip() == "Publish"
    assert 'class="workflow-action--danger"' in forced.group(1)
    assert "Force-publish" in forced.group(2) and "(without review)" in forced.group(2)


def test_the_force_publish_page_warns_and_asks_for_a_confirmation(boris):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    html = logged_in(boris).get(transition_url(publication, "force_publish")).text
    assert 'class="workflow-danger"' in html
    assert "Nobody else checks this text before readers see it" in html
    assert 'type="checkbox" name="confirmed"' in html
    assert "I publish this without a second person&#x27;s review." in html
    assert 'class="default button-danger"' in html


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reason": "The minister speaks now."}, "confirmed"),
        ({"reason": "The minister speaks now.", "confirmed": ""}, "confirmed"),
        ({"reason": "", "confirmed": "on"}, "reason"),
    ],
)
def test_force_publish_without_its_confirmation_or_reason_is_refused_and_writes_nothing(
    boris, data, field
):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    before = stored(publication)
    response = logged_in(boris).post(transition_url(publication, "force_publish"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert stored(publication) == before


def test_force_publish_with_its_confirmation_and_reason_publishes(boris):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    response = logged_in(boris).post(
        transition_url(publication, "force_publish"),
        {"reason": "The minister speaks now.", "confirmed": "on"},
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    event = publication.events.get(action=WorkflowEvent.Action.FORCE_PUBLISH)
    assert (event.user, event.reason) == (boris, "The minister speaks now.")


def test_the_service_refuses_an_unconfirmed_force_publish_whatever_the_form(boris, anna):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    before = stored(publication)
    with pytest.raises(ValidationError) as refused:
        workflow.transition_run(
            "force_publish", publication=publication, user=boris, reason="Urgent"
        )
    assert "confirmed" in refused.value.error_dict
    with pytest.raises(PermissionDenied):  # the right first, as ever
        workflow.transition_run("force_publish", publication=publication, user=anna, reason="x")
    assert stored(publication) == before
    with pytest.raises(CommandError, match="without a second person"):
        call_command(
            "workflow", "force_publish", str(publication.pk), user="boris", reason="Urgent"
        )
    assert stored(publication) == before
    call_command(
        "workflow",
        "force_publish",
        str(publication.pk),
        user="boris",
        reason="Urgent",
        without_review=True,
    )
    assert Publication.objects.get(pk=publication.pk).status == Publication.Status.PUBLISHED


def test_other_transitions_ask_for_no_confirmation(anna):
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    html = logged_in(anna).get(transition_url(publication, "submit")).text
    assert 'name="confirmed"' not in html
    workflow.transition_run("submit", publication=publication, user=anna, reason="A note")
    assert publication.events.get(action=WorkflowEvent.Action.SUBMIT).reason == "A note"


def test_staff_are_named_by_full_name_else_user_name(anna, vera):
    assert review.person_name(anna) == "Anna Petrova"
    assert review.person_name(vera) == "vera"
    assert review.person_name(None) == "—"
