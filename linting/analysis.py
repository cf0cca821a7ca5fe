"""Per-paragraph facts: everything the rules need to know about one paragraph.

Facts depend only on the paragraph (and the immutable configuration), so the
engine caches them per paragraph; document-level rules recompute from the
cached facts, which is what makes re-linting after a keystroke cheap.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .chars import HAN_RANGE as CJK_RANGE
from .markers import (
    Marker,
    Ordinal,
    find_list_items,
    find_marker,
    find_ordinals,
    matches_from_starts,
    parse_auto_number,
)
from .model import Paragraph
from .numerals import parse_arabic, parse_cn
from .vocabulary import VOCABULARY, alternation

_SENTENCE_END = "。！？；!?;"
_RE_FIRST_SENTENCE = re.compile(r"[。！？；：!?;:]")
_RE_CJK = re.compile(f"[{CJK_RANGE}]")

#: Longest text that still counts as a standalone heading line.
STANDALONE_MAX = 60
#: A short line (a possible unnumbered heading, with no sentence punctuation) has at most this many characters.
SHORT_LINE_MAX = 40
#: The colon that introduces the items of a count claim (“做好三个方面：”) is at most this far after it.
COUNT_COLON_REACH = 12
#: How far before a count claim its context words (做好/落实…) are looked for.
COUNT_CONTEXT_BEFORE = 8

_RE_COUNT = re.compile(
    r"(?P<n>[一二三四五六七八九十两]|[1-9]\d?)"
    rf"(?P<unit>{alternation(VOCABULARY.count_units)})"
)
_RE_COUNT_CONTEXT = re.compile(r"(以下|如下|下列|主要|重点|着力|抓好|做好|做到|突出|围绕|坚持|实施|开展|包括|有|从)")


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or styled) heading at the start of a paragraph."""

    marker: Marker | None  # None for an unnumbered heading known from the file's style
    standalone: bool  # the whole paragraph is the heading
    title: str
    title_start: int
    title_end: int
    ends_with_period: bool  # standalone heading whose text ends in 。
    #: Headings that follow a soft line break or a run of tabs inside the same paragraph
    #: (``二、收获⇥⇥1、技术学习…``): markers with offsets in this paragraph's text.
    inner: tuple[Marker, ...] = ()


@dataclass(frozen=True, slots=True)
class CountClaim:
    """``抓好三个方面的工作：`` — a number of items announced before a colon."""

    count: int
    start: int
    end: int
    colon: int


@dataclass(frozen=True, slots=True)
class ParagraphFacts:
    """Cached facts about one paragraph."""

    heading: Heading | None
    ordinals: tuple[Ordinal, ...]
    count_claims: tuple[CountClaim, ...]
    length: int
    has_cjk: bool
    #: Short line with no sentence punctuation: may be an unnumbered heading or a title.
    short_line: bool
    #: An entry of a table of contents (TOC style, or ``标题⇥3`` / ``标题……3``).
    toc: bool = False
    #: (unclosed “, unopened ”) in this paragraph: a quotation may span paragraphs.
    quotes: tuple[int, int] = (0, 0)
    #: Numbered list items inside the paragraph (``①…；②…``, ``（1）…；（2）…``, ``1）…``): see
    #: :func:`linting.markers.find_list_items` and :func:`list_items`.
    list_items: tuple[Ordinal, ...] = ()


def analyze(p: Paragraph) -> ParagraphFacts:
    """Compute the facts of one paragraph."""
    text = p.text
    marker: Marker | None = None
    if (p.style and p.style.lower().startswith(("toc", "目录"))) or is_toc_line(text):
        # A table of contents repeats the headings: it is neither the outline nor prose.
        return ParagraphFacts(None, (), (), len(text.strip()), bool(_RE_CJK.search(text)), False, True)
    if p.auto_number:
        marker = parse_auto_number(p.auto_number)
    if marker is None and not p.in_table:
        marker = find_marker(text)
        if marker is not None and not _plausible_text_marker(text, marker):
            marker = None
    heading: Heading | None = None
    body_from = 0
    inner = _inner_markers(text) if not p.in_table and ("\n" in text or "\t" in text) else ()
    styled = p.outline_level is not None and 1 <= p.outline_level <= 9 and bool(text.strip())
    if styled and marker is None and _RE_LABEL_LINE.match(text):
        styled = False  # 关键词：… / 摘要 / 【标签】 given a heading style is not a section heading
    if marker is not None or styled:
        heading = _heading(text, marker)
        body_from = len(text) if heading.standalone else heading.title_end
    elif inner:
        # The paragraph's own start is not a heading, but one follows a soft break: the first inner
        # marker becomes the paragraph's heading.
        first = inner[0]
        heading = dataclasses.replace(_heading(text, first), inner=inner[1:])
        body_from = heading.title_end
        inner = ()
    if heading is not None and inner:
        heading = dataclasses.replace(heading, inner=inner)
    if heading is not None and body_from > heading.title_start and _opens_series(text, heading.title_start):
        body_from = heading.title_start  # 1.一是加快…；二是推进…: the heading's own words open the series
    stripped = text.strip()
    ordinals = tuple(find_ordinals(text, body_from)) if body_from < len(text) else ()
    claims = tuple(_count_claims(text)) if ordinals or "：" in text or ":" in text else ()
    short = (
        0 < len(stripped) <= SHORT_LINE_MAX and not any(c in stripped for c in "。！？；，,;!?：:") and marker is None
    )
    return ParagraphFacts(
        list_items=list_items(text, heading, body_from) if not p.in_table else (),
        quotes=quote_excess(text) if "“" in text or "”" in text else (0, 0),
        heading=heading,
        ordinals=ordinals,
        count_claims=claims,
        length=len(stripped),
        has_cjk=bool(_RE_CJK.search(text)),
        short_line=short,
    )


_LIST_FAMILY_OF_STYLE = {"circled": "①", "arabic-paren": "（1）"}


def _list_family(marker: Marker) -> str | None:
    """The list-item family a heading marker at a paragraph start belongs to (``①``/``⑴``/``（1）``)."""
    if marker.from_auto_number:
        return None
    if marker.style == "arabic-paren" and marker.variant == "enclosed":
        return "⑴"
    return _LIST_FAMILY_OF_STYLE.get(marker.style)


def list_items(text: str, heading: Heading | None, body_from: int) -> tuple[Ordinal, ...]:
    """The numbered list items of a paragraph from ``body_from`` on (see :func:`find_list_items`).

    A paragraph opened by a ``①``/``⑴``/``（1）`` heading whose list runs on in the paragraph
    (``①建立台账；②定期调度；④严格考核。``) has that marker as its list's first item.  Markers
    after a soft break are headings, owned by the outline pass: their family is left out here.
    """
    start = min(body_from, len(text))
    lead: str | None = None
    owned: set[str | None] = set()
    if heading is not None and heading.marker is not None:
        if text[: heading.marker.start].strip(" \t\u3000"):
            owned.add(_list_family(heading.marker))  # a heading after a soft break
        elif not heading.standalone:
            lead = _list_family(heading.marker)
            if lead is not None:
                start = heading.marker.start
    items = find_list_items(text, start)
    if not items:
        return ()
    if lead is not None and items[0].start == start:
        if not any(o.family == lead for o in items[1:]):
            items = items[1:]  # a heading with no list after it
    elif lead is not None:
        items = [o for o in items if o.family != lead or o.start >= body_from]
    if heading is not None and heading.inner:
        owned.update(_list_family(mk) for mk in heading.inner)
    if owned:
        items = [o for o in items if o.family not in owned]
    return tuple(items)


#: A typed table-of-contents line (title, leader, page number) has at most this many characters.
TOC_LINE_MAX = 90
_RE_TOC_LINE = re.compile(r"^\s*\S.{0,70}?(?:\t+[ \t]*|[.…·．・\s]{4,}|…{2,}\s*)[0-9]{1,3}\s*$")


def is_toc_line(text: str) -> bool:
    """A table-of-contents entry typed or pasted as text: a title, a tab or dot leader, a page number."""
    if len(text) > TOC_LINE_MAX or not text[-1:].isdigit():
        return False
    m = _RE_TOC_LINE.match(text)
    return m is not None and bool(_RE_CJK.search(text))


def toc_title(text: str) -> str:
    """The title of a table-of-contents entry: marker, leader and page number removed."""
    t = re.sub(r"(?:\t+[ \t]*|[.…·．・\s]{2,}|…+\s*)[0-9]{1,3}\s*$", "", text).strip()
    mk = find_marker(t)
    if mk is not None:
        t = t[mk.end :]
    return t.strip(" \t\u3000")


_RE_LABEL_LINE = re.compile(rf"^\s*(?:【[^】]{{1,12}}】|(?:{alternation(VOCABULARY.metadata_labels)})\s*[：:])")
_RE_SOFT_BREAK = re.compile(r"(?:\n|\t{2,}|(?<=[。；;])\t)[ \t\u3000]*(?=\S)")
_RE_FULL_DATE = re.compile(r"\d{1,2}月\d{1,2}[日号]")


def _inner_markers(text: str) -> tuple[Marker, ...]:
    """Heading markers right after a soft line break (Shift+Enter) or a run of tabs."""
    out = []
    for m in _RE_SOFT_BREAK.finditer(text):
        at = m.end()
        if at >= len(text) or not (text[at].isdigit() or text[at] in "（(第一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"):
            continue
        mk = find_marker(text[at:])
        if mk is None or not _plausible_text_marker(text[at:], mk):
            continue
        out.append(
            dataclasses.replace(
                mk,
                start=mk.start + at,
                end=mk.end + at,
                bad_punct_start=mk.bad_punct_start + at if mk.bad_punct_start >= 0 else -1,
            )
        )
    return tuple(out)


def _opens_series(text: str, at: int) -> bool:
    """Does a series' first item (``一是`` / ``第一`` / ``首先``) start at ``at``?  (A heading that
    starts with ``二是`` only repeats its own number and is left out of the series.)"""
    if at >= len(text) or text[at] not in "一第其首":
        return False
    first = find_ordinals(text[at : at + 8])
    return bool(first) and first[0].start == 0 and first[0].value == 1


def _plausible_text_marker(text: str, marker: Marker) -> bool:
    """Reject ``1.5万元…`` or ``2、3月份…``-style false markers and bare numbers."""
    rest = text[marker.end :].lstrip()
    if not rest:
        return False
    if marker.style == "arabic" and marker.variant == "、" and rest[:1].isdigit():
        return bool(_RE_FULL_DATE.match(rest))  # 1、7月29日前报送… is item 1; 2、3月份 is a range
    if marker.style == "cn" and rest[:1] in "是要来则" and text[marker.end - 1 : marker.end] != "、":
        return False  # 一，是… / 二.要…: a series word; 二、要坚持… is a heading
    if marker.style == "cn" and rest[:1] in "一二三四五六七八九十" and _numeral_pair(rest, marker.value):
        return False  # 一、二级医院 / 一、二年级学生 / 二、三产业: two numbers counting something, not a heading
    return True


# What follows the second numeral of 一、二年级 / 二、三、四季度 / 一、二等奖 (words in [vocabulary]).
_RE_NUMERAL_PAIR_TAIL = re.compile(rf"[、至到和及或与]|(?:{alternation(VOCABULARY.numeral_pair_units)})")


def _numeral_pair(rest: str, value: int) -> bool:
    """``一、`` then ``二年级…``: the next numeral, counting something. (``三、一季度经济运行`` is a
    heading: 一 does not follow 三.)"""
    return parse_cn(rest[0]) == value + 1 and bool(_RE_NUMERAL_PAIR_TAIL.match(rest, 1))


def _heading(text: str, marker: Marker | None) -> Heading:
    start = marker.end if marker and not marker.from_auto_number else 0
    if marker and marker.bad_punct_start >= 0 and marker.bad_punct_start >= start:
        start = marker.bad_punct_start + 1
    while start < len(text) and text[start] in " \t\u3000":
        start += 1
    rest = text[start:]
    m = _RE_FIRST_SENTENCE.search(rest)
    # Standalone: nothing after the first sentence end, and short enough to be a heading line.
    if m is None or m.end() >= len(rest.rstrip()):
        standalone = len(rest) <= STANDALONE_MAX or m is None
    else:
        standalone = False
    if standalone:
        title_end = start + len(rest.rstrip())
        title = text[start:title_end]
        # The title is kept as written (a stray 。 included): the outline shows what Word shows,
        # and heading-punctuation reports the 。.
        return Heading(marker, True, title, start, title_end, title.endswith("。"))
    assert m is not None
    title_end = start + m.end()
    return Heading(marker, False, text[start : start + m.start()], start, title_end, False)


#: Where a count may start: every match of ``_RE_COUNT`` starts at one of these (a number, then a
#: digit or a unit's first character).  Scanned in C from candidate to candidate; ``_RE_COUNT``
#: opens with a group and would be tried at every position.
_RE_COUNT_START = re.compile(r"[一二三四五六七八九十两1-9](?=[\d个方项大件点条])")


_RE_COLON_AHEAD = re.compile(rf"[^：:。；;，,]{{0,{COUNT_COLON_REACH - 1}}}[：:]")


def _count_matches(text: str) -> Iterator[re.Match[str]]:
    """``_RE_COUNT.finditer(text)``: the same matches, tried only where one may start."""
    return matches_from_starts(_RE_COUNT_START, _RE_COUNT, text)


def _count_claims(text: str) -> list[CountClaim]:
    out = []
    for m in _count_matches(text):
        if m.start() > 0 and (text[m.start() - 1] in "第一二三四五六七八九十百零〇" or text[m.start() - 1].isdigit()):
            continue  # 第十三条 / 第二十条: an article number, not a count
        # The colon within the next COUNT_COLON_REACH characters, with no sentence or clause end before it.
        ahead = _RE_COLON_AHEAD.match(text, m.end())
        if ahead is None:
            continue
        colon = ahead.end() - 1
        before = text[max(0, m.start() - COUNT_CONTEXT_BEFORE) : m.start()]
        if not _RE_COUNT_CONTEXT.search(before) and not _RE_COUNT_CONTEXT.search(text[m.end() : colon]):
            continue
        n = m.group("n")
        count = parse_cn(n) if not n.isdigit() else parse_arabic(n)
        if n == "两":
            count = 2
        if count and count >= 2:
            out.append(CountClaim(count, m.start(), m.end(), colon))
    return out


@lru_cache(maxsize=16384)
def quote_excess(text: str) -> tuple[int, int]:
    """(unclosed “, unopened ”) in one paragraph."""
    opens, closes = text.count("“"), text.count("”")
    if opens == closes and (not opens or text.find("“") < text.find("”")):
        return 0, 0
    depth = stray = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth:
                depth -= 1
            else:
                stray += 1
    return depth, stray


def quoted_paragraphs(paragraphs: list[str], excess: list[tuple[int, int]], reach: int = 12) -> set[int]:
    """Paragraphs inside a quotation that spans paragraphs (each may open with “, only the last closes).

    A paragraph with an unclosed “ followed, within ``reach`` paragraphs, by one with an unopened ”:
    the paragraphs after the opening one, up to the closing one, are quoted text.
    """
    out: set[int] = set()
    for k, (opens, _closes) in enumerate(excess):
        if not opens:
            continue
        plain = 0
        for j in range(k + 1, min(len(paragraphs), k + 1 + reach)):
            o, c = excess[j]
            if c:
                out.update(range(k + 1, j + 1))
                break
            t = paragraphs[j].lstrip(" \t\u3000")
            if not t:
                continue
            continues = t.startswith("“")
            if continues and not o and "”" in t:
                out.update(range(k + 1, j + 1))  # “… / “… / “…”: the last quoted paragraph closes it
                break
            if o and not continues:
                break  # a new quotation, not a continuation
            if not continues:
                plain += 1
                if plain > 2:
                    break  # too far for an unmarked continuation: an unclosed quote, not a span
    return out
