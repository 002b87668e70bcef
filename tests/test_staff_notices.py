"""What staff are told, end to end: the workflow's events, a change of the original under
ready translations and a sending that failed for good each leave a notice for the people
whose turn it is, and an email (run as the worker runs it: the task each notice enqueued
once its transaction committed) in the language each person chose, unless they chose
the admin only. Nobody is told of their own action."""

import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from speeches.editorial import editing
from speeches.mailing import sending, staff, tasks
from speeches.models import Dispatch, Publication, StaffNotice, TranslatorLanguage
from speeches.publishing import workflow
from tests.factories import (
    PublicationFactory,
    UserFactory,
    subscriber_following,
    translator_of,
)

pytestmark = pytest.mark.django_db

Kind = StaffNotice.Kind


def notices_of(kind: str) -> dict[str, StaffNotice]:
    """The notices of ``kind``, by their person's username."""
    found = StaffNotice.objects.filter(kind=kind).select_related("user")
    return {notice.user.username: notice for notice in found}


def run_notice_tasks() -> list[int]:
    """What the worker does with the staff notices' tasks enqueued so far: each runs the
    task's function with the id it was given. Returns the notices' ids."""
    ids = [
        result.args_kwargs["args"][0]
        for result in DBTaskResult.objects.filter(task_path__endswith="send_staff_notice")
    ]
    for notice_id in ids:
        tasks.send_staff_notice.call(notice_id)
    return ids


def sent_to(outbox) -> dict[str, mail.EmailMultiAlternatives]:
    return {message.to[0]: message for message in outbox}


@pytest.fixture
def newsroom(db):
    """An author, two publishers, an administrator, a translator and a staff member who may
    only view publications."""
    return {
        "author": UserFactory(username="anna", is_staff=True, groups=["Editors"]),
        "publisher": UserFactory(username="pavel", is_staff=True, groups=["Publishers"]),
        "other_publisher": UserFactory(username="boris", is_staff=True, groups=["Publishers"]),
        "administrator": UserFactory(username="ada", is_staff=True, groups=["Administrators"]),
        "translator": translator_of("de", username="hans"),
    }


def drafted_by(user, **fields) -> Publication:
    return PublicationFactory(
        status=Publication.Status.DRAFT, created_by=user, title_en="Remarks on the summit", **fields
    )


# Review


def test_a_submission_tells_every_publisher_but_the_submitter(
    newsroom, mailoutbox, django_capture_on_commit_callbacks
):
    draft = drafted_by(newsroom["author"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publication_submit(
            publication=draft, user=newsroom["publisher"], note="Please check the quote."
        )

    told = notices_of(Kind.SUBMITTED)
    # Whoever may publish: the other publisher and the administrator; not the publisher who
    # submitted it, nor the author, nor the translator.
    assert set(told) == {"boris", "ada"}
    assert {notice.actor for notice in told.values()} == {newsroom["publisher"]}
    assert all(notice.comment == "Please check the quote." for notice in told.values())

    assert sorted(run_notice_tasks()) == sorted(notice.pk for notice in told.values())
    emails = sent_to(mailoutbox)
    assert set(emails) == {"boris@example.org", "ada@example.org"}
    message = emails["boris@example.org"]
    assert message.subject == "“Remarks on the summit” waits for your review."
    assert "Please check the quote." in message.body
    assert f"/admin/speeches/publication/{draft.pk}/workflow/publish/" in message.body
    assert "/admin/notifications/settings/" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="en"' in html and "Please check the quote." in html
    assert message.extra_headers["Content-Language"] == "en"
    # Each once: a second run of the same tasks sends nothing more.
    run_notice_tasks()
    assert len(mailoutbox) == 2


def test_a_send_back_tells_the_author_with_the_comment(
    newsroom, mailoutbox, django_capture_on_commit_callbacks
):
    draft = drafted_by(newsroom["author"])
    workflow.publication_submit(publication=draft, user=newsroom["author"])
    StaffNotice.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publication_send_back(
            publication=draft, user=newsroom["publisher"], comment="The date is wrong."
        )

    assert set(notices_of(Kind.SENT_BACK)) == {"anna"}
    assert StaffNotice.objects.count() == 1  # the publisher who sent it back: nothing
    run_notice_tasks()
    (message,) = mailoutbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "“Remarks on the summit” was sent back to draft."
    assert "The date is wrong." in message.body
    assert "By pavel." in message.body
    assert f"/admin/speeches/publication/{draft.pk}/change/" in message.body


@pytest.mark.parametrize("how", ["publish", "schedule", "force_publish"])
def test_a_release_tells_the_author(newsroom, mailoutbox, how, django_capture_on_commit_callbacks):
    author, publisher = newsroom["author"], newsroom["publisher"]
    draft = drafted_by(author)
    if how != "force_publish":
        workflow.publication_submit(publication=draft, user=author)
    StaffNotice.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        if how == "publish":
            workflow.publication_publish(publication=draft, user=publisher)
        elif how == "schedule":
            at = timezone.now() + timedelta(days=2)
            workflow.publication_schedule(publication=draft, user=publisher, at=at)
        else:
            workflow.publication_force_publish(
                publication=draft, user=publisher, reason="The minister is speaking now."
            )

    told = notices_of(Kind.PUBLISHED)
    assert set(told) == {"anna"} and StaffNotice.objects.count() == 1
    run_notice_tasks()
    (message,) = mailoutbox
    assert message.to == ["anna@example.org"]
    if how == "schedule":
        assert message.subject.startswith("“Remarks on the summit” is scheduled to go out on ")
    else:
        assert message.subject == "“Remarks on the summit” was published."
    assert ("The minister is speaking now." in message.body) == (how == "force_publish")


def test_correcting_a_live_items_date_tells_nobody_but_moving_it_ahead_does(newsroom):
    author, publisher = newsroom["author"], newsroom["publisher"]
    live = drafted_by(author)
    workflow.publication_force_publish(publication=live, user=publisher, reason="Now.")
    StaffNotice.objects.all().delete()

    live.published_at -= timedelta(hours=1)
    workflow.publication_record_time_change(publication=live, user=publisher)
    assert not StaffNotice.objects.exists()

    live.published_at = timezone.now() + timedelta(days=1)
    workflow.publication_record_time_change(publication=live, user=publisher)
    assert set(notices_of(Kind.PUBLISHED)) == {"anna"}


def test_nobody_is_told_of_their_own_release(newsroom):
    publisher = newsroom["publisher"]
    own = drafted_by(publisher)
    workflow.publication_force_publish(publication=own, user=publisher, reason="Now.")
    assert not StaffNotice.objects.filter(kind=Kind.PUBLISHED).exists()


# Translations


def test_a_change_of_the_original_tells_the_translators_of_the_outdated_languages(
    newsroom, mailoutbox, django_capture_on_commit_callbacks
):
    translator_of("fr", username="marie")
    pedro = translator_of("es", username="pedro")
    olga = translator_of("ru", username="olga")
    # The administrator translates German too, and changes the original: not told.
    TranslatorLanguage.objects.create(user=newsroom["administrator"], language="de")
    publication = PublicationFactory(languages=("en", "de", "fr"), title_es="Observaciones")
    publication.refresh_from_db()
    publication.body_en = "<p>A new sentence in the original.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        editing.publication_edit(
            publication=publication,
            user=newsroom["administrator"],
            expected_version=publication.edit_version,
            data=editing.EditInput(),
        )

    told = notices_of(Kind.OUTDATED)
    # German and French were ready: their translators are told, each of their language;
    # Spanish was in progress and Russian missing.
    assert {name: notice.language for name, notice in told.items()} == {
        "hans": "de",
        "marie": "fr",
    }
    assert not StaffNotice.objects.filter(user__in=[pedro, olga]).exists()
    run_notice_tasks()
    emails = sent_to(mailoutbox)
    assert set(emails) == {"hans@example.org", "marie@example.org"}
    assert emails["marie@example.org"].subject == (
        f"The French translation of “{publication.title_en}” is out of date."
    )
    assert f"/admin/speeches/publication/{publication.pk}/translate/fr/" in (
        emails["marie@example.org"].body
    )


# Sendings


@pytest.fixture
def refusing_mail_server(settings):
    """SMTP to a port nobody listens on: every connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return settings


def test_a_sending_that_failed_for_good_tells_the_administrators(
    newsroom, refusing_mail_server, django_capture_on_commit_callbacks
):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    subscriber_following("reader@example.org")
    item = PublicationFactory(title_en="Statement on the talks")
    (dispatch,) = sending.release(publication_id=item.pk)
    tries = len(refusing_mail_server.MAIL_RETRY_MINUTES) + 1
    with django_capture_on_commit_callbacks(execute=False):  # the worker's next tries
        outcomes = [sending.send(dispatch.pk) for _try in range(tries)]
    assert outcomes == [Dispatch.Status.SENDING] * (tries - 1) + [Dispatch.Status.FAILED]

    told = notices_of(Kind.SENDING_FAILED)
    assert set(told) == {"ada", "root"}  # administrators, not publishers
    assert {notice.dispatch_id for notice in told.values()} == {dispatch.pk}

    # The mail server is back for the administrators' emails.
    refusing_mail_server.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for notice in told.values():
        tasks.send_staff_notice.call(notice.pk)
    emails = sent_to(mail.outbox)
    assert set(emails) == {"ada@example.org", "root@example.org"}
    message = emails["ada@example.org"]
    assert message.subject == (
        "The email sending of “Statement on the talks” in English failed; it may be "
        "retried from the admin."
    )
    assert f"/admin/speeches/dispatch/{dispatch.pk}/change/" in message.body


# Each person's choice


def test_each_person_is_emailed_in_their_language(newsroom, mailoutbox):
    staff.settings_save(user=newsroom["translator"], by_email=True, language="ru")
    publication = PublicationFactory(languages=("en", "de"))
    (notice,) = staff.notify(
        [newsroom["translator"]],
        kind=Kind.OUTDATED,
        actor=newsroom["author"],
        publication=publication,
        language="de",
    )
    assert tasks.send_staff_notice.call(notice.pk) is True

    (message,) = mailoutbox
    with translation.override("ru"):
        assert message.subject == staff.describe(notice)
    # Built in Russian: the language's own name, the email's language and its headers.
    assert "Немецкий" in message.subject or "немецкий" in message.subject
    assert '<html lang="ru" dir="ltr">' in message.alternatives[0][0]
    assert message.extra_headers["Content-Language"] == "ru"
    # Admin addresses carry no language prefix: the admin speaks the browser's language.
    assert f"/admin/speeches/publication/{publication.pk}/translate/de/" in message.body


def test_who_chose_the_admin_only_gets_the_notice_and_no_email(newsroom, mailoutbox):
    staff.settings_save(user=newsroom["author"], by_email=False, language="en")
    draft = drafted_by(newsroom["author"])
    workflow.publication_submit(publication=draft, user=newsroom["author"])
    workflow.publication_send_back(
        publication=draft, user=newsroom["publisher"], comment="Shorter, please."
    )
    (notice,) = notices_of(Kind.SENT_BACK).values()
    assert tasks.send_staff_notice.call(notice.pk) is False
    assert mailoutbox == []
    notice.refresh_from_db()
    assert notice.emailed_at is None and notice.read_at is None


def test_settings_are_each_persons_own_and_checked(newsroom):
    ada = newsroom["administrator"]
    assert staff.settings_for(ada).by_email is True  # the default: email
    assert staff.settings_for(ada).language == "en"  # in the site's own language
    staff.settings_save(user=ada, by_email=False, language="ar")
    chosen = staff.settings_for(ada)
    assert (chosen.by_email, chosen.language) == (False, "ar")
    assert staff.settings_for(newsroom["author"]).pk is None
    with pytest.raises(ValidationError) as refused:
        staff.settings_save(user=ada, by_email=True, language="xx")
    assert "language" in refused.value.message_dict
    assert staff.settings_for(ada).language == "ar"
