"""The report window: a lab report's PDF (and TXT) with print, save and open-externally.

Files are downloaded by ``ReportService`` on the task runner into the private cache; the window
only ever reads them off the GUI thread and shows them. Opening a report marks it as seen on
this workstation.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Literal, Protocol

import shiboken6
from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QFontDatabase, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import ServiceError, describe_error
from app.tasks import Runner
from app.views.reports.pdf_pane import PdfPane, ZoomMode

__all__ = ["ReportFetcher", "ReportWindow", "SeenStore", "format_when"]

log = logging.getLogger(__name__)

# A cached reopen takes a few milliseconds: only show "Downloading…" if it takes longer,
# so reopening never flashes a progress bar.
_LOADING_DELAY_MS = 150
# Print at up to this resolution: sharp on paper without rendering 1200-dpi bitmaps.
_MAX_PRINT_DPI = 300
_ZOOM_PRESETS: tuple[int, ...] = (50, 75, 100, 125, 150, 200, 300, 400)


class ReportFetcher(Protocol):
    """What the window needs from ``app.services.reports.ReportService``."""

    def fetch(
        self,
        url: str,
        *,
        kind: Literal["pdf", "txt"] = "pdf",
        on_progress: _Progress | None = None,
    ) -> Path: ...


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
    return _Fetched(path, path.read_bytes())


def _fetch_text(reports: ReportFetcher, url: str) -> tuple[Path, str]:
    path = reports.fetch(url, kind="txt")
    return path, path.read_bytes().decode("utf-8", errors="replace")


def _copy_file(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def format_when(value: datetime | date | str | None) -> str:
    """ISO dates read the same in the US and in Canada (01/02 does not)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo is not None else value
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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
        self.resize(900, 1000)
        self._build_header()
        self._build_actions()
        self._build_toolbar()
        self._build_body()

        layout = QVBoxLayout(self)
        layout.addLayout(self._header_layout)
        layout.addWidget(self._toolbar)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._status_label)

        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(_LOADING_DELAY_MS)
        self._loading_timer.timeout.connect(self._on_loading_timer_timeout)
        self._download_progressed.connect(self._on_download_progressed)
        self._pdf.page_changed.connect(self._on_pdf_page_changed)
        self._pdf.zoom_changed.connect(self._on_pdf_zoom_changed)
        self._pdf.search_changed.connect(self._on_pdf_search_changed)
        self._tabs.currentChanged.connect(self._on_tabs_current_changed)
        # Toolbar fields in reading order, then the report itself.
        QWidget.setTabOrder(self._page_spin, self._zoom_combo)
        QWidget.setTabOrder(self._zoom_combo, self._search_edit)
        QWidget.setTabOrder(self._search_edit, self._tabs)
        self._update_actions()

    # --- construction ------------------------------------------------------------------------

    def _build_header(self) -> None:
        self._title_label = QLabel(self)
        self._title_label.setObjectName("report_title")
        font = self._title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title_label.setFont(font)
        self._title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._amended_badge = QLabel(self.tr("Amended"), self)
        self._amended_badge.setObjectName("amended_badge")
        self._amended_badge.setToolTip(self.tr("This report amends an earlier report."))
        # Fixed colours with enough contrast in light and dark themes alike.
        self._amended_badge.setStyleSheet(
            "QLabel { background: #b45309; color: white; font-weight: bold;"
            " border-radius: 4px; padding: 2px 8px; }"
        )
        self._amended_badge.setVisible(False)

        self._details_label = QLabel(self)
        self._details_label.setObjectName("report_details")
        self._details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._replaces_label = QLabel(self)
        self._replaces_label.setObjectName("replaces_label")
        self._replaces_label.setVisible(False)

        title_row = QHBoxLayout()
        title_row.addWidget(self._title_label)
        title_row.addWidget(self._amended_badge)
        title_row.addStretch(1)
        self._title_row = title_row

        self._header_layout = QVBoxLayout()
        self._header_layout.setSpacing(2)
        self._header_layout.addLayout(title_row)
        self._header_layout.addWidget(self._details_label)
        self._header_layout.addWidget(self._replaces_label)

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
            self._on_print_triggered,
            self.tr("Print the report"),
        )
        self.save_action = self._action(
            self.tr("&Save as…"),
            [seq("Ctrl+S")],
            self._on_save_triggered,
            self.tr("Save a copy of the report"),
        )
        self.open_external_action = self._action(
            self.tr("&Open with system viewer"),
            [seq("Ctrl+Shift+O")],
            self._on_open_external_triggered,
        )
        self.previous_page_action = self._action(
            self.tr("Previous page"), [seq(Qt.Key.Key_PageUp)], self._pdf_previous_page
        )
        self.next_page_action = self._action(
            self.tr("Next page"), [seq(Qt.Key.Key_PageDown)], self._pdf_next_page
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), [seq(seq.StandardKey.ZoomIn), seq("Ctrl+=")], self._pdf_zoom_in
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), [seq(seq.StandardKey.ZoomOut)], self._pdf_zoom_out
        )
        self.actual_size_action = self._action(
            self.tr("Actual size (100%)"), [seq("Ctrl+0")], self._pdf_actual_size
        )
        self.find_action = self._action(
            self.tr("Find in report"), [seq(seq.StandardKey.Find)], self._on_find_triggered
        )
        self.find_next_action = self._action(
            self.tr("Next match"), [seq(seq.StandardKey.FindNext)], self._pdf_next_result
        )
        self.find_previous_action = self._action(
            self.tr("Previous match"),
            [seq(seq.StandardKey.FindPrevious)],
            self._pdf_previous_result,
        )
        self.close_action = self._action(self.tr("Close"), [seq(seq.StandardKey.Close)], self.close)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("report_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._toolbar = toolbar

        self.previous_page_action.setText(self.tr("◀ Previous"))
        toolbar.addAction(self.previous_page_action)
        self._page_spin = QSpinBox(toolbar)
        self._page_spin.setObjectName("page_spin")
        self._page_spin.setAccessibleName(self.tr("Page number"))
        self._page_spin.setKeyboardTracking(False)
        self._page_spin.setMinimum(1)
        self._page_spin.valueChanged.connect(self._on_page_spin_value_changed)
        self._page_label = QLabel(toolbar)
        self._page_label.setObjectName("page_label")
        page_caption = QLabel(self.tr("Page"), toolbar)
        page_caption.setBuddy(self._page_spin)
        toolbar.addWidget(page_caption)
        toolbar.addWidget(self._page_spin)
        toolbar.addWidget(self._page_label)
        self.next_page_action.setText(self.tr("Next ▶"))
        toolbar.addAction(self.next_page_action)
        toolbar.addSeparator()

        self.zoom_out_action.setText("−")
        toolbar.addAction(self.zoom_out_action)
        self._zoom_combo = QComboBox(toolbar)
        self._zoom_combo.setObjectName("zoom_combo")
        self._zoom_combo.setAccessibleName(self.tr("Zoom"))
        self._zoom_combo.setEditable(True)
        self._zoom_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._zoom_combo.addItem(self.tr("Fit width"), ZoomMode.FIT_WIDTH)
        self._zoom_combo.addItem(self.tr("Fit page"), ZoomMode.FIT_PAGE)
        for percent in _ZOOM_PRESETS:
            self._zoom_combo.addItem(self.tr("%1%").replace("%1", str(percent)), percent)
        self._zoom_combo.setMinimumContentsLength(9)
        self._zoom_combo.activated.connect(self._on_zoom_combo_activated)
        line_edit = self._zoom_combo.lineEdit()
        assert line_edit is not None
        line_edit.returnPressed.connect(self._on_zoom_text_entered)
        toolbar.addWidget(self._zoom_combo)
        self.zoom_in_action.setText("+")
        toolbar.addAction(self.zoom_in_action)
        toolbar.addSeparator()

        self._search_edit = QLineEdit(toolbar)
        self._search_edit.setObjectName("search_edit")
        self._search_edit.setPlaceholderText(self.tr("Find (Ctrl+F)"))
        self._search_edit.setAccessibleName(self.tr("Find in report"))
        self._search_edit.setClearButtonEnabled(True)
        self._search_edit.setMaximumWidth(240)
        self._search_edit.textChanged.connect(self._on_search_text_changed)
        self._search_edit.returnPressed.connect(self._on_search_return_pressed)
        toolbar.addWidget(self._search_edit)
        self.find_previous_action.setText("▲")
        self.find_next_action.setText("▼")
        toolbar.addAction(self.find_previous_action)
        toolbar.addAction(self.find_next_action)
        self._search_label = QLabel(toolbar)
        self._search_label.setObjectName("search_label")
        toolbar.addWidget(self._search_label)

        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.open_external_action)

    def _build_body(self) -> None:
        self._stack = QStackedWidget(self)

        # Loading page.
        loading = QWidget(self._stack)
        self._loading_label = QLabel(self.tr("Downloading the report…"), loading)
        self._loading_label.setObjectName("loading_label")
        self._progress_bar = QProgressBar(loading)
        self._progress_bar.setObjectName("progress_bar")
        self._progress_bar.setRange(0, 0)
        self._progress_bar.setMaximumWidth(420)
        loading_layout = QVBoxLayout(loading)
        loading_layout.addStretch(1)
        loading_layout.addWidget(self._loading_label, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addWidget(self._progress_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addStretch(2)
        self._loading_page = loading

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
        self._pdf_tab = self._tabs.addTab(self._pdf, self.tr("PDF"))
        self._text_tab = self._tabs.addTab(self._text_view, self.tr("Text"))

        # Error page: what happened, what to do, and a way on.
        error = QWidget(self._stack)
        self._error_title = QLabel(error)
        self._error_title.setObjectName("error_title")
        title_font = self._error_title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self._error_title.setFont(title_font)
        self._error_title.setWordWrap(True)
        self._error_advice = QLabel(error)
        self._error_advice.setObjectName("error_advice")
        self._error_advice.setWordWrap(True)
        self._error_advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._retry_button = QPushButton(self.tr("&Retry"), error)
        self._retry_button.setObjectName("retry_button")
        self._retry_button.clicked.connect(self._on_retry_clicked)
        self._error_open_button = QToolButton(error)
        self._error_open_button.setDefaultAction(self.open_external_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self._retry_button)
        buttons.addWidget(self._error_open_button)
        buttons.addStretch(1)
        message = QVBoxLayout()
        message.addWidget(self._error_title)
        message.addWidget(self._error_advice)
        message.addLayout(buttons)
        # A readable column in the middle of the window, not a line across it.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(message, 3)
        row.addStretch(1)
        error_layout = QVBoxLayout(error)
        error_layout.addStretch(1)
        error_layout.addLayout(row)
        error_layout.addStretch(2)
        self._error_page = error

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
        self._show_header(report, kit_id, sample_id, replaces)
        self._start_download()

    def report(self) -> models.Report | None:
        return self._report

    def pdf_pane(self) -> PdfPane:
        return self._pdf

    # --- header ------------------------------------------------------------------------------

    def _show_header(
        self,
        report: models.Report,
        kit_id: str,
        sample_id: str,
        replaces: models.Report | None,
    ) -> None:
        report_id = report.report_id or self.tr("(no id)")
        self._title_label.setText(self.tr("Report %1").replace("%1", report_id))
        self.setWindowTitle(
            self.tr("Report %1 — kit %2").replace("%1", report_id).replace("%2", kit_id)
        )
        self._amended_badge.setVisible(report.is_amendment is True)
        parts = [
            self.tr("Kit %1").replace("%1", kit_id or "—"),
            self.tr("Sample %1").replace("%1", sample_id or "—"),
        ]
        collected = format_when(report.date_collected)
        received = format_when(report.date_received)
        if collected:
            parts.append(self.tr("Collected %1").replace("%1", collected))
        if received:
            parts.append(self.tr("Received by lab %1").replace("%1", received))
        self._details_label.setText("  ·  ".join(parts))
        if replaces is not None:
            when = format_when(replaces.date_received) or format_when(replaces.date_collected)
            old_id = replaces.report_id or self.tr("(no id)")
            text = (
                self.tr("Replaces report %1 from %2").replace("%1", old_id).replace("%2", when)
                if when
                else self.tr("Replaces report %1").replace("%1", old_id)
            )
            self._replaces_label.setText(text)
            self._replaces_label.setVisible(True)
        else:
            self._replaces_label.clear()
            self._replaces_label.setVisible(False)

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
        self._search_edit.blockSignals(True)
        self._search_edit.clear()
        self._search_edit.blockSignals(False)
        self._search_label.clear()
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
        self._progress_bar.setRange(0, 0)
        self._stack.setCurrentWidget(self._blank_page)
        self._loading_timer.start()
        self._update_actions()
        if report.pdf:
            self._runner.run(
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
        self._runner.run(
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
            # Percent keeps the range inside a C int for any file size.
            self._progress_bar.setRange(0, 100)
            self._progress_bar.setValue(min(100, received * 100 // total))
            self._progress_bar.setFormat(
                self.tr("%1 of %2 KB")
                .replace("%1", str(received // 1024))
                .replace("%2", str(total // 1024))
            )
        else:
            self._progress_bar.setRange(0, 0)

    @Slot()
    def _on_loading_timer_timeout(self) -> None:
        if self._loading:
            self._stack.setCurrentWidget(self._loading_page)

    def _on_pdf_fetched(self, generation: int, fetched: _Fetched) -> None:
        if not self._alive() or generation != self._generation:
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
        if not self._alive() or generation != self._generation:
            return
        self._loading = False
        self._loading_timer.stop()
        error = describe_error(exc)
        log.info("report download failed: %s", error.debug)
        self._show_error(error, retry=error.transient)

    def _on_text_fetched(self, generation: int, fetched: tuple[Path, str]) -> None:
        if not self._alive() or generation != self._generation:
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
        if not self._alive() or generation != self._generation:
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
        self._error_title.setText(error.title)
        self._error_advice.setText(error.advice)
        self._retry_button.setVisible(retry)
        self._error_open_button.setVisible(self._pdf_path is not None)
        self._stack.setCurrentWidget(self._error_page)
        self._update_actions()
        if retry:
            self._retry_button.setFocus()

    @Slot()
    def _on_retry_clicked(self) -> None:
        self._start_download()

    def error(self) -> ServiceError | None:
        """The failure on show, if any (for the main window's status and for tests)."""
        return self._error

    # --- seen --------------------------------------------------------------------------------

    def _mark_seen(self) -> None:
        report = self._report
        if report is None or not report.report_id:
            return
        report_id = report.report_id
        self._runner.run(
            self._seen.mark_seen,
            self._kit_id,
            report_id,
            on_success=partial(self._on_marked_seen, report_id),
            on_error=partial(self._on_mark_seen_failed, report_id),
        )

    def _on_marked_seen(self, report_id: str, _result: object) -> None:
        if self._alive():
            self.report_opened.emit(report_id)

    def _on_mark_seen_failed(self, report_id: str, exc: BaseException) -> None:
        # Not worth interrupting the reading: the report stays "not yet opened" in the list.
        log.warning("could not record the report as seen: %s", describe_error(exc).debug)
        if self._alive():
            self.report_opened.emit(report_id)

    def _alive(self) -> bool:
        """False once Qt deleted the window (a download or a save may outlive it)."""
        return shiboken6.isValid(self)

    # --- state of the controls ---------------------------------------------------------------

    def _showing_pdf(self) -> bool:
        return (
            self._stack.currentWidget() is self._tabs
            and self._tabs.currentIndex() == self._pdf_tab
            and self._pdf.is_loaded()
        )

    def _current_file(self) -> Path | None:
        """The file behind what is on screen: the text tab means the TXT file."""
        if self._stack.currentWidget() is self._tabs and self._tabs.currentIndex() == (
            self._text_tab
        ):
            return self._txt_path
        return self._pdf_path or self._txt_path

    def _update_actions(self) -> None:
        pdf = self._showing_pdf()
        for action in (
            self.previous_page_action,
            self.next_page_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.actual_size_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
        ):
            action.setEnabled(pdf)
        for widget in (self._page_spin, self._zoom_combo, self._search_edit):
            widget.setEnabled(pdf)
        printable = pdf or (
            self._stack.currentWidget() is self._tabs
            and self._tabs.currentIndex() == self._text_tab
            and self._txt_path is not None
        )
        self.print_action.setEnabled(printable)
        has_file = self._current_file() is not None
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

    @Slot(int, int)
    def _on_pdf_page_changed(self, page: int, count: int) -> None:
        self._page_spin.blockSignals(True)
        self._page_spin.setMaximum(max(1, count))
        self._page_spin.setValue(page + 1)
        self._page_spin.blockSignals(False)
        self._page_label.setText(self.tr("of %1").replace("%1", str(count)) if count else "")
        self._update_actions()

    def page_text(self) -> str:
        """What the page indicator says, e.g. "Page 1 of 3"."""
        return (
            self.tr("Page %1 of %2")
            .replace("%1", str(self._page_spin.value()))
            .replace("%2", str(self._pdf.page_count()))
        )

    @Slot(int)
    def _on_page_spin_value_changed(self, value: int) -> None:
        self._pdf.go_to_page(value - 1)

    @Slot()
    def _pdf_previous_page(self) -> None:
        self._pdf.previous_page()

    @Slot()
    def _pdf_next_page(self) -> None:
        self._pdf.next_page()

    @Slot()
    def _pdf_zoom_in(self) -> None:
        self._pdf.zoom_in()

    @Slot()
    def _pdf_zoom_out(self) -> None:
        self._pdf.zoom_out()

    @Slot()
    def _pdf_actual_size(self) -> None:
        self._pdf.set_zoom_factor(1.0)

    @Slot(int)
    def _on_zoom_combo_activated(self, index: int) -> None:
        data = self._zoom_combo.itemData(index)
        if isinstance(data, ZoomMode):
            self._pdf.set_zoom_mode(data)
        elif isinstance(data, int):
            self._pdf.set_zoom_factor(data / 100)

    @Slot()
    def _on_zoom_text_entered(self) -> None:
        text = self._zoom_combo.currentText().strip().rstrip("%").strip()
        try:
            percent = float(text.replace(",", "."))
        except ValueError:
            self._on_pdf_zoom_changed()  # put the current zoom back in the box
            return
        self._pdf.set_zoom_factor(percent / 100)

    @Slot()
    def _on_pdf_zoom_changed(self) -> None:
        self._zoom_combo.setEditText(self.zoom_text())

    def zoom_text(self) -> str:
        """The zoom as shown: "Fit width", "Fit page" or a percentage."""
        mode = self._pdf.zoom_mode()
        if mode is ZoomMode.FIT_WIDTH:
            return self.tr("Fit width")
        if mode is ZoomMode.FIT_PAGE:
            return self.tr("Fit page")
        percent = round(self._pdf.effective_zoom() * 100)
        return self.tr("%1%").replace("%1", str(percent))

    @Slot()
    def _on_find_triggered(self) -> None:
        self._search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search_edit.selectAll()

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self._pdf.search(text.strip())

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self._pdf.next_result()

    @Slot()
    def _pdf_next_result(self) -> None:
        self._pdf.next_result()

    @Slot()
    def _pdf_previous_result(self) -> None:
        self._pdf.previous_result()

    @Slot(int, int)
    def _on_pdf_search_changed(self, current: int, count: int) -> None:
        if not self._pdf.search_text():
            self._search_label.clear()
        elif count == 0:
            self._search_label.setText(
                self.tr("Searching…") if self._pdf.searching() else self.tr("No matches")
            )
        elif current < 0:
            self._search_label.setText(
                self.tr("1 match")
                if count == 1
                else self.tr("%1 matches").replace("%1", str(count))
            )
        else:
            self._search_label.setText(
                self.tr("%1 of %2").replace("%1", str(current + 1)).replace("%2", str(count))
            )

    def search_status(self) -> str:
        return self._search_label.text()

    # --- print, save, open externally --------------------------------------------------------

    @Slot()
    def _on_print_triggered(self) -> None:
        if not self.print_action.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        report = self._report
        if report is not None and report.report_id:
            printer.setDocName(self.tr("Spot report %1").replace("%1", report.report_id))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print report"))
        if self._showing_pdf():
            dialog.setMinMax(1, self._pdf.page_count())
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        # Window-modal and shown, like QDialog.open(): never a nested exec() loop.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter) -> int:
        """Print what is on screen (the PDF pages, or the text); returns pages sent."""
        if not self._showing_pdf():
            self._text_view.print_(printer)
            self._status_label.setText(self.tr("Sent the text report to the printer."))
            return 1
        count = self._pdf.page_count()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(count, printer.toPage()) - 1
        painter = QPainter()
        if not painter.begin(printer):
            self._status_label.setText(self.tr("The printer couldn't be started. Check it is on."))
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
        self._status_label.setText(
            self.tr("Sent 1 page to the printer.")
            if sent == 1
            else self.tr("Sent %1 pages to the printer.").replace("%1", str(sent))
        )
        return sent

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        target = painter.viewport()
        points = self._pdf.document.pagePointSize(page)
        if points.isEmpty():
            return
        scale = min(target.width() / points.width(), target.height() / points.height())
        width, height = int(points.width() * scale), int(points.height() * scale)
        # Render no finer than the cap; the painter scales the image up to the page.
        dpi = min(printer.resolution(), _MAX_PRINT_DPI)
        factor = dpi / printer.resolution()
        image = self._pdf.render_page(
            page, QSize(max(1, int(width * factor)), max(1, int(height * factor)))
        )
        left = target.x() + (target.width() - width) // 2
        painter.drawImage(QRect(left, target.y(), width, height), image)

    @Slot()
    def _on_save_triggered(self) -> None:
        source = self._current_file()
        if source is None:
            return
        report = self._report
        stem = f"spot-report-{report.report_id}" if report and report.report_id else "spot-report"
        is_text = source == self._txt_path and source != self._pdf_path
        suffix = ".txt" if is_text else ".pdf"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        file_filter = self.tr("Text files (*.txt)") if is_text else self.tr("PDF files (*.pdf)")
        chosen, _selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy of the report"),
            str(Path(folder) / f"{stem}{suffix}"),
            file_filter,
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(suffix)
        self._runner.run(
            _copy_file,
            source,
            target,
            on_success=self._on_saved,
            on_error=self._on_save_failed,
        )

    def _on_saved(self, target: Path) -> None:
        if not self._alive():
            return
        self._status_label.setText(self.tr("Saved a copy to %1").replace("%1", str(target)))

    def _on_save_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        error = describe_error(exc)
        self._status_label.setText(
            self.tr("Couldn't save the copy: %1 %2")
            .replace("%1", error.title)
            .replace("%2", error.advice)
        )

    @Slot()
    def _on_open_external_triggered(self) -> None:
        path = self._current_file()
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._status_label.setText(
                self.tr("No program on this computer opens this file. Use Save as… instead.")
            )

    def status_text(self) -> str:
        return self._status_label.text()
