"""Leftover placeholders: the patterns are data (defaults.toml + user config)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..chars import HAN_RANGE, is_han
from ..model import Finding, Severity
from ..vocabulary import VOCABULARY, alternation
from . import register
from .base import Rule

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config

_QUESTION_WORDS = re.compile(alternation(VOCABULARY.question_words))
_CLAUSE_START_CHARS = "。！？；!;\n"


_SEPARATOR = re.compile(r"\s*[-=—─━]{3,}\s*")


def clause_start(text: str, pos: int, stops: str, window: int = 200) -> int:
    """Start of the clause that contains ``pos``: just after the nearest stop character before it.

    Looks back at most ``window`` characters, so many matches in one huge
    paragraph stay linear.
    """
    lo = max(0, pos - window)
    return max(lo, max(text.rfind(c, lo, pos) + 1 for c in stops))


def is_lost_char(text: str, pos: int) -> bool:
    """Is the ``?`` at ``pos`` a character lost in conversion rather than a question mark?"""
    if pos <= 0 or pos + 1 > len(text) or text[pos] != "?":
        return False
    before = text[pos - 1]
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if before in "、，,（(“" and _is_cjk_or_digit(after):
        return True  # 、?县: a character lost at the start of an item
    if not (_is_cjk_or_digit(before) and (after == "" or _is_cjk_or_digit(after) or after in "，,。；;、“”")):
        return False
    if after == "":
        return False
    start = clause_start(text, pos, _CLAUSE_START_CHARS)
    return not _QUESTION_WORDS.search(text, start, pos)


_RE_FIGURE_BEFORE = re.compile(r"\d[\d.]*\s*[%％]?[^\d\s，,。；;、“”…]{0,3}$")


def _ends_a_list(text: str, start: int) -> bool:
    """``读书、演讲、征文……等活动`` / ``知识竞赛……一系列活动``: an ellipsis that continues an
    enumeration (its clause lists items with 、) is prose, not a blank; so is one after a run of
    figures (``A事项1265项，B事项152项……覆盖面进一步扩大``)."""
    if start > 0 and text[start - 1] in "、，,":
        return True
    clause = clause_start(text, start, "，,。；;：:！？!?“”")
    if "、" in text[clause:start]:
        return True
    if _RE_FIGURE_BEFORE.search(text, max(0, start - RATE_REACH), start):
        sentence = clause_start(text, start, "。；;！？!?")
        comma = max(text.rfind("，", sentence, start), text.rfind(",", sentence, start))
        return comma > sentence and any(c.isdigit() for c in text[sentence:comma])
    return False


_RE_UNIT_BEFORE = re.compile(r"\d[.\d]*\s*[^\d\s/，,。；;、]{1,3}$")
#: A rate (62.5天/季) has its number at most this many characters before the “/”.
RATE_REACH = 12
#: A title or label line where “--” is a typed dash has at most this many characters.
DASH_TITLE_MAX = 30
#: A formula sign (×÷=+) this close after a “-” makes it a minus sign.
FORMULA_REACH = 30
#: A paragraph with no Chinese and longer than this is English text, not checked for placeholders.
ENGLISH_MIN = 20


def _slash_alternative(text: str, pos: int) -> bool:
    """``2000元/支``, ``视频/海报/推送``, ``（个人/单位）``: a unit or alternatives, not a cut word."""
    if _RE_UNIT_BEFORE.search(text, max(0, pos - RATE_REACH), pos):
        return True  # a rate after a number: 62.5天/季, 5分/项
    clause = clause_start(text, pos, "，,。；;：:！？!?“”")
    end = len(text)
    for stop in "，,。；;！？!?“”":
        k = text.find(stop, pos)
        if k >= 0:
            end = min(end, k)
    if text.count("/", clause, end) >= 2:
        return True  # A/B/C: a list of alternatives
    opened = max(text.rfind("（", 0, pos), text.rfind("(", 0, pos))
    closed = max(text.rfind("）", 0, pos), text.rfind(")", 0, pos))
    return opened > closed and opened >= clause  # inside brackets: （图片/文档）


_ABBREVIATED_PLACES = frozenset(
    "京津冀沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕甘陇青宁新港澳台辽吉黑晋蒙中美日韩俄欧非英法德印"
)
_JOINED_NAMES = re.compile(
    r"[^，,。；;]{0,6}?(?:博览会|自贸区|自由贸易区|合作|论坛|峰会|走廊|班列|铁路|高铁|城际|高速|航线|一体化|经济带|经济圈|协同发展|公路|段|干线|专线|通道|管道|大道|快速路|公交|客运)"
)
# 长沙-株洲-湘潭 / “政府-企业-高校”: words of two or more characters chained by hyphens, a list of names.
_CHAIN_AFTER = re.compile(rf"[{HAN_RANGE}]{{2,6}}-[{HAN_RANGE}]{{2}}")
_CHAIN_BEFORE = re.compile(rf"[{HAN_RANGE}]{{2}}-[{HAN_RANGE}]{{2,6}}$")


def _hyphen_chain(text: str, pos: int) -> bool:
    """Is the ``-`` at ``pos`` one link of a chain of two-character-or-longer names?"""
    two_before = pos >= 2 and is_han(text[pos - 1]) and is_han(text[pos - 2])
    two_after = pos + 2 < len(text) and is_han(text[pos + 1]) and is_han(text[pos + 2])
    if two_before and _CHAIN_AFTER.match(text, pos + 1):
        return True
    return two_after and bool(_CHAIN_BEFORE.search(text, max(0, pos - 9), pos))


_RE_EXAMPLE_INTRO = re.compile(r"(?:命名为?|格式为?|格式如下|例如|比如|形如|写成|写作|统一为|如(?=[：:]))[：:]?\s*$")


def _naming_example(text: str, pos: int) -> bool:
    """``文件夹命名“xxx支队_材料”``: a pattern shown as an example in an instruction, not a blank."""
    q = text.rfind("“", 0, pos)
    if q < 0 or text.rfind("”", 0, pos) > q:
        return False
    return bool(_RE_EXAMPLE_INTRO.search(text, max(0, q - 6), q))


def _typed_dash(text: str, start: int, end: int) -> bool:
    """``主题--内容`` in a short title or label line: ``--`` typed for a dash, not a blank."""
    if text[start:end] != "--" or start == 0 or end >= len(text):
        return False
    if not (_is_cjk_or_digit(text[start - 1]) and _is_cjk_or_digit(text[end])):
        return False
    t = text.strip()
    return len(t) <= DASH_TITLE_MAX and not any(c in t for c in "，,。；;")


_NAMING_WORDS = re.compile(alternation(VOCABULARY.naming_words))
_RE_TOKEN_CHAR = re.compile(r"[\w]")
#: Each part of a naming pattern (单位名称_姓名_日期) has at least this many characters.
NAMING_PART_MIN = 2


def _naming_pattern(text: str, start: int, end: int) -> bool:
    """``单位名称_姓名_日期`` / ``按单位_姓名格式命名``: a single “_” joining words of a file-naming
    pattern, not a blank (``党的_大``, ``年_月_日`` stay blanks)."""
    if end - start != 1 or start == 0 or end >= len(text):
        return False
    lo = start
    while lo > 0 and _RE_TOKEN_CHAR.match(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and _RE_TOKEN_CHAR.match(text[hi]):
        hi += 1
    parts = text[lo:hi].split("_")
    if any(len(p) < NAMING_PART_MIN for p in parts):
        return False
    if len(parts) >= 3:
        return True
    clause = clause_start(text, start, "。！？；!?;")
    stop = min((k for k in (text.find(c, end) for c in "。！？；!?;") if k >= 0), default=len(text))
    return bool(_NAMING_WORDS.search(text, clause, stop))


def _arithmetic(text: str, pos: int) -> bool:
    """``应休天数＝（…÷365天）×…-已休天数``: a minus sign in a formula; ``中国-东盟博览会`` / ``京-津``:
    a hyphen joining two names."""
    clause = clause_start(text, pos, "，,。；;！？!?")
    if any(c in text[clause : pos + FORMULA_REACH] for c in "×÷＝=＋+"):
        return True
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    lone_before = pos < 2 or not _is_cjk_or_digit(text[pos - 2]) or text[pos - 2] in _ABBREVIATED_PLACES
    lone_after = pos + 2 >= len(text) or not _is_cjk_or_digit(text[pos + 2]) or text[pos + 2] == "-"
    if before in _ABBREVIATED_PLACES and after in _ABBREVIATED_PLACES and (lone_before or lone_after):
        return True  # 京-津-冀 / 中-欧
    return bool(_JOINED_NAMES.match(text, pos + 1)) or _hyphen_chain(text, pos)


def _masked_digits(text: str, start: int, end: int) -> bool:
    """``3201********1234`` / ``138****5678``: digits masked on purpose inside a number (脱敏)."""
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


_RE_SLOT_LABEL = re.compile(
    rf"(?:{alternation(VOCABULARY.signature_labels)})[ \u3000]*[：:]?[ \u3000]*[0-9]{{0,4}}[ \u3000]*$"
)
_SLOT_CHARS = " \u3000\t年月日至到起止—～~-"
#: How far back a signature label may stand before the date slot (盖章：      201  年).
SLOT_LABEL_REACH = 30


def _form_slot(text: str, start: int) -> bool:
    """``    年  月  日`` opening a line, or after ``盖章：`` / ``日期：``: a form's slot for a date written
    by hand, not a blank left in the text."""
    if text[start] not in "年月":
        return False  # 第    届: not a date
    before = text[:start].rstrip(" \u3000\t")
    if not before.strip(_SLOT_CHARS):
        return True  # the line is only date slots (  年  月  日至  月  日)
    return bool(_RE_SLOT_LABEL.search(before, max(0, len(before) - SLOT_LABEL_REACH)))


_RE_SURNAME_BEFORE = re.compile(rf"(?:{alternation(VOCABULARY.surnames)})$")


_RE_CONTACT_LABEL = re.compile(rf"(?:{alternation(VOCABULARY.contact_labels)})[ \u3000]*[：:]?[ \u3000]*$")


def _anonymised(text: str, start: int) -> bool:
    """``李某某`` / ``欧阳某某``: a person anonymised on purpose (a surname right before), not a blank
    (``联系人：张XX`` is: the reader must be able to reach that person)."""
    m = _RE_SURNAME_BEFORE.search(text, max(0, start - 2), start)
    return m is not None and not _RE_CONTACT_LABEL.search(text, max(0, m.start() - 8), m.start())


#: What follows an amount left blank (资金××万元), never a name masked as 王××.
_AMOUNT_UNIT = frozenset("万亿千百元个名家人次项件户亩吨年月日号%％米台辆套平公倍批期级")


def _anonymised_name(text: str, start: int, end: int) -> bool:
    """``王××、`` / ``张XX安排``: two or three marks after a surname, not followed by a unit."""
    return end - start <= 3 and (end == len(text) or text[end] not in _AMOUNT_UNIT) and _anonymised(text, start)


def _is_cjk_or_digit(ch: str) -> bool:
    return ch.isdigit() or is_han(ch)


def check(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if not facts.has_cjk and facts.length > ENGLISH_MIN:
        return ()  # an English passage; a short line of only dots or letters is still checked
    if config.placeholder_prefilter is not None and not config.placeholder_prefilter.search(text):
        return ()
    if _SEPARATOR.fullmatch(text):
        return ()  # a separator line, not a blank
    spans: list[tuple[int, int, str]] = []
    look = config.lookalikes
    allowed: list[tuple[int, int]] | None = None  # look-alike spans, found when a match needs them
    for ph in config.placeholders:
        if ph.trigger is not None and not ph.trigger.search(text):
            continue
        for m in ph.regex.finditer(text):
            s, e = m.span()
            if s == e:
                continue
            if ph.check == "not-a-question" and not is_lost_char(text, s):
                continue
            if ph.check == "omitted-content" and (facts.toc or _ends_a_list(text, s)):  # a TOC's dot leader
                continue
            if ph.check == "not-alternatives" and _slash_alternative(text, s):
                continue
            if ph.check == "not-arithmetic" and _arithmetic(text, s):
                continue
            if ph.check == "not-a-dash" and (_typed_dash(text, s, e) or _naming_pattern(text, s, e)):
                continue
            if ph.check == "not-anonymised" and _anonymised(text, s):
                continue
            if ph.check == "not-a-form-slot" and _form_slot(text, s):
                continue
            if ph.check == "not-a-mask" and (_masked_digits(text, s, e) or _anonymised_name(text, s, e)):
                continue
            if allowed is None:
                allowed = [m.span() for m in look.finditer(text)] if look is not None else []
            if any(a <= s and e <= b for a, b in allowed):
                continue
            if _naming_example(text, s):
                continue
            spans.append((s, e, ph.message.replace("{match}", m.group(0))))
    if not spans:
        return ()
    spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[Finding] = []
    last_end = -1
    for s, e, message in spans:
        if s < last_end:
            continue
        out.append(Finding(s, e, message))
        last_end = e
    return out


register(
    Rule(
        id="placeholder",
        severity=Severity.WARNING,
        summary="残留的填空或脱敏占位内容（----、--社区、_大、20__年、XX局、××、【待补充】）",
        doc={
            "作用": "找出模板填空、脱敏替换、转换丢字后留下的占位内容。",
            "为什么": "占位符漏改是最常见的硬伤，交上去就是事故。“X光”“3×4”“COVID-19”“0951-1234567”“3-5人”等形似内容不报。",
            "示例": "--社区党工委召开会议，传达党的_大精神。",
            "修改后": "龙门社区党工委召开会议，传达党的十九大精神。",
        },
        fixable=False,
        paragraph_check=check,
    )
)
