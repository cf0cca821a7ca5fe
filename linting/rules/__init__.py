"""The rule registry: every rule, in the order `python -m linting rules` lists them."""

from __future__ import annotations

from .base import Finding, Rule

RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add ``rule`` to the registry (ids are a public contract: never rename one)."""
    if rule.id in RULES:
        raise ValueError(f"duplicate rule id {rule.id}")
    RULES[rule.id] = rule
    return rule


from . import headings, ordinals, placeholders, punct, sections, slips, words  # noqa: E402,F401

__all__ = ["RULES", "Finding", "Rule", "register"]
