"""The Outreach part of Settings: import pace and worklist thresholds (the clinic on letters is
Settings → Clinic)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from app.views.common.app_settings import AppSettings

__all__ = ["OutreachSettingsBox"]


class OutreachSettingsBox(QGroupBox):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outreach"), parent)
        self.setObjectName("outreachSettings")
        self._settings = settings
        layout = QFormLayout(self)
        self.rate_spin = QDoubleSpinBox(self)
        self.rate_spin.setRange(0.1, 10.0)
        self.rate_spin.setSingleStep(0.5)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setValue(settings.import_rate)
        layout.addRow(self.tr("&Orders a second when importing:"), self.rate_spin)
        delivered, registered, transit = settings.worklist_days
        self.delivered_spin = self._days(delivered)
        self.registered_spin = self._days(registered)
        self.transit_spin = self._days(transit)
        layout.addRow(self.tr("Chase a kit de&livered, not registered, after:"),
                      self.delivered_spin)  # fmt: skip
        layout.addRow(self.tr("Chase a kit re&gistered, no sample sent, after:"),
                      self.registered_spin)  # fmt: skip
        layout.addRow(self.tr("Chase a sample on its &way to the lab after:"), self.transit_spin)

    def _days(self, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 365)
        spin.setSuffix(self.tr(" days"))
        spin.setValue(value)
        return spin

    def save(self) -> None:
        self._settings.import_rate = self.rate_spin.value()
        self._settings.worklist_days = (self.delivered_spin.value(), self.registered_spin.value(),
                                        self.transit_spin.value())  # fmt: skip
