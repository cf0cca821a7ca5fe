"""Recognising heading markers (``一、`` ``（一）`` ``1.`` …) and in-paragraph ordinals (``一是``).

Everything here looks at one paragraph at a time and is cached per paragraph
by the engine; the document-level sequence checks live in
:mod:`linting.rules.headings` and :mod:`linting.rules.ordinals`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .chars import HAN_RANGE
from .numerals import (
    CN_NUMERAL_CHARS,
    format_circled,
    format_cn,
    parse_arabic,
    parse_circled,
    parse_cn,
    parse_paren_digit,
)
from .vocabulary import VOCABULARY, alternation

#: Chinese characters (defined in :mod:`linting.chars`; the name is kept for importers).
CJK_RANGE = HAN_RANGE
_CN = f"[{CN_NUMERAL_CHARS}]"


# ---------------------------------------------------------------------------
# Heading markers


@dataclass(frozen=True, slots=True)
class MarkerStyle:
    """A numbering style: its id, its rank in the GB/T 9704 hierarchy, and its name in messages.

    A number is printed in the writer's own form of a marker by :func:`render_marker`.
    """

    id: str
    rank: int
    label: str  # Chinese name used in messages


STYLES: dict[str, MarkerStyle] = {
    s.id: s
    for s in (
        MarkerStyle("part", 10, "“第X部分”"),
        MarkerStyle("chapter", 20, "“第X章”"),
        MarkerStyle("section", 30, "“第X节”"),
        MarkerStyle("article", 35, "“第X条”"),
        MarkerStyle("cn", 40, "“一、”"),
        MarkerStyle("cn-paren", 50, "“（一）”"),
        MarkerStyle("arabic", 60, "“1.”"),
        MarkerStyle("multi2", 62, "“1.1”"),
        MarkerStyle("multi3", 64, "“1.1.1”"),
        MarkerStyle("arabic-paren", 70, "“（1）”"),
        MarkerStyle("circled", 80, "“①”"),
        MarkerStyle("none", 0, "无编号标题"),
    )
}

#: The GB/T 9704 chain: a child one step down this list is the expected next level.
GB_CHAIN = ("cn", "cn-paren", "arabic", "arabic-paren", "circled")


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading number found at the start of a paragraph (or in its auto-number)."""

    style: str
    value: int
    variant: str  # sub-form: "." / "．" / "、" for arabic, "enclosed" for ⑴, the prefix for multi
    shown: str  # the marker as the reader sees it, e.g. "（一）"
    start: int  # span of the marker in the paragraph text (0, 0 for auto-numbers)
    end: int
    bad_punct: str = ""  # wrong punctuation right after the marker, e.g. "、" in "（一）、"
    bad_punct_start: int = -1
    from_auto_number: bool = False


#: A bare-number heading (``1  工程概况``) has a title of at most this many characters.
BARE_TITLE_MAX = 24
_LEAD_WS = r"[ \t\u3000]*"
_RE_CHAPTER = re.compile(rf"^{_LEAD_WS}第({_CN}{{1,6}}|\d{{1,3}})(部分|篇|章|节|条)")
_RE_CN = re.compile(rf"^{_LEAD_WS}({_CN}{{1,6}})[ \t\u3000]*([、.．，,])")
_RE_CN_PAREN = re.compile(rf"^{_LEAD_WS}([（(])[ \t\u3000]*({_CN}{{1,3}})[ \t\u3000]*([）)])")
_RE_ARABIC_PAREN = re.compile(rf"^{_LEAD_WS}([（(])[ \t\u3000]*([0-9０-９]{{1,3}})[ \t\u3000]*([）)])")
_RE_ENCLOSED = re.compile(rf"^{_LEAD_WS}([⑴-⒇①-⑳])")
_RE_MULTI = re.compile(
    rf"^{_LEAD_WS}((?:\d{{1,2}}[.．]){{1,3}})(\d{{1,2}})(?=[ \t\u3000、]|(?!个(?!别)|[万亿元倍千百米吨亩人次年月日号时分秒])[{CJK_RANGE}])"
)
_RE_ARABIC = re.compile(
    rf"^{_LEAD_WS}([0-9０-９]{{1,3}})[ \t\u3000]*([.．、])(?![0-9０-９](?![0-9]?月[0-9]{{1,2}}[日号]))"
)
# 1  工程概况 (a standards-style top level above 1.1): a bare number, white space, a short title and
# nothing else; not 3 个项目 / 12 月 / a table row (1  张三  男).
_RE_ARABIC_BARE = re.compile(
    rf"^{_LEAD_WS}([0-9０-９]{{1,2}})[ \t\u3000]+"
    rf"(?![个万亿元倍千百米吨亩人次年月日号时分秒栋项条名家户所座台辆本张位份批期届级类种处间层])"
    rf"[{CJK_RANGE}][{CJK_RANGE}0-9０-９、“”《》（）()]{{1,{BARE_TITLE_MAX - 1}}}[ \t\u3000]*$"
)
#: What follows 第X章/第X条 when it is cited, not a heading: 第二章第一条 / 第五条修改为 / 第三条规定的.
_RE_REFERENCE = re.compile(r"第|修改|规定|所称|所列|中的|之|的|和|与|至|[（(][一二三四五六七八九十]+[）)]")
_RE_ARABIC_COLON = re.compile(rf"^{_LEAD_WS}([0-9０-９]{{1,2}})[ \t\u3000]*([：:])(?=[{CJK_RANGE}])")
_RE_AFTER_BRACKET = re.compile(r"[、.．，,]")

# 一、二年级 / 二、三产业 / 一、二、三等奖: two consecutive numerals counting something, not a heading 一、.
_NUMERAL_PAIR_TAIL = re.compile(rf"[、至到和及或与]|(?:{alternation(VOCABULARY.numeral_pair_units)})")

# Units and words that show "1.5万" / "2、3月" are numbers, not headings.
_NOT_HEADING_AFTER_ARABIC = re.compile(r"^[0-9０-９](?![0-9]?月[0-9]{1,2}[日号])|^[%％]")


def find_marker(text: str) -> Marker | None:
    """The heading marker at the start of ``text``, if there is one."""
    if not text:
        return None
    ch = text.lstrip(" \t\u3000")[:1]
    if not ch:
        return None
    if ch == "第":
        m = _RE_CHAPTER.match(text)
        if m:
            num = m.group(1)
            value = parse_cn(num) if not num.isdigit() else int(num)
            if value and not _RE_REFERENCE.match(text, m.end()):  # 第二章第一条…: a reference, not a heading
                kind = {"部分": "part", "篇": "part", "章": "chapter", "节": "section", "条": "article"}[m.group(2)]
                return Marker(kind, value, m.group(2), m.group(0).strip(), m.start(0) + _lead(text), m.end())
        return None
    if ch in "（(":
        for regex, style in ((_RE_CN_PAREN, "cn-paren"), (_RE_ARABIC_PAREN, "arabic-paren")):
            m = regex.match(text)
            if m:
                value = parse_cn(m.group(2)) if style == "cn-paren" else parse_arabic(m.group(2))
                if not value:
                    return None
                end = m.end()
                bad, bad_at = "", -1
                if end < len(text) and _RE_AFTER_BRACKET.match(text, end):
                    bad, bad_at = text[end], end
                return Marker(style, value, "", m.group(0).strip(), _lead(text), end, bad, bad_at)
        return None
    if "\u2474" <= ch <= "\u2487" or "\u2460" <= ch <= "\u2473":
        m = _RE_ENCLOSED.match(text)
        assert m
        c = m.group(1)
        paren = parse_paren_digit(c)
        style, value, variant = ("arabic-paren", paren, "enclosed") if paren else ("circled", parse_circled(c), "")
        end = m.end()
        bad, bad_at = "", -1
        if end < len(text) and _RE_AFTER_BRACKET.match(text, end):
            bad, bad_at = text[end], end
        return Marker(style, value or 0, variant, c, _lead(text), end, bad, bad_at)
    if ch.isdigit():
        m = _RE_MULTI.match(text)
        if m:
            prefix = m.group(1)
            depth = prefix.count(".") + prefix.count("．")
            style = "multi2" if depth == 1 else "multi3"
            return Marker(style, int(m.group(2)), prefix + "{n}", m.group(0).strip(), _lead(text), m.end())
        m = _RE_ARABIC_COLON.match(text)
        if m:
            # 1：加强领导 — a list number with a colon instead of the 下脚点
            value = parse_arabic(m.group(1))
            if value:
                colon = m.start(2)
                return Marker("arabic", value, ".", m.group(0).strip(), _lead(text), m.end(), m.group(2), colon)
        m = _RE_ARABIC_BARE.match(text)
        if m:
            value = parse_arabic(m.group(1))
            if value:
                end = m.start(1) + len(m.group(1))
                return Marker("arabic", value, " ", m.group(1), _lead(text), end)
        m = _RE_ARABIC.match(text)
        if m and not _NOT_HEADING_AFTER_ARABIC.match(text[m.end() :]):
            value = parse_arabic(m.group(1))
            if value is None or value == 0:
                return None
            punct = m.group(2)
            return Marker("arabic", value, punct, m.group(0).strip(), _lead(text), m.end())
        return None
    if ch in CN_NUMERAL_CHARS:
        m = _RE_CN.match(text)
        if m:
            value = parse_cn(m.group(1))
            if not value:
                return None
            punct = m.group(2)
            if punct == "、" and _numeral_pair(text, m.end(), value):
                return None
            bad, bad_at = ("", -1) if punct == "、" else (punct, m.start(2))
            return Marker("cn", value, "", m.group(0).strip(), _lead(text), m.end(), bad, bad_at)
    return None


def _numeral_pair(text: str, end: int, value: int) -> bool:
    """``一、二年级`` / ``二、三产业``: the numeral after ``一、`` is the next one and counts something."""
    nxt = text[end : end + 1]
    return bool(nxt) and parse_cn(nxt) == value + 1 and bool(_NUMERAL_PAIR_TAIL.match(text, end + 1))


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(" \t\u3000"))


def parse_auto_number(label: str) -> Marker | None:
    """A rendered Word list label (``"一、"``, ``"（一）"``, ``"1.1"``) as a marker."""
    label = label.strip()
    if not label:
        return None
    half = re.fullmatch(r"([0-9]{1,3})[)）]", label)
    if half:  # Word's "1)" list format: the （1） level
        return Marker("arabic-paren", int(half.group(1)), "", label, 0, 0, "", -1, True)
    if len(label) == 1 and "\u3220" <= label <= "\u3229":  # Word's ㈠…㈩ (ideographEnclosedCircle): the （一） level
        return Marker("cn-paren", ord(label) - 0x321F, "", label, 0, 0, "", -1, True)
    m = find_marker(label + "　")
    if m is None:
        m = find_marker(label + "标")
    if m is None:
        return None
    return Marker(m.style, m.value, m.variant, label, 0, 0, m.bad_punct, -1, True)


def render_marker(marker: Marker, value: int) -> str:
    """``marker`` with its number replaced by ``value``, keeping its exact written form."""
    shown = marker.shown
    if marker.style in ("cn", "cn-paren", "part", "chapter", "section", "article"):
        return re.sub(f"{_CN}+", format_cn(value), shown, count=1)
    if marker.style == "circled":
        return format_circled(value)
    if marker.style == "arabic-paren" and marker.variant == "enclosed":
        return "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"[value - 1] if 1 <= value <= 20 else f"（{value}）"
    if marker.style.startswith("multi"):
        return re.sub(r"\d+$", str(value), shown)
    return re.sub(r"[0-9０-９]+", str(value), shown, count=1)


# ---------------------------------------------------------------------------
# In-paragraph ordinals (序次语)


@dataclass(frozen=True, slots=True)
class Ordinal:
    """One item of an in-paragraph series: ``一是`` → family "是", value 1."""

    family: str  # "是", "要", "第", "其", "首先"
    value: int  # 1-based; 最后 is 0 (the end of a series)
    start: int
    end: int
    text: str


#: An ordinal starts a paragraph or follows one of these (``统一是`` is not ``一是``).
#: Checked in Python after the match, so the regex starts with its first character
#: and the scanner can skip ahead (a leading look-behind made it 3× slower).
_BOUNDARY_CHARS = frozenset('，。；：！？,.;:!?、“”"（）() \t\u3000\n')
_RE_ORDINALS = re.compile(
    r"(?:"
    # 三要素 / 一要务 / 三是非 are words, not ordinals
    # 一是一、二是二 (an idiom: "one is one") is not a series either
    + r"(?P<shi>[一二三四五六七八九十]{1,3})(?P<shi_w>是(?![否非的])(?!(?P=shi))|要(?![素件求点务领害闻职案员地塞道紧的]))"
    + r"|第(?P<di>[一二三四五六七八九十]{1,3})(?=[，,、：:])"
    + r"|其(?P<qi>[一二三四五六七八九十])(?=[，,、：:])"
    + r"|(?P<seq>首先|其次|再次|最后)(?=[，,：:]|是|要)"
    + r")"
)
_SEQ_VALUE = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
#: Where an ordinal may start: every match of ``_RE_ORDINALS`` starts at one of these (its first
#: character, and a second one any of its alternatives allows).  A pattern that opens with a
#: character class is scanned in C from candidate to candidate; ``_RE_ORDINALS`` opens with a
#: group and is tried at every position (3× slower over a whole report).
_RE_ORDINAL_START = re.compile(r"[一二三四五六七八九十第其首再最](?=[一二三四五六七八九十是要先次后])")


def matches_from_starts(
    starts: re.Pattern[str], pattern: re.Pattern[str], text: str, start: int = 0
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start)``, tried only where ``starts`` finds that a match may begin.

    Every match of ``pattern`` must begin at a match of ``starts`` (a pattern opening with a
    character class, which the regex engine scans in C); same matches, same order.
    """
    cur = start
    for c in starts.finditer(text, start):
        at = c.start()
        if at < cur:
            continue  # inside the previous match (finditer does not overlap matches)
        m = pattern.match(text, at)
        if m is not None:
            cur = m.end()
            yield m


def _ordinal_matches(text: str, start: int) -> Iterator[re.Match[str]]:
    """``_RE_ORDINALS.finditer(text, start)``: the same matches, tried only where one may start."""
    return matches_from_starts(_RE_ORDINAL_START, _RE_ORDINALS, text, start)


def _cn_value(numeral: str) -> int | None:
    """``parse_cn`` of an ordinal's numeral (one to three of 一…十: at most 1,110 distinct), memoised."""
    try:
        return _CN_VALUES[numeral]
    except KeyError:
        value = _CN_VALUES[numeral] = parse_cn(numeral)
        return value


_CN_VALUES: dict[str, int | None] = {}


def find_ordinals(text: str, start: int = 0) -> list[Ordinal]:
    """All series items in ``text`` from ``start`` on, in order."""
    out: list[Ordinal] = []
    for m in _ordinal_matches(text, start):
        at = m.start()
        if at > 0 and text[at - 1] not in _BOUNDARY_CHARS:
            continue
        shi, shi_w, di, qi, seq = m.group("shi", "shi_w", "di", "qi", "seq")
        if shi:
            value = _cn_value(shi)
            family = shi_w
        elif di:
            value = _cn_value(di)
            family = "第"
        elif qi:
            value = _cn_value(qi)
            family = "其"
        else:
            value = _SEQ_VALUE[seq]
            family = "首先"
        if value is None:
            continue
        out.append(Ordinal(family, value, at, m.end(), m.group(0)))
    return out


def ordinal_text(family: str, value: int) -> str:
    """How item ``value`` of ``family`` is written: ("是", 3) → 三是."""
    if family in ("是", "要"):
        return f"{format_cn(value)}{family}"
    if family == "第":
        return f"第{format_cn(value)}"
    if family == "其":
        return f"其{format_cn(value)}"
    return {1: "首先", 2: "其次", 3: "再次", 0: "最后"}.get(value, "再次")


# ---------------------------------------------------------------------------
# Numbered list items inside a paragraph (①②③, ⑴⑵⑶, （1）（2）（3）, 1）2）3）)

#: The list-item families: ``①``, ``⑴``, ``（1）`` (half- or full-width brackets) and ``1）``.
LIST_FAMILIES = ("①", "⑴", "（1）", "1）")

#: A list item stands at a list position: the paragraph start, or right after one of these
#: (a clause or sentence end, a colon, a soft line break).  ``……的规定①。`` (a note mark after
#: text) and ``张三（1）`` (a citation) are not at a list position.
_LIST_POSITION = frozenset("：:；;。，,\n")
#: Candidates: a circled or enclosed number, or a closing bracket (digits before it are looked for by hand:
#: a pattern opening with an alternation would be tried at every position, 3× slower on a whole report).
_RE_LIST_CANDIDATE = re.compile(r"[\u2460-\u2487）)]")
_ITEM_TEXT = re.compile(rf"[ \u3000]?[{CJK_RANGE}“《]")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMBER_CHARS = _DIGITS | frozenset(".．")


def find_list_items(text: str, start: int = 0) -> list[Ordinal]:
    """Numbered list items (``①`` ``⑴`` ``（1）`` ``1）``) in ``text`` from ``start`` on, in order.

    An item stands at a list position (see ``_LIST_POSITION``; ``start`` counts as the paragraph
    start) and is followed by its text.  When a number of a family also appears anywhere else in
    the paragraph (a note mark ``规定①。``, a citation ``张三（1）``, a pair ``①②``, a formula
    number), that family is not a list in this paragraph: none of its items is returned.
    """
    search = _RE_LIST_CANDIDATE.search
    first = search(text, start)
    while first is not None:  # most paragraphs have brackets only after words: （注释）
        at = first.start()
        if text[at] not in "）)" or text[at - 1] in _DIGITS:
            break
        first = search(text, at + 1)
    if first is None:
        return []
    return _list_items_from(text, start, first.start())


def _list_items_from(text: str, start: int, first: int) -> list[Ordinal]:
    """:func:`find_list_items` from the first candidate on (at ``first``)."""
    items: list[Ordinal] = []
    noisy: set[str] = set()
    lead = start
    while lead < len(text) and text[lead] in " \t\u3000":
        lead += 1
    for m in _RE_LIST_CANDIDATE.finditer(text, first):
        at = m.start()
        ch = text[at]
        if ch in "）)":
            if text[at - 1] not in _DIGITS:
                continue  # most closing brackets: （注释）
            d = at
            while d > start and at - d < 2 and text[d - 1] in _DIGITS:
                d -= 1
            if d == at or (d > 0 and text[d - 1] in _NUMBER_CHARS):
                continue  # no number, or part of a longer one: 2024）/ 1.5）
            value = parse_arabic(text[d:at])
            if d > start and text[d - 1] in "（(":
                at, family = d - 1, "（1）"
            else:
                at, family = d, "1）"
            end = m.end()
        else:
            end = at + 1
            paren = parse_paren_digit(ch)
            family, value = ("⑴", paren) if paren else ("①", parse_circled(ch))
        if family in noisy:
            continue
        k = at
        while k > lead and text[k - 1] in " \t\u3000":
            k -= 1  # 要求： ①…； ②…
        listed = (k <= lead or text[k - 1] in _LIST_POSITION) and _ITEM_TEXT.match(text, end) is not None
        if not listed or not value:
            noisy.add(family)
            continue
        items.append(Ordinal(family, value, at, end, text[at:end]))
    if noisy:
        items = [o for o in items if o.family not in noisy]
    return items


def list_item_text(item: Ordinal, value: int) -> str:
    """``item`` as written, with its number replaced by ``value`` (``（3）`` → ``（4）``)."""
    if item.family == "①":
        return format_circled(value)
    if item.family == "⑴":
        return "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"[value - 1] if 1 <= value <= 20 else f"（{value}）"
    return re.sub(r"[0-9０-９]+", str(value), item.text, count=1)
