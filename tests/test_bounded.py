"""Linting stays linear on hostile text: the quadratic corners found by fuzzing (issue 8).

No timing: each test counts the work a hostile input causes (calls of the inner
helper that used to run once per pair) or compares it across two sizes, so a
quadratic algorithm fails deterministically.  Inputs are built here, never stored.
"""

from __future__ import annotations

import pytest

from linting import outline as outline_mod
from linting.engine import MAX_PARAGRAPH_CHARS, LintCancelled, Linter
from linting.model import Paragraph
from linting.rules import ordinals as ordinals_mod


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls = [0]
    original = getattr(module, name)

    def counting(*args: object, **kw: object) -> object:
        calls[0] += 1
        return original(*args, **kw)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_repeated_count_claims_are_matched_in_linear_time() -> None:
    # 抓好三个方面：一是…二是…三是… repeated: every claim is counted against its own series.
    unit = "抓好三个方面：一是学习，二是工作，三是总结。"
    bad = "抓好两个方面：一是学习，二是工作，三是总结。"
    text = unit * 1000 + bad + unit * 1000
    result = Linter().lint([Paragraph(text=text)])
    found = [p for p in result.problems if p.rule == "count-mismatch"]
    assert len(found) == 1
    assert found[0].start == len(unit) * 1000 + 2  # 两个方面 in the odd one out


def test_count_claim_scan_does_not_grow_with_the_square(monkeypatch: pytest.MonkeyPatch) -> None:
    # The old code rebuilt the list of remaining claims for every ordinal (claims x ordinals).
    # Count how often a claim's colon is looked at: 4x the text must be about 4x the looks.
    from linting import analysis
    from linting.analysis import CountClaim

    looks = [0]

    class CountingClaim(CountClaim):
        def __getattribute__(self, name: str) -> object:
            if name == "colon":
                looks[0] += 1
            return object.__getattribute__(self, name)

    original = analysis._count_claims
    monkeypatch.setattr(
        analysis,
        "_count_claims",
        lambda text: [CountingClaim(c.count, c.start, c.end, c.colon) for c in original(text)],
    )
    unit = "做好三项工作：一是学习，二是工作，三是总结。"
    seen: list[int] = []
    for n in (500, 2000):
        looks[0] = 0
        Linter().lint([Paragraph(text=unit * n)])
        seen.append(looks[0])
    assert seen[0] >= 500
    assert seen[1] <= 5 * seen[0]


def test_identical_headings_get_bounded_renumber_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 identical 一、标题: every one after the first is a duplicate; renumbering fixes are
    # offered only within a budget, so the work is linear (it used to be one fix over all the rest each).
    calls = _count_calls(monkeypatch, outline_mod, "render_marker")
    result = Linter().lint([Paragraph(text="一、标题")] * 3000)
    dups = [p for p in result.problems if p.rule == "heading-duplicate"]
    assert len(dups) == 2999
    assert calls[0] <= outline_mod.RENUMBER_BUDGET + 3 * 3000
    edits = sum(len(p.fix.edits) for p in dups if p.fix is not None)
    assert edits <= outline_mod.RENUMBER_BUDGET


def test_a_few_duplicate_headings_still_get_their_renumber_fix() -> None:
    paras = [Paragraph(text=t) for t in ("一、总体情况", "二、主要做法", "二、存在问题", "三、下步打算")]
    dup = next(p for p in Linter().lint(paras).problems if p.rule == "heading-duplicate")
    assert dup.fix is not None and [e.replacement for e in dup.fix.edits] == ["三、", "四、"]


def test_repeated_series_item_gets_bounded_renumber_fixes() -> None:
    text = "一是学习。" + "二是工作。" * 6000
    result = Linter().lint([Paragraph(text=text)])
    dups = [p for p in result.problems if p.rule == "ordinal-duplicate"]
    assert len(dups) >= 100
    assert sum(len(p.fix.edits) for p in dups if p.fix is not None) <= ordinals_mod.RENUMBER_BUDGET


def test_long_line_of_open_quotes_is_bounded() -> None:
    # A 2 MB line of “: at most MAX_FINDINGS_PER_RULE findings, and only the first
    # MAX_PARAGRAPH_CHARS characters are looked at.
    text = "“" * (2 * MAX_PARAGRAPH_CHARS)
    result = Linter().lint([Paragraph(text=text)])
    found = [p for p in result.problems if p.rule == "unbalanced-pair"]
    assert 0 < len(found) <= 100
    assert all(p.start < MAX_PARAGRAPH_CHARS for p in found)


def test_closing_marks_look_back_a_bounded_distance() -> None:
    # 《《《…）））: every ） looks for its （ through the open marks, but not through all of them.
    from linting.rules import punct

    calls = [0]

    class CountingDict(dict):
        def get(self, *a: object) -> object:  # type: ignore[override]
            calls[0] += 1
            return super().get(*a)

    saved = punct._SAME
    punct._SAME = CountingDict(saved)
    try:
        n = 20_000
        findings = punct.check_unbalanced("《" * n + "）" * n, None, None)  # type: ignore[arg-type]
    finally:
        punct._SAME = saved
    assert len(findings) == 2 * n
    assert calls[0] <= 2 * n * (punct._LOOKBACK + 3)


def test_paragraph_over_the_limit_is_linted_on_its_start() -> None:
    head = "今年以来,我们认真落实。"
    filler = "".join(chr(0x5E00 + k) for k in range(400))  # no character or word repeated nearby
    text = head + filler * (MAX_PARAGRAPH_CHARS // 400 + 1) + "按照按照"
    result = Linter().lint([Paragraph(text=text)])
    rules = {p.rule for p in result.problems}
    assert "halfwidth-punct" in rules  # in the first MAX_PARAGRAPH_CHARS characters: found
    assert "duplicate-word" not in rules  # beyond the limit: not looked at
    assert all(p.end <= MAX_PARAGRAPH_CHARS for p in result.problems)


def test_lint_can_be_cancelled_and_caches_stay_valid() -> None:
    paras = [Paragraph(text=f"第{i}段,内容。") for i in range(50)]
    linter = Linter()
    asked = [0]

    def cancel() -> bool:
        asked[0] += 1
        return asked[0] > 10

    with pytest.raises(LintCancelled):
        linter.lint(paras, cancel=cancel)
    assert asked[0] == 11
    full = linter.lint(paras, cancel=lambda: False)
    fresh = Linter().lint(paras)
    assert [(p.rule, p.paragraph, p.start) for p in full.problems] == [
        (p.rule, p.paragraph, p.start) for p in fresh.problems
    ]
    assert len(full.problems) == 50


def test_cancel_is_checked_before_document_rules() -> None:
    paras = [Paragraph(text="一、标题"), Paragraph(text="三、标题")]
    linter = Linter()
    linter.lint(paras)  # every paragraph cached: with another type, only document rules remain to ask
    asked = [0]

    def cancel() -> bool:
        asked[0] += 1
        return True

    with pytest.raises(LintCancelled):
        linter.lint(paras, "工作总结", cancel=cancel)
    assert asked[0] == 1


def test_linting_the_same_paragraphs_again_reuses_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    paras = [Paragraph(text="一、总体情况"), Paragraph(text="一、存在问题"), Paragraph(text="今年以来,我们。")]
    linter = Linter()
    first = linter.lint(paras)
    calls = _count_calls(monkeypatch, outline_mod, "build_outline")
    monkeypatch.setattr("linting.view.build_outline", outline_mod.build_outline)
    first.problems.clear()  # the caller's copy: the memo must not share it
    again = linter.lint(list(paras))
    assert calls[0] <= 20  # only a heading's short lead (一、…) still goes through python-docx
    edited = [*paras[:2], Paragraph(text="今年以来，我们。")]
    after_edit = linter.lint(edited)
    assert calls[0] == 1
    assert again.problems
    assert [p.rule for p in again.problems] == [p.rule for p in Linter().lint(paras).problems]
    assert [p.rule for p in after_edit.problems] == [p.rule for p in Linter().lint(edited).problems]


def test_txt_to_docx_keeps_the_body_short_while_building(monkeypatch: pytest.MonkeyPatch) -> None:
    # python-docx scans the whole body on every add_paragraph: 20,000 lines took minutes.
    # The converter moves each new paragraph out at once, so the body never grows while building.
    import io
    import zipfile

    import docx.document

    from linting.io.convert import txt_to_docx_bytes

    sizes: list[int] = []
    original = docx.document.Document.add_paragraph

    def spy(self, *a: object, **kw: object) -> object:  # noqa: ANN001
        sizes.append(len(self.element.body))
        return original(self, *a, **kw)

    monkeypatch.setattr(docx.document.Document, "add_paragraph", spy)
    texts = ["关于工作情况的报告", *(f"{'一二三四五'[i % 5]}、标题{i}" for i in range(2000)), "正文。"]
    data = txt_to_docx_bytes(texts, 0)
    assert len(sizes) == len(texts) and max(sizes) <= 2
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert xml.index("标题0<") < xml.index("标题1999<") < xml.index("正文。") < xml.index("<w:sectPr")


def test_txt_to_docx_builds_long_lines_without_per_character_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    # python-docx's run text setter appends one string per character: a 10 MB line of “ took 1 GB.
    import io
    import zipfile

    from docx.oxml.text import run as oxml_run

    from linting.io.convert import txt_to_docx_bytes

    calls = [0]
    original = oxml_run._RunContentAppender.add_char

    def spy(self, char: str) -> None:  # noqa: ANN001
        calls[0] += 1
        original(self, char)

    monkeypatch.setattr(oxml_run._RunContentAppender, "add_char", spy)
    line = "“" * 100_000
    data = txt_to_docx_bytes(["报告", line, "一、总体情况，" + line, "带\t制表符"], 0)
    assert calls[0] <= 20  # only a heading's short lead (一、…) still goes through python-docx
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert xml.count("“") == 200_000 and "<w:tab/>" in xml


def test_txt_line_over_ten_megabytes_converts_to_a_docx_that_opens(tmp_path) -> None:  # noqa: ANN001
    # lxml refuses a text node over 10 MB: the converter splits a long line over several w:t.
    from linting.io import convert_file, open_document

    line = "“" * 3_600_000  # 10.8 MB in UTF-8
    src = tmp_path / "long.txt"
    src.write_text("报告\n" + line + "\n", encoding="utf-8")
    convert_file(src, tmp_path / "long.docx")
    assert [p.text for p in open_document(tmp_path / "long.docx").paragraphs] == ["报告", line]


def _apply_fixes_reference(texts: list[str], fixes: list) -> tuple[list[str], int]:  # noqa: ANN001
    """The former quadratic apply_fixes (scan every taken span, splice right to left), for comparison."""
    taken: dict[int, list[tuple[int, int]]] = {}
    accepted = []
    count = 0
    for fix in fixes:
        ok = True
        for e in fix.edits:
            for s, t in taken.get(e.paragraph, []):
                if e.start < t and s < e.end or (e.start == e.end == s):
                    ok = False
                    break
            if not ok:
                break
        if not ok:
            continue
        for e in fix.edits:
            taken.setdefault(e.paragraph, []).append((e.start, max(e.end, e.start)))
        accepted.extend(fix.edits)
        count += 1
    out = list(texts)
    for e in sorted(accepted, key=lambda e: (e.paragraph, e.start), reverse=True):
        t = out[e.paragraph]
        out[e.paragraph] = t[: e.start] + e.replacement + t[e.end :]
    return out, count


def test_apply_fixes_matches_the_former_implementation() -> None:
    import random

    from linting.engine import apply_fixes
    from linting.model import Applicability, Edit, Fix

    rng = random.Random(8)
    compared = 0
    for _ in range(3000):
        texts = ["".join(rng.choice("甲乙丙,，") for _ in range(rng.randint(0, 12))) for _ in range(3)]
        fixes = []
        for _ in range(rng.randint(1, 6)):
            edits = []
            for _ in range(rng.randint(1, 3)):
                para = rng.randrange(3)
                a = rng.randint(0, len(texts[para]))
                b = rng.randint(a, min(len(texts[para]), a + 3))
                edits.append(Edit(para, a, b, rng.choice(["", "，", "XY"])))
            edits.sort(key=lambda e: (e.paragraph, e.start))
            if any(x.paragraph == y.paragraph and y.start < x.end for x, y in zip(edits, edits[1:])):
                continue  # a fix's own edits never overlap
            if any(x.paragraph == y.paragraph and x.start == y.start for x, y in zip(edits, edits[1:])):
                continue
            fixes.append(Fix(tuple(edits), Applicability.SAFE, ""))
        got = apply_fixes(texts, fixes)
        want = _apply_fixes_reference(texts, fixes)
        starts = [(e.paragraph, e.start) for f in fixes for e in f.edits]
        if got[1] == want[1] and len(set(starts)) == len(starts):
            assert got == want, (texts, fixes)
            compared += 1
        else:
            assert got[1] == want[1]  # the same fixes are accepted
    assert compared > 1000


def test_apply_fixes_of_thousands_of_edits_in_one_paragraph_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    from linting import engine
    from linting.model import Applicability, Edit, Fix

    looks = [0]
    original = engine._overlaps_taken

    def counting(spans, a, b):  # noqa: ANN001
        looks[0] += 1
        return original(spans, a, b)

    monkeypatch.setattr(engine, "_overlaps_taken", counting)
    text = "中," * 50_000
    big = Fix(tuple(Edit(0, k, k + 1, "，") for k in range(1, len(text), 2)), Applicability.SAFE, "")
    small = [Fix((Edit(0, k, k + 1, "，"),), Applicability.SAFE, "") for k in range(1, 2000, 2)]
    out, n = engine.apply_fixes([text], [big, *small])
    assert out == ["中，" * 50_000] and n == 1
    assert looks[0] <= 50_000 + len(small)


def _lines_run(func_name: str, work) -> int:  # noqa: ANN001
    """How many source lines of ``func_name`` ran during ``work()`` (a measure of work, not of time)."""
    import sys

    count = [0]

    def tracer(frame, event, arg):  # noqa: ANN001, ANN202
        if frame.f_code.co_name != func_name:
            return None

        def local(frame, event, arg):  # noqa: ANN001, ANN202
            if event == "line":
                count[0] += 1
            return local

        return local

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count[0]


def test_open_quotes_before_following_paragraphs_are_checked_in_linear_work() -> None:
    # A line of thousands of unclosed “ followed by quoted paragraphs: the search for what closes a
    # mark runs once per (paragraph, mark), not once per mark (it took 55 s and 1.6 GB on 3 MB).
    def work(n: int) -> int:
        paras = [Paragraph("关于开展检查的通知"), Paragraph("“" * n), Paragraph("“第二段引文。”"), Paragraph("正文。")]
        return _lines_run("check_unbalanced_document", lambda: Linter().lint(paras))

    small, large = work(1_000), work(4_000)  # 4x the marks: about 4x the work (it was 16x)
    assert small > 0
    assert large <= 6 * small
