"""One definition of "Chinese character": the classes in linting/chars.py, and nobody else's."""

from __future__ import annotations

import re
from pathlib import Path

from linting import chars

ROOT = Path(__file__).resolve().parents[1]


def _matching(range_: str, upto: int = 0x32000) -> set[int]:
    rx = re.compile(f"[{range_}]")
    return {c for c in range(upto) if not 0xD800 <= c <= 0xDFFF and rx.match(chr(c))}


def test_the_classes_nest_and_differ_only_where_documented() -> None:
    basic, han, wide = (_matching(r) for r in (chars.HAN_BASIC_RANGE, chars.HAN_RANGE, chars.HAN_WIDE_RANGE))
    assert basic < han < wide
    assert wide - han == set(range(0x4DC0, 0x4E00))  # the Yijing hexagram symbols
    assert ord("中") in basic and ord("㐀") in han and ord("\U00020000") in han


def test_the_predicate_matches_the_wide_range_and_has_no_upper_bound() -> None:
    wide = _matching(chars.HAN_WIDE_RANGE)
    predicate = {c for c in range(0x32000) if not 0xD800 <= c <= 0xDFFF and chars.is_han_wide(chr(c))}
    assert predicate - wide == set(range(0x31350, 0x32000))  # above Extension H: the range stops, not the predicate
    assert wide <= predicate
    assert chars.is_han_wide("\U000e0001") and not chars.is_han_wide("a") and not chars.is_han_wide("，")


def test_no_module_defines_its_own_han_range() -> None:
    """Ranges of Chinese characters are written only in chars.py (lexicon keeps jieba's own tokenizer class)."""
    own = re.compile(r"\\u4e00|\\u3400|\\U00020000", re.I)
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "linting").rglob("*.py")
        if p.name not in ("chars.py", "lexicon.py") and own.search(p.read_text("utf-8"))
    ]
    assert offenders == []
