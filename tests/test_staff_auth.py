"""Staff sign-in: lockout after wrong passwords, the second factor, session limits, and
the security log (speeches.accounts.signin, speeches.admin.accounts,
speeches.accounts.security_log).

Everything goes through the real sign-in pages with the test client: django-axes'
database handler, django-otp's devices and TOTP arithmetic, Django's sessions.
"""

from __future__ import annotations

import json
import logging
import re
import time
from io import StringIO
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.db.models import F
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speeches.accounts import signin
from speeches.publishing import workflow
from tests.factories import UserFactory, publication_in_state

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True


class Events(logging.Handler):
    """The security log's records, formatted as the site formats them (JSON)."""

    def __init__(self):
        super().__init__()
        configured = logging.getLogger("pressoffice.security").handlers[0]
        self.setFormatter(configured.formatter)
        self.lines: list[dict] = []

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))

    def named(self, event):
        return [line for line in self.lines if line["event"] == event]


@pytest.fixture
def events():
    handler = Events()
    logger = logging.getLogger("pressoffice.security")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def current_code(device: TOTPDevice) -> str:
    """What the person's phone shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def next_time_step(device: TOTPDevice) -> None:
    """As if 30 seconds had passed: a TOTP code is accepted once per time step."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()


def enrol(client, username) -> tuple[TOTPDevice, list[str]]:
    """Sign in as someone who must set up a second factor, and set it up."""
    response = sign_in(client, username)
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/two-step/"
    page = client.get("/admin/login/two-step/")
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)
    done = client.post("/admin/login/two-step/", {"code": current_code(device)})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    return device, codes


# Throttling ----------------------------------------------------------------------------


def test_the_61st_wrong_password_is_throttled_and_then_even_the_right_one(client, editor, events):
    answers = [sign_in(client, "editor", f"wrong-{n}").status_code for n in range(61)]
    assert answers[0] == 200  # the form again, with its error
    assert answers[60] == 429
    limit = answers.index(429)
    assert limit <= 10
    assert set(answers[limit:]) == {429}
    refused = sign_in(client, "editor")
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in refused.content.decode()
    assert not signed_in(client)
    assert events.named("lockout")
    assert len(events.named("login_failed")) >= 61
    assert events.named("login_failed")[0]["username"] == "editor"


def test_lockout_is_per_user_name_from_any_address(client, editor):
    for n in range(10):
        sign_in(client, "editor", "wrong", REMOTE_ADDR=f"198.51.100.{n}")
    assert sign_in(Client(), "editor", REMOTE_ADDR="203.0.113.7").status_code == 429


def test_lockout_is_per_address_for_any_user_name(client, editor, translator):
    for n in range(10):
        sign_in(client, f"nobody-{n}", "wrong", REMOTE_ADDR="198.51.100.1")
    assert sign_in(Client(), "translator", REMOTE_ADDR="198.51.100.1").status_code == 429
    assert sign_in(Client(), "editor", REMOTE_ADDR="198.51.100.2").status_code == 302


def test_a_spoofed_forwarded_for_does_not_escape_the_address_lockout(client, settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(10):
        sign_in(
            client,
            f"nobody-{n}",
            "wrong",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.9",
        )
    attempts = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert attempts == {"198.51.100.9"}


def test_signing_in_to_ones_own_account_does_not_reset_the_guesses(client, editor, translator):
    """An insider alternating guesses at a colleague's password with their own sign-in."""
    for _ in range(9):
        sign_in(client, "editor", "wrong")
    assert sign_in(Client(), "translator").status_code == 302
    assert sign_in(client, "editor", "wrong").status_code == 429
    assert sign_in(client, "editor").status_code == 429


def test_failures_expire_after_the_lockout_time(client, editor, settings):
    for _ in range(10):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor").status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME)
    assert sign_in(client, "editor").status_code == 302


# The second factor ----------------------------------------------------------------------


def test_a_publisher_without_a_second_factor_cannot_reach_the_admin(required, client, publisher):
    response = sign_in(client, "publisher")
    assert response["Location"] == "/admin/login/two-step/"
    assert not signed_in(client)
    for url in ("/admin/", "/admin/speeches/publication/", "/en/preview/1/"):
        answer = client.get(url)
        assert answer.status_code == 302 and answer["Location"].startswith(LOGIN), url


def test_a_session_without_the_second_factor_is_ended(required, client, publisher):
    """A session made some other way (before enforcement, a reset phone) is not enough."""
    client.force_login(publisher)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not signed_in(client)


def test_a_publisher_enrols_on_the_way_in_then_needs_the_code(required, client, publisher):
    device, codes = enrol(client, "publisher")
    assert signed_in(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")

    response = sign_in(client, "publisher")
    assert response["Location"] == "/admin/login/verify/"
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302
    wrong = client.post("/admin/login/verify/", {"code": "000000"})
    assert "This code is not right" in wrong.content.decode()
    assert not signed_in(client)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    StaticDevice.objects.filter(user=publisher).update(throttling_failure_count=0)
    next_time_step(device)
    done = client.post("/admin/login/verify/", {"code": current_code(device)})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(required, client, publisher, events):
    _device, codes = enrol(client, "publisher")
    client.post("/admin/logout/")
    sign_in(client, "publisher")
    done = client.post("/admin/login/verify/", {"code": codes[0].upper()})
    assert done.status_code == 302
    assert signin.recovery_codes_left(publisher) == 9
    assert events.named("recovery_code_used")[0]["codes_left"] == 9
    client.post("/admin/logout/")
    sign_in(client, "publisher")
    StaticDevice.objects.filter(user=publisher).update(throttling_failure_count=0)
    again = client.post("/admin/login/verify/", {"code": codes[0]})
    assert again.status_code == 200
    assert not signed_in(client)


def test_wrong_codes_end_the_half_way_sign_in_and_count_towards_the_lockout(
    required, client, publisher, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    enrol(client, "publisher")
    client.post("/admin/logout/")
    sign_in(client, "publisher")
    answers = [
        client.post("/admin/login/verify/", {"code": "123456"}).status_code
        for _ in range(signin.PENDING_MAX_TRIES)
    ]
    assert answers[-1] == 302  # back to the password
    assert client.get("/admin/login/verify/")["Location"] == LOGIN
    attempt = AccessAttempt.objects.get(username="publisher")
    assert attempt.failures_since_start == signin.PENDING_MAX_TRIES


def test_an_expired_half_way_sign_in_must_start_again(required, client, publisher):
    enrol(client, "publisher")
    client.post("/admin/logout/")
    sign_in(client, "publisher")
    session = client.session
    session[signin.PENDING]["since"] -= signin.PENDING_SECONDS + 1
    session.save()
    assert client.get("/admin/login/verify/")["Location"] == LOGIN


def test_an_editor_signs_in_with_the_password_alone_and_may_opt_in(required, client, editor):
    assert sign_in(client, "editor")["Location"] == "/admin/"
    assert signed_in(client)
    page = client.get("/admin/account/two-step/")
    assert "Two-step verification is off" in page.content.decode()
    client.get("/admin/login/two-step/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    done = client.post("/admin/login/two-step/", {"code": current_code(device)})
    assert done.status_code == 200
    assert client.get("/admin/").status_code == 200  # this session is verified now
    client.post("/admin/logout/")
    assert sign_in(client, "editor")["Location"] == "/admin/login/verify/"


def test_the_key_is_never_shown_after_set_up(required, client, publisher):
    device, _codes = enrol(client, "publisher")
    key = device.config_url.split("secret=")[1].split("&")[0]
    for url in ("/admin/", "/admin/account/two-step/"):
        assert key not in client.get(url).content.decode()
    assert not TOTPDevice.objects.filter(user=publisher, confirmed=False).exists()


def test_wrong_code_at_set_up_keeps_the_key_and_confirms_nothing(required, client, publisher):
    sign_in(client, "publisher")
    first = client.get("/admin/login/two-step/").content
    answer = client.post("/admin/login/two-step/", {"code": "12"})
    assert "This code is not right" in answer.content.decode()
    assert client.get("/admin/login/two-step/").content.count(b"<svg") == first.count(b"<svg")
    assert not TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()
    assert TOTPDevice.objects.filter(user=publisher).count() == 1
    assert not signed_in(client)


def test_a_publisher_cannot_turn_it_off_an_editor_can(required, client, publisher, editor):
    device, _ = enrol(client, "publisher")
    next_time_step(device)
    refused = client.post(
        "/admin/account/two-step/", {"action": "turn_off", "code": current_code(device)}
    )
    assert "cannot be turned off" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()
    client.post("/admin/logout/")

    editor_client = Client()
    sign_in(editor_client, "editor")
    editor_client.get("/admin/login/two-step/")
    device = TOTPDevice.objects.get(user=editor)
    editor_client.post("/admin/login/two-step/", {"code": current_code(device)})
    wrong = editor_client.post("/admin/account/two-step/", {"action": "turn_off", "code": "1"})
    assert wrong.status_code == 200
    assert TOTPDevice.objects.filter(user=editor).exists()
    next_time_step(device)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    StaticDevice.objects.filter(user=editor).update(throttling_failure_count=0)
    done = editor_client.post(
        "/admin/account/two-step/", {"action": "turn_off", "code": current_code(device)}
    )
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()


def test_new_recovery_codes_replace_the_old_ones(required, client, publisher):
    device, old = enrol(client, "publisher")
    next_time_step(device)
    page = client.post(
        "/admin/account/two-step/", {"action": "recovery_codes", "code": current_code(device)}
    )
    new = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    stored = set(StaticToken.objects.filter(device__user=publisher).values_list("token", flat=True))
    assert stored == set(new)


def test_an_administrator_resets_a_lost_phone_from_the_command_line(
    required, client, publisher, events
):
    enrol(client, "publisher")
    call_command("reset_two_factor", "publisher", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=publisher).exists()
    assert client.get("/admin/")["Location"].startswith(LOGIN)  # the old session ends
    assert sign_in(client, "publisher")["Location"] == "/admin/login/two-step/"
    assert events.named("second_factor_reset")[0]["user"] == "publisher"


def test_next_must_stay_on_this_site(required, client, publisher):
    client.post(
        LOGIN + "?next=https://evil.example/", {"username": "publisher", "password": PASSWORD}
    )
    client.get("/admin/login/two-step/")
    device = TOTPDevice.objects.get(user=publisher)
    done = client.post("/admin/login/two-step/", {"code": current_code(device)})
    assert done.status_code == 200
    assert 'href="https://evil.example/' not in done.content.decode()
    assert 'href="/admin/"' in done.content.decode()


def test_second_step_pages_without_a_password_first_send_to_the_login(client, db):
    for url in ("/admin/login/verify/", "/admin/login/two-step/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == LOGIN
    assert client.get("/admin/account/two-step/")["Location"].startswith(LOGIN)


# Sessions -----------------------------------------------------------------------------


def test_an_idle_staff_session_ends(client, editor, settings):
    sign_in(client, "editor")
    session = client.session
    session[signin.SEEN_AT] -= settings.STAFF_IDLE_MINUTES * 60 + 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not signed_in(client)
    assert "without activity" in client.get(LOGIN).content.decode()


def test_a_staff_session_ends_after_its_hours_even_when_busy(client, editor, settings):
    sign_in(client, "editor")
    session = client.session
    session[signin.AUTH_AT] -= settings.STAFF_SESSION_HOURS * 3600 + 1
    session.save()
    assert client.get("/admin/")["Location"].startswith(LOGIN)
    assert not signed_in(client)


def test_changing_the_password_ends_the_other_sessions(client, editor):
    other = Client()
    sign_in(client, "editor")
    sign_in(other, "editor")
    changed = client.post(
        "/admin/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a new and long passphrase 42",
            "new_password2": "a new and long passphrase 42",
        },
    )
    assert changed.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert other.get("/admin/")["Location"].startswith(LOGIN)


def test_readers_get_no_session(client, db):
    response = client.get("/en/")
    assert "sessionid" not in response.cookies
    assert response["Cache-Control"] == "public, no-cache"


# The security log -----------------------------------------------------------------------


def test_the_security_log_has_json_lines_for_sign_ins_refusals_and_publishing(
    client, editor, publisher, second_publisher, events
):
    sign_in(client, "editor", "wrong")
    sign_in(client, "editor")
    client.get("/admin/auth/user/")  # editors may not manage accounts: 403
    client.post("/admin/logout/")
    item = publication_in_state("in_review", author=editor)
    workflow.publication_publish(publication=item, user=second_publisher)
    workflow.publication_withdraw(publication=item, user=second_publisher, explanation="Wrong date")

    by_event = {line["event"]: line for line in events.lines}
    assert {"login_failed", "login", "permission_denied", "logout", "publish", "withdraw"} <= set(
        by_event
    )
    assert by_event["login_failed"]["ip"] == "127.0.0.1"
    assert by_event["login"]["user"] == "editor"
    assert by_event["permission_denied"]["path"] == "/admin/auth/user/"
    assert by_event["withdraw"]["publication_id"] == item.pk
    assert by_event["withdraw"]["reason"] == "Wrong date"
    for line in events.lines:
        assert {"time", "level", "logger", "event"} <= set(line)
        assert PASSWORD not in json.dumps(line) and "wrong" not in json.dumps(line)


def test_second_factor_changes_are_logged(required, client, publisher, events):
    enrol(client, "publisher")
    assert events.named("second_factor_added")[0]["user"] == "publisher"


def test_a_user_made_in_the_admin_page_can_sign_in(client, db):
    UserFactory(username="newcomer", is_staff=True)
    assert sign_in(client, "newcomer")["Location"] == "/admin/"


def test_moving_to_a_new_phone_needs_a_code_from_the_old_one(required, client, publisher):
    old, codes = enrol(client, "publisher")
    client.get("/admin/login/two-step/")
    new = TOTPDevice.objects.get(user=publisher, confirmed=False)
    refused = client.post("/admin/login/two-step/", {"current_code": "", "code": current_code(new)})
    assert refused.status_code == 200
    assert TOTPDevice.objects.get(user=publisher, confirmed=True) == old
    StaticDevice.objects.filter(user=publisher).update(throttling_failure_count=0)
    moved = client.post(
        "/admin/login/two-step/", {"current_code": codes[0], "code": current_code(new)}
    )
    assert moved.status_code == 200 and b"recovery-codes" in moved.content
    assert list(TOTPDevice.objects.filter(user=publisher)) == [new]
    assert TOTPDevice.objects.get(pk=new.pk).confirmed


def test_a_wrong_code_is_throttled_even_when_the_change_is_refused(required, client, editor):
    sign_in(client, "editor")
    client.get("/admin/login/two-step/")
    device = TOTPDevice.objects.get(user=editor)
    client.post("/admin/login/two-step/", {"code": current_code(device)})
    client.post("/admin/account/two-step/", {"action": "turn_off", "code": "000000"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert TOTPDevice.objects.filter(user=editor).exists()


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    username=st.text(max_size=300),
    password=st.text(max_size=300),
    code=st.text(max_size=100),
    next_url=st.text(max_size=200),
)
def test_sign_in_pages_answer_any_input_without_a_server_error(
    required, publisher, username, password, code, next_url
):
    client = Client()
    for path, body in (
        (f"{LOGIN}?next={quote(next_url)}", {"username": username, "password": password}),
        (LOGIN, {"username": "publisher", "password": PASSWORD}),
        ("/admin/login/two-step/", {"code": code, "current_code": code}),
        ("/admin/login/verify/", {"code": code}),
        ("/admin/account/two-step/", {"code": code, "action": code}),
    ):
        assert client.post(path, body).status_code < 500, path
    AccessAttempt.objects.all().delete()


@pytest.mark.parametrize(("debug", "required"), [("0", "True"), ("1", "False")])
def test_the_second_factor_is_required_whenever_debug_is_off(debug, required):
    """The site's own settings (not the test settings): with DEBUG off, publishers and
    administrators cannot sign in without a second factor unless someone turns it off."""
    import os
    import subprocess
    import sys

    environment = {
        key: value for key, value in os.environ.items() if key != "STAFF_2FA_REQUIRED"
    } | {
        "DEBUG": debug,
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "press.example.org",
        "DJANGO_SETTINGS_MODULE": "pressoffice.settings",
    }
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from django.conf import settings; print(settings.STAFF_2FA_REQUIRED)",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert printed.stdout.strip() == required
