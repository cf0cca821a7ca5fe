"""Translations: the English .qm loads and translates; it is up to date with the .ts; Qt's own zh_CN loads."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from ui import i18n

I18N = i18n.resource_dir() / "i18n"
TS = I18N / "reportlint_en.ts"
QM = I18N / "reportlint_en.qm"


@pytest.fixture()
def restore_translators(qapp):
    yield qapp
    for t in i18n.installed_translators():
        qapp.removeTranslator(t)
    i18n._installed.clear()
    i18n._current.clear()


def test_english_qm_loads_and_translates_known_string() -> None:
    t = QTranslator()
    assert t.load(str(QM))
    assert t.translate("SettingsDialog", "设置") == "Settings"
    assert t.translate("RulesHelpDialog", "规则说明") == "Rule reference"


def test_install_english_translates_tr_calls(restore_translators) -> None:
    assert i18n.install_translators(restore_translators, "en") == "en"
    assert QCoreApplication.translate("SettingsDialog", "设置") == "Settings"
    from ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog()
    try:
        assert dlg.windowTitle() == "Settings"
    finally:
        dlg.deleteLater()


def test_install_chinese_loads_qtbase_zh_cn(restore_translators) -> None:
    assert i18n.install_translators(restore_translators, "zh_CN") == "zh_CN"
    assert i18n.installed_translators(), "qtbase_zh_CN.qm not found in PySide6's translations folder"
    # A string from Qt's own dialogs comes out in Chinese.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("SettingsDialog", "设置") == "设置"


def test_language_choice(restore_translators) -> None:
    QSettings().setValue("language", "en")
    assert i18n.choose_language() == "en"
    QSettings().setValue("language", "zh_CN")
    assert i18n.choose_language() == "zh_CN"
    assert i18n.choose_language("en-US") == "en"


def test_every_message_translated() -> None:
    unfinished = [
        m.findtext("source")
        for m in ET.parse(TS).getroot().iter("message")
        if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")
    ]
    assert unfinished == []


def test_qm_is_up_to_date_with_ts(tmp_path: Path) -> None:
    sys.path.insert(0, str(I18N))
    try:
        import update  # resources/i18n/update.py
    finally:
        sys.path.remove(str(I18N))
    out = tmp_path / "fresh.qm"
    subprocess.run([update.tool("lrelease"), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run: python resources/i18n/update.py"
