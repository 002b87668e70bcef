"""XLIFF 1.2 files for translation agencies: the texts go out, the translations come back.

An agency works in its own tools, and its file may come back weeks later. So each file
records what it was made from: the fingerprint of the original's texts and the state of
the translation at the export. An import checks every file, publication and segment
first and applies nothing if anything is wrong, if the original changed in the meantime,
or if someone edited the translation by hand since the export: a newer text is never
overwritten silently. Then everything is applied in one transaction through
``translating.translation_save``, so bodies are sanitised, each publication gets a
revision and its language version is marked ready, made from the original as it is now.

Each of the title, lead and place is a segment (a ``trans-unit``), and so is each block
of the text (``speeches.languages.segments``): a paragraph, heading, list or quote, and each caption
and alternative text of the materials. Inside a block, links, emphasis, line breaks and
list items travel as placeholders, ``<g id="1" ctype="link">…</g>`` and ``<x id="2"
ctype="lb"/>``; their attributes stay here and are put back by id, so a translation can
move a link to other words but not redirect it, drop it or leave it open. Every block is
checked by ``speeches.languages.placeholders`` as the side-by-side editor checks it.

Files of the earlier format (before placeholders, recognisable by the missing
``inline-markup`` property) carried each block's HTML as escaped text. They are still
accepted, because agencies return files weeks later; their HTML is read strictly (an
element left open or one the original does not have is an error) and then passes the
same check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from lxml import etree

from speeches.languages import placeholders, segments, translating
from speeches.models import (
    LANGUAGE_CODES,
    PLAIN_TEXT_FIELDS,
    TEXT_FIELDS,
    LanguageVersion,
    Material,
    Publication,
    in_language,
)
from speeches.publishing import services

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The header's <prop-group> that carries what an import checks against.
PROP_GROUP = "press-office"
SOURCE_FINGERPRINT = "source-fingerprint"
TARGET_FINGERPRINT = "target-fingerprint"
TARGET_STATUS = "target-status"
MATERIALS_FINGERPRINT = "materials-fingerprint"
# Files with this property carry inline markup as <g>/<x/>; older ones as escaped HTML.
INLINE_MARKUP = "inline-markup"
PLACEHOLDERS = "placeholders"
# The plain-text fields, one segment each; the body is one segment per block.
MISSING = "missing"  # the target-status of a translation that has no text yet
# A <file>'s original attribute; the length keeps a made-up id within the database's range.
_ORIGINAL = re.compile(r"publication/(\d{1,18})")
_MATERIAL_UNIT = re.compile(r"(\d+)/material/(\d{1,18})/(title|alt_text)")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class Unit:
    """One segment of a publication's original, as exported and as expected back."""

    id: str
    field: str
    block: int | None  # the body block's number, counted from 1
    source: str  # a body block's inner HTML, other segments' plain text
    tag: str = ""  # the body block's HTML tag (p, h2, ul…)
    material: Material | None = None  # for a caption or alternative text

    @property
    def label(self) -> str:
        """The field as a person names it: "title", "text", "caption of photo.jpg"."""
        if self.material is None:
            return str(Publication._meta.get_field(self.field).verbose_name)
        return _material_label(self.material, self.field)


def _material_label(material: Material, name: str) -> str:
    what = material.filename or material.url or f"#{material.pk}"
    if name == "alt_text":
        return _("alternative text of %(material)s") % {"material": what}
    return _("caption of %(material)s") % {"material": what}


def publication_units(*, publication: Publication) -> list[Unit]:
    """The segments of ``publication``'s original: its non-empty fields and text blocks.

    Export and import both use this list, so what one writes is exactly what the other
    expects. Blocks with nothing to translate (a rule, an empty paragraph) are skipped but
    keep their number, so the others keep theirs.
    """
    source = services.publication_source(publication=publication)
    pk = publication.pk
    units = [
        Unit(f"{pk}/{name}", name, None, source[name]) for name in PLAIN_TEXT_FIELDS if source[name]
    ]
    for number, block in enumerate(segments.split(source["body"]), start=1):
        if block.inner_html.strip():
            units.append(Unit(f"{pk}/body/{number}", "body", number, block.inner_html, block.tag))
    original = publication.original_language
    for material, name in segments.material_texts(publication):
        text = in_language(material, name, original).strip()
        if text:
            unit_id = f"{pk}/material/{material.pk}/{name}"
            units.append(Unit(unit_id, name, None, text, material=material))
    return units


def target_fingerprint(*, publication: Publication, language: str) -> str:
    """A fingerprint of ``language``'s texts, to notice an edit made after an export."""
    return services.source_fingerprint(
        {name: in_language(publication, name, language).strip() for name in TEXT_FIELDS}
    )


def materials_fingerprint(*, publication: Publication, language: str) -> str:
    """A fingerprint of ``language``'s captions and alternative texts, for the same purpose."""
    return services.source_fingerprint(
        {
            f"{material.pk}/{name}": in_language(material, name, language).strip()
            for material, name in segments.material_texts(publication)
        }
    )


def _language_name(code: str) -> str:
    return get_language_info(code)["name_translated"] if code in LANGUAGE_CODES else code


def _label(publication: Publication) -> str:
    return f"#{publication.pk} {publication}"


# Export


def export_languages(*, publications: Iterable[Publication], user) -> list[str]:
    """The languages ``user`` may translate every one of ``publications`` into."""
    publications = list(publications)
    return [
        code
        for code in LANGUAGE_CODES
        if publications
        and all(
            translating.can_translate(user=user, publication=p, language=code) for p in publications
        )
    ]


def xliff_export(*, publications: Iterable[Publication], target_language: str, user) -> bytes:
    """An XLIFF 1.2 file of ``publications``' texts to translate into ``target_language``.

    One ``<file>`` per publication; its header records the original's fingerprint and
    the translation's status and fingerprint at this moment, which an import checks.
    Existing translations travel as ``<target>`` wherever they line up with the original,
    so an agency only fills in what is new. Raises ``ValidationError`` for an unknown
    language or a publication written in it, ``PermissionDenied`` for a publication
    ``user`` may not translate into it.
    """
    publications = list(publications)
    if target_language not in LANGUAGE_CODES:
        raise ValidationError(_("Choose a language to translate into."))
    if not publications:
        raise ValidationError(_("Choose at least one publication to export."))
    originals = [p for p in publications if p.original_language == target_language]
    if originals:
        raise ValidationError(
            _(
                "%(language)s is the original language of: %(publications)s. Only "
                "translations are exported."
            )
            % {
                "language": _language_name(target_language),
                "publications": ", ".join(_label(p) for p in originals),
            }
        )
    refused = [
        p
        for p in publications
        if not translating.can_translate(user=user, publication=p, language=target_language)
    ]
    if refused:
        raise PermissionDenied(
            _("You may not translate these publications into %(language)s: %(publications)s")
            % {
                "language": _language_name(target_language),
                "publications": ", ".join(_label(p) for p in refused),
            }
        )
    root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
    created = timezone.now().replace(microsecond=0).isoformat()
    for publication in publications:
        root.append(_file_element(publication, target_language, created))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _file_element(publication: Publication, language: str, created: str) -> etree._Element:
    source_language = publication.original_language
    element = etree.Element(
        _q("file"),
        {
            "original": f"publication/{publication.pk}",
            "source-language": source_language,
            "target-language": language,
            "datatype": "html",
            "date": created,
        },
    )
    version = LanguageVersion.objects.filter(publication=publication, language=language).first()
    header = etree.SubElement(element, _q("header"))
    group = etree.SubElement(header, _q("prop-group"), name=PROP_GROUP)
    props = {
        SOURCE_FINGERPRINT: services.source_fingerprint(
            services.publication_source(publication=publication)
        ),
        TARGET_STATUS: version.status if version else MISSING,
        TARGET_FINGERPRINT: target_fingerprint(publication=publication, language=language),
        MATERIALS_FINGERPRINT: materials_fingerprint(publication=publication, language=language),
        INLINE_MARKUP: PLACEHOLDERS,
    }
    for name, value in props.items():
        etree.SubElement(group, _q("prop"), {"prop-type": name}).text = value
    etree.SubElement(header, _q("note")).text = _(
        "%(publication)s. Translate each segment. The tags <g> and <x/> stand for the "
        "original's links, emphasis, line breaks and list items: keep each one, around the "
        "words it applies to; you may move it with them."
    ) % {"publication": _label(publication)}

    body = etree.SubElement(element, _q("body"))
    units = publication_units(publication=publication)
    targets = _current_targets(publication, language)
    snapshot = _snapshot_sources(version)
    for unit in units:
        attributes = {"id": unit.id, "resname": unit.field, XML_SPACE: "preserve"}
        if unit.block:
            attributes.update(datatype="html", restype=f"x-html-{unit.tag}")
        else:
            attributes.update(datatype="plaintext")
        trans_unit = etree.SubElement(body, _q("trans-unit"), attributes)
        source = etree.SubElement(trans_unit, _q("source"), {XML_LANG: source_language})
        target = etree.SubElement(trans_unit, _q("target"), {XML_LANG: language})
        current = targets.get(unit.id, "")
        incomplete = False
        if unit.block:
            markup = placeholders.Markup(segments.Block(unit.tag, {}, unit.source))
            _write_nodes(source, markup.tree, markup)
            nodes, incomplete = current or ([], False)
            _write_nodes(target, nodes, markup)
            current = placeholders.text_of(nodes).strip()
            notes = [e.legend() for e in markup.elements.values() if e.tag == "a"]
            if incomplete:
                notes.append(
                    _(
                        "The saved translation's markup did not match the original's here; "
                        "check the placeholders."
                    )
                )
        else:
            source.text = unit.source
            target.text = current
            notes = [capfirst(unit.label)] if unit.material is not None else []
        for note in notes:  # what a translator cannot see in the tags: where links go
            etree.SubElement(trans_unit, _q("note")).text = capfirst(note)
        if not current:
            state = "needs-translation"
        elif incomplete or (
            version
            and version.status == LanguageVersion.Status.OUTDATED
            and snapshot.get(unit.id) != _normalise(unit.source)
        ):
            state = "needs-review-translation"  # translated from an earlier original
        else:
            state = "translated"
        target.set("state", state)
    return element


def _write_nodes(parent, nodes: list[placeholders.Node], markup: placeholders.Markup) -> None:
    """Append text and placeholders to ``parent``: ``<g>`` around words, ``<x/>`` for the rest."""
    # An empty text rather than none keeps the pretty printer from indenting mixed content,
    # which would add spaces between list items.
    parent.text = parent.text or ""
    last = None
    for node in nodes:
        if isinstance(node, str):
            if last is None:
                parent.text = (parent.text or "") + node
            else:
                last.tail = (last.tail or "") + node
            continue
        element = markup.elements[node.id]
        last = etree.SubElement(
            parent, _q("x" if element.empty else "g"), id=str(node.id), ctype=element.ctype
        )
        if not element.empty:
            _write_nodes(last, node.children, markup)


def _read_nodes(element) -> list[placeholders.Node]:
    """The text and placeholders of a ``<source>`` or ``<target>``; ``MarkupError`` for
    anything else in it (a translation tool's own tags, HTML typed into the file)."""
    nodes: list[placeholders.Node] = []
    if element.text:
        nodes.append(element.text)
    for child in element:
        kind = child.tag.rsplit("}", 1)[-1]
        number = child.get("id", "")
        if child.tag not in (_q("g"), _q("x")):
            raise placeholders.MarkupError(
                [
                    _(
                        "The translation contains <%(tag)s>, which is not one of the "
                        "placeholders of the export (<g> and <x/>); keep those as they came."
                    )
                    % {"tag": kind}
                ]
            )
        if not number.isdigit():
            raise placeholders.MarkupError(
                [_("A <%(tag)s> placeholder has no valid id.") % {"tag": kind}]
            )
        if child.tag == _q("x"):
            if child.text or len(child):
                raise placeholders.MarkupError(
                    [_("The <x/> placeholder %(id)s cannot enclose words.") % {"id": number}]
                )
            nodes.append(placeholders.Tag(int(number), empty=True))
        else:
            nodes.append(placeholders.Tag(int(number), _read_nodes(child)))
        if child.tail:
            nodes.append(child.tail)
    return nodes


def _current_targets(publication: Publication, language: str) -> dict[str, object]:
    """The translation per segment id, where it lines up with the original.

    The body's blocks are used only if the translation has as many blocks, with the same
    tags, as the original: otherwise they could land next to the wrong paragraph. A block
    is (its text and placeholders, whether its markup differs from the original's).
    """
    pk = publication.pk
    targets: dict[str, object] = {
        f"{pk}/{name}": in_language(publication, name, language).strip()
        for name in PLAIN_TEXT_FIELDS
    }
    for material, name in segments.material_texts(publication):
        targets[f"{pk}/material/{material.pk}/{name}"] = (
            in_language(material, name, language)
        ).strip()
    source_blocks = segments.split(services.publication_source(publication=publication)["body"])
    target_blocks = segments.split(in_language(publication, "body", language))
    if [b.tag for b in source_blocks] == [b.tag for b in target_blocks]:
        for number, (source, block) in enumerate(
            zip(source_blocks, target_blocks, strict=True), start=1
        ):
            markup = placeholders.Markup(source)
            nodes, dropped = markup.parse_saved_html(block.inner_html)
            targets[f"{pk}/body/{number}"] = (nodes, dropped or bool(markup.check(nodes)))
    return targets


def _snapshot_sources(version: LanguageVersion | None) -> dict[str, str]:
    """The original as the translation was made from it, per segment id (for its state)."""
    if version is None or not version.source_snapshot:
        return {}
    pk = version.publication_id
    snapshot = version.source_snapshot
    found = {f"{pk}/{name}": _normalise(snapshot.get(name, "")) for name in PLAIN_TEXT_FIELDS}
    for number, block in enumerate(segments.split(snapshot.get("body", "")), start=1):
        found[f"{pk}/body/{number}"] = _normalise(block.inner_html)
    return found


def export_filename(*, language: str) -> str:
    """E.g. press-office-fr-2024-05-01.xlf."""
    return f"press-office-{language}-{timezone.localdate():%Y-%m-%d}.xlf"


# Import


@dataclass(frozen=True)
class ImportProblem:
    """Why an import was refused, as precisely as it can be said."""

    publication: str  # "#7 Title", or what the file named
    reason: str
    field: str = ""  # "title", "text"…, empty for the whole publication or file
    block: int | None = None  # the body block's number, counted from 1
    conflict: bool = False  # someone changed the original or the translation meanwhile

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.publication,
                self.field,
                _("block %(number)s") % {"number": self.block} if self.block else "",
            )
            if part
        )
        return f"{where}: {self.reason}" if where else self.reason


@dataclass
class ImportResult:
    """What an import did: the publications and segments it updated, or why it did nothing."""

    problems: list[ImportProblem] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    segments: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def conflicts(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.conflict]

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.conflict]


@dataclass
class _Plan:
    publication: Publication
    language: str
    values: dict[str, str]
    materials: dict[int, dict[str, str]]
    segments: int


def xliff_import(*, data: bytes, user) -> ImportResult:
    """Apply the translations of an XLIFF file exported by ``xliff_export``, or nothing.

    Every file part, segment and permission is checked first, with the publications
    locked; any error or conflict is reported and nothing is written. Otherwise each
    publication is saved through ``translating.translation_save`` and its language
    version marked ready, all in one transaction.
    """
    if len(data) > settings.XLIFF_MAX_BYTES:
        return _refused(
            _("The file is larger than %(limit)s; XLIFF files of this office are far smaller.")
            % {"limit": filesizeformat(settings.XLIFF_MAX_BYTES)}
        )
    try:
        root = SafeElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        return _refused(
            _(
                "The file declares a document type or entities, which XLIFF from translation "
                "tools never needs; it was refused for safety."
            )
        )
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        return _refused(
            _(
                "The file is not well-formed XML (line %(line)s, column %(column)s): it may be "
                "truncated, or not an XLIFF file at all."
            )
            % {"line": line, "column": column}
        )
    except (ValueError, LookupError):  # e.g. an unknown encoding declared
        return _refused(_("The file could not be read as XML."))
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        return _refused(_("This is not an XLIFF 1.2 file (urn:oasis:names:tc:xliff:document:1.2)."))
    files = root.findall(_q("file"))
    if not files:
        return _refused(_("The file contains no publications."))

    result = ImportResult()
    with transaction.atomic():
        pks = {int(m[1]) for f in files if (m := _ORIGINAL.fullmatch(f.get("original", "")))}
        locked = Publication.objects.select_for_update().in_bulk(pks)
        seen: set[tuple[int, str]] = set()
        plans = [_plan(f, locked, seen, user, result.problems) for f in files]
        if result.problems:
            return result
        for plan in plans:
            try:
                translating.translation_save(
                    publication=plan.publication,
                    language=plan.language,
                    user=user,
                    values=plan.values,
                    materials=plan.materials or None,
                    ready=True,
                    expected_version=plan.publication.edit_version,
                    comment=_("Translation (%(language)s): imported from an XLIFF file, ready")
                    % {"language": plan.language},
                )
            except services.EditConflict:
                result.problems.append(
                    ImportProblem(
                        _label(plan.publication),
                        _("Someone saved this publication during the import; try again."),
                        conflict=True,
                    )
                )
            except (ValidationError, PermissionDenied) as error:
                for message in _messages(error):
                    result.problems.append(ImportProblem(_label(plan.publication), message))
            if result.problems:
                transaction.set_rollback(True)
                return ImportResult(problems=result.problems)
            result.publications.append(plan.publication)
            result.segments += plan.segments
    return result


def _refused(reason: str) -> ImportResult:
    return ImportResult(problems=[ImportProblem("", reason)])


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error) or _("You may not edit this language version.")]


def _normalise(text: str) -> str:
    """Compare texts as a translation tool may rewrap them: whitespace runs are one space."""
    return " ".join((text or "").split())


def _plan(element, locked, seen, user, problems: list[ImportProblem]) -> _Plan | None:
    """Check one ``<file>`` against its publication; what to save, or None after a problem."""
    original = element.get("original", "")
    match = _ORIGINAL.fullmatch(original)
    if not match:
        problems.append(
            ImportProblem(
                original or "?",
                _("This part of the file names no publication of this press office."),
            )
        )
        return None
    pk = int(match[1])
    publication = locked.get(pk)
    if publication is None:
        problems.append(
            ImportProblem(
                f"#{pk}",
                _(
                    "There is no publication #%(pk)s: it was deleted, or the file is from "
                    "another site."
                )
                % {"pk": pk},
            )
        )
        return None
    label = _label(publication)
    language = _language_code(element.get("target-language", ""))
    source_language = _language_code(element.get("source-language", ""))
    reason = None
    if language not in LANGUAGE_CODES:
        reason = _("The file's target language (“%(code)s”) is not one of this site's.") % {
            "code": element.get("target-language", "")
        }
    elif language == publication.original_language:
        reason = _(
            "%(language)s is this publication's original language; only translations can "
            "be imported."
        ) % {"language": _language_name(language)}
    elif not translating.can_translate(user=user, publication=publication, language=language):
        reason = _("You may not translate this publication into %(language)s.") % {
            "language": _language_name(language)
        }
    elif (pk, language) in seen:
        reason = _("The file holds this publication's %(language)s translation twice.") % {
            "language": _language_name(language)
        }
    elif source_language != publication.original_language:
        reason = _(
            "The file was made from the %(file)s original, but this publication's original "
            "language is now %(current)s."
        ) % {
            "file": _language_name(source_language),
            "current": _language_name(publication.original_language),
        }
    if reason:
        problems.append(ImportProblem(label, reason))
        return None
    seen.add((pk, language))
    count = len(problems)
    props = _props(element)
    source_changed = _check_state(props, publication, language, label, problems)
    values, materials, number = _check_units(
        element,
        publication,
        label,
        source_changed,
        problems,
        legacy=props.get(INLINE_MARKUP) != PLACEHOLDERS,
    )
    if len(problems) > count:
        return None
    return _Plan(publication, language, values, materials, number)


def _language_code(value: str) -> str:
    """This site's code for a language a translation tool may have written as fr-FR or FR."""
    value = value.strip().lower().replace("_", "-")
    if value in LANGUAGE_CODES:
        return value
    return value.split("-")[0]


def _props(element) -> dict[str, str]:
    """The properties this office wrote into a ``<file>``'s header at the export."""
    header = element.find(_q("header"))
    props = {}
    if header is not None:
        for group in header.iter(_q("prop-group")):
            if group.get("name") == PROP_GROUP:
                props.update({p.get("prop-type"): (p.text or "").strip() for p in group})
    return props


def _check_state(props, publication, language, label, problems) -> bool:
    """Report a translation edited since the export; whether the original changed since."""
    if not props.get(SOURCE_FINGERPRINT) or not props.get(TARGET_FINGERPRINT):
        problems.append(
            ImportProblem(
                label,
                _(
                    "The file lacks this office's record of the export (its header was "
                    "removed); export the publication again and translate that file."
                ),
            )
        )
        return False
    source = services.source_fingerprint(services.publication_source(publication=publication))
    # Files of the earlier format carry no captions, so have no materials fingerprint.
    materials = props.get(MATERIALS_FINGERPRINT)
    if props[TARGET_FINGERPRINT] != target_fingerprint(
        publication=publication, language=language
    ) or (
        materials and materials != materials_fingerprint(publication=publication, language=language)
    ):
        who = publication.last_saved_by()
        when = formats.date_format(timezone.localtime(publication.updated_at), "DATETIME_FORMAT")
        problems.append(
            ImportProblem(
                label,
                _(
                    "The %(language)s translation was edited after the export (last save by "
                    "%(user)s, %(time)s); importing would overwrite that edit. Export again, or "
                    "bring the edit into the agency's text."
                )
                % {"language": _language_name(language), "user": who, "time": when},
                conflict=True,
            )
        )
    return props[SOURCE_FINGERPRINT] != source


def _check_units(
    element, publication, label, source_changed: bool, problems, *, legacy: bool
) -> tuple[dict[str, str], dict[int, dict[str, str]], int]:
    """Check every segment; the field values and material texts to save, and their number.

    A changed original is reported at the segments that changed; if none of the file's
    segments did (a field was emptied, say), for the publication as a whole. ``legacy``:
    the file is of the earlier format, its blocks' HTML escaped as text.
    """
    expected = {
        unit.id: unit
        for unit in publication_units(publication=publication)
        if not (legacy and unit.material)  # files of the earlier format carry no captions
    }
    pk = publication.pk
    body_blocks = segments.split(services.publication_source(publication=publication)["body"])
    received: dict[str, object] = {}
    body_label = str(Publication._meta.get_field("body").verbose_name)

    def report(unit: Unit | None, reason: str, conflict: bool = False):
        problems.append(
            ImportProblem(
                label, reason, unit.label if unit else "", unit.block if unit else None, conflict
            )
        )

    body = element.find(_q("body"))
    trans_units = list(body.iter(_q("trans-unit"))) if body is not None else []
    for trans_unit in trans_units:
        unit_id = trans_unit.get("id", "")
        unit = expected.get(unit_id)
        if unit_id in received:
            report(unit, _("The segment “%(id)s” appears twice.") % {"id": unit_id})
            continue
        if unit is None:
            block = re.fullmatch(rf"{pk}/body/(\d+)", unit_id)
            material = _MATERIAL_UNIT.fullmatch(unit_id)
            if block:
                problems.append(
                    ImportProblem(
                        label,
                        _(
                            "The original's text has no such block now (it has %(count)s): "
                            "it was changed since the export."
                        )
                        % {"count": len(body_blocks)},
                        body_label,
                        int(block[1]),
                    )
                )
            elif material and material[1] == str(pk):
                # Materials are not in the source fingerprint: say it here, as a conflict.
                report(
                    None,
                    _(
                        "The segment “%(id)s” belongs to a material that is no longer attached "
                        "to this publication, or whose text was emptied since the export."
                    )
                    % {"id": unit_id},
                    conflict=True,
                )
            else:
                report(None, _("Unknown segment “%(id)s”.") % {"id": unit_id})
            continue
        received[unit_id] = trans_unit

    segment_conflicts = False
    values: dict[str, str] = {}
    materials: dict[int, dict[str, str]] = {}
    translated_blocks: dict[int, str] = {}
    for unit in expected.values():
        trans_unit = received.get(unit.id)
        if trans_unit is None:
            report(unit, _("This segment is missing from the file."))
            continue
        markup = (
            placeholders.Markup(body_blocks[unit.block - 1]) if unit.block is not None else None
        )
        source = trans_unit.find(_q("source"))
        if not _same_source(source, unit, markup, legacy):
            segment_conflicts = True
            report(unit, _("The original of this segment was changed since the export."), True)
            continue
        target = trans_unit.find(_q("target"))
        if target is None or (not (target.text or "").strip() and not len(target)):
            report(unit, _("Untranslated segment."))
            continue
        if (markup is None or legacy) and len(target):
            report(
                unit,
                _("The translation contains XLIFF markup; this segment is plain text.")
                if markup is None
                else _(
                    "The translation contains XLIFF markup; this file is of the earlier format, "
                    "which carries the HTML as text."
                ),
            )
            continue
        if markup is None:
            text = target.text.strip()
            limit = (Material if unit.material else Publication)._meta.get_field(unit.field)
            if limit.max_length and len(text) > limit.max_length:
                report(
                    unit,
                    _("The translation is longer than %(limit)s characters.")
                    % {"limit": limit.max_length},
                )
            elif unit.material is not None:
                materials.setdefault(unit.material.pk, {})[unit.field] = text
            else:
                values[unit.field] = text
            continue
        try:
            nodes = markup.parse_html(target.text) if legacy else _read_nodes(target)
            translated_blocks[unit.block] = markup.translate(placeholders.strip(nodes))
        except placeholders.MarkupError as error:
            for message in error.messages:
                report(unit, message)
    if source_changed and not segment_conflicts:
        problems.append(
            ImportProblem(
                label,
                _("The original was changed since the export; export it again."),
                conflict=True,
            )
        )
    if translated_blocks:
        inner = [
            translated_blocks.get(number, block.inner_html)
            for number, block in enumerate(body_blocks, start=1)
        ]
        values["body"] = segments.join(segments.with_inner_html(body_blocks, inner))
    count = len([name for name in values if name != "body"]) + len(translated_blocks)
    return values, materials, count + sum(len(texts) for texts in materials.values())


def _same_source(source, unit: Unit, markup: placeholders.Markup | None, legacy: bool) -> bool:
    """Is the file's ``<source>`` still the original's text (and placeholders)?"""
    if source is None:
        return False
    if markup is None or legacy:
        if len(source):
            return False
        return _normalise(source.text) == _normalise(unit.source)
    try:
        nodes = _read_nodes(source)
    except placeholders.MarkupError:
        return False
    return _normalise(placeholders.tokens(nodes)) == _normalise(markup.tokens())
