"""The shell takes workflow actions through the same services and checks as the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from speeches.models import Publication, WorkflowEvent
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


def member(username: str, group: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_submit_and_publish_from_the_shell_are_logged_like_admin_actions():
    member("anna", "Editors")
    member("boris", "Publishers")
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    call_command("workflow", "submit", str(publication.pk), "--user", "anna")
    call_command("workflow", "publish", str(publication.pk), "--user", "boris")
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert [e.action for e in WorkflowEvent.objects.order_by("at", "id")] == ["submit", "publish"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["publish", "--user", "anna"], "anna may not publish"),
        (["withdraw", "--user", "boris"], "Not possible while the publication is draft"),
        (["send_back", "--user", "nobody"], "does not exist"),
    ],
)
def test_refusals_are_clear_errors_and_change_nothing(args, message):
    member("anna", "Editors")
    member("boris", "Publishers")
    publication = PublicationFactory(status=Publication.Status.DRAFT)
    with pytest.raises(CommandError, match=message):
        call_command("workflow", args[0], str(publication.pk), *args[1:])
    publication.refresh_from_db()
    assert publication.status == Publication.Status.DRAFT
    assert not WorkflowEvent.objects.exists()
