"""The lock screen, "Who's working?": pick a name, type the PIN (or set up the first
administrator on a first start). Shown at start, after the idle time and on Ctrl+L."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import describe_error
from app.services.staff import (
    DEMO_PIN,
    DEMO_STAFF_ID,
    WRONG_SECRETS_BEFORE_WAIT,
    Role,
    SecretKind,
    StaffProfile,
)
from app.services.workstation import SignInOutcome, Workstation
from app.tasks import OwnedTasks, Runner

__all__ = ["ROLE_NAMES", "LockScreen", "StaffPicker", "role_name"]

ROLE_NAMES = {
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Roles", "Front desk"),
    Role.CLINICIAN: QT_TRANSLATE_NOOP("Roles", "Clinician"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}

STAFF_ID_ROLE = Qt.ItemDataRole.UserRole


def role_name(role: Role) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES.get(role, role.value))


class StaffPicker(QListWidget):
    """Everyone who can sign in here; typing a name's first letters selects it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPicker")
        self.setAccessibleName(self.tr("Staff"))
        self.setUniformItemSizes(True)

    def set_profiles(self, profiles: list[StaffProfile], selected: str | None = None) -> None:
        self.clear()
        for profile in profiles:
            item = QListWidgetItem(
                f"{profile.name}  ({profile.initials}) · {role_name(profile.role)}"
            )
            item.setData(STAFF_ID_ROLE, profile.staff_id)
            self.addItem(item)
            if profile.staff_id == selected:
                self.setCurrentItem(item)
        if self.currentItem() is None and self.count():
            self.setCurrentRow(0)

    def selected_staff_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(STAFF_ID_ROLE))

    def select_staff(self, staff_id: str) -> bool:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(STAFF_ID_ROLE) == staff_id:
                self.setCurrentItem(item)
                return True
        return False


class LockScreen(QWidget):
    """Signs someone in through `Workstation.sign_in` (off the GUI thread: hashing is slow).

    ``signed_in`` carries the `SignInOutcome` of a right PIN. The PIN field is emptied as soon
    as it is sent, so a PIN never waits in a widget.
    """

    signed_in = Signal(object)

    def __init__(
        self, workstation: Workstation, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("{app} — locked").format(app=APP_NAME))
        self._workstation = workstation
        self._tasks = OwnedTasks(runner, self)  # late answers never reach a dead window
        self._busy = False
        self._quitting = False

        self.title_label = QLabel(self.tr("Who's working?"))
        self.title_label.setObjectName("lockTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("lockReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Page 1: pick a name, type the PIN.
        self.picker = StaffPicker()
        self.picker.currentItemChanged.connect(self._on_picker_current_changed)
        self.picker.itemActivated.connect(self._on_picker_item_activated)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setAccessibleName(self.tr("PIN or passphrase"))
        self.pin_edit.setPlaceholderText(self.tr("PIN or passphrase"))
        self.pin_edit.returnPressed.connect(self._on_unlock_clicked)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.message_label = QLabel()
        self.message_label.setObjectName("lockMessage")
        self.message_label.setWordWrap(True)
        self.demo_label = QLabel()
        self.demo_label.setObjectName("demoHint")
        self.demo_label.setWordWrap(True)
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pick_page = QWidget()
        pick_layout = QVBoxLayout(pick_page)
        pick_label = QLabel(self.tr("&Your name:"))
        pick_label.setBuddy(self.picker)
        pin_label = QLabel(self.tr("&PIN:"))
        pin_label.setBuddy(self.pin_edit)
        pick_layout.addWidget(pick_label)
        pick_layout.addWidget(self.picker, 1)
        pick_layout.addWidget(pin_label)
        pick_layout.addWidget(self.pin_edit)
        pick_layout.addWidget(self.unlock_button)
        pick_layout.addWidget(self.message_label)
        pick_layout.addWidget(self.demo_label)

        # Page 2: the first start sets up an administrator.
        self.admin_name_edit = QLineEdit()
        self.admin_name_edit.setAccessibleName(self.tr("Administrator's name"))
        self.admin_initials_edit = QLineEdit()
        self.admin_initials_edit.setMaxLength(4)
        self.admin_initials_edit.setAccessibleName(self.tr("Initials"))
        self.admin_kind_combo = QComboBox()
        self.admin_kind_combo.addItem(self.tr("PIN (4–12 digits)"), "pin")
        self.admin_kind_combo.addItem(self.tr("Passphrase (8 characters or more)"),
                                      "passphrase")
        self.admin_secret_edit = QLineEdit()
        self.admin_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_secret_edit.setAccessibleName(self.tr("PIN or passphrase"))
        self.admin_confirm_edit = QLineEdit()
        self.admin_confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_confirm_edit.setAccessibleName(self.tr("Type it again"))
        self.admin_confirm_edit.returnPressed.connect(self._on_create_admin_clicked)
        self.create_admin_button = QPushButton(self.tr("&Create administrator"))
        self.create_admin_button.clicked.connect(self._on_create_admin_clicked)
        self.admin_message_label = QLabel()
        self.admin_message_label.setObjectName("adminMessage")
        self.admin_message_label.setWordWrap(True)
        admin_page = QWidget()
        admin_layout = QVBoxLayout(admin_page)
        intro = QLabel(self.tr(
            "First start on this computer: set up the administrator. Only an administrator "
            "adds staff, changes the Spot token and changes settings."
        ))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.admin_name_edit)
        form.addRow(self.tr("&Initials:"), self.admin_initials_edit)
        form.addRow(self.tr("&Sign in with:"), self.admin_kind_combo)
        form.addRow(self.tr("PI&N or passphrase:"), self.admin_secret_edit)
        form.addRow(self.tr("&Again:"), self.admin_confirm_edit)
        admin_layout.addWidget(intro)
        admin_layout.addLayout(form)
        admin_layout.addWidget(self.create_admin_button)
        admin_layout.addWidget(self.admin_message_label)
        admin_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(pick_page)
        self.pages.addWidget(admin_page)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.title_label)
        card_layout.addWidget(self.reason_label)
        card_layout.addWidget(self.pages, 1)
        card.setMaximumWidth(card.fontMetrics().averageCharWidth() * 70)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 4, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_wait)
        self.refresh()

    # state the shell sets

    def refresh(self, reason: str = "") -> None:
        """Reload the names (after profile changes) and show the right page."""
        self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason))
        directory = self._workstation.directory
        if directory.needs_first_administrator():
            self.title_label.setText(self.tr("Welcome"))
            self.pages.setCurrentIndex(1)
            self.admin_name_edit.setFocus()
            return
        self.title_label.setText(self.tr("Who's working?"))
        self.pages.setCurrentIndex(0)
        profiles = directory.profiles()
        self.picker.set_profiles(profiles, self._workstation.policy.last_staff_id)
        has_demo = any(p.staff_id == DEMO_STAFF_ID for p in profiles)
        self.demo_label.setText(
            self.tr("Sandbox demo: sign in as “Demo” with PIN {pin}.").format(pin=DEMO_PIN)
            if has_demo else ""
        )
        self.demo_label.setVisible(has_demo)
        self.pin_edit.clear()
        self._show_wait()
        self.pin_edit.setFocus()

    def close_for_good(self) -> None:
        """The app is quitting: the lock screen may close now (until then it refuses)."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the lock screen must not leave the app running with no way back in.
        if self._quitting:
            super().closeEvent(event)
        else:
            event.ignore()

    def is_first_start(self) -> bool:
        return self.pages.currentIndex() == 1

    # signing in

    @Slot()
    def _on_unlock_clicked(self) -> None:
        staff_id = self.picker.selected_staff_id()
        if self._busy or staff_id is None:
            return
        if self._workstation.directory.wait_remaining(staff_id) > 0:
            self._show_wait()
            return
        secret = self.pin_edit.text()
        self.pin_edit.clear()
        if not secret:
            self._say(self.tr("Type your PIN."))
            return
        self._set_busy(True)
        self._say(self.tr("Checking…"))
        self._tasks.run(
            self._workstation.sign_in, staff_id, secret,
            on_success=self._on_sign_in_finished, on_error=self._on_sign_in_failed,
            key="lock-screen-sign-in",
        )

    def _on_sign_in_finished(self, outcome: object) -> None:
        assert isinstance(outcome, SignInOutcome)
        self._set_busy(False)
        auth = outcome.auth
        if outcome.ok:
            self._say("")
            self.signed_in.emit(outcome)
            return
        if auth.outcome == "waiting":
            self._show_wait()
        elif auth.outcome == "wrong":
            left = WRONG_SECRETS_BEFORE_WAIT - auth.failures
            self._say(self.tr("Wrong PIN. Tries left before a wait: {n}.").format(n=left))
        else:
            self._say(self.tr("That profile no longer exists. Pick your name again."))
            self.refresh()
        self.pin_edit.setFocus()

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._say(describe_error(exc).message)

    @Slot()
    def _show_wait(self) -> None:
        staff_id = self.picker.selected_staff_id()
        remaining = (
            self._workstation.directory.wait_remaining(staff_id) if staff_id else 0.0
        )
        waiting = remaining > 0
        self.unlock_button.setEnabled(not waiting and not self._busy)
        if waiting:
            minutes, seconds = divmod(int(remaining + 0.999), 60)
            self._say(self.tr("Too many wrong PINs. Try again in {time}.").format(
                time=f"{minutes}:{seconds:02d}"))
            if not self._countdown.isActive():
                self._countdown.start()
        elif self._countdown.isActive():
            self._countdown.stop()
            self._say("")

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_picker_current_changed(self, _current: object, _previous: object) -> None:
        self._say("")
        self._show_wait()

    @Slot(QListWidgetItem)
    def _on_picker_item_activated(self, _item: object) -> None:
        self.pin_edit.setFocus()

    # first administrator

    @Slot()
    def _on_create_admin_clicked(self) -> None:
        if self._busy:
            return
        secret = self.admin_secret_edit.text()
        if secret != self.admin_confirm_edit.text():
            self.admin_message_label.setText(self.tr("The two entries don't match."))
            return
        kind: SecretKind = "passphrase" if self.admin_kind_combo.currentData() == (
            "passphrase") else "pin"
        name = self.admin_name_edit.text()
        initials = self.admin_initials_edit.text()
        self.admin_secret_edit.clear()
        self.admin_confirm_edit.clear()
        self._set_busy(True)
        self.admin_message_label.setText(self.tr("Saving…"))
        workstation = self._workstation

        def create() -> SignInOutcome:
            profile = workstation.create_first_administrator(name, initials, kind, secret)
            return workstation.sign_in(profile.staff_id, secret)

        self._tasks.run(create, on_success=self._on_admin_created,
                         on_error=self._on_admin_failed, key="lock-screen-first-admin",
                         durable=True)

    def _on_admin_created(self, outcome: object) -> None:
        assert isinstance(outcome, SignInOutcome)
        self._set_busy(False)
        self.admin_message_label.setText("")
        self.refresh()
        if outcome.ok:
            self.signed_in.emit(outcome)

    def _on_admin_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        error = describe_error(exc)
        self.admin_message_label.setText(f"{error.title}. {error.advice}")

    # helpers

    def _say(self, text: str) -> None:
        self.message_label.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self.create_admin_button.setEnabled(not busy)
