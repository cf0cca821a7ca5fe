"""Numbered lists inside a paragraph (①②③, ⑴⑵⑶, （1）（2）（3）, 1）2）3）): must-find and must-not-find
cases, all with made-up text.  They are reported with the series rules (ordinal-skip/-duplicate/-order).
"""

from __future__ import annotations

import pytest

from linting.analysis import analyze
from linting.markers import find_list_items, list_item_text
from linting.model import Applicability, Paragraph
from tests.helpers import lint_text

REPORT = "青岚县文旅局2025年工作总结\n一、主要工作\n{}\n二、存在的问题\n人手不足。\n三、下一步打算\n加强管理。"
SERIES = ("ordinal-skip", "ordinal-duplicate", "ordinal-order", "ordinal-mixed", "ordinal-nested")


def _series(body: str) -> list[tuple[str, str]]:
    result = lint_text(REPORT.format(body))
    return [(p.rule, p.excerpt) for p in result.problems if p.rule in SERIES]


# --- must find ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("主要做法：①建立景区台账；②定期调度客流；④严格考核通报。", [("ordinal-skip", "④")]),
        ("①建立景区台账；②定期调度客流；④严格考核通报。", [("ordinal-skip", "④")]),
        ("（一）规范管理。⑴建立景区台账；⑵定期调度客流；⑷严格考核通报。", [("ordinal-skip", "⑷")]),
        ("重点抓好：（1）景区提升；（2）节会活动；（4）文旅融合。", [("ordinal-skip", "（4）")]),
        ("重点抓好：(1)景区提升；(2)节会活动；(2)文旅融合。", [("ordinal-duplicate", "(2)")]),
        ("分三步推进：1）摸底排查；2）集中整治；4）巩固提升。", [("ordinal-skip", "4）")]),
        ("分三步推进：1)摸底排查，2)集中整治，2)巩固提升，3)总结验收。", [("ordinal-duplicate", "2)")]),
        ("工作要求：①压实责任；②强化督导；③从严考核；②及时通报。", [("ordinal-order", "②")]),
        ("开展三项行动：①景区清洁行动；②\u3000服务提升行动；④智慧旅游行动。", [("ordinal-skip", "④")]),
        ("开展三项行动： ①景区清洁行动； ②服务提升行动； ④智慧旅游行动。", [("ordinal-skip", "④")]),
    ],
)
def test_a_broken_list_inside_a_paragraph_is_found(body: str, expected: list[tuple[str, str]]) -> None:
    assert _series(body) == expected


def test_a_list_going_on_into_the_next_paragraph_is_one_list() -> None:
    body = "主要做法：1）建立景区台账；2）定期调度客流。\n4）严格考核通报，每季度排名。"
    assert _series(body) == [("ordinal-skip", "4）")]
    body = "主要做法：①建立景区台账；②定期调度客流。\n此外，④严格考核通报，每季度排名。"
    assert _series(body) == [("ordinal-skip", "④")]
    body = "主要做法：1）建立景区台账；2）定期调度客流。\n\n4）严格考核通报，每季度排名。"
    assert _series(body) == [("ordinal-skip", "4）")]  # an empty paragraph between does not end it


def test_a_paragraph_without_items_ends_the_list() -> None:
    body = "主要做法：1）建立景区台账；2）定期调度客流。\n全年共接待游客120万人次。\n4）严格考核通报，每季度排名。"
    assert _series(body) == []


def test_the_renumber_fix_is_unsafe_and_renumbers_the_rest_of_the_list() -> None:
    result = lint_text(REPORT.format("重点抓好：（1）景区提升；（2）节会活动；（4）文旅融合；（5）品牌宣传。"))
    (skip,) = [p for p in result.problems if p.rule == "ordinal-skip"]
    assert skip.fix is not None and skip.fix.applicability == Applicability.UNSAFE
    assert [e.replacement for e in skip.fix.edits] == ["（3）", "（4）"]


def test_list_item_text_keeps_the_written_form() -> None:
    (half,) = find_list_items("要求：(3)压实责任")[:1]
    assert list_item_text(half, 4) == "(4)"
    (circled, enclosed) = find_list_items("要求：②压实责任；⑶强化督导")
    assert (list_item_text(circled, 3), list_item_text(enclosed, 4)) == ("③", "⑷")


# --- must not find ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # note marks after text, before punctuation, one per sentence and out of list order
        "依照《青岚县旅游条例》的规定③，景区实行预约制度。门票价格执行省定标准①。",
        "景区承载量按有关标准核定②。游客满意度持续提升④。",
        # a citation after a name, a formula number, a figure number
        "据王芳（1）测算，游客人均停留时间增加0.4天，（3）是测算口径。",
        "综合指数按 I=0.5A+0.5B （1） 计算；分项指数按 J=A/B （3） 计算。",
        "评价框架见图（2）所示，各项权重见表（4）。",
        # a pair of alternatives, and alternatives written apart
        "门票可按①或③两种方式预约，由游客自行选择。",
        "可选：①②两种路线；④号线路暂停开放。",
        # a list restarting after a new colon, lists in order, a list nested in another
        "整改要求：①立行立改；②限期整改。验收标准：①资料齐全；②现场达标；③群众满意。",
        "（1）组织保障：①成立专班；②明确责任；（2）资金保障：①整合资金；②引导投入。",
        # a single item, a list starting at a later number (its start not seen)
        "注：③本节数据截至2025年12月底。",
        "另有说明：③节假日客流单独统计；⑤夜间游客单独统计。",
        # numbers in years and decimals
        "全年接待游客（2024）年度的1.5倍，2）号馆闭馆维修。",
    ],
)
def test_look_alikes_are_not_lists(body: str) -> None:
    assert _series(body) == []


def test_headings_at_paragraph_starts_belong_to_the_outline_not_to_the_lists() -> None:
    body = "①景区提升\n建设游客中心。\n②节会活动\n举办文化节。\n④文旅融合\n打造研学基地。"
    result = lint_text(REPORT.format(body))
    assert [p.excerpt for p in result.problems if p.rule == "heading-skip"] == ["④"]
    assert [p for p in result.problems if p.rule in SERIES] == []


def test_headings_after_soft_breaks_are_left_to_the_outline() -> None:
    # one paragraph with soft line breaks (Shift+Enter): the ①②④ after them are headings, not a list
    facts = analyze(Paragraph("开展三项行动\n①景区清洁行动，全年清理垃圾300吨；\n②服务提升行动；\n④智慧旅游行动。"))
    assert facts.heading is not None and facts.list_items == ()
    # a list whose items follow a colon and semicolons in the same paragraph is a list
    facts = analyze(Paragraph("开展三项行动：①景区清洁行动；②服务提升行动；④智慧旅游行动。"))
    assert [o.value for o in facts.list_items] == [1, 2, 4]


def test_numbers_in_a_table_cell_are_not_a_list() -> None:
    text = "要求：①压实责任；②强化督导；④从严考核。"
    assert analyze(Paragraph(text, in_table=True)).list_items == ()
    assert [o.value for o in analyze(Paragraph(text)).list_items] == [1, 2, 4]


def test_word_series_are_not_mixed_with_lists() -> None:
    body = "一是加强景区管理：①建立台账；②定期调度；二是提升服务质量：①开展培训；②评选标兵；三是抓好宣传。"
    assert _series(body) == []
    body = "首先，要压实责任。②另见附表说明。其次，要强化督导。"
    assert _series(body) == []
