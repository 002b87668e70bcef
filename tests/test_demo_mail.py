"""The demo's email journey, as `make run` has it (README, Email): a reader subscribes,
the confirmation is an .eml file in the mail folder, its link confirms; a publisher
publishes the demo's item in review, and the subscriber's email for it is a file too.
Loading the demo announces nothing: its archive is no news."""

import re
from email import message_from_bytes, policy

import pytest
from django.contrib.auth import get_user_model

from speeches.mailing import subscribing, tasks
from speeches.models import Dispatch, Publication, StaffNotice
from speeches.publishing import workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_folder(settings, tmp_path):
    settings.EMAIL_BACKEND = "speeches.mailing.backends.EmlFolderBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    return tmp_path / "mail"


def emails(folder):
    return [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]


def test_subscribing_then_publishing_the_review_item_writes_both_emails(
    demo, mail_folder, client, django_capture_on_commit_callbacks
):
    assert not Dispatch.objects.exists()  # the demo's own publishing announced nothing

    subscriber, _sent = subscribing.subscribe(
        email="journalist@example.org", language="en", choice=subscribing.Choice()
    )
    tasks.send_confirmation.call(subscriber.pk)
    [confirmation] = emails(mail_folder)
    assert confirmation["To"] == "journalist@example.org"
    link = re.search(
        r"http://127\.0\.0\.1:8000(/en/subscribe/confirm/\S+/)",
        confirmation.get_body(("plain",)).get_content(),
    )
    assert client.post(link.group(1)).status_code in (200, 302)
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None

    item = Publication.objects.get(status=Publication.Status.IN_REVIEW)
    publisher = get_user_model().objects.get(username="publisher")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publication_publish(publication=item, user=publisher)
    [dispatch] = Dispatch.objects.filter(publication=item, language="en")
    tasks.send_dispatch.call(dispatch.pk)
    [news] = [email for email in emails(mail_folder) if email["List-Unsubscribe"]]
    assert news["To"] == "journalist@example.org"
    assert news["Subject"] == item.title_en
    assert news["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Its author is told too, on the staff home (and by email: the notice's own task).
    assert StaffNotice.objects.filter(publication=item, kind="published").exists()
