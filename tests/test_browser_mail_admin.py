"""Email's staff pages in a real browser, in Arabic on a phone (390 px): the staff home's
notices and the list of sendings hold (``helpers.clipped``: nothing past the window's
edge, no page wider than the window), right to left. Screenshots go to the test's folder
to be looked at."""

import pytest

from speeches.mailing import staff
from speeches.models import Dispatch, Publication
from speeches.publishing import workflow
from tests.factories import (
    PublicationFactory,
    UserFactory,
    sending_left,
    subscriber_following,
)
from tests.helpers import clipped

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
LONG_TITLE = (
    "كلمة وزير الخارجية سيرغي لافروف في الاجتماع المشترك لمجلسي وزارتي خارجية روسيا "
    "وجمهورية بيلاروس"
)
NOTE = "يرجى مراجعة الاقتباس في الفقرة الثانية مع النص الكامل للكلمة قبل النشر. " * 3


@pytest.fixture
def mail_desk(live_server_lock):
    """An administrator with notices of every length (three items waiting for review, one
    with a long note; a sending that failed for good), and sendings in Arabic."""
    with live_server_lock:
        chief = UserFactory(username="chief", is_staff=True, groups=["Administrators"])
        author = UserFactory(
            username="nadia.abdelrahman.alhashimi", is_staff=True, groups=["Editors"]
        )
        for number in range(3):
            draft = PublicationFactory(
                status=Publication.Status.DRAFT,
                created_by=author,
                languages=("ar", "en"),
                title_ar=f"{LONG_TITLE} ({number})",
            )
            workflow.publication_submit(
                publication=draft, user=author, note=NOTE if number == 0 else ""
            )
        readers = [
            subscriber_following(f"reader.with.a.long.address.{n}@ministry-press.example.org")
            for n in range(4)
        ]
        for status in (Dispatch.Status.FAILED, Dispatch.Status.SENT, Dispatch.Status.SENDING):
            item = PublicationFactory(
                languages=("ar",), original_language="ar", title_ar=LONG_TITLE
            )
            sending_left(
                item,
                language="ar",
                status=status,
                error="421 4.7.0 Try again later, closing connection." * 3,
                sent=readers[:2],
                failed=readers[2:3],
                unconfirmed=readers[3:],
            )
        staff.sending_failed(dispatch_id=Dispatch.objects.get(status="failed").pk)
    return chief


@pytest.mark.parametrize(
    ("name", "path"),
    [("home", "/admin/"), ("sendings", "/admin/speeches/dispatch/")],
)
def test_the_notices_and_the_sendings_hold_in_arabic_on_a_phone(
    open_as, mail_desk, name, path, tmp_path
):
    page = open_as(mail_desk, path, locale="ar", **PHONE)
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    page.screenshot(path=str(tmp_path / f"{name}-ar-390.png"), full_page=True)
    assert clipped(page) == [], name
    if name == "home":
        notices = page.locator("#notices .staff-notices__item")
        assert notices.count() == 4
        assert page.locator("#notices button[type=submit]").is_visible()
        # Right to left: each notice's link starts at the panel's right edge.
        panel = page.locator("#notices").bounding_box()
        first = notices.first.bounding_box()
        assert panel["x"] + panel["width"] - (first["x"] + first["width"]) < 2
    else:
        rows = page.locator("#result_list tbody tr")
        assert rows.count() == 3
        # A card per sending: its counts labelled in the row itself, the badge in view.
        assert rows.first.locator(".mail-cell__label").first.is_visible()
        assert rows.first.locator(".status-badge").is_visible()
