"""Outline behaviours first seen in the seed drafts, on reports made up for the core suite.

The corpus layer (tests/test_seed.py) checks the same on the real drafts when they are here.
"""

from __future__ import annotations

from linting.engine import Linter
from linting.model import Paragraph

BODY = "通过走访群众、召开座谈会等方式广泛听取意见，及时调整工作安排，群众的满意度明显提升。"
UNNUMBERED = [
    "2024年社区文化工作总结",
    "今年以来，社区围绕群众需求开展文化服务，在上级部门的指导下各项工作取得了新的进展，现总结如下。",
    "建好文化活动的阵地",
    "1.改造社区活动室",
    BODY.replace("通过", "一是"),
    "2.开放二楼阅览室",
    BODY.replace("通过", "二是"),
    "办好群众身边的活动",
    "1.组织广场舞比赛",
    BODY.replace("群众", "居民"),
    "2.举办书法培训班",
    BODY.replace("群众", "老人"),
    "3.开展送戏进小区",
    BODY.replace("群众", "青年"),
    "带好文化志愿者队伍",
    "1.招募文化志愿者",
    BODY.replace("意见", "建议"),
    "2.建立积分制度",
    BODY.replace("意见", "想法"),
    "3.评选优秀志愿者",
    BODY.replace("意见", "呼声"),
    "下一步，我们将继续丰富群众的文化生活，推动社区文化工作再上新台阶，让居民共享文化发展成果。",
]


def test_unnumbered_short_lines_are_headings_and_lists_restart_under_them() -> None:
    result = Linter().lint([Paragraph(t) for t in UNNUMBERED])
    top = [e for e in result.outline if e.level == 1 and e.number == ""]
    assert [e.title for e in top] == ["建好文化活动的阵地", "办好群众身边的活动", "带好文化志愿者队伍"]
    assert [e.number for e in result.outline if e.level == 2] == ["1.", "2.", "1.", "2.", "3.", "1.", "2.", "3."]
    assert not [p for p in result.problems if p.rule.startswith("heading-")]


HALFWIDTH_LEVELS = [
    "市人民医院2024年上半年工作总结",
    "一、主要工作及成效",
    "(一)提升医疗服务质量",
    "开展了病历质量专项检查。",
    "(二)加强重点专科建设",
    "新建胸痛中心一个。",
    "(三)改善患者就医体验",
    "推行了检查预约服务。",
    "二、存在的主要问题",
    "人才梯队建设仍然滞后。",
    "三、存在的问题及下步打算",
    "继续加强人才引进和培养。",
]


def test_halfwidth_second_level_sits_under_first() -> None:
    result = Linter().lint([Paragraph(t) for t in HALFWIDTH_LEVELS])
    assert [(e.level, e.number) for e in result.outline] == [
        (1, "一、"),
        (2, "(一)"),
        (2, "(二)"),
        (2, "(三)"),
        (1, "二、"),
        (1, "三、"),
    ]
    assert result.outline[-1].title == "存在的问题及下步打算"
