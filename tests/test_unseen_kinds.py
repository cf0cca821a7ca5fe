"""Kinds of false alarm and miss found by writing documents the rules were never tuned on
(tests/data/made_up), each as a small must-find / must-not-find case. All text is made up.
"""

from __future__ import annotations

import pytest

from linting.engine import Linter
from linting.model import Paragraph
from tests.helpers import found, lint_text

NOTICE = "关于做好有关工作的通知\n各单位：\n{}\n青岚县人民政府办公室\n2025年6月18日"


def _in_notice(line: str, rule: str) -> list[str]:
    return [p.excerpt for p in found(NOTICE.format(line), rule)]


# --- placeholders -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "公示时身份证号码作脱敏处理（如3702**********1234）。",
        "联系电话只公示后四位，如139****5826。",
        "核对清单中身份证号为3201XXXXXXXX1234的人员信息有误。",
        "申请材料统一以“学校名称_学生姓名_年级”格式命名后报送。",
        "文件命名格式为单位_联系人_电话，统一发送至邮箱。",
        "其中“一网通办”事项1265项，“跨省通办”事项152项……覆盖面进一步扩大。",
        "学院党委盖章：                 年   月   日",
        "      年  月  日至  月  日",
    ],
)
def test_not_placeholders(line: str) -> None:
    assert _in_notice(line, "placeholder") == []


@pytest.mark.parametrize(
    ("line", "excerpts"),
    [
        ("传达党的_大精神，请于2025年_月_日前报送。", ["_", "_", "_"]),
        ("由**局负责牵头落实。", ["**"]),
        ("会议定于2025年  月  日在县政府召开。", ["年  月  日"]),
        ("第    届职工代表大会第二次会议。", ["第    "]),
        ("全年完成投资5.6亿元，增长X%。", ["X"]),
        ("全年共建成X个示范点。", ["X"]),
        ("严格落实有关准则，对……逐项排查。", ["……"]),
    ],
)
def test_still_placeholders(line: str, excerpts: list[str]) -> None:
    assert _in_notice(line, "placeholder") == excerpts


def test_dot_leaders_of_a_typed_toc_are_not_ellipses() -> None:
    text = (
        "青岚县法院2025年工作总结\n目  录\n一、主要工作…………………1\n（一）审判执行…………………1\n"
        "二、存在的问题…………………3\n三、工作打算…………………3\n一、主要工作\n（一）审判执行\n全年审结案件八千余件。\n"
        "二、存在的问题\n案多人少。\n三、工作打算\n加强管理。"
    )
    assert found(text, "placeholder") == []


# --- headings -----------------------------------------------------------------------------------


def test_consecutive_numerals_counting_something_are_prose_not_a_heading() -> None:
    text = "关于学生接送的通知\n各学校：\n一、二年级学生由班主任负责接送，三至六年级学生乘坐校车。\n二、三产业融合发展取得实效。"
    result = lint_text(text)
    assert result.outline == [] or all(e.number not in ("一、", "二、") for e in result.outline)
    assert not [p for p in result.problems if p.rule.startswith("heading-")]


def test_a_heading_starting_with_a_numeral_that_does_not_follow_is_still_a_heading() -> None:
    text = "关于一季度经济运行情况的报告\n一、基本情况\n平稳。\n二、主要指标\n良好。\n三、一季度存在的问题\n不少。\n四、建议\n加强。\n特此报告。"
    result = lint_text(text)
    assert [e.number for e in result.outline] == ["一、", "二、", "三、", "四、"]
    assert not [p for p in result.problems if p.rule.startswith("heading-")]


def test_bare_number_headings_above_decimal_ones() -> None:
    text = (
        "青岚县供水工程实施方案\n1  工程概况\n1.1  现状\n现有工程146处。\n2  建设内容\n2.1  水源工程。新建泵站1座。\n"
        "3  投资估算\n总投资5.6亿元。\n5  保障措施\n5.1  加强组织领导。成立指挥部。"
    )
    result = lint_text(text)
    assert [e.number for e in result.outline if e.level == 1] == ["1", "2", "3", "5"]
    assert [(p.paragraph + 1, p.excerpt) for p in result.problems if p.rule == "heading-skip"] == [(9, "5")]


@pytest.mark.parametrize(
    "line", ["3 个项目已完工", "12 月底前完成", "1  张三  男  45岁", "2  地区生产总值\t亿元\t186.4"]
)
def test_bare_numbers_that_are_not_headings(line: str) -> None:
    result = lint_text("关于有关情况的通知\n各单位：\n" + line + "\n正文。")
    assert result.outline == []


def test_an_article_series_goes_on_after_a_duplicate_across_chapters() -> None:
    text = (
        "青岚县公文管理办法\n第一章  总则\n第一条  为规范公文管理，制定本办法。\n第二条  本办法适用于各科室。\n"
        "第二章  公文办理\n第三条  收文办理包括签收、登记等程序。\n第五条  发文办理包括复核、印制等程序。\n"
        "第五条  公文归档按有关规定执行。\n第三章  附则\n第七条  本办法自印发之日起施行。"
    )
    got = [(p.rule, p.excerpt) for p in lint_text(text).problems if p.severity.value != "info"]
    assert got == [("heading-skip", "第五条"), ("heading-duplicate", "第五条")]


def test_a_series_partly_heading_styled_keeps_its_level() -> None:
    """第三条 in 正文, 第四条 with 标题2 and its （一）（二） as 标题3, 第五条 in 正文 again: one series."""
    paras = [
        Paragraph("青岚县公务用车管理办法", outline_level=0),
        Paragraph("第一章  总则", outline_level=1),
        Paragraph("第一条  为规范公务用车管理，制定本办法。", outline_level=2),
        Paragraph("第二条  本办法适用于局机关。", outline_level=2),
        Paragraph("第二章  用车管理", outline_level=1),
        Paragraph("第三条  公务用车实行统一管理。用车时应当填写审批单。"),
        Paragraph("第四条  有下列情形之一的，不得使用公务用车：", outline_level=2),
        Paragraph("（一）因私事外出的；", outline_level=3),
        Paragraph("（二）其他与公务无关的。", outline_level=3),
        Paragraph("第五条  车辆维修实行定点维修。单次费用较高的须集体研究。"),
        Paragraph("第三章  附则", outline_level=1),
        Paragraph("第六条  本办法自印发之日起施行。", outline_level=2),
    ]
    result = Linter().lint(paras)
    assert not [p for p in result.problems if p.rule.startswith("heading-")]


# --- series -------------------------------------------------------------------------------------


def test_a_heading_that_opens_a_series() -> None:
    text = (
        "青岚县水务局2025年工作总结\n一、主要工作\n1. 一是加快灌区改造；二是推进城乡供水一体化。\n2. 持续推进河湖长制。"
    )
    assert found(text, "ordinal-skip") == []


def test_headings_that_repeat_their_own_number_as_a_series_word() -> None:
    text = "青岚县水务局工作总结\n一、主要工作\n（一）一是强化组织领导。成立专班。\n（二）二是完善工作机制。建立制度。"
    assert not [p for p in lint_text(text).problems if p.rule.startswith("ordinal-")]


def test_a_second_yishi_opening_a_nested_list_is_one_nested_finding() -> None:
    line = "一是强化资金保障，一是争取车购税资金，二是发行专项债券；二是严格质量管理；三是创新管护机制。"
    result = lint_text(NOTICE.format(line))
    got = [(p.rule, p.excerpt) for p in result.problems if p.rule.startswith("ordinal-")]
    assert got == [("ordinal-nested", "一是")]


def test_a_second_yishi_that_is_a_slip_is_still_a_duplicate() -> None:
    line = "一是强化资金保障；一是严格质量管理；二是创新管护机制；三是加强督查。"
    assert [p.excerpt for p in found(NOTICE.format(line), "ordinal-duplicate")] == ["一是"]


# --- words and punctuation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "这个问题请大家再研究研究。",
        "下周大家再商量商量。",
        "发展发展再发展，是我们不变的主题。",
        "这件事先讨论讨论吧。",
    ],
)
def test_verbs_said_twice_on_purpose(line: str) -> None:
    assert _in_notice(line, "duplicate-word") == []


@pytest.mark.parametrize("line", ["安排专人按照按照方案落实。", "全年共召开会议会议12次。"])
def test_words_typed_twice_are_still_found(line: str) -> None:
    assert len(_in_notice(line, "duplicate-word")) == 1


def test_an_english_terms_own_note_in_half_width_brackets() -> None:
    assert _in_notice("统一配置内存16GB(DDR4)、固态硬盘512GB(SSD)，支持Excel(.xlsx)格式。", "halfwidth-punct") == []
    assert _in_notice("统一配置内存(16GB)以上的终端。", "halfwidth-punct") != []


def test_a_doc_number_in_half_width_brackets_is_reported_once() -> None:
    text = "青岚县交通运输局文件\n青交发(2025)19号\n关于做好有关工作的通知\n各单位：\n正文。"
    result = lint_text(text)
    assert [p.rule for p in result.problems if p.paragraph == 1] == ["doc-number-brackets"]


def test_a_case_number_keeps_its_brackets() -> None:
    assert _in_notice("依法审结（2025）青0203民初1234号等案件。", "doc-number-brackets") == []


# --- document types -----------------------------------------------------------------------------

QINGSHI = "关于购置执法车辆的请示\n县政府：\n我局执法车辆老化，拟购置2辆。\n{}\n青岚县城管局\n2025年3月1日"


@pytest.mark.parametrize(
    "closing",
    [
        "妥否，请予批示。",
        "当否，请领导批示。",
        "以上请示妥否，请县政府批示。",
        "以上意见如无不妥，请批转各乡镇、各部门执行。",
        "妥否，望批复。",
        "恳请批准为盼。",
        "当否，请示。",
    ],
)
def test_closing_formulas_of_a_qingshi(closing: str) -> None:
    assert found(QINGSHI.format(closing), "missing-section") == []


def test_a_qingshi_without_a_closing_is_still_found() -> None:
    assert len(found(QINGSHI.format("以上项目建设计划，请县政府研究。"), "missing-section")) == 1


@pytest.mark.parametrize("closing", ["以上报告，请审阅。", "以上报告，如有不妥，请批评指正。"])
def test_closing_formulas_of_a_report(closing: str) -> None:
    text = f"关于防汛工作情况的报告\n县政府：\n一、基本情况\n汛期平稳。\n二、下一步工作\n继续做好防汛。\n{closing}\n青岚县水务局"
    assert found(text, "missing-section") == []


@pytest.mark.parametrize(
    ("problems", "plan"),
    [
        ("工作中存在的困难和问题", "2026年工作要点"),
        ("短板和弱项", "2026年主要目标任务"),
        ("需要改进的地方", "下一步工作思路"),
        ("问题与挑战", "对策建议"),
    ],
)
def test_more_names_of_the_parts_of_a_summary(problems: str, plan: str) -> None:
    text = f"青岚县科技局2025年工作总结\n一、2025年工作完成情况\n全年完成各项任务。\n二、{problems}\n人才不足。\n三、{plan}\n加强工作。"
    assert found(text, "missing-section") == []


def test_a_first_section_about_key_tasks_is_not_the_plan() -> None:
    text = "青岚县科技局2025年工作总结\n一、2025年重点工作和目标任务完成情况\n全年完成各项任务。\n二、经验体会\n人才是关键。"
    missing = {p.message for p in found(text, "missing-section")}
    assert len(missing) == 2


@pytest.mark.parametrize(
    "line",
    [
        "加快推进青岚-临江公路改扩建工程，其中青岚-石桥段已完工。",
        "开通青岚-省城城际公交，每日往返8班次。",
        "长沙-株洲-湘潭城市群建设取得新进展。",
        "推进“政府-企业-高校”协同创新。",
    ],
)
def test_hyphens_joining_names_are_not_cut_words(line: str) -> None:
    assert _in_notice(line, "placeholder") == []


def test_hyphens_inside_a_word_are_still_cut_words() -> None:
    line = "加强舆-论引导，进-步提高，组织“我看-的变化”讨论。"
    assert _in_notice(line, "placeholder") == ["-", "-", "-"]


def test_list_labels_with_a_closing_bracket_inside_a_paragraph() -> None:
    assert _in_notice("材料一式三份；b）加盖公章。", "unbalanced-pair") == []
    assert _in_notice("具体要求：1）按时报送；2）加盖公章。", "unbalanced-pair") == []
    assert _in_notice("金额为3）万元。", "unbalanced-pair") == ["）"]
    assert _in_notice("材料一式三份；b）加盖公章（原件。", "unbalanced-pair") == ["（"]


SUMMARY_NO_PROBLEMS_HEADING = (
    "青岚县科技局2025年工作总结\n一、强化创新驱动\n全年完成各项任务。\n二、优化创新生态\n成效明显。\n{}\n"
    "三、2026年工作打算\n加强工作。"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "与先进地区相比仍有一定差距，主要是人才不足。",
        "当然，我们也清醒地看到，工作中还有不少薄弱环节。",
        "工作中也暴露出一些短板和不足。",
        "但也面临一些困难和挑战。",
    ],
)
def test_problems_said_in_a_body_sentence(sentence: str) -> None:
    assert found(SUMMARY_NO_PROBLEMS_HEADING.format(sentence), "missing-section") == []


@pytest.mark.parametrize(
    "sentence",
    ["2026年，我们将重点抓好以下工作。", "展望2026年，我们将坚持稳中求进。", "2026年，全局将围绕三个方面开展工作。"],
)
def test_plans_said_in_a_closing_sentence(sentence: str) -> None:
    text = f"青岚县科技局2025年工作总结\n一、强化创新驱动\n全年完成各项任务。\n二、存在的问题\n人才不足。\n{sentence}"
    assert found(text, "missing-section") == []


def test_a_sentence_about_the_past_year_is_not_a_plan() -> None:
    text = "青岚县科技局2025年工作总结\n2025年，我们认真贯彻上级部署。\n一、强化创新驱动\n完成任务。\n二、存在的问题\n人才不足。"
    assert len(found(text, "missing-section")) == 1


def test_a_report_asking_to_forward_its_proposals() -> None:
    text = (
        "关于进一步加强农村饮水安全工作的报告\n县政府：\n一、基本情况\n平稳。\n二、意见建议\n建议加大投入。\n"
        "以上报告如无不妥，请批转各乡镇、各部门执行。\n青岚县水利局"
    )
    assert found(text, "missing-section") == []


def test_a_person_anonymised_with_a_surname_is_not_a_placeholder() -> None:
    line = "县水利局原局长李某某违规收受礼金，欧阳某某受到党内警告处分，某某同志负责此事，县某某局配合。"
    assert _in_notice(line, "placeholder") == ["某某", "某某"]


def test_a_person_anonymised_with_crosses_or_xs() -> None:
    line = "经查，王××、张XX等人违规操作，由××同志负责，××局配合，20XX年完成，×××主持。"
    assert _in_notice(line, "placeholder") == ["××", "××", "XX", "×××"]


def test_an_amount_left_blank_after_a_word_ending_like_a_surname() -> None:
    line = "全年发放低保金××万元，资金XX万元，王××同志，李XX、张××等人。"
    assert _in_notice(line, "placeholder") == ["××", "XX"]


def test_a_contact_person_left_blank_is_not_an_anonymised_name() -> None:
    assert _in_notice("联系人：张XX，电话：0532-87651234。", "placeholder") == ["XX"]
    assert _in_notice("经查，王××安排下属公款吃喝。", "placeholder") == []


def test_holiday_dates_at_a_paragraph_start_are_not_decimal_headings() -> None:
    text = (
        "青岚县商务局2025年工作总结\n一、主要工作\n（一）促消费\n5.1假期期间，全县接待游客12万人次。\n"
        "10.1国庆期间，实现消费额2.3亿元。\n二、存在的问题\n不足。\n三、下一步打算\n加强。"
    )
    assert [e.number for e in lint_text(text).outline] == ["一、", "（一）", "二、", "三、"]


def test_a_decimal_run_without_its_parent_is_still_a_run() -> None:
    text = "青岚县智慧社区建设方案\n一、建设内容\n3.1  基础设施。建设网络。\n3.2  应用平台。建设平台。\n3.4  保障措施。加强保障。"
    result = lint_text(text)
    assert [e.number for e in result.outline] == ["一、", "3.1", "3.2", "3.4"]
    assert [p.excerpt for p in result.problems if p.rule == "heading-skip"] == ["3.4"]
