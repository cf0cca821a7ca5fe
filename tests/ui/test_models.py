"""The outline and problems models, without a window: structure, data, filters, qtmodeltester."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import open_document
from linting.model import Paragraph, Severity

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "示例-XX局2024年度工作总结.txt"


@pytest.fixture
def sample_result():
    doc = open_document(SAMPLE)
    return doc, Linter().lint(doc.paragraphs)


def test_outline_model_is_a_valid_tree(qtmodeltester, sample_result) -> None:
    from ui.models import OutlineModel

    _doc, result = sample_result
    model = OutlineModel()
    model.set_outline(result.outline, result.problems)
    qtmodeltester.check(model, force_py=True)
    # Every outline entry appears exactly once, in document order, under the right parent.
    seen = []

    def walk(parent, depth_levels):
        for r in range(model.rowCount(parent)):
            idx = model.index(r, 0, parent)
            e = model.entry(idx)
            seen.append(e)
            for lv in depth_levels:
                assert lv < e.level
            walk(idx, [*depth_levels, e.level])

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), [])
    assert seen == list(result.outline)


def test_outline_counts_problems_per_section(sample_result) -> None:
    from ui.models import OutlineModel

    _doc, result = sample_result
    model = OutlineModel()
    model.set_outline(result.outline, result.problems)
    starts = [e.paragraph for e in result.outline]
    total = 0
    for n, e in enumerate(result.outline):
        end = starts[n + 1] if n + 1 < len(starts) else 10**9
        expected = sum(1 for p in result.problems if e.paragraph <= p.paragraph < end)
        idx = model.index_for_paragraph(e.paragraph)
        assert model.entry(idx) == e
        shown = model.data(idx.siblingAtColumn(1))
        assert shown == (str(expected) if expected else "")
        total += expected
    before_first = sum(1 for p in result.problems if p.paragraph < starts[0])
    assert total + before_first == len(result.problems)


def test_outline_refresh_keeps_rows_when_structure_is_unchanged(qtbot, sample_result) -> None:
    from ui.models import OutlineModel

    _doc, result = sample_result
    model = OutlineModel()
    model.set_outline(result.outline, result.problems)
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_outline(result.outline, [])
    assert all(model.data(model.index(r, 1)) == "" for r in range(model.rowCount()))
    with qtbot.waitSignal(model.modelReset):
        model.set_outline(result.outline[:-1], [])


def test_problems_model_rows_and_roles(qtmodeltester, sample_result) -> None:
    from ui.models import ProblemRole, ProblemsFilter, ProblemsModel

    _doc, result = sample_result
    model = ProblemsModel()
    model.set_problems(result.problems, result.outline)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(result.problems) > 0
    for r, p in enumerate(result.problems):
        assert model.data(model.index(r, 0), ProblemRole) is p
        assert model.data(model.index(r, 1)) == p.message
        assert model.data(model.index(r, 2)) == p.rule
        assert model.data(model.index(r, 3)).startswith(f"第 {p.paragraph + 1} 段")
    proxy = ProblemsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_problems_filter_by_severity_rule_and_search(sample_result) -> None:
    from ui.models import ProblemRole, ProblemsFilter, ProblemsModel

    _doc, result = sample_result
    model = ProblemsModel()
    model.set_problems(result.problems, result.outline)
    proxy = ProblemsFilter()
    proxy.setSourceModel(model)

    def shown():
        return [proxy.data(proxy.index(r, 0), ProblemRole) for r in range(proxy.rowCount())]

    assert shown() == result.problems
    proxy.set_severity_visible(Severity.WARNING, False)
    assert shown() == [p for p in result.problems if p.severity != Severity.WARNING]
    proxy.set_severity_visible(Severity.WARNING, True)
    rule = result.problems[0].rule
    proxy.set_rule(rule)
    assert shown() == [p for p in result.problems if p.rule == rule]
    proxy.set_rule(None)
    word = result.problems[-1].message[:4]
    proxy.set_search(word)
    assert shown() == [p for p in result.problems if word in p.message or word in p.excerpt]
    proxy.set_search("绝不会出现的字串")
    assert shown() == []


def test_problems_model_empty_and_identical_updates(qtbot) -> None:
    from ui.models import ProblemsModel

    lint = Linter().lint([Paragraph("关于做好安全生产工作的通知"), Paragraph("各单位要认真落实,确保安全。")])
    model = ProblemsModel()
    model.set_problems([], [])
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.rowsInserted):
        model.set_problems(lint.problems, lint.outline)
    assert model.rowCount() == len(lint.problems) > 0
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsInserted):
        model.set_problems(list(lint.problems), lint.outline)
    assert model.counts()[Severity.WARNING] == sum(1 for p in lint.problems if p.severity == Severity.WARNING)


def test_problems_model_updates_in_place_when_findings_change_locally(qtbot, qtmodeltester, sample_result) -> None:
    """Typing adds, removes or moves a few findings: rows change locally, the proxy follows, no reset."""
    import dataclasses

    from ui.models import ProblemRole, ProblemsFilter, ProblemsModel

    _doc, result = sample_result
    problems = list(result.problems)
    model = ProblemsModel()
    model.set_problems(problems, result.outline)
    proxy = ProblemsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every change below
    mid = len(problems) // 2
    moved = dataclasses.replace(problems[mid], start=problems[mid].start + 1, end=problems[mid].end + 1)
    variants = [
        problems[:mid] + problems[mid + 2 :],  # two removed
        problems[:mid] + [moved] + problems[mid + 1 :],  # one moved
        problems[:mid] + [moved, problems[mid]] + problems[mid + 1 :],  # one inserted
        problems,
        [],
        problems[:3],
    ]
    for v in variants:
        with qtbot.assertNotEmitted(model.modelReset):
            model.set_problems(v, result.outline)
        assert model.problems() == v
        assert [proxy.data(proxy.index(r, 0), ProblemRole) for r in range(proxy.rowCount())] == v
        assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == [p.message for p in v]
