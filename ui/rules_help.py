"""规则说明: every rule of the registry with its Chinese help (作用 / 为什么 / 示例 / 修改后).

The help text lives with the rules (``Rule.doc`` in ``linting/rules``, the same
data ``python -m linting rules --format json`` prints); this dialog only shows it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from linting.rules import RULES

__all__ = ["RulesHelpDialog"]

_SECTIONS = ("作用", "为什么", "示例", "修改后")
_CODE_SECTIONS = {"示例", "修改后"}


class RulesHelpDialog(QDialog):
    """A list of rules on the left; the selected rule's help on the right."""

    def __init__(self, parent: QWidget | None = None, rule_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RulesHelpDialog")
        self.setWindowTitle(self.tr("规则说明"))
        layout = QVBoxLayout(self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索规则（编号或说明）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.rule_list = QListWidget(splitter)
        self.rule_list.setObjectName("ruleList")
        for rid, rule in RULES.items():
            item = QListWidgetItem(f"{rid}\n{rule.summary}")
            item.setData(Qt.ItemDataRole.UserRole, rid)
            item.setToolTip(rule.summary)
            self.rule_list.addItem(item)
        self.rule_list.setWordWrap(True)
        self.rule_list.setAlternatingRowColors(True)
        self.rule_list.setSpacing(2)
        self.rule_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.browser = QTextBrowser(splitter)
        self.browser.setObjectName("ruleHelp")
        self.browser.setOpenExternalLinks(False)
        splitter.addWidget(self.rule_list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 520])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.rule_list.currentItemChanged.connect(self._show_current)
        self.resize(900, 600)
        self.select_rule(rule_id if rule_id in RULES else next(iter(RULES), None))
        self.rule_list.setFocus()

    # -- public -----------------------------------------------------------------

    def select_rule(self, rule_id: str | None) -> None:
        """Select ``rule_id`` in the list (its help is shown)."""
        for i in range(self.rule_list.count()):
            item = self.rule_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == rule_id:
                item.setHidden(False)
                self.rule_list.setCurrentItem(item)
                self.rule_list.scrollToItem(item)
                return

    def current_rule(self) -> str | None:
        """The id of the rule whose help is shown."""
        item = self.rule_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def rule_ids(self) -> list[str]:
        """The rule ids listed (in registry order, including hidden ones)."""
        return [self.rule_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.rule_list.count())]

    def help_html(self, rule_id: str) -> str:
        """The HTML shown for ``rule_id``."""
        rule = RULES[rule_id]
        sev = {"error": self.tr("错误"), "warning": self.tr("警告"), "info": self.tr("提示")}[rule.severity.value]
        labels = {
            "作用": self.tr("作用"),
            "为什么": self.tr("为什么"),
            "示例": self.tr("示例"),
            "修改后": self.tr("修改后"),
        }
        parts = [
            f"<h2>{html.escape(rule.summary)}</h2>",
            "<p style='color:#666'>",
            html.escape(self.tr("规则编号：%1").replace("%1", rule.id)),
            " &nbsp;·&nbsp; ",
            html.escape(self.tr("默认级别：%1").replace("%1", sev)),
            " &nbsp;·&nbsp; ",
            html.escape(self.tr("可一键修复") if rule.fixable else self.tr("需人工修改")),
            "</p>",
        ]
        keys = [k for k in _SECTIONS if rule.doc.get(k)] + [k for k in rule.doc if k not in _SECTIONS]
        for key in keys:
            text = rule.doc[key]
            parts.append(f"<h3>{html.escape(labels.get(key, key))}</h3>")
            if key in _CODE_SECTIONS:
                bg = "#fdecea" if key == "示例" else "#e8f5e9"
                body = html.escape(text).replace("\n", "<br>")
                parts.append(
                    f"<table width='100%' cellpadding='8' style='background:{bg}'><tr><td>{body}</td></tr></table>"
                )
            else:
                parts.append(f"<p>{html.escape(text).replace(chr(10), '<br>')}</p>")
        return "".join(parts)

    # -- private ----------------------------------------------------------------

    def _show_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if current is None:
            self.browser.clear()
            return
        self.browser.setHtml(self.help_html(current.data(Qt.ItemDataRole.UserRole)))

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first_visible: QListWidgetItem | None = None
        for i in range(self.rule_list.count()):
            item = self.rule_list.item(i)
            rid = item.data(Qt.ItemDataRole.UserRole)
            rule = RULES[rid]
            hay = " ".join([rid, rule.summary, *rule.doc.values()]).lower()
            hidden = bool(needle) and needle not in hay
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        cur = self.rule_list.currentItem()
        if (cur is None or cur.isHidden()) and first_visible is not None:
            self.rule_list.setCurrentItem(first_visible)
