"""SettingsDialog: rules go to the user config the CLI reads; font size and language to QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from linting.config import load_config, user_config_path
from linting.engine import Linter
from linting.model import Paragraph, Severity
from linting.rules import RULES
from linting.user_config import read_rule_settings, write_rule_settings
from ui.settings_dialog import FONT_SIZE_KEY, SettingsDialog, font_size

DRAFT = [Paragraph("一、总体情况"), Paragraph("今年工作有进展,成效明显.")]


def test_lists_every_rule_with_current_values(qtbot) -> None:
    write_rule_settings({"halfwidth-punct": "off", "heading-level-jump": "error"})
    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    assert dlg.rules_table.rowCount() == len(RULES)
    listed = [dlg.rules_table.item(r, 1).text() for r in range(dlg.rules_table.rowCount())]
    assert listed == list(RULES)
    values = dlg.rule_values()
    assert values["halfwidth-punct"] == "off"
    assert values["heading-level-jump"] == "error"
    assert values["placeholder"] == RULES["placeholder"].severity.value


def test_ok_writes_the_cli_config_and_emits(qtbot) -> None:
    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.set_rule_value("halfwidth-punct", "off")
    dlg.set_rule_value("duplicate-word", "info")
    dlg.font_spin.setValue(16)
    dlg.language_combo.setCurrentIndex(dlg.language_combo.findData("en"))
    with qtbot.waitSignal(dlg.settingsChanged, timeout=2000):
        dlg.button_box.accepted.emit()
    cfg = load_config()
    assert cfg.severities["halfwidth-punct"] is None
    assert cfg.severities["duplicate-word"] is Severity.INFO
    assert "halfwidth-punct" not in {p.rule for p in Linter(cfg).lint(DRAFT).problems}
    settings = QSettings()
    assert int(settings.value(FONT_SIZE_KEY)) == 16
    assert font_size() == 16
    assert settings.value("language") == "en"
    # Only the changed rules were written.
    text = user_config_path().read_text(encoding="utf-8")
    assert "halfwidth-punct" in text and "placeholder" not in text


def test_cancel_writes_nothing(qtbot) -> None:
    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.set_rule_value("halfwidth-punct", "off")
    dlg.font_spin.setValue(20)
    dlg.reject()
    assert not user_config_path().exists()
    assert QSettings().value(FONT_SIZE_KEY) is None


def test_unchecking_disables_severity_and_restore_defaults(qtbot) -> None:
    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg._checks["placeholder"].setChecked(False)
    assert not dlg._combos["placeholder"].isEnabled()
    assert dlg.rule_values()["placeholder"] == "off"
    dlg.restore_defaults()
    assert dlg.rule_values() == {rid: r.severity.value for rid, r in RULES.items()}


def test_unreadable_config_is_not_overwritten(qtbot, monkeypatch) -> None:
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[rules]\n"placeholder" = "loud"\n', encoding="utf-8")
    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    assert not dlg.rules_table.isEnabled()
    error = dlg.findChild(QLabel, "configError")
    assert error is not None and "loud" in error.text()
    dlg.font_spin.setValue(14)
    dlg.accept()
    assert path.read_text(encoding="utf-8") == '[rules]\n"placeholder" = "loud"\n'
    assert font_size() == 14


def test_write_failure_keeps_dialog_open(qtbot, monkeypatch, tmp_path: Path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))

    def boom(values, path=None):
        raise OSError("磁盘已满")

    monkeypatch.setattr("ui.settings_dialog.write_rule_settings", boom)
    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.set_rule_value("placeholder", "off")
    emitted: list[bool] = []
    dlg.settingsChanged.connect(lambda: emitted.append(True))
    dlg.accept()
    assert shown and "磁盘已满" in shown[0]
    assert not emitted
    assert read_rule_settings()["placeholder"] == "warning"
