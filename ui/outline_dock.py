"""The outline panel (left): the heading tree; click or Enter jumps; follows the cursor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from linting.model import Problem
from linting.outline import OutlineEntry

from .docks import Dock, EnterToolButton, EnterTreeView
from .models import OutlineModel, ParagraphRole


class OutlineDock(Dock):
    """Heading tree with expand/collapse all; emits ``jumpRequested(paragraph)``."""

    jumpRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("大纲"), "outlineDock", parent)
        self.model = OutlineModel(self)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.expand_button = EnterToolButton(body)
        self.expand_button.setText(self.tr("全部展开"))
        self.expand_button.clicked.connect(self.expand_all)
        self.collapse_button = EnterToolButton(body)
        self.collapse_button.setText(self.tr("全部折叠"))
        self.collapse_button.clicked.connect(self.collapse_all)
        bar.addWidget(self.expand_button)
        bar.addWidget(self.collapse_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.view = EnterTreeView(body)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setExpandsOnDoubleClick(False)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 36)
        lay.addWidget(self.view, 1)
        self.empty_label = QLabel(self.tr("没有识别到标题"), body)
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)
        lay.addWidget(self.empty_label)
        self.setWidget(body)
        self.view.clicked.connect(self._jump)
        self.view.enterPressed.connect(self._jump)
        self.model.modelReset.connect(self._after_reset)
        self._following = False

    def set_outline(self, entries: Sequence[OutlineEntry], problems: Sequence[Problem]) -> None:
        """Show a new lint's outline (keeps expansion when the headings are unchanged)."""
        self.model.set_outline(entries, problems)
        self.empty_label.setVisible(not entries)

    def show_checking(self) -> None:
        """A new document is being checked: no headings yet, and no claim that there are none."""
        self.model.set_outline([], [])
        self.empty_label.setVisible(False)

    def _after_reset(self) -> None:
        self.view.expandAll()

    def expand_all(self) -> None:
        self.view.expandAll()

    def collapse_all(self) -> None:
        self.view.collapseAll()

    def _jump(self, index: QModelIndex) -> None:
        p = self.model.data(index, ParagraphRole)
        if isinstance(p, int):
            self.jumpRequested.emit(p)

    def follow_paragraph(self, paragraph: int) -> None:
        """Highlight the section containing ``paragraph`` (the cursor moved); no jump."""
        idx = self.model.index_for_paragraph(paragraph)
        sel = self.view.selectionModel()
        if not idx.isValid():
            sel.clearSelection()
            return
        if sel.currentIndex() == idx:
            return
        p = idx.parent()
        while p.isValid():
            if not self.view.isExpanded(p):
                self.view.expand(p)
            p = p.parent()
        sel.setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(idx)
