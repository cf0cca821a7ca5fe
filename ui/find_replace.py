"""The find/replace bar under the document view (Ctrl+F / Ctrl+H)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from .docks import EnterToolButton

if TYPE_CHECKING:
    from .editor import DocumentEditor

__all__ = ["FindReplaceBar"]


class FindReplaceBar(QWidget):
    """Find (next/previous, match case) and replace (one, all as one undo step) in a DocumentEditor.

    Replacing inside locked or read-only text is refused (one match) or skipped
    and counted (replace all), with the reason in the editor's status message.
    """

    def __init__(self, editor: DocumentEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.setObjectName("findReplaceBar")
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)

        self.find_label = QLabel(self.tr("查找："), self)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("查找内容"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.prev_button = QPushButton(self.tr("上一个"), self)
        self.prev_button.setToolTip(self.tr("查找上一个（Shift+Enter）"))
        self.next_button = QPushButton(self.tr("下一个"), self)
        self.next_button.setToolTip(self.tr("查找下一个（Enter）"))
        self.case_box = QCheckBox(self.tr("区分大小写"), self)
        self.status_label = QLabel(self)
        self.close_button = EnterToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        self.close_button.setAutoRaise(True)

        self.replace_label = QLabel(self.tr("替换为："), self)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("替换内容"))
        self.replace_label.setBuddy(self.replace_edit)
        self.replace_button = QPushButton(self.tr("替换"), self)
        self.replace_all_button = QPushButton(self.tr("全部替换"), self)
        for b in (self.prev_button, self.next_button, self.replace_button, self.replace_all_button):
            b.setAutoDefault(True)  # Enter on a focused button presses it (outside a dialog Qt only takes Space)

        row1 = QHBoxLayout()
        for w in (self.prev_button, self.next_button, self.case_box, self.status_label):
            row1.addWidget(w)
        row1.addStretch(1)
        row1.addWidget(self.close_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.replace_button)
        row2.addWidget(self.replace_all_button)
        row2.addStretch(1)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addLayout(row1, 0, 2)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addLayout(row2, 1, 2)
        grid.setColumnStretch(1, 1)

        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _t: self.status_label.clear())
        self.replace_edit.returnPressed.connect(self.replace_one)
        self._set_replace_visible(False)

    # ------------------------------------------------------------------ showing

    def _set_replace_visible(self, visible: bool) -> None:
        for w in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            w.setVisible(visible)

    def replace_visible(self) -> bool:
        """True when the replace row is shown."""
        return not self.replace_edit.isHidden()

    def _prefill(self) -> None:
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            text = cursor.selectedText()
            if "\u2029" not in text and "\u2028" not in text and len(text) <= 200:
                self.find_edit.setText(text)

    def show_find(self) -> None:
        """Show the bar with only the find row; focus the find field."""
        self._prefill()
        self._set_replace_visible(False)
        self.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def show_replace(self) -> None:
        """Show the bar with the find and replace rows."""
        self._prefill()
        self._set_replace_visible(True)
        self.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the focus back to the editor."""
        self.hide()
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return
        if event.matches(QKeySequence.StandardKey.FindNext):
            self.find_next()
            return
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self.find_previous()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ finding

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, backward: bool) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self._editor.document()
        cursor = self._editor.textCursor()
        start = QTextCursor(doc)
        start.setPosition(cursor.selectionStart() if backward else cursor.selectionEnd())
        found = doc.find(needle, start, self._flags(backward))
        wrapped = False
        if found.isNull():
            edge = QTextCursor(doc)
            edge.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = doc.find(needle, edge, self._flags(backward))
            wrapped = True
        if found.isNull():
            self.status_label.setText(self.tr("未找到"))
            return False
        self._editor.setTextCursor(found)
        self._editor.ensureCursorVisible()
        self.status_label.setText(self.tr("已从头继续") if wrapped and not backward else "")
        if wrapped and backward:
            self.status_label.setText(self.tr("已从末尾继续"))
        return True

    def find_next(self) -> bool:
        """Select the next match (wrapping at the end); False if there is none."""
        return self._find(False)

    def find_previous(self) -> bool:
        """Select the previous match (wrapping at the start); False if there is none."""
        return self._find(True)

    def _selection_is_match(self) -> bool:
        cursor = self._editor.textCursor()
        if not cursor.hasSelection():
            return False
        needle = self.find_edit.text()
        text = cursor.selectedText()
        if self.case_box.isChecked():
            return text == needle
        return text.casefold() == needle.casefold()

    # ------------------------------------------------------------------ replacing

    def replace_one(self) -> bool:
        """Replace the selected match (if the selection is one) and select the next; False if refused."""
        if not self.find_edit.text():
            return False
        if not self._selection_is_match():
            self.find_next()
            return False
        cursor = self._editor.textCursor()
        reason = self._editor.edit_refusal(cursor)
        if reason:
            self.status_label.setText(self.tr("只读内容，未替换"))
            self._editor.statusMessage.emit(reason)
            return False
        done = self._editor.replace_ranges([(cursor.selectionStart(), cursor.selectionEnd())], self.replace_edit.text())
        if done:
            self.find_next()
        return bool(done)

    def replace_all(self) -> int:
        """Replace every match as one undo step (matches in locked text are skipped); returns the count."""
        needle = self.find_edit.text()
        if not needle:
            return 0
        doc = self._editor.document()
        ranges: list[tuple[int, int]] = []
        cursor = QTextCursor(doc)
        flags = self._flags()
        while True:
            cursor = doc.find(needle, cursor, flags)
            if cursor.isNull():
                break
            ranges.append((cursor.selectionStart(), cursor.selectionEnd()))
        done = self._editor.replace_ranges(ranges, self.replace_edit.text())
        skipped = len(ranges) - done
        if not ranges:
            self.status_label.setText(self.tr("未找到"))
        elif skipped:
            self.status_label.setText(self.tr("已替换 {0} 处，{1} 处在只读内容中未替换").format(done, skipped))
        else:
            self.status_label.setText(self.tr("已替换 {0} 处").format(done))
        self._editor.statusMessage.emit(self.status_label.text())
        return done
