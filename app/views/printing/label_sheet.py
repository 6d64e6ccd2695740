"""Labels on an Avery sheet (5160 Letter, L7160 A4) for printers that are not label printers.

The same ``Label`` the Zebra gets as ZPL, painted into the sheet's cells with its Code 128.
``first_cell`` skips labels already used on a partly used sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from app.services.printing.labels import Label
from app.services.printing.sheets import MM_PER_INCH, SheetLayout
from app.views.printing.symbols import draw_code128

__all__ = ["label_sheet_pdf", "paint_label_sheets", "prepare_sheet_device"]

PDF_DPI = 300


def _page_size(layout: SheetLayout) -> QPageSize:
    return QPageSize(
        QPageSize.PageSizeId.Letter if layout.paper == "letter" else QPageSize.PageSizeId.A4
    )


def prepare_sheet_device(device: QPdfWriter | QPrinter, layout: SheetLayout) -> None:
    """Sheet paper with no margins: cell positions are measured from the paper's corner."""
    if isinstance(device, QPrinter):
        device.setFullPage(True)
    device.setPageLayout(
        QPageLayout(_page_size(layout), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )


def paint_label_sheets(
    painter: QPainter,
    device: QPagedPaintDevice,
    labels: Sequence[Label],
    layout: SheetLayout,
    first_cell: int = 0,
) -> int:
    """Paint ``labels`` cell by cell, starting a new page when a sheet is full; returns pages."""
    dpi = float(device.logicalDpiX())
    mm = dpi / MM_PER_INCH
    pages = 1
    cell_index = max(0, first_cell) % layout.per_sheet
    for number, label in enumerate(labels):
        if number and cell_index == 0:
            device.newPage()
            pages += 1
        x, y, w, h = layout.cell(cell_index)
        _paint_label(painter, QRectF(x * mm, y * mm, w * mm, h * mm), label, dpi)
        cell_index = (cell_index + 1) % layout.per_sheet
    return pages


def _paint_label(painter: QPainter, cell: QRectF, label: Label, dpi: float) -> None:
    # Sizes follow the cell's height: a 1 in label gets 7 pt text, a 38 mm one about 10 pt.
    points = cell.height() / dpi * 72.0 / 10.0
    pad = dpi * 0.06
    inner = cell.adjusted(pad * 1.5, pad, -pad * 1.5, -pad)
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(points)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    line_h = painter.fontMetrics().height()
    painter.drawText(
        QRectF(inner.left(), inner.top(), inner.width(), line_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        painter.fontMetrics().elidedText(
            f"{label.heading}  {label.barcode}", Qt.TextElideMode.ElideRight, int(inner.width())
        ),
    )
    y = inner.top() + line_h
    bar_h = inner.height() - line_h * (1 + len(label.lines)) - pad * 0.5
    bar_h = max(bar_h, inner.height() * 0.25)
    # Barcode flush with the text: its quiet zone sits in the cell's padding.
    quiet = dpi * 0.1
    draw_code128(painter, QRectF(inner.left() - quiet, y, inner.width() + quiet, bar_h),
                 label.barcode, dpi * 0.012)
    y += bar_h + pad * 0.5
    font.setBold(False)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    for text in label.lines:
        if y + line_h > inner.bottom() + 1:
            break
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), line_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        y += line_h
    painter.restore()


def label_sheet_pdf(labels: Sequence[Label], layout: SheetLayout, first_cell: int = 0) -> bytes:
    """The labels on sheets, as a PDF file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    prepare_sheet_device(writer, layout)
    writer.setTitle("Spot labels")
    writer.setCreator("Spot Front Desk")
    painter = QPainter(writer)
    try:
        paint_label_sheets(painter, writer, labels, layout, first_cell)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
