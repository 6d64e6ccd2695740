"""Sign-in never breaks: Cancel, a later 401, the first-start prompt, Enter after a test.

Each test drives the real window and dialog with clicks and keys, as the front desk would.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInDialog
from tests.helpers.main_window import (  # noqa: F401 - pytestmark applies here too
    SEEDED,
    WAIT_MS,
    MakeWindow,
    open_dialog,
    pytestmark,
    sign_in_to_sandbox,
)


def _type_custom(qtbot: QtBot, dialog: SignInDialog, url: str, token: str) -> None:
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    qtbot.keyClicks(dialog.url_edit, url)
    qtbot.keyClicks(dialog.token_edit, token)


def _cancel(qtbot: QtBot, dialog: SignInDialog) -> None:
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.wait(50)  # let any deleteLater run, as the event loop would between two clicks
    QApplication.sendPostedEvents(None, 0)


def _active(qtbot: QtBot, dialog: SignInDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)


def _typed_in(
    qtbot: QtBot, make_window: MakeWindow, sandbox: SandboxServer, token: str
) -> tuple[MainWindow, SignInDialog]:
    """A first start on a seeded server: the dialog active, its address and token typed."""
    sandbox.seed(SEEDED)
    window = make_window()
    window.show()
    dialog = window.show_sign_in()
    assert dialog is not None
    _active(qtbot, dialog)
    _type_custom(qtbot, dialog, sandbox.base_url, token)
    return window, dialog


def test_cancel_then_file_sign_in_opens_the_dialog_again_with_what_was_typed(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    window.commands["sign_in"].trigger()
    dialog = open_dialog(qtbot, window)
    _type_custom(qtbot, dialog, sandbox.base_url, "typed-token-1234")
    _cancel(qtbot, dialog)
    window.commands["sign_in"].trigger()  # File → Sign in
    again = open_dialog(qtbot, window)
    assert again.url_edit.text() == sandbox.base_url
    assert again.token_edit.text() == "typed-token-1234"
    assert not window.banner.isVisible()  # no "Something went wrong"


def test_cancel_then_settings_sign_in_opens_the_dialog(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    from app.views.settings.dialog import SettingsDialog

    window = make_window()
    window.show()
    window.show_sign_in()
    _cancel(qtbot, open_dialog(qtbot, window))
    window.commands["settings"].trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(SettingsDialog)), timeout=WAIT_MS)
    settings = window.findChildren(SettingsDialog)[0]
    qtbot.mouseClick(settings.switch_button, Qt.MouseButton.LeftButton)
    assert open_dialog(qtbot, window).isVisible()
    assert not window.banner.isVisible()


def test_a_401_after_a_cancelled_sign_in_asks_to_sign_in_again(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    seeded = sandbox
    seeded.seed(SEEDED)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    window.commands["sign_in"].trigger()
    _cancel(qtbot, open_dialog(qtbot, window))
    assert window.session is not None
    window.session.reauthenticate("revoked-token-0000")  # Spot now answers 401
    window.refresh_now()
    dialog = open_dialog(qtbot, window)
    assert "rejected" in dialog.reason_label.text()
    assert window.banner.title_label.text() != "Something went wrong"


def test_first_start_prompt_has_a_sign_in_button(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    window.start()
    _cancel(qtbot, open_dialog(qtbot, window))  # closed without signing in
    prompt = window.panel_placeholder
    assert prompt.isVisible()
    buttons = [b for b in prompt.findChildren(type(prompt.button)) if b.isVisible()]
    assert [b.text() for b in buttons] == ["Sign in…"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("sandbox"))
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT_MS)
    assert not prompt.isVisible()


def test_enter_after_a_successful_test_connection_signs_in(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    seeded = sandbox
    window, dialog = _typed_in(qtbot, make_window, seeded, sandbox.token)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connected" in dialog.status_label.text(), timeout=WAIT_MS)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused is not dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT_MS)
    assert window.session.environment.kind == "custom"
    qtbot.waitUntil(lambda: window.order_count() == SEEDED, timeout=WAIT_MS)


def test_focus_stays_in_the_form_during_a_test_and_escape_keeps_the_typing(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    seeded = sandbox
    window, dialog = _typed_in(qtbot, make_window, seeded, "wrong-token-5678")
    dialog.test_button.setFocus()
    qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)  # press the focused button
    assert QApplication.focusWidget() is dialog.token_edit  # not Cancel, while busy
    qtbot.waitUntil(lambda: "rejected" in dialog.status_label.text(), timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    again = window.show_sign_in()
    assert again is not None
    assert again.token_edit.text() == "wrong-token-5678"
    assert again.url_edit.text() == seeded.base_url


