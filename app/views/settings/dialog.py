"""Settings: environment and token (through sign-in), kit-type catalog, refresh interval."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Signal, Slot
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
from app.services.environments import Environment
from app.views.common.app_settings import MIN_REFRESH_SECONDS, AppSettings
from app.views.common.settings_section import SectionFactory
from app.views.common.window_fit import fit_to_screen, scrolling

__all__ = ["SettingsDialog"]

_ENVIRONMENT_NAMES = {
    "production": QT_TRANSLATE_NOOP("Environments", "Production"),
    "sandbox": QT_TRANSLATE_NOOP("Environments", "Sandbox (built-in)"),
    "custom": QT_TRANSLATE_NOOP("Environments", "Custom URL"),
}


class SettingsDialog(QDialog):
    """Edits `AppSettings`; "OK" saves. The token itself is only ever set through sign-in."""

    sign_in_requested = Signal()

    def __init__(
        self, settings: AppSettings, parent: QWidget | None = None, *,
        sections: Sequence[SectionFactory] = (),
        environment: Environment | None = None, kit_types: Mapping[str, str] | None = None,
    ) -> None:
        """``environment``: the one the app runs on now (its session's), which wins over the
        remembered choice; ``kit_types``: that environment's own kit types where Spot lists
        them (the sandbox's catalog), shown read-only."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self._settings = settings

        kind = environment.kind if environment is not None else settings.environment_kind
        self._environment_key = (
            environment.key if environment is not None else settings.environment_key
        )
        where = QCoreApplication.translate("Environments", _ENVIRONMENT_NAMES.get(kind, kind))
        url = (environment.key.removeprefix("custom:") if environment is not None
               else settings.custom_url)
        if kind == "custom" and url:
            where = f"{where}: {url}"
        # The sandbox lists its own kit types: shown as they are, not edited here.
        self._own_catalog = dict(kit_types) if kit_types and kind == "sandbox" else None
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
        shown = (self._own_catalog if self._own_catalog is not None
                 else settings.kit_catalog_for(self._environment_key))
        for kit_type, name in sorted(shown.items()):
            self._append_row(kit_type, name)
        self.add_button = QPushButton(self.tr("&Add kit type"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.catalog_message = QLabel()
        self.catalog_message.setObjectName("catalogMessage")
        self.catalog_hint = QLabel(self.tr(
            "Use your Spot account's own kit type IDs: they are listed on Spot's dashboard and "
            "in your onboarding documents (ask your Spot contact if unsure). The app fills in "
            "the IDs found on your account's orders; give each a name the desk recognises."
        ))
        self.catalog_hint.setWordWrap(True)
        self.catalog_box = QGroupBox(self.tr("Kit types ({environment})").format(
            environment=where
        ))
        self.catalog_box.setObjectName("kitTypesBox")
        catalog_layout = QVBoxLayout(self.catalog_box)
        catalog_layout.addWidget(self.catalog_hint)
        catalog_layout.addWidget(self.catalog_table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        catalog_layout.addLayout(row)
        catalog_layout.addWidget(self.catalog_message)
        if self._own_catalog is not None:
            self.catalog_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for button in (self.add_button, self.remove_button):
                button.hide()
            self.catalog_hint.setText(self.tr("These are the kit types this environment offers."))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        # The groups scroll; OK and Cancel stay below them, on screen at 1280×720 too.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(account)
        body_layout.addLayout(sync_form)
        body_layout.addWidget(self.catalog_box, 1)
        # Sections other features add (the shell chooses them); each saves itself on OK.
        self.sections = [make(settings, body) for make in sections]
        for section in self.sections:
            body_layout.addWidget(section)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, self), 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(620, 860))

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

    def focus_kit_types(self) -> None:
        """Open at the kit types: the first unnamed one (its name cell), else the table."""
        self.catalog_table.setFocus()
        for row in range(self.catalog_table.rowCount()):
            id_item = self.catalog_table.item(row, 0)
            name_item = self.catalog_table.item(row, 1)
            if id_item is not None and name_item is not None and (
                name_item.text().strip() in ("", id_item.text().strip())
            ):
                self.catalog_table.setCurrentCell(row, 1)
                return
        if self.catalog_table.rowCount() == 0:
            self.add_button.setFocus()

    @Slot()
    def _on_switch_button_clicked(self) -> None:
        self.sign_in_requested.emit()

    @Slot()
    def _on_ok_clicked(self) -> None:
        # A section with ``validate()`` says itself what is wrong, next to its field.
        if not all(section.validate() for section in self.sections
                   if hasattr(section, "validate")):
            return
        if self._own_catalog is not None:  # a read-only list: nothing to check or save
            self._save_others()
            return
        duplicates = self._duplicate_ids()
        if duplicates:
            self.catalog_message.setText(
                self.tr("Each kit type ID may appear once: {ids}").format(
                    ids=", ".join(duplicates)
                )
            )
            return
        self._settings.set_kit_catalog_for(self._environment_key, self.catalog())
        self._save_others()

    def _save_others(self) -> None:
        self._settings.refresh_seconds = self.refresh_spin.value()
        for section in self.sections:
            section.save()  # type: ignore[attr-defined]
        self._settings.sync()
        self.accept()
