"""Character classes, defined once: what counts as a Chinese character, and Chinese punctuation.

Every pass uses the same definition: :data:`HAN_RANGE` inside a regex character class,
:func:`is_han` for one character.  (They were three slightly different classes once; the
differences — the Yijing hexagram symbols U+4DC0–U+4DFF, and planes 3–16 beyond Extension H,
private-use and tag characters included — are not Chinese characters, and unifying them changed
no finding in the test data or the corpus.)
"""

from __future__ import annotations

#: Chinese characters: Extension A, the basic block, the compatibility ideographs and
#: Extensions B–H (U+20000–U+3134F).  For use inside a regex character class ``[...]``.
HAN_RANGE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Full-width Chinese punctuation that counts as "Chinese context" next to a half-width mark.
CN_PUNCT = "，。；：？！、“”‘’（）《》【】…—"


def is_han(ch: str) -> bool:
    """Is the character ``ch`` in :data:`HAN_RANGE`?"""
    return (
        ("\u4e00" <= ch <= "\u9fff")
        or ("\u3400" <= ch <= "\u4dbf")
        or ("\uf900" <= ch <= "\ufaff")
        or ("\U00020000" <= ch <= "\U0003134f")
    )
