"""The one template every side panel uses.

A :class:`Dock` has its ``objectName`` set (so ``QMainWindow.saveState`` /
``restoreState`` find it again) and a translated title; the main window puts
its ``toggleViewAction()`` in the 视图 menu.  Panels emit requests; they never
touch the editor themselves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QTableView, QToolButton, QTreeView, QWidget


class Dock(QDockWidget):
    """A dock panel: ``object_name`` is its stable identity for saved window state."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.toggleViewAction().setText(title)


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _report_enter(view: EnterTreeView | EnterTableView, event: QKeyEvent) -> bool:
    """Emit the view's ``enterPressed`` for Return/Enter on a valid current index; whether it did."""
    if _is_enter(event) and view.currentIndex().isValid():
        view.enterPressed.emit(view.currentIndex())
        return True
    return False


class EnterTreeView(QTreeView):
    """A tree view that reports Return/Enter (``activated`` depends on the platform style)."""

    enterPressed = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _report_enter(self, event):
            super().keyPressEvent(event)


class EnterTableView(QTableView):
    """A table view that reports Return/Enter."""

    enterPressed = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _report_enter(self, event):
            super().keyPressEvent(event)


class EnterToolButton(QToolButton):
    """A tool button that Return/Enter presses as Space does (Qt only takes Space outside a dialog)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_enter(event) and not event.isAutoRepeat() and self.isEnabled():
            self.animateClick()
            return
        super().keyPressEvent(event)
