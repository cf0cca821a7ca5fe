"""Table columns shown with the file's widths (w:tblGrid, else w:tcW) as shares of the table width."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linting.io import open_document
from linting.model import Paragraph
from tests.io.conftest import build_docx
from tests.ui.test_editor_tables import _editor, _p


def _tc(text: str, width: int | None = None, wtype: str = "dxa") -> str:
    pr = f'<w:tcPr><w:tcW w:w="{width}" w:type="{wtype}"/></w:tcPr>' if width is not None else ""
    return f"<w:tc>{pr}{_p(text)}</w:tc>"


def _table(grid: list[int] | None, rows: list[list[str]], tcw: list[int] | None = None, wtype: str = "dxa") -> str:
    g = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{x}"/>' for x in grid) + "</w:tblGrid>" if grid else ""
    body = ""
    for row in rows:
        widths = tcw or [None] * len(row)
        body += "<w:tr>" + "".join(_tc(t, x, wtype) for t, x in zip(row, widths, strict=True)) + "</w:tr>"
    return f"<w:tbl>{g}{body}</w:tbl>"


# A made-up 工作台账: a narrow 序号 column, a wide 事项 column and a middle 责任单位 column.
ROWS = [["序号", "事项", "责任单位"], ["1", "完成辖区隐患排查整改", "县应急管理局"]]
GRID = [900, 5400, 2700]  # twips: 10% / 60% / 30%


def _open(tmp_path: Path, table: str) -> list[Paragraph]:
    path = tmp_path / "台账.docx"
    path.write_bytes(build_docx(_p("关于隐患排查工作的情况报告") + table + _p("特此报告。")))
    return open_document(path).paragraphs


def _column_lefts(ed, first_cell: int, cols: int) -> list[int]:  # noqa: ANN001
    """The x of each column's first cell text in the first row, as laid out."""
    xs = []
    for c in range(cols):
        ed.go_to(first_cell + c)
        xs.append(ed.cursorRect().left())
    return xs


def test_reader_gives_grid_widths_as_shares_and_tcw_when_there_is_no_grid(tmp_path: Path) -> None:
    cells = [p for p in _open(tmp_path, _table(GRID, ROWS)) if p.in_table]
    assert cells and all(p.column_widths == pytest.approx((0.1, 0.6, 0.3)) for p in cells)
    cells = [p for p in _open(tmp_path, _table(None, ROWS, tcw=[1000, 1000, 2000])) if p.in_table]
    assert all(p.column_widths == pytest.approx((0.25, 0.25, 0.5)) for p in cells)
    # percentages or auto widths in tcW, and an empty grid: no widths (equal columns as before)
    cells = [p for p in _open(tmp_path, _table(None, ROWS, tcw=[1000, 1000, 2000], wtype="pct")) if p.in_table]
    assert all(p.column_widths is None for p in cells)
    outside = [p for p in _open(tmp_path, _table(GRID, ROWS)) if not p.in_table]
    assert all(p.column_widths is None for p in outside)


def test_column_widths_are_display_only() -> None:
    a = Paragraph("序号", in_table=True, column_widths=(0.5, 0.5))
    b = Paragraph("序号", in_table=True, column_widths=None)
    assert a == b and hash(a) == hash(b)


def test_editor_lays_columns_out_with_the_file_widths(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    paragraphs = _open(tmp_path, _table(GRID, ROWS))
    ed = _editor(qtbot, paragraphs)
    assert ed.grid_count() == 1
    x0, x1, x2 = _column_lefts(ed, 1, 3)
    narrow, wide = x1 - x0, x2 - x1
    assert narrow > 0 and wide > 0
    # 序号 is a sixth of 事项 in the file (10% / 60%); with equal columns they would be the same
    assert wide / narrow == pytest.approx(6, rel=0.25)
    # the snapshot taken back from the editor keeps the widths (so a re-shown document keeps them)
    assert ed.paragraphs()[1].column_widths == pytest.approx((0.1, 0.6, 0.3))


def test_editor_keeps_equal_columns_without_widths(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    paragraphs = _open(tmp_path, _table(None, ROWS))
    ed = _editor(qtbot, paragraphs)
    assert ed.grid_count() == 1
    x0, x1, x2 = _column_lefts(ed, 1, 3)
    assert (x2 - x1) == pytest.approx(x1 - x0, abs=3)


def test_recovery_copy_keeps_the_column_widths() -> None:
    from ui.recovery import RecoveryState

    cell = Paragraph("序号", in_table=True, table_cell=(0, 0, 0, 1, 1), column_widths=(0.1, 0.6, 0.3))
    state = RecoveryState("k", None, "docx", [Paragraph("标题"), cell], [0, 1], name="未命名")
    back = RecoveryState.from_json(json.loads(json.dumps(state.to_json())))
    assert back.paragraphs[1].column_widths == pytest.approx((0.1, 0.6, 0.3))
    assert back.paragraphs[0].column_widths is None
    bad = state.to_json()
    bad["paragraphs"][1]["column_widths"] = ["宽", 2]
    assert RecoveryState.from_json(bad).paragraphs[1].column_widths is None
