"""The document view on a 600-page-sized draft (20,000 paragraphs, ≈1.2M characters).

Asserts only correctness (the incremental snapshot equals a rebuild after
edits); the timings are printed (``pytest -s``), never asserted.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from linting.model import Paragraph, Problem, Severity
from tests.ui.test_editor_helpers import commit
from ui.editor import DocumentEditor

BODY = "我们认真贯彻落实各项决策部署，扎实推进重点工作,取得明显成效。"


def big_document(n: int = 20_000) -> list[Paragraph]:
    paras = []
    for i in range(n):
        if i % 50 == 0:
            paras.append(Paragraph(f"{'一二三四五六七八九十'[i // 50 % 10]}、第{i}部分工作情况"))
        elif i % 97 == 0:
            paras.append(Paragraph("见图\ufffc，共计第3页", objects=("image",), locked=((5, 8),)))
        elif i % 13 == 0:
            paras.append(Paragraph("加强组织领导", auto_number="（一）"))
        else:
            paras.append(Paragraph(BODY * (1 + i % 3)))
    return paras


def test_large_document_figures(qtbot) -> None:  # noqa: ANN001
    ed = DocumentEditor()
    qtbot.addWidget(ed)
    ed.resize(1000, 800)
    ed.show()
    paras = big_document()
    figures: dict[str, float] = {}

    t = time.perf_counter()
    ed.set_document(paras)
    QApplication.processEvents()
    figures["set_document (s)"] = time.perf_counter() - t

    t = time.perf_counter()
    snapshot = ed.paragraphs()
    figures["paragraphs() (ms)"] = 1000 * (time.perf_counter() - t)
    assert snapshot == paras

    ed.go_to(10_001, 5)
    stalls = []
    for ch in "测试输入文字" * 5:
        t = time.perf_counter()
        commit(ed, ch)
        QApplication.processEvents()
        stalls.append(time.perf_counter() - t)
    figures["keystroke max (ms)"] = 1000 * max(stalls)
    figures["keystroke mean (ms)"] = 1000 * sum(stalls) / len(stalls)

    t = time.perf_counter()
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    QApplication.processEvents()
    figures["Enter (ms)"] = 1000 * (time.perf_counter() - t)

    problems = [Problem("x", Severity.WARNING, i, 1, 2, "", "m") for i in range(len(ed.paragraphs()))]
    t = time.perf_counter()
    ed.set_problems(problems)
    QApplication.processEvents()
    figures["set_problems 20k + underline (ms)"] = 1000 * (time.perf_counter() - t)
    assert 0 < len(ed.extraSelections()) < 200

    t = time.perf_counter()
    ed.character_count()
    figures["character_count first (ms)"] = 1000 * (time.perf_counter() - t)

    paras_now, srcs_now = ed._rebuild_all()
    assert ed.paragraphs() == paras_now and ed.sources() == srcs_now
    assert ed.paragraphs()[10_001].text.startswith("我们认真贯测试输入文字")
    assert ed.sources().count(10_001) == 2
    print()
    for name, value in figures.items():
        print(f"  {name:36} {value:8.3f}")
