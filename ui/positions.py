"""The one place that converts text offsets between the engine and Qt.

The engine (``linting``) counts Python code points; Qt counts UTF-16 code
units.  They differ only after a character outside the Basic Multilingual
Plane (𠮷, 𫖯, emoji), which takes two UTF-16 units.  Every conversion in
``ui/`` goes through this module.

Cost: checking that a text is BMP-only is one C-level UTF-16 encode (no
Python loop); for many offsets into one text use :func:`cp_to_utf16_many` or
:class:`OffsetMap`, which look at the text once instead of once per offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

__all__ = ["OffsetMap", "cp_to_utf16", "cp_to_utf16_many", "is_bmp", "utf16_len", "utf16_to_cp"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) >> 1


def is_bmp(text: str) -> bool:
    """True if every character of ``text`` takes one UTF-16 unit (offsets agree)."""
    return utf16_len(text) == len(text)


def cp_to_utf16(text: str, cp: int) -> int:
    """Code-point offset ``cp`` into ``text`` → UTF-16 offset (clamped to the text)."""
    cp = max(0, min(cp, len(text)))
    return utf16_len(text[:cp])


def utf16_to_cp(text: str, u16: int) -> int:
    """UTF-16 offset ``u16`` into ``text`` → code-point offset.

    An offset that falls between the two halves of a surrogate pair maps to the
    character's start.  Offsets past the end clamp to ``len(text)``.
    """
    if u16 <= 0:
        return 0
    if text.isascii():
        return min(u16, len(text))
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text) or 2 * u16 >= len(data):
        return min(u16, len(text))
    head = data[: 2 * u16].decode("utf-16-le", "surrogatepass")
    n = len(head)
    if head[-1] != text[n - 1]:  # cut between the halves of a pair: the character's start
        n -= 1
    return n


class OffsetMap:
    """Both conversions for one text, after looking at the text once.

    A BMP-only text (the usual case) maps every offset to itself; otherwise the
    positions of the astral characters are kept and each conversion is a binary
    search.
    """

    __slots__ = ("_astral", "_u16_astral", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        if text.isascii() or is_bmp(text):
            self._astral: list[int] = []
        else:
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset at which each astral character starts.
        self._u16_astral = [cp + k for k, cp in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    @property
    def identity(self) -> bool:
        """True if code-point and UTF-16 offsets agree everywhere in this text."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """Code-point offset → UTF-16 offset (clamped to the text)."""
        cp = max(0, min(cp, self.length))
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, u16: int) -> int:
        """UTF-16 offset → code-point offset (inside a surrogate pair: the character's start; clamped)."""
        u16 = max(0, min(u16, self.utf16_length))
        if not self._astral:
            return u16
        # Each astral character starting before u16 took one unit more; inside a pair this
        # lands on the character's start.
        return u16 - bisect_left(self._u16_astral, u16)


def cp_to_utf16_many(text: str, offsets: Iterable[int]) -> list[int]:
    """Convert many code-point offsets into one ``text`` (one look at the text, not one per offset)."""
    m = OffsetMap(text)
    if m.identity:
        n = m.length
        return [max(0, min(cp, n)) for cp in offsets]
    return [m.to_utf16(cp) for cp in offsets]
