"""Rules are declared one way (keyword-only ``Rule``) and the engine alone decides severities."""

from __future__ import annotations

import dataclasses

import pytest

from linting.config import config_from_text
from linting.engine import Linter
from linting.model import Paragraph, Severity
from linting.rules import RULES
from linting.rules.base import Rule


def _check(view, config):  # pragma: no cover - never run
    return ()


def test_rule_takes_keywords_only() -> None:
    with pytest.raises(TypeError):
        Rule("x-rule", Severity.WARNING, "s", {}, False, document_check=_check)  # type: ignore[misc]
    r = Rule(id="x-rule", severity=Severity.INFO, summary="s", doc={}, fixable=False, document_check=_check)
    assert r.severity is Severity.INFO


def test_rule_needs_exactly_one_check() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Rule(id="x-rule", severity=Severity.INFO, summary="s", doc={}, fixable=False)
    with pytest.raises(ValueError, match="exactly one"):
        Rule(
            id="x-rule",
            severity=Severity.INFO,
            summary="s",
            doc={},
            fixable=False,
            document_check=_check,
            paragraph_check=lambda text, facts, config: (),
        )


def test_rule_has_no_unused_example_fields() -> None:
    names = {f.name for f in dataclasses.fields(Rule)}
    assert not names & {"examples_bad", "examples_good"}


_TEXT = "关于做好安全生产工作的通知\n今年以来,--社区认真落实。\n一是加强领导。三是强化落实。"


@pytest.mark.parametrize("target", ["placeholder", "halfwidth-punct", "ordinal-skip"])
@pytest.mark.parametrize("sev", [Severity.ERROR, Severity.INFO])
def test_configured_severity_reaches_paragraph_and_document_rules(target: str, sev: Severity) -> None:
    """The configuration decides the severity of every finding, paragraph rule or document rule alike."""
    paragraphs = [Paragraph(t) for t in _TEXT.split("\n")]
    default = [p for p in Linter().lint(paragraphs).problems if p.rule == target]
    assert default and all(p.severity is RULES[target].severity for p in default)
    config = config_from_text(f'[rules]\n"{target}" = "{sev.value}"\n')
    linter = Linter(config)
    found = [p for p in linter.lint(paragraphs).problems if p.rule == target]
    assert [p.severity for p in found] == [sev] * len(default)
    assert linter.severity_of(RULES[target]) is sev
    others = [p for p in linter.lint(paragraphs).problems if p.rule != target]
    assert all(p.severity is RULES[p.rule].severity for p in others)


def test_passes_declare_the_ids_they_emit_and_each_has_a_rule() -> None:
    from linting.outline import RULE_IDS as OUTLINE_IDS
    from linting.rules.ordinals import RULE_IDS as SERIES_IDS

    assert OUTLINE_IDS <= set(RULES) and SERIES_IDS <= set(RULES)
    assert not OUTLINE_IDS & SERIES_IDS
    for rid in OUTLINE_IDS | SERIES_IDS:
        assert RULES[rid].document_check is not None


def test_a_mistyped_rule_id_fails_loudly() -> None:
    from linting.model import Finding, check_rule_ids
    from linting.outline import RULE_IDS as OUTLINE_IDS
    from linting.rules.ordinals import RULE_IDS as SERIES_IDS

    assert Finding(0, 1, "m", rule="heading-skip", paragraph=0).rule == "heading-skip"
    with pytest.raises(ValueError, match="undeclared rule id"):
        Finding(0, 1, "m", rule="heading-skp", paragraph=0)
    with pytest.raises(ValueError, match="undeclared rule id"):
        Finding(0, 1, "m", rule="ordinal-skipp", paragraph=0)
    # Each pass refuses the ids of another pass (it would be reported by no rule reading that pass).
    check_rule_ids([Finding(0, 1, "m", rule="ordinal-skip", paragraph=0)], SERIES_IDS, "series pass")
    with pytest.raises(ValueError, match="series pass: undeclared rule id 'heading-skip'"):
        check_rule_ids([Finding(0, 1, "m", rule="heading-skip", paragraph=0)], SERIES_IDS, "series pass")
    with pytest.raises(ValueError, match="outline pass: undeclared rule id 'ordinal-skip'"):
        check_rule_ids([Finding(0, 1, "m", rule="ordinal-skip", paragraph=0)], OUTLINE_IDS, "outline pass")


def test_every_id_literal_in_the_passes_is_declared() -> None:
    """Every rule-id-looking string in the outline and series passes is one they declare."""
    import re
    from pathlib import Path

    from linting.outline import RULE_IDS as OUTLINE_IDS
    from linting.rules.ordinals import RULE_IDS as SERIES_IDS

    root = Path(__file__).resolve().parents[1] / "linting"
    prefix = re.compile(r'"((?:heading|ordinal|count)-[a-z-]+)"')
    for path, ids in ((root / "outline.py", OUTLINE_IDS), (root / "rules" / "ordinals.py", SERIES_IDS)):
        used = set(prefix.findall(path.read_text("utf-8")))
        assert used and used <= ids, (path.name, sorted(used - ids))


def test_every_declared_id_has_exactly_one_rule() -> None:
    from linting import rule_ids

    assert set(RULES) == rule_ids.ALL
    assert len(rule_ids.OUTLINE) + len(rule_ids.SERIES) + len(rule_ids.OTHERS) == len(rule_ids.ALL)


def test_an_undeclared_rule_id_is_refused_at_registration() -> None:
    from linting.rules import register

    with pytest.raises(ValueError, match="not declared"):
        register(
            Rule(id="no-such-rule", severity=Severity.INFO, summary="s", doc={}, fixable=False, document_check=_check)
        )
    assert "no-such-rule" not in RULES
