"""XLIFF for translation agencies: a file goes out, translations come back, or nothing does.

Every refused file must say why, and leave publications, language versions and revisions
exactly as they were.
"""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from lxml import etree
from reversion.models import Version

from speeches.languages import placeholders, segments, translating, xliff
from speeches.models import (
    LanguageVersion,
    Material,
    Publication,
    PublicationMaterial,
)
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory, UserFactory, translator_of
from tests.helpers import XLIFF_IMPORT_URL as IMPORT_URL
from tests.helpers import XLIFF_NS as NS
from tests.helpers import export_fr, translate

pytestmark = pytest.mark.django_db

BODY = (
    "<h2>A heading</h2>"
    '<p>First <strong>paragraph</strong> with <a href="https://example.org/">a link</a>.</p>'
    "<ul><li>One</li><li>Two</li></ul>"
    "<hr>"
    "<blockquote><p>A quotation.</p></blockquote>"
)
CHANGELIST_URL = "/admin/speeches/publication/"


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


def edit(data: bytes, path: str, **attributes) -> bytes:
    """Change attributes of the elements at ``path`` (XPath with the x: prefix)."""
    root = etree.fromstring(data)
    for element in root.xpath(path, namespaces=NS):
        for name, value in attributes.items():
            element.set(name.replace("_", "-"), value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


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
    assert "".join(paragraph.find("x:source", NS).itertext()) == "First paragraph with a link."
    assert paragraph.get("restype") == "x-html-p"
    assert units[f"{pk}/lead"].find("x:source", NS).text == speech.lead_en
    assert all(u.find("x:target", NS).text is None for u in units.values())
    assert all(not len(u.find("x:target", NS)) for u in units.values())


def test_export_writes_inline_markup_as_placeholders_never_as_html(speeches, french_translator):
    root = etree.fromstring(export_fr(speeches[:1], french_translator))
    pk = speeches[0].pk

    units = {u.get("id"): u for u in root.iterfind(".//x:trans-unit", NS)}
    source = units[f"{pk}/body/2"].find("x:source", NS)
    assert source.text == "First "
    assert [(e.tag, e.get("id"), e.get("ctype"), e.text, e.tail) for e in source] == [
        (f"{{{xliff.NS}}}g", "1", "bold", "paragraph", " with "),
        (f"{{{xliff.NS}}}g", "2", "link", "a link", "."),
    ]
    items = units[f"{pk}/body/3"].find("x:source", NS)
    assert [(e.get("id"), e.get("ctype"), e.text) for e in items] == [
        ("1", "x-html-li", "One"),
        ("2", "x-html-li", "Two"),
    ]
    # The address stays here; the translator reads it in a note.
    assert not root.xpath("//@href")
    assert not [u for u in units.values() if "<" in "".join(u.find("x:source", NS).itertext())]
    note = units[f"{pk}/body/2"].find("x:note", NS).text
    assert "https://example.org/" in note and "placeholder 2" in note


def test_export_writes_a_line_break_as_an_empty_placeholder(publisher):
    publication = PublicationFactory(body_en="<p>Moscow,<br>12 May</p>")

    root = etree.fromstring(export_fr([publication], publisher))

    source = root.find(f".//x:trans-unit[@id='{publication.pk}/body/1']/x:source", NS)
    assert source.text == "Moscow,"
    assert [(e.tag, e.get("id"), e.get("ctype"), e.tail) for e in source] == [
        (f"{{{xliff.NS}}}x", "1", "lb", "12 May")
    ]


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


def test_html_typed_into_a_target_is_text_never_markup(speeches, french_translator):
    data = translate(
        export_fr(speeches[1:], french_translator),
        lambda unit_id, source: f"FR {source}<script>alert(1)</script><b onclick='x()'>b</b>",
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    body = Publication.objects.get(pk=speeches[1].pk).body_fr
    assert "<script" not in body and "<b" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


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


# Import: inline markup travels as placeholders


def test_round_trip_puts_the_originals_links_around_the_translated_words(
    speeches, french_translator, client
):
    """The agency moves the link and the bold type; the page gets the original's href."""
    speech = speeches[0]
    data = translate(export_fr(speeches[:1], french_translator))
    data = edit_target_xml(
        data,
        f"{speech.pk}/body/2",
        '<g id="2" ctype="link">Un lien</g> suit le premier <g id="1" ctype="bold">paragraphe</g>.',
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    speech.refresh_from_db()
    assert segments.split(speech.body_fr)[1].html == (
        '<p><a href="https://example.org/">Un lien</a> suit le premier '
        "<strong>paragraphe</strong>.</p>"
    )
    page = french_page(client, speech).decode()
    assert '<a href="https://example.org/">Un lien</a>' in page
    assert "<li>One</li><li>Two</li>" in page.replace("FR ", "")


def test_an_existing_translation_is_exported_with_placeholders_and_imports_again(publisher):
    publication = PublicationFactory(
        languages=("en", "fr"),
        body_en='<p>See <a href="https://example.org/">the text</a>,<br>now.</p>',
        body_fr='<p>Voir <a href="https://example.org/">le texte</a>,<br>maintenant.</p>',
    )

    data = export_fr([publication], publisher)

    target = etree.fromstring(data).find(
        f".//x:trans-unit[@id='{publication.pk}/body/1']/x:target", NS
    )
    assert target.get("state") == "translated"
    assert target.text == "Voir "
    assert [(e.tag.split("}")[1], e.get("id"), e.text, e.tail) for e in target] == [
        ("g", "1", "le texte", ","),
        ("x", "2", None, "maintenant."),
    ]
    result = xliff.xliff_import(data=data, user=publisher)
    assert result.ok, reasons(result)
    assert Publication.objects.get(pk=publication.pk).body_fr == publication.body_fr


def test_a_saved_translation_whose_markup_differs_is_exported_for_review(publisher):
    """A translation saved before placeholders existed may have lost a link: say so."""
    publication = PublicationFactory(
        languages=("en", "fr"),
        body_en='<p>See <a href="https://example.org/">the text</a>.</p>',
        body_fr="<p>Voir le texte.</p>",
    )

    unit = etree.fromstring(export_fr([publication], publisher)).find(
        f".//x:trans-unit[@id='{publication.pk}/body/1']", NS
    )

    assert unit.find("x:target", NS).text == "Voir le texte."
    assert unit.find("x:target", NS).get("state") == "needs-review-translation"
    assert "check the placeholders" in " ".join(n.text for n in unit.findall("x:note", NS))


# Each way a translation can unbalance or lose the original's link, in each format.
UNBALANCED = {
    "earlier format: unclosed <a>": (
        lambda data, pk: edit_target(
            as_earlier_format(data),
            f"{pk}/body/2",
            'Premier <strong>paragraphe</strong> avec <a href="https://example.org/">un lien.',
        ),
        "The link around “a link” (placeholder 2) is opened but never closed.",
    ),
    "earlier format: <a> closed inside <strong>": (
        lambda data, pk: edit_target(
            as_earlier_format(data),
            f"{pk}/body/2",
            'Premier <strong>paragraphe <a href="https://example.org/">un</strong> lien</a>.',
        ),
        "The link around “a link” (placeholder 2) must be closed before the tag around it.",
    ),
    "earlier format: link redirected": (
        lambda data, pk: edit_target(
            as_earlier_format(data),
            f"{pk}/body/2",
            'Premier <strong>paragraphe</strong> <a href="https://evil.example/">un lien</a>.',
        ),
        'adds markup the original does not have here: <a href="https://evil.example/">',
    ),
    "placeholders: <g> missing": (
        lambda data, pk: edit_target_xml(
            data, f"{pk}/body/2", 'Premier <g id="1">paragraphe</g> avec un lien.'
        ),
        "The link around “a link” (placeholder 2) is missing.",
    ),
    "placeholders: <g> twice": (
        lambda data, pk: edit_target_xml(
            data,
            f"{pk}/body/2",
            'Premier <g id="1">paragraphe</g> avec <g id="2">un</g> <g id="2">lien</g>.',
        ),
        "The link around “a link” (placeholder 2) appears twice.",
    ),
    "placeholders: <g> nested wrongly": (
        lambda data, pk: edit_target_xml(
            data, f"{pk}/body/2", 'Premier <g id="1">paragraphe avec <g id="2">un lien</g></g>.'
        ),
        "The link around “a link” (placeholder 2) must not be inside the bold type around "
        "“paragraph” (placeholder 1).",
    ),
    "placeholders: <x/> for the link": (
        lambda data, pk: edit_target_xml(
            data, f"{pk}/body/2", 'Premier <g id="1">paragraphe</g> avec <x id="2"/> un lien.'
        ),
        "The link around “a link” (placeholder 2) must enclose the words it applies to.",
    ),
    "placeholders: link around nothing": (
        lambda data, pk: edit_target_xml(
            data, f"{pk}/body/2", 'Premier <g id="1">paragraphe</g> avec un lien<g id="2"> </g>.'
        ),
        "The link around “a link” (placeholder 2) encloses no words.",
    ),
    "placeholders: one the original does not have": (
        lambda data, pk: edit_target_xml(
            data, f"{pk}/body/2", 'Premier <g id="1">paragraphe</g> <g id="2">lien</g><x id="9"/>'
        ),
        "There is no placeholder 9 in the original.",
    ),
    "placeholders: a tool's own tags": (
        lambda data, pk: edit_target_xml(
            data,
            f"{pk}/body/2",
            'Premier <g id="1">paragraphe</g> <bpt id="2">&lt;a&gt;</bpt>lien<ept id="2"/>.',
        ),
        "The translation contains <bpt>",
    ),
    "placeholders: HTML written into the file": (
        lambda data, pk: edit_target_xml(
            data,
            f"{pk}/body/2",
            'Premier <g id="1">paragraphe</g> <a href="https://evil.example/">lien</a>.',
        ),
        "The translation contains <a>",
    ),
}


@pytest.mark.parametrize("case", UNBALANCED)
def test_a_block_whose_markup_does_not_match_is_refused_and_the_page_unchanged(
    case, french_translator, publisher, client
):
    """The regression: one unclosed link ran over the rest of the French page."""
    speech = PublicationFactory(
        languages=("en", "fr"),
        title_en="Talks in Geneva",
        body_en=BODY,
        body_fr=BODY.replace("First", "Premier"),
    )
    change, expected = UNBALANCED[case]
    data = change(translate(export_fr([speech], french_translator)), speech.pk)
    page = french_page(client, speech)
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert not result.ok
    assert f"#{speech.pk} Talks in Geneva, text, block 2: " in reasons(result)
    assert expected in reasons(result)
    assert [(p.field, p.block) for p in result.problems] == [("text", 2)] * len(result.problems)
    assert stored() == before
    assert french_page(client, speech) == page


def french_page(client, publication) -> bytes:
    # override: the request switches the thread to French; messages after it stay English.
    with translation.override("en"):
        response = client.get(publication.get_absolute_url("fr"))
    assert response.status_code == 200
    return response.content


def test_a_file_of_the_earlier_format_is_still_imported_with_the_originals_links(
    speeches, french_translator
):
    data = translate(as_earlier_format(export_fr(speeches, french_translator)))
    assert b"&lt;strong&gt;paragraph&lt;/strong&gt;" in data  # the format agencies may hold

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    speech = Publication.objects.get(pk=speeches[0].pk)
    assert segments.split(speech.body_fr)[1].html == (
        '<p>FR First <strong>paragraph</strong> with <a href="https://example.org/">a link</a>.</p>'
    )


def test_a_file_of_the_earlier_format_with_xliff_tags_in_a_block_is_refused(
    speeches, french_translator
):
    pk = speeches[0].pk
    data = edit_target_xml(
        translate(as_earlier_format(export_fr(speeches, french_translator))),
        f"{pk}/body/2",
        'Premier <g id="1">paragraphe</g>',
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "block 2: The translation contains XLIFF markup" in reasons(result)


# Import: captions and alternative texts of materials


@pytest.fixture
def illustrated(db) -> tuple[Publication, Material, Material, Material]:
    """A speech with a photo, a decorative photo and a link, each with its English texts."""
    publication = PublicationFactory(title_en="Talks in Geneva", body_en="<p>Text.</p>")
    photo, decorative = (
        services.material_save(
            material=Material(
                kind="photo",
                file=media_files.photo(),
                title_en=f"{name} caption",
                alt_text_en=f"{name} description",
                decorative=name == "Decorative",
            )
        )
        for name in ("Photo", "Decorative")
    )
    link = services.material_save(
        material=Material(kind="link", url="https://example.org/video", title_en="Video")
    )
    for position, material in enumerate((photo, decorative, link)):
        PublicationMaterial.objects.create(
            publication=publication, material=material, position=position
        )
    return publication, photo, decorative, link


def test_export_makes_a_segment_of_each_caption_and_needed_alternative_text(
    illustrated, french_translator
):
    publication, photo, decorative, link = illustrated

    root = etree.fromstring(export_fr([publication], french_translator))

    units = {
        u.get("id"): u.find("x:source", NS).text
        for u in root.iterfind(".//x:trans-unit", NS)
        if "/material/" in u.get("id")
    }
    pk = publication.pk
    assert units == {
        f"{pk}/material/{photo.pk}/title": "Photo caption",
        f"{pk}/material/{photo.pk}/alt_text": "Photo description",
        f"{pk}/material/{decorative.pk}/title": "Decorative caption",
        f"{pk}/material/{link.pk}/title": "Video",
    }


def test_captions_and_alternative_texts_are_imported_with_the_text(illustrated, french_translator):
    publication, photo, decorative, link = illustrated
    data = translate(export_fr([publication], french_translator))

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    assert result.segments == 2 + 4
    photo.refresh_from_db()
    decorative.refresh_from_db()
    link.refresh_from_db()
    assert (photo.title_fr, photo.alt_text_fr) == ("FR Photo caption", "FR Photo description")
    assert (decorative.title_fr, decorative.alt_text_fr) == ("FR Decorative caption", None)
    assert link.title_fr == "FR Video"


def test_a_caption_edited_after_the_export_is_never_overwritten(
    illustrated, french_translator, publisher
):
    publication, photo, _decorative, _link = illustrated
    data = translate(export_fr([publication], french_translator))
    translating.translation_save(
        publication=publication,
        language="fr",
        user=publisher,
        values={},
        materials={photo.pk: {"title": "Légende corrigée"}},
        ready=False,
    )
    before = stored()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "French translation was edited after the export" in reasons(result)
    assert stored() == before
    photo.refresh_from_db()
    assert photo.title_fr == "Légende corrigée"


def test_a_material_detached_since_the_export_is_a_conflict(illustrated, french_translator):
    publication, _photo, _decorative, link = illustrated
    data = translate(export_fr([publication], french_translator))
    PublicationMaterial.objects.filter(material=link).delete()

    result = xliff.xliff_import(data=data, user=french_translator)

    assert "no longer attached" in reasons(result)
    assert result.conflicts
    link.refresh_from_db()
    assert link.title_fr is None


def test_a_file_of_the_earlier_format_leaves_the_captions_alone(illustrated, french_translator):
    publication, photo, _decorative, _link = illustrated
    data = translate(as_earlier_format(export_fr([publication], french_translator)))

    result = xliff.xliff_import(data=data, user=french_translator)

    assert result.ok, reasons(result)
    assert Publication.objects.get(pk=publication.pk).body_fr == "<p>FR Text.</p>"
    photo.refresh_from_db()
    assert photo.title_fr is None


def test_an_untranslated_caption_is_refused_and_named(illustrated, french_translator):
    publication, photo, _decorative, _link = illustrated
    data = edit_target(
        translate(export_fr([publication], french_translator)),
        f"{publication.pk}/material/{photo.pk}/alt_text",
        "",
    )

    result = xliff.xliff_import(data=data, user=french_translator)

    assert f"alternative text of {photo.filename}: Untranslated segment." in reasons(result)


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
    "untranslated block with markup": (
        lambda data, pk: edit_target(data, f"{pk}/body/2", ""),
        "block 2: Untranslated segment",
    ),
    "block broken into two (earlier format)": (
        lambda data, pk: edit_target(as_earlier_format(data), f"{pk}/body/2", "Un.</p><p>Deux."),
        "block 2: A closing </p> closes nothing.",
    ),
    "script in a block (earlier format)": (
        lambda data, pk: edit_target(
            as_earlier_format(data), f"{pk}/body/1", "Titre<script>alert(1)</script>"
        ),
        "block 1: The translation adds markup the original does not have here: <script>.",
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
    """The target of ``unit_id`` replaced by plain ``text``, placeholders and all."""
    root = etree.fromstring(data)
    target = root.xpath(f"//x:trans-unit[@id='{unit_id}']/x:target", namespaces=NS)[0]
    target[:] = []
    target.text = text
    return etree.tostring(root)


def edit_target_xml(data: bytes, unit_id: str, inner: str) -> bytes:
    """The target of ``unit_id`` replaced by ``inner``, XLIFF markup written as in the file."""
    root = etree.fromstring(data)
    target = root.xpath(f"//x:trans-unit[@id='{unit_id}']/x:target", namespaces=NS)[0]
    written = etree.fromstring(f'<target xmlns="{xliff.NS}">{inner}</target>')
    target[:] = list(written)
    target.text = written.text
    return etree.tostring(root)


def nodes_of(element) -> list:
    """A <source>'s or <target>'s text and placeholders, as the placeholders module has them."""
    nodes = [element.text or ""]
    for child in element:
        empty = child.tag == f"{{{xliff.NS}}}x"
        nodes += [placeholders.Tag(int(child.get("id")), nodes_of(child), empty), child.tail or ""]
    return nodes


def as_earlier_format(data: bytes) -> bytes:
    """The file as exports wrote it before placeholders: each block's HTML as escaped text
    (a translated one too), no captions, none of the properties added with them."""
    root = etree.fromstring(data)
    for element in root.xpath(
        "//x:prop[@prop-type='inline-markup' or @prop-type='materials-fingerprint']"
        " | //x:trans-unit[contains(@id, '/material/')]",
        namespaces=NS,
    ):
        element.getparent().remove(element)
    for unit in root.xpath("//x:trans-unit[contains(@id, '/body/')]", namespaces=NS):
        pk, _body, number = unit.get("id").split("/")
        publication = Publication.objects.get(pk=pk)
        blocks = segments.split(services.publication_source(publication=publication)["body"])
        markup = placeholders.Markup(blocks[int(number) - 1])
        for name in ("source", "target"):
            element = unit.find(f"x:{name}", NS)
            element.text, element[:] = markup.render(nodes_of(element)) or None, []
        for note in unit.findall("x:note", NS):
            unit.remove(note)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


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
    save = translating.translation_save
    calls = []

    def fail_second(**kwargs):
        calls.append(kwargs["publication"].pk)
        if len(calls) == 2:
            raise ValidationError("The database said no.")
        return save(**kwargs)

    monkeypatch.setattr(translating, "translation_save", fail_second)
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
    translating.translation_save(
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
    translating.translation_mark_in_progress(publication=publication, language="fr", user=publisher)

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
