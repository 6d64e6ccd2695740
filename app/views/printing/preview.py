"""Print preview windows: the patient hand-out, and labels (label printer or Avery sheet).

Both show the page as it will print (QPrintPreviewWidget), print through the system's print
dialog (shown window-modal, never a nested exec()), and save a PDF where the user chooses; the
file is written off the GUI thread. Every print and save is reported to the ``PrintRecorder``
(what and ids, never the patient's details).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import describe_error
from app.services.printing.handout import Handout, HandoutLanguage
from app.services.printing.jobs import HeldJob, LabelPrinting
from app.services.printing.labels import Label
from app.services.printing.raw_printer import PrinterError, raw_printer_for
from app.services.printing.record import PrintRecord, PrintRecorder, ignore_print
from app.services.printing.settings import LabelPrinterKind, PrintSettings, SheetLayoutName
from app.services.printing.sheets import SHEETS
from app.tasks import OwnedTasks, Runner
from app.views.common.documents import in_documents
from app.views.common.message_strip import show_status
from app.views.common.window_fit import fit_to_screen
from app.views.printing.handout_page import Paper, handout_pdf, print_handout
from app.views.printing.label_sheet import (
    label_sheet_pdf,
    paint_label_sheets,
    prepare_sheet_device,
)

__all__ = ["HandoutPreviewDialog", "LabelPrintDialog", "write_file"]


def write_file(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` (worker thread); the user chose the place."""
    with open(target, "wb") as handle:
        handle.write(data)
    return target



class _PreviewDialog(QDialog):
    """The parts both windows share: the preview, Print…, Save as PDF…, a status line.

    Its texts use the "PrintPreview" context by name: PySide's self.tr() would look them up
    under the subclass's name, where lupdate never puts a base class's texts."""

    def __init__(self, runner: Runner, recorder: PrintRecorder, parent: QWidget | None) -> None:
        super().__init__(parent)
        # Answers for a closed window are dropped (OwnedTasks), never delivered to it.
        self._tasks = OwnedTasks(runner, self)
        self._recorder = recorder
        self.preview_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview = QPrintPreviewWidget(self.preview_printer, self)
        self.preview.setObjectName("printPreview")
        self.preview.paintRequested.connect(self._on_preview_paint_requested)
        self.print_button = QPushButton(QCoreApplication.translate("PrintPreview", "&Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button = QPushButton(
            QCoreApplication.translate("PrintPreview", "&Save as PDF…"), self
        )
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button = QPushButton(QCoreApplication.translate("PrintPreview", "Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("printStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_status(self.status_label, "info", "")

    def _buttons_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addStretch(0)
        for button in (self.save_button, self.print_button, self.close_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        return row

    def status_text(self) -> str:
        return self.status_label.text()

    # What each window prints.
    def _paint(self, printer: QPrinter) -> None:
        raise NotImplementedError

    def _prepare(self, printer: QPrinter) -> None:
        raise NotImplementedError

    def _pdf(self) -> bytes:
        raise NotImplementedError

    def _pdf_name(self) -> str:
        raise NotImplementedError

    def _record(self, output: str) -> None:
        raise NotImplementedError

    @Slot(QPrinter)
    def _on_preview_paint_requested(self, printer: QPrinter) -> None:
        self._paint(printer)

    def refresh_preview(self) -> None:
        self._prepare(self.preview_printer)
        self.preview.updatePreview()

    @Slot()
    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._prepare(printer)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        """Paint on a printer the user chose (Print… after its dialog, or a test)."""
        self._paint(printer)
        self._record("printer")
        show_status(self.status_label, "good",
                    QCoreApplication.translate("PrintPreview", "Sent to the printer."))

    @Slot()
    def _on_save_button_clicked(self) -> None:
        chosen, _selected = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("PrintPreview", "Save as PDF"),
            in_documents(self._pdf_name()),
            QCoreApplication.translate("PrintPreview", "PDF files (*.pdf)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        data = self._pdf()  # painting stays on the GUI thread; only the write leaves it
        show_status(self.status_label, "info",
                    QCoreApplication.translate("PrintPreview", "Saving…"))
        self._tasks.run(write_file, target, data,
                         on_success=self._on_saved, on_error=self._on_save_failed, durable=True)

    def _on_saved(self, target: Path) -> None:
        self._record("pdf")
        saved = QCoreApplication.translate("PrintPreview", "Saved %1")
        show_status(self.status_label, "good", saved.replace("%1", str(target)))

    def _on_save_failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        show_status(
            self.status_label, "error",
            QCoreApplication.translate("PrintPreview", "Couldn't save the PDF: %1 %2")
            .replace("%1", error.title).replace("%2", error.advice),
        )


class HandoutPreviewDialog(_PreviewDialog):
    """The patient hand-out: language and paper chosen per print."""

    def __init__(
        self,
        handout: Handout,
        settings: PrintSettings,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        catalog: Mapping[str, str] | None = None,
        logo: QImage | None = None,
        recorder: PrintRecorder = ignore_print,
        language: HandoutLanguage = HandoutLanguage.ENGLISH,
        paper: Paper = Paper.LETTER,
    ) -> None:
        super().__init__(runner, recorder, parent)
        self.setObjectName("handoutPreview")
        self.setWindowTitle(self.tr("Patient hand-out"))
        self.handout = handout
        self._settings = settings
        self._catalog = catalog
        self.logo = logo

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("handoutLanguage")
        for option in HandoutLanguage:
            self.language_combo.addItem(option.label, option.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language.value))
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("handoutPaper")
        for size in Paper:
            self.paper_combo.addItem(size.label, size.value)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper.value))
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language_combo)
        paper_label = QLabel(self.tr("P&aper:"), self)
        paper_label.setBuddy(self.paper_combo)
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language_combo)
        top.addSpacing(16)
        top.addWidget(paper_label)
        top.addWidget(self.paper_combo)
        top.addStretch(1)
        hint = QLabel(self._hint(), self)
        hint.setObjectName("handoutHint")
        hint.setWordWrap(True)
        hint.setVisible(bool(hint.text()))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._buttons_row())
        self.language_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.paper_combo.currentIndexChanged.connect(self._on_choice_changed)
        self._prepare(self.preview_printer)
        fit_to_screen(self, QSize(760, 860))  # a 1280×720 desk keeps the buttons on screen
        self.print_button.setDefault(True)

    def _hint(self) -> str:
        if not self._settings.clinic_name.strip() or not self._settings.info_url.strip():
            return self.tr(
                "Tip: add the clinic's name and phone in Settings → Clinic, and its logo and "
                "web page in Settings → Printing; the web page becomes the QR code on the "
                "hand-out."
            )
        return ""

    def language(self) -> HandoutLanguage:
        return HandoutLanguage(self.language_combo.currentData())

    def paper(self) -> Paper:
        return Paper(self.paper_combo.currentData())

    @Slot()
    def _on_choice_changed(self) -> None:
        self.refresh_preview()

    def _prepare(self, printer: QPrinter) -> None:
        printer.setPageSize(self.paper().page_size)
        printer.setDocName("Spot kit hand-out")  # the print queue shows it: no patient name

    def _paint(self, printer: QPrinter) -> None:
        print_handout(printer, self.handout, self._settings, self.language(),
                      catalog=self._catalog, logo=self.logo)

    def _pdf(self) -> bytes:
        return handout_pdf(self.handout, self._settings, self.language(), self.paper(),
                           catalog=self._catalog, logo=self.logo)

    def _pdf_name(self) -> str:
        first = self.handout.order_id or next(
            (kit.kit_id for kit in self.handout.kits if kit.kit_id), None
        )
        return f"kit-handout-{first}.pdf" if first else "kit-handout.pdf"

    def _record(self, output: str) -> None:
        self._recorder(PrintRecord("handout", self.handout.object_ids, output,
                                   self.language().value))


class LabelPrintDialog(_PreviewDialog):
    """Labels: straight to the label printer chosen in Settings, or on an Avery sheet."""

    def __init__(
        self,
        labels: Sequence[Label],
        settings: PrintSettings,
        printing: LabelPrinting,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        recorder: PrintRecorder = ignore_print,
        describe_printer: Callable[[PrintSettings], str] | None = None,
    ) -> None:
        super().__init__(runner, recorder, parent)
        self.setObjectName("labelPrint")
        self.setWindowTitle(self.tr("Print labels"))
        self._labels = list(labels)
        self._settings = settings
        self._printing = printing
        self._sending = False

        self.label_list = QListWidget(self)
        self.label_list.setObjectName("labelList")
        for label in self._labels:
            item = QListWidgetItem(f"{label.heading}  {label.barcode} — {label.lines[0]}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.label_list.addItem(item)
        self.label_list.setMaximumHeight(self.label_list.sizeHintForRow(0) * 5 + 8)
        self.label_list.itemChanged.connect(self._on_label_list_item_changed)

        zebra = QGroupBox(self.tr("Label printer"), self)
        zebra_layout = QHBoxLayout(zebra)
        self.printer_label = QLabel(self._printer_text(describe_printer), zebra)
        self.printer_label.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send to &label printer"), zebra)
        self.send_button.setObjectName("sendLabelsButton")
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.send_button.setEnabled(settings.printer_kind is not LabelPrinterKind.SHEET)
        self.retry_button = QPushButton(self.tr("&Try again"), zebra)
        self.retry_button.setObjectName("retryLabelsButton")
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.retry_button.setVisible(bool(printing.held()))
        zebra_layout.addWidget(self.printer_label, 1)
        zebra_layout.addWidget(self.retry_button)
        zebra_layout.addWidget(self.send_button)

        sheet = QGroupBox(self.tr("Label sheet (any printer)"), self)
        sheet_row = QHBoxLayout()
        self.sheet_combo = QComboBox(sheet)
        self.sheet_combo.setObjectName("sheetLayout")
        for name, geometry in SHEETS.items():
            self.sheet_combo.addItem(
                QCoreApplication.translate("LabelSheets", geometry.name), name.value)
        self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(settings.sheet_layout.value))
        self.first_spin = QSpinBox(sheet)
        self.first_spin.setObjectName("firstLabel")
        self.first_spin.setAccessibleName(self.tr("Start at label position"))
        first_label = QLabel(self.tr("Start at posit&ion:"), sheet)
        first_label.setBuddy(self.first_spin)
        sheet_row.addWidget(self.sheet_combo, 1)
        sheet_row.addWidget(first_label)
        sheet_row.addWidget(self.first_spin)
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.addLayout(sheet_row)
        sheet_layout.addWidget(self.preview, 1)
        self._on_sheet_changed()
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        self.first_spin.valueChanged.connect(self._on_first_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.label_list)
        layout.addWidget(zebra)
        layout.addWidget(sheet, 1)
        layout.addLayout(self._buttons_row())
        self.print_button.setText(self.tr("&Print sheet…"))
        self.save_button.setText(self.tr("&Save sheet as PDF…"))
        fit_to_screen(self, QSize(760, 860))  # a 1280×720 desk keeps the buttons on screen

    def _printer_text(self, describe: Callable[[PrintSettings], str] | None) -> str:
        if self._settings.printer_kind is LabelPrinterKind.SHEET:
            return self.tr("No label printer is set up (Settings → Printing). Use a sheet.")
        if describe is not None:
            return describe(self._settings)
        try:
            printer = raw_printer_for(self._settings)
        except PrinterError as error:
            return error.title
        where = printer.description if printer else ""
        return self.tr("Sends to %1 (%2 in labels).").replace("%1", where).replace(
            "%2", self._settings.label_size.value.replace("x", " × ")
        )

    def chosen_labels(self) -> list[Label]:
        return [
            label for row, label in enumerate(self._labels)
            if (item := self.label_list.item(row)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def _sheet(self) -> SheetLayoutName:
        return SheetLayoutName(self.sheet_combo.currentData())

    @Slot()
    def _on_sheet_changed(self) -> None:
        per_sheet = SHEETS[self._sheet()].per_sheet
        self.first_spin.setRange(1, per_sheet)
        self.refresh_preview()

    @Slot()
    def _on_first_changed(self) -> None:
        self.refresh_preview()

    @Slot(QListWidgetItem)
    def _on_label_list_item_changed(self, _item: QListWidgetItem) -> None:
        chosen = bool(self.chosen_labels())
        self.print_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.send_button.setEnabled(
            chosen and self._settings.printer_kind is not LabelPrinterKind.SHEET
        )
        self.refresh_preview()

    def _prepare(self, printer: QPrinter) -> None:
        prepare_sheet_device(printer, SHEETS[self._sheet()])
        printer.setDocName("Spot labels")

    def _paint(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            paint_label_sheets(painter, printer, self.chosen_labels(), SHEETS[self._sheet()],
                               self.first_spin.value() - 1)
        finally:
            painter.end()

    def _pdf(self) -> bytes:
        return label_sheet_pdf(self.chosen_labels(), SHEETS[self._sheet()],
                               self.first_spin.value() - 1)

    def _pdf_name(self) -> str:
        return "spot-labels.pdf"

    def _record(self, output: str) -> None:
        for label in self.chosen_labels():
            self._recorder(PrintRecord(label.kind.value, label.object_ids, f"label_sheet_{output}"))

    # --- label printer -------------------------------------------------------------------

    @Slot()
    def _on_send_button_clicked(self) -> None:
        labels = self.chosen_labels()
        if not labels or self._sending:
            return
        self._set_sending(True)
        show_status(self.status_label, "info", self.tr("Sending to the label printer…"))
        self._tasks.run(self._printing.send, labels,
                         on_success=self._on_sent, on_error=self._on_send_failed, durable=True)

    @Slot()
    def _on_retry_button_clicked(self) -> None:
        if self._sending:
            return
        self._set_sending(True)
        show_status(self.status_label, "info", self.tr("Trying the label printer again…"))
        self._tasks.run(self._printing.resend_held,
                         on_success=self._on_resent, on_error=self._on_send_failed, durable=True)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.send_button.setEnabled(not sending)
        self.retry_button.setEnabled(not sending)

    def _on_sent(self, _result: object) -> None:
        self._set_sending(False)
        self.retry_button.setVisible(bool(self._printing.held()))
        show_status(self.status_label, "good", self.tr("Sent to the label printer."))

    def _on_resent(self, still_held: list[HeldJob]) -> None:
        self._set_sending(False)
        self.retry_button.setVisible(bool(still_held))
        if still_held:
            show_status(self.status_label, "error", self._held_text())
        else:
            show_status(self.status_label, "good", self.tr("Sent to the label printer."))

    def _on_send_failed(self, exc: BaseException) -> None:
        self._set_sending(False)
        error = describe_error(exc)
        self.retry_button.setVisible(bool(self._printing.held()))
        text = f"{error.title}. {error.advice}"
        if self._printing.held():
            text += " " + self._held_text()
        show_status(self.status_label, "error", text)

    def _held_text(self) -> str:
        count = len(self._printing.held())
        return self.tr("%1 label job(s) are kept and will print when you press Try again.") \
            .replace("%1", str(count))
