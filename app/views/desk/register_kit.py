"""Register a kit to a patient at the desk (Spot's activation API, SPEC §7.13).

Scan or type the kit id (a scanner's Enter looks it up), see its type and status, then pick a
patient registered to an earlier kit or enter a new one, and register. Lookups and the
activation run on the task runner; the dialog never blocks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import describe_error
from app.services.registration import (
    ActivationFailed,
    KitCheck,
    activate_kit,
    activation_for_new_patient,
    check_kit,
    patient_from_kit,
)
from app.services.session import Session
from app.tasks import OwnedTasks, Runner
from app.views.common.focus import chain_tab_order, print_on_ctrl_p, with_print_key
from app.views.common.message_strip import show_status
from app.views.common.patient_fields import PatientChoice, PatientFields
from app.views.common.timeline import kit_status_label
from app.views.common.window_fit import fit_to_screen, scrolling

__all__ = ["RegisterKitDialog"]


class RegisterKitDialog(QDialog):
    """Non-modal; ``kit_registered(kit_id)`` after Spot confirms the registration."""

    kit_registered = Signal(str)
    print_handout_requested = Signal(object)  # models.Kit just registered

    def __init__(
        self, session: Session, runner: Runner, parent: QWidget | None = None, *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("register_kit_dialog")
        self.setWindowTitle(self.tr("Register a kit"))
        self._session = session
        self._runner = runner
        self._check: KitCheck | None = None
        self._busy = False
        self._tasks = OwnedTasks(runner, self)
        self.finished.connect(self._tasks.cancel_all)
        self._build(today)
        self._set_patient_enabled(False)
        self._load_patients()

    # --- construction --------------------------------------------------------------------

    def _build(self, today: date | None) -> None:
        outer = QVBoxLayout(self)

        kit_row = QHBoxLayout()
        self.kit_edit = QLineEdit(self)
        self.kit_edit.setObjectName("kit_id")
        self.kit_edit.setPlaceholderText(self.tr("Scan or type the kit id, then Enter"))
        self.kit_edit.returnPressed.connect(self._on_kit_edit_return_pressed)
        self.kit_edit.textEdited.connect(self._on_kit_edit_text_edited)
        kit_label = QLabel(self.tr("&Kit id"), self)
        kit_label.setBuddy(self.kit_edit)
        self.lookup_button = QPushButton(self.tr("Look &up"), self)
        self.lookup_button.setObjectName("lookup_button")
        self.lookup_button.setAutoDefault(False)
        self.lookup_button.clicked.connect(self.look_up)
        kit_row.addWidget(kit_label)
        kit_row.addWidget(self.kit_edit, 1)
        kit_row.addWidget(self.lookup_button)
        outer.addLayout(kit_row)

        self.kit_status = QLabel(self)
        self.kit_status.setObjectName("kit_status")
        self.kit_status.setWordWrap(True)
        self.kit_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_status(self.kit_status, "info", self.tr("Scan the kit's barcode to begin."))
        outer.addWidget(self.kit_status)

        self.patient_box = QGroupBox(self.tr("Register to"), self)
        box_layout = QVBoxLayout(self.patient_box)
        self.patient_choice = PatientChoice(self.patient_box, today=today)
        box_layout.addWidget(self.patient_choice)

        self.patient_fields = PatientFields(self.patient_box, today=today)
        self.consent_check = QCheckBox(
            self.tr("The patient &agrees to their results being used for research"),
            self.patient_box,
        )
        self.consent_check.setObjectName("research_consent")
        self.new_patient_area = QWidget(self.patient_box)
        new_layout = QVBoxLayout(self.new_patient_area)
        new_layout.setContentsMargins(0, 0, 0, 0)
        new_layout.addWidget(self.patient_fields)
        new_layout.addWidget(self.consent_check)
        new_layout.addStretch(1)  # spare height goes below the fields, not into the groups
        scroll = scrolling(self.new_patient_area, self.patient_box)
        self.patient_choice.set_new_area(self.new_patient_area)
        box_layout.addWidget(scroll, 1)
        outer.addWidget(self.patient_box, 1)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("result_message")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_status(self.result_label, "info", "")
        outer.addWidget(self.result_label)

        buttons = QHBoxLayout()
        self.token_button = QPushButton(self.tr("Reg&istration token…"), self)
        self.token_button.setObjectName("token_button")
        self.token_button.setToolTip(
            self.tr("Give the patient a one-time token for your own registration page instead")
        )
        self.token_button.setAutoDefault(False)
        self.token_button.clicked.connect(self._on_token_button_clicked)
        self.register_button = QPushButton(self.tr("&Register kit"), self)
        self.register_button.setObjectName("register_button")
        self.register_button.setAutoDefault(False)
        self.register_button.clicked.connect(self.register)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_button")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        # After a registration: the patient leaves with the kit, and with this page.
        self.handout_button = QPushButton(self.tr("Print hand-out…"), self)
        print_on_ctrl_p(self.handout_button)  # Alt+H is the phone field's
        self.handout_button.setObjectName("handout_button")
        self.handout_button.setAutoDefault(False)
        self.handout_button.clicked.connect(self._on_handout_button_clicked)
        self.handout_button.hide()
        self._registered: models.Kit | None = None
        buttons.addWidget(self.token_button)
        buttons.addWidget(self.handout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.register)

        choice = self.patient_choice
        chain_tab_order([
            self.kit_edit, self.lookup_button,
            choice.existing_radio, choice.known_combo, choice.new_radio,
            *self.patient_fields.focus_chain(), self.consent_check,
            self.token_button, self.register_button, self.close_button,
        ])
        fit_to_screen(self, QSize(760, 700))
        self.kit_edit.setFocus()


    # --- public API ----------------------------------------------------------------------

    def set_kit_id(self, kit_id: str) -> None:
        """Open on a known kit (from the kit panel): fill the id and look it up."""
        self.kit_edit.setText(kit_id)
        self.look_up()

    def kit_id(self) -> str:
        return self.kit_edit.text().strip().upper()

    def prefill(self, recipient: models.Recipient | None) -> None:
        """Start from an order's recipient, as a new patient: name, email, phone, address
        (sex and date of birth are not on an order: they stay for the desk to fill)."""
        if recipient is None:
            return
        self.patient_choice.new_radio.setChecked(True)
        self.patient_fields.set_patient(recipient.model_dump(exclude_none=True))

    @Slot()
    def look_up(self) -> None:
        kit_id = self.kit_id()
        self._check = None
        self._set_patient_enabled(False)
        show_status(self.result_label, "info", "")
        if not kit_id:
            show_status(self.kit_status, "error", self.tr("Enter or scan the kit id first."))
            self.kit_edit.setFocus()
            return
        show_status(self.kit_status, "info", self.tr("Looking up kit %1…").replace("%1", kit_id))
        self._tasks.run(
            check_kit, self._session.client, kit_id,
            on_success=self._on_check_finished, on_error=self._on_check_failed,
            key=f"register-kit-lookup-{id(self)}",
        )

    @Slot()
    def register(self) -> None:
        check = self._check
        if self._busy or check is None or not check.registrable:
            return
        show_status(self.result_label, "info", "")
        activation: models.KitActivation
        if self.patient_choice.is_existing():
            patient_id = self.patient_choice.patient_id()
            if not patient_id:
                show_status(self.result_label, "error", self.tr("Choose the patient first."))
                self.patient_choice.known_combo.setFocus()
                return
            activation = models.KitActivation(patient_id=patient_id)
        else:
            self.patient_fields.reveal_all()
            if self.patient_fields.blocking():
                show_status(
                    self.result_label, "error",
                    self.tr("Some details need fixing; see the messages under the fields."),
                )
                self.patient_fields.focus_first_problem()
                return
            activation = activation_for_new_patient(
                self.patient_fields.patient(), research_consent=self.consent_check.isChecked()
            )
        self._set_busy(True)
        show_status(self.result_label, "info", self.tr("Registering…"))
        self._tasks.run(
            activate_kit, self._session.client, check.kit_id, activation,
            on_success=self._on_activate_finished, on_error=self._on_activate_failed, durable=True,
        )

    # --- reactions -----------------------------------------------------------------------

    @Slot()
    def _on_kit_edit_return_pressed(self) -> None:
        self.look_up()

    @Slot(str)
    def _on_kit_edit_text_edited(self, _text: str) -> None:
        if self._check is not None:  # a new id: the old kit's answer no longer applies
            self._check = None
            self._set_patient_enabled(False)
            show_status(self.kit_status, "info", self.tr("Press Enter to look the kit up."))

    def _on_check_finished(self, check: KitCheck) -> None:
        if check.kit_id != self.kit_id() and check.kit is not None:
            self.kit_edit.setText(check.kit_id)  # Spot's spelling of the id
        self._check = check
        if check.kit is None or check.problem is not None:
            show_status(self.kit_status, "error", self._problem_text(check))
            self.kit_edit.setFocus()
            self.kit_edit.selectAll()
            return
        show_status(self.kit_status, "good", self._kit_summary(check.kit))
        self._set_patient_enabled(True)
        first = self.patient_choice.known_combo if self.patient_choice.is_existing() else (
            self.patient_fields.first_editor()
        )
        first.setFocus()

    def _on_check_failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        show_status(self.kit_status, "error", error.sentence)

    def _on_activate_finished(self, kit: models.Kit) -> None:
        self._set_busy(False)
        self._check = KitCheck(kit.kit_id, kit, "registered")
        self._set_patient_enabled(False)
        show_status(
            self.result_label, "good",
            self.tr("Kit %1 is registered to the patient.").replace("%1", kit.kit_id),
        )
        show_status(self.kit_status, "good", self._kit_summary(kit))
        patient = patient_from_kit(kit)
        if patient is not None:
            # Their next kit can go to them without typing it all again.
            self.patient_choice.add_patient(patient)
        if not self.patient_choice.is_existing():
            self.patient_fields.clear()  # the next scan is most likely someone else
            self.consent_check.setChecked(False)
        self._registered = kit
        self.handout_button.setToolTip(with_print_key(
            self.tr("The patient hand-out for kit %1").replace("%1", kit.kit_id)
        ))
        self.handout_button.show()
        self.kit_registered.emit(kit.kit_id)
        self.kit_edit.setFocus()
        self.kit_edit.selectAll()  # ready for the next scan

    def _on_activate_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        error = describe_error(exc)
        if isinstance(error, ActivationFailed):
            unmatched = self.patient_fields.set_server_errors(error.field_errors)
            extra = [m for messages in unmatched.values() for m in messages]
            lines = [line for line in (error.kit_message, *extra) if line]
            text = self.tr("Spot didn't register the kit: %1").replace(
                "%1", "; ".join(lines) or error.advice
            )
            show_status(self.result_label, "error", text)
            self.patient_fields.focus_first_problem()
            return
        show_status(self.result_label, "error", error.sentence)

    @Slot()
    def _on_handout_button_clicked(self) -> None:
        if self._registered is not None:
            self.print_handout_requested.emit(self._registered)

    @Slot()
    def _on_token_button_clicked(self) -> None:
        from app.views.desk.registration_token import RegistrationTokenDialog

        dialog = RegistrationTokenDialog(self._session, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.patient_choice.is_existing() and self.patient_choice.patient_id():
            dialog.select_patient(self.patient_choice.patient_id())
        dialog.open()

    # --- internals -----------------------------------------------------------------------

    def _load_patients(self) -> None:
        self.patient_choice.load(
            self._tasks.run, self._session.client, self._session.store.rows(),
            key=f"register-kit-patients-{id(self)}",
        )

    def _problem_text(self, check: KitCheck) -> str:
        kit_id = check.kit_id
        if check.problem == "registered":
            return self.tr(
                "Kit %1 is already registered to a patient. A kit can be registered only once."
            ).replace("%1", kit_id)
        if check.problem == "canceled":
            return self.tr("Kit %1 was canceled, so it can't be registered.").replace(
                "%1", kit_id
            )
        if check.problem == "lost":
            return self.tr(
                "Kit %1 was lost on its way to the patient (delivery exception), so it can't be "
                "registered."
            ).replace("%1", kit_id)
        return self.tr(
            "Spot has no kit %1. Check the id printed on the kit and scan it again."
        ).replace("%1", kit_id)

    def _kit_summary(self, kit: models.Kit) -> str:
        kit_type = kit.type or self.tr("unknown type")
        name = self._session.kit_catalog.get(kit_type, "")
        type_text = f"{name} ({kit_type})" if name and name != kit_type else kit_type
        return self.tr("Kit %1 · %2 · %3").replace("%1", kit.kit_id).replace(
            "%2", type_text
        ).replace("%3", kit_status_label(kit.status or "") or self.tr("no status"))

    def _set_patient_enabled(self, enabled: bool) -> None:
        self.patient_box.setEnabled(enabled)
        self.register_button.setEnabled(enabled and not self._busy)
        self.patient_choice.refresh()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.register_button.setEnabled(not busy and self._check is not None
                                        and self._check.registrable)
        self.register_button.setText(self.tr("Registering…") if busy else self.tr("&Register kit"))
        self.kit_edit.setReadOnly(busy)
        self.lookup_button.setEnabled(not busy)

