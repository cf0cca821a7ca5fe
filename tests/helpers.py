"""Small helpers shared by the tests."""

from __future__ import annotations

from linting.engine import Linter, LintResult
from linting.model import Paragraph, Problem

_LINTER = Linter()


def lint_text(text: str, doctype: str | None = None, linter: Linter | None = None) -> LintResult:
    """Lint ``text`` as a .txt document (one line = one paragraph)."""
    return (linter or _LINTER).lint([Paragraph(t) for t in text.split("\n")], doctype)


def found(text: str, rule: str, doctype: str | None = None) -> list[Problem]:
    """Problems of ``rule`` in ``text``."""
    return [p for p in lint_text(text, doctype).problems if p.rule == rule]
