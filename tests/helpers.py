"""What several test modules need: requests and forms as the admin sends them, query
counts, stored files, dates. Test modules import from here (and from ``factories`` and
``media_files``), never from one another; shared fixtures live in ``conftest.py``."""

import copy
import io
import os
import shutil
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from lxml import etree
from PIL import Image

from speeches.languages import xliff
from speeches.models import LanguageVersion, Material, Publication, PublicationType
from speeches.publishing import public_state

MOSCOW = ZoneInfo("Europe/Moscow")

# Debian's Chromium as its headless shell (package chromium-headless-shell): the same
# engine, built without the windowing the tests never use, which is what Playwright runs
# for headless tests. A page load costs it about a third less CPU than the full browser
# (0.68 s instead of 1.06 s of Chromium's time for the publication change form), and the
# browser tests are a third of the suite. CHROMIUM=/usr/bin/chromium runs the full one.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch_chromium(playwright):
    """Debian's Chromium, launched by Playwright (never a downloaded browser); CI must have
    it, and elsewhere the test is skipped without it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{CHROMIUM} is missing: CI must run the browser tests.")
        pytest.skip(f"{CHROMIUM} is not installed (make browser)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # the test itself (factories) are still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


# axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA (all impact levels).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_source() -> str:
    """axe-core, as the axe-playwright-python package ships it (``page.evaluate`` it)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def axe_violations(page) -> list[dict]:
    """What axe-core's WCAG A and AA rules find on ``page`` (axe_source evaluated in it)."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


@contextmanager
def rolled_back_at_the_end(django_db_blocker, media_root: Path):
    """For data made once and read by many tests (a module's, in a module-scoped fixture):
    the rows made inside are rolled back at the end, and the files, stored under
    ``media_root`` meanwhile, removed.

    Each test with the ``db`` fixture runs in a savepoint within this transaction (Django's
    TestCase nests its atomic blocks), so what one test writes to the database is undone
    before the next, on SQLite and PostgreSQL alike. Files are not: a test that changes
    stored files works on a copy. Tests with a transaction of their own
    (``transaction=True``, the live server) cannot share such data.
    """
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(MEDIA_ROOT=str(media_root)),
            transaction.atomic(),
        ):
            yield
            transaction.set_rollback(True)
    finally:
        shutil.rmtree(media_root, ignore_errors=True)


@contextmanager
def measured_once(django_db_blocker):
    """For a module's "the same queries for 1 and 30 items" tests: the items are built and
    every URL of the module measured inside, once, and everything rolled back at the end.

    Thirty rich publications take about a second to build; built again for each URL, they
    took a tenth of the suite. Each test then checks the counts of its own URL.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def committed() -> None:
    """What a commit does for ``public_state``, inside a test's transaction: the pending
    move of the number is made now (and rolled back with the test), so that pages read
    what is kept per change, as readers do after a real commit, instead of building it
    afresh as they do for a writer whose transaction is still open."""
    pending = [entry for entry in connection.run_on_commit if entry[1] is public_state._bump]
    for entry in pending:
        connection.run_on_commit.remove(entry)
    if pending:
        public_state._bump()


def load_demo(settings) -> str:
    """``load_demo`` as a developer runs it (DEBUG on, so with the demo accounts); what it
    printed."""
    settings.DEBUG = True
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def at(year, month, day, hour=12, minute=0) -> datetime:
    """A moment in Moscow, where the ministry's items are dated."""
    return datetime(year, month, day, hour, minute, tzinfo=MOSCOW)


def absolute(path: str) -> str:
    """``path`` as feeds and sitemaps print it for the test client's host."""
    return f"http://testserver{path}"


def queries_for(client: Client, url: str, *, follow: bool = False, warm: bool = False) -> int:
    """How many queries answering ``url`` takes; the answer must be a 200 (after the
    redirects, with ``follow``). ``warm``: asked once before, so what is kept per change
    (``public_state``) is counted as readers meet it, kept."""
    if warm:
        client.get(url, follow=follow)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, follow=follow)
    assert response.status_code == 200
    return len(queries)


def logged_in(user) -> Client:
    """A new client (a browser of its own) signed in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


def change_url(publication: Publication) -> str:
    return f"/admin/speeches/publication/{publication.pk}/change/"


# The admin's forms, as a browser posts them


def publication_form_data(**overrides) -> dict:
    """The add form of a publication, every language's fields present, with ``overrides``."""
    data = {
        "type": PublicationType.objects.get(code="statement").pk,
        "published_at_0": "2019-11-18",
        "published_at_1": "16:40:00",
        "status": "published",
        "original_language": "en",
        "reference": "",
        "delivery": "",
        "title_en": "Statement on the joint meeting",
        "body_en": "<p>The text.</p>",
        # The additional-materials inline's management form.
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    for code, _name in django_settings.LANGUAGES:
        for field in ("title", "lead", "place", "body"):
            data.setdefault(f"{field}_{code}", "")
    data.update(overrides)
    return data


def change_form_data(publication: Publication, **overrides) -> dict:
    """What the change form posts for ``publication`` as it is now, with ``overrides``."""
    publication.refresh_from_db()
    local = timezone.localtime(publication.published_at)
    data = publication_form_data(
        type=publication.type_id,
        published_at_0=local.strftime("%Y-%m-%d"),
        published_at_1=local.strftime("%H:%M:%S"),
        status=publication.status,
        original_language=publication.original_language,
        reference=publication.reference,
        delivery=publication.delivery,
        opened_version=publication.edit_version,
    )
    for code, _name in django_settings.LANGUAGES:
        for field in ("title", "lead", "place", "body", "withdrawal_explanation"):
            data[f"{field}_{code}"] = getattr(publication, f"{field}_{code}") or ""
    # Each translation's control as the form shows it (an outdated one reads "outdated").
    for version in publication.versions.all():
        if version.language == publication.original_language:
            continue
        state = version.status
        if state == LanguageVersion.Status.OUTDATED and version.hidden:
            state = "hidden"
        data[f"version_{version.language}"] = state
    data.update(overrides)
    return data


def material_form(kind: str, **fields) -> dict:
    """The media library's add or change form, every language's caption present."""
    data = {
        "kind": kind,
        "url": "",
        "credit": "",
        "credit_language": django_settings.LANGUAGE_CODE,  # the form's initial choice
        "language": "",
    }
    for code, _name in django_settings.LANGUAGES:
        data.setdefault(f"title_{code}", "")
        data.setdefault(f"alt_text_{code}", "")
    data.update(fields)
    return data


def upload_material(editor_client: Client, kind: str, upload=None, **fields) -> Material:
    """A material added through the admin's form, which must accept it."""
    data = material_form(kind, **fields)
    if upload is not None:
        data["file"] = upload
    response = editor_client.post("/admin/speeches/material/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Material.objects.latest("pk")


# Stored files


def stored_files(settings) -> set[Path]:
    """Every file under ``settings.MEDIA_ROOT`` (the test's own, see conftest)."""
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def gps_of(data: bytes) -> dict:
    """The GPS block of an image's EXIF: empty when the position is gone."""
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(0x8825))


# Pages


def shows_date(html: str, moment, language: str) -> bool:
    """Whether a page prints the (local) day of ``moment``, in words or as an ISO date."""
    local = timezone.localtime(moment)
    with translation.override(language):
        in_words = formats.date_format(local, "DATE_FORMAT")
    return in_words in html or local.date().isoformat() in html


# XLIFF, as agencies send it back

XLIFF_NS = {"x": xliff.NS}
XLIFF_IMPORT_URL = "/admin/speeches/publication/xliff-import/"


def export_fr(publications, user) -> bytes:
    return xliff.xliff_export(publications=publications, target_language="fr", user=user)


def translate(data: bytes, text=lambda unit_id, source: f"FR {source}") -> bytes:
    """The agency's work: every <target> is its <source>'s placeholders, as a tool copies
    them, with the words before the first one replaced by ``text(id, those words)``."""
    root = etree.fromstring(data)
    for unit in root.iterfind(".//x:trans-unit", XLIFF_NS):
        source, target = unit.find("x:source", XLIFF_NS), unit.find("x:target", XLIFF_NS)
        target[:] = [copy.deepcopy(child) for child in source]
        target.text = text(unit.get("id"), source.text or "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class Actions:
    """The actions a person takes in a browser, counted for the journey tests.

    ``Actions.watch(page)`` returns the page wrapped: every locator or keyboard reached
    through it is wrapped too, and each click, double click, fill, typed text, key press,
    tick, choice, file pick, drag or address typed (``goto``) counts one action, as a person
    would do it once. Waiting, reading and assertions count nothing. ``log`` says what each
    action was, so a failing count shows where the effort went.
    """

    COUNTED = frozenset(
        {
            "click",
            "dblclick",
            "fill",
            "type",
            "press_sequentially",
            "press",
            "check",
            "uncheck",
            "set_checked",
            "select_option",
            "set_input_files",
            "drag_to",
            "goto",
        }
    )

    def __init__(self):
        self.log: list[str] = []

    @property
    def count(self) -> int:
        return len(self.log)

    def watch(self, target):
        return _Counted(target, self)

    def since(self, mark: int) -> list[str]:
        return self.log[mark:]


class _Counted:
    def __init__(self, target, actions: Actions):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_actions", actions)

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if name in ("keyboard", "mouse"):
            return _Counted(attr, self._actions)
        if not callable(attr):
            return _Counted.wrapped(attr, self._actions)  # .first, .last
        if name in Actions.COUNTED:

            def counted(*args, **kwargs):
                self._actions.log.append(f"{name} {self._describe()} {args[:1]!r}")
                return attr(*args, **kwargs)

            return counted

        def wrapped(*args, **kwargs):
            return _Counted.wrapped(attr(*args, **kwargs), self._actions)

        return wrapped

    @staticmethod
    def wrapped(result, actions: Actions):
        from playwright.sync_api import FrameLocator, Locator, Page

        if isinstance(result, Locator | FrameLocator | Page):
            return _Counted(result, actions)
        return result

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

    def _describe(self) -> str:
        text = repr(self._target)
        return text[:120]

    def unwrap(self):
        return self._target


def form_ready(page) -> None:
    """Wait until a staff form with rich text has been built by its scripts: the language
    switch, and every rich text field inside its editor (django-prose-editor's module
    scripts run after the page is parsed; measured before, a half-built editor sticks out
    of the window)."""
    page.wait_for_selector(".language-switch")
    page.wait_for_function(
        """() => {
            const rich = (field) => field.getAttributeNames().some(
                (name) => name.startsWith("data-django-prose-editor"));
            const fields = Array.from(document.querySelectorAll("textarea")).filter(rich);
            return fields.length > 0 && fields.every((field) => field.closest(".prose-editor"));
        }"""
    )


def clipped(page) -> list[str]:
    """What a person would see cut off on a staff page (``clipped.js``): elements past the
    window's edges, a page wider than the window, buttons over the heading. Empty when the
    layout holds."""
    source = (Path(__file__).parent / "clipped.js").read_text(encoding="utf-8")
    return page.evaluate(f"({source})()")
