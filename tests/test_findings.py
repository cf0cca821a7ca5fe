"""One finding type (:class:`linting.model.Finding`) carrying :class:`Edit` objects, one path to a Problem."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest

from linting import messages as msg
from linting.engine import Linter, to_problem
from linting.model import (
    THIS_PARAGRAPH,
    Applicability,
    Edit,
    Finding,
    Fix,
    Paragraph,
    Severity,
    local_edits,
)
from linting.rules import RULES

ROOT = Path(__file__).resolve().parents[1]

# A made-up report with a slip for most fixable rules: half-width marks, a doubled mark, a
# half-width sentence period, a 发文字号 in the wrong brackets, a skipped heading number (renumbered
# through the siblings after it), a heading ending in 。, and a skipped 一是/三是 series.
_REPORT = [
    "关于做好秋季防火工作的通知",
    "各街道办事处：",
    "今年以来,我局认真部署(防火)工作;现将有关事项通知如下：",
    "一、提高认识。",
    "秋季气候干燥，防火形势严峻。。各单位要高度重视.",
    "二、压实责任",
    "参照林防办发【2024】7号文件执行，一是加强巡查，三是及时处置。",
    "四、加强督查",
    "各单位要定期开展督查，确保责任落实到位，确保各项措施落地见效。",
    "五、强化保障",
    "各单位要保障必要的经费和物资，确保防火工作顺利开展、取得实效。",
]


def _lint(paragraphs: list[Paragraph]) -> list:
    return Linter().lint(paragraphs).problems


def test_edit_is_a_named_tuple() -> None:
    e = Edit(3, 1, 2, "，")
    assert isinstance(e, tuple) and e == (3, 1, 2, "，")
    assert (e.paragraph, e.start, e.end, e.replacement) == (3, 1, 2, "，")
    assert local_edits([1, 5], [2, 6], ["，", "；"]) == (
        Edit(THIS_PARAGRAPH, 1, 2, "，"),
        Edit(THIS_PARAGRAPH, 5, 6, "；"),
    )
    assert all(type(x) is Edit for x in local_edits([1], [2], ["，"]))


def test_local_edits_read_as_edits() -> None:
    """A paragraph rule's many edits are kept as columns and read as Edit objects."""
    edits = local_edits([1, 5, 9], [2, 6, 10], ["，", "；", "："])
    assert len(edits) == 3 and edits[1] == Edit(THIS_PARAGRAPH, 5, 6, "；") and edits[-1].start == 9
    assert edits[1:] == (Edit(THIS_PARAGRAPH, 5, 6, "；"), Edit(THIS_PARAGRAPH, 9, 10, "："))
    assert list(edits) == [Edit(THIS_PARAGRAPH, s, s + 1, r) for s, r in ((1, "，"), (5, "；"), (9, "："))]
    assert edits.placed(4)[2] == Edit(4, 9, 10, "：")
    assert edits == local_edits((1, 5, 9), (2, 6, 10), ("，", "；", "：")) != local_edits([1], [2], ["，"])
    assert hash(edits) == hash(local_edits([1, 5, 9], [2, 6, 10], ["，", "；", "："]))
    assert Finding(0, 1, "m", edits) == Finding(0, 1, "m", tuple(edits))
    with pytest.raises(ValueError, match="differ in length"):
        local_edits([1, 2], [2], ["，"])


def test_fix_in_paragraph_places_local_edits() -> None:
    fix = Fix.in_paragraph(7, local_edits([1, 4], [2, 5], ["，", "："]), Applicability.SAFE, "d")
    assert fix.edits == (Edit(7, 1, 2, "，"), Edit(7, 4, 5, "："))
    assert fix.edits is fix.edits  # placed once
    assert fix == Fix((Edit(7, 1, 2, "，"), Edit(7, 4, 5, "：")), Applicability.SAFE, "d")
    assert fix.to_json()["edits"][1] == {"paragraph": 7, "start": 4, "end": 5, "replacement": "："}


def test_finding_defaults_and_is_immutable() -> None:
    f = Finding(0, 1, "m")
    assert (f.edits, f.applicability, f.fix_description, f.rule, f.paragraph, f.shown) == (
        (),
        Applicability.UNSAFE,  # a fix is applied unseen only when its rule says so
        "",
        None,
        None,
        "",
    )
    with pytest.raises(AttributeError):
        f.start = 3  # type: ignore[misc]
    g = Finding(0, 1, "m", rule="ordinal-skip", paragraph=2)._replace(start=1)
    assert (g.rule, g.paragraph, g.start) == ("ordinal-skip", 2, 1)


def test_paragraph_rules_leave_the_paragraph_to_the_engine() -> None:
    """Paragraph rules return findings without an index and edits in "this paragraph"."""
    linter = Linter()
    text = _REPORT[2]
    facts = linter.facts(Paragraph(text))
    check = RULES["halfwidth-punct"].paragraph_check
    assert check is not None
    (f,) = check(text, facts, linter.config)
    assert f.paragraph is None and f.rule is None
    assert f.edits and {e.paragraph for e in f.edits} == {THIS_PARAGRAPH}
    assert f.fix_description == msg.fix_fullwidth(len(f.edits))
    # The engine places it: the same text at another index gives the same finding at that index.
    for at in (2, 9):
        paragraphs = [Paragraph("标题")] * at + [Paragraph(text)]
        (p,) = [p for p in _lint(paragraphs) if p.rule == "halfwidth-punct"]
        assert p.paragraph == at and p.fix is not None
        assert {e.paragraph for e in p.fix.edits} == {at}
        assert [(e.start, e.end, e.replacement) for e in p.fix.edits] == [
            (e.start, e.end, e.replacement) for e in f.edits
        ]


def test_every_fix_says_what_it_does() -> None:
    problems = _lint([Paragraph(t) for t in _REPORT])
    fixed = {p.rule for p in problems if p.fix is not None}
    assert {"halfwidth-punct", "punct-doubled", "sentence-period", "doc-number-brackets"} <= fixed
    assert {"heading-skip", "heading-punctuation", "ordinal-skip"} <= fixed
    for p in problems:
        if p.fix is not None:
            assert p.fix.description and p.fix.edits, p
            assert all(0 <= e.paragraph < len(_REPORT) for e in p.fix.edits)
    renumber = next(p for p in problems if p.rule == "heading-skip")
    assert renumber.fix is not None and renumber.fix.description == msg.FIX_RENUMBER_LEVEL
    assert [(e.paragraph, e.replacement) for e in renumber.fix.edits] == [(7, "三、"), (9, "四、")]
    ordinal = next(p for p in problems if p.rule == "ordinal-skip")
    assert ordinal.fix is not None and ordinal.fix.applicability is Applicability.UNSAFE
    assert ordinal.fix.description == msg.fix_replace("二是")


def test_a_fix_reaching_a_read_only_paragraph_is_dropped_whole() -> None:
    """The renumbering of 三、 would also rewrite 四、 and 五、: one of them is read-only, so no fix."""
    paragraphs = [Paragraph(t) for t in _REPORT]
    paragraphs[9] = replace(paragraphs[9], read_only=True)
    problems = _lint(paragraphs)
    skip = next(p for p in problems if p.rule == "heading-skip")
    assert skip.paragraph == 7 and skip.fix is None
    # A paragraph rule's fix lives in its own paragraph: dropped only when that one is read-only.
    paragraphs[2] = replace(paragraphs[2], read_only=True)
    half = next(p for p in _lint(paragraphs) if p.rule == "halfwidth-punct")
    assert half.paragraph == 2 and half.fix is None


def test_to_problem_is_the_one_path() -> None:
    paragraphs = [Paragraph("一、总体情况"), Paragraph("二、主要做法")]
    doc = Finding(0, 2, "m", (Edit(1, 0, 2, "三、"),), Applicability.SAFE, "d", rule="heading-skip", paragraph=1)
    p = to_problem("heading-skip", Severity.INFO, doc, paragraphs)
    assert (p.rule, p.severity, p.paragraph, p.excerpt) == ("heading-skip", Severity.INFO, 1, "二、")
    assert p.fix == Fix((Edit(1, 0, 2, "三、"),), Applicability.SAFE, "d")
    # An empty span (a Word auto-number is not in the text) shows what the finding says.
    auto = Finding(0, 0, "m", paragraph=0, shown="（三）")
    assert to_problem("heading-skip", Severity.WARNING, auto, paragraphs).excerpt == "（三）"
    local = Finding(0, 1, "m", local_edits([0], [1], ["壹"]), Applicability.SAFE, "d")
    q = to_problem("halfwidth-punct", Severity.WARNING, local, (), at=(1, paragraphs[1]))
    assert q.paragraph == 1 and q.fix is not None and q.fix.edits == (Edit(1, 0, 1, "壹"),)
    with pytest.raises(AssertionError):
        to_problem("heading-skip", Severity.WARNING, Finding(0, 1, "m"), paragraphs)


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’…]")


def test_no_user_visible_chinese_formatted_outside_messages() -> None:
    """Messages and fix descriptions are built in linting/messages.py; regexes may hold Chinese."""
    files = sorted((ROOT / "linting" / "rules").glob("*.py")) + [ROOT / "linting" / "outline.py"]
    files.append(ROOT / "linting" / "engine.py")
    bad = []
    for path in files:
        source = path.read_text("utf-8")
        tree = ast.parse(source)
        in_regex = {
            id(node)
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") in ("compile", "sub", "search", "match")
            for arg in call.args[:1]
            for node in ast.walk(arg)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and id(node) not in in_regex:
                text = ast.get_source_segment(source, node) or ""
                if _CJK.search(text):
                    bad.append(f"{path.name}:{node.lineno}: {text[:60]}")
            elif isinstance(node, ast.keyword) and node.arg in ("fix_description", "message"):
                if isinstance(node.value, ast.Constant) and _CJK.search(str(node.value.value)):
                    bad.append(f"{path.name}:{node.value.lineno}: {node.value.value[:60]}")
    assert not bad, bad
