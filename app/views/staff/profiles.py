"""Staff profiles (administrators): add someone, change a name or role, reset a PIN, remove.

Every change goes through `Workstation` (permission check and audit record) off the GUI
thread: setting a PIN hashes it, which takes a moment on purpose.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import describe_error
from app.services.staff import Permission, Role, SecretKind, StaffProfile
from app.services.workstation import Workstation
from app.tasks import OwnedTasks, Runner
from app.views.staff.lock_screen import role_name

__all__ = ["ProfileForm", "StaffProfilesDialog"]

COL_NAME, COL_INITIALS, COL_ROLE = range(3)


class ProfileForm(QDialog):
    """Name, initials and role, and/or a new PIN typed twice. ``submitted`` carries nothing:
    read the fields; the owner closes the form once the change is saved."""

    submitted = Signal()

    def __init__(
        self, title: str, *, profile: StaffProfile | None = None, identity: bool = True,
        secret: bool = True, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name_edit = QLineEdit(profile.name if profile else "")
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.initials_edit = QLineEdit(profile.initials if profile else "")
        self.initials_edit.setMaxLength(4)
        self.initials_edit.setAccessibleName(self.tr("Initials"))
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role_name(role), role.value)
        self.role_combo.setCurrentIndex(
            self.role_combo.findData((profile.role if profile else Role.FRONT_DESK).value))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("PIN (4–12 digits)"), "pin")
        self.kind_combo.addItem(self.tr("Passphrase (8 characters or more)"), "passphrase")
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("PIN or passphrase"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Type it again"))
        self.message_label = QLabel()
        self.message_label.setObjectName("profileMessage")
        self.message_label.setWordWrap(True)
        form = QFormLayout()
        if identity:
            form.addRow(self.tr("&Name:"), self.name_edit)
            form.addRow(self.tr("&Initials:"), self.initials_edit)
            form.addRow(self.tr("&Role:"), self.role_combo)
        if secret:
            form.addRow(self.tr("&Sign in with:"), self.kind_combo)
            form.addRow(self.tr("PI&N or passphrase:"), self.secret_edit)
            form.addRow(self.tr("&Again:"), self.confirm_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self._has_secret = secret

    @property
    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    @property
    def kind(self) -> SecretKind:
        return "passphrase" if self.kind_combo.currentData() == "passphrase" else "pin"

    def take_secret(self) -> str:
        """The typed secret, cleared from the form (it never waits in a widget)."""
        secret = self.secret_edit.text()
        self.secret_edit.clear()
        self.confirm_edit.clear()
        return secret

    def show_error(self, text: str) -> None:
        self.message_label.setText(text)
        self.buttons.setEnabled(True)

    @Slot()
    def _on_save_clicked(self) -> None:
        if self._has_secret and self.secret_edit.text() != self.confirm_edit.text():
            self.message_label.setText(self.tr("The two entries don't match."))
            return
        self.buttons.setEnabled(False)
        self.message_label.setText(self.tr("Saving…"))
        self.submitted.emit()


class StaffProfilesDialog(QDialog):
    """The profile list with Add, Edit, Reset PIN and Remove. ``changed`` fires after each
    saved change (the lock screen reloads its names)."""

    changed = Signal()

    def __init__(
        self, workstation: Workstation, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffProfilesDialog")
        self.setWindowTitle(self.tr("Staff profiles"))
        self._workstation = workstation
        self._tasks = OwnedTasks(runner, self)  # late answers never reach a dead window
        self.form: ProfileForm | None = None
        self._question: QMessageBox | None = None

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Initials"),
                                              self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(
            COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(self._on_edit_clicked)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.reset_button = QPushButton(self.tr("Reset &PIN…"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.message_label = QLabel()
        self.message_label.setObjectName("profilesMessage")
        self.message_label.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(close)
        self.resize(self.fontMetrics().averageCharWidth() * 80,
                    self.fontMetrics().height() * 22)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_profile()
        self.table.setRowCount(0)
        for profile in self._workstation.directory.profiles():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in ((COL_NAME, profile.name), (COL_INITIALS, profile.initials),
                                 (COL_ROLE, role_name(profile.role))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, profile.staff_id)
                self.table.setItem(row, column, item)
            if selected is not None and profile.staff_id == selected.staff_id:
                self.table.selectRow(row)
        allowed = self._workstation.allowed(Permission.MANAGE_PROFILES)
        self.add_button.setEnabled(allowed)
        if not allowed:
            self.message_label.setText(self.tr("Only an administrator can change profiles."))
        self._update_buttons()

    def selected_profile(self) -> StaffProfile | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self._workstation.directory.get(str(items[0].data(Qt.ItemDataRole.UserRole)))

    def select(self, staff_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_NAME)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == staff_id:
                self.table.selectRow(row)

    @Slot()
    def _update_buttons(self) -> None:
        profile = self.selected_profile()
        editable = (profile is not None and not profile.builtin
                    and self._workstation.allowed(Permission.MANAGE_PROFILES))
        for button in (self.edit_button, self.reset_button, self.remove_button):
            button.setEnabled(editable)

    # actions

    @Slot()
    def _on_add_clicked(self) -> None:
        form = self._open_form(ProfileForm(self.tr("Add staff"), parent=self))
        workstation = self._workstation

        def submitted() -> None:
            secret = form.take_secret()
            name, initials, role, kind = (form.name_edit.text(), form.initials_edit.text(),
                                          form.role, form.kind)
            self._run(lambda: workstation.add_profile(name, initials, role, kind, secret), form)

        form.submitted.connect(submitted)

    @Slot()
    def _on_edit_clicked(self) -> None:
        profile = self.selected_profile()
        if profile is None or not self.edit_button.isEnabled():
            return
        form = self._open_form(ProfileForm(self.tr("Edit {name}").format(name=profile.name),
                                           profile=profile, secret=False, parent=self))
        workstation = self._workstation
        form.submitted.connect(lambda: self._run(
            lambda: workstation.update_profile(
                profile.staff_id, name=form.name_edit.text(),
                initials=form.initials_edit.text(), role=form.role),
            form))

    @Slot()
    def _on_reset_clicked(self) -> None:
        profile = self.selected_profile()
        if profile is None:
            return
        form = self._open_form(ProfileForm(
            self.tr("New PIN for {name}").format(name=profile.name), profile=profile,
            identity=False, parent=self))
        workstation = self._workstation

        def submitted() -> None:
            secret = form.take_secret()
            kind = form.kind
            self._run(lambda: workstation.reset_secret(profile.staff_id, kind, secret), form)

        form.submitted.connect(submitted)

    @Slot()
    def _on_remove_clicked(self) -> None:
        profile = self.selected_profile()
        if profile is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove profile"),
            self.tr("Remove {name}? They will no longer be able to sign in here. The audit "
                    "trail keeps what they did.").format(name=profile.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        workstation = self._workstation

        def answered(button: int) -> None:
            self._question = None
            if button == QMessageBox.StandardButton.Yes:
                self._run(lambda: workstation.remove_profile(profile.staff_id), None)

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        self._question = box
        box.open()

    # helpers

    def _open_form(self, form: ProfileForm) -> ProfileForm:
        self.form = form
        form.finished.connect(form.deleteLater)
        form.finished.connect(lambda _code: setattr(self, "form", None))
        form.open()
        return form

    def _run(self, job: Callable[[], object], form: ProfileForm | None) -> None:
        def done(_result: object) -> None:
            self.message_label.setText("")
            if form is not None:
                form.accept()
            self.reload()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            error = describe_error(exc)
            text = f"{error.title}. {error.advice}"
            if form is not None:
                form.show_error(text)
            else:
                self.message_label.setText(text)

        self._tasks.run(job, on_success=done, on_error=failed, key="staff-profiles", durable=True)
