"""Crash handling: an exception in a slot shows the dialog (monkeypatched), is logged, the app lives on."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QPushButton

import ui.crash as crash


@pytest.fixture()
def hooked(qapp, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda parent, summary, details: shown.append((summary, details)))
    crash.install_excepthook(qapp)
    yield shown
    crash.uninstall_excepthook()


class Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_exception_in_slot_shows_dialog_logs_and_app_lives(qtbot, hooked) -> None:
    button = QPushButton("按钮")
    qtbot.addWidget(button)

    def bad_slot() -> None:
        raise ValueError("故意的错误 42")

    button.clicked.connect(bad_slot)
    button.click()
    assert len(hooked) == 1
    summary, details = hooked[0]
    assert "ValueError" in summary and "故意的错误 42" in summary
    assert "bad_slot" in details and "Traceback" in details
    log = crash.log_path().read_text(encoding="utf-8")
    assert "故意的错误 42" in log and "bad_slot" in log
    # Still alive: events are processed, another slot works.
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=2000)
    assert QApplication.instance() is not None


@pytest.mark.qt_no_exception_capture
def test_thread_exception_reaches_gui_thread(qtbot, hooked) -> None:
    def worker() -> None:
        raise RuntimeError("后台线程出错")

    t = threading.Thread(target=worker, name="lint-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(hooked) == 1, timeout=3000)
    assert "后台线程出错" in hooked[0][0]
    assert "lint-worker" in crash.log_path().read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_failing_dialog_never_loops(qtbot, qapp, monkeypatch) -> None:
    calls: list[int] = []

    def broken_dialog(parent, summary, details) -> None:
        calls.append(1)
        raise RuntimeError("对话框本身坏了")

    monkeypatch.setattr(crash, "show_crash_dialog", broken_dialog)
    crash.install_excepthook(qapp)
    try:
        emitter = Emitter()
        emitter.fired.connect(lambda: 1 / 0)
        emitter.fired.emit()
        emitter.fired.emit()
        assert calls == [1]  # the dialog failed once; afterwards errors are only logged
        log = crash.log_path().read_text(encoding="utf-8")
        assert log.count("ZeroDivisionError") >= 2
        assert "对话框本身坏了" in log
    finally:
        crash.uninstall_excepthook()


@pytest.mark.qt_no_exception_capture
def test_no_second_dialog_while_one_is_open(qtbot, qapp, monkeypatch) -> None:
    calls: list[str] = []

    def reentrant_dialog(parent, summary, details) -> None:
        calls.append(summary)
        if len(calls) == 1:
            crash.report_exception(KeyError, KeyError("内层"), None)

    monkeypatch.setattr(crash, "show_crash_dialog", reentrant_dialog)
    crash.install_excepthook(qapp)
    try:
        emitter = Emitter()
        emitter.fired.connect(lambda: [][1])
        emitter.fired.emit()
        assert len(calls) == 1
        assert "内层" in crash.log_path().read_text(encoding="utf-8")
    finally:
        crash.uninstall_excepthook()


def test_dialog_has_copyable_details_and_log_path(qtbot) -> None:
    box = crash.crash_box(None, "ValueError: 坏了", "Traceback (most recent call last):\n  File x\nValueError: 坏了")
    qtbot.addWidget(box)
    assert "Traceback" in box.detailedText()
    assert "坏了" in box.informativeText()
    assert str(crash.log_path()) in box.informativeText()
