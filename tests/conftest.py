import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# The workflow's roles (groups from migrations 0003, 0008, 0011). Authors are "Editors".


@pytest.fixture
def author(db):
    return UserFactory(username="author", is_staff=True, groups=["Editors"])


@pytest.fixture
def publisher(db):
    return UserFactory(username="publisher", is_staff=True, groups=["Publishers"])


@pytest.fixture
def publisher_client(client, publisher):
    """Publishers edit published items (authors edit drafts and items in review only)."""
    client.force_login(publisher)
    return client


@pytest.fixture
def second_publisher(db):
    return UserFactory(username="second-publisher", is_staff=True, groups=["Publishers"])


@pytest.fixture
def translator(db):
    return UserFactory(username="translator", is_staff=True, groups=["Translators"])


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", is_staff=True, groups=["Administrators"])


@pytest.fixture
def viewer(db):
    """Staff who may look at publications in the admin and change nothing."""
    from django.contrib.auth.models import Permission

    user = UserFactory(username="viewer", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="speeches", codename="view_publication")
    )
    return user
