"""What a rule is: declared attributes plus one check function.

Paragraph rules look at one paragraph and return :class:`Finding` (offsets in
that paragraph); the engine caches their output per paragraph.  Document rules
look at the cached facts of the whole document and return :class:`Problem`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Applicability, Edit, Fix, Problem, Severity

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config
    from ..view import DocView


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


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A declared rule (keyword arguments only).  ``doc`` holds the Chinese help: 作用 / 为什么 / 示例 / 修改后.

    ``severity`` is the rule's *default*: the severity a finding gets is decided by the engine
    alone (:meth:`linting.engine.Linter.severity_of`), from the configuration and this default.
    A rule has exactly one of ``paragraph_check`` and ``document_check``.
    """

    id: str
    severity: Severity
    summary: str
    doc: dict[str, str]
    fixable: bool
    paragraph_check: ParagraphCheck | None = None
    document_check: DocumentCheck | None = None
    #: Paragraph rules that need jieba say so, so the CLI can skip loading it.
    needs_jieba: bool = False

    def __post_init__(self) -> None:
        if (self.paragraph_check is None) == (self.document_check is None):
            raise ValueError(f"rule {self.id}: declare exactly one of paragraph_check and document_check")


def excerpt(text: str, start: int, end: int, limit: int = 40) -> str:
    """The flagged text, shortened for display."""
    s = text[start:end]
    if not s:
        s = text[max(0, start - 6) : start + 6]
    return s if len(s) <= limit else s[: limit - 1] + "…"


def problem(
    rule: Rule,
    paragraph: int,
    text: str,
    start: int,
    end: int,
    message: str,
    *,
    edits: Iterable[Edit] = (),
    applicability: Applicability = Applicability.UNSAFE,
    fix_description: str = "",
    shown: str = "",
) -> Problem:
    """Build a :class:`Problem` (used by document rules).

    The problem carries the rule's default severity; the engine sets the effective one.
    ``shown`` is the excerpt for an empty span: a Word auto-number, which is not in the text.
    """
    edits = tuple(edits)
    fix = Fix(edits, applicability, fix_description) if edits else None
    ex = shown if start == end and shown else excerpt(text, start, end)
    return Problem(rule.id, rule.severity, paragraph, start, end, ex, message, fix)
