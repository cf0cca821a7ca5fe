"""Recovery copies: every minute each modified document is written to ``appdata/recovery``.

The main window :meth:`RecoveryManager.watch`-es each open document with a
provider that returns a :class:`RecoveryState` (or ``None`` when the document
is unmodified).  Every ``interval_ms`` the manager asks each provider on the
GUI thread (a cheap snapshot: paragraphs are immutable) and writes the JSON in
a background thread, atomically (temporary file + ``os.replace``), so a crash
mid-write never leaves a broken copy.  A clean save or close calls
:meth:`RecoveryManager.unwatch`, which removes the copy.

At the next start :meth:`RecoveryManager.pending` lists the copies a crashed
session left (not this session's, not those of another ReportLint still
running), and :func:`offer_recovery` asks the user which to reopen.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linting import appdata
from linting.model import Paragraph

__all__ = ["RecoveryManager", "RecoveryState", "offer_recovery", "ask_user", "recovery_dir"]

log = logging.getLogger(__name__)

_VERSION = 1


def recovery_dir() -> Path:
    """``appdata/recovery`` (created)."""
    return appdata.subdir("recovery")


@dataclass
class RecoveryState:
    """What is needed to reopen a document as it was: its paragraphs and their source identity."""

    key: str
    original_path: str | None
    kind: str
    paragraphs: list[Paragraph]
    sources: list[int | None]
    saved_at: float = field(default_factory=time.time)
    #: Shown for an untitled document (e.g. "未命名 1"); files show their name.
    name: str | None = None
    #: The file this copy was read from (set by :meth:`RecoveryManager.pending`).
    file: Path | None = field(default=None, compare=False)

    def title(self) -> str:
        """The document's file name, or its ``name`` for an untitled one ("" if neither)."""
        return Path(self.original_path).name if self.original_path else (self.name or "")

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _VERSION,
            "key": self.key,
            "original_path": self.original_path,
            "kind": self.kind,
            "saved_at": self.saved_at,
            "name": self.name,
            "sources": list(self.sources),
            "paragraphs": [_paragraph_to_json(p) for p in self.paragraphs],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoveryState:
        if data.get("version") != _VERSION:
            raise ValueError(f"unknown recovery format {data.get('version')!r}")
        return cls(
            key=str(data["key"]),
            original_path=data.get("original_path"),
            kind=str(data.get("kind", "")),
            paragraphs=[_paragraph_from_json(p) for p in data["paragraphs"]],
            sources=[None if s is None else int(s) for s in data["sources"]],
            saved_at=float(data.get("saved_at", 0.0)),
            name=data.get("name"),
        )


def _paragraph_to_json(p: Paragraph) -> dict[str, Any]:
    d: dict[str, Any] = {"text": p.text}
    if p.style is not None:
        d["style"] = p.style
    if p.outline_level is not None:
        d["outline_level"] = p.outline_level
    if p.auto_number is not None:
        d["auto_number"] = p.auto_number
    if p.in_table:
        d["in_table"] = True
    if p.read_only:
        d["read_only"] = True
    if p.locked:
        d["locked"] = [list(span) for span in p.locked]
    if p.objects:
        d["objects"] = list(p.objects)
    if p.alignment is not None:
        d["alignment"] = p.alignment
    if p.table_cell is not None:
        d["table_cell"] = list(p.table_cell)
    if p.column_widths is not None:
        d["column_widths"] = list(p.column_widths)
    return d


def _paragraph_from_json(d: dict[str, Any]) -> Paragraph:
    return Paragraph(
        text=str(d["text"]),
        style=d.get("style"),
        outline_level=d.get("outline_level"),
        auto_number=d.get("auto_number"),
        in_table=bool(d.get("in_table", False)),
        read_only=bool(d.get("read_only", False)),
        locked=tuple((int(a), int(b)) for a, b in d.get("locked", ())),
        objects=tuple(str(k) for k in d.get("objects", ())),
        alignment=_alignment_from_json(d.get("alignment")),
        table_cell=_cell_from_json(d.get("table_cell")),
        column_widths=_widths_from_json(d.get("column_widths")),
    )


def _widths_from_json(value: Any) -> tuple[float, ...] | None:
    """Column widths from a recovery file (display only): positive numbers, else None."""
    if not isinstance(value, list) or not value:
        return None
    try:
        widths = tuple(float(x) for x in value)
    except (TypeError, ValueError):
        return None
    return widths if all(0 < x <= 1 for x in widths) else None


def _alignment_from_json(value: Any) -> str | None:
    return value if value in ("left", "center", "right", "justify") else None


def _cell_from_json(value: Any) -> tuple[int, int, int, int, int] | None:
    """A display-only table cell; anything malformed is dropped (the table then shows as a column)."""
    if not isinstance(value, list) or len(value) != 5:
        return None
    try:
        t, r, c, rs, cs = (int(v) for v in value)
    except (TypeError, ValueError):
        return None
    return (t, r, c, rs, cs)


def _pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (never signals it: on Windows ``os.kill`` would terminate it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class RecoveryManager(QObject):
    """Writes a recovery copy of each watched, modified document every ``interval_ms``."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 60_000) -> None:
        super().__init__(parent)
        self.session = uuid.uuid4().hex
        self._providers: dict[str, Callable[[], RecoveryState | None]] = {}
        self._generation: dict[str, int] = {}
        self._lock = threading.Lock()
        # Snapshots waiting to be written (newest per key) and the one writer thread draining them.
        self._queue: dict[str, tuple[int, RecoveryState]] = {}
        self._writer: threading.Thread | None = None
        self._writing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.write_now)
        self._timer.start()

    # -- watching ---------------------------------------------------------------

    def watch(self, key: str, provider: Callable[[], RecoveryState | None]) -> None:
        """Every interval, call ``provider`` and write what it returns (``None``: unmodified, no copy)."""
        with self._lock:
            self._providers[key] = provider
            self._generation[key] = self._generation.get(key, 0) + 1

    def unwatch(self, key: str) -> None:
        """Stop watching ``key`` and remove its copy (clean save or close)."""
        with self._lock:
            self._providers.pop(key, None)
            self._generation[key] = self._generation.get(key, 0) + 1
            self._remove(self.file_for(key))

    def watched(self) -> list[str]:
        """The keys being watched."""
        return list(self._providers)

    def file_for(self, key: str) -> Path:
        """The recovery file of ``key`` in this session."""
        digest = hashlib.sha256(f"{self.session}\0{key}".encode()).hexdigest()[:24]
        return recovery_dir() / f"{digest}.json"

    def write_now(self, wait: bool = False) -> None:
        """Ask every provider now and write the copies (in the background; ``wait`` blocks until done)."""
        for key, provider in list(self._providers.items()):
            try:
                state = provider()
            except Exception:
                log.warning("recovery provider for %s failed", key, exc_info=True)
                continue
            generation = self._generation.get(key, 0)
            if state is None:
                with self._lock:
                    if self._generation.get(key) == generation:
                        self._remove(self.file_for(key))
                continue
            with self._lock:
                self._queue[key] = (generation, state)
                if not self._writing:
                    self._writing = True
                    self._writer = threading.Thread(target=self._drain, name="recovery-writer", daemon=True)
                    self._writer.start()
        if wait:
            self.wait()

    def wait(self) -> None:
        """Block until pending writes are done."""
        writer = self._writer
        if writer is not None:
            writer.join()

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._writing = False
                    return
                key = next(iter(self._queue))
                generation, state = self._queue.pop(key)
            try:
                self._write(key, generation, state)
            except Exception:
                log.warning("could not write the recovery copy of %s", key, exc_info=True)

    def shutdown(self) -> None:
        """Stop the timer and finish pending writes (copies stay: that is the point of a crash copy)."""
        self._timer.stop()
        self.wait()

    def _write(self, key: str, generation: int, state: RecoveryState) -> None:
        data = state.to_json()
        data["session"] = self.session
        data["pid"] = os.getpid()
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        from linting.io.atomic import atomic_write

        with self._lock:  # unwatch() between snapshot and write must win
            if self._generation.get(key) != generation or key not in self._providers:
                return
            atomic_write(self.file_for(key), payload, backup=False)

    @staticmethod
    def _remove(path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    # -- after a crash ----------------------------------------------------------

    def pending(self) -> list[RecoveryState]:
        """Copies left by sessions that ended without cleaning up (oldest first)."""
        found: list[RecoveryState] = []
        for f in sorted(recovery_dir().glob("*.json")):
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
                if data.get("session") == self.session:
                    continue
                pid = int(data.get("pid", 0))
                if pid != os.getpid() and _pid_alive(pid):
                    continue  # another ReportLint is running: its copies are live
                state = RecoveryState.from_json(data)
            except (OSError, ValueError, KeyError, TypeError) as e:
                log.warning("unreadable recovery copy %s: %s", f, e)
                continue
            state.file = f
            found.append(state)
        found.sort(key=lambda s: s.saved_at)
        return found

    def discard(self, state: RecoveryState) -> None:
        """Delete a copy listed by :meth:`pending`."""
        if state.file is not None:
            self._remove(state.file)


class RecoveryDialog(QDialog):
    """Lists the recovery copies with check boxes; 恢复所选 / 全部丢弃 / 以后再说."""

    def __init__(self, parent: QWidget | None, states: list[RecoveryState]) -> None:
        super().__init__(parent)
        self.setObjectName("RecoveryDialog")
        self.setWindowTitle(self.tr("恢复未保存的文档"))
        self.states = states
        self.choice: list[RecoveryState] | None = None
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr("ReportLint 上次没有正常退出。以下文档有未保存的修改，勾选要恢复的文档："),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget(self)
        for s in states:
            when = datetime.fromtimestamp(s.saved_at).strftime("%Y-%m-%d %H:%M")
            title = s.title() or self.tr("未命名文档")
            text = self.tr("%1 — 保存于 %2，共 %3 段").replace("%1", title).replace("%2", when)
            item = QListWidgetItem(text.replace("%3", str(len(s.paragraphs))))
            item.setToolTip(s.original_path or self.tr("未命名文档"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        note = QLabel(self.tr("未勾选的恢复副本将被删除。"), self)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("恢复所选"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("全部丢弃"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton(self.tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard_all)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 280)

    def _restore(self) -> None:
        self.choice = [s for i, s in enumerate(self.states) if self.list.item(i).checkState() == Qt.CheckState.Checked]
        self.accept()

    def _discard_all(self) -> None:
        self.choice = []
        self.accept()


def ask_user(parent: QWidget | None, states: list[RecoveryState]) -> list[RecoveryState] | None:
    """Ask which copies to reopen: the chosen ones, ``[]`` to discard all, ``None`` to decide later."""
    dialog = RecoveryDialog(parent, states)
    dialog.exec()
    return dialog.choice


def offer_recovery(
    parent: QWidget | None,
    manager: RecoveryManager,
    ask: Callable[[QWidget | None, list[RecoveryState]], list[RecoveryState] | None] | None = None,
) -> list[RecoveryState]:
    """Offer the copies a crash left; return the ones to reopen.

    Copies the user did not choose are deleted; the chosen ones stay on disk
    until the caller, having reopened them (and watching the new windows),
    calls :meth:`RecoveryManager.discard` — a crash in between loses nothing.
    "Later" keeps every copy and returns ``[]``.  ``ask`` replaces the dialog
    (tests); by default :func:`ask_user` is used.
    """
    states = manager.pending()
    if not states:
        return []
    chooser = ask or ask_user
    chosen = chooser(parent, states)
    if chosen is None:
        return []
    keep = {id(s) for s in chosen}
    for s in states:
        if id(s) not in keep:
            manager.discard(s)
    return list(chosen)
