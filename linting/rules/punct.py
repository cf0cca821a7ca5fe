"""Punctuation: half-width marks in Chinese text, and paired marks that don't close."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import messages as msg
from ..model import Severity
from . import register
from .base import Finding, Rule
from .placeholders import is_lost_char

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF = re.compile(r"[,;:?!()]")
_CN_PUNCT = "，。；：？！、“”‘’（）《》【】…—"


def _is_cjk(ch: str) -> bool:
    return ("\u3400" <= ch <= "\u9fff") or ("\uf900" <= ch <= "\ufaff") or ch >= "\U00020000" or ch in _CN_PUNCT


def _prev(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return text[j] if j >= 0 else ""


def _next(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return text[j] if j < len(text) else ""


def check_halfwidth(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if not facts.has_cjk or not _HALF.search(text):
        return ()
    flagged: list[int] = []
    opens: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for m in _HALF.finditer(text):
        i = m.start()
        c = text[i]
        if c == "(":
            opens.append(i)
        elif c == ")":
            if opens:
                pairs.append((opens.pop(), i))
            else:
                lone.append(i)
        elif c == "?" and is_lost_char(text, i):
            continue  # reported by the placeholder rule
        elif c == ":" and _prev(text, i).isdigit() and _next(text, i).isdigit():
            continue  # a time, 10:30
        elif c == "," and _prev(text, i).isdigit() and _next(text, i).isdigit():
            continue  # 1,000
        elif _is_cjk(_prev(text, i)) or _is_cjk(_next(text, i)):
            flagged.append(i)
    lone.extend(opens)
    for o, c in pairs:
        inner = text[o + 1:c]
        if any(_is_cjk(ch) for ch in inner) or _is_cjk(_prev(text, o)) or _is_cjk(_next(text, c)):
            flagged.extend((o, c))
    for i in lone:
        if _is_cjk(_prev(text, i)) or _is_cjk(_next(text, i)):
            flagged.append(i)
    if not flagged:
        return ()
    flagged.sort()
    chars = " ".join(dict.fromkeys(text[i] for i in flagged))
    edits = tuple((i, i + 1, _FULL[text[i]]) for i in flagged)
    return (Finding(flagged[0], flagged[0] + 1, msg.halfwidth(len(flagged), chars), edits,
                    fix_description=f"改为全角标点（{len(flagged)} 处）"),)


_OPEN = {"“": "”", "《": "》", "（": "）", "(": ")", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_PAIR_CHARS = re.compile(r"[“”《》（）()【】]")
_SAME = {"(": "（", ")": "）"}


def check_unbalanced(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if not _PAIR_CHARS.search(text):
        return ()
    stack: list[tuple[str, int]] = []
    out: list[Finding] = []
    for m in _PAIR_CHARS.finditer(text):
        ch, i = m.group(0), m.start()
        if ch in _OPEN:
            stack.append((ch, i))
            continue
        want = _SAME.get(_CLOSE[ch], _CLOSE[ch])
        idx = next((k for k in range(len(stack) - 1, -1, -1) if _SAME.get(stack[k][0], stack[k][0]) == want), None)
        if idx is None:
            if ch == "）" or ch == ")":
                # 1) / a) list markers are not brackets to close
                if re.match(r"^\s*[0-9a-zA-Z一二三四五六七八九十]{1,2}$", text[:i]):
                    continue
            out.append(Finding(i, i + 1, msg.unbalanced_close(ch, _CLOSE[ch])))
            continue
        for och, oi in stack[idx + 1:]:
            out.append(Finding(oi, oi + 1, msg.unbalanced_open(och, _OPEN[och])))
        del stack[idx:]
    for och, oi in stack:
        out.append(Finding(oi, oi + 1, msg.unbalanced_open(och, _OPEN[och])))
    out.sort(key=lambda f: f.start)
    return out


register(Rule(
    "halfwidth-punct", Severity.WARNING, "中文文本中的半角标点（, ; : ? ! ( )），每段一条，可一键改为全角",
    {"作用": "找出与汉字相邻的半角逗号、分号、冒号、问号、叹号和括号。小数、时间、网址、“1.”序号不报。",
     "为什么": "GB/T 15834 要求中文文本使用全角标点；从网页或 PDF 转来的文字常混入半角标点。",
     "示例": "今年以来,我办认真贯彻(落实)上级部署:", "修改后": "今年以来，我办认真贯彻（落实）上级部署："},
    True, paragraph_check=check_halfwidth,
))
register(Rule(
    "unbalanced-pair", Severity.WARNING, "成对标点（“” 《》 （） 【】）不配对",
    {"作用": "检查引号、书名号、括号、方头括号是否成对。",
     "为什么": "漏掉的后引号或后括号会让整段意思含混，排版后也很显眼。",
     "示例": "学习《党委工作条例，提高认识。", "修改后": "学习《党委工作条例》，提高认识。"},
    False, paragraph_check=check_unbalanced,
))
