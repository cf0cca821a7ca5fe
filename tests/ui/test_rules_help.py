"""规则说明: every rule listed; the selected rule's 作用/为什么/示例/修改后 shown from the registry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from linting.rules import RULES
from ui.rules_help import RulesHelpDialog


def test_every_rule_listed(qtbot) -> None:
    dlg = RulesHelpDialog()
    qtbot.addWidget(dlg)
    assert dlg.rule_ids() == list(RULES)
    assert dlg.current_rule() == next(iter(RULES))


@pytest.mark.parametrize("rule_id", list(RULES))
def test_help_text_shown_for_each_rule(qtbot, rule_id: str) -> None:
    dlg = RulesHelpDialog(rule_id=rule_id)
    qtbot.addWidget(dlg)
    assert dlg.current_rule() == rule_id
    shown = dlg.browser.toPlainText()
    rule = RULES[rule_id]
    assert rule.summary in shown
    for section in ("作用", "为什么", "示例", "修改后"):
        assert rule.doc.get(section), f"{rule_id} has no {section}"
        assert section in shown
        first_line = rule.doc[section].splitlines()[0]
        assert first_line in shown


def test_clicking_another_rule_shows_its_help(qtbot) -> None:
    dlg = RulesHelpDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    last = dlg.rule_list.item(dlg.rule_list.count() - 1)
    rect = dlg.rule_list.visualItemRect(last)
    dlg.rule_list.scrollToItem(last)
    rect = dlg.rule_list.visualItemRect(last)
    qtbot.mouseClick(dlg.rule_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    rid = list(RULES)[-1]
    assert dlg.current_rule() == rid
    assert RULES[rid].doc["作用"].splitlines()[0] in dlg.browser.toPlainText()


def test_search_filters_the_list(qtbot) -> None:
    dlg = RulesHelpDialog()
    qtbot.addWidget(dlg)
    dlg.search.setText("placeholder")
    visible = [
        dlg.rule_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dlg.rule_list.count())
        if not dlg.rule_list.item(i).isHidden()
    ]
    assert "placeholder" in visible
    assert "heading-skip" not in visible
    assert dlg.current_rule() in visible
