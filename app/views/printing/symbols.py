"""Draw a Code 128 barcode or a QR code with QPainter from the module patterns the services
build (python-barcode, segno). Solid black rectangles, no anti-aliasing: scanners want edges."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from app.services.printing.codes import code128_modules, qr_matrix

__all__ = ["code128_width", "draw_code128", "draw_qr"]

QUIET_MODULES = 10  # Code 128 needs 10 modules of white on each side


def code128_width(value: str, module: float) -> float:
    """Width of the symbol with its quiet zones, at ``module`` device units a module."""
    return (len(code128_modules(value)) + 2 * QUIET_MODULES) * module


def draw_code128(painter: QPainter, rect: QRectF, value: str, max_module: float) -> float:
    """Draw ``value`` left-aligned in ``rect`` (quiet zones inside it); returns the module
    width used, never wider than ``max_module``, 0 when it cannot fit at one device unit."""
    modules = code128_modules(value)
    module = min(max_module, rect.width() / (len(modules) + 2 * QUIET_MODULES))
    if module < 1:
        return 0.0
    # Whole device units a module, from a whole unit: every bar the same width on the printer.
    module = float(int(module))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    x = round(rect.left()) + QUIET_MODULES * module
    run_start = -1
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and run_start < 0:
            run_start = index
        elif bit == "0" and run_start >= 0:
            painter.drawRect(
                QRectF(x + run_start * module, rect.top(), (index - run_start) * module,
                       rect.height())
            )
            run_start = -1
    painter.restore()
    return module


def draw_qr(painter: QPainter, rect: QRectF, data: str) -> None:
    """Draw a QR code for ``data`` filling the square inside ``rect``, quiet zone included
    (4 modules, as the standard asks)."""
    matrix = qr_matrix(data)
    count = len(matrix) + 8
    module = min(rect.width(), rect.height()) / count
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(rect.left(), rect.top(), module * count, module * count), "white")
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                # A hair wider than a module so neighbouring squares leave no seams.
                painter.drawRect(
                    QRectF(rect.left() + (x + 4) * module, rect.top() + (y + 4) * module,
                           module * 1.01, module * 1.01)
                )
    painter.restore()
