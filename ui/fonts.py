"""The 公文 type faces by role, with fallbacks to what the system has."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

__all__ = ["ROLES", "families_for", "font_for", "has_own_face"]

_FALLBACKS = (
    "Microsoft YaHei",
    "微软雅黑",
    "SimSun",
    "宋体",
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "Source Han Serif SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)

#: The preferred faces of each role, most wanted first (GB/T 9704 usage).
_FACES: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "小标宋", "华文中宋", "宋体", "SimSun", "Noto Serif CJK SC"),
    "h1": ("黑体", "SimHei", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC"),
    "h2": ("楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN"),
    "body": ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong"),
    "table": ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong"),
}

ROLES = tuple(_FACES)


@cache
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def has_own_face(role: str) -> bool:
    """True if one of the role's own faces (not just a generic fallback) is installed."""
    installed = _installed()
    return any(f in installed for f in _FACES.get(role, _FACES["body"]))


def families_for(role: str) -> list[str]:
    """The family list for ``role``: its own faces, then the common CJK fallbacks."""
    faces = _FACES.get(role, _FACES["body"])
    seen: list[str] = []
    for f in (*faces, *_FALLBACKS):
        if f not in seen:
            seen.append(f)
    return seen


def font_for(role: str, base_point_size: float) -> QFont:
    """The font for ``role`` ("title", "h1", "h2", "body", "table") at ``base_point_size``.

    When none of a heading role's own faces is installed (a Linux box with only
    WenQuanYi), the heading is made bold so that it still stands out.
    """
    font = QFont()
    font.setFamilies(families_for(role))
    size = base_point_size * (1.3 if role == "title" else 1.0)
    if role == "table":
        size = base_point_size * 0.9
    font.setPointSizeF(max(1.0, size))
    if role == "title" or (role in ("h1", "h2") and not has_own_face(role)):
        font.setBold(True)
    return font
