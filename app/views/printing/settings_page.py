"""Settings → Printing: what the hand-out says about the clinic, and where labels go.

``settings()`` reads the form as ``PrintSettings``; ``problems()`` lists what must be fixed
before saving. "Test print" sends a test label (no patient data) to the printer as the form
stands, off the GUI thread, and says plainly what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import QT_TRANSLATE_NOOP, describe_error
from app.services.printing.labels import labels_zpl, printer_test_label
from app.services.printing.raw_printer import PrinterError, RawPrinter, raw_printer_for
from app.services.printing.record import PrintRecord, PrintRecorder, ignore_print
from app.services.printing.settings import (
    LabelPrinterKind,
    LabelSize,
    PrintSettings,
    SheetLayoutName,
    check_info_url,
    parse_printer_address,
)
from app.services.printing.sheets import SHEETS
from app.tasks import OwnedTasks, Runner
from app.views.common.app_settings import AppSettings
from app.views.common.documents import in_documents
from app.views.common.message_strip import show_status

__all__ = [
    "PrintingSettingsDialog",
    "PrintingSettingsPage",
    "PrintingSettingsSection",
    "installed_printers",
]


def installed_printers() -> list[str]:
    """The printer queues installed on this computer (CUPS or Windows)."""
    return sorted(QPrinterInfo.availablePrinterNames(), key=str.casefold)


def send_test_label(
    settings: PrintSettings, printer_for: Callable[[PrintSettings], RawPrinter | None]
) -> str:
    """Worker thread: print the test label; returns where it went."""
    printer = printer_for(settings)
    if printer is None:
        raise PrinterError(QT_TRANSLATE_NOOP("Errors", "No label printer is chosen"),
                           QT_TRANSLATE_NOOP("Errors", "Choose a label printer first."))
    printer.send(
        labels_zpl([printer_test_label(date.today())], settings.label_size, settings.label_dpi),
        "Spot test label",
    )
    return printer.description


class PrintingSettingsPage(QWidget):
    def __init__(
        self,
        settings: PrintSettings,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        list_printers: Callable[[], list[str]] = installed_printers,
        printer_for: Callable[[PrintSettings], RawPrinter | None] = raw_printer_for,
        recorder: PrintRecorder = ignore_print,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printingSettings")
        # Answers for a closed window are dropped (OwnedTasks), never delivered to it.
        self._tasks = OwnedTasks(runner, self)
        self._printer_for = printer_for
        self._recorder = recorder
        self._testing = False

        # --- the clinic on the hand-out ------------------------------------------------
        # Its name and phone are Settings → Clinic's (one place for hand-outs and letters).
        self._clinic = (settings.clinic_name, settings.clinic_phone)
        clinic = QGroupBox(self.tr("On the patient hand-out"), self)
        form = QFormLayout(clinic)
        self.clinic_label = QLabel(self._clinic_text(), clinic)
        self.clinic_label.setObjectName("clinicDetails")
        self.clinic_label.setWordWrap(True)
        self.logo_edit = QLineEdit(settings.logo_path, clinic)
        self.logo_edit.setObjectName("clinicLogo")
        self.logo_edit.setPlaceholderText(self.tr("PNG or JPEG file (optional)"))
        self.logo_button = QPushButton(self.tr("C&hoose…"), clinic)
        self.logo_button.setAutoDefault(False)
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.logo_button)
        self.url_edit = QLineEdit(settings.info_url, clinic)
        self.url_edit.setObjectName("infoUrl")
        self.url_edit.setPlaceholderText("https://…")
        self.url_edit.setToolTip(
            self.tr("The QR code on the hand-out opens this page. It never holds patient data.")
        )
        self.url_message = QLabel(clinic)
        self.url_message.setObjectName("infoUrlMessage")
        self.url_message.setWordWrap(True)
        show_status(self.url_message, "error", "")
        self.url_edit.textEdited.connect(self._on_url_edit_text_edited)
        form.addRow(self.tr("Clinic:"), self.clinic_label)
        form.addRow(self.tr("&Logo:"), logo_row)
        form.addRow(self.tr("Registration or &instructions page:"), self.url_edit)
        form.addRow("", self.url_message)
        for edit in (self.logo_edit, self.url_edit):
            label = form.labelForField(edit) or form.labelForField(logo_row)
            if isinstance(label, QLabel):
                label.setBuddy(edit)

        # --- labels --------------------------------------------------------------------
        labels = QGroupBox(self.tr("Labels"), self)
        labels_layout = QVBoxLayout(labels)
        self.sheet_radio = QRadioButton(self.tr("On label &sheets, with any printer"), labels)
        self.network_radio = QRadioButton(
            self.tr("On a Zebra label printer on the &network (raw TCP)"), labels
        )
        self.queue_radio = QRadioButton(
            self.tr("On a Zebra label printer installed on this &computer"), labels
        )
        self._kinds = QButtonGroup(self)
        for kind, radio in self._radios().items():
            radio.setObjectName(f"printer_{kind.value}")
            self._kinds.addButton(radio)
        self.address_edit = QLineEdit(settings.printer_address, labels)
        self.address_edit.setObjectName("printerAddress")
        self.address_edit.setPlaceholderText(self.tr("IP address or name, e.g. 10.0.0.25:9100"))
        self.queue_combo = QComboBox(labels)
        self.queue_combo.setObjectName("printerQueue")
        self.queue_combo.setEditable(True)
        self.queue_combo.addItems(list_printers())
        if settings.printer_queue:
            self.queue_combo.setCurrentText(settings.printer_queue)
        self.sheet_combo = QComboBox(labels)
        self.sheet_combo.setObjectName("sheetLayout")
        for name, geometry in SHEETS.items():
            self.sheet_combo.addItem(
                QCoreApplication.translate("LabelSheets", geometry.name), name.value)
        self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(settings.sheet_layout.value))
        self.size_combo = QComboBox(labels)
        self.size_combo.setObjectName("labelSize")
        self.size_combo.addItem(self.tr("2 × 1 in"), LabelSize.SMALL.value)
        self.size_combo.addItem(self.tr("4 × 6 in"), LabelSize.LARGE.value)
        self.size_combo.setCurrentIndex(self.size_combo.findData(settings.label_size.value))
        self.dpi_combo = QComboBox(labels)
        self.dpi_combo.setObjectName("labelDpi")
        self.dpi_combo.addItem(self.tr("203 dpi (8 dots/mm)"), 203)
        self.dpi_combo.addItem(self.tr("300 dpi (12 dots/mm)"), 300)
        self.dpi_combo.setCurrentIndex(self.dpi_combo.findData(settings.label_dpi))

        sheet_form = QFormLayout()
        sheet_form.setContentsMargins(24, 0, 0, 0)
        sheet_form.addRow(self.tr("Sheet:"), self.sheet_combo)
        network_form = QFormLayout()
        network_form.setContentsMargins(24, 0, 0, 0)
        network_form.addRow(self.tr("Address:"), self.address_edit)
        queue_form = QFormLayout()
        queue_form.setContentsMargins(24, 0, 0, 0)
        queue_form.addRow(self.tr("Printer:"), self.queue_combo)
        zebra_form = QFormLayout()
        zebra_form.addRow(self.tr("Label si&ze:"), self.size_combo)
        zebra_form.addRow(self.tr("Printer &resolution:"), self.dpi_combo)
        self.test_button = QPushButton(self.tr("&Test print"), labels)
        self.test_button.setObjectName("testPrintButton")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_status = QLabel(labels)
        self.test_status.setObjectName("testPrintStatus")
        self.test_status.setWordWrap(True)
        self.test_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_status(self.test_status, "info", "")
        self.test_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_status, 1)
        test_row.addStretch(0)

        labels_layout.addWidget(self.sheet_radio)
        labels_layout.addLayout(sheet_form)
        labels_layout.addWidget(self.network_radio)
        labels_layout.addLayout(network_form)
        labels_layout.addWidget(self.queue_radio)
        labels_layout.addLayout(queue_form)
        labels_layout.addLayout(zebra_form)
        labels_layout.addLayout(test_row)

        self._radios()[settings.printer_kind].setChecked(True)
        self._kinds.buttonToggled.connect(self._on_kinds_button_toggled)
        self._update_enabled()

        layout = QVBoxLayout(self)
        layout.addWidget(clinic)
        layout.addWidget(labels)
        layout.addStretch(1)

    def _clinic_text(self) -> str:
        shown = " · ".join(value for value in self._clinic if value)
        if not shown:
            return self.tr("No clinic name yet: add it in Settings → Clinic.")
        return self.tr("%1 (change it in Settings → Clinic)").replace("%1", shown)

    def _radios(self) -> dict[LabelPrinterKind, QRadioButton]:
        return {
            LabelPrinterKind.SHEET: self.sheet_radio,
            LabelPrinterKind.NETWORK: self.network_radio,
            LabelPrinterKind.QUEUE: self.queue_radio,
        }

    def printer_kind(self) -> LabelPrinterKind:
        for kind, radio in self._radios().items():
            if radio.isChecked():
                return kind
        return LabelPrinterKind.SHEET

    def settings(self) -> PrintSettings:
        return PrintSettings(
            clinic_name=self._clinic[0],
            clinic_phone=self._clinic[1],
            logo_path=self.logo_edit.text().strip(),
            info_url=self.url_edit.text().strip(),
            printer_kind=self.printer_kind(),
            printer_address=self.address_edit.text().strip(),
            printer_queue=self.queue_combo.currentText().strip(),
            label_size=LabelSize(self.size_combo.currentData()),
            label_dpi=int(self.dpi_combo.currentData()),
            sheet_layout=SheetLayoutName(self.sheet_combo.currentData()),
        )

    def problems(self) -> list[str]:
        """What stops saving; the web address's problem is shown under its field too."""
        url_problem = check_info_url(self.url_edit.text())
        show_status(self.url_message, "error", url_problem or "")
        return ([url_problem] if url_problem else []) + self._printer_problems()

    def _printer_problems(self) -> list[str]:
        kind = self.printer_kind()
        if kind is LabelPrinterKind.NETWORK:
            try:
                parse_printer_address(self.address_edit.text())
            except ValueError as error:
                return [str(error)]
        elif kind is LabelPrinterKind.QUEUE and not self.queue_combo.currentText().strip():
            return [self.tr("Choose the label printer.")]
        return []

    @Slot(str)
    def _on_url_edit_text_edited(self, _text: str) -> None:
        if self.url_message.isVisible():
            show_status(self.url_message, "error", check_info_url(self.url_edit.text()) or "")

    @Slot()
    def _on_logo_button_clicked(self) -> None:
        chosen, _selected = QFileDialog.getOpenFileName(
            self, self.tr("Clinic logo"), self.logo_edit.text() or in_documents(),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if chosen:
            self.logo_edit.setText(chosen)

    @Slot()
    def _on_kinds_button_toggled(self) -> None:
        self._update_enabled()
        show_status(self.test_status, "info", "")

    def _update_enabled(self) -> None:
        kind = self.printer_kind()
        self.sheet_combo.setEnabled(kind is LabelPrinterKind.SHEET)
        self.address_edit.setEnabled(kind is LabelPrinterKind.NETWORK)
        self.queue_combo.setEnabled(kind is LabelPrinterKind.QUEUE)
        zebra = kind is not LabelPrinterKind.SHEET
        self.size_combo.setEnabled(zebra)
        self.dpi_combo.setEnabled(zebra)
        self.test_button.setEnabled(zebra and not self._testing)

    @Slot()
    def _on_test_button_clicked(self) -> None:
        if self._testing:
            return
        settings = self.settings()
        problems = self._printer_problems()
        if problems:
            show_status(self.test_status, "error", problems[0])
            return
        self._testing = True
        self._update_enabled()
        show_status(self.test_status, "info", self.tr("Sending a test label…"))
        self._tasks.run(send_test_label, settings, self._printer_for,
                         on_success=self._on_test_sent, on_error=self._on_test_failed, durable=True)

    def _on_test_sent(self, where: str) -> None:
        self._testing = False
        self._update_enabled()
        self._recorder(PrintRecord("test_label", (), "label_printer"))
        show_status(
            self.test_status, "good",
            self.tr("Test label sent to %1. Scan its barcode: it should read SPOT-TEST-123.")
            .replace("%1", where),
        )

    def _on_test_failed(self, exc: BaseException) -> None:
        self._testing = False
        self._update_enabled()
        error = describe_error(exc)
        show_status(self.test_status, "error", f"{error.title}. {error.advice}")


class PrintingSettingsDialog(QDialog):
    """Settings → Printing…: the page with OK (saves when nothing is wrong) and Cancel."""

    def __init__(
        self,
        settings: AppSettings,
        runner: Runner,
        parent: QWidget | None = None,
        **page_options: Any,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printingSettingsDialog")
        self.setWindowTitle(self.tr("Printing"))
        self._settings = settings
        self.page = PrintingSettingsPage(settings.print_settings, runner, self, **page_options)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    @Slot()
    def _on_ok_clicked(self) -> None:
        if self.page.problems():
            return  # each problem is shown beside its field
        self._settings.print_settings = self.page.settings()
        self._settings.sync()
        self.accept()


class PrintingSettingsSection(QGroupBox):
    """The Settings dialog's line about printing; its button opens Printing settings, which
    saves on its own OK (the page is too tall to stack inside Settings)."""

    def __init__(self, settings: AppSettings, runner: Runner, parent: QWidget | None = None):
        super().__init__(self.tr("Printing"), parent)
        self.setObjectName("printingSection")
        self._settings = settings
        self._runner = runner
        self.summary = QLabel(self)
        self.summary.setObjectName("printingSummary")
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Hand-out and la&bels…"), self)
        self.open_button.setObjectName("printingSettingsButton")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        row = QHBoxLayout(self)
        row.addWidget(self.summary, 1)
        row.addWidget(self.open_button)
        self._show_summary()

    def _show_summary(self) -> None:
        chosen = self._settings.print_settings
        where = {
            LabelPrinterKind.SHEET: self.tr("labels on sheets"),
            LabelPrinterKind.NETWORK: self.tr("labels to %1").replace("%1",
                                                                      chosen.printer_address),
            LabelPrinterKind.QUEUE: self.tr("labels to %1").replace("%1", chosen.printer_queue),
        }[chosen.printer_kind]
        qr = (self.tr("QR code to %1").replace("%1", chosen.info_url) if chosen.info_url
              else self.tr("no web page for the QR code yet"))
        self.summary.setText(f"{where} · {qr}")

    @Slot()
    def _on_open_button_clicked(self) -> None:
        dialog = PrintingSettingsDialog(self._settings, self._runner, self)
        dialog.accepted.connect(self._show_summary)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save(self) -> None:
        """Nothing to do: Printing settings saved on its own OK."""
