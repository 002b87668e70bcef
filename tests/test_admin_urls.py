"""Every admin URL, as every role: the answer the rules give, and nothing written when refused.

The URL patterns come from the admin site itself (``admin.site.get_urls()``, walked down
every include), so Django's, django-reversion's and the project's own pages are all here;
a pattern added later fails ``test_every_admin_url_has_an_expectation`` until someone
writes down below who may use it. Each pattern is requested by GET and by a POST that
would change something if it were accepted, once per publication state (or material use)
where the rights depend on it, as each role (the second publisher only where the
two-person rule matters).

The expectations are README "Roles" and the services' checks (``editing``, ``workflow``,
``translations``, ``previews``). An accepted POST must write; every GET and every refusal
must write nothing: all rows of the speeches app, of users and groups (with their
permissions), of the revision history, and the stored files, compared with the data every
case starts from (presence rows, sessions, the admin's own log and auto-updated timestamps
aside). No answer may be a 5xx.

Each role is one test; its cases run one after the other, each rolled back, and every
mismatch is reported at once. Where the code disagrees with the rules, the case is listed
in ``KNOWN_GAPS`` with what is wrong, and the test keeps failing until the code is fixed.
"""

from __future__ import annotations

import copy
import fnmatch
import functools
import inspect
import logging
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import got_request_exception
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from django.utils.regex_helper import normalize
from django_tasks_db.models import DBTaskResult
from lxml import etree
from reversion.models import Revision, Version

from speeches.editorial import editing
from speeches.identity import services as identity_services
from speeches.languages import xliff
from speeches.mailing import staff, tasks
from speeches.models import (
    LANGUAGE_CODES,
    ChangeNote,
    Country,
    Dispatch,
    EditingSession,
    FooterPage,
    Material,
    Person,
    Publication,
    PublicationMaterial,
    PublicationType,
    SiteIdentity,
    StaffNotice,
    Subscriber,
    Topic,
    TranslatorLanguage,
    WorkflowEvent,
)
from speeches.publishing import previews, services, workflow
from tests import media_files
from tests.factories import (
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
    role_group,
    sending_left,
    subscriber_following,
)
from tests.helpers import (
    XLIFF_NS,
    change_form_data,
    material_form,
    publication_form_data,
    rolled_back_at_the_end,
)

User = get_user_model()

# Roles

ROLES = (
    "anonymous",
    "author",  # group Editors
    "publisher",  # group Publishers; submitted the item in review (two-person rule)
    "second_publisher",  # group Publishers; a second person for that item (see ONLY)
    "translator",  # group Translators, German only
    "administrator",  # group Administrators (not a superuser)
    "viewer",  # staff with nothing but "view publication"
)
# Roles that matter for some URLs only, and are asked those alone.
ONLY = {"second_publisher": ("speeches_publication_transition",)}
STAFF = frozenset(ROLES[1:])
NOBODY: frozenset[str] = frozenset()
ADMINS = frozenset({"administrator"})
PUBLISHERS = frozenset({"publisher", "second_publisher", "administrator"})
NEWSROOM = PUBLISHERS | {"author"}  # create, edit drafts and items in review, submit
READERS = NEWSROOM | {"translator"}  # taxonomies, materials, change notes: at least view
AUDIT = NEWSROOM  # the audit log (translators see revisions, not the log)
NOTE_WRITERS = PUBLISHERS | {"translator"}  # change notes: authors only view them
# Footer pages go live when saved, with no review: those who may publish alone write them.
PAGE_WRITERS = PUBLISHERS

# Publication states (README "Workflow"); "scheduled" is published with a time ahead.
STATES = ("draft", "in_review", "scheduled", "published", "withdrawn", "unpublished")
# Materials by where they are used: editing one changes every item that shows it.
MATERIAL_USES = ("unused", "on_draft", "on_live")

Roles = frozenset[str] | Mapping[str, frozenset[str]]  # one set, or one per variant


def by_state(default: frozenset[str] = NOBODY, **sets: frozenset[str]) -> dict:
    return {state: frozenset(sets.get(state, default)) for state in STATES}


# README "Editing rights": authors edit drafts and items in review; live, scheduled and
# withdrawn items are edited by publishers. Unpublished ones too (workflow.can_edit: the
# unpublish permission), which the README does not mention.
EDIT = by_state(PUBLISHERS, draft=NEWSROOM, in_review=NEWSROOM)
# Translators translate their languages in any state; others translate what they may edit.
TRANSLATE_DE = {state: EDIT[state] | {"translator"} for state in STATES}
# Only items that were never public may be deleted (editing.can_delete), by publishers.
DELETABLE = by_state(draft=PUBLISHERS, in_review=PUBLISHERS)

# Expectations

LOGIN = "login"  # a redirect to the admin's login page


@dataclass(frozen=True)
class Rule:
    """Who may use one URL.

    GET serves ``get`` with ``get_ok``; a POST is accepted for ``post`` with ``post_ok``
    and must write. Everyone else is refused with ``get_refused`` / ``post_refused``, or
    with the answer ``post_soft`` gives their role (the page again with the reason, or a
    redirect with a message), and nothing is written. ``readonly`` views ignore the
    method: a POST gets the GET's answer and writes nothing.
    """

    get: Roles
    post: Roles = NOBODY
    get_ok: int = 200
    post_ok: int = 302
    get_refused: int = 403
    post_refused: int = 403
    post_soft: Mapping[int, Roles] = field(default_factory=dict)
    readonly: bool = False
    writes: bool = True  # an accepted POST writes (all but logging out)
    anonymous: tuple[int | str, int | str] = (LOGIN, LOGIN)

    def variants(self) -> tuple[str | None, ...]:
        keyed = [
            tuple(roles)
            for roles in (self.get, self.post, *self.post_soft.values())
            if isinstance(roles, Mapping)
        ]
        return keyed[0] if keyed else (None,)

    def expect(self, role: str, method: str, variant: str | None) -> tuple[int | str, bool]:
        """(status, whether it writes) for ``role`` sending ``method``."""
        if role == "anonymous":
            return self.anonymous[method == "POST"], False
        if method == "GET" or self.readonly:
            if role in members(self.get, variant):
                return self.get_ok, False
            return self.get_refused, False
        if role in members(self.post, variant):
            return self.post_ok, self.writes
        for status, roles in self.post_soft.items():
            if role in members(roles, variant):
                return status, False
        return self.post_refused, False


def members(roles: Roles, variant: str | None) -> frozenset[str]:
    return roles[variant] if isinstance(roles, Mapping) else roles


def model_urls(prefix: str, view, add, change, delete) -> dict[str, Rule]:
    """The six URLs of a Django ModelAdmin (``prefix`` "app_model"). POSTs: a bulk delete
    from the list, a new object, a changed one, a confirmed deletion."""
    route = prefix.replace("_", "/", 1) + "/"
    return {
        # Without the right to delete there is no action to choose: the list comes back.
        f"{prefix}_changelist": Rule(get=view, post=delete, post_soft={200: view}),
        f"{prefix}_add": Rule(get=add, post=add),
        f"{prefix}_history": Rule(get=view, readonly=True),
        f"{prefix}_delete": Rule(get=delete, post=delete),
        # Who may view but not change gets the read-only form, and 403 for a POST.
        f"{prefix}_change": Rule(get=view, post=change),
        # Django's old-style object URL: a redirect to the change page, for any staff.
        f"{route}<path:object_id>/": Rule(get=STAFF, get_ok=302, readonly=True),
    }


# Plain ModelAdmins: who may view, add, change, delete.
MODEL_RIGHTS = {
    # Users and groups: administrators only.
    "auth_group": (ADMINS, ADMINS, ADMINS, ADMINS),
    "auth_user": (ADMINS, ADMINS, ADMINS, ADMINS),
    # Taxonomies: authors and publishers manage them (deleting: publishers), translators view.
    "speeches_person": (READERS, NEWSROOM, NEWSROOM, PUBLISHERS),
    "speeches_topic": (READERS, NEWSROOM, NEWSROOM, PUBLISHERS),
    "speeches_country": (READERS, NEWSROOM, NEWSROOM, PUBLISHERS),
    "speeches_publicationtype": (READERS, NEWSROOM, NEWSROOM, PUBLISHERS),
    # The audit log is read-only for everyone, administrators included.
    "speeches_workflowevent": (AUDIT, NOBODY, NOBODY, NOBODY),
    # Change notes come from a major change and stay; each person writes the languages
    # they may write (the note is on a published item: authors only view it).
    "speeches_changenote": (READERS, NOBODY, NOTE_WRITERS, NOBODY),
    # The media library (translators view it; their captions are side by side); the
    # change and delete pages depend on where a material is used: see below.
    "speeches_material": (READERS, NEWSROOM, NEWSROOM, PUBLISHERS),
    # Footer pages: never deleted (a page emptied in every language leaves the footer).
    "speeches_footerpage": (PAGE_WRITERS, PAGE_WRITERS, PAGE_WRITERS, NOBODY),
}


# A transition's case whose POST leaves out the confirmation the action asks for.
UNCONFIRMED = "~unconfirmed"


def transition(allowed: frozenset[str], *sources: str, submitter: bool = False) -> Rule:
    """A workflow action: its page for whoever holds its permission; the POST accepted
    in the states it starts from (README "Workflow"); in any other state the page comes
    back with the reason and nothing changes."""
    post = by_state(**dict.fromkeys(sources, allowed))
    if submitter:
        # Two-person rule: the publisher submitted the item in review.
        post["in_review"] = post["in_review"] - {"publisher"}
    return Rule(get=allowed, post=post, post_soft={200: allowed})


EXPECTED: dict[str, Rule | dict[str, Rule]] = {
    # The admin site
    "index": Rule(get=STAFF, readonly=True),
    # Logged-in staff are sent on to the index; a wrong password is the form again.
    "login": Rule(get=STAFF, get_ok=302, post_refused=200, anonymous=(200, 200)),
    # The same page, served by the sign-in with a second step (speeches.admin.accounts).
    "staff_login": Rule(get=STAFF, get_ok=302, post_refused=200, anonymous=(200, 200)),
    # The second step needs a right password first: without one, back to the login.
    "staff_verify": Rule(get=NOBODY, get_refused=LOGIN, post_refused=LOGIN),
    # One's own authenticator: set up, new recovery codes, turn off. A wrong code is the
    # form again with its error; nobody reaches another person's.
    "staff_enrol": Rule(get=STAFF, post_soft={200: STAFF}),
    "staff_two_step": Rule(get=STAFF, post_soft={200: STAFF}),
    # Django 5 logs out by POST only; anonymous visitors are sent to the index.
    "logout": Rule(
        get=NOBODY, get_refused=405, post=STAFF, post_ok=200, writes=False, anonymous=(302, 302)
    ),
    # Everyone changes their own password (POST: the old one and a new one).
    "password_change": Rule(get=STAFF, post=STAFF),
    "password_change_done": Rule(get=STAFF, post_refused=405),
    # Speakers for the change form: whoever may view persons.
    "autocomplete": Rule(get=READERS, post_refused=405),
    "jsi18n": Rule(get=STAFF, post_refused=405),
    # The contenttypes shortcut to a published item's page: a redirect, no rights needed.
    "view_on_site": Rule(get=STAFF, get_ok=302, readonly=True),
    "app_list": {
        "auth": Rule(get=ADMINS, get_refused=404, readonly=True),
        "speeches": Rule(get=STAFF, get_refused=404, readonly=True),
        "django_tasks_database": Rule(get=ADMINS, get_refused=404, readonly=True),
    },
    "(?P<url>.*)$": Rule(get=NOBODY, get_refused=404, readonly=True),
    **{
        key: rule
        for prefix, rights in MODEL_RIGHTS.items()
        for key, rule in model_urls(prefix, *rights).items()
    },
    "auth_user_password_change": Rule(get=ADMINS, post=ADMINS),
    # The site identity: one row, the administrators' alone; its list leads to it, and it
    # is never added (it is changed from its defaults) nor deleted.
    "speeches_siteidentity_changelist": Rule(get=ADMINS, get_ok=302, readonly=True),
    "speeches_siteidentity_add": Rule(get=NOBODY, post=NOBODY),
    "speeches_siteidentity_history": Rule(get=ADMINS, readonly=True),
    "speeches_siteidentity_delete": Rule(get=NOBODY, post=NOBODY),
    "speeches_siteidentity_change": Rule(get=ADMINS, post=ADMINS),
    "speeches/siteidentity/<path:object_id>/": Rule(get=STAFF, get_ok=302, readonly=True),
    # A material on a live item is a publisher's to change (editing.can_change_material).
    "speeches_material_change": Rule(
        get=READERS, post={"unused": NEWSROOM, "on_draft": NEWSROOM, "on_live": PUBLISHERS}
    ),
    # A material in use cannot be deleted (PROTECT): the page says so.
    "speeches_material_delete": Rule(
        get=dict.fromkeys(MATERIAL_USES, PUBLISHERS),
        post={"unused": PUBLISHERS, "on_draft": NOBODY, "on_live": NOBODY},
        post_soft={200: PUBLISHERS},
    ),
    # Several files at once (editorial.library): whoever may add materials; the page
    # without a script, and the same address answering the script in JSON. A post whose
    # every file is accepted leads to the list of the new materials.
    "speeches_material_upload": Rule(get=NEWSROOM, post=NEWSROOM),
    # Publications
    "speeches_publication_changelist": Rule(
        get=STAFF,
        # Bulk delete: only never-public items, by publishers (403 for the others). Without
        # the delete action the choice is unknown ("No action selected"); the viewer has
        # no action at all.
        post=DELETABLE,
        post_soft={302: frozenset({"author", "translator"}), 200: frozenset({"viewer"})},
    ),
    "speeches_publication_add": Rule(get=NEWSROOM, post=NEWSROOM),
    "speeches_publication_change": Rule(get=STAFF, post=EDIT),
    "speeches_publication_delete": Rule(get=DELETABLE, post=DELETABLE),
    "speeches_publication_history": Rule(get=STAFF, readonly=True),
    "speeches/publication/<path:object_id>/": Rule(get=STAFF, get_ok=302, readonly=True),
    "speeches_publication_compare": Rule(get=STAFF, readonly=True),
    "speeches_publication_revision": {
        # Restoring follows the rights of an edit, language by language. The page is for
        # everyone who sees the history; the translator's form offers German only.
        "all": Rule(get=STAFF, post=EDIT, post_soft={200: frozenset({"translator"})}),
        "de": Rule(get=STAFF, post=TRANSLATE_DE),
    },
    # django-reversion's "recover deleted": never offered (deleted drafts stay deleted).
    "speeches_publication_recoverlist": Rule(get=NOBODY, get_refused=404, readonly=True),
    "speeches_publication_recover": Rule(get=NOBODY, get_refused=404, readonly=True),
    "speeches_publication_transition": {
        "submit": transition(NEWSROOM, "draft"),
        "publish": transition(PUBLISHERS, "in_review", submitter=True),
        # The two-person rule guards publishing only: a publisher may send back (or later
        # unschedule) an item they submitted (workflow.blocked_by_two_person_rule).
        "send_back": transition(PUBLISHERS, "in_review"),
        "force_publish": transition(PUBLISHERS, "draft", "in_review"),
        # Without its confirmation ("I publish this without a second person's review"),
        # the page comes back with the box to tick, in every state, and nothing changes.
        f"force_publish{UNCONFIRMED}": Rule(
            get=PUBLISHERS, post=by_state(), post_soft={200: PUBLISHERS}
        ),
        "unschedule": transition(PUBLISHERS, "scheduled"),
        "withdraw": transition(PUBLISHERS, "published"),
        "unpublish": transition(PUBLISHERS, "published", "withdrawn"),
        # The home page's featured story: publishers choose it among what readers see or
        # will see; no item of the fixture is featured, so "stop featuring" is refused.
        "feature": transition(PUBLISHERS, "published", "scheduled"),
        "unfeature": transition(PUBLISHERS),
        "no-such-action": Rule(get=NOBODY, get_refused=404, post_refused=404),
    },
    "speeches_publication_translate": {
        "de": Rule(get=TRANSLATE_DE, post=TRANSLATE_DE),
        "fr": Rule(get=EDIT, post=EDIT),  # not the translator's language
        # The original is edited in the change form, never side by side.
        "en": Rule(get=NOBODY, post=NOBODY),
        "xx": Rule(get=NOBODY, get_refused=404, post_refused=404),
    },
    "speeches_publication_translations": Rule(get=STAFF, readonly=True),
    # Translators and editors import; each file part is checked against can_translate,
    # and a refusal is the page again listing the problem, with nothing saved.
    "speeches_publication_xliff_import": Rule(
        get=READERS, post=TRANSLATE_DE, post_soft={200: READERS}
    ),
    # Preview links: by POST only, by whoever may edit the item, while readers cannot see
    # it yet; for a visible (or unpublished) item the change page says why not.
    "speeches_publication_preview_link_create": Rule(
        get=NOBODY,
        get_refused=405,
        post=by_state(**{state: EDIT[state] for state in ("draft", "in_review", "scheduled")}),
        post_soft={302: by_state(**dict.fromkeys(STATES[3:], PUBLISHERS))},
    ),
    "speeches_publication_preview_link_revoke": Rule(get=NOBODY, get_refused=405, post=EDIT),
    # Presence: the change form's heartbeat counts only who may edit the item; leaving is
    # for whoever may see it (an author whose draft went out meanwhile still leaves).
    # Presence rows are not compared: an accepted heartbeat writes nothing else.
    "speeches_publication_presence": Rule(
        get=NOBODY, get_refused=405, post=EDIT, post_ok=200, writes=False
    ),
    "speeches_publication_presence_leave": Rule(
        get=NOBODY, get_refused=405, post=STAFF, post_ok=200, writes=False
    ),
    # Readers' email (speeches.mailing.admin). Addresses are personal data: publishers and
    # administrators see them (0033); nobody adds or changes one (readers own their
    # choices); administrators alone delete one, through subscribing.subscriber_delete.
    **model_urls("speeches_subscriber", PUBLISHERS, NOBODY, NOBODY, ADMINS),
    "speeches_subscriber_overview": Rule(get=PUBLISHERS, readonly=True),
    # Sendings are read-only; their list's one action is the retry, so a bulk delete is
    # "No action selected" and back to the list.
    **model_urls("speeches_dispatch", PUBLISHERS, NOBODY, NOBODY, NOBODY),
    "speeches_dispatch_changelist": Rule(get=PUBLISHERS, post_soft={302: PUBLISHERS}),
    # Retry failed and unconfirmed: a POST, by who may change a sending
    # (sending.dispatch_retry checks it); the fixture's sending has failures to retry.
    "speeches_dispatch_retry": Rule(get=NOBODY, get_refused=405, post=PUBLISHERS),
    # Each person's own notification settings, and marking their own notices read (the
    # fixture gives everyone an unread one).
    "notification_settings": Rule(get=STAFF, post=STAFF),
    "notices_read": Rule(get=NOBODY, get_refused=405, post=STAFF),
    # django-tasks' own admin of the background tasks' results: read-only (its admin
    # refuses adding, changing and deleting), for administrators (0034) and superusers.
    "django_tasks_database_dbtaskresult_changelist": Rule(get=ADMINS, post_soft={200: ADMINS}),
    "django_tasks_database_dbtaskresult_add": Rule(get=NOBODY, post=NOBODY),
    "django_tasks_database_dbtaskresult_history": Rule(get=ADMINS, readonly=True),
    "django_tasks_database_dbtaskresult_delete": Rule(get=NOBODY, post=NOBODY),
    "django_tasks_database_dbtaskresult_change": Rule(get=ADMINS, post=NOBODY),
    "django_tasks_database/dbtaskresult/<path:object_id>/": Rule(
        get=STAFF, get_ok=302, readonly=True
    ),
}


@dataclass(frozen=True)
class Gap:
    """Where the code disagrees with the rules above: the matching cases (a pattern over
    case names) with ``method`` as any of ``roles``, on ``database`` (a vendor, or every
    database when empty). The test fails on each until the code is fixed."""

    cases: str
    method: str
    roles: frozenset[str]
    database: str
    why: str

    def covers(self, case: Case, method: str, role: str) -> bool:
        return (
            fnmatch.fnmatchcase(str(case), self.cases)
            and method == self.method
            and role in self.roles
            and self.database in ("", connection.vendor)
        )


KNOWN_GAPS: list[Gap] = []


# The admin's URL patterns


@dataclass(frozen=True)
class AdminUrl:
    key: str  # the pattern's name, or its full route when it has none
    pattern: URLPattern
    prefix: str  # the routes of the includes above it
    model: type | None  # the ModelAdmin's model, for the patterns of one
    parameters: tuple[str, ...]


def admin_urls() -> dict[str, AdminUrl]:
    """Every pattern ``admin.site`` serves, libraries' included, walked down each include."""
    models = {f"{m._meta.app_label}/{m._meta.model_name}/": m for m in admin.site._registry}
    found: dict[str, AdminUrl] = {}

    def walk(patterns, prefix: str, model) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                route = str(entry.pattern)
                walk(entry.url_patterns, prefix + route, models.get(route, model))
                continue
            key = entry.name or (prefix + str(entry.pattern)).removeprefix("admin/")
            assert key not in found, f"Two admin URL patterns are both called {key}"
            found[key] = AdminUrl(key, entry, prefix, model, parameters(entry))

    # admin.site's patterns, and the project's own pages under /admin/ beside them (the
    # staff sign-in's second step, "Two-step verification").
    for entry in get_resolver().url_patterns:
        route = str(entry.pattern)
        if not route.startswith("admin/"):
            continue
        if isinstance(entry, URLResolver):
            walk(entry.url_patterns, route, None)
        else:
            found[entry.name] = AdminUrl(entry.name, entry, "", None, parameters(entry))
    return found


def parameters(pattern: URLPattern) -> tuple[str, ...]:
    if isinstance(pattern.pattern, RoutePattern):
        return tuple(pattern.pattern.converters)
    regex = pattern.pattern.regex
    if regex.groupindex:
        return tuple(regex.groupindex)
    # Positional groups (django-reversion's patterns): named by the view's own parameters.
    names = [name for name in inspect.signature(pattern.callback).parameters if name != "request"]
    return tuple(names[: regex.groups])


def address(url: AdminUrl, values: Mapping[str, object]) -> str:
    """The pattern's path, its parameters filled in from ``values`` by name."""
    if isinstance(url.pattern.pattern, RoutePattern):
        route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m[1]]), str(url.pattern.pattern))
    else:
        template, names = normalize(url.pattern.pattern.regex.pattern)[0]
        route = template % {
            name: values[url.parameters[int(name[1:])] if name.startswith("_") else name]
            for name in names
        }
    return "/" + url.prefix + route


@dataclass(frozen=True)
class Case:
    key: str
    sub: str | None  # a transition, a language, a set of restore groups, an app
    variant: str | None  # a publication state or a material's use, where rights differ

    def __str__(self) -> str:
        sub = f"[{self.sub}]" if self.sub else ""
        return f"{self.key}{sub}" + (f"@{self.variant}" if self.variant else "")


def rules() -> dict[Case, Rule]:
    found = {}
    for key, entry in EXPECTED.items():
        for sub, rule in entry.items() if isinstance(entry, dict) else [(None, entry)]:
            for variant in rule.variants():
                found[Case(key, sub, variant)] = rule
    return found


# The data every case starts from


PASSWORD = "correct horse battery staple"  # UserFactory's
NEW_PASSWORD = "A quite different horse 2026"


@dataclass
class World:
    users: dict[str, User]
    publications: dict[str, Publication]  # by state
    links: dict[str, object]  # a preview link's id, by state
    agency_files: dict[str, bytes]  # XLIFF of each state's item, translated into German
    materials: dict[str, Material]  # by use
    objects: dict[type, object]  # one of each other model, by model

    def object_for(self, model, variant: str | None):
        if model is Publication or model is None:
            return self.publications[variant or "published"]
        if model is Material:
            return self.materials[variant or "unused"]
        return self.objects[model]

    def versions(self, state: str | None) -> list[Version]:
        publication = self.publications[state or "published"]
        return list(Version.objects.get_for_object(publication).order_by("pk"))


def build_world() -> World:
    users = {
        "author": UserFactory(username="author", is_staff=True, groups=["Editors"]),
        "publisher": UserFactory(username="publisher", is_staff=True, groups=["Publishers"]),
        "second_publisher": UserFactory(username="boris", is_staff=True, groups=["Publishers"]),
        "translator": UserFactory(username="hans", is_staff=True, groups=["Translators"]),
        "administrator": UserFactory(
            username="administrator", is_staff=True, groups=["Administrators"]
        ),
        "viewer": UserFactory(username="viewer", is_staff=True),
    }
    TranslatorLanguage.objects.create(user=users["translator"], language="de")
    users["viewer"].user_permissions.add(
        Permission.objects.get(content_type__app_label="speeches", codename="view_publication")
    )
    links = {}
    publications = {}
    for state in STATES:
        publications[state], links[state] = publication_in(state, users)
    workflow.publication_record_major_change(
        publication=publications["published"], user=users["publisher"], note="Date corrected."
    )
    materials = {
        use: services.material_save(
            material=Material(kind=Material.Kind.LINK, url=f"https://example.org/{use}"),
            user=users["author"],
        )
        for use in MATERIAL_USES
    }
    PublicationMaterial.objects.create(
        publication=PublicationFactory(status=Publication.Status.DRAFT),
        material=materials["on_draft"],
    )
    PublicationMaterial.objects.create(
        publication=PublicationFactory(), material=materials["on_live"]
    )
    country = Country(code="NO")
    services.country_fill_names(country=country).save()
    # Email: a reader, a sending with a failure to retry, a task's result, and an unread
    # notice for everyone.
    readers = [subscriber_following(f"reader{n}@example.org") for n in range(2)]
    sending = sending_left(publications["published"], sent=readers[:1], failed=readers[1:])
    staff.notify(
        users.values(), kind=StaffNotice.Kind.PUBLISHED, publication=publications["published"]
    )
    task_result = DBTaskResult.objects.get(id=tasks.send_staff_notice.enqueue(0).id)
    objects = {
        SiteIdentity: identity_services.identity_save(
            identity=SiteIdentity(
                name_en="Ministry", emblem=ContentFile(media_files.png_bytes(), name="e.png")
            ),
            user=None,
        ),
        FooterPage: identity_services.footer_page_save(
            page=FooterPage(kind="about", title_en="About", content_en="<p>Us.</p>"), user=None
        ),
        Group: Group.objects.create(name="Guests"),
        User: users["translator"],
        Person: PersonFactory(),
        Topic: TopicFactory(),
        Country: country,
        PublicationType: PublicationType.objects.create(
            code="note", name_en="Note", plural_name_en="Notes"
        ),
        WorkflowEvent: publications["published"].events.first(),
        ChangeNote: ChangeNote.objects.get(publication=publications["published"]),
        Subscriber: readers[0],
        Dispatch: sending,
        DBTaskResult: task_result,
    }
    agency_files = {
        state: agency_file(publication, users["administrator"])
        for state, publication in publications.items()
    }
    for publication in publications.values():
        publication.refresh_from_db()
    return World(users, publications, links, agency_files, materials, objects)


def publication_in(state: str, users: dict) -> tuple[Publication, object]:
    """An English item with a German translation in ``state``, with a preview link and a
    newer text than its first revision (in English, German and the shared details), so
    that a restore has something to put back."""
    author, publisher = users["author"], users["publisher"]
    fields = {}
    if state == "scheduled":
        fields["published_at"] = timezone.now() + timedelta(days=3)
    publication = PublicationFactory(
        status=Publication.Status.DRAFT, languages=("en", "de"), **fields
    )
    publication.title_en = f"The {state} item"
    publication.title_de = f"Der Artikel ({state})"
    publication.reference = f"REF-{state}"
    editing.publication_edit(
        publication=publication,
        user=author,
        expected_version=publication.edit_version,
        data=editing.EditInput(),
    )
    link = previews.preview_link_create(publication=publication, user=author)
    if state == "draft":
        return publication, link.pk
    # The publisher submits the item in review: the second publisher must publish it.
    submitter = publisher if state == "in_review" else author
    workflow.publication_submit(publication=publication, user=submitter)
    if state == "in_review":
        return publication, link.pk
    workflow.publication_publish(publication=publication, user=publisher)
    if state in ("withdrawn", "unpublished"):
        workflow.publication_withdraw(
            publication=publication, user=publisher, explanation="The figures were wrong."
        )
    if state == "unpublished":
        workflow.publication_unpublish(publication=publication, user=publisher, reason="Wrong.")
    return publication, link.pk


def agency_file(publication: Publication, user) -> bytes:
    """What an agency sends back: the item's German XLIFF with every target filled."""
    data = xliff.xliff_export(publications=[publication], target_language="de", user=user)
    root = etree.fromstring(data)
    for unit in root.iterfind(".//x:trans-unit", XLIFF_NS):
        unit.find("x:target", XLIFF_NS).text = "DE " + unit.find("x:source", XLIFF_NS).text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def parameter(name: str, url: AdminUrl, case: Case, world: World):
    """The value of a URL parameter, by its name, from the case and the fixture objects."""
    match name:
        case "object_id":
            return world.object_for(url.model, case.variant).pk
        case "version_id":  # the item's first revision: a restore puts its text back
            return world.versions(case.variant)[0].pk
        case "name":
            return case.sub.removesuffix(UNCONFIRMED)
        case "language" | "app_label":
            return case.sub
        case "link_id":
            return world.links[case.variant or "published"]
        case "id":  # auth/user/<id>/password/
            return world.objects[User].pk
        case "content_type_id":
            return ContentType.objects.get_for_model(Publication).pk
        case "url":
            return "no-such-page/"
    raise AssertionError(f"No value for the parameter {name!r} of {url.key}: add one here.")


# What each URL is sent: a query string for GET and POST, and a POST body that would
# change something if it were accepted.


def bulk_delete(obj) -> dict:
    return {"action": "delete_selected", ACTION_CHECKBOX_NAME: [obj.pk], "post": "yes"}


def all_permissions() -> list[int]:
    return list(Permission.objects.values_list("pk", flat=True))


def user_form(user) -> dict:
    """The user's change form, now also making them an administrator."""
    joined = timezone.localtime(user.date_joined)
    languages = list(user.translator_languages.all())
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": "",
        "last_name": "",
        "is_active": "on",
        "is_staff": "on",
        "groups": [*user.groups.values_list("pk", flat=True), role_group("Administrators").pk],
        "date_joined_0": joined.strftime("%Y-%m-%d"),
        "date_joined_1": joined.strftime("%H:%M:%S"),
        "translator_languages-TOTAL_FORMS": str(len(languages)),
        "translator_languages-INITIAL_FORMS": str(len(languages)),
    }
    for index, row in enumerate(languages):
        data[f"translator_languages-{index}-id"] = row.pk
        data[f"translator_languages-{index}-user"] = user.pk
        data[f"translator_languages-{index}-language"] = row.language
    return data


def object_form(model, obj=None) -> dict:
    """A new object of ``model`` (``obj`` None), or ``obj`` with a changed name or text."""
    name = {"name_en": "A name nobody approved"}
    if model is Person:
        return name
    if model is Topic:
        return {**name, "slug": obj.slug if obj else "crafted"}
    if model is Country:
        return {**name, "code": obj.code if obj else "JP"}
    if model is PublicationType:
        code = obj.code if obj else "crafted"
        return {**name, "plural_name_en": "Names", "code": code, "position": 9}
    if model is Group:
        return {"name": obj.name if obj else "Crafted", "permissions": all_permissions()}
    if model is Material:
        return material_form("link", url="https://example.org/crafted", title_en="Crafted")
    if model is SiteIdentity:
        # No new emblem: an accepted upload's file would outlive the case's rollback (the
        # upload itself is tested in test_identity.py).
        return {
            "name_en": "A ministry nobody approved",
            "primary_colour": "#0b4f8a",
            "secondary_colour": "#1d3557",
        }
    if model is FooterPage:
        return {
            "kind": obj.kind if obj else "privacy",
            "title_en": "A page nobody approved",
            "content_en": "<p>Forged.</p>",
        }
    if model is WorkflowEvent:
        event = obj or WorkflowEvent.objects.first()
        return {"reason": "Forged", "action": "publish", "publication": event.publication_id}
    if model is ChangeNote:
        texts = {f"text_{code}": obj.text_in(code) if obj else "" for code in LANGUAGE_CODES}
        return {**texts, "text_en": "Forged note", "text_de": "Neue Notiz"}
    if model is Subscriber:
        return {"email": "forged@example.org", "language": "en"}
    if model is Dispatch:
        return {"status": "sent", "recipients": 0}
    if model is DBTaskResult:
        return {"status": "SUCCESSFUL"}
    raise AssertionError(f"No form data for {model.__name__}: add it here.")


def post_body(url: AdminUrl, case: Case, world: World) -> dict:
    obj = world.object_for(url.model, case.variant) if url.model else None
    suffix = url.key.rsplit("_", 1)[-1]
    key = url.key
    if key in {"login", "staff_login"}:
        return {"username": "author", "password": "not the password"}
    if key in {"staff_verify", "staff_enrol", "staff_two_step"}:
        return {"code": "123456", "action": "turn_off"}
    if key == "password_change":
        return {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        }
    if key == "auth_user_password_change":
        return {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    if key == "auth_user_add":
        return {
            "username": "newcomer",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "translator_languages-TOTAL_FORMS": "0",
            "translator_languages-INITIAL_FORMS": "0",
        }
    if key == "auth_user_change":
        return user_form(obj)
    if key == "speeches_publication_add":
        return publication_form_data(title_en="A publication nobody approved")
    if key == "speeches_publication_change":
        return change_form_data(obj, title_en="A title nobody approved")
    if key == "speeches_publication_revision":
        # Every group the fixture's newer text differs in (publication_in).
        groups = ["en", "de", "details"] if case.sub == "all" else [case.sub]
        return {"opened_version": obj.edit_version, "groups": groups}
    if key == "speeches_publication_transition":
        if case.sub.endswith(UNCONFIRMED):
            return {"reason": "A reason typed in the form"}
        return {"reason": "A reason typed in the form", "confirmed": "on"}
    if key == "speeches_publication_translate":
        return {
            "opened_version": obj.edit_version,
            "title": "Ein Titel, den niemand freigab",
            "lead": "",
            "place": "",
            "block_0": "Ein Absatz.",
        }
    if key in ("speeches_publication_presence", "speeches_publication_presence_leave"):
        return {"token": "a" * 32}
    if key == "speeches_material_upload":
        return {"files": SimpleUploadedFile("photo.png", media_files.png_bytes(), "image/png")}
    if key == "notification_settings":
        return {"how": "admin", "language": "ru"}
    if key == "speeches_publication_xliff_import":
        data = world.agency_files[case.variant]
        return {"file": SimpleUploadedFile("agency.xlf", data, "application/xliff+xml")}
    if suffix == "changelist" and url.model is not None:
        return bulk_delete(obj)
    if suffix == "delete":
        return {"post": "yes"}
    if suffix in ("add", "change") and url.model is not None:
        return object_form(url.model, obj if suffix == "change" else None)
    return {}


def query(url: AdminUrl, case: Case, world: World) -> str:
    if url.key == "speeches_publication_compare":
        versions = world.versions(case.variant)
        return f"?a={versions[0].pk}&b={versions[-1].pk}"
    if url.key == "autocomplete":
        return "?app_label=speeches&model_name=publication&field_name=speakers&term=Person"
    return ""


# What a refused request must leave as it was


@functools.cache
def snapshot_queries() -> tuple[tuple[str, str], ...]:
    """One plain SELECT per compared table (the ORM's overhead, times every request of
    every case, would double the run time)."""
    models = [
        *apps.get_app_config("speeches").get_models(include_auto_created=True),
        *apps.get_app_config("auth").get_models(include_auto_created=True),
        Revision,
        Version,
    ]
    # Presence rows ("… opened this publication") are written by every change-form visit;
    # permissions come from migrations, and no admin page writes them.
    skipped = (EditingSession, Permission)
    quote = connection.ops.quote_name
    queries = []
    for model in models:
        if model in skipped:
            continue
        columns = [
            quote(f.column)
            for f in model._meta.concrete_fields
            if not getattr(f, "auto_now", False) and f.attname != "last_login"
        ]
        pk = quote(model._meta.pk.column)
        table = quote(model._meta.db_table)
        sql = f"SELECT {pk}, {', '.join(columns)} FROM {table}"
        queries.append((model._meta.label, sql))
    return tuple(queries)


def snapshot() -> dict[str, dict]:
    """Every row of the compared tables by primary key, minus auto-updated timestamps,
    and the stored files."""
    found = {}
    with connection.cursor() as cursor:
        for label, sql in snapshot_queries():
            cursor.execute(sql)
            found[label] = {row[0]: row for row in cursor.fetchall()}
    root = Path(settings.MEDIA_ROOT)
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []
    found["files"] = {name: name for name in files}
    return found


def differences(before: dict, after: dict) -> list[str]:
    """What was written, per table: rows added, removed and changed."""
    found = []
    for table, rows in after.items():
        old = before[table]
        added = len(rows.keys() - old.keys())
        removed = len(old.keys() - rows.keys())
        changed = sum(1 for pk in rows.keys() & old.keys() if rows[pk] != old[pk])
        if added or removed or changed:
            found.append(f"{table} +{added} -{removed} ~{changed}")
    return found


# The tests


@pytest.mark.django_db
def test_every_admin_url_has_an_expectation():
    """A URL added to the admin fails here until its rule is written into EXPECTED."""
    served, expected = set(admin_urls()), set(EXPECTED)
    missing, gone = sorted(served - expected), sorted(expected - served)
    if missing or gone:
        pytest.fail(
            f"Admin URL patterns without an expectation in EXPECTED: {missing}\n"
            f"Expectations in EXPECTED for URL patterns the admin no longer has: {gone}",
            pytrace=False,
        )


@dataclass
class Mismatch:
    case: Case
    method: str
    role: str
    detail: str

    def gaps(self) -> list[Gap]:
        return [gap for gap in KNOWN_GAPS if gap.covers(self.case, self.method, self.role)]

    def __str__(self) -> str:
        return f"{self.case} {self.method}: {self.detail}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the roles' tests, rolled back after the last: every request of every
    case is rolled back anyway, and each test runs in a savepoint of its own."""
    with rolled_back_at_the_end(django_db_blocker, tmp_path_factory.mktemp("world-media")):
        yield build_world()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_admin_url_answers_each_role_as_the_rules_say(role, world, caplog):
    # Hundreds of refusals are expected: keep only server errors in the log.
    caplog.set_level(logging.ERROR, logger="django.request")
    urls = admin_urls()
    cookies = SimpleCookie()
    if role != "anonymous":
        login = Client()
        login.force_login(world.users[role])
        cookies = login.cookies
    raised: list[BaseException] = []

    def record(sender, **kwargs):
        raised.append(sys.exc_info()[1])

    got_request_exception.connect(record)
    mismatches = []
    checked = []
    baseline = snapshot()  # every case is rolled back to it
    try:
        for case, rule in rules().items():
            url = urls.get(case.key)
            if url is None or case.key not in ONLY.get(role, (case.key,)):
                continue  # a missing URL is test_every_admin_url_has_an_expectation's
            values = {name: parameter(name, url, case, world) for name in url.parameters}
            path = address(url, values) + query(url, case, world)
            for method in ("GET", "POST"):
                status, writes = rule.expect(role, method, case.variant)
                raised.clear()
                answer, written = request(method, path, url, case, world, cookies, baseline)
                problem = judge(answer, written, status, writes)
                if raised:
                    problem += f"; raised {raised[0]!r}"
                if problem:
                    mismatches.append(Mismatch(case, method, role, problem))
                checked.append((case, method))
    finally:
        got_request_exception.disconnect(record)

    # A gap that matches cases of this role but none of its mismatches is closed.
    closed = [
        gap
        for gap in KNOWN_GAPS
        if any(gap.covers(case, method, role) for case, method in checked)
        and not any(gap in m.gaps() for m in mismatches)
    ]
    if mismatches or closed:
        pytest.fail(report(role, len(checked), mismatches, closed), pytrace=False)


def report(role: str, requests: int, mismatches: list[Mismatch], closed: list[Gap]) -> str:
    lines = [f"{len(mismatches)} of {requests} answers to the {role} differ from the rules."]
    unknown = [m for m in mismatches if not m.gaps()]
    if unknown:
        lines.append("Not in KNOWN_GAPS:")
        lines += [f"  {m}" for m in unknown]
    for gap in KNOWN_GAPS:
        known = [m for m in mismatches if gap in m.gaps()]
        if known:
            lines.append(f"Known gap: {gap.why}")
            lines += [f"  {m}" for m in known]
    lines += [f"Closed, remove from KNOWN_GAPS: {gap.cases} {gap.method}" for gap in closed]
    return "\n".join(lines)


def request(method, path, url, case, world, cookies, baseline):
    """Send one request in a transaction that is rolled back; what came back and what
    it wrote."""
    client = Client(raise_request_exception=False)
    client.cookies = copy.deepcopy(cookies)
    with transaction.atomic():
        if method == "GET":
            answer = client.get(path)
        else:
            answer = client.post(path, post_body(url, case, world))
        try:
            with transaction.atomic():
                written = differences(baseline, snapshot())
        except DatabaseError as error:
            written = [f"the database could not be read afterwards: {error}"]
        transaction.set_rollback(True)
    forget_files(baseline)
    return answer, written


def forget_files(baseline: dict) -> None:
    """Remove the files an accepted upload stored: the rows naming them were rolled back,
    and the next case must start from the baseline's files."""
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return
    added = [p for p in root.rglob("*") if str(p.relative_to(root)) not in baseline["files"]]
    for path in sorted(added, key=lambda p: len(p.parts), reverse=True):  # files, then folders
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink()


def judge(answer, written: list[str], status: int | str, writes: bool) -> str:
    """What is wrong with ``answer``, or ""."""
    got = answer.status_code
    problems = []
    if status == LOGIN:
        location = answer.get("Location", "")
        if got != 302 or not location.startswith(reverse("admin:login")):
            problems.append(f"got {got} {location}, expected a redirect to the login page")
    elif got != status:
        problems.append(f"got {got}, expected {status}")
    if got >= 500:
        problems.append("a server error")
    if writes and not written:
        problems.append("nothing written, expected a write")
    if not writes and written:
        problems.append("wrote " + ", ".join(written))
    return "; ".join(problems)
