"""Locked text, objects and read-only paragraphs are guarded on every edit path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from linting.model import Paragraph
from tests.ui.test_editor_helpers import commit, place
from ui.editor import DocumentEditor

DOC = [
    Paragraph("正文第一段。"),
    Paragraph("详见第\u00a03\u00a0页，图\ufffc如下。", locked=((2, 5),), objects=("image",)),
    Paragraph("目录 一、总体情况……1", read_only=True, style="toc 1"),
    Paragraph("最后一段"),
]


@pytest.fixture
def editor(qtbot) -> DocumentEditor:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(600, 400)
    ed.show()
    ed.set_document(DOC)
    return ed


def refused(editor: DocumentEditor, qtbot, action) -> str:  # noqa: ANN001
    """Run ``action``; assert the document is unchanged and a reason was given; return it."""
    with qtbot.waitSignal(editor.statusMessage, timeout=1000) as blocker:
        action()
    assert editor.paragraphs() == DOC
    assert not editor.document().isUndoAvailable()
    assert blocker.args[0]
    return blocker.args[0]


def select(editor: DocumentEditor, paragraph: int, start: int, end: int) -> None:
    editor.go_to(paragraph, start, end)


def test_typing_inside_locked_text_is_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 1, 3)
    reason = refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_A))
    assert "Word" in reason
    refused(editor, qtbot, lambda: commit(editor, "页码"))
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Return))


def test_typing_at_the_edge_of_locked_text_is_new_unlocked_text(editor: DocumentEditor) -> None:
    place(editor, 1, 5)
    commit(editor, "起")
    place(editor, 1, 2)
    commit(editor, "的")
    p = editor.paragraphs()[1]
    assert p.text.startswith("详见的第\u00a03起\u00a0页")
    assert p.locked == ((3, 6),)
    assert p.objects == ("image",)


def test_backspace_and_delete_at_the_edge_are_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 1, 5)
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Backspace))
    place(editor, 1, 2)
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Delete))
    # one step further away is ordinary text
    place(editor, 1, 1)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.paragraphs()[1].text.startswith("见第")


def test_objects_cannot_be_deleted_or_typed_over(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    obj = DOC[1].text.index("\ufffc")
    place(editor, 1, obj + 1)
    reason = refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Backspace))
    assert "对象" in reason
    select(editor, 1, obj, obj + 1)
    refused(editor, qtbot, lambda: commit(editor, "图"))


def test_deleting_a_selection_across_locked_text_is_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    doc = editor.document()
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.findBlockByNumber(0).position() + 2)
    cursor.setPosition(doc.findBlockByNumber(1).position() + 4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Delete))
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier))
    refused(editor, qtbot, editor.cut)
    menu = editor.build_context_menu(editor.cursorRect().center())
    states = {a.objectName(): a.isEnabled() for a in menu.actions() if a.objectName()}
    assert states.get("edit-cut") is False


def test_read_only_paragraph(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 2, 3)
    reason = refused(editor, qtbot, lambda: commit(editor, "字"))
    assert "只读" in reason
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Delete))
    # merging the next paragraph into it, or it into the previous one, changes it too
    place(editor, 3, 0)
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Backspace))
    place(editor, 1, len(DOC[1].text))
    refused(editor, qtbot, lambda: qtbot.keyClick(editor, Qt.Key.Key_Delete))


def test_paste_and_drop_into_locked_text_are_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    mime = QMimeData()
    mime.setText("粘贴\n两行")
    place(editor, 1, 3)
    refused(editor, qtbot, lambda: editor.insertFromMimeData(mime))
    select(editor, 1, 0, 4)
    refused(editor, qtbot, lambda: editor.insertFromMimeData(mime))
    place(editor, 2, 0)
    refused(editor, qtbot, lambda: editor.insertFromMimeData(mime))


def test_pasted_object_character_is_dropped(editor: DocumentEditor) -> None:
    mime = QMimeData()
    mime.setText("甲\ufffc乙")
    place(editor, 0, 0)
    editor.insertFromMimeData(mime)
    assert editor.paragraphs()[0].text == "甲乙正文第一段。"
    assert editor.paragraphs()[0].objects == ()


def test_undo_after_allowed_edit_keeps_locked_spans(editor: DocumentEditor) -> None:
    place(editor, 1, 0)
    commit(editor, "请")
    assert editor.paragraphs()[1].locked == ((3, 6),)
    editor.undo()
    assert editor.paragraphs() == DOC


def test_drop_into_locked_text_is_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    block = editor.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 3)
    point = QPointF(editor.cursorRect(cursor).center())
    assert editor.cursorForPosition(point.toPoint()).position() == block.position() + 3
    mime = QMimeData()
    mime.setText("拖入")
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(editor.statusMessage):
        editor.dropEvent(event)
    assert editor.paragraphs() == DOC


def test_enter_at_the_end_of_a_read_only_paragraph_makes_a_new_one(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    place(editor, 2, len(DOC[2].text))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit(editor, "新段落")
    assert editor.paragraphs()[:3] == DOC[:3]
    assert editor.paragraphs()[3] == Paragraph("新段落")
    assert editor.sources() == [0, 1, 2, None, 3]
    # but not in the middle of it
    place(editor, 2, 2)
    refused_reason = []
    editor.statusMessage.connect(refused_reason.append)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert refused_reason and len(editor.paragraphs()) == 5


def test_composition_over_locked_selection_is_refused(editor: DocumentEditor, qtbot) -> None:  # noqa: ANN001
    from tests.ui.test_editor_helpers import preedit

    select(editor, 1, 1, 4)
    refused(editor, qtbot, lambda: preedit(editor, "zi"))
    assert editor.textCursor().hasSelection()
    # an ordinary selection is replaced by the composition as usual
    select(editor, 0, 0, 2)
    preedit(editor, "zi")
    commit(editor, "字")
    assert editor.paragraphs()[0].text == "字第一段。"
