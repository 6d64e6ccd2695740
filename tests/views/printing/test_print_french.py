"""Printing in a French UI is French: printer errors (the label window, the test print, the
Windows queue; their texts come from below the views and follow the UI language), and the
paper and label-sheet names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.printing.handout import Handout, HandoutKit
from app.services.printing.jobs import LabelPrinting
from app.services.printing.labels import kit_label
from app.services.printing.raw_printer import (
    PrinterError,
    SpoolerFailure,
    WindowsQueuePrinter,
    raw_printer_for,
)
from app.services.printing.settings import LabelPrinterKind, PrintSettings
from app.tasks import InlineTaskRunner
from app.views.i18n import install_translations, remove_translations
from app.views.printing.preview import HandoutPreviewDialog, LabelPrintDialog
from app.views.printing.settings_page import PrintingSettingsPage
from tests.helpers.printing import free_port

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LABELS = [kit_label("KIT-0012AB", "Testy Example", "1980-02-03", date(2026, 12, 5))]


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translations(qapp, QLocale("fr_CA"))
    assert translators, "the French catalogue did not load"
    yield translators
    remove_translations(qapp, translators)


def test_printer_off_is_reported_in_french(qtbot: QtBot, french: object) -> None:
    port = free_port()
    settings = PrintSettings(printer_kind=LabelPrinterKind.NETWORK,
                             printer_address=f"127.0.0.1:{port}")
    printing = LabelPrinting(lambda: settings)
    dialog = LabelPrintDialog(LABELS, settings, printing, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.printer_label.text().startswith(
        f"Envoie à l’imprimante d’étiquettes à l’adresse 127.0.0.1:{port}"
    )
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.status_text().startswith(
        f"L’imprimante d’étiquettes à l’adresse 127.0.0.1:{port} a refusé la connexion. "
        "Vérifiez que l’imprimante est allumée"
    )
    assert [held.message for held in printing.held()] == [
        f"L’imprimante d’étiquettes à l’adresse 127.0.0.1:{port} a refusé la connexion. "
        "Vérifiez que l’imprimante est allumée, qu’elle a des étiquettes et qu’elle est "
        "branchée, puis réessayez."
    ]


def test_test_print_problems_are_in_french(qtbot: QtBot, french: object) -> None:
    page = PrintingSettingsPage(PrintSettings(), InlineTaskRunner(), list_printers=list)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.network_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.address_edit, "10.0.0.25:99999")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.test_status.text() == (
        "Le port dans '10.0.0.25:99999' doit être un nombre de 1 à 65535 (habituellement 9100)."
    )
    page.address_edit.clear()
    qtbot.keyClicks(page.url_edit, "ftp://clinic.example")
    assert page.problems()[0].startswith("Entrez une adresse Web qui commence par https://")
    assert page.url_message.text() == page.problems()[0]


def test_windows_queue_errors_are_in_french(french: object) -> None:
    class MissingQueue:
        def write_raw(self, printer: str, data: bytes, job_name: str) -> None:
            raise SpoolerFailure("OpenPrinter", 1801, "Le nom de l’imprimante n’est pas valide.")

    with pytest.raises(PrinterError) as raised:
        WindowsQueuePrinter("Zebra accueil", spooler=MissingQueue()).send(b"^XA^XZ", "Spot kit")
    assert raised.value.title == (
        "Aucune imprimante nommée 'Zebra accueil' n’est installée sur cet ordinateur"
    )
    assert raised.value.advice == (
        "Choisissez de nouveau l’imprimante d’étiquettes dans Paramètres → Impression."
    )


def test_an_incomplete_setting_is_explained_in_french(french: object) -> None:
    with pytest.raises(PrinterError) as raised:
        raw_printer_for(PrintSettings(printer_kind=LabelPrinterKind.QUEUE))
    assert raised.value.sentence == (
        "Aucune imprimante d’étiquettes n’est choisie. "
        "Choisissez l’imprimante d’étiquettes dans Paramètres → Impression."
    )


def test_back_in_english_the_same_errors_are_english() -> None:
    with pytest.raises(PrinterError) as raised:
        raw_printer_for(PrintSettings(printer_kind=LabelPrinterKind.QUEUE))
    assert raised.value.title == "No label printer is chosen"


def test_paper_and_sheet_names_are_french(qtbot: QtBot, french: object) -> None:
    handout = HandoutPreviewDialog(
        Handout("Testy Example", "ORD-7F3K2", (HandoutKit("adx100", "KIT-0012AB"),)),
        PrintSettings(), InlineTaskRunner(),
    )
    qtbot.addWidget(handout)
    papers = [handout.paper_combo.itemText(i) for i in range(handout.paper_combo.count())]
    assert papers == ["Lettre (8,5 × 11 po)", "A4"]
    labels = LabelPrintDialog(LABELS, PrintSettings(), LabelPrinting(PrintSettings),
                              InlineTaskRunner())
    qtbot.addWidget(labels)
    sheets = [labels.sheet_combo.itemText(i) for i in range(labels.sheet_combo.count())]
    assert sheets == ["Avery 5160 (Lettre, 30 étiquettes)", "Avery L7160 (A4, 21 étiquettes)"]
