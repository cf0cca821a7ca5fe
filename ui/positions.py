"""The one place that converts text offsets between the engine and Qt.

The engine (``linting``) counts Python code points; Qt counts UTF-16 code
units.  They differ only after a character outside the Basic Multilingual
Plane (𠮷, 𫖯, emoji), which takes two UTF-16 units.  Every conversion in
``ui/`` goes through these functions.
"""

from __future__ import annotations

__all__ = ["cp_to_utf16", "utf16_to_cp", "utf16_len", "is_bmp"]


def is_bmp(text: str) -> bool:
    """True if every character of ``text`` takes one UTF-16 unit (offsets agree)."""
    return text.isascii() or max(text) <= "\uffff"


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    if is_bmp(text):
        return len(text)
    return len(text) + sum(1 for c in text if c > "\uffff")


def cp_to_utf16(text: str, cp: int) -> int:
    """Code-point offset ``cp`` into ``text`` → UTF-16 offset (clamped to the text)."""
    cp = max(0, min(cp, len(text)))
    if is_bmp(text):
        return cp
    return cp + sum(1 for c in text[:cp] if c > "\uffff")


def utf16_to_cp(text: str, u16: int) -> int:
    """UTF-16 offset ``u16`` into ``text`` → code-point offset.

    An offset that falls between the two halves of a surrogate pair maps to the
    character's start.  Offsets past the end clamp to ``len(text)``.
    """
    if u16 <= 0:
        return 0
    if is_bmp(text):
        return min(u16, len(text))
    units = 0
    for i, c in enumerate(text):
        units += 2 if c > "\uffff" else 1
        if units > u16:
            return i
        if units == u16:
            return i + 1
    return len(text)
