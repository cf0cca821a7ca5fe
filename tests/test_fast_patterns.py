"""Placeholder patterns rewritten for speed match exactly where their plain forms match.

defaults.toml writes a few patterns so that Python's regex scanner can jump between candidate
characters (a literal or plain characters first, the look-behind after them).  Here the plain
forms they replaced are kept as the reference, and both are run over made-up text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linting.chars import HAN_RANGE
from linting.config import default_config

CJK = HAN_RANGE
#: id → the plain form the pattern in defaults.toml replaced (same matches, slower scan).
PLAIN = {
    "cut-slash": rf"(?<=[{CJK}])/(?=[{CJK}])(?![人次年月日天周亩吨件户个元台米套份张辆头只株斤公千万或否女])",
    "cut-hyphen": rf"(?<=[{CJK}])-(?: +-)?(?=[{CJK}])",
    "lost-char": rf"(?<=[{CJK}0-9、，,（(“])\?(?=[{CJK}0-9，,。；;、“”])",
}
PLAIN_TRIGGER = {"brackets": r"[【\[［{｛]|此处|待补充|待定|待填|请填写|请补充|可选|选填"}
PLAIN_PREFILTER = r"[-_XxＸｘ×○□△＊*W【\[［{｛/?…某此待请&]|\.\.\.|。。。|可选|选填"

#: Few pieces, marks among them often, so every neighbourhood of a mark comes up.
PIECES = ["学", "作", "人", "或", "𠀀", "a", "0", "/", "-", "?", " ", "、", "，", ",", "（", "“", "”", "。", "；"]
PIECES += ["【", "[", "［", "{", "｛", "此处", "待补充", "可选", "...", "…", "。。。", "X", "×", "W", "&", "某", "请"]
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def _by_plain_form(plain: str) -> re.Pattern[str]:
    """The configured pattern whose matches the plain form describes (found by its first mark)."""
    mark = {"cut-slash": "/", "cut-hyphen": "-", "lost-char": "\\?"}[plain]
    found = [ph.regex for ph in default_config().placeholders if ph.regex.pattern.startswith(mark)]
    assert len(found) == 1, found
    return found[0]


def test_every_rewritten_pattern_is_in_the_configuration() -> None:
    for name in PLAIN:
        assert _by_plain_form(name) is not None
    config = default_config()
    assert config.placeholder_prefilter is not None
    assert any(ph.trigger is not None and "此处" in ph.trigger.pattern for ph in config.placeholders)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_rewritten_patterns_match_where_their_plain_forms_match(text: str) -> None:
    for name, plain in PLAIN.items():
        fast = _by_plain_form(name)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)], name
    config = default_config()
    assert config.placeholder_prefilter is not None
    assert bool(config.placeholder_prefilter.search(text)) == bool(re.search(PLAIN_PREFILTER, text))
    (brackets,) = [ph.trigger for ph in config.placeholders if ph.trigger is not None and "此处" in ph.trigger.pattern]
    assert bool(brackets.search(text)) == bool(re.search(PLAIN_TRIGGER["brackets"], text))


EDGES = [
    "a/学",
    "学/学",
    "学/人",
    "𠀀/学",
    "0/学",
    "0-学",
    "学-学",
    "学- -学",
    "学 -学",
    "a-学",
    "a?学",
    "学?学",
    "0?学",
    "、?学",
    "学?。",
    "学?a",
    "【此处】",
    "…",
    "...",
    "选填",
]


def test_rewritten_patterns_on_every_neighbourhood_of_a_mark() -> None:
    for text in EDGES:
        for pad in ("", "学", "a", " "):
            t = pad + text + pad
            for name, plain in PLAIN.items():
                fast = _by_plain_form(name)
                assert [m.span() for m in fast.finditer(t)] == [m.span() for m in re.finditer(plain, t)], (name, t)


PLAIN_LOOKALIKES = [
    "X光",
    "X射线",
    "X线",
    "X型",
    "Ｘ光",
    "[一二][一二三四五六七八九○〇零]{3}年",
    "<!--[^<>]{0,200}-->",
    r"\*\*[^*\n]{1,80}\*\*",
    r"!?\[[^\]\n]{0,40}\]\([^)\s]{1,2000}\)",
]
LOOKALIKE_PIECES = ["X", "光", "射线", "一", "二", "九", "○", "〇", "年", "<!--", "-->", "**", "!", "[", "]", "(", ")"]
LOOKALIKE_PIECES += ["图", "a.png", "http://x", " ", "\n", "学"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LOOKALIKE_PIECES), max_size=20).map("".join))
def test_lookalikes_match_where_their_plain_forms_match(text: str) -> None:
    union = default_config().lookalikes
    assert union is not None
    plain = re.compile("|".join(f"(?:{p})" for p in PLAIN_LOOKALIKES))
    assert [m.span() for m in union.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lookalikes_on_examples() -> None:
    union = default_config().lookalikes
    assert union is not None
    plain = re.compile("|".join(f"(?:{p})" for p in PLAIN_LOOKALIKES))
    for text in [
        "二○○九年",
        "一九九九年",
        "三○○九年",
        "![图](a.png)",
        "[链接](http://x)",
        "!![x](y)",
        "X光片",
        "**重点**",
    ]:
        for t in (text, "学" + text + "学", "!" + text):
            assert [m.span() for m in union.finditer(t)] == [m.span() for m in plain.finditer(t)], t
