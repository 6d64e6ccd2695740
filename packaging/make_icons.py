"""Render the app icon (resources/icons/spot-front-desk.svg) in every size each platform wants.

Linux: PNGs 16–512 (hicolor theme sizes); Windows: a multi-size .ico; macOS: an .icns.
Run after changing the SVG: `python packaging/make_icons.py`. Needs the `package` extra (Pillow).
"""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "spot-front-desk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"spot-front-desk-{size}.png"))
    largest = Image.open(ICONS / "spot-front-desk-512.png")
    largest.save(
        ICONS / "spot-front-desk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    largest.save(ICONS / "spot-front-desk.icns")
    del app


if __name__ == "__main__":
    main()
