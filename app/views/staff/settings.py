"""Lock and audit settings (administrators): minutes before the idle lock, years of audit."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.audit import DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, MIN_RETENTION_YEARS
from app.services.errors import describe_error
from app.services.idle_lock import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from app.services.workstation import Workstation
from app.tasks import OwnedTasks, Runner
from app.views.common.app_settings import AppSettings

__all__ = ["WorkstationSettingsDialog"]


class WorkstationSettingsDialog(QDialog):
    """OK applies through `Workstation` (permission check, audit record) and saves them."""

    saved = Signal()

    def __init__(
        self, workstation: Workstation, settings: AppSettings, runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workstationSettingsDialog")
        self.setWindowTitle(self.tr("Lock and audit settings"))
        self._workstation = workstation
        self._settings = settings
        self._tasks = OwnedTasks(runner, self)  # late answers never reach a dead window
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(workstation.policy.idle_minutes)
        self.idle_spin.setAccessibleName(self.tr("Lock after minutes without use"))
        self.retention_spin = QSpinBox()
        self.retention_spin.setRange(MIN_RETENTION_YEARS, MAX_RETENTION_YEARS)
        self.retention_spin.setSuffix(self.tr(" years"))
        self.retention_spin.setValue(workstation.audit.retention_years)
        self.retention_spin.setAccessibleName(self.tr("Keep audit records for years"))
        self.retention_spin.valueChanged.connect(self._on_retention_changed)
        self.note_label = QLabel()
        self.note_label.setObjectName("retentionNote")
        self.note_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Lock after no use for:"), self.idle_spin)
        form.addRow(self.tr("&Keep audit records for:"), self.retention_spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self._on_retention_changed(self.retention_spin.value())

    @Slot(int)
    def _on_retention_changed(self, years: int) -> None:
        self.note_label.setText(
            self.tr("HIPAA asks for {n} years of documentation; check with your privacy "
                    "officer before keeping less.").format(n=DEFAULT_RETENTION_YEARS)
            if years < DEFAULT_RETENTION_YEARS else ""
        )

    @Slot()
    def _on_ok_clicked(self) -> None:
        minutes, years = self.idle_spin.value(), self.retention_spin.value()
        workstation = self._workstation

        def apply() -> tuple[int, int]:
            if minutes != workstation.policy.idle_minutes:
                workstation.set_idle_minutes(minutes)
            if years != workstation.audit.retention_years:
                workstation.set_retention_years(years)
            return minutes, years

        self.buttons.setEnabled(False)
        self._tasks.run(apply, on_success=self._on_applied, on_error=self._on_failed,
                         key="workstation-settings", durable=True)

    def _on_applied(self, result: object) -> None:
        assert isinstance(result, tuple)
        self._settings.idle_lock_minutes, self._settings.audit_retention_years = result
        self._settings.sync()
        self.saved.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        error = describe_error(exc)
        self.message_label.setText(f"{error.title}. {error.advice}")
