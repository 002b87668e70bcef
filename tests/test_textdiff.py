"""Word by word: what changed between two versions of a text, as reviewers read it
(speeches.publishing.textdiff), in every script the archive is written in."""

import re

from hypothesis import given
from hypothesis import strategies as st

from speeches.publishing import textdiff
from speeches.publishing.textdiff import CHANGED, DELETE, EQUAL, INSERT, Piece


def ops(pieces) -> list[tuple[str, str]]:
    return [(piece.op, piece.text) for piece in pieces]


# Words


def test_a_changed_word_is_removed_and_added_and_the_rest_is_kept():
    assert ops(textdiff.word_diff("The minister spoke at noon.", "The minister spoke at one.")) == [
        (EQUAL, "The minister spoke at "),
        (DELETE, "noon"),
        (INSERT, "one"),
        (EQUAL, "."),
    ]


def test_changes_separated_by_one_space_read_as_one_change():
    pieces = textdiff.word_diff("Sergey Lavrov said", "Sergei Viktorovich said")
    assert ops(pieces) == [
        (DELETE, "Sergey Lavrov"),
        (INSERT, "Sergei Viktorovich"),
        (EQUAL, " said"),
    ]


def test_cyrillic_words_are_words_with_their_stress_marks():
    assert textdiff.tokens("Сергей Ла\u0301вров") == ["Сергей", " ", "Ла\u0301вров"]
    pieces = textdiff.word_diff("Министр Сергей Лавров", "Министр Сергей Викторович Лавров")
    assert ops(pieces) == [
        (EQUAL, "Министр Сергей "),
        (INSERT, "Викторович "),
        (EQUAL, "Лавров"),
    ]


def test_arabic_words_keep_their_vowel_signs_and_a_changed_sign_changes_one_word():
    assert textdiff.tokens("كَتَبَ الوزيرُ رسالةً، ثم غادر.") == [
        "كَتَبَ",
        " ",
        "الوزيرُ",
        " ",
        "رسالةً",
        "،",
        " ",
        "ثم",
        " ",
        "غادر",
        ".",
    ]
    pieces = textdiff.word_diff("كَتَبَ الوزيرُ", "كُتِبَ الوزيرُ")
    assert ops(pieces) == [(DELETE, "كَتَبَ"), (INSERT, "كُتِبَ"), (EQUAL, " الوزيرُ")]


def test_a_word_joined_by_a_zero_width_non_joiner_stays_one_word():
    assert textdiff.tokens("می\u200cخواهم رفت") == ["می\u200cخواهم", " ", "رفت"]


@given(st.text())
def test_tokens_give_the_text_back(text):
    assert "".join(textdiff.tokens(text)) == text


@given(st.text(), st.text())
def test_the_pieces_hold_both_texts(old, new):
    pieces = textdiff.word_diff(old, new)
    assert "".join(p.text for p in pieces if p.op != INSERT) == old
    assert "".join(p.text for p in pieces if p.op != DELETE) == new


# Bodies: paragraphs, as the text reads


def test_a_paragraph_added_in_the_middle_is_added_whole_and_the_others_kept():
    old = "<p>First paragraph.</p><p>Last paragraph.</p>"
    new = "<p>First paragraph.</p><p>A paragraph in between.</p><p>Last paragraph.</p>"
    paragraphs = textdiff.body_diff(old, new)
    assert [(p.op, p.pieces[0].text) for p in paragraphs] == [
        (EQUAL, "First paragraph."),
        (INSERT, "A paragraph in between."),
        (EQUAL, "Last paragraph."),
    ]


def test_a_removed_paragraph_is_removed_whole_and_a_reworded_one_word_by_word():
    old = "<p>We met in Minsk.</p><p>This sentence goes.</p><p>The talks were useful.</p>"
    new = "<p>We met in Moscow.</p><p>The talks were very useful.</p>"
    paragraphs = textdiff.body_diff(old, new)
    assert [p.op for p in paragraphs] == [CHANGED, DELETE, CHANGED]
    assert ops(paragraphs[0].pieces) == [
        (EQUAL, "We met in "),
        (DELETE, "Minsk"),
        (INSERT, "Moscow"),
        (EQUAL, "."),
    ]
    assert ops(paragraphs[1].pieces) == [(DELETE, "This sentence goes.")]
    assert (INSERT, "very ") in ops(paragraphs[2].pieces)


def test_a_paragraph_that_grew_is_that_paragraph_and_an_unrelated_one_is_new():
    old = "<ul><li>one</li><li>two</li></ul><p>Thank you for your attention.</p>"
    new = "<ul><li>one</li><li>two and a half</li></ul><p>Questions from the press.</p>"
    paragraphs = textdiff.body_diff(old, new)
    assert [(p.op, p.kind) for p in paragraphs] == [
        (EQUAL, "item"),
        (CHANGED, "item"),
        (DELETE, "p"),
        (INSERT, "p"),
    ]


def test_headings_list_items_quotes_and_questions_keep_their_kind():
    body = (
        "<h2>Heading</h2><ul><li>An item<ul><li>Nested</li></ul></li></ul>"
        "<blockquote><p>Quoted.</p></blockquote><p class='question'>Question?</p>"
        "<p>Line one<br>line two</p><hr>"
    )
    assert [(b.kind, b.text) for b in textdiff.blocks(body)] == [
        ("heading", "Heading"),
        ("item", "An item"),
        ("item", "Nested"),
        ("quote", "Quoted."),
        ("question", "Question?"),
        ("p", "Line one\nline two"),
    ]


def test_markup_alone_is_no_change_the_words_are():
    old = "<p>Hello <b>world</b>.</p>"
    new = "<p>Hello <em>world</em>.</p>"
    assert [p.op for p in textdiff.body_diff(old, new)] == [EQUAL]


def test_a_rewritten_long_text_is_paired_in_order_without_comparing_every_pair():
    old = "".join(f"<p>Paragraph {i} says something about topic {i}.</p>" for i in range(300))
    new = "".join(f"<p>Paragraph {i} tells something about subject {i}.</p>" for i in range(300))
    paragraphs = textdiff.body_diff(old, new)
    assert len(old) and len(paragraphs) == 300
    assert {p.op for p in paragraphs} == {CHANGED}


# As HTML: escaped, ours


def test_text_and_markup_from_a_revision_are_escaped_never_rendered():
    html = textdiff.render_text("A title", 'A <script>alert("x")</script> title')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert html.startswith('<p class="diff-block">A <ins>')

    body = textdiff.render_body(
        textdiff.body_diff(
            "<p>Safe.</p>",
            '<p>Safe.</p><p>&lt;b&gt;typed&lt;/b&gt; <img src=x onerror="alert(1)">'
            '<a href="javascript:alert(1)">link</a></p>',
        )
    )
    assert "&lt;b&gt;typed&lt;/b&gt; link" in body
    assert "onerror" not in body and "javascript:" not in body and "<img" not in body
    # Only our own elements: paragraphs, folded stretches, <del>, <ins>, <br>, a label.
    assert set(re.findall(r"<(\w+)", body)) <= {
        "p",
        "details",
        "summary",
        "ins",
        "del",
        "br",
        "span",
    }


def test_a_rendered_body_marks_paragraphs_and_folds_what_did_not_change():
    old = "<p>One.</p><p>Two.</p><p>Three.</p><p>Old four.</p>"
    new = "<p>One.</p><p>Two.</p><p>Three.</p><p>New four.</p><p>Five.</p>"
    html = textdiff.render_body(textdiff.body_diff(old, new))
    assert "<summary>3 unchanged paragraphs</summary>" in html
    changed = '<p class="diff-block diff-block--p diff-block--changed">'
    assert f"{changed}<del>Old</del><ins>New</ins> four.</p>" in html
    assert (
        '<p class="diff-block diff-block--p diff-block--insert"><span class="visually-hidden">'
        "Added paragraph: </span><ins>Five.</ins></p>"
    ) in html


def test_line_breaks_are_kept_as_breaks():
    html = textdiff.render_body(textdiff.body_diff("", "<p>Line one<br>line two</p>"))
    assert "<ins>Line one<br>line two</ins>" in html


def test_nothing_to_compare_is_nothing_changed():
    assert textdiff.body_diff("", "<p></p>") == []
    assert textdiff.word_diff("", "") == []
    assert textdiff.render_pieces([Piece(EQUAL, "a & b")]) == "a &amp; b"
