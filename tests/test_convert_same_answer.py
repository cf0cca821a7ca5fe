"""One document, one answer: a .txt converted to .docx has the same title, outline and findings.

Over every .txt report the project wrote for its tests (and the bundled sample).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import convert_file, open_document
from tests import corpus

FILES = [*corpus.OWN_TXT, corpus.SAMPLE_TXT]


def _answer(path: Path):
    doc = open_document(path)
    result = Linter().lint(doc.paragraphs)
    outline = [(e.level, e.number, e.title.strip(), e.paragraph) for e in result.outline]
    findings = Counter((p.rule, p.paragraph, p.excerpt.strip()) for p in result.problems)
    return result.title_index, result.doctype, outline, findings


@pytest.mark.parametrize("src", FILES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_converted_docx_gives_the_same_answer(src: Path, tmp_path: Path) -> None:
    target = tmp_path / (src.stem + ".docx")
    convert_file(src, target)
    title, doctype, outline, findings = _answer(src)
    d_title, d_doctype, d_outline, d_findings = _answer(target)
    assert (d_title, d_doctype) == (title, doctype)
    assert d_outline == outline
    assert not findings - d_findings, f"lost in .docx: {sorted((findings - d_findings).elements())}"
    assert not d_findings - findings, f"new in .docx: {sorted((d_findings - findings).elements())}"


RED_HEADER_QINGSHI = [
    "青山县交通运输局文件",
    "青交〔2024〕15号",
    "关于申请农村公路危桥改造资金的请示",
    "县人民政府：",
    "我县现有农村公路危桥7座，其中4座已限制通行，群众出行和农产品运输受到较大影响。"
    "经专业机构检测评估，改造共需资金约860万元，我局已多方筹措资金300万元。",
    "恳请县政府从交通专项资金中安排560万元，用于上述危桥改造。",
    "青山县交通运输局",
    "2024年4月8日",
]


@pytest.mark.parametrize(
    "lines",
    [RED_HEADER_QINGSHI, __import__("tests.test_outline_own", fromlist=["UNNUMBERED"]).UNNUMBERED],
    ids=["red-header-qingshi", "unnumbered-headings"],
)
def test_made_up_reports_give_the_same_answer(lines: list[str], tmp_path: Path) -> None:
    src = tmp_path / "报告.txt"
    src.write_text("\n".join(lines) + "\n", "utf-8")
    target = tmp_path / "报告.docx"
    convert_file(src, target)
    assert _answer(target) == _answer(src)
    title, _, outline, findings = _answer(src)
    if lines is RED_HEADER_QINGSHI:  # the title under the red header; 妥否，请批示 missing
        assert title == 2 and any(rule == "missing-section" for rule, _, _ in findings)
    else:  # the three unnumbered headings are in the outline
        assert title == 0 and [e[1] for e in outline].count("") == 3
