"""The find/replace bar: find next/previous with wrap, match case, replace, replace all as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from linting.model import Paragraph
from ui.editor import DocumentEditor
from ui.find_replace import FindReplaceBar

DOC = [
    Paragraph("Word 文档中的工作要点"),
    Paragraph("工作总结：𠮷田同志的工作，word 版本。"),
    Paragraph("见工作台账。", locked=((1, 3),)),
    Paragraph("工作目录", read_only=True),
]


@pytest.fixture
def editor(qtbot) -> DocumentEditor:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(600, 400)
    ed.show()
    ed.set_document(DOC)
    return ed


def bar_of(editor: DocumentEditor) -> FindReplaceBar:
    bar = editor.find_bar()
    assert isinstance(bar, FindReplaceBar)
    return bar


def test_shortcuts_show_the_bar(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = bar_of(editor)
    assert bar.isVisible() and not bar.replace_visible()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_visible()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_next_previous_and_wrap(editor: DocumentEditor) -> None:
    editor.show_find()
    bar = bar_of(editor)
    bar.find_edit.setText("工作")
    found = []
    for _ in range(6):
        assert bar.find_next()
        found.append(editor._cp_at(editor.textCursor().selectionStart()))
        assert editor.textCursor().selectedText() == "工作"
    assert found[:6] == [(0, 9), (1, 0), (1, 10), (2, 1), (3, 0), (0, 9)]
    assert bar.find_previous()
    assert editor._cp_at(editor.textCursor().selectionStart()) == (3, 0)


def test_match_case(editor: DocumentEditor) -> None:
    editor.show_find()
    bar = bar_of(editor)
    bar.find_edit.setText("word")
    bar.case_box.setChecked(True)
    assert bar.find_next()
    assert editor._cp_at(editor.textCursor().selectionStart()) == (1, 13)
    assert bar.find_next()
    assert editor._cp_at(editor.textCursor().selectionStart()) == (1, 13)  # the only match
    bar.case_box.setChecked(False)
    assert bar.find_next()
    assert editor._cp_at(editor.textCursor().selectionStart()) == (0, 0)
    bar.find_edit.setText("不存在的词")
    assert not bar.find_next()
    assert bar.status_label.text() == "未找到"


def test_replace_one_then_next(editor: DocumentEditor) -> None:
    editor.show_replace()
    bar = bar_of(editor)
    bar.find_edit.setText("工作")
    bar.replace_edit.setText("任务")
    assert bar.replace_one() is False  # the first click only finds
    assert bar.replace_one() is True
    assert editor.paragraphs()[0].text == "Word 文档中的任务要点"
    assert editor._cp_at(editor.textCursor().selectionStart()) == (1, 0)


def test_replace_in_locked_text_is_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    editor.show_replace()
    bar = bar_of(editor)
    bar.find_edit.setText("工作")
    bar.replace_edit.setText("任务")
    editor.go_to(2, 1, 3)
    with qtbot.waitSignal(editor.statusMessage):
        assert bar.replace_one() is False
    assert editor.paragraphs() == DOC


def test_replace_all_is_one_undo_step_and_skips_locked(editor: DocumentEditor) -> None:
    editor.show_replace()
    bar = bar_of(editor)
    bar.find_edit.setText("工作")
    bar.replace_edit.setText("任务")
    assert bar.replace_all() == 3
    texts = [p.text for p in editor.paragraphs()]
    assert texts[0] == "Word 文档中的任务要点"
    assert texts[1] == "任务总结：𠮷田同志的任务，word 版本。"
    assert texts[2:] == [DOC[2].text, DOC[3].text]
    assert "2" in bar.status_label.text()  # two matches skipped in read-only text
    editor.undo()
    assert editor.paragraphs() == DOC
    assert not editor.document().isUndoAvailable()
