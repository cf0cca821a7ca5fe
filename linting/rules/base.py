"""What a rule is: declared attributes plus one check function.

Every check returns :class:`~linting.model.Finding` (one type for paragraph rules, document rules
and the passes behind them); the engine alone turns findings into :class:`~linting.model.Problem`
(:func:`linting.engine.to_problem`), with the severity the configuration gives.  Paragraph rules
look at one paragraph (offsets in that paragraph; the engine caches their output per paragraph
text); document rules look at the cached facts of the whole document and say where each finding is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Finding, Severity

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config
    from ..view import DocView

ParagraphCheck = Callable[[str, "ParagraphFacts", "Config"], Iterable[Finding]]
DocumentCheck = Callable[["DocView", "Config"], Iterable[Finding]]


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
    #: Paragraph rules that need jieba say so, so the editor can lint without them until jieba is loaded.
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
