"""Sign-in dialog: environments, the masked token, "Test connection" and the keyring's moods."""

from __future__ import annotations

import re
import socket

import keyring.errors as kr_errors
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.compose import check_connection
from app.sandbox import SandboxServer
from app.services.credentials import CredentialStore
from app.services.environments import Environment
from app.tasks import TaskRunner
from app.views.shell.sign_in import SignInContext, SignInDialog
from tests.helpers.keyring import FailingKeyring, MemoryKeyring

WAIT_MS = 10_000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_dialog(
    qtbot: QtBot, runner: TaskRunner, context: SignInContext, **kwargs: str
) -> SignInDialog:
    dialog = SignInDialog(runner, context, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def use_custom(qtbot: QtBot, dialog: SignInDialog, url: str, token: str) -> None:
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    dialog.url_edit.setText(url)
    qtbot.keyClicks(dialog.token_edit, token)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_token_is_masked_until_shown(
    qtbot: QtBot, runner: TaskRunner, sign_in_context: SignInContext
) -> None:
    dialog = make_dialog(qtbot, runner, sign_in_context)
    assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Password


def test_sandbox_needs_no_token_and_signs_in_at_once(
    qtbot: QtBot, runner: TaskRunner, sign_in_context: SignInContext, sandbox: SandboxServer
) -> None:
    dialog = make_dialog(qtbot, runner, sign_in_context, environment_kind="sandbox")
    assert not dialog.token_edit.isVisible()
    assert not dialog.test_button.isVisible()
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    (choice,) = blocker.args
    environment, token = choice.environment, choice.token
    assert environment.kind == "sandbox"
    assert token == sandbox.token


def test_empty_token_and_bad_address_are_said_plainly(
    qtbot: QtBot, runner: TaskRunner, sign_in_context: SignInContext
) -> None:
    dialog = make_dialog(qtbot, runner, sign_in_context)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    # No token typed and none remembered for production (looked up off the GUI thread).
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Paste the API token first.",
                    timeout=WAIT_MS)
    use_custom(qtbot, dialog, "http://spot.example.com", "tok_abcdef123456")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "https://" in dialog.status_label.text()
    assert dialog.isVisible()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("wrong_token", "rejected this API token"),
        ("no_network", "refused the connection"),  # nothing listens at that port
        ("server_down", "not working right now"),
        ("ok", "Connected"),
    ],
)
def test_test_connection_says_which_failure(
    qtbot: QtBot,
    runner: TaskRunner,
    sign_in_context: SignInContext,
    sandbox: SandboxServer,
    case: str,
    expected: str,
) -> None:
    url, token = sandbox.base_url, sandbox.token
    if case == "wrong_token":
        token = "not-the-sandbox-token"
    elif case == "no_network":
        url = f"http://127.0.0.1:{free_port()}"
    elif case == "server_down":
        sandbox.set_faults(error_rate=1.0)
    dialog = make_dialog(qtbot, runner, sign_in_context)
    use_custom(qtbot, dialog, url, token)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: expected in dialog.status_label.text(), timeout=WAIT_MS)
    assert dialog.test_button.isEnabled()


def test_remembered_token_goes_to_the_keyring(
    qtbot: QtBot,
    runner: TaskRunner,
    sign_in_context: SignInContext,
    keyring_backend: MemoryKeyring,
    sandbox: SandboxServer,
) -> None:
    dialog = make_dialog(qtbot, runner, sign_in_context)
    use_custom(qtbot, dialog, sandbox.base_url, sandbox.token)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    key = Environment.custom(sandbox.base_url).key
    assert keyring_backend.entries == {("spot-front-desk", key): sandbox.token}
    assert dialog.token_edit.text() == ""  # the token does not linger in the widget


def test_a_locked_keyring_offers_this_session_only(
    qtbot: QtBot, runner: TaskRunner, sandbox: SandboxServer
) -> None:
    # A store that exists but refuses (locked): saving fails after the check, and the dialog
    # offers this session only. (No store at all unticks Remember up front: see below.)
    credentials = CredentialStore(keyring_backend=FailingKeyring(kr_errors.KeyringLocked()))
    context = SignInContext(credentials=credentials, check_connection=check_connection)
    dialog = make_dialog(qtbot, runner, context)
    assert not dialog.environment_combo.model().item(1).isEnabled()  # type: ignore[attr-defined]
    use_custom(qtbot, dialog, sandbox.base_url, sandbox.token)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.session_only_button.isVisible, timeout=WAIT_MS)
    assert "locked" in dialog.status_label.text()
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.session_only_button, Qt.MouseButton.LeftButton)
    key = Environment.custom(sandbox.base_url).key
    assert credentials.is_session_only(key)
    assert credentials.load(key) == sandbox.token


def test_unticking_remember_keeps_the_token_for_this_session_only(
    qtbot: QtBot, runner: TaskRunner, sandbox: SandboxServer
) -> None:
    backend = MemoryKeyring()
    credentials = CredentialStore(keyring_backend=backend)
    context = SignInContext(credentials=credentials, check_connection=check_connection)
    dialog = make_dialog(qtbot, runner, context)
    use_custom(qtbot, dialog, sandbox.base_url, sandbox.token)
    dialog.remember_box.setChecked(False)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert backend.entries == {}
    assert credentials.is_session_only(Environment.custom(sandbox.base_url).key)


def test_every_alt_key_in_the_dialog_is_used_once(
    qtbot: QtBot, runner: TaskRunner, sign_in_context: SignInContext
) -> None:
    dialog = make_dialog(qtbot, runner, sign_in_context, environment_kind="custom")
    dialog.session_only_button.setVisible(True)  # shown when there is no password store
    keys = []
    for widget in dialog.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        match = re.search(r"&([^&])", text.replace("&&", ""))
        if match and widget.isVisibleTo(dialog):
            keys.append(match.group(1).lower())
    assert sorted(keys) == sorted(set(keys)), keys


def test_no_keyring_unticks_remember_and_signs_in_for_this_session_without_asking(
    qtbot: QtBot, runner: TaskRunner, sandbox: SandboxServer
) -> None:
    credentials = CredentialStore(keyring_backend=FailingKeyring(kr_errors.NoKeyringError()))
    context = SignInContext(credentials=credentials, check_connection=check_connection)
    dialog = make_dialog(qtbot, runner, context)
    qtbot.waitUntil(lambda: not dialog.remember_box.isEnabled(), timeout=WAIT_MS)
    assert not dialog.remember_box.isChecked()
    use_custom(qtbot, dialog, sandbox.base_url, sandbox.token)
    assert dialog.keyring_note.isVisible()
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert not dialog.session_only_button.isVisible()  # no error, no second question
    assert credentials.is_session_only(Environment.custom(sandbox.base_url).key)
