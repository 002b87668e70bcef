"""XLIFF for translation agencies: a file goes out, translations come back, or nothing does.

Every refused file must say why, and leave publications, language versions and revisions
exactly as they were.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from lxml import etree
from reversion.models import Version

from speeches import segments, services, translations, xliff
from speeches.models import LanguageVersion, Publication, TranslatorLanguage
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

NS = {"x": xliff.NS}
BODY = (
    "<h2>A heading</h2>"
    '<p>First <strong>paragraph</strong> with <a href="https://example.org/">a link</a>.</p>'
    "<ul><li>One</li><li>Two</li></ul>"
    "<hr>"
    "<blockquote><p>A quotation.</p></blockquote>"
)
IMPORT_URL = "/admin/speeches/publication/xliff-import/"
CHANGELIST_URL = "/admin/speeches/publication/"


def translator_of(*languages: str, username: str = "translator"):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    for code in languages:
        TranslatorLanguage.objects.create(user=user, language=code)
    return user


@pytest.fixture
def french_translator(db):
    return translator_of("fr", username="french")


@pytest.fixture
def german_translator(db):
    return translator_of("de", username="german")


@pytest.fixture
def speeches(db) -> list[Publication]:
    """Two English originals: one with every field and a rich text, one with a title and text."""
    return [
        PublicationFactory(
            title_en="Talks in Geneva",
            lead_en="The minister met his counterpart.\nThey spoke for two hours.",
            place_en="Geneva",
            body_en=BODY,
        ),
        PublicationFactory(title_en="A short statement", body_en="<p>Only one paragraph.</p>"),
    ]


def stored() -> tuple:
    """Everything a refused import must leave alone."""
    return (
        list(Publication.objects.order_by("pk").values()),
        list(LanguageVersion.objects.order_by("pk").values()),
        Version.objects.count(),
    )


def translate(data: bytes, text=lambda unit_id, source: f"FR {source}") -> bytes:
    """The agency's work: every <target> filled with ``text(id, source)``."""
    root = etree.fromstring(data)
    for unit in root.iterfind(".//x:trans-unit", NS):
        source = unit.find("x:source", NS).text
        unit.find("x:target", NS).text = text(unit.get("id"), source)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def edit(data: bytes, path: str, **attributes) -> bytes:
    """Change attributes of the elements at ``path`` (XPath with the x: prefix)."""
    root = etree.fromstring(data)
    for element in root.xpath(path, namespaces=NS):
        for name, value in attributes.items():
            element.set(name.replace("_", "-"), value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def export_fr(publications, user) -> bytes:
    return xliff.xliff_export(publications=publications, target_language="fr", user=user)


def reasons(result: xliff.ImportResult) -> str:
    return "\n".join(str(problem) for problem in result.problems)


# Export


def test_export_is_xliff_1_2_with_one_file_per_publication(speeches, french_translator):
    root = etree.fromstring(export_fr(speeches, french_translator))

    assert root.tag == f"{{{xliff.NS}}}xliff"
    assert root.get("version") == "1.2"
    files = root.findall("x:file", NS)
    assert [f.get("original") for f in files] == [f"publication/{p.pk}" for p in speeches]
    assert {(f.get("source-language"), f.get("target-language")) for f in files} == {("en", "fr")}
    assert {f.get("datatype") for f in files} == {"html"}


def test_export_header_records_the_source_and_the_translation_state(speeches, french_translator):
    speech = speeches[0]
    file = etree.fromstring(export_fr([speech], french_translator)).find("x:file", NS)

    props = {p.get("prop-type"): p.text for p in file.iterfind("x:header//x:prop", NS)}
    source = services.publication_source(publication=speech)
    assert props["source-fingerprint"] == services.source_fingerprint(source)
    assert props["target-status"] == "missing"
    assert props["target-fingerprint"] == xliff.target_fingerprint(
        publication=speech, language="fr"
    )


def test_export_makes_a_segment_of_each_field_and_each_body_block(speeches, french_translator):
    speech, short = speeches
    root = etree.fromstring(export_fr(speeches, french_translator))

    units = {u.get("id"): u for u in root.iterfind(".//x:trans-unit", NS)}
    pk = speech.pk
    # The rule (block 4) has nothing to translate; the others keep their numbers.
    assert [i for i in units if i.startswith(f"{pk}/")] == [
        f"{pk}/title",
        f"{pk}/lead",
        f"{pk}/place",
        f"{pk}/body/1",
        f"{pk}/body/2",
        f"{pk}/body/3",
        f"{pk}/body/5",
    ]
    # Empty fields of the original are not exported.
    assert [i for i in units if i.startswith(f"{short.pk}/")] == [
        f"{short.pk}/title",
        f"{short.pk}/body/1",
    ]
    paragraph = units[f"{pk}/body/2"]
    assert paragraph.find("x:source", NS).text == segments.split(speech.body_en)[1].inner_html
    assert "<strong>paragraph</strong>" in paragraph.find("x:source", NS).text
    assert paragraph.get("restype") == "x-html-p"
    assert units[f"{pk}/lead"].find("x:source", NS).text == speech.lead_en
    assert all(u.find("x:target", NS).text is None for u in units.values())


def test_export_escapes_the_html_of_a_block_as_text(speeches, french_translator):
    data = export_fr(speeches[:1], french_translator)

    assert b"&lt;strong&gt;paragraph&lt;/strong&gt;" in data
    assert b"<strong>" not in data


def test_export_carries_an_existing_translation_whose_blocks_line_up(publisher):
    publication = PublicationFactory(
        languages=("en", "fr"),
        body_en="<p>One.</p><p>Two.</p>",
        body_fr="<p>Un.</p><p>Deux.</p>",
    )

    root = etree.fromstring(export_fr([publication], publisher))

    targets = {
        u.get("id"): (u.find("x:target", NS).text, u.find("x:target", NS).get("state"))
        for u in root.iterfind(".//x:trans-unit", NS)
    }
    assert targets[f"{publication.pk}/title"] == (publication.title_fr, "translated")
    assert targets[f"{publication.pk}/body/2"] == ("Deux.", "translated")
    status = root.find(".//x:prop[@prop-type='target-status']", NS).text
    assert status == LanguageVersion.Status.READY


def test_export_leaves_targets_empty_when_the_blocks_do_not_line_up(publisher):
    publication = PublicationFactory(
        languages=("en", "fr"),
        body_en="<p>One.</p><p>Two.</p>",
        body_fr="<p>Un. Deux.</p>",
    )

    root = etree.fromstring(export_fr([publication], publisher))

    body_targets = [
        u.find("x:target", NS)
        for u in root.iterfind(".//x:trans-unit", NS)
        if "/body/" in u.get("id")
    ]
    assert [t.text for t in body_targets] == [None, None]
    assert {t.get("state") for t in body_targets} == {"needs-translation"}


def test_export_marks_segments_whose_original_changed_since_the_translation(publisher):
    publication = PublicationFactory(
        languages=("en", "fr"),
        body_en="<p>One.</p><p>Two.</p>",
        body_fr="<p>Un.</p><p>Deux.</p>",
    )
    publication.body_en = "<p>One.</p><p>Two, amended.</p>"
    services.publication_save(publication=publication, user=publisher)

    root = etree.fromstring(export_fr([publication], publisher))

    states = {
        u.get("id"): u.find("x:target", NS).get("state")
        for u in root.iterfind(".//x:trans-unit", NS)
    }
    assert states[f"{publication.pk}/body/1"] == "translated"
    assert states[f"{publication.pk}/body/2"] == "needs-review-translation"


def test_export_refuses_the_original_language(speeches, publisher):
    with pytest.raises(ValidationError, match="original language"):
        xliff.xliff_export(publications=speeches, target_language="en", user=publisher)


def test_export_refuses_an_unknown_language(speeches, publisher):
    with pytest.raises(ValidationError):
        xliff.xliff_export(publications=speeches, target_language="xx", user=publisher)


def test_translator_cannot_export_a_language_they_do_not_translate(speeches, german_translator):
    with pytest.raises(PermissionDenied, match="may not translate"):
        export_fr(speeches, german_translator)


def test_author_cannot_export_a_published_item(speeches, author):
    """Live items are edited by publishers and translators only, so are their translations."""
    with pytest.raises(PermissionDenied):
        export_fr(speeches, author)


# Import: the round trip


def test_round_trip_applies_every_segment_and_marks_the_translation_ready(
    speeches, french_translator
):
    data = translate(export_fr(speeches, french_translator))

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    assert [p.pk for p in result.publications] == [p.pk for p in speeches]
    assert result.segments == 7 + 2
    speech, short = (Publication.objects.get(pk=p.pk) for p in speeches)
    assert speech.title_fr == "FR Talks in Geneva"
    assert speech.lead_fr == f"FR {speech.lead_en}"
    assert speech.place_fr == "FR Geneva"
    assert short.title_fr == "FR A short statement"
    assert short.body_fr == "<p>FR Only one paragraph.</p>"
    original, translated = segments.split(speech.body_en), segments.split(speech.body_fr)
    assert [(b.tag, b.attributes) for b in translated] == [(b.tag, b.attributes) for b in original]
    assert [b.inner_html for b in translated] == [
        f"FR {b.inner_html}" if b.inner_html else "" for b in original
    ]
    assert '<a href="https://example.org/"' in speech.body_fr
    for publication in (speech, short):
        version = LanguageVersion.objects.get(publication=publication, language="fr")
        assert version.status == LanguageVersion.Status.READY
        assert version.source_fingerprint == services.source_fingerprint(
            services.publication_source(publication=publication)
        )
        assert version.updated_by == french_translator
        revision = Version.objects.get_for_object(publication).first().revision
        assert revision.user == french_translator
        assert "XLIFF" in revision.get_comment()


def test_import_sanitises_the_agencys_html(speeches, french_translator):
    data = translate(
        export_fr(speeches[1:], french_translator),
        lambda unit_id, source: f"FR {source}<script>alert(1)</script><b onclick='x()'>b</b>",
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    body = Publication.objects.get(pk=speeches[1].pk).body_fr
    assert "script" not in body
    assert "onclick" not in body


def test_an_exported_translation_can_be_imported_again_unchanged(publisher):
    """The agency may leave what was already translated as it was."""
    publication = PublicationFactory(languages=("en", "fr"))

    result = xliff.xliff_import(data=export_fr([publication], publisher), user=publisher)

    assert result.ok, reasons(result)
    assert result.segments == 2


def test_import_accepts_a_regional_language_code(speeches, french_translator):
    data = edit(
        translate(export_fr(speeches[1:], french_translator)), "//x:file", target_language="fr-FR"
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)


# Import: hostile and broken files


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">&lol9;</xliff>"""


def with_doctype(data: bytes, doctype: str, target_unit: str, text: str) -> bytes:
    """A real export, with a DOCTYPE and an entity reference put into one target."""
    root = etree.fromstring(data)
    unit = root.xpath(f"//x:trans-unit[@id='{target_unit}']", namespaces=NS)[0]
    unit.find("x:target", NS).text = "PLACEHOLDER"
    body = etree.tostring(root, encoding="unicode").replace("PLACEHOLDER", text)
    return f'<?xml version="1.0"?>\n{doctype}\n{body}'.encode()


def hostile_files(speeches, user) -> dict[str, bytes]:
    exported = translate(export_fr(speeches, user))
    first = f"{speeches[0].pk}/title"
    return {
        "billion laughs": BILLION_LAUGHS,
        "external entity": with_doctype(
            exported,
            '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
            first,
            "&xxe;",
        ),
        "external DTD": with_doctype(
            exported, '<!DOCTYPE xliff SYSTEM "http://example.org/evil.dtd">', first, "x"
        ),
    }


@pytest.mark.parametrize("name", ["billion laughs", "external entity", "external DTD"])
def test_import_refuses_documents_with_dtds_or_entities(name, speeches, french_translator):
    data = hostile_files(speeches, french_translator)[name]
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert not result.ok
    assert "refused for safety" in reasons(result)
    assert stored() == before


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"", "not well-formed XML", id="empty"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not well-formed XML", id="pdf"),
        pytest.param(b"Translations attached, regards", "not well-formed XML", id="text"),
        pytest.param(b"<html><body>Hi</body></html>", "not an XLIFF 1.2 file", id="html"),
        pytest.param(
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>',
            "not an XLIFF 1.2 file",
            id="xliff 2",
        ),
        pytest.param(
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>',
            "no publications",
            id="no files",
        ),
    ],
)
def test_import_refuses_what_is_not_an_xliff_file(data, expected, french_translator):
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert expected in reasons(result)
    assert stored() == before


def test_import_refuses_a_truncated_file(speeches, french_translator):
    data = translate(export_fr(speeches, french_translator))
    before = stored()

    result = xliff.xliff_import(data=data[: len(data) // 2], user=french_translator)

    assert "may be truncated" in reasons(result)
    assert stored() == before


def test_import_refuses_a_file_over_the_limit_before_parsing_it(
    speeches, french_translator, monkeypatch
):
    def parse(*args, **kwargs):
        raise AssertionError("a file over the limit must not be parsed")

    monkeypatch.setattr(xliff.SafeElementTree, "fromstring", parse)
    data = b" " * (50 * 1024 * 1024)
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "larger than 5.0" in reasons(result)
    assert stored() == before


def test_file_limit_follows_the_setting(speeches, french_translator, settings):
    data = translate(export_fr(speeches, french_translator))
    settings.XLIFF_MAX_BYTES = len(data) - 1

    assert "larger than" in reasons(xliff.xliff_import(data=data, user=french_translator))


def remove(data: bytes, path: str) -> bytes:
    root = etree.fromstring(data)
    for element in root.xpath(path, namespaces=NS):
        element.getparent().remove(element)
    return etree.tostring(root)


def duplicate(data: bytes, path: str) -> bytes:
    root = etree.fromstring(data)
    element = root.xpath(path, namespaces=NS)[0]
    element.addnext(etree.fromstring(etree.tostring(element)))
    return etree.tostring(root)


BROKEN = {
    "unknown publication": (
        lambda data, pk: edit(data, "//x:file[1]", original="publication/999999"),
        "There is no publication #999999",
    ),
    "publication id out of range": (
        lambda data, pk: edit(data, "//x:file[1]", original="publication/99999999999999999999999"),
        "names no publication",
    ),
    "not a publication": (
        lambda data, pk: edit(data, "//x:file[1]", original="speech.docx"),
        "names no publication",
    ),
    "unknown segment id": (
        lambda data, pk: edit(data, f"//x:trans-unit[@id='{pk}/title']", id=f"{pk}/subtitle"),
        f"Unknown segment “{'{pk}'}/subtitle”",
    ),
    "segment of another publication": (
        lambda data, pk: edit(data, f"//x:trans-unit[@id='{pk}/place']", id="999999/place"),
        "Unknown segment “999999/place”",
    ),
    "block that does not exist": (
        lambda data, pk: edit(data, f"//x:trans-unit[@id='{pk}/body/5']", id=f"{pk}/body/9"),
        "has no such block now (it has 5)",
    ),
    "missing segment": (
        lambda data, pk: remove(data, f"//x:trans-unit[@id='{pk}/body/2']"),
        "block 2: This segment is missing",
    ),
    "duplicated segment": (
        lambda data, pk: duplicate(data, f"//x:trans-unit[@id='{pk}/lead']"),
        "appears twice",
    ),
    "untranslated segment": (
        lambda data, pk: edit_target(data, f"{pk}/body/3", ""),
        "block 3: Untranslated segment",
    ),
    "untranslated once sanitised": (
        lambda data, pk: edit_target(data, f"{pk}/body/1", "<script>alert(1)</script>"),
        "Nothing is left",
    ),
    "block broken into two": (
        lambda data, pk: edit_target(data, f"{pk}/body/2", "Un.</p><p>Deux."),
        "break this block into several",
    ),
    "title too long": (
        lambda data, pk: edit_target(data, f"{pk}/title", "T" * 501),
        "longer than 500 characters",
    ),
    "inline XLIFF markup": (
        lambda data, pk: with_inline_markup(data, f"{pk}/place"),
        "contains XLIFF markup",
    ),
    "header removed": (
        lambda data, pk: remove(data, "//x:file[1]/x:header"),
        "lacks this office's record of the export",
    ),
    "publication twice": (
        lambda data, pk: duplicate(data, "//x:file[1]"),
        "French translation twice",
    ),
    "source language changed": (
        lambda data, pk: edit(data, "//x:file[1]", source_language="de"),
        "made from the German original",
    ),
}


def edit_target(data: bytes, unit_id: str, text: str) -> bytes:
    root = etree.fromstring(data)
    root.xpath(f"//x:trans-unit[@id='{unit_id}']/x:target", namespaces=NS)[0].text = text
    return etree.tostring(root)


def with_inline_markup(data: bytes, unit_id: str) -> bytes:
    root = etree.fromstring(data)
    target = root.xpath(f"//x:trans-unit[@id='{unit_id}']/x:target", namespaces=NS)[0]
    etree.SubElement(target, f"{{{xliff.NS}}}g", id="1").text = "Genève"
    return etree.tostring(root)


@pytest.mark.parametrize("case", BROKEN)
def test_import_refuses_a_broken_file_and_writes_nothing(case, speeches, french_translator):
    change, expected = BROKEN[case]
    pk = speeches[0].pk
    data = change(translate(export_fr(speeches, french_translator)), pk)
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert not result.ok
    assert expected.replace("{pk}", str(pk)) in reasons(result)
    assert stored() == before


def test_import_reports_every_problem_at_once(speeches, french_translator):
    pk = speeches[0].pk
    data = translate(export_fr(speeches, french_translator))
    data = edit_target(edit_target(data, f"{pk}/title", ""), f"{pk}/body/5", "")

    result = xliff.xliff_import(data=data, user=french_translator)

    assert [(p.field, p.block) for p in result.errors] == [("title", None), ("text", 5)]
    assert all(p.publication == f"#{pk} Talks in Geneva" for p in result.problems)


def test_a_later_broken_file_part_keeps_the_earlier_ones_from_being_applied(
    speeches, french_translator
):
    """All or nothing: the first publication is fine, the second is not."""
    data = edit_target(
        translate(export_fr(speeches, french_translator)), f"{speeches[1].pk}/title", ""
    )
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert [p.publication for p in result.problems] == [f"#{speeches[1].pk} A short statement"]
    assert stored() == before


def test_a_failure_while_saving_rolls_back_the_publications_already_saved(
    speeches, french_translator, monkeypatch
):
    save = translations.translation_save
    calls = []

    def fail_second(**kwargs):
        calls.append(kwargs["publication"].pk)
        if len(calls) == 2:
            raise ValidationError("The database said no.")
        return save(**kwargs)

    monkeypatch.setattr(translations, "translation_save", fail_second)
    data = translate(export_fr(speeches, french_translator))
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "The database said no." in reasons(result)
    assert stored() == before


# Import: who may


def test_translator_cannot_import_a_language_they_do_not_translate(
    speeches, publisher, german_translator
):
    data = translate(export_fr(speeches, publisher))
    before = stored()

    result = xliff.xliff_import(data=data, user=german_translator)

    assert "You may not translate this publication into French" in reasons(result)
    assert len(result.problems) == 2
    assert stored() == before


def test_import_refuses_the_original_language_as_a_translation(speeches, french_translator):
    data = edit(
        translate(export_fr(speeches, french_translator)), "//x:file[1]", target_language="en"
    )
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "English is this publication's original language" in reasons(result)
    assert stored() == before


def test_import_refuses_an_unknown_target_language(speeches, publisher):
    data = edit(translate(export_fr(speeches, publisher)), "//x:file[1]", target_language="tlh")

    assert "is not one of this site's" in reasons(xliff.xliff_import(data=data, user=publisher))


# Import: conflicts


def test_a_changed_original_is_a_conflict_at_the_segment_that_changed(
    speeches, french_translator, publisher
):
    speech = speeches[0]
    data = translate(export_fr(speeches, french_translator))
    speech.body_en = BODY.replace("First", "The first")
    services.publication_save(publication=speech, user=publisher)
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert [(p.publication, p.field, p.block) for p in result.conflicts] == [
        (f"#{speech.pk} Talks in Geneva", "text", 2)
    ]
    assert "original of this segment was changed" in reasons(result)
    assert stored() == before


def test_an_added_paragraph_in_the_original_refuses_the_import(
    speeches, french_translator, publisher
):
    speech = speeches[1]
    data = translate(export_fr(speeches, french_translator))
    speech.body_en += "<p>A second paragraph.</p>"
    services.publication_save(publication=speech, user=publisher)
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "block 2: This segment is missing" in reasons(result)
    assert "original was changed since the export" in reasons(result)
    assert stored() == before


def test_an_original_field_emptied_since_the_export_is_a_conflict(
    speeches, french_translator, publisher
):
    speech = speeches[0]
    data = translate(export_fr(speeches, french_translator))
    speech.place_en = ""
    services.publication_save(publication=speech, user=publisher)

    result = xliff.xliff_import(data=data, user=french_translator)

    assert f"Unknown segment “{speech.pk}/place”" in reasons(result)
    assert [p.field for p in result.conflicts] == [""]


def test_a_manual_edit_of_the_translation_after_the_export_is_never_overwritten(
    french_translator, publisher
):
    publication = PublicationFactory(languages=("en", "fr"))
    data = translate(export_fr([publication], french_translator))
    translations.translation_save(
        publication=publication,
        language="fr",
        user=publisher,
        values={"title": "Titre corrigé à la main"},
        ready=True,
    )
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert len(result.conflicts) == 1
    assert "French translation was edited after the export" in reasons(result)
    assert "publisher" in reasons(result)
    assert stored() == before
    assert Publication.objects.get(pk=publication.pk).title_fr == "Titre corrigé à la main"


def test_a_status_change_without_an_edit_is_no_conflict(french_translator, publisher):
    publication = PublicationFactory(languages=("en", "fr"))
    data = translate(export_fr([publication], french_translator))
    translations.translation_mark_in_progress(
        publication=publication, language="fr", user=publisher
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)


# Admin


def export_action(client, publications, follow=False, **extra):
    return client.post(
        CHANGELIST_URL,
        {"action": "export_xliff", "_selected_action": [p.pk for p in publications], **extra},
        follow=follow,
    )


def test_export_action_asks_for_the_language_then_sends_an_attachment(
    client, speeches, french_translator
):
    client.force_login(french_translator)

    page = export_action(client, speeches)
    response = export_action(client, speeches, apply="1", language="fr")

    assert page.status_code == 200
    assert list(page.context["form"].fields["language"].choices) == [("fr", "French")]
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xliff+xml")
    filename = f"press-office-fr-{timezone.localdate():%Y-%m-%d}.xlf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    root = etree.fromstring(response.content)
    assert len(root.findall("x:file", NS)) == 2


def test_export_action_offers_only_languages_the_user_may_translate(publisher_client, speeches):
    page = export_action(publisher_client, speeches)

    codes = [code for code, _name in page.context["form"].fields["language"].choices]
    assert codes == ["ru", "de", "fr", "es", "ar"]


def test_export_action_refuses_a_language_not_offered(client, speeches, german_translator):
    client.force_login(german_translator)

    response = export_action(client, speeches, apply="1", language="fr")

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert response.context["form"].errors["language"]


def test_translator_of_the_original_language_is_sent_back_with_a_message(client):
    publication = PublicationFactory(languages=("fr",))
    client.force_login(translator_of("fr"))

    response = export_action(client, [publication], follow=True)

    assert response.redirect_chain
    assert "may not translate" in " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_changelist_links_to_the_import_page(client, french_translator, speeches):
    client.force_login(french_translator)

    response = client.get(CHANGELIST_URL)

    assert f'href="{IMPORT_URL}"'.encode() in response.content
    assert b"Export for translation (XLIFF)" in response.content


def upload(data: bytes) -> dict:
    return {"file": SimpleUploadedFile("agency.xlf", data, content_type="application/xml")}


def test_import_page_lists_the_problems_and_saves_nothing(client, speeches, french_translator):
    client.force_login(french_translator)
    pk = speeches[0].pk
    data = edit_target(translate(export_fr(speeches, french_translator)), f"{pk}/body/2", "")
    before = stored()

    response = client.post(IMPORT_URL, upload(data))

    assert response.status_code == 200
    assert response.context["result"].problems
    content = response.content.decode()
    assert "Nothing was imported" in content
    assert "Untranslated segment." in content
    assert f"#{pk} Talks in Geneva" in content
    assert stored() == before


def test_import_page_refuses_a_huge_upload_with_a_message(client, french_translator, settings):
    settings.XLIFF_MAX_BYTES = 1024
    client.force_login(french_translator)

    response = client.post(IMPORT_URL, upload(b" " * 4096))

    assert response.status_code == 200
    assert "larger than 1.0" in response.content.decode()


def test_import_page_applies_a_good_file_and_says_so(client, speeches, french_translator):
    client.force_login(french_translator)
    data = translate(export_fr(speeches, french_translator))

    response = client.post(IMPORT_URL, upload(data), follow=True)

    assert response.redirect_chain[-1][0] == CHANGELIST_URL
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "2 publications updated (9 segments)" in text
    assert Publication.objects.get(pk=speeches[1].pk).title_fr == "FR A short statement"


def test_import_page_is_closed_to_staff_without_translation_rights(client):
    user = UserFactory(username="viewer", is_staff=True)
    client.force_login(user)

    assert client.get(IMPORT_URL).status_code == 403
