"""Enter after a heading gives body text, as in Word (the style's ``w:next``), in the editor and in the saved file.

The .docx is made by :mod:`tests.io.nextstyle_files` (made-up text, raw WordprocessingML).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt

from linting.engine import Linter
from linting.io import open_document
from linting.model import AfterEnd, Paragraph
from tests.io.nextstyle_files import INDEX, write_next_style_docx
from tests.ui.test_editor_helpers import commit, key, place
from tests.ui.test_main_window import FakeDialogs
from ui.editor import DocumentEditor

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TYPED = "新写的一段正文，记录检查发现的情况。"
H1 = INDEX["h1"]


def _finished(w) -> bool:  # noqa: ANN001
    from ui.app import lint_finished

    return lint_finished(w)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator:  # noqa: ANN001
    """A shown window on the fixture .docx whose first full lint is done."""
    from ui.main_window import MainWindow
    from ui.session import Session

    path = write_next_style_docx(tmp_path / "报告.docx")
    w = MainWindow(Session.open(path), dialogs=FakeDialogs())
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: _finished(w), timeout=30_000)
    yield w
    w.editor.document().setModified(False)
    w.close()


def _style_ids(path: Path) -> list[str | None]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out: list[str | None] = []
    for p in root.iter(f"{W}p"):
        ps = p.find(f"{W}pPr/{W}pStyle")
        out.append(None if ps is None else ps.get(f"{W}val"))
    return out


def test_enter_at_end_of_heading_types_body_text(qtbot, window) -> None:  # noqa: ANN001
    w = window
    ed: DocumentEditor = w.editor
    before = ed.paragraphs()
    headings_before = [e.paragraph for e in w.lint_result().outline]
    assert H1 in headings_before
    place(ed, H1, len(before[H1].text))
    key(qtbot, ed, Qt.Key.Key_Return)
    commit(ed, TYPED)
    paras = ed.paragraphs()
    new = paras[H1 + 1]
    assert (new.text, new.style, new.outline_level, new.auto_number) == (TYPED, "Normal", None, None)
    assert paras[H1] == before[H1]  # the heading is untouched
    assert ed.sources()[H1 + 1] == H1 and isinstance(ed.sources()[H1 + 1], AfterEnd)
    assert ed.display_role(H1 + 1) == "body" and ed.display_role(H1) == "h1"
    # the next lint: the outline has no new heading (the old ones moved down by one)
    qtbot.waitUntil(lambda: _finished(w) and len(w.lint_result().facts) == len(paras), timeout=30_000)
    assert [e.paragraph for e in w.lint_result().outline] == [i if i <= H1 else i + 1 for i in headings_before]
    assert Linter().lint(paras).outline == w.lint_result().outline
    # save: the typed paragraph is Normal (no w:pStyle), the heading keeps Heading 1
    assert w.save(), w.statusBar().currentMessage()
    path = Path(w.session.path)
    styles = _style_ids(path)
    assert styles[H1] == "1" and styles[H1 + 1] is None
    saved = open_document(path).paragraphs
    assert (saved[H1 + 1].text, saved[H1 + 1].style, saved[H1 + 1].outline_level) == (TYPED, "Normal", None)
    assert [p.text for p in saved] == [p.text for p in paras]


def test_undo_restores_the_heading_paragraph(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    paras = [
        Paragraph("一、总体情况", style="heading 1", outline_level=1, next_style=("Normal", None)),
        Paragraph("今年以来，各项工作有序推进。", style="Normal"),
    ]
    ed.set_document(paras)
    place(ed, 0, len(paras[0].text))
    key(qtbot, ed, Qt.Key.Key_Return)
    commit(ed, TYPED)
    assert [p.style for p in ed.paragraphs()] == ["heading 1", "Normal", "Normal"]
    assert ed.sources() == [0, AfterEnd(0), 1]
    ed.undo()  # the typing
    ed.undo()  # the Enter
    assert ed.paragraphs() == paras and ed.sources() == [0, 1]
    assert not any(isinstance(s, AfterEnd) for s in ed.sources())
    ed.redo()
    ed.redo()
    assert ed.paragraphs()[1] == Paragraph(TYPED, style="Normal")
    assert isinstance(ed.sources()[1], AfterEnd) and ed.display_role(1) == "body"


def test_enter_in_the_middle_keeps_the_style_on_both(qtbot, window) -> None:  # noqa: ANN001
    ed: DocumentEditor = window.editor
    place(ed, H1, 2)  # 一、|总体情况
    key(qtbot, ed, Qt.Key.Key_Return)
    paras = ed.paragraphs()
    assert [(p.text, p.style, p.outline_level) for p in paras[H1 : H1 + 2]] == [
        ("一、", "heading 1", 1),
        ("总体情况", "heading 1", 1),
    ]
    assert ed.sources()[H1 : H1 + 2] == [H1, H1]
    assert not any(isinstance(s, AfterEnd) for s in ed.sources())
    assert window.save()
    assert _style_ids(Path(window.session.path))[H1 : H1 + 2] == ["1", "1"]


def test_enter_at_the_start_keeps_the_style_on_both(qtbot, window) -> None:  # noqa: ANN001
    ed: DocumentEditor = window.editor
    place(ed, H1, 0)
    key(qtbot, ed, Qt.Key.Key_Return)
    paras = ed.paragraphs()
    assert [(p.text, p.style, p.outline_level) for p in paras[H1 : H1 + 2]] == [
        ("", "heading 1", 1),
        ("一、总体情况", "heading 1", 1),
    ]
    assert not any(isinstance(s, AfterEnd) for s in ed.sources())
    assert window.save()
    assert _style_ids(Path(window.session.path))[H1 : H1 + 2] == ["1", "1"]


def test_style_without_next_keeps_the_heading(qtbot, window) -> None:  # noqa: ANN001
    ed: DocumentEditor = window.editor
    own = INDEX["own"]
    place(ed, own, len(ed.paragraphs()[own].text))
    key(qtbot, ed, Qt.Key.Key_Return)
    commit(ed, TYPED)
    new = ed.paragraphs()[own + 1]
    assert (new.style, new.outline_level) == ("My Heading", 2)  # as Word: no w:next, the style stays
    assert window.save()
    assert _style_ids(Path(window.session.path))[own + 1] == "Own"


def test_txt_heading_split_at_end_shows_body(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from linting.io import read_txt

    f = tmp_path / "总结.txt"
    f.write_text("关于上半年工作的总结\n一、总体情况\n各项工作有序推进。\n", encoding="utf-8")
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.set_document(read_txt(f).paragraphs)
    assert ed.display_role(1) == "h1"
    place(ed, 1, len("一、总体情况"))
    key(qtbot, ed, Qt.Key.Key_Return)
    commit(ed, TYPED)
    assert ed.display_role(2) == "body" and ed.display_role(1) == "h1"
    assert [e.paragraph for e in Linter().lint(ed.paragraphs()).outline] == [1]


def test_enter_over_a_selection_reaching_the_end_gives_body(qtbot) -> None:  # noqa: ANN001
    """Enter replacing the heading's last characters: the new paragraph follows the end, so the next style."""
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    heading = Paragraph("二、主要做法和成效", style="标题 1", outline_level=1, next_style=("正文", None))
    ed.set_document([heading, Paragraph("坚持问题导向。", style="正文")])
    place(ed, 0, 6, len(heading.text))  # select 和成效
    key(qtbot, ed, Qt.Key.Key_Return)
    paras = ed.paragraphs()
    assert [(p.text, p.style, p.outline_level) for p in paras] == [
        ("二、主要做法", "标题 1", 1),
        ("", "正文", None),
        ("坚持问题导向。", "正文", None),
    ]
    assert ed.sources() == [0, AfterEnd(0), 1] and isinstance(ed.sources()[1], AfterEnd)
    ed.undo()
    assert ed.paragraphs()[0].text == heading.text and len(ed.paragraphs()) == 2


def test_random_edits_keep_next_style_blocks_consistent(qtbot) -> None:  # noqa: ANN001
    """Random Enter (often at a heading's end), typing, deleting, undo and redo: the incrementally kept
    paragraphs and sources, AfterEnd marks included, equal a rebuild from the blocks."""
    import random

    from PySide6.QtGui import QTextCursor

    ed = DocumentEditor()
    qtbot.addWidget(ed)
    paras = []
    for i in range(12):
        if i % 3 == 0:
            paras.append(Paragraph(f"{i}、标题{i}", style="heading 1", outline_level=1, next_style=("Normal", None)))
        else:
            paras.append(Paragraph(f"第{i}段正文内容。", style="Normal"))
    ed.set_document(paras)
    rng = random.Random(11)
    doc = ed.document()
    flagged_seen = 0
    for _ in range(150):
        n = doc.characterCount() - 1
        cursor = QTextCursor(doc)
        if rng.random() < 0.4:  # the end of a random block
            cursor.setPosition(min(n, doc.findBlockByNumber(rng.randrange(doc.blockCount())).position()))
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        else:
            a = rng.randrange(0, n + 1)
            cursor.setPosition(a)
            cursor.setPosition(min(n, a + rng.choice([0, 0, 1, 4])), QTextCursor.MoveMode.KeepAnchor)
        ed.setTextCursor(cursor)
        op = rng.choice(["enter", "enter", "type", "delete", "undo", "redo"])
        if op == "enter":
            key(qtbot, ed, Qt.Key.Key_Return)
        elif op == "type":
            commit(ed, rng.choice(["好", "正文。", "𫖯"]))
        elif op == "delete":
            key(qtbot, ed, Qt.Key.Key_Backspace)
        elif op == "undo":
            ed.undo()
        else:
            ed.redo()
        rebuilt, srcs = ed._rebuild_all()
        assert ed.paragraphs() == rebuilt
        assert [(s, isinstance(s, AfterEnd)) for s in ed.sources()] == [(s, isinstance(s, AfterEnd)) for s in srcs]
        for p, s in zip(rebuilt, srcs):
            if isinstance(s, AfterEnd):
                flagged_seen += 1
                assert (p.style, p.outline_level) == ("Normal", None)
    assert flagged_seen  # the sequence did make paragraphs by Enter at a heading's end
