"""A translation keeps the original's inline markup, whatever the translator sends.

The rules are in ``speeches.languages.placeholders``; these tests drive them through the
three ways a translation arrives (the side-by-side editor's tokens, XLIFF placeholders,
XLIFF files of the earlier format with escaped HTML), with random originals and random
translations, good and broken. Whatever is accepted must have the original's elements,
attributes and parents, and be well-formed HTML; whatever is refused must leave the text as
it was."""

from __future__ import annotations

import copy
import html
import random
import re
from collections import Counter
from html.parser import HTMLParser

import lxml.html
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from speeches.languages import placeholders, segments, xliff
from speeches.models import Publication
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

NS = {"x": xliff.NS}
PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What a random original is made of: speeches/richtext.py's inline elements, links to a few
# kinds of address, and words that look like tokens or markup.
INLINE = ["strong", "em", "u", "s", "sub", "sup"]
HREFS = [
    "https://example.org/",
    "https://example.org/report?year=2024&lang=fr",
    "/fr/publications/12/",
    "mailto:press@example.org",
]
WORDS = ["Colleagues", "la paix", "[1]", "[/2]", "[3/]", "[[1]", "<b>", "a & b", "«oui»", "سلام"]


def words():
    return st.sampled_from(WORDS)


@st.composite
def inline_html(draw, depth: int = 0, in_link: bool = False) -> str:
    parts = []
    for _index in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(["text", "element", "element", "br"] if depth < 3 else ["text"])
        )
        if kind == "text":
            parts.append(html.escape(draw(words()), quote=False))
        elif kind == "br":
            parts.append("<br>")
        else:
            tag = draw(st.sampled_from(INLINE if in_link else [*INLINE, "a", "a"]))
            attributes = (
                f' href="{html.escape(draw(st.sampled_from(HREFS)))}"' if tag == "a" else ""
            )
            inner = draw(inline_html(depth + 1, in_link or tag == "a"))
            first = html.escape(draw(words()), quote=False)
            parts.append(f"<{tag}{attributes}>{first} {inner}</{tag}>")
    return " ".join(parts)


@st.composite
def source_blocks(draw) -> str:
    """One block of an original: a paragraph, heading, list or quotation."""
    kind = draw(st.sampled_from(["p", "p", "h2", "ul", "blockquote"]))
    if kind == "ul":
        items = draw(st.lists(inline_html(1), min_size=1, max_size=3))
        return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    if kind == "blockquote":
        return f"<blockquote><p>{draw(inline_html())}</p></blockquote>"
    return f"<{kind}>{draw(inline_html())}</{kind}>"


# A translation: the original's placeholders around other words, in another order.


def valid_translation(markup: placeholders.Markup, rnd: random.Random) -> list:
    children: dict[int, list[placeholders.Element]] = {}
    for element in markup.elements.values():
        children.setdefault(element.parent, []).append(element)

    def build(parent: int) -> list:
        nodes: list = [rnd.choice(WORDS)]
        inside = list(children.get(parent, []))
        rnd.shuffle(inside)
        for element in inside:
            nodes.append(
                placeholders.Tag(
                    element.id, [] if element.empty else build(element.id), element.empty
                )
            )
            if rnd.random() < 0.5:
                nodes.append(f" {rnd.choice(WORDS)} ")
        return nodes

    return build(0)


def all_tags(nodes: list) -> list[tuple[list, int]]:
    """Every placeholder as (the list holding it, its index), outermost first."""
    found = []
    for index, node in enumerate(nodes):
        if isinstance(node, placeholders.Tag):
            found.append((nodes, index))
            found.extend(all_tags(node.children))
    return found


def corrupt_tree(nodes: list, rnd: random.Random) -> list:
    """One mistake a translator or a tool makes with placeholders."""
    nodes = copy.deepcopy(nodes)
    tags = all_tags(nodes)
    mistake = rnd.choice(["drop", "twice", "move", "kind", "unknown", "empty"])
    if mistake == "unknown" or not tags:
        nodes.insert(rnd.randrange(len(nodes) + 1), placeholders.Tag(99, empty=True))
        return nodes
    holder, index = rnd.choice(tags)
    tag = holder[index]
    if mistake == "drop":
        holder[index : index + 1] = tag.children
    elif mistake == "twice":
        holder.insert(index, copy.deepcopy(tag))
    elif mistake == "kind":
        tag.empty, tag.children = not tag.empty, [] if not tag.empty else ["mot"]
    elif mistake == "empty":
        tag.children = []
    else:  # move it into another list: the root or another placeholder's words
        del holder[index]
        places = [nodes] + [h[i].children for h, i in all_tags(nodes) if not h[i].empty]
        target = rnd.choice(places)
        target.insert(rnd.randrange(len(target) + 1), tag)
    return nodes


TOKEN_OR_TAG = re.compile(r"\[/?\d+/?\]|<[^>]+>")


def corrupt_text(text: str, rnd: random.Random) -> str:
    """One token or tag lost or two swapped: what unbalances a text."""
    found = list(TOKEN_OR_TAG.finditer(text))
    if not found:
        return text + rnd.choice(["[1]", "[/1]", "<a>", "</strong>"])
    first = rnd.choice(found)
    if rnd.random() < 0.6 or len(found) < 2:
        return text[: first.start()] + text[first.end() :]
    second = rnd.choice(found)
    a, b = sorted((first, second), key=lambda m: m.start())
    if a.start() == b.start():
        return text[: a.start()] + text[a.end() :]
    return text[: a.start()] + b.group() + text[a.end() : b.start()] + a.group() + text[b.end() :]


# The three channels, each written without the module under test's own writers.

_ESCAPE = re.compile(r"\[(?=(?:/\d{1,4}|\d{1,4}/?)\])")  # the documented token syntax


def as_tokens(nodes: list) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(_ESCAPE.sub("[[", node))
        elif node.empty:
            parts.append(f"[{node.id}/]")
        else:
            parts.append(f"[{node.id}]{as_tokens(node.children)}[/{node.id}]")
    return "".join(parts)


def as_xliff(target, nodes: list) -> None:
    last = None
    for node in nodes:
        if isinstance(node, str):
            if last is None:
                target.text = (target.text or "") + node
            else:
                last.tail = (last.tail or "") + node
            continue
        last = etree.SubElement(target, f"{{{xliff.NS}}}{'x' if node.empty else 'g'}")
        last.set("id", str(node.id))
        if not node.empty:
            as_xliff(last, node.children)


def as_html(markup: placeholders.Markup, nodes: list) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(html.escape(node, quote=False))
            continue
        element = markup.elements.get(node.id)
        tag = element.tag if element else "span"
        attributes = "".join(
            f' {k}="{html.escape(v)}"' for k, v in (element.attributes if element else ())
        )
        if node.empty:
            parts.append(f"<{tag}{attributes}>")
        else:
            parts.append(f"<{tag}{attributes}>{as_html(markup, node.children)}</{tag}>")
    return "".join(parts)


# What is checked of an accepted translation.


def shape(block_html: str) -> Counter:
    """Each element of a block with its attributes and its chain of parents."""
    root = lxml.html.fragment_fromstring(block_html)
    found = Counter()
    for element in root.iterdescendants():
        chain = [element, *(a for a in element.iterancestors() if a is not root)]
        found[tuple((e.tag, tuple(sorted(e.attrib.items()))) for e in chain)] += 1
    return found


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in placeholders.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.errors.append(tag)


def assert_well_formed_with_the_originals_structure(body: str, source: segments.Block) -> None:
    balance = _Balance()
    balance.feed(body)
    assert not balance.errors and not balance.open, body  # every element closed, in order
    blocks = segments.split(body)
    assert [b.tag for b in blocks] == [source.tag], body
    assert shape(blocks[0].html) == shape(source.html), body


def originals(draw_html: str) -> segments.Block:
    blocks = segments.split(draw_html)
    assume(len(blocks) == 1)
    return blocks[0]


@pytest.fixture
def chief(db):
    return UserFactory(username="chief", is_staff=True, is_superuser=True)


def publication_with(block: segments.Block) -> Publication:
    return PublicationFactory(languages=("en",), title_en="Statement", body_en=block.html)


@PROPERTY
@given(source=source_blocks(), rnd=st.randoms(use_true_random=False), broken=st.booleans())
def test_side_by_side_accepts_only_translations_with_the_originals_structure(
    client, chief, source, rnd, broken
):
    block = originals(source)
    markup = placeholders.Markup(block)
    nodes = valid_translation(markup, rnd)
    tokens = as_tokens(nodes)
    if broken:
        tokens = (
            as_tokens(corrupt_tree(nodes, rnd)) if rnd.random() < 0.5 else corrupt_text(tokens, rnd)
        )
    publication = publication_with(block)
    client.force_login(chief)

    response = client.post(
        f"/admin/speeches/publication/{publication.pk}/translate/fr/",
        {
            "opened_version": publication.edit_version,
            "title": "Déclaration",
            "lead": "",
            "place": "",
            "block_0": tokens,
            "_draft": "1",
        },
    )

    body = Publication.objects.get(pk=publication.pk).body_fr
    if response.status_code == 302 and not tokens.strip():
        # A block left blank (a corruption that deleted every character) is a draft's
        # untranslated block: saved as nothing, not as an empty element.
        assert body == ""
    elif response.status_code == 302:
        assert_well_formed_with_the_originals_structure(body, block)
    else:
        assert response.status_code == 200
        assert response.context["form"].errors["block_0"]
        assert not body
    if not broken:
        assert response.status_code == 302, response.context["form"].errors


@PROPERTY
@given(
    source=source_blocks(),
    rnd=st.randoms(use_true_random=False),
    broken=st.booleans(),
    earlier_format=st.booleans(),
)
def test_xliff_import_accepts_only_translations_with_the_originals_structure(
    chief, source, rnd, broken, earlier_format
):
    block = originals(source)
    markup = placeholders.Markup(block)
    nodes = valid_translation(markup, rnd)
    publication = publication_with(block)
    root = etree.fromstring(
        xliff.xliff_export(publications=[publication], target_language="fr", user=chief)
    )
    for unit in root.iterfind(".//x:trans-unit", NS):
        unit.find("x:target", NS).text = "Déclaration"
    target = root.find(f".//x:trans-unit[@id='{publication.pk}/body/1']/x:target", NS)
    if earlier_format:
        root.find(".//x:prop[@prop-type='inline-markup']", NS).set("prop-type", "unknown")
        target.getparent().find("x:source", NS)[:] = []
        target.getparent().find("x:source", NS).text = block.inner_html
        text = as_html(markup, nodes)
        if broken:
            text = (
                as_html(markup, corrupt_tree(nodes, rnd))
                if rnd.random() < 0.5
                else corrupt_text(text, rnd)
            )
        target.text = text
    else:
        target.text = None
        as_xliff(target, corrupt_tree(nodes, rnd) if broken else nodes)

    result = xliff.xliff_import(data=etree.tostring(root), user=chief)

    body = Publication.objects.get(pk=publication.pk).body_fr
    if result.ok:
        assert_well_formed_with_the_originals_structure(body, block)
    else:
        assert {(p.field, p.block) for p in result.problems} == {("text", 1)}
        assert not body
    if not broken:
        assert result.ok, [str(p) for p in result.problems]


# The token syntax itself


@pytest.mark.parametrize(
    "text",
    ["[1]", "[[1]", "[/12]", "[3/]", "[x]", "[]", "[1", "a [[[2/] b", "[/1/]", "[1][/1]"],
)
def test_text_that_reads_like_a_token_survives_a_round_trip(text):
    markup = placeholders.Markup(segments.Block("p", {}, "plain"))

    written = placeholders.tokens([text])

    assert markup.parse_tokens(written) == [text]
    assert markup.check(markup.parse_tokens(written)) == []


def test_the_original_reads_back_from_its_own_tokens_unchanged():
    block = segments.split(
        '<p>See <a href="https://example.org/?a=1&amp;b=2">the <em>text</em></a> [1],<br>now.</p>'
    )[0]
    markup = placeholders.Markup(block)

    assert markup.tokens() == "See [1]the [2]text[/2][/1] [[1],[3/]now."
    assert markup.render(markup.parse_tokens(markup.tokens())) == block.inner_html
