"""设置: rules on/off and severity (the user config file the CLI reads), font size, language.

There is one configuration system: the rules table is read from and written to
:func:`linting.config.user_config_path` through :mod:`linting.user_config`, so
``python -m linting check`` sees exactly what the editor shows.  Font size and
language are editor settings in QSettings (``"editor/font_size"``,
``"language"``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linting.config import ConfigError, user_config_path
from linting.rules import RULES
from linting.user_config import default_settings, read_rule_settings, write_rule_settings

from .i18n import LANGUAGES, SETTINGS_KEY, current_language

__all__ = ["SettingsDialog", "FONT_SIZE_KEY", "DEFAULT_FONT_SIZE", "font_size"]

#: QSettings key of the editor's base font size (points).
FONT_SIZE_KEY = "editor/font_size"
DEFAULT_FONT_SIZE = 12
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 36

_SEVERITIES = ("error", "warning", "info")
_COL_ON, _COL_RULE, _COL_SUMMARY, _COL_SEVERITY = range(4)


def font_size() -> int:
    """The editor's base font size from QSettings (default :data:`DEFAULT_FONT_SIZE`)."""
    try:
        value = int(str(QSettings().value(FONT_SIZE_KEY, DEFAULT_FONT_SIZE)))
    except (TypeError, ValueError):
        value = DEFAULT_FONT_SIZE
    return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, value))


class SettingsDialog(QDialog):
    """The settings dialog; OK writes the rules to the user config and the rest to QSettings."""

    settingsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.setObjectName("SettingsDialog")
        self._rules_readable = True
        try:
            self._initial = read_rule_settings()
        except ConfigError as e:
            self._initial = default_settings()
            self._rules_readable = False
            self._read_error = str(e)

        layout = QVBoxLayout(self)

        rules_box = QGroupBox(self.tr("规则设置"), self)
        rules_layout = QVBoxLayout(rules_box)
        note = QLabel(
            self.tr("规则设置保存在用户配置文件中，命令行检查同样使用：%1").replace("%1", str(user_config_path())),
            rules_box,
        )
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rules_layout.addWidget(note)
        if not self._rules_readable:
            err = QLabel(self.tr("无法读取配置文件，规则设置不能修改：%1").replace("%1", self._read_error), rules_box)
            err.setWordWrap(True)
            err.setStyleSheet("color: #c62828;")
            err.setObjectName("configError")
            rules_layout.addWidget(err)

        self.rules_table = QTableWidget(len(RULES), 4, rules_box)
        self.rules_table.setObjectName("rulesTable")
        self.rules_table.setHorizontalHeaderLabels([self.tr("启用"), self.tr("规则"), self.tr("说明"), self.tr("级别")])
        self.rules_table.verticalHeader().setVisible(False)
        # Keyboard: Tab passes the table in one step (not 28 rows × 4 cells); inside it ↑↓ choose a rule,
        # Space turns it on/off and F2 (or Alt+↓) opens its severity (see eventFilter).
        self.rules_table.setTabKeyNavigation(False)
        self.rules_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_table.setToolTip(self.tr("↑↓ 选择规则，空格键启用或关闭，F2 选择级别"))
        self.rules_table.installEventFilter(self)
        self.rules_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.rules_table.horizontalHeader()
        header.setSectionResizeMode(_COL_ON, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_COL_RULE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        self._checks: dict[str, QCheckBox] = {}
        self._combos: dict[str, QComboBox] = {}
        labels = {"error": self.tr("错误"), "warning": self.tr("警告"), "info": self.tr("提示")}
        for row, (rid, rule) in enumerate(RULES.items()):
            value = self._initial.get(rid, rule.severity.value)
            check = QCheckBox(self.rules_table)
            check.setChecked(value != "off")
            check.setToolTip(self.tr("启用或关闭这条规则"))
            check.setAccessibleName(rid)
            check.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached through the table (Space), not by Tab
            holder = QWidget(self.rules_table)
            hl = QHBoxLayout(holder)
            hl.setContentsMargins(6, 0, 6, 0)
            hl.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hl.addWidget(check)
            self.rules_table.setCellWidget(row, _COL_ON, holder)
            self.rules_table.setItem(row, _COL_RULE, QTableWidgetItem(rid))
            summary = QTableWidgetItem(rule.summary)
            summary.setToolTip(rule.summary)
            self.rules_table.setItem(row, _COL_SUMMARY, summary)
            combo = QComboBox(self.rules_table)
            for sev in _SEVERITIES:
                combo.addItem(labels[sev], sev)
            combo.setCurrentIndex(_SEVERITIES.index(value if value != "off" else rule.severity.value))
            combo.setEnabled(value != "off")
            combo.setAccessibleName(rid)
            combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached through the table (F2), not by Tab
            check.toggled.connect(combo.setEnabled)
            self.rules_table.setCellWidget(row, _COL_SEVERITY, combo)
            self._checks[rid] = check
            self._combos[rid] = combo
        self.rules_table.setWordWrap(False)
        row_height = max(self._combos[next(iter(RULES))].sizeHint().height(), self.fontMetrics().height()) + 6
        self.rules_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rules_table.verticalHeader().setDefaultSectionSize(row_height)
        self.rules_table.setEnabled(self._rules_readable)
        self.rules_table.setCurrentCell(0, _COL_RULE)
        rules_layout.addWidget(self.rules_table)
        defaults_row = QHBoxLayout()
        defaults_row.addStretch(1)
        self.defaults_button = QPushButton(self.tr("恢复默认规则设置"), rules_box)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.defaults_button.setEnabled(self._rules_readable)
        defaults_row.addWidget(self.defaults_button)
        rules_layout.addLayout(defaults_row)
        layout.addWidget(rules_box, 1)

        editor_box = QGroupBox(self.tr("编辑器"), self)
        form = QFormLayout(editor_box)
        self.font_spin = QSpinBox(editor_box)
        self.font_spin.setObjectName("fontSize")
        self.font_spin.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_spin.setSuffix(self.tr(" 磅"))
        self.font_spin.setValue(font_size())
        self.font_spin.setMaximumWidth(self.font_spin.sizeHint().width() + 40)
        form.addRow(self.tr("字号(&F)："), self.font_spin)
        self.language_combo = QComboBox(editor_box)
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        # The language the window is shown in (not only the stored one: ``--lang`` may differ).
        self.language_combo.setCurrentIndex(list(LANGUAGES).index(current_language()))
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language_combo)
        restart = QLabel(self.tr("（重新启动后生效）"), editor_box)
        restart.setStyleSheet("color: palette(mid);")
        lang_row.addWidget(restart)
        lang_row.addStretch(1)
        lang_label = QLabel(self.tr("界面语言(&L)："), editor_box)
        lang_label.setBuddy(self.language_combo)
        form.addRow(lang_label, lang_row)
        layout.addWidget(editor_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, Qt.Orientation.Horizontal, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.button_box = buttons
        self.resize(820, 640)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Space / F2 / Alt+↓ on the rules table act on the current rule's switch and severity."""
        if watched is self.rules_table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            item = self.rules_table.item(self.rules_table.currentRow(), _COL_RULE)
            rid = item.text() if item is not None else None
            if rid is not None and event.key() == Qt.Key.Key_Space and not event.modifiers():
                self._checks[rid].toggle()
                return True
            opens = event.key() == Qt.Key.Key_F2 or (
                event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if rid is not None and opens:
                if self._combos[rid].isEnabled():
                    self._combos[rid].showPopup()
                return True
        return super().eventFilter(watched, event)

    # -- values -----------------------------------------------------------------

    def rule_values(self) -> dict[str, str]:
        """The rules as currently set in the dialog (rule id → error/warning/info/off)."""
        return {
            rid: (self._combos[rid].currentData() if self._checks[rid].isChecked() else "off") for rid in self._checks
        }

    def set_rule_value(self, rule_id: str, value: str) -> None:
        """Set one rule in the dialog (as a user would)."""
        self._checks[rule_id].setChecked(value != "off")
        if value != "off":
            self._combos[rule_id].setCurrentIndex(_SEVERITIES.index(value))

    def restore_defaults(self) -> None:
        """Every rule on, at its shipped severity (written only on OK)."""
        for rid, rule in RULES.items():
            self.set_rule_value(rid, rule.severity.value)

    # -- OK ---------------------------------------------------------------------

    def accept(self) -> None:
        """Write the changed rules to the user config and the editor settings to QSettings, then close."""
        if self._rules_readable:
            values = self.rule_values()
            changed = {rid: v for rid, v in values.items() if v != self._initial.get(rid)}
            if changed:
                try:
                    write_rule_settings(changed)
                except Exception as e:  # ConfigError, SaveError, OSError: say so, keep the dialog open
                    QMessageBox.warning(self, self.tr("无法保存规则设置"), str(e))
                    return
                self._initial.update(changed)
        settings = QSettings()
        settings.setValue(FONT_SIZE_KEY, self.font_spin.value())
        settings.setValue(SETTINGS_KEY, self.language_combo.currentData())
        settings.sync()
        super().accept()
        self.settingsChanged.emit()
