"""The rule registry: every rule, in the order `python -m linting rules` lists them."""

from __future__ import annotations

from ..rule_ids import ALL as _ALL_IDS
from .base import Finding, Rule

RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add ``rule`` to the registry (ids are a public contract: never rename one)."""
    if rule.id in RULES:
        raise ValueError(f"duplicate rule id {rule.id}")
    if rule.id not in _ALL_IDS:
        raise ValueError(f"rule id {rule.id} is not declared in linting/rule_ids.py")
    RULES[rule.id] = rule
    return rule


from . import headings, ordinals, placeholders, punct, sections, slips, words  # noqa: E402,F401

if set(RULES) != _ALL_IDS:
    raise RuntimeError(f"declared rule ids without a rule: {sorted(_ALL_IDS - set(RULES))}")

__all__ = ["RULES", "Finding", "Rule", "register"]
