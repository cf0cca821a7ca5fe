"""One definition of "Chinese character": the classes in linting/chars.py, and nobody else's."""

from __future__ import annotations

import re
from pathlib import Path

from linting import chars

ROOT = Path(__file__).resolve().parents[1]


def _matching(range_: str, upto: int = 0x32000) -> set[int]:
    rx = re.compile(f"[{range_}]")
    return {c for c in range(upto) if not 0xD800 <= c <= 0xDFFF and rx.match(chr(c))}


def test_the_range_and_the_predicate_agree() -> None:
    han = _matching(chars.HAN_RANGE)
    predicate = {c for c in range(0x32000) if not 0xD800 <= c <= 0xDFFF and chars.is_han(chr(c))}
    assert han == predicate
    assert ord("中") in han and ord("㐀") in han and ord("\U00020000") in han and ord("\U0003134f") in han


def test_what_is_not_a_chinese_character() -> None:
    for ch in ("a", "1", "，", "。", "\u4dc0", "\u4dff", "\U00031350", "\U000e0001", "\U000f0000", "\u3007", " "):
        assert not chars.is_han(ch), repr(ch)
        assert not re.match(f"[{chars.HAN_RANGE}]", ch), repr(ch)


def test_punctuation_next_to_a_hexagram_symbol_is_not_in_chinese_context() -> None:
    """The hexagram symbols (U+4DC0–U+4DFF) were once counted as Chinese by the punctuation rule."""
    from linting.engine import Linter
    from linting.model import Document, Paragraph

    def rules_hit(text: str) -> set[str]:
        doc = Document([Paragraph(text)])
        return {p.rule for p in Linter(rules=["halfwidth-punct"]).lint(doc.paragraphs).problems}

    assert "halfwidth-punct" in rules_hit("我们开展了调研,形成了报告。")
    assert rules_hit("\u4dc0,\u4dc1") == set()


def test_no_module_defines_its_own_han_range() -> None:
    """Ranges of Chinese characters are written only in chars.py (lexicon keeps jieba's own tokenizer class)."""
    own = re.compile(r"\\u4e00|\\u3400|\\U00020000", re.I)
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "linting").rglob("*.py")
        if p.name not in ("chars.py", "lexicon.py") and own.search(p.read_text("utf-8"))
    ]
    assert offenders == []
