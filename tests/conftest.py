import threading

import pytest
from django.contrib.auth.models import Group

from tests.factories import ROLE_PERMISSIONS, UserFactory


@pytest.fixture(scope="session", autouse=True)
def _role_permissions(django_db_setup, django_db_blocker):
    """Remember the role groups as migrated, for ``factories.role_group``."""
    with django_db_blocker.unblock():
        for group in Group.objects.prefetch_related("permissions__content_type"):
            ROLE_PERMISSIONS[group.name] = [
                (p.content_type.app_label, p.codename) for p in group.permissions.all()
            ]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


class _OneRequestAtATime:
    """The live server's application behind a lock, and closed between tests."""

    def __init__(self, server):
        self.lock = threading.Lock()
        self.is_open = False
        self.application = server.get_app()
        server.set_app(self)

    def __call__(self, environ, start_response):
        with self.lock:
            if not self.is_open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b""]
            response = self.application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()  # request_finished: the connection's clean-up, locked too


@pytest.fixture(autouse=True)
def live_server_lock(request):
    """In live-server tests, requests are answered one at a time, and only during the test;
    the test takes the lock for its own queries while pages are open.

    On SQLite the test database is one in-memory connection that the live server's threads
    and the test share (Django's LiveServerThread). Admin pages keep talking by themselves
    (presence heartbeats, the beacon a closing page sends): beside a save, or during the
    flush after the test, that would meet "database table is locked", a limit of this
    set-up, not of the site.
    """
    if "live_server" not in request.fixturenames:
        yield None
        return
    # Set up before the gate, so that the database is flushed after the gate is closed.
    request.getfixturevalue("transactional_db")
    server = request.getfixturevalue("live_server").thread.httpd
    gate = server.get_app()
    if not isinstance(gate, _OneRequestAtATime):
        gate = _OneRequestAtATime(server)
    gate.is_open = True
    yield gate.lock
    with gate.lock:  # the request in progress, if any, ends first
        gate.is_open = False


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
