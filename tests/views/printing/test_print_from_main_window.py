"""Printing as the desk does it in the real main window against the sandbox: an upgraded desk
(its clinic stored twice by an earlier version), an order clicked, "Print hand-out…" saved as
PDF, "Labels…" sent to the (fake) Zebra chosen in Settings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services.printing.labels import order_label
from app.services.printing.raw_printer import PrinterError
from app.services.printing.settings import LabelPrinterKind, PrintSettings
from app.views.common.app_settings import AppSettings
from app.views.orders.order_table import COL_ORDER_ID
from app.views.printing.preview import HandoutPreviewDialog, LabelPrintDialog
from tests.helpers.main_window import WAIT_MS, MakeWindow, sign_in_to_sandbox
from tests.helpers.printing import FakeZebra, free_port

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _upgraded_desk(zebra: FakeZebra) -> AppSettings:
    settings = AppSettings()
    raw = QSettings(str(settings.path), QSettings.Format.IniFormat)
    raw.setValue("printing/settings", json.dumps({
        "clinic_name": "Maple Street Family Clinic", "clinic_phone": "",
        "info_url": "https://clinic.example/kits",
        "printer_kind": "network", "printer_address": f"127.0.0.1:{zebra.port}",
    }))
    raw.setValue("clinic/name", "")
    raw.setValue("clinic/phone", "(555) 010-0199")  # typed for the letters only
    raw.sync()
    return AppSettings()


def test_hand_out_and_labels_from_the_order_panel(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow, zebra: FakeZebra,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    window = make_window(settings=_upgraded_desk(zebra))
    sign_in_to_sandbox(qtbot, window)
    row = window.order_list.model.row_at(0)
    assert row is not None
    table = window.order_list.table
    rect = table.visualRect(window.order_list.model.index(0, COL_ORDER_ID))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel = window.kit_panel
    assert panel is not None
    qtbot.waitUntil(lambda: (o := panel.current_order()) is not None
                    and o.order_id == row.order_id, timeout=WAIT_MS)

    # Hand-out: the clinic's name (from printing) and phone (from letters) are both on it.
    button = panel.findChild(QPushButton, "print_handout")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(HandoutPreviewDialog)),
                    timeout=WAIT_MS)
    [handout] = [d for d in window.findChildren(HandoutPreviewDialog) if d.isVisible()]
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(target), "PDF files (*.pdf)"))
    qtbot.mouseClick(handout.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handout.status_text().startswith("Saved"), timeout=WAIT_MS)
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(0).text().split())
    assert "Maple Street Family Clinic" in text
    assert "(555) 010-0199" in text
    assert row.order_id in text
    handout.close()

    # Labels: straight to the Zebra chosen in Settings → Printing.
    button = panel.findChild(QPushButton, "print_labels")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(LabelPrintDialog)),
                    timeout=WAIT_MS)
    [labels] = [d for d in window.findChildren(LabelPrintDialog) if d.isVisible()]
    qtbot.mouseClick(labels.send_button, Qt.MouseButton.LeftButton)
    [job] = zebra.wait_for_jobs(1)
    assert f"^FD{row.order_id}^FS".encode() in job
    qtbot.waitUntil(lambda: labels.status_text() == "Sent to the label printer.", timeout=WAIT_MS)
    labels.close()


def test_quitting_with_labels_the_printer_did_not_take_asks_first(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
) -> None:
    settings = AppSettings()
    settings.print_settings = PrintSettings(printer_kind=LabelPrinterKind.NETWORK,
                                            printer_address=f"127.0.0.1:{free_port()}")
    window = make_window(settings=settings)
    sign_in_to_sandbox(qtbot, window)
    printing = window.child_windows.label_printing
    with pytest.raises(PrinterError):  # the printer is off: the job is held
        printing.send([order_label("ORD-7F3K2", "Testy Example", ["ADx100"], date(2026, 12, 5))])

    window.close()
    box = window.quit_guard.box
    assert box is not None
    assert box.isVisible()
    assert box.text() == "Some labels haven't printed yet"
    assert box.informativeText() == (
        "Labels the label printer has not taken: 1. They are not kept when the app closes: "
        "print them with Try again in the Labels window first."
    )
    _press(box, "Keep the app open", qtbot)
    qtbot.waitUntil(lambda: window.quit_guard.box is None)
    assert window.isVisible()

    printing.discard_held(printing.held()[0].job.job_id)
    window.close()  # nothing held any more: quits without asking
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)


def _press(box: QMessageBox, text: str, qtbot: QtBot) -> None:
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == text),
                     Qt.MouseButton.LeftButton)
