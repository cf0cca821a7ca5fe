"""Ctrl+. inside the main window: the editor's one menu of the problem's actions, routed by the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.test_main_window import _safe_problem, _sample_session, _wait_lint, dialogs, open_window  # noqa: F401


def _open_menus() -> list[QMenu]:
    return [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]


def test_ctrl_period_in_the_editor_opens_one_problem_menu_that_fixes(qtbot, open_window) -> None:  # noqa: ANN001, F811
    w = open_window(_sample_session())
    p = _safe_problem(w, "halfwidth-punct")
    before = w.editor.paragraphs()[p.paragraph].text
    w.activateWindow()
    w.editor.go_to(p.paragraph, p.start)
    assert w.editor.hasFocus()
    assert not _open_menus()
    qtbot.keyClick(w.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    menus = _open_menus()
    assert len(menus) == 1  # one menu, not the window's and the editor's
    menu = menus[0]
    assert menu.parent() is w.editor  # the editor's own menu (the window's shortcut did not take the key)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["problem-fix", "problem-fix-all", "problem-ignore-here", "problem-ignore-rule"]
    assert p.message in [a.text() for a in menu.actions()]
    # The cursor rectangle's bottom-left is where it pops up.
    at = w.editor.viewport().mapToGlobal(w.editor.cursorRect().bottomLeft())
    assert menu.geometry().contains(at) or (menu.pos() - at).manhattanLength() <= 2
    fix = next(a for a in menu.actions() if a.objectName() == "problem-fix")
    fix.trigger()  # routed through the window like a click
    menu.close()
    assert w.editor.paragraphs()[p.paragraph].text != before
    _wait_lint(qtbot, w)
    qtbot.keyClick(w.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.paragraphs()[p.paragraph].text == before


def test_ctrl_period_elsewhere_is_still_the_windows_quick_fix(qtbot, open_window) -> None:  # noqa: ANN001, F811
    w = open_window(_sample_session())
    p = _safe_problem(w, "halfwidth-punct")
    w.activateWindow()
    w.editor.go_to(p.paragraph, p.start)
    w.problems_dock.view.setFocus()
    assert not w.editor.hasFocus()
    called = []
    w.act_fix.triggered.connect(lambda *_: called.append(True))
    qtbot.keyClick(w.problems_dock.view, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert called == [True]
    for m in _open_menus():
        assert m.parent() is not w.editor
        m.close()
