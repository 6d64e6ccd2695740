"""Paint the patient hand-out: one page, large type, through QPainter on any paged device
(QPdfWriter for Save as PDF, QPrinter for Print and the preview, a QImage for tests).

All sizes are in points (1/72 in) and converted with the device's resolution, so the page
looks the same on Letter and A4, on paper and in a PDF. When the content is too tall (many
kits), every size shrinks together, down to 80%, so it still fits on one page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.services.printing.handout import (
    Handout,
    HandoutLanguage,
    HandoutStep,
    HandoutText,
    handout_text,
)
from app.services.printing.settings import PrintSettings
from app.views.printing.symbols import draw_code128, draw_qr

__all__ = ["Paper", "handout_pdf", "paint_handout", "print_handout"]

INK = QColor("#111111")
ACCENT = QColor("#0b5563")  # dark teal: still dark on a black-and-white printer
SOFT = QColor("#eef3f4")
MIN_SCALE = 0.8
PDF_DPI = 300


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    @property
    def page_size(self) -> QPageSize:
        page_id = QPageSize.PageSizeId.Letter if self is Paper.LETTER else QPageSize.PageSizeId.A4
        return QPageSize(page_id)

    @property
    def label(self) -> str:
        if self is Paper.LETTER:
            return QCoreApplication.translate("PrintPreview", "Letter (8.5 × 11 in)")
        return QCoreApplication.translate("PrintPreview", "A4")


@dataclass
class _Layout:
    """One pass over the page: measures always, draws only when ``draw`` is set."""

    painter: QPainter
    left: float
    width: float
    dpi: float
    scale: float
    draw: bool

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0 * self.scale

    def font(self, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.painter.font())
        # Points on a device whose logical dpi is `dpi`: Qt converts for every paint device.
        font.setPointSizeF(points * self.scale)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        points: float,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Word-wrapped text in a column; returns its height."""
        self.painter.setFont(self.font(points, bold=bold, italic=italic))
        flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        box = QRectF(x, y, width, 10_000.0)
        height = self.painter.boundingRect(box, flags, text).height()
        if self.draw:
            self.painter.setPen(color)
            self.painter.drawText(box, flags, text)
        return height

    def bullet(self, x: float, y: float, width: float, text: str, points: float,
               *, bold: bool = False) -> float:
        """A bullet with a hanging indent, so wrapped lines start under the text."""
        indent = self.pt(points * 1.1)
        self.text(x, y, indent, "•", points, bold=bold)
        return self.text(x + indent, y, width - indent, text, points, bold=bold)


def paint_handout(
    painter: QPainter,
    page: QRectF,
    text: HandoutText,
    handout: Handout,
    settings: PrintSettings,
    logo: QImage | None = None,
) -> None:
    """Paint the hand-out inside ``page`` (device units of the painter's device)."""
    dpi = float(painter.device().logicalDpiY())
    scale = 1.0
    layout = _Layout(painter, page.left(), page.width(), dpi, scale, draw=False)
    needed = _paint(layout, page.top(), text, handout, settings, logo)
    if needed > page.height():
        scale = max(MIN_SCALE, page.height() / needed * 0.99)
    layout = _Layout(painter, page.left(), page.width(), dpi, scale, draw=True)
    _paint(layout, page.top(), text, handout, settings, logo)


def _paint(
    lay: _Layout,
    top: float,
    text: HandoutText,
    handout: Handout,
    settings: PrintSettings,
    logo: QImage | None,
) -> float:
    """Lay out (and maybe draw) the whole page from ``top``; returns the height used."""
    painter, x, width, pt = lay.painter, lay.left, lay.width, lay.pt
    y = top

    # Header: logo, clinic name and phone, then a rule.
    header_h = pt(54)
    text_x = x
    if logo is not None and not logo.isNull():
        logo_w = min(pt(140), header_h * logo.width() / max(1, logo.height()))
        logo_h = logo_w * logo.height() / max(1, logo.width())
        if lay.draw:
            painter.drawImage(QRectF(x, y + (header_h - logo_h) / 2, logo_w, logo_h), logo)
        text_x = x + logo_w + pt(14)
    clinic = settings.clinic_name.strip()
    used = 0.0
    if clinic:
        used = lay.text(text_x, y, x + width - text_x, clinic, 22, bold=True, color=ACCENT)
    if settings.clinic_phone.strip():
        used += lay.text(text_x, y + used, x + width - text_x, settings.clinic_phone, 16)
    y += max(header_h, used) + pt(8)
    if lay.draw:
        painter.setPen(QPen(ACCENT, pt(2)))
        painter.drawLine(int(x), int(y), int(x + width), int(y))
    y += pt(16)

    # Who and what.
    y += lay.text(x, y, width, text.title, 28, bold=True) + pt(4)
    y += lay.text(x, y, width, text.for_patient, 20) + pt(12)
    y += lay.text(x, y, width, text.kit_heading, 16, bold=True, color=ACCENT) + pt(2)
    for line in text.kit_lines:
        y += lay.bullet(x + pt(6), y, width - pt(6), line, 16) + pt(2)
    y += pt(12)

    y = _ids_box(lay, y, text, handout) + pt(16)

    # What happens next: four numbered steps, two a row.
    y += lay.text(x, y, width, text.next_heading, 18, bold=True, color=ACCENT) + pt(8)
    gap = pt(18)
    column = (width - gap) / 2
    for row_start in range(0, len(text.steps), 2):
        row_h = 0.0
        for offset, step in enumerate(text.steps[row_start : row_start + 2]):
            cx = x + offset * (column + gap)
            row_h = max(row_h, _step(lay, cx, y, column, row_start + offset + 1, step))
        y += row_h + pt(10)
    y += pt(6)

    # Tips beside the QR code.
    qr_col = pt(150) if settings.info_url.strip() else 0.0
    tips_w = width - qr_col - (pt(20) if qr_col else 0)
    tips_top = y
    y += lay.text(x, y, tips_w, text.tips_heading, 18, bold=True, color=ACCENT) + pt(6)
    for index, tip in enumerate(text.tips):
        # The first tip (write the date and time) is the one labs most often reject for.
        y += lay.bullet(x + pt(6), y, tips_w - pt(6), tip, 14, bold=index == 0) + pt(6)
    if qr_col:
        qr_x = x + width - qr_col
        side = pt(128)
        if lay.draw:
            draw_qr(painter, QRectF(qr_x + (qr_col - side) / 2, tips_top, side, side),
                    settings.info_url.strip())
        caption_h = lay.text(qr_x, tips_top + side + pt(2), qr_col, text.qr_caption, 12,
                             align=Qt.AlignmentFlag.AlignHCenter)
        y = max(y, tips_top + side + pt(2) + caption_h)
    y += pt(12)
    y += lay.text(x, y, width, text.call_line, 18, bold=True)
    return y - top


def _ids_box(lay: _Layout, top: float, text: HandoutText, handout: Handout) -> float:
    """The ids as text and Code 128 in a tinted box; returns the y under the box."""
    painter, pt = lay.painter, lay.pt
    pad = pt(12)
    x, width = lay.left + pad, lay.width - 2 * pad
    rows: list[tuple[str, str]] = []
    if handout.order_id:
        rows.append((text.order_label, handout.order_id))
    rows += [(text.kit_label, kit.kit_id) for kit in handout.kits if kit.kit_id]

    def body(draw: bool) -> float:
        inner = _Layout(painter, lay.left, lay.width, lay.dpi, lay.scale, draw)
        y = top + pad
        y += inner.text(x, y, width, text.ids_heading, 16, bold=True, color=ACCENT) + pt(6)
        text_w = width * 0.42
        for label, value in rows:
            row_h = inner.text(x, y, text_w, label, 13)
            row_h += inner.text(x, y + row_h, text_w, value, 18, bold=True)
            bar_h = pt(40)
            if draw:
                # 0.015 in modules at most: easy for any desk scanner.
                draw_code128(painter, QRectF(x + text_w, y, width - text_w, bar_h), value,
                             lay.dpi * 0.015)
            y += max(row_h, bar_h) + pt(8)
        y += inner.text(x, y, width, text.ids_note, 13, italic=True)
        return y + pad

    bottom = body(draw=False)
    if lay.draw:
        painter.setPen(QPen(QColor("#9fb5b9"), pt(1)))
        painter.setBrush(SOFT)
        painter.drawRoundedRect(QRectF(lay.left, top, lay.width, bottom - top), pt(8), pt(8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        body(draw=True)
    return bottom


def _step(lay: _Layout, x: float, y: float, width: float, number: int, step: HandoutStep) -> float:
    painter, pt = lay.painter, lay.pt
    disc = pt(26)
    if lay.draw:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT)
        painter.drawEllipse(QRectF(x, y, disc, disc))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(lay.font(15, bold=True))
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(x, y, disc, disc), int(Qt.AlignmentFlag.AlignCenter), str(number))
    text_x = x + disc + pt(10)
    height = lay.text(text_x, y + pt(2), width - disc - pt(10), step.title, 15, bold=True)
    height += lay.text(text_x, y + pt(4) + height, width - disc - pt(10), step.body, 14)
    return max(disc, height + pt(4))


def _page_rect(device: QPagedPaintDevice) -> QRectF:
    return QRectF(0, 0, device.width(), device.height())


def handout_pdf(
    handout: Handout,
    settings: PrintSettings,
    language: HandoutLanguage,
    paper: Paper,
    *,
    catalog: Mapping[str, str] | None = None,
    logo: QImage | None = None,
) -> bytes:
    """The hand-out as a one-page PDF file's bytes (written to disk by the caller)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(paper.page_size, QPageLayout.Orientation.Portrait,
                    QMarginsF(0.55, 0.5, 0.55, 0.5), QPageLayout.Unit.Inch)
    )
    # Metadata is visible in any PDF viewer: no patient name in it.
    writer.setTitle("Spot kit hand-out")
    writer.setCreator("Spot Front Desk")
    painter = QPainter(writer)
    try:
        paint_handout(painter, _page_rect(writer),
                      handout_text(handout, settings, language, catalog), handout, settings, logo)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def print_handout(
    device: QPagedPaintDevice,
    handout: Handout,
    settings: PrintSettings,
    language: HandoutLanguage,
    *,
    catalog: Mapping[str, str] | None = None,
    logo: QImage | None = None,
) -> None:
    """Paint the hand-out on a printer (or the preview's printer), on its current paper."""
    painter = QPainter(device)
    try:
        paint_handout(painter, _page_rect(device),
                      handout_text(handout, settings, language, catalog), handout, settings, logo)
    finally:
        painter.end()
