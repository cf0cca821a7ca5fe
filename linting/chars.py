"""Character classes, defined once: what counts as a Chinese character, and Chinese punctuation.

The passes grew slightly different notions of "Chinese character"; they are kept as they are
(each is tuned and tested) but named and documented here side by side, so a new check picks
one on purpose.  The ``*_RANGE`` strings are for use inside a regex character class ``[...]``.
"""

from __future__ import annotations

#: The basic CJK Unified Ideographs block (U+4E00–U+9FFF): the common Chinese characters.
#: Used where a wider class would only add noise (``duplicate-word`` candidates).
HAN_BASIC_RANGE = "\u4e00-\u9fff"

#: Chinese characters: Extension A, the basic block, the compatibility ideographs and
#: Extensions B–H (U+20000–U+3134F).  The default for "is this Chinese text".
HAN_RANGE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Like :data:`HAN_RANGE` but one span from U+3400 to U+9FFF, so it also takes the Yijing
#: hexagram symbols (U+4DC0–U+4DFF).  Kept for the punctuation rule, which has always used it
#: (the difference is immaterial in prose; unifying it is a behaviour change left for later).
HAN_WIDE_RANGE = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Full-width Chinese punctuation that counts as "Chinese context" next to a half-width mark.
CN_PUNCT = "，。；：？！、“”‘’（）《》【】…—"


def is_han_wide(ch: str) -> bool:
    """Is ``ch`` in :data:`HAN_WIDE_RANGE`, or any character from U+20000 up?

    Unlike the range, the predicate has no upper bound above U+20000 (planes 3–16 count too);
    kept as is because the punctuation and placeholder rules have always used it.
    """
    return ("\u3400" <= ch <= "\u9fff") or ("\uf900" <= ch <= "\ufaff") or ch >= "\U00020000"
