"""Getting a report out of the viewer: print it, save a copy, open it in the system viewer.

Printing renders the PDF pages through QtPdf at no more than 300 dpi (or prints the text
report); saving copies the cached file off the GUI thread. Texts are the window's
("ReportWindow" context).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QWidget

from app.api import models
from app.services.errors import describe_error
from app.tasks import OwnedTasks, Runner
from app.views.common.audited import mark_audited
from app.views.common.documents import in_documents
from app.views.reports.pdf_pane import PdfPane

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["ReportOutput", "copy_file"]

_MAX_PRINT_DPI = 300


class ShownReport(Protocol):
    """What the output needs from the window that shows the report."""

    def widget(self) -> QWidget: ...
    def report(self) -> models.Report | None: ...
    def pdf_pane(self) -> PdfPane: ...
    def text_view(self) -> QPlainTextEdit: ...
    def showing_pdf(self) -> bool: ...
    def current_file(self) -> Path | None: ...
    def pdf_path(self) -> Path | None: ...
    def text_path(self) -> Path | None: ...
    def can_print(self) -> bool: ...
    def alive(self) -> bool: ...
    def show_status(self, text: str) -> None: ...


def copy_file(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_STEM = 80


def default_file_stem(report_id: str | None) -> str:
    """The suggested "Save as" name: ``spot-report-<id>`` with only letters, digits, ``.``,
    ``_`` and ``-`` from the server's id (no path separators, ``..``, drive letters, control
    characters or reserved Windows names), at most 80 characters."""
    cleaned = _UNSAFE_NAME.sub("-", report_id or "").strip(".-_")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)[:_MAX_STEM].strip(".-_")
    return f"spot-report-{cleaned}" if cleaned else "spot-report"


class ReportOutput(QObject):
    """``external_copy`` makes the separate copy the system viewer gets
    (``ReportService.external_copy``): on Windows the viewer locks the file it shows, and the
    cache file must stay free to be read again and removed at exit.

    Each copy that leaves the viewer is announced for the audit trail (the shell records it
    for whoever is signed in): ``report_printed(report_id)``, ``report_saved(report_id,
    "pdf"|"txt")`` once the copy is written, ``report_exported(report_id, "pdf"|"txt")`` once
    the system viewer's copy is made."""

    report_printed = Signal(str)
    report_saved = Signal(str, str)
    report_exported = Signal(str, str)

    def __init__(
        self,
        window: ShownReport,
        runner: Runner,
        external_copy: Callable[[Path], Path],
        parent: QObject | None = None,
        *,
        save_copy: Callable[[Path, Path], Path] = copy_file,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._external_copy = external_copy
        # The report service's save_copy decrypts the cached file; copy_file only for tests.
        self._save_copy = save_copy
        mark_audited(self)

    def _report_id(self) -> str:
        report = self._window.report()
        return report.report_id if report is not None and report.report_id else ""

    def _announce(self, signal: SignalInstance, path: Path) -> None:
        report_id = self._report_id()
        if report_id:
            signal.emit(report_id, "txt" if path.suffix.lower() == ".txt" else "pdf")

    @Slot()
    def print_report(self) -> None:
        if not self._window.can_print():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        report = self._window.report()
        if report is not None and report.report_id:
            printer.setDocName(
                translate("ReportWindow", "Spot report %1").replace("%1", report.report_id)
            )
        dialog = QPrintDialog(printer, self._window.widget())
        dialog.setWindowTitle(translate("ReportWindow", "Print report"))
        if self._window.showing_pdf():
            dialog.setMinMax(1, self._window.pdf_pane().page_count())
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        # Window-modal and shown, like QDialog.open(): never a nested exec() loop.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter) -> int:
        """Print what is on screen (the PDF pages, or the text); returns pages sent."""
        if not self._window.showing_pdf():
            self._window.text_view().print_(printer)
            self._window.show_status(
                translate("ReportWindow", "Sent the text report to the printer.")
            )
            self._printed()
            return 1
        count = self._window.pdf_pane().page_count()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(count, printer.toPage()) - 1
        painter = QPainter()
        if not painter.begin(printer):
            self._window.show_status(
                translate("ReportWindow", "The printer couldn't be started. Check it is on.")
            )
            return 0
        sent = 0
        try:
            for page in range(first, last + 1):
                if sent:
                    printer.newPage()
                self._paint_page(painter, printer, page)
                sent += 1
        finally:
            painter.end()
        if sent:
            self._printed()
        self._window.show_status(
            translate("ReportWindow", "Sent 1 page to the printer.")
            if sent == 1
            else translate("ReportWindow", "Sent %1 pages to the printer.").replace("%1", str(sent))
        )
        return sent

    def _printed(self) -> None:
        report_id = self._report_id()
        if report_id:
            self.report_printed.emit(report_id)

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        target = painter.viewport()
        points = self._window.pdf_pane().document.pagePointSize(page)
        if points.isEmpty():
            return
        scale = min(target.width() / points.width(), target.height() / points.height())
        width, height = int(points.width() * scale), int(points.height() * scale)
        # Render no finer than the cap; the painter scales the image up to the page.
        dpi = min(printer.resolution(), _MAX_PRINT_DPI)
        factor = dpi / printer.resolution()
        image = self._window.pdf_pane().render_page(
            page, QSize(max(1, int(width * factor)), max(1, int(height * factor)))
        )
        left = target.x() + (target.width() - width) // 2
        painter.drawImage(QRect(left, target.y(), width, height), image)

    @Slot()
    def save_copy(self) -> None:
        source = self._window.current_file()
        if source is None:
            return
        report = self._window.report()
        stem = default_file_stem(report.report_id if report else None)
        is_text = source == self._window.text_path() and source != self._window.pdf_path()
        suffix = ".txt" if is_text else ".pdf"
        file_filter = (
            translate("ReportWindow", "Text files (*.txt)") if is_text
            else translate("ReportWindow", "PDF files (*.pdf)")
        )
        chosen, _selected = QFileDialog.getSaveFileName(
            self._window.widget(),
            translate("ReportWindow", "Save a copy of the report"),
            in_documents(f"{stem}{suffix}"),
            file_filter,
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(suffix)
        self._tasks.run(
            self._save_copy,
            source,
            target,
            on_success=self._on_saved,
            on_error=self._on_save_failed, durable=True,
        )

    def _on_saved(self, target: Path) -> None:
        self._announce(self.report_saved, target)
        if not self._window.alive():
            return
        self._window.show_status(
            translate("ReportWindow", "Saved a copy to %1").replace("%1", str(target))
        )

    def _on_save_failed(self, exc: BaseException) -> None:
        if not self._window.alive():
            return
        error = describe_error(exc)
        self._window.show_status(
            translate("ReportWindow", "Couldn't save the copy: %1 %2")
            .replace("%1", error.title)
            .replace("%2", error.advice)
        )

    @Slot()
    def open_externally(self) -> None:
        path = self._window.current_file()
        if path is None:
            return
        self._tasks.run(
            self._external_copy,
            path,
            on_success=self._open_in_system_viewer,
            on_error=self._on_save_failed, durable=True,
        )

    def _open_in_system_viewer(self, copy: Path) -> None:
        self._announce(self.report_exported, copy)  # a plain copy outside the sealed cache
        if not self._window.alive():
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self._window.show_status(
                translate(
                    "ReportWindow",
                    "No program on this computer opens this file. Use Save as… instead.",
                )
            )
