"""The start page shown in a window with no document: open, sample, new, recent files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    """Buttons for the first step and the recent files; emits requests only."""

    openRequested = Signal()
    openPathRequested = Signal(str)
    sampleRequested = Signal()
    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        title = QLabel(self.tr("ReportLint 公文结构校对"), self)
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.8)
        f.setBold(True)
        title.setFont(f)
        outer.addWidget(title)
        hint = QLabel(
            self.tr("打开一份工作总结、述职报告、情况报告、请示或通知（.docx / .txt），或把文件拖到窗口里。"), self
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开文件…"), self)
        self.open_button.clicked.connect(self.openRequested)
        self.sample_button = QPushButton(self.tr("打开示例报告"), self)
        self.sample_button.clicked.connect(self.sampleRequested)
        self.new_button = QPushButton(self.tr("新建空白文档"), self)
        self.new_button.clicked.connect(self.newRequested)
        for b in (self.open_button, self.sample_button, self.new_button):
            b.setAutoDefault(True)  # Enter on a focused button presses it (outside a dialog Qt only takes Space)
            row.addWidget(b)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addSpacing(16)
        outer.addWidget(QLabel(self.tr("最近打开的文件"), self))
        self.recent = QListWidget(self)
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._activated)
        outer.addWidget(self.recent, 1)

    def set_recent(self, paths: Sequence[str]) -> None:
        """Show ``paths`` (most recent first)."""
        self.recent.clear()
        for p in paths:
            item = QListWidgetItem(f"{Path(p).name}    —    {p}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(p)
            self.recent.addItem(item)
        if not paths:
            item = QListWidgetItem(self.tr("（暂无）"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        p = item.data(Qt.ItemDataRole.UserRole)
        if p:
            self.openPathRequested.emit(str(p))
