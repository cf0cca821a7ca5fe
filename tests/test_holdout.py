"""Reports the rules were never tuned on (tests/data/holdout, written independently of the
implementation, with their own annotation), as .txt in several encodings and as .docx.

Clean versions must give no warning at all; drafts must give exactly the annotated findings.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import convert_file, open_document
from tests.helpers import annotation_key
from tests.io.conftest import DEFAULT_STYLES, build_docx, p

HOLDOUT = Path(__file__).parent / "data" / "holdout"
ANNOTATIONS = tomllib.loads((HOLDOUT / "annotations.toml").read_text("utf-8"))
LINTER = Linter()


def _keys(problems) -> Counter:
    return Counter(annotation_key(pr) for pr in problems if pr.severity.value != "info")


def test_holdout_covers_types_and_encodings() -> None:
    types = {a["doctype"] for a in ANNOTATIONS.values()}
    assert types == {"请示", "情况报告", "述职报告", "通知", "工作总结"}
    encodings = {open_document(HOLDOUT / n).encoding for n in ANNOTATIONS}
    assert {"utf-8", "gb18030"} <= {e.lower() for e in encodings}
    assert sum(len(a["findings"]) for a in ANNOTATIONS.values()) >= 50


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_holdout_txt(name: str) -> None:
    doc = open_document(HOLDOUT / name)
    result = LINTER.lint(doc.paragraphs)
    assert result.doctype == ANNOTATIONS[name]["doctype"]
    got = _keys(result.problems)
    expected = Counter(tuple(f) for f in ANNOTATIONS[name]["findings"])
    assert not expected - got, f"missed: {sorted((expected - got).elements())}"
    assert not got - expected, f"false findings: {sorted((got - expected).elements())}"


@pytest.mark.parametrize("name", sorted(n for n in ANNOTATIONS if n.endswith(".draft.txt")))
def test_holdout_as_docx_gives_the_same_findings(name: str, tmp_path: Path) -> None:
    out = tmp_path / (name.removesuffix(".txt") + ".docx")
    convert_file(HOLDOUT / name, out)
    doc = open_document(out)
    txt = open_document(HOLDOUT / name)
    assert [q.text.strip() for q in doc.paragraphs if q.text.strip()] == [
        q.text.strip() for q in txt.paragraphs if q.text.strip()
    ]
    assert _keys(LINTER.lint(doc.paragraphs).problems) == _keys(LINTER.lint(txt.paragraphs).problems)


def _lvl(ilvl: int, fmt: str, text: str) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'


def test_auto_numbered_headings_are_seen_as_word_shows_them(tmp_path: Path) -> None:
    """一、 and （一） come from numbering.xml; a restarted list makes Word show 一、 twice."""
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + _lvl(0, "chineseCountingThousand", "%1、")
        + _lvl(1, "chineseCountingThousand", "（%2）")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )

    def num(num_id: int, ilvl: int) -> str:
        return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'

    body = "".join(
        [
            p("2024年工作总结", style="Title"),
            p("主要工作", style="1", numpr=num(1, 0)),
            p("加强领导", numpr=num(1, 1)),
            p("今年以来，我们认真落实各项工作任务。"),
            p("强化学习", numpr=num(1, 1)),
            p("存在问题", style="1", numpr=num(1, 0)),
            p("学习不够深入。"),
            p("下一步打算", style="1", numpr=num(2, 0)),
            p("继续加强学习。"),
        ]
    )
    path = tmp_path / "auto.docx"
    path.write_bytes(build_docx(body, numbering=numbering, styles=DEFAULT_STYLES))
    doc = open_document(path)
    result = LINTER.lint(doc.paragraphs)
    assert [(e.level, e.number, e.title) for e in result.outline] == [
        (1, "一、", "主要工作"),
        (2, "（一）", "加强领导"),
        (2, "（二）", "强化学习"),
        (1, "二、", "存在问题"),
        (1, "一、", "下一步打算"),
    ]
    problems = [(pr.rule, pr.paragraph, pr.fix) for pr in result.problems]
    assert ("heading-order", 7, None) in problems  # Word shows 一、 after 二、: no text fix, it's Word's list
    assert not [pr for pr in result.problems if pr.rule == "missing-section"]
