"""The document model and the result types shared by every part of ReportLint.

A document is a flat list of :class:`Paragraph`.  For a .txt file each line is
one paragraph; for a .docx file the reader yields the body paragraphs in
document order with each table's cell paragraphs (row by row) at the table's
place.  Everything the linter needs to know about a paragraph is in the
paragraph itself, so a paragraph can be cached and re-checked on its own.

Offsets everywhere are Python code points into ``Paragraph.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, overload

from .rule_ids import ALL as _RULE_IDS

#: Character used in paragraph text for an embedded object (image, chart,
#: text box, footnote reference): the user sees where it is, rules skip it.
OBJECT_CHAR = "\ufffc"


class Severity(StrEnum):
    """How serious a problem is.  Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Applicability(StrEnum):
    """Whether a fix may be applied without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as the linter sees it.

    ``auto_number`` is the list label Word renders in front of the text
    (``"一、"``, ``"（一）"``) when the number comes from list numbering and is
    not part of ``text``.  ``outline_level`` is 0 for a title, 1–9 for a
    heading level known from the file (paragraph or style outline level,
    heading style), ``None`` when the file says nothing.  ``in_table`` marks
    paragraphs that live in a table cell; ``read_only`` marks paragraphs whose
    text must not be rewritten by fixes (field results, tracked changes).
    """

    text: str
    style: str | None = None
    outline_level: int | None = None
    auto_number: str | None = None
    in_table: bool = False
    read_only: bool = False
    #: Code-point spans ``(start, end)`` of text Word computes or that belongs to a
    #: revision (field results, tracked insertions): shown read-only, never rewritten.
    locked: tuple[tuple[int, int], ...] = ()
    #: The kind of each ``OBJECT_CHAR`` in ``text``, in order: "image", "chart",
    #: "textbox", "footnote", "endnote", "equation" or "object" (empty: unknown).
    objects: tuple[str, ...] = ()
    _hash: int = field(default=0, init=False, compare=False, repr=False)
    #: Display only: the horizontal alignment the file gives the paragraph ("left", "center",
    #: "right", "justify"; None when the file says nothing, e.g. a .txt).  Read-only for the
    #: editor's view: no rule reads it, saving never writes it, and it is not part of equality
    #: or the hash (so lint caches and results are the same whatever it is).
    alignment: str | None = field(default=None, compare=False)
    #: Display only, like ``alignment``: where a table paragraph sits in its table, as
    #: ``(table, row, column, row_span, column_span)`` on Word's grid (``table`` counts the
    #: document's outermost tables from 0; a nested table's paragraphs belong to the outer cell;
    #: a vMerge/gridSpan cell carries its spans).  None outside tables and for a .txt.
    table_cell: tuple[int, int, int, int, int] | None = field(default=None, compare=False)
    #: Editing only, like ``alignment``: ``(style name, outline level)`` of the paragraph Word makes
    #: when Enter is pressed at this paragraph's end, when that differs from this paragraph's own
    #: (the style's ``w:next``, e.g. 标题 1 → 正文: the new paragraph carries none of this one's
    #: direct formatting); None when Word keeps the style (no ``w:next``; a .txt).
    next_style: tuple[str | None, int | None] | None = field(default=None, compare=False)
    #: Display only, like ``table_cell``: the widths of the grid columns of this paragraph's table, as
    #: fractions of the table width (summing to 1), from ``w:tblGrid/w:gridCol`` or else a row's ``w:tcW``.
    #: Every paragraph of a table shares one tuple.  None outside tables, for a .txt, or when the file
    #: gives no usable widths.  Not part of equality or the hash; no rule reads it; saving never writes it.
    column_widths: tuple[float, ...] | None = field(default=None, compare=False)

    def __hash__(self) -> int:
        # Paragraphs are cache keys on every lint: hash once (0 means "not yet computed").
        h = self._hash
        if not h:
            h = hash(self._fields()) or 1
            object.__setattr__(self, "_hash", h)
        return h

    def __reduce__(self) -> tuple[object, ...]:
        # Never carry the cached hash to another process: str hashes differ per process.
        return (Paragraph, (*self._fields(), self.alignment, self.table_cell, self.next_style, self.column_widths))

    def _fields(self) -> tuple[object, ...]:
        """Every field but the cached hash, in declaration order (the hash key and the pickled form)."""
        return (
            self.text,
            self.style,
            self.outline_level,
            self.auto_number,
            self.in_table,
            self.read_only,
            self.locked,
            self.objects,
        )


class AfterEnd(int):
    """A ``sources`` entry (see :func:`linting.io.save_document`) for the part of a split made by
    Enter at the *end* of paragraph ``int(entry)``: it continues that paragraph like a plain index
    (a split), but its new paragraph is formatted as Word formats the paragraph after Enter at
    the end — the style's ``w:next`` style (标题 1 → 正文) without the paragraph's direct
    formatting; a style without ``w:next`` keeps everything, as a plain split part does.
    Anything that reads ``sources`` as ints sees the index."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"AfterEnd({int(self)})"


class Edit(NamedTuple):
    """Replace ``text[start:end]`` of paragraph ``paragraph`` by ``replacement``.

    A named tuple, so creating one is cheap: a long converted draft carries tens of thousands
    (every half-width comma is an edit).  In a paragraph rule's :class:`Finding` ``paragraph`` is
    :data:`THIS_PARAGRAPH`: the rule does not know where its paragraph is (its findings are cached
    per paragraph text), and the engine places the edits (:meth:`Fix.in_paragraph`).
    """

    paragraph: int
    start: int
    end: int
    replacement: str


#: ``Edit.paragraph`` of an edit in a paragraph rule's finding: "the finding's own paragraph".
THIS_PARAGRAPH = -1

_tuple_new = tuple.__new__


def _placed(
    paragraph: int, starts: Iterable[int], ends: Iterable[int], replacements: Iterable[str]
) -> tuple[Edit, ...]:
    """Edits built in C loops (no Python call per edit)."""
    return tuple(map(_tuple_new, repeat(Edit), zip(repeat(paragraph), starts, ends, replacements)))


class LocalEdits(Sequence[Edit]):
    """Edits in a paragraph rule's own paragraph, kept as three columns; read, they are :class:`Edit`.

    A converted draft has tens of thousands (every half-width comma is one), made on every full
    lint and kept in the per-paragraph cache.  As columns (plain tuples, which the garbage collector
    stops tracking) they cost no more than the spans they are; as objects the collector would walk
    every one of them at each collection.  Each reads with ``paragraph`` :data:`THIS_PARAGRAPH`;
    :meth:`placed` gives them in a paragraph.  Immutable.
    """

    __slots__ = ("_columns",)

    def __init__(self, starts: Iterable[int], ends: Iterable[int], replacements: Iterable[str]) -> None:
        self._columns: tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]] = (
            tuple(starts),
            tuple(ends),
            tuple(replacements),
        )
        if not len(self._columns[0]) == len(self._columns[1]) == len(self._columns[2]):
            raise ValueError("local edits: starts, ends and replacements differ in length")

    def placed(self, paragraph: int) -> tuple[Edit, ...]:
        """The edits in paragraph ``paragraph``."""
        return _placed(paragraph, *self._columns)

    def __len__(self) -> int:
        return len(self._columns[0])

    @overload
    def __getitem__(self, k: int) -> Edit: ...

    @overload
    def __getitem__(self, k: slice) -> tuple[Edit, ...]: ...

    def __getitem__(self, k: int | slice) -> Edit | tuple[Edit, ...]:
        if isinstance(k, slice):
            return self.placed(THIS_PARAGRAPH)[k]
        starts, ends, replacements = self._columns
        return Edit(THIS_PARAGRAPH, starts[k], ends[k], replacements[k])

    def __iter__(self) -> Iterator[Edit]:
        return iter(self.placed(THIS_PARAGRAPH))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalEdits):
            return self._columns == other._columns
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self.placed(THIS_PARAGRAPH))

    def __repr__(self) -> str:
        return f"LocalEdits({list(self)!r})"


def local_edits(starts: Iterable[int], ends: Iterable[int], replacements: Iterable[str]) -> LocalEdits:
    """Edits in the finding's own paragraph (:data:`THIS_PARAGRAPH`), as columns (see :class:`LocalEdits`)."""
    return LocalEdits(starts, ends, replacements)


class Fix:
    """A fix is data: edits applied together as one undo step, with an applicability.

    A fix from a paragraph rule (:meth:`in_paragraph`) places its edits in its paragraph when first
    asked: most fixes are never applied, and a long converted draft can carry tens of thousands of
    edits.  Immutable.
    """

    __slots__ = ("_edits", "_local", "_paragraph", "applicability", "description")

    def __init__(self, edits: Iterable[Edit], applicability: Applicability, description: str) -> None:
        self._edits: tuple[Edit, ...] = tuple(edits)
        #: A paragraph rule's edits, still to be placed in paragraph ``_paragraph``.
        self._local: Sequence[Edit] | None = None
        self._paragraph = -1
        self.applicability = applicability
        self.description = description

    @classmethod
    def in_paragraph(cls, paragraph: int, edits: Sequence[Edit], applicability: Applicability, description: str) -> Fix:
        """A fix whose edits all lie in ``paragraph`` (their own ``paragraph`` is not looked at)."""
        fix = cls((), applicability, description)
        fix._local = edits
        fix._paragraph = paragraph
        return fix

    @property
    def edits(self) -> tuple[Edit, ...]:
        local = self._local
        if local is not None:
            if isinstance(local, LocalEdits):
                self._edits = local.placed(self._paragraph)
            elif local:
                _, starts, ends, replacements = zip(*local)
                self._edits = _placed(self._paragraph, starts, ends, replacements)
            self._local = None
        return self._edits

    def _key(self) -> tuple[object, ...]:
        return (self.edits, self.applicability, self.description)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Fix) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Fix(edits={self.edits!r}, applicability={self.applicability!r}, description={self.description!r})"

    def to_json(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "edits": [
                {"paragraph": e.paragraph, "start": e.start, "end": e.end, "replacement": e.replacement}
                for e in self.edits
            ],
        }


class _FindingFields(NamedTuple):
    start: int
    end: int
    message: str
    edits: Sequence[Edit] = ()
    applicability: Applicability = Applicability.UNSAFE
    fix_description: str = ""
    rule: str | None = None
    paragraph: int | None = None
    shown: str = ""


class Finding(_FindingFields):
    """What a rule or a pass found; the engine turns it into a :class:`Problem` (one path for all).

    * ``start``/``end``: the span in the paragraph's text; ``message``: what is wrong.
    * ``edits``/``applicability``/``fix_description``: the fix, if any.  A paragraph rule's edits
      lie in its own paragraph (:data:`THIS_PARAGRAPH`; many of them: :func:`local_edits`); a
      pass's edits name theirs (a renumbering reaches the siblings after the finding).
    * ``rule``: the id, for a pass that emits several (the outline pass, the series pass); checked
      against :data:`linting.rule_ids.ALL`, so a typo fails loudly.  ``None``: the reporting rule's.
    * ``paragraph``: where the finding is; ``None`` for a paragraph rule, which does not know its
      index (its findings are cached per paragraph text), set by document rules and passes.
    * ``shown``: the excerpt for an empty span (a Word auto-number, which is not in the text).

    A named tuple (immutable, and cheap: paragraph rules create thousands on every full lint).
    """

    __slots__ = ()

    def __new__(
        cls,
        start: int,
        end: int,
        message: str,
        edits: Sequence[Edit] = (),
        applicability: Applicability = Applicability.UNSAFE,
        fix_description: str = "",
        *,
        rule: str | None = None,
        paragraph: int | None = None,
        shown: str = "",
    ) -> Finding:
        if rule is not None and rule not in _RULE_IDS:
            raise ValueError(f"undeclared rule id {rule!r}")
        return _tuple_new(cls, (start, end, message, edits, applicability, fix_description, rule, paragraph, shown))


def check_rule_ids(findings: Iterable[Finding], declared: frozenset[str], source: str) -> None:
    """Refuse a finding of ``source`` (a pass) whose ``rule`` is not among the ids it ``declared``."""
    stray = {f.rule for f in findings} - declared
    if stray:
        raise ValueError(f"{source}: undeclared rule id {sorted(map(str, stray))[0]!r}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: what is wrong, where, and (maybe) how to fix it."""

    rule: str
    severity: Severity
    paragraph: int
    start: int
    end: int
    excerpt: str
    message: str
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, int, str]:
        return (self.paragraph, self.start, self.end, self.rule)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "fix": self.fix.to_json() if self.fix else None,
        }


@dataclass(slots=True)
class TextFormat:
    """How a .txt file was stored, so a save writes it back the same way."""

    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    final_newline: bool = True


@dataclass(slots=True)
class Document:
    """A loaded document: its paragraphs plus what is needed to save it back."""

    paragraphs: list[Paragraph]
    path: Path | None = None
    kind: str = "txt"  # "txt" or "docx"
    text_format: TextFormat | None = None
    #: For .docx: the reader's handle on the original package (see linting.io.docx).
    source: Any = None
    #: Read-only extra text (headers, footers, footnotes, text boxes) for display.
    extra: dict[str, list[str]] = field(default_factory=dict)

    @property
    def encoding(self) -> str | None:
        if self.kind == "docx":
            return None
        if self.text_format is None:
            return None
        enc = self.text_format.encoding
        # The name a reader of the JSON can pass to a decoder: a BOM'd UTF-8 file is "utf-8-sig".
        return "utf-8-sig" if self.text_format.bom and enc.replace("_", "-").lower() in ("utf-8", "utf8") else enc

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]
