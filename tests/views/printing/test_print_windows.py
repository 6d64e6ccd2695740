"""The print windows as the desk uses them: hand-out preview, labels, Settings → Printing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.services.printing.handout import Handout, HandoutKit
from app.services.printing.jobs import LabelPrinting
from app.services.printing.labels import kit_label, labels_zpl, order_label
from app.services.printing.record import PrintRecord
from app.services.printing.settings import LabelPrinterKind, LabelSize, PrintSettings
from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.printing import preview
from app.views.printing.preview import HandoutPreviewDialog, LabelPrintDialog
from app.views.printing.settings_page import (
    PrintingSettingsDialog,
    PrintingSettingsPage,
    PrintingSettingsSection,
)
from app.views.settings.dialog import SettingsDialog
from tests.helpers.printing import FakeZebra, free_port
from tests.helpers.reports import FakePrintDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ON = date(2026, 12, 5)
CLINIC = PrintSettings(
    clinic_name="Maple Street Family Clinic",
    clinic_phone="(555) 010-0199",
    info_url="https://clinic.example/kits",
)
HANDOUT = Handout("Testy Example", "ORD-7F3K2", (HandoutKit("adx100", "KIT-0012AB"),))
LABELS = [
    order_label("ORD-7F3K2", "Testy Example", ["ADx100 blood card"], ON),
    kit_label("KIT-0012AB", "Testy Example", "1980-02-03", ON),
]


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return " ".join(
        " ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())
    )


@pytest.fixture
def print_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> type[FakePrintDialog]:
    FakePrintDialog.output = str(tmp_path / "printed.pdf")
    FakePrintDialog.shown = []
    monkeypatch.setattr(preview, "QPrintDialog", FakePrintDialog)
    return FakePrintDialog


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    suggested: list[str] = []

    def fake_dialog(_parent: object, _title: str, where: str, _filter: str) -> tuple[str, str]:
        suggested.append(where)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    return suggested


# --- the hand-out ---------------------------------------------------------------------------

def handout_dialog(
    qtbot: QtBot, records: list[PrintRecord], settings: PrintSettings = CLINIC
) -> HandoutPreviewDialog:
    dialog = HandoutPreviewDialog(HANDOUT, settings, InlineTaskRunner(), recorder=records.append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_handout_prints_in_the_language_chosen_and_is_recorded(
    qtbot: QtBot, print_dialog: type[FakePrintDialog]
) -> None:
    records: list[PrintRecord] = []
    dialog = handout_dialog(qtbot, records)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("Français"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    assert len(print_dialog.shown) == 1
    text = pdf_text(Path(print_dialog.output))
    assert "Votre trousse de test à domicile" in text
    assert "Numéro de trousse KIT-0012AB" in text
    assert dialog.status_text() == "Sent to the printer."
    assert records == [PrintRecord("handout", ("ORD-7F3K2", "KIT-0012AB"), "printer", "fr")]
    # The queue shows the document's name to anyone at the machine: no patient name.
    assert print_dialog.shown[0].printer.docName() == "Spot kit hand-out"


def test_handout_saved_as_a4_pdf_where_the_user_chose(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = handout_dialog(qtbot, records)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findText("A4"))
    suggested = save_to(monkeypatch, tmp_path / "handout")  # no suffix typed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = tmp_path / "handout.pdf"
    assert Path(suggested[0]).name == "kit-handout-ORD-7F3K2.pdf"
    assert dialog.status_text() == f"Saved {saved}"
    assert "Your at-home test kit" in pdf_text(saved)
    document = QPdfDocument()
    document.load(str(saved))
    assert round(document.pagePointSize(0).height()) == 842  # A4
    assert records == [PrintRecord("handout", ("ORD-7F3K2", "KIT-0012AB"), "pdf", "en")]


def test_handout_save_failure_is_a_message_not_a_crash(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = handout_dialog(qtbot, records)
    save_to(monkeypatch, tmp_path / "no-such-folder" / "handout.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status_text().startswith("Couldn't save the PDF: ")
    assert records == []


def test_handout_without_clinic_details_says_where_to_add_them(qtbot: QtBot) -> None:
    dialog = handout_dialog(qtbot, [], PrintSettings())
    [hint] = [label.text() for label in dialog.findChildren(preview.QLabel)
              if "Tip:" in label.text() and label.isVisible()]
    assert "name and phone in Settings → Clinic" in hint
    assert "logo and web page in Settings → Printing" in hint


# --- labels ---------------------------------------------------------------------------------

def network(port: int) -> PrintSettings:
    return PrintSettings(printer_kind=LabelPrinterKind.NETWORK, printer_address=f"127.0.0.1:{port}")


def label_dialog(
    qtbot: QtBot, settings: PrintSettings, records: list[PrintRecord] | None = None
) -> LabelPrintDialog:
    printing = LabelPrinting(lambda: settings, recorder=(records if records is not None else
                                                        []).append)
    dialog = LabelPrintDialog(LABELS, settings, printing, InlineTaskRunner(),
                              recorder=(records if records is not None else []).append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_labels_go_to_the_network_label_printer(qtbot: QtBot, zebra: FakeZebra) -> None:
    records: list[PrintRecord] = []
    dialog = label_dialog(qtbot, network(zebra.port), records)
    assert dialog.printer_label.text() == (
        f"Sends to the label printer at 127.0.0.1:{zebra.port} (2 × 1 in labels)."
    )
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert zebra.wait_for_jobs(1) == [labels_zpl(LABELS, LabelSize.SMALL)]
    assert dialog.status_text() == "Sent to the label printer."
    assert [(r.what, r.object_ids) for r in records] == [
        ("order_label", ("ORD-7F3K2",)), ("kit_label", ("KIT-0012AB",))
    ]


def test_only_the_ticked_labels_are_sent(qtbot: QtBot, zebra: FakeZebra) -> None:
    dialog = label_dialog(qtbot, network(zebra.port))
    order_item = dialog.label_list.item(0)
    assert order_item is not None
    order_item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert zebra.wait_for_jobs(1) == [labels_zpl(LABELS[1:], LabelSize.SMALL)]


def test_printer_off_keeps_the_labels_and_try_again_prints_them(qtbot: QtBot) -> None:
    port = free_port()
    dialog = label_dialog(qtbot, network(port))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.status_text() == (
        f"The label printer at 127.0.0.1:{port} refused the connection. Check that the printer "
        "is on, has labels, and is connected, then try again. 1 label job(s) are kept and "
        "will print when you press Try again."
    )
    assert dialog.retry_button.isVisible()

    printer = FakeZebra(port)  # switched on
    try:
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        assert printer.wait_for_jobs(1) == [labels_zpl(LABELS, LabelSize.SMALL)]
    finally:
        printer.close()
    assert dialog.status_text() == "Sent to the label printer."
    assert not dialog.retry_button.isVisible()


def test_without_a_label_printer_labels_go_on_a_sheet_pdf(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = label_dialog(qtbot, PrintSettings(), records)
    assert not dialog.send_button.isEnabled()
    assert "No label printer is set up" in dialog.printer_label.text()
    dialog.first_spin.setValue(4)  # three labels already used on this sheet
    save_to(monkeypatch, tmp_path / "labels.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "labels.pdf")
    assert "ORDER ORD-7F3K2" in text
    assert "KIT KIT-0012AB" in text
    assert "DOB 1980-02-03" in text
    assert {r.output for r in records} == {"label_sheet_pdf"}


# --- Settings → Printing ---------------------------------------------------------------------

def settings_page(qtbot: QtBot) -> PrintingSettingsPage:
    page = PrintingSettingsPage(
        PrintSettings(), InlineTaskRunner(), list_printers=lambda: ["Zebra_ZD421"]
    )
    qtbot.addWidget(page)
    page.show()
    return page


def test_test_print_reaches_the_network_printer(qtbot: QtBot, zebra: FakeZebra) -> None:
    page = settings_page(qtbot)
    assert not page.test_button.isEnabled()  # sheets: nothing to test
    qtbot.mouseClick(page.network_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.address_edit, f"127.0.0.1:{zebra.port}")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    [job] = zebra.wait_for_jobs(1)
    assert b"^FDSPOT-TEST-123^FS" in job
    assert page.test_status.text() == (
        f"Test label sent to the label printer at 127.0.0.1:{zebra.port}. "
        "Scan its barcode: it should read SPOT-TEST-123."
    )


def test_test_print_to_a_printer_that_is_off_says_so(qtbot: QtBot) -> None:
    page = settings_page(qtbot)
    qtbot.mouseClick(page.network_radio, Qt.MouseButton.LeftButton)
    port = free_port()
    qtbot.keyClicks(page.address_edit, f"127.0.0.1:{port}")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.test_status.text().startswith(
        f"The label printer at 127.0.0.1:{port} refused the connection. Check that"
    )
    assert page.test_button.isEnabled()


def test_installed_queue_is_offered_and_read_back(qtbot: QtBot) -> None:
    page = settings_page(qtbot)
    qtbot.mouseClick(page.queue_radio, Qt.MouseButton.LeftButton)
    assert page.queue_combo.itemText(0) == "Zebra_ZD421"
    page.size_combo.setCurrentIndex(page.size_combo.findData("4x6"))
    page.dpi_combo.setCurrentIndex(page.dpi_combo.findData(300))
    chosen = page.settings()
    assert (chosen.printer_kind, chosen.printer_queue, chosen.label_size, chosen.label_dpi) == (
        LabelPrinterKind.QUEUE, "Zebra_ZD421", LabelSize.LARGE, 300
    )


def test_settings_printing_section_opens_printing_which_refuses_a_bad_web_address(
    qtbot: QtBot,
) -> None:
    app_settings = AppSettings()
    settings_dialog = SettingsDialog(app_settings, sections=[
        lambda settings, parent: PrintingSettingsSection(settings, InlineTaskRunner(), parent)
    ])
    qtbot.addWidget(settings_dialog)
    settings_dialog.show()
    [section] = settings_dialog.sections
    assert isinstance(section, PrintingSettingsSection)
    assert section.summary.text() == "labels on sheets · no web page for the QR code yet"
    qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
    dialog = section.findChild(PrintingSettingsDialog)
    assert dialog is not None
    page = dialog.page
    assert page.clinic_label.text() == "No clinic name yet: add it in Settings → Clinic."
    qtbot.keyClicks(page.url_edit, "clinic.example/kits")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert page.url_message.text().startswith("Enter a web address that starts with https://")

    page.url_edit.clear()
    qtbot.keyClicks(page.url_edit, "https://clinic.example/kits")
    assert not page.url_message.isVisible()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = AppSettings().print_settings
    assert saved.info_url == "https://clinic.example/kits"
    assert section.summary.text() == "labels on sheets · QR code to https://clinic.example/kits"


def test_a_damaged_printing_setting_falls_back_instead_of_failing(qtbot: QtBot) -> None:
    app_settings = AppSettings()
    app_settings._qsettings.setValue(  # written by a newer version, or by hand
        "printing/settings", '{"printer_kind": "bluetooth", "label_dpi": 600, "clinic_name": 7}'
    )
    loaded = app_settings.print_settings
    # A number is no clinic name: it is not moved into Settings → Clinic.
    assert (loaded.printer_kind, loaded.label_dpi, loaded.clinic_name) == (
        LabelPrinterKind.SHEET, 203, ""
    )
