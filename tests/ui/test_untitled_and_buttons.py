"""Window details a Windows user notices: new documents numbered 未命名, 未命名 2…; tool buttons answer Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent

from tests.ui.test_main_window import FakeDialogs, _finished


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    from ui.main_window import MainWindow

    d = FakeDialogs()
    monkeypatch.setattr(MainWindow, "dialogs", d)
    return d


def _close_all() -> None:
    from ui.main_window import windows

    for w in windows():
        if w.session is not None:
            w.editor.document().setModified(False)
        w.close()


def test_new_documents_are_numbered_like_notepad(qtbot, fake, tmp_path: Path) -> None:
    from ui.main_window import MainWindow, recent_files, windows

    start = MainWindow(None)
    start.show()
    try:
        start.new_window()  # the start page takes the first new document
        assert start.session is not None and start.session.display_name() == "未命名"
        start.new_window()  # an untitled document already shows: a second window
        second = [w for w in windows() if w is not start][-1]
        assert second.session is not None and second.session.display_name() == "未命名 2"
        assert second.windowTitle().startswith("未命名 2")
        start.new_window()
        third = [w for w in windows() if w not in (start, second)][-1]
        assert third.session is not None and third.session.display_name() == "未命名 3"

        # Save As suggests the window's own name; saved, it is in 最近打开 under that name.
        qtbot.waitUntil(lambda: _finished(second), timeout=30_000)
        second.editor.setFocus()
        ev = QInputMethodEvent()
        ev.setCommitString("关于开展安全检查的通知")
        second.editor.inputMethodEvent(ev)
        target = tmp_path / "未命名 2.docx"
        fake.save_path_answer = str(target)
        assert second.save()
        suggested = [c[1][0] for c in fake.calls if c[0] == "save_path"]
        assert suggested and Path(str(suggested[-1])).name == "未命名 2.docx"
        assert target.exists() and Path(recent_files()[0]).name == "未命名 2.docx"
        assert second.session.display_name() == "未命名 2.docx"

        # 未命名 2 is a file now: the next new document takes the lowest free number.
        start.new_window()
        fourth = [w for w in windows() if w not in (start, second, third)][-1]
        assert fourth.session is not None and fourth.session.display_name() == "未命名 2"
    finally:
        _close_all()


def test_new_documents_are_numbered_in_english(qtbot, qapp, fake) -> None:
    from ui import i18n
    from ui.main_window import MainWindow, windows

    try:
        i18n.install_translators(qapp, "en")
        start = MainWindow(None)
        start.new_window()
        start.new_window()
        second = [w for w in windows() if w is not start][-1]
        assert start.session is not None and start.session.display_name() == "Untitled"
        assert second.session is not None and second.session.display_name() == "Untitled 2"
        assert "未命名" not in second.windowTitle()
    finally:
        _close_all()
        for t in i18n.installed_translators():
            qapp.removeTranslator(t)
        i18n._installed.clear()
        i18n._current.clear()


def _enter(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_severity_toggle_answers_enter_and_space(qtbot, key) -> None:
    from linting.model import Severity
    from ui.problems_dock import ProblemsDock

    dock = ProblemsDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    b = dock.severity_buttons[Severity.WARNING]
    assert b.isChecked()
    b.setFocus()
    qtbot.keyClick(b, key)
    qtbot.waitUntil(lambda: not b.isChecked(), timeout=2000)
    qtbot.keyClick(b, key)
    qtbot.waitUntil(lambda: b.isChecked(), timeout=2000)


def test_outline_expand_and_collapse_buttons_answer_enter(qtbot) -> None:
    from ui.outline_dock import OutlineDock

    dock = OutlineDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    seen: list[str] = []
    dock.expand_button.clicked.connect(lambda: seen.append("expand"))
    dock.collapse_button.clicked.connect(lambda: seen.append("collapse"))
    _enter(qtbot, dock.collapse_button)
    qtbot.waitUntil(lambda: seen == ["collapse"], timeout=2000)
    dock.expand_button.setFocus()
    qtbot.keyClick(dock.expand_button, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: seen == ["collapse", "expand"], timeout=2000)


def test_fix_buttons_answer_enter(qtbot) -> None:
    from ui.problems_dock import ProblemsDock

    dock = ProblemsDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    seen: list[str] = []
    dock.fix_button.setEnabled(True)
    dock.fix_all_button.setEnabled(True)
    dock.fix_button.clicked.connect(lambda: seen.append("fix"))
    dock.fix_all_button.clicked.connect(lambda: seen.append("fix-all"))
    _enter(qtbot, dock.fix_button)
    _enter(qtbot, dock.fix_all_button)
    qtbot.waitUntil(lambda: seen == ["fix", "fix-all"], timeout=2000)


def test_find_bar_close_button_answers_enter(qtbot) -> None:
    from linting.model import Paragraph
    from ui.editor import DocumentEditor

    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document([Paragraph("全县共排查隐患点四十处。")])
    bar = ed.find_bar()
    bar.setParent(None)
    qtbot.addWidget(bar)
    ed.show()
    ed.show_find()
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.isVisible()
    _enter(qtbot, bar.close_button)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
