"""Small helpers shared by the .txt and .docx savers for comparing old and new paragraph lists."""

from __future__ import annotations

from collections.abc import Sequence


def common_affixes(a: Sequence[object], b: Sequence[object]) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix of ``a`` and ``b``."""
    n, m = len(a), len(b)
    pre = 0
    while pre < n and pre < m and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < n - pre and suf < m - pre and a[n - 1 - suf] == b[m - 1 - suf]:
        suf += 1
    return pre, suf
