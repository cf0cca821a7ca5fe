"""apply_edits with many edits per paragraph (fix-all): exact characters, formats kept, one undo step."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from linting.engine import Linter
from linting.model import Applicability, Edit, Paragraph
from tests.ui.test_editor_helpers import place
from ui import editor as editor_module
from ui.editor import OBJECT_TYPE, P_CHAR_ROLE, P_LOCKED, DocumentEditor

ASTRAL = Paragraph("𫖯同志指出,要抓好学习,抓好调研,抓好落实,抓好督查,抓好总结,确保实效。")
DOC = [
    Paragraph("关于二〇二六年工作的总结", outline_level=0),
    ASTRAL,
    Paragraph("一、总体情况,甲乙,丙丁,戊己,庚辛"),  # heading face on 一、总体情况 only, body face after
    Paragraph("详见第\u00a03\u00a0页,甲乙,丙丁,戊己,庚辛", locked=((2, 5),)),  # locked text before the span
    Paragraph("甲乙,丙丁\ufffc,戊己,庚辛,壬癸", objects=("image",)),  # an object inside the span
    Paragraph("𠮷田,甲乙,丙丁"),
]


@pytest.fixture
def ed(qtbot) -> DocumentEditor:  # noqa: ANN001
    e = DocumentEditor()
    qtbot.addWidget(e)
    e.resize(700, 500)
    e.show()
    e.set_document(DOC)
    return e


def fix_all_edits(paragraphs: list[Paragraph], rule: str = "halfwidth-punct") -> list[Edit]:
    """The edits the window's fix-all gathers: every safe fix of ``rule`` from a real lint."""
    result = Linter(rules=[rule]).lint(paragraphs)
    edits = []
    for p in result.problems:
        if p.rule == rule and p.fix is not None and p.fix.applicability == Applicability.SAFE:
            edits.extend(p.fix.edits)
    return sorted(edits, key=lambda e: (e.paragraph, e.start))


def char_formats(ed: DocumentEditor) -> list[list[tuple[str, str, bool, bool]]]:
    """Per block, per UTF-16 unit: (unit, face role, locked, object)."""
    out = []
    block = ed.document().firstBlock()
    while block.isValid():
        row = []
        cursor = QTextCursor(block)
        for k in range(block.length() - 1):
            cursor.setPosition(block.position() + k + 1)
            fmt = cursor.charFormat()  # the format of the unit before the cursor
            unit = block.text().encode("utf-16-le", "surrogatepass")[2 * k : 2 * k + 2]
            row.append(
                (
                    unit.hex(),
                    fmt.stringProperty(P_CHAR_ROLE),
                    fmt.boolProperty(P_LOCKED),
                    fmt.objectType() == OBJECT_TYPE,
                )
            )
        out.append(row)
        block = block.next()
    return out


def test_fix_all_after_astral_character_hits_exact_commas_in_one_undo_step(ed: DocumentEditor) -> None:
    edits = fix_all_edits([ASTRAL])
    assert len(edits) == ASTRAL.text.count(",") == 6
    before = ed.paragraphs()
    assert ed.apply_edits([Edit(1, e.start, e.end, e.replacement) for e in edits])
    text = ed.paragraphs()[1].text
    assert text == ASTRAL.text.replace(",", "，")
    assert text.startswith("𫖯同志指出，要")
    assert ed.document().findBlockByNumber(1).text() == text  # the block itself, not only the snapshot
    assert ed.paragraphs()[0] == before[0] and ed.paragraphs()[2:] == before[2:]
    ed.undo()
    assert ed.paragraphs() == before
    assert not ed.document().isUndoAvailable()  # exactly one step
    ed.redo()
    assert ed.paragraphs()[1].text == text


def test_many_edits_keep_char_formats_locked_text_and_objects(ed: DocumentEditor, monkeypatch) -> None:  # noqa: ANN001
    edits = fix_all_edits(DOC)
    assert {e.paragraph for e in edits} == {1, 2, 3, 4, 5}
    expected = [p.text.replace(",", "，") for p in DOC]
    # Reference: every edit on its own (no batching), in a second editor.
    ref = DocumentEditor()
    ref.set_document(DOC)
    monkeypatch.setattr(editor_module, "_BATCH_MIN_EDITS", 10**9)
    assert ref.apply_edits(edits)
    monkeypatch.undo()
    assert ed.apply_edits(edits)
    assert [p.text for p in ed.paragraphs()] == expected
    assert ed.paragraphs() == ref.paragraphs()
    assert ed.paragraphs()[3].locked == DOC[3].locked and ed.paragraphs()[4].objects == ("image",)
    assert char_formats(ed) == char_formats(ref)
    assert ed.display_role(2) == "h1"
    paras, srcs = ed._rebuild_all()
    assert ed.paragraphs() == paras and ed.sources() == srcs
    ed.undo()
    assert ed.paragraphs() == DOC
    assert not ed.document().isUndoAvailable()
    ref.deleteLater()


def test_cursor_keeps_its_place_in_a_fixed_paragraph(ed: DocumentEditor) -> None:
    place(ed, 1, 12)  # after the second comma
    edits = [Edit(1, e.start, e.end, e.replacement) for e in fix_all_edits([ASTRAL])]
    edits.append(Edit(1, 0, 1, "王甲"))  # a longer replacement before the cursor shifts it by one
    edits.sort(key=lambda e: e.start)
    assert ed.apply_edits(edits)
    assert ed.current_paragraph() == 1
    cursor = ed.textCursor()
    assert ed._cp_at(cursor.position()) == (1, 13)
    assert ed.paragraphs()[1].text[12:14] == "，抓"  # still right after the (now full-width) second comma


@st.composite
def _paragraph_and_edits(draw: st.DrawFn) -> tuple[Paragraph, list[Edit]]:
    text = draw(st.text(alphabet=st.sampled_from("甲乙,𫖯a\ufffc"), min_size=1, max_size=24))
    objects = tuple(draw(st.sampled_from(["image", "footnote", ""])) for _ in range(text.count("\ufffc")))
    locked: tuple[tuple[int, int], ...] = ()
    if draw(st.booleans()):
        s = draw(st.integers(0, len(text) - 1))
        locked = ((s, draw(st.integers(s + 1, len(text)))),)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=12)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        if edits and (a < edits[-1].end or a == b == edits[-1].start == edits[-1].end):
            continue
        edits.append(Edit(1, a, b, draw(st.sampled_from(["，", "", "乙丙", "𠮷", "\n"]))))
    return Paragraph(text, locked=locked, objects=objects), edits


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=_paragraph_and_edits())
def test_batched_edits_equal_one_by_one(qtbot, case) -> None:  # noqa: ANN001
    para, edits = case
    doc = [Paragraph("一、总体情况"), para, Paragraph("末段")]
    results = []
    for batch_min in (1, 10**9):  # every paragraph batched / none
        ed = DocumentEditor()
        ed.set_document(doc)
        before = ed.paragraphs()
        old = editor_module._BATCH_MIN_EDITS
        editor_module._BATCH_MIN_EDITS = batch_min
        try:
            ok = ed.apply_edits(edits)
        finally:
            editor_module._BATCH_MIN_EDITS = old
        results.append((ok, ed.paragraphs(), char_formats(ed)))
        if ok:
            paras, _ = ed._rebuild_all()
            assert ed.paragraphs() == paras
            ed.undo()
            assert ed.paragraphs() == before  # one undo step restores everything
            assert not ed.document().isUndoAvailable()
        ed.deleteLater()
    assert results[0] == results[1]
