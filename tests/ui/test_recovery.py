"""RecoveryManager: copies written while modified, removed on clean close, found after a simulated crash."""

from __future__ import annotations

import json

from linting.model import Paragraph
from ui.recovery import RecoveryManager, RecoveryState, offer_recovery, recovery_dir

PARAS = [
    Paragraph("关于2026年工作的总结", outline_level=0),
    Paragraph("一、总体情况", auto_number=None, style="Heading 1"),
    Paragraph("今年完成了\n各项任务\ufffc。", objects=("image",), locked=((0, 2),)),
    Paragraph("表格单元", in_table=True, read_only=True),
]


def state(key: str = "doc-1", paragraphs: list[Paragraph] | None = None) -> RecoveryState:
    paras = paragraphs if paragraphs is not None else PARAS
    return RecoveryState(key, "/某处/总结.docx", "docx", list(paras), [0, 1, 2, None][: len(paras)])


def test_simulated_crash_copy_found_by_next_manager_then_discarded(qtbot) -> None:
    crashed = RecoveryManager(interval_ms=60_000)
    crashed.watch("doc-1", lambda: state())
    crashed.write_now(wait=True)
    files = list(recovery_dir().glob("*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text(encoding="utf-8"))["key"] == "doc-1"
    assert crashed.pending() == []  # its own live copies are not "left by a crash"
    # The process "crashes": no unwatch, the manager just goes away.

    fresh = RecoveryManager()
    found = fresh.pending()
    assert len(found) == 1
    got = found[0]
    assert got.key == "doc-1"
    assert got.paragraphs == PARAS
    assert got.sources == [0, 1, 2, None]
    assert got.original_path == "/某处/总结.docx" and got.kind == "docx"
    fresh.discard(got)
    assert fresh.pending() == []
    assert not list(recovery_dir().glob("*.json"))


def test_timer_writes_every_interval(qtbot) -> None:
    mgr = RecoveryManager(interval_ms=20)
    calls: list[int] = []

    def provider() -> RecoveryState:
        calls.append(1)
        return state()

    mgr.watch("doc-1", provider)
    qtbot.waitUntil(lambda: len(calls) >= 2, timeout=3000)
    mgr.wait()
    assert mgr.file_for("doc-1").is_file()
    mgr.shutdown()


def test_unmodified_and_clean_close_leave_no_copy(qtbot) -> None:
    mgr = RecoveryManager()
    modified = {"yes": True}
    mgr.watch("doc-1", lambda: state() if modified["yes"] else None)
    mgr.write_now(wait=True)
    assert mgr.file_for("doc-1").is_file()
    modified["yes"] = False
    mgr.write_now(wait=True)
    assert not mgr.file_for("doc-1").exists()
    modified["yes"] = True
    mgr.write_now(wait=True)
    mgr.unwatch("doc-1")
    assert not mgr.file_for("doc-1").exists()
    mgr.write_now(wait=True)
    assert not list(recovery_dir().glob("*.json"))
    assert RecoveryManager().pending() == []


def test_latest_content_is_written(qtbot) -> None:
    mgr = RecoveryManager()
    texts = ["第一版"]
    mgr.watch("k", lambda: state("k", [Paragraph(texts[-1])]))
    mgr.write_now(wait=True)
    texts.append("第二版，改过了")
    mgr.write_now(wait=True)
    found = RecoveryManager().pending()
    assert [s.paragraphs[0].text for s in found] == ["第二版，改过了"]


def test_offer_recovery_returns_chosen_and_deletes_declined(qtbot) -> None:
    old = RecoveryManager()
    old.watch("a", lambda: state("a"))
    old.watch("b", lambda: state("b", [Paragraph("另一份")]))
    old.write_now(wait=True)
    new = RecoveryManager()
    asked: list[list[str]] = []

    def ask(parent, states):
        asked.append(sorted(s.key for s in states))
        return [s for s in states if s.key == "a"]

    chosen = offer_recovery(None, new, ask=ask)
    assert asked == [["a", "b"]]
    assert [s.key for s in chosen] == ["a"]
    remaining = new.pending()
    assert [s.key for s in remaining] == ["a"]  # kept until the caller has reopened it
    new.discard(remaining[0])
    assert new.pending() == []


def test_offer_recovery_later_keeps_everything(qtbot, monkeypatch) -> None:
    old = RecoveryManager()
    old.watch("a", lambda: state("a"))
    old.write_now(wait=True)
    new = RecoveryManager()
    monkeypatch.setattr("ui.recovery.ask_user", lambda parent, states: None)
    assert offer_recovery(None, new) == []
    assert len(new.pending()) == 1


def test_recovery_dialog_lists_copies(qtbot) -> None:
    from ui.recovery import RecoveryDialog

    dlg = RecoveryDialog(None, [state("a"), state("b")])
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 2
    assert "总结.docx" in dlg.list.item(0).text()
    from PySide6.QtCore import Qt

    dlg.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    dlg.restore_button.click()
    assert [s.key for s in dlg.choice] == ["a"]


def test_corrupt_copy_is_skipped(qtbot) -> None:
    (recovery_dir() / "broken.json").write_text("{half", encoding="utf-8")
    assert RecoveryManager().pending() == []
