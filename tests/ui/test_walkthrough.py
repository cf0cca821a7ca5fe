"""Problems found by using the editor as an office worker would (keyboard first, then the mouse).

Each test here failed before its fix.  Dialogs are the scripted :class:`FakeDialogs` of
``test_main_window``; expected values come from the window's own actions and models.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from tests.ui.test_main_window import _finished, _sample_session, dialogs, open_window  # noqa: F401


def test_no_two_actions_of_the_window_share_a_shortcut(open_window) -> None:  # noqa: ANN001, F811
    # An ambiguous shortcut does nothing at all in Qt (Ctrl+Shift+E was both 导出批注版 and 大纲全部展开).
    w = open_window(_sample_session())
    keys = Counter(k.toString() for a in w.findChildren(QAction) for k in a.shortcuts() if not k.isEmpty())
    assert keys, "the window has shortcuts"
    assert [k for k, n in keys.items() if n > 1] == []


def test_ctrl_shift_e_exports_the_annotated_copy(qtbot, open_window, dialogs) -> None:  # noqa: ANN001, F811
    w = open_window(_sample_session())
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "export_path" in dialogs.names()  # asked where to write (the fake answers: cancel)


def test_settings_show_the_language_the_window_is_in(qtbot, qapp) -> None:  # noqa: ANN001
    # Started with --lang zh_CN while English was stored (or the system is English): the settings must not
    # offer English as the current language (OK would silently switch the next start to English).
    from PySide6.QtCore import QSettings

    from ui import i18n
    from ui.settings_dialog import SettingsDialog

    QSettings().setValue(i18n.SETTINGS_KEY, "en")
    try:
        for shown in ("zh_CN", "en", "zh_CN"):
            assert i18n.install_translators(qapp, shown) == shown
            dlg = SettingsDialog()
            qtbot.addWidget(dlg)
            assert dlg.language_combo.currentData() == shown
    finally:
        for t in i18n.installed_translators():
            qapp.removeTranslator(t)
        i18n._installed.clear()
        i18n._current.clear()


def test_english_names_the_problems_panel_in_the_plural_and_counts_characters() -> None:
    # The panel's title is "Problems" (its column header stays "Problem"); 字数 counts characters, not words.
    from PySide6.QtCore import QTranslator

    from ui.i18n import qm_path

    t = QTranslator()
    assert t.load(str(qm_path("en")))
    assert t.translate("ProblemsDock", "问题") == "Problems"
    assert t.translate("Models", "问题") == "Problem"
    assert "Words" not in t.translate("MainWindow", "字数 {n}")


def test_f6_moves_between_document_problems_and_outline_and_tab_leaves_the_list(qtbot, open_window) -> None:  # noqa: ANN001, F811
    # Keyboard only: Tab in the document types a tab, and Tab in the problems list moved from cell to cell,
    # so there was no way from the document to the problems or the outline without the mouse.
    from PySide6.QtWidgets import QApplication

    w = open_window(_sample_session())
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.editor.setFocus()
    assert w.act_next_pane.shortcut().toString() == "F6"
    assert w.act_next_pane in w.view_menu.actions()
    qtbot.keyClick(w.editor, Qt.Key.Key_F6)
    view = w.problems_dock.view
    assert QApplication.focusWidget() is view
    assert view.currentIndex().isValid()  # a current row, so Enter works at once
    first = w.problems_dock.proxy.problem_at(view.currentIndex())
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not view and w.problems_dock.isAncestorOf(focus)  # on to the panel's filter row
    qtbot.keyClick(focus, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is w.outline_dock.view
    qtbot.keyClick(w.outline_dock.view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is w.editor
    qtbot.keyClick(w.editor, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is w.outline_dock.view
    qtbot.keyClick(w.outline_dock.view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is w.editor
    text = w.editor.paragraphs()[first.paragraph].text
    assert w.editor.textCursor().selectedText() == text[first.start : first.end]
    # A hidden panel is skipped.
    w.problems_dock.hide()
    qtbot.keyClick(w.editor, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is w.outline_dock.view


@pytest.mark.parametrize("name", ["新建 文本文档.txt", "新建 Microsoft Word 文档.docx"])
def test_a_new_empty_file_from_the_explorer_opens_and_saves_in_its_format(
    qtbot,
    dialogs,  # noqa: F811
    tmp_path,
    monkeypatch,
    name,
) -> None:  # noqa: ANN001
    # Windows' 新建 → 文本文档 / Word 文档 makes a 0-byte file; opening it was refused ("文件是空的").
    from linting.io import open_document
    from tests.ui.test_editor_helpers import commit
    from ui.main_window import MainWindow, open_path

    monkeypatch.setattr(MainWindow, "dialogs", dialogs)
    f = tmp_path / name
    f.write_bytes(b"")
    w = open_path(f, None)
    assert w is not None and not dialogs.calls
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: _finished(w), timeout=30_000)
    assert w.windowTitle() == f"{name} - ReportLint"
    w.editor.setFocus()
    commit(w.editor, "一、总体情况")
    assert w.is_modified()
    assert w.save(), dialogs.calls
    assert not w.is_modified()
    saved = open_document(f)
    assert saved.kind == f.suffix[1:]
    assert [p.text for p in saved.paragraphs] == ["一、总体情况"]
    assert "save_path" not in dialogs.names()  # saved where it was, not asked


def test_a_file_deleted_while_open_is_kept_and_closing_asks(qtbot, open_window, dialogs, tmp_path) -> None:  # noqa: ANN001, F811
    # Deleted or moved away by another program while open and unmodified: closing the window used to
    # close without a word, and the text existed nowhere any more.
    from linting.io import open_document
    from ui.session import Session

    f = tmp_path / "情况报告.txt"
    f.write_text("一、总体情况\n今年工作有进展。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    assert not w.is_modified()
    f.unlink()
    qtbot.waitUntil(w.is_modified, timeout=5_000)
    assert "情况报告.txt" in w.statusBar().currentMessage()
    assert w.windowTitle().startswith("*") or "*" in w.windowTitle()
    dialogs.save_answer = "cancel"
    assert not w.close()
    assert dialogs.names() == ["ask_save_changes"]
    assert w.save()
    assert [p.text for p in open_document(f).paragraphs] == ["一、总体情况", "今年工作有进展。"]
    assert not w.is_modified()


def test_enter_presses_a_focused_button_on_the_start_page_and_in_the_find_bar(qtbot, open_window) -> None:  # noqa: ANN001, F811
    # Outside a dialog a QPushButton only answers Space: Tab to 打开文件… and Enter did nothing.
    from PySide6.QtWidgets import QPushButton

    from ui.start_page import StartPage

    page = StartPage()
    qtbot.addWidget(page)
    for button, signal in (
        (page.open_button, page.openRequested),
        (page.sample_button, page.sampleRequested),
        (page.new_button, page.newRequested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.keyClick(button, Qt.Key.Key_Return)
    w = open_window(_sample_session())
    w.editor.show_replace()
    from ui.find_replace import FindReplaceBar

    bar = w.findChild(FindReplaceBar)
    assert bar is not None and bar.isVisible()
    buttons = [b for b in bar.findChildren(QPushButton) if b.isVisible()]
    assert bar.replace_all_button in buttons
    for b in buttons:
        with qtbot.waitSignal(b.clicked, timeout=1000):
            qtbot.keyClick(b, Qt.Key.Key_Enter)


def test_recent_files_with_the_same_name_say_which_folder(qtbot, open_window, tmp_path) -> None:  # noqa: ANN001, F811
    # Every year's report is 工作总结.docx: 最近打开 listed two identical lines (tooltips are not shown in menus).
    from ui.main_window import add_recent_file

    paths = [tmp_path / "2024" / "工作总结.docx", tmp_path / "2025" / "工作总结.docx", tmp_path / "R&D.txt"]
    for p in paths:
        add_recent_file(p)
    w = open_window(_sample_session())
    w.recent_menu.aboutToShow.emit()
    entries = [a for a in w.recent_menu.actions() if a.toolTip() in {str(p) for p in paths}]
    assert len(entries) == 3
    texts = [a.text() for a in entries]
    assert len(set(texts)) == 3
    assert any("2024" in t for t in texts) and any("2025" in t for t in texts)
    assert any("R&&D.txt" in t for t in texts)  # a literal &, not a mnemonic
    assert w.recent_menu.toolTipsVisible()


def test_an_outline_entry_s_tooltip_holds_the_whole_heading(qtbot, open_window) -> None:  # noqa: ANN001, F811
    # The outline panel is narrow and elides long headings; the tooltip only said 第 N 段.
    w = open_window(_sample_session())
    model = w.outline_dock.model
    seen = 0
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        ix = stack.pop()
        stack += [model.index(r, 0, ix) for r in range(model.rowCount(ix))]
        label = model.data(ix, Qt.ItemDataRole.DisplayRole)
        tip = model.data(ix, Qt.ItemDataRole.ToolTipRole)
        assert label and tip.startswith(label + "\n")
        seen += 1
    assert seen == len(model.entries()) > 0


def test_the_start_page_offers_only_what_works_without_a_document(qtbot, dialogs) -> None:  # noqa: ANN001, F811
    # With nothing open, 撤销/剪切/查找/导出批注版/修复全部… were enabled and did nothing.
    from ui.main_window import MainWindow

    w = MainWindow(None, dialogs=dialogs)
    qtbot.addWidget(w)
    w.show()
    for a in (w.act_undo, w.act_redo, w.act_cut, w.act_copy, w.act_paste, w.act_find, w.act_replace):
        assert not a.isEnabled(), a.text()
    for a in (w.act_export_annotated, w.act_fix_all, w.act_ignore_here, w.act_relint, w.act_show_ignored):
        assert not a.isEnabled(), a.text()
    for a in (w.act_new, w.act_open, w.act_sample, w.act_settings, w.act_rules_help, w.act_about, w.act_quit):
        assert a.isEnabled(), a.text()


def test_undo_and_copy_start_disabled_on_an_opened_document(qtbot, open_window) -> None:  # noqa: ANN001, F811
    from tests.ui.test_editor_helpers import commit

    w = open_window(_sample_session())
    assert not w.act_undo.isEnabled() and not w.act_redo.isEnabled()
    assert not w.act_cut.isEnabled() and not w.act_copy.isEnabled()
    assert w.act_paste.isEnabled() and w.act_find.isEnabled() and w.act_export_annotated.isEnabled()
    w.editor.go_to(1, 0)
    commit(w.editor, "年")
    assert w.act_undo.isEnabled()
    w.editor.go_to(1, 0, 2)
    assert w.act_copy.isEnabled()


def test_the_unsafe_fix_preview_is_read_only(qtbot) -> None:  # noqa: ANN001
    # The preview's cells could be edited (double-click or typing), as if the edit could be changed there.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QTableWidget

    from ui.main_window import Dialogs

    seen: dict[str, object] = {}

    def inspect() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, QDialog)
        table = dlg.findChild(QTableWidget)
        seen["triggers"] = table.editTriggers()
        seen["cells"] = [table.item(0, c).text() for c in range(3)]
        table.setCurrentCell(0, 1)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        qtbot.keyClick(table, Qt.Key.Key_A)
        seen["after"] = table.item(0, 1).text()
        dlg.reject()

    QTimer.singleShot(0, inspect)
    rows = [("第 5 段", "【（一）】强化理论学习", "【（二）】强化理论学习")]
    assert Dialogs().preview_fix(None, "改为“（二）”", rows) is False
    assert seen["triggers"] == QAbstractItemView.EditTrigger.NoEditTriggers
    assert seen["cells"] == list(rows[0]) and seen["after"] == rows[0][1]


@pytest.mark.parametrize("name", ["工作总结.txt", "工作总结.docx"])
def test_save_as_shows_the_file_type_of_the_suggested_name(monkeypatch, name) -> None:  # noqa: ANN001
    # A .txt document's 另存为 offered "工作总结.txt" under the type "Word 文档 (*.docx)".
    from PySide6.QtWidgets import QFileDialog

    from ui.main_window import Dialogs

    calls = []

    def fake(parent, caption, directory, filters, selected="", *rest):  # noqa: ANN001, ANN002
        calls.append((directory, filters.split(";;"), selected))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert Dialogs().save_path(None, f"某处/{name}") is None
    ((directory, filters, selected),) = calls
    assert directory.endswith(name)
    assert selected in filters and name.rsplit(".", 1)[1] in selected


def test_while_the_first_lint_runs_the_panels_do_not_claim_a_clean_document(qtbot, dialogs) -> None:  # noqa: ANN001, F811
    # A large report takes a few seconds: the problems panel said 未发现问题 and the outline 没有识别到标题
    # until the first result arrived.
    from ui.main_window import MainWindow

    w = MainWindow(_sample_session(), dialogs=dialogs)
    qtbot.addWidget(w)
    w.show()
    dock = w.problems_dock
    assert dock.stack.currentWidget() is dock.clean_label
    assert dock.clean_label.text() == "正在检查…"
    assert not w.outline_dock.empty_label.isVisible()
    qtbot.waitUntil(lambda: _finished(w), timeout=30_000)
    assert dock.stack.currentWidget() is dock.view  # the sample has problems
    assert w.outline_dock.model.entries()


def test_a_new_document_is_offered_as_a_docx(qtbot, open_window, dialogs, tmp_path) -> None:  # noqa: ANN001, F811
    # 新建, type a report, Ctrl+S: the suggested name was 未命名.txt; an office worker wants the .docx.
    from linting.io import open_document
    from tests.ui.test_editor_helpers import commit
    from ui.session import Session

    w = open_window(Session.new())
    w.editor.setFocus()
    commit(w.editor, "关于2026年春季防火工作的通知")
    target = tmp_path / "通知.docx"
    dialogs.save_path_answer = str(target)
    assert w.save()
    (name, (suggested,)) = next(c for c in dialogs.calls if c[0] == "save_path")
    assert suggested.endswith(".docx")
    doc = open_document(target)
    assert doc.kind == "docx" and [p.text for p in doc.paragraphs] == ["关于2026年春季防火工作的通知"]


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].upper() if i >= 0 else None


def test_every_menu_entry_has_its_own_access_key(open_window) -> None:  # noqa: ANN001, F811
    # Alt+F opened 文件 but no entry had an access key (Word/WPS: 保存(S), 另存为(A)…): arrows only.
    w = open_window(_sample_session())
    for top in w.menuBar().actions():
        menu = top.menu()
        keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert None not in keys, (top.text(), [a.text() for a in menu.actions()])
        assert len(keys) == len(set(keys)), (top.text(), keys)
    tops = [_mnemonic(a.text()) for a in w.menuBar().actions()]
    assert None not in tops and len(tops) == len(set(tops))
    # The toolbar shows the plain name, the tooltip names the shortcut.
    assert w.act_save.iconText() == "保存" and "Ctrl+S" in w.act_save.toolTip()


def test_with_access_key_in_chinese_and_english() -> None:
    from ui.main_window import with_access_key

    assert with_access_key("保存", "S") == "保存(&S)"
    assert with_access_key("另存为…", "A") == "另存为(&A)…"
    assert with_access_key("关于 ReportLint", "A") == "关于 ReportLint(&A)"
    assert with_access_key("Save as…", "A") == "Save &as…"
    assert with_access_key("Zoom out", "O") == "Zoom &out"
    assert with_access_key("Exit", "X") == "E&xit"
    assert with_access_key("Toolbar", "Z") == "Toolbar(&Z)"
    assert with_access_key("文件(&F)", "X") == "文件(&F)"


def test_alt_f_then_s_saves(qtbot, open_window, dialogs) -> None:  # noqa: ANN001, F811
    from PySide6.QtWidgets import QApplication, QMenu

    w = open_window(_sample_session())
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert w.act_save in menu.actions()
    qtbot.keyClick(menu, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: "save_path" in dialogs.names(), timeout=2000)  # the untitled sample asks where


def test_a_read_only_file_offers_save_as(qtbot, open_window, dialogs, tmp_path, monkeypatch) -> None:  # noqa: ANN001, F811
    # An attachment saved read-only: Ctrl+S said "…或“另存为”其他文件名" with only an OK button.
    from ui.session import SaveError, Session

    f = tmp_path / "附件.txt"
    f.write_text("关于防汛工作的通知\n各单位要做好准备。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")
    real_save = Session.save

    def read_only(self, texts, sources, path=None):  # noqa: ANN001, ANN202
        if path is None:
            raise SaveError(f, "文件是只读的，无法保存；请取消文件的只读属性，或“另存为”其他文件名")
        return real_save(self, texts, sources, path)

    monkeypatch.setattr(Session, "save", read_only)
    dialogs.lock_answer = True
    other = tmp_path / "附件-修改.txt"
    dialogs.save_path_answer = str(other)
    assert w.save()
    assert dialogs.names()[-2:] == ["ask_save_as_after_lock", "save_path"]
    assert "只读" in dialogs.calls[-2][1][0]
    assert other.read_text(encoding="utf-8").splitlines()[1] == "请各单位要做好准备。"
    assert w.session.path == other and not w.is_modified()


def test_settings_rules_by_keyboard_and_tab_passes_the_table(qtbot) -> None:  # noqa: ANN001
    # Tab walked every cell, check box and combo of the 28 rules before reaching 字号, 确定 or 取消.
    from PySide6.QtWidgets import QApplication

    from linting.rules import RULES
    from ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    table = dlg.rules_table
    table.setFocus()
    chain = []
    for _ in range(6):
        chain.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert chain[0] is table and QApplication.focusWidget() is table  # round trip in six steps
    assert dlg.font_spin in chain and dlg.language_combo in chain and dlg.button_box.isAncestorOf(chain[-1])
    rules = list(RULES)
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = rules[1]
    before = dlg.rule_values()[second]
    assert before != "off"
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dlg.rule_values()[second] == "off"
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dlg.rule_values()[second] == before
    combo = dlg._combos[second]
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=2000)
    combo.hidePopup()
    assert dlg.isVisible()  # the keys did not close the dialog


def test_f1_on_a_problem_explains_its_rule(qtbot, open_window, monkeypatch) -> None:  # noqa: ANN001, F811
    # F1 always opened 规则说明 at the first rule, whatever problem the cursor was on.
    from tests.ui.test_main_window import _safe_problem
    from ui.rules_help import RulesHelpDialog

    shown: list[str] = []

    def fake_exec(self) -> int:  # noqa: ANN001
        shown.append(self.rule_list.currentItem().data(Qt.ItemDataRole.UserRole))
        return 0

    monkeypatch.setattr(RulesHelpDialog, "exec", fake_exec)
    w = open_window(_sample_session())
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    p = _safe_problem(w, "halfwidth-punct")
    w.editor.go_to(p.paragraph, p.start)
    qtbot.keyClick(w.editor, Qt.Key.Key_F1)
    assert shown == ["halfwidth-punct"]
    other = next(q for q in w.problems_dock.visible_problems() if q.rule != "halfwidth-punct")
    w.problems_dock.select_problem(other)
    w.problems_dock.view.setFocus()
    qtbot.keyClick(w.problems_dock.view, Qt.Key.Key_F1)
    assert shown[-1] == other.rule


def test_a_new_document_is_named_in_the_interface_language(qtbot, qapp, dialogs) -> None:  # noqa: ANN001, F811
    # In English, 文件 → New showed "未命名 - ReportLint".
    from ui import i18n
    from ui.main_window import MainWindow

    try:
        i18n.install_translators(qapp, "en")
        w = MainWindow(None, dialogs=dialogs)
        qtbot.addWidget(w)
        w.new_window()
        assert w.session is not None and w.session.display_name() == "Untitled"
        assert "未命名" not in w.windowTitle()
        w.editor.document().setModified(False)
    finally:
        for t in i18n.installed_translators():
            qapp.removeTranslator(t)
        i18n._installed.clear()
        i18n._current.clear()


def test_save_changes_question_answers_to_alt_n(qtbot) -> None:  # noqa: ANN001
    # 保存/不保存/取消 had no access keys: "don't save" needed the mouse or Tab, Tab, Space.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.main_window import Dialogs

    texts: list[str] = []

    def press_alt_n() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        texts.extend(b.text() for b in box.buttons())
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow, timeout=2000)
        qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        for _ in range(50):  # a mnemonic "animates" the click: it lands ~100 ms later
            if not box.isVisible():
                break
            qtbot.wait(100)
        if box.isVisible():  # the key did nothing: close it (as cancel) so the test fails instead of hanging
            box.reject()

    QTimer.singleShot(0, press_alt_n)
    assert Dialogs().ask_save_changes(None, "工作总结.docx") == "discard"
    assert "保存(&S)" in texts and "不保存(&N)" in texts


def test_a_recent_file_that_is_gone_leaves_the_list(qtbot, dialogs, tmp_path) -> None:  # noqa: ANN001, F811
    # A report moved to another folder stayed in 最近打开 and on the start page, failing every time.
    from ui.main_window import MainWindow, add_recent_file, recent_files

    kept = tmp_path / "在.txt"
    kept.write_text("一、总体情况\n", encoding="utf-8")
    gone = tmp_path / "已移走.txt"
    add_recent_file(kept)
    add_recent_file(gone)
    w = MainWindow(None, dialogs=dialogs)
    qtbot.addWidget(w)
    assert w.start_page.recent.count() == 2
    w.start_page.openPathRequested.emit(str(gone))
    assert dialogs.names() == ["error"] and "不存在" in dialogs.calls[0][1][1]
    assert recent_files() == [str(kept)]
    assert w.start_page.recent.count() == 1


def test_a_save_into_a_folder_that_is_gone_offers_save_as(qtbot, open_window, dialogs, tmp_path) -> None:  # noqa: ANN001, F811
    # The USB stick was pulled out: the error said 保存位置不存在 and only offered OK.
    import shutil

    from ui.session import Session

    stick = tmp_path / "U盘"
    stick.mkdir()
    f = stick / "总结.txt"
    f.write_text("一、总体情况\n今年工作有进展。\n", encoding="utf-8")
    w = open_window(Session.open(f))
    w.editor.go_to(1, 0)
    w.editor.insertPlainText("请")
    shutil.rmtree(stick)
    dialogs.lock_answer = True
    other = tmp_path / "总结.txt"
    dialogs.save_path_answer = str(other)
    assert w.save()
    assert dialogs.names()[-2:] == ["ask_save_as_after_lock", "save_path"]
    assert other.read_text(encoding="utf-8").splitlines()[1] == "请今年工作有进展。"


def test_the_annotated_copy_never_replaces_the_open_document(qtbot, open_window, dialogs, tmp_path) -> None:  # noqa: ANN001, F811
    # Choosing the document's own name in 导出批注版 replaced the draft with comments and tracked changes
    # (the command line refuses this).
    from tests.ui.test_main_window import _build_docx
    from ui.session import Session

    f = tmp_path / "报告.docx"
    _build_docx(f)
    before = f.read_bytes()
    w = open_window(Session.open(f))
    dialogs.save_path_answer = str(f)
    assert not w.export_annotated()
    assert dialogs.names()[-2:] == ["export_path", "error"]
    assert "覆盖" in dialogs.calls[-1][1][1]
    assert f.read_bytes() == before
    other = tmp_path / "报告_校对意见.docx"
    dialogs.save_path_answer = str(other)
    assert w.export_annotated() and other.is_file()


def test_save_as_onto_a_file_open_in_another_window_is_refused(qtbot, open_window, dialogs, tmp_path) -> None:  # noqa: ANN001, F811
    # Two windows then edited one file, each save overwriting the other's.
    from ui.session import Session

    f = tmp_path / "总结.txt"
    f.write_text("一、总体情况\n今年工作有进展。\n", encoding="utf-8")
    first = open_window(Session.open(f))
    second = open_window(_sample_session())
    dialogs.save_path_answer = str(f)
    assert not second.save_as()
    assert dialogs.names()[-2:] == ["save_path", "error"] and "另一个窗口" in dialogs.calls[-1][1][1]
    assert f.read_text(encoding="utf-8") == "一、总体情况\n今年工作有进展。\n"
    assert second.session.is_untitled and first.session.path == f
    assert first.save_as()  # its own file: allowed
