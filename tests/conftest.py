import shutil
import threading
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import hypothesis
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation

from tests.factories import ROLE_PERMISSIONS, PublicationFactory, UserFactory
from tests.helpers import launch_chromium, rolled_back_at_the_end

# Hypothesis keeps no database of examples: CI starts from a fresh clone anyway, and a
# failing example is printed with what reproduces it. Its caches (Unicode tables, the
# constants it reads from the code) go to the suite's temporary folder, not .hypothesis/.
hypothesis.settings.register_profile("suite", database=None, print_blob=True)
hypothesis.settings.load_profile("suite")
hypothesis.configuration.set_hypothesis_home_dir(django_settings.TEST_ROOT / "hypothesis")


def pytest_collectstart(collector):
    """Schemathesis's pytest plugin, for the modules that use it only.

    Installed, it registers itself with pytest in every run, importing schemathesis and
    the packages it needs (GraphQL, HAR, JSON Schema, rate limiting, a CLI...) for the
    few modules that test the API with it. pyproject's ``-p no:schemathesis`` turns that
    off, and the plugin is registered here before the first module that mentions it is
    collected (it collects ``schema.parametrize()`` tests and runs their cases).
    """
    if not isinstance(collector, pytest.Module):
        return
    manager = collector.config.pluginmanager
    if not manager.has_plugin("schemathesis-on-demand") and "schemathesis" in (
        collector.path.read_text(encoding="utf-8")
    ):
        from schemathesis.pytest import plugin

        manager.register(plugin, "schemathesis-on-demand")


def pytest_collection_modifyitems(items):
    """Schemathesis names each operation's test ``test_x[GET /api/types]`` but gives them
    all the test function's node id: pytest 9 builds an id from a test's original name
    and parameters, and schemathesis passes neither with the operation in it. xdist tells
    tests apart by node id, and of the six operations ran only one. Each now has its
    operation in its id, as a parametrized test has its parameters."""
    for item in items:
        operation = getattr(item, "operation_label", None)
        if operation and item._id.params is None:
            item._id = item._id.with_params(operation)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database (pytest-django's, one per xdist worker), and the role groups as
    migrated remembered for ``factories.role_group``.

    Set up only when some test of the run uses the database, so a run of tests that do
    not (``pytest tests/test_architecture.py``) needs none.
    """
    with django_db_blocker.unblock():
        for group in Group.objects.prefetch_related("permissions__content_type"):
            ROLE_PERMISSIONS[group.name] = [
                (p.content_type.app_label, p.codename) for p in group.permissions.all()
            ]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (``helpers.launch_chromium``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page of a fresh browser context at a desktop's size (modules that need another
    size or listeners define their own)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def open_as(browser, live_server, live_server_lock):
    """``open_as(user, path)``: a page of that user's own browser, signed in, at ``path``
    (``open_as(user, path, width=1440)`` at another width; ``path=None``: a blank page,
    for a test that counts its own way there)."""
    contexts = []

    def open_page(user, path, width=1200, height=900, locale=None):
        client = Client()
        with live_server_lock:
            client.force_login(user)
        context = browser.new_context(
            viewport={"width": width, "height": height},
            **({"extra_http_headers": {"Accept-Language": locale}} if locale else {}),
        )
        context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        contexts.append(context)
        page = context.new_page()
        if path is not None:
            page.goto(f"{live_server.url}{path}")
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _interface_language():
    """Each test starts in the site's own language: a request to /ar/ leaves Arabic active
    in its thread, and a later test in the same worker would read Arabic messages."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what is kept per change of what readers see
    (``public_state``) is keyed by a number that a rolled-back test leaves as it found
    it, so the next test would read what the last one built."""
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(request, settings, tmp_path):
    """Each test stores files in a folder of its own, beside its tmp_path; a test of the
    shared demo reads the demo's (and must not change them: see ``own_demo_files``)."""
    if "demo" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("demo").media_root
    else:
        settings.MEDIA_ROOT = tmp_path / "media"


@dataclass(frozen=True)
class Demo:
    media_root: Path
    output: str  # what load_demo printed


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo (``load_demo``, accounts included) loaded once for a module's tests rather
    than once per test: it takes seconds. Rolled back after the module's last test, its
    files removed (``helpers.rolled_back_at_the_end``); each test's own writes to the
    database are undone after it, as usual."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with rolled_back_at_the_end(django_db_blocker, media_root):
        output = StringIO()
        with override_settings(DEBUG=True):  # it creates the demo accounts only then
            call_command("load_demo", stdout=output)
        yield Demo(media_root=media_root, output=output.getvalue())


@pytest.fixture
def own_demo_files(demo, settings, tmp_path):
    """A copy of the demo's files for a test that changes them (rebuilds renditions,
    deletes a file): the shared ones stay as the other tests expect them."""
    settings.MEDIA_ROOT = shutil.copytree(demo.media_root, tmp_path / "media")
    return settings.MEDIA_ROOT


class _Gate:
    """The live server's application, open only during the test.

    Requests run concurrently (the concurrency tests need that); ``with gate:`` lets the
    test hold new requests back, after those in progress end, while it reads the database.
    """

    def __init__(self, server):
        self.condition = threading.Condition()
        self.active = 0
        self.held = False
        self.is_open = False
        self.application = server.get_app()
        server.set_app(self)

    def __call__(self, environ, start_response):
        with self.condition:
            self.condition.wait_for(lambda: not self.held)
            if not self.is_open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b""]
            self.active += 1
        try:
            response = self.application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()  # request_finished: the connection's clean-up, inside
        finally:
            with self.condition:
                self.active -= 1
                self.condition.notify_all()

    def __enter__(self):
        with self.condition:
            self.condition.wait_for(lambda: not self.held)
            self.held = True
            self.condition.wait_for(lambda: self.active == 0)
        return self

    def __exit__(self, *exc):
        with self.condition:
            self.held = False
            self.condition.notify_all()


@pytest.fixture(autouse=True)
def live_server_lock(request):
    """In live-server tests, the server answers only during the test, and ``with
    live_server_lock:`` holds its requests back while the test reads the database.

    Admin pages keep talking by themselves (presence heartbeats, the beacon a closing page
    sends): after the test, during the flush of its data, they are answered 503.
    """
    if "live_server" not in request.fixturenames:
        yield None
        return
    # Set up before the gate, so that the database is flushed after the gate is closed.
    request.getfixturevalue("transactional_db")
    server = request.getfixturevalue("live_server").thread.httpd
    gate = server.get_app()
    if not isinstance(gate, _Gate):
        gate = _Gate(server)
    gate.is_open = True
    yield gate
    with gate:  # the requests in progress end first
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


@pytest.fixture
def collegiums(db):
    """An English original with its Russian translation, both about the collegiums: what
    search in either language must find."""
    return PublicationFactory(
        languages=("en", "ru"),
        title_en="Remarks at a joint meeting of the collegiums",
        body_en="<p>Welcome to a joint meeting of the collegiums of the foreign ministries.</p>",
        title_ru="Выступление на совместном заседании коллегий",
        body_ru="<p>Приветствую вас на совместном заседании коллегий министерств.</p>",
    )
