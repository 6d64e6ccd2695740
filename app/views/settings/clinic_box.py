"""Settings → Clinic: the clinic's name and phone, the one place the hand-out, labels and
outreach letters read them from (``AppSettings.clinic``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.views.common.app_settings import AppSettings
from app.views.common.message_strip import show_status

__all__ = ["ClinicSettingsBox"]


class ClinicSettingsBox(QGroupBox):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Clinic (on patient hand-outs and outreach letters)"), parent)
        self.setObjectName("clinicSettings")
        self._settings = settings
        name, phone = settings.clinic
        layout = QFormLayout(self)
        self.clinic_name = QLineEdit(name, self)
        self.clinic_name.setObjectName("clinicName")
        self.clinic_phone = QLineEdit(phone, self)
        self.clinic_phone.setObjectName("clinicPhone")
        phone_label = QLabel(self.tr("&Phone:"), self)
        phone_label.setBuddy(self.clinic_phone)
        row = QHBoxLayout()
        row.addWidget(self.clinic_name, 3)
        row.addWidget(phone_label)
        row.addWidget(self.clinic_phone, 2)
        name_label = QLabel(self.tr("Clinic &name:"), self)
        name_label.setBuddy(self.clinic_name)
        layout.addRow(name_label, row)
        # Earlier versions kept a second name/phone for letters; when the two differed the
        # hand-out's was kept. Show the other until these settings are saved once.
        self.replaced_note = QLabel(self)
        self.replaced_note.setObjectName("clinicReplacedNote")
        self.replaced_note.setWordWrap(True)
        self.replaced_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        old = " · ".join(value for value in settings.replaced_clinic if value)
        show_status(self.replaced_note, "info", self.tr(
            "Outreach letters used to say “%1”. Check the details above are right, then "
            "press OK."
        ).replace("%1", old) if old else "")
        layout.addRow(self.replaced_note)

    def save(self) -> None:
        self._settings.clinic = (self.clinic_name.text().strip(), self.clinic_phone.text().strip())
