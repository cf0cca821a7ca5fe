"""Unexpected exceptions: logged to a rotating file, shown in a dialog with copyable details; the app goes on.

:func:`install_excepthook` replaces ``sys.excepthook`` (PySide6 reports an
exception raised in a slot or a virtual method there) and
``threading.excepthook`` (background threads).  Each exception is written to
``appdata/logs/reportlint.log`` (``RotatingFileHandler``: 1 MB × 3) and shown
in a :class:`QMessageBox` whose *detailed text* holds the traceback, always on
the GUI thread.  While one dialog is open further exceptions are only logged
(an exception raised on every paint must not stack dialogs); if showing the
dialog itself fails, dialogs are switched off and exceptions are only logged —
the hook never loops.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from linting import appdata

__all__ = [
    "crash_box",
    "install_excepthook",
    "uninstall_excepthook",
    "log_path",
    "show_crash_dialog",
    "report_exception",
]

log = logging.getLogger("reportlint.crash")

_LOG_MAX_BYTES = 1_000_000
_LOG_BACKUPS = 3


def log_path() -> Path:
    """The rotating log file (``appdata/logs/reportlint.log``; the folder is created)."""
    return appdata.subdir("logs") / "reportlint.log"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Crash", text)


def crash_box(parent: QWidget | None, summary: str, details: str) -> QMessageBox:
    """The error dialog, not yet shown: ``details`` (the traceback) are its copyable detailed text."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("出现意外错误"))
    box.setText(_tr("ReportLint 遇到了一个意外错误，但仍在运行。"))
    box.setInformativeText(
        _tr("打开的文档没有丢失，建议尽快保存。\n错误：%1\n详细信息已记录到 %2。")
        .replace("%1", summary)
        .replace("%2", str(log_path()))
    )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(_tr("确定"))
    return box


def show_crash_dialog(parent: QWidget | None, summary: str, details: str) -> None:
    """Show the error dialog (modal).  Tests monkeypatch this."""
    crash_box(parent, summary, details).exec()


class _Reporter(QObject):
    """Lives in the GUI thread; exceptions from other threads reach it through a queued signal."""

    report = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.showing = False
        self.dialogs_off = False
        self.shown = 0
        self.report.connect(self._show)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.showing or self.dialogs_off:
            return
        self.showing = True
        try:
            parent = QApplication.activeWindow() if isinstance(QCoreApplication.instance(), QApplication) else None
            show_crash_dialog(parent, summary, details)
            self.shown += 1
        except BaseException:  # the dialog itself failed: never again, never loop
            self.dialogs_off = True
            try:
                log.error("the error dialog failed; further errors are only logged", exc_info=True)
            except Exception:
                pass
        finally:
            self.showing = False


_state: dict[str, Any] = {}


def _ensure_log_handler() -> logging.Handler | None:
    handler = _state.get("handler")
    if handler is not None:
        return handler
    try:
        handler = logging.handlers.RotatingFileHandler(
            log_path(), maxBytes=_LOG_MAX_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    handler.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    _state["handler"] = handler
    return handler


def report_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str = ""
) -> None:
    """Log one exception and ask the GUI thread to show it (safe to call from any thread)."""
    if issubclass(exc_type, KeyboardInterrupt):
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        log.error("unexpected exception%s\n%s", f" in {where}" if where else "", details.rstrip())
        handler = _state.get("handler")
        if handler is not None:
            handler.flush()
    except Exception:
        pass
    reporter: _Reporter | None = _state.get("reporter")
    if reporter is None:
        return
    summary = f"{exc_type.__name__}: {exc}"
    if len(summary) > 300:
        summary = summary[:299] + "…"
    if QThread.currentThread() is reporter.thread():
        reporter._show(summary, details)
    else:
        reporter.report.emit(summary, details)


def _sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        previous = _state.get("sys_previous") or sys.__excepthook__
        previous(exc_type, exc, tb)
        return
    report_exception(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    report_exception(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, f"thread {name}")


def install_excepthook(app: QApplication) -> None:
    """Route unexpected exceptions to the log and the error dialog; the window keeps running.  Idempotent."""
    _ensure_log_handler()
    reporter = _state.get("reporter")
    if reporter is None:
        reporter = _Reporter(app)
        _state["reporter"] = reporter
        _state["sys_previous"] = sys.excepthook
        _state["thread_previous"] = threading.excepthook
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook


def uninstall_excepthook() -> None:
    """Restore the hooks that were there before :func:`install_excepthook` (tests)."""
    if "reporter" in _state:
        sys.excepthook = _state.pop("sys_previous", sys.__excepthook__)
        threading.excepthook = _state.pop("thread_previous", threading.__excepthook__)
        reporter = _state.pop("reporter")
        try:
            reporter.deleteLater()
        except RuntimeError:
            pass
    handler = _state.pop("handler", None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
