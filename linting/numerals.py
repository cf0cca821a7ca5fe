"""Chinese and enclosed numerals: parsing ``十二`` → 12 and formatting back."""

from __future__ import annotations

CN_DIGITS = "零一二三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate(CN_DIGITS)}
_DIGIT_VALUE.update({"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9})
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}

#: Characters that can appear in a Chinese numeral (for regex classes).
CN_NUMERAL_CHARS = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
FULLWIDTH_DIGITS = "０１２３４５６７８９"
_FW_TABLE = str.maketrans(FULLWIDTH_DIGITS, "0123456789")


def parse_cn(text: str) -> int | None:
    """Value of a Chinese numeral (``一`` … ``九十九``, ``一百零二``), or None."""
    if not text:
        return None
    total = 0
    current = 0
    seen_unit = False
    for ch in text:
        if ch in _DIGIT_VALUE:
            current = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            unit = _UNIT_VALUE[ch]
            total += (current or 1) * unit
            current = 0
            seen_unit = True
        else:
            return None
    total += current
    if not seen_unit and len(text) > 1:
        # 一二 is not a number; 二〇二四 style digits are not used for headings.
        return None
    return total


def format_cn(value: int) -> str:
    """``12`` → ``十二``; ``20`` → ``二十``; ``105`` → ``一百零五`` (value ≥ 1)."""
    if value <= 0:
        return CN_DIGITS[0]
    if value < 10:
        return CN_DIGITS[value]
    if value < 20:
        return "十" + (CN_DIGITS[value - 10] if value > 10 else "")
    if value < 100:
        tens, ones = divmod(value, 10)
        return CN_DIGITS[tens] + "十" + (CN_DIGITS[ones] if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        if rest == 0:
            return CN_DIGITS[hundreds] + "百"
        if rest < 10:
            return CN_DIGITS[hundreds] + "百零" + CN_DIGITS[rest]
        tail = format_cn(rest)
        if rest < 20:
            tail = "一" + tail
        return CN_DIGITS[hundreds] + "百" + tail
    return str(value)


def parse_arabic(text: str) -> int | None:
    """Value of ``12`` or full-width ``１２``."""
    text = text.translate(_FW_TABLE)
    return int(text) if text.isdigit() and text.isascii() else None


def format_circled(value: int) -> str:
    return CIRCLED[value - 1] if 1 <= value <= len(CIRCLED) else f"({value})"


def parse_circled(ch: str) -> int | None:
    i = CIRCLED.find(ch)
    return i + 1 if i >= 0 else None


def parse_paren_digit(ch: str) -> int | None:
    i = PAREN_DIGITS.find(ch)
    return i + 1 if i >= 0 else None
