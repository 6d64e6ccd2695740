"""Settings: environment and token (through sign-in), kit-type catalog, refresh interval."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.marks import QT_TRANSLATE_NOOP
from app.views.common.app_settings import DEFAULT_KIT_CATALOG, MIN_REFRESH_SECONDS, AppSettings
from app.views.outreach.settings_box import OutreachSettingsBox

__all__ = ["SettingsDialog"]

_ENVIRONMENT_NAMES = {
    "production": QT_TRANSLATE_NOOP("Environments", "Production"),
    "sandbox": QT_TRANSLATE_NOOP("Environments", "Sandbox (built-in)"),
    "custom": QT_TRANSLATE_NOOP("Environments", "Custom URL"),
}


class SettingsDialog(QDialog):
    """Edits `AppSettings`; "OK" saves. The token itself is only ever set through sign-in."""

    sign_in_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self._settings = settings

        kind = settings.environment_kind
        where = QCoreApplication.translate("Environments", _ENVIRONMENT_NAMES.get(kind, kind))
        if kind == "custom" and settings.custom_url:
            where = f"{where}: {settings.custom_url}"
        self.environment_label = QLabel(where)
        self.switch_button = QPushButton(self.tr("Sign in / change &token…"))
        self.switch_button.clicked.connect(self._on_switch_button_clicked)
        account = QGroupBox(self.tr("Spot account"))
        account_layout = QFormLayout(account)
        account_layout.addRow(self.tr("Environment:"), self.environment_label)
        account_layout.addRow("", self.switch_button)

        self.refresh_spin = QSpinBox()
        self.refresh_spin.setRange(MIN_REFRESH_SECONDS, 3600)
        self.refresh_spin.setSuffix(self.tr(" s"))
        self.refresh_spin.setValue(settings.refresh_seconds)
        self.refresh_spin.setAccessibleName(self.tr("Refresh interval in seconds"))
        refresh_label = QLabel(self.tr("&Refresh the order list every:"))
        refresh_label.setBuddy(self.refresh_spin)
        sync_form = QFormLayout()
        sync_form.addRow(refresh_label, self.refresh_spin)

        self.catalog_table = QTableWidget(0, 2)
        self.catalog_table.setObjectName("kitCatalog")
        self.catalog_table.setHorizontalHeaderLabels(
            [self.tr("Kit type ID"), self.tr("Friendly name")]
        )
        self.catalog_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.catalog_table.verticalHeader().setVisible(False)
        self.catalog_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for kit_type, name in sorted(settings.kit_catalog.items()):
            self._append_row(kit_type, name)
        self.add_button = QPushButton(self.tr("&Add kit type"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.defaults_button = QPushButton(self.tr("Reset to &defaults"))
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self.catalog_message = QLabel()
        self.catalog_message.setObjectName("catalogMessage")
        catalog = QGroupBox(self.tr("Kit types (production)"))
        catalog_layout = QVBoxLayout(catalog)
        catalog_layout.addWidget(self.catalog_table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.defaults_button)
        catalog_layout.addLayout(row)
        catalog_layout.addWidget(self.catalog_message)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(account)
        layout.addLayout(sync_form)
        layout.addWidget(catalog, 1)
        self.outreach = OutreachSettingsBox(settings, self)
        layout.addWidget(self.outreach)
        layout.addWidget(self.buttons)
        self.resize(560, 680)

    def catalog(self) -> dict[str, str]:
        """The table as a catalog; rows with no id are skipped, a missing name uses the id."""
        result: dict[str, str] = {}
        for row in range(self.catalog_table.rowCount()):
            id_item = self.catalog_table.item(row, 0)
            name_item = self.catalog_table.item(row, 1)
            kit_type = id_item.text().strip() if id_item is not None else ""
            name = name_item.text().strip() if name_item is not None else ""
            if kit_type:
                result[kit_type] = name or kit_type
        return result

    def _duplicate_ids(self) -> list[str]:
        seen: set[str] = set()
        duplicates: list[str] = []
        for row in range(self.catalog_table.rowCount()):
            item = self.catalog_table.item(row, 0)
            kit_type = item.text().strip() if item is not None else ""
            if kit_type and kit_type in seen:
                duplicates.append(kit_type)
            seen.add(kit_type)
        return duplicates

    def _append_row(self, kit_type: str, name: str) -> int:
        row = self.catalog_table.rowCount()
        self.catalog_table.insertRow(row)
        self.catalog_table.setItem(row, 0, QTableWidgetItem(kit_type))
        self.catalog_table.setItem(row, 1, QTableWidgetItem(name))
        return row

    @Slot()
    def _on_add_button_clicked(self) -> None:
        row = self._append_row("", "")
        self.catalog_table.setCurrentCell(row, 0)
        item = self.catalog_table.item(row, 0)
        if item is not None:
            self.catalog_table.editItem(item)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.catalog_table.selectedIndexes()},
                      reverse=True)
        for row in rows:
            self.catalog_table.removeRow(row)

    @Slot()
    def _on_defaults_button_clicked(self) -> None:
        self.catalog_table.setRowCount(0)
        for kit_type, name in sorted(DEFAULT_KIT_CATALOG.items()):
            self._append_row(kit_type, name)

    @Slot()
    def _on_switch_button_clicked(self) -> None:
        self.sign_in_requested.emit()

    @Slot()
    def _on_ok_clicked(self) -> None:
        duplicates = self._duplicate_ids()
        if duplicates:
            self.catalog_message.setText(
                self.tr("Each kit type ID may appear once: {ids}").format(
                    ids=", ".join(duplicates)
                )
            )
            return
        if not self.catalog():
            self.catalog_message.setText(self.tr("Keep at least one kit type."))
            return
        self._settings.refresh_seconds = self.refresh_spin.value()
        self._settings.kit_catalog = self.catalog()
        self.outreach.save()
        self._settings.sync()
        self.accept()
