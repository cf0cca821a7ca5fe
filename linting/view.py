"""What document-level rules see (:class:`DocView`) and what they may keep between lints (:class:`LintCache`).

This module sits below both the rules and the engine: rules read a view, the engine builds it,
and neither needs to import the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .analysis import ParagraphFacts
from .config import DocType
from .model import Paragraph
from .outline import OutlineResult, build_outline


@dataclass
class LintCache:
    """Per-linter results that document rules keep across lints, keyed by the (immutable) paragraph."""

    #: missing-section: which section cues a paragraph holds, keyed by (paragraph, section name).
    cues: dict[tuple[Paragraph, str], frozenset[str]] = field(default_factory=dict)

    def trim(self, live: set[Paragraph]) -> None:
        """Forget entries for paragraphs no longer in ``live``."""
        self.cues = {k: v for k, v in self.cues.items() if k[0] in live}


@dataclass
class DocView:
    """What document-level rules see: paragraphs, cached facts, title, type and outline."""

    paragraphs: Sequence[Paragraph]
    facts: list[ParagraphFacts]
    title_index: int | None
    doctype: DocType | None
    doctype_source: str  # "title", "config", "option" or "" (not recognised)
    #: The linter's cache, kept between lints (trimmed by the engine).
    cache: LintCache = field(default_factory=LintCache)
    #: Results shared by several rules within one lint (e.g. the series pass), keyed by name.
    memo: dict[str, object] = field(default_factory=dict)

    @cached_property
    def outline(self) -> OutlineResult:
        return build_outline(list(self.paragraphs), self.facts, self.title_index)
