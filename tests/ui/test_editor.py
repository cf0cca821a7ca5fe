"""DocumentEditor: identity and snapshot under editing, offsets, apply_edits, underlines, IME, zoom."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QFontInfo, QTextCharFormat, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from linting.model import OBJECT_CHAR, Applicability, Edit, Fix, Paragraph, Problem, Severity
from tests.ui.test_editor_helpers import SAMPLE, commit, key, place, preedit
from ui.editor import OBJECT_TYPE, P_ROLE, DocumentEditor


@pytest.fixture
def editor(qtbot) -> DocumentEditor:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(700, 500)
    ed.show()
    ed.set_document(SAMPLE)
    return ed


def check_consistent(ed: DocumentEditor) -> None:
    """The incrementally kept snapshot equals a rebuild from the blocks."""
    paras, srcs = ed._rebuild_all()
    assert ed.paragraphs() == paras
    assert ed.sources() == srcs
    real = [s for s in srcs if s is not None]
    assert real == sorted(real)


def test_set_document_round_trip(editor: DocumentEditor) -> None:
    assert editor.paragraphs() == SAMPLE
    assert editor.sources() == list(range(len(SAMPLE)))
    assert not editor.document().isModified()
    assert not editor.document().isUndoAvailable()
    check_consistent(editor)
    # soft break is U+2028 inside the block; NBSP survives (raw text, not toPlainText)
    assert "\u2028" in editor.document().findBlockByNumber(2).text()
    assert "\u00a0" in editor.paragraphs()[4].text


def test_set_document_normalises_odd_input(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document([Paragraph("甲\r\n乙", locked=((0, 1), (1, 2))), Paragraph("")])
    assert ed.paragraphs()[0].text == "甲\n乙"
    assert ed.paragraphs()[0].locked == ((0, 2),)
    assert len(ed.paragraphs()) == 2
    check_consistent(ed)


def test_empty_document(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document([])
    assert ed.sources() == [None]
    commit(ed, "新内容")
    assert ed.paragraphs()[0].text == "新内容"
    check_consistent(ed)


def test_typing_changes_only_that_paragraph(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    before = editor.paragraphs()
    rev = editor.revision()
    with qtbot.waitSignal(editor.edited):
        place(editor, 1, 2)
        commit(editor, "基本")
    after = editor.paragraphs()
    assert after[1].text == "一、基本总体情况"
    assert after[1].outline_level == 1 and after[1].style == "Heading 1"
    assert [p for i, p in enumerate(after) if i != 1] == [p for i, p in enumerate(before) if i != 1]
    assert editor.revision() > rev
    assert editor.document().isModified()
    check_consistent(editor)


def test_enter_splits_and_undo_restores(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 3, 2)
    key(qtbot, editor, Qt.Key.Key_Return)
    paras = editor.paragraphs()
    assert [p.text for p in paras[3:5]] == ["加强", "组织领导"]
    assert editor.sources()[3:5] == [3, 3]
    assert paras[3].auto_number == "（一）" and paras[4].auto_number is None
    assert paras[4].style == "List"
    check_consistent(editor)
    editor.undo()
    assert editor.paragraphs() == SAMPLE
    assert editor.sources() == list(range(len(SAMPLE)))
    editor.redo()
    assert editor.sources()[3:5] == [3, 3]
    check_consistent(editor)


def test_backspace_at_block_start_merges(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 2, 0)
    key(qtbot, editor, Qt.Key.Key_Backspace)
    assert editor.paragraphs()[1].text.startswith("一、总体情况今年以来")
    assert editor.sources() == [0, 1, 3, 4, 5, 6, 7]
    check_consistent(editor)
    editor.undo()
    assert editor.paragraphs() == SAMPLE
    assert editor.sources() == list(range(len(SAMPLE)))


def test_shift_enter_inserts_soft_break(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 1, 2)
    key(qtbot, editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.paragraphs()[1].text == "一、\n总体情况"
    assert len(editor.paragraphs()) == len(SAMPLE)


def test_paste_lines_become_paragraphs(editor: DocumentEditor) -> None:
    place(editor, 2, 4)
    mime = QMimeData()
    mime.setText("甲\r\n乙\n丙")
    editor.insertFromMimeData(mime)
    texts = [p.text for p in editor.paragraphs()]
    assert texts[2] == "今年以来甲"
    assert texts[3] == "乙"
    assert texts[4].startswith("丙，我们认真")
    assert editor.sources()[2:5] == [2, None, 2]
    check_consistent(editor)
    editor.undo()
    assert editor.paragraphs() == SAMPLE
    assert editor.sources() == list(range(len(SAMPLE)))


def test_paste_at_paragraph_end_makes_new_paragraphs(editor: DocumentEditor) -> None:
    place(editor, 1, 6)
    mime = QMimeData()
    mime.setText("\n新增一段")
    editor.insertFromMimeData(mime)
    assert editor.sources()[:4] == [0, 1, None, 2]
    assert editor.paragraphs()[2] == Paragraph("新增一段")


def test_cut_across_paragraphs_and_undo(editor: DocumentEditor) -> None:
    doc = editor.document()
    cursor = QTextCursor(doc.findBlockByNumber(1))
    cursor.setPosition(doc.findBlockByNumber(1).position() + 2)
    cursor.setPosition(doc.findBlockByNumber(3).position() + 2, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.cut()
    assert editor.paragraphs()[1].text == "一、组织领导"
    assert editor.sources()[:3] == [0, 1, 4]
    check_consistent(editor)
    editor.undo()
    assert editor.paragraphs() == SAMPLE


def test_random_edits_keep_cache_consistent(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document([Paragraph(f"第{i}段，内容𠮷{i}", auto_number=f"{i}." if i % 3 == 0 else None) for i in range(40)])
    rng = random.Random(7)
    doc = ed.document()
    for _ in range(120):
        n = doc.characterCount() - 1
        a = rng.randrange(0, n + 1)
        b = min(n, a + rng.choice([0, 0, 1, 3, 30]))
        cursor = QTextCursor(doc)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        op = rng.choice(["type", "enter", "delete", "paste", "undo", "redo"])
        if op == "type":
            ed.setTextCursor(cursor)
            commit(ed, rng.choice(["好", "，", "𫖯"]))
        elif op == "enter":
            ed.setTextCursor(cursor)
            qtbot.keyClick(ed, Qt.Key.Key_Return)
        elif op == "delete":
            ed.setTextCursor(cursor)
            qtbot.keyClick(ed, Qt.Key.Key_Backspace)
        elif op == "paste":
            ed.setTextCursor(cursor)
            mime = QMimeData()
            mime.setText("一\n二")
            ed.insertFromMimeData(mime)
        elif op == "undo":
            ed.undo()
        else:
            ed.redo()
        check_consistent(ed)


def test_go_to_selects_exact_span_after_astral(editor: DocumentEditor) -> None:
    text = SAMPLE[7].text
    start = text.index("𠮷田")
    editor.go_to(7, start, start + 2)
    assert editor.textCursor().selectedText() == "𠮷田"
    assert editor.current_paragraph() == 7
    assert editor.hasFocus() or not editor.isActiveWindow()


def test_apply_edits_hits_exact_characters_in_one_undo_step(editor: DocumentEditor) -> None:
    text = SAMPLE[7].text
    comma = text.index(",")
    ok = editor.apply_edits([Edit(7, comma, comma + 1, "，"), Edit(7, 0, 1, "王"), Edit(1, 0, 2, "二、")])
    assert ok
    assert editor.paragraphs()[7].text == "王同志与𠮷田同志的问题，需要改正"
    assert editor.paragraphs()[1].text == "二、总体情况"
    editor.undo()
    assert editor.paragraphs() == SAMPLE
    assert not editor.document().isUndoAvailable()


def test_apply_edits_soft_break_replacement(editor: DocumentEditor) -> None:
    assert editor.apply_edits([Edit(1, 2, 2, "\n")])
    assert editor.paragraphs()[1].text == "一、\n总体情况"
    assert len(editor.paragraphs()) == len(SAMPLE)


@pytest.mark.parametrize(
    "edit",
    [
        Edit(4, 13, 14, "X"),  # inside the locked span
        Edit(4, 10, 15, ""),  # across it
        Edit(4, 14, 14, "X"),  # an insertion inside it
        Edit(4, 4, 5, ""),  # the object
        Edit(6, 0, 2, "索引"),  # a read-only paragraph
        Edit(99, 0, 0, "X"),  # no such paragraph
        Edit(1, 3, 99, "X"),  # past the end
    ],
)
def test_apply_edits_refuses_and_changes_nothing(editor: DocumentEditor, edit: Edit) -> None:
    assert editor.apply_edits([Edit(1, 0, 1, "甲"), edit]) is False
    assert editor.paragraphs() == SAMPLE
    assert not editor.document().isUndoAvailable()


def test_apply_edits_refuses_overlap(editor: DocumentEditor) -> None:
    assert editor.apply_edits([Edit(1, 0, 3, "a"), Edit(1, 2, 4, "b")]) is False
    assert editor.paragraphs() == SAMPLE


def test_apply_edits_at_edge_of_locked_text_is_allowed(editor: DocumentEditor) -> None:
    assert editor.apply_edits([Edit(4, 16, 16, "第")])
    p = editor.paragraphs()[4]
    assert p.text[16] == "第" and p.locked == ((13, 16),)


def problem(para: int, start: int, end: int, sev: Severity = Severity.ERROR, fix: bool = True) -> Problem:
    f = Fix((Edit(para, start, end, "，"),), Applicability.SAFE, "改为全角逗号") if fix else None
    return Problem("halfwidth-punct", sev, para, start, end, "x", "半角标点", f)


def test_underlines_cover_span_after_astral(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    comma = SAMPLE[7].text.index(",")
    editor.set_problems([problem(7, comma, comma + 1), problem(1, 0, 2, Severity.WARNING)])
    qtbot.waitUntil(lambda: len(editor.extraSelections()) == 2)
    assert sorted(editor.underlined_spans()) == [(1, 0, 2), (7, comma, comma + 1)]
    sel = [s for s in editor.extraSelections() if s.cursor.blockNumber() == 7][0]
    assert sel.cursor.selectedText() == ","
    assert sel.format.underlineStyle() == sel.format.UnderlineStyle.WaveUnderline
    colours = {s.format.underlineColor().name() for s in editor.extraSelections()}
    assert len(colours) == 2


def test_only_visible_blocks_are_underlined(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(600, 300)
    ed.show()
    ed.set_document([Paragraph(f"第{i}段,内容") for i in range(2000)])
    ed.set_problems([problem(i, 2 if i < 10 else 3, 3 if i < 10 else 4) for i in range(2000)])
    qtbot.waitUntil(lambda: bool(ed.extraSelections()))
    top = ed.underlined_spans()
    assert 0 < len(top) < 100
    assert all(p < 100 for p, _s, _e in top)
    ed.verticalScrollBar().setValue(ed.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: any(p > 1900 for p, _s, _e in ed.underlined_spans()))
    assert len(ed.underlined_spans()) < 100


def test_editing_drops_stale_underlines_and_shifts_others(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    editor.set_problems([problem(1, 0, 2), problem(7, 0, 1)])
    qtbot.waitUntil(lambda: len(editor.extraSelections()) == 2)
    place(editor, 2, 0)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # paragraph 7 becomes 8
    qtbot.waitUntil(lambda: {p for p, _s, _e in editor.underlined_spans()} == {1, 8})
    place(editor, 1, 1)
    commit(editor, "甲")
    qtbot.waitUntil(lambda: {p for p, _s, _e in editor.underlined_spans()} == {8})


def test_tooltip_and_problem_actions(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    p = problem(1, 0, 2)
    editor.set_problems([p])
    assert "半角标点" in editor.tooltip_for(p) and "改为全角逗号" in editor.tooltip_for(p)
    actions = editor.problem_actions(p)
    assert [a.data() for a in actions] == ["fix", "fix-all", "ignore-here", "ignore-rule"]
    with qtbot.waitSignal(editor.problemActionRequested) as blocker:
        actions[0].trigger()
    assert blocker.args == [p, "fix"]
    unsafe = Problem("r", Severity.ERROR, 1, 0, 2, "x", "m", Fix((), Applicability.UNSAFE, "重新编号"))
    assert [a.data() for a in editor.problem_actions(unsafe)] == ["fix", "ignore-here", "ignore-rule"]
    nofix = problem(1, 0, 2, fix=False)
    assert [a.data() for a in editor.problem_actions(nofix)] == ["ignore-here", "ignore-rule"]
    place(editor, 1, 1)
    assert editor.problem_at_cursor() == p
    place(editor, 2, 3)
    assert editor.problem_at_cursor() is None


def test_context_menu_offers_problem_actions(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    p = problem(1, 0, 2)
    editor.set_problems([p])
    block = editor.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 1)
    point = editor.cursorRect(cursor).center()
    menu = editor.build_context_menu(point)
    names = [a.objectName() for a in menu.actions()]
    assert "problem-fix" in names and "problem-ignore-rule" in names
    menu_plain = editor.build_context_menu(QPoint(5, editor.viewport().height() - 5))
    assert "problem-fix" not in [a.objectName() for a in menu_plain.actions()]


def test_preedit_does_not_change_document(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 1, 2)
    rev = editor.revision()
    preedit(editor, "zong")
    assert editor.revision() == rev
    assert editor.paragraphs() == SAMPLE
    assert editor.apply_edits([Edit(7, 0, 1, "王")]) is False  # no changes while composing
    commit(editor, "综")
    assert editor.paragraphs()[1].text == "一、综总体情况"
    assert editor.revision() > rev


def test_empty_input_method_event_is_ignored(editor: DocumentEditor) -> None:
    place(editor, 1, 2)
    rev = editor.revision()
    commit(editor, "")
    assert editor.revision() == rev
    assert editor.paragraphs() == SAMPLE


def test_input_method_cursor_rectangle_includes_viewport_offset(editor: DocumentEditor) -> None:
    editor.setViewportMargins(30, 20, 0, 0)
    place(editor, 2, 3)
    rect = editor.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    expected = editor.cursorRect().translated(editor.viewport().pos())
    assert rect.toRect() == expected
    assert rect.left() >= 30


def test_zoom(editor: DocumentEditor) -> None:
    base = editor.document().defaultFont().pointSizeF()
    editor.zoom_in()
    assert editor.document().defaultFont().pointSizeF() > base
    editor.reset_zoom()
    assert editor.document().defaultFont().pointSizeF() == base
    wheel = QWheelEvent(
        QPointF(10, 10),
        QPointF(10, 10),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    editor.wheelEvent(wheel)
    assert editor.document().defaultFont().pointSizeF() < base


def test_character_count(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document([Paragraph("关于2026年工作，"), Paragraph("hello world \ufffc"), Paragraph("")])
    assert ed.character_count() == 2 + 1 + 1 + 2 + 1 + 2  # 关于 2026 年 工作 ， + hello world
    commit(ed, "好")
    assert ed.character_count() == 10


def test_cursor_paragraph_signal(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(editor.cursorParagraphChanged) as blocker:
        place(editor, 5, 0)
    assert blocker.args == [5]


def test_display_roles_objects_labels(editor: DocumentEditor) -> None:
    doc = editor.document()
    roles = [doc.findBlockByNumber(i).blockFormat().stringProperty(P_ROLE) for i in range(len(SAMPLE))]
    assert roles[:3] == ["title", "h1", "body"]
    assert roles[5] == "table"
    assert roles[3] == "h2"  # from the auto-number （一） via linting's marker analysis
    # the object is a custom inline object, not a typeable character
    block = doc.findBlockByNumber(4)
    pos = block.position() + block.text().index(OBJECT_CHAR)
    cursor = QTextCursor(doc)
    cursor.setPosition(pos + 1)
    assert cursor.charFormat().objectType() == OBJECT_TYPE
    # the auto-numbered paragraph reserves an indent for its painted label
    assert doc.findBlockByNumber(3).blockFormat().indent() == 1
    assert doc.findBlockByNumber(5).blockFormat().indent() == 1
    assert "（一）" not in doc.findBlockByNumber(3).text()
    assert editor.object_label("image") == "[图片]" and editor.object_label("weird") == "[对象]"


def test_headings_from_text_markers(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document(
        [
            Paragraph("关于做好安全工作的通知"),
            Paragraph("一、工作目标"),
            Paragraph("（二）具体措施"),
            Paragraph("正文。"),
        ]
    )
    doc = ed.document()
    roles = [doc.findBlockByNumber(i).blockFormat().stringProperty(P_ROLE) for i in range(4)]
    assert roles == ["title", "h1", "h2", "body"]
    h1 = QFontInfo(QTextCursor(doc.findBlockByNumber(1)).charFormat().font())
    assert h1.family()


def test_screenshot_renders(editor: DocumentEditor, tmp_path) -> None:  # noqa: ANN001
    editor.set_problems([problem(7, 0, 1)])
    path = tmp_path / "view.png"
    assert editor.grab().save(str(path))
    assert path.stat().st_size > 1000


def test_typed_heading_marker_changes_the_face(editor: DocumentEditor) -> None:
    rev = editor.revision()
    place(editor, 2, 0)
    commit(editor, "二、")
    assert editor.display_role(2) == "h1"
    layout = editor.document().findBlockByNumber(2).layout()
    ranges = layout.formats()
    assert ranges
    fmt = QTextCharFormat(ranges[0].format)
    assert fmt.fontFamilies()[0] == "黑体"
    assert editor.revision() == rev + 1  # the restyle is display only
    editor.undo()
    assert editor.display_role(2) == "body"
    assert not editor.document().findBlockByNumber(2).layout().formats()


def test_tooltip_event_on_underlined_text(editor: DocumentEditor, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    p = problem(1, 0, 2)
    editor.set_problems([p])
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda *args, **kw: shown.append(args[1]))
    block = editor.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 1)
    point = editor.cursorRect(cursor).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor.viewport(), event)
    assert shown and "半角标点" in shown[0] and "改为全角逗号" in shown[0]


def test_ctrl_period_opens_the_problem_menu(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication, QMenu

    p = problem(1, 0, 2)
    editor.set_problems([p])
    place(editor, 2, 1)
    with qtbot.waitSignal(editor.statusMessage):
        qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    place(editor, 1, 1)
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus
    actions = {a.objectName(): a for a in menus[-1].actions()}
    with qtbot.waitSignal(editor.problemActionRequested) as blocker:
        actions["problem-ignore-here"].trigger()
    assert blocker.args == [p, "ignore-here"]
    menus[-1].close()


def test_edited_emitted_on_undo_and_modified_flag(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 1, 0)
    commit(editor, "甲")
    assert editor.document().isModified()
    with qtbot.waitSignal(editor.edited):
        editor.undo()
    assert not editor.document().isModified()


def char_role(editor: DocumentEditor, paragraph: int, offset: int) -> str:
    """The face role of the character at a code-point offset."""
    from ui.editor import P_CHAR_ROLE

    block = editor.document().findBlockByNumber(paragraph)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset + 1)
    return cursor.charFormat().stringProperty(P_CHAR_ROLE)


def test_heading_face_covers_only_the_heading_part(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document([Paragraph("关于工作的总结"), Paragraph("（一）加强组织领导。一是成立领导小组，二是明确责任。")])
    assert char_role(ed, 1, 0) == "h2"
    assert char_role(ed, 1, 9) == "h2"  # the 。 ending the heading
    assert char_role(ed, 1, 10) == "body"
    ed.go_to(1, 4)
    commit(ed, "甲")
    assert char_role(ed, 1, 4) == "h2"
    ed.go_to(1, 15)
    commit(ed, "乙")
    assert char_role(ed, 1, 15) == "body"
    assert ed.paragraphs()[1].text == "（一）加甲强组织领导。一是成立乙领导小组，二是明确责任。"


def test_copy_is_plain_text(editor: DocumentEditor) -> None:
    doc = editor.document()
    cursor = QTextCursor(doc.findBlockByNumber(2))
    cursor.setPosition(doc.findBlockByNumber(4).position() + 8, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    mime = editor.createMimeDataFromSelection()
    assert mime.text() == SAMPLE[2].text + "\n" + SAMPLE[3].text + "\n" + SAMPLE[4].text[:8].replace("\ufffc", "")
    assert not mime.hasHtml()


def test_font_for_roles(qtbot) -> None:  # noqa: ANN001
    from ui.fonts import families_for, font_for, has_own_face

    assert families_for("h1")[0] == "黑体"
    assert families_for("h2")[0] == "楷体_GB2312"
    assert families_for("body")[0] == "仿宋_GB2312"
    assert families_for("title")[0] == "方正小标宋简体"
    for role in ("title", "h1", "h2", "body", "table"):
        assert families_for(role)[-1] == "WenQuanYi Micro Hei"
    assert font_for("title", 10).pointSizeF() == pytest.approx(12)
    assert font_for("body", 10).pointSizeF() == pytest.approx(10)
    assert font_for("title", 10).bold()
    # a heading whose own faces are missing is made bold so it still stands out
    assert font_for("h1", 10).bold() == (not has_own_face("h1"))
    assert not font_for("body", 10).bold()


def test_zoom_keeps_the_top_paragraph(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(600, 300)
    ed.show()
    ed.set_document([Paragraph(f"第{i}段内容。" * 3) for i in range(300)])
    ed.go_to(150)
    QApplication.processEvents()
    top = ed.cursorForPosition(QPoint(0, 0)).blockNumber()
    assert top > 100
    ed.zoom_in()
    ed.zoom_in()
    assert ed.cursorForPosition(QPoint(0, 0)).blockNumber() == top
