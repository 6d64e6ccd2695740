"""The report window: a lab report's PDF (and TXT) with print, save and open-externally.

Files are downloaded by ``ReportService`` on the task runner into the private cache; the window
only ever reads them off the GUI thread and shows them. Opening a report marks it as seen on
this workstation.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal, Protocol

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import ServiceError, describe_error
from app.tasks import OwnedTasks, Runner
from app.views.common.window_fit import fit_to_screen
from app.views.reports.header import ReportHeader
from app.views.reports.output import ReportOutput
from app.views.reports.pages import ErrorPage, LoadingPage
from app.views.reports.pdf_pane import PdfPane
from app.views.reports.pdf_toolbar import PdfActions, PdfToolbar
from app.views.reports.text_find import TextFinder

__all__ = ["ReportFetcher", "ReportWindow", "SeenStore"]

log = logging.getLogger(__name__)

# A cached reopen takes a few milliseconds: only show "Downloading…" if it takes longer,
# so reopening never flashes a progress bar.
_LOADING_DELAY_MS = 150
# Print at up to this resolution: sharp on paper without rendering 1200-dpi bitmaps.


class ReportFetcher(Protocol):
    """What the window needs from ``app.services.reports.ReportService``."""

    def fetch(
        self,
        url: str,
        *,
        kind: Literal["pdf", "txt"] = "pdf",
        on_progress: _Progress | None = None,
    ) -> Path: ...

    def external_copy(self, path: Path) -> Path:
        """A separate copy for the system's viewer (which may lock it on Windows)."""
        ...

    def read_bytes(self, path: Path) -> bytes:
        """The report at ``path`` (the cache is encrypted: never read the path directly)."""
        ...

    def save_copy(self, path: Path, target: Path) -> Path:
        """Write the report at ``path`` to ``target`` (Save as…)."""
        ...


class _Progress(Protocol):
    def __call__(self, received: int, total: int | None, /) -> None: ...


class SeenStore(Protocol):
    """What the window needs from ``app.services.seen.SeenReports``."""

    def mark_seen(self, kit_id: str, report_id: str) -> None: ...


@dataclass(frozen=True, slots=True)
class _Fetched:
    path: Path
    data: bytes


def _fetch_pdf(reports: ReportFetcher, url: str, on_progress: _Progress) -> _Fetched:
    path = reports.fetch(url, on_progress=on_progress)
    return _Fetched(path, reports.read_bytes(path))


def _fetch_text(reports: ReportFetcher, url: str) -> tuple[Path, str]:
    path = reports.fetch(url, kind="txt")
    return path, reports.read_bytes(path).decode("utf-8", errors="replace")


class ReportWindow(QWidget):
    """Shows one report at a time; ``open_report`` again to show another."""

    report_opened = Signal(str)
    # Emitted from the download worker; Qt queues it to the GUI thread.
    _download_progressed = Signal(int, object, object)

    def __init__(
        self,
        reports: ReportFetcher,
        seen: SeenStore,
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self._seen = seen
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._task_key = f"report-window-{id(self)}"
        self._generation = 0
        self._report: models.Report | None = None
        self._kit_id = ""
        self._sample_id = ""
        self._pdf_path: Path | None = None
        self._txt_path: Path | None = None
        self._loading = False
        self._error: ServiceError | None = None

        self.setWindowTitle(self.tr("Report"))
        fit_to_screen(self, QSize(900, 1000))
        self._header = ReportHeader(self)
        # Looked up when used: a window that never opens externally needs no copier.
        self._output = ReportOutput(
            self, runner, lambda path: self._reports.external_copy(path), self,
            save_copy=lambda path, target: self._reports.save_copy(path, target),
        )
        self._build_actions()
        self._build_body()
        self._toolbar = PdfToolbar(self._pdf, PdfActions(
            self.previous_page_action, self.next_page_action, self.zoom_out_action,
            self.zoom_in_action, self.find_previous_action, self.find_next_action,
        ), self)
        self._toolbar.changed.connect(self._update_actions)
        for action in (self.print_action, self.save_action, self.open_external_action):
            self._toolbar.addAction(action)

        layout = QVBoxLayout(self)
        layout.addWidget(self._header)
        layout.addWidget(self._toolbar)
        layout.addWidget(self._stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._status_label, 1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(_LOADING_DELAY_MS)
        self._loading_timer.timeout.connect(self._on_loading_timer_timeout)
        self._download_progressed.connect(self._on_download_progressed)
        self._tabs.currentChanged.connect(self._on_tabs_current_changed)
        # Toolbar fields in reading order, then the report itself.
        fields = (*self._toolbar.tab_chain(), self._tabs, self.close_button)
        for first, second in itertools.pairwise(fields):
            QWidget.setTabOrder(first, second)
        self._update_actions()

    # --- construction ------------------------------------------------------------------------

    def _action(
        self, text: str, shortcuts: list[QKeySequence], slot: object, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in shortcuts)
        action.setToolTip(f"{tip or text.replace('&', '')} ({keys})" if keys else tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        seq = QKeySequence
        self.print_action = self._action(
            self.tr("&Print…"),
            [seq(seq.StandardKey.Print)],
            self._output.print_report,
            self.tr("Print the report"),
        )
        self.save_action = self._action(
            self.tr("&Save as…"),
            [seq("Ctrl+S")],
            self._output.save_copy,
            self.tr("Save a copy of the report"),
        )
        self.open_external_action = self._action(
            self.tr("&Open with system viewer"),
            [seq("Ctrl+Shift+O")],
            self._output.open_externally,
        )
        self.previous_page_action = self._action(
            self.tr("Previous page"), [seq(Qt.Key.Key_PageUp)], lambda: self._pdf.previous_page()
        )
        self.next_page_action = self._action(
            self.tr("Next page"), [seq(Qt.Key.Key_PageDown)], lambda: self._pdf.next_page()
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), [seq(seq.StandardKey.ZoomIn), seq("Ctrl+=")],
            lambda: self._pdf.zoom_in(),
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), [seq(seq.StandardKey.ZoomOut)], lambda: self._pdf.zoom_out()
        )
        self.actual_size_action = self._action(
            self.tr("Actual size (100%)"), [seq("Ctrl+0")], lambda: self._pdf.set_zoom_factor(1.0)
        )
        self.find_action = self._action(
            self.tr("Find in report"), [seq(seq.StandardKey.Find)], self._on_find_triggered
        )
        self.find_next_action = self._action(
            self.tr("Next match"), [seq(seq.StandardKey.FindNext)], lambda: self._pdf.next_result()
        )
        self.find_previous_action = self._action(
            self.tr("Previous match"),
            [seq(seq.StandardKey.FindPrevious)],
            lambda: self._pdf.previous_result(),
        )
        self.close_action = self._action(
            self.tr("Close"), [seq(Qt.Key.Key_Escape), seq(seq.StandardKey.Close)], self.close
        )

    def _build_body(self) -> None:
        self._stack = QStackedWidget(self)

        self._loading_page = LoadingPage(self._stack)
        self._progress_bar = self._loading_page.progress_bar

        # Content page: PDF and TXT side by side as tabs.
        self._tabs = QTabWidget(self._stack)
        self._tabs.setObjectName("report_tabs")
        self._pdf = PdfPane(self._tabs)
        self._text_view = QPlainTextEdit(self._tabs)
        self._text_view.setObjectName("text_view")
        self._text_view.setReadOnly(True)
        self._text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._text_view.setAccessibleName(self.tr("Text report"))
        self._text_finder = TextFinder(self._text_view)
        self._pdf_tab = self._tabs.addTab(self._pdf, self.tr("PDF"))
        self._text_tab = self._tabs.addTab(self._text_view, self.tr("Text"))

        self._error_page = ErrorPage(self.open_external_action, self._stack)
        self._error_page.retry_button.clicked.connect(self._start_download)

        self._empty_page = QLabel(self.tr("No report open."), self._stack)
        self._empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Between "open" and the first page: nothing, rather than the previous report or error
        # under the new report's header (a cached reopen stays here a few milliseconds).
        self._blank_page = QWidget(self._stack)

        for page in (
            self._empty_page,
            self._blank_page,
            self._loading_page,
            self._tabs,
            self._error_page,
        ):
            self._stack.addWidget(page)
        self._stack.setCurrentWidget(self._empty_page)

        self._status_label = QLabel(self)
        self._status_label.setObjectName("status_label")
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_button")
        self.close_button.setAutoDefault(False)
        self.close_button.setToolTip(self.tr("Close the report (Esc)"))
        self.close_button.clicked.connect(self.close)

    # --- public API --------------------------------------------------------------------------

    def open_report(
        self,
        report: models.Report,
        *,
        kit_id: str,
        sample_id: str,
        replaces: models.Report | None = None,
    ) -> None:
        """Show ``report``: header now, the file as soon as it is downloaded (or cached)."""
        self._report = report
        self._kit_id = kit_id
        self._sample_id = sample_id
        self.setWindowTitle(self._header.show_report(report, kit_id, sample_id, replaces))
        self._start_download()

    def report(self) -> models.Report | None:
        return self._report

    def pdf_pane(self) -> PdfPane:
        return self._pdf

    def widget(self) -> QWidget:
        return self

    def text_view(self) -> QPlainTextEdit:
        return self._text_view

    def pdf_path(self) -> Path | None:
        return self._pdf_path

    def text_path(self) -> Path | None:
        return self._txt_path

    def can_print(self) -> bool:
        return self.print_action.isEnabled()

    def show_status(self, text: str) -> None:
        self._status_label.setText(text)

    def print_to(self, printer: QPrinter) -> int:
        """Print what is on screen (the PDF pages, or the text); returns pages sent."""
        return self._output.print_to(printer)

    # --- download ----------------------------------------------------------------------------

    def _start_download(self) -> None:
        report = self._report
        if report is None:
            return
        self._generation += 1
        generation = self._generation
        self._runner.cancel_key(self._task_key)
        self._runner.cancel_key(self._task_key + ":txt")
        self._pdf.clear()
        self._pdf_path = None
        self._txt_path = None
        self._error = None
        self._text_view.clear()
        self._status_label.clear()
        self._toolbar.clear_search()
        self._tabs.setTabVisible(self._pdf_tab, bool(report.pdf))
        self._tabs.setTabVisible(self._text_tab, bool(report.txt))
        if not report.pdf and not report.txt:
            self._show_error(
                ServiceError(
                    self.tr("This report has no file yet"),
                    self.tr("Spot hasn't attached a PDF to it. Check again later."),
                ),
                retry=False,
            )
            return
        self._loading = True
        self._loading_page.show_busy()
        self._stack.setCurrentWidget(self._blank_page)
        self._loading_timer.start()
        self._update_actions()
        if report.pdf:
            self._tasks.run(
                _fetch_pdf,
                self._reports,
                report.pdf,
                partial(self._report_progress, generation),
                on_success=partial(self._on_pdf_fetched, generation),
                on_error=partial(self._on_pdf_failed, generation),
                key=self._task_key,
            )
        else:
            self._start_text_download(generation)

    def _start_text_download(self, generation: int) -> None:
        # After the PDF: the first page is what staff wait for, the text tab can follow.
        report = self._report
        if report is None or not report.txt or generation != self._generation:
            return
        self._tasks.run(
            _fetch_text,
            self._reports,
            report.txt,
            on_success=partial(self._on_text_fetched, generation),
            on_error=partial(self._on_text_failed, generation),
            key=self._task_key + ":txt",
        )

    def _report_progress(self, generation: int, received: int, total: int | None) -> None:
        # Worker thread. The window may be gone by now: the download just carries on.
        try:
            self._download_progressed.emit(generation, received, total)
        except RuntimeError:
            log.debug("report window closed during download")

    @Slot(int, object, object)
    def _on_download_progressed(self, generation: int, received: object, total: object) -> None:
        if generation != self._generation or not self._loading:
            return
        if isinstance(total, int) and total > 0 and isinstance(received, int):
            self._loading_page.show_progress(received, total)
        else:
            self._loading_page.show_busy()

    @Slot()
    def _on_loading_timer_timeout(self) -> None:
        if self._loading:
            self._stack.setCurrentWidget(self._loading_page)

    def _on_pdf_fetched(self, generation: int, fetched: _Fetched) -> None:
        if not self.alive() or generation != self._generation:
            return
        self._loading = False
        self._loading_timer.stop()
        self._pdf_path = fetched.path
        error = self._pdf.load_bytes(fetched.data)
        if error != QPdfDocument.Error.None_:
            log.info("report PDF could not be parsed: %s", error.name)
            damaged = ServiceError(
                self.tr("This report file is damaged"),
                self.tr(
                    "It can't be shown here. Try Open with system viewer, "
                    "or ask Spot to re-issue the report."
                ),
                debug=f"QPdfDocument {error.name}",
            )
            self._show_error(damaged, retry=False)
            return
        self._tabs.setCurrentIndex(self._pdf_tab)
        self._stack.setCurrentWidget(self._tabs)
        self._update_actions()
        self._pdf.view.setFocus()
        self._mark_seen()
        self._start_text_download(generation)

    def _on_pdf_failed(self, generation: int, exc: BaseException) -> None:
        if not self.alive() or generation != self._generation:
            return
        self._loading = False
        self._loading_timer.stop()
        error = describe_error(exc)
        log.info("report download failed: %s", error.debug)
        self._show_error(error, retry=error.transient)

    def _on_text_fetched(self, generation: int, fetched: tuple[Path, str]) -> None:
        if not self.alive() or generation != self._generation:
            return
        self._txt_path, text = fetched
        self._text_view.setPlainText(text)
        report = self._report
        if report is not None and not report.pdf:
            # A text-only report: nothing else to wait for.
            self._loading = False
            self._loading_timer.stop()
            self._tabs.setCurrentIndex(self._text_tab)
            self._stack.setCurrentWidget(self._tabs)
            self._mark_seen()
        self._update_actions()

    def _on_text_failed(self, generation: int, exc: BaseException) -> None:
        if not self.alive() or generation != self._generation:
            return
        error = describe_error(exc)
        log.info("text report download failed: %s", error.debug)
        report = self._report
        if report is not None and not report.pdf:
            self._loading = False
            self._loading_timer.stop()
            self._show_error(error, retry=error.transient)
            return
        # The PDF is what matters; the text tab says why it is empty.
        self._text_view.setPlainText(
            self.tr("The text version couldn't be downloaded.\n%1\n%2")
            .replace("%1", error.title)
            .replace("%2", error.advice)
        )

    def _show_error(self, error: ServiceError, *, retry: bool) -> None:
        self._loading = False
        self._loading_timer.stop()
        self._error = error
        self._error_page.show_error(error, retry=retry, can_open=self._pdf_path is not None)
        self._stack.setCurrentWidget(self._error_page)
        self._update_actions()
        if retry:
            self._error_page.retry_button.setFocus()

    def error(self) -> ServiceError | None:
        """The failure on show, if any (for the main window's status and for tests)."""
        return self._error

    # --- seen --------------------------------------------------------------------------------

    def _mark_seen(self) -> None:
        report = self._report
        if report is None or not report.report_id:
            return
        report_id = report.report_id
        self._tasks.run(
            self._seen.mark_seen,
            self._kit_id,
            report_id,
            on_success=partial(self._on_marked_seen, report_id),
            on_error=partial(self._on_mark_seen_failed, report_id), durable=True,
        )

    def _on_marked_seen(self, report_id: str, _result: object) -> None:
        if self.alive():
            self.report_opened.emit(report_id)

    def _on_mark_seen_failed(self, report_id: str, exc: BaseException) -> None:
        # Not worth interrupting the reading: the report stays "not yet opened" in the list.
        log.warning("could not record the report as seen: %s", describe_error(exc).debug)
        if self.alive():
            self.report_opened.emit(report_id)

    def alive(self) -> bool:
        """False once Qt deleted the window (a download or a save may outlive it)."""
        return shiboken6.isValid(self)

    # --- state of the controls ---------------------------------------------------------------

    def showing_pdf(self) -> bool:
        return (
            self._stack.currentWidget() is self._tabs
            and self._tabs.currentIndex() == self._pdf_tab
            and self._pdf.is_loaded()
        )

    def current_file(self) -> Path | None:
        """The file behind what is on screen: the text tab means the TXT file."""
        if self._stack.currentWidget() is self._tabs and self._tabs.currentIndex() == (
            self._text_tab
        ):
            return self._txt_path
        return self._pdf_path or self._txt_path

    def showing_text(self) -> bool:
        return (
            self._stack.currentWidget() is self._tabs
            and self._tabs.currentIndex() == self._text_tab
            and self._txt_path is not None
        )

    def _update_actions(self) -> None:
        pdf = self.showing_pdf()
        text = self.showing_text()
        self._toolbar.search_in(self._text_finder if text else self._pdf)
        for action in (
            self.previous_page_action,
            self.next_page_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.actual_size_action,
        ):
            action.setEnabled(pdf)
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            action.setEnabled(pdf or text)
        self._toolbar.set_fields_enabled(pdf, find=pdf or text)
        printable = pdf or text
        self.print_action.setEnabled(printable)
        has_file = self.current_file() is not None
        self.save_action.setEnabled(has_file)
        self.open_external_action.setEnabled(has_file)
        if pdf:
            count = self._pdf.page_count()
            current = self._pdf.current_page()
            self.previous_page_action.setEnabled(current > 0)
            self.next_page_action.setEnabled(current < count - 1)

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        self._update_actions()

    # --- pages, zoom, search -----------------------------------------------------------------

    def page_text(self) -> str:
        """What the page indicator says, e.g. "Page 1 of 3"."""
        return self._toolbar.page_text()

    def zoom_text(self) -> str:
        return self._toolbar.zoom_text()

    def search_status(self) -> str:
        return self._toolbar.search_status()

    @Slot()
    def _on_find_triggered(self) -> None:
        self._toolbar.focus_search()

    @Slot()
    def _pdf_next_result(self) -> None:
        self._toolbar.finder().next_result()

    @Slot()
    def _pdf_previous_result(self) -> None:
        self._toolbar.finder().previous_result()

    def status_text(self) -> str:
        return self._status_label.text()
