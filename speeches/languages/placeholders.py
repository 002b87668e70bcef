"""A body block's inline markup as numbered placeholders, and the one check a translation passes.

A translator changes words, never markup. Every element inside a block of the original (a
link, bold or italic type, a line break, a list item…) is numbered in reading order and
travels as a placeholder: ``<g id="1">…</g>`` / ``<x id="2"/>`` in XLIFF, ``[1]…[/1]`` /
``[2/]`` in the side-by-side editor. Whatever the channel, a translation comes back as a tree
of text and placeholders (``Tag``); ``Markup.check`` compares it with the original, and
``Markup.render`` rebuilds the HTML from the original's own elements and attributes, so a
link can be neither redirected nor left open to run over the rest of the page.

"Same structure": every placeholder of the original exactly once, of the same kind (one that
encloses words, or an empty one such as a line break), inside the same placeholder as in the
original (or directly in the block); one that enclosed words still encloses some. Order is
free: languages put phrases, and so their links, in another order.

Token syntax: ``[N]`` opens placeholder N, ``[/N]`` closes it, ``[N/]`` is an empty one.
Text that would read as a token is written with the bracket doubled: ``[[1]`` is the text
"[1]".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

import lxml.html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from speeches.languages.segments import Block

# Elements that never enclose anything: an empty placeholder.
VOID = frozenset({"br", "hr", "img", "wbr"})
# XLIFF 1.2's own names where it has one (its ctype list), x-html-… otherwise.
CTYPES = {"a": "link", "strong": "bold", "em": "italic", "u": "underlined", "br": "lb"}

_TOKEN_BODY = r"(?:/\d{1,4}|\d{1,4}/?)"
_SCAN = re.compile(
    rf"\[(?P<literal>\[{_TOKEN_BODY}\])|\[(?:/(?P<close>\d{{1,4}})|(?P<open>\d{{1,4}})(?P<empty>/)?)\]"
)
_NEEDS_ESCAPE = re.compile(rf"\[(?={_TOKEN_BODY}\])")


class MarkupError(Exception):
    """A translation's placeholders cannot be read or do not match the original's."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class Tag:
    """A placeholder in a translation: the original's element ``id`` around ``children``."""

    id: int
    children: list[Node] = field(default_factory=list)
    empty: bool = False


Node = str | Tag


@dataclass(frozen=True)
class Element:
    """One element of the original block, behind placeholder ``id``."""

    id: int
    tag: str
    attributes: tuple[tuple[str, str], ...]
    parent: int  # the enclosing placeholder's id; 0 directly in the block
    words: str  # what it encloses (for a line break: the words before it), to name it
    filled: bool  # it encloses words (or a line break) in the original

    @property
    def empty(self) -> bool:
        return self.tag in VOID

    @property
    def ctype(self) -> str:
        return CTYPES.get(self.tag, f"x-html-{self.tag}")

    @property
    def open_token(self) -> str:
        return f"[{self.id}/]" if self.empty else f"[{self.id}]"

    @property
    def close_token(self) -> str:
        return "" if self.empty else f"[/{self.id}]"

    def describe(self) -> str:
        """E.g. "the link around “the statement” (placeholder 2)": to name it in a message."""
        words = Truncator(self.words).words(6) if self.words else "…"
        kinds = {
            "a": _("the link around “%(words)s”"),
            "strong": _("the bold type around “%(words)s”"),
            "em": _("the italic type around “%(words)s”"),
            "u": _("the underlining around “%(words)s”"),
            "s": _("the strikethrough around “%(words)s”"),
            "sub": _("the subscript “%(words)s”"),
            "sup": _("the superscript “%(words)s”"),
            "li": _("the list item “%(words)s”"),
            "p": _("the paragraph “%(words)s”"),
            "ul": _("the list “%(words)s”"),
            "ol": _("the list “%(words)s”"),
            "blockquote": _("the quotation “%(words)s”"),
            "br": _("the line break after “%(words)s”"),
        }
        what = kinds.get(self.tag, _("the <%(tag)s> around “%(words)s”")) % {
            "words": words,
            "tag": self.tag,
        }
        return _("%(what)s (placeholder %(id)s)") % {"what": what, "id": self.id}

    def legend(self) -> str:
        """What the placeholder stands for, with a link's address: for the editor's list."""
        href = dict(self.attributes).get("href")
        if href:
            return _("%(what)s, to %(href)s") % {"what": self.describe(), "href": href}
        return self.describe()


class Markup:
    """The placeholders of one block of the original, and its text as a tree of them."""

    def __init__(self, block: Block):
        self.block = block
        self.elements: dict[int, Element] = {}
        self._words_before = ""
        if block.inner_html.strip():
            root = lxml.html.fragment_fromstring(block.html)
            self.tree = self._read(root, 0)
        else:
            self.tree = []

    def _read(self, element, parent: int) -> list[Node]:
        nodes: list[Node] = []
        if element.text:
            nodes.append(element.text)
            self._words_before += element.text
        for child in element:
            if isinstance(child.tag, str):
                number = len(self.elements) + 1
                empty = child.tag in VOID
                words = (
                    " ".join(self._words_before.split()[-4:])
                    if empty
                    else " ".join(child.text_content().split())
                )
                # Numbered before its children are read: in reading order, outer first.
                element = Element(
                    number, child.tag, tuple(child.attrib.items()), parent, words, filled=False
                )
                self.elements[number] = element
                tag = Tag(number, [] if empty else self._read(child, number), empty)
                self.elements[number] = replace(element, filled=_filled(tag))
                nodes.append(tag)
            if child.tail:
                nodes.append(child.tail)
                self._words_before += child.tail
        return nodes

    def describe(self, number: int) -> str:
        element = self.elements.get(number)
        return element.describe() if element else _("placeholder %(id)s") % {"id": number}

    def tokens(self) -> str:
        """The original's text with its placeholders as tokens: "Read [1]the statement[/1]."""
        return tokens(self.tree)

    # Reading a translation

    def parse_tokens(self, text: str) -> list[Node]:
        """The tree of a token string; ``MarkupError`` for one that cannot be read."""
        root: list[Node] = []
        stack: list[tuple[int, list[Node]]] = [(0, root)]
        problems: list[str] = []
        position = 0
        for match in _SCAN.finditer(text):
            _append_text(stack[-1][1], text[position : match.start()])
            position = match.end()
            if match["literal"]:
                _append_text(stack[-1][1], match["literal"])
            elif match["open"] and match["empty"]:
                stack[-1][1].append(Tag(int(match["open"]), empty=True))
            elif match["open"]:
                tag = Tag(int(match["open"]))
                stack[-1][1].append(tag)
                stack.append((tag.id, tag.children))
            else:
                number = int(match["close"])
                open_ids = [open_id for open_id, _children in stack[1:]]
                if number not in open_ids:
                    problems.append(
                        capfirst(
                            _("[/%(id)s] closes %(what)s, which is not open there.")
                            % {"id": number, "what": self.describe(number)}
                        )
                    )
                    continue
                if open_ids[-1] != number:
                    problems.append(
                        capfirst(
                            _(
                                "%(inner)s and %(outer)s overlap: close [/%(inner_id)s] "
                                "before [/%(outer_id)s]."
                            )
                            % {
                                "inner": self.describe(open_ids[-1]),
                                "outer": self.describe(number),
                                "inner_id": open_ids[-1],
                                "outer_id": number,
                            }
                        )
                    )
                while stack[-1][0] != number:
                    stack.pop()
                stack.pop()
        _append_text(stack[-1][1], text[position:])
        for number, _children in stack[1:]:
            problems.append(
                capfirst(
                    _("%(what)s is opened but never closed: add [/%(id)s].")
                    % {"what": self.describe(number), "id": number}
                )
            )
        if problems:
            raise MarkupError(problems)
        return root

    def parse_html(self, inner_html: str) -> list[Node]:
        """The tree of a translation written as HTML (XLIFF files of the earlier format).

        Strict, unlike a browser: an element left open, closed twice or overlapping another
        is an error, not something to repair, and so is an element the original does not
        have (attributes included). ``MarkupError`` names each.
        """
        parser = _StrictHTML()
        parser.feed(inner_html)
        parser.close()
        problems = [
            self._name_raw(message, raw) if raw else capfirst(message)
            for message, raw in parser.problems
        ]
        nodes, unmatched = self._match(parser.root, reuse=True)
        problems += [
            capfirst(
                _("The translation adds markup the original does not have here: %(tag)s.")
                % {"tag": _raw_tag(raw)}
            )
            for raw in unmatched
        ]
        if problems:
            raise MarkupError(problems)
        return nodes

    def parse_saved_html(self, inner_html: str) -> tuple[list[Node], bool]:
        """A saved translation's block as a tree, to edit or export it; lenient.

        Elements that match none of the original's are left out (their words kept); the
        second value says whether that happened, so the translator can be told.
        """
        root = lxml.html.fragment_fromstring(Block(self.block.tag, {}, inner_html).html)
        nodes, unmatched = self._match(_raw_from_lxml(root), reuse=False)
        return nodes, bool(unmatched)

    def _match(self, raws: list, *, reuse: bool) -> tuple[list[Node], list[_Raw]]:
        """Give each HTML element the id of an element of the original with its tag and attributes.

        HTML carries no ids, and identical elements (two plain list items) are
        interchangeable, so the choice goes first to one inside the same parent whose own
        elements are the same, then inside the same parent, then to the first unused. With
        ``reuse`` a second copy takes the same id (reported as "twice" by ``check``),
        otherwise it is left out.
        """
        shapes = self._shapes()
        used: set[int] = set()
        unmatched: list[_Raw] = []

        def walk(items, parent: int) -> list[Node]:
            nodes: list[Node] = []
            for item in items:
                if isinstance(item, str):
                    _append_text(nodes, item)
                    continue
                shape = _raw_shape(item)
                same = sorted(
                    (
                        e
                        for e in self.elements.values()
                        if e.tag == item.tag and dict(e.attributes) == item.attributes
                    ),
                    key=lambda e: (e.parent != parent, shapes[e.id] != shape, e.id),
                )
                fresh = [e for e in same if e.id not in used]
                element = next(iter(fresh or (same if reuse else [])), None)
                if element is None:
                    unmatched.append(item)
                    for node in walk(item.children, parent):
                        _append_node(nodes, node)
                    continue
                used.add(element.id)
                children = [] if element.empty else walk(item.children, element.id)
                nodes.append(Tag(element.id, children, element.empty))
            return nodes

        return walk(raws, 0), unmatched

    def _shapes(self) -> dict[int, tuple]:
        """Each element of the original as (tag, attributes, the shapes of its elements)."""
        shapes: dict[int, tuple] = {}

        def shape(tag: Tag) -> tuple:
            element = self.elements[tag.id]
            inner = tuple(sorted(shape(n) for n in tag.children if isinstance(n, Tag)))
            shapes[tag.id] = (element.tag, tuple(sorted(element.attributes)), inner)
            return shapes[tag.id]

        for node in self.tree:
            if isinstance(node, Tag):
                shape(node)
        return shapes

    def _name_raw(self, message: str, raw: _Raw) -> str:
        same = [
            e
            for e in self.elements.values()
            if e.tag == raw.tag and dict(e.attributes) == raw.attributes
        ]
        what = same[0].describe() if same else _raw_tag(raw)
        return capfirst(message % {"what": what})

    # The check, and the HTML

    def check(self, nodes: list[Node]) -> list[str]:
        """Why ``nodes`` do not have the original's structure; empty if they do."""
        found: dict[int, list[tuple[int, Tag]]] = {}

        def walk(items: list[Node], parent: int) -> None:
            for node in items:
                if isinstance(node, Tag):
                    found.setdefault(node.id, []).append((parent, node))
                    walk(node.children, node.id)

        walk(nodes, 0)
        problems = [
            _("There is no placeholder %(id)s in the original.") % {"id": number}
            for number in sorted(set(found) - set(self.elements))
        ]
        for element in self.elements.values():
            places = found.get(element.id, [])
            what = element.describe()
            if not places:
                problems.append(capfirst(_("%(what)s is missing.") % {"what": what}))
                continue
            if len(places) > 1:
                problems.append(capfirst(_("%(what)s appears twice.") % {"what": what}))
                continue
            parent, tag = places[0]
            if tag.empty and not element.empty:
                problems.append(
                    capfirst(_("%(what)s must enclose the words it applies to.") % {"what": what})
                )
            elif element.empty and (tag.children or not tag.empty):
                problems.append(capfirst(_("%(what)s cannot enclose words.") % {"what": what}))
            elif element.filled and not _filled(tag):
                problems.append(capfirst(_("%(what)s encloses no words.") % {"what": what}))
            if parent != element.parent and (parent == 0 or parent in self.elements):
                problems.append(self._misplaced(what, element.parent, parent))
        return problems

    def _misplaced(self, what: str, expected: int, actual: int) -> str:
        if expected == 0:
            message = _("%(what)s must not be inside %(other)s.")
        elif actual == 0:
            message = _("%(what)s must stay inside %(parent)s.")
        else:
            message = _("%(what)s must stay inside %(parent)s, not inside %(other)s.")
        return capfirst(
            message
            % {"what": what, "parent": self.describe(expected), "other": self.describe(actual)}
        )

    def render(self, nodes: list[Node]) -> str:
        """The inner HTML of ``nodes``: their text escaped, the original's elements around it."""
        parts = []
        for node in nodes:
            if isinstance(node, str):
                parts.append(html.escape(node, quote=False))
                continue
            element = self.elements[node.id]
            attributes = "".join(
                f' {name}="{html.escape(value, quote=True)}"' for name, value in element.attributes
            )
            parts.append(f"<{element.tag}{attributes}>")
            if not element.empty:
                parts.append(f"{self.render(node.children)}</{element.tag}>")
        return "".join(parts)

    def translate(self, nodes: list[Node]) -> str:
        """The block's inner HTML for ``nodes``, or ``MarkupError`` if they do not fit."""
        problems = self.check(nodes)
        if problems:
            raise MarkupError(problems)
        return self.render(nodes)

    def parts(self) -> list[tuple[str, str]]:
        """The original as ("text", words) and ("token", "[1]") pieces, for the editor."""
        found: list[tuple[str, str]] = []

        def walk(items: list[Node]) -> None:
            for node in items:
                if isinstance(node, str):
                    found.append(("text", node))
                    continue
                element = self.elements[node.id]
                found.append(("token", element.open_token))
                if not element.empty:
                    walk(node.children)
                    found.append(("token", element.close_token))

        walk(self.tree)
        return found


def tokens(nodes: list[Node]) -> str:
    """``nodes`` written with tokens, the text escaped where it would read as one."""
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(_NEEDS_ESCAPE.sub("[[", node))
        elif node.empty:
            parts.append(f"[{node.id}/]")
        else:
            parts.append(f"[{node.id}]{tokens(node.children)}[/{node.id}]")
    return "".join(parts)


def strip(nodes: list[Node]) -> list[Node]:
    """``nodes`` without the blank space a form or a file adds at their start and end."""
    nodes = list(nodes)
    if nodes and isinstance(nodes[0], str):
        nodes[0] = nodes[0].lstrip()
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] = nodes[-1].rstrip()
    return [node for node in nodes if node != ""]


def text_of(nodes: list[Node]) -> str:
    return "".join(node if isinstance(node, str) else text_of(node.children) for node in nodes)


def _filled(tag: Tag) -> bool:
    return any(
        (node.strip() if isinstance(node, str) else node.empty or _filled(node))
        for node in tag.children
    )


def _append_text(nodes: list[Node], text: str) -> None:
    if not text:
        return
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] += text
    else:
        nodes.append(text)


def _append_node(nodes: list[Node], node: Node) -> None:
    if isinstance(node, str):
        _append_text(nodes, node)
    else:
        nodes.append(node)


# HTML as written by a person: elements before they are matched with the original's.


@dataclass
class _Raw:
    tag: str
    attributes: dict[str, str]
    children: list = field(default_factory=list)


def _raw_shape(raw: _Raw) -> tuple:
    inner = tuple(sorted(_raw_shape(c) for c in raw.children if isinstance(c, _Raw)))
    return (raw.tag, tuple(sorted(raw.attributes.items())), inner)


def _raw_tag(raw: _Raw) -> str:
    attributes = "".join(f' {name}="{value}"' for name, value in raw.attributes.items())
    return f"<{raw.tag}{attributes}>"


def _raw_from_lxml(element) -> list:
    items: list = []
    if element.text:
        items.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            items.append(_Raw(child.tag, dict(child.attrib), _raw_from_lxml(child)))
        if child.tail:
            items.append(child.tail)
    return items


class _StrictHTML(HTMLParser):
    """Builds the element tree of an HTML fragment, noting every tag left open or stray."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.open: list[_Raw] = []
        self.problems: list[tuple[str, _Raw]] = []

    def _children(self) -> list:
        return self.open[-1].children if self.open else self.root

    def handle_starttag(self, tag, attrs):
        raw = _Raw(tag, {name: value or "" for name, value in attrs})
        self._children().append(raw)
        if tag not in VOID:  # <a/> opens a link in HTML, as in a browser
            self.open.append(raw)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        names = [raw.tag for raw in self.open]
        if tag not in names:
            self.problems.append((_("A closing </%(tag)s> closes nothing.") % {"tag": tag}, None))
            return
        while self.open[-1].tag != tag:
            self.problems.append(
                (_("%(what)s must be closed before the tag around it."), self.open.pop())
            )
        self.open.pop()

    def handle_data(self, data):
        children = self._children()
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def close(self):
        super().close()
        while self.open:
            self.problems.append((_("%(what)s is opened but never closed."), self.open.pop()))
