"""Tables shown as real grids (QTextTable) with merged cells, keeping one block per paragraph, save by
identity, guards, navigation, find/replace, undo and paste; tables that can't be a grid stay a framed column."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from linting.config import load_config
from linting.engine import Linter
from linting.io import open_document, save_document
from linting.model import Paragraph, Problem, Severity
from tests.io.conftest import build_docx
from tests.ui.test_editor_helpers import commit, key, place
from ui.editor import DocumentEditor


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(content: str, span: int = 1, vmerge: str | None = None) -> str:
    pr = ""
    if span > 1 or vmerge:
        pr = (
            "<w:tcPr>"
            + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
            + ('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else "")
            + "</w:tcPr>"
        )
    return f"<w:tc>{pr}{content}</w:tc>"


_FIELD_CELL = '<w:p><w:r><w:t xml:space="preserve">第</w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">页</w:t></w:r></w:p>'

# 3 × 3 grid: a cell merged down two rows (vMerge), a cell across two columns (gridSpan),
# a cell of two paragraphs, and a cell with a field result (locked text).
TABLE = (
    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    "<w:tr>" + _tc(_p("项目")) + _tc(_p("数量")) + _tc(_p("备注")) + "</w:tr>"
    "<w:tr>" + _tc(_p("巡查"), vmerge="restart") + _tc(_p("十二次")) + _tc(_p("含夜间") + _p("共四次")) + "</w:tr>"
    "<w:tr>" + _tc("<w:p/>", vmerge="continue") + _tc(_p("合计二十次"), span=2) + "</w:tr>"
    "</w:tbl>"
)
BEFORE = ["关于防汛工作的情况报告", "一、基本情况", "全县共排查隐患点四十处。"]
AFTER = ["二、下一步打算", "继续加强值守。"]
CELLS = ["项目", "数量", "备注", "巡查", "十二次", "含夜间", "共四次", "合计二十次"]
# (row, column, row span, column span) of each cell paragraph, as Word lays the table out
GRID = [(0, 0, 1, 1), (0, 1, 1, 1), (0, 2, 1, 1), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (1, 2, 1, 1), (2, 1, 1, 2)]
FIRST_CELL = len(BEFORE)


def _body(table: str = TABLE, before: list[str] = BEFORE, after: list[str] = AFTER) -> str:
    return "".join(_p(t) for t in before) + table + "".join(_p(t) for t in after)


@pytest.fixture
def table_docx(tmp_path: Path) -> Path:
    path = tmp_path / "表格报告.docx"
    path.write_bytes(build_docx(_body()))
    return path


def _editor(qtbot, paragraphs) -> DocumentEditor:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(900, 700)
    ed.set_document(paragraphs)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def _grid(ed: DocumentEditor) -> list[tuple[str, tuple[int, int, int, int] | None]]:
    return [(p.text, ed.table_cell_at(i)) for i, p in enumerate(ed.paragraphs()) if p.in_table]


def _cells_of(path: Path) -> list[tuple[str, tuple[int, int, int, int, int] | None]]:
    return [(p.text, p.table_cell) for p in open_document(path).paragraphs if p.in_table]


def test_reader_places_cell_paragraphs_on_the_grid(table_docx: Path) -> None:
    doc = open_document(table_docx)
    assert [p.text for p in doc.paragraphs] == BEFORE + CELLS + AFTER
    assert [p.table_cell for p in doc.paragraphs if p.in_table] == [(0, *g) for g in GRID]
    assert all(p.table_cell is None for p in doc.paragraphs if not p.in_table)
    # display only: the same lint whatever the cell facts
    plain = [Paragraph(p.text, p.style, p.outline_level, p.auto_number, p.in_table) for p in doc.paragraphs]
    assert plain == doc.paragraphs
    a, b = Linter(load_config(None)).lint(doc.paragraphs), Linter(load_config(None)).lint(plain)
    assert [x.to_json() for x in a.problems] == [x.to_json() for x in b.problems]


def test_nested_table_paragraphs_belong_to_the_outer_cell(tmp_path: Path) -> None:
    inner = "<w:tbl><w:tr>" + _tc(_p("内表甲")) + _tc(_p("内表乙")) + "</w:tr></w:tbl>"
    table = "<w:tbl><w:tr>" + _tc(_p("外表") + inner + _p("外表尾")) + _tc(_p("右格")) + "</w:tr></w:tbl>"
    path = tmp_path / "n.docx"
    path.write_bytes(build_docx(_body(table)))
    assert _cells_of(path) == [
        ("外表", (0, 0, 0, 1, 1)),
        ("内表甲", (0, 0, 0, 1, 1)),
        ("内表乙", (0, 0, 0, 1, 1)),
        ("外表尾", (0, 0, 0, 1, 1)),
        ("右格", (0, 0, 1, 1, 1)),
    ]


def test_table_is_a_grid_with_merged_cells(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    assert ed.grid_count() == 1
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))
    # one block per paragraph: the snapshot and identities are those of the file
    assert ed.paragraphs() == doc.paragraphs
    assert ed.sources() == list(range(len(doc.paragraphs)))
    assert ed.document().blockCount() == len(doc.paragraphs)
    assert all(ed.table_cell_at(i) is None for i, p in enumerate(doc.paragraphs) if not p.in_table)


def test_unedited_save_is_identical(qtbot, table_docx: Path, tmp_path: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    out = tmp_path / "out.docx"
    save_document(doc, [p.text for p in ed.paragraphs()], out, sources=ed.sources())
    with zipfile.ZipFile(table_docx) as a, zipfile.ZipFile(out) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_edit_a_cell_save_and_reopen(qtbot, table_docx: Path, tmp_path: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    k = FIRST_CELL + CELLS.index("十二次")
    place(ed, k, 0, 2)
    commit(ed, "十五")
    assert ed.paragraphs()[k].text == "十五次"
    assert ed.table_cell_at(k) == (1, 1, 1, 1)
    out = tmp_path / "out.docx"
    save_document(doc, [p.text for p in ed.paragraphs()], out, sources=ed.sources())
    expected = [(("十五次" if t == "十二次" else t), (0, *g)) for t, g in zip(CELLS, GRID, strict=True)]
    assert _cells_of(out) == expected
    again = _editor(qtbot, open_document(out).paragraphs)
    assert again.grid_count() == 1
    assert _grid(again) == [(t, c[1:]) for t, c in expected]


def test_enter_in_a_cell_makes_a_paragraph_in_that_cell(qtbot, table_docx: Path, tmp_path: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    k = FIRST_CELL + CELLS.index("合计二十次")
    place(ed, k, 2)
    key(qtbot, ed, Qt.Key.Key_Return)
    texts = [p.text for p in ed.paragraphs()]
    assert texts[k : k + 2] == ["合计", "二十次"]
    assert ed.table_cell_at(k) == ed.table_cell_at(k + 1) == (2, 1, 1, 2)
    assert ed.sources()[k : k + 2] == [k, k]
    assert ed.paragraphs()[k + 1].in_table
    assert ed.document().blockCount() == len(ed.paragraphs())
    out = tmp_path / "split.docx"
    save_document(doc, [p.text for p in ed.paragraphs()], out, sources=ed.sources())
    cells = _cells_of(out)
    assert cells[-2:] == [("合计", (0, 2, 1, 1, 2)), ("二十次", (0, 2, 1, 1, 2))]
    assert cells[:-2] == [(t, (0, *g)) for t, g in zip(CELLS[:-1], GRID[:-1], strict=True)]
    # Backspace at the start of the second paragraph merges them back (inside the cell)
    key(qtbot, ed, Qt.Key.Key_Backspace)
    assert [p.text for p in ed.paragraphs()] == [p.text for p in doc.paragraphs]
    assert ed.sources() == list(range(len(doc.paragraphs)))
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))


def test_two_paragraphs_of_a_cell_merge_and_split(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    k = FIRST_CELL + CELLS.index("共四次")
    place(ed, k, 0)
    key(qtbot, ed, Qt.Key.Key_Backspace)
    assert ed.paragraphs()[k - 1].text == "含夜间共四次"
    assert ed.table_cell_at(k - 1) == (1, 2, 1, 1)
    assert ed.sources()[k - 1 : k + 1] == [k - 1, k + 1]
    ed.undo()
    assert ed.paragraphs() == doc.paragraphs
    assert ed.sources() == list(range(len(doc.paragraphs)))
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))


def test_backspace_and_delete_never_merge_across_cells(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    for cell in ("数量", "巡查", "十二次", "合计二十次"):
        place(ed, FIRST_CELL + CELLS.index(cell), 0)
        key(qtbot, ed, Qt.Key.Key_Backspace)
    for cell in ("项目", "备注", "共四次"):
        k = FIRST_CELL + CELLS.index(cell)
        place(ed, k, len(ed.paragraphs()[k].text))
        key(qtbot, ed, Qt.Key.Key_Delete)
    assert ed.paragraphs() == doc.paragraphs
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))
    # nor from the paragraphs around the table
    place(ed, FIRST_CELL + len(CELLS), 0)
    key(qtbot, ed, Qt.Key.Key_Backspace)
    place(ed, FIRST_CELL - 1, len(BEFORE[-1]))
    key(qtbot, ed, Qt.Key.Key_Delete)
    assert ed.paragraphs() == doc.paragraphs


def test_locked_text_in_a_cell_is_guarded(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    table = "<w:tbl><w:tr>" + _tc(_p("页码")) + _tc(_FIELD_CELL) + "</w:tr></w:tbl>"
    path = tmp_path / "f.docx"
    path.write_bytes(build_docx(_body(table)))
    doc = open_document(path)
    ed = _editor(qtbot, doc.paragraphs)
    assert ed.grid_count() == 1
    k = FIRST_CELL + 1
    assert doc.paragraphs[k].text == "第3页" and doc.paragraphs[k].locked == ((1, 2),)
    reasons: list[str] = []
    ed.statusMessage.connect(reasons.append)
    place(ed, k, 1, 2)
    commit(ed, "五")
    assert ed.paragraphs()[k].text == "第3页"
    assert reasons
    assert ed.paragraphs()[k].locked == ((1, 2),)


def test_navigation_underlines_and_find_replace_in_cells(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    k = FIRST_CELL + CELLS.index("合计二十次")
    ed.go_to(k, 2, 5)
    assert ed.textCursor().selectedText() == "二十次"
    assert ed.current_paragraph() == k
    problem = Problem("placeholder", Severity.WARNING, k, 2, 4, "二十", "测试")
    ed.set_problems([problem])
    qtbot.waitUntil(lambda: (k, 2, 4) in [tuple(s[:3]) for s in ed.underlined_spans()], timeout=2000)
    bar = ed.find_bar()
    ed.show_replace()
    bar.find_edit.setText("次")  # type: ignore[attr-defined]
    bar.replace_edit.setText("回")  # type: ignore[attr-defined]
    assert bar.replace_all() == 3  # type: ignore[attr-defined]
    assert [p.text for p in ed.paragraphs()][FIRST_CELL:-2] == [c.replace("次", "回") for c in CELLS]
    assert _grid(ed) == [(c.replace("次", "回"), g) for c, g in zip(CELLS, GRID, strict=True)]
    ed.undo()
    assert ed.paragraphs() == doc.paragraphs


def test_paste_lines_into_a_cell(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    k = FIRST_CELL + CELLS.index("十二次")
    place(ed, k, 3)
    mime = QMimeData()
    mime.setText("，其中：\n夜间四次")
    ed.insertFromMimeData(mime)
    assert [p.text for p in ed.paragraphs()][k : k + 2] == ["十二次，其中：", "夜间四次"]
    assert ed.table_cell_at(k) == ed.table_cell_at(k + 1) == (1, 1, 1, 1)
    assert ed.document().blockCount() == len(ed.paragraphs())
    # copy of text across cells is plain text, one line per paragraph
    place(ed, FIRST_CELL, 0, 2)
    assert ed.createMimeDataFromSelection().text() == "项目"
    ed.undo()
    assert ed.paragraphs() == doc.paragraphs


def test_table_without_a_paragraph_after_it_stays_a_column(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "edge.docx"
    path.write_bytes(build_docx(_body(TABLE, BEFORE, [])))
    doc = open_document(path)
    ed = _editor(qtbot, doc.paragraphs)
    assert ed.grid_count() == 0
    assert ed.paragraphs() == doc.paragraphs
    assert ed.document().blockCount() == len(doc.paragraphs)
    assert all(ed.table_cell_at(i) is None for i in range(len(doc.paragraphs)))
    assert [ed.display_role(i) for i, p in enumerate(doc.paragraphs) if p.in_table] == ["table"] * len(CELLS)


def test_adjacent_tables_only_one_is_a_grid(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    # Qt keeps a block between two tables, so the first (no paragraph after it) stays a column
    second = "<w:tbl><w:tr>" + _tc(_p("甲")) + _tc(_p("乙")) + "</w:tr></w:tbl>"
    path = tmp_path / "adj.docx"
    path.write_bytes(build_docx(_body(TABLE + second)))
    doc = open_document(path)
    ed = _editor(qtbot, doc.paragraphs)
    assert ed.grid_count() == 1
    assert ed.paragraphs() == doc.paragraphs
    assert ed.document().blockCount() == len(doc.paragraphs)
    k = [p.text for p in doc.paragraphs].index("甲")
    assert ed.table_cell_at(k) == (0, 0, 1, 1) and ed.table_cell_at(k + 1) == (0, 1, 1, 1)
    assert all(ed.table_cell_at(i) is None for i in range(FIRST_CELL, k))
    assert ed.display_role(FIRST_CELL) == "table"


def test_window_saves_an_edited_cell(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    from ui.app import lint_finished
    from ui.main_window import MainWindow
    from ui.session import Session

    w = MainWindow(Session.open(table_docx))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: lint_finished(w), timeout=30_000)
    assert w.editor.grid_count() == 1
    k = FIRST_CELL + CELLS.index("含夜间")
    place(w.editor, k, 3)
    commit(w.editor, "巡查")
    assert w.save()
    cells = _cells_of(table_docx)
    assert cells == [(("含夜间巡查" if t == "含夜间" else t), (0, *g)) for t, g in zip(CELLS, GRID, strict=True)]
    w.editor.document().setModified(False)


def test_recovery_copy_keeps_the_grid(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    from ui.recovery import _paragraph_from_json, _paragraph_to_json

    doc = open_document(table_docx)
    back = [_paragraph_from_json(_paragraph_to_json(p)) for p in doc.paragraphs]
    assert [(p.table_cell, p.alignment) for p in back] == [(p.table_cell, p.alignment) for p in doc.paragraphs]
    ed = _editor(qtbot, back)
    assert ed.grid_count() == 1
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))
    assert _paragraph_from_json({"text": "x", "table_cell": [1, "a"], "alignment": "sideways"}) == Paragraph("x")


def test_deleting_across_a_table_and_undo(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    first_after = FIRST_CELL + len(CELLS)
    place(ed, FIRST_CELL - 1, 2)
    cursor = ed.textCursor()
    block = ed.document().findBlockByNumber(first_after)
    cursor.setPosition(block.position() + 1, cursor.MoveMode.KeepAnchor)
    ed.setTextCursor(cursor)
    key(qtbot, ed, Qt.Key.Key_Delete)
    assert ed.document().blockCount() == len(ed.paragraphs())
    rebuilt, srcs = ed._rebuild_all()
    assert ed.paragraphs() == rebuilt and ed.sources() == srcs
    assert not any(p.in_table for p in ed.paragraphs())
    ed.undo()
    assert ed.paragraphs() == doc.paragraphs
    assert ed.sources() == list(range(len(doc.paragraphs)))
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))


@pytest.mark.parametrize("first", [False, True], ids=["table-inside", "table-first"])
def test_random_edits_keep_the_snapshot_right(qtbot, tmp_path: Path, first: bool) -> None:  # noqa: ANN001
    import random

    path = tmp_path / "r.docx"
    path.write_bytes(build_docx(_body(TABLE, [] if first else BEFORE, AFTER)))
    doc = open_document(path)
    ed = _editor(qtbot, doc.paragraphs)
    rng = random.Random(7)
    keys = [Qt.Key.Key_Return, Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Up, Qt.Key.Key_Left]
    for _ in range(150):
        n = len(ed.paragraphs())
        k = rng.randrange(n)
        place(ed, k, rng.randint(0, len(ed.paragraphs()[k].text)))
        op = rng.random()
        if op < 0.4:
            commit(ed, rng.choice(["甲", "乙丙", "。"]))
        elif op < 0.85:
            key(qtbot, ed, rng.choice(keys))
        else:
            ed.undo()
        assert ed.document().blockCount() == len(ed.paragraphs()) + ed._lead
        rebuilt, srcs = ed._rebuild_all()
        assert ed.paragraphs() == rebuilt and ed.sources() == srcs
    while ed.document().isUndoAvailable():
        ed.undo()
    assert ed.paragraphs() == doc.paragraphs
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))


def test_table_that_starts_the_document(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "first.docx"
    path.write_bytes(build_docx(_body(TABLE, [], AFTER)))
    doc = open_document(path)
    ed = _editor(qtbot, doc.paragraphs)
    assert ed.grid_count() == 1
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))
    assert ed.paragraphs() == doc.paragraphs
    assert ed.sources() == list(range(len(doc.paragraphs)))
    # Qt's block before the table holds no paragraph: hidden, the cursor starts in the first cell
    assert ed.document().blockCount() == len(doc.paragraphs) + 1
    assert not ed.document().firstBlock().isVisible()
    assert ed.current_paragraph() == 0 and ed.textCursor().block().text() == "项目"
    ed.go_to(0, 1, 2)
    assert ed.textCursor().selectedText() == "目"
    # typing can't land before the table
    cursor = ed.textCursor()
    cursor.setPosition(0)
    ed.setTextCursor(cursor)
    assert ed.textCursor().block().text() == "项目"
    at_lead = QTextCursor(ed.document())
    assert ed.edit_refusal(at_lead)  # the one way in (a cursor put there by code) is refused
    key(qtbot, ed, Qt.Key.Key_Up)
    commit(ed, "甲")  # lands in the first cell
    assert ed.document().firstBlock().text() == ""
    assert ed.paragraphs()[0].text == "甲项目"
    assert ed.document().blockCount() == len(ed.paragraphs()) + 1
    # edit, Enter and Backspace in cells; save by identity and reopen
    place(ed, CELLS.index("十二次"), 0, 2)
    commit(ed, "十五")
    place(ed, CELLS.index("合计二十次"), 2)
    key(qtbot, ed, Qt.Key.Key_Return)
    key(qtbot, ed, Qt.Key.Key_Backspace)
    key(qtbot, ed, Qt.Key.Key_Backspace)
    rebuilt, srcs = ed._rebuild_all()
    assert ed.paragraphs() == rebuilt and ed.sources() == srcs
    out = tmp_path / "out.docx"
    save_document(doc, [p.text for p in ed.paragraphs()], out, sources=ed.sources())
    edited = [
        "甲" + t if t == "项目" else t.replace("十二次", "十五次").replace("合计二十次", "合二十次") for t in CELLS
    ]
    assert _cells_of(out) == [(t, (0, *g)) for t, g in zip(edited, GRID, strict=True)]
    # deleting everything makes the lead block the one (visible) paragraph; undo brings the table back
    ed.selectAll()
    key(qtbot, ed, Qt.Key.Key_Delete)
    assert [p.text for p in ed.paragraphs()] == [""]
    assert ed.document().firstBlock().isVisible()
    commit(ed, "新的文字")
    assert [p.text for p in ed.paragraphs()] == ["新的文字"]
    ed.undo()
    ed.undo()
    assert [p.text for p in ed.paragraphs()] == [p.text for p in open_document(out).paragraphs]
    assert not ed.document().firstBlock().isVisible()
    assert ed.document().blockCount() == len(ed.paragraphs()) + 1
    assert ed.grid_count() == 1 and ed.table_cell_at(0) == (0, 0, 1, 1)


def test_table_first_problems_and_underlines(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "first.docx"
    path.write_bytes(build_docx(_body(TABLE, [], AFTER)))
    ed = _editor(qtbot, open_document(path).paragraphs)
    problem = Problem("placeholder", Severity.WARNING, 1, 0, 2, "数量", "测试")
    ed.set_problems([problem])
    qtbot.waitUntil(lambda: ed.underlined_spans() == [(1, 0, 2)], timeout=2000)
    assert ed.problems_at(1, 1) == [problem]


@pytest.mark.parametrize(
    "table",
    [
        # a row with a cell missing (ragged): the grid has a hole
        "<w:tbl><w:tr>" + _tc(_p("甲")) + _tc(_p("乙")) + "</w:tr><w:tr>" + _tc(_p("丙")) + "</w:tr></w:tbl>",
        # a span far wider than any real table
        "<w:tbl><w:tr>" + _tc(_p("甲"), span=500) + "</w:tr><w:tr>" + _tc(_p("乙"), span=500) + "</w:tr></w:tbl>",
        # two cells claiming the same grid column
        '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + _tc(_p("甲"))
        + "</w:tr><w:tr>"
        + _tc(_p("乙"), span=2)
        + _tc(_p("丙"))
        + "</w:tr></w:tbl>",
    ],
    ids=["ragged", "huge-span", "grid-before"],
)
def test_irregular_tables_stay_a_column(qtbot, tmp_path: Path, table: str) -> None:  # noqa: ANN001
    path = tmp_path / "odd.docx"
    path.write_bytes(build_docx(_body(table)))
    doc = open_document(path)
    ed = _editor(qtbot, doc.paragraphs)
    assert ed.paragraphs() == doc.paragraphs
    assert ed.document().blockCount() == len(doc.paragraphs)
    in_table = [i for i, p in enumerate(doc.paragraphs) if p.in_table]
    assert in_table and all(ed.table_cell_at(i) is None for i in in_table)
    assert all(ed.display_role(i) == "table" for i in in_table)


def test_copy_across_cells_and_deleting_a_cell_range(qtbot, table_docx: Path) -> None:  # noqa: ANN001
    doc = open_document(table_docx)
    ed = _editor(qtbot, doc.paragraphs)
    # from the paragraph before the table into it: one line per paragraph, no frame marks
    cursor = ed.textCursor()
    cursor.setPosition(ed.document().findBlockByNumber(FIRST_CELL - 1).position() + 5)
    cursor.setPosition(ed.document().findBlockByNumber(FIRST_CELL + 1).position() + 1, QTextCursor.MoveMode.KeepAnchor)
    ed.setTextCursor(cursor)
    assert ed.createMimeDataFromSelection().text().split("\n")[:3] == ["隐患点四十处。", "项目", "数量"]
    # a rectangle of cells (Qt's cell selection): each cell once, row by row
    cursor = ed.textCursor()
    cursor.setPosition(ed.document().findBlockByNumber(FIRST_CELL).position())
    cursor.setPosition(ed.document().findBlockByNumber(FIRST_CELL + 4).position() + 1, QTextCursor.MoveMode.KeepAnchor)
    ed.setTextCursor(cursor)
    assert ed.textCursor().hasComplexSelection()
    assert ed.createMimeDataFromSelection().text() == "项目\n数量\n巡查\n十二次"
    key(qtbot, ed, Qt.Key.Key_Delete)
    rebuilt, srcs = ed._rebuild_all()
    assert ed.paragraphs() == rebuilt and ed.sources() == srcs
    assert ed.document().blockCount() == len(ed.paragraphs())
    assert [p.text for p in ed.paragraphs()][FIRST_CELL : FIRST_CELL + 5] == ["", "", "备注", "", ""]
    assert ed.grid_count() == 1 and ed.table_cell_at(FIRST_CELL + 3) == (1, 0, 2, 1)
    ed.undo()
    assert ed.paragraphs() == doc.paragraphs
    assert _grid(ed) == list(zip(CELLS, GRID, strict=True))
