"""Render Word list numbering ("一、", "（一）", "1.1") the way Word shows it.

The label is not in the paragraph text; it comes from ``numbering.xml``:

* a paragraph's ``w:numPr`` (or its style chain's) names a ``w:num`` and a
  level; ``numId`` 0 switches numbering off;
* ``w:num`` → ``w:abstractNum`` (following ``numStyleLink`` → numbering style
  → its ``numPr`` → the abstractNum carrying ``styleLink``), with
  ``lvlOverride`` (a whole replacement ``w:lvl`` and/or ``startOverride``);
* counters are kept per abstractNum, so two ``w:num`` sharing one abstractNum
  continue one sequence; a ``startOverride`` restarts its level the first time
  that ``w:num`` is used;
* using a level resets deeper levels, as ``lvlRestart`` allows
  (absent: after any shallower level; 0: never; n: when a level < n is used);
* ``lvlText`` placeholders ``%1``…``%9`` are formatted with each level's
  ``numFmt`` (``isLgl`` forces decimal).  Bullets return ``None``.

Format choices follow Microsoft's description of Word's formats (MS-DOCX 2.4 "numFmt
Extensions"): ``decimalEnclosedParen`` renders as ``⑴`` (for 1–20; larger numbers as
``(21)``); ``chineseCounting`` writes 1–99 as 一…九十九 and larger numbers digit by digit
(一〇〇), ``chineseCountingThousand`` as 一百零一, ``ideographDigital`` digit by digit (一〇),
``ideographEnclosedCircle`` as ㈠.  LibreOffice differs on several of these (it writes 一百 for
chineseCounting, ① for ideographEnclosedCircle, plain digits for ⑴/⒈, and ignores ``isLgl``
and ``lvlRestart`` 0); ``python -m tests.bench.numbering`` lists such disagreements.

Hostile input stays cheap: counter values are clamped to
±:data:`MAX_COUNTER` (Word's own limit is 32767), a label is rendered lazily
and cut at :data:`MAX_LABEL` characters (a 4 MB ``lvlText`` costs nothing),
and a value a format can't show (0 or negative) is written in digits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from linting.io.docx_text import W_NS, W_PPR, W_PSTYLE, W_VAL, w

W_ABSTRACTNUM = w("abstractNum")
W_ABSTRACTNUMID = w("abstractNumId")
W_NUM = w("num")
W_NUMID = w("numId")
W_NUMPR = w("numPr")
W_ILVL = w("ilvl")
W_LVL = w("lvl")
W_START = w("start")
W_NUMFMT = w("numFmt")
W_LVLTEXT = w("lvlText")
W_LVLRESTART = w("lvlRestart")
W_ISLGL = w("isLgl")
W_LVLOVERRIDE = w("lvlOverride")
W_STARTOVERRIDE = w("startOverride")
W_NUMSTYLELINK = w("numStyleLink")
W_STYLELINK = w("styleLink")

#: Counter values are clamped to this magnitude (Word itself accepts starts up to 32767).
MAX_COUNTER = 999_999
#: A rendered label is cut at this many characters (a real one is a handful).
MAX_LABEL = 64

_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _int(val: str | None, default: int | None = None) -> int | None:
    try:
        return int(val) if val is not None and len(val) <= 20 else default
    except ValueError:
        return default


def _counter(val: str | None, default: int) -> int:
    """A start/startOverride value, clamped to ±MAX_COUNTER (bad values give ``default``)."""
    n = _int(val, default)
    if n is None:
        return default
    return max(-MAX_COUNTER, min(MAX_COUNTER, n))


def _chinese_small(n: int, digits: str, units: tuple[str, str, str], zero: str, legal: bool) -> str:
    """1..9999 in Chinese with 十/百/千 units and 零 for inner gaps."""
    ten, hundred, thousand = units
    parts: list[str] = []
    values = [(1000, thousand), (100, hundred), (10, ten), (1, "")]
    need_zero = False
    started = False
    for value, unit in values:
        d = n // value % 10
        if d == 0:
            if started:
                need_zero = True
            continue
        if need_zero:
            parts.append(zero)
            need_zero = False
        if value == 10 and d == 1 and not started and not legal:
            parts.append(unit)  # 十一, not 一十一
        else:
            parts.append(digits[d] + unit)
        started = True
    return "".join(parts)


def chinese_counting_thousand(n: int, legal: bool = False) -> str:
    """一, 十一, 一百零一, 一千零一十, 一万… (壹拾壹… when ``legal``)."""
    if n <= 0:
        return str(n)
    digits = _LEGAL_DIGITS if legal else _DIGITS.replace("〇", "零")
    units = ("拾", "佰", "仟") if legal else ("十", "百", "千")
    wan = "万"
    zero = "零"
    if n < 10000:
        return _chinese_small(n, digits, units, zero, legal)
    if n < 100_000_000:
        high, low = divmod(n, 10000)
        text = _chinese_small(high, digits, units, zero, legal) + wan
        if low:
            text += (zero if low < 1000 else "") + _chinese_small(low, digits, units, zero, True)
        return text
    return str(n)


def chinese_counting(n: int) -> str:
    """一…九十九; from 100 on digit by digit (一〇一); 0 and negative numbers in digits."""
    if 0 < n < 100:
        return chinese_counting_thousand(n)
    if n <= 0:
        return str(n)
    return "".join(_DIGITS[int(d)] for d in str(n))


def _letters(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    ch = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return ch * min((n - 1) // 26 + 1, MAX_LABEL)


def _roman(n: int, upper: bool) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    text = "".join(out)
    return text if upper else text.lower()


def _enclosed_circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_number(n: int, fmt: str | None) -> str | None:
    """Format counter value ``n`` in ``numFmt`` ``fmt``; ``None`` for bullets."""
    fmt = fmt or "decimal"
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in str(n))
    if n < 0 and fmt not in ("hex",):
        return str(n)  # no format shows negative numbers; Word writes digits
    if fmt == "upperLetter":
        return _letters(n, True)
    if fmt == "lowerLetter":
        return _letters(n, False)
    if fmt == "upperRoman":
        return _roman(n, True)
    if fmt == "lowerRoman":
        return _roman(n, False)
    if fmt in ("chineseCounting", "taiwaneseCounting", "japaneseCounting"):
        return chinese_counting(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return chinese_counting_thousand(n)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting_thousand(n, legal=True)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed_circle(n)
    if fmt == "ideographEnclosedCircle":
        # Word writes ㈠㈡㈢ (MS-DOCX 2.4: U+3220, U+3221…; MS-OI29500 2.1.540: "Word encloses
        # [the ideographs] in parentheses"); past ㈩ the same in ASCII parentheses (unverified)
        return chr(0x3220 + n - 1) if 1 <= n <= 10 else f"({chinese_counting(n)})"
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "ordinal":
        return _ordinal(n)
    if fmt == "hex":
        return f"{n:X}" if n >= 0 else str(n)
    return str(n)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # None: default (restart after any shallower level)
    legal: bool = False
    pstyle: str | None = None


def _parse_level(lvl: etree._Element) -> Level:
    level = Level(start=0)  # §17.9.25: an omitted w:start means 0 (LibreOffice shows 0 too)
    for child in lvl:
        tag = child.tag
        val = child.get(W_VAL)
        if tag == W_START:
            level.start = _counter(val, 1)
        elif tag == W_NUMFMT:
            level.fmt = val or "decimal"
        elif tag == W_LVLTEXT:
            level.text = val
        elif tag == W_LVLRESTART:
            level.restart = _int(val)
        elif tag == W_ISLGL:
            level.legal = val not in ("0", "false", "off")
        elif tag == W_PSTYLE:
            level.pstyle = val
    return level


@dataclass(slots=True)
class _Abstract:
    levels: dict[int, Level] = field(default_factory=dict)
    num_style_link: str | None = None
    style_link: str | None = None


@dataclass(slots=True)
class _Num:
    abstract_id: str | None
    overrides: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)


class Numbering:
    """Numbering definitions plus the running counters of one document pass."""

    def __init__(self, root: etree._Element | None, style_numpr: dict[str, tuple[str | None, int | None]]) -> None:
        """``style_numpr`` maps a numbering *style id* to its (numId, ilvl) — for numStyleLink."""
        self.abstracts: dict[str, _Abstract] = {}
        self.nums: dict[str, _Num] = {}
        self._style_numpr = style_numpr
        if root is not None:
            self._parse(root)
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()

    def _parse(self, root: etree._Element) -> None:
        for el in root:
            tag = el.tag
            if tag == W_ABSTRACTNUM:
                ab = _Abstract()
                for child in el:
                    if child.tag == W_LVL:
                        ilvl = _int(child.get(W_ILVL), 0) or 0
                        ab.levels[ilvl] = _parse_level(child)
                    elif child.tag == W_NUMSTYLELINK:
                        ab.num_style_link = child.get(W_VAL)
                    elif child.tag == W_STYLELINK:
                        ab.style_link = child.get(W_VAL)
                self.abstracts[el.get(W_ABSTRACTNUMID) or ""] = ab
            elif tag == W_NUM:
                aid_el = el.find(W_ABSTRACTNUMID)
                num = _Num(aid_el.get(W_VAL) if aid_el is not None else None)
                for ov in el.iter(W_LVLOVERRIDE):
                    ilvl = _int(ov.get(W_ILVL), 0) or 0
                    so = ov.find(W_STARTOVERRIDE)
                    if so is not None:
                        num.start_overrides[ilvl] = _counter(so.get(W_VAL), 1)
                    lv = ov.find(W_LVL)
                    if lv is not None:
                        num.overrides[ilvl] = _parse_level(lv)
                self.nums[el.get(W_NUMID) or ""] = num

    def _abstract_id(self, num_id: str) -> str | None:
        """Resolve numId → abstractNum id holding the levels (following numStyleLink)."""
        seen: set[str] = set()
        num = self.nums.get(num_id)
        aid = num.abstract_id if num else None
        while aid is not None and aid not in seen:
            seen.add(aid)
            ab = self.abstracts.get(aid)
            if ab is None:
                return None
            if ab.num_style_link and not ab.levels:
                link_num, _ = self._style_numpr.get(ab.num_style_link, (None, None))
                target = self.nums.get(link_num or "")
                if target is None or target.abstract_id is None:
                    return aid
                aid = target.abstract_id
                continue
            if ab.num_style_link:
                # levels present but also a link: prefer the linked definition if resolvable
                link_num, _ = self._style_numpr.get(ab.num_style_link, (None, None))
                target = self.nums.get(link_num or "")
                if target is not None and target.abstract_id not in (None, aid):
                    aid = target.abstract_id
                    continue
            return aid
        return aid

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose ``w:pStyle`` names ``style_id`` (for style-linked lists)."""
        aid = self._abstract_id(num_id)
        ab = self.abstracts.get(aid or "")
        if ab is None or style_id is None:
            return None
        for ilvl, lv in ab.levels.items():
            if lv.pstyle == style_id:
                return ilvl
        return None

    def _level(self, num: _Num | None, ab: _Abstract, ilvl: int) -> Level | None:
        if num is not None and ilvl in num.overrides:
            return num.overrides[ilvl]
        return ab.levels.get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counters for one numbered paragraph and return its label."""
        if num_id in ("", "0"):
            return None
        num = self.nums.get(num_id)
        aid = self._abstract_id(num_id)
        ab = self.abstracts.get(aid or "")
        if num is None or ab is None:
            return None
        ilvl = max(0, min(8, ilvl))
        level = self._level(num, ab, ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(aid or "", [None] * 9)
        key = (num_id, ilvl)
        current = counters[ilvl]
        if ilvl in num.start_overrides and key not in self._started:
            counters[ilvl] = num.start_overrides[ilvl]
        elif current is None:
            counters[ilvl] = level.start
        else:
            counters[ilvl] = min(current + 1, max(current, MAX_COUNTER))  # never past the clamp
        self._started.add(key)
        # reset deeper levels
        for deeper in range(ilvl + 1, 9):
            lv = self._level(num, ab, deeper)
            restart = lv.restart if lv is not None and lv.restart is not None else deeper
            if ilvl < restart:
                counters[deeper] = None
        if level.fmt == "bullet":
            return None
        template = level.text
        if template is None:
            template = ""
        # Rendered lazily and cut at MAX_LABEL: a megabyte-long lvlText costs no more than a short one.
        out: list[str] = []
        size = 0
        i = 0
        n = len(template)
        while i < n and size < MAX_LABEL:
            ch = template[i]
            if ch == "%" and i + 1 < n and template[i + 1] in "123456789":
                k = int(template[i + 1]) - 1
                lv = self._level(num, ab, k) or Level()
                value = counters[k]
                if value is None and k < ilvl:
                    # a skipped shallower level shows its start and from then on counts as used
                    # (1. → 1.1.1 → 1.2, as LibreOffice shows it; Word is believed to do the same)
                    first = (num_id, k) not in self._started and k in num.start_overrides
                    value = num.start_overrides[k] if first else lv.start
                    counters[k] = value
                    self._started.add((num_id, k))
                elif value is None:
                    value = lv.start
                fmt = "decimal" if (level.legal and lv.fmt != "none") else lv.fmt
                if fmt == "bullet":
                    fmt = "decimal"
                piece = format_number(value, fmt) or ""
                out.append(piece)
                size += len(piece)
                i += 2
            else:
                out.append(ch)
                size += 1
                i += 1
        label = "".join(out)[:MAX_LABEL]
        return label or None


def read_numpr(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) from a ``w:pPr``'s ``w:numPr``; either may be None."""
    if ppr is None:
        return None, None
    numpr = ppr.find(W_NUMPR)
    if numpr is None:
        return None, None
    nid = numpr.find(W_NUMID)
    lvl = numpr.find(W_ILVL)
    return (nid.get(W_VAL) if nid is not None else None, _int(lvl.get(W_VAL)) if lvl is not None else None)


__all__ = ["Numbering", "format_number", "read_numpr", "chinese_counting", "chinese_counting_thousand", "W_NS",
           "W_PPR"]  # fmt: skip
