"""File → Import orders…: map the columns, preview every row's problems, send at a steady pace.

Three steps in one window. Reading and checking the file, creating the batch and reading its
progress run on the task runner; the batch itself is handed to the outbox by a worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.acting import ActingStaff, record_export, record_import
from app.services.import_batch import (
    BatchOutbox,
    BatchProgress,
    BatchRunner,
    BatchSender,
    BatchStore,
)
from app.services.import_mapping import FIELDS, MappingMemory
from app.services.order_import import (
    ImportCheck,
    ImportRow,
    export_problem_rows,
    prepared_rows,
)
from app.services.order_rules import OrderRow
from app.services.spreadsheets import Table, read_table
from app.tasks import OwnedTasks, Runner
from app.views.outreach.preview_model import (
    ImportRowsModel,
    collect_before_showing,
    field_label,
)

__all__ = ["ImportDialog", "ImportServices"]

PROGRESS_POLL_MS = 500


@dataclass
class ImportServices:
    """What the import needs from the signed-in session (given by the main window)."""

    outbox: BatchOutbox
    batches: BatchStore
    batch_runner: BatchRunner
    memory: MappingMemory
    synced_rows: Any  # () -> list[OrderRow]
    kit_catalog: Mapping[str, str]
    staff: ActingStaff  # who imports: stamped into each order, the import audited
    rate: float
    label: str  # the environment, for "Order N kits through …"


class ImportDialog(QDialog):
    """One import, from the chosen file to the last order handed to the outbox."""

    def __init__(self, path: Path, services: ImportServices, runner: Runner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import orders – {file}").format(file=path.name))
        self.setObjectName("importDialog")
        self._path = path
        self._services = services
        self._tasks = OwnedTasks(runner, self)
        self._table: Table | None = None
        self.check: ImportCheck | None = None
        self._sender: BatchSender | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_POLL_MS)
        self._progress_timer.timeout.connect(self._poll_progress)
        self.pages = QStackedWidget(self)
        self.status_label = QLabel(self.tr("Reading {file}…").format(file=path.name), self)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("importStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pages, 1)
        self._build_mapping_page()
        self._build_preview_page()
        self._build_send_page()
        self._tasks.run(read_table, path, on_success=self._on_read, on_error=self._on_failed)

    # --- step 1: mapping --------------------------------------------------------------------

    def _build_mapping_page(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr(
            "Check which column holds what. Columns set to “Not used” are ignored."), page))
        self.mapping_table = QTableWidget(0, 3, page)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Use as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        layout.addWidget(self.mapping_table, 1)
        kit_line = QHBoxLayout()
        kit_label = QLabel(self.tr("&Kit type for rows without one:"), page)
        self.kit_combo = QComboBox(page)
        self.kit_combo.setObjectName("kitTypeCombo")
        self.kit_combo.addItem(self.tr("Choose…"), "")
        for code, name in sorted(self._services.kit_catalog.items(), key=lambda kv: kv[1]):
            self.kit_combo.addItem(name, code)
        kit_label.setBuddy(self.kit_combo)
        kit_line.addWidget(kit_label)
        kit_line.addWidget(self.kit_combo, 1)
        layout.addLayout(kit_line)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = QPushButton(self.tr("&Check all rows"), page)
        self.check_button.setObjectName("checkButton")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self._check_rows)
        buttons.addWidget(self.check_button)
        layout.addLayout(buttons)
        self.pages.addWidget(page)

    def _on_read(self, table: Table) -> None:
        self._table = table
        mapping = self._services.memory.mapping_for(table.headers)
        self.mapping_table.setRowCount(len(table.headers))
        first = table.rows[0].cells if table.rows else ()
        for index, header in enumerate(table.headers):
            self.mapping_table.setItem(index, 0, QTableWidgetItem(header))
            sample = first[index] if index < len(first) else ""
            self.mapping_table.setItem(index, 1, QTableWidgetItem(str(sample)))
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("Not used"), "")
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(index, ""))))
            self.mapping_table.setCellWidget(index, 2, combo)
        for row in range(self.mapping_table.rowCount()):
            for column in (0, 1):
                item = self.mapping_table.item(row, column)
                if item is not None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.status_label.setText(self.tr("{rows} rows in {file}. Step 1 of 3: columns.")
                                  .format(rows=len(table.rows), file=self._path.name))

    def chosen_mapping(self) -> dict[int, str]:
        mapping: dict[int, str] = {}
        for index in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(index, 2)
            if isinstance(combo, QComboBox) and combo.currentData():
                mapping[index] = str(combo.currentData())
        return mapping

    def _check_rows(self) -> None:
        table = self._table
        if table is None:
            return
        mapping = self.chosen_mapping()
        self.check_button.setEnabled(False)
        self.status_label.setText(self.tr("Checking {rows} rows…").format(rows=len(table.rows)))
        kit_type = str(self.kit_combo.currentData() or "")
        services = self._services

        def work() -> ImportCheck:
            services.memory.remember(table.headers, mapping)
            synced: list[OrderRow] = services.synced_rows()
            return ImportCheck(table, mapping, kit_type=kit_type, catalog=services.kit_catalog,
                               synced=synced)  # fmt: skip

        self._tasks.run(work, on_success=self._on_checked, on_error=self._on_failed)

    # --- step 2: preview --------------------------------------------------------------------

    def _build_preview_page(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.filter_group = QButtonGroup(page)
        self.filter_buttons: dict[str, QRadioButton] = {}
        for status in ("", "invalid", "warning", "duplicate", "ready"):
            button = QRadioButton(page)
            button.setObjectName(f"filter_{status or 'all'}")
            self.filter_group.addButton(button)
            self.filter_buttons[status] = button
            button.toggled.connect(lambda on, s=status: self._filter(s) if on else None)
            filters.addWidget(button)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.preview = QTableView(page)
        self.preview.setObjectName("previewTable")
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed
                                     | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.preview, 1)
        actions = QHBoxLayout()
        self.accept_row_button = QPushButton(self.tr("&Accept for this row"), page)
        self.accept_row_button.setObjectName("acceptRowButton")
        self.accept_row_button.clicked.connect(lambda: self._accept(everywhere=False))
        self.accept_all_button = QPushButton(self.tr("Accept for &every row like it"), page)
        self.accept_all_button.setObjectName("acceptAllButton")
        self.accept_all_button.clicked.connect(lambda: self._accept(everywhere=True))
        self.export_button = QPushButton(self.tr("&Export rows with problems…"), page)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self._export)
        self.send_button = QPushButton(page)
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self._confirm_send)
        for action in (self.accept_row_button, self.accept_all_button, self.export_button):
            actions.addWidget(action)
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        layout.addLayout(actions)
        self.pages.addWidget(page)

    def _on_checked(self, check: ImportCheck) -> None:
        collect_before_showing()
        self.check = check
        self.model = ImportRowsModel(check, self)
        self.model.row_edited.connect(lambda _n: self._update_counts())
        self.preview.setModel(self.model)
        self.preview.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_accept_buttons())
        self.preview.resizeColumnsToContents()
        self.filter_buttons[""].setChecked(True)
        self._update_counts()
        self.pages.setCurrentIndex(1)

    def _filter(self, status: str) -> None:
        if self.check is not None:
            self.model.set_status_filter(status)
            self._update_accept_buttons()

    def _update_counts(self) -> None:
        check = self.check
        if check is None:
            return
        statuses: list[str] = [row.status for row in check.rows]
        labels = {"": self.tr("All ({n})"), "invalid": self.tr("Errors ({n})"),
                  "warning": self.tr("Warnings ({n})"),
                  "duplicate": self.tr("Duplicates ({n})"), "ready": self.tr("Ready ({n})")}
        for status, button in self.filter_buttons.items():
            count = len(statuses) if not status else statuses.count(status)
            button.setText(labels[status].format(n=count))
        ready = statuses.count("ready")
        self.send_button.setText(self.tr("&Send %n order(s)…", "", ready))
        self.send_button.setEnabled(ready > 0)
        self.export_button.setEnabled(ready < len(statuses))
        self.status_label.setText(self.tr(
            "Step 2 of 3: fix rows in place (double-click a cell), accept warnings, or export "
            "the rows with problems. Only ready rows are sent."))
        self._update_accept_buttons()

    def _selected_row(self) -> ImportRow | None:
        index = self.preview.currentIndex()
        if self.check is None or not index.isValid():
            return None
        return self.model.row_at(index.row())

    def _acceptable(self, row: ImportRow | None) -> str:
        """The first warning/duplicate on the row not yet accepted ("" when none)."""
        if row is None:
            return ""
        for finding in row.findings:
            if finding.kind != "error" and finding.kind_key not in row.accepted:
                return finding.kind_key
        return ""

    def _update_accept_buttons(self) -> None:
        key = self._acceptable(self._selected_row())
        self.accept_row_button.setEnabled(bool(key))
        self.accept_all_button.setEnabled(bool(key) and not key.startswith("duplicate:"))

    def _accept(self, *, everywhere: bool) -> None:
        row = self._selected_row()
        key = self._acceptable(row)
        if self.check is None or row is None or not key:
            return
        if everywhere:
            self.check.accept_everywhere(key)
        else:
            self.check.accept(row.number, key)
        self.model.refresh()
        self._update_counts()

    def _export(self) -> None:
        check = self.check
        if check is None:
            return
        suggested = str(self._path.with_name(f"{self._path.stem} - problems.csv"))
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export rows with problems"), suggested, self.tr("CSV files (*.csv)"))
        if not target:
            return
        problems = self.tr("Problems")
        row_header = self.tr("Row")
        staff = self._services.staff

        def export() -> int:
            written = export_problem_rows(check, Path(target), problems_header=problems,
                                          row_header=row_header)
            record_export(staff, "import_problem_rows")
            return written

        self._tasks.run(
            export,
            on_success=lambda n: self.status_label.setText(
                self.tr("{n} rows with problems written to {file}.").format(
                    n=n, file=Path(target).name)),
            on_error=self._on_failed, durable=True,
        )  # fmt: skip

    # --- step 3: sending --------------------------------------------------------------------

    def _build_send_page(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setObjectName("sendProgress")
        self.progress_label = QLabel(page)
        self.progress_label.setObjectName("sendProgressLabel")
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.pause_button = QPushButton(self.tr("&Pause"), page)
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.cancel_button = QPushButton(self.tr("&Cancel the rest"), page)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.clicked.connect(self.close)
        for button in (self.pause_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.pages.addWidget(page)

    def _confirm_send(self) -> None:
        check = self.check
        if check is None:
            return
        ready = check.sendable()
        left = len(check.rows) - len(ready)
        text = self.tr("Send %n order(s) through {where}?", "", len(ready)).format(
            where=self._services.label)
        if left:
            text += "\n" + self.tr("%n row(s) with problems will not be sent.", "", left)
        answer = QMessageBox.question(self, self.tr("Send orders"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.start_sending()

    def start_sending(self) -> None:
        check = self.check
        if check is None:
            return
        rows = prepared_rows(check.sendable())
        services = self._services
        source = self._path.name
        actor = services.staff.actor()
        if actor is None:  # the screen locked meanwhile
            self.status_label.setText(self.tr("Sign in first, then send."))
            return
        self.send_button.setEnabled(False)
        self.pages.setCurrentIndex(2)
        self.progress_bar.setRange(0, len(rows))
        self.status_label.setText(self.tr(
            "Step 3 of 3: sending, at most {rate:g} orders a second. You can close this "
            "window: the orders keep going, and a closed app resumes them at the next start.")
            .format(rate=services.rate))  # fmt: skip

        def create() -> BatchSender:
            batch_id = services.batches.create(rows, staff=actor.initials, source=source,
                                               rate=services.rate, staff_id=actor.staff_id)
            record_import(services.staff, batch_id, actor)
            return BatchSender(services.batches, services.outbox, batch_id)

        self._tasks.run(create, on_success=self._run_sender, on_error=self._on_failed, durable=True)

    def _run_sender(self, sender: BatchSender) -> None:
        self._sender = sender
        self.pause_button.setText(self.tr("&Pause"))
        # The session's batch thread, not the task pool: the batch outlives this window, and
        # a closing app stops it where it is (the next start resumes it).
        self._services.batch_runner.add(sender)
        self._progress_timer.start()

    def _poll_progress(self) -> None:
        sender = self._sender
        if sender is not None:
            self._tasks.run(sender.progress, on_success=self.show_progress, key="importProgress")

    def show_progress(self, progress: BatchProgress) -> None:
        done = progress.sent + progress.attention + progress.canceled
        self.progress_bar.setValue(done)
        text = self.tr("Sent {sent} · waiting {waiting} · needing attention {attention}").format(
            sent=progress.sent, waiting=progress.waiting, attention=progress.attention)
        if progress.canceled:
            text += "\n" + self.tr("Canceled: {n} orders were not sent.").format(
                n=progress.canceled)
        if progress.state == "paused":
            text += "\n" + self.tr("Paused.")
        if progress.attention:
            text += "\n" + self.tr(
                "Orders needing attention wait in the outbox (counted in the status bar).")
        self.progress_label.setText(text)
        finished = progress.finished
        self.pause_button.setEnabled(not finished and progress.state != "canceled")
        self.cancel_button.setEnabled(not finished and progress.state != "canceled")
        if finished:
            self._progress_timer.stop()

    def _pause_or_resume(self) -> None:
        sender = self._sender
        if sender is None:
            return
        if self.pause_button.text() == self.tr("&Pause"):
            sender.pause()
            self.pause_button.setText(self.tr("&Resume"))
        else:
            fresh = BatchSender(self._services.batches, self._services.outbox, sender.batch_id)
            self._run_sender(fresh)

    def _cancel(self) -> None:
        sender = self._sender
        if sender is None:
            return
        if self.pause_button.text() != self.tr("&Pause"):
            # Paused: no sender is running, so cancel through a fresh one that stops at once.
            sender = BatchSender(self._services.batches, self._services.outbox, sender.batch_id)
            sender.cancel()
            self._run_sender(sender)
        else:
            sender.cancel()

    # --- errors and closing -----------------------------------------------------------------

    def _on_failed(self, exc: BaseException) -> None:
        from app.services.errors import describe_error

        error = describe_error(exc)
        self.check_button.setEnabled(True)
        self.status_label.setText(f"{error.title}. {error.advice}")

    def done(self, result: int) -> None:
        self._progress_timer.stop()
        self._tasks.cancel_all()
        super().done(result)
