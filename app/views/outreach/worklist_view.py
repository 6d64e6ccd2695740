"""The "Unreturned kits" tab: whom to chase, the contact log, reminder letters, CSV export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.acting import ActingStaff, record_export
from app.services.contact_log import OUTCOMES, ContactEntry, log_contact
from app.services.worklist import REASONS, WorklistItem, WorklistService, export_worklist
from app.tasks import OwnedTasks, Runner
from app.views.common.documents import in_documents
from app.views.common.formatting import local_time
from app.views.outreach.letters import Clinic, preview_letters, write_letters_pdf

__all__ = ["ContactDialog", "WorklistView"]

Index = QModelIndex | QPersistentModelIndex


def outcome_text(outcome: str) -> str:
    """A contact outcome in the UI language; one another client wrote, as it is."""
    label = OUTCOMES.get(outcome)
    return QCoreApplication.translate("Contact", label) if label else outcome


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[WorklistItem] = []
        self._headers = [self.tr("Patient"), self.tr("Phone"), self.tr("Kit"), self.tr("Why"),
                         self.tr("Days waiting"), self.tr("Last contact")]  # fmt: skip

    def set_items(self, items: list[WorklistItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def replace(self, kit_id: str, contacts: list[ContactEntry]) -> None:
        for row, item in enumerate(self.items):
            if item.kit_id == kit_id:
                if any(entry.closes for entry in contacts):
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self.items[row]
                    self.endRemoveRows()
                else:
                    self.items[row] = replace(item, contacts=tuple(contacts))
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 5))
                return

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.items[index.row()]
        last = item.last_contact
        if index.column() == 5 and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._contact_text(e) for e in item.contacts) or None
        values = (
            f"{item.first_name} {item.last_name}".strip(), item.phone, item.kit_id,
            QCoreApplication.translate("Worklist", REASONS[item.reason]), item.days_waiting,
            self._contact_text(last) if last else "",
        )  # fmt: skip
        return values[index.column()]

    def _contact_text(self, entry: ContactEntry) -> str:
        outcome = outcome_text(entry.outcome)
        when = local_time(entry.when).strftime("%Y-%m-%d") if entry.when else ""
        parts = [p for p in (when, outcome, entry.staff, entry.note) if p]
        return " · ".join(parts)


class ContactDialog(QDialog):
    """What happened when staff tried to reach the patient."""

    def __init__(self, item: WorklistItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a contact attempt"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(f"{item.first_name} {item.last_name} · {item.kit_id}", self))
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcomeCombo")
        for code in OUTCOMES:
            self.outcome.addItem(outcome_text(code), code)
        self.note = QLineEdit(self)
        self.note.setObjectName("noteEdit")
        layout.addRow(self.tr("&What happened:"), self.outcome)
        layout.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    @property
    def chosen(self) -> tuple[str, str]:
        return str(self.outcome.currentData()), self.note.text()


class WorklistView(QWidget):
    """The tab. ``client`` gives the signed-in API client (for the contact log)."""

    def __init__(
        self,
        service: WorklistService,
        rows: Callable[[], Any],
        client: Callable[[], Any],
        runner: Runner,
        *,
        staff: ActingStaff,
        clinic: Callable[[], Clinic],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._rows = rows
        self._client = client
        self._tasks = OwnedTasks(runner, self)
        self._staff = staff
        self._clinic = clinic
        self._now = now
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("&Reload"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.contact_button = QPushButton(self.tr("&Log contact…"), self)
        self.contact_button.setObjectName("logContactButton")
        self.contact_button.clicked.connect(self.log_contact)
        self.letters_button = QPushButton(self.tr("Reminder &letters…"), self)
        self.letters_button.clicked.connect(self.print_letters)
        self.letters_pdf_button = QPushButton(self.tr("Save letters as &PDF…"), self)
        self.letters_pdf_button.clicked.connect(self.save_letters)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.clicked.connect(self.export_csv)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("worklistStatus")
        for button in (self.refresh_button, self.contact_button, self.letters_button,
                       self.letters_pdf_button, self.export_button):  # fmt: skip
            top.addWidget(button)
        top.addWidget(self.status_label, 1)
        outer.addLayout(top)
        self.model = WorklistModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("worklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.log_contact())
        outer.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.status_label.setText(self.tr("Looking for kits that have not come back…"))
        rows = self._rows()
        self._tasks.run(self._service.build, rows, self._now(), on_success=self._show,
                        on_error=self._failed, key="worklist")  # fmt: skip

    def _show(self, items: list[WorklistItem]) -> None:
        self.model.set_items(items)
        self.table.resizeColumnsToContents()
        self.status_label.setText(self.tr("{n} kits to follow up").format(n=len(items)))

    def _failed(self, exc: BaseException) -> None:
        from app.services.errors import describe_error

        error = describe_error(exc)
        self.status_label.setText(f"{error.title}. {error.advice}")

    def selected(self) -> list[WorklistItem]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.items[row] for row in rows]

    def log_contact(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            self.status_label.setText(self.tr("Select one kit to log a contact attempt."))
            return
        item = chosen[0]
        dialog = ContactDialog(item, self)
        dialog.setObjectName("contactDialog")
        dialog.accepted.connect(lambda: self._save_contact(item, *dialog.chosen))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_contact(self, item: WorklistItem, outcome: str, note: str) -> None:
        client = self._client()
        staff = self._staff
        actor = staff.actor()
        if actor is None:  # locked meanwhile: whoever unlocks logs it under their name
            self.status_label.setText(self.tr("Sign in first: the contact attempt was not "
                                              "saved."))
            return
        self.status_label.setText(self.tr("Saving…"))
        now = self._now()
        self._tasks.run(
            lambda: log_contact(client, item.kit_id, item.order_id, outcome, note, staff,
                                actor, now=now),
            on_success=lambda log: self._contact_saved(item.kit_id, log),
            on_error=self._failed, durable=True,
        )  # fmt: skip

    def _contact_saved(self, kit_id: str, log: list[ContactEntry]) -> None:
        self.model.replace(kit_id, log)
        self.status_label.setText(self.tr("Contact attempt saved in Spot."))

    def _letters_for(self) -> list[WorklistItem]:
        chosen = self.selected()
        if not chosen:
            self.status_label.setText(self.tr("Select the patients to write to."))
        return chosen

    def print_letters(self) -> None:
        chosen = self._letters_for()
        if chosen:
            preview_letters(self, chosen, self._clinic())

    def save_letters(self) -> None:
        chosen = self._letters_for()
        if not chosen:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save letters as PDF"),
                                                in_documents("reminder-letters.pdf"),
                                                self.tr("PDF files (*.pdf)"))  # fmt: skip
        if target:
            # QPdfWriter paints with Qt's text engine: on the GUI thread, but it is quick.
            write_letters_pdf(Path(target), chosen, self._clinic())
            self.status_label.setText(self.tr("{n} letters saved.").format(n=len(chosen)))
            self._tasks.run(record_export, self._staff, "reminder_letters", durable=True)

    def export_csv(self) -> None:
        items = list(self.model.items)
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export the worklist"),
                                                in_documents("unreturned-kits.csv"),
                                                self.tr("CSV files (*.csv)"))  # fmt: skip
        if target:
            staff = self._staff

            def export() -> None:
                export_worklist(items, Path(target))
                record_export(staff, "worklist_csv")

            self._tasks.run(export,
                            on_success=lambda _r: self.status_label.setText(
                                self.tr("Worklist exported.")),
                            on_error=self._failed, durable=True)  # fmt: skip
