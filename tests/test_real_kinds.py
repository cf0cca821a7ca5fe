"""The kinds of false alarm and miss found on real documents, each as our own made-up case.

Every case here was written for this file (none is taken from a real document): it has the shape of
a failure seen on real drafts and published 公文 (issue 10), as a must-find or a must-not-find.
"""

from __future__ import annotations

import pytest

from linting.engine import Linter, fix_paragraphs
from linting.io import ReadError, open_document
from linting.model import Paragraph
from tests.helpers import found, lint_text


def _lint_paragraphs(paras: list[Paragraph]):
    return Linter().lint(paras)


# --- 1. headings not recognised -------------------------------------------------------------


def test_series_word_after_cn_marker_is_a_heading() -> None:
    text = "一、总体情况\n今年各项工作稳步推进。\n二、要坚持依法行政\n全年办理案件百余件。\n三、是年度重点工作\n正文。"
    result = lint_text(text)
    assert [e.number for e in result.outline] == ["一、", "二、", "三、"]
    assert not [p for p in result.problems if p.rule.startswith("heading-")]


def test_decimal_heading_glued_to_a_measure_word() -> None:
    text = "3.存在的问题\n3.1个别单位整改不到位\n正文。\n3.2台账管理不规范\n正文。"
    result = lint_text(text)
    assert [e.number for e in result.outline] == ["3.", "3.1", "3.2"]


def test_heading_after_a_soft_break_inside_a_paragraph() -> None:
    text = "一、主要工作\n二、收获与体会\n1、学习方面：掌握了新的工具。\t\t\t\t2、协作方面：提高了沟通效率。\n3、作风方面：更加踏实。"
    assert not found(text, "heading-skip")
    soft = "一、主要工作\n二、收获与体会\u000b" if False else "一、主要工作\n全年完成任务。"
    paras = [Paragraph(t) for t in soft.split("\n")] + [
        Paragraph("二、收获与体会\n1、学习方面：掌握了新的工具。"),
        Paragraph("2、协作方面：提高了沟通效率。"),
    ]
    result = _lint_paragraphs(paras)
    assert not [p for p in result.problems if p.rule == "heading-skip"]
    assert [e.number for e in result.outline] == ["一、", "二、", "1、", "2、"]


def test_number_series_wins_over_a_stray_heading_style_with_a_hint() -> None:
    paras = [
        Paragraph("一、总体情况", outline_level=1),
        Paragraph("全县今年完成各项任务。"),
        Paragraph("二、主要做法", outline_level=2),
        Paragraph("主要抓了三件事。"),
        Paragraph("三、下步打算", outline_level=1),
        Paragraph("继续努力。"),
        Paragraph("四、有关建议", outline_level=1),
        Paragraph("加大投入。"),
    ]
    result = _lint_paragraphs(paras)
    rules = [(p.rule, p.paragraph) for p in result.problems if p.rule.startswith("heading-")]
    assert rules == [("heading-outline-level", 2)]
    assert [e.level for e in result.outline] == [1, 1, 1, 1]


def test_date_before_a_meeting_title_is_not_a_decimal_heading() -> None:
    text = "3.14例会记录\n会议讨论了三项议题。\n4.21例会记录\n会议讨论了两项议题。"
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


def test_list_item_starting_with_a_date() -> None:
    text = "一、材料报送\n1、5月10日前报送自查报告。\n2、5月20日前报送整改清单。"
    assert not found(text, "heading-skip")


# --- 2. legitimate numbering conventions ------------------------------------------------------


def test_continuous_numbering_across_parents_is_the_documents_habit() -> None:
    text = (
        "一、稳增长\n（一）扩大有效投资。\n正文。\n（二）促进消费。\n正文。\n"
        "二、促改革\n（三）深化放管服改革。\n正文。\n（四）推进国企改革。\n正文。\n"
        "三、惠民生\n（五）稳定就业。\n正文。\n（六）办好教育。\n正文。"
    )
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


def test_one_long_continuation_is_the_documents_habit() -> None:
    items = "".join(f"（{n}）第{n}项措施。\n正文。\n" for n in "一二三四五六七")
    more = "".join(f"（{n}）第{n}项措施。\n正文。\n" for n in ("八", "九", "十"))
    text = f"一、深化改革\n{items}二、扩大开放\n{more}".rstrip("\n")
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


def test_one_continuation_without_a_habit_is_still_a_skip() -> None:
    text = (
        "一、主要工作\n（一）加强领导\n（二）完善制度\n二、重点突破\n（三）推进改革\n（四）优化服务\n"
        "三、存在问题\n（一）投入不足\n（二）人手紧张"
    )
    assert [p.excerpt for p in found(text, "heading-skip")] == ["（三）"]


def test_regulation_articles_restart_their_items() -> None:
    text = (
        "××市公共资源交易管理办法\n第一章 总则\n第一条 为规范交易行为，制定本办法。\n"
        "第二条 本办法适用于下列交易：\n（一）工程建设项目；\n（二）政府采购项目。\n"
        "第二章 管理职责\n第三条 交易中心履行下列职责：\n（一）提供交易场所；\n（二）发布交易信息；\n"
        "（三）归集交易数据。\n第四条 监管部门应当做好以下四项工作：\n（一）制定规则；\n（二）监督检查；\n"
        "（三）受理投诉；\n（四）查处违法行为。"
    )
    result = lint_text(text)
    assert not [p for p in result.problems if p.rule.startswith("heading-") or p.rule == "count-mismatch"]
    assert result.doctype == "规章制度"


def test_article_number_is_not_a_count_claim() -> None:
    assert not found("第十三条 会员享有下列权利：\n（一）选举权；\n（二）建议权。", "count-mismatch")


def test_amendment_line_citing_chapter_and_article_is_not_a_heading() -> None:
    text = "修改记录\n第一章第二条修改为“会员应遵守本会章程。”\n第二章第一条（一）修改为“理事会每年召开一次。”"
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


def test_period_ending_second_level_headings_as_the_documents_habit() -> None:
    habit = "一、主要工作\n（一）完善标准。\n正文。\n（二）强化监管。\n正文。\n（三）优化服务。\n正文。"
    assert not found(habit, "heading-punctuation")
    odd = "一、主要工作\n（一）完善标准\n正文。\n（二）强化监管。\n正文。\n（三）优化服务\n正文。"
    assert [p.paragraph for p in found(odd, "heading-punctuation")] == [3]


def test_last_of_a_run_of_one_sentence_articles_is_not_a_heading() -> None:
    text = (
        "二十五、违反本规定使用印章的，由主管部门依照有关规定追究责任，情节严重的依法处理，并予以通报批评。\n"
        "二十六、本规定自发布之日起施行。\n附件：印章式样"
    )
    assert not found(text, "heading-punctuation")


def test_outer_list_resumes_after_a_colon_introduced_sub_list() -> None:
    text = (
        "1、平台建设\n完成了数据平台的搭建。\n2、性能优化\n主要措施：\n1、统一上报口径\n2、预处理原始数据\n"
        "3、提供查询服务\n3、数据分析\n完成了多个专题分析。"
    )
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


# --- 3. parts that are not the body -------------------------------------------------------


def test_table_of_contents_lines_are_not_headings() -> None:
    text = "目录\n一、基本情况\t1\n二、主要做法\t3\n一、基本情况\n全镇今年完成各项任务。\n二、主要做法\n正文。"
    result = lint_text(text)
    assert [e.paragraph for e in result.outline] == [3, 5]
    assert not [p for p in result.problems if p.rule.startswith("heading-")]


def test_attachment_after_the_signature_starts_its_own_outline() -> None:
    text = (
        "关于开展安全生产检查的通知\n各单位：\n现将有关事项通知如下。\n一、检查范围\n正文。\n二、检查内容\n正文。\n"
        "××市安全生产委员会办公室\n2024年5月6日\n附件1\n检查记录表填写说明\n一、填写要求\n正文。\n二、报送方式\n正文。\n"
        "名词解释\n1.重大隐患：可能导致重大事故的隐患。\n2.一般隐患：危害较小的隐患。"
    )
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


def test_an_attachment_line_inside_a_chapter_does_not_cut_the_chapters_off() -> None:
    # A compilation of chapters, one of which ends with its own 附件 line: the next chapter continues
    # the body's series under the same part (and a skipped chapter after it is still found).
    text = (
        "年度材料汇编\n第一部分　上半年\n第一章　办公经费的请示\n县财政局：\n正文。\n附件：经费支出明细表\n"
        "县政务服务管理局\n2024年7月8日\n第二章　医保工作情况\n正文。\n第四章　防汛工作\n正文。"
    )
    result = lint_text(text)
    chapters = [e for e in result.outline if e.style == "chapter"]
    assert [e.level for e in chapters] == [2, 2, 2]
    skips = [p for p in result.problems if p.rule == "heading-skip"]
    assert [p.paragraph for p in skips] == [10]


def test_label_lines_and_web_clutter_are_not_the_title() -> None:
    text = "【打印本页】【关闭窗口】\n首页 > 通知公告\n关于做好年度考核工作的通知\n各科室：\n现将有关事项通知如下。"
    result = lint_text(text)
    assert result.title_index == 2 and result.doctype == "通知"


def test_keyword_and_tag_lines_with_a_heading_style_are_not_headings() -> None:
    paras = [
        Paragraph("××县2024年工作总结", outline_level=0),
        Paragraph("关键词：乡村振兴；基层治理", outline_level=1),
        Paragraph("【工作动态】", outline_level=1),
        Paragraph("一、主要工作", outline_level=1),
        Paragraph("全年完成各项任务。"),
        Paragraph("二、存在问题", outline_level=1),
        Paragraph("仍有短板。"),
    ]
    result = _lint_paragraphs(paras)
    assert [e.number for e in result.outline] == ["一、", "二、"]
    assert [e.level for e in result.outline] == [1, 1]


def test_title_in_book_title_marks_is_still_the_title() -> None:
    result = lint_text("《关于全县防汛工作情况的报告》\n县人民政府：\n今年汛期全县平稳度汛。\n特此报告。")
    assert result.doctype == "情况报告"


# --- 4. pairs across lines --------------------------------------------------------------------


def test_quotation_spanning_paragraphs() -> None:
    text = "他在会上强调：“一要提高认识，统一思想。\n“二要落实责任，层层压实。\n“三要加强督查，确保实效。”\n会议要求各单位认真落实。"
    assert not found(text, "unbalanced-pair")


def test_bracket_closed_on_the_next_title_line() -> None:
    text = "关于印发《××区城市管理考核办法\n（试行）》的通知\n各街道：\n现印发给你们，请认真执行。"
    assert not found(text, "unbalanced-pair")


def test_quote_never_closed_is_still_reported() -> None:
    text = "会议提出“抓早抓小，防患于未然。\n各单位要切实履行职责。\n全年未发生安全事故。"
    assert [p.paragraph for p in found(text, "unbalanced-pair")] == [0]


def test_a_far_stray_closing_quote_does_not_swallow_headings() -> None:
    text = (
        "一、关于“三个一工作\n全年推进顺利。\n二、主要做法\n抓好三项工作。\n三、存在问题\n仍有不足。\n"
        "四、下步打算\n继续落实好“两个责任”和”一岗双责。"
    )
    result = lint_text(text)
    assert [e.number for e in result.outline] == ["一、", "二、", "三、", "四、"]
    assert [p.paragraph for p in found(text, "unbalanced-pair")] == [0, 7]


def test_numbered_lines_inside_a_spanning_quotation_are_not_headings() -> None:
    text = "一、章程修改\n第五条修改为“1.会员应按时参加活动；\n2.会员应按时缴纳会费。”\n二、其他事项\n正文。"
    assert not [p for p in lint_text(text).problems if p.rule.startswith("heading-")]


# --- 5. placeholders: look-alikes and misses ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "出水氨氮浓度低于5毫克/升，处理费用为每吨2元/吨。",
        "每支队伍补助3000元/支，按季度拨付。",
        "申请主体（个人/单位）应如实填写。",
        "提交材料包括照片/视频/文字说明等。",
        "年休假天数＝（已工作天数÷365天）×全年天数-已休天数。",
        "积极参加中国-东盟博览会。",
        "推进京-津-冀协同发展。",
        "本办法自二○一九年一月一日起施行。",
        "2）读书会的意义--互相督促",
        "请将文件夹命名为“xxx班_实践材料”后上传。",
        "本办法自二○○九年五月一日起施行。",
        "<!-- 文件信息结束 -->",
        "**一、主要工作**",
        "![示意图](https://example.com/a.png)",
    ],
)
def test_placeholder_lookalikes(text: str) -> None:
    assert not found(text, "placeholder"), text


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("本项目总投资[金额，待核实]万元。", "[金额，待核实]"),
        ("本办法自○○○○年○月○日起施行。", "○○○○"),
        ("联系人：【待补充】", "【待补充】"),
        ("本次会议由“XX局”牵头组织。", "XX"),
        ("附件2（可选）：项目进度表", "（可选）"),
        ("我们要进-步加强学习。", "-"),
        ("深入开展结对帮扶村-河口镇联合村的共建活动。", "-"),
        ("全县统- -部署，分步实施。", "- -"),
        ("会议地点：市民中心&nbsp;三楼会议室。", "&nbsp;"),
        ("参加单位有：甲县、?县、丙县。", "?"),
    ],
)
def test_placeholder_misses_now_found(text: str, excerpt: str) -> None:
    assert excerpt in [p.excerpt for p in found(text, "placeholder")], [p.excerpt for p in found(text, "placeholder")]


def test_lost_character_question_mark_never_gets_a_safe_fix() -> None:
    paras = [Paragraph("参加单位有：甲县、?县、丙县,共三个县。")]
    fixed, n = fix_paragraphs(Linter(), paras)
    assert n and "?" in fixed[0].text and "？" not in fixed[0].text and "，" in fixed[0].text
    # A ? that could be either (a question word earlier in the clause): the fix is offered, not applied.
    ambiguous = [Paragraph("这项工作是否?理顺了各方关系,还要再看。")]
    hw = [p for p in Linter().lint(ambiguous).problems if p.rule == "halfwidth-punct"]
    assert hw and hw[0].fix is not None and hw[0].fix.applicability.value == "unsafe"
    fixed, _n = fix_paragraphs(Linter(), ambiguous)
    assert "?" in fixed[0].text


def test_every_safe_fix_keeps_the_characters() -> None:
    """Safe fixes may change punctuation and drop a repeat, never touch a Chinese character otherwise."""
    text = (
        "今年以来,我局认真落实(上级)部署。。全年完成任务.\n青政办发【2023】15号\n按照按照要求开展工作。\n"
        "一、主要工作。\n正文。\n（一）、加强领导\n正文。\n1：完善制度，规范管理。\n2.强化督查，狠抓落实。"
    )
    paras = [Paragraph(t) for t in text.split("\n")]
    fixed, n = fix_paragraphs(Linter(), paras)
    assert n >= 6

    def cjk(s: str) -> str:
        return "".join(c for c in s if "\u4e00" <= c <= "\u9fff")

    before = "".join(cjk(p.text) for p in paras).replace("按照按照", "按照")
    assert "".join(cjk(p.text) for p in fixed) == before


# --- 6. document types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "某市2023年政府工作报告",
        "转正申请报告",
        "关于调整薪酬的申请",
        "2023年暑期社会实践报告",
        "第三季度思想汇报",
        "关于2023年度安全检查情况的通报",
        "关于同意设立分中心的复函",
        "项目推进会会议纪要",
        "××县档案管理办法",
    ],
)
def test_types_that_are_not_situation_reports(title: str) -> None:
    text = f"{title}\n今年以来，各项工作稳步推进，取得了一定成效。\n下一阶段将继续努力。\n全体人员要认真落实。"
    result = lint_text(text)
    assert result.doctype != "情况报告"
    assert not [p for p in result.problems if "特此报告" in p.message]


@pytest.mark.parametrize(
    "closing",
    ["四、今后努力方向", "四、下步工作设想", "四、明年工作安排", "四、下一阶段工作思路", "四、改进计划"],
)
def test_closing_parts_have_more_names(closing: str) -> None:
    text = (
        f"2024年工作总结\n一、主要工作\n全年完成各项任务，成效明显。\n二、取得的成效\n群众满意度提升。\n"
        f"三、存在的不足\n服务意识有待加强。\n{closing}\n继续加强学习，提升能力。"
    )
    assert not found(text, "missing-section")


def test_self_inspection_report_is_a_situation_report() -> None:
    assert (
        lint_text("2024年安全生产自查报告\n今年以来，我单位开展了自查。\n下一步，我们将继续整改。").doctype
        == "情况报告"
    )


def test_closing_paragraph_starting_in_future_work() -> None:
    text = (
        "2024年个人工作总结\n一年来，我认真完成各项工作任务，业务能力明显提升。\n"
        "工作中也存在不足，主要是学习不够深入。\n在今后的工作中，我将加强学习，弥补短板。"
    )
    assert not found(text, "missing-section")


def test_problems_and_plans_said_in_other_words() -> None:
    text = (
        "2024年个人工作总结\n一年来，我认真完成各项工作任务，业务能力明显提升。\n"
        "回顾一年，我的业务经验还不足，沟通能力有待提高。\n在接下来的日子里，我会加强学习，多向同事请教。"
    )
    assert not found(text, "missing-section")


def test_section_labels_ending_with_a_colon_count_as_parts() -> None:
    text = (
        "2024年上半年工作总结\n完成的工作：\n1.完成系统改版。\n2.上线监控项目。\n反思与不足：\n"
        "技术积累还不够，需要加强。\n下半年计划：\n1.完成新版上线。\n2.整理代码。"
    )
    assert not found(text, "missing-section")


def test_summary_without_plans_still_reported() -> None:
    text = "2024年工作总结\n一、主要工作\n全年完成各项任务，成效明显。\n二、存在的问题\n服务意识有待加强。\n三、工作体会\n要坚持学习。"
    assert [p.message for p in found(text, "missing-section")]


# --- 7. more slips ----------------------------------------------------------------------------


def test_list_marker_with_a_colon_among_dot_items() -> None:
    text = "一、主要工作\n1.加强领导，压实责任。\n2：完善制度，规范管理。\n3.强化督查，狠抓落实。"
    result = lint_text(text)
    assert [
        (p.rule, p.excerpt) for p in result.problems if p.rule.startswith("heading-") and p.severity.value != "info"
    ] == [("heading-punctuation", "2：")]


def test_colon_markers_throughout_are_the_documents_habit() -> None:
    text = "一、主要工作\n1：加强领导，压实责任。\n2：完善制度，规范管理。\n3：强化督查，狠抓落实。"
    assert not found(text, "heading-punctuation")


def test_times_and_ratios_are_not_list_markers() -> None:
    assert not lint_text("10:30准时开会。\n按2：1的比例配套资金。").outline


def test_duplicate_word_lookalikes_from_real_text() -> None:
    assert not found("走着走着，天就黑了。", "duplicate-word")
    assert not found("组织中南大学大学生志愿者开展活动。", "duplicate-word")
    assert found("我们要认真认真学习文件精神。", "duplicate-word")


def test_halfwidth_code_and_links_are_not_prose() -> None:
    assert not found("掌握了table.render()方法的配置。", "halfwidth-punct")
    assert not found("示意图见[流程图](https://example.com/flow.png)。", "halfwidth-punct")
    assert found("完成了消息类型(type)的开发。", "halfwidth-punct")


def test_encrypted_file_says_so(tmp_path) -> None:
    p = tmp_path / "加密文件.docx"
    p.write_bytes(b"%TSD-Header-###%" + bytes(range(256)) * 8)
    with pytest.raises(ReadError) as e:
        open_document(p)
    assert "加密" in str(e.value) and "损坏" not in str(e.value).split("不是损坏")[0]


@pytest.mark.parametrize("rule_id", ["punct-doubled", "sentence-period", "doc-number-brackets", "toc-mismatch"])
def test_new_rule_help_examples(rule_id: str) -> None:
    from linting.rules import RULES

    doc = RULES[rule_id].doc
    assert found(doc["示例"], rule_id), doc["示例"]
    assert not found(doc["修改后"], rule_id), doc["修改后"]


def test_outline_level_help_example() -> None:
    from linting.rules import RULES

    def paras(example: str) -> list[Paragraph]:
        out = []
        for line in example.split("\n"):
            text, _, level = line.partition("（标题")
            out.append(Paragraph(text, outline_level=int(level[0])))
            out.append(Paragraph("正文内容。"))
        return out

    doc = RULES["heading-outline-level"].doc
    bad = [p for p in _lint_paragraphs(paras(doc["示例"])).problems if p.rule == "heading-outline-level"]
    good = [p for p in _lint_paragraphs(paras(doc["修改后"])).problems if p.rule == "heading-outline-level"]
    assert bad and not good
