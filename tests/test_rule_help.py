"""The help is the user's manual: every rule's 示例 triggers that rule, and its 修改后 does not.

Like ruff checks its rule docs: the examples are linted exactly as a user would paste them (one
paragraph per line), so a help text that drifts from the rule fails here.
"""

from __future__ import annotations

import re

import pytest

from linting.engine import Linter
from linting.model import Paragraph
from linting.rules import RULES

#: A help line may end in ``（标题N）`` to say the paragraph carries Word's heading style N
#: (how the help of heading-outline-level shows a stray style); it is not part of the text.
_STYLE_NOTE = re.compile(r"（标题(\d)）$")


def _paragraph(line: str) -> Paragraph:
    m = _STYLE_NOTE.search(line)
    if m is None:
        return Paragraph(line)
    return Paragraph(line[: m.start()], style=f"heading {m.group(1)}", outline_level=int(m.group(1)))


def _rules_fired(text: str) -> list[str]:
    return [p.rule for p in Linter().lint([_paragraph(t) for t in text.split("\n")]).problems]


def test_every_rule_has_the_four_help_parts() -> None:
    for rule in RULES.values():
        assert {"作用", "为什么", "示例", "修改后"} <= set(rule.doc), rule.id
        assert rule.doc["示例"].strip() and rule.doc["修改后"].strip(), rule.id
        assert rule.doc["示例"] != rule.doc["修改后"], rule.id


@pytest.mark.parametrize("rule_id", list(RULES))
def test_example_triggers_its_rule(rule_id: str) -> None:
    assert rule_id in _rules_fired(RULES[rule_id].doc["示例"])


@pytest.mark.parametrize("rule_id", list(RULES))
def test_corrected_example_does_not(rule_id: str) -> None:
    assert rule_id not in _rules_fired(RULES[rule_id].doc["修改后"])
