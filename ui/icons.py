"""Icons painted at run time (no image files needed): severity marks and the app icon.

Painting keeps them crisp at any device-pixel ratio and avoids shipping icon
files for three coloured dots.  The app icon comes from
``resources/icons/reportlint.png`` when that file exists.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from linting.model import Severity

#: Underline / icon colours by severity (the editor uses the same hues).
SEVERITY_COLORS: dict[Severity, str] = {
    Severity.ERROR: "#d32f2f",
    Severity.WARNING: "#ef8c00",
    Severity.INFO: "#1e88e5",
}


def _paint(severity: Severity, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(SEVERITY_COLORS[severity])
    m = size * 0.08
    r = QRectF(m, m, size - 2 * m, size - 2 * m)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    if severity == Severity.WARNING:
        path = QPainterPath()
        path.moveTo(QPointF(r.center().x(), r.top()))
        path.lineTo(QPointF(r.right(), r.bottom()))
        path.lineTo(QPointF(r.left(), r.bottom()))
        path.closeSubpath()
        p.drawPath(path)
    else:
        p.drawEllipse(r)
    pen = QPen(QColor("white"))
    pen.setWidthF(max(1.0, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    c = r.center()
    k = size * 0.18
    if severity == Severity.ERROR:
        p.drawLine(QPointF(c.x() - k, c.y() - k), QPointF(c.x() + k, c.y() + k))
        p.drawLine(QPointF(c.x() - k, c.y() + k), QPointF(c.x() + k, c.y() - k))
    elif severity == Severity.WARNING:
        p.drawLine(QPointF(c.x(), r.top() + size * 0.32), QPointF(c.x(), r.bottom() - size * 0.3))
        p.drawPoint(QPointF(c.x(), r.bottom() - size * 0.14))
    else:
        p.drawLine(QPointF(c.x(), c.y() - k * 0.2), QPointF(c.x(), c.y() + k * 1.3))
        p.drawPoint(QPointF(c.x(), c.y() - k * 1.2))
    p.end()
    return pm


@cache
def severity_icon(severity: Severity | str) -> QIcon:
    """A small coloured mark for ``severity`` (red ×, orange !, blue i)."""
    sev = Severity(severity)
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(_paint(sev, size))
    return icon


def resource_dir() -> Path:
    """``resources/`` next to the code, or inside a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"


@cache
def app_icon() -> QIcon:
    """The application icon: resources/icons/reportlint.png, else a painted 校 mark."""
    png = resource_dir() / "icons" / "reportlint.png"
    if png.is_file():
        icon = QIcon(str(png))
        if not icon.isNull():
            return icon
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#b71c1c"))
        p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
        p.setPen(QColor("white"))
        f = QFont()
        f.setPixelSize(int(size * 0.62))
        f.setBold(True)
        p.setFont(f)
        p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "校")
        p.end()
        icon.addPixmap(pm)
    return icon
