"""Small typing slips: doubled punctuation, a half-width period ending a Chinese sentence, a 发文字号 with
the wrong brackets, and a table of contents that no longer matches the headings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import messages as msg
from ..analysis import toc_title
from ..chars import HAN_RANGE as CJK_RANGE
from ..model import THIS_PARAGRAPH, Applicability, Edit, Finding, Severity
from . import register
from .base import Rule

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config
    from ..view import DocView

# 。。 ，， 、、 ；； ：： — exactly two (three or more 。 are an ellipsis typed by hand: placeholder).
_RE_DOUBLED = re.compile(r"([。，、；：])\1(?!\1)")


def check_doubled(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if "。。" not in text and "，，" not in text and "、、" not in text and "；；" not in text and "：：" not in text:
        return ()
    out = []
    for m in _RE_DOUBLED.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == m.group(1):
            continue  # part of a longer run
        out.append(
            Finding(
                m.start(),
                m.end(),
                msg.punct_doubled(m.group(0)),
                (Edit(THIS_PARAGRAPH, m.start() + 1, m.end(), ""),),
                Applicability.SAFE,
                msg.fix_delete_repeated(m.group(1)),
            )
        )
    return out


# A half-width . right after a Chinese character, ending the sentence: at the end of the paragraph,
# or before the next Chinese sentence.  Not 1. / 3.5 / www.gov.cn / 一.总体情况 (a heading marker,
# reported by heading-punctuation) / ... (an ellipsis).
_RE_SENTENCE_DOT = re.compile(rf"(?<=[{CJK_RANGE}）”》])\.(?!\.)(?=\s*$|\s*[{CJK_RANGE}“（])")
_RE_MARKER_START = re.compile(r"^\s*[一二三四五六七八九十]{1,3}$")
_RE_BRACKET_MARKER = re.compile(r"^\s*[（(][一二三四五六七八九十0-9]{1,3}[）)]\.$")


def check_sentence_period(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if "." not in text or not facts.has_cjk:
        return ()
    out = []
    for m in _RE_SENTENCE_DOT.finditer(text):
        i = m.start()
        if text[i - 1 : i] == "." or _RE_MARKER_START.match(text[:i]) or _RE_BRACKET_MARKER.match(text[: i + 1]):
            continue  # 一. / （一）. : wrong marker punctuation, reported by heading-punctuation
        edits = (Edit(THIS_PARAGRAPH, i, i + 1, "。"),)
        out.append(Finding(i, i + 1, msg.sentence_period(), edits, Applicability.SAFE, msg.FIX_PERIOD))
    return out


# 市政办发【2023】15号 / [2023] / (2023) / ﹝2023﹞ → 〔2023〕 (GB/T 9704-2012 7.2.4)
_RE_DOC_NUMBER = re.compile(
    rf"(?<=[{CJK_RANGE}])\s*([【\[［(（﹝{{｛「])\s*((?:19|20)\d\d)\s*([】\]］)）﹞}}｝」])\s*(?=\d{{1,4}}\s*号)"
)
_OPENERS = "【[［(（﹝{｛「"
_CLOSERS = "】]］)）﹞}｝」"


def doc_number_brackets(text: str) -> set[int]:
    """Offsets of the brackets around a 发文字号 year (``青卫发(2025)8号``): doc-number-brackets
    reports them, so halfwidth-punct leaves them alone (one slip, one finding)."""
    if "号" not in text:
        return set()
    return {k for m in _RE_DOC_NUMBER.finditer(text) for k in (m.start(1), m.start(3))}


def check_doc_number(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if "号" not in text or not any(c in text for c in _OPENERS):
        return ()
    out = []
    for m in _RE_DOC_NUMBER.finditer(text):
        o, c = m.start(1), m.start(3)
        if _OPENERS.index(m.group(1)) != _CLOSERS.index(m.group(3)) and m.group(1) + m.group(3) not in ("（)", "(）"):
            continue
        year = m.group(2)
        out.append(
            Finding(
                o,
                c + 1,
                msg.doc_number_brackets(m.group(1) + year + m.group(3), year),
                (Edit(THIS_PARAGRAPH, o, o + 1, "〔"), Edit(THIS_PARAGRAPH, c, c + 1, "〕")),
                Applicability.SAFE,
                msg.FIX_HEXAGONAL_BRACKETS,
            )
        )
    return out


def _norm(title: str) -> str:
    return re.sub(r"[\s\u3000：:，,。.、；;（）()“”\"]", "", title)


def check_toc(view: DocView, config: Config) -> Iterable[Finding]:
    """Entries of the table of contents that no heading of the body carries any more."""
    entries = view.outline.entries
    if not entries:
        return
    first_heading = entries[0].paragraph
    # The contents come before the body: tab-separated data rows further down are not a TOC.
    toc = [i for i, f in enumerate(view.facts[:first_heading]) if f.toc and view.paragraphs[i].text.strip()]
    if len(toc) < 2:
        return
    heads = {_norm(e.title.rstrip("…")) for e in view.outline.entries}
    full = [_norm(view.paragraphs[e.paragraph].text) for e in view.outline.entries]
    misses = []
    hits = 0
    for i in toc:
        title = _norm(toc_title(view.paragraphs[i].text))
        if not title or title in ("目录", "目次") or (view.paragraphs[i].style or "").lower() == "toc heading":
            continue
        if title in heads or any(title in h or (len(h) >= 4 and h in title) for h in full):
            hits += 1
        else:
            misses.append(i)
    # Only when the contents clearly belong to this body (most entries match): a template's
    # placeholder contents or a body we could not outline are not reported entry by entry.
    if not misses or hits < 2 or hits < len(misses) * 2:
        return
    for i in misses:
        text = view.paragraphs[i].text
        t = toc_title(text)
        start = max(0, text.find(t)) if t else 0
        yield Finding(start, start + len(t), msg.toc_mismatch(t), paragraph=i)


register(
    Rule(
        id="punct-doubled",
        severity=Severity.WARNING,
        summary="标点误重复（。。 ，， 、、）",
        doc={
            "作用": "找出连续输入两次的句号、逗号、顿号、分号、冒号。",
            "为什么": "删改句子时常留下重复的标点，一眼就能看出是没校对过的稿子。",
            "示例": "全年共完成检查任务12次。。下一步将继续加强督查。",
            "修改后": "全年共完成检查任务12次。下一步将继续加强督查。",
        },
        fixable=True,
        paragraph_check=check_doubled,
    )
)
register(
    Rule(
        id="sentence-period",
        severity=Severity.WARNING,
        summary="中文句子末尾用了半角点号“.”（应为句号“。”）",
        doc={
            "作用": "找出紧跟汉字、结束一句话的半角“.”。“1.”序号、小数、网址不报。",
            "为什么": "GB/T 15834 规定中文句末用句号“。”；半角点号多是输入法未切换造成的。",
            "示例": "今年共组织培训三期.参训人员达到二百人次。",
            "修改后": "今年共组织培训三期。参训人员达到二百人次。",
        },
        fixable=True,
        paragraph_check=check_sentence_period,
    )
)
register(
    Rule(
        id="doc-number-brackets",
        severity=Severity.WARNING,
        summary="发文字号年份用错括号（【2023】、[2023] 应为〔2023〕）",
        doc={
            "作用": "检查发文字号中的年份是否用六角括号“〔〕”括起。",
            "为什么": "GB/T 9704-2012 规定发文字号的年份用六角括号；方括号、方头括号、圆括号都不对。",
            "示例": "青政办发【2023】15号",
            "修改后": "青政办发〔2023〕15号",
        },
        fixable=True,
        paragraph_check=check_doc_number,
    )
)
TOC = register(
    Rule(
        id="toc-mismatch",
        severity=Severity.WARNING,
        summary="目录项与正文标题不一致（改了标题没更新目录）",
        doc={
            "作用": "把目录中的每一项与正文标题对照，找出正文里已经没有的目录项。",
            "为什么": "修改标题后忘记更新目录，打印出来目录和正文对不上。",
            "示例": "目录\n一、总体情况\t1\n二、主要做法\t2\n三、存在问题\t3\n一、总体情况\n……\n二、主要举措\n……\n三、存在问题\n……",
            "修改后": "目录\n一、总体情况\t1\n二、主要举措\t2\n三、存在问题\t3\n一、总体情况\n……\n二、主要举措\n……\n三、存在问题\n……",
        },
        fixable=False,
        document_check=check_toc,
    )
)
