"""Helpers shared by the document-view tests (typing as an input method, key presses)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from linting.model import Paragraph
from ui.editor import DocumentEditor


def commit(editor: DocumentEditor, text: str) -> None:
    """Type ``text`` the way an input method delivers it (a commit string)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def preedit(editor: DocumentEditor, text: str) -> None:
    """Show composition text without committing it."""
    QApplication.sendEvent(editor, QInputMethodEvent(text, []))


def place(editor: DocumentEditor, paragraph: int, offset: int, end: int | None = None) -> None:
    """Put the cursor (or a selection) at code-point offsets of a paragraph."""
    editor.go_to(paragraph, offset, end)


def key(qtbot, editor: DocumentEditor, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(editor, k, mods)


SAMPLE = [
    Paragraph("关于二〇二六年上半年工作的总结", outline_level=0, style="Title"),
    Paragraph("一、总体情况", outline_level=1, style="Heading 1"),
    Paragraph("今年以来，我们认真落实各项部署。\n全年任务完成过半。", style="Normal"),
    Paragraph("加强组织领导", auto_number="（一）", style="List"),
    Paragraph("详见附图\ufffc所示，数据来自第\u00a03\u00a0页。", objects=("image",), locked=((13, 16),)),
    Paragraph("单位名称", in_table=True),
    Paragraph("目录 一、总体情况……1", read_only=True, style="toc 1"),
    Paragraph("𫖯同志与𠮷田同志的问题,需要改正"),
]
