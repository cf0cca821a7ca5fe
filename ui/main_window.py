"""The main window: editor in the centre, outline (left) and problems (bottom) docks, menus, status bar.

Widgets emit requests; :meth:`MainWindow._connect_signals` is the one place
that routes them (outline jump → ``editor.go_to``, problem activated →
select its span, quick-fix requests → ``editor.apply_edits`` …).  Every modal
question goes through :class:`Dialogs` (``MainWindow.dialogs``), so tests
replace it instead of clicking message boxes.  One window shows one document;
opening another file opens another window (like Word).
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QFileSystemWatcher,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linting.model import Applicability, Edit, Problem, Severity

from .icons import app_icon
from .lint_worker import LintOutcome, LintWorker
from .outline_dock import OutlineDock
from .problems_dock import ProblemsDock
from .session import ReadError, SaveError, Session
from .start_page import StartPage

log = logging.getLogger(__name__)

RECENT_KEY = "recentFiles"
MAX_RECENT = 10
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SHOW_IGNORED_KEY = "view/showIgnored"


# --------------------------------------------------------------------------------------------- dialogs


class Dialogs:
    """Every modal question the window asks, in one replaceable place (tests substitute it)."""

    def ask_save_changes(self, parent: QWidget, name: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QApplication.translate("MainWindow", "保存修改"))
        box.setText(QApplication.translate("MainWindow", "“{name}”有未保存的修改。是否保存？").format(name=name))
        save = box.addButton(
            with_access_key(QApplication.translate("MainWindow", "保存"), "S"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            with_access_key(QApplication.translate("MainWindow", "不保存"), "N"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(QApplication.translate("MainWindow", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def ask_reload(self, parent: QWidget, name: str, modified: bool) -> bool:
        text = QApplication.translate("MainWindow", "“{name}”已被其他程序修改。是否重新载入？").format(name=name)
        if modified:
            text += "\n" + QApplication.translate("MainWindow", "重新载入会丢失在这里所做的未保存修改。")
        answer = QMessageBox.question(parent, QApplication.translate("MainWindow", "文件已更改"), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_save_as_after_lock(self, parent: QWidget, text: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QApplication.translate("MainWindow", "无法保存"))
        box.setText(text)
        save_as = box.addButton(
            with_access_key(QApplication.translate("MainWindow", "另存为…"), "A"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QApplication.translate("MainWindow", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is save_as

    def open_paths(self, parent: QWidget, directory: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(
            parent,
            QApplication.translate("MainWindow", "打开"),
            directory,
            QApplication.translate("MainWindow", "公文 (*.docx *.txt);;Word 文档 (*.docx);;文本文件 (*.txt)"),
        )
        return paths

    def save_path(self, parent: QWidget, suggested: str) -> str | None:
        docx = QApplication.translate("MainWindow", "Word 文档 (*.docx)")
        txt = QApplication.translate("MainWindow", "文本文件 (*.txt)")
        # The file type shown matches the suggested name (a .txt was offered under "Word 文档 (*.docx)").
        selected = txt if Path(suggested).suffix.lower() == ".txt" else docx
        path, _ = QFileDialog.getSaveFileName(
            parent, QApplication.translate("MainWindow", "另存为"), suggested, f"{docx};;{txt}", selected
        )
        return path or None

    def export_path(self, parent: QWidget, suggested: str) -> str | None:
        """Where to write the annotated review copy (文件 → 导出批注版…)."""
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QApplication.translate("MainWindow", "导出批注版"),
            suggested,
            QApplication.translate("MainWindow", "Word 文档 (*.docx)"),
        )
        return path or None

    def preview_fix(self, parent: QWidget, title: str, rows: Sequence[tuple[str, str, str]]) -> bool:
        """Show each edit (location, before, after); True to apply."""
        dlg = QDialog(parent)
        dlg.setWindowTitle(title)
        lay = QVBoxLayout(dlg)
        lay.addWidget(
            QLabel(
                QApplication.translate(
                    "MainWindow", "此修改不一定正确（例如编号跳过可能是漏写了一部分），请确认以下改动："
                )
            )
        )
        table = QTableWidget(len(rows), 3, dlg)
        table.setHorizontalHeaderLabels(
            [
                QApplication.translate("MainWindow", "位置"),
                QApplication.translate("MainWindow", "原文"),
                QApplication.translate("MainWindow", "改为"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a preview, not a form
        table.verticalHeader().setVisible(False)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QApplication.translate("MainWindow", "应用修改"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QApplication.translate("MainWindow", "取消"))
        buttons.accepted.connect(dlg.accept)
        buttons.rejected.connect(dlg.reject)
        lay.addWidget(buttons)
        dlg.resize(760, 380)
        return dlg.exec() == QDialog.DialogCode.Accepted


# --------------------------------------------------------------------------------------------- windows

_WINDOWS: list[MainWindow] = []


def windows() -> list[MainWindow]:
    """The open main windows."""
    return list(_WINDOWS)


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if v]


def add_recent_file(path: str | os.PathLike[str]) -> None:
    p = os.path.abspath(os.fspath(path))
    items = [x for x in recent_files() if os.path.normcase(x) != os.path.normcase(p)]
    QSettings().setValue(RECENT_KEY, [p, *items][:MAX_RECENT])


def with_access_key(text: str, key: str) -> str:
    """``text`` as a menu entry with the access key ``key`` (Alt+menu, then the key).

    Chinese text gets it in brackets as Word and WPS do (保存 → 保存(&S), 打开… → 打开(&O)…); English text
    gets its own letter marked (Save → &Save, Zoom out → Zoom &out), in brackets only when it has no such letter.
    """
    if "&" in text:
        return text
    core, dots = (text[:-1], text[-1]) if text.endswith("…") else (text, "")
    if not any("\u3400" <= c <= "\u9fff" for c in core):
        starts = [i for i, c in enumerate(core) if c.lower() == key.lower() and (i == 0 or not core[i - 1].isalpha())]
        anywhere = [i for i, c in enumerate(core) if c.lower() == key.lower()]
        if starts or anywhere:
            i = (starts or anywhere)[0]
            return core[:i] + "&" + core[i:] + dots
    return f"{core}(&{key.upper()}){dots}"


def remove_recent_file(path: str | os.PathLike[str]) -> None:
    """Drop ``path`` from the recent files (it was deleted or moved)."""
    p = os.path.normcase(os.path.abspath(os.fspath(path)))
    QSettings().setValue(RECENT_KEY, [x for x in recent_files() if os.path.normcase(os.path.abspath(x)) != p])


def _documents_folder() -> Path:
    """Where file dialogs start with nothing better to go on: the user's 文档 folder (else home)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and os.path.isdir(found) else Path.home()


def _same_file(a: Path | None, b: Path) -> bool:
    if a is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _file_stamp(path: Path) -> tuple[float, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime, st.st_size)


def _snippet(text: str, start: int, end: int, replacement: str | None = None, width: int = 12) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width)
    middle = text[start:end] if replacement is None else replacement
    return ("…" if a > 0 else "") + text[a:start] + "【" + middle + "】" + text[end:b] + ("…" if b < len(text) else "")


class _DropFilter(QObject):
    """Files dragged onto the editor open as documents (text drags stay the editor's)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _local_files(event.mimeData()):  # type: ignore[attr-defined]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif event.type() == QEvent.Type.Drop:
            files = _local_files(event.mimeData())  # type: ignore[attr-defined]
            if files:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                QTimer.singleShot(0, self._window, lambda: self._window.open_files(files))
                return True
        return False


def _local_files(mime: Any) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class MainWindow(QMainWindow):
    """One document's window."""

    #: Replaced by tests (class attribute or per instance).
    dialogs: Dialogs = Dialogs()

    #: Restore/store geometry and dock state in QSettings (off for --screenshot / --self-test runs).
    persist_state: bool = True

    #: A lint result for the current text was shown (tests and --self-test wait on it).
    lintApplied = Signal()

    def __init__(self, session: Session | None = None, *, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        from .editor import DocumentEditor  # VIEW's widget

        if dialogs is not None:
            self.dialogs = dialogs
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.session: Session | None = None
        self.worker: LintWorker | None = None
        self._outcome: LintOutcome | None = None
        self._visible: list[Problem] = []
        self._own_stamp: tuple[float, int] | None = None
        self._reload_pending = False
        self._recovered = False  # identity of paragraphs lost (recovered copy): save aligns by text
        self._jieba_started = False
        self._nav_last: Problem | None = None
        self._apply_token = 0
        self._apply_pending = False
        self._gc_frozen = False

        self.editor = DocumentEditor(self)
        self.editor_box = QWidget(self)
        box = QVBoxLayout(self.editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.editor, 1)
        box.addWidget(self.editor.find_bar())
        self.start_page = StartPage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.editor_box)
        self.setCentralWidget(self.stack)

        self.outline_dock = OutlineDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.problems_dock = ProblemsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.watcher = QFileSystemWatcher(self)
        self._drop_filter = _DropFilter(self)
        self.editor.viewport().installEventFilter(self._drop_filter)
        self.editor.installEventFilter(self._drop_filter)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect_signals()
        self._restore_settings()
        _WINDOWS.append(self)
        self._apply_font_size()
        self.set_session(session)

    # ------------------------------------------------------------------ building

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        slot: Any = None,
        **kw: Any,
    ) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if kw.get("checkable"):
            a.setCheckable(True)
        if kw.get("tip"):
            a.setStatusTip(kw["tip"])
        if slot is not None:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("新建"), K.New, self.new_window)
        self.act_open = self._action(self.tr("打开…"), K.Open, self.open_dialog)
        self.act_sample = self._action(self.tr("打开示例报告"), None, self.open_sample)
        self.act_reload = self._action(self.tr("重新载入"), "Ctrl+R", self.reload_from_disk)
        self.act_save = self._action(self.tr("保存"), K.Save, self.save)
        self.act_save_as = self._action(self.tr("另存为…"), "Ctrl+Shift+S", self.save_as)
        self.act_export_annotated = self._action(self.tr("导出批注版…"), "Ctrl+Shift+E", self.export_annotated)
        self.act_close = self._action(self.tr("关闭"), "Ctrl+W", self.close)
        self.act_quit = self._action(self.tr("退出"), "Ctrl+Q", self._quit)

        # Editing keys are handled by the focused editor itself (QTextEdit's own bindings);
        # the menu entries show the shortcut and work from the menu.
        self.act_undo = self._edit_action(self.tr("撤销"), K.Undo, "undo")
        self.act_redo = self._edit_action(self.tr("重做"), "Ctrl+Y", "redo")
        self.act_cut = self._edit_action(self.tr("剪切"), K.Cut, "cut")
        self.act_copy = self._edit_action(self.tr("复制"), K.Copy, "copy")
        self.act_paste = self._edit_action(self.tr("粘贴"), K.Paste, "paste")
        self.act_select_all = self._edit_action(self.tr("全选"), K.SelectAll, "selectAll")
        self.act_find = self._edit_action(self.tr("查找…"), "Ctrl+F", "show_find")
        self.act_replace = self._edit_action(self.tr("替换…"), "Ctrl+H", "show_replace")

        self.act_zoom_in = self._edit_action(self.tr("放大"), "Ctrl+=", "zoom_in")
        self.act_zoom_out = self._edit_action(self.tr("缩小"), "Ctrl+-", "zoom_out")
        self.act_zoom_reset = self._edit_action(self.tr("原始大小"), "Ctrl+0", "reset_zoom")
        self.act_next_pane = self._action(self.tr("下一个窗格"), "F6", lambda: self.cycle_pane(+1))
        self.act_prev_pane = self._action(self.tr("上一个窗格"), "Shift+F6", lambda: self.cycle_pane(-1))
        self.act_show_ignored = self._action(
            self.tr("显示已忽略的问题"), "Ctrl+Shift+I", self._toggle_show_ignored, checkable=True
        )
        self.act_expand = self._action(self.tr("大纲全部展开"), "Ctrl+Shift+X", lambda: self.outline_dock.expand_all())
        self.act_collapse = self._action(
            self.tr("大纲全部折叠"), "Ctrl+Shift+C", lambda: self.outline_dock.collapse_all()
        )

        self.act_next = self._action(self.tr("下一个问题"), "F8", self.next_problem)
        self.act_prev = self._action(self.tr("上一个问题"), "Shift+F8", self.previous_problem)
        self.act_fix = self._action(self.tr("快速修复"), "Ctrl+.", self.fix_at_cursor)
        self.act_fix_all = self._action(self.tr("修复全部此类问题"), "Ctrl+Shift+.", self.fix_all_at_cursor)
        self.act_ignore_here = self._action(
            self.tr("忽略此处"), "Ctrl+Alt+I", lambda: self._cursor_action("ignore-here")
        )
        self.act_relint = self._action(self.tr("重新检查"), "F5", self.relint)
        self.act_settings = self._action(self.tr("设置…"), "Ctrl+,", self.open_settings)
        self.act_rules_help = self._action(self.tr("规则说明"), "F1", self.open_rules_help_here)
        self.act_about = self._action(self.tr("关于 ReportLint"), "Ctrl+F1", self.open_about)

    def _edit_action(self, text: str, shortcut: QKeySequence.StandardKey | str, method: str) -> QAction:
        # WidgetWithChildrenShortcut on the editor: the editor's own key handling wins (no ambiguity),
        # the menu shows the key, and a menu click calls the editor.
        a = QAction(text, self)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.triggered.connect(lambda: self._call_editor(method))
        self.editor_box.addAction(a)
        return a

    def _call_editor(self, method: str) -> None:
        fn = getattr(self.editor, method, None)
        if callable(fn):
            fn()

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(self.tr("文件(&F)"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addAction(self.act_sample)
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as, self.act_reload])
        m.addAction(self.act_export_annotated)
        m.addSeparator()
        m.addActions([self.act_close, self.act_quit])

        m = mb.addMenu(self.tr("编辑(&E)"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_select_all])
        m.addSeparator()
        m.addActions([self.act_find, self.act_replace])

        m = mb.addMenu(self.tr("视图(&V)"))
        self.view_menu = m
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        m.addSeparator()
        outline_toggle = self.outline_dock.toggleViewAction()
        outline_toggle.setShortcut(QKeySequence("Ctrl+Shift+O"))
        problems_toggle = self.problems_dock.toggleViewAction()
        problems_toggle.setShortcut(QKeySequence("Ctrl+Shift+M"))
        m.addActions([outline_toggle, problems_toggle])
        m.addActions([self.act_expand, self.act_collapse])
        m.addActions([self.act_next_pane, self.act_prev_pane])
        m.addSeparator()
        m.addAction(self.act_show_ignored)

        m = mb.addMenu(self.tr("工具(&T)"))
        m.addActions([self.act_next, self.act_prev])
        m.addSeparator()
        m.addActions([self.act_fix, self.act_fix_all, self.act_ignore_here])
        m.addSeparator()
        m.addAction(self.act_relint)
        m.addAction(self.act_settings)

        m = mb.addMenu(self.tr("帮助(&H)"))
        m.addActions([self.act_rules_help, self.act_about])
        self._menu_keys = {
            self.act_new: "N",
            self.act_open: "O",
            self.recent_menu.menuAction(): "R",
            self.act_sample: "M",
            self.act_save: "S",
            self.act_save_as: "A",
            self.act_reload: "L",
            self.act_export_annotated: "E",
            self.act_close: "C",
            self.act_quit: "X",
            self.act_undo: "U",
            self.act_redo: "R",
            self.act_cut: "T",
            self.act_copy: "C",
            self.act_paste: "P",
            self.act_select_all: "A",
            self.act_find: "F",
            self.act_replace: "E",
            self.act_zoom_in: "I",
            self.act_zoom_out: "O",
            self.act_zoom_reset: "S",
            outline_toggle: "L",
            problems_toggle: "P",
            self.act_expand: "E",
            self.act_collapse: "C",
            self.act_next_pane: "N",
            self.act_prev_pane: "V",
            self.act_show_ignored: "G",
            self.act_next: "N",
            self.act_prev: "P",
            self.act_fix: "Q",
            self.act_fix_all: "A",
            self.act_ignore_here: "I",
            self.act_relint: "C",
            self.act_settings: "S",
            self.act_rules_help: "R",
            self.act_about: "A",
        }

    def _build_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("工具栏"))
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        tb.addActions([self.act_open, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addActions([self.act_prev, self.act_next, self.act_fix])
        tb.addSeparator()
        tb.addWidget(QLabel(self.tr(" 文种：")))
        self.doctype_combo = QComboBox(tb)
        self.doctype_combo.setMinimumContentsLength(6)
        self.doctype_combo.setToolTip(self.tr("文档类型：“自动”按标题识别"))
        tb.addWidget(self.doctype_combo)
        self.doctype_label = QLabel(tb)
        self.doctype_label.setContentsMargins(6, 0, 6, 0)
        tb.addWidget(self.doctype_label)
        self.view_menu.addAction(tb.toggleViewAction())
        self._menu_keys[tb.toggleViewAction()] = "T"
        for action, key in self._menu_keys.items():
            plain = action.text()
            action.setText(with_access_key(plain, key))
            if action in tb.actions():
                shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setIconText(plain.removesuffix("…"))
                action.setToolTip(f"{plain.removesuffix('…')} ({shortcut})" if shortcut else plain)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.lint_state_label = QLabel(sb)
        self.counts_label = QLabel(sb)
        self.paragraph_label = QLabel(sb)
        self.chars_label = QLabel(sb)
        for w in (self.lint_state_label, self.counts_label, self.paragraph_label, self.chars_label):
            w.setContentsMargins(8, 0, 8, 0)
            sb.addPermanentWidget(w)

    def _connect_signals(self) -> None:
        """All routing between panels, editor, worker and window, in one place."""
        ed = self.editor
        ed.edited.connect(self._on_edited)
        ed.cursorParagraphChanged.connect(self._on_cursor_paragraph)
        ed.statusMessage.connect(self.show_status)
        ed.problemActionRequested.connect(self.handle_problem_action)
        ed.document().modificationChanged.connect(self._update_title)
        ed.undoAvailable.connect(self.act_undo.setEnabled)
        ed.redoAvailable.connect(self.act_redo.setEnabled)
        ed.copyAvailable.connect(self.act_cut.setEnabled)
        ed.copyAvailable.connect(self.act_copy.setEnabled)

        self.outline_dock.jumpRequested.connect(lambda p: self.editor.go_to(p))
        self.problems_dock.problemActivated.connect(self.go_to_problem)
        self.problems_dock.problemActionRequested.connect(self.handle_problem_action)

        self.doctype_combo.currentIndexChanged.connect(self._doctype_changed)
        self.watcher.fileChanged.connect(self._file_changed)

        sp = self.start_page
        sp.openRequested.connect(self.open_dialog)
        sp.openPathRequested.connect(lambda p: self.open_files([p]))
        sp.sampleRequested.connect(self.open_sample)
        sp.newRequested.connect(self.new_window)

    # ------------------------------------------------------------------ document

    def set_session(self, session: Session | None) -> None:
        """Show ``session`` in this window (None: the start page)."""
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None
        self._unwatch_file()
        self._unwatch_recovery()
        self.session = session
        self._outcome = None
        self._gc_frozen = False
        self._apply_token += 1
        self._apply_pending = False
        self._visible = []
        self._nav_last = None
        has_doc = session is not None
        for a in self._document_actions():
            a.setEnabled(has_doc)
        self.act_reload.setEnabled(has_doc and session is not None and not session.is_untitled)
        self.outline_dock.setVisible(has_doc)
        self.problems_dock.setVisible(has_doc)
        if session is None:
            self.start_page.set_recent(recent_files())
            self.stack.setCurrentWidget(self.start_page)
            self.doctype_combo.setEnabled(False)
            self.lint_state_label.clear()
            self.counts_label.clear()
            self.paragraph_label.clear()
            self.chars_label.clear()
            self._update_title()
            return
        self.stack.setCurrentWidget(self.editor_box)
        self.editor.set_document(session.paragraphs())
        self._fill_doctypes()
        self.problems_dock.show_checking()
        self.outline_dock.show_checking()
        self.worker = LintWorker(session.linter, self.editor.revision, self.editor.paragraphs, self)
        self.worker.resultReady.connect(self._apply_outcome)
        self.worker.failed.connect(lambda msg: self.show_status(self.tr("检查出错：{m}").format(m=msg)))
        self.worker.busyChanged.connect(self._busy_changed)
        self.worker.lint_now()
        self._watch_file()
        self._watch_recovery()
        if session.config_error:
            self.dialogs.error(self, self.tr("配置文件错误"), session.config_error + "\n" + self.tr("已使用默认设置。"))
        self._update_title()
        self._on_cursor_paragraph(self.editor.current_paragraph())
        self._sync_edit_actions()
        self.editor.setFocus()

    def _document_actions(self) -> list[QAction]:
        """Actions that need an open document (disabled on the start page)."""
        return [
            self.act_save,
            self.act_save_as,
            self.act_reload,
            self.act_export_annotated,
            self.act_undo,
            self.act_redo,
            self.act_cut,
            self.act_copy,
            self.act_paste,
            self.act_select_all,
            self.act_find,
            self.act_replace,
            self.act_zoom_in,
            self.act_zoom_out,
            self.act_zoom_reset,
            self.outline_dock.toggleViewAction(),
            self.problems_dock.toggleViewAction(),
            self.act_expand,
            self.act_collapse,
            self.act_show_ignored,
            self.act_next,
            self.act_prev,
            self.act_fix,
            self.act_fix_all,
            self.act_ignore_here,
            self.act_relint,
        ]

    def _sync_edit_actions(self) -> None:
        """Undo/redo/cut/copy as the new document's state says (Qt only signals changes of it)."""
        doc = self.editor.document()
        self.act_undo.setEnabled(doc.isUndoAvailable())
        self.act_redo.setEnabled(doc.isRedoAvailable())
        selected = self.editor.textCursor().hasSelection()
        self.act_cut.setEnabled(selected)
        self.act_copy.setEnabled(selected)

    def _fill_doctypes(self) -> None:
        assert self.session is not None
        self.doctype_combo.blockSignals(True)
        self.doctype_combo.clear()
        self.doctype_combo.addItem(self.tr("自动"), None)
        for name in self.session.doctype_names():
            self.doctype_combo.addItem(name, name)
        self.doctype_combo.setCurrentIndex(0)
        self.doctype_combo.setEnabled(True)
        self.doctype_combo.blockSignals(False)

    def _doctype_changed(self, _index: int) -> None:
        if self.worker is not None:
            self.worker.set_doctype(self.doctype_combo.currentData())

    def is_modified(self) -> bool:
        return self.session is not None and self.editor.document().isModified()

    def _update_title(self, *_: object) -> None:
        if self.session is None:
            self.setWindowTitle("ReportLint")
            self.setWindowFilePath("")
            return
        star = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{self.session.display_name()}{star} - ReportLint")

    # ------------------------------------------------------------------ lint results

    def _on_edited(self) -> None:
        if self.worker is not None:
            self.worker.schedule()
        self._nav_last = None

    def _busy_changed(self, busy: bool) -> None:
        self.lint_state_label.setText(self.tr("正在检查…") if busy else "")

    def _apply_outcome(self, outcome: LintOutcome) -> None:
        if outcome.result is None or self.session is None:
            return
        if not self._jieba_started and self.worker is not None:
            # jieba loads after the first results are on screen (a cold load takes ~0.5 s).
            self._jieba_started = True
            QTimer.singleShot(0, self.worker, self.worker.start_jieba)
        self._outcome = outcome
        if outcome.complete and not self._gc_frozen:
            # The document, its caches and the first result are long-lived: move them out of the
            # cyclic GC's reach, or every full collection walks millions of objects (100+ ms stalls
            # while typing in a long report).  Refcounting still frees them when dropped.
            self._gc_frozen = True
            gc.freeze()
        res = outcome.result
        if self.doctype_combo.currentData() is None:
            self.doctype_label.setText(
                self.tr("识别为：{t}").format(t=res.doctype) if res.doctype else self.tr("未识别文种")
            )
        else:
            self.doctype_label.setText("")
        self.chars_label.setText(self.tr("字数 {n}").format(n=self.editor.character_count()))
        self.editor.set_title(res.title_index)  # display only: no undo step, not modified
        self._refresh_problems(sliced=True)

    def _refresh_problems(self, *, sliced: bool = False) -> None:
        """Apply ignores to the last result and show it everywhere.

        ``sliced``: the panels are updated in later event-loop turns (underlines first), so no
        single step keeps the UI thread busy for long on a long document.
        """
        if self._outcome is None or self._outcome.result is None or self.session is None:
            return
        res = self._outcome.result
        paragraphs = self._outcome.paragraphs
        if self.act_show_ignored.isChecked():
            visible = list(res.problems)
        else:
            ign = self.session.ignores
            visible = [p for p in res.problems if not ign.is_ignored(p, paragraphs[p.paragraph].text)]
        self._visible = visible
        self._apply_token += 1
        token = self._apply_token
        self._apply_pending = True
        self.editor.set_problems(visible)
        self._update_counts()
        steps = [
            lambda: self.problems_dock.set_problems(visible, res.outline),
            lambda: self.outline_dock.set_outline(res.outline, visible),
            lambda: self.outline_dock.follow_paragraph(self.editor.current_paragraph()),
        ]
        if not sliced:
            for step in steps:
                step()
            self._apply_pending = False
            self.lintApplied.emit()
            return

        def run(i: int) -> None:
            if token != self._apply_token or self.session is None:
                return  # a newer result took over
            steps[i]()
            if i + 1 < len(steps):
                QTimer.singleShot(0, self, lambda: run(i + 1))  # tied to self: dropped if the window goes
            else:
                self._apply_pending = False
                self.lintApplied.emit()

        QTimer.singleShot(0, self, lambda: run(0))

    def _update_counts(self) -> None:
        counts = {s: 0 for s in Severity}
        for p in self._visible:
            counts[p.severity] += 1
        if not self._visible:
            self.counts_label.setText(self.tr("未发现问题"))
        else:
            self.counts_label.setText(
                self.tr("{e} 错误 · {w} 警告 · {i} 提示").format(
                    e=counts[Severity.ERROR], w=counts[Severity.WARNING], i=counts[Severity.INFO]
                )
            )

    def lint_result(self) -> Any:
        """The last applied LintResult (None before the first)."""
        return self._outcome.result if self._outcome else None

    def visible_problems(self) -> list[Problem]:
        """The problems shown (ignored ones left out unless 显示已忽略的问题)."""
        return list(self._visible)

    def is_current(self) -> bool:
        """True when the shown lint result is for the editor's current text."""
        return (
            self._outcome is not None and not self._apply_pending and self._outcome.revision == self.editor.revision()
        )

    def relint(self) -> None:
        if self.worker is not None:
            self.worker.invalidate()

    def _toggle_show_ignored(self, on: bool) -> None:
        QSettings().setValue(SHOW_IGNORED_KEY, bool(on))
        self._refresh_problems()

    def _on_cursor_paragraph(self, paragraph: int) -> None:
        if self.session is None:
            return
        self.paragraph_label.setText(self.tr("第 {n} 段").format(n=paragraph + 1))
        self.outline_dock.follow_paragraph(paragraph)

    def show_status(self, text: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # ------------------------------------------------------------------ navigation

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6 (as in Word): move the keyboard focus to the next / previous shown pane — document,
        problems list, outline — since Tab inside the document types a tab."""
        panes: list[tuple[QWidget, QWidget]] = [
            (self.editor, self.editor_box),
            (self.problems_dock.view, self.problems_dock),
            (self.outline_dock.view, self.outline_dock),
        ]
        panes = [(w, area) for w, area in panes if w.isVisible()]
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next((i for i, (_, a) in enumerate(panes) if focus is not None and a.isAncestorOf(focus)), None)
        target = panes[0 if step > 0 else -1][0] if here is None else panes[(here + step) % len(panes)][0]
        if isinstance(target, QAbstractItemView):
            model = target.model()
            if not target.currentIndex().isValid() and model is not None and model.rowCount() > 0:
                target.setCurrentIndex(model.index(0, 0))
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_to_problem(self, problem: Problem) -> None:
        """Select ``problem``'s span in the editor (scrolls it into view, focuses the editor)."""
        self._nav_last = problem
        self.editor.go_to(problem.paragraph, problem.start, problem.end)
        self.problems_dock.select_problem(problem)
        self.show_status(problem.message)

    def _cursor_position(self) -> tuple[int, int]:
        """(paragraph, code-point offset of the selection start) of the editor's cursor."""
        from .positions import utf16_to_cp

        cur = self.editor.textCursor()
        block = self.editor.document().findBlock(cur.selectionStart())
        para = self.editor.current_paragraph()
        u16 = cur.selectionStart() - block.position()
        return para, utf16_to_cp(block.text(), u16)

    def _navigation_list(self) -> list[Problem]:
        shown = self.problems_dock.visible_problems()
        return shown if shown else []

    def next_problem(self) -> None:
        self._step(+1)

    def previous_problem(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        problems = self._navigation_list()
        if not problems:
            self.show_status(self.tr("没有问题"))
            return
        keys = [(p.paragraph, p.start) for p in problems]
        target: int | None = None
        if self._nav_last is not None and self._nav_last in problems:
            i = problems.index(self._nav_last)
            target = (i + direction) % len(problems)
        else:
            pos = self._cursor_position()
            if direction > 0:
                target = next((i for i, k in enumerate(keys) if k >= pos), 0)
            else:
                target = next((i for i in range(len(keys) - 1, -1, -1) if keys[i] < pos), len(keys) - 1)
        self.go_to_problem(problems[target])

    # ------------------------------------------------------------------ fixes and ignores

    def problem_at_cursor(self) -> Problem | None:
        """The shown problem under the cursor (or the one selected in the problems panel if it has focus)."""
        if self.problems_dock.view.hasFocus():
            return self.problems_dock.selected_problem()
        para, off = self._cursor_position()
        best = None
        for p in self._visible:
            if p.paragraph == para and p.start <= off <= max(p.end, p.start):
                if best is None or (p.fix is not None and best.fix is None):
                    best = p
        return best

    def fix_at_cursor(self) -> None:
        """Ctrl+.: in the editor, a menu of the problem's actions at the cursor; elsewhere apply its fix."""
        p = self.problem_at_cursor()
        if p is None:
            self.show_status(self.tr("光标处没有问题"))
            return
        if self.editor.hasFocus():
            menu = QMenu(self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            title = menu.addAction(p.message)
            title.setEnabled(False)
            menu.addSeparator()
            for act in self.editor.problem_actions(p, menu):
                menu.addAction(act)
            menu.popup(self.editor.viewport().mapToGlobal(self.editor.cursorRect().bottomLeft()))
            return
        self.handle_problem_action(p, "fix")

    def fix_all_at_cursor(self) -> None:
        p = self.problem_at_cursor()
        if p is None:
            self.show_status(self.tr("光标处没有问题"))
            return
        self.handle_problem_action(p, "fix-all")

    def _cursor_action(self, action: str) -> None:
        p = self.problem_at_cursor()
        if p is None:
            self.show_status(self.tr("光标处没有问题"))
            return
        self.handle_problem_action(p, action)

    def handle_problem_action(self, problem: Problem, action: str) -> None:
        """Route a request from the editor or the problems panel: fix, fix-all, ignore-here, ignore-rule, help."""
        if action == "help":
            self.open_rules_help(problem.rule)
            return
        if self.session is None:
            return
        if action in ("fix", "fix-all") and not self.is_current():
            self.show_status(self.tr("正在重新检查，请稍后再试"))
            if self.worker is not None:
                self.worker.lint_now()
            return
        if action == "fix":
            self.apply_fix(problem)
        elif action == "fix-all":
            self.fix_all(problem.rule)
        elif action == "ignore-here":
            text = self._outcome.paragraphs[problem.paragraph].text if self._outcome else ""
            self.session.ignores.ignore_here(problem, text)
            self._save_ignores()
            self.show_status(self.tr("已忽略此处的问题"))
        elif action == "ignore-rule":
            self.session.ignores.ignore_rule(problem.rule)
            self._save_ignores()
            self.show_status(self.tr("本文档已忽略规则 {r}").format(r=problem.rule))

    def _save_ignores(self) -> None:
        assert self.session is not None
        try:
            self.session.ignores.save()
        except OSError as e:
            self.show_status(self.tr("无法保存忽略设置：{e}").format(e=e))
        self._refresh_problems()

    def apply_fix(self, problem: Problem) -> bool:
        """Apply ``problem``'s fix as one undo step; an unsafe fix is previewed first."""
        fix = problem.fix
        if fix is None:
            self.show_status(self.tr("此问题没有自动修改，请手动修改"))
            return False
        if fix.applicability == Applicability.UNSAFE:
            rows = self._preview_rows(fix.edits)
            if not self.dialogs.preview_fix(self, fix.description, rows):
                return False
        ok = self.editor.apply_edits(fix.edits, fix.description)
        if ok:
            self.show_status(self.tr("已修改：{d}").format(d=fix.description))
        else:
            self.show_status(self.tr("修改涉及只读内容（域结果、修订或自动编号），未应用"))
        return bool(ok)

    def _preview_rows(self, edits: Sequence[Edit]) -> list[tuple[str, str, str]]:
        paragraphs = self._outcome.paragraphs if self._outcome else ()
        rows = []
        for e in edits:
            text = paragraphs[e.paragraph].text if e.paragraph < len(paragraphs) else ""
            rows.append(
                (
                    self.tr("第 {n} 段").format(n=e.paragraph + 1),
                    _snippet(text, e.start, e.end),
                    _snippet(text, e.start, e.end, e.replacement),
                )
            )
        return rows

    def fix_all(self, rule: str) -> int:
        """Apply every safe fix of ``rule`` (non-overlapping) as one undo step; returns how many."""
        taken: dict[int, list[tuple[int, int]]] = {}
        edits: list[Edit] = []
        count = 0
        for p in self._visible:
            if p.rule != rule or p.fix is None or p.fix.applicability != Applicability.SAFE:
                continue
            fe = p.fix.edits
            if any(
                e.start < t and s < e.end or e.start == e.end == s for e in fe for s, t in taken.get(e.paragraph, ())
            ):
                continue
            for e in fe:
                taken.setdefault(e.paragraph, []).append((e.start, max(e.start, e.end)))
            edits.extend(fe)
            count += 1
        if not edits:
            self.show_status(self.tr("没有可自动修复的此类问题"))
            return 0
        edits.sort(key=lambda e: (e.paragraph, e.start))
        if not self.editor.apply_edits(edits, self.tr("修复全部 {r}").format(r=rule)):
            self.show_status(self.tr("修改涉及只读内容，未应用"))
            return 0
        self.show_status(self.tr("已修复 {n} 处 {r} 问题").format(n=count, r=rule))
        return count

    # ------------------------------------------------------------------ files

    def open_dialog(self) -> None:
        start = str(self.session.path.parent) if self.session and self.session.path else ""
        if not start:
            recent = recent_files()
            start = str(Path(recent[0]).parent) if recent else str(_documents_folder())
        paths = self.dialogs.open_paths(self, start)
        if paths:
            self.open_files(paths)

    def open_files(self, paths: Sequence[str | os.PathLike[str]]) -> list[MainWindow]:
        """Open each path: an open file's window is raised; else this window (if empty) or a new one."""
        opened = []
        for raw in paths:
            w = open_path(Path(raw), self)
            if w is not None:
                opened.append(w)
        if self.session is None:  # still the start page: its list may have lost a file that is gone
            self.start_page.set_recent(recent_files())
        return opened

    def _can_take_document(self) -> bool:
        return self.session is None or (self.session.is_untitled and not self.is_modified())

    def open_sample(self) -> None:
        from . import app

        sample = app.sample_path()
        try:
            session = Session.untitled_copy(sample, sample.stem)
        except ReadError as e:
            self.dialogs.error(self, self.tr("无法打开"), e.reason)
            return
        if self._can_take_document():
            self.set_session(session)
        else:
            new = MainWindow(session)
            new.show()

    def new_window(self) -> None:
        name = self.untitled_name()
        if self._can_take_document() and self.session is None:
            self.set_session(Session.new(name))
            return
        w = MainWindow(Session.new(name))
        w.show()

    def untitled_name(self) -> str:
        """The name for a new document: 未命名, then 未命名 2, 未命名 3… (the lowest not shown in an open window)."""
        base = self.tr("未命名")
        taken = {w.session.untitled_name for w in _WINDOWS if w.session is not None and w.session.is_untitled}
        if base not in taken:
            return base
        n = 2
        while f"{base} {n}" in taken:
            n += 1
        return f"{base} {n}"

    def reload_from_disk(self) -> None:
        """Re-read the file (asks 保存/不保存/取消 first when there are unsaved changes)."""
        if self.session is None or self.session.path is None:
            return
        if self.is_modified():
            answer = self.dialogs.ask_save_changes(self, self.session.display_name())
            if answer == "cancel":
                return
            if answer == "save" and not self.save():
                return
        self._reload()

    def _reload(self) -> None:
        assert self.session is not None and self.session.path is not None
        try:
            session = Session.open(self.session.path)
        except ReadError as e:
            self.dialogs.error(self, self.tr("无法重新载入"), e.reason)
            return
        doctype = self.doctype_combo.currentIndex()
        self.set_session(session)
        if doctype < self.doctype_combo.count():
            self.doctype_combo.setCurrentIndex(doctype)

    def save(self) -> bool:
        """Save (Ctrl+S); an untitled document asks where.  False if nothing was saved."""
        if self.session is None:
            return False
        if self.session.is_untitled:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.session is None:
            return False
        s = self.session
        if s.path is not None:
            suggested = str(s.path)
        else:
            base = Path(recent_files()[0]).parent if recent_files() else _documents_folder()
            # A new document becomes an official-format .docx unless the user picks .txt.
            suggested = str(base / (s.display_name() + ".docx"))
        path = self.dialogs.save_path(self, suggested)
        if not path:
            return False
        other = find_window(Path(path))
        if other is not None and other is not self:  # two windows on one file would overwrite each other
            self.dialogs.error(
                self,
                self.tr("无法保存"),
                self.tr("“{name}”已在另一个窗口中打开，请换一个文件名，或先关闭那个窗口").format(name=Path(path).name),
            )
            return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        assert self.session is not None
        paragraphs = self.editor.paragraphs()
        texts = [p.text for p in paragraphs]
        sources = None if self._recovered else self.editor.sources()
        self._unwatch_file()
        try:
            outcome = self.session.save(texts, sources, path)
        except SaveError as e:
            self._watch_file()
            return self._save_failed(e)
        except OSError as e:  # should not happen (the I/O layer wraps errors), but never lose the document
            self._watch_file()
            return self._save_failed(SaveError(path or self.session.path, str(e)))
        if outcome.reopened:
            doctype = self.doctype_combo.currentIndex()
            self.set_session(self.session)
            self.doctype_combo.setCurrentIndex(doctype)
        else:
            self.editor.document().setModified(False)
            if self.worker is not None and self.worker.linter() is not self.session.linter:
                self.worker.set_linter(self.session.linter)  # saved elsewhere: that folder's config
        self._recovered = False
        self._watch_file()
        self._unwatch_recovery()
        self._watch_recovery()
        add_recent_file(outcome.path)
        self.act_reload.setEnabled(True)
        self._update_title()
        self.show_status(self.tr("已保存到 {p}").format(p=outcome.path))
        return True

    def export_annotated(self) -> bool:
        """文件 → 导出批注版…: a copy with every finding as a Word comment and each safe fix as a
        tracked change (``linting.annotate``), from the text as it is now (unsaved edits included);
        the open document and its file are not changed."""
        if self.session is None:
            return False
        from linting.annotate import annotate_file, output_name
        from linting.engine import Linter
        from linting.io.docx_annotate import AnnotateError

        s = self.session
        base = s.path.parent if s.path is not None else _documents_folder()
        suggested = str(base / output_name(Path(s.display_name())))
        path = self.dialogs.export_path(self, suggested)
        if not path:
            return False
        if _same_file(s.path, Path(path)):  # as the command line: the review copy never replaces the draft
            self.dialogs.error(self, self.tr("导出批注版失败"), self.tr("批注版不能覆盖原文件，请另选输出文件名"))
            return False
        texts = [p.text for p in self.editor.paragraphs()]
        sources = None if self._recovered else self.editor.sources()
        try:
            # A Linter of its own: the window's is used by the background lint.
            n = annotate_file(
                s.doc,
                None,
                path,
                linter=Linter(s.config),
                doctype=self.doctype_combo.currentData(),
                texts=texts,
                sources=sources,
            )
        except (SaveError, AnnotateError, ValueError) as e:
            reason = e.reason if isinstance(e, SaveError) else str(e)
            self.dialogs.error(self, self.tr("导出批注版失败"), reason)
            return False
        self.show_status(self.tr("已导出批注版：{p}（{n} 条批注）").format(p=path, n=n))
        return True

    def _save_failed(self, e: SaveError) -> bool:
        msg = e.reason
        where = str(e.path) if e.path else ""
        text = self.tr("未能保存“{p}”：\n{m}").format(p=where, m=msg) if where else msg
        text += "\n\n" + self.tr("文档仍保留在窗口中，修改没有丢失。")
        # Locked by Word/WPS, read-only file or folder, no permission, disk full, folder gone (USB stick
        # removed)…: whatever the reason, the text is only in this window, so 另存为 is offered as a button.
        if self.dialogs.ask_save_as_after_lock(self, text + "\n" + self.tr("可以另存为一个新文件。")):
            return self.save_as()
        return False

    def maybe_save(self) -> bool:
        """Ask 保存/不保存/取消 when modified; True if the window may go on (close, replace)."""
        if not self.is_modified():
            return True
        assert self.session is not None
        answer = self.dialogs.ask_save_changes(self, self.session.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._store_settings()
        if self.worker is not None:
            self.worker.stop()
        self._unwatch_recovery()
        if self in _WINDOWS:
            _WINDOWS.remove(self)
        event.accept()

    def _quit(self) -> None:
        for w in list(_WINDOWS):
            if not w.close():
                return

    # -- watching the file

    def _watch_file(self) -> None:
        if self.session is None or self.session.path is None:
            return
        p = str(self.session.path)
        self._own_stamp = _file_stamp(self.session.path)
        if p not in self.watcher.files() and os.path.exists(p):
            self.watcher.addPath(p)

    def _unwatch_file(self) -> None:
        files = self.watcher.files()
        if files:
            self.watcher.removePaths(files)

    def _file_changed(self, path: str) -> None:
        if self.session is None or self.session.path is None:
            return
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)  # replaced atomically by the other program
        stamp = _file_stamp(self.session.path)
        if stamp == self._own_stamp or self._reload_pending:
            return
        self._reload_pending = True
        QTimer.singleShot(200, self, self._ask_reload)

    def _ask_reload(self) -> None:
        self._reload_pending = False
        if self.session is None or self.session.path is None:
            return
        stamp = _file_stamp(self.session.path)
        if stamp is None and self._own_stamp is not None:
            # Deleted or moved away by another program (not replaced: 200 ms later it is still missing).
            # The text now lives only in this window: closing must ask, saving writes the file again.
            self._own_stamp = None
            self.editor.document().setModified(True)
            self.show_status(
                self.tr("“{name}”已被删除或移走；文档仍在窗口中，保存会重新写出该文件").format(
                    name=self.session.display_name()
                ),
                0,
            )
            return
        if stamp is None or stamp == self._own_stamp:
            return
        self._own_stamp = stamp  # ask once per change
        if self.dialogs.ask_reload(self, self.session.display_name(), self.is_modified()):
            self._reload()
        else:
            self.editor.document().setModified(True)

    # -- recovery copies (SERVICES' RecoveryManager, when present)

    def _recovery_key(self) -> str:
        return f"window-{id(self)}"

    def _watch_recovery(self) -> None:
        from . import app

        mgr = app.recovery_manager()
        if mgr is None or self.session is None:
            return
        mgr.watch(self._recovery_key(), self._recovery_state)

    def _unwatch_recovery(self) -> None:
        from . import app

        mgr = app.recovery_manager()
        if mgr is not None:
            mgr.unwatch(self._recovery_key())

    def _recovery_state(self) -> Any:
        if self.session is None or not self.is_modified():
            return None
        from .recovery import RecoveryState

        s = self.session
        return RecoveryState(
            key=self._recovery_key(),
            original_path=str(s.path) if s.path else None,
            kind=s.kind,
            paragraphs=self.editor.paragraphs(),
            sources=self.editor.sources(),
            saved_at=time.time(),
        )

    def restore_recovered(self, state: Any) -> None:
        """Show a recovered copy: the original file (if any) as the base, the recovered text, modified."""
        session: Session | None = None
        if state.original_path and os.path.exists(state.original_path):
            try:
                session = Session.open(state.original_path)
            except ReadError:
                session = None
        if session is None:
            session = Session.new(self.tr("恢复的文档"))
        self.set_session(session)
        self.editor.set_document(list(state.paragraphs))
        self._recovered = True
        self.editor.document().setModified(True)
        if self.worker is not None:
            self.worker.lint_now()
        self._update_title()

    # ------------------------------------------------------------------ dialogs of SERVICES

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self)
        dlg.settingsChanged.connect(apply_settings_everywhere)
        dlg.exec()

    def _apply_font_size(self) -> None:
        from .settings_dialog import font_size

        self.editor.set_base_point_size(font_size())

    def apply_settings(self) -> None:
        """Settings changed: font size, then re-read the config and re-lint."""
        self._apply_font_size()
        if self.session is not None and self.worker is not None:
            self.worker.set_linter(self.session.reload_config())

    def open_rules_help_here(self) -> None:
        """F1: the help of the rule of the problem at the cursor (or selected in the panel), else the first rule."""
        p = self.problem_at_cursor() if self.session is not None else None
        self.open_rules_help(p.rule if p is not None else None)

    def open_rules_help(self, rule_id: str | None) -> None:
        from .rules_help import RulesHelpDialog

        dlg = RulesHelpDialog(self, rule_id)
        dlg.exec()

    def open_about(self) -> None:
        from .about import show_about

        show_about(self)

    # ------------------------------------------------------------------ window state

    def _restore_settings(self) -> None:
        s = QSettings()
        geo = s.value(GEOMETRY_KEY) if self.persist_state else None
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1600, 1000)
            self.resizeDocks([self.outline_dock], [320], Qt.Orientation.Horizontal)
            self.resizeDocks([self.problems_dock], [240], Qt.Orientation.Vertical)
        state = s.value(STATE_KEY) if self.persist_state else None
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.act_show_ignored.blockSignals(True)
        self.act_show_ignored.setChecked(bool(s.value(SHOW_IGNORED_KEY, False, bool)))
        self.act_show_ignored.blockSignals(False)

    def _store_settings(self) -> None:
        if not self.persist_state:
            return
        s = QSettings()
        s.setValue(GEOMETRY_KEY, self.saveGeometry())
        s.setValue(STATE_KEY, self.saveState())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = recent_files()
        if not items:
            a = self.recent_menu.addAction(self.tr("（暂无）"))
            a.setEnabled(False)
            return
        self.recent_menu.setToolTipsVisible(True)
        names = Counter(os.path.normcase(Path(p).name) for p in items)
        for n, p in enumerate(items, 1):
            label = Path(p).name
            if names[os.path.normcase(label)] > 1:  # 工作总结.docx in two folders: say which is which
                label = f"{label}  ({Path(p).parent})"
            a = self.recent_menu.addAction(f"&{n % 10} {label.replace('&', '&&')}")
            a.setToolTip(p)
            a.triggered.connect(lambda _=False, p=p: self.open_files([p]))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("清除列表"))
        clear.triggered.connect(lambda: QSettings().setValue(RECENT_KEY, []))

    # -- drag and drop onto the window frame (the editor's viewport is filtered above)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.open_files(files)
        else:
            super().dropEvent(event)


# --------------------------------------------------------------------------------------------- helpers


def find_window(path: Path) -> MainWindow | None:
    """The window showing ``path``, if any."""
    for w in _WINDOWS:
        if w.session is not None and _same_file(w.session.path, path):
            return w
    return None


def open_path(path: Path, parent: MainWindow | None = None) -> MainWindow | None:
    """Open ``path`` in its own window (an empty ``parent`` is reused); errors are shown in a dialog."""
    existing = find_window(path)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialogs = parent.dialogs if parent is not None else MainWindow.dialogs
    try:
        session = Session.open(path)
    except ReadError as e:
        if not os.path.lexists(path):  # gone (moved, deleted, USB stick removed): no longer offered as recent
            remove_recent_file(path)
        dialogs.error(
            parent,
            QApplication.translate("MainWindow", "无法打开"),
            QApplication.translate("MainWindow", "无法打开“{p}”：\n{r}").format(p=path, r=e.reason),
        )
        return None
    except OSError as e:
        dialogs.error(
            parent,
            QApplication.translate("MainWindow", "无法打开"),
            QApplication.translate("MainWindow", "无法打开“{p}”：\n{r}").format(p=path, r=e),
        )
        return None
    add_recent_file(path)
    if parent is not None and parent._can_take_document():
        parent.set_session(session)
        return parent
    w = MainWindow(session)
    w.show()
    return w


def apply_settings_everywhere() -> None:
    """After the settings dialog: every window re-reads its config."""
    for w in _WINDOWS:
        w.apply_settings()
