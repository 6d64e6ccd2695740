"""Sign-in: pick an environment, paste the API token, test it, remember it (or not).

Everything that can block — the connection check, the keyring, starting the built-in
sandbox — runs through the task runner; the dialog only shows what came back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.credentials import CredentialError
from app.services.environments import (
    PRODUCTION,
    SYSTEM_PROXY,
    ConnectionCheck,
    Environment,
    ProxySetting,
)
from app.services.errors import describe_error
from app.tasks import OwnedTasks, Runner
from app.views.shell.sign_in_context import SignInContext

__all__ = ["SignInContext", "SignInDialog"]


_KINDS = ("production", "sandbox", "custom")


@dataclass(frozen=True, slots=True)
class SignInChoice:
    """Where to sign in and with which token (kept in memory only, never logged)."""

    environment: Environment
    token: str = field(repr=False)
    typed: bool = True  # False: the remembered token or the built-in sandbox's (no change)


class SignInDialog(QDialog):
    """Non-modal sign-in; ``signed_in(environment, token)`` once the token works."""

    signed_in = Signal(object)  # SignInChoice

    def __init__(
        self,
        runner: Runner,
        context: SignInContext,
        parent: QWidget | None = None,
        *,
        environment_kind: str = "production",
        custom_url: str = "",
        reason: str = "",
        proxy: Callable[[], ProxySetting] = lambda: SYSTEM_PROXY,
    ) -> None:
        """``proxy()``: this computer's proxy choice (Settings), read at each test or
        sign-in, so Test connection goes the way the app will."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Spot"))
        self.setObjectName("signInDialog")
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._context = context
        self._proxy = proxy
        self._busy = False
        self._pending_save: tuple[Environment, str] | None = None

        self.reason_label = QLabel(reason)
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(bool(reason))
        self.environment_combo = QComboBox()
        self.environment_combo.addItem(self.tr("Production (app.spotdx.com)"), "production")
        self.environment_combo.addItem(self.tr("Sandbox (built-in, no token needed)"), "sandbox")
        self.environment_combo.addItem(self.tr("Custom URL"), "custom")
        if context.start_sandbox is None:
            self.environment_combo.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
        self.url_edit = QLineEdit(custom_url)
        self.url_edit.setPlaceholderText("https://spot.example.com")
        self.url_label = QLabel(self.tr("Server &address:"))
        self.url_label.setBuddy(self.url_edit)
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Paste the API token from Spot"))
        self.token_edit.setAccessibleName(self.tr("API token"))
        self.show_token = QAction(self.tr("Show token"), self)
        self.show_token.setCheckable(True)
        self.show_token.toggled.connect(self._on_show_token_toggled)
        self.token_edit.addAction(self.show_token, QLineEdit.ActionPosition.TrailingPosition)
        self.show_button = QPushButton(self.tr("S&how"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self.show_token.setChecked)
        self.token_label = QLabel(self.tr("API &token:"))
        self.token_label.setBuddy(self.token_edit)
        self.remember_box = QCheckBox(self.tr("&Remember on this computer"))
        self.remember_box.setChecked(True)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        self.test_button = QPushButton(self.tr("Test &connection"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("signInStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.session_only_button = QPushButton(self.tr("Use for this session &only"))
        self.session_only_button.setVisible(False)
        self.session_only_button.clicked.connect(self._on_session_only_button_clicked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("&Sign in"))
        # Enter anywhere in the form signs in; "Test connection" only on a click or Alt+C.
        self.sign_in_button.setDefault(True)
        self.test_button.setAutoDefault(False)
        self.show_button.setAutoDefault(False)
        self.session_only_button.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_sign_in_clicked)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        environment_label = QLabel(self.tr("&Environment:"))
        environment_label.setBuddy(self.environment_combo)
        form.addRow(environment_label, self.environment_combo)
        form.addRow(self.url_label, self.url_edit)
        form.addRow(self.token_label, self.token_edit)
        form.addRow("", self.show_button)
        form.addRow("", self.remember_box)
        form.addRow("", self.keyring_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason_label)
        layout.addLayout(form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status_label)
        layout.addWidget(self.session_only_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.environment_combo.currentIndexChanged.connect(self._on_environment_changed)
        index = _KINDS.index(environment_kind) if environment_kind in _KINDS else 0
        if index == 1 and context.start_sandbox is None:
            index = 0
        self.environment_combo.setCurrentIndex(index)
        self._on_environment_changed()
        self.setMinimumWidth(460)
        self._tasks.run(
            context.credentials.keyring_available, on_success=self._on_keyring_checked,
            key="sign-in-keyring",
        )

    def _on_keyring_checked(self, available: bool) -> None:
        if available:
            return
        # No password store: nothing to remember the token in, so say it once, here, instead
        # of failing after the check and asking.
        self.remember_box.setChecked(False)
        self.remember_box.setEnabled(False)
        self.keyring_note.setText(self.tr(
            "This computer has no password store: the token is kept for this session only "
            "(you'll paste it again next time the app starts)."
        ))
        self.keyring_note.setVisible(self.token_edit.isVisibleTo(self))
        self.adjustSize()  # room for the note's lines

    # --- helpers ------------------------------------------------------------------------

    @property
    def environment_kind(self) -> str:
        return str(self.environment_combo.currentData())

    def selected_environment(self) -> Environment:
        """The environment the fields describe; ValueError (plain message) for a bad URL."""
        kind = self.environment_kind
        if kind == "custom":
            return Environment.custom(self.url_edit.text()).with_proxy(self._proxy())
        return PRODUCTION.with_proxy(self._proxy())

    def set_reason(self, reason: str) -> None:
        """Why sign-in is asked for now (the dialog is reused, keeping what was typed)."""
        self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason))

    def _typing_field(self) -> QWidget:
        """Where the user types next: the token, or the address when it is the only field."""
        if self.token_edit.isVisibleTo(self):
            return self.token_edit
        if self.url_edit.isVisibleTo(self):
            return self.url_edit
        return self.environment_combo

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        disabled = (self.test_button, self.sign_in_button, self.environment_combo)
        focused = self.focusWidget()
        if busy and focused in disabled:
            # Disabling the focused button would hand focus to the next one in the chain,
            # "Cancel", and the next Enter would close the dialog and lose what was typed.
            self._typing_field().setFocus()
        for widget in disabled:
            widget.setEnabled(not busy)
        if message:
            self.status_label.setText(message)

    def _show_problem(self, text: str) -> None:
        self.status_label.setText(text)

    # --- slots --------------------------------------------------------------------------

    @Slot()
    def _on_environment_changed(self) -> None:
        kind = self.environment_kind
        self.url_label.setVisible(kind == "custom")
        self.url_edit.setVisible(kind == "custom")
        needs_token = kind != "sandbox"
        for widget in (self.token_label, self.token_edit, self.show_button, self.remember_box,
                       self.test_button):
            widget.setVisible(needs_token)
        self.keyring_note.setVisible(needs_token and bool(self.keyring_note.text()))
        self.status_label.clear()
        self.session_only_button.setVisible(False)

    @Slot(bool)
    def _on_show_token_toggled(self, shown: bool) -> None:
        self.token_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_button.setChecked(shown)

    def _inputs(self) -> tuple[Environment, str] | None:
        try:
            environment = self.selected_environment()
        except ValueError as exc:
            self._show_problem(str(exc))
            self.url_edit.setFocus()
            return None
        token = self.token_edit.text().strip()
        if not token:
            self._show_problem(self.tr("Paste the API token first."))
            self.token_edit.setFocus()
            return None
        return environment, token

    @Slot()
    def _on_test_button_clicked(self) -> None:
        inputs = self._inputs()
        if inputs is None or self._busy:
            return
        environment, token = inputs
        self._set_busy(True, self.tr("Testing the connection…"))
        self._tasks.run(
            self._context.check_connection,
            environment,
            token,
            on_success=self._on_test_finished,
            on_error=self._on_task_failed,
            key="sign-in",
        )

    def _on_test_finished(self, check: ConnectionCheck) -> None:
        self._set_busy(False)
        self._show_problem(check.message)
        if check.ok:
            self.sign_in_button.setFocus()  # Enter now signs in with what was tested
        else:
            self._typing_field().setFocus()

    @Slot()
    def _on_sign_in_clicked(self) -> None:
        if self._busy:
            return
        if self.environment_kind == "sandbox":
            start = self._context.start_sandbox
            if start is None:
                return
            self._set_busy(True, self.tr("Starting the built-in sandbox…"))
            self._tasks.run(
                start, on_success=self._on_sandbox_started, on_error=self._on_task_failed,
                key="sign-in",
            )
            return
        if not self.token_edit.text().strip():
            self._sign_in_with_saved_token()
            return
        inputs = self._inputs()
        if inputs is None:
            return
        self._check_and_sign_in(*inputs)

    def _check_and_sign_in(
        self, environment: Environment, token: str, *, saved: bool = False
    ) -> None:
        self._set_busy(True, self.tr("Checking the token…"))
        self._tasks.run(
            self._context.check_connection,
            environment,
            token,
            on_success=lambda check: self._on_sign_in_checked(
                environment, token, check, saved=saved
            ),
            on_error=self._on_task_failed,
            key="sign-in",
        )

    def _sign_in_with_saved_token(self) -> None:
        """No token typed: switching back to an environment whose token this computer
        remembers signs in with it, without asking for it again."""
        try:
            environment = self.selected_environment()
        except ValueError as exc:
            self._show_problem(str(exc))
            self.url_edit.setFocus()
            return
        self._set_busy(True, self.tr("Looking for a saved token…"))
        self._tasks.run(
            self._context.credentials.load,
            environment.key,
            on_success=lambda token: self._on_saved_token(environment, token),
            on_error=lambda _exc: self._on_saved_token(environment, None),
            key="sign-in",
        )

    def _on_saved_token(self, environment: Environment, token: str | None) -> None:
        self._set_busy(False)
        if not token:
            self._inputs()  # says "Paste the API token first."
            return
        self._check_and_sign_in(environment, token, saved=True)

    def _on_sandbox_started(self, started: tuple[Environment, str]) -> None:
        self._set_busy(False)
        environment, token = started
        self._finish(environment, token, typed=False)

    def _on_sign_in_checked(
        self, environment: Environment, token: str, check: ConnectionCheck,
        *, saved: bool = False,
    ) -> None:
        if not check.ok:
            self._set_busy(False)
            self._show_problem(check.message)
            self._typing_field().setFocus()
            return
        if saved:  # already where it was remembered (keyring, or this session)
            self._set_busy(False)
            self._finish(environment, token, typed=False)
            return
        if not self.remember_box.isChecked():
            self._context.credentials.keep_for_session(environment.key, token)
            self._set_busy(False)
            self._finish(environment, token)
            return
        self._set_busy(True, self.tr("Saving the token in this computer's password store…"))
        self._tasks.run(
            self._context.credentials.save,
            environment.key,
            token,
            on_success=lambda _none: self._on_token_saved(environment, token),
            on_error=lambda exc: self._on_save_failed(environment, token, exc),
            key="sign-in", durable=True,
        )

    def _on_token_saved(self, environment: Environment, token: str) -> None:
        self._set_busy(False)
        self._finish(environment, token)

    def _on_save_failed(self, environment: Environment, token: str, exc: BaseException) -> None:
        self._set_busy(False)
        error = exc if isinstance(exc, CredentialError) else describe_error(exc)
        self._pending_save = (environment, token)
        self._show_problem(error.sentence)
        self.session_only_button.setVisible(True)
        self.session_only_button.setFocus()

    @Slot()
    def _on_session_only_button_clicked(self) -> None:
        if self._pending_save is None:
            return
        environment, token = self._pending_save
        self._pending_save = None
        self._context.credentials.keep_for_session(environment.key, token)
        self._finish(environment, token)

    def _on_task_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        error = describe_error(exc)
        self._show_problem(error.sentence)
        self._typing_field().setFocus()

    def reject(self) -> None:
        """Cancel/Escape: hide and forget any check in flight; the fields keep their text."""
        self._tasks.cancel_all()
        self._set_busy(False)
        self._pending_save = None
        super().reject()

    def _finish(self, environment: Environment, token: str, *, typed: bool = True) -> None:
        self.token_edit.clear()
        self.signed_in.emit(SignInChoice(environment, token, typed))
        self.accept()
