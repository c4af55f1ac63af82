"""Draw the app icon with QPainter and write it as PNG, ICO and ICNS files.

Run from anywhere: ``python resources/icons/make_icon.py``. The files land
beside this script and are committed, so neither the build nor the app runs
this script. ICO and ICNS are written here by hand because both formats may
store plain PNG images, which avoids an image library as a build dependency.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen,
)

ICON_DIR = Path(__file__).resolve().parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk type for each PNG size; each of these types stores a PNG payload.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def draw_icon(size: int) -> QImage:
    """Render the icon at ``size`` x ``size`` pixels.

    A dark rounded square contains a sine wave (the tutorial series) and an
    orange arc with an arrow head, the recurrent connection of an RNN.
    """
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)

    # Background: everything below is drawn on a 100 x 100 canvas.
    gradient = QLinearGradient(0, 0, 0, 100)
    gradient.setColorAt(0.0, QColor("#23395d"))
    gradient.setColorAt(1.0, QColor("#152238"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 20, 20)

    # Sine wave, thicker at small sizes so it stays visible at 16 px.
    wave = QPainterPath()
    for step in range(61):
        x = 14 + 72 * step / 60
        y = 62 - 18 * math.sin(2 * math.pi * step / 60 * 1.5)
        if step == 0:
            wave.moveTo(x, y)
        else:
            wave.lineTo(x, y)
    wave_width = 9.0 if size <= 24 else 6.5
    painter.setPen(QPen(QColor("#4fc3f7"), wave_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(wave)

    # Recurrent loop: an open arc over the wave ending in an arrow head.
    if size >= 24:
        loop_pen = QPen(QColor("#ffb74d"), 5.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(loop_pen)
        painter.drawArc(QRectF(34, 14, 32, 24), 200 * 16, -220 * 16)
        arrow = QPainterPath(QPointF(32.5, 21.0))
        arrow.lineTo(45.0, 30.0)
        arrow.lineTo(30.0, 33.5)
        arrow.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffb74d"))
        painter.drawPath(arrow)

    painter.end()
    return image


def encode_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"encoding a {image.width()} px icon as PNG failed")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into an ICO file (PNG entries are valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size in sizes:
        # Width and height 0 mean 256 in an ICO directory entry.
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(pngs[size]), offset)
        offset += len(pngs[size])
    return header + entries + b"".join(pngs[size] for size in sizes)


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into an ICNS file: a header, then one typed chunk per size."""
    chunks = b""
    for size, chunk_type in ICNS_TYPES.items():
        payload = pngs[size]
        chunks += chunk_type + struct.pack(">I", 8 + len(payload)) + payload
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: encode_png(draw_icon(size)) for size in PNG_SIZES}

    for size, data in pngs.items():
        (ICON_DIR / f"rnn-desktop-{size}.png").write_bytes(data)
    (ICON_DIR / "rnn-desktop.png").write_bytes(pngs[256])
    (ICON_DIR / "rnn-desktop.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (ICON_DIR / "rnn-desktop.icns").write_bytes(build_icns(pngs))

    print(f"wrote {len(pngs)} PNG sizes, rnn-desktop.ico and rnn-desktop.icns to {ICON_DIR}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
