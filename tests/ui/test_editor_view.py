"""How the document view draws table cells (one framed column) and Word's auto-numbers."""

from __future__ import annotations

from PySide6.QtGui import QColor

from linting.model import Paragraph
from ui.editor import DocumentEditor

DOC = [
    Paragraph("请各单位按下表报送人数。"),
    Paragraph("单位", in_table=True),
    Paragraph("人数", in_table=True),
    Paragraph("市直各部门", in_table=True),
    Paragraph("表后正文。"),
    Paragraph("总体情况", auto_number="一、", outline_level=1),
    Paragraph("附则", auto_number="第十二章", outline_level=1),  # a long label: a wide reserved indent
]


def _editor(qtbot) -> DocumentEditor:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(700, 500)
    ed.show()
    ed.set_document(DOC)
    qtbot.waitExposed(ed)
    return ed


def test_table_cells_form_one_framed_column(qtbot) -> None:  # noqa: ANN001
    ed = _editor(qtbot)
    doc = ed.document()
    cells = [ed._cell_rect(doc.findBlockByNumber(n)) for n in range(len(DOC))]
    assert cells[0] is None and cells[4] is None and cells[5] is None and cells[6] is None
    first, middle, last = cells[1], cells[2], cells[3]
    assert first is not None and middle is not None and last is not None
    assert first.bottom() == middle.top() and middle.bottom() == last.top()  # no gap between cells
    assert first.left() == middle.left() == last.left()
    text_left = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(1)).left()
    assert first.left() > text_left  # set apart from the body text by the indent
    body = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(4))
    assert body.top() > last.bottom() + ed.verticalScrollBar().value()  # space after the table
    # the background is painted under the cell text
    image = ed.viewport().grab().toImage()
    inside = first.adjusted(2, 2, -2, -2)
    x, y = int(inside.right()) - 2, int(inside.center().y())
    assert QColor(image.pixel(x, y)) == QColor("#eef3f8")


def test_auto_number_is_painted_right_before_the_text(qtbot) -> None:  # noqa: ANN001
    ed = _editor(qtbot)
    block = ed.document().findBlockByNumber(5)
    rect = ed.document().documentLayout().blockBoundingRect(block)
    text_left = rect.left() + block.layout().lineAt(0).x() - ed.horizontalScrollBar().value()
    top = rect.top() - ed.verticalScrollBar().value()
    image = ed.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    width = ed.fontMetrics().horizontalAdvance("中")

    def inked(x0: float, x1: float) -> bool:
        for x in range(int(x0 * ratio), int(x1 * ratio)):
            for y in range(int(top * ratio), int((top + rect.height()) * ratio)):
                if QColor(image.pixel(x, y)).lightness() < 200:
                    return True
        return False

    assert inked(text_left - 2 * width, text_left - 1)  # the label sits right before the text
    assert ed._label_width > 4 * width
    assert not inked(text_left - ed._label_width, text_left - 3 * width)  # not at the far left of the indent
