"""The Audit window (administrators): who did what, filtered, and a CSV for the privacy officer.

Reading and checking the trail happen off the GUI thread. The table shows what the trail
holds: ids and actions, and the note staff may add to a result sign-off (issue 18).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.marks import QT_TRANSLATE_NOOP
from app.services.audit import (
    AuditAction,
    AuditQuery,
    AuditRecord,
    ObjectKind,
    VerifyResult,
    export_csv,
)
from app.services.errors import describe_error
from app.services.staff import Permission
from app.services.workstation import Workstation
from app.tasks import OwnedTasks, Runner
from app.views.common.documents import in_documents

__all__ = ["ACTION_NAMES", "AuditTableModel", "AuditWindow", "action_name"]

ACTION_NAMES: dict[str, str] = {
    AuditAction.TRAIL_STARTED: QT_TRANSLATE_NOOP("AuditActions", "Audit trail started"),
    AuditAction.RETENTION_PRUNED: QT_TRANSLATE_NOOP("AuditActions", "Old records removed"),
    AuditAction.SIGN_IN: QT_TRANSLATE_NOOP("AuditActions", "Signed in"),
    AuditAction.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("AuditActions", "Wrong PIN"),
    AuditAction.SIGN_IN_WAIT: QT_TRANSLATE_NOOP("AuditActions", "Too many wrong PINs"),
    AuditAction.SIGN_OUT: QT_TRANSLATE_NOOP("AuditActions", "Signed out"),
    AuditAction.LOCK: QT_TRANSLATE_NOOP("AuditActions", "Locked"),
    AuditAction.UNLOCK: QT_TRANSLATE_NOOP("AuditActions", "Unlocked"),
    AuditAction.ORDER_PLACED: QT_TRANSLATE_NOOP("AuditActions", "Order placed"),
    AuditAction.ORDER_QUEUED: QT_TRANSLATE_NOOP("AuditActions", "Order queued"),
    AuditAction.ORDER_DISCARDED: QT_TRANSLATE_NOOP("AuditActions", "Queued order discarded"),
    AuditAction.REPORT_VIEWED: QT_TRANSLATE_NOOP("AuditActions", "Report viewed"),
    AuditAction.REPORT_PRINTED: QT_TRANSLATE_NOOP("AuditActions", "Report printed"),
    AuditAction.REPORT_SAVED: QT_TRANSLATE_NOOP("AuditActions", "Report saved"),
    AuditAction.REPORT_EXPORTED: QT_TRANSLATE_NOOP("AuditActions", "Report exported"),
    AuditAction.KIT_REGISTERED: QT_TRANSLATE_NOOP("AuditActions", "Kit registered"),
    AuditAction.REGISTRATION_TOKEN_CREATED: QT_TRANSLATE_NOOP(
        "AuditActions", "Registration token created"),
    AuditAction.METADATA_EDITED: QT_TRANSLATE_NOOP("AuditActions", "Metadata edited"),
    AuditAction.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("AuditActions", "Settings changed"),
    AuditAction.TOKEN_CHANGED: QT_TRANSLATE_NOOP("AuditActions", "Spot token changed"),
    AuditAction.SPOT_SIGNED_OUT: QT_TRANSLATE_NOOP("AuditActions", "Signed out of Spot"),
    AuditAction.ACCOUNT_SWITCHED: QT_TRANSLATE_NOOP("AuditActions", "Spot account switched"),
    AuditAction.IMPORT: QT_TRANSLATE_NOOP("AuditActions", "Import"),
    AuditAction.CONTACT_ATTEMPT: QT_TRANSLATE_NOOP("AuditActions", "Contact attempt"),
    AuditAction.LIST_EXPORTED: QT_TRANSLATE_NOOP("AuditActions", "Patient list exported"),
    AuditAction.RESULT_SIGNED_OFF: QT_TRANSLATE_NOOP("AuditActions", "Result signed off"),
    AuditAction.RESULT_FOR_CLINICIAN: QT_TRANSLATE_NOOP("AuditActions",
                                                        "Result marked for a clinician"),
    AuditAction.BULK_SIGN_OFF: QT_TRANSLATE_NOOP("AuditActions", "Backlog signed off"),
    AuditAction.PRINT: QT_TRANSLATE_NOOP("AuditActions", "Printed"),
    AuditAction.PROFILE_CREATED: QT_TRANSLATE_NOOP("AuditActions", "Staff profile added"),
    AuditAction.PROFILE_CHANGED: QT_TRANSLATE_NOOP("AuditActions", "Staff profile changed"),
    AuditAction.PROFILE_REMOVED: QT_TRANSLATE_NOOP("AuditActions", "Staff profile removed"),
    AuditAction.PIN_RESET: QT_TRANSLATE_NOOP("AuditActions", "PIN reset"),
    AuditAction.AUDIT_EXPORTED: QT_TRANSLATE_NOOP("AuditActions", "Audit trail exported"),
}


DETAIL_NAMES: dict[str, str] = {
    "idle": QT_TRANSLATE_NOOP("AuditDetails", "idle time"),
    "shortcut": QT_TRANSLATE_NOOP("AuditDetails", "Ctrl+L"),
    "os_session": QT_TRANSLATE_NOOP("AuditDetails", "computer locked"),
    "start": QT_TRANSLATE_NOOP("AuditDetails", "start"),
    "sign_out": QT_TRANSLATE_NOOP("AuditDetails", "sign-out"),
    "quit": QT_TRANSLATE_NOOP("AuditDetails", "quit"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditDetails", "idle-lock minutes"),
    "audit_retention_years": QT_TRANSLATE_NOOP("AuditDetails", "audit retention"),
    "environment": QT_TRANSLATE_NOOP("AuditDetails", "environment"),
    "language": QT_TRANSLATE_NOOP("AuditDetails", "language"),
    "custom_server": QT_TRANSLATE_NOOP("AuditDetails", "custom server"),
    "role": QT_TRANSLATE_NOOP("AuditDetails", "role"),
    "settings_window": QT_TRANSLATE_NOOP("AuditDetails", "Settings window"),
    "pdf": QT_TRANSLATE_NOOP("AuditDetails", "PDF"),
    "txt": QT_TRANSLATE_NOOP("AuditDetails", "text"),
    "csv": QT_TRANSLATE_NOOP("AuditDetails", "CSV"),
    "printer": QT_TRANSLATE_NOOP("AuditDetails", "printer"),
    "clipboard": QT_TRANSLATE_NOOP("AuditDetails", "clipboard"),
    "queued": QT_TRANSLATE_NOOP("AuditDetails", "queued"),
    "sent": QT_TRANSLATE_NOOP("AuditDetails", "sent"),
    "same_person": QT_TRANSLATE_NOOP("AuditDetails", "same person"),
    "different_person": QT_TRANSLATE_NOOP("AuditDetails", "someone else"),
    "new_key": QT_TRANSLATE_NOOP("AuditDetails", "same account, new key"),
    "handout": QT_TRANSLATE_NOOP("AuditDetails", "patient handout"),
    "kit_label": QT_TRANSLATE_NOOP("AuditDetails", "kit label"),
    "order_label": QT_TRANSLATE_NOOP("AuditDetails", "order label"),
    "requisition_label": QT_TRANSLATE_NOOP("AuditDetails", "requisition label"),
    "test_label": QT_TRANSLATE_NOOP("AuditDetails", "printer test label"),
    "worklist_csv": QT_TRANSLATE_NOOP("AuditDetails", "unreturned-kits worklist (CSV)"),
    "reminder_letters": QT_TRANSLATE_NOOP("AuditDetails", "reminder letters (PDF)"),
    "import_problem_rows": QT_TRANSLATE_NOOP("AuditDetails", "import rows with problems (CSV)"),
    "called": QT_TRANSLATE_NOOP("AuditDetails", "called"),
    "left_message": QT_TRANSLATE_NOOP("AuditDetails", "left message"),
    "letter_sent": QT_TRANSLATE_NOOP("AuditDetails", "letter sent"),
    "email_sent": QT_TRANSLATE_NOOP("AuditDetails", "email sent"),
    "declined": QT_TRANSLATE_NOOP("AuditDetails", "patient declined"),
    "closed": QT_TRANSLATE_NOOP("AuditDetails", "closed"),
    "other": QT_TRANSLATE_NOOP("AuditDetails", "other"),
    "bulk": QT_TRANSLATE_NOOP("AuditDetails", "backlog sign-off"),
}

KIND_NAMES: dict[str, str] = {
    ObjectKind.ORDER: QT_TRANSLATE_NOOP("AuditDetails", "order"),
    ObjectKind.KIT: QT_TRANSLATE_NOOP("AuditDetails", "kit"),
    ObjectKind.SAMPLE: QT_TRANSLATE_NOOP("AuditDetails", "sample"),
    ObjectKind.REPORT: QT_TRANSLATE_NOOP("AuditDetails", "report"),
    ObjectKind.OUTBOX_ITEM: QT_TRANSLATE_NOOP("AuditDetails", "outbox item"),
    ObjectKind.PATIENT: QT_TRANSLATE_NOOP("AuditDetails", "patient"),
    ObjectKind.REQUISITION: QT_TRANSLATE_NOOP("AuditDetails", "requisition"),
    ObjectKind.BATCH: QT_TRANSLATE_NOOP("AuditDetails", "batch"),
    ObjectKind.STAFF: QT_TRANSLATE_NOOP("AuditDetails", "staff"),
    ObjectKind.ACCOUNT: QT_TRANSLATE_NOOP("AuditDetails", "Spot account"),
}


def _word(names: dict[str, str], word: str) -> str:
    text = names.get(word)
    return QCoreApplication.translate("AuditDetails", text) if text else word


def action_name(action: str) -> str:
    """The action in the UI language; an action a newer version wrote is shown as-is."""
    text = ACTION_NAMES.get(action)
    return QCoreApplication.translate("AuditActions", text) if text else action


COL_TIME, COL_STAFF, COL_WORKSTATION, COL_ACTION, COL_ORDER, COL_KIT, COL_REPORT, COL_OTHER, \
    COL_DETAIL, COL_NOTE = range(10)
_HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "Time (UTC)"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Staff"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Workstation"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Order"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Kit"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Report"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Other IDs"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Detail"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Note"),
)
_MAIN_KINDS = {ObjectKind.ORDER.value, ObjectKind.KIT.value, ObjectKind.REPORT.value}

_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """Records newest first; staff shown by name (with the id) when the profile still exists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[AuditRecord] = []
        self._names: dict[str, str] = {}

    def set_records(self, records: list[AuditRecord], names: dict[str, str]) -> None:
        self.beginResetModel()
        self._records = sorted(records, key=lambda r: r.seq, reverse=True)
        self._names = dict(names)
        self.endResetModel()

    def record_at(self, row: int) -> AuditRecord:
        return self._records[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditTableModel", _HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        ):
            return None
        record = self._records[index.row()]
        column = index.column()
        if column == COL_TIME:
            return record.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == COL_STAFF:
            name = self._names.get(record.staff_id)
            return f"{name} ({record.staff_id})" if name else record.staff_id
        if column == COL_WORKSTATION:
            return record.workstation
        if column == COL_ACTION:
            return action_name(record.action)
        if column == COL_ORDER:
            return record.object_id(ObjectKind.ORDER)
        if column == COL_KIT:
            return record.object_id(ObjectKind.KIT)
        if column == COL_REPORT:
            return record.object_id(ObjectKind.REPORT)
        if column == COL_OTHER:
            return ", ".join(f"{_word(KIND_NAMES, k)}: {v}" for k, v in sorted(record.ids.items())
                             if k not in _MAIN_KINDS)
        if column == COL_DETAIL:
            return _word(DETAIL_NAMES, record.detail) if record.detail else ""
        if column == COL_NOTE:
            return record.note  # a sign-off's note: the only free text the trail holds
        return None


@dataclass(frozen=True)
class _Loaded:
    records: list[AuditRecord]
    names: dict[str, str]
    check: VerifyResult | None


class AuditWindow(QWidget):
    """Filters (staff, action, dates, order/kit/report id), the records, the chain check,
    and Export CSV. ``loaded`` fires each time the table shows a fresh query."""

    loaded = Signal()
    exported = Signal(str)

    def __init__(
        self, workstation: Workstation, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditWindow")
        self.setWindowTitle(self.tr("Audit trail — {app}").format(app=APP_NAME))
        self.setWindowFlag(Qt.WindowType.Window)
        self._workstation = workstation
        self._check: VerifyResult | None = None  # the chain, checked when the window opens
        self._tasks = OwnedTasks(runner, self)  # late answers never reach a dead window

        self.staff_combo = QComboBox()
        self.staff_combo.setAccessibleName(self.tr("Staff"))
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("Any action"), "")
        for action in AuditAction:
            self.action_combo.addItem(action_name(action), action.value)
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("&From:"))
        self.since_edit = QDateEdit(today.addDays(-30))
        self.until_check = QCheckBox(self.tr("&To:"))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.object_edit = QLineEdit()
        self.object_edit.setObjectName("auditObjectId")
        self.object_edit.setPlaceholderText(self.tr("Order, kit or report ID"))
        self.object_edit.setAccessibleName(self.tr("Order, kit or report ID"))
        self.object_edit.setClearButtonEnabled(True)
        self.object_edit.returnPressed.connect(self.reload)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        for signal in (self.staff_combo.currentIndexChanged, self.action_combo.currentIndexChanged,
                       self.since_check.toggled, self.until_check.toggled,
                       self.since_edit.dateChanged, self.until_edit.dateChanged):
            signal.connect(self.reload)

        filters = QGridLayout()
        staff_label = QLabel(self.tr("St&aff:"))
        staff_label.setBuddy(self.staff_combo)
        action_label = QLabel(self.tr("A&ction:"))
        action_label.setBuddy(self.action_combo)
        id_label = QLabel(self.tr("&ID:"))
        id_label.setBuddy(self.object_edit)
        filters.addWidget(staff_label, 0, 0)
        filters.addWidget(self.staff_combo, 0, 1)
        filters.addWidget(action_label, 0, 2)
        filters.addWidget(self.action_combo, 0, 3)
        filters.addWidget(id_label, 0, 4)
        filters.addWidget(self.object_edit, 0, 5)
        filters.addWidget(self.since_check, 1, 0)
        filters.addWidget(self.since_edit, 1, 1)
        filters.addWidget(self.until_check, 1, 2)
        filters.addWidget(self.until_edit, 1, 3)
        filters.addWidget(self.search_button, 1, 5)
        filters.setColumnStretch(5, 1)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)

        self.status_label = QLabel()
        self.status_label.setObjectName("auditStatus")
        self.status_label.setWordWrap(True)
        self.chain_label = QLabel()
        self.chain_label.setObjectName("auditChain")
        self.chain_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._fill_staff()
        self.resize(self.fontMetrics().averageCharWidth() * 150,
                    self.fontMetrics().height() * 36)
        self.reload()

    # querying

    def query(self) -> AuditQuery:
        actions = self.action_combo.currentData()
        return AuditQuery(
            staff_id=self.staff_combo.currentData() or None,
            actions=frozenset({actions}) if actions else frozenset(),
            since=_date(self.since_edit.date()) if self.since_check.isChecked() else None,
            until=_date(self.until_edit.date()) if self.until_check.isChecked() else None,
            object_id=self.object_edit.text().strip() or None,
        )

    @Slot()
    def reload(self) -> None:
        if not self._workstation.allowed(Permission.VIEW_AUDIT):
            self.model.set_records([], {})
            self.status_label.setText(self.tr("Only an administrator can see the audit trail."))
            self.export_button.setEnabled(False)
            return
        query = self.query()
        workstation = self._workstation
        check_chain = self._check is None  # once per window: ~1 s per 20,000 records

        def load() -> _Loaded:
            return _Loaded(workstation.audit.query(query), workstation.directory.names(),
                           workstation.audit.verify() if check_chain else None)

        self.status_label.setText(self.tr("Loading…"))
        self._tasks.run(load, on_success=self._on_loaded, on_error=self._on_failed,
                         key="audit-query")

    def _on_loaded(self, result: object) -> None:
        assert isinstance(result, _Loaded)
        self.model.set_records(result.records, result.names)
        self.export_button.setEnabled(bool(result.records))
        self.status_label.setText(self.tr("%n record(s) shown.", "", len(result.records)))
        if result.check is not None:
            self._check = result.check
            self._show_check(result.check)
        self.loaded.emit()

    def _show_check(self, check: VerifyResult) -> None:
        if check.intact:
            self.chain_label.setText(
                self.tr("Chain intact: %n record(s), none changed or removed.", "", check.count))
            self.chain_label.setStyleSheet("")
        else:
            self.chain_label.setText(self.tr(
                "Chain BROKEN at record {n} of {count}: a record was changed or removed. "
                "Keep this computer as it is and tell your privacy officer."
            ).format(n=check.first_broken, count=check.count))
            self.chain_label.setStyleSheet("font-weight: bold;")

    def _on_failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        self.status_label.setText(f"{error.title}. {error.advice}")

    def _fill_staff(self) -> None:
        self.staff_combo.addItem(self.tr("Anyone"), "")
        for profile in self._workstation.directory.profiles():
            self.staff_combo.addItem(f"{profile.name} ({profile.initials})", profile.staff_id)

    # export

    @Slot()
    def _on_export_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Export audit trail"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.setDirectory(in_documents())
        dialog.selectFile(f"audit-{date.today().isoformat()}.csv")
        dialog.fileSelected.connect(self.export_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot(str)
    def export_to(self, path: str) -> None:
        """Write the records the table shows (the current filters) to ``path``."""
        query = self.query()
        workstation = self._workstation
        target = Path(path)

        def export() -> int:
            workstation.require(Permission.VIEW_AUDIT)
            count = export_csv(workstation.audit.query(query), target,
                               staff_names=workstation.directory.names())
            workstation.record(AuditAction.AUDIT_EXPORTED, detail="csv")
            return count

        self.status_label.setText(self.tr("Exporting…"))
        self._tasks.run(export, on_success=lambda count: self._on_exported(target, count),
                         on_error=self._on_failed, key="audit-export", durable=True)

    def _on_exported(self, target: Path, count: object) -> None:
        self.status_label.setText(self.tr("Exported %n record(s) to {file}.", "", int(
            count if isinstance(count, int) else 0)).format(file=target.name))
        self.exported.emit(str(target))


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
