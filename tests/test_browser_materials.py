"""An author attaches a statement's materials in one go, in a real browser (Debian's
Chromium through Playwright): four photos and a PDF chosen at once, captions in two
languages and alternative texts typed in the grid, the order changed by dragging, and
counted: the materials part of the author's journey takes at most 16 actions. Then, on
the saved form, a row moved from the keyboard and a file dropped onto the grid."""

from __future__ import annotations

import pytest

from speeches.models import Material, Publication, PublicationType
from tests import media_files
from tests.factories import UserFactory
from tests.helpers import Actions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MATERIALS_BUDGET = 16  # issue 15: "materials at most 16" of the author's 45 actions


def test_an_author_attaches_four_photos_and_a_pdf_in_one_go(open_as, live_server, live_server_lock):
    from playwright.sync_api import expect

    with live_server_lock:
        PublicationType.objects.get_or_create(
            code="statement", defaults={"name_en": "Statement", "plural_name_en": "Statements"}
        )
        author = UserFactory(username="anna", is_staff=True, groups=["Editors"])
    actions = Actions()
    # Tall enough to hold the grid: a drag does not have to scroll the page.
    raw = open_as(author, None, width=1280, height=2400)
    page = actions.watch(raw)
    page.goto(f"{live_server.url}/admin/speeches/publication/add/")
    page.select_option("#id_type", label="Statement")
    page.fill("#id_title_en", "Statement on the talks")
    page.locator("div.prose-editor:has(#id_body_en) [contenteditable=true]").click()
    page.keyboard.type("The ministers met today.")

    start = actions.count
    # One pick of five files: each becomes a row, with its preview, as soon as it is up.
    page.locator("#id_attachment_files").set_input_files(media_files.statement_files())
    rows = raw.locator("[data-attachment-grid] [data-attachment-row]")
    expect(rows).to_have_count(5)
    expect(raw.locator("[data-attachment-row] img.material-thumb")).to_have_count(4)
    expect(raw.locator("[data-drop-status]")).to_contain_text(
        "Files uploaded and attached below: 5."
    )
    # The PDF's row has no alternative text to fill; the photos' rows have one per language.
    expect(raw.locator("#attachments-4 input[name$=alt_text_en]")).to_have_count(0)
    expect(raw.locator("#attachments-0 input[data-language=ar]")).to_have_count(2)
    expect(raw.locator("#attachments-0 tr[data-language=ar] input[dir=rtl]")).to_have_count(2)
    # The grid shows the form's language beside the original (English): German is one
    # switch away, for every row at once.
    expect(raw.locator("#attachments-0 tr[data-language=de]")).to_be_hidden()
    for n in range(4):
        page.fill(f"#id_attachments-{n}-title_en", f"The ministers, photo {n + 1}")
        page.fill(f"#id_attachments-{n}-alt_text_en", f"Two ministers shaking hands, {n + 1}")
    page.fill("#id_attachments-4-title_en", "Joint statement (PDF)")
    page.click(".language-switch__button[data-code=de]")
    expect(raw.locator("#attachments-0 tr[data-language=en]")).to_be_visible()
    for n in range(4):
        page.fill(f"#id_attachments-{n}-title_de", f"Die Minister, Foto {n + 1}")
    # The statement goes first: its row's handle dragged onto the top of the first row.
    page.locator("#attachments-4 [data-drag-handle]").drag_to(
        page.locator("#attachments-0"), target_position={"x": 40, "y": 5}
    )
    materials_part = actions.since(start)
    expect(rows.first).to_have_id("attachments-4")
    expect(raw.locator("#id_attachments-4-position")).to_have_value("0")
    expect(raw.locator("#id_attachments-3-position")).to_have_value("4")

    page.click("input[name=_continue]")
    expect(raw.locator(".messagelist .success")).to_have_count(1)
    assert len(materials_part) <= MATERIALS_BUDGET, "\n".join(materials_part)
    # Saved: nothing on the page reads as an error, nor keeps the leave warning on.
    expect(raw.locator(".errorlist, .errornote")).to_have_count(0)
    assert not raw.locator("#publication_form").get_attribute("data-unsaved")

    with live_server_lock:
        publication = Publication.objects.get(title_en="Statement on the talks")
        attached = [a.material for a in publication.attachments.all()]
    assert [m.kind for m in attached] == [Material.Kind.DOCUMENT] + [Material.Kind.PHOTO] * 4
    assert [m.title_en for m in attached] == [
        "Joint statement (PDF)",
        *(f"The ministers, photo {n}" for n in range(1, 5)),
    ]
    assert [m.title_de for m in attached[1:]] == [f"Die Minister, Foto {n}" for n in range(1, 5)]
    assert [m.alt_text_en for m in attached[1:]] == [
        f"Two ministers shaking hands, {n}" for n in range(1, 5)
    ]
    assert [m.filename for m in attached] == [
        "joint-statement.pdf",
        *(f"talks-{n}.jpg" for n in range(1, 5)),
    ]

    # Back on the saved form (rows in the saved order), the order changes from the
    # keyboard too: the statement's "move down" button, pressed, keeps the focus.
    rows = raw.locator("[data-attachment-grid] [data-attachment-row]")
    expect(rows).to_have_count(5)
    expect(rows.first.locator("[data-label]")).to_have_text("Joint statement (PDF)")
    move_down = raw.locator("#attachments-0 [data-move=down]")
    move_down.focus()
    raw.keyboard.press("Enter")
    expect(move_down).to_be_focused()
    expect(rows.nth(1)).to_have_id("attachments-0")
    expect(raw.locator("[data-drop-status]")).to_have_text(
        "Joint statement (PDF) is now number 2 of 5."
    )
    # A file dropped onto the materials (as a file manager drops it) joins them last.
    dropped = raw.evaluate_handle(
        """bytes => {
            const files = new DataTransfer();
            files.items.add(new File([new Uint8Array(bytes)], "flag.png", {type: "image/png"}));
            return files;
        }""",
        list(media_files.png_bytes(120, 80)),
    )
    for event in ("dragover", "drop"):
        raw.dispatch_event("[data-attachment-grid]", event, {"dataTransfer": dropped})
    expect(rows).to_have_count(6)
    expect(rows.last.locator("[data-label]")).to_have_text("flag.png")
    raw.click("input[name=_continue]")
    expect(raw.locator(".messagelist .success")).to_have_count(1)
    with live_server_lock:
        order = [a.material.filename for a in publication.attachments.all()]
    assert order == [
        "talks-1.jpg",
        "joint-statement.pdf",
        *(f"talks-{n}.jpg" for n in range(2, 5)),
        "flag.png",
    ]
