"""The "New requisition" form (SPEC §7.8): sample, patient, optional tracking, lab attributes
and metadata, each problem shown next to its field — the server's too (a duplicate barcode
lands under the barcode)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import describe_error
from app.services.requisitions import (
    RequisitionsDisabled,
    create_requisition,
    validate_requisition,
)
from app.services.session import Session
from app.tasks import OwnedTasks, Runner
from app.validation import CA_PROVINCES, US_STATES, Finding
from app.views.common.address_fields import FieldMessage, ServerErrors, show_errors
from app.views.common.focus import chain_tab_order
from app.views.common.message_strip import show_status
from app.views.common.metadata_editor import MetadataEditor
from app.views.common.patient_fields import PATIENT_PATHS, PatientFields
from app.views.common.plain_text import PlainLabel
from app.views.common.window_fit import fit_to_screen, scrolling
from app.views.i18n import region_name

__all__ = ["OWN_PATHS", "NewRequisitionDialog", "NewRequisitionForm"]

#: The form's own field paths (the API's), in form order; patient fields are ``patient.*``.
OWN_PATHS: tuple[str, ...] = (
    "barcode",
    "lab",
    "account_number",
    "panels",
    "state_collected",
    "tracking.carrier",
    "tracking.tracking_number",
    "attributes.crl_slip_id",
    "attributes.crl_tier3_account_number",
)


def turned_off_title(widget: QWidget) -> str:
    """Shared by the list and the form; translated under the list's context."""
    return QCoreApplication.translate(
        "RequisitionsView", "Requisitions are turned off for this Spot account."
    )


def turned_off_advice(widget: QWidget) -> str:
    return QCoreApplication.translate(
        "RequisitionsView", "Ask Spot support to enable requisitioning for your account."
    )


class NewRequisitionForm(QWidget):
    """``requisition_created(Requisition)`` once Spot accepted it; ``requisitions_disabled``
    when the account can't create requisitions (403)."""

    requisition_created = Signal(object)
    requisitions_disabled = Signal()

    def __init__(
        self, session: Session, runner: Runner, parent: QWidget | None = None, *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._today = today
        self._busy = False
        self._tasks = OwnedTasks(runner, self)
        self._touched: set[str] = set()
        self._server_errors = ServerErrors()
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.messages: dict[str, FieldMessage] = {}
        self._build()
        self._refresh_messages()

    # --- construction --------------------------------------------------------------------

    def _line(self, path: str, placeholder: str = "", max_length: int = 255) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(path)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.textChanged.connect(self._on_editor_changed)
        self.editors[path] = edit
        return edit

    def _place(self, grid: QGridLayout, row: int, column: int, path: str, text: str,
               editor: QWidget, span: int = 1) -> None:
        label = PlainLabel(text, self)
        label.setBuddy(editor)
        message = FieldMessage(path, self)
        self.messages[path] = message
        grid.addWidget(label, row, column)
        grid.addWidget(editor, row, column + 1, 1, span)
        grid.addWidget(message, row + 1, column + 1, 1, span)
        editor.installEventFilter(self)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget(self)
        layout = QVBoxLayout(body)

        sample = QGroupBox(self.tr("Sample"), body)
        grid = QGridLayout(sample)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        barcode = self._line("barcode", self.tr("Scan the sample tube's barcode"))
        barcode.returnPressed.connect(self._on_barcode_return_pressed)
        self._place(grid, 0, 0, "barcode", self.tr("&Barcode"), barcode, 3)
        self._place(grid, 2, 0, "lab", self.tr("Lab &name"), self._line("lab", self.tr("CRL")))
        self._place(grid, 2, 2, "account_number", self.tr("Lab acco&unt"),
                    self._line("account_number"))
        self._place(grid, 4, 0, "panels", self.tr("&Panels"), self._line(
            "panels", self.tr("Panel codes, separated by commas: PANEL-123, hba1c_panel")), 3)
        state = QComboBox(self)
        state.setObjectName("state_collected")
        state.addItem(self.tr("Choose…"), "")
        for code, name in US_STATES.items():
            state.addItem(f"{code} – {region_name(name)}", code)
        state.insertSeparator(state.count())
        for code, name in CA_PROVINCES.items():
            state.addItem(f"{code} – {region_name(name)}", code)
        state.currentIndexChanged.connect(self._on_editor_changed)
        self.editors["state_collected"] = state
        self._place(grid, 6, 0, "state_collected", self.tr("&Collected in"), state)
        layout.addWidget(sample)

        self.patient_fields = PatientFields(body, today=self._today)
        self.patient_fields.recipient.set_recipient({})
        layout.addWidget(self.patient_fields)

        shipping = QGroupBox(self.tr("Shipment to the lab (optional)"), body)
        grid = QGridLayout(shipping)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        carrier = QComboBox(self)
        carrier.setObjectName("tracking.carrier")
        carrier.addItem(self.tr("No tracking"), "")
        carrier.addItem("USPS", "usps")
        carrier.addItem("UPS", "ups")
        carrier.addItem("FedEx", "fedex")
        carrier.currentIndexChanged.connect(self._on_editor_changed)
        self.editors["tracking.carrier"] = carrier
        self._place(grid, 0, 0, "tracking.carrier", self.tr("Ca&rrier"), carrier)
        self._place(grid, 0, 2, "tracking.tracking_number", self.tr("Trac&king number"),
                    self._line("tracking.tracking_number"))
        layout.addWidget(shipping)

        attributes = QGroupBox(self.tr("Lab attributes (optional, CRL)"), body)
        grid = QGridLayout(attributes)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._place(grid, 0, 0, "attributes.crl_slip_id", self.tr("Slip &ID"),
                    self._line("attributes.crl_slip_id", self.tr("Up to 10 letters/digits")))
        self._place(grid, 0, 2, "attributes.crl_tier3_account_number",
                    self.tr("Tier &3 account"),
                    self._line("attributes.crl_tier3_account_number",
                               self.tr("8 letters/digits")))
        layout.addWidget(attributes)

        metadata_box = QGroupBox(self.tr("Notes for your records (optional)"), body)
        metadata_layout = QVBoxLayout(metadata_box)
        self.metadata_editor = MetadataEditor(metadata_box)
        metadata_layout.addWidget(self.metadata_editor)
        layout.addWidget(metadata_box)
        layout.addStretch(1)

        outer.addWidget(scrolling(body, self), 1)

        self.message_label = PlainLabel(self)
        self.message_label.setObjectName("form_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_status(self.message_label, "info", "")
        outer.addWidget(self.message_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.button_row = buttons  # a hosting dialog adds its Cancel here
        self.submit_button = QPushButton(self.tr("Create re&quisition"), self)
        self.submit_button.setObjectName("submit_button")
        self.submit_button.setAutoDefault(False)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.submit_button)
        outer.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        chain_tab_order([
            *(self.editors[p] for p in ("barcode", "lab", "account_number", "panels",
                                        "state_collected")),
            *self.patient_fields.focus_chain(),
            *(self.editors[p] for p in ("tracking.carrier", "tracking.tracking_number",
                                        "attributes.crl_slip_id",
                                        "attributes.crl_tier3_account_number")),
            *self.metadata_editor.focus_chain(),
            self.submit_button,
        ])

    def _run(self, fn: Callable[..., Any], *args: Any, **options: Any) -> None:
        """Run off the GUI thread; closing the window (or deleting it) drops the answers."""
        self._tasks.run(fn, *args, **options)

    @Slot()
    def cancel_tasks(self) -> None:
        """Called when the window closes: late answers must not reach deleted widgets."""
        self._tasks.cancel_all()

    # --- public API ----------------------------------------------------------------------

    def form(self) -> dict[str, Any]:
        """The values as typed, shaped like the create-requisition body."""
        return {
            "barcode": self._value("barcode"),
            "lab": self._value("lab"),
            "account_number": self._value("account_number"),
            "panels": self._value("panels"),
            "state_collected": self._value("state_collected"),
            "patient": self.patient_fields.patient(),
            "tracking": {
                "carrier": self._value("tracking.carrier"),
                "tracking_number": self._value("tracking.tracking_number"),
            },
            "attributes": {
                "crl_slip_id": self._value("attributes.crl_slip_id"),
                "crl_tier3_account_number": self._value("attributes.crl_tier3_account_number"),
            },
            "metadata": self.metadata_editor.metadata(),
        }

    def editor(self, path: str) -> QWidget:
        if path.startswith("patient."):
            return self.patient_fields.editor(path.removeprefix("patient."))
        return self.editors[path]

    def message_text(self, path: str) -> str:
        if path.startswith("patient."):
            return self.patient_fields.message_text(path.removeprefix("patient."))
        return self.messages[path].text()

    def set_value(self, path: str, value: str) -> None:
        editor = self.editor(path)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def blocking(self) -> list[Finding]:
        own = [f for f in self._findings() if f.severity == "error"]
        return [*own, *(
            dataclasses.replace(f, field=f"patient.{f.field}")
            for f in self.patient_fields.blocking()
        )]

    @Slot()
    def submit(self) -> None:
        if self._busy:
            return  # a double click must not create two requisitions
        self._touched.update(OWN_PATHS)
        self._refresh_messages()
        self.patient_fields.reveal_all()
        problems = self.blocking()
        metadata_problems = self.metadata_editor.problems()
        if problems or metadata_problems:
            show_status(self.message_label, "error", self.tr(
                "Some details need fixing; see the messages next to the fields."))
            self._focus_first_problem(problems)
            return
        self._set_busy(True)
        show_status(self.message_label, "info", self.tr("Sending to Spot…"))
        self._run(
            create_requisition, self._session.client, self.form(), self._today,
            on_success=self._on_created, on_error=self._on_failed, durable=True,
        )

    # --- reactions -----------------------------------------------------------------------

    def _on_created(self, requisition: models.Requisition) -> None:
        self._set_busy(False)
        status = requisition.status or ""
        show_status(self.message_label, "good", self.tr(
            "Requisition created for barcode %1 (%2).").replace(
                "%1", requisition.barcode or "").replace("%2", status))
        self.requisition_created.emit(requisition)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        error = describe_error(exc)
        if isinstance(error, RequisitionsDisabled):
            show_status(self.message_label, "error",
                        f"{turned_off_title(self)} {turned_off_advice(self)}")
            self.requisitions_disabled.emit()
            return
        unmatched = self.set_server_errors(error.field_errors)
        extra = "; ".join(
            f"{path}: {m}" if path else m for path, ms in unmatched.items() for m in ms
        )
        text = error.sentence + (f" ({extra})" if extra else "")
        show_status(self.message_label, "error", text)
        self._focus_first_problem(self.blocking())

    def set_server_errors(self, errors: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
        """Spot's 400 messages on their fields; returns those that match no field."""
        own: dict[str, list[str]] = {}
        patient: dict[str, list[str]] = {}
        unmatched: dict[str, list[str]] = {}
        for path, messages in errors.items():
            key = "panels" if path.startswith("panels.") else path
            if key in OWN_PATHS:
                own.setdefault(key, []).extend(messages)
            elif key.startswith("patient.") and key.removeprefix("patient.") in PATIENT_PATHS:
                patient.setdefault(key.removeprefix("patient."), []).extend(messages)
            else:
                unmatched.setdefault(path, []).extend(messages)
        self._server_errors.set(own, self._value)
        self._touched.update(own)
        self._refresh_messages()
        for path, messages in self.patient_fields.set_server_errors(patient).items():
            unmatched.setdefault(f"patient.{path}", []).extend(messages)
        return unmatched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            path = watched.objectName()
            popup = isinstance(watched, QComboBox) and watched.view().isVisible()
            if path in self.messages and not popup:
                self._touched.add(path)
                self._refresh_messages()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_barcode_return_pressed(self) -> None:
        # A scanner ends with Enter: move on instead of submitting half a form.
        self.editors["lab"].setFocus(Qt.FocusReason.TabFocusReason)

    @Slot()
    def _on_editor_changed(self) -> None:
        sender = self.sender()
        path = sender.objectName() if sender is not None else ""
        self._server_errors.forget_if_changed(path, self._value(path))
        if isinstance(sender, QComboBox):
            self._touched.add(path)
        self._refresh_messages()

    # --- internals -----------------------------------------------------------------------

    def _value(self, path: str) -> str:
        editor = self.editors[path]
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        return editor.text()

    def _findings(self) -> list[Finding]:
        form = self.form()
        local = [f for f in validate_requisition(form, self._today) if f.field in OWN_PATHS]
        return [*local, *self._server_errors.findings()]

    def _refresh_messages(self) -> None:
        show_errors(self.messages, self._findings(), self._touched)

    def _focus_first_problem(self, problems: list[Finding]) -> None:
        fields = {f.field for f in problems}
        order = [*OWN_PATHS[:5], *(f"patient.{p}" for p in PATIENT_PATHS), *OWN_PATHS[5:]]
        for path in order:
            if path in fields:
                editor = self.editor(path)
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(editor, QLineEdit):
                    editor.selectAll()
                return

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        self.submit_button.setText(
            self.tr("Sending…") if busy else self.tr("Create re&quisition")
        )


class NewRequisitionDialog(QDialog):
    """The form in a non-modal window; it closes itself once the requisition exists."""

    requisition_created = Signal(object)

    def __init__(
        self, session: Session, runner: Runner, parent: QWidget | None = None, *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_requisition_dialog")
        self.setWindowTitle(self.tr("New requisition"))
        layout = QVBoxLayout(self)
        self.form = NewRequisitionForm(session, runner, self, today=today)
        self.form.requisition_created.connect(self._on_form_requisition_created)
        self.finished.connect(self.form.cancel_tasks)
        layout.addWidget(self.form)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.form.button_row.addWidget(cancel)
        QWidget.setTabOrder(self.form.submit_button, cancel)
        fit_to_screen(self, QSize(820, 900))
        self.form.editors["barcode"].setFocus()

    @Slot(object)
    def _on_form_requisition_created(self, requisition: models.Requisition) -> None:
        self.requisition_created.emit(requisition)
        self.accept()
