"""XLIFF 1.2 files for translation agencies: the texts go out, the translations come back.

An agency works in its own tools, and its file may come back weeks later. So each file
records what it was made from: the fingerprint of the original's texts and the state of
the translation at the export. An import checks every file, publication and segment
first and applies nothing if anything is wrong, if the original changed in the meantime,
or if someone edited the translation by hand since the export: a newer text is never
overwritten silently. Then everything is applied in one transaction through
``translations.translation_save``, so bodies are sanitised, each publication gets a
revision and its language version is marked ready, made from the original as it is now.

Each of the title, lead and place is a segment (a ``trans-unit``), and so is each block
of the text (``speeches.segments``): a paragraph, heading, list or quote, whose inner HTML
travels as text, so links and emphasis stay with their sentence and the translated text
keeps the original's block structure.
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
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from lxml import etree

from speeches import segments, services, translations
from speeches.models import LANGUAGE_CODES, LanguageVersion, Publication

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The header's <prop-group> that carries what an import checks against.
PROP_GROUP = "press-office"
SOURCE_FINGERPRINT = "source-fingerprint"
TARGET_FINGERPRINT = "target-fingerprint"
TARGET_STATUS = "target-status"
# The plain-text fields, one segment each; the body is one segment per block.
PLAIN_FIELDS = ("title", "lead", "place")
MISSING = "missing"  # the target-status of a translation that has no text yet
# A <file>'s original attribute; the length keeps a made-up id within the database's range.
_ORIGINAL = re.compile(r"publication/(\d{1,18})")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class Unit:
    """One segment of a publication's original, as exported and as expected back."""

    id: str
    field: str
    block: int | None  # the body block's number, counted from 1
    source: str
    tag: str = ""  # the body block's HTML tag (p, h2, ul…)


def publication_units(*, publication: Publication) -> list[Unit]:
    """The segments of ``publication``'s original: its non-empty fields and text blocks.

    Export and import both use this list, so what one writes is exactly what the other
    expects. Blocks with nothing to translate (a rule, an empty paragraph) are skipped but
    keep their number, so the others keep theirs.
    """
    source = services.publication_source(publication=publication)
    pk = publication.pk
    units = [
        Unit(f"{pk}/{name}", name, None, source[name]) for name in PLAIN_FIELDS if source[name]
    ]
    for number, block in enumerate(segments.split(source["body"]), start=1):
        if block.inner_html.strip():
            units.append(Unit(f"{pk}/body/{number}", "body", number, block.inner_html, block.tag))
    return units


def target_fingerprint(*, publication: Publication, language: str) -> str:
    """A fingerprint of ``language``'s texts, to notice an edit made after an export."""
    return services.source_fingerprint(
        {
            name: (getattr(publication, f"{name}_{language}", "") or "").strip()
            for name in services.SOURCE_FIELDS
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
            translations.can_translate(user=user, publication=p, language=code)
            for p in publications
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
        if not translations.can_translate(user=user, publication=p, language=target_language)
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
    }
    for name, value in props.items():
        etree.SubElement(group, _q("prop"), {"prop-type": name}).text = value
    etree.SubElement(header, _q("note")).text = _(
        "%(publication)s. Translate each segment; keep its HTML tags (links, emphasis, list "
        "items) and translate the text between them."
    ) % {"publication": _label(publication)}

    body = etree.SubElement(element, _q("body"))
    units = publication_units(publication=publication)
    targets = _current_targets(publication, language)
    snapshot = _snapshot_sources(version)
    for unit in units:
        html = unit.field == "body"
        attributes = {"id": unit.id, "resname": unit.field}
        if html:
            attributes.update(datatype="html", restype=f"x-html-{unit.tag}")
        else:
            attributes.update({"datatype": "plaintext", XML_SPACE: "preserve"})
        trans_unit = etree.SubElement(body, _q("trans-unit"), attributes)
        etree.SubElement(trans_unit, _q("source"), {XML_LANG: source_language}).text = unit.source
        target = targets.get(unit.id, "")
        if not target:
            state = "needs-translation"
        elif (
            version
            and version.status == LanguageVersion.Status.OUTDATED
            and snapshot.get(unit.id) != _normalise(unit.source)
        ):
            state = "needs-review-translation"  # translated from an earlier original
        else:
            state = "translated"
        etree.SubElement(
            trans_unit, _q("target"), {XML_LANG: language, "state": state}
        ).text = target
    return element


def _current_targets(publication: Publication, language: str) -> dict[str, str]:
    """The translation's text per segment id, where it lines up with the original.

    The body's blocks are used only if the translation has as many blocks, with the same
    tags, as the original: otherwise they could land next to the wrong paragraph.
    """
    pk = publication.pk
    targets = {
        f"{pk}/{name}": (getattr(publication, f"{name}_{language}", "") or "").strip()
        for name in PLAIN_FIELDS
    }
    source_blocks = segments.split(services.publication_source(publication=publication)["body"])
    target_blocks = segments.split(getattr(publication, f"body_{language}", "") or "")
    if [b.tag for b in source_blocks] == [b.tag for b in target_blocks]:
        for number, block in enumerate(target_blocks, start=1):
            targets[f"{pk}/body/{number}"] = block.inner_html
    return targets


def _snapshot_sources(version: LanguageVersion | None) -> dict[str, str]:
    """The original as the translation was made from it, per segment id (for its state)."""
    if version is None or not version.source_snapshot:
        return {}
    pk = version.publication_id
    snapshot = version.source_snapshot
    found = {f"{pk}/{name}": _normalise(snapshot.get(name, "")) for name in PLAIN_FIELDS}
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
    segments: int


def xliff_import(*, data: bytes, user) -> ImportResult:
    """Apply the translations of an XLIFF file exported by ``xliff_export``, or nothing.

    Every file part, segment and permission is checked first, with the publications
    locked; any error or conflict is reported and nothing is written. Otherwise each
    publication is saved through ``translations.translation_save`` and its language
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
                translations.translation_save(
                    publication=plan.publication,
                    language=plan.language,
                    user=user,
                    values=plan.values,
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
    elif not translations.can_translate(user=user, publication=publication, language=language):
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
    source_changed = _check_state(element, publication, language, label, problems)
    values, number = _check_units(element, publication, label, source_changed, problems)
    if len(problems) > count:
        return None
    return _Plan(publication, language, values, number)


def _language_code(value: str) -> str:
    """This site's code for a language a translation tool may have written as fr-FR or FR."""
    value = value.strip().lower().replace("_", "-")
    if value in LANGUAGE_CODES:
        return value
    return value.split("-")[0]


def _check_state(element, publication, language, label, problems) -> bool:
    """Report a translation edited since the export; whether the original changed since."""
    header = element.find(_q("header"))
    props = {}
    if header is not None:
        for group in header.iter(_q("prop-group")):
            if group.get("name") == PROP_GROUP:
                props.update({p.get("prop-type"): (p.text or "").strip() for p in group})
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
    if props[TARGET_FINGERPRINT] != target_fingerprint(publication=publication, language=language):
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
    element, publication, label, source_changed: bool, problems
) -> tuple[dict[str, str], int]:
    """Check every segment; the field values to save and the number of segments.

    A changed original is reported at the segments that changed; if none of the file's
    segments did (a field was emptied, say), for the publication as a whole.
    """
    expected = {unit.id: unit for unit in publication_units(publication=publication)}
    pk = publication.pk
    body_blocks = segments.split(services.publication_source(publication=publication)["body"])
    received: dict[str, object] = {}
    body_label = str(Publication._meta.get_field("body").verbose_name)

    def report(unit_field: str, block: int | None, reason: str, conflict: bool = False):
        name = str(Publication._meta.get_field(unit_field).verbose_name) if unit_field else ""
        problems.append(ImportProblem(label, reason, name, block, conflict))

    body = element.find(_q("body"))
    trans_units = list(body.iter(_q("trans-unit"))) if body is not None else []
    for trans_unit in trans_units:
        unit_id = trans_unit.get("id", "")
        unit = expected.get(unit_id)
        if unit_id in received:
            report(
                unit.field if unit else "",
                unit.block if unit else None,
                _("The segment “%(id)s” appears twice.") % {"id": unit_id},
            )
            continue
        if unit is None:
            block = re.fullmatch(rf"{pk}/body/(\d+)", unit_id)
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
            else:
                report("", None, _("Unknown segment “%(id)s”.") % {"id": unit_id})
            continue
        received[unit_id] = trans_unit

    segment_conflicts = False
    values: dict[str, str] = {}
    translated_blocks: dict[int, str] = {}
    for unit in expected.values():
        trans_unit = received.get(unit.id)
        if trans_unit is None:
            report(unit.field, unit.block, _("This segment is missing from the file."))
            continue
        source = trans_unit.find(_q("source"))
        source_text = "".join(source.itertext()) if source is not None else ""
        if _normalise(source_text) != _normalise(unit.source):
            segment_conflicts = True
            report(
                unit.field,
                unit.block,
                _("The original of this segment was changed since the export."),
                conflict=True,
            )
            continue
        target = trans_unit.find(_q("target"))
        if target is not None and len(target):
            report(
                unit.field,
                unit.block,
                _(
                    "The translation contains XLIFF markup; this import expects the HTML as "
                    "text, as it was exported."
                ),
            )
            continue
        text = (target.text or "").strip() if target is not None else ""
        if not text:
            report(unit.field, unit.block, _("Untranslated segment."))
            continue
        if unit.block is None:
            limit = Publication._meta.get_field(unit.field).max_length
            if limit and len(text) > limit:
                report(
                    unit.field,
                    None,
                    _("The translation is longer than %(limit)s characters.") % {"limit": limit},
                )
                continue
            values[unit.field] = text
            continue
        reason = _block_problem(body_blocks[unit.block - 1], text)
        if reason:
            report(unit.field, unit.block, reason)
            continue
        translated_blocks[unit.block] = text
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
    return values, len([name for name in values if name != "body"]) + len(translated_blocks)


def _block_problem(block: segments.Block, translation: str) -> str | None:
    """Why ``translation`` cannot take the place of ``block``'s contents, if it cannot."""
    rebuilt = segments.split(segments.Block(block.tag, block.attributes, translation).html)
    if not rebuilt or not rebuilt[0].inner_html.strip():
        return _("Nothing is left of this translation once unsafe markup is removed.")
    if len(rebuilt) != 1 or rebuilt[0].tag != block.tag:
        return _(
            "The translation would break this block into several (a tag of the original was "
            "closed, or a new block opened); keep the original's HTML tags."
        )
    return None
