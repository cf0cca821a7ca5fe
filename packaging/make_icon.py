"""Draw ReportLint's app icon with QPainter and write ``resources/icons/reportlint.png`` and ``.ico``.

    python packaging/make_icon.py

The picture: a white sheet with a red 公文 header bar and red rule (the 红头 of an
official document), grey text lines, and a green round check mark.  Small sizes
(≤ 24 px) drop the text lines so the icon stays legible in a title bar.

The .ico holds every size as PNG (PNG-in-ICO, supported since Windows Vista),
written by hand so the output does not depend on Qt's ICO plugin.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

RED = QColor("#c62828")
GREEN = QColor("#2e7d32")
SHEET = QColor("#ffffff")
EDGE = QColor("#9e9e9e")
TEXT = QColor("#b0b7bf")


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels, transparent background."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100.0, size / 100.0)  # draw on a 100 × 100 grid
    small = size <= 24

    # The sheet.
    sheet = QRectF(14, 5, 64, 86) if not small else QRectF(12, 4, 70, 90)
    pen = QPen(EDGE)
    pen.setWidthF(max(1.5, 100.0 / size))  # at least one device pixel
    p.setPen(pen)
    p.setBrush(SHEET)
    p.drawRoundedRect(sheet, 5, 5)

    # The red header (红头) and the red rule under it.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    if small:
        p.drawRect(QRectF(sheet.left() + 9, 13, sheet.width() - 18, 14))
    else:
        p.drawRoundedRect(QRectF(sheet.left() + 10, 13, sheet.width() - 20, 10), 1.5, 1.5)
        p.drawRect(QRectF(sheet.left() + 7, 28, sheet.width() - 14, 2.2))
        # Text lines: the first indented, like a paragraph's first line.
        p.setBrush(TEXT)
        for i, y in enumerate((37, 45, 53, 61, 69)):
            left = sheet.left() + (15 if i in (0, 3) else 9)
            right = sheet.right() - (9 if i not in (2, 4) else 26)
            p.drawRoundedRect(QRectF(left, y, right - left, 3.6), 1.8, 1.8)

    # The check mark in a green disc, bottom right, overlapping the sheet's edge.
    disc = QRectF(52, 52, 44, 44) if not small else QRectF(46, 46, 52, 52)
    p.setPen(QPen(QColor("white"), 3.5 if not small else 5))
    p.setBrush(GREEN)
    p.drawEllipse(disc)
    check = QPainterPath()
    c = disc.center()
    r = disc.width() / 2
    check.moveTo(QPointF(c.x() - r * 0.48, c.y() + r * 0.02))
    check.lineTo(QPointF(c.x() - r * 0.12, c.y() + r * 0.38))
    check.lineTo(QPointF(c.x() + r * 0.50, c.y() - r * 0.34))
    tick = QPen(QColor("white"), r * (0.24 if not small else 0.30))
    tick.setCapStyle(Qt.PenCapStyle.RoundCap)
    tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(tick)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(check)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    """``img`` encoded as PNG."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG as one image (ICONDIR + ICONDIRENTRY + PNG data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    blobs = b""
    for s in sizes:
        blob = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    """Write the PNG (256 px) and the multi-size ICO; print what was written."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    pngs = {s: png_bytes(draw(s)) for s in ICO_SIZES}
    (ICON_DIR / "reportlint.png").write_bytes(pngs[256])
    (ICON_DIR / "reportlint.ico").write_bytes(ico_bytes(pngs))
    for name in ("reportlint.png", "reportlint.ico"):
        print(f"{(ICON_DIR / name).relative_to(ROOT)}: {(ICON_DIR / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
