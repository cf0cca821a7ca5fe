"""The document view: one QTextEdit block per paragraph, with its source identity.

Each block carries, as block-format properties, the index of the paragraph it
came from (``set_document``'s list), so that splits (Enter), merges (Backspace
at a block start) and undo/redo keep the identity right without guessing from
texts.  A Python list of :class:`~linting.model.Paragraph` mirrors the blocks and
is updated from ``QTextDocument.contentsChange`` for the changed blocks only, so
``paragraphs()`` is a list copy even on a 20,000-paragraph report.

Offsets: the API speaks code points (like ``linting``); Qt speaks UTF-16.  The
conversion happens only in :mod:`ui.positions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPyTextObject,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLayout,
    QTextLength,
    QTextTable,
    QTextTableFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from linting.analysis import analyze
from linting.engine import find_title
from linting.markers import find_marker, parse_auto_number
from linting.model import OBJECT_CHAR, AfterEnd, Applicability, Edit, Paragraph, Problem, Severity

from .fonts import families_for, font_for
from .positions import OffsetMap, cp_to_utf16, utf16_len, utf16_to_cp

__all__ = ["DocumentEditor"]

# Block-format properties
P_SOURCE = QTextFormat.Property.UserProperty + 1  # int: index in set_document's list, -1 = new paragraph
P_ROLE = QTextFormat.Property.UserProperty + 2  # str: "title", "h1", "h2", "body", "table"
P_READONLY = QTextFormat.Property.UserProperty + 3  # bool
P_GRID = QTextFormat.Property.UserProperty + 4  # bool: a cell paragraph of a table shown as a grid (QTextTable)
P_LEAD = QTextFormat.Property.UserProperty + 5  # bool: the block Qt keeps before a table that starts the document
P_AFTER_END = QTextFormat.Property.UserProperty + 6  # bool: made by Enter at its source's end, in the next style
# Char-format properties
P_LOCKED = QTextFormat.Property.UserProperty + 10  # bool: text Word computes (field result, TOC, revision)
P_KIND = QTextFormat.Property.UserProperty + 11  # str: the object kind of a U+FFFC
P_CHAR_ROLE = QTextFormat.Property.UserProperty + 12  # str: the face role of these characters
OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject + 1

_LINE_SEP = "\u2028"
_FRAME_MARKS = ("\ufdd0", "\ufdd1")  # QTextBeginningOfFrame / QTextEndOfFrame in selectedText()
# Left/centre/right/justify, without AlignAbsolute (which the layout adds for a left-to-right block)
_H_ALIGN = Qt.AlignmentFlag.AlignHorizontal_Mask & ~Qt.AlignmentFlag.AlignAbsolute
_GREY = QColor("#8a8a8a")
_TABLE_BG = QColor("#eef3f8")
_TABLE_GRID = QColor("#b8c7d9")
_TABLE_PAD = 3  # px: space above/below a table, and between a cell's frame and its text
_SEVERITY_COLOURS = {
    Severity.ERROR: QColor("#d32f2f"),
    Severity.WARNING: QColor("#ef8c00"),
    Severity.INFO: QColor("#1e6fd9"),
}

# Word's 字数: every CJK character (and full-width punctuation) counts one, every other word counts one.
_CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffef\U00020000-\U0003134f"
_RE_WORDCOUNT = re.compile(f"[{_CJK}]|[^\\s{_CJK}\ufffc\u3000]+")

_HEADING_STYLES = frozenset({"part", "chapter", "section", "cn", "cn-paren"})
_BASE_POINT_SIZE = 12.0
_MIN_POINT_SIZE = 6.0
_MAX_POINT_SIZE = 48.0
# From this many edits in one paragraph, apply_edits replaces the span they cover in one operation.
_BATCH_MIN_EDITS = 3
# A table larger than this is shown as one framed column (a QTextTable lays out whole).
_MAX_GRID_COLUMNS = 63
_MAX_GRID_CELLS = 20_000


@dataclass(slots=True)
class _GridPlan:
    """A table shown as a QTextTable: paragraphs ``start`` to ``end`` (exclusive) on a ``rows`` × ``cols`` grid."""

    start: int
    end: int
    rows: int
    cols: int
    #: Per paragraph of the table (``start`` on): its cell (row, column), or None when it
    #: continues the cell of the paragraph before.
    cells: list[tuple[int, int] | None]
    #: Merged cells: (row, column, row span, column span).
    merges: list[tuple[int, int, int, int]]
    #: Each column's share of the table width (the file's ``Paragraph.column_widths``); None: equal columns.
    widths: tuple[float, ...] | None = None


def _plan_grids(paragraphs: Sequence[Paragraph]) -> dict[int, _GridPlan]:
    """Which tables can be shown as real grids, keyed by their first paragraph.

    A table is a run of paragraphs with the same ``table_cell`` table number.  It becomes a
    grid when its cells tile the grid exactly, in reading order, and a paragraph that is not
    in a grid comes right after it and (unless the table starts the document) right before
    it: a QTextTable always has a block before and after it, and every block must be one
    paragraph.  The one exception is the hidden "lead" block Qt keeps before a table that
    starts the document (see ``DocumentEditor._lead``).  Any other table is shown as one
    framed column, as before.
    """
    plans: dict[int, _GridPlan] = {}
    n = len(paragraphs)
    i = 0
    last_grid_end = -1
    while i < n:
        cell = paragraphs[i].table_cell
        if not paragraphs[i].in_table or cell is None:
            i += 1
            continue
        table = cell[0]
        j = i
        while j < n and paragraphs[j].in_table and (c := paragraphs[j].table_cell) is not None and c[0] == table:
            j += 1
        plan = _grid_plan(paragraphs, i, j)
        if plan is not None and j < n and (i == 0 or last_grid_end != i) and not paragraphs[j].in_table:
            plans[i] = plan
            last_grid_end = j
        i = j
    return plans


def _grid_plan(paragraphs: Sequence[Paragraph], start: int, end: int) -> _GridPlan | None:
    """The grid of paragraphs ``start:end`` (one table), or None if its cells don't tile a grid in order."""
    cells: list[tuple[int, int] | None] = []
    merges: list[tuple[int, int, int, int]] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    prev: tuple[int, int] | None = None
    for k in range(start, end):
        c = paragraphs[k].table_cell
        assert c is not None
        _t, row, col, rs, cs = c
        if (row, col) == prev:
            if spans[prev] != (rs, cs):
                return None
            cells.append(None)
            continue
        if prev is not None and (row, col) <= prev or rs < 1 or cs < 1 or row < 0 or col < 0:
            return None  # not in reading order
        spans[(row, col)] = (rs, cs)
        cells.append((row, col))
        if rs > 1 or cs > 1:
            merges.append((row, col, rs, cs))
        prev = (row, col)
    rows = max(r + rs for (r, _c), (rs, _cs) in spans.items())
    cols = max(c + cs for (_r, c), (_rs, cs) in spans.items())
    if cols > _MAX_GRID_COLUMNS or rows * cols > _MAX_GRID_CELLS:
        return None
    covered = [[False] * cols for _ in range(rows)]
    for (top, left), (rs, cs) in spans.items():
        for rr in range(top, top + rs):
            for cc in range(left, left + cs):
                if covered[rr][cc]:
                    return None
                covered[rr][cc] = True
    if not all(all(row) for row in covered):
        return None
    widths = paragraphs[start].column_widths
    return _GridPlan(start, end, rows, cols, cells, merges, widths if widths and len(widths) == cols else None)


def _count_words(text: str) -> int:
    return len(_RE_WORDCOUNT.findall(text))


def _normalize_spans(spans: Sequence[tuple[int, int]], length: int) -> tuple[tuple[int, int], ...]:
    """Sorted, clamped, merged (overlapping or touching) spans; empty ones dropped."""
    out: list[list[int]] = []
    for s, e in sorted((max(0, s), min(length, e)) for s, e in spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


class _ObjectMarks(QPyTextObject):
    """Draws a U+FFFC object as a small grey ``[图片]``-style mark."""

    def __init__(self, editor: DocumentEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def _font(self, doc: QTextDocument) -> QFont:
        f = QFont(doc.defaultFont())
        f.setPointSizeF(max(_MIN_POINT_SIZE, f.pointSizeF() * 0.8))
        return f

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802 (Qt API)
        fm = QFontMetricsF(self._font(doc))
        text = self._editor.object_label(fmt.stringProperty(P_KIND))
        return QSizeF(fm.horizontalAdvance(text) + 4, fm.height())

    def drawObject(  # noqa: N802 (Qt API)
        self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int, fmt: QTextFormat
    ) -> None:
        painter.save()
        painter.setFont(self._font(doc))
        painter.setPen(_GREY)
        box = QRectF(rect)
        painter.drawRect(box.adjusted(0.5, 1.5, -0.5, -0.5))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self._editor.object_label(fmt.stringProperty(P_KIND)))
        painter.restore()


class DocumentEditor(QTextEdit):
    """The document view of the editor window (see the module docstring)."""

    edited = Signal()
    cursorParagraphChanged = Signal(int)  # noqa: N815 (Qt naming)
    statusMessage = Signal(str)  # noqa: N815
    problemActionRequested = Signal(object, str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(True)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        doc = self.document()
        doc.setDocumentMargin(12)
        self._zoom_steps = 0
        self._base_point_size = _BASE_POINT_SIZE
        self._apply_default_font()
        self._meta: list[Paragraph] = []  # the paragraphs given to set_document (their metadata)
        self._paras: list[Paragraph] = []  # mirror of the blocks
        self._srcs: list[int | None] = []
        self._counts: list[int | None] = []
        self._any_special = False  # any locked span, object or read-only paragraph ever shown
        self._has_labels = False  # any auto-number label to paint
        self._has_tables = False  # any table cell to frame
        self._grid_count = 0  # tables shown as QTextTable grids
        self._lead = 0  # hidden blocks before the first paragraph (1: the document starts with a grid)
        self._building = False
        self._revision = 0
        self._current_paragraph = 0
        self._preedit = False
        self._problems: dict[int, list[Problem]] = {}
        self._underline_cache: dict[tuple[int, int], list[QTextEdit.ExtraSelection]] = {}
        self._char_formats: dict[tuple[str, bool, bool], QTextCharFormat] = {}
        self._object_formats: dict[tuple[str, str, bool], QTextCharFormat] = {}
        self._label_width = 0.0
        self._title_block = QTextBlock()  # the block shown as the title (invalid: none)
        self._title_known = False  # set_title has named the title since set_document
        self._objects = _ObjectMarks(self)
        doc.documentLayout().registerHandler(OBJECT_TYPE, self._objects)
        doc.contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self._underline_timer = QTimer(self)
        self._underline_timer.setSingleShot(True)
        self._underline_timer.setInterval(0)
        self._underline_timer.timeout.connect(self._refresh_underlines)
        self.verticalScrollBar().valueChanged.connect(self._schedule_underlines)
        self.horizontalScrollBar().valueChanged.connect(self._schedule_underlines)
        self._find_bar: QWidget | None = None
        self.set_document([])

    # ------------------------------------------------------------------ formats

    def _apply_default_font(self) -> None:
        size = max(_MIN_POINT_SIZE, min(_MAX_POINT_SIZE, self._base_point_size + self._zoom_steps))
        self.document().setDefaultFont(font_for("body", size))
        if hasattr(self, "_meta"):
            self._update_label_width()

    def _char_format(self, role: str, locked: bool = False, grey: bool = False) -> QTextCharFormat:
        key = (role, locked, grey)
        fmt = self._char_formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setFontFamilies(families_for(role))
            if font_for(role, _BASE_POINT_SIZE).bold():
                fmt.setFontWeight(QFont.Weight.Bold)
            if role == "title":
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
            fmt.setProperty(P_CHAR_ROLE, role)
            if locked or grey:
                fmt.setForeground(_GREY)
            if locked:
                fmt.setProperty(P_LOCKED, True)
            self._char_formats[key] = fmt
        return fmt

    def _overlay_format(self, role: str) -> QTextCharFormat:
        """A role's face as a layout (display-only) format: it sets weight and size outright, so it
        also undoes the face underneath (a former title or heading shown as body text)."""
        key = ("overlay:" + role, False, False)
        fmt = self._char_formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat(self._char_format(role))
            fmt.setFontWeight(QFont.Weight.Bold if font_for(role, _BASE_POINT_SIZE).bold() else QFont.Weight.Normal)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1 if role == "title" else 0)
            self._char_formats[key] = fmt
        return fmt

    def _object_format(self, role: str, kind: str, locked: bool) -> QTextCharFormat:
        key = (role, kind, locked)
        fmt = self._object_formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat(self._char_format(role, locked, True))
            fmt.setObjectType(OBJECT_TYPE)
            fmt.setProperty(P_KIND, kind)
            self._object_formats[key] = fmt
        return fmt

    def object_label(self, kind: str) -> str:
        """The mark shown for an object of ``kind`` (unknown kinds show as 对象)."""
        labels = {
            "image": self.tr("[图片]"),
            "chart": self.tr("[图表]"),
            "textbox": self.tr("[文本框]"),
            "footnote": self.tr("[脚注]"),
            "endnote": self.tr("[尾注]"),
            "equation": self.tr("[公式]"),
        }
        return labels.get(kind, self.tr("[对象]"))

    @classmethod
    def _role(cls, p: Paragraph, is_title: bool) -> str:
        return cls._role_span(p, is_title)[0]

    @staticmethod
    def _role_span(p: Paragraph, is_title: bool) -> tuple[str, int | None]:
        """The paragraph's face role and where the heading face ends (None: the whole paragraph).

        A numbered heading followed by body text in the same paragraph
        (``（一）加强领导。一是……``) shows only the heading part in the heading face.
        """
        if p.in_table:
            return "table", None
        if p.outline_level == 0 or is_title:  # the title whatever its style (a Title style may carry level 1)
            return "title", None
        if p.outline_level == 1:
            return "h1", None
        if p.outline_level == 2:
            return "h2", None
        if p.outline_level is not None:
            return "body", None
        # find_marker is a cheap first look; analyze() confirms the marker is a heading.
        quick = parse_auto_number(p.auto_number) if p.auto_number else find_marker(p.text)
        if quick is None or quick.style not in _HEADING_STYLES:
            return "body", None
        heading = analyze(p).heading
        if heading is None or heading.marker is None:
            return "body", None
        style = heading.marker.style
        role = "h1" if style in ("part", "chapter", "section", "cn") else "h2" if style == "cn-paren" else "body"
        if role == "body" or heading.standalone:
            return role, None
        return role, heading.title_end

    def _block_format(
        self,
        source: int | None,
        p: Paragraph,
        role: str,
        table_start: bool = True,
        table_end: bool = True,
        grid: bool = False,
    ) -> QTextBlockFormat:
        """Block format of a paragraph; ``table_start``/``table_end``: a table cell is the first/last in its run.

        Cells of one table shown as a column touch (no gap between them); their
        background and grid are painted by :meth:`paintEvent`.  ``grid``: the
        paragraph is in a cell of a table shown as a QTextTable (it draws its own grid).
        """
        bf = QTextBlockFormat()
        bf.setProperty(P_SOURCE, -1 if source is None else source)
        bf.setProperty(P_ROLE, role)
        if grid:
            bf.setProperty(P_GRID, True)
            bf.setBottomMargin(2)
            bf.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if p.read_only:
                bf.setProperty(P_READONLY, True)
            if p.auto_number:
                bf.setIndent(1)
            bf.setAlignment(self._alignment_for(p, role))
            return bf
        if p.in_table:
            bf.setTopMargin(2 * _TABLE_PAD if table_start else _TABLE_PAD)  # inside the cell: _TABLE_PAD
            bf.setBottomMargin(4 + _TABLE_PAD if table_end else 0)
        else:
            bf.setBottomMargin(4)
        bf.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if p.read_only:
            bf.setProperty(P_READONLY, True)
        indent = (1 if p.auto_number else 0) + (1 if p.in_table else 0)
        if indent:
            bf.setIndent(indent)
        bf.setAlignment(self._alignment_for(p, role))
        return bf

    @staticmethod
    def _alignment_for(p: Paragraph, role: str) -> Qt.AlignmentFlag:
        """How the paragraph is aligned on screen: a title centred, else as the file says (centre/right)."""
        if role == "title" or p.alignment == "center":
            return Qt.AlignmentFlag.AlignHCenter
        if p.alignment == "right":
            return Qt.AlignmentFlag.AlignRight
        return Qt.AlignmentFlag.AlignLeft

    def _new_block_format(self) -> QTextBlockFormat:
        """Block format of a pasted (new) paragraph."""
        return self._block_format(None, Paragraph(""), "body")

    def _insert_format(self, block: QTextBlock, pos: int | None = None) -> QTextCharFormat:
        """Char format for text typed at document position ``pos`` of ``block``: never locked or grey.

        The face is the one of the character before (a heading's title part or its
        body text), else the block's role.
        """
        role = ""
        if pos is not None and block.length() > 1:
            probe = QTextCursor(self.document())
            probe.setPosition(pos)
            role = probe.charFormat().stringProperty(P_CHAR_ROLE)
        return self._char_format(role or block.blockFormat().stringProperty(P_ROLE) or "body")

    def _update_label_width(self) -> None:
        doc = self.document()
        size = doc.defaultFont().pointSizeF()
        labels = {
            (self._role(p, False) if not p.in_table else "table", p.auto_number) for p in self._meta if p.auto_number
        }
        width = QFontMetricsF(doc.defaultFont()).horizontalAdvance("中") * 2
        for role, label in labels:
            fm = QFontMetricsF(font_for(role, size))
            width = max(width, fm.horizontalAdvance(label or "") + fm.horizontalAdvance("中") * 0.5)
        self._label_width = width
        doc.setIndentWidth(width)

    # ------------------------------------------------------------------ content

    def set_document(self, paragraphs: Sequence[Paragraph]) -> None:
        """Replace all content.  Block ``i`` has source identity ``i``; undo is cleared; not modified."""
        doc = self.document()
        paragraphs = list(paragraphs)
        self._building = True
        doc.blockSignals(True)
        self.setUpdatesEnabled(False)
        try:
            doc.setUndoRedoEnabled(False)
            doc.clear()
            self._meta = paragraphs
            head = paragraphs[:30]
            title = find_title(head, [analyze(p) for p in head]) if head else None
            grids = _plan_grids(paragraphs)
            in_grid = [False] * len(paragraphs)
            for g in grids.values():
                in_grid[g.start : g.end] = [True] * (g.end - g.start)
            cursor = QTextCursor(doc)
            edit_block = QTextCursor(cursor)  # the one edit block (the cursor below moves into tables)
            edit_block.beginEditBlock()
            paras: list[Paragraph] = []
            any_special = False
            table: QTextTable | None = None
            plan: _GridPlan | None = None
            for i, p in enumerate(paragraphs):
                role, head_end = self._role_span(p, i == title)
                bf = self._block_format(
                    i,
                    p,
                    role,
                    table_start=not (i and paragraphs[i - 1].in_table and not in_grid[i - 1]),
                    table_end=not (i + 1 < len(paragraphs) and paragraphs[i + 1].in_table and not in_grid[i + 1]),
                    grid=in_grid[i],
                )
                plain = self._char_format(role, False, p.read_only)
                if i in grids:
                    plan = grids[i]
                    table = self._insert_grid(cursor, plan)
                cell = plan.cells[i - plan.start] if plan is not None and table is not None and in_grid[i] else None
                if cell is not None and table is not None:
                    # the first paragraph of a cell goes into the cell's own (first) block
                    cursor = table.cellAt(*cell).firstCursorPosition()
                    cursor.setBlockFormat(bf)
                    cursor.mergeBlockCharFormat(plain)  # merge: the cell's spans live in this format
                elif plan is not None and table is not None and i == plan.end:
                    # the paragraph after a grid goes into the block the table keeps after it
                    cursor = QTextCursor(doc)
                    cursor.setPosition(table.lastPosition() + 1)
                    cursor.setBlockFormat(bf)
                    cursor.setBlockCharFormat(plain)
                    plan = table = None
                elif i:
                    cursor.insertBlock(bf, plain)
                else:
                    cursor.setBlockFormat(bf)
                    cursor.setBlockCharFormat(plain)
                text = p.text
                if "\r" in text or "\u2029" in text or _LINE_SEP in text:
                    text = (
                        text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n").replace(_LINE_SEP, "\n")
                    )
                locked = _normalize_spans(p.locked, len(text))
                if head_end is not None and not 0 < head_end < len(text):
                    head_end = None
                if not locked and OBJECT_CHAR not in text:
                    if head_end is None:
                        cursor.insertText(text.replace("\n", _LINE_SEP), plain)
                    else:
                        cursor.insertText(text[:head_end].replace("\n", _LINE_SEP), plain)
                        cursor.insertText(
                            text[head_end:].replace("\n", _LINE_SEP), self._char_format("body", False, p.read_only)
                        )
                else:
                    any_special = True
                    self._insert_special(cursor, text, role, p, locked, head_end)
                if p.read_only:
                    any_special = True
                paras.append(p)  # re-read from the block below if the view had to normalise it
            edit_block.endEditBlock()
            self._any_special = any_special
            self._has_labels = any(p.auto_number for p in paragraphs)
            self._has_tables = any(p.in_table and not g for p, g in zip(paragraphs, in_grid, strict=True))
            self._grid_count = len(grids)
            self._paras = paras
            self._srcs = list(range(len(paragraphs)))
            self._counts = [None] * len(paragraphs)
            self._lead = 0
            if 0 in grids:
                lead = QTextCursor(doc.firstBlock())
                fmt = self._new_block_format()
                fmt.setProperty(P_LEAD, True)
                lead.setBlockFormat(fmt)
                self._set_lead(1)
            if not paragraphs:
                self._paras, self._srcs, self._counts = [Paragraph("")], [None], [None]
                cursor = QTextCursor(doc)
                cursor.setBlockFormat(self._new_block_format())
            else:
                # Paragraphs whose text the view had to normalise are re-read from their block.
                block = doc.findBlockByNumber(self._lead)
                for i, p in enumerate(paragraphs):
                    if self._needs_reread(p):
                        self._paras[i] = self._paragraph_from_block(block, i - 1 if i else None)
                    block = block.next()
            doc.setUndoRedoEnabled(True)
            doc.setModified(False)
            self._problems = {}
            self._underline_cache.clear()
            self._update_label_width()
            self._title_block = doc.findBlockByNumber(title + self._lead) if title is not None else QTextBlock()
            self._title_known = False
        finally:
            doc.blockSignals(False)
            self._building = False
            self.setUpdatesEnabled(True)
        self.setExtraSelections([])
        self.setTextCursor(QTextCursor(doc.findBlockByNumber(self._lead)))
        self._current_paragraph = 0
        self._revision += 1
        self.edited.emit()
        self.cursorParagraphChanged.emit(0)
        self.viewport().update()

    def _insert_grid(self, cursor: QTextCursor, plan: _GridPlan) -> QTextTable:
        """Insert an empty QTextTable for ``plan`` at ``cursor`` (the end of the paragraph before it)."""
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setBorderBrush(_TABLE_GRID)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(_TABLE_PAD + 1)
        fmt.setCellSpacing(0)
        fmt.setTopMargin(_TABLE_PAD)
        fmt.setBottomMargin(_TABLE_PAD + 4)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        shares = plan.widths or (1 / plan.cols,) * plan.cols
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 * x) for x in shares])
        table = cursor.insertTable(plan.rows, plan.cols, fmt)
        for row, col, rs, cs in plan.merges:
            table.mergeCells(row, col, rs, cs)
        return table

    def _compute_lead(self) -> int:
        """1 while the document starts with a table shown as a grid (Qt keeps an empty block before it)."""
        first = self.document().firstBlock()
        if not first.blockFormat().boolProperty(P_LEAD) or first.length() > 1:
            return 0
        nxt = first.next()
        return 1 if nxt.isValid() and QTextCursor(nxt).currentTable() is not None else 0

    def _set_lead(self, lead: int) -> None:
        """Hide the lead block (display only: not an edit, no undo step) or show it again as a paragraph."""
        self._lead = lead
        first = self.document().firstBlock()
        if first.isVisible() == bool(lead):
            first.setVisible(not lead)
            self.document().markContentsDirty(first.position(), first.length())

    def grid_count(self) -> int:
        """How many tables are shown as real grids (QTextTable); the others are one framed column."""
        return self._grid_count

    def table_cell_at(self, paragraph: int) -> tuple[int, int, int, int] | None:
        """(row, column, row span, column span) of the grid cell paragraph ``paragraph`` is shown in, or None."""
        block = self._block(paragraph)
        table = QTextCursor(block).currentTable()
        if table is None:
            return None
        cell = table.cellAt(block.position())
        return (cell.row(), cell.column(), cell.rowSpan(), cell.columnSpan())

    @staticmethod
    def _needs_reread(p: Paragraph) -> bool:
        text = p.text
        if "\r" in text or "\u2029" in text or _LINE_SEP in text:
            return True
        if p.locked and _normalize_spans(p.locked, len(text)) != p.locked:
            return True
        # Object kinds all unknown ("") read back as () (the snapshot's one spelling of "unknown").
        return bool(p.objects) and (len(p.objects) != text.count(OBJECT_CHAR) or not any(p.objects))

    def _insert_special(
        self,
        cursor: QTextCursor,
        text: str,
        role: str,
        p: Paragraph,
        locked: tuple[tuple[int, int], ...],
        head_end: int | None = None,
    ) -> None:
        """Insert ``text`` with locked spans greyed and U+FFFC as object marks."""
        split = len(text) if head_end is None else head_end
        in_lock = [False] * len(text)
        for s, e in locked:
            for k in range(s, e):
                in_lock[k] = True
        kinds = list(p.objects)
        obj = 0
        run_start = 0

        def flush(end: int) -> None:
            if end > run_start:
                cursor.insertText(
                    text[run_start:end].replace("\n", _LINE_SEP),
                    self._char_format(role if run_start < split else "body", in_lock[run_start], p.read_only),
                )

        for k, ch in enumerate(text):
            if ch == OBJECT_CHAR:
                flush(k)
                kind = kinds[obj] if obj < len(kinds) else ""
                obj += 1
                cursor.insertText(OBJECT_CHAR, self._object_format(role if k < split else "body", kind, in_lock[k]))
                run_start = k + 1
            elif k > run_start and (in_lock[k] != in_lock[k - 1] or k == split):
                flush(k)
                run_start = k
        flush(len(text))

    def _block_source(self, block: QTextBlock) -> int | None:
        fmt = block.blockFormat()
        if not fmt.hasProperty(P_SOURCE):
            return None
        v = fmt.intProperty(P_SOURCE)
        if v < 0:
            return None
        return AfterEnd(v) if fmt.boolProperty(P_AFTER_END) else v

    def _after_end_format(self, block: QTextBlock) -> tuple[QTextBlockFormat, QTextCharFormat] | None:
        """Block and char format of the paragraph Enter at the end of ``block`` makes, when Word gives it
        another style (the style's ``w:next``, :attr:`Paragraph.next_style`); None: a plain split."""
        src = self._block_source(block)
        if src is None or src >= len(self._meta):
            return None
        m = self._meta[src]
        if m.next_style is None:
            return None
        style, level = m.next_style
        p = Paragraph("", style=style, outline_level=level, in_table=m.in_table)
        role = self._role(p, False)
        bf = QTextBlockFormat(block.blockFormat())
        grid = bf.boolProperty(P_GRID)
        bf.setProperty(P_AFTER_END, True)
        bf.setProperty(P_ROLE, role)
        bf.setIndent(1 if m.in_table and not grid else 0)
        bf.setAlignment(self._alignment_for(p, role))
        return bf, self._char_format(role)

    def _paragraph_from_block(self, block: QTextBlock, prev_source: int | None) -> Paragraph:
        """Build the Paragraph of one block (its text, locked spans and objects, its source's metadata)."""
        raw = block.text()
        text = raw.replace(_LINE_SEP, "\n")
        locked: list[tuple[int, int]] = []
        kinds: list[str] = []
        if self._any_special:
            base = block.position()
            offsets: OffsetMap | None = None
            for it in block:  # type: ignore[attr-defined]
                frag = it.fragment()
                fmt = frag.charFormat()
                is_locked = fmt.boolProperty(P_LOCKED)
                is_object = fmt.objectType() == OBJECT_TYPE
                if not is_locked and not is_object:
                    continue
                s16 = frag.position() - base
                e16 = s16 + frag.length()
                if offsets is None:
                    offsets = OffsetMap(raw)
                s, e = offsets.to_cp(s16), offsets.to_cp(e16)
                if is_object:
                    kinds.extend([fmt.stringProperty(P_KIND)] * raw[s:e].count(OBJECT_CHAR))
                if is_locked:
                    if locked and locked[-1][1] == s:
                        locked[-1] = (locked[-1][0], e)
                    else:
                        locked.append((s, e))
        objects: tuple[str, ...] = tuple(kinds) if any(kinds) else ()
        src = self._block_source(block)
        if src is None or src >= len(self._meta):
            return Paragraph(text, locked=tuple(locked), objects=objects)
        m = self._meta[src]
        if isinstance(src, AfterEnd) and m.next_style is not None:  # Enter at its end: Word's next style
            return Paragraph(
                text,
                style=m.next_style[0],
                outline_level=m.next_style[1],
                in_table=m.in_table,
                locked=tuple(locked),
                objects=objects,
                table_cell=m.table_cell,
                column_widths=m.column_widths,
            )
        return Paragraph(
            text,
            style=m.style,
            outline_level=m.outline_level,
            auto_number=m.auto_number if prev_source != src else None,
            in_table=m.in_table,
            read_only=m.read_only,
            locked=tuple(locked),
            objects=objects,
            alignment=m.alignment,
            table_cell=m.table_cell,
            column_widths=m.column_widths,
        )

    def _rebuild_all(self) -> tuple[list[Paragraph], list[int | None]]:
        """Full rebuild of the snapshot from the blocks (the reference the incremental cache must equal)."""
        paras: list[Paragraph] = []
        srcs: list[int | None] = []
        block = self.document().findBlockByNumber(self._lead)
        prev: int | None = None
        while block.isValid():
            src = self._block_source(block)
            paras.append(self._paragraph_from_block(block, prev))
            srcs.append(src)
            prev = src
            block = block.next()
        return paras, srcs

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if self._building:
            return
        doc = self.document()
        lead = self._compute_lead()
        lead_changed = lead != self._lead
        if lead_changed:
            self._set_lead(lead)
        new_count = doc.blockCount() - lead
        delta = new_count - len(self._paras)
        end_pos = max(0, min(pos + added, doc.characterCount() - 1))
        first = doc.findBlock(max(0, pos)).blockNumber() - lead
        last = doc.findBlock(end_pos).blockNumber() - lead
        if first < 0 or last < first:
            first, last = 0, new_count - 1
        old_n = last - first + 1 - delta
        if lead_changed or old_n < 0 or first + old_n > len(self._paras):
            self._paras, self._srcs = self._rebuild_all()
            self._counts = [None] * len(self._paras)
            self._problems = {}
            changed = True
        else:
            prev = self._srcs[first - 1] if first > 0 else None
            block = doc.findBlockByNumber(first + lead)
            new_paras: list[Paragraph] = []
            new_srcs: list[int | None] = []
            for _ in range(first, last + 1):
                src = self._block_source(block)
                new_paras.append(self._paragraph_from_block(block, prev))
                new_srcs.append(src)
                prev = src
                block = block.next()
            changed = (
                delta != 0
                or new_paras != self._paras[first : first + old_n]
                or new_srcs != self._srcs[first : first + old_n]
            )
            if changed:
                self._paras[first : first + old_n] = new_paras
                self._srcs[first : first + old_n] = new_srcs
                self._counts[first : first + old_n] = [None] * len(new_paras)
                nxt = last + 1
                if nxt < len(self._paras) and block.isValid():
                    fresh = self._paragraph_from_block(block, self._srcs[last])
                    if fresh != self._paras[nxt]:
                        self._paras[nxt] = fresh
                        self._counts[nxt] = None
                self._shift_problems(first, old_n, len(new_paras))
                self._restyle(first, last)
        if changed:
            self._revision += 1
            self.edited.emit()
            self._schedule_underlines()
            self._on_cursor_moved()

    def _live_role(self, block: QTextBlock, p: Paragraph) -> tuple[str, int | None]:
        """The role a block shows now (and where its heading face ends): stored, or implied by its edited text.

        Once the engine has named the title (:meth:`set_title`), that block shows as the
        title and a block stored as the title but no longer it shows its own role.
        """
        stored = block.blockFormat().stringProperty(P_ROLE) or "body"
        if self._title_known and not p.in_table:
            if block == self._title_block:
                return "title", None
            if stored == "title" and p.outline_level != 0:
                return self._role_span(p, False)
        if stored == "title" or p.outline_level is not None or p.in_table:
            return stored, None
        return self._role_span(p, False)

    def set_title(self, paragraph: int | None) -> None:
        """Show paragraph ``paragraph`` (current index; None: no title) as the document's title.

        Called with every lint result's ``title_index``.  When the title moves (a title
        typed into an empty first line, deleted, …) the old and new title blocks are
        restyled for display only — layout formats and the layout's alignment, like a
        syntax highlighter — so the document, its undo stack and its modified flag are
        not touched.
        """
        doc = self.document()
        block = doc.findBlockByNumber(paragraph + self._lead) if paragraph is not None else QTextBlock()
        if not block.isValid() or block.blockNumber() < self._lead:
            block = QTextBlock()
        if self._title_known and block == self._title_block:
            return
        old = self._title_block
        self._title_block = block
        self._title_known = True
        for b in (old, block):
            n = b.blockNumber() - self._lead if b.isValid() else -1
            if 0 <= n < len(self._paras):
                self._restyle(n, n)
        self._sync_alignment()
        self.viewport().update()

    def title_paragraph(self) -> int | None:
        """The paragraph shown as the title (the last :meth:`set_title`, or the one found on opening)."""
        block = self._title_block
        return block.blockNumber() - self._lead if block.isValid() else None

    def display_alignment(self, paragraph: int) -> Qt.AlignmentFlag:
        """The horizontal alignment paragraph ``paragraph`` is shown with (as the layout draws it)."""
        block = self._block(paragraph)
        self.document().documentLayout().blockBoundingRect(block)  # laid out (the layout sets its option)
        self._sync_alignment([block])
        return Qt.AlignmentFlag(block.layout().textOption().alignment() & _H_ALIGN)

    def _sync_alignment(self, blocks: Iterable[QTextBlock] | None = None) -> None:
        """Give the laid-out title blocks the alignment of the role they show (display only).

        The document layout sets each block's text option from its block format whenever it
        lays the block out; a block whose shown role differs from its stored one (the title
        named by :meth:`set_title`, or a former title) gets its alignment set on its layout
        here, before painting.  Line breaks don't depend on left/centre/right alignment, so the
        lines stay valid.
        """
        if not self._title_known:
            return
        for block in self._visible_blocks() if blocks is None else blocks:
            n = block.blockNumber() - self._lead
            if n < 0 or n >= len(self._paras):
                continue
            fmt = block.blockFormat()
            if fmt.stringProperty(P_ROLE) != "title" and block != self._title_block:
                continue
            p = self._paras[n]
            want = self._alignment_for(p, self._live_role(block, p)[0])
            layout = block.layout()
            option = layout.textOption()
            current = option.alignment()
            if current & _H_ALIGN != want:
                option.setAlignment((current & ~_H_ALIGN) | want)
                layout.setTextOption(option)

    def _restyle(self, first: int, last: int) -> None:
        """Show blocks whose text became (or stopped being) a heading in the new role's face.

        The face is a layout format (display only, like a syntax highlighter): the
        document and its undo stack are not touched.
        """
        doc = self.document()
        block = doc.findBlockByNumber(first + self._lead)
        for n in range(first, last + 1):
            if not block.isValid() or n >= len(self._paras):
                break
            layout = block.layout()
            stored = block.blockFormat().stringProperty(P_ROLE) or "body"
            live, head_end = self._live_role(block, self._paras[n])
            if live != stored:
                length = max(0, block.length() - 1)
                split = length if head_end is None else min(length, cp_to_utf16(block.text(), head_end))
                ranges = []
                for start, end, role in ((0, split, live), (split, length, "body")):
                    if end > start:
                        rng = QTextLayout.FormatRange()
                        rng.start = start
                        rng.length = end - start
                        rng.format = self._overlay_format(role)
                        ranges.append(rng)
                layout.setFormats(ranges)
                doc.markContentsDirty(block.position(), block.length())
            elif layout.formats():
                layout.clearFormats()
                doc.markContentsDirty(block.position(), block.length())
            block = block.next()

    def display_role(self, paragraph: int) -> str:
        """The face role paragraph ``paragraph`` is shown in ("title", "h1", "h2", "body", "table")."""
        block = self._block(paragraph)
        return self._live_role(block, self._paras[paragraph])[0]

    def paragraphs(self) -> list[Paragraph]:
        """Snapshot of the content as linting Paragraphs (code points; soft break "\\n"; objects U+FFFC)."""
        return list(self._paras)

    def sources(self) -> list[int | None]:
        """Per paragraph: the index in set_document's list it continues, or None for a new one."""
        return list(self._srcs)

    def revision(self) -> int:
        """Increments on every content change."""
        return self._revision

    def current_paragraph(self) -> int:
        """Index of the paragraph under the cursor."""
        return max(0, self.textCursor().blockNumber() - self._lead)

    def character_count(self) -> int:
        """字数 as Word counts it: CJK characters and full-width punctuation, plus non-CJK words."""
        counts = self._counts
        total = 0
        for i, c in enumerate(counts):
            if c is None:
                c = counts[i] = _count_words(self._paras[i].text)
            total += c
        return total

    def _on_cursor_moved(self) -> None:
        cursor = self.textCursor()
        if self._lead and cursor.blockNumber() < self._lead and not cursor.hasSelection():
            # the hidden block before a table that starts the document holds no paragraph
            self.setTextCursor(QTextCursor(self.document().findBlockByNumber(self._lead)))
            return
        n = max(0, cursor.blockNumber() - self._lead)
        if n != self._current_paragraph:
            self._current_paragraph = n
            self.cursorParagraphChanged.emit(n)

    # ------------------------------------------------------------------ positions

    def _block(self, paragraph: int) -> QTextBlock:
        block = self.document().findBlockByNumber(paragraph + self._lead) if paragraph >= 0 else QTextBlock()
        if not block.isValid():
            raise IndexError(f"paragraph {paragraph} out of range")
        return block

    def _doc_pos(self, block: QTextBlock, cp: int) -> int:
        return block.position() + cp_to_utf16(block.text(), cp)

    def _cp_at(self, pos: int) -> tuple[int, int]:
        """Document (UTF-16) position → (paragraph, code-point offset)."""
        block = self.document().findBlock(pos)
        if block.blockNumber() < self._lead:
            return 0, 0
        return block.blockNumber() - self._lead, utf16_to_cp(block.text(), pos - block.position())

    def go_to(self, paragraph: int, start: int = 0, end: int | None = None) -> None:
        """Select the code-point span ``[start, end)`` of ``paragraph`` (or put the cursor), centre it, focus."""
        paragraph = max(0, min(paragraph, len(self._paras) - 1))
        block = self._block(paragraph)
        cursor = QTextCursor(block)
        cursor.setPosition(self._doc_pos(block, start))
        if end is not None and end > start:
            cursor.setPosition(self._doc_pos(block, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._centre_cursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _centre_cursor(self) -> None:
        self.ensureCursorVisible()
        rect = self.cursorRect()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    # ------------------------------------------------------------------ edits from outside

    def apply_edits(self, edits: Sequence[Edit], label: str = "") -> bool:
        """Apply code-point edits (current paragraph indices) as ONE undo step.

        Returns False and changes nothing if an edit is out of range, overlaps
        another, or touches locked or read-only text.
        """
        if self._preedit:
            self.statusMessage.emit(self.tr("正在输入法组字，请先完成输入"))
            return False
        edits = list(edits)
        if not edits:
            return True
        n = len(self._paras)
        by_para: dict[int, list[Edit]] = {}
        for e in edits:
            if not 0 <= e.paragraph < n:
                return False
            p = self._paras[e.paragraph]
            if not 0 <= e.start <= e.end <= len(p.text) or OBJECT_CHAR in e.replacement:
                return False
            reason = self._paragraph_edit_reason(p, e.start, e.end)
            if reason:
                self.statusMessage.emit(reason)
                return False
            by_para.setdefault(e.paragraph, []).append(e)
        for group in by_para.values():
            group.sort(key=lambda e: (e.start, e.end))
            for a, b in zip(group, group[1:]):
                if b.start < a.end or (a.start == a.end == b.start == b.end):
                    return False
        doc = self.document()
        user = self.textCursor()
        user_ends = (user.anchor(), user.position())
        moves: list[tuple[int, int, int]] = []  # (start, end, new length) in document positions before the edits
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for para in sorted(by_para, reverse=True):  # later blocks first: earlier positions stay valid
            self._apply_block_edits(cursor, self._block(para), by_para[para], moves)
        cursor.endEditBlock()
        self._restore_cursor(user_ends, moves)
        if label:
            self.statusMessage.emit(label)
        return True

    def _apply_block_edits(
        self, cursor: QTextCursor, block: QTextBlock, group: list[Edit], moves: list[tuple[int, int, int]]
    ) -> None:
        """Apply one paragraph's sorted, checked edits; offsets are converted in one look at the block text.

        Many edits in a paragraph are done as ONE replacement of the span they
        cover (original characters keep their char formats), unless the span
        holds locked text or an object.
        """
        raw = block.text()
        offsets = OffsetMap(raw)
        base = block.position()
        if offsets.identity:
            spans = [(e.start, e.end, e.replacement) for e in group]
        else:
            spans = [(offsets.to_utf16(e.start), offsets.to_utf16(e.end), e.replacement) for e in group]
        if any("\n" in e.replacement or "\r" in e.replacement for e in group):
            spans = [
                (a, b, text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _LINE_SEP)) for a, b, text in spans
            ]
        lengths: dict[str, int] = {}
        for a, b, text in spans:
            n = lengths.get(text)
            if n is None:
                n = lengths[text] = utf16_len(text)
            moves.append((base + a, base + b, n))
        if len(spans) >= _BATCH_MIN_EDITS and self._replace_span(cursor, block, raw, offsets, spans):
            return
        for a, b, text in reversed(spans):
            cursor.setPosition(base + a)
            cursor.setPosition(base + b, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text, self._insert_format(block, base + a))

    def _replace_span(
        self, cursor: QTextCursor, block: QTextBlock, raw: str, offsets: OffsetMap, spans: list[tuple[int, int, str]]
    ) -> bool:
        """Replace the block span from the first edit to the last by its edited text, in one operation.

        Unchanged characters keep their fragment's char format; each replacement
        takes the format typing there would (see :meth:`_insert_format`).
        Returns False (nothing done) if the span holds locked text or an object.
        """
        base = block.position()
        first, last = spans[0][0], spans[-1][1]
        frags: list[tuple[int, int, QTextCharFormat]] = []
        for it in block:  # type: ignore[attr-defined]
            frag = it.fragment()
            if not frag.isValid():
                continue
            fs = frag.position() - base
            fe = fs + frag.length()
            fmt = frag.charFormat()
            if fs < last and first < fe and (fmt.boolProperty(P_LOCKED) or fmt.objectType() == OBJECT_TYPE):
                return False
            frags.append((fs, fe, fmt))
        block_role = block.blockFormat().stringProperty(P_ROLE) or "body"
        cursor.setPosition(base + first)
        cursor.setPosition(base + last, QTextCursor.MoveMode.KeepAnchor)
        probe_from = first - 1 if first > 0 else 0
        cover = [f for f in frags if f[0] < last and probe_from < f[1]]
        if len(cover) == 1 and cover[0][2] == self._char_format(cover[0][2].stringProperty(P_CHAR_ROLE) or block_role):
            # One format over the span and the character before it (the usual case): one string.
            parts: list[str] = []
            prev = first
            if offsets.identity:
                for a, b, text in spans:
                    parts.append(raw[prev:a])
                    parts.append(text)
                    prev = b
            else:
                for a, b, text in spans:
                    parts.append(raw[offsets.to_cp(prev) : offsets.to_cp(a)])
                    parts.append(text)
                    prev = b
            cursor.insertText("".join(parts), cover[0][2])
            return True

        def typing_format(pos: int) -> QTextCharFormat:
            probe = pos - 1 if pos > 0 else 0  # the character before (at a block start: the one after)
            role = ""
            for fs, fe, fmt in frags:
                if fs <= probe < fe:
                    role = fmt.stringProperty(P_CHAR_ROLE)
                    break
            return self._char_format(role or block_role)

        runs: list[tuple[list[str], QTextCharFormat]] = []

        def add(text: str, fmt: QTextCharFormat) -> None:
            if not text:
                return
            if runs and runs[-1][1] == fmt:
                runs[-1][0].append(text)
            else:
                runs.append(([text], fmt))

        def keep(a: int, b: int) -> None:
            for fs, fe, fmt in frags:
                lo, hi = max(a, fs), min(b, fe)
                if lo < hi:
                    add(raw[offsets.to_cp(lo) : offsets.to_cp(hi)], fmt)

        prev = first
        for a, b, text in spans:
            keep(prev, a)
            add(text, typing_format(a))
            prev = b
        if not runs:
            cursor.removeSelectedText()
        for parts, fmt in runs:
            cursor.insertText("".join(parts), fmt)
        return True

    def _restore_cursor(self, ends: tuple[int, int], moves: list[tuple[int, int, int]]) -> None:
        """Put the user's cursor where it was relative to the text around it, after edits listed in ``moves``."""

        moves.sort()

        def mapped(pos: int) -> int:
            shift = 0
            for a, b, n in moves:
                if a > pos:
                    break
                if b <= pos:  # before the cursor (an insertion at the cursor goes before it, as when typing)
                    shift += n - (b - a)
                elif a < pos:  # inside a replaced span: its start
                    return a + shift
            return pos + shift

        anchor, position = (mapped(p) for p in ends)
        limit = self.document().characterCount() - 1
        cursor = self.textCursor()
        if (cursor.anchor(), cursor.position()) == (anchor, position):
            return
        cursor.setPosition(max(0, min(anchor, limit)))
        cursor.setPosition(max(0, min(position, limit)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _paragraph_edit_reason(self, p: Paragraph, start: int, end: int) -> str | None:
        if p.read_only:
            return self._reason_readonly()
        for s, e in p.locked:
            if start < e and s < end or s < start < e:
                return self._reason_locked()
        if OBJECT_CHAR in p.text[start:end]:
            return self._reason_object()
        return None

    # ------------------------------------------------------------------ guards

    def _reason_locked(self) -> str:
        return self.tr("此处是 Word 自动生成的内容（域结果/目录/修订），请在 Word 中修改")

    def _reason_readonly(self) -> str:
        return self.tr("此段是 Word 自动生成或带修订的只读内容，请在 Word 中修改")

    def _reason_object(self) -> str:
        return self.tr("图片、公式、脚注等对象不能在这里修改，请在 Word 中修改")

    def _special_fragments(self, block: QTextBlock) -> Iterator[tuple[int, int, bool, bool]]:
        """(start, end, locked, object) in document positions, for the block's special fragments."""
        for it in block:  # type: ignore[attr-defined]
            frag = it.fragment()
            fmt = frag.charFormat()
            locked = fmt.boolProperty(P_LOCKED)
            obj = fmt.objectType() == OBJECT_TYPE
            if locked or obj:
                yield frag.position(), frag.position() + frag.length(), locked, obj

    def _range_reason(self, a: int, b: int) -> str | None:
        """Why the document range [a, b) may not be removed (None: it may)."""
        if not self._any_special or a >= b:
            return None
        doc = self.document()
        block = doc.findBlock(a)
        last = doc.findBlock(b).blockNumber()
        while block.isValid() and block.blockNumber() <= last:
            if block.blockFormat().boolProperty(P_READONLY):
                return self._reason_readonly()
            for s, e, _locked, obj in self._special_fragments(block):
                if s < b and a < e:
                    return self._reason_object() if obj else self._reason_locked()
            block = block.next()
        return None

    def _insert_reason(self, pos: int) -> str | None:
        """Why text may not be inserted at document position ``pos`` (None: it may)."""
        if self._lead and pos == 0:
            return self.tr("文档开头的表格之前不能输入，请在表格内或表格后输入")
        if not self._any_special:
            return None
        block = self.document().findBlock(pos)
        if block.blockFormat().boolProperty(P_READONLY):
            return self._reason_readonly()
        for s, e, locked, _obj in self._special_fragments(block):
            if locked and s < pos < e:
                return self._reason_locked()
        return None

    def _edit_reason(self, cursor: QTextCursor) -> str | None:
        """Why typing at ``cursor`` (replacing its selection) is refused."""
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        return self._range_reason(a, b) or self._insert_reason(a)

    def _refuse(self, reason: str) -> None:
        self.statusMessage.emit(reason)

    def _deletion_range(self, event: QKeyEvent) -> tuple[int, int] | None:
        """The range a deleting key would remove, or None if the key doesn't delete."""
        cursor = self.textCursor()
        if cursor.hasSelection() and (
            event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
            or event.matches(QKeySequence.StandardKey.Cut)
            or event.matches(QKeySequence.StandardKey.DeleteStartOfWord)
            or event.matches(QKeySequence.StandardKey.DeleteEndOfWord)
        ):
            return cursor.selectionStart(), cursor.selectionEnd()
        probe = QTextCursor(cursor)
        keep = QTextCursor.MoveMode.KeepAnchor
        op = None
        if event.matches(QKeySequence.StandardKey.DeleteStartOfWord):
            op = QTextCursor.MoveOperation.PreviousWord
        elif event.matches(QKeySequence.StandardKey.DeleteEndOfWord):
            op = QTextCursor.MoveOperation.NextWord
        elif event.matches(QKeySequence.StandardKey.DeleteEndOfLine):
            op = QTextCursor.MoveOperation.EndOfBlock
        elif event.matches(QKeySequence.StandardKey.DeleteCompleteLine):
            probe.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            op = QTextCursor.MoveOperation.EndOfBlock
        elif event.key() == Qt.Key.Key_Backspace:
            op = QTextCursor.MoveOperation.PreviousCharacter
        elif event.key() == Qt.Key.Key_Delete:
            op = QTextCursor.MoveOperation.NextCharacter
        if op is None:
            return None
        probe.movePosition(op, keep)
        return probe.selectionStart(), probe.selectionEnd()

    # ------------------------------------------------------------------ key and input-method events

    @staticmethod
    def _is_problem_menu_key(event: QKeyEvent) -> bool:
        """Ctrl+. (exactly; Ctrl+Shift+. is the window's fix-all)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() == Qt.Key.Key_Period and mods == Qt.KeyboardModifier.ControlModifier

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+. before the window's shortcut of the same key (快速修复) fires, so that in the
        # editor it opens this view's one menu of the problem's actions at the cursor.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_problem_menu_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if self._is_problem_menu_key(event):
            self._problem_menu_at_cursor()
            event.accept()
            return
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Find) or (ctrl and event.key() == Qt.Key.Key_F):
            self.show_find()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Replace) or (ctrl and event.key() == Qt.Key.Key_H):
            self.show_replace()
            event.accept()
            return
        bar = self._find_bar
        if bar is not None:
            if event.key() == Qt.Key.Key_Escape and bar.isVisible():
                bar.close_bar()  # type: ignore[attr-defined]
                event.accept()
                return
            if event.matches(QKeySequence.StandardKey.FindNext):
                bar.find_next()  # type: ignore[attr-defined]
                event.accept()
                return
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                bar.find_previous()  # type: ignore[attr-defined]
                event.accept()
                return
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
            return
        if event.key() == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.reset_zoom()
            return
        if (
            self.isReadOnly()
            or event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            super().keyPressEvent(event)
            return
        rng = self._deletion_range(event)
        if rng is not None:
            reason = self._range_reason(*rng)
            if reason:
                self._refuse(reason)
                event.accept()
                return
            super().keyPressEvent(event)
            return
        cursor = self.textCursor()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if (
                not cursor.hasSelection()
                and cursor.atBlockEnd()
                and cursor.block().blockFormat().boolProperty(P_READONLY)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                # A new, ordinary paragraph after a read-only one (the read-only text is untouched).
                cursor.insertBlock(self._new_block_format(), self._char_format("body"))
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
                event.accept()
                return
            reason = self._edit_reason(cursor)
            if reason:
                self._refuse(reason)
                event.accept()
                return
            fmt = self._insert_format(cursor.block(), cursor.selectionStart())
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._insert_typed(_LINE_SEP)
            elif cursor.hasSelection():
                cursor.beginEditBlock()
                cursor.removeSelectedText()
                after_end = self._after_end_format(cursor.block()) if cursor.atBlockEnd() else None
                cursor.insertBlock(*(after_end or (cursor.blockFormat(), fmt)))
                cursor.endEditBlock()
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
            elif cursor.atBlockEnd() and (after_end := self._after_end_format(cursor.block())) is not None:
                # Word: Enter at a paragraph's end gives its style's next style (标题 1 → 正文)
                cursor.insertBlock(*after_end)
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
            else:
                self.setCurrentCharFormat(fmt)
                super().keyPressEvent(event)
            event.accept()
            return
        text = event.text()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if (
            text
            and (text.isprintable() or text == "\t")
            and (
                not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
                or mods & Qt.KeyboardModifier.AltModifier  # AltGr arrives as Ctrl+Alt on Windows
            )
        ):
            reason = self._edit_reason(cursor)
            if reason:
                self._refuse(reason)
                event.accept()
                return
            self._insert_typed(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def _insert_typed(self, text: str) -> None:
        text = text.replace(OBJECT_CHAR, "")
        cursor = self.textCursor()
        cursor.insertText(text, self._insert_format(cursor.block(), cursor.selectionStart()))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt API)
        commit = event.commitString()
        preedit = event.preeditString()
        if not commit and not preedit and not event.attributes() and not event.replacementLength():
            if self._preedit:  # the input method cancelled its composition
                super().inputMethodEvent(event)
                self._preedit = False
            event.accept()
            return
        if preedit and not commit and not self._preedit:
            # A composition is starting: Qt would drop the selection now, and the text would land here.
            reason = self._edit_reason(self.textCursor())
            if reason:
                self._refuse(reason)
                event.accept()
                return
        if commit:
            cursor = self.textCursor()
            reason = self._edit_reason(cursor)
            if reason or self.isReadOnly():
                if reason:
                    self._refuse(reason)
                rest = QInputMethodEvent(preedit, event.attributes())
                super().inputMethodEvent(rest)
                self._preedit = bool(preedit)
                event.accept()
                return
            rest = QInputMethodEvent(preedit, event.attributes())
            super().inputMethodEvent(rest)  # update/clear the preedit first
            self._insert_typed(commit)
            self._preedit = bool(preedit)
            event.accept()
            return
        super().inputMethodEvent(event)
        self._preedit = bool(preedit)

    def inputMethodQuery(self, query: Qt.InputMethodQuery, argument: Any = None) -> Any:  # noqa: N802 (Qt API)
        if query in (Qt.InputMethodQuery.ImCursorRectangle, Qt.InputMethodQuery.ImAnchorRectangle):
            cursor = self.textCursor()
            if query == Qt.InputMethodQuery.ImAnchorRectangle:
                cursor.setPosition(cursor.anchor())
            rect = self.cursorRect(cursor)
            return QRectF(rect.translated(self.viewport().pos()))
        if argument is not None:
            return super().inputMethodQuery(query, argument)
        return super().inputMethodQuery(query)

    # ------------------------------------------------------------------ clipboard and drops

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt API)
        """Copy as plain text: paragraphs and soft breaks as line breaks, objects left out, NBSP kept."""
        mime = QMimeData()
        cursor = self.textCursor()
        if cursor.hasComplexSelection() and cursor.currentTable() is not None:
            text = self._cells_text(cursor)
        else:
            text = cursor.selectedText()
        for mark in _FRAME_MARKS:  # a table's cell and frame boundaries: a paragraph break each
            text = text.replace(mark, "\n")
        mime.setText(text.replace("\u2029", "\n").replace(_LINE_SEP, "\n").replace(OBJECT_CHAR, ""))
        return mime

    @staticmethod
    def _cells_text(cursor: QTextCursor) -> str:
        """The text of a rectangle of selected grid cells: one line per paragraph, row by row."""
        table = cursor.currentTable()
        top, rows, left, cols = cast("tuple[int, int, int, int]", cursor.selectedTableCells())
        lines: list[str] = []
        seen: set[int] = set()
        for r in range(top, top + rows):
            for c in range(left, left + cols):
                cell = table.cellAt(r, c)
                if cell.firstPosition() in seen:  # a merged cell shows once
                    continue
                seen.add(cell.firstPosition())
                probe = cell.firstCursorPosition()
                probe.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
                lines.append(probe.selectedText())
        return "\n".join(lines)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt API)
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt API)
        """Paste/drop as plain text; each pasted line becomes a (new) paragraph."""
        if not source.hasText() or self.isReadOnly():
            return
        text = source.text().replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
        text = text.replace(OBJECT_CHAR, "").replace(_LINE_SEP, "\n")
        cursor = self.textCursor()
        reason = self._edit_reason(cursor)
        if reason:
            self._refuse(reason)
            return
        lines = text.split("\n")
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        original = cursor.blockFormat()
        fmt = self._insert_format(cursor.block(), cursor.position())
        cursor.insertText(lines[0], fmt)
        if len(lines) > 1:
            tail_nonempty = not cursor.atBlockEnd()
            new_fmt = self._new_block_format()
            body = self._char_format("body")
            for line in lines[1:]:
                cursor.insertBlock(new_fmt, body)
                cursor.insertText(line, body)
            if tail_nonempty:
                cursor.setBlockFormat(original)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def cut(self) -> None:
        """Cut, refused when the selection holds locked text."""
        cursor = self.textCursor()
        reason = self._range_reason(cursor.selectionStart(), cursor.selectionEnd())
        if reason:
            self._refuse(reason)
            return
        super().cut()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        if event.source() is self and event.dropAction() == Qt.DropAction.MoveAction:
            cursor = self.textCursor()
            reason = self._range_reason(cursor.selectionStart(), cursor.selectionEnd())
            if reason:
                self._refuse(reason)
                event.setDropAction(Qt.DropAction.CopyAction)
        drop = self.cursorForPosition(event.position().toPoint())
        reason = self._insert_reason(drop.position())
        if reason:
            self._refuse(reason)
            event.ignore()
            return
        super().dropEvent(event)

    # ------------------------------------------------------------------ problems

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show ``problems`` (current paragraph indices) as wavy underlines on the visible blocks."""
        grouped: dict[int, list[Problem]] = {}
        for p in problems:
            grouped.setdefault(p.paragraph, []).append(p)
        for group in grouped.values():
            group.sort(key=lambda p: (-p.severity.rank, p.start, p.end))
        self._problems = grouped
        self._underline_cache.clear()
        self._schedule_underlines()

    def _shift_problems(self, first: int, old_n: int, new_n: int) -> None:
        """After blocks [first, first+old_n) became new_n blocks: drop their problems, shift the ones after."""
        if not self._problems:
            return
        delta = new_n - old_n
        end = first + old_n
        if delta == 0:
            for k in range(first, end):
                self._problems.pop(k, None)
        else:
            self._problems = {
                (k if k < first else k + delta): v for k, v in self._problems.items() if not first <= k < end
            }
        self._underline_cache.clear()

    def _schedule_underlines(self) -> None:
        self._underline_timer.start()

    def _visible_blocks(self) -> Iterator[QTextBlock]:
        doc = self.document()
        layout = doc.documentLayout()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        if block.previous().isValid():
            block = block.previous()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            if rect.bottom() >= top:
                yield block
            block = block.next()

    def _underline_format(self, severity: Severity) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(_SEVERITY_COLOURS.get(severity, _SEVERITY_COLOURS[Severity.INFO]))
        return fmt

    def _refresh_underlines(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self._problems:
            for block in self._visible_blocks():
                n = block.blockNumber() - self._lead
                problems = self._problems.get(n)
                if not problems:
                    continue
                key = (n, block.revision())
                cached = self._underline_cache.get(key)
                if cached is None:
                    cached = []
                    offsets = OffsetMap(block.text())
                    length = offsets.length
                    for p in reversed(problems):  # most severe drawn last (on top)
                        start = max(0, min(p.start, length))
                        end = max(start, min(p.end, length))
                        if end == start:
                            if start < length:
                                end = start + 1
                            elif start > 0:
                                start -= 1
                            else:
                                continue
                        sel = QTextEdit.ExtraSelection()
                        cursor = QTextCursor(block)
                        cursor.setPosition(block.position() + offsets.to_utf16(start))
                        cursor.setPosition(block.position() + offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
                        sel.cursor = cursor
                        sel.format = self._underline_format(p.severity)
                        cached.append(sel)
                    self._underline_cache[key] = cached
                selections.extend(cached)
        self.setExtraSelections(selections)

    def underlined_spans(self) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) code-point spans currently underlined (the visible ones)."""
        out = []
        for sel in self.extraSelections():
            c = sel.cursor
            para, s = self._cp_at(c.selectionStart())
            _, e = self._cp_at(c.selectionEnd())
            out.append((para, s, e))
        return out

    def problems_at(self, paragraph: int, offset: int) -> list[Problem]:
        """Problems of ``paragraph`` whose span contains the code-point ``offset`` (most severe first)."""
        out = []
        for p in self._problems.get(paragraph, ()):
            if p.start <= offset < p.end or p.start == p.end == offset or (p.start < offset == p.end):
                out.append(p)
        return out

    def problem_at_cursor(self) -> Problem | None:
        """The problem under the text cursor, if any."""
        cursor = self.textCursor()
        para, off = self._cp_at(cursor.position())
        found = self.problems_at(para, off)
        return found[0] if found else None

    def _problem_at_point(self, pos: QPoint) -> Problem | None:
        cursor = self.cursorForPosition(pos)
        block = cursor.block()
        rect = self.document().documentLayout().blockBoundingRect(block)
        y = pos.y() + self.verticalScrollBar().value()
        if not rect.top() <= y <= rect.bottom():
            return None
        para, off = self._cp_at(cursor.position())
        # cursorForPosition rounds to the nearest gap: look at the character on either side.
        found = [
            p for p in self._problems.get(para, ()) if p.start <= off <= p.end and p.end > p.start or p.start == off
        ]
        return found[0] if found else None

    def tooltip_for(self, problem: Problem) -> str:
        """Tooltip text of a problem: the message and the fix description."""
        text = problem.message
        if problem.fix is not None:
            text += "\n" + self.tr("修复：{0}").format(problem.fix.description)
        return text

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip:
            help_event = event if isinstance(event, QHelpEvent) else None
            if help_event is not None:
                problem = self._problem_at_point(help_event.pos())
                if problem is not None:
                    QToolTip.showText(help_event.globalPos(), self.tooltip_for(problem), self.viewport())
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
        return super().viewportEvent(event)

    def problem_actions(self, problem: Problem, parent: QWidget | None = None) -> list[QAction]:
        """The context-menu actions for ``problem`` (each emits problemActionRequested)."""
        actions: list[QAction] = []

        def make(text: str, action: str) -> None:
            act = QAction(text, parent or self)
            act.triggered.connect(lambda _checked=False, a=action: self.problemActionRequested.emit(problem, a))
            act.setData(action)
            act.setObjectName(f"problem-{action}")
            actions.append(act)

        if problem.fix is not None:
            make(self.tr("修复：{0}").format(problem.fix.description), "fix")
            if problem.fix.applicability == Applicability.SAFE:
                make(self.tr("修复全部此类问题"), "fix-all")
        make(self.tr("忽略此处"), "ignore-here")
        make(self.tr("本文档忽略此规则"), "ignore-rule")
        return actions

    def _problem_menu(self, problem: Problem) -> QMenu:
        menu = QMenu(self)
        title = menu.addAction(problem.message)
        title.setEnabled(False)
        menu.addSeparator()
        for act in self.problem_actions(problem, menu):
            menu.addAction(act)
        return menu

    def _problem_menu_at_cursor(self) -> None:
        problem = self.problem_at_cursor()
        if problem is None:
            self.statusMessage.emit(self.tr("光标处没有问题"))
            return
        menu = self._problem_menu(problem)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(self.cursorRect().bottomLeft()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        menu = self.build_context_menu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The context menu at viewport point ``pos``: problem actions first, then the standard edit actions."""
        menu = self.createStandardContextMenu(pos)
        cursor = self.textCursor()
        if self._range_reason(cursor.selectionStart(), cursor.selectionEnd()):
            for act in menu.actions():
                if act.objectName() in ("edit-cut", "edit-delete"):
                    act.setEnabled(False)
        if self._insert_reason(cursor.position()):
            for act in menu.actions():
                if act.objectName() == "edit-paste":
                    act.setEnabled(False)
        problem = self._problem_at_point(pos)
        if problem is not None:
            existing = menu.actions()
            if existing:
                menu.insertActions(existing[0], self.problem_actions(problem, menu))
                menu.insertSeparator(existing[0])
            else:
                menu.addActions(self.problem_actions(problem, menu))
        return menu

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        self._sync_alignment()
        if self._has_tables:
            self._paint_table_cells()  # under the text
        super().paintEvent(event)
        if self._has_labels:
            self._paint_labels()

    def _cell_rect(self, block: QTextBlock) -> QRectF | None:
        """The viewport rectangle framed around a table cell's text (None: not a shown table cell)."""
        fmt = block.blockFormat()
        if fmt.stringProperty(P_ROLE) != "table" or fmt.boolProperty(P_GRID) or not block.layout().lineCount():
            return None
        layout = self.document().documentLayout()
        rect = layout.blockBoundingRect(block)  # the text's lines, without the margins
        left = rect.left() + block.layout().lineAt(0).x() - 2 * _TABLE_PAD
        bottom = rect.bottom()
        nxt = block.next()
        if (
            nxt.isValid()
            and nxt.blockFormat().stringProperty(P_ROLE) == "table"
            and not nxt.blockFormat().boolProperty(P_GRID)
        ):
            bottom = max(bottom, layout.blockBoundingRect(nxt).top() - _TABLE_PAD)  # the next cell's frame top
        cell = QRectF(left, rect.top() - _TABLE_PAD, rect.right() - left, bottom - rect.top() + _TABLE_PAD)
        return cell.translated(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())

    def _paint_table_cells(self) -> None:
        """Table cells as one framed column: light background, a grid line between cells."""
        painter = QPainter(self.viewport())
        painter.setPen(_TABLE_GRID)
        for block in self._visible_blocks():
            cell = self._cell_rect(block)
            if cell is None:
                continue
            painter.fillRect(cell, _TABLE_BG)
            painter.drawRect(cell.adjusted(0.5, 0.5, -0.5, 0.5))  # shares its bottom line with the next cell
        painter.end()

    def _paint_labels(self) -> None:
        """Word's auto-numbers in grey, right against the paragraph's text in the reserved indent."""
        painter = QPainter(self.viewport())
        painter.setPen(_GREY)
        layout = self.document().documentLayout()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        size = self.document().defaultFont().pointSizeF()
        for block in self._visible_blocks():
            n = block.blockNumber() - self._lead
            if n >= len(self._paras):
                break
            if n < 0:
                continue
            label = self._paras[n].auto_number
            if not label:
                continue
            line = block.layout().lineAt(0) if block.layout().lineCount() else None
            if line is None:
                continue
            rect = layout.blockBoundingRect(block)
            role = block.blockFormat().stringProperty(P_ROLE) or "body"
            font = font_for(role, size)
            painter.setFont(font)
            fm = QFontMetricsF(font)
            x = rect.left() + line.x() - fm.horizontalAdvance(label) - fm.horizontalAdvance("中") * 0.25 + dx
            if role == "table" and not block.blockFormat().boolProperty(P_GRID):
                x -= 2 * _TABLE_PAD
            baseline = rect.top() + line.y() + line.ascent() + dy
            painter.drawText(QPointF(x, baseline), label)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._schedule_underlines()

    # ------------------------------------------------------------------ zoom

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in()
            elif steps < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def zoom_in(self) -> None:
        """Larger text (one point)."""
        self._set_zoom(self._zoom_steps + 1)

    def zoom_out(self) -> None:
        """Smaller text (one point)."""
        self._set_zoom(self._zoom_steps - 1)

    def reset_zoom(self) -> None:
        """Back to the base size (Ctrl+0)."""
        self._set_zoom(0)

    def set_base_point_size(self, size: float) -> None:
        """The unzoomed body size (the font-size setting)."""
        self._base_point_size = max(_MIN_POINT_SIZE, min(_MAX_POINT_SIZE, float(size)))
        self._apply_default_font()
        self._schedule_underlines()

    def _set_zoom(self, steps: int) -> None:
        lo = int(_MIN_POINT_SIZE - self._base_point_size)
        hi = int(_MAX_POINT_SIZE - self._base_point_size)
        steps = max(lo, min(hi, steps))
        if steps == self._zoom_steps:
            return
        top = self.cursorForPosition(QPoint(0, 0)).block()
        self._zoom_steps = steps
        self._apply_default_font()
        if top.isValid():  # keep the paragraph at the top of the view where it was
            rect = self.document().documentLayout().blockBoundingRect(top)
            self.verticalScrollBar().setValue(int(rect.top()))
        self._schedule_underlines()
        self.statusMessage.emit(
            self.tr("缩放：{0}%").format(round(100 * (self._base_point_size + steps) / self._base_point_size))
        )

    # ------------------------------------------------------------------ find / replace

    def find_bar(self) -> QWidget:
        """The find/replace bar (created on first use), for the main window to place below the editor."""
        if self._find_bar is None:
            from .find_replace import FindReplaceBar

            self._find_bar = FindReplaceBar(self)
            self._find_bar.hide()
        return self._find_bar

    def show_find(self) -> None:
        """Show the find bar (Ctrl+F)."""
        bar = self.find_bar()
        bar.show_find()  # type: ignore[attr-defined]

    def show_replace(self) -> None:
        """Show the find bar with the replace row (Ctrl+H)."""
        bar = self.find_bar()
        bar.show_replace()  # type: ignore[attr-defined]

    def replace_ranges(self, ranges: Sequence[tuple[int, int]], replacement: str) -> int:
        """Replace document ranges (UTF-16 positions) by ``replacement`` as one undo step.

        Ranges in locked or read-only text are skipped; returns how many were replaced.
        """
        if self._preedit:
            return 0
        ok = [(a, b) for a, b in ranges if not self._range_reason(a, b) and not self._insert_reason(a)]
        if not ok:
            return 0
        replacement = replacement.replace(OBJECT_CHAR, "").replace("\n", _LINE_SEP)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for a, b in sorted(ok, reverse=True):
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement, self._insert_format(cursor.block(), a))
        cursor.endEditBlock()
        return len(ok)

    def edit_refusal(self, cursor: QTextCursor) -> str | None:
        """Why replacing ``cursor``'s selection would be refused (None: allowed)."""
        return self._edit_reason(cursor)
