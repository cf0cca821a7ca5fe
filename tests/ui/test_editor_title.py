"""The title as Word shows it (centred, title face, whatever its style), paragraph alignment from the file,
and the title followed live from each lint result without touching the document or its undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from linting.config import load_config
from linting.engine import Linter
from linting.io import open_document, save_document
from linting.model import Paragraph
from tests.io.conftest import build_docx
from tests.ui.test_editor_helpers import commit, place
from ui.editor import DocumentEditor

CENTER = Qt.AlignmentFlag.AlignHCenter
LEFT = Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignRight

# A made-up 情况报告: the title set as 标题 1 (no Title style) and centred by w:jc, a centred
# organisation line, body, and a right-aligned sign-off.
_LINES = [
    ("关于2025年防汛工作的情况报告", "1", "center"),
    ("县应急管理局", None, "center"),
    ("今年以来，我局认真落实防汛责任制，现将有关情况报告如下。", None, "both"),
    ("一、基本情况", "1", None),
    ("全县共排查隐患点四十处，已整改三十五处。", None, None),
    ("二、下一步打算", "1", None),
    ("继续加强值守，确保安全度汛。特此报告。", None, None),
    ("县应急管理局", None, "right"),
    ("2025年6月3日", None, "right"),
]


def _para_xml(text: str, style: str | None, jc: str | None) -> str:
    ppr = ""
    if style or jc:
        ppr = (
            "<w:pPr>"
            + (f'<w:pStyle w:val="{style}"/>' if style else "")
            + (f'<w:jc w:val="{jc}"/>' if jc else "")
            + "</w:pPr>"
        )
    return f'<w:p>{ppr}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    path = tmp_path / "防汛情况报告.docx"
    path.write_bytes(build_docx("".join(_para_xml(*line) for line in _LINES)))
    return path


@pytest.fixture
def report_txt(tmp_path: Path) -> Path:
    path = tmp_path / "防汛情况报告.txt"
    path.write_text("\n".join(text for text, _s, _j in _LINES) + "\n", encoding="utf-8")
    return path


def _editor(qtbot, paragraphs) -> DocumentEditor:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(900, 700)
    ed.set_document(paragraphs)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def _title_index(paragraphs: list[Paragraph]) -> int | None:
    return Linter(load_config(None)).lint(paragraphs).title_index


def test_reader_carries_alignment_for_display_only(report_docx: Path) -> None:
    doc = open_document(report_docx)
    assert [p.alignment for p in doc.paragraphs] == [
        "center",
        "center",
        "justify",
        None,
        None,
        None,
        None,
        "right",
        "right",
    ]
    # display only: not part of equality/hash, so lint results cannot depend on it
    plain = [Paragraph(p.text, p.style, p.outline_level, p.auto_number, p.in_table) for p in doc.paragraphs]
    assert plain == doc.paragraphs
    assert [hash(p) for p in plain] == [hash(p) for p in doc.paragraphs]
    a = Linter(load_config(None)).lint(doc.paragraphs)
    b = Linter(load_config(None)).lint(plain)
    assert [x.to_json() for x in a.problems] == [x.to_json() for x in b.problems]


def test_style_alignment_is_inherited(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Sign"><w:name w:val="落款"/><w:basedOn w:val="a"/>'
        '<w:pPr><w:jc w:val="right"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Sign2"><w:name w:val="落款2"/><w:basedOn w:val="Sign"/></w:style>'
    )
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Sign2"/></w:pPr><w:r><w:t>县应急管理局</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Sign2"/><w:jc w:val="left"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>'
    )
    path = tmp_path / "s.docx"
    path.write_bytes(build_docx(body, styles=styles))
    assert [p.alignment for p in open_document(path).paragraphs] == ["right", "left"]


def test_docx_title_without_title_style_shows_like_the_txt(qtbot, report_docx: Path, report_txt: Path) -> None:  # noqa: ANN001
    shown = []
    for path in (report_docx, report_txt):
        ed = _editor(qtbot, open_document(path).paragraphs)
        shown.append((ed.display_role(0), ed.display_alignment(0)))
    assert shown == [("title", CENTER), ("title", CENTER)]


def test_docx_alignment_shown_as_word_shows_it(qtbot, report_docx: Path) -> None:  # noqa: ANN001
    ed = _editor(qtbot, open_document(report_docx).paragraphs)
    assert [ed.display_alignment(i) for i in range(len(_LINES))] == [
        CENTER,
        CENTER,
        LEFT,  # justified text is shown left-aligned
        LEFT,
        LEFT,
        LEFT,
        LEFT,
        RIGHT,
        RIGHT,
    ]
    assert ed.display_role(1) == "body"  # centred, but not a title


def test_display_never_changes_what_is_saved(qtbot, report_docx: Path, tmp_path: Path) -> None:  # noqa: ANN001
    doc = open_document(report_docx)
    ed = _editor(qtbot, doc.paragraphs)
    ed.set_title(None)
    ed.set_title(2)
    out = tmp_path / "out.docx"
    save_document(doc, [p.text for p in ed.paragraphs()], out, sources=ed.sources())
    import zipfile

    with zipfile.ZipFile(report_docx) as a, zipfile.ZipFile(out) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_title_typed_into_empty_first_line_is_shown_live(qtbot) -> None:  # noqa: ANN001
    paragraphs = [
        Paragraph(""),
        Paragraph("一、基本情况"),
        Paragraph("全县共排查隐患点四十处，已整改三十五处。"),
        Paragraph("二、下一步打算"),
        Paragraph("继续加强值守。"),
    ]
    assert _title_index(paragraphs) is None
    ed = _editor(qtbot, paragraphs)
    ed.set_title(None)
    assert ed.display_role(0) == "body"
    assert ed.display_alignment(0) == LEFT
    place(ed, 0, 0)
    commit(ed, "关于防汛工作的情况报告")
    doc = ed.document()
    steps, modified, rev = doc.availableUndoSteps(), doc.isModified(), ed.revision()
    index = _title_index(ed.paragraphs())
    assert index == 0
    ed.set_title(index)
    assert ed.title_paragraph() == 0
    assert ed.display_role(0) == "title"
    assert ed.display_alignment(0) == CENTER
    ranges = doc.findBlockByNumber(0).layout().formats()
    assert ranges and ranges[0].length == len("关于防汛工作的情况报告")
    assert QTextCharFormat(ranges[0].format).fontFamilies() == ed._char_format("title").fontFamilies()
    # display only: no undo step, no modification, no content change
    assert (doc.availableUndoSteps(), doc.isModified(), ed.revision()) == (steps, modified, rev)
    assert doc.findBlockByNumber(0).blockFormat().alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask == LEFT
    # more typing in the title keeps the title face over the whole line
    place(ed, 0, len("关于防汛工作的情况报告"))
    commit(ed, "（二）")
    assert ed.display_role(0) == "title"
    assert doc.findBlockByNumber(0).layout().formats()[0].length == len("关于防汛工作的情况报告（二）")
    # one undo removes only the typing; the next lint result moves the title back
    ed.undo()
    ed.undo()
    assert ed.paragraphs()[0].text == ""
    ed.set_title(_title_index(ed.paragraphs()))
    assert ed.display_role(0) == "body"
    assert ed.display_alignment(0) == LEFT
    assert not doc.findBlockByNumber(0).layout().formats()


def test_deleted_title_is_no_longer_shown_as_title(qtbot) -> None:  # noqa: ANN001
    paragraphs = [
        Paragraph("关于防汛工作的情况报告"),
        Paragraph("一、基本情况"),
        Paragraph("全县共排查隐患点四十处。"),
    ]
    ed = _editor(qtbot, paragraphs)
    assert ed.display_role(0) == "title"  # found on opening
    assert ed.display_alignment(0) == CENTER
    place(ed, 0, 0, len(paragraphs[0].text))
    commit(ed, "今年以来，我局认真落实防汛责任制，全县共排查隐患点四十处，已整改三十五处。")
    steps = ed.document().availableUndoSteps()
    ed.set_title(_title_index(ed.paragraphs()))
    assert ed.title_paragraph() is None
    assert ed.display_role(0) == "body"
    assert ed.display_alignment(0) == LEFT
    ranges = ed.document().findBlockByNumber(0).layout().formats()
    fmt = QTextCharFormat(ranges[0].format)
    assert fmt.fontWeight() == QFont.Weight.Normal
    assert fmt.intProperty(fmt.Property.FontSizeAdjustment) == 0
    assert ed.document().availableUndoSteps() == steps


def test_title_moves_to_another_paragraph(qtbot) -> None:  # noqa: ANN001
    paragraphs = [Paragraph("关于防汛工作的情况报告"), Paragraph("县应急管理局"), Paragraph("一、基本情况")]
    ed = _editor(qtbot, paragraphs)
    ed.set_title(1)
    assert [ed.display_role(i) for i in range(3)] == ["body", "title", "h1"]
    assert [ed.display_alignment(i) for i in range(3)] == [LEFT, CENTER, LEFT]
    ed.set_title(0)
    assert [ed.display_role(i) for i in range(3)] == ["title", "body", "h1"]
    assert [ed.display_alignment(i) for i in range(3)] == [CENTER, LEFT, LEFT]
    assert not ed.document().isModified()
    assert ed.document().availableUndoSteps() == 0


def test_window_follows_the_title_live(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.app import lint_finished
    from ui.main_window import MainWindow
    from ui.session import Session

    path = tmp_path / "草稿.txt"
    path.write_text("\n一、基本情况\n全县共排查隐患点四十处。\n二、下一步打算\n继续加强值守。\n", encoding="utf-8")
    w = MainWindow(Session.open(path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: lint_finished(w), timeout=30_000)
    ed = w.editor
    assert ed.display_role(0) == "body"
    place(ed, 0, 0)
    commit(ed, "关于防汛工作的情况报告")
    steps = ed.document().availableUndoSteps()
    qtbot.waitUntil(lambda: ed.display_role(0) == "title", timeout=30_000)
    assert ed.display_alignment(0) == CENTER
    assert ed.document().availableUndoSteps() == steps
    ed.document().setModified(False)
