"""What changed between two versions of a text, word by word, as a person reads it.

Reviewers compare revisions (the history's *compare*, the publish page's *changes since
submission*) by reading, not by decoding HTML source or a line table: a body is shown as
its paragraphs, removed words struck through (``<del>``) and added ones marked
(``<ins>``); a paragraph added or removed whole is marked whole.

Everything is built from text. Both versions are sanitised (``richtext.sanitize_body``),
cut into their blocks (paragraphs, headings, list items, quotations) and each block read
as plain text; every word is escaped on the way out. No markup of a revision, however it
was stored, reaches the page: links and emphasis are not compared, the words are.

Words are what ``\\w`` matches in any script, with their combining marks (Arabic
vowel signs, Cyrillic stress marks) and joiners kept inside them, so a changed vowel mark
changes one word rather than splitting it; punctuation and spaces are tokens of their own.
Nothing here reads the database: the review pages pass the two texts in.
"""

from __future__ import annotations

import copy
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

import lxml.html
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree

from speeches.richtext import QUESTION_CLASS, html_to_text, sanitize_body

EQUAL, DELETE, INSERT, CHANGED = "equal", "delete", "insert", "changed"

# Two blocks are one paragraph reworded when at least this share of the shorter one's
# words are found in the other; below it, the old one reads as removed, the new as added.
SAME_PARAGRAPH = 0.6
# Beyond this many pairs of blocks in one stretch of changes, blocks are paired in order
# rather than by likeness: comparing every pair of a rewritten 200-paragraph text costs
# seconds, and such a text reads as rewritten anyway.
MOST_PAIRS = 400

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: inside a word
_LINE_BREAK = mark_safe("<br>")


@dataclass(frozen=True)
class Piece:
    """A run of text: unchanged (``equal``), removed (``delete``) or added (``insert``)."""

    op: str
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph, heading (``heading``), list item (``item``), quoted paragraph
    (``quote``) or journalist's question (``question``), as text."""

    kind: str
    text: str


@dataclass
class Paragraph:
    """One block of the comparison: unchanged, removed, added, or changed word by word."""

    op: str
    kind: str
    pieces: list[Piece] = field(default_factory=list)


def tokens(text: str) -> list[str]:
    """``text`` as words, runs of white space and single punctuation marks, in order;
    joined again they give ``text`` back."""
    found: list[str] = []
    for token in _TOKEN.findall(text):
        if found and _in_a_word(token) and _in_a_word(found[-1]):
            found[-1] += token  # a vowel sign, a stress mark or a joiner inside a word
        else:
            found.append(token)
    return found


def _in_a_word(token: str) -> bool:
    first = token[0]
    return (
        first.isalnum()
        or first == "_"
        or first in _JOINERS
        or unicodedata.category(first).startswith("M")
    )


def word_diff(old: str, new: str) -> list[Piece]:
    """The words of ``old`` and ``new`` as pieces kept, removed and added."""
    return _word_diff(tokens(old or ""), tokens(new or ""))


def _word_diff(a: list[str], b: list[str]) -> list[Piece]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs = [
        (tag, "".join(a[i1:i2]), "".join(b[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    pieces: list[list[str]] = []
    for tag, before, after in _merge_gaps(runs):
        if tag == "equal":
            pieces.append([EQUAL, before])
            continue
        if before:
            pieces.append([DELETE, before])
        if after:
            pieces.append([INSERT, after])
    return [Piece(op, text) for op, text in _start_at_words(pieces) if text]


def _start_at_words(pieces: list[list[str]]) -> list[list[str]]:
    """A word added or removed alone takes the space after it, not the one before:
    "Sergey <ins>Viktorovich </ins>Lavrov" rather than "Sergey<ins> Viktorovich</ins>
    Lavrov" (difflib may align either way; both mean the same)."""
    for index in range(1, len(pieces) - 1):
        before, piece, after = pieces[index - 1], pieces[index], pieces[index + 1]
        if piece[0] == EQUAL or before[0] != EQUAL or after[0] != EQUAL:
            continue
        space = piece[1][: len(piece[1]) - len(piece[1].lstrip())]
        if space and after[1].startswith(space):
            before[1] += space
            piece[1] = piece[1][len(space) :] + space
            after[1] = after[1][len(space) :]
    return pieces


def _merge_gaps(runs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A space (or a lone punctuation mark) kept between two changes joins them: "<del>the
    old</del><ins>a new</ins>" reads better than four pieces around one space."""
    merged: list[tuple[str, str, str]] = []
    for index, (tag, before, after) in enumerate(runs):
        gap = (
            tag == "equal"
            and 0 < index < len(runs) - 1
            and runs[index - 1][0] != "equal"
            and runs[index + 1][0] != "equal"
            and (before.isspace() or len(before) == 1)
        )
        if (tag != "equal" or gap) and merged and merged[-1][0] != "equal":
            _, old_before, old_after = merged[-1]
            merged[-1] = ("replace", old_before + before, old_after + after)
        else:
            merged.append((tag, before, after))
    return merged


# Bodies


def blocks(body: str) -> list[Block]:
    """The blocks of a body, each as plain text (its line breaks kept), in order."""
    clean = sanitize_body(body or "")
    if not clean.strip():
        return []
    found: list[Block] = []
    for node in lxml.html.fragments_fromstring(clean):
        if isinstance(node, str):
            _add(found, "p", node)
            continue
        _collect(node, found, quoted=False)
        if node.tail:
            _add(found, "p", node.tail)
    return found


def _collect(element, found: list[Block], *, quoted: bool) -> None:
    tag = element.tag
    if tag in ("ul", "ol"):
        for item in element.iterchildren("li"):
            inner = copy.deepcopy(item)
            nested = inner.xpath("./ul|./ol")
            for sublist in nested:
                sublist.drop_tree()
            _add(found, "item", _text(inner))
            for sublist in item.xpath("./ul|./ol"):
                _collect(sublist, found, quoted=quoted)
    elif tag == "blockquote":
        if not len(element):
            _add(found, "quote", _text(element))
        for child in element:
            _collect(child, found, quoted=True)
    elif tag in ("h2", "h3", "h4"):
        _add(found, "heading", _text(element))
    elif tag == "hr":
        return
    elif quoted:
        _add(found, "quote", _text(element))
    elif QUESTION_CLASS in (element.get("class") or "").split():
        _add(found, "question", _text(element))
    else:
        _add(found, "p", _text(element))


def _text(element) -> str:
    return html_to_text(etree.tostring(element, encoding="unicode", method="html"))


def _add(found: list[Block], kind: str, text: str) -> None:
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()
    if text:
        found.append(Block(kind, text))


def body_diff(old: str, new: str) -> list[Paragraph]:
    """Two bodies (HTML as stored) compared block by block, and within a changed block
    word by word."""
    a, b = blocks(old), blocks(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    paragraphs: list[Paragraph] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            paragraphs += [
                Paragraph(EQUAL, block.kind, [Piece(EQUAL, block.text)]) for block in a[i1:i2]
            ]
        else:
            paragraphs += _pair(a[i1:i2], b[j1:j2])
    return paragraphs


def _pair(old: list[Block], new: list[Block]) -> list[Paragraph]:
    """A stretch of changed blocks: the likeliest pair is one paragraph reworded, and what
    comes before and after it is paired the same way (as difflib pairs changed lines)."""
    if not old or not new:
        return _removed_then_added(old, new)
    if len(old) * len(new) > MOST_PAIRS:
        return _pair_in_order(old, new)
    old_words = [_words(block) for block in old]
    new_words = [_words(block) for block in new]
    best, where = SAME_PARAGRAPH, None
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for j, words in enumerate(new_words):
        matcher.set_seq2(words)
        for i, other in enumerate(old_words):
            matcher.set_seq1(other)
            if (likeness := _likeness(matcher, best)) >= best:
                best, where = likeness, (i, j)
    if where is None:
        return _removed_then_added(old, new)
    i, j = where
    changed = Paragraph(CHANGED, new[j].kind, word_diff(old[i].text, new[j].text))
    return [*_pair(old[:i], new[:j]), changed, *_pair(old[i + 1 :], new[j + 1 :])]


def _words(block: Block) -> list[str]:
    return [token for token in tokens(block.text) if not token.isspace()]


def _likeness(matcher: difflib.SequenceMatcher, wanted: float) -> float:
    """The share of the shorter block's words found, in order, in the other: a paragraph
    that grew from one sentence to three is still that paragraph. 0 when it is plainly
    below ``wanted`` (difflib's cheap upper bounds first)."""
    shorter = min(len(matcher.a), len(matcher.b))
    if not shorter:
        return 0.0
    bound = matcher.quick_ratio() * (len(matcher.a) + len(matcher.b)) / 2 / shorter
    if bound < wanted:
        return 0.0
    return sum(size for *_, size in matcher.get_matching_blocks()) / shorter


def _pair_in_order(old: list[Block], new: list[Block]) -> list[Paragraph]:
    paragraphs = []
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for before, after in zip(old, new, strict=False):
        matcher.set_seqs(_words(before), _words(after))
        if _likeness(matcher, SAME_PARAGRAPH) >= SAME_PARAGRAPH:
            paragraphs.append(Paragraph(CHANGED, after.kind, word_diff(before.text, after.text)))
        else:
            paragraphs += _removed_then_added([before], [after])
    size = min(len(old), len(new))
    return paragraphs + _removed_then_added(old[size:], new[size:])


def _removed_then_added(old: list[Block], new: list[Block]) -> list[Paragraph]:
    return [Paragraph(DELETE, block.kind, [Piece(DELETE, block.text)]) for block in old] + [
        Paragraph(INSERT, block.kind, [Piece(INSERT, block.text)]) for block in new
    ]


# As HTML: every text escaped, the markup ours


def render_pieces(pieces: list[Piece]) -> SafeString:
    """Words in ``<del>`` and ``<ins>``, line breaks as ``<br>``; every text escaped."""
    return format_html_join("", "{}", ((_piece(piece),) for piece in pieces))


def _piece(piece: Piece) -> SafeString:
    lines = format_html_join(_LINE_BREAK, "{}", ((line,) for line in piece.text.split("\n")))
    if piece.op == DELETE:
        return format_html("<del>{}</del>", lines)
    if piece.op == INSERT:
        return format_html("<ins>{}</ins>", lines)
    return lines


def render_text(old: str, new: str) -> SafeString:
    """A one-block field (a title, a lead) compared word by word, as one paragraph."""
    return format_html('<p class="diff-block">{}</p>', render_pieces(word_diff(old, new)))


def render_body(paragraphs: list[Paragraph]) -> SafeString:
    """A compared body as it reads: changed paragraphs with their words marked, whole
    paragraphs added or removed marked as such, unchanged stretches folded (each in a
    ``<details>``, so a reviewer may read on, with or without JavaScript)."""
    parts = []
    index = 0
    while index < len(paragraphs):
        if paragraphs[index].op == EQUAL:
            end = index
            while end < len(paragraphs) and paragraphs[end].op == EQUAL:
                end += 1
            parts.append(_unchanged(paragraphs[index:end]))
            index = end
            continue
        parts.append(_paragraph(paragraphs[index]))
        index += 1
    return format_html_join("\n", "{}", ((part,) for part in parts))


def _paragraph(paragraph: Paragraph) -> SafeString:
    label = {
        DELETE: _("Removed paragraph:"),
        INSERT: _("Added paragraph:"),
    }.get(paragraph.op)
    return format_html(
        '<p class="diff-block diff-block--{} diff-block--{}">{}{}</p>',
        paragraph.kind,
        paragraph.op,
        format_html('<span class="visually-hidden">{} </span>', label) if label else "",
        render_pieces(paragraph.pieces),
    )


def _unchanged(paragraphs: list[Paragraph]) -> SafeString:
    count = len(paragraphs)
    summary = ngettext("%(count)d unchanged paragraph", "%(count)d unchanged paragraphs", count) % {
        "count": count
    }
    return format_html(
        '<details class="diff-unchanged"><summary>{}</summary>{}</details>',
        summary,
        format_html_join("", "{}", ((_paragraph(p),) for p in paragraphs)),
    )
