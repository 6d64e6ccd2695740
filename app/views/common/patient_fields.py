"""A patient's fields for registration and requisitions: the order form's recipient group
(names, email, phone, US/CA address with its per-field messages) plus sex and a date of birth
typed as people write it (``DobField``). Without an address (registration tokens) the
address group is hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import describe_error
from app.services.registration import KnownPatient, known_patients
from app.validation import Finding, validate_patient
from app.views.common.address_fields import (
    ADDRESS_PATHS,
    CONTACT_PATHS,
    FieldMessage,
    RecipientFields,
    ServerErrors,
    show_errors,
)
from app.views.common.dob_field import DobField
from app.views.common.focus import chain_tab_order
from app.views.common.labels import masked_dob

__all__ = ["PATIENT_PATHS", "KnownPatientCombo", "OptionalDateEdit", "PatientFields"]

#: Field paths in form order (the validation module's names).
PATIENT_PATHS: tuple[str, ...] = (*CONTACT_PATHS, "sex", "date_of_birth", *ADDRESS_PATHS)
_NO_DATE = QDate(1900, 1, 1)  # the date edit's "nothing chosen yet" value (shown blank)
_OWN_PATHS = ("sex", "date_of_birth")


class OptionalDateEdit(QDateEdit):
    """A date edit that may be empty (shows ``empty_text``) and takes typed dates as people
    type them: "1980-04-30", "19800430", "1980-4-30", "1980/1/5"; Alt+Down opens the calendar,
    on ``empty_page`` (year, month) while nothing is chosen.

    Qt's date edit jumps to the next part once a part is complete, so the dash typed after
    it would skip a part: a dash right after such a jump is swallowed.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        empty_text: str = "",
        empty_page: tuple[int, int] = (1980, 1),
    ) -> None:
        super().__init__(parent)
        self._jumped = False
        self._empty_page = empty_page
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(empty_text or self.tr("Choose a date"))
        self.setDate(_NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def is_empty(self) -> bool:
        return self.date() == _NO_DATE

    def clear_date(self) -> None:
        self.setDate(_NO_DATE)

    def value(self) -> date | None:
        chosen = self.date()
        return None if self.is_empty() else date(chosen.year(), chosen.month(), chosen.day())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = watched is self.calendarWidget() and event.type() == QEvent.Type.Show
        if showing and self.is_empty():
            # Opening on January 1900 would make every user page through a century.
            self.calendarWidget().setCurrentPage(*self._empty_page)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in "-/." and self._jumped:
            self._jumped = False
            event.accept()
            return
        if text.isdigit() and self.is_empty():
            # Leave the empty text for a real date whose year the typing replaces.
            self.setDate(QDate(2000, 1, 1))
            self.setCurrentSection(QDateEdit.Section.YearSection)
            self.setSelectedSection(QDateEdit.Section.YearSection)
        if text and text in "/.":
            # Same meaning as the dash of the display format.
            event = QKeyEvent(event.type(), Qt.Key.Key_Minus, event.modifiers(), "-")
        before = self.currentSection()
        super().keyPressEvent(event)
        self._jumped = text.isdigit() and self.currentSection() != before


class PatientFields(QWidget):
    """``patient()`` gives the values as typed, shaped like Spot's patient JSON."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        with_address: bool = True,
        title: str | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._with_address = with_address
        self._today = today
        self._touched: set[str] = set()
        self._edited: set[str] = set()  # own fields the user changed since the last reset
        self._loading = False
        self._server_errors = ServerErrors()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.recipient = RecipientFields(
            self,
            validate=self._validate_recipient,
            title=title if title is not None else self.tr("Patient"),
        )
        self.recipient.changed.connect(self.changed)
        layout.addWidget(self.recipient)

        about = QGroupBox(self.tr("Sex and date of birth"), self)
        grid = QGridLayout(about)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.sex_combo = QComboBox(about)
        self.sex_combo.setObjectName("sex")
        self.sex_combo.addItem(self.tr("Choose…"), "")
        self.sex_combo.addItem(self.tr("Female (F)"), "F")
        self.sex_combo.addItem(self.tr("Male (M)"), "M")
        self.sex_combo.currentIndexChanged.connect(self._on_own_changed)
        sex_label = QLabel(self.tr("Se&x"), about)
        sex_label.setBuddy(self.sex_combo)
        self.birth_edit = DobField(about, today=today)
        self.birth_edit.line.textChanged.connect(self._on_own_changed)
        birth_label = QLabel(self.tr("&Date of birth"), about)
        birth_label.setBuddy(self.birth_edit.line)
        self.messages: dict[str, FieldMessage] = {
            "sex": FieldMessage("sex", about),
            "date_of_birth": FieldMessage("date_of_birth", about),
        }
        grid.addWidget(birth_label, 0, 0)
        grid.addWidget(self.birth_edit, 0, 1)
        grid.addWidget(self.messages["date_of_birth"], 1, 1)
        grid.addWidget(sex_label, 0, 2)
        grid.addWidget(self.sex_combo, 0, 3)
        grid.addWidget(self.messages["sex"], 1, 3)
        for editor in (self.sex_combo, self.birth_edit.line):
            editor.installEventFilter(self)
        # Between the contact group and the address: the order a clinic form asks in.
        recipient_layout = self.recipient.layout()
        assert isinstance(recipient_layout, QVBoxLayout)
        recipient_layout.insertWidget(1, about)
        group = self.recipient.editor("address.country").parentWidget()
        assert group is not None
        self.address_group: QWidget = group
        if isinstance(group, QGroupBox):
            group.setTitle(self.tr("Patient's address"))
        if not with_address:
            group.hide()
        self.set_today(today)
        chain_tab_order(self.focus_chain())
        self._refresh_own()

    # --- public API ----------------------------------------------------------------------

    def set_today(self, today: date | None) -> None:
        self._today = today
        self.birth_edit.set_today(today)

    def patient(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.recipient.recipient())
        if not self._with_address:
            data.pop("address", None)
        data["sex"] = str(self.sex_combo.currentData() or "")
        data["date_of_birth"] = self.birth_edit.text_for_record()
        return data

    def set_patient(self, patient: Mapping[str, Any]) -> None:
        self.recipient.set_recipient(patient)
        self._loading = True  # filled by code: nothing here is a finished edit
        try:
            index = self.sex_combo.findData(str(patient.get("sex") or "").upper())
            self.sex_combo.setCurrentIndex(max(index, 0))
            self.birth_edit.set_value(str(patient.get("date_of_birth") or ""))
        finally:
            self._loading = False
        self._server_errors.clear()
        self._refresh_own()

    def clear(self) -> None:
        self._touched.clear()
        self._edited.clear()
        self.recipient.clear()
        self.set_patient({})

    def editor(self, path: str) -> QWidget:
        if path == "sex":
            return self.sex_combo
        if path == "date_of_birth":
            return self.birth_edit.line
        return self.recipient.editor(path)

    def message_text(self, path: str) -> str:
        if path in self.messages:
            return self.messages[path].text()
        return self.recipient.message_text(path)

    def findings(self) -> list[Finding]:
        own = [f for f in self._own_findings() if f.field in _OWN_PATHS]
        return [*self.recipient.findings(), *own, *self._server_errors.findings()]

    def blocking(self) -> list[Finding]:
        own = [f for f in self.findings() if f.field in _OWN_PATHS and f.severity == "error"]
        return [*self.recipient.blocking(), *own]

    def reveal_all(self) -> None:
        self.recipient.reveal_all()
        self._touched.update(_OWN_PATHS)
        self._refresh_own()

    def focus_first_problem(self) -> bool:
        blocking = {finding.field for finding in self.blocking()}
        for path in PATIENT_PATHS:
            if path in blocking:
                self.editor(path).setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def set_server_errors(self, errors: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
        """Server messages on their fields (paths like ``address.zip``, ``sex``); returns the
        ones that match no field."""
        own = {path: list(messages) for path, messages in errors.items() if path in _OWN_PATHS}
        rest = {path: messages for path, messages in errors.items() if path not in _OWN_PATHS}
        self._server_errors.set(own, self._value)
        self._touched.update(own)
        self._refresh_own()
        return self.recipient.set_server_errors(rest)

    def set_read_only(self, read_only: bool) -> None:
        self.recipient.set_read_only(read_only)
        self.sex_combo.setEnabled(not read_only)
        self.birth_edit.set_read_only(read_only)

    def focus_chain(self) -> list[QWidget]:
        """Reading order: names and contact, date of birth, sex, then the address."""
        return [
            *self.recipient.focus_chain(CONTACT_PATHS),
            self.birth_edit.line,
            self.sex_combo,
            *self.recipient.focus_chain(ADDRESS_PATHS),
        ]

    def first_editor(self) -> QWidget:
        return self.recipient.first_editor()

    # --- internals -----------------------------------------------------------------------

    def _validate_recipient(self, recipient: dict[str, Any]) -> list[Finding]:
        data = {**recipient, "sex": "", "date_of_birth": ""}
        if not self._with_address:
            data.pop("address", None)
        wanted = set(CONTACT_PATHS) | (set(ADDRESS_PATHS) if self._with_address else set())
        return [
            finding
            for finding in validate_patient(
                data, today=self._today, require_address=self._with_address
            )
            if finding.field in wanted
        ]

    def _own_findings(self) -> list[Finding]:
        """Sex from the patient rules; the date of birth as its field read it."""
        data = self.patient()
        data.pop("address", None)
        sex = [f for f in validate_patient(data, today=self._today) if f.field == "sex"]
        problem = self.birth_edit.reading().problem
        return [*sex, *([problem] if problem is not None else [])]

    def _value(self, path: str) -> str:
        return str(self.patient().get(path) or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in (
            self.sex_combo, self.birth_edit.line
        ):
            popup = watched is self.sex_combo and self.sex_combo.view().isVisible()
            name = watched.objectName()
            # Tabbing through an untouched, empty field is not an answer to judge yet.
            if not popup and (name in self._edited or self._value(name)):
                self._touched.add(watched.objectName())
                self._refresh_own()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_own_changed(self) -> None:
        sender = self.sender()
        path = sender.objectName() if sender is not None else ""
        self._server_errors.forget_if_changed(path, self._value(path))
        if not self._loading:  # filled by code is not the user's edit
            self._edited.add(path)
        if sender is self.sex_combo and not self._loading:
            self._touched.add("sex")  # choosing from a list is a finished edit
        self._refresh_own()
        self.changed.emit()

    def _refresh_own(self) -> None:
        show_errors(self.messages, self.findings(), self._touched)


def _picker_label(patient: KnownPatient, today: date) -> str:
    """"Last, First · DOB ••••-••-•• (age 46)": the waiting room may see this list."""
    name = f"{patient.last_name}, {patient.first_name}".strip(", ") or patient.patient_id
    if not patient.date_of_birth:
        return name
    try:
        born: date | str = date.fromisoformat(patient.date_of_birth)
    except ValueError:
        born = patient.date_of_birth
    return f"{name} · {masked_dob(born, today)}"


class KnownPatientCombo(QComboBox):
    """Patients registered to earlier kits; filled once they arrive from a background task.
    Their dates of birth are masked, as on the kit panel; the age tells namesakes apart."""

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setObjectName("known_patients")
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._patients: dict[str, KnownPatient] = {}
        self.set_loading()

    def set_loading(self) -> None:
        self._placeholder(self.tr("Looking for earlier patients…"))

    def set_failed(self, text: str) -> None:
        self._placeholder(text)

    def set_patients(self, patients: Iterable[KnownPatient]) -> None:
        self.clear()
        self._patients = {p.patient_id: p for p in patients}
        if not self._patients:
            self._placeholder(self.tr("No earlier patients found"))
            return
        self.addItem(self.tr("Choose a patient…"), "")
        for patient in self._patients.values():
            self.addItem(_picker_label(patient, self._today or date.today()), patient.patient_id)
            self.setItemData(
                self.count() - 1,
                self.tr("Registered to kit %1").replace("%1", patient.kit_id),
                Qt.ItemDataRole.ToolTipRole,
            )

    def add_patient(self, patient: KnownPatient) -> None:
        """Add (or refresh) one patient, keeping the current choice."""
        chosen = self.patient_id()
        patients = dict(self._patients)
        patients[patient.patient_id] = patient
        ordered = sorted(
            patients.values(), key=lambda p: (p.last_name.lower(), p.first_name.lower())
        )
        self.set_patients(ordered)
        self.select(chosen)

    def has_patients(self) -> bool:
        return bool(self._patients)

    def patient_id(self) -> str:
        return str(self.currentData() or "")

    def patient(self) -> KnownPatient | None:
        return self._patients.get(self.patient_id())

    def select(self, patient_id: str) -> bool:
        index = self.findData(patient_id)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def _placeholder(self, text: str) -> None:
        self.clear()
        self._patients = {}
        self.addItem(text, "")


class PatientChoice(QWidget):
    """"An existing patient [list]" or "A new patient": how both registration windows begin.

    The list fills from a background task (`load`); until it has patients, "existing" is
    disabled. The area set with `set_new_area` (the new patient's fields) shows only while
    "new" is chosen.
    """

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._new_area: QWidget | None = None
        self._wanted = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.existing_radio = QRadioButton(self.tr("An existing &patient"), self)
        self.existing_radio.setObjectName("existing_radio")
        self.known_combo = KnownPatientCombo(self, today=today)
        self.new_radio = QRadioButton(self.tr("A &new patient"), self)
        self.new_radio.setObjectName("new_radio")
        self.new_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.existing_radio)
        group.addButton(self.new_radio)
        self.existing_radio.toggled.connect(self._on_toggled)
        row.addWidget(self.existing_radio)
        row.addWidget(self.known_combo, 1)
        row.addSpacing(16)
        row.addWidget(self.new_radio)

    def set_new_area(self, area: QWidget) -> None:
        self._new_area = area
        self.refresh()

    def load(self, run: Callable[..., Any], client: Any, rows: Any, *, key: str) -> None:
        """Fill the list off the GUI thread through ``run`` (a window's own task runner)."""
        self.known_combo.set_loading()
        run(known_patients, client, rows, on_success=self._on_loaded,
            on_error=self._on_failed, key=key)

    def select(self, patient_id: str) -> None:
        """Preselect an existing patient (applied once the list has loaded)."""
        self._wanted = patient_id
        if self.known_combo.select(patient_id):
            self.existing_radio.setChecked(True)

    def add_patient(self, patient: KnownPatient) -> None:
        self.known_combo.add_patient(patient)
        self.refresh()

    def is_existing(self) -> bool:
        return self.existing_radio.isChecked()

    def patient_id(self) -> str:
        return self.known_combo.patient_id()

    def refresh(self) -> None:
        """Enable "existing" only with patients to choose from; show the chosen side."""
        has_known = self.known_combo.has_patients()
        self.existing_radio.setEnabled(has_known)
        if not has_known and self.existing_radio.isChecked():
            self.new_radio.setChecked(True)
        existing = self.existing_radio.isChecked()
        self.known_combo.setEnabled(existing and has_known)
        if self._new_area is not None:
            self._new_area.setVisible(not existing)

    @Slot(bool)
    def _on_toggled(self, _checked: bool) -> None:
        self.refresh()

    def _on_loaded(self, patients: list[KnownPatient]) -> None:
        self.known_combo.set_patients(patients)
        if self._wanted:
            self.select(self._wanted)
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        self.known_combo.set_failed(
            self.tr("Couldn't load earlier patients: %1").replace("%1", describe_error(exc).title)
        )
        self.refresh()
