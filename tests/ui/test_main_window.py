"""The main window end to end (offscreen): lint results, navigation, fixes, saving, prompts.

Dialogs are replaced by :class:`FakeDialogs` (``MainWindow.dialogs``), so no
test clicks a message box.  Expected results always come from linting's own
``Linter`` on the same paragraphs, never from hard-coded numbers.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent

from linting.engine import Linter
from linting.io import open_document
from linting.model import Applicability, Problem

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "示例-XX局2024年度工作总结.txt"


def _png() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    img = QImage(8, 8, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


class FakeDialogs:
    """Scripted answers; every call is recorded in ``calls``."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.save_answer = "cancel"
        self.save_path_answer: str | None = None
        self.reload_answer = True
        self.lock_answer = False
        self.preview_answer = True
        self.open_answer: list[str] = []

    def ask_save_changes(self, parent, name: str) -> str:
        self.calls.append(("ask_save_changes", (name,)))
        return self.save_answer

    def error(self, parent, title: str, text: str) -> None:
        self.calls.append(("error", (title, text)))

    def ask_reload(self, parent, name: str, modified: bool) -> bool:
        self.calls.append(("ask_reload", (name, modified)))
        return self.reload_answer

    def ask_save_as_after_lock(self, parent, text: str) -> bool:
        self.calls.append(("ask_save_as_after_lock", (text,)))
        return self.lock_answer

    def open_paths(self, parent, directory: str) -> list[str]:
        self.calls.append(("open_paths", (directory,)))
        return self.open_answer

    def save_path(self, parent, suggested: str) -> str | None:
        self.calls.append(("save_path", (suggested,)))
        return self.save_path_answer

    def preview_fix(self, parent, title: str, rows: Sequence[tuple[str, str, str]]) -> bool:
        self.calls.append(("preview_fix", (title, list(rows))))
        return self.preview_answer

    def export_path(self, parent, suggested: str) -> str | None:
        self.calls.append(("export_path", (suggested,)))
        return self.save_path_answer

    def names(self) -> list[str]:
        return [c[0] for c in self.calls]


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


def _finished(w) -> bool:
    from ui.app import lint_finished

    return lint_finished(w)


@pytest.fixture
def open_window(qtbot, dialogs) -> Iterator:
    """``open_window(session)`` → a shown window whose first full lint is done."""
    from ui.main_window import MainWindow

    made = []

    def make(session):
        w = MainWindow(session, dialogs=dialogs)
        made.append(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: _finished(w), timeout=30_000)
        return w

    yield make
    for w in made:
        try:
            w.editor.document().setModified(False)
            w.close()
        except RuntimeError:  # already deleted
            pass


def _wait_lint(qtbot, w) -> None:
    qtbot.waitUntil(lambda: _finished(w), timeout=30_000)


def _sample_session():
    from ui.session import Session

    return Session.untitled_copy(SAMPLE)


def _expected(paragraphs):
    return Linter().lint(list(paragraphs))


def _selected(w) -> str:
    return w.editor.textCursor().selectedText()


def test_sample_shows_the_same_outline_and_problems_as_the_engine(open_window) -> None:
    w = open_window(_sample_session())
    expected = _expected(open_document(SAMPLE).paragraphs)
    assert w.editor.paragraphs() == open_document(SAMPLE).paragraphs
    assert w.lint_result().problems == expected.problems
    assert w.lint_result().outline == expected.outline
    assert w.problems_dock.model.problems() == expected.problems
    assert w.outline_dock.model.entries() == expected.outline
    counts = w.problems_dock.model.counts()
    assert w.counts_label.text() == f"{counts['error']} 错误 · {counts['warning']} 警告 · {counts['info']} 提示"
    assert w.windowTitle() == f"{SAMPLE.stem} - ReportLint"
    assert expected.doctype and expected.doctype in w.doctype_label.text()


def test_double_click_on_a_problem_selects_its_span(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    view = w.problems_dock.view
    proxy = w.problems_dock.proxy
    rows = [r for r in range(proxy.rowCount()) if (p := proxy.problem_at(proxy.index(r, 0))).end > p.start]
    row = rows[len(rows) // 2]
    problem = proxy.problem_at(proxy.index(row, 0))
    view.scrollTo(proxy.index(row, 1))
    rect = view.visualRect(proxy.index(row, 1))
    # QTest's double click needs the press of a first click on the same item (as a real one has).
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _selected(w) == ""  # a single click only selects the row
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = w.editor.paragraphs()[problem.paragraph].text
    assert _selected(w) == text[problem.start : problem.end]
    assert w.editor.current_paragraph() == problem.paragraph
    # Enter on the current row does the same.
    other = proxy.problem_at(proxy.index(rows[0], 0))
    view.setCurrentIndex(proxy.index(rows[0], 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert _selected(w) == w.editor.paragraphs()[other.paragraph].text[other.start : other.end]


def test_f8_and_shift_f8_cycle_through_problems_and_wrap(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    problems = w.problems_dock.visible_problems()
    assert w.act_next.shortcut().toString() == "F8"
    assert w.act_prev.shortcut().toString() == "Shift+F8"
    w.editor.go_to(0, 0)
    seen = []
    for _ in range(len(problems) + 1):
        qtbot.keyClick(w.editor, Qt.Key.Key_F8)
        seen.append(w.problems_dock.selected_problem())
    assert seen[: len(problems)] == problems
    assert seen[-1] == problems[0]  # wrapped
    qtbot.keyClick(w.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.problems_dock.selected_problem() == problems[-1]  # wrapped backwards
    qtbot.keyClick(w.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.problems_dock.selected_problem() == problems[-2]
    last = problems[-2]
    if last.end > last.start:
        assert _selected(w) == w.editor.paragraphs()[last.paragraph].text[last.start : last.end]


def _safe_problem(w, rule: str | None = None) -> Problem:
    for p in w.visible_problems():
        if p.fix is not None and p.fix.applicability == Applicability.SAFE and (rule is None or p.rule == rule):
            return p
    raise AssertionError("no safe fix in the sample")


def _has(w, rule: str, paragraph: int) -> bool:
    return any(p.rule == rule and p.paragraph == paragraph for p in w.visible_problems())


def test_quick_fix_is_one_undo_step_and_the_problem_goes_and_comes_back(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    p = _safe_problem(w, "halfwidth-punct")
    before = w.editor.paragraphs()[p.paragraph].text
    w.handle_problem_action(p, "fix")
    after = w.editor.paragraphs()[p.paragraph].text
    assert after != before
    _wait_lint(qtbot, w)
    assert not _has(w, "halfwidth-punct", p.paragraph)
    assert w.windowTitle().startswith(f"{SAMPLE.stem}*")
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.paragraphs()[p.paragraph].text == before
    _wait_lint(qtbot, w)
    assert _has(w, "halfwidth-punct", p.paragraph)


def test_fix_all_of_a_rule_is_one_undo_step(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    original = [p.text for p in w.editor.paragraphs()]
    n = sum(1 for p in w.visible_problems() if p.rule == "halfwidth-punct")
    assert n >= 2
    assert w.fix_all("halfwidth-punct") == n
    _wait_lint(qtbot, w)
    assert not any(p.rule == "halfwidth-punct" for p in w.visible_problems())
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.text for p in w.editor.paragraphs()] == original


def test_unsafe_fix_is_previewed_before_it_applies(qtbot, open_window, dialogs) -> None:
    w = open_window(_sample_session())
    unsafe = next(p for p in w.visible_problems() if p.fix and p.fix.applicability == Applicability.UNSAFE)
    texts = [p.text for p in w.editor.paragraphs()]
    dialogs.preview_answer = False
    assert not w.apply_fix(unsafe)
    assert [p.text for p in w.editor.paragraphs()] == texts
    title, rows = dialogs.calls[-1][1]
    assert dialogs.names()[-1] == "preview_fix" and len(rows) == len(unsafe.fix.edits)
    for (loc, _old, new), e in zip(rows, unsafe.fix.edits):
        assert loc == f"第 {e.paragraph + 1} 段" and e.replacement in new
    dialogs.preview_answer = True
    assert w.apply_fix(unsafe)
    new_texts = [p.text for p in w.editor.paragraphs()]
    e = unsafe.fix.edits[0]
    assert new_texts[e.paragraph] != texts[e.paragraph] or e.replacement == texts[e.paragraph][e.start : e.end]


def test_outline_click_jumps_and_follows_the_cursor(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    model = w.outline_dock.model
    view = w.outline_dock.view
    entries = model.entries()
    target = entries[-1]
    idx = model.index_for_paragraph(target.paragraph)
    view.scrollTo(idx)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(idx).center())
    assert w.editor.current_paragraph() == target.paragraph
    # Moving the cursor into another section highlights that heading.
    w.editor.go_to(entries[1].paragraph, 1)
    assert model.entry(view.currentIndex()) == entries[1]


def test_typing_chinese_as_an_input_method_commit_relints(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    paragraphs = w.editor.paragraphs()
    target = next(
        i
        for i, p in enumerate(paragraphs)
        if i > 0 and p.text and not any(q.paragraph == i for q in w.visible_problems())
    )
    w.editor.go_to(target, len(paragraphs[target].text))
    ev = QInputMethodEvent()
    ev.setCommitString("请××单位按时报送")
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(w.editor, ev)
    assert w.editor.paragraphs()[target].text.endswith("请××单位按时报送")
    _wait_lint(qtbot, w)
    assert _has(w, "placeholder", target)
    assert w.lint_result().problems == _expected(w.editor.paragraphs()).problems


def test_utf16_offsets_underline_and_fix_the_right_characters(qtbot, open_window, tmp_path) -> None:
    from ui.session import Session

    f = tmp_path / "astral.txt"
    f.write_text("关于𠮷𫖯同志工作情况的报告\n𠮷𫖯同志认真负责,工作扎实。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    p = next(p for p in w.visible_problems() if p.rule == "halfwidth-punct")
    w.go_to_problem(p)
    assert _selected(w) == ","
    w.apply_fix(p)
    assert w.editor.paragraphs()[1].text == "𠮷𫖯同志认真负责，工作扎实。"


def test_ignore_here_hides_the_problem_and_show_ignored_brings_it_back(qtbot, open_window) -> None:
    w = open_window(_sample_session())
    p = w.visible_problems()[0]
    n = len(w.visible_problems())
    w.handle_problem_action(p, "ignore-here")
    assert w.session.ignores.count() == 1
    assert p not in w.visible_problems() and len(w.visible_problems()) == n - 1
    w.act_show_ignored.trigger()
    assert p in w.visible_problems()
    w.act_show_ignored.trigger()
    w.handle_problem_action(w.visible_problems()[0], "ignore-rule")
    rule = w.visible_problems()[0].rule if w.visible_problems() else None
    assert all(q.rule != rule for q in w.visible_problems()[1:]) or rule is None


def _build_docx(path: Path) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("关于春季防火工作的情况报告")
    d.add_paragraph("一、基本情况")
    d.add_paragraph("今年以来,我镇组织巡查队伍开展防火宣传。")
    d.add_picture(io.BytesIO(_png()))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "项目"
    t.cell(0, 1).text = "数量"
    t.cell(1, 0).text = "巡查次数"
    t.cell(1, 1).text = "十二次"
    d.add_paragraph("二、下一步打算")
    run = d.add_paragraph().add_run("继续加强值守，确保不发生火情。")
    run.font.size = Pt(16)
    d.save(str(path))


def _media(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def test_edit_and_ctrl_s_on_a_docx_changes_only_that_paragraph(qtbot, open_window, tmp_path) -> None:
    from ui.session import Session

    f = tmp_path / "报告.docx"
    _build_docx(f)
    media = _media(f)
    original = open_document(f).paragraphs
    w = open_window(Session.open(f))
    p = next(p for p in w.visible_problems() if p.rule == "halfwidth-punct")
    w.apply_fix(p)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not w.is_modified(), w.statusBar().currentMessage()
    assert w.windowTitle() == "报告.docx - ReportLint"
    saved = open_document(f).paragraphs
    assert len(saved) == len(original)
    changed = [i for i, (a, b) in enumerate(zip(original, saved)) if a != b]
    assert changed == [p.paragraph]
    assert saved[p.paragraph].text == original[p.paragraph].text.replace(",", "，")
    assert _media(f) == media and media
    assert any(q.in_table for q in saved)
    assert not any(q.rule == "halfwidth-punct" for q in Linter().lint(saved).problems)


def test_closing_with_changes_asks_save_discard_cancel(qtbot, dialogs, tmp_path) -> None:
    from ui.main_window import MainWindow

    w = MainWindow(_sample_session(), dialogs=dialogs)
    w.show()
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("新")
    assert w.is_modified()
    dialogs.save_answer = "cancel"
    assert not w.close()
    assert w.isVisible() and w.is_modified() and dialogs.names() == ["ask_save_changes"]
    dialogs.save_answer = "save"
    dialogs.save_path_answer = None  # the Save As dialog cancelled: stay open
    assert not w.close()
    target = tmp_path / "另存.txt"
    dialogs.save_path_answer = str(target)
    assert w.close()
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("新")


def test_closing_and_discarding_changes_writes_nothing(qtbot, dialogs, tmp_path) -> None:
    from ui.main_window import MainWindow
    from ui.session import Session

    f = tmp_path / "a.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    w = MainWindow(Session.open(f), dialogs=dialogs)
    w.show()
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")
    dialogs.save_answer = "discard"
    assert w.close()
    assert f.read_text(encoding="utf-8") == "关于防汛工作的通知\n各单位要做好准备。\n"


def test_save_failure_keeps_the_document_and_shows_the_error(
    qtbot, open_window, dialogs, tmp_path, monkeypatch
) -> None:
    from ui.session import Session

    f = tmp_path / "b.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备,确保安全。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")

    def deny(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", deny)
    assert not w.save()
    monkeypatch.undo()
    # The reason says “另存为”, so the message offers it (the fake answers no).
    assert dialogs.names()[-1] == "ask_save_as_after_lock" and "保存" in dialogs.calls[-1][1][0]
    assert w.is_modified() and w.editor.paragraphs()[1].text.startswith("请各单位")
    assert f.read_text(encoding="utf-8") == "关于防汛工作的通知\n各单位要做好准备,确保安全。\n"
    assert w.windowTitle().startswith("b.txt*")
    # Once the problem is gone, saving works.
    assert w.save() and not w.is_modified()
    assert f.read_text(encoding="utf-8").splitlines()[1].startswith("请各单位")


def test_locked_file_offers_save_as(qtbot, open_window, dialogs, tmp_path, monkeypatch) -> None:
    from ui.session import SaveError, Session

    f = tmp_path / "c.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")
    real_save = Session.save

    def locked(self, texts, sources, path=None):
        if path is None:
            raise SaveError(f, "文件正被“张三”在 Word/WPS 中编辑，无法保存", locked_by="张三")
        return real_save(self, texts, sources, path)

    monkeypatch.setattr(Session, "save", locked)
    dialogs.lock_answer = True
    other = tmp_path / "c-副本.txt"
    dialogs.save_path_answer = str(other)
    assert w.save()
    assert dialogs.names()[-2:] == ["ask_save_as_after_lock", "save_path"]
    assert "张三" in dialogs.calls[-2][1][0]
    assert other.read_text(encoding="utf-8").splitlines()[1] == "请各单位要做好准备。"
    assert w.session.path == other and not w.is_modified()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write into read-only folders")
def test_save_into_a_read_only_folder_keeps_the_document(qtbot, open_window, dialogs, tmp_path) -> None:
    from ui.session import Session

    d = tmp_path / "ro"
    d.mkdir()
    f = d / "d.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")
    d.chmod(0o555)
    try:
        assert not w.save()
    finally:
        d.chmod(0o755)
    assert dialogs.names()[-1] == "ask_save_as_after_lock" and w.is_modified()


def test_a_file_changed_on_disk_is_offered_for_reload(qtbot, open_window, dialogs, tmp_path) -> None:
    from ui.session import Session

    f = tmp_path / "e.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    f.write_text("关于防汛工作的通知\n各单位要提前做好准备。\n", encoding="utf-8")
    os.utime(f, (1_900_000_000, 1_900_000_000))
    qtbot.waitUntil(lambda: "ask_reload" in dialogs.names(), timeout=10_000)
    qtbot.waitUntil(lambda: w.editor.paragraphs()[1].text == "各单位要提前做好准备。", timeout=10_000)
    assert not w.is_modified()


def test_open_errors_are_shown_in_a_dialog(qtbot, dialogs, tmp_path) -> None:
    from ui.main_window import MainWindow

    w = MainWindow(None, dialogs=dialogs)
    bad = tmp_path / "旧格式.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert w.open_files([bad]) == []
    assert dialogs.names() == ["error"] and "另存为" in dialogs.calls[0][1][1]
    assert w.session is None and w.stack.currentWidget() is w.start_page
    w.close()


def test_dropped_files_open_one_window_each_and_become_recent(qtbot, dialogs, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from ui.main_window import MainWindow, recent_files, windows

    a = tmp_path / "甲.txt"
    b = tmp_path / "乙.txt"
    a.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    b.write_text("关于安全生产的通知\n各单位要落实责任。\n", encoding="utf-8")
    w = MainWindow(None, dialogs=dialogs)
    w.show()
    assert w.stack.currentWidget() is w.start_page
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))])
    ev = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    w.dropEvent(ev)
    try:
        assert w.session is not None and w.session.path == a  # the empty window took the first file
        others = [x for x in windows() if x is not w]
        assert len(others) == 1 and others[0].session.path == b
        assert recent_files()[:2] == [str(b), str(a)]
        # Opening a file that is already open raises its window instead of opening it twice.
        assert w.open_files([b]) == [others[0]] and len(windows()) == 2
    finally:
        for x in windows():
            x.close()


def test_recovery_copy_after_a_simulated_crash_reopens_the_edits(qtbot, open_window, dialogs, tmp_path, monkeypatch):
    from ui import app
    from ui.main_window import MainWindow
    from ui.recovery import RecoveryManager
    from ui.session import Session

    f = tmp_path / "f.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    before_crash = RecoveryManager(interval_ms=3_600_000)
    monkeypatch.setattr(app, "_recovery", before_crash)
    w = open_window(Session.open(f))
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")
    before_crash.write_now(wait=True)  # the minute tick; then the process "crashes" (no unwatch)
    monkeypatch.setattr(app, "_recovery", None)
    next_start = RecoveryManager(interval_ms=3_600_000)
    states = next_start.pending()
    assert len(states) == 1 and states[0].original_path == str(f)
    restored = MainWindow(None, dialogs=dialogs)
    try:
        restored.restore_recovered(states[0])
        assert [p.text for p in restored.editor.paragraphs()] == ["关于防汛工作的通知", "请各单位要做好准备。"]
        assert restored.is_modified() and restored.session.path == f
        assert restored.save()
        assert f.read_text(encoding="utf-8") == "关于防汛工作的通知\n请各单位要做好准备。\n"
    finally:
        restored.close()
        before_crash.shutdown()
        next_start.shutdown()


def test_a_clean_document_says_so_and_the_type_can_be_forced(qtbot, open_window, tmp_path) -> None:
    from ui.session import Session

    f = tmp_path / "clean.txt"
    f.write_text(
        "关于调整办公时间的通知\n各科室：\n自下周一起，上午办公时间调整为八点半至十二点。\n请各科室相互转告。\n",
        encoding="utf-8",
    )
    paragraphs = open_document(f).paragraphs
    expected = _expected(paragraphs)
    w = open_window(Session.open(f))
    assert w.lint_result().problems == expected.problems
    assert expected.problems == []  # the fixture is a clean notice; the clean message needs one
    assert w.problems_dock.stack.currentWidget() is w.problems_dock.clean_label
    assert "未发现问题" in w.problems_dock.clean_label.text()
    assert w.counts_label.text() == "未发现问题"
    assert expected.doctype and expected.doctype in w.doctype_label.text()
    # Forcing another type lints with it (and the detected-type note goes away).
    i = w.doctype_combo.findData("请示")
    assert i > 0
    w.doctype_combo.setCurrentIndex(i)
    qtbot.waitUntil(lambda: _finished(w) and w.lint_result().doctype == "请示", timeout=30_000)
    assert w.lint_result().problems == Linter().lint(list(paragraphs), "请示").problems
    assert w.doctype_label.text() == ""


DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    "name",
    sorted(p.relative_to(DATA).as_posix() for d in ("docx_holdout", "tricky_docx") for p in (DATA / d).glob("*.docx")),
)
def test_docx_files_show_what_the_engine_finds(open_window, name: str) -> None:
    """Auto-numbers, tables, content controls, fields, tracked changes: the window lints what the CLI lints."""
    from ui.session import Session

    path = DATA / name
    doc = open_document(path)
    expected = Linter().lint(doc.paragraphs)
    w = open_window(Session.open(path))
    assert w.lint_result().outline == expected.outline
    assert w.lint_result().problems == expected.problems
    assert w.windowTitle() == f"{path.name} - ReportLint"


def test_export_annotated_copy_holds_the_unsaved_text_and_one_comment_per_problem(
    qtbot, open_window, dialogs, tmp_path
) -> None:
    from linting.io.docx_annotate import is_own_comment
    from ui.session import Session

    f = tmp_path / "报告.docx"
    _build_docx(f)
    before = f.read_bytes()
    w = open_window(Session.open(f))
    # an unsaved edit that splits a paragraph: the copy must follow the editor's identity, not guess
    w.editor.go_to(2, 2)
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)
    _wait_lint(qtbot, w)
    texts = [p.text for p in w.editor.paragraphs()]
    out = tmp_path / "报告_校对意见.docx"
    dialogs.save_path_answer = str(out)
    assert w.export_annotated()
    assert dialogs.names()[-1] == "export_path" and dialogs.calls[-1][1][0].endswith("报告_校对意见.docx")
    assert f.read_bytes() == before  # the user's file is untouched
    assert w.is_modified()  # and the edit is still only in the window
    copy = open_document(out)
    accepted_or_not = [p.text for p in copy.paragraphs]
    assert len(accepted_or_not) == len(texts)
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml")
    from lxml import etree

    root = etree.fromstring(comments)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    own = [c for c in root.findall("w:comment", ns) if is_own_comment(c)]
    assert len(own) == len(Linter().lint(list(w.editor.paragraphs())).problems) > 0
    assert _media(out) == _media(f)
