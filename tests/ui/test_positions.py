"""Code point ⇄ UTF-16 conversion (ui.positions), the one place offsets change units."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.positions import cp_to_utf16, utf16_len, utf16_to_cp


def test_bmp_offsets_are_equal() -> None:
    text = "关于开展工作的通知"
    for i in range(len(text) + 1):
        assert cp_to_utf16(text, i) == i
        assert utf16_to_cp(text, i) == i


def test_astral_characters_take_two_units() -> None:
    text = "𫖯同志与𠮷田"
    assert utf16_len(text) == len(text) + 2
    assert cp_to_utf16(text, 1) == 2  # after 𫖯
    assert cp_to_utf16(text, 4) == 5  # before 𠮷
    assert cp_to_utf16(text, 5) == 7
    assert utf16_to_cp(text, 2) == 1
    assert utf16_to_cp(text, 7) == 5
    assert utf16_to_cp(text, 1) == 0  # inside a surrogate pair → the character's start


def test_clamping() -> None:
    text = "𠮷a"
    assert cp_to_utf16(text, 99) == 3
    assert cp_to_utf16(text, -3) == 0
    assert utf16_to_cp(text, 99) == 2
    assert utf16_to_cp(text, -1) == 0


@given(st.text(alphabet=st.sampled_from("a中，𠮷𫖯\n\ufffc😀"), max_size=30))
def test_round_trip(text: str) -> None:
    for cp in range(len(text) + 1):
        u16 = cp_to_utf16(text, cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert utf16_to_cp(text, u16) == cp
