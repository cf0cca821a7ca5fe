"""Punctuation: half-width marks in Chinese text, and paired marks that don't close."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from .. import messages as msg
from ..chars import CN_PUNCT, HAN_RANGE, is_han
from ..model import Applicability, Finding, Severity, local_edits
from . import register
from .base import Rule
from .placeholders import is_lost_char
from .slips import doc_number_brackets

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config
    from ..view import DocView

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CN_PUNCT = CN_PUNCT


def _is_cjk(ch: str) -> bool:
    return is_han(ch) or ch in _CN_PUNCT


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


_CJKP = HAN_RANGE + _CN_PUNCT
# A half-width mark with a Chinese character (or Chinese punctuation) right before or after it
# (one space allowed).  Digits on both sides (10:30, 1,000) never match.
# The mark comes first in the pattern so the scanner jumps from mark to mark (a leading
# look-behind would be tried at every character: 4× slower).
_match_start = re.Match.start
_MARK_NEAR_CJK = re.compile(f"[,;:?!](?:(?<=[{_CJKP}][,;:?!])|(?<=[{_CJKP}] [,;:?!])|(?= ?[{_CJKP}]))")
_HAS_CJK = re.compile(f"[{_CJKP}]")


def check_halfwidth(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    if not facts.has_cjk:
        return ()
    if "?" in text:
        flagged = [
            m.start()
            for m in _MARK_NEAR_CJK.finditer(text)
            if text[m.start()] != "?" or not is_lost_char(text, m.start())
        ]
    else:
        flagged = list(map(_match_start, _MARK_NEAR_CJK.finditer(text)))  # C calls: a mark every few characters
    if "(" in text or ")" in text:
        opens: list[int] = []
        lone: list[int] = []
        for m in _PARENS.finditer(text):
            i = m.start()
            if text[i] == "(":
                opens.append(i)
            elif opens:
                o = opens.pop()
                if i == o + 1 and o > 0 and (text[o - 1].isascii() and (text[o - 1].isalnum() or text[o - 1] == "_")):
                    continue  # table.render(): a function call in code
                if text.startswith(("http://", "https://", "www."), o + 1) or (o > 0 and text[o - 1] == "]"):
                    continue  # (https://…) / [文字](链接): a link, not prose
                if _HAS_CJK.search(text, o + 1, i):
                    flagged.extend((o, i))
                elif o > 0 and text[o - 1].isascii() and text[o - 1].isalnum():
                    continue  # 512GB(SSD) / Excel(.xlsx): an English term's own note, ASCII on both sides
                elif _is_cjk(_prev(text, o)) or _is_cjk(_next(text, i)):
                    flagged.extend((o, i))
            else:
                lone.append(i)
        for i in lone + opens:
            if _is_cjk(_prev(text, i)) or _is_cjk(_next(text, i)):
                flagged.append(i)
        if flagged and "号" in text:
            doc_number = doc_number_brackets(text)
            if doc_number:
                flagged = [i for i in flagged if i not in doc_number]
    if not flagged:
        return ()
    flagged.sort()
    marks = list(map(text.__getitem__, flagged))
    chars = " ".join(dict.fromkeys(marks))
    # Built with map/zip (C loops): a converted draft has a half-width mark every few characters.
    edits = local_edits(flagged, map((1).__add__, flagged), map(_FULL.__getitem__, marks))
    # A ? with text right after it may be a character lost in conversion (、?县, 是否?理): turning it
    # into ？ would hide the loss for good, so that fix must be looked at, never applied blindly.
    risky = "?" in marks and any(
        text[i] == "?" and i + 1 < len(text) and text[i + 1] not in " \t\u3000”’）)】" for i in flagged
    )
    return (
        Finding(
            flagged[0],
            flagged[0] + 1,
            msg.halfwidth(len(flagged), chars),
            edits,
            Applicability.UNSAFE if risky else Applicability.SAFE,
            msg.fix_fullwidth(len(flagged)),
        ),
    )


_PARENS = re.compile(r"[()]")


_OPEN = {"“": "”", "《": "》", "（": "）", "(": ")", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_PAIR_CHARS = re.compile(r"[“”《》（）()【】]")
_SAME = {"(": "（", ")": "）"}
#: How many unclosed marks a closing mark looks back through for its partner.
_LOOKBACK = 32


def _balanced(marks: list[str]) -> bool:
    """Quick check on the marks alone (most paragraphs): properly nested and closed?"""
    stack: list[str] = []
    for ch in marks:
        if ch in _OPEN:
            stack.append(_SAME.get(ch, ch))
        elif not stack or stack.pop() != _SAME.get(_CLOSE[ch], _CLOSE[ch]):
            return False
    return not stack


def check_unbalanced(text: str, facts: ParagraphFacts | None = None, config: Config | None = None) -> Iterable[Finding]:
    """Unpaired marks of one paragraph, on their own (see :func:`check_unbalanced_document`)."""
    return _unbalanced(text)


#: How far a pair may reach across paragraphs: a quotation over several paragraphs, a bracket
#: opened on one line of a title block and closed on the next.
_REACH = {"“": 12, "”": 12, "（": 2, "(": 2, "）": 2, ")": 2, "《": 1, "》": 1, "【": 1, "】": 1}


#: Document rules see whole paragraphs; like the engine (``MAX_PARAGRAPH_CHARS``), look only at this
#: many characters of one, so a hostile megabyte line stays cheap.
_MAX_CHARS = 100_000


def check_unbalanced_document(view: DocView, config: Config) -> Iterable[Finding]:
    """Report a pair only when nothing in its logical unit (the following paragraphs) closes it.

    What closes an open mark depends only on its paragraph and its character, so the search runs once
    per (paragraph, mark) and applies to every such mark: linear however many marks a line has.
    """
    paras = view.paragraphs
    texts = [p.text if len(p.text) <= _MAX_CHARS else p.text[:_MAX_CHARS] for p in paras]
    found = [_unbalanced(t) for t in texts]
    #: paragraph → mark → the starts of its unpaired findings (in order)
    marks_at: list[dict[str, list[int]]] = []
    for k, findings in enumerate(found):
        d: dict[str, list[int]] = {}
        for f in findings:
            d.setdefault(texts[k][f.start], []).append(f.start)
        marks_at.append(d)
    silenced: set[tuple[int, int]] = set()
    silenced_mark: set[tuple[int, str]] = set()  # (paragraph, mark): every finding of that mark
    for k, d in enumerate(marks_at):
        for ch in d:
            if ch not in _OPEN:
                continue
            close = _SAME.get(_OPEN[ch], _OPEN[ch])
            plain = 0
            for j in range(k + 1, min(len(paras), k + 1 + _REACH[ch])):
                dj = marks_at[j]
                hit = min((starts[0] for c, starts in dj.items() if _SAME.get(c, c) == close), default=None)
                if hit is not None:
                    silenced_mark.add((k, ch))
                    silenced.add((j, hit))
                    # Chinese style: each quoted paragraph opens with “, only the last closes.
                    for m in range(k + 1, j + 1):
                        silenced_mark.add((m, ch))
                    break
                if ch == "“" and texts[j].strip():
                    continues = texts[j].lstrip(" \t\u3000").startswith("“")
                    still_open = "“" in dj
                    if continues and not still_open and "”" in texts[j]:
                        # “…  / “…  / “…”: the last quoted paragraph closes the whole quotation.
                        for m in range(k, j):
                            silenced_mark.add((m, ch))
                        break
                    if still_open and not continues:
                        break
                    if not continues:
                        plain += 1
                        if plain > 2:
                            break  # too far for an unmarked continuation
    for k, findings in enumerate(found):
        t = texts[k]
        kept = (f for f in findings if (k, t[f.start]) not in silenced_mark and (k, f.start) not in silenced)
        for f in islice(kept, MAX_PER_PARAGRAPH):
            yield f._replace(paragraph=k)


MAX_PER_PARAGRAPH = 100


_RE_LIST_LABEL = re.compile(r"^\s*[0-9a-zA-Z一二三四五六七八九十]{1,2}$")
_RE_LIST_LABEL_AFTER_CLAUSE = re.compile(r"[；;。：:][ \t\u3000]?[0-9a-zA-Z一二三四五六七八九十]{1,2}$")


@lru_cache(maxsize=65536)
def _unbalanced(text: str) -> tuple[Finding, ...]:
    marks = _PAIR_CHARS.findall(text)
    if not marks or _balanced(marks):
        return ()
    stack: list[tuple[str, int]] = []
    out: list[Finding] = []
    for m in _PAIR_CHARS.finditer(text):
        ch, i = m.group(0), m.start()
        if ch in _OPEN:
            stack.append((ch, i))
            continue
        want = _SAME.get(_CLOSE[ch], _CLOSE[ch])
        # Look back at most _LOOKBACK open marks: linear time on a line of thousands of unclosed marks.
        bottom = max(-1, len(stack) - 1 - _LOOKBACK)
        idx = next((k for k in range(len(stack) - 1, bottom, -1) if _SAME.get(stack[k][0], stack[k][0]) == want), None)
        if idx is None:
            if ch == "）" or ch == ")":
                # 1) / a) list markers are not brackets to close, at the start or after a clause (；b）…)
                if _RE_LIST_LABEL.match(text[:i]) or _RE_LIST_LABEL_AFTER_CLAUSE.search(text, max(0, i - 3), i):
                    continue
            out.append(Finding(i, i + 1, msg.unbalanced_close(ch, _CLOSE[ch])))
            continue
        for och, oi in stack[idx + 1 :]:
            out.append(Finding(oi, oi + 1, msg.unbalanced_open(och, _OPEN[och])))
        del stack[idx:]
    for och, oi in stack:
        out.append(Finding(oi, oi + 1, msg.unbalanced_open(och, _OPEN[och])))
    out.sort(key=lambda f: f.start)
    return tuple(out)


register(
    Rule(
        id="halfwidth-punct",
        severity=Severity.WARNING,
        summary="中文文本中的半角标点（, ; : ? ! ( )），每段一条，可一键改为全角",
        doc={
            "作用": "找出与汉字相邻的半角逗号、分号、冒号、问号、叹号和括号。小数、时间、网址、“1.”序号不报。",
            "为什么": "GB/T 15834 要求中文文本使用全角标点；从网页或 PDF 转来的文字常混入半角标点。",
            "示例": "今年以来,我办认真贯彻(落实)上级部署:",
            "修改后": "今年以来，我办认真贯彻（落实）上级部署：",
        },
        fixable=True,
        paragraph_check=check_halfwidth,
    )
)
register(
    Rule(
        id="unbalanced-pair",
        severity=Severity.WARNING,
        summary="成对标点（“” 《》 （） 【】）不配对",
        doc={
            "作用": "检查引号、书名号、括号、方头括号是否成对。",
            "为什么": "漏掉的后引号或后括号会让整段意思含混，排版后也很显眼。",
            "示例": "学习《党委工作条例，提高认识。",
            "修改后": "学习《党委工作条例》，提高认识。",
        },
        fixable=False,
        document_check=check_unbalanced_document,
    )
)
