"""What a rule is: declared attributes plus one check function.

Paragraph rules look at one paragraph and return :class:`Finding` (offsets in
that paragraph); the engine caches their output per paragraph.  Document rules
look at the cached facts of the whole document and return :class:`Problem`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Applicability, Edit, Fix, Problem, Severity

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config
    from ..engine import DocView


@dataclass(frozen=True, slots=True)
class Finding:
    """A paragraph rule's result: offsets are in the paragraph's text."""

    start: int
    end: int
    message: str
    edits: tuple[tuple[int, int, str], ...] = ()
    applicability: Applicability = Applicability.SAFE
    fix_description: str = ""


ParagraphCheck = Callable[[str, "ParagraphFacts", "Config"], Iterable[Finding]]
DocumentCheck = Callable[["DocView", "Config"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A declared rule.  ``doc`` holds the Chinese help: 作用 / 为什么 / 示例 / 修改后."""

    id: str
    severity: Severity
    summary: str
    doc: dict[str, str]
    fixable: bool
    paragraph_check: ParagraphCheck | None = None
    document_check: DocumentCheck | None = None
    #: Paragraph rules that need jieba say so, so the CLI can skip loading it.
    needs_jieba: bool = False
    examples_bad: tuple[str, ...] = field(default=())
    examples_good: tuple[str, ...] = field(default=())


def excerpt(text: str, start: int, end: int, limit: int = 40) -> str:
    """The flagged text, shortened for display."""
    s = text[start:end]
    if not s:
        s = text[max(0, start - 6) : start + 6]
    return s if len(s) <= limit else s[: limit - 1] + "…"


def problem(
    rule: Rule | str,
    severity: Severity,
    paragraph: int,
    text: str,
    start: int,
    end: int,
    message: str,
    edits: Iterable[Edit] = (),
    applicability: Applicability = Applicability.UNSAFE,
    fix_description: str = "",
    shown: str = "",
) -> Problem:
    """Build a :class:`Problem` (used by document rules).

    ``shown`` is the excerpt for an empty span: a Word auto-number, which is not in the text.
    """
    rid = rule if isinstance(rule, str) else rule.id
    edits = tuple(edits)
    fix = Fix(edits, applicability, fix_description) if edits else None
    ex = shown if start == end and shown else excerpt(text, start, end)
    return Problem(rid, severity, paragraph, start, end, ex, message, fix)
