"""The Requisitions tab: filters, a paged list (Previous/Next — Spot gives no total), the
selected requisition's details, events timeline and reports, and "New requisition".

An account without requisitioning (403) sees what that means and whom to ask, not an error.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import ServiceError, describe_error
from app.services.printing.from_spot import labels_for_requisition
from app.services.requisitions import (
    PAGE_SIZE,
    RequisitionFilters,
    RequisitionPage,
    RequisitionsDisabled,
    get_requisition,
    list_page,
)
from app.services.session import Session
from app.tasks import OwnedTasks, Runner
from app.views.common.events import ReportRequest
from app.views.common.formatting import format_day
from app.views.common.labels import country_name, masked_dob
from app.views.common.patient_fields import OptionalDateEdit
from app.views.common.plain_text import PlainLabel, plain_tooltip
from app.views.common.timeline import KitTimeline, Step, build_steps
from app.views.requisitions.form import NewRequisitionDialog, turned_off_advice, turned_off_title
from app.views.theme import badge_colors

__all__ = [
    "REQUISITION_PATH",
    "RequisitionDetail",
    "RequisitionTableModel",
    "RequisitionsView",
    "requisition_steps",
]

REQUISITION_PATH: tuple[str, ...] = ("created", "approved", "delivered", "received", "resulted")
REQUISITION_STATUSES: tuple[str, ...] = (
    "created", "approved", "denied", "delivered", "received", "extra_quality_checks",
    "resulted", "rejected", "delivery_exception",
)
_ENDS_BADLY = frozenset({"denied", "rejected"})
_STATUS_TONES = {
    "created": "active", "approved": "active", "delivered": "active", "received": "active",
    "extra_quality_checks": "active", "resulted": "good", "denied": "warning",
    "rejected": "warning", "delivery_exception": "warning",
}


def _status_labels(_widget: QWidget | None = None) -> dict[str, str]:
    return {
        "created": QCoreApplication.translate("RequisitionsView", "Created"),
        "approved": QCoreApplication.translate("RequisitionsView", "Approved"),
        "denied": QCoreApplication.translate("RequisitionsView", "Denied"),
        "delivered": QCoreApplication.translate("RequisitionsView", "Delivered to the lab"),
        "delivery_exception": QCoreApplication.translate("RequisitionsView", "Delivery exception"),
        "received": QCoreApplication.translate("RequisitionsView", "Received by the lab"),
        "extra_quality_checks": QCoreApplication.translate(
            "RequisitionsView", "Extra quality checks"
        ),
        "resulted": QCoreApplication.translate("RequisitionsView", "Resulted"),
        "rejected": QCoreApplication.translate("RequisitionsView", "Rejected"),
    }


def requisition_steps(
    requisition: models.Requisition, labels: dict[str, str]
) -> list[Step]:
    """created → approved/denied → delivered → received → extra checks → resulted/rejected.

    Without tracking there is no "delivered" step (§8.4). Denied and rejected end the journey
    early: they are warnings and what follows them is "not reached". Unknown events as-is.
    """
    path = REQUISITION_PATH if requisition.tracking else tuple(
        step for step in REQUISITION_PATH if step != "delivered"
    )
    events = [(event.event, event.date) for event in requisition.events]
    steps = build_steps(path, events, requisition.status, labels)
    current = next((i for i, s in enumerate(steps) if s.state == "current"), -1)
    ended = current >= 0 and steps[current].status in _ENDS_BADLY
    result = []
    for index, step in enumerate(steps):
        if step.status in _ENDS_BADLY:
            step = dataclasses.replace(step, tone="warning")
        elif ended and index > current and step.state == "upcoming":
            step = dataclasses.replace(step, state="skipped")
        result.append(step)
    return result


def _patient_name(patient: models.RequisitionPatient | None) -> str:
    if patient is None:
        return ""
    return " ".join(part for part in (patient.first_name, patient.last_name) if part)


class RequisitionTableModel(QAbstractTableModel):
    """One page of requisitions. ``RequisitionRole`` gives the model object."""

    COL_CREATED, COL_BARCODE, COL_PATIENT, COL_LAB, COL_PANELS, COL_STATUS = range(6)
    RequisitionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[models.Requisition] = []
        self._labels: dict[str, str] = _status_labels()
        self._headers = [
            self.tr("Created"), self.tr("Barcode"), self.tr("Patient"), self.tr("Lab"),
            self.tr("Panels"), self.tr("Status"),
        ]

    def set_labels(self, labels: dict[str, str]) -> None:
        self._labels = labels

    def set_rows(self, rows: Sequence[models.Requisition]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def requisition(self, row: int) -> models.Requisition | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, requisition_id: str) -> int:
        return next(
            (i for i, r in enumerate(self._rows) if r.requisition_id == requisition_id), -1
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        requisition = self._rows[index.row()]
        if role == self.RequisitionRole:
            return requisition
        if index.column() == self.COL_STATUS and role in (
            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
        ):
            # Unknown statuses look neutral (and keep their raw text).
            tone = _STATUS_TONES.get(requisition.status or "", "neutral")
            background, foreground = badge_colors(tone, QGuiApplication.palette())
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return plain_tooltip(text) if isinstance(text, str) and text else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.COL_CREATED:
            return format_day(requisition.created)
        if column == self.COL_BARCODE:
            return requisition.barcode or ""
        if column == self.COL_PATIENT:
            return _patient_name(requisition.patient)
        if column == self.COL_LAB:
            return requisition.lab or ""
        if column == self.COL_PANELS:
            return ", ".join(requisition.panels)
        if column == self.COL_STATUS:
            status = requisition.status or ""
            return self._labels.get(status, status)
        return None


class RequisitionDetail(QWidget):
    """The selected requisition: facts, events timeline, reports with Open buttons."""

    open_report_requested = Signal(object)  # ReportRequest
    print_labels_requested = Signal(object)  # list[Label] for the shown requisition

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._requisition: models.Requisition | None = None
        self._today = today  # None: the real date (tests pin it)
        layout = QVBoxLayout(self)
        self.title_label = PlainLabel(self.tr("Choose a requisition to see its details."), self)
        self.title_label.setObjectName("detail_title")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.label_button = QPushButton(self.tr("Pr&int label…"), self)
        self.label_button.setObjectName("print_requisition_label")
        self.label_button.setToolTip(self.tr("Barcode, patient and lab, for the sample tube"))
        self.label_button.setAutoDefault(False)
        self.label_button.clicked.connect(self._on_label_button_clicked)
        layout.addWidget(self.label_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.timeline = KitTimeline(self.tr("Progress"), self)
        layout.addWidget(self.timeline)
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("status", self.tr("Status")), ("lab", self.tr("Lab")),
            ("account_number", self.tr("Lab account")), ("panels", self.tr("Panels")),
            ("state_collected", self.tr("Collected in")), ("patient", self.tr("Patient")),
            ("born", self.tr("Date of birth / sex")), ("contact", self.tr("Contact")),
            ("address", self.tr("Address")), ("tracking", self.tr("Tracking")),
            ("attributes", self.tr("Lab attributes")),
            ("metadata", self.tr("Notes for your records")),
            ("created", self.tr("Created")), ("requisition_id", self.tr("Requisition id")),
        ):
            value = PlainLabel(self)
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.facts.addRow(text, value)
        layout.addLayout(self.facts)
        self.reports_box = QGroupBox(self.tr("Reports"), self)
        self.reports_layout = QVBoxLayout(self.reports_box)
        layout.addWidget(self.reports_box)
        layout.addStretch(1)
        self.report_buttons: list[QPushButton] = []
        self._show_facts(False)

    def requisition(self) -> models.Requisition | None:
        return self._requisition

    def show_requisition(self, requisition: models.Requisition | None) -> None:
        self._requisition = requisition
        if requisition is None:
            self.title_label.setText(self.tr("Choose a requisition to see its details."))
            self._show_facts(False)
            return
        labels = _status_labels(self)
        status = requisition.status or ""
        self.title_label.setText(self.tr("Barcode %1 — %2").replace(
            "%1", requisition.barcode or "?").replace("%2", labels.get(status, status)))
        self.timeline.set_steps(requisition_steps(requisition, labels))
        patient = requisition.patient
        address = patient.address if patient is not None else None
        tracking = requisition.tracking
        values = {
            "status": labels.get(status, status),
            "lab": requisition.lab or "",
            "account_number": requisition.account_number or "",
            "panels": ", ".join(requisition.panels),
            "state_collected": requisition.state_collected or "",
            "patient": _patient_name(patient),
            # Masked like the kit panel's: the age is enough to tell two patients apart.
            "born": " / ".join(
                v for v in (
                    (masked_dob(patient.date_of_birth, self._today or date.today()), patient.sex)
                    if patient else ()
                ) if v
            ),
            "contact": " · ".join(
                v for v in ((patient.email, patient.phone) if patient else ()) if v
            ),
            "address": _address_text(address),
            "tracking": " ".join(
                v for v in ((tracking.carrier or "").upper(), tracking.tracking_number or "")
                if v
            ) if tracking else self.tr("None"),
            "attributes": _pairs(requisition.attributes),
            "metadata": _pairs(requisition.metadata),
            "created": format_day(requisition.created),
            "requisition_id": requisition.requisition_id,
        }
        for key, text in values.items():
            self.values[key].setText(text or "—")
        self._show_reports(requisition)
        self._show_facts(True)

    @Slot()
    def _on_label_button_clicked(self) -> None:
        if self._requisition is not None:
            self.print_labels_requested.emit(labels_for_requisition(self._requisition))

    def _show_facts(self, visible: bool) -> None:
        self.label_button.setVisible(visible)
        self.timeline.setVisible(visible)
        self.reports_box.setVisible(visible)
        for row in range(self.facts.rowCount()):
            self.facts.setRowVisible(row, visible)

    def _show_reports(self, requisition: models.Requisition) -> None:
        for button in self.report_buttons:
            button.deleteLater()
        while self.reports_layout.count():
            item = self.reports_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.report_buttons = []
        if not requisition.reports:
            self.reports_layout.addWidget(PlainLabel(self.tr("No report yet."), self.reports_box))
            return
        for number, report in enumerate(requisition.reports, start=1):
            row = QWidget(self.reports_box)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            kind = self.tr("Amended report") if report.is_amendment else self.tr("Report")
            text = f"{kind} {number} · " + self.tr("%1 results").replace(
                "%1", str(len(report.results)))
            row_layout.addWidget(PlainLabel(text, row), 1)
            button = QPushButton(self.tr("&Open"), row)
            button.setObjectName(f"open_report_{number - 1}")
            button.setEnabled(bool(report.pdf))
            button.clicked.connect(
                lambda _checked=False, r=report: self._request_report(r)
            )
            row_layout.addWidget(button)
            self.report_buttons.append(button)
            self.reports_layout.addWidget(row)

    def _request_report(self, report: models.Report) -> None:
        requisition = self._requisition
        if requisition is not None:
            self.open_report_requested.emit(ReportRequest.among(
                report, requisition.requisition_id, requisition.barcode or "",
                requisition.reports,
            ))


def _address_text(address: models.Address | None) -> str:
    if address is None:
        return ""
    nested = (address.model_extra or {}).get("address")
    parts: tuple[object, ...]
    if not address.street1 and isinstance(nested, dict):
        # Some documented examples nest it twice ("address": {"address": {...}}, §14.3).
        # Nothing validated these values (a ZIP may come as a number): shown as they came.
        parts = tuple(nested.get(key) for key in (
            "street1", "street2", "city", "state", "zip", "country"))
    else:
        parts = (address.street1, address.street2, address.city, address.state, address.zip,
                 address.country)
    *lines, country = parts
    # The country by name: "CA" after a street address reads as California.
    return ", ".join(str(part) for part in (*lines, country_name(country)) if part)


def _pairs(values: dict[str, Any] | None) -> str:
    return ", ".join(f"{key}: {value}" for key, value in (values or {}).items())


class RequisitionsView(QWidget):
    """The tab. ``refresh()`` reloads the page; ``requisition_created(id)`` after a create."""

    open_report_requested = Signal(object)  # ReportRequest, for the shell's viewer
    print_labels_requested = Signal(object)  # list[Label], for the shell's label window
    requisition_created = Signal(str)

    def __init__(
        self, session: Session, runner: Runner, parent: QWidget | None = None, *,
        today: date | None = None, page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._today = today
        self._page_size = page_size
        self._page = RequisitionPage(page_size=page_size)
        self._filters = RequisitionFilters()
        self._select_after_load = ""
        self._dialog: QWidget | None = None
        self._labels: dict[str, str] = _status_labels(self)
        self._build()
        self.refresh()

    # --- construction --------------------------------------------------------------------

    def _filter_line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"filter_{name}")
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.returnPressed.connect(self.search)
        return edit

    def _date_filter(self, name: str) -> OptionalDateEdit:
        today = date.today()
        edit = OptionalDateEdit(self, empty_text=self.tr("Any"),
                                empty_page=(today.year, today.month))
        edit.setObjectName(f"filter_{name}")
        return edit

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New requisition…"), self)
        self.new_button.setObjectName("new_requisition_button")
        self.new_button.clicked.connect(self.open_new_requisition)
        self.refresh_button = QPushButton(self.tr("&Reload"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.status_label = PlainLabel(self)
        self.status_label.setObjectName("list_status")
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.status_label, 1)
        outer.addLayout(top)

        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        filters = QGroupBox(self.tr("Find requisitions"), page)
        grid = QGridLayout(filters)
        self.filter_lab = self._filter_line("lab", self.tr("Lab name as on the requisition"))
        self.filter_lab.setToolTip(self.tr("Type it exactly as on the requisition, capitals too"))
        self.filter_first = self._filter_line("first_name", self.tr("Exact first name"))
        self.filter_last = self._filter_line("last_name", self.tr("Exact last name"))
        self.filter_email = self._filter_line("email", self.tr("name@example.com"))
        self.filter_phone = self._filter_line("phone", self.tr("Phone as on the requisition"))
        self.filter_status = QComboBox(self)
        self.filter_status.setObjectName("filter_status")
        self.filter_status.addItem(self.tr("Any status"), "")
        for status in REQUISITION_STATUSES:
            self.filter_status.addItem(self._labels.get(status, status), status)
        self.filter_from = self._date_filter("created_after")
        self.filter_to = self._date_filter("created_before")
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.setObjectName("search_button")
        self.search_button.clicked.connect(self.search)
        self.clear_button = QPushButton(self.tr("Cle&ar filters"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        cells: list[tuple[str, QWidget]] = [
            (self.tr("La&b"), self.filter_lab), (self.tr("&First name"), self.filter_first),
            (self.tr("&Last name"), self.filter_last), (self.tr("&Email"), self.filter_email),
            (self.tr("P&hone"), self.filter_phone), (self.tr("S&tatus"), self.filter_status),
            (self.tr("Created fro&m"), self.filter_from),
            (self.tr("Created &up to"), self.filter_to),
        ]
        for index, (text, editor) in enumerate(cells):
            label = PlainLabel(text, filters)
            label.setBuddy(editor)
            grid.addWidget(label, index // 4, (index % 4) * 2)
            grid.addWidget(editor, index // 4, (index % 4) * 2 + 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.search_button)
        grid.addLayout(buttons, 2, 0, 1, 8)
        page_layout.addWidget(filters)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RequisitionTableModel(self)
        self.model.set_labels(self._labels)
        self.table = QTableView(left)
        self.table.setObjectName("requisition_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        left_layout.addWidget(self.table, 1)
        pager = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ &Previous"), left)
        self.previous_button.setObjectName("previous_button")
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("Ne&xt ▶"), left)
        self.next_button.setObjectName("next_button")
        self.next_button.clicked.connect(self.next_page)
        self.page_label = PlainLabel(left)
        self.page_label.setObjectName("page_label")
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_button)
        left_layout.addLayout(pager)
        self.detail = RequisitionDetail(today=self._today)
        self.detail.open_report_requested.connect(self.open_report_requested)
        self.detail.print_labels_requested.connect(self.print_labels_requested)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        page_layout.addWidget(splitter, 1)
        self.stack.addWidget(page)

        off = QWidget(self)
        off_layout = QVBoxLayout(off)
        off_layout.addStretch(1)
        self.disabled_title = PlainLabel(off)
        self.disabled_title.setObjectName("disabled_title")
        font = self.disabled_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.disabled_title.setFont(font)
        self.disabled_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.disabled_title.setWordWrap(True)
        self.disabled_advice = PlainLabel(off)
        self.disabled_advice.setObjectName("disabled_advice")
        self.disabled_advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.disabled_advice.setWordWrap(True)
        self.disabled_note = PlainLabel(self.tr(
            "Requisitions are for accounts that make their own collection kits and send "
            "samples straight to a lab. Kit orders are not affected."), off)
        self.disabled_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.disabled_note.setWordWrap(True)
        retry = QPushButton(self.tr("Check &again"), off)
        retry.setObjectName("retry_button")
        retry.clicked.connect(self.refresh)
        for widget in (self.disabled_title, self.disabled_advice, self.disabled_note):
            off_layout.addWidget(widget)
        off_layout.addWidget(retry, 0, Qt.AlignmentFlag.AlignCenter)
        off_layout.addStretch(2)
        self.stack.addWidget(off)
        self._update_pager()

    # --- public API ----------------------------------------------------------------------

    def is_disabled_notice_shown(self) -> bool:
        return self.stack.currentIndex() == 1

    def filters(self) -> RequisitionFilters:
        return RequisitionFilters(
            lab=self.filter_lab.text(),
            first_name=self.filter_first.text(),
            last_name=self.filter_last.text(),
            email=self.filter_email.text(),
            phone=self.filter_phone.text(),
            status=str(self.filter_status.currentData() or ""),
            created_after=self.filter_from.value(),
            created_before=self.filter_to.value(),
        )

    @Slot()
    def search(self) -> None:
        self._filters = self.filters()
        self._load(0)

    @Slot()
    def clear_filters(self) -> None:
        for edit in (self.filter_lab, self.filter_first, self.filter_last, self.filter_email,
                     self.filter_phone):
            edit.clear()
        self.filter_status.setCurrentIndex(0)
        self.filter_from.clear_date()
        self.filter_to.clear_date()
        self.search()

    @Slot()
    def refresh(self) -> None:
        self._load(self._page.offset)

    @Slot()
    def next_page(self) -> None:
        if self._page.has_more:
            self._load(self._page.offset + self._page_size)

    @Slot()
    def previous_page(self) -> None:
        if self._page.has_previous:
            self._load(max(0, self._page.offset - self._page_size))

    @Slot()
    def open_new_requisition(self) -> None:
        if self._dialog is not None:
            self._dialog.raise_()
            self._dialog.activateWindow()
            return
        dialog = NewRequisitionDialog(self._session, self._runner, self, today=self._today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requisition_created.connect(self._on_dialog_requisition_created)
        dialog.form.requisitions_disabled.connect(self.refresh)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self._dialog = dialog
        dialog.show()

    def new_requisition_dialog(self) -> QWidget | None:
        return self._dialog

    # --- loading -------------------------------------------------------------------------

    def _load(self, offset: int) -> None:
        self.status_label.setText(self.tr("Loading…"))
        for button in (self.previous_button, self.next_button, self.search_button):
            button.setEnabled(False)
        self._tasks.run(
            list_page, self._session.client, self._filters, offset, self._page_size,
            on_success=self._on_page_loaded, on_error=self._on_page_failed,
            key=f"requisitions-page-{id(self)}",
        )

    def _on_page_loaded(self, page: RequisitionPage) -> None:
        self._page = page
        self.stack.setCurrentIndex(0)
        self.new_button.setEnabled(True)
        self.search_button.setEnabled(True)
        current = self.detail.requisition()
        keep = self._select_after_load or (current.requisition_id if current else "")
        self._select_after_load = ""
        self.model.set_rows(page.items)
        self._update_pager()
        if not page.items:
            self.status_label.setText(
                self.tr("No requisitions match.") if self._filters.query() or page.offset
                else self.tr("No requisitions yet.")
            )
        else:
            self.status_label.setText("")
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.detail.show_requisition(None)

    def _on_page_failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self._update_pager()
        error = describe_error(exc)
        if isinstance(error, RequisitionsDisabled):
            self._show_disabled(error)
            return
        self.status_label.setText(error.sentence)

    def _show_disabled(self, _error: ServiceError) -> None:
        self.disabled_title.setText(turned_off_title(self))
        self.disabled_advice.setText(turned_off_advice(self))
        self.stack.setCurrentIndex(1)
        self.new_button.setEnabled(False)
        self.status_label.setText("")

    def _update_pager(self) -> None:
        page = self._page
        self.previous_button.setEnabled(page.has_previous)
        self.next_button.setEnabled(page.has_more)
        if page.items:
            self.page_label.setText(self.tr("Showing %1–%2").replace(
                "%1", str(page.offset + 1)).replace("%2", str(page.offset + len(page.items))))
        else:
            self.page_label.setText("")

    # --- reactions -----------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        requisition = self.model.requisition(current.row()) if current.isValid() else None
        self.detail.show_requisition(requisition)
        if requisition is not None:
            # List items may be summaries (§6.14): fetch the full object for the detail.
            self._tasks.run(
                get_requisition, self._session.client, requisition.requisition_id,
                on_success=self._on_detail_loaded, on_error=self._on_detail_failed,
                key=f"requisition-detail-{id(self)}",
            )

    def _on_detail_loaded(self, requisition: models.Requisition) -> None:
        shown = self.detail.requisition()
        if shown is not None and shown.requisition_id == requisition.requisition_id:
            self.detail.show_requisition(requisition)

    def _on_detail_failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        if isinstance(error, RequisitionsDisabled):
            self._show_disabled(error)
        else:
            self.status_label.setText(error.sentence)

    @Slot(object)
    def _on_dialog_requisition_created(self, requisition: models.Requisition) -> None:
        self._select_after_load = requisition.requisition_id
        self.status_label.setText(self.tr("Requisition %1 created.").replace(
            "%1", requisition.barcode or ""))
        self.requisition_created.emit(requisition.requisition_id)
        self._load(0)  # newest first: it is on the first page

    def _on_dialog_destroyed(self) -> None:
        self._dialog = None

