"""Property tests: no text crashes the engine, results are well-formed, re-linting is exact."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linting.engine import Linter, apply_fixes, fix_paragraphs
from linting.model import Paragraph

TOKENS = [
    "一、",
    "二、",
    "四、",
    "（一）",
    "(二)",
    "（3）",
    "(4)",
    "1.",
    "2、",
    "3．",
    "①",
    "⑵",
    "第一章",
    "第二节",
    "第三部分",
    "一是",
    "二是",
    "五是",
    "一要",
    "首先，",
    "其次，",
    "第三，",
    "最后，",
    "三个方面：",
    "两项工作：",
    "按照",
    "按照按照",
    "的的",
    "牢牢",
    "今年年初",
    "工作",
    "总结",
    "请示",
    "报告",
    "存在问题",
    "下一步打算",
    "妥否，请批示。",
    "特此报告。",
    "，",
    "。",
    "；",
    "：",
    ",",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    "“",
    "”",
    "《",
    "》",
    "【",
    "】",
    "--",
    "_",
    "__",
    "XX",
    "××",
    "X月",
    "……",
    "...",
    "/",
    "-",
    "𫖯",
    "\ufffc",
    "\t",
    " ",
    "\u3000",
    "0951-1234567",
    "3×4",
    "X光",
    "1.5万",
    "2024年",
    "a",
    "Z",
    "{{x}}",
    "[姓名]",
    "\n",
    "\n",
    "\n",
]

token_text = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
any_text = st.one_of(token_text, st.text(max_size=200), st.text(alphabet=st.characters(codec="utf-8"), max_size=80))


def _paras(text: str) -> list[Paragraph]:
    return [Paragraph(t) for t in text.split("\n")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_engine_never_crashes_and_spans_are_valid(text: str) -> None:
    paras = _paras(text)
    result = Linter().lint(paras)
    for p in result.problems:
        body = paras[p.paragraph].text
        assert 0 <= p.start <= p.end <= len(body)
        assert p.message
        if p.fix is not None:
            spans = sorted((e.paragraph, e.start, e.end) for e in p.fix.edits)
            for (pa, _s, e), (pb, s2, _) in zip(spans, spans[1:]):
                assert pa != pb or e <= s2, "edits of one fix overlap"
            for e in p.fix.edits:
                assert 0 <= e.start <= e.end <= len(paras[e.paragraph].text)
    for e in result.outline:
        assert 0 <= e.paragraph < len(paras) and e.level >= 1
    fixed, _ = apply_fixes([p.text for p in paras], [p.fix for p in result.problems if p.fix], only_safe=False)
    assert len(fixed) == len(paras)
    Linter().lint(_paras("\n".join(fixed)))


@settings(max_examples=150, deadline=None)
@given(token_text, token_text, st.integers(min_value=0, max_value=50))
def test_incremental_relint_equals_fresh_lint(a: str, b: str, where: int) -> None:
    linter = Linter()
    first = _paras(a)
    linter.lint(first)
    edited = list(first)
    i = where % len(edited)
    edited[i] = replace(edited[i], text=edited[i].text + b.replace("\n", ""))
    edited.insert(i, Paragraph(b.split("\n")[0]))
    again = linter.lint(edited)
    fresh = Linter().lint(edited)
    assert again.problems == fresh.problems
    assert again.outline == fresh.outline


def test_safe_fixes_clear_their_problems() -> None:
    text = "今年以来,我们按照按照要求开展工作(见附件)。\n一、主要工作\n（一）、加强领导\n（二）强化学习\n(3)抓好宣传\n一.总体情况"
    linter = Linter()
    fixed_paras, n = fix_paragraphs(linter, _paras(text))
    fixed = [p.text for p in fixed_paras]
    assert n >= 5
    after = linter.lint(fixed_paras)
    assert not [p for p in after.problems if p.fix and p.fix.applicability.value == "safe"], after.problems
    assert fixed[0] == "今年以来，我们按照要求开展工作（见附件）。"
    assert fixed[2:5] == ["（一）加强领导", "（二）强化学习", "（三）抓好宣传"]
    assert fixed[5] == "一、总体情况"
