"""Every message the linter shows, in one place so the wording stays consistent."""

from __future__ import annotations

# --- headings -----------------------------------------------------------------


def heading_skip(prev: str, expected: str, actual: str) -> str:
    return f"序号跳号：{prev}之后应为{expected}，这里是{actual}"


def heading_first_not_one(actual: str, first: str, parent: str | None) -> str:
    where = f"{parent}下" if parent else "本级"
    return f"序号跳号：{where}第一个序号应为{first}，这里是{actual}"


def heading_duplicate(actual: str, expected: str) -> str:
    return f"序号重复：{actual}已经用过，这里应为{expected}"


def heading_order(prev: str, actual: str, expected: str) -> str:
    return f"序号倒序：{prev}之后出现{actual}，应为{expected}"


def heading_style_mixed(level_marker: str, actual: str, expected: str) -> str:
    return f"同级序号样式混用：本级用的是{level_marker}这种样式，这里是{actual}，应为{expected}"


def heading_variant_mixed(prev: str, actual: str, expected: str) -> str:
    return f"同级序号写法不一致：前面是{prev}，这里是{actual}，应为{expected}"


def heading_level_jump(parent: str, actual: str, missing: str) -> str:
    return f"层级跳跃：{parent}之下直接用了{actual}，缺少{missing}这一层（按 GB/T 9704 依次为 一、（一）1.（1））"


def heading_level_jump_explicit(parent: int, actual: int) -> str:
    return f"层级跳跃：{parent} 级标题之下直接出现 {actual} 级标题"


def heading_period() -> str:
    return "单独成行的标题末尾不加句号"


def heading_marker_punct(actual: str, expected: str) -> str:
    return f"序号标点错误：{actual}应写作{expected}（“一、”用顿号，括号序号后不加标点）"


# --- ordinals -----------------------------------------------------------------


def ordinal_skip(prev: str, expected: str, actual: str) -> str:
    return f"序次语跳号：{prev}之后应为{expected}，这里是{actual}"


def ordinal_missing_first(actual: str, first: str) -> str:
    return f"序次语缺项：{actual}之前没有{first}"


def ordinal_duplicate(actual: str, expected: str) -> str:
    return f"序次语重复：{actual}已经用过，这里应为{expected}"


def ordinal_order(prev: str, actual: str, expected: str) -> str:
    return f"序次语倒序：{prev}之后出现{actual}，应为{expected}"


def ordinal_mixed(first_items: list[str], actual: str, suggestion: str) -> str:
    """``first_items``: the series' first items (``["一是", "二是"]``); ``suggestion``: :func:`ordinal_suggestion`."""
    firsts = "、".join(dict.fromkeys(first_items))
    return f"序次语混用：本组以“{firsts}”开头，这里用了“{actual}”；应统一为{suggestion}"


def ordinal_nested(outer: str, inner: str) -> str:
    return f"序次语嵌套：在{outer}这一项里又从{inner}开始了新的一组，读者难以分清层次；建议内层改用（1）（2）或“首先、其次”"


def count_mismatch(claim: str, count: int, items: str) -> str:
    return f"数目不符：前文说“{claim}”，后面实际列了 {count} 项（{items}）"


# --- text ---------------------------------------------------------------------


def duplicate_word(word: str) -> str:
    return f"词语重复：“{word}{word}”，应删去一个“{word}”"


def halfwidth(count: int, chars: str) -> str:
    return f"半角标点：本段有 {count} 处半角标点（{chars}），中文文本应使用全角标点"


def unbalanced_open(ch: str, close: str) -> str:
    return f"成对标点不配对：“{ch}”没有对应的“{close}”"


def unbalanced_close(ch: str, open_: str) -> str:
    return f"成对标点不配对：“{ch}”前面没有对应的“{open_}”"


# --- sections -----------------------------------------------------------------


def missing_section(doctype: str, section: str, examples: str) -> str:
    return f"缺少必备部分：{doctype}通常应有“{section}”部分（如{examples}），全文未找到"


def missing_closing(doctype: str, closing: str) -> str:
    return f"缺少{closing}：{doctype}的结尾应有{closing}"


def section_order(doctype: str, part: str, before: str) -> str:
    return f"部分顺序颠倒：{doctype}中“{part}”应在“{before}”之前"


def heading_outline_level(shown: str, level: int, siblings_level: int) -> str:
    """A heading whose Word outline level differs from most headings of its numbered series."""
    return (
        f"大纲级别不一致：同一组序号的标题多为标题 {siblings_level}，{shown}却是标题 {level}："
        "请改用与同级相同的标题样式"
    )


def heading_marker_colon(shown: str, want: str) -> str:
    """``2：完善制度`` among ``1.`` items."""
    return f"序号标点错误：{shown}应写作{want}（阿拉伯数字序号后用下脚点“.”，不用冒号）"


# --- slips ----------------------------------------------------------------------


def punct_doubled(marks: str) -> str:
    return f"标点重复：“{marks}”，应删去一个"


def sentence_period() -> str:
    return "句末用了半角点号“.”：中文句子应以句号“。”结束"


def doc_number_brackets(shown: str, year: str) -> str:
    """``shown``: the year as written (``【2023】``), to be written ``〔2023〕``."""
    return f"发文字号括号错误：“{shown}”应写作“〔{year}〕”（年份用六角括号，GB/T 9704）"


def toc_mismatch(title: str) -> str:
    return f"目录与正文不一致：目录项“{title}”在正文标题中找不到，请更新目录"


# --- the series pass: how its messages quote what it found ------------------------------------

#: The forms of an in-paragraph series, as suggested when two are mixed (by family).
ORDINAL_FORMS: dict[str, str] = {
    "首先": "“首先、其次、再次、最后”",
    "第": "“第一、第二、第三……”",
    "是": "“一是、二是、三是……”",
    "要": "“一要、二要、三要……”",
    "其": "“其一、其二、其三……”",
}


def ordinal_suggestion(first: str, other: str) -> str:
    """The form(s) to use when series ``first`` goes on in the form of ``other`` (families)."""
    a, b = ORDINAL_FORMS.get(first, first), ORDINAL_FORMS.get(other, other)
    return f"{a}或{b}" if a != b else a


def listed_items(items: list[str], total: int) -> str:
    """The items of a series for :func:`count_mismatch` (``一是、二是……`` when more than shown)."""
    return "、".join(items) + ("……" if total > len(items) else "")


def heading_run(count: int) -> str:
    """What :func:`count_mismatch` lists when the announced items are headings."""
    return f"其后的同级标题共 {count} 个"


def section_example(name: str) -> str:
    """How ``missing_section`` names a section that has no examples of its own."""
    return f"“{name}”"


# --- fix descriptions (what the fix button / ``fix`` output says it will do) -----------------


def fix_replace(new: str) -> str:
    """Replace the flagged marker or ordinal by ``new``."""
    return f"改为“{new}”"


def fix_delete(text: str) -> str:
    """Delete ``text``."""
    return f"删去“{text}”"


def fix_delete_repeated(text: str) -> str:
    """Delete one of two ``text`` in a row."""
    return f"删去重复的“{text}”"


def fix_fullwidth(count: int) -> str:
    """Turn the paragraph's ``count`` half-width marks into full-width ones."""
    return f"改为全角标点（{count} 处）"


FIX_RENUMBER_LEVEL = "重新编号本级其后的序号"
FIX_DELETE_PERIOD = "删去句号"
FIX_DUN_HAO = "改为顿号“、”"
FIX_DOT = "改为下脚点“.”"
FIX_PERIOD = "改为句号“。”"
FIX_HEXAGONAL_BRACKETS = "改为六角括号“〔〕”"


# --- the engine -------------------------------------------------------------------------------


def unknown_doctype(name: str, known: list[str]) -> str:
    """``--type`` names a document type the configuration does not know."""
    return f"未知文种“{name}”（可用：{'、'.join(known)}）"
