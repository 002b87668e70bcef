"""The Content-Security-Policy in a real browser: staff work and readers read, and Chromium
reports no violation, neither on the console nor as a ``securitypolicyviolation`` event
(nor a Permissions-Policy it cannot read)."""

import pytest
from playwright.sync_api import expect

from speeches.models import Material, Publication, PublicationMaterial
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory, UserFactory

# serialized_rollback: the live server needs the rows that data migrations seed (types).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery staple"

# Runs in every document before its own scripts: a violation is reported however early.
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    violations = []
    context.expose_function("cspViolation", lambda text: violations.append(text))
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    page.violations = violations
    yield page
    context.close()


def assert_under_the_policy(response) -> None:
    """The page really was served with the policy (else "no violation" proves nothing)."""
    header = response.headers["content-security-policy"]
    assert "script-src 'self'" in header
    assert "unsafe-inline" not in header


def log_in(page, live_server, username: str, url: str) -> None:
    page.goto(f"{live_server.url}/admin/login/?next={url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{url}")


def test_editor_uses_the_dashboard_and_the_rich_text_editor_under_the_policy(
    live_server, page, tmp_path
):
    UserFactory(username="editor", is_staff=True, groups=["Editors"])
    publication = PublicationFactory(
        status=Publication.Status.DRAFT, languages=("en", "de"), title_en="Remarks"
    )
    log_in(page, live_server, "editor", "/admin/")
    assert page.get_by_role("link", name="Publications").first.is_visible()

    url = f"/admin/speeches/publication/{publication.pk}/change/"
    assert_under_the_policy(page.goto(f"{live_server.url}{url}"))
    body = page.locator("div.prose-editor:has(#id_body_en) [contenteditable=true]")
    menubar = page.locator("div.prose-editor:has(#id_body_en) .prose-menubar")
    assert menubar.is_visible()
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Colleagues")
    # Select the line only once the editor holds it (a loaded machine can be behind).
    expect(body).to_contain_text("Colleagues")
    page.keyboard.press("Shift+Home")
    page.wait_for_function("() => String(window.getSelection()) === 'Colleagues'")
    menubar.locator(".prose-menubar__button[title=bold]").click()
    expect(body.locator("strong")).to_have_text("Colleagues")

    # The form's language switch (our own script) works under the policy.
    page.click(".language-switch__button[data-code=de]")
    assert page.locator("#id_title_de").is_visible()
    assert not page.locator("#id_title_en").is_visible()

    page.screenshot(path=str(tmp_path / "change-form-under-csp.png"), full_page=True)
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    publication.refresh_from_db()
    assert "<strong>Colleagues</strong>" in publication.body_en
    assert page.violations == [], "\n".join(page.violations)


def test_translator_uses_the_side_by_side_editor_under_the_policy(live_server, page):
    translator = UserFactory(username="translator", is_staff=True, groups=["Translators"])
    translator.translator_languages.create(language="de")
    publication = PublicationFactory(title_en="Remarks", body_en="<p>Colleagues, friends,</p>")
    log_in(page, live_server, "translator", "/admin/")

    url = f"/admin/speeches/publication/{publication.pk}/translate/de/"
    assert_under_the_policy(page.goto(f"{live_server.url}{url}"))
    page.locator("input[name=title]").fill("Rede")
    with page.expect_navigation():
        page.locator("input[name=_draft]").click()
    assert Publication.objects.get().title_de == "Rede"
    assert page.violations == [], "\n".join(page.violations)


def test_reader_page_with_photo_video_and_structured_data_breaks_no_rule(live_server, page):
    publication = PublicationFactory(title_en="Remarks")
    for position, material in enumerate(
        [
            Material(kind="photo", file=media_files.photo(), alt_text_en="A square"),
            Material(
                kind="video",
                file=media_files.upload("clip.mp4", media_files.mp4_bytes()),
                title_en="Clip",
            ),
        ]
    ):
        services.material_save(material=material)
        PublicationMaterial.objects.create(
            publication=publication, material=material, position=position
        )
    assert_under_the_policy(page.goto(f"{live_server.url}{publication.get_absolute_url('en')}"))
    assert page.locator("h1").inner_text() == "Remarks"
    assert page.locator("script[type='application/ld+json']").count() == 1
    # The photo loads (lazily, so in its own time) and is drawn: the policy let it in.
    # (A function, which Playwright calls; a string would be eval'd, which the policy refuses.)
    page.wait_for_function(
        "() => { const img = document.querySelector('img');"
        " return img.complete && img.naturalWidth > 0; }"
    )
    assert_under_the_policy(page.goto(f"{live_server.url}/api/docs"))
    page.locator(".swagger-ui .info").wait_for()
    assert page.violations == [], "\n".join(page.violations)


def test_a_publisher_sets_up_two_step_verification_under_the_policy(live_server, page, settings):
    """The production sign-in: password, the authenticator's set-up (QR code and key),
    the recovery codes, then the dashboard; then the next sign-in asks for a code."""
    import base64
    import time

    import time_machine
    from django_otp.oath import TOTP

    def code_for(key: str) -> str:
        totp = TOTP(base64.b32decode(key + "=" * (-len(key) % 8)))
        totp.time = time.time()
        return f"{totp.token():06d}"

    settings.STAFF_2FA_REQUIRED = True
    UserFactory(username="publisher", is_staff=True, groups=["Publishers"])
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "publisher")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/login/two-step/")
    assert page.locator(".two-step-qr svg").is_visible()
    page.click("summary")
    key = "".join(page.inner_text(".two-step-key").split())
    page.fill("#id_code", code_for(key))
    page.click("input[type=submit]")
    assert page.locator(".recovery-codes li").count() == 10
    page.click("a.button")
    page.wait_for_url("**/admin/")
    page.locator("#logout-form button").click()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "publisher")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/login/verify/")
    # A code is good once per 30 seconds: the site's clock (this process, the live server's
    # thread included) and the authenticator's move on to the next one instead of waiting.
    with time_machine.travel(time.time() + 30, tick=True):
        page.fill("#id_code", code_for(key))
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
    assert page.violations == []
