"""README screenshots: the hand-out preview in English and French, and Settings → Printing.

Rendered on every run (a layout that breaks shows up here); with ``SPOT_SCREENSHOTS_DIR`` set
they are also written there: ``SPOT_SCREENSHOTS_DIR=resources/screenshots
python -m pytest tests/views/printing/test_print_screenshots.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from app.services.printing.handout import Handout, HandoutKit, HandoutLanguage
from app.services.printing.settings import LabelPrinterKind, PrintSettings
from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.printing.preview import HandoutPreviewDialog
from app.views.printing.settings_page import PrintingSettingsDialog
from tests.helpers.screenshots import save

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CLINIC = PrintSettings(
    clinic_name="Maple Street Family Clinic",
    clinic_phone="(555) 010-0199",
    info_url="https://clinic.example/kits",
    printer_kind=LabelPrinterKind.NETWORK,
    printer_address="10.0.0.25:9100",
)
HANDOUT = Handout(
    "Testy Example",
    "ORD-7F3K2",
    (HandoutKit("adx100", "KIT-0012AB"), HandoutKit("saliva_3", "KIT-0013CD")),
)


def fake_logo() -> QImage:
    """A made-up clinic mark: a teal disc with a white cross."""
    image = QImage(240, 240, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#0b5563"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QPointF(120, 120), 116, 116)
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(100, 50, 40, 140))
    painter.drawRect(QRectF(50, 100, 140, 40))
    painter.end()
    return image


@pytest.mark.parametrize("language", list(HandoutLanguage))
def test_handout_preview_screenshot(
    qtbot: QtBot, tmp_path: Path, language: HandoutLanguage
) -> None:
    dialog = HandoutPreviewDialog(
        HANDOUT, CLINIC, InlineTaskRunner(), logo=fake_logo(), language=language
    )
    qtbot.addWidget(dialog)
    dialog.resize(1000, 1200)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.preview.fitInView()
    assert dialog.preview.pageCount() == 1
    image = save(qtbot, dialog, f"handout_{language.value}", tmp_path)
    assert image.width() == dialog.width()


def test_printing_settings_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    app_settings = AppSettings()
    app_settings.print_settings = CLINIC
    app_settings.clinic = (CLINIC.clinic_name, CLINIC.clinic_phone)
    dialog = PrintingSettingsDialog(app_settings, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.resize(720, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.page
    assert page.address_edit.text() == "10.0.0.25:9100"
    assert page.test_button.isEnabled()
    # Every control fits: nothing cut off at this size.
    assert page.minimumSizeHint().width() <= page.width()
    assert page.minimumSizeHint().height() <= page.height()
    save(qtbot, dialog, "printing_settings", tmp_path)
