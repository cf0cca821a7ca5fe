"""What document-level rules see (:class:`DocView`) and what they may keep between lints (:class:`LintCache`).

This module sits below both the rules and the engine: rules read a view, the engine builds it,
and neither needs to import the other.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .analysis import ParagraphFacts
from .config import DocType
from .model import Paragraph
from .outline import OutlineResult, build_outline

#: Set (by the test suite) to rebuild the outline on every reuse and fail if the reused one differs:
#: a change to the outline pass that reads a feature :func:`outline_key` leaves out is caught at once.
VERIFY_REUSE = os.environ.get("REPORTLINT_VERIFY_OUTLINE_REUSE") == "1"


class StaleOutlineError(AssertionError):
    """The reused outline differs from a fresh one: :func:`outline_key` misses something the pass reads."""


#: A paragraph longer than this, with no heading and not a short line, is body text to the outline
#: pass: only a few features of it are read (see :func:`outline_key`).  Every shorter one is read whole
#: (attachment and glossary starts are at most 48 characters, standalone headings at most 60).
_BODY_MIN = 60


def outline_key(p: Paragraph, f: ParagraphFacts) -> object:
    """Everything :func:`~linting.outline.build_outline` may read from paragraph ``p`` (facts ``f``).

    Two documents with equal keys at every position (and the same title index) get the same
    outline, so the outline of the last lint is reused when typing changes only body text.
    Headings, short lines and anything with a Word outline level or list number count whole.  Of a
    long body paragraph the pass reads only: whether it is empty, its first characters (``附件：``,
    an opening ``“``, a digit that continues an attachment list), its last character (a colon
    introducing a list, an item's end), whether it holds a closing ``”``, its quotation excess and
    its length against the pass's thresholds (4 and 40 characters).
    """
    text = p.text
    if f.heading is not None or f.short_line or len(text) <= _BODY_MIN or p.outline_level is not None or p.auto_number:
        return (p, f)
    right = text.rstrip()
    return (
        p.in_table,
        f.quotes,
        bool(f.length),
        f.length >= 4,
        f.length >= 40,
        bool(text.strip()),
        text.lstrip(" \t\u3000")[:3],
        text.lstrip()[:3],
        right[-1:],
        len(right) >= 4,
        "”" in text,
    )


@dataclass
class LintCache:
    """Per-linter results that document rules keep across lints, keyed by the (immutable) paragraph."""

    #: missing-section: which section cues a paragraph holds, keyed by (paragraph, section name).
    cues: dict[tuple[Paragraph, str], frozenset[str]] = field(default_factory=dict)
    #: The last outline built, with the document it holds for: (paragraphs, facts, title index, outline).
    last_outline: tuple[tuple[Paragraph, ...], list[ParagraphFacts], int | None, OutlineResult] | None = None

    def trim(self, live: set[Paragraph]) -> None:
        """Forget entries for paragraphs no longer in ``live``."""
        self.cues = {k: v for k, v in self.cues.items() if k[0] in live}

    def outline(
        self, paragraphs: Sequence[Paragraph], facts: list[ParagraphFacts], title_index: int | None
    ) -> OutlineResult:
        """The outline of the document: the last one when no paragraph changed what the pass reads.

        Paragraphs are compared position by position with the last document; only those that are
        not the same object are looked at (:func:`outline_key`), so a full lint pays nothing for
        this and a re-lint after typing compares one paragraph.  The result is shared between
        lints: callers must not change it.
        """
        last = self.last_outline
        if last is not None and last[2] == title_index and _same_outline_input(last[0], last[1], paragraphs, facts):
            result = last[3]
            if VERIFY_REUSE:
                fresh = build_outline(list(paragraphs), facts, title_index)
                if fresh != result:
                    raise StaleOutlineError("outline_key misses a feature the outline pass reads")
        else:
            result = build_outline(list(paragraphs), facts, title_index)
        self.last_outline = (tuple(paragraphs), list(facts), title_index, result)
        return result


def _same_outline_input(
    old: Sequence[Paragraph], old_facts: list[ParagraphFacts], new: Sequence[Paragraph], new_facts: list[ParagraphFacts]
) -> bool:
    """Does the outline pass read the same from ``new`` as from ``old`` (paragraph by paragraph)?"""
    if len(old) != len(new):
        return False
    for i, (a, b) in enumerate(zip(old, new)):
        if a is not b and outline_key(a, old_facts[i]) != outline_key(b, new_facts[i]):
            return False
    return True


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
        """The heading tree and its issues (shared with the linter's cache: read, never change it)."""
        return self.cache.outline(self.paragraphs, self.facts, self.title_index)
