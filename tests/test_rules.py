"""Every rule: realistic text it must flag, and realistic text it must leave alone.

The meta-test at the bottom requires at least one must-find and one
must-not-find case for every registered rule.
"""

from __future__ import annotations

import re

import pytest

from linting.engine import Linter
from linting.model import Paragraph, Problem
from linting.rules import RULES
from tests.helpers import found, lint_text

# rule → list of (text, excerpt of the expected finding, 0-based paragraph)
MUST_FIND: dict[str, list[tuple[str, str, int]]] = {
    "heading-skip": [
        ("一、总体情况\n正文。\n二、主要做法\n正文。\n四、存在问题\n正文。", "四、", 4),
        ("一、主要工作\n（一）加强领导\n（三）强化学习\n正文", "（三）", 2),
        ("一、主要工作\n（二）加强领导。正文……\n（三）强化学习。正文……", "（二）", 1),
        ("一、主要工作\n（一）加强领导\n1.建立机制\n3.完善制度", "3.", 3),
    ],
    "heading-duplicate": [
        ("一、主要工作\n（一）加强领导\n正文。\n（一）强化学习\n正文。", "（一）", 3),
        ("一、总体情况\n二、主要做法\n二、存在问题", "二、", 2),
    ],
    "heading-order": [
        ("一、总体情况\n正文。\n三、主要做法\n正文。\n二、存在问题\n正文。", "二、", 4),
    ],
    "heading-style-mixed": [
        ("一、主要工作\n（一）加强领导\n（二）强化学习\n(3)抓好宣传\n（四）完善制度", "(3)", 3),
        ("（一）加强领导\n1. 建立机制\n2. 完善制度\n(3)强化督查", "(3)", 3),
        ("一、主要工作\n1.建立机制\n2、完善制度\n3.强化督查", "2、", 2),
    ],
    "heading-level-jump": [
        ("一、总体情况\n1.基本情况\n正文。\n2.主要特点\n正文。", "1.", 1),
    ],
    "heading-punctuation": [
        ("一、统一思想，形成工作共识。\n中共马鞍山市委办公室下发通知后，我局积极行动、迅速部署。", "。", 0),
        ("一、主要工作\n（一）、加强组织领导\n正文。", "（一）、", 1),
        ("一.总体情况\n正文。", "一.", 0),
        ("一，总体情况\n正文。\n二、主要做法\n正文。", "一，", 0),
    ],
    "ordinal-skip": [
        ("我们主要做了以下工作。一是加强领导；二是强化学习；三是抓好宣传；五是完善制度。", "五是", 0),
        ("一、主要工作\n二是加强队伍建设，提升能力。", "二是", 1),
    ],
    "ordinal-duplicate": [
        ("一是加强领导；二是强化学习；二是抓好宣传。", "二是", 0),
    ],
    "ordinal-order": [
        ("一是加强领导；三是抓好宣传；二是强化学习。", "二是", 0),
    ],
    "ordinal-mixed": [
        (
            "首先，加强网络阵地建设。\n其次，加强网络素养教育。\n第三，健全舆情防控体系。\n第四，正确区分政治问题与学术问题。",
            "第三",
            2,
        ),
        ("一是加强领导；二是强化学习；第三，抓好宣传。", "第三", 0),
    ],
    "ordinal-nested": [
        (
            "一是领导重视，保障有力。\n二是活动丰富，文明创建有成效。一是深入开展群众文化活动；二是广泛开展文明创建活动；三是开展移风易俗宣传教育。",
            "一是",
            1,
        ),
    ],
    "count-mismatch": [
        ("下一步，我们主要抓好三个方面的工作：一是加强学习；二是强化担当；三是补齐短板；四是创新方法。", "三个方面", 0),
        ("主要抓好三个方面：一是加强学习；四是创新方法。", "三个方面", 0),
        (
            "主要做好以下两项工作：\n一是加强学习，提升能力。\n二是强化担当，狠抓落实。\n三是补齐短板，创新方法。",
            "两项工作",
            0,
        ),
    ],
    "placeholder": [
        ("来宾对----的第一印象很重要。", "----", 0),
        ("--社区深入贯彻上级精神。", "--", 0),
        ("邀请区委领导开展党的_大精神宣讲1次。", "_", 0),
        ("据20__年的有关调查，青年教师比例为63.3%。", "__", 0),
        ("XX局召开专题会议。", "XX", 0),
        ("××产业园完成投资3亿元。", "××", 0),
        ("会议定于X月X日召开。", "X", 0),
        ("圆满完成了两会期间WW工作任务。", "WW", 0),
        ("○○镇党委召开会议。", "○○", 0),
        ("本年度完成【待补充】项重点工作。", "【待补充】", 0),
        ("（此处插入工作照片）", "（此处插入工作照片）", 0),
        ("集中学习了......等内容。", "......", 0),
        ("把学习宣传贯彻/作为长期的首要政治任务。", "/", 0),
        ("提高引导舆-论的本领。", "-", 0),
        ("组织开展了“三?八”妇女节健步走活动。", "?", 0),
        ("投资xxx万元建设文化广场。", "xxx", 0),
        ("某某同志任组长。", "某某", 0),
        ("20XX年工作总结", "XX", 0),
        ("由{岗位职责}负责落实。", "{岗位职责}", 0),
    ],
    "halfwidth-punct": [
        ("今年以来,我办认真贯彻落实上级部署:", ",", 0),
        ("(一)加强组织领导", "(", 0),
        ("这是为什么?我们认为原因有三。", "?", 0),
    ],
    "unbalanced-pair": [
        ("认真学习《党委工作条例，提高认识。", "《", 0),
        ("宣传“两学一做学习教育。", "“", 0),
        ("明确了由副主任（主持工作总管意识形态工作。", "（", 0),
        ("完成任务】的情况如下。", "】", 0),
    ],
    "missing-section": [
        (
            "××局2024年工作总结\n一、主要工作\n今年以来，我局认真落实各项工作任务，取得了明显成效，群众满意度持续提升。\n二、工作亮点\n我局创新工作方法，形成了一批可复制可推广的经验做法，受到上级肯定。",
            "××局2024年工作总结",
            0,
        ),
        (
            "关于购置办公设备的请示\n市财政局：\n因工作需要，我单位拟购置办公电脑10台，所需经费约8万元。\n特申请从年度预算中列支。",
            "关于购置办公设备的请示",
            0,
        ),
    ],
    "section-order": [
        (
            "××局2024年工作总结\n一、主要工作\n全年完成各项任务。\n二、下一步工作打算\n继续努力。\n三、存在的问题\n学习不够深入。",
            "三、存在的问题",
            5,
        ),
        (
            "2024年度述职报告\n一、存在的不足\n学习不够深入。\n二、履职情况\n认真履行职责。\n三、今后努力方向\n继续努力。",
            "二、履职情况",
            3,
        ),
    ],
    "duplicate-word": [
        ("安排办公室一名工作人员按照按照实施方案要求落实。", "按照按照", 0),
        ("我们要进一步进一步加强领导。", "进一步进一步", 0),
        ("这是我们的的工作重点。", "的的", 0),
        ("全体干部认真认真学习文件精神。", "认真认真", 0),
    ],
}

# rule → texts that must give no finding of that rule
MUST_NOT_FIND: dict[str, list[str]] = {
    "heading-skip": [
        "一、总体情况\n（一）基本情况\n1.人口\n2.经济\n（二）主要特点\n1.特点一\n2.特点二\n二、主要做法",
        "第一章 总则\n第一节 目的\n第二节 范围\n第二章 职责\n第一节 领导小组",
        # doc08 style: unnumbered section headings restart the 1. 2. numbering
        "标题\n这是一段足够长的引言正文，用来说明本报告的背景和主要内容，篇幅超过四十个字以便识别为正文段落。\n掌握意识形态工作的主阵地\n阵地意识是做好高校意识形态工作的重要保障，掌握主阵地是牢牢掌握领导权、话语权的关键所在。\n1.巩固有形空间阵地\n2.拓展虚拟空间阵地\n畅通意识形态工作的主渠道\n高校意识形态工作是一项十分复杂的系统工程，做好高校意识形态工作必须畅通主渠道，构成工作格局。\n1.学校领导班子要高度一致\n2.学校各部门要明确任务",
        "1.5万元用于购置设备。\n2、3月份完成验收。",
        "一、二级医院全部接入平台，三、四级手术占比提高。",
    ],
    "heading-duplicate": [
        # two separate lists under one heading: the second 1. starts a new list
        "一、检查内容\n1.消防设施是否完好\n2.用电线路是否老化\n具体要求如下：\n1.每月自查一次\n2.每季度抽查一次",
        "一、主要工作\n（一）加强领导\n（二）强化学习\n二、存在问题\n（一）思想认识不到位\n（二）工作方法单一",
    ],
    "heading-order": [
        "一、总体情况\n二、主要做法\n三、存在问题\n四、下一步打算",
    ],
    "heading-style-mixed": [
        "一、主要工作\n（一）加强领导\n（二）强化学习\n1.建立机制\n2.完善制度\n（三）抓好宣传",
        "(一)加强领导\n（二）强化学习\n(三)抓好宣传",
        "1.建立机制\n2．完善制度\n3.强化督查",
    ],
    "heading-level-jump": [
        "一、总体情况\n（一）基本情况\n1.人口\n（1）户籍人口",
        "1.学校各级干部的重视程度不适应\n2.体制机制不适应",
    ],
    "heading-punctuation": [
        "（一）加强组织领导，提供工作保障。一是按照分级负责的原则，对责任进行分解。二是召开专题会议。",
        "一、提高认识，加强领导，坚定意识形态“主心骨”\n社区党工委把意识形态工作作为党的建设重要内容。",
        # a list of one-sentence items, not headings
        "（一）按时完成党报党刊征订任务。\n（二）按要求完成新闻报道任务。\n（三）组织开展文明创建活动。",
        "1.各单位要高度重视。\n2.各单位要加强协调。",
    ],
    "ordinal-skip": [
        "一是及时传达，全面部署。\n二是查找问题，研究对策。\n三是传递上情，宣传政策。\n四是制订方案，落实职责。",
        "第一时间掌握舆情动态，第一时间研究对策。",
        "统一是基础，二者缺一不可。",
        "把握好时间、地点、人物三要素。安全生产，三要点必须牢记：防火、防盗、防事故。",
    ],
    "ordinal-duplicate": [
        "（一）加强领导。一是明确责任；二是完善制度。\n（二）强化学习。一是集中学习；二是个人自学。",
    ],
    "ordinal-order": [
        "一是加强领导；二是强化学习；三是抓好宣传。",
    ],
    "ordinal-mixed": [
        "首先，加强领导。其次，强化学习。再次，抓好宣传。最后，完善制度。",
        "一是加强领导；二是强化学习；最后，抓好宣传。",
    ],
    "ordinal-nested": [
        "（一）加强领导。一是明确责任；二是完善制度。\n（二）强化学习。一是集中学习；二是个人自学。",
        "一要把坚守阵地作为重要职责来抓。\n二要把队伍建设作为重要工作来抓。",
    ],
    "count-mismatch": [
        "下一步，我们主要抓好三个方面的工作：一是加强学习；二是强化担当；三是补齐短板。",
        "建立了《网络舆情监测预警制度》、《新闻发言人制度》等3项制度。",
        "全年实现了两个转变：从被动应对到主动作为，从单打独斗到齐抓共管。\n一是加强学习；二是强化担当；三是补齐短板。",
        "全年实现了两个转变：从被动应对到主动作为，从单打独斗到齐抓共管。一是加强学习；二是强化担当；三是补齐短板。",
        "现从以下三个方面汇报：\n一、主要工作\n正文。\n二、存在问题\n正文。\n三、下一步打算\n正文。",
    ],
    "placeholder": [
        "患者需拍X光片复查。",
        "房间面积为3×4米。",
        "应对COVID-19疫情。",
        "联系电话：0951-1234567。",
        "2024—2025年度工作计划。",
        "每组3-5人。",
        "采购XX-200型设备两台。",
        "开展了读书、演讲、征文……等活动。",
        "他说：“我们要坚持下去……”",
        "单价为50元/吨，共计200人/次。",
        "二〇〇一年成立。",
        "网址为www.example.com/a_b。",
        "这是为什么?我们认为原因有三。",
        "----------",
        "通过QQ、微信等平台宣传。",
        "【工作动态】",
        "【典型案例】某县探索“积分制”管理，群众参与度明显提高。",
    ],
    "halfwidth-punct": [
        "全国高校40岁以下年轻教师的比例为63.3%。",
        "会议于10:30召开，共1,000人参加。",
        "详见https://www.gov.cn/zhengce。",
        "1.学校各级干部对意识形态工作的重视程度不够",
        "Hello, world (test).",
        "组织开展了“三?八”妇女节健步走活动。",
    ],
    "unbalanced-pair": [
        "认真学习《党委（党组）工作条例》，提高认识。",
        "开展“争做文明先锋”“文明行为准则进家庭”等活动。",
        "1)建立机制",
    ],
    "missing-section": [
        "××局2024年工作总结\n一、主要工作\n今年以来，我局认真落实各项工作任务。\n二、存在的问题\n一是学习不够深入。\n三、下一步工作打算\n继续加强学习。",
        "××社区2024年工作总结\n一、主要工作\n今年以来，社区认真落实各项工作任务。\n二、存在问题及下步打算\n虽然取得了一定成效，但还存在宣传不足等问题。今后我们将进一步理清思路。",
        "关于购置办公设备的请示\n市财政局：\n因工作需要，我单位拟购置办公电脑10台。\n妥否，请批示。",
        "关于开展安全生产大检查的通知\n各科室：\n为做好安全生产工作，现将有关事项通知如下。\n请认真贯彻执行。",
        "××局2024年上半年工作总结\n一、主要工作\n今年以来，全局上下没有发现在意识形态方面存在明显问题的人和事，工作平稳有序。\n二、存在的不足\n宣传力度还需加大。\n三、下半年工作安排\n继续加强宣传。",
    ],
    "section-order": [
        "××局2024年工作总结\n一、主要工作\n全年完成各项任务。\n二、存在的问题\n学习不够深入。\n三、下一步工作打算\n继续努力。",
        "××局2024年工作总结\n一、基本情况\n全年完成各项任务。\n二、存在的问题及下步打算\n学习不够深入，今后继续努力。",
        "××局2024年工作总结\n一、基本情况\n全年完成各项任务。\n二、存在的不足\n学习不够深入。\n三、下一步主要工作\n继续努力。",
    ],
    "duplicate-word": [
        "牢牢把握意识形态工作的领导权。",
        "动员社会方方面面、各个阶层参与进来。",
        "用一个个成功宣传的具体工作实例说明问题。",
        "形成一级抓一级、层层抓落实的良好局面。",
        "自今年年初以来，我们认真贯彻落实。",
        "按照“月月有主题、周周有活动”的理念开展活动。",
        "一个一个地解决问题，一步一步推进工作。",
        "这件事不能不了了之。",
        "个个都是麦克风。",
    ],
}


_LEVEL = re.compile(r"^⟨(\d)⟩")


def _found(text: str, rule: str) -> list[Problem]:
    """Like ``found``; a line may start with ``⟨2⟩`` to give it a Word outline level (标题2)."""
    if "⟨" not in text:
        return found(text, rule)
    paras = []
    for line in text.split("\n"):
        m = _LEVEL.match(line)
        paras.append(Paragraph(line[m.end() :], outline_level=int(m.group(1))) if m else Paragraph(line))
    return [p for p in Linter().lint(paras).problems if p.rule == rule]


MUST_FIND["heading-outline-level"] = [
    ("⟨1⟩一、总体情况\n正文。\n⟨2⟩二、主要做法\n正文。\n⟨1⟩三、存在问题\n正文。", "二、", 2),
]
MUST_FIND["punct-doubled"] = [
    ("全年共开展安全检查十二次。。下一步将继续加强督查。", "。。", 0),
    ("组织学习、、讨论和交流，，形成共识。", "、、", 0),
]
MUST_NOT_FIND["punct-doubled"] = [
    "全年共开展安全检查十二次。下一步将继续加强督查。",
    "他说：“好。”。这句话里句号在引号外。",
]
MUST_FIND["sentence-period"] = [
    ("今年共组织业务培训三期.参训人员达到二百人次。", ".", 0),
    ("各单位要按时报送材料.", ".", 0),
]
MUST_NOT_FIND["sentence-period"] = [
    "1.加强组织领导\n完成投资3.5亿元，详见www.example.gov.cn网站。",
    "一.总体情况\n正文。",
    "一、主要工作\n（一）.加强领导\n正文。",
    "全年工作稳步推进...下一步继续努力。",
]
MUST_FIND["doc-number-brackets"] = [
    ("青政办发【2023】15号", "【2023】", 0),
    ("根据《关于做好年度考核的通知》（人社发[2022]8号）要求，现将有关事项通知如下。", "[2022]", 0),
]
MUST_NOT_FIND["doc-number-brackets"] = [
    "青政办发〔2023〕15号",
    "全年完成投资（2023年）15亿元。",
]
MUST_FIND["toc-mismatch"] = [
    (
        "目录\n一、基本情况\t1\n二、主要做法\t2\n三、存在问题\t3\n一、基本情况\n全镇今年完成各项任务。"
        "\n二、主要举措\n全镇今年推进多项改革。\n三、存在问题\n仍有不足。",
        "主要做法",
        2,
    ),
]
MUST_NOT_FIND["toc-mismatch"] = [
    "目录\n一、基本情况\t1\n二、主要举措\t2\n三、存在问题\t3\n一、基本情况\n全镇今年完成各项任务。"
    "\n二、主要举措\n全镇今年推进多项改革。\n三、存在问题\n仍有不足。",
    "目录\n1.标题\t1\n2.标题二\t2\n一、基本情况\n全镇今年完成各项任务。\n二、主要举措\n正文。",
]
MUST_NOT_FIND["heading-outline-level"] = [
    "⟨1⟩一、总体情况\n正文。\n⟨2⟩（一）基本情况\n正文。\n⟨1⟩二、存在问题\n正文。",
    "⟨1⟩1.第一阶段工作\n⟨1⟩2.第二阶段工作\n⟨2⟩1.安装调试\n⟨2⟩2.试运行\n⟨1⟩3.讨论事项",
]


@pytest.mark.parametrize(
    "rule,text,excerpt,para",
    [(r, t, e, p) for r, cases in MUST_FIND.items() for t, e, p in cases],
    ids=lambda v: v if isinstance(v, str) and len(v) < 25 else None,
)
def test_must_find(rule: str, text: str, excerpt: str, para: int) -> None:
    problems = _found(text, rule)
    assert problems, f"{rule} missed in: {text!r}\nall: {[(p.rule, p.excerpt) for p in lint_text(text).problems]}"
    assert any(p.excerpt == excerpt and p.paragraph == para for p in problems), [
        (p.paragraph, p.excerpt, p.message) for p in problems
    ]
    for p in problems:
        assert p.message and any("\u4e00" <= c <= "\u9fff" for c in p.message)
        assert 0 <= p.start <= p.end <= len(_LEVEL.sub("", text.split("\n")[p.paragraph]))


@pytest.mark.parametrize(
    "rule,text",
    [(r, t) for r, cases in MUST_NOT_FIND.items() for t in cases],
    ids=lambda v: v if isinstance(v, str) and len(v) < 25 else None,
)
def test_must_not_find(rule: str, text: str) -> None:
    problems = _found(text, rule)
    assert not problems, [(p.paragraph, p.excerpt, p.message) for p in problems]


def test_every_rule_has_examples_both_ways() -> None:
    for rule_id in RULES:
        assert MUST_FIND.get(rule_id), f"{rule_id} has no must-find example"
        assert MUST_NOT_FIND.get(rule_id), f"{rule_id} has no must-not-find example"


def test_every_rule_documents_itself_in_chinese() -> None:
    for rule in RULES.values():
        assert set(rule.doc) >= {"作用", "为什么", "示例", "修改后"}, rule.id
        assert rule.summary


def test_messages_say_what_is_expected() -> None:
    (p,) = found("一、主要工作\n（一）加强领导\n（二）强化学习\n（四）抓好宣传", "heading-skip")
    assert p.message == "序号跳号：（二）之后应为（三），这里是（四）"
    (p,) = found("一是加强领导；二是强化学习；三是抓好宣传；五是完善制度。", "ordinal-skip")
    assert p.message == "序次语跳号：三是之后应为四是，这里是五是"


def test_one_slip_is_one_finding() -> None:
    """（一）（一）(3)（四）: a duplicate and a mixed style, but no skip after them."""
    text = "一、主要工作\n（一）加强领导\n（一）强化学习\n(3)狠抓项目\n（四）优化环境"
    problems = [(p.rule, p.excerpt) for p in lint_text(text).problems if p.rule.startswith("heading")]
    assert problems == [("heading-duplicate", "（一）"), ("heading-style-mixed", "(3)")]
    dup = next(p for p in lint_text(text).problems if p.rule == "heading-duplicate")
    assert [(e.paragraph, e.replacement) for e in dup.fix.edits] == [(2, "（二）")]


def test_table_of_contents_is_not_the_outline() -> None:
    from linting.engine import Linter
    from linting.model import Paragraph

    paras = [
        Paragraph("目录", style="TOC Heading"),
        Paragraph("一、\t风险识别\t1", style="toc 1", read_only=True),
        Paragraph("风险识别", style="heading 1", outline_level=1, auto_number="一、"),
        Paragraph("正文内容。"),
    ]
    result = Linter().lint(paras)
    assert [(e.number, e.title, e.paragraph) for e in result.outline] == [("一、", "风险识别", 2)]
    assert not [p for p in result.problems if p.rule.startswith("heading")]


def test_attachment_list_is_not_a_heading_run() -> None:
    text = (
        "关于开展安全检查的通知\n各科室：\n为做好安全生产工作，现将有关事项通知如下。\n一、检查时间\n3月1日至15日。\n"
        "二、检查内容\n消防设施和用电安全。\n附件：1.安全检查表\n　　　2.隐患整改台账\n　　　3.联系人名单\n县安全生产委员会\n2024年11月18日"
    )
    result = lint_text(text)
    assert [e.number for e in result.outline] == ["一、", "二、"]
    assert not [p for p in result.problems if p.rule.startswith("heading")]


def test_title_found_after_red_header_and_document_number() -> None:
    text = (
        "××市人民政府办公室文件\n×政办〔2024〕12号\n关于申请增加办公经费的请示\n市财政局：\n"
        "因工作需要，我单位拟申请增加办公经费8万元，用于购置办公设备。\n特此申请。"
    )
    result = lint_text(text)
    assert result.title_index == 2 and result.doctype == "请示"
    assert any("妥否" in p.message for p in result.problems if p.rule == "missing-section")


def test_level_jump_reported_once_per_scheme() -> None:
    text = "一、总体情况\n1、基本情况\n2、主要特点\n二、主要做法\n1、加强领导\n2、完善制度"
    jumps = found(text, "heading-level-jump")
    assert [(p.paragraph, p.severity.value) for p in jumps] == [(1, "info")]


@pytest.mark.parametrize(
    "title,doctype",
    [
        ("2024年度个人述职述廉报告", "述职报告"),
        ("关于全县安全生产工作情况的汇报", "情况报告"),
        ("××局2024年工作总结和2025年工作计划", "工作总结"),
        ("关于开展年度工作总结的通知", "通知"),
        ("关于申请增加办公经费的请示", "请示"),
        ("2021意识形态工作情况总结十篇3", "工作总结"),
        ("××公司2024年上半年工作总结（草稿）", "工作总结"),
        ("会议纪要", "会议纪要"),
        ("某县2023年政府工作报告", "政府工作报告"),
        ("关于全面推进乡村振兴的意见", None),
        ("转正申请报告", "申请报告"),
        ("××大学暑期社会实践报告", "社会实践报告"),
        ("2024年第三季度思想汇报", "思想汇报"),
        ("关于2024年安全检查情况的通报", "通报"),
        ("××市档案管理办法", "规章制度"),
        ("××公司业务发展说明报告", None),
        ("××中心2023年度工作总结报告", "工作总结"),
        ("《关于全县防汛工作情况的报告》", "情况报告"),
    ],
)
def test_doctype_from_title(title: str, doctype: str | None) -> None:
    from linting.config import default_config
    from linting.engine import detect_doctype

    dt = detect_doctype(title, default_config())
    assert (dt.name if dt else None) == doctype


@pytest.mark.parametrize(
    "text,rule,edits",
    [
        ("一是A；二是B；二是C；三是D。", "ordinal-duplicate", [(0, 8, "三是"), (0, 12, "四是")]),
        ("一是A；二是B；二是C；四是D。", "ordinal-duplicate", [(0, 8, "三是")]),
        ("一是A；二是B；三是C；五是D；六是E。", "ordinal-skip", [(0, 12, "四是"), (0, 16, "五是")]),
        ("一是A；二是B；四是C。\n五是D。", "ordinal-skip", [(0, 8, "三是"), (1, 0, "四是")]),
    ],
)
def test_series_slip_is_one_finding_with_a_renumbering_fix(text: str, rule: str, edits: list) -> None:
    problems = lint_text(text).problems
    assert [p.rule for p in problems] == [rule]
    fix = problems[0].fix
    assert fix.applicability.value == "unsafe"
    assert [(e.paragraph, e.start, e.replacement) for e in fix.edits] == edits


def test_regressions_from_the_tricky_set() -> None:
    """一是一、二是二 is an idiom; （一）…；（二）…；（三）…。 is a list; a line of only …… is a blank."""
    assert not lint_text("执行制度做到一是一、二是二，不打折扣。").problems
    items = "二、购置计划\n（一）执法记录仪60台，合计14.4万元；\n（二）打印设备20套，合计7万元；\n（三）执法终端15台，合计7.8万元。\n三、资金来源\n正文。"
    assert not found(items, "heading-punctuation")
    assert [p.excerpt for p in found("二、工作亮点\n......\n三、下一步打算", "placeholder")] == ["......"]
