"""The rich text of a publication: what the editor offers and what survives sanitising.

One allow-list serves both sides: django-prose-editor derives the editor's toolbar and
nh3's cleaner from the same extension set, so an editor can never produce markup that
the server would then silently drop.

Sanitising also gives the body its anchors: every h2 and h3 heading and every question
gets an ``id`` (``anchored``), so a page can list them (``outline``: a table of contents,
the questions of an interview) and a reader can link to one. The ids number them in order,
"h-1", "q-3": made at every save from the structure alone, they are the same whichever
path saved the text (the change form's editor, which does not keep ids, a translation put
together block by block, an import) and survive a heading's rewording; and since a
translation follows its original block by block, "#q-3" is the third question in every
language, through the short link too. The cleaner lets through no other id.
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from django_prose_editor.fields import ProseEditorField

# A paragraph that is a journalist's question (interviews, briefings, answers to the media):
# the editor's "Block style" menu offers it, the page sets it apart and lists the questions.
QUESTION_CLASS = "question"

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False},
    "NodeClass": {
        "cssClasses": {
            "paragraph": {
                "title": _("Paragraph"),
                "cssClasses": [{"className": QUESTION_CLASS, "title": _("Question")}],
            }
        }
    },
}

# Headings that get an anchor and make a table of contents; h4 is too fine a grain.
ANCHORED_HEADINGS = ("h2", "h3")
# Ids the body may carry: ours alone, a heading's "h-1" and a question's "q-1", so that a
# text can never take an id the page itself uses (``content``, ``materials-heading``…).
ID_PATTERNS = {
    **dict.fromkeys(ANCHORED_HEADINGS, re.compile(r"h-[1-9][0-9]{0,4}")),
    "p": re.compile(r"q-[1-9][0-9]{0,4}"),
}


def _allowed_classes(config: dict) -> dict[str, set[str]]:
    """The classes the editor may set: NodeClass's processor allows any class on a
    paragraph, where only the ones it offers are meant."""
    classes: dict[str, set[str]] = {}
    node_class = BODY_EXTENSIONS["NodeClass"]["cssClasses"]
    if "paragraph" in node_class:
        classes["p"] = {entry["className"] for entry in node_class["paragraph"]["cssClasses"]}
    for tag in classes:
        config["attributes"].get(tag, set()).discard("class")
    return classes


def _cleaner() -> nh3.Cleaner:
    config = allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS))
    allowed_classes = _allowed_classes(config)
    for tag in ID_PATTERNS:
        config["attributes"].setdefault(tag, set()).add("id")

    def attribute_filter(tag: str, name: str, value: str) -> str | None:
        if name == "id":
            return value if ID_PATTERNS[tag].fullmatch(value) else None
        if name == "class":
            kept = [c for c in value.split() if c in allowed_classes.get(tag, ())]
            return " ".join(kept) or None
        return value

    return nh3.Cleaner(**config, allowed_classes=allowed_classes, attribute_filter=attribute_filter)


_CLEANER = _cleaner()
_EMPTY = re.compile(r"^<(?P<tag>\w+)></(?P=tag)>$")


def sanitize_body(value: str) -> str:
    """``value`` through the allow-list, with its headings and questions anchored.

    ProseMirror always leaves one empty paragraph in an empty editor: that is no text.
    """
    clean = _CLEANER.clean(value)
    if _EMPTY.match(clean):
        return ""
    return anchored(clean)


class RichTextField(ProseEditorField):
    """A prose-editor field that sanitises on every save, not only in forms.

    ``ProseEditorField`` cleans in ``clean()``, which imports, services and shell
    writes never call; ``pre_save`` runs for ``save()``, ``create()`` and
    ``bulk_create()`` alike. ``QuerySet.update``/``bulk_update`` are covered by
    ``PublicationQuerySet``.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize_body)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        raw = getattr(model_instance, self.attname)
        if not raw:
            return raw
        clean = self.sanitize(raw)
        if clean != raw:
            setattr(model_instance, self.attname, clean)
        return clean


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    """Readable plain text of a sanitised body: one line per block, entities decoded."""
    if not value:
        return ""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", value)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# Anchors and the outline


@dataclass(frozen=True)
class Entry:
    """A heading or a question of a body: its level (2, 3; a question's is 0), id, words."""

    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Outline:
    headings: tuple[Entry, ...]
    questions: tuple[Entry, ...]


@dataclass
class _Found:
    """An element that gets an id, or may carry one it must lose (a paragraph that is no
    question, an empty heading: the numbers are for the entries of an outline alone)."""

    tag: str
    attrs: list[tuple[str, str | None]]
    start: int  # where its start tag begins in the body, and ends
    end: int
    question: bool
    label: str = ""  # a question's opening words in bold ending with a colon ("Question:")
    words: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.words.split())

    @property
    def kind(self) -> str | None:
        """ "h" for a heading, "q" for a question, None for what gets no id."""
        if not (self.text or self.label.strip()):
            return None
        if self.question:
            return "q"
        return "h" if self.tag in ANCHORED_HEADINGS else None


class _Scanner(HTMLParser):
    """Finds the headings, the questions and the paragraphs with an id in a sanitised body,
    where their start tags are and what they say, leaving the rest of the text untouched."""

    def __init__(self, body: str):
        super().__init__(convert_charrefs=True)
        self.found: list[_Found] = []
        self._open: _Found | None = None
        self._in_label = False
        # HTMLParser counts lines by "\n" alone (not "\r", "\u2028"… as splitlines does).
        self._line_starts = [0]
        for line in body.split("\n"):
            self._line_starts.append(self._line_starts[-1] + len(line) + 1)
        self.feed(body)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self._open is not None:
            # A question may open with its asker in bold: "Question:", "RIA Novosti:".
            if self._open.question and tag == "strong" and not self._open.words.strip():
                self._in_label = not self._open.label
            return
        named = dict(attrs)
        question = tag == "p" and QUESTION_CLASS in (named.get("class") or "").split()
        if tag in ANCHORED_HEADINGS or question or (tag == "p" and "id" in named):
            start = self._offset()
            end = start + len(self.get_starttag_text())
            self._open = _Found(tag, attrs, start, end, question)

    def handle_endtag(self, tag):
        if self._open is None:
            return
        if tag == "strong" and self._in_label:
            self._in_label = False
            if not self._open.label.rstrip().endswith((":", "：")):
                self._open.words, self._open.label = self._open.label, ""
        elif tag == self._open.tag:
            self.found.append(self._open)
            self._open = None

    def handle_data(self, data):
        if self._open is None:
            return
        if self._in_label:
            self._open.label += data
        else:
            self._open.words += data


def _start_tag(found: _Found, anchor: str | None) -> str:
    attributes = [(name, value) for name, value in found.attrs if name != "id"]
    if anchor:
        attributes.append(("id", anchor))
    written = "".join(f' {name}="{html.escape(value or "")}"' for name, value in attributes)
    return f"<{found.tag}{written}>"


def anchored(body: str) -> str:
    """``body`` (sanitised) with an id on each h2 and h3 heading ("h-1", "h-2"…) and each
    question ("q-1"…), numbered in order, and on nothing else; the rest of it unchanged.
    A heading without words gets none and no number: it is no entry of an outline."""
    if not body or not re.search(r"<h[23]\b|\bquestion\b|\bid=", body):
        return body
    numbers = {"h": 0, "q": 0}
    pieces, position = [], 0
    for found in _Scanner(body).found:
        anchor = None
        if kind := found.kind:
            numbers[kind] += 1
            anchor = f"{kind}-{numbers[kind]}"
        pieces += [body[position : found.start], _start_tag(found, anchor)]
        position = found.end
    pieces.append(body[position:])
    return "".join(pieces)


def outline(body: str) -> Outline:
    """The anchored headings and the questions of a sanitised ``body``, in their order:
    what a table of contents and a list of questions link to."""
    headings, questions = [], []
    for found in _Scanner(body or "").found:
        anchor = dict(found.attrs).get("id")
        if not anchor or not found.kind:
            continue
        if found.question:
            questions.append(Entry(0, anchor, found.text or found.label.strip()))
        else:
            headings.append(Entry(int(found.tag[1]), anchor, found.text))
    return Outline(tuple(headings), tuple(questions))
