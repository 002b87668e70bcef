"""A rich text cut into its blocks (paragraphs, headings, lists, quotes), and put back.

The side-by-side editor aligns a translation with its original block by block, and the
XLIFF export makes one segment of each block. A block keeps its tag and attributes; its
inner HTML (links, emphasis) is what a translator edits, its markup protected as
placeholders (``speeches.languages.placeholders``). The captions and alternative texts of the
materials travel with the text (``material_texts``).
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml import etree

from speeches.models import Material
from speeches.richtext import html_to_text, sanitize_body


@dataclass(frozen=True)
class Block:
    tag: str
    attributes: dict[str, str]
    inner_html: str

    @property
    def text(self) -> str:
        """The block as plain text, one line per paragraph or list item."""
        return html_to_text(self.html)

    @property
    def html(self) -> str:
        return _wrap(self.tag, self.attributes, self.inner_html)


def split(body: str) -> list[Block]:
    """The top-level blocks of a sanitised body; loose text becomes a paragraph."""
    body = sanitize_body(body or "")
    if not body.strip():
        return []
    blocks = []
    for node in lxml.html.fragments_fromstring(body):
        if isinstance(node, str):
            if node.strip():
                blocks.append(Block("p", {}, _escape(node.strip())))
            continue
        inner = _escape(node.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in node
        )
        blocks.append(Block(node.tag, dict(node.attrib), inner.strip()))
        if node.tail and node.tail.strip():
            blocks.append(Block("p", {}, _escape(node.tail.strip())))
    return blocks


def join(blocks: list[Block]) -> str:
    """The body again, sanitised: blocks left empty are dropped."""
    return sanitize_body(
        "".join(b.html for b in blocks if b.inner_html.strip() or b.tag in ("hr", "br"))
    )


def with_inner_html(blocks: list[Block], inner: list[str]) -> list[Block]:
    """The same structure with new contents, e.g. a translation of each block."""
    return [Block(b.tag, b.attributes, text) for b, text in zip(blocks, inner, strict=True)]


def material_texts(publication) -> list[tuple[Material, str]]:
    """The material texts a translation of ``publication`` carries, in the materials' order.

    Each attached material's caption (``title``), and the alternative text (``alt_text``)
    of every photo that is not decorative: a decorative photo is hidden from screen readers,
    so it has none to translate. The side-by-side editor and the XLIFF export show these.
    """
    found = []
    for attachment in publication.attachments.select_related("material"):
        material = attachment.material
        found.append((material, "title"))
        if material.kind == Material.Kind.PHOTO and not material.decorative:
            found.append((material, "alt_text"))
    return found


def _wrap(tag: str, attributes: dict[str, str], inner: str) -> str:
    if tag in ("hr", "br"):
        return f"<{tag}>"
    element = lxml.html.Element(tag, attributes)
    opening = etree.tostring(element, encoding="unicode", method="html").rsplit("</", 1)[0]
    return f"{opening}{inner}</{tag}>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
