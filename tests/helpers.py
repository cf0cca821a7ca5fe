"""Small helpers shared by the tests."""

from __future__ import annotations

import re

from linting.engine import Linter, LintResult
from linting.model import Paragraph, Problem

_LINTER = Linter()


def lint_text(text: str, doctype: str | None = None, linter: Linter | None = None) -> LintResult:
    """Lint ``text`` as a .txt document (one line = one paragraph)."""
    return (linter or _LINTER).lint([Paragraph(t) for t in text.split("\n")], doctype)


def found(text: str, rule: str, doctype: str | None = None) -> list[Problem]:
    """Problems of ``rule`` in ``text``."""
    return [p for p in lint_text(text, doctype).problems if p.rule == rule]


def annotation_key(p: Problem) -> tuple[int, str, str]:
    """How a problem is written in the annotation files: (1-based paragraph, rule, excerpt).

    For missing-section the excerpt is the missing part's name (or the missing closing).
    """
    excerpt = p.excerpt
    if p.rule == "missing-section":
        m = re.search(r"“([^”]+)”部分", p.message)
        excerpt = m.group(1) if m else re.search(r"缺少(.+?)：", p.message).group(1)
    return (p.paragraph + 1, p.rule, excerpt)
