"""Application setup and the command line of the desktop editor (``python main.py``).

``run(argv)``:

* no file: the bundled sample report opens as an untitled copy;
* ``FILE...``: each file in its own window;
* ``--self-test FILE``: open FILE in the real window (offscreen is fine), wait
  until the lint — jieba included — is done, print one line of JSON
  ``{"outline": N, "problems": {"rule-id": count}}`` and exit 0 (2 when FILE
  can't be read, 1 on a timeout);
* ``--screenshot OUT.png [FILE]``: the same wait, then save the window as a PNG
  (the sample when FILE is omitted).

The command-line checker stays ``python -m linting``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .icons import app_icon, resource_dir

log = logging.getLogger(__name__)

SAMPLE_NAME = "示例-XX局2024年度工作总结.txt"

_recovery: Any = None


def sample_path() -> Path:
    """The bundled sample report."""
    return resource_dir() / "samples" / SAMPLE_NAME


def recovery_manager() -> Any:
    """The application's RecoveryManager (None in tests, self-test runs, or without ui.recovery)."""
    return _recovery


def _parser() -> argparse.ArgumentParser:
    from linting.cli import ChineseArgumentParser

    p = ChineseArgumentParser(
        prog="main.py", description="ReportLint 公文结构校对 — 编辑器。命令行检查请用 python -m linting。"
    )
    p.add_argument("files", nargs="*", help="要打开的 .docx / .txt 文件（不给则打开示例报告）")
    p.add_argument("--self-test", metavar="FILE", help="打开 FILE、等待检查完成，输出大纲数和各规则问题数（JSON）")
    p.add_argument("--screenshot", metavar="OUT.png", help="检查完成后把窗口保存为 PNG（FILE 省略时用示例）")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认按设置或系统）")
    p.add_argument("--size", default="1600x1000", help="--screenshot 的窗口大小，默认 1600x1000")
    return p


def create_app(argv: Sequence[str] = (), *, language: str | None = None) -> QApplication:
    """The QApplication (created once): names, High-DPI policy, icon, translators, exception hook."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("ReportLint")
    QCoreApplication.setApplicationName("ReportLint")
    # Fractional scale factors (125 %, 150 %) as they are: no rounding to whole pixels.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "reportlint", *argv])
    app.setApplicationDisplayName("ReportLint")
    app.setWindowIcon(app_icon())
    from .i18n import install_translators

    try:
        install_translators(app, language)
    except Exception:  # noqa: BLE001 - a missing .qm must not stop the editor
        log.exception("could not install translators")
    return app


def _install_crash_hook(app: QApplication) -> None:
    from .crash import install_excepthook

    install_excepthook(app)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``condition()`` (polled every 20 ms) or the timeout."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(poll)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    return condition()


def lint_finished(window: Any) -> bool:
    """The window shows a complete (jieba included) lint of its current text and nothing is pending."""
    w = window.worker
    if w is None or w.is_busy():
        return False
    out = w.last_outcome()
    return out is not None and out.complete and window.is_current()


def self_test_record(window: Any) -> dict[str, Any]:
    """``{"outline": N, "problems": {rule: count}}`` of the window's last lint (ignores not applied)."""
    result = window.lint_result()
    counts = Counter(p.rule for p in result.problems)
    return {"outline": len(result.outline), "problems": dict(sorted(counts.items()))}


def _open_for_batch(path: str | None) -> Any:
    from .main_window import MainWindow
    from .session import Session

    MainWindow.persist_state = False  # a batch render neither uses nor changes the saved layout
    if path is None:
        session = Session.untitled_copy(sample_path(), Path(SAMPLE_NAME).stem)
    else:
        session = Session.open(path, empty_as_new=False)  # what the command line reads, counts included
    return MainWindow(session)


def _run_self_test(args: argparse.Namespace, timeout_s: float = 120.0) -> int:
    from .session import ReadError

    try:
        window = _open_for_batch(args.self_test)
    except ReadError as e:
        print(f"{args.self_test}: {e.reason}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"{args.self_test}: {e}", file=sys.stderr)
        return 2
    window.show()
    ok = wait_until(lambda: lint_finished(window), timeout_s)
    if not ok:
        print("self-test: 检查未在规定时间内完成", file=sys.stderr)
        return 1
    print(json.dumps(self_test_record(window), ensure_ascii=False), flush=True)
    window.editor.document().setModified(False)
    window.close()
    return 0


def _run_screenshot(args: argparse.Namespace, timeout_s: float = 120.0) -> int:
    from .session import ReadError

    path = args.files[0] if args.files else None
    try:
        window = _open_for_batch(path)
    except ReadError as e:
        print(f"{path}: {e.reason}", file=sys.stderr)
        return 2
    try:
        w, h = (int(x) for x in str(args.size).lower().split("x"))
    except ValueError:
        w, h = 1600, 1000
    window.resize(w, h)
    window.show()
    ok = wait_until(lambda: lint_finished(window), timeout_s)
    # Let the layout settle (underlines of visible blocks, docks) before grabbing.
    wait_until(lambda: False, 0.3)
    if not ok:
        print("screenshot: 检查未在规定时间内完成，截图可能不完整", file=sys.stderr)
    pixmap = window.grab()
    if not pixmap.save(args.screenshot):
        print(f"无法写入 {args.screenshot}", file=sys.stderr)
        return 2
    window.editor.document().setModified(False)
    window.close()
    return 0


def open_windows(files: Sequence[str], app: QApplication | None = None) -> list[Any]:
    """The windows a start shows: recovered copies, then ``files`` (or the sample as an untitled copy).

    Creates the RecoveryManager when ``app`` is given (the interactive start); tests call this
    without it.
    """
    global _recovery
    from .main_window import MainWindow, open_path
    from .recovery import RecoveryManager, offer_recovery
    from .session import ReadError, Session

    if app is not None:
        _recovery = RecoveryManager(app)
    windows: list[Any] = []
    if app is not None and _recovery is not None:
        for state in offer_recovery(None, _recovery):
            w = MainWindow()
            w.restore_recovered(state)
            w.show()
            windows.append(w)
            _recovery.discard(state)
    if files:
        for f in files:
            opened = open_path(Path(f))
            if opened is not None and opened not in windows:
                windows.append(opened)
        if not windows:
            w = MainWindow()  # nothing could be opened: the start page
            w.show()
            windows.append(w)
    elif not windows:
        try:
            session = Session.untitled_copy(sample_path(), Path(SAMPLE_NAME).stem)
        except (ReadError, OSError):
            session = None
        w = MainWindow(session)
        w.show()
        windows.append(w)
    return windows


def run(argv: Sequence[str] | None = None) -> int:
    """Start the editor (or a batch mode); returns the exit status."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    # Batch renders (README screenshot, smoke test) are Chinese unless asked otherwise.
    language = args.lang or ("zh_CN" if (args.screenshot or args.self_test) else None)
    app = create_app(language=language)
    if args.self_test:
        return _run_self_test(args)
    if args.screenshot:
        return _run_screenshot(args)
    _install_crash_hook(app)
    open_windows(args.files, app)
    code = app.exec()
    if _recovery is not None and hasattr(_recovery, "shutdown"):
        _recovery.shutdown()
    return code
