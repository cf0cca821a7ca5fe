"""The caches that make re-linting cheap give exactly what a fresh lint gives.

The outline of the last lint is reused while no paragraph changes what the outline pass reads
(:func:`linting.view.outline_key`); the ordinal and count scanners look only where a match may
start; a lint pauses the cycle collector.  Every test here compares against the plain computation.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linting.analysis import _RE_COUNT, _count_matches
from linting.engine import Linter, LintResult
from linting.markers import _RE_ORDINALS, _ordinal_matches
from linting.model import Paragraph
from linting.outline import build_outline

ROOT = Path(__file__).resolve().parents[1]

# Made-up report text: long enough body sentences (over 60 characters) and every kind of line the
# outline pass looks at — headings, attachment lines, lists introduced by a colon, quotations over
# several paragraphs, short lines that may be unnumbered headings, signatures.
FILLER = "我们围绕年度目标任务，认真落实各项工作部署，扎实推进重点项目建设，"
HEADINGS = [
    "一、主要工作",
    "二、存在问题",
    "三、下一步打算",
    "五、其他事项",
    "（一）加强组织领导",
    "（二）强化队伍建设。",
    "（四）抓好宣传工作",
    "(三)完善制度",
    "1.开展专项检查",
    "2．落实整改措施",
    "4、做好总结",
    "第一章 总则",
    "第二章 职责",
    "①明确分工",
]
LINES = [
    "",
    "   ",
    "关于2024年度工作情况的报告",
    "附件：1.工作台账",
    "附件1",
    "名词解释",
    "组织保障",
    "工作成效",
    "XX局办公室",
    "2024年12月1日",
    "特此报告。",
    "现将有关情况报告如下：",
    "主要抓好三个方面的工作：",
    "“坚持问题导向",
    "“突出工作重点",
    "全面完成任务。”",
]
PREFIXES = ["", "", "　　", " ", "\t", "“", "附件：", "附件 ", "1", "2.", "一是", "首先，"]
SUFFIXES = ["", "", "。", "：", ":", "如下：", "”", "”。", "  ", "；", "两个方面：", "三项工作："]
TOKENS = ["一是", "二是", "三是", "按照按照", "，", "。", "“", "”", "（", "）", "XX", "附件", "\u3000", "1"]


@st.composite
def body(draw: st.DrawFn) -> str:
    middle = FILLER * draw(st.integers(1, 3))
    for tok in draw(st.lists(st.sampled_from(TOKENS), max_size=3)):
        at = draw(st.integers(0, len(middle)))
        middle = middle[:at] + tok + middle[at:]
    return draw(st.sampled_from(PREFIXES)) + middle + draw(st.sampled_from(SUFFIXES))


line_text = st.one_of(st.sampled_from(HEADINGS), st.sampled_from(LINES), body(), body())


@st.composite
def paragraph(draw: st.DrawFn) -> Paragraph:
    text = draw(line_text)
    level = draw(st.sampled_from([None] * 12 + [0, 1, 2]))
    auto = draw(st.sampled_from([None] * 14 + ["一、", "（一）"]))
    return Paragraph(text, outline_level=level, auto_number=auto, in_table=draw(st.booleans()) and not text)


@st.composite
def edit(draw: st.DrawFn, n: int) -> tuple[int, str, str]:
    """(paragraph index, kind, argument): edits that keep every paragraph where it is."""
    i = draw(st.integers(0, n - 1))
    kind = draw(st.sampled_from(["char", "char", "char", "prepend", "append", "replace", "level"]))
    arg = draw(st.sampled_from(TOKENS + PREFIXES + SUFFIXES + ["甲", "乙"])) if kind != "replace" else draw(line_text)
    return i, kind, arg


def _apply(paras: list[Paragraph], i: int, kind: str, arg: str) -> list[Paragraph]:
    out = list(paras)
    p = out[i]
    t = p.text
    if kind == "char":
        mid = len(t) // 2
        out[i] = replace(p, text=t[:mid] + (arg or "丙") + t[mid + 1 :])
    elif kind == "prepend":
        out[i] = replace(p, text=arg + t)
    elif kind == "append":
        out[i] = replace(p, text=t + arg)
    elif kind == "replace":
        out[i] = replace(p, text=arg)
    else:
        out[i] = replace(p, outline_level=None if p.outline_level is not None else 2)
    return out


def _same(a: LintResult, b: LintResult) -> None:
    assert a.problems == b.problems
    assert a.outline == b.outline
    assert (a.doctype, a.doctype_source, a.title_index) == (b.doctype, b.doctype_source, b.title_index)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_relint_over_random_edit_sequences_equals_a_fresh_lint(data: st.DataObject) -> None:
    paras = data.draw(st.lists(paragraph(), min_size=1, max_size=14))
    linter = Linter()
    _same(linter.lint(paras), Linter().lint(paras))
    for _ in range(data.draw(st.integers(1, 6))):
        i, kind, arg = data.draw(edit(len(paras)))
        paras = _apply(paras, i, kind, arg)
        _same(linter.lint(paras), Linter().lint(paras))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_relint_after_edits_inside_body_text_equals_a_fresh_lint(data: st.DataObject) -> None:
    """Typing in body paragraphs (the outline is reused unless the typing reaches what it reads)."""
    paras = data.draw(
        st.lists(st.one_of(paragraph(), body().map(Paragraph), body().map(Paragraph)), min_size=2, max_size=16)
    )
    linter = Linter()
    linter.lint(paras)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(paras) - 1))
        t = paras[i].text
        at = data.draw(st.sampled_from([0, 1, len(t) // 2, max(0, len(t) - 1), len(t)]))
        cut = data.draw(st.integers(0, 1))
        paras = _edited(paras, i, t[:at] + data.draw(st.sampled_from(TOKENS + PREFIXES + SUFFIXES)) + t[at + cut :])
        _same(linter.lint(paras), Linter().lint(paras))


def _report() -> list[Paragraph]:
    return [
        Paragraph("关于2024年度工作情况的报告"),
        Paragraph("今年以来，" + FILLER * 2 + "现将有关情况报告如下。"),
        Paragraph("一、主要工作"),
        Paragraph("（一）加强组织领导"),
        Paragraph(FILLER * 2 + "一是完善制度，二是压实责任，三是强化考核。"),
        Paragraph("（二）强化队伍建设"),
        Paragraph(FILLER * 3),
        Paragraph("二、存在问题"),
        Paragraph(FILLER * 2 + "主要有以下两个方面："),
        Paragraph("1.学习不够深入"),
        Paragraph("2.创新意识不强"),
        Paragraph("三、下一步打算"),
        Paragraph(FILLER * 2 + "继续抓好各项工作。"),
        Paragraph("XX局"),
    ]


def _edited(paras: list[Paragraph], i: int, text: str) -> list[Paragraph]:
    out = list(paras)
    out[i] = replace(out[i], text=text)
    return out


def test_a_body_edit_reuses_the_outline_and_changes_nothing_else() -> None:
    paras = _report()
    linter = Linter()
    linter.lint(paras)
    assert linter.cache.last_outline is not None
    before = linter.cache.last_outline[-1]
    t = paras[6].text
    edited = _edited(paras, 6, t[:10] + "甲" + t[11:])
    again = linter.lint(edited)
    assert linter.cache.last_outline[-1] is before  # reused, not rebuilt
    _same(again, Linter().lint(edited))
    assert before == build_outline(edited, again.facts, again.title_index)


@pytest.mark.parametrize(
    ("index", "text"),
    [
        (3, "（一）加强组织领导。"),  # a heading
        (0, "关于2024年度工作情况的请示"),  # the title (and with it the document type)
        (0, ""),  # no title line any more
        (8, FILLER * 2 + "主要有以下三个方面："),  # a count claim
        (8, FILLER * 2 + "主要有以下问题。"),  # the neighbour before a list loses its colon
        (6, FILLER * 3 + "具体安排如下："),  # the neighbour before a heading now introduces a list
        (6, "附件：" + FILLER * 3),  # a body line becomes an attachment line
        (6, "“" + FILLER * 3),  # a quotation opens over the next paragraphs
        (6, ""),  # a body paragraph emptied
        (6, "工作成效"),  # a body paragraph becomes a short line
        (12, "附件1"),  # an attachment starts: numbering starts again after it
        (9, "1.学习不够深入。"),
    ],
)
def test_edits_the_outline_depends_on_give_a_fresh_lints_answer(index: int, text: str) -> None:
    paras = _report()
    linter = Linter()
    linter.lint(paras)
    edited = _edited(paras, index, text)
    _same(linter.lint(edited), Linter().lint(edited))
    _same(linter.lint(paras), Linter().lint(paras))  # and back


def _doc(*texts: str) -> list[Paragraph]:
    return [Paragraph(t) for t in texts]


F2 = FILLER * 2
#: (document, index of a long body paragraph, its new text): each edit changes the outline (or its
#: findings) only through a feature of body text that :func:`linting.view.outline_key` keeps.
BODY_EDITS = {
    "colon introducing a list": (
        _doc("工作报告", "一、主要工作", "1.完善制度", "2.压实责任", F2 + "具体安排如下：", "1.开展检查", "2.落实整改"),
        4,
        F2 + "具体安排如下。",
    ),
    "attachment line": (
        _doc("工作报告", "一、主要工作", F2, "1.工作台账一份", "2.检查记录一份", "二、存在问题", F2),
        2,
        "附件：" + F2,
    ),
    "digit continuing an attachment list": (
        _doc("工作报告", "一、主要工作", "附件：1.工作台账", F2, "2.检查记录一份", "二、存在问题"),
        3,
        "2" + F2,
    ),
    "quotation opening": (
        _doc("工作报告", "一、主要工作", F2, "一、坚持问题导向", "二、突出工作重点", F2 + "”", "二、存在问题"),
        2,
        "“" + F2,
    ),
    "quotation closing": (
        _doc("工作报告", "一、主要工作", "“" + F2, "一、坚持问题导向", "二、突出工作重点", F2 + "”", "二、存在问题"),
        5,
        F2 + "。",
    ),
    "length under 40 once stripped": (
        _doc("工作报告", F2, "组织保障", F2, "工作成效", F2),
        3,
        "\u3000" * 60 + "完成任务。",
    ),
    "blank between headings": (
        _doc("工作报告", F2, "一、主要工作。", F2, "二、存在问题。", F2),
        3,
        " " * 70,
    ),
}


@pytest.mark.parametrize("case", sorted(BODY_EDITS))
def test_body_edits_the_outline_reads_give_a_fresh_lints_answer(case: str) -> None:
    paras, index, text = BODY_EDITS[case]
    assert len(paras[index].text) > 60 and len(text) > 60  # both sides are long body text
    linter = Linter()
    before = linter.lint(paras)
    edited = _edited(paras, index, text)
    after = linter.lint(edited)
    _same(after, Linter().lint(edited))
    assert (after.outline, after.problems) != (before.outline, before.problems)  # the edit matters
    _same(linter.lint(paras), Linter().lint(paras))  # and back


def test_the_outline_handed_out_is_a_copy() -> None:
    paras = _report()
    linter = Linter()
    first = linter.lint(paras)
    first.outline.clear()
    t = paras[6].text
    edited = _edited(paras, 6, t[:5] + "乙" + t[6:])
    _same(linter.lint(edited), Linter().lint(edited))


ORDINAL_ALPHABET = "一二三四五六七八九十两第其首先次再最后是要否非的素件，、：:,。12３个方面项点条大件 "


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ORDINAL_ALPHABET, max_size=40), st.integers(0, 45))
def test_ordinal_and_count_scanners_find_what_finditer_finds(text: str, start: int) -> None:
    assert [m.span() for m in _ordinal_matches(text, start)] == [m.span() for m in _RE_ORDINALS.finditer(text, start)]
    assert [m.groupdict() for m in _ordinal_matches(text, start)] == [
        m.groupdict() for m in _RE_ORDINALS.finditer(text, start)
    ]
    assert [m.group(0) for m in _count_matches(text)] == [m.group(0) for m in _RE_COUNT.finditer(text)]
    assert [m.span() for m in _count_matches(text)] == [m.span() for m in _RE_COUNT.finditer(text)]


def test_count_scanner_sees_every_unicode_digit() -> None:
    text = "抓好1٣个方面：" + "完成2０项工作："
    assert [m.group(0) for m in _count_matches(text)] == [m.group(0) for m in _RE_COUNT.finditer(text)]
    assert re.search(r"\d", "٣")  # the count's second digit is any decimal digit, as in the pattern


def test_a_lint_gives_the_cycle_collector_back_as_it_was() -> None:
    """In a fresh process, like the test below: the collector's state is process-wide."""
    code = (
        "import gc\n"
        "from linting.engine import LintCancelled, Linter\n"
        "from tests.test_incremental_cache import _report\n"
        "paras = _report()\n"
        "assert gc.isenabled()\n"
        "Linter().lint(paras)\n"
        "assert gc.isenabled(), 'not re-enabled after a lint'\n"
        "try:\n"
        "    Linter().lint(paras, cancel=lambda: True)\n"
        "    raise SystemExit('not cancelled')\n"
        "except LintCancelled:\n"
        "    pass\n"
        "assert gc.isenabled(), 'not re-enabled after a cancelled lint'\n"
        "gc.disable()\n"
        "Linter().lint(paras)\n"
        "assert not gc.isenabled(), 'enabled by a lint although it was off'\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_a_paragraph_rule_gives_at_most_its_first_findings_whether_list_or_generator() -> None:
    from linting.engine import MAX_FINDINGS_PER_RULE
    from linting.rules import RULES
    from linting.rules.base import Finding

    text = "某某，" * (MAX_FINDINGS_PER_RULE + 50)
    listed = [p for p in Linter(rules=["placeholder"]).lint([Paragraph(text)]).problems]
    assert [p.start for p in listed] == [3 * k for k in range(MAX_FINDINGS_PER_RULE)]

    def generated(text: str, facts: object, config: object) -> object:
        for k in range(len(text)):
            yield Finding(k, k + 1, "第" + str(k))

    linter = Linter(rules=["placeholder"])
    linter._paragraph_rules = [replace(RULES["placeholder"], paragraph_check=generated)]  # type: ignore[arg-type]
    got = linter.lint([Paragraph(text)]).problems
    assert [p.start for p in got] == list(range(MAX_FINDINGS_PER_RULE))


def test_a_lint_leaves_objects_frozen_by_others_frozen() -> None:
    """Run in a fresh process: in the test process another test's background lint (the editor's worker
    thread) may hold the collector paused at any moment."""
    code = (
        "import gc\n"
        "from linting.engine import Linter\n"
        "from tests.test_incremental_cache import _report\n"
        "gc.freeze()\n"
        "frozen = gc.get_freeze_count()\n"
        "assert frozen > 0\n"
        "Linter().lint(_report())\n"
        "assert gc.get_freeze_count() >= frozen, 'a lint thawed objects frozen by someone else'\n"
        "gc.unfreeze()\n"
        "Linter().lint(_report())\n"
        "assert gc.get_freeze_count() == 0 and gc.isenabled(), 'the collector was not given back'\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def _reference_ordinals(text: str, start: int) -> list[tuple[str, int, int, int, str]]:
    """find_ordinals as first written: finditer, named groups, parse_cn each time."""
    from linting.markers import _BOUNDARY_CHARS, _SEQ_VALUE
    from linting.numerals import parse_cn

    out = []
    for m in _RE_ORDINALS.finditer(text, start):
        if m.start() > 0 and text[m.start() - 1] not in _BOUNDARY_CHARS:
            continue
        if m.group("shi"):
            value, family = parse_cn(m.group("shi")), m.group("shi_w")
        elif m.group("di"):
            value, family = parse_cn(m.group("di")), "第"
        elif m.group("qi"):
            value, family = parse_cn(m.group("qi")), "其"
        else:
            value, family = _SEQ_VALUE[m.group("seq")], "首先"
        if value is not None:
            out.append((family, value, m.start(), m.end(), m.group(0)))
    return out


def _reference_claims(text: str) -> list[tuple[int, int, int, int]]:
    """_count_claims as first written: finditer and a character loop looking for the colon."""
    from linting.analysis import _RE_COUNT_CONTEXT
    from linting.numerals import parse_arabic, parse_cn

    out = []
    for m in _RE_COUNT.finditer(text):
        if m.start() > 0 and (text[m.start() - 1] in "第一二三四五六七八九十百零〇" or text[m.start() - 1].isdigit()):
            continue
        colon = -1
        for i in range(m.end(), min(len(text), m.end() + 12)):
            if text[i] in "：:":
                colon = i
                break
            if text[i] in "。；;，,":
                break
        if colon < 0:
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        if not _RE_COUNT_CONTEXT.search(before) and not _RE_COUNT_CONTEXT.search(text[m.end() : colon]):
            continue
        n = m.group("n")
        count = parse_cn(n) if not n.isdigit() else parse_arabic(n)
        if n == "两":
            count = 2
        if count and count >= 2:
            out.append((count, m.start(), m.end(), colon))
    return out


SERIES_PIECES = ["一是", "二是", "十一是", "三要", "一要素", "第一", "第二，", "其一，", "其次，", "首先", "最后："]
SERIES_PIECES += [
    "三个方面",
    "两项工作",
    "12个问题",
    "主要",
    "做好",
    "以下",
    "：",
    ":",
    "，",
    ",",
    "。",
    "；",
    ";",
    "\n",
    "抓",
    "一二",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SERIES_PIECES), max_size=16).map("".join), st.integers(0, 20))
def test_ordinals_and_count_claims_as_first_written(text: str, start: int) -> None:
    from linting.analysis import _count_claims
    from linting.markers import find_ordinals

    got = [(o.family, o.value, o.start, o.end, o.text) for o in find_ordinals(text, start)]
    assert got == _reference_ordinals(text, start)
    assert [(c.count, c.start, c.end, c.colon) for c in _count_claims(text)] == _reference_claims(text)


def test_count_claims_colon_window_as_first_written() -> None:
    from linting.analysis import _count_claims

    for gap in range(15):
        for filler in ("的", "\n", " "):
            for stop in ("", "，", "。", ",", ";", "；", ":"):
                text = "主要抓好三个方面" + stop + filler * gap + "：一是学习"
                got = [(c.count, c.start, c.end, c.colon) for c in _count_claims(text)]
                assert got == _reference_claims(text), (gap, filler, stop)
    assert _count_claims("主要抓好三个方面" + "的" * 11 + "：")  # the window's last place still counts
    assert not _count_claims("主要抓好三个方面" + "的" * 12 + "：")


def test_the_suite_verifies_every_outline_reuse(monkeypatch: pytest.MonkeyPatch) -> None:
    """With REPORTLINT_VERIFY_OUTLINE_REUSE=1 (tests/conftest.py), a key that misses what the outline pass
    reads fails loudly instead of handing out a stale outline."""
    from linting import view

    assert view.VERIFY_REUSE
    paras = _report()
    linter = Linter()
    linter.lint(paras)
    monkeypatch.setattr(view, "outline_key", lambda p, f: 0)  # a key that sees nothing
    with pytest.raises(view.StaleOutlineError):
        linter.lint(_edited(paras, 3, "（三）加强组织领导。"))
